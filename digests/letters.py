"""Letters one word is written with one way or another, for keywords and searches.

Persian typed on an Arabic keyboard (ي ى / ی, ك / ک), Russian "ё" printed "е" by most outlets
(Королёв / Королев), the Ukrainian apostrophe in its three forms (п'ятниця, п’ятниця,
пʼятниця), and digits in Latin, Persian or Arabic script (2024, ۲۰۲۴, ٢٠٢٤): a word typed with
one letter of a group finds the others. Letters and digits typed full-width on East-Asian
keyboards ("ＵＳ", "０８：００") are read as their plain forms (``plain_width``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

SAME_LETTERS = ("يیى", "كک", "её", "'’ʼ")
# The same digits in three scripts: a number is written in one of them throughout.
DIGIT_SCRIPTS = ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")
_DIGIT_GROUPS = tuple("".join(script[n] for script in DIGIT_SCRIPTS) for n in range(10))
_GROUP = {ch: group for group in SAME_LETTERS + _DIGIT_GROUPS for ch in group}
_TO_SCRIPT = tuple(
    str.maketrans({ch: script[n] for other in DIGIT_SCRIPTS for n, ch in enumerate(other)})
    for script in DIGIT_SCRIPTS
)
# The full-width forms of ASCII (U+FF01-U+FF5E, "ＵＳ", "０８：００"), the half-width katakana and
# the ideographic space: NFKC gives their plain forms. Nothing else is normalised: NFKC on
# every character would also rewrite Arabic presentation forms, superscripts ("km²") and
# ligatures that are no typing habit.
_WIDTH_FORMS = re.compile("[\u3000\uff01-\uffef]+")
# Writings of one word a search tries at most (each adds an OR to the full-text query).
MAX_WRITINGS = 16


# Invisible format characters a typed word may carry (a right-to-left chat's direction marks,
# a pasted zero-width space, soft hyphen or byte-order mark): no part of the word. Not the
# zero-width non-joiner and joiner, which Persian and Indic words hold (the index keeps them).
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def plain_width(text: str) -> str:
    """Return typed text with letters, digits and signs typed full-width ("ＵＳ", "０８：００") or
    half-width in their usual forms ("US", "08:00"), and without invisible format characters
    (``_INVISIBLE``: "Sen\u200fat" is "Senat"); every other character as it was. /search and
    /subscribe read what was typed through it."""
    text = _INVISIBLE.sub("", text)
    return _WIDTH_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


# Words of one letter with a mark, and the languages that write them: French and Portuguese
# "à" ("to"), Italian "è" ("is"), Portuguese "é" ("is") and "ó" ("oh"). Any other letter with a
# mark ("ą", "ù") is a word in no language here.
LETTER_WORDS = {"à": ("fr", "pt"), "è": ("it",), "é": ("pt",), "ó": ("pt",)}


def letter_word(word: str) -> tuple[str, ...] | None:
    """Return the languages a word of one letter with a mark is a word in (``LETTER_WORDS``;
    () for none), or None for any other word. A filter and /search find such a word in the
    articles of those languages only: the index folds "à" to "a", and checking every "a"
    took seconds."""
    lowered = word.lower()
    if len(lowered) != 1 or not lowered.isalpha() or lowered == unaccented(lowered):
        return None
    return LETTER_WORDS.get(lowered, ())


def letter_group(ch: str) -> str | None:
    """Return the letters ``ch`` may be written as, itself among them (lower case), or None."""
    return _GROUP.get(ch.lower())


def writings(word: str) -> list[str]:
    """Return ``word`` as typed first, then its other writings (lower case after the first).

    Every letter of a group may be written as any letter of its group, independently; a word
    with too many such letters (more than ``MAX_WRITINGS`` writings) gets the uniform ones
    only, each group written one way throughout ("ещё всё" → "еще все", "ёщё всё"...). Its
    digits are written in each script, all in one script at a time ("2024", "۲۰۲۴", "٢٠٢٤").
    """
    found = [word]
    seen = {word.lower()}
    for lowered in dict.fromkeys(word.lower().translate(table) for table in _TO_SCRIPT):
        _letters(lowered, found, seen)
    return found[:MAX_WRITINGS]


def _letters(lowered: str, found: list[str], seen: set[str]) -> None:
    """Add the writings of ``lowered`` by its letters (digits stay in their script)."""
    places = [(i, _GROUP[ch]) for i, ch in enumerate(lowered) if ch in _GROUP and not ch.isdigit()]
    if lowered not in seen:
        seen.add(lowered)
        found.append(lowered)

    def add(letters: dict[int, str]) -> None:
        chars = list(lowered)
        for i, ch in letters.items():
            chars[i] = ch
        writing = "".join(chars)
        if writing not in seen:
            seen.add(writing)
            found.append(writing)

    total = 1
    for _, group in places:
        total *= len(group)
    if total <= MAX_WRITINGS:
        for choice in itertools.product(*(group for _, group in places)):
            add({i: ch for (i, _), ch in zip(places, choice, strict=True)})
    else:
        groups = sorted({group for _, group in places})
        for choice in itertools.product(*groups):
            pick = dict(zip(groups, choice, strict=True))
            add({i: pick[group] for i, group in places})


# Languages whose words change their ending with their case: a keyword or search typed in one
# form ("выборы", "Москва") finds the others ("выборов", "в Москве") by its stem. Stems
# shorter than STEM_LETTERS stay whole words: "Рада" cut to "рад" would find "радіо".
INFLECTED = ("ru", "uk")
STEM_LETTERS = 4
# Cut endings that open with a surname's suffix are not cut: "Петров" or "Петрова" cut to
# "петр" would find "Петро" and "Петербург".
_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
# ... except a genitive plural's "-ов" ("депутатов", "регионов"; "-ев" after a vowel or "ц":
# "случаев", "месяцев") typed in lower case (a name is written capitalised) whose stem is this
# long: "петров" keeps "петр" whole, and "медведев" "медвед" (its "-ев" follows a consonant).
_PLURAL_ENDINGS = ("ов", "ев", "ёв")
PLURAL_STEM_LETTERS = 5
# The case endings of Russian and Ukrainian nouns, singular and plural, after a hard and
# after a soft consonant, that a stem of STEM_LETTERS - 1 letters takes as whole words
# (``closed_words``): "дума", "думы", "думе", "думи"; "судья" takes the soft ones. Apart,
# so that "суда" stands for no "судя" ("judging").
_HARD_ENDINGS = ("а", "ы", "и", "і", "е", "у", "о", "ой", "ою", "ом", "ам", "ами", "ах")
_SOFT_ENDINGS = ("я", "и", "і", "е", "є", "ю", "ей", "ею", "ем", "ям", "ями", "ях")
_BEFORE_EV = frozenset("аеёиоуыэюяц")
_VOWELS = frozenset("аеёиоуыэюяіїєь")
# A Ukrainian place name's "і" of its last, closed syllable turns "о" (its "ї" turns "є") when
# an ending opens it: Львів, Львова, у Львові; Київ, Києва, у Києві; Тернопіль, Тернополя.
# The stemmers cut none of these ("київ" is all stem): the changed stem is a prefix too.
_UKRAINIAN_CLOSED = (
    (re.compile("(.*[бвгґджзклмнпрстфхцчшщ])ів"), r"\1ов"),
    (re.compile("(.*)їв"), r"\1єв"),
    (re.compile("(.*[бвгґджзклмнпрстфхцчшщ])іль"), r"\1ол"),
)

# The other way: a form whose ending opened that syllable ("Києва", "Львова", "Тернополя")
# closes back to the name as it stands alone ("київ", "львів", "тернопіль"), a whole word,
# never a prefix ("готова" would otherwise find "готівка"), of STEM_LETTERS letters or more
# ("нова" gives no "нів"). The endings are the cases that open it.
_UKRAINIAN_OPENED = (
    (re.compile("(.*[бвгґджзклмнпрстфхцчшщ])ов(?:а|у|ом|і|ові)"), r"\1ів"),
    (re.compile("(.*)єв(?:а|у|ом|і|ові)"), r"\1їв"),
    (re.compile("(.*[бвгґджзклмнпрстфхцчшщ])ол(?:я|ю|ем|і)"), r"\1іль"),
)


# Languages that write compounds as one word ("Klimapolitik"): in their text a keyword of
# COMPOUND_HEAD_LETTERS letters or more also matches as a compound's last part (its head)
# after COMPOUND_MODIFIER_LETTERS letters or more, with an inflected ending
# (COMPOUND_ENDINGS: those the German stemmer cuts, and "-n"); one shorter than
# STEM_LETTERS only as a whole word with such an ending ("Rat", "Rates"; not "Rathaus").
COMPOUND_LANGUAGES = frozenset({"de"})
# Languages that write compounds as one word, whose text a keyword of STEM_LETTERS letters or
# more matches in the words it starts, as a compound's first part ("Klima": "Klimawandel";
# Dutch "klimaat": "klimaatverandering"). Elsewhere a word must be the keyword's own word.
START_LANGUAGES = frozenset({"de", "nl", "da", "sv", "no", "fi"})
# A plural a language's stemmer may not cut ("loi", "lois" in French; Snowball keeps "lois"):
# a keyword in Latin letters also finds its word with one of these, and the other way.
PLURAL_ENDINGS = ("s", "es", "x")
COMPOUND_HEAD_LETTERS = 5
COMPOUND_MODIFIER_LETTERS = 3
COMPOUND_ENDINGS = ("e", "em", "en", "er", "ern", "es", "s", "n")


# German vowels a plural writes with an umlaut, the last of the word's ("Stadt": "Städte",
# "Haus": "Häuser"; "au" as "äu").
# A vowel made long by "h" is left: "Wahl" has "Wahlen", and "Wähler" is another word.
_UMLAUTS = re.compile(r"([^aeiouäöüy]*)(au|[aou])([^aeiouäöüyh][^aeiouäöüy]*)", re.IGNORECASE)
_UMLAUT_OF = {"au": "äu", "a": "ä", "o": "ö", "u": "ü"}


def umlauted(word: str) -> str | None:
    """Return a German word of one syllable with its vowel written with an umlaut, lower
    case, when that vowel is "a", "o", "u" or "au" and a consonant ends the word ("Stadt":
    "städt", "Haus": "häus", "Wort": "wört"), else None ("Politik", "Klima", "Städte"):
    such words' plurals often take one, and longer words' seldom ("Regierungen")."""
    found = _UMLAUTS.fullmatch(word.lower())
    if found is None:
        return None
    return found[1] + _UMLAUT_OF[found[2]] + found[3]


# The letters a word's ending is written with that its other forms change or drop: vowels
# (accents folded, "y" as in "study", "studies"; Cyrillic "й", "ь" too); and a language's
# infinitive endings, which its conjugated forms drop ("apoyar": "apoyó"; "votare":
# "votato"; "голосовать": "голосовал").
_ENDING_VOWELS = frozenset("aeiouy" + "аеиоуыэюяйьіїє")
_INFINITIVES = {
    "es": ("ar", "er", "ir"),
    "pt": ("ar", "er", "ir"),
    "fr": ("er", "ir", "re"),
    "it": ("are", "ere", "ire", "rre"),
    "ru": ("ться", "тись", "ть", "ти", "чь"),
    "uk": ("тися", "ться", "ти", "ть"),
}

# The last letter a word's plural drops or changes: "s" ("elections", "partidos"); in French
# also "x" and an "-al", "-ail" singular's "l" ("hôpitaux", "hôpital", "travail",
# "travaux"), in Portuguese an "-l" ("jornal", "jornais").
_PLURAL_LETTERS = {"fr": ("s", "x", "l"), "pt": ("s", "l")}


# Languages whose forms write a stem's vowel with an accent one form has and another has not:
# Spanish plurals move the stress mark ("joven": "jóvenes", "examen": "exámenes"), Polish and
# Czech stems lose "ó", "ů" as an ending opens the syllable ("Kraków": "Krakowie",
# "samochód": "samochodu"; Polish "ł" turns "l" before "e": "stół", "stole"). A keyword there
# also looks for its letters written with or without an accent (``compose._stem_start``).
ACCENT_FORMS = frozenset({"es", "pl", "cs"})
# Letters a language writes one for the other in a word's forms, beside accents: Polish "ł"
# and "l" ("stół": "stole").
_SWAPPED_LETTERS = {"pl": str.maketrans("ł", "l")}

# The last letters of a stem that another form of the word writes otherwise, by language: a
# Portuguese "-ão" noun's plural "-ões" (Snowball's "eleiçã", "eleiçõ"); French "nouveau",
# "beau" before a vowel and in the feminine: "nouvel", "nouvelle" (Snowball's "nouveau",
# "nouvel").
STEM_CHANGES = {"pt": (("ã", "õ"),), "fr": (("eau", "el"),)}


# Adjectives a language cuts short before a noun, by language: the short form and the full
# one (Spanish "primer día", "el primero"; "buen", "gran", "tercer"). Each is the other's word
# (``short_forms``); a full form's gender and number forms are the short one's too.
SHORT_FORMS = {
    "es": {
        "buen": "bueno",
        "gran": "grande",
        "primer": "primero",
        "tercer": "tercero",
        "algún": "alguno",
        "ningún": "ninguno",
        "cualquier": "cualquiera",
    },
}


def short_forms(word: str, language: str | None) -> tuple[str, ...]:
    """Return the word a language's adjective cut short before a noun pairs with a word
    (``SHORT_FORMS``), lower case: "primero": "primer"; "gran": "grande"; none for others."""
    pairs = SHORT_FORMS.get(language or "", {})
    lowered = word.lower()
    full = pairs.get(lowered)
    if full is not None:
        return (full,)
    return tuple(short for short, long in pairs.items() if long == lowered)


def changed_stem(stem: str, other: str, language: str | None) -> bool:
    """Return True when two stems differ only by an ending ``STEM_CHANGES`` pairs in the
    language ("eleiçã", "eleiçõ"; "nouveau", "nouvel"), accents folded (a search reads the
    index's words so: "eleicoes")."""
    stem, other = unaccented(stem), unaccented(other)
    for one, two in STEM_CHANGES.get(language or "", ()):
        for a, b in ((unaccented(one), unaccented(two)), (unaccented(two), unaccented(one))):
            if stem.endswith(a) and other.endswith(b) and stem[: -len(a)] == other[: -len(b)]:
                return len(stem) - len(a) >= 3
    return False


def folded(word: str, language: str | None) -> str:
    """Return a word with its accents folded (``unaccented``) and, in a language that writes
    one letter for another in a word's forms, that letter as the other ("stół": "stol")."""
    plain = unaccented(word)
    swap = _SWAPPED_LETTERS.get(language or "")
    return plain.translate(swap) if swap is not None else plain


def unaccented(word: str) -> str:
    """Return a word with its accents folded, one letter for one ("política": "politica")."""
    return "".join(unicodedata.normalize("NFKD", ch)[0] for ch in word)


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Return each Latin letter (lower case, unaccented) with the letters, lower case, that
    fold to it (``unaccented``): "o": "oòóôõöōŏő"..."""
    groups: dict[str, str] = {}
    for code in range(ord("a"), 0x250):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if unicodedata.category(ch) == "Ll" and len(base) == 1 and base.isascii():
            groups[base] = groups.get(base, "") + ch
    return groups


def accent_letters(ch: str) -> str | None:
    """Return the Latin letters, lower case, that ``ch`` is written as with or without an
    accent ("ó": "oòóôõöōŏő..."), ``ch`` among them; None for another letter (Cyrillic "й" is
    no "и" with a mark) or a letter no accent is written on."""
    letters = _accented().get(unaccented(ch.lower())) if ch.lower() < "\u0250" else None
    return letters if letters is not None and len(letters) > 1 else None


def form_start(word: str, language: str | None) -> str:
    """Return the start, lower case, that every form of a word begins with: the word less
    its language's infinitive ending, or the last letter a plural drops or changes
    (``_PLURAL_LETTERS``), then less the vowels it ends with (accents folded to tell them,
    the letters kept). The same word when it ends in none.

    "trade": "trad" (trading, traded); "rule": "rul" (ruling); "partido", "partidos":
    "partid" (not "parte", which Spanish Snowball also cuts to "part"); "study": "stud"
    (studies); "elecciones": "eleccion"; "война": "войн"; "votare": "vot"; "election": as
    typed (not "elected"); "apoyar": "apoy" (apoyó)."""
    lowered = word.lower()
    code = language or ""
    endings = (*_INFINITIVES.get(code, ()), *_PLURAL_LETTERS.get(code, ("s",)))
    ending = next((e for e in endings if lowered.endswith(e)), "")
    if len(lowered) > len(ending) > 0:
        lowered = lowered[: -len(ending)]
    plain = unaccented(lowered)
    end = len(plain)
    while end > 0 and plain[end - 1] in _ENDING_VOWELS:
        end -= 1
    return lowered[:end]


# A Persian plural written, as the standard spelling has it, with a zero-width non-joiner
# before its suffix (بودجه‌ها, بودجه‌های): the word before it is the keyword's stem. Without the
# non-joiner "ها" may end the word itself (تنها), and nothing is cut.
_PERSIAN_PLURAL = re.compile("([\u0600-\u06ff]{2,})\u200c(?:ها|های|هایی)")


@lru_cache(maxsize=4096)
def stem_prefixes(word: str) -> tuple[str, ...]:
    """Return the starts, lower case, by which a word's other forms are found (none: only as
    typed); the one function keywords and searches match inflected words with.

    - A Cyrillic word: the shortest stem the INFLECTED languages' stemmers give that is a
      shorter start of the word, of at least STEM_LETTERS letters, no surname's ending cut
      ("Петров" stays whole), unless a lower-case genitive plural's ("депутатов": "депутат",
      at least PLURAL_STEM_LETTERS letters); a word that is its own stem, of at least
      STEM_LETTERS letters, is its own start ("закон": "закона", "законы"), as a search
      reads a word found by its stem as a start wherever it stands.
    - A Ukrainian word ending in a closed "-ів", "-їв", "-іль": that syllable opened ("Київ":
      "києв", which "Києва" and "Києві" start with; "Львів": "львов").
    - A Persian plural (``_PERSIAN_PLURAL``): its singular.
    """
    lowered = word.lower()
    persian = _PERSIAN_PLURAL.fullmatch(lowered)
    if persian is not None:
        return (persian[1],)
    if not lowered.isalpha() or not all("\u0400" <= ch <= "\u04ff" for ch in lowered):
        return ()
    from digests.language import tools

    plural = lowered == word and lowered.endswith(_PLURAL_ENDINGS)
    stems = []
    for code in INFLECTED:
        rules = tools(code)
        stem = rules.stem(lowered) if rules is not None else lowered
        cut = lowered[len(stem) :]
        if stem == lowered and len(stem) >= STEM_LETTERS:
            stems.append(stem)
            continue
        if not (STEM_LETTERS <= len(stem) < len(lowered) and lowered.startswith(stem)):
            continue
        genitive = cut == "ов" or (cut in ("ев", "ёв") and stem[-1] in _BEFORE_EV)
        if not cut.startswith(_SURNAME_ENDINGS) or (
            plural and genitive and len(stem) >= PLURAL_STEM_LETTERS
        ):
            stems.append(stem)
    found = [min(stems, key=len)] if stems else []
    for closed, opened in _UKRAINIAN_CLOSED:
        changed = closed.sub(opened, lowered) if closed.fullmatch(lowered) else lowered
        if changed != lowered and len(changed) >= STEM_LETTERS:
            found.append(changed)
    return tuple(found)


@lru_cache(maxsize=4096)
def closed_words(word: str) -> tuple[str, ...]:
    """Return the whole words, lower case, a word's form stands for beside its stem prefixes:
    a Ukrainian place name's case whose ending opened its last syllable, closed back
    (``_UKRAINIAN_OPENED``: "Києва" and "Києві" stand for "київ", "Львова" for "львів",
    "Тернополя" for "тернопіль"); the reverse of ``stem_prefixes``' "Київ": "києв"."""
    lowered = word.lower()
    if not lowered.isalpha() or not all("\u0400" <= ch <= "\u04ff" for ch in lowered):
        return ()
    found = []
    for opened, closed in _UKRAINIAN_OPENED:
        match = opened.fullmatch(lowered)
        changed = match.expand(closed) if match is not None else lowered
        if changed != lowered and len(changed) >= STEM_LETTERS:
            found.append(changed)
    found += [form for form in _short_stem_forms(lowered) if form not in found]
    return tuple(found)


def whole_word(word: str) -> bool:
    """Return True when a word is found only as a whole word, never as a longer word's start.

    A Russian or Ukrainian noun whose stem is too short to be a start (``_short_stem_forms``)
    is one of its own case forms: those find its other forms, and a longer word that starts
    with it is another word ("дума": "думали", "думать", "думаю"; "Рада": "радар"). A word
    found by a longer stem (``stem_prefixes``) keeps its start: the stem is shorter still.
    """
    return word.lower() in closed_words(word)


def _short_stem_forms(lowered: str) -> list[str]:
    """Return a noun's case forms, whole words, when the stemmers cut it to a stem one letter
    too short to match as a start (``stem_prefixes``): "дума" and "думы" stand for "думе",
    "думу", "думой"... but not "думали". The bare stem is left out ("рад" for "рада" is
    "glad"), and so is a cut surname ending, as there; a word that is its stem, with no
    ending, takes the hard endings and stands for itself ("суд": "суда", "судом", not
    "судебный"; "мир": "мира", not "мирный")."""
    from digests.language import tools

    forms: list[str] = []
    for code in INFLECTED:
        rules = tools(code)
        stem = rules.stem(lowered) if rules is not None else lowered
        cut = lowered[len(stem) :]
        if len(stem) != STEM_LETTERS - 1 or not lowered.startswith(stem):
            continue
        if not cut and lowered[-1] in _VOWELS:
            continue  # "США", "ООН" are found as typed
        if not cut:  # a masculine noun's bare stem: its own form, and the hard endings
            forms += [stem + end for end in ("", *_HARD_ENDINGS, "ов") if stem + end not in forms]
            continue
        # An ending either kind takes ("-е", "-и") reads as hard, as most such nouns are.
        endings = _HARD_ENDINGS if cut in _HARD_ENDINGS else _SOFT_ENDINGS
        if cut in endings:
            forms += [stem + end for end in endings if stem + end not in forms]
    return forms
