"""THE processing pass: stories, summaries, allegations, search index upkeep; once per article.

One function, ``process_pending``, used by the bot's job, ``newsbot ingest``, the seeding of a
new database and every benchmark that measures processing:

1. cluster new articles into stories (``digests.stories``; on the caller's thread: it
   interleaves reads and writes with hashing);
2. summarise articles without a summary by the chosen method, the title passed as the title
   (a feature for scoring sentences, never one of them), in batches, the CPU work off the
   event loop (``summarise.summarise_many``, which uses worker processes when asked);
3. extract allegations from articles not yet read by this extractor version, off the loop;
4. merge the search index one bounded step further (``store.tidy_search_index``).

The database is only touched on the caller's thread; each step works through what is pending,
so a pass interrupted half-way is finished by the next one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from digests import allegations, store, stories, summarise
from digests.models import Allegation, ArticleText

SUMMARY_WORDS = 75
SUMMARY_BATCH = 500
ALLEGATION_BATCH = 50

# Called after each batch with the step's name ("summarising", "allegations") and its size.
Progress = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class ProcessResult:
    """Counts of one processing pass."""

    clustered: int
    summarised: int
    allegations: int

    @property
    def changed_stories(self) -> bool:
        """Return True when what stories show changed (cached pages are stale)."""
        return bool(self.clustered or self.summarised)


async def summarise_pending(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    words: int = SUMMARY_WORDS,
    workers: int = 2,
    executor: Executor | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Summarise articles with no summary by this method yet; return how many."""
    loop = asyncio.get_running_loop()
    done = 0
    while limit is None or done < limit:
        size = SUMMARY_BATCH if limit is None else min(SUMMARY_BATCH, limit - done)
        batch = store.pending_summaries(db, method, limit=size)
        if not batch:
            break
        items = [(a.id, a.text, a.title) for a in batch]

        def work(items: list[tuple[int, str, str]] = items) -> list[tuple[int, str]]:
            return list(
                summarise.summarise_many(items, method=method, words=words, workers=workers)
            )

        results = await loop.run_in_executor(executor, work)
        done += store.save_summaries(db, method, results)
        if progress is not None:
            progress("summarising", len(results))
    return done


async def extract_pending(
    db: Database, *, executor: Executor | None = None, progress: Progress | None = None
) -> int:
    """Extract allegations from articles not yet read by this extractor version."""
    loop = asyncio.get_running_loop()
    done = 0
    while batch := store.pending_allegations(
        db, allegations.EXTRACTOR_VERSION, limit=ALLEGATION_BATCH
    ):
        found = await loop.run_in_executor(executor, _extract_batch, batch)
        for article_id, items in found:
            store.save_allegations(db, article_id, items, allegations.EXTRACTOR_VERSION)
        done += len(found)
        if progress is not None:
            progress("allegations", len(found))
    return done


def _extract_batch(batch: Sequence[ArticleText]) -> list[tuple[int, list[Allegation]]]:
    # Each article is read with its own language's cues; one with no cue file has no items.
    # An article whose language is unknown (None: seeds and feeds that name none) is read as
    # English, the language such sources have been in so far.
    return [
        (a.id, allegations.extract(a.text, title=a.title, language=a.language or "en"))
        for a in batch
    ]


async def process_pending(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    words: int = SUMMARY_WORDS,
    workers: int = 2,
    executor: Executor | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> ProcessResult:
    """Cluster, summarise and extract whatever is pending, then tidy the search index."""
    clustered = stories.assign_stories(db, now=now)
    summarised = await summarise_pending(
        db, method=method, words=words, workers=workers, executor=executor, progress=progress
    )
    extracted = await extract_pending(db, executor=executor, progress=progress)
    store.tidy_search_index(db)  # one bounded merge step (at most ~0.15 s) keeps search fast
    return ProcessResult(clustered, summarised, extracted)


def process_pending_sync(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    words: int = SUMMARY_WORDS,
    workers: int = 2,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> ProcessResult:
    """Run ``process_pending`` from code with no event loop (the CLI, scripts)."""
    return asyncio.run(
        process_pending(db, method=method, words=words, workers=workers, now=now, progress=progress)
    )
