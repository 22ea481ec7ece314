"""One key per party across languages and scripts: "Durov", "Дуров", "Дурова" and "Dúrov" meet.

``target_key(name, language)`` lower-cases a name, drops the language's articles and an English
possessive, folds accents ("Dúrov" -> "durov"), strips a Cyrillic word's case ending and spells
it in Latin letters by the table ``digests/data/allegation_cues_transliteration.json`` (BGN/PCGN
simplified, plus the usual spellings of some names: "Павла" -> "pavel", "Телеграм" ->
"telegram"). ``same_target`` compares two keys word by word, as ``resolve.same_name`` does:
one name holds the other ("durov" in "pavel durov"); a word may differ from the other by a
short ending when both are long ("zelensk", "zelensky").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from digests.allegations import kinds
from digests.allegations.clauses import ClauseLexicon, cues_for
from digests.allegations.lexicon import DEFAULT_LANGUAGE
from digests.allegations.ordered import Reader
from digests.allegations.resolve import button_head_named, is_proper_name, name_key

MIN_FUZZY_WORD = 5  # words this long may differ by a short ending
MAX_ENDING = 2
_CYRILLIC = (chr(0x400), chr(0x4FF))  # the Cyrillic block of Unicode
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Transliteration:
    """The Cyrillic-to-Latin table and the case endings a name word loses first."""

    letters: dict[str, str]
    endings: tuple[str, ...]
    common_endings: tuple[str, ...]
    fleeting: dict[str, str]  # a common noun's nominative ending -> its stem in other cases
    stem_finals: tuple[str, ...]  # endings that are part of the stem ("Газпром")
    min_stem: int
    names: dict[str, str]

    def word(self, word: str, common: bool = False) -> str:
        """Spell one lower-case Cyrillic word in Latin letters, its case ending stripped.

        ``common``: the word was written in lower case, a common noun, whose genitive plural
        ("поставщиков") loses its ending as well; a capitalised "-ов" is a surname's (Дуров).
        A word ending in one of ``stem_finals`` keeps it ("Газпром" as "Газпрома"); a common
        noun's fleeting vowel goes ("владелец" as "владельца").
        """
        if word in self.names:
            return self.names[word]
        stem = word
        if word.endswith(self.stem_finals):
            return self._spell(word)
        for ending in (*self.common_endings, *self.endings) if common else self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= self.min_stem:
                stem = word[: -len(ending)]
                break
        else:
            if common:
                final = next((f for f in self.fleeting if word.endswith(f)), "")
                if final and len(word) - len(final) >= self.min_stem:
                    stem = word[: -len(final)] + self.fleeting[final]
        return self._spell(stem)

    def _spell(self, stem: str) -> str:
        """Spell a stem in Latin letters (or by its usual spelling)."""
        if stem in self.names:
            return self.names[stem]
        return "".join(self.letters.get(c, c) for c in stem)


@lru_cache(maxsize=1)
def transliteration() -> Transliteration:
    """Load the transliteration table from the package data."""
    path = resources.files("digests").joinpath("data", kinds.TRANSLITERATION_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    endings = sorted(data[kinds.NAME_ENDINGS_KEY], key=len, reverse=True)
    return Transliteration(
        letters=dict(data[kinds.LETTERS_KEY]),
        endings=tuple(endings),
        common_endings=tuple(data.get(kinds.COMMON_NOUN_ENDINGS_KEY, ())),
        fleeting=dict(data.get(kinds.COMMON_NOUN_FLEETING_KEY, {})),
        stem_finals=tuple(data.get(kinds.STEM_FINALS_KEY, ())),
        min_stem=int(data[kinds.MIN_STEM_KEY]),
        names=dict(data[kinds.NAMES_KEY]),
    )


def _cyrillic(word: str) -> bool:
    """Return True when a word holds a Cyrillic letter."""
    low, high = _CYRILLIC
    return any(low <= c <= high for c in word)


def _fold(word: str) -> str:
    """Drop accents from a Latin word ("dúrov" -> "durov")."""
    decomposed = unicodedata.normalize(kinds.UNICODE_DECOMPOSITION, word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def target_key(name: str, language: str | None = DEFAULT_LANGUAGE) -> str:
    """Return a name's key for grouping across languages: "Дурова" -> "durov".

    An unknown or unsupported language reads the name without articles to drop.
    """
    cues = cues_for(language or DEFAULT_LANGUAGE)
    if cues is None:
        words = _NON_WORD.sub(" ", name.lower()).split()
    elif isinstance(cues, ClauseLexicon):
        text = re.sub(r"\b(\w+)['’]", r"\1' ", name.lower())  # "l'ONU" -> "l' onu"
        words = [w for w in text.split() if w not in cues.determiners]
        words = _NON_WORD.sub(" ", " ".join(words)).split()
        # "des Bundesamts" -> "bundesamt": a genitive "-s" after an ending the file lists
        words = [w[:-1] if w.endswith(cues.genitive_endings) else w for w in words]
        # "den ehemaligen Vorsitzenden" -> "ehemalige vorsitzende": a case ending of an
        # adjective (lower-case as written) or a role noun, never of a proper name
        lower = {w for w in _NON_WORD.sub(" ", name).split() if w.islower()}
        words = [
            cues.key_case_pattern.sub("", w) if w in lower or w in cues.role_nouns else w
            for w in words
        ]
    else:
        words = name_key(cues, name).split()
    table = transliteration()
    written = _NON_WORD.sub(" ", name).split()
    capitalised = {w.lower() for w in written if not w.islower()}
    common = {w for w in written if w.islower()} - capitalised  # "поставщиков", not "Дуров"
    out = [table.word(w, common=w in common) if _cyrillic(w) else _fold(w) for w in words]
    return " ".join(w for w in out if w)


def is_name(name: str, language: str | None = DEFAULT_LANGUAGE) -> bool:
    """Return True when a party is named by a proper name in its language ("Durov", "Дурова").

    A role ("прокуратура", "la fiscalía") is none; in German a capitalised common noun
    ("Konzern", "Regierung") is none either, where English rules would take it for a name.
    """
    cues = cues_for(language or DEFAULT_LANGUAGE)
    if cues is None:
        return False
    if isinstance(cues, ClauseLexicon):
        r = Reader(cues, name)
        return any(r.name_word(i) for i in range(len(r.s)))
    return is_proper_name(cues, name)


def is_button_name(name: str, language: str | None = DEFAULT_LANGUAGE) -> bool:
    """Return True when a target may be offered as an /allegations button: a name as a whole.

    ``is_name`` asks whether a name is in the phrase; a button needs the party itself named.
    The words before the phrase's first preposition (its head, as ``resolve.is_party`` reads
    it; in the other languages also before a determiner after its first word, a genitive's:
    "Trainer des Zweitligisten") must hold a name, and in English end with one or with a noun
    of ``button_institutions`` after a name ("Kazakhstan officials", "Trump campaign"), not
    with another common noun ("Florida man", "Social media", "His wife", "Joe Biden only").
    A head counted ("four Turkish army officers") describes people, and a tail after a
    preposition that holds no name is a clause's ("Correa's government of having links").
    Roles alone and fragments stay in the ledger's text; they get no button.
    """
    if not is_name(name, language):
        return False
    cues = cues_for(language or DEFAULT_LANGUAGE)
    if isinstance(cues, ClauseLexicon):
        return _clause_head_named(cues, name)
    return cues is not None and button_head_named(cues, name)


def _clause_head_named(cues: ClauseLexicon, name: str) -> bool:
    """Return True when the head of a name in a clause-pattern language holds a name word, the
    phrase ends in a name or a role, and a lone role's shape is not its only capitalised word.

    A common noun before a name may be its apposition ("distillerie Martel") or govern it in
    the genitive ("территория России"): both stay buttons, as nothing here tells them apart.
    """
    r = Reader(cues, name)
    last = r.s.lower[-1] if len(r.s) else ""
    if (
        len(r.s) > 1
        and last.isalpha()
        and r.s.words[-1] == last
        and last not in cues.role_nouns
        and not cues.party_pattern.fullmatch(last)
    ):
        # "Hahn einen 34-Jährigen fest", "экс-начальник Метрополитена было", "Francophonie
        # l'excès": a name's phrase ends in a name or a role, not in a clause's word
        return False
    named, capitals = [], 0
    for i in range(len(r.s)):
        low = r.s.lower[i]
        if i and (low in cues.np_stops or low in cues.prepositions or low in cues.determiners):
            break
        capitals += r.s.words[i][:1].isupper()
        if r.name_word(i):
            named.append(low)
    # in a language that capitalises its nouns, a role's shape as the only capitalised word is
    # a role ("Inhaber", "52-jähriger Lagerverwalter"), not with another ("Peter Kallmeyer",
    # "Hausverwaltung Lindner")
    lone_roles = cues.word_set(kinds.BUTTON_LONE_ROLES_SET)
    return bool(named) and (capitals > 1 or named[0] not in lone_roles)


def same_target(a: str, b: str, language_a: str | None, language_b: str | None) -> bool:
    """Return True when two names, each in its article's language, name the same party."""
    ka, kb = target_key(a, language_a).split(), target_key(b, language_b).split()
    if not ka or not kb:
        return False
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return any(
        all(_same_word(w, v) for w, v in zip(short, long[i : i + len(short)], strict=True))
        for i in range(len(long) - len(short) + 1)
    )


def same_key(a: str, b: str) -> bool:
    """Return True when two ``target_key`` keys name one party: word for word the same, each
    word equal or long and apart by a short ending ("gazpr" for "Газпромом", "gazprom" for
    "Газпрома"). Unlike ``same_target``, one key inside a longer one is not enough ("france",
    "air france")."""
    ka, kb = a.split(), b.split()
    return bool(ka) and len(ka) == len(kb) and all(map(_same_word, ka, kb))


def _same_word(a: str, b: str) -> bool:
    """Return True when two key words are one: equal, or long and apart by a short ending."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (
        len(short) >= MIN_FUZZY_WORD
        and long.startswith(short)
        and len(long) - len(short) <= MAX_ENDING
    )
