"""Shared fixtures: a clean environment, real SQLite databases, the seed directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from digests import store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

PROJECT_VARIABLES = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "ADMIN_IDS",
    "DATABASE_PATH",
    "TZ",
    "DIGEST_TIME",
    "INGEST_INTERVAL",
    "SUMMARY_METHOD",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "PORT",
    "LOG_LEVEL",
    "ALLOW_PRIVATE_SOURCES",
    "METRICS_PORT",
    "METRICS_HOST",
    "METRICS_TOKEN",
    "FETCH_PER_HOST",
    "FETCH_HOST_GAP",
    "FETCH_MAX_MB",
    "RETENTION_DAYS",
    "LEDGER_RETENTION_DAYS",
    "BACKUP_DIR",
    "BACKUP_KEEP",
    "LANGUAGE",
)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test without the project's settings from the caller's environment."""
    for name in PROJECT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    # PTB 22 warns (an error under our filterwarnings) when it builds RetryAfter without this.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
def db() -> Iterator[Database]:
    """Return a fresh in-memory database with the whole schema."""
    database = store.open_db(":memory:")
    yield database
    database.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Return the path of a not yet created database file."""
    return tmp_path / "newsbot.db"
