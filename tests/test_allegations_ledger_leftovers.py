"""The ledger's leftovers: split quotations as answers (en, fr, de, es, ru), Russian charges
framed by their case ("в рамках дела о …"), and Russian names shown in the nominative that the
dictionary reads only in part (plural words, hyphens, foreign names, plural subjects)."""

from __future__ import annotations

import pytest

from digests.allegations import extract_in_own_language
from digests.allegations.morphology import charge, party
from digests.models import Allegation

ACCUSATIONS = {
    "en": "Prosecutors accused Mayer of fraud.",
    "fr": "Le parquet accuse Mayer de fraude.",
    "de": "Die Staatsanwaltschaft wirft Mayer Betrug vor.",
    "es": "La Fiscalía acusa a Mayer de fraude.",
    "ru": "Прокуратура обвинила Майера в мошенничестве.",
}

SPLIT_ANSWERS = {
    "en": [
        '"It is not true," Mayer said, "and we will prove it."',
        '"These allegations are false," Mayer told reporters, "and we will fight them in court."',
    ],
    "fr": [
        "« C'est faux », a dit Mayer, « et nous le prouverons ».",
        "« C'est faux, a dit Mayer, et nous le prouverons. »",
    ],
    "de": [
        "„Das ist falsch“, sagte Mayer, „und wir werden es beweisen.“",
        "»Das ist falsch«, sagte Mayer, »und wir werden es beweisen.«",
        "„Das ist falsch, sagte Mayer, und wir werden es beweisen.“",
    ],
    "es": [
        '"Es falso", dijo Mayer, "pero lo demostraremos en el juicio".',
        "«Es falso —dijo Mayer—, y lo demostraremos en el juicio».",
    ],
    "ru": [
        "«Это неправда, — заявил Майер, — и мы докажем это в суде».",
        # the sentence splitter ends the sentence after the attribution
        "«Это неправда, — заявил Майер. — Мы докажем это в суде».",
    ],
}

NO_ANSWERS = {
    # the second part carries the first's clause on: a denial of another matter
    "en": [
        '"It is not true," Mayer said, "that I will resign."',
        '"I have read the report," Mayer said, "and I will answer it."',  # no denial first
        '"It is not true," Smith said, "and we will prove it."',  # someone else's denial
    ],
    "fr": ["« C'est faux, a dit Mayer, qu'il va démissionner. »"],
    "de": ["„Ich habe den Bericht gelesen“, sagte Mayer, „und das ist falsch.“"],
    "es": ['"Es falso", dijo Mayer, "que vaya a dimitir".'],
    "ru": [
        "«Это неправда, — заявил Майер, — что я уйду в отставку».",
        "«Я прочитал доклад, — заявил Майер. — Это ложь».",
        "«Это неправда, — заявил Сидоров, — и мы докажем это в суде».",
    ],
}


def _answers(language: str, said: str) -> list[tuple[str, str]]:
    text = f"{ACCUSATIONS[language]} {said}"
    [item] = extract_in_own_language(text, language=language)
    return [(r.responder, r.kind) for r in item.responses]


@pytest.mark.parametrize(
    ("language", "said"), [(lang, s) for lang, said in SPLIT_ANSWERS.items() for s in said]
)
def test_a_split_quotation_opening_with_a_denial_is_the_accused_answer(
    language: str, said: str
) -> None:
    assert _answers(language, said) == [("Mayer" if language != "ru" else "Майер", "denial")]


@pytest.mark.parametrize(
    ("language", "said"), [(lang, s) for lang, said in NO_ANSWERS.items() for s in said]
)
def test_a_split_quotation_that_is_no_answer(language: str, said: str) -> None:
    assert _answers(language, said) == []


def _one(text: str) -> Allegation:
    [item] = extract_in_own_language(text, language="ru")
    return item


def test_a_charge_in_the_frame_of_a_case_is_what_the_case_is_about() -> None:
    item = _one(
        "Следователи задержали Азата Мифтахова в рамках уголовного дела о незаконном"
        " изготовлении взрывчатых веществ."
    )
    assert item.claim == "незаконное изготовление взрывчатых веществ"  # was "рамки уголовного …"
    assert charge("рамках дела о государственной измене") == "государственная измена"
    # no "о": the investigation itself, not "рамки"
    assert charge("рамках антикоррупционного расследования") == "антикоррупционное расследование"
    assert charge("в рамках этого дела") == "это дело"
    # negatives: a charge with no frame, a clause
    assert charge("сокрытии расходов") == "сокрытие расходов"
    assert charge("Иванов украл деньги") == "Иванов украл деньги"


def test_a_proper_name_of_several_words_shows_in_the_nominative() -> None:
    cases = {
        "Соединённых Штатов": "Соединённые Штаты",  # a participle and a plural noun
        "Соединённым Штатам": "Соединённые Штаты",
        "Объединённых Арабских Эмиратов": "Объединённые Арабские Эмираты",
        "Российской Федерации": "Российская Федерация",
        "Европейского союза": "Европейский союз",
        "Верховного суда": "Верховный суд",
        "Нью-Йорка": "Нью-Йорк",  # not "Нью-йорк"
        # negatives: as written
        "Самедов": "Самедов",  # an unknown surname is no plural
        "ФБК": "ФБК",
    }
    for written, shown in cases.items():
        assert party(written, target=True) == shown, written
    item = _one("Москва обвинила власти Соединённых Штатов в шпионаже.")
    assert item.target == "власти Соединённых Штатов"  # not "власть" (a plural object)


def test_a_plural_subject_stays_a_plural() -> None:
    sentence = "Прокурор сообщил, что власти страны задержали 208 человек."
    assert party("власти", sentence=sentence) == "власти"  # not "власть"
    # governed by a preposition or a noun: the genitive singular, in the nominative
    assert party("главы МВД", sentence="По словам главы МВД, Иванов брал взятки.") == "глава МВД"
    assert party("главы", sentence="Иск против главы подан вчера.") == "глава"


def test_a_name_the_dictionary_does_not_know_takes_the_form_the_article_writes() -> None:
    seen = ["Винник", "Гарсия", "Дудка", "Алексей", "Скрипаль", "Скрипаля"]
    assert party("Виннику", seen, target=True) == "Винник"
    assert party("Гарсию", seen, target=True) == "Гарсия"
    assert party("Алексея Дудки", seen, target=True) == "Алексей Дудка"
    assert party("бывшего сотрудника ГРУ Сергея Скрипаля", seen) == (
        "бывший сотрудник ГРУ Сергей Скрипаль"
    )
    # negatives: no form written elsewhere, a plural's genitive: as written, never half
    assert party("Виннику", target=True) == "Виннику"
    assert party("Скрипалей", seen, target=True) == "Скрипалей"
    assert party("исламского проповедника Фетхуллу Гюлена", ["Гюлен"]) == (
        "исламского проповедника Фетхуллу Гюлена"  # not "исламский проповедник Фетхуллу …"
    )
    text = (
        "Власти США обвинили Александра Винника в отмывании денег. Виннику предъявлены"
        " обвинения в мошенничестве."
    )
    targets = {i.target for i in extract_in_own_language(text, language="ru")}
    assert "Виннику" not in targets


def test_a_claim_is_not_cut_inside_an_article_number_or_before_its_closing_mark() -> None:
    item = _one(
        "Следователи обвинили программиста в массовых беспорядках (ч. 2 ст. 212 УК РФ) за то,"
        " что он бросил бутылку."
    )
    assert item.claim == "массовые беспорядки (ч. 2 ст. 212 УК РФ)"  # was "массовые беспорядки (ч"
    item = _one("Следователи заподозрили Михайлова в нарушении ст. 275 УК РФ.")
    assert item.claim == "нарушение ст. 275 УК РФ"  # was "нарушение ст"
    [fr] = extract_in_own_language(
        "Air France est mise en examen pour « homicide involontaire ».", language="fr"
    )
    assert fr.claim == "« homicide involontaire »"  # was "« homicide involontaire"
    # negatives: a number in the next sentence is not glued on; a closed claim stays as it is
    [item] = extract_in_own_language(
        "Прокуратура обвинила Иванова в мошенничестве в 2019 году. 15 человек пострадали.",
        language="ru",
    )
    assert item.claim == "мошенничество в 2019 году"
    assert _one("Прокуратура обвинила Иванова в сокрытии расходов.").claim == "сокрытие расходов"


def test_a_claim_opens_with_no_comma() -> None:
    text = (
        "После выхода на свободу Навальный заявил, что задержание всех участников «Марша"
        " Голунова» неправомерно."
    )
    claims = [i.claim for i in extract_in_own_language(text, language="ru")]
    assert claims and all(c[:1] not in ",;:—" for c in claims)  # was ", что задержание ..."
    assert claims[0].startswith("что задержание")
