"""What goes into a chat's digest, and writing each due digest to the outbox.

Telegram-free: ``bot.sender`` delivers what is written here, paced by ``bot.pacer``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlite_utils import Database

from digests import pipeline, schedule, store
from digests.models import Digest, Subscription

log = logging.getLogger(__name__)

Render = Callable[[Digest], Sequence[str]]

EMPTY_NOTE = "No new stories since your last digest."
TITLES = {
    "daily": "Your daily digest",
    "weekdays": "Your weekday digest",
    "hourly": "Your hourly digest",
    "weekly": "Your weekly digest",
}


# --- composing and enqueueing ----------------------------------------------------------------


def compose_digest_parts(
    db: Database, sub: Subscription, now: datetime, render: Render
) -> tuple[list[str], datetime] | None:
    """Return a subscription's next digest as messages and its cutoff, or None when empty."""
    since = store.parse_iso(sub.last_digest_at) if sub.last_digest_at else None
    digest = pipeline.latest(
        db,
        now=now,
        limit=sub.stories,
        include=sub.include,
        exclude=sub.exclude,
        new_since=since,
        title=TITLES.get(sub.frequency, "Your digest"),
    )
    if digest.stories:
        return list(render(digest)), now
    if sub.empty_note:
        return [EMPTY_NOTE], now
    return None


def enqueue_due_digests(
    db: Database,
    now: datetime,
    render: Render,
    *,
    grace: timedelta = schedule.DEFAULT_GRACE,
) -> int:
    """Write the digest of every subscription whose slot has come to the outbox; return how many.

    After downtime only the latest slot missed by less than grace is sent (once); a slot
    with nothing new sends nothing (or the one-line note) but is still used up.
    """
    written = 0
    for sub in store.list_subscriptions(db):
        try:
            written += enqueue_subscription(db, sub, now, render, grace)
        except schedule.ScheduleError as exc:
            log.warning("subscription %s has a bad schedule: %s", sub.id, exc)
    return written


def enqueue_subscription(
    db: Database,
    sub: Subscription,
    now: datetime,
    render: Render,
    grace: timedelta = schedule.DEFAULT_GRACE,
) -> int:
    """Write one subscription's digest to the outbox if its slot has come; return 1 or 0."""
    floor = sub.last_slot or sub.created
    if floor is not None and schedule.next_slot(sub, store.parse_iso(floor)) > now:
        return 0
    slot = schedule.missed_slot(sub, now, grace)
    if slot is None:
        # Every passed slot is older than grace: skip them all rather than send late.
        latest = schedule.previous_slot(sub, now)
        if latest is not None and (floor is None or latest > store.parse_iso(floor)):
            store.update_subscription(db, sub.id, last_slot=store.iso(latest))
        return 0
    composed = compose_digest_parts(db, sub, now, render)
    if composed is None:
        store.update_subscription(db, sub.id, last_slot=store.iso(slot))
        return 0
    parts, cutoff = composed
    store.enqueue_digest(db, sub, slot, parts, cutoff=cutoff, now=now)
    return 1
