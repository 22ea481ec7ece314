"""Pure digest composition: grouping, filtering, ranking, paging, terminal rendering."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from digests import compose
from digests.models import StoryArticle, StoryItem
from digests.store.stories import TEXT_HEAD

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def row(story: int, article: int, source: str, hours_ago: float, **kw: Any) -> StoryArticle:
    values: dict[str, Any] = {
        "story_id": story,
        "story_title": f"Story {story}",
        "article_id": article,
        "url": f"https://{source.lower()}.example/{article}",
        "title": f"Title {article}",
        "text": f"Text of article {article}. More words follow here.",
        "published": NOW - timedelta(hours=hours_ago),
        "source_title": source,
        "source_weight": 1.0,
        "summary": f"Summary {article}.",
    }
    values.update(kw)
    return StoryArticle(**values)


def test_rows_group_into_stories_with_all_sources() -> None:
    candidates = compose.candidates(
        [row(1, 10, "A", 3), row(1, 11, "B", 1), row(2, 20, "A", 2, summary=None)]
    )
    first, second = candidates
    assert first.item.also_reported == 1
    assert [s.name for s in first.item.sources] == ["A", "B"]
    assert first.item.published == NOW - timedelta(hours=1)  # newest article dates the story
    assert first.item.title == "Title 10"  # no article has the headline: the lead's own title
    assert first.item.url == "https://a.example/10"  # earliest article leads
    assert second.item.summary.startswith("Text of article 20.")  # not summarised yet


def test_a_story_shows_headline_outlet_link_and_summary_of_one_article() -> None:
    # A leads by weight, but B's title is the story's headline: the reader clicking the
    # headline lands on B's article, whose summary is shown (B's text is as full as A's), and
    # A counts among the others.
    headline = "Title 11"
    [story] = compose.candidates(
        [
            row(1, 10, "A", 3, source_weight=2.0, story_title=headline),
            row(1, 11, "B", 1, story_title=headline, image_url="https://b.example/11.jpg"),
        ]
    )
    item = story.item
    assert (item.title, item.source, item.url, item.summary) == (
        "Title 11",
        "B",
        "https://b.example/11",
        "Summary 11.",
    )
    assert item.image_url == "https://b.example/11.jpg"
    assert item.also_reported == 1 and [s.name for s in item.sources] == ["A", "B"]
    assert story.weight == 2.0  # ranking still reads the lead's weight
    # The titled article without text leaves the headline to an article with text.
    [bare] = compose.candidates(
        [
            row(2, 20, "A", 3, story_title="Title 21"),
            row(2, 21, "B", 1, text="", summary="", story_title="Title 21"),
        ]
    )
    assert (bare.item.title, bare.item.url) == ("Title 20", "https://a.example/20")


def test_a_story_is_told_by_its_earliest_full_article_as_outlets_join() -> None:
    """A late outlet's cut-down rewrite became the story's headline and brought its summary,
    which puts the lead last; the earliest full article is shown instead, whole (its title,
    link and summary: no outlet named under another's words), a teaser or a shorter copy never
    tells it over a fuller one, and outlets joining never flip it back."""
    full = "The dam at Kariba opened its gates on Monday after a week of rain. " * 30
    rewrite = "Officials said on Monday the gates had opened. " * 12  # a third as long
    headline = "Kariba dam opens gates"
    first = row(1, 10, "A", 5, text=full, summary="Kariba dam opened its gates on Monday.")
    late = row(1, 11, "B", 2, text=rewrite, summary="Officials spoke.", title=headline)
    rows = [dataclasses.replace(r, story_title=headline) for r in (first, late)]
    [story] = compose.candidates(rows)
    assert (story.item.title, story.item.url) == ("Title 10", "https://a.example/10")
    assert story.item.summary == "Kariba dam opened its gates on Monday."
    # A teaser out first tells nothing over the full report that follows it.
    teaser = row(1, 9, "C", 6, text="Kariba dam opens. Read more.", summary="Read more.")
    [story] = compose.candidates([dataclasses.replace(teaser, story_title=headline), *rows])
    assert story.item.summary == "Kariba dam opened its gates on Monday."
    # Longer reports join later (each counted up to FULL_CHARS): the first full one still
    # tells it.
    told = [story.item.summary]
    longer = row(1, 12, "D", 1, text=full + " Engineers explained the release.", summary="D.")
    fuller = row(1, 13, "E", 0.5, text=full * 3, summary="E.")
    for joined in (longer, fuller, late):
        rows.append(dataclasses.replace(joined, story_title=headline))
        [story] = compose.candidates(rows)
        told.append(story.item.summary)
    assert told == ["Kariba dam opened its gates on Monday."] * 4


def test_digests_and_story_judge_fullness_alike() -> None:
    """A digest reads the first TEXT_HEAD characters of each text, /story the whole: counted
    up to FULL_CHARS, both tell a story by the same article."""
    assert compose.FULL_CHARS <= TEXT_HEAD


def test_a_story_whose_articles_have_no_text_shows_no_summary() -> None:
    [empty] = compose.candidates([row(1, 10, "A", 1, text="", summary="")])
    assert empty.item.summary == "" and empty.item.title == "Title 10"
    # With one copy that has text, that copy leads and its summary is shown.
    [fuller] = compose.candidates(
        [row(2, 20, "A", 2, text="", summary=""), row(2, 21, "B", 1, summary="Full story.")]
    )
    assert fuller.item.summary == "Full story." and fuller.item.url == "https://b.example/21"


def test_rank_prefers_recent_and_widely_reported() -> None:
    candidates = compose.candidates(
        [
            row(1, 10, "A", 30),
            row(2, 20, "A", 2),
            row(3, 30, "A", 3),
            row(3, 31, "B", 3),
            row(3, 32, "C", 3),
        ]
    )
    digest = compose.build_digest(candidates, now=NOW, limit=3)
    assert [s.story_id for s in digest.stories] == [3, 2, 1]
    assert digest.total == 3 and not digest.has_more


def test_keyword_filters_and_paging() -> None:
    candidates = compose.candidates(
        [
            row(1, 10, "A", 1, title="Telegram founder speaks"),
            row(2, 20, "A", 2, text="Football results and the Telegram channel."),
            row(3, 30, "A", 3, title="Weather"),
        ]
    )
    only = compose.build_digest(candidates, now=NOW, include=["telegram"], exclude=["football"])
    assert [s.story_id for s in only.stories] == [1]
    page = compose.build_digest(candidates, now=NOW, limit=1, offset=1)
    assert [s.story_id for s in page.stories] == [2] and page.has_more
    recent = compose.build_digest(candidates, now=NOW, since=NOW - timedelta(hours=1, minutes=30))
    assert [s.story_id for s in recent.stories] == [1]
    # A keyword matches at word starts only: "gram" is not in "Telegram".
    assert compose.build_digest(candidates, now=NOW, include=["gram"]).total == 0


def test_render_text() -> None:
    empty = compose.build_digest([], now=NOW)
    assert "No stories yet" in compose.render_text(empty)
    candidates = compose.candidates([row(1, 10, "A", 1), row(1, 11, "B", 1)])
    text = compose.render_text(compose.build_digest(candidates, now=NOW))
    assert "1. Title 10" in text and "also reported by 1 source\n" in text
    assert "https://a.example/10" in text


def test_render_text_says_how_many_more() -> None:
    candidates = compose.candidates([row(1, 10, "A", 1)])
    page = compose.build_digest(candidates, now=NOW)
    exact = dataclasses.replace(page, total=1234)
    assert compose.render_text(exact).endswith("… 1,233 more\n")
    # A search counted up to 500 and found more: 501 means "more than 500".
    capped = dataclasses.replace(page, total=501, offset=5, total_capped=True)
    assert capped.total_text == "500+"
    assert compose.render_text(capped).endswith("… more than 494\n")


def test_also_reported_counts_distinct_sources() -> None:
    item = StoryItem(1, "t", "u", "A", NOW, "s")
    assert item.also_reported == 0


def test_a_story_shows_its_lead_picture_else_another_members() -> None:
    lead_photo, other_photo = "https://a.example/10.jpg", "https://c.example/31.jpg"
    candidates = compose.candidates(
        [
            # The lead (highest weight) has a picture: it is the story's.
            row(1, 10, "A", 2, source_weight=2.0, image_url=lead_photo),
            row(1, 11, "B", 3, image_url=other_photo),
            # The lead (earliest) has none: the first member that has one gives it.
            row(2, 20, "A", 3),
            row(2, 21, "B", 2),
            row(2, 22, "C", 1, image_url=other_photo),
            row(2, 23, "D", 1, image_url=lead_photo),
            # No member has one.
            row(3, 30, "A", 1),
        ]
    )
    assert [c.item.url for c in candidates] == [
        "https://a.example/10",
        "https://a.example/20",
        "https://a.example/30",
    ]
    assert [c.item.image_url for c in candidates] == [lead_photo, other_photo, None]
    # Ranking and paging keep it.
    digest = compose.build_digest(candidates, now=NOW)
    assert {s.story_id: s.image_url for s in digest.stories} == {
        1: lead_photo,
        2: other_photo,
        3: None,
    }


def test_a_languages_filter_keeps_stories_with_an_article_in_them_shown_in_them() -> None:
    rows = [
        # Story 1: the English article leads (more weight), the Russian one is the other.
        row(1, 10, "A", 3, language="en", source_weight=2.0, story_title="Title 10"),
        row(1, 11, "B", 1, language="ru", title="Заголовок 11"),
        row(2, 20, "C", 2, language="fr"),
        row(3, 30, "D", 2, language=None),  # unknown: in no language
        row(4, 40, "E", 2, language="ru", story_title="Title 41", source_weight=2.0),
        row(4, 41, "F", 2, language="ru", story_title="Title 41"),
    ]
    every = compose.candidates(rows)
    assert [c.item.story_id for c in every] == [1, 2, 3, 4]
    assert every[0].item.summary == "Summary 10." and every[0].item.languages == ("en", "ru")
    russian = compose.candidates(rows, ("ru",))
    assert [c.item.story_id for c in russian] == [1, 4]
    mixed, alone = (c.item for c in russian)
    # Shown in Russian: the Russian article leads, with its title (the headline is English).
    assert (mixed.summary, mixed.title, mixed.url) == (
        "Summary 11.",
        "Заголовок 11",
        "https://b.example/11",
    )
    assert mixed.language == "ru" and mixed.languages == ("ru", "en")
    assert [s.name for s in mixed.sources] == ["A", "B"]  # every outlet stays
    # The headline stays when one of the shown articles has it, with that article's link and
    # summary (not the lead's, here: both are full).
    assert (alone.title, alone.summary, alone.url) == (
        "Title 41",
        "Summary 41.",
        "https://f.example/41",
    )
    assert [c.item.story_id for c in compose.candidates(rows, ("fr", "en"))] == [1, 2]
    assert compose.candidates(rows, ("de",)) == []


def test_keywords_and_languages_filter_together() -> None:
    rows = [
        row(1, 10, "A", 1, language="ru", text="Паром снова ходит. Ferry."),
        row(2, 20, "A", 1, language="ru", text="Погода."),
        row(3, 30, "A", 1, language="en", text="Ferry strike ends."),
    ]
    found = compose.candidates(rows, ("ru",))
    digest = compose.build_digest(found, now=NOW, include=["ferry"])
    assert [s.story_id for s in digest.stories] == [1]


def test_a_russian_or_ukrainian_keyword_matches_its_other_case_forms() -> None:
    """ "выборы" kept no story of "выборов" and "Москва" none "в Москве": a keyword was only
    the start of a word, and these words change their ending."""
    texts = {
        1: "Итоги выборов в Москве объявят завтра.",
        2: "Кияни чекають виборів мера.",
        3: "Радіо та телебачення працюють.",
        4: "Петро Порошенко приїхав до Києва.",
        5: "Санкцій стане більше.",
        6: "مجلس بودجه را تصویب کرد.",
    }
    candidates = compose.candidates([row(n, n, "A", 1, text=text) for n, text in texts.items()])

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("выборы") == [1] and kept("Москва") == [1]
    assert kept("вибори") == [2] and kept("санкції") == [5]
    assert kept("Рада") == []  # "рад" would be too short a stem: it starts "Радіо"
    assert kept("Петров") == []  # a surname's "-ов" is not cut: "Петр" starts "Петро"
    assert kept("بودجه‌ها") == [6]  # a Persian plural finds its singular
    assert [c.item.story_id for c in candidates if compose.keep(c, exclude=["выборы"])] == [
        2,
        3,
        4,
        5,
        6,
    ]


def test_a_short_stemmed_russian_noun_matches_its_case_forms_as_whole_words() -> None:
    """A Russian digest for "Дума" left out "Председатель Думы" and "в Думе": the stem "дум"
    is too short to match as a start ("думали", "думать"), so no other form was matched."""
    texts = {
        1: "Председатель Думы выступил.",
        2: "Закон внесли в Думе.",
        3: "Депутаты думали долго.",
        4: "Государственная Дума приняла бюджет.",
        5: "Суд отложил заседание.",
        6: "Решение суда обжаловано.",
    }
    candidates = compose.candidates([row(n, n, "A", 1, text=text) for n, text in texts.items()])

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("Думы") == [1, 2, 4] and kept("Думе") == [1, 2, 4]
    # "Дума" starts "думали": a keyword matched as a word's start kept a story of thinking
    assert kept("Дума") == [1, 2, 4]
    assert kept("суда") == [6]  # the bare stem ("суд") is left out: "рад" for "Рада" is "glad"


def test_a_short_stemmed_noun_is_no_start_of_another_word_in_any_language() -> None:
    """A digest for "Дума" kept "Эксперты думали", "думать" and "думаю", and one for "Рада"
    a story of "радар": the keyword matched as the start of any word. A word found by a
    longer stem, and words in other languages, still match as a start."""
    texts = {
        1: "Эксперты думали над прогнозом.",
        2: "Я думаю, что думать надо было раньше.",
        3: "Новый радар установили у границы.",
        4: "Верховная Рада приняла закон. Депутаты Ради голосовали.",
        5: "Apple and other apples; an application.",
        6: "Die Politik der Regierungen und Politiker.",
        7: "Les élections municipales; l'élection présidentielle.",
        8: "Las elecciones generales y la elección.",
        9: "Выборы в Москве, выборочная проверка.",
    }
    candidates = compose.candidates([row(n, n, "A", 1, text=text) for n, text in texts.items()])

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("Дума") == [] and kept("Думы") == [] and kept("дума") == []
    assert kept("Рада") == [4] and kept("Ради") == [4] and kept("Раді") == [4]
    assert kept("Apple") == [5] and kept("Regierung") == [6] and kept("Politik") == [6]
    assert kept("élection") == [7] and kept("elección") == [8] and kept("elecciones") == [8]
    assert kept("Москва") == [9] and kept("выборы") == [9]  # a four-letter stem: a start


def test_genitive_plurals_and_ukrainian_place_names_match_their_other_forms() -> None:
    """ "депутатов" kept no story of "депутаты" (a surname's "-ов" was never cut), and
    "Київ" none of "до Києва" or "у Києві", "Львів" none of "Львова": the stemmers leave
    these place names whole, and their "і" turns "е"/"о" when an ending opens the syllable."""
    texts = {
        1: "Депутаты приняли закон.",
        2: "Новий депутат склав присягу.",
        3: "Делегація приїхала до Києва.",
        4: "У Києві та у Львові тепло.",
        5: "Потяг зі Львова запізнився.",
        6: "Місяць у Тернополі.",
        7: "Кияни чекають. Кий, кит, котлета, рок, рада.",
        8: "Петро і Петербург; медведь в лесу; мороз.",
        9: "Гроза над регионами, несколько случаев.",
    }
    candidates = compose.candidates([row(n, n, "A", 1, text=text) for n, text in texts.items()])

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("депутатов") == [1, 2] and kept("регионов") == [9] and kept("случаев") == [9]
    assert kept("санкций") == [] and kept("Київ") == [3, 4] and kept("Львів") == [4, 5]
    assert kept("Тернопіль") == [6]
    # The other way: a case of the name finds it standing alone, and its other cases.
    texts_back = {
        10: "Київ готується до зими.",
        11: "Львів приймає гостей, Тернопіль теж.",
        12: "Банки видають готівку; глибокий рів; нівеляція.",
    }
    back = compose.candidates([row(n, n, "A", 1, text=text) for n, text in texts_back.items()])

    def kept_back(keyword: str) -> list[int]:
        return [c.item.story_id for c in back if compose.keep(c, include=[keyword])]

    assert kept_back("Києва") == [10] and kept_back("у Києві") == [] and kept_back("Києві") == [10]
    assert kept_back("Львова") == [11] and kept_back("Тернополя") == [11]
    # No false matches: "готів" is a whole word, "нів" and "рів" too short to stand for one.
    assert kept_back("готова") == [] and kept_back("нова") == [] and kept_back("рова") == []
    # No false matches: names stay whole (capitalised, or a stem too short), short words too.
    assert kept("Петров") == [] and kept("петров") == [] and kept("Морозов") == []
    assert kept("Медведев") == [] and kept("медведев") == []
    assert kept("кіт") == [] and kept("рік") == [] and kept("Кий") == [7]
    assert [c.item.story_id for c in candidates if compose.keep(c, exclude=["Київ"])] == [
        1,
        2,
        5,
        6,
        7,
        8,
        9,
    ]


def test_a_german_keyword_matches_the_compounds_it_heads() -> None:
    """ "Politik" kept no story of "Klimapolitik" or "Energiepolitik": German writes its
    compounds as one word, whose last part (the head) says what it is. In German text a
    keyword of five letters or more matches as a head after three letters or more (with an
    inflected ending), as before at a word's start ("Politikwechsel": a compound about it
    too); one of three letters or fewer only as a whole word, "Rat" no longer "Rathaus"."""
    german = {
        1: "Die Klimapolitik der Regierung.",
        2: "Streit um die Energiepolitiken Europas.",
        3: "Ein Politikwechsel steht bevor.",
        4: "Das Rathaus bleibt zu; der Vorrat reicht.",
        5: "Der Rat tagt. Des Rates Beschluss.",
        6: "Die Geopolitik.",  # "Geo": three letters before the head
        7: "Ein unpolitisches Gespräch.",  # "un" is too short, and "-isch" no inflection
        8: "Ein Bahnhof. Die Stadtverwaltung.",
    }
    english = {
        11: "The nation's donation drive; a combination of factors.",
        12: "The ratio of rats.",
    }
    rows = [row(n, n, "A", 1, text=t, language="de") for n, t in german.items()]
    rows += [row(n, n, "A", 1, text=t, language="en") for n, t in english.items()]
    candidates = compose.candidates(rows)

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("Politik") == [1, 2, 3, 6]
    assert kept("politik") == [1, 2, 3, 6]
    assert kept("Rat") == [5, 12]  # German: whole words; in English its own word, "rats"
    assert kept("Bahn") == [8] and kept("Verwaltung") == [8]
    assert kept("Haus") == []  # four letters: no head ("Rathaus")
    assert kept("nation") == [11]  # not "donation": only German text is read for heads
    assert [c.item.story_id for c in candidates if compose.keep(c, exclude=["Politik"])] == [
        4,
        5,
        7,
        8,
        11,
        12,
    ]


def test_a_keyword_finds_its_own_word_not_every_word_it_starts() -> None:
    """ "war" kept stories about warnings and Warsaw, "police" about policy, "закон" about
    "законодатель", "мир" about "мирный": a keyword matched every word it starts. A keyword
    now matches its own word by the article's language (the same stem, a plural, a case
    form); a word it starts only where compounds are one word (Dutch, German), or where the
    language has no stemmer (Turkish), or typed with "*"."""
    texts = {
        1: ("en", "The war in the east; two wars before."),
        2: ("en", "Warnings from Warsaw about a warm winter."),
        3: ("en", "A new police chief."),
        4: ("en", "A new policy on taxis."),
        5: ("ru", "Новый законодатель и мирный договор."),
        6: ("ru", "Принят закон о мире, закона ждали."),
        7: ("es", "Las elecciones de la presidenta."),
        8: ("es", "Para el paro."),
        9: ("nl", "Het klimaatakkoord."),
        10: ("tr", "Savaşlar sürüyor."),
    }
    rows = [row(n, n, "A", 1, text=t, language=lang) for n, (lang, t) in texts.items()]
    candidates = compose.candidates(rows)

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("war") == [1] and kept("wars") == [1]
    assert kept("police") == [3] and kept("policy") == [4]
    assert kept("tax") == []
    assert kept("закон") == [6] and kept("мир") == [6] and kept("законы") == [6]
    assert kept("elección") == [7] and kept("presidente") == [7]
    assert kept("paro") == [8]  # "para" shares only the short stem "par"
    assert kept("klimaat") == [9]  # a Dutch compound's first part
    assert kept("savaş") == [10]  # no Turkish stemmer: a word's start, as before
    assert kept("war*") == [1, 2] and kept("polic*") == [3, 4]
    assert [c.item.story_id for c in candidates if compose.keep(c, exclude=["war"])] == [
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
    ]


def test_a_keyword_finds_forms_dropping_its_ending_vowel_not_a_shorter_stems_words() -> None:
    """ "trade" kept no story saying only "trading", "rule" none saying "ruling": the keyword
    is no start of them and is its own stem, so nothing else was looked for. Spanish
    "partido" kept "la mayor parte" and "partir", English "election" "elected": the stemmer
    cuts them all to one short stem. A word of the keyword's stem now also starts as the
    keyword's forms do: the keyword less its ending vowels ("trad", "partid"), or less a
    plural "s" or an infinitive ending; a keyword with neither, as typed ("election")."""
    texts = {
        1: ("en", "Trading resumed on Monday."),
        2: ("en", "The court's ruling was read."),
        3: ("en", "A usual day; the users left."),
        4: ("en", "He was elected in May."),
        5: ("es", "La mayor parte se fue a partir de hoy."),
        6: ("es", "Los partidos votaron."),
        7: ("es", "La diputada habló."),
        8: ("es", "Las elecciones de ayer."),
        9: ("en", "The protesters protested."),
        10: ("en", "The nation voted."),
        11: ("es", "Apoyó la ley."),
        12: ("fr", "Les hôpitaux sont pleins."),
    }
    rows = [row(n, n, "A", 1, text=t, language=lang) for n, (lang, t) in texts.items()]
    candidates = compose.candidates(rows)

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("trade") == [1] and kept("rule") == [2]
    assert kept("use") == []  # "usual", "users": other stems
    assert kept("election") == [] and kept("elections") == []  # "elected" is the verb's
    assert kept("partido") == [6] and kept("partidos") == [6]  # not "parte", "partir"
    assert kept("diputado") == [7]  # the gender's form starts as the keyword's do
    assert kept("elección") == [8]
    assert kept("protests") == [9]  # a plural typed: its "s" is no start of the others
    assert kept("national") == []  # not "nation": English Snowball cuts both to "nation"
    assert kept("apoyar") == [11]  # a Spanish infinitive's forms drop its "-ar"
    assert kept("hôpital") == [12]  # a French "-al" plural is "-aux"


def test_it_in_capitals_is_the_acronym_and_in_lower_case_the_word_not_its() -> None:
    """ "IT" typed in capitals is the acronym: the pronoun "it" and "its" are other words.
    "it" in lower case is the pronoun; "its" is another word (a determiner, not "war's"),
    which it found in 57 English Wikinews articles saying no "it"."""
    texts = {
        1: ("en", "IT budgets grew."),
        2: ("en", "It rained; it stopped."),
        3: ("en", "The firm and its owner."),
    }
    rows = [row(n, n, "A", 1, text=t, language=lang) for n, (lang, t) in texts.items()]
    candidates = compose.candidates(rows)

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("IT") == [1]
    assert kept("it") == [1, 2]


def test_a_keyword_matches_hyphenated_words_and_dotted_acronyms_either_way() -> None:
    """ "US" kept every story with "us" (and French "un" for "UN") but none with "U.S.";
    "email" none with "e-mail"; "climate change" none with "climate-change"; and
    "co-operation" every "operation". An acronym typed in capitals or with full stops is now
    its capitals, solid or dotted; a hyphen or space in a keyword is either or nothing; a
    text's hyphenated words are read solid too, as the search index holds them."""
    texts = {
        1: ("en", "The U.S. envoy arrived."),
        2: ("en", "The US envoy left."),
        3: ("en", "Tell us what you think."),
        4: ("fr", "Un accord a été signé."),
        5: ("en", "An e-mail was sent."),
        6: ("en", "Email was down."),
        7: ("en", "Talks on climate-change ended."),
        8: ("en", "A military operation began."),
        9: ("en", "Their co-operation grew."),
    }
    rows = [row(n, n, "A", 1, text=t, language=lang) for n, (lang, t) in texts.items()]
    candidates = compose.candidates(rows)

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("US") == kept("U.S.") == [1, 2]
    assert kept("UN") == []
    assert kept("email") == kept("e-mail") == [5, 6]
    assert kept("climate change") == kept("climate-change") == [7]
    assert kept("co-operation") == kept("cooperation") == [9]


def test_a_keyword_finds_its_word_written_as_two_and_a_long_acronym_with_one_capital() -> None:
    """ "healthcare" kept no story saying "health care" ("health care" kept both); "NATO"
    none saying "Nato", as British outlets write an acronym read as a word. Short acronyms
    stay in capitals ("WHO": not "who")."""
    texts = {
        1: ("en", "The health care bill passed."),
        2: ("en", "Healthcare costs rose."),
        3: ("en", "He was not able to come."),
        4: ("en", "Nato leaders met."),
        5: ("en", "NATO leaders met."),
        6: ("en", "Nobody knows who did it."),
        7: ("en", "The WHO warned."),
    }
    rows = [row(n, n, "A", 1, text=t, language=lang) for n, (lang, t) in texts.items()]
    candidates = compose.candidates(rows)

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("healthcare") == kept("health care") == [1, 2]
    assert kept("notable") == []
    assert kept("NATO") == [4, 5]
    assert kept("WHO") == [7]


def test_a_keyword_matches_the_other_spelling_of_its_letters() -> None:
    """Persian typed on an Arabic keyboard, Russian ё printed as е, Ukrainian apostrophes."""
    texts = {
        1: "وزیر اقتصاد درباره کیفیت نان سخن گفت.",  # Persian ی and ک
        2: "Сергей Королев выступил на форуме.",  # е for ё, as most outlets print it
        3: "У п’ятницю уряд ухвалив бюджет.",  # typographic apostrophe
        4: "Ёлочный базар открылся в Туле.",
        5: "مجلس بودجه سال ۱۴۰۳ را تصویب کرد.",  # Persian digits
    }
    candidates = compose.candidates([row(n, n, "A", 1, text=text) for n, text in texts.items()])

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("كيفيت") == [1]  # ك and ي from an Arabic keyboard
    assert kept("Королёв") == [2]
    assert kept("п'ятницю") == [3] and kept("пʼятницю") == [3]
    assert kept("елочный") == [4] and kept("ЁЛОЧНЫЙ") == [4]
    assert kept("королевство") == []  # still a word's start, not any letters
    assert kept("1403") == [5] and kept("١٤٠٣") == [5]  # a number typed in other digits
    assert [c.item.story_id for c in candidates if compose.keep(c, exclude=["КОРОЛЁВ"])] == [
        1,
        3,
        4,
        5,
    ]


def test_outlets_are_counted_by_host_else_by_name_in_any_case() -> None:
    """An aggregator's items are their outlets': one outlet reached through two feeds (or
    spelled two ways) is one, and so is its own feed's article on its host; names that
    differ only in case are one outlet."""
    [story] = compose.candidates(
        [
            row(
                1,
                10,
                "Reuters",
                3,
                url="https://news.google.com/rss/articles/1",
                outlet_host="reuters.com",
            ),
            row(
                1,
                11,
                "Reuters.com",
                2,
                url="https://news.google.com/rss/articles/2",
                outlet_host="reuters.com",
            ),
            row(1, 12, "Reuters World", 2, url="https://www.reuters.com/world/1"),
            row(
                1,
                13,
                "Metro Times",
                1,
                url="https://news.google.com/rss/articles/3",
                outlet_host="metro.example",
            ),
            row(1, 14, "gazette", 1),
            row(1, 15, "Gazette", 1, url="https://other.example/15"),
        ]
    )
    assert story.outlets == 3  # reuters.com, metro.example, gazette
    assert story.item.outlets == 3 and story.item.also_reported == 2
    assert [s.name for s in story.item.sources][:3] == ["Reuters", "Reuters.com", "Reuters World"]


def test_an_outlets_own_host_is_no_outlet_without_a_named_one() -> None:
    # Two sources on one host (two channels of one video site): two outlets, as before.
    [story] = compose.candidates(
        [
            row(1, 10, "Channel A", 2, url="https://video.example/watch?v=1"),
            row(1, 11, "Channel B", 1, url="https://video.example/watch?v=2"),
        ]
    )
    assert story.item.also_reported == 1


def test_a_chinese_japanese_or_thai_keyword_matches_inside_a_run_as_search_finds_it() -> None:
    """A keyword had to start a word, and a run of Chinese letters is one "word" to a regular
    expression: "地震" kept no story of "发生6.1级地震" nor "芦山县地震致"."""
    texts = {
        1: "6月1日下午，四川雅安市芦山县发生6.1级地震。",
        2: "日本銀行は14日、金融政策決定会合を開きました。",
        3: "ธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ยนโยบาย",
        4: "上海证券交易所周五发布新规。",
    }
    candidates = compose.candidates(
        [row(n, n, "A", 1, title="", summary="", text=text) for n, text in texts.items()]
    )

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("地震") == [1] and kept("雅安") == [1]
    assert kept("銀行") == [2] and kept("金融政策") == [2]
    assert kept("ดอกเบี้ย") == [3]
    assert kept("山雅") == []  # not neighbours
    assert [c.item.story_id for c in candidates if compose.keep(c, exclude=["地震"])] == [2, 3, 4]


def test_a_hebrew_or_arabic_keyword_matches_the_word_with_its_proclitics_as_search_does() -> None:
    """A keyword had to start a word: "חיפה" kept no story of "בחיפה" (in Haifa)."""
    texts = {
        1: "שיטפון בחיפה: ראש הממשלה ביקר בעיר.",
        2: "انفجار في ميناء بحيفا وقالت الحكومة إن الحريق أخمد.",
        3: "المدينة الجديدة في لبنان.",
        4: "Floods in Haifa.",
        5: "برای بودجه سال آینده رای دادند.",  # Persian: "برای" is never "رای"
    }
    candidates = compose.candidates(
        [row(n, n, "A", 1, title="", summary="", text=text) for n, text in texts.items()]
    )

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("חיפה") == [1] and kept("בחיפה") == [1] and kept("לחיפה") == [1]
    assert kept("ממשלה") == [1] and kept("ראש ממשלה") == [1]
    assert kept("حيفا") == [2] and kept("بحيفا") == [2]
    assert kept("حكومة") == [2] and kept("للحكومة") == [2]
    assert kept("مدينة") == [3] and kept("بنان") == []  # "لبنان" is whole
    assert kept("رای") == [5]  # the word itself, not "برای"
    assert [c.item.story_id for c in candidates if compose.keep(c, exclude=["حيفا"])] == [
        1,
        3,
        4,
        5,
    ]


def test_an_unsummarised_chinese_article_shows_its_opening_sentences_not_all_of_it() -> None:
    """The opening took 60 space-separated words: all of a Chinese text, which has none."""
    text = "".join(
        f"{place}发生地震，当地政府表示暂无人员死亡报告，部分房屋出现裂缝。"
        for place in ("四川", "云南", "甘肃", "西藏", "新疆", "青海", "贵州", "重庆")
    )
    [story] = compose.candidates([row(1, 1, "A", 1, summary=None, text=text)])
    shown = story.item.summary
    assert text.startswith(shown) and shown.endswith("。")
    assert 60 <= len(shown) <= 130  # about 60 words of two letters


def test_a_plural_keyword_finds_its_singular_written_with_an_accent() -> None:
    """Spanish "elecciones" kept no story saying only "elección": the start its forms share
    ("eleccion") was matched letter for letter, and "ó" is no "o". A start now matches with
    or without accents, and a plural whose stem is its singular but for an accent the stress
    moves ("jóvenes": "joven") is its word; "national" still finds no "nation"."""
    texts = {
        1: ("es", "La elección de ayer."),
        2: ("es", "Un millón de votos."),
        3: ("es", "Un joven votó."),
        4: ("es", "El eléctrico nuevo."),
        5: ("pl", "Nowy samochód."),
        6: ("en", "The nation voted."),
        7: ("es", "El electo habló."),
    }
    rows = [row(n, n, "A", 1, text=t, language=lang) for n, (lang, t) in texts.items()]
    candidates = compose.candidates(rows)

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("elecciones") == [1]  # not "eléctrico", "electo": other words
    assert kept("millones") == [2]
    assert kept("jóvenes") == [3]
    assert kept("samochody") == [5]
    assert kept("national") == []


def test_keywords_find_forms_that_change_a_vowel_or_an_accent() -> None:
    """A filter on "Stadt" kept no story of "Städte" (98 of 102 German articles), "joven"
    none of "jóvenes", "eleição" none of "eleições", "nouveau" none of "nouvelle", "Kraków"
    none of "w Krakowie": the forms change a vowel or an accent the keyword's letters have.
    Other words that look so stay out ("Händler", "Wähler", "Gelände", "jovial")."""
    texts = {
        1: ("de", "Die Städte und die Länder wachsen; zwei Hauptstädte."),
        2: ("de", "Die Händler, die Wähler und das Gelände."),
        3: ("es", "Los jóvenes votaron."),
        4: ("es", "Un tono jovial."),
        5: ("pt", "As eleições foram adiadas."),
        6: ("pt", "O eleitor votou."),
        7: ("fr", "La nouvelle loi et le nouvel an."),
        8: ("pl", "Mieszkam w Krakowie; nowe samochody."),
        9: ("en", "The nation votes."),
    }
    candidates = compose.candidates(
        [row(n, n, "A", 1, text=text, language=code) for n, (code, text) in texts.items()]
    )

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("Stadt") == [1] and kept("Land") == [1]
    assert kept("Hand") == [] and kept("Wahl") == []
    assert kept("joven") == [3] and kept("jóvenes") == [3]
    assert kept("eleição") == [5] and kept("eleições") == [5]
    assert kept("nouveau") == [7] and kept("Kraków") == [8] and kept("samochód") == [8]
    assert kept("national") == [] and kept("nation") == [9]


def polish_keeper(texts: dict[int, str]) -> Callable[[str], list[int]]:
    """Return what a filter of one keyword keeps of Polish stories, one a text, by id."""
    candidates = compose.candidates(
        [row(n, n, "A", 1, text=text, language="pl") for n, text in texts.items()]
    )

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    return kept


def test_polish_keywords_find_forms_that_change_the_stem_not_the_adjective() -> None:
    """A filter on "Polska" kept no story saying "w Polsce", "droga" none of "na drodze",
    "miasto" none of "w mieście", "wypadek" none of "w wypadku", "minister" none of
    "ministra": the forms change the stem's last consonant or vowel, or drop its "e", and the
    Polish stemmer parts them. And "Polska" kept "polskiej gospodarki", the adjective, which
    the stemmer joins to it. Other words that look so stay out ("szkolny", "ministerstwo",
    "powiatowy", "drogowe", "kwiecień")."""
    texts = {
        1: "Wybory w Polsce.",
        2: "Rząd polskiej gospodarki i polskich firm.",
        3: "Korek na drodze i w mieście.",
        4: "Zginął w wypadku, mówi ministra rzecznik.",
        5: "Dyrektorzy szkół i dyrektor w szkole.",
        6: "Program szkolny, ministerstwo, urząd powiatowy, prace drogowe, kwiecień.",
        7: "Spotkanie w urzędzie, w powiecie, w kościele; trzy ręce i nogi.",
        8: "Obywatel Polski wrócił.",
    }
    kept = polish_keeper(texts)

    assert kept("Polska") == [1, 8]  # not the adjective, "polskiej", "polskich"
    assert kept("droga") == [3] and kept("miasto") == [3]
    assert kept("wypadek") == [4] and kept("minister") == [4]
    assert kept("dyrektor") == [5] and kept("szkoła") == [5]  # not "szkolny"
    assert kept("urząd") == [6, 7] and kept("powiat") == [7] and kept("kościół") == [7]
    assert kept("ręka") == [7] and kept("noga") == [7] and kept("kwiat") == []
    assert kept("polski") == [2, 8]  # the adjective typed finds its forms


def test_a_polish_keyword_typed_in_a_case_form_finds_its_word() -> None:
    """A filter on "Senacie", "prokuraturze", "Kowalskiego", "Kowalskim" or "ojca" kept
    no story saying "Senat", "prokuratura", "Kowalski" or "ojciec": the rules went from the
    word to its forms only, and the stemmer parts them. A case form now finds its word and
    the word's other forms, and not other words that look so ("sen", "kot", "prokurator",
    "kowalstwo", "ojczyzna", "polskiej")."""
    texts = {
        1: "Senat przyjął ustawę; posiedzenie Senatu.",
        2: "Miałem sen o kocie; kot śpi. Senator mówi.",
        3: "Prokuratura wszczęła śledztwo. Prokurator milczy.",
        4: "Jan Kowalski i Anna Kowalska.",
        5: "Kowalstwo to stary zawód.",
        6: "Mój ojciec i ojczyzna.",
        7: "Kocioł stoi w kotłowni; w kotle woda.",
        8: "Wybory w Polsce, polskiej gospodarki.",
        9: "Szkoła w Jodłowcu; Jodłowiec leży nad rzeką.",
    }
    kept = polish_keeper(texts)

    assert kept("Senacie") == [1]  # not "sen", not "senator"
    assert kept("prokuraturze") == [3]
    assert kept("Kowalskiego") == [4] and kept("Kowalskim") == [4]  # not "kowalstwo"
    assert kept("ojca") == [6] and kept("ojciec") == [6]
    assert kept("kotle") == [7]  # not "kot"
    assert kept("Polsce") == [8] and kept("Jodłowca") == [9]


def test_a_polish_dative_and_a_dropped_io_find_their_word() -> None:
    """A filter on "Nowakowi" kept no story saying "Nowak" (a case on the word's own stem was
    read back only for a dropped "e"), and "kotle" or "kocioł" none saying the other ("kocioł"
    drops its "io" in every other form: "kotła", "w kotle"). Not "kot", "kotlet", "Nowacki",
    and "anioł", "kościół" keep their "io" ("anioła", "kościoła")."""
    texts = {
        1: "Jan Nowak wygrał wybory.",
        2: "Kocioł stoi w piwnicy.",
        3: "Woda gotuje się w kotle.",
        4: "Kot zjadł kotlet.",
        5: "Piotr Nowacki przegrał.",
        6: "Anioła widziano w kościele; kościoła nie.",
        7: "Kozła nie ma w stadzie.",
        8: "Osła nie ma.",
    }
    kept = polish_keeper(texts)

    assert kept("Nowakowi") == [1]  # not "Nowacki"
    assert kept("kotle") == [2, 3] and kept("kocioł") == [2, 3]  # not "kot", "kotlet"
    assert kept("kotła") == [2, 3] and kept("kozioł") == [7] and kept("osioł") == [8]
    assert kept("anioł") == [6] and kept("kościół") == [6]


def test_a_polish_womans_surname_finds_its_cases() -> None:
    """A filter on "Kowalska", "Nowacka" or "Zielińska" kept no story saying "Anny
    Kowalskiej", "minister Nowackiej": a woman's surname in "-ska", "-cka" declines as an
    adjective, and its "-iej" was read as the adjective of a noun ("Polska": "polskiej"). A
    capitalised "-iej" of such a keyword is its own case; the adjective in lower case is not
    ("polskiej gospodarki")."""
    texts = {
        1: "Sprawa Anny Kowalskiej wraca do sądu.",
        2: "Minister Nowackiej nie było na posiedzeniu.",
        3: "Posłanka Zielińska i klub posłanki Zielińskiej.",
        4: "Ceny polskiej żywności rosną.",
        5: "Rozmowa z Anną Kowalską.",
    }
    kept = polish_keeper(texts)

    assert kept("Kowalska") == [1, 5] and kept("kowalska") == [1, 5]
    assert kept("Nowacka") == [2] and kept("Zielińska") == [3]
    assert kept("Polska") == []  # "polskiej", the adjective


def test_a_spanish_adjective_cut_short_is_its_word() -> None:
    """A filter on "primero" kept 50 of the 74 AnCora articles with its forms: the others
    say "primer" ("el primer ministro"), as "bueno" is "buen" and "grande" "gran" before a
    noun. Each is now the other's word; other words that start so stay out."""
    texts = {
        1: ("es", "El primer ministro habló."),
        2: ("es", "La primera vez."),
        3: ("es", "Un gran país y un buen año."),
        4: ("es", "Una granja y un primor."),
        5: ("en", "A primer for painters."),
    }
    candidates = compose.candidates(
        [row(n, n, "A", 1, text=text, language=code) for n, (code, text) in texts.items()]
    )

    def kept(keyword: str) -> list[int]:
        return [c.item.story_id for c in candidates if compose.keep(c, include=[keyword])]

    assert kept("primero") == [1, 2] and kept("primer") == [1, 2, 5]
    assert kept("grande") == [3] and kept("bueno") == [3] and kept("gran") == [3]


def test_a_keyword_of_one_letter_with_a_mark_is_that_word_in_its_languages_only() -> None:
    """/search and filters agree on "à", "è", "ą": the letter as a word, with its mark, in the
    languages that write it as one (``letters.letter_word``); never the plain letter."""
    texts = [("en", "A cat, à la carte."), ("fr", "Il est à Paris."), ("it", "E poi, è vero.")]
    assert [compose.holds(["à"], [t]) for t in texts] == [False, True, False]
    assert [compose.holds(["è"], [t]) for t in texts] == [False, False, True]
    assert [compose.holds(["ą"], [t]) for t in texts] == [False, False, False]
    assert [compose.holds(["a"], [t]) for t in texts] == [True, False, False]


def test_a_filter_on_it_does_not_keep_its() -> None:
    """Snowball cuts "its" to "it": a filter on "it" kept every article saying "its"."""
    assert not compose.holds(["it"], [("en", "The council cut its budget.")])
    assert compose.holds(["it"], [("en", "It rained.")])
    assert compose.holds(["budget"], [("en", "The council cut its budget.")])
