"""The schema: every table and index, created by named migrations applied in order.

sqlite-utils ``Migrations`` records each applied migration in ``_sqlite_migrations``, so an
old database file is brought up to date by ``open_db`` and stays browsable with
``sqlite-utils`` or Datasette as it is. Times are ISO 8601 strings in UTC. Migrations are
append-only: a change to the schema is a new migration at the end, never an edit.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from digests.errors import DatabaseFileError
from digests.store.common import iso, utcnow
from digests.store.search_index import (
    KEPT,
    LEGACY,
    REGISTRY,
    WEEK,
    create_part,
    entry_form,
    form_before_045,
    reindex_capitals,
    reindex_joined,
    reindex_proclitics,
    reindex_unspaced,
    week_start,
)

log = logging.getLogger(__name__)
migrations = Migrations("newsbot")

DEFAULT_POLL_INTERVAL = 900  # seconds
# A covering index of (id, story_id): search maps every full-text hit to its story with it.
STORY_OF_INDEX = "articles_story_of"
# PRAGMA auto_vacuum: freed pages wait on the free list until incremental_vacuum returns them.
INCREMENTAL_VACUUM = 2


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


@migrations(name="007_redo_summaries_with_title_apart")
def _m007_redo_summaries_with_title_apart(db: Database) -> None:
    # Summaries were made from "title + text" as one text, so many began with the headline.
    # The processing pass now passes the title apart; every summary is made again once.
    db.execute("delete from summaries")


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


@migrations(name="010_digest_stories")
def _m010_digest_stories(db: Database) -> None:
    # Which stories each subscription was sent: a story that grows after it went out (another
    # outlet reports it) is not sent to that chat again.
    db.table("digest_stories").create(
        {"subscription_id": int, "story_id": int, "sent_at": str},
        pk=("subscription_id", "story_id"),
        foreign_keys=[("subscription_id", "subscriptions", "id")],
    )


@migrations(name="012_incidents")
def _m012_incidents(db: Database) -> None:
    # Incidents the admins are told about once when they begin and once when they end
    # (bot/incidents.py). Kept here, not in memory, so that a restart neither repeats an
    # announcement nor loses one that Telegram could not take yet.
    db.table("incidents").create(
        {
            "key": str,  # "telegram_outage", "backlog", "source_paused:17", ...
            "kind": str,
            "subject": str,
            "detail": str,
            "started": str,
            "last_seen": str,
            "ended": str,  # null while it lasts
            "events": int,  # outages, messages given up: how many times it struck
            "told_start": int,
            "told_end": int,
        },
        pk="key",
        not_null={"kind", "started", "last_seen"},
        defaults={"subject": "", "detail": "", "events": 1, "told_start": 0, "told_end": 0},
    )


@migrations(name="013_search_index_follows_title_and_text")
def _m013_search_index_follows_title_and_text(db: Database) -> None:
    # The update trigger re-indexed an article on every update, signature and story included:
    # clustering re-indexed each article twice for nothing. Only title and text are indexed.
    db.execute('drop trigger if exists "articles_au"')
    db.execute(
        """
        CREATE TRIGGER "articles_au" AFTER UPDATE OF "title", "text" ON "articles" BEGIN
          INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text")
            VALUES('delete', old.rowid, old."title", old."text");
          INSERT INTO "articles_fts" (rowid, "title", "text")
            VALUES (new.rowid, new."title", new."text");
        END
        """
    )


@migrations(name="014_article_images")
def _m014_article_images(db: Database) -> None:
    # The lead picture's URL (feed media, else the page's og:image), as ``urls.image_url``
    # kept it; null when the article has none. Never indexed for search.
    db.table("articles").add_column("image_url", str)


@migrations(name="015_topics_and_live")
def _m015_topics_and_live(db: Database) -> None:
    # A subscription is a chat's or one forum topic's: (chat_id, thread_id) is unique, a NULL
    # thread_id (no topic) counting as one value. Existing rows keep their ids and settings:
    # they become the no-topic subscription of their chat, in digest mode, no pictures.
    subscriptions = db.table("subscriptions")
    subscriptions.add_column("thread_id", int)
    subscriptions.add_column("mode", str, not_null_default="digest")
    subscriptions.add_column("quiet_start", str)
    subscriptions.add_column("quiet_end", str)
    subscriptions.add_column("hourly_cap", int, not_null_default=10)
    subscriptions.add_column("pictures", str, not_null_default="off")
    subscriptions.add_column("paused_at", str)
    subscriptions.add_column("live_since", str)
    db.execute('drop index if exists "idx_subscriptions_chat_id"')
    db.execute(
        'create unique index "subscriptions_chat_topic" '
        "on subscriptions (chat_id, coalesce(thread_id, 0))"
    )
    outbox = db.table("outbox")
    outbox.add_column("thread_id", int)
    outbox.add_column("kind", str, not_null_default="message")  # message, photo, edit
    outbox.add_column("story_id", int)
    outbox.add_column("photo_url", str)
    outbox.add_column("edit_message_id", int)
    outbox.add_column("preview_url", str)
    outbox.create_index(["subscription_id", "story_id"])
    # Every story a live subscription posted, held or skipped: a story is written once per
    # subscription (the key), and an edit is made only when what it shows has changed.
    db.table("live_posts").create(
        {
            "subscription_id": int,
            "story_id": int,
            "outbox_id": int,  # the post's outbox row (null: skipped)
            "kind": str,  # message or photo, as sent (a refused photo is sent as text)
            "photo_url": str,
            "preview_url": str,
            "posted_at": str,  # when it was written to the outbox
            "due": str,  # when it may go: after quiet hours, within the hourly cap
            "message_id": int,  # once sent (null again when the message is gone)
            "sent_at": str,
            "last_edit_at": str,  # when the latest edit may go (edits of a post are spaced)
            "edits": int,
            "sources_count": int,
            "summary_hash": str,
            "skipped": int,
        },
        pk=("subscription_id", "story_id"),
        not_null={"posted_at"},
        defaults={"kind": "message", "edits": 0, "sources_count": 0, "skipped": 0},
        foreign_keys=[("subscription_id", "subscriptions", "id")],
    )
    db.table("live_posts").create_index(["outbox_id"])
    db.table("live_posts").create_index(["subscription_id", "due"])


@migrations(name="017_story_ids_never_reused", transactional=False)
def _m017_story_ids_never_reused(db: Database) -> None:
    # Messages sent long ago link /story_N. Without AUTOINCREMENT SQLite may hand the id of a
    # deleted story (an article's fuller copy left it empty; retention removed it) to a new
    # one, and such a link, a digest's record or a live post's would then name another story.
    # SQLite cannot add AUTOINCREMENT to a table: it is rebuilt (foreign keys off meanwhile,
    # as SQLite's documented procedure for changing a table asks), keeping every id.
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN")
        try:
            conn.execute(
                'CREATE TABLE "stories_new" ("id" INTEGER PRIMARY KEY AUTOINCREMENT,'
                ' "title" TEXT, "first_seen" TEXT, "last_updated" TEXT)'
            )
            conn.execute(
                'INSERT INTO "stories_new" (id, title, first_seen, last_updated)'
                " SELECT id, title, first_seen, last_updated FROM stories"
            )
            conn.execute('DROP TABLE "stories"')
            conn.execute('ALTER TABLE "stories_new" RENAME TO "stories"')
            conn.execute('CREATE INDEX "idx_stories_last_updated" ON "stories" ("last_updated")')
            # Ids of stories deleted before this migration may still be named elsewhere.
            conn.execute("DELETE FROM sqlite_sequence WHERE name = 'stories'")
            conn.execute(
                "INSERT INTO sqlite_sequence (name, seq) SELECT 'stories', max("
                " coalesce((SELECT max(id) FROM stories), 0),"
                " coalesce((SELECT max(story_id) FROM articles), 0),"
                " coalesce((SELECT max(story_id) FROM digest_stories), 0),"
                " coalesce((SELECT max(story_id) FROM live_posts), 0),"
                " coalesce((SELECT max(story_id) FROM outbox), 0))"
            )
            if conn.execute("PRAGMA foreign_key_check").fetchall():
                raise RuntimeError("rebuilding stories broke a foreign key")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


@migrations(name="018_article_language_codes")
def _m018_article_language_codes(db: Database) -> None:
    # Languages were stored as the feed declared them ("en-gb", "English", "ru-RU"); they are
    # ISO 639-1 codes now ("en", "ru"), and nothing else is. Unreadable tags become NULL, so
    # the processing pass detects those articles' language again.
    from digests.language import normalise_tag

    rows = db.execute("select distinct language from articles where language is not null")
    for (tag,) in rows.fetchall():
        code = normalise_tag(tag)
        if code != tag:
            db.execute("update articles set language = ? where language = ?", [code, tag])


@migrations(name="019_subscription_languages")
def _m019_subscription_languages(db: Database) -> None:
    # A subscription may keep only stories with an article in some languages: ISO 639-1 codes,
    # space separated ("ru en"). Empty (every existing subscription) means every language.
    db.table("subscriptions").add_column("languages", str, not_null_default="")


@migrations(name="016_chat_language")
def _m016_chat_language(db: Database) -> None:
    # The language the bot speaks in each chat: the one chosen with /language (NULL: none
    # chosen), and, for a private chat, the language of the user's Telegram app as last seen,
    # so that digests sent when no update is at hand speak it too. Numbered 016 but applied
    # last: it only adds a table, so an existing database can be at any migration.
    db.table("chats").create(
        {
            "chat_id": int,
            "language": str,
            "client_language": str,
            "changed_by": int,  # who chose the language (a user id; NULL: a channel post)
            "updated": str,
        },
        pk="chat_id",
        not_null={"updated"},
    )


@migrations(name="011_ledger_keeps_its_sources")
def _m011_ledger_keeps_its_sources(db: Database) -> None:
    # Retention (digests/retention.py) removes old articles, but the allegations ledger keeps
    # its items for as long as LEDGER_RETENTION_DAYS says: each item now carries its own
    # copy of what the ledger shows of its article (story, link, date, outlet, language),
    # filled when it is saved and here for the items already stored. An item whose article
    # is gone has no article_id; its story id stays, as story ids are never reused (017).
    allegations = db.table("allegations")
    for column, kind in (
        ("story_id", int),
        ("url", str),
        ("published", str),
        ("source_title", str),
        ("language", str),
    ):
        allegations.add_column(column, kind)
    db.execute(
        """
        update allegations set
          story_id = (select a.story_id from articles a where a.id = allegations.article_id),
          url = (select a.url from articles a where a.id = allegations.article_id),
          published = (select a.published from articles a where a.id = allegations.article_id),
          language = (select a.language from articles a where a.id = allegations.article_id),
          source_title = (select s.title from articles a join sources s on s.id = a.source_id
                          where a.id = allegations.article_id)
        """
    )
    allegations.create_index(["story_id"])
    allegations.create_index(["published"])


@migrations(name="020_source_messages")
def _m020_source_messages(db: Database) -> None:
    # A source's last error and pause reason stay English text (logs, the CLI); beside them
    # the same as a message, an English template and its values as JSON (digests/message.py),
    # which the bot shows in each chat's language. Rows from before keep NULL here, and the
    # bot shows their English text (translated when it is one of the known texts).
    sources = db.table("sources")
    sources.add_column("pause_message", str)
    sources.add_column("error_message", str)


@migrations(name="021_search_index_by_time")
def _m021_search_index_by_time(db: Database) -> None:
    # The search index is split by week of publication (store/search_index.py), so that
    # retention drops a whole week's table instead of leaving delete markers in the one
    # big table. No trigger can name a table chosen at run time: the store's code keeps the
    # index (save_articles, a fuller copy, retention). The existing table stays as it is,
    # with no reindexing: it becomes the "legacy" part, covering every date before the
    # Monday after its newest article, and retention drops it like a week once all of that
    # is past the cutoff. With no article yet, it is simply dropped.
    for trigger in ("articles_ai", "articles_au", "articles_ad"):
        db.execute(f'drop trigger if exists "{trigger}"')
    db.execute(REGISTRY)
    create_part(db.conn, KEPT, "", "")
    newest = db.execute("select max(published) from articles").fetchone()[0]
    if newest is None:
        db.execute(f'drop table if exists "{LEGACY}"')
        return
    try:
        until = iso(week_start(newest) + WEEK)
    except ValueError:
        until = "9999"  # an undated newest article: the legacy part then never goes
    db.execute("insert into search_parts (name, since, until) values (?, '', ?)", [LEGACY, until])


@migrations(name="022_allegation_reading")
def _m022_allegation_reading(db: Database) -> None:
    # Which reader made a ledger item: "" for the rules and clause patterns, "fallback" for the
    # looser fallback reader (digests/allegations/fallback.py), whose items are right less
    # often on real news; the ledger ranks and marks them apart. Items stored before keep ""
    # until the processing pass reads their article again (EXTRACTOR_VERSION 12 makes it).
    db.table("allegations").add_column("reading", str, not_null_default="")


def _redo_summaries(db: Database, languages: Sequence[str]) -> None:
    """Delete the summaries of the articles in ``languages`` (codes), so that the processing
    pass makes them again once with the splitter of the release that runs the migration."""
    marks = ", ".join("?" for _ in languages)
    db.execute(
        f"delete from summaries where article_id in (select id from articles"
        f" where language in ({marks}))",
        list(languages),
    )


@migrations(name="023_redo_summaries_split_without_full_word_abbreviations")
def _m023_redo_summaries_split_without_full_word_abbreviations(db: Database) -> None:
    # The sentence splitter took some common words for abbreviations (Russian "год.", "суд.",
    # French "vol.", Spanish "da.", ...: digests/data/not_abbreviations.txt), so a sentence
    # ending in one ran on into the next. Summaries of articles in those languages are made
    # again once (English "ill." and German "Bart." are too rare to redo every summary for).
    _redo_summaries(db, ("ru", "fr", "es", "it", "pt", "pl"))


@migrations(name="024_redo_summaries_split_at_sentence_starters")
def _m024_redo_summaries_split_at_sentence_starters(db: Database) -> None:
    # Russian and Ukrainian sentences ran on after an abbreviation ("5 млн руб. Он ..."),
    # French and Italian ones broke inside "l'art. 5" and Polish ones after "ul."
    # (digests/data/sentence_starters.txt and name_prefixes.txt, digests/tokenize.py).
    # Summaries of articles in those languages are made again once.
    _redo_summaries(db, ("ru", "uk", "fr", "it", "pl"))


@migrations(name="025_story_terms_by_story")
def _m025_story_terms_by_story(db: Database) -> None:
    # Merging two stories moves the matcher's index rows of one to the other (merge_stories):
    # without an index by story that read the whole 48 hours' index once per merge.
    db.execute("create index story_terms_story_id on story_terms (story_id)")


@migrations(name="026_deliveries_by_story")
def _m026_deliveries_by_story(db: Database) -> None:
    # Before two stories merge, delivered_stories asks whether either went out: by story, the
    # three tables' keys (subscription first) gave a scan of every delivery ever kept per merge.
    db.execute("create index digest_stories_story_id on digest_stories (story_id)")
    db.execute("create index live_posts_story_id on live_posts (story_id)")
    db.execute("create index outbox_story_id on outbox (story_id)")


@migrations(name="027_topic_names")
def _m027_topic_names(db: Database) -> None:
    # A topic's subscription keeps the topic's name (from /subscribe sent in it, then each
    # rename), so that notices name the topic rather than its number.
    db.table("subscriptions").add_column("topic_name", str)


@migrations(name="028_flood_holds")
def _m028_flood_holds(db: Database) -> None:
    # Telegram's 429 holds (a chat's, or every chat's: chat "*") until their end, so that a
    # restart during one does not send straight into the same 429 (repeated ones lengthen it).
    db.execute("create table flood_holds (chat text primary key, until text not null)")


@migrations(name="029_outlets_of_removed_sources")
def _m029_outlets_of_removed_sources(db: Database) -> None:
    # A removed source's articles stay, detached from it: each keeps the source's title, so
    # its stories still name the outlet and count it apart from other removed ones.
    db.table("articles").add_column("source_title", str)


@migrations(name="030_deleted_topics_end")
def _m030_deleted_topics_end(db: Database) -> None:
    # A deleted topic's subscription used to be paused, for good (the topic cannot be reopened
    # to resume it): it ends, as pause_subscription now does, counted as a deleted topic.
    db.execute(
        "update subscriptions set paused_at = null,"
        " deactivated_reason = 'topic deleted: ' || deactivated_reason"
        " where active = 0 and paused_at is not null"
        " and (lower(deactivated_reason) like '%message thread not found%'"
        " or lower(deactivated_reason) like '%topic!_deleted%' escape '!')"
    )


@migrations(name="031_subscriptions_stopped_at")
def _m031_subscriptions_stopped_at(db: Database) -> None:
    # When a subscription stopped: one that waits for the right to post in a group is checked
    # for a while (bot/rights.py). Those stopped before this version count from the upgrade,
    # so that a group muted for a night under the old version comes back too.
    db.table("subscriptions").add_column("stopped_at", str)
    db.execute("update subscriptions set stopped_at = ? where active = 0", [iso(utcnow())])


@migrations(name="032_article_versions")
def _m032_article_versions(db: Database) -> None:
    # An item its outlet updates in place comes back newer: the stored version's date of
    # change (none before: its publication date stands for it) only moves forward. A replaced
    # article remembers the story it left until clustering has placed it again.
    articles = db.table("articles")
    articles.add_column("updated", str)
    articles.add_column("left_story", int)


@migrations(name="033_article_outlets")
def _m033_article_outlets(db: Database) -> None:
    # An aggregator's item (Google News, Bing, a planet's merged feed) is its outlet's
    # article: the outlet its feed names, and that outlet's host, which tells outlets apart
    # (compose.outlet_keys). NULL is an article of its source's own: its outlet is the source,
    # read through the join, so a source's new title names its older articles too and they
    # stay one outlet with its newer ones. Rows stored before are all such: no data changes.
    articles = db.table("articles")
    articles.add_column("outlet", str)
    articles.add_column("outlet_host", str)


@migrations(name="034_article_changed")
def _m034_article_changed(db: Database) -> None:
    # When a stored article's text was last replaced (a newer version from its outlet, a
    # fuller copy): live passes look at stories changed recently, not only new ones, so that
    # the post of an older story is still edited. ``fetched`` stays when the bot first saw it.
    articles = db.table("articles")
    articles.add_column("changed", str)
    articles.create_index(["changed"])


@migrations(name="035_left_stories")
def _m035_left_stories(db: Database) -> None:
    # Every processing pass settles the articles that left a story (store.settle_left_stories):
    # a handful among 100k rows. Only they are in this index, which costs nothing to keep.
    db.execute(
        "create index articles_left_story on articles (left_story) where left_story is not null"
    )


@migrations(name="036_unspaced_scripts_search_and_summaries")
def _m036_unspaced_scripts_search_and_summaries(db: Database) -> None:
    # The index holds a run of Chinese, Japanese or Thai letters as its pairs of letters
    # (digests/unspaced.py), so that a word is found inside a run. Entries made before hold
    # such runs whole: they are written anew; every other entry stays as it is.
    reindex_unspaced(db.conn)
    # Summaries in these scripts counted a run as one word (a Chinese summary was the whole
    # article), Thai and Lao had no sentence ends, Arabic-script, Khmer, Burmese and Ethiopic
    # ones knew none of their marks (digests/tokenize.py): they are made again once.
    _redo_summaries(db, RESUMMARISED_036)


# The languages whose summaries migration 036 makes again.
RESUMMARISED_036 = ("zh", "ja", "th", "lo", "km", "my", "ar", "fa", "ps", "sd", "ug", "am", "ti")


@migrations(name="037_source_folders")
def _m037_source_folders(db: Database) -> None:
    # The folder an OPML file listed a source in ("World / Europe"), written back by the
    # export, so that a list moved from another reader and back keeps its folders.
    db.table("sources").add_column("folder", str)


@migrations(name="038_hebrew_and_arabic_words_without_proclitics")
def _m038_hebrew_and_arabic_words_without_proclitics(db: Database) -> None:
    # The index holds a Hebrew or Arabic title or text followed by its copy with each word's
    # prepositions, conjunctions and article cut (digests/proclitics.py), so that "חיפה"
    # finds "בחיפה". Entries made before have no copy: they are written anew; every other
    # entry stays as it is.
    reindex_proclitics(db.conn)


@migrations(name="039_source_state_since")
def _m039_source_state_since(db: Database) -> None:
    # When a source was paused, and when its current run of failures began, for an admin's
    # card of it ("paused since", "failing since"); rows before this have neither: unknown.
    db.table("sources").add_column("paused_at", str)
    db.table("sources").add_column("failing_since", str)


@migrations(name="040_redo_summaries_with_half_quotations_or_leaning_openings")
def _m040_redo_summaries_with_half_quotations_or_leaning_openings(db: Database) -> None:
    # Summaries took sentences one by one: a quotation spread over two sentences could show
    # half ("We will not ... with no closing mark), and a summary could open on a sentence
    # that leans on one left out ("He added that ...", "Эти обвинения ...": digests/cohesion.py).
    # Those summaries are made again once; the others stay.
    from digests.cohesion import leans_back, quotes_balanced

    rows = db.execute(  # read a row at a time: only the ids to delete are kept
        "select s.rowid, s.summary, a.language from summaries s"
        " join articles a on a.id = s.article_id"
    )
    stale = [
        (rowid,)
        for rowid, summary, code in rows
        if not quotes_balanced(summary) or leans_back(summary, code)
    ]
    db.conn.executemany("delete from summaries where rowid = ?", stale)


@migrations(name="041_keywords_without_hashtags")
def _m041_keywords_without_hashtags(db: Database) -> None:
    # "/subscribe #climate" kept "#climate", which no article writes: the digest came out
    # empty. Keywords are read without a hashtag's "#" since; those saved before lose it now
    # (a "#" alone, or one that leaves a keyword twice, is dropped).
    rows = db.execute(
        "select id, include, exclude from subscriptions"
        " where include like '%#%' or exclude like '%#%'"
    ).fetchall()
    for sub_id, include, exclude in rows:
        values = {}
        for key, raw in (("include", include), ("exclude", exclude)):
            try:
                words = json.loads(raw or "[]")
            except ValueError:
                continue
            kept: list[str] = []
            for word in words:
                word = word.lstrip("#") if isinstance(word, str) else word
                if word and word not in kept:
                    kept.append(word)
            values[key] = json.dumps(kept, ensure_ascii=False)
        db.execute(
            "update subscriptions set include = coalesce(?, include),"
            " exclude = coalesce(?, exclude) where id = ?",
            [values.get("include"), values.get("exclude"), sub_id],
        )


@migrations(name="042_hyphenated_words_and_dotted_acronyms_solid")
def _m042_hyphenated_words_and_dotted_acronyms_solid(db: Database) -> None:
    # The index holds each title and text followed by its hyphenated words and dotted
    # acronyms written solid (digests/house_style.py: "e-mail" as "email", "U.S." as "US"),
    # so that a search for "email" finds "e-mail". Entries that have such words are written
    # anew; every other entry stays as it is.
    reindex_joined(db.conn)


@migrations(name="043_articles_language_index")
def _m043_articles_language_index(db: Database) -> None:
    # /search asks whether any article is in a language that writes compounds solid before
    # it looks for a word's start among them (digests/store/search.py); the question is read
    # on this index, not on every article.
    db.execute("create index if not exists idx_articles_language on articles (language)")


@migrations(name="044_titles_without_outlet_suffixes")
def _m044_titles_without_outlet_suffixes(db: Database) -> None:
    # Feed parsing cuts the outlet's name a site writes after a headline ("Storm hits coast -
    # BBC News") since migration 040's day; titles stored before keep it, in digests, search
    # and stories. They are cut now by the same rule, and what was made of them is made again
    # (digests/store/retitle.py): 2,000 articles read at a time. The index's entries are
    # taken out and written in the form they have here: 042's until 045 has run (it came
    # first on a database made while main had 045 and not yet 044).
    from digests.store.retitle import cut_stored_outlet_suffixes

    applied = {migration.name for migration in migrations.applied(db)}
    form = entry_form if "045_acronyms_in_capitals" in applied else form_before_045
    cut_stored_outlet_suffixes(db, form)


@migrations(name="045_acronyms_in_capitals")
def _m045_acronyms_in_capitals(db: Database) -> None:
    # The index holds beside each title and text a token for every acronym of two or three
    # capitals it writes (digests/house_style.py: "US" and "U.S." as "0us0"), so that a
    # search for "US" finds the acronym, not the pronoun "us". Entries that write such an
    # acronym are written anew, 2,000 articles at a time (as 042); the others stay as they are.
    reindex_capitals(db.conn)


@migrations(name="046_text_encoded_twice_read_back")
def _m046_text_encoded_twice_read_back(db: Database) -> None:
    # Ingest reads back what a publisher encoded twice ("MÃ¼ller" is "Müller") since 045's
    # day; titles, texts, authors, outlets and feed titles stored before keep it. They are
    # read back now by the same function, and what was made of a title or text is made again
    # (digests/store/unmangle.py), 2,000 articles at a time; only rows holding the characters
    # of a letter encoded twice are read twice. The index's form here is 045's (entry_form):
    # a later change of it must hand this migration that form, frozen.
    from digests.store.unmangle import unmangle_stored

    unmangle_stored(db, entry_form)


@migrations(name="047_redo_polish_summaries_split_after_units")
def _m047_redo_polish_summaries_split_after_units(db: Database) -> None:
    # Polish sentences ran on after a unit after a number ("3 proc. To ...", "w 1986 r.
    # Kuśtykając ...") and after an abbreviation or ellipsis before a closed-class word
    # (digests/data/number_units.txt, sentence_starters.txt). Summaries of Polish articles
    # are made again once.
    _redo_summaries(db, ("pl",))


@migrations(name="048_subscription_zone_given")
def _m048_subscription_zone_given(db: Database) -> None:
    # A new subscription takes the configured zone (UTC by default) when none is typed: its
    # reply says so once, with how to give one, until a zone is given (``timezone_given``)
    # or the note was shown (``zone_hinted``). A subscription made before kept a zone other
    # than UTC only because one was given; one in UTC may have been given it or not: it gets
    # the note once, at its next change of time.
    subscriptions = db.table("subscriptions")
    subscriptions.add_column("timezone_given", int, not_null_default=0)
    subscriptions.add_column("zone_hinted", int, not_null_default=0)
    db.execute("update subscriptions set timezone_given = 1 where timezone != 'UTC'")


@migrations(name="049_redo_polish_summaries_split_at_items_and_tags")
def _m049_redo_polish_summaries_split_at_items_and_tags(db: Database) -> None:
    # Polish sentences broke after a list item's number ("1. || Ustawić ...") and before a
    # speech tag after "?" or "!" ("Kim jesteś? || - spytała."), ran on after an ellipsis
    # before a capital ("pogrzeb... Klakson wył.") and broke after a date opening a clause
    # ("że w 2000 r. || Rosja"). Summaries of Polish articles are made again once.
    _redo_summaries(db, ("pl",))


@migrations(name="050_chat_photos_refused")
def _m050_chat_photos_refused(db: Database) -> None:
    # A group that refused a photo for want of the right gets its photo posts as text for a
    # day (bot/sender.py): when it refused and Telegram's words, kept with the chat so that a
    # restart does not spend a refused photo request on it again. NULL: no refusal noted.
    chats = db.table("chats")
    chats.add_column("photos_refused_at", str)
    chats.add_column("photos_refused", str)


@migrations(name="051_articles_by_source_and_words")
def _m051_articles_by_source_and_words(db: Database) -> None:
    # Full text asks, on every poll that read pages, which of this source's articles hold a
    # page's text (a paywall's notice given for two titles: digests/ingest.py). On the
    # source's articles alone the query read every text: 200-300 ms and 50 MB at 10,000
    # stored. Only articles of the page's word count are read on this index.
    db.execute(
        "create index if not exists articles_source_words on articles (source_id, word_count)"
    )


@migrations(name="052_redo_summaries_of_run_on_sentences")
def _m052_redo_summaries_of_run_on_sentences(db: Database) -> None:
    # A "sentence" of more than summarise.LONGEST_SENTENCE (150) words (a video's automatic
    # captions, a list without marks) was a summary whole, up to 30,000 characters; it is cut
    # since, but a summary stored before stayed a wall of text in /story and live posts. No
    # summary the selection makes now is longer (75 words and at most half a sentence of 150
    # past them, a cut run 75 and "..."): the longer ones are made again once.
    from digests.summarise import LONGEST_SENTENCE
    from digests.unspaced import word_count

    rows = db.execute("select rowid, summary from summaries")  # a row at a time
    stale = [(rowid,) for rowid, summary in rows if word_count(summary or "") > LONGEST_SENTENCE]
    db.conn.executemany("delete from summaries where rowid = ?", stale)


@migrations(name="053_live_stories_too_old")
def _m053_live_stories_too_old(db: Database) -> None:
    # A story whose newest article is older than the live window is not posted live
    # (digests/live.py); each is noted once per subscription, so that /stats and the log say
    # how many were left out and why, instead of nothing. Rows go after two days.
    db.execute(
        "create table live_too_old (subscription_id integer not null,"
        " story_id integer not null, noted text not null,"
        " primary key (subscription_id, story_id)) without rowid"
    )
    db.execute("create index live_too_old_noted on live_too_old (noted)")


@migrations(name="054_source_boilerplate")
def _m054_source_boilerplate(db: Database) -> None:
    # The paragraphs a feed's generator writes on its items ("Click here to read the full
    # story"), found when half a poll's items or more give one under three titles, were
    # known to that poll only: a later poll of fewer items kept the line, and as a "fuller"
    # copy it replaced the text the first poll had emptied. Each source remembers their keys
    # (digests/feeds.py, paragraph_key), and when a poll last gave each.
    db.execute(
        "create table source_boilerplate (source_id integer not null, key text not null,"
        " seen text not null, primary key (source_id, key)) without rowid"
    )


@migrations(name="055_live_posts_skipped")
def _m055_live_posts_skipped(db: Database) -> None:
    # /stats counts the live stories skipped in the last 24 hours (store.delivery_stats):
    # without an index it read every live post (100k rows: a scan, 9.6 ms); the skipped ones
    # are few, so a partial index holds only them.
    db.execute("create index live_posts_skipped on live_posts (posted_at) where skipped = 1")


@migrations(name="056_source_archive_until")
def _m056_source_archive_until(db: Database) -> None:
    # A new source's first poll dates its undated items as its archive; a first poll of a
    # cut-off feed (12 of 50 items) left the other 38 to the next poll, which dated them as
    # news. Until when a source's undated items are still its archive (store.reads_archive):
    # a poll that reads it whole ends it; null, as for every source polled before this.
    db.table("sources").add_column("archive_until", str)


@migrations(name="057_removed_articles")
def _m057_removed_articles(db: Database) -> None:
    # An article the bot dated (its feed gave no date) that retention removed came back as
    # news at the next poll while its feed still listed it: with RETENTION_DAYS=1, a new
    # source's archive (dated two days back) the day it was added. Each such article's URL
    # is kept, with when a poll last listed it (store.articles.REMOVED_KEPT).
    db.execute(
        "create table removed_articles (url text primary key, seen text not null) without rowid"
    )
    db.execute("create index removed_articles_seen on removed_articles (seen)")


@migrations(name="058_removed_articles_hash")
def _m058_removed_articles_hash(db: Database) -> None:
    # A page source's one address is listed at every poll: once retention removed its article
    # it was never forgotten, and the source stored nothing again, whatever the page said.
    # The removed text's content hash tells the same page (left out) from a changed one
    # (news again); null for the rows kept before this (such a page is news once more).
    db.execute("alter table removed_articles add column content_hash text")


def use_incremental_vacuum(conn: sqlite3.Connection, name: str) -> None:
    """Let freed pages go back to the file system in steps (``PRAGMA incremental_vacuum``).

    SQLite takes the setting only before the first table is made (a new file: nothing to
    do) or with a VACUUM, which rewrites the whole file once: a database made before
    retention existed is converted so at its first opening, which takes about as long as
    copying it and needs as much free disk space again.
    """
    if conn.execute("PRAGMA auto_vacuum").fetchone()[0] == INCREMENTAL_VACUUM:
        return
    conn.execute(f"PRAGMA auto_vacuum = {INCREMENTAL_VACUUM}")
    if conn.execute("PRAGMA auto_vacuum").fetchone()[0] != INCREMENTAL_VACUUM:
        log.warning("%s: rewriting the database once so that space can come back (VACUUM)", name)
        conn.execute("VACUUM")


# SQLite's page cache per connection, in KiB (its default is 2,000). /latest reads the
# articles of the 500 newest stories, a working set of about 5 MB at 3,000 articles a day:
# cached, the query takes half the time (bench/retention.py). The bot holds one connection.
CACHE_KIB = 16_384


def _connect(path: Path) -> sqlite3.Connection:
    """Connect to the database file, making its folder; DatabaseFileError says what is wrong."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseFileError(
            "{path}: cannot make its folder {folder} ({reason})",
            path=str(path),
            folder=str(path.parent),
            reason=error.strerror or str(error),
        ) from None
    try:
        conn = sqlite3.connect(str(path), timeout=10)
        conn.execute("PRAGMA schema_version").fetchone()  # reads the file's header
    except sqlite3.DatabaseError as error:
        problem = (
            "a folder, not a database file"
            if path.is_dir()
            else "not an SQLite database"
            if path.is_file()
            else "cannot open a database there"
        )
        raise DatabaseFileError(
            "{path}: {problem} ({reason})", path=str(path), problem=problem, reason=str(error)
        ) from None
    return conn


def known_migrations() -> list[str]:
    """Return the name of every migration this version knows, in order."""
    return [m.name for m in migrations.pending(Database(memory=True))]


def unknown_migrations(conn: sqlite3.Connection) -> list[str]:
    """Return the migrations a database has that this version does not know (a newer one's)."""
    try:
        rows = conn.execute(
            "select name from _sqlite_migrations where migration_set = ? order by rowid",
            [migrations.name],
        ).fetchall()
    except sqlite3.OperationalError:  # a new, empty file: no migrations yet
        return []
    known = set(known_migrations())
    return [row[0] for row in rows if row[0] not in known]


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the database at path and apply pending migrations."""
    conn = sqlite3.connect(":memory:") if str(path) == ":memory:" else _connect(Path(path))
    if unknown := unknown_migrations(conn):
        conn.close()  # before any pragma or migration writes to a newer version's file
        raise DatabaseFileError(
            "{path}: made by a newer newsbot (unknown migration {name}): upgrade newsbot first",
            path=str(path),
            name=unknown[0],
        )
    db = Database(conn)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.execute("PRAGMA foreign_keys = ON")
    use_incremental_vacuum(conn, str(path))
    if str(path) != ":memory:":
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    migrations.apply(db)
    return db
