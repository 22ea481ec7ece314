"""Subscriptions: one per chat, with its schedule, filters and delivery flags."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from digests.models import Subscription
from digests.store.common import iso, utcnow

_SUBSCRIPTION_FLAGS = ("allegations", "silent", "link_previews", "empty_note", "active")


def _subscription(row: dict[str, Any]) -> Subscription:
    names = {f.name for f in fields(Subscription)}
    values = {k: v for k, v in row.items() if k in names}
    for flag in _SUBSCRIPTION_FLAGS:
        values[flag] = bool(values.get(flag))
    values["include"] = tuple(json.loads(values.get("include") or "[]"))
    values["exclude"] = tuple(json.loads(values.get("exclude") or "[]"))
    return Subscription(**values)


def _subscription_values(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("include", "exclude"):
        if key in out:
            out[key] = json.dumps(list(out[key]), ensure_ascii=False)
    for flag in _SUBSCRIPTION_FLAGS:
        if flag in out:
            out[flag] = int(bool(out[flag]))
    return out


def find_subscription(db: Database, chat_id: int) -> Subscription | None:
    """Return the subscription of a chat, active or not, or None."""
    rows = list(db.query("select * from subscriptions where chat_id = ?", [chat_id]))
    return _subscription(rows[0]) if rows else None


def get_subscription_by_id(db: Database, subscription_id: int) -> Subscription | None:
    """Return a subscription by its id, or None."""
    rows = list(db.query("select * from subscriptions where id = ?", [subscription_id]))
    return _subscription(rows[0]) if rows else None


def save_subscription(
    db: Database, chat_id: int, chat_type: str, *, now: datetime | None = None, **values: Any
) -> Subscription:
    """Create or update a chat's subscription (re-activating it) and return it."""
    existing = find_subscription(db, chat_id)
    record = _subscription_values(values)
    record.update(chat_type=chat_type, active=1, deactivated_reason=None)
    if existing is None:
        record.update(chat_id=chat_id, created=iso(now or utcnow()))
        # Start from now: a new subscriber's first digest holds what arrives from here on,
        # plus the day before, so it is not empty.
        record.setdefault("last_digest_at", iso((now or utcnow()) - timedelta(days=1)))
        db.table("subscriptions").insert(record)
    else:
        db.table("subscriptions").update(existing.id, record)
    found = find_subscription(db, chat_id)
    assert found is not None
    return found


def update_subscription(db: Database, subscription_id: int, **values: Any) -> Subscription:
    """Change fields of a subscription and return it."""
    db.table("subscriptions").update(subscription_id, _subscription_values(values))
    found = get_subscription_by_id(db, subscription_id)
    assert found is not None
    return found


def list_subscriptions(db: Database, *, active_only: bool = True) -> list[Subscription]:
    """Return subscriptions, oldest first."""
    where = " where active = 1" if active_only else ""
    return [_subscription(r) for r in db.query(f"select * from subscriptions{where} order by id")]


def deactivate_subscription(db: Database, chat_id: int, reason: str) -> None:
    """Stop a chat's subscription and drop its undelivered messages (the chat is gone)."""
    with db.atomic():
        db.execute(
            "update subscriptions set active = 0, deactivated_reason = ? where chat_id = ?",
            [reason[:300], chat_id],
        )
        db.execute(
            "update outbox set status = 'failed', last_error = ? "
            "where chat_id = ? and status in ('pending', 'sending')",
            [f"chat deactivated: {reason[:200]}", chat_id],
        )


def migrate_chat(db: Database, old_chat_id: int, new_chat_id: int) -> None:
    """Move a group's subscription and pending messages to its new supergroup id."""
    with db.atomic():
        if find_subscription(db, new_chat_id) is None:
            db.execute(
                "update subscriptions set chat_id = ?, chat_type = 'supergroup' where chat_id = ?",
                [new_chat_id, old_chat_id],
            )
        db.execute(
            "update outbox set chat_id = ?, chat_type = 'supergroup' "
            "where chat_id = ? and status in ('pending', 'sending')",
            [new_chat_id, old_chat_id],
        )
