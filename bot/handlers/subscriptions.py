"""Subscriptions: /subscribe, /unsubscribe, /settings, /subscribe_channel, /digest.

A command sent inside a forum topic (``is_topic_message``) acts on that topic's subscription:
one group can hold one subscription per topic (and one for the group itself), each with its
own keywords, mode and times, and the replies go to the topic. ``/subscribe live [words]``
(or the mode button, or ``/settings mode live``) posts each matching story as it is processed
instead of a digest at set times; ``/subscribe HH:MM`` (or ``/subscribe digest``) goes back to
digests.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from string import Formatter
from typing import Any, NamedTuple

from sqlite_utils import Database
from telegram import (
    Chat,
    ChatFullInfo,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Update,
    User,
)
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, Forbidden, TelegramError

from bot import digest_jobs, replies
from bot.handlers.common import (
    ADMIN_STATUSES,
    BadArguments,
    answer_press,
    may_change,
    show_in_pressed,
    thread_of,
    translator_for,
    whole_number,
)
from bot.i18n import LANGUAGES, Translator, translator
from bot.i18n import for_chat as i18n_for_chat
from bot.sender import preview_options
from bot.state import Context
from digests import language, schedule, store
from digests.letters import plain_width
from digests.models import Subscription

log = logging.getLogger(__name__)

STORY_CHOICES = (3, 5, 10, 15)
# A time of day wherever it stands in /subscribe: 08:00, 8h30, 8h, 8am, 8:30pm.
_CLOCK = re.compile(r"\d{1,2}(?:[:h]\d{2}|h|(?:[:.]\d{2})?[ap]\.?m\.?)", re.IGNORECASE)
_BARE_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?")  # "8" or "8:30" before a separate "pm"
_AM_PM = ("am", "pm", "a.m.", "p.m.")
# The part of the day said after an hour, as am or pm: "۸ صبح" is 8am, "۵ عصر" 5pm, "۱۲ ظهر"
# noon, "8 утра", "7 вечера", "3 дня", "8 ранку", "7 вечора", "8 di mattina", "7 di sera",
# "8 da manhã", "3 da tarde", "8 de la tarde", "8h du matin", "8 Uhr abends", "8 in the
# evening", "8 rano", "7 wieczorem", "8 صباحًا", "7 مساءً", "8 م". Night ("۱۱ شب", "2 ночи",
# "11 di notte", "11 da noite", "11 de la noche", "2h de la nuit", "2 Uhr nachts", "11 at
# night", "11 nocą", "11 ليلًا") is pm from 6 to 11 and am otherwise ("۱۲ شب" midnight, "۲ شب"
# 2am). Compared as ``_day_key`` does: Arabic vowel marks ("صباحًا" as "صباحا") and accents
# ("manana", "apres-midi") do not matter.
_DAY_PARTS = {
    "صبح": "am",
    "ظهر": "pm",
    "عصر": "pm",
    "بعدازظهر": "pm",
    "شب": "night",
    "утра": "am",
    "дня": "pm",
    "вечера": "pm",
    "ночи": "night",
    "ранку": "am",
    "вечора": "pm",
    "пообіді": "pm",  # Ukrainian "3 по обіді"
    "ночі": "night",
    **dict.fromkeys(("mattina", "mattino"), "am"),  # Italian
    **dict.fromkeys(("pomeriggio", "sera"), "pm"),
    "notte": "night",
    **dict.fromkeys(("manhã", "madrugada"), "am"),  # Portuguese (and Spanish "madrugada")
    "tarde": "pm",  # Portuguese and Spanish
    "noite": "night",
    "mañana": "am",  # Spanish
    "mediodía": "pm",
    "noche": "night",
    "matin": "am",  # French
    **dict.fromkeys(("soir", "après-midi", "l'après-midi"), "pm"),
    "nuit": "night",
    **dict.fromkeys(("morgens", "früh", "vormittags"), "am"),  # German
    **dict.fromkeys(("mittags", "nachmittags", "abends"), "pm"),
    "nachts": "night",
    "morning": "am",  # English
    **dict.fromkeys(("noon", "afternoon", "evening"), "pm"),
    "night": "night",
    "утром": "am",  # Russian, before an hour: "утром в 8"
    **dict.fromkeys(("днём", "днем", "вечером"), "pm"),
    "ночью": "night",
    **dict.fromkeys(("вранці", "зранку", "ранком"), "am"),  # Ukrainian, before an hour
    **dict.fromkeys(("вдень", "удень", "ввечері", "увечері", "вечором"), "pm"),
    **dict.fromkeys(("вночі", "уночі"), "night"),
    "rano": "am",  # Polish
    "przedpołudniem": "am",
    "popołudniu": "pm",
    "wieczorem": "pm",
    **dict.fromkeys(("nocą", "nocy"), "night"),
    "صباحا": "am",
    "ص": "am",
    "فجرا": "am",
    "ظهرا": "pm",
    "عصرا": "pm",
    "بعدالظهر": "pm",
    "مساء": "pm",
    "مساءا": "pm",
    "م": "pm",
    "ليلا": "night",
    "الصباح": "am",  # "7 في الصباح": in the morning
    **dict.fromkeys(("الظهر", "المساء"), "pm"),
    "الليل": "night",
}
# The words between an hour and its part of the day: "8 de la tarde", "8h du matin", "7 di
# sera", "7 della mattina", "8 da manhã", "8 in the evening", "11 at night", "2 w nocy",
# "8 في المساء". Dropped there only (and an hour's word before them: "8 heures du soir",
# "8 Uhr abends", "8 часов вечера", "8 o'clock in the evening").
_DAY_PART_LINKS = frozenset(
    {"de", "la", "del", "du"}  # Spanish and French
    | {"di", "della", "da"}  # Italian and Portuguese
    | {"in", "the", "at", "w", "في"}  # English, Polish, Arabic
)
# Parts of the day that follow an hour only after one of those words, or after an hour written
# as a time ("8:30 soir", "8h soir") or read as one (first, or after "um", "à": "um 8 abends"):
# after another number they are keywords ("Top 10 morning", "Formula 1 night").
_PARTS_AFTER_LINK = frozenset(
    {"mañana", "mediodía", "noche", "matin", "soir", "après-midi", "l'après-midi", "nuit"}
    | {"morgens", "früh", "vormittags", "mittags", "nachmittags", "abends", "nachts"}
    | {"morning", "afternoon", "evening", "night", "nocy", "الصباح", "المساء", "الليل"}
    | {"утром", "днём", "днем", "вечером", "ночью", "вранці", "зранку", "вдень", "удень"}
    | {"ввечері", "увечері", "вечором", "ранком", "вночі", "уночі"}
)
# The words before a part of the day said before its hour ("in the evening at 8", "le soir à
# 8 h", "por la tarde a las 8", "di sera alle 8", "la sera alle 8", "à noite às 8", "pela manhã
# às 7", "في المساء الساعة 8"); dropped there only. That order needs a word of
# ``_BEFORE_CLOCK`` between the part and the hour ("abends um 8", "вечером в 8", "wieczorem o
# 8", "عصر ساعت ۵"): "Le Soir 08:00" keeps the newspaper's name.
_BEFORE_PART = frozenset(
    {"in", "the", "this", "le", "la", "il", "di", "de", "da", "à", "a", "por", "pela", "w"} | {"في"}
)
# An hour as a part of the day follows it: "8", "8:30", "8.30", "8h", "8h30".
_HOUR_BEFORE_PART = re.compile(r"(\d{1,2})(?:[:.h](\d{2})|h)?", re.IGNORECASE)
# Or one that says am or pm already ("8pm", "8:30 p.m." as ``_tokens`` joins it): the part of
# the day must agree with it ("8 pm in the evening", "in the evening at 8 pm"), or the two are
# refused ("8 pm in the morning").
_HOUR_WITH_AM_PM = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?([ap])\.?m\.?", re.IGNORECASE)
# Persian's "afternoon" is written as one word or three ("بعد از ظهر"); Polish's, Ukrainian's
# and Arabic's are two words after an hour ("8 po południu", "10 przed południem", "3 по
# обіді", "4 بعد الظهر") or before one and its clock word ("po południu o 3", "по обіді о 3",
# "بعد الظهر الساعة 4").
_AFTERNOON = re.compile(r"بعد[\s\u200c]*از[\s\u200c]*ظهر")
_TWO_WORD_PARTS = re.compile(
    r"(?<=\d)\s+(po|przed)\s+(południu|południem)(?!\w)|(?<=\d)\s+(по)\s+(обіді)(?!\w)"
    r"|(?<=\d)\s+(بعد)\s+(الظهر)"
    r"|(?<!\S)(po|przed)\s+(południu|południem)(?=\s+(?:o|godz\.|godzinie)\s)"
    r"|(?<!\S)(по)\s+(обіді)(?=\s+(?:о|об)\s)"
    r"|(?<!\S)(بعد)\s+(الظهر)(?=\s+(?:الساعة|الساعه|عند)\s)",
    re.IGNORECASE,
)
# Words the bot's languages put around a time of day, not keywords: "um 8 Uhr", "в 8:00",
# "à 8h", "a las 8:00", "ساعت 8", "8 ч", "alle ore 8", "às 8h", "o godzinie 8", "الساعة 8".
# Dropped only next to the time they belong to.
_BEFORE_CLOCK = frozenset(
    {"at", "um", "в", "во", "о", "об", "à", "a", "las", "ساعت"}
    | {"alle", "ore"}  # Italian
    | {"às", "as"}  # Portuguese
    | {"o", "godz.", "godzinie"}  # Polish
    | {"الساعة", "الساعه", "في", "عند"}  # Arabic
)
# And before a day's name: "am Freitag", "в пятницу", "по пятницам", "le vendredi", "روز جمعه",
# "ogni venerdì", "il lunedì", "toda sexta", "aos sábados", "w piątek", "we wtorek",
# "co piątek", "يوم الجمعة", "في الجمعة"; and "every" as the settings page writes it before
# one ("every Monday", "каждую среду", "jeden Montag", "tous les lundis", "todos los lunes",
# "هر دوشنبه", "w każdy poniedziałek", "كل يوم اثنين").
_BEFORE_DAY = frozenset(
    {"on", "am", "в", "во", "у", "по", "le", "el", "los", "روز"}
    | {"every", "каждый", "каждую", "каждое", "jeden", "tous", "les", "todos", "هر"}
    | {"il", "la", "di", "ogni"}  # Italian
    | {"na", "no", "nas", "nos", "às", "as", "aos", "toda", "todo"}  # Portuguese
    | {"w", "we", "co", "każdy", "każdą"}  # Polish
    | {"يوم", "في", "كل"}  # Arabic
)
_AFTER_CLOCK = frozenset(
    {"uhr", "h", "ч", "ч.", "час", "часа", "часов", "год", "год.", "heure", "heures", "horas"}
    | {"годині", "година", "години", "годин"}  # Ukrainian ("о 8 годині")
    | {"hora"}  # Portuguese ("1 hora"; "horas" is Spanish's too)
    | {"o'clock", "o’clock"}
)
# A minute of the hour, when hourly digests come: as the settings page writes it ("every hour
# at minute 30", "каждый час в xx:30", "stündlich zur Minute 30", "toutes les heures à la
# minute 30", "cada hora en el minuto 30", "ogni ora al minuto 30", "no minuto 30", "در دقیقهٔ
# ۳۰", "co godzinę w minucie 30", "عند الدقيقة 30") or as people say it ("в 30 минут", "at
# :30"). A number before the word counts only after one of ``_BEFORE_MINUTE`` ("60 Minutes" is
# a keyword); those words are dropped before a minute only.
_MINUTE_WORDS = frozenset(
    {"minute", "minutes", "min", "min.", "minuto", "minutos", "minucie", "minuta", "minut"}
    | {"минута", "минуту", "минуте", "минуты", "минут", "хвилина", "хвилину", "хвилині"}
    | {"хвилини", "хвилин", "دقیقه", "دقیقهٔ", "دقيقة", "الدقيقة"}
)
_BEFORE_MINUTE = frozenset(
    {"at", "the", "zur", "um", "à", "la", "en", "el", "al", "no", "na", "в", "на", "о", "у"}
    | {"w", "o", "در", "عند", "في"}
)
_MINUTE_NUMBER = re.compile(r"\d{1,2}")
# "xx:30" (Latin or Cyrillic x, as the Russian and Ukrainian pages write it) or ":30".
_MINUTE_CLOCK = re.compile(r"(?:[xх]{2})?:(\d{1,2})", re.IGNORECASE)
_KEY_VALUE = re.compile(r"([a-z_]+)[:=](.*)", re.DOTALL)  # a /settings key and its value, joined
# A channel's link, or a link to one of its posts as "Copy Post Link" gives it (t.me/name/123,
# a comment's or a topic's with more numbers or a query) or a browser shows it (t.me/s/name).
# A private channel's post link names it by its number: t.me/c/2001/123 is chat -1002001.
_CHANNEL_LINK = re.compile(
    r"(?:https?://)?(?:www\.)?(?:t|telegram)\.(?:me|dog)/(?:(?:s/)?(\w{4,32})|c/(\d+)(?=/\d))"
    r"(?:/\d+){0,2}/?(?:\?\S*)?",
    re.IGNORECASE,
)
# Commas: the Latin one and the Arabic-script one Persian keyboards type ("،").
_COMMAS = ",،"
_KEYWORD_EDGES = ' ,،"“”„«»'
CAP_CHOICES = (3, 5, 10, 20, 30)
MAX_CAP = 60
MAX_STORIES = 20
# The /settings keys typed by text, each alias with the key whose problem it reports.
SETTING_KEYS = {
    "time": "time",
    "tz": "tz",
    "timezone": "tz",
    "zone": "tz",
    "frequency": "frequency",
    "stories": "stories",
    "languages": "languages",
    "language": "languages",
    "lang": "languages",
    "mode": "mode",
    "pictures": "pictures",
    "quiet": "quiet",
    "cap": "cap",
    # The on/off settings (replies.TOGGLES); also named as their buttons write them, in any
    # of the bot's languages ("/settings Без звука вкл.": ``_toggle_named``).
    "silent": "silent",
    "previews": "link_previews",
    "link_previews": "link_previews",
    "allegations": "allegations",
    "empty": "empty_note",
    "empty_note": "empty_note",
}
PICTURE_CHOICES = ("off", "preview", "photo")
MODE_CHOICES = ("digest", "live")
_TIME_CHOICES = ("06:00", "07:00", "08:00", "12:00", "18:00", "21:00")
# The zone button cycles through these, west to east; any other IANA zone is set by text.
# Each of the bot's languages finds its readers' main zone on it (Persian's: Asia/Tehran).
_ZONE_CHOICES = (
    "America/Los_Angeles",
    "America/Chicago",
    "America/New_York",
    "America/Sao_Paulo",
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Africa/Cairo",
    "Europe/Moscow",
    "Asia/Riyadh",
    "Asia/Tehran",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
)


def _kind(chat: Chat) -> str:
    return "group" if chat.type == ChatType.GROUP else str(chat.type)


def topic_name_of(update: Update) -> str | None:
    """Return the name of the forum topic an update was sent in, as the topic's "created"
    service message (which Telegram gives as the reply of every message in it) says."""
    message = update.effective_message
    if message is None or not message.is_topic_message or message.reply_to_message is None:
        return None
    created = message.reply_to_message.forum_topic_created
    return created.name if created is not None else None


async def topic_named(update: Update, context: Context) -> None:
    """Keep a forum topic's name on its subscription when it is created or renamed (Telegram's
    ``forum_topic_created`` / ``forum_topic_edited`` service messages), for the notices that
    name it."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    if message.forum_topic_edited is not None and message.forum_topic_edited.name:
        thread, name = message.message_thread_id, message.forum_topic_edited.name
    elif message.forum_topic_created is not None:
        thread, name = message.message_id, message.forum_topic_created.name
    else:
        return  # only the icon changed
    if thread is not None:
        store.name_topic(context.bot_data.db, chat.id, thread, name)


def parse_mode(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """Return the mode /subscribe arguments name ("live", "digest" or None) and the others.

    The mode word counts wherever it stands ("/subscribe 08:00 live" as "/subscribe live"),
    in English or as the mode button writes it in any of the bot's languages ("زنده",
    "Дайджест"); two different modes are an error.
    """
    modes = {setting_value("mode", [arg]) for arg in args} - {None}
    if len(modes) > 1:
        named = [arg for arg in args if setting_value("mode", [arg]) is not None]
        raise _two_given("mode", named)
    rest = [arg for arg in args if setting_value("mode", [arg]) is None]
    return (modes.pop() if modes else None), rest


# The words the settings page and its buttons write for a setting's values, by setting (the
# message ids of bot/replies.py, which marks them for translation).
_OFF_STATES = [("off", off) for _, off in replies.TOGGLE_STATES.values()]
_VALUE_LABELS: dict[str, list[tuple[str, str | tuple[str, str]]]] = {
    "mode": list(replies.MODES.items()),
    # the button's word and the page's sentence ("the lead story's picture above the digest")
    "pictures": [
        *replies.PICTURE_BUTTONS.items(),
        *replies.PICTURES.items(),
        ("preview", replies.LIVE_PREVIEW),
    ],
    "quiet": [("off", "off"), ("none", "none"), *_OFF_STATES],
    "languages": [("all", "any"), ("any", "any")],
    # each on/off setting's own words for its states ("مفعّلة" of link previews)
    "toggle": [
        ("on", "on"),
        *_OFF_STATES,
        *[("on", on) for on, _ in replies.TOGGLE_STATES.values()],
    ],
    # the page's "Only about: anything" typed back clears the keywords, as "-" does
    "keywords": [("-", replies.ANY_KEYWORD)],
}


def _value_key(words: Sequence[str]) -> str:
    """Return typed words as compared with a value's name: case, spaces and Persian's
    zero-width non-joiner ("پیش نمایش" as "پیش‌نمایش"), the apostrophe's forms ("прев’ю"),
    accents and Arabic vowel marks ("معطّل" typed "معطل") and a closing dot or comma ("выкл.")
    do not matter."""
    return _day_key("".join(" ".join(words).split())).strip(".,،")


@cache
def _value_names(setting: str) -> dict[str, str]:
    """Return the value ("live") each name of it means for a setting: the English value and
    its label on the settings page or button in every language the bot speaks ("زنده",
    "в реальном времени", "miniatura")."""
    labels = _VALUE_LABELS[setting]
    names = {key: key for key, _ in labels}
    for code in LANGUAGES:
        for key, label in labels:
            names.setdefault(_value_key([translator(code).label(label)]), key)
    return names


def setting_value(setting: str, words: Sequence[str]) -> str | None:
    """Return the value of a setting ("mode", "pictures", "quiet", "languages", "toggle":
    on or off, "keywords": "-" for none) typed words name in any of the bot's languages, or
    None."""
    return _value_names(setting).get(_value_key(words)) if words else None


def mode_values(sub: Subscription | None, mode: str) -> dict[str, Any]:
    """Return the fields that put a subscription in a mode (live starts from now: no backlog).

    Back to digests from live, the slots passed while it was live are used up: its first
    digest is at its next slot, not (after a restart) at one it spent live.
    """
    values: dict[str, Any] = {"mode": mode}
    if mode == "live" and (sub is None or sub.mode != "live" or not sub.active):
        values["live_since"] = store.iso(store.utcnow())
    if mode == "digest" and sub is not None and sub.mode == "live":
        values["last_slot"] = store.iso(store.utcnow())
    return values


# What decides when a subscription's digests are due.
_SCHEDULE_FIELDS = ("time", "timezone", "frequency", "weekday", "mode", "active")


def from_now(db: Database, before: Subscription | None, after: Subscription) -> Subscription:
    """Return a subscription whose digest times changed (or that resumed) with its slots
    until now used up: its next digest is at its next time from now, as its job is
    scheduled, and a restart sends none for a time passed under the old schedule. Back
    from live, the live posts it still held are taken back (``store.withdraw_held_posts``)."""
    if before is None or after.mode != "digest":
        return after
    if before.mode == "live":  # its held posts wait for the digest instead
        store.withdraw_held_posts(db, after.id, store.utcnow())
    if all(getattr(before, name) == getattr(after, name) for name in _SCHEDULE_FIELDS):
        return after
    now = store.utcnow()
    if after.last_slot is not None and store.parse_iso(after.last_slot) >= now:
        return after
    return store.update_subscription(db, after.id, last_slot=store.iso(now))


def zone_hint(
    db: Database, tr: Translator, sub: Subscription, *, time_set: bool, channel: str | None = None
) -> str:
    """Return the note a reply that set a subscription's time ends with ("\n\n" and a line),
    or "": that its times are in the configured zone, none having been given, and how to give
    one. Said once, for digests only (live posts have no time): `hint_shown` remembers it
    once the reply went out."""
    if not time_set or not sub.active or sub.mode != "digest":
        return ""
    if sub.timezone_given or sub.zone_hinted:
        return ""
    return "\n\n" + replies.zone_hint(tr, sub, channel=channel)


def hint_shown(db: Database, sub: Subscription, hint: str) -> None:
    """Remember that the zone hint was shown, after the reply holding it went out (a chat
    where the bot may not post, or a refusal, saw none: the next reply says it)."""
    if hint:
        store.update_subscription(db, sub.id, zone_hinted=True)


def read_hour_note(tr: Translator, typed: SubscribeArgs, sub: Subscription) -> str:
    """Return the line ("\n\n" and a line) saying a bare number after a day was read as the
    hour ("Friday 13": 13:00), or ""."""
    if typed.read_hour is None:
        return ""
    return "\n\n" + replies.hour_read(tr, typed.read_hour, sub.time)


class SubscribeArgs(NamedTuple):
    """The arguments of /subscribe (after the mode): time, zone, frequency and keywords."""

    at: str | None
    zone: str | None
    include: list[str]
    exclude: list[str]
    frequency: str | None = None
    weekday: int | None = None
    minute: int | None = None  # of the hour, hourly ("every hour at minute 30")
    read_hour: str | None = None  # a bare number read as the hour after a day ("Friday 13")


# Portuguese names a day without "-feira" ("na sexta") and says "on Fridays" in the plural
# ("às sextas", "aos sábados"); Italian's plural differs from its singular only on Saturday and
# Sunday ("i sabati"). Monday first.
_DAY_FORMS_BY_DAY = (
    ("segunda", "segundas", "segundas-feiras"),
    ("terça", "terças", "terças-feiras"),
    ("quarta", "quartas", "quartas-feiras"),
    ("quinta", "quintas", "quintas-feiras"),
    ("sexta", "sextas", "sextas-feiras"),
    ("sábados", "sabati"),
    ("domingos", "domeniche"),
)
# Russian, Ukrainian and Polish say "on Friday" in the accusative ("в пятницу", "у п'ятницю",
# "w środę") and "on Fridays" as "по пятницам", "w piątki"; the names the bot writes are
# nominative. Arabic writes them with the article ("الجمعة"), and without it after "every".
_OTHER_DAY_FORMS = {
    "среду": 2,
    "пятницу": 4,
    "субботу": 5,
    "понедельникам": 0,
    "вторникам": 1,
    "средам": 2,
    "четвергам": 3,
    "пятницам": 4,
    "субботам": 5,
    "воскресеньям": 6,
    "середу": 2,
    "п'ятницю": 4,
    "суботу": 5,
    "неділю": 6,
    **{form: day for day, forms in enumerate(_DAY_FORMS_BY_DAY) for form in forms},
    # Polish: "w środę" (and sobotę, niedzielę); "w piątki" for "on Fridays".
    "środę": 2,
    "sobotę": 5,
    "niedzielę": 6,
    "poniedziałki": 0,
    "wtorki": 1,
    "środy": 2,
    "czwartki": 3,
    "piątki": 4,
    "soboty": 5,
    "niedziele": 6,
    # French says "on Mondays" in the plural ("tous les lundis"); Ukrainian "every Monday" in
    # one word ("щопонеділка", as the settings page writes it).
    **{
        form: day
        for day, form in enumerate(("lundis", "mardis", "mercredis", "jeudis", "vendredis"))
    },
    "samedis": 5,
    "dimanches": 6,
    "щопонеділка": 0,
    "щовівторка": 1,
    "щосереди": 2,
    "щочетверга": 3,
    "щоп'ятниці": 4,
    "щосуботи": 5,
    "щонеділі": 6,
    # Arabic: a day's name without its article ("كل جمعة", "يوم خميس", "يوم أحد").
    "اثنين": 0,
    "ثلاثاء": 1,
    "أربعاء": 2,
    "خميس": 3,
    "جمعة": 4,
    "سبت": 5,
    "أحد": 6,
}
# Names of a day that are ordinary words too: Arabic "أحد" (one, someone: "كل أحد" is everyone)
# and "اثنين" (two), Portuguese "segunda" to "sexta" (second to sixth: "Segunda Guerra",
# "quinta" a farm), Russian "среда" (environment: "окружающая среда"), Persian "دوشنبه"
# (Dushanbe). In /subscribe they name a day only after one of the words given here ("يوم أحد",
# "كل اثنين", "na segunda", "toda quinta", "às sextas", "هر دوشنبه") or before a time
# ("segunda 8h", "среда в 8:00"); anywhere else they are keywords.
_DAYS_ALSO_WORDS: dict[str, frozenset[str]] = {
    "أحد": frozenset({"يوم"}),
    "اثنين": frozenset({"يوم", "كل"}),
    **dict.fromkeys(("segunda", "terça", "quarta", "quinta", "sexta"), _BEFORE_DAY),
    **dict.fromkeys(("segundas", "terças", "quartas", "quintas", "sextas"), _BEFORE_DAY),
    "среда": _BEFORE_DAY,
    "دوشنبه": _BEFORE_DAY,
}
# "Monday to Friday" as the settings page writes weekdays' digests, in every language ("с
# понедельника по пятницу", "Montag bis Freitag", "du lundi au vendredi", "de lunes a viernes",
# "dal lunedì al venerdì", "de segunda a sexta", "دوشنبه تا جمعه", "od poniedziałku do
# piątku", "من الاثنين إلى الجمعة"), or "from Monday to Friday", "Monday-Friday", "Mon–Fri":
# the words before the first day and between the two.
_RANGE_FROM = frozenset(
    {"from", "с", "со", "з", "із", "від", "von", "du", "de", "desde", "dal", "da", "od"}
    | {"من", "از"}
)
_RANGE_TO = frozenset(
    {"to", "till", "until", "through", "thru", "-", "–", "—", "bis", "au", "à", "a", "al"}
    | {"ao", "по", "до", "do", "تا", "إلى", "الى", "حتى"}
)
# The days as Russian, Ukrainian and Polish name them after "from" (genitive): a day alone
# only in a range ("с понедельника" alone is no weekly digest).
_RANGE_DAY_FORMS = {
    **dict(zip(("понедельника", "вторника", "среды", "четверга"), range(4), strict=True)),
    **dict(zip(("пятницы", "субботы", "воскресенья"), range(4, 7), strict=True)),
    **dict(zip(("понеділка", "вівторка", "середи", "п'ятниці"), (0, 1, 2, 4), strict=True)),
    **dict(zip(("poniedziałku", "wtorku", "czwartku", "piątku"), (0, 1, 3, 4), strict=True)),
    "niedzieli": 6,
}
_DASHED_RANGE = re.compile(r"([^\s\-–—]+)\s*([\-–—])\s*([^\s\-–—]+)")
# Persian day names typed as two words ("سه شنبه"): the second alone is Saturday.
_PERSIAN_DAY_PREFIXES = frozenset({"یک", "دو", "سه", "چهار", "پنج"})


def _day_key(word: str) -> str:
    """Return a day's name as compared: case, accents ("miercoles"), apostrophes ("п’ятниця")
    and Persian's zero-width non-joiner ("سه‌شنبه" as "سهشنبه") do not matter."""
    folded = unicodedata.normalize("NFKD", word.casefold().replace("\u200c", ""))
    folded = folded.replace("’", "'").replace("ʼ", "'")
    return "".join(c for c in folded if not unicodedata.combining(c))


@cache
def _weekday_names() -> dict[str, int]:
    """Return the day of the week (0: Monday) of each name the bot writes, in every language
    it speaks (and the other forms Russian and Ukrainian use for "on Friday")."""
    names = {
        _day_key(translator(code).gettext(name)): day
        for code in LANGUAGES
        for day, name in enumerate(replies.WEEKDAYS)
    }
    names.update((_day_key(form), day) for form, day in _OTHER_DAY_FORMS.items())
    return names


def weekday_of(word: str, *, short: bool = False) -> int | None:
    """Return the day of the week a word names (0: Monday), or None; with short, the English
    abbreviations ("fri") too (not in /subscribe, where "Sun" may be a keyword)."""
    cleaned = word.strip(" ,.،").casefold()
    if short and len(cleaned) == 3:
        for day, name in enumerate(replies.WEEKDAYS):
            if name[:3].casefold() == cleaned:
                return day
    return _weekday_names().get(_day_key(cleaned))


# Other names of a frequency than its button's label: one word for a label of two (Polish "Co
# tydzień": "cotygodniowo"), and the words the settings page writes ("every day at 08:00",
# "каждый день в 08:00", "tous les jours à 08:00") or people say ("every week", "jede Stunde",
# Brazilian "todo dia", Polish "każdego dnia", Italian "settimanalmente").
_OTHER_FREQUENCY_NAMES = {
    "daily": (
        *("every day", "каждый день", "jeden Tag", "tous les jours", "chaque jour"),
        *("todos los días", "cada día", "ogni giorno", "tutti i giorni", "todos os dias"),
        *("todo dia", "diariamente", "quotidianamente", "każdego dnia"),
        *("هر روز", "co dzień", "كل يوم"),
    ),
    "hourly": (
        *("cogodzinnie", "every hour", "каждый час", "jede Stunde", "chaque heure"),
        *("a cada hora", "هر ساعت"),
    ),
    "weekly": (
        *("cotygodniowo", "every week", "каждую неделю", "jede Woche", "chaque semaine"),
        *("toutes les semaines", "cada semana", "ogni settimana", "toda semana"),
        *("todas as semanas", "semanalmente", "settimanalmente", "raz w tygodniu"),
        *("هر هفته", "كل أسبوع"),
    ),
    "weekdays": (
        *("on weekdays", "every weekday", "each weekday", "weekday", "every workday"),
        *("по будним", "в будни", "an Werktagen", "wochentags"),
        *("entre semana", "días laborables", "nei giorni feriali", "w dni powszednie"),
        *("nos dias úteis", "em dias úteis", "w dni pracujące"),
    ),
}


@cache
def _frequency_names() -> dict[str, str]:
    """Return the frequency ("weekly") each name of it means: the English keys, the frequency
    buttons' labels in every language the bot speaks ("еженедельно", "هفتگی", "По будням",
    "كل ساعة") and ``_OTHER_FREQUENCY_NAMES``, compared as ``_value_key`` does ("أسبوعيًا"
    typed "اسبوعيا", "по  будням")."""
    names = {key: key for key in schedule.FREQUENCIES}
    for code in LANGUAGES:
        for key, label in replies.FREQUENCIES.items():
            names.setdefault(_value_key([translator(code).gettext(label)]), key)
    for key, others in _OTHER_FREQUENCY_NAMES.items():
        for words in others:
            names.setdefault(_value_key([words]), key)
    return names


@cache
def _frequency_lengths() -> tuple[int, ...]:
    """Return how many words the names of frequencies of more than one word have, longest
    first ("De hora em hora": 4)."""
    labels = [
        translator(code).gettext(label)
        for code in LANGUAGES
        for label in replies.FREQUENCIES.values()
    ]
    others = [words for names in _OTHER_FREQUENCY_NAMES.values() for words in names]
    counts = {len(words.split()) for words in [*labels, *others]} | {3, 4}  # day ranges
    return tuple(sorted(counts - {1}, reverse=True))


def frequency_of(word: str) -> str | None:
    """Return the frequency words name ("weekly", from "weekly", "Еженедельно" or "Co
    tydzień"; "weekdays" from "Monday to Friday"), or None."""
    return _frequency_names().get(_value_key([word.strip(" ,.،")])) or _day_range(word)


def _day_range(words: str) -> str | None:
    """Return "weekdays" when words name Monday to Friday as a range ("Monday to Friday",
    "du lundi au vendredi", "od poniedziałku do piątku", "Mon-Fri"), else None: another range
    is two days, as typed."""
    dashed = _DASHED_RANGE.fullmatch(words.strip(" ,.،"))
    split = list(dashed.groups()) if dashed else words.strip(" ,.،").split()
    if split and split[0].casefold() in _RANGE_FROM:
        split = split[1:]
    if len(split) != 3 or split[1].casefold() not in _RANGE_TO:
        return None
    days = [_range_day(day) for day in split[::2]]
    return "weekdays" if days == [0, 4] else None


def _range_day(word: str) -> int | None:
    """Return the day a word of a range names (0: Monday): "понедельника" there too."""
    day = _range_day_forms().get(_day_key(word))
    return day if day is not None else weekday_of(word, short=True)


@cache
def _range_day_forms() -> dict[str, int]:
    """Return ``_RANGE_DAY_FORMS`` by its words as ``_day_key`` compares them."""
    return {_day_key(form): day for form, day in _RANGE_DAY_FORMS.items()}


def _frequency_phrases(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return tokens with the words of a frequency's name joined into one ("По будням", "W dni
    robocze", "كل ساعة"); quoted words stay apart, and so do words before a day's name unless
    weekly ("كل يوم اثنين" is every Monday, not daily; "Co tydzień piątek" weekly on Friday)."""
    joined: list[tuple[str, bool]] = []
    index = 0
    while index < len(tokens):
        for length in _frequency_lengths():
            words = tokens[index : index + length]
            after = tokens[index + length : index + length + 1]
            named = frequency_of(" ".join(word for word, _ in words))
            if (
                len(words) == length
                and not any(quoted for _, quoted in words)
                and named is not None
                and not (after and _day_like(after[0]) and named != "weekly")
            ):
                joined.append((" ".join(word for word, _ in words), False))
                index += length
                break
        else:
            joined.append(tokens[index])
            index += 1
    return joined


# A phrase in quotes (straight or typographic, maybe after "-") is one keyword.
_PHRASE = re.compile(r"""(-?)["“”„«»]([^"“”„«»]*)["“”„«»]|(\S+)""")


def _tokens(args: Sequence[str]) -> list[tuple[str, bool]]:
    """Return the words of arguments, each with whether it was a quoted phrase.

    "8 pm" and "8:30 pm" are one word, as "8pm"; so are "۸ صبح" ("۸am"), "7 вечера" ("7pm")
    and "8 de la tarde", "8 Uhr abends" ("8pm"): ``_DAY_PARTS``, after ``_DAY_PART_LINKS``.
    """
    found: list[tuple[str, bool]] = []
    # Direction marks, which a right-to-left chat's lines carry, are no part of a word;
    # full-width letters and digits ("ＵＳ", "０８：００") are their plain ones.
    joined = plain_width(" ".join(args)).translate(_MARKS)
    typed = _TWO_WORD_PARTS.sub(_one_word, _AFTERNOON.sub("بعدازظهر", joined))
    for match in _PHRASE.finditer(typed):
        if match[3] is None:
            found.append((match[1] + " ".join(match[2].split()), True))
            continue
        word = match[3]
        part = word[0].lower() + "m" if word.lower() in _AM_PM else _day_parts().get(_day_key(word))
        start = _hour_before_part(found, _day_key(word)) if part is not None else None
        if part is not None and start is not None:
            said = [*(w for w, _ in found[start:]), word]
            found[start:] = [(_with_part(found[start][0], part, said), False)]
        else:
            found.append((word, False))
    return _parts_before_hours(found)


def _parts_before_hours(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return the tokens with a part of the day said before its hour and the hour as one time
    ("abends um 8" as "um 8:00pm", "in the evening at 8" as "at 8:00pm"): a word of
    ``_BEFORE_CLOCK`` between them, the words of ``_BEFORE_PART`` before the part dropped."""
    joined: list[tuple[str, bool]] = []
    index = 0
    while index < len(tokens):
        word, quoted = tokens[index]
        part = None if quoted or len(word) < 2 else _day_parts().get(_day_key(word))
        hour = index + 1
        while hour < len(tokens) and _unquoted(tokens[hour], _BEFORE_CLOCK):
            hour += 1
        if (
            part is None
            or hour == index + 1
            or hour == len(tokens)
            or tokens[hour][1]
            or not _hour_for_part(tokens[hour][0])
        ):
            joined.append(tokens[index])
            index += 1
            continue
        for _ in range(2):  # "por la", "in the"
            if joined and _unquoted(joined[-1], _BEFORE_PART):
                joined.pop()
        typed = [w for w, _ in tokens[index : hour + 1]]
        at = _with_part(tokens[hour][0], part, typed)
        joined += [*tokens[index + 1 : hour], (at, False)]
        index = hour + 1
    return joined


def _hour_before_part(found: list[tuple[str, bool]], part: str) -> int | None:
    """Return where the hour a part of the day follows stands among the words found before it
    ("8" in "8 heures du", "8h" in "8h du"), or None when there is none: a keyword then."""
    start = len(found)
    while start > 0 and len(found) - start < 2 and _unquoted(found[start - 1], _DAY_PART_LINKS):
        start -= 1  # "de la", "in the"
    if start > 0 and _unquoted(found[start - 1], _AFTER_CLOCK):
        start -= 1  # "Uhr", "heures", "часов"
    hour = found[start - 1] if start > 0 else ("", True)
    if hour[1] or not _hour_for_part(hour[0]):
        return None
    # "Top 10 morning": a number, not an hour, unless first or after "um", "à" ("8 abends")
    bare = start == len(found) and hour[0].isdecimal() and part in _linked_parts()
    if bare and start > 1 and not _unquoted(found[start - 2], _BEFORE_CLOCK):
        return None
    return start - 1


def _unquoted(token: tuple[str, bool], words: frozenset[str]) -> bool:
    return not token[1] and token[0].casefold() in words


def _hour_for_part(word: str) -> bool:
    """Return whether a word is an hour a part of the day goes with ("8", "8h30", "8:00pm")."""
    return bool(_HOUR_BEFORE_PART.fullmatch(word) or _HOUR_WITH_AM_PM.fullmatch(word))


def _with_part(hour_typed: str, part: str, typed: Sequence[str]) -> str:
    """Return an hour with its part of the day as a time ("8" and "pm": "8:00pm"); night is pm
    from 6 to 11. An hour already on a 24-hour clock keeps it ("20 Uhr abends" is 20:00); one
    with am or pm keeps it when the part agrees ("8pm" in the evening), and is refused, with
    the words typed, when it does not ("8pm" in the morning)."""
    said = _HOUR_WITH_AM_PM.fullmatch(hour_typed)
    if said is not None:
        hour = int(said[1]) % 12 + (12 if said[3].lower() == "p" else 0)
        night = hour >= 18 or hour < 6  # 6 pm to 5 am
        if not (night if part == "night" else (hour >= 12) == (part == "pm")):
            shown = " ".join(typed)
            raise BadArguments(lambda tr: replies.part_of_day_disagrees(tr, shown))
        return hour_typed
    match = _HOUR_BEFORE_PART.fullmatch(hour_typed)
    assert match is not None
    hour, minute = int(match[1]), match[2] or "00"
    if 12 < hour < 24 and part == "am":  # "20:00 in the morning", "20 Uhr morgens"
        shown = " ".join(typed)
        raise BadArguments(lambda tr: replies.part_of_day_disagrees(tr, shown))
    if part == "night":
        part = "pm" if 6 <= hour <= 11 or hour > 12 else "am"
    if (hour > 12 and part == "pm") or (hour == 0 and part == "am"):
        return f"{hour}:{minute}"
    return f"{hour}:{minute}{part}"


def _one_word(match: re.Match[str]) -> str:
    """Return a part of the day typed in two words after an hour as one ("8 popołudniu")."""
    return " " + "".join(part for part in match.groups() if part)


@cache
def _linked_parts() -> frozenset[str]:
    """Return ``_PARTS_AFTER_LINK`` as ``_day_key`` compares them."""
    return frozenset(_day_key(word) for word in _PARTS_AFTER_LINK)


@cache
def _day_parts() -> dict[str, str]:
    """Return ``_DAY_PARTS`` by its words as ``_day_key`` compares them."""
    return {_day_key(word): part for word, part in _DAY_PARTS.items()}


def _clock_like(token: tuple[str, bool]) -> bool:
    word, quoted = token
    return not quoted and bool(_CLOCK.fullmatch(word) or _BARE_CLOCK.fullmatch(word))


def _day_like(token: tuple[str, bool]) -> bool:
    return not token[1] and weekday_of(token[0]) is not None


def _without_clock_words(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return the tokens without the words around a time of day or a day ("um 8 Uhr" is "8",
    "в пятницу" is "пятницу"), a Persian day typed in two words joined ("سه شنبه")."""
    joined: list[tuple[str, bool]] = []
    for token in tokens:
        last = joined[-1] if joined else ("", True)
        if not token[1] and token[0] == "شنبه" and not last[1] and last[0] in _PERSIAN_DAY_PREFIXES:
            joined[-1] = (last[0] + token[0], False)
        else:
            joined.append(token)
    kept: list[tuple[str, bool]] = []
    clocks: set[int] = set()  # the tokens a clock word marks as a time: "um 8", "8 Uhr"
    for index, token in enumerate(joined):
        word = token[0].casefold()
        if not token[1]:
            ahead = joined[index + 1 :]
            while ahead and not ahead[0][1] and ahead[0][0].casefold() in _BEFORE_CLOCK:
                ahead = ahead[1:]  # "a las 8:00"
            if word in _BEFORE_CLOCK and ahead and _clock_like(ahead[0]):
                clocks.add(len(joined) - len(ahead))
                continue
            after = joined[index + 1 :]
            while after and _unquoted(after[0], _BEFORE_DAY):
                after = after[1:]  # "w każdy", "tous les", "كل يوم"
            if word in _BEFORE_DAY and after and _day_like(after[0]):
                continue
            if word in _AFTER_CLOCK and index > 0 and _clock_like(joined[index - 1]):
                if kept and kept[-1] == joined[index - 1]:
                    kept[-1] = _as_clock(kept[-1])
                continue
        kept.append(_as_clock(token) if index in clocks else token)
    return kept


def _minutes(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return the tokens with a minute of the hour as one, written "xx:30" ("at minute 30",
    "в 30 минут", "в xx:30", "در دقیقهٔ ۳۰": ``_MINUTE_WORDS``), the words before it dropped."""
    joined: list[tuple[str, bool]] = []
    index = 0
    while index < len(tokens):
        found = _minute_at(
            tokens, index, after_link=bool(joined) and _unquoted(joined[-1], _BEFORE_MINUTE)
        )
        if found is None:
            joined.append(tokens[index])
            index += 1
            continue
        minute, length = found
        for _ in range(2):  # "à la minute 30", "en el minuto 30"
            if joined and _unquoted(joined[-1], _BEFORE_MINUTE):
                joined.pop()
        joined.append((f"xx:{minute:02d}", False))
        index += length
    return joined


def _minute_at(
    tokens: list[tuple[str, bool]], index: int, *, after_link: bool
) -> tuple[int, int] | None:
    """Return the minute of the hour written at a token and how many tokens it takes ("xx:30";
    "minute 30"; after a word of ``_BEFORE_MINUTE``, "30 минут"), or None."""
    word, quoted = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else ("", True)
    if quoted:
        return None
    written = _MINUTE_CLOCK.fullmatch(word)
    if written:
        return int(written[1]), 1
    if _minute_word(word) and not following[1] and _MINUTE_NUMBER.fullmatch(following[0]):
        return int(following[0]), 2
    if (
        after_link
        and _MINUTE_NUMBER.fullmatch(word)
        and not following[1]
        and _minute_word(following[0])
    ):
        return int(word), 2
    return None


def _minute_word(word: str) -> bool:
    return _day_key(word) in _minute_words()


@cache
def _minute_words() -> frozenset[str]:
    """Return ``_MINUTE_WORDS`` as ``_day_key`` compares them ("دقیقهٔ" as "دقیقه")."""
    return frozenset(_day_key(word) for word in _MINUTE_WORDS)


def _minute_of(word: str) -> int | None:
    """Return the minute a token ``_minutes`` wrote names ("xx:30": 30), or None."""
    written = _MINUTE_CLOCK.fullmatch(word)
    return int(written[1]) if written else None


def _at_minute(time: str, minute: int, frequency: str) -> str:
    """Return a digest time ("08:00") at another minute of its hour, for hourly digests (they
    come at that minute of every hour); refuse it for others, and a minute past 59."""
    if frequency != "hourly" or not 0 <= minute <= 59:
        raise BadArguments(replies.minute_for_hourly)
    return f"{time[:2]}:{minute:02d}"


def _days_in_context(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return the tokens with each day's name that is an ordinary word too (``_DAYS_ALSO_WORDS``:
    "Segunda Guerra", "окружающая среда", "كل أحد") marked a keyword (as if quoted), unless a
    word of its own goes before it ("يوم أحد", "na segunda") or a time follows it ("segunda 8h",
    "среда в 8:00")."""
    marked: list[tuple[str, bool]] = []
    for index, (word, quoted) in enumerate(tokens):
        markers = None if quoted else _days_also_words().get(_day_key(word))
        if markers is None:
            marked.append((word, quoted))
            continue
        before = tokens[index - 1] if index > 0 else ("", True)
        ahead = tokens[index + 1 :]
        while ahead and _unquoted(ahead[0], _BEFORE_CLOCK):
            ahead = ahead[1:]  # "segunda às 8h"
        in_context = _unquoted(before, markers) or (bool(ahead) and _clock_like(ahead[0]))
        marked.append((word, not in_context))
    return marked


# Names with a day's name in them: a keyword, never a weekly digest ("/subscribe Black Friday" is
# about the sales, not Fridays). Words as typed, compared by case and accents (`_day_key`).
NAMES_WITH_DAYS = (
    *("Black Friday", "Good Friday", "Cyber Monday", "Super Tuesday", "Ash Wednesday"),
    *("Maundy Thursday", "Holy Saturday", "Easter Sunday", "Easter Monday", "Palm Sunday"),
    *("Friday the 13th", "Friday 13th"),  # a date (the film, the superstition), no hour
    *("Bloody Sunday", "Giving Tuesday", "Shrove Tuesday", "Whit Monday", "Black Monday"),
    *(
        "Black Tuesday",
        "Black Thursday",
        "Blue Monday",
        "Super Saturday",
        "Small Business Saturday",
    ),
    # Newspapers named after their day ("/subscribe Sunday Times" is the paper, not Sundays)
    *("Sunday Times", "Sunday Telegraph", "Sunday Mirror", "Sunday Express", "Mail on Sunday"),
    *("Welt am Sonntag", "Bild am Sonntag", "Journal du dimanche"),
    *("Schwarzer Freitag", "Blauer Montag", "Grüner Donnerstag", "Weißer Sonntag"),
    *("Vendredi saint", "Lundi de Pâques", "Mardi gras", "Jeudi saint", "Dimanche des Rameaux"),
    *("Santo Domingo", "Viernes Santo", "Jueves Santo", "Domingo de Ramos", "Lunes de Pascua"),
    *("Domingo de Resurrección", "Viernes Negro", "Martes de Carnaval", "Lunes Santo"),
    *("Venerdì Santo", "Giovedì Santo", "Domenica delle Palme", "Martedì grasso", "Venerdì nero"),
    *("Sexta-feira Santa", "Domingo de Páscoa", "Domingo de Ramos", "Segunda-feira Negra"),
    *("Чёрная пятница", "Черная пятница", "Страстная пятница", "Кровавое воскресенье"),
    *("Вербное воскресенье", "Прощёное воскресенье", "Прощеное воскресенье", "Чистый четверг"),
    *("Чорна п'ятниця", "Вербна неділя", "Страсна п'ятниця", "Чистий четвер"),
    *("Czarny piątek", "Wielki Piątek", "Wielki Czwartek", "Niedziela Palmowa", "Tłusty Czwartek"),
    *("Lany Poniedziałek", "Wielka Sobota", "Niedziela Wielkanocna"),
    *("الجمعة السوداء", "الجمعة العظيمة", "جمعه سیاه"),
)

# Days written with a capital only where a sentence starts: after another capitalised word they
# are a name ("Plácido Domingo", "Канал Пятница"). English and German write every day so.
_CAPITAL_DAY_LANGUAGES = frozenset({"en", "de"})


@cache
def _names_with_days() -> dict[int, frozenset[tuple[str, ...]]]:
    """Return NAMES_WITH_DAYS by their length in words, each as its words' `_day_key`s."""
    names: dict[int, set[tuple[str, ...]]] = {}
    for name in NAMES_WITH_DAYS:
        words = tuple(_day_key(word) for word in name.split())
        names.setdefault(len(words), set()).add(words)
    return {length: frozenset(found) for length, found in names.items()}


@cache
def _capital_day_names() -> frozenset[str]:
    """Return the day names of the languages that capitalise every day (`_day_key`)."""
    return frozenset(
        _day_key(translator(code).gettext(name))
        for code in _CAPITAL_DAY_LANGUAGES
        for name in replies.WEEKDAYS
    )


def _days_in_names(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return the tokens with a name that holds a day's name joined as one keyword: a name of
    NAMES_WITH_DAYS ("Black Friday", "Santo Domingo", "Чёрная пятница", in any case), or, in
    the languages that write days in lower case, a capitalised day after a capitalised word
    that is no word of a schedule ("Plácido Domingo"). "Ukraine Friday", "Apple Friday 8:00",
    "каждую пятницу" and a day alone still name the day; a quoted phrase is always a keyword."""
    names = _names_with_days()
    joined: list[tuple[str, bool]] = []
    index = 0
    while index < len(tokens):
        for length in sorted(names, reverse=True):
            words = tokens[index : index + length]
            if (
                len(words) == length
                and not any(quoted for _, quoted in words)
                # "Black, Friday": a comma parts two keywords, or a keyword and the day
                and not any(word.endswith(tuple(_COMMAS)) for word, _ in words[:-1])
                and tuple(_day_key(word.strip(_COMMAS)) for word, _ in words) in names[length]
            ):
                joined.append((" ".join(word.strip(_COMMAS) for word, _ in words), True))
                index += length
                break
        else:
            word, quoted = tokens[index]
            before = joined[-1] if joined else ("", True)
            if (
                not quoted
                and _day_like((word, quoted))
                and word[:1].isupper()
                and _day_key(word.strip(_COMMAS)) not in _capital_day_names()
                and _name_word(before)
            ):
                joined[-1] = (f"{before[0]} {word}", True)
            else:
                joined.append((word, quoted))
            index += 1
    return joined


def _name_word(token: tuple[str, bool]) -> bool:
    """Return whether a token is a capitalised word of a name ("Plácido") and no word
    /subscribe reads as part of a schedule."""
    word, quoted = token
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if quoted or not letters.isalpha() or not word[0].isupper() or word.isupper():
        return False
    folded = word.casefold()
    schedule_words = _BEFORE_DAY | _BEFORE_CLOCK | _RANGE_FROM | _RANGE_TO | _BEFORE_MINUTE
    return not (
        folded in schedule_words
        or folded in _AFTER_CLOCK
        or weekday_of(word) is not None
        or frequency_of(word) is not None
        or _day_key(word) in _day_parts()
        or _day_key(word) in _range_day_forms()
        or _minute_word(word)
    )


@cache
def _days_also_words() -> dict[str, frozenset[str]]:
    """Return ``_DAYS_ALSO_WORDS`` by its words as ``_day_key`` compares them."""
    return {_day_key(word): markers for word, markers in _DAYS_ALSO_WORDS.items()}


def _as_clock(token: tuple[str, bool]) -> tuple[str, bool]:
    """Return a bare number a clock word marks ("um 8", "8.30 Uhr") written as a time."""
    word = token[0].replace(".", ":")
    if _BARE_CLOCK.fullmatch(word):
        return (word if ":" in word else f"{word}:00", False)
    return token


def parse_subscribe_args(args: Sequence[str], language: str | None = None) -> SubscribeArgs:
    """Return the time (HH:MM or None), time zone, frequency and keywords of /subscribe arguments.

    A keyword starting with "-" excludes stories that mention it; punctuation alone ("-",
    ",") is no keyword, and "a phrase" in quotes is one keyword. The time is the first
    argument (a bare number there is the hour, four digits a time: "0800"), or any argument
    written HH:MM (or 8h30, 8am, 8:30pm), and the words around it in the bot's languages are
    no keywords ("um 8 Uhr", "в 8:00", "a las 8:00"); an IANA zone name
    ("Europe/Paris") or UTC anywhere is the subscription's time zone, and so is a zone's city
    right after the time ("8am New York", "в 8:00 Москва"; ``_city_after_time``), while
    elsewhere a city is a keyword, one keyword however many words it has ("Los Angeles"); daily, weekdays, hourly
    or weekly (or a name of it as a frequency button in any of the bot's languages writes
    it: "еженедельно", "По будням") anywhere is its frequency, and a day's name ("friday",
    "пятница") makes it weekly on that day.
    Two times, zones, frequencies or days are an error, as is a day with another frequency or a
    zone name with an unknown place. ``language`` is the chat's: where it capitalises nouns
    (German) a capitalised word after the city is no sign of a longer name.
    """
    at: str | None = None
    zone: str | None = None
    frequency: str | None = None
    weekday: int | None = None
    typed_frequency = typed_day = ""  # as typed, for the reply when another one follows
    include: list[str] = []
    exclude: list[str] = []
    minute: int | None = None
    loose_minute = False  # "every hour at minute": a minute's word without its number
    read_hour: str | None = None  # "Friday 13": the reply says 13 was read as 13:00
    lone_number = ""  # "Santo Domingo 9": a number that could be an hour, among keywords
    link_before = False  # "daily at minute": the same, after "at" (other digests than hourly)
    # numbers naming with the keyword before them ("Area 51"): its list, its place, theirs
    joins: list[tuple[list[str], int, int]] = []
    time_index = -2  # the word the time was: a zone's city right after it is the zone
    skip = 0  # the words after the first of a city's name ("New York")
    typed_tokens = _tokens(args)
    nouns_capitalised = language in _NOUNS_CAPITALISED or any(
        _unquoted(token, _GERMAN_CLOCK_WORDS) for token in typed_tokens
    )
    _refuse_every_few_minutes(typed_tokens)
    tokens = _minutes(_frequency_phrases(typed_tokens))
    _refuse_dangling_range(tokens)
    tokens = _days_in_names(_days_in_context(tokens))
    words = _without_clock_words(tokens)
    for index, (arg, quoted) in enumerate(words):
        if skip:
            skip -= 1
            continue
        city = None if quoted else _city_words(words, index)
        if city is not None:
            city_zone, length, typed_city = city
            after_time = index == time_index + 1
            if after_time and _city_after_time(words, index, length, nouns_capitalised):
                region = _region_after(words, index + length, city_zone)
                if region is None or region[0]:  # "08:00 Paris", "08:00 Paris, France"
                    if zone is not None:
                        raise _two_given("zone", [zone, city_zone])
                    zone, skip = city_zone, length - 1 + (region[1] if region else 0)
                    continue
                # "08:00 Paris, Texas": another place, in no zone the bot knows by its name; its
                # name is one keyword, and the reply shows the zone the time is in.
                region_words = words[index + length :][: region[1]]
                typed_region = " ".join(w.strip(_COMMAS) for w, _ in region_words)
                arg, quoted, skip = f"{typed_city}, {typed_region}", True, length - 1 + region[1]
            elif length > 1:  # "New York", "-Los Angeles": one keyword, not its words
                arg, quoted, skip = typed_city, True, length - 1
        word = arg.strip().strip(_COMMAS)
        if not quoted and _minute_of(word) is not None:
            if at is not None or minute is not None:
                raise _two_given("time", [at or f"xx:{minute:02d}", word])
            minute = _minute_of(word)
            continue
        if not quoted:
            first = index == 0 and any(c.isdigit() for c in arg) and (":" in arg or "." in arg)
            following = words[index + 1] if index + 1 < len(words) else ("", True)
            if index == 0 and word.isdecimal() and len(word) <= 2:
                # "/subscribe 8": the hour; "/subscribe 60 Minutes" (a programme): keywords
                first = following[1] or not _minute_word(following[0])
                word = f"{word}:00" if first else word
            elif _hour_after_day(word, words[:index]):
                read_hour = word
                word, first = f"{word}:00", True  # "/subscribe domingo 9": the hour of that day
            elif index == 0 and word.isdecimal() and len(word) == 4:
                # "/subscribe 0800"; "1999" is a keyword, and so is a year of these days
                first = _time_of_day(word) and not _recent_year(word)
            try:
                if first or _CLOCK.fullmatch(word):
                    if at is not None or minute is not None:
                        raise _two_given("time", [at or f"xx:{minute:02d}", word])
                    at = schedule.parse_hhmm(word).strftime("%H:%M")
                    time_index = index
                    continue
                named = schedule.zone_argument(arg)
            except schedule.ScheduleError as error:
                raise _schedule_problem(error) from None
            if named is not None:
                if zone is not None:
                    raise _two_given("zone", [zone, named])
                zone = named
                continue
            named_frequency = frequency_of(word)
            if named_frequency is not None:
                if frequency is not None:
                    raise _two_given("frequency", [typed_frequency, word])
                frequency, typed_frequency = named_frequency, word
                continue
            day = weekday_of(word)
            if day is not None:
                if weekday is not None:
                    raise _two_given("day", [typed_day, word])
                weekday, typed_day = day, word
                continue
        loose_minute = loose_minute or (not quoted and _minute_word(word))
        if not quoted and _minute_word(word) and index > 0:
            # "daily at minute", "08:00 at minute": a minute's word after its link word
            link_before = link_before or _minute_after_link(words[:index], word)
        if not quoted and _could_be_hour(word):
            lone_number = lone_number or word
        if word.startswith("-"):
            exclude += _keyword(word[1:])
        else:
            before = words[index - 1] if index else ("", True)
            for listed in (include, exclude) if not quoted else ():
                if listed and _names_with(before, listed[-1], word, listed is exclude):
                    joins.append((listed, len(listed) - 1, len(include)))
            include += _keyword(word)
    if loose_minute and frequency == "hourly" and minute is None:
        raise BadArguments(replies.minute_for_hourly)  # which minute: "minute 30"
    if (
        link_before
        and minute is None
        and typed_schedule(SubscribeArgs(at, None, [], [], frequency, weekday))
    ):
        raise BadArguments(replies.minute_for_hourly)  # a minute is for hourly digests
    if lone_number and at is None and minute is None:
        raise BadArguments(lambda tr: replies.lone_number(tr, lone_number))
    if weekday is not None:
        if frequency not in (None, "weekly"):
            raise _two_given("day_frequency", [typed_frequency])
        frequency = "weekly"
    for listed, place, number in reversed(joins):  # "Area 51", "08:00 Formula 1": one each
        listed[place] += f" {include.pop(number)}"
    include, exclude = _once(include), _once(exclude)
    return SubscribeArgs(at, zone, include, exclude, frequency, weekday, minute, read_hour)


def _city_words(words: Sequence[tuple[str, bool]], index: int) -> tuple[str, int, str] | None:
    """Return the zone of a zone's city typed from words[index] ("London", "New York",
    "-Hong Kong" to leave it out), the number of words it takes and its words as typed; None
    if they name none. A quoted word or a comma ends the name ("New, York" is two keywords)."""
    typed: list[str] = []
    for word, quoted in words[index:]:
        if quoted:
            break
        typed.append(word)
        if word.endswith(tuple(_COMMAS)):
            break
    names = [word.strip(_COMMAS) for word in typed]
    if not names or not names[0].lstrip("-"):
        return None
    found = schedule.city_at([names[0].lstrip("-"), *names[1:]])
    if found is None:
        return None
    zone, length = found
    return zone, length, " ".join(names[:length])


def _region_after(
    words: Sequence[tuple[str, bool]], index: int, zone: str
) -> tuple[bool, int] | None:
    """Return ``schedule.region_after_city`` for the words from words[index] when the city
    before them ends with a comma ("Paris, Texas"): whether they name a region of the zone's
    country, and how many words; None when no comma comes before or they name no region."""
    if not index or not words[index - 1][0].endswith(tuple(_COMMAS)):
        return None
    names: list[str] = []
    for word, quoted in words[index:]:
        if quoted:
            break
        names.append(word.strip(_COMMAS))
        if word.endswith(tuple(_COMMAS)):
            break
    return schedule.region_after_city(zone, names)


# Languages that write every noun with a capital (of the bot's: German), and the clock words
# that show a time typed in German ("8 Uhr", "um 8"): there "8 Uhr Berlin Klima" is the zone
# and a keyword, where "8am New York Times" in English is a longer name.
_NOUNS_CAPITALISED = frozenset({"de"})
_GERMAN_CLOCK_WORDS = frozenset({"uhr", "um"})
# Names that go on from a zone's city with a capitalised word, kept whole after a time even
# where every noun is capitalised ("8 Uhr New York Times"), case-folded.
_NAMES_WITH_CITIES = frozenset(
    {"new york times", "new york post", "new york stock exchange", "los angeles times"}
    | {"london stock exchange", "tokyo stock exchange", "hong kong stock exchange"}
    | {"berlin marathon", "london marathon", "paris saint-germain", "wien energie"}
    | {"moscow times", "kyiv independent", "kyiv post", "tehran times", "jerusalem post"}
)


def _city_after_time(
    words: Sequence[tuple[str, bool]], index: int, length: int, nouns_capitalised: bool = False
) -> bool:
    """Return whether the zone's city of ``length`` words at words[index], right after the
    time, is the zone ("8am New York", "07:00 London climate", "8 Uhr Berlin"), as /settings
    tz reads it. It stays a keyword after a minus, as a word that is a city only by chance
    ("North", "Christmas": ``schedule.city_is_word``) and as the start of a longer name, a
    capitalised word that is no schedule's following it ("8am New York Times", "07:00 London
    Stock Exchange"; "07:00 London Friday" is the zone). Where nouns are capitalised
    (``nouns_capitalised``: "8 Uhr Berlin Klima") only a known longer name
    (``_NAMES_WITH_CITIES``: "8 Uhr New York Times") keeps it a keyword."""
    first = words[index][0]
    typed = " ".join(word.strip(_COMMAS) for word, _ in words[index : index + length])
    if first.startswith("-") or schedule.city_is_word(typed):
        return False
    if words[index + length - 1][0].endswith(tuple(_COMMAS)) or index + length == len(words):
        return True
    after, quoted = words[index + length]
    after = after.strip(_COMMAS)
    if quoted or not after[:1].isupper() or _schedule_word(after):
        return True
    if not nouns_capitalised:
        return False
    name = f"{typed} {after}".casefold()
    return not any(known == name or known.startswith(f"{name} ") for known in _NAMES_WITH_CITIES)


def _schedule_word(word: str) -> bool:
    """Return whether a capitalised word says a schedule (a day, a frequency, a zone, a time)."""
    if weekday_of(word) is not None or frequency_of(word) is not None:
        return True
    try:
        return schedule.zone_argument(word) is not None
    except schedule.ScheduleError:
        return True


def _names_with(before: tuple[str, bool], keyword: str, word: str, excluded: bool = False) -> bool:
    """Return whether a number of one to three digits names a thing with the capitalised
    keyword typed right before it ("Area 51", "Formula 1", "Windows 11", "Covid 19"; left out
    after a minus: "-Formula 1"): alone it would be a keyword found in nearly every story. A
    year ("Ukraine 2026") stays apart, and so does a number after a quoted phrase or a word in
    lower case."""
    typed, quoted = before
    typed = typed.strip().strip(_COMMAS)
    if excluded != typed.startswith("-"):
        return False
    return (
        not quoted
        and _keyword(typed.removeprefix("-")) == [keyword]
        and keyword[:1].isupper()
        and not any(c.isdigit() for c in keyword)
        and word.isdecimal()
        and len(word) <= 3
    )


def _minute_after_link(before: list[tuple[str, bool]], word: str) -> bool:
    """Return whether a minute's word follows its link word ("daily at minute"). In capitals
    ("Daily At Minute") only after a frequency or a day: "La Minute", "08:00 La Minute" are
    the paper."""
    if not before or not _unquoted(before[-1], _BEFORE_MINUTE):
        return False
    if word.islower():
        return True
    rest = list(before)
    while rest and _unquoted(rest[-1], _BEFORE_MINUTE):
        rest.pop()
    head = rest[-1] if rest else ("", True)
    return not head[1] and (frequency_of(head[0]) is not None or weekday_of(head[0]) is not None)


# Digests every few minutes, or in a few ("every 30 minutes", "in 30 minutes", "alle 15
# Minuten", "toutes les 10 minutes", "cada 30 minutos", "каждые 30 минут", "через 30 минут",
# "co 30 minut", "كل 30 دقيقة", "هر ۳۰ دقیقه"): the word before the number, the minutes after.
# Spanish "en 30 minutos" and Portuguese "em 30 minutos" are "in 30 minutes" ("en el minuto 30",
# with its article, is a minute of the hour); Ukrainian and Russian "за 30 хвилин" too.
_BEFORE_MINUTES = frozenset(
    {"every", "each", "in", "alle", "nach", "les", "dans", "cada", "ogni", "tra", "fra"}
    | {"en", "em"}  # Spanish, Portuguese
    | {"каждые", "через", "кожні", "за", "co", "za", "كل", "بعد"}
    | {"هر"}
)
_MINUTES = frozenset(
    {"minute", "minutes", "mins", "min", "min.", "minuten", "minuto", "minutos", "minuti"}
    | {"minut", "minuty", "минут", "минуты", "минуту", "хвилин", "хвилини", "хвилину"}
    | {"دقيقة", "دقائق", "دقیقه"}
)


def _refuse_every_few_minutes(tokens: list[tuple[str, bool]]) -> None:
    """Refuse digests every few minutes or in a few ("every 30 minutes"): the words were
    keywords, silently; the reply says what the bot does (hourly, at a minute of the hour)."""
    for index in range(1, len(tokens) - 1):
        before, (number, quoted), after = tokens[index - 1], tokens[index], tokens[index + 1]
        if (
            not quoted
            and unicodedata.normalize("NFKC", number).isdecimal()
            and _unquoted(before, _BEFORE_MINUTES)
            and not after[1]
            and _day_key(after[0].strip(_COMMAS)) in _MINUTES
        ):
            raise _every_few(" ".join(w for w, _ in tokens[index - 1 : index + 2]))


def _every_few(typed: str) -> BadArguments:
    return BadArguments(lambda tr: replies.every_few_minutes(tr, typed))


def _hour_after_day(word: str, before: list[tuple[str, bool]]) -> bool:
    """Return whether a bare number is the hour of the day's name right before it ("domingo
    9", "Friday 8"); past 23 it is a keyword."""
    return _could_be_hour(word) and bool(before) and _day_like(before[-1])


def _could_be_hour(word: str) -> bool:
    """Return whether a word is a bare number of an hour, 0 to 23 ("9", "13")."""
    return _MINUTE_NUMBER.fullmatch(word) is not None and int(word) < 24


def _refuse_dangling_range(tokens: list[tuple[str, bool]]) -> None:
    """Refuse a day's name followed by a word of a range and no day to end it ("Monday to",
    "du lundi au", "с понедельника по"): those words would be keywords, the day a weekly
    digest. A time after the word is no range ("lundi à 8h", "lunes a las 8"); a day's name
    that is an ordinary word too counts after "from" or its own words ("de segunda a")."""
    for index, (word, quoted) in enumerate(tokens[:-1]):
        link = tokens[index + 1]
        before = tokens[index - 1] if index > 0 else ("", True)
        markers = _days_also_words().get(_day_key(word))
        day = _range_day_forms().get(_day_key(word))
        if quoted or (day is None and not _day_like((word, quoted))):
            continue
        if markers is not None and not _unquoted(before, _RANGE_FROM | markers):
            continue
        if not _unquoted(link, _RANGE_TO) or link[0] in _DASHES:
            continue
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        if after is not None and (
            _clock_like(after)
            or _unquoted(after, _BEFORE_CLOCK)
            or _range_day(after[0]) is not None
        ):
            continue
        start = index - 1 if _unquoted(before, _RANGE_FROM) else index
        raise _dangling(" ".join(w for w, _ in tokens[start : index + 2]))


def _dangling(typed: str) -> BadArguments:
    return BadArguments(lambda tr: replies.dangling_range(tr, typed))


def _recent_year(word: str) -> bool:
    """Return whether four digits read better as a year of these days ("2026 elections")
    than as a time: within five years of now, and not on a quarter hour ("2030" is 20:30)."""
    year = int(word)
    return abs(year - datetime.now(UTC).year) <= 5 and year % 100 % 15 != 0


def _time_of_day(word: str) -> bool:
    """Return whether a word is a time of day ("0800", "18:30")."""
    try:
        schedule.parse_hhmm(word)
    except schedule.ScheduleError:
        return False
    return True


def typed_schedule(typed: SubscribeArgs) -> bool:
    """Return whether /subscribe arguments name a time, frequency or day (digests' own)."""
    return (
        typed.at is not None
        or typed.frequency is not None
        or typed.weekday is not None
        or typed.minute is not None
    )


def keywords(words: Sequence[str]) -> list[str]:
    """Return the keywords among words: commas, quotes, a leading "+" and a hashtag's "#"
    stripped, punctuation alone ("-") dropped; "a phrase" in quotes is one keyword, and so is
    a number with the capitalised word before it ("Area 51", "-Formula 1"), as /subscribe
    reads them."""
    found: list[str] = []
    tokens = _tokens(words)
    for index, (word, quoted) in enumerate(tokens):
        typed = _keyword(word)
        before = tokens[index - 1] if index else ("", True)
        if typed and found and not quoted:
            plain = found[-1].removeprefix("-")
            if _names_with(before, plain, typed[0], found[-1].startswith("-")):
                found[-1] += f" {typed[0]}"
                continue
        found += typed
    return _once(found)


def _once(words: list[str]) -> list[str]:
    """Return words without repeats, whatever their case (the first spelling kept)."""
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.casefold(), word)
    return list(seen.values())


def _keyword(word: str) -> list[str]:
    """Return the keyword a word is (quotes, commas, a leading "+" and a hashtag's "#"
    stripped: "#climate" is "climate", as /search reads it), or none."""
    cleaned = word.strip(_KEYWORD_EDGES).lstrip("+#").strip(_KEYWORD_EDGES)
    return [cleaned] if any(c.isalnum() for c in cleaned) else []


def _refuse_if_nothing_understood(
    args: Sequence[str], mode: str | None, typed: SubscribeArgs, existing: Subscription | None
) -> None:
    """Raise BadArguments when /subscribe arguments to a running subscription named nothing
    it understands ("😀", "!!"): it would say "updated" while nothing changed. A new or
    stopped subscription starts (or resumes) with its defaults, which is a change."""
    if existing is None or not existing.active or not args or mode is not None:
        return
    if typed == SubscribeArgs(None, None, [], []):
        shown = " ".join(args)
        raise BadArguments(lambda tr: replies.nothing_understood(tr, shown))


def _two_given(what: str, values: Sequence[str]) -> BadArguments:
    """Return the refusal of /subscribe arguments naming two of one setting (``what``: a key
    of ``replies.TWO_GIVEN``), saying which."""
    shown = list(values)
    return BadArguments(lambda tr: replies.two_given(tr, what, shown))


def _schedule_problem(error: schedule.ScheduleError) -> BadArguments:
    return BadArguments(lambda tr: replies.schedule_problem(tr, error))


def _fields(
    typed: SubscribeArgs, existing: Subscription | None, context: Context
) -> dict[str, Any]:
    """Return the subscription fields /subscribe (or /subscribe_channel) arguments set: time,
    zone, frequency, day and keywords; a new subscription gets the configured time and zone."""
    settings = context.bot_data.settings
    values: dict[str, Any] = {}
    if typed.at is not None or existing is None:
        values["time"] = typed.at or settings.digest_time.strftime("%H:%M")
    if typed.zone is not None or existing is None:
        values["timezone"] = typed.zone or settings.timezone.key
    if typed.zone is not None:
        values["timezone_given"] = True
    if typed.minute is not None:  # "every hour at minute 30": the hour kept
        frequency = typed.frequency or (existing.frequency if existing else "daily")
        base = values.get("time") or (existing.time if existing is not None else "")
        values["time"] = _at_minute(base, typed.minute, frequency)
    if typed.frequency is not None:
        values["frequency"] = typed.frequency
    if typed.weekday is not None:
        values["weekday"] = typed.weekday
    if typed.include:
        values["include"] = typed.include
    if typed.exclude:
        values["exclude"] = typed.exclude
    return values


def settings_keyboard(tr: Translator, sub: Subscription) -> InlineKeyboardMarkup:
    """Return the /settings keyboard: each button changes one setting and redraws."""

    def button(label: str, key: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=f"set:{key}")

    rows = [
        [
            button(replies.mode_button(tr, sub), "mode"),
            button(replies.pictures_button(tr, sub), "pictures"),
        ]
    ]
    if sub.mode == "live":
        rows += [
            [button(replies.zone_button(tr, sub), "timezone")],
            [button(replies.cap_button(tr, sub), "cap")],
        ]
    else:
        rows += [
            [
                button(replies.time_button(tr, sub), "time"),
                button(replies.frequency_button(tr, sub), "frequency"),
            ],
            [button(replies.zone_button(tr, sub), "timezone")],
            [button(replies.stories_button(tr, sub), "stories")],
        ]
        if sub.frequency == "weekly":
            rows[3].append(button(replies.weekday_button(tr, sub), "weekday"))
    rows += [[button(replies.toggle_button(tr, sub, key), key)] for key in replies.TOGGLES]
    return InlineKeyboardMarkup(rows)


async def subscribe(update: Update, context: Context) -> None:
    """Subscribe this chat (private, group or, posted in it, channel): /subscribe [HH:MM] [words]."""
    await _subscribe(update, context, context.args or [])


async def subscribe_button(update: Update, context: Context) -> None:
    """Subscribe this chat with the default settings from the /start button.

    In a group, a member who presses it is told in an alert (to them alone), as for the
    /settings buttons; the group hears nothing.
    """
    query = update.callback_query
    if query is not None and not await may_change(update, context):
        tr = translator_for(update, context)
        await answer_press(query, replies.group_admins_only(tr), show_alert=True)
        return
    if query is not None:
        await answer_press(query)
    await _subscribe(update, context, [])


async def _subscribe(update: Update, context: Context, args: Sequence[str]) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    thread = thread_of(update)
    tr = translator_for(update, context)
    if not await may_change(update, context):
        await reply_here(update, replies.group_admins_only(tr))
        return
    args = subscribe_words(args)
    mode, rest = parse_mode(args)
    typed = parse_subscribe_args(rest, tr.language)
    db = context.bot_data.db
    existing = store.find_subscription(db, chat.id, thread)
    _refuse_if_nothing_understood(args, mode, typed, existing)
    values: dict[str, Any] = {"title": chat.title or chat.full_name or str(chat.id)}
    if update.effective_user is not None:
        values["user_id"] = update.effective_user.id
    values.update(_fields(typed, existing, context))
    named = (existing.topic_name if existing is not None else None) or topic_name_of(update)
    if thread is not None and named:
        values["topic_name"] = named  # a rename seen since beats the name it was created with
    if mode == "live":
        values.update(mode_values(existing, "live"))
    elif (
        mode == "digest"
        or typed.at is not None
        or typed.frequency is not None
        or typed.minute is not None
    ):
        values.update(mode_values(existing, "digest"))
    elif existing is not None and existing.mode == "live" and not existing.active:
        values.update(mode_values(existing, "live"))  # resumed: new stories from now on
    sub = store.save_subscription(db, chat.id, _kind(chat), thread_id=thread, **values)
    sub = from_now(db, existing, sub)
    digest_jobs.schedule_subscription(context.application, sub)
    _resumed_live(context, existing, sub)
    updated = existing is not None and existing.active
    channel = None
    if chat.type == ChatType.CHANNEL:  # its owner changes it from a private chat
        channel = f"@{chat.username}" if chat.username else str(chat.id)
    text = replies.subscribed(
        tr,
        sub,
        updated=updated,
        channel=channel,
        kept_for_digests=mode == "live" and typed_schedule(typed),
        before=existing,
    )
    text += read_hour_note(tr, typed, sub)
    hint = zone_hint(db, tr, sub, time_set=_time_set(existing, typed), channel=channel)
    try:
        await chat.send_message(text + hint, message_thread_id=thread)
        hint_shown(db, sub, hint)
    except BadRequest as error:
        if _cannot_post(chat, error):
            # Sent in a channel or group where the bot may not post: stopped until Telegram
            # says the right is given (bot/handlers/members.py), as its first digest would be.
            store.deactivate_subscription(db, chat.id, CANNOT_POST, subscription_id=sub.id)
            digest_jobs.unschedule_subscription(context.application, sub.id)
            log.info("chat %s: the bot may not post: subscription %s waits", chat.id, sub.id)
            return
        if not _topic_refused(error):
            raise
        # Sent in a topic the bot may not post in (a closed General topic too): paused as its
        # first digest would be, and the general topic says why and how to resume it.
        store.pause_subscription(db, sub.id, error.message)
        digest_jobs.unschedule_subscription(context.application, sub.id)
        paused = store.get_subscription_by_id(db, sub.id) or sub
        if thread is not None:
            await chat.send_message(replies.topic_paused(tr, paused, error.message))


def _time_set(existing: Subscription | None, typed: SubscribeArgs) -> bool:
    """Return whether /subscribe (or /subscribe_channel) set a subscription's time: a new
    one's (the configured time, when none is typed), or one typed."""
    return (
        existing is None or not existing.active or typed.at is not None or typed.minute is not None
    )


def _resumed_live(context: Context, before: Subscription | None, after: Subscription) -> None:
    """Write the edits a live subscription resumed owes its posts (dropped while stopped)."""
    if before is not None and not before.active and after.active and after.mode == "live":
        digest_jobs.enqueue_live(context.bot_data, resumed=after.chat_id)


async def unsubscribe(update: Update, context: Context) -> None:
    """Stop this chat's (or this topic's) subscription: /unsubscribe; or a channel's, named
    (``/unsubscribe @name``), for an administrator of the channel. Any other word after it is
    refused with the usage line, and nothing stops ("/unsubscribe sport" is no way to drop a
    keyword)."""
    chat = update.effective_chat
    if chat is None:
        return
    channel = named_channel(update, context)
    if channel is not None:
        await _unsubscribe_channel(update, context, channel)
        return
    args = context.args or []
    if args and chat.type != ChatType.CHANNEL:
        word = args[0]
        raise BadArguments(lambda tr: replies.unsubscribe_names_no_channel(tr, word))
    tr = translator_for(update, context)
    if not await may_change(update, context):
        await reply_here(update, replies.group_admins_only(tr))
        return
    db = context.bot_data.db
    thread = thread_of(update)
    sub = store.find_subscription(db, chat.id, thread)
    # A closed topic's subscription, paused, would come back when the topic is reopened; and
    # a group's waiting for the right to post when it is given: each is stopped for good.
    if sub is None or not (sub.active or _paused(sub) or no_rights(sub.deactivated_reason or "")):
        await reply_here(
            update,
            await _none_here(
                context, tr, chat, thread, "/unsubscribe", replies.no_subscription(tr)
            ),
        )
        return
    store.deactivate_subscription(db, chat.id, store.UNSUBSCRIBED, subscription_id=sub.id)
    digest_jobs.unschedule_subscription(context.application, sub.id)
    await reply_here(update, replies.unsubscribed(tr))


def _paused(sub: Subscription) -> bool:
    """Return whether a topic's subscription is paused because its topic is closed (it
    resumes when the topic is reopened)."""
    return (
        not sub.active and sub.paused_at is not None and sub.deactivated_reason != store.TOPICS_OFF
    )


async def _none_here(
    context: Context, tr: Translator, chat: Chat, thread: int | None, command: str, otherwise: str
) -> str:
    """Return the answer to ``command`` where this chat (topic) has no subscription: where the
    group's other topics have one, else ``otherwise``."""
    elsewhere = await _still_there(context, _elsewhere(context.bot_data.db, chat, thread))
    if not elsewhere:
        return otherwise
    return replies.subscribed_elsewhere(tr, command, elsewhere, in_topic=thread is not None)


async def _still_there(context: Context, subs: list[Subscription]) -> list[Subscription]:
    """Return the subscriptions but those of closed topics deleted since (or of a chat the
    bot lost), which end (``_topic_there``)."""
    return [
        sub
        for sub in subs
        if not (_paused(sub) and sub.thread_id is not None)
        or await _topic_there(context, sub) is not False
    ]


async def _topic_there(context: Context, sub: Subscription) -> bool | None:
    """Ask Telegram whether a paused subscription's closed topic is still there; return None
    when its answer does not say.

    Telegram tells a bot nothing when a topic is deleted, and a closed topic's subscription
    (paused: nothing is sent there) would be listed as paused for ever, with no topic left to
    send /unsubscribe in. A chat action sent to the topic asks: "message thread not found"
    ends it, as a refused post does (``store.pause_subscription``); TOPIC_CLOSED, or the
    action taken, says it is there. A chat the bot was removed from ends every subscription
    of the chat, as the sender's refused post does. Any other answer (no right to send, a
    limit, the network) says nothing of the topic: it stays as it is.
    """
    db = context.bot_data.db
    try:
        await context.bot.send_chat_action(
            sub.chat_id, ChatAction.TYPING, message_thread_id=sub.thread_id
        )
    except BadRequest as error:
        if store.topic_deleted(error.message):
            log.info("chat %s: topic %s was deleted", sub.chat_id, sub.thread_id)
            store.pause_subscription(db, sub.id, error.message)
            return False
        if _topic_refused(error):
            return True  # closed
        if not store.lost_chat(error.message):
            log.info("chat %s: topic %s not asked: %s", sub.chat_id, sub.thread_id, error)
            return None
        lost: TelegramError = error
    except Forbidden as error:
        lost = error
    except TelegramError as error:
        log.info("chat %s: topic %s not asked: %s", sub.chat_id, sub.thread_id, error)
        return None
    else:
        return True
    log.info("chat %s is gone (%s): its subscriptions stop", sub.chat_id, lost.message)
    store.deactivate_subscription(db, sub.chat_id, lost.message)
    return False


async def check_paused_topics(context: Context, limit: int) -> int:
    """Ask Telegram whether up to ``limit`` paused topics are still there (``_topic_there``:
    a deleted one's subscription ends); return how many paused topics it did not answer
    about. Each question is a request to Telegram: /stats asks a few, others at its next
    time."""
    picked, total = store.paused_topics(context.bot_data.db, limit)
    answered = [await _topic_there(context, sub) for sub in picked]
    return total - sum(there is not None for there in answered)


def _elsewhere(db: Database, chat: Chat, thread: int | None) -> list[Subscription]:
    """Return, for a command sent in a forum topic or its general topic, the subscriptions of
    the group's other topics (and of the general topic) that post, or will when their topic
    is reopened; none outside a forum."""
    if thread is None and not chat.is_forum:
        return []
    return [
        sub
        for sub in store.chat_subscriptions(db, chat.id)
        if sub.thread_id != thread and (sub.active or _paused(sub))
    ]


async def settings_command(update: Update, context: Context) -> None:
    """Show and change this chat's subscription: /settings [time|tz|include|exclude ...].

    In a group, as /subscribe, only for its administrators: a member would get buttons that
    refuse every press.
    """
    chat = update.effective_chat
    if chat is None:
        return
    channel = named_channel(update, context)
    if channel is not None:
        await _channel_settings(update, context, channel)
        return
    db = context.bot_data.db
    tr = translator_for(update, context)
    if not await may_change(update, context):
        await reply_here(update, replies.group_admins_only(tr))
        return
    thread = thread_of(update)
    sub = store.find_subscription(db, chat.id, thread)
    if sub is not None and _paused(sub):  # its topic is closed: said so, with how it resumes
        await reply_here(update, replies.topic_paused(tr, sub, sub.deactivated_reason or ""))
        return
    if sub is not None and not sub.active and store.lost_chat(sub.deactivated_reason or ""):
        # The bot was removed and added back: /subscribe brings the subscription back as it was.
        await reply_here(update, replies.stopped_when_removed(tr))
        return
    if sub is None or not sub.active:
        await reply_here(
            update,
            await _none_here(
                context, tr, chat, thread, "/settings", replies.no_subscription_yet(tr)
            ),
        )
        return
    args = context.args or []
    page, hint = "", ""
    if args:
        before = sub
        sub = from_now(db, sub, _apply_text_setting(db, sub, args))
        digest_jobs.schedule_subscription(context.application, sub)
        if _setting_key(args) == "pictures":
            _pictures_set(context, sub)
        if _setting_key(args) in _NOT_SHOWN_IN[sub.mode]:
            page = replies.saved_for_other_mode(tr, sub.mode) + "\n\n"
        hint = zone_hint(db, tr, sub, time_set=_time_changed(args, before, sub))
    page += replies.settings_page(tr, sub) + hint
    if await reply_here(update, page, settings_keyboard(tr, sub), quote=True):
        hint_shown(db, sub, hint)


def _time_changed(args: Sequence[str], before: Subscription, after: Subscription) -> bool:
    """Return whether "/settings ..." set the time: "/settings time ..." or a line of the
    page typed back with another time."""
    return _setting_key(args) == "time" or after.time != before.time


# The text settings a mode's page does not show: saved all the same, for the other mode.
_NOT_SHOWN_IN = {
    "digest": frozenset({"quiet", "cap"}),
    "live": frozenset({"time", "frequency", "stories"}),
}


def _setting_key(args: Sequence[str]) -> str:
    """Return the key of "/settings KEY VALUE" ("time: 07:30", "time=07:30" too), as a known
    key's own name ("tz" for its other names in SETTING_KEYS); for a line of the settings
    page typed back, the setting it changes."""
    line = page_line(args)
    if line is not None:
        return _PAGE_LINE_KEYS.get(line[0], line[0])
    return _key_and_value(args)[0]


def _key_and_value(args: Sequence[str]) -> tuple[str, list[str]]:
    """Return the key of "/settings KEY VALUE" (as ``_setting_key``; an on/off setting also
    by its button's label: ``_toggle_named``) and the words of its value."""
    # a right-to-left line typed back starts with a direction mark ("\u200fإشعار صامت: ...")
    args = [word for word in (_plain_line(word).strip() for word in args) if word]
    if not args:
        return "", []
    named = _toggle_named(args)
    if named is not None:
        return named
    key, rest = args[0].lower(), list(args[1:])
    joined = _KEY_VALUE.fullmatch(key)  # "time: 07:30", "time=07:30", "tz:Europe/Paris"
    if joined is not None:
        key, rest = joined[1], ([args[0][len(joined[1]) + 1 :]] if joined[2] else []) + rest
    return SETTING_KEYS.get(key, key), rest


def _toggle_named(args: Sequence[str]) -> tuple[str, list[str]] | None:
    """Return the on/off setting the first words name as its button and the page write it in
    any of the bot's languages ("Silent notification: on", "Без звука: вкл.", "Notification
    silencieuse : oui"), and the words after it; None when they name none."""
    for length in range(len(args), 0, -1):
        key = _toggle_labels().get(_value_key(args[:length]).rstrip(":"))
        if key is not None:
            rest = list(args[length:])
            return key, rest[1:] if rest and rest[0] == ":" else rest
    return None


@cache
def _toggle_labels() -> dict[str, str]:
    """Return the on/off setting each label of it names, in every language the bot speaks."""
    return {
        _value_key([translator(code).gettext(label)]): key
        for code in LANGUAGES
        for key, label in replies.TOGGLES.items()
    }


# The words that say "from" and "to" between two times, in the bot's languages: "۲۳ تا ۷",
# "с 23:00 до 7:00", "von 23 bis 7 Uhr", "de 23h à 7h", "de 23 a 7", "from 11pm to 7am",
# "dalle 23 alle 7", "das 23h às 7h", "od 23 do 7", "من 23 إلى 7".
_FROM_TO = frozenset(
    {"from", "to", "until", "till", "с", "со", "з", "із", "від", "до", "von", "bis", "uhr"}
    | {"de", "à", "a", "au", "desde", "hasta", "las", "از", "تا"}  # "de las 23 a las 7"
    | {"da", "dalle", "alle", "fino"}  # Italian
    | {"das", "às", "as", "até"}  # Portuguese
    | {"od", "do"}  # Polish
    | {"من", "إلى", "الى", "حتى"}  # Arabic
)


def _quiet_hours(rest: Sequence[str]) -> dict[str, Any]:
    """Return the quiet hours of "/settings quiet 23:00-07:00" (or "23:00 07:00", "23-7",
    "11pm-7am", "از ۲۳ تا ۷", "с 23 до 7", or "off")."""
    if setting_value("quiet", rest) is not None:  # "off", "none", "выкл.", "خاموش"
        return {"quiet_start": None, "quiet_end": None}
    typed = " ".join(rest).replace("–", "-").replace("—", "-").replace("-", " ")
    # "23-7" is 23:00 to 07:00 (a bare number is an hour here); "11 pm - 7 am" two times.
    words = [
        f"{w}:00" if w.isdecimal() and len(w) <= 2 else w
        for w, quoted in _tokens([typed])
        if quoted or w.casefold() not in _FROM_TO
    ]
    if len(words) != 2:
        raise BadArguments(lambda tr: replies.setting_problem(tr, "quiet"))
    start, end = schedule.validate_quiet(words[0], words[1])
    return {"quiet_start": start, "quiet_end": end}


def _languages(rest: Sequence[str]) -> tuple[str, ...]:
    """Return the codes of "/settings languages ru en" ("all" or "any": every language)."""
    if setting_value("languages", rest) is not None:  # "all", "any", "любой", "هر زبانی"
        return ()
    codes, unknown = language.filter_codes(rest, name_locales=LANGUAGES)
    if unknown:
        known = list(LANGUAGES)  # the languages the bot speaks, as examples
        raise BadArguments(lambda tr: replies.unknown_languages(tr, unknown, known))
    return codes


_MARKS = dict.fromkeys(map(ord, "\u200e\u200f"), None)
_SPACES = re.compile(r"\s+")  # with the no-break spaces French puts before a colon


def _plain_line(text: str) -> str:
    """Return a line as compared with the settings page's: no direction marks (a
    right-to-left line starts with one), full-width letters and digits plain, every run of
    spaces one plain space."""
    return _SPACES.sub(" ", plain_width(text).translate(_MARKS))


@cache
def _page_line_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Return a pattern of each line of the settings page (``replies.PAGE_LINES``) in every
    language the bot speaks, its values caught by their placeholders' names, with what the
    line says."""
    patterns = []
    for code in LANGUAGES:
        for key, message in replies.PAGE_LINES.items():
            text = html.unescape(re.sub(r"<[^>]+>", "", translator(code).gettext(message)))
            parts = []
            for literal, name, _, _ in Formatter().parse(_plain_line(text)):
                if literal.strip():
                    parts.append(re.escape(literal.strip()).replace(r"\ ", r"\s*"))
                if name:
                    parts.append(f"(?P<{name}>.+?)")
            patterns.append((key, re.compile(r"\s*".join(parts), re.IGNORECASE)))
    return patterns


def page_line(args: Sequence[str]) -> tuple[str, dict[str, list[str]]] | None:
    """Return what a line of the settings page typed back says ("Stories: up to 5",
    "Языки: русский, английский", "Digest: every day at 08:00 (UTC)", in any of the bot's
    languages) and the words of each of its values; None for other words."""
    typed = _plain_line(" ".join(args)).strip()
    for key, pattern in _page_line_patterns():
        found = pattern.fullmatch(typed)
        if found is not None:
            return key, {name: value.split() for name, value in found.groupdict().items()}
    return None


def _page_line_settings(key: str, values: dict[str, list[str]]) -> list[list[str]]:
    """Return the text settings a line of the settings page is made of ("Stories: up to 5"
    is "stories 5"; the page's "Only about: anything" clears the keywords, as "-" does)."""
    if key == "stories":
        return [["stories", *values["count"]]]
    if key == "live":
        return [["mode", "live"], ["cap", *values["count"]]]
    if key == "quiet":
        return [["quiet", *values["hours"]], ["tz", *values["zone"]]]
    if key == "include" and setting_value("keywords", values["words"]) is not None:
        return [["include", "-"]]
    if key in ("include", "exclude", "languages", "pictures"):
        [words] = values.values()
        return [[key, *words]]
    return []  # "Where: this topic": nothing to set


# The text setting a line of the page is said to change (for ``_NOT_SHOWN_IN``).
_PAGE_LINE_KEYS = {"digest": "mode", "live": "mode", "where": "mode"}


def _apply_page_line(
    database: Database, sub: Subscription, key: str, values: dict[str, list[str]]
) -> Subscription:
    """Save what a line of the settings page typed back says: its schedule's line ("Digest:
    every Monday at 08:00 (UTC)") read as /subscribe reads one, the others as the text
    settings they are made of."""
    if key == "digest":
        typed = parse_subscribe_args([*values["when"], *values["zone"]])
        if typed.include or typed.exclude:  # words that are no schedule
            raise BadArguments(replies.settings_usage)
        fields = mode_values(sub, "digest")
        named = {"time": typed.at, "timezone": typed.zone, "frequency": typed.frequency}
        fields.update((name, value) for name, value in named.items() if value is not None)
        if typed.zone is not None:
            fields["timezone_given"] = True
        if typed.weekday is not None:
            fields["weekday"] = typed.weekday
        if typed.minute is not None:
            frequency = typed.frequency or sub.frequency
            fields["time"] = _at_minute(fields.get("time", sub.time), typed.minute, frequency)
        return store.update_subscription(database, sub.id, **fields)
    for setting in _page_line_settings(key, values):
        sub = _apply_text_setting(database, sub, setting)
    return sub


def _apply_text_setting(database: Database, sub: Subscription, args: Sequence[str]) -> Subscription:
    line = page_line(args)
    if line is not None:
        return _apply_page_line(database, sub, *line)
    key, rest = _key_and_value(args)
    one = rest[0].lower() if len(rest) == 1 else None
    try:
        # "/settings time 8:30 pm" and "/settings tz America/New York" are one value each.
        if key == "time" and rest:
            # "۸ صبح" as "۸am"; "um 8 Uhr", "ساعت ۸" as "8:00"; "minute 30", "xx:30" (hourly)
            typed = " ".join(word for word, _ in _without_clock_words(_minutes(_tokens(rest))))
            minute = _minute_of(typed)
            if minute is not None:
                time = _at_minute(sub.time, minute, sub.frequency)
                return store.update_subscription(database, sub.id, time=time)
            return store.update_subscription(
                database, sub.id, time=schedule.parse_hhmm(typed).strftime("%H:%M")
            )
        if key == "tz" and rest:
            zone = schedule.typed_zone(" ".join(rest))
            return store.update_subscription(database, sub.id, timezone=zone, timezone_given=True)
        if key == "include" and any(w.startswith("-") for w in keywords(rest)):
            # "/settings include climate -sport": as /subscribe reads it, sport is left out.
            found = keywords(rest)
            return store.update_subscription(
                database,
                sub.id,
                include=[w for w in found if not w.startswith("-")],
                exclude=_once([w.lstrip("-") for w in found if w.startswith("-")]),
            )
        if key in ("include", "exclude") and rest:  # nothing typed: nothing cleared
            # "/settings exclude -sport" means sport, as /subscribe writes it; "-" alone clears.
            words = _once([w.lstrip("-") if key == "exclude" else w for w in keywords(rest)])
            if not words and not _clears(rest):  # a lone quote, an emoji: no keyword to set
                raise BadArguments(lambda tr: replies.setting_problem(tr, key))
            return store.update_subscription(database, sub.id, **{key: words})
        if key == "languages" and rest:
            return store.update_subscription(database, sub.id, languages=_languages(rest))
        # "/settings frequency По будням": a name of more words is one
        phrased = [word for word, _ in _frequency_phrases([(word, False) for word in rest])]
        days = [
            weekday_of(word, short=True)
            for word in phrased
            if frequency_of(word) != "weekly" and word.casefold() not in _BEFORE_DAY
        ]
        if key == "frequency" and len(days) == 1 and days[0] is not None:
            # "/settings frequency weekly friday" (or "friday"): weekly, on that day
            return store.update_subscription(database, sub.id, frequency="weekly", weekday=days[0])
        if key == "frequency" and len(phrased) == 1:
            return store.update_subscription(
                database,
                sub.id,
                frequency=frequency_of(phrased[0])
                or schedule.validate_frequency(phrased[0].lower()),
            )
        number = whole_number(one) if one is not None else None  # "5", "۵"
        if key == "stories" and number is not None and 1 <= number <= MAX_STORIES:
            return store.update_subscription(database, sub.id, stories=number)
        # "/settings mode live", or as the settings page writes it: "mode زنده", "mode Résumé".
        mode = setting_value("mode", rest) if key == "mode" else None
        if mode is not None:
            return store.update_subscription(database, sub.id, **mode_values(sub, mode))
        pictures = setting_value("pictures", rest) if key == "pictures" else None
        if pictures is not None:
            return store.update_subscription(database, sub.id, pictures=pictures)
        if key == "quiet" and rest:
            return store.update_subscription(database, sub.id, **_quiet_hours(rest))
        if key == "cap" and number is not None and 1 <= number <= MAX_CAP:
            return store.update_subscription(database, sub.id, hourly_cap=number)
        # "/settings silent on", "/settings previews выкл.", "/settings Без звука: вкл."
        switched = setting_value("toggle", rest) if key in replies.TOGGLES else None
        if switched is not None:
            return store.update_subscription(database, sub.id, **{key: switched == "on"})
    except schedule.ScheduleError as error:
        raise _schedule_problem(error) from None
    if key in replies.SETTING_PROBLEMS:  # a known key, a value it does not take
        limit = {"stories": MAX_STORIES, "cap": MAX_CAP}.get(key, 0)
        raise BadArguments(lambda tr: replies.setting_problem(tr, key, limit))
    raise BadArguments(replies.settings_usage)


def _pictures_set(context: Context, sub: Subscription) -> None:
    """Forget that the chat refused photos: its administrators set pictures again (after
    giving the right to send photos back, say), so the next photo post tries a photo."""
    store.forget_photos_refused(context.bot_data.db, sub.chat_id)


def subscribe_words(args: Sequence[str]) -> list[str]:
    """Return /subscribe arguments with a line of the settings page that /subscribe takes
    typed back as the words it is made of: the schedule's ("Digest: every day at 08:00
    (UTC)"), live posts' (their hourly cap is /settings cap's), the keywords' ("Only about:
    climate, energy", "Never about: sport"); other words as they are. "Where: this topic"
    names no setting: /subscribe is for the topic it is sent in (typed in another topic, it
    starts that topic's subscription; the first topic's stays, as its own admins set it)."""
    line = page_line(args)
    key, values = line if line is not None else ("", {})
    if key == "where":
        return []
    if key == "digest":
        return [*values["when"], *values["zone"], "digest"]
    if key == "live":
        return ["live"]
    if key == "include":
        words = values["words"]
        return [] if setting_value("keywords", words) is not None else words
    if key == "exclude":
        return [f'-"{word}"' for word in keywords(values["words"])]  # "-" before a phrase
    return list(args)


_DASHES = frozenset({"-", "–", "—"})


def _clears(rest: Sequence[str]) -> bool:
    """Return whether "/settings include|exclude" words say to clear the keywords: a dash
    alone among them ("-", ", -"), as the settings page shows."""
    return any(word.strip(_COMMAS) in _DASHES for word in rest)


def _next(options: Sequence[object], current: object) -> object:
    values = list(options)
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]


async def settings_button(update: Update, context: Context) -> None:
    """Change one setting from the /settings keyboard and redraw it."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None or query.data is None:
        return
    db = context.bot_data.db
    tr = translator_for(update, context)
    sub = store.find_subscription(db, chat.id, thread_of(update))
    if sub is None or not sub.active:
        await answer_press(query, replies.no_subscription_any_more(tr), show_alert=True)
        return
    if not await may_change(update, context):
        await answer_press(query, replies.group_admins_only(tr), show_alert=True)
        return
    key = query.data.removeprefix("set:")
    changes: dict[str, object]
    if key == "time":
        changes = {"time": _next(_TIME_CHOICES, sub.time)}
    elif key == "timezone":
        changes = {"timezone": _next(_ZONE_CHOICES, sub.timezone), "timezone_given": True}
    elif key == "frequency":
        changes = {"frequency": _next(schedule.FREQUENCIES, sub.frequency)}
    elif key == "stories":
        changes = {"stories": _next(STORY_CHOICES, sub.stories)}
    elif key == "weekday":
        changes = {"weekday": (sub.weekday + 1) % 7}
    elif key == "mode":
        changes = mode_values(sub, str(_next(MODE_CHOICES, sub.mode)))
    elif key == "pictures":
        changes = {"pictures": _next(PICTURE_CHOICES, sub.pictures)}
        _pictures_set(context, sub)
    elif key == "cap":
        changes = {"hourly_cap": _next(CAP_CHOICES, sub.hourly_cap)}
    elif key in replies.TOGGLES:
        changes = {key: not getattr(sub, key)}
    else:
        await answer_press(query)
        return
    sub = from_now(db, sub, store.update_subscription(db, sub.id, **changes))
    digest_jobs.schedule_subscription(context.application, sub)
    await answer_press(query, replies.saved(tr))
    hint = zone_hint(db, tr, sub, time_set=key == "time")
    await show_in_pressed(
        update, context, replies.settings_page(tr, sub) + hint, settings_keyboard(tr, sub)
    )
    hint_shown(db, sub, hint)


def channel_name(word: str, *, positive: bool = True) -> str | None:
    """Return how Telegram is asked for the channel a word names ("@name", or its id in Latin
    digits), or None: "@name", its link (t.me/name, or a link to one of its posts) or its
    numeric id, in any script's digits (a positive number only with ``positive``: a channel's
    id is -100 and its number)."""
    link = _CHANNEL_LINK.fullmatch(word)
    if link:
        word = f"@{link[1]}" if link[1] else f"-100{link[2]}"
    numeric = whole_number(word.removeprefix("-"))  # an id, in any script's digits
    if numeric is not None:
        word = f"{'-' if word.startswith('-') else ''}{numeric}"
    if word.startswith("@") and len(word) > 1:
        return word
    if word.lstrip("-").isdecimal() and (positive or _CHANNEL_ID.fullmatch(word)):
        return word
    return None


# A channel's (or supergroup's) id as the Bot API writes it: -100 and the chat's number. Other
# negative numbers ("/settings -5") name no channel: they are read as the command's own words.
_CHANNEL_ID = re.compile(r"-100\d+")


def named_channel(update: Update, context: Context) -> str | None:
    """Return the channel /unsubscribe or /settings names first (None: this chat's own), sent
    anywhere but in a channel."""
    chat, args = update.effective_chat, context.args or []
    if chat is None or chat.type == ChatType.CHANNEL or not args:
        return None
    return channel_name(args[0], positive=False)


async def owned_channel(
    update: Update, context: Context, name: str, *, to_subscribe: bool = False
) -> ChatFullInfo | None:
    """Return the channel named, when Telegram says the sender administers it (asked now);
    otherwise reply why not and return None. ``to_subscribe``: the bot must also be an
    administrator there with the right to post."""
    tr = translator_for(update, context)
    try:
        chat = await context.bot.get_chat(name)
    except (BadRequest, Forbidden):
        await reply_here(update, replies.channel_not_found(tr, name))
        return None
    if chat.type != ChatType.CHANNEL:
        await reply_here(update, replies.not_a_channel(tr, name))
        return None
    if to_subscribe:
        try:
            member = await context.bot.get_chat_member(chat.id, context.bot.id)
        except BadRequest as error:  # a public channel the bot is not in
            log.info("channel %s: the bot's membership not read: %s", chat.id, error)
            await reply_here(update, replies.not_channel_admin(tr, name))
            return None
        if member.status not in ADMIN_STATUSES:
            await reply_here(update, replies.not_channel_admin(tr, name))
            return None
        if getattr(member, "can_post_messages", True) is False:
            await reply_here(update, replies.cannot_post(tr, name))
            return None
    admin = await _channel_admin(context, chat.id, update.effective_user)
    if admin is None:
        # Telegram shows a channel's members to its administrators only: the bot was removed
        # (or is no administrator there), so who administers the channel is not known.
        await reply_here(update, replies.channel_unreadable(tr, name))
        return None
    if not admin:
        user = update.effective_user
        log.info("channel %s: refused to user %s", chat.id, user.id if user else "unknown")
        refusal = replies.not_your_channel if to_subscribe else replies.not_your_channel_to_change
        await reply_here(update, refusal(tr, name))
        return None
    return chat


async def subscribe_channel(update: Update, context: Context) -> None:
    """Subscribe a channel the bot posts in, or change its subscription (for the channel's
    administrators, as Telegram says when asked).

    ``/subscribe_channel @name [HH:MM|live] [zone] [keywords, -excluded]``: the arguments after
    the channel are those of /subscribe; the channel's link (t.me/name) names it too.
    """
    args = list(context.args or [])
    name = channel_name(args[0]) if args else None
    if name is None:
        raise BadArguments(replies.name_the_channel)
    mode, rest = parse_mode(subscribe_words(args[1:]))  # the page's lines too, as /subscribe
    tr = translator_for(update, context)
    typed = parse_subscribe_args(rest, tr.language)
    chat = await owned_channel(update, context, name, to_subscribe=True)
    if chat is None:
        return
    db = context.bot_data.db
    existing = store.find_subscription(db, chat.id)
    _refuse_if_nothing_understood(args[1:], mode, typed, existing)
    values: dict[str, Any] = {"title": chat.title or name, **_fields(typed, existing, context)}
    if mode is None and not (typed.at or typed.frequency or typed.minute is not None) and existing:
        mode = existing.mode  # only keywords or a zone: a live channel stays live
    values.update(mode_values(existing, mode or "digest"))
    if update.effective_user is not None:
        values["user_id"] = update.effective_user.id
    sub = from_now(db, existing, store.save_subscription(db, chat.id, "channel", **values))
    digest_jobs.schedule_subscription(context.application, sub)
    _resumed_live(context, existing, sub)
    kept = sub.mode == "live" and typed_schedule(typed)
    written = channel_language(context, chat.id)
    text = replies.channel_subscribed(
        tr,
        chat.title or name,
        name,
        sub,
        kept_for_digests=kept,
        written_in=written,
        before=existing if existing is not None and existing.active else None,
    )
    text += read_hour_note(tr, typed, sub)
    hint = zone_hint(db, tr, sub, time_set=_time_set(existing, typed), channel=name)
    if await reply_here(update, text + hint):
        hint_shown(db, sub, hint)


def channel_language(context: Context, channel_id: int) -> str:
    """Return the language the bot writes in a channel (its code)."""
    known = store.chat_language(context.bot_data.db, channel_id)
    return i18n_for_chat(known, context.bot_data.settings.language).language


async def _channel_subscription(
    update: Update,
    context: Context,
    name: str,
    *,
    stopped_too: bool = False,
    waiting_too: bool = False,
) -> tuple[ChatFullInfo, Subscription] | None:
    """Return the channel named and its active subscription, when the sender administers the
    channel; otherwise reply why not and return None. A subscription stopped because the bot
    lost the channel (removed, or no right to post) is said to be so, with how it comes back;
    ``stopped_too`` returns it instead (to stop it for good), and ``waiting_too`` one that
    waits for the right to post (to change its settings: they apply when it resumes)."""
    chat = await owned_channel(update, context, name)
    if chat is None:
        return None
    sub = store.find_subscription(context.bot_data.db, chat.id)
    tr = translator_for(update, context)
    lost = sub is not None and not sub.active and sub.deactivated_reason != store.UNSUBSCRIBED
    if sub is not None and lost and stopped_too:
        return chat, sub
    if sub is not None and lost and waiting_too and no_rights(sub.deactivated_reason or ""):
        return chat, sub
    if sub is not None and lost:
        if no_rights(sub.deactivated_reason or ""):
            await reply_here(update, replies.channel_waits_for_rights(tr, name))
        else:
            await reply_here(update, replies.channel_lost(tr, name))
        return None
    if sub is None or not sub.active:
        await reply_here(update, replies.channel_not_subscribed(tr, name))
        return None
    return chat, sub


async def _unsubscribe_channel(update: Update, context: Context, name: str) -> None:
    """Stop a channel's subscription: /unsubscribe @name, from a chat with the bot (also one
    stopped for want of the right to post, which would otherwise come back with the right)."""
    found = await _channel_subscription(update, context, name, stopped_too=True)
    if found is None:
        return
    chat, sub = found
    tr = translator_for(update, context)
    db = context.bot_data.db
    store.deactivate_subscription(db, chat.id, store.UNSUBSCRIBED, subscription_id=sub.id)
    digest_jobs.unschedule_subscription(context.application, sub.id)
    await reply_here(update, replies.channel_unsubscribed(tr, name))


async def _channel_settings(update: Update, context: Context, name: str) -> None:
    """Show a channel's subscription, or change one setting by text: /settings @name [key
    value], from a chat with the bot (no buttons: they would change this chat's). A
    subscription stopped for want of the right to post may be changed too: the change applies
    when it resumes, and the reply says so."""
    rest = (context.args or [])[1:]
    found = await _channel_subscription(update, context, name, waiting_too=bool(rest))
    if found is None:
        return
    chat, sub = found
    tr = translator_for(update, context)
    db = context.bot_data.db
    page = ""
    hint = ""
    if rest:
        before = sub
        sub = from_now(db, sub, _apply_text_setting(db, sub, rest))
        digest_jobs.schedule_subscription(context.application, sub)  # a stopped one: none
        if not sub.active:
            page = replies.channel_saved_while_stopped(tr, name) + "\n\n"
        if _setting_key(rest) in _NOT_SHOWN_IN[sub.mode]:
            page += replies.saved_for_other_mode(tr, sub.mode) + "\n\n"
        changed = _time_changed(rest, before, sub)
        hint = zone_hint(db, tr, sub, time_set=changed, channel=name)
    written = channel_language(context, chat.id)
    page += replies.channel_settings(tr, chat.title or name, name, sub, written_in=written)
    page += hint
    if await reply_here(update, page):
        hint_shown(db, sub, hint)


async def _channel_admin(context: Context, channel_id: int, user: User | None) -> bool | None:
    """Return True when Telegram says the user administers the channel (the bot, an admin
    there, may ask; a user it does not know is no admin); None when Telegram will not say,
    the bot being no administrator there (removed from the channel)."""
    if user is None:
        return False
    try:
        member = await context.bot.get_chat_member(channel_id, user.id)
    except (BadRequest, Forbidden) as error:
        log.info("channel %s: user %s not checked: %s", channel_id, user.id, error)
        if "member list is inaccessible" in error.message.lower():
            return None
        return False
    return member.status in ADMIN_STATUSES


async def digest_now(update: Update, context: Context) -> None:
    """Send this chat's digest now, as its subscription would (default settings without one)."""
    chat = update.effective_chat
    if chat is None:
        return
    thread = thread_of(update)
    db = context.bot_data.db
    sub = store.find_subscription(db, chat.id, thread)
    if sub is None or not sub.active:
        sub = Subscription(id=0, chat_id=chat.id, chat_type=_kind(chat), thread_id=thread)
    tr = translator_for(update, context)
    texts, picture = digest_jobs.render_for(context.bot_data, tr, sub, store.utcnow())
    for n, text in enumerate(texts):
        # As the scheduled digest shows it: the lead picture above the first message.
        preview = preview_options(picture if n == 0 else None, link_previews=sub.link_previews)
        await reply_here(update, text, link_preview=preview)


# What Telegram answers a send to a forum topic that is closed or gone (an admin may still
# write in a closed topic; the bot may not, unless it may manage topics).
_TOPIC_REFUSED = ("message thread not found", "topic_closed", "topic_deleted")


def _topic_refused(error: BadRequest) -> bool:
    return any(words in error.message.lower() for words in _TOPIC_REFUSED)


# Why a subscription stopped when the bot lost its right to post (``deactivated_reason``), and
# Telegram's refusals that mean so: it comes back when the right is back (bot/rights.py).
CANNOT_POST = store.CANNOT_POST
no_rights = store.no_rights


def _cannot_post(chat: Chat, error: BadRequest) -> bool:
    """Return True when a channel or group refused a post because the bot may not post there."""
    return chat.type != ChatType.PRIVATE and no_rights(error.message)


async def reply_here(
    update: Update,
    text: str,
    keyboard: InlineKeyboardMarkup | None = None,
    *,
    quote: bool = False,
    link_preview: LinkPreviewOptions | None = None,
) -> bool:
    """Reply in the update's chat and topic (as a reply to the message, with quote); a topic
    that refuses it (closed, gone) gets it in the general topic instead. Return whether it
    went out (not where the bot may not post)."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None:
        return False
    thread = thread_of(update)
    # Only when given: None would lift the bot's default (no link previews).
    options: dict[str, Any] = {} if link_preview is None else {"link_preview_options": link_preview}
    try:
        if quote and message is not None:
            await message.reply_text(text, reply_markup=keyboard, **options)
        else:
            await chat.send_message(
                text, message_thread_id=thread, reply_markup=keyboard, **options
            )
    except BadRequest as error:
        if _cannot_post(chat, error) or (thread is None and _topic_refused(error)):
            # the bot cannot tell anyone there (a forum's closed General topic included)
            log.info("chat %s refused a reply (%s)", chat.id, error)
            return False
        if thread is None or not _topic_refused(error):
            raise
        log.info(
            "chat %s topic %s refused a reply (%s): sent to the general topic",
            chat.id,
            thread,
            error,
        )
        await chat.send_message(text, reply_markup=keyboard, **options)
    return True
