"""Hebrew and Arabic words without their proclitics (digests/proclitics.py)."""

from __future__ import annotations

import pytest

from digests.proclitics import bare_copy, bare_word, with_bare_words


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("בחיפה", "חיפה"),
        ("לחיפה", "חיפה"),
        ("מהבית", "בית"),  # from the house: the article after מ is cut too
        ("והממשלה", "ממשלה"),
        ("ומדינה", "מדינה"),  # a whole word after ו: never "דינה"
        ("מדינה", None),
        ("הוא", None),
        ("ולה", "לה"),  # "ול" would leave one letter: only "ו" is cut
        ("הם", None),  # one letter left
        ("חיפה", None),
    ],
)
def test_hebrew_words(word: str, bare: str | None) -> None:
    assert bare_word(word, "he") == bare


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("بحيفا", "حيفا"),
        ("الحكومة", "حكومة"),
        ("والحكومة", "حكومة"),
        ("بالحكومة", "حكومة"),
        ("للحكومة", "حكومة"),  # ل with the article
        ("وقال", "قال"),
        ("وزير", None),  # whole
        ("لبنان", None),
        ("الذي", None),
        ("بها", None),  # two letters left: Arabic keeps at least three
        ("والد", None),
    ],
)
def test_arabic_words(word: str, bare: str | None) -> None:
    assert bare_word(word, "ar") == bare


def test_the_bare_copy_follows_the_text() -> None:
    assert with_bare_words("ראש הממשלה ביקר בחיפה") == "ראש הממשלה ביקר בחיפה\nראש ממשלה ביקר חיפה"
    assert bare_copy("والحكومة في بيروت") == "حكومة في بيروت"


def test_other_text_is_left_as_it_is() -> None:
    english = "The government met in Haifa."
    assert with_bare_words(english) is english
    # Persian writes و and به apart; cut, "برای" (for) would be "رای" (vote).
    persian = "برای بودجه سال آینده"
    assert with_bare_words(persian) is persian
    # Yiddish (Hebrew letters, prepositions written apart).
    assert bare_copy("דער מענטש אין װאַרשע") is None
    assert bare_copy("חיפה") is None
