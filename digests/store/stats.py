"""Counts for /stats and ``newsbot stats``: content, source health, subscribers, deliveries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from digests.store.common import iso, utcnow
from digests.store.subscriptions import TOPIC_DELETED, UNSUBSCRIBED, waiting_for_rights


def stats(db: Database, *, now: datetime | None = None) -> dict[str, int]:
    """Return counts for the stats views: sources, articles, stories, summaries, errors."""
    moment = now or utcnow()
    day_ago = iso(moment - timedelta(days=1))

    def one(sql: str, params: Sequence[Any] = ()) -> int:
        return int(next(iter(db.query(sql, list(params))))["n"])

    return {
        "sources": one("select count(*) as n from sources"),
        "sources_paused": one("select count(*) as n from sources where paused = 1"),
        # Each source counted once: a paused one (by an admin or after its failures) is
        # "paused", never also "failing", which counts the active sources with errors.
        "sources_failing": one(
            "select count(*) as n from sources where paused = 0 and consecutive_errors > 0"
        ),
        "articles": one("select count(*) as n from articles"),
        "articles_24h": one("select count(*) as n from articles where fetched >= ?", [day_ago]),
        "stories": one("select count(*) as n from stories"),
        "summaries": one("select count(*) as n from summaries"),
        "allegations": one("select count(*) as n from allegations"),
    }


def delivery_stats(db: Database, *, now: datetime | None = None) -> dict[str, int]:
    """Return subscriber counts by kind and delivery counts of the last 24 hours."""
    moment = now or utcnow()
    day_ago = iso(moment - timedelta(days=1))
    result = {f"subscribers_{kind}": 0 for kind in ("private", "group", "channel")}
    for row in db.query(
        "select chat_type, count(*) as n from subscriptions where active = 1 group by chat_type"
    ):
        kind = "group" if row["chat_type"] in ("group", "supergroup") else row["chat_type"]
        result[f"subscribers_{kind}"] = result.get(f"subscribers_{kind}", 0) + int(row["n"])
    # Stopped subscriptions, by why: chats lost (the bot blocked, removed or unable to post:
    # counted once per chat), stopped by their chat (/unsubscribe), topics closed (paused),
    # topics deleted (ended).
    deleted = f"{TOPIC_DELETED}:%"
    lost, unsubscribed, paused, ended = db.execute(
        "select count(distinct case when paused_at is null"
        " and coalesce(deactivated_reason, '') != ?"
        " and coalesce(deactivated_reason, '') not like ? then chat_id end),"
        " count(case when paused_at is null and deactivated_reason = ? then 1 end),"
        " count(case when paused_at is not null then 1 end),"
        " count(case when paused_at is null and deactivated_reason like ? then 1 end)"
        " from subscriptions where active = 0",
        [UNSUBSCRIBED, deleted, UNSUBSCRIBED, deleted],
    ).fetchone()
    result["deactivated_chats"] = int(lost)
    result["unsubscribed"] = int(unsubscribed)
    result["paused_topics"] = int(paused)
    result["deleted_topics"] = int(ended)
    # Of the lost chats, the groups that stopped the bot's posts: checked until RIGHTS_WAIT
    # has passed, then no longer (their subscriptions stay stopped, the reason kept).
    for key, expired in (("waiting_for_rights", False), ("waited_too_long", True)):
        subs = waiting_for_rights(db, now=moment, expired=expired)
        result[key] = len({sub.chat_id for sub in subs})
    for status in ("sent", "failed"):
        column = "sent_at" if status == "sent" else "created"
        result[f"deliveries_{status}_24h"] = int(
            next(
                iter(
                    db.query(
                        f"select count(*) as n from outbox where status = ? and {column} >= ?",
                        [status, day_ago],
                    )
                )
            )["n"]
        )
    # Stories not posted live for their age (their newest article older than the live
    # window: a source added with its archive), once per subscription.
    [(too_old,)] = db.execute(
        "select count(*) from live_too_old where noted >= ?", [day_ago]
    ).fetchall()
    result["live_too_old_24h"] = int(too_old)
    # Stories a live subscription will never get: held past live.MAX_HOLD by its quiet hours
    # and hourly cap (each recorded once, skipped, when the pass gave it up).
    [(skipped,)] = db.execute(
        "select count(*) from live_posts where skipped = 1 and posted_at >= ?", [day_ago]
    ).fetchall()
    result["live_skipped_24h"] = int(skipped)
    # Every message still to send, however old: after an outage, yesterday's digests too.
    [(waiting,)] = db.execute(
        "select count(*) from outbox where status in ('pending', 'sending')"
    ).fetchall()
    result["deliveries_waiting"] = int(waiting)
    return result


def delivery_failures(
    db: Database, *, now: datetime | None = None, limit: int = 5
) -> list[tuple[str, int]]:
    """Return why the messages given up in the last 24 hours failed (Telegram's words, or
    the sender's), with how many each, the most common first."""
    day_ago = iso((now or utcnow()) - timedelta(days=1))
    rows = db.execute(
        "select coalesce(last_error, '') as why, count(*) as n from outbox"
        " where status = 'failed' and created >= ? group by why order by n desc, why limit ?",
        [day_ago, limit],
    ).fetchall()
    return [(str(why), int(n)) for why, n in rows]
