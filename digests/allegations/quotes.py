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

A quotation may be split by its attribution (``answer_parts``): two pairs, the first opening the
sentence and the second ending it ('"It is not true," Mayer said, "and we will prove it."',
« C'est faux », a dit X, « et … », „…“, sagte X, „…“), or one pair holding the attribution
between commas or dashes («Это неправда, — заявил Петров, — мы докажем это в суде», « C'est
faux, a dit X, et … », «Es falso —dijo X—, y …»): a part of at most ``MAX_ATTRIBUTION_WORDS``
words holding a quote verb. When the attribution ends the sentence inside marks that close in
the next one ("«Это неправда, — заявил Петров." then "— Мы докажем …»"), the first part is the
quotation. The answer is read from the first part, the speaker's own sentence; the second goes
on with something else ("and we will prove it" is no hedge on "It is not true"), unless it
opens with a word that carries the first part's clause on (``quote_continuations``: "that",
"que", "dass", "что": '"It is not true," he said, "that I will resign."'): then both parts are
read as one, and they deny what the second part says: an answer only when they name the
accusation.

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

PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"', "»": "«"}  # »…«: German's other marks
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
MAX_ATTRIBUTION_WORDS = 6  # "— заявил Петров —", "a dit son avocat", "Mayer told reporters"
# what sets an attribution off inside one pair of marks: a comma, a dash, or both
_INNER_JOINER = re.compile(r"\s*,\s*[\u2014\u2013]\s*|\s*[\u2014\u2013]\s*,?\s*|\s*,\s+")
_SENTENCE_END = re.compile(r"[.!?\u2026]\s*$")


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


def answer_parts(sentence: str, verbs: Container[str]) -> list[tuple[int, int]]:
    """Return where a quotation's parts are: the whole quotation, or the two parts an
    attribution holding one of ``verbs`` splits it into (the rules are the module's)."""
    pairs = _pairs(sentence)
    tail = sentence.rstrip()
    if not pairs and tail[:1] in PAIRS and PAIRS[tail[0]] not in tail[1:]:
        # "«Это неправда, — заявил Петров." then "— Мы докажем …»": closing in the next sentence
        inner = _inner_parts(sentence, 1, len(tail), verbs, open_end=True)
        return inner[:1]
    where = quotation_span(sentence)
    if where is None:
        return []
    if len(pairs) >= 2 and pairs[0][0] + 1 == where[0]:
        second = pairs[-1]
        between = sentence[pairs[0][1][1] + 1 : second[0]]
        words = _words(between)
        if (
            not _LETTER.search(sentence[second[1][1] + 1 :])
            and 0 < len(words) <= MAX_ATTRIBUTION_WORDS
            and any(w in verbs for w in words)
        ):
            return [where, (second[0] + 1, second[1][1])]  # '"…," Mayer said, "…"'
    if not sentence[: where[0] - 1].strip() and _LETTER.search(sentence[where[1] :]) is None:
        return _inner_parts(sentence, where[0], where[1], verbs, open_end=False)
    return [where]


def _inner_parts(
    sentence: str, start: int, end: int, verbs: Container[str], *, open_end: bool
) -> list[tuple[int, int]]:
    """Return the parts of a quotation that holds its attribution, or the quotation whole."""
    joiners = list(_INNER_JOINER.finditer(sentence, start, end))
    for k, joiner in enumerate(joiners):
        if not _LETTER.search(sentence[start : joiner.start()]):
            continue
        stop = joiners[k + 1].start() if k + 1 < len(joiners) else end
        if stop == end and not (open_end and _SENTENCE_END.search(sentence[joiner.end() : end])):
            continue  # the attribution is set off on both sides, or ends a quotation left open
        words = _words(sentence[joiner.end() : stop])
        if 0 < len(words) <= MAX_ATTRIBUTION_WORDS and any(w in verbs for w in words):
            first = (start, joiner.start())
            rest = (joiners[k + 1].end(), end) if stop < end else None
            return [first] if rest is None else [first, rest]
    return [] if open_end else [(start, end)]


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
    verbs: Container[str] = (),
    continuations: Container[str] = (),
) -> QuotedAnswer | None:
    """Return the answer a sentence quotes its speaker giving to the matter at hand, or None.

    ``answers`` pairs a response kind with a language's fragments (the first kind found wins),
    ``hedges`` are its fragments that make the words no answer yet, ``references`` its nouns
    that name an accusation, ``verbs`` its quote verbs (an attribution splitting a quotation),
    ``continuations`` the words that carry a first part's clause into the second (the rules
    are the module's).
    """
    parts = answer_parts(sentence, verbs) if any(f for _, f in answers) else []
    if not parts:
        return None
    where = parts[0]
    said = sentence[where[0] : where[1]]
    carried = False
    if len(parts) > 1 and (rest := _words(sentence[parts[1][0] : parts[1][1]])):
        carried = rest[0] in continuations  # "It is not true," he said, "that I will resign."
        if carried:
            said = f"{said} {sentence[parts[1][0] : parts[1][1]]}"
    if _ASKED.search(said) or _ASKED.search(sentence):
        return None  # "A lie?", «Est-ce faux ?» demanda-t-il
    words = _words(said)
    text = f" {' '.join(words)} "
    kind = next((k for k, fragments in answers if any(f in text for f in fragments)), None)
    if kind is None or hedged(said, hedges):
        return None
    named = any(w in references for w in words)
    if (carried or len(words) > MAX_BARE_WORDS) and not named:
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
