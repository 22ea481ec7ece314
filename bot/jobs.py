"""Scheduled work: poll sources, then cluster, summarise and extract, one run at a time.

The database is only touched on the event-loop thread; summarising and allegation
extraction, the CPU-heavy steps, run in an executor. Tests call these functions
directly instead of waiting for the JobQueue.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from bot.handlers.common import Context, db_of, lock_of, pages_of, settings_of, workers_of
from digests import allegations, ingest, pipeline, store, stories
from digests.fetch import make_client
from digests.models import Allegation, Source

log = logging.getLogger(__name__)

POLL_CONCURRENCY = 8
ALLEGATION_BATCH = 50
# bot_data key of the parse worker processes the application keeps for its lifetime.
PARSE_POOL = "parse_pool"


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingestion run did: each source's poll, then the processing counts."""

    polls: tuple[tuple[Source, ingest.PollResult], ...]
    processed: pipeline.ProcessResult

    @property
    def new(self) -> int:
        """Return how many new articles were saved."""
        return sum(result.new for _, result in self.polls)

    @property
    def failed(self) -> int:
        """Return how many sources failed."""
        return sum(result.status == "error" for _, result in self.polls)


def start_parse_pool(bot_data: dict[Any, Any]) -> None:
    """Give the application its parse pool; its workers start with the first poll."""
    bot_data[PARSE_POOL] = ingest.start_parse_pool(warm=False)


async def stop_parse_pool(bot_data: dict[Any, Any]) -> None:
    """Stop the application's parse workers (at shutdown)."""
    pool: ingest.ParsePool | None = bot_data.pop(PARSE_POOL, None)
    if pool is not None:
        await asyncio.get_running_loop().run_in_executor(None, pool.shutdown)


def parse_pool_of(bot_data: dict[Any, Any]) -> Executor | None:
    """Return the application's parse pool (None on one core, or before start-up)."""
    pool: Executor | None = bot_data.get(PARSE_POOL)
    return pool


async def ingest_job(context: Context) -> None:
    """Poll the due sources and process what arrived (the repeating job)."""
    report = await ingest_now(context.bot_data, due_only=True)
    if report.polls:
        log.info(
            "ingested %d sources: %d new articles, %d failed",
            len(report.polls),
            report.new,
            report.failed,
        )


async def process_job(context: Context) -> None:
    """Cluster, summarise and extract whatever is pending (the repeating job)."""
    done = await process_pending(context.bot_data)
    if done.clustered or done.summarised or done.allegations:
        log.info(
            "processed: %d clustered, %d summarised, %d checked for allegations",
            done.clustered,
            done.summarised,
            done.allegations,
        )


async def ingest_now(bot_data: dict[Any, Any], *, due_only: bool) -> IngestReport:
    """Poll the due (or all active) feed and page sources, then process; one run at a time."""
    async with lock_of(bot_data):
        db = db_of(bot_data)
        settings = settings_of(bot_data)
        async with make_client(public_only=not settings.allow_private_sources) as client:
            pool = parse_pool_of(bot_data)
            if due_only:
                results = await ingest.ingest_due(db, client, executor=pool)
            else:
                active = store.list_sources(db, include_paused=False)
                sources = [s for s in active if s.kind != "file"]
                results = await ingest.poll_sources(
                    db, client, sources, concurrency=POLL_CONCURRENCY, executor=pool
                )
        polls = tuple(
            (source, result)
            for result in results
            if (source := store.find_source(db, result.source_id)) is not None
        )
        processed = await _process(bot_data)
    return IngestReport(polls, processed)


async def poll_one(bot_data: dict[Any, Any], source: Source) -> IngestReport:
    """Poll one source now (whatever its schedule), then process; one run at a time."""
    async with lock_of(bot_data):
        db = db_of(bot_data)
        settings = settings_of(bot_data)
        async with make_client(public_only=not settings.allow_private_sources) as client:
            result = await ingest.poll_source(db, client, source, executor=parse_pool_of(bot_data))
        processed = await _process(bot_data)
    return IngestReport(((store.get_source(db, source.id), result),), processed)


async def process_pending(bot_data: dict[Any, Any]) -> pipeline.ProcessResult:
    """Cluster, summarise and extract pending articles; one run at a time."""
    async with lock_of(bot_data):
        return await _process(bot_data)


async def _process(bot_data: dict[Any, Any]) -> pipeline.ProcessResult:
    db = db_of(bot_data)
    settings = settings_of(bot_data)
    # Clustering interleaves reads and writes with hashing; it stays on the loop's thread.
    clustered = stories.assign_stories(db)
    summarised = await pipeline.summarise_pending_async(
        db, method=settings.summary_method, workers=workers_of(bot_data)
    )
    extracted = await extract_allegations_async(db)
    if clustered or summarised:
        pages_of(bot_data).clear()
    store.tidy_search_index(db)  # one bounded merge step (at most ~0.15 s) keeps search fast
    return pipeline.ProcessResult(clustered, summarised, extracted)


async def extract_allegations_async(db: Database) -> int:
    """Extract allegations of pending articles in an executor, saving on the loop's thread."""
    loop = asyncio.get_running_loop()
    done = 0
    while True:
        ids = store.pending_allegations(db, allegations.EXTRACTOR_VERSION, limit=ALLEGATION_BATCH)
        if not ids:
            return done
        rows = [(i, row["title"], row["text"]) for i in ids if (row := store.get_article(db, i))]
        found = await loop.run_in_executor(None, _extract_batch, rows)
        for article_id, items in found:
            store.save_allegations(db, article_id, items, allegations.EXTRACTOR_VERSION)
        if len(rows) < len(ids):  # an article vanished meanwhile: stop rather than spin
            return done + len(found)
        done += len(found)


def _extract_batch(rows: list[tuple[int, str, str]]) -> list[tuple[int, list[Allegation]]]:
    return [(aid, allegations.extract(text, title=title)) for aid, title, text in rows]
