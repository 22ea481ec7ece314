"""bench/stories_learned.py: the recorded candidate pairs, their replay and their counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support import load_bench

LABELLED = Path(__file__).parent / "data" / "stories" / "labelled.jsonl"


def _rows(*ids: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["id"] in ids]


def test_every_candidate_pair_is_recorded_with_the_rules_decision_and_each_feature(
    tmp_path: Path,
) -> None:
    learned = load_bench("stories_learned")
    path = tmp_path / "tiny.jsonl"
    rows = _rows("e01-a", "e01-b", "e01-d1")
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (split,) = learned.record_set(path, "invented")
    assert [s["article"] for s in split["steps"]] == ["e01-a", "e01-b", "e01-d1"]
    first, second, lookalike = split["steps"]
    assert first["pairs"] == []  # nothing indexed yet: no candidate
    (pair,) = second["pairs"]
    assert pair["cand"] == "e01-a"
    assert pair["rules"] is True  # two outlets' reports of the fine join (test_stories)
    assert len(pair["x"]) == len(learned.FEATURES)
    features = dict(zip(learned.FEATURES, pair["x"], strict=True))
    assert 0.0 < features["lead_cos"] <= 1.0
    assert features["lead_numbers"] >= 1  # the 12m euros
    assert features["rank"] == 0.0
    assert {p["cand"] for p in lookalike["pairs"]} == {"e01-a", "e01-b"}
    assert all(len(p["x"]) == len(learned.FEATURES) for p in lookalike["pairs"])
    # The rules' own clustering is kept beside: the look-alike stays apart.
    assert split["story_of"]["e01-a"] == split["story_of"]["e01-b"]
    assert split["story_of"]["e01-d1"] != split["story_of"]["e01-a"]


def _split(pairs: list[tuple[str, str, bool]]) -> dict[str, Any]:
    rows = [
        {"id": "a", "event": "e1", "kind": "rewrite", "day": "2026-03-03"},
        {"id": "b", "event": "e1", "kind": "rewrite", "day": "2026-03-03"},
        {"id": "c", "event": "e1", "kind": "rewrite", "day": "2026-03-04"},
        {"id": "d", "event": "e2", "kind": "distractor", "day": "2026-03-03"},
    ]
    steps: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
    for article, cand, rules in pairs:
        steps[article].append({"cand": cand, "rules": rules, "x": []})
    return {
        "source": "test",
        "rows": rows,
        "steps": [{"article": a, "pairs": p} for a, p in steps.items()],
    }


def test_a_replay_counts_a_storys_transitive_joins_as_the_bench_counts_pairs() -> None:
    learned = load_bench("stories_learned")
    split = _split([("b", "a", True), ("c", "b", True), ("d", "a", False)])
    joined = learned.replay(split, lambda pair: pair["rules"])
    assert joined["a"] == joined["c"]  # c joined b, which had joined a
    found = learned.count(split, joined)
    assert (found.rewrites, found.hits, found.predicted, found.right) == (3, 3, 3, 3)
    wrong = learned.count(split, learned.replay(split, lambda pair: True))
    assert (wrong.predicted, wrong.right) == (6, 3)
    assert wrong.precision == 0.5
    same_day = learned.count(split, joined, same_day=True)
    assert (same_day.rewrites, same_day.hits) == (1, 1)  # only a + b share a day


def test_true_pairs_never_retrieved_bound_any_decision() -> None:
    learned = load_bench("stories_learned")
    split = _split([("b", "a", False), ("d", "a", False)])
    assert learned.never_candidates(split) == (2, 3)  # a + c, b + c never met
    oracle = learned.replay_oracle(split, learned.gold_of(split))
    found = learned.count(split, oracle)
    assert (found.hits, found.rewrites, found.precision) == (1, 3, 1.0)


def test_the_regression_separates_what_its_features_separate() -> None:
    learned = load_bench("stories_learned")
    import numpy as np

    x = np.array([[0.1, 1.0], [0.2, 0.0], [0.8, 1.0], [0.9, 0.0], [0.15, 0.5], [0.85, 0.5]])
    y = np.array([0.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    model = learned.fit(x, y, 0.1)
    p = model.probability(x)
    assert (p[y == 1] > 0.5).all() and (p[y == 0] < 0.5).all()
    assert model.weights[0] > 0 and abs(model.weights[1]) < model.weights[0]


def test_the_learned_decision_joins_only_what_its_options_leave_open() -> None:
    learned = load_bench("stories_learned")
    import numpy as np

    width = len(learned.FEATURES)
    cos, fresh = learned.FEATURES.index("lead_cos"), learned.FEATURES.index("fresh")
    weights = np.zeros(width + 1)
    weights[cos] = 10.0
    model = learned.Model(np.zeros(width), np.ones(width), weights)

    def pair(name: str, lead_cos: float, is_fresh: bool) -> dict[str, Any]:
        x = [0.0] * width
        x[cos], x[fresh] = lead_cos, float(is_fresh)
        return {"cand": name, "rules": False, "x": x}

    def split() -> dict[str, Any]:
        pairs = [pair("a", 0.9, False), pair("b", 0.5, True), pair("c", 0.3, True)]
        return {"steps": [{"article": "d", "pairs": pairs}]}

    def open_to(**options: bool) -> list[str]:
        found = split()
        learned.score_with(model, [found], **options)
        return [p["cand"] for p in found["steps"][0]["pairs"] if p["best"]]

    assert open_to() == ["a", "b", "c"]
    assert open_to(best_only=True) == ["a"]
    assert open_to(fresh_only=True) == ["b", "c"]
    assert open_to(best_only=True, fresh_only=True) == ["b"]  # the most probable fresh one
    found = split()
    learned.score_with(model, [found])
    joins = learned.decisions(0.99, False)
    # p: 0.9999, 0.9933, 0.9526 (the logistic of 9, 5 and 3)
    assert [joins(p) for p in found["steps"][0]["pairs"]] == [True, True, False]
    either = learned.decisions(0.99, True)
    found["steps"][0]["pairs"][2]["rules"] = True
    assert all(either(p) for p in found["steps"][0]["pairs"])


def test_each_recorded_real_half_is_left_out_in_turn_ecb_among_them() -> None:
    learned = load_bench("stories_learned")

    def split(source: str, name: str) -> dict[str, Any]:
        return {"source": source, "set": name, "split": "test"}

    splits = [
        split("invented", "heldout"),
        split("invented", "samebeat"),
        split("asA", "set_A2"),
        split("basA", "basA_only"),
        split("ecbA", "ecbA_only"),
    ]
    folds = {name: (train, test) for name, train, test in learned.folds_of(splits, real_only=False)}
    assert list(folds) == ["asA", "basA (same day)", "ecbA", "samebeat*"]  # wnsA not recorded
    train, test = folds["ecbA"]
    assert [s["source"] for s in test] == ["ecbA"]
    assert "ecbA" not in {s["source"] for s in train} and len(train) == 4
    real = {name: train for name, train, _ in learned.folds_of(splits, real_only=True)}
    assert sorted(s["source"] for s in real["asA"]) == ["basA", "ecbA"]
    assert sorted(s["source"] for s in real["samebeat*"]) == ["asA", "basA", "ecbA"]
