"""Allegations in a language read by clause patterns (``clauses.py``): matching, parties, answers.

The rules, in the order they are applied to each sentence:

* A question states no allegation.
* Each pattern is tried at every token its first word form matches; a match fills its slots.
  A slot before that word is the party (or claim) that ends the clause there: "В понедельник
  прокуратура обвинила ..." -> "прокуратура" (leading words that name no party are skipped). A
  slot between two words takes the tokens between them, without crossing a comma or a full stop
  (a name connector before a capitalised word, "le fondateur de Telegram de ...", is no end;
  a party slot that reaches a comma after a role takes the name set off by commas after it,
  "accuse l'ancien maire de Saint-Aubin, Patrick Renard, de ...", as a clause's subject does,
  "El exdirector del banco, Ricardo Almeida, está acusado ..."; a party slot holding a
  negation after its first word fails, "hat die Staatsanwaltschaft keine Anklage"). Two
  slots side by side split at the end of the first party ("warf die Staatsanwaltschaft Durov
  vor"). A last ``CLAIM`` runs to the end of the clause (``claim_stops``), a last party slot to
  the end of its party.
* A match is dropped when a negation precedes its cue in the clause or follows it before the
  claim ("n'accuse pas", "wirft ihm nicht vor") or stands inside a claim that a word form
  closes ("wird wegen ... nicht ermittelt"), when a hypothesis precedes it anywhere in the
  sentence ("если", "si", "wenn") or the cue is a conditional form (``hypothetical_pattern``),
  and, for a weak pattern, when the claim names no wrongdoing and its source is no legal one
  (``legal_sources``: "según la acusación", not "según la Policía"); a weak match is dropped
  when the sentence holds a ``weak_blockers`` fragment (a verdict stated as fact, a denial),
  and an ``agent`` pattern's when its claim does not say its subject did the wrong
  (``Reader.did_wrong``: "la victime aurait été tuée", "40 voitures ont été incendiées,
  selon la préfecture"); a strong ``agent`` match needs a deed but no wrong word (``_deed``:
  "El sindicato denunció que el hospital obliga a ...", not "... que la empresa abrirá ...").
* The accuser and the target must be parties: a role noun ("прокуратура", "parquet") or a name
  (a capitalised word that is no function word and, in German, no common noun); pronouns resolve
  to a name of the paragraph. A match whose pattern names a target needs one; else an accuser.
  In a slot the syntax fixes (between two word forms), a short phrase opening with a determiner
  is a party too when the claim names a wrong or the phrase is a legal source ("acusa a la
  cadena de incumplir ...", "d'après l'enquête, ..."; not "acusó el cansancio del partido"). A
  sentence's capitalised first word before a lower-case party noun is its adjective
  ("Известного ресторатора"), and a claim that opens with a finite verb before a determiner
  has its subject after the verb (German verb-second: "zweigte der Schulleiter Geld ab").
* A weak match also holds when the sentence tells of an arrest or a charge outside its claim
  and cue (``charge_context``: "Ein 27-Jähriger wurde festgenommen; er soll ... gesprengt
  haben"), its claim no passive.
* A weak match with no accuser of its own counts a legal source after its claim ("X habría
  ..., según la fiscalía"); failing that, the source another reading of the sentence names,
  even one that found no wrong in its own claim ("..., wie die Agentur mitteilte"), unless
  that reading is negated.
* The first match, by cue position then pattern order, that makes an item wins the sentence.
* Responses are matched the same way; one in an item's sentence answers that item, others link
  as in English (``responses.link``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.clauses import (
    ACCUSER,
    CLAIM,
    GAP,
    NO_FORMS,
    RESPONDER,
    TARGET,
    ClauseLexicon,
    ClausePattern,
    Element,
    Forms,
)
from digests.allegations.quotes import answer_parts, hedged, quoted_answer
from digests.allegations.responses import Placed, PlacedResponse, link
from digests.allegations.sentence import Sentence, Span, capitalised, punctuation
from digests.models import Allegation, Response

MAX_SLOT = 12  # a party slot between two words spans at most this many tokens
# a fronted adverbial of time spans at most this many tokens ("в течение трёх лет")
MAX_ADVERBIAL = 5
MAX_PARTY_WORDS = 6  # a party read forward ends after this many words
MAX_ADJECTIVES = 2  # lower-case words before a party's head noun ("французская прокуратура")
MIN_NAME_STEM = 4  # a name's last word is counted by its first letters, at least this many
MAX_NAME_ENDING = 2  # ... less a case ending this long at most ("Мурси", "Мурсі"; "Насера")
MAX_VIEW_VERB = 4  # a reported view's verb stands this many tokens at most after its subject
MAX_STANCE = 5  # a stance word opens a claim within this many tokens ("lanzar un \"mensaje")
MAX_FRONTED = 30  # a fronted adverbial before a claim's named subject spans fewer tokens
MAX_RISK_WORDS = 3  # words after a risk verb naming the risk ("представлять серьёзную угрозу")
MAX_QUOTED_NAME = 3  # words of a name in guillemets standing alone as a party ("«Нива-Трейд»")
NEGATION_AFTER = 3  # tokens after a cue where a negation still negates it ("n'accuse pas")
REFERENCE_WINDOW = 6  # tokens after a response cue searched for "обвинения", "accusations"
_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")"})  # no party slot crosses one
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", '"', "«", "»", "—", "–"})
_DASHES = frozenset({"—", "–", "-"})  # a dash between two numbers joins a range
_CLAIM_BREAKS = frozenset({";", "."})
# tokens after which a capitalised word opens a segment as a sentence's first word does
_SEGMENT_OPENERS = frozenset({")", ":", "…", "..."})
_OPEN_QUOTES = frozenset({"«", '"', "„"})
_CLOSE_QUOTES = frozenset({"»", '"', "“"})
_NAME_QUOTES = {"«": "»", "„": '"'}  # a name in quotes: «Газпром», des „Spiegel“
_EDGES = " ,.;:\"'«»„“”()—–-"  # stripped from both ends of a name
_QUESTION_END = " \"'”’»"
_PARTY_SLOTS = frozenset({ACCUSER, TARGET, RESPONDER})


class Match(NamedTuple):
    """A pattern matched at a cue token, with the token span of each slot it filled."""

    pattern: ClausePattern
    cue: int
    spans: dict[str, Span]


class Mention(NamedTuple):
    """A name in the paragraph: its text, sentence and token."""

    text: str
    sentence: int
    token: int
    governed: bool = False  # after a preposition: "fichó por el Real Oviedo", "à l'Assemblée"


class Reader:
    """One tokenised sentence read with a language's clause lexicon."""

    def __init__(self, lex: ClauseLexicon, text: str) -> None:
        self.lex = lex
        self.s = Sentence.of(text, lex.token_pattern)
        self._allegation_matches: list[Match] | None = None

    def allegation_matches(self) -> list[Match]:
        """Return the matches of the allegation patterns, read once per sentence."""
        if self._allegation_matches is None:
            self._allegation_matches = list(self.matches(self.lex.patterns))
        return self._allegation_matches

    # ---- words

    def has(self, i: int, forms: Forms) -> bool:
        """Return True when token i is one of the forms."""
        return 0 <= i < len(self.s) and self.s.lower[i] in forms

    def negation(self, i: int) -> bool:
        """Return True when token i negates its clause: a negator not after a privative word
        ("sans aucun dédommagement", "sin ningún permiso", "ohne jede Genehmigung")."""
        return self.has(i, self.lex.negators) and not self.has(i - 1, self.lex.privatives)

    def name_word(self, i: int) -> bool:
        """Return True when token i may be part of a name: "Дуров", "Telegram", not "Am".

        A sentence's capitalised first word before a lower-case party noun is its adjective:
        "Известного ресторатора обвиняют ..." names no "Известного".
        """
        s, lex = self.s, self.lex
        word, low = s.words[i], s.lower[i]
        titled = (  # "M. Le Drian": a capitalised article between a title and a name
            0 < i < len(s) - 1
            and len(s.words[i - 1]) > 1
            and s.words[i - 1].endswith(".")
            and capitalised(s.words[i - 1])
            and capitalised(s.words[i + 1])
        )
        inner = (  # "Yannick Le Goff", "Marine Le Pen": a capitalised article inside a name
            1 < i < len(s) - 1
            and low in lex.determiners
            and capitalised(s.words[i - 1])
            and capitalised(s.words[i + 1])
            and not punctuation(s.words[i - 1])
            and s.lower[i - 1] not in lex.non_names
            and s.lower[i - 1] not in lex.determiners
            and s.lower[i - 1] not in lex.role_nouns
            and s.lower[i + 1] not in lex.non_names
        )
        if not capitalised(word) or (
            (low in lex.non_names or low in lex.determiners) and not (titled or inner)
        ):
            return False
        if low in lex.role_nouns:
            return False
        if lex.common_noun_pattern.fullmatch(low) and not self._surname(i):
            return False
        if (
            (i == 0 or s.lower[i - 1] in _SEGMENT_OPENERS)
            and len(s) > i + 1
            and not capitalised(s.words[i + 1])
            and (self.head_word(i + 1) or lex.initial_non_name_pattern.fullmatch(low))
        ):
            return False  # "Placés en garde à vue, ...", "Bientôt deux ans après ...", "(...)
            # Malgré les apparences": a sentence's or an inner segment's first word
        return not any(f in f" {low} " for f in lex.wrongdoing)

    def _surname(self, i: int) -> bool:
        """Return True when a capitalised word of a common noun's shape closes a person's name:
        after a name word that follows a role, before a break or the end ("die
        Grünen-Fraktionschefin Miriam Ostertag." -> "Ostertag"; not "gegen Siemens Anklage")."""
        s = self.s
        return (
            i >= 2
            and (i + 1 == len(s) or punctuation(s.words[i + 1]))
            and capitalised(s.words[i - 1])
            and self.name_word(i - 1)
            and (self.has(i - 2, self.lex.role_nouns) or self.role_shaped(i - 2))
        )

    def role_shaped(self, i: int) -> bool:
        """Return True when token i has a role's shape (``party_pattern``), listed or not."""
        low = self.s.lower[i] if 0 <= i < len(self.s) else ""
        return self.lex.party_pattern.fullmatch(low) is not None

    def brand_after(self, i: int) -> bool:
        """Return True when a name follows token i right away where common nouns are written
        in lower case: "une enquête Elabe" (a pollster's survey, not an investigation)."""
        capitalised_nouns = self.lex.common_noun_pattern.pattern != "(?!)"
        return not capitalised_nouns and i + 1 < len(self.s) and self.name_word(i + 1)

    def head_word(self, i: int) -> bool:
        """Return True when token i can head a party: a role noun, a role's shape, or a name.

        A word of a role's shape ("блогер", "blogueur", "bloguero") that is no listed role
        counts unless ``non_parties`` lists it.
        """
        if self.has(i - 1, self.lex.word_set(kinds.REFLEXIVES_SET)):
            return False  # a verb after a reflexive pronoun: "des voix s'élèvent"
        if self.has(i, self.lex.role_nouns) or self.name_word(i):
            return True
        low = self.s.lower[i] if 0 <= i < len(self.s) else ""
        shaped = self.lex.party_pattern.fullmatch(low) is not None
        return shaped and low not in self.lex.non_parties and low not in self.lex.np_stops

    # ---- clauses and claims

    def clause_start(self, i: int) -> int:
        """Return where token i's clause starts: after a comma, a dash or "что"/"que"/"dass"."""
        s, lex = self.s, self.lex
        j = i - 1
        while j >= 0:
            if s.lower[j] in _CLOSE_QUOTES and (opening := self.quoted_name(j)) is not None:
                j = opening - 1  # "Компания «Гранит» обратилась ...", "Der „Spiegel“ wirft ..."
                continue
            if s.lower[j] == ")" and (opening := self.parenthesis_opening(j)) is not None:
                j = opening - 1  # "Deux élèves ... à Saint-Priest (Rhône) ont été mis en
                continue  # examen": an aside in parentheses opens no clause
            if self._range_dash(j):
                j -= 1  # "в 2011—2014 годах": a dash between two numbers joins a range
                continue
            if s.lower[j] in _CLAUSE_BREAKS or s.lower[j] in lex.clause_openers:
                return j + 1
            j -= 1
        return 0

    def _range_dash(self, j: int) -> bool:
        """Return True when token j is a dash between two numbers ("2011—2014", "13–16")."""
        words = self.s.words
        return (
            0 < j < len(words) - 1
            and words[j] in _DASHES
            and words[j - 1][:1].isdigit()
            and words[j + 1][:1].isdigit()
        )

    def parenthesis_opening(self, close: int) -> int | None:
        """Return the "(" that a ")" at ``close`` closes (no other parenthesis between)."""
        for j in range(close - 1, -1, -1):
            if self.s.lower[j] == "(":
                return j
            if self.s.lower[j] == ")":
                return None
        return None

    def quoted_name(self, close: int) -> int | None:
        """Return where a name in guillemets ending at ``close`` opens: «Гранит», «Нефтемаркет».

        A few words, the first capitalised, with no punctuation between the marks.
        """
        s = self.s
        for j in range(close - 1, max(-1, close - MAX_PARTY_WORDS - 1), -1):
            if s.lower[j] in _NAME_QUOTES:
                named = j + 1 < close and capitalised(s.words[j + 1])
                return j if named else None
            if punctuation(s.words[j]):
                return None
        return None

    def claim_end(self, start: int) -> int:
        """Return where a claim from ``start`` ends: before a claim stop, ";" or the end."""
        s = self.s
        end = len(s)
        for j in range(start, len(s)):
            if s.lower[j] in _CLAIM_BREAKS or any(
                self.sequence_at(j, seq) for seq in self.lex.claim_stops
            ):
                end = j
                break
        while end > start and punctuation(s.words[end - 1]):
            end -= 1
        return end

    def sequence_at(self, i: int, seq: tuple[Element, ...]) -> bool:
        """Return True when every word of a sequence matches from token i."""
        return all(self.has(i + k, e.forms) for k, e in enumerate(seq))

    # ---- parties

    def party_end(self, start: int, stop: int | None = None) -> int:
        """Read a party forward from ``start``: determiners, adjectives, a head, its name.

        "die Pariser Staatsanwaltschaft" (then "Durov" is another party), "прокуратура
        Франции", "le parquet de Paris", "Pavel Durov". Returns ``start`` when none is there.
        """
        s, lex = self.s, self.lex
        stop = len(s) if stop is None else min(stop, len(s))
        if start < stop and self.pronoun(start):
            return start + 1  # "требует для него восьми лет ...": a pronoun alone
        j = start
        while j < stop and s.lower[j] in lex.determiners:
            j += 1
        if (quoted := self.bare_quoted_name(j, stop)) is not None:
            return quoted  # "«Газпром» обвинил «Нафтогаз» ...", "des „Spiegel“": a name alone
        if j < stop and s.lower[j] in lex.quantifiers:
            # "más de 300 inversores", "plus de 200 salariés", "более 300 вкладчиков": the
            # number and its noun make the party
            k = j + 1 + (j + 1 < stop and s.lower[j + 1] in lex.np_stops)
            if k < stop and s.lower[k][:1].isdigit():
                j = k
        k = j + (j < stop and s.lower[j] in lex.quantifiers)
        partitive = k + 1 < stop and s.lower[k] in lex.prepositions
        if k > start and partitive and s.lower[k + 1] in lex.determiners:
            # a partitive: "uno de los temporeros", "l'un de ses collègues": the party runs on
            # to the noun after the determiner
            j = k + 1
            while j < stop and s.lower[j] in lex.determiners:
                j += 1
        adjectives = 0
        while (
            j < stop
            and adjectives < MAX_ADJECTIVES
            and not self.head_word(j)
            and not punctuation(s.words[j])
            and not capitalised(s.words[j])
        ):
            if adjectives and (name := self.described_name(j, stop)) is not None:
                j = name  # "le géant du textile Modexa", "l'application de rencontres Flirtia"
                break
            if s.lower[j] in lex.np_stops:
                break
            j += 1
            adjectives += 1
        if j > start and j < stop and s.lower[j] == "«":
            close = next((k for k in range(j + 1, stop) if s.lower[k] == "»"), None)
            if close is not None and self.quoted_name(close) == j:
                return close + 1  # "сервис «Кадр»": a common noun before a name in quotes
        if j >= stop or punctuation(s.words[j]) or s.lower[j] in lex.np_stops:
            return start
        if (
            capitalised(s.words[j])
            and not self.head_word(j)
            and s.lower[j] not in lex.non_names
            and j + 1 < stop
            and not capitalised(s.words[j + 1])
            and self.head_word(j + 1)
        ):
            j += 1  # "Известного ресторатора": a capitalised adjective opening the sentence
        if not self.head_word(j) and not (j == start and capitalised(s.words[j])):
            return start
        role = self.has(j, lex.role_nouns)
        shaped = role or self.role_word(j)  # "администратор": a role's shape
        if j == 0 and not shaped:
            # "Лыжница из Сыктывкара Анна Крылова": a role's shape capitalised as the first word
            low = s.lower[j]
            shaped = bool(lex.party_pattern.fullmatch(low)) and low not in lex.non_parties
        j += 1
        words = 1
        if j < stop and self.has(j, lex.role_nouns) and (not role or not capitalised(s.words[j])):
            # "Французская прокуратура", "Pariser Staatsanwaltschaft"; after a role, a role in
            # the genitive: "пресс-служба компании", "директор компании"
            role = True
            j += 1
            words += 1
            if (
                j < stop
                and lex.object_case_pattern.fullmatch(s.lower[j - 1])
                and self._plain_word(j)
                and not self.head_word(j)
            ):
                # a role's stem in an adjective of the genitive, its noun after it:
                # "поставщиков школьного питания", not "поставщиков школьного"
                j += 1
                words += 1
        while j < stop and words < MAX_PARTY_WORDS:
            if self.name_word(j):
                j += 1
                words += 1
            elif (
                role
                and words == 1
                and s.lower[j] in lex.determiners
                and capitalised(s.words[j])
                and j + 1 < stop
                and self.name_word(j + 1)
            ):
                j += 2  # "el diario La Rioja": a role, then a name that opens with its article
                words += 2
            elif (
                s.lower[j] in lex.name_connectors
                and j + 1 < stop
                and self.name_word(j + 1)
                and (role or self.name_word(j - 1))
            ):
                j += 2  # "parquet de Paris", "fondateur de Telegram", "Ursula von der Leyen"
                words += 2
            elif (
                not role
                and s.lower[j] in lex.name_connectors
                and j + 2 < stop
                and s.lower[j + 1] in lex.determiners
                and self.name_word(j - 1)
                and self.name_word(j + 2)
                and not self.has(j + 2, lex.role_nouns)
            ):
                j += 3  # "Juan de la Cruz": a person's name with its particle and article
                words += 3
            elif (
                role
                and s.lower[j] in lex.name_connectors
                and j + 2 < stop
                and s.lower[j + 1] in lex.determiners
                and capitalised(s.words[j + 2])
                and (self.name_word(j + 2) or self.has(j + 2, lex.role_nouns))
            ):
                j += 3  # "Agentes de la Policía Local": a role, then a named body with its article
                words += 3
            else:
                break
        if (role or shaped) and words == 1:
            j = self._complement_name(j, stop)
        elif (
            (role or shaped)
            and words == 2
            and j < stop
            and lex.object_case_pattern.fullmatch(s.lower[j - 1])
            and self._plain_word(j)
        ):
            # "директор Пермского зоопарка Лев Гаранин": a capitalised adjective of the
            # genitive opens the role's complement, the person's name after it
            j = self._complement_name(j, stop)
        if (role or shaped) and j < stop and s.lower[j] in _NAME_QUOTES:
            mark = _NAME_QUOTES[s.lower[j]]
            close = next((k for k in range(j + 1, stop) if s.lower[k] == mark), None)
            if close is not None and self.quoted_name(close) == j:
                # "компании «Восток-Улов»", "des Magazins „Spiegelblick“": a role's name in quotes
                j = close + 1
                named = j
                while named < stop and named - j < MAX_PARTY_WORDS and self.name_word(named):
                    named += 1
                if named > j + 1:
                    j = named  # "администратор «Восток-Кредита» Денис Муравьёв": the person
        return j

    def _complement_name(self, j: int, stop: int) -> int:
        """Return where a role's person ends past the role's complement, else ``j``:
        "совладелец ресторанной группы «Пряности» Максим Орлов" (lower-case words, a name in
        quotes, then at least two name words), "le directeur financier Jean Dupont"."""
        s, lex = self.s, self.lex
        if (
            self.has(j, lex.prepositions)
            and not self.has(j, lex.name_connectors)
            and j + 3 < stop
            and all(self.name_word(k) for k in range(j + 1, j + 4))
            and not (j + 4 < stop and self.name_word(j + 4))
        ):
            # "лыжница из Сыктывкара Анна Крылова": a role, the one-word place it comes from,
            # then the person's first name and surname
            return j + 4
        if self.has(j, lex.prepositions) and not self.has(j, lex.name_connectors):
            # "приложение для доставки «Быстрокорм»": a role, its complement, its name in quotes
            k = j + 1
            while k < stop and k - j <= MAX_ADJECTIVES and self._plain_word(k):
                k += 1
            quoted = self.bare_quoted_name(k, stop) if k > j + 1 else None
            return quoted if quoted is not None else j
        k = j
        while (
            k < stop
            and k - j < MAX_ADJECTIVES + 1
            and not capitalised(s.words[k])
            and not punctuation(s.words[k])
            and s.lower[k] not in lex.np_stops
            and s.lower[k] not in lex.determiners
            and s.lower[k] not in lex.clause_openers
        ):
            k += 1
        if k == j:
            return j
        if k < stop and (quoted := self.bare_quoted_name(k, stop)) is not None:
            k = quoted
        named = k
        while named < stop and named - k < MAX_PARTY_WORDS and self.name_word(named):
            named += 1
        return named if named >= k + 2 else j

    def _plain_word(self, k: int) -> bool:
        """Return True when token k is a lower-case word that opens nothing: no punctuation,
        no determiner, preposition or clause opener."""
        s, lex = self.s, self.lex
        return (
            not capitalised(s.words[k])
            and not punctuation(s.words[k])
            and s.lower[k] not in lex.np_stops
            and s.lower[k] not in lex.determiners
            and s.lower[k] not in lex.clause_openers
        )

    def bare_quoted_name(self, start: int, stop: int) -> int | None:
        """Return the end of a short name in guillemets opening at ``start``, else None.

        "«Кубаньводсервис» завышал тарифы", "«Газпром» обвинил «Нафтогаз»": at most
        ``MAX_QUOTED_NAME`` words, the first a name word (a quotation is longer or opens with
        a pronoun: "« Il ment »").
        """
        s = self.s
        if start >= stop or s.lower[start] not in _NAME_QUOTES:
            return None
        mark = _NAME_QUOTES[s.lower[start]]
        close = next(
            (
                k
                for k in range(start + 1, min(stop, start + MAX_QUOTED_NAME + 2))
                if s.lower[k] == mark
            ),
            None,
        )
        if close is None or self.quoted_name(close) != start or not self.name_word(start + 1):
            return None
        return close + 1

    def described_name(self, connector: int, stop: int | None = None) -> int | None:
        """Return the name a descriptor's connector leads to: "(géant) du textile Modexa".

        ``connector`` is a ``name_connectors`` word after a lower-case descriptor; one or two
        lower-case words and then a name word must follow ("moteur de recherche Qwarto",
        "compañía de seguros Mapfre"). Returns the name word's index, else None.
        """
        s, lex = self.s, self.lex
        stop = len(s) if stop is None else min(stop, len(s))
        if not self.has(connector, lex.name_connectors):
            return None
        for k in range(connector + 2, min(stop, connector + 4)):
            between = s.words[k - 1]
            if (
                capitalised(between)
                or punctuation(between)
                or s.lower[k - 1] in lex.np_stops
                or s.lower[k - 1] in lex.determiners
            ):
                return None
            if self.name_word(k):
                return k
        return None

    def appositive(self, comma: int) -> Span | None:
        """Return the name set off by commas after a role: "le maire, Patrick Renard, ...".

        ``comma`` is the first comma; the name runs to the next one, and the words before the
        comma hold a role noun or a word of a role's shape ("l'ancien maire de Saint-Aubin",
        "El exdirector del banco"), so a list of names ("Google, Apple, ...") is none.
        """
        s = self.s
        end = comma + 1
        while end < len(s) and end - comma <= MAX_PARTY_WORDS and self.name_word(end):
            end += 1
        if end == comma + 1 or end >= len(s) or s.lower[end] != ",":
            return None
        start = self.clause_start(comma)
        if not any(self.role_word(j) for j in range(max(start, comma - MAX_SLOT), comma)):
            return None
        return Span(comma + 1, end)

    def role_word(self, i: int) -> bool:
        """Return True when token i is a role noun or a lower-case word of a role's shape."""
        low = self.s.lower[i]
        if self.has(i, self.lex.role_nouns):
            return True
        shaped = self.lex.party_pattern.fullmatch(low) is not None
        return shaped and low not in self.lex.non_parties and not capitalised(self.s.words[i])

    def lead_party(self, start: int, end: int) -> Span | None:
        """Return the party that ends a clause before ``end``: skip words that name none.

        A preposition's object that holds a name is no subject when a party follows it ("В
        Москве прокуратура ...", "На улице Вагжанова сотрудники полиции ..." ->
        "прокуратура", "сотрудники полиции"); with none after it, it is the party ("В Москве
        отвергли ...": Moscow answered)."""
        governed = -1  # the last token of a preposition's object
        fallback: Span | None = None
        for j in range(start, end):
            if j <= governed:
                continue
            after = j - 1  # the word before the object, past its determiners ("auf seiner")
            while after > start and self.has(after, self.lex.determiners):
                after -= 1
            if (
                j > start
                and self.has(after, self.lex.prepositions)
                and not self.has(after, self.lex.name_connectors)  # "Una veintena de familias"
                and not self.pronoun(j)
                and not self.has(j, self.lex.determiners)
            ):
                last = j
                while last + 1 < end and self.name_word(last + 1):
                    last += 1
                if any(self.name_word(k) for k in range(j, last + 1)):
                    fallback = fallback or self._party_at(j, end)
                    governed = last
                    continue
            found = self._party_at(j, end)
            if found is not None:
                return found
        return fallback

    def place(self, span: Span) -> bool:
        """Return True when a slot is a place: it opens with, or follows, a preposition of
        place (``place_prepositions``: ru "в")."""
        places = self.lex.word_set(kinds.PLACE_PREPOSITIONS_SET)
        return self.has(span.start, places) or self.has(span.start - 1, places)

    def _party_at(self, j: int, end: int) -> Span | None:
        """Return the party that opens at token j (a lead party's reading), else None."""
        adjective = (
            capitalised(self.s.words[j])
            and self.s.lower[j] not in self.lex.non_names  # "Накануне профсоюз ..."
            and j + 1 < end
            and self.head_word(j + 1)
        )
        quoted = self.bare_quoted_name(j, end) is not None
        if (
            self.has(j, self.lex.determiners)
            or self.head_word(j)
            or self.pronoun(j)
            or adjective
            or quoted
        ):
            if self.pronoun(j) and j == self.clause_start(j) and self.role_word(j + 1):
                k = self.party_end(j + 1, end)  # "Его основателю Глебу Рябову вменяют ..."
                if k > j + 1:  # a possessive before its role: the role is the party
                    return Span(j + 1, k)
            if self.pronoun(j):
                return Span(j, j + 1)
            k = self.party_end(j, end)
            if k > j:
                return Span(j, k)
        return None

    def antecedent(self, start: int, comma: int) -> Span | None:
        """Return the party that ends right before ``comma``: a relative clause's antecedent.

        "В Екатеринбурге задержан 34-летний программист, которого ..." -> "34-летний
        программист" (the last head word before the comma, with its determiners and
        adjectives), not "Екатеринбурге"); else a determiner's short phrase before the comma
        ("su fisioterapeuta"); else the party of the last head word ("el dueño de un centro de
        estética"); None when there is none.
        """
        s, lex = self.s, self.lex
        heads = [j for j in range(start, comma) if self.head_word(j)]
        against = next(
            (j for j in range(comma - 2, start - 1, -1) if self.has(j, lex.fallback_against)),
            None,
        )
        if (
            against is not None
            and (not heads or heads[-1] < against)
            and s.lower[against + 1] in lex.determiners
            and not any(s.lower[k] in _BREAKS for k in range(against + 1, comma))
        ):
            # "a porté plainte contre un site de réservation qu'il accuse de ...": the phrase
            # an "against" word governs, after every name, not "Honfleur" before it
            return Span(against + 1, comma)
        for head in heads[-1:]:
            while head - 1 >= start and self.head_word(head - 1):
                head -= 1  # "notaire Jean Vidal": the run of heads from its first word
            for j in range(max(start, head - MAX_ADJECTIVES - 1), head + 1):
                opens = (
                    j == head
                    or s.lower[j] in lex.determiners
                    or lex.subject_adjective_pattern.fullmatch(s.lower[j]) is not None
                )  # not "задержан 45-летний бухгалтер"
                if opens and self.party_end(j, comma) == comma:
                    return self._governing(Span(j, comma), start)
        for j in range(max(start, comma - MAX_ADJECTIVES - 1), comma - 1):
            if s.lower[j] in lex.determiners and all(
                not capitalised(s.words[k])
                and not punctuation(s.words[k])
                and s.lower[k] not in lex.np_stops
                for k in range(j + 1, comma)
            ):
                # "a su fisioterapeuta, al que ...": a noun phrase
                return self._governing(Span(j, comma), start)
        if heads and heads[-1] > start:
            j = heads[-1]
            while j > start and s.lower[j - 1] in lex.determiners:
                j -= 1
            end = self.party_end(j, comma)
            if end > j:
                return Span(j, end)  # "el dueño de un centro de estética, al que ..."
        return None

    def _governing(self, span: Span, start: int) -> Span:
        """Return the party a complement hangs on: "el gerente de una clínica dental" -> "el
        gerente" (the phrase before the connector), unless the complement holds a name."""
        s, lex = self.s, self.lex
        k = span.start - 1
        governed = k > start and s.lower[k - 1] in lex.np_stops  # "in Bremen ein 40-Jähriger"
        if (
            s.lower[span.start] in lex.determiners
            and k >= start
            and self.head_word(k)
            and not governed
        ):
            # a genitive right after its head, with no connector: "Der Betreiber der
            # Diskothek, dem ..." -> "Der Betreiber der Diskothek", not "der Diskothek"
            j = k
            while j > max(start, k - MAX_ADJECTIVES - 1) and (
                s.lower[j - 1] in lex.determiners
                or lex.subject_adjective_pattern.fullmatch(s.lower[j - 1]) is not None
            ):
                j -= 1
            return Span(j, span.end)
        if any(self.name_word(j) for j in range(span.start, span.end)):
            return span  # "le procès de l'ancien notaire Jean Vidal": the named one
        while k > start and s.lower[k] in lex.determiners:
            k -= 1
        if k <= start or s.lower[k] not in lex.name_connectors:
            return span
        for j in range(max(start, k - MAX_ADJECTIVES - 1), k):
            if s.lower[j] in lex.determiners and all(
                not capitalised(s.words[i]) and not punctuation(s.words[i]) for i in range(j + 1, k)
            ):
                return Span(j, k)  # "el gerente" (de una clínica)
            if (s.lower[j] in lex.determiners or self.head_word(j)) and self.party_end(j, k) == k:
                return Span(j, k)
        return span

    def done_to(self, claim: Span) -> bool:
        """Return True when a claim opens with an object pronoun and a verb form with no
        subject of its own ("его отравили в аэропорту", "их избили"): it tells what was done
        to someone, by no one it names."""
        start = claim.start
        while start < claim.end and self.s.lower[start] in self.lex.np_stops:
            start += 1
        return self.has(start, self.lex.word_set(kinds.OBJECT_PRONOUNS_SET)) and self.has(
            start + 1, self.lex.word_set(kinds.SUBJECTLESS_VERBS_SET)
        )

    def participle_party(self, cue: int, target: Span) -> Span | None:
        """Return the cue when it is a participle used as a noun for a person and the party
        after its claim does not agree with it in case and number: "двух подозреваемых в
        убийстве 12 человек", "подозреваемого в отравлении Скрипалей" name the suspects, not
        the victims (not "обвиняемого в ... американского продюсера ...", which agree); after a
        comma, a name before it that agrees is the party the participle is apposed to."""
        for participles, forms in kinds.PARTICIPLE_AGREEMENT:
            if self.has(cue, self.lex.word_set(participles)):
                if cue > 1 and self.s.words[cue - 1] == ",":
                    before = self.antecedent(self.clause_start(cue - 1), cue - 1)
                    if (
                        before is not None
                        and any(self.name_word(j) for j in range(before.start, before.end))
                        and self.has(before.end - 1, self.lex.word_set(forms))
                    ):
                        return before  # "по поимке Джохара Царнаева, подозреваемого в
                        # теракте ...": a participle apposed to a name names it
                word = self.s.lower[target.start]
                agrees = not word[:1].isdigit() and self.has(target.start, self.lex.word_set(forms))
                return None if agrees else Span(cue, cue + 1)
        return None

    def _after_time_adverbial(self, claim: Span) -> Span | None:
        """Return the party right after a fronted adverbial of time that opens a claim (a
        preposition, then a ``time_words`` noun within a few words: "в 2004 году", "с этого
        времени"), past an aside set off by commas ("в 2004 году, находясь в России, он и его
        сын ..."); None when the claim opens otherwise or no party follows."""
        s, lex = self.s, self.lex
        times = lex.word_set(kinds.TIME_WORDS_SET)
        if not times or not self.has(claim.start, lex.prepositions):
            return None
        for k in range(claim.start + 1, min(claim.end - 1, claim.start + MAX_ADVERBIAL)):
            if punctuation(s.words[k]):
                return None
            if not self.has(k, times):
                continue
            j = k + 1
            if s.words[j] == ",":  # an aside: its closing comma, within the sentence
                end = min(len(s), j + MAX_SLOT)
                close = next((x for x in range(j + 2, end) if s.words[x] == ","), None)
                if close is None:
                    return None
                j = close + 1
            found = self.lead_party(j, min(len(s), j + MAX_SLOT))
            return found if found is not None and found.start == j else None
        return None

    def dated_by(self, claim: Span) -> bool:
        """Return True when a claim opens with a span of time that dates an event: a
        ``duration_words`` noun within its first words, then a ``time_closers`` word ("за две
        минуты до вылета", "за несколько дней до выборов"): the preposition before it gives a
        time, not the reason of an arrest."""
        lex = self.lex
        durations = lex.word_set(kinds.DURATION_WORDS_SET)
        closers = lex.word_set(kinds.TIME_CLOSERS_SET)
        if not durations or not closers:
            return False
        for k in range(claim.start, min(claim.end - 1, claim.start + 3)):
            if punctuation(self.s.words[k]):
                return False
            if self.has(k, durations) and self.has(k + 1, closers):
                return True
        return False

    def claim_subject(self, claim: Span) -> Span | None:
        """Return the party opening a claim (``_claim_subject``), else, after a fronted
        adverbial with no verb, the first name a finite verb follows (``fronted_name``)."""
        return (
            self._deed_first_subject(claim)
            or self._claim_subject(claim)
            or self.fronted_name(claim)
        )

    def _deed_first_subject(self, claim: Span) -> Span | None:
        """Return the subject after a deed's verb when the claim opens with the wrong, its
        object: "что нападение на Храмовой горе совершили трое жителей ..." -> "трое жителей
        ..."; "теракт в Домодедове совершил 20-летний уроженец ..." (``deed_verbs``). None when
        no wrong stands before the verb, a comma or clause opener comes first, or no party
        follows it ("стрельбу совершил на почве ненависти": no subject named)."""
        s, lex = self.s, self.lex
        deeds = lex.word_set(kinds.DEED_VERBS_SET)
        if not deeds or capitalised(s.words[claim.start]) or self.pronoun(claim.start):
            return None
        for j in range(claim.start + 1, min(claim.end - 1, claim.start + MAX_FRONTED)):
            if self.has(j, lex.clause_openers) or punctuation(s.words[j]):
                return None
            if self.has(j, deeds):
                if not self.wrongdoing(Span(claim.start, j)):
                    return None
                found = self.lead_party(j + 1, min(claim.end, j + 1 + MAX_SLOT))
                if (
                    found is None
                    or self.has(j + 1, lex.prepositions)
                    or any(self.has(k, lex.negators) for k in range(j - 1, found.start))
                ):
                    return None  # "нападение совершили не местные жители": denied
                return found if found.start - j <= 3 else None  # "трое жителей ...",
                # "20-летний уроженец ...": a numeral or an age before the party's noun
        return None

    def fronted_name(self, claim: Span) -> Span | None:
        """Return the subject of a claim that opens with a long adverbial (a preposition
        first): the first run of capitalised name words (or a subject pronoun), not a
        preposition's object, that a word of ``finite_forms`` follows ("в период с 2014 по 2016 год Александр Соловьёв
        получил ...", "в день убийства Кристенсен был ...", "в ходе конфликта ... у клуба
        «Гараж» Мирзаев ударил ..."); a name no verb follows is a complement ("в центре
        Москвы"); None at a comma, a clause opener or a break, or in a language without the
        set."""
        s, lex = self.s, self.lex
        finite = lex.word_set(kinds.FINITE_FORMS_SET)
        if not finite or not self.has(claim.start, lex.prepositions):
            return None
        j = claim.start + 1
        while j < min(claim.end - 1, claim.start + MAX_FRONTED):
            if self.has(j, lex.clause_openers) or s.words[j] in {",", ":", ";", "—", "(", ")"}:
                return None  # the adverbial ends its clause: no subject read past it
            governed = self.has(j - 1, lex.prepositions) or (
                self.has(j - 2, lex.prepositions) and not capitalised(s.words[j - 1])
            )  # a preposition's object, or a name set beside one's noun: "в реке Ишим"
            pronoun = (
                not governed
                and self.pronoun(j) != ""
                and not self.has(j, self.lex.word_set(kinds.OBJECT_PRONOUNS_SET))
            )  # a subject pronoun: "во время второго срока он получал деньги ..."
            if not pronoun and (governed or not (capitalised(s.words[j]) and self.name_word(j))):
                j += 1
                continue
            end = j + 1
            while not pronoun and end < claim.end and self.name_word(end):
                end += 1
            if end < claim.end and not capitalised(s.words[end]) and self.has(end, finite):
                return Span(j, end)
            j = end
        return None

    def _claim_subject(self, claim: Span) -> Span | None:
        """Return the party opening a claim, after auxiliaries: "(hat) Telegram ... geduldet".

        A finite verb before a determiner is skipped too (verb-second order): "Nach
        Erkenntnissen der Ermittler zweigte der Schulleiter Geld ab" -> "der Schulleiter".
        """
        s, lex = self.s, self.lex
        start = claim.start
        if (after_time := self._after_time_adverbial(claim)) is not None:
            return after_time  # "По данным следствия, в 2015 году Хендрикс связался ..."
        # a fronted adverbial: "Nach Erkenntnissen ... zweigte", "Jahrelang soll der ..."
        if self.has(start, lex.prepositions) or (
            start == 0 and lex.initial_non_name_pattern.fullmatch(s.lower[start])
        ):
            start = self._after_fronted_verb(claim)
        while start < claim.end and s.lower[start] in lex.np_stops:
            start += 1
        if (
            start + 1 < claim.end
            and self.wrongdoing(claim)  # a verb-first claim names its wrong
            and not capitalised(s.words[start])
            and not punctuation(s.words[start])
            and s.lower[start] not in lex.determiners
            and not self.pronoun(start)
            and s.lower[start + 1] in lex.determiners
        ):
            start += 1
        stop = min(claim.end, start + MAX_SLOT)
        found = self.lead_party(start, stop)
        if found is not None and found.start == start:
            return found
        if found is not None and found.start == start + 1 and self.pronoun(start):
            return found  # a possessive before its role: "что её руководство скрывало ..."
        if start + 1 < claim.end and s.lower[start + 1] == "«":
            end = self.party_end(start, stop)  # "что сервис «Кадр» передавал ..."
            if end > start:
                return Span(start, end)
        if not lex.subject_adjective_pattern.fullmatch(s.lower[start]):
            return None  # "что задержанных активистов избивали": an object, not a subject
        end = self.party_end(start, stop)  # adjectives first: "управляющая компания"
        return Span(start, end) if end > start else None

    def interrupted_subject(self, source: int, claim: Span) -> Span | None:
        """Return the subject of a clause a source interrupts, else None.

        "Le gérant d'un camping employait, selon la gendarmerie, une douzaine de saisonniers
        ...", "Le gérant du camping, à en croire un enquêteur, empochait ...": the source's
        first word (``source``) follows a comma that closes the sentence's first clause; that
        clause is a party from its first word, then at most a finite verb (``MAX_ADJECTIVES``
        lower-case words, no determiner or preposition: "employait", "se quedaba"); the
        claim after the source has no subject of its own. Not a fronted object before its verb
        ("Рыбу, перемороженную ..., по словам покупателей, продавал ..."): a party in an
        object's case, or no party at all ("Aceite de oliva ... vendía").
        """
        s, lex = self.s, self.lex
        comma = source - 1
        if comma < 1 or s.lower[comma] != "," or self.clause_start(comma) != 0:
            return None
        if claim.start <= source or self.claim_subject(claim) is not None:
            return None
        opens_verb = (
            s.words[claim.start][:1].islower()
            and not self.has(claim.start, lex.determiners)
            and not self.has(claim.start, lex.prepositions)
        )
        end = comma
        if self.has(comma - 1, lex.word_set(kinds.FORWARD_SOURCE_COORDINATORS_SET)):
            # "El alcalde fue multado por ... y, según la fiscalía, desvió ...": a first
            # clause coordinated with the claim shares its subject, the party opening it
            lead = self.lead_party(0, comma - 1)
            if lead is None or lead.start != 0 or not self.is_party(lead):
                return None
            return lead
        if not opens_verb:  # the verb ends the first clause: "employait", "se quedaba"
            while (
                end > 1
                and comma - end < MAX_ADJECTIVES
                and s.words[end - 1][:1].islower()
                and not self.has(end - 1, lex.determiners)
                and not self.has(end - 1, lex.prepositions)
                and not self.has(end - 1, lex.name_connectors)
            ):
                end -= 1
            if end == comma:
                return None
        found = Span(0, end)
        lead = self.lead_party(0, end)
        if lead is None or lead.start != 0 or not self.is_party(found):
            return None
        first = next((j for j in range(end) if not self.has(j, lex.determiners)), 0)
        if lex.object_case_pattern.fullmatch(s.lower[first]):
            return None  # "Рыбу ...": an object opens the sentence
        return found

    def about_party(self, start: int) -> Span | None:
        """Return the party a speaker speaks about after token ``start`` ("sagt ein früherer
        Mitarbeiter über den Laborleiter ...", "relatan unos vecinos sobre el contratista
        Julián Roldán", "рассказали молодожёны о фотографе Денисе Круглове", "à propos de
        l'organisateur"): the first word of the named set ``about`` before the sentence's end,
        past connectors, prepositions ("mit Blick auf das ...") and determiners; else None."""
        s, lex = self.s, self.lex
        about = lex.word_set(kinds.ABOUT_SET)
        if not about:
            return None
        for j in range(start, len(s) - 1):
            if s.lower[j] in {".", ";", ":", "?", "!", "«", "„", '"'}:
                return None
            if not self.has(j, about):
                continue
            first = j + 1
            while first < len(s) and (
                self.has(first, lex.name_connectors)
                or self.has(first, lex.prepositions)
                or self.has(first, lex.determiners)
            ):
                first += 1
            end = self.party_end(first) if first < len(s) else first
            span = Span(first, end)
            return span if end > first and self.is_party(span) else None
        return None

    def _after_fronted_verb(self, claim: Span) -> int:
        """Return where the subject of a claim opening with an adverbial stands: after the
        first verb-like word before a determiner ("Seit Jahrzehnten leite der Chemiekonzern
        ...", "Durante años la empresa vertió ..."); the claim's start when there is none."""
        s, lex = self.s, self.lex
        for k in range(claim.start + 1, min(claim.end - 1, claim.start + MAX_SLOT)):
            if s.lower[k] in _BREAKS:
                break
            if (
                not capitalised(s.words[k])
                and not punctuation(s.words[k])
                and s.lower[k] not in lex.prepositions
                and s.lower[k] not in lex.determiners
                and s.lower[k + 1] in lex.determiners
            ):
                return k + 1
        return claim.start

    def pronoun(self, i: int) -> str:
        """Return the class of a pronoun at token i ("person", "group", "thing"), else ""."""
        if not 0 <= i < len(self.s):
            return ""
        impersonal = self.lex.word_set(kinds.IMPERSONAL_VERBS_SET)
        verb = i + 2 if self.has(i + 1, self.lex.word_set(kinds.REFLEXIVES_SET)) else i + 1
        if self.has(verb, impersonal):
            return ""  # an impersonal subject stands for no one: "il s'agit de", "il faut"
        return next((c for c, forms in self.lex.pronouns.items() if self.s.lower[i] in forms), "")

    def is_party(self, span: Span | None) -> bool:
        """Return True when the span holds a role noun or a name."""
        if span is None:
            return False
        return any(self.head_word(j) for j in range(span.start, span.end))

    # ---- patterns

    def matches(self, patterns: tuple[ClausePattern, ...]) -> Iterator[Match]:
        """Yield every match, by cue position then pattern order."""
        leads = [(pattern, pattern.elements[pattern.lead].forms) for pattern in patterns]
        for i in range(len(self.s)):
            for pattern, forms in leads:
                if self.has(i, forms):
                    found = self.match(pattern, i)
                    if found is not None:
                        yield found

    def match(self, pattern: ClausePattern, i: int) -> Match | None:
        """Match a pattern whose first word form is at token i."""
        spans: dict[str, Span] = {}
        elements = pattern.elements
        if not self._forward(elements, pattern.lead + 1, i + 1, spans):
            return None
        if pattern.lead:
            slot = elements[0].slot
            if slot == CLAIM:
                start, end = self._claim_start(i), i
                if end - start > 2 and self.s.lower[start] in _OPEN_QUOTES:
                    # a quotation before its speaker: "« Ils ont falsifié ... », affirme X"
                    start, end = start + 1, end - (self.s.lower[end - 1] in _CLOSE_QUOTES)
                span: Span | None = Span(start, end) if start < end else None
                if (
                    span is not None
                    and self.s.lower[i] != ","
                    and self.has(start, self.lex.np_stops)
                ):
                    return None  # a fronted object opens with no preposition: "Am Dienstag warf"
            elif self.s.lower[i] == ",":  # a relative clause: its antecedent ends at the comma
                span = self.antecedent(self.clause_start(i), i)
            elif slot == TARGET and self.has(i, self.lex.clause_openers):
                # a relative clause with no comma: "ont interpellé un agent immobilier qu'ils
                # soupçonnent de ..." -> "un agent immobilier", not the clause's subject
                span = self.antecedent(self.clause_start(i), i)
            else:
                span = self.gerund_subject(i) or (
                    self._relative_clause_subject(i)
                    or self.lead_party(self.clause_start(i), i)
                    or self._appositive_subject(i)
                    or self.relative_subject(i)
                    or self._relative_antecedent(i)
                )
                postnominal = self.lex.word_set(kinds.POSTNOMINAL_PARTICIPLES_SET)
                if span is not None and slot == TARGET and self.has(i, postnominal):
                    span = self._postnominal_object(span, i) or span
            subject = self._verb_second_subject(i) if slot == ACCUSER else None
            target = spans.get(TARGET)
            if subject is not None and target is not None and target.end <= subject.end:
                subject = None  # the target slot is the subject's words: another reading
            if subject is not None:
                span = subject
                if target is not None and target.start < subject.end < target.end:
                    # the gap after the verb let the target slot open on the subject's words
                    spans[TARGET] = Span(subject.end, target.end)
            if span is None:
                return None
            spans[slot] = span
            if slot == TARGET and self.has(i, self.lex.fallback_impersonal):
                # "Владельца базы местные инструкторы обвиняют в ...": the subject after the
                # fronted object
                subject = self.subject_before_cue(span, i)
                if subject is not None:
                    spans[ACCUSER] = subject
        self._target_complement(spans)
        if not self._agent_names_party(spans):
            return None
        return Match(pattern, i, spans)

    def _postnominal_object(self, subject: Span, cue: int) -> Span | None:
        """Return the object a participle of accusing or suspecting follows when a verb of the
        subject's stands between them: "Le parquet de Cherbourg a renvoyé devant le tribunal un
        fabricant de parapluies soupçonné d'avoir ...", "La Fiscalía pide seis años de cárcel
        para un exfuncionario de Tráfico acusado de ..." -> the maker, the former official, not
        the prosecutor. None when an auxiliary makes the participle the subject's own predicate
        ("Deux plongeurs ont été interpellés à Toulon, soupçonnés d'avoir ..."), or when the
        phrase before the participle is a complement ("de la ville")."""
        s, lex = self.s, self.lex
        end = cue - 1 if s.lower[cue - 1] == "," else cue
        between = range(subject.end, end)
        if end - subject.end < 3 or any(s.lower[j] in _BREAKS for j in between):
            return None
        if any(self.has(j, lex.fallback_passive_aux) for j in between):
            return None
        found = self.antecedent(subject.end + 1, end)
        if found is None or found.start <= subject.end + 1 or not self.is_party(found):
            return None
        if self.has(found.start - 1, lex.name_connectors):
            return None  # "le directeur de la clinique accusé de ...": a complement
        return found  # the phrase a complement hangs on: "un fabricant (de parapluies)"

    def _agent_names_party(self, spans: dict[str, Span]) -> bool:
        """Check the party slots of a match with ``agent_party``; a side named in the accuser
        slot stands for its genitive."""
        for slot in (ACCUSER, TARGET):
            span = spans.get(slot)
            if span is not None:
                party = self.agent_party(span, accuser=slot == ACCUSER)
                if party is None:
                    return False
                spans[slot] = party
        return True

    def agent_party(self, span: Span, *, accuser: bool) -> Span | None:
        """Return a party's span after an agent preposition (``fallback_agents``), or None when
        it names a span of time or place ("Von 2019 bis 2021 wird dem Manager vorgeworfen",
        "Von Berlin aus ...", ``agent_span_words``, ``agent_origin_words``) or a side no one
        names ("Von mehreren Seiten ...", ``agent_side_nouns``); an accuser's side whose
        genitive follows names it ("Von Seiten der Opposition" -> "der Opposition"). A span
        after no agent preposition is returned as it is."""
        lex = self.lex
        if not span.start or not self.has(span.start - 1, lex.fallback_agents):
            return span
        origin = lex.word_set(kinds.AGENT_ORIGIN_SET)
        if (
            any(
                self.has(j, lex.word_set(kinds.AGENT_SPAN_SET)) for j in range(span.start, span.end)
            )
            or self.has(span.end - 1, origin)
            or (span.end < len(self.s) and self.has(span.end, origin))
        ):
            return None
        sides = lex.word_set(kinds.AGENT_SIDES_SET)
        for j in range(span.start, min(span.end, span.start + MAX_ADJECTIVES + 1)):
            if self.has(j, sides):
                if accuser and j + 2 < span.end and self.has(j + 1, lex.determiners):
                    return Span(j + 1, span.end)
                return None
        return span

    def _verb_second_subject(self, cue: int) -> Span | None:
        """Return the subject right after a finite verb cue when a fronted phrase opens its
        clause (``verb_second_fronts``): "In Dresden hat die Polizei ..." -> "die Polizei",
        "Deswegen hat der BUND ..." -> "der BUND", not "Dresden" or "Deswegen"; else None."""
        s, lex = self.s, self.lex
        start = self.clause_start(cue)
        fronts = lex.word_set(kinds.VERB_SECOND_FRONTS_SET)
        if not fronts or not self.has(start, fronts):
            return None
        stop = cue + 1
        while stop < len(s) and s.lower[stop] not in _BREAKS:
            stop += 1
        return self._party_at(cue + 1, stop) if cue + 1 < stop else None

    def _target_complement(self, spans: dict[str, Span]) -> None:
        """Move a target's complement out of a claim that opens with it: when the claim right
        after the target's connector ("в", "de") holds the same connector again within
        ``MAX_PARTY_WORDS`` words, no break and no wrong before it, and a name between, the first
        one joined the target's noun to its complement (up to the last such connector) ("кандидата в мастера Артёма Белова в том, что ...",
        "accusent le port de plaisance de Sète de fermer ..."): the target runs to the second
        connector, the claim starts after it (not "accuse le maire de fraude de grande ampleur").
        """
        s = self.s
        target, claim = spans.get(TARGET), spans.get(CLAIM)
        if target is None or claim is None or claim.start != target.end + 1:
            return
        connector = s.lower[target.end]
        if connector == ",":  # "den Bürgermeister der Stadt, Jens Albrecht, der Untreue"
            person = self._apposed_name(target.end, ",", claim.end + 1, closing=False)
            if person is not None and person.end + 1 < claim.end:
                spans[TARGET], spans[CLAIM] = person, Span(person.end + 1, claim.end)
            return
        if not connector.isalpha():
            return
        last = None
        named: Span | None = None  # a name in apposition between commas before the connector
        for j in range(claim.start + 1, min(claim.end - 1, claim.start + 1 + MAX_PARTY_WORDS)):
            if s.lower[j] == ",":
                named = self._apposed_name(j, connector, claim.end)
                if named is not None:
                    last = named.end + 1  # "le maire de la ville, Jean Dupont, de ..."
                break
            if s.lower[j] in _BREAKS or s.lower[j] in _CLAUSE_BREAKS:
                break
            if s.lower[j] == connector:
                if self.wrongdoing(Span(claim.start, j)):
                    break
                last = j  # the last one: "le port de plaisance de Sète de fermer ..."
            elif not s.words[j][:1].isalpha() or (
                self.has(j, self.lex.prepositions) and not self.has(j, self.lex.name_connectors)
            ):
                break  # a figure or another preposition: "une baisse de 3 % à la Bourse de ..."
        if last is None or not any(self.name_word(k) for k in range(claim.start, last)):
            return  # the complement names someone or somewhere: not "de despedir a trabajadores"
        plain = [
            k
            for k in range(claim.start, last)
            if s.words[k][:1].islower()
            and not self.has(k, self.lex.determiners)
            and not self.has(k, self.lex.name_connectors)
        ]
        if len(plain) > MAX_ADJECTIVES or all(
            self.name_word(k) for k in range(last + 1, claim.end)
        ):
            return  # a claim of its own before a place: "в приёме мельдония перед этапом ... в Тюмени"
        if named is not None:
            spans[TARGET], spans[CLAIM] = named, Span(last + 1, claim.end)
            return
        if self.is_party(target) and not self.is_party(Span(target.start, last)):
            return
        spans[TARGET] = Span(target.start, last)
        spans[CLAIM] = Span(last + 1, claim.end)

    def _apposed_name(
        self, comma: int, connector: str, end: int, *, closing: bool = True
    ) -> Span | None:
        """Return the name set off by the comma at ``comma`` and a second one right before the
        target's connector again ("le maire de la ville, Jean Dupont, de détournement ..."),
        or (not ``closing``) right before the claim ("den Bürgermeister der Stadt, Jens
        Albrecht, der Untreue"): the person the role noun and its complement describe. Every
        word between the commas is a name word, and a claim follows."""
        s = self.s
        for k in range(comma + 1, min(end - 2, comma + 2 + MAX_PARTY_WORDS)):
            if s.lower[k] == ",":
                if k > comma + 1 and (not closing or s.lower[k + 1] == connector):
                    return Span(comma + 1, k)
                return None
            if not self.name_word(k):
                return None
        return None

    def subject_before_cue(self, obj: Span, cue: int) -> Span | None:
        """Return the subject between a fronted object and an impersonal cue's plural: a
        lower-case plural of ``complainants`` or ``role_nouns`` right before the cue, with one
        adjective before it ("Владельца лыжной базы местные инструкторы обвиняют в ...",
        "Разработчика банка бывшие сотрудники обвиняют в ..."); None when the object runs up to
        the cue ("Начальника полиции обвиняют в ...")."""
        head = cue - 1
        if (
            head < obj.end
            or capitalised(self.s.words[head])
            or not self.has(head, self.lex.word_set(kinds.SUBJECT_ROLE_ENDINGS_SET))
        ):
            return None
        if not (
            self.has(head, self.lex.word_set(kinds.COMPLAINANTS_SET))
            or self.has(head, self.lex.role_nouns)
        ):
            return None
        start = head
        if head - 1 >= obj.end and self.has(
            head - 1, self.lex.word_set(kinds.SUBJECT_ADJECTIVE_FORMS_SET)
        ):
            start = head - 1  # "местные инструкторы", "бывшие сотрудники"
        return Span(start, cue)

    def gerund_subject(self, i: int) -> Span | None:
        """Return the main clause's subject when the cue is an adverbial participle of accusing
        (``accusing_gerunds``) set off by a comma after that clause: "Глава МИД назвал арест
        произволом, обвинив США в ..." -> "Глава МИД" (the participle shares its subject).
        The subject opens the sentence (after fronted words that name no party) and no comma
        stands before it in the clause: "..., обвиняя" after a relative or an apposition is
        read by the other rules."""
        s = self.s
        if (
            i < 3
            or s.lower[i - 1] != ","
            or not self.has(i, self.lex.word_set(kinds.ACCUSING_GERUNDS_SET))
        ):
            return None
        start = self._claim_start(i - 1)
        if any(s.lower[j] in _CLAUSE_BREAKS for j in range(start, i - 1)):
            return None  # more than one clause before the participle: whose it is is unclear
        lead = self.lead_party(start, i - 1)
        if lead is None or not any(not punctuation(s.words[j]) for j in range(lead.end, i - 1)):
            return None  # the party right before the comma is the verb's object, no subject
        return lead

    def _relative_clause_subject(self, i: int) -> Span | None:
        """Return the subject before a relative clause with no commas that ends at the cue.

        "Un colectivo de repartidores que trabajan para la aplicación Comeya ... denuncia que
        ..." -> "Un colectivo de repartidores", not "aplicación Comeya". The clause opener is
        followed by its verb (no determiner, name or party: "El sindicato asegura que la
        empresa ..." is a clause of its own), and no punctuation stands between party and opener.
        """
        s, lex = self.s, self.lex
        start = self.clause_start(i)
        opener = start - 1
        if opener < 1 or start >= i or not self.has(opener, lex.clause_openers):
            return None
        if (
            punctuation(s.words[start])
            or capitalised(s.words[start])
            or self.has(start, lex.determiners)
            or self.pronoun(start)
            or self.head_word(start)
        ):
            return None
        found = self.lead_party(self.clause_start(opener), opener)
        if found is None or any(punctuation(s.words[j]) for j in range(found.end, opener)):
            return None
        return found  # "Un grupo de vecinos que ...": its head and complement

    def _appositive_subject(self, i: int) -> Span | None:
        """Return the subject set off by commas before the cue's clause, as its name.

        "El exdirector del banco, Ricardo Almeida, está acusado de ..." -> "Ricardo Almeida".
        """
        close = self.clause_start(i) - 1
        if close < 1 or self.s.lower[close] != ",":
            return None
        comma = close - 1
        while comma > 0 and self.name_word(comma):
            comma -= 1
        if self.s.lower[comma] != ",":
            return None
        found = self.appositive(comma)
        return found if found is not None and found.end == close else None

    def relative_subject(self, i: int) -> Span | None:
        """Return the subject a clause set off by commas follows, right before the cue.

        "Der Betriebsrat, der seit Monaten ... streitet, beschuldigt ..." -> "Der Betriebsrat";
        "Tomás Ruiz, que gobernó Marbella ..., está acusado ..." -> "Tomás Ruiz". The clause
        opens with a clause opener or a determiner (a relative pronoun); the subject starts
        the sentence.
        """
        s, lex = self.s, self.lex
        close = self.clause_start(i) - 1
        if close < 2 or s.lower[close] != "," or self.lead_party(close + 1, i) is not None:
            return None
        comma = close - 1
        while comma > 0 and s.lower[comma] not in _BREAKS:
            comma -= 1
        if comma < 1 or s.lower[comma] != "," or comma + 1 >= close:
            return None
        if not (
            self.has(comma + 1, lex.clause_openers)
            or self.has(comma + 1, lex.determiners)
            or self.role_word(comma + 1)  # "Manuel Roldán, presidente de ..., está investigado"
            or self.has(comma + 1, lex.prepositions)  # "La directora ..., en Paterna, está ..."
            # a participle's phrase: "Олег Сухов, руководивший заводом, ...", "Les parents,
            # réunis en collectif, dénoncent ..."
            or lex.initial_non_name_pattern.fullmatch(s.lower[comma + 1]) is not None
        ):
            return None
        if self.clause_start(comma) != 0:
            return None  # "Wegen ..., die ..., ": the subject must open the sentence
        found = self.lead_party(0, comma)
        return found if found is not None and found.start == 0 else None

    def claim_first_parties(self, m: Match) -> tuple[Span, Span] | None:
        """Return the accuser and target around the cue of a claim-first match, else None.

        "В фальсификации итогов ... местную избирательную комиссию обвинили наблюдатели от
        КПРФ", "В нарушении правил ВАДА обвиняет двукратную чемпионку ...": the claim names its
        wrong in its first words (not "В понедельник прокуратура обвинила ..."), no word of
        the pattern's first element follows the cue in its clause (the ordinary order, "...
        обвинила мэра в ..."), one party ends at the cue and one opens after it, and exactly
        one of them opens with an object's case form (``object_case_pattern``): the target.
        """
        s = self.s
        claim = m.spans.get(CLAIM)
        if claim is None or not self.wrongdoing(Span(claim.start, min(claim.end, claim.start + 2))):
            return None
        cue = claim.end  # the verb after the claim
        first = m.pattern.elements[0].forms
        for j in range(cue + 1, len(s)):
            if s.lower[j] in _CLAUSE_BREAKS or s.lower[j] in _CLAIM_BREAKS:
                break
            if self.has(j, first):
                return None
        before = next(
            (
                Span(j, cue)
                for j in range(cue - 1, max(claim.start, cue - MAX_PARTY_WORDS) - 1, -1)
                if self.party_end(j, cue) == cue and self.is_party(Span(j, cue))
            ),
            None,
        )
        if before is None:
            return self._object_subject_after(m, cue)
        if (
            self.object_opens(cue + 1)
            and not self.object_opens(before.start)
            and not any(self.name_word(j) for j in range(before.start, before.end))
            and (after := self._object_subject_after(m, cue))
        ):
            return after  # "В утечке данных городской поликлиники обвинила частную фирму «Код»
            # служба ...": a common noun before the verb is the claim's own complement when the
            # object and the subject follow the verb (not "... ФАС обвиняет ...")
        return self._before_and_after(claim, cue, before)

    def subject_to_end(self, head: int, last: int) -> bool:
        """Return True when a party opens at ``head`` and runs to ``last``: to its end, or with
        its complements after it in lower-case words and no preposition ("служба
        безопасности края"; not "компании ... к поставщикам «...»")."""
        end = self.party_end(head)
        if end <= head or not self.is_party(Span(head, last)):
            return False
        return all(
            self.s.words[j].isalpha()
            and self.s.words[j].islower()
            and not self.has(j, self.lex.prepositions)
            for j in range(end, last)
        )

    def object_opens(self, i: int) -> bool:
        """Return True when token i has an object's case form and is no capitalised name."""
        return (
            i < len(self.s)
            and self.lex.object_case_pattern.fullmatch(self.s.lower[i]) is not None
            and not capitalised(self.s.words[i])
        )

    def _before_and_after(self, claim: Span, cue: int, before: Span) -> tuple[Span, Span] | None:
        """Return the accuser and target of a claim-first match from the party that ends at
        its cue and the one after it: the one in an object's case is the target."""
        s, lex = self.s, self.lex
        start = before.start
        while (
            start - 1 > claim.start
            and lex.object_case_pattern.fullmatch(s.lower[start - 1])
            and not capitalised(s.words[start - 1])
            and self.party_end(start - 1, cue) == cue
        ):
            start -= 1  # "местную избирательную комиссию"
        if not lex.object_case_pattern.fullmatch(s.lower[start]):
            # a role in the object's case before its complement and name: "главу района
            # Сергея Гладкова" (the first party found was "Гладкова")
            for k in range(start - 1, max(claim.start + 1, cue - MAX_PARTY_WORDS) - 1, -1):
                if self.party_end(k, cue) != cue:
                    break
                if lex.object_case_pattern.fullmatch(s.lower[k]) and not capitalised(s.words[k]):
                    start = k
                    break
        before = Span(start, cue)
        end = self.party_end(cue + 1)
        after = Span(cue + 1, end) if end > cue + 1 else None
        if after is None or not self.is_party(after):
            return None
        if not any(self.name_word(j) for j in range(after.start, after.end)):
            after = self._role_person(after)  # "двукратную чемпионку мира по биатлону Дарью Гончар"
        before_object = lex.object_case_pattern.fullmatch(s.lower[before.start]) is not None
        after_object = lex.object_case_pattern.fullmatch(s.lower[after.start]) is not None
        if before_object and not after_object:
            return after, before
        if after_object and not before_object:
            return before, after
        return None

    def _object_subject_after(self, m: Match, cue: int) -> tuple[Span, Span] | None:
        """Return the accuser and target after the verb of a fronted claim with no party
        before the verb: the object first, then the subject, which ends the sentence (verb, object,
        subject: "Нарушения при утилизации отходов вменяет частной клинике «Медлайн»
        региональное управление Роспотребнадзора", "Завышение стоимости ремонта ... поставила
        в вину краевому департаменту ... Счётная палата Приморья"). The object opens right
        after the verb (past the pattern's words), no break between the two, nothing after the
        subject.
        """
        s = self.s
        start = cue + 1
        words = [e.forms for e in m.pattern.elements if not e.slot]
        while start < len(s) and any(self.has(start, forms) for forms in words):
            start += 1  # the pattern's words after the verb: "поставила в вину"
        first_end = self.party_end(start)
        target = Span(start, first_end)
        if first_end <= start or not self.is_party(target) or self.pronoun(start):
            return None
        # the object ends where the subject's first word (an adjective or a head not in an
        # object's case) begins: "краевому департаменту дорожного хозяйства | Счётная палата"
        lex = self.lex
        last = len(s) - 1 if s.lower[-1] in {".", "!"} else len(s)
        for k in range(start + 1, min(last, first_end + MAX_PARTY_WORDS)):
            if s.lower[k] in _BREAKS:
                return None
            if self.pronoun(k) or lex.object_case_pattern.fullmatch(s.lower[k]):
                continue
            if (
                self.object_opens(k - 1)
                and capitalised(s.words[k])
                and not self.object_opens(k + 1)
            ):
                continue  # the object's name after its role: "частную фирму Kodex"
            adjective = lex.subject_adjective_pattern.fullmatch(s.lower[k]) is not None
            if k < first_end and not adjective:
                continue  # inside the object, only its last adjective may open the subject
            head = k + 1 if adjective else k  # "Счётная палата Приморья"
            if head < last and self.subject_to_end(head, last):
                return Span(k, last), Span(start, k)
        return None

    def object_first_parties(self, m: Match) -> tuple[Span, Span] | None:
        """Return the accuser and target before the cue of an object-first match, else None.

        "Спортсменку сборной Дарью Иванову РУСАДА заподозрило в ...": the object opens the
        sentence with an object's case form (``object_case_pattern``), the subject follows it
        right before the cue and opens with none; no break between them, and the subject is
        the shortest party that ends at the cue ("РУСАДА") with its adjectives in the subject's
        case ("антидопинговое агентство").
        """
        s, lex = self.s, self.lex
        cue = m.cue
        if self.clause_start(cue) != 0 or cue < 2:
            return None
        accuser = next(
            (
                Span(j, cue)
                for j in range(cue - 1, max(0, cue - MAX_PARTY_WORDS) - 1, -1)
                if self.party_end(j, cue) == cue and self.is_party(Span(j, cue))
            ),
            None,
        )
        if accuser is None or accuser.start < 1 or accuser.start > MAX_SLOT:
            return None
        start = accuser.start
        while (
            start > 1
            and lex.subject_adjective_pattern.fullmatch(s.lower[start - 1])
            and not capitalised(s.words[start - 1])
        ):
            start -= 1  # "антидопинговое агентство"
        accuser = Span(start, cue)
        if lex.object_case_pattern.fullmatch(s.lower[accuser.start]):
            return None  # the word before the cue is an object too: no subject there
        target = Span(0, accuser.start)
        roles = lex.word_set(kinds.OBJECT_ROLE_FORMS_SET)
        if not (lex.object_case_pattern.fullmatch(s.lower[0]) or self.has(0, roles)):
            return None
        before = accuser.start - 1
        if roles and not lex.object_case_pattern.fullmatch(s.lower[before]):
            word, first = s.words[before], s.words[accuser.start]
            if (
                not before
                or (word[:1].isalpha() and not capitalised(word))
                or not first[:1].islower()
            ):
                return None  # "Директора школы обвиняют": the object's complement; "...
                # Сергея Лаптева обвиняют": the name's last word is no subject; "... члены
                # клуба обвиняют": a lower-case word before it may be the subject's head
        if self.pronoun(0):
            return None
        if any(s.lower[j] in _BREAKS for j in range(target.start, target.end)):
            return None
        if not any(
            self.role_word(j) or (j > 0 and self.name_word(j))
            for j in range(target.start, target.end)
        ):
            return None  # "Эту версию ...": a capitalised first word alone names no one
        return accuser, target

    def _role_person(self, role: Span) -> Span:
        """Return a role with the person's name that follows its complement in the same
        clause (two name words at least), else the role."""
        s = self.s
        for j in range(role.end, min(len(s), role.end + MAX_SLOT)):
            if s.lower[j] in _BREAKS:
                break
            if self.name_word(j):
                k = j
                while k < len(s) and k - j < MAX_PARTY_WORDS and self.name_word(k):
                    k += 1
                return Span(role.start, k) if k >= j + 2 else role
        return role

    def _relative_antecedent(self, i: int) -> Span | None:
        """Return the party before ", que" when the cue follows the relative word at once:
        "denuncian los regantes del Segura, que culpan a una planta solar de ..." -> "los
        regantes del Segura"."""
        s = self.s
        opener = self.clause_start(i) - 1
        if opener != i - 1 or opener < 2 or s.lower[opener] not in self.lex.clause_openers:
            return None
        if s.lower[opener - 1] != ",":
            return None
        return self.antecedent(self.clause_start(opener - 1), opener - 1)

    def _from_party(self, span: Span) -> Span:
        """Start a slot's span at its party: "formalmente a Durov" -> "Durov"."""
        found = self.lead_party(span.start, span.end)
        return Span(found.start, span.end) if found is not None else span

    def _claim_start(self, i: int) -> int:
        """Return where a claim before token i starts: after ";", ":" or at the sentence start."""
        for j in range(i - 1, -1, -1):
            if self.s.lower[j] in {";", ":"}:
                return j + 1
        return 0

    def _forward(
        self, elements: tuple[Element, ...], k: int, p: int, spans: dict[str, Span]
    ) -> bool:
        """Match elements[k:] from token p, filling slot spans; return True on success."""
        s = self.s
        if k == len(elements):
            return True
        e = elements[k]
        if not e.slot:
            if self.has(p, e.forms) and self._forward(elements, k + 1, p + 1, spans):
                return True
            return e.optional and self._forward(elements, k + 1, p, spans)
        if k == len(elements) - 1:  # the last slot
            end = self.claim_end(p) if e.slot == CLAIM else self.party_end(p)
            if end <= p and e.slot in _PARTY_SLOTS and k and not elements[k - 1].slot:
                # "для бывшего замминистра ... Ивана Сорокина"; a name set off after a role
                # first ("le vice-président du conseil de l'Aveyron, Marc Delbos, ...")
                found = self._named_after(p) or self._party_within(p)
                if found is None and e.slot == TARGET and "," in elements[k - 1].forms:
                    found = self._subject_after_fronted(p)
                if found is not None:
                    spans[e.slot] = found
                    return True
            if end <= p:
                return False
            named = self._named_after(p) if e.slot in _PARTY_SLOTS else None
            if named is None and e.slot in _PARTY_SLOTS:
                named = self._role_complement_name(p, end)
            spans[e.slot] = named or Span(p, end)
            return True
        if elements[k + 1].slot:  # two slots side by side: the first is a party
            if e.slot == CLAIM:
                return self._claim_before_party(elements, k, p, spans)
            end = self.party_end(p)
            if end <= p:
                return False
            spans[e.slot] = Span(p, end)
            return self._forward(elements, k + 1, end, spans)
        if e.slot == CLAIM and self.has(p, self.lex.negators):
            return False  # "wirft Durov nicht vor": a negation, not a claim
        party = e.slot in _PARTY_SLOTS or e.slot == GAP
        if e.slot in _PARTY_SLOTS and (
            p >= len(s)
            or (s.lower[p] in self.lex.np_stops and not self.partitive(p))
            or (punctuation(s.words[p]) and self.bare_quoted_name(p, len(s)) is None)
        ):
            return False  # "обвиняется в соучастии в ...": no party opens with "в"
        limit = min(len(s), p + MAX_SLOT) if party else len(s)
        breaks = _BREAKS if party else _CLAIM_BREAKS
        for q in range(p if e.slot == GAP else p + 1, limit + 1):
            if e.slot == GAP and q > p and self.has(q - 1, self.lex.negators):
                return False  # "geht ... nicht gerichtlich gegen X vor": a negation skipped
            if q > p and s.lower[q - 1] in breaks:
                if party and e.slot != GAP and s.lower[q - 1] == ",":
                    return self._appositive_slot(elements, k, q - 1, spans)
                return False
            if (
                party
                and q + 1 < len(s)
                and s.lower[q] in self.lex.name_connectors
                and (self.name_word(q + 1) or self.described_name(q) is not None)
            ):
                continue  # "le fondateur de Telegram de ...": the first "de" joins a name
            if party and e.slot != GAP and self._negated_slot(p, q):
                continue  # "hat die Staatsanwaltschaft keine Anklage erhoben"
            trial: dict[str, Span] = {}
            if self._forward(elements, k + 1, q, trial):
                if e.slot != GAP:
                    spans[e.slot] = self._from_party(Span(p, q)) if party else Span(p, q)
                spans.update(trial)
                return True
        return False

    def _party_within(self, start: int) -> Span | None:
        """Return the first party of a last slot's words when none opens it, up to a break.

        "запросило ... для бывшего замминистра цифрового развития Ивана Сорокина" -> "Ивана
        Сорокина": more lower-case words than a party's adjectives before the name (not a
        name after a connector: "le vice-président du conseil de l'Aveyron" is no "Aveyron").
        """
        s = self.s
        stop = start
        while stop < min(len(s), start + MAX_PARTY_WORDS + 2) and s.lower[stop] not in _BREAKS:
            stop += 1
        if start >= stop or s.lower[start] in self.lex.np_stops:
            return None
        for j in range(start, stop):
            if self.name_word(j):
                k = j - 1
                while k > start and s.lower[k] in self.lex.determiners:
                    k -= 1
                if s.lower[k] in self.lex.name_connectors:
                    return None  # "du conseil départemental de l'Aveyron": a complement
                end = self.party_end(j, stop)
                return Span(j, end) if end > j else None
        return None

    def _subject_after_fronted(self, start: int) -> Span | None:
        """Return the subject after a fronted participle's comma when it is a common noun
        with its determiner and complements: "Denunciado por varias trabajadoras, el encargado
        de un hotel de Benidorm está ..." -> "el encargado de un hotel de Benidorm"."""
        s, lex = self.s, self.lex
        j = start + 1
        if not (s.lower[start] in lex.determiners and j < len(s) and self._plain_word(j)):
            return None
        j += 1
        while j + 1 < len(s) and j - start < MAX_PARTY_WORDS and s.lower[j] in lex.name_connectors:
            k = j + 1
            while k < len(s) and s.lower[k] in lex.determiners:
                k += 1
            if k >= len(s) or not (self.name_word(k) or self._plain_word(k)):
                break
            j = k + 1
            while j < len(s) and self.name_word(j) and self.name_word(j - 1):
                j += 1  # "de Castilla y León", a name of several words
        return Span(start, j)

    def _named_after(self, start: int) -> Span | None:
        """Return the name set off by commas after a last party slot's role, if any.

        "Der Vorwurf gegen den Leiter des Jugendamts, Klaus Remmers, wiegt schwer" -> "Klaus
        Remmers"; "Soupçonné de ..., l'adjoint au maire, Luc Ferrand, a ..." -> "Luc Ferrand".
        """
        s = self.s
        for comma in range(start + 1, min(len(s), start + MAX_SLOT)):
            if s.lower[comma] in _BREAKS:
                if s.lower[comma] != ",":
                    return None
                return self.appositive(comma) or self._name_closing(comma)
        return None

    def _role_complement_name(self, start: int, end: int) -> Span | None:
        """Return a role with its complement and the name that ends the sentence after it:
        "— заявил депутат городской думы Артём Ковалёв." -> the whole, not "депутат"."""
        s, lex = self.s, self.lex
        if not any(self.role_word(j) for j in range(start, end)) or any(
            self.name_word(j) for j in range(start, end)
        ):
            return None
        j = end
        while j < min(len(s), end + MAX_ADJECTIVES) and not (
            self.name_word(j) or punctuation(s.words[j]) or s.lower[j] in lex.np_stops
        ):
            j += 1  # the role's complement: "городской думы"
        if j == end or j >= len(s) or not self.name_word(j):
            return None
        k = j
        while k < len(s) and k - j < MAX_PARTY_WORDS and self.name_word(k):
            k += 1
        if any(not punctuation(s.words[i]) for i in range(k, len(s))):
            return None
        return Span(start, k)

    def _name_closing(self, comma: int) -> Span | None:
        """Return the name after a role's comma that ends the sentence: "..., a lancé le
        porte-parole du collectif des riverains, Marc Lefranc." -> "Marc Lefranc"."""
        s = self.s
        end = comma + 1
        while end < len(s) and end - comma <= MAX_PARTY_WORDS and self.name_word(end):
            end += 1
        if end == comma + 1 or any(not punctuation(s.words[j]) for j in range(end, len(s))):
            return None
        start = self.clause_start(comma)
        if not any(self.role_word(j) for j in range(max(start, comma - MAX_SLOT), comma)):
            return None
        return Span(comma + 1, end)

    def _claim_before_party(
        self, elements: tuple[Element, ...], k: int, p: int, spans: dict[str, Span]
    ) -> bool:
        """Fill a claim that runs up to the party after it: the claim of a fronted participle.

        "Обвиняемый в мошенничестве с субсидиями фермер Аркадий Лысенко ..." -> claim
        "мошенничестве с субсидиями", then the party "фермер Аркадий Лысенко" (the first word
        that heads a party, within a party slot's reach, without crossing a comma).
        """
        s = self.s
        for q in range(p + 1, min(len(s), p + MAX_SLOT)):
            if s.lower[q - 1] in _BREAKS or s.lower[q] in _BREAKS:
                return False
            if not self.head_word(q) or capitalised(s.words[q - 1]):
                continue
            trial: dict[str, Span] = {}
            if self._forward(elements, k + 1, q, trial):
                spans[elements[k].slot] = Span(p, q)
                spans.update(trial)
                return True
        return False

    def _negated_slot(self, start: int, end: int) -> bool:
        """Return True when a party slot holds a negation after its first word.

        "Gegen X hat die Staatsanwaltschaft keine Anklage erhoben" (a negator right after a
        determiner is a noun: "une personne").
        """
        return any(
            self.negation(j) and not self.has(j - 1, self.lex.determiners)
            for j in range(start + 1, end)
        )

    def _appositive_slot(
        self, elements: tuple[Element, ...], k: int, comma: int, spans: dict[str, Span]
    ) -> bool:
        """Fill a party slot that reaches a comma with the name set off after it.

        "accuse l'ancien maire de Saint-Aubin, Patrick Renard, de ..." -> "Patrick Renard".
        """
        found = self.appositive(comma)
        if found is None:
            return False
        trial: dict[str, Span] = {}
        if not self._forward(elements, k + 1, found.end + 1, trial):
            return False
        spans[elements[k].slot] = found
        spans.update(trial)
        return True

    # ---- guards

    def negated(self, cue: int, claim: Span | None, own: Forms = NO_FORMS) -> bool:
        """Return True when a negation precedes the cue in its clause or follows it closely.

        A negator among ``own`` (the words of a pattern that names its negation itself: "вину
        не признаёт") negates nothing."""
        after_end = min(cue + 1 + NEGATION_AFTER, claim.start if claim else len(self.s))
        if claim is not None and self.s.lower[cue] == ",":
            after_end = claim.start  # a relative clause: ", à qui l'on ne reproche rien"
        before = range(self.clause_start(cue), cue)
        # a wrong of omission in a claim before its cue negates nothing ("Der Klub habe kein
        # Gehalt überwiesen, sagte A"), nor a never-done negator ("des heures jamais travaillées")
        omission = self.omission_tokens(claim.start, claim.end) if claim else set()
        return any(
            self.negation(j)
            and self.s.lower[j] not in own
            and j not in omission
            and not (claim is not None and self.never_done(j, claim))
            for j in (*before, *range(cue + 1, after_end))
        )

    def negated_after(self, start: int, object_party: bool = False) -> bool:
        """Return True when a negation follows a party in its clause: the predicate after a
        nominal cue ("Обвинения против X не подтвердились", "... ne sont pas fondées"); a
        relative clause set off by commas right after the party is passed over ("Eine Anklage
        gegen X, der ..., hält die Behörde nicht für geboten"). After a verb's object
        (``object_party``) a clause opener ends the search: a negation in a clause of its own
        is that clause's ("ha demandado a T por cobrar servicios que los clientes nunca
        contrataron")."""
        j = self.relative_clause_end(start)
        while j < len(self.s):
            if self.s.lower[j] in _CLAUSE_BREAKS or self.s.lower[j] in _CLAIM_BREAKS:
                return False
            if object_party and self.has(j, self.lex.clause_openers):
                return False
            if self.negation(j):
                return True
            j += 1
        return False

    def relative_clause_end(self, comma: int) -> int:
        """Return the token after a relative clause that opens with the comma at ``comma``
        (a clause opener or a determiner, the relative pronoun, right after it) and closes with
        the next comma of the sentence; ``comma`` itself when there is none."""
        s, lex = self.s, self.lex
        if comma + 1 >= len(s) or s.lower[comma] != ",":
            return comma
        if not (self.has(comma + 1, lex.clause_openers) or self.has(comma + 1, lex.determiners)):
            return comma
        for j in range(comma + 2, len(s)):
            if s.lower[j] == ",":
                return j + 1
            if s.lower[j] in _CLAIM_BREAKS:
                break
        return comma

    def hypothesis_at(self, j: int, *, before_cue: bool = True) -> bool:
        """Return True when word j is a hypothesis marker (``hypothetical``).

        An enclitic (``word_sets.enclitics``: ru "ли") never begins its sentence or a name, so a
        capitalised one is a name: "Ли Джэён подозревается в ...". A future auxiliary
        (``word_sets.future``: "будут предъявлены") counts ``before_cue`` only: a charge that may
        come later, while "... иск ..., будет решен" after the cue is another clause's future.
        """
        s, lex = self.s, self.lex
        if before_cue and s.lower[j] in lex.word_set(kinds.FUTURE_SET):
            return True
        if s.lower[j] not in lex.hypothetical:
            return False
        return not (capitalised(s.words[j]) and s.lower[j] in lex.word_set(kinds.ENCLITICS_SET))

    def hypothetical(self, cue: int) -> bool:
        """Return True when a hypothesis marker precedes the cue, or the cue is conditional."""
        s, lex = self.s, self.lex
        if s.lower[cue] == ",":  # a relative clause: its verb stands after the comma
            ends = _BREAKS | _CLAUSE_BREAKS
            cue = next((j for j in range(cue + 1, len(s)) if s.lower[j] in ends), len(s) - 1)
        if any(self.hypothesis_at(j) for j in range(cue)):
            return True
        around = range(self.clause_start(cue), min(cue + 2, len(s)))
        return any(
            lex.hypothetical_pattern.fullmatch(s.lower[j])
            and not (j and capitalised(s.words[j]))  # "en Almería": a name, not "acusaría"
            # "El sindicato de enfermería", "la consejería": a noun after an article or a
            # preposition, not a conditional verb
            and not (j and (self.has(j - 1, lex.determiners) or self.has(j - 1, lex.prepositions)))
            for j in around
        )

    def did_wrong(self, claim: Span, subject: Span | None, legal: bool = False) -> bool:
        """Return True when a claim says its subject did a wrong (an ``agent`` pattern's test).

        The claim's first clause, after the subject, must not be a passive
        ("la victime aurait été tuée": a harm done to the subject), hold no negation, and name
        a wrong in a word that is no name ("Pirates des Caraïbes" names a ride) unless its
        source is a legal one (``legal``: "d'après les enquêteurs, le conducteur roulait ...").
        """
        s, lex = self.s, self.lex
        clause = self.deed_clause(claim, subject)
        if clause is None:
            return False
        start, end = clause
        if legal:
            return True
        # where every noun is capitalised (German: a `common_noun_pattern`), a capitalised
        # word may name the wrong ("Schwarzarbeiter beschäftigt", "Kokain verkauft")
        nouns = lex.common_noun_pattern.pattern != "(?!)"
        recovered = self.recovered_words(Span(start, end))
        words = [
            s.lower[j]
            for j in range(start, end)
            if (j == 0 or nouns or not capitalised(s.words[j])) and j not in recovered
        ]
        text = " " + " ".join(words) + " "
        return (
            any(fragment in text for fragment in lex.wrongdoing)
            or (not nouns and self.institution_wrong(start, end))
            or self.passed_off(start, end)
            or self.favoured(start, end)
        )

    def institution_wrong(self, start: int, end: int) -> bool:
        """Return True when a listed wrong of several words spells a capitalised word whole:
        an institution written with a capital ("aux frais de l'État", "a costa del Estado").

        ``did_wrong`` reads a capitalised word as a name and leaves it out, so such an entry
        could never match. The capitalised word counts here only when the wrong opens on a word
        that is no name, it stands right after a determiner and no capitalised word follows
        it: "l'achat de Voix du Nord" (no determiner), "Pirates des Caraïbes" (a name opens
        it) and "aux frais de l'État Islamique" (a name of several words) name no wrong.
        """
        s, lex = self.s, self.lex
        at: list[int] = []  # where each token starts in the text
        text = " "
        for j in range(start, end):
            at.append(len(text))
            text += s.lower[j] + " "
        for fragment in lex.wrongdoing:
            if " " not in fragment.strip():
                continue
            found = text.find(fragment)
            while found >= 0:
                stop = found + len(fragment)
                covered = [
                    j
                    for j in range(start, end)
                    if at[j - start] < stop and at[j - start] + len(s.lower[j]) > found
                ]
                names = [j for j in covered if j and capitalised(s.words[j])]
                if (
                    names
                    and covered[0] not in names
                    and all(
                        found <= at[j - start]
                        and at[j - start] + len(s.lower[j]) <= stop
                        and self.has(j - 1, lex.determiners)
                        and not (j + 1 < len(s) and capitalised(s.words[j + 1]))
                        for j in names
                    )
                ):
                    return True
                found = text.find(fragment, found + 1)
        return False

    def passed_off(self, start: int, end: int) -> bool:
        """Return True when a clause's tokens pass goods or costs off as others: a verb of
        ``passing_off_verbs`` (selling, labelling, billing) and an "as" word of
        ``passing_off_as`` before a word, or an "under" word of ``passing_off_under`` before a
        determiner and a name or label of ``passing_off_names``, in either order ("etiquetaba como gallego mejillón
        importado", "als eigene Ware verkauft", "se faisait rembourser des vacances comme frais
        de mission"); not an "as" word that opens the clause."""
        lex = self.lex
        verbs = lex.word_set(kinds.PASSING_OFF_VERBS_SET)
        as_words = lex.word_set(kinds.PASSING_OFF_AS_SET)
        if not (verbs and as_words):
            return False
        under = lex.word_set(kinds.PASSING_OFF_UNDER_SET)
        names = lex.word_set(kinds.PASSING_OFF_NAMES_SET)
        return any(self.has(j, verbs) for j in range(start, end)) and any(
            (
                self.has(j, as_words)
                and j + 1 < end
                and self.s.words[j + 1][:1].isalpha()
                and not self.has(j + 1, lex.determiners)  # "comme des petits pains": a simile
            )
            # under another's name or label: "le vendre sous le nom de l'appellation",
            # "vendía ... bajo la etiqueta de virgen extra", "unter dem Namen ... verkauft"
            or (
                self.has(j, under)
                and self.has(j + 1, lex.determiners)
                and self.has(j + 2, names)
                and j + 2 < end
            )
            for j in range(start + 1, end)
        )

    def favoured(self, start: int, end: int) -> bool:
        """Return True when a clause's tokens give a post, a contract or public money to the
        doer's own kin: a verb of ``favour_verbs`` (awarding, entrusting, hiring) and a noun of
        ``kin_nouns`` right after a possessive of ``kin_possessives``, the doer's own ("a
        confié l'entretien ... à une société que dirige son beau-frère", "adjudicó ayudas a
        empresas de su familia", "Aufträge an Firmen aus seinem Bekanntenkreis vergeben"; not
        "a rendu visite à son frère": no such verb)."""
        lex = self.lex
        verbs = lex.word_set(kinds.FAVOUR_VERBS_SET)
        kin = lex.word_set(kinds.KIN_NOUNS_SET)
        possessives = lex.word_set(kinds.KIN_POSSESSIVES_SET)
        if not (verbs and kin and possessives):
            return False
        return any(self.has(j, verbs) for j in range(start, end)) and any(
            self.has(j, kin) and self.has(j - 1, possessives) for j in range(start + 1, end)
        )

    def harmed(self, claim: Span, subject: Span) -> bool:
        """Return True when the first clause of a claim after its subject holds an
        ``agent_passive`` word: a harm done to the subject ("... были отравлены ..."), or the
        subject is named by a harm done to it (``victim_attributes``: "похищенный американец
        — консультант ..."), or is a common noun for a person in an object's case
        (``victim_object_forms``: "женщину избил ...")."""
        victim = self.lex.word_set(kinds.VICTIM_ATTRIBUTES_SET)
        if any(self.has(j, victim) for j in range(subject.start, subject.end)):
            return True
        if not capitalised(self.s.words[subject.start]) and self.has(
            subject.start, self.lex.word_set(kinds.VICTIM_OBJECT_FORMS_SET)
        ):
            return True  # "По словам полиции, женщину избил её бывший муж": a common noun in an
            # object's case opening the claim is the one the deed was done to
        end = subject.end
        while end < claim.end and not (
            self.s.words[end] == "," or self.s.lower[end] in self.lex.clause_openers
        ):
            end += 1
        return any(
            self.s.lower[j] in self.lex.agent_passive for j in range(subject.end, end)
        ) or self.suffered(claim.start, end)

    def described(self, span: Span) -> Span | None:
        """Return the party a description set off by commas speaks of, when ``span`` ends such
        a description: the words since the comma before it open with an ``apposition_openers``
        form (an adjective or participle in an oblique case: "29-летнего уроженца Страсбурга",
        "идентифицированных бельгийскими властями") and the party before that comma ends at it
        ("Ивана Петрова", "двух мужчин"); else None."""
        s, lex = self.s, self.lex
        openers = lex.word_set(kinds.APPOSITION_OPENERS_SET)
        if not openers:
            return None
        comma = span.start - 1
        while comma >= 0 and s.words[comma] != ",":
            if s.lower[comma] in lex.clause_openers or punctuation(s.words[comma]):
                return None
            comma -= 1
        if comma < 1 or not self.has(comma + 1, openers):
            return None
        if self.has(comma + 1, lex.clause_openers) or capitalised(s.words[comma + 1]):
            return None
        end = comma
        if s.words[comma - 1] == ")" and (gloss := self.parenthesis_opening(comma - 1)):
            end = gloss  # "Шерифа Шекатта (Chérif Chekatt), 29-летнего уроженца ...": a gloss
        start = end - 1
        while start > 0 and not (
            punctuation(s.words[start - 1]) or s.lower[start - 1] in lex.clause_openers
        ):
            start -= 1
        found = self.antecedent(start, end)
        return found if found is not None and found.end == end else None

    def nominal_doer(self, claim: Span) -> Span | None:
        """Return the party a claim told as a noun phrase names as the doer: the claim opens
        with an attribute (``attribute_forms``: "незаконных"), then its head noun, then a
        party holding a name ("незаконных действий экс-мэра Юрия Лужкова" -> "экс-мэра Юрия
        Лужкова"); None otherwise, or in a language without the set."""
        forms = self.lex.word_set(kinds.ATTRIBUTE_FORMS_SET)
        j = claim.start
        if not forms or j + 2 >= claim.end or not self.has(j, forms):
            return None
        if capitalised(self.s.words[j + 1]) or punctuation(self.s.words[j + 1]):
            return None
        if self.has(j + 1, forms) or self.has(j + 1, self.lex.prepositions):
            return None
        found = self._party_at(j + 2, claim.end)
        if found is None or not any(self.name_word(k) for k in range(found.start, found.end)):
            return None
        return found

    def initial_thing(self, target: Span, claim: Span) -> bool:
        """Return True when an accusation's target is the sentence's first word alone, in an
        object's case (``object_case_forms``), capitalised only as its first word (no
        ``role_nouns`` word, no acronym, no name after it), and its claim, no clause, names no wrong ("Засуху обвиняют в росте цен", "Погоду
        обвинили в поражении": a thing blamed; not "Врача подозревают в подделке справок",
        "Владельца базы обвиняют в том, что ...")."""
        s = self.s
        if target.start != 0 or target.end != 1:
            return False
        if not self.has(0, self.lex.word_set(kinds.OBJECT_CASE_FORMS_SET)):
            return False  # a subject's case ("Telegram", "Routalia"): a name
        if self.has(0, self.lex.role_nouns) or self.has(1, self.lex.name_connectors):
            return False
        if not s.words[0][:1].isupper() or s.words[0].isupper():
            return False  # an acronym ("МВД") names a party
        if any(s.words[j] == "," for j in range(claim.start, claim.end)):
            return False  # a claim told as a clause ("в том, что ...") tells a deed of its own
        return not self.wrongdoing(claim)

    def suffered_first(self, claim: Span) -> bool:
        """Return True when a claim's first clause tells a harm done to its subject
        (``suffered``)."""
        end = claim.start
        while end < claim.end and not (
            self.s.words[end] == "," or self.s.lower[end] in self.lex.clause_openers
        ):
            end += 1
        return self.suffered(claim.start, end)

    def suffered(self, start: int, end: int) -> bool:
        """Return True when a clause's tokens hold a participle of a harm (``harm_participles``)
        and a passive auxiliary (``harm_passive_aux``), in either order: a harm done to the
        clause's subject ("la mujer fue agredida por su expareja", "wurde die Frau von ihrem
        Ex-Partner angegriffen"), not a wrong it did ("ha agredido a su expareja": no passive
        auxiliary)."""
        harm = self.lex.word_set(kinds.HARM_PARTICIPLES_SET)
        aux = self.lex.word_set(kinds.HARM_PASSIVE_AUX_SET)
        if not (harm and aux):
            return False
        return any(self.has(j, harm) for j in range(start, end)) and any(
            self.has(j, aux) for j in range(start, end)
        )

    def harm_agent(self, claim: Span) -> Span | None:
        """Return the party a nominal agent phrase names after a harm noun in a claim's first
        clause ("Benegas sufrió un intento de atentado por parte de ETA" -> "ETA": a
        ``nominal_agent_heads`` word between a preposition and a name connector, after a
        ``harm`` word), else None: the claim's subject suffered the harm."""
        s, lex = self.s, self.lex
        heads = lex.word_set(kinds.NOMINAL_AGENT_HEADS_SET)
        harm = lex.word_set(kinds.HARM_NOUNS_SET)
        if not heads or not harm:
            return None
        seen_harm = False
        for j in range(claim.start, claim.end - 2):
            if s.words[j] == "," or s.lower[j] in lex.clause_openers:
                return None
            seen_harm = seen_harm or self.has(j, harm)
            if not (
                self.has(j + 1, heads)
                and self.has(j, lex.prepositions)
                and self.has(j + 2, lex.name_connectors)
            ):
                continue
            first = j + 3
            while first < claim.end and self.has(first, lex.determiners):
                first += 1
            end = self.party_end(first, claim.end) if first < claim.end else first
            found = Span(first, end)
            return found if seen_harm and end > first and self.is_party(found) else None
        return None

    def deed_clause(self, claim: Span, subject: Span | None) -> tuple[int, int] | None:
        """Return the token range of a claim's first clause after its subject when it tells a
        deed of that subject: no ``agent_passive`` word ("la victime aurait été tuée", "Der
        Stürmer soll sich verletzt haben") and no negation; None otherwise."""
        s, lex = self.s, self.lex
        start = subject.end if subject is not None else claim.start
        end = start
        while end < claim.end and not (s.words[end] == "," or s.lower[end] in lex.clause_openers):
            end += 1
        if any(s.lower[j] in lex.agent_passive for j in range(start, end)):
            return None
        if self.suffered(claim.start, end):
            return None  # "la mujer fue agredida por su expareja": a harm done to the subject
        omission = self.omission_tokens(start, end)
        if any(
            self.negation(j) and j not in omission and not self.never_done(j, claim)
            for j in range(start, end)
        ):
            return None  # a negator of things never done denies nothing: "des examens jamais
            # pratiqués", "horas nunca trabajadas"
        return start, end

    def spaced(self, start: int, end: int) -> tuple[str, list[int]]:
        """Return the lower-case tokens of a range joined with a space on each side, and where
        each token starts in that text (so a ``wrongdoing`` fragment is found as whole words)."""
        text, starts = "", []
        for j in range(start, end):
            text += " "
            starts.append(len(text))
            text += self.s.lower[j]
        return text + " ", starts

    def omission_tokens(self, start: int, end: int) -> set[int]:
        """Return the tokens in a range that a ``wrongdoing`` fragment holding a negation
        covers: a wrong of omission or of things never done ("des séances jamais réalisées",
        "не доплачивала"), whose negation tells the wrong, not its denial."""
        s, lex = self.s, self.lex
        fragments = [f for f in lex.wrongdoing if any(w in lex.negators for w in f.split())]
        if not fragments:
            return set()
        text, starts = self.spaced(start, end)
        covered: set[int] = set()
        for fragment in fragments:
            at = text.find(fragment)
            while at >= 0:
                stop = at + len(fragment)
                covered |= {
                    start + k
                    for k, c in enumerate(starts)
                    if c + len(s.lower[start + k]) > at and c < stop
                }
                at = text.find(fragment, at + 1)
        return covered

    def claim_negated(self, claim: Span, subject: Span | None) -> bool:
        """Return True when a claim's first clause, after its subject, negates its wrong: a
        negation right before the word where the clause's first ``wrongdoing`` fragment starts,
        or before the auxiliaries that precede it ("la aplicación nunca vendía los datos", "no
        ha vendido"), unless that fragment holds the negation (a wrong of omission: "не
        доплачивала", "no pagar"); not "Telegram не модерировал преступный контент"."""
        s = self.s
        start = subject.end if subject is not None else claim.start
        end = start
        while end < claim.end and not (
            s.words[end] == "," or s.lower[end] in self.lex.clause_openers
        ):
            end += 1
        text, starts = self.spaced(start, end)
        found = [(text.find(f), f) for f in self.lex.wrongdoing if f in text]
        if not found or not starts:
            return False
        at, fragment = min(found)
        if any(word in self.lex.negators for word in fragment.split()):
            return False
        at += len(fragment) - len(fragment.lstrip())  # " cobró a ": the word, not the space
        j = start + max(k for k, c in enumerate(starts) if c <= max(at, starts[0])) - 1
        auxiliaries = self.lex.fallback_active_aux | self.lex.fallback_passive_aux
        while j >= start and not self.negation(j) and self.has(j, auxiliaries):
            j -= 1  # "no ha vendido", "n'a jamais vendu"
        return j >= start and self.negation(j)

    def blocked(self) -> bool:
        """Return True when the sentence holds a ``weak_blockers`` fragment (a verdict, a denial)."""
        text = " " + " ".join(self.s.lower) + " "
        return any(fragment in text for fragment in self.lex.weak_blockers)

    def blocked_everywhere(self) -> bool:
        """Return True when the sentence holds a ``blockers`` fragment: a cue noun as the
        predicate of a copula ("Der Film ist eine einzige Anklage gegen den Krieg"), a charge
        closed by an acquittal ("Le tribunal a relaxé le maire poursuivi pour ...")."""
        text = " " + " ".join(self.s.lower) + " "
        return any(fragment in text for fragment in self.lex.blockers)

    def legal_after_break(self, cue: int) -> str:
        """Return the legal source opening a clause after a ";" or a ``claim_stops`` sequence
        past the cue, else "": the accuser of a charge told before it ("... muss sich X
        verantworten; die Staatsanwaltschaft hat Anklage erhoben", "X sera jugé pour ..., a
        annoncé le parquet national financier")."""
        s, lex = self.s, self.lex
        for j in range(cue + 1, len(s) - 1):
            stop = next((seq for seq in lex.claim_stops if self.sequence_at(j, seq)), None)
            if s.lower[j] == ";":
                start = j + 1
            elif stop is not None:
                start = j + len(stop)
            else:
                continue
            found = self.lead_party(start, min(len(s), start + MAX_PARTY_WORDS))
            if (
                found is not None
                # "..., сообщило областное управление СК": two words may open the source
                and found.start <= start + 2
                and all(s.lower[k].isalpha() for k in range(start, found.start))
                and any(self.has(k, lex.legal_sources) for k in range(found.start, found.end))
            ):
                return clean(lex, s.original(found))
        return ""

    def party_before_break(self, i: int) -> Span | None:
        """Return the subject that opens the clause a ";" or ":" right before token i closes:
        "Ein 27-Jähriger wurde in Dortmund festgenommen; er soll ..." -> "Ein 27-Jähriger" (not
        "Dortmund", the last name before the pronoun); None when no party opens that clause.
        """
        s, lex = self.s, self.lex
        if i < 2 or s.lower[i - 1] not in {";", ":"}:
            return None
        start = self._claim_start(i - 1)
        if not (self.head_word(start) or self.has(start, lex.determiners)):
            return None
        end = self.party_end(start, i - 1)
        return Span(start, end) if end > start and self.is_party(Span(start, end)) else None

    def charged_around(self, claim: Span, cue: int) -> bool:
        """Return True when a claim is told of someone held or charged for it: a
        ``charge_context`` word outside the claim and the cue, not negated in its clause, and
        a claim that is no passive ("Ein 27-Jähriger wurde festgenommen; er soll ... gesprengt
        haben", not "... er soll dem Haftrichter vorgeführt werden", nor "Суд арестовал
        имущество ... по делу о ...", whose cue is the arrest)."""
        lex = self.lex
        if any(self.has(j, lex.fallback_passive_aux) for j in range(claim.start, claim.end)):
            return False
        return any(
            j != cue and self.has(j, lex.charge_context) and not self.negated(j, None)
            for j in (*range(claim.start), *range(claim.end, len(self.s)))
        )

    def complaint(self, claim: Span, source: Span | None) -> bool:
        """Return True when a complaining party's claim tells a wrong by its grammar.

        The source (the speaker or the party after "según"/"selon") holds a word of the word
        set ``complainants`` (customers, staff, residents, tenants, unions, a newspaper), and
        the claim a word of ``complaint_marks``: a privative before another word ("sin
        permiso", "sans prévenir"), a billing or keeping verb ("facturait des pièces", "les
        cargó"), a re-/over- derivation ("revendues"), a sink of nature ("en un barranco").
        A mark that is a negator ("nunca", "jamais") tells things never done only after a
        clause opener or before a word of ``complaint_participles`` ("viajes que nunca hizo",
        "des heures jamais travaillées"), not "la empresa nunca le cobró". No negation may
        stand in the claim before the mark ("n'a jamais facturé", "no les cobró").
        """
        lex = self.lex
        marks = lex.word_set(kinds.COMPLAINT_MARKS_SET)
        if source is None or not marks or not self.complaining(source):
            return False
        subject = self.claim_subject(claim)
        # a plan is no deed ("la empresa abrirá una planta en el río": ``agent_passive`` future
        # forms); a passive is ("leurs données ont été revendues": the complaining party's harm)
        end = subject.end if subject is not None else claim.start
        while end < claim.end and not (
            self.s.words[end] == "," or self.has(end, lex.clause_openers)
        ):
            if self.has(end, lex.agent_passive) and not self.has(end, lex.fallback_passive_aux):
                return False
            end += 1
        if self.owed(claim, subject):
            return True  # "un promoteur ne réglait jamais la dernière tranche de leurs factures"
        # keeping others' money for oneself ("se quedaba con la subvención"), no negation before
        for j in range(subject.end if subject is not None else claim.start, claim.end):
            if self.kept(j):
                return not any(self.negation(k) for k in range(claim.start, j))
        # a mark in the claim's subject tells no deed: "el río se desbordó"
        sinks = lex.word_set(kinds.COMPLAINT_SINKS_SET)
        excused = lex.word_set(kinds.COMPLAINT_EXCUSED_SET)
        places = lex.prepositions | lex.personal_markers
        for j in range(subject.end if subject is not None else claim.start, claim.end):
            if self.has(j, sinks):
                # a sink of nature after a preposition: "entierra ... en un barranco", "al mar"
                before = j - 1 if not self.has(j - 1, lex.determiners) else j - 2
                # "junto al arroyo", "près de la rivière": a place beside it, nothing put in it
                if self.has(before, places) and not self.has(before - 1, excused):
                    return not any(self.negation(k) for k in range(claim.start, j))
                continue
            if not self.has(j, marks):
                continue
            privative = self.has(j, lex.privatives)
            if privative and not (j + 1 < claim.end and self.s.words[j + 1][:1].isalpha()):
                continue  # "sin" closing the claim deprives nothing
            if privative and self.has(j + 1, excused):
                continue  # "sin retraso", "sans attendre": no duty left undone
            if self.has(j, lex.negators) and not self.never_done(j, claim):
                continue
            return not any(
                self.negation(k) and not self.never_done(k, claim) for k in range(claim.start, j)
            )
        if self.billed_not_given(claim, subject):
            return True
        return self.acted_on(claim, subject, source)

    def billed_not_given(self, claim: Span, subject: Span | None) -> bool:
        """Return True when a complaining party's claim bills for what was not given: a verb
        of ``billing_verbs`` (billing, charging, cashing in) in the claim's first clause,
        not negated, then a relative clause (a clause opener, or a word of
        ``relative_openers`` right after a comma) negated within its first four words: "leur
        bailleur leur facture ... un gardien qui n'existe plus", "le garagiste a facturé des
        pièces qu'il n'a pas changées", "la empresa cobra al Ayuntamiento por servicios que no
        presta" (not "la tienda no cobraba las bolsas que regalaba": the first clause negated;
        not "contrató a trabajadores que no hablaban inglés" nor "vendía productos que no
        llevan gluten": no billing verb)."""
        lex = self.lex
        relatives = lex.word_set(kinds.RELATIVE_OPENERS_SET)
        billing = lex.word_set(kinds.BILLING_VERBS_SET)
        if not billing:
            return False
        contrasts = lex.word_set(kinds.BILLING_CONTRASTS_SET)
        start = subject.end if subject is not None else claim.start
        if any(self.negation(k) for k in range(claim.start, start + 1)):
            return False
        for k in range(start + 1, claim.end):
            if (
                self.has(k, contrasts)
                and any(self.has(j, billing) for j in range(start, k))
                and any(self.negation(j) for j in range(k + 1, min(claim.end, k + 5)))
            ):
                # a second clause that says it was not given: "das Schneeräumen berechnet,
                # aber nie einen Gehweg geräumt", "cobraba ... y luego no lo declaraba"
                return True
            opener = self.has(k, lex.clause_openers) or (
                self.s.words[k - 1] == "," and self.has(k, relatives)
            )
            if not opener:
                if self.negation(k):
                    return False  # the claim's own clause negated
                continue
            return any(self.has(j, billing) for j in range(start, k)) and any(
                self.negation(j) for j in range(k + 1, min(claim.end, k + 5))
            )
        return False

    def owed(self, claim: Span, subject: Span | None) -> bool:
        """Return True when a complaining party's claim tells a payment owed to the party and
        never made: a verb of ``duty_verbs`` (paying, settling, refunding) with a negator at most
        three words before it or right after it, and a word for the speakers in the claim's first
        clause, an object pronoun of ``complaint_objects`` or a possessive of
        ``complaint_possessives`` ("Plusieurs artisans assurent qu'un promoteur ne réglait
        jamais la dernière tranche de leurs factures", "el dueño nunca les pagaba las horas
        extra"; not "la empresa nunca les cobraba la cuota": no duty)."""
        s, lex = self.s, self.lex
        duty = lex.word_set(kinds.DUTY_VERBS_SET)
        owners = lex.word_set(kinds.COMPLAINT_OBJECTS_SET) | lex.word_set(
            kinds.COMPLAINT_POSSESSIVES_SET
        )
        if not (duty and owners):
            return False
        start = subject.end if subject is not None else claim.start
        end = start
        while end < claim.end and not (s.words[end] == "," or self.has(end, lex.clause_openers)):
            end += 1
        if any(self.has(j, lex.agent_passive) for j in range(start, end)):
            return False  # a plan or a passive: "ne sera jamais payé"
        return any(self.has(j, owners) for j in range(start, end)) and any(
            self.has(j, duty)
            and any(self.negation(k) for k in range(max(start, j - 3), min(end, j + 2)))
            for j in range(start, end)
        )

    def misuse(self, start: int, end: int) -> bool:
        """Return True when tokens start to end hold a mark of gain or misuse
        (``reported_wrongs``): "en échange d'enveloppes", "aux frais du rectorat", "an Bekannte
        vergeben", "habría untado a dos técnicos"."""
        text, _ = self.spaced(start, end)
        return any(fragment in text for fragment in self.lex.reported_wrongs)

    def kept(self, j: int) -> bool:
        """Return True when token j is a verb of keeping for oneself: a habitual form of
        ``keeping_verbs`` after a reflexive pronoun of ``keeping_reflexives`` and before a word
        of ``keeping_after`` ("se quedaba con la subvención"; not "se quedaba en casa", nor
        "quedaba con sus amigos", nor a win, "el equipo se quedó con el trofeo")."""
        lex = self.lex
        verbs = lex.word_set(kinds.KEEPING_VERBS_SET)
        reflexives = lex.word_set(kinds.KEEPING_REFLEXIVES_SET)
        after = lex.word_set(kinds.KEEPING_AFTER_SET)
        return (
            bool(verbs and reflexives)
            and self.has(j, verbs)
            and self.has(j - 1, reflexives)
            and (not after or self.has(j + 1, after))
        )

    def acted_on(self, claim: Span, subject: Span | None, source: Span) -> bool:
        """Return True when a complaining party's claim tells a cost or a constraint put on
        the party itself: an object pronoun of ``complaint_objects`` that stands for the
        speakers ("их", "leur", "les", "ihnen") and a verb of ``complaint_object_verbs``
        (forcing, fining, charging, deducting) in the claim's first clause, an active deed
        (``deed_clause``: no negation, no ``agent_passive`` word, no passive auxiliary):
        "Продавцы рассказали, что их заставляли перепаковывать хлеб", "la empresa les
        descontaba del sueldo los productos" (not "El restaurante nos hacía trabajar los
        domingos": no such verb; not "no les cobró nada": negated). A claim with no subject
        before its speaker ("« Nos cobró ... », relatan unos vecinos de X") names no doer."""
        lex = self.lex
        objects = lex.word_set(kinds.COMPLAINT_OBJECTS_SET)
        verbs = lex.word_set(kinds.COMPLAINT_OBJECT_VERBS_SET)
        if not (objects and verbs):
            return False
        if (
            subject is not None
            and subject.end - subject.start == 1
            and self.has(subject.start, objects)
        ):
            subject = None  # "что их заставляли ...": the pronoun is the object, not the subject
        if subject is None and claim.start < source.start:
            return False  # a quotation with no subject before its speaker names no doer
        clause = self.deed_clause(claim, subject)
        if clause is None:
            return False
        span = range(*clause)
        if any(self.has(j, lex.fallback_passive_aux) for j in span):
            return False
        return any(self.has(j, objects) for j in span) and any(self.has(j, verbs) for j in span)

    def grievance(self, claim: Span, source: Span | None, cue: int) -> Span | None:
        """Return the subject of a claim that is a grievance by its construction, whatever its
        words; None when it is none.

        The speaker's verb (the cue, or a word between the source and the claim) is one of
        ``grievance_verbs`` ("Покупатели жалуются, что продавцы подмешивают в фарш воду", "se
        plaignent que", "beschweren sich", "se quejan de que"); the claim's subject is a
        party other than a lone pronoun (one no party list knows is the words before the
        claim's first verb form of ``complaint_habitual``: "продавцы мясного ряда"), and its
        first clause after the subject is an active deed (``deed_clause``: no
        ``agent_passive`` word, no negation; no passive or plan auxiliary) of two words at
        least. A complaining party's habitual deed alone is none: "Los vecinos afirman que el
        concejal trabajaba por las tardes".
        """
        lex = self.lex
        verbs = lex.word_set(kinds.GRIEVANCE_VERBS_SET)
        if source is None or not verbs:
            return None
        if not any(self.has(j, verbs) for j in (cue, *range(min(cue, source.end), claim.start))):
            return None
        habitual = lex.word_set(kinds.COMPLAINT_HABITUAL_SET)
        subject = self._verb_first_subject(claim, habitual) or self.claim_subject(claim)
        subject = subject or self._grievance_subject(claim, habitual)
        if subject is None or (subject.end - subject.start == 1 and self.pronoun(subject.start)):
            return None
        clause = self.deed_clause(claim, subject)
        if clause is None or clause[1] - clause[0] < 2:
            return None
        passive = lex.fallback_passive_aux | lex.word_set(kinds.GRIEVANCE_AUXILIARIES_SET)
        if any(self.has(j, passive) for j in range(*clause)):
            return None  # a passive or a plan: "die Pflegekräfte würden unter Tarif bezahlt"
        return subject

    def _verb_first_subject(self, claim: Span, habitual: Forms) -> Span | None:
        """Return the subject after a claim's first word when that word is a verb form of
        ``complaint_habitual`` before a determiner, the claim right after its source (verb
        second after a fronted source: "Nach Angaben von Anwohnern lässt der Betreiber des
        Imbisses ..." -> "der Betreiber des Imbisses"; not after a comma: "..., die über ...
        klagen, beschuldigen das Werk"), unless that comma closes the sentence's first clause
        opened by a word of ``fronted_clause_openers``: "Wie Anwohner berichten, lässt ein
        Landwirt ... Gülle in den Graben laufen" -> "ein Landwirt")."""
        s, lex = self.s, self.lex
        first = claim.start
        fronted = (
            self.has(0, lex.word_set(kinds.FRONTED_CLAUSE_OPENERS_SET))
            and "," not in (s.words[1 : first - 1])
        )
        if not (
            first > 0
            and self.has(first, habitual)
            and self.has(first + 1, lex.determiners)
            and (s.words[first - 1] != "," or fronted)
        ):
            return None
        end = self.party_end(first + 1, min(claim.end, first + 1 + MAX_PARTY_WORDS))
        return Span(first + 1, end) if end > first + 2 else None

    def verb_form(self, j: int, habitual: Forms) -> bool:
        """Return True when token j is a verb form of ``complaint_habitual``: not a noun of
        the same ending after a determiner or a preposition ("la gestoría", "zur maroden
        Brücke"; after a determiner of ``object_clitics`` it is: "les obligeait"), nor a
        capitalised
        word where every noun is capitalised (German "Gutachten")."""
        nouns = self.lex.common_noun_pattern.pattern != "(?!)"
        return (
            self.has(j, habitual)
            and not (
                self.has(j - 1, self.lex.determiners)
                and not self.has(j - 1, self.lex.word_set(kinds.VERB_CLITICS_SET))
            )
            and not self.has(j - 1, self.lex.prepositions)  # "zur maroden Rheinbrücke"
            and not (nouns and j > 0 and capitalised(self.s.words[j]))
        )

    def verb_subject(self, claim: Span) -> Span | None:
        """Return the words that open a claim before its first verb form of
        ``complaint_habitual`` (``_grievance_subject``), else None: the target of a claim
        that passed on its own words when no party list knows its subject."""
        lex = self.lex
        habitual = lex.word_set(kinds.COMPLAINT_HABITUAL_SET)
        if not habitual:
            return None
        found = self._verb_first_subject(claim, habitual)  # "lässt der Betreiber ..."
        if found is not None:
            return found
        found = self._grievance_subject(claim, habitual)
        if found is None or lex.common_noun_pattern.pattern == "(?!)":
            return found
        # where every noun is capitalised (German), a fronted object before the verb and a
        # party after it: "Ein Gutachten ... habe Oberbürgermeisterin Sabine Krüger ... unter
        # Verschluss gehalten" -> the party after the verb
        verb = found.end
        while not self.verb_form(verb, habitual):
            verb += 1
        stop = min(claim.end, verb + 1 + MAX_PARTY_WORDS)
        after = self.party_end(verb + 1, stop) if verb + 1 < stop else verb + 1
        if (
            after > verb + 1
            and self.is_party(Span(verb + 1, after))
            # not after a subject that is a named party: "die Metzgerei Hübner habe
            # abgepacktes Hackfleisch ... verkauft" (the goods after the verb are its object;
            # a name after a preposition is a complement: "Ein Gutachten zur Rheinbrücke")
            and not any(
                self.name_word(j)
                and not any(self.has(k, self.lex.prepositions) for k in range(found.start, j))
                for j in range(found.start, found.end)
            )
        ):
            return Span(verb + 1, after)
        return found

    def _grievance_subject(self, claim: Span, habitual: Forms) -> Span | None:
        """Return the words that open a claim before its first verb form of
        ``complaint_habitual`` (at most ``MAX_PARTY_WORDS``, no break, no preposition or
        pronoun first): "продавцы мясного ряда" of "продавцы мясного ряда подмешивают ..."."""
        s, lex = self.s, self.lex
        first = claim.start
        while first < claim.end and self.has(first, lex.determiners):
            first += 1
        if (
            first >= claim.end
            or not s.words[first][:1].isalpha()
            or self.has(first, lex.prepositions)
            or self.has(first, lex.np_stops)  # a clitic: "que se les obligaba a ..."
            or self.verb_form(first, habitual)  # "..., beschuldigen das benachbarte Werk"
            # no subject's case: "годами сбрасывает", "что задержанных активистов избивали"
            or self.has(first, lex.word_set(kinds.OBLIQUE_FORMS_SET))
            or self.pronoun(first)
            or self.negation(first)
        ):
            return None
        for k in range(first + 1, min(claim.end, first + 1 + MAX_PARTY_WORDS)):
            if (punctuation(s.words[k]) and s.words[k] not in {"«", "»"}) or self.negation(k):
                return None  # a break, or a negation: "начальство с весны не платит"
            if self.verb_form(k, habitual):
                end = k
                oblique = lex.word_set(kinds.OBLIQUE_FORMS_SET)
                while end > first + 1 and (
                    self.has(end - 1, lex.np_stops) or self.has(end - 1, oblique)
                ):
                    # an object pronoun or an adverb before the verb: "la gestoría les
                    # cobraba", "хозяева коптильни годами сливали"
                    end -= 1
                return Span(claim.start, end)
        return None

    def partitive(self, i: int) -> bool:
        """Return True when token i is a word of ``partitive_articles`` (French "d'", "de":
        "des" before a plural adjective) opening a complaining party of a lower-case adjective
        and its noun, one of them in ``complainants``: "Selon d'anciens employés, ...", "À en
        croire de nombreux clients, ..." (not "accusé de servir de refuge"); or of an
        indefinite plural determiner of ``partitive_determiners`` and any noun: "Selon d'autres
        témoignages, ..." ("d'autres" is the plural of "un autre")."""
        s, speakers = self.s, self.lex.word_set(kinds.COMPLAINANTS_SET)
        indefinite = self.lex.word_set(kinds.PARTITIVE_DETERMINERS_SET)
        return (
            self.has(i, self.lex.word_set(kinds.PARTITIVE_ARTICLES_SET))
            and i + 2 < len(s)
            and s.words[i + 1][:1].islower()
            and s.words[i + 2][:1].isalpha()
            and (
                self.has(i + 1, speakers)
                or self.has(i + 2, speakers)
                or (self.has(i + 1, indefinite) and not self.has(i + 2, self.lex.np_stops))
            )
        )

    def complaining(self, source: Span) -> bool:
        """Return True when a source's phrase, from the start of its clause, holds a word of
        ``complainants``: "Des étudiants logés dans une résidence de Grenoble affirment"; or
        a word of ``press_words`` (a newspaper's or a broadcaster's own work) opens it or
        follows it: "Nach Recherchen des NDR", "Según publica el 'Diario de Sevilla'", "Comme
        l'écrit Le Monde", "La Voz de Galicia publica que"."""
        speakers = self.lex.word_set(kinds.COMPLAINANTS_SET)
        start = min(source.start, self.clause_start(source.start))
        if any(self.has(j, speakers) for j in range(start, source.end)):
            return True
        press = self.lex.word_set(kinds.PRESS_WORDS_SET)
        return bool(press) and any(self.has(j, press) for j in range(start, source.end + 1))

    def complainant_name(self, source: Span, claim: Span) -> Span | None:
        """Return the party a complaint speaks of when its claim's subject is none: the party
        after an "against" word later in the sentence, else one in the complement of the claim's first noun ("los camiones de la contrata de limpieza Ebro
        Norte vacían ...", "les rejets nocturnes d'une usine d'engrais"), else one in the
        complement of the complaining party's noun ("D'anciennes salariées de la start-up
        Medilink affirment que leurs données ont été revendues" -> "start-up Medilink"; not the
        party's own name, "la plataforma Soria Ya", nor a name inside the claim)."""
        lex = self.lex
        for k in range(claim.start, len(self.s)):
            if self.has(k, lex.fallback_against):
                # "...; ils ont saisi la justice contre leur ancien maître d'apprentissage"
                first = k + 1
                while first < len(self.s) and self.has(first, lex.determiners):
                    first += 1
                end = self.party_end(first) if first < len(self.s) else first
                if end > first and self.is_party(Span(first, end)):
                    return Span(first, end)
                break
        head = claim.start
        while head < claim.end and self.has(head, lex.determiners):
            head += 1
        connector = head + 1
        while connector < min(claim.end, head + 1 + MAX_ADJECTIVES) and not (
            self.has(connector, lex.name_connectors) or self.has(connector, lex.np_stops)
        ):
            connector += 1  # "les rejets nocturnes d'une usine"
        if self.has(connector, lex.name_connectors) and not self.name_word(head):
            found = self._complement_party(connector, claim.end)
            if found is not None:
                return found
        start = min(source.start, self.clause_start(source.start))
        stop = source.end
        while stop < len(self.s) and not punctuation(self.s.words[stop]):
            stop += 1
        if start < claim.start:
            stop = min(stop, claim.start)
        speakers = lex.word_set(kinds.COMPLAINANTS_SET)
        noun = next(
            (
                j
                for j in range(start, stop)
                if self.has(j, speakers) and self.has(j + 1, lex.name_connectors)
            ),
            None,
        )
        return None if noun is None else self._complement_party(noun + 1, stop)

    def _complement_party(self, connector: int, stop: int) -> Span | None:
        """Return the party of the complement opened by a connector: its noun with the name
        after it ("de la contrata de limpieza Ebro Norte", "de una empresa de ambulancias de
        Murcia"), else a role noun right after it ("d'une usine d'engrais" -> "usine")."""
        lex = self.lex
        first = connector + 1
        while first < stop and self.has(first, lex.determiners):
            first += 1
        j = first
        while j < min(stop, first + MAX_PARTY_WORDS) and not self.name_word(j):
            if self.has(j, lex.np_stops) and not self.has(j, lex.name_connectors):
                break
            j += 1
        k = j
        while k < stop and k - j < MAX_PARTY_WORDS and self.name_word(k):
            k += 1
        if k > j:
            return Span(first, k)
        return Span(first, first + 1) if first < stop and self.role_word(first) else None

    def never_done(self, j: int, claim: Span) -> bool:
        """Return True when the negator at j, inside a claim, tells things never done rather
        than negating the claim: before a participle of ``complaint_participles`` after a
        noun ("des actes jamais réalisés", "horas nunca trabajadas"; not "n'ont jamais été
        payés"), or opening a relative clause inside the claim ("viajes que nunca hizo")."""
        lex = self.lex
        shapes = lex.word_set(kinds.COMPLAINT_PARTICIPLES_SET)
        if not (shapes and claim.start < j < claim.end and self.has(j, lex.negators)):
            return False
        # in a relative clause inside the claim: "viajes que nunca hizo", "des pièces neuves
        # qu'il ne changeait jamais" (not the claim's own first clause)
        relatives = lex.word_set(kinds.RELATIVE_OPENERS_SET)
        for k in range(j - 1, claim.start, -1):
            if self.s.words[k] == ",":
                break  # "dont l'alcootest était négatif, ne fera l'objet ...": the clause closed
            if self.has(k, lex.clause_openers):
                return True
            if (
                self.s.words[k - 1] == ","
                and self.has(k, relatives)
                and not capitalised(self.s.words[k + 1])
            ):
                return True  # ", die nie bestellt wurden" (not ", die Firma habe nie ...")
        auxiliaries = lex.fallback_active_aux | lex.fallback_passive_aux
        reported = (lex.word_set(kinds.SUBJUNCTIVE_SET), lex.word_set(kinds.HEARSAY_SET))
        return (
            self.has(j + 1, shapes)
            and not capitalised(self.s.words[j + 1])  # a noun: "kein Fehlverhalten"
            and not self.has(j - 1, auxiliaries)
            and not any(self.has(j - 1, forms) for forms in reported)  # "habe nie gezahlt"
            and not any(self.negation(k) for k in range(max(claim.start, j - 3), j))
        )

    def reported_view(self, claim: Span, subject: Span | None) -> bool:
        """Return True when a claim's only wrong is its subject's noun and the subject's verb
        (a word of ``claim_verbs`` within ``MAX_VIEW_VERB`` tokens) reports what it says or
        thinks: "dijo que los terroristas de ETA creen que ..." tells a view of theirs, no deed
        (not "dijo que los terroristas de ETA colocaron la bomba")."""
        if subject is None or subject.end >= claim.end:
            return False
        views = self.lex.word_set(kinds.CLAIM_VERBS_SET)
        return (
            any(
                self.has(j, views)
                for j in range(subject.end, min(claim.end, subject.end + MAX_VIEW_VERB))
            )
            and self.wrongdoing(subject)
            and not self.wrongdoing(Span(subject.end, claim.end))
        )

    def wrongdoing(self, span: Span) -> bool:
        """Return True when the span speaks of wrongdoing ("мошенничеств", "blanchiment").

        A noun naming a wrongdoer (``wrongdoer_nouns``) after the span's first word names
        another's wrong, not one the span tells ("трое полицейских окружили убийцу").
        """
        doers = self.lex.word_set(kinds.WRONGDOER_NOUNS_SET)
        fought = self.fought_words(span) | self.risk_words(span) | self.recovered_words(span)
        words = [
            self.s.lower[j]
            for j in range(span.start, span.end)
            if (j == span.start or self.s.lower[j] not in doers) and j not in fought
        ]
        text = " " + " ".join(words) + " "
        return any(fragment in text for fragment in self.lex.wrongdoing)

    def stance_claim(self, claim: Span) -> bool:
        """Return True when a claim names no wrong and opens, within ``MAX_STANCE`` tokens and
        before a comma or a clause opener, with a word of ``stance_nouns``: what a party is
        accused of is a message, a stance or a posture ("acusó a X de lanzar un mensaje basado
        en la confrontación", "acusa a Y de inmovilismo"), criticism, no wrongdoing. Languages
        without the set are not checked."""
        stances = self.lex.word_set(kinds.STANCE_NOUNS_SET)
        if not stances or self.wrongdoing(claim):
            return False
        for j in range(claim.start, min(claim.end, claim.start + MAX_STANCE)):
            if self.s.words[j] == "," or self.has(j, self.lex.clause_openers):
                return False
            if self.has(j, stances):
                return True
        return False

    def risk_words(self, span: Span) -> set[int]:
        """Return the tokens of a span that name a risk posed: up to ``MAX_RISK_WORDS`` after a
        word of ``risk_heads``, before a punctuation mark or clause opener ("лиц, представляющих
        угрозу госбезопасности", "может представлять угрозу для окружающих"): a danger someone
        is judged to be, no wrong done. Languages without the set keep all."""
        heads = self.lex.word_set(kinds.RISK_HEADS_SET)
        out: set[int] = set()
        if not heads:
            return out
        for j in range(span.start, span.end):
            if not self.has(j, heads):
                continue
            for k in range(j + 1, min(span.end, j + 1 + MAX_RISK_WORDS)):
                if punctuation(self.s.words[k]) or self.has(k, self.lex.clause_openers):
                    break
                out.add(k)
        return out

    def fought_words(self, span: Span) -> set[int]:
        """Return the tokens of a span that name a wrong as what is fought: from a word of
        ``fought_heads`` to the next punctuation mark or clause opener ("la limitación de los
        efectos de la violencia y el crimen organizado", "la lucha contra la corrupción"): a
        measure against a wrong, no one's wrongdoing. Languages without the set keep all."""
        heads = self.lex.word_set(kinds.FOUGHT_HEADS_SET)
        out: set[int] = set()
        if not heads:
            return out
        j = span.start
        while j < span.end:
            if not self.has(j, heads):
                j += 1
                continue
            k = j
            while k < span.end and not (
                punctuation(self.s.words[k]) or self.has(k, self.lex.clause_openers)
            ):
                out.add(k)
                k += 1
            j = k + 1
        return out

    def recovered_words(self, span: Span) -> set[int]:
        """Return the tokens of a span's clauses that hold a verb of finding or giving back
        (``recovery_verbs``), between punctuation marks and clause openers ("Die Polizei habe
        den gestohlenen Wagen gefunden", "La police aurait retrouvé la voiture volée"): a
        wrong there qualifies what was found, it is no wrong of the finder. Languages without
        the set keep all."""
        verbs = self.lex.word_set(kinds.RECOVERY_VERBS_SET)
        out: set[int] = set()
        if not verbs:
            return out
        clause: list[int] = []
        for j in (*range(span.start, span.end), span.end):
            if (
                j == span.end
                or punctuation(self.s.words[j])
                or self.has(j, self.lex.clause_openers)
            ):
                if any(self.has(k, verbs) for k in clause):
                    out.update(clause)
                clause = []
            else:
                clause.append(j)
        return out


def clean(lex: ClauseLexicon, name: str) -> str:
    """Return a name as shown: no edge punctuation, no leading article ("la fiscalía")."""
    words = name.strip(_EDGES).split()
    while len(words) > 1 and words[0].lower() in lex.determiners:
        words = words[1:]
        partitive = len(words) > 2 and words[0].lower() in lex.prepositions
        if partitive and words[1].lower() in lex.determiners:
            words = words[1:]  # a partitive: "six de ses collaborateurs" -> "collaborateurs"
    possessive = len(words) > 1 and any(words[0].lower() in f for f in lex.pronouns.values())
    if possessive and not capitalised(words[1]) and not punctuation(words[1]):
        words = words[1:]  # a possessive before a role: "его руководство" -> "руководство"
    text = " ".join(words).strip(_EDGES)
    if text.count("«") > text.count("»"):
        text += "»"  # "компании «Восток-Улов»": the closing mark was an edge
    for elided in ("'", "’"):  # "l'ONU" -> "ONU"
        head, sep, tail = text.partition(elided)
        if sep and head.lower() + elided in lex.determiners and tail:
            text = tail
    return text


class Paragraph:
    """What a paragraph has said so far: its names and its items (for pronouns)."""

    def __init__(self, earlier: Sequence[Mention] = ()) -> None:
        self.mentions: list[Mention] = []
        self.items: list[Allegation] = []
        self.openers: dict[int, str] = {}  # each sentence's opening role party, by index
        # the names of the article's paragraphs before this one, for a pronoun this paragraph
        # names no one for
        self.earlier: tuple[Mention, ...] = tuple(earlier)

    def article_person(self) -> str:
        """Return the person the article has named most often in its paragraphs before, by
        the stem of the name's last word, in its longest form ("Мухаммед Мурси", "Мурси",
        "Мурси", "Реджеп Тайип Эрдоган" -> "Мухаммед Мурси"); "" when no name is named twice.
        """
        counts: dict[str, list[str]] = {}
        for m in self.earlier:
            last = m.text.split()[-1]
            if m.governed or last.isupper():
                continue  # a complement, an acronym ("ИГ", "ФБР"): no person
            last = last.lower()
            key = last[: max(MIN_NAME_STEM, len(last) - MAX_NAME_ENDING)]
            counts.setdefault(key, []).append(m.text)
        if not counts:
            return ""
        forms = max(counts.values(), key=len)  # the first named wins a tie
        return max(forms, key=lambda t: len(t.split())) if len(forms) > 1 else ""

    def last_person(self) -> str:
        """Return the first full name (two words or more, not a complement) of the last
        sentence read before this paragraph ("Робел Филлипос — приятель Джохара Царнаева — был
        выпущен ... ¶ Его подозревают ..." -> "Робел Филлипос"); "" when it names none."""
        if not self.earlier:
            return ""
        last = self.earlier[-1].sentence
        tail: list[Mention] = []
        for m in reversed(self.earlier):
            if m.sentence != last:
                break
            tail.insert(0, m)
        return next(
            (
                m.text
                for m in tail
                if not m.governed and len(m.text.split()) > 1 and not m.text.split()[-1].isupper()
            ),
            "",
        )

    def note_opener(self, r: Reader, index: int) -> None:
        """Keep the party that opens a sentence when it holds a role ("Le parquet national
        financier s'intéresse ...", "Аудиторы министерства спорта проверили ..."): the accuser
        a pronoun stands for in the next sentence."""
        found = r.lead_party(0, min(len(r.s), MAX_SLOT))
        if (
            found is not None
            and found.start == 0
            and not r.pronoun(0)
            and any(r.role_word(j) for j in range(found.start, found.end))
        ):
            self.openers[index] = r.s.original(found)

    def names(self, r: Reader, index: int) -> list[Mention]:
        """Return the names of a sentence: runs of name words (and connectors between them)."""
        found: list[Mention] = []
        s, i = r.s, 0
        while i < len(s):
            if not r.name_word(i):
                i += 1
                continue
            j = i + 1
            while j < len(s) and (
                r.name_word(j)
                or (s.lower[j] in r.lex.name_connectors and j + 1 < len(s) and r.name_word(j + 1))
            ):
                j += 1
            k = i - 1 - r.has(i - 1, r.lex.determiners)
            # a connector that is also a preposition ("de", "von") governs a name when no name
            # word comes before it: "du théâtre municipal d'Angers", "grúa de Jaca" (a place in
            # a complement), not "Juan de la Cruz" (read as one name above)
            governed = (
                r.has(k, r.lex.prepositions)
                and (not r.has(k, r.lex.name_connectors) or not (k > 0 and r.name_word(k - 1)))
            ) or s.lower[j - 1].endswith(tuple(r.lex.genitive_endings))  # "des Tierschutzvereins"
            # a name in parentheses glosses the word before it: "à Brest (Finistère)", "(CMA)"
            governed = governed or (i > 0 and s.lower[i - 1] == "(")
            found.append(Mention(s.original(Span(i, j)), index, i, governed))
            i = j
        return found

    def referent(self, index: int, *, exclude: str, nouns_capitalised: bool = False) -> str:
        """Return what an object pronoun before the verb stands for: the last name of the
        sentences before ("La concejala ..., Marta Quesada, compareció ... La oposición la
        acusa de ..." -> "Marta Quesada"), else the previous item's target ("" if none). A name
        after a preposition is passed over when another is there ("Le député Marc Vasseur siège
        à l'Assemblée ... qui le soupçonne" -> "Marc Vasseur"). Where every noun is
        capitalised (German), the last such word is often a common noun, so the first of the
        sentence before stands for it, its subject ("Die Spedition Brenner hat 40 Fahrer
        eingestellt. Verdi wirft ihr vor, ..." -> "Spedition Brenner", not "Fahrer")."""
        earlier = [m for m in self.mentions if m.sentence < index and m.text != exclude]
        if earlier:
            free = [m for m in earlier if not m.governed] or earlier
            if nouns_capitalised:
                latest = max(m.sentence for m in free)
                return next(m for m in free if m.sentence == latest).text
            return free[-1].text
        return self.items[-1].target if self.items else ""

    def resolve(self, r: Reader, span: Span, *, index: int, accuser: bool, exclude: str) -> str:
        """Return the text of a slot, a pronoun resolved to a name of the paragraph ("" if none)."""
        cls = r.pronoun(span.start) if span.end - span.start == 1 else ""
        if not cls:
            return r.s.original(span)
        prev = self.items[-1] if self.items else None
        if accuser and cls != kinds.PERSON and prev is not None and prev.accuser:
            return prev.accuser
        fronts = r.lex.word_set(kinds.VERB_SECOND_FRONTS_SET)
        here = [
            m
            for m in self.mentions
            if m.sentence == index
            and m.token < span.start
            and not (m.token == 0 and r.has(0, fronts))  # "Darin wirft sie ...": no name
        ]
        earlier = [m for m in self.mentions if m.sentence < index]
        candidates = [m for m in here + earlier if m.text != exclude]
        if not candidates and accuser and index - 1 in self.openers:
            # "Аудиторы министерства ... проверили ... Они уличили ...": no name before, the
            # role that opened the sentence before
            return self.openers[index - 1]
        if (
            not candidates
            and not accuser
            and cls == kinds.PERSON
            and prev is None
            and not r.has(span.start - 1, r.lex.prepositions)
            and not any(r.pronoun(j) == kinds.PERSON for j in range(span.start))
        ):
            # a person the paragraph names no one for, subject or object of its verb: the
            # article's most named person ("... Мухаммед Мурси скончался ... ¶ Тогда же его
            # обвинили в связях с ... группировкой ..."; not "обвинение против него было
            # выдвинуто ...", a charge's complement, nor "По его словам, он начал ...", one
            # person's account of himself)
            return self.article_person() or self.last_person()
        if not candidates:  # "Der Minister soll ... Er weist ... zurück": the item's party
            return prev.target if prev is not None else ""
        if accuser and here:
            return here[0].text
        if accuser and cls == kinds.GROUP and span.start == 0 and index - 1 in self.openers:
            # a plural subject pronoun opening the sentence stands for the role that opened
            # the sentence before, not a place in its complement ("Les ostréiculteurs du
            # bassin de Thau ont perdu ... Ils accusent ..." -> "Les ostréiculteurs")
            return self.openers[index - 1]
        if accuser or span.start == 0:
            latest = max(m.sentence for m in candidates)
            last = [m for m in candidates if m.sentence == latest]
            if not accuser and cls == kinds.PERSON:
                # a person opening the sentence as the accused: the first full name of the
                # sentence before, not a capitalised word of an office's name ("... отделом
                # Главного следственного управления ... в отношении Алексея Дудки ... Он
                # обвиняется ..." -> "Алексея Дудки")
                full = [
                    m
                    for m in last
                    if not m.governed
                    and len(m.text.split()) > 1
                    and not m.text.split()[-1].isupper()
                ]
                if full:
                    return full[0].text
                named = self.article_person()
                if named and named != exclude and all(m.text.split()[-1].isupper() for m in last):
                    # only an acronym before ("... арестован сотрудниками НКВД СССР. Ему
                    # предъявлено обвинение ..."): a body, no person; the article's most named
                    return named
            # a complement is passed over: "Der Vorsitzende des Tierschutzvereins, Jürgen
            # Kessler, ... Er soll ..." -> "Jürgen Kessler"
            return next((m for m in last if not m.governed), last[0]).text
        if cls == kinds.PERSON and not [m for m in here if m.text != exclude]:
            # a person: the first full name (two words at least) of the sentence before, not a
            # later place ("Karim Belkacem dirige l'office HLM de Meaux. ... contre lui")
            latest = max(m.sentence for m in candidates)
            person = next(
                (m for m in candidates if m.sentence == latest and len(m.text.split()) > 1), None
            )
            if person is not None:
                return person.text
            # no full name there: the article's most named person, not a place of a sentence
            # between ("... президента Бингу ва Мутарика. ... в столице Малави ... Противники
            # ... обвиняли его в ..." -> "Бингу ва Мутарика", not "Малави")
            named = self.article_person()
            if named and named != exclude:
                return named
        # the nearest name before it in its sentence, not the accuser's ("Selon un rapport de la
        # DREAL, elle stockait ...": "elle" is the site of the sentence before)
        near = [m for m in here if m.text != exclude]
        # a complement is passed over here too: "Der Bürgermeister steht unter Druck. Die
        # Stadträte werfen ihm vor, ..." -> "Bürgermeister", not "Druck"
        free = [m for m in candidates if not m.governed] or candidates
        if near:
            return near[-1].text
        # with none before it in its sentence, the subject of the sentence before: "Die Firma
        # Datenwerk ... entwickelt Software ... Nach Angaben des A hat sie ..." -> "Firma Datenwerk"
        latest = max(m.sentence for m in free)
        return next(m for m in free if m.sentence == latest).text


Fallback = Callable[[Reader, Paragraph, int], Allegation | None]


def extract_items(
    paragraphs: list[list[str]],
    lex: ClauseLexicon,
    same: Callable[[str, str], bool],
    fallback: Fallback | None = None,
) -> list[Allegation]:
    """Read each sentence as an item or a response, then link the responses to the items.

    ``fallback`` reads a sentence that no pattern reads and that holds no response.
    """
    items: list[Placed] = []
    responses: list[PlacedResponse] = []
    earlier: list[Mention] = []  # the names of the paragraphs read so far
    for p, sentences in enumerate(paragraphs):
        ctx = Paragraph(earlier)
        for k, text in enumerate(sentences):
            r = Reader(lex, text)
            here = ctx.names(r, k)
            ctx.mentions.extend(here)
            ctx.note_opener(r, k)
            item = _item(r, ctx, k)
            answer = _response(r, ctx, k)
            if item is None and answer is None and fallback is not None and not denied(r):
                item = fallback(r, ctx, k)
            if item is not None:
                if answer is not None and answer[0].responder != item.accuser:
                    item = replace(item, responses=(answer[0],))
                items.append(Placed(p, k, item))
                ctx.items.append(item)
            elif answer is not None:
                responses.append(PlacedResponse(p, k, *answer))
        earlier.extend(ctx.mentions)
    return link(items, responses, same)


def _item(r: Reader, ctx: Paragraph, index: int) -> Allegation | None:
    """Return the sentence's item: its first match that passes the guards and names parties."""
    if is_question(r):
        return None
    found = [m for m in r.allegation_matches() if _passes(r, m)]
    found = [m for m in found if not _reports_charge(m, found)]
    for m in found:
        claim = m.spans.get(CLAIM)
        accuser_span = m.spans.get(ACCUSER)
        target_span = m.spans.get(TARGET)
        if (
            claim is not None
            and not m.pattern.target_in_claim
            and TARGET not in {e.slot for e in m.pattern.elements}
            and not (m.pattern.claim_first or m.pattern.object_first)
            and any(
                r.has(j, r.lex.word_set(kinds.PARTY_IN_CLAIM_SET))
                for j in range(claim.start, claim.end)
            )
        ):
            continue  # "возбудил дело о мошенничестве против директора ...": the party the
            # claim names is read by another reading, not left out
        if m.pattern.claim_first:
            around = r.claim_first_parties(m)
            if around is None:
                continue
            accuser_span, target_span = around
        if m.pattern.object_first:
            around = r.object_first_parties(m)
            if around is None:
                continue
            accuser_span, target_span = around
        if (
            target_span is not None
            and claim is not None
            and claim.end <= target_span.start
            and (participle := r.participle_party(m.cue, target_span)) is not None
        ):
            target_span = participle  # "по поимке двух подозреваемых в убийстве 12 человек"
        if (
            target_span is not None
            and claim is not None
            and target_span.end < m.cue
            and m.cue + 1 == claim.start
            and (doer := r.nominal_doer(claim)) is not None
        ):
            # a hedge inside a noun phrase, its slot far before it: "проводят проверки по
            # фактам якобы незаконных действий экс-мэра Юрия Лужкова" -> whose deeds they are,
            # not "России" of the sentence's subject
            target_span = doer
        if (
            target_span is not None
            and target_span.end < len(r.s)
            and r.s.words[target_span.end] == ","
        ):
            # a relative clause on a description set off after a name: "Ивана Петрова,
            # 29-летнего уроженца Страсбурга, которого ...", "двух мужчин, задержанных
            # полицией, которых ..." -> the party the description speaks of
            target_span = r.described(target_span) or target_span
        if target_span is None and m.pattern.target_in_claim and claim is not None:
            target_span = r.grievance(claim, accuser_span, m.cue) or r.claim_subject(claim)
            target_span = target_span or r.interrupted_subject(m.cue, claim)
            target_span = r.harm_agent(claim) or target_span
            if claim.end <= m.cue and (
                about := r.about_party(accuser_span.end if accuser_span else m.cue)
            ):
                # a claim before its speaker, who names whom it is about after speaking: that
                # party, not the claim's first word ("« Il nous a vendu ... », affirment des
                # parents à propos de l'organisateur"; "«Обещал ...», — рассказали ... о
                # фотографе ...")
                target_span = about
        # a fixed slot's determiner phrase is a party when the claim names a wrong ("acusa a
        # la cadena de incumplir ...", not "El Real Madrid acusó el cansancio del partido") or
        # it is a legal source ("según la investigación, ...")
        fixed = _fixed_slots(m.pattern)
        wrong = claim is not None and (m.pattern.reproach or r.wrongdoing(claim))
        if (
            m.pattern.object_clitic
            and target_span is None
            and _complement_slot(r, accuser_span, claim.start if claim else m.cue)
        ):
            # "Le ministère ... a réagi, dénonçant les déclarations du président et l'accusant
            # de ...": the slot before the pronoun is a complement, the name the pronoun stands
            # for; the participle's subject opens the sentence
            assert accuser_span is not None
            target_span = Span(accuser_span.start + 1, accuser_span.end)
            accuser_span = r.lead_party(0, accuser_span.start)
        accuser = slot_party(
            r,
            ctx,
            accuser_span,
            index,
            accuser=True,
            exclude="",
            fixed=ACCUSER in fixed,
            wrong=wrong,
        )
        # people counted after a personal "a" are a party whatever their noun: "acusa a dos
        # técnicos de firmar informes sin revisarlos" (not "culpan a la sequía de ...")
        personal = (
            target_span is not None
            and r.has(target_span.start - 1, r.lex.personal_markers)
            and (
                r.has(target_span.start, r.lex.person_counts)
                or r.s.lower[target_span.start].isdigit()
            )
        )
        target = slot_party(
            r,
            ctx,
            target_span,
            index,
            accuser=False,
            exclude=accuser,
            fixed=TARGET in fixed,
            wrong=wrong or personal,
        )
        if not target and target_span is not None and r.place(target_span):
            # a place before the verb, the subject after it: "в Великобритании была задержана
            # россиянка Екатерина З. по подозрению в ...", "В Новосибирске задержан
            # управляющий сетью автомоек, подозреваемый в ..."
            end = claim.start if claim is not None and claim.start > target_span.end else m.cue
            end = next((j for j in range(target_span.end, end) if r.s.lower[j] == ","), end)
            after = r.lead_party(target_span.end, end) if end > target_span.end else None
            target = (
                ""
                if after is None
                else slot_party(r, ctx, after, index, accuser=False, exclude=accuser)
            )
        if (
            accuser_span is not None
            and target_span is not None
            and target_span.end <= accuser_span.start
            and accuser_span.end - accuser_span.start == 1
            and r.pronoun(accuser_span.start)
            and r.has(accuser_span.start - 1, r.lex.clause_openers)
        ):
            # the subject pronoun of a relative clause on the target stands for the sentence's
            # subject: "Quatorze livreurs ont saisi les prud'hommes contre la plateforme Kolis,
            # qu'ils accusent de ..." -> "Quatorze livreurs", not "Bobigny"
            accuser = _main_subject(r, target_span.start, target) or accuser
        if (
            m.pattern.object_clitic
            and not {ACCUSER, TARGET} & {e.slot for e in m.pattern.elements}
            and m.cue != r.clause_start(m.cue)
        ):
            continue  # a subject left out ("Está acusado de ..."): the verb opens the clause
        if m.pattern.object_clitic and not target:
            # "La oposición la acusa de ...": the object pronoun stands for a name before; with
            # none, another reading may find it in the sentence ("Une collaboratrice du député
            # l'accuse de ..."); in a relative clause after the accuser it stands for the
            # sentence's subject ("Trois hommes ont été interpellés par la police, qui les
            # soupçonne de ...")
            target = _relative_clitic_target(r, accuser_span, accuser, m.cue)
            capitalised_nouns = r.lex.common_noun_pattern.pattern != "(?!)"
            target = target or clean(
                r.lex,
                ctx.referent(index, exclude=accuser, nouns_capitalised=capitalised_nouns),
            )
            opener = ctx.openers.get(index - 1, "")
            if not target and accuser_span is not None and r.pronoun(accuser_span.start) and opener:
                # "Le parquet ... s'intéresse au groupe Hestia. Il le soupçonne ...": both
                # pronouns, one name before; the subject stands for the role that opened the
                # sentence before, the object for the name
                accuser = clean(r.lex, opener)
                target = clean(
                    r.lex,
                    ctx.referent(index, exclude=accuser, nouns_capitalised=capitalised_nouns),
                )
            if not target:
                target = _clause_before_subject(r, accuser_span, accuser)
            if not target:
                continue
        if (
            not target
            and m.pattern.target_in_claim
            and claim is not None
            and accuser_span is not None
            and r.complaining(accuser_span)
            and (named := r.complainant_name(accuser_span, claim)) is not None
        ):
            target = clean(r.lex, r.s.original(named))  # "salariées de la start-up Medilink"
        if (
            not target
            and m.pattern.target_in_claim
            and claim is not None
            and (
                (grieved := r.grievance(claim, accuser_span, m.cue)) is not None
                # a claim that passed on its own words: its subject is no act ("Ce vol « fait
                # partie des violences ... »") and, unless a complaining party tells it, did the
                # wrong ("La jeune femme a survécu à l'attaque, a indiqué ...": harmed)
                or (
                    (grieved := r.verb_subject(claim)) is not None
                    and not r.wrongdoing(grieved)  # an act, not a party
                    and (
                        (accuser_span is not None and r.complaining(accuser_span))
                        or r.did_wrong(claim, grieved)
                    )
                )
            )
            # not a name before a relative clause whose pronoun speaks: "фабрика «Северный
            # текстиль», которая утверждает, что площадка ..."
            and not (
                accuser_span is not None
                and any(r.has(j, r.lex.clause_openers) for j in range(accuser_span.end, m.cue))
            )
        ):
            # "que le bar Le Cactus sert ...", "que una red de talleres de Murcia manipulaba"
            target = clean(r.lex, r.s.original(grieved))
        if (
            not target
            and target_span is None
            and m.pattern.target_in_claim
            and claim is not None
            and accuser_span is not None
            and accuser_span.end <= m.cue < claim.start
            and any(r.s.words[j] in {":", ";"} for j in range(accuser_span.start))
        ):
            # a claim with no subject of its own after a colon or a semicolon (not an
            # apposition's comma: "La correspondante ..., Sonia Dridi, affirme avoir été
            # agressée"): the party that opened the sentence ("Un exdirector de una escuela ... tendrá que declarar como investigado:
            # el juez sospecha que desvió fondos ..." -> "exdirector de una escuela ...")
            target = _clause_before_subject(r, accuser_span, accuser)
        if (ACCUSER in m.spans and not accuser) or (TARGET in m.spans and not target):
            continue  # the pattern's slot holds no party: another reading may
        if target_span is not None and any(
            r.has(j, r.lex.victims) for j in range(target_span.start, target_span.end)
        ):
            continue  # "la victime aurait ...": the harmed party is no target
        if target_span is not None and r.has(target_span.start - 1, r.lex.word_set(kinds.AS_SET)):
            continue  # "reconnues comme des perturbateurs ... ou suspectées de l'être": a
            # predicate after "as", no party
        names_target = TARGET in {e.slot for e in m.pattern.elements} or m.pattern.target_in_claim
        if m.pattern.kind == kinds.ACCUSATION and target and not accuser and _subject_first(r, m):
            # "Обе стороны конфликта обвиняют в эскалации насилия друг друга": the subject in
            # its own case opening an object-first pattern accuses; whom it names is not read
            accuser, target, names_target = target, "", False
        if (names_target and not target) or not (accuser or target):
            continue
        if m.pattern.weak and (
            court_target(r, target)
            or (
                _legal_span(r, accuser_span)
                and _legal_named(r, target)
                and not (claim is not None and r.wrongdoing(claim))
            )
        ):
            # reported speech or a source about a court ("Прокурор заявил, что суд смягчил ей
            # наказание"), or a legal source about the law's own work with no wrong named ("По
            # мнению СК, следствием собрана ... база"): no party's wrong
            continue
        if not accuser:  # "X aurait fait Y, selon le parquet": the source another match names
            accuser = next((a for a in _sources(r, ctx, found, index, m) if a != target), "")
        if not accuser:  # "...; die Staatsanwaltschaft hat Anklage erhoben"
            accuser = r.legal_after_break(m.cue)
        if not accuser:  # "..., wie die Agentur mitteilte": a source whose own reading found
            # no wrong in its claim still names who speaks, unless it is negated
            others = [o for o in r.allegation_matches() if o not in found]
            others = [o for o in others if not _negated_match(r, o)]
            accuser = next((a for a in _sources(r, ctx, others, index, m) if a != target), "")
        return Allegation(
            sentence=r.s.text,
            accuser=accuser,
            target=target,
            claim=r.s.original(claim or Span(m.cue, r.claim_end(m.cue))),
            kind=m.pattern.kind,
        )
    return None


def _relative_clitic_target(r: Reader, accuser: Span | None, named: str, cue: int) -> str:
    """Return the sentence's subject when the object pronoun's clause is a relative one set
    off by a comma right after the accuser: "Cinco personas han sido arrestadas por los
    Mossos, que les atribuyen ..." -> "Cinco personas"; "" when there is no such clause, the
    subject is a pronoun (its name is in a sentence before) or it is the accuser."""
    if accuser is None or accuser.start == 0:
        return ""
    # the comma closes the accuser's name ("los Mossos d'Esquadra, que les atribuyen")
    comma = next(
        (j for j in range(accuser.end, min(cue + 1, accuser.end + 4)) if r.s.lower[j] in _BREAKS),
        None,
    )
    if comma is None or r.s.lower[comma] != "," or not r.has(comma + 1, r.lex.clause_openers):
        return ""
    if not comma <= cue <= comma + 4:
        return ""  # the pronoun and its verb follow the relative word
    return _main_subject(r, accuser.start, named)


def _main_subject(r: Reader, end: int, named: str) -> str:
    """Return the party that opens the sentence's main clause before ``end``, as a name; ""
    when it is a pronoun (its name is in a sentence before), a preposition's object ("...
    arrestadas en Badalona por ...": a place) or the party ``named``."""
    lead = r.lead_party(r._claim_start(end), end)  # after a ":" ("Entente sur les prix : ...")
    if lead is None or lead.start != r.clause_start(lead.start) or r.pronoun(lead.start):
        return ""
    before = lead.start - 1
    while before > 0 and r.has(before, r.lex.determiners):
        before -= 1
    if before >= 0 and r.has(before, r.lex.prepositions):
        return ""
    found = clean(r.lex, r.s.original(lead))
    low, other = found.lower(), named.lower()
    return "" if not found or (other and (low in other or other in low)) else found


def _clause_before_subject(r: Reader, accuser: Span | None, named: str) -> str:
    """Return the party that opens the sentence when the object pronoun's clause follows a
    break after it: "Le gérant du club dort en garde à vue : les enquêteurs le soupçonnent
    de ..." -> "gérant du club"; "" when the pronoun's clause opens the sentence, or when that
    party is the accuser."""
    if accuser is None or accuser.start == 0:
        return ""
    lead = r.lead_party(0, accuser.start)
    if lead is None or not any(
        r.s.lower[j] in _CLAUSE_BREAKS for j in range(lead.end, accuser.start)
    ):
        return ""
    found = clean(r.lex, r.s.original(lead))
    low, other = found.lower(), named.lower()
    return "" if not found or (other and (low in other or other in low)) else found


def is_question(r: Reader) -> bool:
    """Return True when the sentence is a question: it states no allegation."""
    return r.s.text.rstrip(_QUESTION_END).endswith("?")


def _negated_match(r: Reader, m: Match) -> bool:
    """Return True when a match is negated: before or right after its cue, inside a claim
    that comes before the verb, before a last word, or after a last party."""
    claim = m.spans.get(CLAIM)
    if r.negated(m.cue, claim):
        return True
    omission = r.omission_tokens(claim.start, claim.end) if claim is not None else set()
    if (
        claim is not None
        and m.pattern.elements[-1].slot != CLAIM
        and any(
            r.negation(j) and j not in omission and not r.never_done(j, claim)
            for j in range(claim.start, claim.end)
        )
    ):
        # "... wegen des Unwetters nicht ermittelt": the verb comes last, negated; a wrong of
        # omission in a fronted claim is none ("Der Klub habe kein Gehalt überwiesen, sagt A")
        return True
    if _negated_before_last_word(r, m):
        return True  # "zeigten Nachbarn den Wirt nicht bei der Polizei an"
    last = m.pattern.elements[-1].slot
    if last not in _PARTY_SLOTS:
        return False
    end = m.spans[last].end
    if _fronted_clause(m.pattern):
        # "Mis en examen pour ..., T n'entend pas démissionner": the party after a fronted
        # participle's clause is the subject of another predicate, whose negation is its own
        return False
    # "Die Vorwürfe gegen den Schulleiter haben sich nicht bestätigt"; after a verb's object
    # not in a clause of its own
    if r.negated_after(end, object_party=bool(m.pattern.elements[0].slot)):
        return True
    if m.pattern.elements[0].slot or end >= len(r.s) or r.s.lower[end] != ",":
        return False
    # a nominal cue opening the pattern is the subject of a predicate that may follow a phrase
    # set off by commas: "Las acusaciones contra T, lanzadas por A, no se sostienen" (the
    # phrase in the pattern, closed by the comma after its party, or after it: "Les
    # accusations contre T, portées par A, ne tiennent pas")
    if r.negated_after(end + 1):
        return True
    close = next(
        (j for j in range(end + 1, len(r.s)) if r.s.lower[j] in _CLAUSE_BREAKS | _CLAIM_BREAKS),
        None,
    )
    return close is not None and r.s.lower[close] == "," and r.negated_after(close + 1)


def _subject_first(r: Reader, m: Match) -> bool:
    """Return True when an object-first pattern's target opens the sentence with a word in a
    subject's case (``subject_case_forms``: "Краевые аудиторы ... обвинили в этом минтранс
    региона", "Обе стороны конфликта обвиняют в эскалации насилия друг друга"; a role noun
    with a ``subject_role_endings`` ending: "Следователи подозревают в убийстве X"): the
    accusers, not the accused (an object would be "Краевых аудиторов", "Следователей"); the
    cue must be an active verb that takes an object (``object_first_verbs``), not a passive
    whose subject is the accused ("Сотрудники полиции подозреваются в ...")."""
    target = m.spans.get(TARGET)
    return (
        target is not None
        and target.start == 0
        and bool(m.pattern.elements)
        and m.pattern.elements[0].slot == TARGET
        and r.has(m.cue, r.lex.word_set(kinds.OBJECT_FIRST_VERBS_SET))
        and (
            r.has(0, r.lex.word_set(kinds.SUBJECT_CASE_FORMS_SET))
            or (
                r.has(0, r.lex.role_nouns)
                and r.has(0, r.lex.word_set(kinds.SUBJECT_ROLE_ENDINGS_SET))
            )
        )
    )


def _initial_thing(r: Reader, m: Match) -> bool:
    """Return True when an accusation's target is a thing blamed (``Reader.initial_thing``)."""
    target, claim = m.spans.get(TARGET), m.spans.get(CLAIM)
    return target is not None and claim is not None and r.initial_thing(target, claim)


def _fronted_clause(pattern: ClausePattern) -> bool:
    """Return True when a pattern of a step taken (``step_taken``) is a clause set off before
    its target, which ends it: the cue, its claim, a comma, the target ("Mis en examen pour
    ..., T"; not "Soupçonné de ..., T ne fait pas l'objet d'une enquête": a suspicion denied)."""
    e = pattern.elements
    return (
        pattern.step_taken
        and len(e) >= 4
        and not e[0].slot
        and e[-1].slot == TARGET
        and not e[-2].slot
        and "," in e[-2].forms
        and e[-3].slot == CLAIM
    )


def denied(r: Reader) -> bool:
    """Return True when a pattern reads the sentence and finds it negated: "Der „Spiegel“ wirft
    dem Minister keinen Betrug vor" is then no sentence for the fallback reader either."""
    return any(_negated_match(r, m) for m in r.allegation_matches())


def _passes(r: Reader, m: Match) -> bool:
    """Return True when a match is not negated, not hypothetical, and (if weak) of wrongdoing."""
    claim = m.spans.get(CLAIM)
    if r.hypothetical(m.cue) or r.blocked_everywhere() or _negated_match(r, m):
        return False
    if _pronominal(r, m.cue) or _verdict_between(r, m):
        return False
    if claim is not None and _source_only(r, claim):
        return False  # "d'après une planche ..., selon une des sources": a source, no claim
    if claim is not None and r.dated_by(claim):
        return False  # "арестовали ... за две минуты до вылета": a time, no reason
    if not m.pattern.weak:
        if _hedged_harm(r, m):
            return False
        if m.pattern.kind == kinds.CHARGE and claim is not None and court_agent(r, claim):
            return False  # "están procesados por tribunales militares": who tries, no charge
        if m.pattern.kind == kinds.ACCUSATION and claim is not None and r.stance_claim(claim):
            return False  # "acusó a X de lanzar un mensaje basado en ...": a stance, no wrong
        if m.pattern.kind == kinds.ACCUSATION and claim is not None and _initial_thing(r, m):
            return False  # "Засуху обвиняют в росте цен": a thing blamed, no one accused
        return not m.pattern.agent or _deed(r, m)
    if r.blocked():
        return False  # "ont écopé de trois mois ... pour avoir incendié": a verdict, no charge
    if claim is not None and claim.end <= m.cue and _opens_clause_last(r, claim):
        return False  # "X сидел в тюрьмах за воровство, где, считают власти, он стал ...": a
        # speaker set off inside the clause the opener begins speaks for that clause, not for
        # the writer's clause before it
    if _forward_source(r, m):
        return False  # "... por consumo de cocaína y, según fuentes, puede recibir ...": the
        # source speaks for the clause after it
    source = m.spans.get(ACCUSER)
    if source is None and claim is not None:  # "X habría ..., según la investigación"
        source = Span(claim.end, len(r.s))
    legal = source is not None and any(
        r.has(j, r.lex.legal_sources)
        and not (j + 1 < len(r.s) and r.brand_after(j) and not r.has(j, r.lex.role_nouns))
        and not (j == source.start and r.has(j + 1, r.lex.determiners))
        for j in range(source.start, source.end)
    )  # "según la acusación, ...": a charge sheet speaks of wrongdoing by itself (not a name's
    # survey: "selon une enquête Elabe", a poll; nor a verb before its subject: "juge la revue";
    # a role before a name is a person: "Прокурор Лоретта Линч заявила, что ...")
    legal = legal or (source is not None and _legal_complement(r, source))
    subject = r.claim_subject(claim) if claim and m.pattern.target_in_claim else None
    if claim is not None and r.complaint(claim, source):
        return True  # "selon plusieurs clients, un garagiste facturait des pièces ..."
    if claim is not None and r.grievance(claim, m.spans.get(ACCUSER), m.cue) is not None:
        return True  # "Покупатели жалуются, что продавцы подмешивают в фарш воду"
    if m.pattern.target_in_claim and claim is not None and _reported_deed(r, m, claim, subject):
        return True  # "Selon Le Parisien, un chef de bureau aurait délivré des titres ..."
    if claim is not None and _witnessed_deed(r, m, claim, subject):
        return True  # "Ein Friedhofsgärtner habe Grabschmuck ... verkauft, sagen Angehörige"
    if m.pattern.agent:
        return claim is not None and r.did_wrong(claim, subject, legal)
    if claim is not None and r.claim_negated(claim, subject):
        return False  # "según la asociación, la aplicación nunca vendía los datos"
    if claim is not None and subject is not None and r.harmed(claim, subject):
        return False  # "Полиция утверждает, что Стерджесс и Роули были отравлены ...": the
        # claim's subject is the one harmed, no one is accused
    if claim is not None and subject is None and TARGET in m.spans and r.suffered_first(claim):
        return False  # "Die Frau soll von ihrem Ex-Partner angegriffen worden sein": the party
        # before the hearsay verb is the one harmed
    # a claim about someone arrested or charged tells what for ("festgenommen; er soll ...")
    if (
        claim is not None
        and (clause := r.deed_clause(claim, subject))
        and (r.passed_off(*clause) or r.favoured(*clause))
    ):
        return True  # "según publica X, una conservera etiquetaba como gallego mejillón ...",
        # "el alcalde adjudicó el contrato a la empresa de su cuñado"
    if claim is not None and legal and not r.wrongdoing(claim) and _relation(r, claim):
        return False  # "По данным следствия, Царнаев был дружен с ...": a relation, no wrong
    if claim is not None and legal and not r.wrongdoing(claim) and _state(r, subject):
        return False  # "По словам прокуроров, Чжан оказалась «не в том месте ...»": a state
        # its subject was found in, no wrong named
    if claim is None:
        return False
    if not legal and r.reported_view(claim, subject) and not r.charged_around(claim, m.cue):
        return False  # "dijo que los terroristas de ETA creen que ...": a view, no deed
    return legal or r.wrongdoing(claim) or r.charged_around(claim, m.cue)


def _opens_clause_last(r: Reader, claim: Span) -> bool:
    """Return True when a claim read before its speaker ends, past commas, on a clause opener
    (``clause_openers``: "где", "который", "que"): the speaker's commas are set off inside the
    clause that word begins."""
    last = claim.end - 1
    while last > claim.start and r.s.lower[last] == ",":
        last -= 1
    return last > claim.start and r.has(last, r.lex.clause_openers)


def _forward_source(r: Reader, m: Match) -> bool:
    """Return True when a source after its claim follows a coordinator that ends the claim
    (``forward_source_coordinators``: "Strawberry ha sido suspendido por consumo de cocaína y,
    según algunas fuentes, puede recibir otra sanción"): the source is fronted in the next
    coordinated clause and speaks for what follows it; the clause before it is the writer's."""
    claim, source = m.spans.get(CLAIM), m.spans.get(ACCUSER)
    if claim is None or source is None or source.start < claim.end or claim.end < 1:
        return False
    last = claim.end - 1
    while last > claim.start and r.s.lower[last] == ",":
        last -= 1
    return r.has(last, r.lex.word_set(kinds.FORWARD_SOURCE_COORDINATORS_SET))


def _reports_charge(m: Match, found: list[Match]) -> bool:
    """Return True when a report's claim holds a charge with both its parties: "Как сообщила
    прокуратура, полиция арестовала двух человек по подозрению в ...": the arrest names whom it
    is against, the claim's subject (the police) is none."""
    claim = m.spans.get(CLAIM)
    if claim is None or TARGET in m.spans or not m.pattern.target_in_claim:
        return False
    return any(
        n is not m
        and n.pattern.kind == kinds.CHARGE
        and all(
            (span := n.spans.get(slot)) is not None
            and claim.start <= span.start
            and span.end <= claim.end
            for slot in (ACCUSER, TARGET)
        )
        for n in found
    )


def _hedged_harm(r: Reader, m: Match) -> bool:
    """Return True when a hedged claim with no accuser tells a harm its subject suffered: "Артист
    предположительно погиб в результате несчастного случая" (an ``agent_passive`` word in the
    claim's first clause) names a victim, not a wrongdoer."""
    claim, target = m.spans.get(CLAIM), m.spans.get(TARGET)
    if claim is None or target is None or ACCUSER in m.spans or target.end > claim.start:
        return False
    return r.harmed(claim, Span(claim.start, claim.start))


def _legal_complement(r: Reader, source: Span) -> bool:
    """Return True when a source's head is followed by its complement naming a legal body:
    "Fuentes de la investigación sostienen que ..." (the slot holds "Fuentes"), "des sources
    proches de l'enquête" is read by its own words; a name connector, determiners, then a
    word of ``legal_sources`` that is no name's survey."""
    j = source.end
    if not r.has(j, r.lex.name_connectors):
        return False
    j += 1
    while r.has(j, r.lex.determiners):
        j += 1
    return r.has(j, r.lex.legal_sources) and not r.brand_after(j)


def _party_indices(r: Reader, party: str) -> range | None:
    """Return the token indices where a party's words stand in the sentence, or None."""
    words = Sentence.of(party, r.lex.token_pattern).lower if party else ()
    n = len(words)
    for i in range(len(r.s) - n + 1):
        if n and r.s.lower[i : i + n] == words:
            return range(i, i + n)
    return None


def court_agent(r: Reader, claim: Span) -> bool:
    """Return True when a charge's claim opens, past a preposition and determiners, with a court
    word (``courts``), names no wrong and has no second phrase opened by the same preposition:
    the preposition brings the agent of the proceeding ("procesados por tribunales militares"),
    not an offence, and a charge that names none is no allegation (the labels' convention);
    not "investigado por un juzgado de Écija por conceder licencias ..." (the offence follows).
    Languages without the set are not checked."""
    courts = r.lex.word_set(kinds.COURTS_SET)
    if not courts:
        return False
    j = claim.start
    opener = r.s.lower[j - 1] if j > 0 else ""
    if r.has(j, r.lex.prepositions):
        opener = r.s.lower[j]
        j += 1
    while j < claim.end and r.has(j, r.lex.determiners):
        j += 1
    if not (j < claim.end and r.has(j, courts)) or r.wrongdoing(claim):
        return False
    return not any(r.s.lower[k] == opener for k in range(j + 1, claim.end))


def court_target(r: Reader, party: str) -> bool:
    """Return True when a party is a court or its decision: a court word among its words or
    just before them ("решение суда", "Хамовнический суд", "в федеральный суд Бостона")."""
    courts = r.lex.word_set(kinds.COURTS_SET)
    where = _party_indices(r, party)
    if not courts or where is None:
        return False
    return any(r.has(j, courts) for j in range(where.start - 1, where.stop))


def _legal_span(r: Reader, span: Span | None) -> bool:
    """Return True when a span holds a legal source word ("прокурор", "СК")."""
    return span is not None and any(
        r.has(j, r.lex.legal_sources) for j in range(span.start, span.end)
    )


def _legal_named(r: Reader, party: str) -> bool:
    """Return True when a party's own words hold a legal source word ("следствием")."""
    where = _party_indices(r, party)
    return where is not None and any(r.has(j, r.lex.legal_sources) for j in where)


def _relation(r: Reader, claim: Span) -> bool:
    """Return True when a claim's predicate is a copula, one word and a relation word: a state
    or a relation ("Царнаев был дружен с ...", "является знакомым с"), no deed."""
    copulas = r.lex.word_set(kinds.COPULAS_SET)
    relation = r.lex.word_set(kinds.RELATION_WORDS_SET)
    return bool(copulas) and any(
        r.has(j, copulas) and r.has(j + 2, relation) for j in range(claim.start, claim.end - 2)
    )


def _state(r: Reader, subject: Span | None) -> bool:
    """Return True when a claim's subject is followed by a verb of a state it is found in
    (``state_verbs``: "оказалась", "находился", "числился"), no deed."""
    states = r.lex.word_set(kinds.STATE_VERBS_SET)
    return bool(states) and subject is not None and r.has(subject.end, states)


def _complement_slot(r: Reader, span: Span | None, end: int) -> bool:
    """Return True when a slot opens with a complement's "of" word right after a noun or a
    quotation ("les « déclarations » du président et l'accusant"), not after a break or at the
    start, and no relative clause opens between it and the claim ("... du parquet, qui le
    soupçonne": the relative's subject is the slot)."""
    if span is None or span.start == 0 or not r.has(span.start, r.lex.name_connectors):
        return False
    if any(r.s.lower[j] == "," or r.has(j, r.lex.clause_openers) for j in range(span.end, end)):
        return False
    before = r.s.lower[span.start - 1]
    return before not in _CLAUSE_BREAKS - {'"', "»"} and before not in r.lex.clause_openers


def _source_only(r: Reader, claim: Span) -> bool:
    """Return True when a claim is only a source's phrase: it opens with an "according" word
    (the ``according`` word set) and its party ends it ("..., selon une des sources"), with
    no room for a deed (not "laut Anklage seine Großmutter ... betrogen haben")."""
    if not r.has(claim.start, r.lex.word_set(kinds.ACCORDING_SET)):
        return False
    return r.party_end(claim.start + 1, claim.end) == claim.end or claim.end - claim.start <= 4


def _pronominal(r: Reader, cue: int) -> bool:
    """Return True when a participle cue follows a reflexive pronoun and its auxiliary (a
    ``reflexives`` word set): a pronominal verb in another sense, no passive ("ils s'étaient
    arrêtés pour vérifier", not "ils ont été arrêtés pour vol")."""
    reflexives = r.lex.word_set(kinds.REFLEXIVES_SET)
    j = cue - 1
    while j > 0 and r.has(j, r.lex.fallback_passive_aux):
        j -= 1
    return j < cue - 1 and r.has(j, reflexives)


def _verdict_between(r: Reader, m: Match) -> bool:
    """Return True when a verdict word (a ``verdicts`` word set) stands between a cue and its
    claim: the claim is the verdict's ("interpellé en 2013 et condamné ... pour avoir fourni",
    a conviction stated as fact), not the cue's."""
    claim = m.spans.get(CLAIM)
    if claim is None or claim.start <= m.cue:
        return False
    verdicts = r.lex.word_set(kinds.VERDICTS_SET)
    return any(r.has(j, verdicts) for j in range(m.cue + 1, claim.start))


def _reported_deed(r: Reader, m: Match, claim: Span, subject: Span | None) -> bool:
    """Return True when a source named before or after the claim tells a deed of its subject in
    the reportative mood (``reported_mood``: "Selon Le Parisien, un chef de bureau aurait
    délivré des titres de séjour contre des montres de luxe", "Según La Voz de Galicia, un jefe
    de servicio habría cobrado dietas por viajes que nunca hizo") and marks it as gain or misuse
    (``reported_wrongs``), with no listed wrong needed: the subject is a party that is no
    pronoun, the form stands in the clause that follows it, and that clause is no harm done to
    it nor negated (``deed_clause``). The mood alone tells a reported event, no wrong ("Selon Le
    Télégramme, l'ancien maire aurait visité l'entreprise de son beau-frère"); a source's plain
    fact stays unread: told in the indicative ("Selon l'Insee, le chômage a reculé") or of a
    thing ("l'incendie serait d'origine électrique")."""
    forms = r.lex.word_set(kinds.REPORTED_MOOD_SET)
    source = m.spans.get(ACCUSER)
    if not forms or source is None or subject is None:
        return False
    if r.pronoun(subject.start) or r.harmed(claim, subject):
        return False
    clause = r.deed_clause(claim, subject)
    if clause is None:
        return False
    # the form after the subject ("un chef aurait délivré"), or right before it where the verb
    # comes second ("Wie der BR berichtet, soll der Leiter ... vergeben haben")
    before = subject.start > claim.start and r.has(subject.start - 1, forms)
    if not (before or any(r.has(j, forms) for j in range(*clause))):
        return False
    # where the mood's form alone may tell a plan ("soll ... wechseln"), a done deed needs its
    # perfect auxiliary in the clause ("soll ... vergeben haben")
    perfect = r.lex.word_set(kinds.REPORTED_PERFECT_SET)
    if perfect and not any(r.has(j, perfect) for j in range(*clause)):
        return False
    return r.misuse(*clause)


def _witnessed_deed(r: Reader, m: Match, claim: Span, subject: Span | None) -> bool:
    """Return True when a group of people after the claim tells a deed of the party that opens
    the sentence, in the reportative mood (``witness_mood`` right after that subject; a plural
    verb of ``witness_verbs`` right before the source): "Der Busfahrer der Linie 12 lasse
    Schüler ohne Fahrkarte gegen zwei Euro in bar mitfahren, sagen Eltern". The
    clause is a deed (``deed_clause``: no negation, no harm done to the subject) with a verb
    form of ``witness_participles`` right after the reportative form or closing the clause, not
    a state ("Der Wirt habe viel Geduld, sagen Stammgäste"); the subject is a party and no
    pronoun, and no fronted adverbial stands before it ("Bei minus zehn Grad habe die
    Wärmepumpe ..."); a speaker named alone with a singular verb ("berichtet Lena Brückner",
    "sagte ein Sprecher") keeps the old reading. The deed must carry a wrong
    (``Reader.wrongdoing``) or a mark of gain or misuse (``reported_wrongs``: "gegen zwei Euro
    in bar"): German and French tell any account so, praise included ("Der Wirt habe immer
    freundlich bedient, sagen Stammgäste")."""
    forms = r.lex.word_set(kinds.WITNESS_MOOD_SET)
    verbs = r.lex.word_set(kinds.WITNESS_VERBS_SET)
    source = m.spans.get(ACCUSER)
    if not (forms and verbs) or source is None or subject is None:
        return False
    if source.start < claim.end or not r.has(source.start - 1, verbs):
        return False
    if subject.start != 0 or claim.start != 0:
        return False
    # the form after the subject and its complement ("Eine Hundefriseurin in Freiburg habe")
    mood = subject.end
    while mood < claim.end and not (r.has(mood, forms) or r.s.words[mood] == ","):
        mood += 1
    if mood == claim.end or not r.has(mood, forms):
        return False
    if r.pronoun(subject.start) or not r.is_party(subject) or r.harmed(claim, subject):
        return False
    clause = r.deed_clause(claim, subject)
    if clause is None or clause[1] - clause[0] < 3:
        return False
    if not (r.wrongdoing(claim) or r.misuse(*clause)):
        return False
    # a verb form (``witness_participles``) right after the form or closing the clause: "habe
    # ... verkauft", "aurait facturé ...", not "habe viel Geduld", "aurait beaucoup de talent"
    participles = r.lex.word_set(kinds.WITNESS_PARTICIPLES_SET)
    return any(
        r.s.words[j].isalpha()
        and r.s.words[j].islower()
        and r.has(j, participles)
        and not r.has(j, r.lex.determiners)
        for j in (mood + 1, clause[1] - 1)
        if mood < j < clause[1]
    )


def _deed(r: Reader, m: Match) -> bool:
    """Return True when a strong ``agent`` match tells a deed, with no wrong word needed: its
    claim is no harm done to the subject nor negated ("Er soll ... umgeleitet haben", not "Der
    Stürmer soll sich verletzt haben"), and a party slot before the cue opens its clause (not
    "Mit ... auf seiner Website soll der Stromanbieter ...": a fronted adverbial, whose subject
    follows the verb)."""
    claim = m.spans.get(CLAIM)
    if claim is None or r.deed_clause(claim, None) is None:
        return False
    lead = m.spans.get(m.pattern.elements[0].slot) if m.pattern.lead else None
    return lead is None or lead.start == r.clause_start(m.cue)


def _negated_before_last_word(r: Reader, m: Match) -> bool:
    """Return True when a pattern ending on a word (a verb's particle or participle: "zeigten
    ... an") holds a negation between its slots and that word, where no slot reads it."""
    final = m.pattern.elements[-1]
    if final.slot:
        return False
    start = max((span.end for span in m.spans.values()), default=m.cue + 1)
    for j in range(max(start, m.cue + 1), len(r.s)):
        if r.has(j, final.forms):
            return any(r.negation(k) for k in range(max(start, m.cue + 1), j))
        if r.s.lower[j] in _CLAIM_BREAKS:
            return False
    return False


def _sources(
    r: Reader, ctx: Paragraph, found: list[Match], index: int, chosen: Match
) -> Iterator[str]:
    """Yield the accusers other matches of the sentence name (for an item that names none)."""
    for m in found:
        if m is not chosen and ACCUSER in m.spans:
            name = slot_party(r, ctx, m.spans[ACCUSER], index, accuser=True, exclude="")
            if name:
                yield name


def _fixed_slots(pattern: ClausePattern) -> frozenset[str]:
    """Return the party slots a pattern sets between two word forms ("acusa a TARGET de"),
    and a leading slot closed by a comma (a relative clause's antecedent)."""
    e = pattern.elements
    between = {
        e[k].slot
        for k in range(1, len(e) - 1)
        if e[k].slot in _PARTY_SLOTS and not e[k - 1].slot and not e[k + 1].slot
    }
    if len(e) > 1 and e[0].slot in _PARTY_SLOTS and e[1].forms.exact == {","}:
        between.add(e[0].slot)  # a relative clause's antecedent: "a su fisioterapeuta, al que"
    return frozenset(between)


def slot_party(
    r: Reader,
    ctx: Paragraph,
    span: Span | None,
    index: int,
    *,
    accuser: bool,
    exclude: str,
    fixed: bool = False,
    wrong: bool = False,
) -> str:
    """Return a slot as a party's name, or "" when it names none.

    In a slot the syntax fixes (between two word forms: "acusa a la cadena de", "d'après
    l'enquête ,"), a short noun phrase opening with a determiner is a party whatever its noun.
    """
    if span is not None:
        span = r.agent_party(span, accuser=accuser)
    if span is None:
        return ""
    if r.pronoun(span.start) and span.end - span.start == 1:
        before = r.party_before_break(span.start) if not accuser else None
        if before is not None:  # "X wurde festgenommen; er soll ...": the clause before
            return clean(r.lex, r.s.original(before))
        return clean(r.lex, ctx.resolve(r, span, index=index, accuser=accuser, exclude=exclude))
    if not accuser:
        span = _name_before_role(r, span) or span
    if not accuser and r.place(span):
        return ""  # "в начале декабря в Великобритании была задержана ...": a place is no
        # accused (ru "в")
    legal = any(r.has(j, r.lex.legal_sources) for j in range(span.start, span.end))
    words = span.end - span.start
    # a connector's complement stays in the phrase: "a un falso técnico del gas acusado de"
    plain = not any(
        r.has(j, r.lex.np_stops) and not r.has(j, r.lex.name_connectors)
        for j in range(span.start, span.end)
    )
    if words == 1 and r.has(span.start, r.lex.non_parties):
        plain = False  # "le acusan además de ...": an adverb after the verb is no object
    determined = (
        fixed
        and (wrong or legal)
        and plain
        and (
            (1 < words <= MAX_PARTY_WORDS and r.has(span.start, r.lex.determiners))
            or (wrong and words <= MAX_ADJECTIVES + 1)  # "подозревает главврача в халатности"
        )
    ) or (fixed and legal and plain and words <= MAX_ADJECTIVES + 1)  # "по версии следствия"
    if not (determined or r.is_party(span)):
        return ""
    return clean(r.lex, r.s.original(span))


def _name_before_role(r: Reader, span: Span) -> Span | None:
    """Return the name a target's role stands in apposition to, set off by a comma before
    the role's determiner, when an "against" word governs the name: "contre Michael Flynn, un
    ex-conseiller de Donald Trump poursuivi pour ..." -> "Michael Flynn"."""
    det = span.start if r.has(span.start, r.lex.determiners) else span.start - 1
    comma = det - 1
    if comma < 1 or not r.has(det, r.lex.determiners) or r.s.lower[comma] != ",":
        return None
    if not any(r.role_word(j) for j in range(span.start, span.end)):
        return None
    start = comma
    while start > 0 and comma - start < MAX_PARTY_WORDS and r.name_word(start - 1):
        start -= 1
    if start == comma or not r.has(start - 1, r.lex.fallback_against):
        # only a name an "against" word governs: not a phrase that opens the sentence ("À
        # Lyon, sept personnes ...", "Selon Mediapart, la directrice ...")
        return None
    return Span(start, comma)


def _response(r: Reader, ctx: Paragraph, index: int) -> tuple[Response, bool] | None:
    """Return the sentence's response and whether it refers back ("отрицает обвинения")."""
    lex = r.lex
    for m in r.matches(lex.response_patterns):
        kind = m.pattern.kind
        own = _pattern_words(m.pattern)
        if kind == kinds.DENIAL:
            own = own | lex.word_set(kinds.AFTER_DENIAL_SET)
        if kind != kinds.NO_COMMENT and r.negated(m.cue, m.spans.get(CLAIM), own):
            continue
        after = range(m.cue + 1, min(m.cue + 1 + REFERENCE_WINDOW, len(r.s)))
        named = any(r.has(j, lex.reference_nouns) for j in after) or r.has(
            m.cue, lex.reference_nouns
        )
        if kind in {kinds.REJECTION, kinds.DISPUTE} and not (named or m.pattern.answers):
            continue  # "rejected the bid": no answer to an allegation
        responder = slot_party(r, ctx, m.spans.get(RESPONDER), index, accuser=True, exclude="")
        parts = answer_parts(r.s.text, lex.quote_verbs)
        where = parts[0] if parts else None
        if where is not None and where[0] <= r.s.starts[m.cue] < where[1]:
            # "« Nous démentons ces accusations », selon Martin": Martin answers, not "nous";
            # "« Nous démentirons ... »" denies nothing yet
            if hedged(r.s.text[where[0] : where[1]], lex.quoted_hedges):
                continue
            speaker = quote_speaker(r, ctx, index, where)
            responder = speaker[0] if speaker else responder
        if not responder:
            continue
        # "Moscou a démenti.": a denial with no object answers what was just said, and so does
        # a refusal to comment (the question asked was about it)
        bare = m.cue + 1 >= len(r.s) or punctuation(r.s.words[m.cue + 1])
        refers = named or bare or m.pattern.answers or kind == kinds.NO_COMMENT
        return Response(r.s.text, responder, kind), refers or _represents(r, m.spans.get(RESPONDER))
    return _quoted_denial(r, ctx, index)


def _represents(r: Reader, span: Span | None) -> bool:
    """Return True when a responder is the accused's representative, named with a possessive
    ("Son avocate réfute toute malversation", "Sein Anwalt legte Quittungen vor", "Su abogado
    ...", ``quote_representatives``): the answer is for the items just before, as a quoted
    representative's is (``quote_speaker``)."""
    if span is None:
        return False
    kin = r.lex.word_set(kinds.KIN_POSSESSIVES_SET)  # "son", "sein", "su"
    return any(
        j > 0
        and r.has(j, r.lex.quote_representatives)
        and (
            r.has(j - 1, kin)
            or any(r.s.lower[j - 1] in forms for forms in r.lex.pronouns.values())  # "его"
        )
        for j in range(span.start, span.end)
    )


def _pattern_words(pattern: ClausePattern) -> Forms:
    """Return the word forms a response pattern names, its negation among them ("RESPONDER
    вину|вины не @admit"): that negation is the answer, not a negation of it."""
    forms = NO_FORMS
    for e in pattern.elements:
        if not e.slot and not e.optional:
            forms = forms | e.forms
    return forms


def _quoted_denial(r: Reader, ctx: Paragraph, index: int) -> tuple[Response, bool] | None:
    """Return an answer in the speaker's own quoted words (``quotes.quoted_answer``): "«Это
    ложь», — заявил Петров", "Петров заявил: „Я не виноват“", "« C'est faux », a déclaré Martin".

    It answers the items against the speaker (``responses.link``), not earlier ones; words that
    name the accusation ("ces accusations"), or a speaker who answers for the accused ("son
    avocat", "sein Anwalt"), answer the items just before.
    """
    lex = r.lex
    answers = ((kinds.DENIAL, lex.quoted_denials), (kinds.REJECTION, lex.quoted_rejections))
    said = quoted_answer(
        r.s.text,
        answers,
        lex.quoted_hedges,
        lex.reference_nouns,
        lex.quote_verbs,
        lex.quote_continuations,
    )
    if said is None:
        return None
    speaker = quote_speaker(r, ctx, index, (said.start, said.end))
    if speaker is None:
        return None
    responder, for_another = speaker
    return Response(r.s.text, responder, said.kind), for_another or said.names_accusation


def quote_speaker(
    r: Reader, ctx: Paragraph, index: int, where: tuple[int, int]
) -> tuple[str, bool] | None:
    """Return who speaks a quotation, the party next to a quote verb outside its marks, and
    whether they speak for another (``quote_representatives``: "son avocat"). The verb may
    stand inside the marks, between the parts of a split quotation ("«…, — заявил Петров, —
    …»")."""
    lex = r.lex
    for i in range(len(r.s)):
        if not r.has(i, lex.quote_verbs) or where[0] <= r.s.starts[i] < where[1]:
            continue
        span = _name_next_to(r, i)
        responder = slot_party(r, ctx, span, index, accuser=True, exclude="")
        if span is not None and responder:
            words = range(span.start, span.end)
            return responder, any(r.has(j, lex.quote_representatives) for j in words)
    return None


def _name_next_to(r: Reader, i: int) -> Span | None:
    """Return the party right after a quote verb ("— заявил Петров", "— сказал он", "dijo su
    abogado"), else the one right before it and its auxiliaries ("Martin a déclaré :")."""
    lex = r.lex
    if r.pronoun(i + 1) and not r.name_word(i + 1):
        return Span(i + 1, i + 2)
    end = i + 2 if r.has(i + 1, lex.determiners) else i + 1
    while end < len(r.s) and end - i <= MAX_PARTY_WORDS and _party_word(r, end):
        end += 1
    if end > i + 1 and _party_word(r, end - 1):
        return Span(i + 1, end)
    verb = i
    while r.has(verb - 1, lex.quote_auxiliaries):
        verb -= 1
    if r.pronoun(verb - 1) and not r.name_word(verb - 1):
        return Span(verb - 1, verb)
    start = verb
    while start > 0 and verb - start < MAX_PARTY_WORDS and _party_word(r, start - 1):
        start -= 1
    if start < verb and r.has(start - 1, lex.determiners):
        start -= 1  # "son avocat a déclaré"
    if start < verb:
        return Span(start, verb)
    # "Маркив перед началом слушаний заявил: «…»": the clause's subject, words between
    return r.lead_party(0, verb) if r.s.lower[i + 1 : i + 2] == (":",) else None


def _party_word(r: Reader, i: int) -> bool:
    """Return True when token i may be part of a speaker's name or role."""
    return 0 <= i < len(r.s) and (r.name_word(i) or r.role_word(i))
