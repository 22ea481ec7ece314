"""Forum topics: one subscription per topic, routed sends, closed and deleted topics, migration.

Through the real Application and the offline Telegram (a forum supergroup with topics), and
the migration on a database made with the schema before topics existed.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database
from telegram import Bot as TelegramBot
from telegram.error import BadRequest

from bot import digest_jobs, jobs
from bot.handlers import admin
from bot.offline import OfflineTelegram, SentMessage, bad_request
from digests import delivery, store
from digests.models import Subscription
from tests.support import make_digest_due
from tests.test_bot import ADMIN, USER, Bot, add_stories, buttons, texts
from tests.test_bot import bot as bot  # the fixtures
from tests.test_bot import settings as settings
from tests.test_live import deliver, report

FORUM = -1003003


async def forum(bot: Bot) -> tuple[int, int]:
    """Make a forum supergroup with two topics; ADMIN administers it. Return the thread ids."""
    bot.offline.add_chat(FORUM, "supergroup", title="Readers' forum")
    climate = bot.offline.add_topic(FORUM, "Climate")
    sport = bot.offline.add_topic(FORUM, "Sport")
    bot.offline.set_member(FORUM, ADMIN, "administrator")
    bot.offline.set_member(FORUM, USER, "member")
    return climate, sport


async def say(bot: Bot, text: str, thread: int | None, user_id: int = ADMIN) -> list[SentMessage]:
    """Send text in a topic of the forum (None: its general topic); return the bot's replies."""
    before = len(bot.offline.sent(FORUM))
    bot.offline.group_message(text, chat_id=FORUM, user_id=user_id, thread_id=thread)
    await bot.feed()
    return bot.offline.sent(FORUM)[before:]


def topic_sub(bot: Bot, thread: int | None) -> Subscription:
    sub = store.find_subscription(bot.db, FORUM, thread)
    assert sub is not None
    return sub


async def test_each_topic_has_its_own_subscription_and_gets_its_own_posts(bot: Bot) -> None:
    climate, sport = await forum(bot)
    [refused] = await say(bot, "/subscribe 08:00", climate, user_id=USER)
    assert "administrators" in refused.plain_text and refused.message_thread_id == climate
    [first] = await say(bot, "/subscribe 08:00 bridge", climate)
    [second] = await say(bot, "/subscribe live budget", sport)
    assert (first.message_thread_id, second.message_thread_id) == (climate, sport)
    assert "Where: this topic" in first.plain_text and "Live:" in second.plain_text
    assert (
        topic_sub(bot, climate).include == ("bridge",) and topic_sub(bot, climate).mode == "digest"
    )
    assert topic_sub(bot, sport).include == ("budget",) and topic_sub(bot, sport).mode == "live"
    assert store.find_subscription(bot.db, FORUM) is None  # the group itself has none
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{topic_sub(bot, climate).id}"]

    # /settings in a topic shows and changes that topic's subscription only.
    [page] = await say(bot, "/settings", sport)
    assert page.message_thread_id == sport and "Live:" in page.plain_text
    assert "set:cap" in buttons(page) and "set:time" not in buttons(page)
    bot.offline.callback_query("set:cap", message=page, user_id=ADMIN, chat_id=FORUM)
    await bot.feed()
    assert topic_sub(bot, sport).hourly_cap == 20 and topic_sub(bot, climate).hourly_cap == 10
    # Quiet hours well away from now (the topic's zone is UTC), so the live post below goes out
    # at whatever hour the test runs.
    hour = store.utcnow().hour
    start, end = f"{(hour + 6) % 24:02d}:00", f"{(hour + 8) % 24:02d}:00"
    assert topic_sub(bot, sport).timezone == "UTC"
    [quiet] = await say(bot, f"/settings quiet {start}-{end}", sport)
    assert f"Quiet hours: {start}–{end}" in quiet.plain_text
    assert topic_sub(bot, climate).quiet_start is None

    # The live topic gets its story as it comes; the digest topic at its time.
    report(bot.db, "gazette", "bridge")
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    now = store.utcnow()
    make_digest_due(bot.db, topic_sub(bot, climate).id, now)
    assert delivery.enqueue_due(bot.db, now, digest_jobs.digest_render(bot.app.bot_data)) == 1
    await deliver(bot)
    by_topic: dict[int | None, list[str]] = {}
    for message in bot.offline.sent(FORUM)[-2:]:
        by_topic.setdefault(message.message_thread_id, []).append(message.plain_text)
    [digest] = by_topic[climate]
    [post] = by_topic[sport]
    assert "Bridge story" in digest and "Budget story" not in digest
    assert post.startswith("Budget story") and "Bridge story" not in post

    # /unsubscribe in one topic stops that topic's subscription only.
    [bye] = await say(bot, "/unsubscribe", climate)
    assert "Unsubscribed" in bye.plain_text and bye.message_thread_id == climate
    assert not topic_sub(bot, climate).active and topic_sub(bot, sport).active


async def test_reading_commands_in_a_topic_are_answered_in_that_topic(bot: Bot) -> None:
    """/latest, /search, /story, /allegations and /sources sent in a topic were answered in
    the general topic (sent without the topic's thread), as was the next page of a "More"
    button pressed in the topic."""
    climate, _ = await forum(bot)
    add_stories(bot.db, 8, topic="zebra")
    for command in ("/latest", "/search zebra", "/story 2", "/allegations", "/sources"):
        replies = await say(bot, command, climate, user_id=USER)
        assert replies and {m.message_thread_id for m in replies} == {climate}, command
    [page] = await say(bot, "/latest 3", climate, user_id=USER)
    [more] = buttons(page)
    bot.offline.callback_query(more, message=page, user_id=USER, chat_id=FORUM)
    await bot.feed()
    [next_page] = bot.offline.sent(FORUM)[-1:]
    assert next_page.plain_text.startswith("Latest news (continued)")
    assert next_page.message_thread_id == climate
    [welcome] = await say(bot, "/start", climate, user_id=USER)
    bot.offline.callback_query("help", message=welcome, user_id=USER, chat_id=FORUM)
    await bot.feed()
    [help_page] = bot.offline.sent(FORUM)[-1:]
    assert help_page.plain_text.startswith("Commands")
    assert help_page.message_thread_id == climate


async def test_the_apology_for_a_failure_in_a_topic_goes_to_that_topic(bot: Bot) -> None:
    climate, _ = await forum(bot)
    bot.offline.fail("sendMessage", error=bad_request("odd failure"), chat_id=FORUM)
    [apology] = await say(bot, "/help", climate, user_id=USER)
    assert apology.plain_text.startswith("Sorry, something went wrong")
    assert apology.message_thread_id == climate


async def test_settings_languages_in_a_topic_sets_that_topics_filter(bot: Bot) -> None:
    climate, sport = await forum(bot)
    await say(bot, "/subscribe 08:00", climate)
    await say(bot, "/subscribe live", sport)
    [refused] = await say(bot, "/settings languages de", climate, user_id=USER)
    assert "administrators" in refused.plain_text and topic_sub(bot, climate).languages == ()
    [page] = await say(bot, "/settings languages de fr", climate)
    assert page.message_thread_id == climate and "Languages: German, French" in page.plain_text
    [wrong] = await say(bot, "/settings languages klingon", sport)
    assert wrong.message_thread_id == sport and "Unknown language: klingon" in wrong.plain_text
    assert topic_sub(bot, climate).languages == ("de", "fr")
    assert topic_sub(bot, sport).languages == ()


@pytest.mark.parametrize("ending", ["close", "delete"])
async def test_a_closed_or_deleted_topic_pauses_its_subscription_and_tells_the_group(
    bot: Bot, ending: str
) -> None:
    climate, sport = await forum(bot)
    await say(bot, "/subscribe live", climate)
    await say(bot, "/subscribe live", sport)
    if ending == "close":
        bot.offline.close_topic(FORUM, sport)
    else:
        bot.offline.delete_topic(FORUM, sport)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)

    refused = [c for c in bot.offline.calls_to("sendMessage") if c.status == 400]
    expected = "TOPIC_CLOSED" if ending == "close" else "message thread not found"
    assert [c.description for c in refused] == [f"Bad Request: {expected}"]
    paused = topic_sub(bot, sport)
    assert not paused.active
    # A closed topic's subscription is paused; a deleted one's ends (nothing could resume it).
    assert (paused.paused_at is not None) == (ending == "close")
    assert topic_sub(bot, climate).active  # the other topic goes on
    notice, post = (m for m in bot.offline.sent(FORUM)[-2:] if m.message_thread_id != sport)
    if notice.message_thread_id is not None:
        notice, post = post, notice
    assert notice.message_thread_id is None  # the general topic
    if ending == "close":
        assert "Live posts for topic “Sport” are paused" in notice.plain_text
        assert "They resume by themselves when the topic is reopened" in notice.plain_text
    else:  # a deleted topic cannot be reopened: the notice says where to go instead
        assert "Live posts for topic “Sport” stopped" in notice.plain_text
        assert "Send /subscribe in another topic" in notice.plain_text
        assert "Reopen" not in notice.plain_text
    assert post.message_thread_id == climate and "Bridge story" in post.plain_text
    assert bot.app.bot_data.delivery_counts.paused == 1
    assert bot.app.bot_data.delivery_counts.deactivated == 0

    # Nothing more goes to the paused topic; reopened, it resumes (/subscribe there says so).
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert [m.message_thread_id for m in bot.offline.sent(FORUM)[-1:]] == [climate]
    if ending == "close":
        bot.offline.reopen_topic(FORUM, sport)
        [resumed] = await say(bot, "/subscribe", sport)
        assert "Subscribed" in resumed.plain_text and topic_sub(bot, sport).active
        assert topic_sub(bot, sport).paused_at is None and topic_sub(bot, sport).mode == "live"


async def test_a_reopened_topic_resumes_by_itself(bot: Bot) -> None:
    """Telegram tells the bot when a topic is reopened (``forum_topic_reopened`` in it): its
    paused subscriptions resume as when a group's right to post comes back: live from then
    on, a digest at its next time; what the topic missed while closed is not sent twice."""
    climate, sport = await forum(bot)
    await say(bot, "/subscribe live", sport)
    await say(bot, "/subscribe 08:00", climate)
    bot.offline.close_topic(FORUM, sport)
    bot.offline.close_topic(FORUM, climate)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    make_due(bot, climate)
    render = digest_jobs.digest_render(bot.app.bot_data)
    assert delivery.enqueue_due(bot.db, store.utcnow(), render) == 1
    await deliver(bot)
    assert topic_sub(bot, sport).paused_at is not None
    assert topic_sub(bot, climate).paused_at is not None
    notices = [m.plain_text for m in bot.offline.sent(FORUM) if m.message_thread_id is None]
    assert len(notices) == 2
    assert all("resume by themselves when the topic is reopened" in t for t in notices)
    assert not any("send /subscribe" in t for t in notices)

    before = len(bot.offline.sent(FORUM))
    bot.offline.reopen_topic(FORUM, sport, by=ADMIN)
    bot.offline.reopen_topic(FORUM, climate, by=ADMIN)
    await bot.feed()
    live, digest = topic_sub(bot, sport), topic_sub(bot, climate)
    assert live.active and live.paused_at is None and live.mode == "live"
    assert digest.active and digest.paused_at is None and digest.deactivated_reason is None
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{digest.id}"]
    assert bot.offline.sent(FORUM)[before:] == []  # resuming says nothing

    # The story of while it was closed is not posted; the next one is, in its topic.
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    sent = bot.offline.sent(FORUM)[before:]
    assert [m.message_thread_id for m in sent] == [sport]
    assert "Budget story" in sent[0].plain_text and "Bridge" not in sent[0].plain_text
    # The digest's next one is at its next time, not now.
    assert delivery.enqueue_due(bot.db, store.utcnow(), render) == 0

    # A topic whose subscription ended (deleted), or was never paused, stays as it is.
    bot.offline.reopen_topic(FORUM, sport)
    await bot.feed()
    assert topic_sub(bot, sport).active


def make_due(bot: Bot, *threads: int | None) -> None:
    """Make these topics' digests due a minute ago."""
    now = store.utcnow()
    for thread in threads:
        make_digest_due(bot.db, topic_sub(bot, thread).id, now)


async def test_a_group_that_turns_topics_off_gets_its_topics_digests_itself(bot: Bot) -> None:
    """Telegram refuses a send to a topic of a group that turned topics off as it refuses one
    to a deleted topic ("message thread not found"); getChat's ``is_forum`` tells them apart.
    Such a group keeps its readers' digests: its topics' subscriptions become one of the
    group's own, with their filters together, and the group is told once."""
    climate, sport = await forum(bot)
    await say(bot, "/subscribe 08:00 bridge", climate)
    await say(bot, "/subscribe 08:00 budget -tax", sport)
    bot.offline.turn_topics_off(FORUM)
    report(bot.db, "gazette", "bridge")
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    make_due(bot, climate, sport)
    # The sender's clock a second past the drain's time, as when a second ticks over during
    # the drain: the notice it queues is still due in that drain.
    sender = bot.app.bot_data.sender
    assert sender is not None
    sender.clock = lambda: store.utcnow() + timedelta(seconds=1)
    first = topic_sub(bot, climate)
    before = len(bot.offline.sent(FORUM))
    assert (
        delivery.enqueue_due(bot.db, store.utcnow(), digest_jobs.digest_render(bot.app.bot_data))
        == 2
    )
    await deliver(bot)

    assert [c.params["chat_id"] for c in bot.offline.calls_to("getChat")] == [FORUM]
    kept = topic_sub(bot, None)
    assert kept.id == first.id and kept.active and kept.time == first.time
    assert kept.include == ("bridge", "budget") and kept.exclude == ()
    paused = topic_sub(bot, sport)
    assert not paused.active and paused.paused_at is not None
    assert paused.deactivated_reason == store.TOPICS_OFF and paused.include == ("budget",)
    assert paused.exclude == ("tax",)  # excluded by one topic only: not by the group's
    sent = bot.offline.sent(FORUM)[before:]
    assert all(m.message_thread_id is None for m in sent)
    texts = [m.plain_text for m in sent]
    assert any("Bridge story" in t for t in texts) and any("Budget story" in t for t in texts)
    [notice] = [t for t in texts if "Topics are off" in t]
    assert "“Climate”" in notice and "“Sport”" in notice
    assert "stopped" not in " ".join(texts)
    assert bot.app.bot_data.delivery_counts.deactivated == 0

    # The next day's digest is one, to the group, with both topics' stories.
    report(bot.db, "gazette", "bridge second")
    report(bot.db, "gazette", "budget second")
    await jobs.process_now(bot.app.bot_data)
    before = len(bot.offline.sent(FORUM))
    tomorrow = store.utcnow() + timedelta(days=1)
    render = digest_jobs.digest_render(bot.app.bot_data)
    assert delivery.enqueue_due(bot.db, tomorrow, render) == 1
    await deliver(bot, after=timedelta(days=1))
    [digest] = bot.offline.sent(FORUM)[before:]
    assert digest.message_thread_id is None and "Topics are off" not in digest.plain_text
    assert "Bridge second story" in digest.plain_text and "Budget second" in digest.plain_text
    [page] = await say(bot, "/settings", None)
    assert "bridge" in page.plain_text and "budget" in page.plain_text

    # Topics back on: /subscribe in a topic resumes its own subscription, its settings kept.
    bot.offline.turn_topics_on(FORUM)
    [resumed] = await say(bot, "/subscribe", sport)
    assert "Subscribed" in resumed.plain_text and resumed.message_thread_id == sport
    assert topic_sub(bot, sport).active and topic_sub(bot, sport).include == ("budget",)


async def test_a_deleted_topic_in_a_forum_still_ends_only_its_subscription(bot: Bot) -> None:
    climate, sport = await forum(bot)
    await say(bot, "/subscribe 08:00 bridge", climate)
    await say(bot, "/subscribe 08:00 budget", sport)
    bot.offline.delete_topic(FORUM, sport)
    report(bot.db, "gazette", "bridge")
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    make_due(bot, climate, sport)
    assert (
        delivery.enqueue_due(bot.db, store.utcnow(), digest_jobs.digest_render(bot.app.bot_data))
        == 2
    )
    await deliver(bot)
    assert topic_sub(bot, climate).active and store.find_subscription(bot.db, FORUM) is None
    ended = topic_sub(bot, sport)
    assert not ended.active and ended.paused_at is None
    assert (ended.deactivated_reason or "").startswith(store.TOPIC_DELETED)


async def test_notices_name_a_topic_as_it_is_called_now(bot: Bot) -> None:
    """A notice that says "topic 12" leaves the group guessing which: the topic's name, from
    the message /subscribe answers and from each rename Telegram reports, is used instead;
    the number only when the bot never learnt the name."""
    climate, sport = await forum(bot)
    await say(bot, "/subscribe live", climate)
    await say(bot, "/subscribe live", sport)
    assert topic_sub(bot, sport).topic_name == "Sport"
    bot.offline.rename_topic(FORUM, sport, "Football <& more>", by=ADMIN)
    bot.offline.rename_topic(FORUM, climate, "Weather")
    await bot.feed()
    assert topic_sub(bot, sport).topic_name == "Football <& more>"
    await say(bot, "/subscribe live", sport)  # the first name, which it answers, stays old
    assert topic_sub(bot, sport).topic_name == "Football <& more>"
    assert topic_sub(bot, climate).topic_name == "Weather"
    store.update_subscription(bot.db, topic_sub(bot, climate).id, topic_name=None)  # never told
    await say(bot, "/language ru", None)
    bot.offline.close_topic(FORUM, sport)
    bot.offline.close_topic(FORUM, climate)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    notices = [m.plain_text for m in bot.offline.sent(FORUM) if m.message_thread_id is None]
    assert any("«Football <& more>»" in text for text in notices), notices
    assert any(f"теме {climate}" in text or f"тема {climate}" in text for text in notices), notices
    assert not any("Sport" in text for text in notices)


# --- the migration ------------------------------------------------------------------------------


def test_the_migration_keeps_every_subscription_and_queued_message(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before="015_topics_and_live")
    old.table("subscriptions").insert_all(
        [
            {"chat_id": 5, "chat_type": "private", "time": "07:30", "include": '["ai"]'},
            {"chat_id": -7, "chat_type": "supergroup", "silent": 1},
        ]
    )
    old.table("outbox").insert(
        {
            "subscription_id": 1,
            "chat_id": 5,
            "chat_type": "private",
            "digest_key": "1@2026-11-28T07:00:00+00:00",
            "part": 0,
            "parts": 1,
            "text": "<b>Queued before the upgrade</b>",
            "status": "pending",
            "next_attempt": "2026-11-28T07:00:00+00:00",
        }
    )
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    private = store.find_subscription(db, 5)
    assert private is not None and private.id == 1 and private.time == "07:30"
    assert private.include == ("ai",) and private.thread_id is None
    assert (private.mode, private.pictures, private.hourly_cap) == ("digest", "off", 10)
    assert (private.quiet_start, private.paused_at) == (None, None)
    group = store.find_subscription(db, -7)
    assert group is not None and group.silent and group.active
    [queued] = store.outbox_due(db, now=store.parse_iso("2026-11-28T08:00:00+00:00"))
    assert (queued.text, queued.kind, queued.thread_id) == (
        "<b>Queued before the upgrade</b>",
        "message",
        None,
    )
    # A topic of the group is a subscription of its own; the group's own is still one.
    topic = store.save_subscription(db, -7, "supergroup", thread_id=12, include=["x"])
    assert topic.id != group.id and store.find_subscription(db, -7) == group
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into subscriptions (chat_id, chat_type) values (-7, 'supergroup')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into subscriptions (chat_id, chat_type, thread_id) values (-7, 'x', 12)")
    db.close()


def test_a_deleted_topics_subscription_paused_before_the_upgrade_ends(db_path: Path) -> None:
    """Paused for a deleted topic before 030, a subscription stayed paused for good."""
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before="030_deleted_topics_end")
    for thread, reason in ((12, "Bad Request: message thread not found"), (13, "TOPIC_CLOSED")):
        old.table("subscriptions").insert(
            {
                "chat_id": -7,
                "chat_type": "supergroup",
                "thread_id": thread,
                "active": 0,
                "paused_at": "2026-11-28T07:00:00+00:00",
                "deactivated_reason": reason,
            }
        )
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    deleted, closed = store.find_subscription(db, -7, 12), store.find_subscription(db, -7, 13)
    assert deleted is not None and closed is not None
    assert deleted.paused_at is None and not deleted.active
    assert deleted.deactivated_reason == "topic deleted: Bad Request: message thread not found"
    assert closed.paused_at is not None and closed.deactivated_reason == "TOPIC_CLOSED"
    counts = store.delivery_stats(db)
    assert (counts["paused_topics"], counts["deleted_topics"], counts["deactivated_chats"]) == (
        1,
        1,
        0,
    )
    db.close()


def test_a_group_that_becomes_a_supergroup_takes_every_topic_subscription(db: Database) -> None:
    own = store.save_subscription(db, -7, "group")
    topic = store.save_subscription(db, -7, "group", thread_id=3)
    store.migrate_chat(db, -7, -1007)
    assert [s.id for s in store.chat_subscriptions(db, -1007)] == [own.id, topic.id]
    assert store.chat_subscriptions(db, -7) == []
    # A chat gone stops every subscription it has.
    store.deactivate_subscription(db, -1007, "bot was kicked")
    assert not any(s.active for s in store.chat_subscriptions(db, -1007))


# --- the offline Telegram's topics --------------------------------------------------------------


async def test_the_offline_telegram_answers_for_topics_as_telegram_does() -> None:
    offline = OfflineTelegram()
    offline.add_chat(FORUM, "supergroup", title="Forum")
    offline.add_chat(-5, "supergroup", title="Not a forum")
    open_topic, closed, deleted = (offline.add_topic(FORUM, n) for n in ("a", "b", "c"))
    offline.close_topic(FORUM, closed)
    offline.delete_topic(FORUM, deleted)
    bot = TelegramBot(offline.token, request=offline, get_updates_request=offline)
    async with bot:
        sent = await bot.send_message(FORUM, "hi", message_thread_id=open_topic)
        assert sent.is_topic_message and sent.message_thread_id == open_topic
        assert (await bot.get_chat(FORUM)).is_forum
        with pytest.raises(BadRequest, match=r"(?i)topic_closed"):
            await bot.send_message(FORUM, "hi", message_thread_id=closed)
        assert 1 not in (open_topic, closed, deleted)  # the General topic's thread id
        for chat, thread in ((FORUM, deleted), (FORUM, 999), (-5, open_topic), (FORUM, 1)):
            with pytest.raises(BadRequest, match="Message thread not found"):
                await bot.send_message(chat, "hi", message_thread_id=thread)
        general = await bot.send_message(FORUM, "to the general topic")
        assert general.message_thread_id is None and not general.is_topic_message
        # A bot that may manage topics posts in a closed one.
        offline.set_member(FORUM, offline.bot_id, "administrator", can_manage_topics=True)
        await bot.send_message(FORUM, "still here", message_thread_id=closed)
    offline.group_message("/settings", chat_id=FORUM, thread_id=open_topic)
    message = offline.next_update_dict()["message"]
    assert (message["message_thread_id"], message["is_topic_message"]) == (open_topic, True)
    with pytest.raises(LookupError):
        offline.group_message("/settings", chat_id=-5, thread_id=open_topic)


async def test_commands_in_a_closed_topic_and_in_the_general_topic(bot: Bot) -> None:
    """An admin may write in a closed topic, the bot may not post there: /subscribe there is
    paused at once and the general topic says why; other replies go to the general topic.
    The general topic's own subscription is sent with no thread id (Telegram refuses 1)."""
    climate, _ = await forum(bot)
    bot.offline.close_topic(FORUM, climate)
    [notice] = await say(bot, "/subscribe 08:00 bridge", climate)
    assert notice.message_thread_id is None
    assert "Digests for topic “Climate” are paused" in notice.plain_text
    assert "(Topic_closed)" in notice.plain_text
    paused = topic_sub(bot, climate)
    assert not paused.active and paused.paused_at is not None and paused.include == ("bridge",)
    assert digest_jobs.scheduled_subscriptions(bot.app) == []
    [page] = await say(bot, "/settings", climate)  # said there was none: it is paused
    assert page.message_thread_id is None
    assert "Digests for topic “Climate” are paused" in page.plain_text
    assert not [c for c in bot.offline.calls if c.status == 200 and c.chat_id == ADMIN]
    bot.offline.reopen_topic(FORUM, climate)
    [resumed] = await say(bot, "/subscribe", climate)
    assert resumed.message_thread_id == climate and "Subscribed" in resumed.plain_text
    assert topic_sub(bot, climate).active and topic_sub(bot, climate).include == ("bridge",)
    bot.offline.close_topic(FORUM, climate)
    [page] = await say(bot, "/settings", climate)
    assert page.message_thread_id is None and "every day at 08:00" in page.plain_text
    [chosen] = await say(bot, "/language de", climate)
    assert chosen.message_thread_id is None and chosen.plain_text.startswith("Ich spreche")

    [general] = await say(bot, "/subscribe 09:00", None)
    assert general.message_thread_id is None and "Abonniert" in general.plain_text
    assert topic_sub(bot, None).time == "09:00"
    assert all(c.params.get("message_thread_id") != 1 for c in bot.offline.calls)


async def test_unsubscribe_in_another_topic_says_where_the_groups_subscriptions_are(
    bot: Bot,
) -> None:
    """/unsubscribe or /settings sent in a topic without a subscription, or in the general
    topic, answered "This chat has no digest subscription" while the Climate topic kept
    getting its digests: the reply names the topics that have one."""
    climate, sport = await forum(bot)
    await say(bot, "/subscribe 08:00 bridge", climate)
    [wrong] = await say(bot, "/unsubscribe", sport)
    assert wrong.message_thread_id == sport
    assert wrong.plain_text == (
        "This topic has no subscription. Subscribed in this group: topic “Climate”. "
        "Send /unsubscribe there."
    )
    [general] = await say(bot, "/settings", None)
    assert general.plain_text.startswith("The general topic has no subscription.")
    assert "Send /settings there." in general.plain_text
    assert topic_sub(bot, climate).active
    await say(bot, "/subscribe 09:00", None)
    bot.offline.close_topic(FORUM, climate)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    make_due(bot, climate)
    render = digest_jobs.digest_render(bot.app.bot_data)
    assert delivery.enqueue_due(bot.db, store.utcnow(), render) == 1
    await deliver(bot)
    assert topic_sub(bot, climate).paused_at is not None
    [both] = await say(bot, "/unsubscribe", sport)
    assert (
        "Subscribed in this group: topic “Climate” (paused: the topic is closed), "
        "the general topic." in both.plain_text
    )


async def posted_with(bot: Bot, key: str) -> list[SentMessage]:
    """Report story `key`, process and deliver; return what the bot posted in the forum."""
    report(bot.db, "gazette", key)
    await jobs.process_now(bot.app.bot_data)
    before = len(bot.offline.sent(FORUM))
    await deliver(bot)
    return bot.offline.sent(FORUM)[before:]


async def test_unsubscribe_in_a_closed_topic_stops_it_for_good(bot: Bot) -> None:
    """An admin may still write in a closed topic: /unsubscribe there answered that there
    was no subscription, and its live posts came back when the topic was reopened."""
    climate, _ = await forum(bot)
    await say(bot, "/subscribe live", climate)
    bot.offline.close_topic(FORUM, climate)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert topic_sub(bot, climate).paused_at is not None
    [stopped] = await say(bot, "/unsubscribe", climate)
    assert stopped.message_thread_id is None  # the bot may not post in the closed topic
    assert stopped.plain_text.startswith("Unsubscribed.")
    bot.offline.reopen_topic(FORUM, climate, by=ADMIN)
    await bot.feed()
    assert not topic_sub(bot, climate).active
    assert await posted_with(bot, "budget") == []
    [none] = await say(bot, "/unsubscribe", climate)
    assert "no digest subscription" in none.plain_text


async def sport_paused(bot: Bot) -> tuple[int, int]:
    """Make the forum with a digest in Climate and live posts in Sport, then close Sport: its
    subscription is paused when a post there is refused. Return the thread ids."""
    climate, sport = await forum(bot)
    await say(bot, "/subscribe live", sport)
    await say(bot, "/subscribe 08:00", climate)
    bot.offline.close_topic(FORUM, sport)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert topic_sub(bot, sport).paused_at is not None
    return climate, sport


async def test_a_closed_topic_deleted_later_is_no_longer_listed_as_paused(bot: Bot) -> None:
    """A topic closed (its subscription paused) and then deleted: Telegram tells the bot
    nothing, and /settings or /unsubscribe in any other topic listed it as "paused: the
    topic is closed" for ever, with no topic left to send /unsubscribe in; /stats counted it
    among the paused topics. The bot asks Telegram whether a paused topic is still there
    before naming it; a deleted one's subscription ends, as when a post to it is refused."""
    climate, sport = await sport_paused(bot)
    [closed] = await say(bot, "/settings", None)  # closed, not deleted: still paused
    assert "topic “Sport” (paused: the topic is closed)" in closed.plain_text
    assert topic_sub(bot, sport).paused_at is not None

    bot.offline.delete_topic(FORUM, sport)
    [general] = await say(bot, "/unsubscribe", None)
    assert general.plain_text == (
        "The general topic has no subscription. Subscribed in this group: topic “Climate”. "
        "Send /unsubscribe there."
    )
    ended = topic_sub(bot, sport)
    assert not ended.active and ended.paused_at is None
    assert (ended.deactivated_reason or "").startswith(store.TOPIC_DELETED)
    counts = store.delivery_stats(bot.db, now=store.utcnow())
    assert (counts["paused_topics"], counts["deleted_topics"]) == (0, 1)
    assert topic_sub(bot, climate).active


async def bot_status(bot: Bot, new: str, old: str, *, by: int) -> None:
    """Change the bot's membership of the forum, as the user ``by`` did, and tell the bot."""
    bot.offline.my_chat_member(
        chat_id=FORUM,
        chat_type="supergroup",
        title="Readers' forum",
        new_status=new,
        old_status=old,
        user_id=by,
    )
    await bot.feed()


async def test_a_closed_topic_does_not_bring_the_bot_back_after_it_was_removed(
    bot: Bot,
) -> None:
    """The bot removed from a forum stopped every topic's subscription but a closed topic's,
    left paused: when a member added the bot back and the topic was reopened, its live posts
    came back with no administrator's /subscribe (a group's other subscriptions wait for one),
    and /stats counted it among the paused topics while the bot was out of the group."""
    climate, sport = await sport_paused(bot)

    await bot_status(bot, "kicked", "member", by=ADMIN)
    for thread in (climate, sport):
        stopped = topic_sub(bot, thread)
        assert not stopped.active and stopped.paused_at is None
        assert stopped.deactivated_reason == store.REMOVED
    assert store.delivery_stats(bot.db, now=store.utcnow())["paused_topics"] == 0

    await bot_status(bot, "member", "kicked", by=USER)
    bot.offline.reopen_topic(FORUM, sport, by=USER)
    await bot.feed()
    assert not topic_sub(bot, sport).active
    assert await posted_with(bot, "budget") == []
    [back] = await say(bot, "/subscribe", sport)  # an administrator brings it back
    assert back.message_thread_id == sport and "Live:" in back.plain_text
    assert topic_sub(bot, sport).active and topic_sub(bot, sport).mode == "live"


async def test_stats_asks_whether_paused_topics_are_still_there(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/stats counted a closed topic deleted since among the paused topics until /settings or
    /unsubscribe in the group asked Telegram. /stats asks too, for a few paused topics at a
    time (admin.STATS_TOPIC_CHECKS), and says how many it did not ask about."""
    monkeypatch.setattr(admin, "STATS_TOPIC_CHECKS", 1)
    climate, sport = await forum(bot)
    weather = bot.offline.add_topic(FORUM, "Weather")
    for thread in (sport, weather):
        await say(bot, "/subscribe live", thread)
        bot.offline.close_topic(FORUM, thread)
    await say(bot, "/subscribe live", climate)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert all(topic_sub(bot, t).paused_at is not None for t in (sport, weather))
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused topics: 2" in shown and "deleted topics: 0" in shown  # closed, still there
    assert "paused topics not checked: 1" in shown

    bot.offline.delete_topic(FORUM, sport)
    bot.offline.delete_topic(FORUM, weather)
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused topics: 1" in shown and "deleted topics: 1" in shown
    assert "paused topics not checked: 1" in shown
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused topics: 0" in shown and "deleted topics: 2" in shown
    assert "not checked" not in shown
    assert topic_sub(bot, climate).active


@pytest.mark.parametrize("mode", ["live", "08:00"])
async def test_a_closed_general_topic_pauses_the_groups_own_subscription(
    bot: Bot, mode: str
) -> None:
    """A digest to a forum whose General topic was closed was refused TOPIC_CLOSED at every
    run: the group never learnt why and the bot's admins got "Digest delivery failed" each
    time. The group's own subscription pauses as a closed topic's does, the group is told once
    in a topic the bot posts in, and Telegram's ``forum_topic_reopened`` in General resumes it."""
    climate, _ = await forum(bot)
    await say(bot, f"/subscribe {mode}", None)
    await say(bot, "/subscribe live", climate)
    bot.offline.close_general_topic(FORUM)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    if mode != "live":
        make_due(bot, None)
        render = digest_jobs.digest_render(bot.app.bot_data)
        assert delivery.enqueue_due(bot.db, store.utcnow(), render) == 1
    await deliver(bot)

    refused = [c for c in bot.offline.calls_to("sendMessage") if c.status == 400]
    assert [c.description for c in refused] == ["Bad Request: TOPIC_CLOSED"]
    general = topic_sub(bot, None)
    assert not general.active and general.paused_at is not None
    assert topic_sub(bot, climate).active
    sent = [m for m in bot.offline.sent(FORUM) if "Subscribed" not in m.plain_text]
    [notice] = [m for m in sent if "general topic" in m.plain_text]
    assert notice.message_thread_id == climate
    what = "Live posts" if mode == "live" else "Digests"
    assert f"{what} for the general topic are paused" in notice.plain_text
    assert "They resume by themselves when it is reopened" in notice.plain_text
    assert store.list_incidents(bot.db) == []  # the bot's admins are not told
    assert bot.app.bot_data.delivery_counts.paused == 1
    assert bot.app.bot_data.delivery_counts.failed == 0

    # The next run sends nothing to General and tells no one again.
    before = len(bot.offline.calls_to("sendMessage"))
    report(bot.db, "gazette", "budget")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot, after=timedelta(days=1))
    later = bot.offline.calls_to("sendMessage")[before:]
    assert [c.params.get("message_thread_id") for c in later] == [climate]
    assert all(c.status == 200 for c in later)

    # Reopened: Telegram's service message in General resumes it, saying nothing.
    before = len(bot.offline.sent(FORUM))
    bot.offline.reopen_general_topic(FORUM, by=ADMIN)
    await bot.feed()
    general = topic_sub(bot, None)
    assert general.active and general.paused_at is None and general.deactivated_reason is None
    assert bot.offline.sent(FORUM)[before:] == []
    if mode == "live":
        report(bot.db, "gazette", "harbour")
        await jobs.process_now(bot.app.bot_data)
        await deliver(bot)
        posted = bot.offline.sent(FORUM)[before:]
        assert {m.message_thread_id for m in posted} == {None, climate}
        assert "Harbour story" in posted[-1].plain_text  # General gets its posts again
    else:
        assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{general.id}"]

    # An admin may still write in a closed General topic: /subscribe there pauses at once,
    # and neither the bot's answers (refused there) nor an error reach the bot's admins.
    bot.offline.close_general_topic(FORUM)
    assert await say(bot, "/subscribe 09:00", None) == []
    assert await say(bot, "/settings", None) == []
    general = topic_sub(bot, None)
    assert general.time == "09:00" and not general.active and general.paused_at is not None
    assert store.list_incidents(bot.db) == []
    assert not [c for c in bot.offline.calls if c.status == 200 and c.chat_id == ADMIN]


async def paused_topic(bot: Bot, thread: int) -> Subscription:
    """Subscribe a topic of the forum, close it and pause its subscription, as the sender
    does when Telegram refuses a post there "TOPIC_CLOSED"; return the subscription."""
    await say(bot, "/subscribe live", thread)
    bot.offline.close_topic(FORUM, thread)
    assert store.pause_subscription(bot.db, topic_sub(bot, thread).id, "Topic_closed")
    return topic_sub(bot, thread)


async def test_stats_asks_about_the_paused_topics_it_can_ask_about(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group that turned its topics off keeps its other topics' subscriptions paused
    (``store.TOPICS_OFF``): /stats picked them among the paused topics to ask Telegram about,
    asked nothing (they are not closed topics), and counted them as asked. With one question
    per /stats and such a group, a closed topic deleted since was found a /stats in two, and
    "paused topics not checked: 1" was said each time."""
    monkeypatch.setattr(admin, "STATS_TOPIC_CHECKS", 1)
    _, sport = await forum(bot)
    await paused_topic(bot, sport)
    other = -1004004
    for thread in (11, 12):
        store.save_subscription(bot.db, other, "supergroup", thread_id=thread, time="08:00")
    _, merged = store.topics_turned_off(bot.db, other)
    assert len(merged) == 2
    bot.offline.delete_topic(FORUM, sport)
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "deleted topics: 1" in shown and "paused topics: 1" in shown  # the group's other
    assert "not checked" not in shown


async def test_stats_counts_a_paused_topic_it_got_no_answer_about_as_not_checked(
    bot: Bot,
) -> None:
    """/stats asked about a closed topic deleted since in a group where the bot may no longer
    send messages: Telegram answered the chat action "not enough rights", which says nothing
    of the topic, and /stats said every paused topic had been checked. Now a question with
    no answer about the topic is counted as not checked; a chat that removed the bot ends
    its paused topics' subscriptions, as a refused post does, and counts as deactivated."""
    _, sport = await forum(bot)
    await paused_topic(bot, sport)
    bot.offline.delete_topic(FORUM, sport)
    bot.offline.set_member(FORUM, bot.offline.bot_id, "restricted", can_send_messages=False)
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused topics: 1" in shown and "paused topics not checked: 1" in shown
    assert not topic_sub(bot, sport).active and topic_sub(bot, sport).paused_at is not None

    bot.offline.set_member(FORUM, bot.offline.bot_id, "kicked")
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused topics: 0" in shown and "deactivated chats: 1" in shown
    assert "not checked" not in shown
    gone = topic_sub(bot, sport)
    assert gone.paused_at is None and "kicked" in (gone.deactivated_reason or "")


@pytest.mark.parametrize(
    "answer",
    ["group chat was deactivated", "chat was deleted", "PEER_ID_INVALID", "user is deactivated"],
)
async def test_stats_ends_a_chat_telegram_says_is_gone_as_the_sender_does(
    bot: Bot, answer: str
) -> None:
    """The sender ends a chat's subscriptions on these answers; /stats' question about a
    paused topic did not know them (the handlers kept a list of their own), counted the
    topic as not checked and asked again at every /stats. One list now serves both."""
    _, sport = await forum(bot)
    await paused_topic(bot, sport)
    bot.offline.fail("sendChatAction", error=bad_request(answer), chat_id=FORUM, times=None)
    shown = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused topics: 0" in shown and "deactivated chats: 1" in shown
    assert "not checked" not in shown
    gone = topic_sub(bot, sport)
    assert gone.paused_at is None and answer.lower() in (gone.deactivated_reason or "").lower()
