"""The processing pass shared by the bot, the CLI and the benchmarks, on real SQLite."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlite_utils import Database

from digests import language, process, store, stories, summarise
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


# One report in each of three languages the bot has rules for, carried by two outlets.
REPORTS = {
    "pl": (
        "Rolnicy protestują w Warszawie",
        "Premier ogłosił w Warszawie nowy plan dla rolników. Rząd przeznaczy na niego dwa "
        "miliardy złotych. Rolnicy protestowali od tygodni przed Sejmem.",
    ),
    "el": (
        "Σεισμός στην Κρήτη",
        "Ισχυρός σεισμός 5,8 βαθμών έπληξε την Κρήτη το πρωί. Δεν αναφέρθηκαν τραυματισμοί. "
        "Οι αρχές ελέγχουν τα σχολεία του νησιού.",
    ),
    "ru": (
        "Землетрясение на Камчатке",
        "Сильное землетрясение магнитудой 5,8 произошло на Камчатке утром. О пострадавших не "
        "сообщается. Власти проверяют школы региона.",
    ),
}


@pytest.mark.parametrize("code", sorted(REPORTS))
def test_every_language_with_rules_is_clustered_by_its_own_rules(db: Database, code: str) -> None:
    """Polish was stemmed by a sumy stemmer that needs a package not installed: the first
    Polish article stopped every processing pass. Clustering reads each language by the
    rules its summaries use (``digests.language.tools``): their stems and their one list of
    stop words (sumy's, and outside English the stop-words package's beside it: sumy's
    French list lacks "de", "un", "ont")."""
    title, text = REPORTS[code]
    first, *rest = text.split(". ")
    reordered = ". ".join([*rest[:-1], rest[-1].rstrip("."), first]) + "."  # the lead last
    items = [
        ArticleIn(f"https://{outlet}.example/{code}", title, body, NOW, language=code)
        for outlet, body in (("one", text), ("two", reordered))
    ]
    store.save_articles(db, None, items[:1], now=NOW)
    store.save_articles(db, None, items[1:], now=NOW)
    result = process.process_pending_sync(db, workers=1, now=NOW)
    assert result.clustered == 2 and result.summarised == 2
    assert len({r["story_id"] for r in db.query("select story_id from articles")}) == 1
    rules = language.tools(code)
    assert rules is not None
    tools = stories.language_tools(code)
    assert rules.stop_words == tools.stop_words
    assert tools.stem("школы") == rules.stem("школы")


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


async def test_a_large_ingest_is_clustered_in_batches_with_the_loop_free_between(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clustering runs on the bot's event loop: a pass of many new articles is cut into
    batches, and other tasks (the bot's replies) run between them; every article gets a story
    once, and the stories are those one long pass makes."""
    monkeypatch.setattr(stories, "CLUSTER_BATCH", 10)
    towns = ["Arlow", "Bexmoor", "Carrick", "Dunmere", "Elsford"]
    items = [
        ArticleIn(
            f"https://n.example/{n}",
            f"{towns[n % 5]} council votes on plan {n}",
            f"The council of {towns[n % 5]} voted on plan number {n} on Monday. " + STORY,
            NOW.replace(minute=n % 60, second=n // 60),
        )
        for n in range(35)
    ]
    store.save_articles(db, None, items, now=NOW)
    events: list[str] = []
    real = stories.assign_stories

    def assign(*args: Any, **kwargs: Any) -> int:
        events.append("batch")
        return real(*args, **kwargs)

    monkeypatch.setattr(stories, "assign_stories", assign)

    async def other_task() -> None:  # woken by a timer, as a reply is by the network
        while "done" not in events:
            events.append("tick")
            await asyncio.sleep(0.001)

    ticker = asyncio.create_task(other_task())
    clustered = await process.cluster_pending(db, now=NOW)
    events.append("done")
    await ticker
    assert clustered == 35
    batches = [i for i, e in enumerate(events) if e == "batch"]
    assert len(batches) == 4  # 10, 10, 10, 5
    assert all("tick" in events[a:b] for a, b in itertools.pairwise(batches))
    assert db.execute("select count(*) from articles where story_id is null").fetchone()[0] == 0
    assert await process.cluster_pending(db, now=NOW) == 0
    # The same articles in one long pass make the same stories.
    monkeypatch.setattr(stories, "assign_stories", real)
    whole = store.open_db(":memory:")
    store.save_articles(whole, None, items, now=NOW)
    assert real(whole, now=NOW) == 35

    def partition(database: Database) -> set[frozenset[str]]:
        groups: dict[int, set[str]] = {}
        for url, story in database.execute("select url, story_id from articles"):
            groups.setdefault(story, set()).add(url)
        return {frozenset(g) for g in groups.values()}

    assert partition(db) == partition(whole)
    whole.close()


async def test_an_index_made_by_older_rules_is_made_again_in_steps_with_the_loop_free_between(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade that changes the indexed terms (``INDEX_VERSION``), the processing pass
    indexes the window again in steps, letting the bot answer between them (a full window takes
    minutes), clusters what came in meanwhile once the index is whole, and makes the same index
    as one long rebuild; a rebuild cut off between steps resumes where it stopped."""
    items = [
        ArticleIn(
            f"https://n.example/{n}",
            f"Harbour board approves dredging contract {n}",
            f"The board approved contract number {n} on Monday. " + STORY,
            NOW.replace(minute=n),
        )
        for n in range(25)
    ]
    store.save_articles(db, None, items, now=NOW)
    assert stories.assign_stories(db, now=NOW) == 25

    def stale(database: Database) -> None:  # an index made by the rules before an upgrade
        database.execute(
            "update story_df set df = ? where term = ' version'", [stories.INDEX_VERSION - 1]
        )

    def index_rows(database: Database) -> list[tuple[Any, ...]]:
        return database.execute(
            "select t.terms, t.title, round(t.norm, 9), a.url from story_terms t"
            " join articles a on a.id = t.article_id order by a.url"
        ).fetchall()

    whole = store.open_db(":memory:")
    store.save_articles(whole, None, items, now=NOW)
    stories.assign_stories(whole, now=NOW)
    stale(whole)
    assert stories.rebuild_index(whole, now=NOW) == 25  # one long rebuild
    stale(db)
    later = NOW.replace(hour=13)
    rewrite = ArticleIn(
        "https://m.example/3", items[3].title, items[3].text + " Work starts in May.", later
    )
    store.save_articles(db, None, [rewrite], now=later)

    monkeypatch.setattr(stories, "REINDEX_BATCH", 10)
    events: list[str] = []
    real = stories.rebuild_index

    def step(*args: Any, **kwargs: Any) -> int:
        done = real(*args, **kwargs)
        events.append(f"step {done}")
        return done

    monkeypatch.setattr(stories, "rebuild_index", step)

    async def other_task() -> None:
        while "done" not in events:
            events.append("tick")
            await asyncio.sleep(0.001)

    ticker = asyncio.create_task(other_task())
    assert await process.cluster_pending(db, now=later) == 1
    events.append("done")
    await ticker
    steps = [i for i, e in enumerate(events) if e.startswith("step")]
    assert [events[i] for i in steps[:3]] == ["step 10", "step 10", "step 5"]
    assert all("tick" in events[a:b] for a, b in itertools.pairwise(steps[:3]))
    assert store.story_index_version(db) == stories.INDEX_VERSION
    assert store.story_index_rebuild(db) is None
    [(joined,)] = db.execute("select story_id from articles where url = ?", [rewrite.url])
    [(original,)] = db.execute("select story_id from articles where url = ?", [items[3].url])
    assert joined == original
    db.execute(
        "delete from story_terms where article_id in (select id from articles where url = ?)",
        [rewrite.url],
    )
    assert index_rows(db) == index_rows(whole)

    # Cut off after one step (the bot stopped): the next pass finishes the rest, and only it.
    stale(whole)
    monkeypatch.setattr(stories, "rebuild_index", real)
    assert real(whole, now=NOW, limit=10) == 10
    assert store.story_index_rebuild(whole) is not None
    assert real(whole, now=NOW) == 15
    assert store.story_index_rebuild(whole) is None
    assert real(whole, now=NOW) == 0
    assert index_rows(whole) == index_rows(db)
    whole.close()
