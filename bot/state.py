"""The running bot's state, typed: one ``BotState`` is the application's ``bot_data``.

PTB builds ``bot_data`` from the class given in ``ContextTypes``, with no arguments, when the
application is built; ``build_application`` then sets the settings, ``post_init`` opens the
database and starts the parse pool and the sender, ``post_shutdown`` stops them. Handlers
and jobs read it as ``context.bot_data`` (a ``BotState``, checked by mypy).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlite_utils import Database
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue

from bot import i18n
from bot.config import Settings
from bot.i18n import Translator
from bot.metrics import Metrics
from bot.pacer import Pacer
from bot.ratelimit import ReplyCounts
from bot.sender import DrainResult
from digests import store
from digests.ingest import ParsePool
from digests.store import DatabaseHold

if TYPE_CHECKING:
    from bot.incidents import Incidents
    from bot.sender import Sender

T = TypeVar("T")


class PageCache:
    """Pages of /latest and /search built recently (ranked and rendered), kept a short while.

    Many chats ask for the same page between two processing passes; ranking and rendering it
    again each time costs far more than sending it. Entries expire after ``ttl`` seconds (the
    ranking decays with time) and all go when processing changes the stories (``clear``).
    """

    def __init__(
        self, ttl: float = 60.0, size: int = 512, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.size = size
        self.clock = clock
        self._pages: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """Return the cached value for key, building (and keeping) it when absent or stale.

        A key names one kind of value: callers never use the same key for two types.
        """
        now = self.clock()
        hit = self._pages.get(key)
        if hit is not None and hit[0] > now:
            self._pages.move_to_end(key)
            return cast(T, hit[1])
        value = build()
        self._pages[key] = (now + self.ttl, value)
        self._pages.move_to_end(key)
        while len(self._pages) > self.size:
            self._pages.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every page (the stories changed)."""
        self._pages.clear()


@dataclass
class BotState:
    """What the bot keeps between updates: settings, database, workers, caches, the sender,
    metrics and incidents."""

    settings_: Settings | None = None
    db_: Database | None = None
    # Processes that summarise (1: a thread of this process).
    workers: int = 1
    # Ingestion and processing run one at a time.
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Digest jobs compose one at a time, each in its own turn of the event loop
    # (``digest_jobs.digest_job``).
    digest_turn: asyncio.Lock = field(default_factory=asyncio.Lock)
    pages: PageCache = field(default_factory=PageCache)
    parse_pool: ParsePool | None = None
    # The chats this process delivers to: None, every one; the console, only its own chat, so
    # that on a real bot's database it neither sends to (nor fails, nor stops) the real
    # subscribers' digests and live posts, nor uses up their slots.
    delivery_chats: frozenset[int] | None = None
    # The outbox sender and its task, while the bot runs.
    sender: Sender | None = None
    sender_task: asyncio.Task[None] | None = None
    sender_stop: asyncio.Event | None = None
    # Digests missed while the bot was down, written after the start (``start_delivery``).
    catch_up_task: asyncio.Task[int] | None = None
    # The one pacer of Telegram's flood limits: the sender's deliveries and handlers' replies
    # (bot.ratelimit) take their turns from it.
    pacer: Pacer = field(default_factory=Pacer)
    # Whether the flood holds kept in the database (a 429's wait, across restarts) hold this
    # process's pacer and keep its own: the console, with no Telegram behind it, neither waits
    # out the bot's holds nor drops them before the bot's next start.
    flood_holds: bool = True
    # What the senders counted since the application was built, and what the rate limiter
    # counted of handlers' requests (read by /metrics).
    delivery_counts: DrainResult = field(default_factory=DrainResult)
    reply_counts: ReplyCounts = field(default_factory=ReplyCounts)
    # Prometheus metrics of this application (its own registry), and the health check's
    # start time: no poll is overdue before the bot has had its chance (post_init sets it).
    metrics: Metrics = field(default_factory=Metrics)
    started_at: datetime | None = None
    # Publishing the command menus (``bot.app.publish_menus``), while Telegram holds it up.
    menus_task: asyncio.Task[None] | None = None
    # Incidents the admins are told about once (post_init makes it).
    incidents: Incidents | None = None
    # The hold on the database file while the bot runs (``store.hold_database``).
    database_hold: DatabaseHold | None = None
    # The groups whose subscriptions wait for the right to post, and when each was last
    # asked whether it is back (None: not yet); kept by ``bot.rights``.
    rights_checked: dict[int, datetime | None] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        """Return the settings (``build_application`` sets them)."""
        if self.settings_ is None:
            raise RuntimeError("no settings: build the application with build_application")
        return self.settings_

    @property
    def db(self) -> Database:
        """Return the open database (``post_init`` opens it)."""
        if self.db_ is None:
            raise RuntimeError("the database is not open: post_init has not run")
        return self.db_

    def translator(self, chat_id: int, *, zone: str | None = None) -> Translator:
        """Return the translator of a chat when no update is at hand (digests, notices), its
        times in ``zone`` (a subscription's) or else in the chat's (``store.chat_timezone``)."""
        known = store.chat_language(self.db, chat_id)
        return i18n.for_chat(known, self.settings.language).in_zone(
            zone or store.chat_timezone(self.db, chat_id)
        )


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotState]
App = Application[
    ExtBot[None], Context, dict[Any, Any], dict[Any, Any], BotState, JobQueue[Context]
]
CONTEXT_TYPES: ContextTypes[Context, dict[Any, Any], dict[Any, Any], BotState] = ContextTypes(
    bot_data=BotState
)
