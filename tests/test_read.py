"""The read side (latest, search, story, ledger) on real SQLite, after the processing pass."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from digests import compose, process, read, store
from digests.models import ArticleIn
from tests.conftest import SEEDS
from tests.support import save_readings_fr

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

STORY = (
    "Prosecutors in Paris charged the chief executive of Acme Corp with fraud on Monday, "
    "saying the company hid losses from investors for three years. The charges follow a "
    "two-year investigation by financial regulators. Acme denied the allegations and said it "
    "would fight them in court. Shares in the company fell sharply after the announcement. "
    "Analysts said the case could take years to reach trial."
)


def seed_db(db: Database) -> None:
    from digests import ingest

    ingest.load_seeds(db, SEEDS)


def test_latest_falls_back_to_older_stories_and_uses_stored_summary(db: Database) -> None:
    seed_db(db)
    process.process_pending_sync(db, workers=1, now=NOW)
    digest = read.latest(db, now=NOW)
    [item] = digest.stories
    assert "Telegram" in item.title and item.source == "Seed"
    stored = next(iter(db.query("select summary from summaries")))["summary"]
    assert item.summary == stored
    assert "ADS" not in item.summary and "Trending Topics" not in item.summary
    assert read.latest(db, now=NOW, since=NOW - timedelta(days=1)).stories == ()


def test_search_and_story(db: Database) -> None:
    a = store.add_source(db, "https://a.example/rss", title="Wire A")
    b = store.add_source(db, "https://b.example/rss", title="Paper B")
    store.save_articles(
        db, a.id, [ArticleIn("https://a.example/1", "Acme chief charged", STORY, NOW)], now=NOW
    )
    store.save_articles(
        db,
        b.id,
        [
            ArticleIn(
                "https://b.example/9", "Acme boss faces fraud charges", STORY + " More soon.", NOW
            )
        ],
        now=NOW,
    )
    store.save_articles(
        db, b.id, [ArticleIn("https://b.example/2", "Rain", "Rain all day. " * 20, NOW)], now=NOW
    )
    process.process_pending_sync(db, workers=1, now=NOW)
    found = read.search(db, "fraud", now=NOW)
    assert found.total == 1
    [item] = found.stories
    assert item.also_reported == 1
    full = read.story(db, item.story_id)
    assert full is not None and {s.name for s in full.sources} == {"Wire A", "Paper B"}
    assert read.story(db, 999) is None
    assert read.search(db, "nothing-like-this", now=NOW).stories == ()
    assert read.search(db, "fraud -acme", now=NOW).total == 0
    assert read.search(db, '"fraud charges"', now=NOW).total == 1


def test_a_search_in_cyrillic_finds_the_name_in_latin_letters(db: Database) -> None:
    seed_db(db)  # the seed article, in English, about Pavel Durov
    process.process_pending_sync(db, workers=1, now=NOW)
    for words in ("Дуров", "дурова", "Павел Дуров", "Дурову Telegram"):
        assert read.search(db, words, now=NOW).total == 1, words
    assert read.latin_spellings("суд Дурова") == {"дурова": "durov"}  # short words stay
    assert read.search(db, "Дуров -Telegram", now=NOW).total == 0


def test_ledger_merges_the_same_allegation_from_two_sources(db: Database) -> None:
    a = store.add_source(db, "https://a.example/rss", title="Wire A")
    b = store.add_source(db, "https://b.example/rss", title="Paper B")
    store.save_articles(
        db, a.id, [ArticleIn("https://a.example/1", "Acme chief charged", STORY, NOW)], now=NOW
    )
    store.save_articles(
        db,
        b.id,
        [ArticleIn("https://b.example/9", "Acme boss faces charges", STORY + " Updated.", NOW)],
        now=NOW,
    )
    process.process_pending_sync(db, workers=1, now=NOW)
    entries = read.ledger(db, "acme")
    assert entries, "the charge against Acme is in the ledger"
    top = entries[0]
    assert {s.name for s in top.sources} == {"Wire A", "Paper B"}
    # "chief executive of Acme Corp" is a role alone: its items are in the ledger, no button
    week = NOW - timedelta(days=7)
    assert read.grouped_targets(db, since=week) == [("chief executive of Acme Corp", 2)]
    assert read.top_targets(db, since=week) == []
    assert read.ledger(db, "nobody-at-all") == []


EARLIER = NOW - timedelta(hours=1)
TOWN_HALL = (
    "The city council of Northfield met on Tuesday after police searched the town hall. "
    "Investigators took away boxes of planning files from the mayor's office in Northfield. "
)


def test_a_merged_ledger_entry_shows_one_report_whole_with_its_own_source(db: Database) -> None:
    # Wire A (read first: newer) names no accuser; Paper B names one: Paper B's report shows whole
    a = store.add_source(db, "https://a.example/rss", title="Wire A")
    b = store.add_source(db, "https://b.example/rss", title="Paper B")
    passive = "The mayor was accused of taking bribes from property developers over many years."
    named = (
        "Opposition members said the mayor took bribes from property developers over many years."
    )
    store.save_articles(
        db,
        a.id,
        [ArticleIn("https://a.example/1", "Mayor accused", TOWN_HALL + passive, NOW)],
        now=NOW,
    )
    store.save_articles(
        db,
        b.id,
        [ArticleIn("https://b.example/9", "Town hall searched", TOWN_HALL + named, EARLIER)],
        now=NOW,
    )
    process.process_pending_sync(db, workers=1, now=NOW)
    [entry] = read.ledger(db)
    assert entry.allegation.accuser == "Opposition members"
    assert entry.allegation.sentence == named
    assert entry.allegation.claim in named
    assert [s.name for s in entry.sources] == ["Paper B", "Wire A"]  # the one shown first
    assert entry.outlet == "Paper B"


def test_seed_ledger_has_the_french_allegations_and_durovs_refutation(db: Database) -> None:
    seed_db(db)
    process.process_pending_sync(db, workers=1, now=NOW)
    entries = read.ledger(db)
    claims = [e.allegation for e in entries]
    assert any("trafficking drugs" in c.claim for c in claims)
    assert all(c.accuser == "French authorities" and c.target == "Telegram" for c in claims)
    for item in claims:
        assert [(r.responder, r.kind) for r in item.responses] == [("Durov", "refutation")]
    assert entries[0].sources[0].url == "https://seed.invalid/000_69be0bb2d80f3255"


def test_latest_reads_text_openings_but_keywords_search_whole_texts(db: Database) -> None:
    source = store.add_source(db, "https://a.example/rss", title="Wire A")
    long_text = "The council met on Monday to discuss the budget. " * 80 + "Zebras escaped."
    assert len(long_text) > store.stories.TEXT_HEAD
    store.save_articles(
        db, source.id, [ArticleIn("https://a.example/1", "Council budget", long_text, NOW)], now=NOW
    )
    process.process_pending_sync(db, workers=1, now=NOW)
    cut = store.story_articles(
        db, since=NOW - timedelta(days=1), method="hybrid", whole_texts=False
    )
    assert [len(a.text) for a in cut] == [store.stories.TEXT_HEAD]
    assert long_text.startswith(cut[0].text)
    # The keyword is in the text's last words, far past the opening: still found.
    assert [s.title for s in read.latest(db, now=NOW, include=["zebras"]).stories] == [
        "Council budget"
    ]
    assert read.latest(db, now=NOW, exclude=["zebras"]).stories == ()
    assert [s.title for s in read.latest(db, now=NOW).stories] == ["Council budget"]


async def test_the_ledger_puts_the_fallback_readers_items_after_the_patterns(
    db: Database,
) -> None:
    save_readings_fr(db, NOW)
    assert await process.extract_pending(db) == 5
    entries = read.ledger(db)
    shown = [(e.allegation.target, compose.less_certain(e.allegation)) for e in entries]
    # Newest first would be Lutèce, then Martel's fallback item: the patterns' readings lead.
    assert shown == [
        ("distillerie Martel", False),
        ("distillerie Martel", True),
        ("Olympia", False),
        ("Lutèce", True),
        ("Lutèce", True),
    ]
    assert entries[3].published > entries[4].published  # recency still orders the rest
    assert [e.allegation.target for e in read.ledger(db, "Martel")] == ["distillerie Martel"] * 2
    assert read.ledger(db, "Martel")[0].allegation.reading == ""
    # The buttons: Lutèce has as many items as Martel, all from the fallback reader.
    week = NOW - timedelta(days=7)
    assert read.grouped_targets(db, since=week) == [
        ("distillerie Martel", 2),
        ("Olympia", 1),
        ("Lutèce", 2),
    ]
    assert [name for name, _ in read.top_targets(db, since=week)] == [
        "distillerie Martel",
        "Olympia",
        "Lutèce",
    ]


def test_a_name_finds_the_allegations_its_party_answered_in_either_script(db: Database) -> None:
    # The seed's allegations are against Telegram, which Durov refuted: asking for Durov, in
    # Latin or Cyrillic letters, shows them; a name no party of theirs has shows nothing.
    seed_db(db)
    process.process_pending_sync(db, workers=1, now=NOW)
    everything = {e.allegation.claim for e in read.ledger(db)}
    assert len(everything) == 2
    for words in ("Durov", "Дуров", "durov", "French authorities", "Telegram", "Телеграм"):
        assert {e.allegation.claim for e in read.ledger(db, words)} == everything, words
    assert read.ledger(db, "Macron") == []
    assert read.ledger(db, "Дюпон") == []


def test_a_new_source_s_undated_archive_comes_after_the_day_s_news_in_a_digest(
    db: Database,
) -> None:
    """The undated items of a source's first poll are dated two days back: a digest ranks
    them below the day's news, but they are news to it (fetched since the last digest,
    within ``read.LATEST_WINDOW``) and take the places the day's news leaves."""
    vocabulary = [f"w{n:04d}" for n in range(5000)]  # distinct stories share few words

    def text(n: int) -> str:
        pick = random.Random(n).choice
        return ". ".join(" ".join(pick(vocabulary) for _ in range(12)) for _ in range(5)) + "."

    dated = store.add_source(db, "https://dated.example/rss", now=NOW - timedelta(days=5))
    undated = store.add_source(db, "https://undated.example/rss", now=NOW - timedelta(minutes=20))
    fresh = [
        ArticleIn(
            url=f"https://dated.example/{n}",
            title=f"Fresh {n}",
            text=text(n),
            published=NOW - timedelta(minutes=30 + n),
        )
        for n in range(3)
    ]
    store.save_articles(db, dated.id, fresh, now=NOW - timedelta(minutes=20))
    archive = [
        ArticleIn(url=f"https://undated.example/{n}", title=f"Archive {n}", text=text(40 + n))
        for n in range(8)
    ]
    store.save_articles(db, undated.id, archive, now=NOW - timedelta(minutes=10), backlog=True)
    process.process_pending_sync(db, workers=1, now=NOW)

    digest = read.new_stories(db, new_since=NOW - timedelta(hours=1), now=NOW, limit=5)

    titles = [story.title for story in digest.stories]
    assert titles[:3] == ["Fresh 0", "Fresh 1", "Fresh 2"]
    assert [t.split()[0] for t in titles[3:]] == ["Archive", "Archive"]
