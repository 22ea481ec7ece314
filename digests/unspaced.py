"""Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese.

A space-split "word" of such text is a whole clause or sentence, so neither the full-text
index (FTS5's unicode61 tokenizer makes one token of a run of Han letters), a keyword that
must start a word, nor a word budget that counts spaces can read it. The rules, in order:

1. **Runs.** A run is a stretch of letters of these scripts (``_RUN``: Han, Hiragana,
   Katakana, Thai, Lao, Khmer, Myanmar; their digits and punctuation are no part of one,
   and neither is Hangul: Korean is written with spaces). A run's combining marks (Thai
   vowel and tone marks) belong to it.
2. **Search terms.** ``index_form`` writes each run as its overlapping pairs of letters,
   apart ("地震造成" -> "地震 震造 造成"; a one-letter run stays itself), marks dropped
   (unicode61 splits a word at a combining mark, so "ดอกเบี้ย" would otherwise be three
   pieces); all other text is left as it is. The index holds titles and texts so, and a
   searched word or phrase is looked up so: a phrase of pairs, which finds it anywhere in a
   run ("雅安" in "四川雅安市"), as a Chinese or Japanese reader expects of a search box.
   Pairs rather than FTS5's trigram tokenizer: most Chinese words are two letters, which a
   trigram index finds only by scanning, and pairs leave every other language's tokens (and
   so the index of a database without such text) exactly as they were.
3. **Keywords.** A keyword with such letters matches anywhere in a run, not only at a
   word's start (``compose``), as a search for it does.
4. **Word budget.** ``word_count`` counts a run as one word per ``LETTERS_PER_WORD`` of its
   letters (marks not counted; rounded up), and every other space-separated token as one:
   a budget of 75 words is about 150 Chinese letters, the length of a 75-word English
   summary in translation.
5. **Joining.** ``join_sentences`` puts no space after a sentence that ends with a
   full-width mark (。！？): Chinese and Japanese text has none there.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "LETTERS_PER_WORD",
    "has_unspaced",
    "index_form",
    "join_sentences",
    "opening",
    "word_count",
]

# Letters of the scripts, by block, less their digits and punctuation.
_HAN_KANA = (
    "\u3005-\u3007"  # 々 〆 〇
    "\u3040-\u309f"  # Hiragana
    "\u30a0-\u30fa\u30fc-\u30ff"  # Katakana, less the middle dot ・
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uff66-\uff9f"  # half-width Katakana
    "\U00020000-\U0003134f"  # Han, supplementary planes
)
_SOUTHEAST = (
    "\u0e01-\u0e4e"  # Thai, less ๏, its digits and ๚ ๛
    "\u0e81-\u0ecf"  # Lao, less its digits
    "\u1000-\u103f\u1050-\u109f"  # Myanmar, less its digits and ၊ ။
    "\u1780-\u17d3\u17d7\u17dc\u17dd"  # Khmer, less ។ ៕ and the like, and its digits
)
_RUN = re.compile(f"[{_HAN_KANA}{_SOUTHEAST}]+")
_SOUTHEAST_LETTER = re.compile(f"[{_SOUTHEAST}]")
# Letters that make one word, on average, of a summary's budget: Chinese words are 1.5 to
# 2 letters long, Japanese ones a little longer; Thai words about four letters (marks not
# counted).
LETTERS_PER_WORD = {"han": 2, "southeast": 4}
_FULL_WIDTH_END = ("。", "！", "？", "」", "』", "）")


def has_unspaced(text: str) -> bool:
    """Return whether text has a letter of a script written without spaces."""
    return _RUN.search(text) is not None


def _letters(run: str) -> list[str]:
    return [ch for ch in run if not unicodedata.category(ch).startswith("M")]


def _pairs(found: re.Match[str]) -> str:
    letters = _letters(found.group())
    if len(letters) < 2:
        return f" {''.join(letters)} "
    return " " + " ".join(a + b for a, b in itertools.pairwise(letters)) + " "


def index_form(text: str) -> str:
    """Return text as the search index holds it: each run as its letter pairs (rule 2)."""
    if _RUN.search(text) is None:
        return text  # most text: nothing to do
    return _RUN.sub(_pairs, text)


def word_count(text: str) -> int:
    """Return the words text counts for in a budget (rule 4)."""
    if _RUN.search(text) is None:
        return len(text.split())
    # Tokens between runs count as they would alone, less bare punctuation ("，").
    words = sum(1 for token in _RUN.sub(" ", text).split() if any(c.isalnum() for c in token))
    for run in _RUN.findall(text):
        per_word = LETTERS_PER_WORD["southeast" if _SOUTHEAST_LETTER.match(run) else "han"]
        words += math.ceil(len(_letters(run)) / per_word)
    return words


def opening(text: str, words: int) -> str:
    """Return the longest start of text that counts at most ``words`` words (rule 4)."""
    low, high = 0, len(text)
    while low < high:  # the count never falls as the start grows
        middle = (low + high + 1) // 2
        if word_count(text[:middle]) <= words:
            low = middle
        else:
            high = middle - 1
    return text[:low]


def join_sentences(sentences: Iterable[str]) -> str:
    """Join sentences with a space, none after a full-width sentence mark (rule 5)."""
    joined = ""
    for sentence in sentences:
        if joined and not joined.endswith(_FULL_WIDTH_END):
            joined += " "
        joined += sentence
    return joined
