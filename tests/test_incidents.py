"""Incidents: the admins are told once when trouble begins and once when it ends, through the
offline Telegram; Telegram's outage in simulated time (tests.support.simulate), with its
faults injected as tests/test_sender.py does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database
from telegram import Bot

from bot import replies
from bot.app import build_application, running
from bot.config import Settings
from bot.i18n import english
from bot.incidents import KINDS, SETTLE, TELEGRAM_OUTAGE, Incidents
from bot.metrics import INCIDENT_KINDS
from bot.offline import OfflineTelegram, SentMessage, server_error
from bot.sender import Sender
from bot.telegram_html import check_message
from digests import ingest, store
from digests.fetch import make_client
from digests.models import Source, Subscription
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.support import T0, instant_pacer, simulate, unix_now, utc_now

ADMIN = 4242
OTHER_ADMIN = 4343

EN = english()


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@asynccontextmanager
async def connected(offline: OfflineTelegram) -> AsyncIterator[Bot]:
    bot = Bot(offline.token, request=offline, get_updates_request=offline)
    await bot.initialize()
    try:
        yield bot
    finally:
        await bot.shutdown()


def telegram(*admins: int, clock: bool = False) -> OfflineTelegram:
    offline = OfflineTelegram(clock=unix_now) if clock else OfflineTelegram()
    for admin in admins:
        offline.add_chat(admin, "private", first_name="Admin")
    return offline


def subscriber(db: Database, offline: OfflineTelegram, chat_id: int, now: datetime) -> Subscription:
    offline.add_chat(chat_id, "private")
    return store.save_subscription(db, chat_id, "private", now=now - timedelta(days=1))


def digest(db: Database, sub: Subscription, queued: datetime) -> None:
    text = f"<b>Digest</b> for {sub.chat_id}"
    store.enqueue_digest(db, sub, queued, [text], cutoff=queued, now=queued)


def texts(messages: list[SentMessage]) -> list[str]:
    return [m.plain_text for m in messages]


# --- Telegram's outage ---------------------------------------------------------------------


def test_an_outage_is_told_once_when_telegram_answers_and_once_when_it_is_over(
    db: Database,
) -> None:
    offline = telegram(ADMIN, clock=True)
    chats = range(700, 720)
    for chat in chats:
        digest(db, subscriber(db, offline, chat, T0), T0)
    offline.fail("sendMessage", error=server_error(502), times=None)  # Telegram down, 15 min

    async def outage() -> Sender:
        async with connected(offline) as bot:
            incidents = Incidents(bot, db, [ADMIN], clock=utc_now)
            sender = Sender(bot, db, clock=utc_now, on_outage=incidents.telegram_outage)
            incidents.start(interval=60)  # the watch checks every minute throughout

            async def recover() -> None:
                await asyncio.sleep(900)
                offline.clear_failures()

            healing = asyncio.create_task(recover())
            await sender.drain()
            await healing
            await asyncio.sleep(SETTLE[TELEGRAM_OUTAGE].total_seconds() + 120)
            await incidents.close()
            return sender

    sender = simulate(outage())

    assert sender.totals.outages == 1 and sender.totals.sent == len(chats)
    calls = [c for c in offline.calls_to("sendMessage") if c.chat_id == ADMIN]
    # Nothing was tried while Telegram was down: each admin message went through first time.
    assert [c.status for c in calls] == [200, 200]
    start, end = texts(offline.sent(ADMIN))
    recovered = min(c.timestamp for c in offline.calls_to("sendMessage") if c.status == 200)
    assert calls[0].timestamp - recovered < 1  # told as soon as Telegram answered
    assert start.startswith("Bot health\nTelegram outage: Telegram stopped answering at 07:00")
    assert "paused until 07:1" in start
    assert end.startswith("Bot health\nTelegram outage over: Telegram has answered steadily")
    # ... and the end only once the calm had lasted SETTLE.
    assert calls[1].timestamp - recovered >= SETTLE[TELEGRAM_OUTAGE].total_seconds()
    assert store.list_incidents(db) == []


def test_an_outage_that_comes_back_within_the_settle_time_is_the_same_incident(
    db: Database,
) -> None:
    offline = telegram(ADMIN, clock=True)
    first, second = range(700, 720), range(800, 820)

    async def flapping() -> int:
        async with connected(offline) as bot:
            incidents = Incidents(bot, db, [ADMIN], clock=utc_now)
            sender = Sender(bot, db, clock=utc_now, on_outage=incidents.telegram_outage)
            incidents.start(interval=60)
            for chats, down in ((first, 300), (second, 200)):
                now = utc_now()
                for chat in chats:
                    digest(db, subscriber(db, offline, chat, now), now)
                offline.fail("sendMessage", error=server_error(502), times=None)
                asyncio.get_running_loop().call_later(down, offline.clear_failures)
                await sender.drain()
                await asyncio.sleep(60)  # back within a minute or two: well within SETTLE
            await asyncio.sleep(SETTLE[TELEGRAM_OUTAGE].total_seconds() + 120)
            await incidents.close()
            return sender.totals.outages

    assert simulate(flapping()) == 2
    start, end = texts(offline.sent(ADMIN))  # two outages, one incident: two messages
    assert "Telegram outage:" in start and "Telegram outage over:" in end


# --- a source that paused itself -------------------------------------------------------------


async def test_a_paused_source_is_told_once_and_its_resumption_once(
    db: Database, feed_server: FeedServer
) -> None:
    offline = telegram(ADMIN)
    broken = store.add_source(
        db, feed_server.add("/broken.xml", "no", status=500), title="Gazette <b>&"
    )
    removed = store.add_source(db, feed_server.add("/gone.xml", "no", status=404))
    by_admin = store.add_source(db, feed_server.add("/fine.xml", "no", status=500))
    # No half second between two requests to the feed server (one host): 24 polls waited 12 s.
    async with make_client(public_only=False, host_gap=0) as client:
        for _ in range(store.AUTO_PAUSE_AFTER):
            for source in (broken, removed, by_admin):
                current = store.get_source(db, source.id)
                if not current.paused:
                    await ingest.poll_source(db, client, current)
            if _ == 2:  # an admin pauses this one after three failures: no incident
                store.set_paused(db, by_admin.id, True, "paused by an admin")
    assert store.get_source(db, broken.id).paused and store.get_source(db, removed.id).paused
    clock = Clock(store.utcnow())
    async with connected(offline) as bot:
        incidents = Incidents(bot, db, [ADMIN], clock=clock)
        told = await incidents.check()
        assert [n.incident.key for n in told] == [
            f"source_paused:{broken.id}",
            f"source_paused:{removed.id}",
        ]
        [message] = offline.sent(ADMIN)  # both in one message
        assert message.text is not None
        assert "Gazette &lt;b&gt;&amp;" in message.text  # the feed's title, escaped
        assert f"Send /resumesource {broken.id} once it works again." in message.plain_text
        assert "HTTP 500" in message.plain_text and "HTTP 404" in message.plain_text
        assert await incidents.check() == [] and len(offline.sent(ADMIN)) == 1

        store.set_paused(db, broken.id, False)
        store.remove_source(db, removed.id)
        assert len(await incidents.check()) == 2
        assert await incidents.check() == []
    back = offline.sent(ADMIN)[1].plain_text
    assert f"Source back: {broken.id}. Gazette <b>& was resumed." in back
    assert f"Source back: {removed.id}." in back and "was removed." in back
    assert len(offline.sent(ADMIN)) == 2 and store.list_incidents(db) == []


# --- a backlog -------------------------------------------------------------------------------


async def test_a_backlog_is_told_once_survives_a_restart_and_ends_once_drained(
    db: Database,
) -> None:
    offline = telegram(ADMIN)
    clock = Clock(store.utcnow())
    two_hours_ago = clock.now - timedelta(hours=2)
    for chat in (11, 12):
        digest(db, subscriber(db, offline, chat, two_hours_ago), two_hours_ago)
    fresh = subscriber(db, offline, 13, clock.now)
    digest(db, fresh, clock.now - timedelta(minutes=30))  # waiting, but not for an hour
    async with connected(offline) as bot:
        incidents = Incidents(bot, db, [ADMIN], clock=clock)
        assert len(await incidents.check()) == 1
        [started] = texts(offline.sent(ADMIN))
        assert started.startswith("Bot health\nDelivery backlog: 3 messages waiting, the oldest")
        assert await incidents.check() == []

        restarted = Incidents(bot, db, [ADMIN], clock=clock)  # a restart: nothing repeated
        assert await restarted.check() == []

        assert (await Sender(bot, db).drain()).sent == 3
        clock.now += timedelta(minutes=1)
        assert await restarted.check() == []  # not over until it stayed away for SETTLE
        clock.now += SETTLE["backlog"]
        [ended] = await restarted.check()
        assert ended.end and await restarted.check() == []
    assert texts(offline.sent(ADMIN))[1].startswith("Bot health\nDelivery backlog cleared")
    assert len(offline.sent(ADMIN)) == 2 and store.list_incidents(db) == []


# --- messages given up ------------------------------------------------------------------------


async def test_a_run_of_refused_digests_is_told_once_not_once_per_subscriber(
    db: Database,
) -> None:
    offline = telegram(ADMIN)
    clock = Clock(store.utcnow())
    chats = range(600, 630)
    for chat in chats:  # a rendering bug: every chat's digest is refused
        sub = subscriber(db, offline, chat, clock.now)
        store.enqueue_digest(db, sub, clock.now, ["<b>unclosed"], cutoff=clock.now, now=clock.now)
    async with connected(offline) as bot:
        incidents = Incidents(bot, db, [ADMIN], clock=clock)
        sender = Sender(
            bot,
            db,
            on_failure=lambda r, e: incidents.delivery_failed(r, e, bug=False),
            on_bug=lambda r, e: incidents.delivery_failed(r, e, bug=True),
        )
        assert (await sender.drain()).failed == len(chats)
        await incidents.close()  # the checks the failures asked for
        [first] = texts(offline.sent(ADMIN))
        assert first.startswith("Bot health\nBUG: Telegram refused a rendered digest\nchat 6")
        assert "can't parse entities" in first.lower()
        clock.now += timedelta(minutes=10)
        assert await incidents.check() == []  # failures may come back: not over yet
        clock.now += SETTLE["delivery_bug"]
        assert len(await incidents.check()) == 1
    [_, last] = texts(offline.sent(ADMIN))
    assert last.startswith("Bot health\nReports of refused digests stopped: 30 messages given up")
    assert store.list_incidents(db) == []


# --- telling the admins --------------------------------------------------------------------


async def test_news_waits_for_an_admin_telegram_failed_and_skips_one_who_blocked_the_bot(
    db: Database,
) -> None:
    blocked = 4444
    offline = telegram(ADMIN, OTHER_ADMIN, blocked)
    offline.block_bot(blocked)
    clock = Clock(store.utcnow())
    old = clock.now - timedelta(hours=3)
    digest(db, subscriber(db, offline, 21, old), old)
    offline.fail("sendMessage", chat_id=ADMIN, error=server_error(502), times=1)
    async with connected(offline) as bot:
        incidents = Incidents(bot, db, [ADMIN, OTHER_ADMIN, blocked], clock=clock)
        assert await incidents.check() == []  # owed: one admin did not get it
        assert offline.sent(ADMIN) == [] and len(offline.sent(OTHER_ADMIN)) == 1
        assert len(await incidents.check()) == 1  # the next check tells only the one missing
        assert await incidents.check() == []
    assert len(offline.sent(ADMIN)) == 1 and len(offline.sent(OTHER_ADMIN)) == 1
    assert offline.sent(blocked) == []
    assert offline.sent(ADMIN)[0].text == offline.sent(OTHER_ADMIN)[0].text


# --- wiring ------------------------------------------------------------------------------------


async def test_the_application_watches_for_incidents_while_it_runs(tmp_path: Path) -> None:
    settings = Settings(
        token="123:ABC", admin_ids=frozenset({ADMIN}), database_path=tmp_path / "b.db"
    )
    offline = telegram(ADMIN)
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with running(app):
        state = app.bot_data
        incidents = state.incidents
        assert incidents is not None and state.sender is not None
        assert state.sender.on_outage == incidents.telegram_outage
        source = store.add_source(state.db, "https://news.example/feed")
        for _ in range(store.AUTO_PAUSE_AFTER):
            source = store.record_failure(state.db, source, "HTTP 503 Service Unavailable")
        assert len(await incidents.check()) == 1
    assert app.bot_data.incidents is None
    assert "Source paused" in offline.sent(ADMIN)[0].plain_text


# --- the texts ---------------------------------------------------------------------------------

NASTY = '<b>A & "B"</b> </i> \x00 \u202e ' + "x" * 5000


def test_incident_texts_are_valid_bounded_and_packed() -> None:
    now = T0 + timedelta(hours=2)
    source = Source(
        id=7, url="https://s.example/f?a=1&b=<2>", kind="feed", title=NASTY, poll_interval=900
    )
    source = replace(source, pause_reason=NASTY)
    records = [
        store.IncidentRecord(
            key=key,
            kind=kind,
            subject=subject,
            detail=detail,
            started=T0,
            last_seen=T0 + timedelta(minutes=15),
            ended=None,
            events=3,
            told_start=False,
            told_end=False,
        )
        for key, kind, subject, detail in [
            ("telegram_outage", "telegram_outage", "", ""),
            (
                "delivery_bug",
                "delivery_bug",
                "",
                replies.delivery_failure(EN, 1, 0, 2, NASTY, bug=True),
            ),
            ("source_paused:7", "source_paused", replies.source_label(EN, source), NASTY),
            ("backlog", "backlog", "", replies.backlog_detail(EN, 1234, T0, now)),
            ("mystery", NASTY, NASTY, NASTY),
        ]
    ]
    lines = [
        replies.incident_line(EN, r, end=end, now=now) for r in records for end in (False, True)
    ]
    messages = replies.incident_report(EN, lines * 20)
    assert len(messages) > 1
    for text in messages:
        check_message(text)
    assert "it failed again 2 times in between" in lines[1]
    assert lines[2].startswith("<b>BUG: Telegram refused a rendered digest</b>")
    assert "3 messages given up from 07:00 UTC to 07:15 UTC" in lines[3]
    assert "&lt;b&gt;A &amp;" in lines[4] and "\x00" not in lines[4]
    assert "Source paused" in lines[4] and "/resumesource 7" in lines[4]
    # Numbers are written as the language writes them: 1,234 in English.
    assert "1,234 messages waiting, the oldest queued at 07:00 UTC" in lines[6]


def test_metrics_know_every_kind_of_incident() -> None:
    assert INCIDENT_KINDS == KINDS
