"""Parties and answers a reader finds wrong, a fourth pass: Russian roles cut before a place's
genitive named in an earlier sentence, a noun cut before its genitive, a preposition's word glued
to a speaker, "обвинения ложны" as an answer (``morphology.plausible``, the cue file); English
nationality adjectives alone and plural openers (``openers.py``)."""

from __future__ import annotations

import pytest

from digests.allegations import extract_in_own_language
from digests.allegations.clauses import cues_for
from digests.allegations.lexicon import Lexicon
from digests.allegations.openers import lone_adjectives
from digests.models import Allegation


def parties(text: str, language: str = "ru") -> list[tuple[str, str]]:
    """Return the (accuser, target) pairs the ledger shows for a text."""
    return [(i.accuser, i.target) for i in extract_in_own_language(text, language=language)]


def answers(text: str) -> list[list[tuple[str, str]]]:
    """Return each Russian item's (responder, kind) answers."""
    items = extract_in_own_language(text, language="ru")
    return [[(r.responder, r.kind) for r in i.responses] for i in items]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Экс-президент Перу Алан Гарсия скончался в больнице. Следствие полагает, что он "
            "получал взятки.",
            "Экс-президент Перу Алан Гарсия",
        ),
        (
            "Суд отреагировал на обвинения в адрес арестованного студента из Казахстана Азамата "
            "Тажаякова. Его обвиняют в сокрытии улик.",
            "студент из Казахстана Азамат Тажаяков",
        ),
    ],
)
def test_a_role_named_in_an_earlier_sentence_stays_before_its_place(text: str, target: str) -> None:
    assert [t for _, t in parties(text)] == [target]


def test_no_role_is_taken_across_a_preposition() -> None:
    text = "В Перу Алан Гарсия скончался в больнице. Следствие полагает, что он получал взятки."
    assert [t for _, t in parties(text)] != ["В Перу Алан Гарсия"]
    assert all(not t.startswith("В ") for _, t in parties(text))


def test_a_word_after_a_preposition_is_no_part_of_the_speaker() -> None:
    text = (
        "Наркобарон Хоакин Гусман дал взятку бывшему президенту Мексики, заявил в суде "
        "бывший соратник Гусмана."
    )
    assert [a for a, _ in parties(text)] == ["бывший соратник Гусмана"]


def test_a_genitive_after_a_preposition_word_stays_with_it() -> None:
    text = (
        "Детектив утверждает, что повреждения, найденные на теле певицы после смерти, "
        "свидетельствуют об избиении."
    )
    assert [t for _, t in parties(text)] == ["тело певицы"]


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        (
            "Министерство юстиции США сообщило, что арестован гражданин Китая, которого "
            "обвиняют в промышленном шпионаже.",
            "Министерство юстиции США",
        ),
        (
            "В ноябре независимая комиссия Всемирного антидопингового агентства обвинила Россию "
            "в нарушениях антидопинговых правил.",
            "комиссия Всемирного антидопингового агентства",
        ),
        ("Полиция задержала Ивана Петрова по подозрению в краже.", "Полиция"),
    ],
)
def test_a_noun_keeps_the_genitive_after_it(text: str, accuser: str) -> None:
    assert [a for a, _ in parties(text)] == [accuser]


ACCUSED = "Прокуратура обвиняет Ивана Петрова в мошенничестве. "


@pytest.mark.parametrize(
    "answer",
    [
        "«Эти обвинения ложны», — заявил Петров.",
        "Петров заявил, что обвинения ложны.",
        "Петров заявил, что все обвинения в его адрес ложны.",
    ],
)
def test_accusations_called_false_are_a_denial(answer: str) -> None:
    assert answers(ACCUSED + answer) == [[("Петров", "denial")]]


@pytest.mark.parametrize(
    "answer",
    [
        "Петров заявил, что стал жертвой ложных обвинений.",
        "«Я стал жертвой ложных обвинений», — заявил Петров.",
        "Петров заявил, что обвинения не ложны.",
        "«Эти обвинения не ложны», — заявил Петров.",
    ],
)
def test_false_accusations_claimed_or_a_negation_are_no_denial(answer: str) -> None:
    assert answers(ACCUSED + answer) == [[]]


def test_a_nationality_alone_is_no_party() -> None:
    text = (
        "The attack was claimed by the Houthi movement in Yemen, but both Saudi Arabia and "
        "the United States have alleged Iranian involvement."
    )
    assert [t for _, t in parties(text, "en")] == [""]


def item(sentence: str, accuser: str, target: str) -> Allegation:
    """Return an item as the English reader makes it."""
    return Allegation(sentence, accuser, target, "", "allegation")


@pytest.mark.parametrize(
    ("sentence", "party", "shown"),
    [
        (
            "The KGB arrested 33 Russian individuals, claiming them to be mercenaries.",
            "Russian",
            "Russian individuals",
        ),
        (
            "He said the Australian government's decision was wrong.",
            "Australian",
            "Australian government",
        ),
        ("The report accused Iraqi forces of torture.", "Iraqi", "Iraqi forces"),
        (
            "The footage showed suspected Iraqi insurgents and detainees abused by the Iraqi "
            "military.",
            "Iraqi",
            "",
        ),
        ("Brian accused the mayor of fraud.", "Brian", "Brian"),
        ("Modi blamed the opposition.", "Modi", "Modi"),
        ("The police arrested Julian in Paris.", "Julian", "Julian"),
    ],
)
def test_a_nationality_takes_its_party_noun(sentence: str, party: str, shown: str) -> None:
    lex = cues_for("en")
    assert isinstance(lex, Lexicon)
    out = lone_adjectives([item(sentence, "Officials", party)], lex)
    assert [i.target for i in out] == [shown]


def test_a_surname_of_a_plural_shape_stays_a_name() -> None:
    # its singular is written in lower case, but the name is capitalised inside a sentence
    text = "Sanders accused the bank of fraud.\n\nThe bank said Sanders, a sander by trade, lied."
    assert parties(text, "en")[0] == ("Sanders", "bank")


def test_a_plural_opener_whose_singular_the_article_writes_in_lower_case() -> None:
    text = (
        "Youths attacked the police station overnight, officials said.\n\n"
        "The town's only youth club was closed last year."
    )
    assert [t for _, t in parties(text, "en")] == ["youths"]


def test_an_items_only_party_is_kept() -> None:
    lex = cues_for("en")
    assert isinstance(lex, Lexicon)
    sentence = "The footage showed Iraqi insurgents and detainees abused by the Iraqi military."
    assert [i.target for i in lone_adjectives([item(sentence, "", "Iraqi")], lex)] == ["Iraqi"]
