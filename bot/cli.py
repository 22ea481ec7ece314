"""The ``newsbot`` command, built here and only here: the group, the pipeline's commands
(``digests.cli.COMMANDS``), and the bot's ``run`` and ``console``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import difflib
import functools
import io
import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.config import SETTINGS_KEYS, ConfigError, Settings, path_setting
from digests import cli as pipeline_cli
from digests.errors import DatabaseFileError, NewsbotError
from digests.store import open_db

if TYPE_CHECKING:
    from dotenv.parser import Binding

_QUIET_LOGGERS = ("httpx", "apscheduler")


class RedactingFormatter(logging.Formatter):
    """Format records with the bot token (which may appear in URLs) replaced."""

    def __init__(self, fmt: str, secret: str | None) -> None:
        super().__init__(fmt)
        self.secret = secret

    def format(self, record: logging.LogRecord) -> str:
        """Format the record, tracebacks included, without the secret."""
        text = super().format(record)
        return text.replace(self.secret, "[token]") if self.secret else text


def configure_logging(settings: Settings, *, console: bool = False) -> None:
    """Log to stderr at LOG_LEVEL, never showing the token; httpx's request lines stay quiet.

    In the console chat only warnings and errors (or everything at DEBUG) share the terminal.
    """
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    formatter = RedactingFormatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s", settings.token
    )
    for handler in root.handlers:
        handler.setFormatter(formatter)
    level = logging.getLevelNamesMapping()[settings.log_level]
    root.setLevel(max(level, logging.WARNING) if console and level > logging.DEBUG else level)
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def _settings(ctx: click.Context, *, console: bool = False) -> Settings:
    """Read the settings (exit 2 with the key named if one is bad); --db wins over DATABASE_PATH.

    The database is opened (and migrated) once here, so that a path where none can be says so.
    """
    try:
        settings = Settings.from_env()
    except ConfigError as error:
        click.echo(f"newsbot: configuration error: {error}", err=True)
        ctx.exit(2)
    db = (ctx.obj or {}).get("db")
    if db:
        settings = dataclasses.replace(settings, database_path=Path(db))
    try:  # a database that cannot be opened stops the bot with one line, as a bad key does
        open_db(settings.database_path).close()
    except NewsbotError as error:
        click.echo(f"newsbot: database error: {error}", err=True)
        ctx.exit(2)
    except sqlite3.OperationalError as error:
        if "disk is full" not in str(error):  # SQLite rolled the migration back
            raise
        click.echo(f"newsbot: database error: {settings.database_path}: {error}", err=True)
        ctx.exit(2)
    configure_logging(settings, console=console)
    return settings


def _console(settings: Settings) -> None:
    from bot.console import run_console

    try:
        asyncio.run(run_console(settings, sys.stdin, sys.stdout))
    except KeyboardInterrupt:
        click.echo("", err=True)
    except DatabaseFileError as error:  # a bot runs on the same database
        click.echo(f"newsbot: database error: {error}", err=True)
        sys.exit(2)
    except sqlite3.OperationalError as error:
        if "disk is full" not in str(error):
            raise
        click.echo(f"newsbot: database error: {settings.database_path}: {error}", err=True)
        sys.exit(2)


@click.command("run")
@click.option("--webhook", is_flag=True, help="Receive updates on WEBHOOK_URL instead of polling.")
@click.pass_context
def run_cmd(ctx: click.Context, webhook: bool) -> None:
    """Run the bot (long polling, or a webhook); with no token, chat with it in the terminal.

    With --webhook it serves WEBHOOK_URL's path, /healthz and /metrics on PORT; polling, it
    serves /healthz and /metrics on METRICS_PORT when that is set.

    Example: TELEGRAM_BOT_TOKEN=123:abc newsbot run
    """
    from bot.app import build_application
    from bot.webhook import serve

    settings = _settings(ctx)
    if settings.token is None:
        click.echo("newsbot: no TELEGRAM_BOT_TOKEN set: starting the console chat.", err=True)
        configure_logging(settings, console=True)
        _console(settings)
        return
    if webhook and settings.webhook_url is None:
        click.echo("newsbot: configuration error: WEBHOOK_URL: needed for --webhook", err=True)
        ctx.exit(2)
    if not webhook and settings.webhook_url is not None:
        # Polling removes the bot's webhook at Telegram: say so rather than leave an admin who
        # set WEBHOOK_URL (and kept the Procfile's `newsbot run`) wondering where it went.
        click.echo(
            "newsbot: WEBHOOK_URL is set, but without --webhook the bot polls "
            "(and removes its webhook at Telegram): use `newsbot run --webhook` to serve it",
            err=True,
        )
    from telegram.error import InvalidToken, TelegramError

    application = build_application(settings)
    try:
        asyncio.run(serve(application, webhook=webhook))
    except DatabaseFileError as error:  # another bot runs on the same database
        click.echo(f"newsbot: database error: {error}", err=True)
        ctx.exit(2)
    except InvalidToken as error:  # its message shows the token: say what it means instead
        cause = _redacted(str(error.__cause__ or "refused"), settings.token)
        click.echo(
            "newsbot: configuration error: TELEGRAM_BOT_TOKEN: the Bot API at "
            f"{settings.api_base_url} refused it ({cause}): copy it again from @BotFather "
            "(and check TELEGRAM_API_BASE_URL)",
            err=True,
        )
        ctx.exit(2)
    except TelegramError as error:  # at start: setWebhook refused the URL, say
        click.echo(
            f"newsbot: Telegram refused to start the bot: {_redacted(str(error), settings.token)}",
            err=True,
        )
        ctx.exit(1)


def _redacted(text: str, secret: str | None) -> str:
    """Return text with the bot token replaced, as the logs show it."""
    return text.replace(secret, "[token]") if secret else text


@click.command("console")
@click.pass_context
def console_cmd(ctx: click.Context) -> None:
    """Chat with the bot in the terminal (no token, no network to Telegram); reads piped input too.

    Example: printf '/latest\\n/help\\n' | newsbot console
    """
    _console(_settings(ctx, console=True))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="DATABASE_PATH",
    default=pipeline_cli.DEFAULT_DB,
    show_default=True,
    help="SQLite database file (env DATABASE_PATH).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log progress and errors.")
@click.pass_context
def newsbot(ctx: click.Context, db_path: str, verbose: bool) -> None:
    """Ingest news feeds, summarise them, read digests, and run the Telegram bot.

    Example: newsbot ingest --seeds && newsbot latest
    """
    ctx.ensure_object(dict)
    _use_db(ctx, None, db_path)
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


def _use_db(ctx: click.Context, _: click.Parameter | None, value: str | None) -> None:
    """Let a command's own --db (``newsbot latest --db PATH``) win over the group's; read it
    as the DATABASE_PATH setting is read (spaces around dropped, ``~`` the home folder)."""
    if value is not None:
        try:
            path = path_setting("DATABASE_PATH", value)
        except ConfigError as error:
            click.echo(f"newsbot: configuration error: {error}", err=True)
            ctx.exit(2)
        ctx.ensure_object(dict)["db"] = str(path or pipeline_cli.DEFAULT_DB)


def _add_db_option(command: click.Command) -> None:
    """Give a command (a group, and each command of it) the group's --db, as README promises:
    ``newsbot sources --db PATH list`` as ``newsbot sources list --db PATH``."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _add_db_option(sub)
    command.params.append(
        click.Option(
            ["--db"],
            metavar="PATH",
            expose_value=False,
            callback=_use_db,
            help="SQLite database file (as newsbot --db PATH).",
        )
    )


for _command in (*pipeline_cli.COMMANDS, run_cmd, console_cmd):
    _add_db_option(_command)
    newsbot.add_command(_command)


@functools.lru_cache(maxsize=4)
def _env_bindings(path: str) -> tuple[Binding, ...] | str:
    """Return a ``.env`` file's lines as python-dotenv parses them, read once a run, or why
    it cannot be read."""
    from dotenv.parser import parse_stream

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return tuple(parse_stream(io.StringIO(text)))


def _env_file_problem(path: str) -> str | None:
    """Say what stops a ``.env`` file being read whole, or return None.

    python-dotenv skips a line it cannot parse with a warning, so a setting with a missing
    quote would be left out and its default used (another database, say): refuse instead.
    """
    bindings = _env_bindings(path)
    if isinstance(bindings, str):
        return bindings
    for binding in bindings:
        if binding.error:
            return (
                f"line {binding.original.line}: cannot be read"
                " (write KEY=value, a value with spaces or # in quotes)"
            )
    return None


def _env_file_typos(path: str) -> list[str]:
    """Return a warning for each key of a ``.env`` file that is no setting but close to one.

    Such a key is a typo that leaves its setting at the default (``TELEGRAM_BOT_TOKN`` starts
    the console chat instead of the bot): say so. A key close to none (a proxy setting for
    httpx, say) is left alone.
    """
    bindings = _env_bindings(path)
    warnings = []
    for binding in () if isinstance(bindings, str) else bindings:
        key = binding.key
        if not key or key in SETTINGS_KEYS:
            continue
        close = difflib.get_close_matches(key.upper(), sorted(SETTINGS_KEYS), n=1, cutoff=0.8)
        if close:
            warnings.append(
                f"newsbot: warning: {path}, line {binding.original.line}: {key} is no setting "
                f"(ignored); did you mean {close[0]}?"
            )
    return warnings


def main() -> None:
    """Run the ``newsbot`` command line, with the working directory's ``.env`` read first.

    The ``.env`` is looked for where the command runs (and in the folders above it), not
    where the package is installed: an installed ``newsbot`` started in the bot's folder
    reads that folder's settings, as README says.
    """
    from dotenv import find_dotenv, load_dotenv

    env_file = find_dotenv(usecwd=True)
    if env_file and (problem := _env_file_problem(env_file)) is not None:
        click.echo(f"newsbot: configuration error: {env_file}, {problem}", err=True)
        sys.exit(2)
    for warning in _env_file_typos(env_file) if env_file else []:
        click.echo(warning, err=True)
    load_dotenv(env_file)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    newsbot(obj={}, prog_name="newsbot")
