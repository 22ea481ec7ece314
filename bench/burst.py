"""Burst benchmark: 500 private chats send a command within one second; every one is answered.

Run: .venv/bin/python bench/burst.py [--chats 500] [--command /latest] [--clock both|simulated|real]

The real Application (``bot.app.build_application``: handlers, PTB's concurrent update
processing, the rate limiter and the Pacer the outbox sender shares) answers through the
offline Telegram with its flood limits on (``enforce_limits``: 429 with retry_after beyond 30
messages in any second overall or one a second to a private chat, counted over the messages
it accepted). The commands reach the application's update queue as polling would put them
there, the chats spread evenly over one second (``tests.support.command_burst``); the
database is the seeded one of a first start.

Two clocks: "simulated" runs everything in ``tests.support.SimulatedTimeLoop``, where the
pacer's waits and the offline Telegram's clock take no real time; "real" runs the same on the
wall clock (the offline Telegram reading ``time.time``), about 17 s.

Reported: replies delivered (target: every chat), 429 answers (target: none after the first
second), the seconds from each command to its reply (p50, p99, the last), against the floor:
500 messages at Telegram's 30 a second take 16.7 s, 17.0 s at the pacer's 2 % margin.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.broadcast import machine  # noqa: E402
from bot.app import build_application, running  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.offline import OfflineTelegram  # noqa: E402
from bot.pacer import MARGIN, OVERALL_PER_SECOND  # noqa: E402
from tests.support import EPOCH, Burst, command_burst, most_within, simulate, unix_now  # noqa: E402


@dataclass
class Figures:
    """What one burst measured."""

    chats: int
    answered: int
    replies: int
    refused: int
    refused_late: int
    seconds: list[float]  # per chat: command to reply
    all_answered: float  # the first command to the last reply
    most_in_a_second: int
    wall: float
    cpu: float


def percentile(values: list[float], share: float) -> float:
    """Return the value at a share (0-1) of the sorted values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def burst(database: Path, chats: int, command: str, offline: OfflineTelegram) -> Burst:
    """Start the bot on a fresh database, send the burst, wait for every reply."""
    settings = Settings(token=offline.token, database_path=database)
    app = build_application(settings, offline, workers=1)
    async with running(app):
        return await command_burst(
            app, offline, range(10_000_001, 10_000_001 + chats), [command], within=1.0
        )


def measure(tmp: Path, chats: int, command: str, clock: str) -> Figures:
    """Run one burst on a clock and return its figures."""
    database = tmp / f"{clock}.db"
    wall, cpu = time.perf_counter(), time.process_time()
    if clock == "simulated":
        offline = OfflineTelegram(enforce_limits=True, clock=unix_now)
        result = simulate(burst(database, chats, command, offline))
    else:
        offline = OfflineTelegram(enforce_limits=True)
        result = asyncio.run(burst(database, chats, command, offline))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    calls = result.answers()
    delivered = [c.timestamp for c in calls if c.status == 200]
    answered = result.reply_seconds()
    return Figures(
        chats=chats,
        answered=len(answered),
        replies=len(delivered),
        refused=sum(c.status == 429 for c in calls),
        refused_late=len(result.refused_after(1.0)),
        seconds=list(answered.values()),
        all_answered=max(delivered, default=EPOCH) - EPOCH - min(result.asked.values()),
        most_in_a_second=most_within([t - EPOCH for t in delivered], 1.0),
        wall=wall,
        cpu=cpu,
    )


def report(clock: str, f: Figures) -> None:
    """Print one burst's figures."""
    floor = f.chats / OVERALL_PER_SECOND
    seconds = f.seconds or [0.0]
    print(f"\n{clock} clock")
    print(f"  chats answered        {f.answered} / {f.chats} ({f.replies} messages delivered)")
    print(f"  429 answers           {f.refused} (after the first second: {f.refused_late})")
    print(f"  most in any 1 s       {f.most_in_a_second} messages (limit 30)")
    print(
        f"  command to reply      p50 {statistics.median(seconds):.2f} s, "
        f"p99 {percentile(seconds, 0.99):.2f} s, longest {max(seconds):.2f} s"
    )
    print(
        f"  all answered          {f.all_answered:.2f} s after the first command; floor "
        f"{floor:.1f} s at 30/s ({f.all_answered / floor:.3f} x), {floor * (1 + MARGIN):.1f} s "
        f"at the pacer's 2 % margin"
    )
    print(f"  real time / CPU       {f.wall:.1f} s / {f.cpu:.1f} s")


def main() -> None:
    """Run the burst on each clock asked for and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--command", default="/latest")
    parser.add_argument("--clock", choices=("both", "simulated", "real"), default="both")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as a timedelta
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.2f} at start")
    print(f"chats: {args.chats}, each sending {args.command} once, spread over 1 s")
    clocks = ("simulated", "real") if args.clock == "both" else (args.clock,)
    with tempfile.TemporaryDirectory() as tmp:
        for clock in clocks:
            report(clock, measure(Path(tmp), args.chats, args.command, clock))


if __name__ == "__main__":
    main()
