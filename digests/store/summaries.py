"""Summaries: one per article and method."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from digests.models import ArticleText
from digests.store.common import iso, utcnow


def pending_summaries(
    db: Database, method: str, *, limit: int | None = None, after: int = 0
) -> list[ArticleText]:
    """Return the articles with no summary by this method yet, oldest first (ids above after)."""
    sql = (
        "select a.id, a.title, a.text, a.language from articles a where a.id > ? and not exists ("
        "select 1 from summaries s where s.article_id = a.id and s.method = ?) order by a.id"
    )
    params: list[Any] = [after, method]
    if limit is not None:
        sql += " limit ?"
        params.append(limit)
    return [ArticleText(*row) for row in db.execute(sql, params)]


def count_pending_summaries(db: Database, method: str) -> int:
    """Return how many articles have no summary by this method yet."""
    sql = (
        "select count(*) from articles a where not exists ("
        "select 1 from summaries s where s.article_id = a.id and s.method = ?)"
    )
    return int(db.execute(sql, [method]).fetchone()[0])


def save_summaries(
    db: Database, method: str, rows: Iterable[tuple[int, str]], *, now: datetime | None = None
) -> int:
    """Store summaries (article id, text) by one method; return how many were written."""
    stamp = iso(now or utcnow())
    records = [
        {"article_id": aid, "method": method, "summary": text, "created": stamp}
        for aid, text in rows
    ]
    if records:
        db.table("summaries").upsert_all(records, pk=("article_id", "method"))
    return len(records)


def save_languages(db: Database, rows: Iterable[tuple[int, str | None]]) -> int:
    """Store the languages (article id, ISO 639-1 code or None) processing settled on."""
    records = list(rows)
    with db.atomic():
        db.conn.executemany(
            "update articles set language = ? where id = ?", [(c, i) for i, c in records]
        )
    return len(records)
