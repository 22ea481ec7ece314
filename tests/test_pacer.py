"""The Pacer alone, on a fake clock: each test states the limit it checks, and that no send
waits longer than the limits need."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from bot.pacer import GROUP_INTERVAL, MARGIN, OVERALL_PER_SECOND, PRIVATE_INTERVAL, Pacer
from tests.support import FakeClock, closest, most_within

SPACING = 1 / OVERALL_PER_SECOND  # counted sends, overall
EPS = 1e-9


def pacer_on(clock: FakeClock, **kw: float) -> Pacer:
    return Pacer(clock=clock.now, sleep=clock.sleep, **kw)


def test_each_chat_gets_its_own_limit_and_every_send_the_overall_spacing() -> None:
    clock = FakeClock(100.0)
    pacer = pacer_on(clock)
    sends = [(1, "private"), (-5, "channel"), (1, "private"), (-5, "channel"), (-5, "channel")]

    async def scenario() -> dict[int, list[float]]:
        times: dict[int, list[float]] = {1: [], -5: []}
        for chat, kind in sends:
            times[chat].append(await pacer.acquire(chat, kind))
        return times

    times = asyncio.run(scenario())

    assert clock.time == times[-5][-1]  # the injected clock and sleep were used
    private, channel = PRIVATE_INTERVAL * (1 + MARGIN), GROUP_INTERVAL * (1 + MARGIN)
    # One private chat: 1.02 s apart; a channel: 3.06 s apart (<= 20 in any 61.2 s); and
    # each goes as soon as its chat's limit allows, no later.
    assert closest(times[1]) == pytest.approx(private)
    assert closest(times[-5]) == pytest.approx(channel)
    assert max(b - a for a, b in itertools.pairwise(times[-5])) == pytest.approx(channel)
    assert closest(times[1] + times[-5]) >= SPACING - EPS


def test_at_most_30_counted_sends_in_any_window_and_no_wait_beyond_it() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock, margin=1.0)  # the window stretched to 2 s: 30 per 2 s

    async def scenario() -> list[float]:
        return [await pacer.acquire(chat, "private") for chat in range(40)]

    times = asyncio.run(scenario())

    assert pacer.window == pytest.approx(2.0)
    assert most_within(times, pacer.window) == 30
    assert closest(times) >= SPACING - EPS
    # The 31st waits for the first to leave the window, and no longer.
    assert times[30] == pytest.approx(times[0] + pacer.window)


def test_a_refund_gives_the_place_back_and_lets_one_send_skip_the_spacing() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock, margin=1.0)  # 30 counted sends per 2 s

    async def scenario() -> list[float]:
        times = []
        for chat in range(40):
            at = await pacer.acquire(chat, "private")
            if chat < 10:
                pacer.refund(at)  # answered 403: nothing was sent
            times.append(at)
        return times

    times = asyncio.run(scenario())
    counted = times[10:]

    assert most_within(counted, pacer.window) <= 30
    # The ten refused requests use none of the 30 per window: all 40 go before a wait for it.
    assert max(times) < times[0] + pacer.window
    # Each refund lets exactly one later send skip the 1/30 s spacing, then it is whole again.
    gaps = [b - a for a, b in itertools.pairwise(counted)]
    assert sum(gap < SPACING - EPS for gap in gaps) == 10
    assert all(gap >= SPACING - EPS for gap in gaps[10:])


def test_a_refund_makes_up_time_within_the_window_only_and_never_after_a_429() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock, margin=0.0)

    async def go(chat: int) -> float:
        return await pacer.acquire(chat, "private")

    async def scenario() -> dict[str, float]:
        t: dict[str, float] = {"first": await go(1)}
        refused = await go(2)
        clock.advance(0.1)  # its answer comes 100 ms later: nothing was sent
        pacer.refund(refused)
        t["after_refund"], t["made_up"], t["spaced"] = await go(3), await go(4), await go(5)
        pacer.refund(t["spaced"])
        clock.advance(10.0 - clock.time)  # that refund's credit has left the window
        t["late_a"], t["late_b"] = await go(6), await go(7)
        limited = await go(8)
        clock.advance(0.01)  # answered 429 a moment later
        pacer.refund(limited, make_up=False)
        t["limited"], t["after_429"], t["next"] = limited, await go(9), await go(10)
        return t

    t = asyncio.run(scenario())

    assert t["made_up"] - t["after_refund"] < SPACING  # the refused request's time made up
    assert t["spaced"] - t["made_up"] >= SPACING - EPS  # once per refund
    assert t["late_b"] - t["late_a"] >= SPACING - EPS  # a credit lasts one window
    # A 429's refund gives its place back (the next goes at once, sooner than the spacing
    # after the refused one) but makes up no time (the one after waits the whole spacing).
    assert t["after_429"] == pytest.approx(t["limited"] + 0.01)
    assert t["after_429"] - t["limited"] < SPACING
    assert t["next"] - t["after_429"] >= SPACING - EPS


def test_requests_of_any_kind_are_at_most_60_a_second() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock, requests_per_second=60)

    async def scenario() -> list[float]:
        times = []
        for chat in range(130):  # a storm of refusals: every request is given back
            at = await pacer.acquire(chat, "private")
            pacer.refund(at)
            times.append(at)
        return times

    times = asyncio.run(scenario())

    assert most_within(times, 1.0) == 60  # however many are given back
    assert max(times) == pytest.approx(times[0] + 2.0)  # 130 need two waits of a second


def test_holds_and_pauses() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock)

    async def scenario() -> tuple[float, float, float]:
        await pacer.acquire(1, "private")
        pacer.sent(1, "private")
        pacer.hold_chat(1, 30.0)  # a 429 for chat 1 said: retry after 30 s
        held = await pacer.acquire(1, "private")
        pacer.pause(5.0)  # a flood limit on the whole bot
        paused = await pacer.acquire(2, "private")
        return held, paused, pacer.paused_until

    held, paused, until = asyncio.run(scenario())

    assert held == pytest.approx(30.0)
    assert paused == pytest.approx(until) and until == pytest.approx(35.0)


def test_a_429_is_explained_by_the_chats_own_limit_only_right_after_a_send() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock)
    assert not pacer.explains(1, "private")  # never sent to
    pacer.sent(1, "private")
    pacer.sent(-2, "group")
    clock.advance(1.5)
    assert pacer.explains(1, "private") and pacer.explains(-2, "group")
    clock.advance(1.0)  # 2.5 s: past two private intervals, inside a group's minute
    assert not pacer.explains(1, "private") and pacer.explains(-2, "group")
    clock.advance(60.0)
    assert not pacer.explains(-2, "group")
