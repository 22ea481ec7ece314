"""The doubles the tests and bench scripts share, and that the bot carries none of them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.support import FakeClock, MeteredPacer, closest, loop_clock, most_within, simulate

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
