"""An admin's /sources with a button per source, and each source's card, through the real
Application and the offline Telegram."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Any

from bot.handlers import source_cards
from bot.i18n import translator
from bot.offline import SentMessage
from bot.telegram_html import MAX_MESSAGE_LENGTH, parse, utf16_len
from digests import store
from digests.models import ArticleIn, Source
from tests.test_bot import ADMIN, USER, Bot, buttons, texts
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture


async def press(
    bot: Bot, data: str, message: SentMessage, *, user_id: int = ADMIN, inaccessible: bool = False
) -> tuple[list[SentMessage], dict[str, Any]]:
    """Press a button as a user in their private chat; return the bot's new messages there and
    its answer to the press."""
    before = len(bot.offline.sent(user_id))
    bot.offline.callback_query(data, message=message, user_id=user_id, inaccessible=inaccessible)
    await bot.feed()
    answers = list(bot.offline.callback_answers.values())
    return bot.offline.sent(user_id)[before:], answers[-1]


def labelled(message: SentMessage) -> dict[str, str]:
    """Return a message's buttons: callback data by label."""
    keyboard = (message.reply_markup or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in keyboard for b in row}


def a_source_with_history(bot: Bot) -> store.Source:
    source = store.add_source(
        bot.db, "https://gazette.example/rss", title="The <Gazette>", folder="World / Europe"
    )
    now = store.utcnow()
    items = [
        ArticleIn(
            url=f"https://gazette.example/{n}", title=f"News {n}", text="Text.", published=now
        )
        for n in range(3)
    ]
    store.save_articles(bot.db, source.id, items[:1], now=now - timedelta(days=9))
    store.save_articles(bot.db, source.id, items[1:], now=now - timedelta(days=1))
    store.record_success(bot.db, source, etag=None, last_modified=None, now=now - timedelta(days=1))
    source = store.get_source(bot.db, source.id)
    store.record_failure(bot.db, source, "HTTP 500 Internal Server Error", now=now)
    return store.get_source(bot.db, source.id)


async def test_an_admin_opens_a_card_pauses_resumes_and_goes_back(bot: Bot) -> None:
    source = a_source_with_history(bot)
    [page] = await bot.say("/sources", user_id=ADMIN)
    assert "Sources (2)" in page.plain_text and "Press a source’s number" in page.plain_text
    assert labelled(page) == {"1": "src:open:1:0", str(source.id): f"src:open:{source.id}:0"}
    listed = page.plain_text

    new, answer = await press(bot, f"src:open:{source.id}:0", page)
    assert new == [] and page.history == [page.history[0]]  # the list became the card
    card = page.plain_text
    assert card.startswith(f"{source.id}. The <Gazette>\nAddress: https://gazette.example/rss")
    assert "Folder: World / Europe" in card
    assert re.search(r"State: failing since \d\d:\d\d UTC \(1 error in a row\)", card)
    assert "Articles: 3 stored, 2 in the last 7 days" in card
    assert "Last error: HTTP 500 Internal Server Error (" in card
    assert "Last success: " in card and "never" not in card
    assert labelled(page) == {
        "Pause": f"src:pause:{source.id}:0",
        "Remove": f"src:remove:{source.id}:0",
        "← Back to the list": "src:list:0",
    }

    new, answer = await press(bot, f"src:pause:{source.id}:0", page)
    assert new == [] and answer["text"] == "Paused."
    assert store.get_source(bot.db, source.id).paused  # as /pausesource does
    assert "State: paused since " in page.plain_text and "(paused by an admin)" in page.plain_text
    assert "Resume" in labelled(page) and "Pause" not in labelled(page)

    new, answer = await press(bot, f"src:pause:{source.id}:0", page)  # pressed twice
    assert answer["text"] == "It was already paused."
    assert store.get_source(bot.db, source.id).pause_reason == "paused by an admin"

    new, answer = await press(bot, f"src:resume:{source.id}:0", page)
    assert answer["text"] == "Resumed." and "State: active" in page.plain_text
    resumed = store.get_source(bot.db, source.id)
    assert not resumed.paused and resumed.consecutive_errors == 0

    new, answer = await press(bot, "src:list:0", page)
    assert new == [] and page.plain_text == listed and "src:open:1:0" in buttons(page)
    assert len(bot.offline.sent(ADMIN)) == 1  # one message, edited each time
    assert all(c.status == 200 for c in bot.offline.calls_to("answerCallbackQuery"))


async def test_remove_asks_first_says_what_stays_and_keeps_the_articles(bot: Bot) -> None:
    source = a_source_with_history(bot)
    [page] = await bot.say("/sources", user_id=ADMIN)
    await press(bot, f"src:open:{source.id}:0", page)
    await press(bot, f"src:remove:{source.id}:0", page)
    question = page.plain_text
    assert question.startswith(f"Remove source {source.id}: The <Gazette>?")
    assert "Its 3 stored articles stay, under its name, in stories and search" in question
    assert "/addsource adds it again" in question
    assert store.find_source(bot.db, source.id) is not None  # nothing removed yet
    assert labelled(page) == {
        "Yes, remove it": f"src:confirm:{source.id}:0",
        "No, keep it": f"src:open:{source.id}:0",
    }

    await press(bot, f"src:open:{source.id}:0", page)  # "No, keep it": the card again
    assert page.plain_text.startswith(f"{source.id}. The <Gazette>")
    await press(bot, f"src:remove:{source.id}:0", page)
    new, _ = await press(bot, f"src:confirm:{source.id}:0", page)
    assert new == [] and store.find_source(bot.db, source.id) is None
    assert page.plain_text == f"Removed source {source.id}: The <Gazette>. Its articles stay."
    kept = list(bot.db.query("select source_id, source_title from articles where id > 1"))
    assert kept == [{"source_id": None, "source_title": "The <Gazette>"}] * 3

    await press(bot, "src:list:0", page)
    assert "Sources (1)" in page.plain_text and "Gazette" not in page.plain_text


async def test_a_press_by_someone_not_an_admin_changes_nothing(bot: Bot) -> None:
    """An admin's list outlives their place in ADMIN_IDS: a press is refused, answered, and
    neither the source nor the message changes."""
    source = a_source_with_history(bot)
    [page] = await bot.say("/sources", user_id=ADMIN)
    await press(bot, f"src:open:{source.id}:0", page)
    card = page.plain_text
    settings = bot.app.bot_data.settings
    bot.app.bot_data.settings_ = replace(settings, admin_ids=frozenset())
    for data in (f"src:pause:{source.id}:0", f"src:confirm:{source.id}:0", "src:list:0"):
        new, answer = await press(bot, data, page)
        assert new == [] and answer["show_alert"] is True
        assert answer["text"] == "Sorry, these buttons are for the bot's admins."
    assert page.plain_text == card and len(page.history) == 1
    assert not store.get_source(bot.db, source.id).paused
    # Someone else's press on it (a forwarded copy, say) is refused alike.
    new, answer = await press(bot, f"src:remove:{source.id}:0", page, user_id=USER)
    assert answer["text"] == "Sorry, these buttons are for the bot's admins."


async def test_a_press_on_a_source_removed_meanwhile_says_so_and_redraws(bot: Bot) -> None:
    source = a_source_with_history(bot)
    [page] = await bot.say("/sources", user_id=ADMIN)
    await press(bot, f"src:open:{source.id}:0", page)
    await bot.say(f"/removesource {source.id}", user_id=ADMIN)  # typed, elsewhere
    for data in (f"src:pause:{source.id}:0", f"src:confirm:{source.id}:0"):
        new, answer = await press(bot, data, page)
        assert answer["text"] == f"Source {source.id} was already removed."
        assert new == [] and "Sources (1)" in page.plain_text  # the list, drawn again
        assert "Gazette" not in page.plain_text and buttons(page) == ["src:open:1:0"]


async def test_a_press_on_an_old_message_still_works(bot: Bot) -> None:
    """Telegram hands over an old message without its content (an InaccessibleMessage, date
    0), which PTB will not edit by its shortcuts: the card is drawn in it all the same."""
    source = a_source_with_history(bot)
    [page] = await bot.say("/sources", user_id=ADMIN)
    for data in (f"src:open:{source.id}:0", f"src:pause:{source.id}:0", "src:list:0"):
        new, answer = await press(bot, data, page, inaccessible=True)
        assert new == [] and answer.get("text") in (None, "Paused.")
    assert store.get_source(bot.db, source.id).paused
    assert len(page.history) == 3 and "Sources (2)" in page.plain_text
    # A message gone from the chat: the view comes as a new message.
    bot.offline.forget()
    new, _ = await press(bot, f"src:open:{source.id}:0", page)
    assert len(new) == 1 and new[0].plain_text.startswith(f"{source.id}. The <Gazette>")


async def test_an_admin_list_shows_every_source_a_message_a_page(bot: Bot) -> None:
    """300 sources with long names: each page is one message with a button per source, paused
    ones listed and marked; More keeps the numbered buttons of the page it was pressed on;
    every button's data fits 64 bytes."""
    long_ago = store.utcnow() - timedelta(days=400)
    for n in range(300):
        source = store.add_source(
            bot.db, f"https://site{n}.example/rss", title=f"Журнал {n} " + "очень длинное " * 6
        )
        store.record_success(bot.db, source, etag=None, last_modified=None, now=long_ago)
    store.set_paused(bot.db, 5, True, "paused by an admin")
    [first] = await bot.say("/sources", user_id=ADMIN)
    pages = [first]
    while (more := labelled(pages[-1]).get("More ▸")) is not None:
        new, _ = await press(bot, more, pages[-1])
        assert "More ▸" not in labelled(pages[-1]) and len(buttons(pages[-1])) > 1
        assert len(new) == 1
        pages.append(new[0])
    opened = [data for page in pages for data in buttons(page) if data.startswith("src:open:")]
    assert [int(d.split(":")[2]) for d in opened] == list(range(1, 302))
    for page in pages:
        assert utf16_len(page.plain_text) <= MAX_MESSAGE_LENGTH
        assert all(len(data.encode()) <= 64 for data in buttons(page))
    everything = texts(pages)
    assert "Sources (301)" in everything and "paused source not shown" not in everything
    assert re.search(r"5\. Журнал 3 .*— paused, updated", everything)


async def test_a_group_gets_everyone_s_list_from_an_admin_too(bot: Bot) -> None:
    store.add_source(bot.db, "https://quiet.example/rss", title="Quiet")
    store.set_paused(bot.db, 2, True, "paused by an admin")
    group = -1001002
    before = len(bot.offline.sent(group))
    bot.offline.group_message("/sources", chat_id=group, user_id=ADMIN)
    await bot.feed()
    [listing] = bot.offline.sent(group)[before:]
    assert "1 paused source not shown." in listing.plain_text and buttons(listing) == []


def test_a_page_holds_fewer_sources_when_thirty_lines_would_not_fit() -> None:
    """Six-digit ids, long titles, dates and millions of articles: 30 lines are more than a
    message holds in Russian; the page shows fewer, as one message, and More goes on from
    the first not shown."""
    long_ago = (store.utcnow() - timedelta(days=400)).isoformat()
    sources = [
        Source(
            id=100_000 + n,
            url=f"https://site{n}.example/rss",
            kind="feed",
            title=f"Журнал {n} " + "очень длинное " * 6,
            poll_interval=600,
            last_ok=long_ago,
            item_count=1_234_567,
            paused=n % 3 == 0,
        )
        for n in range(100)
    ]
    text, keyboard = source_cards.list_page(translator("ru"), sources, 30)
    assert utf16_len(parse(text).text) <= MAX_MESSAGE_LENGTH
    assert keyboard is not None
    data = [b.callback_data for row in keyboard.inline_keyboard for b in row]
    shown = [d for d in data if isinstance(d, str) and d.startswith("src:open:")]
    assert 20 < len(shown) < 30 and shown[0] == "src:open:100030:30"
    assert data[-1] == f"sources:{30 + len(shown)}"
    assert text.count("100") == len(shown) + 1  # each id once, and "(100)" in the header


def test_the_removal_question_of_a_source_with_no_articles_says_so() -> None:
    """No "Its 0 stored articles stay": a source that stored nothing says it has none."""
    from bot import replies

    empty = Source(
        id=7,
        url="https://e.example/rss",
        kind="feed",
        title="Empty",
        poll_interval=600,
        item_count=0,
    )
    for code in ("en", "ru", "fr"):
        text = replies.confirm_removal(translator(code), empty)
        assert "0" not in text.replace("7", "")
    assert "It has no stored articles." in replies.confirm_removal(translator("en"), empty)
    two = replace(empty, item_count=2)
    assert "Its 2 stored articles stay" in replies.confirm_removal(translator("en"), two)
