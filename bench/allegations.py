"""Score the allegations extractor on the labelled set, per split.

Each line of ``tests/data/allegations_labelled.jsonl`` is one sentence (``text``) with optional
preceding (``context``) and following (``after``) sentences of the same paragraph. The three are
joined into one paragraph and run through ``extract``; the sentence counts as detected when an
item's sentence is ``text``. Figures:

* precision and recall of allegation detection;
* accuser, target and kind accuracy over the detected true positives (names match when equal or
  one contains the other, case-insensitive, "the"/"a" and possessives stripped; an expected
  empty accuser needs an empty one);
* response linking: of the lines with a labelled response, how many have it linked to the item,
  with a matching responder and the same kind.

Then, when ``../shared/bench-data/summaries`` is there, the time ``extract(text, title=...)``
takes per BBC article, as the processing pass calls it (salience included): the median and
range of five runs over every article (the machine is shared, so figures are noisy).

Run: ``.venv/bin/python bench/allegations.py`` (``-v`` also prints every disagreement)
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digests.allegations import extract
from digests.models import Allegation

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "allegations_labelled.jsonl"
ARTICLES = ROOT.parent / "shared" / "bench-data" / "summaries"
RUNS = 5


@dataclass(frozen=True, slots=True)
class Scores:
    """Detection and field figures of one split."""

    lines: int
    tp: int
    fp: int
    fn: int
    accuser: float
    target: float
    kind: float
    responses: float
    response_lines: int

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load(path: Path = DATA) -> list[dict[str, Any]]:
    """Return the labelled lines."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def normalise(name: str | None) -> str:
    """Lower-case, straighten quotes, drop possessives, punctuation and articles."""
    text = (name or "").replace("’", "'").lower()
    text = re.sub(r"'s\b|'", " ", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(w for w in text.split() if w not in {"the", "a", "an"})


def name_match(expected: str | None, got: str) -> bool:
    """Return True when the names are equal or one contains the other (both normalised)."""
    e, g = normalise(expected), normalise(got)
    if not e:
        return not g
    return bool(g) and (f" {e} " in f" {g} " or f" {g} " in f" {e} ")


def predict(row: Mapping[str, Any]) -> Allegation | None:
    """Return the item extracted for the row's sentence, if any."""
    passage = " ".join(p for p in (row.get("context"), row["text"], row.get("after")) if p)
    text = " ".join(row["text"].split())
    return next((a for a in extract(passage) if a.sentence == text), None)


def score(rows: Iterable[Mapping[str, Any]]) -> Scores:
    """Score the extractor on labelled rows."""
    tp = fp = fn = 0
    acc = tgt = kind = linked = with_response = 0
    lines = 0
    for row in rows:
        lines += 1
        item = predict(row)
        expected = bool(row["is_allegation"])
        if item is not None and expected:
            tp += 1
            acc += name_match(row["accuser"], item.accuser)
            tgt += name_match(row["target"], item.target)
            kind += item.kind == row["kind"]
        elif item is not None:
            fp += 1
        elif expected:
            fn += 1
        if expected and (want := row.get("response")):
            with_response += 1
            linked += item is not None and any(
                r.kind == want["kind"] and name_match(want["responder"], r.responder)
                for r in item.responses
            )
    return Scores(
        lines=lines,
        tp=tp,
        fp=fp,
        fn=fn,
        accuser=acc / tp if tp else 0.0,
        target=tgt / tp if tp else 0.0,
        kind=kind / tp if tp else 0.0,
        responses=linked / with_response if with_response else 1.0,
        response_lines=with_response,
    )


def errors(rows: Iterable[Mapping[str, Any]]) -> Iterable[str]:
    """Yield one line per disagreement, for reading."""
    for row in rows:
        item = predict(row)
        if bool(item) != bool(row["is_allegation"]):
            yield f"[{row['split']}] {'FP' if item else 'FN'}: {row['text']}"
        elif item is not None:
            for field in ("accuser", "target"):
                if not name_match(row[field], getattr(item, field)):
                    got = getattr(item, field)
                    yield f"[{row['split']}] {field} {row[field]!r} != {got!r}: {row['text']}"
            if item.kind != row["kind"]:
                yield f"[{row['split']}] kind {row['kind']!r} != {item.kind!r}: {row['text']}"
            want = row.get("response")
            if want and not any(
                r.kind == want["kind"] and name_match(want["responder"], r.responder)
                for r in item.responses
            ):
                got = [(r.responder, r.kind) for r in item.responses]
                yield f"[{row['split']}] response {want} not in {got}: {row['text']}"


def main(argv: list[str]) -> None:
    """Print the figures per split (and every disagreement with ``-v``)."""
    rows = load()
    print(
        f"{'split':<6} {'lines':>5} {'P':>6} {'R':>6} {'accuser':>8} {'target':>7} "
        f"{'kind':>6} {'responses':>10}"
    )
    for split in ("train", "test", "fresh", "all"):
        subset = [r for r in rows if split == "all" or r["split"] == split]
        s = score(subset)
        print(
            f"{split:<6} {s.lines:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.accuser:>8.3f} "
            f"{s.target:>7.3f} {s.kind:>6.3f} {s.responses:>6.3f} ({s.response_lines})"
        )
    if "-v" in argv:
        for line in errors(rows):
            print(line)
    articles = sorted(ARTICLES.glob("*.article.txt"))
    if articles:
        texts = [p.read_text("utf-8", errors="replace") for p in articles]
        runs = time_extract(texts)
        print(
            f"extract() per article ({len(texts)} BBC articles, {RUNS} runs): median "
            f"{statistics.median(runs):.1f} ms (range {min(runs):.1f}-{max(runs):.1f})"
        )


def time_extract(texts: list[str], runs: int = RUNS) -> list[float]:
    """Return the milliseconds per article of each run of ``extract`` over the texts."""
    extract(texts[0])  # load the lexicon and models outside the timing
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            extract(text, title=text.splitlines()[0])
        times.append((time.perf_counter() - start) / len(texts) * 1000)
    return times


if __name__ == "__main__":
    main(sys.argv[1:])
