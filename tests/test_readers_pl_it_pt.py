"""A Polish, an Italian and a Brazilian reader use the bot end to end.

Two local outlets per language (feeds served on 127.0.0.1) carry the articles of
``tests/data/readers/<code>.json``, written for these tests: one event told twice in other
words, a look-alike from the same parliament, an allegation with its answer, sentences with the
language's abbreviations ("ul.", "np.", "dott.", "Sra."), numbers with decimal commas. The real
Application reads them through the offline Telegram in a private chat whose app speaks the
language.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

import pytest

from bot.handlers.subscriptions import frequency_of
from bot.telegram_html import MAX_MESSAGE_LENGTH
from digests import language, read, store
from digests.tokenize import split_sentences
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.test_bot import ADMIN, Bot, texts
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture
from tests.test_chat_language import say

READERS = Path(__file__).resolve().parent / "data" / "readers"


def articles_of(code: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((READERS / f"{code}.json").read_text(encoding="utf-8"))
    return loaded


def serve_outlets(server: FeedServer, code: str) -> list[str]:
    """Serve each outlet of a language as an RSS feed of its articles; return the feeds' URLs."""
    spec = articles_of(code)
    now = store.utcnow().replace(microsecond=0)
    urls = []
    for number, outlet in enumerate(spec["outlets"]):
        items = "".join(
            _item(server, code, a, now) for a in spec["articles"] if a["outlet"] == number
        )
        feed = (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(outlet)}</title><language>{code}</language>{items}</channel></rss>"
        )
        urls.append(server.add(f"/{code}{number}.xml", feed))
    return urls


def _item(server: FeedServer, code: str, article: dict[str, Any], now: datetime) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article["text"].split("\n\n"))
    published = format_datetime(now - timedelta(hours=article["hours"]), usegmt=True)
    link = server.url(f"/{code}/{article['slug']}")
    return (
        f"<item><title>{escape(article['title'])}</title><link>{link}</link>"
        f"<guid>{code}-{article['slug']}</guid><pubDate>{published}</pubDate>"
        f"<description>{escape(paragraphs)}</description></item>"
    )


# The reader's app language, the chat, and what they read in it.
READER = {
    "pl": (
        "pl",
        7001,
        {
            "latest": "Najnowsze wiadomości\n",
            "also": "podaje też 1 źródło",
            "rewrite": "Posłowie przyjęli ustawę o ochronie lasów",
            "lookalike": "Sejm rozpoczął prace nad budżetem",
            "abbreviated": "Zarząd Transportu Miejskiego zachęca pasażerów, by korzystali np. "
            "z metra albo autobusów zastępczych.",
            "accused": "Kowalski",
            "no_allegations": "Nie znaleziono zarzutów dla „Kowalski”.\n"
            "Nie odczytuję jeszcze zarzutów z artykułów w tym języku: polski.",
        },
    ),
    "it": (
        "it",
        7002,
        {
            "latest": "Ultime notizie\n",
            "also": "riportata anche da 1 fonte",
            "rewrite": "Pensioni, via libera del Senato alla riforma",
            "lookalike": "Il Senato avvia l'esame della legge di bilancio",
            "abbreviated": "Lo ha annunciato il dott. Antonio Greco, primario del reparto, "
            "durante una conferenza stampa.",
            "accused": "Rossi",
            "no_allegations": "Nessuna accusa trovata per «Rossi».\n"
            "Le accuse non vengono ancora lette negli articoli in questa lingua: italiano.",
        },
    ),
    "pt": (
        "pt-BR",
        7003,
        {
            "latest": "Últimas notícias\n",
            "also": "também noticiada por 1 fonte",
            "rewrite": "Deputados aprovam reforma do ensino médio",
            "lookalike": "Câmara começa a discutir o orçamento",
            "abbreviated": "A informação foi confirmada pela Sra. Maria Costa, secretária "
            "municipal de Saúde, nesta segunda-feira.",
            "accused": "Pereira",
            "no_allegations": "Nenhuma acusação encontrada para “Pereira”.\n"
            "As acusações ainda não são lidas nos artigos neste idioma: português.",
        },
    ),
}


@pytest.mark.parametrize("code", sorted(READER))
async def test_a_reader_gets_the_news_of_two_outlets_in_their_language(
    bot: Bot, feed_server: FeedServer, code: str
) -> None:
    """Ingest -> summaries in the article's language -> stories across outlets -> ledger ->
    /latest, /story and /allegations in the reader's language."""
    app_language, chat, said = READER[code]
    for url in serve_outlets(feed_server, code):
        assert "Saved 3 new articles" in texts(await bot.say(f"/addsource {url}", user_id=ADMIN))

    # Summaries are the article's own sentences, split by its language's rules: no sentence
    # ends at an abbreviation.
    name = language.NAMES[code]
    for article in articles_of(code)["articles"]:
        row = next(bot.db.query("select * from articles where title = ?", [article["title"]]))
        assert row["language"] == code
        [summary] = bot.db.query("select summary from summaries where article_id = ?", [row["id"]])
        own = split_sentences(article["text"], name)
        assert summary["summary"] == " ".join(s for s in own if s in summary["summary"])
    assert said["abbreviated"] in split_sentences(
        next(a["text"] for a in articles_of(code)["articles"] if said["abbreviated"] in a["text"]),
        name,
    )

    [latest] = await say(bot, "/latest 10", chat, app_language)
    assert latest.plain_text.startswith(said["latest"])
    assert len(latest.plain_text) <= MAX_MESSAGE_LENGTH
    assert said["abbreviated"] in latest.plain_text
    # The two outlets' reports are one story; the look-alike stays apart.
    stories = latest.plain_text.split("\n\n")[1:]
    [joined] = [s for s in stories if said["rewrite"] in s]
    assert said["also"] in joined
    [apart] = [s for s in stories if said["lookalike"] in s]
    assert said["also"] not in apart
    story_id = int(joined.rsplit("/story_", 1)[1])
    [page] = await say(bot, f"/story {story_id}", chat, app_language)
    assert all(outlet in page.plain_text for outlet in articles_of(code)["outlets"])

    # No rules read allegations in this language yet: the reader is told so, not that the
    # name is free of them.
    [ledger] = await say(bot, f"/allegations {said['accused']}", chat, app_language)
    assert ledger.plain_text == said["no_allegations"]


async def test_a_name_in_articles_whose_allegations_are_read_gets_no_such_note(bot: Bot) -> None:
    """The note names only languages without rules: a name in the English seed gets its ledger,
    a name no article holds the plain answer."""
    [found] = await say(bot, "/allegations Durov", 7004, "pl")
    assert (
        found.plain_text.startswith("Zarzuty: Durov\n") and "nie odczytuję" not in found.plain_text
    )
    assert read.unread_languages(bot.db, "Telegram") == []  # the seed is in English
    [nothing] = await say(bot, "/allegations Zbyszko", 7004, "pl")
    assert nothing.plain_text == "Nie znaleziono zarzutów dla „Zbyszko”."


@pytest.mark.parametrize(
    ("typed", "frequency"),
    [
        ("todo dia", "daily"),
        ("diariamente", "daily"),
        ("semanalmente", "weekly"),
        ("nos dias úteis", "weekdays"),
        ("em dias úteis", "weekdays"),
        ("quotidianamente", "daily"),
        ("settimanalmente", "weekly"),
        ("każdego dnia", "daily"),
        ("raz w tygodniu", "weekly"),
        ("w dni pracujące", "weekdays"),
        # Not frequencies: left for keywords.
        ("todo", None),
        ("dia", None),
        ("dnia", None),
    ],
)
def test_frequencies_as_polish_italian_and_brazilian_readers_type_them(
    typed: str, frequency: str | None
) -> None:
    assert frequency_of(typed) == frequency


async def test_todo_dia_is_every_day_not_two_keywords(bot: Bot) -> None:
    """ "todo dia" is how Brazilians most often say "every day"; it was taken for keywords."""
    [subscribed] = await say(bot, "/subscribe todo dia às 20h America/Sao_Paulo", 7005, "pt-BR")
    assert "Boletim: todos os dias às 20:00 (America/Sao_Paulo)" in subscribed.plain_text
    assert "Só sobre: qualquer assunto" in subscribed.plain_text


async def test_a_polish_search_with_a_short_word_finds_not_fails(
    bot: Bot, feed_server: FeedServer
) -> None:
    """Polish searches are full of one- and two-letter words ("o", "w", "i", "na"); each
    made the search of Polish forms fail ("something went wrong") instead of finding."""
    for url in serve_outlets(feed_server, "pl"):
        await bot.say(f"/addsource {url}", user_id=ADMIN)
    searches = [
        ("ustawa o ochronie lasów", "Posłowie przyjęli ustawę o ochronie lasów"),
        ("'ustawa o ochronie'", "Posłowie przyjęli ustawę o ochronie lasów"),
        ("remont na ul. Marszałkowskiej", "Remont torowiska na ul. Marszałkowskiej"),
        ("lasy i Senat", "Posłowie przyjęli ustawę o ochronie lasów"),
        ("ul", None),
    ]
    for typed, title in searches:
        [found] = await say(bot, f"/search {typed}", 7006, "pl")
        assert found.plain_text.startswith(("Wyniki dla", "Brak wyników dla")), typed
        if title is not None:
            assert title in found.plain_text, typed
