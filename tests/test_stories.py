"""Near-duplicate clustering into stories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from digests import store, stories
from digests.models import ArticleIn

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

WIRE = (
    "Pavel Durov, the founder of Telegram, said on Thursday that the messaging app would "
    "hand over the IP addresses and phone numbers of users who violate its rules to "
    "authorities in response to valid legal requests. The change follows his arrest in France "
    "in August, where he faces charges over illegal activity on the platform. Durov said the "
    "search feature had been abused by people selling illegal goods and that moderators had "
    "removed the problematic content. Telegram has nearly one billion users worldwide."
)
OTHER = (
    "Heavy rain flooded parts of southern Spain overnight, closing schools and roads in "
    "Valencia and Malaga. Emergency services rescued dozens of drivers trapped in their cars "
    "and the national weather agency kept its highest alert in place for the coast."
)


def test_signature_similarity_tracks_jaccard() -> None:
    a = stories.signature(WIRE)
    assert stories.similarity(a, stories.signature(WIRE)) == 1.0
    edited = WIRE.replace("Thursday", "Friday") + " Reporting by a staff writer."
    assert stories.similarity(a, stories.signature(edited)) >= stories.THRESHOLD
    assert stories.similarity(a, stories.signature(OTHER)) < 0.1
    assert stories.shingles("") == set()


def test_syndicated_copies_form_one_story_with_every_source(db: Database) -> None:
    a = store.add_source(db, "https://a.example/rss", title="Wire A")
    b = store.add_source(db, "https://b.example/rss", title="Paper B")
    store.save_articles(
        db,
        a.id,
        [ArticleIn("https://a.example/1", "Telegram to share user data", WIRE, NOW)],
        now=NOW,
    )
    store.save_articles(
        db,
        b.id,
        [
            ArticleIn(
                "https://b.example/x",
                "Telegram will give police user data, Durov says",
                WIRE.replace("on Thursday", "on Thursday evening") + " Read more on our site.",
                NOW + timedelta(hours=1),
            ),
            ArticleIn("https://b.example/y", "Floods in Spain", OTHER, NOW),
        ],
        now=NOW,
    )
    assert stories.assign_stories(db, now=NOW + timedelta(hours=2)) == 3
    rows = list(
        db.query("select story_id, count(*) as n from articles group by story_id order by n desc")
    )
    assert [r["n"] for r in rows] == [2, 1]
    assert stories.assign_stories(db, now=NOW + timedelta(hours=2)) == 0  # nothing pending twice


def test_old_articles_outside_the_window_start_new_stories(db: Database) -> None:
    store.save_articles(db, None, [ArticleIn("https://a.example/1", "T", WIRE, NOW)], now=NOW)
    stories.assign_stories(db, now=NOW)
    later = NOW + stories.WINDOW + timedelta(days=1)
    store.save_articles(
        db, None, [ArticleIn("https://b.example/1", "T", WIRE + " Update.", later)], now=later
    )
    stories.assign_stories(db, now=later)
    assert store.count(db, "stories") == 2
