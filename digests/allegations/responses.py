"""Responses: a sentence that answers allegations, and the items each answer belongs to.

A response links to the items whose target it names, to items in its own sentence, and, when it
refers back ("these claims", "the allegations", "them"), to the items just before it: those
earlier in its paragraph, else those of the last paragraph that had any.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.grammar import Grammar
from digests.allegations.lexicon import Lexicon
from digests.allegations.sentence import Phrase, Sentence, Span
from digests.models import Allegation, Response

REFERENCE_WINDOW = 6  # tokens after a response cue searched for "the allegations"


class ResponseMatch(NamedTuple):
    """A response found in a sentence."""

    kind: str  # one of kinds.RESPONSE_KINDS
    responder: Span | None  # the subject before the cue, if any
    refers_back: bool  # "denied these claims": answers the items before it


class Placed(NamedTuple):
    """An item and the (paragraph, sentence) it was found in."""

    paragraph: int
    sentence: int
    item: Allegation


class PlacedResponse(NamedTuple):
    """A response and the (paragraph, sentence) it was found in."""

    paragraph: int
    sentence: int
    response: Response
    refers_back: bool


def find_response(g: Grammar) -> ResponseMatch | None:
    """Return the first response: "Durov refuted these claims", "Cole declined to comment".

    A rejection or dispute needs an allegation word after it ("rejected the charges", not
    "rejected the bid"); a passive ("was denied bail") or negated cue is no response; a judge or
    court is no responder.
    """
    s, lex = g.s, g.lex
    for i in range(len(s)):
        cue = _response_cue(lex, s, i)
        if cue is None:
            continue
        phrase, kind = cue
        by = s.match(i + len(phrase), lex.agent_prepositions)
        if kind != kinds.NO_COMMENT and g.passive_before(i) and by:
            # "The charge was denied by Irma Tchkadua, his lawyer": the agent answers
            start = i + len(phrase) + len(by)
            agent = Span(start, g.noun_phrase(start).end)
            before = s.lower[g.clause_start(i) : i]
            if agent.start < agent.end and any(w in lex.reference_nouns for w in before):
                return ResponseMatch(kind, agent, refers_back=True)
        if kind != kinds.NO_COMMENT and (g.passive_before(i) or _negated(g, i)):
            continue
        after = s.lower[i + len(phrase) : i + len(phrase) + REFERENCE_WINDOW]
        named = any(w in lex.reference_nouns for w in (*phrase, *after))  # "called the claims"
        if kind in lex.responses_need_reference and not named:
            continue
        responder = g.subject(i)
        if responder and s.contains(responder, lex.non_responders):
            continue
        return ResponseMatch(kind, responder, _refers_back(lex, phrase, after))
    return None


def _response_cue(lex: Lexicon, s: Sentence, i: int) -> tuple[Phrase, str] | None:
    """Return the (phrase, kind) of a response cue at token i: "declined to comment", "denied"."""
    if phrase := s.match(i, lex.no_comment):
        return phrase, kinds.NO_COMMENT
    if phrase := s.match(i, lex.response_calls):
        return phrase, lex.response_call_kind
    if phrase := s.match(i, _response_phrases(lex)):
        return phrase, dict(lex.responses)[phrase]
    return None


def _response_phrases(lex: Lexicon) -> tuple[Phrase, ...]:
    """Return the response phrases, longest first (one tuple per lexicon, so it is indexed)."""
    cached = _PHRASES.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = (lex, tuple(phrase for phrase, _ in lex.responses))
        _PHRASES[id(lex)] = cached
    return cached[1]


_PHRASES: dict[int, tuple[Lexicon, tuple[Phrase, ...]]] = {}


def _refers_back(lex: Lexicon, phrase: Phrase, after: tuple[str, ...]) -> bool:
    """Return True when a cue points back at claims: "denied them", "denied the allegations"."""
    if after and after[0] in lex.reference_pronouns:
        return True
    for n, word in enumerate(after[:3]):
        if word in lex.reference_determiners and any(
            x in lex.reference_nouns for x in after[n + 1 : n + 3]
        ):
            return True
    return phrase[-1] in lex.reference_nouns


def _negated(g: Grammar, i: int) -> bool:
    """Return True when one of the two tokens before a response cue negates it: "did not deny"."""
    return any(g.lex.is_negative(g.s.lower[j]) for j in range(max(0, i - 2), i))


def link(
    items: list[Placed],
    responses: list[PlacedResponse],
    same_party: Callable[[str, str], bool],
) -> list[Allegation]:
    """Attach each response to the items it answers; return the items in order.

    ``same_party`` tells whether two names name one party (a responder and an item's target).
    """
    linked = [list(p.item.responses) for p in items]
    for r in responses:
        here = (r.paragraph, r.sentence)
        before = [k for k, p in enumerate(items) if (p.paragraph, p.sentence) <= here]
        chosen = {k for k in before if same_party(r.response.responder, items[k].item.target)}
        if r.refers_back:
            same = [
                k
                for k in before
                if items[k].paragraph == r.paragraph and items[k].sentence < r.sentence
            ]
            if not same and before:
                last = items[before[-1]].paragraph
                same = [k for k in before if items[k].paragraph == last]
            chosen.update(same)
        chosen.update(k for k in before if (items[k].paragraph, items[k].sentence) == here)
        for k in sorted(chosen):
            if all(x.sentence != r.response.sentence for x in linked[k]):
                linked[k].append(r.response)
    return [replace(p.item, responses=tuple(linked[k])) for k, p in enumerate(items)]
