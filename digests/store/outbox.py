"""The delivery outbox: every message before it is sent, so a restart loses and repeats nothing.

Rows are digest parts (``enqueue_digest``), live posts and their edits (``digests.store.live``)
and notices (``enqueue_notice``). Each row is one API call: ``kind`` "message" (sendMessage),
"photo" (sendPhoto with a caption) or "edit" (editMessageText, or editMessageCaption when the
edited message is a photo); ``thread_id`` is the forum topic it goes to. A digest's parts share a
``digest_key`` and go out in order; a live post, an edit and a notice are one-part "digests" of
their own (keys "live:SUB:STORY", "edit:SUB:STORY:N", "notice:SUB:N").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any, cast

from sqlite_utils import Database

from digests.models import OutboxMessage, Subscription
from digests.store.common import count, iso, parse_iso, utcnow


def enqueue_digest(
    db: Database,
    subscription: Subscription,
    slot: datetime,
    parts: Sequence[str],
    *,
    cutoff: datetime,
    story_ids: Sequence[int] = (),
    now: datetime | None = None,
    preview_url: str | None = None,
) -> int:
    """Write one digest's messages to the outbox and move the subscription's cutoff, atomically.

    ``story_ids`` are the stories it sends: recorded, so that none goes to the chat again.
    ``preview_url`` is a picture the first message shows as a large link preview above its
    text. The digest key (subscription and slot) makes this idempotent: a slot already
    written adds nothing. Returns how many messages were added.
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
            "thread_id": subscription.thread_id,
            "preview_url": preview_url if n == 0 else None,
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


def enqueue_notice(
    db: Database,
    subscription: Subscription,
    text: str,
    *,
    thread_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Queue a one-message notice about a subscription to its chat (to a topic, if given).

    Returns the outbox id. Used to tell a forum's general topic that a topic's subscription
    was paused: the notice goes where the paused subscription could not.
    """
    stamp = iso(now or utcnow())
    prefix = f"notice:{subscription.id}:"
    with db.atomic():
        [(earlier,)] = db.execute(
            "select count(*) from outbox where digest_key like ?", [prefix + "%"]
        ).fetchall()
        key = f"{prefix}{earlier + 1}"
        table = db.table("outbox")
        table.insert(
            {
                "subscription_id": subscription.id,
                "chat_id": subscription.chat_id,
                "chat_type": subscription.chat_type,
                "digest_key": key,
                "part": 0,
                "parts": 1,
                "text": text,
                "thread_id": thread_id,
                "status": "pending",
                "attempts": 0,
                "next_attempt": stamp,
                "created": stamp,
            }
        )
        return cast(int, table.last_pk)


_DUE_COLUMNS = """o.id, o.chat_id, coalesce(o.chat_type, 'private'), o.digest_key, o.part, o.parts,
    o.text, o.disable_notification, o.link_previews, coalesce(o.attempts, 0), o.subscription_id,
    o.thread_id, coalesce(o.kind, 'message'), o.story_id, o.photo_url, o.edit_message_id,
    o.preview_url, o.created"""


def _message(row: Sequence[Any]) -> OutboxMessage:
    (
        id_,
        chat_id,
        chat_type,
        digest_key,
        part,
        parts,
        text,
        silent,
        previews,
        attempts,
        subscription_id,
        thread_id,
        kind,
        story_id,
        photo_url,
        edit_message_id,
        preview_url,
        created,
    ) = row
    return OutboxMessage(
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
        subscription_id=subscription_id,
        thread_id=thread_id,
        kind=kind,
        story_id=story_id,
        photo_url=photo_url,
        edit_message_id=edit_message_id,
        preview_url=preview_url,
        created=parse_iso(created) if created else None,
    )


def get_outbox_message(db: Database, outbox_id: int) -> OutboxMessage | None:
    """Return one outbox row, whatever its status, or None."""
    rows = list(db.execute(f"select {_DUE_COLUMNS} from outbox o where o.id = ?", [outbox_id]))
    return _message(rows[0]) if rows else None


def pending_text(db: Database, outbox_id: int) -> str | None:
    """Return a row's text if it still waits to be sent (it may have been rewritten: a live
    post whose story changed), or None if it was given up meanwhile (its chat unsubscribed)."""
    row = db.execute(
        "select text from outbox where id = ? and status = 'pending'", [outbox_id]
    ).fetchone()
    return None if row is None else str(row[0])


def outbox_due(
    db: Database,
    *,
    now: datetime | None = None,
    limit: int = 1000,
    chats: Collection[int] | None = None,
) -> list[OutboxMessage]:
    """Return pending messages whose time has come (to these chats, if given), oldest digest
    and part first.

    A part is only due once every earlier part of its digest is sent, so parts arrive in order.
    """
    only = ""
    if chats is not None:
        only = f"and o.chat_id in ({', '.join('?' * len(chats)) or 'null'})"
    rows = db.execute(
        f"""
        select {_DUE_COLUMNS}
        from outbox o
        where o.status = 'pending' and o.next_attempt <= ? {only}
          and not exists (
            select 1 from outbox p where p.digest_key = o.digest_key and p.part < o.part
            and p.status != 'sent')
        order by o.id limit ?
        """,
        [iso(now or utcnow()), *(chats or ()), limit],
    )
    return [_message(row) for row in rows]


def next_part(
    db: Database, row: OutboxMessage, *, now: datetime | None = None
) -> OutboxMessage | None:
    """Return the part after row's in its digest when it is due now (row's part was sent)."""
    if row.part + 1 >= row.parts:
        return None
    found = db.execute(
        f"""
        select {_DUE_COLUMNS}
        from outbox o
        where o.digest_key = ? and o.part = ? and o.status = 'pending' and o.next_attempt <= ?
          and not exists (
            select 1 from outbox p where p.digest_key = o.digest_key and p.part < o.part
            and p.status != 'sent')
        """,
        [row.digest_key, row.part + 1, iso(now or utcnow())],
    ).fetchone()
    return None if found is None else _message(found)


def mark_sending(db: Database, outbox_id: int) -> None:
    """Mark a message as handed to Telegram (in flight)."""
    db.execute(
        "update outbox set status = 'sending', attempts = attempts + 1 where id = ?", [outbox_id]
    )


def mark_sent(
    db: Database,
    outbox_id: int,
    message_id: int,
    *,
    now: datetime | None = None,
    live: bool = False,
) -> None:
    """Mark a message delivered; a live post (``live``) also records its message id and kind."""
    stamp = iso(now or utcnow())
    sql = (
        "update outbox set status = 'sent', message_id = ?, sent_at = ?, last_error = null "
        "where id = ?"
    )
    if not live:
        db.execute(sql, [message_id, stamp, outbox_id])
        return
    with db.atomic():
        db.execute(sql, [message_id, stamp, outbox_id])
        db.execute(
            "update live_posts set message_id = ?, sent_at = ?, "
            "kind = (select kind from outbox where id = ?) where outbox_id = ?",
            [message_id, stamp, outbox_id, outbox_id],
        )


def send_as_text(db: Database, outbox_id: int, error: str) -> None:
    """Turn a photo post Telegram refused into a text post (its caption as the text)."""
    db.execute(
        "update outbox set kind = 'message', photo_url = null, last_error = ? where id = ?",
        [f"picture refused, sent as text: {error}"[:300], outbox_id],
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
