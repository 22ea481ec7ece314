"""Behaviour of the extractive summariser: budget, whole sentences, order, methods, bounds."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from digests.extract import read_seed_dir
from digests.language import NAMES, UNDETERMINED, split_rules, tools
from digests.summarise import (
    DEFAULT_METHOD,
    DEFAULT_WORDS,
    MAX_HEADLINE_CHARS,
    MAX_SENTENCES,
    METHODS,
    _parse,
    split_headline,
    strip_title,
    summarise,
    summarise_document,
    summarise_many,
)
from digests.summary_method import METHOD_NAMES
from digests.tokenize import split_sentences
from tests.conftest import SEEDS, SHARED

TITLE = "Harbour city approves new tram line after long debate"
ARTICLE = """\
The council of the harbour city approved a new tram line on Tuesday after a debate that lasted \
more than two years. The line will link the old port with the university and the main railway \
station.

Officials said construction of the tram line would start next spring and take about three years. \
The project is expected to cost 420 million euros, most of it paid by the regional government.

Local shop owners welcomed the decision. "People will finally reach the old town without a car," \
said one baker.

Critics argued that the tram line was too expensive and that buses could do the same job. \
The opposition asked for a public vote on the project, but the council rejected the request.

The city's mayor said the tram would cut traffic in the centre by a fifth. She added that the \
council would publish the full timetable for the works before the end of the year.

In other news, the local football club won its third match in a row."""

BBC = SHARED / "bench-data" / "summaries"


def _positions(summary: str, text: str = ARTICLE) -> list[int]:
    """Return the index in text of each sentence of summary (fails if one is not whole)."""
    sentences = split_sentences(text)
    return [sentences.index(s) for s in split_sentences(summary)]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a connection fail."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the summariser tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_works_offline_with_whole_sentences_in_order(
    method: str, no_network: None
) -> None:
    summary = summarise(ARTICLE, method=method, words=40, title=TITLE)

    positions = _positions(summary)
    assert positions
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("budget", [10, 25, 40, 75])
def test_word_budget_is_exceeded_by_at_most_half_a_sentence(method: str, budget: int) -> None:
    summary = summarise(ARTICLE, method=method, words=budget)

    chosen = split_sentences(summary)
    if len(chosen) > 1:
        longest = max(len(s.split()) for s in chosen)
        assert len(summary.split()) <= budget + longest / 2


def test_budget_rule_admits_a_sentence_only_if_half_of_it_fits() -> None:
    text = " ".join(f"Sentence number {n} has exactly ten words in it here." for n in range(6))

    assert len(split_sentences(summarise(text, method="lead", words=25))) == 3
    assert len(split_sentences(summarise(text, method="lead", words=24))) == 2
    assert len(split_sentences(summarise(text, method="lead", words=20))) == 2


def test_a_first_sentence_longer_than_the_budget_is_returned_whole() -> None:
    summary = summarise(ARTICLE, method="lead", words=5)

    assert summary == split_sentences(ARTICLE)[0]


def test_sentence_budget() -> None:
    for count in (1, 2, 3):
        summary = summarise(ARTICLE, sentences=count)
        assert len(_positions(summary)) == count


def test_sentence_and_word_budgets_both_hold() -> None:
    assert len(_positions(summarise(ARTICLE, method="lead", sentences=4, words=20))) == 1
    assert len(_positions(summarise(ARTICLE, method="lead", sentences=2, words=500))) == 2


def test_default_is_about_75_words() -> None:
    long_text = "\n\n".join([ARTICLE] * 3).replace("tram", "tramway")
    summary = summarise(long_text + "\n\n" + ARTICLE)

    assert 40 <= len(summary.split()) <= 75 + 25


def test_summary_is_joined_by_single_spaces() -> None:
    summary = summarise(ARTICLE, words=60)

    assert "  " not in summary
    assert "\n" not in summary
    assert summary == summary.strip()


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_text_gives_empty_summary(text: str) -> None:
    assert summarise(text) == ""


def test_unknown_method_names_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="unknown summary method 'magic'") as error:
        summarise(ARTICLE, method="magic")
    for name in METHODS:
        assert name in str(error.value)
    with pytest.raises(ValueError, match="lexrank"):
        list(summarise_many([(1, ARTICLE)], method="magic"))


def test_default_method_is_a_known_method() -> None:
    assert DEFAULT_METHOD in METHODS
    assert {"lexrank", "textrank", "lsa", "luhn", "lead"} <= set(METHODS)


def test_every_method_named_without_sumy_has_a_ranker() -> None:
    """The settings and the command line name methods from ``digests.summary_method``, which
    loads no sumy: each name there is a method here, and each method is named there."""
    assert tuple(METHODS) == METHOD_NAMES


def _has_headline(summary: str, headline: str) -> bool:
    """Tell whether the headline's words occur in the summary in a row (case, punctuation aside)."""
    wanted = " ".join(re.findall(r"\w+", headline.casefold()))
    return f" {wanted} " in " " + " ".join(re.findall(r"\w+", summary.casefold())) + " "


def test_title_is_not_echoed_even_when_the_text_starts_with_it() -> None:
    for method in METHODS:
        summary = summarise(f"{TITLE}\n\n{ARTICLE}", method=method, title=TITLE, sentences=3)
        assert TITLE not in summary
        assert summary


@pytest.mark.parametrize("glue", [" ", "\n", " - ", ": ", " | ", "\n\n", f"\n{TITLE.upper()}\n"])
@pytest.mark.parametrize("method", sorted(METHODS))
def test_a_title_glued_to_the_first_sentence_is_not_in_the_summary(glue: str, method: str) -> None:
    summary = summarise(TITLE + glue + ARTICLE, method=method, title=TITLE, words=75)

    assert summary
    assert not _has_headline(summary, TITLE)
    _positions(summary)  # every sentence whole, as in the article


def test_the_glued_title_leaves_the_first_sentence_whole() -> None:
    first = split_sentences(ARTICLE)[0]

    for glue in (" ", "\n", " — "):
        assert summarise(TITLE + glue + ARTICLE, method="lead", title=TITLE, sentences=1) == first


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Rain falls\nIt rained all day.", "Rain falls", "It rained all day."),
        (
            "Heavy rain falls again It rained all day.",
            "Heavy rain falls again",
            "It rained all day.",
        ),
        ("  Rain falls\n\nRain falls\nIt rained.", "Rain falls", "It rained."),
        ("RAIN, FALLS! It rained.", "Rain falls", "It rained."),
        ("Durov’s plan: what next\nHe spoke.", "Durov's plan - what next", "He spoke."),
        ("Is it over? Nobody knows.", "Is it over?", "Nobody knows."),
        ("Rain falls | It rained.", "Rain falls", "It rained."),
        ("Rain falls", "Rain falls", ""),
        # The sentence goes on from the title's words, or does not start with them: kept whole.
        ("Apple results beat forecasts.", "Apple results", "Apple results beat forecasts."),
        ("Is it over as we knew it.", "Is it over?", "Is it over as we knew it."),
        ("Anti-war protest grows.", "Anti", "Anti-war protest grows."),
        (
            "Brexit Secretary David Davis said so.",
            "Brexit",
            "Brexit Secretary David Davis said so.",
        ),
        ("Bank of England Governor spoke.", "Bank of England", "Bank of England Governor spoke."),
        ("Rain falls, said the forecast.", "Rain falls", "Rain falls, said the forecast."),
        ('"Rain falls" was the headline.', "Rain falls", '"Rain falls" was the headline.'),
        ("Today rain falls.", "Rain falls", "Today rain falls."),
        ("Rain.", "", "Rain."),
    ],
)
def test_strip_title(text: str, title: str, expected: str) -> None:
    assert strip_title(text, title) == expected


@pytest.mark.parametrize(
    ("text", "headline", "body"),
    [
        ("Harbour city gets a tram\n\nThe council voted.", "Harbour city gets a tram", None),
        ("Tram line\r\n\r\nThe council voted.\r\n\r\nWork starts.", "Tram line", None),
        ("Tram line\r\rThe council voted.", "Tram line", "The council voted."),
        ("\ufeff\n  \n  Tram   line \n \nThe council voted.", "Tram line", "The council voted."),
        ("Oil at $50: what now\n\nPrices rose.", "Oil at $50: what now", "Prices rose."),
        ("Tram line\n\n\n\nThe council voted.\n", "Tram line", "\n\nThe council voted.\n"),
    ],
)
def test_split_headline_finds_a_headline_line(text: str, headline: str, body: str | None) -> None:
    found, rest = split_headline(text)

    assert found == headline
    if body is None:  # the same text without its headline, line ends as \n
        assert rest == text.replace("\r\n", "\n").split("\n", 2)[2]
    else:
        assert rest == body


@pytest.mark.parametrize(
    "text",
    [
        "The council voted.\n\nWork starts.",
        "Will the tram come?\n\nThe council voted.",
        "What a day!\n\nThe council voted.",
        "And then…\n\nThe council voted.",
        'He said: "Vote."\n\nThe council voted.',
        "He said: “Vote!”\n\nThe council voted.",
        "(Updated at noon.)\n\nThe council voted.",
        "Tram line\nThe council voted.",
        "Tram line\n\n",
        "Tram line",
        "",
        "\n\n",
        "* * *\n\nThe council voted.",
        "word " * (MAX_HEADLINE_CHARS // 5 + 1) + "\n\nThe council voted.",
        "\ufeffThe council voted.\r\n\r\nWork starts.",
    ],
)
def test_split_headline_leaves_other_texts_unchanged(text: str) -> None:
    assert split_headline(text) == (None, text)


def test_summarise_document_passes_the_headline_as_the_title() -> None:
    document = f"{TITLE}\n\n{ARTICLE}"

    for method in METHODS:
        summary = summarise_document(document, method=method, words=40)
        assert summary == summarise(ARTICLE, method=method, words=40, title=TITLE)
        assert not _has_headline(summary, TITLE)
    assert summarise_document(ARTICLE, sentences=2) == summarise(ARTICLE, sentences=2)


def test_short_and_degenerate_texts() -> None:
    for method in METHODS:
        assert summarise("Just one sentence here.", method=method) == "Just one sentence here."
        assert summarise("The and of. A the is.", method=method)
        assert summarise("Same line.\n\nSame line.\n\nSame line.", method=method) == "Same line."


def test_very_long_article_only_considers_its_opening() -> None:
    opening = [f"Plain sentence {n} about nothing in particular at all." for n in range(200)]
    tail = ["Harbour tram line council approves tram line tram harbour city." for _ in range(3000)]
    text = " ".join(opening + tail)

    for method in ("lead", "textrank", DEFAULT_METHOD):
        summary = summarise(text, method=method, title=TITLE, words=60)
        assert "Harbour tram" not in summary
        numbers = [int(s.split()[2]) for s in split_sentences(summary)]
        assert all(n < MAX_SENTENCES for n in numbers)


def test_huge_single_paragraph_is_cut_without_a_partial_sentence() -> None:
    text = " ".join(f"Item {n} of a list that goes on and on and on." for n in range(20_000))

    summary = summarise(text, method="lead", words=30)

    assert summary.startswith("Item 0 of")
    assert all(s.endswith("and on.") for s in split_sentences(summary))


def test_summarise_many_matches_summarise_in_process_and_in_two_workers() -> None:
    texts = {
        "a": ARTICLE,
        "b": ARTICLE.replace("tram", "metro"),
        "c": "",
        "d": "Only this. And that.",
    }
    texts.update({f"x{n}": ARTICLE.split("\n\n", 1)[1] + f" Note {n}." for n in range(40)})
    items = [(key, text, TITLE) for key, text in texts.items()]
    expected = [(key, summarise(text, title=TITLE, words=40)) for key, text in texts.items()]

    in_process = list(summarise_many(items, words=40, workers=1))
    pooled = list(summarise_many(iter(items), words=40, workers=2, chunk_size=4))

    assert in_process == expected
    assert pooled == expected


def test_summarise_many_accepts_pairs_without_titles() -> None:
    result = list(summarise_many([(7, ARTICLE)], method="lead", sentences=1, workers=1))

    assert result == [(7, split_sentences(ARTICLE)[0])]


def _seed_files() -> list[Path]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("no seed articles in seeds/")
    return seeds


def test_seed_article() -> None:
    text = _seed_files()[0].read_text(encoding="utf-8")

    summary = summarise_document(text)

    assert 30 <= len(summary.split()) <= 120
    assert "Durov" in summary
    assert "ADS" not in summary.split()


@pytest.mark.parametrize("method", sorted(METHODS))
def test_seed_articles_are_summarised_without_their_headline(method: str) -> None:
    files = _seed_files()
    seeds = read_seed_dir(SEEDS)

    for file, seed in zip(files, seeds, strict=True):
        headline = seed.article.title
        # As the processing pass does (title apart), and as `newsbot summarise FILE` does.
        as_stored = summarise(seed.article.text, method=method, title=headline)
        as_file = summarise_document(file.read_text(encoding="utf-8"), method=method)
        for summary in (as_stored, as_file):
            assert summary
            assert not _has_headline(summary, headline)
            assert "Title:" not in summary


def test_every_bbc_file_is_summarised_without_its_headline() -> None:
    files = sorted(BBC.glob("*.article.txt")) if BBC.is_dir() else []
    if not files:
        pytest.skip(f"no benchmark data in {BBC}")
    found = 0
    for file in files:
        document = file.read_text(encoding="utf-8")
        headline = document.partition("\n")[0].strip()

        summary = summarise_document(document)

        assert summary, file.name
        assert not _has_headline(summary, headline), file.name
        found += split_headline(document)[0] == headline
    # Three headlines end like sentences ("Will Tory tax cuts lift spirits?"): text by the rule.
    assert found == len(files) - 3


# --- Each article with its own language's rules ------------------------------------------------

ARTICLES = Path(__file__).resolve().parent / "data" / "languages" / "articles"


def _seed(code: str) -> tuple[str, str, str]:
    """Return the title, body and whole file of a test article in a language."""
    document = (ARTICLES / f"{code}.txt").read_text(encoding="utf-8")
    article = read_seed_dir(ARTICLES)[sorted(p.stem for p in ARTICLES.glob("*.txt")).index(code)]
    return article.article.title, article.article.text, document


@pytest.mark.parametrize("code", ["ru", "fr"])
@pytest.mark.parametrize("method", sorted(METHODS))
def test_an_article_is_summarised_in_whole_sentences_of_its_language(
    code: str, method: str
) -> None:
    title, body, _ = _seed(code)
    name = NAMES[code]

    summary = summarise(body, method=method, title=title, language=code)

    own = split_sentences(body, name)
    chosen = split_sentences(summary, name)
    assert chosen and all(s in own for s in chosen)
    assert chosen == sorted(chosen, key=own.index)


def test_russian_stop_words_are_not_scored_and_russian_words_are_stemmed() -> None:
    title, body, _ = _seed("ru")
    rules = tools("ru")
    assert rules is not None

    article = _parse(body, title, rules, "ru")

    terms = {t for sentence in article.terms for t in sentence}
    used = {"и", "в", "не", "по", "что", "за", "его", "он"}  # stop words the article uses
    assert all(f" {w} " in f" {body.lower()} " for w in used)
    assert terms and not used & terms
    # The headline says "обвинения", the first sentence too: one stem, shared.
    assert rules.stem("обвинения") in article.title_terms
    assert rules.stem("обвинения") in article.terms[0]


def test_a_french_abbreviation_does_not_end_a_sentence() -> None:
    _, body, _ = _seed("fr")

    sentences = split_sentences(body, "french")

    assert "Son avocat, M. Kaminski, a jugé ces poursuites absurdes." in sentences


def test_the_language_is_detected_when_none_is_given() -> None:
    for code in ("ru", "fr"):
        title, body, document = _seed(code)
        assert summarise(body, title=title) == summarise(body, title=title, language=code)
        assert summarise_document(document) == summarise(body, title=title, language=code)


@pytest.mark.parametrize("method", ["lead", "hybrid"])
def test_a_paragraph_ended_without_a_full_stop_is_not_run_into_the_next(method: str) -> None:
    """The paragraph "... hitting record levels, figures have shown" (no full stop) came out
    as "figures have shown Imports rose by 3.4%": one sentence run into the next."""
    text = (
        "The trade deficit widened by more than expected in October, figures have shown\n\n"
        "Imports rose by 3.4%, while exports increased by only 0.6% in the month.\n\n"
        "A weaker dollar also increased the cost of imports, the department said."
    )
    summary = summarise(text, method=method, sentences=3)
    assert "figures have shown. Imports rose" in summary
    # a sentence that ends otherwise is left alone
    assert summarise("Imports rose by 3.4%. Exports fell.", method=method) == (
        "Imports rose by 3.4%. Exports fell."
    )


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("code", ["tr", "zz", None])
def test_a_language_without_rules_gets_the_lead_sentences(method: str, code: str | None) -> None:
    text = (
        "Ankara'da toplantı başladı. Bakan konuştu! Ne dedi? A. Yılmaz açıkladı. "
        "Bu çok önemli bir gelişme oldu. Toplantı akşam bitti."
    )
    language = code if code is not None else "tr"

    summary = summarise(text, method=method, words=9, language=language)

    assert summary == "Ankara'da toplantı başladı. Bakan konuştu! Ne dedi? A. Yılmaz açıkladı."


def test_a_language_named_in_full_is_read_with_its_rules() -> None:
    """The name "portuguese" named no language (longer than eight letters): the text was split
    at every full stop, as a language without rules is, and "Sr." ended a sentence."""
    text = (
        "O Sr. Almeida, presidente da câmara, anunciou ontem a obra. "
        "A oposição criticou o custo. Os vereadores votam na sexta-feira."
    )
    first = "O Sr. Almeida, presidente da câmara, anunciou ontem a obra."
    for language in ("pt", "portuguese", "Portuguese"):
        assert summarise(text, method="lead", sentences=1, language=language) == first
    assert summarise(text, method="lead", sentences=1, language="zz") == "O Sr."


def test_an_undetectable_text_gets_the_lead_sentences_not_english_rules() -> None:
    text = "1:0. 2:1! 3:3? 4:2. 5:5."  # no language to find
    assert summarise(text, method="hybrid", sentences=2) == "1:0. 2:1!"


def test_an_undetermined_language_is_not_looked_for_again() -> None:
    # The processing pass settled it as none: the text is French, but "und" says not to look.
    _, body, _ = _seed("fr")
    lead = summarise(body, method="lead", language=UNDETERMINED)
    assert summarise(body, method="hybrid", language=UNDETERMINED) == lead
    assert summarise(body, method="hybrid") != lead


def test_a_ukrainian_article_keeps_its_abbreviations_inside_sentences() -> None:
    text = (
        "Засідання відбудеться в м. Київ о 10 год. ранку, повідомив проф. Іваненко. "
        "Президент В. Зеленський заявив про це в понеділок. "
        "Збитки сягнули 5 тис. грн. за місяць, підрахували в міністерстві."
    )
    summary = summarise(text, method="lead", sentences=1, language="uk")
    assert summary == "Засідання відбудеться в м. Київ о 10 год. ранку, повідомив проф. Іваненко."


def test_summarise_many_reads_each_item_in_its_own_language() -> None:
    ru_title, ru_body, _ = _seed("ru")
    fr_title, fr_body, _ = _seed("fr")
    items = [("ru", ru_body, ru_title, "ru"), ("fr", fr_body, fr_title, None), ("en", ARTICLE)]

    done = dict(summarise_many(items, workers=1, language="en"))

    assert done["ru"] == summarise(ru_body, title=ru_title, language="ru")
    assert done["fr"] == summarise(fr_body, title=fr_title, language="fr")  # None: detected
    assert done["en"] == summarise(ARTICLE, language="en")


UNSPACED_SENTENCES = [
    s.strip()
    for s in (Path(__file__).parent / "data" / "unspaced.txt").read_text("utf-8").splitlines()
    if s.strip() and not s.startswith("#")
]
THAI = (
    "เมื่อวันที่ 10 กรมอุตุนิยมวิทยาเตือนว่ากรุงเทพมหานครจะมีฝนตกหนักต่อเนื่องถึงวันศุกร์"
    " น้ำท่วมขังถนนหลายสายในเขตจตุจักรและบางเขน การจราจรติดขัดอย่างหนักในช่วงเย็น"
    " ผู้ว่าราชการกรุงเทพมหานครสั่งให้เร่งระบายน้ำ"
    " คณะกรรมการนโยบายการเงินมีมติคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.5"
    " ธนาคารแห่งประเทศไทยระบุว่าเศรษฐกิจไทยฟื้นตัวอย่างค่อยเป็นค่อยไป"
    " นักวิเคราะห์คาดว่าจะไม่มีการเปลี่ยนแปลงจนถึงสิ้นปี"
)


def test_a_chinese_summary_keeps_its_word_budget_and_needs_no_spaces() -> None:
    """Words were counted by spaces, so a Chinese sentence was one word: a 75-word summary
    took up to 75 sentences, and they were joined with spaces Chinese does not write."""
    text = "".join(UNSPACED_SENTENCES[:13])  # the Chinese ones, 300 letters
    summary = summarise(text, language="zh")
    chosen = split_sentences(summary, "zh")
    every = split_sentences(text, "zh")
    assert [every.index(s) for s in chosen] == sorted(every.index(s) for s in chosen)
    assert 2 <= len(chosen) < 13
    # A word of Chinese is about two letters (digests/unspaced.py).
    letters = [len(re.findall(r"[\u4e00-\u9fff]", s)) / 2 for s in chosen]
    assert sum(letters) <= DEFAULT_WORDS + max(letters) / 2
    assert " " not in summary


def test_a_thai_summary_is_whole_phrases_within_its_budget_not_the_whole_text() -> None:
    """Thai ends no sentence with a mark; a space between Thai letters ends a phrase."""
    summary = summarise(THAI, language="th", words=25)
    assert THAI.startswith(summary) and len(summary) < len(THAI) / 2
    assert THAI[len(summary)] == " "  # whole phrases: the text's space follows the last


def test_arabic_script_question_marks_and_full_stops_end_sentences() -> None:
    ar = "هل انتهت الأزمة؟ يقول المسؤولون إن المفاوضات مستمرة. وأضافوا أن الاتفاق قريب"
    fa = "کی تمام می‌شود؟ مسئولان می‌گویند مذاکرات ادامه دارد. آنها افزودند"
    assert len(split_sentences(ar, split_rules("ar"))) == 3
    assert len(split_sentences(fa, split_rules("fa"))) == 3
    khmer = "ព្រឹកនេះមានភ្លៀងធ្លាក់។ រដ្ឋាភិបាលបានប្រកាស។"
    assert len(split_sentences(khmer, split_rules("km"))) == 2


@pytest.mark.parametrize("budget", [None, 40])
def test_a_run_on_sentence_shows_its_first_budget_of_words_then_an_ellipsis(
    budget: int | None,
) -> None:
    """A "sentence" of more than 150 words (a video's captions, no full stop) is cut after
    the budget's words (75 unless given). The cut fell after a word's trailing space, took
    that for the inside of a word and dropped the last whole word: 74 words were shown."""
    words = [f"w{n}" for n in range(200)]
    run_on = "the council said " + " ".join(words) + " and more"
    options: dict[str, int] = {} if budget is None else {"words": budget}

    shown = summarise(run_on, **options)

    wanted = (budget or DEFAULT_WORDS) - 3
    assert shown == "the council said " + " ".join(words[:wanted]) + "\u2026"
