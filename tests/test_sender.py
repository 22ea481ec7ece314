"""The outbox sender through the offline Telegram: exact counts, order, pacing, failures, crashes.

Every run is simulated (tests.support.simulate): sleeps, back-offs and the offline flood limits
share one clock, so pacing is checked without real waiting. Pacing is checked as the limits
Telegram states, measured on the times the offline Telegram recorded.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from telegram import Bot
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.request import HTTPXRequest, RequestData

from bot.offline import (
    ApiCall,
    Failure,
    OfflineTelegram,
    bad_request,
    chat_not_found,
    forbidden_blocked,
    server_error,
    timeout,
    too_many_requests,
)
from bot.pacer import GROUP_INTERVAL, MARGIN, OVERALL_PER_SECOND, PRIVATE_INTERVAL, Pacer
from bot.sender import (
    MAX_OUTAGE_PAUSE,
    OUTAGE_PAUSE,
    RETRY_FOR,
    DrainResult,
    Sender,
    sent_nothing,
)
from digests import store
from digests.models import OutboxMessage, Subscription
from tests.feedserver import FeedServer, Reply
from tests.feedserver import feed_server as feed_server_fixture  # noqa: F401
from tests.support import (
    EPOCH,
    SLACK,
    T0,
    OfflineRelay,
    closest,
    loop_clock,
    most_within,
    simulate,
    unix_now,
    utc_now,
)

ROOT = Path(__file__).resolve().parent.parent
# What the pacer promises, with its margin: Telegram's limits stretched by 2 %.
PRIVATE_APART = PRIVATE_INTERVAL * (1 + MARGIN)  # one private chat: 1.02 s apart
GROUP_MINUTE = 60.0 * (1 + MARGIN)  # one group or channel: <= 20 in any 61.2 s
OVERALL_WINDOW = 1.0 * (1 + MARGIN)  # every chat: <= 30 in any 1.02 s


def offline_server(**kw: Any) -> OfflineTelegram:
    return OfflineTelegram(clock=unix_now, **kw)


@asynccontextmanager
async def connected(offline: OfflineTelegram) -> AsyncIterator[Bot]:
    bot = Bot(offline.token, request=offline, get_updates_request=offline)
    await bot.initialize()
    try:
        yield bot
    finally:
        await bot.shutdown()


def subscribe(
    db: Database, offline: OfflineTelegram | None, chat_id: int, kind: str
) -> Subscription:
    if offline is not None:
        offline.add_chat(chat_id, kind, title=None if kind == "private" else f"Chat {chat_id}")
    return store.save_subscription(db, chat_id, kind, now=T0 - timedelta(days=1))


def enqueue(db: Database, sub: Subscription, parts: int, slot: datetime = T0) -> list[str]:
    texts = [
        f"<b>Digest for {sub.chat_id}</b> at {slot:%H:%M}, part {n + 1}/{parts}"
        for n in range(parts)
    ]
    store.enqueue_digest(db, sub, slot, texts, cutoff=slot, now=T0)
    return texts


def texts_to(offline: OfflineTelegram, chat_id: int) -> list[str]:
    return [m.text or "" for m in offline.sent(chat_id)]


def send_times(offline: OfflineTelegram, chat_id: int | None = None) -> list[float]:
    return [
        c.timestamp - EPOCH
        for c in offline.calls_to("sendMessage")
        if c.status == 200 and (chat_id is None or c.chat_id == chat_id)
    ]


def statuses(db: Database) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in db.query("select status from outbox"):
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return counts


async def drain(offline: OfflineTelegram, db: Database, **kw: Any) -> DrainResult:
    async with connected(offline) as bot:
        return await Sender(bot, db, clock=utc_now, **kw).drain()


def test_every_part_reaches_every_chat_once_in_order(db: Database) -> None:
    offline = offline_server()
    chats = [(1000 + i, "private") for i in range(10)]
    chats += [(-100 - i, "group") for i in range(4)]
    chats += [(-1001000 - i, "supergroup") for i in range(3)]
    chats += [(-1002000 - i, "channel") for i in range(3)]
    expected = {chat: enqueue(db, subscribe(db, offline, chat, kind), 3) for chat, kind in chats}

    result = simulate(drain(offline, db))

    assert result == DrainResult(sent=60)
    assert {chat: texts_to(offline, chat) for chat, _ in chats} == expected
    assert statuses(db) == {"sent": 60}
    assert simulate(drain(offline, db)) == DrainResult()  # nothing twice


def test_two_digests_to_one_chat_do_not_interleave(db: Database) -> None:
    offline = offline_server()
    sub = subscribe(db, offline, 7, "private")
    first = enqueue(db, sub, 3, T0 - timedelta(hours=1))
    second = enqueue(db, sub, 2, T0)
    simulate(drain(offline, db))
    assert texts_to(offline, 7) == first + second


def test_pacing_per_private_chat_per_group_and_overall(db: Database) -> None:
    offline = offline_server(enforce_limits=True)
    subscribe_and_fill = [(2000, "private", 4), (-2000, "group", 25), (-1003000, "channel", 3)]
    for chat, kind, parts in subscribe_and_fill:
        enqueue(db, subscribe(db, offline, chat, kind), parts)
    for i in range(90):
        enqueue(db, subscribe(db, offline, 3000 + i, "private"), 1)

    result = simulate(drain(offline, db))

    assert result.sent == 4 + 25 + 3 + 90 and result.rate_limited == 0
    assert all(c.status == 200 for c in offline.calls_to("sendMessage"))
    private, group, channel = (send_times(offline, c) for c in (2000, -2000, -1003000))
    assert closest(private) >= PRIVATE_APART - SLACK
    assert most_within(group, GROUP_MINUTE) == 20 and most_within(channel, GROUP_MINUTE) <= 20
    assert most_within(send_times(offline), OVERALL_WINDOW) == 30
    # No slower than the limits need: the 25-part group takes its 24 x 3.06 s, plus at most a
    # second of queueing behind the other chats for the overall budget.
    assert group[-1] - group[0] < 24 * GROUP_INTERVAL * (1 + MARGIN) + 1.0


@pytest.mark.parametrize(
    ("failure", "given_back"),
    [
        (forbidden_blocked(), True),
        (chat_not_found(), True),
        (server_error(502), True),
        (server_error(500), True),
        (too_many_requests(1), True),
        (timeout(), False),
        (server_error(504), False),
    ],
    ids=["403", "400-chat-not-found", "502", "500", "429", "timeout", "504"],
)
def test_only_answers_that_sent_nothing_give_the_budget_back(
    db: Database, failure: Failure, given_back: bool
) -> None:
    offline = offline_server(enforce_limits=True)
    chats = range(500, 540)
    for chat in chats:
        enqueue(db, subscribe(db, offline, chat, "private"), 1)
        offline.fail("sendMessage", chat_id=chat, error=failure)

    # A pacer whose window is stretched to 2 s: 30 counted requests per 2 s. Forty chats
    # failing at once would look like an outage of Telegram: that detection is off here.
    result = simulate(drain(offline, db, pacer=Pacer(margin=1.0), outage_chats=1000))

    calls = offline.calls_to("sendMessage")
    gone = failure.status in (400, 403)
    if gone:
        assert result == DrainResult(deactivated=40)
    else:  # retried after its back-off or retry_after, then sent
        assert result.sent == 40 and result.failed == 0
        assert result.rate_limited == (40 if failure.status == 429 else 0)
    firsts: dict[object, ApiCall] = {}
    for call in calls:
        firsts.setdefault(call.chat_id, call)
    assert len(firsts) == 40 and all(c.status != 200 for c in firsts.values())  # all refused
    first = [c.timestamp - EPOCH for c in firsts.values()]  # each chat's first try, in order
    if failure.status == 429:
        # Given back: the three go sooner than three counted sends could; but three 429s
        # that the chats' limits cannot explain within a second pause every chat for the
        # retry_after (1 s).
        assert first[2] - first[0] < 2 / OVERALL_PER_SECOND
        assert not [t for t in first if first[2] < t < first[2] + 1.0 - SLACK]
    elif given_back:  # each refused request's place goes to the next: none fills the window
        assert max(first) < first[0] + 2.0
    else:  # counted: the first 30 fill the window, the 31st request waits for it
        assert most_within(first, 2.0) == 30 and first[30] >= first[0] + 2.0 - SLACK
    # The offline server's limits were never crossed: every 429 is an injected one.
    assert sum(c.status == 429 for c in calls) == (40 if failure.status == 429 else 0)


def test_sent_nothing_tells_telegram_answers_from_lost_requests(feed_server: FeedServer) -> None:
    """Through PTB's real HTTP transport: error answers sent nothing, lost requests may have."""
    token = "123:ABC"
    json_500 = b'{"ok": false, "error_code": 500, "description": "Internal Server Error"}'
    replies = {
        "json-500": Reply(500, json_500, {"Content-Type": "application/json"}),
        "html-502": Reply(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"}),
        "html-504": Reply(504, b"<html>Gateway Timeout</html>", {"Content-Type": "text/html"}),
    }
    with socket.socket() as probe:  # a port nobody listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/"

    async def error_from(base: str) -> TelegramError:
        bot = Bot(token, base_url=base, request=HTTPXRequest(connect_timeout=2, read_timeout=2))
        with pytest.raises(TelegramError) as raised:
            await bot.send_message(1, "hello")
        await bot.shutdown()
        return raised.value

    async def scenario() -> dict[str, TelegramError]:
        errors = {}
        for name, reply in replies.items():
            feed_server.route(f"/{name}/{token}/sendMessage", reply)
            errors[name] = await error_from(feed_server.url(f"/{name}/"))
        errors["refused"] = await error_from(closed)
        return errors

    errors = asyncio.run(scenario())
    assert sent_nothing(errors["json-500"]) and sent_nothing(errors["html-502"])
    assert not sent_nothing(errors["html-504"])  # a proxy gave up: Telegram may have sent it
    assert not sent_nothing(errors["refused"])
    assert all(isinstance(e, NetworkError) for e in errors.values())


def test_offline_flood_limits_count_messages_sent_not_refused_requests() -> None:
    offline = offline_server(enforce_limits=True)
    for chat in range(600, 641):
        offline.add_chat(chat, "private")
    for chat in range(630, 640):
        offline.block_bot(chat)

    async def scenario() -> None:
        async with connected(offline) as bot:
            for chat in range(630, 640):  # ten 403s, all in the same instant
                with pytest.raises(Forbidden):
                    await bot.send_message(chat, "hello")
            for chat in range(600, 630):  # thirty messages: the 403s used none of the 30/s
                await bot.send_message(chat, "hello")
            with pytest.raises(RetryAfter):
                await bot.send_message(640, "hello")  # the 31st message in the second
            await asyncio.sleep(1.0)
            await bot.send_message(640, "hello")

    simulate(scenario())
    assert len(offline.sent()) == 31


class StallingRequest(OfflineRelay):
    """Forward to an OfflineTelegram; answers to requests made in [1.0, 1.5) s come back 1 s late."""

    async def forward(
        self, url: str, method: str, request_data: RequestData | None
    ) -> tuple[int, bytes]:
        sent_at = loop_clock()
        answer = await super().forward(url, method, request_data)
        if 1.0 <= sent_at < 1.5:
            await asyncio.sleep(1.0)
        return answer


def test_a_stall_in_telegrams_answers_does_not_bring_a_burst(db: Database) -> None:
    offline = offline_server(enforce_limits=True)
    for chat in range(700, 820):
        enqueue(db, subscribe(db, offline, chat, "private"), 1)
    request = StallingRequest(offline)

    async def scenario() -> DrainResult:
        bot = Bot(offline.token, request=request, get_updates_request=request)
        await bot.initialize()
        try:
            return await Sender(bot, db, clock=utc_now, concurrency=8).drain()
        finally:
            await bot.shutdown()

    result = simulate(scenario())

    # Sends queued behind the stalled calls are paced when the calls come back, not let go
    # at once on slots counted while they waited.
    assert result == DrainResult(sent=120)
    assert most_within(send_times(offline), OVERALL_WINDOW) <= 30


def test_429_waits_retry_after_then_delivers_once(db: Database) -> None:
    offline = offline_server()
    for chat in (11, 12, 13):
        enqueue(db, subscribe(db, offline, chat, "private"), 2)
    offline.fail("sendMessage", chat_id=12, times=2, error=too_many_requests(5))

    result = simulate(drain(offline, db))

    assert result.sent == 6 and result.rate_limited == 2 and result.failed == 0
    assert [len(texts_to(offline, c)) for c in (11, 12, 13)] == [2, 2, 2]
    refused = [c.timestamp - EPOCH for c in offline.calls_to("sendMessage") if c.status == 429]
    first_ok_after = min(t for t in send_times(offline, 12) if t > refused[-1])
    assert first_ok_after - refused[-1] >= 5.0
    # A lone 429 holds only its chat: the others go on meanwhile.
    others = send_times(offline, 11) + send_times(offline, 13)
    assert [t for t in others if refused[0] < t < refused[0] + 5.0]


def test_a_digest_whose_chat_unsubscribed_during_a_429_is_not_sent(db: Database) -> None:
    """/unsubscribe while the digest waited out a 429 gave its rows up, but the sender then
    sent the part it had read before the wait: a digest after "You are unsubscribed"."""
    offline = offline_server()
    sub = subscribe(db, offline, 12, "private")
    enqueue(db, sub, 2)
    offline.fail("sendMessage", chat_id=12, error=too_many_requests(30))

    async def scenario() -> DrainResult:
        async with connected(offline) as bot:
            drained = asyncio.ensure_future(Sender(bot, db, clock=utc_now).drain())
            await asyncio.sleep(5.0)  # simulated: the 429 came, its 30 s are being waited out
            store.deactivate_subscription(db, 12, store.UNSUBSCRIBED)
            return await drained

    result = simulate(scenario())

    assert [c.status for c in offline.calls_to("sendMessage")] == [429]
    assert texts_to(offline, 12) == [] and result.sent == 0


def test_a_cluster_of_429s_pauses_every_chat(db: Database) -> None:
    offline = offline_server()
    for chat in range(41, 47):
        enqueue(db, subscribe(db, offline, chat, "private"), 1)
    for chat in (41, 42, 43):
        offline.fail("sendMessage", chat_id=chat, times=1, error=too_many_requests(5))

    result = simulate(drain(offline, db))

    assert result.sent == 6 and result.rate_limited == 3
    refused = sorted(
        c.timestamp - EPOCH for c in offline.calls_to("sendMessage") if c.status == 429
    )
    assert refused[-1] - refused[0] < 1.0
    # The third 429 within a second means the bot as a whole is limited: nobody sends for 5 s.
    assert not [t for t in send_times(offline) if refused[-1] < t < refused[-1] + 5.0]


def test_5xx_and_timeouts_are_retried_with_backoff(db: Database) -> None:
    offline = offline_server()
    texts = {chat: enqueue(db, subscribe(db, offline, chat, "private"), 3) for chat in (21, 22, 23)}
    offline.fail("sendMessage", chat_id=21, times=3, error=server_error(502))
    offline.fail("sendMessage", chat_id=22, times=2, error=timeout())
    offline.fail("sendMessage", chat_id=23, times=1, error=server_error(500))

    result = simulate(drain(offline, db))

    assert result == DrainResult(sent=9, retried=6)
    assert {chat: texts_to(offline, chat) for chat in texts} == texts
    tries = [c.timestamp - EPOCH for c in offline.calls_to("sendMessage") if c.chat_id == 21]
    gaps = [b - a for a, b in itertools.pairwise(tries)][:3]
    assert gaps[0] >= 2.0 and gaps[1] >= 4.0 and gaps[2] >= 8.0  # exponential back-off
    attempts = {
        r["part"]: r["attempts"] for r in db.query("select * from outbox where chat_id = 21")
    }
    assert attempts == {0: 4, 1: 1, 2: 1}


def test_an_outage_of_telegram_pauses_every_chat_and_costs_no_attempts(db: Database) -> None:
    offline = offline_server()
    chats = range(700, 740)
    texts = {chat: enqueue(db, subscribe(db, offline, chat, "private"), 1) for chat in chats}
    offline.fail("sendMessage", error=server_error(502), times=None)  # every chat, for 15 min
    failures: list[BaseException] = []

    async def outage_then_drain() -> DrainResult:
        async def recover() -> None:
            await asyncio.sleep(900)
            offline.clear_failures()

        healing = asyncio.create_task(recover())
        result = await drain(
            offline, db, max_attempts=3, on_failure=lambda r, e: failures.append(e)
        )
        await healing
        return result

    result = simulate(outage_then_drain())

    # Without the pause all 40 would be given up after 3 attempts within a minute.
    assert result.sent == 40 and result.failed == 0 and failures == []
    assert result.outages == 1
    assert {chat: texts_to(offline, chat) for chat in chats} == texts
    calls = offline.calls_to("sendMessage")
    during = [c for c in calls if c.status != 200]
    # Eight chats fail, then one probe per pause: 5, 10, 20, ... 300 s (not 40 chats x 3 tries).
    assert len(during) <= 8 + 10
    probes = [c.timestamp - EPOCH for c in during[8:]]
    gaps = [b - a for a, b in itertools.pairwise(probes)]
    # Each failed probe doubles the pause, from 5 s up to 5 min.
    doubling = [min(MAX_OUTAGE_PAUSE, OUTAGE_PAUSE * 2**n) for n in range(1, len(gaps) + 1)]
    assert len(gaps) >= 5 and gaps == pytest.approx(doubling, abs=0.1)
    # The first probe after Telegram recovered (900 s) succeeds: no later than a pause on.
    first_ok = min(c.timestamp for c in calls if c.status == 200) - EPOCH
    assert 900.0 <= first_ok <= probes[-1] + MAX_OUTAGE_PAUSE + 0.1
    attempts = [r["attempts"] for r in db.query("select attempts from outbox")]
    assert sum(attempts) == len(calls)  # the outbox records every call made


def test_one_failing_chat_is_not_an_outage(db: Database) -> None:
    offline = offline_server()
    texts = {chat: enqueue(db, subscribe(db, offline, chat, "private"), 2) for chat in (751, 752)}
    offline.fail("sendMessage", chat_id=751, error=server_error(502), times=None)

    result = simulate(drain(offline, db, max_attempts=6, retry_for=0))

    assert result.outages == 0 and result.failed == 1
    assert texts_to(offline, 752) == texts[752]
    first, second = send_times(offline, 752)
    assert second - first == pytest.approx(PRIVATE_APART)  # its own limit only: never paused


def test_a_small_bot_keeps_its_digests_through_an_outage_it_cannot_recognise(
    db: Database,
) -> None:
    # Two chats are too few to tell an outage (OUTAGE_CHATS fail in a row): each message
    # backs off on its own, and none is given up while it is younger than RETRY_FOR.
    offline = offline_server()
    texts = {chat: enqueue(db, subscribe(db, offline, chat, "private"), 2) for chat in (41, 42)}
    offline.fail("sendMessage", error=server_error(502), times=None)
    failures: list[BaseException] = []

    async def outage_of_40_minutes() -> DrainResult:
        async with connected(offline) as bot:
            sender = Sender(bot, db, clock=utc_now, on_failure=lambda r, e: failures.append(e))
            stop = asyncio.Event()
            running = asyncio.create_task(sender.run_forever(stop))
            await asyncio.sleep(40 * 60)
            offline.clear_failures()
            await asyncio.sleep(10 * 60)
            stop.set()
            await running
            return sender.totals

    totals = simulate(outage_of_40_minutes())

    assert failures == [] and totals.failed == 0 and totals.outages == 0
    assert {chat: texts_to(offline, chat) for chat in (41, 42)} == texts
    # Tried again every few minutes at most (max_backoff), not hammered.
    assert len([c for c in offline.calls_to("sendMessage") if c.status != 200]) < 2 * 20


def test_a_message_failing_for_longer_than_retry_for_is_given_up(db: Database) -> None:
    offline = offline_server()
    enqueue(db, subscribe(db, offline, 43, "private"), 1)
    offline.fail("sendMessage", chat_id=43, error=server_error(503), times=None)
    failures: list[BaseException] = []
    stop = asyncio.Event()

    def given_up(row: OutboxMessage, error: BaseException) -> None:
        failures.append(error)
        stop.set()

    async def for_ever() -> float:
        async with connected(offline) as bot:
            await Sender(bot, db, clock=utc_now, on_failure=given_up).run_forever(stop)
            return (utc_now() - T0).total_seconds()

    given_up_after = simulate(for_ever())

    assert len(failures) == 1
    assert RETRY_FOR <= given_up_after <= RETRY_FOR + 6 * 60
    [row] = db.query("select status, attempts from outbox where chat_id = 43")
    assert row["status"] == "failed" and row["attempts"] <= RETRY_FOR / 300 + 10


def test_gives_up_after_max_attempts_and_reports(db: Database) -> None:
    offline = offline_server()
    enqueue(db, subscribe(db, offline, 31, "private"), 3)
    healthy = enqueue(db, subscribe(db, offline, 32, "private"), 2)
    offline.fail("sendMessage", chat_id=31, times=None, error=server_error(503))
    failures: list[tuple[int, str]] = []

    async def report(row: OutboxMessage, error: BaseException) -> None:
        failures.append((row.chat_id, type(error).__name__))

    result = simulate(drain(offline, db, max_attempts=4, retry_for=0, on_failure=report))

    assert result.failed == 1 and result.sent == 2 and result.retried == 3
    assert failures == [(31, "NetworkError")]
    assert len(offline.calls_to("sendMessage")) == 4 + 2
    parts = {r["part"]: r["status"] for r in db.query("select * from outbox where chat_id = 31")}
    assert parts == {0: "failed", 1: "failed", 2: "failed"}  # no part left stuck pending
    assert texts_to(offline, 32) == healthy


def test_blocked_and_unknown_chats_are_deactivated(db: Database) -> None:
    offline = offline_server()
    for chat in (41, 42, 43):
        enqueue(db, subscribe(db, offline, chat, "private"), 2)
    enqueue(db, subscribe(db, None, 44, "private"), 2)  # Telegram does not know chat 44
    offline.block_bot(41)
    offline.add_chat(-45, "group", bot_status="kicked")
    enqueue(db, subscribe(db, None, -45, "group"), 1)

    result = simulate(drain(offline, db))

    assert result == DrainResult(sent=4, deactivated=3)
    assert {s.chat_id for s in store.list_subscriptions(db)} == {42, 43}
    gone = store.find_subscription(db, 44)
    assert gone is not None and "chat not found" in (gone.deactivated_reason or "").lower()
    assert statuses(db) == {"sent": 4, "failed": 5}
    assert len(offline.calls_to("sendMessage")) == 4 + 3  # one try per gone chat


def test_group_upgraded_to_supergroup_gets_its_digest_there(db: Database) -> None:
    offline = offline_server()
    sub = subscribe(db, offline, -51, "group")
    texts = enqueue(db, sub, 3)
    offline.migrate_chat(-51, -1009051)

    result = simulate(drain(offline, db))

    assert result == DrainResult(sent=3, migrated=1)
    assert texts_to(offline, -51) == []
    assert texts_to(offline, -1009051) == texts
    moved = store.get_subscription_by_id(db, sub.id)
    assert moved is not None and (moved.chat_id, moved.chat_type) == (-1009051, "supergroup")


def test_unparsable_html_is_a_bug_not_a_retry(db: Database) -> None:
    offline = offline_server()
    sub = subscribe(db, offline, 61, "private")
    store.enqueue_digest(db, sub, T0, ["<b>fine</b>", "<b>broken", "after"], cutoff=T0, now=T0)
    bugs: list[str] = []
    failures: list[str] = []

    result = simulate(
        drain(
            offline,
            db,
            on_bug=lambda row, error: bugs.append(str(error)),
            on_failure=lambda row, error: failures.append(str(error)),
        )
    )

    assert result == DrainResult(sent=1, failed=1)
    assert len(bugs) == 1 and "parse entities" in bugs[0].lower() and failures == []
    assert texts_to(offline, 61) == ["<b>fine</b>"]
    assert statuses(db) == {"sent": 1, "failed": 2}


def test_other_bad_requests_fail_and_report(db: Database) -> None:
    offline = offline_server()
    enqueue(db, subscribe(db, offline, 62, "private"), 1)
    offline.fail("sendMessage", chat_id=62, error=bad_request("wrong something"))
    failures: list[str] = []
    result = simulate(drain(offline, db, on_failure=lambda row, error: failures.append(str(error))))
    assert result == DrainResult(failed=1) and len(failures) == 1


def test_a_long_retry_after_parks_the_message_for_a_later_drain(db: Database) -> None:
    offline = offline_server()
    texts = enqueue(db, subscribe(db, offline, 71, "private"), 2)
    offline.fail("sendMessage", chat_id=71, error=too_many_requests(3600))

    async def scenario() -> tuple[DrainResult, DrainResult, DrainResult]:
        async with connected(offline) as bot:
            sender = Sender(bot, db, clock=utc_now)
            first = await sender.drain()
            early = await sender.drain()
            await asyncio.sleep(3600)
            return first, early, await sender.drain()

    first, early, late = simulate(scenario())
    assert (first.sent, first.retried, first.rate_limited) == (0, 1, 1)
    assert early == DrainResult()  # not due yet
    assert late == DrainResult(sent=2)
    assert texts_to(offline, 71) == texts


def test_max_messages_bounds_a_drain(db: Database) -> None:
    offline = offline_server()
    for chat in range(81, 91):
        enqueue(db, subscribe(db, offline, chat, "private"), 1)
    assert simulate(drain(offline, db, concurrency=4)).sent == 10
    for chat in range(91, 101):
        enqueue(db, subscribe(db, offline, chat, "private"), 1)

    async def limited() -> DrainResult:
        async with connected(offline) as bot:
            return await Sender(bot, db, clock=utc_now).drain(max_messages=4)

    assert simulate(limited()).sent == 4
    assert statuses(db) == {"sent": 14, "pending": 6}


def test_run_forever_delivers_when_woken_and_stops(db: Database) -> None:
    offline = offline_server()
    sub = subscribe(db, offline, 111, "private")

    async def scenario() -> float:
        async with connected(offline) as bot:
            sender = Sender(bot, db, clock=utc_now, poll_interval=30.0)
            stop = asyncio.Event()
            runner = asyncio.create_task(sender.run_forever(stop))
            await asyncio.sleep(5)
            enqueue(db, sub, 2, slot=utc_now())
            woken_at = loop_clock()
            sender.wake()
            await asyncio.sleep(2.0)  # two parts, one second apart
            stop.set()
            await runner
            assert sender.totals.sent == 2
            return send_times(offline, 111)[0] - woken_at

    assert simulate(scenario()) < 1.0  # woken, not polled 30 s later


# --- a crash in the middle of a broadcast ------------------------------------------------


@pytest.mark.slow
def test_kill_9_mid_broadcast_loses_nothing_and_duplicates_at_most_in_flight(
    tmp_path: Path,
) -> None:
    script = ROOT / "tests" / "delivery_crash.py"
    database, journal = tmp_path / "crash.db", tmp_path / "delivered.jsonl"
    env = {**os.environ, "PTB_TIMEDELTA": "true", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(script), str(database), str(journal)]
    setup = subprocess.run([*command, "setup"], env=env, capture_output=True, text=True, timeout=60)
    assert setup.returncode == 0, setup.stderr
    killed = subprocess.run(
        [*command, "send", "--kill-after", "120"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    before = journal.read_text().splitlines()
    assert len(before) >= 120  # the kill came mid-broadcast
    resumed = subprocess.run(
        [*command, "send"], env=env, capture_output=True, text=True, timeout=60
    )
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(resumed.stdout)

    delivered = [tuple(json.loads(line)) for line in journal.read_text().splitlines()]
    expected = {
        (chat, f"Digest for chat {chat}, part {part}")
        for chat in range(1, 101)
        for part in (1, 2, 3)
    }
    assert set(delivered) == expected  # none lost, nothing unexpected
    duplicates = len(delivered) - len(set(delivered))
    assert report["released"] >= 1 and duplicates <= report["released"] <= report["concurrency"]
    counts = {chat: [t for c, t in delivered if c == chat] for chat in range(1, 101)}
    for chat, texts in counts.items():  # in order, a duplicate only repeats what came last
        firsts = list(dict.fromkeys(texts))
        assert firsts == [f"Digest for chat {chat}, part {p}" for p in (1, 2, 3)]
