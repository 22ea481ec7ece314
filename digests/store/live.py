"""Live posts: each story a live subscription posted, once, and the edits that follow it.

The ``live_posts`` row of (subscription, story) is written in the same transaction as the
post's outbox row, so a story is written once per subscription whatever restarts happen; it
keeps what the post shows (``sources_count``, ``summary_hash``), so an edit is queued only
when that changed, and when the latest edit may go (``last_edit_at``), so edits of one post
are spaced. A story the digests already sent to the subscription is never posted live, and a
story posted live is recorded in ``digest_stories`` too (switching back to digests repeats
nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlite_utils import Database

from digests.models import LivePost, Subscription
from digests.store.common import IN_CHUNK, iso, parse_iso, utcnow


@dataclass(frozen=True, slots=True)
class LiveContent:
    """What a live post (or its edit) shows: its text and what it was made from."""

    text: str
    sources_count: int
    summary_hash: str
    kind: str = "message"  # "message" or "photo" (text is then the caption)
    photo_url: str | None = None
    preview_url: str | None = None


_POST_COLUMNS = """lp.subscription_id, lp.story_id, lp.skipped, o.status, lp.kind, lp.outbox_id,
    lp.message_id, lp.photo_url, lp.preview_url, lp.due, lp.sent_at, lp.last_edit_at, lp.edits,
    lp.sources_count, lp.summary_hash"""


def _state(skipped: int, status: str | None, message_id: int | None) -> str:
    if skipped:
        return "skipped"
    if status is None and message_id is not None:
        return "sent"  # its outbox row went with retention; the message is still there
    if status == "pending":
        return "queued"
    if status == "sending":
        return "sending"
    if status == "sent":
        return "sent" if message_id is not None else "gone"
    return "failed"


def _post(row: Sequence[Any]) -> LivePost:
    (
        sub_id,
        story_id,
        skipped,
        status,
        kind,
        outbox_id,
        message_id,
        photo_url,
        preview_url,
        due,
        sent_at,
        last_edit_at,
        edits,
        sources_count,
        summary_hash,
    ) = row
    return LivePost(
        subscription_id=sub_id,
        story_id=story_id,
        state=_state(skipped, status, message_id),
        kind=kind or "message",
        outbox_id=outbox_id,
        message_id=message_id,
        photo_url=photo_url,
        preview_url=preview_url,
        due=due,
        sent_at=sent_at,
        last_edit_at=last_edit_at,
        edits=edits or 0,
        sources_count=sources_count or 0,
        summary_hash=summary_hash or "",
    )


def live_posts(
    db: Database, subscription_id: int, story_ids: Iterable[int] | None = None
) -> dict[int, LivePost]:
    """Return a subscription's live posts by story id (only those stories', if given)."""
    sql = f"""
        select {_POST_COLUMNS} from live_posts lp left join outbox o on o.id = lp.outbox_id
        where lp.subscription_id = ?"""
    if story_ids is None:
        return {p.story_id: p for p in map(_post, db.execute(sql, [subscription_id]))}
    ids = list(story_ids)
    found: dict[int, LivePost] = {}
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        rows = db.execute(
            sql + f" and lp.story_id in ({','.join('?' * len(chunk))})", [subscription_id, *chunk]
        )
        found.update((p.story_id, p) for p in map(_post, rows))
    return found


def sent_in_digests(db: Database, subscription_id: int, story_ids: Sequence[int]) -> set[int]:
    """Return which of the stories were already sent to the subscription (digest or live)."""
    found: set[int] = set()
    for start in range(0, len(story_ids), IN_CHUNK):
        chunk = list(story_ids[start : start + IN_CHUNK])
        found.update(
            story_id
            for (story_id,) in db.execute(
                "select story_id from digest_stories where subscription_id = ? "
                f"and story_id in ({','.join('?' * len(chunk))})",
                [subscription_id, *chunk],
            )
        )
    return found


def first_fetched(db: Database, story_ids: Sequence[int]) -> dict[int, datetime]:
    """Return when each story's first article was fetched: when the bot first saw it."""
    found: dict[int, datetime] = {}
    for start in range(0, len(story_ids), IN_CHUNK):
        chunk = list(story_ids[start : start + IN_CHUNK])
        rows = db.execute(
            "select story_id, min(fetched) from articles "
            f"where story_id in ({','.join('?' * len(chunk))}) group by story_id",
            chunk,
        )
        found.update((story_id, parse_iso(fetched)) for story_id, fetched in rows)
    return found


def live_due_times(db: Database, subscription_id: int, since: datetime) -> list[datetime]:
    """Return when a subscription's posts (not skipped) are due, from a moment on, in order."""
    return [
        parse_iso(due)
        for (due,) in db.execute(
            "select due from live_posts where subscription_id = ? and skipped = 0 and due >= ? "
            "order by due",
            [subscription_id, iso(since)],
        )
    ]


def enqueue_live_post(
    db: Database,
    sub: Subscription,
    story_id: int,
    content: LiveContent,
    *,
    due: datetime,
    now: datetime | None = None,
) -> int | None:
    """Write a story's live post to the outbox, due at ``due``; return its outbox id.

    Returns None when the subscription has this story already (posted, held or skipped).
    """
    moment = now or utcnow()
    stamp = iso(moment)
    with db.atomic():
        exists = db.execute(
            "select 1 from live_posts where subscription_id = ? and story_id = ?",
            [sub.id, story_id],
        ).fetchone()
        if exists is not None:
            return None
        outbox = db.table("outbox")
        outbox.insert(
            {
                "subscription_id": sub.id,
                "chat_id": sub.chat_id,
                "chat_type": sub.chat_type,
                "digest_key": f"live:{sub.id}:{story_id}",
                "part": 0,
                "parts": 1,
                "text": content.text,
                "disable_notification": int(sub.silent),
                "link_previews": int(sub.link_previews),
                "status": "pending",
                "attempts": 0,
                "next_attempt": iso(due),
                # Waiting is counted from when it may go (health: the outbox's backlog), so a
                # post held by quiet hours is not a delivery backlog.
                "created": iso(max(due, moment)),
                "thread_id": sub.thread_id,
                "kind": content.kind,
                "story_id": story_id,
                "photo_url": content.photo_url,
                "preview_url": content.preview_url,
            }
        )
        outbox_id = cast(int, outbox.last_pk)
        db.table("live_posts").insert(
            {
                "subscription_id": sub.id,
                "story_id": story_id,
                "outbox_id": outbox_id,
                "kind": content.kind,
                "photo_url": content.photo_url,
                "preview_url": content.preview_url,
                "posted_at": stamp,
                "due": iso(due),
                "sources_count": content.sources_count,
                "summary_hash": content.summary_hash,
            }
        )
        db.execute(
            "insert or ignore into digest_stories (subscription_id, story_id, sent_at)"
            " values (?, ?, ?)",
            [sub.id, story_id, stamp],
        )
    return outbox_id


def skip_live_post(
    db: Database, sub: Subscription, story_id: int, *, now: datetime | None = None
) -> bool:
    """Record that a story will never be posted live to the subscription; False if known."""
    stamp = iso(now or utcnow())
    with db.atomic():
        inserted = db.execute(
            "insert or ignore into live_posts (subscription_id, story_id, posted_at, skipped)"
            " values (?, ?, ?, 1)",
            [sub.id, story_id, stamp],
        ).rowcount
        db.execute(
            "insert or ignore into digest_stories (subscription_id, story_id, sent_at)"
            " values (?, ?, ?)",
            [sub.id, story_id, stamp],
        )
    return bool(inserted)


def withdraw_held_posts(db: Database, subscription_id: int, now: datetime) -> int:
    """Take back a subscription's live posts still held (due after now); return how many.

    When a live subscription goes back to digests, the posts its quiet hours or hourly cap
    hold are not sent later as live posts: their stories count as unsent again, so the
    next digest may hold them. Posts already due go out as usual.
    """
    with db.atomic():
        held = [
            (story_id, outbox_id)
            for story_id, outbox_id in db.execute(
                "select lp.story_id, lp.outbox_id from live_posts lp join outbox o "
                "on o.id = lp.outbox_id where lp.subscription_id = ? and lp.skipped = 0 "
                "and o.status = 'pending' and o.kind != 'edit' and o.next_attempt > ?",
                [subscription_id, iso(now)],
            ).fetchall()
        ]
        for story_id, outbox_id in held:
            db.execute("delete from outbox where id = ?", [outbox_id])
            for table in ("live_posts", "digest_stories"):
                db.execute(
                    f"delete from {table} where subscription_id = ? and story_id = ?",
                    [subscription_id, story_id],
                )
    return len(held)


def update_live_post(
    db: Database,
    sub: Subscription,
    post: LivePost,
    content: LiveContent,
    *,
    now: datetime,
    spacing: timedelta,
) -> str:
    """Bring a live post up to date with what its story shows now; return what was done.

    - "rewritten": the post waits in the outbox: its text changes, so it goes out current;
    - "edit": the post is sent: an edit is queued, due ``spacing`` after the previous edit
      (or the post) at the earliest;
    - "edit rewritten": an edit is waiting already: its text changes (one pending edit per post);
    - "later": the post or its edit is in flight: the next pass tries again (nothing stored);
    - "none": the post is gone, skipped or failed: nothing to edit.

    ``content`` must be of the post's kind (a caption for a photo post).
    """
    counts = [content.sources_count, content.summary_hash, sub.id, post.story_id]
    remember = "update live_posts set sources_count = ?, summary_hash = ?"
    where = " where subscription_id = ? and story_id = ?"
    with db.atomic():
        if post.state == "queued":
            assert post.outbox_id is not None
            changed = db.execute(
                "update outbox set text = ? where id = ? and status = 'pending'",
                [content.text, post.outbox_id],
            ).rowcount
            if not changed:
                return "later"
            db.execute(remember + where, counts)
            return "rewritten"
        if post.state != "sent":
            return "later" if post.state == "sending" else "none"
        waiting = db.execute(
            "select id, status from outbox where subscription_id = ? and story_id = ? "
            "and kind = 'edit' and status in ('pending', 'sending') order by id desc limit 1",
            [sub.id, post.story_id],
        ).fetchone()
        if waiting is not None:
            if waiting[1] == "sending":
                return "later"
            db.execute("update outbox set text = ? where id = ?", [content.text, waiting[0]])
            db.execute(remember + where, counts)
            return "edit rewritten"
        base = post.last_edit_at or post.sent_at
        due = now if base is None else max(now, parse_iso(base) + spacing)
        db.table("outbox").insert(
            {
                "subscription_id": sub.id,
                "chat_id": sub.chat_id,
                "chat_type": sub.chat_type,
                "digest_key": f"edit:{sub.id}:{post.story_id}:{post.edits + 1}",
                "part": 0,
                "parts": 1,
                "text": content.text,
                "disable_notification": 1,
                "link_previews": int(sub.link_previews),
                "status": "pending",
                "attempts": 0,
                "next_attempt": iso(due),
                "created": iso(due),  # waiting counts from when it may go, as for posts
                "thread_id": sub.thread_id,
                "kind": "edit",
                "story_id": post.story_id,
                "photo_url": post.photo_url if post.kind == "photo" else None,
                "preview_url": post.preview_url if post.kind != "photo" else None,
                "edit_message_id": post.message_id,
            }
        )
        db.execute(
            remember + ", last_edit_at = ?, edits = edits + 1" + where,
            [content.sources_count, content.summary_hash, iso(due), sub.id, post.story_id],
        )
        return "edit"


def forget_live_message(db: Database, subscription_id: int, story_id: int) -> None:
    """Record that a live post's message is gone from its chat (deleted): no more edits."""
    db.execute(
        "update live_posts set message_id = null where subscription_id = ? and story_id = ?",
        [subscription_id, story_id],
    )


# Records of stories left out as too old are kept this long: a story is looked at while one of
# its articles was fetched or changed within the live window (a day), /stats counts a day's.
TOO_OLD_KEPT = timedelta(days=2)


def note_too_old(
    db: Database, subscription_id: int, story_ids: Sequence[int], *, now: datetime
) -> int:
    """Record that these stories were not posted live to a subscription for their age (their
    newest article older than the live window); return how many were not recorded before.

    Nothing is held back by it: a story that gets a fresh article is posted as any other.
    Records older than ``TOO_OLD_KEPT`` go.
    """
    with db.atomic():
        db.execute("delete from live_too_old where noted < ?", [iso(now - TOO_OLD_KEPT)])
        if not story_ids:
            return 0
        cursor = db.conn.executemany(
            "insert or ignore into live_too_old (subscription_id, story_id, noted)"
            " values (?, ?, ?)",
            [(subscription_id, story_id, iso(now)) for story_id in story_ids],
        )
        return max(cursor.rowcount, 0)
