"""Live mode: one post per story, an edit when it grows, quiet hours, the hourly cap, pictures.

The store and digests.live through real SQLite; the whole path through the real Application,
the outbox sender and the offline Telegram (a channel subscribed with "/subscribe live").
"""

from __future__ import annotations

import asyncio
import io
import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from hypothesis import given
from hypothesis import settings as examples
from sqlite_utils import Database
from telegram import Bot as TelegramBot
from telegram import Message
from telegram.error import BadRequest, RetryAfter

from bot import digest_jobs, jobs, replies
from bot.app import build_application, running
from bot.config import Settings
from bot.console import CONSOLE_USER, Console
from bot.i18n import english
from bot.offline import OfflineTelegram, SentMessage, too_many_requests
from bot.pacer import Pacer
from bot.render import render_caption, render_live_post
from bot.sender import EDIT_SPACING, NO_PHOTOS_FOR, DrainResult, Sender
from bot.state import App
from bot.telegram_html import MAX_CAPTION_LENGTH, check_length, parse, utf16_len
from digests import compose, delivery, live, store, stories
from digests.models import ArticleIn, LivePost, SourceLink, StoryItem, Subscription
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.support import (
    EPOCH,
    SLACK,
    T0,
    FakeClock,
    closest,
    instant_pacer,
    make_digest_due,
    most_within,
    simulate,
    unix_now,
    utc_now,
)
from tests.test_bot import ADMIN, USER, Bot, texts
from tests.test_bot import bot as bot  # the fixtures
from tests.test_bot import settings as settings
from tests.test_render import stories as any_story

CHANNEL = -1002001
EN = english()
RENDER = live.LiveRender(
    text=lambda sub, item: render_live_post(EN, item),
    caption=lambda sub, item: render_caption(EN, item),
)
# Words no keyword of a test matches: only titles tell stories apart.
_VOCABULARY = [f"w{n:04d}" for n in range(5000)]  # distinct stories share few words


def story_words(key: str, count: int = 70) -> list[str]:
    """Return the words of one story's text: the same for every outlet that reports it."""
    rng = random.Random(key)
    return [rng.choice(_VOCABULARY) for _ in range(count)]


def report(
    db: Database,
    outlet: str,
    key: str,
    *,
    now: datetime | None = None,
    changed: int = 0,
    language: str | None = None,
) -> None:
    """Save one outlet's article about story `key` (a rewrite: `changed` words differ)."""
    source = store.find_source(db, f"https://{outlet}.example/feed") or store.add_source(
        db, f"https://{outlet}.example/feed", title=outlet.capitalize()
    )
    words = story_words(key)
    for index in range(changed):
        words[index * 7] = f"{outlet}{index}"
    # Stories first seen after a subscription went live are new to it: in the same second is
    # not after, so a report made right after /subscribe is dated a second on.
    moment = now or store.utcnow() + timedelta(seconds=1)
    article = ArticleIn(
        f"https://{outlet}.example/{key}",
        f"{key.capitalize()} story, as {outlet} tells it",
        " ".join(words) + ".",
        published=moment - timedelta(minutes=5),
        language=language,
    )
    store.save_articles(db, source.id, [article], now=moment)


def process(db: Database, now: datetime) -> None:
    """Cluster and summarise what is new, as the processing pass does (summary = the text)."""
    stories.assign_stories(db, now=now)
    pending = store.pending_summaries(db, "hybrid", limit=100)
    store.save_summaries(db, "hybrid", [(a.id, a.text[:200]) for a in pending])


def live_sub(db: Database, chat_id: int = CHANNEL, **values: Any) -> Subscription:
    since = T0 - timedelta(hours=1)
    values.setdefault("live_since", store.iso(since))
    return store.save_subscription(db, chat_id, "channel", now=since, mode="live", **values)


def queued(db: Database) -> list[dict[str, Any]]:
    return list(db.query("select * from outbox where status = 'pending' order by id"))


def send(db: Database, outbox_id: int, message_id: int, now: datetime) -> None:
    store.mark_sending(db, outbox_id)
    store.mark_sent(db, outbox_id, message_id, now=now, live=True)


# --- when a post may go -----------------------------------------------------------------------


def at(hour: int, minute: int = 0, day: int = 28) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def test_quiet_hours_hold_a_post_until_they_end_in_the_subscribers_zone() -> None:
    sub = Subscription(
        1, 1, "channel", timezone="Europe/Berlin", quiet_start="23:00", quiet_end="07:00"
    )
    assert live.live_due(sub, at(21, 30), []) == at(21, 30)  # 22:30 in Berlin: not yet quiet
    assert live.live_due(sub, at(22, 0), []) == at(6, 0, day=29)  # 23:00 Berlin: until 07:00
    assert live.live_due(sub, at(5, 59, day=29), []) == at(6, 0, day=29)
    assert live.live_due(sub, at(6, 0, day=29), []) == at(6, 0, day=29)  # the end is not quiet


def test_quiet_hours_end_in_a_dst_gap_when_clocks_jump() -> None:
    # 2026-03-29 in Berlin: 02:00 CET jumps to 03:00 CEST; an end at 02:30 is 03:00 CEST.
    sub = Subscription(
        1, 1, "channel", timezone="Europe/Berlin", quiet_start="01:00", quiet_end="02:30"
    )
    night = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 01:30 CET
    assert live.live_due(sub, night, []) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_the_hourly_cap_moves_posts_to_the_next_hour_with_room() -> None:
    sub = Subscription(1, 1, "channel", hourly_cap=2)
    now = at(9, 40)
    assert live.live_due(sub, now, [at(9, 5)]) == now
    assert live.live_due(sub, now, [at(9, 5), at(9, 40)]) == at(10, 0)
    assert live.live_due(sub, now, [at(9, 5), at(9, 40), at(10, 0), at(10, 0)]) == at(11, 0)
    # Quiet hours and the cap together: the first free hour after the quiet ones.
    quiet = replace(sub, quiet_start="10:00", quiet_end="12:00")
    assert live.live_due(quiet, now, [at(9, 5), at(9, 40), at(12, 0), at(12, 0)]) == at(13, 0)


# --- posts and edits in the store ---------------------------------------------------------------


def test_each_new_story_is_written_once_and_a_grown_one_is_edited(db: Database) -> None:
    live_sub(db)
    report(db, "gazette", "bridge", now=T0 - timedelta(minutes=10))
    report(db, "gazette", "budget", now=T0 - timedelta(minutes=9))
    process(db, T0)
    first = live.enqueue_live(db, T0, RENDER)
    assert (first.posted, first.held, first.edits) == (2, 0, 0)
    rows = queued(db)
    assert [r["kind"] for r in rows] == ["message", "message"]
    assert "Bridge story" in rows[0]["text"] and "Budget story" in rows[1]["text"]  # oldest first
    assert live.enqueue_live(db, T0, RENDER) == live.LiveResult()  # nothing twice

    # Another outlet reports the bridge while its post still waits: the post is rewritten.
    report(db, "courier", "bridge", now=T0 + timedelta(minutes=1), changed=3)
    process(db, T0 + timedelta(minutes=1))
    grown = live.enqueue_live(db, T0 + timedelta(minutes=2), RENDER)
    assert (grown.posted, grown.rewritten, grown.edits) == (0, 1, 0)
    bridge = queued(db)[0]
    assert "also reported by 1 source" in bridge["text"] and "Sources: " in bridge["text"]

    # Sent; then a third outlet: one edit, due five minutes after the post at the earliest.
    send(db, bridge["id"], 41, T0 + timedelta(minutes=3))
    report(db, "herald", "bridge", now=T0 + timedelta(minutes=4), changed=4)
    process(db, T0 + timedelta(minutes=4))
    edited = live.enqueue_live(db, T0 + timedelta(minutes=5), RENDER)
    assert (edited.posted, edited.edits) == (0, 1)
    [edit] = [r for r in queued(db) if r["kind"] == "edit"]
    assert edit["edit_message_id"] == 41 and edit["story_id"] == bridge["story_id"]
    assert edit["next_attempt"] == store.iso(T0 + timedelta(minutes=8))
    assert "also reported by 2 sources" in edit["text"]

    # A fourth outlet before that edit went: the waiting edit is rewritten, not doubled.
    report(db, "tribune", "bridge", now=T0 + timedelta(minutes=6), changed=5)
    process(db, T0 + timedelta(minutes=6))
    again = live.enqueue_live(db, T0 + timedelta(minutes=7), RENDER)
    assert (again.edits, again.rewritten) == (0, 1)
    [edit] = [r for r in queued(db) if r["kind"] == "edit"]
    assert "also reported by 3 sources" in edit["text"]
    # Nothing changed since: nothing to do.
    assert live.enqueue_live(db, T0 + timedelta(minutes=8), RENDER) == live.LiveResult()
    assert store.count(db, "live_posts") == 2


def test_new_means_first_seen_since_going_live_matching_and_never_sent(db: Database) -> None:
    report(db, "gazette", "before", now=T0 - timedelta(hours=2))  # before the subscription
    report(db, "gazette", "glacier", now=T0 - timedelta(minutes=3))
    report(db, "gazette", "senate", now=T0 - timedelta(minutes=2))
    report(db, "gazette", "digested", now=T0 - timedelta(minutes=1))
    process(db, T0)
    sub = live_sub(db, include=["glacier", "senate", "before", "digested"], exclude=["senate"])
    [digested] = [s for s in store.story_articles(db, method="hybrid") if "Digested" in s.title]
    db.execute(
        "insert into digest_stories (subscription_id, story_id, sent_at) values (?, ?, ?)",
        [sub.id, digested.story_id, store.iso(T0)],
    )
    assert live.enqueue_live(db, T0, RENDER).posted == 1
    [post] = queued(db)
    assert "Glacier story" in post["text"]
    # What went live is recorded for digests too: switching back to digests repeats nothing.
    sent = {r["story_id"] for r in db.query("select story_id from digest_stories")}
    assert post["story_id"] in sent


def test_a_languages_filter_posts_only_stories_with_an_article_in_them(db: Database) -> None:
    everyone = live_sub(db)
    russian = live_sub(db, CHANNEL - 1, languages=("ru",))
    report(db, "gazette", "bridge", now=T0 - timedelta(minutes=10), language="en")
    report(db, "vedomosti", "bridge", now=T0 - timedelta(minutes=9), changed=3, language="ru")
    report(db, "gazette", "budget", now=T0 - timedelta(minutes=8), language="en")
    report(db, "monde", "glacier", now=T0 - timedelta(minutes=7), language="fr")
    process(db, T0)
    assert live.enqueue_live(db, T0, RENDER).posted == 4
    posts: dict[int, list[str]] = {}
    for r in queued(db):
        posts.setdefault(r["subscription_id"], []).append(r["text"])
    assert len(posts[everyone.id]) == 3
    [post] = posts[russian.id]
    # The bridge story, shown as the Russian outlet tells it.
    assert post.startswith(
        '<b><a href="https://vedomosti.example/bridge">Bridge story, as vedomosti'
    )
    # A Russian report of the budget story later: now it is news in Russian too, posted once.
    report(db, "izvestia", "budget", now=T0 + timedelta(minutes=1), changed=3, language="ru")
    process(db, T0 + timedelta(minutes=1))
    assert live.enqueue_live(db, T0 + timedelta(minutes=2), RENDER).posted == 1
    [late] = [r for r in queued(db) if r["subscription_id"] == russian.id][1:]
    assert "as izvestia tells it" in late["text"]


def test_quiet_hours_hold_posts_the_cap_spreads_them_and_late_ones_are_skipped(
    db: Database,
) -> None:
    # 07:00 UTC; quiet until 08:00; two posts an hour; posts held past 12 hours are skipped.
    sub = live_sub(db, quiet_start="06:00", quiet_end="08:00", hourly_cap=2)
    keys = [f"story{n}" for n in range(28)]
    for n, key in enumerate(keys):
        report(db, "gazette", key, now=T0 - timedelta(minutes=50 - n))
    process(db, T0)
    done = live.enqueue_live(db, T0, RENDER)
    assert (done.posted, done.held, done.skipped) == (24, 24, 4)  # 08:00 .. 19:00, two each
    due = [datetime.fromisoformat(r["next_attempt"]) for r in queued(db)]
    assert due[:3] == [T0 + timedelta(hours=1)] * 2 + [T0 + timedelta(hours=2)]
    assert max(due) == T0 + timedelta(hours=12)
    assert most_within([d.timestamp() for d in due], 3600) == 2
    order = [r["story_id"] for r in queued(db)]
    assert order == sorted(order)  # oldest first
    assert store.outbox_due(db, now=T0) == []  # quiet: nothing goes now
    backlog = store.outbox_backlog(db)  # held posts wait, but are not late (no backlog alarm)
    assert (backlog.waiting, backlog.oldest) == (24, T0 + timedelta(hours=1))
    assert len(store.outbox_due(db, now=T0 + timedelta(hours=1))) == 2
    # The skipped two are never posted, however the queue drains.
    assert live.enqueue_live(db, T0 + timedelta(hours=20), RENDER).posted == 0
    assert len(store.live_posts(db, sub.id)) == 28
    # The admin learns of them: /stats counts the stories skipped so in 24 hours (the log
    # line of the pass alone said so, and /stats counted only the stories too old to post).
    assert store.delivery_stats(db, now=T0)["live_skipped_24h"] == 4
    [page] = replies.statistics(english(), store.delivery_stats(db, now=T0), [], T0)
    assert "live stories held too long, skipped 24h: 4" in page
    assert store.delivery_stats(db, now=T0 + timedelta(hours=25))["live_skipped_24h"] == 0


# --- captions -------------------------------------------------------------------------------------


def test_a_new_headline_is_a_change_unless_the_post_kept_its_summary_alone() -> None:
    item = StoryItem(1, "Three dead in fire", "https://a.example/1", "A", T0, "Crews fought it.")
    retitled = replace(item, title="Forty dead in fire, mayor orders inquiry")
    post = LivePost(1, 1, "sent", sources_count=0, summary_hash=live.summary_hash(item))
    assert not live.changed(post, item)
    assert live.changed(post, retitled)
    assert live.changed(post, replace(item, summary="Crews fought it all night."))
    # Posted before headlines were kept: its summary's fingerprint alone, no edit for nothing.
    before = replace(post, summary_hash=live.summary_hash(item).partition(":")[0])
    assert not live.changed(before, retitled)
    assert live.changed(before, replace(item, summary="Crews fought it all night."))


def test_a_caption_keeps_the_story_within_1024_characters() -> None:
    when = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    sources = tuple(SourceLink(f"Outlet {i} " + "x" * 80, f"https://o{i}.org/a") for i in range(12))
    item = StoryItem(7, "Storm <b>" * 40, "https://n.org/1", "BBC", when, "Winds. " * 500, sources)
    caption = render_caption(EN, item)
    parsed = parse(caption)
    check_length(parsed.text, len(parsed.entities), caption=True)
    assert utf16_len(parsed.text) <= MAX_CAPTION_LENGTH
    assert parsed.text.startswith("Storm <b>Storm")
    assert "Winds. Winds." in parsed.text  # the summary, shortened, is kept


@examples(max_examples=80, deadline=None)
@given(any_story)
def test_every_caption_is_valid_html_within_1024(item: StoryItem) -> None:
    caption = render_caption(EN, item)
    parsed = parse(caption)
    check_length(parsed.text, len(parsed.entities), caption=True)
    assert parsed.text.strip()
    assert utf16_len(parse(render_live_post(EN, item)).text) <= 4096


# --- through the Application and the offline Telegram -------------------------------------------


@pytest.fixture
def pictures(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Give stories lead pictures by their lead article's URL (as ingestion will)."""
    by_url: dict[str, str] = {}
    real = compose.candidates

    def candidates(articles: Any, languages: Any = ()) -> list[compose.Candidate]:
        pictured = [replace(a, image_url=by_url.get(a.url, a.image_url)) for a in articles]
        return real(pictured, languages)

    monkeypatch.setattr(compose, "candidates", candidates)
    yield by_url


async def subscribe_channel_live(bot: Bot, command: str = "/subscribe live") -> Subscription:
    bot.offline.add_chat(
        CHANNEL, "channel", title="News channel", username="newschannel", bot_status="administrator"
    )
    bot.offline.channel_post(command, chat_id=CHANNEL)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.mode == "live"
    return sub


async def deliver(bot: Bot, after: timedelta = timedelta(0)) -> None:
    """Drain the outbox as if `after` had passed; the pacer's waits take no real time."""
    sender = bot.app.bot_data.sender
    assert sender is not None
    clock = FakeClock()
    sender.pacer = Pacer(clock=clock.now, sleep=clock.sleep)
    await sender.drain(now=store.utcnow() + after)


def posts(offline: OfflineTelegram, chat_id: int = CHANNEL) -> list[SentMessage]:
    """Return what the bot posted to a chat, without its replies to commands."""
    return [m for m in offline.sent(chat_id) if "Subscribed" not in m.plain_text]


async def test_a_live_channel_gets_one_post_per_story_and_an_edit_when_it_grows(
    settings: Settings,
) -> None:
    offline = OfflineTelegram()
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with running(app):
        bot = Bot(app, offline)
        await subscribe_channel_live(bot)
        [reply] = bot.offline.sent(CHANNEL)
        assert "Live:" in reply.plain_text
        report(bot.db, "gazette", "bridge")
        report(bot.db, "gazette", "budget")
        await jobs.process_now(app.bot_data)
        await deliver(bot)
        bridge, budget = posts(offline)
        assert bridge.plain_text.startswith("Bridge story, as gazette tells it\nGazette · ")
        assert "Budget story" in budget.plain_text and "Sources:" not in bridge.plain_text

        report(bot.db, "courier", "bridge", changed=3)  # a rewrite by another outlet
        await jobs.process_now(app.bot_data)
        await deliver(bot)
        assert posts(offline) == [bridge, budget] and bridge.history == []  # not yet: 5 minutes
        await deliver(bot, after=live.EDIT_INTERVAL + timedelta(seconds=1))
        assert len(posts(offline)) == 2 and len(bridge.history) == 1
        assert "also reported by 1 source" in bridge.plain_text
        assert "Sources: Gazette, Courier" in bridge.plain_text
        assert len(offline.calls_to("editMessageText")) == 1
        calls = len(offline.calls)

    # A restart: the start-up pass and another processing pass owe nothing.
    again = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with running(again):
        bot = Bot(again, offline)
        assert digest_jobs.enqueue_live(again.bot_data) == live.LiveResult()
        await jobs.process_now(again.bot_data)
        await deliver(bot, after=timedelta(hours=1))
        new_calls = [c.method for c in offline.calls[calls:]]
        assert "sendMessage" not in new_calls and "editMessageText" not in new_calls
        assert len(posts(offline)) == 2


async def test_a_source_added_with_its_archive_posts_only_its_fresh_news_live(
    settings: Settings,
) -> None:
    """An admin added a feed holding its last weeks of items: every one was fetched after the
    channel went live, so each was "new", and the channel got posts of news days and weeks
    old (ten an hour, the rest held up to twelve hours), while digests leave such stories
    out. A late-dated item (published a few hours before it was fetched) is still news."""
    offline = OfflineTelegram()
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with running(app):
        bot = Bot(app, offline)
        await subscribe_channel_live(bot)
        now = store.utcnow() + timedelta(seconds=1)
        source = store.add_source(bot.db, "https://archive.example/feed", title="Archive")
        ages = {
            "harbour": timedelta(hours=3),
            "budget": timedelta(days=3),
            "museum": timedelta(days=20),
        }
        archive = [
            ArticleIn(
                f"https://archive.example/{key}",
                f"{key.capitalize()} story, as archive tells it",
                " ".join(story_words(key)) + ".",
                published=now - age,
            )
            for key, age in ages.items()
        ]
        assert len(store.save_articles(bot.db, source.id, archive, now=now).new_ids) == 3
        await jobs.process_now(app.bot_data)
        await deliver(bot)

        assert [p.plain_text.split("\n")[0] for p in posts(offline)] == [
            "Harbour story, as archive tells it"
        ]
        # The two stories left out are counted, once each whatever the passes that look at
        # them again: the channel's owner and the admin learn why they were not posted.
        assert digest_jobs.enqueue_live(app.bot_data).too_old == 0
        stats = texts(await bot.say("/stats", user_id=ADMIN))
        assert "live stories too old to post 24h: 2" in stats, stats
        assert store.delivery_stats(bot.db)["live_too_old_24h"] == 2


def test_a_live_pass_counts_the_stories_it_leaves_out_as_too_old(db: Database) -> None:
    """The cut-off was silent: ``LiveResult`` counted posts, holds and skips, not the stories
    left out for their age, so the log line said nothing of them. Each is counted once per
    subscription, not again by every pass that looks at it."""
    live_sub(db)
    report(db, "gazette", "bridge", now=T0 - timedelta(minutes=10))
    source = store.add_source(db, "https://archive.example/feed", title="Archive")
    stale = ArticleIn(
        "https://archive.example/budget",
        "Budget story, as archive tells it",
        " ".join(story_words("budget")) + ".",
        published=T0 - timedelta(days=3),
    )
    store.save_articles(db, source.id, [stale], now=T0 - timedelta(minutes=9))
    process(db, T0)

    done = live.enqueue_live(db, T0, RENDER)

    assert (done.posted, done.too_old) == (1, 1)
    assert "too_old=1" in str(done)
    assert live.enqueue_live(db, T0 + timedelta(minutes=5), RENDER).too_old == 0
    counts = store.delivery_stats(db, now=T0 + timedelta(minutes=5))
    assert counts["live_too_old_24h"] == 1
    assert store.delivery_stats(db, now=T0 + timedelta(hours=25))["live_too_old_24h"] == 0


def undated_feed(keys: list[str]) -> str:
    """Return an RSS feed of one item per key, none dated (as some generators write them)."""
    items = "".join(
        f"<item><title>{key.capitalize()} story</title>"
        f"<link>https://undated.example/{key}</link>"
        f"<description>{' '.join(story_words(key, 90))}.</description></item>"
        for key in keys
    )
    return f"<rss version='2.0'><channel><title>Undated</title>{items}</channel></rss>"


async def test_a_new_source_s_undated_archive_is_no_live_news_its_next_item_is(
    bot: Bot, feed_server: FeedServer
) -> None:
    """A feed whose items carry no date: each was dated when first seen, so a source added
    with an archive of 50 undated items had all 50 "published" now, and a live channel got
    them all as news (ten an hour). Undated items of a source's first poll are its backlog;
    one that comes on a later poll is news, posted once."""
    sub = await subscribe_channel_live(bot)
    went_live = store.iso(store.utcnow() - timedelta(hours=1))
    bot.db.execute("update subscriptions set live_since = ? where id = ?", [went_live, sub.id])
    archive = [f"archive{n}" for n in range(50)]
    url = feed_server.add("/undated.xml", undated_feed(archive))

    added = texts(await bot.say(f"/addsource {url}", user_id=ADMIN))
    await deliver(bot)

    assert "Saved 50 new articles" in added, added
    assert posts(bot.offline) == []
    # The admin's /stats says why: 50 stories too old to post (and the seed article's).
    noted = "select count(*) from live_too_old t join articles a on a.story_id = t.story_id"
    assert bot.db.execute(noted + " where a.url like 'https://undated.example/%'").fetchone() == (
        50,
    )
    stored = "select count(*) from articles where url like 'https://undated.example/%'"
    assert bot.db.execute(stored + " and text != ''").fetchone() == (50,)  # kept, searchable

    feed_server.add("/undated.xml", undated_feed(["harbour", *archive]))
    await bot.say("/ingest", user_id=ADMIN)
    await deliver(bot)
    await bot.say("/ingest", user_id=ADMIN)
    await deliver(bot)

    assert [p.plain_text.split("\n")[0] for p in posts(bot.offline)] == ["Harbour story"]


async def test_a_live_post_is_edited_once_to_the_headline_of_an_updated_article(
    settings: Settings,
) -> None:
    offline = OfflineTelegram()
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with running(app):
        bot = Bot(app, offline)
        await subscribe_channel_live(bot)
        report(bot.db, "gazette", "fire")
        await jobs.process_now(app.bot_data)
        await deliver(bot)
        [post] = posts(offline)
        assert post.plain_text.startswith("Fire story, as gazette tells it\n")
        [stored] = bot.db.query(
            "select * from articles where url = ?", ["https://gazette.example/fire"]
        )

        # The outlet updates the item in place: same link, new headline and text, newer.
        moment = store.utcnow() + timedelta(seconds=2)
        update = ArticleIn(
            stored["url"],
            "Forty dead in the fire, mayor orders inquiry",
            " ".join(story_words("fire")[:40]) + " The mayor ordered an inquiry.",
            published=store.parse_iso(stored["published"]),
            updated=moment,
        )
        saved = store.save_articles(bot.db, stored["source_id"], [update], now=moment)
        assert saved.replaced_ids == (stored["id"],)
        await jobs.process_now(app.bot_data)
        await deliver(bot, after=live.EDIT_INTERVAL + timedelta(seconds=1))
        await jobs.process_now(app.bot_data)  # nothing more to tell
        await deliver(bot, after=2 * live.EDIT_INTERVAL + timedelta(seconds=2))

        assert posts(offline) == [post] and len(post.history) == 1
        assert post.plain_text.startswith("Forty dead in the fire, mayor orders inquiry\n")
        assert "The mayor ordered an inquiry." in post.plain_text
        assert len(offline.calls_to("editMessageText")) == 1
        assert len(offline.calls_to("sendMessage")) == 2  # the reply to /subscribe, the post


async def test_an_update_of_an_article_older_than_the_live_window_still_edits_its_post(
    settings: Settings,
) -> None:
    """Live looks at stories with an article fetched in the last LIVE_WINDOW: an outlet that
    updates an older item in place still gets its post edited, once; an older story that
    gains nothing stays quiet."""
    offline = OfflineTelegram()
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with running(app):
        bot = Bot(app, offline)
        await subscribe_channel_live(bot)
        report(bot.db, "gazette", "fire")
        report(bot.db, "gazette", "bridge")
        await jobs.process_now(app.bot_data)
        await deliver(bot)
        fire, bridge = posts(offline)
        assert fire.plain_text.startswith("Fire story")
        # A day and more goes by: both articles are older than the live window.
        age = live.LIVE_WINDOW + timedelta(hours=2)
        for column in ("published", "fetched"):
            for row in list(bot.db.query(f"select id, {column} from articles")):
                moved = store.iso(store.parse_iso(row[column]) - age)
                bot.db.execute(f"update articles set {column} = ? where id = ?", [moved, row["id"]])
        [stored] = bot.db.query(
            "select * from articles where url = ?", ["https://gazette.example/fire"]
        )

        moment = store.utcnow() + timedelta(seconds=2)
        update = ArticleIn(
            stored["url"],
            "Forty dead in the fire, mayor orders inquiry",
            " ".join(story_words("fire")[:40]) + " The mayor ordered an inquiry.",
            published=store.parse_iso(stored["published"]),
            updated=moment,
        )
        saved = store.save_articles(bot.db, stored["source_id"], [update], now=moment)
        assert saved.replaced_ids == (stored["id"],)
        await jobs.process_now(app.bot_data)
        await deliver(bot, after=live.EDIT_INTERVAL + timedelta(seconds=1))
        await jobs.process_now(app.bot_data)  # nothing more to tell
        await deliver(bot, after=2 * live.EDIT_INTERVAL + timedelta(seconds=2))

        assert posts(offline) == [fire, bridge]
        assert len(fire.history) == 1 and not bridge.history
        assert fire.plain_text.startswith("Forty dead in the fire, mayor orders inquiry\n")
        assert len(offline.calls_to("editMessageText")) == 1


async def test_a_refused_photo_is_posted_again_as_text(bot: Bot, pictures: dict[str, str]) -> None:
    sub = await subscribe_channel_live(bot)
    store.update_subscription(bot.db, sub.id, pictures="photo")
    pictures["https://gazette.example/bridge"] = "https://img.example/bridge.jpg"
    pictures["https://gazette.example/budget"] = "https://img.example/budget.jpg"
    bot.offline.refuse_picture("https://img.example/budget.jpg", "failed to get HTTP URL content")
    report(bot.db, "gazette", "bridge")
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)

    photo, text = posts(bot.offline)
    assert photo.photo == "https://img.example/bridge.jpg" and photo.caption is not None
    assert photo.plain_text.startswith("Bridge story") and photo.text is None
    assert utf16_len(photo.plain_text) <= MAX_CAPTION_LENGTH
    assert text.photo is None and text.text is not None and "Budget story" in text.plain_text
    refused = [c for c in bot.offline.calls_to("sendPhoto") if c.status == 400]
    assert len(refused) == 1 and "budget" in refused[0].params["photo"]
    kinds = {r["story_id"]: r["kind"] for r in bot.db.query("select * from live_posts")}
    assert sorted(kinds.values()) == ["message", "photo"]
    assert bot.app.bot_data.delivery_counts.as_text == 1
    assert bot.app.bot_data.delivery_counts.failed == 0

    # Both grow: the photo's caption is edited, the text post's text.
    report(bot.db, "courier", "bridge", changed=3)
    report(bot.db, "courier", "budget", changed=3)
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot, after=live.EDIT_INTERVAL + timedelta(seconds=1))
    assert len(bot.offline.calls_to("editMessageCaption")) == 1
    assert len(bot.offline.calls_to("editMessageText")) == 1
    assert "Sources: Gazette, Courier" in photo.plain_text
    assert "Sources: Gazette, Courier" in text.plain_text


async def no_photos_group(bot: Bot) -> int:
    """A group whose members may send text but not photos, subscribed to live posts with
    pictures as photos; return its id."""
    group = -1004005
    bot.offline.add_chat(group, "supergroup", title="Club")
    bot.offline.set_member(group, ADMIN, "creator")
    bot.offline.set_permissions(group, can_send_photos=False)
    bot.offline.group_message("/subscribe live", chat_id=group, user_id=ADMIN)
    await bot.feed()
    sub = store.find_subscription(bot.db, group)
    assert sub is not None
    store.update_subscription(bot.db, sub.id, pictures="photo")
    return group


async def test_a_group_that_allows_no_photos_gets_its_posts_as_text(
    bot: Bot, pictures: dict[str, str]
) -> None:
    """Many groups let members send text but not photos. Telegram's "not enough rights to
    send photos" stopped the whole subscription, as if the bot could post nothing there, and
    failed the text post queued behind the photo. The photo is now sent as text."""
    group = await no_photos_group(bot)
    pictures["https://gazette.example/bridge"] = "https://img.example/bridge.jpg"
    report(bot.db, "gazette", "bridge")
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    shown = posts(bot.offline, group)
    assert [p.plain_text.split(",")[0] for p in shown] == ["Bridge story", "Budget story"]
    assert all(p.photo is None for p in shown)
    sub = store.find_subscription(bot.db, group)
    assert sub is not None and sub.active
    assert bot.app.bot_data.delivery_counts.failed == 0


async def test_a_group_that_refused_a_photo_gets_the_next_posts_as_text_at_once(
    bot: Bot, pictures: dict[str, str]
) -> None:
    """The refusal was not remembered: every live post to a group that allows no photos cost
    a photo request Telegram refused before its text went. The next posts go as text at once;
    /settings pictures set again there (the right given back, say) or a day later, a photo is
    tried again. A picture Telegram could not fetch is that picture's fault: the next photo
    is tried."""
    group = await no_photos_group(bot)

    def photo_calls() -> int:
        return sum(1 for c in bot.offline.calls_to("sendPhoto") if c.params["chat_id"] == group)

    async def story(key: str) -> None:
        pictures[f"https://gazette.example/{key}"] = f"https://img.example/{key}.jpg"
        report(bot.db, "gazette", key)
        await jobs.process_now(bot.app.bot_data)
        await deliver(bot)

    await story("bridge")
    assert photo_calls() == 1
    await story("budget")
    await story("harbour")
    assert photo_calls() == 1  # no request wasted: the group refuses photos
    shown = posts(bot.offline, group)
    assert [p.plain_text.split(",")[0] for p in shown] == [
        "Bridge story",
        "Budget story",
        "Harbour story",
    ]
    assert all(p.photo is None for p in shown)
    assert bot.app.bot_data.delivery_counts.as_text == 3

    # The admins give the right back and set pictures again: a photo is tried at once.
    bot.offline.set_permissions(group, can_send_photos=True)
    bot.offline.group_message("/settings pictures photo", chat_id=group, user_id=ADMIN)
    await bot.feed()
    await story("tunnel")
    assert photo_calls() == 2 and posts(bot.offline, group)[-1].photo is not None

    # Refused again, then forgotten a day later.
    bot.offline.set_permissions(group, can_send_photos=False)
    await story("canal")
    await story("market")
    assert photo_calls() == 3
    sender = bot.app.bot_data.sender
    assert sender is not None
    later = store.utcnow() + NO_PHOTOS_FOR
    sender.clock = lambda: later
    await story("museum")
    assert photo_calls() == 4


async def test_a_photo_refusal_noted_before_the_clock_was_set_back_does_not_hold(
    bot: Bot, pictures: dict[str, str]
) -> None:
    """The machine's clock ran a month ahead when a group refused a photo, then was set right:
    the note, a month in the future, held the group's posts as text for a month and a day,
    not a day. A note from the future is forgotten: a photo is tried again."""
    group = await no_photos_group(bot)
    bot.offline.set_permissions(group, can_send_photos=True)  # the right given back since
    ahead = store.utcnow() + timedelta(days=30)
    store.note_photos_refused(bot.db, group, "Bad Request: not enough rights", now=ahead)
    pictures["https://gazette.example/bridge"] = "https://img.example/bridge.jpg"
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert posts(bot.offline, group)[-1].photo is not None
    assert store.photos_refused(bot.db, group) is None


async def test_a_group_s_photo_refusal_is_remembered_across_a_restart(
    settings: Settings, pictures: dict[str, str]
) -> None:
    """The refusal was kept in the sender's memory only: after each restart the bot spent one
    refused photo request per such group again. It is kept with the chat: after a restart the
    next post goes as text at once; a day after the refusal, or once /settings pictures is set
    again (before or after a restart), a photo is tried again."""
    offline = OfflineTelegram()
    offline.add_chat(ADMIN, "private", first_name="Admin")
    keys = iter(("bridge", "budget", "harbour", "tunnel", "canal", "museum"))

    def photo_calls() -> int:
        return sum(1 for c in offline.calls_to("sendPhoto") if c.params["chat_id"] == group)

    async def story(bot: Bot, after: timedelta = timedelta(0)) -> None:
        key = next(keys)
        pictures[f"https://gazette.example/{key}"] = f"https://img.example/{key}.jpg"
        report(bot.db, "gazette", key)
        await jobs.process_now(bot.app.bot_data)
        sender = bot.app.bot_data.sender
        assert sender is not None
        sender.clock = lambda: store.utcnow() + after
        await deliver(bot, after=after)

    def restarted() -> App:
        return build_application(settings, offline, workers=1, pacer=instant_pacer())

    async with running(restarted()) as app:
        bot = Bot(app, offline)
        group = await no_photos_group(bot)
        await story(bot)
        assert photo_calls() == 1
    async with running(restarted()) as app:
        bot = Bot(app, offline)
        await story(bot)
        assert photo_calls() == 1  # remembered: no request wasted after the restart
        await story(bot, after=NO_PHOTOS_FOR)
        assert photo_calls() == 2  # a day later, a photo is tried again (and refused)
    # The admins give the right back and set pictures again: forgotten for good, restarts too.
    offline.set_permissions(group, can_send_photos=True)
    async with running(restarted()) as app:
        bot = Bot(app, offline)
        offline.group_message("/settings pictures photo", chat_id=group, user_id=ADMIN)
        await bot.feed()
    async with running(restarted()) as app:
        bot = Bot(app, offline)
        await story(bot)
        assert photo_calls() == 3 and posts(offline, group)[-1].photo is not None
    shown = [p for p in posts(offline, group) if "story, as" in p.plain_text]
    assert [p.photo is not None for p in shown] == [False, False, False, True]


async def test_a_picture_that_could_not_be_fetched_does_not_stop_the_next_photo(
    bot: Bot, pictures: dict[str, str]
) -> None:
    await subscribe_channel_live(bot)
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None
    store.update_subscription(bot.db, sub.id, pictures="photo")
    bot.offline.refuse_picture("https://img.example/bridge.jpg")
    for key in ("bridge", "budget"):
        pictures[f"https://gazette.example/{key}"] = f"https://img.example/{key}.jpg"
        report(bot.db, "gazette", key)
        await jobs.process_now(bot.app.bot_data)
        await deliver(bot)
    assert len(bot.offline.calls_to("sendPhoto")) == 2
    assert [p.photo is not None for p in posts(bot.offline)] == [False, True]


async def test_a_digest_shows_its_lead_picture_as_a_large_preview_above(
    bot: Bot, pictures: dict[str, str]
) -> None:
    await bot.say("/subscribe 08:00")
    await bot.say("/settings pictures preview")
    sub = store.find_subscription(bot.db, 1001)
    assert sub is not None and sub.pictures == "preview"
    pictures["https://gazette.example/bridge"] = "https://img.example/bridge.jpg"
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    from digests import delivery

    now = store.utcnow()
    make_digest_due(bot.db, sub.id, now)
    assert delivery.enqueue_due(bot.db, now, digest_jobs.digest_render(bot.app.bot_data)) == 1
    await deliver(bot)
    digest = bot.offline.sent(1001)[-1]
    assert "Bridge story" in digest.plain_text
    assert digest.link_preview_options == {
        "is_disabled": False,
        "url": "https://img.example/bridge.jpg",
        "prefer_large_media": True,
        "show_above_text": True,
    }


async def test_digest_now_shows_the_lead_picture_and_link_previews_as_the_subscription_does(
    bot: Bot, pictures: dict[str, str]
) -> None:
    """/digest sends the digest "as the subscription would": with pictures on, its lead
    picture above the first message, as the scheduled digest shows it; with pictures off, link
    previews as the subscription chose (the bot's replies otherwise show none)."""
    pictures["https://gazette.example/bridge"] = "https://img.example/bridge.jpg"
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await bot.say("/subscribe 08:00")
    [plain] = await bot.say("/digest")
    assert "Bridge story" in plain.plain_text
    assert plain.link_preview_options == {"is_disabled": True}  # pictures off, previews off
    await bot.say("/settings pictures preview")
    [digest] = await bot.say("/digest")
    assert "Bridge story" in digest.plain_text
    assert digest.link_preview_options == {
        "is_disabled": False,
        "url": "https://img.example/bridge.jpg",
        "prefer_large_media": True,
        "show_above_text": True,
    }


async def test_the_console_shows_pictures_as_their_urls(
    settings: Settings, pictures: dict[str, str]
) -> None:
    offline = OfflineTelegram()
    offline.add_chat(CONSOLE_USER, "private", first_name="You")
    console_settings = replace(settings, admin_ids=frozenset({CONSOLE_USER}))
    app = build_application(console_settings, offline, workers=1, pacer=instant_pacer())
    async with running(app):
        output = io.StringIO()
        console = Console(app, offline, output)
        await console.say("/subscribe live")
        await console.say("/settings pictures photo")
        pictures["https://gazette.example/bridge"] = "https://img.example/bridge.jpg"
        report(app.bot_data.db, "gazette", "bridge")
        await jobs.process_now(app.bot_data)
        await console.say("/settings pictures preview")
        pictures["https://gazette.example/budget"] = "https://img.example/budget.jpg"
        report(app.bot_data.db, "gazette", "budget")
        await jobs.process_now(app.bot_data)
        await deliver(Bot(app, offline))
        console.show_new()
    shown = output.getvalue()
    photo = shown.index("[picture: https://img.example/bridge.jpg]\nBridge story, as gazette")
    preview = shown.index("[picture: https://img.example/budget.jpg]\nBudget story, as gazette")
    assert photo < preview


# --- edits at Telegram's pace -----------------------------------------------------------------------


def test_edits_to_one_chat_keep_telegrams_pace(db: Database) -> None:
    offline = OfflineTelegram(clock=unix_now, enforce_limits=True)
    offline.add_chat(5, "private")
    sub = store.save_subscription(db, 5, "private", now=T0 - timedelta(days=1), mode="live")

    def content(text: str) -> store.LiveContent:
        return store.LiveContent(text, 1, "h")

    for story_id in range(1, 31):
        store.enqueue_live_post(db, sub, story_id, content(f"post {story_id}"), due=T0, now=T0)

    async def run() -> None:
        bot = TelegramBot(offline.token, request=offline, get_updates_request=offline)
        await bot.initialize()
        try:
            sender = Sender(bot, db, clock=utc_now)
            assert (await sender.drain()).sent == 30
            for post in store.live_posts(db, sub.id).values():
                done = store.update_live_post(
                    db,
                    sub,
                    post,
                    content(f"edited {post.story_id}"),
                    now=utc_now(),
                    spacing=timedelta(0),
                )
                assert done == "edit"
            result = await sender.drain()
            assert (result.sent, result.edits, result.rate_limited) == (30, 30, 0)
        finally:
            await bot.shutdown()

    simulate(run())
    edits = [c.timestamp - EPOCH for c in offline.calls_to("editMessageText")]
    assert len(edits) == 30 and all(c.status == 200 for c in offline.calls_to("editMessageText"))
    assert most_within(edits, 60.0) <= 20
    assert closest(edits) >= EDIT_SPACING - SLACK
    assert sorted(m.plain_text for m in offline.sent(5)) == sorted(
        f"edited {n}" for n in range(1, 31)
    )


@pytest.mark.parametrize("kind", ["edit", "post"])
def test_a_live_post_rewritten_while_its_send_waits_out_a_429_goes_out_current(
    db: Database, kind: str
) -> None:
    """The story grew again while Telegram held the post's edit (or the post itself) with a
    429: the outbox row was rewritten, but the sender then sent the text it had read before
    the wait, and the post stayed behind its story for good (the store had recorded the new
    sources, so no later edit came)."""
    offline = OfflineTelegram(clock=unix_now)
    offline.add_chat(5, "private")
    sub = store.save_subscription(db, 5, "private", now=T0 - timedelta(days=1), mode="live")
    store.enqueue_live_post(db, sub, 1, store.LiveContent("post: 1 source", 1, "h"), due=T0, now=T0)
    method = "editMessageText" if kind == "edit" else "sendMessage"

    def update(text: str, sources: int) -> str:
        post = store.live_posts(db, sub.id)[1]
        content = store.LiveContent(text, sources, "h")
        return store.update_live_post(db, sub, post, content, now=utc_now(), spacing=timedelta(0))

    async def run() -> None:
        bot = TelegramBot(offline.token, request=offline, get_updates_request=offline)
        await bot.initialize()
        try:
            sender = Sender(bot, db, clock=utc_now)
            if kind == "edit":
                await sender.drain()
                assert update("post: 2 sources", 2) == "edit"
            offline.fail(method, error=too_many_requests(30))
            drain = asyncio.ensure_future(sender.drain())
            await asyncio.sleep(5.0)  # simulated: the 429 came, its 30 s are being waited out
            assert [c.status for c in offline.calls_to(method)][-1] == 429
            assert update("post: 3 sources", 3) in {"edit rewritten", "rewritten"}
            await drain
        finally:
            await bot.shutdown()

    simulate(run())
    [message] = offline.sent(5)
    assert message.plain_text == "post: 3 sources"


def drain_around(
    offline: OfflineTelegram, db: Database, meanwhile: Callable[[], None]
) -> DrainResult:
    """Send what is queued through the real Sender, call ``meanwhile`` (a change in the chat or
    the queue), send again; return the second drain's result."""

    async def run() -> DrainResult:
        bot = TelegramBot(offline.token, request=offline, get_updates_request=offline)
        await bot.initialize()
        try:
            sender = Sender(bot, db, clock=utc_now)
            await sender.drain()
            meanwhile()
            return await sender.drain()
        finally:
            await bot.shutdown()

    return simulate(run())


def test_an_edit_of_a_deleted_message_is_dropped_and_one_not_modified_is_done(
    db: Database,
) -> None:
    offline = OfflineTelegram(clock=unix_now)
    offline.add_chat(5, "private")
    sub = store.save_subscription(db, 5, "private", now=T0 - timedelta(days=1), mode="live")
    for story_id in (1, 2):
        text = f"post {story_id}"
        store.enqueue_live_post(db, sub, story_id, store.LiveContent(text, 1, "h"), due=T0, now=T0)

    def meanwhile() -> None:
        offline.sent(5)[0].deleted = True  # an admin deleted the first post
        posts = store.live_posts(db, sub.id)
        for story_id, text in ((1, "edited 1"), (2, "post 2")):
            content = store.LiveContent(text, 2, "h")
            store.update_live_post(
                db, sub, posts[story_id], content, now=utc_now(), spacing=timedelta(0)
            )

    result = drain_around(offline, db, meanwhile)
    assert (result.edits, result.failed) == (1, 0)  # the unchanged one is done, no failure
    posts = store.live_posts(db, sub.id)
    assert (posts[1].state, posts[2].state) == ("gone", "sent")
    again = store.update_live_post(
        db, sub, posts[1], store.LiveContent("x", 3, "h"), now=T0, spacing=timedelta(0)
    )
    assert again == "none"  # no more edits of a message that is gone
    statuses = [r["status"] for r in db.query("select status from outbox where kind = 'edit'")]
    assert sorted(statuses) == ["failed", "sent"]


@pytest.mark.parametrize("chat_type", ["channel", "private"])
def test_an_edit_to_a_chat_that_removed_the_bot_stops_its_subscription(
    db: Database, chat_type: str
) -> None:
    """Telegram answers an edit with 403 once the bot is out of the channel (or blocked by
    the user): the live subscription stops and nothing queued for it is tried again."""
    chat_id = CHANNEL if chat_type == "channel" else 5
    offline = OfflineTelegram(clock=unix_now)
    offline.add_chat(chat_id, chat_type)
    sub = store.save_subscription(db, chat_id, chat_type, now=T0 - timedelta(days=1), mode="live")
    store.enqueue_live_post(db, sub, 1, store.LiveContent("post 1", 1, "h"), due=T0, now=T0)

    def meanwhile() -> None:
        if chat_type == "channel":
            offline.set_member(chat_id, offline.bot_id, "left")  # an admin removed the bot
        else:
            offline.block_bot(chat_id)
        post = store.live_posts(db, sub.id)[1]
        content = store.LiveContent("post 1, now from two outlets", 2, "h")
        store.update_live_post(db, sub, post, content, now=utc_now(), spacing=timedelta(0))

    result = drain_around(offline, db, meanwhile)
    assert (result.edits, result.deactivated) == (0, 1)
    edits = [c for c in offline.calls if c.method == "editMessageText"]
    assert [c.status for c in edits] == [403]  # tried once, not again
    [row] = db.query("select active, deactivated_reason from subscriptions")
    assert row["active"] == 0 and "Forbidden" in row["deactivated_reason"]
    assert [m.plain_text for m in offline.sent(chat_id)] == ["post 1"]  # never edited


async def test_subscribe_channel_can_make_a_live_channel(bot: Bot) -> None:
    bot.offline.add_chat(CHANNEL, "channel", title="Paper", username="paper")
    bot.offline.set_member(CHANNEL, 4242, "creator")
    [ok] = await bot.say("/subscribe_channel @paper live", user_id=4242)
    assert "Paper is subscribed" in ok.plain_text and "Live:" in ok.plain_text
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.mode == "live" and sub.live_since is not None
    assert digest_jobs.scheduled_subscriptions(bot.app) == []  # live: no digest job


async def test_the_offline_telegram_checks_photos_captions_and_the_edit_limit() -> None:
    clock = FakeClock(EPOCH)
    offline = OfflineTelegram(clock=clock.now, enforce_limits=True)
    offline.add_chat(5, "private")
    offline.refuse_picture("https://img.example/broken.jpg", "IMAGE_PROCESS_FAILED")
    bot = TelegramBot(offline.token, request=offline, get_updates_request=offline)
    async with bot:
        photo = await bot.send_photo(
            5, "https://img.example/a.jpg", caption="<b>A</b> story", parse_mode="HTML"
        )
        assert photo.caption == "A story" and photo.photo and photo.caption_entities
        for url, answer in (
            ("https://img.example/broken.jpg", "Image_process_failed"),
            ("not a url", "Wrong file identifier/http url specified"),
        ):
            clock.advance(2)
            with pytest.raises(BadRequest, match=answer):
                await bot.send_photo(5, url, caption="x")
        with pytest.raises(BadRequest, match="Message caption is too long"):
            await bot.send_photo(5, "https://img.example/a.jpg", caption="c" * 1025)
        with pytest.raises(BadRequest, match="There is no text in the message to edit"):
            await bot.edit_message_text("new", 5, photo.message_id)
        edited = await bot.edit_message_caption(
            5, photo.message_id, caption="<i>B</i>", parse_mode="HTML"
        )
        assert isinstance(edited, Message) and edited.caption == "B"
        text = await bot.send_message(5, "t0")
        with pytest.raises(BadRequest, match="There is no caption in the message to edit"):
            await bot.edit_message_caption(5, text.message_id, caption="x")
        for n in range(1, 20):  # 20 edits in a minute, the caption's included
            await bot.edit_message_text(f"t{n}", 5, text.message_id)
        with pytest.raises(RetryAfter):
            await bot.edit_message_text("one too many", 5, text.message_id)
        clock.advance(60)
        await bot.edit_message_text("a minute later", 5, text.message_id)
    [sent_photo, _] = offline.sent(5)
    assert sent_photo.photo == "https://img.example/a.jpg" and sent_photo.history == [
        "<b>A</b> story"
    ]


async def test_switching_back_to_digests_sends_nothing_before_the_next_slot(
    settings: Settings,
) -> None:
    """A live chat that goes back to digests at 10:00 gets its first digest at the next
    08:00: a restart in between sends none for the 08:00 it spent live."""
    offline = OfflineTelegram()
    with time_machine.travel(datetime(2026, 11, 26, 12, 0, tzinfo=UTC), tick=False) as clock:
        app = build_application(settings, offline, workers=1, pacer=instant_pacer())
        async with running(app):
            bot = Bot(app, offline)
            await bot.say("/subscribe live 08:00")
            clock.move_to(datetime(2026, 11, 28, 10, 0, tzinfo=UTC))
            await bot.say("/settings mode digest")
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None and sub.mode == "digest"
            report(bot.db, "gazette", "bridge", now=datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
        clock.move_to(datetime(2026, 11, 28, 10, 30, tzinfo=UTC))
        again = build_application(settings, offline, workers=1, pacer=instant_pacer())
        async with running(again):
            digests = list(
                again.bot_data.db.query("select id from outbox where digest_key is not null")
            )
            assert digests == []
            queue = again.job_queue
            assert queue is not None
            job = queue.scheduler.get_job(f"digest:{sub.id}")
            assert job is not None
            assert job.next_run_time == datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "command",
    ["/settings time 09:00", "/settings frequency weekdays", "/unsubscribe\n/subscribe 09:00"],
)
async def test_a_schedule_changed_today_sends_its_first_digest_at_its_next_time(
    settings: Settings, command: str
) -> None:
    """At 10:00, after the 08:00 digest, a chat moves its digest to 09:00 (or weekdays, or
    subscribes again): the next digest is tomorrow's, and a restart at 10:30 sends none for
    today's 09:00 (the job, scheduled from 10:00, agrees)."""
    offline = OfflineTelegram()
    with time_machine.travel(datetime(2026, 11, 25, 12, 0, tzinfo=UTC), tick=False) as clock:
        app = build_application(settings, offline, workers=1, pacer=instant_pacer())
        async with running(app):
            bot = Bot(app, offline)
            await bot.say("/subscribe 08:00")
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None
            sent = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)  # Thursday's digest went out
            store.update_subscription(bot.db, sub.id, last_slot=store.iso(sent))
            clock.move_to(datetime(2026, 11, 26, 10, 0, tzinfo=UTC))
            for line in command.split("\n"):
                await bot.say(line)
            report(bot.db, "gazette", "bridge", now=datetime(2026, 11, 26, 9, 30, tzinfo=UTC))
        clock.move_to(datetime(2026, 11, 26, 10, 30, tzinfo=UTC))
        again = build_application(settings, offline, workers=1, pacer=instant_pacer())
        async with running(again):
            digests = list(again.bot_data.db.query("select id from outbox where digest_key > ''"))
            assert digests == []
            queue = again.job_queue
            assert queue is not None
            job = queue.scheduler.get_job(f"digest:{sub.id}")
            assert job is not None
            hour = 8 if "frequency" in command else 9
            assert job.next_run_time == datetime(2026, 11, 27, hour, 0, tzinfo=UTC)


async def test_posts_held_by_quiet_hours_wait_for_the_digest_after_switching_back(
    settings: Settings,
) -> None:
    """At 23:30, in quiet hours until 07:00, a live chat goes back to digests: the post its
    quiet hours held is not sent at 07:00 as a live post, and its story is in the digest."""
    offline = OfflineTelegram()
    with time_machine.travel(datetime(2026, 11, 26, 22, 0, tzinfo=UTC), tick=False) as clock:
        app = build_application(settings, offline, workers=1, pacer=instant_pacer())
        async with running(app):
            bot = Bot(app, offline)
            await bot.say("/subscribe live 08:00")
            await bot.say("/settings quiet 23:00-07:00")
            clock.move_to(datetime(2026, 11, 26, 23, 30, tzinfo=UTC))
            report(bot.db, "gazette", "bridge")
            await jobs.process_now(app.bot_data)
            [held] = bot.db.query("select next_attempt from outbox where story_id is not null")
            assert held["next_attempt"] == store.iso(datetime(2026, 11, 27, 7, 0, tzinfo=UTC))
            await bot.say("/settings mode digest")
            assert list(bot.db.query("select id from outbox where story_id is not null")) == []
            await deliver(bot, after=timedelta(hours=8))
            assert [m for m in offline.sent(USER) if "Bridge story" in m.plain_text] == []
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None
            clock.move_to(datetime(2026, 11, 27, 8, 0, 30, tzinfo=UTC))
            assert (
                delivery.enqueue_due(
                    bot.db, store.utcnow(), digest_jobs.digest_render(app.bot_data)
                )
                == 1
            )
            await deliver(bot)
            [digest] = [m for m in offline.sent(USER) if "Your daily digest" in m.plain_text]
            assert "Bridge story" in digest.plain_text
