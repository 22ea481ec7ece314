"""Subscriptions: one per chat, or one per forum topic of a chat, with schedule, filters, flags.

A subscription is named by (chat_id, thread_id): ``thread_id`` is the forum topic it posts to,
None for the chat itself (private chats, groups, channels, a forum's general topic). A chat that
is gone (blocked the bot, deleted) deactivates every subscription it has; a topic that is closed
pauses only its own (``pause_subscription``), until /subscribe is sent there again, and a topic
that is deleted ends its own (it cannot be reopened: /subscribe in another topic subscribes that).
A group that turns its topics off keeps its readers' digests: its subscriptions become one, the
group's own, and the topics' are paused (``topics_turned_off``).
Keywords are stored as JSON lists; the languages filter as space-separated ISO 639-1 codes
("ru en"), empty for every language.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from digests.models import Subscription
from digests.store.chats import move_chat_language
from digests.store.common import iso, utcnow

# ``deactivated_reason`` of a subscription its chat stopped (/unsubscribe): not a lost chat.
UNSUBSCRIBED = "unsubscribed"
# ``deactivated_reason`` of a topic's subscription ended because the topic was deleted starts so
# (Telegram's answer follows): neither a lost chat nor a paused topic.
TOPIC_DELETED = "topic deleted"
# ``deactivated_reason`` of a topic's subscription paused because its group turned topics off:
# its digests go to the group's own subscription, which took its filters in.
TOPICS_OFF = "topics turned off"
# ``deactivated_reason`` of a subscription whose chat the bot was removed from.
REMOVED = "the bot was removed from the chat"
# ``deactivated_reason`` of a subscription stopped because the bot may not post in its chat
# (or Telegram's refusal, ``NO_RIGHTS``): it waits for the right, and resumes when it is back.
CANNOT_POST = "the bot may not post messages here"
# What Telegram answers a post the bot may not make: in a channel without the right to post,
# in a group where it is restricted (muted), or that let no member send messages.
NO_RIGHTS = (
    "need administrator rights",
    "not enough rights to send",
    "have no rights to send",
    "chat_write_forbidden",
)
# What Telegram answers a request to a chat the bot has lost: removed from it, the chat
# deleted or deactivated, the user gone (``lost_chat``). The sender's refused post ends the
# chat's subscriptions with the answer as their reason; so does /stats' question about a
# paused topic.
LOST_CHAT = (
    "bot was kicked",
    "bot is not a member",
    "chat not found",
    "peer_id_invalid",
    "group chat was deactivated",
    "chat was deleted",
    "user is deactivated",
)
# How long a group's subscription waits for the right to post (checked now and then): past
# this the group is no longer asked, and the subscription stays stopped with its reason.
RIGHTS_WAIT = timedelta(days=30)
# What Telegram answers a send to a deleted forum topic (a closed one: TOPIC_CLOSED).
_DELETED_TOPIC_ANSWERS = ("message thread not found", "topic_deleted")

_SUBSCRIPTION_FLAGS = (
    "allegations",
    "silent",
    "link_previews",
    "empty_note",
    "active",
    "timezone_given",
    "zone_hinted",
)
_NAMES = frozenset(f.name for f in fields(Subscription))
# The topic of a subscription as the unique index sees it: no topic is 0.
_SAME_TOPIC = "chat_id = ? and coalesce(thread_id, 0) = coalesce(?, 0)"


def _subscription(row: dict[str, Any]) -> Subscription:
    values = {k: v for k, v in row.items() if k in _NAMES}
    for flag in _SUBSCRIPTION_FLAGS:
        values[flag] = bool(values.get(flag))
    values["include"] = tuple(json.loads(values.get("include") or "[]"))
    values["exclude"] = tuple(json.loads(values.get("exclude") or "[]"))
    values["languages"] = tuple((values.get("languages") or "").split())
    return Subscription(**values)


def _subscription_values(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("include", "exclude"):
        if key in out:
            out[key] = json.dumps(list(out[key]), ensure_ascii=False)
    if "languages" in out and not isinstance(out["languages"], str):
        out["languages"] = " ".join(out["languages"])  # ISO 639-1 codes: no spaces inside
    for flag in _SUBSCRIPTION_FLAGS:
        if flag in out:
            out[flag] = int(bool(out[flag]))
    return out


def find_subscription(
    db: Database, chat_id: int, thread_id: int | None = None
) -> Subscription | None:
    """Return the subscription of a chat (or of one forum topic of it), active or not, or None."""
    rows = list(db.query(f"select * from subscriptions where {_SAME_TOPIC}", [chat_id, thread_id]))
    return _subscription(rows[0]) if rows else None


def name_topic(db: Database, chat_id: int, thread_id: int, name: str) -> list[Subscription]:
    """Keep a forum topic's new name on its subscription (a rename, or the name it was
    created with); return the subscriptions changed (none when the topic has none)."""
    db.execute(
        f"update subscriptions set topic_name = ? where {_SAME_TOPIC} and thread_id is not null",
        [name, chat_id, thread_id],
    )
    found = find_subscription(db, chat_id, thread_id)
    return [found] if found is not None and found.thread_id is not None else []


def chat_subscriptions(db: Database, chat_id: int) -> list[Subscription]:
    """Return every subscription of a chat (the chat's own and each topic's), oldest first."""
    return [
        _subscription(r)
        for r in db.query("select * from subscriptions where chat_id = ? order by id", [chat_id])
    ]


def paused_topics(db: Database, limit: int) -> tuple[list[Subscription], int]:
    """Return up to ``limit`` subscriptions paused with their closed topic, picked at random
    (each /stats asks about others), and how many are paused so in all. Those paused because
    their group turned topics off (``TOPICS_OFF``) are not among them: no topic to ask about."""
    paused = (
        "from subscriptions where active = 0 and paused_at is not null"
        " and thread_id is not null and coalesce(deactivated_reason, '') != ?"
    )
    [(total,)] = db.execute(f"select count(*) {paused}", [TOPICS_OFF]).fetchall()
    picked = db.query(f"select * {paused} order by random() limit ?", [TOPICS_OFF, limit])
    return [_subscription(r) for r in picked], int(total)


def chat_timezone(db: Database, chat_id: int, thread_id: int | None = None) -> str | None:
    """Return the time zone a chat's times are shown in: its topic's subscription's (given a
    forum topic), else the chat's own, else its oldest topic's; None when it has none.

    A paused or stopped subscription's zone still counts: it is where the chat's readers said
    they live.
    """
    row = db.execute(
        "select timezone from subscriptions where chat_id = ? and timezone is not null "
        "order by thread_id is ? desc, thread_id is not null, id limit 1",
        [chat_id, thread_id],
    ).fetchone()
    return row[0] if row else None


def get_subscription_by_id(db: Database, subscription_id: int) -> Subscription | None:
    """Return a subscription by its id, or None."""
    rows = list(db.query("select * from subscriptions where id = ?", [subscription_id]))
    return _subscription(rows[0]) if rows else None


def save_subscription(
    db: Database,
    chat_id: int,
    chat_type: str,
    *,
    thread_id: int | None = None,
    now: datetime | None = None,
    **values: Any,
) -> Subscription:
    """Create or update a chat's (or topic's) subscription, re-activating it, and return it."""
    existing = find_subscription(db, chat_id, thread_id)
    record = _subscription_values(values)
    record.update(chat_type=chat_type, active=1, deactivated_reason=None, paused_at=None)
    if existing is None:
        record.update(chat_id=chat_id, thread_id=thread_id, created=iso(now or utcnow()))
        # Start from now: a new subscriber's first digest holds what arrives from here on,
        # plus the day before, so it is not empty.
        record.setdefault("last_digest_at", iso((now or utcnow()) - timedelta(days=1)))
        db.table("subscriptions").insert(record)
    else:
        db.table("subscriptions").update(existing.id, record)
    found = find_subscription(db, chat_id, thread_id)
    assert found is not None
    return found


def update_subscription(db: Database, subscription_id: int, **values: Any) -> Subscription:
    """Change fields of a subscription and return it."""
    db.table("subscriptions").update(subscription_id, _subscription_values(values))
    found = get_subscription_by_id(db, subscription_id)
    assert found is not None
    return found


def list_subscriptions(
    db: Database,
    *,
    active_only: bool = True,
    mode: str | None = None,
    chats: Collection[int] | None = None,
) -> list[Subscription]:
    """Return subscriptions (of one mode, of these chats, if given), oldest first."""
    where: list[str] = ["active = 1"] if active_only else []
    params: list[Any] = []
    if mode is not None:
        where.append("mode = ?")
        params.append(mode)
    if chats is not None:
        where.append(f"chat_id in ({', '.join('?' * len(chats)) or 'null'})")
        params.extend(chats)
    sql = "select * from subscriptions"
    if where:
        sql += " where " + " and ".join(where)
    return [_subscription(r) for r in db.query(sql + " order by id", params)]


def _fail_queued(db: Database, where: str, params: list[Any], error: str) -> None:
    # A live post whose edit is dropped still shows what it showed before: its row forgets
    # what the edit would have shown, so the next look at its story (the subscription back)
    # edits it again instead of taking the message for up to date.
    db.execute(
        "update live_posts set sources_count = 0, summary_hash = '' "
        "where (subscription_id, story_id) in (select subscription_id, story_id from outbox "
        f"where {where} and kind = 'edit' and status in ('pending', 'sending'))",
        params,
    )
    db.execute(
        f"update outbox set status = 'failed', last_error = ? "
        f"where {where} and status in ('pending', 'sending')",
        [error[:300], *params],
    )


def deactivate_subscription(
    db: Database, chat_id: int, reason: str, *, subscription_id: int | None = None
) -> None:
    """Stop a chat's subscriptions (or only one of them) and drop their undelivered messages.

    Without ``subscription_id`` every subscription of the chat stops: the chat is gone. With
    it, that one stops, paused or not (it is no longer paused: nothing resumes it).
    Those that were on take ``reason``, and so do those waiting for the right to post
    (``no_rights``: Telegram's newer answer, "bot was kicked", may end the wait); the others
    already stopped keep theirs (a topic unsubscribed, paused, or deleted), so that the right
    to post given back (bot/rights.py) does not bring them back. A chat lost for another
    reason than that right (the bot removed, the chat gone) ends its paused topics' too: a
    topic reopened after the bot was added back would otherwise resume its posts, where the
    group's other subscriptions wait for an administrator's /subscribe.
    """
    stopped = iso(utcnow())
    with db.atomic():
        if subscription_id is None:
            lost = not no_rights(reason)
            ids = [
                sub.id
                for sub in chat_subscriptions(db, chat_id)
                if sub.active
                or (sub.paused_at is None and no_rights(sub.deactivated_reason or ""))
                or (sub.paused_at is not None and lost)
            ]
            # Those already stopped keep their time: a chat that waits since last week does
            # not start waiting again because a queued message was refused today.
            db.conn.executemany(
                "update subscriptions set active = 0, deactivated_reason = ?, paused_at = null,"
                " stopped_at = case when active = 1 then ? else coalesce(stopped_at, ?) end"
                " where id = ?",
                [(reason[:300], stopped, stopped, sub_id) for sub_id in ids],
            )
            _fail_queued(db, "chat_id = ?", [chat_id], f"chat deactivated: {reason[:200]}")
        else:
            # Stopped by name, it is no longer paused: a closed topic's subscription stopped
            # with /unsubscribe does not come back when the topic is reopened.
            db.execute(
                "update subscriptions set active = 0, deactivated_reason = ?, paused_at = null,"
                " stopped_at = case when active = 1 then ? else coalesce(stopped_at, ?) end"
                " where id = ? and chat_id = ?",
                [reason[:300], stopped, stopped, subscription_id, chat_id],
            )
            _fail_queued(
                db, "subscription_id = ?", [subscription_id], f"unsubscribed: {reason[:200]}"
            )


def no_rights(reason: str) -> bool:
    """Return True when a refusal (or a subscription's reason to stop) is the bot's want of
    the right to post."""
    return reason == CANNOT_POST or any(words in reason.lower() for words in NO_RIGHTS)


def lost_chat(reason: str) -> bool:
    """Return True when a refusal (or a subscription's reason to stop) says the bot lost its
    chat (``LOST_CHAT``, or removed: ``REMOVED``)."""
    return reason == REMOVED or any(words in reason.lower() for words in LOST_CHAT)


def waiting_for_rights(
    db: Database, *, now: datetime | None = None, expired: bool = False
) -> list[Subscription]:
    """Return the stopped subscriptions of groups and supergroups that wait for the right to
    post (``no_rights``), stopped less than ``RIGHTS_WAIT`` ago (``expired``: longer ago),
    oldest stop first; a paused topic's is not among them."""
    since = iso((now or utcnow()) - RIGHTS_WAIT)
    rows = db.query(
        "select * from subscriptions where active = 0 and paused_at is null"
        " and chat_type in ('group', 'supergroup')"
        f" and coalesce(stopped_at, '') {'<' if expired else '>='} ? order by stopped_at, id",
        [since],
    )
    return [s for s in map(_subscription, rows) if no_rights(s.deactivated_reason or "")]


def topic_deleted(reason: str) -> bool:
    """Return True when Telegram's refusal of a topic says it was deleted (not closed)."""
    return any(words in reason.lower() for words in _DELETED_TOPIC_ANSWERS)


def pause_subscription(
    db: Database, subscription_id: int, reason: str, *, now: datetime | None = None
) -> bool:
    """Pause a topic's subscription (its topic is closed), or end it (the topic was deleted);
    return False if it was not on (nor, for a deleted topic, paused).

    A paused subscription is inactive with ``paused_at`` set and the reason kept; /subscribe
    in the reopened topic resumes it. A deleted topic cannot be reopened, so its subscription
    ends instead: inactive, no ``paused_at``, its reason ``TOPIC_DELETED`` and Telegram's
    answer; so does a paused one's, its closed topic deleted since. Either way its queued
    messages are dropped (they could not be delivered).
    """
    paused_at: str | None = iso(now or utcnow())
    ends = topic_deleted(reason)
    if ends:
        paused_at, reason = None, f"{TOPIC_DELETED}: {reason}"
    with db.atomic():
        changed = db.execute(
            "update subscriptions set active = 0, paused_at = ?, deactivated_reason = ? "
            "where id = ? and (active = 1 or (? and paused_at is not null))",
            [paused_at, reason[:300], subscription_id, ends],
        ).rowcount
        _fail_queued(db, "subscription_id = ?", [subscription_id], f"paused: {reason[:200]}")
    return bool(changed)


def _merged(values: list[tuple[str, ...]], *, every: bool) -> tuple[str, ...]:
    """Return filters merged: "any of" lists (empty: no filter) give their union, or no filter
    if one has none; ``every``: the words every list has (an exclusion all of them agree on)."""
    if every:
        return tuple(word for word in values[0] if all(word in other for other in values[1:]))
    if not all(values):
        return ()
    return tuple(dict.fromkeys(word for words in values for word in words))


def topics_turned_off(
    db: Database, chat_id: int, *, now: datetime | None = None
) -> tuple[Subscription | None, list[Subscription]]:
    """Make a group that turned its forum topics off one subscription of its own; return it
    (None when the group has none active) and the topics' subscriptions it took in, as they
    were (none: nothing changed).

    Telegram answers a send to a topic of such a group as it answers one to a deleted topic;
    the caller asked it whether the group is still a forum. The rules:

    - The group's own subscription (its general topic's) stays if active; else the oldest
      active topic's moves to the group with every setting (time, zone, mode, caps, ...).
    - It takes in the filters of every active topic subscription, so that no reader loses
      the stories they subscribed to: words to include and languages are the union (none,
      when one of them had none), words to exclude only those every one of them excluded;
      it is not sent again a story one of them was sent.
    - The other topics' subscriptions are paused, their settings kept (reason ``TOPICS_OFF``):
      with topics back on, /subscribe in a topic resumes its own.
    - Messages still queued to the group's topics go to the group itself, none is lost.
    """
    stamp = iso(now or utcnow())
    with db.atomic():
        subs = [s for s in chat_subscriptions(db, chat_id) if s.active]
        subs.sort(key=lambda s: (s.thread_id is not None, s.id))
        topics = [s for s in subs if s.thread_id is not None]
        kept = subs[0] if subs else None
        if topics:
            base, others = subs[0], subs[1:]
            values: dict[str, Any] = {
                "include": _merged([s.include for s in subs], every=False),
                "exclude": _merged([s.exclude for s in subs], every=True),
                "languages": _merged([s.languages for s in subs], every=False),
            }
            own = find_subscription(db, chat_id, None)
            if base.thread_id is not None and own is not None:
                # The group's own subscription, stopped earlier, takes the topic's settings
                # (the unique index allows one per topic: the topic's row is paused instead).
                settings = {
                    f.name: getattr(base, f.name)
                    for f in fields(Subscription)
                    if f.name not in {"id", "chat_id", "thread_id", "created", "topic_name"}
                }
                values = {**settings, **values, "active": True, "deactivated_reason": None}
                others = subs
            elif base.thread_id is not None:
                values.update(thread_id=None, topic_name=None)
            target = own.id if own is not None else base.id
            db.table("subscriptions").update(target, _subscription_values(values))
            for other in others:
                db.execute(
                    "update subscriptions set active = 0, paused_at = ?, deactivated_reason = ? "
                    "where id = ?",
                    [stamp, TOPICS_OFF, other.id],
                )
                db.execute(
                    "insert or ignore into digest_stories (subscription_id, story_id, sent_at) "
                    "select ?, story_id, sent_at from digest_stories where subscription_id = ?",
                    [target, other.id],
                )
            kept = get_subscription_by_id(db, target)
        db.execute(
            "update outbox set thread_id = null where chat_id = ? and thread_id is not null "
            "and status in ('pending', 'sending')",
            [chat_id],
        )
    return kept, topics


def migrate_chat(db: Database, old_chat_id: int, new_chat_id: int) -> list[Subscription]:
    """Move a group's subscriptions, pending messages and language to its new supergroup id;
    return the subscriptions moved or stopped (whose digest jobs need scheduling again).

    A subscription the supergroup already has (same topic: an admin subscribed there before
    the move was seen) stays, and the group's is stopped: its digests would go to the
    supergroup too, each one twice. Moving a chat a second time changes nothing.

    Live posts made in the group get no more edits, and their waiting edits are dropped: the
    group's messages stay the group's, and the supergroup numbers its own afresh, so an edit
    sent there with a group message's number would rewrite another of its messages.
    """
    changed: list[Subscription] = []
    with db.atomic():
        subs = chat_subscriptions(db, old_chat_id)
        db.execute(
            "update outbox set status = 'failed', last_error = ? "
            "where chat_id = ? and kind = 'edit' and status in ('pending', 'sending')",
            ["message gone: sent before the group became a supergroup", old_chat_id],
        )
        for sub in subs:
            db.execute(
                "update live_posts set message_id = null where subscription_id = ?", [sub.id]
            )
        for sub in subs:
            if find_subscription(db, new_chat_id, sub.thread_id) is None:
                db.execute(
                    "update subscriptions set chat_id = ?, chat_type = 'supergroup' where id = ?",
                    [new_chat_id, sub.id],
                )
            elif sub.active:
                db.execute(
                    "update subscriptions set active = 0, deactivated_reason = ? where id = ?",
                    [f"moved to supergroup {new_chat_id}, which has its own", sub.id],
                )
            found = get_subscription_by_id(db, sub.id)
            assert found is not None
            changed.append(found)
        db.execute(
            "update outbox set chat_id = ?, chat_type = 'supergroup' "
            "where chat_id = ? and status in ('pending', 'sending')",
            [new_chat_id, old_chat_id],
        )
        move_chat_language(db, old_chat_id, new_chat_id)
    return changed
