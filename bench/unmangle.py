"""Migration 046 on a copy of a large window: time and peak memory.

Run: .venv/bin/python bench/unmangle.py WINDOW.db [--share 0.01]

Copies the window (the original is never changed), brings the copy to migration 045 (timed
apart), and with ``--share`` stores that share of its articles (every n-th id) as ingest
stored them before it read text encoded twice back: title and text encoded twice
(windows-1252) and cleaned without the read-back, their search entries made again (the
matcher's terms and summaries stay: migration 046 makes them again all the same); then
applies migration 046 alone through ``store.migrations.apply``, as ``open_db`` does: its wall
time, CPU time, and the process's peak resident memory before and after it (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlite_utils import Database

from bench.host import machine
from digests import extract, store
from digests.mojibake import _SINGLE
from digests.store.retitle import CHUNK
from digests.store.search_index import index_articles, unindex_articles

MIGRATION = "046_text_encoded_twice_read_back"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stored_before(text: str) -> str:
    """Return text encoded twice as ingest stored it before the read-back."""
    twice = "".join(_SINGLE[b] for b in text.encode("utf-8"))
    kept, extract.unmangled = extract.unmangled, lambda value: value  # type: ignore[attr-defined]
    try:
        return extract.clean_text(twice)
    finally:
        extract.unmangled = kept  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("window", type=Path)
    parser.add_argument("--share", type=float, default=0.0, help="share of articles mangled")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(dir="/tmp") as scratch:
        path = Path(scratch) / "window.db"
        shutil.copyfile(args.window, path)
        db = Database(sqlite3.connect(str(path)))
        start = time.perf_counter()
        store.migrations.apply(db, stop_before=MIGRATION)
        db.conn.commit()
        print(f"to migration 045: {time.perf_counter() - start:.1f} s")
        count = db.execute("select count(*) from articles").fetchone()[0]
        mangled = 0
        if args.share:
            start = time.perf_counter()
            step = round(1 / args.share)
            ids = [row[0] for row in db.execute("select id from articles order by id")][::step]
            for first in range(0, len(ids), CHUNK):
                chunk = ids[first : first + CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"select id, title, text from articles where id in ({marks})", chunk
                ).fetchall()
                changes = [
                    (stored_before(title), stored_before(text), i)
                    for i, title, text in rows
                    if not (title + text).isascii()
                ]
                mangled += len(changes)
                unindex_articles(db.conn, chunk)
                db.conn.executemany("update articles set title = ?, text = ? where id = ?", changes)
                index_articles(db.conn, chunk)
            db.conn.commit()
            print(
                f"{mangled:,} of {len(ids):,} articles picked encoded twice (the others ASCII):"
                f" {time.perf_counter() - start:.1f} s"
            )
        before = peak_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        store.migrations.apply(db)
        db.conn.commit()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        left = db.execute(
            "select count(*) from articles where text like '%Ã%' or text like '%â€%'"
        ).fetchone()[0]
        print(
            f"migration 046 on {count:,} articles: {wall:.1f} s wall, {cpu:.1f} s CPU;"
            f" peak memory {before:.0f} MB before, {peak_mb():.0f} MB after;"
            f" texts with 'Ã' or 'â€' left: {left:,}"
        )
        db.close()


if __name__ == "__main__":
    main()
