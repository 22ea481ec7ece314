"""Russian parties a reader finds wrong: dates, the prosecution's genitive, addressees, lone
adjectives and a place's genitive cut from its role (``morphology.plausible``)."""

from __future__ import annotations

import pytest

from digests.allegations import extract_in_own_language


def parties(text: str) -> list[tuple[str, str]]:
    """Return the (accuser, target) pairs the ledger shows for a Russian text."""
    return [(i.accuser, i.target) for i in extract_in_own_language(text, language="ru")]


def test_a_date_is_no_party_and_a_fronted_object_is_the_target() -> None:
    text = (
        "Азата Мифтахова задержали 1 февраля в рамках уголовного дела о незаконном "
        "изготовлении взрывчатых веществ."
    )
    assert parties(text) == [("", "Азат Мифтахов")]


def test_the_prosecution_is_shown_as_a_side_not_as_the_charges() -> None:
    text = "По версии обвинения, в день убийства Кристенсен был одержим идеей убить человека."
    assert parties(text) == [("сторона обвинения", "Кристенсен")]


def test_an_addressee_is_not_part_of_the_speaker() -> None:
    text = (
        "Акция правоохранительных органов «отражает все более глобальный ландшафт, на котором "
        "работают преступники», — заявил прокурор журналистам."
    )
    assert [a for a, _ in parties(text)] == ["прокурор"]


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        (
            "Украинская сторона возлагала ответственность за гибель журналистов на "
            "пророссийских сепаратистов.",
            "Украинская сторона",
            "пророссийские сепаратисты",
        ),
        (
            "Мексиканский наркобарон Хоакин Гусман однажды дал взятку в размере 100 миллионов "
            "долларов бывшему президенту Мексики Энрике Пенья Ньето, заявил бывший соратник "
            "Гусмана.",
            "бывший соратник Гусмана",
            "Мексиканский наркобарон Хоакин Гусман",
        ),
    ],
    ids=["side", "drug-lord"],
)
def test_a_lone_adjective_gets_its_noun(text: str, accuser: str, target: str) -> None:
    assert parties(text) == [(accuser, target)]


def test_a_place_genitive_keeps_the_role_it_depends_on() -> None:
    text = (
        "Генеральный прокурор Бразилии Ракель Додж и ряд политиков подали жалобу на неё после "
        "регистрации бывшего главы государства кандидатом."
    )
    assert all(not t.startswith("Бразилии") for _, t in parties(text))


def test_parties_that_were_right_stay() -> None:
    # a noun that is also an adjective ("Военный"), a single place, a count told something
    text = (
        "Военный, убивший 26 человек, сделал это из-за обмана при продаже дома, заявил "
        "премьер-министр Таиланда Прают Чан-Оча."
    )
    assert parties(text) == [("премьер-министр Таиланда Прают Чан-Оча", "Военный")]
