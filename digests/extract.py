"""Turn HTML, web pages and seed files into clean article text.

Seed file format (UTF-8 text, one article per ``*.txt`` file)::

    Title: Innovating Responsibly: Telegram CEO Takes Aim at Crime in First Public Statement
    Source: Seed
    URL: https://seed.invalid/000_69be0bb2d80f3255
    Date: 2024-09-06T00:00:00Z

    <body: paragraphs separated by blank lines>

The header is a block of ``Key: value`` lines at the top, ended by the first blank line.
Keys (case-insensitive): ``Title`` (required), ``Source``, ``URL`` (an http(s) URL,
never fetched), ``Date`` (ISO 8601; without a zone it is UTC), ``Author``, ``Language``.
A file whose first line is not ``Title: ...`` has no header: its first non-blank line is the
title, the URL is ``https://seed.invalid/<file stem>`` and the date is the file's mtime.
In the body, boilerplate lines (``BOILERPLATE_LINES``, whole line, any case) and a line
equal to the title are dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from digests.charsets import page_text
from digests.errors import ParseError, SeedError
from digests.language import normalise_tag
from digests.message import N_
from digests.models import ArticleIn
from digests.mojibake import unmangled
from digests.urls import image_url, is_http_url

# Lines scraped along with an article that are page furniture, not text.
BOILERPLATE_LINES = frozenset(
    {
        "ads",
        "ad",
        "advertisement",
        "advertisements",
        "sponsored",
        "sponsored content",
        "trending topics",
        "trending",
        "latest news",
        "related articles",
        "related stories",
        "read more",
        "share this article",
        "share",
        "subscribe",
        "sign up for our newsletter",
    }
)
# What a feed generator adds to every item, which is no part of the article (rules in
# ``without_feed_furniture``). WordPress's Yoast SEO footer, in the interface's languages as
# its translations write it. The site's name is one sentence's end: "The post office appeared
# first on the list. It closed." is an article's.
_SITE = r"(?:(?![.!?]\s).)+"
_FEED_FOOTER = re.compile(
    rf"The post .+ appeared first on {_SITE}"
    rf"|Der Beitrag .+ erschien zuerst auf {_SITE}"
    rf"|L[’']article .+ est apparu en premier sur {_SITE}"
    rf"|La entrada .+ se publicó primero en {_SITE}"
    rf"|Сообщение .+ появились сначала на {_SITE}"
    rf"|Запис .+ спершу з['’]явився на {_SITE}"
    r"|نوشته .+ اولین بار در .+ پدیدار شد\.?"
    # Medium's, under every story:
    r"|.+ was originally published in .+ on Medium, where people are continuing the"
    r" conversation by highlighting and responding to this story\.?"
    # Substack's buttons closing a post:
    r"|Subscribe now|Share|Share this post|Leave a comment|Give a gift subscription",
    re.DOTALL,
)
# Substack's subscription widget, a paragraph of its own wherever the author put it.
_FEED_WIDGET = re.compile(
    r"Thanks for reading .{1,200}! Subscribe for free to receive new posts and support my work\."
    r"|.{1,200} is a reader-supported publication\. To receive new posts and support my work,"
    r" consider becoming a free or paid subscriber\."
)
# A link to the page closing the text, after a sentence or alone: "Read more »",
# "Continue reading →", "[Read more...]". Capitalised, so "they will continue reading."
# stays; "Continue reading <title> →" only with its arrow or ellipsis.
_READ_MORE = re.compile(
    r"(?:^|(?<=[.!?…:;\"'”»)\]])\s+)\[?(?:"
    r"(?:Read more|Read the full (?:story|article)|Continue reading|Keep reading|Weiterlesen"
    r"|Mehr lesen|Lire la suite|Leer más|Seguir leyendo|Читать далее|Подробнее|Читати далі"
    r"|Детальніше|ادامه مطلب)(?:\s*(?:[»›→>…]|\.{3}))*"
    r"|Continue reading\s.{1,200}?\s*(?:[»›→…]|\.{3})+"
    r")\]?\s*$"
)
# How a closing link to the page ends, if anything here does (in its last characters).
_LINK_WORDS = 24
_READ_MORE_END = re.compile(
    r"(?:more|reading|Weiterlesen|lesen|suite|más|leyendo|далее|Подробнее|далі|Детальніше"
    r"|مطلب|[»›→>…\]]|\.{3})\s*$"
)
# Reddit's line under every post: "submitted by /u/name [link] [comments]".
_REDDIT_LINE = re.compile(
    r"(?:^|\s+)submitted by\s+/?u/\S+(?:\s+to\s+/?r/\S+)?\s*\[link\]\s*\[comments\]\s*$"
)
# Its "[link]": what the post shares (a link post's article; a text post's own page).
_REDDIT_TARGET = re.compile(r"<a\s[^>]*?href=\"([^\"]+)\"[^>]*>\s*\[link\]\s*</a>", re.IGNORECASE)
# Where a text, picture, video or cross post's "[link]" leads: Reddit itself.
_REDDIT_HOSTS = ("reddit.com", "redd.it")

SEED_URL_BASE = "https://seed.invalid/"
_SEED_KEYS = frozenset({"title", "source", "url", "date", "author", "language"})

_BLOCK_TAGS = (
    "p|div|hr|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|section|article|header"
    "|footer|aside|figure|figcaption|address|main|nav|form|fieldset|details|summary"
)
_DROP = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|iframe|svg|head)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_BREAK = re.compile(rf"</?(?:{_BLOCK_TAGS})\b[^>]*>", re.IGNORECASE)
_LINE_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
# A tag starts with a letter, "/", "!" or "?": "a < b" in plain text survives.
_TAG = re.compile(r"<[A-Za-z/!?][^>]*>")
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\ufeff\xad]"
)
_PARAGRAPHS = re.compile(r"\n\s*\n+")
# What is left of markup escaped twice once it is unescaped: an element HTML names, an entity.
_ESCAPED_ELEMENT = re.compile(
    rf"<(?:/?(?:{_BLOCK_TAGS}|br|a|b|i|u|s|em|strong|span|font|img|sup|sub|small|big|td|th"
    r"|tbody|thead|center|cite|code|mark|q|time|picture|source|video|audio)(?:\s[^<>]*)?/?"
    r"|(?:script|style|iframe|noscript)\b[^<>]*|!--)>",
    re.IGNORECASE,
)
_ESCAPED_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Where a page declares its language: <html lang> (or xml:lang), else a Content-Language meta.
_HTML_LANG = re.compile(r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)
_META_LANG = re.compile(
    r"<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?"
    r"\scontent\s*=\s*[\"']?([A-Za-z0-9_-]+)",
    re.I,
)


# The longest title stored: what the bot shows at most (bot/render.py trims to as many).
# Headlines run to 70-150 characters; a longer "title" is a generator's slip (the whole text).
MAX_TITLE_CHARS = 300
# A title made from an item's text (it had none) is its first line's first words.
TITLE_FROM_TEXT_CHARS = 120
_ELLIPSIS = "\u2026"


def cap_title(title: str, limit: int = MAX_TITLE_CHARS) -> str:
    """Return a title of at most ``limit`` characters: cut on the last space that leaves
    more than half of it, else at the limit, with an ellipsis (every feed kind, pages)."""
    if len(title) <= limit:
        return title
    head = title[: limit - 1]
    space = head.rfind(" ")
    if not title[limit - 1].isspace() and space > limit // 2:
        head = head[:space]  # the cut fell inside a word
    return head.rstrip(" ,;:-\u2013\u2014") + _ELLIPSIS


# What stands between a headline and the outlet's name a site writes after it: a spaced hyphen,
# en or em dash, or bar ("Storm hits coast - BBC News", "... | The Guardian", "... — Meduza").
_OUTLET_SUFFIX = re.compile(r"\s+[-|\u2013\u2014]\s+((?:(?!\s[-|\u2013\u2014]\s).)+?)\s*$")
# An outlet's name is short; a longer ending is part of the headline.
_OUTLET_WORDS = 6


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _suffix(title: str) -> re.Match[str] | None:
    found = _OUTLET_SUFFIX.search(title)
    if found is None or not re.search(r"\w", title[: found.start()]):
        return None  # nothing would be left of the headline
    return found if len(found.group(1).split()) <= _OUTLET_WORDS else None


def outlet_suffix(title: str) -> str | None:
    """Return the ending a title has after " - ", " | ", " – " or " — ", if it could be an
    outlet's name (at most six words, and a headline is left before it), else None."""
    found = _suffix(title)
    return found.group(1) if found else None


def outlet_names(*names: str | None) -> frozenset[str]:
    """Return the names an outlet goes by, for ``without_outlet_suffix``: each name given (a
    feed's or a page's site name), and each part of one made of parts ("BBC News - World"
    gives "BBC News" and "World"; "World news | The Guardian" gives "The Guardian")."""
    keys: set[str] = set()
    for name in names:
        if not name or not name.strip():
            continue
        keys.add(_name_key(name))
        keys.update(_name_key(part) for part in re.split(r"\s+[-|:\u2013\u2014]\s+", name))
    return frozenset(k for k in keys if k)


def without_outlet_suffix(title: str, names: frozenset[str]) -> str:
    """Return a title without the outlet's name a site writes after it ("Storm hits coast -
    BBC News" -> "Storm hits coast"), when that ending is one of ``names`` (``outlet_names``).
    An ending that is no name given stays: it is part of the headline ("Iran - US talks")."""
    while (found := _suffix(title)) is not None and _name_key(found.group(1)) in names:
        title = title[: found.start()]
    return title


def outlet_suffix_key(title: str) -> str | None:
    """Return a title's ending (``outlet_suffix``) as endings are compared, or None."""
    suffix = outlet_suffix(title)
    return None if suffix is None else _name_key(suffix)


def recurring_outlet_suffixes(titles: list[str], least: int = 3) -> frozenset[str]:
    """Return the endings (``outlet_suffix``) that more than half of titles share, and at
    least ``least`` of them: a feed that ends every headline with its outlet's name."""
    counts = Counter(key for key in map(outlet_suffix_key, titles) if key is not None)
    return recurring_endings(counts, len(titles), least)


def recurring_endings(counts: Mapping[str, int], total: int, least: int = 3) -> frozenset[str]:
    """Return the endings that more than half of ``total`` titles share, at least ``least``
    of them, from each ending's count (``outlet_suffix_key``)."""
    return frozenset(k for k, n in counts.items() if n >= least and 2 * n > total)


def without_named_outlet(title: str, outlet: str) -> str:
    """Return an aggregator's title without the ending " - <outlet>" it names its outlet by
    (Google News: "Voters head to the polls - The Daily Planet"), unless nothing is left."""
    return title.removesuffix(f" - {outlet}") or title


def clean_text(text: str) -> str:
    """Return text in NFC without control characters, one space between words, paragraphs kept;
    what its publisher encoded twice read back first (``mojibake.unmangled``: "MÃ¼ller" is
    "Müller"), while the C1 controls text read as latin-1 holds are there to read."""
    text = unmangled(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    # str.split() collapses every Unicode space and single line breaks inside a paragraph.
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPHS.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def without_feed_furniture(text: str) -> str:
    """Return a feed item's text without what its generator adds to every item.

    At the end of the text, where generators put it: a last paragraph that is WordPress's
    "The post <title> appeared first on <site>." (Yoast SEO, in the interface's languages),
    Medium's "<title> was originally published in <site> on Medium, ...", a Substack button
    ("Subscribe now", "Share"); a "Read more »" or "Continue reading →" link closing it,
    Reddit's "submitted by /u/name [link] [comments]". Anywhere: a paragraph that is
    Substack's subscription widget ("Thanks for reading <site>! Subscribe for free ...").
    Left in, each was the article's sentence in digests, summaries and search. The excerpt's
    own "[…]" stays: it says the text is a teaser. The page's furniture a feed carries with the
    article goes too (``without_page_furniture``).
    """
    paragraphs = [
        p for p in without_page_furniture(text).split("\n\n") if not _FEED_WIDGET.fullmatch(p)
    ]
    while paragraphs:
        last = paragraphs[-1]
        if _FEED_FOOTER.fullmatch(last):
            paragraphs.pop()
            continue
        shorter = last
        # Most paragraphs end otherwise: a look at the end spares the whole one a search.
        if last.endswith("]") and _REDDIT_LINE.search(last):
            shorter = _REDDIT_LINE.sub("", last)
        if _READ_MORE_END.search(shorter[-_LINK_WORDS:]):
            shorter = _READ_MORE.sub("", shorter)
        if shorter == last:
            break
        if shorter:
            paragraphs[-1] = shorter
        else:
            paragraphs.pop()
    return "\n\n".join(paragraphs)


# A news page's furniture between and around its paragraphs, as page extraction and feeds
# that carry the whole page keep it (rules in ``without_page_furniture``).
_CAPTION = re.compile(r"(?:Image|Media|Video|Photo|Picture) (?:caption|source|credit)\b", re.I)
_STAMP = re.compile(
    r"(?:Published|Updated|Last updated|Posted)(?: on| at)?\s+\S.{0,40}", re.IGNORECASE
)
_BYLINE = re.compile(r"By (?:[A-Z][\w.'’-]*\s?){1,4}(?:,\s?[^.!?]{1,60})?")
# A heading over a list of short links closing the page: what follows it is links, not text.
_LINK_LIST_HEADINGS = frozenset(
    {
        "share this with",
        "share this",
        "share this article",
        "share this story",
        "related topics",
        "related stories",
        "related articles",
        "related internet links",
        "more on this story",
        "trending topics",
        "latest news",
    }
)
# A link of such a list: a few words without a sentence's end ("Email", "Trade", "India").
_LINK_WORDS_MAX = 4
# Where a byline or a time stamp stands: among the first paragraphs.
_HEAD_PARAGRAPHS = 3


def _short_link(paragraph: str) -> bool:
    return len(paragraph.split()) <= _LINK_WORDS_MAX and not paragraph.endswith((".", "!", "?"))


def without_page_furniture(text: str) -> str:
    """Return an article's text without the page's furniture kept with it.

    Anywhere: a paragraph that is a boilerplate line (``BOILERPLATE_LINES``, as a seed's) or a
    picture's caption or credit ("Image caption, ...", "Image source, Getty Images"). Among
    the first ``_HEAD_PARAGRAPHS``: a time stamp ("Published 3 hours ago", "Updated 5 May")
    and a byline ("By Jane Smith, Business reporter": no sentence's end). At the end: a
    heading over a list of short links ("Share this with" / "Email" / "Facebook", "Related
    topics" / "Trade"). Left in, each was a sentence of the article in its summary (one
    began "Published 3 hours ago Like some drill sergeant..."), its search and its stories.
    """
    paragraphs = [
        p
        for p in text.split("\n\n")
        if p.casefold() not in BOILERPLATE_LINES and not _CAPTION.match(p)
    ]
    head = 0
    while head < min(_HEAD_PARAGRAPHS, len(paragraphs) - 1):
        p = paragraphs[head]
        if (_STAMP.fullmatch(p) and not p.endswith((".", "!", "?"))) or _BYLINE.fullmatch(p):
            del paragraphs[head]
        else:
            head += 1
    end = len(paragraphs)
    while end > 0 and _short_link(paragraphs[end - 1]):
        end -= 1
        if paragraphs[end].casefold() in _LINK_LIST_HEADINGS:
            del paragraphs[end:]
    return "\n\n".join(paragraphs)


def reddit_link(markup: str) -> str | None:
    """Return the article a Reddit link post shares, from its item's HTML: the "[link]" of
    its "submitted by /u/name [link] [comments]" line, when that leads off Reddit (else the
    post is its own page, and the item's link, its comments page, stays)."""
    if "[comments]" not in markup:
        return None
    found = _REDDIT_TARGET.search(markup)
    if found is None or not _REDDIT_LINE.search(html_to_text(markup)):
        return None
    target = html.unescape(found.group(1)).strip()
    if not is_http_url(target):
        return None
    host = (urlsplit(target).hostname or "").lower()
    if any(host == name or host.endswith("." + name) for name in _REDDIT_HOSTS):
        return None
    return target


def html_to_text(markup: str) -> str:
    """Return the readable text of an HTML fragment, block elements as paragraphs.

    Markup escaped twice (``&amp;lt;p&amp;gt;``, as a CMS that escapes HTML it already
    escaped writes it) is read once more: when, once unescaped, the text still shows an
    element HTML names (``<p>``, ``<br>``, ``<a href=...>``) or an entity (``&nbsp;``).
    A less-than sign in plain text, or ``<less>``, is no element and stays.
    """
    if "<" not in markup and "&" not in markup:
        return clean_text(markup)
    text = _markup_to_text(markup)
    if _ESCAPED_ELEMENT.search(text) or _ESCAPED_ENTITY.search(text):
        text = _markup_to_text(text)
    return clean_text(text)


def _markup_to_text(markup: str) -> str:
    text = _DROP.sub(" ", markup)
    text = _LINE_BREAK.sub("\n", text)
    text = _BREAK.sub("\n\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


# trafilatura drops every character Python does not call printable, the zero-width
# non-joiner and joiner among them; Persian writes one inside many words ("سه‌شنبه",
# "می‌خواهد"), and the words came out misspelt. Each goes through as a letter of a script
# no news page uses (Lisu Supplement), put back afterwards.
_JOINERS = {"\u200c": "\U00011fb0", "\u200d": "\U00011fb1"}
_JOINER_WRITTEN = re.compile(r"\u200c|\u200d|&zwn?j;|&#8204;|&#8205;|&#x200[cd];", re.I)
_JOINER_NAMES = {"&zwnj;": "\u200c", "&zwj;": "\u200d", "&#8204;": "\u200c", "&#8205;": "\u200d"}
_JOINER_NAMES |= {"&#x200c;": "\u200c", "&#x200d;": "\u200d"}


def _hide_joiners(content: bytes | str) -> tuple[bytes | str, bool]:
    """Return a page with its zero-width joiners as stand-ins, and whether it had any.

    Bytes are only changed when they are UTF-8 (as they are wherever Persian is written).
    """
    if isinstance(content, bytes):
        if (
            b"\xe2\x80\x8c" not in content
            and b"\xe2\x80\x8d" not in content
            and b"&" not in content
        ):
            return content, False
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            return content, False
    else:
        text = content
    if any(stand_in in text for stand_in in _JOINERS.values()):
        return content, False

    def stand_in(found: re.Match[str]) -> str:
        written = found.group(0)
        return _JOINERS[_JOINER_NAMES.get(written.lower(), written)]

    hidden, count = _JOINER_WRITTEN.subn(stand_in, text)
    return (hidden, True) if count else (content, False)


def _show_joiners(text: str) -> str:
    for joiner, stand_in in _JOINERS.items():
        text = text.replace(stand_in, joiner)
    return text


def extract_page(content: bytes | str, url: str, charset: str | None = None) -> ArticleIn:
    """Return the main text, title, date, author and picture of a web page; ParseError if it
    has no text.

    ``charset``: the one its HTTP header names; the bytes are read as ``charsets.page_text``
    says (a latin-1 page with no ``<meta>`` came out in a Baltic encoding, by guess).
    """
    import trafilatura  # imported here: heavy, and feed parse workers never need it

    if isinstance(content, bytes):
        content = page_text(content, charset)
    language = page_language(content)
    content, joiners = _hide_joiners(content)
    try:
        doc = trafilatura.bare_extraction(
            content, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError) as error:
        raise ParseError(N_("cannot read the page: {detail}"), detail=str(error)) from None
    text = str(getattr(doc, "text", None) or "") if doc is not None else ""
    title = clean_text(str(getattr(doc, "title", None) or ""))
    author = getattr(doc, "author", None)
    if joiners:
        text, title = _show_joiners(text), _show_joiners(title)
        author = _show_joiners(str(author)) if author else None
    cleaned = without_page_furniture(clean_text(text.replace("\n", "\n\n")))
    paragraphs = [p for p in cleaned.split("\n\n") if p]
    # trafilatura cuts the site's name off a <title>, not off an og:title.
    title = without_outlet_suffix(title, outlet_names(getattr(doc, "sitename", None)))
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # trafilatura repeats the headline as the first line
    if not paragraphs:
        raise ParseError(N_("no article text found on the page {url}"), url=url)
    body = "\n\n".join(paragraphs)
    filtered = getattr(doc, "language", None)  # set by trafilatura only when asked to filter
    return ArticleIn(
        url=url,
        title=cap_title(title or paragraphs[0], TITLE_FROM_TEXT_CHARS),
        text=body,
        published=_parse_date(getattr(doc, "date", None)),
        author=clean_text(str(author)) or None if author else None,
        language=normalise_tag(str(filtered)) if filtered else language,
        # trafilatura reads og:image, then twitter:image and the like; it leaves it relative.
        image_url=image_url(getattr(doc, "image", None), base=url),
    )


def page_language(content: bytes | str) -> str | None:
    """Return the language a page declares (``<html lang>``, Content-Language meta) as a code."""
    head = content[:8192]
    text = head.decode("utf-8", errors="replace") if isinstance(head, bytes) else head
    for pattern in (_HTML_LANG, _META_LANG):
        found = pattern.search(text)
        if found and (code := normalise_tag(found.group(1))):
            return code
    return None


def _parse_date(value: object) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
        # A zone can push a date at the calendar's ends out of it (year 1 at +05:00).
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class Seed:
    """A seed article and the source name its header gives (if any)."""

    article: ArticleIn
    source: str | None


def parse_seed(text: str, path_name: str, *, mtime: datetime | None = None) -> ArticleIn:
    """Return the article of one seed file (see the module docstring for the format)."""
    return read_seed(text, path_name, mtime=mtime).article


def read_seed(text: str, path_name: str, *, mtime: datetime | None = None) -> Seed:
    """Return the article and source name of one seed file."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    header: dict[str, str] = {}
    if lines and lines[0].lower().startswith("title:"):
        while lines and lines[0].strip():
            key, sep, value = lines.pop(0).partition(":")
            key = key.strip().lower()
            if not sep or key not in _SEED_KEYS:
                raise SeedError(f"{path_name}: unknown header line {key!r}")
            header[key] = value.strip()
    body_lines = [line.strip() for line in lines]
    title = header.get("title") or next((line for line in body_lines if line), "")
    if not title:
        raise SeedError(f"{path_name}: no title")
    kept = [
        line
        for line in body_lines
        if line.casefold() not in BOILERPLATE_LINES and line.casefold() != title.casefold()
    ]
    body = clean_text("\n".join(kept))
    if not body:
        raise SeedError(f"{path_name}: no article text")
    url = header.get("url") or SEED_URL_BASE + Path(path_name).stem
    if not is_http_url(url):
        raise SeedError(f"{path_name}: URL must be an http(s) URL, not {url!r}")
    published = mtime
    if "date" in header:
        published = _parse_date(header["date"])
        if published is None:
            raise SeedError(f"{path_name}: Date is not ISO 8601: {header['date']!r}")
    article = ArticleIn(
        url=url,
        title=cap_title(clean_text(title)),
        text=body,
        published=published,
        guid=url,
        author=header.get("author") or None,
        language=normalise_tag(header.get("language")),
    )
    return Seed(article, header.get("source") or None)


def read_seed_dir(path: str | Path) -> list[Seed]:
    """Return the seeds of every ``*.txt`` file in a directory, by file name."""
    seeds = []
    for file in sorted(Path(path).glob("*.txt")):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise SeedError(f"{file.name}: cannot read: {error}") from None
        mtime = datetime.fromtimestamp(file.stat().st_mtime, UTC)
        seeds.append(read_seed(text, file.name, mtime=mtime))
    return seeds


def load_seed_dir(path: str | Path) -> list[ArticleIn]:
    """Return the articles of every ``*.txt`` seed file in a directory, by file name."""
    return [seed.article for seed in read_seed_dir(path)]
