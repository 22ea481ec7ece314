"""SQLite storage: the only module that knows the schema.

Every table is created by a named migration (sqlite-utils ``Migrations``), so an old
database file is brought up to date by ``open_db`` and stays browsable with
``sqlite-utils`` or Datasette as it is. Times are ISO 8601 strings in UTC.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from digests.dedup import ArticleKey, article_keys
from digests.errors import SourceError
from digests.models import Allegation, ArticleIn, Response, Source, Subscription
from digests.urls import canonical_url

migrations = Migrations("newsbot")

DEFAULT_POLL_INTERVAL = 900  # seconds
# After this many consecutive failures a source is paused until an admin resumes it.
AUTO_PAUSE_AFTER = 8
MAX_BACKOFF = timedelta(hours=6)


def utcnow() -> datetime:
    """Return the current time, aware, in UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """Return an aware datetime as an ISO 8601 string in UTC (seconds precision)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str) -> datetime:
    """Return the aware datetime of a stored ISO 8601 string."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@migrations(name="001_core")
def _m001_core(db: Database) -> None:
    db.table("sources").create(
        {
            "id": int,
            "url": str,
            "kind": str,
            "title": str,
            "poll_interval": int,
            "etag": str,
            "last_modified": str,
            "full_text": int,
            "paused": int,
            "pause_reason": str,
            "last_ok": str,
            "last_error": str,
            "last_error_at": str,
            "consecutive_errors": int,
            "next_poll": str,
            "weight": float,
            "added_at": str,
        },
        pk="id",
        not_null={"url", "kind", "title"},
        defaults={
            "poll_interval": DEFAULT_POLL_INTERVAL,
            "full_text": 1,
            "paused": 0,
            "consecutive_errors": 0,
            "weight": 1.0,
        },
    )
    db.table("sources").create_index(["url"], unique=True)
    db.table("stories").create(
        {"id": int, "title": str, "first_seen": str, "last_updated": str},
        pk="id",
    )
    db.table("articles").create(
        {
            "id": int,
            "url": str,
            "guid": str,
            "source_id": int,
            "story_id": int,
            "title": str,
            "author": str,
            "published": str,
            "fetched": str,
            "text": str,
            "content_hash": str,
            "word_count": int,
            "language": str,
            "signature": bytes,
        },
        pk="id",
        not_null={"url", "title", "published", "fetched", "text", "content_hash"},
        foreign_keys=[("source_id", "sources", "id"), ("story_id", "stories", "id")],
    )
    articles = db.table("articles")
    articles.create_index(["url"], unique=True)
    articles.create_index(["source_id", "guid"])
    articles.create_index(["content_hash"])
    articles.create_index(["published"])
    articles.create_index(["story_id"])
    db.table("summaries").create(
        {"article_id": int, "method": str, "summary": str, "created": str},
        pk=("article_id", "method"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    articles.enable_fts(["title", "text"], create_triggers=True, tokenize="porter")


@migrations(name="002_allegations")
def _m002_allegations(db: Database) -> None:
    db.table("allegations").create(
        {
            "id": int,
            "article_id": int,
            "position": int,
            "sentence": str,
            "accuser": str,
            "target": str,
            "claim": str,
            "kind": str,
            "salience": float,
            "responses": str,  # JSON list of {sentence, responder, kind}
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("allegations").create_index(["article_id"])
    db.table("allegations").create_index(["target"])
    # One row per article once extracted, with the extractor version that did it.
    db.table("allegation_runs").create(
        {"article_id": int, "version": int, "extracted": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the database at path and apply pending migrations."""
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:")
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=10)
    db = Database(conn)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    migrations.apply(db)
    return db


# --- sources -------------------------------------------------------------------------------


def _source(row: dict[str, Any]) -> Source:
    names = {f.name for f in fields(Source)}
    values = {k: v for k, v in row.items() if k in names}
    for flag in ("full_text", "paused"):
        values[flag] = bool(values.get(flag))
    values["consecutive_errors"] = values.get("consecutive_errors") or 0
    values["weight"] = values.get("weight") if values.get("weight") is not None else 1.0
    return Source(**values)


_SOURCE_SELECT = """
select s.*, (select count(*) from articles a where a.source_id = s.id) as item_count
from sources s
"""


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
) -> Source:
    """Add a source; raise SourceError if its URL is already there."""
    if kind not in ("feed", "page", "file"):
        raise SourceError(f"unknown source kind {kind!r}: use feed, page or file")
    if poll_interval < 60:
        raise SourceError("poll interval must be at least 60 seconds")
    if find_source(db, url) is not None:
        raise SourceError(f"source already added: {url}")
    db.table("sources").insert(
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
        }
    )
    source = find_source(db, url)
    assert source is not None
    return source


def find_source(db: Database, key: str | int) -> Source | None:
    """Return the source with this id, URL or exact title, or None."""
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
        rows = list(db.query(_SOURCE_SELECT + " where s.id = ?", [int(key)]))
    else:
        rows = list(db.query(_SOURCE_SELECT + " where s.url = ? or s.title = ?", [key, key]))
    return _source(rows[0]) if rows else None


def get_source(db: Database, key: str | int) -> Source:
    """Return the source with this id, URL or title; raise SourceError if there is none."""
    source = find_source(db, key)
    if source is None:
        raise SourceError(f"no such source: {key}")
    return source


def list_sources(db: Database, *, include_paused: bool = True) -> list[Source]:
    """Return every source, oldest first."""
    where = "" if include_paused else " where s.paused = 0"
    return [_source(r) for r in db.query(_SOURCE_SELECT + where + " order by s.id")]


def update_source(db: Database, source_id: int, **values: Any) -> Source:
    """Update columns of one source and return it."""
    db.table("sources").update(source_id, values)
    return get_source(db, source_id)


def remove_source(db: Database, key: str | int) -> Source:
    """Remove a source; its articles stay, detached from it."""
    source = get_source(db, key)
    with db.atomic():
        db.execute("update articles set source_id = null where source_id = ?", [source.id])
        db.table("sources").delete(source.id)
    return source


def set_paused(db: Database, key: str | int, paused: bool, reason: str | None = None) -> Source:
    """Pause or resume a source; resuming clears its error count and back-off."""
    source = get_source(db, key)
    values: dict[str, Any] = {"paused": int(paused), "pause_reason": reason if paused else None}
    if not paused:
        values.update(consecutive_errors=0, next_poll=None)
    return update_source(db, source.id, **values)


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
    now: datetime | None = None,
) -> Source:
    """Store a successful poll: validators, health reset, next poll time."""
    moment = now or utcnow()
    values: dict[str, Any] = {
        "etag": etag,
        "last_modified": last_modified,
        "last_ok": iso(moment),
        "consecutive_errors": 0,
        "next_poll": iso(moment + timedelta(seconds=source.poll_interval)),
    }
    if title and source.title == source.url:
        values["title"] = title
    return update_source(db, source.id, **values)


def backoff_delay(poll_interval: int, consecutive_errors: int) -> timedelta:
    """Return how long to wait after this many consecutive errors (doubling, capped)."""
    delay = timedelta(seconds=poll_interval * 2 ** max(0, consecutive_errors - 1))
    return min(delay, max(MAX_BACKOFF, timedelta(seconds=poll_interval)))


def record_failure(
    db: Database, source: Source, error: str, *, now: datetime | None = None
) -> Source:
    """Store a failed poll: count it, back off exponentially, auto-pause at the threshold."""
    moment = now or utcnow()
    errors = source.consecutive_errors + 1
    values: dict[str, Any] = {
        "consecutive_errors": errors,
        "last_error": error[:500],
        "last_error_at": iso(moment),
        "next_poll": iso(moment + backoff_delay(source.poll_interval, errors)),
    }
    if errors >= AUTO_PAUSE_AFTER:
        values["paused"] = 1
        values["pause_reason"] = f"paused after {errors} consecutive errors; last: {error[:200]}"
    return update_source(db, source.id, **values)


# --- articles ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What happened to a batch of parsed articles."""

    new_ids: tuple[int, ...]
    duplicates: int


def known_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Return which of these URLs (canonicalised) are already stored."""
    canon = list({canonical_url(u) for u in urls})
    found: set[str] = set()
    for start in range(0, len(canon), 500):
        chunk = canon[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            r["url"] for r in db.query(f"select url from articles where url in ({marks})", chunk)
        )
    return found


_INSERT_ARTICLE = (
    "insert into articles (url, guid, source_id, title, author, published, fetched, text,"
    " content_hash, word_count, language) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_IN_CHUNK = 400  # well under SQLite's default limit of bound parameters


def save_articles(
    db: Database,
    source_id: int | None,
    items: Sequence[ArticleIn],
    *,
    now: datetime | None = None,
    keys: Sequence[ArticleKey] | None = None,
) -> SaveResult:
    """Insert new articles, skipping duplicates by canonical URL, guid or content hash.

    Duplicates are found with one query per few hundred items, against the database and
    within the batch; ``keys`` (from ``article_keys``) may be computed ahead, off the loop.
    """
    if keys is None:
        keys = article_keys(items)
    if len(keys) != len(items):
        raise ValueError("one key per article is needed")
    moment = now or utcnow()
    fetched = iso(moment)
    new_ids: list[int] = []
    duplicates = 0
    with db.atomic():
        seen_urls, seen_hashes, seen_guids = _stored_keys(db, source_id, items, keys)
        cursor = db.conn.cursor()
        for item, key in zip(items, keys, strict=True):
            text = item.text.strip()
            if not text and not item.title.strip():
                duplicates += 1
                continue
            if (
                key.url in seen_urls
                or key.content_hash in seen_hashes
                or (item.guid and item.guid in seen_guids)
            ):
                duplicates += 1
                continue
            seen_urls.add(key.url)
            seen_hashes.add(key.content_hash)
            if item.guid:
                seen_guids.add(item.guid)
            published = item.published or moment
            if published > moment + timedelta(minutes=5):
                published = moment  # a date in the future is a feed error, not news from tomorrow
            cursor.execute(
                _INSERT_ARTICLE,
                (
                    key.url,
                    item.guid,
                    source_id,
                    item.title.strip() or key.url,
                    item.author,
                    iso(published),
                    fetched,
                    text,
                    key.content_hash,
                    key.words,
                    item.language,
                ),
            )
            new_ids.append(cast(int, cursor.lastrowid))
        # One statement per chunk indexes the batch: a trigger per row cost three times more.
        for start in range(0, len(new_ids), _IN_CHUNK):
            chunk = new_ids[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            cursor.execute(
                "insert into articles_fts (rowid, title, text)"
                f" select id, title, text from articles where id in ({marks})",
                chunk,
            )
    return SaveResult(tuple(new_ids), duplicates)


def _stored_keys(
    db: Database, source_id: int | None, items: Sequence[ArticleIn], keys: Sequence[ArticleKey]
) -> tuple[set[str], set[str], set[str]]:
    """Return which of these URLs, hashes and (this source's) guids are stored already."""
    urls: set[str] = set()
    hashes: set[str] = set()
    guids: set[str] = set()
    for start in range(0, len(keys), _IN_CHUNK):
        chunk = keys[start : start + _IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        for url, digest in db.execute(
            f"select url, content_hash from articles where url in ({marks})"
            f" or content_hash in ({marks})",
            [k.url for k in chunk] + [k.content_hash for k in chunk],
        ):
            urls.add(url)
            hashes.add(digest)
    wanted = sorted({i.guid for i in items if i.guid})
    for start in range(0, len(wanted), _IN_CHUNK):
        part = wanted[start : start + _IN_CHUNK]
        marks = ",".join("?" * len(part))
        guids.update(
            row[0]
            for row in db.execute(
                f"select guid from articles where source_id is ? and guid in ({marks})",
                [source_id, *part],
            )
        )
    return urls, hashes, guids


def get_article(db: Database, article_id: int) -> dict[str, Any] | None:
    """Return one article row, or None."""
    rows = list(db.query("select * from articles where id = ?", [article_id]))
    return rows[0] if rows else None


def count(db: Database, table: str) -> int:
    """Return the number of rows of a table."""
    return db.table(table).count


# --- summaries -----------------------------------------------------------------------------


def pending_summaries(
    db: Database, method: str, *, limit: int | None = None
) -> list[tuple[int, str, str]]:
    """Return (article id, title, text) of articles with no summary by this method yet."""
    sql = (
        "select a.id, a.title, a.text from articles a where not exists ("
        "select 1 from summaries s where s.article_id = a.id and s.method = ?) order by a.id"
    )
    params: list[Any] = [method]
    if limit is not None:
        sql += " limit ?"
        params.append(limit)
    return [(r["id"], r["title"], r["text"]) for r in db.query(sql, params)]


def count_pending_summaries(db: Database, method: str) -> int:
    """Return how many articles have no summary by this method yet."""
    sql = (
        "select count(*) from articles a where not exists ("
        "select 1 from summaries s where s.article_id = a.id and s.method = ?)"
    )
    return int(db.execute(sql, [method]).fetchone()[0])


def save_summaries(
    db: Database, method: str, rows: Iterable[tuple[int, str]], *, now: datetime | None = None
) -> int:
    """Store summaries (article id, text) by one method; return how many were written."""
    stamp = iso(now or utcnow())
    records = [
        {"article_id": aid, "method": method, "summary": text, "created": stamp}
        for aid, text in rows
    ]
    if records:
        db.table("summaries").upsert_all(records, pk=("article_id", "method"))
    return len(records)


# --- stories -------------------------------------------------------------------------------


def articles_for_clustering(
    db: Database, *, since: datetime | None, unassigned_only: bool = False
) -> Iterator[dict[str, Any]]:
    """Yield id, story_id, title, text, signature, published of articles published since."""
    sql = "select id, story_id, title, text, signature, published from articles where 1 = 1"
    params: list[Any] = []
    if since is not None:
        sql += " and published >= ?"
        params.append(iso(since))
    if unassigned_only:
        sql += " and story_id is null"
    yield from db.query(sql + " order by published, id", params)


def set_signature(db: Database, article_id: int, signature: bytes) -> None:
    """Store an article's MinHash signature."""
    db.execute("update articles set signature = ? where id = ?", [signature, article_id])


def new_story(db: Database, title: str, published: datetime) -> int:
    """Create a story and return its id."""
    stories = db.table("stories")
    stamp = iso(published)
    stories.insert({"title": title, "first_seen": stamp, "last_updated": stamp})
    return cast(int, stories.last_pk)


def attach_to_story(db: Database, article_id: int, story_id: int, published: datetime) -> None:
    """Put an article into a story and move the story's last update forward."""
    db.execute("update articles set story_id = ? where id = ?", [story_id, article_id])
    db.execute(
        "update stories set last_updated = max(last_updated, ?) where id = ?",
        [iso(published), story_id],
    )


# --- reading for digests and search --------------------------------------------------------


def story_rows(
    db: Database,
    *,
    since: datetime | None = None,
    story_ids: Sequence[int] | None = None,
    new_since: datetime | None = None,
    method: str,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Return one row per article of recent stories, newest stories first.

    Stories are chosen by id, by an article fetched since ``new_since``, or by their last
    update since ``since``.

    Each row: story_id, story_title, article_id, url, title, text, published,
    source_id, source_title, source_weight, summary (by ``method``, or None).
    """
    params: list[Any] = [method]
    if story_ids is not None:
        if not story_ids:
            return []
        where = f"st.id in ({','.join('?' * len(story_ids))})"
        params += list(story_ids)
    elif new_since is not None:
        # Stories with an article fetched since: late-dated feed items still count as new.
        where = "st.id in (select story_id from articles where fetched >= ?)"
        params.append(iso(new_since))
    else:
        where = "st.last_updated >= ?"
        params.append(iso(since or datetime.min.replace(tzinfo=UTC)))
    params.append(limit)
    sql = f"""
    with picked as (
        select st.id from stories st where {where} order by st.last_updated desc limit ?
    )
    select a.story_id, st.title as story_title, a.id as article_id, a.url, a.title, a.text,
           a.published, a.source_id, coalesce(s.title, '') as source_title,
           coalesce(s.weight, 1.0) as source_weight, sm.summary
    from articles a
    join stories st on st.id = a.story_id
    left join sources s on s.id = a.source_id
    left join summaries sm on sm.article_id = a.id and sm.method = ?
    where a.story_id in (select id from picked)
    order by st.last_updated desc, a.published asc, a.id asc
    """
    # the method parameter belongs to the outer join; reorder to match placeholders
    ordered = [*params[1:], params[0]]
    return list(db.query(sql, ordered))


_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)
_STORY_OF_INDEX = "articles_story_of"
# Searches count matching stories exactly up to this many, and show "500+" beyond. Counting
# maps each hit to its story (~0.7 us each); DISTINCT with LIMIT stops at the cap, so a word
# in 10,000 articles costs what one in ~600 does (1,000 cost a quarter more per search).
SEARCH_COUNT_CAP = 500
_COUNT_STORIES = f"""
select count(*) from (
    select distinct a.story_id from articles_fts
    join articles a indexed by {_STORY_OF_INDEX} on a.id = articles_fts.rowid
    where articles_fts match ? and a.story_id is not null
    limit ?
)
"""
# bm25 with the weights of the table's rank (titles five times the text, migration 004):
# called by name, it ranks the same and costs about 40% less than the rank column. The last
# column is how many hits were ranked: fewer than the limit means none was left out.
_RANK_STORIES = f"""
with hits as materialized (
    select rowid, bm25(articles_fts, 5.0, 1.0) as score from articles_fts
    where articles_fts match ? order by score limit ?
)
select a.story_id, min(hits.score) as best, (select count(*) from hits) from hits
join articles a indexed by {_STORY_OF_INDEX} on a.id = hits.rowid
where a.story_id is not null
group by a.story_id order by best, a.story_id limit ?
"""


def fts_query(words: str) -> str:
    """Turn free text into a safe FTS5 query: every word must match (prefix on the last)."""
    tokens = _FTS_TOKEN.findall(words)
    if not tokens:
        return ""
    quoted = [f'"{t}"' for t in tokens]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_story_ids(
    db: Database, words: str, *, limit: int = 20, offset: int = 0
) -> tuple[list[int], int]:
    """Return story ids matching the words, best first, and the number of matching stories.

    Stories with an article whose title holds every word come first, then the others; each
    group in the order of its stories' best article by bm25 (titles weigh five times the
    text). The number is exact up to ``max(SEARCH_COUNT_CAP, offset + limit)``; beyond it
    is that cap plus one, which callers show as "more than SEARCH_COUNT_CAP".
    """
    query = fts_query(words)
    if not query:
        return [], 0
    reach = offset + limit
    cap = max(SEARCH_COUNT_CAP, reach)
    total = int(db.execute(_COUNT_STORIES, [query, cap + 1]).fetchone()[0])
    if total <= offset:
        return [], total

    def ranked(match: str, wanted: int) -> list[int]:
        """Return the best ``wanted`` stories for an FTS5 query (all of them when fewer)."""
        # Rank only the best hits: a story's best article decides its place. Articles per
        # story are few, so a few times the page's reach is enough; if not, rank every hit.
        ids: list[int] = []
        for hits in (wanted * 8 + 50, -1):
            rows = db.execute(_RANK_STORIES, [match, hits, wanted]).fetchall()
            ids = [row[0] for row in rows]
            # No row says nothing: every hit ranked may belong to no story yet.
            if len(ids) >= wanted or (rows and rows[0][2] < hits):
                break
        return ids

    # bm25 costs ~1 us per hit, and a frequent word has ~10,000 hits. Articles with every
    # word in the title are a tenth as many and, as titles weigh five times the text, mostly
    # the best anyway (not always: a text can repeat a word more often). Rank them first, and
    # the other hits only when they are too few to fill the page. The title query keeps the
    # plain query beside the title filter, so that words in the text still count.
    first = ranked(f"{query} AND {{title}} : ({query})", reach)
    if len(first) < reach:
        shown = set(first)
        first += [i for i in ranked(query, reach) if i not in shown][: reach - len(first)]
    return first[offset:reach], total


# Pages of index data one upkeep step may merge (about 4 MB; 0.08-0.15 s on 100,000 articles).
INDEX_UPKEEP_PAGES = 1000


def tidy_search_index(db: Database, *, pages: int = INDEX_UPKEEP_PAGES) -> bool:
    """Merge the full-text index's segments a bounded step further; return True if it did.

    Every batch of new articles adds a segment to the FTS5 index, and a search reads every
    segment: on 100,000 articles saved in a month of batches, searches ran ~25 % slower than
    on a merged index. FTS5's incremental 'merge' with a negative page count merges segments
    of any level, up to about that many pages per call, resuming where the previous call
    stopped; called after each processing pass, it keeps the index close to one segment at a
    bounded cost per pass. FTS5 documents that a call that found nothing to merge changes
    fewer than two rows.
    """
    before = db.conn.total_changes
    with db.conn:
        db.execute(
            "insert into articles_fts(articles_fts, rank) values ('merge', ?)", [-abs(pages)]
        )
    return db.conn.total_changes - before >= 2


# --- allegations ---------------------------------------------------------------------------


def pending_allegations(db: Database, version: int, *, limit: int | None = None) -> list[int]:
    """Return ids of articles not yet extracted by this extractor version."""
    sql = (
        "select a.id from articles a left join allegation_runs r on r.article_id = a.id"
        " where r.version is null or r.version != ? order by a.id"
    )
    params: list[Any] = [version]
    if limit is not None:
        sql += " limit ?"
        params.append(limit)
    return [r["id"] for r in db.query(sql, params)]


def save_allegations(
    db: Database,
    article_id: int,
    items: Sequence[Allegation],
    version: int,
    *,
    now: datetime | None = None,
) -> None:
    """Replace an article's allegation items with these, stamped with the extractor version."""
    with db.atomic():
        db.execute("delete from allegations where article_id = ?", [article_id])
        rows = [
            {
                "article_id": article_id,
                "position": i,
                "sentence": it.sentence,
                "accuser": it.accuser,
                "target": it.target,
                "claim": it.claim,
                "kind": it.kind,
                "salience": it.salience,
                "responses": json.dumps(
                    [
                        {"sentence": r.sentence, "responder": r.responder, "kind": r.kind}
                        for r in it.responses
                    ]
                ),
            }
            for i, it in enumerate(items)
        ]
        if rows:
            db.table("allegations").insert_all(rows)
        db.table("allegation_runs").upsert(
            {"article_id": article_id, "version": version, "extracted": iso(now or utcnow())},
            pk="article_id",
        )


def allegation_from_row(row: dict[str, Any]) -> Allegation:
    """Return the Allegation value of an allegations row."""
    responses = tuple(Response(**r) for r in json.loads(row["responses"] or "[]"))
    return Allegation(
        sentence=row["sentence"],
        accuser=row["accuser"],
        target=row["target"],
        claim=row["claim"],
        kind=row["kind"],
        responses=responses,
        salience=row["salience"] or 0.0,
    )


def allegation_rows(
    db: Database,
    *,
    words: str = "",
    since: datetime | None = None,
    story_ids: Sequence[int] | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Return allegation rows with their article's story, URL, date and source, newest first.

    ``words`` matches the target, accuser or claim (case-insensitive substring).
    """
    sql = """
    select al.*, a.story_id, a.url, a.published, coalesce(s.title, '') as source_title
    from allegations al
    join articles a on a.id = al.article_id
    left join sources s on s.id = a.source_id
    where a.story_id is not null
    """
    params: list[Any] = []
    if since is not None:
        sql += " and a.published >= ?"
        params.append(iso(since))
    if story_ids is not None:
        sql += f" and a.story_id in ({','.join('?' * len(story_ids)) or 'null'})"
        params += list(story_ids)
    for word in words.split():
        sql += " and (al.target like ? or al.accuser like ? or al.claim like ?)"
        params += [f"%{word}%"] * 3
    sql += " order by a.published desc, al.salience desc limit ?"
    params.append(limit)
    return list(db.query(sql, params))


def allegation_targets(db: Database, *, since: datetime, limit: int = 8) -> list[tuple[str, int]]:
    """Return (target, number of allegations) published since a time, most first."""
    rows = db.query(
        """
        select al.target, count(*) as n from allegations al
        join articles a on a.id = al.article_id
        where a.published >= ? and al.target != ''
        group by al.target order by n desc, max(a.published) desc limit ?
        """,
        [iso(since), limit],
    )
    return [(r["target"], int(r["n"])) for r in rows]


def stats(db: Database, *, now: datetime | None = None) -> dict[str, int]:
    """Return counts for the stats views: sources, articles, stories, summaries, errors."""
    moment = now or utcnow()
    day_ago = iso(moment - timedelta(days=1))

    def one(sql: str, params: Sequence[Any] = ()) -> int:
        return int(next(iter(db.query(sql, list(params))))["n"])

    return {
        "sources": one("select count(*) as n from sources"),
        "sources_paused": one("select count(*) as n from sources where paused = 1"),
        "sources_failing": one("select count(*) as n from sources where consecutive_errors > 0"),
        "articles": one("select count(*) as n from articles"),
        "articles_24h": one("select count(*) as n from articles where fetched >= ?", [day_ago]),
        "stories": one("select count(*) as n from stories"),
        "summaries": one("select count(*) as n from summaries"),
        "allegations": one("select count(*) as n from allegations"),
    }


# --- subscriptions and the delivery outbox ---------------------------------------------------


@migrations(name="003_subscriptions_outbox")
def _m003_subscriptions_outbox(db: Database) -> None:
    db.table("subscriptions").create(
        {
            "id": int,
            "chat_id": int,
            "chat_type": str,
            "title": str,
            "user_id": int,
            "time": str,
            "timezone": str,
            "frequency": str,
            "weekday": int,
            "stories": int,
            "include": str,  # JSON list
            "exclude": str,  # JSON list
            "allegations": int,
            "silent": int,
            "link_previews": int,
            "empty_note": int,
            "active": int,
            "deactivated_reason": str,
            "created": str,
            "last_digest_at": str,
            "last_slot": str,
        },
        pk="id",
        not_null={"chat_id", "chat_type"},
        defaults={
            "time": "08:00",
            "timezone": "UTC",
            "frequency": "daily",
            "weekday": 0,
            "stories": 5,
            "include": "[]",
            "exclude": "[]",
            "allegations": 0,
            "silent": 0,
            "link_previews": 0,
            "empty_note": 0,
            "active": 1,
        },
    )
    db.table("subscriptions").create_index(["chat_id"], unique=True)
    db.table("outbox").create(
        {
            "id": int,
            "subscription_id": int,
            "chat_id": int,
            "chat_type": str,
            "digest_key": str,  # one digest of one subscription, e.g. "12@2026-11-28T07:00:00+00:00"
            "part": int,
            "parts": int,
            "text": str,
            "disable_notification": int,
            "link_previews": int,
            "status": str,  # pending, sending, sent, failed
            "attempts": int,
            "next_attempt": str,
            "message_id": int,
            "last_error": str,
            "created": str,
            "sent_at": str,
        },
        pk="id",
        not_null={"chat_id", "digest_key", "part", "text", "status"},
        defaults={
            "status": "pending",
            "attempts": 0,
            "disable_notification": 0,
            "link_previews": 0,
        },
        foreign_keys=[("subscription_id", "subscriptions", "id")],
    )
    outbox = db.table("outbox")
    outbox.create_index(["digest_key", "part"], unique=True)
    outbox.create_index(["status", "next_attempt"])
    outbox.create_index(["chat_id", "status"])


@migrations(name="004_story_recency_and_search_rank")
def _m004_story_recency_and_search_rank(db: Database) -> None:
    db.table("stories").create_index(["last_updated"])
    db.table("articles").create_index(["fetched"])
    # Titles weigh five times the text in the full-text rank (used by "order by rank").
    db.execute("insert into articles_fts(articles_fts, rank) values ('rank', 'bm25(5.0, 1.0)')")


@migrations(name="005_index_new_articles_in_batches")
def _m005_index_new_articles_in_batches(db: Database) -> None:
    # save_articles indexes each batch of new articles in one statement; the per-row insert
    # trigger made saving three times slower. Updates and deletes keep their triggers.
    db.execute('drop trigger if exists "articles_ai"')


@migrations(name="006_article_story_lookup")
def _m006_article_story_lookup(db: Database) -> None:
    # Search maps every full-text hit to its story. Through the table that costs a page of
    # article text per hit; this covering index holds only (id, story_id) and stays cached.
    # SQLite prefers the rowid for "a.id = ?", so the search queries name it (INDEXED BY).
    db.table("articles").create_index(["id", "story_id"], index_name=_STORY_OF_INDEX)


_SUBSCRIPTION_FLAGS = ("allegations", "silent", "link_previews", "empty_note", "active")


def _subscription(row: dict[str, Any]) -> Subscription:
    names = {f.name for f in fields(Subscription)}
    values = {k: v for k, v in row.items() if k in names}
    for flag in _SUBSCRIPTION_FLAGS:
        values[flag] = bool(values.get(flag))
    values["include"] = tuple(json.loads(values.get("include") or "[]"))
    values["exclude"] = tuple(json.loads(values.get("exclude") or "[]"))
    return Subscription(**values)


def _subscription_values(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("include", "exclude"):
        if key in out:
            out[key] = json.dumps(list(out[key]), ensure_ascii=False)
    for flag in _SUBSCRIPTION_FLAGS:
        if flag in out:
            out[flag] = int(bool(out[flag]))
    return out


def find_subscription(db: Database, chat_id: int) -> Subscription | None:
    """Return the subscription of a chat, active or not, or None."""
    rows = list(db.query("select * from subscriptions where chat_id = ?", [chat_id]))
    return _subscription(rows[0]) if rows else None


def get_subscription_by_id(db: Database, subscription_id: int) -> Subscription | None:
    """Return a subscription by its id, or None."""
    rows = list(db.query("select * from subscriptions where id = ?", [subscription_id]))
    return _subscription(rows[0]) if rows else None


def save_subscription(
    db: Database, chat_id: int, chat_type: str, *, now: datetime | None = None, **values: Any
) -> Subscription:
    """Create or update a chat's subscription (re-activating it) and return it."""
    existing = find_subscription(db, chat_id)
    record = _subscription_values(values)
    record.update(chat_type=chat_type, active=1, deactivated_reason=None)
    if existing is None:
        record.update(chat_id=chat_id, created=iso(now or utcnow()))
        # Start from now: a new subscriber's first digest holds what arrives from here on,
        # plus the day before, so it is not empty.
        record.setdefault("last_digest_at", iso((now or utcnow()) - timedelta(days=1)))
        db.table("subscriptions").insert(record)
    else:
        db.table("subscriptions").update(existing.id, record)
    found = find_subscription(db, chat_id)
    assert found is not None
    return found


def update_subscription(db: Database, subscription_id: int, **values: Any) -> Subscription:
    """Change fields of a subscription and return it."""
    db.table("subscriptions").update(subscription_id, _subscription_values(values))
    found = get_subscription_by_id(db, subscription_id)
    assert found is not None
    return found


def list_subscriptions(db: Database, *, active_only: bool = True) -> list[Subscription]:
    """Return subscriptions, oldest first."""
    where = " where active = 1" if active_only else ""
    return [_subscription(r) for r in db.query(f"select * from subscriptions{where} order by id")]


def deactivate_subscription(db: Database, chat_id: int, reason: str) -> None:
    """Stop a chat's subscription and drop its undelivered messages (the chat is gone)."""
    with db.atomic():
        db.execute(
            "update subscriptions set active = 0, deactivated_reason = ? where chat_id = ?",
            [reason[:300], chat_id],
        )
        db.execute(
            "update outbox set status = 'failed', last_error = ? "
            "where chat_id = ? and status in ('pending', 'sending')",
            [f"chat deactivated: {reason[:200]}", chat_id],
        )


def migrate_chat(db: Database, old_chat_id: int, new_chat_id: int) -> None:
    """Move a group's subscription and pending messages to its new supergroup id."""
    with db.atomic():
        if find_subscription(db, new_chat_id) is None:
            db.execute(
                "update subscriptions set chat_id = ?, chat_type = 'supergroup' where chat_id = ?",
                [new_chat_id, old_chat_id],
            )
        db.execute(
            "update outbox set chat_id = ?, chat_type = 'supergroup' "
            "where chat_id = ? and status in ('pending', 'sending')",
            [new_chat_id, old_chat_id],
        )


def enqueue_digest(
    db: Database,
    subscription: Subscription,
    slot: datetime,
    parts: Sequence[str],
    *,
    cutoff: datetime,
    now: datetime | None = None,
) -> int:
    """Write one digest's messages to the outbox and move the subscription's cutoff, atomically.

    The digest key (subscription and slot) makes this idempotent: a slot already written
    adds nothing. Returns how many messages were added.
    """
    key = f"{subscription.id}@{iso(slot)}"
    stamp = iso(now or utcnow())
    rows = [
        {
            "subscription_id": subscription.id,
            "chat_id": subscription.chat_id,
            "chat_type": subscription.chat_type,
            "digest_key": key,
            "part": n,
            "parts": len(parts),
            "text": text,
            "disable_notification": int(subscription.silent),
            "link_previews": int(subscription.link_previews),
            "status": "pending",
            "attempts": 0,
            "next_attempt": stamp,
            "created": stamp,
        }
        for n, text in enumerate(parts)
    ]
    with db.atomic():
        if next(iter(db.query("select count(*) as n from outbox where digest_key = ?", [key])))[
            "n"
        ]:
            return 0  # this slot's digest is already written, whole
        before = count(db, "outbox")
        if rows:
            db.table("outbox").insert_all(rows, ignore=True)
        db.execute(
            "update subscriptions set last_slot = ?, last_digest_at = ? where id = ?",
            [iso(slot), iso(cutoff), subscription.id],
        )
        return count(db, "outbox") - before


def outbox_due(
    db: Database, *, now: datetime | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Return pending messages whose time has come, oldest digest and part first.

    A part is only due once every earlier part of its digest is sent, so parts arrive in order.
    """
    return list(
        db.query(
            """
            select o.* from outbox o
            where o.status = 'pending' and o.next_attempt <= ?
              and not exists (
                select 1 from outbox p where p.digest_key = o.digest_key and p.part < o.part
                and p.status != 'sent')
            order by o.id limit ?
            """,
            [iso(now or utcnow()), limit],
        )
    )


def mark_sending(db: Database, outbox_id: int) -> None:
    """Mark a message as handed to Telegram (in flight)."""
    db.execute(
        "update outbox set status = 'sending', attempts = attempts + 1 where id = ?", [outbox_id]
    )


def mark_sent(
    db: Database, outbox_id: int, message_id: int, *, now: datetime | None = None
) -> None:
    """Mark a message delivered."""
    db.execute(
        "update outbox set status = 'sent', message_id = ?, sent_at = ?, last_error = null "
        "where id = ?",
        [message_id, iso(now or utcnow()), outbox_id],
    )


def mark_retry(db: Database, outbox_id: int, error: str, next_attempt: datetime) -> None:
    """Put a message back in the queue after a failure, to try again later."""
    db.execute(
        "update outbox set status = 'pending', last_error = ?, next_attempt = ? where id = ?",
        [error[:300], iso(next_attempt), outbox_id],
    )


def mark_failed(db: Database, outbox_id: int, error: str) -> None:
    """Give a message up."""
    db.execute(
        "update outbox set status = 'failed', last_error = ? where id = ?", [error[:300], outbox_id]
    )


def fail_digest_rest(db: Database, digest_key: str, after_part: int, error: str) -> int:
    """Fail a digest's later parts when a part failed (they could never become due)."""
    return db.execute(
        "update outbox set status = 'failed', last_error = ? "
        "where digest_key = ? and part > ? and status = 'pending'",
        [error[:300], digest_key, after_part],
    ).rowcount


def release_in_flight(db: Database) -> int:
    """After a crash or restart, put messages that were in flight back in the queue."""
    return db.execute("update outbox set status = 'pending' where status = 'sending'").rowcount


def delivery_stats(db: Database, *, now: datetime | None = None) -> dict[str, int]:
    """Return subscriber counts by kind and delivery counts of the last 24 hours."""
    moment = now or utcnow()
    day_ago = iso(moment - timedelta(days=1))
    result = {f"subscribers_{kind}": 0 for kind in ("private", "group", "channel")}
    for row in db.query(
        "select chat_type, count(*) as n from subscriptions where active = 1 group by chat_type"
    ):
        kind = "group" if row["chat_type"] in ("group", "supergroup") else row["chat_type"]
        result[f"subscribers_{kind}"] = result.get(f"subscribers_{kind}", 0) + int(row["n"])
    result["deactivated_chats"] = int(
        next(iter(db.query("select count(*) as n from subscriptions where active = 0")))["n"]
    )
    for status in ("sent", "failed", "pending"):
        column = "sent_at" if status == "sent" else "created"
        result[f"deliveries_{status}_24h"] = int(
            next(
                iter(
                    db.query(
                        f"select count(*) as n from outbox where status = ? and {column} >= ?",
                        [status, day_ago],
                    )
                )
            )["n"]
        )
    return result
