"""English: a sentence's capitalised first word alone is a common noun when its article writes
it in lower case elsewhere, and so no /allegations button (``openers.common_openers``)."""

from __future__ import annotations

from digests.allegations import extract_in_own_language, is_button_name


def targets(text: str) -> list[str]:
    """Return the targets the ledger stores for an English article."""
    return [i.target for i in extract_in_own_language(text, language="en")]


def test_a_common_noun_opening_a_sentence_is_no_button() -> None:
    text = (
        "Youths attacked the police station overnight, officials said.\n\n"
        "Witnesses said the youths threw stones at the windows."
    )
    assert targets(text) == ["youths"]
    assert not is_button_name("youths", "en")


def test_testimony_opening_a_sentence_is_no_name() -> None:
    text = (
        "Testimony showed that the guard had lied to investigators, prosecutors said.\n\n"
        "The judge read the testimony aloud."
    )
    assert all(not is_button_name(t, "en") for t in targets(text))


def test_a_name_opening_a_sentence_stays_a_name() -> None:
    text = (
        "Smith shot the officer, police said.\n\n"
        "Officers arrested Smith later that night after a search."
    )
    assert targets(text) == ["Smith"]
    assert is_button_name("Smith", "en")


def test_a_word_written_both_ways_stays_as_written() -> None:
    # capitalised inside a sentence too: a name ("Hope" the person, "hope" the word)
    text = (
        "Hope shot the officer, police said.\n\n"
        "Officers arrested Hope later, but there is little hope of a quick trial."
    )
    assert targets(text) == ["Hope"]
