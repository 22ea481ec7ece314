"""The fallback reader: a looser reading of a sentence no clause pattern reads (ru, fr, de, es).

The clause patterns (``ordered.py``) read exactly the constructions they were written for; new
text brings others. When no pattern reads a sentence (and it holds no response), this reader
tries it with the ``fallback_*`` keys of the language's cue file. Its items carry
``reading="fallback"`` so the ledger can show or rank them apart. The rules, in order:

* A sentence that is a question, or holds a ``fallback_blockers`` fragment (a verdict stated as
  fact, a sports, insurance or patent sense, a denial), gives no item.
* A cue is a token among ``fallback_active`` ("обвинил", "accuse", "beschuldigt", "acusa"),
  ``fallback_passive`` ("обвиняется", "soupçonné", "vorgeworfen", "soll", "imputado"),
  ``fallback_nominal`` ("обвинения", "plainte", "Vorwurf", "denuncia") or ``fallback_sources``
  ("по версии", "selon", "laut", "según"); the first cue, in sentence order, that makes an item
  wins. A cue is skipped when negated, after a hypothesis or conditional (the patterns' own
  guards), or when the sentence names no wrong: a ``wrongdoing`` fragment, unless the cue is
  itself one (``fallback_self_wrong``: "обвинение", "inculpé", "angeklagt").
* Parties, with no accuser rather than a wrong one:

  - active: the accuser is the party that ends the clause before the cue; the target is the
    party right after it (past ``fallback_skip`` words: "acusa a", "affirme que"), else the
    party between the accuser and the cue (German verb-final: "hat den Manager ...
    beschuldigt"), else the party after an "against" word (``fallback_against``);
  - passive: the target is the party before the cue in its clause (a legal source there is
    the accuser instead: "Laut Anklage soll X ..."), else the one after the cue ("Angeklagt
    ist X"), else after an "against" word; the accuser follows an agent word
    (``fallback_agents``: "par", "von", "por"). A passive form right after an active auxiliary
    (``fallback_active_aux``: "a accusé", "ha denunciado") is read as active;
  - nominal: the target follows an "against" word ("la plainte contre X", "обвинения в адрес
    X"); the accuser is the party before the cue in its clause ("Le syndicat a déposé une
    plainte contre X"), unless a negation follows the target ("... ne sont pas fondées");
  - source: the accuser is the party after the source word, the target the subject of the
    clause after the comma ("Selon les enquêteurs, la société a fraudé").

  Every item needs a target that is a party (a name, a role noun, a pronoun resolved in the
  paragraph); the accuser is left empty when it is no party or is the target.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from digests.allegations import kinds
from digests.allegations.clauses import Forms
from digests.allegations.ordered import (
    MAX_SLOT,
    Paragraph,
    Reader,
    is_question,
    slot_party,
)
from digests.allegations.sentence import Span, punctuation
from digests.models import Allegation

ACTIVE, PASSIVE, NOMINAL, SOURCE = "active", "passive", "nominal", "source"


def read(r: Reader, ctx: Paragraph, index: int) -> Allegation | None:
    """Return the fallback item of a sentence no pattern read, or None."""
    lex = r.lex
    if is_question(r):
        return None
    text = " " + " ".join(r.s.lower) + " "
    if any(fragment in text for fragment in lex.fallback_blockers):
        return None
    wrong = r.wrongdoing(Span(0, len(r.s)))
    for i, voice, kind in _cues(r):
        if r.negated(i, None) or r.hypothetical(i):
            continue
        if not (wrong or r.has(i, lex.fallback_self_wrong)):
            continue
        item = _item(r, ctx, index, i, voice, kind)
        if item is not None:
            return item
    return None


def _cues(r: Reader) -> Iterator[tuple[int, str, str]]:
    """Yield each cue token with its voice and kind, in sentence order."""
    lex = r.lex
    voices: tuple[tuple[str, Mapping[str, Forms]], ...] = (
        (ACTIVE, lex.fallback_active),
        (PASSIVE, lex.fallback_passive),
        (NOMINAL, lex.fallback_nominal),
        (SOURCE, lex.fallback_sources),
    )
    for i in range(len(r.s)):
        for voice, by_kind in voices:
            kind = next((k for k, forms in by_kind.items() if r.has(i, forms)), "")
            if not kind:
                continue
            if voice == PASSIVE and r.has(i - 1, lex.determiners):
                break  # "den Angeklagten", "el acusado": a noun for a person, no cue
            if voice == PASSIVE and r.has(i - 1, lex.fallback_active_aux):
                voice = ACTIVE  # "a accusé le maire de ...", "ha denunciado a ..."
            elif voice == ACTIVE and any(
                r.has(j, lex.fallback_passive_aux) for j in range(r.clause_start(i), i)
            ):
                voice = PASSIVE  # "Der Trainer wird beschuldigt, ...", "est accusé"
            yield i, voice, kind
            break


def _item(
    r: Reader, ctx: Paragraph, index: int, cue: int, voice: str, kind: str
) -> Allegation | None:
    """Return the item a cue makes when its parties are found, else None."""
    before = r.lead_party(r.clause_start(cue), cue)
    accuser_span: Span | None = None
    target_span: Span | None = None
    claim_start = cue + 1
    if voice == ACTIVE:
        accuser_span = before
        target_span = _after(r, cue)
        said = target_span is not None and r.s.lower[target_span.end : target_span.end + 1] == (
            ","
        )
        if before is None and said and kind == kinds.CLAIM and target_span is not None:
            # "Как утверждает прокуратура, Telegram ...": the speaker, then the claim
            accuser_span = target_span
            claim_start = target_span.end + 1
            target_span = r.claim_subject(Span(claim_start, r.claim_end(claim_start)))
        elif before is None and target_span is not None:
            second = _after(r, target_span.end - 1)
            if second is not None and second.start == target_span.end:
                # verb-second after an adverbial: "Am Montag warf die Staatsanwaltschaft dem
                # Unternehmen vor" (the first party after the verb is its subject)
                accuser_span, target_span = target_span, second
        if target_span is None and before is not None:
            target_span = r.lead_party(before.end, cue)  # "hat den Manager ... beschuldigt"
        target_span = target_span or _against(r, cue)
        if target_span is None and before is not None and not _legal(r, before):
            # no party after the verb: its object stands before it, the subject is left
            # unsaid ("Врача подозревают в подделке", "Его обвиняют в ...")
            accuser_span, target_span = None, before
    elif voice == PASSIVE:
        target_span = before
        if before is not None and _legal(r, before):
            accuser_span, target_span = before, None  # "Laut Anklage soll X ..."
        target_span = target_span or _after(r, cue) or _against(r, cue)
        accuser_span = accuser_span or _agent(r, cue, before)
    elif voice == NOMINAL:
        target_span = _against(r, cue)
        if target_span is not None and r.negated_after(target_span.end):
            return None  # "Les accusations contre X ne sont pas fondées"
        if before is not None and target_span is not None and target_span.end <= before.start:
            before = None
        accuser_span = before if before is None or before != target_span else None
    else:  # a source: "Selon les enquêteurs, X a ...", "Laut den Ermittlern hat X ..."
        accuser_span = _after(r, cue)
        if accuser_span is None:
            return None
        if cue > 1 and r.s.lower[cue - 1] == ",":  # "X a fraudé, selon le parquet"
            claim_start = 0
            target_span = r.claim_subject(Span(0, cue - 1))
        else:
            comma = _next_comma(r, cue)
            claim_start = comma + 1 if comma is not None else accuser_span.end
            target_span = r.claim_subject(Span(claim_start, r.claim_end(claim_start)))
    if target_span is None:
        return None
    target = slot_party(r, ctx, target_span, index, accuser=False, exclude="")
    if not target:
        return None
    accuser = slot_party(r, ctx, accuser_span, index, accuser=True, exclude=target)
    if accuser == target:
        accuser = ""
    end = r.claim_end(claim_start)
    claim = Span(claim_start, end) if end > claim_start else Span(cue, r.claim_end(cue))
    return Allegation(
        sentence=r.s.text,
        accuser=accuser,
        target=target,
        claim=r.s.original(claim),
        kind=kind,
        reading=kinds.FALLBACK_READING,
    )


def _after(r: Reader, cue: int) -> Span | None:
    """Return the party right after a cue, past the words ``fallback_skip`` lists."""
    p = cue + 1
    while p < len(r.s) and p <= cue + MAX_SLOT and r.has(p, r.lex.fallback_skip):
        p += 1
    if p >= len(r.s) or punctuation(r.s.words[p]):
        return None
    if r.pronoun(p):
        return Span(p, p + 1)
    end = r.party_end(p)
    return Span(p, end) if end > p else None


def _against(r: Reader, cue: int) -> Span | None:
    """Return the party after an "against" word in the cue's clause ("contre X", "gegen X"),
    after the cue first, then before it ("Против главы района возбуждено дело")."""
    after = range(cue + 1, min(len(r.s), cue + 1 + MAX_SLOT))
    for j in (*after, *range(r.clause_start(cue), cue)):
        if j > cue and r.s.lower[j] in {".", ";", ":", "?", "!"}:
            continue
        if r.has(j, r.lex.fallback_against):
            found = _after(r, j)
            if found is not None and found.start != cue:
                return found
    return None


def _agent(r: Reader, cue: int, before: Span | None) -> Span | None:
    """Return the party after an agent word next to a passive cue ("accusé par X", "acusado
    por X") or between its subject and the cue ("wurde von X beschuldigt")."""
    start = before.end if before is not None else r.clause_start(cue)
    for j in (*range(start, cue), cue + 1):
        if r.has(j, r.lex.fallback_agents):
            found = _after(r, j)
            if found is not None and r.is_party(found) and found.start != cue:
                return found
    return None


def _next_comma(r: Reader, cue: int) -> int | None:
    """Return the comma that closes a source's phrase ("Selon les enquêteurs ,")."""
    for j in range(cue + 1, min(len(r.s), cue + 1 + MAX_SLOT)):
        if r.s.lower[j] == ",":
            return j
        if r.s.lower[j] in {".", ";", ":"}:
            return None
    return None


def _legal(r: Reader, span: Span) -> bool:
    """Return True when a span holds a legal source ("Anklage", "parquet")."""
    return any(r.has(j, r.lex.legal_sources) for j in range(span.start, span.end))
