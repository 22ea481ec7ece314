"""The delivery outbox: every message part of every digest, written before it is sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlite_utils import Database

from digests.models import OutboxMessage, Subscription
from digests.store.common import count, iso, utcnow


def enqueue_digest(
    db: Database,
    subscription: Subscription,
    slot: datetime,
    parts: Sequence[str],
    *,
    cutoff: datetime,
    story_ids: Sequence[int] = (),
    now: datetime | None = None,
) -> int:
    """Write one digest's messages to the outbox and move the subscription's cutoff, atomically.

    ``story_ids`` are the stories it sends: recorded, so that none goes to the chat again.
    The digest key (subscription and slot) makes this idempotent: a slot already written
    adds nothing. Returns how many messages were added.
    """
    key = f"{subscription.id}@{iso(slot)}"
    stamp = iso(now or utcnow())
    rows = [
        {
            "subscription_id": subscription.id,
            "chat_id": subscription.chat_id,
            "chat_type": subscription.chat_type,
            "digest_key": key,
            "part": n,
            "parts": len(parts),
            "text": text,
            "disable_notification": int(subscription.silent),
            "link_previews": int(subscription.link_previews),
            "status": "pending",
            "attempts": 0,
            "next_attempt": stamp,
            "created": stamp,
        }
        for n, text in enumerate(parts)
    ]
    with db.atomic():
        if next(iter(db.query("select count(*) as n from outbox where digest_key = ?", [key])))[
            "n"
        ]:
            return 0  # this slot's digest is already written, whole
        before = count(db, "outbox")
        if rows:
            db.table("outbox").insert_all(rows, ignore=True)
        db.execute(
            "update subscriptions set last_slot = ?, last_digest_at = ? where id = ?",
            [iso(slot), iso(cutoff), subscription.id],
        )
        db.conn.executemany(
            "insert or ignore into digest_stories (subscription_id, story_id, sent_at)"
            " values (?, ?, ?)",
            [(subscription.id, story_id, stamp) for story_id in story_ids],
        )
        return count(db, "outbox") - before


def outbox_due(
    db: Database, *, now: datetime | None = None, limit: int = 1000
) -> list[OutboxMessage]:
    """Return pending messages whose time has come, oldest digest and part first.

    A part is only due once every earlier part of its digest is sent, so parts arrive in order.
    """
    rows = db.execute(
        """
        select o.id, o.chat_id, coalesce(o.chat_type, 'private'), o.digest_key, o.part, o.parts,
               o.text, o.disable_notification, o.link_previews, coalesce(o.attempts, 0)
        from outbox o
        where o.status = 'pending' and o.next_attempt <= ?
          and not exists (
            select 1 from outbox p where p.digest_key = o.digest_key and p.part < o.part
            and p.status != 'sent')
        order by o.id limit ?
        """,
        [iso(now or utcnow()), limit],
    )
    return [
        OutboxMessage(
            id=id_,
            chat_id=chat_id,
            chat_type=chat_type,
            digest_key=digest_key,
            part=part,
            parts=parts,
            text=text,
            disable_notification=bool(silent),
            link_previews=bool(previews),
            attempts=attempts,
        )
        for id_, chat_id, chat_type, digest_key, part, parts, text, silent, previews, attempts in rows
    ]


def mark_sending(db: Database, outbox_id: int) -> None:
    """Mark a message as handed to Telegram (in flight)."""
    db.execute(
        "update outbox set status = 'sending', attempts = attempts + 1 where id = ?", [outbox_id]
    )


def mark_sent(
    db: Database, outbox_id: int, message_id: int, *, now: datetime | None = None
) -> None:
    """Mark a message delivered."""
    db.execute(
        "update outbox set status = 'sent', message_id = ?, sent_at = ?, last_error = null "
        "where id = ?",
        [message_id, iso(now or utcnow()), outbox_id],
    )


def mark_retry(db: Database, outbox_id: int, error: str, next_attempt: datetime) -> None:
    """Put a message back in the queue after a failure, to try again later."""
    db.execute(
        "update outbox set status = 'pending', last_error = ?, next_attempt = ? where id = ?",
        [error[:300], iso(next_attempt), outbox_id],
    )


def mark_failed(db: Database, outbox_id: int, error: str) -> None:
    """Give a message up."""
    db.execute(
        "update outbox set status = 'failed', last_error = ? where id = ?", [error[:300], outbox_id]
    )


def fail_digest_rest(db: Database, digest_key: str, after_part: int, error: str) -> int:
    """Fail a digest's later parts when a part failed (they could never become due)."""
    return db.execute(
        "update outbox set status = 'failed', last_error = ? "
        "where digest_key = ? and part > ? and status = 'pending'",
        [error[:300], digest_key, after_part],
    ).rowcount


def release_in_flight(db: Database) -> int:
    """After a crash or restart, put messages that were in flight back in the queue."""
    return db.execute("update outbox set status = 'pending' where status = 'sending'").rowcount
