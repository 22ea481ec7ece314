"""Crash-test helper: broadcast an outbox through a journaling offline Telegram, maybe kill -9.

Usage: python tests/delivery_crash.py DB JOURNAL setup
       python tests/delivery_crash.py DB JOURNAL send [--kill-after N]

The journal gets one JSON line per message Telegram accepted, written with flush and fsync
before the answer goes back to the bot, so it survives the kill that follows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
from datetime import timedelta
from pathlib import Path

from telegram import Bot
from telegram.request import RequestData

from bot.offline import OfflineTelegram
from bot.sender import Sender
from digests import store
from tests.support import T0, OfflineRelay, simulate, unix_now, utc_now

CHATS = range(1, 101)
PARTS = 3
CONCURRENCY = 8


class JournalingRequest(OfflineRelay):
    """Forward to an OfflineTelegram with some latency; journal every accepted message."""

    def __init__(self, offline: OfflineTelegram, journal: Path, kill_after: int | None) -> None:
        super().__init__(offline)
        self.journal = journal.open("a", encoding="utf-8")
        self.kill_after = kill_after
        self.written = 0
        self.random = random.Random(7)

    async def shutdown(self) -> None:
        await super().shutdown()
        self.journal.close()

    async def forward(
        self, url: str, method: str, request_data: RequestData | None
    ) -> tuple[int, bytes]:
        await asyncio.sleep(self.random.uniform(0.0, 0.2))  # on the way to Telegram
        status, body = await super().forward(url, method, request_data)
        if status == 200 and url.endswith("/sendMessage"):
            result = json.loads(body)["result"]
            self.journal.write(json.dumps([result["chat"]["id"], result["text"]]) + "\n")
            self.journal.flush()
            os.fsync(self.journal.fileno())
            self.written += 1
            if self.kill_after is not None and self.written >= self.kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
        await asyncio.sleep(self.random.uniform(0.0, 0.2))  # the answer on its way back
        return status, body


def setup(database: Path) -> None:
    db = store.open_db(database)
    for chat in CHATS:
        sub = store.save_subscription(db, chat, "private", now=T0 - timedelta(days=1))
        parts = [f"Digest for chat {chat}, part {p}" for p in range(1, PARTS + 1)]
        store.enqueue_digest(db, sub, T0, parts, cutoff=T0, now=T0)


async def send(database: Path, journal: Path, kill_after: int | None) -> dict[str, int]:
    db = store.open_db(database)
    released = store.release_in_flight(db)
    offline = OfflineTelegram(clock=unix_now)
    for chat in CHATS:
        offline.add_chat(chat, "private")
    request = JournalingRequest(offline, journal, kill_after)
    bot = Bot(offline.token, request=request, get_updates_request=request)
    await bot.initialize()
    try:
        sender = Sender(bot, db, concurrency=CONCURRENCY, clock=utc_now)
        result = await sender.drain()
    finally:
        await bot.shutdown()
    return {"released": released, "concurrency": CONCURRENCY, "sent": result.sent}


def main() -> None:
    """Run one step of the crash test."""
    parser = argparse.ArgumentParser()
    parser.add_argument("database", type=Path)
    parser.add_argument("journal", type=Path)
    parser.add_argument("step", choices=("setup", "send"))
    parser.add_argument("--kill-after", type=int)
    args = parser.parse_args()
    if args.step == "setup":
        setup(args.database)
        return
    report = simulate(send(args.database, args.journal, args.kill_after))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
