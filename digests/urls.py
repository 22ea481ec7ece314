"""URLs: one article, one URL, whatever tracking was added to it; which picture URLs to keep."""

from __future__ import annotations

import functools
import ipaddress
import re
import socket
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only track the reader; dropping them never changes the page.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "at_medium"})


def canonical_url(url: str, *, fragment: bool = False) -> str:
    """Return the URL without tracking parameters, with a lower-case host, and without its
    fragment unless asked to keep it."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (scheme == "http" and parts.port == 80) or (scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_NAMES
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), parts.fragment if fragment else ""))


# What no URL holds as it is (RFC 3986) and a feed's link sometimes does: spaces above all,
# control characters, and ASCII punctuation outside the URL syntax. Letters beyond ASCII (an
# IRI's) stay: browsers and Telegram take them, and stored links have them so.
_NOT_IN_URL = re.compile(r'[\s\x00-\x1f\x7f"<>\\^`{|}]')
# The scheme and host: encoding a space there would make a host of "exa%20mple".
_ORIGIN = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")


def encoded_url(url: str) -> str:
    """Return a feed's link with what no URL may hold percent-encoded after its host
    ("https://example.org/a b" -> "https://example.org/a%20b"): a link that works, and the
    same article as the link written encoded. Its host is left as it is (one with a space
    is no address: ``is_http_url``)."""
    url = url.strip()
    origin = _ORIGIN.match(url)
    start = origin.end() if origin else 0
    rest = _NOT_IN_URL.sub(lambda found: quote(found.group(), safe=""), url[start:])
    return url[:start] + rest


def item_url(url: str, guid: str | None) -> str:
    """Return the URL a feed item is known by: ``canonical_url``, its fragment kept when the
    fragment names the item (``names_item``)."""
    return canonical_url(url, fragment=names_item(url, guid))


def names_item(url: str, guid: str | None) -> bool:
    """Return whether a feed item's link names it by its fragment: a post of a live blog or
    a changelog, linked to its anchor on one page ("/live#post-2").

    So when the fragment is an anchor (no "=": "#xtor=RSS-3208" is tracking) and the item
    has a guid of its own that is not the page itself (an article linked "/story#comments"
    with the guid "/story" is the page). Without its fragment, every post after the first
    was a copy of the first.
    """
    try:
        anchor = urlsplit(url).fragment
    except ValueError:
        return False
    if not anchor or "=" in anchor or not guid or not guid.strip():
        return False
    return canonical_url(guid.strip(), fragment=True) != canonical_url(url)


# Aggregators' redirectors: a link through one leads to the outlet's article only by way of
# the aggregator (its own page, or a redirect made by script). (host, path prefixes)
_REDIRECTORS = (
    ("news.google.com", ("/rss/articles/", "/articles/")),
    ("bing.com", ("/news/apiclick",)),
)
# Hosts' first labels that name a server of the outlet, not another outlet ("feeds.npr.org").
_SERVER_LABELS = ("www", "feeds", "feed", "rss")


def is_redirector(url: str) -> bool:
    """Return whether a link goes through an aggregator's redirector (Google News's
    ``news.google.com/rss/articles/``, ``news.google.com/articles/``; Bing's
    ``bing.com/news/apiclick``): its page is the aggregator's, not the article."""
    lowered = url.lower()
    if not any(name in lowered for name, _ in _REDIRECTORS):
        return False  # most links: no parse (every feed item passes here)
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").rstrip(".").removeprefix("www.")
    path = parts.path.lower()
    return any(host == name and path.startswith(prefixes) for name, prefixes in _REDIRECTORS)


def unwrapped(url: str) -> str:
    """Return the article's own address a redirector link carries in its ``url=`` parameter
    (Bing's), else the link as it is (Google's encode it: only Google can read them)."""
    if not is_redirector(url):
        return url
    for name, value in parse_qsl(urlsplit(url).query):
        if name.lower() == "url" and is_http_url(value.strip()):
            return value.strip()
    return url


def outlet_host(url: str) -> str | None:
    """Return the host an outlet's address names, as outlets are told apart: lower case,
    without a server's label ("www.", "feeds.", "rss."), so that ``https://www.reuters.com``
    and ``http://feeds.reuters.com/x`` are one; None when it names no host."""
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in _SERVER_LABELS:
        labels.pop(0)
    return ".".join(labels) or None


def is_http_url(url: str) -> bool:
    """Return True for an absolute http(s) URL with a host.

    Not for one that names no address: an IPv6 bracket left open, a port that is no number
    from 0 to 65535, a space in the host (``urlsplit`` and ``.port`` raise ValueError on the
    first two, which failed a whole feed for one item's link).
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port out of range or not a number)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and bool(host) and not any(c.isspace() for c in host)


def has_credentials(url: str) -> bool:
    """Return True for a URL that carries a user name or password ("http://user:pw@host/")."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return "@" in parts.netloc


def without_credentials(url: str) -> str:
    """Return the URL with any user name and password taken out, to show or log it."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


# What a word after a link reads as when the link was typed with a space in it: the rest of
# an address ("http://exa mple.com/", "http://example.com/a b?c=1"), not a title's first word.
_REST_OF_URL = re.compile(r"[/?#&=%.:]\S*|\S*/\S*|\S*\?\S*=\S*|(?:[\w-]+\.)+[a-z][\w-]+")


def continues_url(url: str, word: str) -> bool:
    """Return True when ``word``, typed after ``url`` with a space between, reads as the rest
    of that address broken by the space: it starts with a piece of an address ("/", "?",
    "."...), holds a "/" or a query ("?x=1"), or is a dotted name ("mple.com") after a URL
    that ends at its host."""
    if _REST_OF_URL.fullmatch(word) is None:
        return False
    if word[0] in "/?#&=%.:" or "/" in word or "?" in word:
        return True
    try:
        return urlsplit(url).path == ""
    except ValueError:
        return True


# --- Picture URLs ------------------------------------------------------------------------------
#
# An article's picture is shown by handing its URL to Telegram, which fetches it from its own
# network: the bot never connects to it, so a name that resolves to an internal address
# reaches nothing of ours, and no DNS lookup is made (parsing, where this runs, stays pure).
# What could leak is the URL itself, and a picture on an address of the bot's own network
# means a feed pointing there. So a picture URL is kept only when it is http(s), carries no
# user name or password, fits in MAX_IMAGE_URL characters, and its host names no internal
# address (``is_internal_host``) -- unless the document it came from is itself on an
# internal host: such a document was fetched only because private sources are allowed
# (ALLOW_PRIVATE_SOURCES; the bot's public-only client refuses them otherwise), and its
# pictures are as private as its links. Should the bot ever download a picture itself, it
# must do so with ``fetch.make_client(public_only=...)``, which checks every connection.

MAX_IMAGE_URL = 2000
# Names that never reach a public address: RFC 6761 (localhost), RFC 6762 (mDNS), RFC 8375
# (home.arpa), the TLD reserved for private use in 2024 (internal), and a common default.
_INTERNAL_SUFFIXES = (".localhost", ".local", ".home.arpa", ".internal", ".localdomain")
# An all-numeric host such as 2130706433, 0x7f.1 or 127.1 is an IPv4 address to inet_aton,
# and to many HTTP clients with it.
_NUMERIC_LABEL = re.compile(r"0x[0-9a-f]*|[0-9]+")
_HOST_NAME = re.compile(r"[\w.-]+")
# Control characters, and backslashes, which some clients read as "/" (the host then ends).
_REFUSED_CHARS = re.compile(r"[\x00-\x1f\x7f\\]")
# Characters left as they are when quoting the path and query: the reserved ones and "%".
_URL_SAFE = "/?#[]@!$&'()*+,;=:%~"
# Any character but those and the unreserved ones: the URL needs quoting.
_UNQUOTED = re.compile(r"[^A-Za-z0-9._~/?#\[\]@!$&'()*+,;=:%-]")


def is_internal_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Return True for an address that is not on the public internet (loopback, private, ...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
        or not address.is_global
    )


# A feed's pictures come from a few hosts: each is judged once.
@functools.lru_cache(maxsize=1024)
def is_internal_host(host: str) -> bool:
    """Return True for a URL host that names no public address, judged without DNS.

    Internal: an IP literal outside the public internet (in any of the forms HTTP clients
    read: dotted, decimal, hex, shortened), a name of one label ("intranet"), localhost
    and the private-use domains (``_INTERNAL_SUFFIXES``), and a name with characters no
    host name has (clients disagree on where such a host ends).
    """
    name = host.strip().rstrip(".").lower()
    if ":" in name:  # only an IPv6 literal has one (urlsplit's hostname has no port)
        try:
            return is_internal_address(ipaddress.ip_address(name))
        except ValueError:
            return True
    if not _HOST_NAME.fullmatch(name):
        return True  # a backslash or "%": some clients read the host as ending before it
    labels = name.split(".")
    if all(_NUMERIC_LABEL.fullmatch(label) for label in labels):
        try:
            packed = socket.inet_aton(name)  # dotted, and the decimal, hex, short forms
        except OSError:
            return True  # all digits, yet no address: no public host is named so either
        return is_internal_address(ipaddress.IPv4Address(packed))
    return len(labels) == 1 or name.endswith(_INTERNAL_SUFFIXES)


def image_url(candidate: object, *, base: str, origin: str | None = None) -> str | None:
    """Return a picture's URL resolved against base, if it may be kept; else None.

    The rule is stated above ``MAX_IMAGE_URL``: http(s), no credentials, at most
    MAX_IMAGE_URL characters, and no internal host unless the document it came from
    (``origin``, by default ``base``) is on an internal host too. Spaces and other
    characters that may not stand in a URL are percent-encoded; control characters and
    backslashes refuse it.
    """
    if not isinstance(candidate, str):
        return None
    text = candidate.strip()
    if not text or len(text) > MAX_IMAGE_URL or _REFUSED_CHARS.search(text):
        return None
    # urljoin costs more than the rest together: only a relative URL needs it.
    absolute = text if text.startswith(("https://", "http://")) else urljoin(base, text)
    try:
        parts = urlsplit(absolute)
        host = parts.hostname
        if parts.scheme not in ("http", "https") or not host or "@" in parts.netloc:
            return None  # "@": a user name or password
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    if is_internal_host(host) and not _internal_origin(origin or base):
        return None
    url = absolute
    if _UNQUOTED.search(url):
        path, query, fragment = (quote(p, safe=_URL_SAFE) for p in parts[2:])
        url = urlunsplit((parts.scheme, parts.netloc, path, query, fragment))
    return url if len(url) <= MAX_IMAGE_URL else None


def _internal_origin(url: str) -> bool:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    return host is not None and is_internal_host(host)
