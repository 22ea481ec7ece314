"""THE processing pass: stories, summaries, allegations, search index upkeep; once per article.

One function, ``process_pending``, used by the bot's job, ``newsbot ingest``, the seeding of a
new database and every benchmark that measures processing:

1. settle the language of articles not summarised yet (``language.choose``): the one their
   feed, page or seed file declared when the text agrees or is too short to tell, else the one
   detected in the text, else none; stored back, off the loop. Ingest only stores the declared
   tag, as a code: detecting there would add a third to the parse workers' CPU (0.14 ms per
   item against 0.43 ms to parse, on bench/ingest.py's feeds), while here it is ~3 % of a
   summary. ``summarise_pending`` called on its own (``newsbot summarise``) settles each
   batch itself;
2. cluster new articles into stories (``digests.stories``; on the caller's thread: it
   interleaves reads and writes with hashing);
3. summarise articles without a summary by the chosen method, each with its own language's
   rules and the title passed as the title (a feature for scoring sentences, never one of
   them), in batches, the CPU work off the event loop (``summarise.summarise_many``, which
   uses worker processes when asked);
4. extract allegations from articles not yet read by this extractor version, off the loop;
5. merge the search index one bounded step further (``store.tidy_search_index``).

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

from digests import allegations, language, store, stories, summarise
from digests.models import Allegation, ArticleText

SUMMARY_WORDS = 75
SUMMARY_BATCH = 500
ALLEGATION_BATCH = 50

# Called after each batch with the step's name ("languages", "summarising", "allegations") and
# its size.
Progress = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class ProcessResult:
    """Counts of one processing pass."""

    clustered: int
    summarised: int
    allegations: int
    languages: int = 0  # articles whose stored language processing changed

    @property
    def changed_stories(self) -> bool:
        """Return True when what stories show changed (cached pages are stale)."""
        return bool(self.clustered or self.summarised)


def _settle(batch: Sequence[ArticleText]) -> list[tuple[int, str | None]]:
    """Return (id, language) for the articles whose language is not the one stored."""
    changed = []
    for article in batch:
        code = language.choose(article.language, f"{article.title}\n{article.text}")
        if code != article.language:
            changed.append((article.id, code))
    return changed


async def settle_languages(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> int:
    """Decide the language of articles with no summary by this method yet; return changes."""
    loop = asyncio.get_running_loop()
    changed = 0
    after = 0
    while batch := store.pending_summaries(db, method, limit=SUMMARY_BATCH, after=after):
        after = batch[-1].id
        found = await loop.run_in_executor(executor, _settle, batch)
        changed += store.save_languages(db, found)
        if progress is not None:
            progress("languages", len(batch))
    return changed


async def summarise_pending(
    db: Database,
    *,
    method: str = summarise.DEFAULT_METHOD,
    words: int = SUMMARY_WORDS,
    workers: int = 2,
    executor: Executor | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    settle: bool = True,
) -> int:
    """Summarise articles with no summary by this method yet; return how many.

    Each is read in its language, settled first (see ``settle_languages``) unless ``settle``
    is False because the caller has just done so.
    """
    loop = asyncio.get_running_loop()
    done = 0
    while limit is None or done < limit:
        size = SUMMARY_BATCH if limit is None else min(SUMMARY_BATCH, limit - done)
        batch = store.pending_summaries(db, method, limit=size)
        if not batch:
            break

        def work(
            batch: list[ArticleText] = batch,
        ) -> tuple[list[tuple[int, str]], list[tuple[int, str | None]]]:
            changed = _settle(batch) if settle else []
            codes = dict(changed)
            # Settled as none: "und", so that the summariser does not look again.
            items = [
                (a.id, a.text, a.title, codes.get(a.id, a.language) or language.UNDETERMINED)
                for a in batch
            ]
            summaries = summarise.summarise_many(items, method=method, words=words, workers=workers)
            return list(summaries), changed

        results, changed = await loop.run_in_executor(executor, work)
        store.save_languages(db, changed)
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
    # The pass settles languages first; an article still without one (summarised before
    # languages were stored) is detected here, and one whose language cannot be told has no
    # items: its text is never read with English rules by default.
    return [
        (a.id, allegations.extract_in_own_language(a.text, title=a.title, language=a.language))
        for a in batch
    ]


async def cluster_pending(db: Database, *, now: datetime | None = None) -> int:
    """Put every article without a story into one, ``stories.CLUSTER_BATCH`` at a time, pausing
    between batches so other tasks run (the bot answers while a large ingest is clustered: a
    bare ``sleep(0)`` would let a reply move one step per batch); return how many. An index
    to be made again (new rules) is made first, in steps of ``stories.REINDEX_BATCH``. A
    replaced article that starts a story of its own goes back to the story it left, when
    that one is empty (``store.settle_left_stories``)."""
    while True:
        indexed = stories.rebuild_index(db, now=now, limit=stories.REINDEX_BATCH)
        if indexed < stories.REINDEX_BATCH:
            break
        await asyncio.sleep(stories.CLUSTER_PAUSE)
    clustered = 0
    while True:
        done = stories.assign_stories(db, now=now, limit=stories.CLUSTER_BATCH)
        clustered += done
        if done < stories.CLUSTER_BATCH:
            # Replaced articles placed anew: one alone goes back to the story it left.
            store.settle_left_stories(db)
            return clustered
        await asyncio.sleep(stories.CLUSTER_PAUSE)


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
    """Settle languages, cluster, summarise and extract what is pending; tidy the search index."""
    settled = await settle_languages(db, method=method, executor=executor, progress=progress)
    clustered = await cluster_pending(db, now=now)
    summarised = await summarise_pending(
        db,
        method=method,
        words=words,
        workers=workers,
        executor=executor,
        progress=progress,
        settle=False,
    )
    extracted = await extract_pending(db, executor=executor, progress=progress)
    store.tidy_search_index(db)  # one bounded merge step (at most ~0.15 s) keeps search fast
    return ProcessResult(clustered, summarised, extracted, settled)


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
