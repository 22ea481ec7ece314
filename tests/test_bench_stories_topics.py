"""bench/stories.py --by-topic: wrong and missed pairs counted by topic and odd/even half."""

from __future__ import annotations

from typing import Any

from tests.support import load_bench


def _row(label: str) -> dict[str, Any]:
    return {"id": label, "event": label.rsplit("-", 1)[0], "kind": "rewrite"}


def test_wrong_and_missed_pairs_are_counted_by_topic_and_half() -> None:
    bench = load_bench("stories")
    labels = ["ecb7-1-1", "ecb7-1-2", "ecb7-2-1", "ecb10-1-1", "ecb10-2-1", "f3-a", "f3-b"]
    rows = [_row(label) for label in labels]
    # ecb7's two events joined (2 wrong pairs), ecb10's kept apart, f3's two reports missed
    story_of = {"ecb7-1-1": 1, "ecb7-1-2": 1, "ecb7-2-1": 1, "ecb10-1-1": 2}
    story_of |= {"ecb10-2-1": 3, "f3-a": 4, "f3-b": 5}
    found = bench.score(rows, story_of)
    assert bench.topic_counts(found.false_pairs) == {"ecb7": 2}
    assert bench.halves({"ecb7": 2, "ecb10": 5, "f3": 1, "x": 4}) == {
        "odd": 3,
        "even": 5,
        "neither": 4,
    }
    wrong, missed = bench.by_topic_lines(found)
    assert wrong == "joined wrongly by topic: odd 2, even 0, neither 0 (ecb7 2)"
    assert missed == "missed by topic: odd 1, even 0, neither 0 (f3 1)"
