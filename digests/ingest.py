"""Poll sources: fetch, parse, fill in teasers from article pages, save, record health.

Entries without a link (nor a guid that is one) cannot be stored, as an article is known
by its link; nor can an entry with neither title nor text (once its page, if fetched, gave
none): the poll says how many were left out, as a warning on the source. A feed that
parsed with errors keeps only entries with usable text
(``feeds.usable_entry``); the poll counts as a success with a warning ("feed parsed with
errors: ...") recorded as the source's last error, which does not count towards back-off
or auto-pause, and its ETag and Last-Modified are not kept: a proxy that cut the document
off may serve it with the intact one's, and a conditional request would then never get
the intact document. Saving lets the fullest copy of an article win
(``store.save_articles``). An item without a date is dated when first seen, but those of a
source's first successful poll are its archive (``backlog``): dated
``store.articles.UNDATED_BACKLOG_AGE`` (twice live's window: two days) before it, so a source
added with an undated archive of 200 items does not post 200 live posts of "new" items nor put
them above the day's news in the next digest. When that poll parsed with errors (a cut-off
feed gave 12 of its 50 items), the polls after it read the rest of the archive, until one
reads the feed whole or ``store.articles.ARCHIVE_HOLD`` has passed (``store.reads_archive``).

Politeness (the rules are in ``digests.polite``): every fetch of a run keeps its client's
per-host limits, and a source waits for its host's turn before it takes one of the run's
``concurrency`` places, so a host with many sources does not slow the others. A feed's
``Cache-Control: max-age`` or RSS ``<ttl>``, when longer than the poll interval, puts its
next poll off until then (the interval itself stays). A 429 or 503 with Retry-After is
shown as the source's error but not counted towards back-off or auto-pause (the server
asks to wait; it is not broken), and the source is not polled before that time nor
before its interval; the host's other sources wait out a short hold (``MAX_HOLD_WAIT``)
or, for a longer one, are skipped for the rest of the run and put off until it ends
(their health untouched). A bot challenge page is an error saying so.

Everything that touches the database runs on the event-loop thread; parsing and page
extraction go to an executor: the caller's long-lived ``ParsePool`` (the bot keeps one
for its lifetime), else a process pool made for one run when many feeds are due, else a
thread. A source's failure is recorded on it and never raised out of a poll; nor is a
failure to record its health once its articles are saved (logged; the poll's result stands).
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import math
import multiprocessing
import os
import re
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, ParamSpec, TypeVar

import httpx
from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from digests import store
from digests.dedup import ArticleKey, article_keys
from digests.errors import (
    FeedPage,
    FetchError,
    Gone,
    HostHeld,
    NewsbotError,
    NotModified,
    ParseError,
    RateLimited,
)
from digests.extract import extract_page, read_seed_dir
from digests.feeds import ParsedFeed, parse_feed, parse_feed_with_keys, usable_entry
from digests.fetch import (
    DEFAULT_LIMITS,
    FetchLimits,
    PoliteClient,
    check_public_address,
    fetch,
    make_client,
)
from digests.message import N_, Message
from digests.models import ArticleIn, Source
from digests.polite import MAX_SERVER_DELAY, host_key
from digests.urls import canonical_url, item_url

log = logging.getLogger(__name__)

FULL_TEXT_CONCURRENCY = 4
# Article pages fetched per poll at most; later teasers are stored as they are.
MAX_FULL_TEXT_PER_POLL = 25
# Without a pool of the caller's, from this many due sources on a run starts its own.
PROCESS_POOL_MIN_SOURCES = 16
# One worker per core: on 2 cores, 2 workers beside the event loop (which fetches and writes
# to SQLite) ingested 2,630-3,060 items/s, 1 worker 1,990-2,240 (bench/ingest.py, warm pool).
MAX_PARSE_WORKERS = 4
SEED_POLL_INTERVAL = 86_400

Status = Literal["ok", "not_modified", "error", "skipped"]
T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one source did.

    ``replaced``: stored articles whose text a clearly fuller copy replaced. ``warning``:
    what was wrong with a feed that parsed with errors (the poll still counts as "ok"), or
    why a source was skipped. ``error`` and ``warning`` are messages: ``str()`` is English,
    and the bot translates them.
    """

    source_id: int
    status: Status
    new: int = 0
    duplicates: int = 0
    error: Message | None = None
    replaced: int = 0
    warning: Message | None = None
    expired: int = 0  # items older than retention keeps, not saved


async def _off_loop(
    executor: Executor | None, func: Callable[..., T], *args: object, **kwargs: object
) -> T:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, functools.partial(func, *args, **kwargs))


async def poll_source(
    db: Database,
    client: httpx.AsyncClient,
    source: Source,
    *,
    limits: FetchLimits = DEFAULT_LIMITS,
    now: datetime | None = None,
    fetch_full_text: bool = True,
    executor: Executor | None = None,
    not_before: datetime | None = None,
) -> PollResult:
    """Fetch one source and save its new articles; record success or the failure's reason.

    Items published before ``not_before`` (retention's cutoff) are not saved. A source
    removed while its feed was on the way is skipped: nothing of it saved or recorded.
    """
    try:
        return await _poll_source(
            db,
            client,
            source,
            limits=limits,
            now=now,
            fetch_full_text=fetch_full_text,
            executor=executor,
            not_before=not_before,
        )
    except NotFoundError:  # recording the poll found no row: removed meanwhile?
        if (removed := _removed(db, source)) is None:
            raise
        return removed


def _removed(db: Database, source: Source) -> PollResult | None:
    """Return the result of polling a source an admin removed meanwhile, or None while it
    is still there."""
    if store.find_source(db, source.id) is not None:
        return None
    log.info("%s: removed while it was polled; nothing of it kept", source.url)
    return PollResult(source.id, "skipped")


async def _poll_source(
    db: Database,
    client: httpx.AsyncClient,
    source: Source,
    *,
    limits: FetchLimits,
    now: datetime | None,
    fetch_full_text: bool,
    executor: Executor | None,
    not_before: datetime | None,
) -> PollResult:
    if source.paused or source.kind not in ("feed", "page"):
        return PollResult(source.id, "skipped")
    moment = now or store.utcnow()
    try:
        fetched = await fetch(
            client, source.url, etag=source.etag, last_modified=source.last_modified, limits=limits
        )
        title: str | None = None
        keys: list[ArticleKey] | None = None
        warning: Message | None = None
        damaged = False
        ttl: int | None = None
        boilerplate: frozenset[str] = frozenset()
        if source.kind == "page":
            page = await _off_loop(
                executor, extract_page, fetched.content, fetched.url, fetched.charset
            )
            # What retention removed, dated by the bot, would be saved again as news; a changed
            # page is news again.
            items, keys, gone = store.without_removed(
                db, [page], article_keys([page]), now=moment, changed_is_news=True
            )
            title = page.title
        else:
            known = store.source_boilerplate(db, source.id)
            parsed, feed_keys = await _off_loop(
                executor,
                parse_feed_with_keys,
                fetched.content,
                url=fetched.url,
                content_type=fetched.content_type,
                charset=fetched.charset,
                boilerplate=known,
            )
            boilerplate = parsed.boilerplate
            items, title, keys, ttl = parsed.entries, parsed.title, feed_keys, parsed.ttl
            if parsed.skipped:
                # Never stored (an article is known by its link): the admin hears of it.
                warning = Message(
                    N_("items without a link left out: {count}"), {"count": parsed.skipped}
                )
                log.info("%s: %s", source.url, warning)
            full_text = fetch_full_text and source.full_text
            if parsed.error is not None:
                damaged = True
                items, keys = _usable_entries(items, feed_keys, full_text=full_text)
                left_out = len(parsed.entries) - len(items)
                damage = _damaged(parsed.error, left_out)
                log.warning("%s: %s", source.url, damage)
                warning = damage if warning is None else _also(damage, warning)
            # What retention removed, dated by the bot, would be saved again as news: left out
            # before the full text is fetched (its page was fetched at every poll, then dropped).
            items, keys, gone = store.without_removed(db, items, keys, now=moment)
            if full_text:
                parsed_items, parsed_keys = items, keys
                items = await _with_full_text(
                    db, client, source.id, items, limits=limits, executor=executor
                )
                # Only articles whose text was replaced need new keys (same order, same length).
                keys = [
                    key if new is old else article_keys([new])[0]
                    for old, new, key in zip(parsed_items, items, parsed_keys, strict=True)
                ]
            items, keys, blank = _with_content(items, keys)
            if blank:
                # A link alone says nothing to show (its page, if fetched, gave nothing either).
                nothing = Message(
                    N_("items with neither title nor text left out: {count}"), {"count": blank}
                )
                log.info("%s: %s", source.url, nothing)
                warning = nothing if warning is None else _also(warning, nothing)
        if (removed := _removed(db, source)) is not None:
            return removed  # its articles would belong to no source
        if (moved := _moved(db, source, fetched.moved_to)) is not None:
            warning = moved if warning is None else _also(warning, moved)
        saved = store.save_articles(
            db,
            source.id,
            items,
            now=now,
            keys=keys,
            not_before=not_before,
            backlog=store.reads_archive(source, moment),  # its undated items: its archive
        )
        # The generator's paragraphs stay out of its items on later polls; those no poll gave
        # for BOILERPLATE_KEPT go, also when this one gave none (a feed that dropped its line).
        store.remember_boilerplate(db, source.id, boilerplate, now=now)
    except NotModified as unchanged:
        moved = _moved(db, source, unchanged.moved_to)
        store.record_success(
            db,
            source,
            etag=source.etag,
            last_modified=source.last_modified,
            warning=moved,
            now=now,
            not_before=_server_says(moment, unchanged.fresh_for, None),
        )
        return PollResult(source.id, "not_modified", warning=moved)
    except RateLimited as error:
        log.warning("%s: %s", source.url, error)
        until = moment + _capped(error.retry_after)
        store.record_failure(db, source, error.message, now=now, not_before=until, counts=False)
        return PollResult(source.id, "error", error=error.message)
    except HostHeld as error:
        _put_off(db, source, moment + _capped(error.retry_after))
        return PollResult(source.id, "skipped", warning=error.message)
    except Gone as error:
        # Asking again would be answered the same: paused now, not after eight tries.
        return _failed(db, source, error.message, now, logged=error, gone=True)
    except NewsbotError as error:
        return _failed(db, source, error.message, now, logged=error)
    except Exception as error:  # a bug or a broken worker must not stop the other sources
        log.exception("polling %s failed", source.url)
        internal = Message(
            N_("internal error: {kind}: {detail}"),
            {"kind": type(error).__name__, "detail": str(error)},
        )
        return _failed(db, source, internal, now)
    result = PollResult(
        source.id,
        "ok",
        new=len(saved.new_ids),
        duplicates=saved.duplicates,
        replaced=len(saved.replaced_ids),
        warning=warning,
        expired=saved.expired + gone,
    )
    try:
        store.record_success(
            db,
            source,
            etag=None if damaged else fetched.etag,
            last_modified=None if damaged else fetched.last_modified,
            title=title,
            warning=warning,
            now=now,
            not_before=_server_says(moment, fetched.fresh_for, ttl),
            whole=not damaged,
        )
    except Exception:  # the articles are saved: the poll's result stands, the source is polled
        log.exception("recording the poll of %s failed", source.url)  # again when next due
    return result


def _moved(db: Database, source: Source, moved_to: str | None) -> Message | None:
    """Keep the new address of a source whose feed moved for good (301, 308 all the way), so
    that it is polled and exported there; return the warning when another source has it."""
    if moved_to is None or moved_to == source.url:
        return None
    other = store.move_source(db, source, moved_to)
    if other is None:
        log.info("%s moved for good to %s: the source's address is changed", source.url, moved_to)
        return None
    log.warning("%s moved for good to %s, source %s's address", source.url, moved_to, other.id)
    return Message(
        N_("moved for good to {url}, which source {id} already has: remove one of them"),
        {"url": moved_to, "id": other.id},
    )


def _capped(seconds: float) -> timedelta:
    # Whole seconds, rounded up: times are stored to the second, and "not before" must hold.
    return timedelta(seconds=math.ceil(min(max(0.0, seconds), MAX_SERVER_DELAY)))


def _server_says(moment: datetime, fresh_for: float | None, ttl: int | None) -> datetime | None:
    """Return when the server says the feed is worth asking for again (max-age, <ttl>)."""
    seconds = max(fresh_for or 0.0, (ttl or 0) * 60.0)
    return moment + _capped(seconds) if seconds > 0 else None


def _put_off(db: Database, source: Source, until: datetime) -> None:
    """Poll a source no sooner than until (its host asked to wait); its health is untouched."""
    store.defer_poll(db, source, until)


def _usable_entries(
    items: list[ArticleIn], keys: list[ArticleKey], *, full_text: bool
) -> tuple[list[ArticleIn], list[ArticleKey]]:
    """Return the entries of a feed that parsed with errors worth saving, with their keys."""
    kept: list[ArticleIn] = []
    kept_keys: list[ArticleKey] = []
    for item, key in zip(items, keys, strict=True):
        usable = usable_entry(item, full_text=full_text)
        if usable is not None:
            kept.append(usable)
            kept_keys.append(key)  # url, title and text are unchanged: so is the key
    return kept, kept_keys


def _with_content(
    items: list[ArticleIn], keys: list[ArticleKey]
) -> tuple[list[ArticleIn], list[ArticleKey], int]:
    """Return the entries with a title or a text, their keys, and how many had neither."""
    kept = [(item, key) for item, key in zip(items, keys, strict=True) if _has_content(item)]
    return [item for item, _ in kept], [key for _, key in kept], len(items) - len(kept)


def _has_content(item: ArticleIn) -> bool:
    return bool(item.title.strip() or item.text.strip())


def _also(first: Message, then: Message) -> Message:
    """Return two warnings of one poll as one."""
    return Message(N_("{first}; {then}"), {"first": first, "then": then})


def _damaged(error: str, left_out: int) -> Message:
    """Return the warning of a feed that parsed with errors (left_out: entries not saved)."""
    if not left_out:
        return Message(N_("feed parsed with errors: {error}"), {"error": error})
    return Message(
        N_("feed parsed with errors: {error} (items without usable text left out: {count})"),
        {"error": error, "count": left_out},
    )


def _failed(
    db: Database,
    source: Source,
    reason: Message,
    now: datetime | None,
    *,
    logged: Exception | None = None,
    gone: bool = False,
) -> PollResult:
    """Store and log a failed poll; ``logged``, the error as logs read it (with its cause);
    ``gone``, the feed is gone for good (the source is paused)."""
    if (removed := _removed(db, source)) is not None:
        return removed  # its failure is no one's concern now
    log.warning("%s: %s", source.url, logged if logged is not None else reason)
    store.record_failure(db, source, reason, now=now, gone=gone)
    return PollResult(source.id, "error", error=reason)


async def _with_full_text(
    db: Database,
    client: httpx.AsyncClient,
    source_id: int,
    items: list[ArticleIn],
    *,
    limits: FetchLimits,
    executor: Executor | None,
) -> list[ArticleIn]:
    """Replace teasers of articles not stored yet, or of this source's articles it updated
    (``dedup.is_update``), by the text of their pages."""
    teasers = [a for a in items if a.teaser]
    if not teasers:
        return items
    known = store.known_urls(db, [a.url for a in teasers])
    updated = store.newer_versions(db, source_id, teasers)
    todo = [a for n, a in enumerate(teasers) if canonical_url(a.url) not in known or n in updated][
        :MAX_FULL_TEXT_PER_POLL
    ]
    gate = asyncio.Semaphore(FULL_TEXT_CONCURRENCY)

    async def complete(article: ArticleIn) -> ArticleIn:
        async with gate:
            try:
                page = await fetch(client, article.url, limits=limits)
                full = await _off_loop(executor, extract_page, page.content, page.url, page.charset)
            except (FetchError, ParseError) as error:
                log.info("full text of %s: %s", article.url, error)
                return article
        image = article.image_url or full.image_url  # the feed's picture first
        if len(full.text.split()) <= len(article.text.split()):
            # The teaser stays, but the page fetched for it may still give its picture.
            return dataclasses.replace(article, image_url=image)
        return dataclasses.replace(
            article,
            text=full.text,
            title=article.title or full.title,  # an entry that gave only its link
            author=article.author or full.author,
            published=article.published or full.published,
            # The page's own tag describes this article; the feed's, every item of the feed.
            language=full.language or article.language,
            teaser=False,
            image_url=image,
        )

    done = _walls_left_out(db, source_id, todo, await asyncio.gather(*(complete(a) for a in todo)))
    replaced = {id(old): new for old, new in zip(todo, done, strict=True)}
    return [replaced.get(id(a), a) for a in items]


def _walls_left_out(
    db: Database, source_id: int, asked: list[ArticleIn], got: list[ArticleIn]
) -> list[ArticleIn]:
    """Return the articles as their pages filled them in, but each with its teaser back where
    its page's text is no article's own: the same text given for articles of other titles, on
    another page of this poll or in this source's stored articles (a paywall's subscription
    notice, a consent wall). It replaced every teaser, and the outlet's unrelated articles,
    one text now, became one story summarised "This article is for subscribers only".
    An article's own stored version is no other article: re-titled by its outlet, its page
    gives the text it holds under its old title. Nor is a page that tells its item's teaser
    (``_tells``) a wall: an outlet's one report under two titles (a wire story run twice, a
    correction re-posted), its text lost to teasers."""
    texts = [article.text.strip() for article in got]
    filled = [text for text, article in zip(texts, got, strict=True) if not article.teaser]
    stored = store.titles_by_text(db, source_id, filled)
    polled: dict[str, set[str]] = {}
    for text, article in zip(texts, got, strict=True):
        if not article.teaser:
            polled.setdefault(text, set()).add(article.title)

    def wall(teaser: ArticleIn, article: ArticleIn, text: str) -> bool:
        if article.teaser or _tells(text, teaser.text):
            return False
        own = item_url(article.url, article.guid)
        others = {
            title
            for url, guid, title in stored.get(text, ())
            if url != own and not (article.guid and guid == article.guid)
        }
        return len(polled[text] | others) > 1

    return [
        old if wall(old, new, text) else new
        for old, new, text in zip(asked, got, texts, strict=True)
    ]


# A teaser this long whose words a page gives nearly all is that page's article (``_tells``).
TELLING_WORDS = 5
TELLING_SHARE = 0.8


def _tells(page: str, teaser: str) -> bool:
    """Return whether a page's text gives a teaser's words (``TELLING_SHARE`` of them, the
    teaser ``TELLING_WORDS`` words or more): it is the teaser's article. A wall's notice
    tells none of an article's teaser."""
    wanted = re.findall(r"\w+", teaser.casefold())
    if len(wanted) < TELLING_WORDS:
        return False
    given = set(re.findall(r"\w+", page.casefold()))
    return sum(word in given for word in wanted) >= TELLING_SHARE * len(wanted)


async def ingest_due(
    db: Database,
    client: httpx.AsyncClient,
    *,
    concurrency: int = 8,
    now: datetime | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
    fetch_full_text: bool = True,
    executor: Executor | None = None,
    progress: Callable[[PollResult], object] | None = None,
    not_before: datetime | None = None,
) -> list[PollResult]:
    """Poll every due feed and page source, a few at a time; return one result per source.

    ``progress`` is called with each result as its source finishes.
    """
    sources = [s for s in store.due_sources(db, now) if s.kind in ("feed", "page")]
    return await poll_sources(
        db,
        client,
        sources,
        concurrency=concurrency,
        now=now,
        limits=limits,
        fetch_full_text=fetch_full_text,
        executor=executor,
        progress=progress,
        not_before=not_before,
    )


async def poll_sources(
    db: Database,
    client: httpx.AsyncClient,
    sources: Sequence[Source],
    *,
    concurrency: int = 8,
    now: datetime | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
    fetch_full_text: bool = True,
    executor: Executor | None = None,
    progress: Callable[[PollResult], object] | None = None,
    not_before: datetime | None = None,
) -> list[PollResult]:
    """Poll these sources, due or not, a few at a time; return their results in order.

    Without an ``executor`` and with many sources, parsing gets worker processes for this
    call only. ``progress`` is called with each result as its source finishes.
    """
    if not sources:
        return []
    own: ParsePool | None = None
    if executor is None and len(sources) >= PROCESS_POOL_MIN_SOURCES:
        # A one-off caller: workers for this run only (a long-lived caller passes its own).
        own = executor = start_parse_pool(warm=False)
    gate = asyncio.Semaphore(concurrency)
    turns = _HostTurns(client)

    async def one(source: Source) -> PollResult:
        # The host's turn first: sources queueing for a busy host hold none of the places.
        async with turns.of(source.url), gate:
            result = await poll_source(
                db,
                client,
                source,
                limits=limits,
                now=now,
                fetch_full_text=fetch_full_text,
                executor=executor,
                not_before=not_before,
            )
        if progress is not None:
            progress(result)
        return result

    try:
        return list(await asyncio.gather(*(one(s) for s in sources)))
    finally:
        if own is not None:
            await asyncio.get_running_loop().run_in_executor(None, own.shutdown)


class _HostTurns:
    """At most the client's per-host limit of polls of one host at a time (none without it)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._per_host = client.hosts.per_host if isinstance(client, PoliteClient) else None
        self._turns: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def of(self, url: str) -> AsyncIterator[None]:
        if self._per_host is None:
            yield
            return
        host = host_key(url)
        turn = self._turns.get(host)
        if turn is None:
            turn = self._turns[host] = asyncio.Semaphore(self._per_host)
        async with turn:
            yield


def _parse_workers() -> int:
    cores = os.cpu_count() or 1
    return min(cores, MAX_PARSE_WORKERS) if cores > 1 else 0


def _worker_ready() -> int:
    return os.getpid()


class ParsePool(Executor):
    """Parse worker processes that live as long as their owner (the bot, one ingest run).

    Pass it as ``executor`` to every poll and ``shutdown()`` it on exit: starting two workers
    costs 0.65-0.8 s of CPU (measured), as much as parsing some 1,500 feed items. When
    a worker dies (a crash, the OOM killer) the pool is broken for good; the next task
    then starts a new one, so one bad moment costs one poll, not every poll after it.
    """

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.started = 0  # pools started so far, replacements included

    def _new_pool(self) -> ProcessPoolExecutor:
        self.started += 1
        # forkserver: forking a process that runs threads (the loop's executor) is unsafe.
        return ProcessPoolExecutor(
            max_workers=self._workers, mp_context=multiprocessing.get_context("forkserver")
        )

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """Run fn in a worker; start the workers first if none run (or they broke)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the parse pool is shut down")
            if self._pool is None:
                self._pool = self._new_pool()
            try:
                return self._pool.submit(fn, *args, **kwargs)
            except BrokenProcessPool:
                log.warning("a parse worker died; starting new ones")
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                return self._pool.submit(fn, *args, **kwargs)

    def warm_up(self) -> None:
        """Start every worker now and wait until each has imported the parsers."""
        # Workers start on demand: tasks submitted together start one worker each.
        for ready in [self.submit(_worker_ready) for _ in range(self._workers)]:
            ready.result()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop the workers; later submissions raise RuntimeError."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def start_parse_pool(*, warm: bool = True) -> ParsePool | None:
    """Return a long-lived parse pool, its workers started unless ``warm`` is False.

    None on one core: parsing then runs on the event loop's thread pool.
    """
    workers = _parse_workers()
    if not workers:
        return None
    pool = ParsePool(workers)
    if warm:
        pool.warm_up()
    return pool


async def ingest_url(
    db: Database,
    client: httpx.AsyncClient,
    url: str,
    *,
    limits: FetchLimits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> int:
    """Save one web page as an article without a source; return 1 if new, 0 if known.

    No source row is made: a one-off page is not polled again. Raises FetchError or
    ParseError so the caller can tell the person what went wrong.
    """
    fetched = await fetch(client, url, limits=limits)
    article = await _off_loop(None, extract_page, fetched.content, fetched.url, fetched.charset)
    return len(store.save_articles(db, None, [article], now=now).new_ids)


async def probe_feed(
    client: httpx.AsyncClient, url: str, *, limits: FetchLimits = DEFAULT_LIMITS
) -> ParsedFeed:
    """Fetch and parse a feed once (nothing saved); raise FetchError or ParseError."""
    return (await _probe(client, url, limits)).parsed


async def _probe(client: httpx.AsyncClient, url: str, limits: FetchLimits) -> FoundFeed:
    fetched = await fetch(client, url, limits=limits)
    parsed = await _off_loop(
        None,
        parse_feed,
        fetched.content,
        url=fetched.url,
        content_type=fetched.content_type,
        charset=fetched.charset,
    )
    if fetched.moved_to is not None and fetched.moved_to != url:
        return FoundFeed(fetched.moved_to, parsed, "moved", fetched.url)
    return FoundFeed(url, parsed, "given", fetched.url)


@dataclass(frozen=True, slots=True)
class FoundFeed:
    """The feed an address leads to: ``how`` it was found: "given" (the address is the
    feed's), "named" (a page names it), "moved" (a permanent redirect leads there).
    ``read_at``: where it was read after every redirect, a temporary one (302, 307) too: the
    address a source is kept at stays ``url``, but a source at ``read_at`` is the same feed
    (``store.check_new_source``). ``others``: when a page named several feeds, the ones not
    taken, so that the admin is told of them (a section's or the comments' feed)."""

    url: str
    parsed: ParsedFeed
    how: str
    read_at: str = ""
    others: tuple[str, ...] = ()  # "named": the page's other feeds (comments, sections)


# How many of the feeds a page names are tried before giving up on it.
DISCOVERED_TRIES = 3


async def find_feed(
    client: httpx.AsyncClient, url: str, *, limits: FetchLimits = DEFAULT_LIMITS
) -> tuple[str, ParsedFeed]:
    """Fetch and parse the feed at ``url``, or the first feed the HTML page at ``url`` names
    that parses (RSS autodiscovery; up to ``DISCOVERED_TRIES`` of them): return its URL and
    the parsed feed (nothing saved). Raise the page's error when none does."""
    found = await locate_feed(client, url, limits=limits)
    return found.url, found.parsed


async def locate_feed(
    client: httpx.AsyncClient, url: str, *, limits: FetchLimits = DEFAULT_LIMITS
) -> FoundFeed:
    """``find_feed``, saying how the feed was found; an address permanently redirected (301,
    308) leads to the feed's new address, as feed readers keep it."""
    try:
        return await _probe(client, url, limits)
    except FeedPage as page:
        for candidate in page.feeds[:DISCOVERED_TRIES]:
            try:
                found = await _probe(client, candidate, limits)
            except NewsbotError as error:
                log.info("feed %s named by %s: %s", candidate, url, error)
                continue
            others = tuple(feed for feed in page.feeds if feed != candidate)
            return FoundFeed(found.url, found.parsed, "named", found.read_at, others)
        raise


async def probe_new_feed(
    url: str, *, allow_private: bool = False, limits: FetchLimits = DEFAULT_LIMITS
) -> FoundFeed:
    """Fetch an address an admin adds as a feed source once, as ``/addsource`` and ``newsbot
    sources add`` both do before storing it: ``locate_feed`` through a client that, unless
    ``allow_private`` (ALLOW_PRIVATE_SOURCES), reaches public addresses only. Nothing is saved;
    a NewsbotError says why the address is no feed."""
    if not allow_private:
        await check_public_address(url)
    async with make_client(limits, public_only=not allow_private) as client:
        return await locate_feed(client, url, limits=limits)


@dataclass(frozen=True, slots=True)
class SeedsLoaded:
    """What ``load_seeds`` did: the seed articles it saved, and those stored already (by a
    first start, which loads them when it opens the database, or an earlier load)."""

    new: int
    known: int


def load_seeds(db: Database, directory: str | Path, *, now: datetime | None = None) -> SeedsLoaded:
    """Save the seed articles of a directory under its "file" source; count the new ones.

    The source's URL is the directory's file:// URI; its title is the seeds' common
    ``Source`` header, else "Seeds (<directory name>)". Loading twice adds nothing.
    """
    path = Path(directory).resolve()
    seeds = read_seed_dir(path)
    source = store.find_source(db, path.as_uri())
    if source is None:
        names = {s.source for s in seeds if s.source}
        title = names.pop() if len(names) == 1 else f"Seeds ({path.name})"
        source = store.add_source(
            db,
            path.as_uri(),
            kind="file",
            title=title,
            poll_interval=SEED_POLL_INTERVAL,
            full_text=False,
            now=now,
        )
    articles: Sequence[ArticleIn] = [s.article for s in seeds]
    new = len(store.save_articles(db, source.id, articles, now=now).new_ids)
    return SeedsLoaded(new, len(articles) - new)
