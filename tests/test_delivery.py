"""What goes into a chat's digest, and writing it to the outbox (digests.delivery)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from bot.i18n import english
from bot.render import empty_note, render_chat_digest
from digests import delivery, store
from digests.models import Allegation, ArticleIn, ChatDigest, Subscription

T0 = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)  # 08:00 in Berlin


def add_story(
    db: Database,
    title: str,
    published: datetime,
    *,
    outlet: str = "",
    language: str | None = None,
) -> int:
    """Save one article as a story of its own (or join `outlet`'s copy); return the story id."""
    source = store.add_source(
        db, f"https://{outlet or title.split()[0].lower()}.example/feed", now=published
    )
    saved = store.save_articles(
        db,
        source.id,
        [
            ArticleIn(
                f"https://{outlet or 'news'}.example/{abs(hash(title))}",
                title,
                f"{title}. Details follow.",
                published,
                language=language,
            )
        ],
        now=published,
    )
    story = store.new_story(db, title, published)
    store.attach_to_story(db, saved.new_ids[0], story, published)
    return story


EMPTY_NOTE = empty_note(english())


def render(sub: Subscription, content: ChatDigest) -> Sequence[str]:
    """A plain renderer: the heading, then one line per story (or the note)."""
    if content.nothing_new:
        return [EMPTY_NOTE]
    return [f"<b>{content.digest.title}</b>", *(s.title for s in content.digest.stories)]


def test_enqueue_due_writes_each_due_digest_once(db: Database) -> None:
    created = T0 - timedelta(days=1)
    morning = store.save_subscription(
        db, 1, "private", now=created, time="08:00", timezone="Europe/Berlin"
    )
    store.save_subscription(db, 2, "private", now=created, time="20:00", timezone="Europe/Berlin")
    filtered = store.save_subscription(
        db, 3, "private", now=created, time="08:00", timezone="Europe/Berlin", include=["whales"]
    )
    noted = store.save_subscription(
        db,
        4,
        "private",
        now=created,
        time="08:00",
        timezone="Europe/Berlin",
        include=["whales"],
        empty_note=True,
    )
    add_story(db, "Rain expected over the weekend", T0 - timedelta(hours=3))
    now = T0 + timedelta(minutes=1)  # 08:01 in Berlin

    assert delivery.enqueue_due(db, now, render) == 2
    rows = list(db.query("select subscription_id, text from outbox order by id"))
    assert [(r["subscription_id"], r["text"]) for r in rows] == [
        (morning.id, "<b>Your daily digest</b>"),
        (morning.id, "Rain expected over the weekend"),
        (noted.id, EMPTY_NOTE),
    ]
    empty = store.get_subscription_by_id(db, filtered.id)
    assert empty is not None and empty.last_slot == store.iso(T0)  # used up, nothing sent
    assert delivery.enqueue_due(db, now + timedelta(minutes=5), render) == 0
    sent = store.get_subscription_by_id(db, morning.id)
    assert sent is not None and sent.last_digest_at == store.iso(now)


def test_enqueue_after_two_days_down_sends_one_digest(db: Database) -> None:
    sub = store.save_subscription(
        db, 1, "private", now=T0 - timedelta(days=5), frequency="hourly", time="00:00"
    )
    store.update_subscription(db, sub.id, last_slot=store.iso(T0 - timedelta(days=2)))
    add_story(db, "Markets steady", T0 - timedelta(hours=1))
    assert delivery.enqueue_due(db, T0 + timedelta(minutes=20), render) == 1
    keys = {r["digest_key"] for r in db.query("select digest_key from outbox")}
    assert keys == {f"{sub.id}@{store.iso(T0)}"}
    # Down for 8 hours past a daily slot: nothing is sent late, the slot is skipped.
    daily = store.save_subscription(db, 2, "private", now=T0 - timedelta(days=5), time="07:00")
    store.update_subscription(db, daily.id, last_slot=store.iso(T0 - timedelta(days=1)))
    assert delivery.enqueue_due(db, T0 + timedelta(hours=8), render) == 0
    skipped = store.get_subscription_by_id(db, daily.id)
    assert skipped is not None and skipped.last_slot == store.iso(T0)


def test_a_story_that_grows_after_it_was_sent_is_not_sent_again(db: Database) -> None:
    sub = store.save_subscription(
        db, 1, "private", now=T0 - timedelta(days=1), time="08:00", timezone="Europe/Berlin"
    )
    story = add_story(db, "Ferry strike ends", T0 - timedelta(hours=2))
    assert delivery.enqueue_due(db, T0 + timedelta(minutes=1), render) == 1
    # A second outlet reports the same story the next day; a new story arrives too.
    later = T0 + timedelta(hours=20)
    copy = store.save_articles(
        db,
        store.add_source(db, "https://other.example/feed").id,
        [ArticleIn("https://other.example/ferry", "Ferry strike over", "Ferries run.", later)],
        now=later,
    )
    store.attach_to_story(db, copy.new_ids[0], story, later)
    add_story(db, "Library reopens", later)
    sub = store.get_subscription_by_id(db, sub.id) or sub
    content = delivery.chat_digest(db, sub, T0 + timedelta(days=1, minutes=1))
    assert content is not None
    assert [s.title for s in content.digest.stories] == ["Library reopens"]
    # /digest shows the same as the next digest would, and records nothing.
    preview = delivery.preview(db, sub, T0 + timedelta(days=1, minutes=1))
    assert [s.title for s in preview.digest.stories] == ["Library reopens"]


def test_a_story_published_long_ago_is_no_news_though_fetched_today(db: Database) -> None:
    """A source that carries an old article (its archive, the seed of 2024) had it fetched
    today: it went out as "Your daily digest" beside this week's copy of the same article,
    with its allegations twice. A late-dated item of this week still counts as new."""
    sub = store.save_subscription(
        db, 1, "private", now=T0 - timedelta(days=1), time="08:00", timezone="Europe/Berlin"
    )
    fetched = T0 - timedelta(hours=1)
    source = store.add_source(db, "https://archive.example/feed", now=fetched)
    items = [
        ArticleIn(
            "https://archive.example/old", "Dam opens", "Dam opens.", T0 - timedelta(days=800)
        ),
        ArticleIn(
            "https://archive.example/late", "Bridge shuts", "Bridge shuts.", T0 - timedelta(days=3)
        ),
    ]
    saved = store.save_articles(db, source.id, items, now=fetched)
    for article_id, item in zip(saved.new_ids, items, strict=True):
        store.attach_to_story(
            db, article_id, store.new_story(db, item.title, item.published), item.published
        )
    content = delivery.chat_digest(db, sub, T0 + timedelta(minutes=1))
    assert content is not None
    assert [s.title for s in content.digest.stories] == ["Bridge shuts"]
    # With nothing recent (a seeded database), the old story is what there is, as in /latest.
    later = T0 + timedelta(days=40)
    content = delivery.chat_digest(db, sub, later)
    assert content is not None
    assert sorted(s.title for s in content.digest.stories) == ["Bridge shuts", "Dam opens"]


def test_the_allegations_section_is_part_of_the_value_rendering_reads(db: Database) -> None:
    sub = store.save_subscription(
        db, 1, "private", now=T0 - timedelta(days=1), time="08:00", allegations=True
    )
    story = add_story(db, "Acme chief charged", T0 - timedelta(hours=2))
    [article_id] = [r["id"] for r in db.query("select id from articles")]
    item = Allegation(
        sentence="Prosecutors charged Acme with fraud.",
        accuser="Prosecutors",
        target="Acme",
        claim="fraud",
        kind="charge",
    )
    store.save_allegations(db, article_id, [item], 1)
    content = delivery.chat_digest(db, sub, T0 + timedelta(minutes=1))
    assert content is not None and [e.story_id for e in content.ledger] == [story]
    db.close()  # rendering needs no database
    parts = render_chat_digest(english(), content)
    assert "Acme chief charged" in parts[0]
    assert "Allegations in these stories" in parts[-1] and "fraud" in parts[-1]


def test_a_languages_filter_keeps_stories_with_an_article_in_them_with_keywords(
    db: Database,
) -> None:
    created = T0 - timedelta(days=1)
    berlin = {"now": created, "time": "08:00", "timezone": "Europe/Berlin"}
    every = store.save_subscription(db, 1, "private", **berlin)
    russian = store.save_subscription(db, 2, "private", languages=("ru",), **berlin)
    ferries = store.save_subscription(
        db, 3, "private", languages=("ru", "fr"), include=["паром", "ferries"], **berlin
    )
    published = T0 - timedelta(hours=3)
    add_story(db, "Паром снова ходит", published, outlet="ru1", language="ru")
    add_story(db, "Погода на выходные", published, outlet="ru2", language="ru")
    add_story(db, "Grève des ferries", published, outlet="fr1", language="fr")
    add_story(db, "Markets steady", published, outlet="en1", language="en")
    # An English story with a Russian report of it: Russian readers get the Russian one.
    mixed = add_story(db, "Bridge reopens", published, outlet="en2", language="en")
    copy = store.save_articles(
        db,
        store.add_source(db, "https://ru3.example/feed", title="Ru3").id,
        [
            ArticleIn(
                "https://ru3.example/1",
                "Мост открыт",
                "Мост открыт снова.",
                published,
                language="ru",
            )
        ],
        now=published,
    )
    store.attach_to_story(db, copy.new_ids[0], mixed, published)

    assert delivery.enqueue_due(db, T0 + timedelta(minutes=1), render) == 3
    sent: dict[int, set[str]] = {}
    for r in db.query("select subscription_id, text, part from outbox where part > 0"):
        sent.setdefault(r["subscription_id"], set()).add(r["text"])
    assert sent[every.id] == {
        "Паром снова ходит",
        "Погода на выходные",
        "Grève des ferries",
        "Markets steady",
        "Bridge reopens",
    }
    assert sent[russian.id] == {"Паром снова ходит", "Погода на выходные", "Мост открыт"}
    assert sent[ferries.id] == {"Паром снова ходит", "Grève des ferries"}
    # The digest's story is the Russian report's: its link and summary.
    sub = store.get_subscription_by_id(db, russian.id)
    assert sub is not None
    shown = delivery.preview(db, sub, T0 + timedelta(minutes=2))
    [bridge] = [s for s in shown.digest.stories if s.story_id == mixed]
    assert bridge.url == "https://ru3.example/1" and bridge.summary == "Мост открыт снова."
