"""The clause rules: each reads an allegation around one cue word, or returns None.

A cue word triggers the rules listed for it in :data:`RULES` (a word may trigger several:
"charged" is tried as "was charged with" and as "charged that"). Each rule returns a
:class:`Frame`: token spans for the accuser, the target named outright and the claim. Names are
resolved later (``resolve.py``); negation and hypotheses are checked by the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.grammar import Grammar
from digests.allegations.lexicon import Lexicon, Phrases
from digests.allegations.sentence import Span, capitalised, punctuation

MARKER_OBJECT_WINDOW = 8  # "accusing <up to this many tokens> of": where the preposition may be
OBJECT_WINDOW = 12  # "accused <object up to this long> of"
TIME_PHRASE_WORDS = 3  # "sued X on Monday", "last week": longest time phrase skipped
_COMMA: Phrases = ((",",),)
_SENTENCE_BREAKS: Phrases = ((",",), (".",))
_APOSTROPHE = "'"


class Cue(NamedTuple):
    """A cue word found in a sentence: its kind and token index."""

    kind: str
    at: int


@dataclass(frozen=True, slots=True)
class Frame:
    """One reading of a sentence as an allegation, in token spans, before names are resolved."""

    cue: int  # token index of the cue word
    kind: str  # one of kinds.ALLEGATION_KINDS
    accuser: Span | None
    target: Span | None  # the target named outright: object, "against" phrase, passive subject
    claim: Span
    target_in_claim: bool  # the claim is a clause whose subject is the target
    needs_support: bool = False  # a weak cue: needs wrongdoing words or an item before it
    response: Cue | None = None  # a response in the same sentence: "Smith has denied claims"
    cue_is_noun: bool = False  # "to"/"will" just before a noun cue mark no hypothesis


Rule = Callable[[Grammar, int], Frame | None]


def frames(g: Grammar) -> list[Frame]:
    """Return every reading of the sentence, in the order of their cue words."""
    s, lex = g.s, g.lex
    found: list[Frame] = []
    for i, low in enumerate(s.lower):
        for triggered_by, rule in RULES:
            if triggered_by(lex, low) and (frame := rule(g, i)) is not None:
                found.append(frame)
    at = s.find(lex.according_to)
    if at >= 0 and (frame := according(g, at)) is not None:
        found.append(frame)
    return sorted(found, key=lambda f: f.cue)


# ---- accusations and charges


def accuse_or_charge(g: Grammar, i: int) -> Frame | None:
    """Read "Prosecutors accused the mayor of taking bribes", "He was charged with fraud".

    Also the passive with its agent ("Binance was accused by US regulators of ...") and the
    passive-only verbs ("He is suspected of ...", "She is alleged to have ...").
    """
    s, lex = g.s, g.lex
    low = s.lower[i]
    if (i and lex.is_article(s.lower[i - 1])) or noun_reading(g, i):
        return None  # "the accused", "an alleged fraud", "the authorities' charges"
    kind = lex.accuse_verbs.get(low) or lex.charge_verbs.get(low) or lex.passive_to_verbs[low]
    passive_only = low in lex.passive_to_verbs and low not in lex.accuse_verbs
    if passive_only:
        preps = lex.passive_to_prepositions
    elif low in lex.accuse_verbs:
        preps = lex.accuse_prepositions
    else:
        preps = lex.charge_prepositions
    if s.match(i + 1, lex.sense_exclusions.get(kind, ())):
        return None  # "charge customers a fee"
    # passive after "was", or when the preposition follows at once ("the senator, accused of
    # fraud, ..."); a verb that also takes a clause ("alleged to the court that") only after "was"
    takes_clause = low in lex.passive_to_verbs and low in lex.clause_verbs
    passive = g.passive_before(i) or bool(s.match(i + 1, preps) and not takes_clause)
    if passive_only and not passive:
        return None
    if passive:
        after = i + 1
        accuser = None
        if by := s.match(after, lex.agent_prepositions):
            end = after + len(by)
            while end < len(s) and not s.match(end, preps) and s.lower[end] != ",":
                end += 1
            accuser = Span(after + len(by), end)
            after = end
        prep = s.match(after, preps)
        if prep is None:
            return None
        claim = Span(after + len(prep), g.claim_end(after + len(prep)))
        if claim.start >= claim.end:
            return None
        return Frame(i, kind, accuser, g.passive_subject(i), claim, target_in_claim=False)
    if low in lex.clause_verbs and i + 1 < len(s) and s.lower[i + 1] in lex.complementizers:
        return None  # "the indictment charges that ...": a clause frame
    at = s.find(preps, i + 1, i + OBJECT_WINDOW)
    if at < 0 or s.find(_SENTENCE_BREAKS, i + 1, at) >= 0:
        return None
    start = at + len(s.match(at, preps) or ())
    claim = Span(start, g.claim_end(start))
    if claim.start >= claim.end or at == i + 1:
        return None
    target = Span(i + 1, at)
    return Frame(i, kind, g.subject(i), target, claim, target_in_claim=False)


# ---- clause verbs


def clause(g: Grammar, i: int) -> Frame | None:
    """Read "The regulator alleges that the bank failed to report", "Critics claim the app spies".

    Without "that" the claim must open with a noun phrase and a verb. A weak cue ("claim") needs
    wrongdoing words in its claim or an item before it (checked by the caller).
    """
    s, lex = g.s, g.lex
    if noun_reading(g, i) or g.passive_before(i):
        return None
    kind = lex.clause_verbs[s.lower[i]]
    start = i + 1
    explicit_that = start < len(s) and s.lower[start] in lex.complementizers
    if explicit_that:
        start += 1
    elif kind in lex.clause_needs_that or s.match(start, lex.sense_exclusions.get(kind, ())):
        return None  # "claimed victory", "charges customers"
    end = g.claim_end(start)
    if start >= end:
        return None
    opening = g.noun_phrase(start, end)
    if not explicit_that and (opening.end == start or not opening.verb_follows):
        return None
    subject = g.subject(i)
    if subject is None:
        return None
    weak = kind not in lex.inherent_clause_kinds
    claim = Span(start, end)
    return Frame(i, kind, subject, None, claim, target_in_claim=True, needs_support=weak)


# ---- lawsuits


def sue(g: Grammar, i: int) -> Frame | None:
    """Read "Getty Images is suing Stability AI for copying photos", "X was sued by Y over Z"."""
    s, lex = g.s, g.lex
    kind = lex.sue_verbs[s.lower[i]]
    if s.match(i + 1, lex.sense_exclusions.get(kind, ())):
        return None  # "sue for peace"
    if g.passive_before(i):
        after = i + 1
        accuser = None
        if by := s.match(after, lex.agent_prepositions):
            end = after + len(by)
            while end < len(s) and not (s.lower[end] == "," or s.match(end, lex.sue_markers)):
                end += 1
            accuser = Span(after + len(by), end)
            after = end
        claim = lawsuit_claim(g, after)
        if claim is None:
            return None
        return Frame(i, kind, accuser, g.passive_subject(i), claim, target_in_claim=False)
    target = Span(i + 1, g.noun_phrase(i + 1).end)
    claim = lawsuit_claim(g, skip_time(g, target.end))
    if claim is None or target.start >= target.end:
        return None
    return Frame(i, kind, g.subject(i), target, claim, target_in_claim=False)


def filing(g: Grammar, i: int) -> Frame | None:
    """Read "X filed a lawsuit against Meta alleging Z", "Y faces a lawsuit from X over Z"."""
    s, lex = g.s, g.lex
    j = i + 1
    while j < len(s) and j <= i + 3 and not s.match(j, lex.lawsuit_nouns):
        j += 1
    noun = s.match(j, lex.lawsuit_nouns)
    if noun is None:
        return None
    j += len(noun)
    if s.lower[i] in lex.facing_verbs:
        source = s.match(j, lex.lawsuit_source_prepositions)
        if source is None:
            return None
        start = end = j + len(source)
        while end < len(s) and s.lower[end] != "," and s.lower[end] not in lex.lawsuit_source_ends:
            end += 1
        claim = lawsuit_claim(g, end)
        if claim is None:
            return None
        accuser = Span(start, end)
        return Frame(i, kinds.LAWSUIT, accuser, g.passive_subject(i), claim, target_in_claim=False)
    against = s.match(j, lex.target_prepositions)
    if against is None:
        return None
    start = j + len(against)
    target = Span(start, g.noun_phrase(start).end)
    claim = lawsuit_claim(g, target.end)
    if claim is None:
        return None
    return Frame(i, kinds.LAWSUIT, g.subject(i), target, claim, target_in_claim=False)


def lawsuit_claim(g: Grammar, i: int) -> Span | None:
    """Return the claim after lawsuit marker i: "over Z", ", alleging that Z", "accusing Y of Z"."""
    s, lex = g.s, g.lex
    if i < len(s) and s.lower[i] == ",":
        i += 1
    marker = s.match(i, lex.sue_markers)
    if marker is None:
        return None
    start = i + len(marker)
    if marker[-1] in lex.accuse_verbs:  # "accusing it of": the claim follows the preposition
        at = s.find(lex.sue_marker_prepositions, start, start + MARKER_OBJECT_WINDOW)
        if at < 0:
            return None
        start = at + len(s.match(at, lex.sue_marker_prepositions) or ())
    if start < len(s) and s.lower[start] in lex.complementizers:
        start += 1
    end = g.claim_end(start)
    return Span(start, end) if start < end else None


def skip_time(g: Grammar, i: int) -> int:
    """Return the token after a short time phrase at i ("on Monday", "last week"), else i."""
    s, lex = g.s, g.lex
    if i < len(s) and s.lower[i] in lex.time_openers:
        j = i + 1
        while j < len(s) and not punctuation(s.words[j]) and not s.match(j, lex.sue_markers):
            j += 1
        if j - i <= TIME_PHRASE_WORDS:
            return j
    return i


# ---- nouns


def noun(g: Grammar, i: int) -> Frame | None:
    """Read "The allegations against Weinstein include rape", "Allegations that the minister lied".

    The accuser is a possessor ("the French authorities' allegations"); the target is the
    "against" phrase, the subject of a "that" clause, or else the subject of the sentence.
    """
    s, lex = g.s, g.lex
    if not noun_reading(g, i) or s.ends_with(i, lex.noun_blocked_before):
        return None  # "in charge", "an insurance claim"
    if s.match(i + 1, lex.noun_blocked_after):
        return None  # "a claim of $5m"
    j = i + 1
    target: Span | None = None
    if against := s.match(j, lex.target_prepositions):
        target = Span(j + len(against), g.noun_phrase(j + len(against)).end)
        j = target.end
    if j >= len(s):
        return None
    complement = s.lower[j]
    that = complement in lex.complementizers  # "claims that Z": Z's subject is the target
    of = complement in lex.noun_object_prepositions  # "accusations of Z"
    if not (that or of or complement in lex.noun_list_verbs):  # "... include Z"
        return None
    start = j + 1
    target_in_claim = that
    nested = (
        start + 1 < len(s)
        and s.lower[start] in lex.nouns
        and s.lower[start + 1] in lex.complementizers
    )
    if not that and not of and nested:  # "... include accusations that Z"
        start += 2
        target_in_claim = True
    end = g.claim_end(start)
    if of and (at := s.find(lex.target_prepositions, start, end)) >= 0:
        after = at + len(s.match(at, lex.target_prepositions) or ())
        target = Span(after, g.noun_phrase(after).end)  # "accusations of Z against Y"
        end = at
    if i == 0 or g.clause_start(i) == i:
        end = main_predicate(g, start, end)
    if start >= end:
        return None
    accuser = possessor(g, i)
    if target is None and accuser is None and i > 0:
        target = g.sentence_subject(i)
    return Frame(
        i,
        lex.nouns[s.lower[i]],
        accuser,
        target,
        Span(start, end),
        target_in_claim,
        response=response_before(g, i),
        cue_is_noun=True,
    )


def noun_reading(g: Grammar, i: int) -> bool:
    """Return True when the cue at i reads as a noun: "the charges", "Durov's claims", "Claims"."""
    s, lex = g.s, g.lex
    if s.lower[i] not in lex.nouns:
        return False
    if i == 0 or (capitalised(s.words[i]) and g.clause_start(i) == i):
        return True
    if s.lower[i] not in lex.clause_verbs:
        return True
    if lex.is_possessive(s.lower[i - 1]) and s.lower[i - 1] != _APOSTROPHE:
        return True
    return s.ends_with(i, lex.noun_reading_before) is not None


def main_predicate(g: Grammar, start: int, end: int) -> int:
    """Cut a sentence-opening "Allegations that X did Y have dominated" before "have dominated"."""
    s, lex = g.s, g.lex
    seen_verb = False
    for j in range(g.noun_phrase(start, end).end, end):
        if g.verb_like(j) or s.lower[j] in lex.verb_hints:
            after = s.lower[j + 1] if j + 1 < end else ""
            past = lex.is_past(s.lower[j]) and (after in lex.np_stops or after in lex.determiners)
            if seen_verb and (s.lower[j] in lex.aux or past):
                return j
            seen_verb = True
    return end


def possessor(g: Grammar, i: int) -> Span | None:
    """Return the possessor of noun cue i: "French police" in "the French police's claims"."""
    s, lex = g.s, g.lex
    if i == 0 or not lex.is_possessive(s.lower[i - 1]) or s.lower[i - 1] == _APOSTROPHE:
        return None
    start = g.clause_start(i - 1)
    while start < i - 1 and (s.lower[start] in lex.determiners or s.lower[start] == ","):
        start += 1
    comma = s.find(_COMMA, start, i - 1)
    while comma >= 0:  # "In Paris, the authorities' allegations": after the last comma
        start = comma + 1
        comma = s.find(_COMMA, start, i - 1)
    return Span(start, i)


def response_before(g: Grammar, i: int) -> Cue | None:
    """Return a response cue before i in its clause: "denied" in "Smith denied claims that"."""
    s, lex = g.s, g.lex
    for j in range(g.clause_start(i), i):
        for phrase, kind in lex.responses:
            if s.at(j, phrase):
                return Cue(kind, j)
    return None


# ---- reported speech, sources and adverbs


def say(g: Grammar, i: int) -> Frame | None:
    """Read "Prosecutors say Holmes deceived investors": an accuser noun, a clause of wrongdoing."""
    s, lex = g.s, g.lex
    subject = g.subject(i)
    if subject is None or not s.contains(subject, lex.accuser_nouns):
        return None
    start = i + 1
    if skip := s.match(start, lex.say_skip):  # "told reporters", "said that"
        start += len(skip)
    if start < len(s) and s.lower[start] in lex.complementizers:
        start += 1
    end = g.claim_end(start)
    opening = g.noun_phrase(start, end)
    if opening.end == start or not opening.verb_follows:
        return None
    if s.lower[start] in lex.say_excluded_subjects:
        return None  # "police said they ...": what the speaker did, not an allegation
    claim = Span(start, end)
    if not g.wrongdoing(claim):
        return None
    return Frame(i, kinds.ALLEGATION, subject, None, claim, target_in_claim=True)


def according(g: Grammar, i: int) -> Frame | None:
    """Read "According to prosecutors, the defendant moved money", "X did Y, according to Z"."""
    s, lex = g.s, g.lex
    source = g.according_source(i)
    if source is None:
        return None
    target: Span | None = None
    if i == 0:
        claim = Span(source.end + 1, g.claim_end(source.end + 1))
    elif s.lower[i - 1] == "," and source.end < len(s) and s.lower[source.end] == ",":
        claim = Span(source.end + 1, g.claim_end(source.end + 1))  # "Smith, according to X, ..."
        target = g.subject(i - 1)
    else:
        claim = Span(0, i - 1 if s.lower[i - 1] == "," else i)
    if claim.start >= claim.end:
        return None
    if not s.contains(source, lex.accuser_nouns) and not g.wrongdoing(claim):
        return None  # "according to the company, sales rose"
    kind = g.source_kind(source, kinds.ALLEGATION)
    return Frame(i, kind, source, target, claim, target_in_claim=target is None)


def adverb(g: Grammar, i: int) -> Frame | None:
    """Read "The minister allegedly accepted gifts from a lobbyist"."""
    s, lex = g.s, g.lex
    subject = g.subject(i)
    if subject is None:
        return None
    claim = Span(i + 1, g.claim_end(i + 1))
    if claim.start >= claim.end:
        return None
    return Frame(i, lex.adverb_cues[s.lower[i]], None, subject, claim, target_in_claim=False)


# The rules in the order they are tried at a token, each with the words that trigger it.
RULES: tuple[tuple[Callable[[Lexicon, str], bool], Rule], ...] = (
    (lambda lex, w: w in lex.filing_verbs or w in lex.facing_verbs, filing),
    (lambda lex, w: w in lex.sue_verbs, sue),
    (
        lambda lex, w: w in lex.accuse_verbs or w in lex.charge_verbs or w in lex.passive_to_verbs,
        accuse_or_charge,
    ),
    (lambda lex, w: w in lex.clause_verbs, clause),
    (lambda lex, w: w in lex.nouns, noun),
    (lambda lex, w: w in lex.say_verbs, say),
    (lambda lex, w: w in lex.adverb_cues, adverb),
)
