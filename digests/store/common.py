"""What every area of the store shares: UTC times as stored, row counts, chunked IN lists."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

# Values bound per "in (...)" list: well under SQLite's default limit of bound parameters.
IN_CHUNK = 400


def utcnow() -> datetime:
    """Return the current time, aware, in UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """Return an aware datetime as an ISO 8601 string in UTC (seconds precision)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str) -> datetime:
    """Return the aware datetime of a stored ISO 8601 string."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def count(db: Database, table: str) -> int:
    """Return the number of rows of a table."""
    return db.table(table).count
