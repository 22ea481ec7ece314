"""Composing a subscription's digest and writing due digests to the outbox (bot.delivery).

The sender that delivers the outbox is tested in test_sender.py, its pacer in test_pacer.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.delivery import EMPTY_NOTE, enqueue_due_digests
from digests import store
from digests.models import ArticleIn, Digest
from tests.support import T0


def add_story(db: Database, title: str, published: datetime) -> None:
    source = store.add_source(db, f"https://{title.split()[0].lower()}.example/feed", now=published)
    saved = store.save_articles(
        db,
        source.id,
        [
            ArticleIn(
                f"https://news.example/{abs(hash(title))}",
                title,
                f"{title}. Details follow.",
                published,
            )
        ],
        now=published,
    )
    story = store.new_story(db, title, published)
    store.attach_to_story(db, saved.new_ids[0], story, published)


def render(digest: Digest) -> Sequence[str]:
    return [f"<b>{digest.title}</b>", *(s.title for s in digest.stories)]


def test_enqueue_due_digests_writes_each_due_digest_once(db: Database) -> None:
    created = T0 - timedelta(days=1)
    morning = store.save_subscription(
        db, 1, "private", now=created, time="08:00", timezone="Europe/Berlin"
    )
    store.save_subscription(db, 2, "private", now=created, time="20:00", timezone="Europe/Berlin")
    filtered = store.save_subscription(
        db, 3, "private", now=created, time="08:00", timezone="Europe/Berlin", include=["whales"]
    )
    noted = store.save_subscription(
        db,
        4,
        "private",
        now=created,
        time="08:00",
        timezone="Europe/Berlin",
        include=["whales"],
        empty_note=True,
    )
    add_story(db, "Rain expected over the weekend", T0 - timedelta(hours=3))
    now = T0 + timedelta(minutes=1)  # 08:01 in Berlin

    assert enqueue_due_digests(db, now, render) == 2
    rows = list(db.query("select subscription_id, text from outbox order by id"))
    assert [(r["subscription_id"], r["text"]) for r in rows] == [
        (morning.id, "<b>Your daily digest</b>"),
        (morning.id, "Rain expected over the weekend"),
        (noted.id, EMPTY_NOTE),
    ]
    empty = store.get_subscription_by_id(db, filtered.id)
    assert empty is not None and empty.last_slot == store.iso(T0)  # used up, nothing sent
    assert enqueue_due_digests(db, now + timedelta(minutes=5), render) == 0
    sent = store.get_subscription_by_id(db, morning.id)
    assert sent is not None and sent.last_digest_at == store.iso(now)


def test_enqueue_after_two_days_down_sends_one_digest(db: Database) -> None:
    sub = store.save_subscription(
        db, 1, "private", now=T0 - timedelta(days=5), frequency="hourly", time="00:00"
    )
    store.update_subscription(db, sub.id, last_slot=store.iso(T0 - timedelta(days=2)))
    add_story(db, "Markets steady", T0 - timedelta(hours=1))
    assert enqueue_due_digests(db, T0 + timedelta(minutes=20), render) == 1
    keys = {r["digest_key"] for r in db.query("select digest_key from outbox")}
    assert keys == {f"{sub.id}@{store.iso(T0)}"}
    # Down for 8 hours past a daily slot: nothing is sent late, the slot is skipped.
    daily = store.save_subscription(db, 2, "private", now=T0 - timedelta(days=5), time="07:00")
    store.update_subscription(db, daily.id, last_slot=store.iso(T0 - timedelta(days=1)))
    assert enqueue_due_digests(db, T0 + timedelta(hours=8), render) == 0
    skipped = store.get_subscription_by_id(db, daily.id)
    assert skipped is not None and skipped.last_slot == store.iso(T0)
