"""What the bot tells about itself: Prometheus metrics and the health check.

Each application owns a ``Metrics`` (``BotState.metrics``) with a registry of its own, so
tests and benchmarks can build several applications in one process. Two kinds of figures:

- Counted as they happen, in this process (reset at a restart; Prometheus' ``rate`` and
  ``increase`` handle that): articles ingested, polls by outcome, fetch errors by kind,
  summaries made, articles clustered, the outbox sender's counts (``Sender.counts``: sent,
  retries, failures, 429s, outages), webhook updates and refused calls, command latency.
- Read from the database when Prometheus scrapes (``_StateCollector``), so that they are
  true whatever wrote them (the bot, ``newsbot ingest``, a restart): outbox depth and the
  age of its oldest message, articles, stories, summaries, sources by state, subscriptions,
  the last successful poll, open incidents; and from the running bot: sender up, outage.

``health`` is the /healthz verdict: the database is writable, some source was polled
successfully recently enough (or there is none to poll), and the sender task is alive.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from digests import store
from digests.message import Message

if TYPE_CHECKING:
    from bot.state import BotState
    from digests.ingest import PollResult
    from digests.process import ProcessResult

log = logging.getLogger(__name__)

POLL_OUTCOMES = ("ok", "not_modified", "error", "skipped")
# What a failed poll's error text says went wrong, first match wins (digests.fetch, .feeds and
# .extract word them; tests/test_metrics.py checks the words against real failures).
FETCH_ERROR_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("timeout", ("timed out",)),
    ("dns", ("cannot resolve",)),
    ("refused_address", ("non-public address",)),
    ("connect", ("cannot connect",)),
    ("too_large", ("too large",)),
    ("redirects", ("too many redirects",)),
    ("http_4xx", ("http 4",)),
    ("http_5xx", ("http 5",)),
    ("parse", ("not a feed", "malformed", "html page", "response is empty", "json feed")),
    ("internal", ("internal error",)),
)
OTHER_FETCH_ERROR = "other"
# Seconds: replies take milliseconds, /ingest and /addsource wait for the network.
COMMAND_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
# The sender's counts (bot.sender.DrainResult fields) as counters: field, name, help.
SENDER_COUNTERS = (
    ("sent", "newsbot_messages_sent", "Outbox messages (digests) delivered to Telegram"),
    ("retried", "newsbot_send_retries", "Outbox sends to be tried again (429, 5xx, network)"),
    ("failed", "newsbot_send_failures", "Outbox messages given up"),
    ("deactivated", "newsbot_chats_deactivated", "Chats unsubscribed: blocked, gone, no rights"),
    ("migrated", "newsbot_chats_migrated", "Groups followed to their new supergroup"),
    ("rate_limited", "newsbot_telegram_429", "429 Too Many Requests answers to outbox sends"),
    ("outages", "newsbot_telegram_outages", "Times Telegram looked down and every send paused"),
)
# The rate limiter's counts of handlers' requests (bot.ratelimit.ReplyCounts fields).
REPLY_COUNTERS = (
    ("rate_limited", "newsbot_reply_429", "429 answers to replies (each waited out, then sent)"),
    ("retried", "newsbot_reply_retries", "Replies tried again after a 5xx answer"),
    ("given_up", "newsbot_replies_given_up", "Replies abandoned: refused past the 10-minute limit"),
)
# bot.incidents.KINDS (which imports this module through bot.state; a test keeps them equal).
INCIDENT_KINDS = ("telegram_outage", "source_paused", "backlog", "delivery_failed", "delivery_bug")
# The poll check's allowance: this many ingestion (or shortest poll) intervals.
POLL_STALE_INTERVALS = 3


def fetch_error_kind(error: Message | str | None) -> str:
    """Return the kind of a failed poll from its error's English text (a label of fetch errors)."""
    text = str(error or "").lower()
    for kind, needles in FETCH_ERROR_KINDS:
        if any(needle in text for needle in needles):
            return kind
    return OTHER_FETCH_ERROR


class Metrics:
    """The application's Prometheus registry and the instruments the bot updates."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.articles_ingested = Counter(
            "newsbot_articles_ingested", "New articles saved by ingestion", registry=registry
        )
        self.polls = Counter(
            "newsbot_source_polls", "Source polls by outcome", ["outcome"], registry=registry
        )
        self.fetch_errors = Counter(
            "newsbot_fetch_errors", "Failed source polls by kind", ["kind"], registry=registry
        )
        self.summaries_made = Counter(
            "newsbot_summaries_made", "Summaries made by the processing pass", registry=registry
        )
        self.articles_clustered = Counter(
            "newsbot_articles_clustered",
            "Articles grouped into stories by the processing pass",
            registry=registry,
        )
        self.webhook_updates = Counter(
            "newsbot_webhook_updates", "Updates accepted on the webhook", registry=registry
        )
        self.webhook_refused = Counter(
            "newsbot_webhook_refused",
            "Webhook calls refused for a missing or wrong secret token",
            registry=registry,
        )
        self.command_seconds = Histogram(
            "newsbot_command_seconds",
            "Time to handle a command, by command",
            ["command"],
            buckets=COMMAND_BUCKETS,
            registry=registry,
        )
        # Every label value exists from the start: a rate over a series that appears only
        # with its first error misses that error.
        for outcome in POLL_OUTCOMES:
            self.polls.labels(outcome)
        for kind, _ in FETCH_ERROR_KINDS:
            self.fetch_errors.labels(kind)
        self.fetch_errors.labels(OTHER_FETCH_ERROR)
        self._collector: _StateCollector | None = None

    def watch(self, state: BotState) -> None:
        """Read the database and the running bot of state at each scrape (once per state)."""
        if self._collector is None:
            self._collector = _StateCollector(state)
            self.registry.register(self._collector)

    def record_polls(self, results: Iterable[PollResult]) -> None:
        """Count an ingestion run's polls, new articles and errors."""
        for result in results:
            self.polls.labels(result.status).inc()
            self.articles_ingested.inc(result.new)
            if result.status == "error":
                self.fetch_errors.labels(fetch_error_kind(result.error)).inc()

    def record_processed(self, done: ProcessResult) -> None:
        """Count what a processing pass made."""
        self.summaries_made.inc(done.summarised)
        self.articles_clustered.inc(done.clustered)

    def observe_command(self, command: str, seconds: float) -> None:
        """Record how long a command took."""
        self.command_seconds.labels(command).observe(seconds)

    def exposition(self) -> bytes:
        """Return every metric in Prometheus' text format."""
        return generate_latest(self.registry)


class _StateCollector:
    """Figures read at scrape time from the database and the running bot."""

    def __init__(self, state: BotState) -> None:
        self.state = state

    def collect(self) -> Iterator[Metric]:
        state = self.state
        counts = state.delivery_counts
        for field_name, name, documentation in SENDER_COUNTERS:
            yield CounterMetricFamily(name, documentation, value=getattr(counts, field_name))
        for field_name, name, documentation in REPLY_COUNTERS:
            value = getattr(state.reply_counts, field_name)
            yield CounterMetricFamily(name, documentation, value=value)
        sender = state.sender
        yield _gauge("newsbot_sender_up", "1 while the outbox sender runs", sender_alive(state))
        yield _gauge(
            "newsbot_telegram_outage",
            "1 while Telegram looks down and every send is paused",
            sender is not None and sender.in_outage,
        )
        if state.db_ is None:
            return
        try:
            yield from self._from_database(state)
        except sqlite3.Error as error:  # a scrape must not fail for it: /healthz tells
            log.warning("metrics: could not read the database: %s", error)

    @staticmethod
    def _from_database(state: BotState) -> Iterator[Metric]:
        db = state.db
        now = store.utcnow()
        backlog = store.outbox_backlog(db)
        counts = store.health_counts(db)
        polling = store.poll_health(db)
        incidents = store.list_incidents(db)
        yield _gauge(
            "newsbot_outbox_waiting", "Outbox messages waiting to be sent", backlog.waiting
        )
        yield _gauge(
            "newsbot_outbox_oldest_age_seconds",
            "Age of the oldest outbox message waiting to be sent (0 when none waits)",
            (now - backlog.oldest).total_seconds() if backlog.oldest else 0.0,
        )
        for key in ("articles", "stories", "summaries"):
            yield _gauge(f"newsbot_{key}", f"{key.capitalize()} in the database", counts[key])
        yield _gauge(
            "newsbot_subscriptions_active",
            "Chats with an active digest subscription",
            counts["subscriptions_active"],
        )
        sources = GaugeMetricFamily(
            "newsbot_sources", "Sources by state (failing: active with errors)", labels=["state"]
        )
        for key in ("active", "paused", "failing"):
            sources.add_metric([key], counts[f"sources_{key}"])
        yield sources
        yield _gauge(
            "newsbot_last_successful_poll_timestamp_seconds",
            "Unix time of the last successful poll of an active source (0: never)",
            polling.last_ok.timestamp() if polling.last_ok else 0.0,
        )
        open_by_kind = GaugeMetricFamily(
            "newsbot_incidents_open", "Incidents under way, by kind", labels=["kind"]
        )
        for kind in INCIDENT_KINDS:
            open_by_kind.add_metric(
                [kind], sum(1 for i in incidents if i.kind == kind and i.ended is None)
            )
        yield open_by_kind


def _gauge(name: str, documentation: str, value: float | bool) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=float(value))


# --- /healthz ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Check:
    """One health check's verdict, with what it saw."""

    name: str
    ok: bool
    detail: str


def sender_alive(state: BotState) -> bool:
    """Return True while the outbox sender's task runs."""
    task = state.sender_task
    return task is not None and not task.done()


def health(state: BotState, now: datetime) -> list[Check]:
    """Return the checks of /healthz: database writable, polling recent, sender alive."""
    return [_database(state), _polling(state, now), _sender(state)]


def _database(state: BotState) -> Check:
    if state.db_ is None:
        return Check("database", False, "not open")
    try:
        store.check_writable(state.db_)
    except sqlite3.Error as error:
        return Check("database", False, f"not writable: {error}")
    return Check("database", True, "writable")


def _polling(state: BotState, now: datetime) -> Check:
    if state.db_ is None:
        return Check("polling", False, "unknown: the database is not open")
    try:
        polling = store.poll_health(state.db_)
    except sqlite3.Error as error:
        return Check("polling", False, f"unknown: {error}")
    if polling.sources == 0:
        return Check("polling", True, "no active source to poll")
    interval = max(state.settings.ingest_interval, polling.shortest_interval or 0)
    allowed = timedelta(seconds=POLL_STALE_INTERVALS * interval)
    # A bot that has just started has not had its chance yet: count from the start.
    moments = [m for m in (polling.last_ok, state.started_at) if m is not None]
    if not moments:
        return Check("polling", False, "no successful poll yet")
    since = max(moments)
    age = int((now - since).total_seconds())
    limit = f"allowed {int(allowed.total_seconds())} s"
    if polling.last_ok is not None and polling.last_ok >= since:
        detail = f"last successful poll {store.iso(polling.last_ok)}, {age} s ago ({limit})"
    else:
        detail = f"no successful poll since the start {age} s ago ({limit})"
    return Check("polling", now - since <= allowed, detail)


def _sender(state: BotState) -> Check:
    if sender_alive(state):
        return Check("sender", True, "running")
    task = state.sender_task
    if task is None:
        return Check("sender", False, "not running")
    if not task.cancelled() and task.exception() is not None:
        return Check("sender", False, f"stopped: {task.exception()!r}")
    return Check("sender", False, "stopped")
