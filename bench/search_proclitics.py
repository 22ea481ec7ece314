"""What indexing Hebrew and Arabic words without their proclitics costs: index size, CPU.

Run: .venv/bin/python bench/search_proclitics.py [--bbc DIR]

The search index holds a Hebrew or Arabic title or text followed by its copy with each
word's prepositions, conjunctions and article cut (``digests.proclitics``, migration 038),
so that "חיפה" finds "בחיפה". This measures, on a database made by the store (one week's
table of the index), the way ``bench/search_unspaced.py`` does:

- the time to index every article (median of 5, CPU seconds of this process): the form
  before migration 038 (``unspaced.index_form``) against ``index_articles`` now;
- the index's bytes (``dbstat`` over the table's shadow tables after 'optimize');
- whether any title or text of the corpus is written otherwise than before (English,
  Chinese and Japanese must be byte-identical);
- for a few words, the articles each finds before and after, against those whose text
  holds the word with or without a proclitic.

Corpora: 300 BBC news articles (``--bbc``, read in ../shared, never copied here), the
Chinese and Japanese sentences of ``bench/search_unspaced.py``, and Hebrew and Arabic
sentences written for the tests (tests/data/proclitics.txt), eight to an article, 300
articles of each language.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_unspaced import DEFAULT_BBC, RUNS, Article, bbc, new_index, one_run, written

from digests.store.search_index import entry_form
from digests.unspaced import index_form

ROOT = Path(__file__).resolve().parents[1]
WORDS = {"he": ("חיפה", "ממשלה", "כנסת", "ערים"), "ar": ("حيفا", "حكومة", "رئيس", "لبنان")}


def paragraphs(language: str, count: int = 300, per_article: int = 8) -> list[Article]:
    text = (ROOT / "tests/data/proclitics.txt").read_text(encoding="utf-8")
    sentences = [
        sentence.strip() + "."
        for line in text.splitlines()
        if line.startswith(f"{language}\t")
        for sentence in line.split("\t", 1)[1].split(".")
        if sentence.strip()
    ]
    rng = random.Random(38)
    articles = []
    for n in range(count):
        picked = rng.sample(sentences, per_article)
        # A number in each title: the store keeps one of articles with one title.
        articles.append((f"{picked[0].rstrip('.')} {n + 1}", " ".join(picked)))
    return articles


def before_index(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> None:
    """The index's form before migration 038: runs as pairs, every other word whole."""
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"select id, title, text from articles where id in ({marks})", list(ids))
    conn.executemany(
        f'insert into "{table}" (rowid, title, text) values (?, ?, ?)',
        [(i, index_form(t), index_form(x)) for i, t, x in rows],
    )


def found(articles: Sequence[Article], words: Sequence[str]) -> list[str]:
    tables = {}
    for name, form in (("before", index_form), ("after", entry_form)):
        conn = sqlite3.connect(":memory:")
        conn.execute("create virtual table fts using fts5 (title, text, tokenize='porter')")
        conn.executemany("insert into fts values (?, ?)", [(form(t), form(x)) for t, x in articles])
        tables[name] = conn
    lines = []
    for word in words:
        # Articles whose text holds the word after at most three letters of a word's start.
        start = re.compile(rf"(?<!\w)\w{{0,3}}{re.escape(word)}(?!\w)")
        holds = sum(1 for t, x in articles if start.search(f"{t} {x}"))
        counts = [
            conn.execute("select count(*) from fts where fts match ?", [f'"{word}"']).fetchone()[0]
            for conn in tables.values()
        ]
        lines.append(
            f"  {word}: text holds it (with up to 3 letters before) in {holds};"
            f" found before {counts[0]}, after {counts[1]}"
        )
    return lines


def report(name: str, articles: Sequence[Article], words: Sequence[str] = ()) -> None:
    before = [one_run(articles, before_index) for _ in range(RUNS)]
    after = [one_run(articles, new_index) for _ in range(RUNS)]
    t0, t1 = statistics.median(b[0] for b in before), statistics.median(a[0] for a in after)
    changed = sum(entry_form(s) != index_form(s) for article in articles for s in article)
    print(f"{name}: {len(articles)} articles, {sum(len(t) + len(x) for t, x in articles):,} chars")
    print(f"  titles and texts written otherwise than before: {changed}")
    print(f"  index CPU: before {t0 * 1000:.0f} ms, after {t1 * 1000:.0f} ms ({t1 / t0:.2f}x)")
    print(
        f"  index bytes: before {before[0][1]:,}, after {after[0][1]:,}"
        f" ({after[0][1] / before[0][1]:.2f}x)"
    )
    for line in found(articles, words):
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bbc", type=Path, default=DEFAULT_BBC)
    args = parser.parse_args()
    report("BBC news (English)", bbc(args.bbc))
    report("written Chinese and Japanese", written())
    report("written Hebrew", paragraphs("he"), WORDS["he"])
    report("written Arabic", paragraphs("ar"), WORDS["ar"])


if __name__ == "__main__":
    main()
