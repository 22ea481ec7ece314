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
  wins. No cue is read when any cue is negated or a hypothesis word stands anywhere in the
  sentence (the patterns' guards, made wider); a cue is skipped after a conditional form or
  when the sentence names no wrong: a ``wrongdoing`` fragment, unless the cue is itself one
  (``fallback_self_wrong``: "обвинение", "inculpé", "angeklagt") or an accusing verb names its
  party and opens its claim right after it (``fallback_claim_openers``: "wirft dem Konzern vor,
  ...", not "accuse le coup"). After a determiner a cue is a noun ("una denuncia"; a passive
  form there names a person, "den Angeklagten", and is no cue); after a passive auxiliary in
  its clause an active form is passive ("wird beschuldigt"), after an active auxiliary a
  participle is active ("a accusé").
* Parties, with no accuser rather than a wrong one (the rules of each voice are in the
  docstrings of ``_active``, ``_passive``, ``_nominal`` and ``_source``, and in
  ``digests/data/allegation_cues.md``):

  - active: accuser before the cue, target right after it (past ``fallback_skip`` words:
    "acusa a", "affirme que"); two parties after a cue with none before are subject and object
    (verb-second); German verb-final, the second party before the cue; else the party after an
    "against" word (``fallback_against``); an impersonal form (``fallback_impersonal``) with a
    preposition after it has its object before it ("Врача подозревают в ..."); a claim verb's
    target is its clause's subject;
  - passive: the target is the party right before the cue (past auxiliaries, not a
    preposition's object), the subject set off by a comma before a participle's clause, or the
    party after the cue ("Angeklagt ist X"); a legal source before it is the accuser ("Laut
    Anklage soll X ..."); else the accuser follows an agent word (``fallback_agents``); in a
    clause right after a quotation (its speaker's: "„...“, sagte X ... zu den Berichten über
    angebliche Bestechung") there is none;
  - nominal: the target follows an "against" word ("la plainte contre X"), the accuser opens
    the clause or follows an agent word before the target; after a state preposition
    (``fallback_states``: "im Verdacht", "по подозрению") the subject is the target and there
    is no accuser; a negation after the target drops it ("... ne sont pas fondées");
  - source: the accuser is the party (or legal source) after the source word, the target the
    subject of the clause after it or of the clause before its comma.

  A reportative or source cue (``fallback_agent_cues``: "aurait", "selon", "affirme") makes an
  item only when its claim says the target did a wrong (the patterns' ``agent`` test, in
  ``Reader.did_wrong``), and a target that is a victim (``victims``) is none.

  Every item needs a target that is a party (a name, a role noun, a pronoun resolved in the
  paragraph, or a short determiner phrase after an "against" word); a span holding a cue word
  that is no noun names no party; the accuser is left empty when it is no party or is the
  target.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum, auto
from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.clauses import Forms
from digests.allegations.ordered import (
    MAX_ADJECTIVES,
    MAX_SLOT,
    Paragraph,
    Reader,
    clean,
    court_agent,
    court_target,
    is_question,
    slot_party,
)
from digests.allegations.sentence import Span, capitalised, punctuation
from digests.models import Allegation


class Voice(Enum):
    """How a cue word places its parties."""

    ACTIVE = auto()
    PASSIVE = auto()
    NOMINAL = auto()
    SOURCE = auto()


ACTIVE, PASSIVE, NOMINAL, SOURCE = Voice.ACTIVE, Voice.PASSIVE, Voice.NOMINAL, Voice.SOURCE


def read(r: Reader, ctx: Paragraph, index: int) -> Allegation | None:
    """Return the fallback item of a sentence no pattern read, or None."""
    lex = r.lex
    if is_question(r):
        return None
    text = " " + " ".join(r.s.lower) + " "
    if any(fragment in text for fragment in lex.fallback_blockers) or r.blocked_everywhere():
        return None
    if _verdict(r):
        return None
    wrong = r.wrongdoing(Span(0, len(r.s)))
    # a noun naming a wrongdoer is the sentence's only wrong: it counts when it heads the
    # target ("Полиция задержала убийцу кассира"), not as another party's complement
    # ("Родители злоумышленника ... задержаны для допроса")
    doers = lex.word_set(kinds.WRONGDOER_NOUNS_SET)
    doer_only = not wrong and any(r.has(j, doers) for j in range(len(r.s)))
    cues = list(_cues(r))
    if any(r.negated(i, None) for i, _, _ in cues):
        return None  # "X n'a jamais accusé Y de ..., a dit Z": a negated cue denies
    if any(voice is ACTIVE and _negated_middle(r, i) for i, voice, _ in cues):
        return None  # "Nun beschuldigt ihn die Agentur nicht, ...": after the parties
    if any(r.hypothesis_at(j, before_cue=False) for j in range(len(r.s))):
        return None  # "Une plainte ... pourrait être déposée": a hypothesis anywhere
    for i, voice, kind in cues:
        if r.hypothetical(i):
            continue
        own = r.has(i, lex.fallback_self_wrong) or _accuses(r, i, voice, kind)
        if not (wrong or doer_only or own):
            continue
        if not wrong and _unanchored_self_cue(r, i, voice, kind):
            continue  # "como denuncia la oposición, las últimas semanas ...", "publica su
            # oferta o demanda, con ...": a cue that is a wrong only by its word opens no claim
        if voice is ACTIVE and kind == kinds.ACCUSATION and _stance(r, i):
            continue  # "acusó a Aznar de lanzar un mensaje basado en ...": a stance criticised
        if not wrong and _strain(r, i, voice, kind):
            continue  # "acusó el esfuerzo", "a accusé le coup": a strain shown, no one accused
        if voice is ACTIVE and _claim_negated(r, i):
            continue  # "wirft dem Minister keinen Betrug vor": the claim opens with a negation
        if voice is ACTIVE and not wrong and _speech_tag(r, i):
            continue  # "Otros 20 operarios, señaló el jefe de turno, debían llegar ...": a
            # speaker set off by commas after the verb is its subject, no one accused
        if _bare_passive(r, i, voice):
            continue  # "Deux collègues de l'agresseur étaient également visés.": harm
        if not wrong and _naming_apposition(r, i, voice):
            continue  # "José Luis Sierra, imputado en la causa, lo autorizara": a person named
        item = _item(r, ctx, index, i, voice, kind)
        if item is not None and doer_only and not own:
            head = item.target.split()[0].lower() if item.target else ""
            if head not in doers:
                continue
        if item is not None:
            return item
    return None


def _verdict(r: Reader) -> bool:
    """Return True when a verb of finding (``admit``) is followed in its clause by a word of
    guilt (``verdict_guilt``) with no reflexive between: a verdict stated as fact ("Суд
    признал Алексея Навального виновным в ..."), not a plea ("признали себя виновными в ...",
    which names the charges)."""
    lex = r.lex
    admit, guilt = lex.word_set(kinds.ADMIT_SET), lex.word_set(kinds.VERDICT_GUILT_SET)
    for i in range(len(r.s)):
        if not r.has(i, admit):
            continue
        for j in range(i + 1, min(len(r.s), i + 1 + MAX_SLOT)):
            if r.has(j, lex.word_set(kinds.SELF_WORDS_SET)) or punctuation(r.s.words[j]):
                break
            if r.has(j, guilt):
                return True
    return False


def _bare_passive(r: Reader, cue: int, voice: Voice) -> bool:
    """Return True when a passive cue that is no wrong by itself ends its sentence: it says
    for nothing ("Deux collègues de l'agresseur étaient également visés": harm, not a charge;
    but "Le maire a été inculpé.")."""
    return (
        voice is PASSIVE
        and _next(r, cue + 1) in {".", "", "!", ";"}
        and not r.has(cue, r.lex.fallback_self_wrong)
    )


def _naming_apposition(r: Reader, cue: int, voice: Voice) -> bool:
    """Return True when a passive cue opens an apposition after a comma and the apposition,
    closed by a comma, holds nothing but a proceeding it belongs to (a preposition, determiners,
    a ``proceeding_nouns`` word): "José Luis Sierra, imputado en la causa, lo autorizara",
    "Pedro Ruiz, imputado, declaró": the participle names the person, no offence. Not "X,
    imputado por cohecho, ..." nor "X, acusado de ..."; languages without the set are not
    checked."""
    proceedings = r.lex.word_set(kinds.PROCEEDING_NOUNS_SET)
    if not proceedings or voice is not PASSIVE or cue < 2 or r.s.lower[cue - 1] != ",":
        return False
    j = cue + 1
    if r.has(j, r.lex.prepositions) and not r.has(j, r.lex.fallback_claim_openers):
        j += 1
        while r.has(j, r.lex.determiners):
            j += 1
        if not r.has(j, proceedings):
            return False
        j += 1
    return j < len(r.s) and r.s.lower[j] == ","


def _cues(r: Reader) -> Iterator[tuple[int, Voice, str]]:
    """Yield each cue token with its voice and kind, in sentence order."""
    lex = r.lex
    voices: tuple[tuple[Voice, Mapping[str, Forms]], ...] = (
        (ACTIVE, lex.fallback_active),
        (PASSIVE, lex.fallback_passive),
        (NOMINAL, lex.fallback_nominal),
        (SOURCE, lex.fallback_sources),
    )
    nouns_first = (voices[2], *voices[:2], voices[3])
    for i in range(len(r.s)):
        # after a determiner a noun first: "una denuncia", "la plainte"
        for voice, by_kind in nouns_first if r.has(i - 1, lex.determiners) else voices:
            kind = next((k for k, forms in by_kind.items() if r.has(i, forms)), "")
            if not kind:
                continue
            if voice == PASSIVE and r.has(i - 1, lex.determiners):
                break  # "den Angeklagten", "el acusado": a noun for a person, no cue
            if (
                voice == PASSIVE
                and r.head_word(i - 1)
                and r.has(i, lex.word_set(kinds.PERSON_PARTICIPLES_SET))
                and not r.has(i + 1, lex.fallback_claim_openers)
            ):
                break  # "адвокаты обвиняемых заявили", "адвокат обвиняемого и ...": an
                # oblique participle right after a party's noun, opening no claim, is its
                # complement, a noun for a person, no cue (not "... в отношении мужчины ...
                # обвиняемого в совершении ...")
            if voice == ACTIVE and r.has(i - 1, lex.determiners) and capitalised(r.s.words[i]):
                break  # "dem Verdächtigen", "den Beschuldigten": a noun for a person
            if voice == PASSIVE and r.has(i - 1, lex.fallback_active_aux):
                voice = ACTIVE  # "a accusé le maire de ...", "ha denunciado a ..."
            elif voice == ACTIVE and any(
                r.has(j, lex.fallback_passive_aux) for j in range(r.clause_start(i), i)
            ):
                voice = PASSIVE  # "Der Trainer wird beschuldigt, ...", "est accusé"
            yield i, voice, kind
            break


def _accuses(r: Reader, cue: int, voice: Voice, kind: str) -> bool:
    """Return True when an accusing verb names its party and opens its claim right after it:
    "wirft dem Konzern vor, ...", "accuse le député de ...", "обвиняет сеть аптек в ...";
    such a verb needs no word of wrongdoing ("accuse le coup", "acusó el cansancio": no party).
    """
    if voice is not ACTIVE or kind != kinds.ACCUSATION:
        return False
    target = _after(r, cue)
    if target is None or r.pronoun(target.start) or not r.is_party(target):
        return False
    end = target.end
    if _next(r, end) == "«":  # "сеть аптек «Здравица» в ...": the name in quotes
        end = next((j + 1 for j in range(end, len(r.s)) if r.s.lower[j] == "»"), end)
    opener = end if r.has(end, r.lex.fallback_claim_openers) else end + 1
    if opener > end and not (r.has(opener, r.lex.fallback_claim_openers) and r.name_word(end)):
        return False
    # a separable verb's particle closes its clause: "wirft dem Konzern vor, ...", not "wirft
    # den Ball vor das Tor" (a preposition)
    return not r.has(opener, r.lex.fallback_particles) or _next(r, opener + 1) in {"", ",", "."}


def _unanchored_self_cue(r: Reader, cue: int, voice: Voice, kind: str) -> bool:
    """Return True when an active cue that is a wrong only by its own word (a
    ``fallback_self_wrong`` form, no ``wrongdoing`` word in the sentence) governs no claim: no
    ``self_cue_complements`` word ("que") before the next punctuation mark, no personal object
    right after it ("denunció a su jefe"), no party and word opening its claim after it
    ("acusan la dirección del hospital de ...", not a comma: "como denuncia la oposición, ...")
    and no quotation before its clause. Such a cue is a parenthetical ("como denuncia la oposición,
    ...") or a noun read as a verb ("su oferta o demanda, con ..."), no claim. Languages without
    the word set are not checked.
    """
    complements = r.lex.word_set(kinds.SELF_CUE_COMPLEMENTS_SET)
    if not complements or voice is not ACTIVE or not r.has(cue, r.lex.fallback_self_wrong):
        return False
    if _after_quotation(r, r.clause_start(cue)) or r.has(cue + 1, r.lex.personal_markers):
        return False
    party = _after(r, cue)
    if (
        party is not None
        and r.has(party.end, r.lex.fallback_claim_openers)
        and not punctuation(r.s.words[party.end])
    ):
        return False  # "acusan la gestión de la empresa de ...": a party, then its claim
    for j in range(cue + 1, len(r.s)):
        if punctuation(r.s.words[j]):
            return True
        if r.has(j, complements):
            return False
    return True


def _speech_tag(r: Reader, cue: int) -> bool:
    """Return True when an active cue stands between commas with its party: ", señaló
    Frigola," inside a statement. In a language that marks a personal object
    (``personal_markers``: "señaló a Frigola"), a party right after the verb with no marker,
    closed by a comma or the sentence's end, is the verb's subject put after it, a speech tag
    inserted in a plain statement, not whom it accuses. Languages without the set are not
    checked."""
    markers = r.lex.personal_markers
    if not markers or cue < 2 or r.s.lower[cue - 1] != ",":
        return False
    party = _after(r, cue)
    return party is not None and party.start == cue + 1 and _next(r, party.end) in {",", ".", ""}


def _stance(r: Reader, cue: int) -> bool:
    """Return True when an accusing verb's claim, after its party and claim opener, is a stance
    (``Reader.stance_claim``): "acusó a Aznar de lanzar un mensaje basado en la confrontación"."""
    target = _after(r, cue)
    if target is None:
        return False
    start = target.end + 1 if r.has(target.end, r.lex.fallback_claim_openers) else target.end
    return start < len(r.s) and r.stance_claim(Span(start, max(start, r.claim_end(start))))


def _strain(r: Reader, cue: int, voice: Voice, kind: str) -> bool:
    """Return True when an accusing verb's object is a determiner phrase that names no party
    and no claim opens after the verb: its other sense, a strain or a loss shown ("la corredora
    acusó el esfuerzo y perdió el maillot", "le grimpeur a accusé le coup"), not "acusa a T de".
    """
    if voice is not ACTIVE or kind != kinds.ACCUSATION or _accuses(r, cue, voice, kind):
        return False
    return r.has(cue + 1, r.lex.determiners) and _after(r, cue) is None


def _negated_middle(r: Reader, cue: int) -> bool:
    """Return True when a negation follows an active cue before its claim opens: in the
    parties after it, up to a clause break, a clause opener or a claim opener ("Nun beschuldigt
    ihn die Agentur nicht, ..."; not "accuse la direction de ne pas avoir payé ...")."""
    lex = r.lex
    for j in range(cue + 1, len(r.s)):
        if (
            punctuation(r.s.words[j])
            or r.has(j, lex.clause_openers)
            or r.has(j, lex.fallback_claim_openers)
        ):
            return False
        if r.negation(j):
            return True
    return False


def _claim_negated(r: Reader, cue: int) -> bool:
    """Return True when the word right after an active cue's party is a negation."""
    target = _after(r, cue)
    return target is not None and r.has(target.end, r.lex.negators)


class Parties(NamedTuple):
    """The spans a cue's reading found: accuser, target, and where the claim starts."""

    accuser: Span | None
    target: Span | None
    claim_start: int
    # the target is an object pronoun standing for a name of the sentences before
    referent: bool = False


def _item(
    r: Reader, ctx: Paragraph, index: int, cue: int, voice: Voice, kind: str
) -> Allegation | None:
    """Return the item a cue makes when its parties are found, else None."""
    read_parties = {ACTIVE: _active, PASSIVE: _passive, NOMINAL: _nominal, SOURCE: _source}
    found = read_parties[voice](r, cue, kind)
    if found is None or found.target is None or _holds_cue(r, found.target):
        return None
    start = found.claim_start
    claim = Span(start, max(start, r.claim_end(start)))
    subject = found.target if found.target.start >= start else None
    if kind == kinds.CHARGE and voice is PASSIVE and court_agent(r, claim):
        return None  # "están procesados por tribunales militares": who tries, no offence named
    if any(r.has(j, r.lex.victims) for j in range(found.target.start, found.target.end)):
        return None  # "les deux victimes auraient ...": the harmed party is no target
    if (
        kind == kinds.CLAIM
        and voice is ACTIVE
        and found.target.start == cue + 1
        and not r.has(cue + 1, r.lex.word_set(kinds.FORMS_INSTRUMENTAL_SET))
    ):
        return None  # "Как заявила председатель комитета ..., X «внесли вклад ...»", "заявил
        # агентству Reuters, что ...": the party right after a claim verb is its speaker (the
        # order inverted) or whom it told, not whom the claim is against (a predicate noun in
        # the instrumental, ``forms_instrumental``, is none: "считают виновниками ... X")
    if (
        (kind == kinds.CLAIM or voice is SOURCE)
        and found.target.start >= start
        and r.harmed(claim, found.target)
    ):
        return None  # "Полиция утверждает, что Стерджесс ... были отравлены ...": a claim
        # verb's or a source's subject harmed ("По данным следствия, X был ранен ..."), no one
        # accused
    if kind == kinds.ACCUSATION and voice is ACTIVE and r.initial_thing(found.target, claim):
        return None  # "Засуху обвиняют в росте цен": a thing blamed, no one accused
    if (
        voice is ACTIVE
        and found.target.start == 0
        and found.target.end <= cue
        and r.has(cue, r.lex.word_set(kinds.OBJECT_FIRST_VERBS_SET))
        and (
            r.has(0, r.lex.word_set(kinds.SUBJECT_CASE_FORMS_SET))
            or (
                r.has(0, r.lex.role_nouns)
                and r.has(0, r.lex.word_set(kinds.SUBJECT_ROLE_ENDINGS_SET))
            )
        )
    ):
        return None  # "Обе стороны обвиняют в эскалации друг друга": the subject, in its own
        # case before the verb, is no object read as the accused
    if r.suffered_first(claim):
        return None  # "Die Frau soll von ihrem Ex-Partner angegriffen worden sein": a harm done
        # to the party before the cue, no wrong of it
    if r.has(cue, r.lex.fallback_agent_cues):
        legal = found.accuser is not None and _legal(r, found.accuser)
        if not r.did_wrong(claim, subject, legal):
            return None  # "la victime aurait été tuée", "40 voitures ont été incendiées"
    if r.claim_negated(claim, subject):
        return None  # "Según X, la aplicación nunca vendía los datos": the wrong denied
    speaks_after = (kind == kinds.CLAIM and voice is ACTIVE) or voice is SOURCE
    if speaks_after and not r.wrongdoing(Span(start, len(r.s))):
        return None  # "X сидел за воровство, где, считают власти, он стал ...": a claim verb
        # or a source speaks for what follows it; a wrong named only before is the writer's
    if kind == kinds.CLAIM and r.reported_view(Span(start, len(r.s)), subject):
        return None  # "aseguró que los defraudadores del fisco consideran que ...": a view
    accuser_span = found.accuser
    if accuser_span is not None and _holds_cue(r, accuser_span):
        accuser_span = None
    if (
        accuser_span is not None
        and found.target.start == accuser_span.end
        and r.s.words[found.target.start] in {"«", '"', "„", "“"}
        and not _named_after_quote(r, found.target.start)
    ):
        return None  # "Медиахолдинг «Башинформ» заявил ...": a name in quotation marks after
        # its role noun is the speaker itself, no second party (not "Лидер «Лиги» Сальвини")
    named = ""  # an object pronoun is not its own clause's named subject: "Die Stadträte
    if accuser_span is not None and not r.pronoun(accuser_span.start):  # werfen ihm vor"
        named = slot_party(r, ctx, accuser_span, index, accuser=True, exclude="")
    if found.referent:
        target = clean(r.lex, ctx.referent(index, exclude=named))
    else:
        target = slot_party(
            r,
            ctx,
            _named(r, found.target),
            index,
            accuser=False,
            exclude=named,
            fixed=True,
            wrong=True,
        )
    if not target or court_target(r, target):
        return None  # "доставлены в федеральный суд Бостона, где им будут предъявлены ...": a
        # court is no target
    accuser = slot_party(r, ctx, accuser_span, index, accuser=True, exclude=target)
    if accuser == target:
        accuser = ""
    start = found.claim_start
    end = r.claim_end(start)
    if start < cue:  # a quotation before its speaker's verb: the claim is what it quotes
        end = next((j for j in range(cue - 1, start, -1) if r.s.lower[j] in {'"', "»"}), end)
    claim = Span(start, end) if end > start else Span(cue, r.claim_end(cue))
    return Allegation(
        sentence=r.s.text,
        accuser=accuser,
        target=target,
        claim=r.s.original(claim),
        kind=kind,
        reading=kinds.FALLBACK_READING,
    )


def _active(r: Reader, cue: int, kind: str) -> Parties | None:
    """Read an active cue: "A accuse B de ...", "Am Montag warf A B vor", "B подозревают в"."""
    opening = r.clause_start(cue)
    clitic = _object_clitic(r, opening, cue)
    if (opening == cue or clitic is not None) and _after_quotation(r, opening):
        return _speaker_after_quotation(r, cue, clitic)
    if _speech_tag(r, cue):
        # "Los operarios, denunció García, cobraron ...": the speaker set off after the verb,
        # the statement's subject before the first comma is whom the wrong is told of
        speaker = _after(r, cue)
        subject = r.lead_party(0, cue - 1)
        if speaker is None or subject is None or subject.start != 0 or subject.end != cue - 1:
            return None
        return Parties(speaker, subject, speaker.end + 1)
    before = r.lead_party(r.clause_start(cue), cue)
    if before is None and r.has(cue - 1, r.lex.word_set(kinds.COORDINATORS_SET)):
        first = r.lead_party(0, cue)  # "Игорь Додон уже назвал решение ... и обвинил другие
        # ветви власти в ...": a verb joined to the one before shares its subject
        before = first if first is not None and first.start == 0 else None
    accuser, target = before, _after(r, cue)
    if target is not None and _set_off_pronoun(r, target):
        target = _after(r, target.end)  # "le parti accusait, lui, les banques de ...": the
        # pronoun between commas stands for the subject, the object follows it
    if before is None and target is not None and _next(r, target.end) == ",":
        if kind == kinds.CLAIM:  # "Как утверждает прокуратура, Telegram ...": speaker, claim
            start = target.end + 1
            return Parties(target, r.claim_subject(Span(start, r.claim_end(start))), start)
    elif before is None and target is not None:
        second = _after(r, target.end - 1)
        if second is not None and second.start == target.end and _opens_party(r, second.start):
            # verb-second after an adverbial: "Am Montag warf die Staatsanwaltschaft dem
            # Unternehmen vor" (the first party after the verb is its subject)
            accuser, target = target, second
    if kind == kinds.CLAIM and target is not None:
        # a claim verb's target is its clause's subject: "affirment que l'usine rejette",
        # not "заявили, что задержанных активистов избивали" (an object)
        start = _skipped(r, cue)
        if target.start == cue + 1:
            # a party right after the verb is none of the claim's: its addressee before the
            # clause ("заявил агентству Reuters, что ..."), or its speaker after a claim told
            # first ("..., сообщает РБК.")
            if _next(r, target.end) == "," and r.has(target.end + 1, r.lex.clause_openers):
                start = target.end + 2
            elif all(punctuation(w) for w in r.s.words[target.end :]):
                return None
        target = r.claim_subject(Span(start, r.claim_end(start)))
    if target is None and before is not None:
        target = r.lead_party(before.end, cue)  # "hat den Manager ... beschuldigt"
        if target is not None and _continues(r, before, target):
            # "la organización ecologista Greenpeace denunció que ...": one subject, not two
            # parties; the target is the subject of the complement clause naming the wrong
            accuser, target = Span(before.start, target.end), _wrong_clause_subject(r, cue)
    target = target or _against(r, cue)
    opens_claim = r.has(_skipped(r, cue), r.lex.np_stops)
    impersonal = r.has(cue, r.lex.fallback_impersonal)
    if (
        target is None
        and before is not None
        and impersonal
        and opens_claim
        and not _legal(r, before)
    ):
        # no party after the verb, a preposition opens the claim: the object stands before
        # the verb, the subject is left unsaid ("Врача подозревают в подделке") or stands
        # right before it ("Оператора полигона экологи обвиняют в ...")
        accuser, target = r.subject_before_cue(before, cue), before
    return Parties(accuser, target, cue + 1)


def _continues(r: Reader, first: Span, second: Span) -> bool:
    """Return True when a second party before an active cue continues the first: it starts
    right where the first ends with a lower-case word that is no determiner ("la organización
    | ecologista Greenpeace"), in a language whose cues take a complement clause
    (``self_cue_complements``); not a verb-final object ("hat den Manager ... beschuldigt")."""
    return (
        bool(r.lex.word_set(kinds.SELF_CUE_COMPLEMENTS_SET))
        and second.start == first.end
        and not capitalised(r.s.words[second.start])
        and not r.has(second.start, r.lex.determiners)
        and not punctuation(r.s.words[second.start])
    )


def _wrong_clause_subject(r: Reader, cue: int) -> Span | None:
    """Return the subject of the first complement clause after a cue that names a wrong:
    "denunció que el cupo de pesca ya había sido alcanzado y que las empresas pesqueras
    estaban depredando la merluza" -> "las empresas pesqueras"; None when no clause opens
    right after the cue with a ``self_cue_complements`` word or none names a party's wrong."""
    complements = r.lex.word_set(kinds.SELF_CUE_COMPLEMENTS_SET)
    if not r.has(cue + 1, complements):
        return None
    end = r.claim_end(cue + 1)
    starts = [j for j in range(cue + 1, end) if r.has(j, complements)]
    starts = [
        j
        for j in starts
        if j == cue + 1 or r.has(j - 1, r.lex.word_set(kinds.APPOSITION_COORDINATORS_SET))
    ]
    for k, start in enumerate(starts):
        stop = starts[k + 1] - 1 if k + 1 < len(starts) else end
        clause = Span(start + 1, stop)
        if clause.end <= clause.start or not r.wrongdoing(clause):
            continue
        subject = r.claim_subject(clause)
        if subject is not None and r.is_party(subject):
            return subject
    return None


def _object_clitic(r: Reader, opening: int, cue: int) -> Span | None:
    """Return the object pronoun that opens a cue's clause before the verb (past active
    auxiliaries): "l'a accusé", "les accuse" (a named set ``object_clitics``), else None."""
    clitics = r.lex.word_set(kinds.OBJECT_CLITICS_SET)
    if not clitics or opening >= cue or not r.has(opening, clitics):
        return None
    if all(r.has(j, r.lex.fallback_active_aux) for j in range(opening + 1, cue)):
        return Span(opening, opening + 1)
    return None


def _speaker_after_quotation(r: Reader, cue: int, clitic: Span | None) -> Parties | None:
    """Read an active cue right after a quotation and its comma: the party after the verb is
    the quotation's speaker, never its target ("« C'est grave », accuse l'élu"). The target is
    the object pronoun before the verb ("« ... », l'a accusé X": its name is before), else the
    subject the quotation opens with when it names a wrong ("« La compagnie a menti », dénonce
    X"); with neither, no item."""
    speaker = _after(r, cue)
    if clitic is not None:
        return Parties(speaker, clitic, cue + 1, referent=True)
    if not _quoted_wrong(r, cue):
        return None
    start = 1 if r.s.lower[0] in {'"', "«", "“", "„"} else 0
    about = _about(r, cue)
    if about is not None:  # "« Il a menti », accuse X, à propos du PDG, Y."
        return Parties(speaker, about, start)
    subject = r.claim_subject(Span(start, cue))
    if (
        subject is not None
        and r.is_party(subject)
        and subject.start < cue
        and r.deed_clause(Span(start, cue), subject) is not None
    ):  # its subject did the wrong: not "« Les fichiers ont été revendus »" (a passive)
        return Parties(speaker, subject, start)
    if speaker is not None:  # "« Les fichiers ont été revendus », accuse un salarié de la
        # start-up DataFlux": a wrong told with no party, the speaker's named house
        house = _house(r, speaker.end)
        if house is not None:
            return Parties(speaker, house, start)
    return None


def _about(r: Reader, cue: int) -> Span | None:
    """Return the party (or determiner phrase) after an "about" phrase past a cue ("à propos
    du PDG", "à propos de son associé"; the named set ``about``), else None."""
    about = r.lex.word_set(kinds.ABOUT_SET)
    for j in range(cue + 1, len(r.s) - 1):
        if r.s.lower[j] in {".", ";", ":", "?", "!"}:
            return None
        if r.has(j, about) and r.has(j + 1, r.lex.name_connectors):
            return _after(r, j + 1, phrase=True)  # whoever is spoken about: "son associé"
    return None


def _house(r: Reader, end: int) -> Span | None:
    """Return the named party a speaker's role belongs to, right after it ("un salarié de la
    start-up DataFlux" -> "start-up DataFlux"): a complement holding a name, else None."""
    if not r.has(end, r.lex.name_connectors):
        return None
    start = _skipped(r, end)
    stop = start
    while stop < len(r.s) and stop - start < MAX_SLOT and not punctuation(r.s.words[stop]):
        stop += 1
    names = [j for j in range(start, stop) if r.name_word(j)]
    return Span(start, names[-1] + 1) if names else None  # "une ferme de fraises de Huelva"


def _passive(r: Reader, cue: int, kind: str) -> Parties | None:
    """Read a passive cue: "B est soupçonné de ...", "B soll ...", "Angeklagt ist B"."""
    before = _nearest_before(r, cue)
    opening = r.clause_start(cue)
    if before is not None and r.has(opening, r.lex.word_set(kinds.COMPLEMENT_OPENERS_SET)):
        before = _subject_before_aside(r, opening) or before
    if cue == 0:
        # a participle opening the sentence: "Arrêté en janvier après ..., ce technicien avait
        # avoué": its party is the subject of the clause after the phrase's comma
        # (a word of wrongdoing is needed, not only the cue: "Acusado por la prensa de ser
        # demasiado prudente, el alcalde dimitió")
        comma = next((j for j in range(cue + 1, len(r.s)) if r.s.lower[j] == ","), None)
        if comma is None or not r.wrongdoing(Span(0, len(r.s))):
            return None
        start = comma + 1
        subject = r.claim_subject(Span(start, max(start, r.claim_end(start))))
        return Parties(_agent(r, cue, None), subject, cue + 1)
    if _after_quotation(r, opening):
        # "„Da ist was dran“, sagte der Chef ... zu den Berichten über angebliche Bestechung":
        # the clause after a quotation names its speaker and what it answers, no suspect
        return None
    if (
        before is None
        and opening > 1
        and r.s.lower[opening - 1] == ","
        and not _inserted_adverbial(r, opening - 1)
    ):
        # "Le gérant, soupçonné de ..., a fermé"; "X, qui tenait ..., a été mis en examen"; not
        # an aside between commas that opens with a preposition, a source or a circumstance
        # ("..., по сообщениям городского управления полиции, арестованы ещё три человека")
        before = (
            r.relative_subject(cue)
            or _relative_head(r, opening - 1)
            or _nearest_before(r, opening - 1)
        )
        if before is not None and (described := r.described(before)) is not None:
            # a description set off by commas speaks of the party before it: "Шерифа Шекатта,
            # 29-летнего уроженца Страсбурга, подозреваемого в ..." -> the name; with no name
            # there ("Один из террористов, идентифицированных властями, был задержан"), no
            # one is named
            if not any(r.name_word(j) for j in range(described.start, described.end)):
                return None
            before = described
    if (named := _apposed_participle(r, opening, cue)) is not None:
        before = named
    accuser, target = None, before
    if before is not None and _legal(r, before):
        accuser, target = before, None  # "Laut Anklage soll X ..."
    target = target or _after(r, cue) or _against(r, cue)
    return Parties(accuser or _agent(r, cue, before), target, cue + 1)


def _apposed_participle(r: Reader, opening: int, cue: int) -> Span | None:
    """Return the name an apposition hangs on when the cue is a participle coordinated with the
    apposition's noun (a word of ``apposition_coordinators`` right before it): "Balaguer, siete
    veces presidente del país y acusado ... de hacer trampas, ..." -> "Balaguer", not "veces
    presidente"; None otherwise."""
    coordinators = r.lex.word_set(kinds.APPOSITION_COORDINATORS_SET)
    if not coordinators or not r.has(cue - 1, coordinators) or cue - 1 <= opening:
        return None
    if opening < 2 or r.s.lower[opening - 1] != ",":
        return None
    if any(r.has(j, r.lex.fallback_passive_aux) for j in range(opening, cue)):
        return None  # "X, que fue detenido y acusado": a clause of its own
    named = _nearest_before(r, opening - 1)
    if named is None or not r.name_word(named.start):
        return None
    return named


def _named_after_quote(r: Reader, opening: int) -> bool:
    """Return True when a capitalised word follows the quotation that opens at ``opening``: the
    quoted name is a complement of a person's name ("Лидер «Лиги» Сальвини")."""
    close = next(
        (j for j in range(opening + 1, len(r.s)) if r.s.words[j] in {"»", '"', "“", "”"}), None
    )
    return close is not None and close + 1 < len(r.s) and capitalised(r.s.words[close + 1])


def _inserted_adverbial(r: Reader, comma: int) -> bool:
    """Return True when the segment that ends at a comma is set off by a comma before it too
    and opens with a preposition: an aside ("..., по сообщениям полиции, ..."), no subject."""
    start = r.clause_start(comma)
    return start > 0 and r.s.lower[start - 1] == "," and r.has(start, r.lex.prepositions)


def _subject_before_aside(r: Reader, opening: int) -> Span | None:
    """Return the subject before an aside when a clause opens with a complement word (the
    word set ``complement_openers``) after it: "Deux élèves, âgés de 16 et 17 ans, du lycée X
    ont été mis en examen" -> "élèves", not "lycée X"; None with no such aside."""
    if opening < 2 or r.s.lower[opening - 1] != ",":
        return None
    aside = r.clause_start(opening - 1)
    if aside < 2 or r.s.lower[aside - 1] != ",":
        return None
    return _nearest_before(r, aside - 1)


def _relative_head(r: Reader, comma: int) -> Span | None:
    """Return the party a relative clause before a comma hangs on ("un homme dont la femme
    ... avait donné l'alerte, a été interpellé" -> "homme", not "femme"): the word set
    ``relatives`` opens the clause; None when it does not."""
    start = r.clause_start(comma)
    if start < 2 or not r.has(start - 1, r.lex.word_set(kinds.RELATIVES_SET)):
        return None
    return _nearest_before(r, start - 1)


def _nominal(r: Reader, cue: int, kind: str) -> Parties | None:
    """Read a nominal cue: "A a déposé plainte contre B", "die Vorwürfe von A gegen B"."""
    target = _against(r, cue)
    if target is None and kind == kinds.LAWSUIT:
        return None  # "Проверка, проведённая по жалобе соседей, ...": on whose complaint
    if target is None and r.has(cue - 1, r.lex.fallback_states):
        # a state the subject is in, with no accuser: "X steht im Verdacht, ...", "Бизнесмен
        # был задержан ... по подозрению в ...", "Im Verdacht steht ein Pfleger"
        subject = _nearest_before(r, cue - 1) or _after(r, cue)
        return Parties(None, subject, cue + 1)
    if target is None:
        return None
    if r.negated_after(target.end):
        return None  # "Les accusations contre X ne sont pas fondées"
    before = r.lead_party(r.clause_start(cue), cue)
    if before is not None and (target.end <= before.start or before == target):
        before = None
    accuser = before
    if accuser is None and target.start > cue:
        # "portées par A contre B", "die Vorwürfe der Gewerkschaft gegen B"
        accuser = _agent(r, cue, None, stop=target.start)
        genitive = _after(r, cue)
        if accuser is None and genitive is not None and genitive.end + 1 == target.start:
            accuser = genitive
    return Parties(accuser, target, cue + 1)


def _source(r: Reader, cue: int, kind: str) -> Parties | None:
    """Read a source: "Selon les enquêteurs, B a ...", "B habría ..., según la fiscalía"."""
    accuser = _after(r, cue)
    if accuser is None and r.has(cue + 1, r.lex.legal_sources):
        accuser = Span(cue + 1, cue + 2)  # "По версии следствия, ..."
    if accuser is None:
        return None
    if cue > 1 and r.s.lower[cue - 1] == ",":  # "X a fraudé, selon le parquet"
        return Parties(accuser, r.claim_subject(Span(0, cue - 1)), 0)
    comma = _next_comma(r, cue)
    start = comma + 1 if comma is not None else accuser.end  # "Laut den Ermittlern hat X"
    if r.done_to(Span(start, r.claim_end(start))):
        return None  # "По предварительным данным, его отравили ...": no one named did it
    return Parties(accuser, r.claim_subject(Span(start, r.claim_end(start))), start)


def _after_quotation(r: Reader, opening: int) -> bool:
    """Return True when a clause opens right after a quotation and its comma (or dash); not
    after a quoted title or name, whose opening mark follows a determiner or a preposition
    ("una charla sobre la "Promoción del Empleo", atribuyó ...": no speech before the verb)."""
    j = opening - 1
    while j >= 0 and r.s.lower[j] in {",", "—", "–"}:
        j -= 1
    if not (j < opening - 1 and j >= 0 and r.s.lower[j] in {'"', "»"}):
        return False
    marks = {'"': {'"'}, "»": {"«"}}[r.s.lower[j]]
    start = next((k for k in range(j - 1, -1, -1) if r.s.lower[k] in marks), None)
    return not (
        start is not None
        and start > 0
        and (r.has(start - 1, r.lex.determiners) or r.has(start - 1, r.lex.prepositions))
    )


def _next(r: Reader, i: int) -> str:
    """Return token i lower-cased, or "" past the end."""
    return r.s.lower[i] if 0 <= i < len(r.s) else ""


def _holds_cue(r: Reader, span: Span) -> bool:
    """Return True when a span holds a cue word that is no noun: "Detenido en Tenerife un
    hombre" names no "Detenido" (but "el detenido" is a party)."""
    lex = r.lex
    voices = (lex.fallback_active, lex.fallback_passive, lex.fallback_nominal)
    return any(
        r.has(j, forms) and not r.has(j - 1, lex.determiners)
        for j in range(span.start, span.end)
        for by_kind in voices
        for forms in by_kind.values()
    )


def _named(r: Reader, span: Span) -> Span:
    """Return the name set off by commas after a role, else the span: "le directeur, X,"."""
    if _next(r, span.end) == ",":
        found = r.appositive(span.end)
        if found is not None:
            return found
    return span


def _nearest_before(r: Reader, cue: int) -> Span | None:
    """Return the party that ends right before a cue (past auxiliaries and skipped words),
    else the party that ends the clause: "a detenido a un funcionario acusado de ..."."""
    lex = r.lex
    start = r.clause_start(cue)
    end = cue
    while end > start and (
        r.has(end - 1, lex.fallback_passive_aux) or r.has(end - 1, lex.fallback_skip)
    ):
        end -= 1
    for j in range(max(start, end - MAX_SLOT), end):
        governed = r.has(j - 1, lex.np_stops) and not r.has(j - 1, lex.fallback_skip)
        governed = governed or _next(r, j - 1) == "("  # "à Saint-Priest (Rhône)": a gloss
        if r.party_end(j, end) == end and r.is_party(Span(j, end)) and not governed:
            return Span(j, end)  # not a preposition's object: "wegen Untreue in Millionenhöhe"
    return r.lead_party(start, cue)


def _skipped(r: Reader, cue: int) -> int:
    """Return the first token after a cue that ``fallback_skip`` does not list."""
    lex = r.lex
    p = cue + 1
    while (
        p < len(r.s)
        and p <= cue + MAX_SLOT
        and (r.has(p, lex.fallback_skip) or r.has(p, lex.fallback_passive_aux))
    ):
        p += 1  # "Angeklagt sind drei Polizisten"
    return p


def _after(r: Reader, cue: int, phrase: bool = False) -> Span | None:
    """Return the party right after a cue, past the words ``fallback_skip`` lists.

    With ``phrase``, a short phrase opening with a determiner is one too, whatever its noun
    ("contre la distillerie voisine", "gegen die Brennerei"): the word before fixes its role.
    """
    p = _skipped(r, cue)
    if p >= len(r.s) or punctuation(r.s.words[p]):
        return None
    if r.pronoun(p):
        return Span(p, p + 1)
    end = r.party_end(p)
    if end > p:
        return Span(p, end)
    if not (phrase and r.has(p, r.lex.determiners)):
        return None
    end = p + 1
    while (
        end < len(r.s)
        and end - p <= MAX_ADJECTIVES + 1
        and not punctuation(r.s.words[end])
        and not r.has(end, r.lex.np_stops)
    ):
        end += 1
    return Span(p, end) if end > p + 1 else None


def _against(r: Reader, cue: int) -> Span | None:
    """Return the party after an "against" word in the cue's clause ("contre la mairie",
    "gegen den Betreiber"), after the cue first, then before it ("Против главы района
    возбуждено дело"); None for persons unknown ("contre X", "gegen Unbekannt")."""
    after = range(cue + 1, min(len(r.s), cue + 1 + MAX_SLOT))
    for j in (*after, *range(r.clause_start(cue), cue)):
        if j > cue and r.s.lower[j] in {".", ";", ":", "?", "!"}:
            continue
        if r.has(j, r.lex.fallback_against):
            found = _after(r, j, phrase=True)
            if (
                found is not None
                and found.end == found.start + 1
                and r.has(found.start, r.lex.fallback_persons_unknown)
            ):
                return None  # the law's persons unknown: a complaint against no one named
            if found is not None and found.start != cue:
                return found
    if r.has(0, r.lex.fallback_against) and r.clause_start(cue) > 0:
        # a sentence that opens with its party: "Contre lui, ... cinq ans ont été requis"
        found = _after(r, 0, phrase=True)
        if found is not None and _next(r, found.end) == ",":
            return found
    return None


def _quoted_wrong(r: Reader, cue: int) -> bool:
    """Return True when a quotation before its speaker's verb may accuse: it or the verb names
    a wrong, or the quotation opens with a party ("« La compagnie savait ... », dénonce X")."""
    if r.wrongdoing(Span(0, cue)) or r.has(cue, r.lex.fallback_self_wrong):
        return True
    start = 1 if r.s.lower[0] in {'"', "«", "“", "„"} else 0
    subject = r.claim_subject(Span(start, cue))
    return subject is not None and r.is_party(subject)


def _opens_party(r: Reader, i: int) -> bool:
    """Return True when a token can open a second party: a determiner, a name or a pronoun
    ("warf die Staatsanwaltschaft dem Unternehmen vor"), not an adjective ("la maire réélue")."""
    return bool(r.has(i, r.lex.determiners) or capitalised(r.s.words[i]) or r.pronoun(i))


def _set_off_pronoun(r: Reader, span: Span) -> bool:
    """Return True when a span is a lone pronoun between commas: ", lui, "."""
    return (
        span.end == span.start + 1
        and bool(r.pronoun(span.start))
        and _next(r, span.start - 1) == ","
        and _next(r, span.end) == ","
    )


def _agent(r: Reader, cue: int, before: Span | None, stop: int | None = None) -> Span | None:
    """Return the party after an agent word next to a passive cue ("accusé par X", "acusado
    por X"), between its subject and the cue ("wurde von X beschuldigt"), or, with ``stop``,
    anywhere between the cue and ``stop`` ("la denuncia presentada por X contra")."""
    if stop is not None:
        places: tuple[int, ...] = tuple(range(cue + 1, stop))
    else:
        start = before.end if before is not None else r.clause_start(cue)
        places = (*range(start, cue), *_after_adverbial(r, cue))
    for j in places:
        if r.has(j, r.lex.fallback_agents):
            found = _after(r, j)
            if found is not None:
                found = r.agent_party(found, accuser=True)
            if found is not None and r.is_party(found) and found.start != cue:
                return found
    return None


def _after_adverbial(r: Reader, cue: int) -> tuple[int, ...]:
    """Return the places after a passive cue where its agent word may stand: right after it,
    or past a short adverbial that opens no claim and holds no comma ("acusado reiteradamente
    por X de ...", "acusado en las últimas semanas por X de ...")."""
    places = []
    for j in range(cue + 1, min(len(r.s), cue + 1 + MAX_SLOT)):
        if punctuation(r.s.words[j]) or r.has(j, r.lex.fallback_claim_openers):
            break
        places.append(j)
        if r.has(j, r.lex.fallback_agents):
            break
    return tuple(places) or (cue + 1,)


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
