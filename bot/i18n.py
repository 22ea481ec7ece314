"""The languages the bot speaks, the chat's choice of one, and the translator passed to renderers.

Rules:

- Every user-visible text is an English message id in the code, marked for extraction
  (``tr.gettext("...")``, ``tr.ngettext(...)``, or ``N_("...")`` where the text is kept for
  later, as in the command table); Babel extracts them into ``bot/locale/newsbot.pot`` and
  each language's catalog is ``bot/locale/<code>/LC_MESSAGES/newsbot.po``. The install
  compiles the catalogs (``newsbot.mo``, see ``bot/locale_build.py``); English is the
  language of the message ids and has no catalog.
- Placeholders are named (``{count}``), filled by ``gettext(..., count=...)`` after
  translation; a value that goes into HTML is escaped by the caller first.
- A chat speaks: the language chosen for it (``/language``, stored), else, in a private chat
  (and inline mode, which belongs to the user), the user's Telegram ``language_code`` when
  the bot speaks it (or the one its users read besides their own: ``CLIENT_FALLBACKS``),
  else the ``LANGUAGE`` setting (default English). Groups and channels
  start in ``LANGUAGE``; their admins choose another.
- Dates, times and numbers follow the language's locale (Babel, CLDR data); times are shown
  in the chat's time zone (the one its digest subscription was given: ``Translator.in_zone``)
  with its offset ("14:05 UTC+1"), in UTC where the chat has none, with a 24-hour clock in
  every language. They are written in the digits
  of the locale's own numbering system (``Translator.digits``): Persian's "۱۲:۳۰", "۵ خبر".
  What a reader types back stays in Latin digits: ids ("/story_12", "source 3"), commands
  and their examples ("/settings time 07:30"), URLs; and wherever the bot reads a number it
  takes any script's digits ("/story ۱۲", "/subscribe ۰۸:۰۰"). An id that is only read is
  the language's ("خبر ۹۹ وجود ندارد": no story 99; a forum topic's number).
- The pipeline's own texts (errors, a source's health) come as ``digests.message.Message``
  values: an English template marked with ``N_`` in ``digests/`` and its values;
  ``Translator.message`` translates the template and writes numbers and durations per
  locale. Strings inside (URLs, a library's own words) are shown as they are.
- A missing compiled catalog is an error, never a silent fall back to English.
- Right-to-left languages start each line of a list with a right-to-left mark, so a line that
  opens with a command or a Latin name still reads from the right.
- Lists inside a line (keywords, languages, source names) are joined with the language's own
  separator (``Translator.join``): Persian's comma "،", not a Latin one.

The translator is a value handed to the pure renderers (``bot/replies.py``, ``bot/render.py``):
no global "current language", so two chats in two languages can be served at once.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_skeleton, format_timedelta
from babel.numbers import format_decimal

from digests.message import Message, Value, fill
from digests.models import ChatLanguage

DOMAIN = "newsbot"
DEFAULT_LANGUAGE = "en"
# Code -> the language's own name (shown on the /language buttons), in the order shown.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "uk": "Українська",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "fa": "فارسی",
    "pl": "Polski",
    "ar": "العربية",
}
# The Babel locale whose dates and numbers a language uses. English keeps day-month order
# ("3 Mar 14:05"), as the bot always wrote it.
_LOCALES = {"en": "en_GB"}
# The separator inside a line's list where CLDR's has a word in it: Arabic joins every item
# with "و" ("and"), glued to the next one ("سياسة وطاقة"), which reads as part of a keyword;
# the Arabic comma instead, with the right-to-left mark Persian's pattern has after it.
_LIST_SEPARATORS = {"ar": "،\u200f "}
RLM = "\u200f"
LRM = "\u200e"
# A command ("/help") in right-to-left text: at a line's start or after a space, its slash
# sits between right-to-left text and Latin letters, so it takes the line's direction and
# shows after the word ("help/"). A left-to-right mark before it (before its <code>, which
# the reader copies without the mark) keeps it with its word.
_BARE_COMMAND = re.compile(r"(?:^|(?<=[\s\u200f(«]))(?=(?:<code>)?/[A-Za-z])", re.MULTILINE)
# The digits of the numbering systems CLDR makes a locale's default (Persian's "arabext"):
# Babel writes such a locale's separators ("۱٬۲۳۴٫۵") but keeps Latin digits.
_NATIVE_DIGITS = {"arabext": "۰۱۲۳۴۵۶۷۸۹", "arab": "٠١٢٣٤٥٦٧٨٩"}


class CatalogMissing(RuntimeError):
    """A language's compiled catalog is not installed (build the package, or `make locales`)."""


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark a message with its context for extraction (``Translator.label`` translates it):
    one English word ("off") that a language writes differently by what it is said of
    (Arabic "معطّل" of a section, "معطّلة" of pictures)."""
    return context, message


def locale_dir() -> Path:
    """Return the folder holding ``<code>/LC_MESSAGES/newsbot.po`` (and ``.mo``)."""
    return Path(str(resources.files("bot") / "locale"))


def supported(code: str | None) -> str | None:
    """Return the language the bot speaks for a code ("ru", "pt-BR", "uk_UA"), or None."""
    if not code:
        return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


# App languages without a catalog whose users read one the bot speaks: Russian is an official
# language of Belarus, Kazakhstan and Kyrgyzstan, read by nearly all their users (Telegram's
# apps come in Belarusian and Kazakh). CLDR gives these locales no parent but its root, so
# Babel would fall back to English. Only the app's language maps; /language refuses them.
CLIENT_FALLBACKS = {"be": "ru", "kk": "ru", "ky": "ru"}


def for_client(code: str | None) -> str | None:
    """Return the language the bot speaks to an app in a language code ("ru", "pt-BR",
    "be" -> "ru": ``CLIENT_FALLBACKS``), or None."""
    if not code:
        return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    return supported(code) or CLIENT_FALLBACKS.get(base)


def choose(chosen: str | None, client: str | None, default: str) -> str:
    """Return a chat's language: its stored choice, else the user's client's, else default."""
    return supported(chosen) or supported(client) or supported(default) or DEFAULT_LANGUAGE


def for_chat(known: ChatLanguage, default: str) -> Translator:
    """Return the translator of a chat from what the store knows of it."""
    return translator(choose(known.chosen, known.client, default))


@dataclass(frozen=True, slots=True)
class Translator:
    """One language's texts and formats, handed to whatever renders a reply."""

    language: str
    translations: gettext.NullTranslations = field(repr=False)
    locale: Locale = field(repr=False)
    # The zone times and dates are shown in: the chat's (``in_zone``), UTC by default.
    zone: tzinfo = field(default=UTC, repr=False)

    def in_zone(self, name: str | None) -> Translator:
        """Return this translator showing times in an IANA zone ("Europe/Paris"); None, "UTC"
        or a name this machine's zone data does not know shows them in UTC."""
        zone = time_zone(name)
        return self if zone == self.zone else replace(self, zone=zone)

    @property
    def rtl(self) -> bool:
        """Return True for a right-to-left language."""
        return self.locale.character_order == "right-to-left"

    @property
    def line_start(self) -> str:
        """Return what opens each line of a list: a right-to-left mark in RTL languages."""
        return RLM if self.rtl else ""

    @property
    def name(self) -> str:
        """Return the language's own name, e.g. "Русский"."""
        return LANGUAGES[self.language]

    def gettext(self, message: str, /, **values: object) -> str:
        """Return the message translated, its ``{placeholders}`` filled from values."""
        if not message:  # gettext("") is the catalog's header
            return message
        text = self.translations.gettext(message)
        return self.commands(text.format(**values) if values else text)

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """Return the message said of ``context`` translated, placeholders filled."""
        text = self.translations.pgettext(context, message)
        return self.commands(text.format(**values) if values else text)

    def label(self, marked: str | tuple[str, str]) -> str:
        """Return a marked message translated: ``N_``'s text, or ``NC_``'s with its context."""
        return self.pgettext(*marked) if isinstance(marked, tuple) else self.gettext(marked)

    def commands(self, text: str) -> str:
        """Return text with each command ("/help") set left to right in a right-to-left
        language (a left-to-right mark before its slash); unchanged in the others."""
        return _BARE_COMMAND.sub(LRM, text) if self.rtl else text

    def labelled(self, label: str) -> str:
        """Return a label with the colon before its value, as the language writes it.

        French puts a space before the colon ("Sources :"); the label is inserted as given
        (escaped by the caller for HTML).
        """
        # TRANSLATORS: a label before its value ("Silent notification: off"); French "{label} :".
        return self.gettext("{label}:", label=label)

    def join(self, items: Iterable[str]) -> str:
        """Return items as a list the language writes: "a, b" in English, "a، b" in Persian.

        Only the separator changes (the locale's list pattern between two middle items, so
        Persian's comma comes with its right-to-left mark; Arabic's comma, not CLDR's "و");
        no "and" is added.
        """
        separator = _LIST_SEPARATORS.get(self.language)
        if separator is None:
            middle = str(self.locale.list_patterns["standard"]["middle"])
            separator = middle.replace("{0}", "").replace("{1}", "")
        return separator.join(items)

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """Return the form for n of a message with plurals, placeholders filled."""
        return self.commands(self.translations.ngettext(singular, plural, n).format(**values))

    def message(self, message: Message) -> str:
        """Return a pipeline message in this language (plain text: the caller escapes it)."""
        if not message.template:  # gettext("") is the catalog's header
            return ""
        values = {name: self._value(value) for name, value in message.values.items()}
        return self.commands(fill(self.translations.gettext(message.template), values))

    def _value(self, value: Value) -> str:
        if isinstance(value, Message):
            return self.message(value)
        if isinstance(value, timedelta):
            return self.duration(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self.number(value)
        return str(value)

    def digits(self, text: str) -> str:
        """Return text with its Latin digits in the language's own ("08:00" -> "۰۸:۰۰" in
        Persian; unchanged in the languages that write Latin digits). Only for what is read,
        never for what is typed back (an id, a command)."""
        native = _NATIVE_DIGITS.get(self.locale.default_numbering_system)
        return text.translate(str.maketrans("0123456789", native)) if native else text

    def duration(self, length: timedelta) -> str:
        """Return a length of time in words as the language writes it ("2 min", "2 мин")."""
        return self.digits(
            format_timedelta(length, threshold=1, format="short", locale=self.locale)
        )

    def language_name(self, code: str) -> str:
        """Return a language's name in this language ("ru" -> "Russian", "русский")."""
        return str(self.locale.languages.get(code) or code)

    def number(self, value: float) -> str:
        """Return a number as the language writes it ("1,234", "1 234", "1.234", "۱٬۲۳۴")."""
        return self.digits(format_decimal(value, locale=self.locale, numbering_system="default"))

    def time(self, when: datetime, now: datetime | None = None) -> str:
        """Return "14:05 UTC" (or "15:05 UTC+1" in the chat's zone), with the date when it is
        not the day of now there (and the year when not this year)."""
        local = _utc(when).astimezone(self.zone)
        clock = self.digits(format_skeleton("Hm", local, locale=self.locale, tzinfo=self.zone))
        offset = self._offset(local)
        today = _utc(now).astimezone(self.zone) if now is not None else None
        if today is not None and today.date() == local.date():
            if offset:
                # TRANSLATORS: a time in the chat's zone; {offset} is its offset from UTC, such
                # as "+1", "-5" or "+5:30" ("14:05 UTC+1").
                return self.gettext("{time} UTC{offset}", time=clock, offset=offset)
            return self.gettext("{time} UTC", time=clock)
        skeleton = "MMMd" if today is not None and today.year == local.year else "yMMMd"
        day = self.digits(format_skeleton(skeleton, local, locale=self.locale, tzinfo=self.zone))
        if offset:
            # TRANSLATORS: a date and time in the chat's zone; {offset} is its offset from UTC,
            # such as "+1", "-5" or "+5:30" ("3 Mar 14:05 UTC+1").
            return self.gettext("{date} {time} UTC{offset}", date=day, time=clock, offset=offset)
        return self.gettext("{date} {time} UTC", date=day, time=clock)

    def date(self, when: datetime) -> str:
        """Return a day with its year, "3 Mar 2026" as the language writes it (the day in the
        chat's zone)."""
        local = _utc(when).astimezone(self.zone)
        return self.digits(format_skeleton("yMMMd", local, locale=self.locale, tzinfo=self.zone))

    def _offset(self, local: datetime) -> str:
        """Return a moment's offset from UTC in its zone as "+1", "-5", "+5:30"; "" for none."""
        offset = local.utcoffset() or timedelta(0)
        if not offset:
            return ""
        minutes = round(abs(offset).total_seconds() / 60)
        hours, rest = divmod(minutes, 60)
        sign = "-" if offset < timedelta(0) else "+"
        return self.digits(f"{sign}{hours}:{rest:02d}" if rest else f"{sign}{hours}")


@cache
def time_zone(name: str | None) -> tzinfo:
    """Return the zone of an IANA name, or UTC for None, "UTC" or a name not known here."""
    if not name or name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


@cache
def translator(language: str) -> Translator:
    """Return the translator of a language the bot speaks (raise CatalogMissing, KeyError)."""
    if language not in LANGUAGES:
        raise KeyError(f"the bot does not speak {language!r}")
    locale = Locale.parse(_LOCALES.get(language, language))
    if language == DEFAULT_LANGUAGE:
        return Translator(language, gettext.NullTranslations(), locale)
    path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as catalog:
            translations = gettext.GNUTranslations(catalog)
    except FileNotFoundError:
        raise CatalogMissing(
            f"{path} is missing: install the package (pip install .) or run `make locales`"
        ) from None
    return Translator(language, translations, locale)


def english() -> Translator:
    """Return the translator of the message ids' language."""
    return translator(DEFAULT_LANGUAGE)
