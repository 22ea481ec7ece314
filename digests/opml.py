"""Read and write OPML subscription lists, and import one into the sources (bot and CLI alike).

Reading uses expat directly and refuses any DOCTYPE, so no entity is ever declared:
no external entities (XXE) and no entity expansion (billion laughs).

A paused source is exported with the project's own attribute, ``newsbot:paused="true"`` (the
prefix bound to ``NAMESPACE`` on the root), and imported paused; other readers ignore it, and
a file without it (any other reader's) imports every feed active.

A ``type="link"`` outline is OPML's link to a web page, or (its ``url`` ending in ``.opml``)
to a further list, which other readers write for a blogroll or a list of lists: no feed. As
feed readers do, the import skips it and counts it (``OPMLList.links``: shown in the reply,
as entries with only a site's address are); only a page source this project exported (its
outline marked ``newsbot:kind="page"``, or any link in a file whose head's title is
``EXPORT_TITLE``, as exports made before the mark have it) is imported as a page source.
Titles and folder names are read as one line (tabs and line breaks in them are spaces).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.parsers import expat

from sqlite_utils import Database

from digests import charsets, store
from digests.errors import NewsbotError, OPMLError
from digests.message import N_, Message
from digests.models import Source
from digests.store import utcnow
from digests.urls import is_http_url, is_internal_host, without_credentials

MAX_OPML_BYTES = 5_000_000
# The namespace of the project's own outline attributes (only ``paused`` so far).
NAMESPACE = "urn:newsbot:opml"
# The head's title of every export this project writes (render_opml), before and after the
# page mark: a link in such a file is one of its page sources.
EXPORT_TITLE = "newsbot sources"


@dataclass(frozen=True, slots=True)
class OPMLFeed:
    """A feed listed in an OPML file."""

    url: str
    title: str | None
    kind: str = "feed"  # "page" for a page source exported so (read only with include_pages)
    folder: str | None = None  # the outlines around it, "World / Europe"; None at the top
    paused: bool = False  # exported paused (``newsbot:paused``): imported paused


@dataclass(frozen=True, slots=True)
class OPMLList:
    """What an OPML document lists: its usable feeds, and the addresses that are no http(s) URL;
    ``repeated``: the usable addresses listed again, exactly (the same feed in two folders)."""

    feeds: list[OPMLFeed]
    unusable: list[str]
    repeated: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)  # a site's page (htmlUrl) but no feed
    links: list[str] = field(default_factory=list)  # type="link": a page or a further list


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing an OPML list did; ``refused`` holds each invalid address and why,
    ``sites`` the sites listed with no feed address and ``links`` the links to a page or a
    further OPML list (neither added)."""

    added: int
    present: int
    refused: list[tuple[str, Message]]
    sites: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def parse_opml(content: bytes, *, include_pages: bool = False) -> list[OPMLFeed]:
    """Return the feeds (outlines with xmlUrl, at any depth) of an OPML document, in order.

    With ``include_pages``, the page sources ``render_opml`` writes (``type="link"`` outlines
    marked ``newsbot:kind="page"``) are returned too, with kind "page".
    """
    return read_opml(content, include_pages=include_pages).feeds


def check_size(size: int) -> None:
    """Raise OPMLError for a file of ``size`` bytes over ``MAX_OPML_BYTES``: one wording,
    whether its size is known before it is read (Telegram reports a document's size; a
    client may report any) or only after."""
    if size > MAX_OPML_BYTES:
        raise OPMLError(N_("OPML file too large (limit {limit} bytes)"), limit=MAX_OPML_BYTES)


def read_opml(content: bytes, *, include_pages: bool = False) -> OPMLList:
    """Return ``parse_opml``'s feeds and, apart, the listed addresses that are no http(s) URL."""
    check_size(len(content))
    feeds: list[OPMLFeed] = []
    unusable: list[str] = []
    repeated: list[str] = []
    sites: list[str] = []
    links: list[str] = []
    seen: set[str] = set()
    stack: list[str] = []
    # One entry per open outline: a folder's name, or None for an outline that is no folder.
    folders: list[str | None] = []
    state = {"body": False}
    # The head's title, read before the body: this project's exports name themselves so.
    title: list[str] = []
    # The prefixes bound to NAMESPACE (any prefix will do, as XML has it; usually "newsbot").
    ours: set[str] = set()

    def start(name: str, attrs: dict[str, str]) -> None:
        if not stack and name != "opml":
            raise OPMLError(N_("not an OPML document (root element <{name}>)"), name=name)
        stack.append(name)
        if name == "body":
            state["body"] = True
        # Readers differ in case (xmlUrl, xmlurl, xmlURL): none of them is another attribute.
        attrs = {key.lower(): value for key, value in attrs.items()}
        ours.update(k[6:] for k, v in attrs.items() if k.startswith("xmlns:") and v == NAMESPACE)
        if name != "outline":
            return
        kind = "feed"
        url = web_address((attrs.get("xmlurl") or "").strip())
        label = " ".join((attrs.get("title") or attrs.get("text") or "").split()) or None
        folder = " / ".join(f for f in folders if f) or None
        # A folder is an outline with no address of its own (Feedly, Inoreader, Miniflux...).
        address = url or attrs.get("url") or attrs.get("htmlurl")
        folders.append(label if not address else None)
        link = (attrs.get("url") or "").strip() if attrs.get("type", "").lower() == "link" else ""
        if not url and link:
            marked = any(attrs.get(f"{p}:kind", "").strip().lower() == "page" for p in ours)
            if not marked and "".join(title).strip() != EXPORT_TITLE:
                if link not in links:
                    links.append(link)  # another reader's link: a page or a further list
                return
            if include_pages:
                kind, url = "page", link
        if not url and (site := (attrs.get("htmlurl") or "").strip()) and site not in sites:
            sites.append(site)  # a site followed by its page: no feed to add
        if url in seen and is_http_url(url):
            repeated.append(url)
        if not url or url in seen:
            return
        seen.add(url)
        if not is_http_url(url):
            unusable.append(url)
            return
        paused = any(attrs.get(f"{p}:paused", "").strip().lower() in _TRUE for p in ours)
        feeds.append(OPMLFeed(url, label, kind, folder, paused))

    def end(name: str) -> None:
        if stack.pop() == "outline":
            folders.pop()

    def text(data: str) -> None:
        if stack[-2:] == ["head", "title"] and len(stack) == 3:
            title.append(data)

    def refuse(*_: object) -> None:
        raise OPMLError(N_("DOCTYPE and entity declarations are not allowed in OPML"))

    def refuse_external(*_: object) -> int:
        raise OPMLError(N_("external entities are not allowed in OPML"))

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse_external
    try:
        parser.Parse(charsets.xml_for_expat(content), True)
    except (
        expat.ExpatError,
        UnicodeDecodeError,
    ) as error:  # the handlers' own OPMLError passes through
        raise OPMLError(
            N_("not a well-formed OPML document: {detail}"), detail=str(error)
        ) from None
    if not state["body"]:
        raise OPMLError(N_("not an OPML document (no <body>)"))
    return OPMLList(feeds, unusable, repeated, sites, links)


def web_address(url: str) -> str:
    """Return the http(s) address a ``feed:`` URL names (``feed://host/rss`` is
    ``http://host/rss``, ``feed:https://host/rss`` is ``https://host/rss``), as older readers
    and browsers wrote subscriptions; any other URL as it is."""
    if url[:5].lower() != "feed:":
        return url
    rest = url[5:]
    if rest[:7].lower() == "http://" or rest[:8].lower() == "https://":
        return rest
    return f"http:{rest}" if rest.startswith("//") else url


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def private_sources_allowed(environ: Mapping[str, str]) -> bool:
    """Return ALLOW_PRIVATE_SOURCES (false when unset); ValueError names the key when bad."""
    value = environ.get("ALLOW_PRIVATE_SOURCES", "").strip().lower()
    if value not in _TRUE + _FALSE:
        raise ValueError("ALLOW_PRIVATE_SOURCES: must be true or false")
    return value in _TRUE


def import_sources(db: Database, listing: OPMLList, *, public_only: bool = False) -> ImportResult:
    """Add the listed feeds (and pages) not there yet; count the present and the refused.

    A feed listed paused (``OPMLFeed.paused``) is added paused; a source already there keeps
    its own state.

    With ``public_only`` (ALLOW_PRIVATE_SOURCES off) a feed on a host that names no public
    address (loopback, a private network, localhost, a one-label name: ``is_internal_host``,
    judged without DNS: ``not_public``) is refused with the reason, as ``/addsource`` and
    ``newsbot sources add`` refuse it; a name that only resolves to a private address is
    refused when it is fetched.
    """
    return deque(import_steps(db, listing, public_only=public_only), maxlen=1)[0]


# Feeds added between two of ``import_steps``' results: about 30 ms of work on this machine.
IMPORT_STEP = 100


def import_steps(
    db: Database, listing: OPMLList, *, public_only: bool = False, step: int = IMPORT_STEP
) -> Iterator[ImportResult]:
    """``import_sources`` a step at a time, yielding the totals so far after each ``step``
    addresses (at least once), so that the bot's event loop serves others between steps (an
    OPML file of the largest size lists tens of thousands of feeds: seconds of work)."""
    added = present = 0
    refused: list[tuple[str, Message]] = []
    # Checked all at once: one feed written another way (tracking, case) is present too.
    known = store.same_address_keys(db)
    # store.add_source refuses the unusable addresses, with the reason the bot translates.
    todo = [*listing.feeds, *(OPMLFeed(url, None) for url in listing.unusable)]
    refused_urls: set[str] = set()
    # A feed listed twice is present the second time, once the first was added (or present);
    # the first refused, its reason is given once.
    todo += [OPMLFeed(url, None) for url in listing.repeated]
    for start in range(0, max(len(todo), 1), step):
        for feed in todo[start : start + step]:
            if feed.url in refused_urls:
                continue
            key = store.address_key(feed.url)
            if key in known or (key is None and store.find_source(db, feed.url) is not None):
                present += 1
                continue
            if public_only and (reason := not_public(feed.url)) is not None:
                refused.append((without_credentials(feed.url), reason))
                refused_urls.add(feed.url)
                continue
            try:
                source = store.add_source(
                    db, feed.url, kind=feed.kind, title=feed.title, checked=True, folder=feed.folder
                )
            except NewsbotError as error:
                # Shown and logged: an address's user name and password are left out.
                refused.append((without_credentials(feed.url), error.message))
                refused_urls.add(feed.url)
                continue
            if feed.paused:
                store.set_paused(db, source.id, True)
            if key is not None:
                known.add(key)
            added += 1
        yield ImportResult(added, present, list(refused), list(listing.sites), list(listing.links))


def not_public(url: str) -> Message | None:
    """Return why a URL's host is refused when only public sources may be added, or None."""
    try:
        host = urlsplit(url).hostname if is_http_url(url) else None
    except ValueError:
        host = None
    if host is None:
        return None  # no http(s) URL: store.add_source says why
    if host and is_internal_host(host):
        return Message(
            N_("{host} is not a public address (ALLOW_PRIVATE_SOURCES is off)"), {"host": host}
        )
    return None


def render_opml(sources: Sequence[Source], *, title: str = EXPORT_TITLE) -> bytes:
    """Return an OPML 2.0 document listing the feed and page sources (file sources are local);
    a page source has ``newsbot:kind="page"`` and a paused one ``newsbot:paused="true"`` (the
    namespace declared only when one is either)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(utcnow(), usegmt=True)
    body = ET.SubElement(root, "body")
    # A folder is one outline around its sources, named as the import read it (nested
    # folders as "World / Europe"), so that importing the export keeps every folder.
    folders: dict[str, ET.Element] = {}
    for source in sources:
        folder = source.folder if source.kind in ("feed", "page") else None
        if folder and folder not in folders:
            folders[folder] = ET.SubElement(body, "outline", {"text": folder, "title": folder})
        parent = folders[folder] if folder else body
        if source.kind == "feed":
            attrs = {
                "type": "rss",
                "text": source.title,
                "title": source.title,
                "xmlUrl": source.url,
            }
        elif source.kind == "page":
            attrs = {"type": "link", "text": source.title, "url": source.url}
            # Another reader's link is no source (a page or a further list): ours says so.
            attrs["newsbot:kind"] = "page"
        else:
            continue
        if source.paused:
            attrs["newsbot:paused"] = "true"
        if any(key.startswith("newsbot:") for key in attrs):
            # A literal prefixed name: ET.register_namespace would change a global table.
            root.set("xmlns:newsbot", NAMESPACE)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
