"""Articles: saving parsed articles once each (by canonical URL, guid or content hash)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlite_utils import Database

from digests.dedup import ArticleKey, article_keys
from digests.models import ArticleIn
from digests.store.common import IN_CHUNK, iso, utcnow
from digests.urls import canonical_url


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What happened to a batch of parsed articles."""

    new_ids: tuple[int, ...]
    duplicates: int


def known_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Return which of these URLs (canonicalised) are already stored."""
    canon = list({canonical_url(u) for u in urls})
    found: set[str] = set()
    for start in range(0, len(canon), 500):
        chunk = canon[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            r["url"] for r in db.query(f"select url from articles where url in ({marks})", chunk)
        )
    return found


_INSERT_ARTICLE = (
    "insert into articles (url, guid, source_id, title, author, published, fetched, text,"
    " content_hash, word_count, language) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def save_articles(
    db: Database,
    source_id: int | None,
    items: Sequence[ArticleIn],
    *,
    now: datetime | None = None,
    keys: Sequence[ArticleKey] | None = None,
) -> SaveResult:
    """Insert new articles, skipping duplicates by canonical URL, guid or content hash.

    Duplicates are found with one query per few hundred items, against the database and
    within the batch; ``keys`` (from ``article_keys``) may be computed ahead, off the loop.
    """
    if keys is None:
        keys = article_keys(items)
    if len(keys) != len(items):
        raise ValueError("one key per article is needed")
    moment = now or utcnow()
    fetched = iso(moment)
    new_ids: list[int] = []
    duplicates = 0
    with db.atomic():
        seen_urls, seen_hashes, seen_guids = _stored_keys(db, source_id, items, keys)
        cursor = db.conn.cursor()
        for item, key in zip(items, keys, strict=True):
            text = item.text.strip()
            if not text and not item.title.strip():
                duplicates += 1
                continue
            if (
                key.url in seen_urls
                or key.content_hash in seen_hashes
                or (item.guid and item.guid in seen_guids)
            ):
                duplicates += 1
                continue
            seen_urls.add(key.url)
            seen_hashes.add(key.content_hash)
            if item.guid:
                seen_guids.add(item.guid)
            published = item.published or moment
            if published > moment + timedelta(minutes=5):
                published = moment  # a date in the future is a feed error, not news from tomorrow
            cursor.execute(
                _INSERT_ARTICLE,
                (
                    key.url,
                    item.guid,
                    source_id,
                    item.title.strip() or key.url,
                    item.author,
                    iso(published),
                    fetched,
                    text,
                    key.content_hash,
                    key.words,
                    item.language,
                ),
            )
            new_ids.append(cast(int, cursor.lastrowid))
        # One statement per chunk indexes the batch: a trigger per row cost three times more.
        for start in range(0, len(new_ids), IN_CHUNK):
            chunk = new_ids[start : start + IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            cursor.execute(
                "insert into articles_fts (rowid, title, text)"
                f" select id, title, text from articles where id in ({marks})",
                chunk,
            )
    return SaveResult(tuple(new_ids), duplicates)


def _stored_keys(
    db: Database, source_id: int | None, items: Sequence[ArticleIn], keys: Sequence[ArticleKey]
) -> tuple[set[str], set[str], set[str]]:
    """Return which of these URLs, hashes and (this source's) guids are stored already."""
    urls: set[str] = set()
    hashes: set[str] = set()
    guids: set[str] = set()
    for start in range(0, len(keys), IN_CHUNK):
        chunk = keys[start : start + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        for url, digest in db.execute(
            f"select url, content_hash from articles where url in ({marks})"
            f" or content_hash in ({marks})",
            [k.url for k in chunk] + [k.content_hash for k in chunk],
        ):
            urls.add(url)
            hashes.add(digest)
    wanted = sorted({i.guid for i in items if i.guid})
    for start in range(0, len(wanted), IN_CHUNK):
        part = wanted[start : start + IN_CHUNK]
        marks = ",".join("?" * len(part))
        guids.update(
            row[0]
            for row in db.execute(
                f"select guid from articles where source_id is ? and guid in ({marks})",
                [source_id, *part],
            )
        )
    return urls, hashes, guids


def get_article(db: Database, article_id: int) -> dict[str, Any] | None:
    """Return one article row, or None."""
    rows = list(db.query("select * from articles where id = ?", [article_id]))
    return rows[0] if rows else None
