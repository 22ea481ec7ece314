"""The real Application, handlers and jobs, driven through the offline Telegram."""

from __future__ import annotations

import asyncio
import logging
import os
import random
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlite_utils import Database
from telegram import Update

from bot import digest_jobs, jobs, render
from bot.app import build_application, file_base_url, running
from bot.commands import COMMANDS
from bot.config import ConfigError, Settings
from bot.handlers.common import whole_number
from bot.i18n import english
from bot.offline import OfflineTelegram, SentMessage, bad_request, forbidden_blocked
from bot.ratelimit import PacedRateLimiter
from bot.replies import ask_in_private, refusal
from bot.state import App
from bot.telegram_html import MAX_MESSAGE_LENGTH, utf16_len
from digests import delivery, ingest, opml, process, read, store, stories
from digests.errors import DatabaseFileError
from digests.fetch import limits_from_env
from digests.models import Article, ArticleIn
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.support import instant_pacer, make_digest_due, save_readings_fr

REFUSAL = refusal(english())
USER = 1001
ADMIN = 4242
GROUP = -1001001


@dataclass
class Bot:
    """A running application, its offline Telegram and helpers to talk to it."""

    app: App
    offline: OfflineTelegram

    @property
    def db(self) -> Database:
        return self.app.bot_data.db

    async def feed(self) -> None:
        while self.offline.pending_updates:
            body = self.offline.next_update_dict()
            await self.app.process_update(Update.de_json(body, self.app.bot))

    async def say(self, text: str, user_id: int = USER) -> list[SentMessage]:
        """Send text as a user in their private chat; return the bot's new messages there."""
        before = len(self.offline.sent(user_id))
        self.offline.user_message(text, user_id=user_id)
        await self.feed()
        return self.offline.sent(user_id)[before:]

    async def press(
        self, data: str, message: SentMessage, user_id: int = USER
    ) -> list[SentMessage]:
        before = len(self.offline.sent(user_id))
        self.offline.callback_query(data, message=message, user_id=user_id)
        await self.feed()
        return self.offline.sent(user_id)[before:]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        token="123:ABC",
        admin_ids=frozenset({ADMIN}),
        database_path=tmp_path / "bot.db",
        allow_private_sources=True,
        fetch_host_gap=0.0,
    )


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[Bot]:
    offline = OfflineTelegram()
    offline.add_chat(ADMIN, "private", first_name="Admin")
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with running(app):
        yield Bot(app, offline)


def buttons(message: SentMessage) -> list[str]:
    """Return the callback data of a message's inline buttons, in order."""
    keyboard = (message.reply_markup or {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in keyboard for button in row]


def article(db: Database, article_id: int) -> Article:
    row = store.get_article(db, article_id)
    assert row is not None
    return row


def texts(messages: list[SentMessage]) -> str:
    return "\n".join(m.plain_text for m in messages)


_WORDS = [
    "harbour",
    "council",
    "budget",
    "election",
    "river",
    "bridge",
    "vaccine",
    "festival",
    "drought",
    "trade",
    "tariff",
    "court",
    "minister",
    "football",
    "orchestra",
    "satellite",
    "volcano",
    "museum",
    "railway",
    "strike",
    "wildfire",
    "summit",
    "senate",
    "merger",
    "startup",
    "glacier",
    "reactor",
    "vineyard",
    "library",
    "airport",
    "refinery",
    "pipeline",
    "treaty",
    "lottery",
]


def add_stories(
    db: Database,
    count: int,
    *,
    words: int = 60,
    topic: str = "",
    fetched: datetime | None = None,
    url_tail: str = "",
) -> list[int]:
    """Save count distinct articles (one story each) with summaries, fetched now (or at
    ``fetched``), their addresses ending in ``url_tail``; return the story ids."""
    rng = random.Random(count * 7919 + words)
    source = store.find_source(db, "https://example.org/feed") or store.add_source(
        db, "https://example.org/feed", title="Example <News>"
    )
    now = fetched or store.utcnow()
    items = []
    for i in range(count):
        body = " ".join(rng.choice(_WORDS) + str(rng.randrange(10_000)) for _ in range(words))
        items.append(
            ArticleIn(
                url=f"https://example.org/{topic}{i}{url_tail}",
                title=f"Story {i} {topic} & more",
                text=f"{topic} {body}.",
                published=now - timedelta(minutes=10 * i + 1),
            )
        )
    saved = store.save_articles(db, source.id, items, now=now)
    stories.assign_stories(db)
    store.save_summaries(db, "hybrid", [(a, article(db, a).text) for a in saved.new_ids])
    return [int(article(db, a).story_id or 0) for a in saved.new_ids]


# --- wiring ----------------------------------------------------------------------------------


async def test_start_up_publishes_menus_schedules_jobs_and_seeds(bot: Bot) -> None:
    public = bot.offline.commands['{"type": "default"}|']
    admin_scope = f'{{"chat_id": {ADMIN}, "type": "chat"}}|'
    assert [c["command"] for c in public] == [c.name for c in COMMANDS if not c.admin_only]
    assert [c["command"] for c in bot.offline.commands[admin_scope]] == [c.name for c in COMMANDS]
    assert bot.app.job_queue is not None
    assert {j.name for j in bot.app.job_queue.jobs()} == {"ingest", "process", "rights", "upkeep"}
    assert store.count(bot.db, "articles") == 1  # the seed article


async def test_shutdown_closes_the_database(settings: Settings) -> None:
    app = build_application(settings, OfflineTelegram(), workers=1)
    async with running(app):
        db = app.bot_data.db
    assert app.bot_data.db_ is None
    with pytest.raises(Exception, match="closed"):
        db.execute("select 1")


async def test_a_second_bot_on_the_same_database_refuses_to_start(settings: Settings) -> None:
    """Two processes on one database would send each digest twice (the second start puts the
    first one's messages in flight back in the queue): the second refuses to start."""
    first = build_application(settings, OfflineTelegram(), workers=1, pacer=instant_pacer())
    async with running(first):
        db = first.bot_data.db
        sub = store.save_subscription(db, USER, "private")
        store.enqueue_digest(db, sub, store.utcnow(), ["Digest"], cutoff=store.utcnow())
        db.execute("update outbox set status = 'sending'")  # the first one is sending it
        second = build_application(settings, OfflineTelegram(), workers=1)
        with pytest.raises(DatabaseFileError, match="in use by another newsbot process"):
            async with running(second):
                pass
        assert [r["status"] for r in db.query("select status from outbox")] == ["sending"]
        assert first.bot_data.db.execute("select 1").fetchone() == (1,)  # still open
    third = build_application(settings, OfflineTelegram(), workers=1)
    async with running(third):  # once the first stopped, a start is welcome
        assert third.bot_data.db_ is not None


def test_every_mode_paces_replies_with_the_senders_pacer_and_the_configured_server(
    settings: Settings,
) -> None:
    local = replace(settings, api_base_url="http://localhost:8081/bot")
    app = build_application(local)
    assert isinstance(app.bot.rate_limiter, PacedRateLimiter)
    assert app.bot.rate_limiter.pacer is app.bot_data.pacer
    assert app.bot.base_url == "http://localhost:8081/bot123:ABC"
    assert app.bot.base_file_url == "http://localhost:8081/file/bot123:ABC"
    assert file_base_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    offline = build_application(settings, OfflineTelegram())  # the console and the tests
    assert isinstance(offline.bot.rate_limiter, PacedRateLimiter)
    assert offline.bot.rate_limiter.pacer is offline.bot_data.pacer
    instant = instant_pacer()
    given = build_application(settings, OfflineTelegram(), pacer=instant)
    assert given.bot_data.pacer is instant
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        build_application(replace(settings, token=None))


# --- reading ---------------------------------------------------------------------------------


async def test_start_offers_buttons_that_work(bot: Bot) -> None:
    [welcome] = await bot.say("/start")
    assert "news digests" in welcome.plain_text
    assert buttons(welcome) == ["latest:0:5", "sub:start", "help"]
    assert "Innovating Responsibly" in texts(await bot.press("latest:0:5", welcome))
    assert "/latest [n]" in texts(await bot.press("help", welcome))


async def test_help_shows_admin_commands_to_admins_only(bot: Bot) -> None:
    user_help = texts(await bot.say("/help"))
    admin_help = texts(await bot.say("/help", user_id=ADMIN))
    assert "/search words" in user_help and "/addsource" not in user_help
    assert "/addsource URL [title]" in admin_help and "/export" in admin_help


async def test_latest_pages_with_a_more_button(bot: Bot) -> None:
    add_stories(bot.db, 12)
    [page] = await bot.say("/latest 5")
    assert page.reply_markup == {
        "inline_keyboard": [[{"text": "More ▸", "callback_data": "latest:5:5"}]]
    }
    [second] = await bot.press("latest:5:5", page)
    assert page.reply_markup is None  # the pressed button is gone
    assert second.plain_text.startswith("Latest news (continued)")
    first_ids = {line for line in page.plain_text.split() if line.startswith("/story_")}
    second_ids = {line for line in second.plain_text.split() if line.startswith("/story_")}
    assert len(first_ids) == len(second_ids) == 5 and not first_ids & second_ids
    [third] = await bot.press(buttons(second)[0], second)
    assert third.reply_markup is None  # 12 recent stories (the seed is old): no more pages
    assert "Showing" not in third.plain_text


async def test_a_more_button_tapped_twice_sends_its_page_once(bot: Bot) -> None:
    """Both presses of a double tap reach the bot before the button goes (the app shows it
    until the edit that removes it): each sent the next page, so it came twice. /start's
    "Latest news" took the welcome's other buttons away with it."""
    add_stories(bot.db, 12, topic="zebra")
    for command in ("/latest 5", "/search zebra"):
        [page] = await bot.say(command)
        [data] = buttons(page)
        before = len(bot.offline.sent(USER))
        bot.offline.callback_query(data, message=page, user_id=USER)
        bot.offline.callback_query(data, message=page, user_id=USER)
        await bot.feed()
        [second] = bot.offline.sent(USER)[before:]
        assert "(continued)" in second.plain_text or "6–10" in second.plain_text, command
        assert page.reply_markup is None
    [welcome] = await bot.say("/start")
    assert "Latest news" in texts(await bot.press("latest:0:5", welcome))
    assert buttons(welcome) == ["latest:0:5", "sub:start", "help"]


async def test_latest_and_story_with_bad_arguments_get_usage(bot: Bot) -> None:
    assert texts(await bot.say("/latest many")).endswith("Usage: /latest [n]")
    assert texts(await bot.say("/latest 21")).startswith("Give a number from 1 to 20.")
    assert texts(await bot.say("/story")) == "Usage: /story ID"
    assert texts(await bot.say("/story 1 2")) == "Usage: /story ID"
    assert texts(await bot.say("/search")).endswith("Usage: /search words")
    # Only words to leave out: nothing to look for, said so (not "No results").
    for words in ("-durov", '-"CEO Telegram"', "- * ()"):
        reply = texts(await bot.say(f"/search {words}"))
        assert reply.startswith("Tell me what to look for.") and reply.endswith("/search words")


async def test_commands_that_take_no_arguments_answer_words_after_them_with_their_usage(
    bot: Bot,
) -> None:
    """/digest x was run as /digest while /sources x got its usage line."""
    for command in ("digest", "sources", "help"):
        assert texts(await bot.say(f"/{command} x")) == f"Usage: /{command}", command
    for command in ("stats", "ingest", "export", "import"):
        reply = texts(await bot.say(f"/{command} now", user_id=ADMIN))
        assert reply == f"Usage: /{command}", command
    assert texts(await bot.say("/stats now")) == REFUSAL  # the admin check comes first
    # /start's words are a deep link's payload (t.me/bot?start=x), not the user's.
    assert "/help" in texts(await bot.say("/start from-a-link"))
    assert "Usage" not in texts(await bot.say("/digest"))


async def test_story_by_id_and_by_link(bot: Bot) -> None:
    [story_id] = add_stories(bot.db, 1, topic="harbour")
    by_command = texts(await bot.say(f"/story {story_id}"))
    assert "Story 0 harbour & more" in by_command and "Sources" in by_command
    assert texts(await bot.say(f"/story_{story_id}")) == by_command
    # The link pasted after the command, or the number written as people write one.
    for written in (f"/story_{story_id}", f"story_{story_id}", f"#{story_id}", f"№{story_id}"):
        assert texts(await bot.say(f"/story {written}")) == by_command, written
    assert texts(await bot.say("/story #x")) == "Usage: /story ID"
    assert texts(await bot.say("/story 999")).startswith("No story 999.")
    # Beyond SQLite's integers: the usage line, not an apology for an OverflowError.
    assert texts(await bot.say("/story 99999999999999999999999")) == "Usage: /story ID"
    # Past int()'s 4,300-digit limit (a message holds 4,096 characters, the CLI no limit).
    assert whole_number("1" * 5000) is None and read.story_number("1" * 5000) is None
    assert texts(await bot.say("/story_99999999999999999999")).startswith("I don't know")


async def test_a_story_keeps_the_summary_of_the_article_that_led_with_the_news(bot: Bot) -> None:
    """A late outlet's cut-down rewrite became the story's headline, and /story and /latest
    showed its summary, which opens on a quote, instead of the first report's: the first full
    report is shown instead, whole, so no outlet is named under another's words."""
    when = store.utcnow() - timedelta(hours=3)
    full = "Kariba dam opened its gates on Monday after a week of heavy rain upstream. " * 25
    rewrite = "“We had no choice,” an official said. The Kariba dam gates were opened. " * 8
    source = store.add_source(bot.db, "https://outlets.example/feed", title="Outlets")
    items = [
        ArticleIn("https://first.example/1", "Dam opens gates after rain", full, when),
        ArticleIn(
            "https://late.example/1", "Kariba dam opens gates", rewrite, when + timedelta(hours=1)
        ),
    ]
    ids = store.save_articles(bot.db, source.id, items).new_ids
    story_id = store.new_story(bot.db, "Kariba dam opens gates", when)
    for article_id, item in zip(ids, items, strict=True):
        store.attach_to_story(bot.db, article_id, story_id, item.published or when)
    store.save_summaries(
        bot.db,
        bot.app.bot_data.settings.summary_method,
        [(ids[0], "Kariba dam opened its gates on Monday."), (ids[1], "“We had no choice.”")],
    )
    shown = texts(await bot.say(f"/story {story_id}"))
    # The first full report is shown whole (its title, link and summary), the rewrite listed.
    assert shown.startswith("Dam opens gates after rain") and shown.count("• Outlets") == 2
    assert "Kariba dam opened its gates on Monday." in shown and "no choice" not in shown
    latest = texts(await bot.say("/latest"))
    assert "Kariba dam opened its gates on Monday." in latest and "no choice" not in latest


async def test_story_names_its_articles_languages(bot: Bot) -> None:
    text = (
        "Городской совет утвердил новый бюджет на следующий год после долгих споров о "
        "расходах на транспорт, школы и больницы, и большинство депутатов проголосовало за."
    )
    [saved] = store.save_articles(
        bot.db, None, [ArticleIn("https://ru.example/1", "Совет утвердил бюджет", text)]
    ).new_ids
    await jobs.process_now(bot.app.bot_data)
    shown = texts(await bot.say(f"/story {article(bot.db, saved).story_id}"))
    assert "Совет утвердил бюджет" in shown and "Language: Russian" in shown


async def test_search_reads_a_phrase_in_the_quotes_phones_type(bot: Bot) -> None:
    # The seed story says "Telegram CEO", never "CEO Telegram".
    assert texts(await bot.say("/search “CEO Telegram”")).startswith("No results")
    assert "Durov" in texts(await bot.say("/search durov -“CEO Telegram”"))
    assert "Durov" in texts(await bot.say("/search «Telegram CEO»"))


async def test_search_finds_a_name_written_with_e_for_yo(bot: Bot) -> None:
    """Most outlets print "Королёв" as "Королев", and most keyboards type it so."""
    text = "Губернатор Сергей Королёв подписал указ о бюджете области на следующий год. " * 4
    store.save_articles(bot.db, None, [ArticleIn("https://ru.example/k", "Указ Королёва", text)])
    await jobs.process_now(bot.app.bot_data)
    assert "Указ Королёва" in texts(await bot.say("/search королев"))
    assert "Указ Королёва" in texts(await bot.say("/search КОРОЛЁВ указ"))


async def test_search_pages_and_keeps_long_queries_in_chat_data(bot: Bot) -> None:
    # Short stories: a page of five stays one message however long its dates are written
    # (with 60 words it split in two when the stories spanned midnight).
    add_stories(bot.db, 8, words=30, topic="zebracrossing")
    [page] = await bot.say("/search zebracrossing")
    assert page.plain_text.startswith("Results for “zebracrossing” — 8 found")
    [data] = buttons(page)
    assert data == "search:5:zebracrossing"
    [rest] = await bot.press(data, page)
    assert rest.plain_text.count("/story_") == 3 and rest.reply_markup is None

    query = " ".join(["zebracrossing"] * 6)  # matches, but does not fit in callback data
    [page] = await bot.say(f"/search {query}")
    [data] = buttons(page)
    assert data.startswith("search:5:#") and len(data.encode()) <= 64
    [rest] = await bot.press(data, page)
    assert rest.plain_text.count("/story_") == 3

    assert await bot.press("search:5:#gone", page) == []
    answer = list(bot.offline.callback_answers.values())[-1]
    assert answer["text"].startswith("That button has expired")
    assert (
        texts(await bot.say("/search nothingmatchesthis")) == "No results for “nothingmatchesthis”."
    )


async def test_search_beyond_the_exact_count_pages_to_the_end(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_stories(bot.db, 8, topic="zebracrossing")
    monkeypatch.setattr(store.search, "SEARCH_COUNT_CAP", 6)
    [page] = await bot.say("/search zebracrossing")
    assert page.plain_text.startswith("Results for “zebracrossing” — 6+ found")
    assert "Showing 1–5 of 6+." in page.plain_text
    [rest] = await bot.press(buttons(page)[0], page)
    assert rest.reply_markup is None and "Showing" not in rest.plain_text
    shown = [w for m in (page, rest) for w in m.plain_text.split() if w.startswith("/story_")]
    assert len(shown) == len(set(shown)) == 8


async def test_pages_are_kept_until_processing_changes_the_stories(bot: Bot) -> None:
    add_stories(bot.db, 3, topic="zebracrossing")
    [latest] = await bot.say("/latest")
    [mine] = await bot.say("/search Zebracrossing")
    [theirs] = await bot.say("/search zebracrossing", user_id=ADMIN)
    assert mine.plain_text.startswith("Results for “Zebracrossing”")  # the words as typed
    assert theirs.plain_text.startswith("Results for “zebracrossing”")
    assert mine.plain_text.count("/story_") == 3
    source = store.find_source(bot.db, "https://example.org/feed")
    assert source is not None
    fresh = ArticleIn(
        url="https://example.org/fresh",
        title="Zebracrossing repainted overnight",
        text="Crews repainted the zebracrossing by the school before dawn.",
        published=store.utcnow(),
    )
    store.save_articles(bot.db, source.id, [fresh])
    # Not yet in a story: the kept pages are still right.
    [again] = await bot.say("/search Zebracrossing")
    assert again.plain_text == mine.plain_text
    assert (await jobs.process_now(bot.app.bot_data)).clustered == 1
    [after] = await bot.say("/search Zebracrossing")
    assert after.plain_text.count("/story_") == 4 and "repainted overnight" in after.plain_text
    [newest] = await bot.say("/latest")
    assert newest.plain_text != latest.plain_text
    assert "repainted overnight" in newest.plain_text


async def test_sources_lists_active_sources(bot: Bot) -> None:
    source = store.add_source(bot.db, "https://example.org/rss", title="Example <b>")
    store.add_source(bot.db, "https://example.org/paused", title="Quiet")
    store.set_paused(bot.db, "https://example.org/paused", True, "test")
    [message] = await bot.say("/sources")
    assert "Sources (2)" in message.plain_text
    assert f"{source.id}. Example <b> — not fetched yet, 0 articles" in message.plain_text
    assert "Quiet" not in message.plain_text and "1 paused source not shown." in message.plain_text


async def test_long_output_is_split_into_valid_messages(bot: Bot) -> None:
    add_stories(bot.db, 20, words=250)
    messages = await bot.say("/latest 20")
    assert len(messages) > 1
    for message in messages:  # the offline Telegram has parsed each one as Telegram would
        assert 0 < utf16_len(message.plain_text) <= MAX_MESSAGE_LENGTH
    assert sum(m.plain_text.count("/story_") for m in messages) == 20
    assert all(m.reply_markup is None for m in messages)  # all 20 recent stories shown


async def test_allegations_ledger(bot: Bot) -> None:
    ledger = texts(await bot.say("/allegations Telegram"))
    assert "Allegations: Telegram" in ledger and "French authorities" in ledger
    assert texts(await bot.say("/allegations nobodyatall")).startswith("No allegations found")
    # The seed is from 2024: nothing in the last 7 days, so the latest entries are shown.
    assert "Latest allegations" in texts(await bot.say("/allegations"))
    # "Durov refuted these claims" answers both of the seed's allegations: once, after them.
    durov = texts(await bot.say("/allegations Durov"))
    assert durov.count("Durov refuted these claims") == 1
    assert "↳ Durov (refutation), to the 2 allegations above: Durov refuted" in durov  # reported
    assert durov.index("• the company has refused") < durov.index("to the 2 allegations above")


async def test_allegations_put_the_fallback_readers_items_last_and_say_so(bot: Bot) -> None:
    save_readings_fr(bot.db, store.utcnow())
    await process.extract_pending(bot.db)
    [reply] = await bot.say("/allegations")  # the targets of the week, fallback-only last
    assert buttons(reply) == ["alleg:distillerie Martel", "alleg:Olympia", "alleg:Lutèce"]
    martel = texts(await bot.press("alleg:distillerie Martel", reply))
    assert martel.index("• avoir pollué la rivière\n") < martel.index(
        "• pour pollution contre la distillerie Martel (less certain)\n"
    )
    assert martel.count("(less certain)") == 1
    await bot.say("/language fr")
    assert "Martel (moins sûr)\n" in texts(await bot.say("/allegations Martel"))


async def test_a_target_too_long_for_a_buttons_data_still_gets_its_button(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_name = "Министерство иностранных дел России"  # 70 bytes: over Telegram's 64
    targets = [(long_name, 3), ("Telegram", 2)]
    monkeypatch.setattr(read, "top_targets", lambda db, since: targets)
    [reply] = await bot.say("/allegations")
    assert len(buttons(reply)) == 2 and buttons(reply)[1] == "alleg:Telegram"
    assert all(len(data.encode()) <= 64 for data in buttons(reply))
    [ledger] = await bot.press(buttons(reply)[0], reply)
    assert long_name in ledger.plain_text  # the ledger of that name, not "expired"


async def test_unknown_commands_and_plain_text(bot: Bot) -> None:
    assert texts(await bot.say("/frobnicate now")).startswith("I don't know /frobnicate.")
    assert "/help" in texts(await bot.say("hello there"))
    bot.offline.group_message("/frobnicate", chat_id=GROUP)  # maybe for another bot: silence
    bot.offline.group_message("/frobnicate@offline_news_bot", chat_id=GROUP)
    await bot.feed()
    assert [m.plain_text for m in bot.offline.sent(GROUP)] == [
        "I don't know /frobnicate. Send /help for the list of commands."
    ]


async def test_a_command_addressed_to_another_bot_in_a_private_chat_is_run(bot: Bot) -> None:
    """In a private chat only this bot reads it ("/latest@oldname" after a rename, or copied
    from a group): it was answered "I don't know /latest", a command it has."""
    add_stories(bot.db, 2)
    [latest] = await bot.say("/latest@some_other_bot 1")
    assert latest.plain_text.startswith("Latest news") and "Story 0" in latest.plain_text
    [usage] = await bot.say("/latest@some_other_bot 0")
    assert usage.plain_text.startswith("Give a number from 1 to 20.")
    assert texts(await bot.say("/stats@some_other_bot")) == REFUSAL  # the admin check holds
    assert texts(await bot.say("/frobnicate@some_other_bot")).startswith("I don't know")
    bot.offline.group_message("/latest@some_other_bot", chat_id=GROUP)  # another bot's: silence
    await bot.feed()
    assert bot.offline.sent(GROUP) == []


@pytest.mark.parametrize("data", ["digest:old-format", "x" * 64, "latest"])
async def test_a_button_no_handler_knows_is_answered_as_expired(bot: Bot, data: str) -> None:
    """A button of an older version of the bot (or forged data) matched no handler: the
    press was never answered, and the app showed its spinner until it gave up."""
    [welcome] = await bot.say("/start")
    assert await bot.press(data, welcome) == []
    answer = list(bot.offline.callback_answers.values())[-1]
    assert answer["text"].startswith("That button has expired")


# --- admin -----------------------------------------------------------------------------------


async def test_admin_commands_are_refused_to_users(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    for command in (c for c in COMMANDS if c.admin_only):
        assert texts(await bot.say(f"/{command.name} 1")) == REFUSAL
    assert f"to user {USER}" in caplog.text
    assert store.count(bot.db, "sources") == 1  # nothing was changed


async def test_error_handler_apologises_and_tells_the_admins(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    bot.offline.fail("sendMessage", error=bad_request("odd failure"), chat_id=USER)
    with caplog.at_level(logging.ERROR):
        [apology] = await bot.say("/help")
    assert apology.plain_text.startswith("Sorry, something went wrong")
    [report] = bot.offline.sent(ADMIN)
    assert "BadRequest: Odd failure" in report.plain_text
    assert "Traceback" in caplog.text and "123:ABC" not in caplog.text


async def test_a_chat_the_bot_may_not_write_in_is_no_error_to_report(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """Members of a group that muted the bot (or a topic closed to it) still type commands;
    Telegram refuses every reply ("not enough rights to send text messages to the chat",
    TOPIC_CLOSED; a user who blocked the bot: 403). Nothing the bot can fix: each was an
    "Error" report to every admin and an apology no one could see."""
    bot.offline.add_chat(GROUP, "supergroup", title="Muted")
    bot.offline.set_member(GROUP, bot.offline.bot_id, "restricted", can_send_messages=False)
    bot.offline.group_message("/help", chat_id=GROUP)
    bot.offline.fail("sendMessage", error=forbidden_blocked(), chat_id=USER, times=None)
    bot.offline.user_message("/help", user_id=USER)
    with caplog.at_level(logging.WARNING):
        await bot.feed()
    refused = [c for c in bot.offline.calls_to("sendMessage") if c.status != 200]
    assert [c.chat_id for c in refused] == [GROUP, USER]  # the reply; no apology after it
    assert bot.offline.sent(ADMIN) == []
    assert "Traceback" not in caplog.text and f"chat {GROUP}" in caplog.text


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local Gazette</title><link>http://local.test/</link>
{items}</channel></rss>"""
ITEM = """<item><title>Local story {i}</title><link>http://local.test/{i}</link>
<guid>local-{i}</guid><pubDate>{date}</pubDate>
<description>{text}</description></item>"""


def rss(count: int) -> str:
    """Return a feed of ``count`` items published two days ago, a minute apart.

    Dated from today, not a fixed day, so retention never finds them too old to keep.
    """
    rng = random.Random(count)
    day = store.utcnow().replace(hour=10, minute=0, second=0, microsecond=0) - timedelta(days=2)
    items = "".join(
        ITEM.format(
            i=i,
            date=format_datetime(day + timedelta(minutes=i), usegmt=True),
            text=" ".join(rng.choice(_WORDS) for _ in range(120)) + ".",
        )
        for i in range(count)
    )
    return RSS.format(items=items)


async def test_fetch_max_mb_sets_the_size_a_feed_may_have(
    settings: Settings, feed_server: FeedServer
) -> None:
    """A feed of 1.6 MB is read under the default limit (5 MB) and refused with FETCH_MAX_MB=1,
    by /addsource and by polls alike; the limit shows in the source's error."""
    padding = "<!--" + "padding " * 200_000 + "-->"
    url = feed_server.add("/big.xml", rss(3).replace("<channel>", "<channel>" + padding, 1))
    strict = replace(settings, fetch_limits=limits_from_env({"FETCH_MAX_MB": "1"}))
    offline = OfflineTelegram()
    async with running(build_application(strict, offline, workers=1, pacer=instant_pacer())) as app:
        small = Bot(app, offline)
        reply = texts(await small.say(f"/addsource {url}", user_id=ADMIN))
        assert "too large: 1,603,522 bytes (limit 1,000,000)" in reply
        source = store.add_source(small.db, url, title="Big")
        report = texts(await small.say("/ingest", user_id=ADMIN))
        assert "Big: failed: too large: 1,603,522 bytes (limit 1,000,000)" in report
        assert store.count(small.db, "articles") == 1  # the seed only
    roomy = replace(settings, database_path=settings.database_path.with_name("roomy.db"))
    async with running(build_application(roomy, offline, workers=1, pacer=instant_pacer())) as app:
        reply = texts(await Bot(app, offline).say(f"/addsource {url}", user_id=ADMIN))
        assert "The feed lists 3 items." in reply and source.url == url


async def test_addsource_checks_adds_and_ingests_a_local_feed(
    bot: Bot, feed_server: FeedServer
) -> None:
    url = feed_server.add("/feed.xml", rss(3))
    reply = texts(await bot.say(f"/addsource {url} My gazette", user_id=ADMIN))
    assert "Added source 2: My gazette" in reply
    assert "The feed lists 3 items." in reply and "Saved 3 new articles" in reply
    assert store.count(bot.db, "articles") == 4
    assert (
        "already a source: 2." in texts(await bot.say(f"/addsource {url}", user_id=ADMIN)).lower()
    )

    report = texts(await bot.say("/ingest", user_id=ADMIN))
    assert "My gazette: 0 new, 3 known" in report and "sources: 1, new articles: 0," in report
    assert "Paused source 2" in texts(await bot.say("/pausesource 2", user_id=ADMIN))
    stats = texts(await bot.say("/stats", user_id=ADMIN))
    assert "articles: 4" in stats and "paused by an admin" in stats
    assert "Resumed source 2" in texts(await bot.say(f"/resumesource {url}", user_id=ADMIN))
    assert "Removed source 2" in texts(await bot.say("/removesource 2", user_id=ADMIN))
    assert texts(await bot.say("/removesource 2", user_id=ADMIN)) == "No such source: 2"
    assert texts(await bot.say("/removesource", user_id=ADMIN)) == "Usage: /removesource ID|URL"


async def test_addsource_adds_several_addresses_at_once(bot: Bot, feed_server: FeedServer) -> None:
    """An admin pasting a few feeds got "A web address has no spaces": each address is added
    as if alone, one reply per address, a known or broken one said so among them."""
    first = feed_server.add("/one.xml", rss(2))
    second = feed_server.add("/two.xml", rss(1))
    missing = feed_server.url("/none.xml")
    reply = texts(await bot.say(f"/addsource {first} {second} {missing} {first}", user_id=ADMIN))
    assert "Added source 2" in reply and "Added source 3" in reply
    assert "already a source: 2." in reply.lower() and "cannot add" in reply.lower()
    assert store.find_source(bot.db, first) and store.find_source(bot.db, second)
    assert store.find_source(bot.db, missing) is None
    # A title after one address is still a title; 21 addresses are an OPML file's work.
    assert "A web address has no spaces" not in reply
    too_many = " ".join(feed_server.url(f"/f{n}.xml") for n in range(21))
    refused = texts(await bot.say(f"/addsource {too_many}", user_id=ADMIN))
    assert refused.startswith("Up to 20 addresses at once") and "Usage: /addsource" in refused


async def test_addsource_takes_a_feed_scheme_address_as_the_feed_it_names(
    bot: Bot, feed_server: FeedServer
) -> None:
    url = feed_server.add("/feed.xml", rss(2))
    written = "feed:" + url.removeprefix("http:")  # "feed://127.0.0.1:PORT/feed.xml"
    assert "Added source 2" in texts(await bot.say(f"/addsource {written}", user_id=ADMIN))
    assert store.find_source(bot.db, url) is not None


async def test_a_feed_that_escapes_its_html_twice_shows_no_tags_in_latest_or_story(
    bot: Bot, feed_server: FeedServer
) -> None:
    # A CMS that escapes HTML it had escaped already: after XML's own unescaping, the
    # description is still "&lt;p&gt;...", and readers saw "<p>" and "&nbsp;" as they were.
    text = " ".join(random.Random(7).choice(_WORDS) for _ in range(60)) + "."
    twice = f"&amp;lt;p&amp;gt;{text}&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;The end&amp;nbsp;.&amp;lt;/p&amp;gt;"
    date = format_datetime(store.utcnow() - timedelta(days=2), usegmt=True)
    body = RSS.format(items=ITEM.format(i=0, date=date, text=twice))
    url = feed_server.add("/twice.xml", body)
    assert "Saved 1 new article" in texts(await bot.say(f"/addsource {url}", user_id=ADMIN))

    for command in ("/latest", "/story 2"):
        reply = texts(await bot.say(command))
        assert text in reply and "The end" in reply
        assert "<p>" not in reply and "&lt;" not in reply and "nbsp" not in reply


async def test_story_names_the_outlets_an_aggregator_reached(
    bot: Bot, feed_server: FeedServer
) -> None:
    """A Google News search's three outlets: /story listed "Google News" as the one source
    and /latest said no one else reported it."""
    wire = (
        "Flood waters rose across the river valley as officials ordered the evacuation of "
        "three towns. The regional council said emergency crews had moved more than two "
        "thousand residents to shelters overnight, and forecasters warned that heavy rain "
        "would continue until Thursday. Roads into the valley were closed and the railway "
        "suspended its services between the towns while engineers inspected two bridges."
    )
    date = format_datetime(store.utcnow() - timedelta(days=1), usegmt=True)
    outlets = [("Reuters", "https://www.reuters.com"), ("Metro Times", "https://metro.example")]
    outlets.append(("The Daily Planet", "https://dailyplanet.example"))
    items = "".join(
        f"<item><title>Valley towns evacuated as flood waters rise - {name}</title>"
        f"<link>https://news.google.com/rss/articles/CBMi{n}?oc=5</link>"
        f"<guid isPermaLink='false'>CBMi{n}</guid><pubDate>{date}</pubDate>"
        f"<description>{wire} ({n})</description><source url='{home}'>{name}</source></item>"
        for n, (name, home) in enumerate(outlets)
    )
    body = f"<rss version='2.0'><channel><title>Google News</title>{items}</channel></rss>"
    url = feed_server.add("/gnews.xml", body)
    assert "Saved 3 new articles" in texts(await bot.say(f"/addsource {url}", user_id=ADMIN))
    await jobs.process_now(bot.app.bot_data)

    latest = texts(await bot.say("/latest"))
    assert "also reported by 2 sources" in latest and "Google News" not in latest
    query = "select distinct story_id from articles where outlet is not null"
    [story_id] = [row["story_id"] for row in bot.db.query(query)]
    shown = texts(await bot.say(f"/story {story_id}"))
    assert all(f"• {name}" in shown for name, _ in outlets), shown
    assert "Google News" not in shown


async def test_addsource_says_how_many_items_had_no_link(bot: Bot, feed_server: FeedServer) -> None:
    unlinked = "<item><title>Notice</title><description>No link here.</description></item>"
    url = feed_server.add("/feed.xml", rss(2).replace("</channel>", unlinked + "</channel>"))
    reply = texts(await bot.say(f"/addsource {url}", user_id=ADMIN))
    assert "Saved 2 new articles" in reply
    assert "(items without a link left out: 1)" in reply


async def test_addsource_refuses_what_is_not_a_public_feed(
    bot: Bot, feed_server: FeedServer, settings: Settings
) -> None:
    page = feed_server.add("/page.html", "<html><body>hi</body></html>", content_type="text/html")
    reply = texts(await bot.say(f"/addsource {page}", user_id=ADMIN))
    assert reply.startswith(f"Cannot add {page}:") and "feed" in reply
    assert texts(await bot.say("/addsource ftp://example.org/x", user_id=ADMIN)).startswith(
        "Only http:// and https:// feed URLs can be added."
    )
    # No address at all: an IPv6 bracket left open, a port out of range (an apology before).
    for broken in ("http://[::1/feed", "http://127.0.0.1:99999/feed", "http://example.org:x/"):
        reply = texts(await bot.say(f"/addsource {broken}", user_id=ADMIN))
        assert reply.startswith("Only http:// and https:// feed URLs can be added."), reply
    bot.app.bot_data.settings_ = replace(settings, allow_private_sources=False)
    feed = feed_server.add("/feed.xml", rss(1))
    reply = texts(await bot.say(f"/addsource {feed}", user_id=ADMIN))
    assert "non-public address" in reply
    assert feed_server.hits("/feed.xml") == []
    assert store.count(bot.db, "sources") == 1


async def test_addsource_refuses_an_address_with_a_password_and_fetches_nothing(
    bot: Bot, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    url = feed_server.add("/feed.xml", rss(1)).replace("http://", "http://reader:s3cret@")
    caplog.set_level(logging.INFO)
    reply = texts(await bot.say(f"/addsource {url} Private", user_id=ADMIN))
    assert reply.startswith("Feeds behind a password cannot be added"), reply
    assert "s3cret" not in reply and "s3cret" not in caplog.text
    assert feed_server.hits("/feed.xml") == [] and store.count(bot.db, "sources") == 1


async def test_addsource_refuses_a_link_typed_with_a_space(
    bot: Bot, feed_server: FeedServer
) -> None:
    for typed in ("http://exa mple.com/", "http://example.com/news feed.xml?x=1&y=2 Gazette"):
        reply = texts(await bot.say(f"/addsource {typed}", user_id=ADMIN))
        assert reply.startswith("A web address has no spaces:") and "&amp;" not in reply, reply
        assert "/addsource URL [title]" in reply
    # A title after a whole link is a title, dotted or not.
    url = feed_server.add("/feed.xml", rss(1))
    reply = texts(await bot.say(f"/addsource {url} Example.com news", user_id=ADMIN))
    assert "Added source 2: Example.com news" in reply
    assert store.count(bot.db, "sources") == 2


async def test_addsource_of_a_page_naming_several_feeds_says_which_others_it_names(
    bot: Bot, feed_server: FeedServer
) -> None:
    """The first feed a page names is taken (the comments' feed comes last): the admin is told
    of the others, which were added silently never."""
    feed = feed_server.add("/feed.xml", rss(2))
    sport = feed_server.add("/sport/feed.xml", rss(1))
    comments = feed_server.add("/comments/feed.xml", rss(1))
    link = '<link rel="alternate" type="application/rss+xml" href="{}">'
    heads = "".join(
        link.format(path) for path in ("/feed.xml", "/sport/feed.xml", "/comments/feed.xml")
    )
    page = feed_server.add("/", f"<html><head>{heads}</head></html>", content_type="text/html")
    reply = texts(await bot.say(f"/addsource {page}", user_id=ADMIN))
    assert f"The page names its feed: {feed}" in reply
    assert f"It names 2 other feeds too (/addsource one to add it): {sport}, {comments}" in reply
    assert store.count(bot.db, "sources") == 2  # the others are named, not added
    alone = feed_server.add(
        "/alone/", f"<html><head>{link.format('/feed.xml')}</head></html>", content_type="text/html"
    )
    await bot.say(f"/removesource {feed}", user_id=ADMIN)
    reply = texts(await bot.say(f"/addsource {alone}", user_id=ADMIN))
    assert "The page names its feed" in reply and "other feed" not in reply


async def test_addsource_of_a_site_page_adds_the_feed_it_names(
    bot: Bot, feed_server: FeedServer
) -> None:
    feed = feed_server.add("/news/feed.xml", rss(2))
    head = '<link rel="alternate" type="application/rss+xml" title="News" href="{}">'
    page = feed_server.add(
        "/",
        f"<!DOCTYPE html><html><head>{head.format('news/feed.xml')}</head></html>",
        content_type="text/html",
    )
    reply = texts(await bot.say(f"/addsource {page} Gazette", user_id=ADMIN))
    assert "Added source 2: Gazette" in reply and f"The page names its feed: {feed}" in reply
    assert "Saved 2 new articles" in reply
    assert [s.url for s in store.list_sources(bot.db) if s.id == 2] == [feed]
    # The page again, or the feed itself: the source is known.
    assert "Already a source: 2." in texts(await bot.say(f"/addsource {page}", user_id=ADMIN))
    assert "Already a source: 2." in texts(await bot.say(f"/addsource {feed}", user_id=ADMIN))
    # A page whose named feed is gone: nothing added, and the reply says where it looked.
    gone = feed_server.add(
        "/old/", f"<html><head>{head.format('/gone.xml')}</head></html>", content_type="text/html"
    )
    reply = texts(await bot.say(f"/addsource {gone}", user_id=ADMIN))
    assert reply == (
        f"Cannot add {gone}: this is an HTML page, not a feed; it names its feed: "
        f"{feed_server.url('/gone.xml')}"
    )
    assert store.count(bot.db, "sources") == 2


async def test_pausing_a_paused_source_keeps_why_and_resuming_a_well_one_says_so(
    bot: Bot, feed_server: FeedServer
) -> None:
    url = feed_server.add("/feed.xml", rss(1))
    source = store.add_source(bot.db, url, title="Gazette")
    for _ in range(store.AUTO_PAUSE_AFTER):
        store.record_failure(bot.db, store.get_source(bot.db, source.id), "HTTP 404 Not Found")
    assert store.get_source(bot.db, source.id).paused
    reply = texts(await bot.say(f"/pausesource {source.id}", user_id=ADMIN))
    assert reply.startswith(f"Source {source.id} is already paused: Gazette (paused after 8")
    stats = texts(await bot.say("/stats", user_id=ADMIN))
    assert "paused after 8 consecutive errors" in stats and "paused by an admin" not in stats
    await bot.say("/language ru", user_id=ADMIN)
    reply = texts(await bot.say(f"/pausesource {source.id}", user_id=ADMIN))
    assert reply.startswith(f"Источник {source.id} уже приостановлен: Gazette (приостановлен")
    assert "возобновлён" in texts(await bot.say(f"/resumesource {url}", user_id=ADMIN))
    reply = texts(await bot.say(f"/resumesource {source.id}", user_id=ADMIN))
    assert reply == f"Источник {source.id} не приостановлен и загружается без ошибок: Gazette."
    await bot.say("/language en", user_id=ADMIN)
    assert "Paused source" in texts(await bot.say(f"/pausesource {source.id}", user_id=ADMIN))


async def test_one_feed_written_another_way_is_already_a_source(
    bot: Bot, feed_server: FeedServer
) -> None:
    url = feed_server.add("/feed.xml", rss(2))
    assert "Added source 2" in texts(await bot.say(f"/addsource {url}", user_id=ADMIN))
    host = url.split("/")[2]
    for variant in (
        url.replace("http://", "HTTP://"),
        f"{url}?utm_source=newsletter&utm_medium=email",
        f"{url}#latest",
    ):
        reply = texts(await bot.say(f"/addsource {variant}", user_id=ADMIN))
        assert reply.startswith("Already a source: 2."), variant
    # An OPML file from another reader lists it with tracking, and twice in the file itself.
    listing = (
        f'<opml version="2.0"><body><outline xmlUrl="{url}?utm_source=rss"/>'
        f'<outline xmlUrl="https://News.Example/rss"/><outline xmlUrl="https://news.example/rss#x"/>'
        "</body></opml>"
    ).encode()
    bot.offline.document(listing, caption="/import", user_id=ADMIN)
    await bot.feed()
    assert "1 added, 2 already present, 0 refused." in bot.offline.last_text(ADMIN)
    assert [s.url for s in store.list_sources(bot.db)][1:] == [url, "https://News.Example/rss"]
    assert "Paused source 2" in texts(
        await bot.say(f"/pausesource HTTP://{host}/feed.xml#x", user_id=ADMIN)
    )
    # Another path or scheme is another address.
    assert "Added source 4" in texts(await bot.say(f"/addsource {url}?page=2", user_id=ADMIN))


async def test_a_source_is_found_by_its_title_in_any_case(bot: Bot) -> None:
    """/sources shows "Медуза"; an admin types "медуза" (README: "also by title"), as the
    address is found written in another case. Two titles alike but for case name neither."""
    store.add_source(bot.db, "https://meduza.example/rss", title="Медуза")
    store.add_source(bot.db, "https://a.example/rss", title="Paper")
    store.add_source(bot.db, "https://b.example/rss", title="PAPER")
    assert "Paused source 2: Медуза" in texts(await bot.say("/pausesource медуза", user_id=ADMIN))
    assert "Resumed source 2" in texts(await bot.say("/resumesource МЕДУЗА", user_id=ADMIN))
    assert "Paused source 3" in texts(await bot.say("/pausesource Paper", user_id=ADMIN))
    reply = texts(await bot.say("/removesource paper", user_id=ADMIN))
    assert "No such source: paper" in reply
    assert store.count(bot.db, "sources") == 4


OPML = b"""<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="A" xmlUrl="https://a.example/rss"/><outline text="B" xmlUrl="https://b.example/rss"/>
</body></opml>"""


def opml_of_size(size: int) -> bytes:
    """The two-feed OPML file padded with a comment to exactly ``size`` bytes."""
    head, tail = b'<?xml version="1.0"?><!--', b"-->" + OPML.split(b"?>", 1)[1]
    return head + b" " * (size - len(head) - len(tail)) + tail


async def test_an_opml_file_over_the_size_limit_is_refused_and_nothing_imported(bot: Bot) -> None:
    """/import refuses a file over opml.MAX_OPML_BYTES (5,000,000): by the size Telegram
    reports, without downloading it, and by its real size when the reported one is smaller
    (a client may report any size) or missing; the admin is told the limit in the same words
    each time (they differed: "That file is too large ..." when the reported size told), and
    no source is added."""
    limit = opml.MAX_OPML_BYTES
    refused = "Cannot import: OPML file too large (limit 5,000,000 bytes)"
    before = store.count(bot.db, "sources")
    bot.offline.document(opml_of_size(1000), caption="/import", user_id=ADMIN, reported=limit + 1)
    await bot.feed()
    assert bot.offline.last_text(ADMIN) == refused
    assert bot.offline.calls_to("getFile") == []  # not downloaded
    bot.offline.document(opml_of_size(limit + 1), caption="/import", user_id=ADMIN, reported=999)
    await bot.feed()
    assert bot.offline.last_text(ADMIN) == refused
    assert len(bot.offline.calls_to("getFile")) == 1
    big = opml_of_size(limit + 1)
    sent = bot.offline.document(big, caption="/import", user_id=ADMIN, unreported=True)
    assert "file_size" not in sent["message"]["document"]
    await bot.feed()
    assert bot.offline.last_text(ADMIN) == refused
    assert len(bot.offline.calls_to("getFile")) == 2  # downloaded, then refused by its size
    assert store.count(bot.db, "sources") == before
    bot.offline.document(opml_of_size(limit), caption="/import", user_id=ADMIN)  # the limit
    await bot.feed()
    assert bot.offline.last_text(ADMIN).startswith("Imported sources.opml: 2 added")


async def test_import_refuses_private_addresses_unless_they_are_allowed(
    bot: Bot, settings: Settings
) -> None:
    private = OPML.replace(
        b"</body>",
        b'<outline text="L" xmlUrl="http://127.0.0.1:8000/feed.xml"/>'
        b'<outline text="H" xmlUrl="http://localhost:8000/rss"/></body>',
    )
    bot.app.bot_data.settings_ = replace(settings, allow_private_sources=False)
    bot.offline.document(private, caption="/import", user_id=ADMIN)
    await bot.feed()
    reply = bot.offline.last_text(ADMIN)
    assert "2 added, 0 already present, 2 refused." in reply
    assert "Refused http://127.0.0.1:8000/feed.xml: 127.0.0.1 is not a public address" in reply
    assert "Refused http://localhost:8000/rss: localhost is not a public address" in reply
    assert store.count(bot.db, "sources") == 3  # the seed file and the two public feeds
    bot.app.bot_data.settings_ = replace(settings, allow_private_sources=True)
    bot.offline.document(private, caption="/import", user_id=ADMIN)
    await bot.feed()
    assert "2 added, 2 already present, 0 refused." in bot.offline.last_text(ADMIN)


async def test_an_admins_import_in_a_group_adds_the_feeds_and_lists_no_refusals_there(
    bot: Bot,
) -> None:
    """An admin's OPML file sent in a group with /import listed the refused feeds with their
    errors (and the sites' addresses) to every member. The feeds are added there too, as
    asked; the group's reply keeps the counts and says to send it in the private chat, where
    the same file lists the refused ones and why."""
    refusing = OPML.replace(
        b"</body>",
        b'<outline text="C" xmlUrl="ftp://c.example/rss"/>'
        b'<outline text="S" htmlUrl="https://site.example/"/></body>',
    )
    bot.offline.group_message("hello", chat_id=GROUP, user_id=USER)  # the group exists
    bot.offline.document(refusing, caption="/import", chat_id=GROUP, user_id=ADMIN)
    await bot.feed()
    reply = bot.offline.last_text(GROUP)
    assert reply.startswith("Imported sources.opml: 2 added, 0 already present, 1 refused.")
    assert "ftp://c.example" not in reply and "site.example" not in reply
    assert "1 entry has only a site's address" in reply
    assert reply.endswith(ask_in_private(english(), "import", "offline_news_bot"))
    assert store.find_source(bot.db, "https://a.example/rss") is not None
    bot.offline.document(refusing, caption="/import", user_id=ADMIN)  # the private chat
    await bot.feed()
    private = bot.offline.last_text(ADMIN)
    assert "0 added, 2 already present, 1 refused." in private
    assert "Refused ftp://c.example/rss: " in private and "https://site.example/" in private
    assert "private chat" not in private


async def test_an_import_names_the_links_it_skips(bot: Bot) -> None:
    """Another reader's type="link" entries (a blogroll's page, a further .opml list) were
    added as page sources, and the reply said nothing of them: they are counted and named
    first five, as the entries with only a site's address are."""
    links = b"".join(
        b'<outline type="link" text="L%d" url="https://lists.example/%d.opml"/>' % (n, n)
        for n in range(6)
    )
    listing = OPML.replace(b"</body>", links + b"</body>")
    bot.offline.document(listing, caption="/import", user_id=ADMIN)
    await bot.feed()
    reply = bot.offline.last_text(ADMIN)
    assert reply.startswith("Imported sources.opml: 2 added, 0 already present, 0 refused.")
    assert "6 entries link to a web page or to another OPML list, no feed: not added." in reply
    assert "https://lists.example/4.opml\n…" in reply and "5.opml" not in reply
    assert {s.kind for s in store.list_sources(bot.db)} == {"feed", "file"}


async def test_an_admins_ingest_in_a_group_polls_and_shows_only_the_totals_there(
    bot: Bot, feed_server: FeedServer
) -> None:
    """An admin's /ingest in a group listed every source with its error to every member. The
    poll runs (the admin asked for it); the group sees the totals and is pointed to /stats in
    the private chat, which names the failing sources and why."""
    good = feed_server.add("/good.xml", rss(2))
    store.add_source(bot.db, good, title="Good gazette")
    store.add_source(bot.db, feed_server.url("/gone.xml"), title="Gone gazette")
    bot.offline.group_message("/ingest", chat_id=GROUP, user_id=ADMIN)
    await bot.feed()
    reply = texts(bot.offline.sent(GROUP))
    assert "sources: 2, new articles: 2, failed: 1." in reply
    assert "Gone gazette" not in reply and "404" not in reply and "Good gazette" not in reply
    assert reply.endswith(ask_in_private(english(), "stats", "offline_news_bot"))
    assert store.count(bot.db, "articles") == 3
    stats = texts(await bot.say("/stats", user_id=ADMIN))
    assert "Gone gazette" in stats and "404" in stats
    private = texts(await bot.say("/ingest", user_id=ADMIN))
    assert "Gone gazette" in private and "private chat" not in private


async def test_import_and_export_opml(bot: Bot) -> None:
    assert "Send the OPML file" in texts(await bot.say("/import", user_id=ADMIN))
    bot.offline.document(OPML, user_id=ADMIN)
    await bot.feed()
    assert bot.offline.last_text(ADMIN).endswith(
        "2 added, 0 already present, 0 refused.\n"
        "New sources are fetched at the next update, or now with /ingest."
    )
    bot.offline.document(OPML, caption="/import", user_id=ADMIN)
    await bot.feed()
    assert "0 added, 2 already present" in bot.offline.last_text(ADMIN)
    mixed = OPML.replace(b"</body>", b'<outline text="C" xmlUrl="ftp://c.example/rss"/></body>')
    bot.offline.document(mixed, caption="/import", user_id=ADMIN)
    await bot.feed()
    assert "0 added, 2 already present, 1 refused" in bot.offline.last_text(ADMIN)
    assert "Refused ftp://c.example/rss: " in bot.offline.last_text(ADMIN)
    broken = OPML.replace(b"</body>", b'<outline text="D" xmlUrl="http://[::1/rss"/></body>')
    bot.offline.document(broken, caption="/import", user_id=ADMIN)  # an apology before
    await bot.feed()
    assert "0 added, 2 already present, 1 refused" in bot.offline.last_text(ADMIN)
    bot.offline.document(b"<html/>", caption="/import", user_id=ADMIN)
    await bot.feed()
    assert bot.offline.last_text(ADMIN).startswith("Cannot import: not an OPML document")
    bot.offline.document(OPML, caption="/import")
    await bot.feed()
    assert bot.offline.last_text(USER) == REFUSAL
    bot.offline.document(OPML, user_id=ADMIN)
    await bot.feed()
    assert bot.offline.last_text(ADMIN).startswith("To import sources, send /import")
    # A reader's file (a photo, say): pointed at /import, which would only refuse them.
    bot.offline.document(b"\xff\xd8", file_name="cat.jpg", mime_type="image/jpeg")
    await bot.feed()
    assert bot.offline.last_text(USER).startswith("I answer commands: try /latest")

    [export] = await bot.say("/export", user_id=ADMIN)
    assert export.document is not None and export.document.file_name == "newsbot-sources.opml"
    assert export.caption == (
        "2 sources\n1 local folder is not exported: OPML holds only web feeds and pages."
    )
    assert [f.url for f in opml.parse_opml(export.document.data)] == [
        "https://a.example/rss",
        "https://b.example/rss",
    ]


async def test_export_says_the_seed_folder_listed_by_sources_is_left_out(bot: Bot) -> None:
    assert "Sources (1)" in texts(await bot.say("/sources", user_id=ADMIN))  # the seed folder
    [export] = await bot.say("/export", user_id=ADMIN)
    assert export.document is not None and opml.parse_opml(export.document.data) == []
    assert export.caption == (
        "0 sources\n1 local folder is not exported: OPML holds only web feeds and pages."
    )
    await bot.say("/language ru", user_id=ADMIN)
    [export] = await bot.say("/export", user_id=ADMIN)
    assert export.caption is not None and export.caption.startswith("0 источников\n1 локальная")
    for source in store.list_sources(bot.db):
        store.remove_source(bot.db, source.id)
    await bot.say("/language en", user_id=ADMIN)
    [export] = await bot.say("/export", user_id=ADMIN)
    assert export.caption == "0 sources"  # nothing left out, nothing to say about folders


# --- jobs ------------------------------------------------------------------------------------


async def test_jobs_ingest_due_sources_and_process_them(bot: Bot, feed_server: FeedServer) -> None:
    url = feed_server.add("/feed.xml", rss(2))
    store.add_source(bot.db, url, title="Gazette")
    report = await jobs.ingest_now(bot.app.bot_data, due_only=True)
    assert [(s.title, r.status, r.new) for s, r in report.polls] == [("Gazette", "ok", 2)]
    assert report.processed.clustered == 2 and report.processed.summarised == 2
    again = await jobs.ingest_now(bot.app.bot_data, due_only=True)
    assert again.polls == ()  # not due again until its poll interval has passed
    assert (await jobs.process_now(bot.app.bot_data)).summarised == 0
    assert "Local story" in texts(await bot.say("/latest"))


async def test_the_app_keeps_one_parse_pool_for_its_polls_and_stops_it_on_exit(
    settings: Settings, feed_server: FeedServer
) -> None:
    app = build_application(settings, OfflineTelegram(), workers=1, pacer=instant_pacer())
    async with running(app):
        pool = app.bot_data.parse_pool
        if pool is None:
            pytest.skip("one core: parsing runs on a thread")
        assert isinstance(pool, ingest.ParsePool) and pool.started == 0  # no workers yet
        db = app.bot_data.db
        source = store.add_source(db, feed_server.add("/feed.xml", rss(2)), title="Gazette")
        first = await jobs.ingest_now(app.bot_data, due_only=True)
        worker = pool.submit(os.getpid).result()
        store.update_source(db, source.id, next_poll=store.iso(store.utcnow() - timedelta(1)))
        second = await jobs.ingest_now(app.bot_data, due_only=True)
        assert [r.new for _, r in first.polls] == [2] and [r.status for _, r in second.polls] == [
            "ok"
        ]
        assert pool.started == 1 and pool.submit(os.getpid).result() == worker
    assert app.bot_data.parse_pool is None
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)
    with pytest.raises(RuntimeError, match="shut down"):
        pool.submit(os.getpid)


async def test_a_large_import_lets_the_bot_serve_others_between_steps(bot: Bot) -> None:
    """An OPML file with hundreds of feeds is added a step at a time, with the event loop
    free between steps (digests and other chats are not held up for the whole import)."""
    outlines = b"".join(
        b'<outline text="F%d" xmlUrl="https://f%d.example/rss"/>' % (i, i) for i in range(450)
    )
    before = store.count(bot.db, "sources")
    seen: set[int] = set()
    done = asyncio.Event()

    async def other_work() -> None:
        while not done.is_set():
            seen.add(store.count(bot.db, "sources"))
            await asyncio.sleep(0)

    watcher = asyncio.create_task(other_work())
    bot.offline.document(
        OPML.replace(b"</body>", outlines + b"</body>"), caption="/import", user_id=ADMIN
    )
    await bot.feed()
    done.set()
    await watcher
    assert "452 added, 0 already present, 0 refused." in bot.offline.last_text(ADMIN)
    assert store.count(bot.db, "sources") == before + 452
    between = {n for n in seen if before < n < before + 452}
    assert len(between) >= 3  # other work ran while the import was under way


async def test_a_reply_in_a_group_survives_the_command_being_deleted(bot: Bot) -> None:
    """Groups often have their commands deleted at once (by an admin or a clean-up bot):
    Telegram then refuses a reply to them "message to be replied not found" unless told to
    send it anyway; the answer still comes, without the quote."""
    for command in ("/help", "/frobnicate@offline_news_bot"):
        update = bot.offline.group_message(command, chat_id=GROUP)
        bot.offline.delete_user_message(GROUP, update["message"]["message_id"])
    await bot.feed()
    sent = [m.plain_text.split(".")[0] for m in bot.offline.sent(GROUP)]
    assert len(sent) == 2 and sent[1] == "I don't know /frobnicate"
    assert not [c for c in bot.offline.calls if c.status != 200]


async def test_buttons_pressed_while_the_bot_was_away_still_work(bot: Bot) -> None:
    """Telegram refuses an answer to a button press some seconds after it ("query is too
    old"): presses the bot gets late (it was restarting, or busy) still do what they say,
    with no apology and no error report; only the small notification is lost."""
    now = [time.time()]
    bot.offline.clock = lambda: now[0]
    bot.offline.query_timeout = 15.0
    add_stories(bot.db, 12)
    [welcome] = await bot.say("/start")
    [page] = await bot.say("/latest 5")
    await bot.say("/subscribe 08:00")
    [settings] = await bot.say("/settings")
    [languages] = await bot.say("/language")
    presses = [("latest:5:5", page), ("help", welcome), ("set:stories", settings)]
    for data, message in [*presses, ("lang:de", languages)]:
        bot.offline.callback_query(data, message=message)
    now[0] += 60  # the presses reach the bot a minute late
    before = len(bot.offline.sent(USER))
    await bot.feed()
    answers = bot.offline.calls_to("answerCallbackQuery")
    assert len(answers) == 4 and all(c.status == 400 for c in answers)  # all too old
    new = texts(bot.offline.sent(USER)[before:])
    assert "Latest news (continued)" in new and "/latest [n]" in new
    assert settings.history and languages.history  # both pages redrawn
    assert "Sorry" not in new and bot.offline.sent(ADMIN) == []


async def test_several_sources_paused_resumed_and_removed_at_once(bot: Bot) -> None:
    """An admin cleaning up 300 imported sources names several in one command, by id or by
    address as another reader writes it; each gets its line, a name found nowhere too."""
    for name in ("a", "b", "c", "d"):
        store.add_source(bot.db, f"https://{name}.example/rss", title=name.upper())
    reply = texts(await bot.say("/pausesource 2 3, http://www.d.example/rss/", user_id=ADMIN))
    assert "Paused source 2: A." in reply and "Paused source 3: B." in reply
    assert "Paused source 5: D." in reply
    assert [s.id for s in store.list_sources(bot.db) if s.paused] == [2, 3, 5]
    reply = texts(await bot.say("/resumesource 2 3", user_id=ADMIN))
    assert "Resumed source 2: A." in reply and "Resumed source 3: B." in reply
    reply = texts(await bot.say("/removesource 3 4 99", user_id=ADMIN))
    assert "Removed source 3: B." in reply and "Removed source 4: C." in reply
    assert "No such source: 99" in reply
    assert [s.id for s in store.list_sources(bot.db)] == [1, 2, 5]


async def test_sources_are_paged_with_a_more_button(bot: Bot) -> None:
    """300 sources imported from another reader: /sources answers one message, not a wall of
    several, with a More button for the rest; the last page says how many are paused."""
    for n in range(300):
        store.add_source(bot.db, f"https://site{n}.example/rss", title=f"Журнал {n}")
    store.set_paused(bot.db, 5, True, "paused by an admin")
    first = await bot.say("/sources")
    assert len(first) == 1 and utf16_len(first[0].plain_text) <= MAX_MESSAGE_LENGTH
    assert "Sources (300)" in first[0].plain_text  # the seed folder and 299 active feeds
    assert "1. Seed" in first[0].plain_text and "Журнал 0" in first[0].plain_text
    shown = first[0].plain_text.count("\n")
    pages = [first[0]]
    while data := buttons(pages[-1]):
        more = await bot.press(data[0], pages[-1])
        assert len(more) == 1 and utf16_len(more[0].plain_text) <= MAX_MESSAGE_LENGTH
        pages.append(more[0])
    assert 300 / shown <= len(pages) <= 300 / shown + 1
    everything = texts(pages)
    assert all(f"Журнал {n} —" in everything for n in range(300) if n != 3)  # 5 is paused
    assert "Журнал 3 —" not in everything
    assert "1 paused source not shown." in pages[-1].plain_text


async def test_import_report_names_the_sites_listed_without_a_feed(bot: Bot) -> None:
    listing = (
        b'<opml version="2.0"><body><outline text="F" xmlUrl="https://f.example/rss"/>'
        b'<outline text="Site" htmlUrl="https://site.example/"/></body></opml>'
    )
    bot.offline.document(listing, caption="/import", user_id=ADMIN)
    await bot.feed()
    reply = bot.offline.last_text(ADMIN)
    assert "1 added, 0 already present, 0 refused." in reply
    assert "1 entry has only a site's address, no feed: not added" in reply
    assert "https://site.example/" in reply


async def test_stats_say_why_deliveries_failed(bot: Bot) -> None:
    sub = store.save_subscription(bot.db, USER, "private")
    store.enqueue_digest(bot.db, sub, store.utcnow(), ["x", "y"], cutoff=store.utcnow())
    for row in store.outbox_due(bot.db):
        store.mark_failed(bot.db, row.id, "Forbidden: bot was blocked by the user")
    stats = texts(await bot.say("/stats", user_id=ADMIN))
    assert "Why deliveries failed (24 h)" in stats
    assert "Forbidden: bot was blocked by the user: 1" in stats


async def test_stats_name_the_first_sources_needing_attention_and_count_the_rest(
    bot: Bot,
) -> None:
    """Every source failed (the bot's host lost its network for a while): /stats named each of
    the 120 sources with its error, 4 messages to read for every /stats, each counted against
    the chat's limit. It names the first 20, failing ones first, and says how many there are."""
    for i in range(120):
        source = store.add_source(bot.db, f"https://outlet{i}.example/feed", title=f"Outlet {i}")
        error = "cannot resolve outlet{i}.example: Temporary failure in name resolution"
        store.record_failure(bot.db, source, error.format(i=i))
    replies_ = await bot.say("/stats", user_id=ADMIN)
    assert len(replies_) == 1
    shown = replies_[0].plain_text.split("Sources needing attention")[1]
    assert shown.count("• Outlet ") == 20
    assert shown.rstrip().endswith("Showing 1–20 of 120.")


@pytest.mark.parametrize("command", ["/stats", "/export"])
async def test_an_admins_stats_and_export_in_a_group_say_to_ask_in_private(
    bot: Bot, command: str
) -> None:
    """A bot admin's /stats or /export sent in a group posted failing sources with their
    errors, delivery failures and paused sources (or the whole source list) to every member.
    The group gets one line naming the bot's private chat; the private chat gets the answer;
    anyone else still gets the refusal."""
    name = command.removeprefix("/")
    bot.offline.group_message(f"{command}@offline_news_bot", chat_id=GROUP, user_id=ADMIN)
    bot.offline.group_message(command, chat_id=GROUP, user_id=USER)
    await bot.feed()
    assert [m.plain_text for m in bot.offline.sent(GROUP)] == [
        ask_in_private(english(), name, "offline_news_bot"),
        REFUSAL,
    ]
    assert "@offline_news_bot" in bot.offline.sent(GROUP)[0].plain_text
    assert bot.offline.calls_to("sendDocument") == []
    answer = await bot.say(command, user_id=ADMIN)
    assert len(answer) >= 1
    if command == "/export":
        assert len(bot.offline.calls_to("sendDocument")) == 1
    else:
        assert "sources" in texts(answer).lower()


async def test_pages_of_long_links_split_where_telegram_would_refuse_them(bot: Bot) -> None:
    """Telegram refuses a message whose links take too much room, ENTITIES_TOO_LONG, well
    before 4096 characters: a /sources page of 31 links with 9,879 bytes of addresses was
    refused. Pages now split so that no message holds more than render.LINK_BYTES (8,000
    bytes) of addresses; the offline Telegram refuses over 9,500 as Telegram does."""
    urls = [f"https://feeds{i}.example/news/{'section/' * 80}feed.xml" for i in range(31)]
    for i, url in enumerate(urls):
        store.add_source(bot.db, url, title=f"Feed {i}")
    assert sum(len(url.encode()) for url in urls) > 9_879  # as on the page refused
    add_stories(bot.db, 25, topic="zebra", url_tail="/" + "a" * 2_000)

    def link_bytes(message: SentMessage) -> int:
        return sum(len(e.url.encode()) for e in message.entities if e.url is not None)

    for command, user in [
        ("/sources", ADMIN),
        ("/sources", USER),
        ("/latest 20", USER),
        ("/search zebra", USER),
    ]:
        before = len(bot.offline.calls)
        sent = await bot.say(command, user_id=user)
        assert all(c.status == 200 for c in bot.offline.calls[before:]), command
        assert all(0 < link_bytes(m) <= render.LINK_BYTES for m in sent), command
        if user == ADMIN:  # one message a page, fewer sources on it, and More for the rest
            [page] = sent
            assert page.plain_text.count("feeds") < 30 and any(
                "sources:" in b for b in buttons(page)
            )
        else:
            assert len(sent) > 1, command
        if command == "/latest 20":
            assert sum(len(re.findall("Story \\d+ zebra", m.plain_text)) for m in sent) == 20

    await bot.say("/subscribe 08:00", user_id=USER)
    sub = store.find_subscription(bot.db, USER)
    assert sub is not None
    now = store.utcnow()
    make_digest_due(bot.db, sub.id, now, stories=10)
    render_digest = digest_jobs.digest_render(bot.app.bot_data)
    assert delivery.enqueue_due(bot.db, now, render_digest) == 1
    before = len(bot.offline.sent(USER))
    sender = bot.app.bot_data.sender
    assert sender is not None
    await sender.drain(now=now)
    digest = bot.offline.sent(USER)[before:]
    assert len(digest) > 1 and all(0 < link_bytes(m) <= render.LINK_BYTES for m in digest)
    assert store.list_incidents(bot.db) == []
