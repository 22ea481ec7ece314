"""Names and pronouns within a paragraph: who "he", "they" and "the company" are.

A subject pronoun prefers the first name of the sentence before (centering); "they"/"it" as an
accuser is the previous item's accuser; "the company" is the previous item's target; "his client"
is the first name of the sentence, else the previous item's target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import NamedTuple

from digests.allegations import kinds
from digests.allegations.grammar import participle_at
from digests.allegations.lexicon import Lexicon
from digests.allegations.sentence import (
    QUOTES,
    Sentence,
    Span,
    capitalised,
    punctuation,
    tokens,
)
from digests.models import Allegation

_NAME_EDGES = " ,.;:\"'“”‘’"  # stripped from both ends of a name
MAX_PARTY_WORDS = 16  # a longer "name" is a run-on phrase
_INITIALISM_END = re.compile(r"(?:^|[\s(])(?:[^\W\d_]\.)+[^\W\d_]$")  # "U.S", "the U.K"


class Gender(Enum):
    """A person's gender, as a word before the name or a pronoun tells it."""

    FEMALE = auto()
    MALE = auto()


class Role(Enum):
    """The part a name plays in an item."""

    ACCUSER = auto()
    TARGET = auto()


@dataclass(slots=True)
class Mention:
    """A name in the text ("Pavel Durov", "the French authorities") and where it is."""

    text: str
    kind: str  # kinds.PERSON, GROUP, ORG or ENTITY
    sentence: int
    token: int
    gender: Gender | None = None  # when a word before it says: "girlfriend Ann Lee"


@dataclass(slots=True)
class Context:
    """What a paragraph has said so far: its names, its items, and names known as organisations."""

    mentions: list[Mention] = field(default_factory=list)
    items: list[Allegation] = field(default_factory=list)
    orgs: set[str] = field(default_factory=set)
    earlier: list[Allegation] = field(default_factory=list)  # the paragraph before's items
    openers: list[str] = field(default_factory=list)  # each sentence's first word, lower-case
    # where each sentence's subject may start: after a fronted "According to X," source
    subject_starts: list[int] = field(default_factory=list)


class Resolved(NamedTuple):
    """A name after resolution, and whether a pronoun or description was resolved."""

    text: str
    resolved: bool


def _adverbial_next(lex: Lexicon, word: str) -> bool:
    """Return True when a word after an opening "-ly" word makes it an adverb, not a name."""
    return word == "," or word in lex.subordinators or word in lex.adverbial_prepositions


def _past_participle_opens(lex: Lexicon, s: Sentence) -> bool:
    """Return True when the sentence opens with a past participle's phrase set off by a comma:
    "Charged with fraud, he ...", "Accused of bribery by rivals, the mayor ..."."""
    after = s.lower[1]
    return (
        not capitalised(s.words[1])
        and after in lex.np_stops
        and after not in lex.coordinators
        and "," in s.lower[2:]
    )


def _modifier_name(lex: Lexicon, s: Sentence, i: int, j: int) -> bool:
    """Return True when the name at [i, j) modifies a noun after an indefinite article or a
    hyphenated modifier: "a Pro Bowl nose tackle", "a three-time Pro Bowl nose tackle"."""
    before = s.words[i - 1]
    opened = s.lower[i - 1] in lex.indefinite_articles or (
        "-" in before and before.islower() and before[:1].isalpha()
    )
    return opened and j < len(s) and s.words[j].isalpha() and s.words[j].islower()


def mentions(lex: Lexicon, s: Sentence, index: int) -> list[Mention]:
    """Return the names in sentence ``index``: runs of capitalised words, classed by their shape."""
    found: list[Mention] = []
    i = 0
    n = len(s)
    while i < n:
        word = s.words[i]
        name_start = capitalised(word) and lex.name_base(s.lower[i]) not in lex.non_names
        if i == 0 and participle_at(lex, s, i):
            name_start = False  # "Speaking in court, Mr Ebbers ...": no name
        if i == 0 and n > 2 and lex.is_past(s.lower[0]) and _past_participle_opens(lex, s):
            name_start = False  # "Charged with one count of ..., he appeared": no name
        if i == 0 and n > 1 and lex.is_adverb(s.lower[0]) and _adverbial_next(lex, s.lower[1]):
            name_start = False  # "Shortly before Park's death, ...": no name
        if not name_start or s.lower[i] in lex.non_names:
            i += 1
            continue
        j = i + 1
        while j < n and (
            (capitalised(s.words[j]) and s.lower[j] not in lex.non_names)
            or (s.lower[j] in lex.name_connectors and j + 1 < n and capitalised(s.words[j + 1]))
        ):
            if lex.is_possessive(s.words[j - 1]):
                break  # "Durov's Telegram": two names
            j += 1
        kind = kinds.ENTITY
        last = lex.strip_possessive(s.lower[j - 1])
        plural_role = j == i + 1 and lex.is_party_noun(last, False) and lex.name_base(last) != last
        if last in lex.group_nouns or last in lex.pronouns or plural_role:
            kind = kinds.GROUP  # "Relatives of the banker alleged he ...": no "he"
        elif j < n and s.lower[j] in lex.group_nouns and not lex.is_possessive(s.words[j - 1]):
            kind = kinds.GROUP  # "French authorities"
            j += 1
        elif last in lex.org_suffixes or (i and s.lower[i - 1] in lex.definite_articles):
            kind = kinds.ORG
        elif any(w in lex.non_person_words for w in s.lower[i:j]):
            kind = kinds.ORG  # "United States", "South Korea": a place, no "he" or "she"
        elif i and s.lower[i - 1] in lex.place_prepositions:
            kind = kinds.ORG  # "was in Germany", "from Chicago": a place, no "he" or "she"
        elif j == i + 1 and len(word) > 1 and word.isalpha() and word.isupper():
            kind = kinds.ORG  # "CCTV", "NBC": an acronym names no "he" or "she"
        elif j + 1 < n and s.lower[j] in lex.person_titles and capitalised(s.words[j + 1]):
            kind = kinds.ORG  # "Kuwaiti Interior Minister Jaber Al Sabah": an office, no "he"
        elif i and _modifier_name(lex, s, i, j):
            kind = kinds.ORG  # "a three-time Pro Bowl nose tackle": a name as a modifier
        elif (i and s.lower[i - 1] in lex.person_titles) or j - i >= 2:
            kind = kinds.PERSON
        text = lex.strip_possessive(s.original(Span(i, j)))
        gender = None
        if i and s.lower[i - 1] in lex.female_words:
            gender, kind = Gender.FEMALE, kinds.PERSON  # "former girlfriend Suzanne Coates"
        elif i and s.lower[i - 1] in lex.male_words:
            gender, kind = Gender.MALE, kinds.PERSON
        elif j - i >= 2 and s.lower[i] in lex.female_words:
            gender, kind = Gender.FEMALE, kinds.PERSON  # "Queen Elizabeth II": no "he"
        elif j - i >= 2 and s.lower[i] in lex.male_words:
            gender, kind = Gender.MALE, kinds.PERSON  # "Prince Charles": no "she"
        last_found = found[-1] if found else None
        found.append(Mention(text, kind, index, i, gender))
        if (
            kind == kinds.PERSON
            and last_found is not None
            and last_found.kind == kinds.PERSON
            and last_found.sentence == index
            and i >= 2
            and s.lower[i - 1] in lex.coordinators
            and last_found.token + len(tokens(last_found.text)) == i - 1
        ):
            # "Hamza Hateer and Mussa Ismael al Fartusi ...; they were alleged to ...": the
            # two people are a group a "they" may stand for
            both = s.original(Span(last_found.token, j))
            found.append(Mention(lex.strip_possessive(both), kinds.GROUP, index, last_found.token))
        i = j
    return found


def is_party(lex: Lexicon, text: str) -> bool:
    """Return True when text names a party: a name or a role ("Pavel Durov", "the police").

    "there", "his remarks", "solvent" and "a day after the mayor" are fragments: the words
    before the first preposition must hold a name (a capitalised word that is no function
    word) or a party noun (``Lexicon.is_party_noun``, ``group_nouns``, ``org_suffixes``).
    """
    words = [w for w in tokens(text.translate(QUOTES)) if not punctuation(w)]
    if not words or len(words) > MAX_PARTY_WORDS:
        return False
    if (
        len(words) > 2
        and words[0].lower() in lex.approximators
        and (words[1][:1].isdigit() or words[1].lower() in lex.count_words)
    ):
        words = words[1:]  # "about 40 women": the count, not the preposition
    head: list[str] = []
    for k, word in enumerate(words):
        low = word.lower()
        joins_names = (
            low in lex.name_connectors
            and 0 < k < len(words) - 1
            and capitalised(words[k - 1])
            and capitalised(words[k + 1])
        )
        first = head[0].lower() if len(head) == 1 else ""
        if (
            low in lex.coordinators
            and first
            and not capitalised(head[0])
            and first not in lex.pronouns
            and first not in lex.determiners
        ):
            # "current and former intelligence officials": the modifiers are coordinated
            return is_party(lex, " ".join(words[k + 1 :]))
        if low in lex.np_stops and not joins_names:
            break
        if low in lex.aux:
            return False  # "Federal authorities are investigating ...": a clause, not a name
        head.append(word)
    return _party_words(lex, head)


def _party_words(lex: Lexicon, head: list[str]) -> bool:
    """Return True when the words before a noun phrase's first preposition name a party."""
    if not head:
        return False
    if _clause(lex, head):
        return False  # "Congress opened an investigation into ...": a clause, no name
    if len(head) > 1 and head[0].lower() in lex.negators:
        return False  # "No militants were inside the school": no one
    determined = False
    for k, word in enumerate(head):
        low = lex.strip_possessive(word.lower())
        if "'" in low and low.partition("'")[0] in lex.subject_pronouns:
            continue  # "I've", "we'd": a pronoun's contraction, no name
        if low in lex.pronouns or low in lex.determiners or low.isdigit():
            determined = True  # "the banker", "36 people"
            continue
        if low in lex.adjective_cues:
            determined = True  # "alleged shooter" (its "the" dropped for display)
            continue
        if name_like(lex, word) and not {low, lex.name_base(low)} & lex.non_names:
            # a capitalised word before lower-case words is a modifier at most ("Bad weather
            # and a sluggish economy", "Sabotage and data theft"); a lone gerund is no name
            last = k == len(head) - 1
            after = "" if last else head[k + 1]
            before_name = any(c.isupper() for c in after) or after.lower() in lex.name_connectors
            owner = lex.is_possessive(word)  # "Trump's declaration": Trump is named
            if last or before_name or owner:
                return True
        if low in lex.group_nouns or low in lex.org_suffixes:
            return True
        if low in lex.counted_party_nouns and k and name_like(lex, head[k - 1]):
            return True  # "British people": a people, as "the British people" shown bare
        if lex.is_party_noun(low, determined):
            return True
    return False


def name_like(lex: Lexicon, word: str) -> bool:
    """Return True for a capitalised word or a name after a particle: "al-Qaeda", "el-Sisi"."""
    particle, _, rest = word.partition("-")
    return capitalised(word) or (particle.lower() in lex.name_connectors and capitalised(rest))


def _clause(lex: Lexicon, head: list[str]) -> bool:
    """Return True when a word after the first is a verb with more words after it.

    "Congress opened an investigation" is a clause. A verb-like word after a determiner, a
    number, "alleged" or a possessive is a noun or adjective: "the accused", "alleged shooter",
    "337 suspected users".
    """
    for k in range(1, len(head) - 1):  # "a lawsuit filed (by ...)": a participle ends it
        low, before = head[k].lower(), head[k - 1].lower()
        verb = low in lex.verb_hints or lex.is_verb(low)
        modified = (
            before in lex.determiners
            or before in lex.adjective_cues
            or lex.is_possessive(before)
            or before.isdigit()
        )
        if verb and not capitalised(head[k]) and not modified:
            return True
    return False


def is_proper_name(lex: Lexicon, text: str) -> bool:
    """Return True when text is a party named by a proper name: "Toronto Police", not "Police".

    A capitalised word that is only a party noun ("Ministers" opening a sentence) is no name.
    """
    if not is_party(lex, text):
        return False
    for word in tokens(text.translate(QUOTES)):
        low = lex.strip_possessive(word.lower())
        if not name_like(lex, word) or lex.name_base(low) in lex.non_names:
            continue
        if not (low in lex.group_nouns or lex.is_party_noun(low, determined=True)):
            return True
    return False


def button_head_named(lex: Lexicon, text: str) -> bool:
    """Return True when a party's head is a name, as ``names.is_button_name`` says for English."""
    words = [w for w in tokens(text.translate(QUOTES)) if not punctuation(w)]
    k = 0
    while k < len(words):
        low = words[k].lower()
        joins_names = (  # "Bank of America": one name
            low in lex.name_connectors
            and 0 < k < len(words) - 1
            and capitalised(words[k - 1])
            and capitalised(words[k + 1])
        )
        if (low in lex.np_stops or low in lex.button_breaks) and not joins_names:
            break
        k += 1
    head, tail = words[:k], words[k + 1 :]
    if not head or head[0].lower() in lex.count_words or head[0].isdigit():
        return False  # "four Turkish army officers", "Three people within ...": people counted
    if tail and not any(_name_word(lex, w) for w in tail):
        return False  # "Correa's government of having links": a clause's words follow
    named = [_name_word(lex, w) for w in head]
    institution = _institution(lex, head[-1])
    if not any(named):
        # "members of the Brazilian Landless Workers Movement" names its group; "His wife"
        # names no one ("his" is no name: "hi" + "s" is not how it is read)
        return institution and len(head) == 1 and bool(tail)
    if named[-1] or (len(head) > 1 and named[-2] and capitalised(head[-1])):
        return True  # a name's last word may be a role's too: "Jong Woo Son", "United States"
    return institution


def _institution(lex: Lexicon, word: str) -> bool:
    """Return True for a noun that after a name is its institution or group: "officials"."""
    low = lex.strip_possessive(word.lower())
    return low in lex.button_institutions or lex.name_base(low) in lex.button_institutions


def _name_word(lex: Lexicon, word: str) -> bool:
    """Return True for a word of a name: capitalised, no function word, no listed role noun
    (a name of a role's shape stays one: "Craig Oliver", "Brenton Tarrant")."""
    low = lex.strip_possessive(word.lower())
    if not name_like(lex, word) or {low, lex.name_base(low)} & lex.non_names:
        return False
    if low in lex.pronouns or low in lex.determiners:
        return False
    return low not in lex.group_nouns and low not in lex.role_nouns  # "Police", "Prosecutors"


def clean(lex: Lexicon, name: str) -> str:
    """Return a name as shown: no edge punctuation, possessive or leading "the".

    An initialism keeps its last dot: "U.S.", not "U.S".
    """
    stripped = name.strip(_NAME_EDGES)
    if _INITIALISM_END.search(stripped) and f"{stripped}." in name:
        stripped += "."
    name = lex.strip_possessive(stripped)
    articles = sorted(w for a in lex.definite_articles for w in (a, a[:1].upper() + a[1:]))
    return re.sub(rf"^(?:{'|'.join(map(re.escape, articles))})\s+", "", name)


def name_key(lex: Lexicon, name: str) -> str:
    """Return a name lower-cased without punctuation, possessives or articles, for comparing."""
    name = name.translate(QUOTES).lower()
    name = re.sub(r"[^\w\s]", " ", lex.strip_possessive(name))
    return " ".join(w for w in name.split() if not lex.is_article(w))


def same_name(lex: Lexicon, a: str, b: str) -> bool:
    """Return True when one name holds the other as whole words ("Durov", "Pavel Durov")."""
    ka, kb = name_key(lex, a), name_key(lex, b)
    if not ka or not kb:
        return False
    return f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} "


class Resolver:
    """Resolve pronouns and descriptions in one sentence from what its paragraph said before."""

    def __init__(
        self,
        lex: Lexicon,
        ctx: Context,
        sentence: int,
        here: list[Mention],
        fronted: int = -1,
        source_end: int = 0,
    ) -> None:
        self.lex = lex
        self.ctx = ctx
        self.sentence = sentence
        self.here = here
        # "According to Press Trust of India, police received complaints alleging he ...": the
        # names of a source opening the sentence (before ``source_end``) are no "he" of it
        self.source_end = source_end
        # the subject pronoun after a fronted phrase ("Alongside talks on Guantanamo Bay
        # detainees, he ..."): it opens its sentence as a pronoun at token 0 does
        self.fronted = fronted

    def resolve(self, text: str, *, role: Role, token: int, exclude: str = "") -> Resolved:
        """Resolve a pronoun or description at a token; other text comes back as it is.

        "They also claim" (accuser) -> the previous item's accuser; "He refuted" -> the first
        name of the sentence before; "the company" -> the previous item's target.
        """
        lex = self.lex
        low = text.lower()
        cls = lex.pronouns.get(low)
        prev = self.ctx.items[-1] if self.ctx.items else None
        if low in {" ".join(p) for p in lex.org_anaphors}:
            if prev is not None and prev.target:
                self.ctx.orgs.add(prev.target)
                return Resolved(prev.target, True)
            orgs = [
                m for m in self._before(token) if m.kind == kinds.ORG and m.sentence < self.sentence
            ]
            if not orgs:
                return Resolved(text, False)
            # the latest sentence naming an organisation, and its first one (its subject)
            latest = [m for m in orgs if m.sentence == orgs[-1].sentence]
            return Resolved(latest[0].text, True)
        latter = low in {" ".join(p) for p in lex.latter_anaphors}
        if latter or low in {" ".join(p) for p in lex.former_anaphors}:
            # "... by the United States; the latter blames it": the last party named before
            # ("the former": the one before that)
            named = [m for m in self._before(token) if m.text != exclude]
            back = 1 if latter else 2
            if len(named) >= back:
                return Resolved(named[-back].text, True)
            return Resolved(text, False)
        if low in {" ".join(p) for p in lex.client_anaphors}:
            # "Prosecutors said the defendant ...": not the accuser, nor a group
            own = [
                m
                for m in self.here
                if m.token < token and m.text != exclude and m.kind != kinds.GROUP
            ]
            if own:
                return Resolved(own[0].text, True)
            return Resolved(prev.target, True) if prev is not None else Resolved(text, False)
        if cls is None:
            return Resolved(text, False)
        if (
            role is Role.ACCUSER
            and cls in {kinds.GROUP, kinds.THING}
            and prev is not None
            and prev.accuser
        ):
            return Resolved(prev.accuser, True)
        candidates = [
            m
            for m in self._before(token)
            if self._compatible(m, cls)
            and m.text != exclude
            and (m.sentence < self.sentence or m.token >= self.source_end)
        ]
        opens_target = (
            role is Role.TARGET
            and token in (0, self.fronted)  # "Arrested by the CHP on ..., he was booked"
            and low in lex.subject_pronouns
        )
        if opens_target:
            # "He shot Ortiz once in the head": a subject pronoun is no name that its own
            # sentence names after it (of a target only: an accuser "he" the same as its
            # target is dropped later, "He went on to accuse Mr Brown")
            later = [m.text for m in self.here if m.token > token]
            candidates = [
                m for m in candidates if not any(same_name(lex, m.text, n) for n in later)
            ]
        if token == self.fronted:
            token = 0  # the fronted phrase's names are no subject: "he" continues the last one
            candidates = [m for m in candidates if m.sentence < self.sentence]
        opening = [m for m in candidates if m.sentence == self.sentence and m.token == 0]
        if role is Role.TARGET and cls == kinds.PERSON and token > 0 and opening:
            # "Bolsonaro has said ..., and his critics blame him": an object pronoun is not its
            # own clause's subject (the accuser, excluded above): the name opening the sentence
            return Resolved(opening[0].text, True)
        if (gender := self._pronoun_gender(low)) and cls == kinds.PERSON:
            # "Hood told his girlfriend Suzanne Coates ... he had confessed": not her
            candidates = [m for m in candidates if self._gender(m) in (None, gender)]
        unfiltered = candidates
        if cls == kinds.PERSON and any(m.kind == kinds.PERSON for m in candidates):
            # "Nikoloz Basilashvili, a Georgian tennis player ... he": a person, not "Georgian"
            candidates = [m for m in candidates if m.kind == kinds.PERSON]
        if not candidates:
            return Resolved(text, False)
        here = [m for m in candidates if m.sentence == self.sentence]
        if role is Role.ACCUSER and token > 0 and here:
            # "Duterte threatened the network, and he accused it": the sentence's own subject
            people = [m for m in here if m.kind == kinds.PERSON] if cls == kinds.PERSON else []
            return Resolved((people or here)[0].text, True)
        if role is Role.ACCUSER or token == 0:
            # a subject pronoun continues the subject of the sentence before (centering)
            for index in range(self.sentence - 1, -1, -1):
                first = [m for m in candidates if m.sentence == index]
                if not first and opens_target and index == self.sentence - 1:
                    # "... when Orozco appeared. He shot Ortiz": the sentence before names no
                    # one known as a person, yet its names come before any older person's
                    first = [m for m in unfiltered if m.sentence == index]
                opener = self.ctx.openers[index] if index < len(self.ctx.openers) else ""
                if lex.pronouns.get(opener) == cls and not any(m.token == 0 for m in first):
                    # "Mediapart is a website. It is viewed as opposing Sarkozy's regime. It
                    # claims ...": that sentence's subject is the same pronoun; go on back
                    continue
                starts = self.ctx.subject_starts
                if index < len(starts) and starts[index] > 0:
                    # "According to Associated Press, Awlaki is located in Yemen. He ...": the
                    # source before the comma is no subject; the name after it is
                    after = [
                        m for m in unfiltered if m.sentence == index and m.token >= starts[index]
                    ]
                    people = [m for m in after if m.kind == kinds.PERSON]
                    if after:
                        return Resolved((people or after)[0].text, True)
                if first:
                    return Resolved(first[0].text, True)
        return Resolved(candidates[-1].text, True)

    def _pronoun_gender(self, low: str) -> Gender | None:
        """Return the gender of "he", "him", "his", "she", "her"; None for any other word."""
        if low in self.lex.male_pronouns:
            return Gender.MALE
        return Gender.FEMALE if low in self.lex.female_pronouns else None

    def _gender(self, m: Mention) -> Gender | None:
        """Return a mention's gender, or that of an earlier mention of the same name.

        A bare surname that two different full names share ("John Jenkin" and his sister
        "Katie Jenkin", then "Jenkin") takes no gender from either: it may stand for both.
        """
        if m.gender:
            return m.gender
        named = [o for o in self.ctx.mentions + self.here if same_name(self.lex, o.text, m.text)]
        longer = {o.text for o in named if len(tokens(o.text)) > len(tokens(m.text))}
        if any(not same_name(self.lex, a, b) for a in longer for b in longer):
            return None
        for other in named:
            if other.gender:
                return other.gender
        return None

    def _compatible(self, m: Mention, cls: str) -> bool:
        """Return True when a name can stand for a pronoun of the class ("she" -> a person)."""
        if cls == kinds.PERSON:
            return m.kind in {kinds.PERSON, kinds.ENTITY} and m.text not in self.ctx.orgs
        if cls == kinds.GROUP:
            return m.kind in {kinds.GROUP, kinds.ORG, kinds.ENTITY}
        return m.kind in {kinds.ORG, kinds.ENTITY}

    def _before(self, token: int) -> list[Mention]:
        """Return the names of earlier sentences and those before the token in this one."""
        earlier = [m for m in self.ctx.mentions if m.sentence < self.sentence]
        return earlier + [m for m in self.here if m.token < token]
