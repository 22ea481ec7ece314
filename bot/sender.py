"""The outbox sender: every queued message to every live chat, once, as fast as allowed.

Messages wait in the SQLite outbox (``digests.store``). ``Sender`` takes the due ones, runs
one worker per chat (so parts of a digest arrive in order) and many chats at once, paced by
``bot.pacer.Pacer`` under Telegram's flood limits (the bot's one pacer: handlers' replies take
their turns from it too, see ``bot.ratelimit``; the workers set ``bot.pacer.PACED`` so that the
rate limiter lets their calls through as they are). A row is marked ``sending`` before the
API call and ``sent`` right after it succeeds, so a crash re-sends at most the messages in
flight. A request whose answer shows that Telegram sent nothing (``sent_nothing``: a 403,
400, 429 or 5xx answer) is given back to the pacer's overall budget.

A row is one call, by its kind: "message" (sendMessage; a digest's first part may carry its
lead picture as a large link preview above the text), "photo" (sendPhoto, the story as its
caption) or "edit" (editMessageText, or editMessageCaption for a photo). Each goes to the
row's forum topic (``message_thread_id``) when it has one. Every call to a chat, edits
included, counts towards that chat's limit in the pacer; edits to one chat are also kept
``EDIT_SPACING`` apart (``EditSpacing``: Telegram allows about 20 edits a minute per chat,
private chats included, where the pacer alone would allow 60 calls).

Failures, by PTB error class (``BadRequest`` is a ``NetworkError``: it is caught first):

- ``RetryAfter``: the chat waits retry_after; so does everyone when the chat's own limit
  cannot explain it. Never gives the message up.
- ``ChatMigrated``: the subscription and queued messages move to the supergroup; re-sent
  (``on_migrate``: the bot moves what PTB keeps for the chat, a pending /import, too).
  An edit is dropped: its message stays the group's (the supergroup numbers its own).
- ``Forbidden``, ``BadRequest`` "chat not found" and kin: the subscription is deactivated.
- ``BadRequest`` "can't parse entities" / "message is too long": failed, reported as a bug.
- ``TimedOut``, ``NetworkError``, 5xx and anything else: exponential back-off, then failed.
  When such failures come from several chats in a row with no success between, Telegram
  itself is down: every chat pauses (5 s, doubling up to 5 min, then probing with one
  request) and failures during the outage are not held against their messages' attempts.

- ``BadRequest`` "message thread not found", TOPIC_CLOSED, TOPIC_DELETED for a row sent to
  a topic: that topic's subscription is paused (the chat's others go on) and a notice goes to
  the chat's general topic. Telegram says "message thread not found" both for a deleted topic
  and for any topic of a group that turned its topics off: getChat's ``is_forum`` tells which.
  A group no longer a forum keeps its readers' digests: its topics' subscriptions become one
  of the group's own (``store.topics_turned_off``), the row goes on to the group itself, and
  the group is told once.
- ``BadRequest`` TOPIC_CLOSED for a row with no topic: the forum's General topic is closed.
  The group's own subscription is paused as a closed topic's is (no notice to the bot's
  admins), the group is told once in a topic the bot posts in, and Telegram's
  ``forum_topic_reopened`` in General resumes it.
- ``BadRequest`` refusing a photo (Telegram could not fetch or read the picture, or the
  group lets no one send photos): the same row is sent again at once as a text message, its
  caption as the text; not a failure. A group that lets no one send photos is remembered
  with the chat in the store, restarts included (``NO_PHOTOS_FOR``, or until /settings
  pictures is set there again: ``store.forget_photos_refused``): its next photo posts go as
  text at once, with no photo request wasted on each.
- A channel lost so (Telegram's membership update may never come): whoever subscribed it
  from their chat with the bot is told once, as ``bot.handlers.members`` tells them.
- An edit Telegram answers "message is not modified" is done; one whose message is gone
  (deleted in the chat) is dropped, and the post gets no more edits.

A failed part fails the rest of its digest too, as later parts would never become due.
A row tried again after a wait (a 429, a back-off, an outage) is read again first: a live
post or edit rewritten meanwhile goes out as it reads now, one given up meanwhile (its chat
unsubscribed) does not go.

Stopping (``run_forever``): calls under way are let finish; workers only waiting for their
turn (a chat's hold, a pause of every chat, the overall budget, a back-off) stop at once, so
a stop during a long 429 is not held up; their messages stay in the outbox for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import math
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from functools import partial

from sqlite_utils import Database
from telegram import Bot, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.warnings import PTBDeprecationWarning

from bot import i18n, replies
from bot.i18n import Translator
from bot.pacer import MARGIN, PACED, Pacer
from digests import store
from digests.models import OutboxMessage, Subscription

log = logging.getLogger(__name__)

FailureCallback = Callable[[OutboxMessage, BaseException], object]
# Told True when Telegram looks down and every send pauses, False when a send succeeds again.
OutageCallback = Callable[[bool], object]
# Moves a group's subscriptions (and whatever else is kept for it) to its supergroup's id.
MigrateCallback = Callable[[int, int], object]

# This many chats failing in a row (5xx, timeouts, lost connections; no success between) is
# an outage of Telegram, not of the chats: with 5 % of sends failing at random, eight in a
# row happen about once in 2.6 billion sends.
OUTAGE_CHATS = 8
OUTAGE_PAUSE = 5.0
MAX_OUTAGE_PAUSE = 300.0
# A message that fails transiently (5xx, timeouts, lost connections) is given up only after
# max_attempts AND once it has waited this long since it was queued; until then it is tried
# again every max_backoff. A bot with few chats due in an outage never sees OUTAGE_CHATS fail
# in a row: without this its digests were given up after a minute of failures (bench/soak.py
# --quick lost 5 in a 40-minute outage); now they arrive late instead.
RETRY_FOR = 3 * 3600.0
# BadRequest texts (PTB lower-cases all but the first letter) that mean the chat is gone:
# lost (``store.LOST_CHAT``: removed, deleted, deactivated, the user gone), or the bot may not
# post there (``store.NO_RIGHTS``: the subscription then waits for the right).
_GONE = (*store.LOST_CHAT, *store.NO_RIGHTS)
# BadRequest texts for a chat where the bot may not write (lost, muted, not an admin of the
# channel, a closed topic): no bug, and nothing the bot can say there about it.
_MAY_NOT_WRITE = (*_GONE, "topic_closed", "topic closed")
# BadRequest texts that mean we rendered something Telegram refuses: a bug, not a retry.
_BUGS = (
    "can't parse entities",
    "can't find end",
    "unsupported start tag",
    "message is too long",
    "message text is empty",
    "text must be non-empty",
    "entities too long",
    "entities_too_long",
    "caption is too long",
)
# BadRequest texts for a message sent to a forum topic that is closed or deleted (or to a
# group whose topics were turned off): the topic's subscription pauses.
_TOPIC_GONE = ("message thread not found", "topic_closed", "topic_deleted", "topic closed")
# ... of which these answer a send with no topic to a forum whose General topic is closed.
_TOPIC_CLOSED = ("topic_closed", "topic closed")
# ... of which this one also answers a send to a topic of a group that turned topics off.
_THREAD_NOT_FOUND = ("message thread not found",)
# BadRequest texts refusing a photo's picture (Telegram fetches it by URL): sent as text.
_PHOTO_REFUSED = (
    "wrong file identifier/http url specified",
    "failed to get http url content",
    "wrong type of the web page content",
    "image_process_failed",
    "photo_invalid_dimensions",
    "photo_save_file_invalid",
    "webpage_curl_failed",
    "webpage_media_empty",
    "wrong remote file identifier",
    # A group may let members send text but not photos: the bot may still post as text.
    "not enough rights to send photos",
)
# A group refusing photos for want of the right: its photo posts go as text at once, this long.
_NO_PHOTO_RIGHTS = ("not enough rights to send photos",)
NO_PHOTOS_FOR = timedelta(days=1)
# Edits: done already, or the message to edit is gone.
_NOT_MODIFIED = ("message is not modified",)
_EDIT_GONE = (
    "message to edit not found",
    "message can't be edited",
    "message_id_invalid",
    "there is no text in the message to edit",
    "there is no caption in the message to edit",
)
# About 20 edits a minute per chat, with the pacer's 2 % margin: 3.06 s apart.
EDITS_PER_MINUTE = 20
EDIT_SPACING = 60.0 / EDITS_PER_MINUTE * (1 + MARGIN)


@dataclass(slots=True)
class DrainResult:
    """What a drain did: messages sent, retries, gives-up, chats deactivated and migrated."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    deactivated: int = 0
    migrated: int = 0
    rate_limited: int = 0  # 429 answers received
    outages: int = 0  # times Telegram looked down and every chat paused
    paused: int = 0  # topic subscriptions paused: the topic was closed or deleted
    as_text: int = 0  # photo posts Telegram refused, sent again as text
    edits: int = 0  # messages edited (live posts whose story grew)

    def add(self, other: DrainResult) -> None:
        """Add another result's counts to this one."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def retry_seconds(error: RetryAfter) -> float:
    """Return a RetryAfter's wait in seconds, whether PTB gives an int or a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _matches(error: TelegramError, needles: Sequence[str]) -> bool:
    text = error.message.lower()
    return any(n in text for n in needles)


def _refused(error: TelegramError, needles: Sequence[str]) -> bool:
    """Return True for a 400 answer whose text has one of needles."""
    return isinstance(error, BadRequest) and _matches(error, needles)


def may_not_write(error: BaseException | None) -> bool:
    """Return True when Telegram refused a request because the bot may not write in the chat
    (blocked, removed, muted, not an admin of the channel, a closed topic)."""
    return isinstance(error, Forbidden) or (
        isinstance(error, BadRequest) and _matches(error, _MAY_NOT_WRITE)
    )


def sent_nothing(error: TelegramError) -> bool:
    """Return True when a failed send's answer shows that Telegram sent no message.

    Such a request is given back to the pacer's overall budget (``Pacer.refund``), since
    Telegram states that limit in messages: the Bot FAQ's "will not allow more than 30
    messages per second or so", and paid broadcasting is "up to 1000 messages per second"
    for a fee "per message".

    - An error answer from Telegram refuses the message: 403 (blocked, kicked, deactivated),
      400 (chat not found, can't parse entities, upgraded to a supergroup), 429 (a limit;
      a cluster of them pauses every chat, see ``Pacer.rate_limited``) and 5xx. True. The
      sender re-sends after a 429 or 5xx, which it could not do without duplicates if it
      thought the message might have gone out.
    - No answer: a timeout, a connection error (PTB raises them from the transport's own
      exception), or a 504 from a proxy that gave up waiting for Telegram. The message may
      have gone out before the answer was lost. False: counted as sent.

    Should Telegram count refused requests after all, its 429s say so, and the sender holds
    the chat or, when they cluster, pauses every chat; nothing is lost.
    """
    if isinstance(error, TimedOut) or "gateway timeout" in error.message.lower():
        return False
    cause = error.__cause__
    # PTB raises an HTTP answer's error from nothing or from a failed parse of the answer's
    # body (a TelegramError), and a transport failure from the transport's exception.
    return cause is None or isinstance(cause, TelegramError)


class EditSpacing:
    """Keep edits to one chat ``interval`` seconds apart (on the pacer's clock)."""

    def __init__(self, interval: float = EDIT_SPACING) -> None:
        self.interval = interval
        self._last: dict[int, float] = {}

    def wait(self, chat_id: int, now: float) -> float:
        """Return how long an edit to chat_id must wait from now."""
        last = self._last.get(chat_id)
        return 0.0 if last is None else max(0.0, last + self.interval - now)

    def note(self, chat_id: int, now: float) -> None:
        """Count an edit to chat_id made now."""
        if len(self._last) > 50_000:  # forget chats whose spacing has long passed
            self._last = {c: t for c, t in self._last.items() if t > now - self.interval}
        self._last[chat_id] = now


def link_preview(row: OutboxMessage) -> LinkPreviewOptions:
    """Return a message's link preview: its picture large above the text, or the chat's choice."""
    return preview_options(row.preview_url, link_previews=row.link_previews)


def preview_options(picture: str | None, *, link_previews: bool) -> LinkPreviewOptions:
    """Return a digest message's link preview: the picture large above the text, or else link
    previews as the subscription chose (the outbox's sends and /digest alike)."""
    if picture:
        return LinkPreviewOptions(
            is_disabled=False, url=picture, prefer_large_media=True, show_above_text=True
        )
    return LinkPreviewOptions(is_disabled=not link_previews)


class _Slots:
    """At most ``size`` calls under way; among waiting ones a digest's later part goes first.

    A chat's next part waits for the chat's own limit (3 s in a group or channel) and then
    for a slot: behind hundreds of private chats' digests, first come first served, a group's
    twenty parts took a slot's whole queue each (25 parts to 30 groups beside 1,200 private
    messages: the last part at 133 s, where the limits allow 75 s). Parts of a digest already
    begun are the longest chains of sends, so they go ahead; the others lose no throughput.
    """

    def __init__(self, size: int) -> None:
        self._free = size
        self._first: deque[asyncio.Future[None]] = deque()
        self._rest: deque[asyncio.Future[None]] = deque()

    async def acquire(self, *, first: bool = False) -> None:
        """Wait for a slot (``first``: ahead of the others waiting)."""
        if self._free > 0 and not self._first and not self._rest:
            self._free -= 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        line = self._first if first else self._rest
        line.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # the slot came as the task was cancelled: pass it on
            elif waiter in line:
                line.remove(waiter)
            raise

    def release(self) -> None:
        """Hand the slot to the next waiting, or free it."""
        while self._first or self._rest:
            waiter = (self._first or self._rest).popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1


class _Stop(Exception):
    """Internal: this chat's worker stops (the row was parked, failed or its chat is gone)."""


class Sender:
    """Deliver the outbox: concurrent across chats, ordered within one, paced, retried."""

    def __init__(
        self,
        bot: Bot,
        db: Database,
        *,
        pacer: Pacer | None = None,
        max_attempts: int = 6,
        retry_for: float = RETRY_FOR,
        base_backoff: float = 2.0,
        max_backoff: float = 300.0,
        max_inline_wait: float = 60.0,
        concurrency: int = 16,
        batch: int = 500,
        poll_interval: float = 1.0,
        clock: Callable[[], datetime] = store.utcnow,
        on_failure: FailureCallback | None = None,
        on_bug: FailureCallback | None = None,
        outage_chats: int = OUTAGE_CHATS,
        on_outage: OutageCallback | None = None,
        counts: DrainResult | None = None,
        language: str = i18n.DEFAULT_LANGUAGE,
        chats: frozenset[int] | None = None,
        on_migrate: MigrateCallback | None = None,
    ) -> None:
        self.bot = bot
        self.db = db
        # The chats it delivers to (None: every one); others' messages stay in the outbox.
        self.chats = chats
        # Notices the sender writes (a topic paused) speak the chat's language, else this one.
        self.language = language
        self.pacer = pacer or Pacer()
        self.max_attempts = max_attempts
        self.retry_for = retry_for
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        # Waits up to this long happen in the worker; longer ones park the row in the outbox.
        self.max_inline_wait = max_inline_wait
        self.concurrency = concurrency
        self.batch = batch
        self.poll_interval = poll_interval
        self.clock = clock
        self.on_failure = on_failure
        self.on_bug = on_bug
        self.outage_chats = outage_chats
        self.on_outage = on_outage
        # The bot's own (digest_jobs.move_chat) also moves PTB's chat_data and the jobs.
        self.on_migrate: MigrateCallback = on_migrate or partial(store.migrate_chat, db)
        self.totals = DrainResult()
        # Every count as it happens (totals only grow when a drain or a round ends): what
        # /metrics reads. The caller may pass its own, to keep counting across senders.
        self.counts = counts if counts is not None else DrainResult()
        self._busy: dict[int, asyncio.Task[None]] = {}
        self._slots = _Slots(concurrency)
        self._wake = asyncio.Event()
        self._finished = asyncio.Event()
        self._stopping = False
        # Rows a drain parked for later: that drain does not take them again.
        self._parked: set[int] = set()
        # The time a drain was asked to send at (None: the clock's). A notice the drain queues
        # (a topic paused, topics turned off) is due then, so the same drain sends it.
        self._drain_now: datetime | None = None
        # Chats whose sends failed transiently since the last success; the outage's pause.
        self._failing_chats: set[int] = set()
        self._outage_pause = 0.0
        self._outage_began = 0.0
        self.edit_spacing = EditSpacing()
        # Workers waiting for their turn (no request under way): a stop cancels them.
        self._waiting: set[asyncio.Task[None]] = set()

    @contextlib.contextmanager
    def _waiting_turn(self) -> Iterator[None]:
        """Mark the current worker as waiting, with no request under way: a stop cancels it."""
        task = asyncio.current_task()
        if task is None:
            yield
            return
        self._waiting.add(task)
        try:
            yield
        finally:
            self._waiting.discard(task)

    def _note_success(self) -> None:
        """A message went out: any outage is over."""
        if self._outage_pause:
            log.warning(
                "Telegram answers again after %.0f s: sending resumes",
                self.pacer.now() - self._outage_began,
            )
            self._outage_pause = 0.0
            self._tell_outage(False)
        self._failing_chats.clear()

    @property
    def in_outage(self) -> bool:
        """Return True while Telegram looks down and every send is paused."""
        return bool(self._outage_pause)

    def _tell_outage(self, began: bool) -> None:
        if self.on_outage is None:
            return
        try:
            self.on_outage(began)
        except Exception:
            log.exception("the outage callback failed")

    def _outage(self, chat_id: int, result: DrainResult) -> bool:
        """Count a transient failure; return True while Telegram looks down.

        While it does, each failure (the probe sent when a pause ends, or a call that was
        already under way) pauses every chat again, twice as long as before, up to
        MAX_OUTAGE_PAUSE.
        """
        self._failing_chats.add(chat_id)
        if not self._outage_pause and len(self._failing_chats) < self.outage_chats:
            return False
        if not self._outage_pause:
            self._outage_began = self.pacer.now()
            self._outage_pause = OUTAGE_PAUSE
            result.outages += 1
            self.counts.outages += 1
            log.warning(
                "%d chats failed in a row: Telegram looks down, pausing every send",
                len(self._failing_chats),
            )
            self._tell_outage(True)
        elif self.pacer.now() >= self.pacer.paused_until:  # a probe failed: wait longer
            self._outage_pause = min(MAX_OUTAGE_PAUSE, 2 * self._outage_pause)
        self.pacer.pause(self._outage_pause)
        return True

    def wake(self) -> None:
        """Look at the outbox now (call after enqueueing)."""
        self._wake.set()

    @property
    def in_flight(self) -> int:
        """Return how many chats have a worker."""
        return len(self._busy)

    async def drain(
        self, now: datetime | None = None, max_messages: int | None = None
    ) -> DrainResult:
        """Send every message due (at now, default the clock) until none is left; return counts.

        Parts that become due as earlier ones are sent go out in the same drain; rows parked
        for a long wait (a big retry_after, a long back-off) are left for a later drain.
        """
        result = DrainResult()
        budget = max_messages
        self._parked.clear()
        self._drain_now = now
        try:
            await self._drain(result, now, budget)
        finally:
            self._drain_now = None
        self.totals.add(result)
        return result

    async def _drain(self, result: DrainResult, now: datetime | None, budget: int | None) -> None:
        """Hand out due rows to workers until none is left (``drain``'s loop)."""
        while True:
            started = 0
            if budget is None or budget > 0:
                started = self._fill(result, now, budget)
                if budget is not None:
                    budget -= started
            if not self._busy:
                if started == 0:
                    break
                continue
            await self._wait_finished(self.poll_interval / 2)

    async def run_forever(self, stop_event: asyncio.Event) -> None:
        """Deliver until stop_event is set; poll every poll_interval or when woken."""
        self._stopping = False
        result = DrainResult()
        while not stop_event.is_set():
            self._parked.clear()  # with the real clock, parked rows come back when due
            try:
                self._fill(result, None, None)
            except Exception:
                log.exception("could not read the outbox")
            self._wake.clear()
            waits = [
                asyncio.ensure_future(stop_event.wait()),
                asyncio.ensure_future(self._wake.wait()),
                asyncio.ensure_future(self._finished.wait()),
            ]
            try:
                await asyncio.wait(
                    waits, timeout=self.poll_interval, return_when=asyncio.FIRST_COMPLETED
                )
            finally:
                for waiter in waits:
                    waiter.cancel()
            self._finished.clear()
            if result.sent or result.failed or result.deactivated:
                log.info("delivery: %s", result)
                self.totals.add(result)
                result = DrainResult()
        # Let calls under way finish (they would be re-sent after a restart otherwise); a
        # worker that waits for its turn (a chat's hold after a 429, a pause of every chat,
        # the overall budget, a back-off) has no request under way: it stops now, its
        # message left in the outbox for the next start.
        self._stopping = True
        for waiting in list(self._waiting):
            waiting.cancel()
        if self._busy:
            await asyncio.wait(set(self._busy.values()), timeout=30)
        self.totals.add(result)

    # -- dispatch ------------------------------------------------------------------------------

    async def _wait_finished(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._finished.wait(), seconds)
        self._finished.clear()

    def _fill(self, result: DrainResult, now: datetime | None, budget: int | None) -> int:
        """Start a worker for each chat with due messages and none yet; return rows handed out."""
        if len(self._busy) >= self.batch // 2:
            return 0  # enough chats queued at the pacer; re-reading the outbox would be waste
        rows = store.outbox_due(
            self.db, now=now or self.clock(), limit=self.batch + len(self._busy), chats=self.chats
        )
        by_chat: dict[int, list[OutboxMessage]] = {}
        for row in rows:
            if row.id in self._parked:
                continue
            chat_rows = by_chat.setdefault(row.chat_id, [])
            # One digest at a time per chat, so two digests' parts never interleave.
            if not chat_rows or chat_rows[0].digest_key == row.digest_key:
                chat_rows.append(row)
        handed = 0
        for chat_id, chat_rows in by_chat.items():
            if chat_id in self._busy:
                continue
            if budget is not None:
                chat_rows = chat_rows[: budget - handed]
                if not chat_rows:
                    break
            task = asyncio.create_task(
                self._work(chat_id, chat_rows, result, follow=budget is None)
            )
            self._busy[chat_id] = task
            handed += len(chat_rows)
        return handed

    async def _work(
        self, chat_id: int, rows: list[OutboxMessage], result: DrainResult, *, follow: bool
    ) -> None:
        """Deliver a chat's rows in order; with ``follow``, then its digest's next parts."""
        PACED.set(True)  # this task's calls take their turn from the pacer themselves
        owned = [chat_id]
        queue = list(rows)
        current = rows[0]
        try:
            while queue:
                current = queue.pop(0)
                if self._stopping:
                    return
                await self._deliver(current, result, owned)
                if follow and not queue:
                    # The next part became due as this one was sent: it goes on in this
                    # worker, in the chat's own rhythm, rather than waiting for the next
                    # read of the outbox (held off while hundreds of chats are queued).
                    after = store.next_part(self.db, current, now=self.clock())
                    if after is not None and after.id not in self._parked:
                        queue.append(after)
        except _Stop:
            pass
        except Exception as exc:  # a bug or the database: keep the other chats going
            log.exception("delivery to chat %s failed unexpectedly", chat_id)
            with contextlib.suppress(Exception):
                store.mark_retry(self.db, current.id, repr(exc), self._later(60.0))
        finally:
            for owner in owned:
                if self._busy.get(owner) is asyncio.current_task():
                    del self._busy[owner]
            self._finished.set()

    # -- one message -------------------------------------------------------------------------

    def _waited(self, row: OutboxMessage) -> float:
        """Return the seconds since the row was queued (a row of unknown age: for ever)."""
        if row.created is None:
            return math.inf
        return (self.clock() - row.created).total_seconds()

    def _later(self, seconds: float) -> datetime:
        return self.clock() + timedelta(seconds=seconds)

    async def _call(self, row: OutboxMessage) -> int:
        """Make the row's API call; return the id of the message sent (or edited)."""
        thread = row.thread_id
        if row.kind == "photo":
            assert row.photo_url is not None
            photo = await self.bot.send_photo(
                chat_id=row.chat_id,
                photo=row.photo_url,
                caption=row.text,
                parse_mode=ParseMode.HTML,
                disable_notification=row.disable_notification,
                message_thread_id=thread,
            )
            return photo.message_id
        if row.kind == "edit":
            assert row.edit_message_id is not None
            edited: Message | bool
            if row.photo_url:
                edited = await self.bot.edit_message_caption(
                    chat_id=row.chat_id,
                    message_id=row.edit_message_id,
                    caption=row.text,
                    parse_mode=ParseMode.HTML,
                )
            else:
                edited = await self.bot.edit_message_text(
                    text=row.text,
                    chat_id=row.chat_id,
                    message_id=row.edit_message_id,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=link_preview(row),
                )
            return edited.message_id if isinstance(edited, Message) else row.edit_message_id
        message = await self.bot.send_message(
            chat_id=row.chat_id,
            text=row.text,
            parse_mode=ParseMode.HTML,
            disable_notification=row.disable_notification,
            link_preview_options=link_preview(row),
            message_thread_id=thread,
        )
        return message.message_id

    def _refuses_photos(self, chat_id: int) -> str | None:
        """Return Telegram's words when the chat refused a photo for want of the right within
        ``NO_PHOTOS_FOR``, else None (the note kept with the chat, so across restarts)."""
        refused = store.photos_refused(self.db, chat_id)
        if refused is None:
            return None
        # A note from the future (noted while the clock ran ahead, then set right) is forgotten
        # too: it would hold for as long as the clock was ahead, and a day more.
        if not timedelta(0) <= self.clock() - refused[0] < NO_PHOTOS_FOR:
            store.forget_photos_refused(self.db, chat_id)
            return None
        return refused[1]

    def _as_text(self, row: OutboxMessage, reason: str, result: DrainResult) -> OutboxMessage:
        """Turn a photo row into a text row (its caption as the text), counted as such."""
        store.send_as_text(self.db, row.id, reason)
        result.as_text += 1
        self.counts.as_text += 1
        return replace(row, kind="message", photo_url=None)

    def _done(self, row: OutboxMessage, message_id: int, result: DrainResult) -> None:
        live = row.story_id is not None and row.kind != "edit"
        store.mark_sent(self.db, row.id, message_id, now=self.clock(), live=live)
        result.sent += 1
        self.counts.sent += 1
        if row.kind == "edit":
            result.edits += 1
            self.counts.edits += 1

    async def _deliver(self, row: OutboxMessage, result: DrainResult, owned: list[int]) -> None:
        """Send one message, waiting and retrying as its failures say; raise _Stop to end the chat."""
        outbox_id = row.id
        attempts = row.attempts
        migrations = 0
        waited = False  # the row waited out a failure: read it again before the next call
        while True:
            chat_id, chat_type = row.chat_id, row.chat_type
            if row.kind == "photo" and (refusal := self._refuses_photos(chat_id)) is not None:
                row = self._as_text(row, refusal, result)
            # The chat's own limit is waited out before taking a call slot, and the overall
            # turn after: the time the pacer counts is then the time the request leaves.
            with self._waiting_turn():
                await self.pacer.ready(chat_id)
                if row.kind == "edit":
                    await self.pacer.sleep(self.edit_spacing.wait(chat_id, self.pacer.now()))
                if self._stopping:
                    raise _Stop
                await self._slots.acquire(first=row.part > 0)
            try:
                with self._waiting_turn():
                    at = await self.pacer.acquire(chat_id, chat_type)
                if self._stopping:
                    self.pacer.refund(at)  # the request is never made
                    raise _Stop
                if waited:
                    # While it waited (a 429, a back-off, an outage) the row may have been
                    # rewritten (a live post whose story changed) or given up (its chat left).
                    waited = False
                    text = store.pending_text(self.db, outbox_id)
                    if text is None:
                        self.pacer.refund(at)
                        raise _Stop
                    row = replace(row, text=text)
                store.mark_sending(self.db, outbox_id)
                attempts += 1
                if row.kind == "edit":
                    self.edit_spacing.note(chat_id, self.pacer.now())
                try:
                    message_id = await self._call(row)
                except TelegramError as exc:
                    error: TelegramError = exc
                else:
                    self._done(row, message_id, result)
                    self.pacer.sent(chat_id, chat_type, at)
                    self._note_success()
                    return
            finally:
                self._slots.release()
            if sent_nothing(error):
                self.pacer.refund(at, make_up=not isinstance(error, RetryAfter))
            self.pacer.sent(chat_id, chat_type, at, delivered=False)
            if isinstance(error, ChatMigrated) and migrations < 3:
                migrations += 1
                new_id = int(error.new_chat_id)
                log.info("chat %s moved to supergroup %s", chat_id, new_id)
                self.on_migrate(chat_id, new_id)
                result.migrated += 1
                self.counts.migrated += 1
                if row.kind == "edit":
                    # Its message stays in the group: the supergroup's message of that
                    # number is another one (migrate_chat dropped the edit).
                    store.mark_failed(
                        self.db,
                        outbox_id,
                        "message gone: sent before the group became a supergroup",
                    )
                    return
                row = replace(row, chat_id=new_id, chat_type="supergroup")
                task = asyncio.current_task()
                if new_id not in self._busy and task is not None:
                    self._busy[new_id] = task
                    owned.append(new_id)
                continue
            if row.kind == "photo" and _refused(error, _PHOTO_REFUSED):
                log.info("chat %s refused a picture (%s): sent as text", chat_id, error)
                if _refused(error, _NO_PHOTO_RIGHTS):
                    store.note_photos_refused(self.db, chat_id, error.message, now=self.clock())
                row = self._as_text(row, error.message, result)
                attempts -= 1  # not the message's failure: the text goes now
                continue
            if row.kind == "edit" and _refused(error, _NOT_MODIFIED):
                assert row.edit_message_id is not None
                self._done(row, row.edit_message_id, result)
                return
            if row.kind == "edit" and _refused(error, _EDIT_GONE):
                log.info("chat %s: the message to edit is gone (%s)", chat_id, error)
                store.mark_failed(self.db, outbox_id, f"message gone: {error.message}")
                if row.subscription_id is not None and row.story_id is not None:
                    store.forget_live_message(self.db, row.subscription_id, row.story_id)
                return
            if row.thread_id is not None and _refused(error, _THREAD_NOT_FOUND):
                try:
                    forum = bool((await self.bot.get_chat(chat_id)).is_forum)
                except TelegramError as chat_error:
                    error = chat_error  # judged as a send's: the chat gone, a 429, an outage
                else:
                    if not forum:
                        row = self._topics_off(row, result)
                        attempts -= 1  # not the message's failure: it goes to the group now
                        continue
            if not await self._handle(row, error, at, attempts, result):
                attempts -= 1  # Telegram was down: the attempt is not held against the message
            waited = True

    def _notice_due(self, now: datetime) -> datetime:
        """Return when a notice queued now is due: no later than the running drain's time."""
        return now if self._drain_now is None else min(now, self._drain_now)

    def _topics_off(self, row: OutboxMessage, result: DrainResult) -> OutboxMessage:
        """Make a group that turned its topics off one subscription of its own, tell it once,
        and return the row to send to the group itself."""
        now = self.clock()
        kept, merged = store.topics_turned_off(self.db, row.chat_id, now=now)
        log.info(
            "chat %s turned topics off: %d topic subscriptions merged", row.chat_id, len(merged)
        )
        if kept is not None and merged:
            tr = i18n.for_chat(store.chat_language(self.db, kept.chat_id), self.language)
            notice = replies.topics_turned_off(tr, merged)
            store.enqueue_notice(self.db, kept, notice, thread_id=None, now=self._notice_due(now))
            paused = sum(1 for sub in merged if sub.id != kept.id)
            result.paused += paused
            self.counts.paused += paused
        return replace(row, thread_id=None)

    def _topic_gone(self, row: OutboxMessage, error: TelegramError, result: DrainResult) -> None:
        """Pause the subscription of a closed topic (end a deleted one's) and tell the general
        topic."""
        log.info("chat %s topic %s refused (%s): pausing", row.chat_id, row.thread_id, error)
        store.mark_failed(self.db, row.id, f"topic gone: {error.message}")
        if row.subscription_id is None:
            return
        sub = store.get_subscription_by_id(self.db, row.subscription_id)
        now = self.clock()
        if sub is not None and store.pause_subscription(self.db, sub.id, error.message, now=now):
            tr = i18n.for_chat(store.chat_language(self.db, sub.chat_id), self.language)
            notice = replies.topic_paused(tr, sub, error.message)
            store.enqueue_notice(self.db, sub, notice, thread_id=None, now=self._notice_due(now))
            result.paused += 1
            self.counts.paused += 1

    def _general_closed(
        self, row: OutboxMessage, error: TelegramError, result: DrainResult
    ) -> None:
        """Pause a forum's own subscription (its General topic is closed: a send with no topic
        was refused) and tell the group once, in a topic whose subscription the bot posts in
        (none: no one is told; the subscriptions page names it paused)."""
        log.info("chat %s: the general topic is closed (%s): pausing", row.chat_id, error)
        store.mark_failed(self.db, row.id, f"general topic closed: {error.message}")
        sub = store.find_subscription(self.db, row.chat_id, None)
        now = self.clock()
        if sub is None or not store.pause_subscription(self.db, sub.id, error.message, now=now):
            return  # a notice about a topic, or a subscription paused already
        result.paused += 1
        self.counts.paused += 1
        topics = store.chat_subscriptions(self.db, row.chat_id)
        told = next((s for s in topics if s.active and s.thread_id is not None), None)
        if told is None:
            return
        tr = i18n.for_chat(store.chat_language(self.db, sub.chat_id), self.language)
        notice = replies.topic_paused(tr, sub, error.message)
        due = self._notice_due(now)
        store.enqueue_notice(self.db, told, notice, thread_id=told.thread_id, now=due)

    async def _handle(
        self,
        row: OutboxMessage,
        error: TelegramError,
        at: float,
        attempts: int,
        result: DrainResult,
    ) -> bool:
        """Deal with a failed send (it left at `at`): return to try again now, or raise _Stop.

        Return False when the attempt does not count towards max_attempts (an outage).
        """
        outbox_id, chat_id, chat_type = row.id, row.chat_id, row.chat_type
        if isinstance(error, RetryAfter):
            wait = retry_seconds(error)
            result.rate_limited += 1
            self.counts.rate_limited += 1
            # Holds the chat; pauses every chat when such 429s cluster.
            self.pacer.rate_limited(chat_id, chat_type, wait, at)
            log.warning("429 for chat %s: waiting %.0f s", chat_id, wait)
            await self._retry_later(row, str(error), wait, result)
            return True
        if (
            isinstance(error, BadRequest)
            and row.thread_id is not None
            and _matches(error, _TOPIC_GONE)
        ):
            self._topic_gone(row, error, result)
            raise _Stop
        if isinstance(error, BadRequest) and _matches(error, _TOPIC_CLOSED):
            self._general_closed(row, error, result)
            raise _Stop
        if isinstance(error, Forbidden) or (
            isinstance(error, BadRequest) and _matches(error, _GONE)
        ):
            log.info("chat %s is gone (%s): unsubscribing it", chat_id, error.message)
            # Told once: only the subscriptions this refusal stops (not those stopped before).
            told = [
                sub
                for sub in store.chat_subscriptions(self.db, chat_id)
                if sub.active and sub.chat_type == "channel" and sub.user_id is not None
            ]
            store.deactivate_subscription(self.db, chat_id, error.message)
            result.deactivated += 1
            self.counts.deactivated += 1
            for sub in told:
                await self._tell_subscriber(sub, error.message)
            raise _Stop
        if isinstance(error, BadRequest):
            bug = _matches(error, _BUGS)
            self._give_up(row, error, result)
            await _call(self.on_bug if bug else self.on_failure, row, error)
            raise _Stop
        # TimedOut, NetworkError (5xx, connection errors) and the rest: back off, then give up;
        # unless Telegram as a whole is down, when every chat waits for the outage's pause.
        text = f"{type(error).__name__}: {error.message}"
        if self._outage(chat_id, result):
            wait = self.pacer.paused_until - self.pacer.now()
            store.mark_retry(self.db, outbox_id, text, self._later(wait))
            result.retried += 1
            self.counts.retried += 1
            return False
        if attempts >= self.max_attempts and self._waited(row) >= self.retry_for:
            self._give_up(row, error, result)
            await _call(self.on_failure, row, error)
            raise _Stop
        delay = min(self.max_backoff, self.base_backoff * 2 ** (attempts - 1))
        log.info(
            "sending %s to chat %s failed (%s): retry in %.0f s", outbox_id, chat_id, error, delay
        )
        await self._retry_later(row, text, delay, result)
        return True

    async def _tell_subscriber(self, sub: Subscription, reason: str) -> None:
        """Tell whoever subscribed a channel that Telegram refused a post there for ``reason``
        (its subscription stopped), in their turn at the pacer."""
        assert sub.user_id is not None
        try:
            chat = await self.bot.get_chat(sub.chat_id)
        except TelegramError:
            username = None  # a channel the bot was removed from may not be read
        else:
            username = chat.username
        name = f"@{username}" if username else str(sub.chat_id)
        tr = i18n.for_chat(store.chat_language(self.db, sub.user_id), self.language)
        at = await self.pacer.acquire(sub.user_id, "private")
        told = await tell_channel_subscriber(self.bot, tr, sub, name, reason)
        self.pacer.sent(sub.user_id, "private", at, delivered=told)

    async def _retry_later(
        self, row: OutboxMessage, error: str, delay: float, result: DrainResult
    ) -> None:
        store.mark_retry(self.db, row.id, error, self._later(delay))
        result.retried += 1
        self.counts.retried += 1
        if delay > self.max_inline_wait:
            self._parked.add(row.id)
            raise _Stop  # parked: a later drain takes it when next_attempt comes
        with self._waiting_turn():
            await self.pacer.sleep(delay)

    def _give_up(self, row: OutboxMessage, error: TelegramError, result: DrainResult) -> None:
        text = f"{type(error).__name__}: {error.message}"
        log.warning("giving up message %s to chat %s: %s", row.id, row.chat_id, text)
        store.mark_failed(self.db, row.id, text)
        store.fail_digest_rest(self.db, row.digest_key, row.part, f"earlier part failed: {text}")
        result.failed += 1
        self.counts.failed += 1


async def tell_channel_subscriber(
    bot: Bot, tr: Translator, sub: Subscription, name: str, reason: str
) -> bool:
    """Tell whoever subscribed a channel from their chat with the bot (``sub.user_id``) that
    its subscription stopped for ``reason``, and how it resumes; return whether it was sent
    (a user who blocked the bot, or never started it, is skipped)."""
    if sub.user_id is None:
        return False
    try:
        await bot.send_message(sub.user_id, replies.channel_stopped(tr, name, reason))
    except TelegramError as error:
        log.info("channel %s: its subscriber %s not told (%s)", sub.chat_id, sub.user_id, error)
        return False
    return True


async def _call(callback: FailureCallback | None, row: OutboxMessage, error: BaseException) -> None:
    if callback is None:
        return
    try:
        outcome = callback(row, error)
        if inspect.isawaitable(outcome):
            await outcome
    except Exception:
        log.exception("the delivery failure callback failed")
