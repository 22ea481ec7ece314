"""Extractive summaries with sumy: whole sentences, in document order, within a word budget.

Plain methods ("lexrank", "textrank", "lsa", "luhn") rank sentences with sumy's summarizers;
"lead" takes the article's opening; "hybrid" (the default, chosen by ``bench/summarise.py``)
scores each sentence with a linear model over sumy-tokenised features: graph centrality (TextRank,
LexRank and a cosine graph of term counts, computed with numpy), position, headline overlap,
length and quotation marks. No feature is a word list: stop words and stems come from the
article's language.

Each article is read with its own language's rules (``digests.language.tools``: sentence
splitting, stemming, stop words). The language is the one given (an ISO 639-1 code or tag), or,
when none is given, the one ``digests.language.detect`` finds in the text. A language without
rules, or none found, gets the lead sentences (split at sentence ends only, or by its script's
marks) whatever the method: never English rules.

Headlines are never summary text. ``summarise(text, title=...)`` uses the title only to score
sentences: a sentence equal to it is dropped, and a copy of it at the start of the text is cut off
(a feed's headline line, or a headline run into the first sentence; see ``strip_title``). Plain
documents go through ``summarise_document``, which takes the headline apart first by the rule of
``split_headline`` (a first line that does not end like a sentence, followed by a blank line), or
from the ``Title:`` header of a seed file.

Sentences go by units (``digests.cohesion``): a quotation the splitter cut into several
sentences is taken whole or not at all, a speaker tag cut off ("she asked.", "— сказал он.")
with its quotation, and a unit that would show half a quotation never. A summary does not open
on a sentence that leans on the one before it ("He added that ...", "Эти обвинения ..."): that
one comes in too when the budget allows, else the leaning opening is left out (``_select``).
A unit ranks by the mean rank of its sentences.

Budget rule: with ``words=W`` (words are whitespace-separated tokens; a run of Chinese,
Japanese or Thai letters counts by its letters, ``unspaced.word_count``) sentences are taken best
first until W words are reached; a sentence is admitted only if at least half of its words fall
within W, otherwise it is skipped and shorter ones further down may fill the gap. So a summary ends
at most half a sentence past W (about 80 words on average for W=75 on BBC news), never mid-sentence.
The best sentence is always returned, even if it alone is longer than W; but a "sentence" of
more than ``LONGEST_SENTENCE`` (150) words is no sentence (a video's automatic captions, a list
without marks): it is cut after W words (75 when only ``sentences`` is given), with "…". Sentences are
joined with a space, none after a full-width mark (。！？: ``unspaced.join_sentences``). ``sentences=N`` keeps the
N best; given both, both limits hold.
A sentence that ends with a letter or a figure (a paragraph that ended it without a full stop)
gets the mark that ends most of the article's sentences, so that it is not run into the next.

Cost is bounded: only the first ``MAX_CHARS`` characters (cut at a line break) and of those the
first ``MAX_SENTENCES`` sentences are considered, so a huge page costs about as much as a long
article.
"""

from __future__ import annotations

import multiprocessing
import re
import unicodedata
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from digests import language as languages
from digests.cohesion import Unit, leans_back, sentence_units
from digests.errors import SeedError
from digests.extract import read_seed
from digests.language import Rules
from digests.summary_method import DEFAULT_METHOD, method_from_env
from digests.tokenize import OfflineTokenizer
from digests.unspaced import join_sentences, opening, word_count

__all__ = [
    "DEFAULT_METHOD",
    "DEFAULT_WORDS",
    "MAX_CHARS",
    "MAX_HEADLINE_CHARS",
    "MAX_SENTENCES",
    "METHODS",
    "assemble",
    "method_from_env",
    "split_headline",
    "strip_title",
    "summarise",
    "summarise_document",
    "summarise_many",
]

K = TypeVar("K")

DEFAULT_WORDS = 75
MAX_CHARS = 30_000
MAX_SENTENCES = 120
# The longest sentence a summary holds whole, in words. News sentences run to 60 (the longest
# of the 300 BBC articles of bench-data); a longer one is a run without marks, cut (``_run_on``).
LONGEST_SENTENCE = 150
_CHUNK = 16  # articles per task sent to a worker process: amortises pickling and wake-ups

_QUOTES = frozenset('"“”«»')

MAX_HEADLINE_CHARS = 200
# Sentence-final punctuation (Latin, CJK, Arabic, Devanagari), then any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？؟।][\"'”’»›)\]}」』]*$")
_WORD_RUN = re.compile(r"\w+")
# What may stand between a headline and the body it was run into, besides white space.
_SEPARATORS = frozenset(".!?…。！？؟:|•·–—")
_MIN_RUN_IN_TITLE = 4  # words a title needs to be cut off when only a space follows it
_SEED_HEADER = re.compile(r"\ufeff?title:", re.IGNORECASE)
_GAP = re.compile(r"[\s.!?…。！？؟:|•·–—-]*")


def split_headline(text: str) -> tuple[str | None, str]:
    """Return (headline, body) if text opens with a headline line, else (None, text) unchanged.

    The headline is the first non-blank line when it is followed by a blank line and more text,
    holds a letter or digit, is at most MAX_HEADLINE_CHARS long and does not end like a sentence
    (. ! ? … and the like, with any closing quotes or brackets after them). A byte order mark and
    CR or CRLF line ends are accepted.
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if first + 2 >= len(lines) or lines[first + 1].strip():
        return None, text
    headline = " ".join(lines[first].split())
    body = "\n".join(lines[first + 2 :])
    if (
        not body.strip()
        or len(headline) > MAX_HEADLINE_CHARS
        or not _WORD_RUN.search(headline)
        or _SENTENCE_END.search(headline)
    ):
        return None, text
    return headline, body


def _words(text: str) -> list[str]:
    """Return the words of text for comparing: no case, punctuation or white space."""
    return [unicodedata.normalize("NFKC", w).casefold() for w in _WORD_RUN.findall(text)]


def strip_title(text: str, title: str) -> str:
    """Cut copies of title off the start of text, ignoring case, punctuation and white space.

    A copy counts when a line break or a separator (. ! ? : | – — or a spaced hyphen) follows it,
    or, for a title of at least four words, a space and then anything but a lower-case letter:
    "Title\\nBody", "Title - Body" and "A longer title Body" lose the title; "Apple results beat
    forecasts" under "Apple results" and "Brexit Secretary David Davis said" under "Brexit" keep
    their words, as the sentence goes on from them.
    """
    wanted = _words(title)
    if not wanted:
        return text
    title = title.strip()
    title_words = list(_WORD_RUN.finditer(title))
    title_start = title[: title_words[0].start()].strip()  # an opening quote, say
    title_end = title[title_words[-1].end() :].strip()  # "?" or a closing quote, say
    while True:
        body = text.lstrip("\ufeff").lstrip()
        found = list(islice(_WORD_RUN.finditer(body), len(wanted)))
        if (
            len(found) < len(wanted)
            or bool(body[: found[0].start()].strip()) != bool(title_start)
            or _words(body[: found[-1].end()]) != wanted
        ):
            return text
        rest = body[found[-1].end() :]
        ending = title_end if title_end and rest.startswith(title_end) else ""
        rest = rest[len(ending) :]
        gap = _GAP.match(rest)
        spacing = gap.group() if gap else ""
        after = rest[len(spacing) :]
        spaced = any(c.isspace() for c in spacing)
        glued = (
            not after.strip()
            or "\n" in spacing
            or any(c in _SEPARATORS for c in spacing + ending)
            or (spaced and "-" in spacing)
            # A short title may well be how the first sentence begins ("Brexit Secretary ...").
            or (spaced and not after[0].islower() and len(wanted) >= _MIN_RUN_IN_TITLE)
        )
        if not glued:
            return text
        text = after


@dataclass(frozen=True, slots=True)
class _Article:
    """A parsed, bounded article: sumy's document and what the rankers need from it."""

    document: Any  # sumy ObjectDocumentModel holding only the considered sentences
    texts: tuple[str, ...]
    lengths: tuple[int, ...]  # words per sentence, for the budget
    terms: tuple[tuple[str, ...], ...]  # stemmed words without stop words, per sentence
    title_terms: frozenset[str]
    units: tuple[Unit, ...] = ()  # sentences taken together (``cohesion.sentence_units``)
    leans: tuple[bool, ...] = ()  # per sentence: it leans on the one before (``leans_back``)

    def unit_of(self) -> list[int | None]:
        """Return each sentence's unit (its index in ``units``), None when it is in none."""
        found: list[int | None] = [None] * len(self.texts)
        for number, unit in enumerate(self.units):
            for index in unit.indices:
                found[index] = number
        return found


Ranker = Callable[[_Article, Rules], Sequence[int]]
Stem = Callable[[str], str]


@lru_cache(maxsize=32)
def _splitter(name: str) -> OfflineTokenizer:
    return OfflineTokenizer(name)


def _bounded(text: str) -> tuple[str, bool]:
    """Return at most MAX_CHARS of text, cut at a line break, and whether it was cut."""
    if len(text) <= MAX_CHARS:
        return text, False
    head = text[:MAX_CHARS]
    cut = head.rfind("\n")
    return (head[:cut] if cut > 0 else head), True


def _terms(words: Iterable[str], stemmer: Stem, stop_words: frozenset[str]) -> tuple[str, ...]:
    lowered = (w.lower() for w in words)
    return tuple(stemmer(w) for w in lowered if w not in stop_words)


def _parse(text: str, title: str | None, rules: Rules | None, code: str | None) -> _Article:
    """Split and index an article by its language's rules; sentence ends only without any."""
    tokenizer = rules.tokenizer if rules else _splitter(languages.split_rules(code))
    stemmer = rules.stem if rules else str.lower
    stop_words = rules.stop_words if rules else frozenset()
    if title:
        text = strip_title(text, title)
    body, cut = _bounded(text)
    placed = [
        (sentence, number)
        for number, paragraph in enumerate(
            PlaintextParser.from_string(body, tokenizer).document.paragraphs
        )
        for sentence in paragraph.sentences
    ]
    if cut and len(placed) > 1:
        placed = placed[:-1]  # the cut may have ended the last one mid-sentence
    if title:
        # Feeds repeat the headline, as a line of its own or further down; it is a signal only.
        headline = _words(title)
        placed = [(s, n) for s, n in placed if _words(str(s)) != headline]
    placed = placed[:MAX_SENTENCES]
    sentences = [s for s, _ in placed]
    texts = tuple(str(s) for s in sentences)
    title_words = tokenizer.to_words(title) if title else ()
    leaning = rules.code if rules else None
    return _Article(
        document=ObjectDocumentModel([Paragraph(sentences)]),
        texts=texts,
        lengths=tuple(word_count(t) for t in texts),
        terms=tuple(_terms(s.words, stemmer, stop_words) for s in sentences),
        title_terms=frozenset(_terms(title_words, stemmer, stop_words)),
        units=sentence_units(texts, [n for _, n in placed]),
        leans=tuple(leans_back(t, leaning) for t in texts),
    )


def _sumy_ranker(factory: Callable[[], Any]) -> Ranker:
    """Rank with a sumy summarizer by capturing the order it sorts sentences into."""

    def rank(article: _Article, rules: Rules) -> Sequence[int]:
        summarizer = factory()
        summarizer._stemmer = rules.stem  # sumy takes the stemmer only in the constructor
        summarizer.stop_words = rules.stop_words
        ranked: list[int] = []

        def capture(infos: Sequence[Any]) -> Sequence[Any]:
            ranked.extend(info.order for info in infos)
            return infos

        # LSA warns when a short text has fewer distinct words than sentences, and LexRank divides
        # by zero on a text of stop words; both still return a usable order.
        with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
            warnings.simplefilter("ignore", UserWarning)
            summarizer(article.document, capture)
        return ranked or range(len(article.texts))  # sumy returns early on a text of stop words

    return rank


def _lead(article: _Article, rules: Rules | None) -> Sequence[int]:
    return range(len(article.texts))


def _pagerank(weights: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """Return the stationary scores of a random walk on a weighted graph (rows normalised)."""
    n = weights.shape[0]
    sums = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, sums, out=np.full_like(weights, 1.0 / n), where=sums > 0)
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        updated: np.ndarray = (1 - damping) / n + damping * (scores @ transition)
        if np.abs(updated - scores).sum() < 1e-6:
            return updated
        scores = updated
    return scores


def _features(article: _Article) -> np.ndarray:
    """Return one row of features per sentence (see FEATURES)."""
    n = len(article.texts)
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for i, terms in enumerate(article.terms):
        for term in terms:
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    counts = np.zeros((n, max(len(vocabulary), 1)))
    np.add.at(counts, (rows, cols), 1.0)
    present = (counts > 0).astype(float)

    # TextRank (Mihalcea & Tarau): shared words over the log lengths of both sentences.
    sizes = present.sum(axis=1)
    log_sizes = np.log(np.maximum(sizes, 2.0))  # a one-word sentence must not dominate
    overlap = present @ present.T
    np.fill_diagonal(overlap, 0.0)
    textrank = _pagerank(overlap / (log_sizes[:, None] + log_sizes[None, :]))

    # LexRank (Erkan & Radev), continuous: cosine of TF-IDF vectors.
    document_frequency = present.sum(axis=0)
    tfidf = counts * np.log((n + 1) / np.maximum(document_frequency, 1.0))
    norms = np.linalg.norm(tfidf, axis=1, keepdims=True)
    unit = np.divide(tfidf, norms, out=np.zeros_like(tfidf), where=norms > 0)
    cosine = unit @ unit.T
    np.fill_diagonal(cosine, 0.0)
    lexrank = _pagerank(cosine)

    # The same walk on the cosine of plain term counts: no IDF, so words the article repeats count.
    count_norms = np.linalg.norm(counts, axis=1, keepdims=True)
    count_unit = np.divide(counts, count_norms, out=np.zeros_like(counts), where=count_norms > 0)
    count_cosine = count_unit @ count_unit.T
    np.fill_diagonal(count_cosine, 0.0)
    cosine_rank = _pagerank(count_cosine)

    # How common the sentence's words are in the whole article (SumBasic's signal).
    term_share = counts.sum(axis=0) / max(counts.sum(), 1.0)
    frequency = (present @ term_share) / np.maximum(sizes, 1.0)

    position = np.arange(n, dtype=float)
    lengths = np.asarray(article.lengths, dtype=float)
    title = article.title_terms
    headline = np.array(
        [len(title.intersection(t)) / len(title) if title else 0.0 for t in article.terms]
    )
    quoted = np.array([any(c in _QUOTES for c in s) for s in article.texts], dtype=float)
    return np.column_stack(
        [
            1.0 / (1.0 + position),
            position / n,
            np.minimum(lengths, 60.0) / 30.0,
            (np.minimum(lengths, 60.0) / 30.0) ** 2,
            textrank * n,
            lexrank * n,
            cosine_rank * n,
            frequency * n,
            headline,
            quoted,
        ]
    )


FEATURES = (
    "lead",
    "relative_position",
    "length",
    "length_squared",
    "textrank",
    "lexrank",
    "cosine_rank",
    "frequency",
    "headline",
    "quoted",
)
# Logistic-regression weights predicting whether a sentence is in the reference summary, refined by
# coordinate ascent on ROUGE-2 at 75 words: fitted by `bench/summarise.py --fit` on the fit half of
# the BBC pairs only (the first 30 of each category), through split_headline as documents go.
WEIGHTS = np.array(
    [
        -0.8742,  # lead
        -0.2029,  # relative_position
        -0.0664,  # length
        0.1513,  # length_squared
        0.7692,  # textrank
        -0.2699,  # lexrank
        3.9890,  # cosine_rank
        0.1310,  # frequency
        0.1856,  # headline
        -0.0698,  # quoted
    ]
)


def _hybrid(article: _Article, rules: Rules) -> Sequence[int]:
    scores = _features(article) @ WEIGHTS
    return [int(i) for i in np.argsort(-scores, kind="stable")]


METHODS: dict[str, Ranker] = {
    "hybrid": _hybrid,
    "lead": _lead,
    "lexrank": _sumy_ranker(LexRankSummarizer),
    "textrank": _sumy_ranker(TextRankSummarizer),
    "lsa": _sumy_ranker(LsaSummarizer),
    "luhn": _sumy_ranker(LuhnSummarizer),
}


def _select(
    ranked: Iterable[int], article: _Article, words: int | None, sentences: int | None
) -> list[int]:
    """Pick sentence indices best first under the budget rule, returned in document order.

    Sentences go by units (``cohesion.sentence_units``): a quotation spread over several
    sentences is taken whole or not at all, a speaker tag with its quotation. A summary does
    not open on a sentence that leans on the one before (``cohesion.leans_back``): that one
    is taken too when the budget allows, else the opening unit is left out and the choice made
    again. Without a choice under these rules (every sentence half a quotation, say), the
    best sentences are taken one by one, as before them.
    """
    order = list(ranked)
    unit_of = article.unit_of()
    units = _unit_order(order, article, unit_of)
    first = _greedy(units, article, words, sentences, frozenset())
    left_out: set[int] = set()
    chosen = first
    for _ in range(_MAX_RECHOICES):
        if not chosen:
            break
        anchored = _anchored(chosen, article, unit_of, words, sentences)
        if anchored is not None:
            return sorted(i for u in anchored for i in article.units[u].indices)
        left_out.add(min(chosen))
        chosen = _greedy(units, article, words, sentences, frozenset(left_out))
    if first:
        return sorted(i for u in first for i in article.units[u].indices)
    return _greedy_sentences(order, article, words, sentences)


_MAX_RECHOICES = 8  # openings left out before the first choice stands, leaning or not


def _admits(total: int, length: int, words: int | None, alone: bool) -> bool:
    """The budget rule: the first sentence always, else at least half of it within words."""
    return words is None or alone or total + length / 2 <= words


def _unit_order(
    order: Sequence[int], article: _Article, unit_of: Sequence[int | None]
) -> list[int]:
    """Return the units that may be chosen, best first: by the mean rank of their sentences
    (a long quotation is worth its sentences on average, not its best one), ties by the best."""
    ranks: dict[int, list[int]] = {}
    for rank, index in enumerate(order):
        number = unit_of[index]
        if number is not None and article.units[number].whole:
            ranks.setdefault(number, []).append(rank)
    return sorted(ranks, key=lambda n: (sum(ranks[n]) / len(ranks[n]), ranks[n][0]))


def _greedy(
    units: Sequence[int],
    article: _Article,
    words: int | None,
    sentences: int | None,
    left_out: frozenset[int],
) -> list[int]:
    """Pick units in the order given under the budget rule."""
    chosen: list[int] = []
    seen: set[str] = set()
    total = count = 0
    for number in units:
        if number in left_out:
            continue
        unit = article.units[number].indices
        if sentences is not None and count + len(unit) > sentences:
            if count >= sentences:
                break
            continue
        text = " ".join(article.texts[i] for i in unit)
        if text in seen:
            continue  # repeated lines (captions, boilerplate) would be said twice
        length = sum(article.lengths[i] for i in unit)
        # A unit of several sentences is never admitted past the budget, even first.
        if not _admits(total, length, words, not chosen and len(unit) == 1):
            continue  # less than half of it would fit: try a shorter one
        chosen.append(number)
        seen.add(text)
        total += length
        count += len(unit)
        if words is not None and total >= words:
            break
    return chosen


def _anchored(
    chosen: list[int],
    article: _Article,
    unit_of: Sequence[int | None],
    words: int | None,
    sentences: int | None,
) -> list[int] | None:
    """Return the chosen units with those their opening leans on, or None when they do not fit."""
    units = article.units
    total = sum(article.lengths[i] for u in chosen for i in units[u].indices)
    count = sum(len(units[u].indices) for u in chosen)
    anchored = list(chosen)
    opening = min(anchored)
    while article.leans[units[opening].indices[0]] and units[opening].indices[0] > 0:
        before = unit_of[units[opening].indices[0] - 1]
        if before is None or not units[before].whole:
            return None
        length = sum(article.lengths[i] for i in units[before].indices)
        size = len(units[before].indices)
        if not _admits(total, length, words, False) or (
            sentences is not None and count + size > sentences
        ):
            return None
        anchored.append(before)
        total, count, opening = total + length, count + size, before
    return anchored


def _greedy_sentences(
    order: Sequence[int], article: _Article, words: int | None, sentences: int | None
) -> list[int]:
    """Pick sentences best first under the budget rule, one by one."""
    chosen: list[int] = []
    seen: set[str] = set()
    total = 0
    for index in order:
        if sentences is not None and len(chosen) >= sentences:
            break
        text, length = article.texts[index], article.lengths[index]
        if text in seen:
            continue
        if not _admits(total, length, words, not chosen):
            continue
        chosen.append(index)
        seen.add(text)
        total += length
        if words is not None and total >= words:
            break
    return sorted(chosen)


def summarise(
    text: str,
    *,
    method: str = DEFAULT_METHOD,
    words: int | None = None,
    sentences: int | None = None,
    title: str | None = None,
    language: str | None = None,
) -> str:
    """Return whole sentences of text, in document order, within the budget (75 words by default).

    ``language`` is an ISO 639-1 code or tag; None detects it from the text; a tag that names
    no language ("und", undetermined) reads the text with no language's rules (see the module
    docstring).
    """
    try:
        ranker = METHODS[method]
    except KeyError:
        valid = ", ".join(sorted(METHODS))
        raise ValueError(f"unknown summary method {method!r}; valid methods: {valid}") from None
    if not text.strip():
        return ""
    if words is None and sentences is None:
        words = DEFAULT_WORDS
    if language:
        code = languages.normalise_tag(language)
    else:
        code = languages.detect(f"{title}\n{text}" if title else text)
    rules = languages.tools(code)
    article = _parse(text, title, rules, code)
    if not article.texts:
        return ""
    ranked = ranker(article, rules) if rules is not None else _lead(article, None)
    return assemble(article, _select(ranked, article, words, sentences), words)


def assemble(article: _Article, chosen: Iterable[int], words: int | None) -> str:
    """Return the summary of the chosen sentences, in their order: each ended as the text ends
    its sentences (``_ended``), a run-on cut (``_run_on``), joined (``join_sentences``)."""
    stop = _full_stop(article.texts)
    cap = words or DEFAULT_WORDS
    return join_sentences(_ended(_run_on(article.texts[i], cap), stop) for i in chosen)


def _run_on(sentence: str, words: int) -> str:
    """Return a sentence, or, when it is longer than ``LONGEST_SENTENCE`` words, its first
    ``words`` words and "…": no sentence a reader reads (a video's automatic captions, a list
    written without a mark); whole, it was the summary, up to ``MAX_CHARS`` characters."""
    if word_count(sentence) <= LONGEST_SENTENCE:
        return sentence
    head = opening(sentence, words)
    inside = not head[-1:].isspace() and sentence[len(head) : len(head) + 1].isalnum()
    if inside and " " in head.strip():
        head = head[: head.rstrip().rfind(" ")]  # the cut fell inside a word
    return head.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def _full_stop(texts: Sequence[str]) -> str:
    """Return the mark that ends most of an article's sentences ("" when none does: Thai
    and Lao end theirs with a space, and a mark would be foreign there)."""
    marks = Counter(m.group()[0] for t in texts if (m := _SENTENCE_END.search(t)))
    return marks.most_common(1)[0][0] if marks else ""


def _ended(sentence: str, stop: str) -> str:
    """Return a sentence with a full stop when its paragraph ended it without one: a summary
    ran it into the next ("... figures have shown Imports rose by 3.4%")."""
    return sentence + stop if stop and sentence[-1:].isalnum() else sentence


def document_parts(text: str) -> tuple[str | None, str]:
    """Return a document's title (None if it shows none) and body."""
    if _SEED_HEADER.match(text):
        try:
            article = read_seed(text, "document").article
        except SeedError:
            pass  # "Title:" opened an ordinary text, not a seed header
        else:
            return article.title, article.text
    return split_headline(text)


def summarise_document(
    text: str,
    *,
    method: str = DEFAULT_METHOD,
    words: int | None = None,
    sentences: int | None = None,
    language: str | None = None,
) -> str:
    """Summarise a plain-text document, keeping its headline out of the summary.

    A document in the seed file format (a ``Title:`` header block, see ``digests.extract``) takes
    its title and body from ``read_seed``; any other takes them from ``split_headline``.
    """
    title, body = document_parts(text)
    return summarise(
        body, method=method, words=words, sentences=sentences, title=title, language=language
    )


Item = tuple[K, str] | tuple[K, str, str | None] | tuple[K, str, str | None, str | None]


def _summarise_one(item: Item[K], options: dict[str, Any]) -> tuple[K, str]:
    key, text, *rest = item
    title = rest[0] if rest else None
    if len(rest) > 1:
        options = {**options, "language": rest[1]}  # the item's own language, None: detect
    return key, summarise(text, title=title, **options)


def _summarise_chunk(chunk: list[Item[Any]], options: dict[str, Any]) -> list[tuple[Any, str]]:
    return [_summarise_one(item, options) for item in chunk]


def _chunks(items: Iterable[Item[K]], size: int) -> Iterator[list[Item[K]]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def summarise_many(
    items: Iterable[Item[K]],
    *,
    method: str = DEFAULT_METHOD,
    words: int | None = None,
    sentences: int | None = None,
    language: str | None = None,
    workers: int = 2,
    chunk_size: int = _CHUNK,
) -> Iterator[tuple[K, str]]:
    """Summarise (key, text[, title[, language]]) items, yielding (key, summary) in input order.

    An item's own language (an ISO 639-1 code, None to detect it) wins over ``language``, which
    is for items that carry none (None: detect each). Blocking: call it from a thread
    (``asyncio.to_thread``), never on the event loop. ``workers=1`` runs in this process.
    """
    if method not in METHODS:
        summarise("", method=method)  # raises the ValueError naming the valid methods
    options: dict[str, Any] = {
        "method": method,
        "words": words,
        "sentences": sentences,
        "language": language,
    }
    if workers <= 1:
        for item in items:
            yield _summarise_one(item, options)
        return
    # forkserver: forking the bot itself is unsafe (its threads may hold locks); preloading
    # this module makes each worker start with sumy and numpy already imported.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[tuple[Any, str]]]] = deque()
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.submit(_summarise_chunk, chunk, options))
            # Bound the work in flight so a long iterable is not read into memory at once.
            if len(pending) >= 4 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
