"""The schema: every table and index, created by named migrations applied in order.

sqlite-utils ``Migrations`` records each applied migration in ``_sqlite_migrations``, so an
old database file is brought up to date by ``open_db`` and stays browsable with
``sqlite-utils`` or Datasette as it is. Times are ISO 8601 strings in UTC. Migrations are
append-only: a change to the schema is a new migration at the end, never an edit.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsbot")

DEFAULT_POLL_INTERVAL = 900  # seconds
# A covering index of (id, story_id): search maps every full-text hit to its story with it.
STORY_OF_INDEX = "articles_story_of"


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
    db.table("articles").create_index(["id", "story_id"], index_name=STORY_OF_INDEX)


@migrations(name="009_story_matching")
def _m009_story_matching(db: Database) -> None:
    # The rewrite matcher of digests/stories.py: each article's terms (title, lead, names,
    # numbers), postings to find the articles sharing a rare term within a time window, and
    # how many indexed articles hold each term (its IDF). Kept with the terms: their weighted
    # length (a comparison then reads only the terms two articles share), the story, and the
    # MinHash signature (in articles it sits behind the text, on overflow pages). Rows leave
    # once older than the matcher keeps them; times are unix seconds, as the postings' key
    # is scanned by time. No foreign keys: an index of articles, rebuilt from them.
    db.execute(
        "create table story_terms (article_id integer primary key, story_id integer not null,"
        " published integer not null, terms text not null, title text not null, norm real not null,"
        " signature blob)"
    )
    db.execute("create index story_terms_published on story_terms (published)")
    db.execute(
        "create table story_postings (term text not null, published integer not null,"
        " article_id integer not null, primary key (term, published, article_id)) without rowid"
    )
    # The row of term '' counts the indexed articles.
    db.execute("create table story_df (term text primary key, df integer not null) without rowid")


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
