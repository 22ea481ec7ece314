"""Subscriptions through the real Application and the offline Telegram: chats, groups, channels."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from telegram.ext import Job

from bot import digest_jobs, jobs, replies
from bot.app import build_application, running
from bot.config import Settings
from bot.i18n import english
from bot.offline import OfflineTelegram, SentMessage, migrated
from digests import delivery, process, store
from digests.bootstrap import open_database_async
from digests.models import ArticleIn, Subscription
from tests.support import instant_pacer, make_digest_due
from tests.test_bot import ADMIN, GROUP, USER, Bot, add_stories, buttons, texts
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture

CHANNEL = -1002001


async def group_say(bot: Bot, text: str, user_id: int = USER) -> list[SentMessage]:
    before = len(bot.offline.sent(GROUP))
    bot.offline.group_message(text, chat_id=GROUP, user_id=user_id)
    await bot.feed()
    return bot.offline.sent(GROUP)[before:]


async def test_subscribe_in_private_chat_schedules_a_job_and_shows_settings(bot: Bot) -> None:
    [reply] = await bot.say("/subscribe 07:30 climate -sport")
    assert "Subscribed" in reply.plain_text and "every day at 07:30" in reply.plain_text
    assert "climate" in reply.plain_text and "sport" in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == ("climate",) and sub.exclude == ("sport",)
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]
    [again] = await bot.say("/subscribe 08:15")
    assert "Subscription updated" in again.plain_text and "08:15" in again.plain_text
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]  # one job


async def test_subscribe_every_weekday_is_the_weekdays_frequency_not_two_keywords(
    bot: Bot,
) -> None:
    """ "every weekday at 8", as English speakers say it, kept "every" and "weekday" as
    keywords (the digest then found almost nothing) and stayed daily."""
    [reply] = await bot.say("/subscribe every weekday at 8")
    assert "Monday to Friday at 08:00" in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == () and sub.frequency == "weekdays"


async def test_subscribe_with_nothing_it_understands_changes_nothing_and_says_so(
    bot: Bot,
) -> None:
    await bot.say("/subscribe 07:30 climate")
    before = store.find_subscription(bot.db, USER)
    for typed in ("😀", "!! ?", "😀 , -"):
        [reply] = await bot.say(f"/subscribe {typed}")
        assert reply.plain_text.startswith(f"Nothing changed: “{typed}” is no time"), typed
        assert "Usage: /subscribe" in reply.plain_text
        assert "Subscription updated" not in reply.plain_text
    assert store.find_subscription(bot.db, USER) == before
    # Something it understands beside it: a change, as before.
    [reply] = await bot.say("/subscribe 😀 08:00")
    assert "Subscription updated" in reply.plain_text and "08:00" in reply.plain_text


async def test_subscribe_again_with_what_it_has_says_nothing_changed(bot: Bot) -> None:
    """/subscribe live on a live subscription (or the same time again) is no update."""
    await bot.say("/subscribe live")
    [again] = await bot.say("/subscribe live")
    assert again.plain_text.startswith("Subscribed already: nothing changed.")
    assert "Subscription updated" not in again.plain_text
    await bot.say("/subscribe 07:30")
    [same] = await bot.say("/subscribe 07:30")
    assert same.plain_text.startswith("Subscribed already: nothing changed.")
    [changed] = await bot.say("/subscribe 08:00")
    assert changed.plain_text.startswith("Subscription updated.")
    await bot.say("/language ru")
    [ru] = await bot.say("/subscribe 08:00")
    assert ru.plain_text.startswith("Подписка уже оформлена: ничего не изменилось.")


async def test_a_quoted_keyword_shows_quoted_on_the_settings_page(bot: Bot) -> None:
    """ "a, b" is one keyword: shown bare, it read as two."""
    [reply] = await bot.say('/subscribe "Paris, Texas" climate -"stock market"')
    assert 'Only about: "Paris, Texas", climate' in reply.plain_text
    assert 'Never about: "stock market"' in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == ("Paris, Texas", "climate")
    [page] = await bot.say("/settings")
    assert 'Only about: "Paris, Texas", climate' in page.plain_text


async def test_bad_time_gets_a_usage_line(bot: Bot) -> None:
    [reply] = await bot.say("/subscribe 25:99")
    assert "not a time of day" in reply.plain_text and "Usage: /subscribe" in reply.plain_text
    assert store.find_subscription(bot.db, USER) is None


async def test_keywords_are_words_and_a_time_is_a_time_wherever_it_stands(bot: Bot) -> None:
    await bot.say("/subscribe - ,")  # punctuation alone is no keyword
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == () and sub.exclude == ()
    await bot.say("/subscribe climate 09:30")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.time == "09:30" and sub.include == ("climate",)
    [two] = await bot.say("/subscribe 08:00 08:30")
    assert "Usage: /subscribe" in two.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.time == "09:30" and sub.include == ("climate",)
    await bot.say("/settings exclude -sport, -")  # written as /subscribe writes exclusions
    await bot.say("/settings include , energy")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.exclude == ("sport",) and sub.include == ("energy",)
    await bot.say("/settings include , -")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == ()


async def test_settings_keyboard_cycles_values_and_text_settings_validate(bot: Bot) -> None:
    [reply] = await bot.say("/settings")
    assert "no digest subscription" in reply.plain_text
    await bot.say("/subscribe")
    [shown] = await bot.say("/settings")
    assert "set:frequency" in buttons(shown) and "set:allegations" in buttons(shown)
    await bot.press("set:frequency", shown)
    await bot.press("set:allegations", shown)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.frequency == "weekdays" and sub.allegations
    edited = bot.offline.sent(USER)[-1]
    assert "Monday to Friday" in edited.plain_text
    await bot.press("set:timezone", shown)  # UTC, the default, is followed by London
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone == "Europe/London"
    keyboard = (bot.offline.sent(USER)[-1].reply_markup or {})["inline_keyboard"]
    assert "Zone Europe/London ▸" in [button["text"] for row in keyboard for button in row]
    [zone] = await bot.say("/settings tz asia/kolkata")
    assert "Asia/Kolkata" in zone.plain_text
    await bot.press("set:timezone", zone)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone == "Asia/Singapore"
    [bad] = await bot.say("/settings tz Mars/Olympus")
    assert bad.plain_text.startswith("Unknown time zone")
    [city] = await bot.say("/settings tz Москва")  # a city alone, in any of the bot's languages
    assert "Europe/Moscow" in city.plain_text
    await bot.say("/settings tz Asia/Singapore")
    for abbreviation in ("CET", "est"):  # refused as /subscribe does
        [refused] = await bot.say(f"/settings tz {abbreviation}")
        assert f"“{abbreviation}” is an abbreviation, not a time zone" in refused.plain_text
    for offset in ("UTC+3", "Etc/GMT-5"):
        [refused] = await bot.say(f"/settings tz {offset}")
        assert f"“{offset}” is an offset, not a time zone" in refused.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone == "Asia/Singapore"
    await bot.say("/settings include ai energy")
    await bot.say("/settings exclude -")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == ("ai", "energy") and sub.exclude == ()


async def test_unsubscribe_removes_the_job(bot: Bot) -> None:
    await bot.say("/subscribe")
    [reply] = await bot.say("/unsubscribe")
    assert "Unsubscribed" in reply.plain_text
    assert digest_jobs.scheduled_subscriptions(bot.app) == []
    [again] = await bot.say("/unsubscribe")
    assert "no digest subscription" in again.plain_text


async def test_in_groups_only_administrators_may_subscribe(bot: Bot) -> None:
    bot.offline.add_chat(GROUP, "supergroup", title="Readers")
    bot.offline.set_member(GROUP, USER, "member")
    bot.offline.set_member(GROUP, ADMIN, "administrator")
    [refused] = await group_say(bot, "/subscribe")
    assert "administrators" in refused.plain_text
    assert store.find_subscription(bot.db, GROUP) is None
    [ok] = await group_say(bot, "/subscribe 09:00", user_id=ADMIN)
    assert "Subscribed" in ok.plain_text
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None and sub.chat_type == "supergroup"
    # /settings, /unsubscribe (with or without the bot's name): one polite refusal each, no
    # page of buttons a member could only have refused; the admins' page has them.
    for command in ("/settings", "/settings@offline_news_bot time 11:00", "/unsubscribe"):
        [refused] = await group_say(bot, command)
        assert refused.plain_text == replies.group_admins_only(english())
        assert refused.reply_markup is None
    [page] = await group_say(bot, "/settings@offline_news_bot", user_id=ADMIN)
    assert "every day at 09:00" in page.plain_text and "set:time" in buttons(page)
    [pressed] = [b for b in buttons(page) if b == "set:time"]
    bot.offline.callback_query(pressed, message=page, user_id=USER, chat_id=GROUP)
    await bot.feed()
    answer = list(bot.offline.callback_answers.values())[-1]
    assert answer["text"] == replies.group_admins_only(english()) and answer["show_alert"]
    assert store.find_subscription(bot.db, GROUP) == sub


async def test_subscribe_posted_in_a_channel_subscribes_it(bot: Bot) -> None:
    bot.offline.add_chat(
        CHANNEL, "channel", title="News channel", username="newschannel", bot_status="administrator"
    )
    bot.offline.channel_post("/subscribe 06:00", chat_id=CHANNEL)
    await bot.feed()
    said = bot.offline.last_text(CHANNEL)
    assert "Subscribed" in said
    # A channel answers no /settings: the reply says how to change it from a private chat.
    assert "/settings @newschannel" in said and "/settings to change" not in said
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.chat_type == "channel" and sub.time == "06:00"


@pytest.mark.parametrize(
    ("post", "problem"),
    [
        ("/subscribe 25:00", "“25:00” is not a time of day"),
        ("/subscribe 08:00 UTC+3", "“UTC+3” is an offset, not a time zone"),
        ("/language xx", "I don't speak “xx”."),
        ("/language ru en", ""),
    ],
)
async def test_bad_arguments_posted_in_a_channel_get_the_usage_line(
    bot: Bot, post: str, problem: str
) -> None:
    """In a channel, commands come as channel posts, handled apart: a wrong argument there
    got the apology ("something went wrong on my side") instead of what was wrong."""
    bot.offline.add_chat(
        CHANNEL, "channel", title="News channel", username="newschannel", bot_status="administrator"
    )
    bot.offline.channel_post(post, chat_id=CHANNEL)
    await bot.feed()
    said = bot.offline.last_text(CHANNEL)
    assert said.startswith(problem) and f"Usage: /{post.split()[0][1:]}" in said, said
    assert store.find_subscription(bot.db, CHANNEL) is None
    assert bot.offline.sent(ADMIN) == []  # no error report to the admins


async def test_a_zone_typed_with_subscribe_is_the_zone_not_a_keyword(bot: Bot) -> None:
    [reply] = await bot.say("/subscribe 08:00 Europe/Paris")
    assert "08:00 (Europe/Paris)" in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone == "Europe/Paris" and sub.include == ()
    await bot.say("/subscribe climate asia/tokyo AC/DC")  # any order; the time stays
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.timezone) == ("08:00", "Asia/Tokyo")
    assert sub.include == ("climate", "AC/DC")
    [misspelt] = await bot.say("/subscribe 09:00 Europe/Pariss")
    assert misspelt.plain_text.startswith("Unknown time zone “Europe/Pariss”")
    assert "Usage: /subscribe" in misspelt.plain_text
    [offset] = await bot.say("/subscribe 09:00 UTC+3 energy")  # was zone UTC, keyword "UTC+3"
    assert offset.plain_text.startswith("“UTC+3” is an offset, not a time zone")
    # IANA's Etc/GMT+3 is UTC-3: taken for UTC+3, the digest came six hours off, said nowhere.
    [backwards] = await bot.say("/subscribe 09:00 Etc/GMT+3")
    assert backwards.plain_text.startswith("“Etc/GMT+3” is an offset, not a time zone")
    assert "Usage: /subscribe" in backwards.plain_text
    [abbreviation] = await bot.say("/subscribe 09:00 CET")
    assert abbreviation.plain_text.startswith("“CET” is an abbreviation, not a time zone")
    [two] = await bot.say("/subscribe Europe/Paris UTC")
    assert "Usage: /subscribe" in two.plain_text
    sub = store.find_subscription(bot.db, USER)  # neither refused command changed anything
    assert sub is not None and (sub.time, sub.timezone) == ("08:00", "Asia/Tokyo")


async def test_subscribe_reads_live_and_digest_wherever_they_stand(bot: Bot) -> None:
    [live] = await bot.say("/subscribe 08:00 live climate")  # "live" was a keyword here
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.mode == "live" and sub.include == ("climate",)
    assert "Live:" in live.plain_text and sub.time == "08:00"
    [back] = await bot.say("/subscribe digest")  # "digest" was a keyword, live stayed on
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.mode == "digest" and sub.include == ("climate",)
    assert "every day at 08:00" in back.plain_text
    [both] = await bot.say("/subscribe live 09:00 Digest")
    assert "Usage: /subscribe" in both.plain_text
    sub = store.find_subscription(bot.db, USER)  # the refused command changed nothing
    assert sub is not None and (sub.mode, sub.time) == ("digest", "08:00")


async def test_subscribe_reads_8h30_8am_and_a_frequency_word(bot: Bot) -> None:
    [reply] = await bot.say("/subscribe 8h30 weekdays Europe/Paris")
    assert "Monday to Friday at 08:30 (Europe/Paris)" in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.frequency, sub.include) == ("08:30", "weekdays", ())
    await bot.say("/subscribe climate 8pm Daily")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.frequency, sub.include) == (
        "20:00",
        "daily",
        ("climate",),
    )
    await bot.say("/settings time 7am")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.time == "07:00"
    [two] = await bot.say("/subscribe daily weekly")
    assert "Usage: /subscribe" in two.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.frequency == "daily"


async def test_a_time_written_without_a_colon_and_an_offset_written_as_a_signed_hour(
    bot: Bot,
) -> None:
    """ "/subscribe 0800" subscribed at the default time with the keyword "0800" (digests came
    out empty) and "/settings time 0800" was refused; "/subscribe 08:00 -5" (meant UTC-5)
    kept the zone and left out every story with the number 5, "+3" made "3" the only
    keyword, and "/settings tz +3" called it an unknown zone."""
    [reply] = await bot.say("/subscribe 0730 climate")
    assert "every day at 07:30 (UTC)" in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.include) == ("07:30", ("climate",))
    await bot.say("/subscribe 1999")  # no time of day: a year, kept as a keyword
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.include) == ("07:30", ("1999",))
    # A year of these days is a keyword too ("2026 elections" is not 20:26), unless on a
    # quarter hour, as evening digests are ("2030" is 20:30).
    year = store.utcnow().year
    await bot.say(f"/subscribe {year + 1} elections")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.time == "07:30"
    assert sub.include == (str(year + 1), "elections")  # the keywords given replace the old
    await bot.say("/subscribe 2030")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.time == "20:30"
    await bot.say("/settings include 1999")
    await bot.say("/settings time 1830")
    await bot.say("/settings quiet 2300-0700")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.quiet_start, sub.quiet_end) == (
        "18:30",
        "23:00",
        "07:00",
    )
    for offset in ("-5", "+3", "+10"):
        [refused] = await bot.say(f"/subscribe 08:00 {offset}")
        assert refused.plain_text.startswith(f"“{offset}” is an offset, not a time zone")
        [refused] = await bot.say(f"/settings tz {offset}")
        assert refused.plain_text.startswith(f"“{offset}” is an offset, not a time zone")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.timezone, sub.include, sub.exclude) == (
        "18:30",
        "UTC",
        ("1999",),
        (),
    )


async def test_a_time_written_8h_or_8_pm_and_a_zone_with_a_space(bot: Bot) -> None:
    [hour] = await bot.say("/subscribe 7 climate")  # "7" was a keyword
    assert "every day at 07:00" in hour.plain_text
    [late] = await bot.say("/subscribe 25")
    assert "not a time of day" in late.plain_text
    [reply] = await bot.say("/subscribe 8 pm climate")  # "pm" was a keyword
    assert "every day at 20:00" in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.include) == ("20:00", ("climate",))
    await bot.say("/subscribe Europe/Paris 8h")  # as French writes 08:00
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.timezone) == ("08:00", "Europe/Paris")
    assert sub.include == ("climate",)
    [zone] = await bot.say("/settings tz America/New York")  # was "Give one time zone"
    assert "America/New_York" in zone.plain_text
    [time] = await bot.say("/settings time 8:30 pm")  # was "Give one time of day"
    assert "every day at 20:30" in time.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.timezone) == ("20:30", "America/New_York")


async def test_a_weekly_digest_day_is_set_by_its_name(bot: Bot) -> None:
    [reply] = await bot.say("/subscribe friday 18:00")  # "friday" was a keyword
    assert "every Friday at 18:00" in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.frequency, sub.weekday, sub.include) == ("weekly", 4, ())
    await bot.say("/settings frequency weekly Tue")  # was "Give one frequency"
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.frequency, sub.weekday) == ("weekly", 1)
    await bot.say("/subscribe Sun")  # an abbreviation is a keyword here (the newspaper)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.weekday, sub.include) == (1, ("Sun",))
    [both] = await bot.say("/subscribe daily sunday")
    assert "Usage: /subscribe" in both.plain_text
    await bot.say("/language ru")
    [russian] = await bot.say("/subscribe воскресенье")  # the day as the bot writes it in Russian
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.frequency, sub.weekday) == ("weekly", 6)
    assert "воскресенье" in russian.plain_text


async def test_quiet_hours_as_people_write_them(bot: Bot) -> None:
    await bot.say("/subscribe live")
    written = {"23-7": ("23:00", "07:00"), "11 pm - 7 am": ("23:00", "07:00")}
    written |= {"10pm-6am": ("22:00", "06:00"), "22:30 – 06:00": ("22:30", "06:00")}
    for typed, hours in written.items():
        [page] = await bot.say(f"/settings quiet {typed}")  # the first two were refused
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (sub.quiet_start, sub.quiet_end) == hours, typed
        assert f"Quiet hours: {hours[0]}–{hours[1]}" in page.plain_text
    await bot.say("/settings quiet OFF")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.quiet_start, sub.quiet_end) == (None, None)


async def test_settings_key_and_value_joined_by_a_colon_or_equals(bot: Bot) -> None:
    await bot.say("/subscribe")
    await bot.say("/settings time: 07:30")  # was the list of settings, nothing changed
    await bot.say("/settings TZ=Europe/Paris")
    await bot.say("/settings stories:3")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.timezone, sub.stories) == ("07:30", "Europe/Paris", 3)


async def test_a_hashtag_is_its_word_as_a_keyword(bot: Bot) -> None:
    """ "/subscribe #climate", as Telegram's users name a subject, kept "#climate", which no
    article writes: the digest came out empty, while "/search #climate" found the stories."""
    add_stories(bot.db, 2, topic="glacier")
    add_stories(bot.db, 3, topic="tennis")
    [reply] = await bot.say("/subscribe 08:00 #glacier, #tennis -#football")
    assert "Only about: glacier, tennis" in reply.plain_text
    assert "Never about: football" in reply.plain_text
    await bot.say("/settings exclude #tennis")
    digest = texts(await bot.say("/digest"))
    assert "Story 0 glacier" in digest and "tennis" not in digest


async def test_quoted_phrases_and_plus_signs_are_keywords_not_punctuation(bot: Bot) -> None:
    await bot.say('/subscribe "climate change" +energy -"world cup" «Trump tariffs»')
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    assert sub.include == ("climate change", "energy", "Trump tariffs")
    assert sub.exclude == ("world cup",)
    await bot.say("/subscribe energy Energy ENERGY, climate")  # each keyword once
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == ("energy", "climate")
    await bot.say('/settings exclude -"world cup" -sport Sport "')
    await bot.say("/settings include +climate")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.include, sub.exclude) == (("climate",), ("world cup", "sport"))
    await bot.say("/settings include energy -football")  # "-football" was an include keyword
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.include, sub.exclude) == (("energy",), ("football",))
    [bare] = await bot.say("/settings include")  # cleared the keywords without a word
    assert "Usage: /settings" in bare.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.include, sub.exclude) == (("energy",), ("football",))
    await bot.say("/settings include -")  # the way the page gives to clear
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.include == ()


@pytest.mark.parametrize("typed", ['"', "😀", ",", "…", "«»"])
@pytest.mark.parametrize("key", ["include", "exclude"])
async def test_settings_keywords_without_a_word_are_refused_not_cleared(
    bot: Bot, key: str, typed: str
) -> None:
    """A lone quote or an emoji holds no keyword: it cleared every keyword, said nowhere
    but in the page's "anything". Only "-" clears them, as the page says."""
    await bot.say("/subscribe climate -sport")
    [refused] = await bot.say(f"/settings {key} {typed}")
    assert refused.plain_text.startswith("Keywords are words or numbers: /settings ")
    assert f"/settings {key} - to clear them" in refused.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.include, sub.exclude) == (("climate",), ("sport",))
    await bot.say(f"/settings {key} -")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and getattr(sub, key) == ()


async def test_subscribe_channel_by_its_id_in_persian_digits(bot: Bot) -> None:
    """A channel's numeric id typed on a Persian keyboard named no chat Telegram knows."""
    bot.offline.add_chat(
        CHANNEL, "channel", title="Paper", username="paper", bot_status="administrator"
    )
    bot.offline.set_member(CHANNEL, ADMIN, "administrator", can_post_messages=True)
    typed = str(CHANNEL).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    [ok] = await bot.say(f"/subscribe_channel {typed} ۰۷:۰۰", user_id=ADMIN)
    assert "Paper is subscribed" in ok.plain_text, ok.plain_text
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.time == "07:00"


async def test_subscribe_channel_takes_a_zone_and_keywords_and_keeps_its_time(bot: Bot) -> None:
    bot.offline.add_chat(
        CHANNEL, "channel", title="Paper", username="paper", bot_status="administrator"
    )
    bot.offline.set_member(CHANNEL, ADMIN, "administrator", can_post_messages=True)
    [ok] = await bot.say("/subscribe_channel @paper 07:00 Asia/Tokyo energy -sport", user_id=ADMIN)
    assert "Paper is subscribed" in ok.plain_text and "07:00 (Asia/Tokyo)" in ok.plain_text
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and (sub.time, sub.timezone) == ("07:00", "Asia/Tokyo")
    assert (sub.include, sub.exclude) == (("energy",), ("sport",))
    await bot.say("/subscribe_channel @paper live", user_id=ADMIN)
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.mode == "live"
    assert (sub.time, sub.timezone, sub.include) == ("07:00", "Asia/Tokyo", ("energy",))
    await bot.say("/subscribe_channel @paper climate", user_id=ADMIN)  # was made digest again
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and (sub.mode, sub.include) == ("live", ("climate",))
    await bot.say("/subscribe_channel @paper 08:00", user_id=ADMIN)  # a time: digests
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and (sub.mode, sub.time) == ("digest", "08:00")


async def test_subscribe_channel_takes_the_channels_link(bot: Bot) -> None:
    bot.offline.add_chat(
        CHANNEL, "channel", title="Paper", username="paper", bot_status="administrator"
    )
    bot.offline.set_member(CHANNEL, ADMIN, "creator")
    [ok] = await bot.say("/subscribe_channel https://t.me/paper 07:00", user_id=ADMIN)
    assert "Paper is subscribed" in ok.plain_text
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.time == "07:00"
    await bot.say("/subscribe_channel t.me/paper/ 09:00", user_id=ADMIN)
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.time == "09:00"


async def test_a_channels_owner_subscribes_changes_sees_and_stops_it_from_a_private_chat(
    bot: Bot,
) -> None:
    """An administrator of a channel who is none of the bot's admins subscribes it, sees and
    changes its subscription and stops it, from their chat with the bot; Telegram is asked at
    each command. A reader of the channel and a bot admin who does not administer it are
    refused, and nothing changes."""
    owner, reader = USER, 2002
    bot.offline.add_chat(
        CHANNEL, "channel", title="Paper", username="paper", bot_status="administrator"
    )
    bot.offline.set_member(CHANNEL, owner, "administrator")
    bot.offline.set_member(CHANNEL, reader, "member")
    bot.offline.add_chat(reader, "private")
    [menu] = await bot.say("/help")  # listed for everyone, in /help and the published menus
    assert "/subscribe_channel @channel" in menu.plain_text
    for call in bot.offline.calls_to("setMyCommands"):
        assert "subscribe_channel" in {c["command"] for c in call.params["commands"]}
    await bot.say("/subscribe 08:00")  # the owner's own subscription, left alone below
    [ok] = await bot.say("/subscribe_channel @paper 07:00 climate")
    assert ok.plain_text.startswith("Paper is subscribed.")
    assert "/settings @paper time 07:30" in ok.plain_text  # how to change it from here
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and (sub.time, sub.include, sub.user_id) == (
        "07:00",
        ("climate",),
        owner,
    )
    [page] = await bot.say("/settings @paper")
    assert page.plain_text.startswith("Paper\n") and "07:00" in page.plain_text
    assert page.reply_markup is None  # buttons here would change this chat's subscription
    [changed] = await bot.say("/settings https://t.me/paper time 09:30")
    assert "09:30" in changed.plain_text
    await bot.say(f"/settings {CHANNEL} tz Asia/Tokyo")
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and (sub.time, sub.timezone) == ("09:30", "Asia/Tokyo")
    mine = store.find_subscription(bot.db, owner)
    assert mine is not None and (mine.time, mine.timezone) == ("08:00", "UTC")

    # A reader of the channel, and a bot admin who does not administer it: refused.
    for user in (reader, ADMIN):
        for command in ("/settings @paper time 10:00", "/unsubscribe @paper"):
            [refused] = await bot.say(command, user_id=user)
            assert refused.plain_text == (
                "You are not an administrator of @paper: only its administrators can change "
                "or stop its subscription."
            )
        [refused] = await bot.say("/subscribe_channel @paper 10:00 sport", user_id=user)
        assert refused.plain_text.startswith("You are not an administrator of @paper")
    # The owner stepped down: Telegram is asked at the time of the command.
    bot.offline.set_member(CHANNEL, owner, "member")
    [stepped_down] = await bot.say("/unsubscribe @paper")
    assert stepped_down.plain_text.startswith("You are not an administrator of @paper")
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.active
    assert (sub.time, sub.timezone, sub.include) == ("09:30", "Asia/Tokyo", ("climate",))

    bot.offline.set_member(CHANNEL, owner, "creator")
    [stopped] = await bot.say("/unsubscribe @paper")
    assert stopped.plain_text.startswith("Unsubscribed @paper")
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active
    mine = store.find_subscription(bot.db, owner)
    assert mine is not None and mine.active  # not the chat it was sent in
    [again] = await bot.say("/unsubscribe @paper")
    assert again.plain_text.startswith("@paper has no subscription.")


async def test_words_after_unsubscribe_or_settings_that_name_no_channel_stop_nothing(
    bot: Bot,
) -> None:
    """ "/unsubscribe sport" (meaning "no more sport") or "/settings -5" name no channel: the
    first is refused with its usage and the subscription stays; the second is read as this
    chat's settings, and Telegram is not asked for a chat "-5". A channel's id still names
    it."""
    await bot.say("/subscribe 08:00 climate")
    for word in ("sport", "-5", "-100"):
        [refused] = await bot.say(f"/unsubscribe {word}")
        assert refused.plain_text == (
            f"“{word}” names no channel, so nothing was stopped. /unsubscribe alone stops this "
            "chat's subscription; /settings exclude WORDS leaves stories out.\n"
            "Usage: /unsubscribe [@channel]"
        )
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.active
    [page] = await bot.say("/settings -5")
    assert page.plain_text.startswith("Settings: time HH:MM")
    assert not bot.offline.calls_to("getChat")
    [named] = await bot.say(f"/unsubscribe {CHANNEL}")
    assert named.plain_text.startswith(f"I can't find {CHANNEL}.")  # asked of Telegram
    assert bot.offline.calls_to("getChat")
    [stopped] = await bot.say("/unsubscribe")
    assert stopped.plain_text.startswith("Unsubscribed.")


async def test_a_chat_reads_times_in_the_zone_it_subscribed_in(bot: Bot) -> None:
    [before] = await bot.say("/latest 1")
    assert "6 Sept 2024 00:00 UTC" in before.plain_text  # the seeded story
    await bot.say("/subscribe 08:00 Asia/Kolkata")
    [after] = await bot.say("/latest 1")
    assert "6 Sept 2024 05:30 UTC+5:30" in after.plain_text
    assert "UTC+5:30" in (await bot.say("/digest"))[0].plain_text
    [other] = await bot.say("/latest 1", user_id=ADMIN)  # another chat, no zone: UTC
    assert "6 Sept 2024 00:00 UTC" in other.plain_text
    # The scheduled digest is written in its subscription's zone.
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    tr = bot.app.bot_data.translator(USER)
    assert tr.in_zone(sub.timezone).time(store.utcnow()).endswith("UTC+5:30")
    await bot.say("/unsubscribe")  # a stopped subscription's zone is still the chat's
    assert "05:30 UTC+5:30" in (await bot.say("/latest 1"))[0].plain_text


async def test_a_chat_s_zone_is_its_topic_s_else_its_own_else_its_first_topic_s(bot: Bot) -> None:
    db = bot.db
    assert store.chat_timezone(db, GROUP) is None
    store.save_subscription(db, GROUP, "supergroup", thread_id=7, timezone="Asia/Tokyo")
    store.save_subscription(db, GROUP, "supergroup", thread_id=9, timezone="Europe/Kyiv")
    assert store.chat_timezone(db, GROUP) == "Asia/Tokyo"  # the oldest topic's
    assert store.chat_timezone(db, GROUP, 9) == "Europe/Kyiv"
    store.save_subscription(db, GROUP, "supergroup", timezone="Europe/Madrid")
    assert store.chat_timezone(db, GROUP) == "Europe/Madrid"  # the chat's own
    assert store.chat_timezone(db, GROUP, 7) == "Asia/Tokyo"
    assert store.chat_timezone(db, GROUP, 8) == "Europe/Madrid"  # a topic with none


async def test_an_empty_digest_says_what_keeps_stories_out(bot: Bot) -> None:
    """/digest shows the top stories when nothing is new; when none passes the chat's
    filters it names them (an empty database: no story at all)."""
    tr = english()
    unfiltered = Subscription(id=0, chat_id=1, chat_type="private")
    assert replies.no_matching_stories(tr, unfiltered).startswith("No stories yet.")
    await bot.say("/subscribe 08:00")
    await bot.say("/settings languages ru")  # the seeded story is English
    [languages] = await bot.say("/digest")
    assert languages.plain_text == "No stories in this chat's languages yet."
    await bot.say("/settings include climate")
    [both] = await bot.say("/digest")
    assert both.plain_text == "No stories match this chat's keywords in its languages yet."
    await bot.say("/settings languages all")
    [keywords] = await bot.say("/digest")
    assert keywords.plain_text == "No stories match this chat's keywords yet."
    # The seeded story's keyword in a language left out: the keywords were blamed alone.
    await bot.say("/settings include Telegram")
    assert "Telegram" in texts(await bot.say("/digest"))
    await bot.say("/settings languages de")
    [language] = await bot.say("/digest")
    assert language.plain_text == "No stories match this chat's keywords in its languages yet."


async def test_subscribe_channel_checks_the_bot_can_post(bot: Bot) -> None:
    [missing] = await bot.say("/subscribe_channel @nowhere", user_id=ADMIN)
    assert "can't find @nowhere" in missing.plain_text
    # A private channel the bot is not in is not found; a public one says the bot is no admin.
    bot.offline.add_chat(-1002777, "channel", title="Secret", bot_status="left")
    [hidden] = await bot.say("/subscribe_channel -1002777", user_id=ADMIN)
    assert "can't find -1002777" in hidden.plain_text
    bot.offline.add_chat(-1002778, "channel", title="Open", username="open", bot_status="left")
    [outside] = await bot.say("/subscribe_channel https://t.me/open", user_id=ADMIN)
    assert outside.plain_text.startswith("I am not an administrator of @open.")
    bot.offline.add_chat(CHANNEL, "channel", title="Paper", username="paper", bot_status="member")
    [not_admin] = await bot.say("/subscribe_channel @paper", user_id=ADMIN)
    assert "not an administrator" in not_admin.plain_text
    bot.offline.add_chat(
        CHANNEL,
        "channel",
        title="Paper",
        username="paper",
        bot_status="administrator",
        can_post_messages=False,
    )
    [no_post] = await bot.say("/subscribe_channel @paper", user_id=ADMIN)
    assert "Post messages" in no_post.plain_text
    bot.offline.add_chat(
        CHANNEL,
        "channel",
        title="Paper",
        username="paper",
        bot_status="administrator",
        can_post_messages=True,
    )
    # A bot admin who does not administer the channel, by its name, link or id: refused.
    for name in ("@paper", "https://t.me/paper", str(CHANNEL)):
        [yours] = await bot.say(f"/subscribe_channel {name} 07:00", user_id=ADMIN)
        assert yours.plain_text.startswith("You are not an administrator of")
    bot.offline.set_member(CHANNEL, ADMIN, "member")  # a reader of it: still refused
    [reader] = await bot.say("/subscribe_channel @paper 07:00", user_id=ADMIN)
    assert reader.plain_text == (
        "You are not an administrator of @paper: only its administrators can subscribe it."
    )
    assert store.find_subscription(bot.db, CHANNEL) is None
    bot.offline.set_member(CHANNEL, ADMIN, "administrator")
    [ok] = await bot.say("/subscribe_channel @paper 07:00", user_id=ADMIN)
    assert "Paper is subscribed" in ok.plain_text
    assert store.find_subscription(bot.db, CHANNEL) is not None
    # Anyone who administers the channel may subscribe it; anyone else is refused.
    [refused] = await bot.say("/subscribe_channel @paper")
    assert refused.plain_text.startswith("You are not an administrator of @paper")


async def test_digest_job_sends_new_stories_once_through_the_outbox(bot: Bot) -> None:
    await bot.say("/subscribe 08:00")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    now = store.utcnow()
    # Make the slot due: the last one was yesterday, the next has passed a minute ago.
    make_digest_due(bot.db, sub.id, now)
    store.save_articles(
        bot.db,
        None,
        [
            ArticleIn(
                "https://n.example/1", "Harbour bridge reopens", "The bridge reopened today. " * 12
            )
        ],
    )
    from bot import jobs

    await jobs.process_now(bot.app.bot_data)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    before = len(bot.offline.sent(USER))
    job = _unscheduled(sub.id)
    await digest_jobs.digest_job(_Context(bot, job))
    sender = bot.app.bot_data.sender
    assert sender is not None
    await sender.drain()
    new = bot.offline.sent(USER)[before:]
    assert "Harbour bridge reopens" in texts(new)
    # The same slot again: nothing more.
    await digest_jobs.digest_job(_Context(bot, job))
    await sender.drain()
    assert bot.offline.sent(USER)[before:] == new
    stats = texts(await bot.say("/stats", user_id=ADMIN))
    assert "deliveries sent 24h: 1" in stats and "subscribers private: 1" in stats


async def test_a_digest_promises_no_page_it_cannot_turn(bot: Bot) -> None:
    """A daily digest of 5 ended "Showing 1–5 of 8." under no "More" button, counting new
    stories the reader had no way to reach (and once the seed of 2024, which /latest leaves
    out). A digest is the size its chat chose, sent on a schedule (to channels too, where no
    reader can send a command): it shows its stories and promises no further page."""
    await bot.say("/subscribe 08:00")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.stories == 5
    now = store.utcnow()
    make_digest_due(bot.db, sub.id, now)
    # Fetched by an earlier poll: a digest's stories are those fetched since its previous
    # digest, and times are kept to the second, so stories fetched in the very second of the
    # digest would count as new for the next one too (the 3 left out: 3 or 5 stories in the
    # /digest below, as the clock's second turned or not between the two steps).
    add_stories(bot.db, 8, topic="harbour", fetched=now - timedelta(minutes=1))
    before = len(bot.offline.sent(USER))
    job = _unscheduled(sub.id)
    await digest_jobs.digest_job(_Context(bot, job))
    sender = bot.app.bot_data.sender
    assert sender is not None
    await sender.drain()
    sent = bot.offline.sent(USER)[before:]
    assert "Your daily digest" in texts(sent) and texts(sent).count("/story_") == 5
    assert "Showing" not in texts(sent) and not any(buttons(m) for m in sent)
    # Nothing new since: /digest shows the top 5 of the 9 stories, promising no page either.
    shown = await bot.say("/digest")
    assert texts(shown).count("/story_") == 5 and "Showing" not in texts(shown)
    # 3 stories fetched after the digest: /digest shows the chat's next digest, those 3.
    fresh = add_stories(bot.db, 3, topic="quay")
    shown = await bot.say("/digest")
    assert sorted(_story_ids(shown)) == sorted(fresh) and "Showing" not in texts(shown)


def _story_ids(messages: list[SentMessage]) -> list[int]:
    """Return the stories a digest's messages link to (their /story_N commands), in order."""
    return [int(n) for n in re.findall(r"/story_(\d+)", texts(messages))]


def _unscheduled(sub_id: int) -> Job[Any]:
    """A digest job for a subscription, never scheduled: run_once(when=0) on the running
    queue could also fire by itself while the test awaits, sending the digest twice."""
    return Job(digest_jobs.digest_job, data=sub_id)


class _Context:
    """The parts of a job's CallbackContext that digest_job reads."""

    def __init__(self, bot: Bot, job: object) -> None:
        self.job = job
        self.bot_data = bot.app.bot_data
        self.application = bot.app


async def test_digest_command_shows_this_chats_digest_now(bot: Bot) -> None:
    replies = await bot.say("/digest")
    assert "Telegram CEO Takes Aim at Crime" in texts(replies)


async def test_a_digest_missed_while_down_is_sent_once_on_start(settings: Settings) -> None:
    now = store.utcnow()
    db = await open_database_async(settings.database_path)
    sub = store.save_subscription(
        db,
        USER,
        "private",
        now=now - timedelta(days=3),
        time=(now - timedelta(hours=2)).strftime("%H:%M"),
        last_slot=store.iso(now - timedelta(days=3)),
        last_digest_at=store.iso(now - timedelta(days=3)),
    )
    store.save_articles(
        db,
        None,
        [ArticleIn("https://n.example/2", "Council passes budget", "The council voted. " * 15)],
    )
    await process.process_pending(db, workers=1)
    db.close()
    for _ in range(2):  # two starts: the missed digest goes out on the first only
        offline = OfflineTelegram()
        offline.add_chat(USER, "private", first_name="Alice")
        app = build_application(settings, offline, workers=1, pacer=instant_pacer())
        async with running(app):
            assert app.bot_data.sender is not None
            catching_up = app.bot_data.catch_up_task  # written after the start, a turn each
            assert catching_up is not None
            assert await catching_up == (1 if _ == 0 else 0)
            await app.bot_data.sender.drain()
            sent = texts(offline.sent(USER))
        assert ("Council passes budget" in sent) == (_ == 0)
    db = await open_database_async(settings.database_path)
    assert len(list(db.query("select 1 from outbox where subscription_id = ?", [sub.id]))) == 1
    db.close()


async def test_start_button_subscribes_with_the_defaults(bot: Bot) -> None:
    [welcome] = await bot.say("/start")
    assert "sub:start" in buttons(welcome)
    [reply] = await bot.press("sub:start", welcome)
    assert "Subscribed" in reply.plain_text and "08:00" in reply.plain_text
    assert store.find_subscription(bot.db, USER) is not None


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("cap 0", "Live posts an hour: a whole number from 1 to 60: /settings cap 5"),
        ("cap many", "Live posts an hour: a whole number from 1 to 60"),
        ("mode foo", "The mode is digest or live: /settings mode live"),
        ("pictures huge", "Pictures are off, preview or photo: /settings pictures photo"),
        ("quiet 23:00", "Quiet hours are two times, from and to, or off"),
        ("stories 0", "Stories per digest: a whole number from 1 to 20"),
        ("time", "Give one time of day, HH:MM: /settings time 07:30"),
        ("timezone", "Give one time zone: /settings tz Europe/Berlin"),
        ("frequency daily weekly", "Give one frequency, daily, weekdays, hourly or weekly"),
        ("lang", "Give language codes, or all: /settings languages ru en"),
    ],
)
async def test_settings_says_what_a_key_takes_when_its_value_is_wrong(
    bot: Bot, typed: str, problem: str
) -> None:
    await bot.say("/subscribe 08:00")
    before = store.find_subscription(bot.db, USER)
    [reply] = await bot.say(f"/settings {typed}")
    first, usage = reply.plain_text.split("\n", 1)
    assert first.startswith(problem)
    assert "Settings: time HH:MM" not in reply.plain_text  # not the generic help
    assert usage.startswith("Usage: /settings [")
    assert store.find_subscription(bot.db, USER) == before  # nothing changed


async def test_settings_help_and_usage_name_every_key(bot: Bot) -> None:
    await bot.say("/subscribe 08:00")
    [unknown] = await bot.say("/settings colour blue")
    assert unknown.plain_text.startswith("Settings: time HH:MM")  # an unknown key: the list
    help_text = texts(await bot.say("/help"))
    [page] = await bot.say("/settings")
    for key in ("time", "tz", "frequency", "stories", "include", "exclude", "languages", "mode"):
        assert f"{key} " in unknown.plain_text.split("Usage:")[1], key
        assert "/settings [" in help_text and key in help_text.split("/settings [")[1], key
    for key in ("pictures", "quiet", "cap"):
        assert key in unknown.plain_text.split("Usage:")[1] and key in help_text, key
    for example in ("/settings frequency weekdays", "/settings stories 5", "/settings pictures"):
        assert example in page.plain_text


# Three stories, one in each language, long enough for the detector to be sure of it.
STORIES_IN = {
    "ru": (
        "Мост через Неву открыт после ремонта",
        "Разводной мост через Неву снова открыт для машин и пешеходов после долгого ремонта. "
        "Городские власти говорят, что работы закончились на две недели раньше срока, а "
        "движение по набережной уже восстановлено полностью.",
    ),
    "en": (
        "Harbour football club wins the cup",
        "The harbour football club won the national cup on Saturday after a tense final that "
        "went to penalties. Thousands of fans filled the streets of the old town to celebrate "
        "with the players late into the night.",
    ),
    "fr": (
        "Il pleuvra toute la semaine en Bretagne",
        "Les prévisionnistes annoncent de fortes pluies sur toute la Bretagne pendant la "
        "semaine, avec des vents violents sur les côtes. Les autorités demandent aux habitants "
        "de rester prudents sur les routes et près de la mer.",
    ),
}


async def save_stories_in_three_languages(bot: Bot) -> None:
    """Save one article in Russian, English and French (no declared language) and process."""
    articles = [
        ArticleIn(f"https://{code}.example/1", title, text)
        for code, (title, text) in STORIES_IN.items()
    ]
    store.save_articles(bot.db, None, articles)
    from bot import jobs

    await jobs.process_now(bot.app.bot_data)


async def test_settings_languages_filters_this_chats_digest(bot: Bot) -> None:
    await bot.say("/subscribe 08:00")
    [refused] = await bot.say("/settings languages ru xx")
    assert "Unknown language: xx" in refused.plain_text
    assert "ru (Russian)" in refused.plain_text and "/settings languages all" in refused.plain_text
    # A language with no summarising rules of its own is a filter too (the bot speaks Persian).
    [persian] = await bot.say("/settings languages fa ar")
    assert "Languages: Persian, Arabic" in persian.plain_text
    [native] = await bot.say("/settings languages русский, allemand")  # were refused
    assert "Languages: Russian, German" in native.plain_text
    await bot.say("/settings languages all")
    assert "Usage: /settings" in refused.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.languages == ()  # nothing changed
    [page] = await bot.say("/settings languages ru en")
    assert "Languages: Russian, English" in page.plain_text and "set:mode" in buttons(page)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.languages == ("ru", "en")

    await save_stories_in_three_languages(bot)
    digest = texts(await bot.say("/digest"))
    assert STORIES_IN["ru"][0] in digest and STORIES_IN["en"][0] in digest
    assert STORIES_IN["fr"][0] not in digest
    [russian] = await bot.say("/settings languages russian")
    assert "Languages: Russian" in russian.plain_text
    digest = texts(await bot.say("/digest"))
    assert STORIES_IN["ru"][0] in digest and STORIES_IN["en"][0] not in digest

    [cleared] = await bot.say("/settings languages all")
    assert "Languages: any" in cleared.plain_text
    assert texts(await bot.say("/digest")).count("/story_") >= 3  # every language again


async def test_a_group_upgraded_to_a_supergroup_keeps_its_one_subscription(bot: Bot) -> None:
    """Telegram says at once that a group became a supergroup: its admins find its
    subscription there, and /subscribe there changes it instead of making a second one."""
    bot.offline.add_chat(GROUP, "group", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "creator")
    bot.offline.group_message(
        "/subscribe 09:00 climate", chat_id=GROUP, user_id=ADMIN, chat_type="group"
    )
    await bot.feed()
    old = store.find_subscription(bot.db, GROUP)
    assert old is not None and old.chat_type == "group"
    supergroup = -1009009
    bot.offline.migrate_chat(GROUP, supergroup, by=ADMIN)  # the creator upgrades it
    await bot.feed()
    moved = store.find_subscription(bot.db, supergroup)
    assert moved is not None and (moved.id, moved.chat_type) == (old.id, "supergroup")
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{old.id}"]
    bot.offline.group_message("/settings", chat_id=supergroup, user_id=ADMIN)
    await bot.feed()
    assert "every day at 09:00" in bot.offline.last_text(supergroup)
    bot.offline.group_message("/subscribe 10:00", chat_id=supergroup, user_id=ADMIN)
    await bot.feed()
    assert "Subscription updated" in bot.offline.last_text(supergroup)
    [only] = store.list_subscriptions(bot.db)
    assert (only.id, only.chat_id, only.time, only.include) == (
        old.id,
        supergroup,
        "10:00",
        ("climate",),
    )


async def test_a_group_upgraded_between_import_and_the_file_still_imports_it(bot: Bot) -> None:
    """An admin sent /import in a group, which became a supergroup before the file came: the
    bot kept the pending /import under the group's old id (PTB's chat_data), so the file sent
    in the supergroup was not read as the import ("To import sources, send /import" is for
    private chats: the group got no answer at all) and nothing was added."""
    bot.offline.add_chat(GROUP, "group", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "creator")
    bot.offline.group_message("/import", chat_id=GROUP, user_id=ADMIN, chat_type="group")
    await bot.feed()
    assert "Send the OPML file" in bot.offline.last_text(GROUP)
    supergroup = -1009009
    bot.offline.migrate_chat(GROUP, supergroup, by=ADMIN)  # both service messages come
    await bot.feed()
    listing = b"""<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="A" xmlUrl="https://a.example/rss"/></body></opml>"""
    bot.offline.document(listing, chat_id=supergroup, user_id=ADMIN)
    await bot.feed()
    assert bot.offline.last_text(supergroup).startswith("Imported sources.opml: 1 added")
    assert store.find_source(bot.db, "https://a.example/rss") is not None
    assert GROUP not in bot.app.chat_data  # nothing left under the old id


async def test_a_group_upgraded_unseen_keeps_its_pending_import_when_a_digest_finds_out(
    bot: Bot,
) -> None:
    """The bot missed the service messages of a group's upgrade (it was down): the first
    digest sent to the group's old id was answered with migrate_to_chat_id, and the sender
    moved the subscription, but not what PTB kept for the chat (chat_data): an admin's pending
    /import stayed under the old id, and the file sent in the supergroup got no answer."""
    bot.offline.add_chat(GROUP, "group", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "creator")
    bot.offline.group_message("/subscribe 09:00", chat_id=GROUP, user_id=ADMIN, chat_type="group")
    bot.offline.group_message("/import", chat_id=GROUP, user_id=ADMIN, chat_type="group")
    await bot.feed()
    assert "Send the OPML file" in bot.offline.last_text(GROUP)
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None
    now = store.utcnow()
    make_digest_due(bot.db, sub.id, now)
    add_stories(bot.db, 2, topic="harbour", fetched=now - timedelta(minutes=1))
    supergroup = -1009009
    bot.offline.migrate_chat(GROUP, supergroup)  # no service message reaches the bot
    await digest_jobs.digest_job(_Context(bot, _unscheduled(sub.id)))
    sender = bot.app.bot_data.sender
    assert sender is not None
    assert (await sender.drain()).migrated == 1
    assert "Your daily digest" in bot.offline.last_text(supergroup)
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]
    assert GROUP not in bot.app.chat_data  # moved with the subscription

    def listing(url: str) -> bytes:
        return f"""<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="A" xmlUrl="{url}"/></body></opml>""".encode()

    bot.offline.document(listing("https://a.example/rss"), chat_id=supergroup, user_id=ADMIN)
    await bot.feed()
    assert bot.offline.last_text(supergroup).startswith("Imported sources.opml: 1 added")
    # The service messages come late (the migration seen both ways): the supergroup's own
    # pending /import, made since, stays.
    bot.offline.group_message("/import", chat_id=supergroup, user_id=ADMIN)
    admin = bot.offline.users[ADMIN]
    for chat_id, chat_type, moved in (
        (GROUP, "group", {"migrate_to_chat_id": supergroup}),
        (supergroup, "supergroup", {"migrate_from_chat_id": GROUP}),
    ):
        chat = {"id": chat_id, "type": chat_type, "title": "Readers"}
        message = {"message_id": 900, "date": int(now.timestamp()), "chat": chat, "from": admin}
        bot.offline.enqueue({"message": {**message, **moved}})
    bot.offline.document(listing("https://b.example/rss"), chat_id=supergroup, user_id=ADMIN)
    await bot.feed()
    assert bot.offline.last_text(supergroup).startswith("Imported sources.opml: 1 added")
    assert store.find_source(bot.db, "https://b.example/rss") is not None
    assert GROUP not in bot.app.chat_data


def test_a_group_moved_to_a_supergroup_with_its_own_subscription_is_not_sent_twice() -> None:
    db = store.open_db(":memory:")
    group = store.save_subscription(db, -7, "group", time="09:00")
    own = store.save_subscription(db, -1007, "supergroup", time="10:00")
    changed = store.migrate_chat(db, -7, -1007)
    assert [s.id for s in changed] == [group.id] and not changed[0].active
    assert [s.id for s in store.list_subscriptions(db)] == [own.id]
    assert store.migrate_chat(db, -7, -1007) == [changed[0]]  # again: nothing changes


async def test_the_bots_membership_stops_and_brings_back_a_chats_subscription(bot: Bot) -> None:
    """my_chat_member: the right to post taken away stops a channel's digests, given back
    resumes them; the bot removed from a group stops the group's (and its topics')."""
    bot.offline.add_chat(CHANNEL, "channel", title="Paper", username="paper")
    bot.offline.channel_post("/subscribe 06:00", chat_id=CHANNEL)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.active
    demoted = {"chat_id": CHANNEL, "title": "Paper", "username": "paper"}
    bot.offline.my_chat_member(**demoted, old_status="administrator", can_post_messages=False)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active
    assert digest_jobs.scheduled_subscriptions(bot.app) == []
    bot.offline.my_chat_member(**demoted, old_status="administrator", can_post_messages=True)
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.active and sub.time == "06:00"
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]

    bot.offline.add_chat(GROUP, "supergroup", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "administrator")
    await group_say(bot, "/subscribe 09:00", user_id=ADMIN)
    group = store.find_subscription(bot.db, GROUP)
    assert group is not None and group.active
    bot.offline.my_chat_member(
        chat_id=GROUP,
        chat_type="supergroup",
        title="Readers",
        username=None,
        old_status="member",
        new_status="kicked",
        user_id=ADMIN,
    )
    await bot.feed()
    group = store.find_subscription(bot.db, GROUP)
    assert group is not None and not group.active
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]
    # Added back, the group is not subscribed behind its admins' backs.
    bot.offline.my_chat_member(
        chat_id=GROUP,
        chat_type="supergroup",
        title="Readers",
        username=None,
        old_status="kicked",
        new_status="member",
        user_id=ADMIN,
    )
    await bot.feed()
    group = store.find_subscription(bot.db, GROUP)
    assert group is not None and not group.active


async def test_settings_in_a_group_the_bot_was_removed_from_and_added_back_to(bot: Bot) -> None:
    """Added back to a group, /settings said "This chat has no digest subscription yet", though
    /subscribe brings the old one back with its settings: it says the subscription stopped
    when the bot was removed, and that /subscribe brings it back with them."""
    bot.offline.add_chat(GROUP, "supergroup", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "administrator")
    await group_say(bot, "/subscribe 09:00 climate", user_id=ADMIN)
    for old, new in (("member", "kicked"), ("kicked", "member")):
        bot.offline.my_chat_member(
            chat_id=GROUP,
            chat_type="supergroup",
            title="Readers",
            username=None,
            old_status=old,
            new_status=new,
            user_id=ADMIN,
        )
        await bot.feed()
    [reply] = await group_say(bot, "/settings", user_id=ADMIN)
    assert reply.plain_text == (
        "This chat's digest subscription stopped when the bot was removed from it."
        " /subscribe brings it back with its settings."
    )
    [back] = await group_say(bot, "/subscribe", user_id=ADMIN)
    assert "09:00" in back.plain_text
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None and sub.active and (sub.time, sub.include) == ("09:00", ("climate",))
    [page] = await group_say(bot, "/settings", user_id=ADMIN)
    assert "every day at 09:00" in page.plain_text


async def test_messages_signed_by_a_chat_in_a_group(bot: Bot) -> None:
    """An anonymous admin (signed by the group) may subscribe it; a user posting as a channel
    may not; a channel's /subscribe forwarded into its discussion group is the channel's."""
    bot.offline.add_chat(GROUP, "supergroup", title="Readers")
    bot.offline.add_chat(CHANNEL, "channel", title="Paper", username="paper")
    bot.offline.link_discussion(CHANNEL, GROUP)
    bot.offline.channel_post("/subscribe 06:00", chat_id=CHANNEL)
    await bot.feed()
    assert "Subscribed" in bot.offline.last_text(CHANNEL)
    assert bot.offline.sent(GROUP) == [] and store.find_subscription(bot.db, GROUP) is None

    bot.offline.group_message("/subscribe 07:00", chat_id=GROUP, as_chat=CHANNEL)
    await bot.feed()
    assert "administrators" in bot.offline.last_text(GROUP)
    assert store.find_subscription(bot.db, GROUP) is None
    assert bot.offline.calls_to("getChatMember") == []  # nobody to ask about

    bot.offline.group_message("/subscribe 07:00", chat_id=GROUP, as_chat=GROUP)
    await bot.feed()
    assert "Subscribed" in bot.offline.last_text(GROUP)
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None and sub.time == "07:00"
    channel = store.find_subscription(bot.db, CHANNEL)
    assert channel is not None and channel.time == "06:00"


async def test_subscribe_posted_in_a_channel_the_bot_may_not_post_in_waits_for_the_right(
    bot: Bot,
) -> None:
    bot.offline.add_chat(
        CHANNEL, "channel", title="Paper", username="paper", can_post_messages=False
    )
    bot.offline.channel_post("/subscribe 06:00", chat_id=CHANNEL)
    await bot.feed()
    refused = [c for c in bot.offline.calls if c.status != 200]
    assert [c.chat_id for c in refused] == [CHANNEL]  # tried once; no apology, no report
    assert bot.offline.sent(ADMIN) == []
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and not sub.active and sub.time == "06:00"
    assert digest_jobs.scheduled_subscriptions(bot.app) == []
    bot.offline.my_chat_member(
        chat_id=CHANNEL, title="Paper", username="paper", old_status="administrator"
    )  # the owner gives the bot the right to post
    await bot.feed()
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None and sub.active
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]


async def test_a_bot_muted_in_a_group_stops_its_digests_until_it_may_post_again(
    bot: Bot,
) -> None:
    bot.offline.add_chat(GROUP, "supergroup", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "administrator")
    await group_say(bot, "/subscribe 09:00", user_id=ADMIN)
    muted = {"chat_id": GROUP, "chat_type": "supergroup", "title": "Readers", "username": None}
    bot.offline.my_chat_member(
        **muted, old_status="member", new_status="restricted", can_send_messages=False
    )
    await bot.feed()
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None and not sub.active
    # Muted, an admin's /subscribe gets no answer (none can be posted) and waits.
    assert await group_say(bot, "/subscribe 10:00", user_id=ADMIN) == []
    assert bot.offline.sent(ADMIN) == []  # no failure reported to the bot's admins
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None and not sub.active and sub.time == "10:00"
    bot.offline.my_chat_member(**muted, old_status="restricted", new_status="member")
    await bot.feed()
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None and sub.active and sub.time == "10:00"
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]
    # Stopped by the sender, on Telegram's own refusal, it comes back the same way.
    store.deactivate_subscription(
        bot.db, GROUP, "Not enough rights to send text messages to the chat"
    )
    bot.offline.my_chat_member(**muted, old_status="member", new_status="administrator")
    await bot.feed()
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None and sub.active


async def test_the_start_button_pressed_by_a_group_member_is_refused_to_them_alone(
    bot: Bot,
) -> None:
    bot.offline.add_chat(GROUP, "supergroup", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "administrator")
    [welcome] = await group_say(bot, "/start", user_id=ADMIN)
    assert "sub:start" in buttons(welcome)
    before = len(bot.offline.sent(GROUP))
    bot.offline.callback_query("sub:start", message=welcome, user_id=USER, chat_id=GROUP)
    await bot.feed()
    answer = list(bot.offline.callback_answers.values())[-1]
    assert answer["text"] == replies.group_admins_only(english()) and answer["show_alert"]
    assert len(bot.offline.sent(GROUP)) == before and store.find_subscription(bot.db, GROUP) is None
    bot.offline.callback_query("sub:start", message=welcome, user_id=ADMIN, chat_id=GROUP)
    await bot.feed()
    assert "Subscribed" in bot.offline.last_text(GROUP)


async def test_a_group_upgraded_while_the_bot_seems_to_leave_it_keeps_its_subscription(
    bot: Bot,
) -> None:
    """Should Telegram tell that the bot left the old group before telling of the upgrade, the
    group's subscription is not stopped: getChat answers that the group moved."""
    bot.offline.add_chat(GROUP, "group", title="Readers")
    bot.offline.set_member(GROUP, ADMIN, "creator")
    bot.offline.group_message("/subscribe 09:00", chat_id=GROUP, user_id=ADMIN, chat_type="group")
    await bot.feed()
    sub = store.find_subscription(bot.db, GROUP)
    assert sub is not None
    bot.offline.fail("getChat", error=migrated(-1009009), chat_id=GROUP)
    bot.offline.my_chat_member(
        chat_id=GROUP,
        chat_type="group",
        title="Readers",
        username=None,
        old_status="member",
        new_status="left",
        user_id=ADMIN,
    )
    await bot.feed()
    moved = store.find_subscription(bot.db, -1009009)
    assert moved is not None and moved.id == sub.id and moved.active
    assert digest_jobs.scheduled_subscriptions(bot.app) == [f"digest:{sub.id}"]


async def test_a_setting_the_mode_does_not_show_is_saved_and_said_so(bot: Bot) -> None:
    """README's /settings takes every key in either mode; the page shows quiet hours and the
    cap only for live posts, and the time, frequency and stories only for digests. A value
    set for the other mode was saved with the page unchanged, as if nothing happened."""
    await bot.say("/subscribe 08:00")
    [reply] = await bot.say("/settings quiet 23-7")
    assert reply.plain_text.startswith(
        "Saved. Quiet hours and the hourly cap apply to live posts: /settings mode live\n"
    )
    [reply] = await bot.say("/settings time 07:30")  # shown on the page: no note
    assert reply.plain_text.startswith("Digest: every day at 07:30 (UTC)")
    await bot.say("/settings mode live")
    [reply] = await bot.say("/settings stories 7")
    assert reply.plain_text.startswith(
        "Saved. The time, frequency and stories per digest apply to digests: "
        "/settings mode digest\n"
    )
    [reply] = await bot.say("/settings cap 5")
    assert reply.plain_text.startswith("Live: each new story")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.quiet_start, sub.stories, sub.hourly_cap) == ("23:00", 7, 5)
    # In the chat's language.
    await bot.say("/language ru")
    [reply] = await bot.say("/settings frequency weekdays")
    assert reply.plain_text.startswith("Сохранено.")
    # A channel's, from a private chat.
    bot.offline.add_chat(-1002001, "channel", title="Paper", username="paper")
    bot.offline.set_member(-1002001, ADMIN, "administrator")
    await bot.say("/subscribe_channel @paper 08:00", user_id=ADMIN)
    [reply] = await bot.say("/settings @paper cap 5", user_id=ADMIN)
    assert reply.plain_text.startswith("Saved. Quiet hours and the hourly cap apply to live")


async def test_a_live_pages_picture_preview_speaks_of_posts_not_a_digest(bot: Bot) -> None:
    """README: "preview: the digest's first message (or a live post) shows the lead story's
    picture"; a live subscription's page said "above the digest", which it never gets."""
    await bot.say("/subscribe 08:00")
    [reply] = await bot.say("/settings pictures preview")
    assert "Pictures: the lead story's picture above the digest" in reply.plain_text
    [reply] = await bot.say("/settings mode live")
    assert "Pictures: the story's picture above each live post" in reply.plain_text
    await bot.say("/language de")
    [reply] = await bot.say("/settings")
    assert "Bilder: das Bild der Meldung über jedem Live-Beitrag" in reply.plain_text


async def test_subscribe_says_which_setting_was_given_twice(bot: Bot) -> None:
    """ "/subscribe daily weekly" got the usage line alone, saying nothing of what was wrong."""
    said = {}
    for args in (
        "daily weekly",
        "08:00 09:30",
        "Europe/Paris Asia/Tokyo",
        "friday monday",
        "daily friday",
        "live digest",
    ):
        [reply] = await bot.say(f"/subscribe {args}")
        said[args] = reply.plain_text
        assert "\nUsage: /subscribe" in reply.plain_text
    assert said["daily weekly"].startswith("Two frequencies given: daily, weekly\n")
    assert said["08:00 09:30"].startswith("Two times given: 08:00, 09:30\n")
    assert said["Europe/Paris Asia/Tokyo"].startswith(
        "Two time zones given: Europe/Paris, Asia/Tokyo\n"
    )
    assert said["friday monday"].startswith("Two days given: friday, monday\n")
    assert said["daily friday"].startswith("A day goes with a weekly digest, not with: daily\n")
    assert said["live digest"].startswith("Both modes given: live, digest\n")
    assert store.find_subscription(bot.db, USER) is None  # nothing was subscribed
    await bot.say("/language ru")
    [russian] = await bot.say("/subscribe ежедневно weekly")
    assert russian.plain_text.startswith("Указаны две частоты: ежедневно, weekly\n")


async def test_subscribe_live_with_a_time_says_the_time_is_kept_for_digests(bot: Bot) -> None:
    """ "/subscribe live 08:00" went live and stored the time, saying nothing of it."""
    [live] = await bot.say("/subscribe live 08:00")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.mode, sub.time) == ("live", "08:00")
    kept = "ignore the time and frequency given: they are kept for digests"
    assert kept in live.plain_text
    [again] = await bot.say("/subscribe live climate")  # no time given: nothing to say of one
    assert kept not in again.plain_text
    [weekly] = await bot.say("/subscribe weekly live")
    assert kept in weekly.plain_text


async def test_settings_and_language_buttons_work_on_an_old_message(bot: Bot) -> None:
    """Telegram hands over an old message without its content (date 0): the settings page
    and the language page are redrawn in it all the same; one deleted meanwhile gets the page
    as a new message."""
    await bot.say("/subscribe")
    [shown] = await bot.say("/settings")
    bot.offline.callback_query("set:frequency", message=shown, user_id=USER, inaccessible=True)
    await bot.feed()
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.frequency == "weekdays"
    assert "Monday to Friday" in shown.plain_text and len(shown.history) >= 1
    [page] = await bot.say("/language")
    bot.offline.callback_query("lang:de", message=page, user_id=USER, inaccessible=True)
    await bot.feed()
    assert store.chat_language(bot.db, USER).chosen == "de"
    assert page.plain_text.startswith("Sprache: Deutsch\n") and page.history
    bot.offline.forget()
    before = len(bot.offline.sent(USER))
    bot.offline.callback_query("set:frequency", message=shown, user_id=USER)
    await bot.feed()
    [anew] = bot.offline.sent(USER)[before:]
    assert "set:frequency" in buttons(anew)


async def test_the_first_weekly_digest_covers_the_week(bot: Bot) -> None:
    """The first digest of a subscription reached back to the day before it was made,
    whatever its frequency: a weekly one subscribed the day before its slot, "Your weekly
    digest", showed the last two days' stories and none of the five days before."""
    from tests.test_live import deliver, report

    await bot.say("/subscribe weekly")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    now = store.utcnow()
    report(bot.db, "gazette", "bridge", now=now - timedelta(days=4))
    report(bot.db, "gazette", "budget", now=now - timedelta(hours=2))
    report(bot.db, "gazette", "glacier", now=now - timedelta(days=9))
    await jobs.process_now(bot.app.bot_data)
    store.update_subscription(
        bot.db,
        sub.id,
        time=(now - timedelta(minutes=1)).strftime("%H:%M"),
        weekday=(now - timedelta(minutes=1)).weekday(),
        last_slot=store.iso(now - timedelta(days=7, minutes=1)),
    )
    render = digest_jobs.digest_render(bot.app.bot_data)
    assert delivery.enqueue_due(bot.db, now, render) == 1
    before = len(bot.offline.sent(USER))
    await deliver(bot)
    [digest] = bot.offline.sent(USER)[before:]
    assert digest.plain_text.startswith("Your weekly digest")
    assert "Budget story" in digest.plain_text and "Bridge story" in digest.plain_text
    assert "Glacier story" not in digest.plain_text  # older than a week
