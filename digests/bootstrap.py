"""Open the database the way every entry point does: migrated, and seeded on first start.

A database with no sources and no articles gets the seed articles of ``seeds/`` and one
processing pass, so that a new user's first ``/latest`` (console or Telegram) shows stories.
The CLI opens it with ``open_database``; the bot, inside its event loop, with
``open_database_async``; both run the one processing pass.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from digests import store
from digests.summary_method import DEFAULT_METHOD

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def _seed(db: Database, seeds: Path) -> bool:
    """Load the seed articles into an empty database; return True when it did."""
    empty = store.count(db, "articles") == 0 and store.count(db, "sources") == 0
    if not empty or not seeds.is_dir():
        return False
    from digests import ingest  # only on a first start: a command on a seeded database

    ingest.load_seeds(db, seeds)
    return True


def open_database(
    path: str | Path, *, seeds: Path = SEEDS_DIR, method: str = DEFAULT_METHOD
) -> Database:
    """Open (creating, migrating) the database; seed and process it on first start.

    ``method`` is the summary method the caller reads with (``SUMMARY_METHOD``).
    """
    db = store.open_db(path)
    if _seed(db, seeds):
        from digests import process  # sumy, numpy, nltk: loaded for the first start only

        process.process_pending_sync(db, method=method, workers=1)
    return db


async def open_database_async(
    path: str | Path, *, seeds: Path = SEEDS_DIR, method: str = DEFAULT_METHOD
) -> Database:
    """Open the database from inside a running event loop (the bot's start-up)."""
    db = store.open_db(path)
    if _seed(db, seeds):
        from digests import process

        await process.process_pending(db, method=method, workers=1)
    return db
