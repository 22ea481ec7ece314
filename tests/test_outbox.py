"""The store's subscriptions and delivery outbox, through real SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from digests import store
from digests.models import Subscription

T0 = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)


def subscribe(db: Database, chat_id: int, kind: str = "private") -> Subscription:
    return store.save_subscription(db, chat_id, kind, now=T0 - timedelta(days=1), silent=True)


def due_ids(db: Database, now: datetime = T0) -> list[tuple[int, int]]:
    return [(r.chat_id, r.part) for r in store.outbox_due(db, now=now)]


def test_enqueue_is_idempotent_per_slot_and_moves_the_cutoff(db: Database) -> None:
    sub = subscribe(db, 1)
    assert store.enqueue_digest(db, sub, T0, ["a", "b"], cutoff=T0, now=T0) == 2
    assert store.enqueue_digest(db, sub, T0, ["a", "b"], cutoff=T0, now=T0) == 0
    assert store.enqueue_digest(db, sub, T0 + timedelta(days=1), ["d"], cutoff=T0, now=T0) == 1
    moved = store.get_subscription_by_id(db, sub.id)
    assert moved is not None and moved.last_slot == store.iso(T0 + timedelta(days=1))
    assert moved.last_digest_at == store.iso(T0)
    rows = list(db.query("select * from outbox order by id"))
    assert [(r["part"], r["parts"], r["disable_notification"]) for r in rows] == [
        (0, 2, 1),
        (1, 2, 1),
        (0, 1, 1),
    ]


def test_enqueue_of_a_written_slot_adds_nothing_even_with_more_parts(db: Database) -> None:
    sub = subscribe(db, 1)
    store.enqueue_digest(db, sub, T0, ["a", "b"], cutoff=T0, now=T0)
    # A re-run composed a longer digest for the same slot: the chat must not get part 3 alone.
    assert store.enqueue_digest(db, sub, T0, ["a", "b", "c"], cutoff=T0, now=T0) == 0


def test_a_part_is_due_only_after_the_earlier_parts_are_sent(db: Database) -> None:
    one, two = subscribe(db, 1), subscribe(db, 2)
    store.enqueue_digest(db, one, T0, ["1a", "1b", "1c"], cutoff=T0, now=T0)
    store.enqueue_digest(db, two, T0, ["2a"], cutoff=T0, now=T0)
    assert due_ids(db) == [(1, 0), (2, 0)]
    first = store.outbox_due(db, now=T0)[0]
    store.mark_sending(db, first.id)
    assert due_ids(db) == [(2, 0)]  # in flight: neither it nor its next part
    store.mark_sent(db, first.id, 99, now=T0)
    assert due_ids(db) == [(1, 1), (2, 0)]
    assert due_ids(db, T0 - timedelta(seconds=1)) == []  # created after that moment


def test_retry_waits_for_next_attempt_and_counts_attempts(db: Database) -> None:
    store.enqueue_digest(db, subscribe(db, 1), T0, ["a"], cutoff=T0, now=T0)
    row = store.outbox_due(db, now=T0)[0]
    store.mark_sending(db, row.id)
    store.mark_retry(db, row.id, "Bad Gateway", T0 + timedelta(seconds=30))
    assert due_ids(db, T0 + timedelta(seconds=29)) == []
    again = store.outbox_due(db, now=T0 + timedelta(seconds=30))
    assert [r.attempts for r in again] == [1]
    [error] = [r["last_error"] for r in db.query("select last_error from outbox")]
    assert error == "Bad Gateway"
    store.mark_failed(db, row.id, "gave up")
    assert due_ids(db, T0 + timedelta(days=1)) == []


def test_release_in_flight_after_a_crash(db_path: Path) -> None:
    db = store.open_db(db_path)
    store.enqueue_digest(db, subscribe(db, 1), T0, ["a", "b"], cutoff=T0, now=T0)
    store.mark_sending(db, store.outbox_due(db, now=T0)[0].id)
    db.close()
    reopened = store.open_db(db_path)  # what a restart sees
    assert due_ids(reopened) == []
    assert store.release_in_flight(reopened) == 1
    assert due_ids(reopened) == [(1, 0)]
    assert store.release_in_flight(reopened) == 0
    reopened.close()


def test_deactivate_fails_pending_messages_and_resubscribe_reactivates(db: Database) -> None:
    sub = subscribe(db, 1)
    store.enqueue_digest(db, sub, T0, ["a", "b"], cutoff=T0, now=T0)
    store.enqueue_digest(db, subscribe(db, 2), T0, ["c"], cutoff=T0, now=T0)
    store.deactivate_subscription(db, 1, "Forbidden: bot was blocked by the user")
    assert [s.chat_id for s in store.list_subscriptions(db)] == [2]
    gone = store.find_subscription(db, 1)
    assert gone is not None and not gone.active and "blocked" in (gone.deactivated_reason or "")
    assert due_ids(db) == [(2, 0)]
    back = store.save_subscription(db, 1, "private")
    assert back.active and back.deactivated_reason is None and back.id == sub.id


def test_migrate_moves_subscription_and_pending_messages(db: Database) -> None:
    sub = subscribe(db, -5, "group")
    store.enqueue_digest(db, sub, T0, ["a", "b"], cutoff=T0, now=T0)
    store.migrate_chat(db, -5, -1005)
    moved = store.get_subscription_by_id(db, sub.id)
    assert moved is not None and (moved.chat_id, moved.chat_type) == (-1005, "supergroup")
    assert store.find_subscription(db, -5) is None
    assert [(r.chat_id, r.chat_type) for r in store.outbox_due(db, now=T0)] == [
        (-1005, "supergroup")
    ]


def test_delivery_stats(db: Database) -> None:
    for chat, kind in [(1, "private"), (2, "private"), (-3, "group"), (-4, "supergroup")]:
        store.enqueue_digest(db, subscribe(db, chat, kind), T0, ["x"], cutoff=T0, now=T0)
    subscribe(db, -5, "channel")
    store.deactivate_subscription(db, 2, "chat not found")
    # Stopped by their chats, not lost: /unsubscribe, and a forum topic closed (paused).
    store.deactivate_subscription(
        db, 6, store.UNSUBSCRIBED, subscription_id=subscribe(db, 6, "private").id
    )
    store.pause_subscription(db, subscribe(db, -7, "supergroup").id, "topic closed", now=T0)
    # A forum topic deleted: its subscription ended, neither a lost chat nor a paused topic.
    gone = "Bad Request: message thread not found"
    store.pause_subscription(db, subscribe(db, -9, "supergroup").id, gone, now=T0)
    # A forum's two topics, the bot removed from it: one chat lost, counted once.
    for topic in (11, 12):
        store.save_subscription(db, -8, "supergroup", thread_id=topic, now=T0)
    store.deactivate_subscription(db, -8, "bot was kicked from the supergroup chat")
    # Two groups that let no member send: one waits for the right, one waited too long.
    muted = "Bad Request: not enough rights to send text messages to the chat"
    for chat, days in ((-10, 29), (-11, 31)):
        sub = subscribe(db, chat, "supergroup")
        store.deactivate_subscription(db, chat, muted)
        store.update_subscription(db, sub.id, stopped_at=store.iso(T0 - timedelta(days=days)))
    row = store.outbox_due(db, now=T0)[0]
    store.mark_sending(db, row.id)
    store.mark_sent(db, row.id, 1, now=T0)
    stats = store.delivery_stats(db, now=T0 + timedelta(hours=1))
    assert stats == {
        "subscribers_private": 1,
        "subscribers_group": 2,
        "subscribers_channel": 1,
        "deactivated_chats": 4,
        "unsubscribed": 1,
        "paused_topics": 1,
        "deleted_topics": 1,
        "waiting_for_rights": 1,
        "waited_too_long": 1,
        "deliveries_sent_24h": 1,
        "deliveries_failed_24h": 1,
        "live_too_old_24h": 0,
        "live_skipped_24h": 0,
        "deliveries_waiting": 2,
    }
    assert store.delivery_stats(db, now=T0 + timedelta(days=2))["deliveries_sent_24h"] == 0


def test_delivery_stats_count_every_message_still_waiting_however_old(db: Database) -> None:
    """After a day-long Telegram outage the outbox holds yesterday's digests: the admin's
    /stats counts them waiting (pending or in flight), not only those queued in 24 hours."""
    old, recent = subscribe(db, 1), subscribe(db, 2)
    store.enqueue_digest(db, old, T0, ["a", "b"], cutoff=T0, now=T0)
    store.enqueue_digest(db, recent, T0 + timedelta(hours=29), ["c"], cutoff=T0, now=T0)
    store.mark_sending(db, store.outbox_due(db, now=T0)[0].id)  # in flight
    db.execute("update outbox set created = ? where chat_id = 1", [store.iso(T0)])
    db.execute(
        "update outbox set created = ? where chat_id = 2", [store.iso(T0 + timedelta(hours=29))]
    )
    stats = store.delivery_stats(db, now=T0 + timedelta(hours=30))
    assert stats["deliveries_waiting"] == 3
    assert "deliveries_pending_24h" not in stats


def test_delivery_failures_say_why_most_common_first(db: Database) -> None:
    """ "deliveries failed 24h: 3" alone leaves the admin guessing: blocked, or a bug?"""
    for chat in (1, 2, 3, 4):
        store.enqueue_digest(db, subscribe(db, chat), T0, ["x"], cutoff=T0, now=T0)
    rows = store.outbox_due(db, now=T0)
    blocked = "Forbidden: bot was blocked by the user"
    for row, why in zip(rows, [blocked, "Bad Request: chat not found", blocked], strict=False):
        store.mark_failed(db, row.id, why)
    assert store.delivery_failures(db, now=T0 + timedelta(hours=1)) == [
        (blocked, 2),
        ("Bad Request: chat not found", 1),
    ]
    assert store.delivery_failures(db, now=T0 + timedelta(days=2)) == []


def test_a_lost_forum_ends_its_paused_topics_a_muted_one_keeps_them(db: Database) -> None:
    """A forum the bot was found kicked from (a refused send) stopped its topics' subscriptions
    but a closed topic's, left paused: reopened after the bot was added back, it resumed with
    no administrator's /subscribe. Muted, the bot keeps it paused: the right given back
    brings back only what the mute stopped, and the topic's reopening the rest."""
    for chat, reason in (
        (-8, "Forbidden: bot was kicked from the supergroup chat"),
        (-10, "Bad Request: not enough rights to send text messages to the chat"),
    ):
        on = store.save_subscription(db, chat, "supergroup", thread_id=11, now=T0)
        closed = store.save_subscription(db, chat, "supergroup", thread_id=12, now=T0)
        store.pause_subscription(db, closed.id, "Bad Request: TOPIC_CLOSED", now=T0)
        store.deactivate_subscription(db, chat, reason)
        stopped = store.get_subscription_by_id(db, on.id)
        assert stopped is not None and stopped.deactivated_reason == reason
        after = store.get_subscription_by_id(db, closed.id)
        assert after is not None and not after.active
        lost = chat == -8
        assert (after.paused_at is None) == lost
        assert (after.deactivated_reason == reason) == lost
