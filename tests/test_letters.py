"""Letters a word is written with one way or another (digests/letters.py)."""

from __future__ import annotations

from digests import letters


def test_a_word_without_such_letters_has_one_writing() -> None:
    assert letters.writings("Durov") == ["Durov"]


def test_every_writing_of_each_letter_comes_after_the_word_as_typed() -> None:
    assert letters.writings("Королев") == ["Королев", "королёв"]
    assert letters.writings("всё") == ["всё", "все"]
    assert set(letters.writings("ещё")) == {"ещё", "еще", "ёще", "ёщё"}
    assert letters.writings("п'ятниця") == ["п'ятниця", "п’ятниця", "пʼятниця"]
    assert set(letters.writings("كيك")) == {
        "كيك",
        "كیك",
        "كىك",
        "کيک",
        "کیک",
        "کىک",
        "كيک",
        "كیک",
        "كىک",
        "کيك",
        "کیك",
        "کىك",
    }


def test_a_number_is_written_in_each_script_of_digits() -> None:
    assert letters.writings("2024") == ["2024", "۲۰۲۴", "٢٠٢٤"]
    assert letters.writings("۱۴۰۳") == ["۱۴۰۳", "1403", "١٤٠٣"]
    assert set(letters.writings("ک۲")) == {"ک۲", "ك۲", "ک2", "ك2", "ک٢", "ك٢"}
    assert letters.writings("x²") == ["x²"]  # a superscript is no digit of a script


def test_a_word_with_many_such_letters_keeps_to_a_bounded_number_of_writings() -> None:
    word = "её её её её ёе"  # ten letters of one group: 1,024 mixed writings
    found = letters.writings(word)
    assert len(found) <= letters.MAX_WRITINGS
    assert found[0] == word
    assert "ее ее ее ее ее" in found and "ёё ёё ёё ёё ёё" in found  # each group written one way


def test_letter_groups_are_read_case_blind() -> None:
    assert letters.letter_group("Ё") == "её" and letters.letter_group("ک") == "كک"
    assert letters.letter_group("x") is None
    assert letters.letter_group("۲") == "2۲٢"


def test_a_ukrainian_place_names_case_closes_back_to_the_name_standing_alone() -> None:
    cases = {
        "Києва": ("київ",),
        "Києві": ("київ",),
        "Львова": ("львів",),
        "Львові": ("львів",),
        "Харкова": ("харків",),
        "Тернополя": ("тернопіль",),
        "Київ": (),  # the name itself: its stem prefix finds the cases (stem_prefixes)
        "Єва": (),
        "школа": (),  # "-ола" with a hard ending: no "-іль" name
        "Kyiv": (),
    }
    for word, closed in cases.items():
        assert letters.closed_words(word) == closed, word
    assert "нів" not in letters.closed_words("нова")  # too short to stand for a word


def test_a_noun_cut_to_a_three_letter_stem_stands_for_its_case_forms_whole() -> None:
    """ "дум" is too short a start ("думали"), so "Дума" and "Думы" stand for their case
    forms as whole words; the bare stem and a "-я" gerund are not among them."""
    assert {"дума", "думы", "думе", "думу", "думой"} <= set(letters.closed_words("Думы"))
    assert letters.closed_words("Думе") == letters.closed_words("Дума")
    assert not {"суд", "судя"} & set(letters.closed_words("суда"))
    assert letters.closed_words("Петрова") == ("петрів",)  # a surname's "-ов" is not cut


def test_a_words_forms_start_as_it_does_less_its_ending_vowels_plural_or_infinitive() -> None:
    assert letters.form_start("trade", "en") == "trad"  # "trading"
    assert letters.form_start("partido", "es") == "partid"  # "partidos", not "parte"
    assert letters.form_start("partidos", "es") == "partid"
    assert letters.form_start("política", "es") == "polític"  # accents kept, folded to tell
    assert letters.form_start("study", "en") == "stud"  # "studies"
    assert letters.form_start("elections", "en") == "election"
    assert letters.form_start("election", "en") == "election"  # as typed: not "elected"
    assert letters.form_start("apoyar", "es") == "ap"  # "apoyó"; "y" as a vowel, a start
    assert letters.form_start("votare", "it") == "vot"  # "votato"
    assert letters.form_start("голосовать", "ru") == "голосов"  # "голосовал"
    assert letters.form_start("война", "ru") == "войн"
    assert letters.form_start("hôpital", "fr") == letters.form_start("hôpitaux", "fr") == "hôpit"
    assert letters.form_start("jornal", "pt") == letters.form_start("jornais", "pt") == "jorn"


def test_full_width_forms_are_read_as_their_plain_ones() -> None:
    """Full-width letters, digits and signs, half-width katakana and the ideographic space
    are their usual forms; every other character (Persian and Arabic digits, Arabic
    presentation forms, superscripts, ligatures) stays as typed."""
    assert letters.plain_width("ＵＳ\u3000０８：００") == "US 08:00"
    assert letters.plain_width("Ｅｕｒｏｐｅ／Ｐａｒｉｓ") == "Europe/Paris"
    assert letters.plain_width("ｶﾀｶﾅ") == "カタカナ"
    for kept in ("۰۸:۳۰", "٠٨:٣٠", "ﻻ", "km²", "ﬁnance", "سه\u200cشنبه", "Королёв"):
        assert letters.plain_width(kept) == kept


def test_plain_width_drops_invisible_marks_but_the_joiners() -> None:
    """Direction marks, zero-width spaces, soft hyphens and other invisible format characters
    are no part of a typed word; the zero-width (non-)joiners of Persian and Indic writing are."""
    assert letters.plain_width("Sen\u200fat \u200eUS\u2069") == "Senat US"
    assert letters.plain_width("Sen\u200bat\u00ad\ufeff\u2060") == "Senat"
    assert letters.plain_width("می\u200cخواهم") == "می\u200cخواهم"
    assert letters.plain_width("क्\u200dष") == "क्\u200dष"
