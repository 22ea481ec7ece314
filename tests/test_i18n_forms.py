"""The bot's words as a native reader meets them: plural forms at the counts where languages
differ, a weekday inside a sentence, and a date or time after a preposition.

The catalogs' completeness is checked in tests/test_i18n.py; these tests render through the
real translator (the compiled catalogs) and compare what comes out with what a native speaker
writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import product
from string import Formatter

import pytest
from babel.messages.pofile import read_po
from sqlite_utils import Database

from bot import replies
from bot.i18n import LANGUAGES, translator
from digests import store
from digests.models import Subscription
from tests.test_i18n import LOCALES, RIGHT_TO_LEFT

COUNTS = (0, 1, 2, 5, 11, 21, 22, 25, 101)
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def _plural_messages() -> list[tuple[str, str]]:
    with (LOCALES / "newsbot.pot").open("rb") as pot:
        return [m.id for m in read_po(pot) if isinstance(m.id, tuple)]


def _render(code: str, singular: str, plural: str, n: int) -> str:
    tr = translator(code)
    names = {
        name for text in (singular, plural) for _, name, _, _ in Formatter().parse(text) if name
    }
    values = {name: "X" for name in names} | {"count": tr.number(n), "size": tr.number(n)}
    return tr.ngettext(singular, plural, n, **values)


# The noun after each count, as a native speaker writes it, at 0 1 2 5 11 21 22 25 101.
ENDINGS: dict[str, dict[str, str]] = {
    "{count} source": {
        "en": "sources|source|sources|sources|sources|sources|sources|sources|sources",
        "ru": "источников|источник|источника|источников|источников|источник|источника|"
        "источников|источник",
        "uk": "джерел|джерело|джерела|джерел|джерел|джерело|джерела|джерел|джерело",
        "de": "Quellen|Quelle|Quellen|Quellen|Quellen|Quellen|Quellen|Quellen|Quellen",
        # French: zero takes the singular too.
        "fr": "source|source|sources|sources|sources|sources|sources|sources|sources",
        "es": "fuentes|fuente|fuentes|fuentes|fuentes|fuentes|fuentes|fuentes|fuentes",
        "it": "fonti|fonte|fonti|fonti|fonti|fonti|fonti|fonti|fonti",
        # Portuguese: zero takes the plural, as Brazilians write a count (CLDR's rule put
        # zero with one, "0 fonte"; the catalog's own rule is n != 1).
        "pt": "fontes|fonte|fontes|fontes|fontes|fontes|fontes|fontes|fontes",
        # Persian: a noun after a number stays singular.
        "fa": "|".join(["منبع"] * 9),
        "pl": "źródeł|źródło|źródła|źródeł|źródeł|źródeł|źródła|źródeł|źródeł",
        # Arabic: singular at none and one, dual at two, plural at 3-10, the singular's
        # accusative at 11-99, the singular again from 100.
        "ar": "مصدر|مصدر|مصدران|مصادر|مصدرًا|مصدرًا|مصدرًا|مصدرًا|مصدر",
    },
    "{count} article": {
        "ru": "статей|статья|статьи|статей|статей|статья|статьи|статей|статья",
        "uk": "статей|стаття|статті|статей|статей|стаття|статті|статей|стаття",
        "de": "|".join(["Artikel"] * 9),
        "fr": "article|article|articles|articles|articles|articles|articles|articles|articles",
        "es": "artículos|artículo|artículos|artículos|artículos|artículos|artículos|artículos|"
        "artículos",
        "it": "articoli|articolo|articoli|articoli|articoli|articoli|articoli|articoli|articoli",
        "pt": "artigos|artigo|artigos|artigos|artigos|artigos|artigos|artigos|artigos",
        "fa": "|".join(["مقاله"] * 9),
        "pl": "artykułów|artykuł|artykuły|artykułów|artykułów|artykułów|artykuły|artykułów|"
        "artykułów",
        "ar": "مقالة|مقالة|مقالتان|مقالات|مقالة|مقالة|مقالة|مقالة|مقالة",
    },
    "{count} error in a row": {
        "ru": "ошибок подряд|ошибка подряд|ошибки подряд|ошибок подряд|ошибок подряд|"
        "ошибка подряд|ошибки подряд|ошибок подряд|ошибка подряд",
        "uk": "помилок поспіль|помилка поспіль|помилки поспіль|помилок поспіль|помилок поспіль|"
        "помилка поспіль|помилки поспіль|помилок поспіль|помилка поспіль",
    },
    # A story's count of other outlets ("also reported by 21 sources").
    "also reported by {count} source": {
        "ru": "источников|источник|источника|источников|источников|источник|источника|"
        "источников|источник",
        "uk": "джерел|джерело|джерела|джерел|джерел|джерело|джерела|джерел|джерело",
        "fr": "source|source|sources|sources|sources|sources|sources|sources|sources",
        "it": "fonti|fonte|fonti|fonti|fonti|fonti|fonti|fonti|fonti",
        "pt": "fontes|fonte|fontes|fontes|fontes|fontes|fontes|fontes|fontes",
        # Persian: the verb is singular for one source (and none), plural for more.
        "fa": "داده است|داده است|" + "|".join(["داده\u200cاند"] * 7),
        # Polish: the verb is plural with 2-4 (not 12-14), singular otherwise ("podaje 5").
        "pl": "podaje też 0 źródeł|podaje też 1 źródło|podają też 2 źródła|"
        "podaje też 5 źródeł|podaje też 11 źródeł|podaje też 21 źródeł|podają też 22 źródła|"
        "podaje też 25 źródeł|podaje też 101 źródeł",
    },
}


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_plural_message_renders_at_every_count(code: str) -> None:
    """Each form is filled, carries its count, and the catalog's rule picks a real form."""
    tr = translator(code)
    for singular, plural in _plural_messages():
        for n in COUNTS:
            text = _render(code, singular, plural, n)
            assert text.strip() and "{" not in text, (code, singular, n, text)
            if "{count}" in singular:
                assert tr.number(n) in text, (code, singular, n, text)


@pytest.mark.parametrize("message", list(ENDINGS))
def test_the_noun_after_a_count_takes_the_form_native_speakers_write(message: str) -> None:
    plural = {singular: p for singular, p in _plural_messages()}[message]
    wrong = [
        (code, n, text)
        for code, endings in ENDINGS[message].items()
        for n, ending in zip(COUNTS, endings.split("|"), strict=True)
        if not (text := _render(code, message, plural, n)).endswith(ending)
    ]
    assert not wrong, wrong


def test_minutes_follow_the_locale_at_every_count() -> None:
    """Durations ("wait 5 min") are Babel's, in the locale's digits and abbreviations."""
    expected = {  # at 1 2 5 11 21 22 25 minutes ("0" is Babel's "0 secs")
        "en": "1 min|2 mins|5 mins|11 mins|21 mins|22 mins|25 mins",
        "ru": "1 мин|2 мин|5 мин|11 мин|21 мин|22 мин|25 мин",
        "uk": "1 хв|2 хв|5 хв|11 хв|21 хв|22 хв|25 хв",
        "de": "1 Min.|2 Min.|5 Min.|11 Min.|21 Min.|22 Min.|25 Min.",
        "fr": "1\xa0min|2\xa0min|5\xa0min|11\xa0min|21\xa0min|22\xa0min|25\xa0min",
        "es": "1 min|2 min|5 min|11 min|21 min|22 min|25 min",
        "it": "1 min|2 min|5 min|11 min|21 min|22 min|25 min",
        "pt": "1 min|2 min|5 min|11 min|21 min|22 min|25 min",
        "fa": "۱ دقیقه|۲ دقیقه|۵ دقیقه|۱۱ دقیقه|۲۱ دقیقه|۲۲ دقیقه|۲۵ دقیقه",
        "pl": "1 min|2 min|5 min|11 min|21 min|22 min|25 min",
        "ar": "1 د|2 د|5 د|11 د|21 د|22 د|25 د",
    }
    for code, texts in expected.items():
        tr = translator(code)
        # 101 minutes shows as "2 hrs".
        shown = [tr.duration(timedelta(minutes=n)) for n in COUNTS[1:-1]]
        assert shown == texts.split("|"), code


def _weekly(weekday: int) -> Subscription:
    return Subscription(1, 1, "private", frequency="weekly", weekday=weekday, time="08:00")


def test_a_weekday_inside_a_sentence_takes_its_own_form() -> None:
    """ "every {weekday}" with a bare day name read "раз в неделю (среда)" in Russian: the
    word for "every" agrees with the day (каждую среду, каждый вторник, каждое воскресенье)."""
    days = {
        "ru": ("каждый понедельник в 08:00", "каждую среду в 08:00", "каждое воскресенье в 08:00"),
        "uk": ("щопонеділка о 08:00", "щосереди о 08:00", "щонеділі о 08:00"),
        "de": ("jeden Montag um 08:00", "jeden Mittwoch um 08:00", "jeden Sonntag um 08:00"),
        "fr": (
            "tous les lundis à 08:00",
            "tous les mercredis à 08:00",
            "tous les dimanches à 08:00",
        ),
        "es": (
            "todos los lunes a las 08:00",
            "todos los miércoles a las 08:00",
            "todos los domingos a las 08:00",
        ),
        "it": ("ogni lunedì alle 08:00", "ogni mercoledì alle 08:00", "ogni domenica alle 08:00"),
        # Portuguese: "toda" for the days named "-feira", "todo" for sábado and domingo.
        "pt": (
            "toda segunda-feira às 08:00",
            "toda quarta-feira às 08:00",
            "todo domingo às 08:00",
        ),
        "fa": ("هر دوشنبه ساعت ۰۸:۰۰", "هر چهارشنبه ساعت ۰۸:۰۰", "هر یکشنبه ساعت ۰۸:۰۰"),
        "pl": (
            "w każdy poniedziałek o 08:00",
            "w każdą środę o 08:00",
            "w każdą niedzielę o 08:00",
        ),
        "ar": (
            "كل يوم اثنين الساعة 08:00",
            "كل يوم أربعاء الساعة 08:00",
            "كل يوم أحد الساعة 08:00",
        ),
        "en": ("every Monday at 08:00", "every Wednesday at 08:00", "every Sunday at 08:00"),
    }
    for code, expected in days.items():
        tr = translator(code)
        shown = tuple(replies.describe(tr, _weekly(day)) for day in (0, 2, 6))
        for text, wanted in zip(shown, expected, strict=True):
            assert wanted in text, (code, wanted, text)


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_time_with_its_date_reads_right_where_a_preposition_stood(code: str) -> None:
    """An incident's times are "09:05 UTC" on its day and "1 Mar, 09:05 UTC" before it:
    "a las 1 mar", "о 1 бер.", "um 1. März" were wrong; the texts take either."""
    now = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    earlier = datetime(2026, 3, 1, 9, 5, tzinfo=UTC)
    tr = translator(code)
    shown = tr.time(earlier, now)
    texts = [
        replies.backlog_detail(tr, 3, earlier, now),
        tr.gettext(
            "<b>Telegram outage</b>: Telegram stopped answering at {started} and every send "
            "paused until {seen}; queued messages were kept and are going out.",
            started=shown,
            seen=shown,
        ),
        tr.gettext(
            "<b>Telegram outage over</b>: Telegram has answered steadily since {seen} "
            "(the outage began at {started}).",
            started=shown,
            seen=shown,
        ),
        tr.gettext(
            "<b>Delivery backlog cleared</b> (it began at {started}, last seen at {seen}).",
            started=shown,
            seen=shown,
        ),
        tr.ngettext(
            "<b>Failures stopped</b>: {count} message given up from {started} to {seen}; "
            "the last:\n{last}",
            "<b>Failures stopped</b>: {count} messages given up from {started} to {seen}; "
            "the last:\n{last}",
            2,
            count=tr.number(2),
            started=shown,
            seen=shown,
            last="x",
        ),
    ]
    before_a_date = {
        "ru": (" в ",),
        "uk": (" о ",),
        "de": (" um ",),
        "fr": (" à ",),
        "es": (" las ", " a la "),
        "it": (" alle ", " all'"),
        "pt": (" às ", " à "),
        "pl": (" o ",),
        "ar": (" الساعة ",),
    }
    for text in texts:
        for preposition in before_a_date.get(code, ()):
            assert f"{preposition}{shown}" not in text, (code, text)


def test_french_uses_one_space_before_each_mark() -> None:
    """French sets a narrow no-break space before ; ! ? and a no-break space before : (the
    catalog's own rule); two topic notices had the wide one before ";"."""
    with (LOCALES / "fr" / "LC_MESSAGES" / "newsbot.po").open("rb") as po:
        texts = [
            text
            for m in read_po(po)
            if m.id
            for text in (m.string if isinstance(m.string, tuple) else (m.string,))
        ]
    wide = [text for text in texts if re.search("\xa0[;!?]", text)]
    assert not wide, wide


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_right_to_left_keeps_the_end_of_a_latin_value_with_it(code: str) -> None:
    """In a right-to-left line the neutral characters ending a Latin value (a URL's closing
    "/", a name's ")") took the line's direction and showed on the value's other side
    ("/https://e.org/feed"); a left-to-right mark after such a value keeps them with it."""
    fa = translator(code)
    added = fa.gettext("Cannot add {url}: {error}", url="https://e.org/feed/", error="HTTP 404")
    assert "https://e.org/feed/\u200e" in added and "HTTP 404\u200e" in added
    paused = fa.gettext("Paused source {id}: {name}.", id="3", name="BBC (World)")
    assert "BBC (World)\u200e" in paused
    with (LOCALES / code / "LC_MESSAGES" / "newsbot.po").open("rb") as po:
        catalog = [m for m in read_po(po) if m.id]
    latin = re.compile(r"\{(url|host|error|detail|channel|outlet|source)\}(?!\u200e)")
    loose = [
        text
        for m in catalog
        if not all(place.endswith("console.py") for place, _ in m.locations)
        for text in (m.string if isinstance(m.string, tuple) else (m.string,))
        for found in latin.finditer(re.sub(r"<code>.*?</code>|/\w+ \{\w+\}", "", text))
    ]
    assert not loose, loose


# The languages a native reader went through reply by reply (Italian, Portuguese, Polish,
# Arabic); the rules below hold for them, and the others are checked by their own tests.
REVIEWED = ("it", "pt", "pl", "ar")
# English words a translation keeps: formats, protocols and names a reader meets as they are;
# and, per language, the words it spells as English does ("file", "folder", "local").
KEPT_WORDS = {"opml", "json", "feed", "feeds", "byte", "bytes", "http", "https", "telegram"}
SAME_SPELLING = {"it": {"file", "site"}, "pt": {"local", "item", "site"}, "pl": {"folder"}}


# The forms each reviewed language has, and those the counts above reach (Italian's second is
# for millions, "1 milione di fonti", which no count here is).
PLURAL_FORMS = {
    "it": (3, {0, 2}),
    "pt": (2, {0, 1}),
    "pl": (3, {0, 1, 2}),
    "ar": (6, set(range(6))),
}


@pytest.mark.parametrize("code", REVIEWED)
def test_plural_messages_read_in_the_language_at_every_count(code: str) -> None:
    """Every plural message at 0 1 2 5 11 21 22 25 101, in each of the language's forms (Polish
    three, Arabic six): no placeholder left, the count shown, no English word of the message
    left in (an untranslated form, or a form copied from English, would show "sources")."""
    tr = translator(code)
    with (LOCALES / code / "LC_MESSAGES" / "newsbot.po").open("rb") as po:
        catalog = read_po(po)
    forms, reached = PLURAL_FORMS[code]
    assert catalog.num_plurals == forms
    assert {tr.translations.plural(n) for n in COUNTS} == reached  # type: ignore[attr-defined]
    wrong = []
    for singular, plural in _plural_messages():
        bare = re.sub(r"\{\w+\}|<[^>]+>|/\w+", "", f"{singular} {plural}")
        words = {w.casefold() for w in re.findall(r"[A-Za-z]{4,}", bare)}
        words -= KEPT_WORDS | SAME_SPELLING.get(code, set())
        for n in COUNTS:
            text = _render(code, singular, plural, n)
            left = words & {w.casefold() for w in re.findall(r"[A-Za-z]{4,}", text)}
            if "{" in text or text == _render("en", singular, plural, n) or left:
                wrong.append((n, text, sorted(left)))
            elif "{count}" in singular and tr.number(n) not in text:
                wrong.append((n, text, ["no count"]))
    assert not wrong, wrong


def _settings_buttons(code: str) -> list[tuple[int, str]]:
    """Return every label of the /settings keyboard (with the number of buttons on its row),
    over both modes, every pictures choice, frequency and weekday, and both toggle states."""
    from bot.handlers.subscriptions import settings_keyboard

    tr = translator(code)
    shown = set()
    for mode, pictures, frequency, weekday, on in product(
        ("digest", "live"), ("off", "preview", "photo"), FREQUENCY_KEYS, range(7), (False, True)
    ):
        sub = Subscription(
            1,
            1,
            "private",
            frequency=frequency,
            weekday=weekday,
            time="08:00",
            mode=mode,
            pictures=pictures,
            allegations=on,
            silent=on,
            link_previews=on,
            empty_note=on,
        )
        for row in settings_keyboard(tr, sub).inline_keyboard:
            shown.update((len(row), button.text) for button in row)
    return sorted(shown)


FREQUENCY_KEYS = ("daily", "weekdays", "hourly", "weekly")


def _too_wide(buttons: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """Return the labels (with the number of buttons on their row) a phone cuts."""
    return [
        (per_row, label)
        for per_row, label in buttons
        if len(label) > (replies.BUTTON_WIDTH if per_row == 1 else replies.SHARED_BUTTON_WIDTH)
    ]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_settings_buttons_fit_a_phone_and_start_with_a_capital(code: str) -> None:
    """Telegram cuts a button's text that does not fit ("Avviso quando non c'è nulla di
    nuovo: no" showed as "Avviso quando non c'è nulla di…"): a button alone on its row holds
    32 characters on a phone, one of two 21 (the time zone, a name the reader chose, aside);
    French "Avis quand il n’y a rien de nouveau : non" was 41, Ukrainian 38, Spanish
    "Imágenes: vista previa ▸" 24 on a shared row. A weekday alone on a button began
    lower-case ("lunedì ▸", "среда ▸", "lundi ▸") as it does inside a sentence."""
    zone = translator(code).gettext("Zone {zone} ▸", zone="")
    buttons = _settings_buttons(code)
    too_long = _too_wide(b for b in buttons if not b[1].startswith(zone.rstrip(" ▸◂")))
    assert not too_long, too_long
    lower = [label for _, label in buttons if label[0].islower()]
    assert not lower, lower


def _keyboards(code: str, db: Database) -> list[tuple[int, str]]:
    """Return every label (with the number of buttons on its row) of the bot's keyboards
    besides /settings: /start, /language, an admin's /sources list and a source's card (both
    states, and the removal question), More, Back, and /allegations' names."""
    from bot.handlers import common, language, reading, source_cards

    tr = translator(code)
    sources = [
        store.add_source(db, f"https://example.org/{n}.xml", title="A feed " * 20)
        for n in range(40)
    ]
    store.set_paused(db, sources[1].id, True)
    sources = store.list_sources(db)
    keyboards = [
        reading.welcome_keyboard(tr),
        language.language_keyboard(tr),
        common.more_keyboard("latest:5:5", replies.more_button(tr)),
        source_cards.question(tr, sources[0], 0)[1],
        *(source_cards.card(tr, db, source, 0)[1] for source in sources[:2]),
    ]
    listed = source_cards.list_page(tr, sources, 0)[1]
    assert listed is not None
    keyboards.append(listed)
    labels = [
        (len(row), button.text) for k in keyboards for row in k.inline_keyboard for button in row
    ]
    # /allegations: a name alone on its row, with its count; a name is the feeds', not ours
    name = "Министерство иностранных дел Российской Федерации"
    labels += [(1, replies.target_button(tr, name, count)) for count in (3, 12345)]
    return labels


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_other_keyboards_fit_a_phone_and_start_with_a_capital(code: str, db: Database) -> None:
    """The same limits on every other keyboard: German "Tägliche Zusammenfassung" was 24
    beside "Neueste Nachrichten" on /start; a long accused name was cut at 40 characters."""
    labels = _keyboards(code, db)
    assert not _too_wide(labels), _too_wide(labels)
    lower = [label for _, label in labels if label[0].islower()]
    assert not lower, lower


def test_on_and_off_agree_with_what_they_are_said_of() -> None:
    """ "on" and "off" were one message for every setting: Arabic wrote "معاينة الروابط: معطّل"
    and "الصور: معطّل", a masculine state after a feminine label (and a plural one, which
    takes the feminine). Each setting's state is its own message (a context per setting)."""
    ar = translator("ar")
    assert replies.toggle_state(ar, "link_previews", False) == "معطّلة"
    assert replies.toggle_state(ar, "link_previews", True) == "مفعّلة"
    assert replies.toggle_state(ar, "silent", False) == "معطّل"
    assert replies.toggle_state(ar, "empty_note", True) == "مفعّل"
    assert ar.label(replies.PICTURES_OFF) == "معطّلة"
    sub = Subscription(1, 1, "private", time="08:00", pictures="off", link_previews=False)
    page = replies.describe(ar, sub)
    assert "<b>معاينة الروابط:</b> معطّلة" in page and "<b>الصور:</b> معطّلة" in page
    for code in LANGUAGES:  # every state translated, and never the English word
        tr = translator(code)
        states = [tr.label(state) for pair in replies.TOGGLE_STATES.values() for state in pair]
        states.append(tr.label(replies.PICTURES_OFF))
        assert all(states) and (code == "en" or not {"on", "off"} & set(states)), code


@pytest.mark.parametrize("code", REVIEWED)
def test_command_descriptions_are_within_telegram_s_bounds(code: str) -> None:
    """setMyCommands takes a description of 3-256 characters (Bot API)."""
    from bot.commands import COMMANDS

    tr = translator(code)
    lengths = {command.name: len(tr.gettext(command.description)) for command in COMMANDS}
    assert all(3 <= length <= 256 for length in lengths.values()), lengths
