"""The cue words of one language, read from ``digests/data/allegation_cues.<language>.json``.

Every key of the file is a field of :class:`Lexicon`, in the same order; the field's type says
how its JSON is read, and ``digests/data/allegation_cues.md`` says what each key is for:

* ``Words``: a list of single words (one token each), looked up one token at a time;
* ``Phrases``: a list of words or phrases, matched token by token, longest first;
* ``WordKinds``: ``{kind: [word, ...]}``, read as word -> kind (the kinds of ``kinds.py``);
* ``PhraseKinds``: ``{kind: [phrase, ...]}``, read as (phrase, kind) pairs, longest first;
* ``PhraseLists``: ``{kind: [phrase, ...]}``, kept per kind;
* ``Fragments``: a list of strings looked for inside the lower-cased text (word stems);
* ``Pattern``: a Python regular expression over one lower-case token;
* ``str``: one value.

A second language is a second file; nothing in the code names a cue word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Any, get_type_hints

from digests.allegations import kinds
from digests.allegations.sentence import Phrase, tokens

DEFAULT_LANGUAGE = "en"

Words = frozenset[str]
Phrases = tuple[Phrase, ...]
WordKinds = Mapping[str, str]
PhraseKinds = tuple[tuple[Phrase, str], ...]
PhraseLists = Mapping[str, Phrases]
Fragments = tuple[str, ...]
Pattern = re.Pattern[str]


class LexiconError(ValueError):
    """A cue file that does not hold what :class:`Lexicon` needs."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The cue words and word shapes of one language, as loaded from its JSON file."""

    language: str
    tokenizer_language: str
    # word shapes
    adverb_pattern: Pattern
    non_adverbs: Words
    verb_pattern: Pattern
    past_pattern: Pattern
    present_pattern: Pattern
    gerund_pattern: Pattern
    negative_pattern: Pattern
    possessive_pattern: Pattern
    non_name_strip_pattern: Pattern
    # function words
    definite_articles: Words
    indefinite_articles: Words
    indefinite_quantifiers: Words
    generic_parties: Words
    determiners: Words
    aux: Words
    verb_hints: Words
    complementizers: Words
    subject_pronouns: Words
    existential_subjects: Words
    coordinators: Words
    relative_markers: Words
    subordinators: Words
    absolute_openers: Words
    contrast_coordinators: Words
    np_stops: Words
    name_connectors: Words
    # accusations and charges: "X accused Y of Z", "Y was charged with Z"
    accuse_verbs: WordKinds
    accuse_prepositions: Phrases
    charge_verbs: WordKinds
    charge_prepositions: Phrases
    bare_charge_verbs: Words
    bare_charge_excluded_aux: Words
    sanction_verbs: WordKinds
    sanction_prepositions: Phrases
    investigate_verbs: WordKinds
    investigation_nouns: Phrases
    trial_phrases: Phrases
    trial_nouns: Words
    inquiry_nouns: Words
    inquiry_prepositions: Phrases
    passive_aux: Words
    passive_adverbs: Words
    passive_subject_skip: Words
    passive_to_verbs: WordKinds
    passive_to_prepositions: Phrases
    held_nouns: Words
    ailment_nouns: Words
    contraband: Fragments
    identity_prepositions: Phrases
    report_passive_verbs: Words
    report_passive_prepositions: Phrases
    agent_prepositions: Phrases
    # blame, arrests, attributions, suspects named: "X blamed Y for Z", "Y was arrested on
    # suspicion of Z", "the attack was attributed to Y", "police identified the suspect as Y"
    blame_verbs: WordKinds
    blame_prepositions: Phrases
    blame_reverse_prepositions: Phrases
    arrest_verbs: WordKinds
    passive_only_verbs: Words
    contempt_verbs: Words
    contempt_phrases: Phrases
    arrest_prepositions: Phrases
    arrest_reason_prepositions: Phrases
    arrest_event_prepositions: Phrases
    # "arrested shortly after the killing", "two days after the explosion": a time, no reason
    arrest_event_timers: Words
    arrest_reasons: Fragments
    arrest_non_reasons: Phrases
    arrest_nouns: Words
    arrest_noun_modifiers: Words
    arrest_noun_verbs: Words
    unmade_arrest_openers: Phrases
    suspicion_phrases: Phrases
    suspicion_sources: Words
    warrant_nouns: Phrases
    warrant_prepositions: Phrases
    attribute_verbs: WordKinds
    attribute_prepositions: Phrases
    attribute_neutral_objects: Words
    link_verbs: Words
    # "DNA and mobile phone records linked him to the crimes": evidence found, no party accusing
    evidence_nouns: Words
    holding_verbs: Words
    holding_complements: Words
    # "put the blame on the captain", "pinned the blame for the crash on the pilots"
    blame_nouns: Words
    placing_verbs: Words
    female_words: Words
    male_words: Words
    female_pronouns: Words
    male_pronouns: Words
    identify_verbs: Words
    suspect_nouns: Phrases
    identify_as: Phrases
    alias_markers: Phrases
    identified_suspects: Phrases
    appositive_suspects: Words
    appositive_suspect_openers: Words
    suspect_cleared: Phrases
    crime_nouns: Words
    crime_doer_phrases: Phrases
    crime_of_nouns: Words
    crime_verbs: Words
    quote_verbs: Words
    characterise_verbs: WordKinds
    characterise_as: Phrases
    characterise_without_as: Words
    passive_characterise_verbs: WordKinds
    # clause verbs: "X alleges that Z"
    clause_verbs: WordKinds
    inherent_clause_kinds: Words
    clause_needs_that: Words
    clause_needs_wrongdoing: Words
    benefit_verbs: Words
    # lawsuits: "X sued Y over Z", "X filed a lawsuit against Y alleging Z"
    sue_verbs: WordKinds
    sue_markers: Phrases
    sue_focus: Phrases
    sue_marker_prepositions: Phrases
    sue_purposes: Words
    filing_verbs: Words
    facing_verbs: Words
    lawsuit_nouns: Phrases
    lawsuit_source_prepositions: Phrases
    lawsuit_source_ends: Words
    standing_lawsuit_nouns: Phrases
    target_prepositions: Phrases
    time_openers: Words
    date_words: Words
    charge_sources: Phrases
    # nouns: "allegations against Y include Z", "claims that Z"
    nouns: WordKinds
    noun_object_prepositions: Words
    # "a claim by the Daily Telegraph that ...": the party a noun's allegation comes from
    noun_source_prepositions: Phrases
    noun_list_verbs: Words
    noun_blocked_before: Phrases
    noun_blocked_after: Phrases
    noun_reading_before: Phrases
    charge_facing: Phrases
    charge_bringing: Words
    charge_grounds: Words
    duty_nouns: Words
    carrier_verbs: Words
    carrier_prepositions: Words
    accusation_facing: Words
    claim_source_predicates: Phrases
    verdict_phrases: Phrases
    report_of_phrases: Phrases
    # reported speech and sources: "prosecutors say Z", "according to X, Z", "allegedly"
    say_verbs: Words
    confirm_verbs: Words
    say_needs_that: Words
    recipient_say_verbs: Words
    say_skip: Phrases
    claim_fronted_openers: Words
    say_excluded_subjects: Words
    ruling_speakers: Words
    according_to: Phrases
    legal_accusers: Phrases
    neutral_predicates: Words
    accuser_nouns: Phrases
    wrongdoing: Fragments
    banned_weapons: Phrases
    weapon_use_verbs: Words
    # "pointed a gun at", "dropped bombs": a weapon turned on someone, a wrong in itself
    aimed_weapons: Phrases
    weapon_aim_verbs: Words
    # "police said Hale shot the clerk": an act violent in itself when a named person does it in
    # an official's or witness's account (an object of ``violent_act_non_objects`` is no victim)
    violent_acts: Phrases
    violent_act_non_objects: Words
    # "met her, then shot her": words joining one subject's predicates; "beat the Jets": verbs
    # of a contest, no wrong with a team, a score or a thing after them
    predicate_joiners: Words
    contest_verbs: Words
    # a wrong counted ("15 per cent of online crime"), posed ("even if tortured") or done by
    # others ("those who killed us"): from one of these to the clause's end, no wrong done
    not_done_before: Phrases
    # "have been cleared of all charges": a charge ended by acquittal, no allegation now
    acquittal_phrases: Phrases
    fought_before: Phrases
    fought_prefixes: Fragments
    doer_suffixes: Fragments
    exculpatory: Fragments
    violent_events: Words
    responsibility_phrases: Phrases
    adverb_cues: WordKinds
    # adjectives and agents: "alleged police violence", "an attack reportedly carried out by Y"
    adjective_cues: WordKinds
    # "the accused thugs Andrew Lopez and ...": a verb of accusing read as an adjective after a
    # determiner or a count, when the phrase names the accused (kind accusation)
    attributive_accusations: Words
    scheduled_words: Words
    possession_verbs: Words
    adjective_target_prepositions: Words
    agent_adverbs: Phrases
    victim_participles: Words
    casualty_participles: Words
    casualty_verbs: Words
    count_quantifiers: Phrases
    count_words: Words
    protected_victims: Words
    disaster_nouns: Words
    # guards: negation, hypotheses, other senses of a cue word
    negators: Words
    negation_exempt_after: Words
    hypothetical: Phrases
    hypothetical_adjacent: Words
    hypothesis_exempt_before: Phrases
    sense_exclusions: PhraseLists
    # subjects and claims
    adverbial_prepositions: Words
    subject_trim_leading: Phrases
    subject_trim_trailing: Phrases
    claim_stops: Phrases
    main_clause_breaks: Words
    # responses: "Y denied the allegations", "Y declined to comment"
    responses: PhraseKinds
    no_comment: Phrases
    response_calls: Phrases
    response_call_kind: str
    responses_need_reference: Words
    reference_nouns: Words
    reference_determiners: Words
    reference_pronouns: Words
    non_responders: Phrases
    # names and pronouns
    pronouns: WordKinds
    client_anaphors: Phrases
    latter_anaphors: Phrases
    former_anaphors: Phrases
    org_anaphors: Phrases
    org_suffixes: Words
    person_titles: Words
    non_person_words: Words
    place_prepositions: Words
    group_nouns: Words
    button_institutions: Words
    button_breaks: Words
    non_names: Words
    role_nouns: Words
    counted_party_nouns: Words
    approximators: Words
    party_pattern: Pattern
    # an adjective of nationality's shape ("iraqi", "syrian"): ``openers.lone_adjectives``
    nationality_pattern: Pattern
    non_parties: Words
    # a quotation that answers ('"It is a lie," Lee said'): fragments looked for in the quoted
    # words (``quotes.quoted_answer``), and the speakers who answer for the accused ("his lawyer")
    quoted_denials: Fragments
    quoted_rejections: Fragments
    quoted_hedges: Fragments
    quote_representatives: Words
    quote_continuations: Words  # a split quotation's second part carrying the first's clause on

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str) -> Lexicon:
        """Build a lexicon from a parsed cue file named ``source``; "_" keys are comments."""
        names = field_names(cls, data, source)
        hints = get_type_hints(cls)
        values: dict[str, Any] = {}
        for name in names:
            try:
                values[name] = _READERS[hints[name]](data[name])
            except (TypeError, ValueError, AttributeError, re.error) as e:
                raise LexiconError(f"{source}: key {name!r}: {e}") from e
        lexicon = cls(**values)
        lexicon.check(source)
        return lexicon

    def check(self, source: str) -> None:
        """Raise LexiconError when a kind named in the data is not one of ``kinds.py``."""
        named = {
            kinds.ALLEGATION_KINDS: [
                *self.accuse_verbs.values(),
                *self.charge_verbs.values(),
                *self.sanction_verbs.values(),
                *self.investigate_verbs.values(),
                *self.clause_verbs.values(),
                *self.sue_verbs.values(),
                *self.passive_to_verbs.values(),
                *self.blame_verbs.values(),
                *self.arrest_verbs.values(),
                *self.attribute_verbs.values(),
                *self.characterise_verbs.values(),
                *self.adverb_cues.values(),
                *self.adjective_cues.values(),
                *self.nouns.values(),
                *self.inherent_clause_kinds,
                *self.clause_needs_that,
                *self.sense_exclusions,
            ],
            kinds.RESPONSE_KINDS: [
                *(kind for _, kind in self.responses),
                self.response_call_kind,
                *self.responses_need_reference,
            ],
            kinds.PRONOUN_CLASSES: list(self.pronouns.values()),
        }
        for allowed, used in named.items():
            if wrong := sorted(set(used) - allowed):
                raise LexiconError(f"{source}: {wrong} not among {sorted(allowed)}")

    # ---- word shapes

    def is_adverb(self, word: str) -> bool:
        """Return True when a lower-case token looks like an adverb ("secretly")."""
        return word not in self.non_adverbs and self.adverb_pattern.fullmatch(word) is not None

    def is_verb(self, word: str) -> bool:
        """Return True when an unlisted lower-case token still reads as a verb ("collected")."""
        return self.verb_pattern.fullmatch(word) is not None

    def is_past(self, word: str) -> bool:
        """Return True when a lower-case token has the shape of a past form ("used", "led")."""
        return self.past_pattern.fullmatch(word) is not None

    def is_present(self, word: str) -> bool:
        """Return True when a lower-case token may be a present-tense verb ("collects")."""
        return self.present_pattern.fullmatch(word) is not None

    def is_gerund(self, word: str) -> bool:
        """Return True when a lower-case token looks like a gerund ("suing")."""
        return self.gerund_pattern.fullmatch(word) is not None

    def is_negative(self, word: str) -> bool:
        """Return True when a lower-case token negates ("not", "never", "didn't")."""
        return word in self.negators or self.negative_pattern.fullmatch(word) is not None

    def is_possessive(self, word: str) -> bool:
        """Return True when a token ends in a possessive ("Durov's", "authorities'")."""
        return self.possessive_pattern.search(word) is not None

    def strip_possessive(self, text: str) -> str:
        """Remove a possessive ending from a word or name ("Durov's" -> "Durov")."""
        return self.possessive_pattern.sub("", text)

    def name_base(self, word: str) -> str:
        """Return the form of a token looked up in ``non_names``: "mondays" -> "monday"."""
        return self.non_name_strip_pattern.sub("", word)

    def is_party_noun(self, word: str, determined: bool) -> bool:
        """Return True when a lower-case word names a party ("police", "drivers", "the banker").

        A word listed in ``role_nouns`` does; an unlisted one of the shape of a person's role
        (``party_pattern``: "banker", "senator") does when plural or after a determiner.
        """
        base = self.name_base(word)
        if word in self.non_parties or base in self.non_parties:
            return False
        if word in self.role_nouns or base in self.role_nouns:
            return True
        if word in self.counted_party_nouns:
            return determined  # "eight people", "one person"; "people accused of ..." is none
        shaped = self.party_pattern.fullmatch(word) is not None
        return shaped and (determined or base != word)  # "drivers" alone, "the driver"

    def is_article(self, word: str) -> bool:
        """Return True for a definite or indefinite article ("the", "a")."""
        return word in self.definite_articles or word in self.indefinite_articles


@lru_cache(maxsize=8)
def load_lexicon(language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """Load the cue lexicon of a language (a code such as "en") from the package data."""
    if not (language.isascii() and language.isalpha() and language.islower()):
        raise ValueError(f"language must be a lower-case ISO 639 code, not {language!r}")
    name = f"allegation_cues.{language}.json"
    path = resources.files("digests").joinpath("data", name)
    if not path.is_file():
        raise FileNotFoundError(f"no allegation cues for {language!r}: digests/data/{name}")
    data = json.loads(path.read_text(encoding="utf-8"))
    lexicon = Lexicon.from_mapping(data, source=name)
    if lexicon.language != language:
        raise LexiconError(f"{name}: holds language {lexicon.language!r}")
    return lexicon


def field_names(cls: type, data: Mapping[str, Any], source: str) -> list[str]:
    """Return a cue dataclass's field names; raise LexiconError if a key is missing or unknown."""
    names = [f.name for f in fields(cls)]
    missing = [n for n in names if n not in data]
    unknown = [k for k in data if k not in names and not k.startswith("_")]
    if missing or unknown:
        raise LexiconError(f"{source}: missing keys {missing}, unknown keys {unknown}")
    return names


# ---- readers, one per field type


def read_text(raw: Any) -> str:
    """Read a string."""
    if not isinstance(raw, str):
        raise TypeError(f"expected a string, got {raw!r}")
    return raw


def read_list(raw: Any) -> list[str]:
    """Read a list of non-empty strings, lower-cased."""
    if not isinstance(raw, list) or not all(isinstance(w, str) and w for w in raw):
        raise TypeError(f"expected a list of non-empty strings, got {raw!r}")
    return [w.lower() for w in raw]


def _groups(raw: Any) -> dict[str, list[str]]:
    """Read ``{kind: [string, ...]}``."""
    if not isinstance(raw, dict):
        raise TypeError(f"expected an object of lists, got {raw!r}")
    return {kind: read_list(words) for kind, words in raw.items()}


def _words(raw: Any) -> Words:
    """Read a list of single words."""
    words = read_list(raw)
    if several := [w for w in words if len(tokens(w)) != 1]:
        raise ValueError(f"{several} are not single words (a phrase list takes phrases)")
    return frozenset(words)


def _phrases(raw: Any) -> Phrases:
    """Read a list of phrases as token tuples, longest first."""
    found = {tuple(tokens(w)) for w in read_list(raw)}
    return tuple(sorted((p for p in found if p), key=lambda p: (-len(p), p)))


def _word_kinds(raw: Any) -> WordKinds:
    """Read ``{kind: [word, ...]}`` as word -> kind."""
    return {w: kind for kind, words in _groups(raw).items() for w in _words(words)}


def _phrase_kinds(raw: Any) -> PhraseKinds:
    """Read ``{kind: [phrase, ...]}`` as (phrase, kind) pairs, longest first."""
    pairs = [(p, kind) for kind, words in _groups(raw).items() for p in _phrases(words)]
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair)))


def _phrase_lists(raw: Any) -> PhraseLists:
    """Read ``{kind: [phrase, ...]}`` as kind -> phrases."""
    return {kind: _phrases(words) for kind, words in _groups(raw).items()}


def _fragments(raw: Any) -> Fragments:
    """Read a list of fragments, lower-cased; their spaces count."""
    return tuple(read_list(raw))


def _pattern(raw: Any) -> Pattern:
    """Read and compile a regular expression."""
    return re.compile(read_text(raw))


_READERS: dict[object, Callable[[Any], Any]] = {
    str: read_text,
    Words: _words,
    Phrases: _phrases,
    WordKinds: _word_kinds,
    PhraseKinds: _phrase_kinds,
    PhraseLists: _phrase_lists,
    Fragments: _fragments,
    Pattern: _pattern,
}
