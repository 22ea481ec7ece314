"""Digest subscriptions: /subscribe, /unsubscribe, /settings, /subscribe_channel, /digest."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database
from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden

from bot import digest_jobs
from bot.handlers.common import BadArguments, send_all
from bot.state import Context
from digests import schedule, store
from digests.models import Subscription

log = logging.getLogger(__name__)

STORY_CHOICES = (3, 5, 10, 15)
_ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
_TOGGLES = {
    "allegations": "Allegations section",
    "silent": "Silent notification",
    "link_previews": "Link previews",
    "empty_note": "Note when nothing is new",
}
_TIME_CHOICES = ("06:00", "07:00", "08:00", "12:00", "18:00", "21:00")
# The zone button cycles through these, west to east; any other IANA zone is set by text.
_ZONE_CHOICES = (
    "America/Los_Angeles",
    "America/Chicago",
    "America/New_York",
    "America/Sao_Paulo",
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Kyiv",
    "Europe/Moscow",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
)
GROUP_ADMINS_ONLY = "Only this group's administrators can change its digest subscription."


def _kind(chat: Chat) -> str:
    return "group" if chat.type == ChatType.GROUP else str(chat.type)


def parse_subscribe_args(args: Sequence[str]) -> tuple[str | None, list[str], list[str]]:
    """Return (HH:MM or None, include keywords, exclude keywords) of /subscribe arguments.

    A keyword starting with "-" excludes stories that mention it.
    """
    at: str | None = None
    include: list[str] = []
    exclude: list[str] = []
    for index, arg in enumerate(args):
        if index == 0 and any(c.isdigit() for c in arg) and (":" in arg or "." in arg):
            try:
                at = schedule.parse_hhmm(arg).strftime("%H:%M")
            except schedule.ScheduleError as error:
                raise BadArguments(str(error)) from None
            continue
        word = arg.strip().strip(",")
        if word.startswith("-") and len(word) > 1:
            exclude.append(word[1:])
        elif word:
            include.append(word)
    return at, include, exclude


async def _may_change(update: Update, context: Context) -> bool:
    """Return True when the sender may change this chat's subscription (groups: admins only)."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None:
        return False
    if chat.type in (ChatType.PRIVATE, ChatType.CHANNEL):
        return True  # a channel post can only come from the channel's admins
    if (
        message is not None
        and message.sender_chat is not None
        and message.sender_chat.id == chat.id
    ):
        return True  # an anonymous group admin
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in _ADMINS


def describe(sub: Subscription) -> str:
    """Return a subscription's settings as Telegram HTML lines."""
    when = {
        "daily": f"every day at {sub.time}",
        "weekdays": f"Monday to Friday at {sub.time}",
        "hourly": f"every hour at minute {sub.time[-2:]}",
        "weekly": f"every {_WEEKDAYS[sub.weekday % 7]} at {sub.time}",
    }[sub.frequency]
    lines = [
        f"<b>Digest:</b> {html.escape(when)} ({html.escape(sub.timezone)})",
        f"<b>Stories:</b> up to {sub.stories}",
        "<b>Only about:</b> "
        + (html.escape(", ".join(sub.include)) if sub.include else "anything"),
        "<b>Never about:</b> " + (html.escape(", ".join(sub.exclude)) if sub.exclude else "—"),
    ]
    lines += [
        f"<b>{label}:</b> {'on' if getattr(sub, key) else 'off'}" for key, label in _TOGGLES.items()
    ]
    return "\n".join(lines)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def settings_keyboard(sub: Subscription) -> InlineKeyboardMarkup:
    """Return the /settings keyboard: each button changes one setting and redraws."""
    rows = [
        [
            InlineKeyboardButton(f"Time {sub.time} ▸", callback_data="set:time"),
            InlineKeyboardButton(f"{sub.frequency.capitalize()} ▸", callback_data="set:frequency"),
        ],
        [InlineKeyboardButton(f"Zone {sub.timezone} ▸", callback_data="set:timezone")],
        [InlineKeyboardButton(f"Stories: {sub.stories} ▸", callback_data="set:stories")],
    ]
    if sub.frequency == "weekly":
        rows[2].append(
            InlineKeyboardButton(f"{_WEEKDAYS[sub.weekday % 7]} ▸", callback_data="set:weekday")
        )
    rows += [
        [
            InlineKeyboardButton(
                f"{label}: {'on' if getattr(sub, key) else 'off'}", callback_data=f"set:{key}"
            )
        ]
        for key, label in _TOGGLES.items()
    ]
    return InlineKeyboardMarkup(rows)


SETTINGS_HELP = (
    "\n\nChange by text: <code>/settings time 07:30</code>, <code>/settings tz Europe/Berlin</code>, "
    "<code>/settings include climate energy</code>, <code>/settings exclude sport</code>, "
    "<code>/settings include -</code> to clear."
)


async def subscribe(update: Update, context: Context) -> None:
    """Subscribe this chat (private, group or, posted in it, channel): /subscribe [HH:MM] [words]."""
    await _subscribe(update, context, context.args or [])


async def subscribe_button(update: Update, context: Context) -> None:
    """Subscribe this chat with the default settings from the /start button."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    await _subscribe(update, context, [])


async def _subscribe(update: Update, context: Context, args: Sequence[str]) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    if not await _may_change(update, context):
        await _reply(update, GROUP_ADMINS_ONLY)
        return
    at, include, exclude = parse_subscribe_args(args)
    db = context.bot_data.db
    settings = context.bot_data.settings
    existing = store.find_subscription(db, chat.id)
    values: dict[str, Any] = {"title": chat.title or chat.full_name or str(chat.id)}
    if update.effective_user is not None:
        values["user_id"] = update.effective_user.id
    if at is not None:
        values["time"] = at
    elif existing is None:
        values["time"] = settings.digest_time.strftime("%H:%M")
    if existing is None:
        values["timezone"] = settings.timezone.key
    if include:
        values["include"] = include
    if exclude:
        values["exclude"] = exclude
    sub = store.save_subscription(db, chat.id, _kind(chat), **values)
    digest_jobs.schedule_subscription(context.application, sub)
    verb = "Subscription updated" if existing is not None and existing.active else "Subscribed"
    await _reply(
        update, f"<b>{verb}.</b>\n{describe(sub)}\n\n/settings to change, /unsubscribe to stop."
    )


async def unsubscribe(update: Update, context: Context) -> None:
    """Stop this chat's digests: /unsubscribe."""
    chat = update.effective_chat
    if chat is None:
        return
    if not await _may_change(update, context):
        await _reply(update, GROUP_ADMINS_ONLY)
        return
    db = context.bot_data.db
    sub = store.find_subscription(db, chat.id)
    if sub is None or not sub.active:
        await _reply(update, "This chat has no digest subscription. /subscribe to start one.")
        return
    store.deactivate_subscription(db, chat.id, "unsubscribed")
    digest_jobs.unschedule_subscription(context.application, sub.id)
    await _reply(update, "Unsubscribed. No more digests here; /subscribe to start again.")


async def settings_command(update: Update, context: Context) -> None:
    """Show and change this chat's subscription: /settings [time|tz|include|exclude ...]."""
    chat = update.effective_chat
    if chat is None:
        return
    db = context.bot_data.db
    sub = store.find_subscription(db, chat.id)
    if sub is None or not sub.active:
        await _reply(update, "This chat has no digest subscription yet. Start with /subscribe.")
        return
    args = context.args or []
    if args:
        if not await _may_change(update, context):
            await _reply(update, GROUP_ADMINS_ONLY)
            return
        sub = _apply_text_setting(db, sub, args)
        digest_jobs.schedule_subscription(context.application, sub)
    if update.effective_message is not None:
        await update.effective_message.reply_text(
            describe(sub) + SETTINGS_HELP, reply_markup=settings_keyboard(sub)
        )


def _apply_text_setting(database: Database, sub: Subscription, args: Sequence[str]) -> Subscription:
    key, rest = args[0].lower(), list(args[1:])
    try:
        if key == "time" and len(rest) == 1:
            return store.update_subscription(
                database, sub.id, time=schedule.parse_hhmm(rest[0]).strftime("%H:%M")
            )
        if key in ("tz", "timezone", "zone") and len(rest) == 1:
            return store.update_subscription(
                database, sub.id, timezone=schedule.validate_timezone(rest[0])
            )
        if key in ("include", "exclude"):
            words = [] if rest in ([], ["-"]) else [w.strip(",") for w in rest if w.strip(",")]
            return store.update_subscription(database, sub.id, **{key: words})
        if key == "frequency" and len(rest) == 1:
            return store.update_subscription(
                database, sub.id, frequency=schedule.validate_frequency(rest[0].lower())
            )
        if key == "stories" and len(rest) == 1 and rest[0].isdigit() and 1 <= int(rest[0]) <= 20:
            return store.update_subscription(database, sub.id, stories=int(rest[0]))
    except schedule.ScheduleError as error:
        raise BadArguments(str(error)) from None
    raise BadArguments(
        "Settings: time HH:MM, tz ZONE, frequency daily|weekdays|hourly|weekly, stories N, include|exclude WORDS."
    )


def _next(options: Sequence[object], current: object) -> object:
    values = list(options)
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]


async def settings_button(update: Update, context: Context) -> None:
    """Change one setting from the /settings keyboard and redraw it."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None or query.data is None:
        return
    db = context.bot_data.db
    sub = store.find_subscription(db, chat.id)
    if sub is None or not sub.active:
        await query.answer("No subscription here any more.", show_alert=True)
        return
    if not await _may_change(update, context):
        await query.answer(GROUP_ADMINS_ONLY, show_alert=True)
        return
    key = query.data.removeprefix("set:")
    changes: dict[str, object]
    if key == "time":
        changes = {"time": _next(_TIME_CHOICES, sub.time)}
    elif key == "timezone":
        changes = {"timezone": _next(_ZONE_CHOICES, sub.timezone)}
    elif key == "frequency":
        changes = {"frequency": _next(schedule.FREQUENCIES, sub.frequency)}
    elif key == "stories":
        changes = {"stories": _next(STORY_CHOICES, sub.stories)}
    elif key == "weekday":
        changes = {"weekday": (sub.weekday + 1) % 7}
    elif key in _TOGGLES:
        changes = {key: not getattr(sub, key)}
    else:
        await query.answer()
        return
    sub = store.update_subscription(db, sub.id, **changes)
    digest_jobs.schedule_subscription(context.application, sub)
    await query.answer("Saved")
    try:
        await query.edit_message_text(
            describe(sub) + SETTINGS_HELP, reply_markup=settings_keyboard(sub)
        )
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


async def subscribe_channel(update: Update, context: Context) -> None:
    """Subscribe a channel the bot posts in (admins): /subscribe_channel @name [HH:MM]."""
    args = context.args or []
    if not args or not (args[0].startswith("@") or args[0].lstrip("-").isdigit()):
        raise BadArguments("Name the channel as @username (or its numeric id).")
    at, _, _ = parse_subscribe_args(args[1:2])
    try:
        chat = await context.bot.get_chat(args[0])
    except (BadRequest, Forbidden):
        await _reply(
            update,
            f"I can't find {html.escape(args[0])}. Add me to the channel as an administrator first.",
        )
        return
    if chat.type != ChatType.CHANNEL:
        await _reply(
            update, f"{html.escape(args[0])} is not a channel. In a group, send /subscribe there."
        )
        return
    member = await context.bot.get_chat_member(chat.id, context.bot.id)
    if member.status not in _ADMINS:
        await _reply(
            update,
            f"I am not an administrator of {html.escape(args[0])}. Add me as an administrator "
            "with the right to post messages, then try again.",
        )
        return
    if getattr(member, "can_post_messages", True) is False:
        await _reply(
            update,
            f"I am an administrator of {html.escape(args[0])} but may not post messages. "
            "Give me the “Post messages” right, then try again.",
        )
        return
    settings = context.bot_data.settings
    db = context.bot_data.db
    values: dict[str, Any] = {
        "title": chat.title or args[0],
        "time": at or settings.digest_time.strftime("%H:%M"),
    }
    if store.find_subscription(db, chat.id) is None:
        values["timezone"] = settings.timezone.key
    if update.effective_user is not None:
        values["user_id"] = update.effective_user.id
    sub = store.save_subscription(db, chat.id, "channel", **values)
    digest_jobs.schedule_subscription(context.application, sub)
    await _reply(
        update, f"<b>{html.escape(chat.title or args[0])} is subscribed.</b>\n{describe(sub)}"
    )


async def digest_now(update: Update, context: Context) -> None:
    """Send this chat's digest now, as its subscription would (default settings without one)."""
    chat = update.effective_chat
    if chat is None:
        return
    db = context.bot_data.db
    sub = store.find_subscription(db, chat.id)
    if sub is None or not sub.active:
        sub = Subscription(id=0, chat_id=chat.id, chat_type=_kind(chat))
    texts = digest_jobs.render_for(context.bot_data, sub, store.utcnow())
    await send_all(update, texts)


async def _reply(update: Update, text: str) -> None:
    chat = update.effective_chat
    if chat is not None:
        await chat.send_message(text)
