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
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.migration_copy import rewrite, timed, window_before
from digests import extract
from digests.mojibake import _SINGLE

MIGRATION = "046_text_encoded_twice_read_back"


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
    with window_before(args.window, MIGRATION) as db:
        count = db.execute("select count(*) from articles").fetchone()[0]
        if args.share:
            start = time.perf_counter()
            step = round(1 / args.share)
            ids = [row[0] for row in db.execute("select id from articles order by id")][::step]
            mangled = 0

            def encoded_twice(chunk: list[int]) -> None:
                nonlocal mangled
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
                db.conn.executemany("update articles set title = ?, text = ? where id = ?", changes)

            rewrite(db, ids, encoded_twice)
            print(
                f"{mangled:,} of {len(ids):,} articles picked encoded twice (the others ASCII):"
                f" {time.perf_counter() - start:.1f} s"
            )
        wall, cpu, before, after = timed(db, MIGRATION)
        left = db.execute(
            "select count(*) from articles where text like '%Ã%' or text like '%â€%'"
        ).fetchone()[0]
        print(
            f"migration 046 on {count:,} articles: {wall:.1f} s wall, {cpu:.1f} s CPU;"
            f" peak memory {before:.0f} MB before, {after:.0f} MB after;"
            f" texts with 'Ã' or 'â€' left: {left:,}"
        )


if __name__ == "__main__":
    main()
