"""Turn BASIL's article triplets into a story-clustering set: three outlets on one event.

BASIL ("In Plain Sight: Media Bias Through the Lens of Factual Reporting", Fan et al., EMNLP
2019; ``github.com/marshallwhiteorg/emnlp19-media-bias`` at ``4a88653``) holds 100 events of
2010-2019, each reported in full text by the New York Times, Fox News and HuffPost (300 articles,
``data/articles/<year>/<triplet-uuid>_<n>.json``: ``title``, ``date``, ``source``, ``main-event``,
``triplet-uuid``, ``body-paragraphs``). The repository has no licence file: the texts are the
outlets', for research use only, and stay outside this repository::

    git clone https://github.com/marshallwhiteorg/emnlp19-media-bias /tmp/basil-repo
    .venv/bin/python bench/basil.py /tmp/basil-repo --out /tmp/basil_set.jsonl
    .venv/bin/python bench/stories.py --set /tmp/basil_set.jsonl --skip-crowd

(the path may be a checkout, its ``data/articles`` folder, or a bare git directory, read at its
``HEAD``). Each triplet is one event (the dataset's own grouping; ``bench/data/basil_check.md``
checks 15 triplets by hand); every article is a ``rewrite`` of it.

Times: the events are years apart, so on their real dates a set would test recall alone (no two
events within a day). They are placed instead so that precision is tested too: each half's
triplets, in the order of ``sha256("basil-" + triplet uuid)``, go ``PER_DAY`` (5) to a day on
consecutive days from ``START``, the k-th of a day (k = 0..4) starting at 06:00 + 3k hours; so
five unrelated events of US politics and news (often the same people: Obama, Trump, Congress)
fall within 12 hours of each other, as on a real news day. An article keeps its own whole days
after its triplet's earliest ``date`` (0 to 4 days in BASIL), and the triplet's articles, in
order of date then outlet (NYT, Fox News, HuffPost), come 50 minutes apart from the event's hour
(the n-th at n × 50 min). A headline left empty is the text's first sentence, cut at 15 words;
a paragraph that only repeats the headline (29 of the 300 texts open with one) is left out.

Split: ``basA`` / ``basB`` by the parity of ``sha256("basil-" + triplet uuid)``, so that a later
round can tune on one half and keep the other unread.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.realsets import write_set
from bench.wikinewssum import first_sentence

OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}
PER_DAY = 5
START = date(2026, 3, 1)
FIRST_HOUR = 6
HOURS_APART = 3
MINUTES_APART = 50


def triplet_key(uuid: str) -> str:
    """Return the hash that orders triplets and splits them into halves."""
    return hashlib.sha256(f"basil-{uuid}".encode()).hexdigest()


def split_of(uuid: str) -> str:
    """Return the triplet's half, ``basA`` or ``basB``."""
    return "basA" if int(triplet_key(uuid), 16) % 2 == 0 else "basB"


def body_text(paragraphs: list[Any], title: str = "") -> str:
    """Return the article's text: a paragraph's sentences joined by spaces, paragraphs by a
    blank line; a paragraph that only repeats the headline is left out."""
    parts = []
    for paragraph in paragraphs:
        sentences = paragraph if isinstance(paragraph, list) else [paragraph]
        joined = " ".join(str(s).replace("\xa0", " ").strip() for s in sentences).strip()
        if joined and joined != title.strip():
            parts.append(joined)
    return "\n\n".join(parts)


def convert(articles: list[dict[str, Any]], *, per_day: int = PER_DAY) -> list[dict[str, Any]]:
    """Return BASIL's articles as rows of the story-clustering set format, placed by the rule
    of the module's docstring (a triplet with fewer than two articles with text is left out)."""
    triplets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in articles:
        if body_text(article.get("body-paragraphs") or []):
            triplets[article["triplet-uuid"]].append(article)
    halves: dict[str, list[str]] = defaultdict(list)
    for uuid in sorted((u for u, got in triplets.items() if len(got) >= 2), key=triplet_key):
        halves[split_of(uuid)].append(uuid)
    rows: list[dict[str, Any]] = []
    for split, uuids in sorted(halves.items()):
        for n, uuid in enumerate(uuids):
            day, slot = divmod(n, per_day)
            event = f"bas{uuid[:8]}"
            hour = datetime.combine(START + timedelta(days=day), datetime.min.time(), UTC)
            hour += timedelta(hours=FIRST_HOUR + HOURS_APART * slot)
            first = min(date.fromisoformat(a["date"]) for a in triplets[uuid])
            ordered = sorted(
                triplets[uuid],
                key=lambda a: (a["date"], list(OUTLETS).index(a["source"].lower())),
            )
            for k, article in enumerate(ordered):
                source = article["source"].lower()
                title = (article.get("title") or "").strip()
                text = body_text(article["body-paragraphs"], title)
                offset = (date.fromisoformat(article["date"]) - first).days
                at = hour + timedelta(days=offset, minutes=MINUTES_APART * k)
                rows.append(
                    {
                        "id": f"{event}-{source}",
                        "split": split,
                        "event": event,
                        "kind": "rewrite",
                        "outlet": OUTLETS[source],
                        "published": at.isoformat().replace("+00:00", "Z"),
                        "title": title or first_sentence(text),
                        "text": text,
                    }
                )
    return sorted(rows, key=lambda r: (r["published"], r["id"]))


def read_articles(path: Path) -> list[dict[str, Any]]:
    """Return every article of a checkout, its ``data/articles`` folder or a git directory."""
    folder = path / "data" / "articles" if (path / "data" / "articles").is_dir() else path
    files = sorted(folder.rglob("*.json"))
    if files:
        return [json.loads(f.read_text(encoding="utf-8")) for f in files]
    archive = subprocess.run(
        ["git", f"--git-dir={path}", "archive", "HEAD", "data/articles"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return [
            json.loads(tar.extractfile(member).read())  # type: ignore[union-attr]
            for member in sorted(tar.getmembers(), key=lambda m: m.name)
            if member.isfile() and member.name.endswith(".json")
        ]


def main() -> None:
    """Write the set file from the dataset."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a checkout, its data/articles or a git dir")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = convert(read_articles(args.path))
    print("\n".join(write_set(rows, args.out)))


if __name__ == "__main__":
    main()
