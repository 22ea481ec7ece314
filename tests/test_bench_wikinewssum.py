"""bench/wikinewssum.py: WikinewsSum's labelled sources become a story-clustering set."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from tests.support import load_bench

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "wikinewssum_stories.jsonl"


def _converter() -> ModuleType:
    return load_bench("wikinewssum")


def _source(url: str, title: str | None, text: str) -> dict[str, str | None]:
    return {"language": "en", "maintext": text, "title": title, "url": url, "archive_url": None}


def test_labels_become_rows_of_the_set_format() -> None:
    """Reports share their event and follow each other on their day; a copy takes its
    original's event; another event's report is a look-alike; pages that are not news and
    duplicates are left out; a headline the scrape lost is the first sentence."""
    dataset = [
        {
            "title": "Port strike ends",
            "sources": [
                _source(
                    "http://www.harbour.example/a",
                    "Dockers end strike",
                    "Dockers end strike\nThe strike ended on Monday.",
                ),
                _source(
                    "http://web.archive.org/web/2004/http://news.example/b",
                    "Site front page",
                    "Dock workers went back to work. Talks had lasted a week.",
                ),
                _source("http://wire.example/c", "Dockers end strike", "The strike ended."),
                _source("http://x.example/d", "Error", "Page not found"),
                _source("http://old.example/e", "Dockers threaten strike", "Dockers may strike."),
            ],
        }
    ]
    labels = [
        {"wikinews": 0, "source": 0, "label": "report", "day": "2004-11-15", "title": None},
        {"wikinews": 0, "source": 1, "label": "report", "day": None, "title": ""},
        {"wikinews": 0, "source": 2, "label": "copy", "copy_of": [0, 0], "day": None},
        {"wikinews": 0, "source": 3, "label": "not_news", "day": None},
        {"wikinews": 0, "source": 4, "label": "other", "event": "w000b", "day": "2004-11-01"},
    ]
    rows = {r["id"]: r for r in _converter().convert(dataset, labels)}
    assert set(rows) == {"wn000-0", "wn000-1", "wn000-2", "wn000-4"}
    first, second, copy, other = (rows[k] for k in ("wn000-0", "wn000-1", "wn000-2", "wn000-4"))
    assert first["kind"] == second["kind"] == "rewrite"
    assert first["event"] == second["event"] == copy["event"] == "w000"
    assert copy["kind"] == "copy" and copy["copy_of"] == "wn000-0"
    assert first["published"] == "2004-11-15T07:00:00Z"
    assert second["published"] == "2004-11-15T07:50:00Z"
    assert copy["published"] == "2004-11-15T07:20:00Z"
    assert other["kind"] == "distractor" and other["event"] == "w000b"
    assert other["published"].startswith("2004-11-01")
    assert second["title"] == "Dock workers went back to work."
    assert second["outlet"] == "news.example" and first["outlet"] == "harbour.example"
    assert first["text"] == "The strike ended on Monday."  # the headline line is dropped
    assert {r["split"] for r in rows.values()} == {"wnsA"}


def test_the_committed_labels_are_well_formed() -> None:
    """Every label names a source once, with a known label, a copy its original."""
    lines = LABELS.read_text("utf-8").splitlines()
    labels = [json.loads(line) for line in lines if line]
    keys = [(lab["wikinews"], lab["source"]) for lab in labels]
    assert len(keys) == len(set(keys)) > 200
    known = {"report", "copy", "followup", "other", "not_news", "duplicate"}
    assert {lab["label"] for lab in labels} <= known
    for lab in labels:
        if lab["label"] == "copy":
            assert tuple(lab["copy_of"]) in set(keys)
        if lab.get("day") is not None:
            assert len(lab["day"]) == 10 and lab["day"][4] == "-"
