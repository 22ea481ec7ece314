"""Retention: what goes from the database once it is old, one small step at a time.

Each ``remove_*`` / ``empty_*`` function picks at most ``limit`` rows and removes them in one
write transaction, returning what it removed, so that the caller (``digests.retention``) can
yield between steps: the bot's commands never wait for more than one step. The rules (which
rows go and why) are stated in ``digests.retention``. Articles of ``file`` sources (the seed
articles) are the admin's own and never go, nor does a story holding one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import partial

from sqlite_utils import Database

from digests.models import PruneCounts
from digests.store.articles import UNDATED_BACKLOG_AGE
from digests.store.common import iso, parse_iso, utcnow
from digests.store.search_index import (
    count_past_parts,
    detach_search_part,
    doom_search_parts,
    drop_search_part_step,
    index_articles,
    searched_tables,
    unindex_articles,
)
from digests.store.stories import unindex_story_article

_FILE_SOURCES = "(select id from sources where kind = 'file')"
# An article that keeps its story: young enough, or from a seed file.
_KEEPS = f"({{a}}.published >= :cutoff or {{a}}.source_id in {_FILE_SOURCES})"
# An article old enough to go (or to lose its text).
_OLD = f"""{{a}}.published < :cutoff
  and ({{a}}.source_id is null or {{a}}.source_id not in {_FILE_SOURCES})"""

# Stories none of whose articles keeps them (and stories left with no article), oldest first.
# A story's last_updated is its newest article's date, so the index finds the candidates.
_OLD_STORIES = f"""
select st.id from stories st
where st.last_updated < :cutoff
  and not exists (select 1 from articles a where a.story_id = st.id and {_KEEPS.format(a="a")})
order by st.last_updated, st.id
"""
# Old articles with text, of stories that a younger article keeps.
_OLD_TEXTS = f"""
select a.id from articles a
where {_OLD.format(a="a")} and a.text != '' and a.story_id is not null
  and exists (select 1 from articles y where y.story_id = a.story_id and {_KEEPS.format(a="y")})
order by a.published, a.id
"""
# Old articles in no story (never clustered).
_OLD_LOOSE = f"""
select a.id from articles a where {_OLD.format(a="a")} and a.story_id is null
order by a.published, a.id
"""
# Finished outbox rows (sent or given up) of digests none of whose parts still waits: a later
# part is sent only once the earlier ones are, so a waiting digest keeps all its rows.
_FINISHED = """
o.status in ('sent', 'failed') and o.created < :cutoff
and not exists (select 1 from outbox p where p.digest_key = o.digest_key
                and p.status in ('pending', 'sending'))
"""


@contextmanager
def _step(db: Database) -> Iterator[sqlite3.Connection]:
    """Run one step as one write transaction, taken before its first read.

    BEGIN IMMEDIATE: which rows are old cannot change between reading and removing them,
    even with another process (``newsbot prune`` beside the bot) writing too.
    """
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _pick(conn: sqlite3.Connection, sql: str, before: datetime, limit: int) -> list[int]:
    rows = conn.execute(sql + " limit :limit", {"cutoff": iso(before), "limit": limit})
    return [int(row[0]) for row in rows]


def _sizes(conn: sqlite3.Connection, marks: str, ids: Sequence[int]) -> tuple[int, int, int]:
    """Return these articles' text length, and the count and length of their summaries."""
    text = conn.execute(
        f"select coalesce(sum(length(text)), 0) from articles where id in ({marks})", ids
    ).fetchone()[0]
    summaries, summary_bytes = conn.execute(
        "select count(*), coalesce(sum(length(summary)), 0) from summaries"
        f" where summary != '' and article_id in ({marks})",
        ids,
    ).fetchone()
    return int(text), int(summaries), int(summary_bytes)


def _detach_allegations(conn: sqlite3.Connection, marks: str, ids: Sequence[int]) -> None:
    """Refresh the ledger items' copy of their article, then let go of the article."""
    conn.execute(
        f"""
        update allegations set
          story_id = coalesce((select a.story_id from articles a
                               where a.id = allegations.article_id), story_id),
          url = (select a.url from articles a where a.id = allegations.article_id),
          published = (select a.published from articles a where a.id = allegations.article_id),
          language = (select a.language from articles a where a.id = allegations.article_id),
          source_title = coalesce((select coalesce(a.outlet, s.title, a.source_title)
                                   from articles a
                                   left join sources s on s.id = a.source_id
                                   where a.id = allegations.article_id),
                                  source_title),
          article_id = null
        where article_id in ({marks})
        """,
        ids,
    )


def empty_old_articles(db: Database, *, before: datetime, limit: int) -> PruneCounts:
    """Empty up to ``limit`` articles published before a time, of stories a younger one keeps.

    Each loses its text, summaries (emptied: the row stays, so that no pass makes them
    again), signature and place in the story matcher, and stays as one of its story's links
    (title, outlet, URL, date); its search entry keeps only the title (taken out and
    indexed again around the update), so a search for it still finds the living story. Its ledger
    items keep their own copy of it and no longer hang on it: no later pass over the empty
    text (a new extractor version) can take them away. In a week's table that retention
    drops anyway (doomed) the old entry stays, and the title goes to the kept table.
    """
    with _step(db) as conn:
        ids = _pick(conn, _OLD_TEXTS, before, limit)
        if not ids:
            return PruneCounts()
        marks = _marks(ids)
        text, summaries, summary_bytes = _sizes(conn, marks, ids)
        conn.execute(
            f"update summaries set summary = '' where summary != '' and article_id in ({marks})",
            ids,
        )
        _detach_allegations(conn, marks, ids)
        for article_id in ids:
            unindex_story_article(conn, article_id)
        unindex_articles(conn, ids)
        conn.execute(f"update articles set text = '', signature = null where id in ({marks})", ids)
        index_articles(conn, ids)
    return PruneCounts(
        emptied=len(ids), summaries=summaries, search=len(ids), text_bytes=text + summary_bytes
    )


def _remove_articles(
    conn: sqlite3.Connection, ids: Sequence[int], now: datetime | None
) -> PruneCounts:
    """Delete articles with what hangs on them (inside the caller's transaction); keep the
    URLs and content hashes of those the bot dated (``store.articles.REMOVED_KEPT``)."""
    if not ids:
        return PruneCounts()
    marks = _marks(ids)
    seen = iso(now or utcnow())
    conn.executemany(
        "insert or replace into removed_articles (url, seen, content_hash) values (?, ?, ?)",
        [
            (url, seen, content_hash)
            for url, published, fetched, content_hash in conn.execute(
                f"select url, published, fetched, content_hash from articles where id in ({marks})",
                ids,
            )
            if _dated_by_the_bot(published, fetched)
        ],
    )
    text, _, summary_bytes = _sizes(conn, marks, ids)
    summaries = conn.execute(f"delete from summaries where article_id in ({marks})", ids).rowcount
    _detach_allegations(conn, marks, ids)
    conn.execute(f"delete from allegation_runs where article_id in ({marks})", ids)
    for article_id in ids:
        unindex_story_article(conn, article_id)
    # Entries in a doomed week's table stay: the table goes whole (search_index.py).
    unindex_articles(conn, ids)
    conn.execute(f"delete from articles where id in ({marks})", ids)
    return PruneCounts(
        articles=len(ids), summaries=summaries, search=len(ids), text_bytes=text + summary_bytes
    )


def _dated_by_the_bot(published: str, fetched: str) -> bool:
    """Return whether an article's date is the bot's (its feed gave none): when it was first
    seen, or as a new source's archive (``save_articles``)."""
    return published == fetched or parse_iso(published) == (
        parse_iso(fetched) - UNDATED_BACKLOG_AGE
    )


def remove_old_loose_articles(
    db: Database, *, before: datetime, limit: int, now: datetime | None = None
) -> PruneCounts:
    """Delete up to ``limit`` articles published before a time that belong to no story."""
    with _step(db) as conn:
        return _remove_articles(conn, _pick(conn, _OLD_LOOSE, before, limit), now)


def forget_removed_articles(db: Database, *, before: datetime, limit: int) -> int:
    """Forget up to ``limit`` removed articles no poll listed since a time; return how many."""
    with _step(db) as conn:
        return conn.execute(
            "delete from removed_articles where url in"
            " (select url from removed_articles where seen < ? order by seen limit ?)",
            [iso(before), limit],
        ).rowcount


def remove_old_stories(
    db: Database, *, before: datetime, limit: int, now: datetime | None = None
) -> tuple[PruneCounts, int]:
    """Delete up to ``limit`` stories none of whose articles is younger, with those articles.

    Returns the counts and the highest story id removed (0: none). The subscriptions'
    records of them go with ``forget_removed_stories``.
    """
    with _step(db) as conn:
        ids = _pick(conn, _OLD_STORIES, before, limit)
        if not ids:
            return PruneCounts(), 0
        marks = _marks(ids)
        articles = [
            int(row[0])
            for row in conn.execute(f"select id from articles where story_id in ({marks})", ids)
        ]
        counts = _remove_articles(conn, articles, now)
        conn.execute(f"delete from stories where id in ({marks})", ids)
    return counts + PruneCounts(stories=len(ids)), max(ids)


def doom_search_weeks(db: Database, *, before: datetime) -> int:
    """Mark the search index's week tables wholly published before a time as going.

    Run before the day's removals: they then write no delete markers into those tables.
    Returns how many were marked.
    """
    with _step(db) as conn:
        return doom_search_parts(conn, before)


def detach_search_week(db: Database, *, before: datetime) -> bool:
    """Stop searching the oldest week table wholly published before a time; False if none.

    Run after the day's removals: the articles of the week still stored move to the kept
    table in the same step (a few hundred titles at most).
    """
    with _step(db) as conn:
        return detach_search_part(conn, before) is not None


def drop_search_week_step(db: Database) -> bool:
    """Delete one batch of a detached week table's index rows; False once none is left."""
    with _step(db) as conn:
        return drop_search_part_step(conn)


def subscription_ids(db: Database, *, after: int, limit: int) -> list[int]:
    """Return up to ``limit`` subscription ids above ``after``, in order (active or not)."""
    rows = db.execute(
        "select id from subscriptions where id > ? order by id limit ?", [after, limit]
    )
    return [int(row[0]) for row in rows]


def forget_removed_stories(db: Database, subscription_ids: Sequence[int], *, upto: int) -> int:
    """Drop these subscriptions' records of stories that no longer exist, ids up to ``upto``.

    The stories sent to them (``digest_stories``) and their live posts go; an outbox row
    naming such a story keeps its message and forgets the story. Each of these tables is
    keyed by subscription first, so only the records of story ids up to ``upto`` (the
    highest removed) are read. Returns how many records went.
    """
    gone = 0
    with _step(db) as conn:
        for sub_id in subscription_ids:
            for table in ("digest_stories", "live_posts"):
                gone += conn.execute(
                    f"delete from {table} where subscription_id = ? and story_id <= ?"
                    " and story_id not in (select id from stories)",
                    [sub_id, upto],
                ).rowcount
            conn.execute(
                "update outbox set story_id = null where subscription_id = ? and story_id <= ?"
                " and story_id not in (select id from stories)",
                [sub_id, upto],
            )
    return gone


def _outbox_reach(
    conn: sqlite3.Connection, *, before: datetime, after: int, scan: int
) -> int | None:
    """Return the last id of the next ``scan`` outbox rows, or None if none is old enough.

    Rows are read in id order (their order of creation) after ``after``; None when there is
    none left, or the first of them was not created before ``before``.
    """
    rows = conn.execute(
        "select id, created from outbox where id > ? order by id limit ?", [after, scan]
    ).fetchall()
    if not rows or (rows[0][1] or "") >= iso(before):
        return None
    return int(rows[-1][0])


def remove_old_outbox(
    db: Database, *, before: datetime, after: int, scan: int
) -> tuple[PruneCounts, int | None]:
    """Delete finished outbox rows created before a time, among ``scan`` rows after an id.

    Rows are read in id order, their order of creation. Returns the counts and the id to
    read on from: None once the rows reached are younger than the cutoff, or none is left.
    A live post keeps its message id when its row goes (later edits still find it).
    """
    with _step(db) as conn:
        last = _outbox_reach(conn, before=before, after=after, scan=scan)
        if last is None:
            return PruneCounts(), None
        ids = [
            int(row[0])
            for row in conn.execute(
                f"select o.id from outbox o where o.id > :after and o.id <= :last and {_FINISHED}",
                {"cutoff": iso(before), "after": after, "last": last},
            )
        ]
        if ids:
            marks = _marks(ids)
            conn.execute(
                f"update live_posts set outbox_id = null where outbox_id in ({marks})", ids
            )
            conn.execute(f"delete from outbox where id in ({marks})", ids)
    return PruneCounts(outbox=len(ids)), last


def empty_old_outbox_texts(
    db: Database, *, before: datetime, after: int, scan: int
) -> tuple[PruneCounts, int | None]:
    """Drop the text of finished outbox rows created before a time, among ``scan`` rows.

    The message is in the chat by then; the row stays (its key keeps the digest from being
    queued twice, its status counts in the statistics) until ``remove_old_outbox`` takes it.
    Rows are read in id order; returns the counts and the id to read on from (None once the
    rows reached are younger than the cutoff, or none is left).
    """
    with _step(db) as conn:
        last = _outbox_reach(conn, before=before, after=after, scan=scan)
        if last is None:
            return PruneCounts(), None
        emptied = conn.execute(
            f"update outbox set text = '' where id in (select o.id from outbox o"
            f" where o.id > :after and o.id <= :last and o.text != '' and {_FINISHED})",
            {"cutoff": iso(before), "after": after, "last": last},
        ).rowcount
    return PruneCounts(outbox_texts=emptied), last


def remove_old_ledger(db: Database, *, before: datetime, limit: int) -> PruneCounts:
    """Delete up to ``limit`` ledger items of articles published before a time."""
    with _step(db) as conn:
        gone = conn.execute(
            "delete from allegations where id in"
            " (select id from allegations where published < ? order by published limit ?)",
            [iso(before), limit],
        ).rowcount
    return PruneCounts(ledger=gone)


def plan_counts(
    db: Database,
    *,
    articles_before: datetime | None,
    ledger_before: datetime | None,
    outbox_before: datetime,
    outbox_texts_before: datetime | None = None,
) -> PruneCounts:
    """Return what a prune with these cutoffs would remove, removing nothing."""
    counts = PruneCounts()
    if articles_before is not None:
        params = {"cutoff": iso(articles_before)}
        removed = f"""
            select id, text from articles where story_id in ({_OLD_STORIES})
            union all select a.id, a.text from articles a where {_OLD.format(a="a")}
              and a.story_id is null"""
        emptied = f"select id, text from articles where id in ({_OLD_TEXTS})"
        stories = db.execute(f"select count(*) from ({_OLD_STORIES})", params).fetchone()[0]
        n_removed, removed_bytes = db.execute(
            f"select count(*), coalesce(sum(length(text)), 0) from ({removed})", params
        ).fetchone()
        n_emptied, emptied_bytes = db.execute(
            f"select count(*), coalesce(sum(length(text)), 0) from ({emptied})", params
        ).fetchone()
        summaries, summary_bytes = db.execute(
            f"""select count(*), coalesce(sum(length(summary)), 0) from summaries
            where article_id in (select id from ({removed}))
               or (summary != '' and article_id in (select id from ({emptied})))""",
            params,
        ).fetchone()
        records = db.execute(
            f"""select (select count(*) from digest_stories where story_id in ({_OLD_STORIES}))
                     + (select count(*) from live_posts where story_id in ({_OLD_STORIES}))""",
            params,
        ).fetchone()[0]
        counts += PruneCounts(
            articles=n_removed,
            emptied=n_emptied,
            stories=stories,
            records=records,
            summaries=summaries,
            search=n_removed + n_emptied,
            text_bytes=removed_bytes + emptied_bytes + summary_bytes,
            search_weeks=count_past_parts(db.conn, articles_before),
        )
    if ledger_before is not None:
        ledger = db.execute(
            "select count(*) from allegations where published < ?", [iso(ledger_before)]
        ).fetchone()[0]
        counts += PruneCounts(ledger=ledger)
    outbox = db.execute(
        f"select count(*) from outbox o where {_FINISHED}", {"cutoff": iso(outbox_before)}
    ).fetchone()[0]
    texts = 0
    if outbox_texts_before is not None:
        texts = db.execute(
            f"select count(*) from outbox o where o.text != '' and {_FINISHED}"
            " and not (o.created < :removed)",
            {"cutoff": iso(outbox_texts_before), "removed": iso(outbox_before)},
        ).fetchone()[0]
    return counts + PruneCounts(outbox=outbox, outbox_texts=texts)


def free_pages(db: Database, pages: int) -> int:
    """Give up to ``pages`` free pages back to the file system; return how many are left.

    ``PRAGMA incremental_vacuum`` frees one page per step of its statement, so it is run to
    its end as a script (which commits whatever the connection had open: call it between
    steps).
    """
    db.conn.executescript(f"PRAGMA incremental_vacuum({int(pages)})")
    return int(db.execute("PRAGMA freelist_count").fetchone()[0])


def database_bytes(db: Database) -> int:
    """Return the size of the database's pages (the file, without its write-ahead log)."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    size = db.execute("PRAGMA page_size").fetchone()[0]
    return int(pages) * int(size)


def _file_of(db: Database) -> str | None:
    """Return the database's file name, or None for an in-memory database."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(file) or None
    return None


def _checkpoint(path: str) -> None:
    """Copy what the write-ahead log holds into the database file, from a connection of its own.

    PASSIVE: it waits for no reader or writer, and with WAL neither waits for it.
    """
    conn = sqlite3.connect(path, timeout=10)
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    finally:
        conn.close()


@contextmanager
def checkpoints_apart(db: Database) -> Iterator[Callable[[], None] | None]:
    """Stop this connection's automatic checkpoints for a while; yield a checkpoint to run apart.

    SQLite checkpoints in the commit that fills the write-ahead log past 1,000 pages: that
    commit then writes ~4 MB into the database file and waits for the disk, tens of ms on a
    busy one. Retention writes many pages; its steps commit with the automatic checkpoint
    off, and the function yielded (None for an in-memory database) is run in a worker
    thread between steps. The setting comes back on exit.
    """
    path = _file_of(db)
    if path is None:
        yield None
        return
    pages = int(db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    db.execute("PRAGMA wal_autocheckpoint = 0").fetchall()
    try:
        yield partial(_checkpoint, path)
    finally:
        db.execute(f"PRAGMA wal_autocheckpoint = {pages}").fetchall()


# FTS5's default 'automerge': merge the b-trees of a level once it has four.
_AUTOMERGE = 4


@contextmanager
def search_merges_apart(db: Database) -> Iterator[None]:
    """Stop the search index from merging inside the writes that change it, for a while.

    FTS5 merges its b-trees as part of the writes that add to them ('automerge'); after many
    small deletes the cascade reaches the index's largest b-tree, and one retention step
    rewrites it: 1.5 s at 270,000 articles (bench/retention.py), against 76 ms at most
    without. With it off, a step only adds its delete markers, and the processing pass's
    bounded merge (``tidy_search_index``) folds them in afterwards. The setting (kept in the
    index's config table) comes back on exit. The same holds for every table of the index
    split by week (search_index.py), each with its own setting.
    """
    previous: dict[str, int] = {}
    with db.conn:
        for table in searched_tables(db.conn):
            row = db.execute(f"""select v from "{table}_config" where k = 'automerge'""").fetchone()
            previous[table] = int(row[0]) if row else _AUTOMERGE
            db.conn.execute(f"""insert into "{table}"("{table}", rank) values ('automerge', 0)""")
    try:
        yield
    finally:
        with db.conn:
            # Tables made meanwhile keep FTS5's default; tables dropped meanwhile are gone.
            for table in set(previous) & set(searched_tables(db.conn)):
                db.conn.execute(
                    f"""insert into "{table}"("{table}", rank) values ('automerge', ?)""",
                    [previous[table]],
                )
