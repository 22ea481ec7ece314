"""What the bot reports about itself: writability, polling, the outbox's backlog, incidents.

Read at scrape time by ``/metrics`` and ``/healthz`` and every minute by the incident check
(bot/metrics.py, bot/incidents.py), so every query here is a count or a min/max over an
index, never a scan of article text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from digests.models import Source
from digests.store.common import iso, parse_iso
from digests.store.sources import AUTO_PAUSE_AFTER
from digests.store.sources import _source as source_from_row

# How long the write check waits for another process's write lock (the bot's own default is
# 10 s: a health probe must answer well before a load balancer gives up on it).
WRITE_CHECK_TIMEOUT_MS = 2000


def check_writable(db: Database) -> None:
    """Raise ``sqlite3.Error`` unless this connection can write to the database now.

    Takes the write lock and changes the schema inside a savepoint, then rolls it back:
    nothing is left behind, and a read-only file, a lock held too long by another process
    or a broken file all fail here as they would fail the bot's next write.
    """
    conn = db.conn
    [(previous,)] = conn.execute("PRAGMA busy_timeout").fetchall()
    conn.execute(f"PRAGMA busy_timeout = {WRITE_CHECK_TIMEOUT_MS}")
    try:
        conn.execute("SAVEPOINT newsbot_write_check")
        try:
            conn.execute("CREATE TABLE newsbot_write_check (x)")
        finally:
            conn.execute("ROLLBACK TO newsbot_write_check")
            conn.execute("RELEASE newsbot_write_check")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(previous)}")


@dataclass(frozen=True, slots=True)
class PollHealth:
    """The sources that ingestion polls (active feeds and pages) and their last success."""

    sources: int
    shortest_interval: int | None  # seconds; None with no sources
    last_ok: datetime | None  # the latest successful poll of any of them (304 included)


def poll_health(db: Database) -> PollHealth:
    """Return how many sources are polled, the shortest poll interval and the last success."""
    [row] = db.query(
        "select count(*) as n, min(poll_interval) as shortest, max(last_ok) as last_ok "
        "from sources where paused = 0 and kind != 'file'"
    )
    last_ok = row["last_ok"]
    return PollHealth(
        sources=int(row["n"]),
        shortest_interval=int(row["shortest"]) if row["shortest"] is not None else None,
        last_ok=parse_iso(last_ok) if last_ok else None,
    )


@dataclass(frozen=True, slots=True)
class OutboxBacklog:
    """Messages waiting in the outbox (pending or in flight) and when the oldest was queued."""

    waiting: int
    oldest: datetime | None


def outbox_backlog(db: Database) -> OutboxBacklog:
    """Return how many outbox messages wait to be sent and the time the oldest was queued."""
    [row] = db.query(
        "select count(*) as n, min(created) as oldest from outbox "
        "where status in ('pending', 'sending')"
    )
    return OutboxBacklog(int(row["n"]), parse_iso(row["oldest"]) if row["oldest"] else None)


def health_counts(db: Database) -> dict[str, int]:
    """Return the totals /metrics shows as gauges: content, sources by state, subscribers."""

    def one(sql: str) -> int:
        return int(next(iter(db.query(sql)))["n"])

    return {
        "articles": one("select count(*) as n from articles"),
        "stories": one("select count(*) as n from stories"),
        "summaries": one("select count(*) as n from summaries"),
        "sources_active": one("select count(*) as n from sources where paused = 0"),
        "sources_paused": one("select count(*) as n from sources where paused = 1"),
        "sources_failing": one(
            "select count(*) as n from sources where paused = 0 and consecutive_errors > 0"
        ),
        "subscriptions_active": one("select count(*) as n from subscriptions where active = 1"),
    }


def auto_paused_sources(db: Database) -> list[Source]:
    """Return the sources that paused themselves after repeated failures (not by an admin).

    ``record_failure`` pauses a source when its errors in a row reach AUTO_PAUSE_AFTER;
    an admin's pause leaves the count as it was and a resume resets it.
    """
    rows = db.query(
        "select * from sources where paused = 1 and kind != 'file' and consecutive_errors >= ?"
        " order by id",
        [AUTO_PAUSE_AFTER],
    )
    return [source_from_row(row) for row in rows]


# --- incidents ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """An incident the admins are told about: when it began, was last seen and ended."""

    key: str
    kind: str
    subject: str
    detail: str
    started: datetime
    last_seen: datetime
    ended: datetime | None
    events: int  # how many times it struck (outages, messages given up); 1 for states
    told_start: bool
    told_end: bool


def _incident(row: dict[str, Any]) -> IncidentRecord:
    return IncidentRecord(
        key=row["key"],
        kind=row["kind"],
        subject=row["subject"] or "",
        detail=row["detail"] or "",
        started=parse_iso(row["started"]),
        last_seen=parse_iso(row["last_seen"]),
        ended=parse_iso(row["ended"]) if row["ended"] else None,
        events=int(row["events"] or 1),
        told_start=bool(row["told_start"]),
        told_end=bool(row["told_end"]),
    )


def list_incidents(db: Database) -> list[IncidentRecord]:
    """Return every incident still open or not yet told about in full, oldest first."""
    return [_incident(r) for r in db.query("select * from incidents order by started, key")]


def start_incident(
    db: Database, key: str, kind: str, *, subject: str, detail: str, now: datetime
) -> IncidentRecord:
    """Record a new incident (nothing told yet) and return it."""
    stamp = iso(now)
    db.table("incidents").insert(
        {
            "key": key,
            "kind": kind,
            "subject": subject,
            "detail": detail,
            "started": stamp,
            "last_seen": stamp,
            "ended": None,
            "events": 1,
            "told_start": 0,
            "told_end": 0,
        },
        replace=True,
    )
    return _incident(next(iter(db.query("select * from incidents where key = ?", [key]))))


def see_incident(
    db: Database,
    key: str,
    *,
    now: datetime,
    detail: str | None = None,
    reopen: bool = False,
    event: bool = False,
) -> None:
    """Note that an incident's condition holds at now (with its latest detail, if given).

    With reopen, an incident that ended but whose end was not told yet goes on instead;
    with event, it struck once more (another outage, another message given up).
    """
    where = "key = ? and told_end = 0" if reopen else "key = ? and ended is null"
    db.execute(
        "update incidents set last_seen = ?, detail = coalesce(?, detail), ended = null, "
        f"events = events + ? where {where}",
        [iso(now), detail, int(event), key],
    )


def end_incident(db: Database, key: str, *, now: datetime, detail: str | None = None) -> None:
    """Mark an incident over at now (with what ended it, if given)."""
    db.execute(
        "update incidents set ended = ?, detail = coalesce(?, detail) "
        "where key = ? and ended is null",
        [iso(now), detail, key],
    )


def mark_incident_told(db: Database, key: str, *, end: bool) -> None:
    """Record that the admins were told of an incident's start (or end); forget it when done."""
    column = "told_end" if end else "told_start"
    with db.atomic():
        db.execute(f"update incidents set {column} = 1 where key = ?", [key])
        db.execute("delete from incidents where key = ? and told_start = 1 and told_end = 1", [key])
