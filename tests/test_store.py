"""Storage: migrations, sources and health, dedup (the fullest copy wins), summaries, search,
allegations."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from digests import process, store, stories, summarise
from digests.allegations import EXTRACTOR_VERSION
from digests.allegations.kinds import FALLBACK_READING
from digests.dedup import ends_cut, ends_mid_sentence, is_fuller
from digests.errors import SourceError
from digests.models import Allegation, Article, ArticleIn, Response
from digests.store import search as search_module
from digests.store.search_index import unindex_articles
from tests.support import (
    FULL_ARTICLE as FULL,
)
from tests.support import (
    assert_search_index_matches_articles,
    save_as_before_021,
    save_as_before_032,
    search_hits,
    search_index_rows,
)

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


def get(db: Database, article_id: int) -> Article:
    found = store.get_article(db, article_id)
    assert found is not None
    return found


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
        "007_redo_summaries_with_title_apart",
        "009_story_matching",
        "010_digest_stories",
        "012_incidents",
        "013_search_index_follows_title_and_text",
        "014_article_images",
        "015_topics_and_live",
        "017_story_ids_never_reused",
        "018_article_language_codes",
        "019_subscription_languages",
        "016_chat_language",
        "011_ledger_keeps_its_sources",
        "020_source_messages",
        "021_search_index_by_time",
        "022_allegation_reading",
        "023_redo_summaries_split_without_full_word_abbreviations",
        "024_redo_summaries_split_at_sentence_starters",
        "025_story_terms_by_story",
        "026_deliveries_by_story",
        "027_topic_names",
        "028_flood_holds",
        "029_outlets_of_removed_sources",
        "030_deleted_topics_end",
        "031_subscriptions_stopped_at",
        "032_article_versions",
        "033_article_outlets",
        "034_article_changed",
        "035_left_stories",
        "036_unspaced_scripts_search_and_summaries",
        "037_source_folders",
        "038_hebrew_and_arabic_words_without_proclitics",
        "039_source_state_since",
        "040_redo_summaries_with_half_quotations_or_leaning_openings",
        "041_keywords_without_hashtags",
        "042_hyphenated_words_and_dotted_acronyms_solid",
        "043_articles_language_index",
        "044_titles_without_outlet_suffixes",
        "045_acronyms_in_capitals",
        "046_text_encoded_twice_read_back",
        "047_redo_polish_summaries_split_after_units",
        "048_subscription_zone_given",
        "049_redo_polish_summaries_split_at_items_and_tags",
        "050_chat_photos_refused",
        "051_articles_by_source_and_words",
        "052_redo_summaries_of_run_on_sentences",
        "053_live_stories_too_old",
        "054_source_boilerplate",
        "055_live_posts_skipped",
        "056_source_archive_until",
        "057_removed_articles",
        "058_removed_articles_hash",
    ]
    assert next(iter(again.query("pragma journal_mode")))["journal_mode"] == "wal"
    assert next(iter(again.query("pragma auto_vacuum")))["auto_vacuum"] == 2  # incremental
    assert next(iter(again.query("pragma foreign_keys")))["foreign_keys"] == 1
    cache = next(iter(again.query("pragma cache_size")))["cache_size"]
    assert cache == -store.schema.CACHE_KIB  # negative: KiB, not pages
    assert {"sources", "articles", "summaries", "stories", "search_parts"} <= set(
        again.table_names()
    )


def test_migration_050_keeps_each_chat_s_language_with_no_photo_refusal(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before="050_chat_photos_refused")
    old["chats"].insert({"chat_id": -7, "language": "de", "updated": store.iso(NOW)})
    old.conn.commit()
    old.conn.close()
    with store.open_db(db_path) as db:
        assert store.chat_language(db, -7).chosen == "de"
        assert store.photos_refused(db, -7) is None
        store.note_photos_refused(db, -7, "not enough rights", now=NOW)
        assert store.photos_refused(db, -7) == (NOW, "not enough rights")
        assert store.chat_language(db, -7).chosen == "de"  # the language stays
        store.move_chat_language(db, -7, -1007)  # the group became a supergroup
        assert store.photos_refused(db, -1007) == (NOW, "not enough rights")
        store.forget_photos_refused(db, -7)
        assert store.photos_refused(db, -7) is None
        assert store.photos_refused(db, 5) is None  # a chat with no row


def test_add_find_remove_source(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed", title="A", now=NOW)
    assert store.get_source(db, source.id) == store.get_source(db, "A")
    with pytest.raises(SourceError, match="already added"):
        store.add_source(db, "https://a.example/feed")
    with pytest.raises(SourceError, match="Unknown source kind"):
        store.add_source(db, "https://b.example/", kind="ftp")
    store.save_articles(db, source.id, [article(1)], now=NOW)
    store.remove_source(db, source.id)
    assert store.find_source(db, source.id) is None
    assert store.count(db, "articles") == 1  # articles stay, detached
    with pytest.raises(SourceError, match="No such source"):
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


def test_a_source_keeps_when_it_began_failing_and_when_it_was_paused(db: Database) -> None:
    """An admin's card of a source says "failing since" the first failure of the run (not
    the latest), and "paused since" the pause, by an admin or by the failures."""
    source = store.add_source(db, "https://a.example/feed", poll_interval=600)
    later = NOW + timedelta(hours=1)
    source = store.record_failure(db, source, "HTTP 500", now=NOW)
    source = store.record_failure(db, source, "HTTP 502", now=later)
    assert source.failing_since == store.iso(NOW) and source.paused_at is None
    source = store.record_success(db, source, etag=None, last_modified=None, now=later)
    assert source.failing_since is None
    source = store.record_failure(db, source, "HTTP 429", now=later, counts=False)
    assert source.failing_since is None  # asked to wait: not failing
    for i in range(store.AUTO_PAUSE_AFTER):
        source = store.record_failure(db, source, "timeout", now=later + timedelta(hours=i))
    assert source.failing_since == store.iso(later)
    assert source.paused_at == store.iso(later + timedelta(hours=store.AUTO_PAUSE_AFTER - 1))
    resumed = store.set_paused(db, source.id, False)
    assert resumed.paused_at is None and resumed.failing_since is None
    paused = store.set_paused(db, source.id, True, "paused by an admin", now=NOW)
    assert paused.paused_at == store.iso(NOW)


def test_articles_since_counts_what_a_source_saved_lately(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed")
    other = store.add_source(db, "https://b.example/feed")
    store.save_articles(db, source.id, [article(1)], now=NOW - timedelta(days=8))
    store.save_articles(db, source.id, [article(2), article(3)], now=NOW - timedelta(days=1))
    store.save_articles(db, other.id, [article(4)], now=NOW)
    assert store.articles_since(db, source.id, NOW - timedelta(days=7)) == 2
    assert store.articles_since(db, other.id, NOW - timedelta(days=7)) == 1


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

    before, found = search_index_rows(db), search_hits(db, "headline")
    assert len(found) == 300
    steps = 0
    while store.tidy_search_index(db, pages=1):
        steps += 1
        assert steps < 100, "the merge should converge"
    assert steps > 1  # a small page budget takes several bounded steps
    assert search_index_rows(db) < before
    assert not store.tidy_search_index(db)  # nothing left to merge: a no-op
    assert_search_index_matches_articles(db)
    assert search_hits(db, "headline") == found


def test_search_index_stays_readable_after_thousands_of_upkeep_passes(db: Database) -> None:
    # One small batch and one upkeep step per processing pass, as the bot runs them: two
    # thousand passes is a week of the bot. A merge of every level (a negative page count)
    # broke the index after about a thousand (bench/soak.py found it on day 11).
    for n in range(2000):
        store.save_articles(db, None, [article(n)], now=NOW)
        store.tidy_search_index(db)
    assert_search_index_matches_articles(db)
    weeks = len(store.searched_tables(db.conn))
    assert weeks > 10  # the 2,000 hours of publication dates span a dozen weeks
    # Merged as it went: not two thousand segments (a table has two rows of its own).
    assert search_index_rows(db) < weeks * 10
    assert len(search_hits(db, "headline")) == 2000


def test_full_text_index_follows_inserts_and_removals_across_weeks(db: Database) -> None:
    ids = store.save_articles(db, None, [article(n) for n in range(1, 601)], now=NOW).new_ids
    assert len(ids) == 600  # more than one chunk of the batched index insert
    assert len(store.searched_tables(db.conn)) == 1 + 4  # the kept table and four weeks
    assert_search_index_matches_articles(db)
    assert search_hits(db, '"number 7"') == [ids[6]]
    # Articles published before a time go (articles in no story): their entries go too.
    gone = store.remove_old_loose_articles(db, before=NOW - timedelta(hours=500), limit=200)
    assert gone.articles == 100
    assert_search_index_matches_articles(db)
    assert search_hits(db, '"number 550"') == []
    assert len(search_hits(db, "headline")) == 500


def test_missing_and_future_dates(db: Database) -> None:
    result = store.save_articles(
        db,
        None,
        [article(1, published=None), article(2, published=NOW + timedelta(days=3))],
        now=NOW,
    )
    rows = [get(db, i) for i in result.new_ids]
    assert [r.published for r in rows] == [NOW, NOW]


def test_summaries_pending_and_saved_once(db: Database) -> None:
    ids = store.save_articles(db, None, [article(1), article(2)], now=NOW).new_ids
    assert [p.id for p in store.pending_summaries(db, "m")] == list(ids)
    store.save_summaries(db, "m", [(ids[0], "short")])
    assert [p.id for p in store.pending_summaries(db, "m")] == [ids[1]]
    assert [p.id for p in store.pending_summaries(db, "other")] == list(ids)


def test_migration_041_reads_keywords_saved_with_a_hashtag_as_their_word(db_path: Path) -> None:
    """Keywords saved as "#climate" before /subscribe read hashtags as words matched nothing."""
    old = Database(sqlite3.connect(str(db_path)))
    store.migrations.apply(old, stop_before="041_keywords_without_hashtags")
    old["subscriptions"].insert_all(
        [
            {
                "chat_id": 1,
                "chat_type": "private",
                "include": '["#climate", "climate", "#"]',
                "exclude": '["#sport"]',
            },
            {"chat_id": 2, "chat_type": "private", "include": '["C#", "energy"]', "exclude": "[]"},
        ]
    )
    old.conn.commit()
    old.conn.close()
    with store.open_db(db_path) as db:
        first, second = (store.find_subscription(db, chat) for chat in (1, 2))
    assert first is not None and first.include == ("climate",) and first.exclude == ("sport",)
    assert second is not None and second.include == ("C#", "energy")  # only a leading "#"


def test_migration_040_redoes_summaries_with_half_quotations_or_leaning_openings(
    db_path: Path,
) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(
        old, stop_before="040_redo_summaries_with_half_quotations_or_leaning_openings"
    )
    ids = save_as_before_032(old, None, [article(n) for n in range(1, 6)], now=NOW)
    old.execute("update articles set language = 'en' where id in (?, ?, ?, ?)", ids[:4])
    old.execute("update articles set language = 'ru' where id = ?", [ids[4]])
    summaries = [
        'The minister spoke. "We will not cut the budget.',  # half a quotation
        "He added that the talks would go on.",  # leans on a sentence left out
        'The minister spoke. "We will not cut it," he said.',
        "The talks will go on, the minister said.",
        "Эти обвинения он отверг.",
    ]
    for article_id, summary in zip(ids, summaries, strict=True):
        old.execute(
            "insert into summaries values (?, 'hybrid', ?, '2026-12-05')", [article_id, summary]
        )
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    kept = [r[0] for r in db.execute("select article_id from summaries order by article_id")]
    assert kept == [ids[2], ids[3]]
    assert [p.id for p in store.pending_summaries(db, "hybrid")] == [ids[0], ids[1], ids[4]]
    db.close()


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
    # A word after a minus is left out; "a quoted phrase" matches its words in a row.
    assert store.search_story_ids(db, "durov -telegram")[1] == 1
    assert store.search_story_ids(db, "durov -markets -weather")[1] == 1
    assert store.search_story_ids(db, '"durov said"')[1] == 1
    assert store.search_story_ids(db, '"said durov"')[1] == 0
    assert store.search_story_ids(db, 'durov -"in passing"')[1] == 1
    assert store.search_story_ids(db, "-durov") == ([], 0)  # nothing to look for
    # Another spelling of a word matches too, as a prefix (a Cyrillic name's Latin spelling).
    assert store.search_story_ids(db, "Дурова", spellings={"дурова": "durov"})[1] == 2
    assert store.search_story_ids(db, "Дурова")[1] == 0


def _searchable(db: Database, texts: list[tuple[str, str]]) -> Callable[[str], int]:
    """Store articles of (title, text), give them stories, and return a counter of the stories
    a search finds."""
    store.save_articles(
        db,
        None,
        [article(n, title=title, text=text) for n, (title, text) in enumerate(texts)],
        now=NOW,
    )
    stories.assign_stories(db, now=NOW)
    return lambda words: store.search_story_ids(db, words)[1]


def test_search_finds_a_word_in_every_writing_of_its_letters(db: Database) -> None:
    """FTS5 folds Latin accents only: "Королев" must still find "Королёв" (and the other way
    round), Persian typed on an Arabic keyboard its Persian text, and each Ukrainian apostrophe
    the others (one of which makes a single token of the word, the others two)."""
    texts = [
        ("Королёв подписал указ", "Губернатор Сергей Королёв подписал указ о бюджете. " * 3),
        ("Королев ответил", "Мэр Королев ответил на вопросы жителей. " * 3),
        ("کیفیت نان", "وزیر اقتصاد درباره کیفیت نان سخن گفت. " * 3),
        ("П’ятниця в Києві", "У п’ятницю уряд ухвалив бюджет. " * 3),
        ("Пʼятниця у Львові", "У пʼятницю міська рада зібралася. " * 3),
        ("بودجه ۱۴۰۳", "مجلس بودجه سال ۱۴۰۳ را تصویب کرد. " * 3),
    ]
    found = _searchable(db, texts)

    assert found("королев") == 2 and found("Королёв") == 2
    assert found("королев -указ") == 1 and found("королев -ответил") == 1
    assert found("كيفيت") == 1  # ك and ي from an Arabic keyboard
    assert found("п'ятницю") == 2 and found("пʼятницю") == 2 and found("п’ятницю") == 2
    assert found("королевство") == 0
    assert found("1403") == 1 and found("١٤٠٣ بودجه") == 1  # digits in any script


def test_search_finds_a_ukrainian_place_name_from_its_other_cases(db: Database) -> None:
    """ "Київ" found "до Києва", but "Києва" not "Київ" (nor "Львова" "Львів")."""
    texts = [
        ("Київ готується до зими", "Столиця отримала генератори. " * 3),
        ("Новини зі Львова", "У Львові відкрили міст. " * 3),
        ("Львів приймає гостей", "Місто чекає туристів. " * 3),
        ("Готівка повертається", "Банки видають готівку. " * 3),
    ]
    found = _searchable(db, texts)

    assert found("Києва") == 1 and found("у Києві") == 0 and found("Києві") == 1
    assert found("Львова") == 2 and found("Львів") == 2
    assert found("готова") == 0  # "готів" is a whole word, not the start of "готівка"


@pytest.mark.parametrize(
    ("words", "query"),
    [
        ("ferry strike", '"ferry" AND "strike"*'),
        ('climate -sport -"transfer window"', '("climate"*) NOT "sport" NOT "transfer window"'),
        ('"exact phrase" here', '"exact phrase" AND "here"*'),
        ("“exact phrase” here", '"exact phrase" AND "here"*'),  # as phones type quotes
        ("durov -„CEO Telegram“ «x y»", '("durov" AND "x y") NOT "CEO Telegram"'),
        # A hyphenated word is a phrase of its parts, and its solid writing; a last word the
        # index stems under four letters is no start ("c", "col"; "gas" would be "ga"*).
        ("e-mail c++", '("e mail" OR "email") AND "c"'),
        ("U.S. gas", '"0us0" AND ("gas" OR "gases")'),
        ('"unclosed quote', '"unclosed quote"'),
        (
            'AND OR NOT "NEAR(" ^col:',
            '"0and0" AND "0or0" AND "0not0" AND "NEAR" AND "col"',
        ),  # operators are words
        ("- * ()", ""),
        ("-only -unwanted", ""),
        # Letters news prints two ways: either writing is found, left out or quoted.
        ("Королев указ", '("Королев" OR "королёв") AND "указ"*'),  # its own stem: a start
        ("указ -всё", '("указ"*) NOT ("всё" OR "все")'),
        ("п'ятниця", '("п ятниця"* OR "пʼятниця"*)'),
        ('"Ёлка года"', '("Ёлка года" OR "елка года")'),
        # Russian and Ukrainian words find their other case forms by their stem, a prefix;
        # a quoted phrase and a surname's ending are left as typed; a stem too short to be a
        # prefix ("рад": "радио") gives its noun's case forms as whole words, and the word
        # as typed is one of them, never a prefix, even last ("рада": "радар").
        ("Москва вибори", '("Москва"* OR "москв"*) AND ("вибори"* OR "вибор"*)'),
        (
            '"Москва" Рада',
            '"Москва" AND ("рада" OR "рады" OR "ради" OR "раді" OR "раде" OR "радё"'
            ' OR "раду" OR "радо" OR "радой" OR "радою" OR "радом" OR "радам" OR "радами"'
            ' OR "радах")',
        ),
        ("Петров", '("Петров"* OR "пётров"*)'),
        ("بودجه‌ها", '("بودجه ها"* OR "بودجه"*)'),  # a Persian plural: its singular too
        # A genitive plural typed in lower case finds its stem; a Ukrainian place name the
        # form its closed last syllable takes when opened.
        ("депутатов", '("депутатов"* OR "дёпутатов"* OR "депутат"* OR "дёпутат"*)'),
        ("Київ Львів", '("Київ"* OR "києв"*) AND ("Львів"* OR "львов"*)'),
        # ... and the other way, the name standing alone: a whole word, never a prefix.
        ("Києва", '("Києва"* OR "києв"* OR "київ")'),
        ("Львова війна", '("Львова"* OR "львов"* OR "львів") AND ("війна"* OR "війн"*)'),
        ('"Києва"', '"Києва"'),
        ("Морозов", '"Морозов"*'),  # a name, capitalised: left whole
        # A Hebrew or Arabic word typed with a proclitic is found bare too (the index holds
        # both); a bare word, a quoted one and a whole word are left as typed.
        ("בחיפה", '("בחיפה"* OR "חיפה"*)'),
        ("الشرطة -بغزة", '(("الشرطة"* OR "شرطة"*)) NOT ("بغزة" OR "غزة")'),
        ('غزة "للشرطة" لبنان', '"غزة" AND "للشرطة" AND "لبنان"*'),
    ],
)
def test_fts_query_reads_words_phrases_and_minus(words: str, query: str) -> None:
    assert store.fts_query(words) == query


def _stories_of(db: Database, texts: list[tuple[str, str, str]]) -> dict[int, int]:
    """Store articles of (title, text, language), each its own story; return each story's
    place in ``texts``."""
    pieces = [
        article(n, title=title, text=text, language=code)
        for n, (title, text, code) in enumerate(texts)
    ]
    ids = store.save_articles(db, None, pieces, now=NOW).new_ids
    story_of = {}
    for n, (article_id, piece) in enumerate(zip(ids, pieces, strict=True)):
        assert piece.published is not None
        story_of[store.new_story(db, piece.title, piece.published)] = n
        store.attach_to_story(db, article_id, max(story_of), piece.published)
    return story_of


def _found_by_search(db: Database, texts: list[tuple[str, str, str]]) -> Callable[[str], set[int]]:
    """Store articles of (title, text, language), each its own story, and return what a
    search finds: the places in ``texts`` of the articles found."""
    story_of = _stories_of(db, texts)
    return lambda words: {story_of[i] for i in store.search_story_ids(db, words, limit=50)[0]}


def test_search_completes_its_last_word_only_when_it_is_no_word_of_its_own(
    db: Database,
) -> None:
    """The last word was always a start (inline mode sends each keystroke): "election" found
    "electricity", "police" "policy". A word the index holds is now looked for whole, a
    fragment as a start; German, Dutch and the Nordic languages write compounds solid, and
    their articles still find a word's compounds ("Klima": "Klimawandel")."""
    found = _found_by_search(
        db,
        [
            ("Election day", "Voters went to the polls for the election.", "en"),
            ("Electricity prices", "The price of electricity rose again.", "en"),
            ("Police report", "The police made an arrest.", "en"),
            ("Policy change", "The government changed its policy.", "en"),
            ("Der Klimawandel", "Der Klimawandel bedroht die Küsten.", "de"),
            ("Das Klima", "Das Klima ändert sich schnell.", "de"),
            ("Klimawet", "De klimaatverandering gaat door.", "nl"),
            ("Climate talks", "Klimawatch, a website, reported the talks.", "en"),
            ("Neue Häuser", "Der Hausarzt kommt heute.", "de"),
        ],
    )
    assert found("election") == {0}
    assert found("police") == {2}
    assert found("police arrest") == {2}
    assert found("elec") == {0, 1}  # no word of its own: a start, as one types
    assert found("poli") == {2, 3}
    assert found("polic") == {2}  # the stem "police" is held as: a word
    assert found("Klima") == {4, 5, 6}  # German, Dutch compounds; not English "Klimawatch"
    assert found("klimaat") == {6}
    assert found("Klimaw") == {4, 6, 7}  # no word: a start everywhere
    # The index's (English) stemmer makes "Haus" "hau", too short a start elsewhere.
    assert found("Haus") == {8}


def test_search_takes_no_short_stem_as_a_start(db: Database) -> None:
    """FTS5 stems a prefix too: "gas"* was "ga"*, finding Gaza and games; "news"* "new"*."""
    found = _found_by_search(
        db,
        [
            ("Gas prices", "Gas is dearer this winter.", "en"),
            ("Greenhouse gases", "Emissions of gases fell.", "en"),
            ("Gaza talks", "Talks on Gaza resumed.", "en"),
            ("Games begin", "The games opened on Friday.", "en"),
            ("Council meets", "A newly elected council met.", "en"),
            ("Evening news", "The news came late.", "en"),
        ],
    )
    assert found("gas") == {0, 1}
    assert found("news") == {5}


def test_search_finds_hyphenated_words_and_dotted_acronyms_either_way(db: Database) -> None:
    found = _found_by_search(
        db,
        [
            ("An e-mail leaked", "The e-mail was sent at night.", "en"),
            ("Email outage", "Email was down for hours.", "en"),
            ("U.S. talks", "The U.S. envoy arrived.", "en"),
            ("US talks", "The US envoy left.", "en"),
            ("Cease-fire holds", "The cease-fire held overnight.", "en"),
            ("Ceasefire talks", "A ceasefire was agreed.", "en"),
            ("Climate-change summit", "Leaders met on climate-change.", "en"),
        ],
    )
    assert found("email") == found("e-mail") == {0, 1}
    assert found("US envoy") == found("U.S. envoy") == {2, 3}
    assert found("ceasefire") == found("cease-fire") == {4, 5}
    assert found("climate change") == found("climate-change") == {6}


def test_search_in_capitals_finds_the_acronym_not_the_word(db: Database) -> None:
    """The index folds case: "US" found the pronoun "us", "WHO" every "who". An acronym of
    two or three letters typed in capitals (or dotted) is now found in capitals only; typed
    in lower case it is a word, and a query all in capitals is read as words."""
    found = _found_by_search(
        db,
        [
            ("US envoy", "The US envoy left.", "en"),
            ("U.S. talks", "The U.S. envoy arrived.", "en"),
            ("Tell us", "Tell us what the envoy said.", "en"),
            ("WHO warns", "The WHO warned of a virus.", "en"),  # words near each other
            ("Who knew", "Nobody knows who wrote the virus report.", "en"),
            ("Nato summit", "Nato leaders met.", "en"),
        ],
    )
    assert found("US") == found("U.S.") == found("US envoy") == {0, 1}
    assert found("us") == {0, 1, 2}
    assert found("envoy -US") == {2}
    assert found("WHO virus") == {3}
    assert found("who virus") == {3, 4}
    assert found("US ENVOY") == {0, 1, 2}  # all in capitals: words
    assert found("NATO") == found("nato") == {5}  # four letters or more: in any case


def test_search_finds_a_word_written_solid_or_as_two(db: Database) -> None:
    """ "health care" found no "healthcare", nor "healthcare" any "health care"; nor did
    "web site" find "website". Two words typed are found written solid too when the index
    holds that word, and a word is found as two where the index holds the phrase; never
    through a stop word ("notable" is no "not able")."""
    found = _found_by_search(
        db,
        [
            ("Health care bill", "The health care bill passed.", "en"),
            ("Healthcare costs", "Healthcare costs rose again.", "en"),
            ("Care for health", "Care homes and health checks.", "en"),
            ("New website", "The website went live.", "en"),
            ("Web site down", "The web site was down.", "en"),
            ("Not able", "He was not able to come.", "en"),
            ("Notable win", "A notable win for the team.", "en"),
        ],
    )
    assert found("health care") == {0, 1, 2}  # two words anywhere, or written solid
    assert found("healthcare") == {0, 1}
    assert found("healthcare costs") == {1}
    assert found("website") == found("web site") == {3, 4}
    assert found("notable") == {6}
    assert found("not able") == {5}


def test_search_finds_words_typed_together_near_each_other_first(db: Database) -> None:
    """ "work force" ranked articles saying "work" and "force" anywhere as high as the work
    force (41 of 625 Wikinews articles where the two were unrelated). Stories with the words
    typed together near each other, in either order ("rates of interest"), in the title or in
    the text, now come first; an acronym in capitals or a hyphenated word counts anywhere; then
    the stories with the words apart, so that nothing is lost ("Israel Iran" in two
    paragraphs)."""
    texts = [
        ("Jobs report", "The work force shrank by two per cent.", "en"),
        (
            "Council meets",
            "Work began. Work, work and more work. Later the task force came. Force, force.",
            "en",
        ),
        ("Bank decision", "The rates of interest rose again, said the bank on Monday.", "en"),
        ("Markets", "Interest. Interest in shares rose. Bond rates fell; rates, rates.", "en"),
        ("New York Times", "The paper reported the news.", "en"),
        ("New rules", "Rules for York came into force at times of need.", "en"),
        ("Summit", "Obama spoke first. Much later that week, Putin replied.", "en"),
        ("US jobs", "The US work force grew.", "en"),
    ]
    story_of = _stories_of(db, texts)

    def found(words: str, limit: int = 50, offset: int = 0) -> tuple[list[int], int]:
        stories, total = store.search_story_ids(db, words, limit=limit, offset=offset)
        return [story_of[i] for i in stories], total

    for typed in ("work force", "force work", "work forc"):
        # near (either order, the last word a start), then apart
        order, total = found(typed)
        assert set(order[:2]) == {0, 7} and order[2:] == [1] and total == 3, typed
    assert set(found("jobs force")[0]) == {0, 7}  # one word in the title, the other in its text
    assert found("work force", limit=2) == ([0, 7], 3) or found("work force", limit=2) == (
        [7, 0],
        3,
    )
    assert found("work force", limit=2, offset=2) == ([1], 3)  # the next page: the rest
    assert found("work force -council")[0][:2] in ([0, 7], [7, 0])
    assert found("work force -council")[1] == 2
    assert found("interest rates") == ([2, 3], 2)
    assert found("new york times") == ([4, 5], 2)
    assert found("New York Times")[0][0] == 4
    assert found("US force") == ([7], 1)  # the acronym's token is no place in the text
    assert found("Obama Putin") == ([6], 1)  # nowhere near each other: anywhere
    assert set(found("work")[0]) == {0, 1, 7}  # one word as before
    assert set(found('"work force"')[0]) == {0, 7}


def test_search_finds_a_russian_words_own_forms_not_longer_words(db: Database) -> None:
    """A Russian stem of four letters or more was a start: "закон" found "законопроект" and
    "законодатель". The index's words that start with it are now judged as keyword filters
    judge them (``compose.fits``)."""
    found = _found_by_search(
        db,
        [
            ("Новый закон", "Закон вступил в силу.", "ru"),
            ("По закону", "Суд решил по закону.", "ru"),
            ("Законопроект", "Депутаты приняли законопроект.", "ru"),
            ("Законодатель", "Законодатель молчит.", "ru"),
            ("Москва", "В Москве прошли выборы.", "ru"),
        ],
    )
    assert found("закон") == {0, 1}
    assert found("законы") == {0, 1}
    assert found("Москва") == {4}
    assert found("законопроект") == {2}
    assert found("законо") == {0, 1, 2, 3}  # no word of its own: a start, as one types


def test_allegations_replaced_per_version(db: Database) -> None:
    [aid] = store.save_articles(db, None, [article(1)], now=NOW).new_ids
    assert [a.id for a in store.pending_allegations(db, 1)] == [aid]
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
    assert [a.id for a in store.pending_allegations(db, 2)] == [aid]
    stories.assign_stories(db, now=NOW)
    [found] = store.ledger_items(db, words="acme")
    assert found.allegation == item and found.article_id == aid
    assert found.url == "https://news.example/1" and found.published == NOW - timedelta(hours=1)
    [acme] = store.allegation_targets(db, since=NOW - timedelta(days=7))
    assert (acme.target, acme.count, acme.certain) == ("Acme", 1, 1)  # read by the patterns


def test_the_ledger_names_an_aggregated_articles_outlet(db: Database) -> None:
    """An allegation read in an aggregator's item is its outlet's report, not the aggregator's."""
    gnews = store.add_source(db, "https://news.google.com/rss/search?q=acme", title="Google News")
    own = store.add_source(db, "https://gazette.example/feed", title="Gazette")
    [via] = store.save_articles(
        db, gnews.id, [replace(article(1), outlet="Reuters", outlet_host="reuters.com")], now=NOW
    ).new_ids
    [direct] = store.save_articles(db, own.id, [article(2)], now=NOW).new_ids
    item = Allegation(sentence="S.", accuser="Prosecutors", target="Acme", claim="x", kind="charge")
    store.save_allegations(db, via, [item], 1)
    store.save_allegations(db, direct, [replace(item, sentence="T.")], 1)
    stories.assign_stories(db, now=NOW)
    found = {i.article_id: i.source_title for i in store.ledger_items(db, words="acme")}
    assert found == {via: "Reuters", direct: "Gazette"}


def test_ledger_words_are_literal_not_like_wildcards(db: Database) -> None:
    [aid] = store.save_articles(db, None, [article(1)], now=NOW).new_ids

    def said(claim: str) -> Allegation:
        return Allegation("S.", "Union", "Acme", claim, "accusation", ())

    store.save_allegations(db, aid, [said("a 100% rise in fees"), said("1000 jobs cut")], 1)
    stories.assign_stories(db, now=NOW)
    assert [i.allegation.claim for i in store.ledger_items(db, words="100%")] == [
        "a 100% rise in fees"
    ]
    assert store.ledger_items(db, words="A_me") == []  # "_" is no "any letter"
    assert store.ledger_items(db, words="\\") == []
    assert len(store.ledger_items(db, words="acme")) == 2


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
    assert len(store.searched_tables(db.conn)) > 2  # the articles span weeks: several tables
    for table in store.searched_tables(db.conn):
        for row in db.query(
            f'select a.story_id, "{table}".rank as score from "{table}"'
            f' join articles a on a.id = "{table}".rowid where "{table}" match ?',
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
    [table] = [t for t in store.searched_tables(db.conn) if t != "articles_fts_kept"]
    by_bm25 = [
        story_of[row["rowid"]]
        for row in db.query(
            f'select rowid from "{table}" where "{table}" match ?'
            f' order by bm25("{table}", 5.0, 1.0)',
            [store.fts_query("ferry strike")],
        )
    ]
    # Ranking every hit alone puts the diary, which repeats the words, above a title match.
    assert by_bm25.index(diary) < by_bm25.index(ends)
    # Title matches first, the one whose text has the words too leading; then the others
    # (the timetable's "ferry" in its title, "strike" in its text, weighs five times).
    assert store.search_story_ids(db, "ferry strike") == ([vote, ends, timetable, diary], 4)
    assert store.search_story_ids(db, "Ferry STRI") == ([vote, ends, timetable, diary], 4)
    # Pages cut the same order, across the two groups.
    assert store.search_story_ids(db, "ferry strike", limit=1, offset=1) == ([ends], 4)
    assert store.search_story_ids(db, "ferry strike", limit=2, offset=1) == ([ends, timetable], 4)
    assert store.search_story_ids(db, "ferry strike", limit=5, offset=3) == ([diary], 4)


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


# --- the fullest copy of an article wins ------------------------------------------------------

# The same article edited: a few words changed and two added, as long as it was.
EDITED = FULL.replace("voted on Wednesday", "voted late on Wednesday evening").replace(
    "should have gone", "ought to go"
)


@pytest.mark.parametrize(
    ("new", "stored", "fuller"),
    [
        (FULL, FULL, False),  # the same text
        (FULL.replace(" ", "  ").replace(". ", ".\n\n"), FULL, False),  # spacing only
        (FULL[: len(FULL) // 2].rsplit(". ", 1)[0] + ".", FULL, False),  # a shorter re-send
        (FULL, "", True),  # the stored copy was cut off before its text
        ("", FULL, False),
        ("", "", False),
        (FULL, "Council backs a footbridge over the Wend, to open in 2026.", True),  # teaser
        (FULL, "Riverside council voted on Wednesday to build a footbridge…", True),
        (FULL, "Riverside council voted on Wednesday to build a footbri", True),  # cut mid-word
        (FULL, FULL[:-60].rstrip(), True),  # cut mid-sentence, only a few words short
        (FULL, FULL[:-60].rstrip() + "...", True),
        (FULL, "The Wend is to get a footbridge, the council decided on Wednesday", True),
        (FULL + " The work is out to tender.", FULL, False),  # a line more: not clearly fuller
        (EDITED, FULL, False),  # an edit of similar length, either way
        (FULL, EDITED, False),
        (" ".join(["word"] * 15) + ".", " ".join(["word"] * 5) + ".", False),  # 3x, +10 words
        (" ".join(["word"] * 44) + ".", " ".join(["word"] * 25) + ".", False),  # 1.8x, +19
        (" ".join(["word"] * 45) + ".", " ".join(["word"] * 25) + ".", True),  # 1.8x, +20
        (" ".join(["word"] * 59) + ".", " ".join(["word"] * 40) + ".", False),  # 1.48x, +19
        (" ".join(["word"] * 60) + ".", " ".join(["word"] * 40) + ".", True),  # 1.5x, +20
        ("Elsewhere entirely: " + FULL, FULL[:-60].rstrip(), False),  # cut, other opening
        (FULL, "— …", True),  # nothing but punctuation stored
    ],
)
def test_is_fuller_rule(new: str, stored: str, fuller: bool) -> None:
    assert is_fuller(new, stored) is fuller


def test_no_two_copies_are_each_fuller_than_the_other() -> None:
    copies = [
        "",
        FULL,
        EDITED,
        FULL[:-60].rstrip(),
        FULL[:40] + "…",
        "Council backs a footbridge.",
        FULL + " The work is out to tender.",
        "Riverside council voted",
    ]
    for a in copies:
        for b in copies:
            assert not (is_fuller(a, b) and is_fuller(b, a)), (a, b)


@pytest.mark.parametrize(
    ("text", "cut", "mid_sentence"),
    [
        ("He said no.", False, False),
        ('He said "no."', False, False),
        ("Did he (really)?", False, False),
        ("会議は終わった。", False, False),
        ("Read the full story…", False, True),
        ("Read the full story [...]", False, True),
        ("The council voted to", True, True),
        ("Photo: Reuters", True, True),
        ("Stopped at a colon:", True, True),
        ("  ", False, False),
    ],
)
def test_sentence_endings(text: str, cut: bool, mid_sentence: bool) -> None:
    assert (ends_cut(text), ends_mid_sentence(text)) == (cut, mid_sentence)


def test_a_fuller_copy_replaces_the_stored_text_and_what_was_made_of_it(db: Database) -> None:
    cut = store.add_source(db, "https://proxy.example/feed")
    intact = store.add_source(db, "https://gazette.example/feed")
    url = "https://gazette.example/news/footbridge"
    # Cut off before its text, with the URL for a title (as save does with no title).
    [aid] = store.save_articles(db, cut.id, [ArticleIn(url, url, "")], now=NOW).new_ids
    process.process_pending_sync(db, workers=1, now=NOW)
    old_story = get(db, aid).story_id
    assert old_story is not None
    assert store.count(db, "summaries") == 1 and store.count(db, "allegation_runs") == 1
    assert_search_index_matches_articles(db)

    copy = ArticleIn(url + "?utm_source=rss", "Council approves footbridge", FULL, NOW)
    result = store.save_articles(db, intact.id, [copy], now=NOW + timedelta(hours=1))

    assert (result.new_ids, result.duplicates, result.replaced_ids) == ((), 0, (aid,))
    row = store.get_article(db, aid)
    assert row is not None
    assert (row.text, row.title, row.url, row.source_id) == (
        FULL,
        "Council approves footbridge",  # the stored title was the URL standing in
        url,
        cut.id,
    )
    assert (row.story_id, row.word_count) == (None, 68)
    [signature] = [r["signature"] for r in db.query("select signature from articles")]
    assert signature is None
    assert row.fetched == NOW  # not news again for digests already sent
    # The story it was alone in waits, empty, for clustering to place the article anew.
    assert store.count(db, "stories") == 1
    for table in ("summaries", "allegations", "allegation_runs"):
        assert db.table(table).count_where("article_id = ?", [aid]) == 0
    assert_search_index_matches_articles(db)
    assert search_hits(db, "osei") == [aid]

    done = process.process_pending_sync(db, workers=1, now=NOW)
    assert (done.clustered, done.summarised, done.allegations) == (1, 1, 1)
    [summary] = db.query("select summary from summaries where article_id = ?", [aid])
    assert "footbridge" in summary["summary"]
    # Alone in a story again: the one it left, under its title now (subscribers were sent it).
    assert get(db, aid).story_id == old_story
    [story] = db.query("select title from stories")
    assert story["title"] == "Council approves footbridge"

    # The same text again, or a shorter one, or the same text at another URL: duplicates.
    again = store.save_articles(
        db,
        intact.id,
        [copy, ArticleIn(url, "Council approves footbridge", FULL[:100] + "…"), copy_at(copy)],
        now=NOW,
    )
    assert (again.new_ids, again.duplicates, again.replaced_ids) == ((), 3, ())
    assert get(db, aid).text == FULL


def copy_at(item: ArticleIn) -> ArticleIn:
    return ArticleIn("https://mirror.example/footbridge", item.title, item.text, item.published)


def test_a_replaced_article_leaves_a_story_with_other_articles_in_place(db: Database) -> None:
    a = ArticleIn("https://a.example/1", "Footbridge approved", FULL[:-60].rstrip(), NOW)
    b = ArticleIn("https://b.example/1", "Footbridge approved", FULL[:-55].rstrip() + ".", NOW)
    first, second = store.save_articles(db, None, [a, b], now=NOW).new_ids
    stories.assign_stories(db, now=NOW)
    [story] = {get(db, i).story_id for i in (first, second)}

    result = store.save_articles(db, None, [ArticleIn(a.url, a.title, FULL, NOW)], now=NOW)

    assert result.replaced_ids == (first,)
    assert get(db, first).story_id is None
    assert get(db, second).story_id == story
    assert [r["id"] for r in db.query("select id from stories")] == [story]
    stories.assign_stories(db, now=NOW)
    assert get(db, first).story_id == story


def test_a_guid_resent_fuller_by_its_source_replaces_and_only_there(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed")
    other = store.add_source(db, "https://b.example/feed")
    teaser = ArticleIn("https://a.example/1", "Footbridge", FULL[:80] + "…", NOW, guid="fb")
    [aid] = store.save_articles(db, source.id, [teaser], now=NOW).new_ids
    moved = ArticleIn("https://a.example/news/1", "Footbridge", FULL, NOW, guid="fb")

    elsewhere = store.save_articles(db, other.id, [moved], now=NOW)
    assert (len(elsewhere.new_ids), elsewhere.replaced_ids) == (1, ())  # a guid is per source

    unindex_articles(db.conn, elsewhere.new_ids)  # as the store's removals do
    db.execute("delete from articles where id = ?", [elsewhere.new_ids[0]])
    result = store.save_articles(db, source.id, [moved], now=NOW)
    assert result.replaced_ids == (aid,)
    row = store.get_article(db, aid)
    assert row is not None and (row.text, row.url) == (FULL, teaser.url)
    assert_search_index_matches_articles(db)


def test_a_fuller_copy_later_in_the_same_batch_improves_the_new_article(db: Database) -> None:
    url = "https://a.example/footbridge"
    result = store.save_articles(
        db,
        None,
        [
            ArticleIn(url, "Footbridge", ""),
            ArticleIn(url + "#more", "Footbridge", FULL[:-60].rstrip()),
            ArticleIn(url, "Footbridge", FULL),
            ArticleIn(url, "Footbridge", EDITED),
        ],
        now=NOW,
    )
    assert (len(result.new_ids), result.duplicates, result.replaced_ids) == (1, 3, ())
    assert get(db, result.new_ids[0]).text == FULL
    assert_search_index_matches_articles(db)
    assert len(search_hits(db, "osei")) == 1


def test_a_warning_is_recorded_without_counting_as_an_error(db: Database) -> None:
    source = store.add_source(db, "https://a.example/feed", poll_interval=600)
    failed = store.record_failure(db, source, "HTTP 503", now=NOW)
    warned = store.record_success(
        db, failed, etag=None, last_modified=None, warning="feed parsed with errors: x", now=NOW
    )
    assert (warned.consecutive_errors, warned.last_error) == (0, "feed parsed with errors: x")
    assert warned.last_error_at == warned.last_ok == store.iso(NOW)
    assert warned.next_poll == store.iso(NOW + timedelta(minutes=10))  # no back-off
    assert store.poll_warning(warned) == "feed parsed with errors: x"
    later = NOW + timedelta(minutes=10)
    clean = store.record_success(db, warned, etag=None, last_modified=None, now=later)
    assert clean.last_error == "feed parsed with errors: x"  # kept as history, like an error
    assert store.poll_warning(clean) is None
    failed_again = store.record_failure(db, clean, "HTTP 500", now=later + timedelta(minutes=10))
    assert store.poll_warning(failed_again) is None


def test_the_search_index_changes_only_with_title_or_text(db: Database) -> None:
    [aid] = store.save_articles(db, None, [article(1)], now=NOW).new_ids
    before = db.conn.total_changes
    store.attach_to_story(db, aid, store.new_story(db, "T", NOW), NOW, signature=b"\x00" * 8)
    assert db.conn.total_changes - before == 3  # story, article row, story time: no index churn
    assert search_hits(db, "headline") == [aid]
    assert_search_index_matches_articles(db)


# --- Pictures ----------------------------------------------------------------------------------

PHOTO = "https://cdn.example/footbridge.jpg"
OTHER_PHOTO = "https://cdn.example/footbridge-night.jpg"


def test_an_article_is_stored_with_its_picture_and_read_back_with_its_story(
    db: Database,
) -> None:
    with_picture, without = store.save_articles(
        db, None, [article(1, image_url=PHOTO), article(2)], now=NOW
    ).new_ids
    assert (get(db, with_picture).image_url, get(db, without).image_url) == (PHOTO, None)
    story = store.new_story(db, "Footbridge", NOW)
    for article_id in (with_picture, without):
        store.attach_to_story(db, article_id, story, NOW)
    read_back = store.story_articles(db, story_ids=[story], method="hybrid")
    assert {a.article_id: a.image_url for a in read_back} == {with_picture: PHOTO, without: None}


def test_a_fuller_copy_brings_a_picture_but_never_replaces_one(db: Database) -> None:
    url = "https://gazette.example/news/footbridge"
    bare, pictured = store.save_articles(
        db,
        None,
        [
            ArticleIn(url, "Footbridge", FULL[:80] + "…"),
            ArticleIn(url + "-2", "Footbridge again", FULL[:80] + "…", image_url=PHOTO),
        ],
        now=NOW,
    ).new_ids

    result = store.save_articles(
        db,
        None,
        [
            ArticleIn(url, "Footbridge", FULL, image_url=OTHER_PHOTO),
            ArticleIn(url + "-2", "Footbridge again", FULL, image_url=OTHER_PHOTO),
        ],
        now=NOW,
    )

    assert result.replaced_ids == (bare, pictured)
    assert get(db, bare).image_url == OTHER_PHOTO  # it had none: the fuller copy's
    assert get(db, pictured).image_url == PHOTO  # the stored picture stays
    assert_search_index_matches_articles(db)


def test_a_re_sent_copy_gives_a_missing_picture_and_changes_nothing_else(db: Database) -> None:
    source = store.add_source(db, "https://gazette.example/feed")
    item = ArticleIn("https://gazette.example/1", "Footbridge", FULL, NOW, guid="fb")
    [aid] = store.save_articles(db, source.id, [item], now=NOW).new_ids

    # The feed adds the picture later: same text, same URL (or same guid at a new URL).
    moved = replace(item, url="https://gazette.example/news/1", image_url=PHOTO)
    again = store.save_articles(db, source.id, [moved], now=NOW + timedelta(hours=1))
    assert (again.new_ids, again.duplicates, again.replaced_ids) == ((), 1, ())
    row = get(db, aid)
    assert (row.image_url, row.text, row.url, row.fetched) == (PHOTO, FULL, item.url, NOW)

    store.save_articles(db, source.id, [replace(item, image_url=OTHER_PHOTO)], now=NOW)
    assert get(db, aid).image_url == PHOTO


def test_a_batch_gives_a_new_article_the_first_picture_among_its_copies(db: Database) -> None:
    url = "https://a.example/footbridge"
    result = store.save_articles(
        db,
        None,
        [
            ArticleIn(url, "Footbridge", FULL),
            ArticleIn(url + "#photo", "Footbridge", FULL, image_url=PHOTO),
            ArticleIn(url, "Footbridge", FULL, image_url=OTHER_PHOTO),
        ],
        now=NOW,
    )
    assert (len(result.new_ids), result.duplicates) == (1, 2)
    assert get(db, result.new_ids[0]).image_url == PHOTO


def test_story_ids_are_never_reused(db_path: Path) -> None:
    db = store.open_db(db_path)
    [aid] = store.save_articles(db, None, [article(1)], now=NOW).new_ids
    first = store.new_story(db, "First", NOW)
    store.attach_to_story(db, aid, first, NOW)
    second = store.new_story(db, "Second", NOW)
    db.execute("delete from stories where id = ?", [second])  # the newest story goes
    assert store.new_story(db, "Third", NOW) == second + 1
    db.close()
    again = store.open_db(db_path)  # migrated databases keep their ids and the rule
    assert [r["id"] for r in again.query("select id from stories order by id")] == [
        first,
        second + 1,
    ]
    assert_search_index_matches_articles(again)
    assert not list(again.query("pragma foreign_key_check"))


def test_the_story_rebuild_keeps_a_filled_database_whole(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="017_story_ids_never_reused")
    ids = save_as_before_021(old, None, [article(1), article(2)], now=NOW)
    stories_before = [store.new_story(old, f"S{n}", NOW) for n in (1, 2)]
    for aid, sid in zip(ids, stories_before, strict=True):  # as the code of that time did
        old.execute("update articles set story_id = ? where id = ?", [sid, aid])
    sub = store.save_subscription(old, 1, "private", now=NOW)
    store.enqueue_digest(old, sub, NOW, ["d"], cutoff=NOW, story_ids=[stories_before[1]], now=NOW)
    old.execute("delete from articles where id = ?", [ids[1]])
    old.execute("delete from stories where id = ?", [stories_before[1]])
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    assert get(db, ids[0]).story_id == stories_before[0]
    assert store.new_story(db, "New", NOW) == stories_before[1] + 1  # the deleted id stays gone
    assert not list(db.query("pragma foreign_key_check"))


def test_stored_language_tags_become_codes(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="018_article_language_codes")
    items = [
        article(n, language=tag)
        for n, tag in enumerate(["en-GB", "Russian", "ru", "not a language"])
    ]
    ids = save_as_before_021(old, None, items, now=NOW)
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    assert [get(db, i).language for i in ids] == ["en", "ru", "ru", None]


def test_existing_subscriptions_get_every_language_and_a_filter_round_trips(
    db_path: Path,
) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="019_subscription_languages")
    before = store.save_subscription(old, 1, "private", now=NOW, include=["ferry"])
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    kept = store.find_subscription(db, 1)
    assert kept is not None and kept.id == before.id and kept.include == ("ferry",)
    assert kept.languages == ()
    assert [r["languages"] for r in db.query("select languages from subscriptions")] == [""]
    chosen = store.update_subscription(db, kept.id, languages=("ru", "en"))
    assert chosen.languages == ("ru", "en")
    assert [r["languages"] for r in db.query("select languages from subscriptions")] == ["ru en"]
    assert store.update_subscription(db, kept.id, languages=()).languages == ()


def test_ledger_items_get_their_articles_details_and_outlive_them(db_path: Path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="011_ledger_keeps_its_sources")
    source = store.add_source(old, "https://a.example/feed", title="Outlet A", now=NOW)
    [aid] = save_as_before_021(old, source.id, [article(1)], now=NOW)
    old.execute(
        "update articles set story_id = ? where id = ?", [store.new_story(old, "S", NOW), aid]
    )
    old.execute(  # as the code of that time saved items
        "insert into allegations (article_id, position, sentence, accuser, target, claim, kind,"
        " salience, responses) values (?, 0, 'Police accused Acme of fraud.', 'Police', 'Acme',"
        " 'fraud', 'accusation', 0.5, '[]')",
        [aid],
    )
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    [before] = store.ledger_items(db)
    assert (before.url, before.source_title, before.published) == (
        "https://news.example/1",
        "Outlet A",
        NOW - timedelta(hours=1),
    )
    db.execute("update allegations set article_id = null")
    db.execute("delete from articles where id = ?", [aid])
    [after] = store.ledger_items(db)
    assert after == replace(before, article_id=0)


def test_ledger_items_carry_their_reading_and_older_items_are_read_again(
    db_path: Path,
) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="022_allegation_reading")  # every migration before
    [aid] = save_as_before_032(old, None, [article(1)], now=NOW)
    old.execute(
        "update articles set story_id = ? where id = ?", [store.new_story(old, "S", NOW), aid]
    )
    old.execute(  # as the code of that time saved items: no reading, fallback ones alike
        "insert into allegations (article_id, position, sentence, accuser, target, claim, kind,"
        " salience, responses, story_id, url, published, source_title, language)"
        " select id, 0, 'Trois riverains ont déposé une plainte contre Acme.', 'riverains',"
        " 'Acme', 'plainte', 'lawsuit', 0.5, '[]', story_id, url, published, null, 'fr'"
        " from articles where id = ?",
        [aid],
    )
    old.execute("insert into allegation_runs values (?, 11, ?)", [aid, store.iso(NOW)])
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    [before] = store.ledger_items(db)
    assert before.allegation.reading == "" and before.allegation.target == "Acme"
    # Read before readings were stored: the processing pass reads the article again.
    assert [a.id for a in store.pending_allegations(db, EXTRACTOR_VERSION)] == [aid]
    fallback = replace(before.allegation, reading=FALLBACK_READING)
    store.save_allegations(db, aid, [fallback], EXTRACTOR_VERSION)
    [after] = store.ledger_items(db)
    assert after.allegation == fallback
    assert store.pending_allegations(db, EXTRACTOR_VERSION) == []
    [acme] = store.allegation_targets(db, since=NOW - timedelta(days=7))
    assert (acme.target, acme.count, acme.certain) == ("Acme", 1, 0)


def test_summaries_split_by_the_old_abbreviations_are_made_again_once(db_path: Path) -> None:
    # Russian "год." ended no sentence before migration 023; its summaries are redone, an
    # English article's stay.
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(
        old, stop_before="023_redo_summaries_split_without_full_word_abbreviations"
    )
    items = [article(1, language="ru"), article(2, language="en")]
    ids = save_as_before_032(old, None, items, now=NOW)
    store.save_summaries(old, "m", [(ids[0], "Итоги за год. Они ..."), (ids[1], "short")])
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    assert [p.id for p in store.pending_summaries(db, "m")] == [ids[0]]
    store.save_summaries(db, "m", [(ids[0], "Итоги за год.")])
    db.close()
    assert not store.pending_summaries(store.open_db(db_path), "m")  # once


def test_summaries_that_ran_on_after_an_abbreviation_are_made_again_once(db_path: Path) -> None:
    # "5 млн руб. Он ..." was one sentence before migration 024; Russian and Ukrainian
    # summaries are redone, a German article's stays.
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="024_redo_summaries_split_at_sentence_starters")
    items = [article(1, language="ru"), article(2, language="uk"), article(3, language="de")]
    ids = save_as_before_032(old, None, items, now=NOW)
    store.save_summaries(old, "m", [(ids[0], "5 млн руб. Он ..."), (ids[1], "63 тис. Тобто ...")])
    store.save_summaries(old, "m", [(ids[2], "kurz")])
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    assert [p.id for p in store.pending_summaries(db, "m")] == list(ids[:2])
    store.save_summaries(db, "m", [(ids[0], "5 млн руб."), (ids[1], "63 тис.")])
    db.close()
    assert not store.pending_summaries(store.open_db(db_path), "m")  # once


def test_polish_summaries_that_ran_on_after_a_unit_are_made_again_once(db_path: Path) -> None:
    # "3 proc. To ..." was one sentence before migration 047; a Polish summary is redone, a
    # Czech article's stays.
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="047_redo_polish_summaries_split_after_units")
    items = [article(1, language="pl"), article(2, language="cs")]
    ids = store.save_articles(old, None, items, now=NOW).new_ids
    store.save_summaries(old, "m", [(ids[0], "Wzrost o 3 proc. To dobry wynik."), (ids[1], "x")])
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    assert [p.id for p in store.pending_summaries(db, "m")] == [ids[0]]
    store.save_summaries(db, "m", [(ids[0], "Wzrost o 3 proc.")])
    db.close()
    assert not store.pending_summaries(store.open_db(db_path), "m")  # once


def test_polish_summaries_split_at_a_list_number_are_made_again_once(db_path: Path) -> None:
    # "1. || Ustawić kursor ..." was two sentences before migration 049; a Polish summary is
    # redone, a Czech article's stays.
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="049_redo_polish_summaries_split_at_items_and_tags")
    items = [article(1, language="pl"), article(2, language="cs")]
    ids = store.save_articles(old, None, items, now=NOW).new_ids
    store.save_summaries(old, "m", [(ids[0], "1."), (ids[1], "x")])
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    assert [p.id for p in store.pending_summaries(db, "m")] == [ids[0]]
    store.save_summaries(db, "m", [(ids[0], "1. Ustawić kursor.")])
    db.close()
    assert not store.pending_summaries(store.open_db(db_path), "m")  # once


def test_whether_a_story_went_out_is_read_by_story_not_by_scanning_deliveries(
    db: Database,
) -> None:
    # merge_stories asks it before every merge; the keys of the three tables begin with the
    # subscription, so without an index by story each question read every delivery kept.
    for table in ("digest_stories", "live_posts", "outbox"):
        plan = " ".join(
            str(row[-1])
            for row in db.execute(
                f"explain query plan select distinct story_id from {table} where story_id in (?)",
                [1],
            )
        )
        assert "SEARCH" in plan and "SCAN" not in plan, (table, plan)


def test_settling_replaced_articles_reads_no_article_that_was_not_replaced(
    db: Database,
) -> None:
    # Every processing pass settles the replaced articles: a scan of the articles table
    # (100k rows and more, each read past its text to the last columns) on each pass.
    asked: list[str] = []
    db.conn.set_trace_callback(asked.append)
    try:
        store.settle_left_stories(db)
    finally:
        db.conn.set_trace_callback(None)
    reads = [sql for sql in asked if sql.lstrip().lower().startswith("select")]
    assert reads
    for sql in reads:
        plan = " ".join(str(row[-1]) for row in db.execute(f"explain query plan {sql}"))
        assert "SCAN articles" not in plan, (sql, plan)


def test_an_article_stored_before_versions_were_kept_takes_its_sources_newer_version(
    db_path: Path,
) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="032_article_versions")
    source = store.add_source(old, "https://gazette.example/feed")
    first = article(1, guid="g1")
    [aid] = save_as_before_032(old, source.id, [first], now=NOW)
    old.conn.commit()
    old.close()
    db = store.open_db(db_path)
    assert get(db, aid).title == "Headline 1"

    newer = replace(first, title="Headline 1, updated", text="Shorter.", updated=NOW)
    older = replace(first, title="Headline 1, before", updated=NOW - timedelta(hours=3))
    assert store.save_articles(db, source.id, [older], now=NOW).replaced_ids == ()
    assert store.save_articles(db, source.id, [newer], now=NOW).replaced_ids == (aid,)
    assert (get(db, aid).title, get(db, aid).text) == ("Headline 1, updated", "Shorter.")
    assert_search_index_matches_articles(db)


def test_a_source_is_found_by_its_address_written_loosely(db: Database) -> None:
    """An admin copies a feed's address from a browser or another reader: a trailing slash,
    http for https, "www." or no scheme at all name the one source that address can be."""
    feed = store.add_source(db, "https://site.example/feed.xml", title="Site")
    www = store.add_source(db, "https://www.other.example/rss/", title="Other")
    for typed in (
        "https://site.example/feed.xml/",
        "http://site.example/feed.xml",
        "https://www.site.example/feed.xml",
        "site.example/feed.xml",
    ):
        assert store.get_source(db, typed).id == feed.id, typed
    for typed in (
        "https://other.example/rss",
        "http://www.other.example/rss",
        "other.example/rss/",
    ):
        assert store.get_source(db, typed).id == www.id, typed
    # Two sources the loose address could be: neither is chosen.
    store.add_source(db, "http://site.example/feed.xml", title="Site over http")
    with pytest.raises(SourceError, match="No such source"):
        store.get_source(db, "https://www.site.example/feed.xml")
    # Another path is another feed; adding still compares addresses as they are.
    with pytest.raises(SourceError, match="No such source"):
        store.get_source(db, "https://site.example/feed.xml/2")
    assert store.find_source(db, "https://site.example/feed.xml/") is None


def test_several_sources_named_at_once(db: Database) -> None:
    """``/removesource 3 4 5`` (or "3, 4, 5") names three sources; a title with spaces in it
    is still one source's title."""
    a = store.add_source(db, "https://a.example/rss", title="Le Monde")
    b = store.add_source(db, "https://b.example/rss", title="B")
    c = store.add_source(db, "https://c.example/rss", title="C")
    assert store.sources_named(db, "Le Monde") == [("Le Monde", a)]
    assert store.sources_named(db, f"{b.id} {c.id}") == [(str(b.id), b), (str(c.id), c)]
    assert store.sources_named(db, f"{a.id}, https://b.example/rss/,99") == [
        (str(a.id), a),
        ("https://b.example/rss/", b),
        ("99", None),
    ]
    assert store.sources_named(db, f"{a.id} {a.id}") == [(str(a.id), a)]
    assert store.sources_named(db, "no such title") == [("no such title", None)]


def test_search_finds_a_short_russian_noun_in_its_case_forms_not_longer_words(
    db: Database,
) -> None:
    """ "/search мир" found "мирный" and "/search суд" "судебный" (the last word a start),
    and "закон" before another word found no "закона": a noun that is its own three-letter
    stem is found by its case forms, whole words; one of four letters or more, by its start
    wherever it stands."""
    texts = [
        ("Мирный договор", "Стороны подписали мирный договор. " * 3),
        ("Переговоры о мире", "Переговоры о мире идут. " * 3),
        ("Судебный иск", "Подан судебный иск. " * 3),
        ("Решение суда", "Решение суда вступило в силу. " * 3),
        ("Закона ждали", "Закона о бюджете ждали давно. " * 3),
    ]
    found = _searchable(db, texts)
    assert found("мир") == 1 and found("суд") == 1
    assert found("закон бюджете") == 1


def test_search_for_a_word_the_index_joins_to_another_finds_that_word_only(
    db: Database,
) -> None:
    """The index's stemmer holds "use", "used", "using" and the pronoun "us" as one stem:
    "/search use" found every "tell us" (239 extra of 625 English Wikinews articles), and
    "one" every "on". Such a word's hits are now kept only when the article holds it as a
    keyword filter reads it; other words' hits are not checked."""
    found = _found_by_search(
        db,
        [
            ("Tell us", "Tell us what happened.", "en"),
            ("New tools", "They used new tools.", "en"),
            ("Tools in use", "The tools are in use.", "en"),
            ("On Monday", "The talks went on.", "en"),
            ("One more", "One more went.", "en"),
            ("A general", "The general spoke.", "en"),
            ("A generation", "A generation of voters.", "en"),
            ("US envoy", "The US envoy left.", "en"),
        ],
    )
    assert found("use") == {1, 2}
    assert found("us") == {0, 7}  # the pronoun, and the acronym in any case, not "used"
    assert found("US") == {7}
    assert found("one") == {4} and found("on") == {3}
    assert found("general") == {5} and found("generation") == {6}
    assert found("tools use") == {1, 2}  # every checked word of a query
    assert found("tools -use") == set()
    assert found("talks") == {3}


def test_search_leaves_out_a_joined_word_after_a_minus_not_its_stem(db: Database) -> None:
    """ "-use" left out every article saying "us", "used" or "using", as the index holds them
    as one stem. A word after a minus that the index joins to another (``collides``) now
    leaves out the articles that hold it as a filter reads them only."""
    found = _found_by_search(
        db,
        [
            ("Tell us", "Tell us what the council uses.", "en"),
            ("Council tools", "The council uses new tools.", "en"),
            ("Council talks", "Tell us, the council said.", "en"),
            ("Council budget", "The council used the budget.", "en"),
            ("Council vote", "The council voted.", "en"),
        ],
    )
    assert found("council -use") == {2, 4}  # not "uses", "used"; "us" kept
    assert found("council -voted") == {0, 1, 2, 3}  # other words as before
    assert found("-use") == set()  # nothing to look for


def test_search_finds_a_words_forms_in_its_articles_language(db: Database) -> None:
    """The index stems every language with the English stemmer, which parts Spanish "nuevo"
    from "nueva", French "nouveau" from "nouvelle" and Portuguese "eleição" from "eleições":
    /search found 26 of the 57 AnCora articles a filter on "nuevo" keeps. In a language's
    articles a word now also finds the index's words a keyword filter takes as its forms
    there, not other words that start so, and not in other languages' articles."""
    found = _found_by_search(
        db,
        [
            ("Un gobierno nuevo", "El gobierno nuevo juró.", "es"),
            ("Una ley nueva", "Las nuevas leyes entran en vigor.", "es"),
            ("Nuevamente", "Nuevamente hubo retrasos.", "es"),
            ("Un nouveau pont", "Le nouveau pont ouvre.", "fr"),
            ("Une nouvelle loi", "La nouvelle loi passe.", "fr"),
            ("Eleições", "As eleições foram adiadas.", "pt"),
            ("Nueva York", "Nueva York is a city.", "en"),
            ("Presidenta", "La presidenta habló con el presidente.", "es"),
            ("Una presidencia", "La presidencia habló.", "es"),
            ("Partir", "Il faut partir, dit le parti.", "fr"),
            ("Partir", "Il faut partir.", "fr"),
            ("Control policial", "Un control policial.", "es"),
            ("Sólo uno", "Sólo queda uno.", "es"),
        ],
    )
    assert found("nuevo") == {0, 1}  # not "nuevamente", not the English article
    assert found("nuevo gobierno") == {0}
    assert found("nueva") == {0, 1, 6}  # as typed, in every language
    assert found("nouveau") == {3, 4}
    assert found("eleição") == {5}
    assert found("presidente") == {7}  # not "presidencia"
    assert found("Nueva York") == {6}
    # A noun's gender and number forms, not a verb's nor a stem's other words, which keyword
    # filters take too: "partir" for "parti", "policial" for "policía", "solo" for "sol".
    assert found("parti") == {9} and found("policía") == set() and found("sol") == set()


def test_search_finds_polish_case_forms_in_polish_articles(db: Database) -> None:
    """Polish articles were searched with the index's English stems only: "wybory" found no
    "wyborów", "Warszawa" no "w Warszawie" (a filter on "szkoła" kept 13 of 14 Polish story
    articles, a search found 2). A Polish word now finds its case forms that a filter takes,
    "ł" and "ó" written as its forms write them, not other words that start so ("kotlet",
    "wyborczy", "warszawski"), nor in other languages' articles."""
    found = _found_by_search(
        db,
        [
            ("Po wyborach", "Wyniki wyborów ogłoszono.", "pl"),
            ("W Warszawie", "Spotkanie w Warszawie.", "pl"),
            ("Kot", "Widziałem kota i dwa koty.", "pl"),
            ("Obiad", "Zjadłem kotlet.", "pl"),
            ("Lokal", "Lokal wyborczy w mieście warszawskim.", "pl"),
            ("Meble", "Przy stole i bez stołu.", "pl"),
            ("Kraków", "Jadę do Krakowa.", "pl"),
            ("Kota", "Kota Kinabalu is a city.", "en"),
        ],
    )
    assert found("wybory") == {0} and found("Warszawa") == {1}
    assert found("kot") == {2}  # not "kotlet", not the English article
    assert found("stół") == {5} and found("Kraków") == {6}
    assert found("wyborach Warszawie") == set() and found("Warszawy") == {1}


def test_search_finds_polish_forms_that_change_the_stem_whole_words_only(db: Database) -> None:
    """Polish forms that change the stem were not found ("Polska": "w Polsce"; "powiat": "w
    powiecie"); a word the Polish articles hold only in its case forms was read as a start
    ("powiat" found "powiatowy", "sejm" "sejmik"); and a case form the index's English
    stemmer joins to another word found it ("policje" is "policjanci" to it, "powiatowi"
    "powiatowy"). Now such forms are found, the word is whole, and each hit of the Polish
    forms holds the word as a keyword filter reads it."""
    found = _found_by_search(
        db,
        [
            ("Wybory", "Wybory w Polsce.", "pl"),
            ("Gospodarka", "Wzrost polskiej gospodarki.", "pl"),
            ("Powiat", "Starosta w powiecie i urząd powiatu.", "pl"),
            ("Szpital", "Szpital powiatowy otwarty.", "pl"),
            ("Obrady", "Obrady w sejmie.", "pl"),
            ("Sejmik", "Sejmik województwa.", "pl"),
            ("Gang", "Policjanci rozbili gang.", "pl"),
            ("Komenda", "Rzecznik policji mówi.", "pl"),
        ],
    )
    assert found("Polska") == {0}  # not the adjective
    assert found("powiat") == {2}  # not "powiatowy"
    assert found("sejm") == {4}  # not "sejmik"
    assert found("policja") == {7}  # not "policjanci"
    assert found("powia") == {2, 3}  # a word still being typed is a start


def test_search_finds_a_polish_word_from_a_case_form_typed(db: Database) -> None:
    """ "/search Senacie", "prokuraturze", "Kowalskiego" found nothing in articles saying
    "Senat", "prokuratura", "Kowalski": a reader types the form they have in mind. Now the
    form finds its word and its other forms, as a filter reads them; not "sen", "kot",
    "prokurator", "kowalstwo"."""
    found = _found_by_search(
        db,
        [
            ("Senat", "Senat przyjął ustawę.", "pl"),
            ("Sen", "Miałem sen o kocie, kot śpi.", "pl"),
            ("Prokuratura", "Prokuratura wszczęła śledztwo.", "pl"),
            ("Prokurator", "Prokurator milczy.", "pl"),
            ("Kowalski", "Jan Kowalski wygrał.", "pl"),
            ("Kowalstwo", "Kowalstwo to stary zawód.", "pl"),
            ("Ojciec", "Mój ojciec wrócił.", "pl"),
        ],
    )
    assert found("Senacie") == {0} and found("prokuraturze") == {2}
    assert found("Kowalskiego") == {4} and found("Kowalskim") == {4}
    assert found("ojca") == {6} and found("ojciec") == {6}
    assert found("kotle") == set()


def test_search_finds_a_polish_dative_and_a_dropped_io(db: Database) -> None:
    """ "/search Nowakowi" found no "Nowak", "kotle" no "Kocioł", "kocioł" no "w kotle": a
    case on the word's own stem, and a noun whose "io" drops ("kotła"), were not read back."""
    found = _found_by_search(
        db,
        [
            ("Nowak", "Jan Nowak wygrał.", "pl"),
            ("Kocioł", "Kocioł stoi w piwnicy.", "pl"),
            ("Woda", "Woda gotuje się w kotle.", "pl"),
            ("Kot", "Kot zjadł kotlet.", "pl"),
            ("Nowacki", "Piotr Nowacki przegrał.", "pl"),
        ],
    )
    assert found("Nowakowi") == {0}  # not "Nowacki"
    assert found("kotle") == {1, 2} and found("kocioł") == {1, 2}  # not "kot", "kotlet"


def test_search_reads_a_short_polish_noun_whole_in_polish_articles(db: Database) -> None:
    """ "/search pole" found "polecenie" and "kot" "kotlet" where no form of "pole" or "kot"
    is stored: a word the index holds in no form was a start ("pol-" starts "polecenie",
    "policja", "polityka"). In Polish articles a noun of a three-letter base is now its
    forms only; elsewhere, and a longer fragment ("powia"), it is still a start."""
    found = _found_by_search(
        db,
        [
            ("Polecenie", "Wojewoda wydał polecenie.", "pl"),
            ("Kotlet", "Na obiad kotlet.", "pl"),
            ("Polemic", "A polemic on taxes.", "en"),
            ("Government", "The government fell.", "en"),
            ("Powiat", "Drogi w powiecie.", "pl"),
        ],
    )
    assert found("pole") == {2}  # not "polecenie"; the English "polemic" as a start
    assert found("kot") == set()  # not "kotlet"
    assert found("gove") == {3} and found("powia") == {4}  # fragments still starts


def test_search_finds_a_short_polish_nouns_forms(db: Database) -> None:
    """A short Polish noun read whole still finds its forms ("pole": "na polu")."""
    found = _found_by_search(
        db, [("Pole", "Zboże rośnie na polu.", "pl"), ("Polecenie", "Wydał polecenie.", "pl")]
    )
    assert found("pole") == {0}


def test_search_looks_only_for_polish_forms_the_index_holds(db: Database) -> None:
    """ "/search mieście" looked for 79 guessed forms, each an FTS5 term in every table of the
    index ("miest-", "miost-" in three genders), which no text holds: only the forms the
    index holds are looked for, and the word still finds its forms."""
    found = _found_by_search(
        db,
        [
            ("Miasto", "Korek w mieście, ulice miasta.", "pl"),
            ("Miasta", "Burmistrz miasta mówi.", "pl"),
            ("Town", "The town grew.", "en"),
        ],
    )
    assert found("mieście") == {0, 1} and found("miasto") == {0, 1}
    own = dict((code, query) for code, query, *_ in search_module._queries(db, "mieście", None)[3])
    assert own == {"pl": '("miasta" OR "miasto")'}  # not "miesta", "miosto", "mieściem"...


def test_search_finds_a_short_adjective_and_a_short_ao_nouns_plural(db: Database) -> None:
    """ "primero" found none of the AnCora articles saying "primer" (24 of 74), and
    Portuguese "nação" no "nações" (its stem before "-ão" is too short to be a start)."""
    found = _found_by_search(
        db,
        [
            ("El primer ministro", "El primer ministro habló.", "es"),
            ("Una granja", "Una granja y un primor.", "es"),
            ("Un gran país", "Un gran país.", "es"),
            ("Nações Unidas", "As nações unidas.", "pt"),
            ("Nacional", "O time nacional.", "pt"),
        ],
    )
    assert found("primero") == {0} and found("grande") == {2}
    assert found("nação") == {3}  # not "nacional"


def test_search_looks_for_other_forms_only_where_their_language_is_stored(
    db: Database,
) -> None:
    """A language's forms are looked for in its articles only, and only when some article is
    in that language: an English database asks the index nothing more for a Latin word."""
    found = _found_by_search(
        db, [("Nueva York", "Nueva York grew.", "en"), ("Nuevo", "Nuevo León.", None)]
    )
    assert found("nuevo") == {1}
    assert search_module._queries(db, "nuevo", None)[3] == ()


def test_a_word_typed_again_is_read_once(db: Database) -> None:
    """ "Senacie" typed 25 times made FTS5 query it 25 times (half a second, every chat waiting
    behind it): a word or phrase typed again is read once, and the word before a repeated
    last word is no start ("york new york" does not find "news")."""
    found = _found_by_search(
        db,
        [
            ("Senat obraduje", "Posłowie i senatorowie w Senacie.", "pl"),
            ("Jobs report", "The work force shrank.", "en"),
            ("New York", "A day in New York.", "en"),
            ("News", "The news of the day.", "en"),
        ],
    )
    assert store.search_terms(db, "jobs jobs jobs") == store.search_terms(db, "jobs")
    assert store.search_terms(db, " ".join(["Senacie"] * 25)) == store.search_terms(db, "Senacie")
    assert found(" ".join(["Senacie"] * 25)) == found("Senacie") == {0}
    assert found("jobs JOBS Jobs") == found("jobs") == {1}
    assert found("york new york") == found("new york") == {2}
    assert found('"new york" "New York"') == {2}
    assert found("jobs -work -work") == set()


def test_search_for_one_letter_with_a_mark_finds_that_letter_not_the_plain_one(
    db: Database,
) -> None:
    """The index folds accents: "/search ą" found every English "a", "à" every "a". A keyword
    filter finds such a letter as a word, with its mark; search now keeps the same hits."""
    found = _found_by_search(
        db,
        [
            ("A cat", "A cat sat.", "en"),
            ("À Paris", "Il est à Paris.", "fr"),
            ("È vero", "È vero, disse.", "it"),
            ("E poi", "E poi andò.", "it"),
        ],
    )
    assert found("ą") == set()
    assert found("à") == {1}
    assert found("è") == {2}
    assert found("a") == {0, 1}  # the plain letter as before (folded, one letter)
    assert found("e") == {2, 3}


def test_search_reads_a_word_without_its_invisible_marks(db: Database) -> None:
    """A direction mark or another invisible character pasted inside a word ("Sen\\u200fat")
    split it in two, and /search found nothing where /subscribe, which strips direction
    marks, kept "Senat". Both read the word through ``letters.plain_width`` now."""
    found = _found_by_search(db, [("Senat obraduje", "Senat obraduje dziś.", "pl")])
    for mark in ("\u200f", "\u200e", "\u200b", "\u2060", "\ufeff", "\u00ad", "\u202b"):
        assert found(f"Sen{mark}at") == {0}, repr(mark)
    assert found("Sen at") == set()


def test_search_for_a_word_a_small_list_of_stems_joins_to_another_keeps_that_word(
    db: Database,
) -> None:
    """The index's stemmer, and Snowball too, hold "it" and "its" as "it": "/search it" found
    every "its" (57 English Wikinews articles). A word of such a stem (``JOINED_STEMS``) keeps
    the hits that hold it as a filter reads it; a filter reads "its" as no form of "it".
    "election" and "elected", "dies" and "died" are one family's words: found together (checking
    each hit cost a search for "elections" three times its time)."""
    found = _found_by_search(
        db,
        [
            ("Election day", "The election was held.", "en"),
            ("Mayor elected", "The mayor was elected.", "en"),
            ("Its budget", "The council cut its budget.", "en"),
            ("It rained", "It rained all day.", "en"),
            ("He dies", "The hero dies at the end.", "en"),
            ("She died", "She died at home.", "en"),
            ("Elections", "Two elections were held.", "en"),
            ("Towns", "Two communities met.", "en"),
        ],
    )
    # The SQL test before the check holds every form's letters: "communit", not "community".
    assert found("community") == {7}
    assert found("election") == found("elected") == {0, 1, 6}
    assert found("it") == {3}
    assert found("dies") == {4, 5}
    assert found("died") == {5}
    assert found("budget") == {2}  # other words as before


def test_titles_by_text_reads_the_articles_of_the_text_s_word_count_on_an_index(
    db: Database,
) -> None:
    """The wall rule asks on every poll that read pages which stored articles of the source
    hold a page's text: on the source's articles alone, the query read all their texts."""
    mine = store.add_source(db, "https://walled.example/feed.xml")
    other = store.add_source(db, "https://other.example/feed.xml")
    notice = "This article is for subscribers only. Subscribe today."
    store.save_articles(
        db,
        mine.id,
        [
            ArticleIn(f"https://walled.example/{n}", f"Title {n}", text, NOW, guid=f"g{n}")
            for n, text in enumerate([notice, "A bridge opens in Riverton today.", notice])
        ],
        now=NOW,
    )
    store.save_articles(
        db, other.id, [ArticleIn("https://other.example/1", "Elsewhere", notice, NOW)], now=NOW
    )
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)

    found = store.titles_by_text(db, mine.id, [notice, "Not stored anywhere at all."])

    db.conn.set_trace_callback(None)
    assert found == {
        notice: {
            ("https://walled.example/0", "g0", "Title 0"),
            ("https://walled.example/2", "g2", "Title 2"),
        }
    }
    [query] = [s for s in statements if s.lstrip().lower().startswith("select")]
    plan = " ".join(str(row[3]) for row in db.execute(f"explain query plan {query}"))
    assert "articles_source_words (source_id=? AND word_count=?)" in plan, plan


def test_summaries_made_whole_of_a_run_on_sentence_are_made_again_once(db_path: Path) -> None:
    # Before the 150-word cut (summarise.LONGEST_SENTENCE) a video's captions, thousands of
    # words without a full stop, were one "sentence" and the whole summary: stored so, it
    # stayed a wall of text in /story after the release that cuts it. Migration 052 has such
    # summaries made again once; a summary of news sentences stays.
    old = Database(sqlite3.connect(str(db_path)))
    old.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(old, stop_before="052_redo_summaries_of_run_on_sentences")
    captions = "so the council met today and we talked about the harbour and the tram " * 40
    items = [article(1, text=captions.strip()), article(2)]
    ids = store.save_articles(old, None, items, now=NOW).new_ids
    kept = "Body of article number 2 about topic 2."
    store.save_summaries(
        old, summarise.DEFAULT_METHOD, [(ids[0], captions.strip()), (ids[1], kept)]
    )
    old.conn.commit()
    old.close()

    db = store.open_db(db_path)
    assert [p.id for p in store.pending_summaries(db, summarise.DEFAULT_METHOD)] == [ids[0]]
    asyncio.run(process.process_pending(db, workers=1, now=NOW))
    summaries = dict(
        db.execute(
            "select article_id, summary from summaries where method = ?", [summarise.DEFAULT_METHOD]
        ).fetchall()
    )
    assert summaries[ids[1]] == kept
    assert summaries[ids[0]].endswith("\u2026") and len(summaries[ids[0]].split()) <= 80
    db.close()
    assert not store.pending_summaries(store.open_db(db_path), summarise.DEFAULT_METHOD)  # once


def test_the_live_stories_skipped_are_counted_from_an_index(db: Database) -> None:
    """/stats counts the live stories skipped in the last 24 hours: the query read every
    live post (a scan of live_posts, 9.6 ms at 100k rows); a partial index holds the skipped."""
    sub = store.save_subscription(db, 5, "private", time="08:00")
    for story_id in range(1, 6):
        db.execute(
            "insert into live_posts (subscription_id, story_id, posted_at, skipped)"
            " values (?, ?, ?, ?)",
            [sub.id, story_id, store.iso(NOW - timedelta(hours=story_id * 10)), story_id % 2],
        )
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    counts = store.delivery_stats(db, now=NOW)
    db.conn.set_trace_callback(None)
    assert counts["live_skipped_24h"] == 1  # story 1 (10 h ago); 3 and 5 are older, 2 and 4 sent
    [query] = [s for s in statements if "from live_posts" in s and "skipped = 1" in s]
    plan = " ".join(str(row[3]) for row in db.execute(f"explain query plan {query}"))
    assert "INDEX live_posts_skipped" in plan and "SCAN" not in plan, plan


def test_readme_data_model_names_every_table(db: Database) -> None:
    """README's "Data model" is where a maintainer looks for what the database holds: the
    table migration 057 made (``removed_articles``, the addresses retention removed that a feed
    still lists) and the column 056 added (``sources.archive_until``) were missing from it."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    model = readme.split("### Data model", 1)[1].split("\n\n", 2)[2].split("\n\n", 1)[0]
    rows = {
        name: line
        for line in model.splitlines()
        if line.startswith("| `")
        for name in re.findall(r"`([a-z_]+)`", line.split("|")[1])
    }
    fts_parts = ("_config", "_data", "_docsize", "_idx", "_content")
    tables = [
        name
        for (name,) in db.execute("select name from sqlite_master where type = 'table'")
        if not name.startswith(("sqlite_", "_sqlite_", "articles_fts_w"))
        and not name.endswith(fts_parts)
    ]
    assert [t for t in tables if t not in rows] == []
    assert "`archive_until`" in rows["sources"]
