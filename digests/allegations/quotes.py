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
"""

from __future__ import annotations

import re

PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}
MIN_SHARE = 0.5  # of the sentence's letters inside the quotation
_LETTER = re.compile(r"\w")
_JOINERS = " ,\u2014\u2013-"
# after a quotation that opens a sentence, the words that say who spoke: after a dash or comma
# ("», — заявил Петров.") or, when the quoted words end in one, straight on (",” Johnson said.")
_JOINED = re.compile(r"\s*[,\u2014\u2013-]")
_WORD_AFTER = re.compile(r"\s+\w")
_CLOSED = ",.!?\u2026"


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
