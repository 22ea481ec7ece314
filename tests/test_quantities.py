"""Quantities: one figure written two ways keys alike (sentences written for these tests)."""

from __future__ import annotations

import pytest

from digests.quantities import quantities
from digests.stories import language_tools

ENGLISH = language_tools("english")


def keys(text: str, language: str = "english") -> set[str]:
    """Return a text's quantity keys with the language's stemmer and stop words."""
    tools = language_tools(language)
    return quantities(text, tools.name, stem=tools.stem, stop_words=tools.stop_words)


@pytest.mark.parametrize(
    ("one", "other", "key"),
    [
        ("Eleven of the 30 pupils were sent home.", "11 pupils were sent home.", "#11"),
        ("around forty thousand households", "some 40,000 households", "#40000"),
        ("a crowd of 40k", "forty thousand people", "#40000"),
        ("twenty-three climbers", "23 climbers", "#23"),
        ("a fine of 12m euros", "a €12 million fine", "#1.2e+07"),
        ("twelve million euros", "12,000,000 euros", "#1.2e+07"),
        ("a 1.2bn deal", "a deal worth 1,200 million", "#1.2e+09"),
        ("a $3.5 billion bid", "a bid of 3.5bn dollars", "#3.5e+09"),
        ("half of the orchards", "50% of orchards", "#50%"),
        ("prices rose 4.5 per cent", "a 4.5% rise", "#4.5%"),
        ("up 7 percent", "up 7%", "#7%"),
        ("the alarm sounded at 05:40", "the alarm went off at 5.40am", "#t05:40"),
        ("at 5.40 a.m. on Friday", "at 5:40 on Friday", "#t05:40"),
        ("the bridge closed at 17:15", "the bridge shut at 5.15pm", "#t17:15"),
        ("doors open at 8pm", "doors open at 20:00", "#t20:00"),
        ("midnight (12am) deadline", "a 00:00 deadline", "#t00:00"),
        ("a six-hour blackout", "the blackout lasted 6 hours", "#6:hour"),
        ("about six hours of delays", "a 6-hour delay", "#6:hour"),
    ],
)
def test_one_quantity_written_two_ways_keys_alike(one: str, other: str, key: str) -> None:
    assert key in keys(one)
    assert key in keys(other)


def test_a_time_is_not_read_again_as_numbers() -> None:
    assert keys("The train left at 05:40.") == {"#t05:40"}
    assert keys("Shops shut at 5.40pm sharp.") == {"#t17:40"}
    # Without am or pm a dot is a decimal point, not a time.
    assert keys("The index fell 5.40 points.") == {"#5.4"}


def test_small_counts_key_with_what_they_count_and_say_nothing_alone() -> None:
    assert keys("Three ships and 3 planes") == {"#3:ship", "#3:plane"}
    assert keys("one of the two") == set()  # "one" stays a word; "two" before nothing
    assert keys("2 of them") == set()  # before a stop word: nothing counted
    assert keys("3 dead") == {"#3:dead"}


def test_years_and_parts_of_names_and_codes() -> None:
    assert keys("in 2026") == {"#2026"}
    # Parts of names (A9, Tarn-7b) are not numbers.
    assert keys("on the A9 near Tarn-7b") == set()
    assert keys("the 3rd attempt") == set()


def test_number_words_in_other_languages_where_the_library_reads_them() -> None:
    assert "#22" in keys("zweiundzwanzig Menschen wurden verletzt", "german")
    assert "#1.2e+07" in keys("une amende de douze millions d'euros", "french")
    assert "#1.2e+07" in keys("une amende de 12 millions d'euros", "french")
    assert "#3e+09" in keys("drei Milliarden Euro", "german")
    assert "#4.5%" in keys("um 4,5 Prozent gestiegen", "german")
    # A language without number words in the library keeps its digits only.
    assert keys("Одиннадцать вагонов, 24 человека", "russian") == {"#24"}


def test_text_without_figures_keys_nothing() -> None:
    assert keys("") == set()
    assert keys("Nothing to count here, said no one.") == set()
