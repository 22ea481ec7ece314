"""Parse RSS 0.9x/1.0/2.0, Atom (with feedparser) and JSON Feed into articles.

``parse_feed`` is a pure function of bytes, so it can run in a worker process.

A feed that parses with errors (cut off by a proxy or a crashed generator, or not
well-formed) still gives what feedparser's loose parser recovers; ``ParsedFeed.error``
says what went wrong. Its entries are kept only with usable text (``usable_entry``):
feedparser drops an element cut off mid-way, so the entry it was in comes out with no
text, or with its teaser only.

A feed with a slip of well-formedness that cuts nothing is not damaged: its author meant
the text it holds (``mended``). HTML's named entities (``&nbsp;``, ``&rsquo;``), which XML
does not define unless a DTD does, are written as the numeric references XML knows; a bare
``&`` ("Fish & Chips") as ``&amp;``; blank lines and comments before the XML declaration (a
template's or a plugin's) are dropped; a well-known feed prefix used without its declaration
(``<content:encoded>`` with no ``xmlns:content``) is declared on the root element. The
document is then parsed again; only what is wrong after that counts (a cut-off document
still is).

An item whose link is the feed's own home page (podcasts often give every episode the
show's page) names no item: its recording, or its guid when that is a link, is its link
instead, so that its episodes are not all one article (``_entry``).

An item's text loses what its generator adds to every item at its end (WordPress's "The post
X appeared first on Y.", "Read more »", Reddit's "submitted by"): ``extract.without_feed_furniture``.
A Reddit link post's item links its comments page: the article it shares ("[link]") is its
link instead (``extract.reddit_link``), so that it is that article, and one with the outlet's.

An aggregator's item names its outlet (``item_outlet``): RSS ``<source url=...>`` (Google
News, Yahoo News), a merged Atom entry's ``<source>`` (its title, else its author: planets,
Inoreader and Feedly bundles), Bing's ``<News:Source>``. The article is that outlet's, not
the aggregator's. Its title does not end with the outlet's name, and a text that is only the
headline and the outlet is none (``_syndicated``). A source's own item loses the outlet's name
a site writes after its headline ("Storm hits coast - BBC News", " | ", " – ", " — ") when that
ending is the feed's title (or a part of it) or ends most of the feed's own items; any other
ending is the headline's ("Iran - US talks"): ``_without_outlet_suffixes``. A link through an aggregator's redirector
(``urls.is_redirector``) is the article's own address when it carries it (Bing's ``url=``),
and its page is never fetched for the full text otherwise: it is the aggregator's page.

An HTML page is no feed, but it may name its feeds (``<link rel="alternate"
type="application/rss+xml" href=...>``, RSS autodiscovery): ``feed_links`` reads them and
``parse_feed`` raises ``FeedPage`` with them, so whoever asked for the page can be told, or
can fetch the feed instead (``ingest.find_feed``).
"""

from __future__ import annotations

import calendar
import hashlib
import html.entities
import json
import re
import time
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXParseException

import feedparser

from digests.charsets import feed_as_utf8
from digests.dates import known_date, local_zone, loose_date, period_end
from digests.dedup import ArticleKey, article_keys, ends_cut
from digests.errors import FeedPage, ParseError
from digests.extract import (
    TITLE_FROM_TEXT_CHARS,
    cap_title,
    clean_text,
    html_to_text,
    outlet_names,
    recurring_outlet_suffixes,
    reddit_link,
    without_feed_furniture,
    without_named_outlet,
    without_outlet_suffix,
)
from digests.language import normalise_tag
from digests.message import N_
from digests.models import ArticleIn
from digests.urls import (
    canonical_url,
    encoded_url,
    image_url,
    is_http_url,
    is_redirector,
    names_item,
    outlet_host,
    unwrapped,
)

# An outlet's name an item gives is cut to this many characters.
OUTLET_NAME_CHARS = 100
# A summary-only entry shorter than this is a teaser; the article page has the story.
TEASER_WORDS = 80
# A paragraph this many items' titles share, on half a feed's items or more, is its generator's
# (``_own_texts``): two are an article and its correction as often.
GENERATOR_TITLES = 3
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF|channel)\b")
# HTML's named entities; XML's own five are never undefined. Only in an encoding whose
# ASCII bytes are ASCII characters (not UTF-16 or UTF-32, told by a BOM or a NUL byte).
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_WIDE_STARTS = (b"\xff\xfe", b"\xfe\xff")
# feedparser flags these but still parses the document fine.
_HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and home link, its entries, and how many entries had no usable link.

    ``error`` describes the damage when the document parsed with errors (None when clean).
    ``ttl``: the minutes RSS ``<ttl>`` says the feed may be cached before it is read again.
    ``boilerplate``: the keys (``paragraph_key``) of the generator's paragraphs left out of
    its items (``_own_texts``), for the source to remember across polls.
    """

    title: str
    link: str | None
    entries: list[ArticleIn] = field(default_factory=list)
    skipped: int = 0
    error: str | None = None
    ttl: int | None = None
    boilerplate: frozenset[str] = frozenset()


# The types a page's <link rel="alternate"> gives its feeds (RSS autodiscovery, Atom, JSON
# Feed); "application/xml" and "text/xml" are how some sites write RSS.
_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
        "application/xml",
        "text/xml",
    }
)
# A page names its feeds in <head>; what comes after the first 512 KB is never read.
_DISCOVERY_BYTES = 512 * 1024


class _FeedLinks(HTMLParser):
    """Collect the hrefs of <link rel="alternate"> feed elements, and the page's <base>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[tuple[str, str]] = []  # (href, title)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "").strip() for name, value in attrs}
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        elif tag == "link" and values.get("href"):
            rels = values.get("rel", "").lower().split()
            kind = values.get("type", "").lower().split(";")[0].strip()
            if "alternate" in rels and kind in _FEED_TYPES:
                self.links.append((values["href"], values.get("title", "")))


def feed_links(content: bytes, *, url: str, charset: str | None = None) -> list[str]:
    """Return the feeds an HTML page names (``<link rel="alternate" type=...>``), as absolute
    http(s) URLs in page order, comment feeds last; [] when it names none."""
    try:
        text = content[:_DISCOVERY_BYTES].decode(charset or "utf-8", errors="replace")
    except LookupError:  # an unknown charset name
        text = content[:_DISCOVERY_BYTES].decode("utf-8", errors="replace")
    parser = _FeedLinks()
    parser.feed(text)
    parser.close()
    base = urljoin(url, parser.base) if parser.base else url
    found: list[tuple[bool, str]] = []
    for href, title in parser.links:
        link = urljoin(base, href)
        if is_http_url(link) and link not in (f for _, f in found):
            comments = "comment" in title.lower() or "comment" in href.lower()
            found.append((comments, link))
    return [link for _, link in sorted(found, key=lambda pair: pair[0])]


def parse_feed(
    content: bytes,
    *,
    url: str,
    content_type: str | None = None,
    charset: str | None = None,
    boilerplate: Collection[str] = (),
) -> ParsedFeed:
    """Parse a feed body; raise ParseError when it is not a feed (empty feeds are fine).

    ``boilerplate``: the keys of paragraphs earlier polls found to be the generator's
    (``ParsedFeed.boilerplate``), left out of the items whatever how many share them now."""
    if not content.strip():
        raise ParseError(N_("the response is empty: no feed at all"))
    content, charset = feed_as_utf8(content, charset)
    kind = (content_type or "").lower()
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if kind in ("application/feed+json", "application/json") or head.startswith(b"{"):
        return _parse_json_feed(content, url=url, charset=charset, boilerplate=boilerplate)
    if _HTML_START.match(head) or (
        kind in ("text/html", "application/xhtml+xml") and not _FEED_ROOT.search(content[:4096])
    ):
        if feeds := feed_links(content, url=url, charset=charset):
            raise FeedPage(
                N_("this is an HTML page, not a feed; it names its feed: {url}"),
                url=feeds[0],
                feeds=tuple(feeds),
            )
        raise ParseError(N_("this is an HTML page, not a feed"))
    # No content-location: resolving every URI costs a fifth of the parse; links are
    # joined to the document URL below instead.
    headers = {}
    if content_type:
        headers["content-type"] = content_type + (f"; charset={charset}" if charset else "")

    # Sanitising and resolving relative URIs only matter for showing feed HTML; the text
    # is extracted from it below, which drops scripts and styles anyway.
    def parse(document: bytes) -> Any:
        return feedparser.parse(
            document, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
        )

    if _DOCTYPE.search(content[:_DOCTYPE_BYTES]):
        # A DOCTYPE naming an external DTD (RSS 0.91's Netscape one) makes the strict parser
        # skip an entity it does not know without a word: HTML's ("&eacute;") were lost.
        content = numeric_entities(content) or content
    result = parse(content)
    for _ in range(_MENDS):
        repaired = mended(content, result.get("bozo_exception"))
        if repaired is None:
            break
        content = repaired
        result = parse(content)
    entries = result.get("entries") or []
    if not result.get("version") and not entries:
        raise ParseError(N_("not a feed: no RSS, Atom or RDF document found"))
    meta = result.get("feed") or {}
    link = meta.get("link") or None
    base = url
    # Declared only, normalised; the processing pass checks it against the text.
    language = normalise_tag(meta.get("language"))
    home = frozenset(_page(address) for address in (url, _absolute(link, base)) if address)
    articles, skipped, generator = _items(
        [_entry(entry, base=base, language=language, home=home) for entry in entries],
        feed=(url, link),
        known=boilerplate,
    )
    error = result.get("bozo_exception")
    damaged = bool(result.get("bozo")) and not isinstance(error, _HARMLESS_BOZO)
    if damaged and not articles:
        # The loose parser recovers what it can; with nothing usable the feed is broken.
        raise ParseError(N_("malformed feed: {detail}"), detail=_describe(error))
    title = clean_text(html_to_text(meta.get("title") or "")) or url
    return ParsedFeed(
        title=title,
        link=link,
        entries=_without_outlet_suffixes(articles, title),
        skipped=skipped,
        error=_describe(error) if damaged else None,
        ttl=_ttl(meta.get("ttl")),
        boilerplate=generator,
    )


_DOCTYPE = re.compile(rb"<!DOCTYPE\s", re.I)
_DOCTYPE_BYTES = 2048

# At most this many slips are mended in one document, one kind after another.
_MENDS = 4


def mended(content: bytes, error: object) -> bytes | None:
    """Return the document with the slip its strict parse stopped at mended, or None when
    that error is no slip this mends (or there is nothing to mend).

    A slip cuts nothing: an undefined entity (HTML's, ``numeric_entities``), a bare ``&``
    (``escaped_ampersands``), blank lines or comments before the XML declaration
    (``declaration_first``), a well-known feed namespace's prefix used without its
    declaration (``declared_prefixes``). Only in an encoding whose ASCII bytes are ASCII
    characters (not UTF-16 or UTF-32).
    """
    if not isinstance(error, SAXParseException) or _wide(content):
        return None
    message = error.getMessage()
    if message == "undefined entity":
        return numeric_entities(content)
    if message == "not well-formed (invalid token)":
        return escaped_ampersands(content) or without_controls(content)
    if message == "XML or text declaration not at start of entity":
        return declaration_first(content)
    if message == "unbound prefix":
        return declared_prefixes(content)
    return None


# C0 control characters XML 1.0 allows nowhere (tab, line feed and carriage return aside).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def without_controls(content: bytes) -> bytes | None:
    """Return a document with each control character XML forbids as a space (a CMS lets a
    vertical tab or a form feed pasted from a word processor through), or None when it has
    none (or is not in an ASCII-compatible encoding). The loose parser dropped it, joining
    the words either side, and the feed counted as damaged."""
    if _wide(content):
        return None
    replaced, count = _CONTROL.subn(b" ", content)
    return replaced if count else None


def _wide(content: bytes) -> bool:
    return content.startswith(_WIDE_STARTS) or b"\x00" in content[:4]


# A bare ampersand: one that starts no character or entity reference. CDATA sections are
# matched first and kept as they are (an "&" is text there).
_BARE_AMPERSAND = re.compile(
    rb"(<!\[CDATA\[.*?\]\]>)|&(?!#[0-9]+;|#[xX][0-9A-Fa-f]+;|[A-Za-z_:][\w.:-]*;)", re.S
)


def escaped_ampersands(content: bytes) -> bytes | None:
    """Return a document with each bare ``&`` written ``&amp;`` ("Fish & Chips", a link's
    ``?a=1&b=2``), or None when it has none (or is not in an ASCII-compatible encoding)."""
    if _wide(content):
        return None
    changed = False

    def escape(found: re.Match[bytes]) -> bytes:
        nonlocal changed
        if found.group(1) is not None:
            return found.group(1)
        changed = True
        return b"&amp;"

    replaced = _BARE_AMPERSAND.sub(escape, content)
    return replaced if changed else None


# What may come before an XML declaration that is not at the start: a byte order mark, then
# white space (a blank line a template or a plugin printed first), comments and processing
# instructions (``<!-- cached -->``, ``<?xml-stylesheet ...?>``).
_LATE_DECLARATION = re.compile(
    rb"(\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?(?!xml\s).*?\?>)+(?=<\?xml\s)", re.S
)


def declaration_first(content: bytes) -> bytes | None:
    """Return a document with the white space, comments and processing instructions before
    its XML declaration dropped, or None when its declaration does not come after these
    only."""
    if _wide(content):
        return None
    late = _LATE_DECLARATION.match(content)
    if late is None:
        return None
    return (late.group(1) or b"") + content[late.end() :]


# The namespaces feeds use most, by the prefix everyone writes them with: a generator that
# writes <content:encoded> or <itunes:duration> sometimes forgets to declare it.
WELL_KNOWN_PREFIXES = {
    "admin": "http://webns.net/mvcb/",
    "atom": "http://www.w3.org/2005/Atom",
    "cc": "http://web.resource.org/cc/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "creativeCommons": "http://backend.userland.com/creativeCommonsRssModule",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "feedburner": "http://rssnamespace.org/feedburner/ext/1.0",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "georss": "http://www.georss.org/georss",
    "googleplay": "http://www.google.com/schemas/play-podcasts/1.0",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "media": "http://search.yahoo.com/mrss/",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "psc": "http://podlove.org/simple-chapters",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "slash": "http://purl.org/rss/1.0/modules/slash/",
    "sy": "http://purl.org/rss/1.0/modules/syndication/",
    "thr": "http://purl.org/syndication/thread/1.0",
    "trackback": "http://madskills.com/public/xml/rss/module/trackback/",
    "wfw": "http://wellformedweb.org/commentAPI/",
}
# Markup whose text is not the document's own names: CDATA sections and comments.
_QUOTED_MARKUP = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.S)
# A prefixed name, of an element (<itunes:image, </content:encoded) or of an attribute
# inside a tag (itunes:order="1").
_PREFIXED_NAME = re.compile(rb"(?:</?|\s)([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*(?=[\s/>=])")
# The document's root element: the first tag after the prolog (declaration, processing
# instructions, comments, a doctype with or without its internal subset).
_ROOT_TAG = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)*"
    rb"<([A-Za-z_][\w.:-]*)",
    re.S,
)
_ROOT_DECLARED = re.compile(rb"\sxmlns:([A-Za-z_][\w.-]*)\s*=")


def declared_prefixes(content: bytes) -> bytes | None:
    """Return a document whose root element declares each well-known feed prefix
    (``WELL_KNOWN_PREFIXES``) it uses but does not declare there, or None when there is no
    such prefix. Another prefix left unbound is left as it is, damage."""
    if _wide(content):
        return None
    root = _ROOT_TAG.match(content)
    if root is None:
        return None
    body = content[root.start(1) - 1 :]
    root_tag = body[: body.find(b">") + 1] or body
    declared = {name.decode("ascii") for name in _ROOT_DECLARED.findall(root_tag)}
    used = {name.decode("ascii") for name in _PREFIXED_NAME.findall(_QUOTED_MARKUP.sub(b"", body))}
    missing = sorted(name for name in used - declared if name in WELL_KNOWN_PREFIXES)
    if not missing:
        return None
    declarations = b"".join(
        f' xmlns:{name}="{WELL_KNOWN_PREFIXES[name]}"'.encode("ascii") for name in missing
    )
    return content[: root.end()] + declarations + content[root.end() :]


def numeric_entities(content: bytes) -> bytes | None:
    """Return a document with HTML's named entities as numeric references (``&#8217;``),
    or None when it has none to replace or is not in an ASCII-compatible encoding."""
    if _wide(content):
        return None
    changed = False

    def numeric(found: re.Match[bytes]) -> bytes:
        nonlocal changed
        name = found.group(1).decode("ascii")
        text = html.entities.html5.get(name + ";")
        if text is None or name in ("amp", "lt", "gt", "quot", "apos"):
            return found.group(0)
        changed = True
        return "".join(f"&#{ord(c)};" for c in text).encode("ascii")

    replaced = _NAMED_ENTITY.sub(numeric, content)
    return replaced if changed else None


# A <ttl> longer than this is read as this: hundreds of digits are too long for Python to
# read as a number, or to make seconds of, and failed every poll of the feed.
_TTL_DIGITS = 9


def _ttl(value: object) -> int | None:
    """Return RSS <ttl> as whole minutes, None when absent, zero or not a number."""
    text = value.strip().lstrip("0") if isinstance(value, str) else ""
    if not (text.isascii() and text.isdigit()):
        return None
    return int(text) if len(text) <= _TTL_DIGITS else int("9" * _TTL_DIGITS)


def usable_entry(article: ArticleIn, *, full_text: bool) -> ArticleIn | None:
    """Return an entry of a feed that parsed with errors as worth saving, or None.

    Usable: text that is not empty and does not stop without closing punctuation (an
    ellipsis is the publisher's teaser, not damage, which cuts text without one). Else,
    when the source fetches full text, an entry with a title is kept as a teaser: its page
    is fetched, and if that fails it is stored as it is (an empty text shows as title and
    link) for an intact copy to replace later (``dedup.is_fuller``). Anything else is left
    out, so that an intact copy polled later comes in new, not as a replacement.
    """
    if article.text.strip() and not ends_cut(article.text):
        return article
    if full_text and article.title.strip():
        return article if article.teaser else replace(article, teaser=True)
    return None


def parse_feed_with_keys(
    content: bytes,
    *,
    url: str,
    content_type: str | None = None,
    charset: str | None = None,
    boilerplate: Collection[str] = (),
) -> tuple[ParsedFeed, list[ArticleKey]]:
    """Parse a feed and compute its entries' dedup keys, in the same (worker) process."""
    parsed = parse_feed(
        content, url=url, content_type=content_type, charset=charset, boilerplate=boilerplate
    )
    return parsed, article_keys(parsed.entries)


# A guid on items with this many different links names no item (all of a feed's, say).
SHARED_GUID_LINKS = 3


def _item_guids(
    candidates: list[ArticleIn | None], *, feed: tuple[str | None, ...]
) -> list[ArticleIn | None]:
    """Return the entries, each guid that names no one item dropped, so the entry is known by
    its link: a guid that is the feed's own address or home page, or one the feed gives to
    items with ``SHARED_GUID_LINKS`` different links or more. Some generators write one guid
    on every item; kept, it made every item after the first a copy of the first, and every
    later item a copy of a stored one."""
    links: dict[str, set[str]] = {}
    for article in candidates:
        if article is not None and article.guid:
            links.setdefault(article.guid, set()).add(article.url)
    own = {address.rstrip("/") for address in feed if address}
    shared = {
        guid
        for guid, urls in links.items()
        if len(urls) >= SHARED_GUID_LINKS or guid.rstrip("/") in own
    }
    if not shared:
        return candidates
    return [
        replace(article, guid=None) if article is not None and article.guid in shared else article
        for article in candidates
    ]


def _items(
    candidates: list[ArticleIn | None],
    *,
    feed: tuple[str | None, ...],
    known: Collection[str] = (),
) -> tuple[list[ArticleIn], int, frozenset[str]]:
    """Return a feed's articles (``_item_guids``, ``_own_texts``, ``_unique``), how many
    of its entries were left out, and the keys of the generator's paragraphs left out."""
    own, generator = _own_texts(_item_guids(candidates, feed=feed), known)
    articles, skipped = _unique(own)
    return articles, skipped, generator


def paragraph_key(paragraph: str) -> str:
    """Return the short fingerprint a source remembers a generator's paragraph by."""
    return hashlib.sha1(paragraph.encode()).hexdigest()[:16]


def _own_texts(
    candidates: list[ArticleIn | None], known: Collection[str] = ()
) -> tuple[list[ArticleIn | None], frozenset[str]]:
    """Return the entries, each without the paragraphs its feed writes on half its items or
    more, under ``GENERATOR_TITLES`` (3) titles or more: its generator's line on every item
    ("Click here to read the full story on our website"), the whole description of each.
    Kept, it was each story's summary, and unrelated headlines sharing it were copies of
    one story (``stories.COPY_THRESHOLD``). A wire's versions of one report ("UPDATE
    2-...") share their paragraphs in a few items of a feed, not half; two items are half of
    a feed of four, and the two that share a text there are one article and its correction
    (or its re-post under a new title): their text, left out, was lost. An aggregator's
    items (an outlet named) are other outlets' texts, and copies of one report are its
    evidence of a story.

    A paragraph whose key is ``known`` (found so by an earlier poll of the source) is left
    out however few items give it: a later poll of two items, its line no longer on three
    titles, kept it, and as a "fuller" copy it replaced the text the first poll had emptied.
    Returns the entries and the keys of the paragraphs left out."""
    own = [a for a in candidates if a is not None and a.outlet is None]
    titles: dict[str, set[str]] = {}
    items: Counter[str] = Counter()
    for article in own:
        for paragraph in set(_paragraphs(article)):
            titles.setdefault(paragraph, set()).add(article.title)
            items[paragraph] += 1
    shared = {
        p
        for p, named in titles.items()
        if (len(named) >= GENERATOR_TITLES and 2 * items[p] >= len(own) and re.search(r"\w", p))
        or (known and paragraph_key(p) in known)
    }
    if not shared:
        return candidates, frozenset()
    return [_without(article, shared) for article in candidates], frozenset(
        paragraph_key(p) for p in shared
    )


def _without(article: ArticleIn | None, shared: set[str]) -> ArticleIn | None:
    """Return an entry of the source's own without the paragraphs in ``shared``."""
    if article is None or article.outlet is not None:
        return article
    paragraphs = _paragraphs(article)
    if not any(p in shared for p in paragraphs):
        return article
    return replace(article, text="\n\n".join(p for p in paragraphs if p not in shared))


def _paragraphs(article: ArticleIn) -> list[str]:
    return [p.strip() for p in article.text.split("\n\n")]


def _unique(candidates: Iterable[ArticleIn | None]) -> tuple[list[ArticleIn], int]:
    """Return the articles, the first of each guid (or link) only, and how many were None."""
    articles: list[ArticleIn] = []
    seen: set[str] = set()
    skipped = 0
    for article in candidates:
        if article is None:
            skipped += 1
            continue
        key = article.guid or article.url
        if key not in seen:
            seen.add(key)
            articles.append(article)
    return articles, skipped


def _describe(error: object) -> str:
    if isinstance(error, SAXParseException):
        where = f"line {error.getLineNumber()}, column {error.getColumnNumber()}"
        return f"{error.getMessage()} at {where}"
    text = " ".join(str(error).split()) if error else ""
    return text or "not a well-formed XML document"


def _entry(
    entry: Any, *, base: str, language: str | None, home: frozenset[str] = frozenset()
) -> ArticleIn | None:
    # dict.get skips FeedParserDict's alias lookups, which none of these keys has; the
    # "updated_parsed" alias (published_parsed) is only asked for when that one is empty.
    get = dict.get
    guid = (get(entry, "id") or "").strip() or None
    link = _absolute(get(entry, "link"), base) or _guid_link(guid)
    # A podcast episode may have no page: its recording is its link, and has no text to fetch.
    recording = None if link else _enclosure(entry, base)
    if link and _page(link) in home:
        # The feed's own home page names no item (a podcast's every episode links the show's
        # page): its recording, else its guid if a link to another page, names it instead.
        recording = _enclosure(entry, base)
        own = _guid_link(guid)
        link = recording or (own if own and _page(own) not in home else None) or link
    link = link or recording
    if link is None:
        return None
    link = unwrapped(link)
    contents = [get(c, "value") or "" for c in get(entry, "content") or []]
    full = max(contents, key=len, default="")
    summary = get(entry, "summary") or ""
    markup = full if len(full) >= len(summary) else summary
    # A Reddit link post's link is its comments page: the article it shares is the item, and
    # its text only Reddit's line (the article's page gives it).
    shared = _absolute(reddit_link(markup), base)
    if shared is not None and canonical_url(shared) == canonical_url(link):
        shared = None  # a text post: its "[link]" is its own comments page
    link = shared or link
    text = without_feed_furniture(html_to_text(markup))
    title = html_to_text(get(entry, "title") or "")
    outlet, host = item_outlet(entry)
    if shared is not None and outlet is None:
        # The article a link post shares is its outlet's, named by its host (reuters.com):
        # stories count and name that outlet, not the subreddit that linked it.
        outlet = host = outlet_host(shared)
    title, text = _syndicated(title, text, outlet)
    return ArticleIn(
        url=link,
        title=cap_title(title) if title else _title_from(text),
        text=text,
        published=_entry_date(entry),
        updated=_entry_updated(entry),
        guid=guid,
        author=clean_text(get(entry, "author") or "") or None,
        language=_entry_language(entry) or language,
        # A post linked to its anchor on a live page: the page is not its full text.
        teaser=shared is not None
        or (
            not full
            and not recording
            and not names_item(link, guid)
            and not is_redirector(link)
            and _fewer_words(text, TEASER_WORDS)
        ),
        image_url=_entry_image(entry, base),
        outlet=outlet,
        outlet_host=host,
    )


def item_outlet(entry: Any) -> tuple[str | None, str | None]:
    """Return the outlet an aggregator's item names, as (name, host), or (None, None) when it
    names none: the item is then its source's own.

    Read from feedparser's ``source`` (RSS ``<source url="https://www.reuters.com">Reuters
    </source>``; a merged Atom entry's ``<source>``: its ``<title>``, else its ``<author>``,
    and its ``<link>`` or the author's ``<uri>``), else Bing's ``<News:Source>`` (a name
    only). The host is the outlet's address's (``urls.outlet_host``), None without one; a
    named address without a name names the outlet by its host. JSON Feed has no field for
    it: ``authors`` are the writers, not outlets, so its items are their source's own.
    """
    get = dict.get
    source = get(entry, "source")
    name = address = ""
    if isinstance(source, dict):
        name = _text(get(source, "title")) or _text(get(source, "author"))
        address = _text(get(source, "href")) or _text(get(source, "link"))
    name = name or _text(get(entry, "news_source"))
    host = outlet_host(address) if address and is_http_url(address) else None
    if not name and not host:
        return None, None
    return cap_title(name or host or "", OUTLET_NAME_CHARS), host


def _text(value: object) -> str:
    return clean_text(html_to_text(value)) if isinstance(value, str) else ""


def _syndicated(title: str, text: str, outlet: str | None) -> tuple[str, str]:
    """Return an item's title and text without its outlet's name, when an aggregator names
    the outlet (``item_outlet``).

    Google News writes the outlet after the headline ("Voters head to the polls - The Daily
    Planet") and gives as text only the headline and the outlet again: the title loses the
    ending " - <outlet>", and a text that is the headline and the outlet is none.
    """
    if not outlet:
        return title, text
    headline = without_named_outlet(title, outlet)
    return headline, "" if text.casefold() == f"{headline} {outlet}".casefold() else text


def _without_outlet_suffixes(articles: list[ArticleIn], feed_title: str) -> list[ArticleIn]:
    """Return the items with the outlet's name cut off the end of their titles ("Storm hits
    coast - BBC News"): an ending that is the feed's title or a part of it, or that most of
    the feed's own items share (``extract.without_outlet_suffix``). An aggregator's item is
    left to ``_syndicated``: its ending names its outlet. Titles stored before this rule are
    cut by the same functions in migration 044 (``store.retitle``)."""
    own = [a.title for a in articles if a.outlet is None]
    names = outlet_names(feed_title) | recurring_outlet_suffixes(own)
    cut = []
    for article in articles:
        title = article.title if article.outlet else without_outlet_suffix(article.title, names)
        cut.append(article if title == article.title else replace(article, title=title))
    return cut


def _enclosure(entry: Any, base: str) -> str | None:
    """Return the first enclosure's absolute http(s) URL that is no picture, if any."""
    get = dict.get
    for link in get(entry, "links") or ():
        kind = get(link, "type") or ""
        if get(link, "rel") == "enclosure" and not kind.startswith("image/"):
            found = _absolute(get(link, "href"), base)
            if found:
                return found
    return None


def _entry_date(entry: Any) -> datetime | None:
    """Return an entry's date (published, else updated, else created): as feedparser read it,
    unless ``dates.loose_date`` reads it and feedparser could not, or misread its zone
    (``dates.local_zone``); a placeholder for no date (``dates.known_date``) passed over; else None."""
    get = dict.get
    for key in ("published", "updated", "created"):
        # A placeholder ("0001-01-01", Unix time 0) is no date: the next one may be.
        if found := _read_date(get(entry, f"{key}_parsed"), get(entry, key)):
            return found
    return None


def _read_date(parsed: Any, text: object) -> datetime | None:
    """Return the moment one of an entry's dates stands for: as feedparser read it
    (``parsed``), unless the written ``text`` names no day (``dates.period_end``), or
    ``dates.loose_date`` reads it and feedparser could not, or misread its zone; None
    for a placeholder (``dates.known_date``) or a date not read."""
    if coarse := period_end(text):
        found: datetime | None = coarse
    elif parsed is not None and not local_zone(text):
        found = _struct_time(parsed)
    else:
        found = loose_date(text) or _struct_time(parsed)
    return known_date(found)


def _entry_updated(entry: Any) -> datetime | None:
    """Return when an entry was last changed: Atom's ``<updated>`` (``atom:updated`` and
    ``dcterms:modified`` in RSS, which feedparser reads as it), else ``dc:modified``; None
    when it names no such date (a placeholder counts as none)."""
    get = dict.get
    found = _read_date(get(entry, "updated_parsed"), get(entry, "updated"))
    modified = get(entry, "dc_modified")  # feedparser keeps it as written (W3C-DTF mostly)
    return found or _iso(modified) or known_date(loose_date(modified))


def _entry_image(entry: Any, base: str) -> str | None:
    """Return an RSS/Atom entry's picture, the first kept of, in order: the largest
    media:content that is an image, the largest media:thumbnail, an image enclosure (RSS
    ``enclosure``, Atom ``link rel="enclosure"``), the item's own ``<image>`` or
    ``itunes:image``. The channel's ``<image>`` (its logo) is the feed's, never an entry's.
    """
    get = dict.get
    media = get(entry, "media_content")
    if media:
        found = _largest((m for m in media if _is_image(m, "medium", "type", "url")), base)
        if found:
            return found
    thumbnails = get(entry, "media_thumbnail")
    if thumbnails:
        found = _largest(thumbnails, base)
        if found:
            return found
    for link in get(entry, "links") or ():
        if get(link, "rel") == "enclosure" and _is_image(link, None, "type", "href"):
            found = image_url(get(link, "href"), base=base)
            if found:
                return found
    # feedparser puts an item's <image><url> in the entry's "href", itunes:image in "image".
    picture = get(entry, "image")
    own = get(entry, "href") or (get(picture, "href") if isinstance(picture, dict) else None)
    return image_url(own, base=base) if own else None


# How an image's URL ends when a feed names neither medium nor type (the Guardian's don't).
_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")


def _is_image(media: Any, medium_key: str | None, type_key: str, url_key: str) -> bool:
    """Return whether a media:content or enclosure is an image, by medium, type or suffix."""
    medium = dict.get(media, medium_key) if medium_key else None
    kind = dict.get(media, type_key)
    if medium or kind:
        return medium == "image" or (isinstance(kind, str) and kind.startswith("image/"))
    url = dict.get(media, url_key)
    return isinstance(url, str) and urlsplit(url).path.lower().endswith(_IMAGE_SUFFIXES)


def _largest(media: Iterable[Any], base: str) -> str | None:
    """Return the URL of the widest of these media (the first of equals) that is kept."""
    ranked = sorted(media, key=_width, reverse=True)  # stable: equals keep their order
    for item in ranked:
        found = image_url(dict.get(item, "url"), base=base)
        if found:
            return found
    return None


def _width(media: Any) -> int:
    width = dict.get(media, "width")
    return int(width) if isinstance(width, str) and width.isdigit() else 0


def _entry_language(entry: Any) -> str | None:
    """Return an Atom entry's own xml:lang (on its content, summary or title), as a code."""
    details = [*(dict.get(entry, "content") or []), dict.get(entry, "summary_detail")]
    details.append(dict.get(entry, "title_detail"))
    for detail in details:
        code = normalise_tag(detail.get("language")) if isinstance(detail, dict) else None
        if code:
            return code
    return None


# A link written without its scheme, host first ("www.example.com/news/1"): joined to the
# feed's URL as a path, it led to a page of the feed's host that does not exist.
_SCHEMELESS_HOST = re.compile(r"www\d{0,3}\.[^/\s]+\.[^/\s]+(?:[/?#]|$)", re.IGNORECASE)


def _absolute(link: object, base: str | None) -> str | None:
    if not isinstance(link, str) or not link.strip() or base is None:
        return None
    link = link.strip()
    if _SCHEMELESS_HOST.match(link):
        link = "//" + link  # the feed's own scheme
    try:
        candidate = urljoin(base, link)
    except ValueError:  # "http://[::1/x": no address
        return None
    return encoded_url(candidate) if is_http_url(candidate) else None


def _page(url: str) -> str:
    """Return a URL as the page it names: its scheme, a "www." prefix, a trailing slash, a
    fragment and tracking parameters aside (``http://www.t.example/`` is ``https://t.example``).
    """
    canonical = canonical_url(url)
    rest = canonical.split("://", 1)[-1]
    return rest.removeprefix("www.").rstrip("/")


def _guid_link(guid: str | None) -> str | None:
    # An opaque guid ("opaque-123") is not a link, even relative to the feed.
    return encoded_url(guid) if guid and is_http_url(guid) else None


def _struct_time(value: time.struct_time | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _fewer_words(text: str, limit: int) -> bool:
    """Return whether text has fewer than limit words, without splitting all of a long text."""
    return len(text.split(None, limit - 1)) < limit


def _title_from(text: str) -> str:
    return cap_title(text.split("\n", 1)[0], TITLE_FROM_TEXT_CHARS)


# --- JSON Feed ---------------------------------------------------------------------------------


def _parse_json_feed(
    content: bytes, *, url: str, charset: str | None, boilerplate: Collection[str] = ()
) -> ParsedFeed:
    try:
        data = json.loads(content.decode(charset or "utf-8", errors="replace"))
    except (json.JSONDecodeError, LookupError) as error:
        raise ParseError(N_("malformed JSON Feed: {detail}"), detail=str(error)) from None
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not version.startswith(_JSON_FEED_VERSION):
        raise ParseError(N_("JSON, but not a JSON Feed (no jsonfeed.org version)"))
    items = data.get("items")
    if not isinstance(items, list):
        raise ParseError(N_("malformed JSON Feed: items is not a list"))
    home = data.get("home_page_url") if isinstance(data.get("home_page_url"), str) else None
    base = home if home and is_http_url(home) else url
    language = normalise_tag(_str(data.get("language")))
    feed_author = _json_author(data)
    articles, skipped, generator = _items(
        [
            _json_item(item, base=base, language=language, author=feed_author, origin=url)
            for item in items
        ],
        feed=(url, home),
        known=boilerplate,
    )
    title = html_to_text(_str(data.get("title"))) or url
    entries = _without_outlet_suffixes(articles, title)
    return ParsedFeed(
        title=title, link=home, entries=entries, skipped=skipped, boilerplate=generator
    )


def _json_item(
    item: object, *, base: str, language: str | None, author: str | None, origin: str
) -> ArticleIn | None:
    if not isinstance(item, dict):
        return None
    guid = str(item["id"]) if item.get("id") is not None else None
    link = (
        _absolute(item.get("url"), base)
        or _absolute(item.get("external_url"), base)
        or _guid_link(guid)
    )
    if link is None:
        return None
    link = unwrapped(link)
    html_body, text_body = _str(item.get("content_html")), _str(item.get("content_text"))
    summary = _str(item.get("summary"))
    full = html_to_text(html_body) if html_body else clean_text(text_body)
    text = without_feed_furniture(full or clean_text(summary))
    # Plain text by the spec, yet WordPress and others write HTML entities and tags in it.
    title = html_to_text(_str(item.get("title")))
    lang = item.get("language")
    return ArticleIn(
        url=link,
        title=cap_title(title) if title else _title_from(text),
        text=text,
        published=_iso(item.get("date_published")) or _iso(item.get("date_modified")),
        updated=_iso(item.get("date_modified")),
        guid=guid,
        author=_json_author(item) or author,
        language=normalise_tag(_str(lang)) or language,
        teaser=not full
        and not names_item(link, guid)
        and not is_redirector(link)
        and _fewer_words(text, TEASER_WORDS),
        image_url=image_url(item.get("image"), base=base, origin=origin)
        or image_url(item.get("banner_image"), base=base, origin=origin),
    )


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _json_author(data: dict[str, Any]) -> str | None:
    authors = data.get("authors")
    if isinstance(authors, list):
        names = [
            clean_text(a["name"])
            for a in authors
            if isinstance(a, dict) and isinstance(a.get("name"), str)
        ]
        if names := [name for name in names if name]:
            return ", ".join(names)
    single = data.get("author")
    if isinstance(single, dict) and isinstance(single.get("name"), str):
        return clean_text(single["name"]) or None
    return None


def _iso(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        # A zone can push a date at the calendar's ends out of it (year 1 at +05:00).
        return known_date(
            moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
        )
    except (ValueError, OverflowError):
        return None
