"""The daily upkeep job in the real Application: retention, then the backup."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot import upkeep
from bot.app import build_application, running
from bot.config import Settings
from bot.offline import OfflineTelegram
from digests import backup, read, store
from digests.errors import BackupError
from digests.models import ArticleIn

ADMIN = 4242


def settings(tmp_path: Path, **changes: object) -> Settings:
    values: dict[str, object] = {
        "token": "123:ABC",
        "admin_ids": frozenset({ADMIN}),
        "database_path": tmp_path / "bot.db",
        "backup_dir": tmp_path / "backups",
        "backup_keep": 2,
    }
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]


def add_article(db: Database, n: int, age: timedelta) -> int:
    now = store.utcnow()
    item = ArticleIn(
        url=f"https://news.example/{n}",
        title=f"Headline {n}",
        text=f"What happened, number {n}. " * 30,
        published=now - age,
    )
    [article_id] = store.save_articles(db, None, [item], now=now - age).new_ids
    story = store.new_story(db, item.title, now - age)
    store.attach_to_story(db, article_id, story, now - age)
    return article_id


async def test_the_daily_job_prunes_then_backs_up_through_the_job_queue(tmp_path: Path) -> None:
    app = build_application(settings(tmp_path), OfflineTelegram(), workers=1)
    async with running(app):
        state = app.bot_data
        assert app.job_queue is not None
        [job] = app.job_queue.get_jobs_by_name("upkeep")
        assert job.job.trigger.interval == timedelta(seconds=upkeep.UPKEEP_INTERVAL)
        old = add_article(state.db, 1, timedelta(days=200))
        young = add_article(state.db, 2, timedelta(days=3))
        await job.run(app)
        assert store.get_article(state.db, old) is None
        assert store.get_article(state.db, young) is not None
        assert store.count(state.db, "articles") == 2  # the young one and the seed article
        [(_, made)] = backup.backups(tmp_path / "backups")
        assert store.check_database(made).migrations[-1] == _last_migration()
        await job.run(app)  # a second run the same day: nothing to prune, no second backup
        assert len(backup.backups(tmp_path / "backups")) == 1
        # The running bot holds its database: a restore is refused.
        with pytest.raises(BackupError, match="stop it"):
            store.restore_database(made, state.settings.database_path)
    store.restore_database(made, tmp_path / "bot.db")  # stopped: it may


async def test_retention_waits_for_a_running_pass_and_lets_commands_in(tmp_path: Path) -> None:
    app = build_application(settings(tmp_path, backup_dir=None), OfflineTelegram(), workers=1)
    async with running(app):
        state = app.bot_data
        ids = [add_article(state.db, n, timedelta(days=200)) for n in range(120)]
        steps: list[int] = []
        async with state.lock:  # an ingestion or processing pass is running
            task = asyncio.create_task(upkeep.run_upkeep(state))
            for _ in range(5):
                await asyncio.sleep(0)
            assert store.get_article(state.db, ids[0]) is not None  # it waits for the pass
        while not task.done():  # between its steps, other work (a command) gets the loop
            steps.append(store.count(state.db, "articles"))
            read.latest(state.db)
            await asyncio.sleep(0)
        report = await task
        assert report.pruned.articles == 120 and report.backup is None
        assert len(set(steps)) > 2  # it went in steps, and the loop ran between them
        assert store.count(state.db, "articles") == 1  # the seed article


async def test_a_failed_backup_is_raised_after_pruning(tmp_path: Path) -> None:
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the folder should be")
    app = build_application(settings(tmp_path), OfflineTelegram(), workers=1)
    async with running(app):
        state = app.bot_data
        old = add_article(state.db, 1, timedelta(days=200))
        with pytest.raises(OSError):
            await upkeep.run_upkeep(state)
        assert store.get_article(state.db, old) is None


def _last_migration() -> str:
    """Return the name of the migration this version applies last."""
    return [m.name for m in store.migrations.pending(Database(memory=True))][-1]
