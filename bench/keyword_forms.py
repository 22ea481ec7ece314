"""Keywords and searches on real news: the forms of a word they find, and the other words.

Run: .venv/bin/python bench/keyword_forms.py [-v]

A keyword filter (``compose.keep``) and /search (``store.fts_query`` on the FTS5 index) should
find a word in its own inflected forms ("Дума", "Думы", "в Думе") and not a different word that
shares its first letters ("думали"). For each keyword below, its forms are written out by hand
(the paradigm a reader means); an article is *expected* when one of its words is one of them.
Reported per keyword, for the filter and for search: the expected articles found (recall), and
the articles found without any such word ("other": matched through a different word; -v names
the words).

The texts: Russian Wikinews (``tests/data/allegations_real_ru``, 468 articles) and English
Wikinews (``tests/data/allegations_real``, 625 articles), title and sentences as labelled
there (CC BY 2.5, Wikinews contributors). Search runs on an in-memory database the project's
store indexes as the bot's does; each article is its own story for the filter.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlite_utils import Database

from digests import compose, store
from digests.models import ArticleIn, StoryArticle
from digests.store.search_index import searched_tables

ROOT = Path(__file__).resolve().parents[1]
SETS = {"ru": ROOT / "tests/data/allegations_real_ru", "en": ROOT / "tests/data/allegations_real"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _forms(stem: str, endings: str) -> tuple[str, ...]:
    return tuple(stem + ("" if e == "-" else e) for e in endings.split())


# keyword -> its forms (lower case, "ё" written "е"), the paradigm a reader means by it
KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {
        "Дума": _forms("дум", "а ы е у ой ою ам ами ах"),
        "Рада": _forms("рад", "а ы е у ой ою"),
        "суд": _forms("суд", "- а у ом е ы ов ам ами ах"),
        "мир": _forms("мир", "- а у ом е ы ов ам ами ах"),
        "выборы": _forms("выбор", "ы ов ам ами ах - а у ом е"),
        "Москва": _forms("москв", "а ы е у ой ою"),
        "война": _forms("войн", "а ы е у ой ою - ам ами ах"),
        "президент": _forms("президент", "- а у ом е ы ов ам ами ах"),
        "закон": _forms("закон", "- а у ом е ы ов ам ами ах"),
        "полиция": _forms("полици", "я и ю ей ею й ям ями ях"),
        "партия": _forms("парти", "я и ю ей ею й ям ями ях"),
        "Украина": _forms("украин", "а ы е у ой ою"),
    },
    "en": {
        "election": ("election", "elections", "election's"),
        "police": ("police", "police's"),
        "court": ("court", "courts", "court's"),
        "president": ("president", "presidents", "president's"),
        "war": ("war", "wars", "war's"),
        "law": ("law", "laws", "law's"),
        "tax": ("tax", "taxes", "taxed", "taxing"),
        "vote": ("vote", "votes", "vote's", "voted", "voting", "voter", "voters"),
    },
}

NOW = datetime(2026, 1, 1, tzinfo=UTC)
Article = tuple[str, str]  # title, text


def articles(language: str) -> list[Article]:
    folder = SETS[language]
    sentences: dict[str, list[str]] = {}
    for line in (folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        sentences.setdefault(row["article"], []).append(row["text"])
    found = []
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        found.append((row["title"], " ".join(sentences.get(row["id"], []))))
    return found


def words(article: Article) -> set[str]:
    text = " ".join(article).replace("’", "'")
    return {w.lower().replace("ё", "е") for w in _WORD.findall(text)}


def filtered(language: str, texts: list[Article], keyword: str) -> set[int]:
    """Return the articles a chat's keyword filter keeps (each its own story)."""
    rows = [
        StoryArticle(
            story_id=n,
            story_title=title,
            article_id=n,
            url=f"https://example.org/{n}",
            title=title,
            text=text,
            published=NOW,
            language=language,
        )
        for n, (title, text) in enumerate(texts)
    ]
    return {c.story_id for c in compose.candidates(rows) if compose.keep(c, include=[keyword])}


def searched(db: Database, ids: list[int], keyword: str) -> set[int]:
    """Return the articles /search finds for the keyword alone (the last word: as /search
    reads it), by their place in the list."""
    query = store.fts_query(keyword)
    place = {article_id: n for n, article_id in enumerate(ids)}
    found: set[int] = set()
    for table in searched_tables(db.conn):
        rows = db.execute(f'select rowid from "{table}" where "{table}" match ?', [query])
        found |= {place[r[0]] for r in rows if r[0] in place}
    return found


def index(folder: Path, language: str, texts: list[Article]) -> tuple[Database, list[int]]:
    db = store.open_db(folder / f"{language}.db")
    items = [
        ArticleIn(f"https://example.org/{language}/{n}", title, text, published=NOW)
        for n, (title, text) in enumerate(texts)
    ]
    store.save_articles(db, None, items, now=NOW)
    by_url = {r["url"]: r["id"] for r in db.query("select id, url from articles")}
    return db, [by_url[item.url] for item in items]


def _others(language: str, keyword: str, found: Iterable[int], bags: list[set[str]]) -> str:
    """Return the words the filter kept the articles ``found`` for, each read alone."""
    words = sorted({w for n in found for w in bags[n]})
    kept = filtered(language, [(w, w) for w in words], keyword)
    return ", ".join(words[n] for n in sorted(kept)[:10])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="name the other words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for language, keywords in KEYWORDS.items():
            texts = articles(language)
            bags = [words(a) for a in texts]
            db, ids = index(Path(folder), language, texts)
            print(f"\n{language}: {len(texts)} articles")
            print(f"{'keyword':<11} {'expected':>8} | filter: found other | search: found other")
            totals = [0, 0, 0, 0, 0]
            for keyword, forms in keywords.items():
                expected = {n for n, bag in enumerate(bags) if bag & set(forms)}
                kept = filtered(language, texts, keyword)
                hits = searched(db, ids, keyword)
                row = [len(expected), len(kept & expected), len(kept - expected)]
                row += [len(hits & expected), len(hits - expected)]
                totals = [t + r for t, r in zip(totals, row, strict=True)]
                print(
                    f"{keyword:<11} {row[0]:>8} | {row[1]:>12} {row[2]:>5} | {row[3]:>12} {row[4]:>5}"
                )
                if args.verbose and (row[2] or row[4]):
                    other = _others(language, keyword, (kept | hits) - expected, bags)
                    print(f"{'':<11} other words: {other}")
            recall = (totals[1] / totals[0], totals[3] / totals[0])
            print(
                f"{'all':<11} {totals[0]:>8} | {totals[1]:>12} {totals[2]:>5} |"
                f" {totals[3]:>12} {totals[4]:>5}"
                f"   recall: filter {recall[0]:.3f}, search {recall[1]:.3f}"
            )
            db.close()


if __name__ == "__main__":
    main()
