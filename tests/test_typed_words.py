"""Words users type for settings, times and languages, read back through the bot.

Times with the part of the day in each of the bot's languages ("8 de la tarde", "8 Uhr
abends"), frequencies named in more than one word ("По будням", "كل ساعة"), the schedule as
the settings page writes it, and "<name> language" for /language; with the keywords that look
like these words and must stay keywords.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from bot import replies
from bot.i18n import LANGUAGES, translator
from bot.offline import SentMessage
from digests import store
from digests.models import Subscription
from tests.test_bot import USER, Bot, add_stories, texts
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture
from tests.test_channel_week import CHANNEL, add_channel, owner_says
from tests.test_topics import FORUM, forum, topic_sub
from tests.test_topics import say as say_in_topic


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
    assert "say different times" in refused.plain_text
    await bot.say("/settings quiet de las 11 de la noche a las 7 de la mañana")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.quiet_start, sub.quiet_end) == ("23:00", "07:00")


async def test_a_part_of_the_day_away_from_an_hour_stays_a_keyword(bot: Bot) -> None:
    """Not next to a time ("Le Soir", "Top 10 morning", "Formula 1 night", in quotes) these
    words are keywords, as they were (a number after a capitalised word names with it)."""
    cases = {
        "/subscribe 08:00 Le Soir": ("08:00", ("Le", "Soir")),
        "/subscribe 08:00 Top 10 morning": ("08:00", ("Top 10", "morning")),
        "/subscribe 09:00 Formula 1 night": ("09:00", ("Formula 1", "night")),
        "/subscribe 08:00 Covid 19 abends": ("08:00", ("Covid 19", "abends")),
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


def _value_in(page: str, template: str, **others: str) -> str:
    """Return the value a page's line shows for ``{value}`` of a translated template (the
    line's other placeholders filled with ``others``, as the page fills them)."""
    line = re.sub(r"<[^>]+>", "", template.format(value="\x00", **others))
    before, after = (html.unescape(part) for part in line.split("\x00"))
    found = re.search(re.escape(before) + r"(.+?)" + re.escape(after) + "$", page, re.MULTILINE)
    assert found is not None, (template, page)
    return found[1]


def _button_labels(message: SentMessage) -> list[str]:
    keyboard = (message.reply_markup or {}).get("inline_keyboard", [])
    return [button["text"] for row in keyboard for button in row]


async def test_every_label_the_settings_page_shows_is_read_back(bot: Bot) -> None:
    """In every language, what the settings page writes for a schedule ("Monday to Friday at
    08:00", "каждый час в xx:30", "كل يوم أحد الساعة 08:00"), for pictures ("the lead story's
    picture above the digest") and the on/off buttons ("Без звука: выкл.") typed back sets
    that value: the weekdays' line was refused as two days, the hourly one kept "at minute 30"
    as keywords, the toggles had no text form."""
    schedules = [("daily", 0, "08:00"), ("weekdays", 0, "08:00"), ("hourly", 0, "07:30")]
    schedules += [("weekly", day, "08:00") for day in range(7)]
    await bot.say("/subscribe")
    for code in LANGUAGES:
        tr = translator(code)
        await bot.say(f"/language {code}")
        template = tr.gettext("<b>Digest:</b> {when} ({zone})", when="{value}", zone="UTC")
        for frequency, weekday, time in schedules:
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None
            store.update_subscription(
                bot.db, sub.id, frequency=frequency, weekday=weekday, time=time, timezone="UTC"
            )
            [page] = await bot.say("/settings")
            when = _value_in(page.plain_text, tr.line_start + template)
            other = "daily" if frequency == "hourly" else "hourly"
            store.update_subscription(bot.db, sub.id, frequency=other, weekday=3, time="06:00")
            await bot.say(f"/subscribe {when}")
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None and (sub.frequency, sub.weekday, sub.time) == (
                frequency,
                weekday if frequency == "weekly" else 3,
                "06:30" if frequency == "hourly" else time,  # the hourly line shows the minute
            ), (code, when)
            assert sub.include == () and sub.exclude == (), (code, when)
        for pictures, label in [*replies.PICTURES.items(), ("preview", replies.LIVE_PREVIEW)]:
            store.update_subscription(
                bot.db, sub.id, pictures="photo" if pictures == "off" else "off"
            )
            await bot.say(f"/settings pictures {tr.label(label)}")
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None and sub.pictures == pictures, (code, label)
        [page] = await bot.say("/settings")
        for key in replies.TOGGLES:
            [label] = [
                text for text in _button_labels(page) if tr.gettext(replies.TOGGLES[key]) in text
            ]
            state = bool(getattr(sub, key))
            shown = replies.toggle_state(tr, key, state)
            assert label == tr.labelled(tr.gettext(replies.TOGGLES[key])) + " " + shown
            flipped = replies.toggle_state(tr, key, not state)
            await bot.say(f"/settings {label.removesuffix(shown)}{flipped}")
            sub = store.find_subscription(bot.db, USER)
            assert sub is not None and getattr(sub, key) is not state, (code, label)


async def test_hourly_digests_at_a_minute_in_every_language(bot: Bot) -> None:
    """ "every hour at minute 30" and its kind in every language set hourly digests at minute
    30 (the words and "30" were keywords, or "в 30" a refused time); given to digests that are
    not hourly, or past 59, a minute is refused with what it is for, never kept as keywords."""
    cases = [
        "every hour at minute 30",
        "hourly at :30",
        "каждый час в 30 минут",
        "каждый час в xx:30",
        "щогодини о хх:30",  # Cyrillic x, as the Ukrainian page may be typed
        "jede Stunde zur Minute 30",
        "chaque heure à la minute 30",
        "cada hora en el minuto 30",
        "ogni ora al minuto 30",
        "de hora em hora no minuto 30",
        "هر ساعت در دقیقهٔ ۳۰",
        "co godzinę w minucie 30",
        "كل ساعة عند الدقيقة 30",
    ]
    for typed in cases:
        assert await _subscribed(bot, f"/subscribe {typed} energía") == (
            "08:30",
            "hourly",
            0,
            ("energía",),
        ), typed
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    for typed in ("minute 15", "xx:15", "в 15 минут"):
        store.update_subscription(bot.db, sub.id, time="09:00")
        await bot.say(f"/settings time {typed}")
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.time == "09:15", typed
    await bot.say("/subscribe minute 45")  # hourly already: the minute alone will do
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.frequency, sub.time) == ("hourly", "09:45")
    # A minute for daily digests, or past 59: refused, nothing changed.
    for typed in ("/subscribe daily minute 30", "/subscribe every hour at minute 75"):
        refused = texts(await bot.say(typed))
        assert "minute of the hour (0 to 59)" in refused, typed
    await bot.say("/settings frequency daily")
    refused = texts(await bot.say("/settings time minute 30"))
    assert "minute of the hour (0 to 59)" in refused
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.frequency, sub.time) == ("daily", "09:45")
    refused = texts(await bot.say("/subscribe 08:00 hourly minute 30"))
    assert "Two times given" in refused
    # Without a word before it, a number and "minutes" are keywords.
    assert await _subscribed(bot, "/subscribe 08:00 60 Minutes") == (
        "08:00",
        "daily",
        0,
        ("60", "Minutes"),
    )


async def test_a_part_of_the_day_before_the_hour(bot: Bot) -> None:
    """ "abends um 8", "вечером в 8", "le soir à 8 h", "in the evening at 8", "por la tarde a las
    8", "wieczorem o 8", "di sera alle 8", "à noite às 8": 20:00 (it was 08:00 with the part
    of the day a keyword); without a word such as "um" between, "Le Soir 08:00" is a keyword."""
    cases = {
        "abends um 8": "20:00",
        "morgens um 7 Uhr": "07:00",
        "вечером в 8": "20:00",
        "утром в 7:30": "07:30",
        "днём в 3": "15:00",
        "ввечері о 8": "20:00",
        "вранці о 7": "07:00",
        "вечором о 8": "20:00",
        "ранком о 7": "07:00",
        "le soir à 8 h": "20:00",
        "l'après-midi à 3h": "15:00",
        "in the evening at 8": "20:00",
        "in the morning at 7": "07:00",
        "por la tarde a las 8": "20:00",
        "por la noche a las 11": "23:00",
        "wieczorem o 8": "20:00",
        "po południu o 3": "15:00",
        "di sera alle 8": "20:00",
        "la mattina alle 7": "07:00",
        "à noite às 8": "20:00",
        "de manhã às 7": "07:00",
        "pela manhã às 7": "07:00",
        "عصر ساعت ۵": "17:00",
        "في المساء الساعة 8": "20:00",
    }
    for typed, time in cases.items():
        assert await _subscribed(bot, f"/subscribe {typed} economía") == (
            time,
            "daily",
            0,
            ("economía",),
        ), typed
        await bot.say("/settings time 06:00")
        await bot.say(f"/settings time {typed}")
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.time == time, typed
    for typed, (time, include) in {
        "/subscribe Le Soir 08:00": ("08:00", ("Le", "Soir")),
        "/subscribe 08:00 Le Soir": ("08:00", ("Le", "Soir")),
        "/subscribe evening news 9:00": ("09:00", ("evening", "news")),
        "/subscribe Polska po południu 9:00": ("09:00", ("Polska", "po", "południu")),
    }.items():
        found = await _subscribed(bot, typed)
        assert (found[0], found[3]) == (time, include), typed
    [refused] = await bot.say("/subscribe morgens um 20")  # 20:00 is no morning hour
    assert "say different times" in refused.plain_text


async def test_day_names_that_are_ordinary_words_too(bot: Bot) -> None:
    """Arabic "أحد" (one) after "يوم" is Sunday ("كل يوم أحد" was daily with the keyword
    "أحد"); Portuguese "segunda" to "sexta" (second to sixth), Russian "среда" (environment),
    Arabic "اثنين" (two) and Persian "دوشنبه" (Dushanbe) are days after a word for a day or
    before a time, and keywords elsewhere ("Segunda Guerra" was weekly on Monday)."""
    for typed, found in {
        "/subscribe كل يوم أحد": ("weekly", 6, ()),
        "/subscribe يوم أحد 9:00": ("weekly", 6, ()),
        "/subscribe كل اثنين": ("weekly", 0, ()),
        "/subscribe na segunda": ("weekly", 0, ()),
        "/subscribe segunda 8h": ("weekly", 0, ()),
        "/subscribe toda quinta às 9h": ("weekly", 3, ()),
        "/subscribe às sextas": ("weekly", 4, ()),
        "/subscribe de segunda a sexta": ("weekdays", 0, ()),
        "/subscribe среда в 8:00": ("weekly", 2, ()),
        "/subscribe هر دوشنبه": ("weekly", 0, ()),
        "/subscribe 08:00 Segunda Guerra": ("daily", 0, ("Segunda", "Guerra")),
        "/subscribe 08:00 Quinta do Lago": ("daily", 0, ("Quinta", "do", "Lago")),
        "/subscribe 08:00 окружающая среда": ("daily", 0, ("окружающая", "среда")),
        "/subscribe 08:00 كل أحد": ("daily", 0, ("كل", "أحد")),
        "/subscribe 08:00 اثنين": ("daily", 0, ("اثنين",)),
        "/subscribe 08:00 دوشنبه تاجیکستان": ("daily", 0, ("دوشنبه", "تاجیکستان")),
    }.items():
        assert (await _subscribed(bot, typed))[1:] == found, typed
    # The names that are no other word stay days anywhere.
    for typed, day in {"الأحد": 6, "niedziela": 6, "segunda-feira": 0, "понедельник": 0}.items():
        assert (await _subscribed(bot, f"/subscribe 08:00 {typed}"))[1:] == ("weekly", day, ())


async def test_weekday_ranges(bot: Bot) -> None:
    """Monday to Friday typed in other forms than the page's is weekdays too; another range
    is two days, refused as before."""
    for typed in ("Mon-Fri", "Monday–Friday", "from Monday to Friday", "lundi au vendredi"):
        found = await _subscribed(bot, f"/subscribe 07:00 {typed}")
        assert found == ("07:00", "weekdays", 0, ()), typed
        await bot.say("/settings frequency daily")
        await bot.say(f"/settings frequency {typed}")
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.frequency == "weekdays", typed
    refused = texts(await bot.say("/subscribe Monday to Wednesday"))
    assert "Two days given" in refused


async def test_the_on_off_settings_by_text(bot: Bot) -> None:
    """ "/settings silent on", "/settings previews off", "/settings allegations off",
    "/settings empty on", with on and off in any of the bot's languages ("вкл.", "aus",
    "non", "خاموش"); another word is refused with what they take; /settings lists them."""
    await bot.say("/subscribe")
    for typed, (key, value) in {
        "silent on": ("silent", True),
        "silent выкл.": ("silent", False),
        "previews on": ("link_previews", True),
        "link_previews: off": ("link_previews", False),
        "allegations aus": ("allegations", False),
        "allegations oui": ("allegations", True),
        "empty on": ("empty_note", True),
        "empty خاموش": ("empty_note", False),
        "Silent notification: on": ("silent", True),
        "Notification silencieuse : non": ("silent", False),
        "Превью ссылок вкл.": ("link_previews", True),
    }.items():
        await bot.say(f"/settings {typed}")
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and getattr(sub, key) is value, typed
    refused = texts(await bot.say("/settings silent maybe"))
    assert "Give on or off" in refused
    [page] = await bot.say("/settings")
    assert "/settings silent on" in page.plain_text and "/settings empty on" in page.plain_text
    usage = texts(await bot.say("/settings nonsense"))
    assert "silent|previews|allegations|empty on|off" in usage


# Two sets of values for every line the settings page shows, each mode's: typed back, the
# page's lines of one set bring the other back to it ("anything", "—", "any", "none" too).
_DIGEST_PAGES = (
    {
        "frequency": "weekly",
        "weekday": 2,
        "time": "07:30",
        "timezone": "Europe/Paris",
        "stories": 7,
        "include": ["climate", "energy"],
        "exclude": ["sport"],
        "languages": ["ru", "en"],
        "pictures": "preview",
        "allegations": True,
        "silent": True,
        "link_previews": False,
        "empty_note": True,
    },
    {
        "frequency": "daily",
        "weekday": 0,
        "time": "06:00",
        "timezone": "UTC",
        "stories": 3,
        "include": [],
        "exclude": [],
        "languages": [],
        "pictures": "off",
        "allegations": False,
        "silent": False,
        "link_previews": True,
        "empty_note": False,
    },
)
_LIVE_PAGES = (
    {"hourly_cap": 7, "quiet_start": "23:00", "quiet_end": "07:00", "timezone": "Asia/Tehran"}
    | {"pictures": "photo", "include": ["climate"], "languages": ["fa"]},
    {"hourly_cap": 30, "quiet_start": None, "quiet_end": None, "timezone": "UTC"}
    | {"pictures": "preview", "include": [], "languages": []},
)


def _fields_of(sub: Subscription | None, names: Iterable[str]) -> dict[str, object]:
    assert sub is not None
    return {name: getattr(sub, name) for name in names}


def _expected(values: dict[str, object]) -> dict[str, object]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}


async def test_every_line_of_the_settings_page_typed_back(bot: Bot) -> None:
    """In every language and both modes, each line of the settings page typed back to
    /settings ("/settings Stories: up to 7", "/settings Языки: русский, английский",
    "/settings \u200fإشعار صامت: مفعّل") sets what it shows: the stories' and languages' lines
    were refused in every language, and a right-to-left line by its opening mark."""
    await bot.say("/subscribe")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    wrong = []
    for code in LANGUAGES:
        await bot.say(f"/language {code}")
        for mode, pages in (("digest", _DIGEST_PAGES), ("live", _LIVE_PAGES)):
            for shown, other in (pages, pages[::-1]):
                store.update_subscription(bot.db, sub.id, mode=mode, **shown)
                [page] = await bot.say("/settings")
                lines = page.plain_text.split("\n\n")[0].splitlines()
                store.update_subscription(bot.db, sub.id, **other)
                for line in lines:
                    answer = await bot.say(f"/settings {line}")
                    if not answer or answer[-1].reply_markup is None:  # refused
                        wrong.append((code, line, answer and answer[-1].plain_text[:60]))
                # a day is kept for weekly digests only; the page shows none for daily ones
                names = [n for n in shown if n != "weekday" or shown["frequency"] == "weekly"]
                found = _fields_of(store.find_subscription(bot.db, USER), names)
                if found != _expected({n: shown[n] for n in names}):
                    wrong.append((code, mode, found))
    assert not wrong, wrong


async def test_the_page_s_subscription_lines_typed_to_subscribe(bot: Bot) -> None:
    """/subscribe takes back the page's schedule line ("Digest: every Wednesday at 07:30
    (Europe/Paris)"), live posts' line and the keywords' lines ("Only about: climate,
    energy", "Never about: sport"), in every language: "Digest:" and "about:" were keywords."""
    await bot.say("/subscribe")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    shown = {k: _DIGEST_PAGES[0][k] for k in ("frequency", "weekday", "time", "timezone")}
    shown |= {"include": ["climate", "energy"], "exclude": ["sport", "Paris, Texas"]}
    wrong = []
    for code in LANGUAGES:
        await bot.say(f"/language {code}")
        store.update_subscription(bot.db, sub.id, mode="digest", **shown)
        [page] = await bot.say("/settings")
        lines = page.plain_text.split("\n\n")[0].splitlines()
        store.update_subscription(bot.db, sub.id, mode="live", **_DIGEST_PAGES[1])
        for line in lines[:1] + lines[2:4]:  # the schedule, "Only about", "Never about"
            await bot.say(f"/subscribe {line}")
        found = _fields_of(store.find_subscription(bot.db, USER), [*shown, "mode"])
        if found != _expected(shown | {"mode": "digest"}):
            wrong.append((code, lines[:4], found))
        store.update_subscription(bot.db, sub.id, mode="live")
        [page] = await bot.say("/settings")
        store.update_subscription(bot.db, sub.id, mode="digest")
        await bot.say(f"/subscribe {page.plain_text.splitlines()[0]}")
        if _fields_of(store.find_subscription(bot.db, USER), ["mode"]) != {"mode": "live"}:
            wrong.append((code, page.plain_text.splitlines()[0]))
    assert not wrong, wrong


async def test_direction_marks_in_subscribe_words_are_no_part_of_them(bot: Bot) -> None:
    """A right-to-left chat's text (a settings page line, a list copied from it) carries
    direction marks; /settings leaves them out, and /subscribe does too: "\u200fكل يوم اثنين"
    was a keyword "\u200fكل" and a daily digest, "\u200e08:00" a refusal, "\u200e-sport" a
    keyword, not a word left out."""
    assert await _subscribed(bot, "/subscribe \u200fكل يوم اثنين \u200e08:00 \u200fclimate") == (
        "08:00",
        "weekly",
        0,
        ("climate",),
    )
    await bot.say("/subscribe \u200e-sport")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.exclude == ("sport",) and sub.include == ("climate",)


async def test_a_range_of_days_without_its_last_day_is_refused(bot: Bot) -> None:
    """ "Monday to", "du lundi au" (and their forms in the other languages) kept "to", "du",
    "au" as keywords and made a weekly digest on Monday: refused now, nothing changed; a time
    after the word is no range ("lundi à 8h"), and whole ranges are weekdays."""
    assert await _subscribed(bot, "/subscribe 08:00 economy") == ("08:00", "daily", 0, ("economy",))
    dangling = (
        *("Monday to", "from Monday to", "Monday to economy", "du lundi au", "Montag bis"),
        *("с понедельника по", "з понеділка по", "de lunes a", "dal lunedì al"),
        *("de segunda a", "od poniedziałku do", "از دوشنبه تا", "من الاثنين إلى"),
    )
    for typed in dangling:
        refused = texts(await bot.say(f"/subscribe {typed}"))
        assert "a range of days needs its last day" in refused, typed
        assert html.escape(typed.split()[-2]) in refused, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None
        assert (sub.frequency, sub.include) == ("daily", ("economy",)), typed
    kept = {
        "lundi à 8h": ("08:00", "weekly", 0, ()),
        "lunes a las 9": ("09:00", "weekly", 0, ()),
        "Monday to Friday 07:00": ("07:00", "weekdays", 0, ()),
        "du lundi au vendredi à 8h": ("08:00", "weekdays", 0, ()),
        "Segunda Guerra a": ("08:00", "daily", 0, ("Segunda", "Guerra", "a")),
    }
    for typed, expected in kept.items():
        assert await _subscribed(bot, f"/subscribe {typed}") == expected, typed


async def test_a_part_of_the_day_beside_am_or_pm(bot: Bot) -> None:
    """ "in the evening at 8 pm" and "8 pm in the evening" kept "in the evening" as keywords;
    a part of the day that agrees with am or pm is read with it, one that does not is
    refused ("8 pm in the morning" was a digest at 20:00 about "morning")."""
    agreeing = {
        "in the evening at 8 pm": "20:00",
        "8 pm in the evening": "20:00",
        "at 8pm in the evening": "20:00",
        "7 a.m. in the morning": "07:00",
        "3 pm in the afternoon": "15:00",
        "11 pm at night": "23:00",
        "12 am at night": "00:00",
        "le soir à 8 pm": "20:00",
        "abends um 8 pm": "20:00",
        "8pm abends": "20:00",
        "вечером в 8 pm": "20:00",
        "por la tarde a las 8 pm": "20:00",
        "di sera alle 8 pm": "20:00",
        "8 pm في المساء": "20:00",
    }
    for typed, time in agreeing.items():
        assert await _subscribed(bot, f"/subscribe {typed} economy") == (
            time,
            "daily",
            0,
            ("economy",),
        ), typed
    for typed in ("in the morning at 8 pm", "8 pm in the morning", "8 am in the evening"):
        refused = texts(await bot.say(f"/subscribe {typed} sport"))
        assert "the hour and the part of the day say different times" in refused, typed
        assert html.escape(typed) in refused or "8 pm" in refused, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.include == ("economy",), typed
    refused = texts(await bot.say("/settings time le matin à 8 pm"))
    assert "the hour and the part of the day say different times" in refused


async def test_a_minute_without_its_number_is_refused(bot: Bot) -> None:
    """ "every hour at minute" kept "at" and "minute" as keywords: which minute is asked."""
    assert await _subscribed(bot, "/subscribe 08:00 economy") == ("08:00", "daily", 0, ("economy",))
    for typed in ("every hour at minute", "hourly at minute", "каждый час в минуту"):
        refused = texts(await bot.say(f"/subscribe {typed}"))
        assert "minute of the hour (0 to 59)" in refused, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (sub.frequency, sub.include) == ("daily", ("economy",))
    assert await _subscribed(bot, "/subscribe 08:00 60 Minutes") == (
        "08:00",
        "daily",
        0,
        ("60", "Minutes"),
    )


async def test_full_width_letters_and_digits(bot: Bot) -> None:
    """East-Asian keyboards type "ＵＳ" and "０８：００": a refusal ("０８：００") or a keyword no
    story matches ("ＵＳ"), and /search found nothing. Persian and Arabic digits, Arabic
    letters in their presentation forms and "km²" are left as they were."""
    assert await _subscribed(bot, "/subscribe ０８：３０ ＵＳ") == ("08:30", "daily", 0, ("US",))
    assert await _subscribed(bot, "/subscribe ２１ｈ Ｅｕｒｏｐｅ／Ｐａｒｉｓ ｅｃｏｎｏｍｙ") == (
        "21:00",
        "daily",
        0,
        ("economy",),
    )
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.timezone == "Europe/Paris"
    await bot.say("/settings time ０７：１５")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.time == "07:15"
    assert await _subscribed(bot, "/subscribe ۰۸:۳۰ اقتصاد") == ("08:30", "daily", 0, ("اقتصاد",))
    assert await _subscribed(bot, "/subscribe ٠٩:٣٠ ﻻ km²") == ("09:30", "daily", 0, ("ﻻ", "km²"))
    add_stories(bot.db, 2, topic="Tokyo")
    plain = texts(await bot.say("/search Tokyo"))
    wide = texts(await bot.say("/search Ｔｏｋｙｏ"))
    assert "Story 0 Tokyo" in plain and "Story 0 Tokyo" in wide


async def test_the_where_line_and_the_channel_s_page_typed_back(bot: Bot) -> None:
    """ "Where: this topic" typed to /subscribe in a topic made "Where:", "this", "topic" its
    keywords, in place of the ones it had: it names the topic the command is sent in, so it
    changes nothing there and starts that topic's subscription in another (the first
    topic's stays); /settings there says where the group's subscriptions are. A channel's
    page lines typed to /subscribe_channel were keywords too: read as /subscribe reads them."""
    climate, sport = await forum(bot)
    await say_in_topic(bot, "/subscribe 08:00 climate", climate)
    [page] = await say_in_topic(bot, "/settings", climate)
    [where] = [line for line in page.plain_text.splitlines() if line.startswith("Where")]
    [same] = await say_in_topic(bot, f"/subscribe {where}", climate)
    assert "nothing changed" in same.plain_text
    assert topic_sub(bot, climate).include == ("climate",)
    [answer] = await say_in_topic(bot, f"/settings {where}", sport)
    assert "Climate" in answer.plain_text and "/settings there" in answer.plain_text
    await say_in_topic(bot, f"/subscribe {where}", sport)
    assert topic_sub(bot, sport).include == ()
    assert topic_sub(bot, climate).include == ("climate",)
    assert store.find_subscription(bot.db, FORUM, None) is None
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper 08:00")
    lines = {
        "Digest: every Wednesday at 07:30 (Europe/Berlin)": ("weekly", 2, "07:30", ()),
        "Only about: climate, energy": ("weekly", 2, "07:30", ("climate", "energy")),
    }
    for line, expected in lines.items():
        await owner_says(bot, f"/subscribe_channel @paper {line}")
        sub = store.find_subscription(bot.db, CHANNEL)
        assert sub is not None
        assert (sub.frequency, sub.weekday, sub.time, sub.include) == expected, line
    assert sub.timezone == "Europe/Berlin"


async def test_a_day_s_name_inside_a_name_is_a_keyword(bot: Bot) -> None:
    """ "Black Friday", "Cyber Monday", "Santo Domingo" were weekly digests about "Black",
    "Cyber", "Santo": a known name with a day in it is one keyword, as a quoted phrase always
    is, and so is a capitalised day after a capitalised word where days are written in lower
    case ("Plácido Domingo"); a keyword before an English day ("Ukraine Friday 8:00"), the day
    alone, lower case, after "on" or its own words, or with its hour, names the day in every
    language."""
    names = {
        "Black Friday": ("Black Friday",),
        "Good Friday economy": ("Good Friday", "economy"),
        "Cyber Monday": ("Cyber Monday",),
        '"Super Tuesday"': ("Super Tuesday",),
        "Santo Domingo": ("Santo Domingo",),
        "07:00 Plácido Domingo": ("Plácido Domingo",),
        "«Пятница» 08:00": ("Пятница",),
        "Чёрная пятница": ("Чёрная пятница",),
        "Czarny piątek": ("Czarny piątek",),
        "Domingo de Ramos": ("Domingo de Ramos",),
        "Small Business Saturday": ("Small Business Saturday",),
        "07:00 Canal Viernes": ("Canal Viernes",),
    }
    for typed, include in names.items():
        time = "07:00" if "07:00" in typed else "08:00"
        assert await _subscribed(bot, f"/subscribe {typed}") == (time, "daily", 0, include), typed
    days = {
        "Friday 8:00": ("08:00", 4, ()),
        "domingo 9": ("09:00", 6, ()),
        "Friday 8": ("08:00", 4, ()),
        "каждую пятницу 7:00": ("07:00", 4, ()),
        "Пятница 8:00": ("08:00", 4, ()),
        "climate Friday 8:00": ("08:00", 4, ("climate",)),
        "Ukraine on Friday 8:00": ("08:00", 4, ("Ukraine",)),
        "Ukraine Friday 8:00": ("08:00", 4, ("Ukraine",)),
        "Apple Friday 8:00": ("08:00", 4, ("Apple",)),
        "Klima Freitag 8:00": ("08:00", 4, ("Klima",)),
        "Every Friday 8:00": ("08:00", 4, ()),
        "Am Freitag 8:00": ("08:00", 4, ()),
        "UTC Friday 8:00": ("08:00", 4, ()),
        "Friday 50 Cent": ("08:00", 4, ("50", "Cent")),
    }
    for typed, (time, day, include) in days.items():
        found = await _subscribed(bot, f"/subscribe {typed}")
        assert found == (time, "weekly", day, include), typed
    for code in LANGUAGES:
        for day, name in enumerate(replies.WEEKDAYS):
            written = translator(code).gettext(name)
            for typed in (f"{written} 9", f"economy {written.lower()} 21:00"):
                found = await _subscribed(bot, f"/subscribe {typed}")
                time = "09:00" if typed.endswith(" 9") else "21:00"
                include = () if typed.endswith(" 9") else ("economy",)
                assert found == (time, "weekly", day, include), (code, typed)


async def test_a_newspaper_named_after_its_day_and_a_comma_between_words(bot: Bot) -> None:
    """ "Sunday Times", "Welt am Sonntag" were weekly digests on Sundays about "Times",
    "Welt": a paper named after its day is a keyword, as the other names with a day; "Black,
    Friday" was the keyword "Black Friday": a comma parts the words of a name."""
    names = {
        "Sunday Times 08:00": ("Sunday Times",),
        "The Sunday Times 07:00": ("The", "Sunday Times"),
        "Mail on Sunday 08:00": ("Mail on Sunday",),
        "Welt am Sonntag 08:00": ("Welt am Sonntag",),
        "Journal du dimanche 07:00": ("Journal du dimanche",),
    }
    for typed, include in names.items():
        time = typed.split()[-1]
        assert await _subscribed(bot, f"/subscribe {typed}") == (time, "daily", 0, include), typed
    days = {
        "Black, Friday 8:00": ("08:00", 4, ("Black",)),
        "am Sonntag 9 Uhr": ("09:00", 6, ()),
        "Sunday Times Friday 8": ("08:00", 4, ("Sunday Times",)),
    }
    for typed, (time, day, include) in days.items():
        found = await _subscribed(bot, f"/subscribe {typed}")
        assert found == (time, "weekly", day, include), typed


async def test_a_minute_or_minutes_that_name_no_minute(bot: Bot) -> None:
    """ "daily at minute" kept "at" and "minute" as keywords (a minute is for hourly digests:
    refused, as "every hour at minute"); "60 Minutes" first was the hour 60, refused as no
    time of day: a number before "minutes" is a keyword (the programme); "20:00 in the
    morning" was refused as "20:00am", no time of day: the hour and the part of the day
    disagree, and the reply says so with the words typed."""
    assert await _subscribed(bot, "/subscribe 08:00 economy") == ("08:00", "daily", 0, ("economy",))
    for typed in ("daily at minute", "08:00 at minute", "weekly on Friday at the minute"):
        refused = texts(await bot.say(f"/subscribe {typed}"))
        assert "minute of the hour (0 to 59)" in refused, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (sub.frequency, sub.include) == ("daily", ("economy",))
    for typed in ("60 Minutes", "60 minutes"):
        words = tuple(typed.split())
        assert await _subscribed(bot, f"/subscribe {typed}") == ("08:00", "daily", 0, words)
    assert await _subscribed(bot, "/subscribe La Minute 09:00") == (
        "09:00",
        "daily",
        0,
        ("La", "Minute"),
    )
    for typed in ("20:00 in the morning", "20 Uhr morgens", "morgens um 20", "18h du matin"):
        refused = texts(await bot.say(f"/subscribe {typed} sport"))
        assert "the hour and the part of the day say different times" in refused, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.include == ("La", "Minute"), typed


async def say_in(bot: Bot, text: str, language_code: str) -> list[SentMessage]:
    """Send text as a user whose Telegram app speaks ``language_code``."""
    before = len(bot.offline.sent(USER))
    bot.offline.user_message(text, user_id=USER, language_code=language_code)
    await bot.feed()
    return bot.offline.sent(USER)[before:]


async def test_a_number_after_a_day_is_its_hour_and_the_reply_says_so(bot: Bot) -> None:
    """ "Friday 13" is 13:00 on Fridays, as "Friday 8" is 08:00, and the reply says how the
    number was read and how to keep it a keyword; "Friday the 13th" (the date, the film) is
    one keyword, not "the" and "13th" on Fridays."""
    [reply] = await bot.say("/subscribe Friday 13")
    assert "“13” was read as the time 13:00" in reply.plain_text
    assert '"Friday 13"' in reply.plain_text
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.time, sub.frequency, sub.weekday) == ("13:00", "weekly", 4)
    [plain] = await bot.say("/subscribe Friday 14:00")
    assert "was read as the time" not in plain.plain_text
    [spoken] = await say_in(bot, "/subscribe viernes 9", "es")
    assert "«9» se ha interpretado como la hora 09:00" in spoken.plain_text, spoken.plain_text
    [persian] = await say_in(bot, "/subscribe جمعه 13", "fa")
    assert "۱۳:۰۰" in persian.plain_text.split("\n\n")[-1], persian.plain_text  # its digits
    for typed in ("Friday the 13th", "friday the 13th", "Friday 13th"):
        found = await _subscribed(bot, f"/subscribe {typed}")
        assert found[1:] == ("daily", 0, (typed,)), typed


async def test_a_number_that_could_be_an_hour_alone_among_keywords_is_refused(bot: Bot) -> None:
    """ "Santo Domingo 9", "Ukraine 9" kept "9" as a keyword, found in nearly every story:
    with no time typed the number is refused, saying how to write the hour and how to keep a
    name with a number; after a time, in quotes, or past 23 it stays a keyword."""
    assert await _subscribed(bot, "/subscribe 08:00 economy") == ("08:00", "daily", 0, ("economy",))
    for typed in ("Santo Domingo 9", "Ukraine 9", "Formula 1", "Ukraine 9 Kyiv"):
        refused = texts(await bot.say(f"/subscribe {typed}"))
        number = "9" if "9" in typed else "1"
        assert f"“{number}” alone is no keyword" in refused, typed
        assert f"write {number}:00" in refused and '/subscribe "Formula 1"' in refused, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.include == ("economy",), typed
    [ru] = await say_in(bot, "/subscribe Украина 9", "ru")
    assert "«9» — не ключевое слово" in ru.plain_text, ru.plain_text
    kept = {
        '/subscribe "Formula 1"': ("08:00", ("Formula 1",)),
        "/subscribe Ukraine 9:00": ("09:00", ("Ukraine",)),
    }
    for typed, (time, include) in kept.items():
        found = await _subscribed(bot, typed)
        assert (found[0], found[3]) == (time, include), typed


async def test_a_number_after_a_capitalised_word_names_with_it(bot: Bot) -> None:
    """ "Area 51", "08:00 Formula 1" kept the number as a keyword of its own, found in nearly
    every story: after a capitalised word it is one keyword with it. A year, a number after a
    word in lower case or a quoted phrase, and a number after a keyword it does not touch stay
    apart."""
    cases = {
        "/subscribe Area 51": ("08:00", ("Area 51",)),
        "/subscribe 08:00 Formula 1": ("08:00", ("Formula 1",)),
        "/subscribe Windows 11 08:00": ("08:00", ("Windows 11",)),
        "/subscribe 07:00 Boeing 737, Airbus": ("07:00", ("Boeing 737", "Airbus")),
        "/subscribe 08:00 Covid 19 -Formula 1": ("08:00", ("Covid 19",)),
        "/subscribe 08:00 Area 51 -Formula 1 -Covid 19 Apollo 13": (
            "08:00",
            ("Area 51", "Apollo 13"),
        ),
        "/subscribe Ukraine 2026": ("08:00", ("Ukraine", "2026")),
        "/subscribe 08:00 route 66": ("08:00", ("route", "66")),
        '/subscribe 08:00 "Top Gear" 24': ("08:00", ("Top Gear", "24")),
    }
    for typed, (time, include) in cases.items():
        found = await _subscribed(bot, typed)
        assert (found[0], found[3]) == (time, include), typed
    await bot.say("/subscribe 08:00 Area 51 -Formula 1 -Covid 19 Apollo 13")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.exclude == ("Formula 1", "Covid 19")
    await bot.say("/settings include Area 51 Formula 1 -Covid 19")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    assert (sub.include, sub.exclude) == (("Area 51", "Formula 1"), ("Covid 19",))
    await bot.say("/settings exclude Windows 11, route 66")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.exclude == ("Windows 11", "route", "66")


async def test_minutes_in_capitals_and_digests_every_few_minutes(bot: Bot) -> None:
    """ "Daily At Minute" was keywords where "daily at minute" is refused; "every 60 minutes",
    "in 30 minutes" were keywords silently: the reply says digests come at most hourly, and
    how to choose the minute. "La Minute" and "60 Minutes" stay keywords."""
    assert await _subscribed(bot, "/subscribe 08:00 economy") == ("08:00", "daily", 0, ("economy",))
    for typed in ("Daily At Minute", "Weekly On Friday At The Minute"):
        refused = texts(await bot.say(f"/subscribe {typed}"))
        assert "minute of the hour (0 to 59)" in refused, typed
    for typed in ("every 60 minutes", "in 30 minutes", "Every 15 Minutes", "каждые 30 минут"):
        refused = texts(await bot.say(f"/subscribe {typed} sport"))
        assert f"“{typed}”: digests come at most once an hour" in refused, typed
        assert "/settings time minute 30" in refused, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and sub.include == ("economy",), typed
    [de] = await say_in(bot, "/subscribe alle 15 Minuten", "de")
    assert "höchstens einmal pro Stunde" in de.plain_text, de.plain_text
    for typed in ("08:00 La Minute", "La Minute 09:00", "60 Minutes"):
        found = await _subscribed(bot, f"/subscribe {typed}")
        assert found[3] == tuple(w for w in typed.split() if ":" not in w), typed


async def test_in_a_few_minutes_is_refused_in_every_language(bot: Bot) -> None:
    """Spanish "en 30 minutos" was minute 30 of hourly digests and Portuguese "em 30 minutos",
    Ukrainian "за 30 хвилин" keywords, where "in 30 minutes" is refused: the same refusal, in
    the chat's language, in every language the phrase has. "en el minuto 30" is still a minute."""
    await _subscribed(bot, "/subscribe 08:00 economy")
    phrases = {
        "en 30 minutos": "es",
        "em 30 minutos": "pt",
        "dans 30 minutes": "fr",
        "in 30 Minuten": "de",
        "через 30 минут": "ru",
        "за 30 минут": "ru",
        "за 30 хвилин": "uk",
        "tra 30 minuti": "it",
        "za 30 minut": "pl",
    }
    for typed, code in phrases.items():
        [refused] = await say_in(bot, f"/subscribe {typed} sport", code)
        assert typed in refused.plain_text, (typed, refused.plain_text)
        assert "/settings time minute 30" in refused.plain_text, typed
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (sub.frequency, sub.include) == ("daily", ("economy",)), typed
    await say_in(bot, "/subscribe cada hora en el minuto 30", "es")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and (sub.frequency, sub.time[3:]) == ("hourly", "30")


async def test_a_city_right_after_the_time_is_the_zone(bot: Bot) -> None:
    """ "/subscribe 8am New York" made "New" and "York" keywords ("New" is in nearly every
    story) and kept the zone at UTC; "7am London climate" made "London" a keyword: a zone's
    city right after the time is the zone, as /settings tz reads it, in every language, and
    the reply shows it. Elsewhere, in quotes, after a minus, going on with a capitalised word
    or being an ordinary word too, a city stays a keyword."""
    zones = {
        "8am New York": ("08:00", "America/New_York", ()),
        "7am London climate": ("07:00", "Europe/London", ("climate",)),
        "07:00 London": ("07:00", "Europe/London", ()),
        "8 Uhr Berlin": ("08:00", "Europe/Berlin", ()),
        "в 8:00 Москва": ("08:00", "Europe/Moscow", ()),
        "a las 8 Madrid": ("08:00", "Europe/Madrid", ()),
        "8pm Los Angeles, energy": ("20:00", "America/Los_Angeles", ("energy",)),
        "07:00 London Friday": ("07:00", "Europe/London", ()),
        "Friday 8 Tokyo": ("08:00", "Asia/Tokyo", ()),
    }
    for typed, (time, zone, include) in zones.items():
        found = await _subscribed(bot, f"/subscribe {typed}")
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (found[0], sub.timezone, found[3]) == (time, zone, include)
        assert sub.timezone_given, typed
    [reply] = await bot.say("/subscribe 9am New York")
    assert f"09:00 ({'America/New_York'})" in reply.plain_text, reply.plain_text
    keywords = {
        "London": ("London",),
        "climate London": ("climate", "London"),
        '08:00 "London"': ("London",),
        "08:00 «Москва»": ("Москва",),
        "8am -London climate": ("climate",),
        "8am New York Times": ("New York", "Times"),
        "07:00 London Stock Exchange": ("London", "Stock", "Exchange"),
        "08:00 North Korea": ("North", "Korea"),
        "07:00 Christmas": ("Christmas",),
    }
    for typed, include in keywords.items():
        await bot.say("/settings tz UTC")
        found = await _subscribed(bot, f"/subscribe {typed}")
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (found[3], sub.timezone) == (include, "UTC"), typed
    refused = texts(await bot.say("/subscribe 08:00 London Europe/Paris"))
    assert "Europe/London" in refused and "Europe/Paris" in refused


async def test_a_city_before_a_german_noun_is_the_zone(bot: Bot) -> None:
    """ "8 Uhr Berlin Klima" kept Berlin and Klima as keywords at UTC: a capitalised word after
    the city was read as a longer name ("8am New York Times"), but German capitalises every
    noun. In a German chat, or with a German clock word, the city is the zone unless the two
    words start a known name; in English "8am New York Times" stays the paper."""
    cases = {
        ("8 Uhr Berlin Klima", "en"): ("Europe/Berlin", ("Klima",)),
        ("um 8 Berlin Wahl", "en"): ("Europe/Berlin", ("Wahl",)),
        ("08:00 Berlin Klima", "de"): ("Europe/Berlin", ("Klima",)),
        ("08:00 Wien Energiepreise", "de"): ("Europe/Vienna", ("Energiepreise",)),
        ("08:00 Berlin Klima", "en"): ("UTC", ("Berlin", "Klima")),
        ("8am New York Times", "de"): ("UTC", ("New York", "Times")),
        ("8 Uhr New York Times", "en"): ("UTC", ("New York", "Times")),
        ("07:00 London Stock Exchange", "de"): ("UTC", ("London", "Stock", "Exchange")),
        ("8am New York Times", "en"): ("UTC", ("New York", "Times")),
    }
    for (typed, code), (zone, include) in cases.items():
        await bot.say("/settings tz UTC")
        await _subscribed(bot, "/subscribe 09:00")
        await say_in(bot, f"/subscribe {typed}", code)
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (sub.timezone, sub.include) == (zone, include), typed


async def test_a_city_then_a_comma_and_a_region_is_that_place(bot: Bot) -> None:
    """ "08:00 Paris, Texas" set Europe/Paris: a comma after the city and a state or a country
    names that place. Its own country's ("Paris, France") keeps the zone, and the region is no
    keyword; another ("Paris, Texas", "London, Ontario") has no zone the bot knows by the
    name, so the place is one keyword and the time stays in the zone the reply shows."""
    cases = {
        "08:00 Paris, France climate": ("Europe/Paris", ("climate",)),
        "08:00 Paris, climate": ("Europe/Paris", ("climate",)),
        "08:00 Paris, Texas": ("UTC", ("Paris, Texas",)),
        "08:00 London, Ontario energy": ("UTC", ("London, Ontario", "energy")),
        "08:00 Paris, New Mexico": ("UTC", ("Paris, New Mexico",)),
        "8pm Los Angeles, energy": ("America/Los_Angeles", ("energy",)),
    }
    for typed, (zone, include) in cases.items():
        await bot.say("/settings tz UTC")
        await _subscribed(bot, "/subscribe 09:00")
        reply = texts(await bot.say(f"/subscribe {typed}"))
        sub = store.find_subscription(bot.db, USER)
        assert sub is not None and (sub.timezone, sub.include) == (zone, include), typed
        assert f"({zone})" in reply, (typed, reply)


async def test_a_city_of_several_words_is_one_keyword(bot: Bot) -> None:
    """ "/subscribe New York" was the keywords "New" and "York": a zone's city of two words or
    more, as the bot's languages name it, is one keyword ("-Hong Kong" one left out); a comma
    parts it, as it parts any name."""
    cases = {
        "New York": ("New York",),
        "climate Los Angeles": ("climate", "Los Angeles"),
        "Hong Kong 08:00": ("Hong Kong",),
        "São Paulo Buenos Aires": ("São Paulo", "Buenos Aires"),
        "Tel Aviv, Kuala Lumpur": ("Tel Aviv", "Kuala Lumpur"),
        "Rio de Janeiro Mexico City": ("Rio de Janeiro", "Mexico City"),
        "Nueva York economía": ("Nueva York", "economía"),
        "New, York": ("New", "York"),
    }
    for typed, include in cases.items():
        found = await _subscribed(bot, f"/subscribe {typed}")
        assert found[3] == include, typed
    await bot.say("/subscribe climate -Hong Kong")
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None and sub.exclude == ("Hong Kong",)


async def test_a_channel_reads_a_city_as_subscribe_does(bot: Bot) -> None:
    add_channel(bot)
    await owner_says(bot, "/subscribe_channel @paper 8am New York, Los Angeles")
    sub = store.find_subscription(bot.db, CHANNEL)
    assert sub is not None
    assert (sub.time, sub.timezone, sub.include) == ("08:00", "America/New_York", ("Los Angeles",))
