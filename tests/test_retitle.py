"""Migration 044: titles stored before feed parsing cut the outlet's name after a headline
("Storm hits coast - BBC News") are cut by the same rule, and what was made of them (search
entry, content hash, story headline, matcher terms, summaries, allegations) is made again."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from digests import process, store
from digests.dedup import content_hash
from digests.models import ArticleIn
from digests.store.search_index import entry_form, form_before_045
from tests.support import assert_search_index_matches_articles, search_hits

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
BEFORE_044 = "044_titles_without_outlet_suffixes"


def item(n: int, title: str, **kw: object) -> ArticleIn:
    text = (
        f"Officials gave details of case {n} on Monday after a long meeting in the capital. "
        f"The ministry said report {n} would be published next week with its findings. "
    ) * 3
    values: dict[str, object] = {
        "url": f"https://news.example/{n}",
        "title": title,
        "text": text,
        "published": NOW - timedelta(hours=n),
    }
    values.update(kw)
    return ArticleIn(**values)  # type: ignore[arg-type]


def titles(db: Database) -> dict[str, str]:
    return dict(db.execute("select url, title from articles").fetchall())


def stored_before_044(db_path: Path) -> Database:
    """Return a database at migration 043 holding titles as feeds were stored before the rule,
    processed (stories, summaries, allegations, search, matcher terms)."""
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before=BEFORE_044)
    bbc = store.add_source(old, "https://bbc.example/rss", title="BBC News - World").id
    planet = store.add_source(old, "https://planet.example/rss", title="Top stories").id
    few = store.add_source(old, "https://few.example/rss", title="Gazette").id
    agg = store.add_source(old, "https://agg.example/rss", title="News aggregator").id
    store.save_articles(
        old,
        bbc,
        [
            item(1, "Storm hits coast - BBC News"),
            item(2, "Floods close schools | BBC News"),
            item(3, "Iran - US talks resume in Oman"),  # the headline's own ending
            # The text opens on the headline: the allegation extractor leaves it out.
            item(
                4,
                "Minister accused of fraud - BBC News",
                text="Minister accused of fraud\n\n"
                "Prosecutors accused the minister of fraud on Monday, officials said.",
            ),
        ],
        now=NOW,
    )
    store.save_articles(
        old,
        planet,
        [item(n, f"Harbour report {n} - Planet Online") for n in range(10, 14)]
        + [item(14, "Markets open higher - Analysis")],
        now=NOW,
    )
    store.save_articles(
        old,
        few,
        [item(20, "Mayor resigns - City Desk"), item(21, "Bridge opens - City Desk")],
        now=NOW,
    )
    store.save_articles(
        old,
        agg,
        [
            item(
                30,
                "Voters head to the polls - Reuters",
                outlet="Reuters",
                outlet_host="reuters.com",
            )
        ],
        now=NOW,
    )
    process.process_pending_sync(old, now=NOW)
    # As the index held them at 043: without the capital tokens 045 adds ("BBC": "0bbc0").
    for table in store.searched_tables(old.conn):
        entries = old.execute(
            f'select a.id, a.title, a.text from articles a join "{table}_docsize" d on d.id = a.id'
        ).fetchall()
        old.conn.executemany(
            f"""insert into "{table}" ("{table}", rowid, title, text) values ('delete', ?, ?, ?)""",
            [(i, entry_form(title), entry_form(text)) for i, title, text in entries],
        )
        old.conn.executemany(
            f'insert into "{table}" (rowid, title, text) values (?, ?, ?)',
            [(i, form_before_045(title), form_before_045(text)) for i, title, text in entries],
        )
    old.conn.commit()
    return old


def test_migration_044_cuts_outlet_suffixes_stored_before_the_rule(db_path: Path) -> None:
    old = stored_before_044(db_path)
    before = titles(old)
    # A story whose headline is the article's title, as clustering chose it.
    story_of_1 = old.execute("select story_id from articles where url like '%/1'").fetchone()[0]
    old.execute(
        "update stories set title = ? where id = ?", [before["https://news.example/1"], story_of_1]
    )
    old.conn.commit()
    summarised = {r[0] for r in old.execute("select article_id from summaries")}
    runs = {r[0] for r in old.execute("select article_id from allegation_runs")}
    assert before["https://news.example/1"] == "Storm hits coast - BBC News"  # as on main
    old.close()

    db = store.open_db(db_path)
    after = titles(db)
    assert after["https://news.example/1"] == "Storm hits coast"
    assert after["https://news.example/2"] == "Floods close schools"
    assert after["https://news.example/4"] == "Minister accused of fraud"
    assert all(after[f"https://news.example/{n}"] == f"Harbour report {n}" for n in range(10, 14))
    assert after["https://news.example/30"] == "Voters head to the polls"
    # Endings that are the headline's, or shared by too few of a feed's items, stay.
    for n in (3, 14, 20, 21):
        assert after[f"https://news.example/{n}"] == before[f"https://news.example/{n}"]

    changed = {u for u in after if after[u] != before[u]}
    ids = dict(db.execute("select url, id from articles").fetchall())
    changed_ids = {ids[u] for u in changed}
    # The search finds the cut titles by their words, and no longer by the outlet's name.
    assert_search_index_matches_articles(db)
    assert ids["https://news.example/1"] in search_hits(db, "title: storm")
    assert search_hits(db, "title: bbc") == []
    for url, title, text, hashed in db.execute(
        "select url, title, text, content_hash from articles"
    ):
        assert hashed == content_hash(f"{title}\n{text}"), url
    headline = db.execute("select title from stories where id = ?", [story_of_1]).fetchone()[0]
    assert headline == "Storm hits coast"
    # The matcher's terms and titles: no outlet's name left.
    for article_id, title_terms in db.execute("select article_id, title from story_terms"):
        if article_id in changed_ids:
            assert "bbc" not in title_terms.lower() and "planet" not in title_terms.lower()
    # Summaries are made again for the changed titles only; allegations where the title is a
    # paragraph of the text (the extractor's one use of it).
    kept = {r[0] for r in db.execute("select article_id from summaries")}
    assert kept == summarised - changed_ids
    reread = {r[0] for r in db.execute("select article_id from allegation_runs")}
    assert reread == runs - {ids["https://news.example/4"]}
    db.close()

    again = store.open_db(db_path)  # once
    assert titles(again) == after
    process.process_pending_sync(again, now=NOW)
    summaries = {r[0] for r in again.execute("select article_id from summaries")}
    assert summaries >= summarised
    again.close()
