"""What Telegram tells the bot about its chats: a group upgraded to a supergroup, the bot's own
membership changing (``my_chat_member``), a forum topic reopened, and channel posts forwarded
into a discussion group.

- A group that became a supergroup: Telegram sends ``migrate_to_chat_id`` in the group and
  ``migrate_from_chat_id`` in the supergroup; either moves the group's subscriptions there at
  once (``digest_jobs.move_chat``), so /settings in the supergroup finds them and /subscribe
  there changes them instead of making a second one; an admin's pending /import moves too.
- The bot removed from a chat (left, kicked, a private chat that blocked it): every
  subscription of the chat stops; unless the chat is a group that Telegram says became a
  supergroup (then they move there, whichever of the two updates comes first).
- The bot's right to post taken away (a channel's "Post messages", or the bot muted in a
  group): the chat's subscriptions stop, and come back (``rights.resume``: from then on, no
  backlog) when the right is given back. A group's default permissions, and a mute that ends
  by itself, change with no update to the bot: bot/rights.py asks.
- A channel the bot was removed from (Telegram said so, or refused its posts) and is added
  back to as an administrator with the right to post: its subscription resumes with its
  settings, as when the right comes back. Only a channel's administrators can add the bot
  there, and a bot in a channel does nothing but post. Added back without that right, it
  waits for the right. A group's stays stopped: any member may add a bot to a group, and it
  is not subscribed behind its administrators' backs (they send /subscribe).
- A channel's subscription stopped so (removed, or the right to post taken): whoever
  subscribed it from their chat with the bot (/subscribe_channel) is told there, once, and
  how it resumes, unless they made the change themselves.
- A forum topic reopened (``forum_topic_reopened`` in it): its subscription, paused when
  Telegram refused a post there as the topic was closed, resumes as when the right to post
  comes back (``rights.resume``: live posts from then on, a digest at its next time). The
  General topic reopened (``forum_topic_reopened`` with no thread) resumes the group's own.
- A channel post forwarded automatically into the channel's discussion group is the
  channel's, not a command to the group: the bot neither runs nor refuses it there.
"""

from __future__ import annotations

import logging

from telegram import (
    ChatMember,
    ChatMemberAdministrator,
    ChatMemberRestricted,
    ChatMemberUpdated,
    Update,
)
from telegram.constants import ChatType
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot import digest_jobs, rights
from bot.handlers.subscriptions import CANNOT_POST, no_rights
from bot.sender import tell_channel_subscriber
from bot.state import Context
from digests import store
from digests.models import Subscription

log = logging.getLogger(__name__)

# A subscription stopped for want of the right to post (CANNOT_POST, or the sender's reason,
# Telegram's refusal: ``subscriptions.no_rights``) comes back when the right does.
REMOVED = store.REMOVED


async def migrated(update: Update, context: Context) -> None:
    """Move a group's subscriptions to the supergroup it became, as soon as Telegram says so."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    if message.migrate_to_chat_id is not None:
        old, new = chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id is not None:
        old, new = message.migrate_from_chat_id, chat.id
    else:
        return
    changed = digest_jobs.move_chat(context.application, old, new)
    if changed:
        log.info("group %s became supergroup %s: %d subscriptions moved", old, new, len(changed))


def _may_post(chat_type: str, member: ChatMember) -> bool:
    """Return True when the bot, with this membership, can post in a chat of this type."""
    if member.status == ChatMember.OWNER:
        return True
    if chat_type == ChatType.CHANNEL:
        return isinstance(member, ChatMemberAdministrator) and bool(member.can_post_messages)
    if isinstance(member, ChatMemberRestricted):
        return member.is_member and member.can_send_messages
    return member.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR)


def _removed(member: ChatMember) -> bool:
    if isinstance(member, ChatMemberRestricted):
        return not member.is_member
    return member.status in (ChatMember.LEFT, ChatMember.BANNED)


async def _upgraded(context: Context, group_id: int) -> bool:
    """Return True when a group the bot seems to have left became a supergroup (Telegram
    answers with ``migrate_to_chat_id``); its subscriptions are then moved there."""
    try:
        await context.bot.get_chat(group_id)
    except ChatMigrated as error:
        digest_jobs.move_chat(context.application, group_id, int(error.new_chat_id))
        return True
    except TelegramError as error:
        log.info("group %s not read: %s", group_id, error)
    return False


async def _tell_subscriber(
    context: Context, sub: Subscription, changed: ChatMemberUpdated, reason: str
) -> None:
    """Tell whoever subscribed a channel from their chat with the bot that its subscription
    stopped, and how it resumes, unless they made the change themselves."""
    if sub.user_id is None or sub.user_id == changed.from_user.id:
        return
    chat = changed.chat
    name = f"@{chat.username}" if chat.username else str(chat.id)
    tr = context.bot_data.translator(sub.user_id)
    await tell_channel_subscriber(context.bot, tr, sub, name, reason)


async def bot_member(update: Update, context: Context) -> None:
    """Stop, or bring back, a chat's subscriptions when the bot's membership there changes."""
    changed = update.my_chat_member
    if changed is None:
        return
    chat, new = changed.chat, changed.new_chat_member
    db = context.bot_data.db
    subs = store.chat_subscriptions(db, chat.id)
    if not subs:
        return
    if _removed(new) and chat.type == ChatType.GROUP and await _upgraded(context, chat.id):
        return  # the group became a supergroup: its subscriptions went along
    if _removed(new) or (chat.type != ChatType.PRIVATE and not _may_post(chat.type, new)):
        reason = REMOVED if _removed(new) else CANNOT_POST
        log.info("chat %s: %s (%s): its subscriptions stop", chat.id, reason, new.status)
        for sub in subs:
            if sub.active:
                store.deactivate_subscription(db, chat.id, reason, subscription_id=sub.id)
                if chat.type == ChatType.CHANNEL:
                    await _tell_subscriber(context, sub, changed, reason)
            elif reason == CANNOT_POST and store.lost_chat(sub.deactivated_reason or ""):
                # back in the channel without the right to post: it waits for the right
                store.update_subscription(db, sub.id, deactivated_reason=CANNOT_POST)
            elif reason == REMOVED and sub.paused_at is not None:
                # a closed topic's: reopened after the bot is added back, it would resume
                # where the group's others wait for an administrator's /subscribe
                store.deactivate_subscription(db, chat.id, reason, subscription_id=sub.id)
            digest_jobs.unschedule_subscription(context.application, sub.id)
        return
    if chat.type == ChatType.PRIVATE:
        return  # unblocked: the user subscribes again if they want to
    waiting = [
        sub
        for sub in subs
        if not sub.active
        and (
            no_rights(sub.deactivated_reason or "")
            or (chat.type == ChatType.CHANNEL and store.lost_chat(sub.deactivated_reason or ""))
        )
    ]
    rights.resume(context.application, chat.id, waiting)


async def topic_reopened(update: Update, context: Context) -> None:
    """Resume the paused subscription of a forum topic Telegram says was reopened."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    # No thread: the General topic, reopened; its subscription is the group's own.
    sub = store.find_subscription(context.bot_data.db, chat.id, message.message_thread_id)
    if sub is None or sub.active or sub.paused_at is None:
        return  # none, on, or ended (a deleted topic's)
    if sub.deactivated_reason == store.TOPICS_OFF:
        return  # its digests go to the group's own subscription: /subscribe here takes it back
    rights.resume(context.application, chat.id, [sub])


async def automatic_forward(update: Update, context: Context) -> None:
    """Ignore a channel post Telegram forwarded into the channel's discussion group."""
    raise ApplicationHandlerStop
