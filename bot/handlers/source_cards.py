"""An admin's /sources: a button per source opens its card, which pauses, resumes or removes
it; the one message is edited in place, from the list to a card and back.

An admin's /sources (in a private chat; a group gets everyone's list) shows every source,
paused ones marked, as many as fit one message (at most ``replies.SOURCES_PAGE``), a button
numbered with each one's id, and the **More** button as everyone's list has it. Button data
(Telegram takes at most 64 bytes) is "src:", a verb, the source's id and the list's offset:

- ``src:open:ID:OFFSET``     the card: name, address, folder, state, last success, articles,
                             last error; buttons Pause or Resume, Remove, Back to the list
- ``src:pause:ID:OFFSET``, ``src:resume:ID:OFFSET``   as /pausesource and /resumesource
- ``src:remove:ID:OFFSET``   asks first: names the source and what happens to its articles
- ``src:confirm:ID:OFFSET``  removes it, as /removesource does
- ``src:list:OFFSET``        the list again, from the same offset

Every press is answered. Someone not in ADMIN_IDS (an admin since removed from it) is refused
and nothing changes. A source removed meanwhile is answered "already removed" and the list is
drawn again. Views are drawn by ``common.show_in_pressed``: an old message, which Telegram
hands over without its content, is edited by its chat and id all the same; one Telegram no
longer lets the bot edit (deleted meanwhile) gets the new view as a new message.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import timedelta

from sqlite_utils import Database
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType

from bot import replies
from bot.handlers import admin
from bot.handlers.common import (
    CALLBACK_LIMIT,
    answer_press,
    is_admin,
    send_all,
    show_in_pressed,
    translator_for,
)
from bot.i18n import Translator
from bot.state import Context
from digests import store
from digests.errors import SourceError
from digests.models import Source

log = logging.getLogger(__name__)

# A card counts the articles a source saved in this window.
RECENT = timedelta(days=7)
_PER_ROW = 5  # numbered buttons to a row: five ids of up to six digits fit a phone's width
_DATA = re.compile(
    r"src:(open|pause|resume|remove|confirm):(\d{1,19}):(\d{1,6})|src:list:(\d{1,6})"
)


def shows_cards(update: Update, context: Context) -> bool:
    """Return True when /sources here is an admin's, with a button per source: an admin in a
    private chat (a group's members would see paused sources and their errors)."""
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE and is_admin(update, context)


def data(verb: str, source_id: int, offset: int) -> str:
    """Return a card button's callback data; raise ValueError beyond Telegram's 64 bytes."""
    text = f"src:{verb}:{source_id}:{offset}"
    if len(text.encode()) > CALLBACK_LIMIT:
        raise ValueError(f"callback data longer than 64 bytes: {text!r}")
    return text


def list_page(
    tr: Translator, sources: Sequence[Source], offset: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Return an admin's page of /sources from ``offset`` as one message, and its keyboard: a
    button per source shown, then More when others follow."""
    offset = min(offset, max(0, len(sources) - 1))
    size = replies.SOURCES_PAGE
    texts = replies.admin_source_list(tr, sources, store.utcnow(), offset, size)
    # Long titles or dates can make 30 lines more than a message holds: fewer, then.
    while len(texts) > 1 and size > 1:
        size -= 1
        texts = replies.admin_source_list(tr, sources, store.utcnow(), offset, size)
    shown = sources[offset : offset + size]
    ids = [InlineKeyboardButton(str(s.id), callback_data=data("open", s.id, offset)) for s in shown]
    rows = [ids[i : i + _PER_ROW] for i in range(0, len(ids), _PER_ROW)]
    if offset + size < len(sources):
        more = f"sources:{offset + size}"  # the More button of everyone's list
        rows.append([InlineKeyboardButton(replies.more_button(tr), callback_data=more)])
    return texts[0], InlineKeyboardMarkup(rows) if rows else None


def card(
    tr: Translator, db: Database, source: Source, offset: int
) -> tuple[str, InlineKeyboardMarkup]:
    """Return a source's card and its buttons: Pause or Resume, Remove, Back to the list."""
    now = store.utcnow()
    recent = store.articles_since(db, source.id, now - RECENT)
    pause, resume, remove, back = replies.source_buttons(tr)
    toggle = (
        InlineKeyboardButton(resume, callback_data=data("resume", source.id, offset))
        if source.paused
        else InlineKeyboardButton(pause, callback_data=data("pause", source.id, offset))
    )
    keyboard = InlineKeyboardMarkup(
        [
            [toggle, InlineKeyboardButton(remove, callback_data=data("remove", source.id, offset))],
            [InlineKeyboardButton(back, callback_data=f"src:list:{offset}")],
        ]
    )
    return replies.source_card(tr, source, now, recent), keyboard


def question(tr: Translator, source: Source, offset: int) -> tuple[str, InlineKeyboardMarkup]:
    """Return the question before removing a source, with its two buttons."""
    yes, no = replies.confirm_buttons(tr)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(yes, callback_data=data("confirm", source.id, offset)),
                InlineKeyboardButton(no, callback_data=data("open", source.id, offset)),
            ]
        ]
    )
    return replies.confirm_removal(tr, source), keyboard


async def send_list(update: Update, context: Context, offset: int) -> None:
    """Send an admin's page of /sources as a new message (the command, or More)."""
    tr = translator_for(update, context)
    text, keyboard = list_page(tr, store.list_sources(context.bot_data.db), offset)
    await send_all(update, [text], keyboard)


async def source_button(update: Update, context: Context) -> None:
    """Answer a press on an admin's list or a source card ("src:..." data)."""
    query = update.callback_query
    if query is None:
        return
    tr = translator_for(update, context)
    match = _DATA.fullmatch(query.data or "")
    if match is None:
        await answer_press(query, replies.expired(tr))
        return
    if not is_admin(update, context):
        user = update.effective_user
        log.warning("refused source button %s to user %s", query.data, user and user.id)
        await answer_press(query, replies.buttons_refused(tr), show_alert=True)
        return
    db = context.bot_data.db
    if match[4] is not None:  # src:list:OFFSET
        await answer_press(query)
        await show_in_pressed(
            update, context, *list_page(tr, store.list_sources(db), int(match[4]))
        )
        return
    verb, source_id, offset = match[1], int(match[2]), int(match[3])
    source = store.find_source(db, source_id)
    if source is None:
        await answer_press(query, replies.already_removed(tr, source_id), show_alert=True)
        await show_in_pressed(update, context, *list_page(tr, store.list_sources(db), offset))
        return
    try:
        if verb in ("pause", "resume"):
            paused = verb == "pause"
            source, changed = admin.pause_one(db, source.id, paused=paused)
            log.info("admin %s %sd source %s by its card", query.from_user.id, verb, source.id)
            await answer_press(query, replies.pause_answer(tr, paused=paused, changed=changed))
        elif verb == "confirm":
            source = admin.remove_one(update, context, source.id)
            await answer_press(query)
            back = InlineKeyboardButton(
                replies.source_buttons(tr)[3], callback_data=f"src:list:{offset}"
            )
            text = replies.source_removed(tr, source)
            await show_in_pressed(update, context, text, InlineKeyboardMarkup([[back]]))
            return
        else:
            await answer_press(query)
    except SourceError:  # removed between the look-up and the change
        await answer_press(query, replies.already_removed(tr, source_id), show_alert=True)
        await show_in_pressed(update, context, *list_page(tr, store.list_sources(db), offset))
        return
    if verb == "remove":
        await show_in_pressed(update, context, *question(tr, source, offset))
    else:
        await show_in_pressed(update, context, *card(tr, db, source, offset))
