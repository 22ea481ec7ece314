"""bench/basil.py: BASIL's triplets become a story-clustering set (invented texts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support import load_bench


def _article(uuid: str, source: str, day: str, title: str, paragraphs: list[list[str]]) -> dict:
    return {
        "title": title,
        "date": day,
        "source": source,
        "main-event": "",
        "triplet-uuid": uuid,
        "uuid": f"{uuid}-{source}",
        "url": "",
        "main-entities": [],
        "body-paragraphs": paragraphs,
    }


ARTICLES: list[dict[str, Any]] = [
    # t-ferry and t-library fall in basB (in that order of their hash), t-harbour in basA.
    _article("t-ferry", "hpo", "2015-03-03", "Ferry Runs Aground", [["The ferry ran aground."]]),
    _article(
        "t-ferry", "fox", "2015-03-02", "Ferry aground", [["A ferry hit rocks.", "All safe."]]
    ),
    _article("t-ferry", "nyt", "2015-03-02", "Ferry Hits Rocks", [["A ferry\xa0hit rocks."]]),
    _article(
        "t-library",
        "NYT",
        "2015-05-10",
        "Library Reopens",
        [["Library Reopens"], ["The library reopened on Sunday."], ["Readers queued."]],
    ),
    _article("t-library", "HPO", "2015-05-10", "A Library Is Back", [["The library is back."]]),
    _article(
        "t-library", "FOX", "2015-05-11", "", [["Readers returned to the old library. More."]]
    ),
    _article("t-harbour", "nyt", "2012-07-01", "Harbour Closed", [["The harbour closed."]]),
    _article("t-harbour", "fox", "2012-07-01", "Harbour shut", [["The harbour was shut."]]),
    _article("t-harbour", "hpo", "2012-07-01", "Harbour", [[]]),
    _article("t-bridge", "nyt", "2011-01-01", "Bridge Opens", [["The bridge opened."]]),
]


def test_a_triplet_is_one_event_placed_by_its_half_and_its_outlets_days() -> None:
    """Each triplet is an event of rewrites; a half's triplets go five to a day, three hours
    apart in hash order; an article keeps its day after the triplet's first and comes 50
    minutes after the one before it (by date, then NYT, Fox News, HuffPost)."""
    rows = {r["id"]: r for r in load_bench("basil").convert(ARTICLES)}
    # an article with no text and a triplet left with one article are left out
    assert set(rows) == {
        "bast-ferry-nyt",
        "bast-ferry-fox",
        "bast-ferry-hpo",
        "bast-librar-nyt",
        "bast-librar-hpo",
        "bast-librar-fox",
        "bast-harbou-nyt",
        "bast-harbou-fox",
    }
    published = {key: row["published"] for key, row in rows.items()}
    assert published["bast-ferry-nyt"] == "2026-03-01T06:00:00Z"
    assert published["bast-ferry-fox"] == "2026-03-01T06:50:00Z"
    assert published["bast-ferry-hpo"] == "2026-03-02T07:40:00Z"  # a day after, third
    assert published["bast-librar-nyt"] == "2026-03-01T09:00:00Z"  # second event of the day
    assert published["bast-librar-hpo"] == "2026-03-01T09:50:00Z"
    assert published["bast-librar-fox"] == "2026-03-02T10:40:00Z"
    assert published["bast-harbou-nyt"] == "2026-03-01T06:00:00Z"  # first of the other half
    assert {r["split"] for k, r in rows.items() if "harbo" in k} == {"basA"}
    assert {r["split"] for k, r in rows.items() if "harbo" not in k} == {"basB"}
    ferry = rows["bast-ferry-fox"]
    assert ferry["event"] == "bast-ferry" and ferry["kind"] == "rewrite"
    assert ferry["outlet"] == "Fox News" and rows["bast-librar-hpo"]["outlet"] == "HuffPost"
    assert ferry["text"] == "A ferry hit rocks. All safe."
    assert rows["bast-ferry-nyt"]["text"] == "A ferry hit rocks."
    # a paragraph repeating the headline is left out; an empty headline is the first sentence
    assert rows["bast-librar-nyt"]["text"] == "The library reopened on Sunday.\n\nReaders queued."
    assert rows["bast-librar-fox"]["title"] == "Readers returned to the old library."


def test_one_event_a_day_puts_the_next_triplet_on_the_next_day() -> None:
    """The number of events a day is the rule's one parameter."""
    rows = {r["id"]: r for r in load_bench("basil").convert(ARTICLES, per_day=1)}
    assert rows["bast-librar-nyt"]["published"] == "2026-03-02T06:00:00Z"
    assert rows["bast-librar-fox"]["published"] == "2026-03-03T07:40:00Z"


def test_a_folder_of_articles_is_read(tmp_path: Path) -> None:
    """A checkout's data/articles/<year>/<uuid>_<n>.json files are read."""
    folder = tmp_path / "data" / "articles" / "2015"
    folder.mkdir(parents=True)
    for n, article in enumerate(ARTICLES[:3], start=1):
        (folder / f"t-ferry_{n}.json").write_text(json.dumps(article), encoding="utf-8")
    read = load_bench("basil").read_articles(tmp_path)
    assert sorted(a["source"] for a in read) == ["fox", "hpo", "nyt"]
