"""The doubles the tests and bench scripts share, and that the bot carries none of them."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram.ext import ApplicationBuilder, CallbackContext

from bot.offline import OfflineTelegram
from tests.feedserver import LoopFeedServer, Reply
from tests.support import (
    FakeClock,
    MeteredPacer,
    closest,
    loop_clock,
    most_within,
    simulate,
    simulate_days,
)

ROOT = Path(__file__).resolve().parent.parent


def test_simulated_time_jumps_over_waits_in_order() -> None:
    async def scenario() -> list[tuple[str, float]]:
        seen: list[tuple[str, float]] = []

        async def wake(name: str, after: float) -> None:
            await asyncio.sleep(after)
            seen.append((name, loop_clock()))

        await asyncio.gather(wake("late", 3600.0), wake("early", 60.0))
        return seen

    assert simulate(scenario()) == [("early", 60.0), ("late", 3600.0)]


START = datetime(2026, 10, 24, 23, 0, tzinfo=UTC)  # Europe's clocks go back in the night


def test_the_job_queue_runs_on_the_wall_clock_of_a_simulated_day() -> None:
    async def scenario() -> list[tuple[datetime, float, float]]:
        fired: list[tuple[datetime, float, float]] = []

        async def job(context: CallbackContext[Any, Any, Any, Any]) -> None:
            fired.append((datetime.now(UTC), time.time(), loop_clock()))

        offline = OfflineTelegram()
        app = ApplicationBuilder().token(offline.token).request(offline).build()
        assert app.job_queue is not None
        async with app:
            await app.start()
            app.job_queue.run_once(job, when=START + timedelta(hours=26))
            app.job_queue.run_once(job, when=timedelta(minutes=90))
            await asyncio.sleep(30 * 3600)
            await app.stop()
        return fired

    early, late = simulate_days(scenario(), START)
    assert early[0] == START + timedelta(minutes=90)
    assert early[1] == pytest.approx((START + timedelta(minutes=90)).timestamp(), abs=1e-3)
    assert late[0] == START + timedelta(hours=26) and late[2] == pytest.approx(26 * 3600)


def test_work_in_a_thread_takes_the_time_it_really_takes() -> None:
    async def scenario() -> tuple[float, bool]:
        loop = asyncio.get_running_loop()
        timer = loop.call_later(3600, lambda: None)
        began = loop.time()
        await loop.run_in_executor(None, time.sleep, 0.05)  # the next timer is an hour away
        took, waiting = loop.time() - began, not timer.cancelled() and timer.when() > loop.time()
        timer.cancel()
        return took, waiting

    took, timer_waiting = simulate_days(scenario(), START)
    # The loop waited for the thread (its clock moved on) and did not jump to the timer.
    assert 0 < took < 3600 and timer_waiting


def test_a_feed_server_on_the_loop_is_slow_in_simulated_time() -> None:
    async def scenario() -> tuple[str, float, float, str, int]:
        server = LoopFeedServer(hosts=2, fallback=lambda seen: Reply(200, seen.path.encode()))
        await server.start()
        server.route("/slow", Reply(200, b"late", pause=5.0))
        server.route("/stuck", Reply(200, b"never", pause=120.0))
        async with httpx.AsyncClient(timeout=20) as client:
            began = loop_clock()
            slow = await client.get(server.url("/slow", host=1))
            answered = loop_clock()
            with pytest.raises(httpx.ReadTimeout):
                await client.get(server.url("/stuck"))
            gave_up = loop_clock()
            other = await client.get(server.url("/any/page?x=1"))
        await server.stop()
        return slow.text, answered - began, gave_up - answered, other.text, server.served

    text, slow, stuck, other, served = simulate_days(scenario(), START)
    assert text == "late" and 5.0 <= slow < 6.0
    assert 20.0 <= stuck < 21.0  # the client's timeout, in simulated seconds
    assert other == "/any/page?x=1" and served == 3


def test_busy_seconds_leave_out_waits_with_nothing_ready() -> None:
    clock = FakeClock()
    pacer = MeteredPacer(clock=clock.now, sleep=clock.sleep, margin=0.0)

    async def scenario() -> float:
        await pacer.acquire(1, "private")  # at 0
        await pacer.acquire(2, "private")  # at 1/30, busy until 2/30
        clock.advance(10.0)  # nothing was ready for ten seconds, as in a back-off
        await pacer.acquire(3, "private")  # busy again from 10 to 10 + 1/30
        return pacer.busy_seconds

    assert asyncio.run(scenario()) == pytest.approx(3 / 30)


def test_window_counts_are_half_open() -> None:
    times = [1.0, 0.0, 0.25, 1.0]
    assert most_within(times, 1.0) == 3  # 1.0 has left the window that opened at 0.0
    assert most_within(times, 1.01) == 4
    assert most_within([], 1.0) == 0
    assert closest(times) == 0.0 and closest([0.0, 0.25]) == 0.25
    assert closest([4.0]) == float("inf")


def test_the_bot_imports_nothing_from_the_tests() -> None:
    for path in (ROOT / "bot").rglob("*.py"):
        source = path.read_text()
        assert "from tests" not in source and "import tests" not in source, path
