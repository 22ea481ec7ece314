"""/metrics and /healthz of the real application: after real activity (a local feed
ingested, a digest sent through the offline Telegram, a command answered), scraped over
HTTP on 127.0.0.1 and parsed with prometheus_client's own parser.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlite_utils import Database
from telegram import Update

from bot import digest_jobs, jobs
from bot.app import build_application
from bot.config import Settings
from bot.metrics import FETCH_ERROR_KINDS, fetch_error_kind
from bot.offline import OfflineTelegram
from bot.state import App
from bot.webhook import serving
from digests import delivery, ingest, store
from digests.fetch import make_client
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.support import instant_pacer
from tests.test_bot import rss

ADMIN = 4242
READER = 5151


@dataclass
class Scraper:
    app: App
    offline: OfflineTelegram
    port: int

    @property
    def db(self) -> Database:
        return self.app.bot_data.db

    async def get(self, path: str, **kw: Any) -> httpx.Response:
        async with httpx.AsyncClient() as client:
            return await client.get(f"http://127.0.0.1:{self.port}{path}", **kw)

    async def metrics(self) -> dict[str, dict[tuple[str, tuple[tuple[str, str], ...]], float]]:
        """Return each family's samples: (sample name, labels) -> value."""
        answer = await self.get("/metrics")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/plain")
        return {
            family.name: {
                (s.name, tuple(sorted(s.labels.items()))): s.value for s in family.samples
            }
            for family in text_string_to_metric_families(answer.text)
        }

    async def command(self, text: str, user_id: int = ADMIN) -> None:
        self.offline.user_message(text, user_id=user_id)
        body = self.offline.next_update_dict()
        await self.app.process_update(Update.de_json(body, self.app.bot))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        token="123:ABC",
        admin_ids=frozenset({ADMIN}),
        database_path=tmp_path / "bot.db",
        allow_private_sources=True,
    )


async def scraper_for(settings: Settings) -> AsyncIterator[Scraper]:
    offline = OfflineTelegram(max_long_poll=0.05)
    offline.add_chat(ADMIN, "private", first_name="Admin")
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with serving(app, webhook=False, port=0) as served:
        assert served.port is not None
        yield Scraper(app, offline, served.port)


@pytest.fixture
async def scraper(settings: Settings) -> AsyncIterator[Scraper]:
    async for value in scraper_for(settings):
        yield value


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Wait for something the application does in its own tasks (not a timing check)."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the application did not get there")


def value(
    families: dict[str, dict[tuple[str, tuple[tuple[str, str], ...]], float]],
    family: str,
    sample: str | None = None,
    **labels: str,
) -> float:
    return families[family][(sample or family, tuple(sorted(labels.items())))]


async def test_metrics_after_ingesting_sending_and_answering(
    scraper: Scraper, feed_server: FeedServer
) -> None:
    db = scraper.db
    state = scraper.app.bot_data
    good = feed_server.add("/feed.xml", rss(3))
    broken = feed_server.add("/broken.xml", "oops", status=500, content_type="text/plain")
    page = feed_server.add("/page.html", "<html><body>hi</body></html>", content_type="text/html")
    for url in (good, broken, page):
        store.add_source(db, url)
    report = await jobs.ingest_now(state, due_only=False)
    assert report.new == 3 and report.failed == 2

    # A digest through the outbox and the sender, to a reader subscribed an hour ago.
    now = store.utcnow()
    scraper.offline.add_chat(READER, "private")
    sub = store.save_subscription(
        db,
        READER,
        "private",
        now=now - timedelta(days=2),
        time=f"{(now - timedelta(hours=1)):%H:%M}",
    )
    render = digest_jobs.digest_render(state)
    assert delivery.enqueue_subscription(db, sub, now, render, method="hybrid") == 1
    digest_jobs.wake_sender(state)
    await until(lambda: store.outbox_backlog(db).waiting == 0)
    sent = len(scraper.offline.sent(READER))
    assert sent >= 1
    await scraper.command("/latest", user_id=READER)
    await scraper.command("/stats")

    families = await scraper.metrics()

    assert value(families, "newsbot_articles_ingested", "newsbot_articles_ingested_total") == 3
    polls = "newsbot_source_polls_total"
    assert value(families, "newsbot_source_polls", polls, outcome="ok") == 1
    assert value(families, "newsbot_source_polls", polls, outcome="error") == 2
    errors = "newsbot_fetch_errors_total"
    assert value(families, "newsbot_fetch_errors", errors, kind="http_5xx") == 1
    assert value(families, "newsbot_fetch_errors", errors, kind="parse") == 1
    assert value(families, "newsbot_fetch_errors", errors, kind="timeout") == 0
    summaries = store.count(db, "summaries")
    assert summaries >= 3
    assert value(families, "newsbot_summaries_made", "newsbot_summaries_made_total") >= 3
    assert value(families, "newsbot_summaries") == summaries
    assert value(families, "newsbot_stories") == store.count(db, "stories") >= 1
    assert value(families, "newsbot_articles") == store.count(db, "articles")
    assert value(families, "newsbot_messages_sent", "newsbot_messages_sent_total") == sent
    assert value(families, "newsbot_telegram_429", "newsbot_telegram_429_total") == 0
    assert value(families, "newsbot_send_retries", "newsbot_send_retries_total") == 0
    assert value(families, "newsbot_send_failures", "newsbot_send_failures_total") == 0
    assert value(families, "newsbot_outbox_waiting") == 0
    assert value(families, "newsbot_outbox_oldest_age_seconds") == 0
    assert value(families, "newsbot_sender_up") == 1
    assert value(families, "newsbot_telegram_outage") == 0
    assert value(families, "newsbot_subscriptions_active") == 1
    active = len(store.list_sources(db, include_paused=False))  # the seed folder is one
    assert value(families, "newsbot_sources", state="active") == active == 4
    assert value(families, "newsbot_sources", state="failing") == 2
    last_poll = value(families, "newsbot_last_successful_poll_timestamp_seconds")
    assert abs(last_poll - now.timestamp()) < 600
    for kind in ("telegram_outage", "source_paused", "backlog"):
        assert value(families, "newsbot_incidents_open", kind=kind) == 0
    seconds = "newsbot_command_seconds"
    assert value(families, seconds, f"{seconds}_count", command="latest") == 1
    assert value(families, seconds, f"{seconds}_count", command="stats") == 1
    assert value(families, seconds, f"{seconds}_bucket", command="stats", le="+Inf") == 1
    assert value(families, seconds, f"{seconds}_sum", command="latest") > 0


async def test_outbox_depth_and_age_are_read_at_scrape_time(scraper: Scraper) -> None:
    db = scraper.db
    await digest_jobs.stop_delivery(scraper.app)  # nothing sends: the messages stay queued
    hours_ago = store.utcnow() - timedelta(hours=2)
    sub = store.save_subscription(db, READER, "private", now=hours_ago)
    store.enqueue_digest(db, sub, hours_ago, ["one", "two"], cutoff=hours_ago, now=hours_ago)

    families = await scraper.metrics()

    assert value(families, "newsbot_outbox_waiting") == 2
    assert 7200 <= value(families, "newsbot_outbox_oldest_age_seconds") < 7200 + 600
    assert value(families, "newsbot_sender_up") == 0


async def test_metrics_behind_a_token(settings: Settings) -> None:
    token = "a-long-metrics-token-123"
    async for scraper in scraper_for(replace(settings, metrics_token=token)):
        assert (await scraper.get("/metrics")).status_code == 401
        wrong = {"Authorization": "Bearer a-long-metrics-token-124"}
        assert (await scraper.get("/metrics", headers=wrong)).status_code == 401
        basic = {"Authorization": f"Basic {token}"}
        assert (await scraper.get("/metrics", headers=basic)).status_code == 401
        right = {"Authorization": f"Bearer {token}"}
        answer = await scraper.get("/metrics", headers=right)
        assert answer.status_code == 200 and "newsbot_sender_up 1.0" in answer.text
        assert (await scraper.get("/healthz")).status_code == 200  # probes need no token


async def test_two_applications_keep_their_own_metrics(settings: Settings, tmp_path: Path) -> None:
    one = build_application(settings, OfflineTelegram(), workers=1)
    two = build_application(
        replace(settings, database_path=tmp_path / "two.db"), OfflineTelegram(), workers=1
    )
    one.bot_data.metrics.webhook_refused.inc()
    assert one.bot_data.metrics.registry.get_sample_value("newsbot_webhook_refused_total") == 1
    assert two.bot_data.metrics.registry.get_sample_value("newsbot_webhook_refused_total") == 0


# --- /healthz --------------------------------------------------------------------------------


async def test_healthz_is_200_when_everything_works(scraper: Scraper) -> None:
    answer = await scraper.get("/healthz")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "polling": True,
        "sender": True,
    }
    assert body["checks"]["polling"]["detail"] == "no active source to poll"
    assert (await scraper.get("/healthz", headers={"Accept": "*/*"})).status_code == 200


async def test_healthz_is_503_when_the_database_is_read_only(scraper: Scraper) -> None:
    state = scraper.app.bot_data
    writable = state.db_
    assert writable is not None
    path = state.settings.database_path
    state.db_ = Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    try:
        answer = await scraper.get("/healthz")
    finally:
        assert state.db_ is not None
        state.db_.close()
        state.db_ = writable
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "failing"
    assert body["checks"]["database"] == {
        "ok": False,
        "detail": "not writable: attempt to write a readonly database",
    }
    assert body["checks"]["sender"]["ok"] is True
    assert (await scraper.get("/healthz")).status_code == 200  # and nothing was left behind
    assert "newsbot_write_check" not in scraper.db.table_names()


async def test_healthz_is_503_when_the_sender_stopped(scraper: Scraper) -> None:
    await digest_jobs.stop_delivery(scraper.app)
    answer = await scraper.get("/healthz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["sender"] == {"ok": False, "detail": "not running"}


async def test_healthz_polling_is_late_after_three_intervals_without_success(
    scraper: Scraper,
) -> None:
    db = scraper.db
    state = scraper.app.bot_data
    interval = state.settings.ingest_interval  # 900 s; the source's own interval is 900 too
    now = store.utcnow()
    source = store.add_source(db, "https://news.example/feed")
    store.update_source(
        db, source.id, last_ok=store.iso(now - timedelta(seconds=3 * interval + 60))
    )

    # Just started: the bot has not had its chance to poll yet.
    state.started_at = now
    answer = await scraper.get("/healthz")
    assert answer.status_code == 200
    assert answer.json()["checks"]["polling"]["detail"].startswith(
        "no successful poll since the start"
    )

    state.started_at = now - timedelta(days=1)
    answer = await scraper.get("/healthz")
    assert answer.status_code == 503
    polling = answer.json()["checks"]["polling"]
    assert polling["ok"] is False and f"allowed {3 * interval} s" in polling["detail"]

    store.update_source(db, source.id, last_ok=store.iso(now - timedelta(seconds=60)))
    assert (await scraper.get("/healthz")).status_code == 200

    # A paused source is not expected to poll; with no other, nothing is late.
    store.update_source(db, source.id, last_ok=None)
    store.set_paused(db, source.id, True, "paused by an admin")
    assert (await scraper.get("/healthz")).json()["checks"]["polling"]["ok"] is True


# --- fetch errors by kind --------------------------------------------------------------------


async def test_fetch_error_kinds_match_what_polls_really_report(
    db: Database, feed_server: FeedServer
) -> None:
    feed_server.add("/feed.xml", rss(1))
    cases = {
        "http_4xx": feed_server.add("/missing.xml", "no", status=404, content_type="text/plain"),
        "http_5xx": feed_server.add("/error.xml", "no", status=503, content_type="text/plain"),
        "parse": feed_server.add(
            "/page.html", "<html><body>x</body></html>", content_type="text/html"
        ),
        "connect": f"http://127.0.0.1:{closed_port()}/feed.xml",
    }
    sources = {kind: store.add_source(db, url) for kind, url in cases.items()}
    async with make_client(public_only=False, host_gap=0) as client:  # no wait between polls
        for kind, source in sources.items():
            result = await ingest.poll_source(db, client, source)
            assert result.status == "error"
            assert fetch_error_kind(result.error) == kind, result.error
    refused = store.add_source(db, feed_server.url("/feed.xml"))
    async with make_client(public_only=True) as client:
        result = await ingest.poll_source(db, client, refused)
    assert fetch_error_kind(result.error) == "refused_address", result.error


def closed_port() -> int:
    """Return a local port nothing listens on (taken from the system, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        ("timed out after 10 s", "timeout"),
        ("cannot resolve nowhere.invalid: Name or service not known", "dns"),
        ("too large: over 5,242,880 bytes", "too_large"),
        ("too many redirects", "redirects"),
        ("malformed feed: not well-formed (invalid token)", "parse"),
        ("internal error: ValueError: boom", "internal"),
        ("something new", "other"),
        (None, "other"),
    ],
)
def test_fetch_error_kind(error: str | None, kind: str) -> None:
    assert fetch_error_kind(error) == kind
    assert kind in {k for k, _ in FETCH_ERROR_KINDS} | {"other"}
