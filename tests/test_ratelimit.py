"""Replies under Telegram's limits: the real Application, its rate limiter and the offline
Telegram, in simulated time (tests.support.simulate). Each test states the limit it checks as
the offline Telegram counts it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from telegram import Update

from bot import i18n, replies
from bot.app import build_application, running
from bot.commands import help_text
from bot.config import Settings
from bot.offline import OfflineTelegram, server_error, timeout, too_many_requests
from bot.pacer import MARGIN, PRIVATE_INTERVAL
from bot.ratelimit import REPLY_DEADLINE, STOP_PATIENCE, chat_of, is_message
from bot.state import App
from digests import store
from tests.support import (
    EPOCH,
    SLACK,
    T0,
    Burst,
    closest,
    command_burst,
    most_within,
    simulate,
    unix_now,
)

T = TypeVar("T")
EN = i18n.english()
WELCOME = replies.welcome(EN)
WELCOME_AND_HELP = [WELCOME, help_text(EN, admin=False)]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(token="123:ABC", database_path=tmp_path / "bot.db")


def run_app(
    settings: Settings,
    offline: OfflineTelegram,
    scenario: Callable[[App], Coroutine[Any, Any, T]],
) -> T:
    """Run the application (its own Pacer, on the simulated clock) around a scenario."""

    async def main() -> T:
        app = build_application(settings, offline, workers=1)
        async with running(app):
            return await scenario(app)

    return simulate(main())


def texts(offline: OfflineTelegram, chat_id: int) -> list[str]:
    return [m.text or "" for m in offline.sent(chat_id)]


def sent_at(burst: Burst, chat_id: int | None = None) -> list[float]:
    return [c.timestamp - EPOCH for c in burst.answers(chat_id) if c.status == 200]


def test_what_counts_as_a_message_and_whose_chat_it_is() -> None:
    assert is_message("sendMessage") and is_message("sendPhoto") and is_message("copyMessage")
    assert is_message("forwardMessages") and not is_message("editMessageText")
    assert not is_message("sendChatAction") and not is_message("answerCallbackQuery")
    assert not is_message("answerInlineQuery") and not is_message("getChatMember")
    assert chat_of({"chat_id": 42}) == (42, "private")
    assert chat_of({"chat_id": "-1001"}) == (-1001, "group")
    assert chat_of({"chat_id": "@News"}) == ("@news", "channel")
    assert chat_of({"inline_message_id": "x"}) is None


def test_a_burst_of_100_chats_gets_every_reply_in_order_within_the_limits(
    settings: Settings,
) -> None:
    offline = OfflineTelegram(enforce_limits=True, clock=unix_now)
    chats = range(5001, 5101)

    burst = run_app(
        settings,
        offline,
        lambda app: command_burst(app, offline, chats, ["/start", "/help"], deadline=60),
    )

    # Every chat got both replies, in the order it asked.
    assert {chat: texts(offline, chat) for chat in chats} == dict.fromkeys(chats, WELCOME_AND_HELP)
    # Telegram refused none: at most 30 in any second overall, one a second per chat.
    assert [c.status for c in burst.answers()] == [200] * 200
    assert most_within(sent_at(burst), 1.0) <= 30
    assert min(closest(sent_at(burst, chat)) for chat in chats) >= 1.0 - SLACK
    # No slower than the limits need: 200 messages at 30 per 1.02 s.
    assert max(sent_at(burst)) - min(burst.asked.values()) < 200 / 30 * (1 + MARGIN) + 1.0


def test_a_429_for_a_reply_is_waited_out_and_the_chat_keeps_its_order(
    settings: Settings,
) -> None:
    offline = OfflineTelegram(clock=unix_now)
    offline.fail("sendMessage", chat_id=7, times=2, error=too_many_requests(5))

    async def scenario(app: App) -> tuple[Burst, int]:
        burst = await command_burst(app, offline, [7, 8], ["/start", "/help"])
        return burst, app.bot_data.reply_counts.rate_limited

    burst, rate_limited = run_app(settings, offline, scenario)

    assert texts(offline, 7) == WELCOME_AND_HELP and texts(offline, 8) == WELCOME_AND_HELP
    calls = burst.answers(7)
    assert [c.status for c in calls] == [429, 429, 200, 200]
    first, second, sent, _ = (c.timestamp - EPOCH for c in calls)
    assert second - first >= 5.0 and sent - second >= 5.0  # retry_after, each time
    assert rate_limited == 2
    # Chat 7's 429 held chat 7 only: chat 8 had both its replies meanwhile.
    assert max(sent_at(burst, 8)) < sent


def test_a_reply_telegram_keeps_refusing_is_given_up_after_the_deadline(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    offline = OfflineTelegram(clock=unix_now)
    offline.fail("sendMessage", chat_id=7, times=None, error=too_many_requests(120))

    async def scenario(app: App) -> tuple[int, int]:
        await command_burst(app, offline, [7], ["/start"], deadline=REPLY_DEADLINE + 60)
        refused = len(offline.calls_to("sendMessage"))
        offline.clear_failures()
        await command_burst(app, offline, [7], ["/help"], deadline=60)
        return refused, app.bot_data.reply_counts.given_up

    with caplog.at_level(logging.WARNING, logger="bot.ratelimit"):
        refused, given_up = run_app(settings, offline, scenario)

    # Tried at 0, 120, ... 600 s: the next wait would end past the 10 minutes.
    assert refused == REPLY_DEADLINE // 120 + 1
    assert given_up == 1 and "giving up sendMessage to chat 7" in caplog.text
    assert texts(offline, 7) == [help_text(EN, admin=False)]  # the next reply went through


def test_a_stop_does_not_wait_out_a_refused_reply(settings: Settings) -> None:
    offline = OfflineTelegram(clock=unix_now)
    offline.fail("sendMessage", chat_id=7, times=None, error=too_many_requests(120))

    async def main() -> tuple[float, int]:
        app = build_application(settings, offline, workers=1)
        async with running(app):
            await command_burst(app, offline, [7], ["/start"], deadline=10)
            stopping = asyncio.get_running_loop().time()
        return asyncio.get_running_loop().time() - stopping, app.bot_data.reply_counts.given_up

    took, given_up = simulate(main())

    # The reply waiting out its chat's 120 s hold gave up STOP_PATIENCE after the stop.
    assert given_up == 1 and len(offline.calls_to("sendMessage")) == 1
    assert took <= STOP_PATIENCE + 1.0


def test_a_5xx_is_tried_again_but_a_timeout_is_not(settings: Settings) -> None:
    offline = OfflineTelegram(clock=unix_now)
    offline.fail("sendMessage", chat_id=7, times=2, error=server_error(502))
    offline.fail("sendMessage", chat_id=8, times=1, error=timeout())

    async def scenario(app: App) -> int:
        await command_burst(app, offline, [7, 8], ["/start"], deadline=30)
        return app.bot_data.reply_counts.retried

    retried = run_app(settings, offline, scenario)

    assert [c.status for c in offline.calls_to("sendMessage") if c.chat_id == 7] == [
        502,
        502,
        200,
    ]
    assert texts(offline, 7) == [WELCOME] and retried == 2
    # Timed out: the message may have gone; sending it again could send it twice.
    assert len([c for c in offline.calls_to("sendMessage") if c.chat_id == 8]) == 1


def test_answers_to_buttons_are_not_messages_and_go_at_once(settings: Settings) -> None:
    offline = OfflineTelegram(enforce_limits=True, clock=unix_now)

    async def scenario(app: App) -> tuple[float, float, float]:
        await command_burst(app, offline, [7], ["/start"])
        offline.callback_query("help", user_id=7)
        pressed = offline.clock() - EPOCH
        await app.update_queue.put(Update.de_json(offline.next_update_dict(), app.bot))
        await asyncio.sleep(5.0)
        [answer] = offline.calls_to("answerCallbackQuery")
        help_call = offline.calls_to("sendMessage")[-1]
        return pressed, answer.timestamp - EPOCH, help_call.timestamp - EPOCH

    pressed, answered, helped = run_app(settings, offline, scenario)

    assert answered - pressed < 0.1  # not paced: the button's spinner stops at once
    welcome = offline.calls_to("sendMessage")[0].timestamp - EPOCH
    assert helped - welcome >= PRIVATE_INTERVAL  # the help message waited for the chat's limit
    assert texts(offline, 7) == WELCOME_AND_HELP


def test_a_429_for_a_button_s_answer_is_not_waited_out_past_the_query_s_life(
    settings: Settings,
) -> None:
    """Telegram refuses an answer to a button press some seconds after it ("query is too
    old"): waiting out a 30 s 429 for answerCallbackQuery only got that refusal, and the press
    did what it says (here: send /help) half a minute late. It is given up at once instead."""
    offline = OfflineTelegram(clock=unix_now, query_timeout=15.0)

    async def scenario(app: App) -> tuple[float, float, int]:
        await command_burst(app, offline, [7], ["/start"])
        offline.fail("answerCallbackQuery", error=too_many_requests(30))
        offline.callback_query("help", user_id=7)
        pressed = offline.clock() - EPOCH
        await app.update_queue.put(Update.de_json(offline.next_update_dict(), app.bot))
        await asyncio.sleep(60.0)
        help_call = offline.calls_to("sendMessage")[-1]
        return pressed, help_call.timestamp - EPOCH, app.bot_data.reply_counts.given_up

    pressed, helped, given_up = run_app(settings, offline, scenario)

    assert [c.status for c in offline.calls_to("answerCallbackQuery")] == [429]  # no retry
    assert texts(offline, 7) == WELCOME_AND_HELP  # the press still did what it says
    assert helped - pressed < 15.0  # while the user still looks at the button
    assert given_up == 1


def test_a_429_for_the_command_menus_does_not_hold_up_the_start(settings: Settings) -> None:
    """Telegram limits setMyCommands, and a start publishes 14 menus: its 429s were waited
    out before the bot began answering and delivering (and one past REPLY_DEADLINE failed
    the start, see below). The menus now wait in a task of their own; the bot answers
    meanwhile, and they are published once allowed."""
    offline = OfflineTelegram(clock=unix_now)
    offline.fail("setMyCommands", error=too_many_requests(30), times=1)

    async def scenario(app: App) -> Burst:
        burst = await command_burst(app, offline, [7], ["/start"], deadline=5.0)
        await asyncio.sleep(60.0)
        return burst

    burst = run_app(settings, offline, scenario)

    # Answered seconds after the start (MENUS_PATIENCE), not after the 30 s.
    assert texts(offline, 7) == [WELCOME] and sent_at(burst, 7)[0] < 10.0
    statuses = [c.status for c in offline.calls_to("setMyCommands")]
    assert statuses[0] == 429 and statuses[1:] and set(statuses[1:]) == {200}
    assert offline.commands['{"type": "default"}|'][0]["command"] == "start"


def test_command_menus_telegram_keeps_refusing_do_not_stop_the_bot(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """A 429 longer than REPLY_DEADLINE for setMyCommands was raised from the start: the bot
    never started (and its restarts asked for the menus again). Now it is logged."""
    offline = OfflineTelegram(clock=unix_now)
    offline.fail("setMyCommands", error=too_many_requests(700), times=None)

    async def scenario(app: App) -> None:
        await command_burst(app, offline, [7], ["/start"], deadline=30.0)

    with caplog.at_level(logging.WARNING, logger="bot.app"):
        run_app(settings, offline, scenario)

    assert texts(offline, 7) == [WELCOME]
    assert "command menus not published" in caplog.text


def test_replies_and_a_broadcast_share_the_limits_and_neither_waits_for_the_other(
    settings: Settings,
) -> None:
    offline = OfflineTelegram(enforce_limits=True, clock=unix_now)
    subscribers = range(9001, 9301)
    askers = range(5001, 5101)

    async def scenario(app: App) -> Burst:
        db = app.bot_data.db
        # Their digest time is half a day from the wall clock the scheduler reads, so none is
        # missed nor due whatever the hour the suite runs at: only the queued digests go.
        at = (datetime.now(UTC) + timedelta(hours=12)).strftime("%H:%M")
        for chat in subscribers:
            offline.add_chat(chat, "private")
            sub = store.save_subscription(db, chat, "private", now=T0 - timedelta(days=1), time=at)
            store.enqueue_digest(db, sub, T0, [f"Digest for {chat}"], cutoff=T0, now=T0)
        sender = app.bot_data.sender
        assert sender is not None
        sender.wake()
        burst = await command_burst(app, offline, askers, ["/start"], within=1.0)
        for _ in range(600):  # wait for the digests, 30 a second at most
            if sum(len(offline.sent(c)) for c in subscribers) == len(subscribers):
                break
            await asyncio.sleep(1.0)
        return burst

    burst = run_app(settings, offline, scenario)

    statuses = [c.status for c in offline.calls_to("sendMessage")]
    assert statuses == [200] * (len(subscribers) + len(askers))  # nothing refused, none lost
    assert most_within(sent_at(burst), 1.0) <= 30
    replies_at = [t for chat in askers for t in sent_at(burst, chat)]
    digests_at = [t for chat in subscribers for t in sent_at(burst, chat)]
    # Replies go first: the first one went ahead of the digests already waiting for their
    # turn (the sender's 16 slots), and every chat was answered within the 100 replies' own
    # time, 3.4 s, and a quarter more for the digests' turns, though 300 digests waited.
    answered = burst.reply_seconds()
    assert answered[askers[0]] < 3 / 30
    assert max(answered.values()) < 100 / 30 * (1 + MARGIN) * 1.25 + 1.0
    # Digests were not stopped meanwhile: one turn in five was theirs.
    during = [t for t in digests_at if min(replies_at) <= t <= max(replies_at)]
    assert len(during) >= len(replies_at) // 5 - 1


def test_stats_asks_about_paused_topics_through_the_rate_limiter(
    settings: Settings,
) -> None:
    """/stats sends a chat action to each of up to STATS_TOPIC_CHECKS (10) paused topics,
    outside the outbox. Each goes through the bot's rate limiter as every request does (a
    chat action is no message: not paced, as getChat is not): one request to a chat at a
    time, a 429 waited out and the action asked again, never skipped; /stats then answers
    within Telegram's limits, switched on here."""
    forum, admin = -1003003, 4242
    offline = OfflineTelegram(enforce_limits=True, clock=unix_now)
    offline.add_chat(forum, "supergroup", title="Forum")
    topics = [offline.add_topic(forum, f"Topic {n}") for n in range(12)]
    for thread in topics:
        offline.close_topic(forum, thread)
    offline.fail("sendChatAction", chat_id=forum, times=1, error=too_many_requests(7))

    async def scenario(app: App) -> tuple[Burst, int]:
        db = app.bot_data.db
        for thread in topics:
            sub = store.save_subscription(db, forum, "supergroup", thread_id=thread)
            assert store.pause_subscription(db, sub.id, "Bad Request: TOPIC_CLOSED")
        burst = await command_burst(app, offline, [admin], ["/stats"])
        return burst, app.bot_data.reply_counts.rate_limited

    admin_settings = Settings(
        token=settings.token,
        database_path=settings.database_path,
        admin_ids=frozenset({admin}),
    )
    burst, rate_limited = run_app(admin_settings, offline, scenario)

    actions = offline.calls_to("sendChatAction")
    assert len(actions) == 11 and rate_limited == 1  # ten topics asked, one of them twice
    assert [c.status for c in actions] == [429] + [400] * 10  # closed, still there
    assert actions[1].timestamp - actions[0].timestamp >= 7.0  # retry_after waited out
    shown = "\n".join(texts(offline, admin))
    assert "paused topics: 12" in shown and "paused topics not checked: 2" in shown
    assert [c.status for c in burst.answers(admin)] == [200] * len(burst.answers(admin))
