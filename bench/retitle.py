"""Migration 044 on a copy of a large window: time and peak memory.

Run: .venv/bin/python bench/retitle.py WINDOW.db [--suffix " - Filler"]

Copies the window (the original is never changed), brings the copy to migration 043 (timed
apart), and with ``--suffix`` writes that ending after every title of the copy (as a feed that
named its outlet after each headline stored them before the rule), its search entries made
again (the matcher's terms and summaries stay those of the titles without it: migration 044
makes them again all the same), then applies
migration 044 alone through ``store.migrations.apply``, as ``open_db`` does: its wall time, CPU
time, and the process's peak resident memory before and after it (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.migration_copy import rewrite, timed, window_before

MIGRATION = "044_titles_without_outlet_suffixes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("window", type=Path)
    parser.add_argument("--suffix", help="an ending written after every title first")
    args = parser.parse_args()
    with window_before(args.window, MIGRATION) as db:
        count = db.execute("select count(*) from articles").fetchone()[0]
        if args.suffix:
            start = time.perf_counter()
            ids = [row[0] for row in db.execute("select id from articles order by id")]

            def suffixed(chunk: list[int]) -> None:
                marks = ",".join("?" * len(chunk))
                db.execute(
                    f"update articles set title = title || ? where id in ({marks})",
                    [args.suffix, *chunk],
                )

            rewrite(db, ids, suffixed)
            print(f"suffix written after {count:,} titles: {time.perf_counter() - start:.1f} s")
        wall, cpu, before, after = timed(db, MIGRATION)
        cut = db.execute("select count(*) from articles where title like ?", ["% - %"]).fetchone()
        print(
            f"migration 044 on {count:,} articles: {wall:.1f} s wall, {cpu:.1f} s CPU;"
            f" peak memory {before:.0f} MB before, {after:.0f} MB after;"
            f" titles with ' - ' left: {cut[0]:,}"
        )


if __name__ == "__main__":
    main()
