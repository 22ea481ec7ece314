"""Benchmark: /latest and /search from 200 chats through the real Application, offline.

A database of 100,000 synthetic articles is built first (see ``build_database``), then 200
chats send commands concurrently through ``Application.process_update`` and the offline
Telegram. Reported: commands per second, p50/p99 latency per command, the same for a bare
offline sendMessage round trip and for /start (no database; once alone, once under the same
concurrent load: PTB's and the emulation's own ceiling), and peak memory (max RSS).
Targets: at least 500 commands/s and p99 under 50 ms.

The 200 chats sending back to back keep the bot saturated: that phase gives the throughput, and
its latencies are mostly the wait behind the other chats' commands (about chats / throughput,
Little's law: every reply yields to the event loop at least once, as over a network). Latency as
users see it is measured apart, open loop: commands arrive at random (Poisson) moments at a set
rate (``--rate``, commands per second, below the throughput) from random chats, half /latest and
half /search, and each is timed from its arrival to the bot's last reply.

This measures the bot's own speed, not Telegram's limits (30 messages a second: see
``bench/burst.py``): the application's replies go through its rate limiter and Pacer as in
a real run, but the pacer's waits take no time (``tests.support.instant_pacer``).

The database is built in a child process (its memory is not the bot's) and kept in the
temporary directory (``newsbot-bench/``), keyed by the article count, the building code and
the day (article dates are relative to the build); each run works on a copy of it, and
``--fresh`` builds a new one for this run only. Files from earlier days are removed.

Run: .venv/bin/python bench/commands.py [--articles 100000] [--chats 200] [--rounds 5]
     [--rate 100] [--fresh | --db FILE] [--profile FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import hashlib
import inspect
import multiprocessing
import os
import pstats
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path

from telegram import Update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import build_application, running  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.offline import OfflineTelegram  # noqa: E402
from bot.state import App  # noqa: E402
from digests import allegations, store, stories, summarise  # noqa: E402
from digests.models import ArticleIn  # noqa: E402
from tests.support import instant_pacer  # noqa: E402

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
    article is marked as checked for allegations (none found), as after a processing pass;
    the search index is merged as the bot's processing passes do (``tidy_search_index``), and
    the story matcher's index of the last 48 hours is made (``stories.rebuild_index``), as
    the bot's passes keep it: without it the bot would spend the run making it.
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
    # The bot merges the search index a step after each processing pass; over the month these
    # articles span, those steps would have merged it as far as this loop does.
    while store.tidy_search_index(db):
        pass
    stories.rebuild_index(db, now=now)
    db.close()
    return time.perf_counter() - started, words


def build_apart(path: Path, articles: int) -> None:
    """Build the database in a child process, so that peak memory is the benchmark's own."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        seconds, _ = pool.submit(build_database, path, articles).result()
    print(f"built {articles:,} articles in {seconds:.1f} s ({path})")


def cached_database(articles: int) -> Path:
    """Return the kept database for these parameters, building it first when there is none."""
    key = hashlib.blake2b(digest_size=8)
    for part in (
        str(articles),
        repr((SOURCES, PER_STORY, CHUNK, WORDS_PER_ARTICLE, VOCABULARY, _SYLLABLES)),
        inspect.getsource(vocabulary),
        inspect.getsource(build_database),
        store.utcnow().date().isoformat(),
    ):
        key.update(part.encode())
    folder = Path(tempfile.gettempdir()) / "newsbot-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"commands-{articles}-{key.hexdigest()}.db"
    if path.exists():
        print(f"reusing the database built earlier today ({path})")
        return path
    for old in folder.glob("commands-*.db"):
        if time.time() - old.stat().st_mtime > 86_400:
            old.unlink(missing_ok=True)  # from an earlier day: never reused
    # Built under a name of its own, then renamed: a half-built file is never reused.
    building = folder / f".{path.name}.{os.getpid()}"
    build_apart(building, articles)
    building.rename(path)
    return path


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


async def bench(
    db_path: Path,
    chats: int,
    rounds: int,
    words: list[str],
    profile: cProfile.Profile | None = None,
    rate: float = 100.0,
) -> None:
    offline = OfflineTelegram()
    settings = Settings(token=offline.token, database_path=db_path)
    # The limiter's bookkeeping is measured; its waits for Telegram's limits are not.
    app: App = build_application(settings, offline, workers=1, pacer=instant_pacer())
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

        if profile is not None:
            profile.enable()
        began = time.perf_counter()
        await asyncio.gather(*(chat_session(c) for c in range(1, chats + 1)))
        elapsed = time.perf_counter() - began
        if profile is not None:
            profile.disable()
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

        # Open loop: commands arrive at `rate` a second (Poisson) from random chats, each timed
        # from its arrival to the bot's last reply, whatever else is under way then.
        arrivals = random.Random(11)
        at_rate: list[float] = []

        async def arrive(update: Update, arrived: float) -> None:
            await app.process_update(update)
            at_rate.append(time.perf_counter() - arrived)

        pending = []
        for n in range(chats * rounds):
            chat = arrivals.randrange(1, chats + 1)
            text = "/latest" if n % 2 else f"/search {arrivals.choice(queries)}"
            offline.user_message(text, user_id=chat)
            update = Update.de_json(offline.next_update_dict(), app.bot)
            pending.append(asyncio.create_task(arrive(update, time.perf_counter())))
            await asyncio.sleep(arrivals.expovariate(rate))
        await asyncio.gather(*pending)

        # PTB's own cost per update: the same load of commands, all /start (no database work).
        bare: list[float] = []

        async def start_session(chat: int) -> None:
            for _ in range(2 * rounds):
                await command(chat, "/start", bare)
                await asyncio.sleep(0)

        began = time.perf_counter()
        await asyncio.gather(*(start_session(c) for c in range(1, chats + 1)))
        bare_elapsed = time.perf_counter() - began

        both = latest + found
        print(f"\n{chats} chats x {rounds} rounds of /latest + /search, concurrently")
        print("(latency: time to handle one command, from its update to the bot's last reply):")
        print(line("all commands", both, elapsed))
        print(line("/latest", latest))
        print(line("/search WORD", found))
        print(f"a burst of {chats} commands sent at once (response time incl. waiting in line):")
        print(line("/latest or /search", burst))
        print(f"open loop: commands arriving at random at {rate:g}/s (arrival to last reply):")
        print(line("/latest or /search", at_rate))
        print("for comparison:")
        print(line("offline sendMessage round trip", round_trip))
        print(line("/start (no database)", start_only))
        print(line("/start, as many and as concurrent", bare, bare_elapsed))
        print(
            f"messages sent: {len(offline.calls_to('sendMessage'))}, "
            f"failed calls: {sum(c.status != 200 for c in offline.calls)}"
        )
        verdict_rate = len(both) / elapsed >= 500
        verdict_p99 = percentile(at_rate, 0.99) < 0.050
        print(
            f"targets: >= 500 commands/s {'met' if verdict_rate else 'MISSED'}; "
            f"p99 < 50 ms at {rate:g}/s {'met' if verdict_p99 else 'MISSED'}"
        )


def main() -> None:
    """Build (or reuse) the database, run the benchmark, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--rate",
        type=float,
        default=100.0,
        help="Commands a second in the open-loop phase (below the throughput).",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help="Reuse (or create) this database file.")
    where.add_argument(
        "--fresh", action="store_true", help="Build a new database for this run only."
    )
    parser.add_argument(
        "--profile",
        type=Path,
        help="Profile the concurrent phase (cProfile); write the stats here, print the top.",
    )
    args = parser.parse_args()
    profile = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory() as tmp:
        if args.db is not None:
            path = args.db
            if path.exists():
                print(f"reusing {path}")
            else:
                build_apart(path, args.articles)
        elif args.fresh:
            path = Path(tmp) / "bench.db"
            build_apart(path, args.articles)
        else:
            # A copy: the run opens the database with the bot (migrations, jobs), not the kept file.
            path = Path(tmp) / "bench.db"
            shutil.copyfile(cached_database(args.articles), path)
        words = vocabulary(random.Random(20261128))
        asyncio.run(bench(path, args.chats, args.rounds, words, profile, args.rate))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    if profile is not None:
        profile.dump_stats(args.profile)
        print(f"\nprofile of the concurrent phase (figures above are slowed by it): {args.profile}")
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
