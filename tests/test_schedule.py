"""Digest slots in the subscriber's zone: DST gaps and folds, half-hour zones, missed slots."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from digests import delivery, store
from digests.models import Subscription
from digests.schedule import (
    ScheduleError,
    missed_slot,
    next_slot,
    parse_hhmm,
    previous_slot,
    slots_between,
    typed_zone,
    validate_timezone,
    zone_argument,
)


def sub(
    time: str = "08:00", timezone: str = "UTC", frequency: str = "daily", **kw: Any
) -> Subscription:
    return Subscription(
        id=1,
        chat_id=1,
        chat_type="private",
        time=time,
        timezone=timezone,
        frequency=frequency,
        **kw,
    )


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def local(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M %Z")


def test_daily_slot_is_local_time_and_strictly_after() -> None:
    berlin = sub("08:00", "Europe/Berlin")
    assert next_slot(berlin, utc(2026, 1, 10, 6, 0)) == utc(2026, 1, 10, 7, 0)  # CET = UTC+1
    assert next_slot(berlin, utc(2026, 1, 10, 7, 0)) == utc(2026, 1, 11, 7, 0)
    assert next_slot(berlin, utc(2026, 7, 10, 5, 59)) == utc(2026, 7, 10, 6, 0)  # CEST = UTC+2


def test_berlin_spring_forward_gap_fires_when_clocks_jump() -> None:
    # 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist that day.
    early = sub("02:30", "Europe/Berlin")
    slots = slots_between(early, utc(2026, 3, 27, 12), utc(2026, 3, 30, 12))
    assert [local(s, "Europe/Berlin") for s in slots] == [
        "2026-03-28 02:30 CET",
        "2026-03-29 03:00 CEST",  # the first valid instant after the gap
        "2026-03-30 02:30 CEST",
    ]
    assert slots[1] == utc(2026, 3, 29, 1, 0)


def test_new_york_fall_back_fires_once_at_first_occurrence() -> None:
    # 2026-11-01: 01:30 happens twice (EDT, then EST); the digest goes once, at the first.
    night = sub("01:30", "America/New_York")
    slots = slots_between(night, utc(2026, 10, 31, 12), utc(2026, 11, 2, 12))
    assert slots == [utc(2026, 11, 1, 5, 30), utc(2026, 11, 2, 6, 30)]
    assert local(slots[0], "America/New_York") == "2026-11-01 01:30 EDT"
    assert next_slot(night, slots[0]) == utc(2026, 11, 2, 6, 30)  # not the EST repeat


def test_kolkata_half_hour_offset() -> None:
    daily = sub("07:15", "Asia/Kolkata")
    assert next_slot(daily, utc(2026, 5, 1)) == utc(2026, 5, 1, 1, 45)
    hourly = sub("07:15", "Asia/Kolkata", "hourly")
    slots = slots_between(hourly, utc(2026, 5, 1, 0, 0), utc(2026, 5, 1, 3, 0))
    assert slots == [utc(2026, 5, 1, 0, 45), utc(2026, 5, 1, 1, 45), utc(2026, 5, 1, 2, 45)]
    assert {s.astimezone(ZoneInfo("Asia/Kolkata")).minute for s in slots} == {15}


def test_hourly_follows_real_hours_across_dst() -> None:
    hourly = sub("00:30", "America/New_York", "hourly")
    fall_back_day = slots_between(hourly, utc(2026, 11, 1, 4, 0), utc(2026, 11, 2, 5, 0))
    assert len(fall_back_day) == 25  # the repeated hour is a real hour
    assert all(b - a == timedelta(hours=1) for a, b in itertools.pairwise(fall_back_day))
    spring = slots_between(hourly, utc(2026, 3, 8, 5, 0), utc(2026, 3, 9, 4, 0))
    assert len(spring) == 23


def test_weekdays_skip_the_weekend() -> None:
    workday = sub("09:00", "Europe/London", "weekdays")
    # Friday 2026-11-27 after its slot: next is Monday 2026-11-30.
    assert next_slot(workday, utc(2026, 11, 27, 10)) == utc(2026, 11, 30, 9)
    week = slots_between(workday, utc(2026, 11, 22), utc(2026, 11, 29))
    assert [s.weekday() for s in week] == [0, 1, 2, 3, 4]


def test_weekly_on_its_weekday() -> None:
    sunday = sub("18:00", "Australia/Sydney", "weekly", weekday=6)
    slots = slots_between(sunday, utc(2026, 11, 1), utc(2026, 11, 30))
    assert len(slots) == 5  # November 2026 has five Sundays
    assert all(s.astimezone(ZoneInfo("Australia/Sydney")).weekday() == 6 for s in slots)
    assert all(s.astimezone(ZoneInfo("Australia/Sydney")).hour == 18 for s in slots)


def test_missed_slot_after_three_hours_down_is_sent_once() -> None:
    daily = sub("08:00", "Europe/Berlin", last_slot="2026-11-27T07:00:00+00:00")
    now = utc(2026, 11, 28, 10, 0)  # the 08:00 CET (07:00 UTC) slot passed 3 h ago
    slot = missed_slot(daily, now)
    assert slot == utc(2026, 11, 28, 7, 0)
    sent = Subscription(**{**_fields(daily), "last_slot": slot.isoformat()})
    assert missed_slot(sent, now) is None  # once sent, never again
    assert missed_slot(sent, now + timedelta(minutes=30)) is None


def test_two_days_down_sends_only_the_latest_slot_within_grace() -> None:
    hourly = sub("00:00", "UTC", "hourly", last_slot="2026-11-26T08:00:00+00:00")
    now = utc(2026, 11, 28, 10, 20)
    assert len(slots_between(hourly, utc(2026, 11, 26, 8), now)) == 50  # missed
    assert missed_slot(hourly, now) == utc(2026, 11, 28, 10, 0)  # one, the latest

    daily = sub("08:00", "UTC", last_slot="2026-11-26T08:00:00+00:00")
    assert missed_slot(daily, utc(2026, 11, 28, 13, 0)) == utc(2026, 11, 28, 8, 0)
    assert missed_slot(daily, utc(2026, 11, 28, 15, 0)) is None  # 7 h late: past grace
    assert missed_slot(daily, utc(2026, 11, 28, 15, 0), grace=timedelta(hours=8)) is not None


def test_first_slot_is_after_the_subscription_was_created() -> None:
    fresh = sub("08:00", "UTC", created="2026-11-28T09:00:00+00:00")
    assert missed_slot(fresh, utc(2026, 11, 28, 9, 1)) is None  # today's 08:00 predates it
    assert previous_slot(fresh, utc(2026, 11, 28, 9, 1)) == utc(2026, 11, 28, 8, 0)


def test_parse_hhmm_and_timezone_errors() -> None:
    assert parse_hhmm("8:05").strftime("%H:%M") == "08:05"
    assert parse_hhmm(" 18.30 ").strftime("%H:%M") == "18:30"
    assert parse_hhmm("0800").strftime("%H:%M") == "08:00"  # a 24-hour clock's "0800"
    for bad in ("24:00", "7", "07:60", "noon", "", "13pm", "0am", "8:60pm", "2400", "1999", "800"):
        with pytest.raises(ScheduleError):
            parse_hhmm(bad)


def test_an_offset_or_abbreviation_typed_for_a_zone_is_refused_not_a_keyword() -> None:
    for typed in (
        "UTC+3",
        "gmt-5",
        "UTC+05:30",
        "+03:00",
        "−04:00",
        "+0300",  # as ISO 8601 writes it without the colon: was the keyword "0300"
        "-0530",
        "+3",  # a sign and an hour: was the keyword "3" ("-5" left out stories with a 5)
        "-5",
        "−10",
        "CET",
        "PST",
        "MSK",
        "Etc/GMT+3",
    ):
        with pytest.raises(ScheduleError) as caught:
            zone_argument(typed)
        # Said for what it is: an offset (no daylight saving) or an abbreviation (no place).
        kind = "zone_abbreviation" if typed.isalpha() else "zone_offset"
        assert (caught.value.kind, caught.value.value) == (kind, typed)
    for word in ("-15", "-2024", "+1999", "-1600", "+energy", "COVID-19", "est"):  # keywords
        assert zone_argument(word) is None


def test_a_zone_typed_in_settings_refuses_what_subscribe_refuses() -> None:
    """/settings tz took "CET", "EST" (a legacy zone without daylight saving) and "est",
    which /subscribe refuses: a typed zone is a place, in any case."""
    for typed in ("CET", "est", "Pst", "MSK", "WET", "UTC+3", "+03:00", "gmt-5", "etc/gmt-14"):
        with pytest.raises(ScheduleError) as caught:
            typed_zone(typed)
        # Said for what it is: an offset (no daylight saving) or an abbreviation (no place).
        kind = "zone_abbreviation" if typed.isalpha() else "zone_offset"
        assert (caught.value.kind, caught.value.value) == (kind, typed)
    assert typed_zone(" europe/paris ") == "Europe/Paris"
    assert typed_zone("America/New York") == "America/New_York"
    assert [typed_zone(z) for z in ("utc", "GMT")] == ["UTC", "UTC"]
    assert validate_timezone("CET") == "CET"  # a zone stored before is still read


def test_a_zone_typed_in_settings_may_be_its_city_in_any_of_the_bots_languages() -> None:
    """/settings tz took only IANA names: "Berlin", "Москва" or "تهران" were refused although
    the word can only be a place there. A city as the zone names it or as CLDR writes it in
    the bot's languages is its zone; anything else is still refused."""
    assert typed_zone("Berlin") == "Europe/Berlin"
    assert typed_zone("new  york") == "America/New_York"
    assert typed_zone("Москва") == typed_zone("Moskau") == typed_zone("Moscú") == "Europe/Moscow"
    assert typed_zone("تهران") == typed_zone("Téhéran") == "Asia/Tehran"
    assert typed_zone("Київ") == "Europe/Kyiv"
    assert typed_zone("Roma") == "Europe/Rome" and typed_zone("Mosca") == "Europe/Moscow"  # it
    assert typed_zone("São Paulo") == typed_zone("San Paolo") == "America/Sao_Paulo"  # pt, it
    for typed in ("Atlantis", "Eastern", "GMT+3", "Europe"):  # no city, or not a place's zone
        with pytest.raises(ScheduleError):
            typed_zone(typed)


def test_parse_hhmm_reads_8h30_and_twelve_hour_times() -> None:
    written = {"8h30": "08:30", "8H30": "08:30", "8am": "08:00", "8:30pm": "20:30", "8PM": "20:00"}
    written |= {"12am": "00:00", "12pm": "12:00", "7.15 a.m.": "07:15", "11:59pm": "23:59"}
    written |= {"8h": "08:00", "18H": "18:00", "8 pm": "20:00", "8:30 PM": "20:30"}
    assert {text: parse_hhmm(text).strftime("%H:%M") for text in written} == written
    assert validate_timezone("europe/berlin") == "Europe/Berlin"
    assert validate_timezone("America/New York") == "America/New_York"
    assert validate_timezone("utc") == "UTC"
    with pytest.raises(ScheduleError, match="unknown time zone") as caught:
        validate_timezone("Mars/Olympus")
    assert "\n" not in str(caught.value)
    with pytest.raises(ValueError):  # ScheduleError is a ValueError
        validate_timezone("../../etc/passwd")
    with pytest.raises(ScheduleError, match="frequency"):
        next_slot(sub(frequency="monthly"), utc(2026, 1, 1))
    with pytest.raises(ScheduleError, match="naive"):
        next_slot(sub(), datetime(2026, 1, 1))


def test_a_command_argument_names_a_zone_only_when_shaped_like_one() -> None:
    assert zone_argument("Europe/Paris") == "Europe/Paris"
    assert zone_argument("europe/paris,") == "Europe/Paris"
    assert zone_argument("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos_Aires"
    assert zone_argument("UTC") == zone_argument("gmt") == "UTC"
    for word in ("climate", "AC/DC", "24/7", "-sport", "Paris", "../../etc/passwd", ""):
        assert zone_argument(word) is None
    for misspelt in ("Europe/Pariss", "asia/tokio", "Etc/../../passwd"):
        with pytest.raises(ScheduleError) as caught:
            zone_argument(misspelt)
        assert caught.value.kind == "unknown_zone"


def _fields(s: Subscription) -> dict[str, Any]:
    return {name: getattr(s, name) for name in Subscription.__dataclass_fields__}


# --- a subscriber's days across a daylight-saving change, as the bot schedules them -----------


def _days_as_the_bot_runs_them(
    db: Database, time: str, zone: str, start: datetime, end: datetime
) -> list[datetime]:
    """Run a daily subscription from start to end as the bot does: its digest job fires at
    ``next_slot`` (``bot.digest_jobs.schedule_subscription``, from the later of now and its
    last slot), writes its digest through ``delivery.enqueue_subscription`` and is scheduled
    again. Return the slots written (an empty digest moves ``last_slot`` all the same)."""
    saved = store.save_subscription(
        db, 1, "private", time=time, timezone=zone, now=start - timedelta(days=1)
    )
    store.update_subscription(db, saved.id, last_slot=store.iso(start))
    written: list[datetime] = []
    now = start
    while True:
        current = store.get_subscription_by_id(db, saved.id)
        assert current is not None and current.last_slot is not None
        fires = next_slot(current, max(now, store.parse_iso(current.last_slot)))
        if fires >= end:
            return written
        now = fires + timedelta(seconds=3)  # a job fires a little late
        # Another look an hour later (a restart's catch-up; on a fold day the wall time's
        # second occurrence) writes nothing more.
        for moment in (now, now + timedelta(minutes=61)):
            delivery.enqueue_subscription(db, current, moment, lambda s, c: ["x"])
            current = store.get_subscription_by_id(db, saved.id)
            assert current is not None and current.last_slot is not None
            if not written or store.parse_iso(current.last_slot) != written[-1]:
                written.append(store.parse_iso(current.last_slot))


@pytest.mark.parametrize(
    ("time", "zone", "start", "expected"),
    [
        # 2027-03-28: clocks jump from 02:00 CET to 03:00 CEST; 02:30 does not exist. The
        # digest goes when clocks jump, the first moment after 02:30 that exists.
        (
            "02:30",
            "Europe/Berlin",
            utc(2027, 3, 26, 12),
            [
                "2027-03-27 02:30 CET",
                "2027-03-28 03:00 CEST",
                "2027-03-29 02:30 CEST",
                "2027-03-30 02:30 CEST",
            ],
        ),
        # 2027-10-31: 02:30 happens twice (CEST, then CET); the digest goes once, at the first.
        (
            "02:30",
            "Europe/Berlin",
            utc(2027, 10, 29, 12),
            [
                "2027-10-30 02:30 CEST",
                "2027-10-31 02:30 CEST",
                "2027-11-01 02:30 CET",
                "2027-11-02 02:30 CET",
            ],
        ),
        # 2027-03-14: New York moves to EDT at 02:00; 08:00 is 13:00 UTC before, 12:00 after.
        (
            "08:00",
            "America/New_York",
            utc(2027, 3, 12, 18),
            [
                "2027-03-13 08:00 EST",
                "2027-03-14 08:00 EDT",
                "2027-03-15 08:00 EDT",
                "2027-03-16 08:00 EDT",
            ],
        ),
    ],
)
def test_one_digest_a_local_day_at_the_right_instant_across_daylight_saving(
    db: Database, time: str, zone: str, start: datetime, expected: list[str]
) -> None:
    written = _days_as_the_bot_runs_them(db, time, zone, start, start + timedelta(days=4))
    assert [local(slot, zone) for slot in written] == expected
    days = [slot.astimezone(ZoneInfo(zone)).date() for slot in written]
    assert len(days) == len(set(days))  # one a local day, never two
