"""Quotations: the words a sentence quotes a speaker saying, apart from the reporter's words.

The ledger shows an answer in quotation marks only when the speaker's own words are quoted;
reported speech ("Петров заявил, что обвинения ложны") is the reporter's paraphrase and is
shown without them. Rules:

* A quotation is text between a pair of marks: «…», „…“, “…”, "…" (a pair of the same kind;
  marks nested inside another pair belong to it).
* A sentence quotes its speaker when one quotation holds at least half of its letters: the
  quote-dash order («Это ложь», — заявил Петров), the English order ("It is false," Petrov
  said) and the colon order (Петров заявил: «Это ложь»). A short quoted phrase inside reported
  speech (Петров назвал обвинения „политическим заказом“) quotes no answer: the sentence is a
  paraphrase.
* The quoted words lose the comma or dash that joins them to the attribution ("Это ложь,").

A quotation is its speaker's answer (``quoted_answer``, every language's reader calls it) when:

* its words, lower-cased and joined by single spaces with a space at each end, hold one of the
  language's ``quoted_denials`` fragments (" a lie ", " c'est faux", " das ist falsch", " ложь":
  a ``denial``) or ``quoted_rejections`` fragments (" baseless ", " sans fondement", " haltlos":
  a ``rejection``, as the labelled sets call « Des attaques sans le moindre fondement »);
* they hold none of its ``quoted_hedges``: a future or a condition is no denial yet ("We will
  deny ...", "Si c'était faux ..."), nor is a denial negated ("it is not a lie");
* neither they nor the sentence ask a question ("A lie?");
* they are about the matter: short (at most ``MAX_BARE_WORDS`` words: "It is a lie", "C'est
  faux", "Я ни в чём не виноват") or naming the accusation ("these claims", "die Vorwürfe"). A
  longer quotation that names no accusation denies another matter ("The rumours about my
  health and my family are false"). Words that name it answer the items just before, as
  "denied these claims" does.

Who speaks is the reader's part: the party next to a quote verb outside the marks.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import NamedTuple

PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}
MIN_SHARE = 0.5  # of the sentence's letters inside the quotation
_LETTER = re.compile(r"\w")
_JOINERS = " ,\u2014\u2013-"
# after a quotation that opens a sentence, the words that say who spoke: after a dash or comma
# ("», — заявил Петров.") or, when the quoted words end in one, straight on (",” Johnson said.")
_JOINED = re.compile(r"\s*[,\u2014\u2013-]")
_WORD_AFTER = re.compile(r"\s+\w")
_CLOSED = ",.!?\u2026"
MAX_BARE_WORDS = 6  # a longer quoted denial names what it denies
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_ASKED = re.compile(r"\?[\s\"'»“”.,\u2014\u2013-]*$")  # a question mark ends the words


def quotation(sentence: str) -> str | None:
    """Return the words a sentence quotes its speaker saying, or None for reported speech."""
    where = quotation_span(sentence)
    if where is None:
        return None
    return sentence[where[0] : where[1]].strip().rstrip(_JOINERS).strip() or None


def quotation_span(sentence: str) -> tuple[int, int] | None:
    """Return where the speaker's quoted words are (inside the marks), or None."""
    letters = len(_LETTER.findall(sentence))
    if not letters:
        return None
    for start, (_, closing) in _pairs(sentence):
        inner = sentence[start + 1 : closing]
        before, after = sentence[:start], sentence[closing + 1 :]
        # «…», — заявил Петров; "…," said Brown (not «Газпром» отверг: a name in marks)
        opens = not before.strip() and (
            _JOINED.match(after) or (inner.rstrip()[-1:] in _CLOSED and _WORD_AFTER.match(after))
        )
        closes = before.rstrip().endswith(":") and not _LETTER.search(after)  # Петров: «…»
        if opens or closes or len(_LETTER.findall(inner)) >= MIN_SHARE * letters:
            return start + 1, closing
    return None


class QuotedAnswer(NamedTuple):
    """A speaker's quoted answer: its kind, where its words are, whether they name the
    accusation ("these claims")."""

    kind: str
    start: int
    end: int
    names_accusation: bool


def quoted_answer(
    sentence: str,
    answers: tuple[tuple[str, tuple[str, ...]], ...],
    hedges: tuple[str, ...],
    references: Container[str],
) -> QuotedAnswer | None:
    """Return the answer a sentence quotes its speaker giving to the matter at hand, or None.

    ``answers`` pairs a response kind with a language's fragments (the first kind found wins),
    ``hedges`` are its fragments that make the words no answer yet, ``references`` its nouns
    that name an accusation (the rules are the module's).
    """
    where = quotation_span(sentence) if any(f for _, f in answers) else None
    if where is None:
        return None
    said = sentence[where[0] : where[1]]
    if _ASKED.search(said) or _ASKED.search(sentence):
        return None  # "A lie?", «Est-ce faux ?» demanda-t-il
    words = _words(said)
    text = f" {' '.join(words)} "
    kind = next((k for k, fragments in answers if any(f in text for f in fragments)), None)
    if kind is None or hedged(said, hedges):
        return None
    named = any(w in references for w in words)
    if len(words) > MAX_BARE_WORDS and not named:
        return None  # a long quotation that names no accusation answers another matter
    return QuotedAnswer(kind, where[0], where[1], named)


def hedged(said: str, hedges: tuple[str, ...]) -> bool:
    """Return True when quoted words hold a future, a condition or a negated denial: "We will
    deny these claims", "Si c'était faux"."""
    text = f" {' '.join(_words(said))} "
    return any(f in text for f in hedges)


def _words(said: str) -> list[str]:
    """Return the lower-case words of quoted text, apostrophes made straight."""
    return [w.replace("\u2019", "'") for w in _WORD.findall(said.lower())]


def _pairs(sentence: str) -> list[tuple[int, tuple[str, int]]]:
    """Return the outermost quotation pairs: (opening index, (mark, closing index))."""
    found: list[tuple[int, tuple[str, int]]] = []
    i = 0
    while i < len(sentence):
        mark = sentence[i]
        closing_mark = PAIRS.get(mark)
        if closing_mark is None:
            i += 1
            continue
        depth, j = 0, i + 1
        while j < len(sentence):
            c = sentence[j]
            if c == closing_mark and depth == 0:
                break
            if c == mark and mark != closing_mark:
                depth += 1
            elif c == closing_mark:
                depth -= 1
            j += 1
        if j >= len(sentence):
            return found  # a mark never closed: no quotation from here
        found.append((i, (mark, j)))
        i = j + 1
    return found
