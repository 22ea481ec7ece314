"""Daily backups: one a day in ``BACKUP_DIR``, the newest ``BACKUP_KEEP`` kept.

Files are named ``newsbot-YYYYmmdd-HHMMSS.db`` (UTC) so that their names sort by age, and
only files named so are ever deleted from the folder. A backup is due when the newest there
is at least ``DUE_AFTER`` old: the daily job also runs after each start of the bot, and
restarts must not multiply backups. Each is made by ``store.backup_database`` (online, one
consistent snapshot, checked before it takes its name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from digests import store
from digests.store import DatabaseFile

NAME_FORMAT = "newsbot-%Y%m%d-%H%M%S.db"
_NAME = re.compile(r"^newsbot-(\d{8}-\d{6})\.db$")
DUE_AFTER = timedelta(hours=20)


@dataclass(frozen=True, slots=True)
class DailyBackup:
    """What a daily backup did: the file made (None: not due yet) and the old ones removed."""

    made: DatabaseFile | None
    removed: tuple[Path, ...] = ()


def backup_name(now: datetime) -> str:
    """Return the file name of a backup made at ``now``."""
    return now.astimezone(UTC).strftime(NAME_FORMAT)


def backups(folder: Path) -> list[tuple[datetime, Path]]:
    """Return the daily backups in a folder with their times, oldest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            moment = datetime.strptime(match[1], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            found.append((moment, path))
    return sorted(found)


def is_due(folder: Path, now: datetime) -> bool:
    """Return True when the folder has no backup made less than DUE_AFTER before ``now``."""
    made = backups(folder)
    return not made or now - made[-1][0] >= DUE_AFTER


def daily_backup(
    database: Path, folder: Path, *, keep: int, now: datetime | None = None
) -> DailyBackup:
    """Back the database up into the folder if due, then keep only the ``keep`` newest."""
    moment = now or store.utcnow()
    if not is_due(folder, moment):
        return DailyBackup(None)
    folder.mkdir(parents=True, exist_ok=True)
    made = store.backup_database(database, folder / backup_name(moment))
    old = backups(folder)[: -max(1, keep)]
    for _, path in old:
        path.unlink(missing_ok=True)
    return DailyBackup(made, tuple(path for _, path in old))
