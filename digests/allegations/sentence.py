"""A sentence as a row of tokens, with the spans and phrase look-ups the grammar reads it by."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

Phrase = tuple[str, ...]  # lower-case tokens, e.g. ("declined", "to", "comment")

# Straight quotes for curly ones, one character for one, so token offsets hold in the original.
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
# "U.S." and "D.C." are one token each (the final dot is no sentence break inside a name), and
# so is an initial before a name ("Cyrus R. Vance").
_UPPER = f"[{string.ascii_uppercase}]"
_TOKEN = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}(?!\w)|(?<![\w.]){_UPPER}\.(?= {_UPPER})|\w+(?:[-.'&]\w+)*'?|[^\w\s]"
)


def tokens(text: str) -> list[str]:
    """Split text into tokens: words (with inner hyphens, dots, apostrophes) and punctuation."""
    return _TOKEN.findall(text.translate(QUOTES))


def capitalised(word: str) -> bool:
    """Return True when the word starts with a capital letter."""
    return word[:1].isupper()


def punctuation(word: str) -> bool:
    """Return True when the token is punctuation (or a symbol such as "$")."""
    return not word[:1].isalnum()


_INDEXES: dict[int, tuple[object, dict[str, tuple[Phrase, ...]]]] = {}


def by_first_word(phrases: Iterable[Phrase]) -> dict[str, tuple[Phrase, ...]]:
    """Return the phrases by their first word, in their order (cached per phrase tuple).

    The cue lists are long and matched at every token; a look-up by first word keeps that fast.
    """
    entry = _INDEXES.get(id(phrases))
    if entry is not None and entry[0] is phrases:
        return entry[1]
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    table = {word: tuple(ps) for word, ps in index.items()}
    if isinstance(phrases, tuple):  # only the lexicon's own tuples live long enough to cache
        _INDEXES[id(phrases)] = (phrases, table)
    return table


class Span(NamedTuple):
    """Tokens ``start`` to ``end - 1`` of a sentence; empty when ``start >= end``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's text and its tokens, as written and lower-cased, with their offsets."""

    text: str
    words: tuple[str, ...]  # as written, quotes made straight
    lower: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, pattern: re.Pattern[str] | None = None) -> Sentence:
        """Tokenise a sentence (with a language's own token pattern when given)."""
        matches = list((pattern or _TOKEN).finditer(text.translate(QUOTES)))
        return cls(
            text=text,
            words=tuple(m.group() for m in matches),
            lower=tuple(m.group().lower() for m in matches),
            starts=tuple(m.start() for m in matches),
            ends=tuple(m.end() for m in matches),
        )

    def __len__(self) -> int:
        return len(self.lower)

    def original(self, span: Span) -> str:
        """Return the text of the span as written (curly quotes kept)."""
        if span.start >= span.end:
            return ""
        return self.text[self.starts[span.start] : self.ends[span.end - 1]]

    def at(self, i: int, phrase: Phrase) -> bool:
        """Return True when the phrase starts at token i."""
        if phrase and (i >= len(self.lower) or self.lower[i] != phrase[0]):
            return False  # the cheap test first: this runs for every cue at every token
        return self.lower[i : i + len(phrase)] == phrase

    def match(self, i: int, phrases: Iterable[Phrase]) -> Phrase | None:
        """Return the first (longest) phrase that starts at token i."""
        if i >= len(self.lower):
            return next((p for p in phrases if not p), None)
        candidates = by_first_word(phrases).get(self.lower[i], ())
        return next((p for p in candidates if self.at(i, p)), None)

    def ends_with(self, j: int, phrases: Iterable[Phrase]) -> Phrase | None:
        """Return the first phrase that ends just before token j."""
        return next((p for p in phrases if len(p) <= j and self.at(j - len(p), p)), None)

    def find(self, phrases: Iterable[Phrase], start: int = 0, stop: int | None = None) -> int:
        """Return the index of the first phrase found in tokens [start, stop), or -1."""
        ps = tuple(phrases)
        for i in range(start, len(self) if stop is None else min(stop, len(self))):
            if self.match(i, ps):
                return i
        return -1

    def contains(self, span: Span, phrases: Iterable[Phrase]) -> bool:
        """Return True when one of the phrases starts inside the span."""
        return self.find(phrases, span.start, span.end) >= 0
