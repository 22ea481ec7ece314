"""Admin commands: manage sources, run ingestion, statistics, OPML import and export.

The admin check is applied by the command table (``admin_only``); the document handler,
which is not a command, checks it itself.
"""

from __future__ import annotations

import asyncio
import logging

from sqlite_utils import Database
from telegram import Update

from bot import jobs, replies
from bot.handlers.common import (
    BadArguments,
    ask_in_private,
    is_admin,
    send_all,
    translator_for,
)
from bot.handlers.subscriptions import check_paused_topics
from bot.i18n import Translator
from bot.render import render_lines
from bot.state import Context
from digests import ingest, opml, store
from digests.errors import NewsbotError
from digests.message import N_, Message
from digests.models import Source
from digests.urls import continues_url, has_credentials, is_http_url

log = logging.getLogger(__name__)

AWAITING_IMPORT = "awaiting_import"
EXPORT_NAME = "newsbot-sources.opml"


def _key(args: list[str] | None) -> str:
    key = " ".join(args or []).strip()
    if not key:
        raise BadArguments()
    return key


# At most this many addresses in one /addsource (each is fetched before the reply): more is
# what an OPML import is for.
MAX_ADDED_AT_ONCE = 20


async def add_source(update: Update, context: Context) -> None:
    """Add feeds after checking them: /addsource URL [title], or /addsource URL URL ... (up to
    MAX_ADDED_AT_ONCE, each as if added alone); a page's own feed when the URL is a page that
    names one."""
    args = context.args or []
    if not args:
        raise BadArguments()
    # "feed://host/rss" (as browsers and older readers write subscriptions) is its http(s) feed
    addresses = [opml.web_address(arg) for arg in args]
    if len(args) > 1 and all(is_http_url(url) for url in addresses):
        if len(addresses) > MAX_ADDED_AT_ONCE:
            raise BadArguments(lambda tr: replies.too_many_at_once(tr, MAX_ADDED_AT_ONCE))
        tr = translator_for(update, context)
        replies_ = [await _add_one(update, context, url, None) for url in addresses]
        await send_all(update, render_lines(tr, replies_, sep="\n\n"))
        return
    url, title = addresses[0], " ".join(args[1:]).strip() or None
    if len(args) > 1 and continues_url(url, args[1]):  # "http://exa mple.com/"
        typed = f"{url} {args[1]}"
        raise BadArguments(lambda tr: replies.url_with_space(tr, typed))
    if not is_http_url(url):  # another scheme, or no address ("http://[::1", a bad port)
        raise BadArguments(replies.only_web_urls)
    await send_all(update, [await _add_one(update, context, url, title)])


async def _add_one(update: Update, context: Context, url: str, title: str | None) -> str:
    """Add one web address as a source (its page's feed when it names one), poll it once, and
    return the reply that says what happened."""
    tr = translator_for(update, context)
    if has_credentials(url):
        # Never fetched, stored, shown or logged: the address is the only place a source
        # keeps, and /sources, /export and the logs show it (README, "Sources").
        return replies.no_credentials(tr)
    db = context.bot_data.db
    settings = context.bot_data.settings
    if (known := store.find_source(db, url)) is not None:
        return replies.already_a_source(tr, known)
    try:
        # A site's page that names its feed (RSS autodiscovery) adds that feed; an address
        # permanently redirected, the feed's new address.
        found = await ingest.probe_new_feed(
            url, allow_private=settings.allow_private_sources, limits=settings.fetch_limits
        )
        feed_url, parsed = found.url, found.parsed
        # The feed's address, or where its redirects (a short link's 302 too) led: known?
        if (known := store.source_at(db, feed_url, found.read_at)) is not None:
            return replies.already_a_source(tr, known)
        source = store.add_source(db, feed_url, title=title or parsed.title or None)
    except NewsbotError as error:
        # The reply says it in the chat's language; the log keeps the library's own words.
        log.info("admin %s could not add %s: %s", _user_id(update), url, error)
        return replies.cannot_add(tr, url, error.message)
    log.info("admin %s added source %s: %s", _user_id(update), source.id, feed_url)
    report = await jobs.poll_one(context.bot_data, source)
    named = feed_url if found.how == "named" else None
    moved = feed_url if found.how == "moved" else None
    return replies.source_added(
        tr, report, len(parsed.entries), found=named, moved=moved, others=found.others
    )


async def remove_source(update: Update, context: Context) -> None:
    """Remove sources by id, URL or title; their articles stay: /removesource ID|URL [ID...]."""
    key = _key(context.args)
    tr = translator_for(update, context)
    db = context.bot_data.db
    lines = []
    for words, found in store.sources_named(db, key):
        try:
            source = remove_one(update, context, found.id if found else words)
        except NewsbotError as error:
            lines.append(replies.error_text(tr, error.message))
            continue
        lines.append(replies.source_removed(tr, source))
    await send_all(update, render_lines(tr, lines))


def remove_one(update: Update, context: Context, key: str | int) -> Source:
    """Remove one source, as /removesource and its card's button do; return it (raise
    SourceError when there is none)."""
    source = store.remove_source(context.bot_data.db, key)
    context.bot_data.pages.clear()  # pages cached with its name in them are drawn again
    log.info("admin %s removed source %s", _user_id(update), source.id)
    return source


async def pause_source(update: Update, context: Context) -> None:
    """Stop polling sources: /pausesource ID|URL [ID...]."""
    await _set_paused(update, context, paused=True)


async def resume_source(update: Update, context: Context) -> None:
    """Poll paused sources again and clear their errors: /resumesource ID|URL [ID...]."""
    await _set_paused(update, context, paused=False)


async def _set_paused(update: Update, context: Context, *, paused: bool) -> None:
    key = _key(context.args)
    tr = translator_for(update, context)
    db = context.bot_data.db
    lines = []
    for words, found in store.sources_named(db, key):
        lines.append(_pause_one(tr, db, found.id if found else words, paused=paused))
    await send_all(update, render_lines(tr, lines))


def _pause_one(tr: Translator, db: Database, key: str | int, *, paused: bool) -> str:
    """Pause or resume one source; return the reply's line about it."""
    try:
        source, changed = pause_one(db, key, paused=paused)
    except NewsbotError as error:
        return replies.error_text(tr, error.message)
    return replies.source_paused(tr, source, paused=paused, unchanged=not changed)


def pause_one(db: Database, key: str | int, *, paused: bool) -> tuple[Source, bool]:
    """Pause or resume one source, as /pausesource, /resumesource and its card's buttons do;
    return it and whether it changed (raise SourceError when there is none)."""
    source = store.get_source(db, key)
    # Pausing again would lose why it was paused (eight failures, say); resuming a source
    # that polls well would say "Resumed" of nothing.
    if store.pause_unchanged(source, paused):
        return source, False
    reason = Message(N_("paused by an admin")) if paused else None
    return store.set_paused(db, source.id, paused, reason), True


async def run_ingest(update: Update, context: Context) -> None:
    """Poll every active source now and report what each brought: /ingest."""
    tr = translator_for(update, context)
    # In a group the poll runs too (the admin asked for it), but each source's outcome and
    # error stay out of the reply: /stats in the private chat shows the failing ones.
    note = ask_in_private(update, context, "stats")
    await send_all(update, [replies.fetching_all(tr)])
    report = await jobs.ingest_now(context.bot_data, due_only=False)
    messages = replies.ingest_report(tr, report, each_source=note is None)
    if note is not None:
        messages[-1] += "\n\n" + note
    await send_all(update, messages)


async def stats(update: Update, context: Context) -> None:
    """Show counts and the sources needing attention, failing ones first: /stats.

    Telegram tells a bot nothing when a closed topic is deleted: a few paused topics are
    asked about first (``STATS_TOPIC_CHECKS``), so that a deleted one counts as such.
    """
    db = context.bot_data.db
    unchecked = await check_paused_topics(context, STATS_TOPIC_CHECKS)
    now = store.utcnow()
    counts: dict[str, int] = {}
    for key, value in {**store.stats(db, now=now), **store.delivery_stats(db, now=now)}.items():
        counts[key] = value
        if key == "paused_topics" and unchecked:
            counts["paused_topics_unchecked"] = unchecked
    next_run = None
    if context.job_queue is not None and (
        ingest_jobs := context.job_queue.get_jobs_by_name("ingest")
    ):
        next_run = ingest_jobs[0].next_t
    unwell = store.sources_needing_attention(db, now=now)
    tr = translator_for(update, context)
    failures = store.delivery_failures(db, now=now)
    await send_all(update, replies.statistics(tr, counts, unwell, now, next_run, failures))


# Paused topics /stats asks Telegram about (a chat action each, outside the outbox, through
# the bot's rate limiter as every request: one at a time per chat, a 429 waited out; not
# paced, as a chat action is no message): the others are counted as not checked, and the
# next /stats asks about others.
STATS_TOPIC_CHECKS = 10


async def import_opml(update: Update, context: Context) -> None:
    """Ask for the OPML file to import (a document captioned /import goes to ``document``)."""
    message = update.effective_message
    if message is None or context.chat_data is None:
        return
    context.chat_data[AWAITING_IMPORT] = _user_id(update)
    await message.reply_text(replies.send_opml(translator_for(update, context)))


async def document(update: Update, context: Context) -> None:
    """Import a document sent with the caption /import, or after /import."""
    message = update.effective_message
    if message is None or message.document is None or context.chat_data is None:
        return
    caption = (message.caption or "").split(maxsplit=1)
    with_command = bool(caption) and caption[0].split("@")[0].lower() == "/import"
    awaited = context.chat_data.get(AWAITING_IMPORT) == _user_id(update)
    if not (with_command or awaited):
        if message.chat.type == message.chat.PRIVATE:
            tr = translator_for(update, context)
            # Only admins import; anyone else is told what the bot does answer.
            answer = replies.how_to_import if is_admin(update, context) else replies.plain_text
            await message.reply_text(answer(tr))
        return
    if not is_admin(update, context):
        log.warning("refused import to user %s", _user_id(update))
        await message.reply_text(replies.refusal(translator_for(update, context)))
        return
    context.chat_data.pop(AWAITING_IMPORT, None)
    await _import_document(update, context)


async def _import_document(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    attachment = message.document
    tr = translator_for(update, context)
    try:  # a size Telegram reports refuses the file before it is downloaded
        opml.check_size(attachment.file_size or 0)
    except NewsbotError as error:
        await message.reply_text(replies.cannot_import(tr, error.message))
        return
    data = bytes(await (await attachment.get_file()).download_as_bytearray())
    try:  # parsing a file of up to MAX_OPML_BYTES takes a second: off the event loop
        listing = await asyncio.to_thread(opml.read_opml, data, include_pages=True)
    except NewsbotError as error:
        await message.reply_text(replies.cannot_import(tr, error.message))
        return
    public_only = not context.bot_data.settings.allow_private_sources
    done = opml.ImportResult(0, 0, [])
    # The database is the event loop's: written a step at a time, with others served between.
    for step in opml.import_steps(context.bot_data.db, listing, public_only=public_only):
        done = step
        await asyncio.sleep(0)
    for url, reason in done.refused:
        log.info("import: %s refused: %s", url, reason)
    log.info("admin %s imported %d sources", _user_id(update), done.added)
    # In a group the sources are added too, but the refused feeds and their errors stay out
    # of the reply: the same file sent in the private chat lists them.
    note = ask_in_private(update, context, "import")
    text = replies.imported(tr, attachment.file_name, done, listed=note is None)
    await message.reply_text(text if note is None else f"{text}\n{note}")


async def export_opml(update: Update, context: Context) -> None:
    """Send every feed and page source as an OPML document: /export."""
    message = update.effective_message
    if message is None:
        return
    every = store.list_sources(context.bot_data.db)
    sources = [s for s in every if s.kind != "file"]  # a local folder has no web address
    await message.reply_document(
        document=opml.render_opml(sources),
        filename=EXPORT_NAME,
        caption=replies.exported(
            translator_for(update, context), len(sources), len(every) - len(sources)
        ),
    )


def _user_id(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user is not None else None
