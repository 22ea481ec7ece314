"""An operator's busiest minute: thousands of digests due at 08:00, through the real Application.

Run: .venv/bin/python bench/busy_minute.py [--private 2000] [--channels 50] [--askers 50]
     [--fail-at S --retry-after S --failures N] [--restart-at S]

The Application of ``bot/app.py`` runs with its JobQueue (one job per subscription, all due
at 08:00 UTC), sender, rate limiter and pacer, against an ``OfflineTelegram`` enforcing the
flood limits (429 beyond 30 messages a second, 1 a second per private chat, 20 a minute per
group or channel), in a ``tests.support.WallClockLoop``. That loop skips idle time, and work
done on the event loop takes none of its time by itself; here composing each 08:00 digest
(``delivery.enqueue_subscription``) moves the clock by the CPU time it really took, so what
the loop is kept from doing meanwhile (replies, sends) shows in the figures.

- ``--askers``: users who send /latest during the minute, one every half second from 08:00:01.
- ``--fail-at``: at that second after 08:00 the next ``--failures`` sends are answered 429
  with ``--retry-after`` (three or more together pause every chat).
- ``--restart-at``: the bot stops cleanly at that second and starts again 5 s later on the
  same database (the outbox resumes).

Reported: digests due and delivered, chats that got none or more than one, 429s, the first
and last digest's second after 08:00 (the limits allow no less than messages / 29.4 s), the
seconds composing took, /latest's reply times, the most messages in any second, the stop's
duration.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import Update

from bot.app import build_application, running
from bot.config import Settings
from bot.offline import OfflineTelegram, too_many_requests
from digests import delivery, store
from digests.models import ArticleIn
from tests.support import simulate_days

SLOT = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
START = SLOT - timedelta(minutes=5)


def seed(path: Path, offline: OfflineTelegram, private: list[int], channels: list[int]) -> None:
    db = store.open_db(path)
    published = SLOT - timedelta(hours=1)
    for n in range(20):
        title = f"Harbour works in town {n} reach their {n}th stage"
        source = store.add_source(db, f"https://s{n}.example/feed", now=published)
        body = f"{title}. Details follow in a long paragraph. " * 5
        saved = store.save_articles(
            db,
            source.id,
            [ArticleIn(f"https://s{n}.example/a{n}", title, body, published)],
            now=published,
        )
        story = store.new_story(db, title, published)
        store.attach_to_story(db, saved.new_ids[0], story, published)
    for chat in private:
        offline.add_chat(chat, "private")
        store.save_subscription(db, chat, "private", now=SLOT - timedelta(days=2), stories=10)
    for chat in channels:
        offline.add_chat(chat, "channel", title=f"Channel {chat}")
        store.save_subscription(db, chat, "channel", now=SLOT - timedelta(days=2), stories=20)
    db.close()


def most_in_a_second(times: list[float]) -> int:
    times = sorted(times)
    return max((bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times)), default=0)


async def run(args: argparse.Namespace, path: Path) -> dict[str, Any]:
    offline = OfflineTelegram(enforce_limits=True, clock=time.time)
    private = list(range(100_001, 100_001 + args.private))
    channels = [-1_000_000_000_000 - n for n in range(1, args.channels + 1)]
    askers = list(range(500_001, 500_001 + args.askers))
    seed(path, offline, private, channels)
    for chat in askers:
        offline.add_chat(chat, "private")
    due = set(private) | set(channels)
    composing: list[float] = []
    compose = delivery.enqueue_subscription

    def costly(*a: Any, **k: Any) -> int:
        began = time.perf_counter()
        written = compose(*a, **k)
        took = time.perf_counter() - began
        if datetime.now(UTC) >= SLOT:  # the 08:00 digests, not the checks at start-up
            asyncio.get_running_loop().advance(took)  # type: ignore[attr-defined]
            composing.append(took)
        return written

    delivery.enqueue_subscription = costly  # type: ignore[assignment]
    settings = Settings(token="123:ABC", database_path=path)
    slot = SLOT.timestamp()
    asked: dict[int, float] = {}
    stop_took = None

    def delivered() -> int:
        return len({m.chat_id for m in offline.sent() if m.chat_id in due})

    async def ask() -> None:
        for n, chat in enumerate(askers):
            await asyncio.sleep(max(0.0, slot + 1.0 + 0.5 * n - time.time()))
            asked[chat] = slot + 1.0 + 0.5 * n
            offline.user_message("/latest", user_id=chat, username=None)
            await app.update_queue.put(Update.de_json(offline.next_update_dict(), app.bot))

    async def fail() -> None:
        await asyncio.sleep(max(0.0, slot + args.fail_at - time.time()))
        offline.fail("sendMessage", error=too_many_requests(args.retry_after), times=args.failures)

    async def until_done() -> None:
        for _ in range(3600):
            if delivered() == len(due) and all(offline.sent(a) for a in askers):
                break
            await asyncio.sleep(1.0)
        await asyncio.sleep(30.0)

    app = build_application(settings, offline, workers=1)
    async with running(app):
        await asyncio.sleep(slot - time.time())
        tasks = [asyncio.create_task(ask())]
        if args.fail_at is not None:
            tasks.append(asyncio.create_task(fail()))
        if args.restart_at is None:
            await until_done()
        else:
            await asyncio.sleep(slot + args.restart_at - time.time())
            stopping = time.time()
    if args.restart_at is not None:
        stop_took = time.time() - stopping
        await asyncio.sleep(5.0)
        app = build_application(settings, offline, workers=1)
        async with running(app):
            await until_done()
    for task in tasks:
        task.cancel()
    calls = offline.calls_to("sendMessage")
    ok = [c for c in calls if c.status == 200]
    per_chat = Counter(c.chat_id for c in ok if c.chat_id in due)
    digests_at = [c.timestamp - slot for c in ok if c.chat_id in due]
    replies = [
        next(c.timestamp for c in ok if c.chat_id == chat) - at
        for chat, at in asked.items()
        if any(c.chat_id == chat for c in ok)
    ]
    return {
        "due": len(due),
        "delivered": len(per_chat),
        "none": len(due) - len(per_chat),
        "twice": sum(1 for n in per_chat.values() if n > 1),
        "statuses": dict(Counter(c.status for c in calls)),
        "first": min(digests_at),
        "last": max(digests_at),
        "floor": (len(ok) - len(replies)) / 30 * 1.02,
        "composing": sum(composing),
        "replies": sorted(replies),
        "asked": len(asked),
        "most_in_a_second": most_in_a_second([c.timestamp for c in ok]),
        "stop": stop_took,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--private", type=int, default=2000)
    parser.add_argument("--channels", type=int, default=50)
    parser.add_argument("--askers", type=int, default=50)
    parser.add_argument("--fail-at", type=float, default=None)
    parser.add_argument("--retry-after", type=int, default=35)
    parser.add_argument("--failures", type=int, default=3)
    parser.add_argument("--restart-at", type=float, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    logging.getLogger("digests.ingest").setLevel(logging.ERROR)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        r = simulate_days(run(args, Path(tmp) / "bot.db"), START)
    replies = r["replies"]
    print(
        f"digests due {r['due']}, delivered {r['delivered']}, none {r['none']}, twice {r['twice']}"
    )
    print(
        f"sendMessage answers {r['statuses']}; most messages in any second {r['most_in_a_second']}"
    )
    print(
        f"first digest +{r['first']:.1f} s, last +{r['last']:.1f} s after 08:00 "
        f"(the limits allow +{r['floor']:.1f} s); composing took {r['composing']:.1f} s"
    )
    if replies:
        print(
            f"/latest answered {len(replies)}/{r['asked']}: median {replies[len(replies) // 2]:.2f} s,"
            f" slowest {replies[-1]:.2f} s"
        )
    if r["stop"] is not None:
        print(f"the stop took {r['stop']:.1f} s")
    print(f"real time {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
