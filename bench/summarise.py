"""Benchmark the summarisers on the BBC pairs: ROUGE F1 at 75 words, latency and throughput.

Run: .venv/bin/python bench/summarise.py          (the table)
     .venv/bin/python bench/summarise.py --fit    (refit the hybrid weights; prints them)

Scoring follows the team's protocol (it reproduces the Lead figures exactly): the headline (line 1)
is passed as the title and left out of the text; each summary is cut to its first 75 words before
scoring, as in DUC's ``-l 75``; ROUGE uses Porter stems; ROUGE-L is the LCS of the whole texts.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import rouge

from digests import summarise as sm

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench-data" / "summaries"
WORDS = 75
FIT_CATEGORIES = ("business", "entertainment")
_MISSING_SPACE = re.compile(r'([.!?"])(?=[A-Z"])')


@dataclass(frozen=True, slots=True)
class Pair:
    """One article with its headline and reference summary."""

    name: str
    title: str
    text: str
    reference: str


def load_pairs(directory: Path = DATA) -> list[Pair]:
    """Read the article/summary pairs, restoring the spaces the references lack after stops."""
    pairs = []
    for path in sorted(directory.glob("*.article.txt")):
        name = path.name.removesuffix(".article.txt")
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        summary = (directory / f"{name}.summary.txt").read_text(encoding="utf-8").strip()
        pairs.append(Pair(name, title.strip(), text.strip(), _MISSING_SPACE.sub(r"\1 ", summary)))
    return pairs


def first_words(text: str, count: int = WORDS) -> str:
    """Cut text to its first count words, as the scoring protocol does."""
    return " ".join(text.split()[:count])


def machine() -> str:
    """Describe the machine: cores, CPU model, Python."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"nproc {os.cpu_count()}, {model}, Python {platform.python_version()}"


def evaluate(pairs: Sequence[Pair], method: str) -> tuple[rouge.Scores, list[float], list[str]]:
    """Summarise every pair with one method; return mean ROUGE, ms per article and outputs."""
    scores, timings, outputs = [], [], []
    for pair in pairs:
        start = time.perf_counter()
        summary = sm.summarise(pair.text, method=method, words=WORDS, title=pair.title)
        timings.append(1000 * (time.perf_counter() - start))
        outputs.append(summary)
        scores.append(rouge.score(first_words(summary), pair.reference))
    return rouge.mean(scores), timings, outputs


def percentile(values: Sequence[float], fraction: float) -> float:
    """Return the value at the given fraction of the sorted values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def table(pairs: Sequence[Pair]) -> None:
    """Print ROUGE and latency for every method, then throughput of summarise_many."""
    print(f"Machine: {machine()}")
    print(f"Data: {len(pairs)} pairs in {DATA}; budget {WORDS} words; default {sm.DEFAULT_METHOD}")
    sm.summarise(pairs[0].text)  # warm caches (stemmer, stop words, sentence model)
    held_out = [p for p in pairs if not p.name.startswith(FIT_CATEGORIES)]
    print()
    print(
        "| method | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 | R-2 F1 (not fitted on) "
        "| words/summary | ms p50 | ms p99 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for method in sorted(sm.METHODS, key=lambda m: (m == sm.DEFAULT_METHOD, m)):
        mean, timings, outputs = evaluate(pairs, method)
        held = rouge.mean(
            [
                rouge.score(first_words(out), p.reference)
                for p, out in zip(pairs, outputs, strict=True)
                if not p.name.startswith(FIT_CATEGORIES)
            ]
        )
        words = statistics.mean(len(o.split()) for o in outputs)
        label = f"{method} (default)" if method == sm.DEFAULT_METHOD else method
        print(
            f"| {label} | {mean.rouge1:.1f} | {mean.rouge2:.1f} | {mean.rougeL:.1f} "
            f"| {held.rouge2:.1f} | {words:.0f} | {percentile(timings, 0.5):.1f} "
            f"| {percentile(timings, 0.99):.1f} |"
        )
    print(f"\n'not fitted on': the {len(held_out)} pairs outside {', '.join(FIT_CATEGORIES)}.")
    items = [(p.name, p.text, p.title) for p in pairs]
    # The first pooled call also starts the fork server and imports sumy/numpy there.
    for workers, label in ((1, "in process"), (2, "cold"), (2, "warm"), (2, "warm")):
        start = time.perf_counter()
        done = sum(1 for _ in sm.summarise_many(items, words=WORDS, workers=workers))
        elapsed = time.perf_counter() - start
        print(
            f"summarise_many(workers={workers}, {label}), {sm.DEFAULT_METHOD}, end to end incl. "
            f"pool start: {done} articles in {elapsed:.2f} s = {done / elapsed:.0f} articles/s"
        )


def _labels(article: sm._Article, reference: str) -> np.ndarray:
    """Mark sentences whose every bigram is in the reference (robust to splitting artefacts)."""
    ref_tokens = rouge.tokens(reference)
    ref_bigrams = set(itertools.pairwise(ref_tokens))
    labels = []
    for text in article.texts:
        tokens = rouge.tokens(text)
        bigrams = set(itertools.pairwise(tokens))
        labels.append(bool(bigrams) and bigrams <= ref_bigrams)
    return np.array(labels, dtype=float)


def fit(pairs: Sequence[Pair]) -> None:
    """Fit the hybrid weights on the fit categories and print them with held-out scores."""
    data = []
    for pair in pairs:
        article = sm._parse(pair.text, pair.title, "english")
        data.append((pair, article, sm._features(article)))
    train = [d for d in data if d[0].name.startswith(FIT_CATEGORIES)]
    held = [d for d in data if not d[0].name.startswith(FIT_CATEGORIES)]
    features = np.vstack([f for _, _, f in train])
    labels = np.concatenate([_labels(a, p.reference) for p, a, _ in train])
    centre, scale = features.mean(axis=0), features.std(axis=0) + 1e-9
    weights = _logistic_regression((features - centre) / scale, labels)

    def quality(w: np.ndarray, subset: Sequence[tuple[Pair, sm._Article, np.ndarray]]) -> float:
        total = 0.0
        for pair, article, feats in subset:
            ranked = np.argsort(-(((feats - centre) / scale) @ w), kind="stable")
            chosen = sm._select((int(i) for i in ranked), article, WORDS, None)
            summary = first_words(" ".join(article.texts[i] for i in chosen))
            s = rouge.score(summary, pair.reference)
            total += s.rouge2 + s.rougeL
        return total / len(subset)

    # Logistic regression predicts membership, not ROUGE at a budget: refine by coordinate ascent
    # on the fit categories only.
    best = quality(weights, train)
    print(f"logistic regression: fit R2+RL {best:.2f}, held out {quality(weights, held):.2f}")
    for _ in range(2):
        for j in range(len(weights)):
            for step in (-0.3, 0.3, -0.1, 0.1):
                candidate = weights.copy()
                candidate[j] += step
                value = quality(candidate, train)
                if value > best + 0.05:
                    best, weights = value, candidate
    print(f"after ascent: fit R2+RL {best:.2f}, held out {quality(weights, held):.2f}")
    folded = weights / scale  # ranking ignores the constant the centring adds
    print("WEIGHTS = np.array([")
    for name, value in zip(sm.FEATURES, folded, strict=True):
        print(f"    {value:.4f},  # {name}")
    print("])")


def _logistic_regression(x: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Fit by gradient descent; return weights without the intercept."""
    design = np.column_stack([x, np.ones(len(x))])
    w = np.zeros(design.shape[1])
    for _ in range(3000):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0]
        w -= 0.5 * gradient
    return w[:-1]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (or the fit) and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the hybrid weights")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(
            f"No benchmark data at {DATA}: lay shared/bench-data beside the repository.",
            file=sys.stderr,
        )
        return 2
    pairs = load_pairs()
    if args.fit:
        fit(pairs)
    else:
        table(pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
