"""What indexing German compound heads for /search would cost: index size and indexing time.

Run: .venv/bin/python bench/search_compounds.py [--pcc DIR]

Keywords match a German compound by its head ("Politik" finds "Klimapolitik",
``digests.compose._compound_pattern``); /search does not: its FTS5 index finds words by their
start. Finding a compound by its head with a prefix lookup needs every ending of a long word
indexed as a term of its own ("klimapolitik" also as "apolitik", "politik", ... down to
COMPOUND_HEAD_LETTERS letters after COMPOUND_MODIFIER_LETTERS), in a column beside title and
text: the articles table would keep that column (the index is external-content) and every
week's table of the index would be rebuilt with it. This measures the cost of the terms on a
copy of the index's table shape (FTS5, porter, title and text), without that column and with
it, on:

- the seeded database (what ``make run`` opens): its articles, of which German ones get heads;
- German newspaper commentaries, the Potsdam Commentary Corpus (174 texts, CC BY-NC-SA 4.0,
  from the tokenised files of DISRPT 2019, github.com/disrpt/sharedtask2019,
  ``data/deu.rst.pcc/*.tok``; ``--pcc DIR`` names the folder; read there, never copied here);
- the project's own German sentences (tests/data/allegations_de.jsonl, written for the
  ledger), twelve to an article.

Reported: articles, terms added, the index's bytes (``dbstat`` over the FTS5 shadow tables
after ``optimize``), the time to index (median of 5, one core) and, for a few keywords, the
articles that /search finds now, with heads, and that keywords match (on that copy), and
what the project's own /search finds (``store.search_story_ids`` on a database of them).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests import compose, store
from digests.bootstrap import open_database
from digests.letters import COMPOUND_HEAD_LETTERS, COMPOUND_MODIFIER_LETTERS
from digests.models import ArticleIn

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PCC = Path("/tmp/newsbot-language-data/pcc")
_WORD = re.compile(r"[^\W\d_]+")
KEYWORDS = ("Politik", "Regierung", "Partei", "Minister", "Schule", "Stadt", "Haushalt")
RUNS = 5

Article = tuple[str, str, bool]  # title, text, German


def heads(title: str, text: str) -> str:
    """Return every ending of a long word that a keyword could head, space-separated."""
    found: set[str] = set()
    shortest = COMPOUND_MODIFIER_LETTERS + COMPOUND_HEAD_LETTERS
    for word in _WORD.findall(f"{title} {text}".lower()):
        for start in range(COMPOUND_MODIFIER_LETTERS, len(word) - COMPOUND_HEAD_LETTERS + 1):
            if len(word) >= shortest:
                found.add(word[start:])
    return " ".join(sorted(found))


def seeded() -> list[Article]:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "seeded.db")
        rows = db.query("select title, text, language from articles")
        return [(r["title"] or "", r["text"] or "", r["language"] == "de") for r in rows]


def pcc(folder: Path) -> list[Article]:
    documents: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.tok")):
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newdoc id"):
                current = documents.setdefault(line.split("=", 1)[1].strip(), [])
            elif line.strip() and not line.startswith("#"):
                current.append(line.split("\t")[1])
    return [(" ".join(words[:8]), " ".join(words), True) for words in documents.values()]


def written() -> list[Article]:
    lines = (ROOT / "tests/data/allegations_de.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = [json.loads(line)["text"] for line in lines if line.strip()]
    return [
        (sentences[n], " ".join(sentences[n : n + 12]), True) for n in range(0, len(sentences), 12)
    ]


def build(articles: Sequence[Article], *, with_heads: bool) -> tuple[float, int, int]:
    """Index the articles; return seconds, index bytes and terms added."""
    columns = "title, text, heads" if with_heads else "title, text"
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "fts.db")
        conn.execute(f"create virtual table fts using fts5 ({columns}, tokenize='porter')")
        started = time.process_time()
        added = 0
        rows = []
        for title, text, german in articles:
            if with_heads:
                extra = heads(title, text) if german else ""
                added += len(extra.split())
                rows.append((title, text, extra))
            else:
                rows.append((title, text))
        marks = ", ".join("?" * len(rows[0])) if rows else ""
        conn.executemany(f"insert into fts values ({marks})", rows)
        conn.execute("insert into fts(fts) values ('optimize')")
        conn.commit()
        seconds = time.process_time() - started
        size = conn.execute("select sum(pgsize) from dbstat where name like 'fts_%'").fetchone()[0]
        conn.close()
    return seconds, int(size or 0), added


def found(articles: Sequence[Article], keyword: str) -> tuple[int, int, int]:
    """Return the articles /search finds now, with heads, and that the keyword matches."""
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table fts using fts5 (title, text, heads, tokenize='porter')")
    conn.executemany(
        "insert into fts values (?, ?, ?)",
        [(t, x, heads(t, x) if g else "") for t, x, g in articles],
    )
    term = f'"{keyword.lower()}"*'
    now = conn.execute(f"select count(*) from fts where fts match '{{title text}}: {term}'")
    later = conn.execute(f"select count(*) from fts where fts match '{term}'")
    pattern = re.compile(compose._compound_pattern(keyword), re.IGNORECASE)
    matched = sum(1 for t, x, _ in articles if pattern.search(f"{t} {x}"))
    return int(now.fetchone()[0]), int(later.fetchone()[0]), matched


def searched(articles: Sequence[Article], keywords: Sequence[str]) -> dict[str, int]:
    """Return, for each keyword, the articles the project's /search finds
    (``store.search_story_ids``, each article its own story; German ones marked "de")."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        db = store.open_db(Path(folder) / "search.db")
        items = [
            ArticleIn(f"https://example.org/{n}", t, x, published=now, language="de" if g else None)
            for n, (t, x, g) in enumerate(articles)
        ]
        store.save_articles(db, None, items, now=now)
        with db.conn:
            db.execute("insert into stories (id, title) select id, title from articles")
            db.execute("update articles set story_id = id")
        found = {k: len(store.search_story_ids(db, k, limit=len(items))[0]) for k in keywords}
        db.close()
    return found


def report(name: str, articles: Sequence[Article]) -> None:
    german = sum(1 for *_, g in articles if g)
    words = sum(len(_WORD.findall(f"{t} {x}")) for t, x, _ in articles)
    plain = [build(articles, with_heads=False) for _ in range(RUNS)]
    more = [build(articles, with_heads=True) for _ in range(RUNS)]
    t0, t1 = statistics.median(p[0] for p in plain), statistics.median(m[0] for m in more)
    s0, s1, added = plain[0][1], more[0][1], more[0][2]
    print(f"\n{name}: {len(articles)} articles ({german} German), {words:,} words")
    print(f"  terms added: {added:,} ({added / max(words, 1):.2f} per word)")
    print(f"  index: {s0:,} -> {s1:,} bytes ({s1 / max(s0, 1):.2f}x)")
    print(f"  indexing: {t0 * 1000:.1f} -> {t1 * 1000:.1f} ms CPU ({t1 / max(t0, 1e-9):.2f}x)")
    project = searched(articles, KEYWORDS) if german else {}
    for keyword in KEYWORDS if german else ():
        now, later, matched = found(articles, keyword)
        print(
            f"  {keyword}: /search {now} -> {later} articles; keyword matches {matched};"
            f" the project's /search finds {project[keyword]}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pcc", type=Path, default=DEFAULT_PCC, help="DISRPT's deu.rst.pcc")
    args = parser.parse_args(argv)
    report("seeded database", seeded())
    if args.pcc.is_dir():
        report("Potsdam Commentary Corpus", pcc(args.pcc))
    else:
        print(f"\n(no {args.pcc}: the commentaries are skipped)")
    report("the project's German sentences", written())


if __name__ == "__main__":
    main()
