"""Network failures in words a person reads, in any language; the system's own words for logs.

The rules:

- A failed connection is told by what failed, found in the chain of exceptions below
  httpx's (httpcore's, then the socket's or TLS's): the name not found or its lookup failed
  (``socket.gaierror``), the connection refused, no route to the host, the TLS handshake or
  the server's certificate. The templates are English and marked for the catalogs; the
  operating system's text ("[Errno -2] Name or service not known"), English on every
  machine, goes to the error's ``cause``: logs keep it, no chat shows it.
- An HTTP status the bot meets often has its own template, the status line in English as
  the protocol writes it ("HTTP 404 Not Found"), so logs, the CLI and the metrics read what
  they read before while chats read it translated; any other is shown as the server sent it.
- The English words of every template start as before ("cannot resolve", "cannot connect",
  "HTTP 4", "HTTP 5"): ``bot.metrics.FETCH_ERROR_KINDS`` sorts failures by them.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator

from digests.errors import FetchError
from digests.message import N_, Message

# getaddrinfo's "no such name" answers (EAI_NODATA is not defined on every system).
_NO_SUCH_NAME = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH}

# Templates of earlier versions, with the system's words in them: a source's last error is
# stored as its template and values, and one stored so is still shown translated.
STORED_BEFORE = (
    N_("cannot connect: {detail}"),
    N_("cannot resolve {host}: {detail}"),
    N_("invalid URL: {detail}"),
)
# Statuses feeds answer with often, in the protocol's words; translated where shown.
STATUS_TEXTS = {
    400: N_("HTTP 400 Bad Request"),
    401: N_("HTTP 401 Unauthorized"),
    403: N_("HTTP 403 Forbidden"),
    404: N_("HTTP 404 Not Found"),
    410: N_("HTTP 410 Gone"),
    429: N_("HTTP 429 Too Many Requests"),
    500: N_("HTTP 500 Internal Server Error"),
    502: N_("HTTP 502 Bad Gateway"),
    503: N_("HTTP 503 Service Unavailable"),
    504: N_("HTTP 504 Gateway Timeout"),
}


def one_line(error: BaseException) -> str:
    """Return an exception's text on one line (its type's name when it has none)."""
    text = " ".join(str(error).split())
    return text or type(error).__name__


def _chain(error: BaseException) -> Iterator[BaseException]:
    """Yield an exception and those it was raised from or while handling, in order."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def lookup_failure(host: str, error: BaseException) -> FetchError:
    """Return the error of a host name that could not be resolved."""
    code = error.errno if isinstance(error, socket.gaierror) else None
    cause = one_line(error)
    if code in _NO_SUCH_NAME:
        return FetchError(
            N_("cannot resolve {host}: no server has this name"), host=host, cause=cause
        )
    if code == socket.EAI_AGAIN:
        return FetchError(
            N_("cannot resolve {host}: the name servers did not answer"), host=host, cause=cause
        )
    return FetchError(N_("cannot resolve {host}"), host=host, cause=cause)


def connect_failure(error: BaseException, host: str) -> FetchError:
    """Return the error of a connection to ``host`` that failed with ``error`` (httpx's)."""
    for link in _chain(error):
        # The system's words: httpx's own may be "All connection attempts failed".
        cause = one_line(link)
        if isinstance(link, FetchError):  # raised by the public-only connection's own check
            return link
        if isinstance(link, socket.gaierror):
            return lookup_failure(host, link)
        if isinstance(link, ssl.SSLCertVerificationError):
            return FetchError(
                N_("cannot connect: the server's certificate is not valid"), cause=cause
            )
        if isinstance(link, ssl.SSLError):
            return FetchError(N_("cannot connect: the secure connection (TLS) failed"), cause=cause)
        if isinstance(link, ConnectionRefusedError):
            return FetchError(N_("cannot connect: the server refused the connection"), cause=cause)
        if isinstance(link, OSError) and link.errno in _UNREACHABLE:
            return FetchError(N_("cannot connect: no route to the server"), cause=cause)
    return FetchError(N_("cannot connect to the server"), cause=one_line(error))


def status_text(status: int, reason: str) -> Message:
    """Return an HTTP status line as a message: translated for the common statuses."""
    template = STATUS_TEXTS.get(status)
    if template is not None:
        return Message(template)
    # The status and the server's reason phrase are the protocol's words: shown as they are.
    return Message("{status}", {"status": f"HTTP {status} {reason}".strip()})
