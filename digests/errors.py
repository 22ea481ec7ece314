"""Errors of the news pipeline, each with a message fit to show a person, in any language.

NewsbotError
├── SourceError        a source cannot be added, found or changed
├── FetchError         fetching a URL failed (network, status, size, redirects, timeout)
│   ├── NotModified    the server answered 304: nothing new (not a failure)
│   ├── RateLimited    the server answered 429 or 503 with Retry-After: ask again later
│   ├── HostHeld       nothing sent: the host asked earlier in this run to wait
│   ├── Gone           the server answered 410: the feed is gone for good
│   └── BotChallenge   a bot-protection challenge page answered instead of the document
├── ParseError         the bytes are not a feed/page we can read (malformed, HTML, empty)
│   └── FeedPage       an HTML page that names its feeds (RSS autodiscovery)
├── SeedError          a seed file is not in the seed format
├── OPMLError          an OPML document cannot be read
├── BackupError        a backup cannot be made, or a file cannot be restored
└── DatabaseFileError  the database file cannot be opened (DATABASE_PATH, --db)

Each error is raised with an English template marked for extraction and its values,
``FetchError(N_("timed out after {seconds} s"), seconds=10.0)`` (``digests.message`` says
how): ``str(error)`` is the English line (logs, the CLI, the database), ``error.message``
the ``Message`` the bot translates into the chat's language. Seed, backup and database file errors are only seen at
the command line, so their text is English only.
"""

from __future__ import annotations

from digests.message import Message, Value


class NewsbotError(Exception):
    """Base class: the message is one line a person can act on."""

    def __init__(self, template: str, /, **values: Value) -> None:
        self.message = Message(template, values)
        super().__init__(str(self.message))


class SourceError(NewsbotError):
    """A source cannot be added, found or changed."""


class FetchError(NewsbotError):
    """Fetching a URL failed.

    ``cause``: the library's or the system's own words ("[Errno 111] Connection refused"),
    for logs: ``str(error)`` ends with them in brackets, ``error.message`` leaves them out.
    """

    def __init__(self, template: str, /, *, cause: str | None = None, **values: Value) -> None:
        super().__init__(template, **values)
        self.cause = cause
        if cause:
            self.args = (f"{self.message} ({cause})",)


class NotModified(FetchError):
    """The server answered 304 Not Modified.

    ``fresh_for``: seconds the answer stays fresh by its Cache-Control max-age, if it says.
    ``moved_to``: the address that answered, when every redirect to it was permanent.
    """

    def __init__(
        self,
        template: str,
        /,
        *,
        fresh_for: float | None = None,
        moved_to: str | None = None,
        **values: Value,
    ) -> None:
        super().__init__(template, cause=None, **values)
        self.fresh_for = fresh_for
        self.moved_to = moved_to


class RateLimited(FetchError):
    """The server asked to be left alone for ``retry_after`` seconds (429 or 503)."""

    def __init__(self, template: str, /, *, retry_after: float = 0.0, **values: Value) -> None:
        super().__init__(template, cause=None, **values)
        self.retry_after = retry_after


class Gone(FetchError):
    """The server answered 410 Gone: the address is gone for good, not failing for now."""


class HostHeld(FetchError):
    """Nothing was sent: the host asked to wait, for ``retry_after`` more seconds."""

    def __init__(self, template: str, /, *, retry_after: float = 0.0, **values: Value) -> None:
        super().__init__(template, cause=None, **values)
        self.retry_after = retry_after


class BotChallenge(FetchError):
    """A bot-protection service answered with a challenge page instead of the document."""


class ParseError(NewsbotError):
    """The fetched bytes cannot be read as a feed or a page."""


class FeedPage(ParseError):
    """An HTML page where a feed was expected, naming its feeds: ``feeds``, absolute URLs,
    the likeliest first (``<link rel="alternate">``, RSS autodiscovery)."""

    def __init__(self, template: str, /, *, feeds: tuple[str, ...] = (), **values: Value) -> None:
        super().__init__(template, **values)
        self.feeds = feeds


class SeedError(NewsbotError):
    """A seed file is not in the seed format."""


class OPMLError(NewsbotError):
    """An OPML document cannot be read."""


class BackupError(NewsbotError):
    """A backup cannot be made, or a file cannot be restored (damaged, not newsbot's, in use)."""


class DatabaseFileError(NewsbotError):
    """The database file cannot be opened: its folder cannot be made, or it is no database."""
