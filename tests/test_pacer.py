"""The Pacer alone, on a fake clock or in simulated time: each test states the limit it checks
(as Telegram counts it, where requests take time to arrive), and that no send waits longer than
the limits need."""

from __future__ import annotations

import asyncio
import itertools
import random

import pytest

from bot.pacer import (
    GROUP_INTERVAL,
    MARGIN,
    MARGIN_HALF_LIFE,
    MARGIN_STEP,
    OVERALL_PER_SECOND,
    PRIVATE_INTERVAL,
    REPLY_TURNS,
    Pacer,
)
from tests.support import FakeClock, closest, loop_clock, most_within, simulate

SPACING = 1 / OVERALL_PER_SECOND  # counted sends, overall
EPS = 1e-9


def pacer_on(clock: FakeClock, **kw: float) -> Pacer:
    return Pacer(clock=clock.now, sleep=clock.sleep, **kw)


async def send(pacer: Pacer, chat: int, kind: str = "private") -> float:
    """Acquire, and take in the answer at once (no round trip); return when it left."""
    at = await pacer.acquire(chat, kind)
    pacer.sent(chat, kind, at)
    return at


def test_each_chat_gets_its_own_limit_and_every_send_the_overall_spacing() -> None:
    clock = FakeClock(100.0)
    pacer = pacer_on(clock)
    sends = [(1, "private"), (-5, "channel"), (1, "private"), (-5, "channel"), (-5, "channel")]

    async def scenario() -> dict[int, list[float]]:
        times: dict[int, list[float]] = {1: [], -5: []}
        for chat, kind in sends:
            times[chat].append(await send(pacer, chat, kind))
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
        return [await send(pacer, chat) for chat in range(40)]

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
            pacer.sent(chat, "private", at, delivered=chat >= 10)
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
        return await send(pacer, chat)

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


def test_sends_that_left_at_the_same_instant_are_each_answered() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock, margin=0.0)

    async def scenario() -> list[float]:
        refused = await pacer.acquire(1, "private")
        pacer.refund(refused)  # its time is made up: the next two leave together
        pacer.sent(1, "private", refused, delivered=False)
        first, second = await pacer.acquire(2, "private"), await pacer.acquire(3, "private")
        pacer.sent(2, "private", first)
        pacer.sent(3, "private", second)
        return [first, second] + [await send(pacer, chat) for chat in range(4, 64)]

    times = asyncio.run(scenario())

    assert times[0] == times[1]  # one instant, two sends, two answers
    # Neither is left counted as in flight: each window holds 30, the 61st waits for the 31st.
    assert most_within(times, 1.0) == 30
    assert times[60] == pytest.approx(times[30] + 1.0)


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
        await send(pacer, 1)
        pacer.hold_chat(1, 30.0)  # a 429 for chat 1 said: retry after 30 s
        held = await send(pacer, 1)
        pacer.pause(5.0)  # a flood limit on the whole bot
        paused = await send(pacer, 2)
        return held, paused, pacer.paused_until

    held, paused, until = asyncio.run(scenario())

    assert held == pytest.approx(30.0)
    assert paused == pytest.approx(until) and until == pytest.approx(35.0)


def test_a_429_is_explained_by_the_chats_own_limit_only_right_after_a_send() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock)
    assert not pacer.explains(1, "private")  # never sent to
    pacer.sent(1, "private", 0.0)
    pacer.sent(-2, "group", 0.0)
    clock.advance(1.5)
    assert pacer.explains(1, "private") and pacer.explains(-2, "group")
    clock.advance(1.0)  # 2.5 s: past two private intervals, inside a group's minute
    assert not pacer.explains(1, "private") and pacer.explains(-2, "group")
    clock.advance(60.0)
    assert not pacer.explains(-2, "group")


def test_sends_delayed_on_their_way_out_stay_within_30_a_second_as_telegram_counts() -> None:
    """No more than 30 arrivals in any 1 s window, though requests take 0-100 ms to leave."""
    rng = random.Random(3)
    arrivals: list[float] = []

    async def one(pacer: Pacer, chat: int) -> None:
        at = await pacer.acquire(chat, "private")
        await asyncio.sleep(rng.uniform(0.0, 0.1))  # a slow database write, a busy loop
        arrivals.append(loop_clock())  # Telegram counts it now
        await asyncio.sleep(rng.uniform(0.001, 0.003))  # the answer on its way back
        pacer.sent(chat, "private", at)

    async def scenario() -> None:
        pacer = Pacer()
        await asyncio.gather(*(one(pacer, chat) for chat in range(600)))

    simulate(scenario())

    assert most_within(arrivals, 1.0) <= 30
    # No slower than the window plus the longest delay, per 30 messages.
    assert max(arrivals) - min(arrivals) < 600 / 30 * (1 + MARGIN + 0.1)


def test_a_send_still_in_flight_counts_until_its_answer_comes() -> None:
    async def scenario() -> tuple[float, float, float]:
        pacer = Pacer()
        for chat in range(30):  # quick round trips: the fastest is about nothing
            await pacer.acquire(chat, "private")
            pacer.sent(chat, "private", loop_clock())
        await asyncio.sleep(5.0)
        stalled = [(chat, await pacer.acquire(chat, "private")) for chat in range(100, 130)]
        later = asyncio.create_task(pacer.acquire(200, "private"))
        await asyncio.sleep(5.0)  # thirty requests under way, unanswered
        assert not later.done()
        answered = loop_clock()
        for chat, at in stalled:  # each may have reached Telegram just now
            pacer.sent(chat, "private", at)
        return stalled[0][1], answered, await later

    first, answered, thirty_first = simulate(scenario())

    # Counted from its answer, not from when it left: a full window after the answers.
    assert thirty_first - first > 5.0
    assert thirty_first == pytest.approx(answered + 1 + MARGIN, abs=0.02)


def test_a_429_taken_for_the_overall_limit_widens_the_window_until_messages_go_through() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock)

    async def refused(chat: int) -> bool:
        """Send to chat; Telegram answers 429: return whether every chat was paused."""
        at = await pacer.acquire(chat, "private")
        pacer.refund(at, make_up=False)
        pacer.sent(chat, "private", at, delivered=False)
        return pacer.rate_limited(chat, "private", 1.0, at)

    async def scenario() -> list[float]:
        margins = [pacer.margin]
        for chat in range(29):
            await send(pacer, chat)
        assert not await refused(100)  # the 30th in a full window: the overall limit
        margins.append(pacer.margin)
        clock.advance(3600.0)  # time alone changes nothing: nothing was learnt meanwhile
        margins.append(pacer.margin)
        for chat in range(200, 200 + MARGIN_HALF_LIFE - 1):
            await send(pacer, chat)
        await send(pacer, 5)
        margins.append(pacer.margin)
        clock.advance(0.2)
        # Chat 5 was just sent to: its own limit explains a 429 for it. Nothing grows.
        assert not pacer.rate_limited(5, "private", 1.0, clock.time)
        clock.advance(10.0)
        # Alone in a quiet second: not the overall limit either.
        assert not await refused(101)
        margins.append(pacer.margin)
        return margins

    base, grown, idle, halved, after_quiet = asyncio.run(scenario())

    assert base == pytest.approx(MARGIN)
    assert grown == idle == pytest.approx(MARGIN + MARGIN_STEP)
    # Halved by MARGIN_HALF_LIFE messages delivered since.
    assert halved == pytest.approx(MARGIN + MARGIN_STEP / 2)
    assert after_quiet == pytest.approx(halved)
    assert pacer.window == pytest.approx((1 + after_quiet) * 30 / OVERALL_PER_SECOND)


def test_three_unexplained_429s_within_a_second_pause_every_chat() -> None:
    clock = FakeClock()
    pacer = pacer_on(clock)

    async def scenario() -> list[bool]:
        paused = []
        for chat in (1, 2, 3):
            at = await pacer.acquire(chat, "private")
            pacer.refund(at, make_up=False)
            pacer.sent(chat, "private", at, delivered=False)
            paused.append(pacer.rate_limited(chat, "private", 7.0, at))
        return paused

    assert asyncio.run(scenario()) == [False, False, True]
    assert pacer.paused_until == pytest.approx(clock.time + 7.0)


def test_replies_go_ahead_of_deliveries_which_still_get_one_turn_in_five() -> None:
    order: list[str] = []

    async def one(pacer: Pacer, chat: int, reply: bool) -> None:
        at = await pacer.acquire(chat, "private", reply=reply)
        order.append("reply" if reply else "delivery")
        pacer.sent(chat, "private", at)

    async def scenario() -> None:
        pacer = Pacer()
        deliveries = [asyncio.create_task(one(pacer, chat, False)) for chat in range(20)]
        replies = [asyncio.create_task(one(pacer, 100 + chat, True)) for chat in range(40)]
        await asyncio.gather(*deliveries, *replies)

    simulate(scenario())

    # Two deliveries were under way when the replies came; then, while both wait, four
    # replies for each delivery; then the deliveries left.
    turn = ["reply"] * REPLY_TURNS + ["delivery"]
    assert order == ["delivery"] * 2 + turn * 10 + ["delivery"] * 8
