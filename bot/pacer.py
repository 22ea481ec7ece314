"""When a message may go: Telegram's flood limits, kept by spacing every send.

Telegram's limits (Bot FAQ): about 30 messages a second to different chats, one a second to
one private chat, twenty a minute to one group, supergroup or channel. Telegram counts a
message when it arrives; the pacer sees when a request leaves and when its answer comes
back. The one Pacer of a running bot paces the outbox sender's deliveries and the replies
handlers send (``bot.ratelimit``) alike: Telegram counts them together.

The rules kept here:

- Margin: every limit's window is stretched by a margin, 2 % at rest (``MARGIN``). The
  overall window's margin grows after a 429 that looks like the overall limit (see
  "Adaptive margin") and decays back slowly.
- Overall: counted requests are at least 1/30 s apart when they leave, and at most 30 of
  them may have arrived at Telegram in any 1.02 s (30 / 1.02 = 29.4 messages a second).
- Anchored on answers: a message counts in the overall window from when its request left
  until one window after the latest time Telegram can have counted it: its answer's
  arrival less the fastest round trip seen recently (``ROUND_TRIPS`` samples), as the
  answer cannot have left Telegram before the request reached it, nor crossed the
  network faster than the fastest round trip did. A request still in flight counts until
  its answer comes. So a request delayed on its way out (a slow database write, a busy
  event loop, a loaded CPU, a queue in the network) cannot bring two windows' messages
  into one second as Telegram counts them; with a steady round trip the rule is exactly
  "30 per 1.02 s of sends".
- Per chat: sends to one private chat are at least 1.02 s apart; to one group, supergroup or
  channel at least 3.06 s apart (so at most 20 in any 61.2 s). The spacing counts from when
  the API call returned (``sent``): latency is not spacing.
- Counting: a request is counted when it leaves. One that Telegram answered without sending
  anything (``bot.sender.sent_nothing``) is given back (``refund``) and its place goes to the
  next in line; unless it was a 429, one later send within the window may also skip the
  spacing, making up the time the refused request held while under way.
- Requests of any kind, refused ones included, are at most 60 in any second, so a storm of
  refusals stays bounded.
- Order: a send first waits for its chat's own limit, then queues for the overall budget.
  Only the head of that queue sleeps, so thousands of waiting chats cost nothing and a
  refund is used by the next in line. Replies to users (``reply=True``) queue ahead of
  deliveries, but while both wait a delivery gets every ``REPLY_TURNS + 1``-th turn: a
  burst of commands is answered first without stopping a broadcast, and a broadcast never
  keeps a user waiting behind thousands of digests.
- Holds: a chat can be held (after a 429 for it) and every chat paused (a flood limit on the
  whole bot, an outage of Telegram); ``explains`` tells whether a 429 may be the chat's own.
  The holds and pauses a 429 sets are told to ``keep`` (the application keeps them in the
  database and gives them back with ``hold_chat`` and ``pause`` at its next start).
- Adaptive margin (``rate_limited``): a 429 that the chat's own limit cannot explain, for a
  request that left while the overall window was at least three quarters full, is taken
  for the overall limit: the overall margin grows by ``MARGIN_STEP`` (up to ``MAX_MARGIN``),
  and the growth halves with every ``MARGIN_HALF_LIFE`` messages delivered. So a steady
  overrun (Telegram counting lower than 30, or another process sending as this bot) widens
  the margin until the 429s stop, and it narrows back while messages go through; a stray
  429 (1 % of sends at random) costs about 2 % of the rate, not half. Three unexplained
  429s within ``FLOOD_WINDOW`` pause every chat for the retry_after.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
# A chat: its id, or (for a request that names it so) its "@username".
ChatKey = int | str
# Told of each hold a 429 sets: the chat (None: every chat) and its seconds.
Keep = Callable[[ChatKey | None, float], None]

OVERALL_PER_SECOND = 30.0
PRIVATE_INTERVAL = 1.0  # one message per second per private chat
GROUP_INTERVAL = 3.0  # twenty messages per minute per group, supergroup or channel
# The 2 % costs 2 % of the ceiling; it absorbs the error left in the answer anchoring (the
# fastest round trip seen is not quite the two fastest halves) and 1.2 s per group minute.
MARGIN = 0.02
# After a 429 taken for the overall limit the overall margin grows by this much, up to
# MAX_MARGIN; the growth halves with every MARGIN_HALF_LIFE messages delivered (at 30 a
# second, about 7 s of sending).
MARGIN_STEP = 0.01
MAX_MARGIN = 0.5
MARGIN_HALF_LIFE = 200
_MARGIN_DECAY = 0.5 ** (1 / MARGIN_HALF_LIFE)
# A 429 counts towards the overall limit only when this share of the window was in use.
FULL_SHARE = 0.75
# Three 429s the per-chat limits cannot explain within a second: pause every chat.
FLOOD_WINDOW = 1.0
FLOOD_429S = 3
# Twice the message rate leaves room for the few requests Telegram refuses.
REQUESTS_PER_SECOND = 60.0
# While deliveries wait too, replies take this many turns for each delivery's one.
REPLY_TURNS = 4
# The fastest of this many recent round trips anchors answers.
ROUND_TRIPS = 64
# How often the head of the queue looks again while the send that limits it is in flight.
ANSWER_POLL = 0.01
# A request unanswered this long counts as answered then (its caller forgot to say).
IN_FLIGHT_LIMIT = 120.0
_EPSILON = 1e-9  # float noise in sums of clock readings; far below the margin

# True in a task whose calls took their turn from the pacer already (the outbox sender's
# workers): the rate limiter (bot.ratelimit) lets their requests through as they are.
PACED: ContextVar[bool] = ContextVar("paced", default=False)


@dataclass(slots=True, eq=False)  # two sends may leave at the same instant: they differ
class _Send:
    """A counted send: when it left, and the latest time Telegram can have counted it."""

    left: float
    anchor: float | None = None  # None while in flight


class _Line:
    """The queue for the overall budget: one holder at a time, replies ahead of deliveries.

    ``take`` waits for the turn, ``give`` hands it to the next: a reply, unless deliveries
    wait too and replies had ``reply_turns`` turns in a row. First come, first served within
    each kind.
    """

    def __init__(self, reply_turns: int) -> None:
        self.reply_turns = reply_turns
        self._held = False
        self._replies: deque[asyncio.Future[None]] = deque()
        self._deliveries: deque[asyncio.Future[None]] = deque()
        self._run = 0  # replies given the turn in a row while deliveries waited

    async def take(self, reply: bool) -> None:
        """Wait for the turn."""
        if not self._held:
            self._held = True
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        line = self._replies if reply else self._deliveries
        line.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.give()  # the turn came as the task was cancelled: pass it on
            elif waiter in line:  # not yet skipped by a ``give`` (many waiters cancelled)
                line.remove(waiter)
            raise

    def give(self) -> None:
        """Hand the turn to the next in line, or free it."""
        while True:
            deliveries_wait = bool(self._deliveries)
            if self._replies and (not deliveries_wait or self._run < self.reply_turns):
                waiter = self._replies.popleft()
                self._run = self._run + 1 if deliveries_wait else 0
            elif self._deliveries:
                waiter = self._deliveries.popleft()
                self._run = 0
            else:
                self._held = False
                return
            if not waiter.done():  # a cancelled waiter is skipped
                waiter.set_result(None)
                return


class Pacer:
    """Space sends: <= 30/s overall, <= 1/s per private chat, <= 20/min per group or channel.

    The rules are in the module docstring. Every ``acquire`` is followed by ``sent`` (the
    call returned) or ``refund`` (nothing was sent). Clock and sleep are injectable; by
    default they are the running event loop's.
    """

    def __init__(
        self,
        *,
        per_second: float = OVERALL_PER_SECOND,
        private_interval: float = PRIVATE_INTERVAL,
        group_interval: float = GROUP_INTERVAL,
        margin: float = MARGIN,
        requests_per_second: float = REQUESTS_PER_SECOND,
        reply_turns: int = REPLY_TURNS,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        # Counted sends: 1/per_second apart, no margin (the figure Telegram gives); requests of
        # any kind: at most requests_per_second in any second.
        self.spacing = 1.0 / per_second
        # Counted sends: at most `limit` within any `window` seconds (stretched by the margin).
        self.limit = max(1, int(per_second))
        self.request_limit = max(self.limit, int(requests_per_second))
        self.base_window = self.limit / per_second
        self.base_margin = margin
        self.private_interval = private_interval * (1 + margin)
        self.group_interval = group_interval * (1 + margin)
        self._clock = clock
        self._sleep = sleep or asyncio.sleep
        self._line = _Line(reply_turns)
        self._requests: deque[float] = deque()
        self._counted: deque[_Send] = deque()
        # Times of refunded requests still inside the window: each lets one later send skip
        # the spacing, to make up the time the refused one took while under way.
        self._credits: deque[float] = deque()
        self._round_trips: deque[float] = deque(maxlen=ROUND_TRIPS)
        self._excess = 0.0  # the margin's growth after 429s
        self._unexplained_429: deque[float] = deque()
        self._paused_until = 0.0
        self._chat_next: dict[ChatKey, float] = {}
        self._last_send: dict[ChatKey, float] = {}
        self.keep: Keep | None = None

    def now(self) -> float:
        """Return the pacer's clock (seconds, monotonic)."""
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        """Sleep on the pacer's clock."""
        await self._sleep(max(0.0, seconds))

    @property
    def margin(self) -> float:
        """Return the overall window's margin now: the base, plus what 429s added."""
        return self.base_margin + self._excess

    @property
    def window(self) -> float:
        """Return the overall window now: at most ``limit`` counted sends arrive within it."""
        return self.base_window * (1 + self.margin)

    def chat_interval(self, chat_type: str) -> float:
        """Return the minimum spacing of messages to one chat of a type."""
        return self.private_interval if chat_type == "private" else self.group_interval

    async def ready(self, chat_id: ChatKey) -> None:
        """Wait until chat_id's own limit allows a message (the overall budget aside)."""
        while (wait := self._chat_next.get(chat_id, 0.0) - self.now()) > _EPSILON:
            await self.sleep(wait)

    async def acquire(self, chat_id: ChatKey, chat_type: str, *, reply: bool = False) -> float:
        """Wait until a message may go to chat_id, count it as sent now, and return that time.

        ``reply``: a reply to a user, queued ahead of deliveries. Pass the time to ``sent``
        when the call returns, or to ``refund`` if Telegram's answer shows nothing was sent.
        """
        while True:
            await self.ready(chat_id)
            await self._line.take(reply)
            try:
                now = await self._wait_turn()
                if self._chat_next.get(chat_id, 0.0) - now > _EPSILON:
                    continue  # held while it queued: wait for the chat again
                self._requests.append(now)
                self._counted.append(_Send(now))
                self._chat_next[chat_id] = now + self.chat_interval(chat_type)
                self._prune(now)
                return now
            finally:
                self._line.give()

    def _anchor(self, send: _Send, now: float) -> float:
        """Return the latest time Telegram can have counted a send (now, while in flight)."""
        if send.anchor is not None:
            return send.anchor
        return now if now - send.left < IN_FLIGHT_LIMIT else send.left + IN_FLIGHT_LIMIT

    async def _wait_turn(self) -> float:
        """At the head of the queue: sleep until the overall limits allow a request."""
        while True:
            now = self.now()
            window = self.window
            if self._counted and self._anchor(self._counted[0], now) <= now - window:
                self._counted = deque(
                    s for s in self._counted if self._anchor(s, now) > now - window
                )
            while self._requests and self._requests[0] <= now - 1.0:
                self._requests.popleft()
            while self._credits and self._credits[0] <= now - window:
                self._credits.popleft()
            spacing = 0.0 if self._credits else self.spacing
            start = self._paused_until
            if len(self._requests) >= self.request_limit:
                start = max(start, self._requests[-self.request_limit] + 1.0)
            if self._counted:
                start = max(start, self._counted[-1].left + spacing)
            if len(self._counted) >= self.limit:
                # The limit-th latest to arrive must have left the window before this one can
                # arrive; while it is in flight, look again soon.
                latest = sorted(self._counted, key=lambda s: self._anchor(s, now), reverse=True)
                limiting = latest[self.limit - 1]
                if limiting.anchor is None and now - limiting.left < IN_FLIGHT_LIMIT:
                    start = max(start, now + ANSWER_POLL)
                else:
                    start = max(start, self._anchor(limiting, now) + window)
            if start - now <= _EPSILON:
                if self._counted and now - self._counted[-1].left < self.spacing - _EPSILON:
                    self._credits.popleft()  # this send used a refund's time
                return now
            await self.sleep(start - now)

    def _find(self, at: float) -> _Send | None:
        """Return the counted send that left at `at`, one still in flight first."""
        answered = None
        for send in reversed(self._counted):
            if send.left == at:
                if send.anchor is None:
                    return send
                answered = answered or send
        return answered

    def refund(self, at: float, *, make_up: bool = True) -> None:
        """Give back the overall budget taken at `at`: Telegram's answer says nothing was sent.

        Only answers that prove it qualify (see ``bot.sender.sent_nothing``): Telegram's
        limits count messages sent. The refused request took its 1/30 s while it was under
        way (its answer may come 100 ms later); to make that up, one later send within the
        window may go without waiting for the spacing (the window's 30 per 1.02 s still
        holds), unless ``make_up`` is False: after a 429, hurrying would press on the limit
        that refused it. The refunded request itself still counts towards the 60 requests a
        second of any kind.
        """
        send = self._find(at)
        if send is None:  # already out of the window: nothing to give back
            return
        self._counted.remove(send)
        if make_up:
            self._credits.append(at)

    def sent(self, chat_id: ChatKey, chat_type: str, at: float, *, delivered: bool = True) -> None:
        """Take in the answer to the call ``acquire`` let go at `at` (or its failure).

        The chat's spacing counts from now (latency is not spacing). The send is anchored in
        the overall window: at most the fastest round trip before now can Telegram have
        counted it. ``delivered`` is False for an answer that sent nothing (refunded) or for
        a call that got none (a timeout: the message may have gone).
        """
        now = self.now()
        send = self._find(at)
        if send is not None and send.anchor is None:
            if delivered:
                self._round_trips.append(now - at)
            fastest = min(self._round_trips, default=0.0)
            send.anchor = max(at, now - fastest)
        if delivered:
            self._last_send[chat_id] = now
            self._excess *= _MARGIN_DECAY
        self._chat_next[chat_id] = max(
            self._chat_next.get(chat_id, 0.0), now + self.chat_interval(chat_type)
        )

    def hold_chat(self, chat_id: ChatKey, seconds: float) -> None:
        """Send nothing to chat_id for the next seconds."""
        until = self.now() + seconds
        self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0), until)

    def pause(self, seconds: float) -> None:
        """Send nothing to anyone for the next seconds."""
        self._paused_until = max(self._paused_until, self.now() + seconds)

    @property
    def paused_until(self) -> float:
        """Return when the last pause of every chat ends (on the pacer's clock)."""
        return self._paused_until

    def explains(self, chat_id: ChatKey, chat_type: str) -> bool:
        """Return True when a 429 for chat_id may be that chat's own limit (it was just sent to)."""
        last = self._last_send.get(chat_id)
        window = 2 * self.chat_interval(chat_type) if chat_type == "private" else 60.0
        return last is not None and self.now() - last < window

    def rate_limited(self, chat_id: ChatKey, chat_type: str, retry_after: float, at: float) -> bool:
        """Take in a 429 for the send that left at `at`; return True if every chat paused.

        The chat waits retry_after. A 429 its own limit cannot explain, for a send that left
        with the overall window at least ``FULL_SHARE`` full, grows the overall margin; the
        third unexplained one within ``FLOOD_WINDOW`` pauses every chat for retry_after.
        Call it after ``refund`` and ``sent``.
        """
        self.hold_chat(chat_id, retry_after)
        if self.keep is not None:
            self.keep(chat_id, retry_after)
        if self.explains(chat_id, chat_type):
            return False
        now = self.now()
        busy = sum(1 for t in self._requests if at - self.base_window < t <= at)
        if busy >= FULL_SHARE * self.limit:
            self._excess = min(MAX_MARGIN - self.base_margin, self._excess + MARGIN_STEP)
        self._unexplained_429.append(now)
        while self._unexplained_429 and now - self._unexplained_429[0] > FLOOD_WINDOW:
            self._unexplained_429.popleft()
        if len(self._unexplained_429) >= FLOOD_429S:
            self.pause(retry_after)
            if self.keep is not None:
                self.keep(None, retry_after)
            return True
        return False

    def _prune(self, now: float) -> None:
        if len(self._chat_next) > 50_000:
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
            self._last_send = {c: t for c, t in self._last_send.items() if t > now - 60.0}
