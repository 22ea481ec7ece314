"""Polish nouns' case forms whose stem changes, for keywords and searches.

The Polish stemmer joins most of a noun's forms ("szpital", "szpitala", "szpitalu"), but not
those whose stem's last letters change, and joins a noun made from an adjective with that
adjective's forms. The rules, on the word typed (lower case):

- Its base is the word less its ending vowel ("Polska": "polsk"; "miasto": "miast"; "pole":
  "pol"), or the word itself when a consonant ends it ("dyrektor"). A base under three
  letters has no forms here.
- A masculine noun's "e" before its last consonant drops in every other form ("wypadek":
  "wypadku"; "minister": "ministra"; "koniec": "końca", the "n" before it softened), and so
  does the "io" of "-cioł", "-zioł", "-sioł" after a vowel, its "ci" then "t" ("kocioł":
  "kotła", "w kotle"; "kozioł": "kozła"; "osioł": "osła"; not "anioł", "kościół").
- Before the locative's "-e" the last consonant softens ("Polska": "w Polsce"; "droga":
  "drodze"; "szkoła": "szkole"; "dyrektor": "dyrektorze"; "prezydent": "prezydencie"), and
  the last syllable's "a", "o" or "ó" may turn "e" ("miasto": "mieście"; "las": "lesie";
  "kościół": "kościele"). "k", "g", "ch" soften so in a feminine noun only ("w budynku").
  A masculine noun's plural of persons softens too ("dyrektorzy", "rzecznicy").
- The last syllable's "ó" and "o", "ą" and "ę" swap in other forms ("Kraków": "Krakowa";
  "urząd": "urzędu"; "droga": "dróg"; "ręka": "ręce").
- An adjective's endings on the base are the adjective, not the noun: for "Polska",
  "polskiej", "polskich", "polskie" are no forms ("Polski", the genitive, is).
- A word typed in one of its case forms is its word: the rules read back ("Senacie":
  "Senat"; "prokuraturze": "prokuratura"; "Bartoszka": "Bartoszek"; "ojca": "ojciec"), each
  guess kept only when its own forms hold the word typed ("Senacie" is no form of "sen"); a
  masculine dative's "-owi" is read back to the stem before it ("Nowakowi": "Nowak"); and an
  adjective's or surname's case is its "-i"/"-y" ("Kowalskiego": "Kowalski").

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
# Consonants whose softness an "i" before a dropping "e" writes ("Jodłowiec": "Jodłowca").
_LABIALS = "wbpmf"


def _base(word: str) -> tuple[str, str]:
    """Return a word less its ending vowel, and its gender by that ending: "f" ("-a"), "n"
    ("-o", "-e"), "p" (a plural's "-y", "-i") or "m" (a consonant)."""
    gender = {"a": "f", "o": "n", "e": "n", "y": "p", "i": "p"}.get(word[-1:], "m")
    return (word[:-1] if gender != "m" else word), gender


def short_noun(word: str) -> bool:
    """Return True when a word read as a Polish noun's nominative has a base of three letters
    (``_base``: "pole", "kot", "las"): its start is many other words' ("polecenie",
    "policja", "kotlet"), so in Polish text it is its forms only, never a start. Not a
    plural's "-y", "-i" ("poli" may be "polityka" being typed)."""
    base, gender = _base(word.lower())
    return gender != "p" and len(base) == 3 and base.isalpha()


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
    if before[-1:] == "i" and before[-2:-1] == "c" and base[-1] == "c":
        before = before[:-2]  # "ojciec": "ojca", its "ci" a soft "c" before the "c"
    elif before[-1:] == "i" and before[-2:-1] in _SOFT_BEFORE:
        before = before[:-2] + _SOFT_BEFORE[before[-2]]
    elif before[-1:] == "i" and before[-2:-1] in tuple(_LABIALS):
        before = before[:-1]  # "Jodłowiec": "Jodłowca", the "i" goes with the "e"
    elif before[-1:] in _VOWELS:
        return None
    return before + base[-1]


# A masculine noun's "io" that drops after these letters, and how they are written then
# ("kocioł": "kotła"; "kozioł": "kozła"; "osioł": "osła").
_DROPPED_IO = {"c": "t", "z": "z", "s": "s"}


def _dropped_io(base: str) -> str | None:
    """Return a masculine base less the "io" of its "-cioł", "-zioł", "-sioł" after a vowel
    ("kocioł": "kotł"), None for another base ("anioł", "kościół")."""
    if len(base) < 5 or not base.endswith("ioł") or base[-4] not in _DROPPED_IO:
        return None
    if base[-5] not in _VOWELS:
        return None
    return base[:-4] + _DROPPED_IO[base[-4]] + "ł"


def _with_io(stem: str) -> list[str]:
    """Return a masculine stem with the "io" its nominative has (``_dropped_io`` undone:
    "kotł": "kocioł"; "kozł": "kozioł")."""
    if len(stem) < 3 or stem[-1] != "ł" or stem[-3] not in _VOWELS:
        return []
    soft = {v: k for k, v in _DROPPED_IO.items()}
    return [stem[:-2] + soft[stem[-2]] + "ioł"] if stem[-2] in soft else []


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
    above, the word among them, and, for a word typed in a case form, its word's forms
    (``words_of``); none for a base under three letters."""
    lowered = word.lower()
    forms = dict.fromkeys(_noun_forms(lowered))
    adjective = _adjective_word(lowered)
    for other in words_of(lowered):
        kind = _adjective_forms if other == adjective else _noun_forms
        forms.update(dict.fromkeys(kind(other)))
    return tuple(forms)


@lru_cache(maxsize=4096)
def _noun_forms(lowered: str) -> tuple[str, ...]:
    """Return a noun's case forms by the rules above (``case_forms``), the word first."""
    base, gender = _base(lowered)
    if len(base) < 3 or not base.isalpha():
        return ()
    forms: dict[str, None] = {lowered: None}
    dropped = (_dropped_e(base) or _dropped_io(base)) if gender == "m" else None
    endings_of = NOUN_ENDINGS[gender]
    for stem, endings in ((base, endings_of), (dropped, endings_of[1:])):
        if stem is None:
            continue
        # The nominative's last syllable swaps its vowel; a stem that dropped its "e" has
        # lost that syllable ("Jodłowiec": "Jodłowca", not "Jodłówce", Jodłówka's).
        for written in _last_vowel_swaps(stem) if stem == base else [stem]:
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


def is_name_case(found: str, keyword: str) -> bool:
    """Return True when a word as the text writes it is a woman's surname's own case, which
    declines as an adjective: the keyword a feminine "-a" on an adjective's suffix
    ("Kowalska", "Nowacka", "Szczęsna"), the word its "-iej" or "-ej" with a capital
    ("Anny Kowalskiej"). In lower case it is the adjective ("Polska": "polskiej gospodarki")."""
    words = found.split()
    written = words[-1] if words else ""
    base, gender = _base(keyword.lower())
    if gender != "f" or not base.endswith(_ADJECTIVE_SUFFIXES) or not written[:1].isupper():
        return False
    plain, key = folded(written.lower(), "pl"), folded(base, "pl")
    return plain in (key + "iej", key + "ej")


# An adjective's (or a surname's) endings that no noun takes, longest first, and the shorter
# ones a noun may end in too ("kolej", "Joachim"): those only after an adjective's suffix.
_ADJECTIVE_CASES = ("iego", "iemu", "ego", "emu", "ych", "ich", "ymi", "imi")
_SHORT_CASES = ("iej", "ej", "ym", "im")
_ADJECTIVE_SUFFIXES = ("sk", "ck", "dzk", "n", "ow", "ew", "in", "yn")
# A noun's case endings a word typed may carry, longest first, for the "e" it dropped.
# A masculine noun's dative ending, read back to the stem before it ("-owie" is not: "budowie"
# is "budowa"'s, "odpowie" a verb).
_DATIVE_ENDINGS = ("owi",)
_CASE_ENDINGS = ("owie", "ami", "ach", "owi", "iem", "ów", "om", "em", "a", "u", "y", "i", "e")


def _adjective_forms(word: str) -> tuple[str, ...]:
    """Return an adjective's forms in both genders and numbers, from the masculine "-i"
    or "-y" ("kowalski": "kowalskiego", "kowalska", "kowalscy"; "zielony": "zielonej")."""
    base = word[:-1]
    if word.endswith("i"):
        forms = [base + e for e in ("i", "iego", "iemu", "im", "a", "iej", "ą", "ie", "ich", "imi")]
        if base.endswith(("k", "g")):  # the plural of men: "kowalscy", "ubodzy"
            forms.append(base[:-1] + ("c" if base.endswith("k") else "dz") + "y")
        return tuple(forms)
    return tuple(base + e for e in ("y", "ego", "emu", "ym", "a", "ej", "ą", "e", "ych", "ymi"))


def _adjective_word(lowered: str) -> str | None:
    """Return the masculine "-i"/"-y" of a word typed in an adjective's case ("Kowalskiego",
    "Kowalskim", "Stachurskiej": "-ski"; "Szczęsnego": "szczęsny"), None for another word."""
    for ending in (*_ADJECTIVE_CASES, *_SHORT_CASES):
        base = lowered[: -len(ending)]
        if not lowered.endswith(ending) or len(base) < 3 or base[-1] in _VOWELS:
            continue
        if ending in _SHORT_CASES and not base.endswith(_ADJECTIVE_SUFFIXES):
            return None
        soft = ending.startswith("i") or base.endswith(("k", "g"))
        return base + ("i" if soft else "y")
    return None


def _with_e(stem: str) -> list[str]:
    """Return a masculine stem with the "e" its nominative has before the last consonant
    (``_dropped_e`` undone: "bartoszk": "bartoszek"; "końc": "koniec"; "ojc": "ojciec";
    "jodłowc": "jodłowiec", "jodłowec")."""
    if len(stem) < 3 or stem[-1] not in _MOBILE_E or stem[-2] in _VOWELS:
        return []
    soft = {v: k for k, v in _SOFT_BEFORE.items()}
    before, last = stem[:-1], stem[-1]
    if before[-1] in soft:
        return [before[:-1] + soft[before[-1]] + "ie" + last]
    found = [before + "e" + last]
    if before[-1] in _LABIALS:
        found.append(before + "ie" + last)
    if last == "c" and before[-1] == "j":  # "ojc": "ojciec"
        found.append(before + "ciec")
    return found


@lru_cache(maxsize=4096)
def words_of(word: str) -> tuple[str, ...]:
    """Return the words a word typed in one of their case forms may be ("Senacie": "senat";
    "prokuraturze": "prokuratura"; "Bartoszka": "bartoszek"; "ojca": "ojciec"; "Kowalskiego":
    "kowalski"), none when it is no such form.

    A noun's are read back from the rules above: a locative's softened consonant hardened
    ("-cie": "-t"; "-rze": "-r"; "-dze": "-g"; "-sce": "-sk"), its "e" the last syllable's "a",
    "o" or "ó" ("mieście": "miasto"), or a dropped "e" put back before the last consonant;
    with the noun's endings by gender. Each is kept only when its own forms (``case_forms``'
    rules) hold the word typed: "Senacie" is "senat"'s, not "sen"'s; "kotle" is "kotł-"'s,
    not "kot"'s. An adjective's case ("-ego", "-iego", "-im", "-iej"...) is its masculine "-i"
    or "-y"."""
    lowered = word.lower()
    if not lowered.isalpha():
        return ()
    guesses: list[str] = []
    for hard, soft in SOFTENED:
        if not lowered.endswith(soft + "e"):
            continue
        stem = lowered[: -len(soft) - 1]
        stems = [stem]
        for place in (len(stem) - 1, len(stem) - 2):  # the "e" of ``_e_for_vowel``
            if place > 0 and stem[place] == "e":
                # "ó" too, by the swaps of the "o" guess's forms ("kościół": "kościoł").
                stems += [stem[:place] + v + stem[place + 1 :] for v in "ao"]
                break
            if place < 1 or stem[place] in _VOWELS:
                break
        for written in stems:
            hard_stem = written + hard
            guesses += [hard_stem, hard_stem + "a", hard_stem + "o", *_with_e(hard_stem)]
            guesses += _with_io(hard_stem)
        break  # the longest softening only: "sądzie" is "sąd"'s, not "sądz-"'s
    for ending in _CASE_ENDINGS:
        if lowered.endswith(ending):
            guesses += [*_with_e(lowered[: -len(ending)]), *_with_io(lowered[: -len(ending)])]
    for ending in _DATIVE_ENDINGS:  # "Nowakowi": "nowak"
        if lowered.endswith(ending):
            guesses.append(lowered[: -len(ending)])
    found = [g for g in dict.fromkeys(guesses) if g != lowered and lowered in _noun_forms(g)]
    adjective = _adjective_word(lowered)
    if adjective is not None and adjective != lowered:
        found.append(adjective)
    return tuple(found)
