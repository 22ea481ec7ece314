"""Admin commands: manage sources, run ingestion, statistics, OPML import and export.

The admin check is applied by the command table (``admin_only``); the document handler,
which is not a command, checks it itself.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from telegram import Update

from bot import jobs
from bot.handlers.common import (
    REFUSAL,
    BadArguments,
    is_admin,
    send_all,
)
from bot.render import clean, escape, format_time, link, render_lines, truncate
from bot.state import Context
from digests import ingest, opml, store
from digests.errors import NewsbotError
from digests.fetch import check_public_address, make_client
from digests.models import Source

log = logging.getLogger(__name__)

AWAITING_IMPORT = "awaiting_import"
EXPORT_NAME = "newsbot-sources.opml"


def _key(args: list[str] | None) -> str:
    key = " ".join(args or []).strip()
    if not key:
        raise BadArguments()
    return key


def _name(source: Source) -> str:
    return escape(truncate(clean(source.title, one_line=True), 80) or source.url)


async def add_source(update: Update, context: Context) -> None:
    """Add a feed after checking it: /addsource URL [title]."""
    args = context.args or []
    if not args:
        raise BadArguments()
    url, title = args[0], " ".join(args[1:]).strip() or None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadArguments("Only http:// and https:// feed URLs can be added.")
    db = context.bot_data.db
    settings = context.bot_data.settings
    if (known := store.find_source(db, url)) is not None:
        await send_all(update, [f"Already a source: {known.id}. {_name(known)}"])
        return
    try:
        if not settings.allow_private_sources:
            await check_public_address(url)
        async with make_client(public_only=not settings.allow_private_sources) as client:
            parsed = await ingest.probe_feed(client, url)
        source = store.add_source(db, url, title=title or parsed.title or None)
    except NewsbotError as error:
        await send_all(update, [f"Cannot add {escape(url)}: {escape(str(error))}"])
        return
    log.info("admin %s added source %s: %s", _user_id(update), source.id, url)
    report = await jobs.poll_one(context.bot_data, source)
    [(polled, result)] = report.polls
    lines = [
        f"Added source {polled.id}: {_name(polled)}",
        f"The feed lists {len(parsed.entries)} item{'s' if len(parsed.entries) != 1 else ''}.",
    ]
    if result.status == "error":
        lines.append(f"First fetch failed: {escape(result.error or 'unknown error')}")
    else:
        lines.append(
            f"Saved {result.new} new article{'s' if result.new != 1 else ''}"
            f" ({result.duplicates} already known); {report.processed.summarised} summarised."
        )
    await send_all(update, ["\n".join(lines)])


async def remove_source(update: Update, context: Context) -> None:
    """Remove a source by id, URL or title; its articles stay: /removesource ID|URL."""
    key = _key(context.args)
    try:
        source = store.remove_source(context.bot_data.db, key)
    except NewsbotError as error:
        await send_all(update, [escape(str(error))])
        return
    context.bot_data.pages.clear()  # its stories now show no source name
    log.info("admin %s removed source %s", _user_id(update), source.id)
    await send_all(update, [f"Removed source {source.id}: {_name(source)}. Its articles stay."])


async def pause_source(update: Update, context: Context) -> None:
    """Stop polling a source: /pausesource ID|URL."""
    await _set_paused(update, context, paused=True)


async def resume_source(update: Update, context: Context) -> None:
    """Poll a paused source again and clear its errors: /resumesource ID|URL."""
    await _set_paused(update, context, paused=False)


async def _set_paused(update: Update, context: Context, *, paused: bool) -> None:
    key = _key(context.args)
    try:
        source = store.set_paused(
            context.bot_data.db, key, paused, "paused by an admin" if paused else None
        )
    except NewsbotError as error:
        await send_all(update, [escape(str(error))])
        return
    verb = "Paused" if paused else "Resumed"
    await send_all(update, [f"{verb} source {source.id}: {_name(source)}."])


async def run_ingest(update: Update, context: Context) -> None:
    """Poll every active source now and report what each brought: /ingest."""
    if context.args:
        raise BadArguments()
    await send_all(update, ["Fetching every active source…"])
    report = await jobs.ingest_now(context.bot_data, due_only=False)
    lines = []
    for source, result in report.polls:
        if result.status == "error":
            outcome = f"failed: {escape(truncate(result.error or 'unknown error', 200))}"
        elif result.status == "not_modified":
            outcome = "no change"
        else:
            outcome = f"{result.new} new, {result.duplicates} known"
        lines.append(f"• {_name(source)}: {outcome}")
    done = report.processed
    lines += [
        "",
        f"<b>Total</b>: {len(report.polls)} sources, {report.new} new articles, "
        f"{report.failed} failed.",
        f"{done.clustered} articles grouped into stories, {done.summarised} summarised, "
        f"{done.allegations} checked for allegations.",
    ]
    await send_all(update, render_lines(lines, header="<b>Ingestion</b>"))


async def stats(update: Update, context: Context) -> None:
    """Show counts and the health of failing or paused sources: /stats."""
    if context.args:
        raise BadArguments()
    db = context.bot_data.db
    now = store.utcnow()
    counts = {**store.stats(db, now=now), **store.delivery_stats(db, now=now)}
    lines = [f"{key.replace('_', ' ')}: {value}" for key, value in counts.items()]
    if context.job_queue is not None and (jobs_ := context.job_queue.get_jobs_by_name("ingest")):
        next_run = jobs_[0].next_t
        if next_run is not None:
            lines.append(f"next ingestion: {format_time(next_run, now)}")
    unwell = [s for s in store.list_sources(db) if s.paused or s.consecutive_errors]
    if unwell:
        lines += ["", "<b>Sources needing attention</b>"]
    for source in unwell:
        state = "paused" if source.paused else f"{source.consecutive_errors} errors in a row"
        reason = source.pause_reason if source.paused else source.last_error
        detail = f": {escape(truncate(clean(reason, one_line=True), 200))}" if reason else ""
        lines.append(
            f"• {source.id}. {link(truncate(source.title, 80), source.url)} — {state}{detail}"
        )
    await send_all(update, render_lines(lines, header="<b>Statistics</b>"))


async def import_opml(update: Update, context: Context) -> None:
    """Ask for the OPML file to import (a document captioned /import goes to ``document``)."""
    message = update.effective_message
    if message is None or context.chat_data is None:
        return
    context.chat_data[AWAITING_IMPORT] = _user_id(update)
    await message.reply_text("Send the OPML file now, as a document.")


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
            await message.reply_text("To import sources, send /import, then the OPML file.")
        return
    if not is_admin(update, context):
        log.warning("refused import to user %s", _user_id(update))
        await message.reply_text(REFUSAL)
        return
    context.chat_data.pop(AWAITING_IMPORT, None)
    await _import_document(update, context)


async def _import_document(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    attachment = message.document
    if attachment.file_size is not None and attachment.file_size > opml.MAX_OPML_BYTES:
        await message.reply_text(f"That file is too large (limit {opml.MAX_OPML_BYTES:,} bytes).")
        return
    data = bytes(await (await attachment.get_file()).download_as_bytearray())
    try:
        feeds = opml.parse_opml(data, include_pages=True)
    except NewsbotError as error:
        await message.reply_text(f"Cannot import: {escape(str(error))}")
        return
    db = context.bot_data.db
    added = skipped = invalid = 0
    for feed in feeds:
        if store.find_source(db, feed.url) is not None:
            skipped += 1
            continue
        try:
            store.add_source(db, feed.url, kind=feed.kind, title=feed.title)
        except NewsbotError as error:
            log.info("import: %s refused: %s", feed.url, error)
            invalid += 1
            continue
        added += 1
    log.info("admin %s imported %d sources", _user_id(update), added)
    await message.reply_text(
        f"Imported {escape(attachment.file_name or 'the file')}: "
        f"{added} added, {skipped} already present, {invalid} invalid."
        + ("\nNew sources are fetched at the next update, or now with /ingest." if added else "")
    )


async def export_opml(update: Update, context: Context) -> None:
    """Send every feed and page source as an OPML document: /export."""
    if context.args:
        raise BadArguments()
    message = update.effective_message
    if message is None:
        return
    sources = [s for s in store.list_sources(context.bot_data.db) if s.kind != "file"]
    await message.reply_document(
        document=opml.render_opml(sources),
        filename=EXPORT_NAME,
        caption=f"{len(sources)} source{'s' if len(sources) != 1 else ''}",
    )


def _user_id(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user is not None else None
