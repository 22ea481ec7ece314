"""Stories: articles grouped by event, and the rows digests are composed from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlite_utils import Database

from digests.models import StoryArticle
from digests.store.common import iso, parse_iso


def articles_for_clustering(
    db: Database, *, since: datetime | None, unassigned_only: bool = False
) -> Iterator[dict[str, Any]]:
    """Yield id, story_id, title, text, signature, published of articles published since."""
    sql = "select id, story_id, title, text, signature, published from articles where 1 = 1"
    params: list[Any] = []
    if since is not None:
        sql += " and published >= ?"
        params.append(iso(since))
    if unassigned_only:
        sql += " and story_id is null"
    yield from db.query(sql + " order by published, id", params)


def set_signature(db: Database, article_id: int, signature: bytes) -> None:
    """Store an article's MinHash signature."""
    db.execute("update articles set signature = ? where id = ?", [signature, article_id])


def new_story(db: Database, title: str, published: datetime) -> int:
    """Create a story and return its id."""
    stories = db.table("stories")
    stamp = iso(published)
    stories.insert({"title": title, "first_seen": stamp, "last_updated": stamp})
    return cast(int, stories.last_pk)


def attach_to_story(db: Database, article_id: int, story_id: int, published: datetime) -> None:
    """Put an article into a story and move the story's last update forward."""
    db.execute("update articles set story_id = ? where id = ?", [story_id, article_id])
    db.execute(
        "update stories set last_updated = max(last_updated, ?) where id = ?",
        [iso(published), story_id],
    )


def story_articles(
    db: Database,
    *,
    since: datetime | None = None,
    story_ids: Sequence[int] | None = None,
    new_since: datetime | None = None,
    not_sent_to: int | None = None,
    method: str,
    limit: int = 500,
) -> list[StoryArticle]:
    """Return every article of recent stories, newest stories first, with summary and source.

    Stories are chosen by id, by an article fetched since ``new_since``, or by their last
    update since ``since``; at most ``limit`` stories. The summary is the one by ``method``.
    ``not_sent_to`` leaves out stories already sent to that subscription in a digest.
    """
    params: list[Any] = []
    if story_ids is not None:
        if not story_ids:
            return []
        where = f"st.id in ({','.join('?' * len(story_ids))})"
        params += list(story_ids)
    elif new_since is not None:
        # Stories with an article fetched since: late-dated feed items still count as new.
        where = "st.id in (select story_id from articles where fetched >= ?)"
        params.append(iso(new_since))
    else:
        where = "st.last_updated >= ?"
        params.append(iso(since or datetime.min.replace(tzinfo=UTC)))
    if not_sent_to is not None:
        where += " and st.id not in (select story_id from digest_stories where subscription_id = ?)"
        params.append(not_sent_to)
    params += [limit, method]
    sql = f"""
    with picked as (
        select st.id from stories st where {where} order by st.last_updated desc limit ?
    )
    select a.story_id, st.title, a.id, a.url, a.title, a.text, a.published,
           coalesce(s.title, ''), coalesce(s.weight, 1.0), sm.summary, a.language
    from articles a
    join stories st on st.id = a.story_id
    left join sources s on s.id = a.source_id
    left join summaries sm on sm.article_id = a.id and sm.method = ?
    where a.story_id in (select id from picked)
    order by st.last_updated desc, a.published asc, a.id asc
    """
    return [
        StoryArticle(
            story_id=story_id,
            story_title=story_title or "",
            article_id=article_id,
            url=url,
            title=title,
            text=text,
            published=parse_iso(published),
            source_title=source_title,
            source_weight=float(weight),
            summary=summary,
            language=language,
        )
        for (
            story_id,
            story_title,
            article_id,
            url,
            title,
            text,
            published,
            source_title,
            weight,
            summary,
            language,
        ) in db.execute(sql, params)
    ]
