"""Replies obey Telegram's limits too: PTB's rate-limiter seam over the bot's one Pacer.

``ExtBot`` passes every Bot API request but getUpdates to its rate limiter's
``process_request``; ``build_application`` gives it a ``PacedRateLimiter`` over the same
``bot.pacer.Pacer`` the outbox sender uses, in every mode (polling, webhook, console, tests).
Telegram counts a bot's messages together, replies and digests alike, so one pacer keeps
them all within its limits. The rules:

- What counts: a request that puts a new message in a chat (``is_message``: ``send...`` but
  sendChatAction, ``copyMessage(s)``, ``forwardMessage(s)``) with a ``chat_id``: Telegram's
  limits are stated in messages sent. It takes its turn from the pacer as a reply
  (``reply=True``: ahead of digests, which still get one turn in five while both wait; see
  ``bot.pacer``). Telegram's ids tell the chat's kind: a user's private chat is positive, a
  group, supergroup or channel negative; an ``@username`` is a channel or supergroup.
- What does not: a handler's edit (a button press changing the message it is on: one per
  press, and Telegram's own edit limit answers 429 beyond about 20 a minute), answers to
  buttons and inline queries (they must come within seconds), getChat, getChatMember,
  setMyCommands, deleteMessage, sendChatAction and the rest go at once. The outbox sender
  paces its own edits of live posts.
- Order: requests to one chat are made one at a time, in the order the handlers made them
  (first in, first out per chat): a reply never overtakes an earlier one that waits out a
  429.
- A 429 is waited out, with no retry cap: the chat is held for retry_after in the pacer
  (so the sender waits too; unexplained 429s in a cluster pause every chat, and one taken
  for the overall limit widens the pacer's margin: ``Pacer.rate_limited``), then the
  request is made again.
- A 5xx answer (Telegram sent nothing, ``bot.sender.sent_nothing``) is tried again up to
  ``SERVER_RETRIES`` times, 1, 2 and 4 s later. A timeout is not: the message may have
  gone, and a second try could send it twice.
- Giving up: only when Telegram keeps refusing. A request is abandoned when waiting out
  its next 429 (or back-off) would end more than ``REPLY_DEADLINE`` (10 minutes) after it
  was made (``QUERY_DEADLINE``, 10 s, for an answer to a button press or an inline query:
  Telegram refuses those "query is too old" some seconds after the query, so a longer wait
  only delays what the handler does next; the handler logs the lost answer and goes on),
  or once the bot is stopping (``stop_waiting``: a SIGTERM is not held up for minutes); the
  error is raised to the handler and logged ("giving up"), and counted in
  ``ReplyCounts.given_up``. A reply still waiting for its turn ``STOP_PATIENCE`` (3 s)
  after the stop began (behind a pause of every chat, a chat's hold) gives up too, raising
  ``TimedOut``. Any other error is raised at once, as without a limiter.
- The outbox sender's calls pass straight through: its worker tasks set ``bot.pacer.PACED``,
  as they took their turn from the pacer themselves and deal with their own failures.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from telegram.error import NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import BaseRateLimiter

from bot.pacer import PACED, ChatKey, Pacer
from bot.sender import retry_seconds, sent_nothing

log = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]
Callback = Callable[..., Coroutine[Any, Any, Result]]

# Requests Telegram counts as messages: they take their turn from the pacer.
_MESSAGE_PREFIXES = ("send", "copyMessage", "forwardMessage")
_NOT_MESSAGES = frozenset({"sendChatAction"})
REPLY_DEADLINE = 600.0
# Answers to queries: Telegram takes them only for some seconds after the query.
QUERY_DEADLINE = 10.0
_QUERY_ANSWERS = frozenset({"answerCallbackQuery", "answerInlineQuery"})
# Once the bot is stopping, a reply still waiting for its turn this long after gives up.
STOP_PATIENCE = 3.0
SERVER_RETRIES = 3
SERVER_BACKOFF = 1.0


def is_message(endpoint: str) -> bool:
    """Return True for a Bot API method that sends a new message (counted by Telegram)."""
    return endpoint.startswith(_MESSAGE_PREFIXES) and endpoint not in _NOT_MESSAGES


def chat_of(data: dict[str, Any]) -> tuple[ChatKey, str] | None:
    """Return a request's chat and its kind for the pacer ("private" or "group"), if any."""
    chat_id = data.get("chat_id")
    if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
        chat_id = int(chat_id)
    if isinstance(chat_id, int) and not isinstance(chat_id, bool):
        return chat_id, "private" if chat_id > 0 else "group"
    if isinstance(chat_id, str) and chat_id:
        return chat_id.lower(), "channel"
    return None


@dataclass(slots=True)
class ReplyCounts:
    """What the limiter counted: 429 answers waited out, 5xx retried, requests given up."""

    rate_limited: int = 0
    retried: int = 0
    given_up: int = 0


@dataclass(slots=True)
class _ChatTurn:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class PacedRateLimiter(BaseRateLimiter[None]):
    """Pace handlers' requests with the bot's Pacer, FIFO per chat; wait out every 429."""

    def __init__(
        self,
        pacer: Pacer,
        *,
        deadline: float = REPLY_DEADLINE,
        counts: ReplyCounts | None = None,
    ) -> None:
        self.pacer = pacer
        self.deadline = deadline
        self.counts = counts if counts is not None else ReplyCounts()
        self._chats: dict[ChatKey, _ChatTurn] = {}
        self._stopping = False
        # Set STOP_PATIENCE after a stop: replies still waiting for their turn give up.
        self._gone: asyncio.Future[None] | None = None

    async def initialize(self) -> None:
        """Wait out refusals again (after a stop)."""
        self._stopping = False
        self._gone = None

    def stop_waiting(self) -> None:
        """From now on give up a refused request instead of waiting: the bot is stopping.

        Replies still waiting for their turn (behind a pause of every chat after 429s, a
        chat's hold) give up ``STOP_PATIENCE`` seconds later, so a stop is not held up for
        the rest of a long pause.
        """
        self._stopping = True
        asyncio.get_running_loop().call_later(STOP_PATIENCE, self._give_up_waiting)

    def _give_up_waiting(self) -> None:
        gone = self._gone_future()
        if not gone.done():
            gone.set_result(None)

    def _gone_future(self) -> asyncio.Future[None]:
        if self._gone is None:
            self._gone = asyncio.get_running_loop().create_future()
        return self._gone

    async def _take_turn(self, chat: tuple[ChatKey, str], endpoint: str) -> float:
        """Wait for the pacer's turn for a reply; give up if the bot stops meanwhile."""
        turn = asyncio.ensure_future(self.pacer.acquire(*chat, reply=True))
        either: set[asyncio.Future[Any]] = {turn, self._gone_future()}
        try:
            await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            turn.cancel()
            raise
        if not turn.done():
            turn.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await turn
        if turn.cancelled():
            self.counts.given_up += 1
            log.warning("giving up %s to chat %s: the bot is stopping", endpoint, chat[0])
            raise TimedOut("the bot is stopping before the reply's turn came")
        return turn.result()

    async def shutdown(self) -> None:
        """Do nothing: requests under way finish or fail on their own."""

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Result:
        """Make the request when the limits allow it; wait out 429s; return its result."""
        if PACED.get():
            return await callback(*args, **kwargs)
        chat = chat_of(data)
        if chat is None:
            return await self._request(callback, args, kwargs, endpoint, None)
        async with self._turn(chat[0]):
            return await self._request(callback, args, kwargs, endpoint, chat)

    @asynccontextmanager
    async def _turn(self, chat_id: ChatKey) -> AsyncIterator[None]:
        """Hold the chat's turn: one request at a time to it, first come first served."""
        turn = self._chats.get(chat_id)
        if turn is None:
            turn = self._chats[chat_id] = _ChatTurn()
        turn.users += 1
        try:
            async with turn.lock:
                yield
        finally:
            turn.users -= 1
            if not turn.users:
                del self._chats[chat_id]

    async def _request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        chat: tuple[ChatKey, str] | None,
    ) -> Result:
        pacer = self.pacer
        paced = chat if chat is not None and is_message(endpoint) else None
        started = pacer.now()
        server_failures = 0
        while True:
            at = None if paced is None else await self._take_turn(paced, endpoint)
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = retry_seconds(error)
                self.counts.rate_limited += 1
                if paced is not None and at is not None:
                    pacer.refund(at, make_up=False)
                    pacer.sent(*paced, at, delivered=False)
                    pacer.rate_limited(*paced, wait, at)
                self._give_up_past_deadline(endpoint, chat, started, wait, error)
                log.info("429 for %s to chat %s: waiting %.0f s", endpoint, _name(chat), wait)
                if paced is None:  # a paced request waits for its chat's hold in acquire
                    await pacer.sleep(wait)
                continue
            except TelegramError as error:
                if paced is not None and at is not None:
                    if sent_nothing(error):
                        pacer.refund(at)
                    pacer.sent(*paced, at, delivered=False)
                if type(error) is not NetworkError or not sent_nothing(error):
                    raise
                if server_failures >= SERVER_RETRIES:
                    raise
                server_failures += 1
                delay = SERVER_BACKOFF * 2 ** (server_failures - 1)
                self._give_up_past_deadline(endpoint, chat, started, delay, error)
                self.counts.retried += 1
                log.info(
                    "%s to chat %s failed (%s): again in %.0f s",
                    endpoint,
                    _name(chat),
                    error,
                    delay,
                )
                await pacer.sleep(delay)
                continue
            except BaseException:  # cancelled, or not Telegram's: the request may have gone
                if paced is not None and at is not None:
                    pacer.sent(*paced, at, delivered=False)
                raise
            if paced is not None and at is not None:
                pacer.sent(*paced, at)
            return result

    def _give_up_past_deadline(
        self,
        endpoint: str,
        chat: tuple[ChatKey, str] | None,
        started: float,
        wait: float,
        error: TelegramError,
    ) -> None:
        """Raise error if waiting `wait` more would end past the deadline (logged, counted)."""
        waited = self.pacer.now() - started
        deadline = (
            min(self.deadline, QUERY_DEADLINE) if endpoint in _QUERY_ANSWERS else self.deadline
        )
        if not self._stopping and waited + wait <= deadline:
            return
        self.counts.given_up += 1
        log.warning(
            "giving up %s to chat %s after %.0f s: Telegram still refuses it (%s)%s",
            endpoint,
            _name(chat),
            waited,
            error,
            "; the bot is stopping" if self._stopping else "",
        )
        raise error


def _name(chat: tuple[ChatKey, str] | None) -> str:
    return "-" if chat is None else str(chat[0])
