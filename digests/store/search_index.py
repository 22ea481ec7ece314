"""The full-text index split by time: one FTS5 table per week of publication, and its upkeep.

Why: retention removes the oldest articles. In one FTS5 table their entries live in the
largest segment, and each removal only adds a delete marker, which the bounded merge folds
in about once per retention period: the index grew by about its own size in between
(bench/RESULTS.md, "Retention"). Split by week, retention drops a whole week's table once
every article in it is past the cutoff, in page-sized steps, and writes no markers into it.

The rules (``search_parts`` is the registry; every table is external-content over
``articles``, porter stemming, titles weighing five times the text):

- A table holds each title and text as ``entry_form`` writes it: a run of Chinese,
  Japanese or Thai letters as its pairs of letters (``unspaced.index_form``: so that a word
  is found inside a run; searches look words up the same way), a Hebrew or Arabic text
  followed by its copy with the words' proclitics cut (``proclitics.with_bare_words``:
  "בחיפה" is found by "חיפה"), other text as it is; then, after a line break, its
  hyphenated words and dotted acronyms written solid (``house_style.joined_words``: "e-mail"
  as "email", "U.S." as "US", so that "email" finds "e-mail") and a token for each acronym
  of two or three capitals it writes (``house_style.capital_tokens``: "US" and "U.S." as
  "0us0", which no "us" is, so that a search typed in capitals finds the acronym only). The
  store's code reads the rows and writes that form (an index entry is taken out with the
  same form); since migration 036 no entry holds such a run whole, since 038 every Hebrew
  and Arabic entry has its copy, since 042 every entry its solid words, since 045 its
  capital tokens.

- A **week** table ``articles_fts_wYYYYMMDD`` covers the articles published from that
  Monday 00:00 UTC for seven days. The **kept** table (``articles_fts_kept``) covers
  everything before the newest week dropped (``until``): the articles retention keeps past
  the cutoff (emptied links of a living story: title only; seed-file articles). The
  **legacy** table (``articles_fts``, a database's one index before migration 021) covers
  everything before the Monday after its newest article, and is dropped like a week.
- An article is indexed in the ``live`` table whose range holds its publication date (made
  when a new week begins), else in the kept table. The store's code keeps it so
  (``index_articles`` after an insert, ``unindex_articles`` before a change of title or text
  or a delete; no trigger: a trigger cannot name a table chosen at run time).
- Retention marks the tables whose week is wholly past the cutoff ``doomed``
  (``doom_search_parts``): they are still searched, but changes to their articles write no
  delete markers into them (an article indexed anew goes to the kept table). Once the day's
  removals are done, ``detach_search_part`` copies the week's remaining articles into the
  kept table and marks it ``dropping`` (searched no more), in one step; then
  ``drop_search_part_step`` deletes its shadow tables' rows in bounded batches and drops
  the empty table.
- Between those steps a doomed table may still hold the entry of an article removed
  (searches join ``articles``, so it finds nothing) or emptied (its old words find its
  living story until the table goes). An id is reused only when the newest article was
  deleted, so a stale entry naming a new article is not a practical concern.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from digests.house_style import capital_tokens, joined_words
from digests.proclitics import with_bare_words
from digests.store.common import IN_CHUNK, iso
from digests.unspaced import index_form

KEPT = "articles_fts_kept"
LEGACY = "articles_fts"
WEEK = timedelta(days=7)
# Shadow-table rows one dropping step deletes (``_data`` rows are ~4 KB index pages).
DROP_ROWS = 256
# The registry: name, the range of publication dates [since, until) as ISO strings, the
# state (live, doomed, dropping) and when the upkeep merge last tried the table.
REGISTRY = """
create table search_parts (
    name text primary key,
    since text not null,
    until text not null,
    state text not null default 'live',
    tried integer not null default 0
)
"""


def entry_form(text: str) -> str:
    """Return a title or text as the index holds it (see the module's rules)."""
    extra = [*joined_words(text), *capital_tokens(text)]
    return f"{_form_038(text)}\n{' '.join(extra)}" if extra else _form_038(text)


def form_before_045(text: str) -> str:
    """Return a title or text as the index held it from migration 042 to 045 (no capital
    tokens): the form migrations 042 to 044 write and take out."""
    form = _form_038(text)
    solid = joined_words(text)
    return f"{form}\n{' '.join(solid)}" if solid else form


def _form_038(text: str) -> str:
    """Return a title or text as the index held it from migration 038 to 042."""
    return with_bare_words(index_form(text))


@dataclass(frozen=True, slots=True)
class Part:
    """One table of the search index and the publication dates it covers."""

    name: str
    since: str
    until: str
    state: str

    def holds(self, published: str) -> bool:
        return self.since <= published < self.until


def create_part(conn: sqlite3.Connection, name: str, since: str, until: str) -> None:
    """Create one empty table of the index and register it."""
    conn.execute(
        f'create virtual table "{name}" using fts5 (title, text, content="articles",'
        ' content_rowid="id", tokenize="porter")'
    )
    # Titles weigh five times the text in the table's rank (as migration 004 set it).
    conn.execute(f"""insert into "{name}"("{name}", rank) values ('rank', 'bm25(5.0, 1.0)')""")
    conn.execute(
        "insert into search_parts (name, since, until) values (?, ?, ?)", [name, since, until]
    )


def parts(conn: sqlite3.Connection) -> list[Part]:
    """Return every registered table, oldest range first."""
    rows = conn.execute("select name, since, until, state from search_parts order by since, until")
    return [Part(*row) for row in rows]


def searched_tables(conn: sqlite3.Connection) -> list[str]:
    """Return the tables a search reads (live and doomed)."""
    return [p.name for p in parts(conn) if p.state in ("live", "doomed")]


def live_tables(conn: sqlite3.Connection) -> list[str]:
    """Return the tables kept up to date (merged, checked)."""
    return [p.name for p in parts(conn) if p.state == "live"]


def check_search_index(conn: sqlite3.Connection) -> None:
    """Run FTS5's integrity check on every table searched; raise sqlite3.DatabaseError if bad.

    Each table is checked on its own (not against ``articles``, which every table shares:
    each indexes only some of its rows). A database from before migration 021 has one table.
    """
    names = {row[0] for row in conn.execute("select name from sqlite_master")}
    tables = (
        searched_tables(conn) if "search_parts" in names else [LEGACY] if LEGACY in names else []
    )
    for table in tables:
        conn.execute(f"""insert into "{table}"("{table}") values ('integrity-check')""")


def week_start(published: str) -> datetime:
    """Return the Monday 00:00 UTC of the week holding an ISO publication date."""
    moment = datetime.fromisoformat(published)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    day = moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=day.weekday())


def _target(conn: sqlite3.Connection, known: list[Part], published: str) -> str:
    """Return the table an article published then is indexed in, making its week's table."""
    for part in known:
        if part.holds(published):
            return part.name if part.state == "live" else KEPT
    try:
        start = week_start(published)
    except ValueError:
        return KEPT  # not a date: kept with the articles retention does not date
    name = f"articles_fts_w{start:%Y%m%d}"
    create_part(conn, name, iso(start), iso(start + WEEK))
    known.append(Part(name, iso(start), iso(start + WEEK), "live"))
    return name


def _dates(conn: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for start in range(0, len(ids), IN_CHUNK):
        chunk = list(ids[start : start + IN_CHUNK])
        marks = ",".join("?" * len(chunk))
        found += conn.execute(
            f"select id, published from articles where id in ({marks})", chunk
        ).fetchall()
    return found


def _by_table(pairs: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for table, article_id in pairs:
        groups.setdefault(table, []).append(article_id)
    return groups


def _entries(
    conn: sqlite3.Connection, sql: str, ids: Sequence[int], form: Callable[[str], str] = entry_form
) -> list[tuple[int, str, str]]:
    """Return (id, title, text) in the index's form (or ``form``) of the articles ``sql``
    selects (with ``{marks}`` for the id list), a chunk of ids at a time."""
    rows: list[tuple[int, str, str]] = []
    for start in range(0, len(ids), IN_CHUNK):
        chunk = list(ids[start : start + IN_CHUNK])
        found = conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)
        rows += [(i, form(title or ""), form(text or "")) for i, title, text in found]
    return rows


_BY_ID = "select id, title, text from articles where id in ({marks})"


def _add(conn: sqlite3.Connection, table: str, rows: list[tuple[int, str, str]]) -> None:
    conn.executemany(f'insert into "{table}" (rowid, title, text) values (?, ?, ?)', rows)


def _take_out(conn: sqlite3.Connection, table: str, rows: list[tuple[int, str, str]]) -> None:
    conn.executemany(
        f"""insert into "{table}" ("{table}", rowid, title, text) values ('delete', ?, ?, ?)""",
        rows,
    )


def index_articles(
    conn: sqlite3.Connection, ids: Sequence[int], form: Callable[[str], str] = entry_form
) -> None:
    """Add these stored articles' title and text to the index, each in its table.

    One statement per table (a batch of new articles spans a week or two). ``form``: the
    index's form, or, in a migration, the form the index holds at that migration.
    """
    known = parts(conn)
    groups = _by_table((_target(conn, known, published), i) for i, published in _dates(conn, ids))
    for table, members in groups.items():
        _add(conn, table, _entries(conn, _BY_ID, members, form))


def unindex_articles(
    conn: sqlite3.Connection, ids: Sequence[int], form: Callable[[str], str] = entry_form
) -> None:
    """Take these articles' entries out of the index; call before their title, text or row changes.
    ``form``: the form they went in (``index_articles``).

    An article of a doomed table leaves no delete marker there (the table goes whole); only
    an entry it has in the kept table (indexed anew since) is taken out.
    """
    known = parts(conn)
    pairs: list[tuple[str, int]] = []
    maybe_kept: list[int] = []
    for article_id, published in _dates(conn, ids):
        holder = next((p for p in known if p.holds(published)), None)
        if holder is not None and holder.state == "live":
            pairs.append((holder.name, article_id))
        else:
            maybe_kept.append(article_id)
    for start in range(0, len(maybe_kept), IN_CHUNK):
        chunk = maybe_kept[start : start + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f'select id from "{KEPT}_docsize" where id in ({marks})', chunk)
        pairs += [(KEPT, int(row[0])) for row in rows]
    for table, members in _by_table(pairs).items():
        _take_out(conn, table, _entries(conn, _BY_ID, members, form))


def _identity(text: str) -> str:
    return text


def _reindex(conn: sqlite3.Connection, old: Callable[[str], str], new: Callable[[str], str]) -> int:
    """Write anew, in the form ``new`` makes, the entries of every searched table that ``old``
    wrote (the form they went in) and whose form changes; return how many. Read in chunks of
    ``_REINDEX_CHUNK`` articles, each form made once: memory stays flat on a large window."""
    count = 0
    for table in searched_tables(conn):
        ids = [row[0] for row in conn.execute(f'select id from "{table}_docsize"')]
        for start in range(0, len(ids), _REINDEX_CHUNK):
            chunk = ids[start : start + _REINDEX_CHUNK]
            marks = ",".join("?" * len(chunk))
            raw = conn.execute(f"select id, title, text from articles where id in ({marks})", chunk)
            gone, added = [], []
            for i, title, text in raw:
                before = (old(title or ""), old(text or ""))
                after = (new(title or ""), new(text or ""))
                if after != before:
                    gone.append((i, *before))
                    added.append((i, *after))
            _take_out(conn, table, gone)
            _add(conn, table, added)
            count += len(added)
    return count


# Articles read at once when an index is written anew in a migration.
_REINDEX_CHUNK = 2_000


def reindex_unspaced(conn: sqlite3.Connection) -> int:
    """Write anew, in the index's form of migration 036, the entries of every searched table
    that hold a run of letters whole (made before it); return how many."""
    return _reindex(conn, _identity, index_form)


def reindex_proclitics(conn: sqlite3.Connection) -> int:
    """Write anew, in the index's form, the entries of every searched table whose Hebrew or
    Arabic text has no bare copy (made before migration 038); return how many."""
    return _reindex(conn, index_form, _form_038)


def reindex_joined(conn: sqlite3.Connection) -> int:
    """Write anew, in the index's form, the entries of every searched table whose text has
    hyphenated words or dotted acronyms (no solid copy before migration 042), in 042's form
    (045 adds the capital tokens, taking out what 042 wrote); return how many."""
    return _reindex(conn, _form_038, form_before_045)


def reindex_capitals(conn: sqlite3.Connection) -> int:
    """Write anew, in the index's form, the entries of every searched table whose text writes
    an acronym of two or three capitals (no capital token before migration 045); return how
    many."""
    return _reindex(conn, form_before_045, entry_form)


def doom_search_parts(conn: sqlite3.Connection, before: datetime) -> int:
    """Mark the week tables wholly older than ``before`` as going; return how many."""
    return conn.execute(
        "update search_parts set state = 'doomed'"
        " where state = 'live' and name != ? and until <= ?",
        [KEPT, iso(before)],
    ).rowcount


# The week (and legacy) tables still searched whose range is wholly before a time: what
# ``detach_search_part`` takes, one a call, and what a dry run counts.
_PAST = "state in ('live', 'doomed') and name != ? and until <= ?"


def count_past_parts(conn: sqlite3.Connection, before: datetime) -> int:
    """Return how many tables ``detach_search_part`` would take for this ``before``."""
    query = f"select count(*) from search_parts where {_PAST}"
    return int(conn.execute(query, [KEPT, iso(before)]).fetchone()[0])


def detach_search_part(conn: sqlite3.Connection, before: datetime) -> str | None:
    """Stop searching the oldest table wholly older than ``before``; return its name.

    Its articles still stored (those retention keeps) are indexed in the kept table first,
    in the same transaction, and the kept table's range grows to cover the week. Call once
    the day's removals are done: what is left in the week then is what stays.
    """
    row = conn.execute(
        f"select name, since, until from search_parts where {_PAST} order by until limit 1",
        [KEPT, iso(before)],
    ).fetchone()
    if row is None:
        return None
    name, since, until = row
    remaining = conn.execute(
        f"select id from articles where published >= ? and published < ?"
        f' and id not in (select id from "{KEPT}_docsize")',
        [since, until],
    ).fetchall()
    _add(conn, KEPT, _entries(conn, _BY_ID, [int(r[0]) for r in remaining]))
    conn.execute("update search_parts set state = 'dropping' where name = ?", [name])
    conn.execute("update search_parts set until = max(until, ?) where name = ?", [until, KEPT])
    return str(name)


def drop_search_part_step(conn: sqlite3.Connection, rows: int = DROP_ROWS) -> bool:
    """Delete up to ``rows`` shadow rows of a table no longer searched; return False if none is.

    The table's own shadow tables are emptied a batch at a time (the index pages first),
    then the empty table is dropped and leaves the registry.
    """
    row = conn.execute(
        "select name from search_parts where state = 'dropping' order by until limit 1"
    ).fetchone()
    if row is None:
        return False
    name = str(row[0])
    for shadow, key in (("data", "rowid"), ("docsize", "rowid"), ("idx", "segid, term")):
        table = f'"{name}_{shadow}"'
        deleted = conn.execute(
            f"delete from {table} where ({key}) in (select {key} from {table} limit ?)", [rows]
        ).rowcount
        if deleted:
            return True
    conn.execute(f'drop table "{name}"')
    conn.execute("delete from search_parts where name = ?", [name])
    return True
