"""What every handler shares: state in bot_data, argument errors, the admin check, replies."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Coroutine, Hashable, Mapping, Sequence
from typing import Any, TypeVar, cast

from sqlite_utils import Database
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import Application, ContextTypes, ExtBot, JobQueue

from bot.config import Settings
from bot.telegram_html import MAX_MESSAGE_LENGTH, utf16_len

log = logging.getLogger(__name__)

T = TypeVar("T")

Context = ContextTypes.DEFAULT_TYPE
Callback = Callable[[Update, Context], Coroutine[Any, Any, None]]
App = Application[
    ExtBot[None],
    Context,
    dict[Any, Any],
    dict[Any, Any],
    dict[Any, Any],
    JobQueue[Context],
]

# Keys of application.bot_data.
DB = "db"
SETTINGS = "settings"
WORKERS = "workers"
LOCK = "lock"
PAGES = "pages"

REFUSAL = "Sorry, that command is for the bot's admins."
# Lines per message when listing; each line holds at most two entities (limit: 100).
_MAX_LINES = 40


class BadArguments(Exception):
    """The command's arguments are missing or wrong; the reply is its usage line."""


# --- state -----------------------------------------------------------------------------------


def db_of(bot_data: Mapping[Any, Any]) -> Database:
    """Return the open database (post_init opens it)."""
    db = bot_data.get(DB)
    if not isinstance(db, Database):
        raise RuntimeError("the database is not open: post_init has not run")
    return db


def settings_of(bot_data: Mapping[Any, Any]) -> Settings:
    """Return the bot's settings (build_application stores them)."""
    settings = bot_data.get(SETTINGS)
    if not isinstance(settings, Settings):
        raise RuntimeError("no settings in bot_data: build the application with build_application")
    return settings


def workers_of(bot_data: Mapping[Any, Any]) -> int:
    """Return how many processes summarise (1: in a thread of this process)."""
    workers = bot_data.get(WORKERS, 1)
    return workers if isinstance(workers, int) else 1


def lock_of(bot_data: dict[Any, Any]) -> asyncio.Lock:
    """Return the lock that keeps ingestion and processing to one run at a time."""
    lock = bot_data.get(LOCK)
    if not isinstance(lock, asyncio.Lock):
        lock = bot_data[LOCK] = asyncio.Lock()
    return lock


class PageCache:
    """Pages of /latest and /search built recently (ranked and rendered), kept a short while.

    Many chats ask for the same page between two ingestions; ranking and rendering it again
    each time costs far more than sending it. Entries expire after ``ttl`` seconds (the
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


def pages_of(bot_data: dict[Any, Any]) -> PageCache:
    """Return the cache of recent digest pages."""
    pages = bot_data.get(PAGES)
    if not isinstance(pages, PageCache):
        pages = bot_data[PAGES] = PageCache()
    return pages


# --- who may do what -------------------------------------------------------------------------


def is_admin(update: Update, context: Context) -> bool:
    """Return True when the update comes from a user listed in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in settings_of(context.bot_data).admin_ids


def admin_only(callback: Callback) -> Callback:
    """Wrap a handler so that only admins run it; others get a polite refusal (logged)."""

    @functools.wraps(callback)
    async def guarded(update: Update, context: Context) -> None:
        if is_admin(update, context):
            await callback(update, context)
            return
        user = update.effective_user
        log.warning(
            "refused %s to user %s", callback.__name__, user.id if user is not None else "unknown"
        )
        if update.effective_message is not None:
            await update.effective_message.reply_text(REFUSAL)

    return guarded


def with_usage(callback: Callback, usage: str) -> Callback:
    """Wrap a handler so that BadArguments becomes a reply with the usage line."""

    @functools.wraps(callback)
    async def checked(update: Update, context: Context) -> None:
        try:
            await callback(update, context)
        except BadArguments as error:
            if update.effective_message is not None:
                detail = f"{error}\n" if str(error) else ""
                await update.effective_message.reply_text(
                    f"{detail}Usage: {usage}", parse_mode=None
                )

    return checked


# --- arguments -------------------------------------------------------------------------------


def parse_count(args: Sequence[str], *, default: int, maximum: int) -> int:
    """Return the optional count argument, 1..maximum; raise BadArguments otherwise."""
    if not args:
        return default
    if len(args) > 1 or not args[0].isdigit() or not 1 <= int(args[0]) <= maximum:
        raise BadArguments(f"Give a number from 1 to {maximum}.")
    return int(args[0])


def parse_id(args: Sequence[str]) -> int:
    """Return the one positive id argument; raise BadArguments otherwise."""
    if len(args) != 1 or not args[0].isdigit() or int(args[0]) < 1:
        raise BadArguments()
    return int(args[0])


# --- replies ---------------------------------------------------------------------------------


def more_keyboard(data: str, label: str = "More ▸") -> InlineKeyboardMarkup:
    """Return a keyboard with one button sending callback data (at most 64 bytes)."""
    if len(data.encode()) > 64:
        raise ValueError(f"callback data longer than 64 bytes: {data!r}")
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)]])


async def send_all(
    update: Update, texts: Sequence[str], keyboard: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Send messages to the update's chat in order; the last one carries the keyboard."""
    chat = update.effective_chat
    if chat is None:
        return []
    sent = []
    for index, text in enumerate(texts):
        last = index == len(texts) - 1
        sent.append(await chat.send_message(text, reply_markup=keyboard if last else None))
    return sent


def pack_lines(lines: Sequence[str], *, header: str = "") -> list[str]:
    """Join HTML lines (each self-contained) into messages within Telegram's limits."""
    messages: list[str] = []
    current: list[str] = [header] if header else []
    size = utf16_len(header)
    for line in lines:
        # The HTML length is at least the parsed length, so this never overshoots.
        grow = utf16_len(line) + 1
        if current and (size + grow > MAX_MESSAGE_LENGTH or len(current) >= _MAX_LINES):
            messages.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += grow
    if current:
        messages.append("\n".join(current))
    return messages
