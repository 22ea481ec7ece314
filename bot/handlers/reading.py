"""Commands for every reader: /start, /latest, /story, /search, /sources, and their buttons."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MaybeInaccessibleMessage,
    Message,
    Update,
)
from telegram.error import BadRequest

from bot import replies
from bot.handlers import source_cards
from bot.handlers.common import (
    CALLBACK_LIMIT,
    BadArguments,
    answer_press,
    more_keyboard,
    parse_count,
    send_all,
    translator_for,
)
from bot.i18n import Translator
from bot.render import (
    render_digest,
    render_ledger,
    render_search,
    render_story,
)
from bot.state import Context
from digests import read, store

log = logging.getLogger(__name__)

LATEST_DEFAULT = 5
LATEST_MAX = 20
SEARCH_PAGE = 5
SEARCH_MAX_CHARS = 200
# Searches remembered per chat for "More" buttons whose query does not fit in callback data.
_SEARCHES_KEPT = 20
ALLEGATIONS_WINDOW = timedelta(days=7)
LEDGER_LIMIT = 20


async def start(update: Update, context: Context) -> None:
    """Welcome the user, with buttons for the latest news and the command list."""
    if update.effective_message is None:
        return
    tr = translator_for(update, context)
    await update.effective_message.reply_text(
        replies.welcome(tr), reply_markup=welcome_keyboard(tr)
    )


def welcome_keyboard(tr: Translator) -> InlineKeyboardMarkup:
    """Return /start's buttons: the latest news and a daily digest, then every command."""
    latest_label, digest_label, commands_label = replies.welcome_buttons(tr)
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(latest_label, callback_data=f"latest:0:{LATEST_DEFAULT}"),
                InlineKeyboardButton(digest_label, callback_data="sub:start"),
            ],
            [InlineKeyboardButton(commands_label, callback_data="help")],
        ]
    )


async def latest(update: Update, context: Context) -> None:
    """Send the top stories: /latest [n]."""
    count = parse_count(context.args or [], default=LATEST_DEFAULT, maximum=LATEST_MAX)
    await _send_latest(update, context, offset=0, count=count)


async def latest_more(update: Update, context: Context) -> None:
    """Send the next page of /latest for a "latest:OFFSET:N" button."""
    query = update.callback_query
    if query is None:
        return
    match = re.fullmatch(r"latest:(\d{1,5}):(\d{1,2})", query.data or "")
    if match is None or not 1 <= int(match[2]) <= LATEST_MAX:
        await answer_press(query, replies.expired(translator_for(update, context)))
        return
    await answer_press(query)
    offset = int(match[1])
    # /start's "Latest news" (offset 0) is one of the welcome's buttons: they all stay.
    if offset > 0 and not await _drop_button(query.message, query.data):
        return
    await _send_latest(update, context, offset=offset, count=int(match[2]))


@dataclass(frozen=True, slots=True)
class _Page:
    """A page of /latest or /search as sent: its messages, and whether more stories follow."""

    texts: tuple[str, ...]
    has_more: bool


async def _send_latest(update: Update, context: Context, *, offset: int, count: int) -> None:
    db = context.bot_data.db
    method = context.bot_data.settings.summary_method
    tr = translator_for(update, context)

    def build() -> _Page:
        digest = read.latest(db, limit=count, offset=offset, method=method)
        header = replies.latest_header(tr, more=offset > 0)
        return _Page(tuple(render_digest(tr, digest, header=header)), digest.has_more)

    page = context.bot_data.pages.get(
        ("latest", offset, count, method, tr.language, tr.zone), build
    )
    keyboard = None
    if page.has_more:
        keyboard = more_keyboard(f"latest:{offset + count}:{count}", replies.more_button(tr))
    await send_all(update, page.texts, keyboard)


async def story(update: Update, context: Context) -> None:
    """Send one story with every source: /story ID (or /story /story_ID, /story #ID)."""
    args = context.args or []
    number = read.story_number(args[0]) if len(args) == 1 else None
    if number is None:
        raise BadArguments()
    await _send_story(update, context, number)


async def story_link(update: Update, context: Context) -> None:
    """Send one story for a /story_ID link from a digest."""
    match = context.matches[0] if context.matches else None
    if match is None:
        return
    await _send_story(update, context, int(match[1]))


async def _send_story(update: Update, context: Context, story_id: int) -> None:
    db = context.bot_data.db
    tr = translator_for(update, context)
    item = read.story(db, story_id, method=context.bot_data.settings.summary_method)
    if item is None:
        await send_all(update, [replies.no_story(tr, story_id)])
        return
    await send_all(update, render_story(tr, item))


async def search(update: Update, context: Context) -> None:
    """Send the stories matching some words: /search words."""
    words = " ".join(context.args or []).strip()
    if not read.searchable(words):  # nothing, or only words to leave out ("-sport")
        raise BadArguments(replies.nothing_to_search)
    await _send_search(update, context, words[:SEARCH_MAX_CHARS], offset=0)


async def search_more(update: Update, context: Context) -> None:
    """Send the next page of a search for a "search:OFFSET:QUERY" or "search:OFFSET:#KEY" button."""
    query = update.callback_query
    if query is None:
        return
    match = re.fullmatch(r"search:(\d{1,5}):(.+)", query.data or "", re.DOTALL)
    words = None
    if match is not None:
        ref = match[2]
        words = _searches(context).get(ref[1:]) if ref.startswith("#") else ref
    if match is None or not words:
        await answer_press(query, replies.expired(translator_for(update, context)))
        return
    await answer_press(query)
    if not await _drop_button(query.message, query.data):
        return
    await _send_search(update, context, words, offset=int(match[1]))


async def _send_search(update: Update, context: Context, words: str, *, offset: int) -> None:
    db = context.bot_data.db
    method = context.bot_data.settings.summary_method
    tr = translator_for(update, context)

    def build() -> _Page:
        digest = read.search(db, words, limit=SEARCH_PAGE, offset=offset, method=method)
        return _Page(tuple(render_search(tr, words, digest)), digest.has_more)

    # Keyed by the words as typed: the header repeats them.
    page = context.bot_data.pages.get(
        ("search", words, offset, method, tr.language, tr.zone), build
    )
    keyboard = None
    if page.has_more:
        data = _search_data(context, offset + SEARCH_PAGE, words)
        keyboard = more_keyboard(data, replies.more_button(tr))
    await send_all(update, page.texts, keyboard)


def _searches(context: Context) -> dict[str, str]:
    chat_data = context.chat_data
    if chat_data is None:
        return {}
    searches: dict[str, str] = chat_data.setdefault("searches", {})
    return searches


def _search_data(context: Context, offset: int, words: str) -> str:
    """Return callback data for the next page; a long query is kept in chat_data instead."""
    data = f"search:{offset}:{words}"
    if len(data.encode()) <= CALLBACK_LIMIT and not words.startswith("#"):
        return data
    return f"search:{offset}:#{_keep(context, words)}"


def _allegations_data(context: Context, name: str) -> str:
    """Return the callback data of a target's button: its name, or the key of a name too long
    for Telegram's 64 bytes ("Министерство иностранных дел России") kept in chat_data."""
    data = f"alleg:{name}"
    if len(data.encode()) <= CALLBACK_LIMIT and not name.startswith("#"):
        return data
    return f"alleg:#{_keep(context, name)}"


def _keep(context: Context, words: str) -> str:
    """Keep words in chat_data (the last few only); return their key."""
    searches = _searches(context)
    key = hashlib.blake2b(words.encode(), digest_size=6).hexdigest()
    searches.pop(key, None)  # re-inserted last: the oldest searches are forgotten first
    searches[key] = words
    while len(searches) > _SEARCHES_KEPT:
        searches.pop(next(iter(searches)))
    return key


async def _drop_button(message: MaybeInaccessibleMessage | None, pressed: str | None) -> bool:
    """Remove the pressed "More" button (its row; other buttons stay, an admin's list's
    numbered ones), the next page arriving as new messages; return False when another press
    of it removed it already (a double tap: both presses reach the bot before the button
    goes, and Telegram answers the second removal "message is not modified"), so that the
    page is sent once."""
    if not isinstance(message, Message) or not message.is_accessible:
        return True  # none, or inaccessible: its buttons are unknown
    rows = message.reply_markup.inline_keyboard if message.reply_markup else ()
    kept = [row for row in rows if all(b.callback_data != pressed for b in row)]
    try:
        await message.get_bot().edit_message_reply_markup(
            chat_id=message.chat.id,
            message_id=message.message_id,
            reply_markup=InlineKeyboardMarkup(kept) if kept else None,
        )
    except BadRequest as error:
        if "not modified" in error.message.lower():
            log.info("a button pressed twice: its page is sent once")
            return False
        log.info("could not remove a button: %s", error)  # too old to edit: the page comes
    return True


async def unknown_button(update: Update, context: Context) -> None:
    """Answer a press no other handler takes (a button of an older version of the bot, or
    forged data) as expired: unanswered, the app would spin until it gave up."""
    if update.callback_query is not None:
        await answer_press(update.callback_query, replies.expired(translator_for(update, context)))


async def sources(update: Update, context: Context) -> None:
    """List the active sources with their last update, a page at a time: /sources (no
    arguments: the command table refuses them)."""
    await _send_sources(update, context, offset=0)


async def sources_more(update: Update, context: Context) -> None:
    """Send the next page of /sources for a "sources:OFFSET" button."""
    query = update.callback_query
    if query is None:
        return
    match = re.fullmatch(r"sources:(\d{1,6})", query.data or "")
    if match is None:
        await answer_press(query, replies.expired(translator_for(update, context)))
        return
    await answer_press(query)
    if not await _drop_button(query.message, query.data):
        return
    await _send_sources(update, context, offset=int(match[1]))


async def _send_sources(update: Update, context: Context, *, offset: int) -> None:
    if source_cards.shows_cards(update, context):  # every source, a button for each
        await source_cards.send_list(update, context, offset)
        return
    every = store.list_sources(context.bot_data.db)
    tr = translator_for(update, context)
    page = replies.SOURCES_PAGE
    texts = replies.source_list(tr, every, store.utcnow(), offset, page)
    keyboard = None
    if offset + page < sum(1 for s in every if not s.paused):
        keyboard = more_keyboard(f"sources:{offset + page}", replies.more_button(tr))
    await send_all(update, texts, keyboard)


async def unknown_command(update: Update, context: Context) -> None:
    """Answer a command the bot does not know (in groups only when addressed to this bot)."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not message.text:
        return
    command = message.text.split(maxsplit=1)[0]
    name, _, bot_name = command.partition("@")
    if chat.type != chat.PRIVATE and bot_name.lower() != (context.bot.username or "").lower():
        return
    await message.reply_text(replies.unknown_command(translator_for(update, context), name))


async def plain_text(update: Update, context: Context) -> None:
    """Answer text that is not a command (private chats only)."""
    if update.effective_message is not None:
        tr = translator_for(update, context)
        await update.effective_message.reply_text(replies.plain_text(tr))


async def allegations(update: Update, context: Context) -> None:
    """Show the allegations ledger for a name or keyword, or buttons for the most accused."""
    words = " ".join(context.args or []).strip()[:SEARCH_MAX_CHARS]
    if words:
        await _send_ledger(update, context, words)
        return
    db = context.bot_data.db
    tr = translator_for(update, context)
    targets = read.top_targets(db, since=store.utcnow() - ALLEGATIONS_WINDOW)
    buttons = [
        [InlineKeyboardButton(replies.target_button(tr, name, count), callback_data=data)]
        for name, count in targets
        if (data := _allegations_data(context, name))
    ]
    if not buttons:
        entries = read.ledger(db, limit=LEDGER_LIMIT)
        await send_all(update, render_ledger(tr, entries, title=replies.latest_allegations(tr)))
        return
    await send_all(update, [replies.most_accused(tr)], InlineKeyboardMarkup(buttons))


async def allegations_button(update: Update, context: Context) -> None:
    """Show the ledger of the target on an "alleg:NAME" button."""
    query = update.callback_query
    if query is None:
        return
    name = (query.data or "").removeprefix("alleg:").strip()
    if name.startswith("#"):  # a name too long for the button's data, kept in chat_data
        name = _searches(context).get(name[1:], "")
    if not name:
        await answer_press(query, replies.expired(translator_for(update, context)))
        return
    await answer_press(query)
    await _send_ledger(update, context, name)


async def _send_ledger(update: Update, context: Context, words: str) -> None:
    entries = read.ledger(context.bot_data.db, words, limit=LEDGER_LIMIT)
    tr = translator_for(update, context)
    if not entries:
        unread = read.unread_languages(context.bot_data.db, words)
        reply = (
            replies.no_allegations_read(tr, words, unread)
            if unread
            else replies.no_allegations(tr, words)
        )
        await send_all(update, [reply])
        return
    await send_all(update, render_ledger(tr, entries, title=replies.ledger_title(tr, words)))
