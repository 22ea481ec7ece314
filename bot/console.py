"""Chat with the bot in a terminal: the real application over the offline Telegram.

Each line typed becomes a message from the console user (an admin, in a private chat); the
bot's replies are printed as text, and inline buttons as numbers to type. A line
"@bot words" (or "@<botname> words") is an inline query, as typed in any Telegram chat: its
results are listed as numbers too, and choosing one sends that story into the chat, via the
bot. Piped input works too: the console answers each line, then exits at the end of the input.
What the bot sends on its own (a digest, a live post) is printed when it arrives, while the
console waits for a line.
Pictures show as "[picture: URL]": a photo post's, above its caption, and a message's large
link preview (a digest's lead picture), above or below its text as Telegram would place it.
The console's own words are in the console chat's language, as the bot's (``/language ru``).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from telegram import Update

from bot import telegram_html
from bot.app import build_application, running
from bot.config import Settings
from bot.i18n import Translator
from bot.offline import InlineAnswer, OfflineTelegram, SentMessage
from bot.pacer import Pacer
from bot.state import App

CONSOLE_USER = 777_000_001
CONSOLE_NAME = "You"
_BOLD = ("\x1b[1m", "\x1b[22m")
_ITALIC = ("\x1b[3m", "\x1b[23m")
_UNDERLINE = ("\x1b[4m", "\x1b[24m")
# The console's pacer allows this many messages a second: one every nanosecond, within the
# pacer's float noise, so no send ever waits for the overall budget.
_TERMINAL_RATE = 1e9


@dataclass(frozen=True, slots=True)
class _Choice:
    """Something the user picks by typing its number: a button, an inline result, a page."""

    label: str
    act: Callable[[], object]


def to_text(markup: str, *, ansi: bool = False) -> str:
    """Return Telegram HTML as readable text: links as "text (url)", bold in ANSI if asked."""
    try:
        parsed = telegram_html.parse(markup)
    except telegram_html.TelegramHTMLError:
        return html.unescape(markup)
    units = parsed.text.encode("utf-16-le")
    marks: list[tuple[int, int, int, str]] = []
    ordered = sorted(parsed.entities, key=lambda e: (e.offset, -e.length))
    for index, entity in enumerate(ordered):
        start, end = entity.offset, entity.offset + entity.length
        opening, closing = "", ""
        if entity.type == "text_link" and entity.url:
            shown = units[2 * start : 2 * end].decode("utf-16-le")
            closing = "" if shown.strip() == entity.url else f" ({entity.url})"
        elif ansi and entity.type == "bold":
            opening, closing = _BOLD
        elif ansi and entity.type == "italic":
            opening, closing = _ITALIC
        elif ansi and entity.type == "underline":
            opening, closing = _UNDERLINE
        if opening:
            marks.append((start, 1, index, opening))
        if closing:
            # At one position closings come before openings, inner closings first.
            marks.append((end, 0, -index, closing))
    out: list[str] = []
    position = 0
    for at, _, _, mark in sorted(marks):
        out.append(units[2 * position : 2 * at].decode("utf-16-le"))
        out.append(mark)
        position = at
    out.append(units[2 * position :].decode("utf-16-le"))
    return "".join(out)


def picture_line(tr: Translator, url: str) -> str:
    """Return how the console shows a picture: "[picture: URL]", in the chat's language."""
    # TRANSLATORS: how the terminal chat shows a picture it cannot draw; keep the brackets.
    return "[" + tr.gettext("picture: {url}", url=url) + "]"


def document_line(tr: Translator, name: str, size: int) -> str:
    """Return how the console shows a document: "[document: NAME, SIZE bytes]"."""
    # TRANSLATORS: how the terminal chat shows a file the bot sent; keep the brackets.
    label = tr.ngettext(
        "document: {name}, {size} byte",
        "document: {name}, {size} bytes",
        size,
        name=name,
        size=tr.number(size),
    )
    return f"[{label}]"


class Console:
    """The chat between the console user and the application, printed to a stream."""

    def __init__(self, application: App, offline: OfflineTelegram, output: TextIO) -> None:
        self.application = application
        self.offline = offline
        self.output = output
        self.ansi = output.isatty()
        self.choices: list[_Choice] = []
        self._shown: dict[tuple[int, int], int] = {}  # message -> edits shown
        self._answers_shown = 0
        self._inline_asked: str | None = None  # the inline query waiting to be shown
        name = re.escape(str(offline.bot_user["username"]))
        self._inline_re = re.compile(rf"@(?:bot|{name})(?:\s+(.*))?", re.IGNORECASE | re.DOTALL)

    @property
    def tr(self) -> Translator:
        """Return the console chat's translator (it changes with /language)."""
        return self.application.bot_data.translator(CONSOLE_USER)

    async def say(self, line: str) -> None:
        """Send a line as the user (or choose a listed number) and print what comes back."""
        text = line.strip()
        if not text:
            return
        inline = self._inline_re.fullmatch(text)
        if text.isdecimal() and 1 <= int(text) <= len(self.choices):
            self.choices[int(text) - 1].act()
        elif inline is not None:
            self._ask_inline(inline[1] or "")
        else:
            self.offline.user_message(
                text, user_id=CONSOLE_USER, first_name=CONSOLE_NAME, username=None
            )
        while self.offline.pending_updates:
            body = self.offline.next_update_dict()
            await self.application.process_update(Update.de_json(body, self.application.bot))
        asked, self._inline_asked = self._inline_asked, None
        if asked is not None:
            self._show_inline(self.offline.inline_answers.get(asked))
        # A post the sender delivered meanwhile (a digest, a live post) keeps the results' numbers.
        self.show_new(keep_choices=asked is not None)

    def _ask_inline(self, words: str, offset: str = "") -> None:
        update = self.offline.inline_query(
            words, user_id=CONSOLE_USER, offset=offset, first_name=CONSOLE_NAME, username=None
        )
        self._inline_asked = update["inline_query"]["id"]

    def _show_inline(self, answer: InlineAnswer | None) -> None:
        """Print an inline query's results, numbered; choosing one shares it in this chat."""
        tr = self.tr
        if answer is None:
            no_answer = tr.gettext("no answer to the inline query")
            self.output.write(f"({no_answer})\n\n")
            return
        if not answer.results:
            label = (answer.button or {}).get("text") or tr.gettext("No results")
            self.output.write(f"({label})\n\n")
            self.choices = []
            return
        if answer.query:
            heading = tr.gettext(
                "Inline results for “{words}” (type a number to send one here):",
                words=answer.query,
            )
        else:
            heading = tr.gettext(
                "Inline results for the latest stories (type a number to send one here):"
            )
        lines = [heading]
        self.choices = []
        for result in answer.results:
            number = len(self.choices) + 1
            lines.append(f"[{number}] {result['title']}")
            if description := result.get("description"):
                lines.append(f"    {description}")
            share = functools.partial(self._share, answer, result["id"])
            self.choices.append(_Choice(result["title"], share))
        if answer.next_offset:
            label = tr.gettext("More results")
            lines.append(f"[{len(self.choices) + 1}] {label}")
            more = functools.partial(self._ask_inline, answer.query, answer.next_offset)
            self.choices.append(_Choice(label, more))
        self.output.write("\n".join(lines) + "\n\n")

    def _share(self, answer: InlineAnswer, result_id: str) -> None:
        """Send an inline result into the console chat, as the user, and print it."""
        message = self.offline.choose_inline_result(
            result_id, query_id=answer.query_id, chat_id=CONSOLE_USER
        )
        # TRANSLATORS: above a story shared by an inline query, as Telegram marks one.
        shared = self.tr.gettext("You via @{bot}:", bot=self.offline.bot_user["username"])
        self.output.write(f"{shared}\n")
        self._print(message, edited=False)

    def unseen(self) -> bool:
        """Return whether the bot sent or edited a message in the chat not printed yet."""
        return any(
            not message.deleted
            and self._shown.get((message.chat_id, message.message_id)) != len(message.history)
            for message in self.offline.sent(CONSOLE_USER)
        )

    def show_new(self, *, keep_choices: bool = False) -> None:
        """Print messages sent or edited since the last call, then the buttons to choose from
        (``keep_choices``: the numbers just listed stay, unless a message brings buttons)."""
        fresh: list[SentMessage] = []
        for message in self.offline.sent(CONSOLE_USER):
            key = (message.chat_id, message.message_id)
            if message.deleted or self._shown.get(key) == len(message.history):
                continue
            edited = key in self._shown
            self._shown[key] = len(message.history)
            self._print(message, edited=edited)
            fresh.append(message)
        answers = list(self.offline.callback_answers.values())
        for answer in answers[self._answers_shown :]:
            if answer.get("text"):
                self.output.write(f"({answer['text']})\n\n")
        self._answers_shown = len(answers)
        with_buttons = [m for m in fresh if m.reply_markup and "inline_keyboard" in m.reply_markup]
        if with_buttons:
            self.choices = []
            for message in with_buttons:
                assert message.reply_markup is not None
                for row in message.reply_markup["inline_keyboard"]:
                    for button in row:
                        if "callback_data" in button:
                            press = functools.partial(
                                self.offline.callback_query,
                                button["callback_data"],
                                message=message,
                                user_id=CONSOLE_USER,
                            )
                            self.choices.append(_Choice(button["text"], press))
            listed = "  ".join(f"[{n}] {c.label}" for n, c in enumerate(self.choices, 1))
            self.output.write(f"{listed}\n\n")
        elif fresh and not keep_choices:
            self.choices = []
        self.output.flush()

    def _print(self, message: SentMessage, *, edited: bool) -> None:
        prefix = "(" + self.tr.gettext("edited") + ") " if edited else ""
        if message.document is not None:
            name, size = message.document.file_name, len(message.document.data)
            self.output.write(document_line(self.tr, name, size) + "\n")
            if message.caption:
                self.output.write(self._render(message.caption, message.parse_mode) + "\n")
            self.output.write("\n")
            return
        if message.photo is not None:
            self.output.write(f"{prefix}{picture_line(self.tr, message.photo)}\n")
            if message.caption:
                self.output.write(self._render(message.caption, message.parse_mode) + "\n")
            self.output.write("\n")
            return
        if message.text is None:
            return
        text = prefix + self._render(message.text, message.parse_mode)
        options = message.link_preview_options or {}
        url = options.get("url")
        if url and not options.get("is_disabled"):
            picture = picture_line(self.tr, str(url))
            text = f"{picture}\n{text}" if options.get("show_above_text") else f"{text}\n{picture}"
        self.output.write(text + "\n\n")

    def _render(self, text: str, parse_mode: str | None) -> str:
        if parse_mode is None or parse_mode.lower() != "html":
            return text
        return to_text(text, ansi=self.ansi)


def console_pacer() -> Pacer:
    """Return the console's pacer: no Telegram behind it, so no flood limit to keep.

    The application still paces every reply and delivery through one, but a terminal has
    no per-chat limit (one message a second to a private chat, Telegram's) and no overall
    one: each reply comes at once, as the bot sends it.
    """
    return Pacer(
        per_second=_TERMINAL_RATE,
        requests_per_second=_TERMINAL_RATE,
        private_interval=0.0,
        group_interval=0.0,
    )


async def run_console(settings: Settings, input_stream: TextIO, output_stream: TextIO) -> None:
    """Chat with the bot over stdin and stdout (or any text streams) until the input ends."""
    offline = OfflineTelegram()
    offline.add_chat(CONSOLE_USER, "private", first_name=CONSOLE_NAME)
    # The console's user is its only admin and its only chat: on a real bot's database, the
    # bot's admins get no notices from here, and its subscribers no digest, live post or
    # failure (the offline Telegram knows none of their chats).
    console_settings = dataclasses.replace(
        settings, token=offline.token, admin_ids=frozenset({CONSOLE_USER})
    )
    application = build_application(console_settings, offline, pacer=console_pacer())
    application.bot_data.delivery_chats = frozenset({CONSOLE_USER})
    application.bot_data.flood_holds = False  # the real bot's 429s: not the terminal's
    interactive = input_stream.isatty()
    async with running(application):
        console = Console(application, offline, output_stream)
        if interactive:
            intro = console.tr.gettext(
                "newsbot console: chat with the bot here. Try /latest or /help; "
                "type a number to press a button; @bot words shares a story (inline mode); "
                "/language changes the language; Ctrl-D quits."
            )
            output_stream.write(f"{intro}\n\n")
        await converse(console, input_stream, interactive=interactive)
        if interactive:
            output_stream.write("\n")


# How often the console looks for posts the bot sent on its own while it waits for a line.
_POLL_SECONDS = 0.25


async def converse(console: Console, input_stream: TextIO, *, interactive: bool) -> None:
    """Answer each line of the input until it ends; while waiting for a line, print what the
    bot sends on its own (a digest, a live post, a notice) as it arrives, not after the next
    line (then, in a terminal, the prompt again)."""
    output = console.output
    lines = _read_lines(input_stream)
    while True:
        if interactive:
            output.write("> ")
            output.flush()
        line = await _next_line(console, lines, interactive=interactive)
        if not line:
            break
        if not interactive and line.strip():
            output.write(f"> {line.strip()}\n")
        await console.say(line)


async def _next_line(console: Console, lines: asyncio.Queue[str], *, interactive: bool) -> str:
    """Return the next line typed ("" at the end), printing the bot's posts meanwhile."""
    reading = asyncio.ensure_future(lines.get())
    try:
        while True:
            done, _ = await asyncio.wait({reading}, timeout=_POLL_SECONDS)
            if done:
                return reading.result()
            if console.unseen():
                if interactive:
                    console.output.write("\n")  # the prompt's line ends; the post comes below
                console.show_new(keep_choices=True)
                if interactive:
                    console.output.write("> ")
                    console.output.flush()
    finally:
        reading.cancel()


def _read_lines(stream: TextIO) -> asyncio.Queue[str]:
    """Return a queue of the stream's lines ("" at the end), read by a daemon thread.

    A thread keeps the loop (and the scheduled jobs) running while the user types; a daemon
    one does not keep the process alive after Ctrl-C, as a blocked executor thread would.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    def pump() -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed first: nobody is listening
            for line in iter(stream.readline, ""):
                loop.call_soon_threadsafe(queue.put_nowait, line)
            loop.call_soon_threadsafe(queue.put_nowait, "")

    threading.Thread(target=pump, name="console-input", daemon=True).start()
    return queue
