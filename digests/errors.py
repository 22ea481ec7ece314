"""Errors of the news pipeline, each with a message fit to show a person.

NewsbotError
├── SourceError        a source cannot be added, found or changed
├── FetchError         fetching a URL failed (network, status, size, redirects, timeout)
│   └── NotModified    the server answered 304: nothing new (not a failure)
├── ParseError         the bytes are not a feed/page we can read (malformed, HTML, empty)
├── SeedError          a seed file is not in the seed format
└── OPMLError          an OPML document cannot be read
"""

from __future__ import annotations


class NewsbotError(Exception):
    """Base class: the message is one line a person can act on."""


class SourceError(NewsbotError):
    """A source cannot be added, found or changed."""


class FetchError(NewsbotError):
    """Fetching a URL failed."""


class NotModified(FetchError):
    """The server answered 304 Not Modified."""


class ParseError(NewsbotError):
    """The fetched bytes cannot be read as a feed or a page."""


class SeedError(NewsbotError):
    """A seed file is not in the seed format."""


class OPMLError(NewsbotError):
    """An OPML document cannot be read."""
