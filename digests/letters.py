"""Letters one word is written with one way or another, for keywords and searches.

Persian typed on an Arabic keyboard (ي ى / ی, ك / ک), Russian "ё" printed "е" by most outlets
(Королёв / Королев), the Ukrainian apostrophe in its three forms (п'ятниця, п’ятниця,
пʼятниця), and digits in Latin, Persian or Arabic script (2024, ۲۰۲۴, ٢٠٢٤): a word typed with
one letter of a group finds the others.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

SAME_LETTERS = ("يیى", "كک", "её", "'’ʼ")
# The same digits in three scripts: a number is written in one of them throughout.
DIGIT_SCRIPTS = ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")
_DIGIT_GROUPS = tuple("".join(script[n] for script in DIGIT_SCRIPTS) for n in range(10))
_GROUP = {ch: group for group in SAME_LETTERS + _DIGIT_GROUPS for ch in group}
_TO_SCRIPT = tuple(
    str.maketrans({ch: script[n] for other in DIGIT_SCRIPTS for n, ch in enumerate(other)})
    for script in DIGIT_SCRIPTS
)
# Writings of one word a search tries at most (each adds an OR to the full-text query).
MAX_WRITINGS = 16


def letter_group(ch: str) -> str | None:
    """Return the letters ``ch`` may be written as, itself among them (lower case), or None."""
    return _GROUP.get(ch.lower())


def writings(word: str) -> list[str]:
    """Return ``word`` as typed first, then its other writings (lower case after the first).

    Every letter of a group may be written as any letter of its group, independently; a word
    with too many such letters (more than ``MAX_WRITINGS`` writings) gets the uniform ones
    only, each group written one way throughout ("ещё всё" → "еще все", "ёщё всё"...). Its
    digits are written in each script, all in one script at a time ("2024", "۲۰۲۴", "٢٠٢٤").
    """
    found = [word]
    seen = {word.lower()}
    for lowered in dict.fromkeys(word.lower().translate(table) for table in _TO_SCRIPT):
        _letters(lowered, found, seen)
    return found[:MAX_WRITINGS]


def _letters(lowered: str, found: list[str], seen: set[str]) -> None:
    """Add the writings of ``lowered`` by its letters (digits stay in their script)."""
    places = [(i, _GROUP[ch]) for i, ch in enumerate(lowered) if ch in _GROUP and not ch.isdigit()]
    if lowered not in seen:
        seen.add(lowered)
        found.append(lowered)

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


# Languages whose words change their ending with their case: a keyword or search typed in one
# form ("выборы", "Москва") finds the others ("выборов", "в Москве") by its stem. Stems
# shorter than STEM_LETTERS stay whole words: "Рада" cut to "рад" would find "радіо".
INFLECTED = ("ru", "uk")
STEM_LETTERS = 4
# Cut endings that open with a surname's suffix are not cut: "Петров" or "Петрова" cut to
# "петр" would find "Петро" and "Петербург".
_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")


# A Persian plural written, as the standard spelling has it, with a zero-width non-joiner
# before its suffix (بودجه‌ها, بودجه‌های): the word before it is the keyword's stem. Without the
# non-joiner "ها" may end the word itself (تنها), and nothing is cut.
_PERSIAN_PLURAL = re.compile("([\u0600-\u06ff]{2,})\u200c(?:ها|های|هایی)")


@lru_cache(maxsize=4096)
def stem_prefix(word: str) -> str | None:
    """Return the shortest stem of a Cyrillic word by the INFLECTED languages' stemmers that
    is a shorter start of the word and has at least STEM_LETTERS letters, lower case, or a
    Persian plural's singular (``_PERSIAN_PLURAL``); else None (a word of other letters, a phrase, a stem that is the word itself or too short, a
    surname's ending cut)."""
    lowered = word.lower()
    persian = _PERSIAN_PLURAL.fullmatch(lowered)
    if persian is not None:
        return persian[1]
    if not lowered.isalpha() or not all("\u0400" <= ch <= "\u04ff" for ch in lowered):
        return None
    from digests.language import tools

    stems = []
    for code in INFLECTED:
        rules = tools(code)
        stem = rules.stem(lowered) if rules is not None else lowered
        cut = lowered[len(stem) :]
        if (
            STEM_LETTERS <= len(stem) < len(lowered)
            and lowered.startswith(stem)
            and not cut.startswith(_SURNAME_ENDINGS)
        ):
            stems.append(stem)
    return min(stems, key=len) if stems else None
