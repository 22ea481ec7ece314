"""Fetching over a real socket: validators, status errors, redirects, size cap, deadline."""

from __future__ import annotations

import asyncio
import gzip
import socket
import time
import tracemalloc
import zlib
from email.utils import formatdate
from typing import Any

import httpx
import pytest

from bot.i18n import translator
from digests.errors import BotChallenge, FetchError, HostHeld, NotModified, RateLimited
from digests.failures import status_text
from digests.fetch import FetchLimits, check_public_address, fetch, make_client
from tests.feedserver import FeedServer, Reply, Seen, gzip_bomb, zeros
from tests.feedserver import feed_server as feed_server_fixture  # noqa: F401

FEED = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
MB = 1024 * 1024


async def test_fetch_returns_body_type_charset_and_validators(feed_server: FeedServer) -> None:
    url = feed_server.add(
        "/feed.xml",
        FEED,
        content_type="application/RSS+xml; charset=ISO-8859-1",
        headers={"ETag": '"v1"', "Last-Modified": "Thu, 05 Sep 2024 10:00:00 GMT"},
    )
    async with make_client() as client:
        got = await fetch(client, url)
    assert got.content == FEED
    assert got.status == 200
    assert got.url == url
    assert got.content_type == "application/rss+xml"
    assert got.charset is not None and got.charset.lower() == "iso-8859-1"
    assert got.etag == '"v1"'
    assert got.last_modified == "Thu, 05 Sep 2024 10:00:00 GMT"
    sent = feed_server.hits("/feed.xml")[0].headers
    assert sent["accept-encoding"] == "gzip, deflate"
    assert "newsbot" in sent["user-agent"]


async def test_conditional_get_sends_validators_and_304_raises_not_modified(
    feed_server: FeedServer,
) -> None:
    def reply(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304)
        return Reply(200, FEED, {"ETag": '"v1"'})

    url = feed_server.route("/feed.xml", reply)
    async with make_client() as client:
        first = await fetch(client, url)
        with pytest.raises(NotModified):
            await fetch(client, url, etag=first.etag, last_modified="Thu, 05 Sep 2024 10:00:00 GMT")
    second = feed_server.hits("/feed.xml")[1].headers
    assert second["if-none-match"] == '"v1"'
    assert second["if-modified-since"] == "Thu, 05 Sep 2024 10:00:00 GMT"


@pytest.mark.parametrize(
    ("status", "message"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
async def test_error_status_raises_with_code(
    feed_server: FeedServer, status: int, message: str
) -> None:
    url = feed_server.add("/gone", b"nope", status=status)
    async with make_client() as client:
        with pytest.raises(FetchError, match=message):
            await fetch(client, url)


async def test_redirects_are_followed_to_the_final_url(feed_server: FeedServer) -> None:
    final = feed_server.add("/new.xml", FEED)
    start = feed_server.add("/old.xml", status=301, headers={"Location": final})
    async with make_client() as client:
        got = await fetch(client, start)
    assert got.url == final
    assert got.content == FEED


async def test_redirect_loop_is_too_many_redirects(feed_server: FeedServer) -> None:
    feed_server.add("/a", status=302, headers={"Location": feed_server.url("/b")})
    feed_server.add("/b", status=302, headers={"Location": feed_server.url("/a")})
    async with make_client() as client:
        with pytest.raises(FetchError, match="too many redirects"):
            await fetch(client, feed_server.url("/a"))


async def test_redirect_chain_longer_than_the_limit_fails(feed_server: FeedServer) -> None:
    for hop in range(4):
        feed_server.add(f"/{hop}", status=302, headers={"Location": feed_server.url(f"/{hop + 1}")})
    feed_server.add("/4", FEED)
    limits = FetchLimits(max_redirects=2)
    async with make_client(limits) as client:
        with pytest.raises(FetchError, match="too many redirects"):
            await fetch(client, feed_server.url("/0"), limits=limits)


async def test_50_mb_body_stops_at_the_cap_while_streaming(feed_server: FeedServer) -> None:
    sent = [0]
    url = feed_server.route("/huge", Reply(stream=lambda: zeros(50 * MB, sent)))
    limits = FetchLimits(max_bytes=2 * MB)
    tracemalloc.start()
    try:
        async with make_client(limits) as client:
            with pytest.raises(FetchError, match="too large"):
                await fetch(client, url, limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * MB
    assert sent[0] < 50 * MB


async def test_declared_content_length_over_the_cap_is_refused_early(
    feed_server: FeedServer,
) -> None:
    sent = [0]
    url = feed_server.route(
        "/huge",
        Reply(headers={"Content-Length": str(50 * MB)}, stream=lambda: zeros(50 * MB, sent)),
    )
    async with make_client() as client:
        with pytest.raises(FetchError, match="too large: 52,428,800 bytes"):
            await fetch(client, url)


async def test_gzip_bomb_stops_at_the_cap_without_inflating(feed_server: FeedServer) -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 2 * MB
    url = feed_server.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        async with make_client() as client:
            with pytest.raises(FetchError, match="too large: over 5,000,000 bytes"):
                await fetch(client, url)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The body (1 MB) plus the capped 5 MB of output, never the 1 GiB it expands to.
    assert peak < 30 * MB


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),
    ],
)
async def test_compressed_bodies_are_decoded(
    feed_server: FeedServer, encoding: str, pack: Any
) -> None:
    url = feed_server.add("/z", pack(FEED * 100), headers={"Content-Encoding": encoding})
    async with make_client() as client:
        got = await fetch(client, url)
    assert got.content == FEED * 100


async def test_unknown_content_encoding_is_refused(feed_server: FeedServer) -> None:
    url = feed_server.add("/br", b"\x00\x01", headers={"Content-Encoding": "br"})
    async with make_client() as client:
        with pytest.raises(FetchError, match="unsupported content encoding: br"):
            await fetch(client, url)


async def test_corrupt_gzip_body_is_a_fetch_error(feed_server: FeedServer) -> None:
    url = feed_server.add("/bad", b"\x1f\x8bnot gzip at all", headers={"Content-Encoding": "gzip"})
    async with make_client() as client:
        with pytest.raises(FetchError, match="bad compressed body"):
            await fetch(client, url)


async def test_trickling_server_is_cut_off_at_the_overall_deadline(
    feed_server: FeedServer,
) -> None:
    # Each byte arrives well within the per-read timeout; only the overall deadline stops it.
    url = feed_server.route("/slow", Reply(stream=lambda: iter([b"<"] * 100), delay=0.1))
    limits = FetchLimits(timeout=1.0)
    async with make_client(limits) as client:
        with pytest.raises(FetchError, match="timed out after 1 s"):
            await fetch(client, url, limits=limits)


async def test_connection_refused_is_a_one_line_fetch_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with make_client() as client:
        with pytest.raises(FetchError, match="cannot connect") as caught:
            await fetch(client, f"http://127.0.0.1:{port}/feed")
    assert "\n" not in str(caught.value)


async def test_invalid_url_is_a_fetch_error() -> None:
    async with make_client() as client:
        with pytest.raises(FetchError):
            await fetch(client, "ftp://example.com/feed")


async def test_public_only_client_refuses_local_addresses(feed_server: FeedServer) -> None:
    url = feed_server.add("/feed.xml", FEED)
    async with make_client(public_only=True) as client:
        with pytest.raises(FetchError, match="non-public address"):
            await fetch(client, url)
    assert feed_server.requests == []


async def test_public_only_client_connects_to_the_address_it_checked(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name is public when checked, then points at this machine."""
    port = int(feed_server.base.rsplit(":", 1)[1])
    feed_server.add("/feed.xml", FEED)
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])

    async def resolve(host: str, port: int, **_: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", resolve)
    async with make_client(public_only=True) as client:
        with pytest.raises(FetchError, match=r"non-public address \(127\.0\.0\.1\)"):
            await fetch(client, f"http://rebind.example.com:{port}/feed.xml")
    assert feed_server.requests == []  # the request never reached the local server


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/feed",
        "http://10.1.2.3/feed",
        "http://192.168.0.10:8080/feed",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/feed",
        "http://[::ffff:127.0.0.1]/feed",
        "http://224.0.0.1/feed",
        "http://0.0.0.0/feed",
        "http://240.0.0.1/feed",
    ],
)
async def test_check_public_address_refuses_internal_literals(url: str) -> None:
    with pytest.raises(FetchError, match="non-public address"):
        await check_public_address(url)


async def test_check_public_address_accepts_a_public_literal() -> None:
    await check_public_address("https://93.184.216.34/feed.xml")


async def test_check_public_address_checks_every_resolved_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = {
        "mixed.example.com": ["93.184.216.34", "10.0.0.5"],
        "public.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
    }

    async def resolve(host: str, port: int, **_: Any) -> list[Any]:
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in answers[host]]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", resolve)
    with pytest.raises(FetchError, match=r"resolves to a non-public address \(10.0.0.5\)"):
        await check_public_address("http://mixed.example.com/feed")
    await check_public_address("http://public.example.com/feed")
    with pytest.raises(FetchError, match=r"cannot resolve nowhere\.example\.com"):
        await check_public_address("http://nowhere.example.com/feed")


async def test_check_public_address_refuses_non_http_urls() -> None:
    with pytest.raises(FetchError, match="not an http"):
        await check_public_address("file:///etc/passwd")


async def test_mock_transport_sees_the_conditional_headers() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(304)

    async with make_client(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(NotModified):
            await fetch(client, "https://feeds.example.com/rss", etag='W/"abc"')
    assert seen[0].headers["if-none-match"] == 'W/"abc"'
    assert "if-modified-since" not in seen[0].headers


# --- polite fetching: the server's word, per-host turns, bot challenges ----------------------


async def test_429_with_retry_after_holds_the_host_for_the_rest_of_the_run(
    feed_server: FeedServer,
) -> None:
    slow_down = feed_server.add("/a.xml", b"slow down", status=429, headers={"Retry-After": "120"})
    feed_server.add("/b.xml", FEED)
    async with make_client(host_gap=0) as client:
        with pytest.raises(
            RateLimited, match="HTTP 429 Too Many Requests: the server asks to wait 2 min"
        ) as caught:
            await fetch(client, slow_down)
        assert caught.value.retry_after == 120.0
        with pytest.raises(HostHeld, match=r"127\.0\.0\.1 asked to be left alone for 2 min more"):
            await fetch(client, feed_server.url("/b.xml"))
        other_host = await fetch(client, feed_server.url("/b.xml", host="localhost"))
    assert other_host.content == FEED
    assert [v.host for v in feed_server.visits] == ["127.0.0.1", "localhost"]  # nothing sent
    async with make_client(host_gap=0) as client:  # the next run asks again
        assert (await fetch(client, feed_server.url("/b.xml"))).content == FEED


async def test_503_with_retry_after_as_a_date_reads_the_servers_clock(
    feed_server: FeedServer,
) -> None:
    def reply(seen: Seen) -> Reply:
        # The server's Date header is this moment too, to the second.
        later = formatdate(time.time() + 7200, usegmt=True)
        return Reply(503, b"maintenance", {"Retry-After": later, "Content-Type": "text/plain"})

    url = feed_server.route("/feed.xml", reply)
    async with make_client() as client:
        with pytest.raises(
            RateLimited, match=r"HTTP 503 Service Unavailable: the server asks to wait 2\.0 h"
        ) as caught:
            await fetch(client, url)
    assert 7199 <= caught.value.retry_after <= 7201


async def test_429_or_503_without_retry_after_is_an_ordinary_error(
    feed_server: FeedServer,
) -> None:
    feed_server.add("/busy", b"busy", status=429)
    feed_server.add("/down", b"down", status=503, content_type="text/plain")
    async with make_client(host_gap=0) as client:
        for path, message in (("/busy", "HTTP 429 Too Many Requests"), ("/down", "HTTP 503")):
            with pytest.raises(FetchError, match=message) as caught:
                await fetch(client, feed_server.url(path))
            assert type(caught.value) is FetchError
    assert len(feed_server.requests) == 2


CHALLENGE_PAGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    b"<div id='challenge-body-text'>Checking if the site connection is secure</div>"
    b"<script src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1'></script>"
    b"</body></html>"
)


@pytest.mark.parametrize(
    ("status", "headers", "body"),
    [
        (403, {"cf-mitigated": "challenge"}, b"<html>...</html>"),
        (403, {}, CHALLENGE_PAGE),
        (503, {"Content-Encoding": "gzip"}, gzip.compress(CHALLENGE_PAGE)),
    ],
)
async def test_a_bot_challenge_says_so(
    feed_server: FeedServer, status: int, headers: dict[str, str], body: bytes
) -> None:
    url = feed_server.add(
        "/feed.xml", body, status=status, content_type="text/html", headers=headers
    )
    async with make_client() as client:
        with pytest.raises(BotChallenge) as caught:
            await fetch(client, url)
    assert str(caught.value) == (
        "blocked by a bot challenge (Cloudflare) — the site refuses automated fetching"
    )


async def test_a_403_is_read_no_further_than_a_challenge_page_would_be(
    feed_server: FeedServer,
) -> None:
    sent = [0]
    url = feed_server.route("/endless", Reply(403, stream=lambda: zeros(50 * MB, sent)))
    async with make_client() as client:
        with pytest.raises(FetchError) as caught:
            await fetch(client, url)
    assert str(caught.value) == "HTTP 403 Forbidden"
    assert sent[0] < 50 * MB


async def test_max_age_comes_with_the_feed_and_with_304(feed_server: FeedServer) -> None:
    def reply(seen: Seen) -> Reply:
        caching = {"Cache-Control": "public, max-age=3600", "Age": "100", "ETag": '"v1"'}
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers=caching)
        return Reply(200, FEED, caching)

    url = feed_server.route("/feed.xml", reply)
    async with make_client(host_gap=0) as client:
        first = await fetch(client, url)
        with pytest.raises(NotModified) as unchanged:
            await fetch(client, url, etag=first.etag)
        plain = await fetch(client, feed_server.add("/plain.xml", FEED))
    assert first.fresh_for == unchanged.value.fresh_for == 3500.0
    assert plain.fresh_for is None


async def test_failures_read_in_words_the_bot_translates_with_the_system_words_kept(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def unknown(host: str, port: int, **_: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", unknown)
    with pytest.raises(FetchError) as caught:
        await check_public_address("http://nowhere.example.com/feed")
    assert (
        str(caught.value.message) == "cannot resolve nowhere.example.com: no server has this name"
    )
    assert "Name or service not known" in str(caught.value)  # for the logs
    monkeypatch.undo()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/feed"
    plain = feed_server.add("/feed.xml", FEED).replace("http://", "https://")
    async with make_client() as client:
        with pytest.raises(FetchError) as refused:
            await fetch(client, closed)
        with pytest.raises(FetchError) as tls:
            await fetch(client, plain)
    assert str(refused.value.message) == "cannot connect: the server refused the connection"
    assert str(tls.value.message) == "cannot connect: the secure connection (TLS) failed"
    assert "SSL" in str(tls.value)
    assert refused.value.cause and tls.value.cause


def test_a_common_status_is_translated_and_another_shown_as_sent() -> None:
    russian = translator("ru")
    assert str(status_text(404, "Not Found")) == "HTTP 404 Not Found"
    assert russian.message(status_text(404, "Whatever")) == "HTTP 404: страница не найдена"
    assert russian.message(status_text(418, "I'm a teapot")) == "HTTP 418 I'm a teapot"
