"""Migration 046: titles, texts, authors, outlets and feed titles stored encoded twice before
ingest read them back ("MÃ¼ller") are read back by the same function, and what was made of a
title or text (search entry, hash, story headline, matcher terms, summaries, allegations) is
made again; rows without mojibake stay byte for byte."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from digests import process, read, store
from digests.dedup import content_hash
from digests.models import ArticleIn
from digests.store.unmangle import mended
from tests.support import assert_search_index_matches_articles, search_hits

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
BEFORE_046 = "046_text_encoded_twice_read_back"


def twice(text: str) -> str:
    """Return text as a publisher serves it after reading its UTF-8 as windows-1252."""
    return text.encode("utf-8").decode("cp1252")


def item(n: int, title: str, text: str, **kw: object) -> ArticleIn:
    values: dict[str, object] = {
        "url": f"https://news.example/{n}",
        "title": title,
        "text": text,
        "published": NOW - timedelta(hours=n),
    }
    values.update(kw)
    return ArticleIn(**values)  # type: ignore[arg-type]


GERMAN = (
    "Thomas Müller sagte am Montag in München, die Mannschaft werde über die Zukunft beraten."
    " Der Trainer äußerte sich zunächst nicht zu den Plänen für die nächste Saison.\n\n"
    "Prosecutors accused Müller of fraud on Monday, officials said."
)
PORTUGUESE = (
    "SÃO PAULO — A prefeitura anunciou nesta segunda-feira um plano para a habitação."
    " O projeto será votado amanhã pela câmara municipal da cidade."
)
ENGLISH = (
    "Prosecutors accused the minister of fraud on Monday, officials said. The ministry said"
    " a report would be published next week with its findings."
)


def rows(db: Database, table: str, key: str, ids: set[int]) -> dict[int, list[Any]]:
    return {
        row[key]: list(row.values())
        for row in db.query(f"select * from {table}")
        if row[key] in ids
    }


def stored_before_046(db_path: Path) -> Database:
    """Return a database at migration 045 holding articles as ingest stored them before it
    read text encoded twice back, processed (stories, summaries, allegations, search)."""
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before=BEFORE_046)
    mangled = store.add_source(old, "https://sz.example/rss", title=twice("Süddeutsche Zeitung"))
    clean = store.add_source(old, "https://ok.example/rss", title="Folha")
    store.save_articles(
        old,
        mangled.id,
        [
            item(1, twice("Müller bleibt in München"), twice(GERMAN), author=twice("Jürgen Weiß")),
            item(2, "Minister accused of fraud", ENGLISH),  # its feed's name only
        ],
        now=NOW,
    )
    store.save_articles(
        old,
        clean.id,
        [
            item(3, "SÃO PAULO ANUNCIA PLANO", PORTUGUESE),  # right as it is
            item(4, "Café culture", "Le café coûte deux euros à Paris, a-t-il dit. " * 3),
        ],
        now=NOW,
    )
    process.process_pending_sync(old, now=NOW)
    old.conn.commit()
    return old


def test_mended_reads_back_only_what_was_encoded_twice() -> None:
    assert mended(twice("Müller")) == "Müller"
    assert mended(twice("Дуров")) == "Дуров"
    assert mended(twice("don’t")) == "don’t"
    # Stored whitespace was made one space: "Ã\xa0" of "à" is "Ã " there.
    assert mended("voilÃ le travail") == "voilà le travail"
    for right in ("SÃO PAULO", "A IRMÃ DO PRESIDENTE", "Müller", "Ðað", "", None):
        assert mended(right) is None


def test_migration_046_reads_back_stored_mojibake(db_path: Path) -> None:
    old = stored_before_046(db_path)
    ids = dict(old.execute("select url, id from articles").fetchall())
    first, second = ids["https://news.example/1"], ids["https://news.example/2"]
    story = old.execute("select story_id from articles where id = ?", [first]).fetchone()[0]
    # Its story's headline is its title, as clustering chose it.
    old.execute(
        "update stories set title = ? where id = ?", [twice("Müller bleibt in München"), story]
    )
    old.conn.commit()
    untouched = set(ids.values()) - {first}
    keys = dict(
        (
            ("articles", "id"),
            ("summaries", "article_id"),
            ("allegation_runs", "article_id"),
            ("story_terms", "article_id"),
        )
    )
    before = {table: rows(old, table, key, untouched) for table, key in keys.items()}
    assert search_hits(old, "müller") == []
    summarised = {r[0] for r in old.execute("select article_id from summaries")}
    ledger = old.execute("select distinct source_title from allegations").fetchall()
    assert (twice("Süddeutsche Zeitung"),) in ledger
    old.close()

    db = store.open_db(db_path)
    title, text, author, hashed, words = db.execute(
        "select title, text, author, content_hash, word_count from articles where id = ?", [first]
    ).fetchone()
    assert (title, text, author) == ("Müller bleibt in München", GERMAN, "Jürgen Weiß")
    assert hashed == content_hash(f"{title}\n{text}")
    assert words == len(GERMAN.split())
    assert db.execute("select title from sources where url like '%sz%'").fetchone() == (
        "Süddeutsche Zeitung",
    )
    # Rows without mojibake, the Portuguese capitals among them, stay byte for byte; the
    # article only of a mangled feed keeps its own rows too (its name changes in the ledger).
    for table, key in keys.items():
        assert rows(db, table, key, untouched) == before[table], table
    # A search for the word read back finds it; the index is the one a fresh start makes.
    assert_search_index_matches_articles(db)
    assert search_hits(db, "müller") == [first]
    assert search_hits(db, "title: münchen") == [first]
    assert db.execute("select title from stories where id = ?", [story]).fetchone() == (
        "Müller bleibt in München",
    )
    terms = db.execute("select title from story_terms where article_id = ?", [first]).fetchone()
    assert terms is None or "Ã" not in terms[0]
    # Summaries and allegations of the article read back are made again; the others kept.
    assert {r[0] for r in db.execute("select article_id from summaries")} == summarised - {first}
    assert (
        db.execute("select 1 from allegation_runs where article_id = ?", [first]).fetchone() is None
    )
    ledger = {r[0] for r in db.execute("select distinct source_title from allegations")}
    assert twice("Süddeutsche Zeitung") not in ledger
    assert second in {r[0] for r in db.execute("select article_id from allegations")}
    db.close()

    again = store.open_db(db_path)  # once
    process.process_pending_sync(again, now=NOW)
    assert {r[0] for r in again.execute("select article_id from summaries")} >= summarised
    summary = again.execute(
        "select summary from summaries where article_id = ?", [first]
    ).fetchone()
    assert "Müller" in summary[0]
    found = read.search(again, "Müller", now=NOW + timedelta(hours=1))
    assert [s.title for s in found.stories] == ["Müller bleibt in München"]
    again.close()


def test_migration_046_leaves_a_database_without_mojibake_as_it_is(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before=BEFORE_046)
    store.save_articles(old, None, [item(3, "SÃO PAULO", PORTUGUESE)], now=NOW)
    process.process_pending_sync(old, now=NOW)
    old.conn.commit()
    dump = list(old.conn.iterdump())
    old.close()

    # Migrations up to 046 only: a later one may change the schema (048 adds columns).
    db = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(db, stop_before="047_redo_polish_summaries_split_after_units")
    after = [line for line in db.conn.iterdump() if "_sqlite_migrations" not in line]
    assert after == [line for line in dump if "_sqlite_migrations" not in line]
    db.close()
