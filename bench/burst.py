"""Burst benchmark: 500 private chats send a command within one second; every one is answered.

Run: .venv/bin/python bench/burst.py [--chats 500] [--command /latest]
     [--mode all|simulated|real|http]

The real Application (``bot.app.build_application``: handlers, PTB's concurrent update
processing, the rate limiter and the Pacer the outbox sender shares) gets the commands in its
update queue, as polling would put them there, the chats spread evenly over one second
(``tests.support.command_burst``), on the seeded database of a first start. Telegram's side
enforces 30 messages in any second overall and one a second per private chat, counted over
the messages it accepted, and answers 429 with retry_after beyond. Three modes:

- "simulated": the offline Telegram (``enforce_limits``) in ``tests.support.SimulatedTimeLoop``:
  the pacer's waits and the offline clock take no real time;
- "real": the same on the wall clock (about 17 s);
- "http": on the wall clock over HTTP, against the Bot API server on loopback of
  ``bench/realtime.py`` (no injected faults), the bot using its real HTTP client as
  ``newsbot run`` does with TELEGRAM_API_BASE_URL pointing there (the issue's setup).

Reported: chats answered (target: every one), 429 answers (target: none after the first
second), the seconds from each command to its reply (p50, p99, the longest) and from the first
command to the last reply, against the floor: 500 messages at Telegram's 30 a second take
16.7 s, 17.0 s at the pacer's 2 % margin. A chat not answered within 120 s of the first
command counts as never answered.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.host import machine  # noqa: E402
from bench.realtime import TOKEN, LoopbackTelegram, ServerState  # noqa: E402
from bot.app import build_application, running  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.offline import OfflineTelegram  # noqa: E402
from bot.pacer import MARGIN, OVERALL_PER_SECOND  # noqa: E402
from tests.support import EPOCH, command_burst, most_within, simulate, unix_now  # noqa: E402

DEADLINE = 120.0
FIRST_CHAT = 10_000_001


@dataclass
class Figures:
    """What one burst measured."""

    chats: int
    answered: int
    delivered: int
    statuses: Counter[int]
    refused_late: int  # 429s more than a second after the first command
    seconds: list[float]  # per chat answered: command to reply
    all_answered: float  # the first command to the last reply
    most_in_a_second: int
    wall: float
    cpu: float


def percentile(values: list[float], share: float) -> float:
    """Return the value at a share (0-1) of the sorted values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def figures(
    asked: dict[int, float], answers: list[tuple[int, float, int]], wall: float, cpu: float
) -> Figures:
    """Return the figures of a burst: when each chat asked, and Telegram's answers to
    sendMessage as (chat, arrival, status), all times on one clock."""
    start = min(asked.values())
    first: dict[int, float] = {}
    for chat, arrived, status in sorted(answers, key=lambda a: a[1]):
        if status == 200:
            first.setdefault(chat, arrived)
    delivered = [arrived for _, arrived, status in answers if status == 200]
    return Figures(
        chats=len(asked),
        answered=len(first),
        delivered=len(delivered),
        statuses=Counter(status for _, _, status in answers),
        refused_late=sum(1 for _, t, status in answers if status == 429 and t > start + 1.0),
        seconds=[first[chat] - at for chat, at in asked.items() if chat in first],
        all_answered=max(delivered, default=start) - start,
        most_in_a_second=most_within(delivered, 1.0),
        wall=wall,
        cpu=cpu,
    )


async def offline_burst(
    database: Path, chats: int, command: str, offline: OfflineTelegram
) -> dict[int, float]:
    """Start the bot on the offline Telegram, send the burst, wait for every reply."""
    settings = Settings(token=offline.token, database_path=database)
    app = build_application(settings, offline, workers=1)
    async with running(app):
        burst = await command_burst(
            app, offline, range(FIRST_CHAT, FIRST_CHAT + chats), [command], deadline=DEADLINE
        )
    return burst.asked


async def http_burst(
    database: Path, chats: int, command: str, server: LoopbackTelegram
) -> dict[int, float]:
    """Start the bot against the loopback server, send the burst, wait for every reply."""
    settings = Settings(token=TOKEN, api_base_url=server.url, database_path=database)
    app = build_application(settings)  # the real HTTP client, as `newsbot run` builds it
    updates = OfflineTelegram(token=TOKEN, clock=time.monotonic)  # makes the updates
    async with running(app):
        burst = await command_burst(
            app,
            updates,
            range(FIRST_CHAT, FIRST_CHAT + chats),
            [command],
            deadline=DEADLINE,
            delivered=server.state.delivered,
        )
    return {chat: at + EPOCH for chat, at in burst.asked.items()}  # back to time.monotonic


def measure(tmp: Path, chats: int, command: str, mode: str) -> Figures:
    """Run one burst in a mode and return its figures."""
    database = tmp / f"{mode}.db"
    wall, cpu = time.perf_counter(), time.process_time()
    if mode == "http":
        state = ServerState(random.Random(1), fault_502=0.0, fault_429=0.0)
        server = LoopbackTelegram(state)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            asked = asyncio.run(http_burst(database, chats, command, server))
        finally:
            server.shutdown()
            server.server_close()
        answers = [(a.chat_id, a.arrived, a.status) for a in state.attempts]
    else:
        if mode == "simulated":
            offline = OfflineTelegram(enforce_limits=True, clock=unix_now)
            asked = simulate(offline_burst(database, chats, command, offline))
        else:
            offline = OfflineTelegram(enforce_limits=True)
            asked = asyncio.run(offline_burst(database, chats, command, offline))
        asked = {chat: at + EPOCH for chat, at in asked.items()}
        answers = [
            (int(c.chat_id or 0), c.timestamp, c.status) for c in offline.calls_to("sendMessage")
        ]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return figures(asked, answers, wall, cpu)


def report(mode: str, f: Figures) -> None:
    """Print one burst's figures."""
    floor = f.chats / OVERALL_PER_SECOND
    seconds = f.seconds or [0.0]
    answers = ", ".join(f"{n} x {status}" for status, n in sorted(f.statuses.items()))
    print(f"\n{mode}")
    print(f"  chats answered        {f.answered} / {f.chats} ({f.delivered} messages delivered)")
    print(f"  sendMessage answers   {answers}")
    print(f"  429 answers           {f.statuses[429]} (after the first second: {f.refused_late})")
    print(f"  most in any 1 s       {f.most_in_a_second} messages (limit 30)")
    print(
        f"  command to reply      p50 {statistics.median(seconds):.2f} s, "
        f"p99 {percentile(seconds, 0.99):.2f} s, longest {max(seconds):.2f} s"
    )
    print(
        f"  last reply            {f.all_answered:.2f} s after the first command; floor "
        f"{floor:.1f} s at 30/s ({f.all_answered / floor:.3f} x), {floor * (1 + MARGIN):.1f} s "
        f"at the pacer's 2 % margin"
    )
    print(f"  real time / CPU       {f.wall:.1f} s / {f.cpu:.1f} s")


def main() -> None:
    """Run the burst in each mode asked for and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--command", default="/latest")
    parser.add_argument("--mode", choices=("all", "simulated", "real", "http"), default="all")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # given-up replies would flood the output
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as a timedelta
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.2f} at start")
    print(f"chats: {args.chats}, each sending {args.command} once, spread over 1 s")
    modes = ("simulated", "real", "http") if args.mode == "all" else (args.mode,)
    with tempfile.TemporaryDirectory() as tmp:
        for mode in modes:
            report(mode, measure(Path(tmp), args.chats, args.command, mode))


if __name__ == "__main__":
    main()
