"""Retention: what the database keeps, for how long, and giving the space back.

The rules (one ``prune`` applies them all; the bot runs it daily, ``newsbot prune`` by hand):

- **Articles** published more than ``RETENTION_DAYS`` ago (default 90; 0 keeps everything):
  - a story none of whose articles is younger goes with its articles: their text, summaries,
    search entries and place in the story matcher, the chats' records of having been sent it
    (``digest_stories``) and its live posts; an outbox row naming it keeps its message and
    forgets the story. Story ids are never reused, so an old ``/story_N`` link finds nothing
    rather than another story;
  - an old article of a story that a younger article keeps loses its text, summaries
    (emptied) and signature, and stays as one of the story's links (title, outlet, URL,
    date); its search entry keeps only the title, so a search still finds the living story;
  - an old article in no story goes;
  - articles of seed files (sources of kind ``file``) never go, nor stories holding one.
- **Ingest** saves no article published before the articles' cutoff (``horizon``), nor one
  that went whose date was the bot's (its feed gave none: dated when first seen, or as a new
  source's archive, two days back) while its feed still lists it: it would be dated as news
  again. Such an article's URL is kept until no poll listed it for
  ``store.articles.REMOVED_KEPT`` (30 days).
- **The allegations ledger** keeps each item, with its own copy of its article's story,
  link, outlet and date, until the item is ``LEDGER_RETENTION_DAYS`` old (empty or 0, the
  default: for ever), whether or not the article is still stored.
- **Outbox rows** of digests sent (or given up) more than ``OUTBOX_DAYS`` (14) ago go, once
  no part of their digest waits; a live post keeps its message id, so later edits find it.
  Their texts go after ``OUTBOX_TEXT_DAYS`` (1): the message is in the chat, and with
  thousands of subscribers the texts of two weeks of digests were most of the database
  (bench/soak.py); the row stays, so the digest is not queued twice and still counts.
- **Space comes back**: the database uses incremental auto-vacuum (``store.open_db``), and
  the pages freed go back to the file system ``VACUUM_PAGES`` at a time.

Every step is one small transaction (``BATCH`` articles, a few milliseconds), run on the
caller's thread like every database job of the bot, inside ``guard`` when one is given (the
bot's lock, so that no ingestion or processing pass interleaves with it). Between steps
``prune`` pauses for ``STEP_PAUSE``, so that a command arriving meanwhile waits for one step
at most, and the write-ahead log is checkpointed by a worker thread with a connection of its
own (``store.checkpoints_apart``): the commit of a step never waits for the disk to take the
log's pages. The search index does not merge inside the steps either
(``store.search_merges_apart``): the processing pass's bounded merge folds the delete
markers in afterwards. The search index is split by week of publication
(``store.search_index``): a week wholly past the cutoff takes no delete markers from the
removals; once they are done, its remaining articles move to the kept table and the week's
table is deleted a batch of pages at a time, then dropped. ``bench/retention.py`` measures
the steps and ``/latest`` meanwhile.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from sqlite_utils import Database

from digests import store
from digests.models import PruneCounts

T = TypeVar("T")

RETENTION_DAYS = 90
OUTBOX_DAYS = 14
OUTBOX_TEXT_DAYS = 1
# Articles per step (stories: half as many): removing 20 old articles with their search
# entries and summaries takes a few ms (bench/retention.py).
BATCH = 20
# Subscriptions whose records of removed stories one step reads.
SUBSCRIPTION_BATCH = 200
# Outbox rows one step reads.
OUTBOX_SCAN = 200
# Seconds between two steps. A bare yield (sleep(0)) would queue the next step ahead of a
# command whose wake-up came while a step ran: it would wait for two steps, not one.
STEP_PAUSE = 0.001
# Pages one vacuum step gives back (512 KB with 4 KiB pages; 1-3 ms).
VACUUM_PAGES = 128
# The most days RETENTION_DAYS and LEDGER_RETENTION_DAYS take (a hundred years): a date that
# many days back must exist (a million days would be before the year 1).
MAX_DAYS = 36_500


@dataclass(frozen=True, slots=True)
class Policy:
    """How long things are kept, in days (None: for ever)."""

    articles_days: int | None = RETENTION_DAYS
    ledger_days: int | None = None
    outbox_days: int = OUTBOX_DAYS
    outbox_text_days: int = OUTBOX_TEXT_DAYS


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """What was published (or, for the outbox, created) before these times goes."""

    articles: datetime | None
    ledger: datetime | None
    outbox: datetime
    outbox_texts: datetime


def cutoffs(policy: Policy, now: datetime) -> Cutoffs:
    """Return the times before which a prune at ``now`` removes things."""

    def before(days: int | None) -> datetime | None:
        return None if days is None else now - timedelta(days=days)

    return Cutoffs(
        articles=before(policy.articles_days),
        ledger=before(policy.ledger_days),
        outbox=now - timedelta(days=policy.outbox_days),
        outbox_texts=now - timedelta(days=policy.outbox_text_days),
    )


def _days(env: Mapping[str, str], key: str, default: int | None) -> int | None:
    value = env.get(key, "").strip()
    if not value:
        return default
    try:
        days = int(value)
    except ValueError:
        raise ValueError(f"{key}: must be a whole number of days, not {value!r}") from None
    if days < 0 or days > MAX_DAYS:
        raise ValueError(f"{key}: must be 0 (keep for ever) or a number of days up to {MAX_DAYS:,}")
    return days or None


def policy_from_env(env: Mapping[str, str]) -> Policy:
    """Read RETENTION_DAYS and LEDGER_RETENTION_DAYS; raise ValueError naming a bad key.

    Empty means the default (90 days; the ledger: for ever); 0 means for ever.
    """
    return Policy(
        articles_days=_days(env, "RETENTION_DAYS", RETENTION_DAYS),
        ledger_days=_days(env, "LEDGER_RETENTION_DAYS", None),
    )


def horizon(policy: Policy, now: datetime | None = None) -> datetime | None:
    """Return the publication time before which ingest saves nothing (None: no limit).

    Retention would remove such an article the next day, and one it removed already must
    not come back as news (a feed may list its items for years).
    """
    return cutoffs(policy, now or store.utcnow()).articles


def plan(db: Database, policy: Policy, *, now: datetime | None = None) -> PruneCounts:
    """Return what ``prune`` would remove now, removing nothing (``newsbot prune --dry-run``)."""
    cut = cutoffs(policy, now or store.utcnow())
    return store.plan_counts(
        db,
        articles_before=cut.articles,
        ledger_before=cut.ledger,
        outbox_before=cut.outbox,
        outbox_texts_before=cut.outbox_texts,
    )


async def prune(
    db: Database,
    policy: Policy,
    *,
    now: datetime | None = None,
    batch: int = BATCH,
    vacuum_pages: int = VACUUM_PAGES,
    guard: AbstractAsyncContextManager[Any] | None = None,
    on_step: Callable[[str, float], object] | None = None,
) -> PruneCounts:
    """Remove what the policy no longer keeps, a step at a time; return what went.

    ``guard`` is entered around each step (the bot passes its lock); ``on_step`` is called
    after each with the step's kind ("forget", "search weeks", "stories", "records", "texts",
    "loose", "search drop", "ledger", "outbox", "outbox texts", "vacuum") and the seconds it took
    (bench/retention.py reports them).
    """
    moment = now or store.utcnow()
    cut = cutoffs(policy, moment)
    size_before = store.database_bytes(db)
    loop = asyncio.get_running_loop()
    with store.checkpoints_apart(db) as checkpoint, store.search_merges_apart(db):
        running: asyncio.Future[None] | None = None

        async def step(kind: str, work: Callable[[], T]) -> T:
            nonlocal running
            async with guard if guard is not None else nullcontext():
                started = time.perf_counter()
                result = work()
                took = time.perf_counter() - started
            if on_step is not None:
                on_step(kind, took)
            if checkpoint is not None and (running is None or running.done()):
                if running is not None:
                    running.result()  # its error, if any
                running = loop.run_in_executor(None, checkpoint)
            await asyncio.sleep(STEP_PAUSE)  # what is waiting now runs before the next step
            return result

        try:
            total = await _steps(db, cut, step, now=moment, batch=batch, vacuum_pages=vacuum_pages)
        finally:
            if running is not None:
                await running
        if checkpoint is not None:
            await loop.run_in_executor(None, checkpoint)  # the rest, and the file's new size
    freed = max(0, size_before - store.database_bytes(db))
    return total + PruneCounts(bytes_freed=freed)


Step = Callable[[str, Callable[[], Any]], Awaitable[Any]]


async def _steps(
    db: Database, cut: Cutoffs, step: Step, *, now: datetime, batch: int, vacuum_pages: int
) -> PruneCounts:
    """Run every kind of step until it has nothing left to do; return what went."""
    total = PruneCounts()
    unlisted = now - store.articles.REMOVED_KEPT
    while await step(
        "forget", lambda: store.forget_removed_articles(db, before=unlisted, limit=batch * 10)
    ):
        pass
    if cut.articles is not None:
        before = cut.articles
        stories = max(1, batch // 2)  # a story has ~2 articles
        highest = 0
        # Weeks of the search index about to go take no delete markers from the removals.
        await step("search weeks", lambda: store.doom_search_weeks(db, before=before))
        while True:
            counts, top = await step(
                "stories",
                lambda: store.remove_old_stories(db, before=before, limit=stories, now=now),
            )
            if not top:
                break
            total += counts
            highest = max(highest, top)
        if highest:
            after = 0
            while subs := store.subscription_ids(db, after=after, limit=SUBSCRIPTION_BATCH):
                gone = await step(
                    "records", partial(store.forget_removed_stories, db, subs, upto=highest)
                )
                total += PruneCounts(records=gone)
                after = subs[-1]
        total += await _repeat(
            step, "texts", lambda: store.empty_old_articles(db, before=before, limit=batch)
        )
        total += await _repeat(
            step,
            "loose",
            lambda: store.remove_old_loose_articles(db, before=before, limit=batch, now=now),
        )
        while await step("search weeks", lambda: store.detach_search_week(db, before=before)):
            total += PruneCounts(search_weeks=1)
        while await step("search drop", lambda: store.drop_search_week_step(db)):
            pass
    if cut.ledger is not None:
        ledger_before = cut.ledger
        total += await _repeat(
            step,
            "ledger",
            lambda: store.remove_old_ledger(db, before=ledger_before, limit=batch * 10),
        )
    start: int | None = 0
    while start is not None:
        counts, start = await step(
            "outbox",
            partial(store.remove_old_outbox, db, before=cut.outbox, after=start, scan=OUTBOX_SCAN),
        )
        total += counts
    start = 0
    while start is not None:
        counts, start = await step(
            "outbox texts",
            partial(
                store.empty_old_outbox_texts,
                db,
                before=cut.outbox_texts,
                after=start,
                scan=OUTBOX_SCAN,
            ),
        )
        total += counts
    left: int | None = None
    while True:  # until no page is free (or none comes back: auto-vacuum is off)
        now_left = await step("vacuum", lambda: store.free_pages(db, vacuum_pages))
        if now_left == 0 or (left is not None and now_left >= left):
            break
        left = now_left
    return total


async def _repeat(step: Step, kind: str, work: Callable[[], PruneCounts]) -> PruneCounts:
    """Run a step until it removes nothing; return the sum of what it removed."""
    total = PruneCounts()
    while (counts := await step(kind, work)) != PruneCounts():
        total += counts
    return total


def prune_sync(db: Database, policy: Policy, **kwargs: Any) -> PruneCounts:
    """Run ``prune`` from code with no event loop (the CLI, scripts)."""
    return asyncio.run(prune(db, policy, **kwargs))
