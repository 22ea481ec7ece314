"""Merging: the same allegation reported by several articles of a story becomes one item.

Two items are the same when their targets name the same party (or both have none) and their
claims share at least two content words (or all of the shorter claim's, if it has fewer), and
those shared words are at least half of the shorter claim's. Content words are the claim's
words of three letters or more outside sumy's stop words, cut to a six-letter prefix so
"trafficking" meets "trafficked".

The merge reads names and claims with the rules of the items' language ("Дуров" and "Дурову"
are one party in Russian; Russian stop words). Reports in two stories are one allegation only
when they also name the same accuser (or both none): ``same_allegation``, which the ledger
applies to the reports of one day.

A merged item is one report, shown whole: its sentence, claim, accuser, target and kind all
come from the same report (the first that names an accuser, else the first that names a target,
else the first), and its key comes first among the keys, so the source shown with it is the
one that said it. The other reports add only their answers (one per party and kind) and count
as further sources.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple, TypeVar

from digests.allegations.clauses import load_cues
from digests.allegations.lexicon import DEFAULT_LANGUAGE, Lexicon
from digests.allegations.names import same_target, target_key
from digests.allegations.resolve import name_key, same_name
from digests.allegations.salience import stop_words
from digests.allegations.sentence import QUOTES
from digests.models import Allegation
from digests.tokenize import split_words

K = TypeVar("K", bound=Hashable)

STEM_LENGTH = 6  # a crude stem: the word's first letters
MIN_WORD_LENGTH = 3
MIN_SHARED = 2
MIN_SHARED_SHARE = 0.5


def merge_keyed(
    items: Iterable[tuple[K, Allegation]], *, language: str = DEFAULT_LANGUAGE
) -> list[tuple[Allegation, list[K]]]:
    """Merge near-duplicate items (same target, overlapping claim) with the keys they came from."""
    names = _names(language)
    stop = _stop_words(language)
    clusters: list[tuple[Allegation, list[Allegation], list[K]]] = []
    for key, item in items:
        for index, (merged, members, keys) in enumerate(clusters):
            if any(_same(names, stop, item, m) for m in members):
                members.append(item)
                if _fuller(item, merged):
                    keys = [key, *(k for k in keys if k != key)]
                    merged = _combine(names, item, merged)
                else:
                    keys = keys if key in keys else [*keys, key]
                    merged = _combine(names, merged, item)
                clusters[index] = (merged, members, keys)
                break
        else:
            clusters.append((item, [item], [key]))
    return [(merged, keys) for merged, _, keys in clusters]


def merge(
    groups: Iterable[Sequence[Allegation]], *, language: str = DEFAULT_LANGUAGE
) -> list[Allegation]:
    """Merge near-duplicate items from several articles into one list, first-seen order."""
    keyed = ((index, item) for index, group in enumerate(groups) for item in group)
    return [merged for merged, _ in merge_keyed(keyed, language=language)]


def same_allegation(a: Allegation, b: Allegation, *, language: str = DEFAULT_LANGUAGE) -> bool:
    """Return True when two reports make the same allegation: the same accuser (or both none),
    the same target and overlapping claims, read with the rules of their language."""
    names = _names(language)
    if not (names.same(a.accuser, b.accuser) or (not a.accuser and not b.accuser)):
        return False
    return _same(names, _stop_words(language), a, b)


def combine(a: Allegation, b: Allegation, *, language: str = DEFAULT_LANGUAGE) -> Allegation:
    """Return one item of two reports of an allegation: the fuller shown whole (as ``merge``)."""
    names = _names(language)
    return _combine(names, b, a) if _fuller(b, a) else _combine(names, a, b)


class Names(NamedTuple):
    """How a language compares names: the same party, and a name's key."""

    same: Callable[[str, str], bool]
    key: Callable[[str], str]


@lru_cache(maxsize=8)
def _names(language: str) -> Names:
    """Return the name comparison of a language (English: ``resolve``; others: ``names``)."""
    cues = load_cues(language)
    if isinstance(cues, Lexicon):
        lex = cues
        return Names(lambda a, b: same_name(lex, a, b), lambda n: name_key(lex, n))
    return Names(
        lambda a, b: same_target(a, b, language, language), lambda n: target_key(n, language)
    )


@lru_cache(maxsize=8)
def _stop_words(language: str) -> frozenset[str]:
    """Return sumy's stop words, less those that name wrongdoing (sumy lists "ignored")."""
    cues = load_cues(language)
    words = stop_words(cues.tokenizer_language)
    return frozenset(w for w in words if not any(f in f" {w} " for f in cues.wrongdoing))


def _claim_words(item: Allegation, stop: frozenset[str]) -> set[str]:
    """Return the stems of a claim's content words."""
    words = {w.lower() for w in split_words(item.claim.translate(QUOTES))}
    return {w[:STEM_LENGTH] for w in words if w not in stop and len(w) >= MIN_WORD_LENGTH}


def _same(names: Names, stop: frozenset[str], a: Allegation, b: Allegation) -> bool:
    """Return True when two items make the same allegation against the same party."""
    if not (names.same(a.target, b.target) or (not a.target and not b.target)):
        return False
    wa, wb = _claim_words(a, stop), _claim_words(b, stop)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    shorter = min(len(wa), len(wb))
    return shared >= min(MIN_SHARED, shorter) and shared / shorter >= MIN_SHARED_SHARE


def _fuller(a: Allegation, b: Allegation) -> bool:
    """Return True when report a names more than b: an accuser b lacks, or else a target."""
    return (bool(a.accuser), bool(a.target)) > (bool(b.accuser), bool(b.target))


def _combine(names: Names, shown: Allegation, other: Allegation) -> Allegation:
    """Merge other into shown: shown's report whole, other's new answers, the higher salience.

    The merged item is as certain as its surest report: one that a clause pattern read (reading
    "") makes it no fallback reading, whichever report is shown.
    """
    seen = {(names.key(r.responder), r.kind) for r in shown.responses}
    extra = tuple(r for r in other.responses if (names.key(r.responder), r.kind) not in seen)
    return replace(
        shown,
        responses=shown.responses + extra,
        salience=max(shown.salience, other.salience),
        reading="" if "" in (shown.reading, other.reading) else shown.reading,
    )
