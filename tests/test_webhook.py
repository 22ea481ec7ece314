"""The bot's web server on 127.0.0.1: a webhook no one can forge, run through the real
Application and the offline Telegram; the webhook's and the metrics server's settings.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram import Update

import bot.app
import bot.webhook
from bot.app import build_application
from bot.config import ConfigError, Settings
from bot.offline import Failure, OfflineTelegram, bad_request, server_error
from bot.state import App
from bot.webhook import (
    MAX_UPDATE_BYTES,
    SECRET_HEADER,
    RecentUpdates,
    Serving,
    new_secret,
    secret_matches,
    serve,
    serving,
)
from tests.conftest import PROJECT_VARIABLES
from tests.support import instant_pacer

ADMIN = 4242
HOOK = "https://bot.example.org/telegram/hook"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        token="123:ABC",
        admin_ids=frozenset({ADMIN}),
        database_path=tmp_path / "bot.db",
        webhook_url=HOOK,
    )


@pytest.fixture
def offline() -> OfflineTelegram:
    server = OfflineTelegram(max_long_poll=0.05)
    server.add_chat(ADMIN, "private", first_name="Admin")
    return server


@pytest.fixture
async def webhook_bot(
    settings: Settings, offline: OfflineTelegram
) -> AsyncIterator[tuple[App, Serving]]:
    app = build_application(settings, offline, workers=1, pacer=instant_pacer())
    async with serving(app, webhook=True, host="127.0.0.1", port=0) as served:
        yield app, served


def forged_stats(offline: OfflineTelegram) -> dict[str, Any]:
    """Return an update as Telegram would post it: /stats from the admin's own user id."""
    offline.user_message("/stats", user_id=ADMIN)
    return offline.next_update_dict()


def refused(app: App) -> float | None:
    return app.bot_data.metrics.registry.get_sample_value("newsbot_webhook_refused_total")


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Wait for something the application does in its own tasks (not a timing check)."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the application did not get there")


async def test_a_forged_admin_update_is_refused_and_the_real_one_processed(
    webhook_bot: tuple[App, Serving], offline: OfflineTelegram
) -> None:
    app, served = webhook_bot
    assert served.secret is not None and served.port
    hook = f"http://127.0.0.1:{served.port}/telegram/hook"
    update = forged_stats(offline)
    wrong = [
        {},  # no header: what PTB's own server let through when WEBHOOK_SECRET was empty
        {SECRET_HEADER: ""},
        {SECRET_HEADER: "guess"},
        {SECRET_HEADER: served.secret[:-1]},  # all but the last character right
        {SECRET_HEADER: served.secret + "x"},
        {SECRET_HEADER.lower(): served.secret.upper()},
        {SECRET_HEADER: served.secret[:-1].encode() + "é".encode()},  # not even ASCII
    ]
    async with httpx.AsyncClient() as client:
        for headers in wrong:
            answer = await client.post(hook, json=update, headers=headers)
            assert answer.status_code == 403, headers
        assert app.update_queue.qsize() == 0
        assert offline.sent(ADMIN) == []
        assert refused(app) == len(wrong)

        answer = await client.post(hook, json=update, headers={SECRET_HEADER: served.secret})
        assert answer.status_code == 200
        await until(lambda: bool(offline.sent(ADMIN)))
    [reply] = offline.sent(ADMIN)
    assert reply.plain_text.startswith("Statistics")
    assert app.bot_data.metrics.registry.get_sample_value("newsbot_webhook_updates_total") == 1


async def test_an_update_telegram_delivers_again_is_processed_once(
    webhook_bot: tuple[App, Serving], offline: OfflineTelegram
) -> None:
    """Telegram repeats a webhook request it got no 2xx answer for (its connection dropped
    after the update was queued, or the answer came too late): the same update_id arrives
    again. It is answered 200 and not processed twice (a second reply, a second /subscribe)."""
    app, served = webhook_bot
    assert served.secret is not None and served.port
    hook = f"http://127.0.0.1:{served.port}/telegram/hook"
    headers = {SECRET_HEADER: served.secret}
    offline.user_message("/help", user_id=ADMIN)
    first = offline.next_update_dict()
    offline.user_message("/start", user_id=ADMIN)
    second = offline.next_update_dict()
    async with httpx.AsyncClient() as client:
        for update in (first, first, second, first):
            answer = await client.post(hook, json=update, headers=headers)
            assert answer.status_code == 200
        await until(lambda: len(offline.sent(ADMIN)) >= 2)
        await asyncio.sleep(0.2)  # room for a wrong third reply
    assert len(offline.sent(ADMIN)) == 2
    assert app.bot_data.metrics.registry.get_sample_value("newsbot_webhook_updates_total") == 2


async def test_bodies_that_are_not_updates_and_other_methods_are_refused(
    webhook_bot: tuple[App, Serving], offline: OfflineTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    app, served = webhook_bot
    assert served.secret is not None
    hook = f"http://127.0.0.1:{served.port}/telegram/hook"
    right = {SECRET_HEADER: served.secret}
    async with httpx.AsyncClient() as client:
        assert (await client.post(hook, content=b"{not json", headers=right)).status_code == 400
        assert (await client.post(hook, json=[1, 2], headers=right)).status_code == 400
        for body in ({"message": {}}, {"update_id": 1, "message": "x"}, {"update_id": "1"}):
            assert (await client.post(hook, json=body, headers=right)).status_code == 400
        too_big = b'{"update_id": 1, "x": "' + b"a" * MAX_UPDATE_BYTES + b'"}'
        try:  # the server closes the connection, maybe while the body is still being sent
            answer = await client.post(hook, content=too_big, headers=right)
        except httpx.TransportError:
            pass
        else:
            assert answer.status_code >= 400
        assert (await client.get(hook, headers=right)).status_code == 405
        assert (await client.post(f"http://127.0.0.1:{served.port}/other")).status_code == 404
    assert app.update_queue.qsize() == 0 and offline.sent(ADMIN) == []
    assert served.secret not in caplog.text  # refusals are logged without the secret


async def test_an_empty_webhook_secret_becomes_a_new_random_one_given_to_telegram(
    settings: Settings, offline: OfflineTelegram
) -> None:
    secrets_used = []
    for _ in range(2):
        app = build_application(settings, offline, workers=1, pacer=instant_pacer())
        async with serving(app, webhook=True, host="127.0.0.1", port=0) as served:
            assert served.secret is not None
            secrets_used.append(served.secret)
            assert offline.webhook_url == HOOK
            assert offline.webhook_secret == served.secret
            assert offline.webhook_allowed_updates == list(Update.ALL_TYPES)
    calls = offline.calls_to("setWebhook")
    assert [c.params["secret_token"] for c in calls] == secrets_used
    assert all(c.params["drop_pending_updates"] is False for c in calls)
    assert secrets_used[0] != secrets_used[1]
    for secret in secrets_used:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", secret)  # Telegram's alphabet, 256 bits
    # Stopping leaves the webhook in place: Telegram holds updates for the next start.
    assert offline.calls_to("deleteWebhook") == []


async def test_a_configured_webhook_secret_is_used_as_it_is(
    settings: Settings, offline: OfflineTelegram
) -> None:
    app = build_application(replace(settings, webhook_secret="my_Secret-42"), offline, workers=1)
    async with serving(app, webhook=True, host="127.0.0.1", port=0) as served:
        assert served.secret == offline.webhook_secret == "my_Secret-42"
        async with httpx.AsyncClient() as client:
            hook = f"http://127.0.0.1:{served.port}/telegram/hook"
            update = forged_stats(offline)
            assert (await client.post(hook, json=update)).status_code == 403
            answer = await client.post(hook, json=update, headers={SECRET_HEADER: "my_Secret-42"})
            assert answer.status_code == 200
            await until(lambda: bool(offline.sent(ADMIN)))


async def test_polling_serves_health_and_metrics_on_metrics_port_and_no_webhook(
    settings: Settings, offline: OfflineTelegram
) -> None:
    app = build_application(replace(settings, webhook_url=None), offline, workers=1)
    async with serving(app, webhook=False, port=0) as served:
        assert served.secret is None and served.port
        base = f"http://127.0.0.1:{served.port}"
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"{base}/healthz")).status_code == 200
            assert (await client.get(f"{base}/metrics")).status_code == 200
            assert (await client.post(f"{base}/telegram/hook", json={})).status_code == 404
        offline.user_message("/help", user_id=ADMIN)
        await until(lambda: bool(offline.sent(ADMIN)))  # polled and answered
    assert offline.calls_to("setWebhook") == []
    assert offline.calls_to("deleteWebhook")  # polling starts by removing any webhook
    assert app.bot_data.db_ is None  # stopped cleanly: the database is closed


async def test_polling_without_metrics_port_serves_nothing(
    settings: Settings, offline: OfflineTelegram
) -> None:
    app = build_application(replace(settings, webhook_url=None), offline, workers=1)
    async with serving(app, webhook=False) as served:
        assert served.port is None


async def test_sigterm_stops_the_bot_cleanly(settings: Settings, offline: OfflineTelegram) -> None:
    app = build_application(replace(settings, webhook_url=None), offline, workers=1)
    running = asyncio.create_task(serve(app, webhook=False))
    await until(lambda: bool(offline.calls_to("getUpdates")))
    assert app.bot_data.sender_task is not None
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(running, 10)
    assert app.bot_data.db_ is None and app.bot_data.sender_task is None
    assert app.updater is not None and not app.updater.running and not app.running


def test_secret_comparison() -> None:
    secret = new_secret()
    assert secret_matches(secret, secret)
    assert not secret_matches(None, secret)
    assert not secret_matches("", secret)
    assert not secret_matches(secret[:-1], secret)
    assert not secret_matches(secret + "\x00", secret)
    assert not secret_matches("ü" * 43, secret)


@pytest.mark.parametrize(
    ("environ", "key"),
    [
        ({"WEBHOOK_SECRET": "has space"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_SECRET": "semi;colon"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_SECRET": "x" * 257}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_URL": "https://bot.example.org/metrics"}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://bot.example.org/healthz"}, "WEBHOOK_URL"),
        ({"METRICS_PORT": "0"}, "METRICS_PORT"),
        ({"METRICS_PORT": "65536"}, "METRICS_PORT"),
        ({"METRICS_PORT": "nine"}, "METRICS_PORT"),
        ({"METRICS_HOST": "a host"}, "METRICS_HOST"),
        ({"METRICS_TOKEN": "short"}, "METRICS_TOKEN"),
        ({"METRICS_TOKEN": "sixteen chars but spaces"}, "METRICS_TOKEN"),
    ],
)
def test_bad_settings_name_their_key(environ: dict[str, str], key: str) -> None:
    with pytest.raises(ConfigError, match=f"^{key}: "):
        Settings.from_env(environ)


def test_metrics_and_webhook_settings() -> None:
    defaults = Settings.from_env({})
    assert defaults.metrics_port is None and defaults.metrics_host == "127.0.0.1"
    assert defaults.metrics_token is None and defaults.webhook_secret is None
    settings = Settings.from_env(
        {
            "WEBHOOK_URL": "https://bot.example.org",
            "WEBHOOK_SECRET": "A" * 256,
            "METRICS_PORT": "9464",
            "METRICS_HOST": "0.0.0.0",
            "METRICS_TOKEN": "t" * 16,
        }
    )
    assert settings.webhook_secret == "A" * 256
    assert settings.metrics_port == 9464 and settings.metrics_host == "0.0.0.0"
    assert settings.metrics_token == "t" * 16


def test_every_setting_is_documented_and_cleared_for_tests() -> None:
    root = Path(__file__).resolve().parent.parent
    read = set(re.findall(r'get\("([A-Z_]+)"\)', (root / "bot" / "config.py").read_text()))
    assert {"WEBHOOK_SECRET", "METRICS_PORT", "METRICS_HOST", "METRICS_TOKEN"} <= read
    example = set(re.findall(r"^([A-Z_]+)=", (root / ".env.example").read_text(), re.M))
    readme = set(re.findall(r"^\| `([A-Z_]+)` \|", (root / "README.md").read_text(), re.M))
    assert read <= example
    assert read <= readme
    assert read <= set(PROJECT_VARIABLES)


def test_newsbot_run_says_which_way_it_receives_updates(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # README, Deployment: set WEBHOOK_URL, then `newsbot run --webhook`. An admin who sets
    # WEBHOOK_URL and keeps the Procfile's `newsbot run` gets polling, which removes the
    # webhook at Telegram: the command says so instead of leaving them to find out.
    from click.testing import CliRunner

    import bot.app
    import bot.cli
    import bot.webhook
    from bot.cli import newsbot

    served: list[bool] = []

    async def serve(application: object, *, webhook: bool) -> None:
        served.append(webhook)

    monkeypatch.setattr(bot.app, "build_application", lambda settings: object())
    monkeypatch.setattr(bot.webhook, "serve", serve)
    monkeypatch.setattr(bot.cli, "configure_logging", lambda *args, **kwargs: None)  # pytest's
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_-0123")
    db = str(tmp_path / "bot.db")
    done = CliRunner().invoke(newsbot, ["--db", db, "run", "--webhook"], obj={})
    assert done.exit_code == 2 and "WEBHOOK_URL: needed for --webhook" in done.output
    assert served == []
    done = CliRunner().invoke(newsbot, ["--db", db, "run"], obj={})
    assert done.exit_code == 0 and served == [False]
    assert "WEBHOOK_URL" not in done.output  # polling as asked: nothing to say
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/hook")
    done = CliRunner().invoke(newsbot, ["--db", db, "run"], obj={})
    assert done.exit_code == 0 and served == [False, False]
    assert "WEBHOOK_URL is set, but without --webhook the bot polls" in done.output
    done = CliRunner().invoke(newsbot, ["--db", db, "run", "--webhook"], obj={})
    assert done.exit_code == 0 and served == [False, False, True]
    assert "WEBHOOK_URL is set" not in done.output


def test_recent_updates_forget_the_oldest_beyond_their_size() -> None:
    recent = RecentUpdates(size=3)
    assert [recent.take(i) for i in (1, 2, 1, 3, 4)] == [True, True, False, True, True]
    assert not recent.take(4) and recent.take(1)  # 1 was forgotten when 4 came


async def test_start_waits_for_an_unreachable_telegram_then_runs(
    settings: Settings, offline: OfflineTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bot started before its network (or during Telegram's outage) starts when it comes,
    # a pause between tries: it neither exits with a traceback nor spins.
    monkeypatch.setattr(bot.webhook, "START_RETRY", (0.01,))
    offline.fail("getMe", error=server_error(502), times=2)
    app = build_application(
        replace(settings, webhook_url=None), offline, workers=1, pacer=instant_pacer()
    )
    task = asyncio.create_task(serve(app, webhook=False))
    await until(lambda: bool(offline.calls_to("getUpdates")))
    assert len(offline.calls_to("getMe")) == 3
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(task, 10)
    assert app.bot_data.db_ is None and not app.running


async def test_sigterm_while_telegram_is_unreachable_at_start_stops_the_bot(
    settings: Settings, offline: OfflineTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.webhook, "START_RETRY", (0.01,))
    offline.fail("getMe", error=server_error(502), times=None)
    app = build_application(
        replace(settings, webhook_url=None), offline, workers=1, pacer=instant_pacer()
    )
    task = asyncio.create_task(serve(app, webhook=False))
    await until(lambda: len(offline.calls_to("getMe")) >= 3)
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(task, 10)  # returns: no exception
    assert offline.calls_to("getUpdates") == [] and app.bot_data.db_ is None


@pytest.mark.parametrize(
    ("failure", "webhook", "status", "said"),
    [
        (
            Failure(401, "Unauthorized"),
            False,
            2,
            "configuration error: TELEGRAM_BOT_TOKEN: the Bot API at "
            "https://api.telegram.org/bot refused it (Unauthorized)",
        ),
        (
            bad_request("bad webhook: Failed to resolve host: Name or service not known"),
            True,
            1,
            "Telegram refused to start the bot: Bad webhook: failed to resolve host",
        ),
    ],
)
def test_newsbot_run_refused_at_start_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    offline: OfflineTelegram,
    failure: Failure,
    webhook: bool,
    status: int,
    said: str,
) -> None:
    # A revoked or mistyped token, or a webhook Telegram cannot use: one line, no traceback,
    # and never the token (PTB's InvalidToken shows it).
    from click.testing import CliRunner

    import bot.cli
    from bot.cli import newsbot

    token = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_-0123"
    offline.token = token
    offline.fail("setWebhook" if webhook else "getMe", error=failure)
    monkeypatch.setattr(
        bot.app, "build_application", lambda s: build_application(s, offline, workers=1)
    )
    monkeypatch.setattr(bot.cli, "configure_logging", lambda *args, **kwargs: None)  # pytest's
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    monkeypatch.setenv("WEBHOOK_URL", HOOK)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        monkeypatch.setenv("PORT", str(free.getsockname()[1]))
    args = ["--db", str(tmp_path / "bot.db"), "run", *(["--webhook"] if webhook else [])]
    done = CliRunner().invoke(newsbot, args, obj={})
    assert done.exit_code == status, done.output
    assert said in done.output and token not in done.output
    assert "Traceback" not in done.output


async def test_another_poller_with_the_same_token_is_told_once(
    settings: Settings, offline: OfflineTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    # Two processes polling one token: Telegram answers getUpdates 409 Conflict again and
    # again. One clear log line without a traceback, one message to the admins, not one each.
    conflict = Failure(
        409,
        "Conflict: terminated by other getUpdates request; "
        "make sure that only one bot instance is running",
    )
    offline.fail("getUpdates", error=conflict, times=None)
    app = build_application(replace(settings, webhook_url=None), offline, workers=1)
    async with serving(app, webhook=False):
        await until(lambda: len(offline.calls_to("getUpdates")) >= 3, seconds=10)
    told = [m.text for m in offline.sent(ADMIN)]
    assert len(told) == 1 and "only one bot instance" in told[0]
    lines = [r for r in caplog.records if "Conflict" in r.getMessage()]
    assert len(lines) == 1 and "another process polls" in lines[0].getMessage()
    ours = [r for r in caplog.records if r.name.startswith("bot.")]
    assert all(r.exc_info is None for r in ours if r.levelno >= logging.ERROR)


@pytest.mark.parametrize("webhook", [False, True])
async def test_the_start_says_what_runs_where_without_secrets(
    settings: Settings, offline: OfflineTelegram, caplog: pytest.LogCaptureFixture, webhook: bool
) -> None:
    # What an admin reads at start: the version, the bot, the database and its sources, how
    # updates come; the webhook's address without its credentials, query or secret.
    caplog.set_level(logging.INFO)
    url = "https://user:pw@bot.example.org:8443/telegram/hook?key=hidden"
    secret = "s3cret-Webhook_token"
    app = build_application(
        replace(settings, webhook_url=url, webhook_secret=secret), offline, workers=1
    )
    async with serving(app, webhook=webhook, host="127.0.0.1", port=0) as served:
        pass
    [line] = [r.getMessage() for r in caplog.records if " started as @" in r.getMessage()]
    assert line.startswith("newsbot ")
    assert f"started as @{app.bot.username}: database {settings.database_path} (" in line
    assert "sources active" in line and "1 admins" in line and "log level INFO" in line
    if webhook:
        assert f"webhook https://bot.example.org:8443/telegram/hook on port {served.port}" in line
    else:
        assert f"long polling, /healthz and /metrics on port {served.port}" in line
    for hidden in ("pw", "hidden", secret):
        assert hidden not in line
