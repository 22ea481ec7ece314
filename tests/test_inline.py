"""Inline mode: "@bot words" in any chat, through the real Application and the offline Telegram."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import settings as examples
from sqlite_utils import Database
from telegram import InlineQueryResultsButton
from telegram.constants import InlineQueryLimit

from bot import replies
from bot.handlers.inline import (
    CACHE_TIME,
    INLINE_PAGE,
    START_PARAMETER,
    InlinePage,
    build_page,
    story_result,
)
from bot.i18n import english
from bot.offline import InlineAnswer, bad_request
from bot.render import render_inline_story
from bot.telegram_html import MAX_MESSAGE_LENGTH, check_message, parse, utf16_len
from digests import read, store, stories
from digests.models import ArticleIn, SourceLink, StoryItem
from tests.test_bot import ADMIN, USER, Bot, add_stories
from tests.test_bot import bot as bot  # the fixtures
from tests.test_bot import settings as settings
from tests.test_render import stories as any_story

NOW = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)

EN = english()


async def ask(bot: Bot, query: str, *, offset: str = "", user_id: int = USER) -> InlineAnswer:
    """Type "@bot query" as a user; return the bot's answer."""
    update = bot.offline.inline_query(query, offset=offset, user_id=user_id)
    await bot.feed()
    return bot.offline.inline_answers[update["inline_query"]["id"]]


def story_ids(answer: InlineAnswer) -> list[int]:
    return [int(result_id.split(".")[0]) for result_id in answer.result_ids]


async def test_an_empty_query_lists_the_latest_stories(bot: Bot) -> None:
    add_stories(bot.db, 3, topic="harbour")
    answer = await ask(bot, "")
    latest = read.latest(bot.db, limit=INLINE_PAGE)
    assert story_ids(answer) == [s.story_id for s in latest.stories]
    assert len(answer.results) == 3  # the seed article is too old to be among the latest
    assert answer.results[0]["title"] == "Story 0 harbour & more"
    # Personal: a result's fixed text is in the user's language.
    assert (answer.cache_time, answer.is_personal, answer.next_offset) == (CACHE_TIME, True, "")
    assert answer.button is None
    for text in answer.texts:
        check_message(text)


async def test_words_find_stories_that_share_as_valid_html(bot: Bot) -> None:
    add_stories(bot.db, 3, topic="zebracrossing")
    add_stories(bot.db, 2, topic="lighthouse")
    answer = await ask(bot, "Zebracrossing")
    assert sorted(r["title"] for r in answer.results) == [
        f"Story {i} zebracrossing & more" for i in range(3)
    ]
    result = next(r for r in answer.results if r["title"] == "Story 1 zebracrossing & more")
    item = read.story(bot.db, int(result["id"].split(".")[0]))
    assert item is not None
    text = result["input_message_content"]["message_text"]
    assert result["input_message_content"]["parse_mode"] == "HTML"
    assert result["input_message_content"]["link_preview_options"] == {"is_disabled": True}
    assert result["url"] == "https://example.org/zebracrossing1"
    assert text.startswith(
        '<b><a href="https://example.org/zebracrossing1">Story 1 zebracrossing &amp; more</a></b>'
        "\nExample &lt;News&gt; · "
    )
    shown = check_message(text).text
    assert item.summary in shown and "/story_" not in shown
    assert result["description"].startswith("Example <News> · ")  # plain text, not HTML
    assert item.summary[:40] in result["description"]


async def test_a_chosen_result_is_the_users_message_and_gets_no_reply(bot: Bot) -> None:
    add_stories(bot.db, 1, topic="harbour")
    answer = await ask(bot, "harbour")
    [result_id] = answer.result_ids
    shared = bot.offline.choose_inline_result(result_id)
    await bot.feed()  # the bot receives the message sent via it
    assert shared.chat_id == USER and shared.text == answer.texts[0]
    assert shared.plain_text.startswith("Story 0 harbour & more\nExample <News> · ")
    assert bot.offline.sent(USER) == []  # not "I answer commands…"


async def test_results_come_a_page_at_a_time(bot: Bot) -> None:
    add_stories(bot.db, 25, topic="pagingword")
    first = await ask(bot, "pagingword")
    assert (len(first.results), first.next_offset) == (INLINE_PAGE, "10")
    second = await ask(bot, "pagingword", offset=first.next_offset)
    assert (len(second.results), second.next_offset) == (INLINE_PAGE, "20")
    last = await ask(bot, "pagingword", offset=second.next_offset)
    assert (len(last.results), last.next_offset) == (5, "")
    # The last page sends no next_offset at all (see bot/handlers/inline.py).
    assert "next_offset" not in bot.offline.calls_to("answerInlineQuery")[-1].params
    seen = story_ids(first) + story_ids(second) + story_ids(last)
    assert len(seen) == len(set(seen)) == 25
    for offset in ("[]", "-1", "x"):  # not offsets this bot gives
        assert (await ask(bot, "pagingword", offset=offset)).results == []
    assert (await ask(bot, "pagingword", offset="30")).results == []


async def test_a_repeated_query_is_served_from_the_cache(bot: Bot) -> None:
    add_stories(bot.db, 3, topic="zebracrossing")
    before = await ask(bot, "zebracro")  # no word of its own: a start, as one types
    add_stories(bot.db, 2, topic="zebracrossingnew")  # matched by the prefix search
    assert read.search(bot.db, "zebracro", limit=10).total == 5
    again = await ask(bot, "zebracro", user_id=ADMIN)
    assert again.result_ids == before.result_ids  # the database was not asked again
    bot.app.bot_data.pages.clear()  # what a processing pass that changed stories does
    assert len((await ask(bot, "zebracro")).results) == 5


async def test_a_changed_story_gets_a_new_result_id(bot: Bot) -> None:
    [story_id] = add_stories(bot.db, 1, topic="harbour")
    [old] = (await ask(bot, "harbour")).result_ids
    [[article_id]] = bot.db.execute("select id from articles where story_id = ?", [story_id])
    store.save_summaries(bot.db, "hybrid", [(article_id, "A better summary of the harbour.")])
    bot.app.bot_data.pages.clear()
    answer = await ask(bot, "harbour")
    [new] = answer.result_ids
    assert old.split(".")[0] == new.split(".")[0] == str(story_id) and old != new
    assert "A better summary of the harbour." in answer.texts[0]
    assert len(new.encode()) <= 64


async def test_html_and_special_characters_are_escaped(bot: Bot) -> None:
    source = store.add_source(bot.db, "https://example.net/feed", title='Tom & "Jerry" <i>')
    hostile = ArticleIn(
        url="https://example.net/a?x=1&y=<2>",
        title="Cats <b>vs</b> dogs & 'mice'",
        text="Cats and dogs argued about mice <script>alert(1)</script> all night long.",
        published=store.utcnow(),
    )
    [article_id] = store.save_articles(bot.db, source.id, [hostile]).new_ids
    stories.assign_stories(bot.db)
    store.save_summaries(bot.db, "hybrid", [(article_id, "Mice <script>alert(1)</script> & co.")])
    answer = await ask(bot, "cats <b>")
    [text] = answer.texts
    assert '<a href="https://example.net/a?x=1&amp;y=%3C2%3E">' in text  # stored canonical
    assert "Cats &lt;b&gt;vs&lt;/b&gt; dogs &amp; &#x27;mice&#x27;" in text
    assert "Tom &amp; &quot;Jerry&quot; &lt;i&gt;" in text
    assert "Mice &lt;script&gt;alert(1)&lt;/script&gt; &amp; co." in text
    assert check_message(text).text.startswith("Cats <b>vs</b> dogs & 'mice'\nTom & \"Jerry\" <i>")
    nothing = await ask(bot, "<b>&amp; nothingmatches")
    assert nothing.results == [] and nothing.button == {
        "text": "No stories match “<b>&amp; nothingmatches”",
        "start_parameter": START_PARAMETER,
    }


async def test_a_long_query_is_cut_at_telegrams_limit(bot: Bot) -> None:
    add_stories(bot.db, 2, topic="zebracrossing")
    query = "zebracrossing".ljust(InlineQueryLimit.MAX_QUERY_LENGTH) + " nomatchword"
    assert len((await ask(bot, query)).results) == 2  # the words past 256 are not searched


def test_nothing_to_list_offers_the_bots_chat(db: Database) -> None:
    page = build_page(EN, db, "", 0, "hybrid")
    assert page.results == () and page.next_offset == ""
    assert page.button == InlineQueryResultsButton(
        replies.inline_no_stories(EN), start_parameter=START_PARAMETER
    )
    assert build_page(EN, db, "", 10, "hybrid") == InlinePage(())  # past the end: no button


async def test_an_expired_query_is_logged_not_reported(bot: Bot) -> None:
    too_old = bad_request("query is too old and response timeout expired or query ID is invalid")
    bot.offline.fail("answerInlineQuery", error=too_old)
    update = bot.offline.inline_query("harbour")
    await bot.feed()
    assert update["inline_query"]["id"] not in bot.offline.inline_answers
    assert bot.offline.sent(ADMIN) == []  # no error report for a query the user moved on from
    bot.offline.fail("answerInlineQuery", error=bad_request("odd failure"))
    await ask_without_answer(bot, "harbour")
    [report] = bot.offline.sent(ADMIN)
    assert "Odd failure" in report.plain_text


async def ask_without_answer(bot: Bot, query: str) -> None:
    bot.offline.inline_query(query)
    await bot.feed()


# --- the message and the result, for any story ---------------------------------------------


def test_a_story_with_many_sources_and_a_long_summary_is_one_message() -> None:
    sources = tuple(SourceLink(f"Outlet {i} " + "x" * 80, f"https://o{i}.org/a") for i in range(12))
    item = StoryItem(7, "Storm", "https://bbc.co.uk/1", "BBC", NOW, "Winds rose. " * 1000, sources)
    text = render_inline_story(EN, item)
    parsed = check_message(text)
    assert utf16_len(parsed.text) <= MAX_MESSAGE_LENGTH
    assert parsed.text.startswith("Storm\nBBC · 3 Mar 2026 18:00 UTC · also reported by 11 sources")
    assert "Winds rose. Winds rose." in parsed.text and "…\nSources: Outlet 0 " in parsed.text
    assert parsed.text.endswith(" and 4 more")
    assert sum(e.type == "text_link" for e in parsed.entities) == 1 + 8


def test_a_story_without_summary_or_http_link() -> None:
    item = StoryItem(7, "Storm", "ftp://x.org/1", "BBC", NOW, "", (SourceLink("BBC", ""),))
    text = render_inline_story(EN, item)
    assert text == "<b>Storm</b>\nBBC · 3 Mar 2026 18:00 UTC\nftp://x.org/1"
    check_message(text)


@examples(max_examples=150, deadline=None)
@given(any_story)
def test_any_story_makes_a_valid_result(item: StoryItem) -> None:
    result = story_result(EN, item, NOW)
    content = result.input_message_content
    text = getattr(content, "message_text", "")
    check_message(text)
    assert render_inline_story(EN, item) == text
    assert 1 <= len(result.id.encode()) <= 64 and result.title
    assert result.description is not None and utf16_len(result.description) <= 200
    assert parse(text).text.strip()
