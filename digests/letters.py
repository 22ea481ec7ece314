"""Letters one word is written with one way or another, for keywords and searches.

Persian typed on an Arabic keyboard (ي ى / ی, ك / ک), Russian "ё" printed "е" by most outlets
(Королёв / Королев), and the Ukrainian apostrophe in its three forms (п'ятниця, п’ятниця,
пʼятниця): a word typed with one letter of a group finds the others.
"""

from __future__ import annotations

import itertools

SAME_LETTERS = ("يیى", "كک", "её", "'’ʼ")
_GROUP = {ch: group for group in SAME_LETTERS for ch in group}
# Writings of one word a search tries at most (each adds an OR to the full-text query).
MAX_WRITINGS = 16


def letter_group(ch: str) -> str | None:
    """Return the letters ``ch`` stands for besides itself (lower case), or None."""
    return _GROUP.get(ch.lower())


def writings(word: str) -> list[str]:
    """Return ``word`` as typed first, then its other writings (lower case after the first).

    Every letter of a group may be written as any letter of its group, independently; a word
    with too many such letters (more than ``MAX_WRITINGS`` writings) gets the uniform ones
    only, each group written one way throughout ("ещё всё" → "еще все", "ёщё всё"...).
    """
    lowered = word.lower()
    places = [(i, _GROUP[ch]) for i, ch in enumerate(lowered) if ch in _GROUP]
    if not places:
        return [word]
    found = [word]
    seen = {lowered}

    def add(letters: dict[int, str]) -> None:
        chars = list(lowered)
        for i, ch in letters.items():
            chars[i] = ch
        writing = "".join(chars)
        if writing not in seen:
            seen.add(writing)
            found.append(writing)

    total = 1
    for _, group in places:
        total *= len(group)
    if total <= MAX_WRITINGS:
        for choice in itertools.product(*(group for _, group in places)):
            add({i: ch for (i, _), ch in zip(places, choice, strict=True)})
    else:
        groups = sorted({group for _, group in places})
        for choice in itertools.product(*groups):
            pick = dict(zip(groups, choice, strict=True))
            add({i: pick[group] for i, group in places})
    return found[:MAX_WRITINGS]
