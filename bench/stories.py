"""Measure near-duplicate clustering: syndicated copies merged, distinct stories kept apart.

For each of the 300 BBC articles in ../shared/bench-data/summaries a "syndicated copy" is
made the way outlets re-run wire copy: new headline, last paragraph cut, a sentence
reworded, a boilerplate line added. Reported per similarity threshold: the share of
copies that join their original's story (recall) and the share of pairs of different
articles that would merge (false merges), plus signature cost.

Run: .venv/bin/python bench/stories.py
"""

from __future__ import annotations

import itertools
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from digests import stories

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench-data" / "summaries"


def syndicated_copy(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    words = paragraphs[0].split()
    if len(words) > 6:
        i = rng.randrange(len(words) - 3)
        words[i : i + 2] = ["reportedly", "said"]
    paragraphs[0] = " ".join(words)
    return "\n".join(["Updated headline for syndication", *paragraphs, "Copyright wire service."])


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"bench data not found at {DATA}; nothing to measure")
    rng = random.Random(7)
    texts = [
        p.read_text(encoding="utf-8", errors="replace") for p in sorted(DATA.glob("*.article.txt"))
    ]
    start = time.perf_counter()
    originals = [stories.signature(t) for t in texts]
    per_article_ms = (time.perf_counter() - start) / len(texts) * 1000
    copies = [stories.signature(syndicated_copy(t, rng)) for t in texts]
    same = [stories.similarity(a, b) for a, b in zip(originals, copies, strict=True)]
    pairs = list(itertools.combinations(range(len(texts)), 2))
    different = [stories.similarity(originals[i], originals[j]) for i, j in pairs]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    print(f"machine: {cpu}, {os.cpu_count()} cores, python {platform.python_version()}")
    print(f"{len(texts)} articles, {len(pairs)} pairs of different articles")
    print(
        f"signature: {per_article_ms:.2f} ms/article; copy similarity median {statistics.median(same):.2f}"
    )
    print("| threshold | copies merged | false merges (pairs) |")
    print("|---|---|---|")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        recall = sum(s >= threshold for s in same) / len(same)
        false = sum(d >= threshold for d in different)
        mark = " (used)" if threshold == stories.THRESHOLD else ""
        print(f"| {threshold:.1f}{mark} | {recall:.1%} | {false} of {len(pairs)} |")
    # The same through the LSH index the pipeline uses (candidates by band, then threshold).
    index = stories.StoryIndex()
    for n, sig in enumerate(originals):
        index.add(n, sig, n)
    found = sum(
        (match := index.best_story(sig)) is not None and match[0] == n
        for n, sig in enumerate(copies)
    )
    print(
        f"LSH index ({stories.BANDS} bands x {stories.ROWS} rows): {found / len(copies):.1%} merged"
    )


if __name__ == "__main__":
    main()
