"""Word splitting: NLTK's Treebank rules, each skipped where it cannot match, split as NLTK does."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest
from nltk.tokenize import TreebankWordTokenizer

from digests.tokenize import is_word, split_sentences, split_words, treebank_words

STORIES = Path(__file__).parent / "data" / "stories"
# Characters the rules turn on, the letters of the contractions in both cases, words.
PIECES = [
    *"aAbcdegilmnorstTvwyKIİıſ '\"`.,:;!?@#$%&()[]{}<>-–…«»\n\t\x1c0123456789",
    *["can", "not", "'s", "n't", "'ll", "gon", "na", "'t", "is", "was", "d'ye", "--", "..."],
    *["''", "``", "more'n", "wanna ", "Gimme", "LEMME", "goTTa", "CanNot", "'TWAS", "D'YE"],
    *["gİm", "gım", "mE", " 'tİs", " 'Tıs", " 'twaſ", "MORE'N", "Wan", "NA\n", ":\n", ",\n"],
]


def _sentences() -> list[str]:
    found: list[str] = []
    for path in sorted(STORIES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line:
                row = json.loads(line)
                found += [row["title"], *split_sentences(row["text"][:600])]
    return found


def test_the_labelled_articles_split_as_nltk_splits_them() -> None:
    nltk = TreebankWordTokenizer()
    sentences = _sentences()
    assert len(sentences) > 3000
    assert [treebank_words(s) for s in sentences] == [nltk.tokenize(s) for s in sentences]


@pytest.mark.parametrize("seed", range(2))
def test_any_mix_of_the_rules_characters_splits_as_nltk_splits_it(seed: int) -> None:
    nltk = TreebankWordTokenizer()
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        assert treebank_words(text) == nltk.tokenize(text), repr(text)


def test_split_words_drops_bare_punctuation() -> None:
    assert split_words('"They can\'t," she said (twice).') == [
        "They",
        "ca",
        "n't",
        "she",
        "said",
        "twice",
    ]


def test_a_german_quotation_keeps_its_closing_mark_after_a_full_stop() -> None:
    """Punkt took "“" (German closing mark) for an opening one and split before it."""
    text = "Müller sagte: „Das ist falsch.“ Dann ging er."
    assert split_sentences(text, "german") == ["Müller sagte: „Das ist falsch.“", "Dann ging er."]
    # negative: a sentence that opens with the mark keeps it
    assert split_sentences("Er ging. “Nein”, sagte er.", "german")[-1] == "“Nein”, sagte er."


def test_a_long_text_of_the_rules_characters_splits_as_nltk_splits_it() -> None:
    # The rules run without NLTK's time limit (``_untimed``): a whole text's worth of the
    # characters they turn on still splits as NLTK splits it.
    nltk = TreebankWordTokenizer()
    rng = random.Random(7)
    for _ in range(5):
        text = "".join(rng.choice(PIECES) for _ in range(4000))
        assert len(text) > 6000
        assert treebank_words(text) == nltk.tokenize(text)


def test_a_word_begins_with_what_a_word_pattern_matches_every_character_alike() -> None:
    word = re.compile(r"[^\W_]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert is_word(char + "x") == (word.match(char) is not None), hex(code)
    assert not is_word("")
