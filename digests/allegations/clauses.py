"""Clause patterns: a language's word order as data, for languages the English rules do not fit.

A cue file that holds ``patterns`` (``digests/data/allegation_cues.<language>.json``; its keys are
described in ``digests/data/allegation_cues.md``) is read as a :class:`ClauseLexicon`. Each
pattern is a sequence of elements, written as one string separated by spaces:

* a slot in capitals: ``ACCUSER``, ``TARGET``, ``CLAIM`` (allegations) or ``RESPONDER``
  (responses). A slot takes the words between the elements around it; ``...`` skips up to a
  few words that belong to no slot ("задержан в аэропорту по подозрению в");
* a word form: ``word`` (the token itself), ``stem*`` (a token that starts with it), ``*end``
  (a token that ends with it), ``@set`` (any form of ``word_sets[set]``); ``a|b`` is either;
* a leading ``?`` makes a form optional: ``?a|al`` (Spanish "acusa a X", "acusó al alcalde").

So "ACCUSER @accuse TARGET в CLAIM" reads "Прокуратура обвинила Дурова в соучастии", and "TARGET
@passive_aux vorgeworfen , CLAIM" reads "Durov wird vorgeworfen, ... geduldet zu haben": the
order is the language's, the words are the language's, the code knows neither.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, get_type_hints

from digests.allegations import kinds
from digests.allegations.lexicon import (
    Lexicon,
    LexiconError,
    field_names,
    load_lexicon,
    read_list,
    read_text,
)
from digests.allegations.sentence import QUOTES

SLOTS = (
    kinds.ACCUSER_SLOT,
    kinds.TARGET_SLOT,
    kinds.CLAIM_SLOT,
    kinds.RESPONDER_SLOT,
    kinds.GAP_SLOT,
)
ACCUSER, TARGET, CLAIM, RESPONDER, GAP = SLOTS
_REQUIRED = frozenset({kinds.RULE_KEY, kinds.KIND_KEY, kinds.SEQUENCE_KEY})
_PATTERN_KEYS = _REQUIRED | {
    kinds.WEAK_KEY,
    kinds.TARGET_IN_CLAIM_KEY,
    kinds.AGENT_KEY,
    kinds.CLITIC_KEY,
    kinds.CLAIM_FIRST_KEY,
    kinds.OBJECT_FIRST_KEY,
    kinds.REPROACH_KEY,
    kinds.STEP_TAKEN_KEY,
    kinds.ANSWERS_KEY,
}
_OPTIONAL, _ANY, _SET, _STAR = "?", "|", "@", "*"


@dataclass(frozen=True, slots=True)
class Forms:
    """Word forms: whole tokens, prefixes ("обвин*") and endings ("*gründer")."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    endings: tuple[str, ...]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return (
            word in self.exact
            or word.startswith(self.prefixes)
            or (bool(self.endings) and word.endswith(self.endings))
        )

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes or self.endings)

    @classmethod
    def of(cls, forms: list[str]) -> Forms:
        """Read forms: "word", "stem*", "*end"."""
        exact, prefixes, endings = set(), [], []
        for form in forms:
            if form.endswith(_STAR) and len(form) > 1:
                prefixes.append(form[:-1])
            elif form.startswith(_STAR) and len(form) > 1:
                endings.append(form[1:])
            else:
                exact.add(form)
        return cls(frozenset(exact), tuple(prefixes), tuple(endings))

    def __or__(self, other: Forms) -> Forms:
        return Forms(
            self.exact | other.exact, self.prefixes + other.prefixes, self.endings + other.endings
        )


NO_FORMS = Forms(frozenset(), (), ())


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a pattern: a slot, or word forms (optional or not)."""

    slot: str  # one of SLOTS, or "" for word forms
    forms: Forms
    optional: bool = False


@dataclass(frozen=True, slots=True)
class ClausePattern:
    """A clause pattern and what its match makes: an item's (or a response's) kind."""

    rule: str
    kind: str
    elements: tuple[Element, ...]
    weak: bool  # the claim must speak of wrongdoing ("заявил, что ..." alone is no allegation)
    target_in_claim: bool  # the target is the subject of the claim ("selon X, Y a fraudé")
    # the target must be said to have done the wrong: "X aurait fraudé", not "la victime
    # aurait été tuée" (rules in ``ordered.py``)
    agent: bool = False
    # the target is an object pronoun before the verb, standing for a name of the sentences
    # before: "La oposición la acusa de ..." (rules in ``ordered.py``)
    object_clitic: bool = False
    # the sequence ends on the cue after a fronted claim ("В подкупе ... обвинили ..."): the
    # parties on either side of the cue are told apart by ``object_case_pattern``
    claim_first: bool = False
    # the sequence opens on the cue after its object and subject, in that order ("Спортсменку
    # ... РУСАДА заподозрило в ..."): the object opens the sentence in ``object_case_pattern``
    object_first: bool = False
    # the cue is a step of proceedings taken ("Mis en examen pour ..., T"): a negation after
    # the target of such a fronted clause belongs to its own predicate ("n'entend pas
    # démissionner"), not to the step (rules in ``ordered.py``)
    step_taken: bool = False
    # the cue's verb says by itself that its claim is a wrong ("A wirft T vor, ... zu haben"):
    # a determiner phrase in its fixed slot is a party though the claim names no listed wrong
    reproach: bool = False
    # a response's words answer what was said by themselves ("hält dagegen", "replica que"):
    # no reference noun needed after a rejection or dispute, and the answer refers back
    answers: bool = False

    @property
    def lead(self) -> int:
        """Return the index of the first word-form element (the cue the match starts from)."""
        return next(k for k, e in enumerate(self.elements) if not e.slot)


FormKinds = Mapping[str, Forms]
WordSets = FormKinds  # {set name: forms}, read like FormKinds
Patterns = tuple[ClausePattern, ...]
Sequences = tuple[tuple[Element, ...], ...]
Fragments = tuple[str, ...]  # looked for in the lower-cased text as written


class TokenFragments(tuple[str, ...]):
    """Fragments looked for in the lower-cased tokens joined by spaces (" classé l' affaire ")."""

    __slots__ = ()


Pattern = re.Pattern[str]


@dataclass(frozen=True, slots=True)
class ClauseLexicon:
    """A language's clause patterns and word lists, as loaded from its cue file."""

    language: str
    tokenizer_language: str
    token_pattern: Pattern
    word_sets: WordSets
    patterns: Patterns
    response_patterns: Patterns
    claim_stops: Sequences
    clause_openers: Forms
    negators: Forms
    # a word before a negator that makes it no negation of the clause: "sans aucun dédommagement"
    privatives: Forms
    hypothetical: Forms
    hypothetical_pattern: Pattern
    determiners: Forms
    name_connectors: Forms
    np_stops: Forms
    prepositions: Forms
    quantifiers: Forms
    role_nouns: Forms
    party_pattern: Pattern
    non_names: Forms
    non_parties: Forms
    common_noun_pattern: Pattern
    subject_adjective_pattern: Pattern
    pronouns: FormKinds
    reference_nouns: Forms
    wrongdoing: TokenFragments
    # marks of gain or misuse that make a deed a source tells in the reportative mood a wrong
    # ("en échange de", "aux frais de", "an Bekannte"; ``ordered._reported_deed``)
    reported_wrongs: TokenFragments
    legal_sources: Forms
    initial_non_name_pattern: Pattern
    victims: Forms
    agent_passive: Forms
    weak_blockers: TokenFragments
    # fragments that drop every reading: a work "is an indictment of" war, an acquittal
    blockers: TokenFragments
    # word endings whose last letter is a genitive "-s" a name key drops ("des Bundesamts")
    genitive_endings: Fragments
    # a case ending ``target_key`` drops from an adjective or role noun ("Vorsitzenden")
    key_case_pattern: Pattern
    # the first word of an object in the accusative ("местную", "чемпионку"): a claim-first
    # pattern's target
    object_case_pattern: Pattern
    charge_context: Forms
    # a personal object marker ("a") and the counts after it that make a common noun a party
    personal_markers: Forms
    person_counts: Forms
    # the fallback reader (``fallback.py``): cue forms by kind and the words around them
    fallback_active: FormKinds
    fallback_passive: FormKinds
    fallback_nominal: FormKinds
    fallback_sources: FormKinds
    fallback_self_wrong: Forms
    fallback_active_aux: Forms
    fallback_passive_aux: Forms
    fallback_impersonal: Forms
    fallback_claim_openers: Forms
    # claim openers that are a separable verb's particle ("vor"): only before a comma or the end
    fallback_particles: Forms
    fallback_states: Forms
    fallback_against: Forms
    # the law's words for persons unknown after an "against" word: no party ("contre X")
    fallback_persons_unknown: Forms
    fallback_agents: Forms
    fallback_skip: Forms
    fallback_blockers: TokenFragments
    fallback_agent_cues: Forms
    # a quotation that answers ("«Это ложь», — заявил Петров"): fragments looked for in the quoted
    # words (``quotes.quoted_answer``), and the verbs that name the speaker outside them, the
    # auxiliaries passed over next to them ("a déclaré"), and the speakers who answer for the
    # accused ("son avocat"): their denial answers the items just before it
    quoted_denials: Fragments
    quoted_rejections: Fragments
    quoted_hedges: Fragments
    quote_verbs: Forms
    quote_auxiliaries: Forms
    quote_representatives: Forms
    quote_continuations: Forms  # a split quotation's second part carrying the first's clause on

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str) -> ClauseLexicon:
        """Build a clause lexicon from a parsed cue file named ``source``; "_" keys are comments."""
        names = field_names(cls, data, source)
        hints = get_type_hints(cls)
        values: dict[str, Any] = {}
        reading = Reading({}, _NO_PATTERN)
        for name in names:
            try:
                reader = _READERS[hints[name]]
                values[name] = reader(data[name], reading)
            except SeveralTokens as e:
                where = f"{source}:{e.line(source)}" if e.line(source) else source
                raise LexiconError(f"{where}: key {name!r}: {e}") from e
            except (TypeError, ValueError, KeyError, re.error) as e:
                raise LexiconError(f"{source}: key {name!r}: {e}") from e
            if name == kinds.WORD_SETS_KEY:
                reading = Reading(dict(values[name]), reading.tokens)
            if name == kinds.TOKEN_PATTERN_KEY:
                reading = Reading(reading.sets, values[name])
        lexicon = cls(**values)
        lexicon.check(source)
        return lexicon

    def check(self, source: str) -> None:
        """Raise LexiconError when a kind is not one of ``kinds.py`` or a slot is misplaced."""
        for pattern in self.patterns:
            if pattern.kind not in kinds.ALLEGATION_KINDS:
                raise LexiconError(f"{source}: {pattern.kind!r} not among allegation kinds")
            if {e.slot for e in pattern.elements} & {RESPONDER}:
                raise LexiconError(f"{source}: {pattern.rule}: RESPONDER in an allegation")
        for pattern in self.response_patterns:
            if pattern.kind not in kinds.RESPONSE_KINDS:
                raise LexiconError(f"{source}: {pattern.kind!r} not among response kinds")
        if wrong := sorted(set(self.pronouns) - kinds.PRONOUN_CLASSES):
            raise LexiconError(f"{source}: {wrong} not among {sorted(kinds.PRONOUN_CLASSES)}")

    def word_set(self, name: str) -> Forms:
        """Return a named word set (empty when the file has none of that name)."""
        return self.word_sets.get(name, NO_FORMS)


def load_cues(language: str) -> Lexicon | ClauseLexicon:
    """Load a language's cues: the English-order rules' lexicon, or clause patterns.

    A cue file with ``patterns`` is a :class:`ClauseLexicon`; any other is a :class:`Lexicon`.
    """
    data = _read(language)
    if kinds.PATTERNS_KEY in data:
        return _clause_lexicon(language)
    return load_lexicon(language)


def cue_languages() -> list[str]:
    """Return the codes of the languages that have a cue file, sorted."""
    folder = resources.files("digests").joinpath("data")
    names = (entry.name.split(".") for entry in folder.iterdir())
    return sorted(parts[1] for parts in names if len(parts) == 3 and parts[0] == "allegation_cues")


def cues_for(language: str) -> Lexicon | ClauseLexicon | None:
    """Return the cues of a language code ("ru", "en-GB"), or None when it has no cue file."""
    code = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
    if not (code.isascii() and code.isalpha()):
        return None
    try:
        return load_cues(code)
    except FileNotFoundError:  # a broken cue file is an error, not a language without cues
        return None


@lru_cache(maxsize=8)
def _clause_lexicon(language: str) -> ClauseLexicon:
    """Load and cache a clause lexicon."""
    name = f"allegation_cues.{language}.json"
    lexicon = ClauseLexicon.from_mapping(_read(language), source=name)
    if lexicon.language != language:
        raise LexiconError(f"{name}: holds language {lexicon.language!r}")
    return lexicon


@lru_cache(maxsize=16)
def _read(language: str) -> dict[str, Any]:
    """Read a cue file as JSON (the code is checked as ``load_lexicon`` checks it)."""
    if not (language.isascii() and language.isalpha() and language.islower()):
        raise ValueError(f"language must be a lower-case ISO 639 code, not {language!r}")
    name = f"allegation_cues.{language}.json"
    path = resources.files("digests").joinpath("data", name)
    if not path.is_file():
        raise FileNotFoundError(f"no allegation cues for {language!r}: digests/data/{name}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# ---- readers, one per field type; each gets the word sets and the token pattern read so far

_NO_PATTERN = re.compile(r"\S+")  # before the file's own ``token_pattern`` (read first)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader knows of the file so far: its word sets and its token pattern."""

    sets: Mapping[str, Forms]
    tokens: Pattern


class SeveralTokens(ValueError):
    """A word form written with an elided word the tokenizer splits off ("d'après"): it would
    never match a token."""

    def __init__(self, entry: str, message: str) -> None:
        super().__init__(message)
        self.entry = entry

    def line(self, source: str) -> int:
        """Return the line of the cue file that holds the entry (0 when not found)."""
        path = resources.files("digests").joinpath("data", source)
        if not path.is_file():
            return 0
        quoted = json.dumps(self.entry, ensure_ascii=False)
        lines = path.read_text(encoding="utf-8").splitlines()
        return next((n for n, text in enumerate(lines, 1) if quoted in text.lower()), 0)


def split_elisions(text: str, pattern: Pattern) -> list[str]:
    """Split a written word where the tokenizer splits it after an elided word ending in a mark:
    "l'encontre" is "l'" + "encontre" when French splits elisions, one token elsewhere.

    Only a token that holds a letter and ends in a mark, followed by a word with no space, is
    cut off: "qu'" alone, "aujourd'hui" (no elided token) and "x," are left as written.
    """
    parts: list[str] = []
    start = 0
    for m in pattern.finditer(text):
        token, after = m.group(), m.end()
        if (
            after < len(text)
            and text[after].isalnum()
            and not token[-1].isalnum()
            and any(c.isalnum() for c in token)
        ):
            parts.append(text[start:after])
            start = after
    return [*parts, text[start:]] if parts else [text]


def token_parts(word: str, pattern: Pattern) -> list[str]:
    """Split a written word (no space) where the tokenizer splits it in running text, quotes
    made straight as the text's are: "признался," is "признался" + ",", "d’intérêts" is "d'" +
    "intérêts" in French; the last part may begin a longer token ("coup-", "экс-", "d'").

    The word is read with a word character (a digit) after it, so a mark the tokenizer keeps
    only before a word (the French "d'") or inside one (a hyphen) stays with it.
    """
    text = word.translate(QUOTES)
    parts: list[str] = []
    start = 0
    for m in pattern.finditer(text + "0"):
        if m.start() >= len(text):
            break
        end = min(m.end(), len(text))
        if m.start() > start:  # characters the pattern skips stay with the next token
            parts.append(text[start : m.start()])
        parts.append(text[m.start() : end])
        start = end
    if start < len(text):
        parts.append(text[start:])
    return parts or [text]


def _text(raw: Any, _: Reading) -> str:
    """Read a string."""
    return read_text(raw)


def _forms(raw: Any, reading: Reading) -> Forms:
    """Read a list of word forms, quotes made straight as the text's are ("d’" is "d'"); a form
    the tokenizer splits ("d'après", "предположительно,") is refused."""
    written = read_list(raw)
    if several := [w for w in written if " " in w]:
        raise ValueError(f"{several} are not single words")
    words = [w.translate(QUOTES) for w in written]
    for word, as_written in zip(words, written, strict=True):
        if len(split := token_parts(word.strip(_STAR), reading.tokens)) > 1:
            raise SeveralTokens(
                as_written,
                f"{as_written!r} is {len(split)} tokens for the tokenizer ({' + '.join(split)}): "
                "a word list takes single tokens",
            )
    return Forms.of(words)


def _form_kinds(raw: Any, reading: Reading) -> FormKinds:
    """Read ``{name: [form, ...]}``."""
    if not isinstance(raw, dict):
        raise TypeError(f"expected an object of lists, got {raw!r}")
    return {name: _forms(words, reading) for name, words in raw.items()}


def _element(text: str, sets: Mapping[str, Forms]) -> Element:
    """Read one element: a slot, or forms ("@set", "stem*", "a|b"), "?" first when optional."""
    if text in SLOTS:
        return Element(text, NO_FORMS)
    optional = text.startswith(_OPTIONAL) and len(text) > 1
    body = text[1:] if optional else text
    forms = NO_FORMS
    for part in body.lower().split(_ANY):
        if part.startswith(_SET):
            if part[1:] not in sets:
                raise KeyError(f"no word set {part[1:]!r}")
            forms = forms | sets[part[1:]]
        elif part:
            forms = forms | Forms.of([part])
    if not forms:
        raise ValueError(f"empty element {text!r}")
    return Element("", forms, optional)


def _sequence(text: str, reading: Reading) -> tuple[Element, ...]:
    """Read a pattern's string into elements; a plain word the tokenizer splits after an
    elision is its tokens ("à l'encontre @de" is "à", "l'", "encontre", "@de")."""
    if not isinstance(text, str) or not text.split():
        raise TypeError(f"expected a pattern string, got {text!r}")
    parts: list[str] = []
    for part in text.split():
        split = split_elisions(part, reading.tokens)
        if len(split) > 1 and any(mark in part for mark in (_OPTIONAL, _ANY, _SET, _STAR)):
            raise SeveralTokens(  # "l'accuse|l'accusent"
                part,
                f"{part!r} is {len(split)} tokens for the tokenizer ({' + '.join(split)}): "
                "an element with |, *, @ or ? is one token, write the elided word apart",
            )
        parts += split
    return tuple(_element(part, reading.sets) for part in parts)


def _sequences(raw: Any, reading: Reading) -> Sequences:
    """Read a list of word sequences (no slots)."""
    found = tuple(_sequence(text, reading) for text in read_list(raw))
    if any(e.slot for seq in found for e in seq):
        raise ValueError("a word sequence holds no slot")
    return found


def _patterns(raw: Any, reading: Reading) -> Patterns:
    """Read ``[{"rule", "kind", "sequence", "weak"?, "target_in_claim"?, "agent"?,
    "object_clitic"?, "claim_first"?, "object_first"?, "step_taken"?, "reproach"?, "answers"?}, ...]``."""
    if not isinstance(raw, list):
        raise TypeError(f"expected a list of patterns, got {raw!r}")
    patterns = []
    for entry in raw:
        if not isinstance(entry, dict) or not set(entry) >= _REQUIRED:
            raise TypeError(f"a pattern needs {sorted(_REQUIRED)}: {entry!r}")
        if unknown := set(entry) - _PATTERN_KEYS:
            raise ValueError(f"unknown pattern keys {sorted(unknown)}")
        text = entry[kinds.SEQUENCE_KEY]
        elements = _sequence(text, reading)
        lead = next((k for k, e in enumerate(elements) if not e.slot), None)
        if lead is None or lead > 1 or elements[lead].optional:
            raise ValueError(f"{text!r}: at most one slot before a required word")
        slots = [e.slot for e in elements if e.slot and e.slot != GAP]
        if len(slots) != len(set(slots)):
            raise ValueError(f"{text!r}: a slot twice")
        if elements[0].slot == GAP or elements[-1].slot == GAP:
            raise ValueError(f"{text!r}: a gap between two elements only")
        patterns.append(
            ClausePattern(
                rule=str(entry[kinds.RULE_KEY]),
                kind=str(entry[kinds.KIND_KEY]),
                elements=elements,
                weak=bool(entry.get(kinds.WEAK_KEY, False)),
                target_in_claim=bool(entry.get(kinds.TARGET_IN_CLAIM_KEY, False)),
                agent=bool(entry.get(kinds.AGENT_KEY, False)),
                object_clitic=bool(entry.get(kinds.CLITIC_KEY, False)),
                claim_first=bool(entry.get(kinds.CLAIM_FIRST_KEY, False)),
                object_first=bool(entry.get(kinds.OBJECT_FIRST_KEY, False)),
                step_taken=bool(entry.get(kinds.STEP_TAKEN_KEY, False)),
                reproach=bool(entry.get(kinds.REPROACH_KEY, False)),
                answers=bool(entry.get(kinds.ANSWERS_KEY, False)),
            )
        )
    return tuple(patterns)


def _fragments(raw: Any, _: Reading) -> Fragments:
    """Read fragments looked for inside the lower-cased text."""
    return tuple(read_list(raw))


def _token_fragments(raw: Any, reading: Reading) -> TokenFragments:
    """Read fragments looked for in the sentence's tokens joined by spaces: quotes are made
    straight and a word is written apart where the tokenizer splits it ("conflit d'intérêts" is
    read as "conflit d' intérêts", " признался," as " признался ,"), as the tokens are."""
    return TokenFragments(
        tuple(
            " ".join(" ".join(token_parts(word, reading.tokens)) for word in fragment.split(" "))
            for fragment in read_list(raw)
        )
    )


def _pattern(raw: Any, reading: Reading) -> Pattern:
    """Read and compile a regular expression."""
    return re.compile(_text(raw, reading))


_READERS: dict[object, Callable[[Any, Reading], Any]] = {
    str: _text,
    Pattern: _pattern,
    Patterns: _patterns,
    Sequences: _sequences,
    Forms: _forms,
    FormKinds: _form_kinds,
    Fragments: _fragments,
    TokenFragments: _token_fragments,
}
