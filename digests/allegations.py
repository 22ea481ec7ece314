"""Allegations ledger: who alleges what against whom in an article, and the answers given.

Rule-based and pure. Each sentence is matched against a small clause grammar ("X accused Y of
Z", "Y was charged with Z", "X alleges that Z", "allegations against Y include ...", "according
to X, Z", reported speech, "allegedly", lawsuits filed or faced); every cue word comes from
``digests/data/allegation_cues.<language>.json``, so a language or lens is added as data.

Decisions:

* An item needs a claim. A bare reference ("the charges against him", "these claims") is not an
  item; it only lets a response link back to the items before it.
* The target is the party the claim is about: the subject of a "that" clause when there is one
  ("allegations against Durov include accusations that Telegram is used ..." -> Telegram), else
  the object, the "against" phrase or the passive subject.
* An unattributed allegation ("Y was charged with Z") has the accuser ``""``.
* Pronouns and "the company" resolve within the paragraph: a subject pronoun prefers the first
  name of the sentence before, "they"/"it" as accuser the previous item's accuser, "the company"
  the previous item's target.
* A response links to the items whose target it names, to items in the same sentence, and, when
  it refers to "these claims"/"the allegations", to the items just before it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from digests.models import Allegation, Response
from digests.tokenize import OfflineTokenizer, split_sentences, split_words

__all__ = [
    "EXTRACTOR_VERSION",
    "Lexicon",
    "extract",
    "is_allegation",
    "load_lexicon",
    "merge",
    "merge_keyed",
    "rank",
]

EXTRACTOR_VERSION = 1

K = TypeVar("K", bound=Hashable)
Phrase = tuple[str, ...]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})  # one char each: offsets hold
_TOKEN = re.compile(r"\w+(?:[-.'&]\w+)*'?|[^\w\s]")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def _phrases(words: Iterable[str]) -> tuple[Phrase, ...]:
    found = {tuple(t.lower() for t in _TOKEN.findall(w.translate(_QUOTES))) for w in words}
    return tuple(sorted((p for p in found if p), key=len, reverse=True))


def _kinds(data: Mapping[str, Sequence[str]]) -> dict[str, str]:
    return {w.lower(): kind for kind, words in data.items() for w in words}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The cue words of one language, as loaded from its JSON file."""

    language: str
    tokenizer_language: str
    accuse_verbs: Mapping[str, str]
    charge_verbs: Mapping[str, str]
    charge_prepositions: tuple[Phrase, ...]
    clause_verbs: Mapping[str, str]
    inherent_clause_kinds: frozenset[str]
    clause_needs_that: frozenset[str]
    sue_verbs: Mapping[str, str]
    sue_markers: tuple[Phrase, ...]
    filing_verbs: frozenset[str]
    facing_verbs: frozenset[str]
    lawsuit_nouns: tuple[Phrase, ...]
    charge_sources: tuple[Phrase, ...]
    passive_aux: frozenset[str]
    passive_to_verbs: Mapping[str, str]
    adverb_cues: Mapping[str, str]
    nouns: Mapping[str, str]
    noun_complements: frozenset[str]
    noun_blocked_before: tuple[Phrase, ...]
    noun_blocked_after: tuple[Phrase, ...]
    noun_reading_before: tuple[Phrase, ...]
    say_verbs: frozenset[str]
    say_skip: tuple[Phrase, ...]
    according_to: tuple[Phrase, ...]
    accuser_nouns: tuple[Phrase, ...]
    group_nouns: frozenset[str]
    wrongdoing: tuple[str, ...]
    negators: frozenset[str]
    negation_exempt_after: frozenset[str]
    hypothetical: tuple[Phrase, ...]
    hypothetical_adjacent: frozenset[str]
    sense_exclusions: Mapping[str, tuple[Phrase, ...]]
    responses: tuple[tuple[Phrase, str], ...]
    no_comment: tuple[Phrase, ...]
    response_calls: tuple[Phrase, ...]
    response_call_kind: str
    reference_nouns: frozenset[str]
    reference_determiners: frozenset[str]
    non_responders: tuple[Phrase, ...]
    pronouns: Mapping[str, str]
    client_anaphors: tuple[Phrase, ...]
    org_anaphors: tuple[Phrase, ...]
    org_suffixes: frozenset[str]
    person_titles: frozenset[str]
    determiners: frozenset[str]
    aux: frozenset[str]
    verb_hints: frozenset[str]
    np_stops: frozenset[str]
    subject_trim_leading: tuple[Phrase, ...]
    subject_trim_trailing: tuple[Phrase, ...]
    relative_markers: frozenset[str]
    claim_stops: tuple[Phrase, ...]
    non_names: frozenset[str]
    name_connectors: frozenset[str]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Lexicon:
        """Build a lexicon from the parsed JSON document."""

        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data[key])

        def phrases(key: str) -> tuple[Phrase, ...]:
            return _phrases(data[key])

        responses = [(p, kind) for kind, ws in data["responses"].items() for p in _phrases(ws)]
        return cls(
            language=data["language"],
            tokenizer_language=data["tokenizer_language"],
            accuse_verbs=_kinds(data["accuse_verbs"]),
            charge_verbs=_kinds(data["charge_verbs"]),
            charge_prepositions=phrases("charge_prepositions"),
            clause_verbs=_kinds(data["clause_verbs"]),
            inherent_clause_kinds=words("inherent_clause_kinds"),
            clause_needs_that=words("clause_needs_that"),
            sue_verbs=_kinds(data["sue_verbs"]),
            sue_markers=phrases("sue_markers"),
            filing_verbs=words("filing_verbs"),
            facing_verbs=words("facing_verbs"),
            lawsuit_nouns=phrases("lawsuit_nouns"),
            charge_sources=phrases("charge_sources"),
            passive_aux=words("passive_aux"),
            passive_to_verbs=_kinds(data["passive_to_verbs"]),
            adverb_cues=_kinds(data["adverb_cues"]),
            nouns=_kinds(data["nouns"]),
            noun_complements=words("noun_complements"),
            noun_blocked_before=phrases("noun_blocked_before"),
            noun_blocked_after=phrases("noun_blocked_after"),
            noun_reading_before=phrases("noun_reading_before"),
            say_verbs=words("say_verbs"),
            say_skip=phrases("say_skip"),
            according_to=phrases("according_to"),
            accuser_nouns=phrases("accuser_nouns"),
            group_nouns=words("group_nouns"),
            wrongdoing=tuple(w.lower() for w in data["wrongdoing"]),
            negators=words("negators"),
            negation_exempt_after=words("negation_exempt_after"),
            hypothetical=phrases("hypothetical"),
            hypothetical_adjacent=words("hypothetical_adjacent"),
            sense_exclusions={k: _phrases(v) for k, v in data["sense_exclusions"].items()},
            responses=tuple(sorted(responses, key=lambda r: len(r[0]), reverse=True)),
            no_comment=phrases("no_comment"),
            response_calls=phrases("response_calls"),
            response_call_kind=data["response_call_kind"],
            reference_nouns=words("reference_nouns"),
            reference_determiners=words("reference_determiners"),
            non_responders=phrases("non_responders"),
            pronouns=_kinds(data["pronouns"]),
            client_anaphors=phrases("client_anaphors"),
            org_anaphors=phrases("org_anaphors"),
            org_suffixes=words("org_suffixes"),
            person_titles=words("person_titles"),
            determiners=words("determiners"),
            aux=words("aux"),
            verb_hints=words("verb_hints"),
            np_stops=words("np_stops"),
            subject_trim_leading=phrases("subject_trim_leading"),
            subject_trim_trailing=phrases("subject_trim_trailing"),
            relative_markers=words("relative_markers"),
            claim_stops=phrases("claim_stops"),
            non_names=words("non_names"),
            name_connectors=words("name_connectors"),
        )


@lru_cache(maxsize=8)
def load_lexicon(language: str = "en") -> Lexicon:
    """Load the cue lexicon of a language from the package data."""
    name = f"allegation_cues.{language}.json"
    text = resources.files("digests").joinpath("data", name).read_text(encoding="utf-8")
    return Lexicon.from_mapping(json.loads(text))


# ---------------------------------------------------------------- sentences as tokens


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    words: tuple[str, ...]  # as written (quotes made straight)
    low: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Sentence:
        matches = list(_TOKEN.finditer(text.translate(_QUOTES)))
        return cls(
            text=text,
            words=tuple(m.group() for m in matches),
            low=tuple(m.group().lower() for m in matches),
            starts=tuple(m.start() for m in matches),
            ends=tuple(m.end() for m in matches),
        )

    def __len__(self) -> int:
        return len(self.low)

    def span(self, i: int, j: int) -> str:
        """Return the original text of tokens i..j-1."""
        if i >= j:
            return ""
        return self.text[self.starts[i] : self.ends[j - 1]]

    def at(self, i: int, phrase: Phrase) -> bool:
        """Return True when the phrase starts at token i."""
        return tuple(self.low[i : i + len(phrase)]) == phrase

    def match(self, i: int, phrases: Iterable[Phrase]) -> Phrase | None:
        """Return the first (longest) phrase that starts at token i."""
        return next((p for p in phrases if self.at(i, p)), None)

    def ends_with(self, j: int, phrases: Iterable[Phrase]) -> Phrase | None:
        """Return the first phrase that ends just before token j."""
        return next((p for p in phrases if len(p) <= j and self.at(j - len(p), p)), None)

    def find(self, phrases: Iterable[Phrase], start: int = 0, stop: int | None = None) -> int:
        """Return the index of the first phrase found in [start, stop), or -1."""
        ps = tuple(phrases)
        for i in range(start, len(self) if stop is None else min(stop, len(self))):
            if self.match(i, ps):
                return i
        return -1


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_punct(word: str) -> bool:
    return not word[:1].isalnum()


@dataclass(slots=True)
class _Frame:
    cue: int
    kind: str
    accuser: tuple[int, int] | None
    explicit: tuple[int, int] | None  # object, "against" or passive subject
    claim: tuple[int, int]
    claim_target: bool  # the claim is a clause whose subject is the target
    needs_support: bool = False  # a weak cue: needs wrongdoing words or a preceding item
    response: tuple[str, int] | None = None  # a response in the same sentence (kind, cue)
    noun: bool = False  # the cue is a noun: "to"/"will" before it mark no hypothesis


class _Grammar:
    """The clause grammar over one sentence, built from a lexicon."""

    def __init__(self, lex: Lexicon, s: _Sentence) -> None:
        self.lex = lex
        self.s = s

    # ---- word classes

    def verb_like(self, i: int) -> bool:
        if i >= len(self.s):
            return False
        w, low = self.s.words[i], self.s.low[i]
        if _is_cap(w) or _is_punct(w):
            return False
        return (
            low in self.lex.aux
            or low in self.lex.verb_hints
            or (low.endswith("ed") and len(low) > 4)
            or (low.endswith("ly") and len(low) > 4)
        )

    def pronoun(self, i: int) -> bool:
        """Return True when token i is a pronoun, not a possessive before a noun ("her boss")."""
        s, lex = self.s, self.lex
        if i >= len(s) or s.low[i] not in lex.pronouns:
            return False
        if s.low[i] not in lex.determiners or i + 1 >= len(s):
            return True
        after = s.words[i + 1]
        return _is_punct(after) or s.low[i + 1] in lex.np_stops or self.verb_like(i + 1)

    def np_end(self, i: int, stop: int | None = None) -> tuple[int, bool]:
        """Return (end, followed_by_verb) of the noun phrase starting at token i."""
        s, lex = self.s, self.lex
        stop = len(s) if stop is None else stop
        if i >= stop:
            return i, False
        if self.pronoun(i):
            return i + 1, self.verb_like(i + 1) or self._s_verb(i + 1, True)
        j = i
        while j < stop and s.low[j] in lex.determiners:
            j += 1
        content = 0
        while j < stop and content < 6:
            w, low = s.words[j], s.low[j]
            if _is_punct(w) and low not in {"$", "%", "-"}:
                break
            if low in lex.name_connectors and content and j + 1 < stop:
                if _is_cap(s.words[j - 1]) and _is_cap(s.words[j + 1]):
                    j += 1
                    continue
                break
            if low in lex.np_stops or self.verb_like(j):
                break
            if content and self._s_verb(j, True):
                break
            content += 1
            j += 1
        return j, self.verb_like(j) or self._s_verb(j, content > 0)

    def _s_verb(self, j: int, after_noun: bool) -> bool:
        """Return True when token j reads as a present-tense verb ("collects", "bundles")."""
        s = self.s
        if not after_noun or j >= len(s) or _is_cap(s.words[j]) or _is_punct(s.words[j]):
            return False
        low = s.low[j]
        if not low.endswith("s") or low.endswith("ss") or len(low) < 4:
            return False
        if low in self.lex.np_stops or (j and _POSSESSIVE.search(s.low[j - 1])):
            return False
        return not self.verb_like(j + 1)

    # ---- phrases before a cue

    def clause_start(self, i: int) -> int:
        s = self.s
        for j in range(i - 1, -1, -1):
            if s.low[j] in {";", ":", '"', "that"} or s.low[j] in self.lex.say_verbs:
                return j + 1
        return 0

    def subject(self, i: int) -> tuple[int, int] | None:
        """Return the subject noun phrase before token i."""
        s, lex = self.s, self.lex
        start = self.clause_start(i)
        parts: list[tuple[int, int]] = []
        a = start
        for j in range(start, i):
            if s.low[j] == ",":
                parts.append((a, j))
                a = j + 1
        parts.append((a, i))
        a, b = parts[-1]
        a, b = self._trim(a, b)
        if a >= b:
            for pa, pb in parts[:-1]:
                pa, pb = self._trim(pa, pb)
                if pa < pb and s.low[pa] not in {"in", "on", "at", "after", "during", "for"}:
                    a, b = pa, pb
                    break
            else:
                return None
        for j in range(a, b):
            if s.low[j] in lex.relative_markers - {"that"} and j > a:
                b = j
                break
        return (a, b) if a < b else None

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        s, lex = self.s, self.lex
        changed = True
        while changed and a < b:
            changed = False
            p = s.match(a, lex.subject_trim_leading)
            if p and a + len(p) <= b and not _is_cap(s.words[a + len(p) - 1][:1] + "x"):
                a += len(p)
                changed = True
            tail = s.ends_with(b, lex.subject_trim_trailing)
            if tail and b - len(tail) >= a:
                b -= len(tail)
                changed = True
            elif b > a and s.low[b - 1].endswith("ly") and len(s.low[b - 1]) > 4:
                b -= 1
                changed = True
        return a, b

    def claim_end(self, a: int, stop: int | None = None) -> int:
        s = self.s
        stop = len(s) if stop is None else stop
        j = s.find(self.lex.claim_stops, a, stop)
        end = stop if j < 0 else j
        while end > a and _is_punct(s.words[end - 1]):
            end -= 1
        return end

    # ---- guards

    def negated(self, cue: int) -> bool:
        s, lex = self.s, self.lex
        for j in range(self.clause_start(cue), cue):
            low = s.low[j]
            if (low in lex.negators or low.endswith("n't")) and not (
                j + 1 < len(s) and s.low[j + 1] in lex.negation_exempt_after
            ):
                return True
            if s.at(j, ("no", "one")):
                return True
        return False

    def hypothetical(self, cue: int, *, noun: bool = False) -> bool:
        s, lex = self.s, self.lex
        if any(s.match(j, lex.hypothetical) for j in range(cue)):
            return True
        return not noun and any(
            s.low[j] in lex.hypothetical_adjacent for j in range(max(0, cue - 2), cue)
        )

    def wrongdoing(self, a: int, b: int) -> bool:
        text = " " + " ".join(self.s.low[a:b]).replace(" '", "'") + " "
        return any(w in text for w in self.lex.wrongdoing)

    def has_phrase(self, a: int, b: int, phrases: tuple[Phrase, ...]) -> bool:
        return self.s.find(phrases, a, b) >= 0

    def passive_before(self, i: int) -> bool:
        s, lex = self.s, self.lex
        if s.low[i].endswith("ing"):
            return False
        j = i - 1
        while j >= 0 and s.low[j].endswith("ly") and len(s.low[j]) > 4:
            j -= 1
        while j >= 0 and s.low[j] in {"also", "now", "not", "never", "formally", "since"}:
            j -= 1
        return j >= 0 and s.low[j] in lex.passive_aux

    def passive_subject(self, i: int) -> tuple[int, int] | None:
        s, lex = self.s, self.lex
        skip = lex.passive_aux | {"has", "have", "had", "also", "now", "not", "never", "formally"}
        j = i - 1
        while j >= 0 and (s.low[j] in skip or (s.low[j].endswith("ly") and len(s.low[j]) > 4)):
            j -= 1
        return self.subject(j + 1)

    # ---- frames

    def frames(self) -> list[_Frame]:
        s, lex = self.s, self.lex
        found: list[_Frame] = []
        for i, low in enumerate(s.low):
            for make in self._makers(low):
                frame = make(i)
                if frame is not None:
                    found.append(frame)
        at = s.find(lex.according_to)
        if at >= 0:
            frame = self.according(at)
            if frame is not None:
                found.append(frame)
        return sorted(found, key=lambda f: f.cue)

    def _makers(self, low: str) -> list[Callable[[int], _Frame | None]]:
        lex = self.lex
        makers: list[Callable[[int], _Frame | None]] = []
        if low in lex.filing_verbs or low in lex.facing_verbs:
            makers.append(self.filing)
        if low in lex.sue_verbs:
            makers.append(self.sue)
        if low in lex.accuse_verbs or low in lex.charge_verbs or low in lex.passive_to_verbs:
            makers.append(self.accuse_or_charge)
        if low in lex.clause_verbs:
            makers.append(self.clause)
        if low in lex.nouns:
            makers.append(self.noun)
        if low in lex.say_verbs:
            makers.append(self.say)
        if low in lex.adverb_cues:
            makers.append(self.adverb)
        return makers

    def filing(self, i: int) -> _Frame | None:
        s, lex = self.s, self.lex
        j = i + 1
        while j < len(s) and j <= i + 3 and not s.match(j, lex.lawsuit_nouns):
            j += 1
        noun = s.match(j, lex.lawsuit_nouns) if j < len(s) else None
        if noun is None:
            return None
        j += len(noun)
        if s.low[i] in lex.facing_verbs:
            if j >= len(s) or s.low[j] != "from":
                return None
            a = j + 1
            b = a
            while b < len(s) and s.low[b] not in {",", "who", "alleging", "over", "that"}:
                b += 1
            c = self._after_marker(b)
            if c is None:
                return None
            return _Frame(i, "lawsuit", (a, b), self.passive_subject(i), c, claim_target=False)
        if j >= len(s) or s.low[j] != "against":
            return None
        a = j + 1
        b = self.np_end(a)[0]
        c = self._after_marker(b)
        if c is None:
            return None
        return _Frame(i, "lawsuit", self.subject(i), (a, b), c, claim_target=False)

    def _after_marker(self, b: int) -> tuple[int, int] | None:
        """Return the claim after a lawsuit marker ("over", ", alleging that", "accusing X of")."""
        s, lex = self.s, self.lex
        if b < len(s) and s.low[b] == ",":
            b += 1
        m = s.match(b, lex.sue_markers) if b < len(s) else None
        if m is None:
            return None
        c = b + len(m)
        if m[-1] in lex.accuse_verbs:
            k = s.find([("of",)], c, c + 8)
            if k < 0:
                return None
            c = k + 1
        if c < len(s) and s.low[c] == "that":
            c += 1
        end = self.claim_end(c)
        return (c, end) if c < end else None

    def sue(self, i: int) -> _Frame | None:
        s, lex = self.s, self.lex
        if s.match(i + 1, lex.sense_exclusions.get("sue", ())):
            return None
        if self.passive_before(i):
            target = self.passive_subject(i)
            a = i + 1
            accuser = None
            if a < len(s) and s.low[a] == "by":
                b = a + 1
                while b < len(s) and not (s.low[b] == "," or s.match(b, lex.sue_markers)):
                    b += 1
                accuser = (a + 1, b)
                a = b
            c = self._after_marker(a)
            if c is None:
                return None
            return _Frame(i, "lawsuit", accuser, target, c, claim_target=False)
        a = i + 1
        b = self.np_end(a)[0]
        c = self._after_marker(self._skip_time(b))
        if c is None or a >= b:
            return None
        return _Frame(i, "lawsuit", self.subject(i), (a, b), c, claim_target=False)

    def _skip_time(self, b: int) -> int:
        s = self.s
        if b < len(s) and s.low[b] in {"on", "in", "last", "this"}:
            k = b + 1
            while k < len(s) and not _is_punct(s.words[k]) and not s.match(k, self.lex.sue_markers):
                k += 1
            if k - b <= 3:
                return k
        return b

    def accuse_or_charge(self, i: int) -> _Frame | None:
        s, lex = self.s, self.lex
        low = s.low[i]
        if (i and s.low[i - 1] in {"the", "an", "a"}) or self._noun_reading(i):
            return None  # "the accused", "an alleged fraud", "the authorities' charges"
        kind = lex.accuse_verbs.get(low) or lex.charge_verbs.get(low) or lex.passive_to_verbs[low]
        preps: tuple[Phrase, ...] = (
            (("of",), ("in",)) if low in lex.accuse_verbs else lex.charge_prepositions
        )
        if low in lex.passive_to_verbs and low not in lex.accuse_verbs:
            preps = (("to", "have"), ("to", "be"), ("to",), ("of",))
        if s.match(i + 1, lex.sense_exclusions.get("charge", ())) and low in lex.charge_verbs:
            return None
        passive = self.passive_before(i) or bool(s.match(i + 1, preps) and low != "alleged")
        if low in lex.passive_to_verbs and low not in lex.accuse_verbs and not passive:
            return None
        if passive:
            a = i + 1
            accuser = None
            if a < len(s) and s.low[a] == "by":
                b = a + 1
                while b < len(s) and not s.match(b, preps) and s.low[b] != ",":
                    b += 1
                accuser = (a + 1, b)
                a = b
            prep = s.match(a, preps) if a < len(s) else None
            if prep is None:
                return None
            c = a + len(prep)
            end = self.claim_end(c)
            if c >= end:
                return None
            return _Frame(i, kind, accuser, self.passive_subject(i), (c, end), claim_target=False)
        if low in lex.clause_verbs and i + 1 < len(s) and s.low[i + 1] == "that":
            return None  # "the indictment charges that ..." is a clause frame
        k = s.find(preps, i + 1, i + 12)
        if k < 0 or s.find([(",",), (".",)], i + 1, k) >= 0:
            return None
        prep = s.match(k, preps) or ()
        c = k + len(prep)
        end = self.claim_end(c)
        if c >= end or k == i + 1:
            return None
        return _Frame(i, kind, self.subject(i), (i + 1, k), (c, end), claim_target=False)

    def clause(self, i: int) -> _Frame | None:
        s, lex = self.s, self.lex
        low = s.low[i]
        if self._noun_reading(i) or self.passive_before(i):
            return None
        kind = lex.clause_verbs[low]
        c = i + 1
        explicit_that = c < len(s) and s.low[c] == "that"
        if explicit_that:
            c += 1
        elif kind in lex.clause_needs_that or s.match(c, lex.sense_exclusions.get(kind, ())):
            return None
        end = self.claim_end(c)
        if c >= end:
            return None
        np_end, verb = self.np_end(c, end)
        if not explicit_that and (np_end == c or not verb):
            return None
        subject = self.subject(i)
        if subject is None:
            return None
        weak = kind not in lex.inherent_clause_kinds
        return _Frame(i, kind, subject, None, (c, end), claim_target=True, needs_support=weak)

    def _noun_reading(self, i: int) -> bool:
        s, lex = self.s, self.lex
        if s.low[i] not in lex.nouns:
            return False
        if i == 0 or (_is_cap(s.words[i]) and self.clause_start(i) == i):
            return True
        if s.low[i] in lex.nouns and s.low[i] not in lex.clause_verbs:
            return True
        if _POSSESSIVE.search(s.low[i - 1]) and s.low[i - 1] != "'":
            return True
        return s.ends_with(i, lex.noun_reading_before) is not None

    def noun(self, i: int) -> _Frame | None:
        s, lex = self.s, self.lex
        if not self._noun_reading(i) or s.ends_with(i, lex.noun_blocked_before):
            return None
        if s.match(i + 1, lex.noun_blocked_after):
            return None
        kind = lex.nouns[s.low[i]]
        j = i + 1
        explicit: tuple[int, int] | None = None
        if j < len(s) and s.low[j] == "against":
            b = self.np_end(j + 1)[0]
            explicit = (j + 1, b)
            j = b
        if j >= len(s) or s.low[j] not in lex.noun_complements:
            return None
        comp = s.low[j]
        c = j + 1
        claim_target = comp == "that"
        nested = c + 1 < len(s) and s.low[c] in lex.nouns and s.low[c + 1] == "that"
        if comp not in {"that", "of"} and nested:  # "... include (accusations) that ..."
            c += 2
            claim_target = True
        end = self.claim_end(c)
        if comp == "of":
            k = s.find([("against",)], c, end)
            if k >= 0:
                explicit = (k + 1, self.np_end(k + 1)[0])
                end = k
        if i == 0 or self.clause_start(i) == i:
            end = self._main_predicate(c, end)
        if c >= end:
            return None
        accuser = self._possessor(i)
        if explicit is None and accuser is None and i > 0:
            explicit = self._sentence_subject(i)
        response = self._response_before(i)
        return _Frame(
            i, kind, accuser, explicit, (c, end), claim_target, response=response, noun=True
        )

    def _main_predicate(self, c: int, end: int) -> int:
        """Cut a sentence-initial "Allegations that X did Y have dominated" before "have"."""
        s, lex = self.s, self.lex
        np_end, _ = self.np_end(c, end)
        seen_verb = False
        for j in range(np_end, end):
            if self.verb_like(j) or s.low[j] in lex.verb_hints:
                after = s.low[j + 1] if j + 1 < end else ""
                past = s.low[j].endswith("ed") and (
                    after in lex.np_stops or after in lex.determiners
                )
                if seen_verb and (s.low[j] in lex.aux or past):
                    return j
                seen_verb = True
        return end

    def _possessor(self, i: int) -> tuple[int, int] | None:
        s = self.s
        if i == 0 or not _POSSESSIVE.search(s.low[i - 1]) or s.low[i - 1] in {"its", "'"}:
            return None
        a = self.clause_start(i - 1)
        while a < i - 1 and (s.low[a] in self.lex.determiners or s.low[a] == ","):
            a += 1
        k = s.find([(",",)], a, i - 1)
        while k >= 0:
            a = k + 1
            k = s.find([(",",)], a, i - 1)
        return (a, i)

    def _sentence_subject(self, i: int) -> tuple[int, int] | None:
        a = self.clause_start(i)
        b = self.np_end(a, i)[0]
        return (a, b) if a < b else None

    def _response_before(self, i: int) -> tuple[str, int] | None:
        s, lex = self.s, self.lex
        for j in range(self.clause_start(i), i):
            for phrase, kind in lex.responses:
                if s.at(j, phrase):
                    return kind, j
        return None

    def say(self, i: int) -> _Frame | None:
        s, lex = self.s, self.lex
        subject = self.subject(i)
        if subject is None or not self.has_phrase(*subject, lex.accuser_nouns):
            return None
        c = i + 1
        skip = s.match(c, lex.say_skip) if c < len(s) else None
        if skip:
            c += len(skip)
        if c < len(s) and s.low[c] == "that":
            c += 1
        end = self.claim_end(c)
        np_end, verb = self.np_end(c, end)
        if np_end == c or not verb or s.low[c] in {"i", "we", "they"}:
            return None
        if not self.wrongdoing(c, end):
            return None
        return _Frame(i, "allegation", subject, None, (c, end), claim_target=True)

    def adverb(self, i: int) -> _Frame | None:
        subject = self.subject(i)
        if subject is None:
            return None
        end = self.claim_end(i + 1)
        if i + 1 >= end:
            return None
        frame = _Frame(i, self.lex.adverb_cues[self.s.low[i]], None, subject, (i + 1, end), False)
        return frame

    def according(self, i: int) -> _Frame | None:
        s, lex = self.s, self.lex
        phrase = s.match(i, lex.according_to) or ()
        a = i + len(phrase)
        b = a
        while b < len(s) and s.low[b] not in {",", ".", ";"}:
            b += 1
        if a >= b:
            return None
        if i == 0:
            c, end = b + 1, self.claim_end(b + 1)
            explicit = None
        elif s.low[i - 1] == "," and b < len(s) and s.low[b] == ",":
            c, end = b + 1, self.claim_end(b + 1)
            explicit = self.subject(i - 1)
        else:
            c, end = 0, i - 1 if s.low[i - 1] == "," else i
            explicit = None
        if c >= end:
            return None
        source = self.has_phrase(a, b, lex.accuser_nouns)
        if not source and not self.wrongdoing(c, end):
            return None
        kind = "allegation"
        if self.has_phrase(a, b, lex.lawsuit_nouns):
            kind = "lawsuit"
        elif self.has_phrase(a, b, lex.charge_sources):
            kind = "charge"
        return _Frame(i, kind, (a, b), explicit, (c, end), claim_target=explicit is None)

    def according_source(self) -> tuple[int, int] | None:
        s = self.s
        i = s.find(self.lex.according_to)
        if i < 0:
            return None
        a = i + len(s.match(i, self.lex.according_to) or ())
        b = a
        while b < len(s) and s.low[b] not in {",", ".", ";"}:
            b += 1
        return (a, b) if a < b else None

    # ---- responses

    def response(self) -> tuple[str, tuple[int, int] | None, bool, int] | None:
        """Return (kind, responder span, refers to earlier claims, cue) of a response."""
        s, lex = self.s, self.lex
        for i in range(len(s)):
            kind = None
            length = 0
            if p := s.match(i, lex.no_comment):
                kind, length = "no_comment", len(p)
            elif p := s.match(i, lex.response_calls):
                kind, length = lex.response_call_kind, len(p)
            else:
                for phrase, k in lex.responses:
                    if s.at(i, phrase):
                        kind, length = k, len(phrase)
                        break
            if kind is None:
                continue
            if kind != "no_comment" and (self.passive_before(i) or self._negated_response(i)):
                continue
            after = s.low[i + length : i + length + 6]
            if kind in {"rejection", "dispute"} and not any(
                w in lex.reference_nouns for w in after
            ):
                continue
            # "these claims", "the allegations", "them": an anaphor, not "denied wrongdoing"
            refers = bool(after) and after[0] in {"them", "it"}
            for n, w in enumerate(after[:3]):
                if w in lex.reference_determiners and any(
                    x in lex.reference_nouns for x in after[n + 1 : n + 3]
                ):
                    refers = True
            if length and s.low[i + length - 1] in lex.reference_nouns:
                refers = True
            responder = self.subject(i)
            if responder and self.has_phrase(*responder, lex.non_responders):
                continue
            return kind, responder, refers, i
        return None

    def _negated_response(self, i: int) -> bool:
        s, lex = self.s, self.lex
        return any(
            s.low[j] in lex.negators or s.low[j].endswith("n't") for j in range(max(0, i - 2), i)
        )


# ---------------------------------------------------------------- mentions and pronouns


@dataclass(slots=True)
class _Mention:
    text: str
    kind: str  # "person", "group", "org", "entity"
    sentence: int
    token: int


@dataclass(slots=True)
class _Context:
    """What a paragraph has said so far: names, items and their sentences."""

    mentions: list[_Mention] = field(default_factory=list)
    items: list[tuple[int, Allegation]] = field(default_factory=list)  # (sentence, item)
    orgs: set[str] = field(default_factory=set)


def _mentions(lex: Lexicon, s: _Sentence, index: int) -> list[_Mention]:
    found: list[_Mention] = []
    i = 0
    n = len(s)
    while i < n:
        w = s.words[i]
        if not (_is_cap(w) and s.low[i].rstrip("'s") not in lex.non_names) or s.low[i] in (
            lex.non_names
        ):
            i += 1
            continue
        j = i + 1
        while j < n and (
            (_is_cap(s.words[j]) and s.low[j] not in lex.non_names)
            or (
                s.low[j] in lex.name_connectors
                and j + 1 < n
                and _is_cap(s.words[j + 1])
                and s.low[j] != "and"
            )
        ):
            if _POSSESSIVE.search(s.words[j - 1]):
                break
            j += 1
        kind = "entity"
        last = _POSSESSIVE.sub("", s.low[j - 1])
        if last in lex.group_nouns or last in lex.pronouns:
            kind = "group"
        elif j < n and s.low[j] in lex.group_nouns and not _POSSESSIVE.search(s.words[j - 1]):
            kind = "group"
            j += 1
        elif last in lex.org_suffixes or (i and s.low[i - 1] == "the"):
            kind = "org"
        elif (i and s.low[i - 1].rstrip(".") in lex.person_titles) or j - i >= 2:
            kind = "person"
        text = _POSSESSIVE.sub("", s.span(i, j))
        found.append(_Mention(text, kind, index, i))
        i = j
    return found


def _clean(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip(" ,.;:\"'“”‘’"))
    return re.sub(r"^(?:the|The)\s+", "", text)


class _Resolver:
    """Pronoun and definite-description resolution within a paragraph."""

    def __init__(self, lex: Lexicon, ctx: _Context, sentence: int, here: list[_Mention]) -> None:
        self.lex = lex
        self.ctx = ctx
        self.sentence = sentence
        self.here = here

    def _compatible(self, m: _Mention, cls: str) -> bool:
        if cls == "person":
            return m.kind in {"person", "entity"} and m.text not in self.ctx.orgs
        if cls == "group":
            return m.kind in {"group", "org", "entity"}
        return m.kind in {"org", "entity"}

    def resolve(self, text: str, *, role: str, token: int, exclude: str = "") -> tuple[str, bool]:
        """Return (resolved text, resolved?) for a pronoun or anaphor; role: accuser/target."""
        lex = self.lex
        low = text.lower()
        cls = lex.pronouns.get(low)
        prev = self.ctx.items[-1][1] if self.ctx.items else None
        if low in {" ".join(p) for p in lex.org_anaphors}:
            if prev is not None and prev.target:
                self.ctx.orgs.add(prev.target)
                return prev.target, True
            orgs = [
                m for m in self._before(token) if m.kind == "org" and m.sentence < self.sentence
            ]
            return (orgs[-1].text, True) if orgs else (text, False)
        if low in {" ".join(p) for p in lex.client_anaphors}:
            if self.here and self.here[0].token < token:
                return self.here[0].text, True
            return (prev.target, True) if prev is not None else (text, False)
        if cls is None:
            return text, False
        if role == "accuser" and cls in {"group", "thing"} and prev is not None and prev.accuser:
            return prev.accuser, True
        candidates = [
            m for m in self._before(token) if self._compatible(m, cls) and m.text != exclude
        ]
        if not candidates:
            return text, False
        if role == "accuser" or token == 0:
            # a subject pronoun continues the subject of the sentence before (centering)
            for index in range(self.sentence - 1, -1, -1):
                first = [m for m in candidates if m.sentence == index]
                if first:
                    return first[0].text, True
        return candidates[-1].text, True

    def _before(self, token: int) -> list[_Mention]:
        earlier = [m for m in self.ctx.mentions if m.sentence < self.sentence]
        return earlier + [m for m in self.here if m.token < token]


# ---------------------------------------------------------------- extraction


def _paragraphs(text: str, title: str | None, lex: Lexicon) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    for block in re.split(r"\n\s*\n", text):
        sentences = split_sentences(block, lex.tokenizer_language)
        if title and sentences and " ".join(sentences) == " ".join(title.split()):
            continue
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


def _pick(lex: Lexicon, s: _Sentence, ctx: _Context) -> _Frame | None:
    g = _Grammar(lex, s)
    if s.text.rstrip(" \"'”’").endswith("?"):
        return None
    for frame in g.frames():
        if g.negated(frame.cue) or g.hypothetical(frame.cue, noun=frame.noun):
            continue
        if frame.needs_support and not (ctx.items or g.wrongdoing(*frame.claim)):
            continue
        return frame
    return None


def _kind(lex: Lexicon, frame: _Frame, accuser: str) -> str:
    s = _Sentence.of(accuser)
    if s.find(lex.lawsuit_nouns) >= 0:
        return "lawsuit"
    if s.find(lex.charge_sources) >= 0:
        return "charge"
    return frame.kind


def _item(lex: Lexicon, s: _Sentence, frame: _Frame, res: _Resolver) -> Allegation:
    g = _Grammar(lex, s)
    if frame.accuser is None and (src := g.according_source()):
        frame.accuser = src
    accuser = s.span(*frame.accuser) if frame.accuser else ""
    if frame.accuser:
        accuser, _ = res.resolve(accuser.strip(" ,"), role="accuser", token=frame.accuser[0])
    explicit = s.span(*frame.explicit) if frame.explicit else ""
    explicit_token = frame.explicit[0] if frame.explicit else frame.cue
    c, end = frame.claim
    target = ""
    if frame.claim_target:
        np_end, _ = g.np_end(c, end)
        subject = s.span(c, np_end)
        if subject and g.pronoun(c) and explicit:
            target = explicit
        elif subject:
            target, ok = res.resolve(subject, role="target", token=c, exclude=accuser)
            if not ok and g.pronoun(c) and frame.response is not None:
                subj = g._sentence_subject(frame.cue)
                target = s.span(*subj) if subj else target
    if not target:
        target = explicit
    target, _ = res.resolve(
        target.strip(" ,"), role="target", token=explicit_token, exclude=accuser
    )
    claim = s.span(c, end)
    responses: tuple[Response, ...] = ()
    if frame.response is not None:
        kind, cue = frame.response
        subj = g.subject(cue)
        responder = s.span(*subj) if subj else target
        responder, _ = res.resolve(responder, role="accuser", token=subj[0] if subj else 0)
        responses = (Response(s.text, responder, kind),)
    return Allegation(
        sentence=s.text,
        accuser=_clean(accuser),
        target=_clean(target),
        claim=claim,
        kind=_kind(lex, frame, accuser),
        responses=responses,
    )


def _norm(text: str) -> str:
    text = text.translate(_QUOTES).lower()
    text = re.sub(r"[^\w\s]", " ", _POSSESSIVE.sub("", text))
    return " ".join(w for w in text.split() if w not in {"the", "a", "an"})


def _names_match(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    return f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


def _link(
    items: list[tuple[int, int, Allegation]],
    responses: list[tuple[int, int, Response, bool]],
) -> list[Allegation]:
    """Attach each response to the items it answers; positions are (paragraph, sentence)."""
    linked = {k: list(a.responses) for k, a in enumerate(_items_only(items))}
    for para, sent, response, refers in responses:
        before = [k for k, (p, s_, _) in enumerate(items) if (p, s_) <= (para, sent)]
        chosen = {k for k in before if _names_match(response.responder, items[k][2].target)}
        if refers:
            same = [k for k in before if items[k][0] == para and items[k][1] < sent]
            if not same and before:
                last_para = items[before[-1]][0]
                same = [k for k in before if items[k][0] == last_para]
            chosen.update(same)
        chosen.update(k for k in before if items[k][:2] == (para, sent))
        for k in sorted(chosen):
            if all(r.sentence != response.sentence for r in linked[k]):
                linked[k].append(response)
    return [replace(a, responses=tuple(linked[k])) for k, a in enumerate(_items_only(items))]


def _items_only(items: list[tuple[int, int, Allegation]]) -> list[Allegation]:
    """Return the allegations of (paragraph, sentence, item) rows."""
    return [a for _, _, a in items]


def _extract(paragraphs: list[list[str]], lex: Lexicon) -> list[Allegation]:
    items: list[tuple[int, int, Allegation]] = []
    responses: list[tuple[int, int, Response, bool]] = []
    for p, sentences in enumerate(paragraphs):
        ctx = _Context()
        for k, text in enumerate(sentences):
            s = _Sentence.of(text)
            here = _mentions(lex, s, k)
            res = _Resolver(lex, ctx, k, here)
            frame = _pick(lex, s, ctx)
            if frame is not None:
                item = _item(lex, s, frame, res)
                items.append((p, k, item))
                ctx.items.append((k, item))
            elif found := _Grammar(lex, s).response():
                kind, span, refers, cue = found
                responder = s.span(*span) if span else ""
                responder, _ = res.resolve(
                    responder, role="accuser" if span else "target", token=span[0] if span else cue
                )
                if responder:
                    responses.append((p, k, Response(text, _clean(responder), kind), refers))
            ctx.mentions.extend(here)
    return _link(items, responses)


def extract(text: str, *, title: str | None = None, language: str = "en") -> list[Allegation]:
    """Return the allegations of an article in document order, each with its responses."""
    lex = load_lexicon(language)
    return _extract(_paragraphs(text, title, lex), lex)


def is_allegation(sentence: str, lexicon: Lexicon | None = None) -> bool:
    """Return True when a sentence, read on its own, states an allegation."""
    lex = lexicon or load_lexicon()
    return bool(_extract([[sentence]], lex))


# ---------------------------------------------------------------- salience and merging


def _words(text: str) -> set[str]:
    return {w.lower() for w in split_words(text.translate(_QUOTES))}


def rank(items: Sequence[Allegation], story_text: str, *, language: str = "en") -> list[Allegation]:
    """Set each item's salience from TextRank over the story's sentences; highest first."""
    lex = load_lexicon(language)
    texts = split_sentences(story_text, lex.tokenizer_language)
    if not items:
        return []
    if not texts:
        return [replace(a, salience=0.0) for a in items]
    tokenizer = OfflineTokenizer(lex.tokenizer_language)
    sentences = [Sentence(t, tokenizer) for t in texts]
    summarizer = TextRankSummarizer(Stemmer(lex.tokenizer_language))
    summarizer.stop_words = get_stop_words(lex.tokenizer_language)
    ratings = summarizer.rate_sentences(ObjectDocumentModel([Paragraph(sentences)]))
    scores = [float(ratings[s]) for s in sentences]
    top = max(scores) or 1.0
    bags = [_words(t) for t in texts]

    def salience(item: Allegation) -> float:
        bag = _words(item.sentence)
        if not bag:
            return 0.0
        overlap, best = max((len(bag & b) / len(bag | b), k) for k, b in enumerate(bags))
        return round(scores[best] / top * overlap, 6)

    ranked = [replace(a, salience=salience(a)) for a in items]
    return sorted(ranked, key=lambda a: -a.salience)


_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "that",
        "with",
        "by",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "be",
        "been",
        "its",
        "his",
        "her",
        "their",
        "it",
        "he",
        "she",
        "they",
        "this",
        "these",
        "those",
        "as",
        "at",
        "from",
    ]
)


def _claim_words(item: Allegation) -> set[str]:
    words = {w.lower() for w in split_words(item.claim.translate(_QUOTES))}
    return {w[:6] for w in words if w not in _STOP and len(w) > 2}  # crude stem: a 6-letter prefix


def _same(a: Allegation, b: Allegation) -> bool:
    if not (_names_match(a.target, b.target) or (not a.target and not b.target)):
        return False
    wa, wb = _claim_words(a), _claim_words(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= min(2, len(wa), len(wb)) and shared / min(len(wa), len(wb)) >= 0.5


def _combine(a: Allegation, b: Allegation) -> Allegation:
    seen = {(_norm(r.responder), r.kind) for r in a.responses}
    extra = tuple(r for r in b.responses if (_norm(r.responder), r.kind) not in seen)
    return replace(
        a,
        accuser=a.accuser or b.accuser,
        target=a.target or b.target,
        responses=a.responses + extra,
        salience=max(a.salience, b.salience),
    )


def merge_keyed(items: Iterable[tuple[K, Allegation]]) -> list[tuple[Allegation, list[K]]]:
    """Merge near-duplicate items (same target, overlapping claim) with the keys they came from."""
    clusters: list[tuple[Allegation, list[Allegation], list[K]]] = []
    for key, item in items:
        for index, (merged, members, keys) in enumerate(clusters):
            if any(_same(item, m) for m in members):
                members.append(item)
                if key not in keys:
                    keys.append(key)
                clusters[index] = (_combine(merged, item), members, keys)
                break
        else:
            clusters.append((item, [item], [key]))
    return [(merged, keys) for merged, _, keys in clusters]


def merge(groups: Iterable[Sequence[Allegation]]) -> list[Allegation]:
    """Merge near-duplicate items from several articles into one list, first-seen order."""
    keyed = ((index, item) for index, group in enumerate(groups) for item in group)
    return [merged for merged, _ in merge_keyed(keyed)]
