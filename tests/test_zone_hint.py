"""A digest time set while the zone is the configured one because none was given: the reply
says once that times are in that zone, and how to give one (/settings tz and a city)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot import replies
from bot.i18n import LANGUAGES, translator
from bot.offline import SentMessage, bad_request
from digests import schedule, store
from digests.models import Subscription
from tests.test_bot import ADMIN, GROUP, USER, Bot, buttons
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture

CHANNEL = -1002001
HINT_EN = "Times are in UTC."


async def say_in(bot: Bot, text: str, language_code: str) -> list[SentMessage]:
    """Send text as a user whose Telegram app speaks ``language_code``."""
    before = len(bot.offline.sent(USER))
    bot.offline.user_message(text, user_id=USER, language_code=language_code)
    await bot.feed()
    return bot.offline.sent(USER)[before:]


async def test_a_brazilian_readers_first_subscribe_says_the_time_is_utc_and_how_to_change_it(
    bot: Bot,
) -> None:
    [reply] = await say_in(bot, "/subscribe todos os dias às 8h", "pt-br")
    text = reply.plain_text
    assert "08:00 (UTC)" in text
    assert "Os horários estão em UTC." in text
    assert "/settings tz São Paulo" in text and "botão “Fuso”" in text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.zone_hinted and not sub.timezone_given
    # The example, typed back, gives the zone: São Paulo's 08:00.
    await say_in(bot, "/settings tz São Paulo", "pt-br")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone == "America/Sao_Paulo" and sub.timezone_given


@pytest.mark.parametrize(
    ("code", "command", "said", "city"),
    [
        ("pl", "/subscribe 8:00", "Godziny są podane w strefie czasowej UTC.", "Warszawa"),
        ("de", "/subscribe 8:00", "Die Uhrzeiten sind in UTC angegeben.", "Berlin"),
        ("ru", "/subscribe 8:00", "Время указано в часовом поясе UTC.", "Москва"),
        ("uk", "/subscribe 8:00", "Час указано в часовому поясі UTC.", "Київ"),
        ("fa", "/subscribe 8:00", "زمان‌ها به وقت UTC است.", "تهران"),
        ("ar", "/subscribe 8:00", "الأوقات بتوقيت UTC.", "القاهرة"),
        ("en", "/subscribe", HINT_EN, "London"),
    ],
)
async def test_a_new_chats_first_subscribe_says_so_in_its_language_with_its_city(
    bot: Bot, code: str, command: str, said: str, city: str
) -> None:
    [reply] = await say_in(bot, command, code)
    assert said in reply.plain_text, reply.plain_text
    assert f"/settings tz {city}" in reply.plain_text
    # The city shown is one /settings tz takes.
    await say_in(bot, f"/settings tz {city}", code)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone == schedule.typed_zone(city) != "UTC"


def test_every_language_has_a_city_settings_tz_takes() -> None:
    assert set(replies.ZONE_EXAMPLES) == set(LANGUAGES)
    for code, city in replies.ZONE_EXAMPLES.items():
        assert schedule.typed_zone(city) != "UTC", code
        sub = Subscription(id=1, chat_id=1, chat_type="private")
        line = replies.zone_hint(translator(code), sub)
        assert f"/settings tz {city}" in line and "{" not in line, code


@pytest.mark.parametrize("command", ["/subscribe 08:00 Europe/Lisbon", "/subscribe 08:00 UTC"])
async def test_no_note_when_a_zone_was_given_utc_too(bot: Bot, command: str) -> None:
    [reply] = await bot.say(command)
    assert "Subscribed" in reply.plain_text and "Times are in" not in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone_given
    [page] = await bot.say("/settings time 09:00")
    assert "09:00" in page.plain_text and "Times are in" not in page.plain_text


async def test_the_note_is_said_once_not_on_later_changes(bot: Bot) -> None:
    [first] = await bot.say("/subscribe 07:00")
    assert HINT_EN in first.plain_text
    [again] = await bot.say("/subscribe 09:00")
    assert "09:00" in again.plain_text and "Times are in" not in again.plain_text
    [page] = await bot.say("/settings time 10:00")
    assert "10:00" in page.plain_text and "Times are in" not in page.plain_text
    await bot.say("/unsubscribe")
    [back] = await bot.say("/subscribe")
    assert "Subscribed" in back.plain_text and "Times are in" not in back.plain_text


async def test_live_posts_without_a_time_get_no_note_until_a_time_is_set(bot: Bot) -> None:
    [live] = await bot.say("/subscribe live")
    assert "Times are in" not in live.plain_text
    [kept] = await bot.say("/settings time 07:00")  # kept for digests: live posts have none
    assert "Times are in" not in kept.plain_text
    await bot.say("/settings mode digest")
    [page] = await bot.say("/settings time 07:30")
    assert HINT_EN in page.plain_text and "Or press the zone button" in page.plain_text
    [later] = await bot.say("/settings time 08:00")
    assert "Times are in" not in later.plain_text


async def test_the_time_button_says_it_once_on_the_page(bot: Bot) -> None:
    # A subscription made before the note existed (or whose note was never shown).
    store.save_subscription(bot.db, USER, "private")
    [shown] = await bot.say("/settings")
    assert "Times are in" not in shown.plain_text and "set:time" in buttons(shown)
    await bot.press("set:time", shown)
    edited = bot.offline.sent(USER)[-1]
    assert "12:00" in edited.plain_text and HINT_EN in edited.plain_text
    await bot.press("set:time", shown)
    assert "Times are in" not in bot.offline.sent(USER)[-1].plain_text


async def test_a_zone_given_by_button_or_text_first_means_no_note(bot: Bot) -> None:
    store.save_subscription(bot.db, USER, "private")
    [shown] = await bot.say("/settings")
    await bot.press("set:timezone", shown)  # UTC -> London, chosen
    await bot.press("set:timezone", shown)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone_given
    [page] = await bot.say("/settings time 06:00")
    assert "Times are in" not in page.plain_text


async def test_a_channel_is_told_how_to_set_its_zone_from_a_private_chat(bot: Bot) -> None:
    bot.offline.add_chat(
        CHANNEL, "channel", title="Paper", username="paper", bot_status="administrator"
    )
    bot.offline.set_member(CHANNEL, ADMIN, "administrator", can_post_messages=True)
    [ok] = await bot.say("/subscribe_channel @paper 07:00", user_id=ADMIN)
    assert HINT_EN in ok.plain_text
    assert "/settings @paper tz London" in ok.plain_text
    assert "zone button" not in ok.plain_text  # a channel's page has none
    [again] = await bot.say("/settings @paper time 08:00", user_id=ADMIN)
    assert "Times are in" not in again.plain_text


def test_migration_048_counts_a_zone_other_than_utc_as_given(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before="048_subscription_zone_given")
    old["subscriptions"].insert_all(
        [
            {"chat_id": 1, "chat_type": "private", "timezone": "Europe/Warsaw"},
            {"chat_id": 2, "chat_type": "private", "timezone": "UTC"},
        ]
    )
    old.conn.commit()
    old.conn.close()
    with store.open_db(db_path) as db:
        warsaw, utc = (store.find_subscription(db, chat) for chat in (1, 2))
    assert warsaw is not None and warsaw.timezone_given and not warsaw.zone_hinted
    assert utc is not None and not utc.timezone_given and not utc.zone_hinted


async def test_the_note_counts_as_shown_only_once_the_reply_went_out(bot: Bot) -> None:
    """A /subscribe whose reply Telegram refused (a group where the bot may not post, a
    BadRequest) marked the note shown: the subscriber never saw it, and no reply said it."""
    bot.offline.add_chat(GROUP, "supergroup", title="Muted")
    bot.offline.set_member(GROUP, USER, "administrator")
    bot.offline.set_member(GROUP, bot.offline.bot_id, "restricted", can_send_messages=False)
    bot.offline.group_message("/subscribe 08:00", chat_id=GROUP, user_id=USER)
    await bot.feed()
    muted = store.find_subscription(bot.db, GROUP)
    assert muted is not None and not muted.active and not muted.zone_hinted
    bot.offline.fail("sendMessage", error=bad_request("odd failure"), chat_id=USER)
    await bot.say("/subscribe 08:00")  # refused: the apology follows
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.active and not sub.zone_hinted
    [again] = await bot.say("/subscribe 09:00")
    assert HINT_EN in again.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.zone_hinted
