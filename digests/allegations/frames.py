"""The clause rules: each reads an allegation around one cue word, or returns None.

A cue word triggers the rules listed for it in :data:`RULES` (a word may trigger several:
"charged" is tried as "was charged with" and as "charged that"). Each rule returns a
:class:`Frame`: token spans for the accuser, the target named outright and the claim. Names are
resolved later (``resolve.py``); negation and hypotheses are checked by the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.grammar import Grammar, noun_before_comma
from digests.allegations.lexicon import Lexicon, Phrases
from digests.allegations.resolve import is_party, is_proper_name, name_like
from digests.allegations.sentence import Phrase, Span, capitalised, punctuation

MARKER_OBJECT_WINDOW = 8  # "accusing <up to this many tokens> of": where the preposition may be
OBJECT_WINDOW = 12  # "accused <object up to this long> of"
LINK_WINDOW = 16  # "linked <the suspect in the attempted bombing of ...> to"
TIME_PHRASE_WORDS = 3  # "sued X on Monday", "last week": longest time phrase skipped
DATE_WORDS = 6  # "early Tuesday morning", "late Jan. 6": longest bare date skipped
PARENTHESIS_WORDS = 5  # "alleged, by way of example, X did Y": longest aside skipped
SOURCE_WORDS = 6  # "X did Y, prosecutors in Texas said": longest source after a claim
MAX_TARGET_WORDS = 6  # "blamed the attack on <up to this many words>"
HELD_PHRASE_WORDS = 4  # "tried <in the district court> on fraud charges": the phrase skipped
APPOSITION_WORDS = 3  # "X, the teen accused of": the lower-case words of an aside
VERDICT_WORDS = 4  # "said X had been convicted": where the verdict stands after the subject
CHARGE_MODIFIER_WORDS = 10  # "pleaded guilty to <29 out of 30 federal hate crime> charges"
_COMMA: Phrases = ((",",),)
_OPEN: Phrases = (("(",),)
_CLOSE: Phrases = ((")",),)
_SENTENCE_BREAKS: Phrases = ((",",), (".",))
_CLAUSE_BREAKS: Phrases = ((";",), (".",), (":",))
_LIST_MARKS = frozenset({",", ".", "(", ")"})  # inside a list of objects: "Hewlett Packard (HP),"
_ASIDE_MARKS = frozenset({"—", "–", "--", ","})  # "X — a man in his forties — in ..."
_QUOTE = '"'  # an opening quotation mark before a name: 'against "unnamed individuals"'
_QUOTE_MARKS = frozenset({'"', "”", "“"})
_APOSTROPHE = "'"
_OPENING_QUOTES = _QUOTE_MARKS | {_APOSTROPHE, "‘"}  # 'called him "a thug"', "'a thug'"
_CLAUSE_MARKS = frozenset({";", ":", '"'})  # a joined predicate is sought before these


class Act(Enum):
    """A reported clause read for a named person's violent act (``violent_act``)."""

    NONE = auto()  # no such clause
    VIOLENT = auto()  # "police said Hale shot the clerk"
    NO_VICTIM = auto()  # "Hale said Brady beat the Jets": a violent verb, no one harmed


_PEOPLE = frozenset({kinds.PERSON, kinds.GROUP})  # "she", "they": pronouns of parties
_CLAUSE_NOUN_KINDS = frozenset({kinds.ALLEGATION, kinds.ACCUSATION})  # may drop "that"


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
    own_support: bool = False  # a belief ("believe"): wrongdoing in its own claim, no item before
    response: Cue | None = None  # a response in the same sentence: "Smith has denied claims"
    cue_is_noun: bool = False  # "to"/"will" just before a noun cue mark no hypothesis
    needs_target: bool = False  # no item unless the target is a party ("attributed to inflation")
    reported: bool = False  # reported speech or a source: a cue inside its claim reads first
    last: bool = False  # read only when no other reading of the sentence makes an item


Rule = Callable[[Grammar, int], Frame | None]


def frames(g: Grammar) -> list[Frame]:
    """Return every reading of the sentence, in the order of their cue words.

    Reported speech and sources come after the other readings: in "Fars reported Iran issued
    arrest warrants on 36 people" the warrants name the accused, and the speaker becomes the
    accuser of that reading. A reading marked ``last`` comes after all: "In a lawsuit filed by
    the family, the hospital is accused of negligence" names the accused in the later cue.
    """
    s, lex = g.s, g.lex
    found: list[Frame] = []
    table = _rules_by_word(lex)
    for i, low in enumerate(s.lower):
        for rule in table.get(low, ()):
            if (frame := rule(g, i)) is not None:
                found.append(frame)
    at = s.find(lex.according_to)
    if at >= 0 and (frame := according(g, at)) is not None:
        found.append(frame)
    found = [f for f in found if not (f.kind in _VERDICT_KINDS and after_verdict(g, f.cue))]
    return sorted(found, key=lambda f: (f.last, f.reported, f.cue))


_VERDICT_KINDS = frozenset({kinds.CHARGE, kinds.ACCUSATION})  # charges a verdict may settle


def after_verdict(g: Grammar, i: int) -> bool:
    """Return True when a verdict stated as fact stands before the charge at token i.

    "He was sentenced to life in prison for ... two counts of aggravated assault", "LaRue
    served four months in prison ..., after being charged with obstructing justice", "a guilty
    verdict for one of the two men accused of murdering": the charge is the verdict's, settled,
    no allegation (a phrase of ``verdict_phrases`` between the clause's start and the cue).
    The clause starts after ";", ":", a say verb ("said X was convicted": reported, read by
    ``say``) or "but"; a verdict in a relative aside closed before the cue ("Hale, who was
    convicted in 2010, was charged again") is not the clause's.
    """
    s, lex = g.s, g.lex
    start = 0
    for j in range(i - 1, -1, -1):
        low = s.lower[j]
        if low in _CLAUSE_MARKS or low in lex.say_verbs or low in lex.contrast_coordinators:
            start = j + 1
            break
    j = s.find(lex.verdict_phrases, start, i)
    while j >= 0:
        if not (g.in_relative(j) and "," in s.lower[j:i]):
            return True
        j = s.find(lex.verdict_phrases, j + 1, i)
    return False


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
    if _before_arrest_noun(g, i) is not None:
        return None  # "made a second arrest in connection with": the noun, ``arrest_noun``
    kind = (
        lex.accuse_verbs.get(low)
        or lex.charge_verbs.get(low)
        or lex.sanction_verbs.get(low)
        or lex.investigate_verbs.get(low)
        or lex.blame_verbs.get(low)
        or lex.arrest_verbs.get(low)
        or lex.passive_to_verbs[low]
    )
    passive_only = low in lex.passive_only_verbs or (
        low in lex.passive_to_verbs and low not in lex.accuse_verbs
    )  # "is wanted for murder", never "wanted to make it easier"
    if low in lex.passive_to_verbs and low not in lex.accuse_verbs:
        preps = lex.passive_to_prepositions
    elif low in lex.accuse_verbs:
        preps = lex.accuse_prepositions
    elif low in lex.blame_verbs:
        preps = lex.blame_prepositions
    elif low in lex.arrest_verbs:
        preps = lex.arrest_prepositions
    elif low in lex.sanction_verbs or low in lex.investigate_verbs:
        preps = lex.sanction_prepositions
    else:
        preps = lex.charge_prepositions
    passive_to = low in lex.passive_to_verbs and low in lex.clause_verbs and g.passive_before(i)
    if s.match(i + 1, lex.sense_exclusions.get(kind, ())) and not passive_to:
        return None  # "charge customers a fee", "claimed to have seen"
    if s.contains(Span(i + 1, len(s)), lex.acquittal_phrases):
        return None  # "the six defendants accused of manslaughter have been cleared of all charges"
    # passive after "was", or when the preposition follows at once ("the senator, accused of
    # fraud, ..."); a verb that also takes a clause ("alleged to the court that") only after "was"
    takes_clause = low in lex.passive_to_verbs and low in lex.clause_verbs
    passive = g.passive_before(i) or bool(s.match(i + 1, preps) and not takes_clause)
    if not (passive or takes_clause) and (i == 0 or s.lower[i - 1] == ","):
        # a participle opening the sentence or set off after a name: "..., arrested Jan. 6 in
        # Clairemont on suspicion of", "Arrested by the CHP on suspicion of ..., he was"
        passive = _reduced_passive(g, i, preps)
    if passive_only and not passive:
        return None
    if passive:
        after = i + 1
        accuser = None
        if by := s.match(after, lex.agent_prepositions):
            end = after + len(by)
            # "was detained by police for occupying roads": an arrest's reason ends the agent
            stops = (preps, lex.arrest_reason_prepositions) if low in lex.arrest_verbs else (preps,)
            while end < len(s) and not any(s.match(end, p) for p in stops) and s.lower[end] != ",":
                end += 1
            accuser = Span(after + len(by), end)
            if len(stops) > 1:  # "by police on Friday for ...": the agent before the time
                accuser = g.before_time(accuser)
            after = end
        after = skip_to(g, after, preps)  # "was arrested on Friday on a charge of"
        prep = s.match(after, preps)
        on = s.match(after, lex.blame_reverse_prepositions) if low in lex.blame_verbs else None
        if prep is None and on:  # "The attacks were blamed on a militia": the party after "on"
            start = after + len(on)
            target = Span(start, g.noun_phrase(start).end)
            event = g.passive_subject(i) or Span(0, i)
            if target.start >= target.end:
                return None
            return Frame(i, kind, accuser, target, event, target_in_claim=False, needs_target=True)
        reason = prep is None and low in lex.arrest_verbs
        gerund_ok = True
        if reason:  # "was detained earlier Friday in an area near X, for possession of ..."
            at, prep, gerund_ok = arrest_reason_at(g, after)
            after = max(at, after)
        if prep is None:
            return _bare_charge(g, i, accuser) if low in lex.bare_charge_verbs else None
        claim = Span(after + len(prep), g.claim_end(after + len(prep)))
        fronted = _fronted_subject(g, i, claim) if i == 0 else None
        if fronted is not None:
            # "Charged with one count of ..., he appeared in court": the main clause's subject
            claim = Span(claim.start, fronted.start - 1)
        if claim.start >= claim.end or (reason and not g.arrest_reason(claim, gerund_ok)):
            return None
        if s.lower[claim.start] == ",":
            return None  # "impeached for, and convicted of, ...": no claim after the preposition
        if accuser is None and not lex.is_gerund(s.lower[claim.start]):
            # "have been charged with corruption by Egyptian authorities": the agent after the
            # charge's object
            k = g.noun_phrase(claim.start, claim.end).end
            if claim.start < k < claim.end and (by := s.match(k, lex.agent_prepositions)):
                agent = Span(k + len(by), g.noun_phrase(k + len(by), claim.end).end)
                if (
                    agent.start < agent.end
                    and not lex.is_gerund(s.lower[agent.start])  # "by shooting a guard"
                    and is_party(lex, s.original(agent))
                ):
                    accuser, claim = agent, Span(claim.start, k)
        if low in lex.investigate_verbs and not g.wrongdoing(claim):
            return None  # "was investigated over the weekend": an inquiry names a wrong
        if g.held_lawfully(claim):
            return None  # "Israel is suspected of possession of nuclear weapons": a thing held
        if g.ailment(claim):
            return None  # "children suspected of malnutrition have been examined": an illness
        subject = g.passive_subject(i)
        generic = s.lower[i - 1] in lex.generic_parties  # "to extradite anyone accused of"
        reduced = not (g.passive_before(i) or generic)
        before = _object_before(g, i) if reduced else None
        apposed = _apposed_name(g, i) if reduced else None
        if apposed is not None:
            before = apposed  # "hunting Jermayne Timmons, the teen accused of": the name
        elif reduced and i > 1 and s.lower[i - 1] == ",":
            # "a case involving Vincent Jackson, arrested ...": the name just before the comma
            start = i - 1
            while start > 0 and g.name_word(start - 1):
                start -= 1
            if 0 < start < i - 1 and not punctuation(s.words[start - 1]):
                before = Span(start, i - 1)  # not "of New Bedford, Massachusetts, accused"
        if (
            reduced
            and low in lex.charge_verbs
            and i > 0
            and lex.strip_possessive(s.lower[i - 1]) in lex.duty_nouns
            and not g.wrongdoing(claim)
        ):
            return None  # "Catherine Colonna, Minister charged with European Affairs": a duty
        if (
            before is not None
            and before.start > g.clause_start(i)
            and is_party(lex, s.original(before))
        ):
            subject = before  # "Police are hunting a man suspected of stabbing two people"
        elif reduced and (subject is None or not is_party(lex, s.original(subject))):
            subject = g.sentence_subject(i)  # "Smith is due in court charged with murder"
        if fronted is not None:
            subject = fronted
        if reduced and subject is not None and s.lower[subject.start] in lex.adverbial_prepositions:
            return None  # "X and Y are among seven people arrested in connection with": a share
        if reduced and subject is not None and subject.end == i and g.hypothesis_in(claim):
            words = s.lower[subject.start : subject.end]
            bare = not any(
                w in lex.determiners or w[:1].isdigit() or w in lex.count_words for w in words
            )
            if bare and lex.name_base(words[-1]) != words[-1]:
                return None  # "UK citizens suspected of terrorism could face house arrest"
        if prep in lex.identity_prepositions:
            named = Span(claim.start, g.noun_phrase(claim.start, claim.end).end)
            if any(g.name_word(k) for k in range(named.start, named.end)):
                subject = named  # "by a prisoner, suspected to be Louis De Zoysa": the name
        # "Taylor is claimed to have ordered ...": a weak cue, read only with a wrong or an item
        # before ("The iPhone is claimed to be 'a revolutionary mobile phone'" is none)
        weak = kind not in lex.inherent_clause_kinds and low in lex.clause_verbs
        return Frame(i, kind, accuser, subject, claim, target_in_claim=False, needs_support=weak)
    if low in lex.clause_verbs and i + 1 < len(s) and s.lower[i + 1] in lex.complementizers:
        return None  # "the indictment charges that ...": a clause frame
    if i and (s.lower[i - 1] in lex.count_words or s.words[i - 1].isdigit()):
        return None  # "Two accused gangbangers went on trial": an adjective after a count
    # an acronym in brackets takes no room: "its rival, the Awami National Party (ANP), of"
    brackets = sum(3 for k in range(i + 1, min(len(s), i + OBJECT_WINDOW)) if s.lower[k] == "(")
    at = s.find(preps, i + 1, i + OBJECT_WINDOW + brackets)
    start = at + len(s.match(at, preps) or ()) if at >= 0 else -1
    reason = at < 0 and low in lex.arrest_verbs
    gerund_ok = True
    if reason:  # "arrested one person for urinating in public"
        at, found, gerund_ok = arrest_reason_at(g, i + 1)
        start = at + len(found or ())
    if at < 0 and low in lex.blame_verbs:
        return blame_on(g, i, kind)
    if at < 0:
        return None
    k = i + 1
    first_break = -1
    while 0 <= k < at:  # a comma ends the object, but not around an aside: "Ri Jong Chol, 46,"
        if s.match(k, _SENTENCE_BREAKS):
            if (after := g.object_aside(k)) == k or after > at:
                return None
            first_break = k if first_break < 0 else first_break
            k = after
        else:
            k += 1
    claim = Span(start, g.claim_end(start))
    if claim.start >= claim.end or at == i + 1:
        return None
    if reason and not g.arrest_reason(claim, gerund_ok):
        return None
    if low in lex.investigate_verbs and not g.wrongdoing(claim):
        return None  # "police are investigating the cause of the fire over the weekend"
    # "sanctioned Iran earlier in the month over"; "Ri Jong Chol, 46,": the name before the age
    target = g.before_time(Span(i + 1, first_break if first_break >= 0 else at))
    aside = g.aside_name(first_break) if first_break >= 0 else None
    if aside is not None and not any(g.name_word(k) for k in range(target.start, target.end)):
        target = aside[0]  # "its main political rival, the Awami National Party (ANP),": the name
    # "blamed the fall in profits on launch costs for ...": blame names a party or is none
    blame = low in lex.blame_verbs
    return Frame(i, kind, g.agent(i), target, claim, target_in_claim=False, needs_target=blame)


def arrest_noun(g: Grammar, i: int) -> Frame | None:
    """Read "Police announced the arrest of John Smith for fraud", "five arrests were made for
    drug offences": an arrest named as a noun (``arrest_nouns``), with its reason.

    The noun follows a determiner or a number; "of X" names the arrested (a dash- or
    comma-set aside after X is skipped), or "were made" follows. The reason is read as for the
    verb: a strong preposition (``arrest_prepositions``: "on suspicion of", "in connection
    with") or a weaker one whose object names an offence ("for minor offences", "over the
    killing"; not "for questioning"). The subject of a verb right before the noun accuses
    ("Police made five arrests"); a reporter of the clause may ("X reported five arrests were
    made"). "The arrest of John Smith on Friday" names no reason and is none.
    """
    s, lex = g.s, g.lex
    before = _before_arrest_noun(g, i)
    if before is None:
        return None  # "police arrest him", "to arrest": a verb
    if i > 1 and lex.is_article(s.lower[i - 1]) and s.ends_with(i - 1, lex.unmade_arrest_openers):
        return None  # "a reward for information leading to the arrest of ...": none made
    verb = before >= 0 and g.verb_like(before) and s.lower[before] not in lex.passive_aux
    target: Span | None = None
    if i + 2 < len(s) and s.lower[i + 1] in lex.noun_object_prepositions:
        target = Span(i + 2, g.noun_phrase(i + 2).end)
        if target.start >= target.end:
            return None
        after = _past_aside(g, target.end)
    elif (
        i + 2 < len(s)
        and s.lower[i + 1] in lex.passive_aux
        and s.lower[i + 2] in lex.arrest_noun_verbs
    ):
        after = i + 3  # "five arrests were made for ..."
    elif verb:
        after = i + 1  # "Police made five arrests for ..."
    else:
        return None
    strong = -1
    for k in range(after, min(after + OBJECT_WINDOW, len(s))):
        if s.match(k, _CLAUSE_BREAKS):
            break
        if s.match(k, lex.arrest_prepositions):
            strong = k
            break
    if strong >= 0:
        start = strong + len(s.match(strong, lex.arrest_prepositions) or ())
        claim = Span(start, g.claim_end(start))
        if target is None and not g.arrest_reason(claim, gerund_ok=False):
            return None  # "made a second arrest in connection with it": no one, no wrong
    else:
        at, prep, gerund_ok = arrest_reason_at(g, after)
        if prep is None:
            return None
        claim = Span(at + len(prep), g.claim_end(at + len(prep)))
        if not g.arrest_reason(claim, gerund_ok):
            return None
    if claim.start >= claim.end:
        return None
    accuser = g.subject(before) if verb else None  # "Officials announced an arrest of ..."
    return Frame(i, kinds.CHARGE, accuser, target, claim, target_in_claim=False, cue_is_noun=True)


def _before_arrest_noun(g: Grammar, i: int) -> int | None:
    """Return the token before the determiners of an arrest noun at i ("made [a second]
    arrest"), or None when the word is no such noun ("police arrest him")."""
    s, lex = g.s, g.lex
    if s.lower[i] not in lex.arrest_nouns or i == 0:
        return None
    before = i - 1
    while (
        before >= 0
        and i - before <= 2
        and (
            s.lower[before] in lex.determiners
            or s.lower[before] in lex.count_words
            or s.lower[before][:1].isdigit()
            or s.lower[before] in lex.arrest_noun_modifiers
        )
    ):
        before -= 1
    return None if before == i - 1 else before


def _past_aside(g: Grammar, k: int) -> int:
    """Return where the sentence goes on after an aside opening at k ("X — a man in his
    forties — in ...", "X, 45, for ..."), else k."""
    s = g.s
    if k >= len(s) or s.words[k] not in _ASIDE_MARKS:
        return k
    mark = s.words[k]
    for j in range(k + 1, min(len(s), k + 1 + OBJECT_WINDOW + 4)):
        if s.words[j] == mark:
            return j + 1
    return k


def _reduced_passive(g: Grammar, i: int, preps: Phrases) -> bool:
    """Return True when a participle with no auxiliary reaches its preposition past a date, a
    place or its "by" doer: "arrested Jan. 6 in Clairemont on", "Arrested by the CHP on"."""
    s, lex = g.s, g.lex
    if s.match(skip_to(g, i + 1, preps), preps):
        return True
    by = s.match(i + 1, lex.agent_prepositions)
    if by is None:
        return False
    for k in range(i + 1 + len(by), min(len(s), i + 1 + MARKER_OBJECT_WINDOW)):
        if s.match(k, preps):
            return k > i + 1 + len(by)
        if punctuation(s.words[k]):
            break
    return False


def _fronted_subject(g: Grammar, i: int, claim: Span) -> Span | None:
    """Return the subject of the main clause after a participle opening the sentence.

    "Charged with one count of ..., he appeared in court": "he", the first noun phrase after a
    comma inside the claim that a verb follows. None when there is none.
    """
    s = g.s
    for k in range(claim.start + 1, claim.end - 1):
        if s.lower[k] != ",":
            continue
        opening = g.noun_phrase(k + 1, claim.end)
        if opening.end == k + 1:
            continue
        after_age = g.skip_subject_aside(opening.end)  # "Smith, 45, was held"
        if opening.verb_follows or (after_age > opening.end and g.verb_like(after_age)):
            return Span(k + 1, opening.end)
    return None


def _bare_charge(g: Grammar, i: int, accuser: Span | None) -> Frame | None:
    """Read "86 individuals have been indicted since ...": a charge passive with no offence.

    The "by" phrase, if any, is the accuser: "have since been charged by the Greek authorities".

    Only a true passive ("was", "have been", not "to be") whose subject is a party: "the battery
    was charged" is none, and so is an impeachment in history ("Clinton was impeached in 1998";
    "impeached" is no ``bare_charge_verbs``). The subject must be named, not a pronoun: with
    neither the offence nor the accused in the sentence, "He was charged twice in late 2005
    before a commission" is a step of a case told earlier, and the pronoun's guess the only name.
    """
    if not g.passive_before(i) or g.s.lower[i - 1] in g.lex.bare_charge_excluded_aux:
        return None
    subject = g.passive_subject(i)
    if subject is None or g.pronoun(subject.start):
        return None
    if not is_party(g.lex, g.s.original(subject)):
        return None
    if accuser is not None:  # "by the Greek authorities and await trial": the noun phrase
        accuser = Span(accuser.start, g.noun_phrase(accuser.start, accuser.end).end)
    return Frame(i, kinds.CHARGE, accuser, subject, Span(i, i + 1), False, needs_target=True)


def arrest_reason_at(g: Grammar, start: int) -> tuple[int, Phrase | None, bool]:
    """Find the reason of an arrest after ``start``: (where, preposition, whether a gerund does).

    "for urinating in public" (a gerund will do); "following an alleged incident", "over the
    killing" (wrongdoing needed). Not past the clause.
    """
    s, lex = g.s, g.lex
    for k in range(start, min(start + OBJECT_WINDOW, len(s))):
        if s.match(k, _CLAUSE_BREAKS):
            break
        if found := s.match(k, lex.arrest_reason_prepositions):
            return k, found, True
        if (found := s.match(k, lex.arrest_event_prepositions)) and not (
            k and s.lower[k - 1] in lex.arrest_event_timers
        ):  # "arrested shortly after the killing", "two days after the explosion": a time
            return k, found, False
    return -1, None, False


def on_suspicion(g: Grammar, i: int) -> Frame | None:
    """Read "Zhukovskyy has been stopped for suspicion of driving while inebriated".

    Any passive participle a few words before "on/for suspicion of" (stopped, held, questioned,
    searched): its subject is suspected of the wrong that follows.
    """
    s, lex = g.s, g.lex
    phrase = s.match(i, lex.suspicion_phrases)
    if phrase is None:
        return None
    verb = next(
        (
            k
            for k in range(i - 1, max(-1, i - 1 - TIME_PHRASE_WORDS - 1), -1)
            if s.lower[k] not in lex.passive_aux and g.passive_before(k)
        ),
        None,
    )
    if verb is None or s.find(_SENTENCE_BREAKS, verb, i) >= 0:
        return None
    claim = Span(i + len(phrase), g.claim_end(i + len(phrase)))
    if claim.start >= claim.end:
        return None
    target = g.passive_subject(verb)
    if target is not None and (said := s.find(((w,) for w in lex.suspicion_sources), *target)) >= 0:
        # "The Associated Press reports Zhukovskyy has been stopped": the reporter is the source
        return Frame(
            i,
            kinds.CHARGE,
            Span(target.start, said),
            Span(said + 1, target.end),
            claim,
            target_in_claim=False,
            needs_target=True,
        )
    return Frame(i, kinds.CHARGE, None, target, claim, target_in_claim=False, needs_target=True)


def _reason(g: Grammar, i: int, phrases: Phrases) -> Span | None:
    """Return the reason after a phrase at ``i`` and a preposition ("under investigation for X")."""
    phrase = g.s.match(i, phrases)
    if phrase is None:
        return None
    at = skip_date(g, i + len(phrase))  # "went on trial Wednesday for"
    prep = g.s.match(at, g.lex.sanction_prepositions)
    if prep is None:
        return None
    claim = Span(at + len(prep), g.claim_end(at + len(prep)))
    return claim if claim.start < claim.end else None


def under_investigation(g: Grammar, i: int) -> Frame | None:
    """Read "The senator is under investigation for misusing campaign funds"."""
    claim = _reason(g, i, g.lex.investigation_nouns)
    if claim is None or not g.wrongdoing(claim):
        return None
    return Frame(
        i, kinds.ACCUSATION, None, g.subject(i), claim, target_in_claim=False, needs_target=True
    )


def on_trial(g: Grammar, i: int) -> Frame | None:
    """Read "The parents are on trial for manslaughter", "two men will stand trial for murder".

    A trial for a wrong is a charge brought; its subject is the target, its prosecutor unnamed
    ("a trial for a new vaccine" names no wrong and is none).
    """
    claim = _reason(g, i, g.lex.trial_phrases)
    if claim is None or not g.wrongdoing(claim) or g.exculpatory(claim):
        return None
    subject = g.subject(i)
    if subject is not None and any(
        g.lex.is_gerund(g.s.lower[k]) and not capitalised(g.s.words[k]) for k in range(*subject)
    ):
        return None  # "priorities ... included putting Bacar on trial for corruption": an aim
    return Frame(i, kinds.CHARGE, None, subject, claim, target_in_claim=False, needs_target=True)


def trial_of(g: Grammar, i: int) -> Frame | None:
    """Read "at the start of the murder trial of Andrew Lopez": a wrong's trial names its accused.

    The word before the trial noun must name a wrong ("murder", "fraud"); "the trial of the
    century" or "a clinical trial of a vaccine" is none.
    """
    s, lex = g.s, g.lex
    if i == 0 or i + 1 >= len(s) or s.lower[i + 1] not in lex.noun_object_prepositions:
        return None
    wrong = Span(i - 1, i)
    if punctuation(s.words[i - 1]) or not g.wrongdoing(wrong) or g.exculpatory(wrong):
        return None
    start = i + 2
    target = Span(start, g.noun_phrase(start).end)
    if target.start >= target.end or not any(g.name_word(k) for k in range(*target)):
        return None  # "the murder trial of a man": no one named
    return Frame(i, kinds.CHARGE, None, target, wrong, target_in_claim=False, needs_target=True)


def contempt(g: Grammar, i: int) -> Frame | None:
    """Read "voted to hold X in contempt of Congress", "X was held in contempt in 2012"."""
    s, lex = g.s, g.lex
    at = s.find(lex.contempt_phrases, i + 1, i + 1 + OBJECT_WINDOW + 4)
    if at < 0 or s.find(_CLAUSE_BREAKS, i + 1, at) >= 0:
        return None
    phrase = s.match(at, lex.contempt_phrases) or ()
    claim = Span(at, g.claim_end(at + len(phrase)))
    if g.passive_before(i) and at == i + 1:  # "Eric Holder was held in contempt"
        return Frame(i, kinds.CHARGE, None, g.passive_subject(i), claim, target_in_claim=False)
    target = Span(i + 1, at)
    if at == i + 1 or s.lower[i + 1] in lex.indefinite_articles:
        return None  # "has Congress voted to hold a Cabinet officer in contempt": no one named
    comma = s.find(_COMMA, i + 1, at)  # "two Cabinet officers, Commerce Secretary Wilbur Ross"
    if comma >= 0:
        target = Span(comma + 1, at)
        while target.end > target.start and s.lower[target.end - 1] == ",":
            target = Span(target.start, target.end - 1)
    accuser = g.sentence_subject(i) if s.lower[i - 1] in lex.aux else g.agent(i)
    return Frame(i, kinds.CHARGE, accuser, target, claim, target_in_claim=False, needs_target=True)


def inquiry(g: Grammar, i: int) -> Frame | None:
    """Read "an investigation of police misconduct", "investigations into police brutality".

    The party named inside the phrase, before its wrong, is the target.
    """
    s, lex = g.s, g.lex
    prep = s.match(i + 1, lex.inquiry_prepositions)
    if prep is None:
        return None
    start = i + 1 + len(prep)
    end = g.noun_phrase(start).end
    phrase = Span(start, end)
    if phrase.start >= phrase.end or not g.wrongdoing(phrase):
        return None
    demander = g.sentence_subject(i)  # who demands or opens it: "protesters' demands include"
    if demander is not None:
        owner = next(
            (k for k in range(demander.start, demander.end) if lex.is_possessive(s.lower[k])), -1
        )
        demander = Span(demander.start, owner + 1) if owner >= 0 else demander
    for j in range(phrase.start, phrase.end - 1):
        if s.lower[j] in lex.role_nouns or g.name_word(j):
            return Frame(
                i,
                kinds.ALLEGATION,
                demander,
                Span(j, j + 1),
                phrase,
                target_in_claim=False,
                needs_target=True,
            )
    return None


def blame_on(g: Grammar, i: int, kind: str) -> Frame | None:
    """Read "The minister blamed the attack on Iran": the claim first, the target after "on"."""
    s, lex = g.s, g.lex
    at = s.find(lex.blame_reverse_prepositions, i + 1, i + OBJECT_WINDOW)
    if at < 0 or at == i + 1 or s.find(_SENTENCE_BREAKS, i + 1, at) >= 0:
        return None
    start = at + len(s.match(at, lex.blame_reverse_prepositions) or ())
    end = start  # "on rebel groups.": up to the next preposition or mark ("groups" is no verb)
    while end < len(s) and end - start < MAX_TARGET_WORDS and not punctuation(s.words[end]):
        if s.lower[end] in lex.np_stops or g.verb_like(end):
            break
        end += 1
    target = Span(start, end)
    if target.start >= target.end:
        return None
    return Frame(
        i, kind, g.agent(i), target, Span(i + 1, at), target_in_claim=False, needs_target=True
    )


def skip_to(g: Grammar, i: int, phrases: Phrases) -> int:
    """Return where one of the phrases starts after a short time phrase at i ("on Friday").

    A bare date or part of the day comes first when there is one: "arrested early Jan. 6 on
    suspicion of", "arrested Jan. 6 in Clairemont on suspicion of".
    """
    s, lex = g.s, g.lex
    start = skip_date(g, i)
    if start > i and s.match(start, phrases):
        return start
    if start < len(s) and s.lower[start] in lex.time_openers and not s.match(start, phrases):
        for k in range(start + 1, min(start + 1 + TIME_PHRASE_WORDS, len(s))):
            if s.match(k, phrases):
                return k
    return i


def skip_date(g: Grammar, i: int) -> int:
    """Return the token after a bare date at i ("early Jan. 6", "Sunday morning"), else i.

    A date's words are listed (``date_words``); a number and an abbreviated month's dot count
    only inside one: "Jan. 6".
    """
    s, lex = g.s, g.lex
    j = i
    while j < len(s) and j - i < DATE_WORDS:
        low = s.lower[j]
        if low in lex.date_words or (j > i and (low.isdigit() or _month_dot(g, j))):
            j += 1  # a number or a dot only after a date's word: "Jan. 6"
        else:
            break
    return j


def _month_dot(g: Grammar, j: int) -> bool:
    """Return True when token j is the dot of an abbreviated month ("Jan.") before its day."""
    s = g.s
    return (
        s.lower[j] == "."
        and capitalised(s.words[j - 1])
        and len(s.words[j - 1]) <= 4
        and j + 1 < len(s)
        and s.words[j + 1].isdigit()
    )


# ---- clause verbs


def clause(g: Grammar, i: int) -> Frame | None:
    """Read "The regulator alleges that the bank failed to report", "Critics claim the app spies".

    Without "that" the claim must open with a noun phrase and a verb. A weak cue ("claim") needs
    wrongdoing words in its claim or an item before it (checked by the caller).
    """
    s, lex = g.s, g.lex
    if noun_reading(g, i):
        return None
    if g.passive_before(i):
        return _it_passive(g, i, lex.clause_verbs[s.lower[i]])
    if i and lex.is_possessive(s.lower[i - 1]):
        return None  # "Trump's alleged abuse of power": an adjective, read by its own rule
    if i and (s.lower[i - 1] in lex.definite_articles or s.lower[i - 1] in lex.indefinite_articles):
        return None  # "officials say the alleged attack was staged": an adjective, no verb
    kind = lex.clause_verbs[s.lower[i]]
    start = i + 1
    if start < len(s) and s.lower[start] == ",":  # "alleged, by way of example, Mahan had ..."
        close = s.find(_COMMA, start + 1, start + 2 + PARENTHESIS_WORDS)
        if close < 0:
            return None
        start = close + 1
    explicit_that = start < len(s) and s.lower[start] in lex.complementizers
    if explicit_that:
        start += 1
    elif kind in lex.clause_needs_that or (
        s.match(start, lex.sense_exclusions.get(kind, ()))
        and not g.noun_phrase(start).verb_follows  # "believe the crown prince ordered ..."
    ):
        return None  # "claimed victory", "charges customers"
    end = g.claim_end(start)
    if start >= end:
        return None
    opening = g.noun_phrase(start, end)
    if opening.end > start and not opening.verb_follows:
        after_age = g.skip_age(opening.end)  # "Police allege Eric Kirkpatrick, 61, opened fire"
        if after_age > opening.end and g.verb_like(after_age):
            opening = opening._replace(verb_follows=True)
    if not explicit_that and (opening.end == start or not opening.verb_follows):
        return wrong_object(g, i, kind, Span(start, opening.end))
    subject = g.agent(i)
    if subject is None:
        return None
    weak = kind not in lex.inherent_clause_kinds
    claim = Span(start, end)
    first = s.find(_COMMA, start, end)
    opening_clause = Span(start, end if first < 0 else first)
    if weak and (g.exculpatory(claim) or g.hypothesis_in(opening_clause)):
        return None  # "his lawyers claimed he acted in self defense", "contended he would have"
    if weak and _own_passive(g, subject, claim):
        # "Paris claims she was kept on the ship": what was done to the speaker, by someone the
        # sentence does not name; an item only with wrongdoing in the claim or an item before
        harmed = _harm_done(g, claim)  # "she was forced to work": no item before needed
        return Frame(i, kind, subject, None, claim, target_in_claim=False, needs_support=not harmed)
    if weak and subject.end == subject.start + 1 and s.lower[subject.start] == s.lower[start]:
        return None  # "he asserted he had won": a claim about oneself accuses no one
    if (
        weak
        and opening.end == start + 1
        and g.pronoun(start)
        and all(g.name_word(k) for k in range(*subject))
        and not g.wrongdoing(claim)
    ):
        return None  # "TallGrass claims it is the fastest-growing supplier": about itself
    if _reported_telling(g, opening.end, end):
        return None  # "alleged officials told the White House their government had withdrawn"
    if weak and _benefit(g, opening.end, claim):
        return None  # "White also claimed that the NSM received support from activists"
    if weak and (
        s.lower[start] in lex.existential_subjects
        or (
            g.passive_clause(claim)
            and _thing(g, Span(start, opening.end))
            and not _copula_noun(g, opening.end, end)
        )
    ):
        # "the opposition claimed there was widespread vote rigging", "rival bidders claim the
        # tender was rigged": wrongdoing, no party named
        return Frame(
            i,
            kind,
            subject,
            None,
            claim,
            target_in_claim=True,
            needs_support=True,
            own_support=True,
        )
    return Frame(
        i,
        kind,
        subject,
        None,
        claim,
        target_in_claim=True,
        needs_support=weak,
        needs_target=weak,
        own_support=s.lower[i] in lex.clause_needs_wrongdoing,
    )


def _reported_telling(g: Grammar, verb: int, end: int) -> bool:
    """Return True when a claim is that its subject told or said something that is no wrong.

    "An earlier report alleged Yemeni officials told the White House their government had
    withdrawn its permission": what was told accuses no one; "alleged the mayor told witnesses
    to lie" names a wrong in what follows the verb and is read.
    """
    s, lex = g.s, g.lex
    verb = g.skip_subject_aside(verb)
    if verb >= end or s.lower[verb] not in lex.say_verbs:
        return False
    return not g.reported_wrongdoing(Span(verb + 1, end))


def _benefit(g: Grammar, verb: int, claim: Span) -> bool:
    """Return True when a weak claim's predicate is a verb of receiving and names no wrong.

    "the NSM received support from community activists": what a party got accuses no one, even
    with an item earlier in the paragraph; "received bribes" names a wrong and is read.
    """
    verb = g.skip_subject_aside(verb)
    if verb >= claim.end or g.s.lower[verb] not in g.lex.benefit_verbs:
        return False
    return not g.wrongdoing(claim)


def _copula_noun(g: Grammar, aux: int, end: int) -> bool:
    """Return True when the auxiliary after a claim's subject is a copula before a noun phrase.

    "terrorism is a global menace": no passive, so no wrong done to the thing; "the tender was
    rigged" is one.
    """
    s, lex = g.s, g.lex
    k = aux + 1
    while k < end and (s.lower[k] in lex.passive_adverbs or lex.is_adverb(s.lower[k])):
        k += 1
    return k < end and (s.lower[k] in lex.determiners or s.lower[k] in lex.indefinite_articles)


def _it_passive(g: Grammar, i: int, kind: str) -> Frame | None:
    """Read "It is alleged (by prosecutors) that the director took bribes".

    The subject is an empty "it"; the "by" phrase, if any, is the accuser and the claim's
    subject the target. Other passives of clause verbs are read by the passive rules.
    """
    s, lex = g.s, g.lex
    j = i - 1
    while j >= 0 and (
        s.lower[j] in lex.passive_aux
        or s.lower[j] in lex.passive_adverbs
        or lex.is_adverb(s.lower[j])
    ):
        j -= 1
    if j < 0 or j == i - 1 or lex.pronouns.get(s.lower[j]) != kinds.THING:
        return None
    source = s.match(0, lex.according_to)
    after_source = source is not None and g.noun_phrase(len(source), j).end == j
    if (
        j
        and not punctuation(s.words[j - 1])
        and s.lower[j - 1] not in lex.coordinators
        and not after_source  # "According to the AP's report it is alleged that ..."
    ):
        return None  # "that it is claimed": only an "it" opening its clause
    start = i + 1
    accuser: Span | None = Span(len(source), j) if source is not None and after_source else None
    if by := s.match(start, lex.agent_prepositions):
        end = g.noun_phrase(start + len(by)).end
        if end == start + len(by):
            return None
        accuser = Span(start + len(by), end)
        start = end
    elif start < len(s) and s.lower[start] not in lex.complementizers:
        # "It was alleged before Norwich Crown Court that ...": a short phrase, then the clause
        stop = min(len(s), start + 2 + PARENTHESIS_WORDS)
        that = next((k for k in range(start + 1, stop) if s.lower[k] in lex.complementizers), -1)
        if that > start and not any(g.verb_like(k) for k in range(start, that)):
            start = that
    if start >= len(s) or s.lower[start] not in lex.complementizers:
        return None  # "it is claimed to be": no claim clause
    start += 1
    end = g.claim_end(start)
    opening = g.noun_phrase(start, end)
    if opening.end == start or not opening.verb_follows:
        return None
    claim = Span(start, end)
    weak = kind not in lex.inherent_clause_kinds
    if weak and (g.exculpatory(claim) or g.hypothesis_in(claim)):
        return None
    return Frame(
        i,
        kind,
        accuser,
        None,
        claim,
        target_in_claim=True,
        needs_support=weak,
        needs_target=True,
        own_support=s.lower[i] in lex.clause_needs_wrongdoing,
    )


def reports_of(g: Grammar, i: int) -> Frame | None:
    """Read "amid reports of snipers attacking civilians": a party doing a wrong, reported.

    The party before the gerund is the target; the claim is the gerund's phrase up to a comma,
    which must name a wrong. No one is named making the claim.
    """
    s, lex = g.s, g.lex
    phrase = s.match(i, lex.report_of_phrases)
    if phrase is None or response_before(g, i) is not None:
        return None  # "denied reports of ...": a denial
    start = i + len(phrase)
    stop = min(g.noun_phrase(start).end + 1, len(s))
    gerund = next((k for k in range(start + 1, stop) if lex.is_gerund(s.lower[k])), -1)
    if gerund < 0 or capitalised(s.words[gerund]) or s.lower[gerund] in lex.aux:
        # "reports of troops killing ...": the noun phrase takes in the gerund; "a report of a
        # protester being shot": what was done to the protester, who did no wrong
        return None
    target = Span(start, gerund)
    if not is_party(lex, s.original(target)):
        return None
    end = g.claim_end(gerund)
    comma = s.find(_COMMA, gerund, end)
    claim = Span(gerund, comma if comma >= 0 else end)
    if not g.wrongdoing(claim):
        return None
    return Frame(i, kinds.CLAIM, None, target, claim, False, needs_target=True, last=True)


def _own_passive(g: Grammar, speaker: Span, claim: Span) -> bool:
    """Return True when a claim is a passive of its speaker with no doer named.

    "Paris claims she was kept there", "they claim they were threatened": the claim's subject is
    a person pronoun ("he", "she", "they") and the speaker a named party or the same pronoun;
    "she was abused by her coach" names its doer and is read as a victim's claim instead.
    """
    s, lex = g.s, g.lex
    first = s.lower[claim.start]
    if lex.pronouns.get(first) not in _PEOPLE:
        return False
    if first in lex.subject_pronouns:
        if g.noun_phrase(claim.start, claim.end).end != claim.start + 1:
            return False
    elif first not in lex.determiners:
        return False  # "her passport was taken": the speaker's own; "them" opens no clause
    if not g.passive_clause(claim) or g.passive_victim(claim)[1] is not None:
        return False
    lone = speaker.end == speaker.start + 1
    if lone and s.lower[speaker.start] in lex.pronouns:
        return s.lower[speaker.start] == first
    return any(
        capitalised(s.words[j]) or s.lower[j] in lex.role_nouns
        for j in range(speaker.start, speaker.end)
    )


def _harm_done(g: Grammar, claim: Span) -> bool:
    """Return True when a claim holds a passive of harm: "was forced", "were threatened"."""
    s, lex = g.s, g.lex
    for j in range(claim.start, claim.end - 1):
        if s.lower[j] not in lex.passive_aux:
            continue
        k = j + 1
        while k < claim.end and (s.lower[k] in lex.passive_adverbs or lex.is_adverb(s.lower[k])):
            k += 1
        if k < claim.end and s.lower[k] in lex.victim_participles:
            return s.lower[k] not in lex.casualty_participles
    return False


def _thing(g: Grammar, span: Span) -> bool:
    """Return True when a noun phrase names no party: "fires", "the tender", not "the mayor"."""
    s, lex = g.s, g.lex
    return span.start < span.end and not any(
        capitalised(s.words[j]) or s.lower[j] in lex.role_nouns or s.lower[j] in lex.pronouns
        for j in range(span.start, span.end)
    )


def wrong_object(g: Grammar, i: int, kind: str, phrase: Span) -> Frame | None:
    """Read "Trump has claimed widespread voter fraud": a clause verb with a wrong as its object.

    The target is a party named inside the phrase ("alleged police brutality" -> police), else
    none; the accuser is the verb's subject.
    """
    s, lex = g.s, g.lex
    head = phrase  # where a party inside the phrase is looked for
    if (
        phrase.start < phrase.end < len(s)
        and kind in lex.inherent_clause_kinds
        and not g.wrongdoing(phrase)
        and s.lower[phrase.end] in lex.np_stops
        and not s.match(phrase.end, lex.agent_prepositions)
    ):
        # "The indictments allege involvement in plans to ... through political assassinations":
        # the object's phrase names the wrong
        phrase = Span(phrase.start, g.claim_end(phrase.end))
    if phrase.start >= phrase.end or not g.wrongdoing(phrase) or g.exculpatory(phrase):
        return None
    if s.lower[i - 1 if i else 0] in lex.possession_verbs and lex.adjective_cues.get(s.lower[i]):
        return None  # "has alleged ties to": the adjective rule reads it
    accuser = g.agent(i)
    if accuser is None:
        return None
    target: Span | None = None
    for j in range(head.start, head.end - 1):
        if capitalised(s.words[j]) or s.lower[j] in lex.role_nouns:
            target = Span(j, j + 1)
            break
    if target is None:
        target = _doer_after(g, head)  # "Police suspect criminal activity by the owner"
    return Frame(i, kind, accuser, target, phrase, target_in_claim=False)


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
        if claim is None and accuser is not None:  # "was sued by its former employees"
            return Frame(
                i, kind, accuser, g.passive_subject(i), Span(i, after), target_in_claim=False
            )
        if claim is None:
            return None
        return Frame(i, kind, accuser, g.passive_subject(i), claim, target_in_claim=False)
    target = Span(i + 1, g.noun_phrase(i + 1).end)
    if (
        target.start >= target.end
        and i + 2 < len(s)
        and s.lower[i + 1] in lex.sue_purposes
        and s.lower[i + 2] not in lex.determiners  # "sued to the surprise of analysts"
        and not capitalised(s.words[i + 2])
    ):
        # "three residents sued to be allowed to vote": a suit, its defendant unnamed
        claim = Span(i + 2, g.claim_end(i + 2))
        return Frame(i, kind, g.agent(i), None, claim, target_in_claim=False)
    if target.start >= target.end:  # "sued in Austria for defamation": no one named
        claim = lawsuit_claim(g, skip_to(g, i + 1, lex.sue_markers))
        if claim is None:
            return None
        return Frame(i, kind, g.agent(i), None, claim, target_in_claim=False)
    claim = lawsuit_claim(g, skip_time(g, target.end)) or marker_after(g, target.end)
    if claim is None:  # "Apple sued a website after it published ...": a lawsuit, its claim unsaid
        return Frame(
            i,
            kind,
            g.agent(i),
            target,
            Span(i, target.end),
            target_in_claim=False,
            needs_target=True,
        )
    return Frame(i, kind, g.agent(i), target, claim, target_in_claim=False)


def marker_after(g: Grammar, i: int) -> Span | None:
    """Return the claim of a lawsuit marker after more objects: "sued X and Y to block Z".

    The words between must hold no verb and no clause break (an abbreviated name's dot, as in
    "Jr.", is none).
    """
    s, lex = g.s, g.lex
    for k in range(i, min(i + OBJECT_WINDOW, len(s))):
        low = s.lower[k]
        if s.match(k, lex.sue_markers):
            return lawsuit_claim(g, k)
        if low == "." and not (k and capitalised(s.words[k - 1]) and len(s.words[k - 1]) <= 3):
            return None
        if (punctuation(low) and low not in _LIST_MARKS) or g.verb_like(k):
            return None
    return None


def filing(g: Grammar, i: int) -> Frame | None:
    """Read "X filed a lawsuit against Meta alleging Z", "Y faces a lawsuit from X over Z"."""
    s, lex = g.s, g.lex
    j = i + 1
    while j < len(s) and j <= i + 3 and not s.match(j, lex.lawsuit_nouns):
        j += 1
    noun = s.match(j, lex.lawsuit_nouns)
    if noun is None:
        return None
    noun_at = j
    j += len(noun)
    if s.lower[i] in lex.facing_verbs:
        source = s.match(j, lex.lawsuit_source_prepositions)
        if source is None:  # "The company is facing a lawsuit over its handling of data"
            claim = lawsuit_claim(g, j)
            if claim is None:
                return None
            return Frame(i, kinds.LAWSUIT, None, g.subject(i), claim, target_in_claim=False)
        start = end = j + len(source)
        while end < len(s) and s.lower[end] != "," and s.lower[end] not in lex.lawsuit_source_ends:
            end += 1
        claim = lawsuit_claim(g, end)
        if claim is None:
            return None
        accuser = Span(start, end)
        return Frame(i, kinds.LAWSUIT, accuser, g.passive_subject(i), claim, target_in_claim=False)
    against = s.match(j, lex.target_prepositions)
    if against is None:  # "filed a motion claiming the order is unconstitutional"
        claim = lawsuit_claim(g, j)
        if claim is None and s.match(noun_at, lex.standing_lawsuit_nouns):
            return _bare_filing(g, i, Span(noun_at, j))
        if claim is None:
            return None
        return Frame(i, kinds.LAWSUIT, g.agent(i), None, claim, target_in_claim=True)
    start = j + len(against)
    if start < len(s) and s.lower[start] == _QUOTE:
        start += 1  # 'filed a lawsuit against "unnamed individuals" who leaked ...'
    target = Span(start, g.noun_phrase(start).end)
    if target.start >= target.end:
        return None
    # "filed the lawsuit against Pierluisi on behalf of the Senate": the lawsuit is the claim
    claim = lawsuit_claim(g, target.end) or Span(noun_at, target.end)
    return Frame(i, kinds.LAWSUIT, g.agent(i), target, claim, target_in_claim=False)


def _bare_filing(g: Grammar, i: int, noun: Span) -> Frame | None:
    """Read a suit started by its named plaintiff with no claim marker right after the noun:
    "The Tatars had instituted legal proceedings because ...", "His lawyers initiated legal
    proceedings through the justice system to compel the government to release ..." (a marker
    later in the clause gives the claim, its subject the target)."""
    s, lex = g.s, g.lex
    at = s.find(lex.sue_markers, noun.end, g.claim_end(noun.end))
    claim = lawsuit_claim(g, at) if at >= 0 else None
    if claim is not None:
        return Frame(i, kinds.LAWSUIT, g.agent(i), None, claim, target_in_claim=True)
    return Frame(i, kinds.LAWSUIT, g.agent(i), None, noun, target_in_claim=False)


def lawsuit(g: Grammar, i: int) -> Frame | None:
    """Read "a lawsuit filed by the Senate on Sunday against Pedro Pierluisi over his claim"."""
    s, lex = g.s, g.lex
    noun = s.match(i, lex.lawsuit_nouns)
    if noun is None or (i and s.lower[i - 1] in lex.filing_verbs):
        return None
    j = i + len(noun)
    accuser: Span | None = None
    by_plaintiff = False
    filed = j
    while filed < len(s) and (s.lower[filed] in lex.passive_aux or lex.is_adverb(s.lower[filed])):
        filed += 1  # "a case was reportedly filed by X": the passive
    if filed > j and (passive := filed_against_by(g, i, filed)) is not None:
        return passive
    if filed > j and filed < len(s) and s.lower[filed] in lex.filing_verbs:
        j = filed
    standing = s.match(i, lex.standing_lawsuit_nouns) is not None and s.match(
        j, lex.agent_prepositions
    )  # "a lawsuit by the men's rights group ...": the plaintiff follows at once
    if standing or (
        j + 1 < len(s) and s.lower[j] in lex.filing_verbs and s.match(j + 1, lex.agent_prepositions)
    ):
        by_at = j if standing else j + 1
        start = end = by_at + len(s.match(by_at, lex.agent_prepositions) or ())
        while end < len(s) and not (
            s.lower[end] in (",", ".")
            or s.match(end, lex.target_prepositions)
            or (s.match(end, lex.sue_markers) and not g.inside_name(end))
            or s.lower[end] in lex.time_openers
            or s.lower[end] in lex.relative_markers
        ):
            end += 1
        accuser = Span(start, end) if start < end else None
        by_plaintiff = accuser is not None
        j = skip_to(g, end, lex.target_prepositions)
    against = s.match(j, lex.target_prepositions)
    if accuser is None and i and g.name_word(i - 1) and i - 1 > g.clause_start(i):
        # "dismissed a Trump lawsuit attempting to prevent ...": the name before is the plaintiff
        start = i - 1
        while start > 0 and g.name_word(start - 1):
            start -= 1
        accuser = Span(start, i)
    if accuser is None:
        return None
    if against is None:  # "a lawsuit filed by Texas which tried to overturn the results"
        claim = lawsuit_claim(g, j)
        if (
            claim is None
            and by_plaintiff
            and s.match(i, lex.standing_lawsuit_nouns)
            and i > 1
            and s.lower[i - 1] in lex.indefinite_articles
            and s.lower[i - 2] in lex.np_stops
            and s.lower[i - 2] not in lex.coordinators
        ):
            # "In response to a lawsuit filed by Washington State attorney Bob Ferguson, ...":
            # a suit brought, in a phrase, its plaintiff named ("The lawsuit by the family was
            # dismissed" refers to a suit; "A lawsuit filed by X accuses Y" reads at its verb)
            verb = next((k for k in range(*accuser) if g.verb_like(k)), accuser.end)
            accuser = Span(accuser.start, verb)  # "by the family was dismissed": the family
            claim = Span(i, accuser.end)
            return Frame(i, kinds.LAWSUIT, accuser, None, claim, False, cue_is_noun=True, last=True)
        if claim is None:
            return None
        return Frame(i, kinds.LAWSUIT, accuser, name_in(g, claim), claim, target_in_claim=False)
    start = j + len(against)
    target = Span(start, g.noun_phrase(start).end)
    if target.start >= target.end:
        return None
    claim = lawsuit_claim(g, target.end) or Span(i, target.end)
    return Frame(i, kinds.LAWSUIT, accuser, target, claim, target_in_claim=False)


def filed_against_by(g: Grammar, i: int, verb: int) -> Frame | None:
    """Read "a case was filed against him by a former secretary": target, then accuser."""
    s, lex = g.s, g.lex
    if verb >= len(s) or s.lower[verb] not in lex.filing_verbs:
        return None
    against = s.match(verb + 1, lex.target_prepositions)
    if against is None:
        return None
    start = verb + 1 + len(against)
    target = Span(start, g.noun_phrase(start).end)
    by = s.match(target.end, lex.agent_prepositions) if target.start < target.end else None
    if by is None:
        return None
    begin = end = target.end + len(by)
    while end < g.noun_phrase(begin).end and not lex.is_gerund(s.lower[end]):
        end += 1  # "by a former secretary concerning harassment": the secretary
    accuser = Span(begin, end)
    if accuser.start >= accuser.end:
        return None
    claim = lawsuit_claim(g, accuser.end) or Span(i, accuser.end)
    return Frame(i, kinds.LAWSUIT, accuser, target, claim, target_in_claim=False)


def name_in(g: Grammar, span: Span) -> Span | None:
    """Return the first name inside a span: "Pennsylvania" in "prevent the state of Pennsylvania"."""
    for j in range(span.start, span.end):
        if g.name_word(j):
            k = j
            while k < span.end and g.name_word(k):
                k += 1
            return Span(j, k)
    return None


def lawsuit_claim(g: Grammar, i: int) -> Span | None:
    """Return the claim after lawsuit marker i: "over Z", ", alleging that Z", "accusing Y of Z"."""
    s, lex = g.s, g.lex
    if i < len(s) and s.lower[i] == ",":
        i += 1
    i += len(s.match(i, lex.sue_focus) or ())  # "sued not only for damages"
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
    if (
        lex.nouns[s.lower[i]] == kinds.CHARGE
        and s.find(lex.verdict_phrases, g.clause_start(i), i) >= 0
    ):
        return None  # "to convict Stallard of fraud and of two counts of ...": a verdict
    j = i + 1
    target: Span | None = None
    if against := s.match(j, lex.target_prepositions):
        target = Span(j + len(against), g.noun_phrase(j + len(against)).end)
        j = target.end
    source: Span | None = None
    if target is None and (by := s.match(j, lex.noun_source_prepositions)):
        # "a claim by the Daily Telegraph that ...": the party the allegation comes from
        named = Span(j + len(by), g.noun_phrase(j + len(by)).end)
        if named.start < named.end and is_party(lex, s.original(named)):
            source, j = named, named.end
    if j >= len(s):
        return None
    complement = s.lower[j]
    that = complement in lex.complementizers  # "claims that Z": Z's subject is the target
    of = complement in lex.noun_object_prepositions  # "accusations of Z"
    if source is not None and not (that or of):
        return None  # "dismissed the claim from Berlin as groundless": no claim named
    start = j + 1
    if (
        of
        and lex.nouns[s.lower[i]] == kinds.CHARGE
        and start < len(s)
        and (s.lower[start][:1].isdigit() or s.lower[start] in lex.count_words)
    ):
        return None  # "gave a count of 116 injured": a tally, not a charge
    if (
        complement in lex.passive_aux
        and start < len(s)
        and s.lower[start] in lex.complementizers
        and (target is not None or i == g.clause_start(i) or lex.is_article(s.lower[i - 1]))
    ):  # "The accusation against Biden is that he ...": the copula's clause is the claim
        that = True
        start += 1
    if not (that or of or complement in lex.noun_list_verbs):  # "... include Z"
        # "allegations Trump tried to pressure Ukraine": a clause with no "that"
        opening = g.noun_phrase(j, g.claim_end(j))
        if opening.end == j or not opening.verb_follows or g.verb_like(j):
            return fronted_wrong(g, i) if target is None else None
        if lex.nouns[s.lower[i]] not in _CLAUSE_NOUN_KINDS and not g.wrongdoing(
            Span(j, g.claim_end(j))
        ):
            return None  # "amid claims he lied to parliament", but not "claims it will grow"
        that = True
        start = j
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
    elif (
        of
        and source is None
        and lex.nouns[s.lower[i]] != kinds.CHARGE  # "charges of theft from the library"
        and (at := g.noun_phrase(start, end).end) > start
        and (by := s.match(at, lex.noun_source_prepositions))
    ):
        # "amid accusations of spying by both Republicans and Unionists", "allegations of
        # discrimination from Mexican diplomats": the party just after the wrong made the claim
        named = Span(at + len(by), g.noun_phrase(at + len(by)).end)
        if named.start < named.end and is_party(lex, s.original(named)):
            source, end = named, at
    if i == 0 or g.clause_start(i) == i:
        end = main_predicate(g, start, end)
    if start >= end:
        return None
    noun_kind = lex.nouns[s.lower[i]]
    weak = noun_kind not in lex.inherent_clause_kinds and noun_kind not in _CLAUSE_NOUN_KINDS
    sourced = source is not None and that and not g.pronoun(start)
    if weak and (that or of) and not sourced and not _claim_names_wrong(g, Span(start, end)):
        return None  # "dismissed claims of a rift", "his claim that his party is the only one"
    accuser = possessor(g, i)
    if accuser is None:
        accuser = source
    source_at = s.find(lex.claim_source_predicates, start + 1, end)
    opens = all(s.lower[k] in lex.determiners for k in range(g.clause_start(i), i))
    if source_at >= 0 and not any(
        g.verb_like(k) for k in range(g.noun_phrase(start, source_at).end, source_at)
    ):
        source_at = -1  # "The allegation that the money came from a cartel": the claim's own verb
    if accuser is None and opens and source_at >= 0:
        # "The claim that the US used phosphorus bombs comes from a doctor at a hospital"
        after = source_at + len(s.match(source_at, lex.claim_source_predicates) or ())
        named = Span(after, g.noun_phrase(after).end)
        if named.start < named.end:
            accuser, end = named, source_at
    owned = bool(i) and s.lower[i - 1] in lex.pronouns and s.lower[i - 1] in lex.determiners
    if owned and accuser is None:
        accuser = Span(i - 1, i)  # "their claims of fraud": theirs, against no one named
    if (
        lex.nouns[s.lower[i]] == kinds.CHARGE
        and accuser is not None
        and target is None
        and not s.contains(accuser, lex.accuser_nouns)
    ):
        # "Rittenhouse's charges include homicide": the charges are against their holder
        target, accuser, owned = accuser, None, False
    response = response_before(g, i)
    if (
        response is not None
        and accuser is None
        and target_in_claim
        and not g.pronoun(start)
        and not g.wrongdoing(Span(start, end))
    ):
        # "Hamidi dismissed allegations North Korea arranged Kim's death as speculation": a
        # third party denies that something happened; no one is named accusing, no wrong named
        return None
    fallback = not owned and (not target_in_claim or response is not None)
    carrier = _carrier(g, i) if accuser is None else None
    if carrier is not None:
        # "Madhavan was arrested after multiple underage girls went to law enforcement with
        # allegations of rape": the girls accuse; the main clause's subject is the target
        accuser, fallback = carrier, False
        clause = g.clause_start(i)
        if target is None and clause and s.lower[clause - 1] in lex.subordinators:
            target = g.sentence_subject(clause - 1)
    bringing = brought_by(g, i) if lex.nouns[s.lower[i]] == kinds.CHARGE else None
    if target is None and accuser is None and bringing is not None:
        accuser = bringing  # "Greek prosecutors have brought separate charges of ..."
    elif target is None and accuser is None and i > 0 and fallback:
        # "the court upheld his indictment of one count of murder": the indictment's holder
        target = _charge_holder(g, i) or g.sentence_subject(i)
        accuser = _legal_agent_before(g, i)
    return Frame(
        i,
        lex.nouns[s.lower[i]],
        accuser,
        target,
        Span(start, end),
        target_in_claim,
        response=response,
        cue_is_noun=True,
        needs_target=owned,
    )


def _charge_holder(g: Grammar, i: int) -> Span | None:
    """Return whose charge sheet holds charge noun i: "his" in "upheld his indictment of one
    count of murder", "Smith" in "Smith's indictment of two counts" (a possessive before a
    ``charge_sources`` noun, then "of" and a number)."""
    s, lex = g.s, g.lex
    k = i - 1
    while k > 0 and (s.lower[k][:1].isdigit() or s.lower[k] in lex.count_words):
        k -= 1
    if k == i - 1 or k < 2 or s.lower[k] not in lex.noun_object_prepositions:
        return None
    source = s.ends_with(k, lex.charge_sources)
    if source is None:
        return None
    owner = k - len(source) - 1
    if owner < 0:
        return None
    if s.lower[owner] in lex.pronouns and s.lower[owner] in lex.determiners:
        return Span(owner, owner + 1)
    return possessor(g, owner + 1)


def _carrier(g: Grammar, i: int) -> Span | None:
    """Return who brings the allegations of noun i: "X went to police with allegations of ...".

    A word of ``carrier_prepositions`` ("with") stands right before the noun (or before one
    determiner and the noun), and a verb of ``carrier_verbs`` comes before it in the same clause;
    the verb's subject is returned.
    """
    s, lex = g.s, g.lex
    with_at = i - 1 if i and s.lower[i - 1] not in lex.determiners else i - 2
    if with_at < 1 or s.lower[with_at] not in lex.carrier_prepositions:
        return None
    start = g.clause_start(with_at)
    for k in range(with_at - 1, max(start, with_at - 1 - SOURCE_WORDS) - 1, -1):
        if s.lower[k] in lex.carrier_verbs:
            if k and s.lower[k - 1] in lex.passive_aux:
                return None
            return g.subject(k)
        if punctuation(s.words[k]):
            return None
    return None


def _claim_names_wrong(g: Grammar, claim: Span) -> bool:
    """Return True when a claim names a wrong, not only in what its subject is a thing of.

    "claims that Scheubner-Richter's observations of the Armenian genocide had an influence"
    names no wrong of anyone: the genocide is what someone's observations were of. "claims that
    Smith's account of the massacre was fabricated" does, and so does "claims that Smith's
    soldiers of the 5th brigade committed the massacre" (soldiers are a party, not a thing).
    """
    if not g.wrongdoing(claim):
        return False
    s, lex = g.s, g.lex
    end = g.noun_phrase(claim.start, claim.end).end
    if not (claim.start < end - 1 and end < claim.end) or not lex.is_possessive(s.words[end - 2]):
        return True  # the head noun right after its owner: "Hugo Brandt's study"
    head = s.lower[end - 1]
    if s.lower[end] not in lex.noun_object_prepositions or not head.isalpha():
        return True
    if lex.is_party_noun(head, True) or head in lex.group_nouns:
        return True
    after = g.noun_phrase(end + 1, claim.end).end
    return g.wrongdoing(Span(claim.start, end)) or g.wrongdoing(Span(after, claim.end))


def _legal_agent_before(g: Grammar, i: int) -> Span | None:
    """Return the legal "by" agent of a passive before cue noun i in its clause, else None.

    "His sons have been summoned by Egyptian prosecutors to answer to allegations of ...": the
    prosecutors; "interviewed by the BBC about allegations" names no accuser.
    """
    s, lex = g.s, g.lex
    for k in range(g.clause_start(i) + 1, i):
        by = s.match(k, lex.agent_prepositions)
        if by is None or not (lex.is_past(s.lower[k - 1]) and g.passive_before(k - 1)):
            continue
        agent = Span(k + len(by), g.noun_phrase(k + len(by), i).end)
        if agent.start < agent.end <= i and s.contains(agent, lex.legal_accusers):
            return agent
        return None
    return None


def fronted_wrong(g: Grammar, i: int) -> Frame | None:
    """Read "After sexual misconduct allegations came to light, Conyers resigned".

    A cue noun whose wrong stands before it, in an opening clause set off by a comma that starts
    with a subordinator or an adverbial preposition ("after", "amid", "following"): the main
    clause's subject is the target.
    """
    s, lex = g.s, g.lex
    start = g.clause_start(i)
    opener = s.lower[start - 1] if start else ""
    if start < len(s) and s.lower[start] in lex.adverbial_prepositions:
        opener, start = s.lower[start], start + 1  # "Amid bribery claims, ..."
    if not (opener in lex.subordinators or opener in lex.adverbial_prepositions):
        return None
    modifier = Span(max(start, i - CHARGE_MODIFIER_WORDS // 2), i)
    if not g.wrongdoing(modifier):
        return None  # "After the allegations came to light": no wrong named
    comma = s.find(_COMMA, i + 1)
    if comma < 0:
        return None
    subject = g.noun_phrase(comma + 1)
    if subject.end == comma + 1 or not subject.verb_follows:
        return None
    return Frame(
        i,
        lex.nouns[s.lower[i]],
        None,
        Span(comma + 1, subject.end),
        modifier,
        target_in_claim=False,
        cue_is_noun=True,
        needs_target=True,
    )


def brought_by(g: Grammar, i: int) -> Span | None:
    """Return who brings the charge noun at i: "prosecutors" in "prosecutors brought charges"."""
    s, lex = g.s, g.lex
    for k in range(i - 1, max(-1, i - 4), -1):
        if s.lower[k] in lex.charge_bringing:
            return g.agent(k)
        if punctuation(s.words[k]) or g.verb_like(k):
            return None
    return None


def charges_brought(g: Grammar, i: int) -> Frame | None:
    """Read "Fields pleaded guilty to 29 hate crime charges", "X unsealed charges against Y".

    The crime stands before the charge noun, so the noun rule (which wants "charges of Z")
    misses it: the party facing or pleading to the charges is the target; charges brought
    "against Y" name Y.
    """
    s, lex = g.s, g.lex
    after = s.lower[i + 1] if i + 1 < len(s) else ""
    noun_kind = lex.nouns.get(s.lower[i])
    if after in lex.noun_object_prepositions:
        return None  # "charges of fraud": the noun rule reads it
    if noun_kind in _CLAUSE_NOUN_KINDS:
        return _faced(g, i)
    if noun_kind != kinds.CHARGE:
        return None
    start = i
    while start > 0 and i - start < CHARGE_MODIFIER_WORDS and not punctuation(s.words[start - 1]):
        if s.ends_with(start, lex.charge_facing) or s.lower[start - 1] in lex.charge_bringing:
            break
        if s.lower[start - 1] in lex.charge_grounds:
            return _held_on_charges(g, i, start)
        start -= 1
    facing = s.ends_with(start, lex.charge_facing)
    if facing is None and not (start and s.lower[start - 1] in lex.charge_bringing):
        return None
    if facing is None:  # "unsealed further charges against him"
        against = s.match(i + 1, lex.target_prepositions)
        if against is None:
            return None
        at = i + 1 + len(against)
        target = Span(at, g.noun_phrase(at).end)
        if target.start >= target.end:
            return None
        return Frame(
            i,
            kinds.CHARGE,
            g.agent(start - 1),
            target,
            Span(start, target.end),
            target_in_claim=False,
            cue_is_noun=True,
            needs_target=True,
        )
    claim = Span(start, i)
    if claim.start >= claim.end or not g.wrongdoing(claim):
        return None  # "faces charges", "pleaded guilty to the charges": no crime named
    verb = start - len(facing)
    return Frame(
        i,
        kinds.CHARGE,
        None,
        g.sentence_subject(verb),
        claim,
        target_in_claim=False,
        cue_is_noun=True,
        needs_target=True,
    )


def _faced(g: Grammar, i: int) -> Frame | None:
    """Read "Smith faces rape allegations from two women": a wrong before an accusation noun.

    Only after a verb of ``accusation_facing`` ("faces", "faced"), with a wrong named between it and
    the noun; the party facing them is the target, a "from" phrase (``lawsuit_source_prepositions``)
    right after the noun names the accuser. "faces allegations" names no wrong: the noun rule's.
    """
    s, lex = g.s, g.lex
    start = i
    while start > 0 and i - start < CHARGE_MODIFIER_WORDS and not punctuation(s.words[start - 1]):
        if lex.strip_possessive(s.lower[start - 1]) != s.lower[start - 1]:
            return None  # "faces the Senate's fraud allegations": someone's, the noun rule's
        if s.lower[start - 1] in lex.accusation_facing:
            break
        start -= 1
    claim = Span(start, i)
    if not start or claim.start >= claim.end or not g.wrongdoing(claim):
        return None
    verb = start - 1
    if s.lower[verb] not in lex.accusation_facing:
        return None
    accuser = None
    if source := s.match(i + 1, lex.lawsuit_source_prepositions):
        at = i + 1 + len(source)
        accuser = Span(at, g.noun_phrase(at).end)
    return Frame(
        i,
        lex.nouns[s.lower[i]],
        accuser,
        g.sentence_subject(verb),
        claim,
        target_in_claim=False,
        cue_is_noun=True,
        needs_target=True,
    )


def _held_on_charges(g: Grammar, i: int, start: int) -> Frame | None:
    """Read "Smith was arrested on murder charges", "is to be tried in a court on fraud charges".

    The crime stands between "on" (``charge_grounds``) and the charge noun at i; a passive
    participle a few words before "on" (a short phrase between: "in adult court") holds its
    subject on the charges. A verdict ("was convicted on fraud charges") and an active verb
    ("police held him on murder charges") are not read here.
    """
    s, lex = g.s, g.lex
    claim = Span(start, i)
    if claim.start >= claim.end or not g.wrongdoing(claim):
        return None  # "was released on bail on charges", "held on two charges"
    on = start - 1
    for k in range(on - 1, max(-1, on - 1 - HELD_PHRASE_WORDS - 1), -1):
        if punctuation(s.words[k]) or s.lower[k] in lex.charge_grounds:
            return None
        if lex.is_past(s.lower[k]) and g.passive_before(k):
            if s.ends_with(k + 1, lex.verdict_phrases):
                return None  # "was convicted on fraud charges": a verdict
            held = g.passive_subject(k)
            if held is not None and not g.plain_noun_phrase(held):
                # "Smith is out on bail awaiting to be tried ...": the noun phrase that opens it
                held = Span(held.start, g.noun_phrase(held.start, held.end).end)
            return Frame(
                i,
                kinds.CHARGE,
                None,
                held,
                claim,
                target_in_claim=False,
                cue_is_noun=True,
                needs_target=True,
            )
    return None


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
    for k in range(i - 1, max(0, i - 4), -1):
        # "found guilty on two first-degree murder charges": a count after a word that opens
        # a noun reading, with only modifiers between
        if punctuation(s.words[k]) or g.verb_like(k):
            break
        count = s.lower[k] in lex.count_words or s.words[k].isdigit()
        if count and s.ends_with(k, lex.noun_reading_before) is not None:
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
    comma = s.find(_COMMA, start, i - 1)
    while comma >= 0:  # "In Paris, the authorities' allegations": after the last comma
        start = comma + 1
        comma = s.find(_COMMA, start, i - 1)
    while start < i - 1 and (
        s.lower[start] in lex.determiners
        or s.lower[start] in lex.adverbial_prepositions  # "Despite Tsvangirai's allegations"
        or s.lower[start] in lex.coordinators
        or s.lower[start] == ","
    ):
        start += 1
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
    if lex.is_gerund(s.lower[i]) and not s.match(i - 1, _COMMA):
        subject = g.sentence_subject(i)  # "Netanyahu appeared on CNN saying Hamas uses ..."
    if subject is None:
        return None
    official = s.contains(subject, lex.accuser_nouns)
    pronoun = s.lower[subject.start] if subject.end == subject.start + 1 else ""
    person = pronoun in lex.subject_pronouns and lex.pronouns.get(pronoun) == kinds.PERSON
    speaker = person or is_party(lex, s.original(subject))  # "she said", not a generic "they"
    if not official and not speaker:
        return None  # any party may allege: "She said her husband attempted to disfigure her"
    if g.ruling_speaker(subject):
        return None  # "Justice Margaret Hennessy said Brannock had abused ...": a finding
    start = i + 1
    if skip := s.match(start, lex.say_skip):  # "told reporters", "said that"
        start += len(skip)
    if (
        s.lower[i] in lex.recipient_say_verbs
        and s.lower[min(start, len(s) - 1)] not in lex.complementizers
    ):
        start = _after_hearer(g, start)  # "told Reuters that ...", "told the BBC in a ..."
    if start < len(s) and s.lower[start] in lex.complementizers:
        start += 1
    elif s.lower[i] in lex.say_needs_that:
        return None  # "Pope Francis announced new church law to ...": an object, no claim
    start = _past_fronted_phrase(g, start)
    end = g.claim_end(start)
    if (
        subject.start
        and s.lower[subject.start - 1] in lex.relative_markers
        and start < end
        and s.lower[start] in lex.passive_aux
        and g.wrongdoing(Span(start, end))
        and not g.hypothesis_in(Span(start, end))
    ):
        # "an election that the opposition says was rigged": the wrong is the speaker's claim
        # about the noun before "that", which names no party
        return Frame(i, kinds.CLAIM, subject, None, Span(start, end), False, reported=True)
    attacker = g.attacker(Span(start, end)) if start < end else None
    if attacker is not None and not g.hypothesis_in(Span(start, end)):
        # "An Iraqi policeman says that the U.S. airstrike on a house killed 8 civilians"
        return Frame(i, kinds.CLAIM, subject, attacker, Span(start, end), False, needs_target=True)
    opening = g.noun_phrase(start, end)
    if opening.end > start and not opening.verb_follows:
        after_age = g.skip_subject_aside(opening.end)  # "the suspect, 21, opened fire on"
        opening = opening._replace(verb_follows=after_age > opening.end and g.verb_like(after_age))
    if opening.end == start or not opening.verb_follows:
        return None
    if s.lower[start] in lex.say_excluded_subjects:
        return None  # "police said they ...": what the speaker did, not an allegation
    own = (
        lex.pronouns.get(s.lower[start]) == kinds.THING
        and not lex.is_possessive(s.lower[start])
        and s.lower[start] not in lex.determiners  # "its members": someone else of its own
        and lex.pronouns.get(s.lower[subject.start]) not in _PEOPLE
    )
    if own and g.passive_victim(Span(start, end))[1] is None:
        return None  # "Quorvel said it discovered the breach": the speaker's own account
    if not official and g.indefinite(start):
        return None  # "Witnesses said a man attacked ...": a witness's account, no one accused
    claim = Span(start, end)
    # "Prosecutors said Smithers gave out ...": a legal source's account of an act, not of a
    # passive ("the suspect's wife was taken into custody")
    legal = s.contains(subject, lex.legal_accusers) and not g.passive_clause(claim)
    predicate = g.skip_subject_aside(opening.end)
    if any(lex.is_negative(s.lower[k]) for k in range(predicate, min(predicate + 3, end))):
        legal = False  # "Prosecutors said the firm did not break any law": no act accused
    if s.find(lex.verdict_phrases, predicate, min(predicate + VERDICT_WORDS, end)) >= 0:
        return None  # "told the court Taylor stood convicted of ...": a verdict, reported
    act = violent_act(g, claim)  # "police said Kirkpatrick opened fire"
    violent = act is Act.VIOLENT
    if act is Act.NO_VICTIM or not (legal or violent or g.reported_wrongdoing(claim)):
        return None  # "Coach Hale said Brady beat the Jets": no wrong
    if g.neutral(claim) or g.hypothesis_in(claim):
        return None
    return Frame(
        i,
        kinds.CLAIM if violent else kinds.ALLEGATION,
        subject,
        None,
        claim,
        target_in_claim=True,
        needs_target=True,
        reported=True,
    )


def violent_act(g: Grammar, claim: Span) -> Act:
    """Read a reported clause whose subject a name or a person's pronoun is, for a violent act.

    Return ``Act.VIOLENT`` for "police said Kirkpatrick opened fire", "Simpson, 24, shot the
    clerk, according to ...", "he shot Ortiz once in the head, Peavy said": the clause opens
    with a capitalised name (every word of it) or a subject pronoun of a person, then (past an
    aside, auxiliaries and adverbs, or after "and"/"then" joining the same subject's predicates)
    a phrase of ``violent_acts``. Return ``Act.NO_VICTIM`` when such a verb (or one of
    ``contest_verbs``) has as object is a team
    ("beat the Jets"), a score ("shot a 68") or a thing of ``violent_act_non_objects`` ("killed
    the bill"): sport or politics, no wrong. Else ``Act.NONE``: an unnamed subject ("a gunman"), a
    passive ("Hale was shot"), a negated or hypothetical clause, a verdict.
    """
    s, lex = g.s, g.lex
    start = claim.start
    opening = g.noun_phrase(start, claim.end)
    if opening.end == start:
        return Act.NONE
    low = s.lower[start]
    if opening.end == start + 1 and low in lex.subject_pronouns:
        if lex.pronouns.get(low) != kinds.PERSON:
            return Act.NONE  # "they", "we": no one named
    elif not (
        all(name_like(lex, s.words[k]) for k in range(start, opening.end))
        and is_proper_name(lex, s.original(Span(start, opening.end)))
    ):
        return Act.NONE
    k = g.skip_subject_aside(opening.end)
    if s.find(lex.verdict_phrases, k, min(k + VERDICT_WORDS, claim.end)) >= 0:
        return Act.NONE  # "Hale was convicted of killing ...": a finding
    while k < claim.end and (s.lower[k] in lex.aux or lex.is_adverb(s.lower[k])):
        if s.lower[k] in lex.passive_aux or lex.is_negative(s.lower[k]):
            return Act.NONE  # "Hale was shot", "Hale did not shoot"
        k += 1
    if k >= claim.end or g.hypothesis_in(claim):
        return Act.NONE
    heads = {phrase[0] for phrase in lex.violent_acts}
    if (s.lower[k] in heads or s.lower[k] in lex.contest_verbs) and _no_victim(g, k + 1, claim.end):
        return Act.NO_VICTIM
    act = s.match(k, lex.violent_acts)
    if act is None:
        k = _joined_violent_act(g, Span(k, claim.end))  # "called Flynn ..., then shot her"
        act = s.match(k, lex.violent_acts) if k < claim.end else None
    if act is None or _no_victim(g, k + len(act), claim.end):
        return Act.NONE
    return Act.VIOLENT


def _no_victim(g: Grammar, j: int, end: int) -> bool:
    """Return True when the object at j names no one harmed: "the Jets", "a 68", "the bill"."""
    s, lex = g.s, g.lex
    if j < end and s.lower[j] in lex.determiners:
        j += 1
        if j < end and capitalised(s.words[j]):
            return True  # "beat the Jets": a team
    if j < end and s.lower[j][:1].isdigit():
        return True  # "shot a 68 in the final round": a score
    return j < end and s.lower[j] in lex.violent_act_non_objects


def _joined_violent_act(g: Grammar, predicate: Span) -> int:
    """Return where a violent act joined to the subject's first predicate stands, else the end.

    "Simpson called Flynn several times and arranged to meet her, then shot her": a phrase of
    ``violent_acts`` right after "and" or "then" (adverbs between allowed), the same subject's
    predicate; none after a new subject ("and he ..."), a negator or a clause mark.
    """
    s, lex = g.s, g.lex
    for k in range(predicate.start + 1, predicate.end):
        low = s.lower[k]
        stops = (lex.relative_markers, lex.subordinators, lex.complementizers, lex.subject_pronouns)
        if low in _CLAUSE_MARKS or any(low in w for w in stops) or lex.is_negative(low):
            return predicate.end
        if low not in lex.predicate_joiners or k + 1 >= predicate.end:
            continue
        j = k + 1
        joined = lex.predicate_joiners
        while j < predicate.end and (s.lower[j] in joined or lex.is_adverb(s.lower[j])):
            j += 1
        if s.match(j, lex.violent_acts) is not None:
            return j
    return predicate.end


def _past_fronted_phrase(g: Grammar, start: int) -> int:
    """Return where a reported claim's subject starts after a phrase before it: "said that, on
    Monday, Smith stole ...", "said in 2019 Smith bribed ...", "said as a teenager she was ...".

    The phrase opens with a word of ``claim_fronted_openers`` (or a comma sets it off after
    "that") and runs at most ``PARENTHESIS_WORDS`` words: to a comma, or to a year or a day or
    month name, or to the subject pronoun or capitalised name that follows its lower-case
    words. A noun phrase that a verb follows must come next; otherwise ``start`` is kept.
    """
    s, lex = g.s, g.lex
    k = start + 1 if start < len(s) and s.lower[start] == "," else start
    if k >= len(s) or s.lower[k] not in lex.claim_fronted_openers:
        return start
    end = -1
    for j in range(k + 1, min(len(s), k + 1 + PARENTHESIS_WORDS + 1)):
        low, word = s.lower[j], s.words[j]
        if low == ",":
            end = j + 1
            break
        if g.verb_like(j) or punctuation(word):
            break
        if low[:1].isdigit() or (capitalised(word) and low in lex.non_names):
            end = j + 1  # "in 2019", "on Monday"
            if end < len(s) and s.lower[end] == ",":
                end += 1  # "said that, on Monday, Smith ..."
            break
        if j > k + 1 and (
            low in lex.subject_pronouns
            or (capitalised(word) and not capitalised(s.words[j - 1]))
            or (lex.is_article(low) and s.lower[j - 1] not in lex.determiners)
        ):
            end = j  # "as a teenager she", "in a statement the suspect"
            break
    if end < 0 or end >= len(s):
        return start
    subject = g.noun_phrase(end)
    return end if subject.end > end and subject.verb_follows else start


def _named_said_after(g: Grammar, source: Span, claim: Span) -> bool:
    """Return True for "Hale stole the money, Okafor said": a named speaker, a named subject.

    The speaker after the claim is a proper name; the claim opens with a capitalised name a
    verb follows (every word of it capitalised), not negated near its verb. Any other subject ("the
    money was stolen, Okafor said") stays unread.
    """
    s, lex = g.s, g.lex
    if not is_proper_name(lex, s.original(source)):
        return False
    start = claim.start
    opening = g.noun_phrase(start, claim.end)
    if opening.end == start or not opening.verb_follows:
        return False
    subject = s.original(Span(start, opening.end))
    if not all(name_like(lex, s.words[k]) for k in range(start, opening.end)):
        return False  # '"Nabil's murder is unacceptable," X said': an event, not a party
    if not is_proper_name(lex, subject):
        return False
    verb = g.skip_subject_aside(opening.end)
    return not any(lex.is_negative(s.lower[k]) for k in range(verb, min(verb + 3, claim.end)))


def _after_hearer(g: Grammar, start: int) -> int:
    """Return where "that" stands after a hearer ("told Reuters that"), else ``start``."""
    s, lex = g.s, g.lex
    for k in range(start, min(start + SOURCE_WORDS + 2, len(s))):
        if s.lower[k] in lex.complementizers:
            return k
        if punctuation(s.words[k]) or g.verb_like(k):
            break
    return start


def said_after(g: Grammar, i: int) -> Frame | None:
    """Read "Smith bribed two officials, prosecutors said.": the source after the claim."""
    s, lex = g.s, g.lex
    if lex.is_gerund(s.lower[i]):
        return None  # "..., with officials saying this is for security reasons"
    end = len(s)
    while end > i and punctuation(s.words[end - 1]):
        end -= 1
    tail = s.lower[i + 1] if i + 1 < end else ""
    if tail and tail not in lex.time_openers and tail not in lex.adverbial_prepositions:
        # ", said prosecutors": the source follows the verb
        source = Span(i + 1, end)
        comma = i - 1
    else:  # ", prosecutors said"
        comma = i - 1
        while comma >= 0 and s.lower[comma] != "," and i - comma <= SOURCE_WORDS:
            comma -= 1
        source = Span(comma + 1, i)
    if comma <= 0 or s.lower[comma] != "," or source.start >= source.end:
        return None
    if source.end - source.start > SOURCE_WORDS:
        return None
    claim = Span(0, comma)
    if not s.contains(source, lex.accuser_nouns):
        quoted = Span(1, comma) if s.lower[0] == _QUOTE else claim  # '"Hale stole it," X said'
        named = is_proper_name(lex, s.original(source))  # "He shot Ortiz ..., Peavy said"
        act = violent_act(g, quoted) if named else Act.NONE
        if not (_named_said_after(g, source, quoted) or act is Act.VIOLENT):
            return None
        claim = quoted
    if g.ruling_speaker(source):
        return None  # "..., the judge said": a finding
    act = violent_act(g, claim)
    violent = act is Act.VIOLENT
    if act is Act.NO_VICTIM or not (violent or g.reported_wrongdoing(claim)):
        return None  # "Hale shot a 68 in the final round, Moran said": no wrong
    if g.neutral(claim) or g.hypothesis_in(claim):
        return None  # "Floods and landslides killed seven people, officials said": no wrong
    if s.lower[0] in lex.say_verbs or g.plain_noun_phrase(claim):
        return None
    return Frame(
        i,
        kinds.CLAIM if violent else kinds.ALLEGATION,
        source,
        None,
        claim,
        target_in_claim=True,
        needs_target=True,
        reported=True,
    )


def according(g: Grammar, i: int) -> Frame | None:
    """Read "According to prosecutors, the defendant moved money", "X did Y, according to Z"."""
    s, lex = g.s, g.lex
    source = g.according_source(i)
    if source is None:
        return None
    target: Span | None = None
    if i == 0:
        claim = Span(source.end + 1, g.claim_end(source.end + 1))
    elif (
        s.lower[i - 1] == ","
        and source.end < len(s)
        and s.lower[source.end] == ","
        and g.plain_noun_phrase(Span(g.clause_start(i), i - 1))
    ):
        claim = Span(source.end + 1, g.claim_end(source.end + 1))  # "Smith, according to X, ..."
        target = g.subject(i - 1)
    else:
        claim = Span(0, i - 1 if s.lower[i - 1] == "," else i)
        if s.lower[0] == _QUOTE:  # '"The airline smuggles weapons," according to X'
            claim = Span(1, claim.end)
    if claim.start >= claim.end:
        return None
    act = violent_act(g, claim) if target is None else Act.NONE  # "Hale shot ..., according"
    violent = act is Act.VIOLENT
    if act is Act.NO_VICTIM:
        return None  # "Hale killed the bill, according to X": no wrong
    wrongdoing = violent or g.reported_wrongdoing(claim)
    if not (wrongdoing or s.contains(source, lex.legal_accusers)):
        return None  # "according to police, the shooting began at 10:39"
    if not wrongdoing and _undergone(g, claim):
        return None  # "According to the complaint, Lasalle was transported to hospital"
    if not violent and s.find(lex.verdict_phrases, claim.start, claim.end) >= 0:
        return None  # "Jeffs is the eighth person to be convicted on ..., according to X"
    if s.lower[claim.start] in lex.say_verbs or punctuation(s.words[claim.start]):
        return None
    if target is None and g.indefinite(claim.start):
        return None  # "Multiple assailants attacked X, according to officials": no one named
    opening = Span(claim.start, g.noun_phrase(claim.start, claim.end).end)
    if opening.end < claim.end and (
        s.lower[opening.end] in lex.say_verbs or s.lower[opening.end] in lex.confirm_verbs
    ):
        # "Witnesses, according to X, said ...", "Officials confirmed the aircraft was shot
        # down, according to data": who said what, not an allegation against the speaker
        return None
    if g.neutral(claim) or g.hypothesis_in(claim):
        return None  # "authorities are investigating", "the manifesto if written by"
    kind = g.source_kind(source, kinds.CLAIM if violent else kinds.ALLEGATION)
    return Frame(
        i,
        kind,
        source,
        target,
        claim,
        target_in_claim=target is None,
        needs_target=True,
        reported=True,
    )


def _undergone(g: Grammar, claim: Span) -> bool:
    """Return True when a legal source's claim tells what its subject underwent, no act of it.

    A passive or a word of ``scheduled_words`` ("due") after the claim's opening noun phrase ("Lasalle was transported to
    hospital", "Jenkin was due to appear"): a legal source's record of a step, not an
    allegation. Not a report's hedge ("Jeffs is believed to have 78 wives") nor a participle
    with the subject's act after it ("was observed moving the money").
    """
    s, lex = g.s, g.lex
    if not g.passive_clause(claim):
        return False
    j = g.noun_phrase(claim.start, claim.end).end + 1
    while j < claim.end and lex.is_adverb(s.lower[j]):
        j += 1
    if j >= claim.end or s.lower[j] in lex.report_passive_verbs:
        return False
    if j + 1 < claim.end and lex.is_gerund(s.lower[j + 1]):
        return False  # "Hale was observed moving the money": what the subject did
    return s.lower[j] in lex.scheduled_words or (lex.is_past(s.lower[j]) and g.passive_before(j))


def adverb(g: Grammar, i: int) -> Frame | None:
    """Read "The minister allegedly accepted gifts from a lobbyist"."""
    s, lex = g.s, g.lex
    if _reduced_by_participle(g, i):
        return None  # "the crimes allegedly committed by its graduates": ``agent_adverb``'s
    if i + 2 < len(s) and s.lower[i + 1] == "," and g.clause_start(i) == i:
        # "Allegedly, Jong processed the fees": the clause after the comma is the claim
        opening = g.noun_phrase(i + 2)
        if opening.end == i + 2 or not opening.verb_follows:
            return None
        subject: Span | None = Span(i + 2, opening.end)
        claim = Span(opening.end, g.claim_end(opening.end))
    elif i > 1 and s.lower[i - 1] in lex.np_stops and s.lower[i - 1] not in lex.coordinators:
        # "a case against the actor for allegedly assaulting ...": the noun before "for"
        subject = noun_before_comma(g, i - 1)
        claim = Span(i + 1, g.claim_end(i + 1))
    elif i and s.lower[i - 1] in lex.relative_markers and s.lower[i - 1] not in lex.complementizers:
        # "the FBI arrested the man, who allegedly planned ...": the noun the clause is about
        subject = noun_before(g, i - 1)
        claim = Span(i + 1, g.claim_end(i + 1))
    elif i + 2 < len(s) and s.lower[i + 1] in lex.subordinators:
        # "killed in a fight, allegedly after the man's brother insulted a girl": the hedge is
        # on the clause after the subordinator, about its own subject, never the sentence's
        opening = g.noun_phrase(i + 2)
        after = g.skip_subject_aside(opening.end)
        claim = Span(after, g.claim_end(after))
        if opening.end == i + 2 or claim.start >= claim.end or not g.wrongdoing(claim):
            return None
        subject = Span(i + 2, opening.end)
    else:
        subject = g.subject(i)
        claim = Span(i + 1, g.claim_end(i + 1))
        if subject is None and i > 1 and s.lower[i - 1] in lex.coordinators:
            # "A former employee walked into a party and allegedly shot a man": the subject of
            # the predicate the hedged one is joined to
            start = g.clause_start(i)
            opening = g.noun_phrase(start, i - 1)
            if opening.end > start and opening.verb_follows:
                subject = g.trim(Span(start, opening.end))
    if subject is None or claim.start >= claim.end:
        return None
    if (
        subject.end == i
        and i + 2 < len(s)
        and s.lower[i + 1] in lex.victim_participles
        and s.lower[i + 2] in lex.place_prepositions
    ):
        return None  # "Emails allegedly hacked from government accounts": what was done to them
    if _passive_at(g, i) and s.find(lex.agent_prepositions, *claim) < 0 and not g.wrongdoing(claim):
        return None  # "They had purportedly been kept secret": what was done to them, no wrong
    if s.lower[claim.start] in lex.say_verbs and not g.wrongdoing(claim):
        return None  # "Aishah allegedly told police she thought ...": a report hedged, no wrong
    if (doer := _harm_doer(g, claim)) is not None:
        # "Junaid allegedly stabbed and killed by a mob": the harm's doer, not its victim
        subject, claim = doer, Span(claim.start, doer.start)
    return Frame(i, lex.adverb_cues[s.lower[i]], None, subject, claim, target_in_claim=False)


def _reduced_by_participle(g: Grammar, i: int) -> bool:
    """Return True when adverb i opens a participle phrase after a noun with its "by" doer at
    once: "the crimes allegedly committed by its graduates" (no auxiliary, no comma before)."""
    s, lex = g.s, g.lex
    if not 0 < i < len(s) - 2 or punctuation(s.words[i - 1]) or s.lower[i - 1] in lex.aux:
        return False
    if g.verb_like(i - 1) or g.pronoun(i - 1):
        return False
    return lex.is_past(s.lower[i + 1]) and bool(s.match(i + 2, lex.agent_prepositions))


def _harm_doer(g: Grammar, claim: Span) -> Span | None:
    """Return the "by" phrase of a harm that opens a hedged claim: "a mob" in "(allegedly)
    stabbed and killed by a mob"; None when the claim opens otherwise or names no doer."""
    s, lex = g.s, g.lex
    k = claim.start
    while k < claim.end and (s.lower[k] in lex.passive_aux or s.lower[k] in lex.passive_adverbs):
        k += 1  # "(allegedly) was beaten by", "had been"
    if k >= claim.end or s.lower[k] not in lex.victim_participles:
        return None
    k += 1
    while k + 1 < claim.end and s.lower[k] in lex.coordinators:
        if s.lower[k + 1] not in lex.victim_participles:
            break
        k += 2  # "stabbed and killed"
    by = s.match(k, lex.agent_prepositions)
    if not by:
        return None
    start = k + len(by)
    end = g.noun_phrase(start, claim.end).end
    return Span(start, end) if end > start else None


def _passive_at(g: Grammar, i: int) -> bool:
    """Return True when adverb i stands in a passive: "was allegedly paid", "had purportedly been
    kept"."""
    s, lex = g.s, g.lex
    passive = i > 0 and s.lower[i - 1] in lex.passive_aux
    j = i + 1
    while j < len(s) and s.lower[j] in lex.aux:
        passive = passive or s.lower[j] in lex.passive_aux
        j += 1
    return passive and j < len(s) and (lex.is_past(s.lower[j]) or s.lower[j] in lex.verb_hints)


def attribute(g: Grammar, i: int) -> Frame | None:
    """Read "Tamim attributed the bombing to Houthi rebels", "another attack ascribed to X"."""
    s, lex = g.s, g.lex
    kind = lex.attribute_verbs[s.lower[i]]
    if s.match(i + 1, lex.attribute_prepositions):  # "an attack ascribed to the Taliban"
        at, claim = i + 1, noun_before(g, i)
        accuser = None
    else:
        at = s.find(lex.attribute_prepositions, i + 1, i + OBJECT_WINDOW)
        if at < 0 or s.find(_SENTENCE_BREAKS, i + 1, at) >= 0:
            return None
        claim, accuser = Span(i + 1, at), g.agent(i)
    start = at + len(s.match(at, lex.attribute_prepositions) or ())
    target = Span(start, g.noun_phrase(start).end)
    if claim is None or claim.start >= claim.end or target.start >= target.end:
        return None
    if s.lower[claim.end - 1] in lex.attribute_neutral_objects:
        return None  # "attributing this specific decision to WBC": no wrong attributed
    return Frame(i, kind, accuser, target, claim, target_in_claim=False, needs_target=True)


def link(g: Grammar, i: int) -> Frame | None:
    """Read "He has been linked to terrorist incidents", "Obama linked the suspect in the
    bombing to al-Qaeda": a party tied to a wrong, or a wrong's doer tied to a party.

    In the passive the subject is the target when the phrase after "to" names a wrong, or when
    the subject is a word of ``suspect_nouns`` and the phrase a party ("the suspects were linked
    to the X network"). In the active the subject accuses; of the object and the phrase after
    "to", the one that names no wrong is the target. A reduced participle ("a nationalist
    linked to bombings") is not read: the labelled news splits on it.
    """
    s, lex = g.s, g.lex
    if s.match(i + 1, lex.attribute_prepositions):
        if not g.passive_before(i):
            return None
        subject = g.subject(i)
        start = i + 1 + len(s.match(i + 1, lex.attribute_prepositions) or ())
        end = g.claim_end(start)
        tied = Span(start, g.noun_phrase(start, end).end)
        if subject is None or tied.start >= tied.end:
            return None
        suspect = s.match(subject.start, lex.suspect_nouns) is not None
        if not (_wrong_named(g, tied) or (suspect and is_party(lex, s.original(tied)))):
            return None
        return Frame(i, kinds.ALLEGATION, None, subject, Span(start, end), False, needs_target=True)
    at = s.find(lex.attribute_prepositions, i + 1, g.claim_end(i + 1, min(len(s), i + LINK_WINDOW)))
    if at < 0 or s.find(_SENTENCE_BREAKS, i + 1, at) >= 0:
        return None
    obj = Span(i + 1, at)
    start = at + len(s.match(at, lex.attribute_prepositions) or ())
    tied = Span(start, g.noun_phrase(start, g.claim_end(start)).end)
    if tied.end - tied.start > 1 and lex.is_gerund(s.lower[tied.end - 1]):
        tied = Span(tied.start, tied.end - 1)  # "linked X to al-Qaeda saying ...": the name ends
    if obj.start >= obj.end or tied.start >= tied.end:
        return None
    agent = g.agent(i)
    if agent is not None and any(s.lower[k] in lex.evidence_nouns for k in range(*agent)):
        return None  # "DNA and mobile phone records linked him to the crimes": a finding
    if _wrong_named(g, obj) and not _wrong_named(g, tied):
        target, claim = tied, obj
    elif _wrong_named(g, tied) and not _wrong_named(g, obj):
        target, claim = obj, tied
    else:
        return None
    return Frame(i, kinds.CLAIM, agent, target, claim, False, needs_target=True)


def held_responsible(g: Grammar, i: int) -> Frame | None:
    """Read "Amtrak's CEO held CSX responsible": the subject blames the party in between.

    Only the active, with a party as the object right before a word of
    ``holding_complements``; "held talks", "was held responsible" and "hold accountable those
    responsible" are not read here.
    """
    s, lex = g.s, g.lex
    if g.passive_before(i) or i + 2 >= len(s):
        return None
    end = min(g.noun_phrase(i + 1).end + 1, len(s))  # the phrase may take in "responsible"
    at = next((k for k in range(i + 2, end) if s.lower[k] in lex.holding_complements), -1)
    if at < 0:
        return None
    accuser = g.agent(i)
    if accuser is not None and g.ruling_speaker(accuser):
        return None  # "the judge held the firm responsible": a finding, not an allegation
    claim = Span(at, g.claim_end(at))
    return Frame(i, kinds.ACCUSATION, accuser, Span(i + 1, at), claim, False, needs_target=True)


def blame_placed(g: Grammar, i: int) -> Frame | None:
    """Read "He put the blame on the captain", "They laid the blame for the crash on the pilots".

    The noun (``blame_nouns``) follows a placing verb (``placing_verbs``) and a determiner; the
    target is the party after "on", the accuser the verb's subject.
    """
    s, lex = g.s, g.lex
    verb = i - 2 if i > 1 and s.lower[i - 1] in lex.determiners else i - 1
    if verb < 0 or s.lower[verb] not in lex.placing_verbs or g.passive_before(verb):
        return None
    at = s.find(lex.blame_reverse_prepositions, i + 1, i + OBJECT_WINDOW)
    if at < 0 or s.find(_SENTENCE_BREAKS, i + 1, at) >= 0:
        return None
    start = at + len(s.match(at, lex.blame_reverse_prepositions) or ())
    target = Span(start, g.noun_phrase(start).end)
    if target.start >= target.end:
        return None
    accuser = g.agent(verb)
    if accuser is not None and (
        g.ruling_speaker(accuser)
        or any(
            s.lower[k] in lex.inquiry_nouns or lex.pronouns.get(s.lower[k]) == kinds.THING
            for k in range(accuser.start, accuser.end)
        )
    ):
        return (
            None  # "A Polish probe concluded ... It also placed blame on ...": a finding, no party
        )
    claim = Span(i, at)  # "the blame for the crash"
    return Frame(verb, kinds.ACCUSATION, accuser, target, claim, False, needs_target=True)


def _wrong_named(g: Grammar, span: Span) -> bool:
    """Return True when a span names a wrong or a violent event: "terrorist incidents", "the
    attempted bombing of Flight 253"."""
    lex = g.lex
    return g.wrongdoing(span) or any(
        g.s.lower[k] in lex.violent_events for k in range(span.start, span.end)
    )


def identify(g: Grammar, i: int) -> Frame | None:
    """Read "Officials identified the suspect as Patrick Crusius": the named suspect is accused."""
    s, lex = g.s, g.lex
    reduced = s.match(i + 1, lex.agent_prepositions) or s.match(i + 1, lex.identify_as)
    if g.passive_before(i) or reduced:  # "The suspect, identified by police as X, ..."
        return identified(g, i)
    suspect = s.match(i + 1, lex.suspect_nouns)
    if suspect is None:
        return None
    at = i + 1 + len(suspect)
    if not (as_ := s.match(at, lex.identify_as)):
        return None
    start = at + len(as_)
    target = Span(start, g.noun_phrase(start).end)
    if target.start >= target.end:
        return None
    claim = Span(i + 1, at)
    return Frame(
        i, kinds.ACCUSATION, g.agent(i), target, claim, target_in_claim=False, needs_target=True
    )


def identified(g: Grammar, i: int) -> Frame | None:
    """Read "The suspects ... were identified as Narikuravars": the passive's suspect is named."""
    s, lex = g.s, g.lex
    subject = g.sentence_subject(i)
    if subject is None or not s.contains(subject, lex.identified_suspects):
        return None  # "The victim (the attacker, shot dead) was identified as ...": no one accused
    at = i + 1
    accuser: Span | None = None
    if by := s.match(at, lex.agent_prepositions):  # "identified by police as John Doe"
        end = at + len(by)
        while end < min(len(s), at + MAX_TARGET_WORDS) and not s.match(end, lex.identify_as):
            end += 1
        accuser, at = Span(at + len(by), end), end
    as_ = s.match(at, lex.identify_as)
    if as_ is None:
        return None
    start = at + len(as_)
    target = Span(start, g.noun_phrase(start).end)
    if target.start >= target.end:
        return None
    return Frame(
        i, kinds.ACCUSATION, accuser, target, subject, target_in_claim=False, needs_target=True
    )


def reported_passive(g: Grammar, i: int) -> Frame | None:
    """Read "36 people believed to have been involved in the assassination", "was said to have
    been injured by police": a report in the passive, of wrongdoing or of harm by a doer.

    The doer after "by" is the target; else the passive subject, or the noun before a reduced
    relative ("people believed to ...").
    """
    s, lex = g.s, g.lex
    prep = s.match(i + 1, lex.report_passive_prepositions)
    if prep is None:
        return None
    start = i + 1 + len(prep)
    end = g.claim_end(start)
    for k in range(start, end):
        if s.lower[k] in lex.clause_verbs or s.lower[k] in lex.say_verbs:
            end = k  # "is reported to have jumped on stage and claimed he was wrongfully
            break  # imprisoned": the wrong is the subject's own claim, not the report's
    claim = Span(start, end)
    if claim.start >= claim.end or g.hypothesis_in(claim):
        return None
    doer: Span | None = None
    for k in range(claim.start + 1, claim.end):
        by = s.match(k, lex.agent_prepositions)
        if by and s.lower[k - 1] in lex.victim_participles:
            end = g.noun_phrase(k + len(by), claim.end).end
            doer = Span(k + len(by), end) if end > k + len(by) else None
            break
    if doer is None and not g.wrongdoing(claim):
        return None
    if doer is not None:
        target: Span | None = doer
    elif g.passive_before(i):
        target = g.passive_subject(i)
    else:
        target = noun_before(g, i)
    if doer is None and (target is None or not g.party_head(target)):
        return None  # "Its TV screening is thought to have led to his murder": no party
    return Frame(i, kinds.ALLEGATION, None, target, claim, target_in_claim=False, needs_target=True)


def warrant(g: Grammar, i: int) -> Frame | None:
    """Read "Iran issued arrest warrants on 36 people", "a warrant for the arrest of X"."""
    s, lex = g.s, g.lex
    noun = s.match(i, lex.warrant_nouns)
    if noun is None or (i and s.match(i - 1, lex.warrant_nouns)):
        return None  # "arrest warrants": read once, at "arrest"
    j = i + len(noun)
    prep = s.match(j, lex.warrant_prepositions)
    if prep is None:
        return None
    start = j + len(prep)
    if g.pronoun(start) or (start < len(s) and s.lower[start] in lex.pronouns):
        target = Span(start, start + 1)  # "a warrant for his arrest"
    else:
        target = Span(start, g.noun_phrase(start).end)
    if target.start >= target.end:
        return None
    claim = Span(i, g.claim_end(i))
    verb = i - 1
    while verb > 0 and s.lower[verb] in lex.determiners:
        verb -= 1  # "issued an arrest warrant": the issuer is the verb's subject
    accuser = g.agent(verb) if verb >= 0 else None
    return Frame(i, kinds.CHARGE, accuser, target, claim, target_in_claim=False, needs_target=True)


def appositive_suspect(g: Grammar, i: int) -> Frame | None:
    """Read "Kyle Rittenhouse, the suspect in a shooting, was released": the name is accused."""
    s, lex = g.s, g.lex
    j = i
    while j > 0 and s.lower[j - 1] in lex.appositive_suspect_openers:
        j -= 1
    after = s.lower[i + 1] if i + 1 < len(s) else ""
    if j == i or j < 2 or s.lower[j - 1] != "," or lex.is_possessive(s.lower[i]):
        return None
    if after not in lex.np_stops and after != ",":
        return None  # "Smith, the suspect, ..." or "the suspect in ...", not "the suspect's"
    end = j - 1
    start = end
    while start > 0 and capitalised(s.words[start - 1]) and not punctuation(s.words[start - 1]):
        start -= 1
    if start == end or lex.name_base(s.lower[start]) in lex.non_names:
        return None
    stop = s.find(_COMMA, i + 1)
    claim = Span(j, stop if stop > 0 else g.claim_end(i))
    return Frame(
        i, kinds.ACCUSATION, None, Span(start, end), claim, target_in_claim=False, needs_target=True
    )


def as_suspect(g: Grammar, i: int) -> Frame | None:
    """Read "Police spoke with Anne Sacoolas as a suspect": the name before "as" is the suspect.

    The clause's subject is the accuser; "ruled out X as a suspect" clears X and is no item.
    """
    s, lex = g.s, g.lex
    j = i
    while j > 0 and s.lower[j - 1] in lex.appositive_suspect_openers:
        j -= 1
    as_ = s.ends_with(j, lex.identify_as)
    if j == i or as_ is None or lex.is_possessive(s.lower[i]):
        return None
    end = j - len(as_)
    start = end
    while start > 0 and capitalised(s.words[start - 1]) and not punctuation(s.words[start - 1]):
        start -= 1
    if start == end or start == 0 or lex.name_base(s.lower[start]) in lex.non_names:
        return None  # "As a suspect, ...", "Police as a suspect"
    if s.contains(Span(g.clause_start(i), start), lex.suspect_cleared):
        return None  # "Police have ruled out Tom Lee as a suspect"
    claim = Span(j, g.claim_end(i))
    return Frame(
        i,
        kinds.ACCUSATION,
        g.sentence_subject(start),
        Span(start, end),
        claim,
        target_in_claim=False,
        needs_target=True,
    )


def copula_suspect(g: Grammar, i: int) -> Frame | None:
    """Read "Gomez is a suspect in the murder", "Gomez was named as a suspect in the killing"."""
    s, lex = g.s, g.lex
    j = i
    while j > 0 and s.lower[j - 1] in lex.appositive_suspect_openers:
        j -= 1
    if j == i or j < 2 or lex.is_possessive(s.lower[i]):
        return None  # "the suspect's car": no suspect named
    target: Span | None = None
    if s.lower[j - 1] in lex.passive_aux:
        target = g.subject(j - 1)  # "Gomez is a suspect"
    elif (
        s.match(j - 1, lex.identify_as)
        and s.lower[j - 2] in lex.identify_verbs
        and g.passive_before(j - 2)
    ):
        target = g.passive_subject(j - 2)  # "Gomez was named as a suspect"
    if target is None:
        return None
    claim = Span(j, g.claim_end(i))
    after = s.lower[i + 1] if i + 1 < len(s) else ""
    if after in lex.np_stops and not g.wrongdoing(Span(i + 1, claim.end)):
        return None  # "Hussein had been a defendant in the Anfal trial": a trial, no wrong named
    return Frame(i, kinds.ACCUSATION, None, target, claim, target_in_claim=False, needs_target=True)


def characterise(g: Grammar, i: int) -> Frame | None:
    """Read "Pelosi called Trump's conduct a breach of his duties", "labeled Soleimani a terrorist".

    The object is the target (its possessor when it has one: "Trump's conduct" -> Trump); what
    it is called must name wrongdoing, so "called the move a smash and grab" is no item.
    """
    s, lex = g.s, g.lex
    if i and lex.is_article(s.lower[i - 1]):
        return None  # "the so-called"
    if g.passive_before(i) or s.lower[i] not in lex.characterise_verbs:
        return _characterised(g, i)  # "was described as", "was viewed as illegal by X"
    start = i + 1
    while start < len(s) and s.lower[start] in lex.determiners:
        start += 1
    end = start
    owner: Span | None = None
    first: Span | None = None  # the first of coordinated objects: "named X (PKK) and Y as"
    while end < len(s) and end - start < OBJECT_WINDOW:
        word, low = s.words[end], s.lower[end]
        if word == "(" and end > start and (close := s.find(_CLOSE, end + 1, end + 5)) > 0:
            end = close + 1  # an abbreviation after a name: "Kurdistan Workers' Party (PKK)"
            continue
        if (
            low in lex.coordinators
            and end > start
            and first is None
            and not g.verb_like(end + 1)  # "called X a fascist and termed her ...": a new verb
        ):
            first = Span(start, end)
            end += 1
            while end < len(s) and s.lower[end] in lex.determiners:
                end += 1
            continue
        if punctuation(word) or low in lex.np_stops or low in lex.determiners:
            break
        if s.match(end, lex.characterise_as) or g.verb_like(end):
            break
        end += 1
        if first is None and end - start > MAX_TARGET_WORDS:
            break
        next_name = end < len(s) and capitalised(s.words[end])
        if lex.is_possessive(low) and owner is None and first is None and not next_name:
            owner = Span(start, end)  # "Trump's conduct": Trump, not "Workers' Party"
    if end == start or end >= len(s):
        return None
    as_ = s.match(end, lex.characterise_as)
    doer = _doer_before_as(g, end) if as_ is None and first is None and owner is None else None
    if doer is not None:
        # "labeling the killings of Armenians by the Ottoman Empire as genocide": the act's doer
        owner, end = doer, doer.end
        as_ = s.match(end, lex.characterise_as)
    if first is not None and as_ is None:
        end, first = first.end, None  # "called the mayor and his aides corrupt": the first
    if as_ is None and s.lower[i] not in lex.characterise_without_as:
        return None  # "He cited Telegram's mechanisms": "cited ... as" only
    if as_ is None and punctuation(s.words[end]) and s.lower[end] not in _OPENING_QUOTES:
        return None  # "Now called Stitch's Great Escape!, the creature ...": a name, no verdict
    after = end + len(as_ or ())
    claim = Span(after, g.claim_end(after))
    if after < claim.end and s.lower[after] == _QUOTE:
        # 'described his death as "a sad time", telling the BBC ...': the quotation is the claim
        # the quotation ends the claim when a comma and a gerund follow it ("as well as ..." or
        # "and" go on with the claim)
        close = next((k for k in range(after + 1, claim.end) if s.lower[k] == _QUOTE), 0)
        comma = close + 1 if close + 1 < len(s) and s.lower[close + 1] == "," else close
        if close and comma > close and comma + 1 < len(s) and lex.is_gerund(s.lower[comma + 1]):
            claim = Span(after, close + 1)
    if claim.start >= claim.end or not g.wrongdoing(claim) or g.hypothesis_in(claim):
        return None
    kind = lex.characterise_verbs[s.lower[i]]
    if first is not None:
        target: Span = _without_abbreviation(g, first)
    else:
        target = owner or Span(i + 1, end)  # must be a party: "described the attack as" is none
    accuser: Span | None = None
    if i and s.lower[i - 1] in lex.coordinators:
        # "He named it X and named Y as terrorists": the subject of the verb before "and"
        k = i - 2
        while accuser is None and k >= 0 and s.lower[k] not in (";", "."):
            accuser = g.subject(k) if g.verb_like(k) else None
            k -= 1
    accuser = accuser or g.agent(i)
    return Frame(i, kind, accuser, target, claim, target_in_claim=False, needs_target=True)


def _doer_before_as(g: Grammar, k: int) -> Span | None:
    """Return X in "<act> of Y by X as <wrong>" after an object ending at k, else None."""
    s, lex = g.s, g.lex
    for j in range(k, min(k + OBJECT_WINDOW, len(s))):
        if punctuation(s.words[j]) or s.match(j, lex.characterise_as):
            return None
        if by := s.match(j, lex.agent_prepositions):
            doer = Span(j + len(by), g.noun_phrase(j + len(by)).end)
            as_at = doer.end < len(s) and s.match(doer.end, lex.characterise_as)
            return doer if doer.start < doer.end and as_at else None
    return None


def _characterised(g: Grammar, i: int) -> Frame | None:
    """Read "This election was viewed as illegal by Comoros", "The minister was branded a liar".

    The passive's subject is the target when it is a party; the "by" phrase is the accuser. A
    subject that is an event is none ("The attack was described as terrorism by police").
    """
    s, lex = g.s, g.lex
    low = s.lower[i]
    if not g.passive_before(i):
        return None
    start = i + 1
    if as_ := s.match(start, lex.characterise_as):
        start += len(as_)
    elif low not in lex.characterise_without_as:
        return None
    end = g.claim_end(start)
    by = s.find(lex.agent_prepositions, start, end)
    accuser: Span | None = None
    if by >= 0:
        after = by + len(s.match(by, lex.agent_prepositions) or ())
        accuser = Span(after, end)
        end = by
    claim = Span(start, end)
    if claim.start >= claim.end or not g.wrongdoing(claim) or g.hypothesis_in(claim):
        return None
    subject = g.passive_subject(i)
    if subject is not None and any(
        s.lower[k] in lex.violent_events or s.lower[k] in lex.disaster_nouns
        for k in range(*subject)
    ):
        return None
    if subject is not None and not (g.pronoun(subject.start) or is_party(lex, s.original(subject))):
        subject = None  # "This election was viewed as illegal by X": X's claim, no one named
    kind = lex.characterise_verbs.get(low) or lex.passive_characterise_verbs[low]
    return Frame(i, kind, accuser, subject, claim, False, needs_target=accuser is None)


def crime_doer(g: Grammar, i: int) -> Frame | None:
    """Read a crime with its doer in someone's words: "X said, "... the crimes committed by
    Israel ..."", "... al-Qaeda terrorists, who committed a brutal crime," he said".

    The doer follows "committed by" or "of" ("the crimes of al-Qaeda"), or stands before a
    relative clause ("X, who committed ..."). The speaker is the accuser; with none in the
    sentence there is no item.
    """
    s, lex = g.s, g.lex
    doer: Span | None = None
    j = i + 1
    while j < min(i + 1 + TIME_PHRASE_WORDS + 2, len(s)) and not punctuation(s.words[j]):
        if by := s.match(j, lex.crime_doer_phrases):
            start = j + len(by)
            doer = Span(start, g.noun_phrase(start).end)
            break
        j += 1
    of = i + 1 < len(s) and s.lower[i + 1] in lex.noun_object_prepositions
    if doer is None and s.lower[i] in lex.crime_of_nouns and of:
        start = i + 2
        name = start
        while name < len(s) and s.lower[name] in lex.determiners:
            name += 1  # "the crimes of the Zeta cartel"
        if name < len(s) and (g.name_word(name) or name_like(lex, s.words[name])):
            doer = Span(start, g.noun_phrase(start).end)
    if doer is None:
        k = i - 1  # "who committed a brutal crime": back over the noun's modifiers
        while k > max(0, i - 4) and not (
            punctuation(s.words[k]) or s.lower[k] in lex.crime_verbs or g.verb_like(k)
        ):
            k -= 1
        if k > 0 and s.lower[k] in lex.crime_verbs and s.lower[k - 1] in lex.relative_markers:
            doer = noun_before_comma(g, k - 1)
    if doer is None or doer.start >= doer.end:
        return None
    accuser = g.speaker(i) or quote_speaker(g, i) or said_before_quote(g, i)
    if accuser is None:
        return None
    end = g.claim_end(i)
    if g.hypothesis_in(Span(g.clause_start(i), end)):
        return None  # "holding CEOs liable for crimes committed by third parties could ..."
    close = next((k for k in range(i + 1, end) if s.words[k] in _QUOTE_MARKS), end)
    claim = Span(i, close)  # up to the quotation's end
    return Frame(i, kinds.ACCUSATION, accuser, doer, claim, False, needs_target=True)


def said_before_quote(g: Grammar, i: int) -> Span | None:
    """Return who says a quotation opened before token i by 'X said, "' or 'saying: "'."""
    s, lex = g.s, g.lex
    opening = next((k for k in range(i - 1, -1, -1) if s.words[k] in _QUOTE_MARKS), -1)
    k = opening - 1
    while k >= 0 and s.lower[k] in (",", ":"):
        k -= 1
    if k < 0 or s.lower[k] not in lex.quote_verbs:
        return None
    return g.agent(k)


def quote_speaker(g: Grammar, i: int) -> Span | None:
    """Return the speaker of a quotation holding token i: '"...," he said', '"...," said X'.

    Only a say verb after the quotation's closing mark, at the sentence's end.
    """
    s, lex = g.s, g.lex
    close = next((k for k in range(i + 1, len(s)) if s.words[k] in _QUOTE_MARKS), -1)
    if close < 0:
        return None
    for k in range(close + 1, min(close + 1 + SOURCE_WORDS + 1, len(s))):
        if s.lower[k] not in lex.quote_verbs:
            continue
        before = Span(close + 1, k)
        while before.start < before.end and punctuation(s.words[before.start]):
            before = Span(before.start + 1, before.end)
        if before.start < before.end:
            return before  # '"...," he said', '"...," Julia Gillard said'
        after = Span(k + 1, g.noun_phrase(k + 1).end)
        return after if after.start < after.end else None
    return None


def _without_abbreviation(g: Grammar, span: Span) -> Span:
    """Return a name without its abbreviation in brackets: "Kurdistan Workers' Party (PKK)"."""
    at = g.s.find(_OPEN, span.start, span.end)
    return Span(span.start, at) if at > span.start else span


def adjective(g: Grammar, i: int) -> Frame | None:
    """Read "alleged police violence", "its alleged operator Jong Woo Son", "X has alleged ties".

    The target is a name inside the phrase, else a party noun that is not its head ("police" in
    "alleged police violence", not "the alleged gunman"), else the subject of "has", else the
    name before "over"/"for" ("investigating Trump over alleged hush money").
    """
    s, lex = g.s, g.lex
    attributive = s.lower[i] in lex.attributive_accusations  # "the accused thugs X and Y"
    before = s.lower[i - 1] if i else ""
    if attributive and not (before in lex.determiners or before in lex.count_words):
        return None  # "Police accused Smith of ...": the verb, ``accuse_or_charge``
    if g.passive_before(i) or (noun_reading(g, i) and not attributive):
        return None
    after = s.lower[i + 1] if i + 1 < len(s) else ""
    if not after or punctuation(s.words[i + 1]) or after in lex.determiners:
        return None
    if after in lex.complementizers or after in lex.np_stops or after in lex.aux:
        return None  # "alleged that", "alleged to have", "alleged by"
    phrase = Span(i + 1, g.noun_phrase(i + 1).end)
    if phrase.start >= phrase.end:
        return None
    if g.subject(i) is not None and _reported_telling(g, phrase.end, g.claim_end(phrase.start)):
        return None  # "An earlier report alleged Yemeni officials told ...": the verb
    target: Span | None = None
    head = phrase.end - 1
    for j in range(phrase.start, phrase.end):
        if capitalised(s.words[j]) and lex.name_base(s.lower[j]) not in lex.non_names:
            if not _alleged_role(g, Span(phrase.start, j)):
                return None  # "purported film expert Gregg Turkington": a status, not a wrong
            k = j
            while k < phrase.end and capitalised(s.words[k]):
                k += 1
            target = Span(j, k)
            break
        if s.lower[j] in lex.role_nouns and j != head and target is None:
            target = Span(j, j + 1)
    if attributive and (
        target is None
        or target.start == i + 1
        or not g.name_word(target.start)
        or not lex.is_party_noun(s.lower[target.start - 1], True)
    ):
        # "Two accused gangbangers went on trial": no one named (the trial's item); "counsel
        # for the accused Morris Anya": the noun "the accused", then another's name
        return None
    listed = phrase.end + 1
    if (
        target is None
        and listed < len(s)
        and s.lower[phrase.end] == ","
        and s.lower[listed] in lex.noun_list_verbs
    ):  # "several alleged accomplices, including Mufti Abdul Qawi"
        named = Span(listed + 1, g.noun_phrase(listed + 1).end)
        target = named if named.start < named.end else None
    if target is None and lex.is_party_noun(s.lower[head], True):
        target = _apposition_after(g, phrase.end)  # "The alleged killer, Jon Blaylock, was"
    if (
        target is None
        and i
        and lex.is_possessive(s.lower[i - 1])
        and s.lower[i - 1] not in (lex.pronouns)
    ):  # "Trump's alleged abuse of power", "the company's alleged role"
        start = i - 1
        while start > 0 and g.name_word(start - 1):
            start -= 1  # "Donald Trump's", "the Trump campaign's"
        head_word = s.lower[phrase.end - 1]
        if lex.is_party_noun(head_word, True) and not g.wrongdoing(phrase):
            return None  # "Smith's purported founder": a person's status, no wrong
        target = Span(start, i)
    if target is None and i and s.lower[i - 1] in lex.possession_verbs:
        target = g.subject(i - 1)  # "Mahan's director, Hamid Khanooki, has alleged ties"
    if (
        target is None
        and i > 1
        and s.lower[i - 1] in lex.definite_articles
        and s.lower[i - 2] in lex.passive_aux
    ):
        target = g.subject(i - 2)  # "the Abu Sayyaf Group are the suspected perpetrators"
    if target is None and i > 1 and s.lower[i - 1] in lex.adjective_target_prepositions:
        end = i - 1
        start = end
        while start > 0 and capitalised(s.words[start - 1]):
            start -= 1
        target = Span(start, end) if start < end else None
    if target is None:
        target = _doer_after(g, phrase)  # "alleged misconduct by President Donald Trump"
    if target is None:
        return None
    accuser: Span | None = None
    if i and s.lower[i - 1] in lex.possession_verbs and phrase.start <= target.start < phrase.end:
        # "Saudi Arabia and the United States have alleged Iranian involvement": the phrase
        # names its own party, so "have alleged" is the verb and its subject the accuser
        accuser = g.subject(i - 1)
    kind = kinds.ACCUSATION if attributive else lex.adjective_cues[s.lower[i]]
    return Frame(i, kind, accuser, target, phrase, target_in_claim=False, needs_target=True)


def _apposition_after(g: Grammar, j: int) -> Span | None:
    """Return the name set off by commas at token j: ", Jon Christopher Blaylock," (closed by a
    comma or the sentence's end), else None."""
    s = g.s
    if j + 1 >= len(s) or s.lower[j] != "," or not g.name_word(j + 1):
        return None
    k = j + 1
    while k < len(s) and g.name_word(k):
        k += 1
    closed = k == len(s) or s.lower[k] in {",", "."}
    return Span(j + 1, k) if closed else None


def _doer_after(g: Grammar, phrase: Span) -> Span | None:
    """Return the doer of an alleged wrong named after it: "alleged misconduct by X" -> X.

    The phrase must name a wrong or a violent event ("alleged abuses by the guards", "the
    suspected attack by rebels"); "an alleged letter by X" names no wrong and gives none.
    """
    s, lex = g.s, g.lex
    by = s.match(phrase.end, lex.agent_prepositions)
    if by is None:
        return None
    event = any(s.lower[j] in lex.violent_events for j in range(phrase.start, phrase.end))
    if not (event or g.wrongdoing(phrase)):
        return None
    start = phrase.end + len(by)
    doer = Span(start, g.noun_phrase(start).end)
    return doer if doer.start < doer.end else None


def _alleged_role(g: Grammar, before: Span) -> bool:
    """Return True when the words between "alleged" and a name make it an allegation.

    None ("alleged Jong Woo Son"), a role ("its alleged operator X", "the suspected gunman X")
    or a wrong ("alleged fraudster X") do; a description of another kind ("purported film
    expert X") is a doubted status, no wrong.
    """
    s, lex = g.s, g.lex
    if before.start >= before.end:
        return True
    if any(
        s.lower[j] in lex.role_nouns or s.lower[j] in lex.appositive_suspects
        for j in range(before.start, before.end)
    ):
        return True
    return g.wrongdoing(before)


def agent_adverb(g: Grammar, i: int) -> Frame | None:
    """Read "the attack, reportedly conducted by the Taliban": the agent is the target."""
    s, lex = g.s, g.lex
    adverb = s.match(i, lex.agent_adverbs)
    if adverb is None:
        return None
    j = i + len(adverb)
    if j >= len(s) or not (lex.is_past(s.lower[j]) or s.lower[j] in lex.verb_hints):
        return None
    for k in range(j + 1, min(j + 4, len(s))):
        if by := s.match(k, lex.agent_prepositions):
            start = k + len(by)
            target = Span(start, g.noun_phrase(start).end)
            claim = noun_before(g, i)
            if claim is None or target.start >= target.end:
                return None
            event = any(s.lower[m] in lex.violent_events for m in range(claim.start, claim.end))
            if not (event or g.wrongdoing(Span(claim.start, k))):
                return None  # "the document, apparently signed by X": no wrong done by X
            kind = lex.adverb_cues.get(s.lower[i], kinds.ALLEGATION)
            return Frame(i, kind, None, target, claim, target_in_claim=False, needs_target=True)
    return None


def _apposed_name(g: Grammar, i: int) -> Span | None:
    """Return the name that an aside just before participle i describes.

    "the trial of Jermayne Timmons, the teen accused of shooting ...": an article and at most
    ``APPOSITION_WORDS`` lower-case nouns after a comma; "a hearing for John Jenkin, 23,
    charged with ...": an age between commas. The name is the capitalised words before that
    comma, not the first of a list ("of New Bedford, Massachusetts, accused": no article or
    age). None when no such aside stands there.
    """
    s, lex = g.s, g.lex
    if i > 3 and s.lower[i - 1] == "," and s.lower[i - 2].isdigit() and s.lower[i - 3] == ",":
        end = i - 3  # "John Jenkin, 23, charged with"
    else:
        j = i - 1
        while j > 0 and i - j <= APPOSITION_WORDS and not lex.is_article(s.lower[j]):
            if capitalised(s.words[j]) or punctuation(s.words[j]) or g.verb_like(j):
                return None
            j -= 1
        if j == i - 1 or not lex.is_article(s.lower[j]) or j < 2 or s.lower[j - 1] != ",":
            return None
        end = j - 1  # "Jermayne Timmons, the teen accused of"
    start = end
    while start > 0 and g.name_word(start - 1):
        start -= 1
    return Span(start, end) if start < end else None


def _object_before(g: Grammar, i: int) -> Span | None:
    """Return the noun phrase right before participle i, back to a verb, a gerund or a
    preposition: "a man" in "hunting a man suspected of", "the extradition of a businessman
    accused of"."""
    s, lex = g.s, g.lex
    if not lex.is_past(s.lower[i]):
        return None  # "the leader they blame for ...": a verb, no participle
    start = i
    while start > 0 and not (
        punctuation(s.words[start - 1])
        or s.lower[start - 1] in lex.np_stops
        or g.verb_like(start - 1)
        or lex.is_gerund(s.lower[start - 1])
    ):
        start -= 1
    if start == i or not (s.lower[start] in lex.determiners or g.name_word(start)):
        return None  # "appeared in court accused of": a place, not the accused
    if any(s.lower[k] in lex.pronouns for k in range(start + 1, i)):
        return None
    return Span(start, i)


def noun_before(g: Grammar, i: int) -> Span | None:
    """Return the noun phrase just before token i, past one comma: "the attack" in "the attack,"."""
    s = g.s
    end = i - 1 if i and s.lower[i - 1] == "," else i
    start = end
    while start > 0 and not punctuation(s.words[start - 1]) and not g.verb_like(start - 1):
        start -= 1
    return Span(start, end) if start < end else None


# The rules in the order they are tried at a token, each with the words that trigger it.
RULES: tuple[tuple[Callable[[Lexicon, str], bool], Rule], ...] = (
    (lambda lex, w: w in lex.filing_verbs or w in lex.facing_verbs, filing),
    (lambda lex, w: any(p[0] == w for p in lex.lawsuit_nouns), lawsuit),
    (lambda lex, w: w in lex.sue_verbs, sue),
    (
        lambda lex, w: (
            w in lex.accuse_verbs
            or w in lex.charge_verbs
            or w in lex.blame_verbs
            or w in lex.arrest_verbs
            or w in lex.sanction_verbs
            or w in lex.investigate_verbs
            or w in lex.passive_to_verbs
        ),
        accuse_or_charge,
    ),
    (lambda lex, w: w in lex.arrest_nouns, arrest_noun),
    (lambda lex, w: any(p[0] == w for p in lex.investigation_nouns), under_investigation),
    (lambda lex, w: any(p[0] == w for p in lex.suspicion_phrases), on_suspicion),
    (lambda lex, w: any(p[0] == w for p in lex.trial_phrases), on_trial),
    (lambda lex, w: w in lex.trial_nouns, trial_of),
    (lambda lex, w: w in lex.contempt_verbs, contempt),
    (lambda lex, w: w in lex.inquiry_nouns, inquiry),
    (lambda lex, w: w in lex.clause_verbs, clause),
    (lambda lex, w: w in lex.nouns, noun),
    (lambda lex, w: w in lex.nouns, charges_brought),
    (lambda lex, w: w in lex.attribute_verbs, attribute),
    (lambda lex, w: w in lex.identify_verbs, identify),
    (lambda lex, w: w in lex.link_verbs, link),
    (lambda lex, w: w in lex.holding_verbs, held_responsible),
    (lambda lex, w: w in lex.blame_nouns, blame_placed),
    (lambda lex, w: w in lex.report_passive_verbs, reported_passive),
    (lambda lex, w: any(p[0] == w for p in lex.warrant_nouns), warrant),
    (
        lambda lex, w: w in lex.characterise_verbs or w in lex.passive_characterise_verbs,
        characterise,
    ),
    (lambda lex, w: w in lex.appositive_suspects, appositive_suspect),
    (lambda lex, w: w in lex.appositive_suspects, copula_suspect),
    (lambda lex, w: w in lex.appositive_suspects, as_suspect),
    (lambda lex, w: w in lex.crime_nouns, crime_doer),
    (lambda lex, w: w in lex.say_verbs, say),
    (lambda lex, w: w in lex.say_verbs, said_after),
    (lambda lex, w: any(p[0] == w for p in lex.agent_adverbs), agent_adverb),
    (lambda lex, w: w in lex.adverb_cues, adverb),
    (lambda lex, w: w in lex.adjective_cues or w in lex.attributive_accusations, adjective),
    (lambda lex, w: any(p[0] == w for p in lex.report_of_phrases), reports_of),
)


_TABLES: dict[int, tuple[Lexicon, dict[str, tuple[Rule, ...]]]] = {}


def _rules_by_word(lex: Lexicon) -> dict[str, tuple[Rule, ...]]:
    """Return, for each cue word of the lexicon, the rules it triggers in :data:`RULES` order."""
    cached = _TABLES.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached[1]
    words = {w for phrases in _phrase_fields(lex) for p in phrases for w in p[:1]}
    words |= set(lex.accuse_verbs) | set(lex.charge_verbs) | set(lex.blame_verbs)
    words |= set(lex.arrest_verbs) | set(lex.passive_to_verbs) | set(lex.clause_verbs)
    words |= set(lex.sanction_verbs) | set(lex.investigate_verbs)
    words |= lex.contempt_verbs | lex.inquiry_nouns | lex.arrest_nouns
    words |= set(lex.nouns) | set(lex.attribute_verbs) | set(lex.identify_verbs)
    words |= lex.link_verbs | lex.holding_verbs | lex.blame_nouns
    words |= set(lex.characterise_verbs) | set(lex.passive_characterise_verbs) | lex.crime_nouns
    words |= lex.appositive_suspects
    words |= lex.trial_nouns
    words |= set(lex.say_verbs) | set(lex.adverb_cues) | set(lex.adjective_cues)
    words |= lex.attributive_accusations
    words |= lex.report_passive_verbs
    words |= lex.filing_verbs | lex.facing_verbs | set(lex.sue_verbs)
    table = {w: tuple(rule for trigger, rule in RULES if trigger(lex, w)) for w in words}
    table = {w: rules for w, rules in table.items() if rules}
    _TABLES[id(lex)] = (lex, table)
    return table


def _phrase_fields(lex: Lexicon) -> tuple[Phrases, ...]:
    """Return the phrase lists whose first words trigger rules."""
    return (
        lex.lawsuit_nouns,
        lex.agent_adverbs,
        lex.warrant_nouns,
        lex.investigation_nouns,
        lex.suspicion_phrases,
        lex.trial_phrases,
        lex.report_of_phrases,
    )
