"""What every handler shares: argument errors, the admin check, buttons, sending replies."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot import replies
from bot.state import Context

log = logging.getLogger(__name__)

Callback = Callable[[Update, Context], Coroutine[Any, Any, None]]

# Callback data is at most 64 bytes (Bot API).
CALLBACK_LIMIT = 64


class BadArguments(Exception):
    """The command's arguments are missing or wrong; the reply is its usage line."""


# --- who may do what -------------------------------------------------------------------------


def is_admin(update: Update, context: Context) -> bool:
    """Return True when the update comes from a user listed in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in context.bot_data.settings.admin_ids


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
            await update.effective_message.reply_text(replies.REFUSAL)

    return guarded


def with_usage(callback: Callback, usage: str) -> Callback:
    """Wrap a handler so that BadArguments becomes a reply with the usage line."""

    @functools.wraps(callback)
    async def checked(update: Update, context: Context) -> None:
        try:
            await callback(update, context)
        except BadArguments as error:
            if update.effective_message is not None:
                await update.effective_message.reply_text(
                    replies.usage(str(error), usage), parse_mode=None
                )

    return checked


# --- arguments -------------------------------------------------------------------------------


def parse_count(args: Sequence[str], *, default: int, maximum: int) -> int:
    """Return the optional count argument, 1..maximum; raise BadArguments otherwise."""
    if not args:
        return default
    if len(args) > 1 or not args[0].isdigit() or not 1 <= int(args[0]) <= maximum:
        raise BadArguments(replies.give_a_number(maximum))
    return int(args[0])


MAX_ID = 2**63 - 1  # ids are SQLite integers


def parse_id(args: Sequence[str]) -> int:
    """Return the one id argument, 1 to 2**63 - 1; raise BadArguments otherwise."""
    if len(args) != 1 or not args[0].isdigit() or not 1 <= int(args[0]) <= MAX_ID:
        raise BadArguments()
    return int(args[0])


# --- replies ---------------------------------------------------------------------------------


def more_keyboard(data: str, label: str = "More ▸") -> InlineKeyboardMarkup:
    """Return a keyboard with one button sending callback data (at most 64 bytes)."""
    if len(data.encode()) > CALLBACK_LIMIT:
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
