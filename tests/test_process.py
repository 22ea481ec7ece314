"""The processing pass shared by the bot, the CLI and the benchmarks, on real SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from digests import process, store, summarise
from digests.models import ArticleIn
from tests.conftest import SEEDS

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

STORY = (
    "Prosecutors in Paris charged the chief executive of Acme Corp with fraud on Monday, "
    "saying the company hid losses from investors for three years. The charges follow a "
    "two-year investigation by financial regulators. Acme denied the allegations and said it "
    "would fight them in court. Shares in the company fell sharply after the announcement. "
    "Analysts said the case could take years to reach trial."
)


def seed_db(db: Database) -> None:
    from digests import ingest

    ingest.load_seeds(db, SEEDS)


def test_process_clusters_summarises_and_extracts_once(db: Database) -> None:
    seed_db(db)
    first = process.process_pending_sync(db, workers=1, now=NOW)
    assert first.clustered == 1 and first.summarised == 1 and first.allegations == 1
    again = process.process_pending_sync(db, workers=1, now=NOW)
    assert (again.clustered, again.summarised, again.allegations) == (0, 0, 0)


async def test_summarise_pending_uses_the_chosen_method(db: Database) -> None:
    seed_db(db)
    assert await process.summarise_pending(db, method="lead", workers=1) == 1
    assert await process.summarise_pending(db, method="lead", workers=1) == 0
    assert store.pending_summaries(db, summarise.DEFAULT_METHOD)
    assert await process.summarise_pending(db, workers=1) == 1
    assert store.pending_summaries(db, summarise.DEFAULT_METHOD) == []


def test_titles_travel_as_titles_never_as_summary_sentences(db: Database) -> None:
    title = "Mountain observatory records brightest meteor shower in a decade"
    body = (
        "Astronomers at the Tarn Ridge observatory counted more than 400 meteors an hour on "
        "Sunday night, the highest rate they have recorded since 2014. The shower peaked "
        "shortly after midnight under clear skies. Visitors filled the car park and the road "
        "below the dome. The observatory said it would publish its full count next week."
    )
    store.save_articles(
        db, None, [ArticleIn("https://n.example/meteors", title, body, NOW)], now=NOW
    )
    process.process_pending_sync(db, workers=1, now=NOW)
    [summary] = [r["summary"] for r in db.query("select summary from summaries")]
    assert summary.startswith("Astronomers at the Tarn Ridge")
    assert "brightest meteor shower" not in summary
