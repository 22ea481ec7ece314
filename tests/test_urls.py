"""URL canonicalisation, and which picture URLs are kept."""

from __future__ import annotations

import pytest

from digests.urls import (
    MAX_IMAGE_URL,
    canonical_url,
    continues_url,
    encoded_url,
    has_credentials,
    image_url,
    is_http_url,
    is_internal_host,
    is_redirector,
    item_url,
    outlet_host,
    unwrapped,
    without_credentials,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://Example.COM/a?utm_source=x&utm_medium=y#frag", "https://example.com/a"),
        ("https://example.com/a?id=3&fbclid=zz", "https://example.com/a?id=3"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_canonical_url(given: str, expected: str) -> None:
    assert canonical_url(given) == expected


def test_is_http_url() -> None:
    assert is_http_url("https://example.com/x")
    assert not is_http_url("ftp://example.com/x")
    assert not is_http_url("javascript:alert(1)")
    assert not is_http_url("/relative")


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1/feed",  # an IPv6 address not closed: urlsplit raises
        "http://example.org:99999/a",  # no such port
        "http://example.org:abc/a",
        "http://exa mple.org/a",  # a space in the host
    ],
)
def test_is_http_url_refuses_what_is_no_address(url: str) -> None:
    """Such a link in one item of a feed failed the whole feed (ValueError), every poll."""
    assert not is_http_url(url)


@pytest.mark.parametrize(
    ("host", "internal"),
    [
        ("cdn.example.com", False),
        ("93.184.216.34", False),
        ("2606:4700::6810:84e5", False),
        ("127.0.0.1", True),
        ("127.1", True),  # the short form clients read as 127.0.0.1
        ("2130706433", True),
        ("0x7f000001", True),
        ("10.1.2.3", True),
        ("100.64.0.1", True),  # carrier-grade NAT: not the public internet either
        ("::1", True),
        ("::ffff:192.168.0.1", True),
        ("fe80::1", True),
        ("localhost", True),
        ("api.localhost", True),
        ("nas.home.arpa", True),
        ("metadata.google.internal", True),
        ("intranet", True),
        ("999.1.1.1", True),  # all digits yet no address
        ("evil.example%2f127.0.0.1", True),
        ("", True),
    ],
)
def test_is_internal_host_without_dns(host: str, internal: bool) -> None:
    assert is_internal_host(host) is internal


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("https://cdn.example.com/a.jpg", "https://cdn.example.com/a.jpg"),
        ("  /img/a b.jpg\n", "https://news.example.com/img/a%20b.jpg"),
        ("//cdn.example.com/x.png", "https://cdn.example.com/x.png"),
        ("../up.gif", "https://news.example.com/up.gif"),
        (
            "https://cdn.example.com/été.jpg?q=<1>",
            "https://cdn.example.com/%C3%A9t%C3%A9.jpg?q=%3C1%3E",
        ),
        ("https://cdn.example.com/a%20b.jpg", "https://cdn.example.com/a%20b.jpg"),  # not twice
        ("https://cdn.example.com:99999/a.jpg", None),
        ("https://cdn.example.com/a\x00.jpg", None),
        ("https://@cdn.example.com/a.jpg", None),
        ("mailto:photos@example.com", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_image_url_resolves_quotes_and_refuses(candidate: object, expected: str | None) -> None:
    assert image_url(candidate, base="https://news.example.com/world/feed") == expected


def test_image_url_length_limit_counts_the_resolved_url() -> None:
    path = "p" * (MAX_IMAGE_URL - len("https://news.example.com/"))
    assert image_url("/" + path, base="https://news.example.com/feed") is not None
    assert image_url("/" + path + "p", base="https://news.example.com/feed") is None


def test_private_pictures_are_kept_only_from_a_private_document() -> None:
    picture = "http://192.168.1.5/a.jpg"
    assert image_url(picture, base="https://news.example.com/") is None
    assert image_url(picture, base="http://192.168.1.5/feed") == picture
    # A JSON Feed's links resolve against its home page; the feed's own address decides.
    assert image_url(picture, base="https://home.example/", origin="http://nas.local/f") == picture
    assert image_url(picture, base="http://nas.local/", origin="https://feeds.example/f") is None


@pytest.mark.parametrize(
    ("url", "word", "continues"),
    [
        ("http://exa", "mple.com/", True),
        ("http://exa", "mple.com", True),  # a URL that ends at its host: a dotted name is more
        ("http://example.com/news", "feed.xml?x=1", True),
        ("http://example.com/a", "/b", True),
        ("http://example.com/a", "b/c", True),
        ("http://example.com/feed", "Example.com", False),  # a title after a whole link
        ("http://example.com/feed", "heise.de", False),
        ("http://example.com/", "My", False),
        ("http://example.com", "U.S.", False),
        ("http://example.com", "Gazette", False),
    ],
)
def test_continues_url(url: str, word: str, continues: bool) -> None:
    assert continues_url(url, word) is continues


def test_credentials_are_found_and_taken_out() -> None:
    assert has_credentials("http://user:pass@example.com/feed")
    assert has_credentials("https://token@example.com/feed")
    assert not has_credentials("https://example.com/feed?mail=a@b.c")
    assert without_credentials("http://user:p@ss@example.com:8080/f?q=1") == (
        "http://example.com:8080/f?q=1"
    )
    assert without_credentials("https://example.com/a@b") == "https://example.com/a@b"


@pytest.mark.parametrize(
    ("url", "guid", "known_by"),
    [
        ("https://t.example/live#post-2", "post-2", "https://t.example/live#post-2"),
        ("https://t.example/live#post-2", "https://t.example/live#post-2", None),
        ("https://T.example/live?utm_source=x#v1.2", "release-1.2", "https://t.example/live#v1.2"),
        ("https://t.example/story#comments", "https://t.example/story", "https://t.example/story"),
        ("https://t.example/story#xtor=RSS-3208", "id-1", "https://t.example/story"),
        ("https://t.example/story#post-2", None, "https://t.example/story"),
        ("https://t.example/story#post-2", " ", "https://t.example/story"),
        ("https://t.example/story", "id-1", "https://t.example/story"),
    ],
)
def test_a_feed_item_is_known_by_its_anchor_when_that_names_it(
    url: str, guid: str | None, known_by: str | None
) -> None:
    assert item_url(url, guid) == (known_by or url)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        (" https://example.org/a%20b ", "https://example.org/a%20b"),  # encoded: as it is
        (
            "https://example.org/x?q=a b&n=1#top part",
            "https://example.org/x?q=a%20b&n=1#top%20part",
        ),
        (
            'https://example.org/"quoted"<1>|{2}',
            "https://example.org/%22quoted%22%3C1%3E%7C%7B2%7D",
        ),
        ("https://example.org/a\u00a0b", "https://example.org/a%C2%A0b"),  # a no-break space
        ("https://example.org/новости", "https://example.org/новости"),  # an IRI's letters stay
        ("https://exa mple.org/a b", "https://exa mple.org/a%20b"),  # the host is no address
        ("/a b", "/a%20b"),
    ],
)
def test_a_feeds_link_is_encoded_where_no_url_may_hold_a_character(
    link: str, expected: str
) -> None:
    assert encoded_url(link) == expected
    assert canonical_url(encoded_url(link)) == canonical_url(encoded_url(expected))


@pytest.mark.parametrize(
    ("url", "redirector", "article"),
    [
        ("https://news.google.com/rss/articles/CBMiK2h0?oc=5", True, None),
        ("https://news.google.com/articles/CBMiK2h0", True, None),
        ("https://news.google.com/search?q=x", False, None),
        (
            "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1"
            "&url=https%3a%2f%2fwww.example.com%2fa%2f1%3fid%3d2&c=1&mkt=en-us",
            True,
            "https://www.example.com/a/1?id=2",
        ),
        ("https://www.bing.com/news/apiclick.aspx?tid=1&url=javascript:x", True, None),
        ("https://www.bing.com/news/search?q=x", False, None),
        ("https://www.example.com/news/apiclick?url=https://x.example/", False, None),
    ],
)
def test_an_aggregators_redirector_is_known_and_its_address_read(
    url: str, redirector: bool, article: str | None
) -> None:
    assert is_redirector(url) is redirector
    assert unwrapped(url) == (article or url)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.reuters.com", "reuters.com"),
        ("http://feeds.Reuters.com/news/world", "reuters.com"),
        ("https://rss.example.co.uk:8443/x", "example.co.uk"),
        ("https://www.com", "www.com"),  # two labels: nothing is taken off
        ("https://blog.example/", "blog.example"),
        ("not a url", None),
    ],
)
def test_outlet_host(url: str, host: str | None) -> None:
    assert outlet_host(url) == host
