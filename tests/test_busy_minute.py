"""An operator's busiest minute: many digests due at once, through the real Application.

The Application runs with its JobQueue, sender, rate limiter and pacer in a WallClockLoop
(tests.support.simulate_days), against an offline Telegram enforcing the flood limits. Work
done on the event loop takes no simulated time by itself; where a test is about what that
work delays, it moves the clock by a fixed cost per digest (``COMPOSE_COST``), as a real
loop would spend it.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.app import build_application, running
from bot.config import Settings
from bot.offline import OfflineTelegram, too_many_requests
from bot.ratelimit import STOP_PATIENCE
from digests import delivery, store
from digests.models import ArticleIn
from tests.support import most_within, simulate_days

SLOT = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
START = SLOT - timedelta(seconds=5)  # the first ingestion (30 s after start) never comes
# What composing one digest costs the event loop (measured: 11-15 ms with ten stories).
COMPOSE_COST = 0.02


def add_stories(path: Path, count: int) -> None:
    db = store.open_db(path)
    published = SLOT - timedelta(hours=1)
    for n in range(count):
        title = f"Harbour works in town {n} reach the {n}th stage"
        source = store.add_source(db, f"https://s{n}.example/feed", now=published)
        saved = store.save_articles(
            db,
            source.id,
            [ArticleIn(f"https://s{n}.example/a", title, f"{title}. Details follow.", published)],
            now=published,
        )
        story = store.new_story(db, title, published)
        store.attach_to_story(db, saved.new_ids[0], story, published)
    db.close()


def subscribe(path: Path, offline: OfflineTelegram, chats: Sequence[int], kind: str) -> None:
    db = store.open_db(path)
    for chat in chats:
        offline.add_chat(chat, kind)
        store.save_subscription(db, chat, kind, now=SLOT - timedelta(days=2), time="08:00")
    db.close()


def test_commands_and_deliveries_go_on_while_a_minutes_digests_are_composed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bot.db"
    offline = OfflineTelegram(enforce_limits=True, clock=time.time)
    subscribers = list(range(10_001, 10_151))
    channels = [-1_001_000_000_001 - n for n in range(5)]
    asker = 777
    add_stories(path, 6)
    subscribe(path, offline, subscribers, "private")
    subscribe(path, offline, channels, "channel")
    offline.add_chat(asker, "private")
    composed: list[float] = []
    compose = delivery.enqueue_subscription

    def costly(*args: Any, **kwargs: Any) -> int:
        written = compose(*args, **kwargs)
        if datetime.now(UTC) >= SLOT:  # the 08:00 digests, not the catch-up at start
            asyncio.get_running_loop().advance(COMPOSE_COST)  # type: ignore[attr-defined]
            composed.append(time.time())
        return written

    monkeypatch.setattr(delivery, "enqueue_subscription", costly)
    due = set(subscribers) | set(channels)

    async def scenario() -> tuple[float, float]:
        app = build_application(Settings(token="123:ABC", database_path=path), offline, workers=1)
        async with running(app):
            await asyncio.sleep((SLOT - datetime.now(UTC)).total_seconds() + 0.5)
            asked = SLOT.timestamp() + 0.5  # a user types /latest half a second in
            offline.user_message("/latest", user_id=asker, username=None)
            await app.update_queue.put(Update.de_json(offline.next_update_dict(), app.bot))
            for _ in range(120):
                if len({m.chat_id for m in offline.sent() if m.chat_id in due}) == len(due):
                    break
                await asyncio.sleep(1.0)
            await asyncio.sleep(5.0)  # nothing more comes
            return asked, SLOT.timestamp()

    asked, slot = simulate_days(scenario(), START)

    sends = offline.calls_to("sendMessage")
    delivered = [c for c in sends if c.status == 200 and c.chat_id in due]
    assert Counter(c.chat_id for c in delivered) == Counter(due)  # each exactly once
    assert len(composed) == len(due)
    # Composing took 3.1 s of the loop; the reply and the first digests did not wait for it.
    [reply] = [c for c in sends if c.chat_id == asker]
    assert reply.status == 200 and "Latest" in (offline.last_text(asker))
    assert reply.timestamp - asked < 0.5
    assert min(c.timestamp for c in delivered) - slot < 0.5
    # 155 messages at 30 per 1.02 s take 5.3 s, and composing 3.1 s: they overlapped (one
    # after the other, as before, the last digest left at 8.4 s; sends slow down a little
    # while the loop composes, as each waits for the digest under way).
    assert max(c.timestamp for c in delivered) - slot < 7.9
    assert most_within([c.timestamp for c in sends if c.status == 200], 1.0) <= 30
    assert all(c.status == 200 for c in sends)


def test_digests_missed_while_down_are_written_after_the_start_while_the_bot_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot was down at 08:00 and starts at 08:10: the 60 missed digests (within the
    grace) are composed one a turn after the start, so a /latest typed a tenth of a second
    in is answered at once, not after 1.2 s of composing; each digest still goes out once."""
    path = tmp_path / "bot.db"
    offline = OfflineTelegram(enforce_limits=True, clock=time.time)
    subscribers = list(range(30_001, 30_061))
    asker = 777
    add_stories(path, 6)
    subscribe(path, offline, subscribers, "private")
    offline.add_chat(asker, "private")
    compose = delivery.enqueue_subscription

    def costly(*args: Any, **kwargs: Any) -> int:
        asyncio.get_running_loop().advance(COMPOSE_COST)  # type: ignore[attr-defined]
        return compose(*args, **kwargs)

    monkeypatch.setattr(delivery, "enqueue_subscription", costly)
    start = SLOT + timedelta(minutes=10)

    async def scenario() -> float:
        started = time.time()
        app = build_application(Settings(token="123:ABC", database_path=path), offline, workers=1)
        async with running(app):
            await asyncio.sleep(max(0.0, started + 0.1 - time.time()))
            asked = started + 0.1  # as typed; the bot reads it once it is up
            offline.user_message("/latest", user_id=asker, username=None)
            await app.update_queue.put(Update.de_json(offline.next_update_dict(), app.bot))
            catching_up = app.bot_data.catch_up_task
            assert catching_up is not None
            assert await catching_up == len(subscribers)
            await asyncio.sleep(5.0)  # the sender sends them all
            return asked

    asked = simulate_days(scenario(), start)

    sends = offline.calls_to("sendMessage")
    delivered = [c for c in sends if c.status == 200 and c.chat_id in subscribers]
    assert Counter(c.chat_id for c in delivered) == Counter(subscribers)  # each exactly once
    [reply] = [c for c in sends if c.chat_id == asker]
    assert reply.status == 200 and "Latest" in offline.last_text(asker)
    assert reply.timestamp - asked < 0.5


def test_a_stop_during_a_long_429_pause_is_prompt_and_the_restart_sends_each_digest_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "bot.db"
    offline = OfflineTelegram(enforce_limits=True, clock=time.time)
    subscribers = list(range(20_001, 20_041))
    subscribe(path, offline, subscribers, "private")
    db = store.open_db(path)
    for sub in store.list_subscriptions(db):
        store.enqueue_digest(db, sub, SLOT, [f"Digest for {sub.chat_id}"], cutoff=SLOT, now=SLOT)
    db.close()
    # Telegram answers the first three sends "retry after 35": every chat pauses 35 s.
    offline.fail("sendMessage", error=too_many_requests(35), times=3)
    settings = Settings(token="123:ABC", database_path=path)
    asker = 777
    offline.add_chat(asker, "private")

    async def scenario() -> tuple[float, int, float, float]:
        app = build_application(settings, offline, workers=1)
        async with running(app):
            await asyncio.sleep(1.0)
            # A user asks for /latest: the reply waits for the pause to end.
            offline.user_message("/latest", user_id=asker, username=None)
            await app.update_queue.put(Update.de_json(offline.next_update_dict(), app.bot))
            await asyncio.sleep(1.0)
            stopping = time.time()
            first_429 = offline.calls_to("sendMessage")[0].timestamp
        stopped = time.time() - stopping
        before = len(offline.sent())
        restarted = time.time()
        app = build_application(settings, offline, workers=1)
        async with running(app):
            for _ in range(120):
                if len(offline.sent()) == len(subscribers):
                    break
                await asyncio.sleep(1.0)
        return stopped, before, restarted, first_429

    with caplog.at_level("WARNING"):
        stopped, before, restarted, first_429 = simulate_days(scenario(), SLOT)

    assert before == 0  # paused: nothing went before the stop
    # Waiting for a turn is not a request under way: the digests' workers stopped at once,
    # the reply gave up STOP_PATIENCE later (before, the stop waited 10 s for the sender,
    # then cancelled it, and the reply held it until the pause's end).
    assert stopped < STOP_PATIENCE + 0.5
    assert offline.sent(asker) == []
    assert "did not stop" not in caplog.text
    assert Counter(m.chat_id for m in offline.sent()) == Counter(subscribers)
    calls = offline.calls_to("sendMessage")
    refused = {c.chat_id for c in calls if c.status == 429}
    assert len(refused) == 3
    # The pause every chat was in outlasts the restart (kept in the database: before, the
    # others went at once after it, into the same flood limit); then they went at full
    # speed, and the three refused ones when their 35 s were up (before, a stop cancelled
    # waiting workers as failures: 60 s more).
    others = [c.timestamp for c in calls if c.status == 200 and c.chat_id not in refused]
    assert restarted - first_429 < 35.0
    assert min(others) - first_429 >= 35.0
    assert max(others) - first_429 < 35.0 + 37 / 30 * 1.02 + 1.0
    again = [c.timestamp - first_429 for c in calls if c.status == 200 and c.chat_id in refused]
    assert all(35.0 <= t < 37.0 for t in again)


def test_groups_long_digests_keep_their_pace_beside_a_private_broadcast(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    offline = OfflineTelegram(enforce_limits=True, clock=time.time)
    groups = [-5001 - n for n in range(10)]
    privates = list(range(30_001, 30_601))
    parts = 8
    subscribe(path, offline, groups, "group")
    subscribe(path, offline, privates, "private")
    db = store.open_db(path)
    for sub in store.list_subscriptions(db):
        count = parts if sub.chat_type == "group" else 1
        texts = [f"{sub.chat_id} part {n + 1}/{count}" for n in range(count)]
        store.enqueue_digest(db, sub, SLOT, texts, cutoff=SLOT, now=SLOT)
    db.close()

    async def scenario() -> float:
        app = build_application(Settings(token="123:ABC", database_path=path), offline, workers=1)
        async with running(app):
            started = time.time()
            for _ in range(120):
                if len(offline.sent()) == len(groups) * parts + len(privates):
                    break
                await asyncio.sleep(1.0)
        return started

    started = simulate_days(scenario(), SLOT)

    calls = offline.calls_to("sendMessage")
    assert all(c.status == 200 for c in calls)
    for chat in groups:  # every part once, in order, 20 a minute at most
        assert [m.text for m in offline.sent(chat)] == [
            f"{chat} part {n + 1}/{parts}" for n in range(parts)
        ]
        assert most_within([c.timestamp for c in calls if c.chat_id == chat], 60.0) <= 20
    assert most_within([c.timestamp for c in calls], 1.0) <= 30
    # A group's eight parts need 7 x 3.06 s = 21.4 s, the 680 messages 23.1 s at 30 per
    # 1.02 s: the groups' parts went near their own pace beside the broadcast, each waiting
    # at most for the 16 calls ahead of it (before, each part queued behind the private
    # chats' digests: the last one left at 36.7 s).
    last_part = max(c.timestamp for c in calls if c.chat_id in groups) - started
    assert last_part < 26.5
    assert max(c.timestamp for c in calls) - started < 27.0


def test_a_chats_flood_hold_outlasts_a_restart_and_ends_when_telegram_said(
    tmp_path: Path,
) -> None:
    """A 429 "retry after 30" for a reply, then a restart: the new Application sends nothing to
    that chat before the 30 s are up (before, the hold lived in memory and the first reply after
    the start went at once, into the same 429); an expired hold is dropped at the next start."""
    path = tmp_path / "bot.db"
    offline = OfflineTelegram(enforce_limits=True, clock=time.time)
    asker, other = 777, 778
    offline.add_chat(asker, "private")
    offline.add_chat(other, "private")
    offline.fail("sendMessage", error=too_many_requests(30), times=1)
    settings = Settings(token="123:ABC", database_path=path)

    async def ask(app: Any, user: int) -> None:
        offline.user_message("/sources", user_id=user, username=None)
        await app.update_queue.put(Update.de_json(offline.next_update_dict(), app.bot))

    async def scenario() -> tuple[float, float]:
        app = build_application(settings, offline, workers=1)
        async with running(app):
            await ask(app, asker)
            await asyncio.sleep(1.0)
        [refused] = offline.calls_to("sendMessage")
        assert refused.status == 429 and refused.chat_id == asker
        app = build_application(settings, offline, workers=1)
        async with running(app):
            await asyncio.sleep(1.0)
            restarted = time.time()
            await ask(app, other)  # another chat is not held
            await ask(app, asker)
            await asyncio.sleep(40.0)
        app = build_application(settings, offline, workers=1)
        async with running(app):  # the hold is over: dropped
            await asyncio.sleep(0.5)
            db = store.open_db(path)
            assert list(db.query("select * from flood_holds")) == []
            db.close()
        return refused.timestamp, restarted

    refused_at, restarted = simulate_days(scenario(), SLOT)

    calls = offline.calls_to("sendMessage")
    [answered] = [c for c in calls if c.chat_id == other]
    assert answered.status == 200 and answered.timestamp - restarted < 1.0
    replies = [c for c in calls if c.chat_id == asker and c.timestamp > restarted]
    assert [c.status for c in replies] == [200]
    assert 30.0 <= replies[0].timestamp - refused_at < 31.5
