"""bench/allegations.py's real-news scoring: narration lines counted neither way on a second line.

A small labelled set, invented here, is scored with a fixed reader (no extractor), with and
without the ``narration`` flag on its rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest

from digests.models import Allegation
from tests.support import load_bench


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    yield load_bench("allegations")


def _row(n: int, text: str, alleged: bool = False, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": f"a.{n}",
        "article": "a",
        "paragraph": 0,
        "text": text,
        "split": "tune",
        "is_allegation": alleged,
        "criticism": False,
    }
    if alleged:
        row |= {"kind": "claim", "accuser": [""], "target": ["Orme"]}
    return row | extra


ROWS = (
    _row(0, "Orme opened fire on the guards.", True),  # read, target right
    _row(1, "Orme fled in a stolen van.", True),  # missed
    _row(2, "Police said Orme stole the van.", True, accuser=["Police"]),  # read, accuser wrong
    _row(3, "Critics called Orme a disgrace.", criticism=True, accuser=["Critics"]),  # read
    _row(4, "The weather was fine.", hard_negative=True),  # read: a false item
    _row(5, "The van was found on Monday."),
)
# What the fixed reader reads, by sentence id: (accuser, target).
READ = {"a.0": ("", "Orme"), "a.2": ("", "Orme"), "a.3": ("Critics", "Orme"), "a.4": ("", "Vale")}


def _articles(bench: ModuleType, narration: tuple[int, ...] = ()) -> list[Any]:
    rows = tuple(r | {"narration": True} if i in narration else r for i, r in enumerate(ROWS))
    return [bench.Article(id="a", title="Orme", split="tune", rows=rows)]


def _read(article: Any) -> dict[str, Allegation]:
    return {
        row["id"]: Allegation(row["text"], *READ[row["id"]], claim="", kind="claim")
        for row in article.rows
        if row["id"] in READ
    }


def test_without_the_flag_both_figures_are_the_strict_ones(bench: ModuleType) -> None:
    r = bench.score_real(_articles(bench), runs=0, predict=_read)
    s = r.scores
    assert (s.lines, s.tp, s.fp, s.fn) == (5, 2, 1, 1)  # the criticism line apart
    assert (s.accuser, s.target, s.kind) == (0.5, 1.0, 1.0)
    assert (r.criticism, r.criticism_found, r.recall_with_criticism) == (1, 1, 0.75)
    assert r.narration == 0
    assert r.without_narration == s


def test_narration_counts_as_labelled_in_the_strict_figures_and_neither_way_apart(
    bench: ModuleType,
) -> None:
    plain = bench.score_real(_articles(bench), runs=0, predict=_read)
    r = bench.score_real(_articles(bench, narration=(0, 1)), runs=0, predict=_read)
    assert r.scores == plain.scores  # the strict line does not move
    assert r.narration == 2
    n = r.without_narration
    # the item on narration is neither a true nor a false item; the miss leaves recall's total
    assert (n.lines, n.tp, n.fp, n.fn) == (3, 1, 1, 0)
    assert (n.precision, n.recall, n.accuser, n.target) == (0.5, 1.0, 0.0, 1.0)
    assert r.recall_with_criticism == plain.recall_with_criticism


def test_pooled_splits_sum_their_counts(bench: ModuleType) -> None:
    one = bench.score_real(_articles(bench, narration=(1,)), runs=0, predict=_read)
    two = bench.score_real(_articles(bench), runs=0, predict=_read)
    pooled = bench.pool([one, two])
    assert (pooled.articles, pooled.lines, pooled.narration) == (2, 12, 1)
    s = pooled.scores
    assert (s.tp, s.fp, s.fn, s.accuser, s.target) == (4, 2, 2, 0.5, 1.0)
    n = pooled.without_narration
    assert (n.tp, n.fp, n.fn) == (4, 2, 1)
    assert bench.pool([two]) == replace(two, ms_per_article=0.0)


def test_the_narration_line_is_printed_only_for_a_split_that_has_some(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    original = bench.score_real
    monkeypatch.setattr(bench, "score_real", lambda articles, *a, **k: original(articles, 0, _read))
    flagged = [replace(a, split="two") for a in _articles(bench, narration=(0,))]
    bench.print_real("en", "invented", _articles(bench) + flagged, ["tune", "two"], [], [])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines[2:] if line.startswith("en ")] == [
        "tune",
        "two",
        "all",
    ]
    assert lines[2] == bench.real_line("en", "tune", original(_articles(bench), 0, _read))
    assert "narration excluded (1 lines)" in lines[4]  # under "two", not under "tune"
    assert "narration excluded (1 lines)" in lines[6]  # under the pooled line
    assert len(lines) == 7


def test_help_and_unknown_options_run_nothing(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: each benchmark answers --help; a typo (--heldot) must not run every split."""
    assert bench.arguments_problem(["-v", "--heldout", "--lang", "ru", "--ecbplus", "/m"]) is None
    bench.main(["--help"])
    assert capsys.readouterr().out.startswith("usage: allegations.py")
    for argv in (["--heldot"], ["--lang"], ["--lang", "it"], ["--ecbplus", "--heldout"], ["x"]):
        with pytest.raises(SystemExit) as stopped:
            bench.main(argv)
        assert stopped.value.code == 2, argv
        assert "error:" in capsys.readouterr().err
