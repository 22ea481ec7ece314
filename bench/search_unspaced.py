"""What indexing Chinese, Japanese and Thai runs as pairs of letters costs: index size, CPU.

Run: .venv/bin/python bench/search_unspaced.py [--bbc DIR]

The search index holds a run of Han, Kana or Thai letters as its overlapping pairs
(``digests.unspaced.index_form``, migration 036), so that a word is found inside a run. The
store now reads each new article's title and text and writes that form (``index_articles``);
before, one INSERT ... SELECT copied them as they were. This measures, on a database made by
the store (one week's table of the index):

- the time to index every article (median of 5, CPU seconds of this process), the old
  statement against ``index_articles``;
- the index's bytes (``dbstat`` over the table's shadow tables after 'optimize'), runs whole
  against pairs, and, for comparison, an FTS5 ``trigram`` table of the same text;
- for a few words, the articles each finds against those whose text holds the word.

Corpora: 300 BBC news articles (English: ``--bbc``, default ../shared/bench-data/summaries,
read there, never copied here), and Chinese and Japanese sentences written for the tests
(tests/data/unspaced.txt), eight to an article, 300 articles.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests import store
from digests.models import ArticleIn
from digests.store.search_index import index_articles, searched_tables
from digests.unspaced import index_form

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BBC = ROOT.parent / "shared" / "bench-data" / "summaries"
RUNS = 5
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # a Friday: the week's table holds them all
WORDS = ("地震", "雅安", "銀行", "金融政策", "救援", "government", "market")

Article = tuple[str, str]


def bbc(folder: Path) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*.article.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        articles.append((lines[0].strip(), "\n".join(lines[1:]).strip()))
    return articles


def written(count: int = 300, per_article: int = 8) -> list[Article]:
    text = (ROOT / "tests/data/unspaced.txt").read_text(encoding="utf-8")
    sentences = [s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#")]
    rng = random.Random(35)
    articles = []
    for _ in range(count):
        picked = rng.sample(sentences, per_article)
        articles.append((picked[0].rstrip("。"), "".join(picked)))
    return articles


def old_index(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> None:
    """The statement the store ran before migration 036: title and text as they are."""
    marks = ",".join("?" * len(ids))
    conn.execute(
        f'insert into "{table}" (rowid, title, text)'
        f" select id, title, text from articles where id in ({marks})",
        list(ids),
    )


def new_index(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> None:
    index_articles(conn, ids)


def one_run(
    articles: Sequence[Article], way: Callable[[sqlite3.Connection, str, Sequence[int]], None]
) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        db = store.open_db(Path(folder) / "bench.db")
        items = [
            ArticleIn(f"https://news.example/{n}", title, text, NOW - timedelta(minutes=n))
            for n, (title, text) in enumerate(articles)
        ]
        ids = list(store.save_articles(db, None, items, now=NOW).new_ids)
        [table] = [t for t in searched_tables(db.conn) if t != "articles_fts_kept"]
        conn = db.conn
        conn.execute(f"""insert into "{table}"("{table}") values ('delete-all')""")
        conn.commit()
        started = time.process_time()
        with conn:
            way(conn, table, ids)
        seconds = time.process_time() - started
        conn.execute(f"""insert into "{table}"("{table}") values ('optimize')""")
        conn.commit()
        size = conn.execute(
            "select sum(pgsize) from dbstat where name like ?", [f"{table}_%"]
        ).fetchone()[0]
        db.close()
    return seconds, int(size)


def trigram(articles: Sequence[Article]) -> tuple[float, int, sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table tri using fts5 (title, text, tokenize='trigram')")
    started = time.process_time()
    conn.executemany("insert into tri values (?, ?)", articles)
    seconds = time.process_time() - started
    conn.execute("insert into tri(tri) values ('optimize')")
    size = conn.execute("select sum(pgsize) from dbstat where name like 'tri_%'").fetchone()[0]
    return seconds, int(size), conn


def found(articles: Sequence[Article], tri: sqlite3.Connection) -> list[str]:
    pairs = sqlite3.connect(":memory:")
    pairs.execute("create virtual table fts using fts5 (title, text, tokenize='porter')")
    pairs.executemany(
        "insert into fts values (?, ?)", [(index_form(t), index_form(x)) for t, x in articles]
    )
    whole = sqlite3.connect(":memory:")
    whole.execute("create virtual table fts using fts5 (title, text, tokenize='porter')")
    whole.executemany("insert into fts values (?, ?)", articles)
    lines = []
    for word in WORDS:
        holds = sum(1 for t, x in articles if word.lower() in f"{t} {x}".lower())
        if not holds:
            continue
        phrase = '"' + " ".join(index_form(word).split()) + '"'
        count = "select count(*) from fts where fts match ?"
        a = whole.execute(count, [f'"{word}"']).fetchone()[0]
        b = pairs.execute(count, [phrase]).fetchone()[0]
        c = tri.execute("select count(*) from tri where tri match ?", [f'"{word}"']).fetchone()[0]
        lines.append(f"  {word}: text holds {holds}; whole runs {a}, pairs {b}, trigram {c}")
    return lines


def report(name: str, articles: Sequence[Article]) -> None:
    before = [one_run(articles, old_index) for _ in range(RUNS)]
    after = [one_run(articles, new_index) for _ in range(RUNS)]
    t_tri, size_tri, tri = trigram(articles)
    t0, t1 = statistics.median(b[0] for b in before), statistics.median(a[0] for a in after)
    print(f"{name}: {len(articles)} articles, {sum(len(t) + len(x) for t, x in articles):,} chars")
    print(f"  index CPU: before {t0 * 1000:.0f} ms, after {t1 * 1000:.0f} ms ({t1 / t0:.2f}x)")
    print(
        f"  index bytes: before {before[0][1]:,}, after {after[0][1]:,}"
        f" ({after[0][1] / before[0][1]:.2f}x); trigram {size_tri:,}"
        f" ({size_tri / before[0][1]:.2f}x, {t_tri * 1000:.0f} ms)"
    )
    for line in found(articles, tri):
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bbc", type=Path, default=DEFAULT_BBC)
    args = parser.parse_args()
    report("BBC news (English)", bbc(args.bbc))
    report("written Chinese and Japanese", written())


if __name__ == "__main__":
    main()
