"""The bot's languages: catalogs complete and faithful, every reply valid in every language.

The message ids are extracted from the source as `make locales` does (Babel), so a text
added without translations fails here; every public function of bot/replies.py is rendered
in every language with sample arguments chosen by its parameters' types, so a new reply is
checked without anyone listing it.
"""

from __future__ import annotations

import ast
import gettext
import inspect
import re
import string
import typing
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.catalog import Message as CatalogMessage
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from bot import commands, i18n, render, replies
from bot.i18n import LANGUAGES, Translator, translator
from bot.jobs import IngestReport
from bot.telegram_html import MAX_MESSAGE_LENGTH, check_message, parse, utf16_len
from digests import schedule, store
from digests.allegations.kinds import FALLBACK_READING
from digests.ingest import PollResult
from digests.language import NAMES
from digests.message import Message
from digests.models import (
    Allegation,
    ChatDigest,
    ChatLanguage,
    Digest,
    LedgerEntry,
    Response,
    Source,
    SourceAttention,
    SourceLink,
    StoryItem,
    Subscription,
)
from digests.opml import ImportResult
from digests.process import ProcessResult

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "bot" / "locale"
# Where `make locales` looks for texts (the Makefile's TEXT_SOURCES).
TEXT_SOURCES = (ROOT / "bot", ROOT / "digests")
KEYWORDS = {
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "pgettext": ((1, "c"), 2),
    "NC_": ((1, "c"), 2),
}
# A message with a context is keyed as gettext stores it: "context\x04message".
CONTEXT = "\x04"
TRANSLATED = [code for code in LANGUAGES if code != i18n.DEFAULT_LANGUAGE]
RIGHT_TO_LEFT = [code for code in LANGUAGES if translator(code).rtl]
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NASTY = '<b>A & "B"</b> </i> \x00 \u202e ' + "x" * 5000
_TAG = re.compile(r"</?[a-z-]+")


def source_messages() -> dict[str | tuple[str, str], list[str]]:
    """Return every message id in the source, with its locations, as `make locales` finds it."""
    found: dict[str | tuple[str, str], list[str]] = {}
    options = {"comment_tags": ("TRANSLATORS:",), "keywords": KEYWORDS}
    for place in TEXT_SOURCES:
        if place.is_dir():
            messages: Iterator[Any] = (
                (f"{place.name}/{name}", *rest)
                for name, *rest in extract_from_dir(str(place), **options)  # type: ignore[arg-type]
            )
        else:
            messages = (
                (place.name, *m) for m in extract_from_file("python", str(place), **options)
            )  # type: ignore[arg-type]
        for where, _line, message, _comments, context, *_ in messages:
            key = message if isinstance(message, str) else tuple(message)
            if context:
                key = f"{context}{CONTEXT}{key}"
            found.setdefault(key, []).append(where)
    return found


def catalog(language: str) -> Catalog:
    with (LOCALES / language / "LC_MESSAGES" / "newsbot.po").open("rb") as po:
        return read_po(po)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def forms(message: CatalogMessage) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


# --- catalogs ------------------------------------------------------------------------------


def test_the_template_is_up_to_date_with_the_source() -> None:
    with (LOCALES / "newsbot.pot").open("rb") as pot:
        template = {f"{m.context}{CONTEXT}{m.id}" if m.context else m.id for m in read_po(pot)}
    missing = set(source_messages()) - template
    assert not missing, f"run `make locales`: texts not in bot/locale/newsbot.pot: {missing}"


def test_extraction_sees_every_marked_text() -> None:
    """A text marked inside an f-string is invisible to Babel: none may be missed."""
    extracted = {m.split(CONTEXT)[-1] if isinstance(m, str) else m[0] for m in source_messages()}
    files = [
        p for place in TEXT_SOURCES for p in (place.rglob("*.py") if place.is_dir() else [place])
    ]
    marked = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            # the message itself: after its context with pgettext and NC_
            at = 1 if KEYWORDS.get(name) == ((1, "c"), 2) else 0
            first = node.args[at] if len(node.args) > at else node.args[0]
            if name in KEYWORDS and isinstance(first, ast.Constant) and first.value:
                marked.add((path.name, first.value))
    hidden = {(where, text) for where, text in marked if text not in extracted}
    assert not hidden, f"marked but not extracted (inside an f-string?): {hidden}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders_and_tags(language: str) -> None:
    po = catalog(language)
    assert po.num_plurals >= 1 and po.plural_expr
    for key, where in source_messages().items():
        context, _, bare = key.rpartition(CONTEXT) if isinstance(key, str) else ("", "", key)
        message = po.get(bare[0] if isinstance(bare, tuple) else bare, context=context or None)
        assert message is not None, f"{language}: no entry for {key!r} ({where})"
        assert not message.fuzzy, f"{language}: fuzzy translation of {key!r}"
        texts = forms(message)
        if isinstance(key, tuple):
            assert len(texts) == po.num_plurals, f"{language}: plural forms of {key!r}"
            wanted = fields(key[1])
        else:
            wanted = fields(bare)
        for text in texts:
            assert text.strip(), f"{language}: {key!r} is not translated"
            assert fields(text) == wanted, f"{language}: placeholders of {key!r}: {text!r}"
            source = key[0] if isinstance(key, tuple) else bare
            assert Counter(_TAG.findall(text)) == Counter(_TAG.findall(source)), (
                f"{language}: HTML tags of {key!r} changed: {text!r}"
            )


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogs_match_their_sources(language: str) -> None:
    """The .mo the install (or `make locales`) built says what the .po says: not stale."""
    compiled = translator(language).translations
    assert isinstance(compiled, gettext.GNUTranslations)
    for message in catalog(language):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for n, text in zip((1, 2, 5), ("one", "few", "many"), strict=False):
                expected = forms(message)[compiled.plural(n)]  # type: ignore[attr-defined]
                assert compiled.ngettext(*message.id, n) == expected, (language, text)
        elif message.context:
            assert compiled.pgettext(message.context, message.id) == message.string, language
        else:
            assert compiled.gettext(message.id) == message.string, (
                f"{language}: compiled catalog is stale: run `make locales` or reinstall"
            )


def test_french_punctuation_is_held_to_its_word_by_a_non_breaking_space() -> None:
    """French writes a space before : ; ! ? » and after «; an ordinary one let Telegram wrap
    "Langue" and ": anglais" onto two lines, or leave « alone at a line's end."""
    loose = re.compile(r" [:;!?»](?=\s|$|<|»|\))|« ")
    found = [
        text
        for message in catalog("fr")
        if message.id
        for text in forms(message)
        if loose.search(text)
    ]
    assert not found, found[:5]
    assert translator("fr").labelled("Langue") == "Langue\u00a0:"


def test_languages_have_their_own_plural_forms() -> None:
    ru, uk, fa = translator("ru"), translator("uk"), translator("fa")

    def also(tr: Translator, n: int) -> str:
        return tr.ngettext(
            "also reported by {count} source", "also reported by {count} sources", n, count=n
        )

    assert [also(ru, n) for n in (1, 3, 5, 11, 21, 22)] == [
        "также сообщает 1 источник",
        "также сообщают 3 источника",
        "также сообщают 5 источников",
        "также сообщают 11 источников",
        "также сообщает 21 источник",
        "также сообщают 22 источника",
    ]
    assert also(uk, 4) == "також повідомляють 4 джерела" and also(uk, 7).endswith("джерел")
    assert also(fa, 2) == "2 منبع دیگر هم گزارش داده‌اند"
    assert also(translator("en"), 1) == "also reported by 1 source"


def test_a_source_s_stored_articles_read_naturally_in_every_plural_form() -> None:
    """Russian and Ukrainian said "Его 1 сохранённая статья остаётся" ("Its 1 stored article"):
    each plural form now opens on the count and agrees with it, 1 and 21 alike."""

    def stays(tr: Translator, n: int) -> str:
        return tr.ngettext(
            "Its {count} stored article stays, under its name, in stories and search, "
            "until it is old enough to be pruned like any other.",
            "Its {count} stored articles stay, under its name, in stories and search, "
            "until they are old enough to be pruned like any other.",
            n,
            count=n,
        )

    ru, uk = translator("ru"), translator("uk")
    assert [stays(ru, n).split(" источника ")[0] for n in (1, 3, 5, 21)] == [
        "1 сохранённая статья",
        "3 сохранённые статьи",
        "5 сохранённых статей",
        "21 сохранённая статья",
    ]
    assert stays(ru, 1).endswith("пока не устареет и не будет удалена, как любая другая.")
    assert [stays(uk, n).split(" джерела ")[0] for n in (1, 4, 7, 11)] == [
        "1 збережена стаття",
        "4 збережені статті",
        "7 збережених статей",
        "11 збережених статей",
    ]


def test_subscribing_assumes_no_reader_s_gender() -> None:
    """ "Ya estaba suscrito", "Déjà abonné", "Già iscritto", "Suscrito" spoke to a man: the
    subscription is the subject instead, as Portuguese's "Assinatura ativada" has it."""
    masculine = re.compile(r"\b(?:suscrito|abonné|désabonné|iscritto|inscrito)\b", re.IGNORECASE)
    for language in ("es", "fr", "pt", "it"):
        tr = translator(language)
        for text in (
            tr.gettext("Subscribed"),
            tr.gettext("Subscribed already: nothing changed"),
            tr.gettext("Unsubscribed. No more digests here; /subscribe to start again."),
        ):
            assert not masculine.search(text), (language, text)


def test_dates_times_and_numbers_follow_the_locale() -> None:
    earlier = datetime(2026, 3, 1, 9, 5, tzinfo=UTC)
    now = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    expected = {
        "en": ("1 Mar 09:05 UTC", "1,234,567"),
        "ru": ("1 мар., 09:05 UTC", "1\xa0234\xa0567"),
        "pl": ("1 mar 09:05 UTC", "1\xa0234\xa0567"),
        "ar": ("1 مارس 09:05 UTC", "1,234,567"),
        "de": ("1. März, 09:05 UTC", "1.234.567"),
        "fr": ("1 mars, 09:05 UTC", "1\u202f234\u202f567"),
        "es": ("1 mar, 9:05 UTC", "1.234.567"),
        "it": ("1 mar, 09:05 UTC", "1.234.567"),
        "pt": ("1 de mar. 09:05 UTC", "1.234.567"),
    }
    for code, (when, number) in expected.items():
        tr = translator(code)
        assert (tr.time(earlier, now), tr.number(1234567)) == (when, number), code
    assert translator("de").time(now, now) == "18:00 UTC"
    assert translator("ru").date(earlier) == "1 мар. 2026\u202fг."


def test_times_are_shown_in_the_chat_s_zone_with_its_offset() -> None:
    winter = datetime(2026, 3, 1, 9, 5, tzinfo=UTC)
    summer = datetime(2026, 7, 1, 9, 5, tzinfo=UTC)
    now = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    en = translator("en")
    assert en.in_zone("Europe/Paris").time(winter, now) == "1 Mar 10:05 UTC+1"
    assert en.in_zone("Europe/Paris").time(summer, now) == "1 Jul 11:05 UTC+2"  # summer time
    assert en.in_zone("Asia/Kolkata").time(winter, now) == "1 Mar 14:35 UTC+5:30"
    assert en.in_zone("America/New_York").time(winter) == "1 Mar 2026 04:05 UTC-5"
    # London in winter is at UTC: no offset to write, the old text.
    assert en.in_zone("Europe/London").time(winter, now) == "1 Mar 09:05 UTC"
    for unknown in (None, "UTC", "Mars/Olympus"):
        assert en.in_zone(unknown).time(winter, now) == "1 Mar 09:05 UTC"
        assert en.in_zone(unknown) is en
    # "Today" is the chat's day: 18:00 UTC on 3 March is already 4 March in Tokyo.
    tokyo = en.in_zone("Asia/Tokyo")
    assert tokyo.time(now, now) == "03:00 UTC+9"
    assert tokyo.time(datetime(2026, 3, 3, 14, 0, tzinfo=UTC), now) == "3 Mar 23:00 UTC+9"
    assert tokyo.date(now) == "4 Mar 2026"
    assert translator("ru").in_zone("Europe/Moscow").time(winter, now) == "1 мар., 12:05 UTC+3"
    assert translator("fa").in_zone("Asia/Tehran").time(now, now) == "۲۱:۳۰ UTC+۳:۳۰"


def test_a_chat_speaks_its_choice_else_its_users_app_else_the_default() -> None:
    assert i18n.choose("de", "ru", "en") == "de"
    assert i18n.choose(None, "ru-RU", "en") == "ru"
    assert i18n.choose(None, "ja-JP", "fr") == "fr"  # an app language the bot lacks
    assert i18n.choose(None, "pt-BR", "fr") == "pt"  # Telegram's Brazilian app: Portuguese
    assert i18n.choose(None, None, "xx") == "en"
    assert i18n.supported("UK_ua") == "uk" and i18n.supported("") is None
    assert i18n.choose(None, i18n.for_client("be"), "en") == "ru"  # Belarusian app: Russian
    assert i18n.for_client("kk-KZ") == "ru" and i18n.for_client("ja-JP") is None
    assert i18n.for_client("sr-Latn") is None and i18n.for_client("zh-hans") is None
    assert i18n.for_chat(ChatLanguage(1, None, "es"), "en").language == "es"
    with pytest.raises(KeyError):
        translator("ja")


def test_the_right_to_left_languages_are_persian_and_arabic() -> None:
    assert RIGHT_TO_LEFT == ["fa", "ar"] and not translator("ru").rtl


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_right_to_left_lines_open_with_a_mark(language: str) -> None:
    page = commands.help_text(translator(language), admin=False)
    lines = [line for line in page.split("\n") if line.startswith(i18n.RLM)]
    assert len(lines) == sum(not c.admin_only for c in commands.COMMANDS)


# --- every reply in every language ---------------------------------------------------------


def _source(n: int, **values: Any) -> Source:
    fields_: dict[str, Any] = {
        "id": n,
        "url": f"https://s{n}.example/feed?a=1&b=<2>",
        "kind": "feed",
        "title": NASTY,
        "poll_interval": 900,
        "item_count": n,
    }
    fields_.update(values)
    return Source(**fields_)


def _subscription(**values: Any) -> Subscription:
    return Subscription(id=1, chat_id=5, chat_type="private", include=(NASTY,), **values)


def _incident(kind: str, detail: str = NASTY, events: int = 3) -> store.IncidentRecord:
    key = f"{kind}:7" if kind == "source_paused" else kind
    start = NOW - timedelta(days=1)
    return store.IncidentRecord(key, kind, NASTY, detail, start, NOW, NOW, events, False, False)


# Pipeline errors as the bot gets them: translated templates with numbers, durations, nested
# messages and whatever a server said; an old stored text; an unknown one.
TIMED_OUT = Message("timed out after {seconds} s", {"seconds": 10.0})
ERRORS = [
    TIMED_OUT,
    Message("cannot connect: {detail}", {"detail": NASTY}),
    Message(
        "{status}: the server asks to wait {wait}",
        {"status": "HTTP 429 Too Many Requests", "wait": timedelta(minutes=2)},
    ),
    Message(
        "paused after {count} consecutive errors; last: {error}",
        {"count": 1234, "error": TIMED_OUT},
    ),
    Message("this is an HTML page, not a feed"),
    Message(NASTY),
    Message(""),
]


def _report(status: str) -> IngestReport:
    result = PollResult(
        1,
        status,  # type: ignore[arg-type]
        new=21,
        duplicates=2,
        error=ERRORS[1],
        replaced=1,
        warning=ERRORS[2],
    )
    return IngestReport(((_source(1), result),), ProcessResult(3, 2, 1))


SOURCES = [
    _source(1, last_ok="2026-11-28T10:00:00+00:00"),
    _source(2, kind="file", added_at="2025-01-01T10:00:00+00:00", title=""),
    _source(3),
    _source(4, paused=True, pause_reason=NASTY),
    _source(5, consecutive_errors=22, last_error=NASTY),
    _source(6, paused=True, pause_reason="x", pause_message=ERRORS[3], consecutive_errors=8),
    _source(7, consecutive_errors=1, last_error="x", error_message=ERRORS[2]),
    _source(8, paused=True, paused_at="2026-11-27T10:00:00+00:00", folder=NASTY, pause_reason="x"),
    _source(
        9,
        consecutive_errors=3,
        failing_since="2026-11-28T09:00:00+00:00",
        last_error="x",
        last_error_at="2026-11-28T11:00:00+00:00",
        error_message=ERRORS[1],
        last_ok="2026-01-28T11:00:00+00:00",
    ),
]
SAMPLES: dict[Any, list[Any]] = {
    str: [NASTY, "durov", ""],
    int: [1, 3, 5, 21, 1234567],
    bool: [True, False],
    datetime: [NOW, NOW - timedelta(days=3), NOW - timedelta(days=400)],
    datetime | None: [NOW - timedelta(hours=2), None],
    str | None: [NASTY, None],
    Source: SOURCES,
    Subscription: [
        _subscription(frequency="weekly", weekday=4),
        _subscription(frequency="hourly", thread_id=9, pictures="photo"),
        _subscription(mode="live", quiet_start="23:00", quiet_end="07:00", hourly_cap=21),
        _subscription(frequency="weekdays", exclude=("<",), allegations=True),
        _subscription(frequency="daily", pictures="preview"),
    ],
    Sequence[Source]: [SOURCES * 40, []],
    Sequence[SourceAttention]: [
        [
            SourceAttention(SOURCES[4], NASTY, "failing", NOW - timedelta(days=3)),
            SourceAttention(SOURCES[5], NASTY, "failing", None),
            SourceAttention(SOURCES[6], "s7.example", "failing", NOW - timedelta(days=400)),
            SourceAttention(SOURCES[0], NASTY, "warning", NOW - timedelta(hours=2)),
            SourceAttention(SOURCES[0], NASTY, "quiet", NOW - timedelta(days=9)),
            SourceAttention(SOURCES[1], "", "quiet", NOW - timedelta(days=9)),
            SourceAttention(SOURCES[3], NASTY, "paused", None),
        ]
        * 20,
        [],
    ],
    Sequence[tuple[str, str]]: [[("/latest [n]", "Top <stories>")] * 3, []],
    Sequence[tuple[str, int]]: [[(NASTY, 3), ("", 1)], []],
    dict[str, int]: [{**dict.fromkeys(replies.STAT_LABELS, 1234), "new_count": 2}],
    store.IncidentRecord: [
        _incident("telegram_outage"),
        _incident("telegram_outage", events=1),
        _incident("source_paused"),
        _incident("source_paused", detail="removed"),
        _incident("backlog"),
        _incident("delivery_failed", detail="<b>Digest delivery failed</b>"),
        _incident("delivery_bug", detail="<b>BUG</b>"),
        _incident("something_new"),
    ],
    schedule.ScheduleError: [
        schedule.ScheduleError("x", kind, NASTY)
        for kind in (
            "not_a_time",
            "not_a_time_of_day",
            "unknown_zone",
            "zone_offset",
            "zone_abbreviation",
            "unknown_frequency",
        )
    ]
    + [schedule.ScheduleError("x", "quiet_same", "08:00"), schedule.ScheduleError("plain")],
    IngestReport: [_report("ok"), _report("error"), _report("not_modified")],
    Sequence[str]: [["<b>line</b> &amp; more"] * 400],
    Message: ERRORS,
    ImportResult: [
        ImportResult(2, 1, []),
        ImportResult(0, 0, [(NASTY, e) for e in ERRORS] * 3),
        ImportResult(1234567, 0, [("http://127.0.0.1/", ERRORS[0])]),
        ImportResult(3, 0, [], [NASTY] * 7),
        ImportResult(0, 2, [], ["https://site.example/"]),
    ],
}
# Parameters whose values have a meaning of their own ("function.parameter", or any function's).
BY_NAME: dict[str, list[Any]] = {
    # a command of the table and the bot's @name (Telegram's letters, digits and "_")
    "ask_in_private.command": ["stats", "export"],
    "ask_in_private.bot_name": ["offline_news_bot"],
    "key": list(replies.TOGGLES),
    "codes": [["ru", "en", "zh"], []],
    "known": [sorted(NAMES)],
    "unknown_languages.words": [["klingon", NASTY], [NASTY]],
    "setting_problem.key": list(replies.SETTING_PROBLEMS),
    "two_given.what": list(replies.TWO_GIVEN),
    "hour_read.time": ["13:00"],
    "two_given.values": [["daily", NASTY], ["08:00"]],
    "channel_language.code": ["ru", "fa", "en"],
    "channel_language_set.code": ["de", "uk", "en"],
    "written_in": ["fr", None, "es"],
    "source_list.page": [None, 30],
    # New; the same as the subscription (nothing changed); another (what changed is listed).
    "channel_subscribed.before": [None, SAMPLES[Subscription][1], SAMPLES[Subscription][0]],
    "subscribed.before": [None, SAMPLES[Subscription][1], SAMPLES[Subscription][0]],
    "topic_paused.reason": ["Bad Request: message thread not found", NASTY, "TOPIC_DELETED"],
    "subscribed_elsewhere.elsewhere": [
        [_subscription(thread_id=9, topic_name=NASTY, active=False, paused_at="x")] * 30,
        [_subscription(thread_id=None), _subscription(thread_id=12)],
    ],
    "subscribed_elsewhere.command": ["/unsubscribe", "/settings"],
    "topics_turned_off.merged": [
        [_subscription(thread_id=9, topic_name=NASTY), _subscription(thread_id=12)] * 20,
        [_subscription(thread_id=9, topic_name="Тема " * 25)] * 40,  # names 125 long
        [_subscription(thread_id=9)],
    ],
}
# Replies that are plain text (sent without HTML, or shown as labels): no markup to check.
PLAIN = {
    "usage",
    "setting_problem",
    "schedule_problem",
    "two_given",
    "inline_no_match",
    "target_button",
    "unknown_language",
    "unknown_languages",
    "unsubscribe_names_no_channel",
    "url_with_space",
    "nothing_understood",
    "part_of_day_disagrees",
    "dangling_range",
    "lone_number",
    "every_few_minutes",
    "apology",
}
# Plain pieces another function escapes, shortens and places (headings, incident details).
PARTS = {"ledger_title", "source_label", "source_pause_detail", "backlog_detail", "languages_shown"}
REPLIES = [
    (name, function)
    for name, function in inspect.getmembers(replies, inspect.isfunction)
    if function.__module__ == replies.__name__ and not name.startswith("_")
]


def calls(function: Callable[..., Any]) -> Iterator[dict[str, Any]]:
    """Yield argument sets for a reply: every sample of every parameter at least once."""
    hints = typing.get_type_hints(function, localns={"IngestReport": IngestReport})
    names = [p for p in inspect.signature(function).parameters if p != "tr"]
    choices = []
    for name in names:
        hint = hints[name]
        options = BY_NAME.get(f"{function.__name__}.{name}") or BY_NAME.get(name)
        options = options or SAMPLES.get(hint)
        assert options, f"tests/test_i18n.py: add samples for {function.__name__}({name}: {hint})"
        choices.append(options)
    for turn in range(max((len(c) for c in choices), default=1)):
        yield {
            name: options[turn % len(options)] for name, options in zip(names, choices, strict=True)
        }


def texts_of(result: object) -> list[str]:
    if isinstance(result, str):
        return [result]
    assert isinstance(result, list | tuple) and all(isinstance(t, str) for t in result), result
    return list(result)


def test_every_reply_takes_the_translator_first() -> None:
    assert len(REPLIES) > 60
    for name, function in REPLIES:
        assert next(iter(inspect.signature(function).parameters)) == "tr", name


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_reply_in_every_language_is_valid_telegram_html(language: str) -> None:
    tr = translator(language)
    for name, function in REPLIES:
        for arguments in calls(function):
            for text in texts_of(function(tr, **arguments)):
                assert text, name
                assert "{" not in text.replace(NASTY, ""), f"{name}: unfilled placeholder: {text}"
                if name in PLAIN:
                    assert utf16_len(text) <= MAX_MESSAGE_LENGTH, name
                elif name not in PARTS:
                    check_message(text)


def _opens_left_to_right(line: str) -> bool:
    """Return True when a line's first strong character (or mark) is left-to-right: Telegram
    then lays the whole line out left to right."""
    for char in line:
        if char in "\u200f\u202b\u202e\u2067":
            return False
        if char in "\u200e\u202a\u202d\u2066":
            return True
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return False
        if kind == "L":
            return True
    return False


def _scrambled_lines(texts: Sequence[str]) -> list[str]:
    """Return the lines that mix right-to-left with Latin letters but open left to right."""
    lines = [line for text in texts for line in parse(text).text.split("\n")]
    return [
        line
        for line in lines
        if _opens_left_to_right(line)
        and any(unicodedata.bidirectional(char) in ("R", "AL") for char in line)
    ]


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_right_to_left_lines_with_a_latin_name_first_still_read_right_to_left(
    language: str,
) -> None:
    """A reply like "durov را پیدا نمی‌کنم" opened with a Latin word, so Telegram laid the Persian sentence
    out left to right, its words in the wrong order; each such line opens with a mark."""
    tr = translator(language)
    texts = [
        text
        for name, function in REPLIES
        if name not in PLAIN | PARTS
        for arguments in calls(function)
        for text in texts_of(function(tr, **arguments))
    ]
    texts += [*render.render_ledger(tr, _ledger())]
    plain = [
        text
        for name, function in REPLIES
        if name in PLAIN | PARTS
        for arguments in calls(function)
        for text in texts_of(function(tr, **arguments))
    ]
    scrambled = _scrambled_lines(texts) + _scrambled_lines([escape(t) for t in plain])
    assert not scrambled, scrambled[:5]


def _direction_before(line: str, end: int) -> str | None:
    """Return "L" or "R": the direction of the last strong character (or mark) before end."""
    for char in reversed(line[:end]):
        if char == "\u200e" or unicodedata.bidirectional(char) == "L":
            return "L"
        if char == "\u200f" or unicodedata.bidirectional(char) in ("R", "AL"):
            return "R"
    return None


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_right_to_left_commands_keep_their_slash_before_their_name(language: str) -> None:
    """In a right-to-left line a bare "/help" after Persian words (or at the line's start)
    showed as "help/": each command gets a left-to-right mark before its slash."""
    tr = translator(language)
    texts = [
        text if name not in PLAIN | PARTS else escape(text)
        for name, function in REPLIES
        for arguments in calls(function)
        for text in texts_of(function(tr, **arguments))
    ]
    stories = tuple(_story(n, n % 3) for n in range(1, 4))
    texts += [
        *render.render_digest(tr, Digest("Your daily digest", NOW, stories)),
        *render.render_story(tr, _story(1, 3)),
        *render.render_ledger(tr, _ledger()),
        commands.help_text(tr, admin=True),
    ]
    lines = [line for text in texts for line in parse(text).text.split("\n")]
    backwards = [
        line
        for line in lines
        if not _opens_left_to_right(line)
        for command in re.finditer(r"/[a-z]", line)
        if _direction_before(line, command.start()) != "L"
    ]
    assert not backwards, backwards[:5]
    assert "\u200e/help" in commands.help_text(tr, admin=False)
    assert "\u200e" not in commands.help_text(translator("ru"), admin=False)


def _story(story_id: int, sources: int) -> StoryItem:
    links = tuple(SourceLink(f"Outlet {n} & co", f"https://o{n}.example/a") for n in range(sources))
    return StoryItem(
        story_id,
        NASTY,
        "https://bbc.example/a?b=1&c=<x>",
        "BBC",
        NOW - timedelta(days=2),
        NASTY,
        links,
    )


def _ledger() -> list[LedgerEntry]:
    answers = tuple(
        Response('"It denied it," a spokesman said.', f"Ministry {n}", kind)
        for n, kind in enumerate(("denial", "no_comment", "dispute", "rejection", "strange"))
    )
    # Every other item from the fallback reader: marked as less certain.
    readings = ("", FALLBACK_READING)
    return [
        LedgerEntry(
            Allegation(NASTY, "", f"Target {n % 3}", NASTY, "claim", answers, 0.0, readings[n % 2]),
            n,
            NOW,
            (),
        )
        for n in range(30)
    ]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_digests_stories_and_the_ledger_render_valid_in_every_language(language: str) -> None:
    tr = translator(language)
    stories = tuple(_story(n, n % 12) for n in range(1, 25))
    paged = Digest("Your weekly digest", NOW, stories, total=1001, offset=5, total_capped=True)
    texts = [
        *render.render_digest(tr, paged),
        *render.render_digest(tr, Digest("Latest news", NOW, ())),
        *render.render_search(tr, NASTY, paged),
        *render.render_search(tr, "x", Digest("", NOW, ())),
        *render.render_story(tr, _story(1, 300)),
        *render.render_ledger(tr, _ledger()),
        *render.render_ledger(tr, []),
        *render.render_chat_digest(tr, ChatDigest(paged, tuple(_ledger()))),
        *render.render_chat_digest(tr, ChatDigest(paged, nothing_new=True)),
        render.render_inline_story(tr, _story(2, 40)),
        render.render_live_post(tr, _story(3, 2)),
        commands.help_text(tr, admin=True),
    ]
    for text in texts:
        check_message(text)
    caption = render.render_caption(tr, _story(4, 40))
    assert utf16_len(parse(caption).text) <= 1024
    for command in commands.bot_commands(tr, admin=True):
        assert 1 <= len(command.description) <= 256
    if language != "en":
        english = render.render_digest(translator("en"), paged)[0]
        assert render.render_digest(tr, paged)[0] != english  # the fixed text is translated
    heading = parse(render.render_digest(tr, paged)[0]).text.split("\n")[0]
    assert heading == tr.gettext("Your weekly digest")


def test_answers_in_the_ledger_are_quoted_in_the_chat_s_quotation_marks() -> None:
    """A German ledger quoted an answer in English marks (“It denied it”)."""
    expected = {
        "en": "“It denied it”",
        "de": "„It denied it“",
        "fr": "«\u00a0It denied it\u00a0»",
        "ru": "«It denied it»",
        "fa": "«It denied it»",
        "it": "«It denied it»",
        "pt": "“It denied it”",
        "pl": "„It denied it”",
        "ar": "«It denied it»",
    }
    for language, quoted in expected.items():
        messages = render.render_ledger(translator(language), _ledger())
        page = "\n".join(parse(m).text for m in messages)
        assert quoted in page, (language, page[:400])


def test_a_russian_digest_reads_russian_around_the_stories() -> None:
    ru = translator("ru")
    item = _story(7, 3)  # two other outlets
    first = parse(render.render_digest(ru, Digest("Your daily digest", NOW, (item,)))[0]).text
    assert first.startswith("Ваш ежедневный дайджест\n")
    assert "BBC · 26 нояб., 12:00 UTC · также сообщают 2 источника\n" in first
    story = "\n".join(parse(m).text for m in render.render_story(ru, item))
    assert "\nИсточники\n• Outlet 0 & co\n" in story
