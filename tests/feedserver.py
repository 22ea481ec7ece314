"""A real threaded HTTP server on 127.0.0.1 for the socket path: routes are set per test.

Every request's span is recorded (``FeedServer.visits``), so a test can count how many
requests were in flight at once, and reach it under a second host name, ``localhost``
(``FeedServer.url(path, host=...)``), to tell per-host limits apart.

``LoopFeedServer`` serves the same kind of routes on the running event loop instead, for
runs in simulated time (``tests.support.WallClockLoop``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

MB = 1024 * 1024


@dataclass
class Reply:
    """One response: status, headers and a body, whole or streamed chunk by chunk."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # A streamed body is sent without Content-Length, the end marked by closing.
    stream: Callable[[], Iterable[bytes]] | None = None
    delay: float = 0.0  # seconds before each streamed chunk
    pause: float = 0.0  # seconds before the answer starts (a slow server)


@dataclass(frozen=True)
class Seen:
    """A request the server received."""

    path: str
    headers: dict[str, str]


@dataclass(frozen=True)
class Visit:
    """When the server took a request in and when its answer began (time.monotonic).

    ``answered`` is stamped before the answer is sent, so the client cannot have finished
    with the request before then: spans that overlap here overlapped for the client too.
    """

    path: str
    host: str
    received: float
    answered: float


Route = Reply | Callable[[Seen], Reply]


def most_at_once(visits: Iterable[Visit]) -> int:
    """Return the most requests in flight at one moment among these visits."""
    events = sorted(
        [(v.received, 1) for v in visits] + [(v.answered, -1) for v in visits],
        key=lambda event: (event[0], event[1]),  # at a tie, an answer before a new request
    )
    most = now = 0
    for _, step in events:
        now += step
        most = max(most, now)
    return most


def gzip_bomb(gigabytes: int = 1) -> bytes:
    """Return a valid gzip stream of this many GiB of zeros, about 1 MB compressed."""
    zeros = bytes(MB)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    # A full flush ends each block on a byte boundary, so the same bytes repeat validly.
    segment = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    count = 1024 * gigabytes
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + segment * count + final + struct.pack("<II", crc, (count * MB) & 0xFFFFFFFF)


def cut_off(body: bytes, fraction: float) -> bytes:
    """Return the first fraction of a body (a document cut off part of the way through)."""
    if not 0 < fraction < 1:
        raise ValueError("the fraction of the body kept must be between 0 and 1")
    return body[: int(len(body) * fraction)]


def zeros(total: int, sent: list[int]) -> Iterator[bytes]:
    """Yield 64 KiB chunks of zeros up to total bytes, counting what was sent in sent[0]."""
    chunk = bytes(64 * 1024)
    while sent[0] < total:
        sent[0] += len(chunk)
        yield chunk


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops concurrent connects; the retried SYN costs a second.
    request_queue_size = 128


class FeedServer:
    """Serve registered routes; record every request; 404 for anything else."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.visits: list[Visit] = []
        self.closing = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base(self) -> str:
        """Return the server's base URL, without a trailing slash."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str, *, host: str | None = None) -> str:
        """Return the absolute URL of a path on this server, by another host name if given."""
        if host is None:
            return self.base + path
        return f"http://{host}:{self.base.rsplit(':', 1)[1]}{path}"

    def add(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = "application/rss+xml; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve a fixed body at a path; return the path's URL."""
        data = body.encode() if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers.update(headers or {})
        self.routes[path] = Reply(status, data, all_headers)
        return self.url(path)

    def add_cut_off(
        self,
        path: str,
        body: bytes,
        fraction: float,
        *,
        content_type: str = "application/rss+xml; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve the first fraction of a body, ended by closing the connection, as a proxy
        or a generator that crashed mid-way does; return the path's URL."""
        cut = cut_off(body, fraction)
        all_headers = {"Content-Type": content_type, **(headers or {})}
        self.routes[path] = Reply(headers=all_headers, stream=lambda: [cut])
        return self.url(path)

    def route(self, path: str, reply: Route) -> str:
        """Serve a Reply, or a function of the request returning one; return the URL."""
        self.routes[path] = reply
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        """Return the requests made for a path."""
        return [r for r in self.requests if r.path == path]

    def visits_to(self, host: str) -> list[Visit]:
        """Return the spans of the requests made to a host name, in the order received."""
        return sorted((v for v in self.visits if v.host == host), key=lambda v: v.received)

    def start(self) -> None:
        """Start serving in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, end streaming replies and close the socket."""
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            received = time.monotonic()
            seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
            server.requests.append(seen)
            route = server.routes.get(self.path.split("?")[0])
            if route is None:
                reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
            else:
                reply = route if isinstance(route, Reply) else route(seen)
            if reply.pause:
                time.sleep(reply.pause)
            host = seen.headers.get("host", "").rsplit(":", 1)[0]
            server.visits.append(Visit(self.path, host, received, time.monotonic()))
            # The client giving up (size cap, deadline) is expected in these tests.
            with contextlib.suppress(ConnectionError, TimeoutError):
                self._send(reply)

        def do_POST(self) -> None:
            # Read the body first (an HTTP API client posts one), then answer as for GET.
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.do_GET()

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.stream is None and "Content-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if reply.stream is None:
                self.wfile.write(reply.body)
                return
            for chunk in reply.stream():
                if server.closing.is_set():
                    return
                if reply.delay:
                    time.sleep(reply.delay)
                self.wfile.write(chunk)
                self.wfile.flush()

        def log_message(self, format: str, *args: object) -> None:
            return  # keep test output clean

    return Handler


def loopback(n: int) -> str:
    """Return the n-th loopback address: 127.0.0.1, 127.0.0.2, ... (Linux routes all of 127/8)."""
    return str(ipaddress.IPv4Address("127.0.0.1") + n)


class LoopFeedServer:
    """Routes like FeedServer's, served by asyncio on the running loop, on several addresses.

    In a loop that skips idle time, a server thread answering in real time looks like
    idleness: the loop would jump to its next timer (a client's timeout, say) before the
    answer came. Served on the loop itself, every step of an exchange is an event the loop
    sees, and a Reply's ``pause`` and ``delay`` are sleeps on its clock: a slow source is
    slow in simulated time. It listens on ``hosts`` loopback addresses at one port, so that
    sources can have hosts of their own (per-host limits apply by host name). A path with
    no route of its own goes to ``fallback`` (404 without one). Requests are only counted
    (``served``), not recorded, so a long run keeps its memory flat.
    """

    def __init__(self, hosts: int = 1, fallback: Callable[[Seen], Reply] | None = None) -> None:
        self.hosts = hosts
        self.fallback = fallback
        self.routes: dict[str, Route] = {}
        self.served = 0
        self.port = 0
        self._servers: list[asyncio.Server] = []
        self._open: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Listen on the first ``hosts`` loopback addresses (one port for all)."""
        for n in range(self.hosts):
            server = await asyncio.start_server(self._serve, loopback(n), self.port)
            self.port = server.sockets[0].getsockname()[1]
            self._servers.append(server)

    async def stop(self) -> None:
        """Stop listening and end the exchanges still under way."""
        for server in self._servers:
            server.close()
        for task in list(self._open):
            task.cancel()
        await asyncio.gather(*self._open, return_exceptions=True)
        for server in self._servers:
            await server.wait_closed()

    def url(self, path: str, host: int = 0) -> str:
        """Return the absolute URL of a path on the host-th address."""
        return f"http://{loopback(host)}:{self.port}{path}"

    def route(self, path: str, reply: Route) -> str:
        """Serve a Reply, or a function of the request returning one, at path on every host."""
        self.routes[path] = reply
        return self.url(path)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._open.add(task)
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1] if lines[0].count(" ") >= 2 else "/"
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name:
                    headers[name.strip().lower()] = value.strip()
            seen = Seen(path, headers)
            route = self.routes.get(path.split("?")[0], self.fallback)
            if route is None:
                reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
            else:
                reply = route if isinstance(route, Reply) else route(seen)
            self.served += 1
            if reply.pause:
                await asyncio.sleep(reply.pause)
            status = f"HTTP/1.0 {reply.status} {HTTPStatus(reply.status).phrase}\r\n"
            fields = {"Connection": "close", **reply.headers}
            if reply.stream is None and "Content-Length" not in fields:
                fields["Content-Length"] = str(len(reply.body))
            writer.write(
                (status + "".join(f"{k}: {v}\r\n" for k, v in fields.items()) + "\r\n").encode()
            )
            if reply.stream is None:
                writer.write(reply.body)
            else:
                for chunk in reply.stream():
                    if reply.delay:
                        await asyncio.sleep(reply.delay)
                    writer.write(chunk)
                    await writer.drain()
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass  # the client gave up (its deadline, a size cap): expected
        finally:
            self._open.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()


# Named explicitly so a test module can import it under another name (no shadowing).
@pytest.fixture(name="feed_server")
def feed_server() -> Iterator[FeedServer]:
    """Yield a running local HTTP server; routes are added by the test."""
    server = FeedServer()
    server.start()
    yield server
    server.stop()
