"""Experiment: a learned join decision for story clustering, measured across real sets (issue 10).

Not part of the bot: a measurement beside ``digests/stories.py``, which it does not change.

Question: would a small learned decision over the features the clustering already computes, for
the candidates the product already retrieves, join more real reports of one event at the same
precision, on real sets it was not trained on?

1. ``record``: every set is clustered through the product's own path, as ``bench/stories.py``
   does it (its loading, ``centred`` and ``cluster_hourly``: each split in a fresh database, an
   hour at a time through ``stories.assign_stories``). While it runs, ``_Matcher.candidates``
   and ``_Matcher.match`` are wrapped (in this process only) so that for every article and every
   candidate the matcher retrieved, the rules' decision (did the article join that candidate's
   story, or merge it) and a feature vector (``pair_features``: the module's own functions on
   the lead terms, the whole texts, headlines, figures, time and rank) are written out with the
   label (same event). The pairs go to a JSON-lines file.
2. ``fit``: logistic regression (numpy, standardised features, L2) with leave-one-source-out:
   the sources are the invented sets (``tests/data/stories/*.jsonl``, all of them one source)
   and each real open half (AllSides ``asA``, WikinewsSum ``wnsA``, BASIL ``basA``, ECB+ ``ecbA``:
   a topic's two events of one kind on one day, the real look-alikes); the model is
   trained on every source but one and tested on the one left out. A further fold trains on
   everything but the ``samebeat*`` sets (same-day, same-beat look-alikes) and tests them.
   Thresholds are chosen on the training sources only: the lowest probability at which,
   replayed on the training sets, the learned decision's pooled pairwise precision (or, for
   rules OR learned, the precision of the pairs it adds to the rules') is ``--precision``
   (0.97) or more. Decisions are replayed in the order the product made them (union-find over
   the articles: an article joins every candidate's cluster the decision accepts), so a
   story's transitive joins count, and scored as ``bench/stories.py`` scores pairs (rewrite
   pairs' recall, precision over every joined pair). Three decisions: the rules (replayed: the
   product's splitting of a look-alike first article is not replayed; its own figure is
   printed beside), the learned one alone, and rules OR learned. BASIL is scored and trained on
   same-day pairs only (the product keeps next-day reports apart by design). Printed too: the
   retrieval's ceiling (true pairs whose later article never had the earlier as a candidate,
   and the recall an oracle decision over the candidates reaches when replayed), the same
   models at thresholds read off the test source (an upper bound, not a result), the AUC of
   the model and of single features over the test pairs, and the weights of a model trained on
   every source. Variants: ``--balance`` (each source weighs alike in training),
   ``--real-only`` (train on the other real halves alone), ``--best-only`` (the learned
   decision joins an article's most probable candidate alone), ``--fresh-only`` (it joins only
   stories begun within ``FRESH``, as the rules do: the next day only copies join).

Run::

    PYTHONPATH=. .venv/bin/python bench/stories_learned.py record --out /tmp/pairs.jsonl \\
        --real asA=/tmp/asA/set_A2.jsonl --real wnsA=/tmp/wnsA2/set_A.jsonl \\
        --real basA=/tmp/basil/basA_only.jsonl --real ecbA=/tmp/ecb/ecbA_only.jsonl
    PYTHONPATH=. .venv/bin/python bench/stories_learned.py fit /tmp/pairs.jsonl \
        [--balance] [--real-only] [--best-only] [--fresh-only] [--precision 0.97] [--l2 1.0]

Figures and the reading: ``bench/RESULTS.md``, "A learned join decision, measured (issue 10)" and
"The learned join line with real look-alikes (ECB+), measured (issue 10)".
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stories import centred, cluster_hourly, is_copy_pair, load_labelled
from digests import store, stories
from digests.models import ClusterArticle

ROOT = Path(__file__).resolve().parent.parent
INVENTED = ROOT / "tests" / "data" / "stories"
MIDDLE = datetime(2026, 3, 3, 12, tzinfo=UTC)  # the window's middle, as bench/stories.py has it

FEATURES = (
    "lead_cos",  # weighted cosine of the two leads, as the matcher computes it
    "lead_words",  # its shared words' part, names aside
    "lead_shared",  # log(1 + terms the leads share)
    "lead_numbers",  # figures the leads share (``shared_numbers``, a recall's figures cut)
    "names_shared",  # names both leads hold
    "names_mine",  # names only the article's lead gives
    "names_theirs",  # names only the candidate's terms give
    "strangers",  # both name someone, none the same (``strangers``)
    "headline_shared",  # headline terms shared
    "whole_cos",  # weighted cosine of the whole texts
    "whole_words",  # its words' part, names aside
    "whole_jaccard",  # Jaccard of the whole texts' term sets
    "whole_numbers",  # figures the whole texts share (no units of time)
    "headlines_meet",  # ``headlines_meet`` on the whole texts' features
    "plain_title",  # one writes a word the other's headline writes in lower case
    "figures_apart",  # each headline states a figure the other text never does
    "measured_apart",  # both state an amount of a kind, none agreeing
    "minhash",  # MinHash Jaccard of word 3-shingles (copies)
    "gap_hours",  # between the two articles' publication, capped at 48
    "story_age_hours",  # since the candidate's story began, as the rules built it (capped)
    "fresh",  # the candidate's story began within FRESH (only copies join older ones)
    "rank",  # the candidate's place in the retrieval (0 = most rare terms shared)
    "log_words",  # log of the shorter whole text's term count
)


# --- features ---------------------------------------------------------------------------


def _names(terms: Any) -> set[str]:
    return {t for t in terms if t[0] == stories.NAME_PREFIX}


def jaccard(a: Any, b: Any) -> float:
    """Return the Jaccard index of two collections' sets of items (0 for two empty ones)."""
    x, y = set(a), set(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def whole_features(
    mine: stories.Features,
    theirs: stories.Features,
    rows: tuple[ClusterArticle, ClusterArticle],
    df: dict[str, int],
    total: int,
    cut: frozenset[str],
) -> dict[str, float]:
    """Return the whole-text part of a pair's features (the module's own functions)."""
    prior = {**mine.prior, **theirs.prior}
    a = stories.weighted(mine.terms, df, total, prior)
    b = stories.weighted(theirs.terms, df, total, prior)
    shared = [t for t in a if t in b]
    row, other = rows
    return {
        "whole_cos": sum(a[t] * b[t] for t in shared),
        "whole_words": sum(a[t] * b[t] for t in shared if t[0] != stories.NAME_PREFIX),
        "whole_jaccard": jaccard(mine.terms, theirs.terms),
        "whole_numbers": float(
            stories.shared_numbers(
                stories.own_figures(mine.terms, cut), theirs.terms, durations=False
            )
        ),
        "headlines_meet": float(stories.headlines_meet(mine, theirs, row.language)),
        "plain_title": float(
            bool(mine.plain_title & theirs.terms.keys() or theirs.plain_title & mine.terms.keys())
        ),
        "figures_apart": float(
            stories.figures_apart(
                stories.headline_figures(row),
                stories.text_figures(row),
                stories.headline_figures(other),
                stories.text_figures(other),
            )
        ),
        "measured_apart": float(
            bool(stories.measured_apart(stories.text_measures(row), stories.text_measures(other)))
        ),
        "log_words": math.log1p(min(len(mine.terms), len(theirs.terms))),
    }


def lead_features(
    feats: stories.Features,
    cand_terms: Any,
    cand_norm: float,
    cand_title: frozenset[str],
    df: dict[str, int],
    total: int,
    cut: frozenset[str],
    language: str | None,
) -> dict[str, float]:
    """Return the lead part of a pair's features, computed as ``_Matcher.match`` does."""
    mine = stories.weighted(feats.terms, df, total, feats.prior)
    shared = [t for t in mine if t in cand_terms]
    weights = {
        t: mine[t] * stories.tf_idf(cand_terms[t], df[t], total, feats.prior.get(t, 0.0))
        for t in shared
    }
    norm = cand_norm or 1.0
    names_a, names_b = _names(feats.terms), _names(cand_terms)
    return {
        "lead_cos": sum(weights.values()) / norm,
        "lead_words": sum(v for t, v in weights.items() if t[0] != stories.NAME_PREFIX) / norm,
        "lead_shared": math.log1p(len(shared)),
        "lead_numbers": float(
            stories.shared_numbers(stories.own_figures(feats.terms, cut), cand_terms)
        ),
        "names_shared": float(len(names_a & names_b)),
        "names_mine": float(len(names_a - names_b)),
        "names_theirs": float(len(names_b - names_a)),
        "strangers": float(stories.strangers(feats.terms, cand_terms, language)),
        "headline_shared": float(len(feats.title & cand_title)),
    }


@dataclass
class Recorder:
    """Pairs the matcher considered in one database, in the order it considered them."""

    steps: list[dict[str, Any]] = field(default_factory=list)
    wholes: dict[int, stories.Features] = field(default_factory=dict)

    def whole(self, row: ClusterArticle) -> stories.Features:
        """Return (once per article) the features of an article's whole text."""
        if row.id not in self.wholes:
            self.wholes[row.id] = stories.features(
                row.title, row.text, row.language or None, whole=True
            )
        return self.wholes[row.id]

    def note(
        self, matcher: Any, article: stories.Article, found: Sequence[Any], match: Any
    ) -> None:
        """Record the rules' decision and the features of every candidate of an article."""
        row = article.row
        if row is None:
            return
        joined = set() if match is None else {match.story_id, *match.also}
        feats = article.features
        df = matcher.counts(feats.terms)
        total = matcher.total
        cut = stories.recalled_figures(row)
        texts = {r.id: r for r in store.cluster_articles(matcher.db, [c.article_id for c in found])}
        mine = self.whole(row)
        pairs = []
        for rank, cand in enumerate(found):
            other = texts.get(cand.article_id)
            if other is None:
                continue
            theirs = self.whole(other)
            whole_df = matcher.counts({*mine.terms, *theirs.terms})
            values = lead_features(
                feats,
                cand.terms,
                cand.norm,
                cand.title,
                df,
                total,
                cut,
                row.language,
            )
            values |= whole_features(mine, theirs, (row, other), dict(whole_df), total, cut)
            gap = abs(article.published - cand.published) / 3600
            age = (article.published - cand.first_seen) / 3600
            sim = (
                stories.similarity(article.signature, cand.signature)
                if article.signature is not None and cand.signature is not None
                else 0.0
            )
            values |= {
                "minhash": sim,
                "gap_hours": min(gap, 48.0),
                "story_age_hours": max(-48.0, min(age, 48.0)),
                "fresh": float(stories._fresh(article.published, cand)),
                "rank": float(rank),
            }
            pairs.append(
                {
                    "cand": cand.article_id,
                    "rules": cand.story_id in joined,
                    "x": [round(values[name], 5) for name in FEATURES],
                }
            )
        self.steps.append({"article": row.id, "pairs": pairs})


@contextmanager
def recording(recorder: Recorder) -> Iterator[None]:
    """Wrap the matcher's retrieval and decision so that every decision is recorded."""
    matcher_class: Any = stories._Matcher
    candidates: Callable[..., Any] = matcher_class.candidates
    match: Callable[..., Any] = matcher_class.match

    def wrapped_candidates(self: Any, *args: Any, **kwargs: Any) -> Any:
        found = candidates(self, *args, **kwargs)
        self._recorded = found
        return found

    def wrapped_match(self: Any, article: stories.Article) -> Any:
        self._recorded = []
        found = match(self, article)
        recorder.note(self, article, self._recorded, found)
        return found

    matcher_class.candidates = wrapped_candidates
    matcher_class.match = wrapped_match
    try:
        yield
    finally:
        matcher_class.candidates = candidates
        matcher_class.match = match


def label_of(db: Any) -> dict[int, str]:
    """Return database article id -> label id (the last part of the URL ``save`` gives)."""
    return {
        int(r["id"]): str(r["url"]).rsplit("/", 1)[1]
        for r in db.query("select id, url from articles")
    }


def record_set(path: Path, source: str) -> list[dict[str, Any]]:
    """Cluster each split of a set as ``bench/stories.py`` does; return its recorded splits."""
    rows = centred(load_labelled(path), MIDDLE)
    out = []
    for split in sorted({r["split"] for r in rows}, reverse=True):
        part = [r for r in rows if r["split"] == split]
        db = store.open_db(":memory:")
        recorder = Recorder()
        with recording(recorder):
            story_of = cluster_hourly(db, part)
        labels = label_of(db)
        steps = [
            {
                "article": labels[s["article"]],
                "pairs": [{**p, "cand": labels[p["cand"]]} for p in s["pairs"]],
            }
            for s in recorder.steps
        ]
        out.append(
            {
                "source": source,
                "set": path.stem,
                "split": split,
                "rows": [
                    {k: r.get(k) for k in ("id", "event", "kind", "copy_of", "follows")}
                    | {"day": r["published"].date().isoformat()}
                    for r in part
                ],
                "story_of": story_of,
                "steps": steps,
            }
        )
        db.close()
    return out


# --- replay and scores ------------------------------------------------------------------


class Union:
    """Union-find over label ids."""

    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        """Return the root of an item's set."""
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        """Put two items in one set."""
        self.parent[self.find(a)] = self.find(b)


Decision = Callable[[dict[str, Any]], bool]


def replay(split: dict[str, Any], decide: Decision) -> dict[str, str]:
    """Return label id -> cluster root after joining, in order, every pair ``decide`` accepts."""
    ids = [r["id"] for r in split["rows"]]
    found = Union(ids)
    for step in split["steps"]:
        for pair in step["pairs"]:
            if decide(pair):
                found.join(step["article"], pair["cand"])
    return {i: found.find(i) for i in ids}


@dataclass
class Counts:
    """Pairwise counts as ``bench/stories.py`` counts them (copy pairs aside in recall)."""

    rewrites: int = 0
    hits: int = 0
    predicted: int = 0
    right: int = 0

    def add(self, other: Counts) -> None:
        """Add another set's counts to these."""
        self.rewrites += other.rewrites
        self.hits += other.hits
        self.predicted += other.predicted
        self.right += other.right

    @property
    def recall(self) -> float:
        """Rewrite pairs' recall."""
        return self.hits / self.rewrites if self.rewrites else 1.0

    @property
    def precision(self) -> float:
        """Pairwise precision over every joined pair."""
        return self.right / self.predicted if self.predicted else 1.0


def _rewrite_pairs(split: dict[str, Any], same_day: bool) -> list[tuple[str, str]]:
    """Return (once per split) its true pairs that are no copy pairs, as the bench's recall
    counts them; ``same_day``: only those published on one day."""
    key = f"_rewrites_{same_day}"
    if key not in split:
        by_id = {r["id"]: r for r in split["rows"]}
        split[key] = [
            (a, b)
            for a, b in combinations(sorted(by_id), 2)
            if by_id[a]["event"] == by_id[b]["event"]
            and not is_copy_pair(by_id[a], by_id[b])
            and (not same_day or by_id[a]["day"] == by_id[b]["day"])
        ]
    return list(split[key])


def count(split: dict[str, Any], cluster: dict[str, Any], *, same_day: bool = False) -> Counts:
    """Count a clustering's pairs as ``bench/stories.py`` does: rewrite pairs (no copy pairs)
    for recall, every joined pair for precision; ``same_day``: only pairs published on one day
    (BASIL)."""
    joined: Counter[tuple[Any, str]] = Counter()
    right: Counter[tuple[Any, str, str]] = Counter()
    for r in split["rows"]:
        day = r["day"] if same_day else ""
        joined[cluster[r["id"]], day] += 1
        right[cluster[r["id"]], day, r["event"]] += 1
    rewrites = _rewrite_pairs(split, same_day)
    return Counts(
        len(rewrites),
        sum(cluster[a] == cluster[b] for a, b in rewrites),
        sum(n * (n - 1) // 2 for n in joined.values()),
        sum(n * (n - 1) // 2 for n in right.values()),
    )


def never_candidates(split: dict[str, Any], *, same_day: bool = False) -> tuple[int, int]:
    """Return (true rewrite pairs of which neither article had the other as a candidate, all)."""
    by_id = {r["id"]: r for r in split["rows"]}
    seen = {
        frozenset((step["article"], pair["cand"]))
        for step in split["steps"]
        for pair in step["pairs"]
    }
    missing = total = 0
    for a, b in combinations(sorted(by_id), 2):
        ra, rb = by_id[a], by_id[b]
        if ra["event"] != rb["event"] or is_copy_pair(ra, rb):
            continue
        if same_day and ra["day"] != rb["day"]:
            continue
        total += 1
        missing += frozenset((a, b)) not in seen
    return missing, total


def gold_of(split: dict[str, Any]) -> Callable[[str, str], bool]:
    """Return whether two label ids of a split are one event."""
    event = {r["id"]: r["event"] for r in split["rows"]}
    return lambda a, b: event[a] == event[b]


# --- the model --------------------------------------------------------------------------


@dataclass
class Model:
    """A logistic regression on standardised features."""

    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    weights: NDArray[np.float64]  # the intercept last

    def probability(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        """Return the probability of one event for each row of features."""
        z = ((x - self.mean) / self.scale) @ self.weights[:-1] + self.weights[-1]
        out: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return out


def fit(
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    l2: float = 1.0,
    weight: NDArray[np.float64] | None = None,
) -> Model:
    """Fit a logistic regression by Newton's method (L2 on the weights, not the intercept);
    ``weight``: each pair's weight in the likelihood (default 1)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    each = np.ones(len(y)) if weight is None else weight
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (each * (p - y)) + penalty * w
        hessian = (z * (each * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(mean, scale, w)


def pairs_of(
    splits: Sequence[dict[str, Any]], *, balance: bool = False
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Return the features, labels and weights of every recorded pair of these splits.

    BASIL's pairs of two days are left out of training (a later development is labelled one
    event there, which the product keeps apart by design). ``balance``: each source (the
    invented sets, each real half) weighs as much as another in all; else every pair weighs 1.
    """
    xs: list[list[float]] = []
    ys: list[float] = []
    sources: list[str] = []
    for split in splits:
        gold = gold_of(split)
        day = {r["id"]: r["day"] for r in split["rows"]}
        for step in split["steps"]:
            for pair in step["pairs"]:
                if split["source"] == "basA" and day[step["article"]] != day[pair["cand"]]:
                    continue
                xs.append(pair["x"])
                ys.append(float(gold(step["article"], pair["cand"])))
                sources.append(split["source"])
    sizes = Counter(sources)
    weight = [len(ys) / len(sizes) / sizes[s] if balance else 1.0 for s in sources]
    return np.array(xs, dtype=float), np.array(ys, dtype=float), np.array(weight)


def score_with(
    model: Model,
    splits: Sequence[dict[str, Any]],
    *,
    best_only: bool = False,
    fresh_only: bool = False,
) -> None:
    """Store each pair's probability under this model as ``p``, and as ``best`` whether the
    learned decision may join it: every pair, or (``fresh_only``) those whose story began
    within ``FRESH``, as the rules allow; ``best_only``: of those, an article's most probable."""
    fresh = FEATURES.index("fresh")
    for split in splits:
        for step in split["steps"]:
            if not step["pairs"]:
                continue
            probs = model.probability(np.array([p["x"] for p in step["pairs"]], dtype=float))
            allowed = [bool(p["x"][fresh]) or not fresh_only for p in step["pairs"]]
            top = max(range(len(probs)), key=lambda n: (allowed[n], probs[n]))
            for n, (pair, prob) in enumerate(zip(step["pairs"], probs, strict=True)):
                pair["p"] = float(prob)
                pair["best"] = allowed[n] and (n == top or not best_only)


def decisions(threshold: float, either: bool) -> Decision:
    """Return the learned decision at a threshold, or the rules OR it.

    The learned decision joins an article to every candidate at or over the threshold (their
    stories merge) that ``score_with`` left open to it (``best``: all, or the most probable).
    """

    def learned(pair: dict[str, Any]) -> bool:
        return bool(pair["p"] >= threshold and pair["best"])

    if either:
        return lambda pair: bool(pair["rules"]) or learned(pair)
    return learned


def pooled(splits: Sequence[dict[str, Any]], decide: Decision) -> Counts:
    """Return pooled pair counts of a decision replayed on every split."""
    out = Counts()
    for split in splits:
        out.add(count(split, replay(split, decide), same_day=split["source"] == "basA"))
    return out


THRESHOLDS = [*np.arange(0.02, 0.95, 0.01), *np.arange(0.95, 0.999, 0.002)]


def added(split: dict[str, Any], base: dict[str, str], new: dict[str, str]) -> Counts:
    """Count the pairs a clustering joins that a base clustering does not (BASIL: same day).

    The base must refine the new clustering (the rules' joins, and more: rules OR learned).
    """
    same_day = split["source"] == "basA"
    before, after = count(split, base, same_day=same_day), count(split, new, same_day=same_day)
    return Counts(0, 0, after.predicted - before.predicted, after.right - before.right)


def choose(splits: Sequence[dict[str, Any]], *, either: bool, precision: float) -> float:
    """Return the lowest threshold at which a decision, replayed on the training splits, is
    right at least ``precision`` of the time: for the learned decision alone, its pooled
    pairwise precision; for the rules OR it, the precision of the pairs it adds to the rules'
    (the rules' own precision on the invented sets is under 0.97: a bar on the union's would
    add nothing)."""
    rules = [replay(split, lambda pair: bool(pair["rules"])) for split in splits]
    for threshold in THRESHOLDS:
        decide = decisions(float(threshold), either)
        if either:
            extra = Counts()
            for split, base in zip(splits, rules, strict=True):
                extra.add(added(split, base, replay(split, decide)))
            right = extra.precision
        else:
            right = pooled(splits, decide).precision
        if right >= precision:
            return float(threshold)
    return 1.0


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Return the area under the ROC curve (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    order = np.argsort(np.array([*pos, *neg]), kind="mergesort")
    values = np.array([*pos, *neg])[order]
    ranks = np.empty(len(values))
    start = 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and values[end + 1] == values[start]:
            end += 1
        ranks[start : end + 1] = (start + end) / 2 + 1
        start = end + 1
    rank_of = np.empty(len(values))
    rank_of[order] = ranks
    return float((rank_of[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / len(pos) / len(neg))


# --- commands ---------------------------------------------------------------------------


def record(args: argparse.Namespace) -> None:
    """Cluster every set with the matcher wrapped; write the recorded splits."""
    paths = [
        (p, "invented")
        for p in sorted(INVENTED.glob("*.jsonl"))
        if not args.only or p.stem in args.only
    ]
    for spec in args.real:
        name, _, path = spec.partition("=")
        paths.append((Path(path), name))
    with args.out.open("w", encoding="utf-8") as out:
        for path, source in paths:
            for split in record_set(path, source):
                out.write(json.dumps(split) + "\n")
            print(f"recorded {path.name} ({source})", file=sys.stderr)


def row(name: str, found: Counts) -> str:
    """Return a table cell pair: recall (pairs) and precision (joined pairs)."""
    del name
    return f"{found.recall:.3f} ({found.hits}/{found.rewrites}) | {found.precision:.3f} ({found.predicted})"


# The real open halves a fold leaves out in turn, when recorded (``--real NAME=PATH``): ECB+'s
# ``ecbA`` (two events of one kind on one day) brings the real hard negatives the others lack.
REAL = {"asA": "asA", "wnsA": "wnsA", "basA": "basA (same day)", "ecbA": "ecbA"}


Fold = tuple[str, list[dict[str, Any]], list[dict[str, Any]]]


def folds_of(splits: Sequence[dict[str, Any]], *, real_only: bool) -> list[Fold]:
    """Return (test name, training splits, test splits): each real half left out in turn,
    then the ``samebeat*`` sets. ``real_only``: train on real halves alone (the others; all of
    them for the same-beat sets); else on every other source. A real half not recorded has no
    fold."""
    folds: list[Fold] = []
    recorded = {s["source"] for s in splits}
    for source, name in REAL.items():
        if source not in recorded:
            continue
        test = [s for s in splits if s["source"] == source]
        if real_only:
            train = [s for s in splits if s["source"] in REAL and s["source"] != source]
        else:
            train = [s for s in splits if s["source"] != source]
        folds.append((name, train, test))
    samebeat = [s for s in splits if s["set"].startswith("samebeat")]
    if real_only:
        train = [s for s in splits if s["source"] in REAL]
    else:
        train = [s for s in splits if not s["set"].startswith("samebeat")]
    folds.append(("samebeat*", train, samebeat))
    return folds


def evaluate(args: argparse.Namespace) -> None:
    """Leave one source out; print the table, the ceilings and the weights."""
    splits = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines()]
    print("Retrieval's ceiling (true rewrite pairs; BASIL same-day):")
    print("| source | true pairs | never a candidate | oracle over candidates, replayed |")
    print("|---|---|---|---|")
    for source in ("invented", *REAL):
        chosen = [s for s in splits if s["source"] == source]
        missing = total = 0
        for split in chosen:
            m, t = never_candidates(split, same_day=source == "basA")
            missing += m
            total += t
        oracle = Counts()
        for split in chosen:
            joined = replay_oracle(split, gold_of(split))
            oracle.add(count(split, joined, same_day=source == "basA"))
        print(f"| {source} | {total} | {missing} | {oracle.recall:.3f} |")
    folds = folds_of(splits, real_only=args.real_only)
    training = "the other real halves only" if args.real_only else "every other source"
    weighing = "each source weighing alike" if args.balance else "every pair alike"
    if args.best_only:
        weighing += "; the learned decision joins its best candidate alone"
    if args.fresh_only:
        weighing += "; only stories begun within FRESH"
    print(
        f"\nLeave one source out (trained on {training}, {weighing}); thresholds chosen on the "
        f"training sources (replayed: the learned decision's pooled precision, the pairs OR adds "
        f"to the rules') >= {args.precision}:"
    )
    print(
        "| test | product (actual) R / P | rules (replayed) R | P | learned R | P "
        "| rules OR learned R | P | pairs OR adds (right) | thresholds |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    bounds = []
    aucs = []
    for name, train, test in folds:
        x, y, weight = pairs_of(train, balance=args.balance)
        model = fit(x, y, args.l2, weight)
        score_with(model, train + test, best_only=args.best_only, fresh_only=args.fresh_only)
        alone = choose(train, either=False, precision=args.precision)
        either = choose(train, either=True, precision=args.precision)
        actual = Counts()
        extra = Counts()
        for split in test:
            actual.add(count(split, split["story_of"], same_day=split["source"] == "basA"))
            extra.add(
                added(
                    split,
                    replay(split, lambda pair: bool(pair["rules"])),
                    replay(split, decisions(either, True)),
                )
            )
        rules = pooled(test, lambda pair: bool(pair["rules"]))
        learned = pooled(test, decisions(alone, False))
        both = pooled(test, decisions(either, True))
        print(
            f"| {name} | {actual.recall:.3f} / {actual.precision:.3f} | {row(name, rules)} "
            f"| {row(name, learned)} | {row(name, both)} | {extra.predicted} ({extra.right}) "
            f"| {alone:.3f} / {either:.3f} |"
        )
        best = choose(test, either=False, precision=args.precision)
        best_either = choose(test, either=True, precision=args.precision)
        top = pooled(test, decisions(best, False))
        top_either = pooled(test, decisions(best_either, True))
        bounds.append(
            f"| {name} | {best:.3f}: {top.recall:.3f} / {top.precision:.3f} "
            f"| {best_either:.3f}: {top_either.recall:.3f} / {top_either.precision:.3f} |"
        )
        tx, ty, _ = pairs_of(test)
        p = model.probability(tx)
        column = {f: tx[:, FEATURES.index(f)] for f in ("lead_cos", "whole_cos", "whole_jaccard")}
        aucs.append(
            f"| {name} | {len(ty)} ({int(ty.sum())}) | {auc(list(p), list(ty > 0)):.3f} | "
            + " | ".join(f"{auc(list(v), list(ty > 0)):.3f}" for v in column.values())
            + " |"
        )
    print(
        "\nThe same models at thresholds read off the test source itself (an upper bound of "
        "what a threshold chosen in training could give, not a result): threshold: R / P"
    )
    print("| test | learned | rules OR learned |\n|---|---|---|")
    print("\n".join(bounds))
    print("\nAUC over the test source's candidate pairs (BASIL: same day):")
    print("| test | pairs (one event) | model | lead cosine | whole cosine | whole Jaccard |")
    print("|---|---|---|---|---|---|")
    print("\n".join(aucs))
    x, y, weight = pairs_of(splits, balance=args.balance)
    model = fit(x, y, args.l2, weight)
    print(
        f"\nWeights on standardised features, trained on every source ({len(y)} pairs, "
        f"{int(y.sum())} of one event):"
    )
    print("| feature | weight |\n|---|---|")
    for name, weight in sorted(
        zip(FEATURES, model.weights[:-1], strict=True), key=lambda item: -abs(item[1])
    ):
        print(f"| {name} | {weight:+.2f} |")
    print(f"| (intercept) | {model.weights[-1]:+.2f} |")


def replay_oracle(split: dict[str, Any], gold: Callable[[str, str], bool]) -> dict[str, str]:
    """Return the clustering an oracle over the retrieved candidates gives, replayed."""
    ids = [r["id"] for r in split["rows"]]
    found = Union(ids)
    for step in split["steps"]:
        for pair in step["pairs"]:
            if gold(step["article"], pair["cand"]):
                found.join(step["article"], pair["cand"])
    return {i: found.find(i) for i in ids}


def main() -> None:
    """Run the step asked for."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    rec = steps.add_parser("record", help="cluster the sets, write every candidate pair")
    rec.add_argument("--out", type=Path, required=True)
    rec.add_argument("--real", action="append", default=[], help="NAME=PATH of a real set")
    rec.add_argument("--only", action="append", help="invented sets to record (default all)")
    ev = steps.add_parser("fit", help="leave one source out; print the table")
    ev.add_argument("pairs", type=Path)
    ev.add_argument("--precision", type=float, default=0.97)
    ev.add_argument("--l2", type=float, default=1.0)
    ev.add_argument(
        "--fresh-only",
        action="store_true",
        help="the learned decision joins only stories begun within FRESH, as the rules do",
    )
    ev.add_argument(
        "--best-only", action="store_true", help="the learned decision joins one candidate"
    )
    ev.add_argument(
        "--real-only", action="store_true", help="train on the real halves only, no invented set"
    )
    ev.add_argument("--balance", action="store_true", help="each source weighs alike in training")
    args = parser.parse_args()
    if args.step == "record":
        record(args)
    else:
        evaluate(args)


if __name__ == "__main__":
    main()
