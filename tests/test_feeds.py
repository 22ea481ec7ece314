"""Parsing every feed format we meet, and refusing what is not a feed."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from urllib.parse import urljoin

import pytest

from digests.errors import FeedPage, ParseError
from digests.extract import MAX_TITLE_CHARS, cap_title
from digests.feeds import (
    TEASER_WORDS,
    declaration_first,
    declared_prefixes,
    escaped_ampersands,
    feed_links,
    numeric_entities,
    parse_feed,
    usable_entry,
)
from digests.models import ArticleIn
from tests.feedserver import cut_off

FEEDS = Path(__file__).resolve().parent / "data" / "feeds"
URL = "https://feeds.example.com/feed"


def test_rss_091() -> None:
    feed = parse_feed((FEEDS / "rss091.xml").read_bytes(), url=URL)
    assert feed.title == "Old Town Gazette"
    assert [e.url for e in feed.entries] == [
        "http://gazette.example.com/news/market-square",
        "http://gazette.example.com/news/library-hours",
    ]
    assert all(e.published is None for e in feed.entries)
    assert feed.entries[0].language == "en"  # <language>en-gb</language>, as a code


@pytest.mark.parametrize(
    ("declared", "code"),
    [("Portuguese", "pt"), ("ukrainian", "uk"), ("norwegian", "no"), ("Klingonese", None)],
)
def test_a_feed_language_given_as_an_english_name_is_its_code(
    declared: str, code: str | None
) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<link>https://news.example.com/</link><language>{declared}</language>"
        "<item><title>A</title><link>https://news.example.com/a</link>"
        "<description>B</description></item></channel></rss>"
    )
    parsed = parse_feed(feed.encode(), url=URL)
    assert parsed.entries[0].language == code


def test_rss_10_rdf_dates_become_utc() -> None:
    feed = parse_feed((FEEDS / "rss10.rdf").read_bytes(), url=URL)
    first = feed.entries[0]
    assert first.title == "Harbour authority approves new ferry terminal"
    assert first.published == datetime(2024, 9, 5, 6, 30, tzinfo=UTC)
    assert first.author == "Ana Lima"


def test_rss_20_prefers_full_content_and_cleans_html() -> None:
    feed = parse_feed((FEEDS / "rss20.xml").read_bytes(), url=URL)
    assert feed.title == "World Desk & Friends"
    assert feed.link == "https://news.example.com/world"
    full, teaser = feed.entries
    assert full.title == "Ministers agree climate package"
    assert full.text == (
        "Ministers from twenty countries agreed a climate package on Thursday.\n\n"
        "The deal sets targets for 2035 & beyond."
    )
    assert "alert" not in full.text
    assert full.guid == "climate-package-2024"
    assert full.author == "Sam Reporter"
    assert full.published == datetime(2024, 9, 5, 12, 0, tzinfo=UTC)
    assert not full.teaser
    assert teaser.teaser
    assert teaser.text == "Officials said counting would resume on Friday."


def test_atom_resolves_relative_links_against_the_document() -> None:
    feed = parse_feed((FEEDS / "atom.xml").read_bytes(), url="https://atom.example.net/feed.atom")
    first, second = feed.entries
    assert first.url == "https://atom.example.net/2024/09/bridge-vote"
    assert first.published == datetime(2024, 9, 5, 22, 30, 2, tzinfo=UTC)
    assert first.author == "Claire Dubois"
    assert first.language == "fr"
    assert second.text == "Thousands queued for hours."
    assert second.published == datetime(2024, 9, 4, 10, 0, tzinfo=UTC)


def test_json_feed_is_mapped_and_items_without_links_skipped() -> None:
    body = (FEEDS / "jsonfeed.json").read_bytes()
    feed = parse_feed(body, url=URL, content_type="application/feed+json")
    assert feed.title == "JSON Times"
    assert feed.skipped == 1
    port, heat = feed.entries
    assert port.text == "The port will double its capacity.\n\nConstruction begins next year."
    assert port.author == "Lee Park"
    assert port.published == datetime(2024, 9, 5, 9, 0, tzinfo=UTC)
    assert not port.teaser
    assert heat.url == "https://json.example.org/2024/09/04/heat"
    assert heat.author == "JSON Times staff"
    assert heat.teaser


def test_json_feed_dates_beyond_the_calendar_in_utc_are_unknown_not_a_failure() -> None:
    # Feeds lie: year 1 at +05:00 is before the year 1 in UTC, and 9999 at -05:00 after 9999.
    items = [
        {"id": str(n), "url": f"https://json.example.org/{n}", "title": f"Item {n}",
         "content_text": "Text.", "date_published": date}
        for n, date in enumerate(
            ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00", "2024-09-05T09:00:00Z"]
        )
    ]  # fmt: skip
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items})
    feed = parse_feed(body.encode(), url=URL, content_type="application/feed+json")
    assert [entry.published for entry in feed.entries] == [
        None,
        None,
        datetime(2024, 9, 5, 9, 0, tzinfo=UTC),
    ]


def test_json_feed_version_1_author_object() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": "Old JSON",
            "author": {"name": "Solo"},
            "items": [{"id": "https://j.example/1", "content_text": "Hello world."}],
        }
    ).encode()
    feed = parse_feed(body, url=URL)
    assert feed.entries[0].author == "Solo"
    assert feed.entries[0].title == "Hello world."


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        ((FEEDS / "malformed.xml").read_bytes(), "malformed feed: .* at line 2"),
        ((FEEDS / "page.html").read_bytes(), "this is an HTML page, not a feed"),
        ((FEEDS / "not_json_feed.json").read_bytes(), "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": ', "malformed JSON Feed"),
        (b"<foo><bar/></foo>", "not a feed"),
        (b"just some words", "not a feed"),
    ],
)
def test_non_feeds_raise_a_clear_parse_error(body: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_feed(body, url=URL)


def test_html_served_as_html_without_doctype_is_refused() -> None:
    with pytest.raises(ParseError, match="HTML page"):
        parse_feed(b"<div>Moved</div>", url=URL, content_type="text/html")


SITE_PAGE = b"""<!DOCTYPE html><html lang="en"><head><title>Example News</title>
<base href="https://news.example.org/en/">
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Example News &raquo; Comments Feed"
  href="comments/feed/">
<link rel="alternate" hreflang="de" href="https://news.example.org/de/">
<link rel="alternate" type="application/rss+xml" title="Example News" href="feed/">
<link rel="alternate" type="application/atom+xml" href="https://news.example.org/atom.xml">
<link rel="alternate" type="application/rss+xml" href="feed/">
<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
<LINK REL="Alternate" TYPE="application/feed+json; charset=utf-8" HREF="//cdn.example.net/feed.json">
</head><body><p>Welcome</p></body></html>"""


def test_a_page_names_its_feeds_the_likeliest_first() -> None:
    # RSS autodiscovery: <link rel="alternate" type=feed> only, resolved against <base>, in
    # page order, once each, comment feeds last, nothing but http(s).
    assert feed_links(SITE_PAGE, url="https://news.example.org/") == [
        "https://news.example.org/en/feed/",
        "https://news.example.org/atom.xml",
        "https://cdn.example.net/feed.json",
        "https://news.example.org/en/comments/feed/",
    ]
    assert feed_links((FEEDS / "page.html").read_bytes(), url=URL) == []
    assert feed_links(b"\xff\xfe<html>", url=URL, charset="no-such-charset") == []


def test_an_html_page_that_names_its_feed_says_where_it_is() -> None:
    with pytest.raises(FeedPage) as raised:
        parse_feed(SITE_PAGE, url="https://news.example.org/", content_type="text/html")
    assert str(raised.value) == (
        "this is an HTML page, not a feed; it names its feed: https://news.example.org/en/feed/"
    )
    assert raised.value.feeds[:2] == (
        "https://news.example.org/en/feed/",
        "https://news.example.org/atom.xml",
    )
    # It crosses the worker processes' boundary whole.
    copy = pickle.loads(pickle.dumps(raised.value))
    assert copy.feeds == raised.value.feeds and copy.message == raised.value.message


def test_empty_feed_is_not_an_error() -> None:
    feed = parse_feed((FEEDS / "empty.xml").read_bytes(), url=URL)
    assert feed.title == "Quiet Feed"
    assert feed.entries == []


@pytest.mark.parametrize(
    ("name", "charset"),
    [("latin1_declared_utf8.xml", "utf-8"), ("latin1_undeclared.xml", None)],
)
def test_wrong_or_missing_charset_still_reads_the_text(name: str, charset: str | None) -> None:
    feed = parse_feed(
        (FEEDS / name).read_bytes(), url=URL, content_type="application/xml", charset=charset
    )
    assert feed.title == "Café Crème"
    assert feed.entries[0].title == "Fête à Noël: déjà complet"


def test_entries_without_link_use_a_url_guid_or_are_skipped() -> None:
    feed = parse_feed((FEEDS / "no_link_no_date.xml").read_bytes(), url=URL)
    assert [e.url for e in feed.entries] == [
        "https://sloppy.example.com/no-date",
        "https://sloppy.example.com/guid-url",
    ]
    assert feed.skipped == 1
    assert all(e.published is None for e in feed.entries)


@pytest.mark.parametrize(
    "link", ["http://[::1/x", "http://example.org:99999/a", "http://example.org:abc/a"]
)
def test_an_item_with_a_broken_link_is_skipped_and_the_others_kept(link: str) -> None:
    """One item's link that is no address (an IPv6 bracket left open, a port out of range)
    failed the whole feed with a ValueError: no item of it was ever saved."""
    rss = (
        "<rss version='2.0'><channel><title>t</title>"
        f"<link>{link}</link>"
        f"<item><title>Broken</title><link>{link}</link><guid>{link}</guid>"
        "<description>Words about the broken one.</description></item>"
        "<item><title>Fine</title><link>https://t.example/ok</link>"
        "<description>Words about the fine one.</description></item>"
        "</channel></rss>"
    ).encode()
    feed = parse_feed(rss, url=URL)
    assert [e.url for e in feed.entries] == ["https://t.example/ok"]
    assert feed.skipped == 1


def test_duplicate_guids_are_kept_once() -> None:
    feed = parse_feed((FEEDS / "duplicate_guids.xml").read_bytes(), url=URL)
    assert [e.guid for e in feed.entries] == ["mayor-1", "mayor-2"]
    assert feed.entries[0].title == "Mayor resigns"


def test_teaser_threshold_counts_words() -> None:
    def rss(words: int) -> bytes:
        text = " ".join(["word"] * words)
        return (
            "<rss version='2.0'><channel><title>t</title><item><title>x</title>"
            f"<link>https://t.example/1</link><description>{text}</description></item>"
            "</channel></rss>"
        ).encode()

    assert parse_feed(rss(TEASER_WORDS - 1), url=URL).entries[0].teaser
    assert not parse_feed(rss(TEASER_WORDS), url=URL).entries[0].teaser


def test_parsed_feed_survives_pickling_for_worker_processes() -> None:
    feed = parse_feed((FEEDS / "rss20.xml").read_bytes(), url=URL)
    assert pickle.loads(pickle.dumps(feed)) == feed


def test_a_feed_cut_off_a_third_of_the_way_through_says_so() -> None:
    feed = parse_feed(cut_off((FEEDS / "local_news.xml").read_bytes(), 1 / 3), url=URL)
    assert feed.error is not None and "no element found at line 13" in feed.error
    # feedparser drops the element it was in: the entry comes out without its text.
    [entry] = feed.entries
    assert (entry.title, entry.text, entry.teaser) == (
        "Council approves new footbridge over the Wend",
        "",
        True,
    )
    assert usable_entry(entry, full_text=False) is None
    assert usable_entry(entry, full_text=True) == entry  # its page may have the text


def test_a_clean_feed_has_no_error_and_sloppy_ones_keep_their_entries() -> None:
    assert parse_feed((FEEDS / "local_news.xml").read_bytes(), url=URL).error is None
    sloppy = (
        b"<rss version='2.0'><channel><title>t</title><item><title>Fares < 2 euros</title>"
        b"<link>https://t.example/1</link><description>Prices fell.</description></item>"
        b"</channel></rss>"
    )
    feed = parse_feed(sloppy, url=URL)
    assert feed.error is not None and feed.error.startswith("not well-formed (invalid token)")
    assert [(e.title, e.text) for e in feed.entries] == [("Fares < 2 euros", "Prices fell.")]


def test_a_bare_ampersand_is_mended_and_no_damage_but_cdata_is_left_as_it_is() -> None:
    body = (
        b"<rss version='2.0'><channel><title>Fish & chips</title><item><title>A&B</title>"
        b"<link>https://t.example/1?a=1&b=2&amp;c=3&#38;d=4</link>"
        b"<description><![CDATA[R&D &amp; more]]></description></item></channel></rss>"
    )
    assert escaped_ampersands(body) == (
        b"<rss version='2.0'><channel><title>Fish &amp; chips</title><item><title>A&amp;B"
        b"</title><link>https://t.example/1?a=1&amp;b=2&amp;c=3&#38;d=4</link>"
        b"<description><![CDATA[R&D &amp; more]]></description></item></channel></rss>"
    )
    feed = parse_feed(body, url=URL)
    assert (feed.error, feed.title) == (None, "Fish & chips")
    [item] = feed.entries
    assert (item.title, item.url) == ("A&B", "https://t.example/1?a=1&b=2&c=3&d=4")
    mended = escaped_ampersands(body)
    assert mended is not None and escaped_ampersands(mended) is None  # nothing left to mend
    assert escaped_ampersands(body.decode().encode("utf-16")) is None


def test_blank_lines_before_the_xml_declaration_are_no_damage() -> None:
    body = b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
    body += b"<item><title>Bridge</title><link>https://t.example/1</link>"
    body += b"<description>Opens Monday, see the map</description></item></channel></rss>"
    for late in (b"\r\n\n  " + body, b"\xef\xbb\xbf\n" + body):
        assert declaration_first(late) == late[: late.startswith(b"\xef\xbb\xbf") * 3] + body
        feed = parse_feed(late, url=URL)
        assert feed.error is None
        assert [e.text for e in feed.entries] == ["Opens Monday, see the map"]
    assert declaration_first(body) is None


def test_comments_and_processing_instructions_before_the_xml_declaration_are_no_damage() -> None:
    body = b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
    body += b"<item><title>Bridge</title><link>https://t.example/1</link>"
    body += b"<description>Opens Monday, see the map</description></item></channel></rss>"
    for before in (
        b"<!-- cache -->",
        b"\n<!-- cached\n at 06:00 --> \n<!---->\n",
        b"<?xml-stylesheet href='a.xsl' type='text/xsl'?>\n",
    ):
        assert declaration_first(before + body) == body
        feed = parse_feed(before + body, url=URL)
        assert feed.error is None
        assert [e.text for e in feed.entries] == ["Opens Monday, see the map"]
    # Anything else before the declaration is still an error.
    for before in (b"<!-- cache --> OK\n", b"<!-- unclosed \n", b"<p/>"):
        assert declaration_first(before + body) is None
    assert parse_feed(b"<!-- cache --> OK\n" + body, url=URL).error is not None


def test_a_well_known_prefix_used_without_its_declaration_is_declared_on_the_root() -> None:
    body = (
        b"<?xml version='1.0'?>\n<!-- <sy:y> -->\n<rss version='2.0'"
        b" xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><title>t</title>"
        b"<itunes:image href='https://t.example/i.jpg'/><item><title>Weir</title>"
        b"<link>https://t.example/1</link><dc:creator>Ann</dc:creator>"
        b"<media:content url='https://t.example/w.jpg' media:medium='image'/>"
        b"<content:encoded><![CDATA[<p>Shut <wfw:x>for repairs</wfw:x></p>]]></content:encoded>"
        b"</item></channel></rss>"
    )
    mended = declared_prefixes(body)
    # In order, each once; dc is declared already; wfw: (in CDATA) and sy: (in a comment) are
    # no names of the document.
    assert mended == body.replace(
        b"<rss",
        b'<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        b' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
        b' xmlns:media="http://search.yahoo.com/mrss/"',
    )
    assert declared_prefixes(mended) is None  # nothing left to mend
    feed = parse_feed(body, url=URL)
    assert feed.error is None
    [item] = feed.entries
    assert (item.text, item.author) == ("Shut for repairs", "Ann")
    assert declared_prefixes(body.decode().encode("utf-16")) is None
    # The root's own prefix is a prefix it uses.
    rdf = b"<rdf:RDF xmlns='http://purl.org/rss/1.0/'><channel><title>t</title></channel>"
    assert declared_prefixes(rdf + b"</rdf:RDF>") == (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        + rdf[8:]
        + b"</rdf:RDF>"
    )


def test_a_prefix_nobody_knows_left_unbound_is_still_damage() -> None:
    body = (
        b"<rss version='2.0'><channel><title>t</title><item><title>Weir</title>"
        b"<link>https://t.example/1</link><acme:score>3</acme:score>"
        b"<description>Shut for repairs.</description></item></channel></rss>"
    )
    assert declared_prefixes(body) is None
    feed = parse_feed(body, url=URL)
    assert feed.error is not None and feed.error.startswith("unbound prefix")
    # Declaring the well-known ones it uses too does not hide it.
    both = body.replace(b"<acme:score>", b"<dc:creator>Ann</dc:creator><acme:score>")
    assert declared_prefixes(both) is not None
    feed = parse_feed(both, url=URL)
    assert feed.error is not None and feed.error.startswith("unbound prefix")


HTML_ENTITIES = (
    "<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0'><channel>"
    "<title>Caf&eacute; &amp; Co</title><link>https://t.example/</link>"
    "<item><title>Mayor&rsquo;s plan</title><link>https://t.example/1</link>"
    "<description>The mayor&nbsp;spoke &mdash; with photos &amp; a map"
    "</description></item></channel></rss>"
)


def test_html_named_entities_are_read_as_meant_and_are_no_damage() -> None:
    feed = parse_feed(HTML_ENTITIES.encode(), url=URL)
    assert feed.error is None
    assert feed.title == "Café & Co"
    [item] = feed.entries
    assert (item.title, item.text) == (
        "Mayor\u2019s plan",
        "The mayor spoke \u2014 with photos & a map",
    )


def test_html_entities_in_a_cut_off_feed_still_show_the_damage() -> None:
    feed = parse_feed(cut_off(HTML_ENTITIES.encode(), 0.8), url=URL)
    # The entities read, the cut is what is left to say.
    assert feed.error is not None and feed.error.startswith("unclosed token")


def test_html_entities_in_utf16_are_mended_as_in_utf8() -> None:
    body = HTML_ENTITIES.replace("utf-8", "utf-16").encode("utf-16")
    assert numeric_entities(body) is None  # not on UTF-16 bytes, but
    feed = parse_feed(body, url=URL)  # the feed is read as UTF-8 first (its byte order mark)
    assert feed.error is None
    assert [(e.title, e.text) for e in feed.entries] == [
        ("Mayor\u2019s plan", "The mayor spoke \u2014 with photos & a map")
    ]


def entry(text: str, title: str = "Footbridge approved", teaser: bool = False) -> ArticleIn:
    return ArticleIn("https://t.example/1", title, text, teaser=teaser)


@pytest.mark.parametrize(
    ("item", "full_text", "kept"),
    [
        (entry("The council voted for it."), False, "as it is"),
        (entry('He said "no."'), False, "as it is"),
        (entry("The council voted for…", teaser=True), False, "as it is"),  # the publisher's
        (entry("The council voted for"), False, None),  # cut off, and no page to fetch
        (entry("The council voted for"), True, "as a teaser"),  # its page is fetched
        (entry(""), False, None),
        (entry("", teaser=True), True, "as it is"),
        (entry("", title=""), True, None),  # neither text nor title
    ],
)
def test_usable_entries_of_a_damaged_feed(
    item: ArticleIn, full_text: bool, kept: str | None
) -> None:
    expected = {None: None, "as it is": item, "as a teaser": replace(item, teaser=True)}[kept]
    assert usable_entry(item, full_text=full_text) == expected


# --- Pictures ----------------------------------------------------------------------------------


def test_each_rss_picture_form_gives_the_item_its_picture() -> None:
    feed = parse_feed(
        (FEEDS / "media_rss.xml").read_bytes(), url="https://pictures.example.com/rss"
    )
    pictures = {e.title: e.image_url for e in feed.entries}
    assert pictures == {
        # The widest media:content image (relative to the feed), not the video, thumbnail
        # or enclosure.
        "Largest image wins": "https://pictures.example.com/img/large.jpg",
        "Thumbnails only": "https://pictures.example.com/thumbs/480.jpg",
        "An image enclosure after a podcast": "https://cdn.pictures.example.com/cover.png",
        "The item's own image": "https://pictures.example.com/img/own.jpg",
        "Neither medium nor type": (
            "https://i.pictures.example.com/img/master/2000.jpg?width=460&quality=85"
        ),
        "An episode's artwork": "https://pictures.example.com/img/artwork.jpg",
        # The private photo is dropped; the next form down gives the picture.
        "A private photo, then a public thumbnail": (
            "https://pictures.example.com/img/public-thumb.jpg"
        ),
        # The channel's <image> is its logo, not a picture of any item.
        "No picture at all": None,
    }


def test_atom_image_enclosure_is_resolved_against_the_document() -> None:
    feed = parse_feed(
        (FEEDS / "atom_enclosure.xml").read_bytes(), url="https://atom-pictures.example.net/feed"
    )
    assert [e.image_url for e in feed.entries] == [
        "https://atom-pictures.example.net/pics/lighthouse.webp",  # the PDF is no picture
        None,  # the feed's <logo> is not an entry's picture
    ]


def test_json_feed_image_then_banner_image() -> None:
    def item(n: int, **fields: str) -> dict[str, str]:
        return {"id": str(n), "url": f"/news/{n}", "content_text": f"Story {n}.", **fields}

    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "JSON Pictures",
            "home_page_url": "https://json.example.org/",
            "items": [
                item(1, image="/img/1.jpg", banner_image="https://json.example.org/banner/1.jpg"),
                item(2, banner_image="https://json.example.org/banner/2.jpg"),
                item(3, image="javascript:alert(1)", banner_image="/banner/3.jpg"),
                item(4),
            ],
        }
    ).encode()
    feed = parse_feed(body, url="https://feeds.example.org/json")
    assert [e.image_url for e in feed.entries] == [
        "https://json.example.org/img/1.jpg",  # relative to the home page, as links are
        "https://json.example.org/banner/2.jpg",
        "https://json.example.org/banner/3.jpg",  # a refused image gives way to the banner
        None,
    ]


def media_feed(picture: str) -> bytes:
    return (
        "<rss version='2.0' xmlns:media='http://search.yahoo.com/mrss/'><channel><title>t</title>"
        "<item><title>x</title><link>https://t.example/1</link><description>Text.</description>"
        f"<media:content url='{escape(picture, quote=True)}' medium='image'/></item>"
        "</channel></rss>"
    ).encode()


REFUSED_PICTURES = [
    "http://127.0.0.1/photo.jpg",
    "http://10.0.0.7/photo.jpg",
    "http://192.168.1.20:8080/photo.jpg",
    "http://[::1]/photo.jpg",
    "http://[fd00::5]/photo.jpg",
    "http://169.254.169.254/latest/meta-data/photo.jpg",
    "http://2130706433/photo.jpg",  # 127.0.0.1 as one number
    "http://0x7f.1/photo.jpg",  # and in hex, shortened
    "http://localhost/photo.jpg",
    "http://printer.local/photo.jpg",
    "http://intranet/photo.jpg",
    "https://user:secret@cdn.example.com/photo.jpg",
    "https://cdn.example.com\\@127.0.0.1/photo.jpg",
    "javascript:alert(document.cookie)",
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
    "ftp://cdn.example.com/photo.jpg",
    "https://cdn.example.com/" + "a" * 2000 + ".jpg",
]


@pytest.mark.parametrize("picture", REFUSED_PICTURES)
def test_pictures_on_private_addresses_with_credentials_or_not_http_are_dropped(
    picture: str,
) -> None:
    [entry] = parse_feed(media_feed(picture), url=URL).entries
    assert entry.image_url is None


@pytest.mark.parametrize(
    "picture", ["http://127.0.0.1/photo.jpg", "http://10.0.0.7/photo.jpg", "/photo.jpg"]
)
def test_a_feed_on_a_private_address_keeps_its_private_pictures(picture: str) -> None:
    # Such a feed was fetched only because private sources are allowed (ALLOW_PRIVATE_SOURCES:
    # the bot's public-only client refuses it otherwise): its pictures are as private as it.
    [entry] = parse_feed(media_feed(picture), url="http://10.0.0.7:8080/feed").entries
    assert entry.image_url == urljoin("http://10.0.0.7:8080/feed", picture)


def test_a_feed_without_pictures_has_none_and_they_survive_pickling() -> None:
    assert all(
        e.image_url is None for e in parse_feed((FEEDS / "rss20.xml").read_bytes(), url=URL).entries
    )
    feed = parse_feed((FEEDS / "media_rss.xml").read_bytes(), url=URL)
    assert pickle.loads(pickle.dumps(feed)) == feed


def test_an_item_linking_the_home_page_with_nothing_else_to_name_it_keeps_that_link() -> None:
    body = (
        b"<rss version='2.0'><channel><title>t</title><link>https://t.example/</link>"
        b"<item><title>Weather today</title><link>https://t.example</link>"
        b"<guid isPermaLink='false'>weather-1</guid><description>Rain.</description></item>"
        b"<item><title>Show notes</title><link>https://t.example/</link>"
        b"<guid>https://t.example/</guid><description>Notes.</description></item>"
        b"<item><title>Elsewhere</title><link>https://other.example/</link>"
        b"<enclosure url='https://t.example/a.mp3' type='audio/mpeg'/>"
        b"<description>Theirs.</description></item></channel></rss>"
    )
    feed = parse_feed(body, url=URL)
    assert [e.url for e in feed.entries] == [
        "https://t.example",
        "https://t.example/",
        "https://other.example/",  # another site's home page is an item's own link
    ]


def test_an_items_date_of_change_is_read_in_every_kind_of_feed() -> None:
    def rss(stamp: str) -> bytes:
        return (
            "<rss version='2.0' xmlns:atom='http://www.w3.org/2005/Atom'"
            " xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:dcterms='http://purl.org/dc/terms/'>"
            "<channel><title>T</title><item><title>A</title><link>https://n.example/a</link>"
            f"<pubDate>Fri, 06 Sep 2024 08:00:00 GMT</pubDate>{stamp}</item></channel></rss>"
        ).encode()

    changed = datetime(2024, 9, 6, 10, 30, tzinfo=UTC)
    for stamp in (
        "<atom:updated>2024-09-06T10:30:00Z</atom:updated>",
        "<dc:modified>2024-09-06T10:30:00Z</dc:modified>",
        "<dcterms:modified>2024-09-06T10:30:00Z</dcterms:modified>",
    ):
        [item] = parse_feed(rss(stamp), url=URL).entries
        assert (item.published, item.updated) == (datetime(2024, 9, 6, 8, tzinfo=UTC), changed)
    [plain] = parse_feed(rss(""), url=URL).entries
    assert plain.updated is None
    [placeholder] = parse_feed(
        rss("<atom:updated>0001-01-01T00:00:00Z</atom:updated>"), url=URL
    ).entries
    assert placeholder.updated is None

    atom = (
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title><entry><title>A</title>"
        "<link href='https://n.example/a'/><id>urn:a</id>"
        "<updated>2024-09-06T10:30:00Z</updated></entry></feed>"
    )
    [entry] = parse_feed(atom.encode(), url=URL).entries
    assert (entry.published, entry.updated) == (changed, changed)

    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T",
        "items": [
            {
                "id": "a",
                "url": "https://n.example/a",
                "content_text": "Text.",
                "date_published": "2024-09-06T08:00:00Z",
                "date_modified": "2024-09-06T10:30:00Z",
            }
        ],
    }
    body = json.dumps(json_feed).encode()
    [item] = parse_feed(body, url=URL, content_type="application/feed+json").entries
    assert (item.published, item.updated) == (datetime(2024, 9, 6, 8, tzinfo=UTC), changed)


def test_a_huge_title_is_cut_at_parse_on_a_word_boundary_in_every_kind_of_feed() -> None:
    huge = "Council " + "approves the footbridge " * 45_000  # about 1 MB
    rss = (
        "<rss version='2.0'><channel><title>T</title><item>"
        f"<title>{huge}</title><link>https://n.example/a</link>"
        "<description>Text.</description></item></channel></rss>"
    )
    atom = (
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title><entry>"
        f"<title>{huge}</title><link href='https://n.example/a'/><id>urn:a</id>"
        "<content type='text'>Text.</content></entry></feed>"
    )
    json_feed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "T",
            "items": [
                {"id": "a", "url": "https://n.example/a", "title": huge, "content_text": "T."}
            ],
        }
    )
    titles = [
        parse_feed(rss.encode(), url=URL).entries[0].title,
        parse_feed(atom.encode(), url=URL).entries[0].title,
        parse_feed(json_feed.encode(), url=URL, content_type="application/feed+json")
        .entries[0]
        .title,
    ]
    for title in titles:
        assert len(title) <= MAX_TITLE_CHARS
        assert title.endswith("footbridge…") or title.endswith("approves…")
        assert title.startswith("Council approves the footbridge approves")
    # A short title stays whole; one with no space to cut at is cut at the limit.
    assert cap_title("Council approves footbridge") == "Council approves footbridge"
    assert cap_title("x" * 1000) == "x" * (MAX_TITLE_CHARS - 1) + "…"
    assert cap_title("word " * 100, 20) == "word word word word…"


def test_an_aggregators_items_name_their_outlets() -> None:
    """RSS <source> (Google News, Yahoo), a merged Atom entry's <source> (a planet, a bundle):
    its title, else its author; the outlet's address gives its host."""
    rss = parse_feed(
        b"<rss version='2.0'><channel><title>Yahoo News</title>"
        b"<item><title>A</title><link>https://news.yahoo.com/a</link><description>a</description>"
        b"<source url='https://www.reuters.com/'>Reuters</source></item>"
        b"<item><title>B</title><link>https://news.yahoo.com/b</link><description>b</description>"
        b"</item></channel></rss>",
        url=URL,
    )
    assert [(a.outlet, a.outlet_host) for a in rss.entries] == [
        ("Reuters", "reuters.com"),
        (None, None),
    ]
    atom = parse_feed(
        b"<feed xmlns='http://www.w3.org/2005/Atom'><title>Planet</title><id>p</id>"
        b"<entry><id>1</id><title>One</title><link href='https://blog.example/1'/>"
        b"<source><id>b</id><title>Ann's &amp; Blog</title>"
        b"<link rel='alternate' href='https://www.blog.example/'/></source></entry>"
        b"<entry><id>2</id><title>Two</title><link href='https://b2.example/2'/>"
        b"<source><author><name>Bob Writes</name></author></source></entry>"
        b"<entry><id>3</id><title>Three</title><link href='https://b3.example/3'/>"
        b"<source><link rel='alternate' href='https://b3.example/'/></source></entry>"
        b"</feed>",
        url=URL,
    )
    assert [(a.outlet, a.outlet_host) for a in atom.entries] == [
        ("Ann's & Blog", "blog.example"),
        ("Bob Writes", None),
        ("b3.example", "b3.example"),
    ]


def test_a_redirector_link_is_decoded_or_never_a_teaser_to_fetch() -> None:
    feed = parse_feed(
        b"<rss version='2.0'><channel><title>Aggregated</title>"
        b"<item><title>A</title><link>https://news.google.com/rss/articles/CBMi1?oc=5</link>"
        b"<description>Short.</description><source url='https://a.example'>A</source></item>"
        b"<item><title>B</title><link>https://www.bing.com/news/apiclick.aspx?tid=1&amp;"
        b"url=https%3a%2f%2fb.example%2fstory</link><description>Short.</description></item>"
        b"</channel></rss>",
        url=URL,
    )
    assert [(a.url, a.teaser) for a in feed.entries] == [
        ("https://news.google.com/rss/articles/CBMi1?oc=5", False),
        ("https://b.example/story", True),  # the article's own page: worth fetching
    ]


def _rss(channel: str, *items: tuple[str, str]) -> bytes:
    """An RSS 2.0 feed; each item (title, source) names an outlet by <source> when given."""
    parts = []
    for n, (title, source) in enumerate(items):
        named = (
            f"<source url='https://www.reuters.com/'>{escape(source)}</source>" if source else ""
        )
        parts.append(
            f"<item><title>{escape(title)}</title><link>https://news.example/{n}</link>"
            f"<description>Text of item {n}.</description>{named}</item>"
        )
    return (
        f"<rss version='2.0'><channel><title>{escape(channel)}</title>{''.join(parts)}"
        "</channel></rss>"
    ).encode()


def test_the_outlets_name_after_a_headline_is_cut_when_it_is_the_feeds() -> None:
    feed = parse_feed(
        _rss(
            "BBC News - World",
            ("Storm hits coast - BBC News", ""),
            ("Iran - US talks", ""),
            ("Vote count begins | BBC News", ""),
            ("Markets fall — BBC News", ""),
            ("Kyiv – Warsaw train restored", ""),
        ),
        url=URL,
    )
    assert [a.title for a in feed.entries] == [
        "Storm hits coast",
        "Iran - US talks",  # not the outlet's name: the headline's own words
        "Vote count begins",
        "Markets fall",
        "Kyiv – Warsaw train restored",
    ]


def test_an_ending_most_of_a_feeds_items_share_is_cut_and_another_kept() -> None:
    feed = parse_feed(
        _rss(
            "Top stories",
            ("Storm hits coast - Meduza", ""),
            ("Vote count begins - Meduza", ""),
            ("Markets fall - Meduza", ""),
            ("Iran - US talks", ""),
        ),
        url=URL,
    )
    assert [a.title for a in feed.entries] == [
        "Storm hits coast",
        "Vote count begins",
        "Markets fall",
        "Iran - US talks",
    ]
    # Two of four share an ending: it may be the headlines' own ("Iran - US talks").
    rare = parse_feed(
        _rss("Top", ("Iran - US talks", ""), ("Iraq - US talks", ""), ("A", ""), ("B", "")),
        url=URL,
    )
    assert [a.title for a in rare.entries] == ["Iran - US talks", "Iraq - US talks", "A", "B"]


def test_an_aggregators_items_keep_their_headlines_and_lose_only_their_outlets() -> None:
    feed = parse_feed(
        _rss(
            "Google News",
            ("Voters head to the polls - Reuters", "Reuters"),
            ("Iran - US talks - Reuters", "Reuters"),
            ("Iran - US talks resume", "Reuters"),
        ),
        url=URL,
    )
    assert [(a.title, a.outlet) for a in feed.entries] == [
        ("Voters head to the polls", "Reuters"),
        ("Iran - US talks", "Reuters"),
        ("Iran - US talks resume", "Reuters"),
    ]


def test_a_json_feeds_items_lose_the_feeds_name_after_their_headlines() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Example Times",
        "items": [
            {"id": "1", "url": "https://news.example/1", "title": "Bridge opens | Example Times"},
            {"id": "2", "url": "https://news.example/2", "title": "Left - Right - Centre"},
        ],
    }
    feed = parse_feed(json.dumps(document).encode(), url=URL, content_type="application/feed+json")
    assert [a.title for a in feed.entries] == ["Bridge opens", "Left - Right - Centre"]
