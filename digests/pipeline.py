"""The pipeline's read and process steps, shared by the CLI and the bot.

Reads go through ``store`` and are composed by ``compose``; processing (stories,
summaries, allegations) works through what is pending, once per article.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from digests import allegations, compose, store, stories, summarise
from digests.models import Digest, LedgerEntry, SourceLink, StoryItem

LATEST_WINDOW = timedelta(days=30)
SUMMARY_WORDS = 75
BATCH = 500


@dataclass(frozen=True, slots=True)
class Settings:
    """What the read side needs to know: the summary method shown."""

    method: str = summarise.DEFAULT_METHOD


def latest(
    db: Database,
    *,
    now: datetime | None = None,
    limit: int = 5,
    offset: int = 0,
    method: str = summarise.DEFAULT_METHOD,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    since: datetime | None = None,
    new_since: datetime | None = None,
    title: str = "Latest news",
) -> Digest:
    """Return the top stories, ranked, optionally filtered by keywords and time.

    ``since`` keeps stories published since a time; ``new_since`` keeps stories with an
    article fetched since a time (what a subscriber has not been sent yet).
    """
    moment = now or store.utcnow()
    if new_since is not None:
        rows = store.story_rows(db, new_since=new_since, method=method)
    else:
        rows = store.story_rows(db, since=since or (moment - LATEST_WINDOW), method=method)
    if not rows and since is None and new_since is None:
        # Nothing recent (a seeded or idle database): fall back to the newest stories at all.
        rows = store.story_rows(db, since=None, method=method, limit=50)
    candidates = compose.candidates_from_rows(rows)
    return compose.build_digest(
        candidates,
        now=moment,
        title=title,
        limit=limit,
        offset=offset,
        include=include,
        exclude=exclude,
        since=since,
    )


def search(
    db: Database,
    words: str,
    *,
    now: datetime | None = None,
    limit: int = 5,
    offset: int = 0,
    method: str = summarise.DEFAULT_METHOD,
) -> Digest:
    """Return stories matching the words, best match first."""
    moment = now or store.utcnow()
    ids, total = store.search_story_ids(db, words, limit=limit, offset=offset)
    by_id = {
        c.item.story_id: c
        for c in compose.candidates_from_rows(store.story_rows(db, story_ids=ids, method=method))
    }
    ordered = [by_id[i] for i in ids if i in by_id]
    digest = compose.build_digest(
        ordered, now=moment, title=f"Search: {words}", limit=limit, ranked=False
    )
    return Digest(
        title=digest.title,
        generated_at=moment,
        stories=digest.stories,
        total=total,
        offset=offset,
        total_capped=store.count_is_capped(total, reach=offset + limit),
    )


def story(
    db: Database, story_id: int, *, method: str = summarise.DEFAULT_METHOD
) -> StoryItem | None:
    """Return one story with every source, or None."""
    candidates = compose.candidates_from_rows(
        store.story_rows(db, story_ids=[story_id], method=method)
    )
    return candidates[0].item if candidates else None


# --- processing ------------------------------------------------------------------------------


def summarise_pending(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    words: int = SUMMARY_WORDS,
    workers: int = 2,
    limit: int | None = None,
) -> int:
    """Summarise articles that have no summary by this method yet; return how many."""
    done = 0
    while limit is None or done < limit:
        size = BATCH if limit is None else min(BATCH, limit - done)
        batch = store.pending_summaries(db, method, limit=size)
        if not batch:
            break
        items = [(aid, f"{title}\n\n{text}") for aid, title, text in batch]
        results = list(summarise.summarise_many(items, method=method, words=words, workers=workers))
        done += store.save_summaries(db, method, results)
    return done


async def summarise_pending_async(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    words: int = SUMMARY_WORDS,
    workers: int = 2,
    executor: Executor | None = None,
) -> int:
    """Summarise pending articles with the work off the event loop; the database stays on it."""
    loop = asyncio.get_running_loop()
    done = 0
    while True:
        batch = store.pending_summaries(db, method, limit=BATCH)
        if not batch:
            return done
        items = [(aid, f"{title}\n\n{text}") for aid, title, text in batch]

        def work(items: list[tuple[int, str]] = items) -> list[tuple[int, str]]:
            return list(
                summarise.summarise_many(items, method=method, words=words, workers=workers)
            )

        results = await loop.run_in_executor(executor, work)
        done += store.save_summaries(db, method, results)


def extract_pending_allegations(db: Database, *, limit: int | None = None) -> int:
    """Extract allegation items from articles not yet done by this extractor version."""
    ids = store.pending_allegations(db, allegations.EXTRACTOR_VERSION, limit=limit)
    for article_id in ids:
        row = store.get_article(db, article_id)
        if row is None:
            continue
        items = allegations.extract(row["text"], title=row["title"])
        store.save_allegations(db, article_id, items, allegations.EXTRACTOR_VERSION)
    return len(ids)


@dataclass(frozen=True, slots=True)
class ProcessResult:
    """Counts of one processing pass."""

    clustered: int
    summarised: int
    allegations: int


def process(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    workers: int = 2,
    now: datetime | None = None,
) -> ProcessResult:
    """Cluster new articles into stories, summarise them and extract allegations.

    Then merge the search index one bounded step further (``store.tidy_search_index``).
    """
    clustered = stories.assign_stories(db, now=now)
    summarised = summarise_pending(db, method=method, workers=workers)
    extracted = extract_pending_allegations(db)
    store.tidy_search_index(db)
    return ProcessResult(clustered, summarised, extracted)


def ledger(
    db: Database,
    words: str = "",
    *,
    since: datetime | None = None,
    story_ids: Sequence[int] | None = None,
    limit: int = 50,
) -> list[LedgerEntry]:
    """Return allegation ledger entries matching words (target, accuser or claim), newest first.

    Items from several articles of one story that make the same allegation merge into one
    entry listing every source.
    """
    by_story: dict[int, list[dict[str, Any]]] = {}
    for row in store.allegation_rows(
        db, words=words, since=since, story_ids=story_ids, limit=limit * 4
    ):
        by_story.setdefault(int(row["story_id"]), []).append(row)
    entries: list[LedgerEntry] = []
    for story_id, rows in by_story.items():
        links = {
            int(r["article_id"]): SourceLink(r["source_title"] or "unknown source", r["url"])
            for r in rows
        }
        published = max(store.parse_iso(r["published"]) for r in rows)
        keyed = [(int(r["article_id"]), store.allegation_from_row(r)) for r in rows]
        for item, article_ids in allegations.merge_keyed(keyed):
            sources = tuple(dict.fromkeys(links[a] for a in article_ids))
            entries.append(
                LedgerEntry(
                    allegation=item, story_id=story_id, published=published, sources=sources
                )
            )
    entries.sort(key=lambda e: (e.published, e.allegation.salience), reverse=True)
    return entries[:limit]


def top_targets(db: Database, *, since: datetime, limit: int = 8) -> list[tuple[str, int]]:
    """Return the targets with the most allegations since a time, most first."""
    return store.allegation_targets(db, since=since, limit=limit)
