"""Online backups under write load, checks, restores, and the daily backups kept."""

from __future__ import annotations

import shlex
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import newsbot
from digests import backup, store
from digests.errors import BackupError
from digests.models import ArticleIn
from tests.support import assert_search_index_matches_articles

NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)


def articles(start: int, n: int) -> list[ArticleIn]:
    return [
        ArticleIn(
            url=f"https://news.example/{i}",
            title=f"Headline {i}",
            text=f"Article {i} says something worth keeping. " * 40,
            published=NOW - timedelta(minutes=i),
        )
        for i in range(start, start + n)
    ]


def filled(db_path: Path, n: int = 300) -> Database:
    db = store.open_db(db_path)
    source = store.add_source(db, "https://a.example/feed", title="Outlet A", now=NOW)
    store.save_articles(db, source.id, articles(0, n), now=NOW)
    sub = store.save_subscription(db, 1, "private", now=NOW)
    store.enqueue_digest(db, sub, NOW, ["part one", "part two"], cutoff=NOW, now=NOW)
    return db


def counts(path: Path) -> dict[str, int]:
    """Return the rows of every table of a database file (virtual tables' shadows included)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "select name from sqlite_master where type = 'table' and sql not like"
                " 'CREATE VIRTUAL TABLE%'"
            )
        ]
        return {n: conn.execute(f"select count(*) from [{n}]").fetchone()[0] for n in names}
    finally:
        conn.close()


def test_a_backup_is_the_database_at_one_instant_while_another_connection_writes(
    db_path: Path, tmp_path: Path
) -> None:
    filled(db_path).close()
    before = counts(db_path)
    writer = store.open_db(db_path)
    source = store.find_source(writer, "https://a.example/feed")
    assert source is not None
    steps = []

    def write_between_steps(status: int, remaining: int, total: int) -> None:
        steps.append(remaining)
        store.save_articles(writer, source.id, articles(10_000 + len(steps), 1), now=NOW)

    made = store.backup_database(
        db_path, tmp_path / "copy.db", pages=8, pause=0, progress=write_between_steps
    )
    assert len(steps) > 10  # the copy took many steps, each followed by a write
    assert counts(made.path) == before  # all of it, and nothing written after it began
    assert counts(db_path)["articles"] == before["articles"] + len(steps)
    assert store.check_database(made.path).migrations[-1] == _last_migration()
    writer.close()


def test_a_backup_under_a_writing_thread_restores_with_every_row(
    db_path: Path, tmp_path: Path
) -> None:
    filled(db_path).close()
    stop = threading.Event()
    written = threading.Event()
    failures: list[BaseException] = []

    def write() -> None:
        db = store.open_db(db_path)
        try:
            source = store.find_source(db, "https://a.example/feed")
            assert source is not None
            n = 20_000
            while not stop.is_set():
                store.save_articles(db, source.id, articles(n, 5), now=NOW)
                n += 5
                written.set()
        except BaseException as error:  # reported by the test, not lost in the thread
            failures.append(error)
        finally:
            db.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert written.wait(30)
        made = store.backup_database(db_path, tmp_path / "copy.db", pages=16)
    finally:
        stop.set()
        thread.join()
    assert not failures
    saved = counts(made.path)
    conn = sqlite3.connect(made.path)
    # One instant: the articles are a run of ids, every one of them in the search index.
    first, last, rows = conn.execute("select min(id), max(id), count(*) from articles").fetchone()
    assert last - first + 1 == rows
    indexed = sum(
        conn.execute(f'select count(*) from "{table}_docsize"').fetchone()[0]
        for table in store.searched_tables(conn)
    )
    assert indexed == rows
    conn.close()
    db = store.open_db(db_path)  # the bot goes on: more rows, fewer rows
    db.execute("delete from outbox")
    store.save_articles(db, None, articles(90_000, 3), now=NOW)
    changed = counts(db_path)
    db.close()
    assert changed != saved
    restored = store.restore_database(made.path, db_path)
    assert counts(restored.path) == saved
    assert restored.replaced is not None
    assert restored.replaced.name.startswith(f"{db_path.name}.before-restore-")
    assert counts(restored.replaced) == changed
    again = store.open_db(db_path)  # the bot opens it as usual
    assert_search_index_matches_articles(again)
    assert again.execute("pragma journal_mode").fetchone()[0] == "wal"
    again.close()


def test_restore_refuses_a_damaged_file_and_touches_nothing(db_path: Path, tmp_path: Path) -> None:
    filled(db_path).close()
    made = store.backup_database(db_path, tmp_path / "good.db")
    before = counts(db_path)
    damaged = tmp_path / "damaged.db"
    data = bytearray(made.path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 5 * page):  # garbage in many pages
        data[start + 100 : start + 600] = b"\xa5" * 500
    damaged.write_bytes(bytes(data))
    for bad, reason in (
        (damaged, "damaged"),
        (tmp_path / "missing.db", "no such file"),
        (tmp_path, "a folder, not a backup file: name the file in it"),
    ):
        with pytest.raises(BackupError, match=reason):
            store.restore_database(bad, db_path)
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(made.path.read_bytes()[: 3 * page])
    with pytest.raises(BackupError, match="damaged"):
        store.restore_database(truncated, db_path)
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 50)
    with pytest.raises(BackupError, match="not an SQLite database"):
        store.restore_database(text, db_path)
    assert counts(db_path) == before
    assert not list(db_path.parent.glob("*.before-restore*"))


def test_restore_refuses_another_programs_database_and_a_newer_newsbots(
    db_path: Path, tmp_path: Path
) -> None:
    filled(db_path).close()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.execute("insert into notes (body) values ('hello')")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="not a newsbot database"):
        store.restore_database(other, db_path)
    newer = tmp_path / "newer.db"
    store.backup_database(db_path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at)"
        " values ('newsbot', '099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="newer newsbot"):
        store.restore_database(newer, db_path)


def test_restore_refuses_while_the_bot_holds_the_database(db_path: Path, tmp_path: Path) -> None:
    filled(db_path).close()
    made = store.backup_database(db_path, tmp_path / "good.db")
    hold = store.hold_database(db_path)
    assert hold is not None
    assert store.hold_database(db_path) is None  # a second bot cannot hold it either
    with pytest.raises(BackupError, match="stop it"):
        store.restore_database(made.path, db_path)
    hold.release()
    store.restore_database(made.path, db_path)


def test_a_bot_starting_where_no_folder_is_yet_can_hold_its_database(tmp_path: Path) -> None:
    hold = store.hold_database(tmp_path / "data" / "newsbot.db")
    assert hold is not None
    hold.release()


def test_a_restore_onto_no_database_writes_it(db_path: Path, tmp_path: Path) -> None:
    filled(db_path).close()
    made = store.backup_database(db_path, tmp_path / "good.db")
    fresh = tmp_path / "new" / "newsbot.db"
    assert store.restore_database(made.path, fresh).replaced is None
    assert counts(fresh) == counts(made.path)
    assert not list(fresh.parent.glob("*.before-restore*"))


def test_backup_refuses_a_missing_database_and_a_missing_folder(
    db_path: Path, tmp_path: Path
) -> None:
    with pytest.raises(BackupError, match="no database"):
        store.backup_database(db_path, tmp_path / "copy.db")
    filled(db_path).close()
    with pytest.raises(BackupError, match="no such folder"):
        store.backup_database(db_path, tmp_path / "nowhere" / "copy.db")
    with pytest.raises(BackupError, match="the database itself"):
        store.backup_database(db_path, db_path)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_backup_into_a_folder_that_takes_no_files_names_that_folder(db_path: Path) -> None:
    # /proc refuses new files even to root. The error blamed the database being copied.
    filled(db_path).close()
    with pytest.raises(BackupError) as raised:
        store.backup_database(db_path, Path("/proc/newsbot-copy.db"))
    assert str(raised.value).startswith("/proc: cannot write a file there (")
    assert str(db_path) not in str(raised.value)


def test_backup_replaces_an_older_backup_but_no_other_file(db_path: Path, tmp_path: Path) -> None:
    filled(db_path).close()
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a backup")
    with pytest.raises(BackupError, match="not an SQLite database; not replaced"):
        store.backup_database(db_path, notes)
    assert notes.read_text() == "my notes, not a backup"
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table notes (body text)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match=r"not a newsbot database.*; not replaced"):
        store.backup_database(db_path, other)
    assert counts(other) == {"notes": 0}
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []  # no copy left behind
    older = store.backup_database(db_path, tmp_path / "older.db")
    db = store.open_db(db_path)
    db.execute("delete from outbox")
    db.conn.commit()
    db.close()
    store.backup_database(db_path, older.path)
    assert counts(older.path)["outbox"] == 0


def test_daily_backups_are_made_once_a_day_and_the_newest_kept(
    db_path: Path, tmp_path: Path
) -> None:
    filled(db_path).close()
    folder = tmp_path / "backups"
    (folder).mkdir()
    (folder / "notes.txt").write_text("not a backup: never removed")
    made = []
    for hours in (0, 21, 42, 63):
        result = backup.daily_backup(db_path, folder, keep=2, now=NOW + timedelta(hours=hours))
        assert result.made is not None
        made.append(result.made.path)
    assert made[0].name == "newsbot-20261201-040000.db"
    assert backup.daily_backup(db_path, folder, keep=2, now=NOW + timedelta(hours=70)).made is None
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [made[2].name, made[3].name, "notes.txt"]
    )
    assert counts(made[3]) == counts(db_path)


def cli(db_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(newsbot, ["--db", str(db_path), *args], obj={})
    return result.exit_code, result.output


def test_newsbot_backup_and_restore(db_path: Path, tmp_path: Path) -> None:
    filled(db_path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    code, out = cli(db_path, "backup", str(folder))
    assert code == 0 and "integrity checked" in out
    [made] = folder.iterdir()
    assert made.name.startswith("newsbot-") and made.suffix == ".db"
    code, out = cli(db_path, "backup", str(tmp_path / "named.db"))
    assert code == 0 and (tmp_path / "named.db").is_file()
    db = store.open_db(db_path)
    db.execute("delete from outbox")
    db.close()
    code, out = cli(db_path, "restore", str(made))
    assert code == 0 and ".before-restore" in out
    assert counts(db_path)["outbox"] == 2
    [first] = db_path.parent.glob(f"{db_path.name}.before-restore-*")
    assert counts(first)["outbox"] == 0  # the database before the first restore
    # a second restore, within the same second too, keeps the first one's copy
    code, out = cli(db_path, "restore", str(tmp_path / "named.db"))
    assert code == 0 and f"to undo: newsbot --db {db_path} restore {db_path}.before-restore-" in out
    kept = sorted(db_path.parent.glob(f"{db_path.name}.before-restore-*"))
    assert len(kept) == 2 and first in kept
    assert counts(first)["outbox"] == 0
    code, out = cli(db_path, "restore", str(first))  # undo the first restore
    assert code == 0 and counts(db_path)["outbox"] == 0
    # The undo line printed is a command that works as it stands: it names the database the
    # restore replaced (given here by --db), not DATABASE_PATH's or the default one.
    [undo] = [line for line in out.splitlines() if line.startswith("to undo: ")]
    argv = shlex.split(undo.removeprefix("to undo: "))
    assert argv[:3] == ["newsbot", "--db", str(db_path)]
    result = CliRunner().invoke(newsbot, argv[1:], obj={})
    assert result.exit_code == 0, result.output
    assert counts(db_path)["outbox"] == 2  # the database before that undo, back
    (tmp_path / "junk.db").write_bytes(b"junk" * 1000)
    code, out = cli(db_path, "restore", str(tmp_path / "junk.db"))
    assert code == 1 and "not an SQLite database" in out


def test_newsbot_backup_to_a_path_ending_in_a_slash_writes_into_that_folder(
    db_path: Path, tmp_path: Path
) -> None:
    """``newsbot backup /var/backups/newsbot/`` (the help's own example) names a folder: a
    missing one is refused as a missing folder is, never written as a file named ``newsbot``."""
    filled(db_path).close()
    folder = tmp_path / "backups"
    code, out = cli(db_path, "backup", f"{folder}/")
    assert code == 1 and "no such folder" in out
    assert not folder.exists()
    folder.mkdir()
    code, out = cli(db_path, "backup", f"{folder}/")
    assert code == 0, out
    [made] = folder.iterdir()
    assert made.name.startswith("newsbot-") and counts(made) == counts(db_path)


def _last_migration() -> str:
    """Return the name of the migration this version applies last."""
    return [m.name for m in store.migrations.pending(Database(memory=True))][-1]
