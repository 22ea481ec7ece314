"""Scripts written without spaces between words (digests/unspaced.py)."""

from __future__ import annotations

from digests.unspaced import has_unspaced, index_form, join_sentences, word_count


def test_runs_become_pairs_of_letters_and_other_text_stays() -> None:
    assert (
        index_form("四川雅安市，发生6.1级地震。") == " 四川 川雅 雅安 安市 ， 发生 6.1 级地 地震 。"
    )
    assert index_form("JR山手線") == "JR 山手 手線 "
    assert index_form("震") == " 震 "
    # Thai marks are dropped: unicode61 would split a word at them.
    assert index_form("ดอกเบี้ย") == " ดอ อก กเ เบ บย "
    text = "Plain English, Русский текст, עברית, 한국어 기사."
    assert index_form(text) is text and not has_unspaced(text)


def test_a_budget_counts_runs_by_their_letters() -> None:
    assert word_count("Three plain words") == 3
    assert word_count("四川雅安市芦山县发生地震。") == 6  # 12 letters, two a word
    assert word_count("日銀 JR 山手線") == 1 + 1 + 2
    assert word_count("ดอกเบี้ยนโยบาย") == 3  # 12 letters less marks, four a word


def test_sentences_after_a_full_width_mark_join_without_a_space() -> None:
    assert join_sentences(["地震。", "救援！", "End.", "Next"]) == "地震。救援！End. Next"
