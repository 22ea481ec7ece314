"""Benchmark the summarisers on the BBC pairs through the product path: ROUGE F1 at 75 words, speed.

Run: .venv/bin/python bench/summarise.py          (the tables, and the CLI check)
     .venv/bin/python bench/summarise.py --fit    (refit the hybrid weights; prints them)

The product path: each article file is read whole, as stored (headline line, blank line, body),
and summarised by ``summarise_document``, the function ``newsbot summarise FILES`` calls; it takes
the headline apart as the title. Once per run the real command,
``newsbot summarise FILES --words 75 --format jsonl``, summarises all the files in a subprocess,
and its summaries must equal the in-process ones.

The hybrid's weights are fitted on the fit half only: the first 30 pairs of each category in file
order (150 pairs, fixed before any held-out figure was seen); the other 150 are held out.

Scoring follows the team's protocol (it reproduces the Lead figures exactly): each summary is cut
to its first 75 words before scoring, as in DUC's ``-l 75``; ROUGE uses Porter stems; ROUGE-L is
the LCS of the whole texts. A summary "contains its headline" when the headline's words (case,
punctuation and white space ignored) occur in it in a row.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import rouge

from bench.host import machine
from digests import language as languages
from digests import summarise as sm

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench-data" / "summaries"
NEWSBOT = ROOT / ".venv" / "bin" / "newsbot"
WORDS = 75
FIT_PER_CATEGORY = 30
_MISSING_SPACE = re.compile(r'([.!?"])(?=[A-Z"])')


@dataclass(frozen=True, slots=True)
class Pair:
    """One article file as stored, its headline and its reference summary."""

    name: str
    path: Path
    document: str  # the whole file, read as `newsbot summarise` reads it
    headline: str  # line 1, only to check that no summary repeats it
    reference: str
    fit: bool  # in the half the hybrid's weights are fitted on


def load_pairs(directory: Path = DATA) -> list[Pair]:
    """Read the pairs, restoring the spaces the references lack after full stops."""
    pairs = []
    seen: Counter[str] = Counter()
    for path in sorted(directory.glob("*.article.txt")):
        name = path.name.removesuffix(".article.txt")
        category = name.split("_", 1)[0]
        seen[category] += 1
        # errors="replace" as the command line reads files, so both see the same text.
        document = path.read_text(encoding="utf-8", errors="replace")
        summary = (directory / f"{name}.summary.txt").read_text(encoding="utf-8").strip()
        pairs.append(
            Pair(
                name=name,
                path=path,
                document=document,
                headline=document.lstrip().partition("\n")[0].strip(),
                reference=_MISSING_SPACE.sub(r"\1 ", summary),
                fit=seen[category] <= FIT_PER_CATEGORY,
            )
        )
    return pairs


def first_words(text: str, count: int = WORDS) -> str:
    """Cut text to its first count words, as the scoring protocol does."""
    return " ".join(text.split()[:count])


def contains_headline(summary: str, headline: str) -> bool:
    """Tell whether the headline's words occur in the summary in a row."""
    wanted, words = sm._words(headline), sm._words(summary)
    size = len(wanted)
    return bool(wanted) and any(words[i : i + size] == wanted for i in range(len(words)))


def summarise_all(pairs: Sequence[Pair], method: str) -> tuple[list[str], list[float], list[float]]:
    """Summarise every file as the command line does; return summaries, wall and CPU ms each."""
    outputs, timings, cpu = [], [], []
    for pair in pairs:
        start, start_cpu = time.perf_counter(), time.thread_time()
        outputs.append(sm.summarise_document(pair.document, method=method, words=WORDS))
        timings.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.thread_time() - start_cpu))
    return outputs, timings, cpu


def percentile(values: Sequence[float], fraction: float) -> float:
    """Return the value at the given fraction of the sorted values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _cell(scores: Iterable[rouge.Scores]) -> str:
    mean = rouge.mean(list(scores))
    return f"{mean.rouge1:.1f} / {mean.rouge2:.1f} / {mean.rougeL:.1f}"


def check_cli(pairs: Sequence[Pair], expected: Sequence[str]) -> float:
    """Run `newsbot summarise FILES --words 75 --format jsonl`; fail unless it matches; return s."""
    command = [str(NEWSBOT), "summarise", *(str(p.path) for p in pairs)]
    command += ["--words", str(WORDS), "--format", "jsonl"]
    start = time.perf_counter()
    # The method summarise_all used, whatever SUMMARY_METHOD a local .env sets.
    env = {**os.environ, "SUMMARY_METHOD": sm.DEFAULT_METHOD}
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - start
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    got = {row["file"]: row["summary"] for row in rows}
    differ = [p.name for p, want in zip(pairs, expected, strict=True) if got[str(p.path)] != want]
    if len(rows) != len(pairs) or differ:
        raise SystemExit(f"newsbot summarise differs from summarise_document on {differ[:5]}")
    return elapsed


def table(pairs: Sequence[Pair]) -> None:
    """Print ROUGE, headline leaks and latency per method, the CLI check, then throughput."""
    fitted = sum(p.fit for p in pairs)
    print(f"Machine: {machine()}")
    print(f"Data: {len(pairs)} files in {DATA}; budget {WORDS} words; default {sm.DEFAULT_METHOD}")
    print(f"Fit half: first {FIT_PER_CATEGORY} per category by file order ({fitted} pairs)")
    sm.summarise_document(pairs[0].document)  # warm caches (stemmer, stop words, sentence model)
    print()
    print(
        f"| method | ROUGE-1/2/L F1, all {len(pairs)} | fit half ({fitted}) "
        f"| held-out half ({len(pairs) - fitted}) | with headline | words/summary "
        "| ms p50 | ms p99 | CPU ms p50 | CPU ms p99 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    default_outputs: list[str] = []
    default_cpu: list[float] = []
    for method in sorted(sm.METHODS, key=lambda m: (m == sm.DEFAULT_METHOD, m)):
        outputs, timings, cpu = summarise_all(pairs, method)
        scores = [
            rouge.score(first_words(out), p.reference)
            for p, out in zip(pairs, outputs, strict=True)
        ]
        leaks = sum(contains_headline(o, p.headline) for p, o in zip(pairs, outputs, strict=True))
        fit_scores = [s for p, s in zip(pairs, scores, strict=True) if p.fit]
        held_scores = [s for p, s in zip(pairs, scores, strict=True) if not p.fit]
        words = statistics.mean(len(o.split()) for o in outputs)
        label = f"{method} (default)" if method == sm.DEFAULT_METHOD else method
        print(
            f"| {label} | {_cell(scores)} | {_cell(fit_scores)} | {_cell(held_scores)} "
            f"| {leaks} | {words:.0f} | {percentile(timings, 0.5):.1f} "
            f"| {percentile(timings, 0.99):.1f} | {percentile(cpu, 0.5):.1f} "
            f"| {percentile(cpu, 0.99):.1f} |"
        )
        if method == sm.DEFAULT_METHOD:
            default_outputs, default_cpu = outputs, cpu
    print(
        "\nCPU ms: this thread's CPU time, less swayed than wall time by other work on the cores; "
        f"{sm.DEFAULT_METHOD} uses {sum(default_cpu) / 1000:.2f} CPU s for {len(pairs)} articles "
        f"= {1000 * len(pairs) / sum(default_cpu):.0f} articles/s per core."
    )
    print()
    if NEWSBOT.exists():
        elapsed = check_cli(pairs, default_outputs)
        print(
            f"CLI check: `newsbot summarise <{len(pairs)} files> --words {WORDS} --format jsonl` "
            f"gives the same {len(pairs)} summaries ({elapsed:.1f} s with interpreter start)."
        )
    else:
        print(f"CLI check skipped: no {NEWSBOT} (run `make test` once to create .venv).")
    # The bot's pass sends (id, text, title) items to summarise_many: the same split, pooled.
    items = []
    for pair in pairs:
        title, body = sm.split_headline(pair.document)
        items.append((pair.name, body, title))
    rates = []
    # The first pooled call also starts the fork server and imports sumy/numpy there.
    for workers, label in ((1, "in process"), (2, "cold"), (2, "warm"), (2, "warm"), (2, "warm")):
        start = time.perf_counter()
        done = sum(1 for _ in sm.summarise_many(items, words=WORDS, workers=workers))
        elapsed = time.perf_counter() - start
        if label == "warm":
            rates.append(done / elapsed)
        print(
            f"summarise_many(workers={workers}, {label}), {sm.DEFAULT_METHOD}, end to end incl. "
            f"pool start: {done} articles in {elapsed:.2f} s = {done / elapsed:.0f} articles/s"
        )
    print(
        f"warm, 2 workers: median {statistics.median(rates):.0f} articles/s "
        f"(range {min(rates):.0f}-{max(rates):.0f})"
    )


def _labels(article: sm._Article, reference: str) -> np.ndarray:
    """Mark sentences whose every bigram is in the reference (robust to splitting artefacts)."""
    ref_bigrams = set(itertools.pairwise(rouge.tokens(reference)))
    labels = []
    for text in article.texts:
        bigrams = set(itertools.pairwise(rouge.tokens(text)))
        labels.append(bool(bigrams) and bigrams <= ref_bigrams)
    return np.array(labels, dtype=float)


Example = tuple[Pair, sm._Article, np.ndarray]


def fit(pairs: Sequence[Pair]) -> None:
    """Fit the hybrid weights on the fit half and print them with held-out scores."""
    data: list[Example] = []
    for pair in pairs:
        title, body = sm.split_headline(pair.document)  # as summarise_document parses it
        article = sm._parse(body, title, languages.tools("en"), "en")  # as summarise() does
        data.append((pair, article, sm._features(article)))
    train = [d for d in data if d[0].fit]
    held = [d for d in data if not d[0].fit]
    features = np.vstack([f for _, _, f in train])
    labels = np.concatenate([_labels(a, p.reference) for p, a, _ in train])
    scale = features.std(axis=0) + 1e-9
    weights = _logistic_regression((features - features.mean(axis=0)) / scale, labels) / scale
    references = {p.name: rouge.bigrams(p.reference) for p, _, _ in data}

    def quality(w: np.ndarray, subset: Sequence[Example]) -> float:
        total = 0.0
        for pair, article, feats in subset:
            ranked = np.argsort(-(feats @ w), kind="stable")
            chosen = sm._select((int(i) for i in ranked), article, WORDS, None)
            summary = first_words(sm.assemble(article, chosen, WORDS))
            total += rouge.rouge2(summary, references[pair.name])
        return total / len(subset)

    # Logistic regression predicts membership, not ROUGE-2 at a budget: refine by coordinate
    # ascent on the fit half only.
    best = quality(weights, train)
    print(f"logistic regression: R-2 fit half {best:.2f}, held out {quality(weights, held):.2f}")
    for _ in range(2):
        for j in range(len(weights)):
            for step in (-0.3, 0.3, -0.1, 0.1):
                candidate = weights.copy()
                candidate[j] += step / scale[j]
                value = quality(candidate, train)
                if value > best + 0.02:
                    best, weights = value, candidate
    print(f"after ascent: R-2 fit half {best:.2f}, held out {quality(weights, held):.2f}")
    print("WEIGHTS = np.array([")
    for name, value in zip(sm.FEATURES, weights, strict=True):
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
