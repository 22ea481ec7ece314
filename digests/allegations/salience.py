"""Salience: how central an item's sentence is to its text, by TextRank over the sentences.

An item's salience is the TextRank score of the text's sentence most like the item's sentence
(by shared words), scaled so the best sentence scores 1.0, times that likeness. Within its own
article an item's sentence is itself, so its salience is its sentence's score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from digests.allegations.clauses import load_cues
from digests.allegations.lexicon import DEFAULT_LANGUAGE
from digests.allegations.sentence import QUOTES
from digests.models import Allegation
from digests.tokenize import OfflineTokenizer, split_sentences, split_words


def with_salience(
    items: Sequence[Allegation], texts: Sequence[str], tokenizer_language: str
) -> list[Allegation]:
    """Return the items, in their order, each with its salience among the sentences ``texts``."""
    if not items:
        return []
    if not texts:
        return [replace(a, salience=0.0) for a in items]
    scores = _textrank(tuple(texts), tokenizer_language)
    top = max(scores) or 1.0
    bags = [_words(t) for t in texts]

    def salience(item: Allegation) -> float:
        """Score the sentence most like the item's, scaled by how alike they are."""
        bag = _words(item.sentence)
        if not bag:
            return 0.0
        overlap, best = max((len(bag & b) / len(bag | b), k) for k, b in enumerate(bags))
        return round(scores[best] / top * overlap, 6)

    return [replace(a, salience=salience(a)) for a in items]


def rank(
    items: Sequence[Allegation], story_text: str, *, language: str = DEFAULT_LANGUAGE
) -> list[Allegation]:
    """Set each item's salience among the sentences of a story's text; return highest first."""
    tokenizer_language = load_cues(language).tokenizer_language
    texts = split_sentences(story_text, tokenizer_language)
    return sorted(with_salience(items, texts, tokenizer_language), key=lambda a: -a.salience)


def _textrank(texts: tuple[str, ...], language: str) -> list[float]:
    """Return the TextRank score of each sentence."""
    tokenizer = OfflineTokenizer(language)
    sentences = [SumySentence(t, tokenizer) for t in texts]
    ratings = _summarizer(language).rate_sentences(ObjectDocumentModel([Paragraph(sentences)]))
    return [float(ratings[s]) for s in sentences]


@lru_cache(maxsize=8)
def _summarizer(language: str) -> TextRankSummarizer:
    """Return sumy's TextRank for a language (it keeps no state between texts)."""
    summarizer = TextRankSummarizer(Stemmer(language))
    summarizer.stop_words = stop_words(language)
    return summarizer


@lru_cache(maxsize=8)
def stop_words(language: str) -> frozenset[str]:
    """Return sumy's stop words of a language; none where sumy has no list (Russian).

    Stop words only keep common words from tying sentences together; without them TextRank
    still ranks by shared words, so a missing list lowers no item to nothing.
    """
    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


def _words(text: str) -> set[str]:
    """Return the lower-cased words of a sentence."""
    return {w.lower() for w in split_words(text.translate(QUOTES))}
