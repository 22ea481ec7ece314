"""Polish nouns' case forms whose stem changes, for keywords and searches.

The Polish stemmer joins most of a noun's forms ("szpital", "szpitala", "szpitalu"), but not
those whose stem's last letters change, and joins a noun made from an adjective with that
adjective's forms. The rules, on the word typed (lower case):

- Its base is the word less its ending vowel ("Polska": "polsk"; "miasto": "miast"; "pole":
  "pol"), or the word itself when a consonant ends it ("dyrektor"). A base under three
  letters has no forms here.
- A masculine noun's "e" before its last consonant drops in every other form ("wypadek":
  "wypadku"; "minister": "ministra"; "koniec": "końca", the "n" before it softened).
- Before the locative's "-e" the last consonant softens ("Polska": "w Polsce"; "droga":
  "drodze"; "szkoła": "szkole"; "dyrektor": "dyrektorze"; "prezydent": "prezydencie"), and
  the last syllable's "a", "o" or "ó" may turn "e" ("miasto": "mieście"; "las": "lesie";
  "kościół": "kościele"). "k", "g", "ch" soften so in a feminine noun only ("w budynku").
  A masculine noun's plural of persons softens too ("dyrektorzy", "rzecznicy").
- The last syllable's "ó" and "o", "ą" and "ę" swap in other forms ("Kraków": "Krakowa";
  "urząd": "urzędu"; "droga": "dróg"; "ręka": "ręce").
- An adjective's endings on the base are the adjective, not the noun: for "Polska",
  "polskiej", "polskich", "polskie" are no forms ("Polski", the genitive, is).

Forms are compared with accents and "ł" folded (``letters.folded``), as the rest of the
keyword rules compare them.
"""

from __future__ import annotations

from functools import lru_cache

from digests.letters import folded

# A noun's case endings on a base that keeps its letters, both numbers, by the gender
# ``_base`` reads ("" is a feminine or neuter genitive plural: "spraw", "miast").
NOUN_ENDINGS = {
    "f": ("", "a", "y", "i", "e", "ę", "ą", "o", "om", "ami", "ach"),
    "m": ("", "a", "u", "owi", "em", "iem", "e", "y", "i", "ów", "om", "ami", "ach", "owie"),
    "n": ("", "a", "u", "em", "iem", "om", "ami", "ach"),
    "p": ("y", "i", "ów", "om", "ami", "ach"),
}
# An adjective's endings a noun never takes: on a noun's base they make its adjective.
ADJECTIVE_ENDINGS = ("ego", "emu", "ej", "iej", "ym", "ymi", "im", "imi", "ich", "ych")
# The last consonants a locative's "-e" softens, longest first, and how they are written then.
SOFTENED = (
    ("st", "ści"),
    ("sł", "śl"),
    ("zd", "ździ"),
    ("sn", "śni"),
    ("zn", "źni"),
    ("ch", "sz"),
    ("k", "c"),
    ("g", "dz"),
    ("r", "rz"),
    ("ł", "l"),
    ("t", "ci"),
    ("d", "dzi"),
    ("n", "ni"),
    ("s", "si"),
    ("z", "zi"),
    ("m", "mi"),
    ("p", "pi"),
    ("b", "bi"),
    ("w", "wi"),
    ("f", "fi"),
)
# Softened so before "-e" in a feminine noun only; a masculine or neuter one takes "-u".
_VELARS = ("ch", "k", "g")
# A masculine noun's plural of persons: the softened consonant and its ending.
_PERSONS = {"r": ("rz", "y"), "k": ("c", "y"), "t": ("ci", "")}
# The last syllable's letters its forms write otherwise (``letters`` folds "ł" and accents).
SWAPS = (("ó", "o"), ("o", "ó"), ("ą", "ę"), ("ę", "ą"))
# A masculine noun's "e" that drops, before these consonants, and the letters before it that
# soften as it goes ("koniec": "końca").
_MOBILE_E = "kcrł"
_SOFT_BEFORE = {"n": "ń", "s": "ś", "z": "ź", "c": "ć"}
_VOWELS = "aeiouyąęó"


def _base(word: str) -> tuple[str, str]:
    """Return a word less its ending vowel, and its gender by that ending: "f" ("-a"), "n"
    ("-o", "-e"), "p" (a plural's "-y", "-i") or "m" (a consonant)."""
    gender = {"a": "f", "o": "n", "e": "n", "y": "p", "i": "p"}.get(word[-1:], "m")
    return (word[:-1] if gender != "m" else word), gender


def _last_vowel_swaps(base: str) -> list[str]:
    """Return a base as its forms may write its last syllable (``SWAPS``), itself first."""
    bases = [base]
    for one, other in SWAPS:
        for written in list(bases):
            place = written.rfind(one)
            if place >= 0 and not any(ch in _VOWELS for ch in written[place + 1 :]):
                bases.append(written[:place] + other + written[place + 1 :])
    return bases


def _dropped_e(base: str) -> str | None:
    """Return a masculine base less the "e" before its last consonant ("wypadek": "wypadk";
    "koniec": "końc"), None when it has none that drops."""
    if len(base) < 5 or base[-2] != "e" or base[-1] not in _MOBILE_E:
        return None
    before = base[:-2]
    if before[-1:] == "i" and before[-2:-1] in _SOFT_BEFORE:
        before = before[:-2] + _SOFT_BEFORE[before[-2]]
    elif before[-1:] in _VOWELS:
        return None
    return before + base[-1]


def _softened(base: str) -> tuple[str, str] | None:
    """Return a base with its last consonants softened and the consonants it had, None when
    no consonant of ``SOFTENED`` ends it."""
    for hard, soft in SOFTENED:
        if base.endswith(hard):
            return base[: -len(hard)] + soft, hard
    return None


def _e_for_vowel(soft: str, kept: int) -> list[str]:
    """Return a softened base with its last syllable's "a", "o" or "ó" as "e" when at most
    one consonant stands between it and the softened letters ("miast": "mieści"; "wiatr":
    "wietrz"; "kościoł": "kościel"; not "polsk": "pelsc"), itself first. ``kept``: the
    letters before the softened ones."""
    for place in (kept - 1, kept - 2):
        if place > 0 and soft[place] in "aoó":
            return [soft, soft[:place] + "e" + soft[place + 1 :]]
        if place < 1 or soft[place] in _VOWELS:
            break
    return [soft]


@lru_cache(maxsize=4096)
def case_forms(word: str) -> tuple[str, ...]:
    """Return a Polish noun's case forms (lower case, as text writes them) by the rules
    above, the word among them; none for a base under three letters."""
    lowered = word.lower()
    base, gender = _base(lowered)
    if len(base) < 3 or not base.isalpha():
        return ()
    forms: dict[str, None] = {lowered: None}
    dropped = _dropped_e(base) if gender == "m" else None
    endings_of = NOUN_ENDINGS[gender]
    for stem, endings in ((base, endings_of), (dropped, endings_of[1:])):
        if stem is None:
            continue
        for written in _last_vowel_swaps(stem):
            for ending in endings:
                # A bare base that ends in "j" or "i" is no word ("policj"; "policji" is).
                if ending or written[-1] not in "ji":
                    forms[written + ending] = None
            softened = _softened(written)
            if softened is None:
                continue
            soft, hard = softened
            if hard not in _VELARS or gender == "f":
                for changed in _e_for_vowel(soft, len(written) - len(hard)):
                    forms[changed + "e"] = None
            if gender == "m" and hard in _PERSONS:
                consonant, ending = _PERSONS[hard]
                forms[written[: -len(hard)] + consonant + ending] = None
    return tuple(forms)


@lru_cache(maxsize=4096)
def _folded_forms(keyword: str) -> frozenset[str]:
    return frozenset(folded(form, "pl") for form in case_forms(keyword))


def is_case_form(word: str, keyword: str) -> bool:
    """Return True when a word is one of a Polish noun's case forms (``case_forms``), accents
    and "ł" folded."""
    return folded(word.lower(), "pl") in _folded_forms(keyword.lower())


def is_adjective_of(word: str, keyword: str) -> bool:
    """Return True when a word is a noun's base with an adjective's ending ("Polska":
    "polskiej", "polskie"; not "Polski", its genitive): not the noun, whatever its stem. A
    keyword ending in "-y" or "-i" may be the adjective itself and has none."""
    base, gender = _base(keyword.lower())
    if gender == "p" or len(base) < 3:
        return False
    plain, key = folded(word.lower(), "pl"), folded(base, "pl")
    if not plain.startswith(key):
        return False
    ending = plain[len(key) :]
    velar = key.endswith(("k", "g"))
    return ending in {folded(e, "pl") for e in ADJECTIVE_ENDINGS} or (velar and ending == "ie")
