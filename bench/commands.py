"""Benchmark: /latest and /search from 200 chats through the real Application, offline.

A database of 100,000 synthetic articles is built first (see ``build_database``), then 200
chats send commands concurrently through ``Application.process_update`` and the offline
Telegram. Reported: commands per second, p50/p99 latency per command, the same for a bare
offline sendMessage round trip and for /start (no database), and peak memory (max RSS).
Targets: at least 500 commands/s and p99 under 50 ms.

Run: .venv/bin/python bench/commands.py [--articles 100000] [--chats 200] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from telegram import Update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import build_application, running  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.handlers.common import App  # noqa: E402
from bot.offline import OfflineTelegram  # noqa: E402
from digests import allegations, store, summarise  # noqa: E402
from digests.models import ArticleIn  # noqa: E402

SOURCES = 20
PER_STORY = 3
CHUNK = 5_000
WORDS_PER_ARTICLE = 90
VOCABULARY = 20_000
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "su",
    "ta",
    "ri",
    "po",
    "ve",
    "da",
    "gu",
    "ho",
    "zi",
    "fe",
    "ba",
    "no",
    "le",
    "si",
    "ru",
    "mo",
]


def vocabulary(rng: random.Random) -> list[str]:
    """Return distinct pseudo-words; their use follows a Zipf-like law (rank r weighs 1/r)."""
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: (len(w), w))


def build_database(path: Path, articles: int) -> tuple[float, list[str]]:
    """Fill a database through the store: articles, stories of three, summaries.

    Articles go in with ``store.save_articles`` (duplicate checks and full-text index
    included). Stories are made with ``store.new_story`` and ``store.attach_to_story``, three
    consecutive articles each, instead of MinHash clustering, which is not measured here.
    Summaries (the opening words) are written with ``store.save_summaries``, and every
    article is marked as checked for allegations (none found), as after a processing pass.
    Returns the seconds taken and the vocabulary, most frequent word first.
    """
    rng = random.Random(20261128)
    words = vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    started = time.perf_counter()
    db = store.open_db(path)
    sources = [
        store.add_source(db, f"https://news{i}.example.org/rss", title=f"News {i}")
        for i in range(SOURCES)
    ]
    now = store.utcnow()
    span = timedelta(days=28).total_seconds()
    for first in range(0, articles, CHUNK):
        count = min(CHUNK, articles - first)
        drawn = rng.choices(words, weights, k=count * WORDS_PER_ARTICLE)
        for offset, source in enumerate(sources):
            batch = []
            for n in range(offset, count, SOURCES):
                number = first + n
                text = drawn[n * WORDS_PER_ARTICLE : (n + 1) * WORDS_PER_ARTICLE]
                batch.append(
                    ArticleIn(
                        url=f"https://news{offset}.example.org/a/{number}",
                        title=" ".join(text[:8]).capitalize(),
                        text=". ".join(
                            " ".join(text[i : i + 15]).capitalize() for i in range(0, len(text), 15)
                        )
                        + ".",
                        published=now - timedelta(seconds=span * number / articles),
                    )
                )
            store.save_articles(db, source.id, batch, now=now)
    rows = db.query("select id, title, published from articles order by published desc, id")
    summaries: list[tuple[int, str]] = []
    with db.atomic():
        story_id = 0
        for index, row in enumerate(rows):
            published = store.parse_iso(row["published"])
            if index % PER_STORY == 0:
                story_id = store.new_story(db, row["title"], published)
            store.attach_to_story(db, row["id"], story_id, published)
            summaries.append((row["id"], row["title"] + ". A summary of the article."))
    store.save_summaries(db, summarise.DEFAULT_METHOD, summaries)
    with db.atomic():
        for article_id, _ in summaries:
            store.save_allegations(db, article_id, [], allegations.EXTRACTOR_VERSION, now=now)
    db.close()
    return time.perf_counter() - started, words


def percentile(values: list[float], fraction: float) -> float:
    """Return the value below which the fraction of values lies (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def line(name: str, latencies: list[float], seconds: float | None = None) -> str:
    """Return one result row: rate (if timed as a whole), p50 and p99 in milliseconds."""
    rate = f"{len(latencies) / seconds:8.0f}/s" if seconds else " " * 10
    return (
        f"{name:<34} {len(latencies):>6}  {rate}  p50 {1000 * statistics.median(latencies):6.2f} ms"
        f"  p99 {1000 * percentile(latencies, 0.99):6.2f} ms"
    )


async def timed(call: Callable[[], Awaitable[object]], into: list[float]) -> None:
    start = time.perf_counter()
    await call()
    into.append(time.perf_counter() - start)


async def bench(db_path: Path, chats: int, rounds: int, words: list[str]) -> None:
    offline = OfflineTelegram()
    settings = Settings(token=offline.token, database_path=db_path)
    app: App = build_application(settings, offline, workers=1)
    rng = random.Random(7)
    # Mid-frequency words: common enough to page, rare enough to be a real query.
    queries = words[200:2000]
    async with running(app):
        for chat in range(1, chats + 1):
            offline.add_chat(chat, "private")

        async def command(chat: int, text: str, into: list[float]) -> None:
            offline.user_message(text, user_id=chat)
            update = Update.de_json(offline.next_update_dict(), app.bot)
            await timed(lambda: app.process_update(update), into)

        round_trip: list[float] = []
        for chat in range(1, chats + 1):
            await timed(lambda c=chat: app.bot.send_message(c, "<b>ping</b>"), round_trip)  # type: ignore[misc]
        start_only: list[float] = []
        for chat in range(1, chats + 1):
            await command(chat, "/start", start_only)

        latest: list[float] = []
        found: list[float] = []

        async def chat_session(chat: int) -> None:
            for _ in range(rounds):
                await command(chat, "/latest", latest)
                # The offline Telegram never waits on a socket: yield so the chats interleave
                # (and the scheduled jobs get their turn) as they would over the network.
                await asyncio.sleep(0)
                await command(chat, f"/search {rng.choice(queries)}", found)
                await asyncio.sleep(0)

        began = time.perf_counter()
        await asyncio.gather(*(chat_session(c) for c in range(1, chats + 1)))
        elapsed = time.perf_counter() - began
        # A burst: every chat sends one command at the same instant; each waits its turn.
        burst: list[float] = []
        updates = []
        for chat in range(1, chats + 1):
            text = "/latest" if chat % 2 else f"/search {rng.choice(queries)}"
            offline.user_message(text, user_id=chat)
            updates.append(Update.de_json(offline.next_update_dict(), app.bot))
        sent_at = time.perf_counter()

        async def answer(update: Update) -> None:
            await app.process_update(update)
            burst.append(time.perf_counter() - sent_at)

        await asyncio.gather(*(answer(u) for u in updates))

        both = latest + found
        print(f"\n{chats} chats x {rounds} rounds of /latest + /search, concurrently")
        print("(latency: time to handle one command, from its update to the bot's last reply):")
        print(line("all commands", both, elapsed))
        print(line("/latest", latest))
        print(line("/search WORD", found))
        print(f"a burst of {chats} commands sent at once (response time incl. waiting in line):")
        print(line("/latest or /search", burst))
        print("for comparison:")
        print(line("offline sendMessage round trip", round_trip))
        print(line("/start (no database)", start_only))
        print(
            f"messages sent: {len(offline.calls_to('sendMessage'))}, "
            f"failed calls: {sum(c.status != 200 for c in offline.calls)}"
        )
        verdict_rate = len(both) / elapsed >= 500
        verdict_p99 = percentile(both, 0.99) < 0.050
        print(
            f"targets: >= 500 commands/s {'met' if verdict_rate else 'MISSED'}; "
            f"p99 < 50 ms {'met' if verdict_p99 else 'MISSED'}"
        )


def main() -> None:
    """Build the database, run the benchmark, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", type=Path, help="Reuse (or create) this database file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if path.exists():
            words = vocabulary(random.Random(20261128))
            print(f"reusing {path}")
        else:
            seconds, words = build_database(path, args.articles)
            print(f"built {args.articles:,} articles in {seconds:.1f} s ({path})")
        asyncio.run(bench(path, args.chats, args.rounds, words))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
