"""When digests are due: slot arithmetic in a subscription's own time zone (pure, no I/O).

Slots are aware UTC datetimes. Daily, weekday and weekly slots are a local wall time on
chosen local dates; hourly slots are every real hour at local minute MM.

Daylight saving time:

- A wall time that does not exist (clocks jump forward, e.g. 02:30 in Europe/Berlin on the
  last Sunday of March) fires at the end of the gap, the instant clocks jump (03:00 CEST):
  the first valid moment after the chosen time, so that day's digest is neither skipped
  nor pushed an hour late.
- A wall time that occurs twice (clocks fall back, e.g. 01:30 in America/New_York on the
  first Sunday of November) fires once, at its first occurrence (fold=0).
- Hourly subscriptions follow real hours: 23 slots on a spring-forward day, 25 on a
  fall-back day (the repeated hour is a real hour too).

Quiet hours (live posts wait through them) run from a local start time to a local end time,
wrapping midnight when the end is earlier ("23:00" to "07:00"); the start is in them, the end
is not. Their ends follow the same rules as slots: a wall time in a gap is the instant clocks
jump, one that occurs twice its first occurrence.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global

from digests.models import Subscription

FREQUENCIES = ("daily", "weekdays", "hourly", "weekly")
DEFAULT_GRACE = timedelta(hours=6)
# "8:30", "08.30", "8h30", "8h", and "0830" as a 24-hour clock writes it without a separator.
_HHMM = re.compile(r"^\s*(?:(\d{1,2})(?:[:.h](\d{2})|h)|(\d{2})(\d{2}))\s*$", re.IGNORECASE)
# A 12-hour time: "8am", "8:30pm", "8.30 p.m." ("12am" is midnight, "12pm" noon).
_AMPM = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?\s*$", re.IGNORECASE)
_HOUR = timedelta(hours=1)


class ScheduleError(ValueError):
    """A schedule setting (time, time zone, frequency) is not valid; the message is one line.

    ``kind`` names the problem and ``value`` is the text refused, so that the bot can say it
    in the chat's language: ``not_a_time``, ``not_a_time_of_day``, ``unknown_zone``,
    ``zone_offset`` and ``zone_abbreviation`` (typed as a zone, refused: no place),
    ``unknown_frequency``, ``quiet_same`` (``""`` for a programming error).
    """

    def __init__(self, message: str, kind: str = "", value: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.value = value


def parse_hhmm(text: str) -> time:
    """Return the local time of an "HH:MM" string (24-hour clock; "8:30", "08.30", "8h30", "8h",
    "0830").

    A 12-hour time with am or pm ("8am", "8:30pm") is read as such.
    """
    twelve = _AMPM.match(text)
    if twelve is not None:
        hour, minute = int(twelve[1]), int(twelve[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise ScheduleError(
                f"{text.strip()!r} is not a time of day: hours 0-23, minutes 0-59",
                "not_a_time_of_day",
                text.strip(),
            )
        return time(hour % 12 + (12 if twelve[3].lower() == "p" else 0), minute)
    match = _HHMM.match(text)
    if match is None:
        raise ScheduleError(
            f"{text.strip()!r} is not a time: use HH:MM, e.g. 08:00 or 18:30",
            "not_a_time",
            text.strip(),
        )
    hour, minute = int(match[1] or match[3]), int(match[2] or match[4] or 0)
    if hour > 23 or minute > 59:
        raise ScheduleError(
            f"{text.strip()!r} is not a time of day: hours 0-23, minutes 0-59",
            "not_a_time_of_day",
            text.strip(),
        )
    return time(hour, minute)


@cache
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


# The areas of IANA zone names ("Europe/Paris"): a word "Area/Place" with one of them is meant as
# a time zone wherever it is typed, so a misspelt place is refused rather than read as a keyword.
_ZONE_AREAS = frozenset(
    {
        "africa",
        "america",
        "antarctica",
        "arctic",
        "asia",
        "atlantic",
        "australia",
        "europe",
        "indian",
        "pacific",
        "etc",
    }
)


# Zone abbreviations typed for a zone, in capitals: several places (CET) or none (EST) each.
_ABBREVIATIONS = frozenset(
    [
        "CET",
        "CEST",
        "EET",
        "EEST",
        "BST",
        "IST",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "AKST",
        "HST",
        "MSK",
        "JST",
        "KST",
        "AEST",
        "AEDT",
        "ACST",
        "AWST",
        "NZST",
        "NZDT",
        "HKT",
        "SGT",
    ]
)
# An offset typed for a zone ("UTC+3", "GMT-05:00", "+03:00"): no place, so no daylight saving.
# IANA's own "Etc/GMT+3" is one too, and reads backwards: it is UTC-3 (POSIX signs), so that
# "/subscribe 08:00 Etc/GMT+3" meant for Moscow would come six hours late.
# "UTC+3", "GMT-05:30", "+03:00", "+3"; without the colon only a real offset ("+0300",
# "-0530"), since "-2024" or "+1999" is a year typed as a keyword. A sign and an hour alone
# ("+3", "-5") is no keyword anyone means (a number to leave out, "5"): it is an offset.
_OFFSET = re.compile(
    r"(?:Etc/)?(?:UTC|GMT)[+\-−]\d{1,2}(?::?\d{2})?|[+\-−]\d{1,2}:\d{2}"
    r"|[+\-−](?:0\d|1[0-4])(?:00|30|45)|[+\-−](?:0?\d|1[0-4])",
    re.IGNORECASE,
)


def zone_argument(word: str) -> str | None:
    """Return the canonical zone a command argument names, or None if it names none.

    "Europe/Paris", "europe/paris", "America/Argentina/Buenos_Aires", "UTC" and "GMT" name
    zones; any other word ("climate", "AC/DC", "24/7") is not one. A word shaped like a zone
    name whose place is unknown ("Europe/Pariss"), an offset ("UTC+3", "+03:00": it says
    nothing of daylight saving; IANA's "Etc/GMT+3" is UTC-3, backwards to anyone who types it)
    or an abbreviation in capitals ("CET", "PST") raises ScheduleError (``unknown_zone``,
    ``zone_offset``, ``zone_abbreviation``).
    """
    cleaned = word.strip().strip(",")
    if cleaned.upper() in {"UTC", "GMT"}:
        return "UTC"
    if _OFFSET.fullmatch(cleaned) or cleaned in _ABBREVIATIONS:
        # meant as a zone, but not a place (or not one place): refused, not a keyword
        raise _no_place(cleaned)
    area, slash, _ = cleaned.partition("/")
    if not slash or area.lower() not in _ZONE_AREAS:
        return None
    return validate_timezone(cleaned)


# Legacy IANA names that are abbreviations too: refused where a user types a zone.
_LEGACY_ABBREVIATIONS = frozenset(["WET", "MET"])


def typed_zone(name: str) -> str:
    """Return the canonical zone a user typed where only a zone is expected (/settings tz).

    As for ``zone_argument``, an offset ("UTC+3") or an abbreviation ("CET", "est": several
    places or none; IANA keeps some as legacy fixed zones, EST without daylight saving) is
    refused (``zone_offset``, ``zone_abbreviation``), in any case here, since the word can be no keyword.
    Stored zones are read with ``validate_timezone``, which keeps accepting them.
    """
    cleaned = name.strip()
    if _OFFSET.fullmatch(cleaned) or cleaned.upper() in _ABBREVIATIONS | _LEGACY_ABBREVIATIONS:
        raise _no_place(cleaned)
    try:
        return validate_timezone(cleaned)
    except ScheduleError:
        # A zone's city alone, as any of the bot's languages writes it ("Berlin", "Москва").
        zone = _city_zones().get(" ".join(cleaned.replace("_", " ").split()).casefold())
        if zone is None:
            raise
        return zone


# Languages whose names of a zone's city /settings tz takes: the bot's (CLDR's exemplar cities,
# through Babel; a city whose name is the zone's own, "Berlin", needs none).
CITY_LANGUAGES = ("en", "ru", "uk", "de", "fr", "es", "it", "pt", "fa", "pl", "ar")


@cache
def _city_zones() -> dict[str, str]:
    """Map a zone's city, as the zone names it and as each of ``CITY_LANGUAGES`` writes it
    (case-folded), to the zone; of two zones one name would stand for, the first in sorted
    order keeps it (IANA's links: "America/Indianapolis" and "America/Indiana/Indianapolis")."""
    zones = sorted(
        z
        for z in zoneinfo.available_timezones()
        if z.split("/")[0].lower() in _ZONE_AREAS - {"etc"}
    )
    found: dict[str, str] = {}
    for zone in zones:
        found.setdefault(zone.rsplit("/", 1)[1].replace("_", " ").casefold(), zone)
    known = set(zones)
    for language in CITY_LANGUAGES:
        for zone, names in sorted(Locale.parse(language).time_zones.items()):
            city = names.get("city")
            if city and zone in known:
                found.setdefault(city.casefold(), zone)
    for city, zone in _CITIES_IN_ZONES.items():
        found.setdefault(city, zone)
    return found


# Cities no zone is named after, in another city's zone: one keyword, or the zone after a time.
_CITIES_IN_ZONES = {"rio de janeiro": "America/Sao_Paulo", "río de janeiro": "America/Sao_Paulo"}


# Zones' cities that are ordinary words or days of the year too ("08:00 North Korea", "07:00
# Christmas", "Easter", "oral"): after a time they stay keywords; /settings tz still takes them.
_WORDS_NOT_CITIES = frozenset(
    {"act", "nsw", "north", "south", "west", "victoria", "queensland", "tasmania", "virgin"}
    | {"christmas", "easter", "navidad", "pasqua", "wake", "troll", "oral", "center"}
    | {"resolute", "regina", "salvador", "stanley"}
)


def city_at(words: Sequence[str]) -> tuple[str, int] | None:
    """Return the zone of the city the first words name, as /settings tz reads a city alone
    ("London", "New York", "Rio de Janeiro", "Москва"), and how many words it takes (the
    longest name found); None if they name no zone's city. Words are compared case-folded,
    commas and the like around them left to the caller."""
    cities = _cities_by_length()
    for length in sorted(cities, reverse=True):
        if len(words) >= length:
            zone = cities[length].get(" ".join(words[:length]).casefold())
            if zone is not None:
                return zone, length
    return None


# Regions a place name goes on with after a comma ("Paris, Texas", "London, Ontario"): the
# states and provinces of the countries whose towns are most often named after cities
# elsewhere, with their country; countries come from CLDR's names in ``CITY_LANGUAGES``.
_REGIONS = {
    "US": (
        "Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, "
        "Florida, Georgia, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, "
        "Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, "
        "Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, New York, North Carolina, "
        "North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, "
        "South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, Washington, West Virginia, "
        "Wisconsin, Wyoming, USA, U.S., U.S.A., US"
    ),
    "CA": (
        "Alberta, British Columbia, Manitoba, New Brunswick, Newfoundland and Labrador, "
        "Northwest Territories, Nova Scotia, Nunavut, Ontario, Prince Edward Island, Quebec, "
        "Québec, Saskatchewan, Yukon"
    ),
    "AU": (
        "New South Wales, NSW, Northern Territory, Queensland, South Australia, Tasmania, "
        "Victoria, Western Australia"
    ),
    "GB": "UK, U.K., England, Scotland, Wales, Northern Ireland, Great Britain",
}


@cache
def _regions() -> dict[str, frozenset[str]]:
    """Map a region's name (case-folded) to the countries (ISO codes) it may be in."""
    found: dict[str, set[str]] = {}
    for country, names in _REGIONS.items():
        for name in names.split(", "):
            found.setdefault(name.casefold(), set()).add(country)
    for language in CITY_LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                found.setdefault(name.casefold(), set()).add(code)
    return {name: frozenset(countries) for name, countries in found.items()}


def region_after_city(zone: str, words: Sequence[str]) -> tuple[bool, int] | None:
    """Return, for the words typed after a zone's city and a comma, whether they name a region
    of the zone's own country ("Paris, France": the city is the zone; "Paris, Texas",
    "London, Ontario": another place of that name, whose zone the city does not give) and how
    many words they take; None if they name no state, province or country (capitalised)."""
    regions = _regions()
    if not words or not words[0][:1].isupper():  # "London, energy": a keyword, not a region
        return None
    for length in (4, 3, 2, 1):
        if len(words) >= length:
            countries = regions.get(" ".join(words[:length]).casefold())
            if countries is not None:
                return get_global("zone_territories").get(zone) in countries, length
    return None


def city_is_word(name: str) -> bool:
    """Return whether a zone's city is an ordinary word too (``_WORDS_NOT_CITIES``)."""
    return name.casefold() in _WORDS_NOT_CITIES


@cache
def _cities_by_length() -> dict[int, dict[str, str]]:
    """Return ``_city_zones`` by the number of words of each name, names whose words a comma or
    a bracket parts ("Knox, Indiana", "Tripoli (Libye)") left out: a comma parts keywords."""
    found: dict[int, dict[str, str]] = {}
    for name, zone in _city_zones().items():
        if not any(mark in name for mark in ",()[]،"):
            found.setdefault(len(name.split()), {})[name] = zone
    return found


def validate_timezone(name: str) -> str:
    """Return the canonical IANA name of a time zone ("europe/berlin" -> "Europe/Berlin")."""
    cleaned = name.strip().replace(" ", "_")
    if cleaned.upper() in {"UTC", "GMT", "Z"}:
        return "UTC"
    canonical = _zone_names().get(cleaned.lower())
    if canonical is None:
        raise _unknown_zone(name.strip())
    return canonical


def _unknown_zone(typed: str) -> ScheduleError:
    return ScheduleError(
        f"unknown time zone {typed!r}: use an IANA name like Europe/Berlin, "
        "America/New_York or Asia/Kolkata",
        "unknown_zone",
        typed,
    )


def _no_place(typed: str) -> ScheduleError:
    """Return the refusal of an offset ("UTC+3", "Etc/GMT+3": ``zone_offset``) or an
    abbreviation ("CET": ``zone_abbreviation``) typed as a zone, saying which it is."""
    if _OFFSET.fullmatch(typed):
        what, kind = "an offset", "zone_offset"
    else:
        what, kind = "an abbreviation", "zone_abbreviation"
    return ScheduleError(
        f"{typed!r} is {what}, not a time zone: use an IANA name like Europe/Berlin, "
        "America/New_York or Asia/Kolkata",
        kind,
        typed,
    )


def validate_frequency(frequency: str) -> str:
    """Return a known frequency name, or raise ScheduleError."""
    if frequency not in FREQUENCIES:
        raise ScheduleError(
            f"unknown frequency {frequency!r}: use {', '.join(FREQUENCIES)}",
            "unknown_frequency",
            frequency,
        )
    return frequency


def _zone(sub: Subscription) -> ZoneInfo:
    return ZoneInfo(validate_timezone(sub.timezone))


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ScheduleError("naive datetime: pass an aware datetime (UTC)")
    return moment.astimezone(UTC)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Return the UTC instant of a local wall time, resolving DST gaps and folds as documented."""
    wall = datetime.combine(day, at, tzinfo=zone)  # fold=0: the first of two occurrences
    instant = wall.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == wall.replace(tzinfo=None):
        return instant
    # In a gap: fold=1 reads the wall time with the later offset, fold=0 with the earlier
    # one, so the transition lies between the two readings; find it to the second.
    low = wall.replace(fold=1).astimezone(UTC)
    high = instant
    if low > high:
        low, high = high, low
    after = high.astimezone(zone).utcoffset()
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == after:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


def _day_matches(sub: Subscription, day: date) -> bool:
    if sub.frequency == "weekdays":
        return day.weekday() < 5
    if sub.frequency == "weekly":
        return day.weekday() == sub.weekday % 7
    return True


def _next_hourly(minute: int, zone: ZoneInfo, after: datetime) -> datetime:
    hour = after.replace(minute=0, second=0, microsecond=0)
    # Candidates are the instants at local minute MM in each real UTC hour; offsets that are
    # not whole hours (Asia/Kolkata +05:30) shift which UTC minute that is.
    for step in range(-1, 4):
        start = hour + step * _HOUR
        for probe in (start, start + timedelta(minutes=59)):
            offset = probe.astimezone(zone).utcoffset() or timedelta(0)
            offset_minutes = int(offset.total_seconds() // 60)
            candidate = start + timedelta(minutes=(minute - offset_minutes) % 60)
            if candidate > after and candidate.astimezone(zone).minute == minute:
                return candidate
    raise AssertionError("no hourly slot within four hours")  # offsets change by < 1 h


def next_slot(sub: Subscription, after: datetime) -> datetime:
    """Return the first slot of the subscription strictly after a moment, in UTC."""
    after = _utc(after)
    zone = _zone(sub)
    at = parse_hhmm(sub.time)
    frequency = validate_frequency(sub.frequency)
    if frequency == "hourly":
        return _next_hourly(at.minute, zone, after)
    day = after.astimezone(zone).date() - timedelta(days=1)
    for _ in range(10):
        if _day_matches(sub, day):
            instant = local_instant(day, at, zone)
            if instant > after:
                return instant
        day += timedelta(days=1)
    raise AssertionError("no slot within ten days")  # weekly is the sparsest: 7 days


def iter_slots(sub: Subscription, start: datetime, end: datetime) -> Iterator[datetime]:
    """Yield the slots s with start < s <= end, in order."""
    moment, end = _utc(start), _utc(end)
    while (moment := next_slot(sub, moment)) <= end:
        yield moment


def slots_between(sub: Subscription, start: datetime, end: datetime) -> list[datetime]:
    """Return the slots s with start < s <= end, in order."""
    return list(iter_slots(sub, start, end))


def previous_slot(sub: Subscription, at: datetime) -> datetime | None:
    """Return the latest slot at or before a moment (None only for an unknown frequency)."""
    at = _utc(at)
    lookback = 2 * _HOUR if sub.frequency == "hourly" else timedelta(days=8)
    slots = slots_between(sub, at - lookback, at)
    return slots[-1] if slots else None


def validate_quiet(start: str, end: str) -> tuple[str, str]:
    """Return quiet hours as two "HH:MM" strings; raise ScheduleError when they are not."""
    begins, ends = parse_hhmm(start), parse_hhmm(end)
    if begins == ends:
        raise ScheduleError(
            "quiet hours must end at another time than they start", "quiet_same", start
        )
    return begins.strftime("%H:%M"), ends.strftime("%H:%M")


def quiet_until(sub: Subscription, moment: datetime) -> datetime | None:
    """Return when the quiet hours holding a moment end (UTC), or None if it is not in them."""
    if not sub.quiet_start or not sub.quiet_end:
        return None
    begins, ends = parse_hhmm(sub.quiet_start), parse_hhmm(sub.quiet_end)
    if begins == ends:
        return None
    moment = _utc(moment)
    zone = _zone(sub)
    today = moment.astimezone(zone).date()
    for day in (today - timedelta(days=1), today):
        start = local_instant(day, begins, zone)
        end = local_instant(day if ends > begins else day + timedelta(days=1), ends, zone)
        if start <= moment < end:
            return end
    return None


def missed_slot(
    sub: Subscription, now: datetime, grace: timedelta = DEFAULT_GRACE
) -> datetime | None:
    """Return the slot to send now: the latest one that passed less than grace ago, if unsent.

    "Unsent" means later than ``sub.last_slot`` (or, before the first digest, than
    ``sub.created``). After downtime this is one slot however many were missed; slots older
    than grace are skipped, not sent late.
    """
    now = _utc(now)
    latest = previous_slot(sub, now)
    if latest is None or now - latest >= grace:
        return None
    floor = sub.last_slot or sub.created
    if floor is not None and latest <= _stored(floor):
        return None
    return latest


def _stored(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
