"""Broadcast benchmark: one digest to 10,000 subscribers through the offline Telegram.

Run: .venv/bin/python bench/broadcast.py [--subscribers N] [--seed S] [--latency MS] [--jitter MS]

Time is simulated: the sender's Pacer and the offline server's flood limits (429 beyond
30 msg/s overall, 1 msg/s per private chat, 20 msg/min per group or channel) read one clock,
that of tests.support.SimulatedTimeLoop, which jumps over idle waits. Real time would be about
10,000 / 30 = 333 s per run; here a run costs only its CPU time. Reported: delivered
messages per simulated second against the 30/s ceiling, real CPU time per message, 429s,
and lost and duplicated messages. A second run injects faults: 5 % 5xx, 1 % 429, 2 % 403.

Two rates are printed. "whole run" is delivered messages over the drain's simulated time,
first send to last: the figure the target (>= 28 msg/s sustained) is judged by. "work
ready" divides by the seconds in which the pacer had a message queued for the overall
budget, leaving out the waits in which every message left was backing off (the tail of a
faulty run); tests.support.MeteredPacer, the product's Pacer plus that count, measures
them. The pacer's ceiling is printed beside them: 30 messages per 1.02 s (the 2 %
margin); answers that show nothing was sent (403, 400, 429, 5xx) are given back and use
none of it (bot.sender.sent_nothing says why).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import Bot
from telegram.request import BaseRequest, RequestData

from bench.host import machine
from bot.offline import OfflineTelegram, forbidden_blocked, server_error, too_many_requests
from bot.sender import Sender
from digests import store
from tests.support import (
    EPOCH,
    T0,
    MeteredPacer,
    OfflineRelay,
    loop_clock,
    simulate,
    unix_now,
    utc_now,
)


class Network(OfflineRelay):
    """The offline Telegram behind a network: each way takes latency plus uniform jitter.

    Telegram then counts a message when it arrives, not when the sender counted it; jitter
    moves two sends closer together or further apart there, which the pacer's margin absorbs.
    """

    def __init__(
        self, offline: OfflineTelegram, latency: float, jitter: float, rng: random.Random
    ) -> None:
        super().__init__(offline)
        self.latency, self.jitter, self.rng = latency, jitter, rng

    async def forward(
        self, url: str, method: str, request_data: RequestData | None
    ) -> tuple[int, bytes]:
        await asyncio.sleep(self.latency + self.rng.uniform(0, self.jitter))
        answer = await super().forward(url, method, request_data)
        await asyncio.sleep(self.latency + self.rng.uniform(0, self.jitter))
        return answer


@dataclass
class Figures:
    """What one broadcast run measured."""

    messages: int
    delivered: int
    simulated_seconds: float
    busy_seconds: float
    statuses: Counter[int]  # sendMessage answers by HTTP status (408: timed out)
    ceiling: float
    cpu_seconds: float
    wall_seconds: float
    rate_limited: int
    injected_429: int
    late_429: int
    lost: int
    duplicated: int
    deactivated: int
    retried: int
    failed: int
    outages: int


def chat_kinds(count: int, rng: random.Random) -> list[tuple[int, str]]:
    """Return count chats: 70 % private, 10 % group, 10 % supergroup, 10 % channel."""
    chats = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.7:
            chats.append((10_000_000 + i, "private"))
        elif roll < 0.8:
            chats.append((-(100_000 + i), "group"))
        elif roll < 0.9:
            chats.append((-(1_000_000_000_000 + i), "supergroup"))
        else:
            chats.append((-(1_000_100_000_000 + i), "channel"))
    return chats


def digest_parts(chat_id: int, two_parts: bool) -> list[str]:
    """Return a realistic digest message (or two) for a chat."""
    body = "\n\n".join(
        f'<b>{n}. Story headline number {n}</b>\n<a href="https://news.example/{n}">Source</a> · '
        f"A summary of two sentences about story {n}. It is escaped &amp; valid."
        for n in range(1, 6)
    )
    first = f"<b>Your daily digest</b> for {chat_id}\n\n{body}"
    return [first, "<i>More stories tomorrow.</i>"] if two_parts else [first]


async def broadcast(
    db_path: Path, subscribers: int, faults: bool, seed: int, latency: float, jitter: float
) -> Figures:
    """Enqueue one digest per subscriber and drain the outbox; return the figures."""
    rng = random.Random(seed)
    db = store.open_db(db_path)
    offline = OfflineTelegram(enforce_limits=True, clock=unix_now)
    expected: dict[int, list[str]] = {}
    blocked: set[int] = set()
    injected_429: set[int] = set()
    for chat_id, kind in chat_kinds(subscribers, rng):
        offline.add_chat(chat_id, kind)
        sub = store.save_subscription(db, chat_id, kind, now=T0 - timedelta(days=1))
        parts = digest_parts(chat_id, rng.random() < 0.1)
        store.enqueue_digest(db, sub, T0, parts, cutoff=T0, now=T0)
        if faults:
            roll = rng.random()
            if roll < 0.02:
                blocked.add(chat_id)
                offline.fail("sendMessage", chat_id=chat_id, times=None, error=forbidden_blocked())
            elif roll < 0.07:
                offline.fail("sendMessage", chat_id=chat_id, error=server_error(502))
            elif roll < 0.08:
                injected_429.add(chat_id)
                offline.fail("sendMessage", chat_id=chat_id, error=too_many_requests(1))
        if chat_id not in blocked:
            expected[chat_id] = parts
    request: BaseRequest = offline
    if latency or jitter:
        request = Network(offline, latency, jitter, random.Random(seed))
    bot = Bot(offline.token, request=request, get_updates_request=request)
    await bot.initialize()
    pacer = MeteredPacer()
    sender = Sender(bot, db, pacer=pacer, clock=utc_now)
    start, cpu, wall = loop_clock(), time.process_time(), time.perf_counter()
    result = await sender.drain()
    simulated = loop_clock() - start
    busy = pacer.busy_seconds
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    await bot.shutdown()
    db.close()

    got = Counter((m.chat_id, m.text or "") for m in offline.sent())
    want = Counter((chat, text) for chat, texts in expected.items() for text in texts)
    calls = offline.calls_to("sendMessage")
    # An injected 429 answers the first call to its chat; any other 429 is a flood limit's.
    first_call: dict[object, int] = {}
    for index, call in enumerate(calls):
        first_call.setdefault(call.chat_id, index)
    injected = {first_call[chat] for chat in injected_429 if chat in first_call}
    flood = [c for i, c in enumerate(calls) if c.status == 429 and i not in injected]
    late = sum(1 for c in flood if c.timestamp - EPOCH - start > 1.0)
    statuses = Counter(c.status for c in calls)
    delivered = sum(got.values())
    # The most the pacer allows: counted sends (delivered ones; no request here goes
    # unanswered) at 30 per 1.02 s.
    ceiling = pacer.limit / pacer.window
    return Figures(
        messages=sum(want.values()),
        delivered=delivered,
        simulated_seconds=simulated,
        busy_seconds=busy,
        statuses=statuses,
        ceiling=ceiling,
        cpu_seconds=cpu,
        wall_seconds=wall,
        rate_limited=len(flood),
        injected_429=len(injected_429),
        late_429=late,
        lost=sum((want - got).values()),
        duplicated=sum((got - want).values()),
        deactivated=result.deactivated,
        retried=result.retried,
        failed=result.failed,
        outages=result.outages,
    )


def report(title: str, f: Figures) -> None:
    """Print one run's figures."""
    rate = f.delivered / f.simulated_seconds if f.simulated_seconds else 0.0
    ready = f.delivered / f.busy_seconds if f.busy_seconds else 0.0
    answers = ", ".join(f"{n} x {status}" for status, n in sorted(f.statuses.items()))
    print(f"\n{title}")
    print(f"  messages expected      {f.messages}")
    print(f"  delivered              {f.delivered} in {f.simulated_seconds:.1f} simulated s")
    print(f"  rate, whole run        {rate:.2f} msg/s (ceiling 30/s, target >= 28)")
    print(f"  rate, work ready       {ready:.2f} msg/s over {f.busy_seconds:.1f} s")
    print(f"  pacer ceiling          {f.ceiling:.2f} msg/s (refused requests given back)")
    print(f"  sendMessage answers    {f.statuses.total()}: {answers}")
    print(f"  CPU per message        {1e3 * f.cpu_seconds / max(1, f.delivered):.3f} ms")
    print(f"  real time              {f.wall_seconds:.1f} s (CPU {f.cpu_seconds:.1f} s)")
    print(f"  429 from flood limits  {f.rate_limited} (after the first second: {f.late_429})")
    print(f"  429 injected           {f.injected_429}")
    print(f"  lost / duplicated      {f.lost} / {f.duplicated}")
    print(f"  retried / failed       {f.retried} / {f.failed}; chats deactivated {f.deactivated}")
    print(f"  outage pauses          {f.outages}")


def main() -> None:
    """Run the clean and the faulty broadcast and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--latency", type=float, default=0.0, help="one-way network latency, ms (default 0)"
    )
    parser.add_argument(
        "--jitter", type=float, default=0.0, help="extra one-way delay, uniform 0..ms (default 0)"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # a 429 or retry per fault would flood the output
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as a timedelta
    print(f"machine: {machine()}")
    print(f"subscribers: {args.subscribers}; time: simulated (SimulatedTimeLoop)")
    print(f"network, each way: {args.latency:g} ms + uniform 0..{args.jitter:g} ms of jitter")
    with tempfile.TemporaryDirectory() as tmp:
        for title, faults in (("clean", False), ("faults: 5 % 5xx, 1 % 429, 2 % 403", True)):
            path = Path(tmp) / f"{'faults' if faults else 'clean'}.db"
            figures = simulate(
                broadcast(
                    path,
                    args.subscribers,
                    faults,
                    args.seed,
                    args.latency / 1000,
                    args.jitter / 1000,
                )
            )
            report(title, figures)


if __name__ == "__main__":
    main()
