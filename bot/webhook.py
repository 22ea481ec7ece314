"""The bot's own web server: the webhook no one can forge, /healthz and /metrics.

PTB's ``run_webhook`` checks the secret header with ``!=`` (the time a comparison takes
tells how much of a guess was right) and checks nothing at all when no secret is set, and
its server answers no other path. This one (tornado, which PTB's webhooks extra installs):

- ``POST <path of WEBHOOK_URL>``: the ``X-Telegram-Bot-Api-Secret-Token`` header must equal
  the secret, compared in constant time (``hmac.compare_digest``) before the body is read.
  The secret is WEBHOOK_SECRET, or when that is empty a new random one at each start
  (``secrets.token_urlsafe``: 43 characters of Telegram's alphabet), given to Telegram with
  setWebhook: the bot registers its own webhook, so it can always protect it. Anything else
  is refused with 403 and a log line (which never shows the secret); nothing is processed.
  A body that is not an update gets 400; one over MAX_UPDATE_BYTES, a closed connection. An
  accepted update goes to the application's update queue, as PTB's own webhook server does.
  Telegram repeats a request it got no 2xx answer for (the connection dropped after the
  update was queued, the answer came too late): an update_id among the last
  ``RECENT_UPDATES`` taken is answered 200 and not queued again (``RecentUpdates``).
- ``GET /healthz``: 200 with a JSON body when every check passes, 503 naming the failing
  ones (``bot.metrics.health``).
- ``GET /metrics``: Prometheus' text format, negotiated as ``prometheus_client`` does;
  behind a bearer token when METRICS_TOKEN is set.

``newsbot run --webhook`` serves all three on PORT (on every interface: Telegram must reach
it); ``newsbot run`` (long polling) serves /healthz and /metrics on METRICS_PORT when set
(METRICS_HOST, default 127.0.0.1). The webhook is not deleted at stop: Telegram keeps the
updates that arrive meanwhile and delivers them once the next start sets the webhook again,
and a deleteWebhook from a process being replaced would cut off its successor.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import importlib.metadata
import itertools
import json
import logging
import secrets
import signal
import socket
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from prometheus_client.exposition import choose_encoder
from telegram import Update
from telegram.error import Conflict, NetworkError, RetryAfter, TelegramError, TimedOut
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application as WebApplication
from tornado.web import HTTPError, RequestHandler, stream_request_body

from bot.app import running
from bot.config import webhook_path
from bot.metrics import health
from bot.state import App
from digests import store

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's updates are a few kilobytes; a message's text is at most 4096 characters.
MAX_UPDATE_BYTES = 1024 * 1024
# Update ids remembered to drop Telegram's repeats of a webhook request (minutes of a burst).
RECENT_UPDATES = 10_000
# Seconds between tries to reach Telegram at start while it cannot be reached: doubling to a
# minute, so that a bot started before its network (or during an outage) starts when it comes,
# without spinning.
START_RETRY = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
# Seconds between two log lines about getUpdates' 409 Conflict (another poller, same token).
CONFLICT_LOG_EVERY = 600.0


def new_secret() -> str:
    """Return a fresh webhook secret: 32 random bytes as 43 characters of A-Z a-z 0-9 _ -."""
    return secrets.token_urlsafe(32)


def secret_matches(given: str | None, secret: str) -> bool:
    """Return True when given equals secret, taking the same time wherever they differ."""
    if given is None:
        return False
    # Header values arrive decoded as Latin-1: any of them encodes; a mismatch stays one.
    return hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))


class RecentUpdates:
    """The ids of the last ``size`` updates taken, to tell a repeated delivery."""

    def __init__(self, size: int = RECENT_UPDATES) -> None:
        self._ids: set[int] = set()
        self._order: deque[int] = deque()
        self.size = size

    def take(self, update_id: int) -> bool:
        """Return True for an update not taken before (and remember it), False for a repeat."""
        if update_id in self._ids:
            return False
        self._ids.add(update_id)
        self._order.append(update_id)
        if len(self._order) > self.size:
            self._ids.discard(self._order.popleft())
        return True


@stream_request_body
class WebhookHandler(RequestHandler):
    """Take Telegram's updates: the secret header first, then the body, then the queue."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, bot_app: App, secret: str, recent: RecentUpdates) -> None:
        self.bot_app = bot_app
        self.secret = secret
        self.recent = recent
        self.chunks: list[bytes] = []

    def prepare(self) -> None:
        """Refuse a call without the right secret before reading its body."""
        if not secret_matches(self.request.headers.get(SECRET_HEADER), self.secret):
            given = SECRET_HEADER in self.request.headers
            log.warning(
                "refused a webhook call from %s: %s secret token",
                self.request.remote_ip,
                "a wrong" if given else "no",
            )
            self.bot_app.bot_data.metrics.webhook_refused.inc()
            raise HTTPError(403)

    def data_received(self, chunk: bytes) -> None:
        """Collect the body (the server closes a connection whose body exceeds the limit)."""
        self.chunks.append(chunk)

    async def post(self) -> None:
        """Queue the update for the application; 400 when the body is not one."""
        try:
            data = json.loads(b"".join(self.chunks))
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update")
            update = Update.de_json(data, self.bot_app.bot)
        except Exception as error:  # PTB's parsing raises anything from KeyError to TypeError
            log.warning("webhook: refused a body that is not an update: %r", error)
            raise HTTPError(400) from None
        if not self.recent.take(update.update_id):
            log.info("webhook: update %d came again: already taken", update.update_id)
            self.set_status(200)
            await self.finish()
            return
        await self.bot_app.update_queue.put(update)
        self.bot_app.bot_data.metrics.webhook_updates.inc()
        self.set_status(200)
        await self.finish()


class HealthHandler(RequestHandler):
    """Answer /healthz: 200 when every check passes, 503 naming those that fail."""

    SUPPORTED_METHODS = ("GET", "HEAD")

    def initialize(self, bot_app: App) -> None:
        self.bot_app = bot_app

    def get(self) -> None:
        checks = health(self.bot_app.bot_data, store.utcnow())
        ok = all(check.ok for check in checks)
        body = {
            "status": "ok" if ok else "failing",
            "checks": {c.name: {"ok": c.ok, "detail": c.detail} for c in checks},
        }
        self.set_status(200 if ok else 503)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))

    def head(self) -> None:
        self.get()


class MetricsHandler(RequestHandler):
    """Answer /metrics in the format the scraper asks for; behind METRICS_TOKEN if set."""

    SUPPORTED_METHODS = ("GET",)

    def initialize(self, bot_app: App) -> None:
        self.bot_app = bot_app

    def get(self) -> None:
        state = self.bot_app.bot_data
        token = state.settings.metrics_token
        if token is not None:
            scheme, _, given = (self.request.headers.get("Authorization") or "").partition(" ")
            if scheme.lower() != "bearer" or not secret_matches(given.strip(), token):
                self.set_header("WWW-Authenticate", 'Bearer realm="metrics"')
                raise HTTPError(401)
        encoder, content_type = choose_encoder(self.request.headers.get("Accept", ""))
        self.set_header("Content-Type", content_type)
        self.set_header("Cache-Control", "no-store")
        self.finish(encoder(state.metrics.registry))


def _log_request(handler: RequestHandler) -> None:
    """Log server errors; refusals are logged by the handlers, successes not at all."""
    status = handler.get_status()
    if status >= 500:
        log.error("%d %s %s", status, handler.request.method, handler.request.path)


def web_application(application: App, *, secret: str | None) -> WebApplication:
    """Return the routes: /healthz, /metrics, and the webhook when a secret is given."""
    routes: list[Any] = [
        (r"/healthz", HealthHandler, {"bot_app": application}),
        (r"/metrics", MetricsHandler, {"bot_app": application}),
    ]
    settings = application.bot_data.settings
    if secret is not None:
        if settings.webhook_url is None:
            raise ValueError("WEBHOOK_URL is needed to serve the webhook")
        path = webhook_path(settings.webhook_url)
        hook = {"bot_app": application, "secret": secret, "recent": RecentUpdates()}
        routes.append((_route(path), WebhookHandler, hook))
    return WebApplication(routes, log_function=_log_request, compress_response=False)


def _route(path: str) -> str:
    """Return a tornado route matching exactly this path."""
    return "".join("\\" + c if not (c.isalnum() or c in "/_-") else c for c in path)


def unreachable(error: TelegramError) -> bool:
    """Return True for a failure that says Telegram cannot be reached now (no network, DNS,
    a timeout, Telegram's 5xx, a 429), not that it refuses the call."""
    return isinstance(error, TimedOut | RetryAfter) or type(error) is NetworkError


async def reach_telegram(
    application: App, stop: asyncio.Event, delays: tuple[float, ...] = START_RETRY
) -> bool:
    """Call getMe until Telegram answers; return False when ``stop`` is set first.

    While Telegram cannot be reached, one warning a try, then a pause (``delays``, the last
    repeated). A refusal (a revoked token: InvalidToken) is raised at once.
    """
    bot = application.bot
    for attempt in itertools.count():
        try:
            await bot.initialize()
            return True
        except TelegramError as error:
            if not unreachable(error):
                await bot.shutdown()
                raise
            pause = delays[min(attempt, len(delays) - 1)]
            if isinstance(error, RetryAfter):
                after = error.retry_after
                pause = float(after) if isinstance(after, int | float) else after.total_seconds()
            log.warning(
                "Telegram cannot be reached at %s (%s): trying again in %.0f s",
                application.bot_data.settings.api_base_url,
                error,
                pause,
            )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)
            await bot.shutdown()
            return False
    raise AssertionError("unreachable")  # pragma: no cover


class PollConflicts:
    """Telegram's 409 Conflict to getUpdates: another process polls with this bot's token.

    PTB retries with a growing pause and calls back for each; both processes keep running
    and each gets some of the updates. The first goes to the error handler (one log line,
    the admins told once); later ones are counted into one log line per CONFLICT_LOG_EVERY.
    """

    def __init__(self, application: App) -> None:
        self.application = application
        self.count = 0
        self.logged_at = 0.0

    def seen(self, error: Conflict) -> None:
        """Take one conflict."""
        self.count += 1
        now = asyncio.get_running_loop().time()
        if self.count == 1:
            self.logged_at = now
            self.application.create_task(self.application.process_error(update=None, error=error))
        elif now - self.logged_at >= CONFLICT_LOG_EVERY:
            self.logged_at = now
            log.error(
                "Telegram refused getUpdates %d times so far (409 Conflict): another process "
                "polls with this bot's token: stop it (one bot per token)",
                self.count,
            )


@dataclass(frozen=True, slots=True)
class Serving:
    """What ``serving`` started: the port /healthz and /metrics answer on, the secret."""

    port: int | None  # None: no web server (polling without METRICS_PORT)
    secret: str | None  # the webhook's secret; None when polling


@contextlib.asynccontextmanager
async def serving(
    application: App, *, webhook: bool, host: str | None = None, port: int | None = None
) -> AsyncIterator[Serving]:
    """Run the bot with its web server until the block ends, then stop everything cleanly.

    Webhook: start the application, listen (on host:port, default every interface and
    PORT), then setWebhook with the secret. Polling: start the application, listen on
    METRICS_HOST:METRICS_PORT if set, then poll. ``port=0`` takes a free port (tests).
    On exit: polling stops, the server closes, the application stops (jobs, sender), the
    database closes.
    """
    settings = application.bot_data.settings
    secret: str | None = None
    listen: tuple[str, int] | None = None
    if webhook:
        if settings.webhook_url is None:
            raise ValueError("WEBHOOK_URL is needed for a webhook")
        secret = settings.webhook_secret or new_secret()
        listen = (host or "0.0.0.0", settings.port if port is None else port)
    elif port is not None or settings.metrics_port is not None:
        listen = (
            host or settings.metrics_host,
            port if port is not None else settings.metrics_port or 0,
        )
    async with running(application):
        server: HTTPServer | None = None
        bound: int | None = None
        if listen is not None:
            server = HTTPServer(
                web_application(application, secret=secret), max_body_size=MAX_UPDATE_BYTES
            )
            sockets = bind_sockets(listen[1], listen[0], family=_family(listen[0]))
            server.add_sockets(sockets)
            bound = int(sockets[0].getsockname()[1])
            log.info("serving /healthz and /metrics on %s:%d", listen[0], bound)
        try:
            if webhook:
                assert settings.webhook_url is not None
                await application.bot.set_webhook(
                    settings.webhook_url,
                    secret_token=secret,
                    allowed_updates=Update.ALL_TYPES,
                    drop_pending_updates=False,
                )
                log.info(
                    "webhook set (%s secret)",
                    "configured" if settings.webhook_secret else "a new random",
                )
            else:
                updater = application.updater
                if updater is None:
                    raise RuntimeError("the application has no Updater: it cannot poll")

                conflicts = PollConflicts(application)

                def polling_error(error: TelegramError) -> None:
                    if isinstance(error, Conflict):
                        conflicts.seen(error)
                        return
                    application.create_task(application.process_error(update=None, error=error))

                await updater.start_polling(
                    allowed_updates=Update.ALL_TYPES, error_callback=polling_error
                )
            log.info("%s", started_line(application, webhook=webhook, port=bound))
            yield Serving(bound, secret)
        finally:
            if application.updater is not None and application.updater.running:
                await application.updater.stop()
            if server is not None:
                server.stop()
                await server.close_all_connections()


def started_line(application: App, *, webhook: bool, port: int | None) -> str:
    """Return what an admin reads once the bot runs: version, bot, database, sources, how the
    updates come (the webhook's URL without credentials or query; its secret never)."""
    state = application.bot_data
    settings = state.settings
    counts = store.health_counts(state.db)
    if webhook and settings.webhook_url is not None:
        url = urlsplit(settings.webhook_url)
        public = f"{url.scheme}://{url.hostname}{f':{url.port}' if url.port else ''}{url.path}"
        how = f"webhook {public} on port {port} (with /healthz and /metrics)"
    else:
        served = f", /healthz and /metrics on port {port}" if port is not None else ""
        how = f"long polling{served}"
    try:
        version = importlib.metadata.version("newsbot")
    except importlib.metadata.PackageNotFoundError:
        version = "(not installed)"
    return (
        f"newsbot {version} started as @{application.bot.username}: "
        f"database {settings.database_path} ({counts['sources_active']} sources active, "
        f"{counts['sources_paused']} paused; {counts['subscriptions_active']} subscriptions); "
        f"{how}; {len(settings.admin_ids)} admins; log level {settings.log_level}"
    )


def _family(host: str) -> socket.AddressFamily:
    # "0.0.0.0" and dotted addresses listen on IPv4 only, as before; names take what resolves.
    return socket.AF_INET if host.replace(".", "").isdigit() else socket.AF_UNSPEC


async def serve(application: App, *, webhook: bool) -> None:
    """Run the bot until SIGTERM or SIGINT (Ctrl-C), then stop it cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    handled = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
    try:
        if not await reach_telegram(application, stop):
            log.info("stopped before Telegram could be reached")
            return
        async with serving(application, webhook=webhook):
            await stop.wait()
            log.info("stopping")
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)
