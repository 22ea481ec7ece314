"""Words users type for settings, times and languages, read back through the bot.

Times with the part of the day in each of the bot's languages ("8 de la tarde", "8 Uhr
abends"), frequencies named in more than one word ("По будням", "كل ساعة"), the schedule as
the settings page writes it, and "<name> language" for /language; with the keywords that look
like these words and must stay keywords.
"""

from __future__ import annotations

from bot import replies
from bot.i18n import LANGUAGES, translator
from digests import store
from tests.test_bot import USER, Bot, texts
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture


async def _subscribed(bot: Bot, typed: str) -> tuple[str, str, int, tuple[str, ...]]:
    """Start a subscription afresh with typed; return its time, frequency, day and keywords."""
    await bot.say("/unsubscribe")
    old = store.find_subscription(bot.db, USER)
    if old is not None:  # a stopped subscription keeps its settings: start from none
        store.update_subscription(
            bot.db, old.id, include=[], exclude=[], frequency="daily", weekday=0
        )
    await bot.say(typed)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.active, typed
    return sub.time, sub.frequency, sub.weekday, sub.include


async def test_hours_with_the_part_of_the_day_in_every_language(bot: Bot) -> None:
    """ "8 de la tarde", "8 heures du soir", "8 Uhr abends", "8 in the evening", "8 часов
    вечера", "о 8 годині вечора", "8 horas da noite", "2 w nocy", "8 في المساء": each part of
    the day was a keyword (an empty digest at 08:00) or a refusal."""
    cases = {
        "8 de la tarde": "20:00",
        "a las 7 de la mañana": "07:00",
        "11 de la noche": "23:00",
        "12 del mediodía": "12:00",
        "8:30 de la tarde": "20:30",
        "8 heures du soir": "20:00",
        "à 8h du matin": "08:00",
        "8h30 du soir": "20:30",
        "3 heures de l’après-midi": "15:00",
        "2h de la nuit": "02:00",
        "8 Uhr abends": "20:00",
        "um 7 Uhr morgens": "07:00",
        "7 Uhr früh": "07:00",
        "3 Uhr nachmittags": "15:00",
        "2 Uhr nachts": "02:00",
        "20 Uhr abends": "20:00",  # a 24-hour clock stays one
        "8 in the evening": "20:00",
        "11 at night": "23:00",
        "8 o'clock in the evening": "20:00",
        "8 часов вечера": "20:00",
        "о 8 годині вечора": "20:00",
        "2 ночі": "02:00",
        "3 по обіді": "15:00",
        "8 horas da noite": "20:00",
        "8h da manhã": "08:00",
        "2 w nocy": "02:00",
        "10 przed południem": "10:00",
        "8 في المساء": "20:00",
    }
    for typed, time in cases.items():
        assert await _subscribed(bot, f"/subscribe {typed} economía") == (
            time,
            "daily",
            0,
            ("economía",),
        ), typed
        await bot.say(f"/settings time {typed}")
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.time == time, typed
    [refused] = await bot.say("/settings time 20 Uhr morgens")  # 20:00 is no morning hour
    assert "not a time of day" in refused.plain_text
    await bot.say("/settings quiet de las 11 de la noche a las 7 de la mañana")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.quiet_start, sub.quiet_end) == ("23:00", "07:00")


async def test_a_part_of_the_day_away_from_an_hour_stays_a_keyword(bot: Bot) -> None:
    """Not next to a time ("Le Soir", "Top 10 morning", "Formula 1 night", in quotes) these
    words are keywords, as they were."""
    cases = {
        "/subscribe 08:00 Le Soir": ("08:00", ("Le", "Soir")),
        "/subscribe 08:00 Top 10 morning": ("08:00", ("Top", "10", "morning")),
        "/subscribe 09:00 Formula 1 night": ("09:00", ("Formula", "1", "night")),
        "/subscribe 08:00 Covid 19 abends": ("08:00", ("Covid", "19", "abends")),
        '/subscribe 08:00 "tarde"': ("08:00", ("tarde",)),
        "/subscribe 08:00 de la Rúa": ("08:00", ("de", "la", "Rúa")),
        "/subscribe 08:00 noche": ("20:00", ()),  # next to a time: its part of the day
    }
    for typed, (time, include) in cases.items():
        found = await _subscribed(bot, typed)
        assert (found[0], found[3]) == (time, include), typed


async def test_frequencies_of_more_than_one_word_typed_back(bot: Bot) -> None:
    """Every frequency button's label in every language is read back, by /subscribe and
    /settings frequency ("По будням", "Co tydzień", "W dni robocze", "كل ساعة", "أيام العمل"),
    and so are the settings page's "every day" and the like; alone, their words are keywords."""
    for code in LANGUAGES:
        tr = translator(code)
        for frequency, label in replies.FREQUENCIES.items():
            typed = tr.gettext(label)
            assert await _subscribed(bot, f"/subscribe 07:00 {typed} energía") == (
                "07:00",
                frequency,
                0,
                ("energía",),
            ), typed
            await bot.say(
                "/settings frequency daily"
                if frequency != "daily"
                else "/settings frequency hourly"
            )
            await bot.say(f"/settings frequency {typed}")
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None and sub.frequency == frequency, typed
    assert await _subscribed(bot, "/subscribe Co tydzień piątek 8:00") == ("08:00", "weekly", 4, ())
    await bot.say("/settings frequency Co tydzień środa")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.frequency, sub.weekday) == ("weekly", 2)
    for typed, frequency in {
        "every day": "daily",
        "tous les jours": "daily",
        "كل يوم": "daily",
        "jede Stunde": "hourly",
        "каждую неделю": "weekly",
        "an Werktagen": "weekdays",
    }.items():
        found = await _subscribed(bot, f"/subscribe 07:00 {typed}")
        assert found[1:] == (frequency, 0, ()), typed
    # Their words alone, or in quotes, are keywords.
    for typed, include in {
        "/subscribe 07:00 cada energía hora": ("cada", "energía", "hora"),
        '/subscribe 07:00 "cada hora"': ("cada hora",),
        "/subscribe 07:00 semaine": ("semaine",),
        "/subscribe 07:00 ساعة": ("ساعة",),
        "/subscribe 07:00 every climate": ("every", "climate"),
        "/subscribe 07:00 les Bleus": ("les", "Bleus"),
    }.items():
        assert await _subscribed(bot, typed) == ("07:00", "daily", 0, include), typed


async def test_the_settings_page_schedule_typed_back(bot: Bot) -> None:
    """What the page writes for a schedule ("every Monday at 08:00", "каждую среду в 08:00",
    "tous les lundis à 08:00", "w każdy poniedziałek o 08:00", "щопонеділка о 08:00", "كل يوم
    اثنين الساعة 08:00", "every day at 08:00") typed back to /subscribe is that schedule: "every"
    was a keyword, or the day no day."""
    for code in LANGUAGES:
        tr = translator(code)
        typed = tr.gettext("every day at {time}", time="08:00")
        assert await _subscribed(bot, f"/subscribe {typed}") == ("08:00", "daily", 0, ()), typed
        for day, message in enumerate(replies.EVERY_WEEKDAY):
            if code == "ar" and day == 6:
                continue  # "أحد" is "one" too: Sunday is "الأحد" (a known gap)
            typed = tr.gettext(message, time="08:00")
            found = await _subscribed(bot, f"/subscribe {typed}")
            assert found == ("08:00", "weekly", day, ()), typed


async def test_languages_named_with_the_word_language(bot: Bot) -> None:
    """ "<name> language" in every language the bot speaks, the name agreeing with the word
    ("langue française", "deutsche Sprache", "lengua española", "língua inglesa"), an article
    before it too; an article alone names nothing."""
    cases = {
        "langue française": "fr",
        "deutsche Sprache": "de",
        "die englische Sprache": "en",
        "lengua española": "es",
        "la lengua árabe": "ar",
        "українська мова": "uk",
        "język polski": "pl",
        "русский язык": "ru",
        "the Persian language": "fa",
        "la langue allemande": "de",
        "lingua russa": "ru",
        "a língua inglesa": "en",
        "língua alemã": "de",
        "langue persane": "fa",
        "lengua polaca": "pl",
        "lingua ucraina": "uk",
        "English language": "en",
    }
    for typed, code in cases.items():
        await bot.say(f"/language {typed}")
        assert store.chat_language(bot.db, USER).chosen == code, typed
    await bot.say("/language en")
    refused = texts(await bot.say("/language la"))
    assert "la" in refused and store.chat_language(bot.db, USER).chosen == "en"
