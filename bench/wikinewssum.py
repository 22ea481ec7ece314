"""Turn WikinewsSum's English sources and their labels into a story-clustering set.

WikinewsSum (github.com/airKlizz/WikinewsSum, MIT; ``cleaned_endataset.json`` at commit
``1d98503``) keeps 101 English Wikinews articles of November 2004 - January 2005, each with the
news articles it cites as its sources, as they were scraped. Real outlets' reports of one event
(BBC, Reuters, AP, CNN, the Guardian, PA...) are the only multi-outlet news with texts found for
issue 10. The texts belong to their outlets and stay outside this repository; the labels
(``bench/data/wikinewssum_stories.jsonl``: ids, label, event, day, headline) are this project's.

    git clone https://github.com/airKlizz/WikinewsSum /tmp/WikinewsSum
    git -C /tmp/WikinewsSum show 1d98503:cleaned_endataset.json > /tmp/wns.jsonl
    .venv/bin/python bench/wikinewssum.py /tmp/wns.jsonl --out /tmp/wns_set.jsonl
    .venv/bin/python bench/stories.py --set /tmp/wns_set.jsonl --skip-crowd

Labels (``bench/data/wikinewssum_stories.md`` says how they were made): ``report`` (an
outlet's own report of the event: a ``rewrite``), ``copy`` (a near-verbatim re-run: ``copy``
with ``copy_of``), ``followup`` (a later development: its own event, ``follows`` the first),
``other`` (another event of the same people or firms: a ``distractor``); ``not_news``,
``duplicate`` (the same page under a second address) and a ``copy`` whose text is its
original's (the same page: the product stores it once) are left out. An ``event`` field groups
sources of different Wikinews articles that report one event.

Times: the sources keep no publication time. Each row is put on its labelled ``day`` (a row
without one takes its event's day, else the day of the nearest Wikinews article with a dated
report: a look-alike of unknown date then falls on its event's day, harder than most real
background pieces, which are older); on a day, each
event gets its own hour (07:00, 09:00, ...) and its reports follow 50 minutes apart in source
order; a copy comes 20 minutes after its original. A headline the scrape lost (``""``) is the
text's first sentence, cut at 15 words. Lines of a text equal to its headline are dropped.

Split: ``wnsA`` and ``wnsB`` by the Wikinews number of each event (even, odd), so that a later
round can tune on one half and keep the other unread.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.realsets import write_set

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "wikinewssum_stories.jsonl"
KIND = {"report": "rewrite", "copy": "copy", "followup": "followup", "other": "distractor"}


def outlet(url: str) -> str:
    """Return the outlet's host name (an archive address gives the archived site's)."""
    inner = re.search(r"/web/\d+/(https?://.+)$", url)
    host = urlsplit(inner.group(1) if inner else url).hostname or "unknown"
    return host.removeprefix("www.")


def first_sentence(text: str, words: int = 15) -> str:
    """Return the text's first sentence, at most ``words`` words."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return " ".join(first.split()[:words])


def convert(dataset: list[dict[str, Any]], labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the labelled sources as rows of the story-clustering set format."""

    def page_text(lab: dict[str, Any]) -> str:
        return str(dataset[lab["wikinews"]]["sources"][lab["source"]]["maintext"] or "").strip()

    # The same page twice (its text unchanged) is one article: the product stores it once.
    kept = [
        lab
        for lab in labels
        if lab["label"] in KIND
        and not (
            lab["label"] == "copy"
            and page_text(lab)
            == page_text({"wikinews": lab["copy_of"][0], "source": lab["copy_of"][1]})
        )
    ]
    event_of = {
        (lab["wikinews"], lab["source"]): lab.get("event")
        or (  # another event, or a later one, is its own unless labelled with another's
            f"w{lab['wikinews']:03d}-{lab['source']}"
            if lab["label"] in ("other", "followup")
            else f"w{lab['wikinews']:03d}"
        )
        for lab in kept
    }
    for lab in kept:  # a copy belongs to its original's event (if the original is kept)
        if lab["label"] == "copy":
            key = (lab["wikinews"], lab["source"])
            event_of[key] = event_of.get(tuple(lab["copy_of"]), event_of[key])
    day_of_event: dict[str, str] = {}
    for lab in kept:
        event = event_of[(lab["wikinews"], lab["source"])]
        if lab.get("day") and lab["label"] != "copy":
            day_of_event.setdefault(event, lab["day"])
    # an article's neighbours' days, read off reports only (another event's day is its own)
    known = sorted(
        {
            lab["wikinews"]: lab["day"]
            for lab in kept
            if lab.get("day") and lab["label"] == "report"
        }.items()
    )

    def day(lab: dict[str, Any]) -> str:
        if lab.get("day"):
            return str(lab["day"])
        event = event_of[(lab["wikinews"], lab["source"])]
        if event in day_of_event:
            return day_of_event[event]
        return str(min(known, key=lambda kd: abs(kd[0] - lab["wikinews"]))[1])

    size: dict[str, int] = defaultdict(int)
    for lab in kept:
        size[event_of[(lab["wikinews"], lab["source"])]] += 1
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lab in kept:
        groups[day(lab)].append(lab)
    rows: list[dict[str, Any]] = []
    for when in sorted(groups):
        events: list[str] = []
        for lab in sorted(groups[when], key=lambda x: (x["wikinews"], x["source"])):
            event = event_of[(lab["wikinews"], lab["source"])]
            if event not in events:
                events.append(event)
        seen: dict[str, int] = defaultdict(int)
        base = datetime.fromisoformat(when).replace(tzinfo=UTC)
        for lab in sorted(groups[when], key=lambda x: (x["wikinews"], x["source"])):
            i, j = lab["wikinews"], lab["source"]
            event = event_of[(i, j)]
            source = dataset[i]["sources"][j]
            hour = timedelta(hours=7 + 2 * (events.index(event) % 8))
            at = base + hour + timedelta(minutes=50 * seen[event])
            if lab["label"] != "copy":
                seen[event] += 1
            text = source["maintext"] or ""
            title = lab["title"] if lab.get("title") is not None else (source["title"] or "")
            if not title.strip():
                title = first_sentence(text)
            lines = [line for line in text.splitlines() if line.strip() != title.strip()]
            row: dict[str, Any] = {
                "id": f"wn{i:03d}-{j}",
                "split": "wnsA" if int(event[1:4]) % 2 == 0 else "wnsB",
                "event": event,
                # another event's report that another source reports too is a rewrite of it
                "kind": "rewrite"
                if lab["label"] == "other" and size[event] > 1
                else KIND[lab["label"]],
                "outlet": outlet(source["url"] or ""),
                "published": at.isoformat().replace("+00:00", "Z"),
                "title": title.strip(),
                "text": "\n".join(lines).strip(),
            }
            if lab["label"] == "copy":
                a, b = lab["copy_of"]
                row["copy_of"] = f"wn{a:03d}-{b}"
            if lab["label"] == "followup":
                row["follows"] = f"w{i:03d}"
            rows.append(row)
    published = {row["id"]: row["published"] for row in rows}
    for row in rows:  # a copy comes 20 minutes after its original
        if "copy_of" in row and row["copy_of"] in published:
            original = datetime.fromisoformat(published[row["copy_of"]].replace("Z", "+00:00"))
            row["published"] = (original + timedelta(minutes=20)).isoformat().replace("+00:00", "Z")
    return rows


def main() -> None:
    """Write the set file from the dataset and the labels."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path, help="cleaned_endataset.json (one JSON per line)")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    lines = args.dataset.read_text(encoding="utf-8").splitlines()
    dataset = [json.loads(line) for line in lines if line.strip()]
    labels = [json.loads(line) for line in args.labels.read_text("utf-8").splitlines() if line]
    rows = convert(dataset, labels)
    write_set(rows, args.out)
    events = defaultdict(list)
    for row in rows:
        events[row["event"]].append(row)
    pairs = sum(
        len(rs) * (len(rs) - 1) // 2
        for rs in ([r for r in v if r["kind"] == "rewrite"] for v in events.values())
    )
    multi = sum(1 for v in events.values() if sum(r["kind"] == "rewrite" for r in v) >= 2)
    print(f"{len(rows)} rows, {len(events)} events, {multi} with 2+ reports, {pairs} report pairs")


if __name__ == "__main__":
    main()
