"""ROUGE-1, ROUGE-2 and ROUGE-L F1 (whole-text LCS), as in Lin (2004) and Google's rouge-score."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_stem = lru_cache(maxsize=None)(PorterStemmer().stem)  # fitting stems the same words often


@dataclass(frozen=True, slots=True)
class Scores:
    """F1 scores in percent."""

    rouge1: float
    rouge2: float
    rougeL: float


def tokens(text: str, *, stem: bool = True) -> list[str]:
    """Lower-case, split on anything not a letter or digit, and Porter-stem words over 3 letters."""
    words = _NON_ALNUM.sub(" ", text.lower()).split()
    if stem:
        return [_stem(w) if len(w) > 3 else w for w in words]
    return words


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def _ngram_f1(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def _lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def bigrams(text: str) -> Counter[tuple[str, ...]]:
    """Return the stemmed bigrams of text, for scoring many candidates against one reference."""
    words = tokens(text)
    return Counter(tuple(words[i : i + 2]) for i in range(len(words) - 1))


def rouge2(candidate: str, reference: Counter[tuple[str, ...]]) -> float:
    """Return ROUGE-2 F1 (percent) of a candidate against a reference's bigrams (see bigrams)."""
    cand = bigrams(candidate)
    return 100 * _f1(sum((cand & reference).values()), sum(cand.values()), sum(reference.values()))


def score(candidate: str, reference: str, *, stem: bool = True) -> Scores:
    """Return ROUGE-1/2/L F1 (percent) of one candidate against one reference."""
    cand, ref = tokens(candidate, stem=stem), tokens(reference, stem=stem)
    lcs = _lcs_length(cand, ref)
    return Scores(
        100 * _ngram_f1(cand, ref, 1),
        100 * _ngram_f1(cand, ref, 2),
        100 * _f1(lcs, len(cand), len(ref)),
    )


def mean(scores: Sequence[Scores]) -> Scores:
    """Return the average of several scores."""
    if not scores:
        return Scores(0.0, 0.0, 0.0)
    n = len(scores)
    return Scores(
        sum(s.rouge1 for s in scores) / n,
        sum(s.rouge2 for s in scores) / n,
        sum(s.rougeL for s in scores) / n,
    )
