"""A bag-of-n-grams baseline for allegation detection: what the written sets reward.

Measures, next to the rules of ``digests.allegations``, a statistical reader that knows no
grammar: TF-IDF of word 1-2-grams and character 3-5-grams (within words), logistic regression
with balanced classes. It detects only (no accuser, no target), so it is a baseline for the
detection half of the figures, not a ledger.

Three checks, none of which reads a blind split (``bench.allegations.load`` leaves them out):

1. **Written sets, in time order** (ru, fr, de, es): for each split ``fresh20``…``fresh33``,
   train on the splits written before it (``LANGUAGE_TUNABLE`` order), score on it; pooled
   precision and recall per probability threshold. Each split was blind to the rules once: the
   rules' figure to compare is their score at that time (``bench/RESULTS.md``).
2. **English real news, in time order**: for each real-news part ``heldout10``…``heldout24``,
   train on the parts labelled before it, score on it (criticism rows apart, as
   ``bench/allegations.py`` scores); alone, and as "the rules' items, or the model's sentences
   above a threshold".
3. **French real news** (``--orangesum DIR``: text files of headline, blank line, body, as
   ``bench/languages.py prepare --orangesum`` writes them): trained on every open French
   split, how many sentences of the articles pass each threshold, and a sample of those above
   the highest one to read (nothing here is labelled; precision is judged by reading them).

Needs scikit-learn, which the bot does not use: ``.venv/bin/pip install scikit-learn``, then
``.venv/bin/python bench/allegations_baseline.py [--orangesum DIR]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.allegations import (  # noqa: E402
    DATA,
    LANGUAGE_TUNABLE,
    language_set,
    load,
    load_real,
    predict_article,
)
from digests.tokenize import split_sentences  # noqa: E402

LANGUAGES = ("ru", "fr", "de", "es")
WRITTEN_SPLITS = [f"fresh{k}" for k in range(20, 34)]
REAL_ORDER = ["tune", "test", "heldout", *(f"heldout{k}" for k in range(2, 25))]
REAL_SPLITS = [f"heldout{k}" for k in range(10, 25)]
THRESHOLDS = (0.5, 0.7, 0.85, 0.9, 0.95)

Model = Callable[[Sequence[str]], list[float]]


def train(texts: Sequence[str], labels: Sequence[bool]) -> Model:
    """Fit the baseline; return a function giving each text's probability of an allegation."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    model = make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True),
        ),
        LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced"),
    )
    model.fit(list(texts), list(labels))
    return lambda batch: [float(p) for p in model.predict_proba(list(batch))[:, 1]]


def figures(pairs: Sequence[tuple[bool, bool]]) -> str:
    """Return "P R (tp fp fn)" of (expected, predicted) pairs."""
    tp = sum(e and p for e, p in pairs)
    fp = sum(p and not e for e, p in pairs)
    fn = sum(e and not p for e, p in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"P {precision:.3f} R {recall:.3f} (tp {tp}, fp {fp}, fn {fn})"


def written(language: str) -> None:
    """Check 1: each later written split scored by a model of the earlier ones."""
    rows = [r for r in load(language_set(language)) if r["split"] in LANGUAGE_TUNABLE]
    order = {s: i for i, s in enumerate(LANGUAGE_TUNABLE)}
    scored: list[tuple[bool, float]] = []
    for split in WRITTEN_SPLITS:
        before = [r for r in rows if order[r["split"]] < order[split]]
        test = [r for r in rows if r["split"] == split]
        if not test:
            continue
        model = train([r["text"] for r in before], [bool(r["is_allegation"]) for r in before])
        expected = [bool(r["is_allegation"]) for r in test]
        scored += zip(expected, model([r["text"] for r in test]), strict=True)
    for threshold in THRESHOLDS:
        pairs = [(e, p >= threshold) for e, p in scored]
        print(f"| {language} | {threshold} | {figures(pairs)} |")


def real_english() -> None:
    """Check 2: each later English real-news part, the model alone and beside the rules."""
    articles = load_real()
    rows = [r for a in articles for r in a.rows if not r["criticism"]]
    by_rules: set[str] = set()
    for article in articles:
        if article.split in REAL_SPLITS:
            by_rules.update(predict_article(article))
    scored: list[tuple[dict[str, Any], float]] = []
    for split in REAL_SPLITS:
        cut = REAL_ORDER.index(split)
        before = [r for r in rows if REAL_ORDER.index(r["split"]) < cut]
        test = [r for r in rows if r["split"] == split]
        model = train([r["text"] for r in before], [bool(r["is_allegation"]) for r in before])
        scored += zip(test, model([r["text"] for r in test]), strict=True)
    print("| reader | " + " | ".join(str(t) for t in THRESHOLDS) + " |")
    print("|---|" + "---|" * len(THRESHOLDS))
    rules = [(bool(r["is_allegation"]), r["id"] in by_rules) for r, _ in scored]
    print(f"| the rules | {figures(rules)} |" + " |" * (len(THRESHOLDS) - 1))
    alone = [figures([(bool(r["is_allegation"]), p >= t) for r, p in scored]) for t in THRESHOLDS]
    print("| the model alone | " + " | ".join(alone) + " |")
    union = [
        figures([(bool(r["is_allegation"]), r["id"] in by_rules or p >= t) for r, p in scored])
        for t in THRESHOLDS
    ]
    print("| the rules, or the model | " + " | ".join(union) + " |")


def real_french(folder: Path, sample: int = 30) -> None:
    """Check 3: the French model on real articles; counts per threshold and a sample to read."""
    rows = [r for r in load(language_set("fr")) if r["split"] in LANGUAGE_TUNABLE]
    model = train([r["text"] for r in rows], [bool(r["is_allegation"]) for r in rows])
    sentences: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        _, _, body = path.read_text("utf-8").partition("\n\n")
        for paragraph in body.split("\n\n"):
            sentences += split_sentences(paragraph, "french")
    probabilities = model(sentences)
    print(f"{len(sentences)} sentences of {len(list(folder.glob('*.txt')))} articles")
    for threshold in THRESHOLDS:
        print(f"  at {threshold}: {sum(p >= threshold for p in probabilities)} sentences")
    top = [(p, s) for p, s in zip(probabilities, sentences, strict=True) if p >= 0.9]
    random.Random(1).shuffle(top)
    for p, sentence in top[:sample]:
        print(f"  {p:.2f} {sentence[:200]}")


def main() -> None:
    """Run the checks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orangesum", type=Path, help="folder of French real-news text files")
    args = parser.parse_args()
    print(f"Written sets ({DATA.parent}), fresh20-fresh33 each scored by the earlier splits:")
    print("| language | threshold | pooled figures |\n|---|---|---|")
    for language in LANGUAGES:
        written(language)
    print("\nEnglish real news, heldout10-heldout24 each scored by the earlier parts:")
    real_english()
    if args.orangesum:
        print("\nFrench real news:")
        real_french(args.orangesum)


if __name__ == "__main__":
    main()
