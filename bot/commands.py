"""The one command table: it feeds the handlers, /help and the menu set with setMyCommands."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass

from telegram import BotCommand, Update

from bot import replies
from bot.handlers import admin, language, reading, subscriptions
from bot.handlers.common import (
    BadArguments,
    Callback,
    admin_only,
    answer_press,
    ask_in_private,
    is_admin,
    send_all,
    translator_for,
    with_usage,
)
from bot.i18n import N_, Translator
from bot.state import Context


@dataclass(frozen=True, slots=True)
class Command:
    """A bot command: its name, handler, one-line description and who may run it.

    The name stays English in every language; the description and the arguments' words are
    message ids, translated where they are shown.
    """

    name: str
    callback: Callback
    description: str
    admin_only: bool = False
    args: str = ""  # shown in /help and usage lines, e.g. "[n]" or "URL [title]"
    # A command with no ``args`` answers words after it with its usage line, unless this
    # says they are not the user's (/start's deep-link payload, t.me/bot?start=...).
    words_ignored: bool = False
    # Answered only in a private chat: in a group every member would see the answer (failing
    # sources and their errors, delivery failures, paused sources).
    private_only: bool = False

    def usage(self, tr: Translator) -> str:
        """Return how the command is typed, e.g. "/latest [n]", in the chat's language."""
        return f"/{self.name} {tr.gettext(self.args)}".rstrip()


async def help_command(update: Update, context: Context) -> None:
    """Reply with the commands this user may run."""
    if update.effective_message is not None:
        tr = translator_for(update, context)
        admin = is_admin(update, context)
        await update.effective_message.reply_text(help_text(tr, admin=admin))


async def help_button(update: Update, context: Context) -> None:
    """Answer the "All commands" button of /start with /help."""
    if update.callback_query is not None:
        await answer_press(update.callback_query)
    tr = translator_for(update, context)
    await send_all(update, [help_text(tr, admin=is_admin(update, context))])


# TRANSLATORS: in the arguments of a command ("[n]", "ID|URL"), words in capitals and the
# words live, time, tz, include, exclude, mode, quiet and cap are typed as they are.
COMMANDS: tuple[Command, ...] = (
    Command("start", reading.start, N_("What this bot does"), words_ignored=True),
    Command("help", help_command, N_("List the commands")),
    Command("latest", reading.latest, N_("Top stories now"), args=N_("[n]")),
    Command("story", reading.story, N_("One story with every source"), args=N_("ID")),
    Command("search", reading.search, N_("Search stories"), args=N_("words")),
    Command(
        "allegations",
        reading.allegations,
        N_("Who is accused of what, and the answers"),
        args=N_("[name or keyword]"),
    ),
    Command("sources", reading.sources, N_("The news sources and their last update")),
    Command(
        "subscribe",
        subscriptions.subscribe,
        N_("A digest here at your time, or each new story live"),
        args=N_("[HH:MM|live] [ZONE] [keywords, -excluded]"),
    ),
    Command(
        "unsubscribe",
        subscriptions.unsubscribe,
        N_("Stop this chat's (topic's) subscription"),
        args=N_("[@channel]"),
    ),
    Command(
        "settings",
        subscriptions.settings_command,
        N_("Digest time, zone, frequency, keywords, languages, live mode, pictures"),
        args=N_(
            "[time HH:MM|tz ZONE|frequency daily/weekdays/hourly/weekly|stories N"
            "|include WORDS|exclude WORDS|languages CODES|mode digest/live"
            "|pictures off/preview/photo|quiet HH:MM-HH:MM|cap N]"
        ),
    ),
    Command("digest", subscriptions.digest_now, N_("This chat's digest now")),
    Command(
        "language", language.language_command, N_("The language I speak here"), args=N_("[code]")
    ),
    Command(
        "addsource",
        admin.add_source,
        N_("Add a feed"),
        admin_only=True,
        args=N_("URL [title] | URL URL …"),
    ),
    Command(
        "removesource", admin.remove_source, N_("Remove a source"), admin_only=True, args="ID|URL"
    ),
    Command(
        "pausesource", admin.pause_source, N_("Pause a source"), admin_only=True, args="ID|URL"
    ),
    Command(
        "resumesource", admin.resume_source, N_("Resume a source"), admin_only=True, args="ID|URL"
    ),
    Command(
        "subscribe_channel",
        subscriptions.subscribe_channel,
        N_("Subscribe a channel the bot posts in"),
        args=N_("@channel [HH:MM|live] [ZONE] [keywords, -excluded]"),
    ),
    Command("ingest", admin.run_ingest, N_("Fetch every source now"), admin_only=True),
    Command(
        "stats", admin.stats, N_("Counts and source health"), admin_only=True, private_only=True
    ),
    Command("import", admin.import_opml, N_("Import sources from an OPML file"), admin_only=True),
    Command(
        "export",
        admin.export_opml,
        N_("Export sources as OPML"),
        admin_only=True,
        private_only=True,
    ),
)

_BY_NAME = {command.name: command for command in COMMANDS}


def callback_for(command: Command) -> Callback:
    """Return the command's callback with its usage reply, the admin check, and its timing.

    A command that takes no arguments answers any with its usage line, as one that takes
    some answers wrong ones ("/digest x" was run as "/digest").
    """
    callback = command.callback
    if not command.args and not command.words_ignored:
        callback = without_arguments(callback)
    callback = with_usage(callback, command.usage)
    if command.private_only:
        callback = private_only(command.name, callback)
    if command.admin_only:
        callback = admin_only(callback)
    return timed(command.name, callback)


def channel_callback(name: str) -> Callback:
    """Return the callback of a command posted in a channel, wrapped as ``callback_for``."""
    command = find(name)
    if command is None:
        raise LookupError(f"no command /{name} in the table")
    return callback_for(command)


async def other_command(update: Update, context: Context) -> None:
    """Answer a command no handler took: in a private chat, one of the table addressed to
    another bot ("/latest@oldname" after a rename, or copied from a group) runs as if it
    were this bot's, since only this bot reads it there; any other is unknown."""
    message, chat = update.effective_message, update.effective_chat
    if message is not None and chat is not None and chat.type == chat.PRIVATE and message.text:
        first, *args = message.text.split()
        name, at, _ = first.removeprefix("/").partition("@")
        command = find(name.lower()) if at else None
        if command is not None:
            context.args = args
            await callback_for(command)(update, context)
            return
    await reading.unknown_command(update, context)


def private_only(name: str, callback: Callback) -> Callback:
    """Wrap the handler of a command answered only in a private chat: elsewhere the reply
    says to send it to the bot there, naming the bot (its @name opens that chat)."""

    @functools.wraps(callback)
    async def private(update: Update, context: Context) -> None:
        note = ask_in_private(update, context, name)
        if note is None:
            await callback(update, context)
        elif (message := update.effective_message) is not None:
            await message.reply_text(note)

    return private


def without_arguments(callback: Callback) -> Callback:
    """Wrap the handler of a command that takes no arguments: any raise BadArguments."""

    @functools.wraps(callback)
    async def checked(update: Update, context: Context) -> None:
        if context.args:
            raise BadArguments()
        await callback(update, context)

    return checked


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


def bot_commands(tr: Translator, *, admin: bool) -> list[BotCommand]:
    """Return the menu for setMyCommands: public commands, plus admin ones for admins."""
    return [
        BotCommand(c.name, tr.gettext(c.description)) for c in COMMANDS if admin or not c.admin_only
    ]


def help_text(tr: Translator, *, admin: bool) -> str:
    """Return /help as Telegram HTML: every public command, and admin ones for admins."""
    public = [(c.usage(tr), tr.gettext(c.description)) for c in COMMANDS if not c.admin_only]
    restricted = [
        (c.usage(tr), tr.gettext(c.description)) for c in COMMANDS if c.admin_only and admin
    ]
    return replies.help_page(tr, public, restricted)
