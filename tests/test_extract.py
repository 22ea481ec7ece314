"""HTML to text, page extraction and the seed format."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest

from digests.errors import ParseError, SeedError
from digests.extract import (
    MAX_TITLE_CHARS,
    cap_title,
    clean_text,
    extract_page,
    html_to_text,
    load_seed_dir,
    parse_seed,
    reddit_link,
    without_feed_furniture,
    without_page_furniture,
)

ROOT = Path(__file__).resolve().parent.parent
SEED_TITLE = "Innovating Responsibly: Telegram CEO Takes Aim at Crime in First Public Statement"


def article_page(paragraphs: int = 6, head: str = "") -> str:
    body = "".join(
        f"<p>Paragraph {i} of the story about the council vote on the new bridge, which "
        "residents debated for hours before a final decision was reached late at night.</p>"
        for i in range(paragraphs)
    )
    return (
        f"<html><head><title>Bridge vote passes</title>{head}"
        '<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2024-09-05T10:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Bridge vote passes</h1>"
        f"{body}</article><footer>Copyright 2024</footer></body></html>"
    )


def test_html_to_text_unescapes_strips_tags_and_keeps_paragraphs() -> None:
    html = (
        "<div><p>Fish &amp; chips&nbsp;cost &pound;5 &#8211; or &lt;less&gt;.</p>"
        "<script>var x = '<p>no</p>';</script><style>p { color: red }</style>"
        "<!-- a comment --><p>Second<br>line with <a href='/x'>a link</a>.</p>"
        "<ul><li>one</li><li>two</li></ul></div>"
    )
    assert html_to_text(html) == (
        "Fish & chips cost £5 – or <less>.\n\nSecond line with a link.\n\none\n\ntwo"
    )


def test_html_to_text_reads_markup_escaped_twice_but_keeps_what_is_no_element() -> None:
    assert html_to_text("&lt;p&gt;Twice&amp;nbsp;over&lt;/p&gt;&lt;br/&gt;end") == (
        "Twice over\n\nend"
    )
    assert html_to_text("<p>x &lt;less&gt; and a &lt; b</p>") == "x <less> and a < b"


def test_html_to_text_keeps_a_plain_less_than_sign() -> None:
    assert html_to_text("a < b and c > d") == "a < b and c > d"


def test_clean_text_normalises_unicode_space_and_controls() -> None:
    decomposed = "Cafe\u0301"
    text = f"  {decomposed}\x00\x07 latte\u200b\r\n\r\n\r\n\tnext   para\x1b  "
    assert clean_text(text) == "Café latte\n\nnext para"
    assert clean_text(text) == clean_text(clean_text(text))


def test_extract_page_finds_main_text_title_date_and_author() -> None:
    article = extract_page(article_page().encode(), "https://news.example.com/bridge")
    assert article.title == "Bridge vote passes"
    assert article.author == "Jane Roe"
    assert article.published == datetime(2024, 9, 5, tzinfo=UTC)
    assert article.text.startswith("Paragraph 0 of the story")
    assert article.text.count("\n\n") == 5
    assert "Home | World" not in article.text and "Copyright" not in article.text


@pytest.mark.parametrize(
    ("head", "picture"),
    [
        ('<meta property="og:image" content="/media/bridge.jpg">', "/media/bridge.jpg"),
        (
            '<meta property="og:image" content="https://cdn.example.com/og.jpg">'
            '<meta name="twitter:image" content="https://cdn.example.com/tw.jpg">',
            "https://cdn.example.com/og.jpg",
        ),
        (
            '<meta name="twitter:image" content="//cdn.example.com/tw.jpg">',
            "//cdn.example.com/tw.jpg",
        ),
        ('<meta property="og:image" content="http://10.0.0.3/bridge.jpg">', None),
        ('<meta property="og:image" content="javascript:alert(1)">', None),
        ("", None),
    ],
)
def test_extract_page_takes_the_page_picture_resolved_and_checked(
    head: str, picture: str | None
) -> None:
    page = "https://news.example.com/local/bridge"
    article = extract_page(article_page(head=head).encode(), page)
    assert article.image_url == (urljoin(page, picture) if picture else None)


def test_extract_page_on_a_private_host_keeps_its_private_picture() -> None:
    head = '<meta property="og:image" content="http://10.0.0.3/bridge.jpg">'
    article = extract_page(article_page(head=head).encode(), "http://10.0.0.3/bridge")
    assert article.image_url == "http://10.0.0.3/bridge.jpg"


def test_extract_page_without_text_raises() -> None:
    with pytest.raises(ParseError, match="no article text"):
        extract_page(
            b"<html><head><title>Empty</title></head><body><script>go()</script></body></html>",
            "https://x.example/",
        )


def test_project_seed_has_a_header_and_drops_boilerplate() -> None:
    [article] = load_seed_dir(ROOT / "seeds")
    assert article.title == SEED_TITLE
    assert article.url == "https://seed.invalid/000_69be0bb2d80f3255"
    assert article.published == datetime(2024, 9, 6, tzinfo=UTC)
    assert article.text.startswith("During his public statement, Durov emphasized")
    assert article.text.endswith("protecting user privacy.")
    for junk in ("ADS", "Trending Topics", "Latest News", SEED_TITLE):
        assert junk not in article.text.split("\n\n")


def test_seed_without_header_uses_first_line_and_mtime(tmp_path: Path) -> None:
    original = ROOT.parent / "shared" / "seeds" / "000_69be0bb2d80f3255.txt"
    text = (
        original.read_text("utf-8")
        if original.exists()
        else f"{SEED_TITLE}\n\nADS\n\nBody paragraph.\n\nLatest News\n"
    )
    path = tmp_path / "plain.txt"
    path.write_text(text, "utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    [article] = load_seed_dir(tmp_path)
    assert article.title == SEED_TITLE
    assert article.url == "https://seed.invalid/plain"
    assert article.published == datetime.fromtimestamp(1_700_000_000, UTC)
    assert "ADS" not in article.text and not article.text.endswith("Latest News")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Title: T\nColour: blue\n\nBody.", "unknown header line 'colour'"),
        ("Title: T\nDate: yesterday\n\nBody.", "Date is not ISO 8601"),
        ("Title: T\nDate: 0001-01-01T00:00:00+05:00\n\nBody.", "Date is not ISO 8601"),
        ("Title: T\nURL: ftp://x/y\n\nBody.", "must be an http"),
        ("Title: T\n\nADS\n\nT\n", "no article text"),
        ("\n\n\n", "no title"),
    ],
)
def test_bad_seed_files_raise_seed_error(text: str, message: str) -> None:
    with pytest.raises(SeedError, match=message):
        parse_seed(text, "bad.txt")


def test_seed_header_keys_are_case_insensitive_and_date_may_lack_a_zone() -> None:
    article = parse_seed(
        "Title: T\nurl: https://s.example/1\nDATE: 2024-01-02T03:04:05\nAuthor: Ann\n\nBody.",
        "x.txt",
    )
    assert article.url == "https://s.example/1"
    assert article.published == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert article.author == "Ann"
    assert article.text == "Body."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Taxes rise.\n\nThe post Taxes rise appeared first on Gazette.", "Taxes rise."),
        ("Steuern steigen.\n\nDer Beitrag Steuern erschien zuerst auf Blatt.", "Steuern steigen."),
        ("Налоги.\n\nСообщение Налоги появились сначала на Газета.", "Налоги."),
        ("La entrada X se publicó primero en Diario.", ""),
        ("The council met […]\n\nThe post X appeared first on Y.", "The council met […]"),
        ("Ferries resume. Read more »", "Ferries resume."),
        ("Ferries resume.\n\n[Read more...]", "Ferries resume."),
        ("Ferries resume.\n\nContinue reading Ferries resume →", "Ferries resume."),
        ("Паромы снова ходят. Читать далее…", "Паромы снова ходят."),
        ("The vote. submitted by /u/someone [link] [comments]", "The vote."),
        (
            "Strike.\n\nThanks for reading Letter! Subscribe for free to receive new posts and "
            "support my work.\n\nTalks.\n\nShare",
            "Strike.\n\nTalks.",
        ),
        (
            "Prices.\n\nWhy was originally published in Desk on Medium, where people are "
            "continuing the conversation by highlighting and responding to this story.",
            "Prices.",
        ),
        # Article text that only looks like it stays.
        ("Pupils said they would continue reading.", "Pupils said they would continue reading."),
        ("Read more books, the minister said.", "Read more books, the minister said."),
        (
            "The post office appeared first on the list. It closed.",
            "The post office appeared first on the list. It closed.",
        ),
        ("He said: Continue reading the report", "He said: Continue reading the report"),
        ("Markets.\n\nShare prices fell.", "Markets.\n\nShare prices fell."),
    ],
)
def test_what_a_feed_generator_adds_at_the_end_is_dropped(text: str, kept: str) -> None:
    assert without_feed_furniture(text) == kept


def test_a_pages_huge_title_is_cut_as_a_feeds_is() -> None:
    huge = "Bridge " + "vote passes " * 50_000
    page = article_page().replace("<title>Bridge vote passes</title>", f"<title>{huge}</title>")
    page = page.replace("<h1>Bridge vote passes</h1>", f"<h1>{huge}</h1>")
    article = extract_page(page.encode(), "https://news.example.com/bridge")
    assert len(article.title) <= MAX_TITLE_CHARS and article.title.endswith("…")
    assert article.title == cap_title(article.title)


def _reddit_item(target: str) -> str:
    return (
        '<table><tr><td> &#32; submitted by &#32; <a href="https://www.reddit.com/user/al">'
        ' /u/al </a> &#32; to &#32; <a href="https://www.reddit.com/r/news/"> r/news </a>'
        f' <br/> <span><a href="{target}">[link]</a></span> &#32; <span><a href='
        '"https://www.reddit.com/r/news/comments/x1/fire/">[comments]</a></span></td></tr></table>'
    )


def test_a_reddit_link_post_shares_the_article_its_link_leads_to() -> None:
    shared = "https://outlet.example/news/fire?id=4&amp;page=1"
    assert reddit_link(_reddit_item(shared)) == "https://outlet.example/news/fire?id=4&page=1"
    # A text, picture or video post (or a cross post) is a page of Reddit's own: none.
    for own in (
        "https://www.reddit.com/r/news/comments/x1/fire/",
        "https://i.redd.it/abc.jpeg",
        "https://v.redd.it/abc",
    ):
        assert reddit_link(_reddit_item(own)) is None
    # Not Reddit's line: a "[link]" elsewhere is left alone.
    assert (
        reddit_link('<p>See <a href="https://outlet.example/a">[link]</a> [comments]</p>') is None
    )
    assert reddit_link("<p>The vote.</p>") is None


_STORY = [
    "The council voted for the new bridge on Tuesday, after a debate of five hours.",
    "Residents who opposed it said they would appeal against the decision.",
]


def test_a_pages_furniture_kept_with_its_article_is_dropped() -> None:
    """A feed carrying the whole page, and page extraction, kept the byline, the time stamp,
    the picture's caption and the share and topic links as paragraphs: a summary began
    "Published 3 hours ago Like some drill sergeant..."."""
    page = [
        "By Jane Smith, Business reporter",
        "Published 3 hours ago",
        "Image caption, The bridge crosses the river at its widest. Image source, Getty Images",
        _STORY[0],
        "Image source, Reuters",
        _STORY[1],
        "Share this with",
        "Email",
        "Facebook",
        "Related topics",
        "Bridges",
        "Local councils",
    ]
    assert without_page_furniture("\n\n".join(page)) == "\n\n".join(_STORY)
    # through a feed item's text, as feeds read it
    assert without_feed_furniture("\n\n".join(page)) == "\n\n".join(_STORY)


@pytest.mark.parametrize(
    "text",
    [
        # a sentence opening with "By", a dated sentence, and short closing lines with no heading
        "By Monday, the council had voted for the bridge.\n\n" + _STORY[1],
        "Published in 1998, the report still guides the council.\n\n" + _STORY[1],
        _STORY[0] + "\n\nThe vote\n\nIn numbers",
        _STORY[0] + "\n\nRelated topics were debated for hours, the mayor said.",
    ],
)
def test_what_only_looks_like_furniture_stays(text: str) -> None:
    assert without_page_furniture(text) == text


def test_extract_page_drops_the_byline_and_time_stamp_over_the_article() -> None:
    page = article_page().replace(
        "<h1>Bridge vote passes</h1>",
        "<h1>Bridge vote passes</h1><p>By Jane Roe, Local reporter</p><p>Published 3 hours ago</p>",
    )
    article = extract_page(page.encode(), "https://news.example.com/bridge")
    assert article.text.startswith("Paragraph 0 of the story")


def test_a_pages_title_loses_the_site_name_written_after_it() -> None:
    head = (
        '<meta property="og:title" content="Bridge vote passes - Harbour News">'
        '<meta property="og:site_name" content="Harbour News">'
    )
    page = article_page(head=head).replace("<title>Bridge vote passes</title>", "")
    article = extract_page(page.encode(), "https://news.example.com/bridge")
    assert article.title == "Bridge vote passes"
    other = '<meta property="og:title" content="Iran - US talks">'
    page = article_page(head=other).replace("<title>Bridge vote passes</title>", "")
    assert extract_page(page.encode(), "https://news.example.com/iran").title == "Iran - US talks"
