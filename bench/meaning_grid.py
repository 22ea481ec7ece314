"""Measure word-vector evidence in story clustering: a grid of its two thresholds, scored.

For every (SYNONYM_FLOOR, MEANING_ALONE) of the grid: each seen labelled set clustered alone
(a fresh database, hour by hour through ``stories.assign_stories``) and the 299 BBC originals
(how many stories they form; ``bench/stories.py``'s check), then leave-one-set-out: thresholds
chosen on four sets, scored on the fifth. heldout5.jsonl is never read.

Run: .venv/bin/python bench/meaning_grid.py [--floors 0.6,0.65,...] [--thresholds 0.32,...]
     [--named] [--out grid.json]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from contextlib import redirect_stdout
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stories import (
    ROOT,
    bbc_articles,
    bbc_copies,
    centred,
    cluster_hourly,
    load_labelled,
    score,
)
from digests import store, stories

SETS = {
    "labelled": "labelled.jsonl",
    "heldout": "heldout.jsonl",
    "heldout2": "heldout2.jsonl",
    "heldout3": "heldout3.jsonl",
    "heldout4": "heldout4.jsonl",
}


def scores() -> dict[str, dict[str, int]]:
    """Return per set: rewrite pairs found and all, pairs put together and right, follow-ups."""
    middle = datetime(2026, 3, 3, 12, tzinfo=UTC)
    out: dict[str, dict[str, int]] = {}
    for name, file in SETS.items():
        rows = centred(load_labelled(ROOT / "tests" / "data" / "stories" / file), middle)
        total = {"rh": 0, "rp": 0, "tp": 0, "pp": 0, "fu": 0}
        for split in sorted({r["split"] for r in rows}):
            part = [r for r in rows if r["split"] == split]
            found = score(part, cluster_hourly(store.open_db(":memory:"), part))
            total["rh"] += round(found.rewrite_recall * found.rewrite_pairs)
            total["rp"] += found.rewrite_pairs
            total["tp"] += round(found.precision * found.predicted_pairs)
            total["pp"] += found.predicted_pairs
            total["fu"] += found.followups_joined
        out[name] = total
    return out


def bbc_stories(texts: list[tuple[str, str]]) -> int:
    """Return how many stories the BBC originals form (bench/stories.py's copies check)."""
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        bbc_copies(texts)
    return int(buffer.getvalue().rsplit("form ", 1)[1].split()[0])


def loso(grid: dict[str, Any], base: dict[str, Any], minimum: float, keep_bbc: bool) -> None:
    """Print leave-one-set-out: thresholds chosen on four sets, scored on the fifth."""
    for held in SETS:
        best: tuple[tuple[int, float, float], str] | None = None
        for key, row in grid.items():
            train = [row["sets"][s] for s in SETS if s != held]
            if any(t["tp"] < minimum * t["pp"] - 1e-9 or t["fu"] for t in train):
                continue
            if keep_bbc and row["bbc"] < base["bbc"]:
                continue
            floor, threshold = map(float, key.split("/"))
            rank = (sum(t["rh"] for t in train), floor, threshold)  # ties: the stricter
            if best is None or rank > best[0]:
                best = (rank, key)
        if best is None:
            print(f"  {held}: no thresholds qualify: today's rules, recall unchanged")
            continue
        got, was = grid[best[1]]["sets"][held], base["sets"][held]
        print(
            f"  {held}: chosen {best[1]}: recall {got['rh']}/{got['rp']} = "
            f"{got['rh'] / got['rp']:.3f} (today {was['rh'] / was['rp']:.3f}), precision "
            f"{got['tp']}/{got['pp']} = {got['tp'] / got['pp']:.3f}, BBC stories {grid[best[1]]['bbc']}"
        )


def main() -> None:
    """Run the grid and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--floors", default="0.6,0.65,0.7,0.75,0.8")
    parser.add_argument("--thresholds", default="0.32,0.3,0.28,0.26,0.24,0.22,0.2")
    parser.add_argument("--named", action="store_true", help="meaning only with a shared name")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    texts = bbc_articles() or []
    stories.MEANING_NAMED = args.named
    stories.MEANING_ALONE = 0.0
    base = {"sets": scores(), "bbc": bbc_stories(texts)}
    grid: dict[str, Any] = {}
    for floor in map(float, args.floors.split(",")):
        for threshold in map(float, args.thresholds.split(",")):
            stories.SYNONYM_FLOOR, stories.MEANING_ALONE = floor, threshold
            grid[f"{floor}/{threshold}"] = {"sets": scores(), "bbc": bbc_stories(texts)}
    print("| floor / threshold | " + " | ".join(f"{s} R, P" for s in SETS) + " | BBC stories |")
    print("|---" * (len(SETS) + 2) + "|")
    for key, row in [("today", base), *grid.items()]:
        cells = [f"{t['rh'] / t['rp']:.3f}, {t['tp'] / t['pp']:.3f}" for t in row["sets"].values()]
        print(f"| {key} | " + " | ".join(cells) + f" | {row['bbc']} |")
    for minimum, keep_bbc in ((1.0, False), (0.95, False), (0.95, True)):
        print(
            f"\nLeave one set out: most recall on the other four, precision >= {minimum} on each"
            + (", BBC originals' stories not fewer" if keep_bbc else "")
        )
        loso(grid, base, minimum, keep_bbc)
    if args.out:
        args.out.write_text(json.dumps({"base": base, "grid": grid}), encoding="utf-8")


if __name__ == "__main__":
    main()
