"""Articles: saving parsed articles once each (by canonical URL, guid or content hash),
the fullest copy winning, and its own source's newer version replacing it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlite_utils import Database

from digests.dedup import ArticleKey, article_keys, is_fuller, is_older, is_update, version_date
from digests.models import Article, ArticleIn
from digests.store.common import IN_CHUNK, iso, parse_iso, utcnow
from digests.store.search_index import index_articles, unindex_articles
from digests.store.stories import unindex_story_article
from digests.urls import canonical_url, is_http_url

# How far back a live pass looks: stories with an article fetched this recently, posted only
# when their newest article was published this recently too (digests.live.LIVE_WINDOW is this
# one; kept here, below live, so that the backlog's age is derived from it).
LIVE_WINDOW = timedelta(hours=24)
# An item without a date found on a source's first poll is its backlog, dated this long before
# that poll: twice the live window, so that a source added with an undated archive posts none
# of it live (50 items were 50 live posts, ten an hour) whatever the window is made, and the
# next digest ranks it below the day's news (it still takes the places they leave:
# read.new_stories keeps what was fetched since, of the last 30 days).
UNDATED_BACKLOG_AGE = 2 * LIVE_WINDOW
# A source's first poll that parsed with errors (a cut-off feed) read part of its archive: the
# rest, read by a later poll, is archive too, until a poll reads the feed whole or for this
# long after the first (store.reads_archive): a feed cut off at every poll has news after it.
ARCHIVE_HOLD = timedelta(hours=24)
# An article the bot dated (no date in its feed: when first seen, or as archive) that
# retention removed is not saved again from a feed that still lists it: it would be dated
# as news. It is forgotten once no poll listed it for this long.
REMOVED_KEPT = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What happened to a batch of parsed articles: new ones, fuller copies, duplicates."""

    new_ids: tuple[int, ...]
    duplicates: int
    # Stored articles whose text a clearly fuller copy (``dedup.is_fuller``) or a newer version
    # from their own source (``dedup.is_update``) replaced.
    replaced_ids: tuple[int, ...] = ()
    # Articles published before ``not_before``: older than retention keeps, not saved.
    expired: int = 0


@dataclass(slots=True)
class _Stored:
    """An article already stored (or saved earlier in the batch), as far as dedup needs it."""

    id: int
    content_hash: str
    words: int
    # Read only when a copy with more words arrives; known at once for the batch's own.
    text: str | None = None
    has_image: bool = False
    source_id: int | None = None
    title: str = ""
    # The stored version's date: when it was last changed, else published (``dedup``).
    version: datetime | None = None


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


def titles_by_text(
    db: Database, source_id: int, texts: Iterable[str]
) -> dict[str, set[tuple[str, str | None, str]]]:
    """Return, for each of these texts that articles of this source hold, each such
    article's URL (as stored: ``urls.item_url``), guid and title. Only the articles of
    their word counts are read (the stored ``word_count``, indexed with the source)."""
    found: dict[str, set[tuple[str, str | None, str]]] = {}
    wanted = list(dict.fromkeys(texts))
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        counts = sorted({len(text.split()) for text in chunk})
        rows = db.execute(
            f"select text, url, guid, title from articles where source_id = ?"
            f" and word_count in ({','.join('?' * len(counts))})"
            f" and text in ({','.join('?' * len(chunk))})",
            [source_id, *counts, *chunk],
        )
        for text, url, guid, title in rows:
            found.setdefault(text, set()).add((url, guid, title))
    return found


def newer_versions(db: Database, source_id: int | None, items: Sequence[ArticleIn]) -> set[int]:
    """Return the positions of the items that are newer versions of articles this source
    stored (``dedup.is_update``, another content hash): their pages are worth fetching again."""
    if source_id is None or not items:
        return set()
    keys = article_keys(items)
    by_url, by_guid, _ = _stored_keys(db, source_id, items, keys)
    found = set()
    for n, (item, key) in enumerate(zip(items, keys, strict=True)):
        known = by_url.get(key.url) or (by_guid.get(item.guid) if item.guid else None)
        if (
            known is not None
            and known.content_hash != key.content_hash
            and _own_newer(known, source_id, item)
        ):
            found.add(n)
    return found


_INSERT_ARTICLE = (
    "insert into articles (url, guid, source_id, title, author, published, fetched, text,"
    " content_hash, word_count, language, image_url, updated, outlet, outlet_host)"
    " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def save_articles(
    db: Database,
    source_id: int | None,
    items: Sequence[ArticleIn],
    *,
    now: datetime | None = None,
    keys: Sequence[ArticleKey] | None = None,
    not_before: datetime | None = None,
    backlog: bool = False,
) -> SaveResult:
    """Insert new articles; a clearly fuller copy of a stored one replaces its text, and a
    newer version from its own source its title and text (``dedup``'s rules).

    An article is known by its canonical URL or (from the same source) its guid; a copy
    whose content hash matches any stored article is a duplicate and never replaces.
    A replaced article keeps its id; its summaries, allegations, signature and story are
    dropped so the processing pass redoes them (``_replace``). Duplicates are found with
    one query per few hundred items, against the database and within the batch; ``keys``
    (from ``article_keys``) may be computed ahead, off the loop.

    A stored article without a picture takes the first one a later copy brings (by URL or
    guid: a fuller copy, or a re-send, as when a feed adds the picture after publishing);
    a stored picture is never replaced.

    An article published before ``not_before`` (retention's cutoff) is left out: retention
    would remove it again, and one it removed already must not come back as news (one the
    bot had dated: ``without_removed``).

    An item without a date is dated when first seen; but of a ``backlog`` (the items of a
    source's first poll: its archive, not news of the moment), ``UNDATED_BACKLOG_AGE`` before.
    """
    if keys is None:
        keys = article_keys(items)
    if len(keys) != len(items):
        raise ValueError("one key per article is needed")
    moment = now or utcnow()
    fetched = iso(moment)
    new_ids: list[int] = []
    batch: set[int] = set()
    duplicates = expired = 0
    # Stored article id -> the fuller copy or newer version to put in (with the version's
    # date for the latter); applied once the batch is indexed.
    fuller: dict[int, tuple[ArticleIn, ArticleKey, str, datetime | None]] = {}
    # (picture, stored article id) for stored articles that had none.
    pictures: list[tuple[str, int]] = []
    # (date, stored article id) for stored versions re-sent under a later date.
    redated: list[tuple[str, int]] = []
    with db.atomic():
        by_url, by_guid, seen_hashes = _stored_keys(db, source_id, items, keys)
        cursor = db.conn.cursor()
        for item, key in zip(items, keys, strict=True):
            text = item.text.strip()
            if not text and not item.title.strip():
                duplicates += 1
                continue
            published = item.published
            if not_before is not None and published is not None and published < not_before:
                expired += 1
                continue
            known = by_url.get(key.url) or (by_guid.get(item.guid) if item.guid else None)
            if known is not None and item.image_url and not known.has_image:
                known.has_image = True
                pictures.append((item.image_url, known.id))
            if key.content_hash in seen_hashes:
                if (
                    known is not None
                    and known.content_hash == key.content_hash
                    and _own_newer(known, source_id, item)
                ):
                    # The stored version re-sent under a later date (a feed that stamps its
                    # items when it is made, a teaser whose page was read again unchanged):
                    # that date is the stored version's now, so the page is not read again.
                    known.version = min(version_date(item) or moment, moment)
                    redated.append((iso(known.version), known.id))
                duplicates += 1
                continue
            if known is not None:
                own = source_id is not None and known.source_id == source_id
                version = None
                if own and known.version is not None:
                    if is_update(item, known.title, known.version):
                        version = min(version_date(item) or moment, moment)
                        if item.teaser and is_fuller(_load(db, known), text):
                            # Its page could not be fetched: the next poll tries it again.
                            duplicates += 1
                            continue
                    elif is_older(item, known.version):
                        duplicates += 1  # the version before: never back (dedup, rule 3)
                        continue
                # Fewer or as many words can never be fuller: most re-sends stop here,
                # without reading the stored text.
                if version is not None or (
                    key.words > known.words and is_fuller(text, _load(db, known))
                ):
                    fuller[known.id] = (item, key, text, version)
                    # A fuller copy of an article new in this batch only improves a new one.
                    duplicates += known.id in batch
                    known.content_hash, known.words, known.text = key.content_hash, key.words, text
                    if version is not None:
                        known.title, known.version = item.title.strip() or known.title, version
                    seen_hashes.add(key.content_hash)
                else:
                    duplicates += 1
                continue
            seen_hashes.add(key.content_hash)
            published = item.published or (moment - UNDATED_BACKLOG_AGE if backlog else moment)
            if published > moment + timedelta(minutes=5):
                published = moment  # a date in the future is a feed error, not news from tomorrow
            title = item.title.strip() or key.url
            updated = min(item.updated, moment) if item.updated else None
            cursor.execute(
                _INSERT_ARTICLE,
                (
                    key.url,
                    item.guid,
                    source_id,
                    title,
                    item.author,
                    iso(published),
                    fetched,
                    text,
                    key.content_hash,
                    key.words,
                    item.language,
                    item.image_url,
                    iso(updated) if updated else None,
                    item.outlet,
                    item.outlet_host if item.outlet else None,
                ),
            )
            new_id = cast(int, cursor.lastrowid)
            new_ids.append(new_id)
            batch.add(new_id)
            saved = _Stored(
                new_id,
                key.content_hash,
                key.words,
                text,
                bool(item.image_url),
                source_id,
                title,
                updated or published,
            )
            by_url[key.url] = saved
            if item.guid:
                by_guid.setdefault(item.guid, saved)
        # One statement per week's table and chunk indexes the batch: a trigger per row cost
        # three times more.
        index_articles(db.conn, new_ids)
        # After the batch's index insert: a replacement re-indexes the rows it changes,
        # which must be in the index already, this batch's own included.
        for article_id, (item, key, text, version) in fuller.items():
            _replace(cursor, article_id, item, key, text, version, changed=fetched)
        cursor.executemany(
            "update articles set image_url = ? where id = ? and coalesce(image_url, '') = ''",
            pictures,
        )
        cursor.executemany("update articles set updated = ? where id = ?", redated)
    replaced = tuple(i for i in fuller if i not in batch)
    return SaveResult(tuple(new_ids), duplicates, replaced, expired)


def _own_newer(known: _Stored, source_id: int | None, item: ArticleIn) -> bool:
    """Return whether an item is a later version of an article its own source stored."""
    return (
        source_id is not None
        and known.source_id == source_id
        and known.version is not None
        and is_update(item, known.title, known.version)
    )


def _load(db: Database, known: _Stored) -> str:
    """Return a stored article's text, reading it on first need."""
    if known.text is None:
        row = db.execute("select text from articles where id = ?", [known.id]).fetchone()
        known.text = str(row[0] or "")
    return known.text


def _replace(
    cursor: sqlite3.Cursor,
    article_id: int,
    item: ArticleIn,
    key: ArticleKey,
    text: str,
    version: datetime | None = None,
    *,
    changed: str,
) -> None:
    """Put a fuller copy's text, or a newer version (dated ``version``), into a stored article
    and drop what was made of the old one; ``changed`` is when (live looks at it).

    The id stays (links and ledger references hold). Summaries, allegations and their run
    are deleted so the processing pass redoes them; the signature and story go so
    clustering places the article anew. The story it leaves is remembered
    (``articles.left_story``): left empty, it stays until clustering has placed the article
    (``settle_left_stories``), so that an article starting a story of its own goes back to
    the one subscribers were sent. A fuller copy's title is taken only when the stored one
    was a URL stand-in; a newer version's always (when it has one), and its date becomes the
    stored version's. The search entry is made anew.
    """
    title, url, story_id = cursor.execute(
        "select title, url, story_id from articles where id = ?", [article_id]
    ).fetchone()
    new_title = item.title.strip()
    stand_in = title == url or is_http_url(title)
    if new_title and not is_http_url(new_title) and (stand_in or version is not None):
        title = new_title
    unindex_articles(cursor.connection, [article_id])
    cursor.execute(
        "update articles set title = ?, text = ?, content_hash = ?, word_count = ?,"
        " signature = null, story_id = null, left_story = coalesce(?, left_story),"
        " author = coalesce(author, ?), language = coalesce(language, ?),"
        " updated = coalesce(?, updated), changed = ? where id = ?",
        [
            title,
            text,
            key.content_hash,
            key.words,
            story_id,
            item.author,
            item.language,
            iso(version) if version is not None else None,
            changed,
            article_id,
        ],
    )
    index_articles(cursor.connection, [article_id])
    for table in ("summaries", "allegations", "allegation_runs"):
        cursor.execute(f"delete from {table} where article_id = ?", [article_id])
    unindex_story_article(cursor.connection, article_id)  # the matcher reads the new text anew


_STORED_COLUMNS = "coalesce(image_url, '') != '', source_id, title, coalesce(updated, published)"


def _stored(
    article_id: int,
    digest: str,
    words: int | None,
    has_image: int,
    source_id: int | None,
    title: str,
    version: str,
) -> _Stored:
    return _Stored(
        article_id,
        digest,
        words or 0,
        has_image=bool(has_image),
        source_id=source_id,
        title=title,
        version=parse_iso(version),
    )


def _stored_keys(
    db: Database, source_id: int | None, items: Sequence[ArticleIn], keys: Sequence[ArticleKey]
) -> tuple[dict[str, _Stored], dict[str, _Stored], set[str]]:
    """Return the stored articles with these URLs, with these guids (this source's only),
    and which of these content hashes are stored."""
    by_url: dict[str, _Stored] = {}
    by_guid: dict[str, _Stored] = {}
    # One object per article, found by URL or by guid: a replacement updates both views.
    by_id: dict[int, _Stored] = {}
    hashes: set[str] = set()
    for start in range(0, len(keys), IN_CHUNK):
        chunk = keys[start : start + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        for article_id, url, digest, words, has_image, *rest in db.execute(
            f"select id, url, content_hash, word_count, {_STORED_COLUMNS} from articles"
            f" where url in ({marks}) or content_hash in ({marks})",
            [k.url for k in chunk] + [k.content_hash for k in chunk],
        ):
            stored = _stored(article_id, digest, words, has_image, *rest)
            by_url[url] = by_id.setdefault(article_id, stored)
            hashes.add(digest)
    wanted = sorted({i.guid for i in items if i.guid})
    for start in range(0, len(wanted), IN_CHUNK):
        part = wanted[start : start + IN_CHUNK]
        marks = ",".join("?" * len(part))
        for article_id, guid, digest, words, has_image, *rest in db.execute(
            f"select id, guid, content_hash, word_count, {_STORED_COLUMNS} from articles"
            f" where source_id is ? and guid in ({marks}) order by id",
            [source_id, *part],
        ):
            stored = _stored(article_id, digest, words, has_image, *rest)
            by_guid.setdefault(guid, by_id.setdefault(article_id, stored))
    return by_url, by_guid, hashes


def without_removed(
    db: Database,
    items: Sequence[ArticleIn],
    keys: Sequence[ArticleKey],
    *,
    now: datetime | None = None,
    changed_is_news: bool = False,
) -> tuple[list[ArticleIn], list[ArticleKey], int]:
    """Leave out the items with no date of their own whose articles retention removed, the
    bot having dated them (saved again, they would be dated as news); note that a poll listed
    them (``REMOVED_KEPT``). An item that now gives a date is saved as any other (one older
    than retention keeps is left out by ``save_articles``). ``changed_is_news`` (a page
    source's page): an item whose text is not the one removed (another content hash, or
    none kept) is saved too, as news. Return the other items, their keys and how many were
    left out."""
    undated = {
        key.url: key for item, key in zip(items, keys, strict=True) if item.published is None
    }
    urls = list(undated)
    removed: set[str] = set()
    for start in range(0, len(urls), IN_CHUNK):
        chunk = sorted(urls[start : start + IN_CHUNK])
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"select url, content_hash from removed_articles r where url in ({marks})"
            " and not exists (select 1 from articles a where a.url = r.url)",
            chunk,
        )
        removed.update(
            url
            for url, content_hash in rows
            if not changed_is_news or content_hash == undated[url].content_hash
        )
    if not removed:
        return list(items), list(keys), 0
    with db.atomic():
        db.conn.executemany(
            "update removed_articles set seen = ? where url = ?",
            [(iso(now or utcnow()), url) for url in sorted(removed)],
        )
    kept = [
        (item, key)
        for item, key in zip(items, keys, strict=True)
        if item.published is not None or key.url not in removed
    ]
    return [i for i, _ in kept], [k for _, k in kept], len(items) - len(kept)


def get_article(db: Database, article_id: int) -> Article | None:
    """Return one stored article, or None."""
    rows = list(db.query("select * from articles where id = ?", [article_id]))
    if not rows:
        return None
    row = rows[0]
    return Article(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        text=row["text"],
        published=parse_iso(row["published"]),
        fetched=parse_iso(row["fetched"]),
        source_id=row["source_id"],
        story_id=row["story_id"],
        guid=row["guid"],
        author=row["author"],
        language=row["language"],
        word_count=row["word_count"] or 0,
        image_url=row["image_url"] or None,
    )
