"""Daily upkeep: retention, then the daily backup; one job, soon after start and every day.

- **Retention** (``digests.retention.prune``, with RETENTION_DAYS and LEDGER_RETENTION_DAYS):
  on the event-loop thread like every database job of the bot, one small step at a time,
  each under the bot's lock (no ingestion or processing pass interleaves with it) and each
  followed by a yield to the loop, so that a command arriving meanwhile waits for one step
  at most (a few milliseconds: bench/retention.py).
- **Backup** (``digests.backup.daily_backup``), when BACKUP_DIR is set and its newest backup
  is at least 20 hours old: in a worker thread with its own connection, so the loop goes on;
  the copy is one snapshot and never blocks the bot's writes (WAL). The newest BACKUP_KEEP
  are kept.

Pruning is done once whatever happens to the backup, and the backup is tried even when
pruning failed; a failure of either is raised at the end, so the error handler tells the
admins. The next run tries again.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from bot.state import BotState, Context
from digests import backup, retention
from digests.models import PruneCounts

log = logging.getLogger(__name__)

FIRST_UPKEEP = 600  # seconds after start-up: the bot answers and polls first
UPKEEP_INTERVAL = 24 * 3600


@dataclass(frozen=True, slots=True)
class UpkeepReport:
    """What one upkeep run did: what retention removed, and the backup (None: not set)."""

    pruned: PruneCounts
    backup: backup.DailyBackup | None


async def upkeep_job(context: Context) -> None:
    """Prune, then back up (the daily job)."""
    report = await run_upkeep(context.bot_data)
    pruned = report.pruned
    log.info(
        "retention: %d articles and %d stories removed, %d articles emptied, %d outbox rows,"
        " %d ledger items; %.1f MB given back",
        pruned.articles,
        pruned.stories,
        pruned.emptied,
        pruned.outbox,
        pruned.ledger,
        pruned.bytes_freed / 1e6,
    )
    if report.backup is not None and report.backup.made is not None:
        log.info(
            "backup: %s (%.1f MB), %d old ones removed",
            report.backup.made.path,
            report.backup.made.size / 1e6,
            len(report.backup.removed),
        )


async def run_upkeep(state: BotState, *, now: datetime | None = None) -> UpkeepReport:
    """Run retention, then the daily backup if one is set and due; return what was done."""
    settings = state.settings
    failure: Exception | None = None
    pruned = PruneCounts()
    try:
        pruned = await retention.prune(state.db, settings.retention, now=now, guard=state.lock)
    except Exception as error:  # the backup is still worth making
        log.exception("retention failed")
        failure = error
    if pruned.articles or pruned.emptied:
        state.pages.clear()  # cached pages may show stories that are gone
    made: backup.DailyBackup | None = None
    if settings.backup_dir is not None:
        try:
            made = await asyncio.get_running_loop().run_in_executor(
                None,
                partial(
                    backup.daily_backup,
                    settings.database_path,
                    settings.backup_dir,
                    keep=settings.backup_keep,
                    now=now,
                ),
            )
        except Exception as error:
            log.exception("the daily backup failed")
            failure = failure or error
    if failure is not None:
        raise failure
    return UpkeepReport(pruned, made)
