"""When a message may go: Telegram's flood limits, kept by spacing every send.

Telegram's limits (Bot FAQ): about 30 messages a second to different chats, one a second to
one private chat, twenty a minute to one group, supergroup or channel.

The rules kept here:

- Margin: every limit's window is stretched by 2 % (``MARGIN``). A message is counted here
  when its request leaves and at Telegram when it arrives; network, proxy and event-loop
  jitter can bring two messages that left a window apart into one window there. The margin
  absorbs up to 20 ms of such skew per one-second window.
- Overall: counted requests are at least 1/30 s apart and at most 30 fall in any 1.02 s
  (30 / 1.02 = 29.4 messages a second).
- Per chat: sends to one private chat are at least 1.02 s apart; to one group, supergroup or
  channel at least 3.06 s apart (so at most 20 in any 61.2 s). The spacing counts from when
  the API call returned (``sent``): latency is not spacing.
- Counting: a request is counted when it leaves. One that Telegram answered without sending
  anything (``bot.sender.sent_nothing``) is given back (``refund``) and its place goes to the
  next in line; unless it was a 429, one later send within the window may also skip the
  spacing, making up the time the refused request held while under way.
- Requests of any kind, refused ones included, are at most 60 in any second, so a storm of
  refusals stays bounded.
- Order: a send first waits for its chat's own limit, then queues (first come, first served)
  for the overall budget. Only the head of that queue sleeps, so thousands of waiting chats
  cost nothing and a refund is used by the next in line.
- Holds: a chat can be held (after a 429 for it) and every chat paused (a flood limit on the
  whole bot, an outage of Telegram); ``explains`` tells whether a 429 may be the chat's own.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

OVERALL_PER_SECOND = 30.0
PRIVATE_INTERVAL = 1.0  # one message per second per private chat
GROUP_INTERVAL = 3.0  # twenty messages per minute per group, supergroup or channel
# The 2 % costs 2 % of the ceiling; it absorbs 20 ms of skew per private chat and 1.2 s per
# group minute as well.
MARGIN = 0.02
# Twice the message rate leaves room for the few requests Telegram refuses.
REQUESTS_PER_SECOND = 60.0
_EPSILON = 1e-9  # float noise in sums of clock readings; far below the margin


class Pacer:
    """Space sends: <= 30/s overall, <= 1/s per private chat, <= 20/min per group or channel.

    The rules are in the module docstring. Clock and sleep are injectable; by default they
    are the running event loop's.
    """

    def __init__(
        self,
        *,
        per_second: float = OVERALL_PER_SECOND,
        private_interval: float = PRIVATE_INTERVAL,
        group_interval: float = GROUP_INTERVAL,
        margin: float = MARGIN,
        requests_per_second: float = REQUESTS_PER_SECOND,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        # Counted sends: 1/per_second apart, no margin (the figure Telegram gives); requests of
        # any kind: at most requests_per_second in any second.
        self.spacing = 1.0 / per_second
        # Counted sends: at most `limit` within any `window` seconds (stretched by the margin).
        self.limit = max(1, int(per_second))
        self.request_limit = max(self.limit, int(requests_per_second))
        self.window = self.limit / per_second * (1 + margin)
        self.private_interval = private_interval * (1 + margin)
        self.group_interval = group_interval * (1 + margin)
        self._clock = clock
        self._sleep = sleep or asyncio.sleep
        self._turn = asyncio.Lock()  # FIFO: the queue for the overall budget
        self._requests: deque[float] = deque()
        self._counted: deque[float] = deque()
        # Times of refunded requests still inside the window: each lets one later send skip
        # the spacing, to make up the time the refused one took while under way.
        self._credits: deque[float] = deque()
        self._paused_until = 0.0
        self._chat_next: dict[int, float] = {}
        self._last_send: dict[int, float] = {}

    def now(self) -> float:
        """Return the pacer's clock (seconds, monotonic)."""
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        """Sleep on the pacer's clock."""
        await self._sleep(max(0.0, seconds))

    def chat_interval(self, chat_type: str) -> float:
        """Return the minimum spacing of messages to one chat of a type."""
        return self.private_interval if chat_type == "private" else self.group_interval

    async def ready(self, chat_id: int) -> None:
        """Wait until chat_id's own limit allows a message (the overall budget aside)."""
        while (wait := self._chat_next.get(chat_id, 0.0) - self.now()) > _EPSILON:
            await self.sleep(wait)

    async def acquire(self, chat_id: int, chat_type: str) -> float:
        """Wait until a message may go to chat_id, count it as sent now, and return that time.

        Pass the time to ``refund`` if Telegram's answer shows that nothing was sent.
        """
        while True:
            await self.ready(chat_id)
            async with self._turn:
                now = await self._wait_turn()
                if self._chat_next.get(chat_id, 0.0) - now > _EPSILON:
                    continue  # held while it queued: wait for the chat again
                self._requests.append(now)
                self._counted.append(now)
                self._chat_next[chat_id] = now + self.chat_interval(chat_type)
                self._prune(now)
                return now

    async def _wait_turn(self) -> float:
        """At the head of the queue: sleep until the overall limits allow a request."""
        while True:
            now = self.now()
            while self._counted and self._counted[0] <= now - self.window:
                self._counted.popleft()
            while self._requests and self._requests[0] <= now - 1.0:
                self._requests.popleft()
            while self._credits and self._credits[0] <= now - self.window:
                self._credits.popleft()
            spacing = 0.0 if self._credits else self.spacing
            start = self._paused_until
            if len(self._requests) >= self.request_limit:
                start = max(start, self._requests[-self.request_limit] + 1.0)
            if self._counted:
                start = max(start, self._counted[-1] + spacing)
            if len(self._counted) >= self.limit:
                start = max(start, self._counted[-self.limit] + self.window)
            if start - now <= _EPSILON:
                if self._counted and now - self._counted[-1] < self.spacing - _EPSILON:
                    self._credits.popleft()  # this send used a refund's time
                return now
            await self.sleep(start - now)

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
        try:
            self._counted.remove(at)
        except ValueError:  # already out of the window: nothing to give back
            return
        if make_up:
            self._credits.append(at)

    def sent(self, chat_id: int, chat_type: str, *, delivered: bool = True) -> None:
        """Count the chat's spacing from when the API call returned (latency is not spacing)."""
        now = self.now()
        if delivered:
            self._last_send[chat_id] = now
        self._chat_next[chat_id] = max(
            self._chat_next.get(chat_id, 0.0), now + self.chat_interval(chat_type)
        )

    def hold_chat(self, chat_id: int, seconds: float) -> None:
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

    def explains(self, chat_id: int, chat_type: str) -> bool:
        """Return True when a 429 for chat_id may be that chat's own limit (it was just sent to)."""
        last = self._last_send.get(chat_id)
        window = 2 * self.chat_interval(chat_type) if chat_type == "private" else 60.0
        return last is not None and self.now() - last < window

    def _prune(self, now: float) -> None:
        if len(self._chat_next) > 50_000:
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
            self._last_send = {c: t for c, t in self._last_send.items() if t > now - 60.0}
