"""Online backups and restores of the database file, through SQLite's backup API.

- **Backup** (``backup_database``): a connection of its own opens one read transaction on
  the database, which pins a snapshot, and copies it ``BACKUP_PAGES`` pages at a time into a
  temporary file beside the target. The database is always in WAL mode (``open_db``), so a
  reader never blocks writers: the bot goes on saving and sending while the copy is made,
  and the copy is the database as it was at one instant. (Copying in steps *without* a
  pinned snapshot would start over whenever another connection writes, and under steady
  writes might never end.) The copy is then checked (``check_database``) and renamed onto
  the target, so a target file is only ever replaced by a good copy.
- **Check** (``check_database``): the file must be an SQLite database that passes
  ``PRAGMA integrity_check`` and the search index's own integrity check, and holds newsbot's
  migrations, none of them unknown to this version (a file from a newer newsbot).
- **Restore** (``restore_database``): refused while a bot or console holds the database
  (``hold_database``), or when the file fails the check; nothing is touched then. Otherwise
  the file is copied (backup API) into a temporary file beside the database and checked
  again; the current database, its write-ahead log folded in, is kept as
  ``PATH.before-restore-YYYYMMDD-HHMMSS`` (UTC; ``-2``, ``-3`` ... added when that name is
  taken), so a second restore keeps the first one's too; and the copy is renamed onto
  ``PATH`` in one atomic step.
- **Who is running** (``hold_database``): the bot holds an exclusive ``flock`` on
  ``PATH.bot-lock`` while it runs (released by the system when the process ends, however it
  ends), so a restore can tell.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from digests.errors import BackupError
from digests.store.schema import known_migrations, migrations
from digests.store.search_index import check_search_index

try:
    import fcntl
except ImportError:  # Windows: no flock; a restore cannot tell whether the bot runs
    fcntl = None  # type: ignore[assignment]

# Pages copied per backup step (4 MB with 4 KiB pages), and the pause between steps.
BACKUP_PAGES = 1024
BACKUP_PAUSE = 0.001
_HEADER = b"SQLite format 3\x00"
Progress = Callable[[int, int, int], object]


@dataclass(frozen=True, slots=True)
class DatabaseFile:
    """A checked database file: its size and the newsbot migrations it has."""

    path: Path
    size: int
    migrations: tuple[str, ...]
    replaced: Path | None = None  # after a restore: where the database it replaced is kept


def _temporary(beside: Path, purpose: str) -> Path:
    return beside.with_name(f".{beside.name}.{purpose}-{os.getpid()}.tmp")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def check_database(path: Path, *, search_index: bool = True) -> DatabaseFile:
    """Return what a database file holds; raise BackupError when it is not a good newsbot one.

    ``search_index`` also runs the search index's own check, which needs a writable file.
    """
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path}: a folder, not a backup file: name the file in it to restore")
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    with path.open("rb") as handle:
        if handle.read(len(_HEADER)) != _HEADER:
            raise BackupError(f"{path}: not an SQLite database")
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error as error:
        raise BackupError(f"{path}: cannot be opened: {error}") from None
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise BackupError(f"{path}: damaged: {'; '.join(problems[:3])}")
        tables = {row[0] for row in conn.execute("select name from sqlite_master")}
        if not {"_sqlite_migrations", "articles", "sources"} <= tables:
            raise BackupError(f"{path}: not a newsbot database (no newsbot tables)")
        names = tuple(
            row[0]
            for row in conn.execute(
                "select name from _sqlite_migrations where migration_set = ? order by rowid",
                [migrations.name],
            )
        )
        if not names:
            raise BackupError(f"{path}: not a newsbot database (no newsbot migrations)")
        unknown = [name for name in names if name not in known_migrations()]
        if unknown:
            raise BackupError(
                f"{path}: made by a newer newsbot (unknown migration {unknown[0]}): upgrade first"
            )
        if search_index:
            check_search_index(conn)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: damaged: {error}") from None
    finally:
        conn.close()
    return DatabaseFile(path, path.stat().st_size, names)


def _copy(
    source: sqlite3.Connection,
    target: Path,
    *,
    pages: int,
    pause: float,
    progress: Progress | None = None,
) -> None:
    """Copy the source connection's database into a new file, one pinned snapshot."""
    _remove(target)
    wal = source.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    if wal:
        # A read transaction pins the snapshot the steps copy (see the module's docstring).
        source.execute("BEGIN")
        source.execute("select count(*) from sqlite_master").fetchone()
    copy = sqlite3.connect(target)
    try:
        source.backup(copy, pages=pages, sleep=pause, progress=progress)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        copy.close()
        if wal:
            source.rollback()


def backup_database(
    source: Path,
    target: Path,
    *,
    pages: int = BACKUP_PAGES,
    pause: float = BACKUP_PAUSE,
    progress: Progress | None = None,
) -> DatabaseFile:
    """Copy the database at ``source`` to ``target`` while others use it; check the copy.

    The target file, if any, is replaced only once the new copy passed its check, and only
    when it is itself a newsbot database (an older backup): any other file is refused, so a
    mistyped PATH loses nothing.
    ``progress`` is called after each step as SQLite's backup calls it (status, pages left,
    pages in all).
    """
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise BackupError(f"{source}: no database there")
    if source.resolve() == target.resolve():
        raise BackupError(f"{target}: that is the database itself")
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent}: no such folder")
    if target.exists():
        try:
            check_database(target, search_index=False)
        except BackupError as error:
            raise BackupError(f"{error}; not replaced: remove it or name another file") from None
    temporary = _temporary(target, "backup")
    try:
        temporary.touch(exist_ok=False)  # a folder that takes no file is named, not the source
    except OSError as error:
        raise BackupError(
            f"{target.parent}: cannot write a file there ({error.strerror or error})"
        ) from None
    try:
        conn = sqlite3.connect(source, timeout=10)
        try:
            _copy(conn, temporary, pages=pages, pause=pause, progress=progress)
        except sqlite3.Error as error:
            raise BackupError(f"{source}: cannot be copied: {error}") from None
        finally:
            conn.close()
        checked = check_database(temporary)
        os.replace(temporary, target)
    finally:
        _remove(temporary)
    return DatabaseFile(target, checked.size, checked.migrations)


class DatabaseHold:
    """An exclusive hold on a database by a running bot (see ``hold_database``)."""

    def __init__(self, handle: IO[str] | None) -> None:
        self._handle = handle

    def release(self) -> None:
        """Let the database go (the bot stopped)."""
        if self._handle is not None:
            if fcntl is not None:
                fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def hold_database(path: Path) -> DatabaseHold | None:
    """Hold the database for a running bot; None when another process holds it already.

    Where the system has no ``flock`` (Windows) every hold succeeds: nothing can tell.
    """
    if fcntl is None:
        return DatabaseHold(None)
    Path(path).parent.mkdir(parents=True, exist_ok=True)  # a first start: nothing there yet
    handle = Path(f"{path}.bot-lock").open("a")  # noqa: SIM115 (held until release)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return DatabaseHold(handle)


def restore_database(backup: Path, database: Path) -> DatabaseFile:
    """Replace the database with a checked copy of a backup; keep the old one beside it.

    Raises BackupError, touching nothing, when the backup fails its check or a bot holds
    the database. Returns the restored database file; ``replaced`` names the file that keeps
    the old one (``PATH.before-restore-<UTC time>``; None when there was no database).
    """
    backup, database = Path(backup), Path(database)
    if database.exists() and backup.resolve() == database.resolve():
        raise BackupError(f"{backup}: that is the database itself")
    check_database(backup, search_index=False)  # its copy gets the whole check below
    database.parent.mkdir(parents=True, exist_ok=True)
    hold = hold_database(database)
    if hold is None:
        raise BackupError(
            f"{database}: a newsbot bot or console is using it: stop it, then restore"
        )
    temporary = _temporary(database, "restore")
    try:
        conn = sqlite3.connect(backup, timeout=10)
        try:
            _copy(conn, temporary, pages=-1, pause=0)
        except sqlite3.Error as error:
            raise BackupError(f"{backup}: cannot be copied: {error}") from None
        finally:
            conn.close()
        restored = check_database(temporary)
        kept = _keep_before_restore(database) if database.exists() else None
        os.replace(temporary, database)
    finally:
        _remove(temporary)
        hold.release()
    return DatabaseFile(database, restored.size, restored.migrations, kept)


def _keep_before_restore(database: Path) -> Path:
    """Make the current database one whole file and keep it under a name no file has yet."""
    conn = sqlite3.connect(database, timeout=10)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    for side in ("-wal", "-shm"):
        leftover = Path(f"{database}{side}")
        if leftover.exists() and (busy or (side == "-wal" and leftover.stat().st_size)):
            raise BackupError(f"{database}: in use by another process: stop it, then restore")
        _remove(leftover)
    kept = _before_restore_name(database)
    try:
        os.link(database, kept)  # the same file under a second name: no copy, no gap
    except OSError:
        copy = sqlite3.connect(database)
        try:
            _copy(copy, kept, pages=-1, pause=0)
        finally:
            copy.close()
    return kept


def _before_restore_name(database: Path) -> Path:
    """Return ``PATH.before-restore-YYYYMMDD-HHMMSS`` (UTC), with -2, -3 ... if that is taken."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name = Path(f"{database}.before-restore-{stamp}")
    count = 1
    while name.exists():
        count += 1
        name = Path(f"{database}.before-restore-{stamp}-{count}")
    return name
