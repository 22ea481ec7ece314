"""bench/ecbplus_ledger.py and its labels: ECB+'s texts as real news for the allegations ledger.

The labels file holds no text; the shape and the documented counts are checked without the
snapshot. With a copy of the snapshot (``ECBPLUS_SNAPSHOT``, default ``/tmp/cdcr``, the clone
that ``bench/ecbplus.py`` names) every labelled sentence is rebuilt and its hash checked.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.support import load_bench

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "ecbplus_allegations.jsonl"
SNAPSHOT = Path(os.environ.get("ECBPLUS_SNAPSHOT", "/tmp/cdcr"))
KINDS = {"accusation", "allegation", "claim", "charge", "lawsuit"}
FIELDS = {"id", "article", "split", "sha", "is_allegation", "criticism"}
OPTIONAL = {"kind", "accuser", "target", "response", "hard_negative", "narration"}
# The counts bench/data/ecbplus_allegations.md gives.
COUNTS = {
    "ecb1": {
        "documents": 32,
        "sentences": 591,
        "allegations": 41,
        "kinds": {"accusation": 5, "allegation": 4, "charge": 16, "claim": 16},
        "criticism": 15,
        "hard_negatives": 66,
        "responses": 4,
        "narration": 0,
    },
    "ecb2": {
        "documents": 32,
        "sentences": 608,
        "allegations": 47,
        "kinds": {"accusation": 2, "allegation": 5, "charge": 14, "claim": 26},
        "criticism": 13,
        "hard_negatives": 69,
        "responses": 10,
        "narration": 0,
    },
    "ecb3": {
        "documents": 32,
        "sentences": 472,
        "allegations": 42,
        "kinds": {"accusation": 2, "allegation": 3, "charge": 21, "claim": 16},
        "criticism": 12,
        "hard_negatives": 65,
        "responses": 2,
        "narration": 6,
    },
    "ecb4": {
        "documents": 32,
        "sentences": 443,
        "allegations": 39,
        "kinds": {"accusation": 4, "allegation": 3, "charge": 13, "claim": 19},
        "criticism": 9,
        "hard_negatives": 46,
        "responses": 3,
        "narration": 4,
    },
    "ecb5": {
        "documents": 32,
        "sentences": 582,
        "allegations": 56,
        "kinds": {"accusation": 3, "allegation": 7, "charge": 21, "claim": 25},
        "criticism": 19,
        "hard_negatives": 65,
        "responses": 4,
        "narration": 3,
    },
    "ecb6": {
        "documents": 32,
        "sentences": 588,
        "allegations": 42,
        "kinds": {"accusation": 5, "allegation": 6, "charge": 6, "claim": 24, "lawsuit": 1},
        "criticism": 27,
        "hard_negatives": 76,
        "responses": 1,
        "narration": 1,
    },
    "ecb7": {
        "documents": 32,
        "sentences": 778,
        "allegations": 46,
        "kinds": {"accusation": 2, "allegation": 5, "charge": 10, "claim": 26, "lawsuit": 3},
        "criticism": 37,
        "hard_negatives": 76,
        "responses": 7,
        "narration": 2,
    },
    "ecb8": {
        "documents": 32,
        "sentences": 518,
        "allegations": 47,
        "kinds": {"accusation": 4, "allegation": 5, "charge": 13, "claim": 25},
        "criticism": 22,
        "hard_negatives": 74,
        "responses": 4,
        "narration": 8,
    },
    "ecb9": {
        "documents": 32,
        "sentences": 647,
        "allegations": 79,
        "kinds": {"accusation": 3, "allegation": 14, "charge": 18, "claim": 41, "lawsuit": 3},
        "criticism": 23,
        "hard_negatives": 81,
        "responses": 4,
        "narration": 3,
    },
    "ecb10": {
        "documents": 32,
        "sentences": 561,
        "allegations": 96,
        "kinds": {"accusation": 4, "allegation": 15, "charge": 29, "claim": 48},
        "criticism": 5,
        "hard_negatives": 67,
        "responses": 0,
        "narration": 10,
    },
}


def _labels() -> list[dict[str, Any]]:
    with LABELS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _names(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(n, str) for n in value)


def test_every_label_row_has_its_fields_and_no_text() -> None:
    """Ids are unique and numbered on within a document; allegations carry kind and parties."""
    rows = _labels()
    splits = load_bench("ecbplus_ledger").PARTS
    assert len({r["id"] for r in rows}) == len(rows)
    numbers: dict[str, list[int]] = {}
    for row in rows:
        assert FIELDS <= set(row) <= FIELDS | OPTIONAL, row["id"]
        assert "text" not in row
        assert row["split"] in splits
        assert re.fullmatch(r"ecb\d+-[12]-\d+", row["article"])
        article, n = row["id"].rsplit(".", 1)
        assert article == row["article"]
        numbers.setdefault(article, []).append(int(n))
        assert re.fullmatch(r"[0-9a-f]{12}", row["sha"])
        assert not (row["is_allegation"] and row["criticism"])
        if row["is_allegation"]:
            assert row["kind"] in KINDS
        else:
            assert "kind" not in row and "response" not in row
        if row["is_allegation"] or row["criticism"]:
            assert _names(row["accuser"]) and _names(row["target"]), row["id"]
            assert "hard_negative" not in row
        else:
            assert "accuser" not in row and "target" not in row
        if "hard_negative" in row:
            assert row["hard_negative"] is True
        if "narration" in row:  # the writer's own account, on a row with no accuser
            assert row["narration"] is True
            assert row["is_allegation"] and row["accuser"] == [""], row["id"]
        if "response" in row:
            assert _names(row["response"]["responder"])
            assert row["response"]["kind"] in ("denial", "rejection")
    for article, seen in numbers.items():
        assert seen == list(range(len(seen))), article  # every sentence, in order
    parts = {r["article"]: r["split"] for r in rows}
    assert all(parts[r["article"]] == r["split"] for r in rows)  # one part a document


def test_the_counts_are_the_documented_ones() -> None:
    """Each part's documents, sentences, allegations by kind, criticism and hard negatives."""
    ledger = load_bench("ecbplus_ledger")
    assert ledger.counts(_labels()) == COUNTS
    assert ledger.BLIND_PARTS == ("ecb9", "ecb10")


def test_a_subtopic_fills_at_most_three_documents_of_a_part() -> None:
    rows = _labels()
    for part in {r["split"] for r in rows}:
        documents = {r["article"] for r in rows if r["split"] == part}
        subtopics = Counter(d.rsplit("-", 1)[0] for d in documents)
        assert max(subtopics.values()) <= 3


def test_cue_words_are_counted_as_the_readme_counts_them() -> None:
    cue_words = load_bench("ecbplus_ledger").cue_words
    assert cue_words("Police Accused him; he sued, claiming critics attacked.") == 5
    assert cue_words("A sue-happy issue, suede and pursued; chargers charge.") == 3
    assert cue_words("Nothing here at all.") == 0


def _doc(title: str, text: str) -> dict[str, Any]:
    return {"title": title, "text": text, "date_publish": None, "source_domain": "x"}


def _snapshot(folder: Path) -> Path:
    """Write a small snapshot in the layout bench/ecbplus.py reads (invented texts)."""
    base = folder / "ECBplus-prep" / "output_data" / "test_parsing"
    docs = {
        "1_1ecbplus.json": _doc("Mayor Orme Quits .", "Orme quit on Monday . Nobody knew why ."),
        "1_2ecbplus.json": _doc("Orme Sued .", "A rival sued Orme . Orme denied it ."),
    }
    for name, doc in docs.items():
        (base / "1ecbplus").mkdir(parents=True, exist_ok=True)
        (base / "1ecbplus" / name).write_text(json.dumps(doc), encoding="utf-8")
    return folder


def _label_file(path: Path, ledger: Any, snapshot: Path, split: str = "ecb1") -> Path:
    rows = []
    for doc_id, (_, said) in ledger.sentences(snapshot).items():
        for n, text in enumerate(said):
            rows.append(
                {
                    "id": f"{doc_id}.{n}",
                    "article": doc_id,
                    "split": split,
                    "sha": ledger.sha(text),
                    "is_allegation": False,
                    "criticism": False,
                }
            )
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_load_rebuilds_the_sentences_and_stops_on_a_changed_one(tmp_path: Path) -> None:
    """Rows come back with their text from the snapshot; a hash that differs stops the run."""
    ledger = load_bench("ecbplus_ledger")
    snapshot = _snapshot(tmp_path / "cdcr")
    labels = _label_file(tmp_path / "labels.jsonl", ledger, snapshot)
    articles = {a.id: a for a in ledger.load(snapshot, labels)}
    assert articles["ecb1-2-2"].title == "Orme Sued."
    assert [r["text"] for r in articles["ecb1-2-2"].rows] == [
        "A rival sued Orme.",
        "Orme denied it.",
    ]
    first = articles["ecb1-2-2"].rows[0]
    assert list(first)[:7] == [
        "id",
        "article",
        "paragraph",
        "text",
        "split",
        "is_allegation",
        "criticism",
    ]
    assert "sha" not in first
    changed = labels.read_text(encoding="utf-8").replace(ledger.sha("Orme denied it."), "0" * 12)
    labels.write_text(changed, encoding="utf-8")
    with pytest.raises(ledger.SnapshotError, match="differs"):
        ledger.load(snapshot, labels)


def test_a_blind_part_is_read_only_when_asked(tmp_path: Path) -> None:
    ledger = load_bench("ecbplus_ledger")
    snapshot = _snapshot(tmp_path / "cdcr")
    labels = _label_file(tmp_path / "labels.jsonl", ledger, snapshot, split="ecb9")
    assert ledger.load(snapshot, labels) == []
    assert {a.split for a in ledger.load(snapshot, labels, blind=True)} == {"ecb9"}


@pytest.mark.skipif(not SNAPSHOT.exists(), reason=f"no ECB+ snapshot at {SNAPSHOT}")
def test_the_snapshot_rebuilds_every_labelled_sentence() -> None:
    """Every row's sentence hash matches the snapshot, and the choice rule gives the labelled
    documents, part by part, in order."""
    ledger = load_bench("ecbplus_ledger")
    articles = ledger.load(SNAPSHOT, blind=True)
    assert sum(len(a.rows) for a in articles) == len(_labels())
    assert {a.split for a in ledger.load(SNAPSHOT)} == {
        "ecb1",
        "ecb2",
        "ecb3",
        "ecb4",
        "ecb5",
        "ecb6",
        "ecb7",
        "ecb8",
    }
    labelled: dict[str, list[str]] = {}
    for row in _labels():
        if row["article"] not in labelled.setdefault(row["split"], []):
            labelled[row["split"]].append(row["article"])
    assert ledger.choose(SNAPSHOT) == labelled
