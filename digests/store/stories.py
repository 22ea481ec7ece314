"""Stories: articles grouped by event, and the rows digests are composed from."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlite_utils import Database

from digests.models import ClusterArticle, StoryArticle, StoryCandidate, StoryMember
from digests.store.common import IN_CHUNK, iso, parse_iso


def articles_for_clustering(
    db: Database,
    *,
    since: datetime | None,
    unassigned_only: bool = False,
    limit: int | None = None,
) -> Iterator[ClusterArticle]:
    """Yield the articles published since (or all), oldest first, as clustering reads them
    (at most ``limit``)."""
    sql = "select id, title, text, published, story_id, language from articles where 1 = 1"
    params: list[Any] = []
    if since is not None:
        sql += " and published >= ?"
        params.append(iso(since))
    if unassigned_only:
        sql += " and story_id is null"
    sql += " order by published, id"
    if limit is not None:
        sql += " limit ?"
        params.append(limit)
    for id_, title, text, published, story_id, language in db.execute(sql, params):
        yield ClusterArticle(id_, title, text, parse_iso(published), story_id, language)


def new_story(db: Database, title: str, published: datetime) -> int:
    """Create a story and return its id."""
    stamp = iso(published)
    cursor = db.execute(
        "insert into stories (title, first_seen, last_updated) values (?, ?, ?)",
        [title, stamp, stamp],
    )
    return cast(int, cursor.lastrowid)


def attach_to_story(
    db: Database,
    article_id: int,
    story_id: int,
    published: datetime,
    *,
    signature: bytes | None = None,
) -> None:
    """Put an article into a story (storing its signature) and move the story's update time."""
    # One update of the article: each rewrites the whole row, text and all.
    if signature is None:
        db.execute("update articles set story_id = ? where id = ?", [story_id, article_id])
    else:
        db.execute(
            "update articles set story_id = ?, signature = ? where id = ?",
            [story_id, signature, article_id],
        )
    db.execute(
        "update stories set last_updated = max(last_updated, ?) where id = ?",
        [iso(published), story_id],
    )
    # The ledger's items keep their article's story (digests/store/ledger.py).
    db.execute("update allegations set story_id = ? where article_id = ?", [story_id, article_id])


def merge_stories(db: Database, keep: int, gone: int) -> bool:
    """Move every article of story ``gone`` into ``keep`` and delete ``gone``; return whether.

    Only a story that no subscription was sent, queued or posted goes: a digest's record, a
    live post or a /story link names it. The articles, the matcher's index rows and the
    ledger's items move; ``keep`` starts at the earlier first article and ends at the later.
    """
    if keep == gone or delivered_stories(db, [gone]):
        return False
    row = db.execute("select first_seen, last_updated from stories where id = ?", [gone]).fetchone()
    if row is None:
        return False
    db.execute("update articles set story_id = ? where story_id = ?", [keep, gone])
    db.execute("update story_terms set story_id = ? where story_id = ?", [keep, gone])
    db.execute("update allegations set story_id = ? where story_id = ?", [keep, gone])
    db.execute(
        "update stories set first_seen = min(first_seen, ?), last_updated = max(last_updated, ?)"
        " where id = ?",
        [row[0], row[1], keep],
    )
    db.execute("delete from stories where id = ?", [gone])
    return True


def split_from_story(db: Database, article_id: int, story_id: int) -> int | None:
    """Move an article out of its story into a story of its own; return the new story's id.

    Only from a story no subscription was sent, queued or posted (``delivered_stories``), and
    only from one that keeps another article. The article, its index row and its ledger items
    move; the story left begins at its earliest remaining article.
    """
    if delivered_stories(db, [story_id]):
        return None
    found = _article_and_rest(db, article_id, story_id)
    if found is None:
        return None
    title, published, rest_first, _ = found
    own = new_story(db, title, parse_iso(published))
    db.execute("update articles set story_id = ? where id = ?", [own, article_id])
    db.execute("update story_terms set story_id = ? where article_id = ?", [own, article_id])
    db.execute("update allegations set story_id = ? where article_id = ?", [own, article_id])
    db.execute("update stories set first_seen = ? where id = ?", [rest_first, story_id])
    return own


def split_after_first(db: Database, article_id: int, story_id: int) -> int | None:
    """Move every article of a story but its first into a new story; return the new story's id.

    For a story already sent whose first article is a look-alike of the event the later ones
    report (``digests.stories``): the story stays as it was sent, its first article alone,
    its title again that article's; the later articles, their index rows and their ledger
    items get a story no subscription has seen, which digests and live posts deliver. None
    when ``article_id`` is not the story's first article or nothing follows it.
    """
    found = _article_and_rest(db, article_id, story_id)
    if found is None or found[2] < found[1]:
        return None
    first_title, first_published, rest_first, rest_last = found
    [title] = db.execute(
        "select title from articles where story_id = ? and id != ? order by published, id limit 1",
        [story_id, article_id],
    ).fetchone()
    own = new_story(db, title, parse_iso(rest_first))
    db.execute("update stories set last_updated = ? where id = ?", [rest_last, own])
    keep = [own, story_id, article_id]
    db.execute("update articles set story_id = ? where story_id = ? and id != ?", keep)
    db.execute("update story_terms set story_id = ? where story_id = ? and article_id != ?", keep)
    db.execute("update allegations set story_id = ? where story_id = ? and article_id != ?", keep)
    db.execute(
        "update stories set title = ?, last_updated = ? where id = ?",
        [first_title, first_published, story_id],
    )
    return own


def _article_and_rest(
    db: Database, article_id: int, story_id: int
) -> tuple[str, str, str, str] | None:
    """Return an article's title and publication time and the earliest and latest publication
    times of the rest of its story; None when the article is not in that story or is alone."""
    row = db.execute(
        "select title, published from articles where id = ? and story_id = ?",
        [article_id, story_id],
    ).fetchone()
    rest = db.execute(
        "select min(published), max(published) from articles where story_id = ? and id != ?",
        [story_id, article_id],
    ).fetchone()
    if row is None or rest is None or rest[0] is None:
        return None
    return row[0], row[1], rest[0], rest[1]


def delivered_stories(db: Database, story_ids: Collection[int]) -> set[int]:
    """Return which of these stories a subscription was sent, queued or posted."""
    found: set[int] = set()
    for chunk in _chunks(list(story_ids)):
        marks = ",".join("?" * len(chunk))
        for table in ("digest_stories", "live_posts", "outbox"):
            found.update(
                r[0]
                for r in db.execute(
                    f"select distinct story_id from {table} where story_id in ({marks})", chunk
                )
            )
    return found


def set_story_title(db: Database, story_id: int, title: str) -> None:
    """Give a story a new headline."""
    db.execute("update stories set title = ? where id = ?", [title, story_id])


# The rewrite matcher's index (digests/stories.py): times are unix seconds.


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


def story_term_counts(db: Database, terms: Collection[str]) -> dict[str, int]:
    """Return how many indexed articles hold each of these terms ('' counts them all)."""
    found: dict[str, int] = {}
    for chunk in _chunks(list(terms)):
        marks = ",".join("?" * len(chunk))
        found.update(
            db.execute(f"select term, df from story_df where term in ({marks})", chunk).fetchall()
        )
    return found


def story_candidates(
    db: Database, keys: Mapping[str, float], *, start: int, end: int, limit: int
) -> list[StoryCandidate]:
    """Return the indexed articles published in [start, end] with the most weight of keys.

    Keys are terms with their weights. Each row: article_id, story_id, terms, norm, signature,
    the story's first_seen, the article's title terms and its publication time (unix seconds);
    best first (ties: the later article).
    """
    if not keys:
        return []
    values = ",".join("(?, ?)" for _ in keys)
    sql = f"""
    with keys(term, weight) as (values {values}),
    hits as (
        select p.article_id, sum(k.weight) as score
        from keys k join story_postings p on p.term = k.term
        where p.published between ? and ?
        group by p.article_id order by score desc, p.article_id desc limit ?
    )
    select t.article_id, t.story_id, t.terms, t.norm, t.signature, st.first_seen, t.title,
        t.published
    from hits h
    join story_terms t on t.article_id = h.article_id
    join stories st on st.id = t.story_id
    order by h.score desc, h.article_id desc
    """
    params: list[Any] = [v for item in keys.items() for v in item]
    return [
        StoryCandidate(
            article_id, story_id, terms, norm, signature, parse_iso(first_seen), title, published
        )
        for article_id, story_id, terms, norm, signature, first_seen, title, published in db.execute(
            sql, [*params, start, end, limit]
        )
    ]


def index_story_terms(
    db: Database,
    article_id: int,
    story_id: int,
    published: int,
    terms: str,
    title: str,
    norm: float,
    signature: bytes | None,
    postings: Iterable[str],
) -> None:
    """Index an article of a story: its terms (space separated), its title's, its signature.

    The counts of articles per term are the caller's to add (``add_story_term_counts``).
    """
    db.execute(
        "insert into story_terms"
        " (article_id, story_id, published, terms, title, norm, signature)"
        " values (?, ?, ?, ?, ?, ?, ?)",
        [article_id, story_id, published, terms, title, norm, signature],
    )
    db.conn.executemany(
        "insert or ignore into story_postings (term, published, article_id) values (?, ?, ?)",
        [(t, published, article_id) for t in set(postings)],
    )


def add_story_term_counts(db: Database, changes: Mapping[str, int]) -> None:
    """Add to the number of indexed articles holding each term ('' counts them all)."""
    db.conn.executemany(
        "insert into story_df (term, df) values (?, ?)"
        " on conflict (term) do update set df = df + excluded.df",
        [(t, n) for t, n in changes.items() if n],
    )


# A row of story_df that is no term (terms hold no space): the rules the index was made by.
_INDEX_VERSION = " version"


def story_index_version(db: Database) -> int:
    """Return the version of the rules the story index was made by (0: none recorded)."""
    row = db.execute("select df from story_df where term = ?", [_INDEX_VERSION]).fetchone()
    return int(row[0]) if row else 0


# Another such row, present while the index is being made again (after a reset): the
# publication time (unix seconds) of the last article indexed again, so each step resumes there.
_REBUILDING = " rebuilding"


def reset_story_index(db: Database, version: int) -> None:
    """Empty the story index (terms, postings, counts), record the rules' version and mark the
    index as being made again (``story_index_rebuild``)."""
    db.execute("delete from story_postings")
    db.execute("delete from story_terms")
    db.execute("delete from story_df")
    db.execute(
        "insert into story_df (term, df) values (?, ?), (?, 0)",
        [_INDEX_VERSION, version, _REBUILDING],
    )


def story_index_rebuild(db: Database) -> int | None:
    """Return where the index being made again has reached (unix seconds of publication), or
    None when it is complete."""
    row = db.execute("select df from story_df where term = ?", [_REBUILDING]).fetchone()
    return None if row is None else int(row[0])


def set_story_index_rebuild(db: Database, reached: int | None) -> None:
    """Record how far the index being made again has reached; None: it is complete."""
    if reached is None:
        db.execute("delete from story_df where term = ?", [_REBUILDING])
    else:
        db.execute(
            "insert into story_df (term, df) values (?, ?)"
            " on conflict (term) do update set df = excluded.df",
            [_REBUILDING, reached],
        )


def unindex_story_terms(db: Database, *, before: int) -> int:
    """Drop the index rows of articles published before a time; return how many articles."""
    old = db.execute(
        "select article_id, published, terms from story_terms where published < ?", [before]
    ).fetchall()
    if not old:
        return 0
    gone: Counter[str] = Counter({"": -len(old)})
    for article_id, published, terms in old:
        distinct = set(terms.split())
        gone.subtract(distinct)
        db.conn.executemany(
            "delete from story_postings where term = ? and published = ? and article_id = ?",
            [(t, published, article_id) for t in distinct],
        )
    add_story_term_counts(db, gone)
    db.execute("delete from story_terms where published < ?", [before])
    db.conn.executemany(
        "delete from story_df where term = ? and df <= 0", [(t,) for t in gone if t]
    )
    return len(old)


def unindex_story_article(conn: sqlite3.Connection, article_id: int) -> bool:
    """Drop one article from the matcher's index (its text changed, or it is going away).

    Takes the connection, so that it can run inside a caller's transaction (``save_articles``).
    """
    row = conn.execute(
        "select published, terms from story_terms where article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        return False
    published, terms = row
    distinct = set(terms.split())
    conn.executemany(
        "delete from story_postings where term = ? and published = ? and article_id = ?",
        [(t, published, article_id) for t in distinct],
    )
    conn.executemany(
        "update story_df set df = df - 1 where term = ?", [(t,) for t in (*distinct, "")]
    )
    conn.execute("delete from story_terms where article_id = ?", [article_id])
    conn.executemany("delete from story_df where term = ? and df <= 0", [(t,) for t in distinct])
    return True


def cluster_articles(db: Database, article_ids: Collection[int]) -> list[ClusterArticle]:
    """Return these articles as clustering reads them (title, whole text, language)."""
    found: list[ClusterArticle] = []
    for chunk in _chunks(list(article_ids)):
        marks = ",".join("?" * len(chunk))
        found += [
            ClusterArticle(id_, title, text, parse_iso(published), story_id, language)
            for id_, title, text, published, story_id, language in db.execute(
                "select id, title, text, published, story_id, language from articles"
                f" where id in ({marks}) order by id",
                chunk,
            )
        ]
    return found


def unindexed_story_articles(
    db: Database, *, since: datetime, limit: int | None = None
) -> list[ClusterArticle]:
    """Return articles in stories, published since, that the matcher has not indexed, oldest
    first (the oldest ``limit`` of them, if given)."""
    rows = db.execute(
        "select a.id, a.title, a.text, a.published, a.story_id, a.language, a.signature"
        " from articles a"
        " where a.published >= ? and a.story_id is not null and not exists"
        " (select 1 from story_terms t where t.article_id = a.id) order by a.published, a.id"
        " limit ?",
        [iso(since), -1 if limit is None else limit],
    )
    return [
        ClusterArticle(id_, title, text, parse_iso(published), story_id, language, signature)
        for id_, title, text, published, story_id, language, signature in rows
    ]


def story_members(db: Database, story_id: int) -> list[StoryMember]:
    """Return a story's indexed articles, oldest first."""
    rows = db.execute(
        "select a.id, a.title, a.published, t.terms, t.title"
        " from articles a join story_terms t on t.article_id = a.id"
        " where a.story_id = ? order by a.published, a.id",
        [story_id],
    )
    return [
        StoryMember(article_id, title, parse_iso(published), terms, title_terms)
        for article_id, title, published, terms, title_terms in rows
    ]


# Characters of each text ``story_articles(whole_texts=False)`` reads: a summary made from a
# text's opening takes 60 words (compose.FALLBACK_WORDS), well within 2,000 characters.
TEXT_HEAD = 2000


def story_articles(
    db: Database,
    *,
    since: datetime | None = None,
    story_ids: Sequence[int] | None = None,
    new_since: datetime | None = None,
    changed_too: bool = False,
    not_sent_to: int | None = None,
    method: str,
    limit: int = 500,
    whole_texts: bool = True,
) -> list[StoryArticle]:
    """Return every article of recent stories, newest stories first, with summary and outlet
    (``source_title``: the outlet its feed named for it, else its source's title).

    Stories are chosen by id, by an article fetched since ``new_since`` (``changed_too``:
    or replaced since, by a newer version or a fuller copy), or by their last update since
    ``since``; at most ``limit`` stories. The summary is the one by ``method``.
    ``not_sent_to`` leaves out stories already sent to that subscription in a digest.
    With ``whole_texts=False`` each text is cut to its first ``TEXT_HEAD`` characters: enough
    to choose a story's lead and write a summary from its opening when it has none
    (``compose``), not to search it for keywords; a digest without keywords reads a few
    hundred stories and would otherwise copy megabytes of text.
    """
    params: list[Any] = []
    if story_ids is not None:
        if not story_ids:
            return []
        where = f"st.id in ({','.join('?' * len(story_ids))})"
        params += list(story_ids)
    elif new_since is not None:
        # Stories with an article fetched since: late-dated feed items still count as new.
        changed = " or changed >= ?" if changed_too else ""
        where = f"st.id in (select story_id from articles where fetched >= ?{changed})"
        params += [iso(new_since)] * (2 if changed_too else 1)
    else:
        where = "st.last_updated >= ?"
        params.append(iso(since or datetime.min.replace(tzinfo=UTC)))
    if not_sent_to is not None:
        where += " and st.id not in (select story_id from digest_stories where subscription_id = ?)"
        params.append(not_sent_to)
    params += [limit, method]
    text = "a.text" if whole_texts else f"substr(a.text, 1, {TEXT_HEAD})"
    sql = f"""
    with picked as (
        select st.id from stories st where {where} order by st.last_updated desc limit ?
    )
    select a.story_id, st.title, a.id, a.url, a.title, {text}, a.published,
           coalesce(a.outlet, s.title, a.source_title, ''), coalesce(s.weight, 1.0), sm.summary,
           a.image_url, a.language, coalesce(a.outlet_host, '')
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
            image_url=image_url or None,
            language=language,
            outlet_host=host,
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
            image_url,
            language,
            host,
        ) in db.execute(sql, params)
    ]


def settle_left_stories(db: Database) -> int:
    """Finish the replacements clustering has placed again; return how many went back.

    A replaced article (a fuller copy, a newer version) leaves its story for clustering to
    place it anew, and remembers it (``articles.left_story``). Once it has a story: when it
    started one of its own and the story it left is empty, it goes back there, under its
    (new) title, so that the story subscribers were sent keeps its id (a live post is
    edited, a digest does not send it again as news); a story left empty otherwise goes.
    """
    rows = db.execute(
        "select id, story_id, left_story, title from articles"
        " where left_story is not null and story_id is not null"
    ).fetchall()
    back = 0
    with db.atomic():
        for article_id, story_id, left, title in rows:
            alone = _alone(db, article_id, story_id)
            if (
                story_id != left
                and alone
                and _empty(db, left)
                and merge_stories(db, left, story_id)
            ):
                set_story_title(db, left, title)
                back += 1
            db.execute("update articles set left_story = null where id = ?", [article_id])
            if _empty(db, left):
                db.execute("delete from stories where id = ?", [left])
    return back


def _empty(db: Database, story_id: int) -> bool:
    found = db.execute("select 1 from articles where story_id = ? limit 1", [story_id])
    return found.fetchone() is None


def _alone(db: Database, article_id: int, story_id: int) -> bool:
    other = db.execute(
        "select 1 from articles where story_id = ? and id != ? limit 1", [story_id, article_id]
    )
    return other.fetchone() is None
