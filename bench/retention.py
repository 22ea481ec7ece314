"""Benchmark: a database grown for 400 simulated days at 3,000 articles a day, pruned daily.

Every simulated day goes as the bot's would, through the functions the bot calls:

- 3,000 synthetic articles from 20 sources are saved with ``store.save_articles`` (ingest's
  insert path: duplicate checks, the full-text index), 500 at a time. Texts are sentences of
  pseudo-words drawn from a 30,000-word Zipf vocabulary, 120-2,500 words long (log-normal,
  median about 500 words, ~3.5 KB: news-article lengths);
- they form stories of 1-4 articles, and one story in 20 gets a follow-up article 1-3 days
  later (``store.new_story``, ``store.attach_to_story``: clustering itself is measured by
  bench/stories.py), so that at the retention boundary some stories mix old and young
  articles; each article gets a ~75-word summary (``store.save_summaries``), is marked as
  read for allegations, and one in 20 gets a ledger item (``store.save_allegations``);
- 200 subscribers each get a two-part digest of 5 stories, written to the outbox and marked
  sent (``store.enqueue_digest``, ``store.mark_sent``);
- the search index is merged ``MERGES_PER_DAY`` (6) bounded steps a day
  (``tidy_search_index``, as the processing pass does after each run; the bot runs up to 288
  a day). Merged to the end, the index is rewritten whole each day once deletes begin (about
  25 s a day at 270,000 articles): that is done only before each size is taken, so sizes
  compare what the bot's passes would have made of the index by then;
- then ``retention.prune`` runs as the bot's daily job does (90 days, the ledger for ever,
  finished outbox rows after 14 days). On every fifth day once articles go, ``read.latest``
  (what /latest calls) is asked meanwhile at random moments 0-50 ms apart: a call's latency
  runs from the moment it was due to its end, so it includes the wait for the prune step in
  progress (reported apart as "the wait").

Reported: the database size (pages in use, and the file after a checkpoint) at day 90, every
50 days after and at the end, and the ratio of the last to day 90 (target: within 10 %);
/latest p50/p99/max while pruning (target p99 < 50 ms), the part of it spent waiting for a
prune step, and /latest when idle; each kind of prune step's time; wall time. About an hour
for the 400 days on 2 vCPUs (1.2 million articles go through the insert path).

Run: .venv/bin/python bench/retention.py [--days 400] [--per-day 3000] [--keep 90]
     [--quick] [--db FILE]
``--quick`` is 120 days at 600 articles a day with 30 days kept (about a minute).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlite_utils import Database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digests import allegations, read, retention, store, summarise  # noqa: E402
from digests.models import Allegation, ArticleIn, PruneCounts, Subscription  # noqa: E402

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SOURCES = 20
BATCH = 500
SUBSCRIBERS = 200
MERGES_PER_DAY = 6
VOCABULARY = 30_000
SENTENCES = 20_000  # the pool article texts are drawn from
_LETTERS = "kalominesutaripovedaguhozifebanolesirumoarenisot"
_SYLLABLES = [_LETTERS[i : i + 2] for i in range(0, len(_LETTERS), 2)]


class Text:
    """Synthetic article text: sentences of Zipf-distributed pseudo-words."""

    def __init__(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        words: set[str] = set()
        while len(words) < VOCABULARY:
            size = int(rng.integers(2, 5))
            words.add("".join(_SYLLABLES[i] for i in rng.integers(0, len(_SYLLABLES), size)))
        self.words = np.array(sorted(words, key=lambda w: (len(w), w)))
        weights = 1 / np.arange(1, VOCABULARY + 1)
        self.p = weights / weights.sum()
        lengths = rng.integers(8, 30, SENTENCES)
        drawn = rng.choice(VOCABULARY, size=int(lengths.sum()), p=self.p)
        self.sentences: list[str] = []
        start = 0
        for length in lengths:
            chunk = self.words[drawn[start : start + length]]
            start += length
            self.sentences.append(" ".join(chunk).capitalize() + ".")
        self.sentence_words = lengths
        self.rng = rng

    def article(self, number: int) -> tuple[str, str, str]:
        """Return a title, a text and a summary for article ``number``."""
        words = int(np.clip(self.rng.lognormal(np.log(500), 0.55), 120, 2500))
        count = max(1, int(words / 18.5))
        picked = self.rng.integers(0, SENTENCES, count)
        body = [self.sentences[i] for i in picked]
        title = self.sentences[picked[0]].rstrip(".")[:90]
        text = f"Report {number} opens here. " + " ".join(body)
        summary = " ".join(body[:4])[:520]
        return title, text, summary


@dataclass
class Figures:
    """What the run measured."""

    sizes: dict[int, tuple[int, int]] = field(default_factory=dict)  # day -> (pages, file)
    busy: list[float] = field(default_factory=list)  # /latest while pruning, seconds
    waits: list[float] = field(default_factory=list)  # of which waiting for a prune step
    idle: list[float] = field(default_factory=list)  # /latest after pruning, seconds
    steps: dict[str, list[float]] = field(default_factory=dict)  # prune steps by kind
    pruned: PruneCounts = field(default_factory=PruneCounts)
    grow_seconds: float = 0.0
    prune_seconds: float = 0.0
    merge_seconds: float = 0.0  # the whole merges before sizes are taken


class World:
    """The growing database and what a day adds to it."""

    def __init__(self, path: Path, per_day: int, seed: int) -> None:
        self.path = path
        self.per_day = per_day
        self.rng = random.Random(seed)
        self.text = Text(seed)
        self.db = store.open_db(path)
        self.sources = [
            store.add_source(self.db, f"https://news{i}.example.org/rss", title=f"News {i}", now=T0)
            for i in range(SOURCES)
        ]
        self.subscribers: list[Subscription] = [
            store.save_subscription(self.db, 1_000 + n, "private", now=T0)
            for n in range(SUBSCRIBERS)
        ]
        self.number = 0
        self.followups: dict[int, list[int]] = {}  # day -> stories that get an article then

    def grow(self, day: int) -> None:
        """Add one day of articles, stories, summaries, ledger items and digests."""
        db, rng = self.db, self.rng
        start = T0 + timedelta(days=day)
        fetched = start + timedelta(days=1)
        articles: list[tuple[int, datetime]] = []
        summaries: list[tuple[int, str]] = []
        for first in range(0, self.per_day, BATCH):
            size = min(BATCH, self.per_day - first)
            source = self.sources[(first // BATCH) % SOURCES]
            items, texts = [], []
            for _ in range(size):
                self.number += 1
                title, text, summary = self.text.article(self.number)
                published = start + timedelta(seconds=rng.uniform(0, 86_399))
                items.append(
                    ArticleIn(
                        url=f"https://news.example.org/{self.number}",
                        title=title,
                        text=text,
                        published=published,
                        language="en",
                    )
                )
                texts.append(summary)
            saved = store.save_articles(db, source.id, items, now=fetched)
            assert len(saved.new_ids) == size, saved
            articles += [
                (i, item.published or fetched) for i, item in zip(saved.new_ids, items, strict=True)
            ]
            summaries += list(zip(saved.new_ids, texts, strict=True))
        store.save_summaries(db, summarise.DEFAULT_METHOD, summaries, now=fetched)
        story_ids = self.stories(day, articles)
        with db.atomic():
            for n, (article_id, _) in enumerate(articles):
                found = [self.allegation(article_id)] if n % 20 == 0 else []
                store.save_allegations(
                    db, article_id, found, allegations.EXTRACTOR_VERSION, now=fetched
                )
        self.digests(start + timedelta(hours=8), story_ids)
        for _ in range(MERGES_PER_DAY):  # the day's processing passes merge a step each
            if not store.tidy_search_index(db):
                break

    def stories(self, day: int, articles: list[tuple[int, datetime]]) -> list[int]:
        """Group the day's articles into stories; some join an earlier day's story."""
        db, rng = self.db, self.rng
        made: list[int] = []
        queue = sorted(articles, key=lambda a: a[1])
        for story_id in self.followups.pop(day, []):
            article_id, published = queue.pop(rng.randrange(len(queue)))
            store.attach_to_story(db, article_id, story_id, published)
        with db.atomic():
            while queue:
                size = min(len(queue), rng.choices((1, 2, 3, 4), (55, 25, 12, 8))[0])
                members, queue = queue[:size], queue[size:]
                story_id = store.new_story(db, f"Story {members[0][0]}", members[0][1])
                for article_id, published in members:
                    store.attach_to_story(db, article_id, story_id, published)
                made.append(story_id)
                if rng.random() < 0.05:
                    self.followups.setdefault(day + rng.randint(1, 3), []).append(story_id)
        return made

    def allegation(self, article_id: int) -> Allegation:
        title, _, _ = self.text.article(article_id)
        target = f"Company {article_id % 700}"
        return Allegation(
            sentence=f"Regulators accused {target} of {title.lower()}.",
            accuser="Regulators",
            target=target,
            claim=title.lower(),
            kind="accusation",
            salience=0.5,
        )

    def digests(self, slot: datetime, story_ids: list[int]) -> None:
        """Write each subscriber's two-part digest of five stories and mark it sent."""
        db, rng = self.db, self.rng
        part = "<b>Story</b> a summary of about seventy-five words. " * 30
        for sub in self.subscribers:
            chosen = rng.sample(story_ids, min(5, len(story_ids)))
            store.enqueue_digest(
                db, sub, slot, [part, part], cutoff=slot, story_ids=chosen, now=slot
            )
        sent = slot + timedelta(minutes=10)
        for (outbox_id,) in db.execute("select id from outbox where status = 'pending'").fetchall():
            store.mark_sent(db, outbox_id, outbox_id, now=sent)


async def prune_day(
    world: World, policy: retention.Policy, now: datetime, figures: Figures, measure: bool
) -> PruneCounts:
    """Prune as the daily job does while /latest is asked at random moments."""
    loop = asyncio.get_running_loop()
    rng = random.Random(now.toordinal())

    def on_step(kind: str, seconds: float) -> None:
        figures.steps.setdefault(kind, []).append(seconds)

    task = asyncio.create_task(retention.prune(world.db, policy, now=now, on_step=on_step))
    while measure and not task.done():
        due = loop.time() + rng.uniform(0.0, 0.05)
        ready = loop.create_future()
        loop.call_at(due, ready.set_result, None)
        await ready
        if task.done():
            break
        began = loop.time()
        read.latest(world.db, now=now)
        figures.busy.append(loop.time() - due)
        figures.waits.append(began - due)
    counts = await task
    for _ in range(5):
        started = time.perf_counter()
        read.latest(world.db, now=now)
        figures.idle.append(time.perf_counter() - started)
    return counts


def run(path: Path, days: int, per_day: int, keep: int, seed: int) -> Figures:
    """Grow and prune the database day after day; return the figures."""
    figures = Figures()
    world = World(path, per_day, seed)
    policy = retention.Policy(articles_days=keep)
    for day in range(days):
        started = time.perf_counter()
        world.grow(day)
        grown = time.perf_counter()
        now = T0 + timedelta(days=day + 1)
        # /latest is timed during every fifth prune once articles go (the calls slow it).
        measure = day >= keep and (day - keep) % 5 == 0
        counts = asyncio.run(prune_day(world, policy, now, figures, measure=measure))
        figures.pruned += counts
        figures.grow_seconds += grown - started
        figures.prune_seconds += time.perf_counter() - grown
        taken = day + 1 == keep or day + 1 == days or (day + 1 > keep and (day + 1) % 50 == 0)
        if taken:
            merging = time.perf_counter()
            while store.tidy_search_index(world.db):  # as the bot's passes would have by now
                pass
            while store.free_pages(world.db, 4096):  # the pages the merge left, as prune would
                pass
            figures.merge_seconds += time.perf_counter() - merging
            figures.sizes[day + 1] = measure_size(world.db, path)
        if taken or (day + 1) % 10 == 0:
            pages, size = measure_size(world.db, path)
            print(
                f"day {day + 1:>4}: {pages / 1e6:8.1f} MB in pages, file {size / 1e6:8.1f} MB"
                f"{' (index merged)' if taken else ''},"
                f" {store.count(world.db, 'articles'):>9,} articles;"
                f" {time.perf_counter() - started:5.1f} s this day",
                flush=True,
            )
    world.db.close()
    return figures


def file_size(path: Path) -> int:
    """Return the size of the database file and its write-ahead log."""
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def measure_size(db: Database, path: Path) -> tuple[int, int]:
    """Return the pages' size and the file's, after a checkpoint folds the log in."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return store.database_bytes(db), file_size(path)


def percentile(values: list[float], fraction: float) -> float:
    """Return the value below which the fraction of values lies (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def ms(values: list[float]) -> str:
    if not values:
        return "no samples"
    return (
        f"{len(values):>7,} calls  p50 {1000 * statistics.median(values):6.2f} ms"
        f"  p99 {1000 * percentile(values, 0.99):6.2f} ms  max {1000 * max(values):7.2f} ms"
    )


def report(figures: Figures, days: int, per_day: int, keep: int) -> None:
    at_keep = figures.sizes.get(keep)
    last = figures.sizes[days]
    print()
    print(f"{days} days x {per_day:,} articles/day, {keep} days kept")
    print("size after a whole merge of the search index, pages in use / file after checkpoint:")
    for day, (pages, size) in sorted(figures.sizes.items()):
        print(f"  day {day:>4}: {pages / 1e6:9,.1f} MB / {size / 1e6:9,.1f} MB")
    if at_keep is not None:
        print(
            f"day {days} / day {keep}: x{last[0] / at_keep[0]:.3f} in pages,"
            f" x{last[1] / at_keep[1]:.3f} in the file (target <= 1.10)"
        )
    print(f"/latest while pruning: {ms(figures.busy)}  (target p99 < 50 ms)")
    print(f"  of which the wait:   {ms(figures.waits)}")
    print(f"/latest otherwise:     {ms(figures.idle)}")
    for kind, took in sorted(figures.steps.items()):
        print(
            f"prune step {kind:<8} {len(took):>7,} steps  p50 {1000 * statistics.median(took):6.2f} ms"
            f"  max {1000 * max(took):7.2f} ms"
        )
    pruned = figures.pruned
    print(
        f"pruned in all: {pruned.articles:,} articles, {pruned.emptied:,} emptied,"
        f" {pruned.stories:,} stories, {pruned.records:,} records, {pruned.outbox:,} outbox rows,"
        f" {pruned.bytes_freed / 1e6:,.1f} MB given back"
    )
    total = figures.grow_seconds + figures.prune_seconds + figures.merge_seconds
    print(
        f"wall time: growing {figures.grow_seconds:,.0f} s, pruning (with the /latest calls)"
        f" {figures.prune_seconds:,.0f} s, whole merges before sizes {figures.merge_seconds:,.0f} s;"
        f" {total:,.0f} s in all"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=400)
    parser.add_argument("--per-day", type=int, default=3000)
    parser.add_argument("--keep", type=int, default=retention.RETENTION_DAYS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="120 days x 600 articles, 30 kept")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    args = parser.parse_args()
    if args.quick:
        args.days, args.per_day, args.keep = 120, 600, 30
    if args.days <= args.keep:
        parser.error("--days must be more than --keep")
    if args.db is not None and args.db.exists():
        parser.error(f"--db {args.db}: the file exists; the run grows a database of its own")
    with tempfile.TemporaryDirectory(prefix="newsbot-retention-") as folder:
        path = args.db or Path(folder) / "grown.db"
        figures = run(path, args.days, args.per_day, args.keep, args.seed)
        report(figures, args.days, args.per_day, args.keep)


if __name__ == "__main__":
    main()
