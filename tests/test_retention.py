"""Retention on a real SQLite file: what goes, what stays, what the ledger still shows."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import newsbot
from digests import ingest, read, retention, store
from digests.fetch import make_client
from digests.models import Allegation, ArticleIn, PruneCounts, Response
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.support import assert_search_index_matches_articles
from tests.test_ingest import article_page, teaser_feed

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=120)
LATE = NOW - timedelta(days=100)  # old, in a story a younger article keeps
YOUNG = NOW - timedelta(days=10)
POLICY = retention.Policy()  # 90 days, the ledger for ever, the outbox 14 days
# Words that only the old articles' texts hold (search must stop finding them).
OLD_WORD = "zanzibarite"
LATE_WORD = "quokkarian"
LONG = "Filler sentence of the kind news articles carry in their middle paragraphs. " * 60


@dataclass
class Filled:
    """The ids of what ``fill`` stored."""

    old_story: int
    mixed_story: int
    young_story: int
    seed_story: int
    old_articles: list[int]
    late_article: int
    young_article: int
    fresh_article: int  # the young story's
    loose_article: int
    seed_article: int
    subscription: int
    old_sent: int  # outbox rows
    young_sent: int
    old_pending: int
    live_outbox: int


def save(db: Database, source_id: int | None, n: int, when: datetime, text: str) -> int:
    item = ArticleIn(
        url=f"https://news.example/{n}",
        title=f"Headline number {n}",
        text=text,
        published=when,
        language="en",
    )
    [article_id] = store.save_articles(db, source_id, [item], now=when).new_ids
    return article_id


def story_of(db: Database, article_ids: list[int], when: datetime) -> int:
    story_id = store.new_story(db, f"Story of {article_ids[0]}", when)
    for article_id in article_ids:
        store.attach_to_story(db, article_id, story_id, when)
    return story_id


def allege(db: Database, article_id: int, target: str, claim: str) -> None:
    item = Allegation(
        sentence=f"Regulators accused {target} of {claim}.",
        accuser="Regulators",
        target=target,
        claim=claim,
        kind="accusation",
        responses=(Response(f"{target} denied it.", target, "denial"),),
        salience=0.5,
    )
    store.save_allegations(db, article_id, [item], 1, now=NOW)


def fill(db: Database) -> Filled:
    a = store.add_source(db, "https://a.example/feed", title="Outlet A", now=OLD)
    b = store.add_source(db, "https://b.example/feed", title="Outlet B", now=OLD)
    seeds = store.add_source(db, "seeds/", kind="file", title="Seed", now=OLD)
    old_articles = [
        save(db, a.id, 1, OLD, f"The {OLD_WORD} affair began. {LONG}"),
        save(db, b.id, 2, OLD + timedelta(hours=2), f"More on the {OLD_WORD} affair. {LONG}"),
    ]
    late = save(db, a.id, 3, LATE, f"The {LATE_WORD} dispute opened. {LONG}")
    young = save(db, b.id, 4, YOUNG, f"The dispute goes on, months later. {LONG}")
    fresh = save(db, a.id, 5, YOUNG, f"Something else entirely happened. {LONG}")
    loose = save(db, b.id, 6, OLD, f"An article never clustered. {LONG}")
    seed = save(db, seeds.id, 7, OLD, f"The seed article, kept for ever. {LONG}")
    old_story = story_of(db, old_articles, OLD)
    mixed = story_of(db, [late, young], LATE)
    young_story = story_of(db, [fresh], YOUNG)
    seed_story = story_of(db, [seed], OLD)
    store.save_summaries(
        db, "hybrid", [(i, f"Summary of {i}.") for i in [*old_articles, late, young, fresh, loose]]
    )
    allege(db, old_articles[0], "Acme Corp", "fixing prices")
    allege(db, old_articles[1], "Acme Corp", "fixing prices")
    allege(db, late, "Globex", "dumping waste")
    allege(db, young, "Initech", "hiding losses")
    for article_id in (late, young):  # as the story matcher indexes articles
        store.index_story_terms(
            db,
            article_id,
            mixed,
            int(LATE.timestamp()),
            "dispute open",
            "dispute",
            1.0,
            None,
            ["dispute", "open"],
        )
    store.add_story_term_counts(db, {"": 2, "dispute": 2, "open": 2})
    db.conn.commit()  # the matcher's writes join its caller's transaction
    sub = store.save_subscription(db, 42, "private", now=OLD)
    store.enqueue_digest(db, sub, OLD, ["old digest"], cutoff=OLD, story_ids=[old_story], now=OLD)
    store.enqueue_digest(
        db, sub, YOUNG, ["young digest"], cutoff=YOUNG, story_ids=[young_story], now=YOUNG
    )
    store.enqueue_digest(
        db, sub, NOW - timedelta(days=20), ["stuck"], cutoff=NOW, now=NOW - timedelta(days=20)
    )
    content = store.LiveContent("live post", 2, "hash")
    live_id = store.enqueue_live_post(db, sub, old_story, content, due=OLD, now=OLD)
    assert live_id is not None
    rows = {r["digest_key"]: r["id"] for r in db.query("select id, digest_key from outbox")}
    old_sent = rows[f"{sub.id}@{store.iso(OLD)}"]
    young_sent = rows[f"{sub.id}@{store.iso(YOUNG)}"]
    pending = rows[f"{sub.id}@{store.iso(NOW - timedelta(days=20))}"]
    store.mark_sent(db, old_sent, 100, now=OLD)
    store.mark_sent(db, young_sent, 101, now=YOUNG)
    store.mark_sent(db, live_id, 102, now=OLD, live=True)
    return Filled(
        old_story,
        mixed,
        young_story,
        seed_story,
        old_articles,
        late,
        young,
        fresh,
        loose,
        seed,
        sub.id,
        old_sent,
        young_sent,
        pending,
        live_id,
    )


@pytest.fixture
def filled(db_path: Path) -> tuple[Database, Filled]:
    db = store.open_db(db_path)
    return db, fill(db)


def dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def ids(db: Database, sql: str) -> set[int]:
    return {row[0] for row in db.execute(sql)}


def test_a_dry_run_counts_what_prune_removes_and_changes_nothing(
    filled: tuple[Database, Filled], db_path: Path
) -> None:
    db, _ = filled
    before = dump(db)
    planned = retention.plan(db, POLICY, now=NOW)
    assert dump(db) == before
    assert planned == PruneCounts(
        articles=3,  # the old story's two, the loose one
        emptied=1,  # the old article of the story a younger one keeps
        stories=1,
        records=2,  # the old story sent in a digest, and posted live
        summaries=4,
        search=4,
        outbox=2,  # the old digest and the old live post; not the stuck one
        outbox_texts=1,  # the young digest, sent 10 days ago: its row stays
        text_bytes=planned.text_bytes,
        search_weeks=2,  # the search index's tables of the weeks before the cutoff
    )
    assert planned.text_bytes > 4 * len(LONG)
    db.execute("pragma wal_checkpoint(truncate)")
    size = db_path.stat().st_size
    week = store.searched_tables(db.conn)[-1]  # the newest week's table: it stays
    automerge = f"""select v from "{week}_config" where k = 'automerge'"""
    during: set[tuple[int, int]] = set()

    def look(kind: str, seconds: float) -> None:  # between steps: how the database is set
        during.add(
            (
                db.execute(automerge).fetchone()[0],
                db.execute("pragma wal_autocheckpoint").fetchone()[0],
            )
        )

    done = retention.prune_sync(db, POLICY, now=NOW, on_step=look)
    assert during == {(0, 0)}  # no merging nor checkpoint inside a step's writes
    assert done.bytes_freed > 0
    # The space went back to the file system, checkpointed apart; autocheckpoints are back.
    assert db_path.stat().st_size == size - done.bytes_freed
    assert db.execute("pragma wal_autocheckpoint").fetchone()[0] == 1000
    assert db.execute(automerge).fetchone()[0] == 4  # merging inside writes is back on
    assert done == replace(planned, bytes_freed=done.bytes_freed)
    assert retention.prune_sync(db, POLICY, now=NOW) == PruneCounts()  # nothing left to do


def test_old_stories_go_and_old_articles_of_living_stories_keep_only_their_link(
    filled: tuple[Database, Filled],
) -> None:
    db, f = filled
    retention.prune_sync(db, POLICY, now=NOW)
    assert ids(db, "select id from stories") == {f.mixed_story, f.young_story, f.seed_story}
    assert ids(db, "select id from articles") == {
        f.late_article,
        f.young_article,
        f.fresh_article,
        f.seed_article,
    }
    late = store.get_article(db, f.late_article)
    assert late is not None and late.text == "" and late.story_id == f.mixed_story
    assert late.url == "https://news.example/3" and late.title == "Headline number 3"
    summaries = dict(db.execute("select article_id, summary from summaries").fetchall())
    assert summaries[f.late_article] == "" and summaries[f.young_article]
    assert not ids(db, f"select article_id from story_terms where article_id = {f.late_article}")
    assert ids(db, "select article_id from story_terms") == {f.young_article}
    # The living story still lists the old article's outlet and link.
    item = read.story(db, f.mixed_story)
    assert item is not None
    assert [s.url for s in item.sources] == ["https://news.example/3", "https://news.example/4"]
    assert item.summary == f"Summary of {f.young_article}."
    seed = store.get_article(db, f.seed_article)
    assert seed is not None and seed.text.startswith("The seed article")


def test_search_forgets_old_texts_and_the_index_stays_whole(
    filled: tuple[Database, Filled],
) -> None:
    db, f = filled
    assert read.search(db, OLD_WORD, now=NOW).stories
    assert read.search(db, LATE_WORD, now=NOW).stories
    retention.prune_sync(db, POLICY, now=NOW)
    assert_search_index_matches_articles(db)
    assert not read.search(db, OLD_WORD, now=NOW).stories
    assert not read.search(db, LATE_WORD, now=NOW).stories
    # The title of the emptied article still finds its living story.
    [found] = read.search(db, "Headline number 3", now=NOW).stories
    assert found.story_id == f.mixed_story


def test_the_ledger_reads_the_same_before_and_after_its_articles_go(
    filled: tuple[Database, Filled],
) -> None:
    db, f = filled
    since = NOW - timedelta(days=365)

    def readings() -> tuple[object, ...]:
        return (
            read.ledger(db),
            read.ledger(db, "Acme"),
            read.ledger(db, since=since),
            read.ledger(db, story_ids=[f.old_story, f.mixed_story]),
            read.grouped_targets(db, since=since),
            read.top_targets(db, since=since),
        )

    before = readings()
    retention.prune_sync(db, POLICY, now=NOW)
    assert readings() == before
    [acme] = read.ledger(db, "Acme")
    assert acme.story_id == f.old_story and acme.published == OLD + timedelta(hours=2)
    assert [(s.name, s.url) for s in acme.sources] == [  # newest first
        ("Outlet B", "https://news.example/2"),
        ("Outlet A", "https://news.example/1"),
    ]
    assert acme.allegation.sentence == "Regulators accused Acme Corp of fixing prices."
    assert acme.allegation.responses[0].responder == "Acme Corp"
    assert store.get_article(db, f.old_articles[0]) is None


def test_a_new_extractor_version_leaves_an_emptied_articles_ledger_alone(
    filled: tuple[Database, Filled],
) -> None:
    db, f = filled
    retention.prune_sync(db, POLICY, now=NOW)
    pending = store.pending_allegations(db, 2)
    assert f.late_article in {a.id for a in pending}
    store.save_allegations(db, f.late_article, [], 2, now=NOW)  # the empty text has none
    assert [e.allegation.target for e in read.ledger(db, "Globex")] == ["Globex"]


def test_ledger_items_go_after_their_own_retention(filled: tuple[Database, Filled]) -> None:
    db, _ = filled
    policy = retention.Policy(ledger_days=60)
    assert retention.plan(db, policy, now=NOW).ledger == 3  # Acme twice, Globex
    assert retention.prune_sync(db, policy, now=NOW).ledger == 3
    assert [e.allegation.target for e in read.ledger(db)] == ["Initech"]


def test_keeping_for_ever_removes_no_article(filled: tuple[Database, Filled]) -> None:
    db, _ = filled
    policy = retention.policy_from_env({"RETENTION_DAYS": "0"})
    assert policy.articles_days is None
    done = retention.prune_sync(db, policy, now=NOW)
    assert (done.articles, done.emptied, done.stories, done.outbox) == (0, 0, 0, 2)


def test_old_outbox_rows_go_unless_their_digest_waits(filled: tuple[Database, Filled]) -> None:
    db, f = filled
    retention.prune_sync(db, POLICY, now=NOW)
    assert ids(db, "select id from outbox") == {f.young_sent, f.old_pending}
    # A sent digest's text goes after a day, its row after 14; a waiting one keeps its text.
    texts = {r["id"]: r["text"] for r in db.query("select id, text from outbox")}
    assert texts == {f.young_sent: "", f.old_pending: "stuck"}
    assert ids(db, "select story_id from digest_stories") == {f.young_story}
    assert not list(db.query("select * from live_posts"))  # its story went


def test_a_digest_sent_today_keeps_its_text_and_one_sent_yesterday_loses_it(
    db_path: Path,
) -> None:
    db = store.open_db(db_path)
    sub = store.save_subscription(db, 43, "private", now=OLD)
    sent = {}
    for hours in (30, 12):
        slot = NOW - timedelta(hours=hours)
        store.enqueue_digest(db, sub, slot, [f"sent {hours} h ago"], cutoff=slot, now=slot)
        [(row,)] = db.execute("select max(id) from outbox").fetchall()
        store.mark_sent(db, row, 200 + hours, now=slot)
        sent[hours] = row
    assert retention.plan(db, POLICY, now=NOW).outbox_texts == 1
    assert retention.prune_sync(db, POLICY, now=NOW).outbox_texts == 1
    texts = {r["id"]: r["text"] for r in db.query("select id, text from outbox")}
    assert texts == {sent[30]: "", sent[12]: "sent 12 h ago"}
    # The emptied row still keeps the digest from being queued again.
    slot = NOW - timedelta(hours=30)
    store.enqueue_digest(db, sub, slot, ["again"], cutoff=slot, now=NOW)
    assert store.count(db, "outbox") == 2


def test_a_live_post_whose_row_went_still_counts_as_sent(db_path: Path) -> None:
    db = store.open_db(db_path)
    aid = save(db, None, 1, YOUNG, "A young story. " * 20)
    story = story_of(db, [aid], YOUNG)
    sub = store.save_subscription(db, 7, "private", now=OLD, mode="live")
    post = store.enqueue_live_post(
        db, sub, story, store.LiveContent("post", 1, "h"), due=OLD, now=OLD
    )
    assert post is not None
    store.mark_sent(db, post, 55, now=OLD, live=True)
    retention.prune_sync(db, POLICY, now=NOW)
    assert not ids(db, "select id from outbox")
    [kept] = store.live_posts(db, sub.id).values()
    assert (kept.state, kept.message_id, kept.outbox_id) == ("sent", 55, None)


def test_no_reference_dangles_after_pruning(filled: tuple[Database, Filled]) -> None:
    db, _ = filled
    retention.prune_sync(db, POLICY, now=NOW)
    assert not db.execute("pragma foreign_key_check").fetchall()
    # Columns naming a row of another table, declared as foreign keys or not. Every table is
    # looked at, so a table added later with one of these columns is checked too.
    targets = {"article_id": "articles", "story_id": "stories", "outbox_id": "outbox"}
    # The ledger keeps the story id of an item whose story went: ids are never reused.
    kept_on_purpose = {("allegations", "story_id")}
    checked = set()
    for table in db.table_names():
        for column in db.table(table).columns:
            target = targets.get(column.name)
            if target is None or (table, column.name) in kept_on_purpose:
                continue
            dangling = db.execute(
                f"select count(*) from [{table}] where [{column.name}] is not null"
                f" and [{column.name}] not in (select id from {target})"
            ).fetchone()[0]
            assert dangling == 0, f"{table}.{column.name}"
            checked.add(f"{table}.{column.name}")
    assert {
        "articles.story_id",
        "summaries.article_id",
        "allegations.article_id",
        "allegation_runs.article_id",
        "story_terms.article_id",
        "story_terms.story_id",
        "story_postings.article_id",
        "digest_stories.story_id",
        "live_posts.story_id",
        "live_posts.outbox_id",
        "outbox.story_id",
    } <= checked
    assert_search_index_matches_articles(db)


def test_policy_from_env_reads_days_and_names_a_bad_key() -> None:
    assert retention.policy_from_env({}) == retention.Policy(90, None)
    assert retention.policy_from_env({"RETENTION_DAYS": "30", "LEDGER_RETENTION_DAYS": "365"}) == (
        retention.Policy(30, 365)
    )
    assert retention.policy_from_env({"LEDGER_RETENTION_DAYS": "0"}).ledger_days is None
    # The longest kept: a hundred years; a million days back is before the year 1.
    assert retention.policy_from_env({"RETENTION_DAYS": "36500"}).articles_days == 36_500
    for key, value in (
        ("RETENTION_DAYS", "soon"),
        ("LEDGER_RETENTION_DAYS", "-1"),
        ("RETENTION_DAYS", "1000000"),
        ("LEDGER_RETENTION_DAYS", "36501"),
    ):
        with pytest.raises(ValueError, match=key):
            retention.policy_from_env({key: value})


def test_an_old_database_is_converted_to_give_space_back(db_path: Path) -> None:
    old = sqlite3.connect(db_path)
    old.execute("pragma journal_mode = wal")
    old.execute("create table t (x)")
    old.commit()
    old.close()
    db = store.open_db(db_path)
    assert db.execute("pragma auto_vacuum").fetchone()[0] == 2
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"


def cli(db_path: Path, *args: str) -> str:
    result = CliRunner().invoke(newsbot, ["--db", str(db_path), *args], obj={})
    assert result.exit_code == 0, result.output
    return result.output


def test_newsbot_prune_shows_what_would_go_then_removes_it(db_path: Path) -> None:
    db = store.open_db(db_path)
    now = store.utcnow()
    source = store.add_source(db, "https://a.example/feed", title="Outlet A")
    old = save(db, source.id, 1, now - timedelta(days=200), f"Old news. {LONG}")
    story_of(db, [old], now - timedelta(days=200))
    young = save(db, source.id, 2, now - timedelta(days=40), f"Recent news. {LONG}")
    story_of(db, [young], now - timedelta(days=40))
    before = dump(db)
    db.close()
    out = cli(db_path, "prune", "--dry-run")
    assert "Would remove" in out and "articles (older than 90 days): 1 removed" in out
    assert "stories: 1 removed" in out
    db = store.open_db(db_path)
    assert dump(db) == before
    db.close()
    out = cli(db_path, "prune", "--days", "0")
    assert "articles (kept for ever): 0 removed" in out
    out = cli(db_path, "prune", "--days", "30")
    assert "Removed:" in out and "articles (older than 30 days): 2 removed" in out
    assert "space given back:" in out
    db = store.open_db(db_path)
    assert not ids(db, "select id from articles")


def test_newsbot_prune_refuses_a_bad_setting(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETENTION_DAYS", "forever")
    result = CliRunner().invoke(newsbot, ["--db", str(db_path), "prune"], obj={})
    assert result.exit_code == 2 and "RETENTION_DAYS" in result.output


def rss(items: list[tuple[str, datetime]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>https://news.example/{title}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{title} happened, and here is what it means. {LONG}</description></item>"
        for title, when in items
    )
    return f'<rss version="2.0"><channel><title>Feed</title>{entries}</channel></rss>'.encode()


async def test_ingest_does_not_bring_back_what_retention_removed(
    db_path: Path, feed_server: FeedServer
) -> None:
    db = store.open_db(db_path)
    url = feed_server.add("/feed.xml", rss([("ancient", OLD), ("recent", YOUNG)]))
    source = store.add_source(db, url, full_text=False, now=OLD)  # no page fetched
    horizon = retention.horizon(POLICY, NOW)
    assert horizon == NOW - timedelta(days=90)
    async with make_client(public_only=False, host_gap=0) as client:
        [result] = await ingest.ingest_due(db, client, now=NOW, not_before=horizon)
    assert (result.new, result.expired) == (1, 1)
    assert [r["url"] for r in db.query("select url from articles")] == [
        "https://news.example/recent"
    ]
    assert retention.horizon(retention.Policy(articles_days=None)) is None
    kept = store.save_articles(db, source.id, [ArticleIn("https://x.example/1", "T", "Text.")])
    assert len(kept.new_ids) == 1  # an item with no date is today's


def test_newsbot_ingest_says_what_was_too_old_to_keep(
    db_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")  # the feed server is on 127.0.0.1
    now = store.utcnow()
    url = feed_server.add("/feed.xml", rss([("ancient", now - timedelta(days=200)), ("new", now)]))
    cli(db_path, "sources", "add", url, "--no-full-text")
    out = cli(db_path, "ingest")
    assert "ok, 1 new, 0 duplicate, 1 older than retention keeps" in out


def undated(titles: list[str]) -> bytes:
    """An RSS feed whose items have no date (a blog's list of posts)."""
    entries = "".join(
        f"<item><title>{title}</title><link>https://blog.example/{title}</link>"
        f"<description>{title} happened, and here is what it means. {LONG}</description></item>"
        for title in titles
    )
    return f'<rss version="2.0"><channel><title>Blog</title>{entries}</channel></rss>'.encode()


async def ingest_at(db: Database, policy: retention.Policy, when: datetime) -> ingest.PollResult:
    """Poll the one source due at ``when``, as the bot does under ``policy``."""
    async with make_client(public_only=False, host_gap=0) as client:
        [result] = await ingest.ingest_due(
            db, client, now=when, not_before=retention.horizon(policy, when)
        )
    return result


async def test_retention_of_a_day_does_not_bring_back_an_undated_archive_as_news(
    db_path: Path, feed_server: FeedServer
) -> None:
    """With RETENTION_DAYS=1, a new source's undated archive (dated two days back) went at
    the next prune, and the next poll stored the same items again, dated as news: posted
    live, put in the digests. So did an undated item once retention removed it, while its
    feed still listed it. What retention removed does not come back from its feed."""
    db = store.open_db(db_path)
    policy = retention.Policy(articles_days=1)
    archive = ["harbour", "bridge", "quay"]
    url = feed_server.add("/blog.xml", undated(archive))
    store.add_source(db, url, full_text=False, now=NOW)

    assert (await ingest_at(db, policy, NOW)).new == 3
    assert (await retention.prune(db, policy, now=NOW + timedelta(hours=1))).articles == 3
    again = await ingest_at(db, policy, NOW + timedelta(hours=2))
    assert (again.new, again.expired) == (0, 3)
    assert store.count(db, "articles") == 0

    # An undated item first seen as news goes after a day, and stays gone while listed.
    feed_server.add("/blog.xml", undated([*archive, "ferry"]))
    assert (await ingest_at(db, policy, NOW + timedelta(hours=3))).new == 1
    later = NOW + timedelta(days=1, hours=4)
    assert (await retention.prune(db, policy, now=later)).articles == 1
    assert (await ingest_at(db, policy, later + timedelta(hours=1))).new == 0
    # Each is forgotten once no poll listed it for REMOVED_KEPT: an item the feed lists
    # again after that is news again.
    kept = store.articles.REMOVED_KEPT
    feed_server.add("/blog.xml", undated(["ferry"]))
    assert (await ingest_at(db, policy, later + kept - timedelta(hours=1))).new == 0
    gone = later + kept + timedelta(hours=2)
    await retention.prune(db, policy, now=gone)  # harbour: last listed at later + 1 h
    assert (await ingest_at(db, policy, gone)).new == 0  # ferry: listed since
    feed_server.add("/blog.xml", undated(["ferry", "harbour"]))
    assert (await ingest_at(db, policy, gone + timedelta(hours=1))).new == 1
    db.close()


async def test_what_retention_removed_is_left_out_before_its_page_is_fetched(
    db_path: Path, feed_server: FeedServer
) -> None:
    """An undated item retention removed while its feed still lists it is left out of the
    poll (it would come back as news); but only after its page was fetched for the full text:
    every poll fetched the pages of every such item again (of the 25 a poll new items' pages
    share), each then dropped."""
    db = store.open_db(db_path)
    policy = retention.Policy(articles_days=1)
    slugs = ["harbour", "bridge", "quay"]
    for slug in slugs:
        feed_server.add(f"/articles/{slug}", article_page(slug.title()), content_type="text/html")
    feed_server.add("/teasers.xml", teaser_feed(feed_server, slugs))
    store.add_source(db, feed_server.url("/teasers.xml"), now=NOW)

    assert (await ingest_at(db, policy, NOW)).new == 3
    pages = [f"/articles/{slug}" for slug in slugs]
    assert [len(feed_server.hits(p)) for p in pages] == [1, 1, 1]
    assert (await retention.prune(db, policy, now=NOW + timedelta(hours=1))).articles == 3
    again = await ingest_at(db, policy, NOW + timedelta(hours=2))
    assert (again.new, again.expired) == (0, 3)
    assert [len(feed_server.hits(p)) for p in pages] == [1, 1, 1]  # not fetched again
    db.close()


async def test_an_item_retention_removed_listed_again_with_a_recent_date_is_news(
    db_path: Path, feed_server: FeedServer
) -> None:
    """Retention's removed addresses were left out whatever the feed said: an undated item
    its feed lists again with a date of its own (a recent one) was never stored again. Only
    an item still without a date, which the bot would date as news, is left out."""
    db = store.open_db(db_path)
    policy = retention.Policy(articles_days=1)
    url = feed_server.add("/blog.xml", undated(["harbour", "bridge"]))
    store.add_source(db, url, full_text=False, now=NOW)
    assert (await ingest_at(db, policy, NOW)).new == 2
    assert (await retention.prune(db, policy, now=NOW + timedelta(hours=1))).articles == 2

    later = NOW + timedelta(hours=2)
    dated = (
        "<item><title>harbour</title><link>https://blog.example/harbour</link>"
        f"<pubDate>{format_datetime(later - timedelta(minutes=30))}</pubDate>"
        f"<description>harbour reopened, and here is what it means. {LONG}</description></item>"
    )
    blog = undated(["bridge"]).decode().replace("<item>", dated + "<item>", 1)
    feed_server.add("/blog.xml", blog)
    again = await ingest_at(db, policy, later)
    assert (again.new, again.expired) == (1, 1)  # harbour, dated; bridge, undated still
    assert [r["url"] for r in db.query("select url from articles")] == [
        "https://blog.example/harbour"
    ]
    db.close()


def page(title: str, paragraph: str) -> str:
    """A web page with no date of its own (a page source: the bot dates what it reads)."""
    body = "".join(f"<p>{paragraph} Sentence {i} of the page's text.</p>" for i in range(12))
    return (
        f"<html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


async def test_a_page_source_whose_page_changed_after_retention_is_news_again(
    db_path: Path, feed_server: FeedServer
) -> None:
    """A page source (``--kind page``: one web page, read whole at each poll) whose article
    retention removed went silent for good: its address, listed at every poll, was never
    forgotten, and the page was left out whatever it said. The same page is still left out
    (it is no news), a changed page is news again, and goes in its turn."""
    db = store.open_db(db_path)
    policy = retention.Policy(articles_days=1)
    url = feed_server.add(
        "/notice", page("Ferry timetable", "The winter timetable runs."), content_type="text/html"
    )
    store.add_source(db, url, kind="page", now=NOW)
    assert (await ingest_at(db, policy, NOW)).new == 1
    day = timedelta(days=1, hours=1)
    assert (await retention.prune(db, policy, now=NOW + day)).articles == 1
    same = await ingest_at(db, policy, NOW + day + timedelta(hours=1))
    assert (same.new, same.expired) == (0, 1)  # unchanged: no news

    feed_server.add(
        "/notice", page("Ferry timetable", "The summer timetable runs."), content_type="text/html"
    )
    changed = NOW + day + timedelta(hours=2)
    assert (await ingest_at(db, policy, changed)).new == 1
    [row] = db.query("select text, published from articles")
    assert "summer" in row["text"] and row["published"] == store.iso(changed)
    # Removed in its turn, the page is left out again until it changes again.
    after = changed + day
    assert (await retention.prune(db, policy, now=after)).articles == 1
    assert (await ingest_at(db, policy, after + timedelta(hours=1))).new == 0
    db.close()
