"""Timed digests over the real Application's clock: late timers, failed jobs, days in a row.

The Application runs in a WallClockLoop (tests.support.simulate_days) against the offline
Telegram, so its JobQueue fires digest jobs at the simulated wall clock's slots. A stall of
the event loop (a long synchronous pass, a suspended host) is the loop's clock moved forward
by hand while nothing else runs, as a real loop would find it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, running
from bot.config import Settings
from bot.offline import OfflineTelegram
from bot.state import App
from digests import delivery, store
from digests.models import ArticleIn
from tests.support import simulate_days

SLOT = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
CHAT = 1


def prepare(path: Path, offline: OfflineTelegram) -> None:
    """A subscriber to 08:00 UTC digests, subscribed two days ago, and a story of an hour ago."""
    db = store.open_db(path)
    store.save_subscription(db, CHAT, "private", now=SLOT - timedelta(days=2), time="08:00")
    add_story(db, "Harbour works reach the second stage", SLOT - timedelta(hours=1))
    db.close()
    offline.add_chat(CHAT, "private")


def add_story(db: Any, title: str, published: datetime) -> None:
    saved = store.save_articles(
        db,
        None,
        [ArticleIn(f"https://n.example/{abs(hash(title))}", title, f"{title}. More.", published)],
        now=published,
    )
    story = store.new_story(db, title, published)
    store.attach_to_story(db, saved.new_ids[0], story, published)


def next_digest(app: App) -> datetime | None:
    assert app.job_queue is not None
    jobs = [j for j in app.job_queue.jobs() if (j.name or "").startswith("digest:")]
    assert len(jobs) <= 1
    return jobs[0].next_t if jobs else None


def run_past_the_slot(
    path: Path, offline: OfflineTelegram, before_slot: Callable[[App], None] | None = None
) -> datetime | None:
    """Run the bot from a minute before the slot to a minute after; return its next digest."""

    async def scenario() -> datetime | None:
        app = build_application(Settings(token="123:ABC", database_path=path), offline, workers=1)
        async with running(app):
            for source in store.list_sources(app.bot_data.db):  # no polling of the seeds
                store.set_paused(app.bot_data.db, source.id, True)
            if before_slot is not None:
                before_slot(app)
            await asyncio.sleep((SLOT - datetime.now(UTC)).total_seconds() + 60)
            sender = app.bot_data.sender
            assert sender is not None
            await sender.drain()
            return next_digest(app)

    return simulate_days(scenario(), SLOT - timedelta(minutes=1))


def digest_times(offline: OfflineTelegram) -> list[datetime]:
    return [
        datetime.fromtimestamp(c.timestamp, UTC)
        for c in offline.calls_to("sendMessage")
        if c.chat_id == CHAT and c.status == 200
    ]


def test_a_digest_whose_timer_fires_seconds_late_is_sent_and_the_next_scheduled(
    tmp_path: Path,
) -> None:
    """The event loop is busy (or the host suspended) for 3 s across 08:00: the timer fires
    late. The digest goes out once, late, and tomorrow's is scheduled; the scheduler used to
    drop a one-off job more than a second late, and with it every later digest of the chat."""
    path = tmp_path / "bot.db"
    offline = OfflineTelegram(clock=time.time)
    prepare(path, offline)

    def stall_across_the_slot(app: App) -> None:
        loop = asyncio.get_running_loop()
        due = (SLOT - datetime.now(UTC)).total_seconds()
        loop.call_at(loop.time() + due - 0.2, loop.advance, 3.0)  # type: ignore[attr-defined]

    following = run_past_the_slot(path, offline, stall_across_the_slot)

    [sent] = digest_times(offline)
    assert SLOT < sent < SLOT + timedelta(seconds=10)
    assert "Harbour works reach the second stage" in offline.last_text(CHAT)
    assert following == SLOT + timedelta(days=1)


def test_a_digest_job_that_fails_still_schedules_the_next_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Writing the 08:00 digest fails (the database locked by another process, a bug): the
    error is reported, and tomorrow's digest is scheduled all the same, instead of none
    until the next start."""
    path = tmp_path / "bot.db"
    offline = OfflineTelegram(clock=time.time)
    prepare(path, offline)
    compose = delivery.enqueue_subscription

    def failing(*args: Any, **kwargs: Any) -> int:
        if datetime.now(UTC) >= SLOT:  # the job at 08:00, not the catch-up at the start
            raise RuntimeError("database is locked")
        return compose(*args, **kwargs)

    monkeypatch.setattr(delivery, "enqueue_subscription", failing)

    following = run_past_the_slot(path, offline)

    assert digest_times(offline) == []
    assert "database is locked" in caplog.text
    assert following == SLOT + timedelta(days=1)
