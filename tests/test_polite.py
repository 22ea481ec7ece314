"""Per-host limits in simulated time, the servers' signals, bot challenges, the two settings."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import newsbot
from bot.config import ConfigError, Settings
from digests.errors import HostHeld
from digests.fetch import make_client
from digests.message import describe_wait
from digests.polite import (
    HOST_GAP,
    MAX_HOLD_WAIT,
    MAX_SERVER_DELAY,
    PER_HOST,
    HostLimiter,
    challenge,
    fresh_for,
    host_key,
    limits_from_env,
    retry_after,
)
from tests.support import loop_clock, simulate

DAY = float(MAX_SERVER_DELAY)


async def _requests(
    hosts: HostLimiter, jobs: list[tuple[str, float]]
) -> dict[str, list[tuple[float, float]]]:
    """Make each (host, seconds of work) request at once; return each host's (start, end)."""
    spans: dict[str, list[tuple[float, float]]] = {}

    async def request(host: str, work: float) -> None:
        async with hosts.turn(f"https://{host}/feed.xml"):
            start = loop_clock()
            await asyncio.sleep(work)
            spans.setdefault(host, []).append((start, loop_clock()))

    await asyncio.gather(*(request(host, work) for host, work in jobs))
    return {host: sorted(found) for host, found in spans.items()}


def test_slow_answers_keep_two_requests_per_host_in_flight() -> None:
    hosts = HostLimiter(2, 0.5, clock=loop_clock)
    spans = simulate(_requests(hosts, [("a.example.com", 2.0)] * 6 + [("b.example.com", 2.0)]))
    # A third request starts only when one of the two in flight is done.
    assert [start for start, _ in spans["a.example.com"]] == [0.0, 0.5, 2.0, 2.5, 4.0, 4.5]
    assert spans["b.example.com"] == [(0.0, 2.0)]  # another host does not wait for this one


def test_quick_answers_start_a_gap_apart() -> None:
    hosts = HostLimiter(2, 0.5, clock=loop_clock)
    spans = simulate(_requests(hosts, [("a.example.com", 0.1)] * 5))
    assert [start for start, _ in spans["a.example.com"]] == [0.0, 0.5, 1.0, 1.5, 2.0]


def test_the_limiter_reads_the_clock_of_the_loop_it_sleeps_on() -> None:
    # No clock given: the running loop's. In a loop whose clock jumps over waits, the gaps
    # are kept in that clock; a real clock would never see them pass.
    spans = simulate(_requests(HostLimiter(2, 0.5), [("a.example.com", 0.1)] * 3))
    assert [start for start, _ in spans["a.example.com"]] == [0.0, 0.5, 1.0]


def test_host_names_count_case_and_port_aside() -> None:
    assert host_key("https://Feeds.Example.com:8443/a") == "feeds.example.com"
    assert host_key("https://feeds.example.com./b") == "feeds.example.com"
    assert host_key("http://[::1]:80/c") == "::1"
    assert host_key("not a url") == ""
    hosts = HostLimiter(1, 1.0, clock=loop_clock)

    async def two() -> list[float]:
        starts = []
        for url in ("https://feeds.example.com/a", "https://FEEDS.example.com:8080/b"):
            async with hosts.turn(url):
                starts.append(loop_clock())
        return starts

    assert simulate(two()) == [0.0, 1.0]


def test_a_short_hold_is_waited_out_a_long_one_refused_without_waiting() -> None:
    async def run() -> tuple[float, float, float, float]:
        hosts = HostLimiter(2, 0.0, clock=loop_clock)
        hosts.hold("https://a.example.com/x", MAX_HOLD_WAIT)
        async with hosts.turn("https://a.example.com/y"):
            waited = loop_clock()
        hosts.hold("https://a.example.com/x", 120)
        with pytest.raises(HostHeld, match=r"a\.example\.com asked to be left alone") as held:
            async with hosts.turn("https://a.example.com/z"):
                pass
        refused = loop_clock()
        async with hosts.turn("https://b.example.com/z"):
            other = loop_clock()
        return waited, refused, other, held.value.retry_after

    waited, refused, other, left = simulate(run())
    assert waited == MAX_HOLD_WAIT  # then the request went
    assert refused == other == waited  # refused at once; another host did not wait
    assert left == 120.0


def test_a_hold_set_while_a_request_waits_for_its_turn_refuses_it() -> None:
    async def run() -> list[str]:
        hosts = HostLimiter(1, 5.0, clock=loop_clock)
        outcomes: list[str] = []

        async def first() -> None:
            async with hosts.turn("https://a.example.com/1"):
                await asyncio.sleep(1)  # the answer: 429, Retry-After: 600
                hosts.hold("https://a.example.com/1", 600)
            outcomes.append("first")

        async def second() -> None:
            try:
                async with hosts.turn("https://a.example.com/2"):
                    outcomes.append("sent")
            except HostHeld:
                outcomes.append(f"held at {loop_clock():g}")

        await asyncio.gather(first(), second())
        return outcomes

    assert simulate(run()) == ["first", "held at 1"]


def test_the_limiter_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        HostLimiter(0)
    with pytest.raises(ValueError, match="0 s or more"):
        HostLimiter(2, -1)
    with pytest.raises(ValueError, match="0 s or more"):
        make_client(host_gap=float("nan"))


SERVER_NOW = datetime(2024, 9, 6, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after": "120"}, 120.0),
        ({"retry-after": " 0 "}, 0.0),
        ({"retry-after": "9" * 40}, DAY),  # a day at most
        (
            {
                "retry-after": format_datetime(SERVER_NOW + timedelta(hours=2), usegmt=True),
                "date": format_datetime(SERVER_NOW, usegmt=True),
            },
            7200.0,
        ),
        (
            {
                "retry-after": format_datetime(SERVER_NOW - timedelta(hours=2), usegmt=True),
                "date": format_datetime(SERVER_NOW, usegmt=True),
            },
            0.0,
        ),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "-5"}, None),
        ({"retry-after": "²"}, None),
        ({}, None),
    ],
)
def test_retry_after_in_seconds_or_as_a_date_on_the_servers_clock(
    headers: dict[str, str], seconds: float | None
) -> None:
    assert retry_after(headers) == seconds


def test_retry_after_as_a_date_without_the_servers_date_reads_our_clock() -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    seconds = retry_after({"retry-after": format_datetime(later, usegmt=True)})
    assert seconds is not None and 3590 < seconds <= 3600


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"cache-control": "public, max-age=3600"}, 3600.0),
        ({"cache-control": 'max-age="600"'}, 600.0),
        ({"cache-control": "max-age=3600", "age": "600"}, 3000.0),
        ({"cache-control": "max-age=60", "age": "600"}, None),  # stale already
        ({"cache-control": "max-age=31536000, immutable"}, DAY),  # a CDN's year
        ({"cache-control": "max-age=3600, no-cache"}, None),
        ({"cache-control": "no-store"}, None),
        ({"cache-control": "s-maxage=3600"}, None),  # for shared caches, not for us
        ({"cache-control": "max-age=soon"}, None),
        ({}, None),
    ],
)
def test_fresh_for_reads_max_age_less_age(headers: dict[str, str], seconds: float | None) -> None:
    assert fresh_for(headers) == seconds


CLOUDFLARE = "blocked by a bot challenge (Cloudflare) — the site refuses automated fetching"


@pytest.mark.parametrize(
    ("status", "headers", "body", "said"),
    [
        (403, {"cf-mitigated": "challenge"}, b"", CLOUDFLARE),
        (200, {"cf-mitigated": "Challenge"}, b"", CLOUDFLARE),
        (403, {}, b"<html><head><title>Just a moment...</title>", CLOUDFLARE),
        (503, {}, b"<script src='/cdn-cgi/challenge-platform/h/b/orchestrate'>", CLOUDFLARE),
        (403, {}, b"<form id='challenge-form' class='cf-chl-widget'>", CLOUDFLARE),
        (403, {}, b"<title>Attention Required! | Cloudflare</title>", CLOUDFLARE),
        (
            403,
            {},
            b"<p>DDoS protection by DDoS-Guard</p>",
            "blocked by a bot challenge (DDoS-Guard) — the site refuses automated fetching",
        ),
        (
            503,
            {},
            b"<p>Checking your browser. DDoS protection by Example</p>",
            "blocked by a bot challenge — the site refuses automated fetching",
        ),
        (403, {}, b"<h1>Forbidden</h1>", None),
        (404, {}, b"<title>Just a moment...</title>", None),  # only 403 and 503 bodies count
        (200, {}, b"<title>Just a moment...</title>", None),
        (403, {"cf-mitigated": "block"}, b"", None),
    ],
)
def test_challenge_pages_are_recognised_by_header_or_body(
    status: int, headers: dict[str, str], body: bytes, said: str | None
) -> None:
    found = challenge(status, headers, body)
    assert (str(found) if found is not None else None) == said


def test_waits_read_at_a_glance() -> None:
    assert [describe_wait(s) for s in (45, 120, 3600, 5400, 86400)] == [
        "45 s",
        "2 min",
        "60 min",
        "1.5 h",
        "24.0 h",
    ]


# --- the two settings ------------------------------------------------------------------------


def test_limits_default_and_are_read_by_the_bot_and_the_cli() -> None:
    assert limits_from_env({}) == (PER_HOST, HOST_GAP) == (2, 0.5)
    assert limits_from_env({"FETCH_PER_HOST": " 4 ", "FETCH_HOST_GAP": "0.25"}) == (4, 0.25)
    settings = Settings.from_env({"FETCH_PER_HOST": "3", "FETCH_HOST_GAP": "0"})
    assert (settings.fetch_per_host, settings.fetch_host_gap) == (3, 0.0)
    defaults = Settings.from_env({})
    assert (defaults.fetch_per_host, defaults.fetch_host_gap) == (2, 0.5)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("FETCH_PER_HOST", "0"),
        ("FETCH_PER_HOST", "two"),
        ("FETCH_PER_HOST", "1.5"),
        ("FETCH_HOST_GAP", "-1"),
        ("FETCH_HOST_GAP", "61"),
        ("FETCH_HOST_GAP", "nan"),
        ("FETCH_HOST_GAP", "soon"),
    ],
)
def test_a_bad_limit_names_its_key(key: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({key: value})
    assert str(caught.value).startswith(f"{key}:") and "\n" not in str(caught.value)


@pytest.mark.parametrize(("key", "value"), [("FETCH_PER_HOST", "0"), ("FETCH_HOST_GAP", "soon")])
def test_newsbot_ingest_names_a_bad_limit(key: str, value: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        newsbot, ["--db", str(tmp_path / "x.db"), "ingest"], env={key: value}, obj={}
    )
    assert result.exit_code == 2
    # one line naming the key, as the bot says it at start (no usage text)
    assert f"configuration error: {key}:" in result.output
    assert result.output.count("\n") == 1 and "Usage:" not in result.output
