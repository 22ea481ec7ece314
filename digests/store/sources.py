"""Sources: feeds, pages and seed folders, with their poll schedule and health."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlite_utils import Database

from digests.errors import SourceError
from digests.message import N_, Message
from digests.models import Source, SourceAttention
from digests.store.articles import ARCHIVE_HOLD
from digests.store.common import iso, parse_iso, utcnow
from digests.store.schema import DEFAULT_POLL_INTERVAL
from digests.urls import canonical_url, has_credentials, is_http_url

# After this many consecutive failures a source is paused until an admin resumes it.
AUTO_PAUSE_AFTER = 8
MAX_BACKOFF = timedelta(hours=6)


def _source(row: dict[str, Any]) -> Source:
    names = {f.name for f in fields(Source)}
    values = {k: v for k, v in row.items() if k in names}
    for flag in ("full_text", "paused"):
        values[flag] = bool(values.get(flag))
    values["consecutive_errors"] = values.get("consecutive_errors") or 0
    values["weight"] = values.get("weight") if values.get("weight") is not None else 1.0
    values["pause_message"] = Message.from_json(row.get("pause_message"))
    values["error_message"] = Message.from_json(row.get("error_message"))
    return Source(**values)


def _as_message(text: Message | str) -> Message:
    return text if isinstance(text, Message) else Message(text)


def _error_values(error: Message, moment: datetime) -> dict[str, Any]:
    """Return the columns that keep a source's last error: English text and message."""
    return {
        "last_error": str(error)[:500],
        "error_message": error.to_json(),
        "last_error_at": iso(moment),
    }


_SOURCE_SELECT = """
select s.*, (select count(*) from articles a where a.source_id = s.id) as item_count
from sources s
"""


def check_new_source(
    db: Database,
    url: str,
    *,
    kind: str = "feed",
    poll_interval: int = DEFAULT_POLL_INTERVAL,
    checked: bool = False,
    read_at: str | None = None,
) -> None:
    """Raise SourceError unless ``add_source`` would add this address (a caller that fetches
    it first, ``newsbot sources add``, asks before fetching, and again with ``read_at``, where
    the feed was read after every redirect: a source there is the same feed)."""
    if kind not in ("feed", "page", "file"):
        raise SourceError(N_("Unknown source kind “{kind}”: use feed, page or file"), kind=kind)
    if kind != "file" and not is_http_url(url):
        if url.strip().lower().startswith(("http://", "https://")):
            # The scheme is right; the address is not (a port out of range, a bracket left open).
            raise SourceError(N_("{url} is no web address: check its host and port."), url=url)
        raise SourceError(N_("Only http:// and https:// feed URLs can be added."))
    if kind != "file" and has_credentials(url):
        # A source keeps only its address, which /sources, exports and logs show.
        raise SourceError(N_("an address with a user name or password cannot be added"))
    if poll_interval < 60:
        raise SourceError(N_("Poll interval must be at least {seconds} seconds"), seconds=60)
    if read_at is not None and (known := source_at(db, url, read_at)) is not None:
        # Fetched: the address given led to a feed that is a source, which is named.
        raise SourceError(
            N_("Already a source: {id}. {name}"), id=known.id, name=known.title or known.url
        )
    if not checked and find_source(db, url) is not None:
        raise SourceError(N_("Source already added: {url}"), url=url)


def source_at(db: Database, *addresses: str) -> Source | None:
    """Return the source one of these addresses is (written any way), if any: the address an
    admin gave, the feed's it led to, where its redirects (301, 302 alike) ended."""
    for address in dict.fromkeys(addresses):
        if "://" in address and (known := find_source(db, address)) is not None:
            return known
    return None


def add_source(
    db: Database,
    url: str,
    *,
    kind: str = "feed",
    title: str | None = None,
    poll_interval: int = DEFAULT_POLL_INTERVAL,
    full_text: bool = True,
    weight: float = 1.0,
    now: datetime | None = None,
    checked: bool = False,
    folder: str | None = None,
) -> Source:
    """Add a source; raise SourceError if its URL is no http(s) URL or is already there.

    ``checked``: the caller made sure no source has this address (``same_address_keys``).
    ``folder``: the OPML folder it was listed in.
    """
    check_new_source(db, url, kind=kind, poll_interval=poll_interval, checked=checked)
    table = db.table("sources")
    table.insert(
        {
            "url": url,
            "kind": kind,
            "title": title or url,
            "poll_interval": poll_interval,
            "full_text": int(full_text),
            "paused": 0,
            "consecutive_errors": 0,
            "weight": weight,
            "added_at": iso(now or utcnow()),
            **({"folder": folder} if folder else {}),
        }
    )
    assert table.last_pk is not None
    return get_source(db, int(table.last_pk))


def find_source(db: Database, key: str | int) -> Source | None:
    """Return the source with this id, URL or title, or None.

    A URL finds the source of the same address written another way: another case in the
    scheme or host, a fragment, tracking parameters (``canonical_url``), so that one feed
    is never added twice. A title matches as written, else in any case when one source has
    it so.
    """
    if isinstance(key, int) or (isinstance(key, str) and key.isdecimal()):
        # An id, in any script's digits ("3", Persian "۳"); one past SQLite's integers is none.
        number = int(key)
        if not 0 < number < 2**63:
            return None
        rows = list(db.query(_SOURCE_SELECT + " where s.id = ?", [number]))
    else:
        rows = list(db.query(_SOURCE_SELECT + " where s.url = ?", [key]))
        rows = rows or list(db.query(_SOURCE_SELECT + " where s.title = ? order by s.id", [key]))
        if not rows:
            if "://" in key:  # an address: its path's case counts (add_source asks with it)
                return _same_address(db, key)
            return _title_in_any_case(db, key)
    return _source(rows[0]) if rows else None


def _title_in_any_case(db: Database, title: str) -> Source | None:
    """Return the one source whose title is ``title`` in another case ("медуза" for
    "Медуза"; SQLite's NOCASE folds only ASCII), or None when none or several are."""
    wanted = title.casefold()
    ids = [
        row["id"]
        for row in db.query("select id, title from sources where title is not null")
        if row["title"].casefold() == wanted
    ]
    return get_source(db, ids[0]) if len(ids) == 1 else None


def address_key(url: str) -> str | None:
    """Return what two ways of writing one source's address share, or None for no URL.

    Another case in the scheme or host, a fragment or tracking parameters do not make
    another feed (``canonical_url``).
    """
    try:
        return canonical_url(url) if is_http_url(url) else None
    except ValueError:  # no URL after all (a bad port or IPv6 address)
        return None


def same_address_keys(db: Database) -> set[str]:
    """Return the ``address_key`` of every source, to check many addresses at once."""
    keys = (address_key(row["url"]) for row in db.query("select url from sources"))
    return {key for key in keys if key is not None}


def _same_address(db: Database, url: str) -> Source | None:
    """Return the feed or page source whose URL is ``url`` written another way, or None."""
    wanted = address_key(url)
    if wanted is None:
        return None
    host = urlsplit(wanted).hostname or ""
    rows = db.query(
        _SOURCE_SELECT + " where s.kind != 'file' and instr(lower(s.url), ?) > 0 order by s.id",
        [host],
    )
    return next((_source(row) for row in rows if address_key(row["url"]) == wanted), None)


def move_source(db: Database, source: Source, url: str) -> Source | None:
    """Store a source's new address (its feed moved for good: a 301 or 308 led there), so
    that it is polled and exported there; return None. When another source already has that
    address (written any way), change nothing and return that source."""
    other = _same_address(db, url) if "://" in url else None
    rows = list(db.query(_SOURCE_SELECT + " where s.url = ?", [url]))
    other = _source(rows[0]) if rows else other
    if other is not None and other.id != source.id:
        return other
    db.execute("update sources set url = ? where id = ?", [url, source.id])
    return None


def get_source(db: Database, key: str | int) -> Source:
    """Return the source with this id, URL or title; raise SourceError if there is none.

    An address not found as it is written finds the one source it can be written loosely
    (``_loosely``): an admin names a source to pause or remove, never to add.
    """
    source = find_source(db, key)
    if source is None and isinstance(key, str):
        source = _loosely(db, key)
    if source is None:
        raise SourceError(N_("No such source: {key}"), key=str(key))
    return source


def _loose_key(url: str) -> str | None:
    """Return what an address shares with the ways people copy it: no scheme (http or https),
    no "www.", no trailing slash; ``address_key``'s rules besides. None for no URL."""
    key = address_key(url)
    if key is None:
        return None
    parts = urlsplit(key)
    host = parts.netloc.removeprefix("www.")
    return urlunsplit(("", host, parts.path.rstrip("/"), parts.query, ""))


# An address typed without its scheme: a host with a dot, maybe a path ("example.com/rss").
_SCHEMELESS = re.compile(r"^[^\s/:@]+\.[^\s/:@]+(?:[/?].*)?$")


def _loosely(db: Database, typed: str) -> Source | None:
    """Return the one feed or page source ``typed`` names loosely (``_loose_key``): another
    scheme, "www." or not, a trailing slash or not, no scheme at all; None when none or
    several sources could be meant."""
    typed = typed.strip()
    if "://" not in typed:
        if not _SCHEMELESS.match(typed):
            return None
        typed = f"https://{typed}"
    wanted = _loose_key(typed)
    if wanted is None:
        return None
    host = (urlsplit(f"//{wanted}").hostname or "").lower()
    rows = db.query(
        _SOURCE_SELECT + " where s.kind != 'file' and instr(lower(s.url), ?) > 0 order by s.id",
        [host],
    )
    found = [_source(row) for row in rows if _loose_key(row["url"]) == wanted]
    return found[0] if len(found) == 1 else None


# Between the sources named in one command: spaces or commas ("3 4 5", "3, 4").
_SEPARATORS = re.compile(r"[\s,;]+")


def sources_named(db: Database, key: str) -> list[tuple[str, Source | None]]:
    """Return each source ``key`` names, with the words naming it (None: no such source).

    The whole key first (a title has spaces: "Le Monde"); else, split at spaces and commas,
    each id, address or title in turn (``/removesource 3 4 5``), each source once, when
    any of them names one.
    """
    key = key.strip()
    try:
        return [(key, get_source(db, key))]
    except SourceError:
        pass
    words = [word for word in _SEPARATORS.split(key) if word]
    if len(words) < 2:
        return [(key, None)]
    named: list[tuple[str, Source | None]] = []
    seen: set[int] = set()
    for word in dict.fromkeys(words):
        source = find_source(db, word) or _loosely(db, word)
        if source is not None and source.id in seen:
            continue
        if source is not None:
            seen.add(source.id)
        named.append((word, source))
    # Words of which none names a source were one name after all ("no such paper").
    return named if any(source for _, source in named) else [(key, None)]


def list_sources(db: Database, *, include_paused: bool = True) -> list[Source]:
    """Return every source, oldest first."""
    where = "" if include_paused else " where s.paused = 0"
    return [_source(r) for r in db.query(_SOURCE_SELECT + where + " order by s.id")]


def articles_since(db: Database, source_id: int, since: datetime) -> int:
    """Return how many of a source's stored articles were saved since then."""
    [row] = db.query(
        "select count(*) as n from articles where source_id = ? and fetched >= ?",
        [source_id, iso(since)],
    )
    return int(row["n"])


def defer_poll(db: Database, source: Source, until: datetime) -> None:
    """Poll a source no sooner than until; its health is untouched."""
    if source.next_poll is None or parse_iso(source.next_poll) < until:
        db.execute("update sources set next_poll = ? where id = ?", [iso(until), source.id])


def update_source(db: Database, source_id: int, **values: Any) -> Source:
    """Update columns of one source and return it."""
    db.table("sources").update(source_id, values)
    return get_source(db, source_id)


def remove_source(db: Database, key: str | int) -> Source:
    """Remove a source; its articles stay, detached from it, with its title (their outlet)."""
    source = get_source(db, key)
    with db.atomic():
        db.execute(
            "update articles set source_id = null, source_title = ? where source_id = ?",
            [source.title or source.url, source.id],
        )
        db.execute("delete from source_boilerplate where source_id = ?", [source.id])
        db.table("sources").delete(source.id)
    return source


# A generator's paragraph no poll of its source has given for this long is forgotten.
BOILERPLATE_KEPT = timedelta(days=90)


def source_boilerplate(db: Database, source_id: int) -> frozenset[str]:
    """Return the keys of the paragraphs a source's feed was found to write on its items
    (``feeds.paragraph_key``): its generator's, left out of its items on every poll."""
    rows = db.execute("select key from source_boilerplate where source_id = ?", [source_id])
    return frozenset(str(key) for (key,) in rows)


def remember_boilerplate(
    db: Database, source_id: int, keys: frozenset[str], *, now: datetime | None = None
) -> None:
    """Remember the keys of the generator's paragraphs a poll of a source left out (found
    anew or known), as seen now; forget those of the source not seen for
    ``BOILERPLATE_KEPT``."""
    moment = now or utcnow()
    with db.atomic():
        db.conn.executemany(
            "insert or replace into source_boilerplate (source_id, key, seen) values (?, ?, ?)",
            [(source_id, key, iso(moment)) for key in sorted(keys)],
        )
        db.execute(
            "delete from source_boilerplate where source_id = ? and seen < ?",
            [source_id, iso(moment - BOILERPLATE_KEPT)],
        )


def set_paused(
    db: Database,
    key: str | int,
    paused: bool,
    reason: Message | str | None = None,
    *,
    now: datetime | None = None,
) -> Source:
    """Pause or resume a source; resuming clears its error count and back-off."""
    source = get_source(db, key)
    why = _as_message(reason) if paused and reason else None
    values: dict[str, Any] = {
        "paused": int(paused),
        "pause_reason": str(why) if why else None,
        "pause_message": why.to_json() if why else None,
        "paused_at": iso(now or utcnow()) if paused else None,
    }
    if not paused:
        values.update(consecutive_errors=0, next_poll=None, failing_since=None)
    return update_source(db, source.id, **values)


def pause_unchanged(source: Source, paused: bool) -> bool:
    """Return True when pausing (or resuming) would change nothing: already paused, or not
    paused and without errors to clear."""
    if paused:
        return source.paused
    return not source.paused and not source.consecutive_errors


def due_sources(db: Database, now: datetime | None = None) -> list[Source]:
    """Return active sources whose next poll time has come."""
    moment = iso(now or utcnow())
    rows = db.query(
        _SOURCE_SELECT + " where s.paused = 0 and (s.next_poll is null or s.next_poll <= ?)"
        " order by s.id",
        [moment],
    )
    return [_source(r) for r in rows]


def record_success(
    db: Database,
    source: Source,
    *,
    etag: str | None,
    last_modified: str | None,
    title: str | None = None,
    warning: Message | str | None = None,
    now: datetime | None = None,
    not_before: datetime | None = None,
    whole: bool | None = None,
) -> Source:
    """Store a successful poll: validators, health reset, next poll time.

    ``whole``: whether the poll read the feed whole (False: it parsed with errors; None: it
    read nothing, a 304), which ends or, on the first poll, holds open the source's archive
    (``reads_archive``).

    A ``warning`` (a feed that parsed with errors but gave articles) is recorded as the
    last error, at the same time as ``last_ok``, without counting towards back-off or
    auto-pause: the source answers, and an admin sees what is wrong with it.
    ``not_before``: the server's word (max-age, RSS ttl) when it is later than the poll
    interval; the source's own interval stays as it is.
    """
    moment = now or utcnow()
    next_poll = moment + timedelta(seconds=source.poll_interval)
    values: dict[str, Any] = {
        "etag": etag,
        "last_modified": last_modified,
        "last_ok": iso(moment),
        "consecutive_errors": 0,
        "failing_since": None,
        "next_poll": iso(max(next_poll, not_before or next_poll)),
    }
    if warning:
        values.update(_error_values(_as_message(warning), moment))
    if title and source.title == source.url:
        values["title"] = title
    if whole:
        values["archive_until"] = None
    elif whole is not None and source.last_ok is None:
        values["archive_until"] = iso(moment + ARCHIVE_HOLD)
    return update_source(db, source.id, **values)


def reads_archive(source: Source, now: datetime) -> bool:
    """Return whether a poll of the source now reads its archive, not news: its undated items
    are then dated ``UNDATED_BACKLOG_AGE`` back (``save_articles``'s ``backlog``).

    Its first successful poll does; so does a later one while the first polls were cut off
    (parsed with errors: part of the archive came later), until a poll reads the feed whole
    or ``ARCHIVE_HOLD`` has passed since the first.
    """
    if source.last_ok is None:
        return True
    return source.archive_until is not None and now < parse_iso(source.archive_until)


def poll_warning(source: Source) -> str | None:
    """Return the warning of the source's latest poll (it succeeded, with a feed that parsed
    with errors), or None: ``record_success`` stamps such a warning at the time of the poll."""
    if source.last_error and source.last_ok and source.last_error_at == source.last_ok:
        return source.last_error
    return None


# An active source polled without error that saved no new article for this long is quiet.
QUIET_AFTER = timedelta(days=7)


def sources_needing_attention(db: Database, *, now: datetime) -> list[SourceAttention]:
    """Return the sources an admin should look at, the most urgent first.

    - **failing**: errors in a row (active, or paused after them), the most errors first;
      since its last success, or since it was added when it never had one.
    - **warning**: active, its latest poll succeeded with a warning (a feed that parsed with
      errors); since that poll.
    - **quiet**: active, polled and never failing, but no new article for QUIET_AFTER or
      more; since its newest article, or since it was added when it has none.
    - **paused**: by an admin, without errors; last; since it was paused (unknown for a
      pause from before migration 039).

    Warnings and quiet sources come together, the longest first; ties go by name (the
    source's title, else its host), as they do among the paused.
    """
    sources = list_sources(db)
    # The sources with an article this recent are not quiet (read on the index of fetched,
    # never the whole table); the others' newest article is looked up one by one.
    recent = {
        row["source_id"]
        for row in db.query(
            "select distinct source_id from articles indexed by idx_articles_fetched"
            " where fetched >= ?",
            [iso(now - QUIET_AFTER)],
        )
    }

    def newest(source_id: int) -> datetime | None:
        [row] = db.query("select max(fetched) as at from articles where source_id = ?", [source_id])
        return parse_iso(row["at"]) if row["at"] else None

    failing: list[tuple[int, str, SourceAttention]] = []
    lagging: list[tuple[datetime, str, SourceAttention]] = []
    paused: list[tuple[str, SourceAttention]] = []
    for source in sources:
        name = source_name(source)
        added = parse_iso(source.added_at) if source.added_at else None
        if source.consecutive_errors:
            since = parse_iso(source.last_ok) if source.last_ok else added
            item = SourceAttention(source, name, "failing", since)
            failing.append((-source.consecutive_errors, name.casefold(), item))
        elif source.paused:
            at = parse_iso(source.paused_at) if source.paused_at else None
            paused.append((name.casefold(), SourceAttention(source, name, "paused", at)))
        elif poll_warning(source) and source.last_ok:
            at = parse_iso(source.last_ok)
            lagging.append((at, name.casefold(), SourceAttention(source, name, "warning", at)))
        elif source.kind != "file" and source.last_ok and source.id not in recent:
            last = newest(source.id) or added
            if last is not None and now - last >= QUIET_AFTER:
                item = SourceAttention(source, name, "quiet", last)
                lagging.append((last, name.casefold(), item))
    return [
        *(item for *_, item in sorted(failing, key=lambda t: t[:2])),
        *(item for *_, item in sorted(lagging, key=lambda t: t[:2])),
        *(item for _, item in sorted(paused, key=lambda t: t[0])),
    ]


def source_name(source: Source) -> str:
    """Return what a source is called: its title, else (none, or its address standing for
    one) its address's host."""
    title = " ".join(source.title.split())
    if title and title != source.url:
        return title
    return urlsplit(source.url).hostname or source.url


def backoff_delay(poll_interval: int, consecutive_errors: int) -> timedelta:
    """Return how long to wait after this many consecutive errors (doubling, capped)."""
    delay = timedelta(seconds=poll_interval * 2 ** max(0, consecutive_errors - 1))
    return min(delay, max(MAX_BACKOFF, timedelta(seconds=poll_interval)))


def record_failure(
    db: Database,
    source: Source,
    error: Message | str,
    *,
    now: datetime | None = None,
    not_before: datetime | None = None,
    counts: bool = True,
    gone: bool = False,
) -> Source:
    """Store a failed poll: count it, back off exponentially, auto-pause at the threshold.

    ``gone``: the server says the feed is gone for good (410): paused at once, with why.

    ``not_before``: the server asked for no request before then (Retry-After), when that
    is later than the back-off. With ``counts`` False (the server asked to wait: it is not
    broken) the error is shown but neither counted nor backed off further.
    """
    moment = now or utcnow()
    errors = source.consecutive_errors + 1 if counts else source.consecutive_errors
    next_poll = moment + backoff_delay(source.poll_interval, errors)
    problem = _as_message(error)
    values: dict[str, Any] = {
        "consecutive_errors": errors,
        "next_poll": iso(max(next_poll, not_before or next_poll)),
        **_error_values(problem, moment),
    }
    if counts and not source.consecutive_errors:
        values["failing_since"] = iso(moment)  # the first failure of a run
    if gone or (counts and errors >= AUTO_PAUSE_AFTER):
        why = (
            Message(
                N_("paused: the server says the feed is gone for good ({error})"),
                {"error": problem},
            )
            if gone
            else Message(
                N_("paused after {count} consecutive errors; last: {error}"),
                {"count": errors, "error": problem},
            )
        )
        values["paused"] = 1
        values["pause_reason"] = str(why)[:500]
        values["pause_message"] = why.to_json()
        values["paused_at"] = iso(moment)
    return update_source(db, source.id, **values)
