"""Shared fixtures: a clean environment, real SQLite databases, the seed directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import SETTINGS_KEYS
from digests import store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# Every setting the project reads (bot.config.SETTINGS_KEYS, the keys of .env.example).
PROJECT_VARIABLES = tuple(sorted(SETTINGS_KEYS))


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
