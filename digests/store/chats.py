"""Chats: the language the bot speaks in each one, and whether it refuses photos.

A chat's language is the one its people chose (``/language``; in groups and channels, their
admins), else, in a private chat, the language of the user's Telegram app as last seen. The
bot decides which of those it speaks (``bot/i18n.py``); the store keeps plain codes.

A group that refused a photo for want of the right ("not enough rights to send photos") is
noted with when and Telegram's words, so that a restart does not spend a refused photo
request on it again; the sender decides how long the note holds (``bot/sender.py``).
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from digests.models import ChatLanguage
from digests.store.common import iso, parse_iso, utcnow


def chat_language(db: Database, chat_id: int) -> ChatLanguage:
    """Return a chat's chosen language and its user's app language (both None when unknown)."""
    row = db.execute(
        "select language, client_language from chats where chat_id = ?", [chat_id]
    ).fetchone()
    if row is None:
        return ChatLanguage(chat_id)
    return ChatLanguage(chat_id, chosen=row[0], client=row[1])


def set_chat_language(
    db: Database,
    chat_id: int,
    language: str | None,
    *,
    changed_by: int | None = None,
    now: datetime | None = None,
) -> ChatLanguage:
    """Store the language chosen for a chat (None: forget the choice); return the chat's."""
    with db.atomic():
        db.execute(
            "insert into chats (chat_id, language, changed_by, updated) values (?, ?, ?, ?) "
            "on conflict (chat_id) do update set language = excluded.language, "
            "changed_by = excluded.changed_by, updated = excluded.updated",
            [chat_id, language, changed_by, iso(now or utcnow())],
        )
    return chat_language(db, chat_id)


def note_client_language(
    db: Database, chat_id: int, language: str | None, *, now: datetime | None = None
) -> None:
    """Remember the language of a private chat's user's app (written only when it changed)."""
    with db.atomic():
        db.execute(
            "insert into chats (chat_id, client_language, updated) values (?, ?, ?) "
            "on conflict (chat_id) do update set client_language = excluded.client_language, "
            "updated = excluded.updated "
            "where chats.client_language is not excluded.client_language",
            [chat_id, language, iso(now or utcnow())],
        )


def move_chat_language(db: Database, old_chat_id: int, new_chat_id: int) -> None:
    """Give a group's language, and a photo refusal noted there, to the supergroup it became
    (unless that has its own row already)."""
    db.execute(
        "insert or ignore into chats (chat_id, language, client_language, changed_by, updated, "
        "photos_refused_at, photos_refused) "
        "select ?, language, client_language, changed_by, updated, photos_refused_at, "
        "photos_refused from chats where chat_id = ?",
        [new_chat_id, old_chat_id],
    )


def note_photos_refused(db: Database, chat_id: int, reason: str, *, now: datetime) -> None:
    """Remember that a chat refused a photo for want of the right: when, and Telegram's words."""
    with db.atomic():
        db.execute(
            "insert into chats (chat_id, photos_refused_at, photos_refused, updated) "
            "values (?, ?, ?, ?) on conflict (chat_id) do update set "
            "photos_refused_at = excluded.photos_refused_at, "
            "photos_refused = excluded.photos_refused",
            [chat_id, iso(now), reason, iso(now)],
        )


def photos_refused(db: Database, chat_id: int) -> tuple[datetime, str] | None:
    """Return when a chat last refused a photo for want of the right and Telegram's words
    (None: not noted, or forgotten)."""
    row = db.execute(
        "select photos_refused_at, photos_refused from chats where chat_id = ?", [chat_id]
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return parse_iso(row[0]), str(row[1] or "")


def forget_photos_refused(db: Database, chat_id: int) -> None:
    """Forget a chat's photo refusal (/settings pictures set there again, or a day passed)."""
    with db.atomic():
        db.execute(
            "update chats set photos_refused_at = null, photos_refused = null "
            "where chat_id = ? and photos_refused_at is not null",
            [chat_id],
        )
