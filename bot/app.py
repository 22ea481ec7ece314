"""The one place that wires the bot: settings, handlers, error handler, database and jobs."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import cast

from sqlite_utils import Database
from telegram import BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import commands, digest_jobs, i18n, incidents, jobs, replies, rights, upkeep
from bot.config import ConfigError, Settings
from bot.handlers import admin, inline, language, members, reading, source_cards, subscriptions
from bot.handlers.common import thread_of, translator_for
from bot.pacer import ChatKey, Pacer
from bot.ratelimit import PacedRateLimiter, ReplyCounts
from bot.sender import may_not_write
from bot.state import CONTEXT_TYPES, App, Context
from digests import store
from digests.bootstrap import open_database_async
from digests.errors import DatabaseFileError

log = logging.getLogger(__name__)

# Seconds after start-up before the first runs: let the bot answer first.
FIRST_PROCESS = 10
FIRST_INGEST = 30
PROCESS_INTERVAL = 300
# The start waits this long for the command menus; then they go on in their own task.
MENUS_PATIENCE = 5.0
# The commands a channel's administrators post in the channel itself.
CHANNEL_COMMANDS = ("subscribe", "unsubscribe", "digest", "language")


def file_base_url(api_base_url: str) -> str:
    """Return the file download base for an API base: ".../bot" becomes ".../file/bot"."""
    head, _, tail = api_base_url.rstrip("/").rpartition("/")
    return f"{head}/file/{tail}"


def build_application(
    settings: Settings,
    request: BaseRequest | None = None,
    *,
    workers: int | None = None,
    pacer: Pacer | None = None,
) -> App:
    """Return the bot application: handlers from the command table, error handler, start-up.

    ``request`` replaces the network (both for calls and getUpdates), as the offline
    Telegram does. Every request handlers make is paced by one ``Pacer`` (``bot.ratelimit``),
    the one the outbox sender uses too, whatever the request object: ``pacer``, or a new one
    on the event loop's clock (tests pass one on a fake clock). ``workers`` processes
    summarise (default: up to 2).
    """
    if settings.token is None:
        raise ConfigError("TELEGRAM_BOT_TOKEN: needed to run the bot (the console needs none)")
    defaults = Defaults(
        parse_mode=ParseMode.HTML,
        tzinfo=settings.timezone,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        # A reply quotes the command it answers; groups often delete commands at once, and
        # Telegram then refuses the reply ("message to be replied not found") unless allowed.
        allow_sending_without_reply=True,
    )
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(file_base_url(settings.api_base_url))
        .defaults(defaults)
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    pacer, reply_counts = pacer or Pacer(), ReplyCounts()
    builder = builder.rate_limiter(PacedRateLimiter(pacer, counts=reply_counts))
    # PTB's builder types the JobQueue with the default context; it runs ours.
    application = cast(App, builder.build())
    state = application.bot_data
    state.settings_ = settings
    state.pacer, state.reply_counts = pacer, reply_counts
    state.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    state.metrics.watch(state)
    add_handlers(application)
    return application


def add_handlers(application: App) -> None:
    """Register the command table, buttons, documents, and replies to anything else."""
    # Any update from a group that waits for the right to post may find the right back.
    application.add_handler(TypeHandler(Update, rights.seen), group=-2)
    # A channel post forwarded into its discussion group is no command to the group.
    application.add_handler(
        MessageHandler(filters.IS_AUTOMATIC_FORWARD, members.automatic_forward), group=-1
    )
    for command in commands.COMMANDS:
        application.add_handler(CommandHandler(command.name, commands.callback_for(command)))
    application.add_handlers(
        [
            MessageHandler(filters.Regex(r"^/story_(\d{1,9})(?:@\w+)?$"), reading.story_link),
            MessageHandler(filters.Document.ALL, admin.document),
            CallbackQueryHandler(reading.latest_more, pattern=r"^latest:"),
            CallbackQueryHandler(reading.search_more, pattern=r"^search:"),
            CallbackQueryHandler(reading.sources_more, pattern=r"^sources:"),
            CallbackQueryHandler(source_cards.source_button, pattern=r"^src:"),
            CallbackQueryHandler(reading.allegations_button, pattern=r"^alleg:"),
            CallbackQueryHandler(commands.help_button, pattern=r"^help$"),
            CallbackQueryHandler(subscriptions.settings_button, pattern=r"^set:"),
            CallbackQueryHandler(subscriptions.subscribe_button, pattern=r"^sub:start$"),
            CallbackQueryHandler(language.language_button, pattern=r"^lang:"),
            CallbackQueryHandler(reading.unknown_button),  # after every other button's
            # In a channel, commands arrive as channel posts (only its admins can post); wrapped
            # as in the table, so that wrong arguments get the usage line there too.
            *(
                CommandHandler(
                    name, commands.channel_callback(name), filters=filters.UpdateType.CHANNEL_POST
                )
                for name in CHANNEL_COMMANDS
            ),
            InlineQueryHandler(inline.inline_query),
            MessageHandler(filters.StatusUpdate.MIGRATE, members.migrated),
            MessageHandler(
                filters.StatusUpdate.FORUM_TOPIC_CREATED | filters.StatusUpdate.FORUM_TOPIC_EDITED,
                subscriptions.topic_named,
            ),
            MessageHandler(filters.StatusUpdate.FORUM_TOPIC_REOPENED, members.topic_reopened),
            ChatMemberHandler(members.bot_member, ChatMemberHandler.MY_CHAT_MEMBER),
            MessageHandler(filters.COMMAND, commands.other_command),
            # A story the user shared through inline mode in this chat needs no answer.
            MessageHandler(
                filters.TEXT & filters.ChatType.PRIVATE & ~filters.VIA_BOT, reading.plain_text
            ),
        ]
    )
    application.add_error_handler(on_error)


async def _post_init(application: App) -> None:
    """Open the database, publish the command menus and schedule the jobs."""
    state = application.bot_data
    settings = state.settings
    # Held while the bot runs, so that `newsbot restore` refuses to pull the file away, and a
    # second bot or console on the same database refuses to start: it would run every digest
    # job and sender twice, and put the first one's messages in flight back in the queue
    # (sent twice).
    state.database_hold = store.hold_database(settings.database_path)
    if state.database_hold is None:
        raise DatabaseFileError(
            "{path} is in use by another newsbot process: run one bot (or console) per database",
            path=str(settings.database_path),
        )
    state.db_ = await open_database_async(settings.database_path, method=settings.summary_method)
    state.started_at = store.utcnow()
    if state.flood_holds:
        _keep_flood_holds(state.pacer, state.db_)
    jobs.start_parse_pool(state)
    # Telegram limits setMyCommands: its 429s (waited out by the rate limiter) must not hold
    # up answering and delivering. The menus go on in a task of their own when not done soon.
    state.menus_task = asyncio.get_running_loop().create_task(
        publish_menus(application, settings), name="command menus"
    )
    await asyncio.wait({state.menus_task}, timeout=MENUS_PATIENCE)
    schedule_jobs(application, settings)
    incidents.start(application)
    await digest_jobs.start_delivery(application)
    # What start-up made (settings, handlers, models and word lists loaded so far) lives as long
    # as the bot: keep it out of the collector's full passes, which otherwise scan it every
    # time (a full pass held the event loop 114-157 ms in bench/commands.py, 70 ms after this).
    gc.freeze()


def _keep_flood_holds(pacer: Pacer, db: Database) -> None:
    """Hold again the chats (and pause every chat) as the 429s before a restart asked, until
    their end, and keep each new hold in the database: a restart during one would send straight
    into the same 429, and repeated ones lengthen a ban."""
    for chat, seconds in store.flood_holds(db).items():
        if chat == store.EVERY_CHAT:
            pacer.pause(seconds)
        else:
            pacer.hold_chat(chat, seconds)
        log.info("flood hold of %s kept from before the start: %.0f s left", chat, seconds)

    def keep(chat: ChatKey | None, seconds: float) -> None:
        store.save_flood_hold(db, store.EVERY_CHAT if chat is None else chat, seconds)

    pacer.keep = keep


async def _post_shutdown(application: App) -> None:
    """Stop the digest sender and the parse workers, then close the database."""
    menus, application.bot_data.menus_task = application.bot_data.menus_task, None
    if menus is not None and not menus.done():
        menus.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await menus
    await digest_jobs.stop_delivery(application)
    await incidents.stop(application)
    state = application.bot_data
    await jobs.stop_parse_pool(state)
    db, state.db_ = state.db_, None
    state.pacer.keep = None
    if db is not None:
        db.close()
    hold, state.database_hold = state.database_hold, None
    if hold is not None:
        hold.release()


async def publish_menus(application: App, settings: Settings) -> None:
    """Publish the command menus (``set_commands``); a failure is logged, not raised: the
    menus are a convenience, and the bot answers and delivers without them."""
    try:
        await set_commands(application, settings)
    except TelegramError as error:
        log.warning("command menus not published: %s", error)


async def set_commands(application: App, settings: Settings) -> None:
    """Publish the menu: public commands for everyone, in each language the bot speaks (for
    the app languages of ``i18n.CLIENT_FALLBACKS``, in the one their users read; in LANGUAGE
    for users of any other), all commands in each admin's chat, in theirs."""
    bot = application.bot
    default = i18n.translator(settings.language)
    await bot.set_my_commands(commands.bot_commands(default, admin=False))
    for code in [*i18n.LANGUAGES, *i18n.CLIENT_FALLBACKS]:
        tr = i18n.translator(i18n.for_client(code) or settings.language)
        await bot.set_my_commands(commands.bot_commands(tr, admin=False), language_code=code)
    for admin_id in sorted(settings.admin_ids):
        tr = application.bot_data.translator(admin_id)
        try:
            await bot.set_my_commands(
                commands.bot_commands(tr, admin=True), scope=BotCommandScopeChat(admin_id)
            )
        except (BadRequest, Forbidden) as error:  # the admin has not started the bot yet
            log.warning("admin menu for %s not set: %s", admin_id, error)


def schedule_jobs(application: App, settings: Settings) -> None:
    """Schedule ingestion every INGEST_INTERVAL, a processing pass for pending work, the
    checks of groups waiting for the right to post, and the daily upkeep (retention, backup)."""
    queue = application.job_queue
    if queue is None:
        raise RuntimeError("the JobQueue is missing: install python-telegram-bot[job-queue]")
    queue.run_repeating(
        jobs.ingest_job, interval=settings.ingest_interval, first=FIRST_INGEST, name="ingest"
    )
    queue.run_repeating(
        jobs.process_job, interval=PROCESS_INTERVAL, first=FIRST_PROCESS, name="process"
    )
    queue.run_repeating(rights.check_job, interval=rights.TICK, first=rights.TICK, name="rights")
    queue.run_repeating(
        upkeep.upkeep_job,
        interval=upkeep.UPKEEP_INTERVAL,
        first=upkeep.FIRST_UPKEEP,
        name="upkeep",
    )


@asynccontextmanager
async def running(application: App) -> AsyncIterator[App]:
    """Run the application as run_polling does, without fetching updates (console, tests)."""
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        try:
            yield application
        finally:
            limiter = application.bot.rate_limiter
            if isinstance(limiter, PacedRateLimiter):
                limiter.stop_waiting()  # a reply Telegram refuses no longer holds up the stop
            await application.stop()
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


async def on_error(update: object, context: Context) -> None:
    """Log the traceback, apologise to the user and tell the admins what failed (a busy
    Telegram, or a chat that refuses the bot's messages, is only logged)."""
    error = context.error
    settings = context.bot_data.settings
    if isinstance(error, RetryAfter | TimedOut) or type(error) is NetworkError:
        log.warning("Telegram is unreachable or busy: %s", error)
        return
    if may_not_write(error):
        # A muted group's members still type commands: no bug, and no one to tell there.
        chat = update.effective_chat if isinstance(update, Update) else None
        log.warning("chat %s refuses the bot's messages: %s", chat and chat.id, error)
        return
    where = "a job" if context.job is not None else "an update"
    if isinstance(error, Conflict):  # no bug here: a traceback would say nothing more
        log.error(
            "Telegram refused getUpdates (409 %s): another process polls with this bot's "
            "token: stop it (one bot per token)",
            error,
        )
    else:
        log.error("error while handling %s", where, exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            tr = translator_for(update, context)
        except sqlite3.Error:  # the failure may be the database's: apologise all the same
            tr = i18n.translator(settings.language)
        try:
            await update.effective_chat.send_message(
                replies.apology(tr), parse_mode=None, message_thread_id=thread_of(update)
            )
        except TelegramError as failure:
            log.warning("could not apologise in chat %s: %s", update.effective_chat.id, failure)
    detail = f"{type(error).__name__}: {error}"
    if settings.token:
        detail = detail.replace(settings.token, "[token]")
    for admin_id in sorted(settings.admin_ids):
        try:
            tr = context.bot_data.translator(admin_id)
        except sqlite3.Error:  # the failure may be the database's: tell them all the same
            tr = i18n.translator(settings.language)
        text = replies.admin_error(tr, context.job is not None, detail)
        try:
            await context.bot.send_message(admin_id, text)
        except TelegramError as failure:
            log.warning("could not tell admin %s about the error: %s", admin_id, failure)
