"""The search index split by week of publication (digests/store/search_index.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from digests import retention, store
from digests.house_style import joined_words
from digests.models import ArticleIn
from digests.proclitics import with_bare_words
from digests.store.search_index import entry_form
from digests.unspaced import index_form
from tests.support import (
    FULL_ARTICLE as FULL,
)
from tests.support import (
    assert_search_index_matches_articles,
    save_as_before_021,
    save_as_before_032,
    search_hits,
)

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # a Saturday
KEEP = retention.Policy(articles_days=14)


def item(
    n: int, published: datetime, text: str | None = None, title: str | None = None
) -> ArticleIn:
    body = text if text is not None else f"Body of article {n}, a report on topic{n % 7}. " * 4
    return ArticleIn(f"https://news.example/{n}", title or f"Headline {n}", body, published)


def tables(db: Database) -> list[str]:
    return [row[0] for row in db.execute("select name from search_parts order by since, until")]


def fts_tables(db: Database) -> set[str]:
    rows = db.execute("select name from sqlite_master where sql like 'create virtual table%'")
    return {row[0] for row in rows}


def in_table(db: Database, table: str, match: str) -> list[int]:
    return [
        r[0] for r in db.execute(f'select rowid from "{table}" where "{table}" match ?', [match])
    ]


def test_new_articles_go_into_the_table_of_their_week(db: Database) -> None:
    dates = [NOW - timedelta(days=d) for d in (0, 1, 6, 8, 20)]
    ids = list(
        store.save_articles(db, None, [item(n, d) for n, d in enumerate(dates)], now=NOW).new_ids
    )
    assert tables(db) == [
        "articles_fts_kept",
        "articles_fts_w20261102",
        "articles_fts_w20261116",
        "articles_fts_w20261123",
    ]
    assert in_table(db, "articles_fts_w20261123", "headline") == ids[:2]  # Sat, Fri
    assert in_table(db, "articles_fts_w20261116", "headline") == ids[2:4]  # Sun, Fri before
    assert in_table(db, "articles_fts_w20261102", "headline") == ids[4:]
    assert_search_index_matches_articles(db)


def test_a_fuller_copy_is_indexed_anew_in_its_own_week(db: Database) -> None:
    old = NOW - timedelta(days=10)
    teaser = ArticleIn("https://gazette.example/bridge", "Footbridge", FULL[:80] + "…", old)
    [aid] = store.save_articles(db, None, [teaser, item(1, NOW)], now=NOW).new_ids[:1]
    full = ArticleIn("https://gazette.example/bridge", "Footbridge", FULL, old)
    assert store.save_articles(db, None, [full], now=NOW).replaced_ids == (aid,)
    assert in_table(db, "articles_fts_w20261116", "osei") == [aid]
    assert in_table(db, "articles_fts_w20261123", "osei") == []
    assert_search_index_matches_articles(db)
    [story] = [store.new_story(db, "Footbridge", old)]
    store.attach_to_story(db, aid, story, old)
    assert store.search_story_ids(db, "Osei footbridge") == ([story], 1)


def test_search_ranks_and_counts_across_weeks(db: Database) -> None:
    # The same word in one title a week over five weeks, and in texts only beside them.
    items = [item(n, NOW - timedelta(days=7 * n), title=f"Kestrel sighting {n}") for n in range(5)]
    items += [
        item(10 + n, NOW - timedelta(days=7 * n + 1), text="A kestrel flew by. Quiet. " * 3)
        for n in range(5)
    ]
    ids = store.save_articles(db, None, items, now=NOW).new_ids
    story_of = {}
    for article_id, piece in zip(ids, items, strict=True):
        assert piece.published is not None
        story_of[article_id] = store.new_story(db, piece.title, piece.published)
        store.attach_to_story(db, article_id, story_of[article_id], piece.published)
    assert len(tables(db)) == 1 + 5
    found, total = store.search_story_ids(db, "kestrel", limit=20)
    assert total == 10 and len(found) == 10
    # Every story whose title holds the word comes before every one whose text only does.
    assert set(found[:5]) == {story_of[i] for i in ids[:5]}
    assert set(found[5:]) == {story_of[i] for i in ids[5:]}
    page, _ = store.search_story_ids(db, "kestrel", limit=3, offset=4)
    assert page == found[4:7]


def fill_weeks(db: Database) -> dict[str, int]:
    """Articles over five weeks: old stories, one living story with an old article, loose ones."""
    saved = store.save_articles(
        db,
        None,
        [item(n, NOW - timedelta(days=n, hours=1)) for n in range(35)]
        + [item(100, NOW - timedelta(days=30), text="The ospreys nest again. " * 5)],
        now=NOW,
    ).new_ids
    ids = dict(zip([*range(35), 100], saved, strict=True))
    living = store.new_story(db, "Living", NOW - timedelta(days=30))
    for n in (30, 1):  # an old article and a young one: the story lives on
        store.attach_to_story(db, ids[n], living, NOW - timedelta(days=n, hours=1))
    for n in range(2, 30):
        story = store.new_story(db, f"S{n}", NOW - timedelta(days=n, hours=1))
        store.attach_to_story(db, ids[n], story, NOW - timedelta(days=n, hours=1))
    return ids | {"living": living}


def test_retention_drops_past_weeks_in_steps_and_search_answers_between(db_path: Path) -> None:
    db = store.open_db(db_path)
    ids = fill_weeks(db)
    cutoff = NOW - timedelta(days=14)
    until = dict(db.execute("select name, until from search_parts").fetchall())
    past = [t for t in tables(db) if t != "articles_fts_kept" and until[t] <= store.iso(cutoff)]
    assert past == ["articles_fts_w20261019", "articles_fts_w20261026", "articles_fts_w20261102"]
    story_of = dict(db.execute("select id, story_id from articles").fetchall())
    young = {story_of[ids[3]], story_of[ids[10]]}  # "topic3": articles 3, 10, 17, 24, 31
    old = {story_of[ids[17]], story_of[ids[24]]}
    assert set(store.search_story_ids(db, "topic3")[0]) == young | old
    sizes = {t: db.execute(f'select count(*) from "{t}_docsize"').fetchone()[0] for t in past}
    seen: list[str] = []

    def between(kind: str, seconds: float) -> None:
        seen.append(kind)
        # Between any two steps, searches find what stays, and nothing but stories.
        found, total = store.search_story_ids(db, "topic3")
        assert young <= set(found) <= young | old and total == len(found)
        # The living story is found by its old article's title throughout.
        assert store.search_story_ids(db, "Headline 30")[0] == [ids["living"]]
        if kind in ("stories", "texts", "loose"):
            # The removals wrote no delete markers into the weeks about to go.
            for table in past:
                count = db.execute(f'select count(*) from "{table}_docsize"').fetchone()[0]
                assert count == sizes[table]

    counts = retention.prune_sync(db, KEEP, now=NOW, on_step=between)
    assert counts.search_weeks == 3
    assert seen.count("search drop") >= 3 * 4  # each week: pages, sizes, terms, the table
    assert {"stories", "texts", "loose"} <= set(seen[: seen.index("search drop")])
    assert not set(past) & fts_tables(db) and not set(past) & set(tables(db))
    assert set(store.search_story_ids(db, "topic3")[0]) == young
    # What retention keeps of the past weeks is in the kept table: the old article's title.
    assert in_table(db, "articles_fts_kept", '"headline 30"') == [ids[30]]
    assert search_hits(db, "ospreys") == []  # the loose old article went, entry and all
    kept_until = "select until from search_parts where name = 'articles_fts_kept'"
    assert db.execute(kept_until).fetchone()[0] == store.iso(datetime(2026, 11, 9, tzinfo=UTC))
    assert_search_index_matches_articles(db)
    db.close()


def test_a_database_of_one_index_table_keeps_it_until_retention_drops_it(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="021_search_index_by_time")
    before = save_as_before_021(
        old, None, [item(n, NOW - timedelta(days=n, hours=1)) for n in range(30)], now=NOW
    )
    living = store.new_story(old, "Living", NOW - timedelta(days=25))
    store.attach_to_story(old, before[25], living, NOW - timedelta(days=25))
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)  # migration 021: the one table becomes the legacy part
    assert [tuple(r) for r in db.execute("select name, since, until, state from search_parts")] == [
        ("articles_fts_kept", "", "", "live"),
        ("articles_fts", "", store.iso(datetime(2026, 11, 30, tzinfo=UTC)), "live"),
    ]
    assert not db.execute("select name from sqlite_master where type = 'trigger'").fetchall()
    assert len(search_hits(db, "headline")) == 30  # nothing was indexed again
    assert_search_index_matches_articles(db)
    # This week's articles still go into the legacy table; next week's into their own.
    later = store.save_articles(
        db, None, [item(50, NOW), item(51, NOW + timedelta(days=3))], now=NOW + timedelta(days=3)
    ).new_ids
    store.attach_to_story(db, later[1], living, NOW + timedelta(days=3))
    moment = NOW + timedelta(days=90)  # the story lives on
    [latest] = store.save_articles(db, None, [item(52, moment)], now=moment).new_ids
    store.attach_to_story(db, latest, living, moment)
    assert in_table(db, "articles_fts", '"headline 50"') == [later[0]]
    assert in_table(db, "articles_fts_w20261130", '"headline 51"') == [later[1]]
    assert_search_index_matches_articles(db)

    # Ninety days on, every date the legacy table covers is past: it goes whole.
    counts = retention.prune_sync(db, retention.Policy(), now=NOW + timedelta(days=95))
    assert counts.search_weeks == 1
    assert "articles_fts" not in fts_tables(db) | set(tables(db))
    assert in_table(db, "articles_fts_kept", '"headline 25"') == [before[25]]
    assert store.search_story_ids(db, "Headline 25")[0] == [living]
    assert_search_index_matches_articles(db)
    db.close()


def test_an_empty_database_of_one_index_table_starts_split(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before="021_search_index_by_time")
    old.close()
    db = store.open_db(db_path)
    assert tables(db) == ["articles_fts_kept"]
    assert "articles_fts" not in fts_tables(db)
    db.close()


def test_the_index_stays_whole_through_thousands_of_insert_and_prune_passes(
    db_path: Path,
) -> None:
    # Two articles every simulated 2 hours for 100 days, an upkeep merge after each batch
    # and retention every simulated day (14 days kept): weeks come and go, the old articles
    # of a story that lives on move to the kept table, fuller copies replace some texts.
    db = store.open_db(db_path)
    living = store.new_story(db, "Living", NOW)
    start = NOW - timedelta(days=100)
    for n in range(1200):
        moment = start + timedelta(hours=2 * n)
        pair = [item(2 * n, moment), item(2 * n + 1, moment - timedelta(hours=30))]
        saved = store.save_articles(db, None, pair, now=moment).new_ids
        if n % 25 == 0 and saved:
            store.attach_to_story(db, saved[0], living, moment)
        if n % 40 == 1:  # a fuller copy of an article of the day before
            fuller = item(2 * n - 24, moment - timedelta(hours=24), text=FULL + f" Part {n}.")
            store.save_articles(db, None, [fuller], now=moment)
        store.tidy_search_index(db)
        if n % 12 == 11:
            retention.prune_sync(db, KEEP, now=moment)
    store.check_search_index(db.conn)
    assert_search_index_matches_articles(db)
    assert 3 <= len(tables(db)) <= 1 + 4  # the kept table and the weeks of 14 days (+1-2)
    assert len(search_hits(db, "headline")) == store.count(db, "articles")
    db.close()


def test_search_and_retention_with_a_table_for_each_of_hundreds_of_weeks(db: Database) -> None:
    # A feed's archive of ten years, one item a week, kept for ever (RETENTION_DAYS=0): more
    # week tables than SQLite lets one compound SELECT unite (500).
    weeks = 530
    items = [
        item(n, NOW - timedelta(weeks=n), title=f"Lighthouse log {n}", text=f"Entry {n}.")
        for n in range(weeks)
    ]
    ids = store.save_articles(db, None, items, now=NOW).new_ids
    assert len(ids) == weeks and len(tables(db)) == 1 + weeks
    story = store.new_story(db, "Lighthouse log", NOW)
    for article_id in (ids[0], ids[-1]):
        store.attach_to_story(db, article_id, story, NOW)
    assert store.search_story_ids(db, "lighthouse") == ([story], 1)
    assert search_hits(db, "lighthouse") == sorted(ids)
    # Keeping for ever, or for far longer than the archive's age, dooms no week.
    for days in (None, 100_000):
        policy = retention.Policy(articles_days=days)
        assert retention.plan(db, policy, now=NOW).search_weeks == 0
        assert retention.prune_sync(db, policy, now=NOW).search_weeks == 0
    assert len(tables(db)) == 1 + weeks
    assert store.search_story_ids(db, "lighthouse") == ([story], 1)
    assert_search_index_matches_articles(db)


UNSPACED = [
    (
        "四川雅安发生6.1级地震",
        "6月1日下午，四川雅安市芦山县发生6.1级地震。消防救援队伍已抵达震中。",
    ),
    (
        "日銀が政策金利を据え置き",
        "日本銀行は14日、金融政策決定会合を開き、政策金利を据え置きました。",
    ),
    ("กรุงเทพฯ ฝนตกหนัก", "ธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.5"),
]


def save_unspaced(db: Database) -> list[int]:
    pieces = [
        ArticleIn(f"https://news.example/u{n}", title, text, NOW - timedelta(hours=n))
        for n, (title, text) in enumerate(UNSPACED)
    ]
    ids = store.save_articles(db, None, [*pieces, item(9, NOW)], now=NOW).new_ids
    stories = []
    for article_id, piece in zip(ids, pieces, strict=False):
        assert piece.published is not None
        stories.append(store.new_story(db, piece.title, piece.published))
        store.attach_to_story(db, article_id, stories[-1], piece.published)
    return stories


def test_a_chinese_japanese_or_thai_word_is_found_inside_its_sentence(db: Database) -> None:
    quake, rates, thai = save_unspaced(db)
    for word, story in [
        ("地震", quake),  # in the title after "级", in the text after "发生6.1级"
        ("雅安", quake),
        ("芦山县", quake),
        ("救援队伍", quake),
        ("震", quake),  # one letter: as the start of a pair
        ("銀行", rates),
        ("金融政策", rates),
        ("日銀 金利", rates),
        ("ดอกเบี้ย", thai),
        ("ประเทศไทย", thai),
        ("ร้อยละ 2.5", thai),
    ]:
        assert store.search_story_ids(db, word) == ([story], 1), word
    # Letters in another order, or pairs that are never neighbours, find nothing.
    for word in ("山雅", "地震银行", '"安雅"'):
        assert store.search_story_ids(db, word) == ([], 0), word
    assert_search_index_matches_articles(db)


def test_migration_035_writes_index_entries_and_summaries_of_unspaced_scripts_anew(
    db_path: Path,
) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="036_unspaced_scripts_search_and_summaries")
    pieces = [
        ArticleIn(f"https://news.example/u{n}", title, text, NOW - timedelta(days=8 * n))
        for n, (title, text) in enumerate(UNSPACED)
    ]
    ids = save_as_before_032(old, None, [*pieces, item(9, NOW)], now=NOW)
    # As the index held them before: each title and text as it is, runs whole.
    for table in store.searched_tables(old.conn):
        rows = old.execute(
            f'select id, title, text from articles where id in (select id from "{table}_docsize")'
        ).fetchall()
        for article_id, title, text in rows:
            old.execute(
                f"""insert into "{table}" ("{table}", rowid, title, text)"""
                " values ('delete', ?, ?, ?)",
                [article_id, index_form(title), index_form(text)],
            )
            old.execute(
                f'insert into "{table}" (rowid, title, text) values (?, ?, ?)',
                [article_id, title, text],
            )
    assert in_table(old, "articles_fts_w20261123", '"雅安"') == []
    old.execute("update articles set language = 'zh' where id = ?", [ids[0]])
    for article_id in (ids[0], ids[3]):
        old.execute("insert into summaries values (?, 'lead', 'S', '2026-11-28')", [article_id])
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    assert in_table(db, "articles_fts_w20261123", '"雅安"') == [ids[0]]
    assert in_table(db, "articles_fts_w20261116", '"銀行"') == [ids[1]]
    assert in_table(db, "articles_fts_w20261109", '"ดอ อก กเ"') == [ids[2]]
    assert_search_index_matches_articles(db)
    # The Chinese article's summary is made again; the English one's stays.
    assert [r[0] for r in db.execute("select article_id from summaries")] == [ids[3]]
    db.close()


def test_migration_038_writes_hebrew_and_arabic_entries_anew_with_their_bare_words(
    db_path: Path,
) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="038_hebrew_and_arabic_words_without_proclitics")
    pieces = [
        ArticleIn("https://news.example/he", "שיטפון בחיפה", "המים עלו בחיפה.", NOW),
        ArticleIn("https://news.example/ar", "فيضان بحيفا", "قالت الحكومة إن المياه ارتفعت.", NOW),
        ArticleIn("https://news.example/zh", "雅安地震", "四川雅安市发生地震。", NOW),
    ]
    ids = store.save_articles(old, None, [*pieces, item(9, NOW)], now=NOW).new_ids
    # As the index held them before: Hebrew and Arabic text as it is (Chinese as pairs).
    table = "articles_fts_w20261123"
    for article_id, title, text in old.execute("select id, title, text from articles"):
        old.execute(
            f"""insert into "{table}" ("{table}", rowid, title, text) values ('delete', ?, ?, ?)""",
            [article_id, entry_form(title), entry_form(text)],
        )
        old.execute(
            f'insert into "{table}" (rowid, title, text) values (?, ?, ?)',
            [article_id, index_form(title), index_form(text)],
        )
    assert in_table(old, table, '"חיפה"') == []
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    assert in_table(db, table, '"חיפה"') == [ids[0]]
    assert in_table(db, table, '"בחיפה"') == [ids[0]]
    assert in_table(db, table, '"حيفا"') == [ids[1]]
    assert in_table(db, table, '"حكومة"') == [ids[1]]
    assert in_table(db, table, '"雅安"') == [ids[2]]
    assert_search_index_matches_articles(db)
    db.close()


def test_migration_042_writes_entries_with_hyphenated_words_or_dotted_acronyms_anew(
    db_path: Path,
) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="042_hyphenated_words_and_dotted_acronyms_solid")
    pieces = [
        ArticleIn("https://news.example/mail", "An e-mail leaked", "The U.S. envoy wrote.", NOW),
        ArticleIn("https://news.example/he", "שיטפון בחיפה", "המים עלו בחיפה.", NOW),
    ]
    ids = store.save_articles(old, None, [*pieces, item(9, NOW)], now=NOW).new_ids
    # As the index held them before: no solid copy (Hebrew with its bare words).
    table = "articles_fts_w20261123"
    for article_id, title, text in old.execute("select id, title, text from articles"):
        old.execute(
            f"""insert into "{table}" ("{table}", rowid, title, text) values ('delete', ?, ?, ?)""",
            [article_id, entry_form(title), entry_form(text)],
        )
        old.execute(
            f'insert into "{table}" (rowid, title, text) values (?, ?, ?)',
            [article_id, *(with_bare_words(index_form(part)) for part in (title, text))],
        )
    assert in_table(old, table, '"email"') == [] and in_table(old, table, '"us"') == []
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    assert in_table(db, table, '"email"') == [ids[0]]
    assert in_table(db, table, '"us" AND "envoy"') == [ids[0]]
    assert in_table(db, table, '"e mail"') == [ids[0]]
    assert in_table(db, table, '"חיפה"') == [ids[1]]
    assert_search_index_matches_articles(db)
    db.close()


def test_migration_045_writes_entries_with_acronyms_in_capitals_anew(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="045_acronyms_in_capitals")
    pieces = [
        ArticleIn("https://news.example/us", "US envoy", "The U.S. envoy wrote.", NOW),
        ArticleIn("https://news.example/pr", "Tell us", "Tell us more.", NOW),
    ]
    ids = store.save_articles(old, None, [*pieces, item(9, NOW)], now=NOW).new_ids
    # As the index held them before: the solid words only.
    table = "articles_fts_w20261123"
    for article_id, title, text in old.execute("select id, title, text from articles"):
        old.execute(
            f"""insert into "{table}" ("{table}", rowid, title, text) values ('delete', ?, ?, ?)""",
            [article_id, entry_form(title), entry_form(text)],
        )
        old.execute(
            f'insert into "{table}" (rowid, title, text) values (?, ?, ?)',
            [article_id, *(f"{part}\n{' '.join(joined_words(part))}" for part in (title, text))],
        )
    assert in_table(old, table, '"0us0"') == []
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    assert in_table(db, table, '"0us0"') == [ids[0]]
    assert sorted(in_table(db, table, '"us"')) == sorted(ids[:2])
    assert_search_index_matches_articles(db)
    db.close()


def _totals(db: Database, table: str) -> bytes:
    """Return an FTS5 table's record of its rows and tokens (what bm25 averages)."""
    return bytes(db.execute(f'select block from "{table}_data" where id = 1').fetchone()[0])


def _fresh_totals(db: Database) -> bytes:
    db.execute("create virtual table temp.fresh using fts5 (title, text, tokenize='porter')")
    try:
        db.conn.executemany(
            "insert into temp.fresh (rowid, title, text) values (?, ?, ?)",
            [
                (i, entry_form(title), entry_form(text))
                for i, title, text in db.execute("select id, title, text from articles")
            ],
        )
        db.conn.commit()  # FTS5 writes its totals when the transaction ends
        return bytes(db.execute("select block from temp.fresh_data where id = 1").fetchone()[0])
    finally:
        db.execute("drop table temp.fresh")


def _as_indexed(db: Database, table: str, form: Callable[[str], str]) -> None:
    """Write every article's entry of ``table`` anew in ``form``, as an older version did."""
    for article_id, title, text in db.execute("select id, title, text from articles"):
        db.execute(
            f"""insert into "{table}" ("{table}", rowid, title, text) values ('delete', ?, ?, ?)""",
            [article_id, entry_form(title), entry_form(text)],
        )
        db.execute(
            f'insert into "{table}" (rowid, title, text) values (?, ?, ?)',
            [article_id, form(title), form(text)],
        )


def test_migrations_042_to_045_leave_the_index_as_a_fresh_one(db_path: Path) -> None:
    # Each migration takes an entry out in the form the one before wrote it: one ahead of
    # its time leaves bm25's totals counting the acronyms' tokens twice.
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="042_hyphenated_words_and_dotted_acronyms_solid")
    pieces = [
        ArticleIn("https://news.example/us", "US envoy in the UK", "The U.S. envoy.", NOW),
        ArticleIn("https://news.example/mail", "An e-mail leaked", "A WHO e-mail.", NOW),
    ]
    store.save_articles(old, None, [*pieces, item(9, NOW)], now=NOW)
    table = "articles_fts_w20261123"
    _as_indexed(old, table, lambda part: with_bare_words(index_form(part)))  # before 042
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    assert in_table(db, table, '"0us0"') == [1]
    assert_search_index_matches_articles(db)
    assert _totals(db, table) == _fresh_totals(db)
    db.close()


def test_migration_044_takes_titles_out_of_the_index_as_043_wrote_them(db_path: Path) -> None:
    # A database at 043 holds no capital tokens (045 writes them): 044, cutting "- BBC
    # News", takes the old title out as it stands there, and 045 then adds the tokens.
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="044_titles_without_outlet_suffixes")
    bbc = store.add_source(old, "https://bbc.example/rss", title="BBC News").id
    pieces = [
        ArticleIn("https://bbc.example/us", "US envoy leaves - BBC News", "The U.S. envoy.", NOW),
        ArticleIn("https://bbc.example/uk", "UK vote - BBC News", "A vote in the UK.", NOW),
    ]
    ids = store.save_articles(old, bbc, pieces, now=NOW).new_ids
    table = "articles_fts_w20261123"
    _as_indexed(old, table, lambda part: f"{part}\n{' '.join(joined_words(part))}")  # 042's
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    assert [row[0] for row in db.execute("select title from articles order by id")] == [
        "US envoy leaves",
        "UK vote",
    ]
    assert in_table(db, table, '"0us0"') == [ids[0]]
    assert in_table(db, table, '"0bbc0"') == []
    assert_search_index_matches_articles(db)
    assert _totals(db, table) == _fresh_totals(db)
    db.close()
