"""A quoted denial is the accused's answer, in English, French, German and Spanish.

The accused's own quoted words ('"It is a lie," Lee said', « C'est faux », a déclaré Martin)
answer the items against them, in each order of the quotation and its speaker; the speaker
answers even when the quoted words say "I" or "we". Their lawyer or spokesman answers for them
(the labelled sets' convention: "The charge was denied by ..., Basilashvili's lawyer"). No
answer: a quotation that repeats the accusation, someone else's denial, a denial of another
matter, a question, a future or a condition, and a quoted denial before any accusation.
"""

from __future__ import annotations

import pytest

from digests.allegations import extract
from digests.allegations.quotes import QuotedAnswer, quoted_answer

ACCUSATIONS = {
    "en": ("Prosecutors accused Lee of fraud.", "Lee"),
    "fr": ("Le parquet accuse Martin de fraude.", "Martin"),
    "de": ("Die Staatsanwaltschaft wirft Müller Betrug vor.", "Müller"),
    "es": ("La Fiscalía acusa a García de fraude.", "García"),
}

ANSWERS = {
    "en": [
        '"It is a lie," Lee said.',
        '"I deny these claims," said Lee.',
        'Lee said: "These accusations are false."',
        "“I have done nothing wrong,” Lee told reporters.",
    ],
    "fr": [
        "« C'est faux », a déclaré Martin.",
        "« Nous démentons ces accusations », selon Martin.",
        "Martin a déclaré : « C'est faux. »",
        "« Je suis innocent », a répliqué Martin.",
    ],
    "de": [
        "„Das ist falsch“, sagte Müller.",
        "„Wir weisen die Vorwürfe zurück“, so Müller.",
        "Müller sagte: „Das ist falsch.“",
        "„Ich bin unschuldig“, erklärte Müller.",
    ],
    "es": [
        "«Es falso», dijo García.",
        '"Negamos las acusaciones", afirmó García.',
        "García dijo: «Es falso».",
        "«Soy inocente», aseguró García.",
    ],
}


def _answers(language: str, text: str) -> list[list[tuple[str, str]]]:
    return [[(r.responder, r.kind) for r in i.responses] for i in extract(text, language=language)]


@pytest.mark.parametrize(
    ("language", "answer"), [(lang, a) for lang, answers in ANSWERS.items() for a in answers]
)
def test_the_accuseds_quoted_denial_answers_in_each_order(language: str, answer: str) -> None:
    accusation, accused = ACCUSATIONS[language]
    assert _answers(language, f"{accusation} {answer}") == [[(accused, "denial")]]


LAWYERS = {
    "en": '"These claims are false," his lawyer said.',
    "fr": "« C'est faux », a déclaré son avocat.",
    "de": "„Das ist falsch“, sagte sein Anwalt.",
    "es": "«Es falso», dijo su abogado.",
}


@pytest.mark.parametrize("language", LAWYERS)
def test_a_lawyers_quoted_denial_answers_for_the_accused(language: str) -> None:
    accusation, _ = ACCUSATIONS[language]
    [[(responder, kind)]] = _answers(language, f"{accusation} {LAWYERS[language]}")
    assert kind == "denial"
    assert responder.split()[-1].lower() in {"lawyer", "avocat", "anwalt", "abogado"}


NO_ANSWER = {
    "en": [
        '"Lee tells lies and hid the money," a detective said.',  # repeats the accusation
        '"It is a lie," said Smith, a neighbour.',  # someone else's denial
        '"The rumours about my health and my family are false," Lee said.',  # another matter
        '"A lie?" said Lee.',  # a question
        '"We will deny these claims in court," Lee said.',  # a future
        '"It is not a lie," Lee said.',  # a denial negated
    ],
    "fr": [
        "« Martin a menti et caché l'argent », a déclaré un enquêteur.",
        "« C'est faux », a déclaré Dupont.",
        "« Les rumeurs sur ma santé et ma famille sont fausses », a déclaré Martin.",
        "« C'est faux ? », a demandé Martin.",
        "« Nous démentirons ces accusations », a déclaré Martin.",
        "« Si c'était faux, je le dirais », a déclaré Martin.",
    ],
    "de": [
        "„Müller hat gelogen und das Geld versteckt“, sagte ein Ermittler.",
        "„Das ist falsch“, sagte Schmidt.",
        "„Die Gerüchte über meine Gesundheit und meine Familie sind falsch“, sagte Müller.",
        "„Ist das falsch?“, fragte Müller.",
        "„Wir werden die Vorwürfe zurückweisen“, sagte Müller.",
        "„Wenn das falsch wäre, würde ich es sagen“, sagte Müller.",
    ],
    "es": [
        "«García mintió y escondió el dinero», dijo un investigador.",
        "«Es falso», dijo Pérez.",
        "«Los rumores sobre mi salud y mi familia son falsos», dijo García.",
        "«¿Es falso?», preguntó García.",
        "«Negaremos las acusaciones», dijo García.",
        "«Si fuera falso, lo diría», dijo García.",
    ],
}


@pytest.mark.parametrize(
    ("language", "answer"), [(lang, a) for lang, answers in NO_ANSWER.items() for a in answers]
)
def test_quotations_that_are_no_answer(language: str, answer: str) -> None:
    accusation, _ = ACCUSATIONS[language]
    assert all(not answers for answers in _answers(language, f"{accusation} {answer}")), answer


@pytest.mark.parametrize("language", ANSWERS)
def test_a_quoted_denial_before_any_accusation_answers_nothing(language: str) -> None:
    accusation, _ = ACCUSATIONS[language]
    assert _answers(language, f"{ANSWERS[language][0]} {accusation}") == [[]]


def test_the_answer_step_is_shared_and_reads_only_the_quoted_words() -> None:
    answers, hedges = (("denial", (" a lie ",)), ("rejection", (" baseless ",))), (" will ",)
    text = '"It is a lie," Lee said.'
    assert quoted_answer(text, answers, hedges, set()) == QuotedAnswer("denial", 1, 13, False)
    assert text[1:13] == "It is a lie,"
    text = '"These claims are baseless," Lee said.'
    said = quoted_answer(text, answers, hedges, {"claims"})
    assert said is not None and (said.kind, said.names_accusation) == ("rejection", True)
    # reported speech: the sentence quotes no speaker; a future
    assert quoted_answer('Lee called the report "a lie" on Monday.', answers, hedges, set()) is None
    assert quoted_answer('"It will be a lie," Lee said.', answers, hedges, set()) is None


REJECTIONS = {
    "en": '"These accusations are baseless," Lee said.',
    "fr": "« Des attaques sans le moindre fondement », a répliqué Martin.",
    "de": "„Völlig haltlos“, sagte Müller.",
    "es": "«Es un bulo», replicó García.",
}


@pytest.mark.parametrize("language", REJECTIONS)
def test_quoted_words_that_call_the_accusation_baseless_are_a_rejection(language: str) -> None:
    """The labelled sets' kind: « Des attaques sans le moindre fondement », a répliqué ...,
    "nannte die Vorwürfe „haltlos“" are rejections; "It is a lie" stays a denial."""
    accusation, accused = ACCUSATIONS[language]
    answer = REJECTIONS[language]
    assert _answers(language, f"{accusation} {answer}") == [[(accused, "rejection")]]


def test_words_that_name_the_accusation_answer_the_items_before_them() -> None:
    """'"These accusations are false," said the company': the items just before, as "the
    company denied these accusations" is; with no such words only the speaker's own items."""
    text = (
        "Regulators accused Northwind of hiding losses. "
        '"These accusations are false," a company statement said.'
    )
    [[(_, kind)]] = _answers("en", text)
    assert kind == "denial"
