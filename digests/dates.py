"""Read the dates feeds write that feedparser does not: local month and weekday names, no zone.

feedparser reads RFC 822 and ISO 8601 dates, in English only, and gives up on an RFC 822
date without a zone. Publishers write ``Di, 03 Sep 2024 11:00:00 +0200``, ``03 сентября
2024 11:00``, ``mar., 03 sept. 2024``, ``3 de septiembre de 2024``, ``September 3, 2024``
or ``03.09.2024 11:00``; an item whose date is not read is stored as published when it was
fetched, so an old article would come out as new. ``loose_date`` reads these: a day, a
month (a number, or a name or its abbreviation in English, Russian, Ukrainian, German,
French or Spanish), a four-digit year (or an ISO ``2024-09-03``), then a time and a zone if
given: an offset (``+0200``, ``+02:00``), an offset after GMT or UTC (``GMT+2``, ``UTC-10``,
``UTC+5:30``, ``UTC+0545``) or an abbreviation. Without a zone the time is taken as UTC; a
zone given by an abbreviation it does not know counts as UTC too.
feedparser takes every zone abbreviation but North America's for UTC (``Tue, 03 Sep 2024
11:00:00 MSK`` three hours late), reads ``2024-09-03 11:00 HST`` as midnight UTC and
``2024-09-03T11:00 EST`` as 11:00 UTC, and takes ``GMT+2`` for UTC or gives up on it:
``local_zone`` tells when ``loose_date`` knows better.
A date before 2 January 1970 is a generator's placeholder for none (``known_date``); a
date with no day, a year alone or a year and month, stands for the period's last moment
(``period_end``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

_MONTH_NAMES = (
    "january jan january janv janvier januar jän jänner enero ene "
    "января январь янв січня січень січ",
    "february feb febr février fevrier févr fevr februar febrero "
    "февраля февраль фев февр лютого лютий лют",
    "march mar mars märz mär mrz marzo марта март мар березня березень бер",
    "april apr avril avr abril abr апреля апрель апр квітня квітень квіт",
    "may mai mayo мая май травня травень трав",
    "june jun juin juni junio июня июнь июн червня червень черв",
    "july jul juillet juil juli julio июля июль июл липня липень лип",
    "august aug août aout agosto ago августа август авг серпня серпень серп",
    "september sep sept septembre septiembre setiembre set "
    "сентября сентябрь сен сент вересня вересень вер",
    "october oct octobre oktober okt octubre октября октябрь окт жовтня жовтень жовт",
    "november nov novembre noviembre ноября ноябрь ноя нояб листопада листопад лист",
    "december dec décembre decembre déc dezember dez diciembre dic "
    "декабря декабрь дек грудня грудень груд",
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}

# Zones by abbreviation, as feeds write them after a time (minutes east of UTC).
_ZONES = {
    "z": 0,
    "ut": 0,
    "utc": 0,
    "gmt": 0,
    "wet": 0,
    "bst": 60,
    "west": 60,
    "cet": 60,
    "mez": 60,
    "cest": 120,
    "mesz": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "irst": 210,
    "pkt": 300,
    "ict": 420,
    "wib": 420,
    "hkt": 480,
    "sgt": 480,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "akst": -540,
    "akdt": -480,
    "hst": -600,
    "nst": -210,
    "ndt": -150,
    "brt": -180,
    "wat": 60,
    "cat": 120,
    "sast": 120,
    "eat": 180,
    "npt": 345,
    "pht": 480,
    "awst": 480,
    "acst": 570,
    "acdt": 630,
    # Not IST (India, Ireland, Israel), AST (Atlantic, Arabia) nor GST (Gulf, South Georgia):
    # each names two zones or more, and a wrong guess is hours off.
}

# The zones feedparser reads itself; it takes any other abbreviation for UTC.
_FEEDPARSER_ZONES = frozenset(
    ["z", "ut", "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"]
)
_TRAILING_ZONE = re.compile(r"\d\s*\(?([A-Za-z]{3,4})\)?\s*$")

_TIME = (
    r"(?:[\sT,]+(?:[^\W\d_]+\.?\s+)?(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\.\d+)?(?:\s*\(?(?i:GMT|UTC?)\s*(?P<named>[+-]\d{1,2}(?::?\d{2})?)\)?"
    r"|\s*(?P<offset>[+-]\d{2}:?\d{2})|\s*\(?(?P<zone>[A-Za-z]{1,5})\)?)?)?"
)
_NAME = r"(?P<name>[^\W\d_]{3,10})\.?"
_DAY_FIRST = re.compile(
    rf"(?P<day>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{_NAME},?\s+(?:de\s+)?"
    rf"(?P<year>\d{{4}})(?:\s*(?:г\.|года|р\.|року))?{_TIME}",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"{_NAME}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}", re.I
)
_NUMERIC = re.compile(rf"(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}}){_TIME}")
_ISO = re.compile(rf"(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}}){_TIME}")
# feedparser reads an ISO date followed by a zone abbreviation as midnight UTC or drops the
# zone, and takes "GMT+2" or "UTC+0545" for UTC (or gives up on the date).
_ISO_ZONED = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}[T\s].*[A-Za-z]\)?\s*")
_NAMED_OFFSET = re.compile(r"(?:GMT|UTC?)\s*[+-]\d", re.IGNORECASE)


# Before this no feed item was written: a date earlier is a generator's "no date".
FIRST_REAL_DATE = datetime(1970, 1, 2, tzinfo=UTC)


def known_date(moment: datetime | None) -> datetime | None:
    """Return a feed item's date, or None when it is a placeholder for "no date".

    .NET writes a missing date as DateTime.MinValue (``Mon, 01 Jan 0001 00:00:00 Z``), PHP and
    others as Unix time 0 (``Thu, 01 Jan 1970 00:00:00 +0000``, or in the server's zone, a day
    either side). Read as dates, each was older than retention keeps, and the article was
    never saved; unknown, it is dated when it is first seen.
    """
    return None if moment is None or moment < FIRST_REAL_DATE else moment


# A date that names no day: a year alone ("2026") or a year and month ("2026-12"), as some
# generators fill pubDate. feedparser reads it as the first moment of that year or month.
_NO_DAY = re.compile(r"\s*(?P<year>\d{4})(?:-(?P<month>\d{1,2}))?\s*")


def period_end(text: object) -> datetime | None:
    """Return the last moment of the year or month a date with no day names ("2026" is
    31 December 2026, 23:59:59 UTC), or None for any other text. The item was published by
    then; read as 1 January, this year's news was months old, older than retention keeps,
    and never saved. A moment still to come is taken as when the item is first seen, as
    any date ahead of the clock is."""
    found = _NO_DAY.fullmatch(text) if isinstance(text, str) else None
    if found is None:
        return None
    year, month = int(found["year"]), int(found["month"] or 12)
    if not 1 <= month <= 12 or year < FIRST_REAL_DATE.year:
        return None
    following = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return following - timedelta(seconds=1)


def loose_date(text: object) -> datetime | None:
    """Return the moment a date written as feeds write it stands for, in UTC; None if unread."""
    if not isinstance(text, str) or len(text) > 200:
        return None
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _NUMERIC, _ISO):
        found = pattern.search(text.strip())
        if found is None:
            continue
        parts = found.groupdict()
        month = int(parts["month"]) if parts.get("month") else MONTHS.get(parts["name"].lower())
        if month is None:
            continue
        moment = _moment(parts, month)
        if moment is not None:
            return moment
    return None


def local_zone(text: object) -> bool:
    """Return whether a date's zone is one feedparser misreads but ``loose_date`` reads: an
    abbreviation it takes for UTC (``CEST``, ``MSK``, ``JST``), any abbreviation after an ISO
    date (``2024-09-03 11:00 HST``), or an offset after GMT or UTC (``GMT+2``)."""
    if not isinstance(text, str):
        return False
    if _ISO_ZONED.fullmatch(text) or _NAMED_OFFSET.search(text):
        return True
    found = _TRAILING_ZONE.search(text)
    zone = found.group(1).lower() if found else ""
    return zone in _ZONES and zone not in _FEEDPARSER_ZONES


def _moment(parts: dict[str, str | None], month: int) -> datetime | None:
    zone = 0
    if offset := parts["offset"] or parts["named"]:
        # "+0545", "+05:45", or after GMT or UTC also "+5:30", "+2", "-10".
        hours, _, minutes = offset[1:].partition(":")
        if not minutes and len(hours) > 2:
            hours, minutes = hours[:-2], hours[-2:]
        if int(minutes or 0) >= 60:
            return None
        zone = (-1 if offset[0] == "-" else 1) * (int(hours) * 60 + int(minutes or 0))
    elif parts["zone"]:
        zone = _ZONES.get(parts["zone"].lower(), 0)
    try:
        return datetime(
            int(parts["year"] or 0),
            month,
            int(parts["day"] or 0),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
            tzinfo=timezone(timedelta(minutes=zone)),
        ).astimezone(UTC)
    except (ValueError, OverflowError):
        return None
