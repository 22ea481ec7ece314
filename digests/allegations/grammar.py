"""What the clause rules ask of a sentence: word classes, noun phrases, subjects, claims, guards.

A :class:`Grammar` reads one tokenised sentence with one language's lexicon. The rules that find
allegations (``frames.py``) and responses (``responses.py``) are built from these questions.
Token positions are indices into the sentence's tokens; a :class:`Span` is a half-open range.
"""

from __future__ import annotations

from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.lexicon import Lexicon
from digests.allegations.sentence import Sentence, Span, capitalised, punctuation

MAX_NOUN_PHRASE_WORDS = 6  # beyond this a "noun phrase" is a run-on, not a name
_NOUN_PHRASE_SYMBOLS = frozenset({"$", "%", "-"})  # "a $5 fee", "a 10% stake", "ex-minister"
_CLAUSE_PUNCTUATION = frozenset({";", ":", '"'})
_SOURCE_ENDS = frozenset({",", ".", ";"})  # where "according to X" ends


class NounPhrase(NamedTuple):
    """Where a noun phrase ends, and whether a verb follows it (so it is a clause's subject)."""

    end: int
    verb_follows: bool


class Grammar:
    """The questions the clause rules ask about one sentence, answered with a lexicon."""

    def __init__(self, lex: Lexicon, s: Sentence) -> None:
        self.lex = lex
        self.s = s

    # ---- word classes

    def verb_like(self, i: int) -> bool:
        """Return True when token i is verb-like: "was", "stole", "collected", "secretly"."""
        s, lex = self.s, self.lex
        if i >= len(s):
            return False
        word, low = s.words[i], s.lower[i]
        if capitalised(word) or punctuation(word):
            return False
        return low in lex.aux or low in lex.verb_hints or lex.is_verb(low) or lex.is_adverb(low)

    def present_verb(self, i: int, after_noun: bool) -> bool:
        """Return True when token i after a noun is a present verb: "the app collects data"."""
        s, lex = self.s, self.lex
        if not after_noun or i >= len(s) or capitalised(s.words[i]) or punctuation(s.words[i]):
            return False
        low = s.lower[i]
        if not lex.is_present(low) or low in lex.np_stops:
            return False
        if i and lex.is_possessive(s.lower[i - 1]):
            return False  # "the company's plans": a noun
        return not self.verb_like(i + 1)

    def pronoun(self, i: int) -> bool:
        """Return True when token i is a pronoun, not a possessive before a noun ("her boss")."""
        s, lex = self.s, self.lex
        if i >= len(s) or s.lower[i] not in lex.pronouns:
            return False
        if s.lower[i] not in lex.determiners or i + 1 >= len(s):
            return True
        after = s.words[i + 1]
        return punctuation(after) or s.lower[i + 1] in lex.np_stops or self.verb_like(i + 1)

    # ---- noun phrases, subjects and claims

    def noun_phrase(self, i: int, stop: int | None = None) -> NounPhrase:
        """Read the noun phrase at token i: "the former mayor" in "the former mayor took bribes"."""
        s, lex = self.s, self.lex
        stop = len(s) if stop is None else stop
        if i >= stop:
            return NounPhrase(i, False)
        if self.pronoun(i):
            return NounPhrase(i + 1, self.verb_like(i + 1) or self.present_verb(i + 1, True))
        j = i
        while j < stop and s.lower[j] in lex.determiners:
            j += 1
        content = 0
        while j < stop and content < MAX_NOUN_PHRASE_WORDS:
            word, low = s.words[j], s.lower[j]
            if punctuation(word) and low not in _NOUN_PHRASE_SYMBOLS:
                break
            connector = low in lex.name_connectors or low in lex.coordinators
            if connector and content and j + 1 < stop:
                if capitalised(s.words[j - 1]) and capitalised(s.words[j + 1]):
                    j += 1  # "Bank of America", "Procter and Gamble"
                    continue
                break
            if low in lex.np_stops or self.verb_like(j):
                break
            if content and self.present_verb(j, True):
                break
            content += 1
            j += 1
        return NounPhrase(j, self.verb_like(j) or self.present_verb(j, content > 0))

    def clause_start(self, i: int) -> int:
        """Return where the clause holding token i starts: after "that", a say verb, ";" or ":"."""
        s, lex = self.s, self.lex
        for j in range(i - 1, -1, -1):
            low = s.lower[j]
            if low in _CLAUSE_PUNCTUATION or low in lex.complementizers or low in lex.say_verbs:
                return j + 1
        return 0

    def subject(self, i: int) -> Span | None:
        """Return the subject before token i: "prosecutors" in "In May, prosecutors also sued"."""
        s, lex = self.s, self.lex
        start = self.clause_start(i)
        parts: list[Span] = []
        part_start = start
        for j in range(start, i):
            if s.lower[j] == ",":
                parts.append(Span(part_start, j))
                part_start = j + 1
        parts.append(Span(part_start, i))
        span = self.trim(parts[-1])
        if span.start >= span.end:  # "..., he said, also alleged": take an earlier part
            for part in parts[:-1]:
                part = self.trim(part)
                if part.start < part.end and s.lower[part.start] not in lex.adverbial_prepositions:
                    span = part
                    break
            else:
                return None
        for j in range(span.start + 1, span.end):
            low = s.lower[j]
            if low in lex.relative_markers and low not in lex.complementizers:
                return Span(span.start, j)  # "the man who ..." -> "the man"
        return span if span.start < span.end else None

    def trim(self, span: Span) -> Span:
        """Drop leading "and"/"but" and trailing "has", "also", adverbs from a subject span."""
        s, lex = self.s, self.lex
        start, end = span
        changed = True
        while changed and start < end:
            changed = False
            lead = s.match(start, lex.subject_trim_leading)
            if (
                lead
                and start + len(lead) <= end
                and not capitalised(s.words[start + len(lead) - 1])
            ):
                start += len(lead)
                changed = True
            tail = s.ends_with(end, lex.subject_trim_trailing)
            if tail and end - len(tail) >= start:
                end -= len(tail)
                changed = True
            elif end > start and lex.is_adverb(s.lower[end - 1]):
                end -= 1
                changed = True
        return Span(start, end)

    def sentence_subject(self, i: int) -> Span | None:
        """Return the noun phrase opening token i's clause: "Smith" in "Smith has denied claims"."""
        start = self.clause_start(i)
        end = self.noun_phrase(start, i).end
        return Span(start, end) if start < end else None

    def claim_end(self, start: int, stop: int | None = None) -> int:
        """Return where a claim from ``start`` ends: before ", according to", "; " or the end."""
        s = self.s
        stop = len(s) if stop is None else stop
        found = s.find(self.lex.claim_stops, start, stop)
        end = stop if found < 0 else found
        while end > start and punctuation(s.words[end - 1]):
            end -= 1
        return end

    def according_source(self, i: int) -> Span | None:
        """Return the source named by the "according to" at token i, up to the next , . or ;."""
        s = self.s
        phrase = s.match(i, self.lex.according_to) or ()
        start = end = i + len(phrase)
        while end < len(s) and s.lower[end] not in _SOURCE_ENDS:
            end += 1
        return Span(start, end) if start < end else None

    def source_kind(self, span: Span, default: str) -> str:
        """Return the kind a source gives an item: a lawsuit, a charge sheet, else ``default``."""
        if self.s.contains(span, self.lex.lawsuit_nouns):
            return kinds.LAWSUIT
        if self.s.contains(span, self.lex.charge_sources):
            return kinds.CHARGE
        return default

    # ---- passives

    def passive_before(self, i: int) -> bool:
        """Return True when participle i follows an auxiliary: "was formally charged"."""
        s, lex = self.s, self.lex
        if lex.is_gerund(s.lower[i]):
            return False
        j = i - 1
        while j >= 0 and lex.is_adverb(s.lower[j]):
            j -= 1
        while j >= 0 and s.lower[j] in lex.passive_adverbs:
            j -= 1
        return j >= 0 and s.lower[j] in lex.passive_aux

    def passive_subject(self, i: int) -> Span | None:
        """Return the subject of the passive at i: "The senator" in "The senator was accused"."""
        s, lex = self.s, self.lex
        j = i - 1
        while j >= 0 and (
            s.lower[j] in lex.passive_aux
            or s.lower[j] in lex.passive_subject_skip
            or lex.is_adverb(s.lower[j])
        ):
            j -= 1
        return self.subject(j + 1)

    # ---- guards

    def negated(self, cue: int) -> bool:
        """Return True when a negation precedes the cue in its clause: "Police have not charged"."""
        s, lex = self.s, self.lex
        for j in range(self.clause_start(cue), cue):
            exempt = j + 1 < len(s) and s.lower[j + 1] in lex.negation_exempt_after
            if lex.is_negative(s.lower[j]) and not exempt:  # "pleaded not guilty" still charges
                return True
        return False

    def hypothetical(self, cue: int, *, noun: bool = False) -> bool:
        """Return True when the cue is in a hypothesis: "If regulators were to allege fraud"."""
        s, lex = self.s, self.lex
        if any(s.match(j, lex.hypothetical) for j in range(cue)):
            return True
        # "plans to sue", "will charge": but "to the allegations" before a noun is no hypothesis
        return not noun and any(
            s.lower[j] in lex.hypothetical_adjacent for j in range(max(0, cue - 2), cue)
        )

    def wrongdoing(self, span: Span) -> bool:
        """Return True when the span speaks of wrongdoing: "took bribes", "without consent"."""
        text = " " + " ".join(self.s.lower[span.start : span.end]).replace(" '", "'") + " "
        return any(fragment in text for fragment in self.lex.wrongdoing)
