"""What the real-set converters share: writing a set file and saying what is in it.

``bench/wikinewssum.py``, ``bench/allsides.py``, ``bench/basil.py`` and ``bench/ecbplus.py``
turn outlets' texts (kept outside the repository) into the story-clustering set format that
``bench/stories.py --set`` scores.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_set(rows: Iterable[dict[str, Any]], path: Path) -> list[str]:
    """Write the rows as JSON lines and return one line per split: articles, events and days."""
    rows = list(rows)
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    summary = []
    for split in sorted({r["split"] for r in rows}):
        part = [r for r in rows if r["split"] == split]
        events = {r["event"] for r in part}
        days = {r["published"][:10] for r in part}
        summary.append(f"{split}: {len(part)} articles, {len(events)} events, {len(days)} days")
    return summary
