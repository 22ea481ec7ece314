"""Flood holds: how long Telegram asked the bot (429, retry_after) to leave a chat, or every
chat, alone; kept so that a restart during a hold waits for its end."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlite_utils import Database

from digests.store.common import iso, parse_iso, utcnow

# The chat of a hold on every chat (a flood limit on the whole bot).
EVERY_CHAT = "*"


def save_flood_hold(
    db: Database, chat: int | str, seconds: float, *, now: datetime | None = None
) -> None:
    """Keep a hold of chat (an id, an "@username" or EVERY_CHAT) for the next seconds; a
    longer hold kept already stays."""
    end = (now or utcnow()) + timedelta(seconds=seconds)
    if end.microsecond:  # kept to the second: round up, never end a hold early
        end += timedelta(microseconds=1_000_000 - end.microsecond)
    until = iso(end)
    with db.atomic():
        db.execute(
            "insert into flood_holds (chat, until) values (?, ?) on conflict (chat) do update "
            "set until = max(until, excluded.until)",
            [str(chat), until],
        )


def flood_holds(db: Database, *, now: datetime | None = None) -> dict[int | str, float]:
    """Return the holds not yet over as chat -> seconds left (ids as ints), dropping the
    others."""
    moment = now or utcnow()
    with db.atomic():
        db.execute("delete from flood_holds where until <= ?", [iso(moment)])
    holds: dict[int | str, float] = {}
    for row in db.query("select chat, until from flood_holds"):
        chat: str = row["chat"]
        key: int | str = int(chat) if chat.removeprefix("-").isdecimal() else chat
        holds[key] = (parse_iso(row["until"]) - moment).total_seconds()
    return holds
