"""The ledger's leftovers: split quotations as answers (en, fr, de, es, ru), Russian charges
framed by their case ("в рамках дела о …"), and Russian names shown in the nominative that the
dictionary reads only in part (plural words, hyphens, foreign names, plural subjects)."""

from __future__ import annotations

import pytest

from digests.allegations import extract_in_own_language

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
