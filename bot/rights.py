"""Groups that stopped the bot's posts: their subscriptions wait for the right, and come back.

Telegram refuses a post in a group where the bot may not send messages ("not enough rights to
send text messages to the chat", CHAT_WRITE_FORBIDDEN, ...: ``store.no_rights``): the group
turned "Send messages" off for its members (for the night, during a raid), or muted the bot,
maybe until some date. The sender then stops the group's subscriptions. Telegram tells a bot
when its own membership changes (``my_chat_member``: bot/handlers/members.py), but not when a
group's default permissions change, nor when a restriction ends by its ``until_date``: so the
bot asks. The rules:

- Who waits: a group's or supergroup's subscription stopped for want of the right to post,
  less than ``store.RIGHTS_WAIT`` (30 days) ago (``store.waiting_for_rights``); its topics'
  too (Telegram's rights are the group's: the Bot API has no per-topic right to read, and a
  closed topic pauses its subscription instead). Not a private chat (a user who blocked the
  bot subscribes again if they want to), nor a channel (only its administrators post there:
  the bot's own membership changes, and ``my_chat_member`` says so).
- How it asks (``may_post``): getChatMember for the bot first. An owner or administrator may
  post whatever the group's defaults (they bind members only): one call. Removed (left,
  kicked, not a member) or refused 403 / "chat not found": the chat is lost, its
  subscriptions stop waiting (reason ``store.REMOVED`` or Telegram's answer). Restricted
  without ``can_send_messages`` and its ``until_date`` still ahead (or none): not yet. Else
  getChat: the group's default ``permissions.can_send_messages`` (absent: allowed) decides.
  Telegram's effective right is both (a member's exception cannot allow what the defaults
  forbid), as its refusals say.
- When: each waiting group once per ``CHECK_INTERVAL`` (30 minutes), spread: a job every
  ``TICK`` asks the groups whose turn came, the longest unasked first, at most
  ``ceil(groups * TICK / CHECK_INTERVAL)`` of them, so that a thousand waiting groups cost
  about one call a second, never a burst. An update from a waiting group (a member's
  message, a command) asks at once unless the group was asked less than CHECK_INTERVAL ago.
  Calls go through the bot's rate limiter (a 429 is waited out there); any other failure
  leaves the group waiting until its next turn.
- Past RIGHTS_WAIT the group is asked no more: its subscriptions stay stopped, the reason
  kept, counted in /stats as having waited too long; /subscribe there resumes them.
- When the right is back: ``resume``, the one way back (``my_chat_member`` uses it too): a
  live subscription's new stories are those from now on, a digest's next one is at its next
  time from now, with the stories since its last digest; none is sent twice.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from telegram import ChatMember, ChatMemberRestricted, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import Application

from bot import digest_jobs
from bot.handlers.subscriptions import from_now, mode_values
from bot.state import BotState, Context
from digests import store
from digests.models import Subscription

log = logging.getLogger(__name__)

# Handlers see the application with its context type unresolved; its state is what matters.
App = Application[Any, Any, Any, Any, BotState, Any]

CHECK_INTERVAL = timedelta(minutes=30)
TICK = timedelta(minutes=1)
# What asking a group told: "post" (it may), "wait" (not yet), or why the chat is lost.
Verdict = str
_GROUPS = (ChatType.GROUP, ChatType.SUPERGROUP)


def _restricted_now(member: ChatMemberRestricted, now: datetime) -> bool:
    """Return True when a restriction still holds (Telegram's 0, read as 1970: for ever)."""
    until = member.until_date
    return until is None or until.timestamp() <= 0 or until > now


async def may_post(application: App, chat_id: int, now: datetime) -> Verdict:
    """Ask Telegram whether the bot may post in a group again: "post", "wait", or why the
    chat is lost."""
    bot = application.bot
    try:
        member = await bot.get_chat_member(chat_id, bot.id)
        if member.status in (ChatMember.OWNER, ChatMember.ADMINISTRATOR):
            return "post"
        if member.status in (ChatMember.LEFT, ChatMember.BANNED):
            return store.REMOVED
        if isinstance(member, ChatMemberRestricted):
            if not member.is_member:
                return store.REMOVED
            if not member.can_send_messages and _restricted_now(member, now):
                return "wait"
        chat = await bot.get_chat(chat_id)
    except ChatMigrated as error:  # a supergroup now: its subscriptions go there, asked next
        digest_jobs.move_chat(application, chat_id, int(error.new_chat_id))
        return "wait"
    except Forbidden as error:
        return error.message
    except BadRequest as error:
        if "chat not found" in error.message.lower():
            return error.message
        log.info("group %s not asked for its rights: %s", chat_id, error)
        return "wait"
    except TelegramError as error:
        log.info("group %s not asked for its rights: %s", chat_id, error)
        return "wait"
    permissions = chat.permissions
    allowed = permissions is None or permissions.can_send_messages is not False
    return "post" if allowed else "wait"


def resume(application: App, chat_id: int, subs: Sequence[Subscription]) -> list[Subscription]:
    """Bring back stopped subscriptions of a chat whose bot may post again; return them.

    Live ones take the stories from now on (and the edits their posts missed); a digest's
    next one is at its next time from now.
    """
    state = application.bot_data
    db = state.db
    resumed = []
    for sub in subs:
        log.info("chat %s: the bot may post again: subscription %s resumes", chat_id, sub.id)
        values = {"active": True, "deactivated_reason": None, "paused_at": None}
        if sub.mode == "live":
            values.update(mode_values(sub, "live"))  # new stories from now on
        back = from_now(db, sub, store.update_subscription(db, sub.id, **values))
        digest_jobs.schedule_subscription(application, back)
        resumed.append(back)
    if any(sub.mode == "live" for sub in resumed):
        digest_jobs.enqueue_live(state, resumed=chat_id)  # edits it missed
    state.rights_checked.pop(chat_id, None)
    return resumed


def _waiting(db_subs: Sequence[Subscription], now: datetime) -> list[Subscription]:
    since = store.iso(now - store.RIGHTS_WAIT)
    return [
        s
        for s in db_subs
        if not s.active
        and s.paused_at is None
        and store.no_rights(s.deactivated_reason or "")
        and (s.stopped_at or "") >= since
    ]


async def check_chat(application: App, chat_id: int, now: datetime) -> bool:
    """Ask whether the bot may post in a waiting group again, and act on the answer: resume
    its subscriptions, or stop waiting for a chat that is lost. Return True when resumed."""
    state = application.bot_data
    state.rights_checked[chat_id] = now
    verdict = await may_post(application, chat_id, now)
    if verdict == "wait":
        return False
    waiting = _waiting(store.chat_subscriptions(state.db, chat_id), now)
    state.rights_checked.pop(chat_id, None)
    if verdict == "post":
        return bool(resume(application, chat_id, waiting))
    log.info("group %s is lost (%s): its subscriptions stop waiting", chat_id, verdict)
    for sub in waiting:
        store.update_subscription(state.db, sub.id, deactivated_reason=verdict[:300])
    return False


async def check_waiting(application: App, *, now: datetime | None = None) -> int:
    """Ask the waiting groups whose turn came (see the module's rules); return how many
    resumed."""
    state = application.bot_data
    moment = now or store.utcnow()
    chats = list(dict.fromkeys(s.chat_id for s in store.waiting_for_rights(state.db, now=moment)))
    if state.delivery_chats is not None:
        chats = [c for c in chats if c in state.delivery_chats]
    checked = state.rights_checked
    for chat_id in set(checked) - set(chats):
        del checked[chat_id]  # resumed, lost, or waited too long
    for chat_id in chats:
        checked.setdefault(chat_id, None)
    due = [c for c in chats if (last := checked[c]) is None or moment - last >= CHECK_INTERVAL]
    due.sort(key=lambda c: (checked[c] is not None, checked[c] or moment))
    turns = math.ceil(len(chats) * TICK / CHECK_INTERVAL)
    resumed = 0
    for chat_id in due[:turns]:
        resumed += await check_chat(application, chat_id, moment)
    return resumed


async def check_job(context: Context) -> None:
    """The JobQueue's tick: ask the waiting groups whose turn came."""
    await check_waiting(context.application)


async def seen(update: Update, context: Context) -> None:
    """Ask a waiting group at once when an update comes from it (at most once an interval)."""
    chat = update.effective_chat
    if chat is None or chat.type not in _GROUPS or update.my_chat_member is not None:
        return  # the bot's own membership: bot/handlers/members.py answers it
    checked = context.bot_data.rights_checked
    if chat.id not in checked:
        return
    now = store.utcnow()
    last = checked[chat.id]
    if last is None or now - last >= CHECK_INTERVAL:
        await check_chat(context.application, chat.id, now)
