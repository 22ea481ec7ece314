"""Scheduled work: poll sources, then run the processing pass; one run at a time.

A pass that clustered or summarised something is followed at once by the live posts it
owes (``digest_jobs.enqueue_live``): new stories for live subscriptions, edits of grown ones.

The database is only touched on the event-loop thread; parsing runs in the bot's parse pool,
summarising and allegation extraction in an executor (``digests.process``). Tests call these
functions directly instead of waiting for the JobQueue.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot import digest_jobs
from bot.state import BotState, Context
from digests import ingest, process, retention, store
from digests.fetch import make_client
from digests.models import Source

log = logging.getLogger(__name__)

POLL_CONCURRENCY = 8


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingestion run did: each source's poll, then the processing counts."""

    polls: tuple[tuple[Source, ingest.PollResult], ...]
    processed: process.ProcessResult

    @property
    def new(self) -> int:
        """Return how many new articles were saved."""
        return sum(result.new for _, result in self.polls)

    @property
    def failed(self) -> int:
        """Return how many sources failed."""
        return sum(result.status == "error" for _, result in self.polls)


def start_parse_pool(state: BotState) -> None:
    """Give the application its parse pool; its workers start with the first poll."""
    state.parse_pool = ingest.start_parse_pool(warm=False)


async def stop_parse_pool(state: BotState) -> None:
    """Stop the application's parse workers (at shutdown)."""
    pool, state.parse_pool = state.parse_pool, None
    if pool is not None:
        await asyncio.get_running_loop().run_in_executor(None, pool.shutdown)


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
    done = await process_now(context.bot_data)
    if done.clustered or done.summarised or done.allegations:
        log.info(
            "processed: %d clustered, %d summarised, %d checked for allegations",
            done.clustered,
            done.summarised,
            done.allegations,
        )


async def ingest_now(state: BotState, *, due_only: bool) -> IngestReport:
    """Poll the due (or all active) feed and page sources, then process; one run at a time."""
    async with state.lock:
        db = state.db
        async with make_client(
            public_only=not state.settings.allow_private_sources,
            per_host=state.settings.fetch_per_host,
            host_gap=state.settings.fetch_host_gap,
        ) as client:
            not_before = retention.horizon(state.settings.retention)
            if due_only:
                results = await ingest.ingest_due(
                    db,
                    client,
                    executor=state.parse_pool,
                    not_before=not_before,
                    limits=state.settings.fetch_limits,
                )
            else:
                active = store.list_sources(db, include_paused=False)
                sources = [s for s in active if s.kind != "file"]
                results = await ingest.poll_sources(
                    db,
                    client,
                    sources,
                    concurrency=POLL_CONCURRENCY,
                    executor=state.parse_pool,
                    not_before=not_before,
                    limits=state.settings.fetch_limits,
                )
        state.metrics.record_polls(results)
        polls = tuple(
            (source, result)
            for result in results
            if (source := store.find_source(db, result.source_id)) is not None
        )
        processed = await _process(state)
    return IngestReport(polls, processed)


async def poll_one(state: BotState, source: Source) -> IngestReport:
    """Poll one source now (whatever its schedule), then process; one run at a time."""
    async with state.lock:
        db = state.db
        async with make_client(
            public_only=not state.settings.allow_private_sources,
            per_host=state.settings.fetch_per_host,
            host_gap=state.settings.fetch_host_gap,
        ) as client:
            result = await ingest.poll_source(
                db,
                client,
                source,
                executor=state.parse_pool,
                not_before=retention.horizon(state.settings.retention),
                limits=state.settings.fetch_limits,
            )
        state.metrics.record_polls([result])
        processed = await _process(state)
    return IngestReport(((store.get_source(db, source.id), result),), processed)


async def process_now(state: BotState) -> process.ProcessResult:
    """Cluster, summarise and extract pending articles; one run at a time."""
    async with state.lock:
        return await _process(state)


async def _process(state: BotState) -> process.ProcessResult:
    done = await process.process_pending(
        state.db, method=state.settings.summary_method, workers=state.workers
    )
    state.metrics.record_processed(done)
    if done.changed_stories:
        state.pages.clear()
        try:
            digest_jobs.enqueue_live(state)
        except Exception:  # the pass itself is done: the next one writes what is owed
            log.exception("writing live posts failed")
    return done
