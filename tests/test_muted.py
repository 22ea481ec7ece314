"""Groups that stop the bot's posts for a while (members' "Send messages" off for the night,
the bot muted until some date): their subscriptions wait for the right and come back by
themselves. Through the real Application and the offline Telegram; the nights in simulated
wall-clock time (tests.support.simulate_days), so the JobQueue's checks and digests fire."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from bot import jobs, rights
from bot.app import build_application, running
from bot.config import Settings
from bot.offline import OfflineTelegram, SentMessage
from digests import live, store
from digests.models import Subscription
from tests.support import simulate_days
from tests.test_bot import ADMIN, USER, Bot
from tests.test_bot import bot as bot  # the fixtures
from tests.test_bot import settings as settings
from tests.test_live import deliver, report
from tests.test_topics import FORUM, forum, say, topic_sub

GROUP = -1005005
EVENING = datetime(2026, 11, 27, 21, 0, tzinfo=UTC)  # a Friday
REFUSED = "Bad Request: not enough rights to send text messages to the chat"


def at(hour: int, minute: int = 0) -> datetime:
    """Return a time of the night from EVENING (hours before 21 are the next morning's)."""
    day = EVENING if hour >= 21 else EVENING + timedelta(days=1)
    return day.replace(hour=hour, minute=minute)


async def until(moment: datetime) -> None:
    """Let the bot run (its jobs, its sender) until the wall clock reads moment."""
    await asyncio.sleep((moment - datetime.now(UTC)).total_seconds())


def night_bot(tmp_path: Path, offline: OfflineTelegram) -> Settings:
    offline.add_chat(ADMIN, "private", first_name="Admin")
    return Settings(token="123:ABC", admin_ids=frozenset({ADMIN}), database_path=tmp_path / "b.db")


def quiet_sources(bot: Bot) -> None:
    """Pause every source: the seeds and report()'s outlets are not polled, only saved to."""
    for source in store.list_sources(bot.db):
        store.set_paused(bot.db, source.id, True)


def tell(bot: Bot, outlet: str, key: str, changed: int = 0) -> None:
    """An outlet reports a story (its source not polled: see quiet_sources)."""
    report(bot.db, outlet, key, changed=changed)
    quiet_sources(bot)


def add_group(bot: Bot, chat_id: int = GROUP) -> None:
    """A supergroup where ADMIN is an administrator and the bot a plain member."""
    bot.offline.add_chat(chat_id, "supergroup", title="Readers")
    bot.offline.set_member(chat_id, ADMIN, "administrator")
    bot.offline.set_member(chat_id, USER, "member")


async def in_group(bot: Bot, text: str, user_id: int = ADMIN, chat_id: int = GROUP) -> None:
    bot.offline.group_message(text, chat_id=chat_id, user_id=user_id)
    await bot.feed()


def group_sub(bot: Bot, chat_id: int = GROUP) -> Subscription:
    sub = store.find_subscription(bot.db, chat_id)
    assert sub is not None
    return sub


def posted(offline: OfflineTelegram, chat_id: int) -> list[SentMessage]:
    """Return the stories the bot posted to a chat (not its replies, nor refused sends)."""
    return [
        m
        for m in offline.sent(chat_id)
        if " story" in m.plain_text and "Subscribed" not in m.plain_text
    ]


def asked(offline: OfflineTelegram, chat_id: int) -> int:
    """Return how many times the bot asked Telegram about its rights in a chat."""
    return sum(
        (c.params.get("chat_id"), c.params.get("user_id")) == (chat_id, offline.bot_id)
        for c in offline.calls_to("getChatMember")
    )


def test_a_forum_muted_for_the_night_gets_its_morning_digest(tmp_path: Path) -> None:
    """At 22:00 the forum turns "Send messages" off for its members (the bot one of them);
    at 23:00 a live post is refused, and the sender stops every subscription of the forum.
    Telegram tells the bot nothing when the forum allows messages again at 07:00: the 08:00
    digest of the other topic never came, nor anything after, until someone typed /subscribe
    again. Now the bot asks every half hour, resumes at the first check after 07:00, and the
    digest comes at 08:00 with the night's story; the live topic gets no post for a story of
    the night (live posts resume from then on)."""
    offline = OfflineTelegram()
    settings = night_bot(tmp_path, offline)

    async def night() -> None:
        app = build_application(settings, offline, workers=1)
        async with running(app):
            bot = Bot(app, offline)
            quiet_sources(bot)
            climate, sport = await forum(bot)
            await say(bot, "/subscribe live", climate)
            await say(bot, "/subscribe 08:00", sport)
            await until(at(22))
            offline.set_permissions(FORUM, can_send_messages=False)
            await until(at(23))
            tell(bot, "gazette", "bridge")
            await jobs.process_now(app.bot_data)
            await until(at(23, 5))
            refused = [c for c in offline.calls_to("sendMessage") if c.status == 400]
            assert [c.description for c in refused] == [REFUSED]
            assert not topic_sub(bot, climate).active and not topic_sub(bot, sport).active
            night_checks = asked(offline, FORUM)
            await until(at(7))
            assert asked(offline, FORUM) - night_checks <= 8 * 2 + 1  # every half hour
            offline.set_permissions(FORUM, can_send_messages=True)
            await until(at(7, 31))
            assert topic_sub(bot, climate).active and topic_sub(bot, sport).active
            await until(at(8, 5))
            sent = [m for m in offline.sent(FORUM) if m.message_thread_id == sport]
            [digest] = [m for m in sent if "Bridge story" in m.plain_text]
            assert digest.date >= at(8).timestamp()
            live_posts = [m for m in offline.sent(FORUM) if m.message_thread_id == climate]
            assert not any("Bridge story" in m.plain_text for m in live_posts)

    simulate_days(night(), EVENING)


def test_a_live_group_gets_the_stories_from_the_unmute_on_none_twice(tmp_path: Path) -> None:
    """A live group muted from 22:00 to 07:00: the story refused at 23:00 is not posted in
    the morning, the morning's new story is, and the evening's story that grew is edited,
    not posted again."""
    offline = OfflineTelegram()
    settings = night_bot(tmp_path, offline)

    async def night() -> None:
        app = build_application(settings, offline, workers=1)
        async with running(app):
            bot = Bot(app, offline)
            quiet_sources(bot)
            add_group(bot)
            await in_group(bot, "/subscribe live")
            await until(at(21, 5))
            tell(bot, "gazette", "bridge")
            await jobs.process_now(app.bot_data)
            await until(at(22))
            offline.set_permissions(GROUP, can_send_messages=False)
            await until(at(23))
            tell(bot, "gazette", "budget")
            await jobs.process_now(app.bot_data)
            await until(at(23, 5))
            assert not group_sub(bot).active
            await until(at(7))
            offline.set_permissions(GROUP, can_send_messages=True)
            await until(at(7, 45))
            assert group_sub(bot).active
            tell(bot, "gazette", "harbour")
            tell(bot, "courier", "bridge", changed=3)
            await jobs.process_now(app.bot_data)
            await until(at(7, 50) + live.EDIT_INTERVAL)

        titles = [m.plain_text.split(",")[0] for m in posted(offline, GROUP)]
        assert titles == ["Bridge story", "Harbour story"]
        [bridge] = posted(offline, GROUP)[:1]
        assert "also reported by 1 source" in bridge.plain_text  # edited in the morning

    simulate_days(night(), EVENING)


async def mute_and_refuse(bot: Bot, chat_id: int = GROUP) -> None:
    """Subscribe a group live, mute it for its members, and let the sender be refused."""
    add_group(bot, chat_id)
    await in_group(bot, "/subscribe live", chat_id=chat_id)
    bot.offline.set_permissions(chat_id, can_send_messages=False)
    report(bot.db, "gazette", f"bridge{chat_id}")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert not group_sub(bot, chat_id).active


async def test_a_bot_made_admin_during_the_mute_resumes_at_once(bot: Bot) -> None:
    """Administrators may post whatever the group's defaults: Telegram says the bot became
    one (``my_chat_member``) and its subscription resumes then, without waiting for a check."""
    await mute_and_refuse(bot)
    bot.offline.my_chat_member(
        chat_id=GROUP, chat_type="supergroup", new_status="administrator", old_status="member"
    )
    await bot.feed()
    assert group_sub(bot).active
    report(bot.db, "gazette", "harbour")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert "Harbour story" in posted(bot.offline, GROUP)[-1].plain_text


async def test_unsubscribe_during_the_mute_stops_the_subscription_for_good(bot: Bot) -> None:
    """An admin of a muted group sends /unsubscribe: it answered that there was no
    subscription (the bot could not say even that), and the posts came back with the right."""
    await mute_and_refuse(bot)
    await in_group(bot, "/unsubscribe")
    assert group_sub(bot).deactivated_reason == store.UNSUBSCRIBED
    bot.offline.set_permissions(GROUP, can_send_messages=True)
    assert await rights.check_waiting(bot.app, now=store.utcnow()) == 0
    assert not group_sub(bot).active


async def test_a_topic_unsubscribed_before_the_mute_stays_unsubscribed(bot: Bot) -> None:
    """Muting the group stops the subscriptions that were on; one its topic had ended
    (/unsubscribe there) keeps its reason, so the right back does not bring it back."""
    climate, sport = await forum(bot)
    await say(bot, "/subscribe live", climate)
    await say(bot, "/subscribe live", sport)
    await say(bot, "/unsubscribe", sport)
    assert topic_sub(bot, sport).deactivated_reason == store.UNSUBSCRIBED
    bot.offline.set_permissions(FORUM, can_send_messages=False)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert not topic_sub(bot, climate).active
    assert topic_sub(bot, sport).deactivated_reason == store.UNSUBSCRIBED

    bot.offline.set_permissions(FORUM, can_send_messages=True)
    assert await rights.check_waiting(bot.app, now=store.utcnow()) == 1
    assert topic_sub(bot, climate).active
    assert not topic_sub(bot, sport).active
    bot.offline.my_chat_member(  # nor does the bot made an administrator
        chat_id=FORUM, chat_type="supergroup", new_status="administrator", old_status="member"
    )
    await bot.feed()
    assert not topic_sub(bot, sport).active


async def test_a_private_chat_that_blocked_the_bot_never_resumes(bot: Bot) -> None:
    """A user who blocks the bot stops their subscription for good: unblocking it says
    nothing of wanting the digests back (they send /subscribe); the bot never asks."""
    await bot.say("/subscribe live")
    bot.offline.block_bot(USER)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert not group_sub(bot, USER).active
    bot.offline.add_chat(USER, "private", bot_status="member")  # unblocked
    later = store.utcnow() + timedelta(hours=2)
    assert await rights.check_waiting(bot.app, now=later) == 0
    bot.offline.user_message("hello", user_id=USER)
    await bot.feed()
    assert not group_sub(bot, USER).active
    assert asked(bot.offline, USER) == 0 and not bot.offline.calls_to("getChat")


async def test_the_checks_stop_after_the_limit_and_stats_say_so(bot: Bot) -> None:
    """A group muted for longer than RIGHTS_WAIT is asked no more: its subscription stays
    stopped with Telegram's reason, and /stats counts it apart from those still waiting."""
    await mute_and_refuse(bot)
    await mute_and_refuse(bot, GROUP - 1)
    now = store.utcnow()
    old = store.iso(now - store.RIGHTS_WAIT - timedelta(minutes=1))
    store.update_subscription(bot.db, group_sub(bot).id, stopped_at=old)
    [stats] = await bot.say("/stats", user_id=ADMIN)
    assert "chats waiting for the right to post: 1" in stats.plain_text
    assert "chats that waited too long to post: 1" in stats.plain_text

    bot.offline.set_permissions(GROUP, can_send_messages=True)
    bot.offline.set_permissions(GROUP - 1, can_send_messages=True)
    assert await rights.check_waiting(bot.app, now=now) == 1
    assert group_sub(bot, GROUP - 1).active
    assert asked(bot.offline, GROUP) == 0
    sub = group_sub(bot)
    assert not sub.active and sub.deactivated_reason is not None
    assert store.no_rights(sub.deactivated_reason)
    await in_group(bot, "anyone there?", user_id=USER)  # an update from it: not asked either
    assert asked(bot.offline, GROUP) == 0 and not group_sub(bot).active


async def test_a_restriction_that_ends_by_itself_resumes(bot: Bot) -> None:
    """The group's admins mute the bot until 07:00: Telegram sends no update when the
    restriction ends by itself. Asked before, the bot waits; asked after, it resumes."""
    add_group(bot)
    await in_group(bot, "/subscribe live")
    now = store.utcnow()
    ends = int((now + timedelta(hours=8)).timestamp())
    bot_id = bot.offline.bot_id
    bot.offline.set_member(GROUP, bot_id, "restricted", until_date=ends, can_send_messages=False)
    report(bot.db, "gazette", "bridge")
    await jobs.process_now(bot.app.bot_data)
    await deliver(bot)
    assert not group_sub(bot).active

    assert await rights.check_waiting(bot.app, now=now + timedelta(hours=1)) == 0
    assert not bot.offline.calls_to("getChat")  # the bot's own restriction said enough
    later = now + timedelta(hours=8, minutes=1)
    bot.offline.clock = later.timestamp
    assert await rights.check_waiting(bot.app, now=later) == 1
    assert group_sub(bot).active


async def test_a_message_in_a_waiting_group_checks_it_at_most_once_an_interval(
    bot: Bot,
) -> None:
    """A member's message shows the group is there: the bot asks at once, unless it asked
    less than CHECK_INTERVAL ago."""
    await mute_and_refuse(bot)
    await rights.check_waiting(bot.app)  # the next tick asks: still muted
    assert asked(bot.offline, GROUP) == 1
    bot.offline.set_permissions(GROUP, can_send_messages=True)
    await in_group(bot, "good morning", user_id=USER)
    assert asked(bot.offline, GROUP) == 1 and not group_sub(bot).active
    checked = bot.app.bot_data.rights_checked
    checked[GROUP] = store.utcnow() - rights.CHECK_INTERVAL  # half an hour later
    await in_group(bot, "good morning again", user_id=USER)
    assert asked(bot.offline, GROUP) == 2 and group_sub(bot).active


async def test_many_waiting_groups_are_asked_a_few_at_a_time(bot: Bot) -> None:
    """Sixty muted groups are asked over the half hour, two a minute, never all at once."""
    chats = [GROUP - n for n in range(60)]
    for chat_id in chats:
        add_group(bot, chat_id)
        bot.offline.set_permissions(chat_id, can_send_messages=False)
        store.save_subscription(bot.db, chat_id, "supergroup", mode="live")
        store.deactivate_subscription(bot.db, chat_id, REFUSED)
    now = store.utcnow()
    for minute in range(30):
        before = sum(asked(bot.offline, chat_id) for chat_id in chats)
        await rights.check_waiting(bot.app, now=now + timedelta(minutes=minute))
        assert sum(asked(bot.offline, chat_id) for chat_id in chats) - before == 2
    assert all(asked(bot.offline, chat_id) == 1 for chat_id in chats)


def test_groups_stopped_before_the_upgrade_wait_from_the_upgrade(db_path: Path) -> None:
    """A group whose subscription the old version stopped for one muted night (for good)
    waits for the right from the upgrade on, and comes back with it."""
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before="031_subscriptions_stopped_at")
    old.table("subscriptions").insert(
        {"chat_id": GROUP, "chat_type": "supergroup", "active": 0, "deactivated_reason": REFUSED}
    )
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    [waiting] = store.waiting_for_rights(db)
    assert waiting.chat_id == GROUP and waiting.stopped_at is not None
    later = store.utcnow() + store.RIGHTS_WAIT + timedelta(minutes=1)
    assert store.waiting_for_rights(db, now=later) == []
    db.close()
