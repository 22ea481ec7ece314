"""Which sentences a summary must take together, and which cannot open one.

The sentence splitter is not changed for this (keeping a quotation as one sentence lowered the
allegations ledger's recall); the summariser reads the split sentences with these rules instead.

Quotation marks (``quote_state``): a straight double quote opens after a space, a bracket or a
dash (or at the start) and before a letter or other mark, and closes otherwise; « opens and »
closes; “ opens and ” closes, except that „ opens a quotation that “ or ” closes (German, Polish,
Czech); ‘ opens and ’ closes, but ’ between two letters ("don’t") or with no ‘ open ("workers’
rights") is an apostrophe. Straight single quotes are left alone (apostrophes, feet). A closing
mark with no opening one is stray, and so is an opening mark of a quotation already open. A
paragraph ends every quotation: news leaves a quotation that runs on into the next paragraph open
and opens it again there; so does a sentence that opens a quotation of a kind already open (feeds
and pages often run such paragraphs together).

Units (``sentence_units``), each chosen whole or not at all:

1. a sentence that starts inside a quotation the sentence before opened joins it, until the
   quotation closes ("Some countries have tried. / I do not wish to judge," he said.);
2. a sentence whose first word is in small letters, after any dash or comma, joins the sentence
   before: it is the speaker tag the splitter cut off ("Are you mad?" / she asked.; «Мы не
   уйдём!» / — сказал он.);
3. the sentence after one that ends with a colon joins it ("He said:" before a quoted
   paragraph).

A unit that is still inside a quotation at its paragraph's end, or that holds a stray closing
mark, cannot be chosen: it would show half a quotation.

Openings that lean back (``leans_back``): a sentence whose meaning hangs on the one before
cannot open a summary on its own ("He added that ...", "These claims were denied ...", "Он
также ...", "Эти обвинения ..."). The words are data, per language
(``digests/data/dangling_openings.json``, described beside it): phrases a sentence opens with,
words that lean back within its first ``EARLY_WORDS`` words ("also", "these"), and time words
after which a demonstrative points at a date, not back ("this week", "в этом году"). A sentence
that opens with a quotation mark is a quotation's words and is not judged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "EARLY_WORDS",
    "Unit",
    "leans_back",
    "quote_state",
    "quotes_balanced",
    "sentence_units",
]

EARLY_WORDS = 4
_DATA = "dangling_openings.json"
_MARKS = re.compile('["«»“”„‘’]')
_WORD = re.compile(r"\w+")
# What may come before a speaker tag's first word, or before a sentence's first word.
_LEAD = re.compile(r"[\s\-–—‒―,;:…]*")
_QUOTE_OPENING = re.compile(r"[\s\-–—]*[\"«»“”„‘’'‹›]")

# Quotation state: (straight double open, « depth, “ depth, „ depth, ‘ depth).
State = tuple[bool, int, int, int, int]
CLOSED: State = (False, 0, 0, 0, 0)


def quote_state(text: str, state: State = CLOSED) -> tuple[State, bool]:
    """Return the quotations open after text, read from state, and whether a mark was stray."""
    straight, guillemets, curly, low, single = state
    stray = False
    for found in _MARKS.finditer(text):
        mark = found.group()
        if mark == '"':
            if _opens(text, found.start()):
                stray = stray or straight  # a quotation opened again was left open
                straight = True
            elif straight:
                straight = False
            else:
                stray = True
        elif mark == "«":
            guillemets += 1
        elif mark == "»":
            if guillemets:
                guillemets -= 1
            else:
                stray = True
        elif mark == "„":
            low += 1
        elif mark == "“":
            if low:
                low -= 1
            else:
                curly += 1
        elif mark == "”":
            if curly:
                curly -= 1
            elif low:
                low -= 1
            else:
                stray = True
        elif mark == "‘":
            single += 1
        elif single:  # ’ closes an open ‘ unless it stands between two letters
            at = found.start()
            inside = 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()
            if not inside:
                single -= 1
    return (straight, guillemets, curly, low, single), stray


def _opens(text: str, at: int) -> bool:
    """Tell whether the straight quote at ``at`` opens: after a space, a bracket or a dash (or
    at the start), and before a character that is not a space; else it closes."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{–—-/") and not after.isspace()


def _reopens(text: str, state: State) -> bool:
    """Tell whether a sentence opens a quotation of a kind already open: the one before was
    left open, as news leaves a quotation that goes on in a new paragraph."""
    start = len(text) - len(text.lstrip())
    mark = text[start : start + 1]
    straight, guillemets, curly, low, single = state
    return (
        (mark == '"' and straight and _opens(text, start))
        or (mark == "«" and guillemets > 0)
        or (mark == "“" and curly > 0)
        or (mark == "„" and low > 0)
        or (mark == "‘" and single > 0)
    )


def quotes_balanced(text: str) -> bool:
    """Tell whether every quotation text opens it closes, and it closes none it did not open."""
    state, stray = quote_state(text)
    return not stray and state == CLOSED


@dataclass(frozen=True, slots=True)
class Unit:
    """Sentences a summary takes together (indices in document order), and whether it may."""

    indices: tuple[int, ...]
    whole: bool  # False: it shows half a quotation, so it is never chosen


def _speaker_tag(text: str) -> bool:
    """Tell whether a sentence opens with a word in small letters (after dashes, commas)."""
    lead = _LEAD.match(text)
    word = _WORD.match(text, lead.end() if lead else 0)
    return word is not None and word.group().islower()


def sentence_units(texts: Sequence[str], paragraphs: Sequence[int]) -> tuple[Unit, ...]:
    """Group sentences (with the paragraph each is in) into units by the module's rules."""
    units: list[Unit] = []
    current: list[int] = []
    whole = True
    state = CLOSED
    for index, text in enumerate(texts):
        new_paragraph = (
            index == 0 or paragraphs[index] != paragraphs[index - 1] or _reopens(text, state)
        )
        if new_paragraph:
            whole = whole and state == CLOSED
            state = CLOSED
        joins = bool(current) and (
            (not new_paragraph and (state != CLOSED or _speaker_tag(text)))
            or texts[index - 1].rstrip().endswith(":")
        )
        if not joins and current:
            units.append(Unit(tuple(current), whole and state == CLOSED))
            current, whole = [], True
        current.append(index)
        state, stray = quote_state(text, state)
        whole = whole and not stray
    if current:
        units.append(Unit(tuple(current), whole and state == CLOSED))
    return tuple(units)


@dataclass(frozen=True, slots=True)
class _Words:
    """One language's words that make a sentence lean on the one before it."""

    openings: tuple[tuple[str, ...], ...]  # phrases, as words, longest first
    early: frozenset[str]
    times: frozenset[str]
    kept: tuple[tuple[str, ...], ...]  # openings that do not lean back ("il y a")


def _phrases(values: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    found = {tuple(_WORD.findall(v.casefold())) for v in values}
    return tuple(sorted((p for p in found if p), key=len, reverse=True))


@lru_cache(maxsize=1)
def dangling_words() -> dict[str, _Words]:
    """Return the per-language word lists of ``digests/data/dangling_openings.json``."""
    raw = json.loads(resources.files("digests").joinpath("data", _DATA).read_text("utf-8"))
    words: dict[str, _Words] = {}
    for code, lists in raw.items():
        if code.startswith("_"):
            continue  # a note
        unknown = set(lists) - {"openings", "early", "times", "kept"}
        if unknown:
            raise ValueError(f"{_DATA}: [{code}] has unknown lists {sorted(unknown)}")
        words[code] = _Words(
            openings=_phrases(lists.get("openings", [])),
            early=frozenset(w.casefold() for w in lists.get("early", [])),
            times=frozenset(w.casefold() for w in lists.get("times", [])),
            kept=_phrases(lists.get("kept", [])),
        )
    return words


def leans_back(text: str, code: str | None) -> bool:
    """Tell whether a sentence leans on the one before it, by its language's lists."""
    lists = dangling_words().get(code or "")
    if lists is None or _QUOTE_OPENING.match(text):
        return False
    words = [w.casefold() for w in _WORD.findall(text[:200])][: EARLY_WORDS + 4]
    if any(tuple(words[: len(p)]) == p for p in lists.kept):
        return False
    for phrase in lists.openings:
        if tuple(words[: len(phrase)]) == phrase:
            if len(phrase) > 1 or words[1:2] == [] or words[1] not in lists.times:
                return True
            break  # "This week ...": a date
    for at, word in enumerate(words[:EARLY_WORDS]):
        if word in lists.early and not (words[at + 1 : at + 2] and words[at + 1] in lists.times):
            return True
    return False
