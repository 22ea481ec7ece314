"""The one command table: it feeds the handlers, /help and the menu set with setMyCommands."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass

from telegram import BotCommand, Update

from bot import replies
from bot.handlers import admin, reading, subscriptions
from bot.handlers.common import Callback, admin_only, is_admin, with_usage
from bot.state import Context


@dataclass(frozen=True, slots=True)
class Command:
    """A bot command: its name, handler, one-line description and who may run it."""

    name: str
    callback: Callback
    description: str
    admin_only: bool = False
    args: str = ""  # shown in /help and usage lines, e.g. "[n]" or "URL [title]"

    @property
    def usage(self) -> str:
        """Return how the command is typed, e.g. "/latest [n]"."""
        return f"/{self.name} {self.args}".rstrip()


async def help_command(update: Update, context: Context) -> None:
    """Reply with the commands this user may run."""
    if update.effective_message is not None:
        admin = is_admin(update, context)
        await update.effective_message.reply_text(help_text(admin=admin))


async def help_button(update: Update, context: Context) -> None:
    """Answer the "All commands" button of /start with /help."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    if update.effective_chat is not None:
        await update.effective_chat.send_message(help_text(admin=is_admin(update, context)))


COMMANDS: tuple[Command, ...] = (
    Command("start", reading.start, "What this bot does"),
    Command("help", help_command, "List the commands"),
    Command("latest", reading.latest, "Top stories now", args="[n]"),
    Command("story", reading.story, "One story with every source", args="ID"),
    Command("search", reading.search, "Search stories", args="words"),
    Command(
        "allegations",
        reading.allegations,
        "Who is accused of what, and the answers",
        args="[name or keyword]",
    ),
    Command("sources", reading.sources, "The news sources and their last update"),
    Command(
        "subscribe",
        subscriptions.subscribe,
        "A digest here at your time, or each new story live",
        args="[HH:MM|live] [keywords, -excluded]",
    ),
    Command("unsubscribe", subscriptions.unsubscribe, "Stop this chat's (topic's) subscription"),
    Command(
        "settings",
        subscriptions.settings_command,
        "Digest time, zone, frequency, keywords, languages, live mode, pictures",
        args=(
            "[time HH:MM|tz ZONE|include WORDS|exclude WORDS|languages CODES|mode live"
            "|quiet HH:MM-HH:MM|cap N]"
        ),
    ),
    Command("digest", subscriptions.digest_now, "This chat's digest now"),
    Command("addsource", admin.add_source, "Add a feed", admin_only=True, args="URL [title]"),
    Command("removesource", admin.remove_source, "Remove a source", admin_only=True, args="ID|URL"),
    Command("pausesource", admin.pause_source, "Pause a source", admin_only=True, args="ID|URL"),
    Command("resumesource", admin.resume_source, "Resume a source", admin_only=True, args="ID|URL"),
    Command(
        "subscribe_channel",
        subscriptions.subscribe_channel,
        "Subscribe a channel the bot posts in",
        admin_only=True,
        args="@channel [HH:MM|live]",
    ),
    Command("ingest", admin.run_ingest, "Fetch every source now", admin_only=True),
    Command("stats", admin.stats, "Counts and source health", admin_only=True),
    Command("import", admin.import_opml, "Import sources from an OPML file", admin_only=True),
    Command("export", admin.export_opml, "Export sources as OPML", admin_only=True),
)

_BY_NAME = {command.name: command for command in COMMANDS}


def callback_for(command: Command) -> Callback:
    """Return the command's callback with its usage reply, the admin check, and its timing."""
    callback = with_usage(command.callback, command.usage)
    if command.admin_only:
        callback = admin_only(callback)
    return timed(command.name, callback)


def timed(name: str, callback: Callback) -> Callback:
    """Wrap a handler so that its time goes to the command latency histogram (/metrics)."""

    @functools.wraps(callback)
    async def run(update: Update, context: Context) -> None:
        started = time.perf_counter()
        try:
            await callback(update, context)
        finally:
            context.bot_data.metrics.observe_command(name, time.perf_counter() - started)

    return run


def find(name: str) -> Command | None:
    """Return the command with this name, or None."""
    return _BY_NAME.get(name)


def bot_commands(*, admin: bool) -> list[BotCommand]:
    """Return the menu for setMyCommands: public commands, plus admin ones for admins."""
    return [BotCommand(c.name, c.description) for c in COMMANDS if admin or not c.admin_only]


def help_text(*, admin: bool) -> str:
    """Return /help as Telegram HTML: every public command, and admin ones for admins."""
    public = [(c.usage, c.description) for c in COMMANDS if not c.admin_only]
    restricted = [(c.usage, c.description) for c in COMMANDS if c.admin_only] if admin else []
    return replies.help_page(public, restricted)
