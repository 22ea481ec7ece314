"""Fetch feeds and pages safely: conditional GET, size cap, overall deadline, redirect limit.

The body is read raw and inflated here, a slice at a time, so a gzip bomb stops at the
size cap instead of expanding a whole network chunk (one 64 KiB chunk of compressed zeros
is 64 MiB) before anything can count it.

A client from ``make_client`` carries its run's per-host limits (``digests.polite``): every
fetch through it, feeds and article pages alike, waits for its host's turn, and a server's
Retry-After holds the host for the rest of the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from digests.errors import FetchError, Gone, NotModified, RateLimited
from digests.failures import connect_failure, lookup_failure, one_line, status_text
from digests.message import N_
from digests.polite import (
    CHALLENGE_PEEK,
    HOST_GAP,
    PER_HOST,
    HostLimiter,
    challenge,
    fresh_for,
    retry_after,
)

USER_AGENT = "newsbot/0.1 (news digest bot; +https://github.com/newsbot/newsbot)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9,"
    " application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)
# Only encodings inflated here under the size cap; a server must not send others.
ACCEPT_ENCODING = "gzip, deflate"
_SLICE = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How much a single fetch may cost: bytes, seconds, redirects."""

    max_bytes: int = 5_000_000
    timeout: float = 20.0  # overall deadline for the whole response, in seconds
    max_redirects: int = 5
    connect_timeout: float = 10.0


DEFAULT_LIMITS = FetchLimits()
# FETCH_MAX_MB at most: a 10 MB feed of 5,000 items takes about 30 s and 75 MB to parse.
MAX_FETCH_MB = 50


def limits_from_env(environ: Mapping[str, str]) -> FetchLimits:
    """Return the fetch limits with FETCH_MAX_MB (megabytes a feed or page may have, 1 to
    ``MAX_FETCH_MB``; default 5) applied.

    Raise ValueError with a one-line message that starts with the key.
    """
    text = environ.get("FETCH_MAX_MB", "").strip()
    if not text:
        return DEFAULT_LIMITS
    try:
        megabytes = float(text)
    except ValueError:
        raise ValueError(f"FETCH_MAX_MB: must be a number of megabytes, not {text!r}") from None
    if not 1 <= megabytes <= MAX_FETCH_MB:  # NaN fails both comparisons
        raise ValueError(f"FETCH_MAX_MB: must be between 1 and {MAX_FETCH_MB} megabytes")
    return replace(DEFAULT_LIMITS, max_bytes=round(megabytes * 1_000_000))


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: final URL, status, decoded body and cache validators.

    ``fresh_for``: seconds the response stays fresh by its Cache-Control max-age, if it says.
    """

    url: str
    status: int
    content: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    fresh_for: float | None = None
    # The final URL when every redirect on the way was permanent (301, 308): the address moved.
    moved_to: str | None = None


class PoliteClient(httpx.AsyncClient):
    """An httpx client carrying the per-host limits that every ``fetch`` through it keeps."""

    def __init__(self, *, hosts: HostLimiter, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hosts = hosts


def make_client(
    limits: FetchLimits = DEFAULT_LIMITS,
    user_agent: str = USER_AGENT,
    *,
    public_only: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    per_host: int = PER_HOST,
    host_gap: float = HOST_GAP,
) -> PoliteClient:
    """Return an HTTP client that follows a few redirects, with per-phase timeouts.

    With ``public_only`` every request, redirects included, must go to a public address.
    Fetches through it keep to ``per_host`` requests in flight per host, their starts
    ``host_gap`` seconds apart (raise ValueError for a value out of range).
    """
    hosts = HostLimiter(per_host, host_gap)
    hooks = {"request": [_check_request]} if public_only else {}
    if public_only and transport is None:
        transport = _public_only_transport()
    return PoliteClient(
        hosts=hosts,
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        timeout=httpx.Timeout(limits.timeout, connect=limits.connect_timeout),
        headers={"User-Agent": user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        event_hooks=hooks,
        transport=transport,
    )


async def _check_request(request: httpx.Request) -> None:
    # Refuses early, with a clear message, before any connection (redirects included).
    await check_public_address(str(request.url))


class _PublicOnlyBackend(httpcore.AsyncNetworkBackend):
    """Connect only to a public address, resolved and checked at connect time.

    Checking a host name and then letting the connection resolve it again leaves a window
    in which DNS can answer differently ("DNS rebinding"); here the socket goes to the very
    address that was checked. TLS still verifies the certificate against the host name.
    """

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await _public_addresses(host, port)
        except FetchError as error:
            # Chained: ``failures.connect_failure`` finds the error below httpx's.
            raise httpcore.ConnectError(str(error)) from error
        return await self._inner.connect_tcp(
            addresses[0],
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not public addresses")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _public_only_transport() -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport()
    # httpx has no public way to choose the connection pool's network backend.
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=_PublicOnlyBackend()
    )
    return transport


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
) -> Fetched:
    """GET a URL within the limits; raise NotModified on 304 and FetchError on any failure.

    Through a ``PoliteClient`` the request waits for its host's turn first (the deadline
    starts after it); RateLimited holds the host, and HostHeld means nothing was sent.
    """
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    hosts = client.hosts if isinstance(client, PoliteClient) else None
    async with hosts.turn(url) if hosts is not None else contextlib.nullcontext():
        try:
            return await _fetch(client, url, headers, limits)
        except RateLimited as error:
            if hosts is not None:
                hosts.hold(url, error.retry_after)
            raise


async def _fetch(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], limits: FetchLimits
) -> Fetched:
    try:
        async with asyncio.timeout(limits.timeout):
            return await _get(client, url, headers, limits)
    except TimeoutError:
        raise _timed_out(limits) from None
    except httpx.TooManyRedirects:
        raise FetchError(N_("too many redirects")) from None
    except httpx.TimeoutException:
        raise _timed_out(limits) from None
    except httpx.ConnectError as error:
        raise connect_failure(error, urlsplit(url).hostname or url) from None
    except httpx.InvalidURL as error:
        raise FetchError(N_("invalid URL"), cause=one_line(error)) from None
    except httpx.RemoteProtocolError as error:
        raise FetchError(
            N_("the server's answer broke off or is no HTTP"), cause=one_line(error)
        ) from None
    except httpx.HTTPError as error:
        # A read or write that failed mid-way, mostly: the library's words go to the logs.
        raise FetchError(
            N_("the connection failed midway"), cause=f"{type(error).__name__}: {one_line(error)}"
        ) from None


def _timed_out(limits: FetchLimits) -> FetchError:
    return FetchError(N_("timed out after {seconds} s"), seconds=float(limits.timeout))


async def _get(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], limits: FetchLimits
) -> Fetched:
    async with client.stream("GET", url, headers=headers) as response:
        # Every redirect on the way permanent (301, 308): the address moved for good.
        history = response.history
        permanent = bool(history) and all(r.status_code in (301, 308) for r in history)
        moved_to = str(response.url) if permanent else None
        if response.status_code == 304:
            raise NotModified(
                N_("not modified"), fresh_for=fresh_for(response.headers), moved_to=moved_to
            )
        if response.status_code >= 400:
            raise await _refusal(response)
        blocked = challenge(response.status_code, response.headers, b"")
        if blocked is not None:
            raise blocked
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise FetchError(
                N_("too large: {size} bytes (limit {limit})"),
                size=int(declared),
                limit=limits.max_bytes,
            )
        inflate = _decoder(response.headers.get("content-encoding", ""))
        parts: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw():
            for piece in inflate(raw):
                size += len(piece)
                if size > limits.max_bytes:
                    raise FetchError(N_("too large: over {limit} bytes"), limit=limits.max_bytes)
                parts.append(piece)
        content_type = response.headers.get("content-type", "")
        return Fetched(
            moved_to=moved_to,
            url=str(response.url),
            status=response.status_code,
            content=b"".join(parts),
            content_type=content_type.split(";")[0].strip().lower() or None,
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            fresh_for=fresh_for(response.headers),
        )


async def _refusal(response: httpx.Response) -> FetchError:
    """Return the error for a 4xx or 5xx answer: a challenge, a request to wait, or its status."""
    status = response.status_code
    head = await _peek(response, CHALLENGE_PEEK) if status in (403, 503) else b""
    blocked = challenge(status, response.headers, head)
    if blocked is not None:
        return blocked
    text = status_text(status, response.reason_phrase)
    wait = retry_after(response.headers) if status in (429, 503) else None
    if wait is not None:
        return RateLimited(
            N_("{status}: the server asks to wait {wait}"),
            retry_after=wait,
            status=text,
            wait=timedelta(seconds=wait),
        )
    if status == 410:
        return Gone("{status}", status=text)
    return FetchError("{status}", status=text)


async def _peek(response: httpx.Response, size: int) -> bytes:
    """Return at most the first size bytes of a body, inflated; what arrived if it breaks."""
    parts: list[bytes] = []
    have = 0
    try:
        inflate = _decoder(response.headers.get("content-encoding", ""))
        async for raw in response.aiter_raw():
            for piece in inflate(raw):
                parts.append(piece)
                have += len(piece)
                if have >= size:
                    return b"".join(parts)[:size]
    except (FetchError, httpx.HTTPError):
        pass  # the status is the answer then; the body was only a hint
    return b"".join(parts)


class _Inflater:
    """Inflate gzip or deflate data lazily, a bounded slice at a time."""

    def __init__(self, wbits: int, *, deflate: bool = False) -> None:
        self._deflate = deflate  # "deflate" is zlib-wrapped by the spec, raw in the wild
        self._decomp = zlib.decompressobj(wbits)
        self._started = False

    def __call__(self, data: bytes) -> Iterator[bytes]:
        # A generator, so the caller counts each slice before the next one is inflated.
        pending = data
        while pending and not self._decomp.eof:
            try:
                piece = self._decomp.decompress(pending, _SLICE)
            except zlib.error as error:
                if self._deflate and not self._started:
                    self._deflate = False
                    self._decomp = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError(N_("bad compressed body: {detail}"), detail=str(error)) from None
            self._started = True
            pending = self._decomp.unconsumed_tail
            yield piece


class _Identity:
    def __call__(self, data: bytes) -> Iterator[bytes]:
        yield data


def _decoder(encoding: str) -> _Inflater | _Identity:
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return _Identity()
    if name in ("gzip", "x-gzip"):
        return _Inflater(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return _Inflater(zlib.MAX_WBITS, deflate=True)
    raise FetchError(N_("unsupported content encoding: {encoding}"), encoding=encoding)


async def check_public_address(url: str) -> None:
    """Raise FetchError unless every address the URL's host resolves to is public."""
    parts = urlsplit(url)
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host:
        raise FetchError(N_("not an http(s) URL: {url}"), url=url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(N_("invalid port in URL: {url}"), url=url) from None
    await _public_addresses(host, port)


async def _public_addresses(host: str, port: int) -> list[str]:
    """Resolve a host; return its addresses, or raise FetchError if any of them is internal."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise lookup_failure(host, error) from None
    if not infos:
        raise FetchError(N_("cannot resolve {host}"), host=host)
    addresses = []
    for info in infos:
        text = str(info[4][0])
        address = ipaddress.ip_address(text.split("%")[0])
        if _is_internal(address):
            raise FetchError(
                N_("{host} resolves to a non-public address ({address})"),
                host=host,
                address=str(address),
            )
        addresses.append(text)
    return addresses


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
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
