"""Long look-alikes: how many pairs of different events' long reports story clustering joins.

The 300 BBC articles of ../shared/bench-data/summaries (skipped when absent) are 300
events of five beats (business, entertainment, politics, sport, tech), 160-1,000 words
each: as long as the pages the bot fetches when a feed gives only a teaser. Each beat's
articles are published on one day, spread evenly over its 24 hours, each by an outlet of
its own, and clustered an hour at a time by ``stories.assign_stories`` (as
bench/stories.py clusters a labelled set). Two articles of a beat on one day are
look-alikes: the same cast, places and subject, another event. Every pair put in one story
is counted a wrong join (the data holds a few near-duplicate articles, which count so too:
compare two versions of the rules, not a figure with zero). Two articles with one title
are stored once (the first).

Run: .venv/bin/python bench/long_lookalikes.py [--show]
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stories import BBC, cluster_hourly, score
from digests import store

DAY = datetime(2026, 3, 3, tzinfo=UTC)


def rows() -> list[dict[str, object]]:
    """Return the BBC articles as labelled rows, each its own event, a beat's on one day."""
    beats: dict[str, list[tuple[str, str, str]]] = {}
    seen: set[str] = set()
    for path in sorted(BBC.glob("*.article.txt")):
        title, _, text = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        if title.strip() in seen:
            continue
        seen.add(title.strip())
        name = path.name.split(".")[0]
        beats.setdefault(name.split("_")[0], []).append((name, title.strip(), text.strip()))
    out: list[dict[str, object]] = []
    for articles in beats.values():
        for i, (name, title, text) in enumerate(articles):
            out.append(
                {
                    "id": name,
                    "split": "bbc",
                    "event": name,
                    "kind": "rewrite",
                    "outlet": name,
                    "published": DAY + timedelta(hours=24) * i / len(articles),
                    "title": title,
                    "text": text,
                }
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print the pairs joined")
    args = parser.parse_args()
    if not BBC.is_dir():
        print(f"no BBC articles at {BBC}: skipped")
        return
    found = rows()
    scored = score(found, cluster_hourly(store.open_db(":memory:"), found))
    titles = {r["id"]: r["title"] for r in found}
    print(f"{len(found)} long articles of different events; pairs joined: {scored.predicted_pairs}")
    if args.show:
        for a, b in sorted(map(sorted, scored.false_pairs)):
            print(f"  {a} + {b}: {titles[a]!r} / {titles[b]!r}")


if __name__ == "__main__":
    main()
