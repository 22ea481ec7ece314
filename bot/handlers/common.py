"""What every handler shares: the chat's language, argument errors, the admin check, buttons,
sending replies."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, RetryAfter

from bot import i18n, replies
from bot.i18n import Translator
from bot.state import Context
from digests import store
from digests.models import ChatLanguage

log = logging.getLogger(__name__)

Callback = Callable[[Update, Context], Coroutine[Any, Any, None]]

# Callback data is at most 64 bytes (Bot API).
CALLBACK_LIMIT = 64


class BadArguments(Exception):
    """The command's arguments are missing or wrong; the reply is its usage line.

    ``problem`` says what is wrong, in the chat's language (a reply function, given the
    translator when the reply is written).
    """

    def __init__(self, problem: Callable[[Translator], str] | None = None) -> None:
        super().__init__()
        self.problem = problem


# --- the chat's language ---------------------------------------------------------------------


def translator_for(update: Update, context: Context) -> Translator:
    """Return the translator of the update's chat (bot/i18n.py says how it is chosen).

    Inline queries belong to the user: they speak the user's private chat's language. In a
    private chat the user's app's language is remembered (written only when it changes), for
    the digests that chat gets when no update is at hand.
    """
    state = context.bot_data
    chat, user = update.effective_chat, update.effective_user
    if chat is not None:
        chat_id, private = chat.id, chat.type == ChatType.PRIVATE
    elif user is not None:
        chat_id, private = user.id, True  # inline mode: the user's own chat
    else:
        return i18n.translator(i18n.choose(None, None, state.settings.language))
    known = store.chat_language(state.db, chat_id)
    if private and user is not None and user.language_code:
        # An app in a language the bot does not speak (nor one its users read) counts as none
        # (LANGUAGE then).
        client = i18n.for_client(user.language_code)  # "be": Russian (i18n.CLIENT_FALLBACKS)
        if client != known.client:
            store.note_client_language(state.db, chat_id, client)
            known = ChatLanguage(chat_id, known.chosen, client)
    thread = update.effective_message.message_thread_id if update.effective_message else None
    zone = store.chat_timezone(state.db, chat_id, thread)
    return i18n.for_chat(known, state.settings.language).in_zone(zone)


def ask_in_private(update: Update, context: Context, command: str) -> str | None:
    """Return the line an admin's command gets outside a private chat instead of what every
    member should not see (failing sources and their errors): send /command to the bot in the
    private chat, naming it; None in a private chat, where the whole answer goes."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return None
    return replies.ask_in_private(translator_for(update, context), command, context.bot.username)


# --- who may do what -------------------------------------------------------------------------


def is_admin(update: Update, context: Context) -> bool:
    """Return True when the update comes from a user listed in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in context.bot_data.settings.admin_ids


ADMIN_STATUSES = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def may_change(update: Update, context: Context) -> bool:
    """Return True when the sender may change this chat's subscription or language.

    Anyone in a private chat; in a channel, whoever posts (only its admins can); in a group,
    and for a button pressed in a channel (any reader can press one), the chat's
    administrators, anonymous ones included (signed by the group itself). A message signed
    by another chat (a user posting as a channel, their own or the group's linked one) is
    refused: Telegram does not say who sent it.
    """
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    if chat.type == ChatType.CHANNEL and update.callback_query is None:
        return True  # a channel post can only come from the channel's admins
    if update.callback_query is None and message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # an anonymous group admin; or a channel
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in ADMIN_STATUSES


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
            tr = translator_for(update, context)
            await update.effective_message.reply_text(replies.refusal(tr))

    return guarded


def with_usage(callback: Callback, usage: Callable[[Translator], str]) -> Callback:
    """Wrap a handler so that BadArguments becomes a reply with the usage line."""

    @functools.wraps(callback)
    async def checked(update: Update, context: Context) -> None:
        try:
            await callback(update, context)
        except BadArguments as error:
            if update.effective_message is not None:
                tr = translator_for(update, context)
                problem = error.problem(tr) if error.problem is not None else ""
                await update.effective_message.reply_text(
                    replies.usage(tr, problem, usage(tr)), parse_mode=None
                )

    return checked


# --- arguments -------------------------------------------------------------------------------


def whole_number(text: str) -> int | None:
    """Return the whole number a typed word is, or None.

    Digits of any script count, as keyboards type them: "12", Persian "۱۲", Arabic "١٢",
    full-width "１２"; superscripts ("²") and fractions ("½"), which int() refuses, do not.
    """
    word = text.strip()
    # int() refuses more than 4,300 digits; no count or id the bot takes is near that long.
    return int(word) if word.isdecimal() and len(word) <= 100 else None


def parse_count(args: Sequence[str], *, default: int, maximum: int) -> int:
    """Return the optional count argument, 1..maximum; raise BadArguments otherwise."""
    if not args:
        return default
    count = whole_number(args[0]) if len(args) == 1 else None
    if count is None or not 1 <= count <= maximum:
        raise BadArguments(lambda tr: replies.give_a_number(tr, maximum))
    return count


MAX_ID = 2**63 - 1  # ids are SQLite integers


def parse_id(args: Sequence[str]) -> int:
    """Return the one id argument, 1 to 2**63 - 1 (in any script's digits); raise
    BadArguments otherwise."""
    number = whole_number(args[0]) if len(args) == 1 else None
    if number is None or not 1 <= number <= MAX_ID:
        raise BadArguments()
    return number


# --- replies ---------------------------------------------------------------------------------


def too_old(error: BadRequest) -> bool:
    """Return True for Telegram's refusal of an answer to a query asked too long ago."""
    return "query is too old" in error.message.lower()


async def answer_press(
    query: CallbackQuery, text: str | None = None, *, show_alert: bool = False
) -> None:
    """Answer a button press; one pressed too long ago (the bot was away or busy), which
    Telegram no longer takes, or one whose answer Telegram refused with a 429 longer than
    the press lives (``bot.ratelimit``), is only logged: the press still does what it says."""
    try:
        await query.answer(text, show_alert=show_alert)
    except RetryAfter as error:
        log.info("a button press (%s) could not be answered in time: %s", query.data, error)
    except BadRequest as error:
        if not too_old(error):
            raise
        log.info("a button press (%s) came too late to answer: %s", query.data, error)


def more_keyboard(data: str, label: str) -> InlineKeyboardMarkup:
    """Return a keyboard with one button sending callback data (at most 64 bytes)."""
    if len(data.encode()) > CALLBACK_LIMIT:
        raise ValueError(f"callback data longer than 64 bytes: {data!r}")
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)]])


def thread_of(update: Update) -> int | None:
    """Return the forum topic an update was sent in (None: the chat itself, or no forum)."""
    message = update.effective_message
    if message is None or not message.is_topic_message:
        return None
    return message.message_thread_id


async def send_all(
    update: Update, texts: Sequence[str], keyboard: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Send messages to the update's chat (and forum topic) in order; the last one carries
    the keyboard."""
    chat = update.effective_chat
    if chat is None:
        return []
    thread = thread_of(update)
    sent = []
    for index, text in enumerate(texts):
        markup = keyboard if index == len(texts) - 1 else None
        sent.append(await chat.send_message(text, message_thread_id=thread, reply_markup=markup))
    return sent


async def show_in_pressed(
    update: Update, context: Context, text: str, keyboard: InlineKeyboardMarkup | None
) -> None:
    """Edit the message whose button was pressed into this view; send it anew when it cannot
    be edited (deleted meanwhile). Edited by chat and id, which holds for an old message that
    Telegram hands over without its content (date 0) as for any other; the same view again
    (Telegram's "message is not modified") is no error. Used by every button that redraws
    its page: settings, language, an admin's source cards."""
    query = update.callback_query
    message = query.message if query is not None else None
    if message is None:
        await send_all(update, [text], keyboard)
        return
    try:
        await context.bot.edit_message_text(
            text, chat_id=message.chat.id, message_id=message.message_id, reply_markup=keyboard
        )
    except BadRequest as error:
        if "not modified" in error.message.lower():
            return
        log.info("could not edit the pressed message, sending it anew: %s", error)
        await send_all(update, [text], keyboard)
