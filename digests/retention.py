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
- **Ingest** saves no article published before the articles' cutoff (``horizon``).
- **The allegations ledger** keeps each item, with its own copy of its article's story,
  link, outlet and date, until the item is ``LEDGER_RETENTION_DAYS`` old (empty or 0, the
  default: for ever), whether or not the article is still stored.
- **Outbox rows** of digests sent (or given up) more than ``OUTBOX_DAYS`` (14) ago go, once
  no part of their digest waits; a live post keeps its message id, so later edits find it.
- **Space comes back**: the database uses incremental auto-vacuum (``store.open_db``), and
  the pages freed go back to the file system ``VACUUM_PAGES`` at a time.

Every step is one small transaction (``BATCH`` rows), and between steps ``prune`` yields to
the event loop, so that a command arriving meanwhile waits for one step at most; a step runs
inside ``guard`` when one is given (the bot's lock, so that no ingestion or processing pass
interleaves with it). ``bench/retention.py`` measures the steps and ``/latest`` during them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
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
# Rows per step: removing 50 old articles (text, search entries, summaries) takes a few ms.
BATCH = 50
# Subscriptions whose records of removed stories one step reads.
SUBSCRIPTION_BATCH = 200
# Outbox rows one step reads.
OUTBOX_SCAN = 500
# Pages one vacuum step gives back (1 MB with 4 KiB pages; about 2-5 ms).
VACUUM_PAGES = 256


@dataclass(frozen=True, slots=True)
class Policy:
    """How long things are kept, in days (None: for ever)."""

    articles_days: int | None = RETENTION_DAYS
    ledger_days: int | None = None
    outbox_days: int = OUTBOX_DAYS


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """What was published (or, for the outbox, created) before these times goes."""

    articles: datetime | None
    ledger: datetime | None
    outbox: datetime


def cutoffs(policy: Policy, now: datetime) -> Cutoffs:
    """Return the times before which a prune at ``now`` removes things."""

    def before(days: int | None) -> datetime | None:
        return None if days is None else now - timedelta(days=days)

    return Cutoffs(
        articles=before(policy.articles_days),
        ledger=before(policy.ledger_days),
        outbox=now - timedelta(days=policy.outbox_days),
    )


def _days(env: Mapping[str, str], key: str, default: int | None) -> int | None:
    value = env.get(key, "").strip()
    if not value:
        return default
    try:
        days = int(value)
    except ValueError:
        raise ValueError(f"{key}: must be a whole number of days, not {value!r}") from None
    if days < 0:
        raise ValueError(f"{key}: must be 0 (keep for ever) or a number of days")
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
        db, articles_before=cut.articles, ledger_before=cut.ledger, outbox_before=cut.outbox
    )


async def prune(
    db: Database,
    policy: Policy,
    *,
    now: datetime | None = None,
    batch: int = BATCH,
    vacuum_pages: int = VACUUM_PAGES,
    guard: AbstractAsyncContextManager[Any] | None = None,
    on_step: Callable[[str], object] | None = None,
) -> PruneCounts:
    """Remove what the policy no longer keeps, a step at a time; return what went.

    ``guard`` is entered around each step (the bot passes its lock); ``on_step`` is called
    after each with the step's kind ("stories", "texts", "loose", "records", "outbox",
    "ledger", "vacuum"), as the benchmark times them.
    """
    cut = cutoffs(policy, now or store.utcnow())
    size_before = store.database_bytes(db)

    async def step(kind: str, work: Callable[[], T]) -> T:
        async with guard if guard is not None else nullcontext():
            result = work()
        if on_step is not None:
            on_step(kind)
        await asyncio.sleep(0)  # a command waiting now runs before the next step
        return result

    total = PruneCounts()
    if cut.articles is not None:
        before = cut.articles
        highest = 0
        while True:
            counts, top = await step(
                "stories", lambda: store.remove_old_stories(db, before=before, limit=batch)
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
            step, "loose", lambda: store.remove_old_loose_articles(db, before=before, limit=batch)
        )
    if cut.ledger is not None:
        ledger_before = cut.ledger
        total += await _repeat(
            step, "ledger", lambda: store.remove_old_ledger(db, before=ledger_before, limit=batch)
        )
    start: int | None = 0
    while start is not None:
        counts, start = await step(
            "outbox",
            partial(store.remove_old_outbox, db, before=cut.outbox, after=start, scan=OUTBOX_SCAN),
        )
        total += counts
    left: int | None = None
    while True:  # until no page is free (or none comes back: auto-vacuum is off)
        now_left = await step("vacuum", lambda: store.free_pages(db, vacuum_pages))
        if now_left == 0 or (left is not None and now_left >= left):
            break
        left = now_left
    freed = max(0, size_before - store.database_bytes(db))
    return total + PruneCounts(bytes_freed=freed)


async def _repeat(
    step: Callable[[str, Callable[[], PruneCounts]], Any],
    kind: str,
    work: Callable[[], PruneCounts],
) -> PruneCounts:
    """Run a step until it removes nothing; return the sum of what it removed."""
    total = PruneCounts()
    while (counts := await step(kind, work)) != PruneCounts():
        total += counts
    return total


def prune_sync(db: Database, policy: Policy, **kwargs: Any) -> PruneCounts:
    """Run ``prune`` from code with no event loop (the CLI, scripts)."""
    return asyncio.run(prune(db, policy, **kwargs))
