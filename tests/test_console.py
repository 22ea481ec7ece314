"""The console chat: readable output, buttons by number, piped input, ``newsbot run`` without token."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from telegram import LinkPreviewOptions

from bot.app import build_application, running
from bot.cli import RedactingFormatter
from bot.config import Settings
from bot.console import CONSOLE_USER, Console, converse, run_console, to_text
from bot.offline import OfflineTelegram
from bot.pacer import Pacer
from bot.state import App
from digests import store
from tests.support import instant_pacer

ROOT = Path(__file__).resolve().parent.parent


def _console_parts(tmp_path: Path) -> tuple[OfflineTelegram, App, io.StringIO]:
    """The offline Telegram with the console's private chat, the bot on it, and an output.

    The bot's pacer waits on a fake clock: these tests are not about Telegram's limits, and one
    reply a second to the console's chat made the language test wait 9 s of its 11 s."""
    offline = OfflineTelegram()
    offline.add_chat(CONSOLE_USER, "private", first_name="You")
    settings = Settings(
        database_path=tmp_path / "console.db", token=offline.token, admin_ids={CONSOLE_USER}
    )
    return offline, build_application(settings, offline, pacer=instant_pacer()), io.StringIO()


def test_html_becomes_readable_text() -> None:
    markup = '<b><a href="https://e.org/x">Title &amp; co</a></b>\nplain &lt;3 <i>it</i>'
    assert to_text(markup) == "Title & co (https://e.org/x)\nplain <3 it"
    assert to_text(markup, ansi=True) == (
        "\x1b[1mTitle & co\x1b[22m (https://e.org/x)\nplain <3 \x1b[3mit\x1b[23m"
    )
    assert to_text('<a href="https://e.org/">https://e.org/</a>') == "https://e.org/"
    assert to_text("😀 <b>wide</b> 😀", ansi=True) == "😀 \x1b[1mwide\x1b[22m 😀"


async def console(tmp_path: Path, text: str) -> str:
    output = io.StringIO()
    settings = Settings(database_path=tmp_path / "console.db")
    await run_console(settings, io.StringIO(text), output)
    return output.getvalue()


async def test_console_answers_each_line_and_lists_buttons(tmp_path: Path) -> None:
    out = await console(tmp_path, "/start\n3\n\n/stats\n/nope\n")
    assert "> /start\nHello! I send news digests." in out
    assert "[1] Latest news  [2] Daily digest  [3] All commands" in out
    assert "> 3\nCommands\n" in out and "Admin commands" in out  # the console user is an admin
    assert "> /stats\nStatistics\nsources: 1" in out
    assert out.rstrip().endswith("I don't know /nope. Send /help for the list of commands.")


async def test_console_replies_at_once_in_order_none_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user types several commands in a row: every one is answered, in the order typed, and
    no reply waits for a flood limit (the console built the real pacer, so each reply to its
    one private chat waited up to a second for Telegram's per-chat limit, with no Telegram)."""
    waits: list[float] = []
    pacer_sleep = Pacer.sleep

    async def recorded(self: Pacer, seconds: float) -> None:
        waits.append(seconds)
        await pacer_sleep(self, seconds)

    monkeypatch.setattr(Pacer, "sleep", recorded)
    typed = ["/start", "/stats", "/help", "/stats", "/nope", "/latest", "/start", "/nada"]
    out = await console(tmp_path, "".join(f"{line}\n" for line in typed))
    answers = {
        "/start": "Hello! I send news digests.",
        "/stats": "Statistics\nsources: 1",
        "/help": "Commands\n",
        "/nope": "I don't know /nope.",
        "/latest": "Latest news\n",
        "/nada": "I don't know /nada.",
    }
    position = 0
    for line in typed:  # each command, then its reply, before the next command
        position = out.index(f"> {line}\n", position)
        reply = out.index(answers[line], position)
        following = out.find("> ", position + 2)
        assert following == -1 or reply < following, line
        position = reply
    assert out.count("> ") == len(typed)
    assert waits == []


async def test_console_ignores_and_keeps_the_bots_flood_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot stopped during a 429 (its hold on every chat, and one on a channel, kept in the
    database for its next start): the console on that database answers at once, with no
    Telegram behind it to ask for a wait, and leaves both holds for the bot's next start."""
    waits: list[float] = []

    async def recorded(self: Pacer, seconds: float) -> None:
        waits.append(seconds)  # before the fix, the console waited out the hour's hold
        raise asyncio.CancelledError

    monkeypatch.setattr(Pacer, "sleep", recorded)
    db = store.open_db(tmp_path / "console.db")
    store.save_flood_hold(db, store.EVERY_CHAT, 3600)
    store.save_flood_hold(db, -100123, 600)
    db.close()
    out = await console(tmp_path, "/help\n/stats\n")
    assert "> /help\nCommands\n" in out and "> /stats\nStatistics\n" in out
    assert waits == []
    db = store.open_db(tmp_path / "console.db")
    assert set(store.flood_holds(db)) == {store.EVERY_CHAT, -100123}


async def test_console_shows_digest_links_as_text(tmp_path: Path) -> None:
    out = await console(tmp_path, "/latest\n/export\n")
    assert (
        "Innovating Responsibly: Telegram CEO Takes Aim at Crime in First Public Statement" in out
    )
    assert "(https://seed.invalid/000_69be0bb2d80f3255)" in out
    assert "<b>" not in out and "&amp;" not in out
    assert "[document: newsbot-sources.opml," in out


async def test_console_shows_pictures_and_documents_in_the_chats_language(
    tmp_path: Path,
) -> None:
    offline, application, output = _console_parts(tmp_path)
    async with running(application):
        console = Console(application, offline, output)
        picture, preview = "https://e.org/photo.jpg", "https://e.org/lead.jpg"
        for language in ("en", "ru", "fa"):
            await console.say(f"/language {language}")
            start = len(output.getvalue())
            await application.bot.send_photo(CONSOLE_USER, picture, caption="Caption")
            await application.bot.send_message(
                CONSOLE_USER,
                "Digest",
                link_preview_options=LinkPreviewOptions(
                    is_disabled=False, url=preview, show_above_text=True
                ),
            )
            await console.say("/export")
            console.show_new()
            shown = output.getvalue()[start:]
            if language == "en":
                assert f"[picture: {picture}]\nCaption" in shown
                assert f"[picture: {preview}]\nDigest" in shown
                assert "[document: newsbot-sources.opml, " in shown and " bytes]" in shown
            else:
                assert "picture" not in shown and "document:" not in shown and "bytes" not in shown
                assert f"{picture}]\nCaption" in shown and f"{preview}]\nDigest" in shown
                assert "newsbot-sources.opml" in shown
        assert "[картинка: https://e.org/photo.jpg]" in output.getvalue()


async def test_console_inline_query_lists_stories_and_shares_one(tmp_path: Path) -> None:
    out = await console(tmp_path, "@bot durov\n1\n@offline_news_bot\n@bot nothingmatches\n")
    title = "Innovating Responsibly: Telegram CEO Takes Aim at Crime in First Public Statement"
    assert (
        f"> @bot durov\nInline results for “durov” (type a number to send one here):\n[1] {title}\n    Seed · "
        in out
    )
    shared = out.split("> 1\n", 1)[1]
    assert shared.startswith(f"You via @offline_news_bot:\n{title} (https://seed.invalid/")
    assert "I answer commands" not in out  # the shared story is not a message to answer
    assert "> @offline_news_bot\nInline results for the latest stories" in out
    assert out.rstrip().endswith("> @bot nothingmatches\n(No stories match “nothingmatches”)")


async def test_a_post_arriving_with_inline_results_keeps_their_numbers(tmp_path: Path) -> None:
    """README: "a number sends that story into the chat". A live post or digest delivered
    while the results were listed (printed after them) took the numbers away: "1" then got
    "I answer commands..."."""
    offline, application, output = _console_parts(tmp_path)
    async with running(application):
        console = Console(application, offline, output)
        await console.say("/help")
        # The sender delivers a post of its own, shown with the next line's answers.
        await application.bot.send_message(CONSOLE_USER, "A live post")
        await console.say("@bot durov")
        shown = output.getvalue().rsplit("Inline results", 1)[1]
        assert "[1] Innovating Responsibly" in shown and "A live post" in shown
        start = len(output.getvalue())
        await console.say("1")
        assert output.getvalue()[start:].startswith("You via @offline_news_bot:\n")


async def test_console_shares_an_inline_result_in_the_chats_language(tmp_path: Path) -> None:
    out = await console(tmp_path, "/language ru\n@bot durov\n1\n")
    shared = out.split("> 1\n", 1)[1]
    assert shared.startswith("Вы через @offline_news_bot:\nInnovating Responsibly")


def _run(
    args: list[str], stdin: str, tmp_path: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    environ.update(DATABASE_PATH=str(tmp_path / "piped.db"), **env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no .env from the repository
        env={**environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )


@pytest.mark.slow
def test_piped_console_prints_both_replies_and_exits(tmp_path: Path) -> None:
    done = _run(["console"], "/latest\n/help\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "> /latest\nLatest news" in done.stdout
    assert "> /help\nCommands" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_run_without_token_is_the_console(tmp_path: Path) -> None:
    done = _run(["run"], "/help\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "no TELEGRAM_BOT_TOKEN" in done.stderr and "> /help\nCommands" in done.stdout


@pytest.mark.slow
def test_bad_settings_exit_2_with_one_line(tmp_path: Path) -> None:
    done = _run(["run"], "", tmp_path, TZ="Mars/Olympus")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "newsbot: configuration error: TZ: unknown time zone 'Mars/Olympus' "
        "(use an IANA name like Europe/Berlin)"
    ]


@pytest.mark.slow
def test_settings_come_from_the_working_directorys_env_file(tmp_path: Path) -> None:
    # README: "Settings come from the environment, or from a `.env` file in the working
    # directory". The file was looked for beside the installed package instead, so an admin's
    # .env next to the bot's data was never read.
    (tmp_path / ".env").write_text("TZ=Mars/Olympus\n")
    done = _run(["run"], "", tmp_path)
    assert done.returncode == 2
    assert "configuration error: TZ: unknown time zone 'Mars/Olympus'" in done.stderr
    # and a variable set in the environment wins over the file, as .env.example says
    done = _run(["console"], "/help\n", tmp_path, TZ="UTC")
    assert done.returncode == 0, done.stderr
    assert "> /help\nCommands" in done.stdout


@pytest.mark.slow
def test_a_line_of_env_that_cannot_be_read_stops_with_its_number(tmp_path: Path) -> None:
    # python-dotenv skipped such a line with a warning, so a DATABASE_PATH with a missing
    # quote opened (and seeded) the default database instead of the admin's.
    (tmp_path / ".env").write_text('LOG_LEVEL=INFO\nDATABASE_PATH="/srv/newsbot.db\n')
    for command in (["console"], ["stats"]):
        done = _run(command, "/help\n", tmp_path)
        assert done.returncode == 2, done.stdout
        assert done.stderr.strip().splitlines() == [
            f"newsbot: configuration error: {tmp_path / '.env'}, line 2: cannot be read"
            " (write KEY=value, a value with spaces or # in quotes)"
        ]
    assert not (tmp_path / "data").exists()


def test_logs_never_show_the_token() -> None:
    token = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_-0123"
    formatter = RedactingFormatter("%(message)s", token)
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{token}/getMe failed")
    except RuntimeError as error:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", (token,), None)
        record.exc_info = (type(error), error, error.__traceback__)
    text = formatter.format(record)
    assert token not in text and "url [token]" in text and "bot[token]/getMe" in text


async def test_console_sets_a_subscriptions_languages(tmp_path: Path) -> None:
    out = await console(
        tmp_path, "/subscribe\n/settings languages ru en\n/settings languages xx\n/story 1\n"
    )
    assert "Languages: Russian, English" in out
    assert (
        "Unknown language: xx. Give ISO 639-1 codes or English names, such as en (English)" in out
    )
    assert "Language: English" in out  # the seed story


async def test_console_first_start_summarises_with_the_chosen_method(tmp_path: Path) -> None:
    """The seeds of a first start are summarised with SUMMARY_METHOD, the method /latest reads:
    with another method chosen, the first /latest showed the seed with no summary."""
    output = io.StringIO()
    settings = Settings(database_path=tmp_path / "console.db", summary_method="textrank")
    await run_console(settings, io.StringIO("/latest\n"), output)
    db = store.open_db(tmp_path / "console.db")
    try:
        (summary,) = db.execute(
            "select summary from summaries where method = 'textrank'"
        ).fetchone()
    finally:
        db.close()
    assert summary and " ".join(summary.split()[:8]) in " ".join(output.getvalue().split())


async def test_the_console_on_a_real_bots_database_leaves_its_subscribers_alone(
    tmp_path: Path,
) -> None:
    """``newsbot console`` on the database of a bot that is not running: the offline Telegram
    knows none of the real chats, so sending their due digest or live posts there failed them
    ("chat not found"), stopped their subscriptions and used up their slots. The console
    delivers only to its own chat, and notices go to its own user only; the real subscribers'
    messages and slots wait for the bot."""
    await console(tmp_path, "/start\n")  # the database exists, seeded
    db = store.open_db(tmp_path / "console.db")
    now = store.utcnow()
    due = (now - timedelta(minutes=30)).strftime("%H:%M")  # missed, within the catch-up grace
    reader = store.save_subscription(db, 555, "private", time=due, timezone="UTC")
    channel = store.save_subscription(db, -100777, "channel", mode="live", title="Paper")
    store.enqueue_digest(db, reader, now - timedelta(hours=1), ["A digest"], cutoff=now)
    before = {r["id"]: dict(r) for r in db.query("select * from subscriptions")}
    db.close()

    out = await console(tmp_path, "/help\n/subscribe\n")
    assert "Commands" in out and "Subscribed" in out  # the console's own chat still works
    db = store.open_db(tmp_path / "console.db")
    try:
        for sub_id in (reader.id, channel.id):
            [row] = db.query("select * from subscriptions where id = ?", [sub_id])
            assert row == before[sub_id]  # active, same slot, same cutoff
        others = db.query("select status from outbox where chat_id in (555, -100777)")
        assert [r["status"] for r in others] == ["pending"]  # the one digest, still waiting
    finally:
        db.close()


async def test_a_post_the_bot_sends_on_its_own_is_printed_when_it_arrives(tmp_path: Path) -> None:
    """Digests and live posts were printed only after the next line was typed: the console sat
    on them while it waited for input. Now they come out while it waits."""
    offline, application, output = _console_parts(tmp_path)
    read_end, write_end = os.pipe()
    typed = os.fdopen(read_end, encoding="utf-8")  # a pipe: lines come as they are typed
    keys = os.fdopen(write_end, "w", encoding="utf-8")
    with typed, keys:
        async with running(application):
            console = Console(application, offline, output)
            chatting = asyncio.create_task(converse(console, typed, interactive=False))
            keys.write("/help\n")
            keys.flush()
            assert await _printed(output, "Commands")
            # The sender delivers a post of its own while the console waits for the next line.
            await application.bot.send_message(CONSOLE_USER, "A live post")
            assert await _printed(output, "A live post")  # no line typed since
            assert output.getvalue().count("A live post") == 1
            keys.close()  # the input ends: the console stops
            await chatting
    assert output.getvalue().count("A live post") == 1  # printed once, not again at the end


async def _printed(output: io.StringIO, text: str) -> bool:
    """Return whether text is printed within ten seconds (the console prints it in well under
    one; the wait only bounds a failing test)."""
    for _ in range(200):
        if text in output.getvalue():
            return True
        await asyncio.sleep(0.05)
    return False
