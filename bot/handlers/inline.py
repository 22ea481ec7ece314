"""Inline mode: ``@bot words`` in any chat lists matching stories to share there.

Words search the stories as /search does; no words list the latest, as /latest does. The
last word, typed a letter at a time, is the start of longer words only while it is no word the
index holds (``store.search_terms``): "elec" lists "election" and "electricity", "election"
only the first. Each
result is an article whose message is the whole story as one HTML message
(``render.render_inline_story``), sent by the user into their chat. Results come INLINE_PAGE
at a time, each page pointing to the next through ``next_offset``. A page is built once per
(words, offset, summary method) and kept in the bot's page cache (``BotState.pages``: a
minute, and emptied when processing changes the stories); Telegram keeps an answer
CACHE_TIME seconds for the user who asked (``is_personal``): the fixed text of a result (dates,
"also reported by") is in the user's language, so two users typing the same words may get
different answers.

A result's id is the story id and a hash of everything the result shows: when a story
changes (another outlet, a better summary), so does its id, and no client keeps showing the
old result under it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database
from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import InlineQueryLimit, ParseMode
from telegram.error import BadRequest

from bot import replies
from bot.handlers.common import too_old, translator_for
from bot.i18n import Translator
from bot.render import clean, render_inline_story, safe_url, truncate
from bot.state import Context
from digests import read
from digests.models import StoryItem

log = logging.getLogger(__name__)

INLINE_PAGE = 10
CACHE_TIME = 60
# The /start parameter of the button shown above no results: it opens the bot's chat.
START_PARAMETER = "inline"
_TITLE_LIMIT = 200
_DESCRIPTION_LIMIT = 200
# Offsets this bot gives are page starts; anything else gets no results.
_OFFSET_RE = re.compile(r"\d{1,5}")


@dataclass(frozen=True, slots=True)
class InlinePage:
    """One answer to an inline query: its results, the next page's offset, a button or not."""

    results: tuple[InlineQueryResultArticle, ...]
    next_offset: str = ""
    button: InlineQueryResultsButton | None = None


def describe(tr: Translator, item: StoryItem, now: datetime) -> str:
    """Return a result's description (plain text): source · time · the start of the summary."""
    parts = [truncate(clean(item.source, one_line=True), 60), tr.time(item.published, now)]
    parts.append(clean(item.summary, one_line=True))
    return truncate(" · ".join(p for p in parts if p), _DESCRIPTION_LIMIT)


def story_result(tr: Translator, item: StoryItem, now: datetime) -> InlineQueryResultArticle:
    """Return one story as an inline result that sends the story as an HTML message."""
    text = render_inline_story(tr, item)
    title = truncate(clean(item.title, one_line=True), _TITLE_LIMIT) or tr.gettext("(untitled)")
    description = describe(tr, item, now)
    url = safe_url(item.url)
    shown = "\x00".join((title, description, url or "", text)).encode()
    version = hashlib.blake2b(shown, digest_size=6).hexdigest()
    return InlineQueryResultArticle(
        id=f"{item.story_id}.{version}",
        title=title,
        description=description,
        url=url,
        # No preview: the message carries the summary, and every link in it is the reader's
        # choice to open, as in digests.
        input_message_content=InputTextMessageContent(
            text,
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
    )


def build_page(tr: Translator, db: Database, words: str, offset: int, method: str) -> InlinePage:
    """Return the page of results at offset: stories matching words, or the latest."""
    if words:
        digest = read.search(db, words, limit=INLINE_PAGE, offset=offset, method=method)
    else:
        digest = read.latest(db, limit=INLINE_PAGE, offset=offset, method=method)
    results = tuple(story_result(tr, item, digest.generated_at) for item in digest.stories)
    if results:
        following = str(offset + len(results)) if digest.has_more else ""
        return InlinePage(results, following)
    if offset > 0:
        return InlinePage(())
    label = replies.inline_no_match(tr, words) if words else replies.inline_no_stories(tr)
    return InlinePage((), button=InlineQueryResultsButton(label, start_parameter=START_PARAMETER))


async def inline_query(update: Update, context: Context) -> None:
    """Answer ``@bot words``: a page of matching stories (the latest when there are no words)."""
    query = update.inline_query
    if query is None:
        return
    # Telegram sends at most 256 characters; anything longer is not from a client.
    words = clean(query.query[: InlineQueryLimit.MAX_QUERY_LENGTH], one_line=True)
    offset = query.offset or "0"
    if _OFFSET_RE.fullmatch(offset) is None:
        page = InlinePage(())
    else:
        state = context.bot_data
        method = state.settings.summary_method
        start = int(offset)
        tr = translator_for(update, context)
        page = state.pages.get(
            ("inline", words, start, method, tr.language, tr.zone),
            lambda: build_page(tr, state.db, words, start, method),
        )
    try:
        await query.answer(
            page.results,
            cache_time=CACHE_TIME,
            is_personal=True,
            # None, not "": with Defaults set, PTB 22 sends an empty string as [] (its
            # InputPollOption defaults take "" for an empty list), which clients then send
            # back as offset "[]" (python-telegram-bot issue 4295). No offset: no more pages.
            next_offset=page.next_offset or None,
            button=page.button,
        )
    except BadRequest as error:
        # The user typed on before the answer came: Telegram has dropped this query.
        if not too_old(error):
            raise
        log.info("inline query %s expired before its answer: %s", query.id, error)
