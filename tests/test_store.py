"""Storage: migrations, sources and health, dedup, summaries, search, allegations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from digests import store, stories
from digests.errors import SourceError
from digests.models import Allegation, ArticleIn, Response

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def article(n: int, **kw: object) -> ArticleIn:
    values: dict[str, object] = {
        "url": f"https://news.example/{n}",
        "title": f"Headline {n}",
        "text": f"Body of article number {n} about topic {n}. " * 5,
        "published": NOW - timedelta(hours=n),
    }
    values.update(kw)
    return ArticleIn(**values)  # type: ignore[arg-type]


def test_open_db_applies_migrations_once_and_sets_pragmas(db_path: Path) -> None:
    first = store.open_db(db_path)
    applied = [m.name for m in store.migrations.applied(first)]
    first.close()
    again = store.open_db(db_path)
    assert [m.name for m in store.migrations.applied(again)] == applied
    assert applied == [
        "001_core",
        "002_allegations",
        "003_subscriptions_outbox",
        "004_story_recency_and_search_rank",
        "005_index_new_articles_in_batches",
        "006_article_story_lookup",
        "009_story_matching",
    ]
    assert next(iter(again.query("pragma journal_mode")))["journal_mode"] == "wal"
    assert next(iter(again.query("pragma foreign_keys")))["foreign_keys"] == 1
    assert {"sources", "articles", "summaries", "stories", "articles_fts"} <= set(
        again.table_names()
    )


def test_add_find_remove_source(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed", title="A", now=NOW)
    assert store.get_source(db, source.id) == store.get_source(db, "A")
    with pytest.raises(SourceError, match="already added"):
        store.add_source(db, "https://a.example/feed")
    with pytest.raises(SourceError, match="unknown source kind"):
        store.add_source(db, "https://b.example/", kind="ftp")
    store.save_articles(db, source.id, [article(1)], now=NOW)
    store.remove_source(db, source.id)
    assert store.find_source(db, source.id) is None
    assert store.count(db, "articles") == 1  # articles stay, detached
    with pytest.raises(SourceError, match="no such source"):
        store.get_source(db, 99)


def test_failures_back_off_then_auto_pause_and_resume_clears(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed", poll_interval=600)
    delays = []
    for i in range(store.AUTO_PAUSE_AFTER):
        source = store.record_failure(db, source, f"HTTP 500 #{i}", now=NOW)
        delays.append(store.parse_iso(source.next_poll or "") - NOW)
    assert delays[:3] == [timedelta(minutes=10), timedelta(minutes=20), timedelta(minutes=40)]
    assert max(delays) == store.MAX_BACKOFF
    assert source.paused and source.consecutive_errors == store.AUTO_PAUSE_AFTER
    assert "8 consecutive errors" in (source.pause_reason or "")
    assert store.due_sources(db, NOW + timedelta(days=1)) == []
    resumed = store.set_paused(db, source.id, False)
    assert not resumed.paused and resumed.consecutive_errors == 0
    assert [s.id for s in store.due_sources(db, NOW)] == [source.id]


def test_success_resets_health_and_schedules_next_poll(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed", poll_interval=600)
    source = store.record_failure(db, source, "timeout", now=NOW)
    source = store.record_success(
        db, source, etag='"x"', last_modified=None, title="Feed A", now=NOW
    )
    assert source.consecutive_errors == 0 and source.etag == '"x"' and source.title == "Feed A"
    assert store.due_sources(db, NOW + timedelta(minutes=9)) == []
    assert store.due_sources(db, NOW + timedelta(minutes=10))


def test_dedup_by_canonical_url_guid_and_content(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed")
    first = store.save_articles(db, source.id, [article(1, guid="g1")], now=NOW)
    assert len(first.new_ids) == 1
    again = store.save_articles(
        db,
        source.id,
        [
            article(1, url="https://NEWS.example/1?utm_source=x#top"),  # same canonical URL
            article(2, guid="g1"),  # same guid from the same source
            article(3, text=article(1).text.upper(), title="Headline 1"),  # same content
            article(4),
        ],
        now=NOW,
    )
    assert (len(again.new_ids), again.duplicates) == (1, 3)


def test_duplicates_within_one_batch_are_stored_once(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed")
    result = store.save_articles(
        db,
        source.id,
        [
            article(1, guid="g1"),
            article(1, url="https://news.example/1#again"),  # same URL, later in the batch
            article(2, guid="g1"),  # same guid as the first
            article(3, text=article(1).text, title="Headline 1"),  # same content
            article(4, text="", title=" "),  # nothing to store
            article(5),
        ],
        now=NOW,
    )
    assert (len(result.new_ids), result.duplicates) == (2, 4)
    with pytest.raises(ValueError, match="one key per article"):
        store.save_articles(db, source.id, [article(6)], keys=[])


def test_search_index_upkeep_merges_segments_and_keeps_every_hit(db: Database) -> None:
    for start in range(0, 300, 10):  # thirty batches: thirty index segments
        store.save_articles(db, None, [article(n) for n in range(start, start + 10)], now=NOW)

    def index_rows() -> int:
        return int(db.execute("select count(*) from articles_fts_data").fetchone()[0])

    def hits(word: str) -> list[int]:
        sql = "select rowid from articles_fts where articles_fts match ? order by rowid"
        return [r[0] for r in db.execute(sql, [word])]

    before, found = index_rows(), hits("headline")
    assert len(found) == 300
    steps = 0
    while store.tidy_search_index(db, pages=1):
        steps += 1
        assert steps < 100, "the merge should converge"
    assert steps > 1  # a small page budget takes several bounded steps
    assert index_rows() < before
    assert not store.tidy_search_index(db)  # nothing left to merge: a no-op
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")
    assert hits("headline") == found


def test_full_text_index_follows_inserts_updates_and_deletes(db: Database) -> None:
    ids = store.save_articles(db, None, [article(n) for n in range(1, 601)], now=NOW).new_ids
    assert len(ids) == 600  # more than one chunk of the batched index insert
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")
    assert db.execute("select count(*) from articles_fts").fetchone()[0] == 600
    db.execute("update articles set title = 'Zanzibar' where id = ?", [ids[0]])
    db.execute("delete from articles where id = ?", [ids[1]])
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")
    hits = [
        r[0]
        for r in db.execute("select rowid from articles_fts where articles_fts match 'zanzibar'")
    ]
    assert hits == [ids[0]]
    gone = "select count(*) from articles_fts where rowid = ?"
    assert db.execute(gone, [ids[1]]).fetchone()[0] == 0


def test_missing_and_future_dates(db: Database) -> None:
    result = store.save_articles(
        db,
        None,
        [article(1, published=None), article(2, published=NOW + timedelta(days=3))],
        now=NOW,
    )
    rows = [store.get_article(db, i) for i in result.new_ids]
    assert [r["published"] for r in rows if r] == [store.iso(NOW), store.iso(NOW)]


def test_summaries_pending_and_saved_once(db: Database) -> None:
    ids = store.save_articles(db, None, [article(1), article(2)], now=NOW).new_ids
    assert [p[0] for p in store.pending_summaries(db, "m")] == list(ids)
    store.save_summaries(db, "m", [(ids[0], "short")])
    assert [p[0] for p in store.pending_summaries(db, "m")] == [ids[1]]
    assert [p[0] for p in store.pending_summaries(db, "other")] == list(ids)


def test_search_ranks_title_matches_first_and_tolerates_syntax(db: Database) -> None:
    store.save_articles(
        db,
        None,
        [
            article(1, title="Markets fall", text="Durov was mentioned once in passing. " * 3),
            article(
                2, title="Durov speaks on Telegram", text="Durov said Telegram moderates. " * 3
            ),
            article(3, title="Weather", text="Sunny spells. " * 5),
        ],
        now=NOW,
    )
    stories.assign_stories(db, now=NOW)
    ids, total = store.search_story_ids(db, "durov")
    assert total == 2
    titles = [
        next(iter(db.query("select title from stories where id = ?", [i])))["title"] for i in ids
    ]
    assert titles[0] == "Durov speaks on Telegram"
    assert store.search_story_ids(db, 'durov" (* NEAR')[1] == 0  # operators are plain words
    assert store.search_story_ids(db, 'durov" (*')[1] == 2
    assert store.search_story_ids(db, "   ") == ([], 0)


def test_allegations_replaced_per_version(db: Database) -> None:
    [aid] = store.save_articles(db, None, [article(1)], now=NOW).new_ids
    assert store.pending_allegations(db, 1) == [aid]
    item = Allegation(
        sentence="S.",
        accuser="Prosecutors",
        target="Acme",
        claim="fraud",
        kind="charge",
        responses=(Response("Acme denied it.", "Acme", "denial"),),
    )
    store.save_allegations(db, aid, [item, item], 1)
    store.save_allegations(db, aid, [item], 1)
    assert store.pending_allegations(db, 1) == []
    assert store.pending_allegations(db, 2) == [aid]
    stories.assign_stories(db, now=NOW)
    rows = store.allegation_rows(db, words="acme")
    assert [store.allegation_from_row(r) for r in rows] == [item]
    assert store.allegation_targets(db, since=NOW - timedelta(days=7)) == [("Acme", 1)]


def test_search_pages_are_disjoint_and_cover_every_story(db: Database) -> None:
    items = [
        # Days apart: the same words within a day would be one story (digests/stories.py).
        article(
            n,
            title=f"Budget vote {n}",
            text=f"Parliament debated the budget, part {n}. " * 3,
            published=NOW - timedelta(days=3 * n),
        )
        for n in range(1, 31)
    ]
    store.save_articles(db, None, items, now=NOW)
    stories.assign_stories(db, now=NOW)
    seen: list[int] = []
    for offset in range(0, 30, 7):
        ids, total = store.search_story_ids(db, "budget", limit=7, offset=offset)
        assert total == 30
        seen += ids
    assert len(seen) == len(set(seen)) == 30


def test_search_orders_stories_by_their_best_article_and_counts_them(db: Database) -> None:
    # One big story whose strong hits fill the first ranking pass (so a second pass ranks
    # every hit), and small stories with weaker hits: every page must be what ranking all
    # hits by the table's own rank gives (only the big story has the word in its titles, so
    # putting title matches first orders them the same).
    items = [
        article(n, title=f"Kestrel report {n}", text=f"The kestrel count, part {n}. " * (n % 4 + 1))
        for n in range(1, 121)
    ]
    items += [
        article(200 + n, title=f"Field notes {n}", text="A kestrel flew by. " + "Quiet. " * n)
        for n in range(1, 13)
    ]
    items.append(article(300, title="Unrelated", text="Nothing to see here. " * 3))
    ids = store.save_articles(db, None, items, now=NOW).new_ids
    big = store.new_story(db, "Kestrel report", NOW)
    for article_id in ids[:120]:
        store.attach_to_story(db, article_id, big, NOW)
    for start in range(120, len(ids), 2):  # the rest in stories of two
        story_id = store.new_story(db, "Field notes", NOW)
        for article_id in ids[start : start + 2]:
            store.attach_to_story(db, article_id, story_id, NOW)
    best: dict[int, float] = {}
    for row in db.query(
        "select a.story_id, articles_fts.rank as score from articles_fts"
        " join articles a on a.id = articles_fts.rowid where articles_fts match ?",
        [store.fts_query("kestrel")],
    ):
        best[row["story_id"]] = min(best.get(row["story_id"], 0.0), row["score"])
    expected = sorted(best, key=lambda story: (best[story], story))
    assert expected[0] == big and len(expected) == 7
    for limit, offset in [(5, 0), (5, 5), (2, 1), (20, 0), (3, 7)]:
        found, total = store.search_story_ids(db, "kestrel", limit=limit, offset=offset)
        assert (found, total) == (expected[offset : offset + limit], 7)


def test_search_puts_stories_with_every_word_in_a_title_first(db: Database) -> None:
    items = [
        article(
            1, title="Harbour diary", text="Ferry strike. Ferry strike again. The ferry strike."
        ),
        article(2, title="Ferry strike ends", text="Talks closed; " + "crews met for hours. " * 12),
        article(3, title="Ferry strike ends as crews vote", text="The ferry strike is over."),
        article(4, title="Ferry timetable", text="A strike was called off. " + "Boats. " * 5),
    ]
    items += [article(10 + n, title=f"Weather {n}", text="Sunny spells. " * 5) for n in range(6)]
    ids = store.save_articles(db, None, items, now=NOW).new_ids
    stories.assign_stories(db, now=NOW)
    story_of = {row["id"]: row["story_id"] for row in db.query("select id, story_id from articles")}
    diary, ends, vote, timetable = (story_of[i] for i in ids[:4])
    by_bm25 = [
        story_of[row["rowid"]]
        for row in db.query(
            "select rowid from articles_fts where articles_fts match ?"
            " order by bm25(articles_fts, 5.0, 1.0)",
            [store.fts_query("ferry strike")],
        )
    ]
    # Ranking every hit alone puts the diary, which repeats the words, above a title match.
    assert by_bm25.index(diary) < by_bm25.index(ends)
    # Title matches first, the one whose text has the words too leading; then the others.
    assert store.search_story_ids(db, "ferry strike") == ([vote, ends, diary, timetable], 4)
    assert store.search_story_ids(db, "Ferry STRI") == ([vote, ends, diary, timetable], 4)
    # Pages cut the same order, across the two groups.
    assert store.search_story_ids(db, "ferry strike", limit=1, offset=1) == ([ends], 4)
    assert store.search_story_ids(db, "ferry strike", limit=2, offset=1) == ([ends, diary], 4)
    assert store.search_story_ids(db, "ferry strike", limit=5, offset=3) == ([timetable], 4)


def test_search_counts_exactly_up_to_the_cap_and_pages_past_it(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [
        # Days apart: the same words within a day would be one story (digests/stories.py).
        article(
            n,
            title=f"Budget vote {n}",
            text=f"Parliament debated the budget, part {n}. " * 3,
            published=NOW - timedelta(days=3 * n),
        )
        for n in range(1, 31)
    ]
    store.save_articles(db, None, items, now=NOW)
    stories.assign_stories(db, now=NOW)
    monkeypatch.setattr(store.search, "SEARCH_COUNT_CAP", 30)
    assert store.search_story_ids(db, "budget", limit=5)[1] == 30  # at the cap: exact
    monkeypatch.setattr(store.search, "SEARCH_COUNT_CAP", 10)
    assert store.search_story_ids(db, "budget", limit=5)[1] == 11  # beyond: the cap plus one
    # A reader pages on while offset + shown < total, as Digest.has_more does: every story
    # comes once, and the count is exact by the time the last page is reached.
    seen: list[int] = []
    offset, total = 0, 1
    while offset < total:
        ids, total = store.search_story_ids(db, "budget", limit=7, offset=offset)
        assert ids and total > store.search.SEARCH_COUNT_CAP
        seen += ids
        offset += len(ids)
    assert total == len(seen) == len(set(seen)) == 30


def test_search_looks_past_best_hits_that_belong_to_no_story_yet(db: Database) -> None:
    unclustered = [
        article(n, title=f"Kestrel kestrel kestrel {n}", text=f"Kestrel {n}. " * 3)
        for n in range(1, 101)
    ]
    assert len(store.save_articles(db, None, unclustered, now=NOW).new_ids) == 100
    clustered = [article(200 + n, title=f"Kestrel seen {n}", text="Birds. " * 40) for n in range(3)]
    ids = store.save_articles(db, None, clustered, now=NOW).new_ids
    expected = []
    for article_id in ids:
        expected.append(store.new_story(db, "Kestrel seen", NOW))
        store.attach_to_story(db, article_id, expected[-1], NOW)
    found, total = store.search_story_ids(db, "kestrel", limit=5)
    assert (sorted(found), total) == (sorted(expected), 3)
