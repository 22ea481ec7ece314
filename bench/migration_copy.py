"""A migration timed on a copy of a large window: ``bench/retitle.py``, ``bench/unmangle.py``.

The window is copied (the original is never changed) and the copy brought to the migration
before the one measured (timed apart); the caller rewrites articles of the copy as an older
version stored them (``rewrite``: the search index made again for them), then ``timed`` applies
the measured migration alone through ``store.migrations.apply``, as ``open_db`` does.
"""

from __future__ import annotations

import resource
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from bench.host import machine
from digests import store
from digests.store.retitle import CHUNK
from digests.store.search_index import index_articles, unindex_articles


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def window_before(window: Path, migration: str) -> Iterator[Database]:
    """Yield a copy of the window brought to the migration before ``migration``."""
    print(machine())
    with tempfile.TemporaryDirectory(dir="/tmp") as scratch:
        path = Path(scratch) / "window.db"
        shutil.copyfile(window, path)
        db = Database(sqlite3.connect(str(path)))
        start = time.perf_counter()
        store.migrations.apply(db, stop_before=migration)
        db.conn.commit()
        print(f"to migration {int(migration[:3]) - 1:03d}: {time.perf_counter() - start:.1f} s")
        try:
            yield db
        finally:
            db.close()


def rewrite(db: Database, ids: list[int], change: Callable[[list[int]], None]) -> None:
    """Change the articles ``ids``, ``CHUNK`` at a time, their search entries made again."""
    for first in range(0, len(ids), CHUNK):
        chunk = ids[first : first + CHUNK]
        unindex_articles(db.conn, chunk)
        change(chunk)
        index_articles(db.conn, chunk)
    db.conn.commit()


def timed(db: Database, migration: str) -> tuple[float, float, float, float]:
    """Apply ``migration`` alone; return its wall and CPU seconds and the process's peak
    memory (MB) before and after it."""
    names = [m.name for m in store.migrations._migrations]
    later = names[names.index(migration) + 1 :]
    before = peak_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    store.migrations.apply(db, stop_before=later[0] if later else None)
    db.conn.commit()
    return time.perf_counter() - wall, time.process_time() - cpu, before, peak_mb()
