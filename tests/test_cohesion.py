"""Summaries a reader trusts: quotations whole, speaker tags kept, no opening that leans on nothing."""

from __future__ import annotations

import pytest

from digests.cohesion import leans_back, quotes_balanced, sentence_units
from digests.summarise import METHODS, summarise

LONG_TAIL = (
    "and we will keep every promise we made to the people of this region, whatever the cost "
    "turns out to be in the years that follow this difficult and costly decision"
)


# (language, opening mark, closing mark): every quotation style the brief names.
STYLES = [
    ("en", '"', '"'),
    ("en", "“", "”"),
    ("en", "‘", "’"),
    ("ru", "«", "»"),
    ("de", "„", "“"),
]
OPENINGS = {
    "en": ("The minister spoke to reporters in the capital on Monday morning.", "he said"),
    "ru": ("Министр выступил перед журналистами в столице в понедельник утром.", "сказал он"),
    "de": ("Der Minister sprach am Montagmorgen in der Hauptstadt mit Reportern.", "sagte er"),
}
CLOSINGS = {
    "en": "Officials expect the new budget to pass next week.",
    "ru": "Чиновники ожидают, что новый бюджет примут на следующей неделе.",
    "de": "Beamte erwarten, dass der neue Haushalt nächste Woche verabschiedet wird.",
}
FIRST_HALF = {
    "en": "We will not cut the budget.",
    "ru": "Мы не будем сокращать бюджет.",
    "de": "Wir werden den Haushalt nicht kürzen.",
}


@pytest.mark.parametrize(("code", "opening", "closing"), STYLES)
def test_a_quotation_over_two_sentences_is_taken_whole_or_not_at_all(
    code: str, opening: str, closing: str
) -> None:
    lead, tag = OPENINGS[code]
    # The lead method takes sentences in order: the quotation's first sentence fits the budget,
    # its long second one does not, so taken sentence by sentence the summary opened a quotation
    # it never closed.
    text = (
        f"{lead} {opening}{FIRST_HALF[code]} {LONG_TAIL.capitalize()}{closing}, {tag}. "
        f"{CLOSINGS[code]}"
    )
    summary = summarise(text, method="lead", words=25, language=code)
    assert quotes_balanced(summary), summary
    assert FIRST_HALF[code] not in summary or LONG_TAIL in summary
    assert summary.startswith(lead)


def test_a_quotation_that_fits_is_taken_with_its_speaker() -> None:
    text = (
        'The minister spoke on Monday. "We will not cut the budget. We will raise it," he said. '
        "Officials expect the vote next week."
    )
    summary = summarise(text, method="lead", words=14, language="en")
    assert (
        summary
        == 'The minister spoke on Monday. "We will not cut the budget. We will raise it," he said.'
    )


@pytest.mark.parametrize(
    ("code", "text", "quoted"),
    [
        (
            "en",
            'The minister was asked about the cuts. "Are you mad?" she asked the reporter at the '
            "press conference in the capital on Monday, before the vote in parliament that evening. "
            "Then he left.",
            '"Are you mad?"',
        ),
        (
            "ru",
            "Министр ответил на вопрос о сокращениях. «Мы не уйдём!» — сказал он журналистам в "
            "понедельник на пресс-конференции в столице перед вечерним голосованием в парламенте "
            "по новому бюджету страны. Потом он ушёл.",
            "«Мы не уйдём!»",
        ),
    ],
)
def test_a_quotation_keeps_its_speaker_tag_cut_off_by_the_splitter(
    code: str, text: str, quoted: str
) -> None:
    summary = summarise(text, method="lead", words=12, language=code)
    assert quoted not in summary  # the tag does not fit, so neither does the quotation
    assert summary.split()[-1] in text.split()[-1]  # the budget went to the last sentence


def _fixed(order: list[int]) -> object:
    return lambda article, rules: [i for i in order if i < len(article.texts)]


@pytest.mark.parametrize(
    ("code", "antecedent", "leaning", "other"),
    [
        (
            "en",
            "Pavel Durov, the founder of the messaging app, was charged in France on Wednesday.",
            "Durov refuted these claims through his lawyer on Thursday.",
            "The platform has nearly a billion users in dozens of countries around the world.",
        ),
        (
            "ru",
            "Основателю мессенджера Павлу Дурову в среду предъявили обвинения во Франции.",
            "Он также отверг эти обвинения через своего адвоката в четверг.",
            "Платформой пользуются почти миллиард человек в десятках стран мира.",
        ),
    ],
)
def test_a_summary_does_not_open_on_a_sentence_that_leans_on_the_one_before(
    monkeypatch: pytest.MonkeyPatch, code: str, antecedent: str, leaning: str, other: str
) -> None:
    monkeypatch.setitem(METHODS, "fixed", _fixed([1, 2, 0]))
    text = f"{antecedent} {leaning}\n\n{other}"
    # The budget holds both: the sentence leaned on comes in first.
    roomy = summarise(text, method="fixed", words=40, language=code)
    assert roomy.startswith(antecedent) and leaning in roomy
    # It does not: the leaning sentence is left out, not shown without what it leans on.
    tight = summarise(text, method="fixed", words=10, language=code)
    assert tight == other


@pytest.mark.parametrize(
    ("code", "text", "leans"),
    [
        ("en", "He added that the talks would go on.", True),
        ("en", "This was denied by the company.", True),
        ("en", "However, the firm said profits would fall.", True),
        ("en", "The company also said profits would fall.", True),
        ("en", "This week the company said profits would fall.", False),
        ("en", "Earlier this year the company said profits would fall.", False),
        ("en", "The company said profits would fall.", False),
        ("en", '"It is a disgrace," he said.', False),  # a quotation's own words
        # "In response to X" names what it answers (the seed's key sentence); "In response," not.
        ("en", "In response to his arrest, Durov expressed surprise.", False),
        ("en", "In response, Durov expressed surprise.", True),
        ("en", "As a result of the fine, shares fell.", False),
        ("en", "As a result, shares fell.", True),
        ("ru", "Он также заявил, что переговоры продолжатся.", True),
        ("ru", "Эти обвинения он отверг.", True),
        ("ru", "Об этом сообщил ТАСС.", True),
        ("ru", "В этом году компания получила прибыль.", False),
        ("fr", "Il y a deux ans, la société a fait faillite.", False),
        ("fr", "Cette décision a été critiquée.", True),
        ("fr", "Cette semaine, la société a annoncé des pertes.", False),
        ("xx", "He added that the talks would go on.", False),  # no lists: never judged
    ],
)
def test_leans_back(code: str, text: str, leans: bool) -> None:
    assert leans_back(text, code) is leans


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ('"We will go," he said.', True),
        ('"We will go.', False),
        ('We will go," he said.', False),
        ('"We will go. "We will stay."', False),  # opened again, never closed
        ("«Мы уйдём», — сказал он.", True),
        ("„Wir gehen“, sagte er.", True),
        ("Les « riverains » sont là.", True),
        ("The workers’ union says it won’t strike.", True),  # apostrophes
        ("‘We will go,’ he said.", True),
        ("‘We will go.", False),
        ("“We will go.", False),
        ("We will go.” he said", False),
    ],
)
def test_quotes_balanced(text: str, balanced: bool) -> None:
    assert quotes_balanced(text) is balanced


def test_units_join_a_quotation_and_its_speaker_and_refuse_a_quotation_left_open() -> None:
    texts = [
        "Lead.",
        '"We will go.',
        'We will stay," he said.',
        '"Are you mad?"',
        "she asked.",
        "He said:",
        '"It is over.',
    ]
    units = sentence_units(texts, [0, 1, 1, 2, 2, 3, 4])
    assert [(u.indices, u.whole) for u in units] == [
        ((0,), True),
        ((1, 2), True),
        ((3, 4), True),
        ((5, 6), False),  # the quotation is never closed
    ]
