"""The pipeline's errors in the chat's language: English templates with values, translated by
the bot; English text for logs, the CLI and the database; stored messages for source health.
"""

from __future__ import annotations

import ast
import logging
import pickle
import re
import socket
import sqlite3
import string
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot import replies
from bot.i18n import translator
from digests import errors, store
from digests.errors import FetchError, NewsbotError, RateLimited
from digests.message import N_, Message
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server  # the fixture
from tests.test_bot import ADMIN, Bot, rss, texts
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture
from tests.test_chat_language import say

DIGESTS = Path(__file__).resolve().parent.parent / "digests"
TIMED_OUT = Message(N_("timed out after {seconds} s"), {"seconds": 10.0})
# Errors only ever seen at the command line: their text is English only.
ENGLISH_ONLY = {"SeedError", "BackupError", "DatabaseFileError"}
# Keyword arguments of errors that are not values of the message.
NOT_VALUES = {"retry_after", "fresh_for", "feeds", "moved_to", "cause"}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_a_message_reads_as_english_and_keeps_its_values_through_the_store() -> None:
    paused = Message(
        N_("paused after {count} consecutive errors; last: {error}"),
        {"count": 1234, "error": TIMED_OUT},
    )
    waited = Message(
        N_("{status}: the server asks to wait {wait}"),
        {"status": "HTTP 429 Too Many Requests", "wait": timedelta(minutes=2)},
    )
    assert str(paused) == "paused after 1,234 consecutive errors; last: timed out after 10 s"
    assert str(waited) == "HTTP 429 Too Many Requests: the server asks to wait 2 min"
    assert str(Message("a {brace} kept as it is")) == "a {brace} kept as it is"
    for message in (paused, waited, Message("x {y}", {"y": "{z}"}), Message("")):
        assert Message.from_json(message.to_json()) == message
    for broken in (None, "", "not json", "[]", '{"template": "x"}', '{"values": {}}'):
        assert Message.from_json(broken) is None, broken
    # A stored message that does not fit its template still shows, never fails the reply.
    unfit = Message.from_json('{"template": "cannot resolve {host}: {detail}", "values": {"x": 1}}')
    assert unfit is not None and str(unfit) == "cannot resolve {host}: {detail}"
    assert translator("de").message(unfit) == "{host} kann nicht aufgelöst werden: {detail}"
    assert str(Message("{0} {x.y}", {"x": "z"})) == "{0} {x.y}"


def test_an_error_is_its_english_line_and_carries_its_message_across_processes() -> None:
    error = RateLimited(
        N_("{status}: the server asks to wait {wait}"),
        retry_after=90.0,
        status="HTTP 503 Service Unavailable",
        wait=timedelta(seconds=90),
    )
    assert str(error) == "HTTP 503 Service Unavailable: the server asks to wait 2 min"
    back = pickle.loads(pickle.dumps(error))  # parse workers send errors back pickled
    assert (str(back), back.message, back.retry_after) == (str(error), error.message, 90.0)
    assert errors.ParseError("plain").message == Message("plain")


def _error_classes() -> set[str]:
    return {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, NewsbotError)
    }


def _is_text(node: ast.expr) -> bool:
    """Return True for a string written in the code, marked with N_ or not."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_":
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_every_pipeline_error_is_raised_with_a_marked_template_and_its_values() -> None:
    """An f-string would reach the chat untranslated, and a missing value would raise."""
    classes = _error_classes() - ENGLISH_ONLY | {"Message"}
    checked = 0
    for path in sorted(DIGESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in classes):
                continue
            message = getattr(node.func, "id", None) == "Message"
            if message and not (node.args and _is_text(node.args[0])):
                continue  # a message made of another one's parts, not a new text
            where = f"{path.name}:{node.lineno}"
            assert node.args, where
            first = node.args[0]
            if isinstance(first, ast.Call) and getattr(first.func, "id", None) == "N_":
                template = first.args[0]
            else:  # a template of values only ("{status}"): nothing in it to translate
                template = first
            assert isinstance(template, ast.Constant) and isinstance(template.value, str), where
            fields = {f for _, f, _, _ in string.Formatter().parse(template.value) if f}
            if template is first:
                assert not any(c.isalpha() for c in _PLACEHOLDER.sub("", template.value)), where
            given = {k.arg for k in node.keywords if k.arg not in NOT_VALUES}
            if message and len(node.args) > 1:
                values = node.args[1]
                assert isinstance(values, ast.Dict), where
                given = {k.value for k in values.keys if isinstance(k, ast.Constant)}
            assert fields == given, f"{where}: placeholders {fields}, values {given}"
            checked += 1
    assert checked >= 40


async def test_addsource_counts_agree_with_their_words_in_french_and_spanish(
    bot: Bot, feed_server: FeedServer
) -> None:
    # One article saved, none known, one summarised: no "1 résumés", no "0 ya conocidos".
    url = feed_server.add("/feed.xml", rss(1))
    reply = texts(await say(bot, f"/addsource {url}", ADMIN, "fr"))
    assert "1 nouvel article enregistré (déjà connus\u00a0: 0)\u202f; résumés\u00a0: 1." in reply
    store.remove_source(bot.db, 2)
    reply = texts(await say(bot, f"/addsource {url}", ADMIN, "es"))
    assert "(ya conocidos: 1); resumidos: 0." in reply


async def test_addsource_of_an_html_page_answers_in_russian(
    bot: Bot, feed_server: FeedServer
) -> None:
    page = feed_server.add("/page.html", "<html><body>hi</body></html>", content_type="text/html")
    reply = texts(await say(bot, f"/addsource {page}", ADMIN, "ru"))
    assert reply == f"Не удаётся добавить {page}: это HTML-страница, а не лента"
    assert texts(await say(bot, "/removesource 99", ADMIN, "ru")) == "Нет такого источника: 99"
    assert store.count(bot.db, "sources") == 1


async def test_network_failures_answer_in_the_chat_language_and_log_the_system_words(
    bot: Bot, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    """The operating system's English ("Connect call failed", "Name or service not known")
    reached every chat; it is kept for the logs."""
    caplog.set_level(logging.INFO)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/feed.xml"
    reply = texts(await say(bot, f"/addsource {closed}", ADMIN, "ru"))
    assert (
        reply
        == f"Не удаётся добавить {closed}: не удаётся подключиться: сервер отклонил соединение"
    )
    assert "Connect call failed" in caplog.text or "Connection refused" in caplog.text
    missing = feed_server.add("/gone.xml", "no", status=404, content_type="text/plain")
    reply = texts(await say(bot, f"/addsource {missing}", ADMIN, "uk"))
    assert reply.endswith("HTTP 404: сторінку не знайдено"), reply
    tls = feed_server.url("/feed.xml").replace("http://", "https://")
    reply = texts(await say(bot, f"/addsource {tls}", ADMIN, "de"))
    assert reply.endswith("Die sichere Verbindung (TLS) ist gescheitert"), reply
    assert store.count(bot.db, "sources") == 1


async def test_a_failing_source_shows_its_fetch_error_in_german(
    bot: Bot, feed_server: FeedServer
) -> None:
    # Declares more than the 5 MB limit: refused before the body is read.
    big = feed_server.add("/big.xml", b"<rss/>", headers={"Content-Length": "6000000"})
    source = store.add_source(bot.db, big, title="Gazette")
    report = texts(await say(bot, "/ingest", ADMIN, "de"))
    assert "Gazette: fehlgeschlagen: zu groß: 6.000.000 Bytes (Grenze 5.000.000)" in report
    stored = store.get_source(bot.db, source.id)
    assert stored.last_error == "too large: 6,000,000 bytes (limit 5,000,000)"  # English, as before
    health = texts(await say(bot, "/stats", ADMIN, "de"))
    # Never fetched well: "no success since" the time it was added read as a success then.
    assert "Gazette — 1 Fehler in Folge, nie erfolgreich (hinzugefügt " in health
    assert "kein Erfolg seit" not in health
    assert " UTC): zu groß: 6.000.000 Bytes (Grenze 5.000.000)" in health
    assert "Quelle 2 pausiert" in texts(await say(bot, "/pausesource 2", ADMIN, "de"))
    health = texts(await say(bot, "/stats", ADMIN, "de"))
    assert "Gazette — pausiert, nie erfolgreich (hinzugefügt " in health
    assert " UTC): von einem Admin pausiert" in health


def test_a_source_paused_after_failures_says_why_in_each_language() -> None:
    db = store.open_db(":memory:")
    source = store.add_source(db, "https://gazette.example/rss", title="Gazette")
    error = FetchError(N_("timed out after {seconds} s"), seconds=20.0)
    for _ in range(store.AUTO_PAUSE_AFTER):
        source = store.record_failure(db, source, error.message)
    assert source.paused
    assert source.pause_reason == "paused after 8 consecutive errors; last: timed out after 20 s"
    detail = replies.source_pause_detail(translator("ru"), source)
    assert detail == (
        "приостановлен после серии ошибок (8 подряд); последняя: время ожидания истекло через 20 с"
    )
    fa = replies.source_pause_detail(translator("fa"), source)
    assert "پس از" in fa and "timed out" not in fa


def test_errors_stored_before_messages_show_their_english_text_translated_when_known(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(str(path)))
    store.migrations.apply(old, stop_before="020_source_messages")
    for n, error in enumerate(("too many redirects", "HTTP 500 Internal Server Error"), 1):
        old.table("sources").insert(
            {
                "url": f"https://s{n}.example/rss",
                "kind": "feed",
                "title": f"S{n}",
                "poll_interval": 900,
                "consecutive_errors": 2,
                "last_error": error,
            }
        )
    old.conn.commit()
    old.close()
    db = store.open_db(path)
    sources = store.list_sources(db)
    assert [s.error_message for s in sources] == [None, None]
    unwell = store.sources_needing_attention(db, now=store.utcnow())
    [page] = replies.statistics(translator("de"), {}, unwell, store.utcnow())
    # Never fetched well, and added before the time was kept: "nie erfolgreich", no time.
    assert "2 Fehler in Folge, nie erfolgreich: zu viele Weiterleitungen" in page
    assert "2 Fehler in Folge, nie erfolgreich: HTTP 500: interner Serverfehler" in page


@pytest.mark.parametrize("language", ["ru", "uk", "de", "fr", "es", "fa", "pl", "ar"])
def test_numbers_and_waits_in_errors_follow_the_language(language: str) -> None:
    tr = translator(language)
    waited = Message(
        N_("{status}: the server asks to wait {wait}"),
        {"status": "HTTP 429 Too Many Requests", "wait": timedelta(hours=2)},
    )
    too_large = Message(N_("too large: over {limit} bytes"), {"limit": 5_000_000})
    assert tr.duration(timedelta(hours=2)) in tr.message(waited)
    assert "HTTP 429 Too Many Requests" in tr.message(waited)
    assert tr.number(5_000_000) in tr.message(too_large)
    assert "the server asks" not in tr.message(waited)
