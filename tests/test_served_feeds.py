"""Feeds and pages as publishers serve them, from a local server, through the command line:
``newsbot sources add`` (the step /addsource runs), ``newsbot ingest`` and what a reader
then gets from ``newsbot latest`` and ``newsbot story``."""

from __future__ import annotations

import html
import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import newsbot as cli
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server_fixture  # noqa: F401

RU_TITLE = "Правительство приняло закон о бюджете"
RU_TEXT = (
    "Министр финансов заявил, что расходы на образование вырастут на десять процентов "
    "в следующем году. Депутаты одобрили поправки во втором чтении."
)
FR_TITLE = "Le ministre présente son budget à l'Assemblée"
FR_TEXT = (
    "Le ministre a déclaré que les dépenses d'éducation augmenteront l'année prochaine. "
    "Les députés ont voté les amendements en deuxième lecture à la fin de la séance."
)

FR_PAGE = (
    "Le gouvernement français présente son budget à l'Assemblée. Le ministre a déclaré que "
    "les dépenses d'éducation augmenteront l'année prochaine, à côté des écoles. "
) * 3


def run(db_path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args], obj={})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(autouse=True)
def _local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")  # the feed server is on 127.0.0.1
    monkeypatch.setenv("FETCH_HOST_GAP", "0")
    monkeypatch.setenv("RETENTION_DAYS", "0")  # the items are from 2024: keep them


def rss(title: str, text: str, *, prolog: str | None = "utf-8", link: str = "/a/1") -> str:
    declaration = f' encoding="{prolog}"' if prolog else ""
    return (
        f'<?xml version="1.0"{declaration}?>\n<rss version="2.0"><channel><title>Вести</title>'
        "<link>http://news.example/</link><item>"
        f"<title>{title}</title><link>http://news.example{link}</link>"
        f"<description>{text}</description><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>"
        "</item></channel></rss>"
    )


def story_text(db_path: Path) -> str:
    latest = run(db_path, "latest")
    number = re.findall(r"story (\d+)", latest)[-1]  # the seed's is the first
    return latest + run(db_path, "story", number)


def read_as_served(db_path: Path, url: str, *, full_text: bool = False) -> str:
    """Add the feed, poll it, and return what latest and the story show."""
    run(db_path, "sources", "add", url, *([] if full_text else ["--no-full-text"]))
    out = run(db_path, "ingest")
    assert "ok, 1 new" in out and "parsed with errors" not in out, out
    return story_text(db_path)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        # A Windows generator's UTF-16, the server saying UTF-8 (its default)
        pytest.param(
            rss(RU_TITLE, RU_TEXT, prolog="utf-16").encode("utf-16"),
            "application/rss+xml; charset=utf-8",
            id="utf-16-with-mark-sent-as-utf-8",
        ),
        pytest.param(
            rss(RU_TITLE, RU_TEXT, prolog=None).encode("utf-16"),
            "application/rss+xml",
            id="utf-16-with-mark-no-declaration",
        ),
        # A UTF-8 feed with one stray windows-1252 byte (an em dash pasted from a word
        # processor): the whole feed was read as KOI8-R.
        pytest.param(
            rss(RU_TITLE, RU_TEXT + " —").encode().replace("—".encode(), b"\x97"),
            "application/rss+xml; charset=utf-8",
            id="utf-8-with-a-stray-byte",
        ),
        # The server's default ISO-8859-1 over the feed's own windows-1251.
        pytest.param(
            rss(RU_TITLE, RU_TEXT, prolog="windows-1251").encode("cp1251"),
            "text/xml; charset=ISO-8859-1",
            id="server-default-latin-1-over-the-prolog",
        ),
    ],
)
def test_a_russian_feed_reads_as_russian_whatever_its_labels_say(
    db_path: Path, feed_server: FeedServer, body: bytes, content_type: str
) -> None:
    shown = read_as_served(db_path, feed_server.add("/rss.xml", body, content_type=content_type))

    assert RU_TITLE in shown and "Министр финансов заявил" in shown
    assert not re.search("[ÐÑÏð]|п÷|я─", shown), shown


def test_a_french_feed_with_stray_quotes_keeps_its_accents(
    db_path: Path, feed_server: FeedServer
) -> None:
    """Two windows-1252 quotes in a UTF-8 feed: read as windows-1252 whole, every accent was
    two letters ("dÃ©clarÃ©")."""
    body = rss(FR_TITLE, FR_TEXT.replace("l'année", "\u2019l\u2019année")).encode()
    body = body.replace("\u2019".encode(), b"\x92")
    url = feed_server.add("/rss.xml", body, content_type="application/rss+xml; charset=utf-8")

    shown = read_as_served(db_path, url)

    assert FR_TITLE in shown and "a déclaré que" in shown and "’l’année" in shown
    assert "Ã" not in shown


def test_a_json_feed_with_a_byte_order_mark_is_read(db_path: Path, feed_server: FeedServer) -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Вести",
        "items": [
            {
                "id": "1",
                "url": "http://news.example/a/1",
                "title": RU_TITLE,
                "content_text": RU_TEXT,
                "date_published": "2024-05-06T10:00:00Z",
            }
        ],
    }
    body = b"\xef\xbb\xbf" + json.dumps(feed, ensure_ascii=False).encode()
    url = feed_server.add("/feed.json", body, content_type="application/feed+json")

    assert RU_TITLE in read_as_served(db_path, url)


def test_a_control_character_is_a_space_not_damage(db_path: Path, feed_server: FeedServer) -> None:
    """A vertical tab pasted into a title: the loose parser dropped it, joining two words, and
    the whole feed counted as damaged (its ETag not kept)."""
    body = rss("Budget\x0bvote passes", "Ministers agreed the budget.\x0c Debate ends.")
    shown = read_as_served(db_path, feed_server.add("/rss.xml", body))

    assert "Budget vote passes" in shown


def test_rss_091_with_its_doctype_keeps_htmls_named_characters(
    db_path: Path, feed_server: FeedServer
) -> None:
    """The Netscape DTD defines &eacute; and &copy;; not read, the strict parser skipped them
    without a word, and "Café" came out "Caf"."""
    body = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE rss PUBLIC "-//Netscape '
        'Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        '\n<rss version="0.91"><channel><title>Old</title><link>http://news.example/</link>'
        "<description>d</description><language>en-us</language><item>"
        "<title>Caf&eacute; owners protest</title><link>http://news.example/a/1</link>"
        "<description>Owners &copy; the union &mdash; met the mayor.</description></item>"
        "</channel></rss>"
    )
    url = feed_server.add("/rss.xml", body.encode("latin-1"), content_type="application/rss+xml")
    shown = read_as_served(db_path, url)

    assert "Café owners protest" in shown and "Owners © the union — met the mayor." in shown


def test_a_page_read_in_the_charset_its_header_names(
    db_path: Path, feed_server: FeedServer
) -> None:
    """An article page in ISO-8859-1 with no <meta charset>, fetched for a teaser's full text:
    guessed, it came out in a Baltic encoding ("franńais prķsente")."""
    paragraph = f"<p>{FR_PAGE}</p>" * 2
    page = (
        f"<!doctype html><html><head><title>{FR_TITLE}</title></head><body><article>"
        f"<h1>{FR_TITLE}</h1>{paragraph}</article></body></html>"
    )
    link = feed_server.add(
        "/a/1", page.encode("latin-1"), content_type="text/html; charset=ISO-8859-1"
    )
    body = rss(FR_TITLE, "Le ministre a parlé.", link="/a/1").replace(
        "http://news.example/a/1", link
    )
    url = feed_server.add("/rss.xml", body)

    shown = read_as_served(db_path, url, full_text=True)

    assert "français présente son budget" in shown and "ń" not in shown and "ķ" not in shown


def test_a_page_whose_header_says_utf8_but_is_not_is_read_in_its_meta_charset(
    db_path: Path, feed_server: FeedServer
) -> None:
    """A windows-1251 page served under a server-wide "charset=utf-8" (its <meta> names
    windows-1251, its bytes are not UTF-8): read as UTF-8, every Russian letter was "\ufffd"."""
    paragraph = f"<p>{RU_TEXT} {RU_TEXT}</p>" * 3
    page = (
        '<!doctype html><html><head><meta charset="windows-1251">'
        f"<title>{RU_TITLE}</title></head><body><article>"
        f"<h1>{RU_TITLE}</h1>{paragraph}</article></body></html>"
    )
    link = feed_server.add("/a/1", page.encode("cp1251"), content_type="text/html; charset=utf-8")
    body = rss(RU_TITLE, "Министр выступил.", link="/a/1").replace("http://news.example/a/1", link)
    url = feed_server.add("/rss.xml", body)

    shown = read_as_served(db_path, url, full_text=True)

    assert "расходы на образование вырастут" in shown and "\ufffd" not in shown


def test_a_feed_gone_for_good_is_paused_saying_why(db_path: Path, feed_server: FeedServer) -> None:
    """410 Gone: the server says it will not come back. Polled on, it failed eight times
    before the auto-pause."""
    url = feed_server.add("/gone.xml", b"gone", status=410, content_type="text/plain")
    run(db_path, "sources", "add", url, "--no-check")

    out = CliRunner().invoke(cli, ["--db", str(db_path), "ingest"], obj={}).output
    listed = run(db_path, "sources", "list")

    assert "HTTP 410 Gone" in out
    assert "paused" in listed and "the server says the feed is gone for good (HTTP 410 Gone)" in (
        listed
    )
    run(db_path, "ingest", "--all")
    assert len(feed_server.hits("/gone.xml")) == 1  # not asked again


def twice(text: str, single: str = "cp1252") -> str:
    """Return text encoded twice as a publisher's software does it: its UTF-8 bytes read as
    windows-1252 (the five bytes it leaves undefined as latin-1), or as latin-1."""
    raw = text.encode("utf-8")
    if single == "latin-1":
        return raw.decode("latin-1")
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in raw
    )


def stored(db_path: Path) -> tuple[str, str, str | None, str]:
    """Return the last article's title, text and author, and its source's title, as stored."""
    conn = sqlite3.connect(db_path)
    try:
        title, text, author, source = conn.execute(
            "select a.title, a.text, a.author, s.title from articles a"
            " join sources s on s.id = a.source_id order by a.id desc limit 1"
        ).fetchone()
    finally:
        conn.close()
    return title, text, author, source


@pytest.mark.parametrize("single", ["cp1252", "latin-1"])
@pytest.mark.parametrize(
    ("feed_title", "title", "text", "author"),
    [
        ("Вести", RU_TITLE, RU_TEXT, "Павел Дуров"),
        ("Le Monde à Paris", FR_TITLE, FR_TEXT, "Hélène Müller"),
        ("Wiadomości", "Rząd przejrzy limit cen energii", "Tysiące ludzi protestują.", "Łukasz"),
        ("Ειδήσεις", "Η κυβέρνηση ενέκρινε τον προϋπολογισμό", "Ο υπουργός δήλωσε.", "Νίκος"),
        ("اخبار", "دولت بودجه را تصویب کرد", "وزیر اقتصاد گفت که هزینه‌ها افزایش می‌یابد.", "علی"),
        ("新闻", "政府通过了新的预算", "财政部长表示，教育支出将增加。", "王伟"),
        (
            "Tin tức",
            "Chính phủ thông qua ngân sách",
            "Bộ trưởng cho biết chi tiêu sẽ tăng.",
            "Nguyễn",
        ),
        ("Haberler", "Hükümet bütçeyi onayladı", "Bakan, İstanbul'da açıklama yaptı.", "Şükrü"),
    ],
)
def test_text_its_publisher_encoded_twice_is_read_back(
    db_path: Path,
    feed_server: FeedServer,
    single: str,
    feed_title: str,
    title: str,
    text: str,
    author: str,
) -> None:
    """A publisher whose software read its UTF-8 as windows-1252 (or latin-1) and wrote it
    out again: the bytes are valid UTF-8, the text they hold is mojibake ("MÃ¼ller",
    "Ð”ÑƒÑ€Ð¾Ð²"), stored and shown so. Title, text, author and the feed's title read back."""
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{twice(feed_title, single)}</title><link>http://news.example/</link><item>"
        f"<title>{twice(title, single)}</title><link>http://news.example/a/1</link>"
        f"<description>{twice(text, single)}</description>"
        f"<author>{twice(author, single)}</author>"
        "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    url = feed_server.add("/rss.xml", body.encode(), content_type="application/rss+xml")

    shown = read_as_served(db_path, url)

    assert title in shown and text in shown
    assert stored(db_path) == (title, text, author, feed_title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Veður í Reykjavík: Ðað er kalt", "Þórður Ðórsson sagði að veðrið yrði gott."),
        ("A IRMÃ DO PRESIDENTE FALA EM SÃO PAULO", "A capitã disse que a maçã é boa."),
        ("PARCE QUE SUR LEURS PLAQUES IL Y A MARQUÉ…", "Charlotte Brontë… “Jane Eyre”."),
        ("Σ¨ανατροφή¨ × 3", "Η ¨ανατροφή¨ δυστυχώς από τους προπονητές."),
        ("Łódź: Ślązacy świętują", "Ärger in Köln – „Spaß“ beim Straßenfest."),
        ("שלום עולם", "مرحبا بالعالم — سلام دنیا"),
    ],
)
def test_correct_text_that_looks_encoded_twice_is_left_alone(
    db_path: Path, feed_server: FeedServer, title: str, text: str
) -> None:
    """Icelandic "Ð", Portuguese capitals "Ã", a capital before an ellipsis, Greek diaereses
    used as quotes: right as written, each stored as served."""
    body = rss(title, text)
    url = feed_server.add("/rss.xml", body.encode(), content_type="application/rss+xml")

    read_as_served(db_path, url)

    assert stored(db_path)[:2] == (title, text)


def test_an_item_dated_with_a_year_or_a_month_only_is_news_of_that_year_or_month(
    db_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some generators fill pubDate with the year alone ("2026") or a year and month
    ("2026-12"). Read as 1 January (or the 1st), this year's items were older than retention
    keeps and never saved: the admin saw "0 new" and the feed stayed empty."""
    monkeypatch.setenv("RETENTION_DAYS", "30")
    now = datetime.now(UTC)
    dates = {
        "Harbour ferry returns after storm repairs": f"{now.year}",
        "Council approves new library opening hours": f"{now.year}-{now.month:02d}",
        "Museum reopened its west wing to visitors": f"{now.year - 2}",  # still old
    }
    items = "".join(
        f"<item><title>{title}</title><link>http://news.example/{n}</link>"
        f"<pubDate>{date}</pubDate><description>{title}, the town said on its website. "
        "Residents welcomed the news.</description></item>"
        for n, (title, date) in enumerate(dates.items())
    )
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Town</title>"
        f"<link>http://news.example/</link>{items}</channel></rss>"
    )
    run(db_path, "sources", "add", feed_server.add("/town.xml", body), "--no-full-text")

    out = run(db_path, "ingest")
    latest = run(db_path, "latest")

    assert "ok, 2 new, 0 duplicate, 1 older than retention keeps" in out, out
    assert "Harbour ferry returns" in latest and "Council approves new library" in latest
    assert "Museum reopened" not in latest


def test_a_transcript_without_full_stops_is_summarised_in_a_few_lines_not_whole(
    db_path: Path, feed_server: FeedServer
) -> None:
    """A video feed's item carries its automatic captions: thousands of words, no full stop.
    As one sentence it was the whole summary (30,000 characters, the summariser's reading
    cap): `newsbot story` printed a wall of text and /story sent eight messages of it."""
    said = (
        "so the council met today and we talked about the harbour and the new tram line "
        "which the mayor says will open next spring if the budget holds and people here "
    )
    transcript = (said * 100).strip()  # 3,100 words
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Town TV"
        "</title><link>http://news.example/</link><item><title>Council meeting, full video"
        f"</title><link>http://news.example/v/1</link><description>{transcript}</description>"
        "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item></channel></rss>"
    )

    shown = read_as_served(db_path, feed_server.add("/video.xml", body))

    # The summary in `latest` and in `story`: its first 75 words, then "…".
    assert shown.count("so the council met today") <= 6 and shown.count("…\n") >= 2
    assert len(shown) < 3000, len(shown)


WALL = (
    "<html><head><title>The Harbour Times</title></head><body><article>"
    "<h1>Subscribe to continue reading</h1><p>This article is for subscribers only. Subscribe "
    "today to get unlimited access to award-winning journalism, exclusive newsletters and our "
    "daily puzzles. Already a subscriber? Log in to continue reading this story and thousands "
    "more.</p><p>Cancel anytime. Offer available to new subscribers only, terms and conditions "
    "apply to every plan we sell online.</p></article></body></html>"
)
WALLED = {
    "bridge": "Mayor opens the new bridge in Riverton after two years of works.",
    "tennis": "The tennis champion retires after losing the final in five sets.",
    "rates": "The central bank raises interest rates for the third time this year.",
    "frogs": "Scientists discover a new frog species in the northern hills.",
}


def walled_feed(feed_server: FeedServer, keys: list[str]) -> str:
    """Serve a feed of teasers whose every page is the same subscription notice."""
    items = ""
    for key in keys:
        items += (
            f"<item><title>{WALLED[key][:-1]}</title><link>{feed_server.url(f'/{key}')}</link>"
            f"<description>{WALLED[key]}</description>"
            "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>"
        )
        feed_server.add(f"/{key}", WALL, content_type="text/html; charset=utf-8")
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>The Harbour"
        f" Times</title><link>http://news.example/</link>{items}</channel></rss>"
    )
    return feed_server.add("/walled.xml", body)


def test_a_paywalls_notice_is_no_articles_text_and_joins_no_stories(
    db_path: Path, feed_server: FeedServer
) -> None:
    """Each item's page was the same subscription notice, longer than the feed's teaser: it
    replaced every teaser, and the outlet's unrelated articles, one text now, became one
    story whose summary was "This article is for subscribers only". A notice is known as one
    when a second page gives it for another title: on a poll's first page alone it is still
    taken for the article (there is nothing to compare it with)."""
    run(db_path, "sources", "add", walled_feed(feed_server, ["bridge"]))
    run(db_path, "ingest")  # alone: its page's text is taken
    walled_feed(feed_server, ["bridge", "tennis", "rates"])
    run(db_path, "ingest", "--all")  # two pages of one poll give the same text
    walled_feed(feed_server, ["bridge", "tennis", "rates", "frogs"])
    run(db_path, "ingest", "--all")  # one page gives the text a stored article has

    stored = sqlite3.connect(db_path).execute(
        "select url, text, story_id from articles where url like 'http://127.0.0.1:%'"
    )
    rows = {url.rsplit("/", 1)[1]: (text, story) for url, text, story in stored.fetchall()}
    assert rows["bridge"][0].startswith("This article is for subscribers only")
    assert {key: rows[key][0] for key in ("tennis", "rates", "frogs")} == {
        key: WALLED[key] for key in ("tennis", "rates", "frogs")
    }
    assert len({story for _, story in rows.values()}) == 4
    latest = run(db_path, "latest")
    assert all(WALLED[key][:-1] in latest for key in ("tennis", "rates", "frogs"))


RETITLED_PAGE = "".join(
    f"<p>The mayor of Riverton opened the new bridge over the Dane on Monday ({n}), after two "
    "years of works that closed the old crossing and sent traffic through the town centre.</p>"
    for n in range(6)
)


def retitled_feed(feed_server: FeedServer, title: str, date: str) -> str:
    """Serve a feed of one teaser whose page, the article, keeps its text whatever its title."""
    feed_server.add(
        "/bridge",
        f"<html><body><article><h1>{title}</h1>{RETITLED_PAGE}</article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Riverton"
        f"</title><link>http://news.example/</link><item><title>{title}</title>"
        f"<link>{feed_server.url('/bridge')}</link><guid>bridge-1</guid><description>The "
        f"mayor opened the bridge.</description><pubDate>{date}</pubDate></item></channel></rss>"
    )
    return feed_server.add("/riverton.xml", body)


def test_an_article_its_outlet_retitles_is_no_wall_of_its_own_page(
    db_path: Path, feed_server: FeedServer
) -> None:
    """An outlet re-titled an article and re-dated it, its page's text unchanged. The page
    gave the text the article's stored version holds under its old title: taken for a wall
    shared by two articles, the new version was a teaser, and the admin saw "1 duplicate"
    while /latest kept the old headline."""
    old, new = "Mayor opens the new bridge", "Mayor opens the Riverton bridge two years late"
    run(db_path, "sources", "add", retitled_feed(feed_server, old, "Mon, 06 May 2024 10:00 GMT"))
    run(db_path, "ingest")
    retitled_feed(feed_server, new, "Mon, 06 May 2024 12:00:00 GMT")

    out = run(db_path, "ingest", "--all")

    assert "1 replaced by a newer or fuller version" in out, out
    stored = sqlite3.connect(db_path).execute(
        "select title, text from articles where url like 'http://127.0.0.1:%'"
    )
    page_words = len(re.sub("<[^>]+>", " ", RETITLED_PAGE).split())
    assert [(title, len(text.split())) for title, text in stored] == [(new, page_words)]
    assert new in run(db_path, "latest")


def test_a_wire_story_an_outlet_runs_under_two_titles_keeps_its_text(
    db_path: Path, feed_server: FeedServer
) -> None:
    """An outlet ran one wire report twice, under two headlines, each item's teaser its lead.
    Both pages gave one text under two titles, as a paywall's notice does, and both items
    were left with their one-line teasers: the report's text was lost. A page that tells
    its item's teaser is the item's article, whoever else gives it."""
    lead = "Floods closed the main road into Riverton on Monday, the police said."
    wire = "".join(
        f"<p>{lead if n == 0 else 'Rescue teams moved families from the low streets by boat'}"
        f"{'' if n == 0 else f' overnight ({n}), and the council opened two schools as shelters.'}"
        "</p>"
        for n in range(6)
    )
    items = ""
    for key, title in [
        ("floods", "Floods close the road into Riverton"),
        ("road", "Riverton cut off"),
    ]:
        feed_server.add(
            f"/{key}",
            f"<html><body><article><h1>{title}</h1>{wire}</article></body></html>",
            content_type="text/html; charset=utf-8",
        )
        items += (
            f"<item><title>{title}</title><link>{feed_server.url(f'/{key}')}</link>"
            f"<description>{lead}</description>"
            "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>"
        )
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Riverton"
        f"</title><link>http://news.example/</link>{items}</channel></rss>"
    )
    run(db_path, "sources", "add", feed_server.add("/wire.xml", body))
    run(db_path, "ingest")

    stored = sqlite3.connect(db_path).execute(
        "select title, text from articles where url like 'http://127.0.0.1:%'"
    )
    words = len(re.sub("<[^>]+>", " ", wire).split())
    assert sorted(len(text.split()) for _, text in stored) == [words, words]


def test_words_a_feed_writes_on_every_item_join_no_stories_and_summarise_none(
    db_path: Path, feed_server: FeedServer
) -> None:
    """A feed whose generator writes the same line as every item's description (or after
    each): as the text, it was every story's summary, and two unrelated headlines sharing
    it were "copies" of one story."""
    line = "Click here to read the full story on our website, where you can also comment."
    titles = [
        "Mayor opens the new bridge in Riverton",
        "Tennis champion retires after the final",
        "Central bank raises interest rates again",
        "Wildfire forces evacuations in the hills",
        "Scientists discover a new frog species",
    ]
    items = "".join(
        f"<item><title>{title}</title><link>http://news.example/{n}</link>"
        f"<description>{line if n % 2 else f'<p>{title} today.</p><p>{line}</p>'}</description>"
        "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>"
        for n, title in enumerate(titles)
    )
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Town</title>"
        f"<link>http://news.example/</link>{items}</channel></rss>"
    )
    run(db_path, "sources", "add", feed_server.add("/same.xml", body), "--no-full-text")
    run(db_path, "ingest")

    stored = sqlite3.connect(db_path).execute(
        "select title, text, story_id from articles where url like 'http://news.example/%'"
    )
    rows = {title: (text, story) for title, text, story in stored.fetchall()}
    assert len(rows) == 5 and len({story for _, story in rows.values()}) == 5
    assert {title: text for title, (text, _) in rows.items()} == {
        title: (f"{title} today." if n % 2 == 0 else "") for n, title in enumerate(titles)
    }
    assert "Click here" not in run(db_path, "latest", "--limit", "10")


def test_a_text_two_items_of_a_small_feed_share_is_theirs_not_the_generator_s(
    db_path: Path, feed_server: FeedServer
) -> None:
    """A town's feed of three items: an article, and its correction posted under a new title
    with the same text. Two items are half of a small feed, and the text was taken for the
    generator's line: both items were left with no text at all, /latest showed two bare
    headlines and the story no summary."""
    text = (
        "<p>The council voted to close the harbour ferry from March, the mayor said.</p>"
        "<p>The service carried 40,000 passengers last year and cost the town 2 million.</p>"
    )
    items = {
        "Council votes to close the harbour ferry": text,
        "Correction: council votes to close the harbour ferry in March": text,
        "Library opens on Sundays from next month": "<p>The library will open on Sundays.</p>",
    }
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Town</title>"
        "<link>http://news.example/</link>"
        + "".join(
            f"<item><title>{title}</title><link>http://news.example/{n}</link><description>"
            f"{html.escape(description)}</description>"
            "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>"
            for n, (title, description) in enumerate(items.items())
        )
        + "</channel></rss>"
    )
    run(db_path, "sources", "add", feed_server.add("/town.xml", body), "--no-full-text")
    run(db_path, "ingest")

    stored = sqlite3.connect(db_path).execute(
        "select title, text from articles where url like 'http://news.example/%'"
    )
    texts = dict(stored.fetchall())
    assert [texts[title].count("harbour ferry") for title in list(items)[:2]] == [1, 1], texts
    assert "carried 40,000 passengers" in run(db_path, "latest", "--limit", "10")


def test_a_text_left_out_as_the_generator_s_stays_out_on_a_later_poll_of_fewer_items(
    db_path: Path, feed_server: FeedServer
) -> None:
    """The generator's line was known only within one poll: on the next, with two items left
    in the feed, it was no longer half of six under three titles, and the line, "fuller" than
    the empty text the first poll stored, replaced it: /latest showed "Click here ..." as the
    news again. Remembered per source, it stays out; a real text still replaces a teaser."""
    line = "Click here to read the full story on our website, where you can also comment."
    titles = [f"Headline number {n} of the day" for n in range(6)]

    def feed(described: dict[int, str]) -> str:
        items = "".join(
            f"<item><title>{titles[n]}</title><link>http://news.example/{n}</link>"
            f"<description>{html.escape(text)}</description>"
            "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>"
            for n, text in described.items()
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Town"
            f"</title><link>http://news.example/</link>{items}</channel></rss>"
        )

    url = feed_server.add("/town.xml", feed(dict.fromkeys(range(6), line)))
    run(db_path, "sources", "add", url, "--no-full-text")
    run(db_path, "ingest", "--all")
    story = (
        "<p>The council voted to reopen the harbour ferry from March, the mayor said on "
        "Tuesday evening after a long debate.</p><p>The service carried 40,000 passengers "
        "last year and cost the town two million.</p>"
    )
    feed_server.add("/town.xml", feed({0: line, 1: line}))
    assert "Town: ok, 0 new, 2 duplicate" in run(db_path, "ingest", "--all")
    feed_server.add("/town.xml", feed({1: line, 2: f"{story}<p>{line}</p>"}))
    run(db_path, "ingest", "--all")

    stored = sqlite3.connect(db_path).execute(
        "select url, text from articles where url like 'http://news.example/%' order by url"
    )
    texts = dict(stored.fetchall())
    assert len(texts) == 6 and texts["http://news.example/0"] == "", texts
    assert texts["http://news.example/1"] == ""
    assert texts["http://news.example/2"].startswith("The council voted to reopen")
    assert "Click here" not in texts["http://news.example/2"]
    assert "Click here" not in run(db_path, "latest", "--limit", "10")
