"""Measure story clustering: rewrites across outlets joined, look-alikes kept apart, speed.

1. The labelled set (tests/data/stories/labelled.jsonl, written for this project): each split
   ("tune", "test") is saved into a fresh database outlet by outlet and clustered by
   ``stories.assign_stories`` an hour at a time, as the processing pass does. Reported:
   pairwise precision and recall over pairs of articles of one event (rewrites: pairs of
   different outlets' own write-ups; copies: a re-run and its original), B-cubed precision,
   recall and F1 over every article, and how next-day follow-ups were treated.
2. Speed: a window of ``--filler`` (default 100,000) synthetic articles over 48 hours,
   clustered by the real pass 2,000 at a time; then passes of new articles timed with the
   whole window around them, clustered as the bot's processing pass does it
   (``process.cluster_pending``: batches of ``CLUSTER_BATCH`` with ``CLUSTER_PAUSE`` between
   them): ms per article, wall clock (with the pauses) and CPU.
3. Each split again "in the crowd": in a copy of that database (the split's days overlap
   the filler's 48 hours); a filler article in a labelled article's story counts against
   B-cubed precision.
4. Syndicated copies of the 300 BBC articles in ../shared/bench-data (skipped when absent).

Filler articles are recombined from the BBC texts when present (else from the labelled
set): a headline and six sentences drawn from several articles, with every capitalised
word inside a sentence and every number replaced by invented ones drawn with Zipf-like popularity, so word
frequencies are those of news and names recur as they do across a news day.

With ``--heldout`` step 1 and 3 score tests/data/stories/heldout.jsonl instead: a second set
in the same format, written by hand after the clustering was tuned and scored once held out;
its errors were then worked on, so it is a tuning set now (its README says when).

Run: .venv/bin/python bench/stories.py [--filler 100000] [--keep FILE.db] [--split tune]
     [--heldout | --set FILE] [--speed-only] [--show-joins] (a kept database is reused: filling 100,000 articles takes
     10-30 min)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlite_utils import Database

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.host import machine
from digests import process, store, stories
from digests.models import ArticleIn
from digests.tokenize import split_sentences

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "stories" / "labelled.jsonl"
HELDOUT = ROOT / "tests" / "data" / "stories" / "heldout.jsonl"
BBC = ROOT.parent / "shared" / "bench-data" / "summaries"


# --- data -------------------------------------------------------------------------------


def load_labelled(path: Path = LABELLED) -> list[dict[str, Any]]:
    """Return the labelled articles, each with its ``published`` parsed."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        row["published"] = datetime.fromisoformat(row["published"].replace("Z", "+00:00"))
    return rows


def centred(rows: list[dict[str, Any]], middle: datetime) -> list[dict[str, Any]]:
    """Move a set's times by whole days so its median day is the window's middle day.

    Hours, weekdays' order and every gap between articles stay as written; the sets written
    for March 2026 are not moved at all.
    """
    ordered = sorted(r["published"] for r in rows)
    days = (middle.date() - ordered[len(ordered) // 2].date()).days
    return [{**r, "published": r["published"] + timedelta(days=days)} for r in rows]


def bbc_articles() -> list[tuple[str, str]] | None:
    """Return (title, text) of the BBC articles, or None when the data is absent."""
    if not BBC.is_dir():
        return None
    out = []
    for path in sorted(BBC.glob("*.article.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)
        out.append((lines[0].strip(), lines[1].strip() if len(lines) > 1 else ""))
    return out


_SYLLABLES = [
    "ka",
    "ve",
    "ro",
    "mi",
    "sa",
    "lo",
    "ten",
    "dra",
    "vel",
    "mar",
    "os",
    "bri",
    "na",
    "tor",
    "lin",
    "gar",
    "hol",
    "fen",
    "ast",
    "quin",
    "zu",
    "bel",
    "cor",
    "dan",
    "ish",
    "mon",
    "ra",
    "tel",
    "vos",
    "kir",
    "ul",
    "pem",
    "ard",
    "sil",
    "ny",
    "jo",
    "han",
    "e",
]


def invented_names(count: int, rng: random.Random) -> list[str]:
    """Return distinct invented capitalised words ("Velmaros")."""
    names: set[str] = set()
    while len(names) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        names.add(word.capitalize())
    ordered = sorted(names)
    rng.shuffle(ordered)  # popularity (the index) must not follow the alphabet
    return ordered


_CAPITAL = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+|(?<=[a-z,;:] )[A-Z]{2,}\b")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass
class Filler:
    """Synthetic news articles recombined from real sentences, with invented names."""

    sentences: list[str]
    titles: list[str]
    names: list[str]
    rng: random.Random

    @classmethod
    def from_texts(cls, texts: Sequence[tuple[str, str]], seed: int = 11) -> Filler:
        """Build from (title, text) pairs."""
        rng = random.Random(seed)
        sentences = [
            s for _, text in texts for s in split_sentences(text) if 8 <= len(s.split()) <= 45
        ]
        return cls(sentences, [t for t, _ in texts], invented_names(30_000, rng), rng)

    def _name(self) -> str:
        # Zipf-like: a few names recur across thousands of articles, most in a handful.
        index = int(len(self.names) ** self.rng.random()) - 1
        return self.names[index]

    def _rename(self, text: str, mapping: dict[str, str]) -> str:
        def name(match: re.Match[str]) -> str:
            word = match.group(0)
            if word not in mapping:
                mapping[word] = self._name()
            return mapping[word]

        def number(match: re.Match[str]) -> str:
            return str(self.rng.randint(2, 5000))

        return _DIGITS.sub(number, _CAPITAL.sub(name, text))

    def article(self) -> tuple[str, str]:
        """Return a (title, text) of a headline and six sentences from several articles."""
        mapping: dict[str, str] = {}
        title = self._rename(self.rng.choice(self.titles), mapping)
        # A name of the headline leads, as news does: the title's subject recurs below.
        body = [self._rename(self.rng.choice(self.sentences), mapping) for _ in range(6)]
        return f"{self._name()} {title}", " ".join(body)


# --- clustering through the real pass ----------------------------------------------------


def save(db: Database, rows: Sequence[dict[str, Any]], fetched: datetime) -> dict[int, str]:
    """Save labelled rows (by outlet as sources); return article id -> label id."""
    sources: dict[str, int] = {}
    ids: dict[int, str] = {}
    for row in rows:
        outlet = row["outlet"]
        if outlet not in sources:
            slug = re.sub(r"\W+", "-", outlet.lower())
            found = store.find_source(db, f"https://{slug}.example/feed")
            sources[outlet] = (
                found.id
                if found
                else store.add_source(db, f"https://{slug}.example/feed", title=outlet).id
            )
        item = ArticleIn(
            f"https://{sources[outlet]}.example/{row['id']}",
            row["title"],
            row["text"],
            row["published"],
            language=row.get("language"),
        )
        result = store.save_articles(db, sources[outlet], [item], now=fetched)
        ids[result.new_ids[0]] = row["id"]
    return ids


def story_sizes(db: Database) -> dict[int, int]:
    """Return the number of articles of every story."""
    return {
        int(r["story_id"]): int(r["n"])
        for r in db.query("select story_id, count(*) as n from articles group by story_id")
    }


def cluster_hourly(db: Database, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Save rows hour by hour of publication, clustering after each; return id -> story."""
    by_hour: dict[datetime, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_hour[row["published"].replace(minute=0, second=0)].append(row)
    ids: dict[int, str] = {}
    for hour in sorted(by_hour):
        now = hour + timedelta(hours=1)
        ids.update(save(db, by_hour[hour], now))
        stories.assign_stories(db, now=now)
    story_of = {
        ids[r["id"]]: int(r["story_id"])
        for r in db.query("select id, story_id from articles")
        if r["id"] in ids
    }
    return story_of


# --- metrics -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    """Pairwise and B-cubed figures of one clustering of labelled rows."""

    rewrite_pairs: int
    rewrite_recall: float
    copy_pairs: int
    copy_recall: float
    predicted_pairs: int
    precision: float
    false_pairs: list[tuple[str, str]]
    missed_pairs: list[tuple[str, str]]
    bcubed_p: float
    bcubed_r: float
    followups_joined: int
    followups: int

    @property
    def bcubed_f1(self) -> float:
        """Return the B-cubed F1."""
        p, r = self.bcubed_p, self.bcubed_r
        return 2 * p * r / (p + r) if p + r else 0.0


def is_copy_pair(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Return whether one article re-runs the other, or both re-run the same original."""
    return (
        a.get("copy_of") == b["id"]
        or b.get("copy_of") == a["id"]
        or (a.get("copy_of") is not None and a.get("copy_of") == b.get("copy_of"))
    )


def score(
    rows: Sequence[dict[str, Any]],
    story_of: dict[str, int],
    sizes: dict[int, int] | None = None,
) -> Scores:
    """Score a clustering of labelled rows; ``sizes``: articles per story, filler included.

    Gold: one cluster per ``event``; a follow-up is its own event (see digests/stories.py).
    """
    by_id = {r["id"]: r for r in rows}
    rewrites = copies = rewrite_hits = copy_hits = predicted = true_predicted = 0
    false_pairs: list[tuple[str, str]] = []
    missed: list[tuple[str, str]] = []
    for a, b in combinations(sorted(by_id), 2):
        ra, rb = by_id[a], by_id[b]
        gold = ra["event"] == rb["event"]
        same = story_of[a] == story_of[b]
        if same:
            predicted += 1
            true_predicted += gold
            if not gold:
                false_pairs.append((a, b))
        if not gold:
            continue
        if is_copy_pair(ra, rb):
            copies += 1
            copy_hits += same
        else:
            rewrites += 1
            rewrite_hits += same
        if not same:
            missed.append((a, b))
    clusters: dict[int, list[str]] = defaultdict(list)
    for label, story in story_of.items():
        if label in by_id:
            clusters[story].append(label)
    events: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        events[row["event"]].append(row["id"])
    bp = br = 0.0
    for row in rows:
        mine = clusters[story_of[row["id"]]]
        gold = events[row["event"]]
        right = sum(by_id[m]["event"] == row["event"] for m in mine)
        total = max(len(mine), (sizes or {}).get(story_of[row["id"]], 0))
        bp += right / total
        br += right / len(gold)
    followups = [r for r in rows if r.get("follows")]
    joined = sum(
        any(story_of[o["id"]] == story_of[f["id"]] for o in rows if o["event"] == f["follows"])
        for f in followups
    )
    return Scores(
        rewrites,
        rewrite_hits / rewrites if rewrites else 1.0,
        copies,
        copy_hits / copies if copies else 1.0,
        predicted,
        true_predicted / predicted if predicted else 1.0,
        false_pairs,
        missed,
        bp / len(rows),
        br / len(rows),
        joined,
        len(followups),
    )


def fill(
    db: Database,
    filler: Filler,
    count: int,
    *,
    start: datetime,
    span: timedelta,
    batch: int = 2_000,
    progress: bool = False,
) -> list[tuple[float, float]]:
    """Save and cluster filler articles published over a span; return (wall, CPU) s per batch."""
    source = store.add_source(db, f"https://filler-{start:%Y%m%d%H}.example/feed", title="Filler")
    step = span / count
    timings = []
    for first in range(0, count, batch):
        items = []
        for n in range(first, min(count, first + batch)):
            title, text = filler.article()
            published = start + step * n
            items.append(
                ArticleIn(f"https://filler.example/{start:%Y%m%d%H}/{n}", title, text, published)
            )
        now = items[-1].published or start
        store.save_articles(db, source.id, items, now=now)
        wall, cpu = time.perf_counter(), time.process_time()
        stories.assign_stories(db, now=now)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        timings.append((wall, cpu))
        if progress:
            print(
                f"  filler {first + len(items):,}: {wall / len(items) * 1000:.2f} ms/article"
                f" ({cpu / len(items) * 1000:.2f} ms CPU)",
                file=sys.stderr,
            )
    return timings


def wire_articles(texts: Sequence[tuple[str, str]], start: datetime) -> list[ArticleIn]:
    """Return the BBC originals as one wire outlet publishes them, a second apart."""
    return [
        ArticleIn(f"https://wire.example/{n}", t, x, start + timedelta(seconds=n))
        for n, (t, x) in enumerate(texts)
    ]


def late_articles(
    filler: Filler, middle: datetime, n: int, batch: int, host: str = "late.example"
) -> list[ArticleIn]:
    """Return the ``n``-th batch of new filler articles for a timed pass in the window."""
    return [
        ArticleIn(
            f"https://{host}/{n}/{k}",
            *filler.article(),
            middle + timedelta(seconds=7 * (n * batch + k)),
        )
        for k in range(batch)
    ]


def syndicated_copy(text: str, rng: random.Random) -> str:
    """Return a wire re-run: last paragraph cut, two words reworded, a boilerplate line added."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    words = paragraphs[0].split()
    if len(words) > 6:
        i = rng.randrange(len(words) - 3)
        words[i : i + 2] = ["reportedly", "said"]
    paragraphs[0] = " ".join(words)
    return "\n".join([*paragraphs, "Copyright wire service."])


def bbc_copies(texts: Sequence[tuple[str, str]], *, show_joins: bool = False) -> None:
    """Print how many syndicated copies of the BBC articles join their original's story.

    ``show_joins``: also print the titles of originals (all different articles) that share
    a story, for reading whether each is one event.
    """
    rng = random.Random(7)
    originals = [stories.signature(f"{t}\n{x}") for t, x in texts]
    copies_text = [syndicated_copy(x, rng) for _, x in texts]
    copies = [stories.signature(f"Updated headline for syndication\n{x}") for x in copies_text]
    same = [stories.similarity(a, b) for a, b in zip(originals, copies, strict=True)]
    pairs = list(combinations(range(len(texts)), 2))
    different = [stories.similarity(originals[i], originals[j]) for i, j in pairs]
    print(f"\nBBC syndicated copies ({len(texts)} articles; MinHash Jaccard of each pair):")
    print("| threshold | copies at or above | pairs of different articles at or above |")
    print("|---|---|---|")
    for threshold in (0.3, 0.4, 0.5):
        mark = " (used)" if threshold == stories.COPY_THRESHOLD else ""
        print(
            f"| {threshold:.1f}{mark} | {sum(x >= threshold for x in same) / len(same):.1%} "
            f"| {sum(d >= threshold for d in different)} of {len(pairs):,} |"
        )
    # Through the processing pass: originals from one outlet, copies an hour later.
    db = store.open_db(":memory:")
    start = datetime(2026, 3, 2, 8, tzinfo=UTC)
    wire = store.add_source(db, "https://wire.example/feed", title="Wire")
    paper = store.add_source(db, "https://paper.example/feed", title="Paper")
    store.save_articles(db, wire.id, wire_articles(texts, start), now=start)
    stories.assign_stories(db, now=start + timedelta(minutes=30))
    store.save_articles(
        db,
        paper.id,
        [
            ArticleIn(
                f"https://paper.example/{n}",
                "Updated headline for syndication",
                x,
                start + timedelta(hours=1, seconds=n),
            )
            for n, x in enumerate(copies_text)
        ],
        now=start + timedelta(hours=1),
    )
    stories.assign_stories(db, now=start + timedelta(hours=2))
    story = {r["url"]: r["story_id"] for r in db.query("select url, story_id from articles")}
    # The set holds a few articles twice: the store keeps one copy of identical texts.
    kept = [
        n
        for n in range(len(texts))
        if f"https://wire.example/{n}" in story and f"https://paper.example/{n}" in story
    ]
    joined = sum(
        story[f"https://paper.example/{n}"] == story[f"https://wire.example/{n}"] for n in kept
    )
    originals = {story[u] for u in story if u.startswith("https://wire.example/")}
    wire_count = sum(u.startswith("https://wire.example/") for u in story)
    if show_joins:
        titles = {f"https://wire.example/{n}": t for n, (t, _) in enumerate(texts)}
        groups: dict[int, list[str]] = defaultdict(list)
        for url, story_id in story.items():
            if url in titles:
                groups[story_id].append(titles[url])
        print("Originals sharing a story:")
        for members in groups.values():
            if len(members) > 1:
                print("  " + " / ".join(members))
    print(
        f"Through assign_stories: {joined} of {len(kept)} copies ({joined / len(kept):.1%}) "
        f"joined their original's story ({len(texts) - len(kept)} duplicate texts not stored "
        f"twice); the {wire_count} originals form {len(originals)} stories."
    )


def topic_counts(pairs: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Count pairs by topic: an id's part before its first "-" ("ecb7" of "ecb7-2-1", the
    event "f12" of "f12-a"), the first id's for a pair across two."""
    counts: dict[str, int] = defaultdict(int)
    for a, _b in pairs:
        counts[a.split("-", 1)[0]] += 1
    return dict(counts)


def halves(counts: dict[str, int]) -> dict[str, int]:
    """Sum topic counts by the parity of the number a topic ends in ("ecb7": odd), a split
    of a set's topics fixed before looking: tune on one half, check the change on the other.
    A topic with no number counts as neither."""
    found = {"odd": 0, "even": 0, "neither": 0}
    for topic, n in counts.items():
        digits = re.search(r"(\d+)$", topic)
        found["neither" if digits is None else ("odd", "even")[int(digits[1]) % 2 == 0]] += n
    return found


def by_topic_lines(found: Scores) -> list[str]:
    """The wrong and missed pairs counted by topic and by half (``halves``), one line each."""
    lines = []
    for label, pairs in (("joined wrongly", found.false_pairs), ("missed", found.missed_pairs)):
        counts = topic_counts(pairs)
        shown = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda i: -i[1]))
        half = halves(counts)
        lines.append(
            f"{label} by topic: odd {half['odd']}, even {half['even']}, "
            f"neither {half['neither']} ({shown or 'none'})"
        )
    return lines


def report(
    name: str,
    rows: Sequence[dict[str, Any]],
    found: Scores,
    seconds: float,
    by_topic: bool = False,
) -> None:
    """Print one row of the quality table and the errors under it (or, ``by_topic``, their
    counts by topic and half)."""
    print(
        f"| {name} | {len(rows)} | {found.rewrite_recall:.3f} ({found.rewrite_pairs}) "
        f"| {found.copy_recall:.3f} ({found.copy_pairs}) | {found.precision:.3f} "
        f"({found.predicted_pairs}) | {found.bcubed_p:.3f} / {found.bcubed_r:.3f} / "
        f"{found.bcubed_f1:.3f} | {found.followups_joined} of {found.followups} "
        f"| {seconds / len(rows) * 1000:.1f} |"
    )
    if by_topic:
        for line in by_topic_lines(found):
            print(f"|   {line} | | | | | | | |")
        return
    kind = {r["id"]: r["kind"] for r in rows}
    for a, b in found.false_pairs:
        print(f"|   joined wrongly: {a} + {b} ({kind[a]} + {kind[b]}) | | | | | | | |")
    for a, b in found.missed_pairs:
        print(f"|   missed: {a} + {b} ({kind[a]} + {kind[b]}) | | | | | | | |")


TABLE = (
    "| run | articles | rewrite pairs recall | copy pairs recall | pairwise precision "
    "| B-cubed P / R / F1 | follow-ups joined | ms/article |\n|---|---|---|---|---|---|---|---|"
)


def quality(
    rows: Sequence[dict[str, Any]],
    splits: Sequence[str],
    crowd: Path | None,
    by_topic: bool = False,
) -> None:
    """Cluster each split alone, and in a copy of the crowded database; print the scores."""
    print(TABLE)
    for split in splits:
        part = [r for r in rows if r["split"] == split]
        db = store.open_db(":memory:")
        began = time.perf_counter()
        found = cluster_hourly(db, part)
        report(f"{split}, alone", part, score(part, found), time.perf_counter() - began, by_topic)
        if crowd is None:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "crowd.db"
            shutil.copyfile(crowd, path)
            db = store.open_db(path)
            began = time.perf_counter()
            found = cluster_hourly(db, part)
            seconds = time.perf_counter() - began
            report(
                f"{split}, in the crowd",
                part,
                score(part, found, story_sizes(db)),
                seconds,
                by_topic,
            )
            db.close()


def build_crowd(path: Path, filler: Filler, count: int, start: datetime) -> None:
    """Fill a database with filler over 48 hours through the real pass; print the timings."""
    db = store.open_db(path)
    print(f"\nFilling the window: {count:,} articles over 48 h, clustered 2,000 at a time")
    timings = fill(db, filler, count, start=start, span=stories.WINDOW, progress=True)
    marks = sorted({min(len(timings), max(1, round(len(timings) * f))) for f in (0.1, 0.5, 1)})
    print("| articles in the window | ms/article (wall) | ms/article (CPU) |\n|---|---|---|")
    for mark in marks:
        wall, cpu = timings[mark - 1]
        print(f"| {mark * 2_000:,} | {wall / 2:.2f} | {cpu / 2:.2f} |")
    db.close()


def speed(crowd: Path, filler: Filler, middle: datetime, rounds: int, batch: int) -> None:
    """Time passes of new articles with the whole filler window around them."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speed.db"
        shutil.copyfile(crowd, path)
        begun = time.perf_counter()
        db = store.open_db(path)  # a window kept from older code is migrated here
        # A window indexed by older rules (INDEX_VERSION) is indexed again first, as the
        # bot's first pass after an upgrade does; it is not what a pass costs, so untimed.
        remade = stories.rebuild_index(db, now=middle + timedelta(hours=1))
        if remade:
            print(
                f"\nwindow brought up to date first: {remade:,} articles indexed again in"
                f" {time.perf_counter() - begun:.0f} s (not timed below)"
            )
        source = store.add_source(db, "https://late.example/feed", title="Late")
        walls: list[float] = []
        cpus: list[float] = []
        for n in range(rounds):
            items = late_articles(filler, middle, n, batch)
            if len(store.save_articles(db, source.id, items, now=middle).new_ids) != batch:
                sys.exit("timed articles were not all new: nothing to measure")
            wall, cpu = time.perf_counter(), time.process_time()
            # The bot's path: the processing pass clusters CLUSTER_BATCH at a time, pausing
            # CLUSTER_PAUSE between batches (wall time includes the pauses; CPU does not).
            asyncio.run(process.cluster_pending(db, now=middle + timedelta(hours=1)))
            walls.append((time.perf_counter() - wall) / batch * 1000)
            cpus.append((time.process_time() - cpu) / batch * 1000)
        window = db.execute("select count(*) from story_terms").fetchone()[0]
        print(
            f"\nPasses of {batch} new articles with {window:,} indexed articles around them "
            f"({rounds} rounds): {statistics.median(walls):.2f} ms/article wall "
            f"(range {min(walls):.2f}-{max(walls):.2f}), {statistics.median(cpus):.2f} ms CPU "
            f"({min(cpus):.2f}-{max(cpus):.2f})"
        )
        db.close()


def main() -> None:
    """Run the measurements the options ask for."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filler", type=int, default=100_000, help="articles in the window")
    parser.add_argument("--keep", type=Path, help="filled database to reuse (made if missing)")
    parser.add_argument("--split", action="append", help="tune, test (default both)")
    parser.add_argument(
        "--heldout", action="store_true", help=f"score {HELDOUT.relative_to(ROOT)} (tuned on since)"
    )
    parser.add_argument(
        "--set",
        type=Path,
        help="score this labelled file instead (e.g. tests/data/stories/heldout2.jsonl); its "
        "times are moved by whole days so its middle day is the window's",
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed passes at full window")
    parser.add_argument("--batch", type=int, default=500, help="new articles per timed pass")
    parser.add_argument("--skip-crowd", action="store_true", help="labelled set alone only")
    parser.add_argument("--speed-only", action="store_true", help="only the timed passes")
    parser.add_argument(
        "--show-joins", action="store_true", help="print the BBC originals that share a story"
    )
    parser.add_argument(
        "--by-topic",
        action="store_true",
        help="count wrong and missed pairs by topic and by odd/even topic number instead of "
        "listing them",
    )
    args = parser.parse_args()
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} at start")
    labelled = (args.set or (HELDOUT if args.heldout else LABELLED)).resolve()
    rows = load_labelled(labelled)
    splits = args.split or sorted({r["split"] for r in rows}, reverse=True)
    bbc = bbc_articles()
    source = "BBC texts" if bbc else "the labelled set (BBC data absent)"
    filler = Filler.from_texts(bbc or [(r["title"], r["text"]) for r in load_labelled()])
    # The window's middle is the labelled set's busiest day; filler spans 24 h either side.
    middle = datetime(2026, 3, 3, 12, tzinfo=UTC)
    rows = centred(rows, middle)
    crowd: Path | None = None
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_crowd:
            crowd = args.keep or Path(tmp) / "crowd.db"
            if not crowd.exists():
                print(f"filler recombined from {source}")
                build_crowd(crowd, filler, args.filler, middle - stories.WINDOW / 2)
        if not args.speed_only:
            shown = labelled.relative_to(ROOT) if labelled.is_relative_to(ROOT) else labelled
            print(f"\nLabelled set ({shown}), clustered an hour at a time:")
            quality(rows, splits, crowd, args.by_topic)
        if crowd is not None:
            # Other articles than the window's (a reused database was filled from seed 11).
            speed(crowd, replace(filler, rng=random.Random(12)), middle, args.rounds, args.batch)
    if args.speed_only:
        return
    if bbc:
        bbc_copies(bbc, show_joins=args.show_joins)
    else:
        print("\nBBC data not found at", BBC, "- syndicated-copy check skipped")


if __name__ == "__main__":
    main()
