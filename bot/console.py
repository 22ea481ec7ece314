"""Chat with the bot in a terminal: the real application over the offline Telegram.

Each line typed becomes a message from the console user (an admin, in a private chat); the
bot's replies are printed as text, and inline buttons as numbers to type. Piped input works
too: the console answers each line, then exits at the end of the input.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import html
import threading
from typing import TextIO

from telegram import Update

from bot import telegram_html
from bot.app import build_application, running
from bot.config import Settings
from bot.offline import OfflineTelegram, SentMessage
from bot.state import App

CONSOLE_USER = 777_000_001
CONSOLE_NAME = "You"
_BOLD = ("\x1b[1m", "\x1b[22m")
_ITALIC = ("\x1b[3m", "\x1b[23m")
_UNDERLINE = ("\x1b[4m", "\x1b[24m")


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


class Console:
    """The chat between the console user and the application, printed to a stream."""

    def __init__(self, application: App, offline: OfflineTelegram, output: TextIO) -> None:
        self.application = application
        self.offline = offline
        self.output = output
        self.ansi = output.isatty()
        self.buttons: list[tuple[str, str, SentMessage]] = []
        self._shown: dict[tuple[int, int], int] = {}  # message -> edits shown
        self._answers_shown = 0

    async def say(self, line: str) -> None:
        """Send a line as the user (or press a listed button) and print the bot's replies."""
        text = line.strip()
        if not text:
            return
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            _, data, message = self.buttons[int(text) - 1]
            self.offline.callback_query(data, message=message, user_id=CONSOLE_USER)
        else:
            self.offline.user_message(
                text, user_id=CONSOLE_USER, first_name=CONSOLE_NAME, username=None
            )
        while self.offline.pending_updates:
            body = self.offline.next_update_dict()
            await self.application.process_update(Update.de_json(body, self.application.bot))
        self.show_new()

    def show_new(self) -> None:
        """Print messages sent or edited since the last call, then the buttons to choose from."""
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
            self.buttons = []
            for message in with_buttons:
                assert message.reply_markup is not None
                for row in message.reply_markup["inline_keyboard"]:
                    for button in row:
                        if "callback_data" in button:
                            self.buttons.append((button["text"], button["callback_data"], message))
            choices = "  ".join(f"[{n}] {label}" for n, (label, _, _) in enumerate(self.buttons, 1))
            self.output.write(f"{choices}\n\n")
        elif fresh:
            self.buttons = []
        self.output.flush()

    def _print(self, message: SentMessage, *, edited: bool) -> None:
        if message.document is not None:
            size = len(message.document.data)
            self.output.write(f"[document: {message.document.file_name}, {size:,} bytes]\n")
            if message.caption:
                self.output.write(self._render(message.caption, message.parse_mode) + "\n")
            self.output.write("\n")
            return
        if message.text is None:
            return
        prefix = "(edited) " if edited else ""
        self.output.write(prefix + self._render(message.text, message.parse_mode) + "\n\n")

    def _render(self, text: str, parse_mode: str | None) -> str:
        if parse_mode is None or parse_mode.lower() != "html":
            return text
        return to_text(text, ansi=self.ansi)


async def run_console(settings: Settings, input_stream: TextIO, output_stream: TextIO) -> None:
    """Chat with the bot over stdin and stdout (or any text streams) until the input ends."""
    offline = OfflineTelegram()
    offline.add_chat(CONSOLE_USER, "private", first_name=CONSOLE_NAME)
    console_settings = dataclasses.replace(
        settings, token=offline.token, admin_ids=settings.admin_ids | {CONSOLE_USER}
    )
    application = build_application(console_settings, offline)
    interactive = input_stream.isatty()
    async with running(application):
        console = Console(application, offline, output_stream)
        if interactive:
            output_stream.write(
                "newsbot console: chat with the bot here. Try /latest or /help; "
                "type a number to press a button; Ctrl-D quits.\n\n"
            )
        lines = _read_lines(input_stream)
        while True:
            if interactive:
                output_stream.write("> ")
                output_stream.flush()
            line = await lines.get()
            if not line:
                break
            if not interactive and line.strip():
                output_stream.write(f"> {line.strip()}\n")
            await console.say(line)
        if interactive:
            output_stream.write("\n")


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
