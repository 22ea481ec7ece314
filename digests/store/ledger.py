"""The allegations ledger: items per article, stamped with the extractor version."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from digests.models import Allegation, ArticleText, LedgerItem, Response, TargetCount
from digests.store.common import iso, parse_iso, utcnow


def pending_allegations(
    db: Database, version: int, *, limit: int | None = None
) -> list[ArticleText]:
    """Return the articles not yet extracted by this extractor version, oldest first."""
    sql = (
        "select a.id, a.title, a.text, a.language from articles a"
        " left join allegation_runs r on r.article_id = a.id"
        " where r.version is null or r.version != ? order by a.id"
    )
    params: list[Any] = [version]
    if limit is not None:
        sql += " limit ?"
        params.append(limit)
    return [ArticleText(*row) for row in db.execute(sql, params)]


def save_allegations(
    db: Database,
    article_id: int,
    items: Sequence[Allegation],
    version: int,
    *,
    now: datetime | None = None,
) -> None:
    """Replace an article's allegation items with these, stamped with the extractor version.

    Each item keeps a copy of its article's story, link, date, outlet and language: the
    ledger shows it from that copy, so it outlives the article (``digests.retention``).
    """
    with db.atomic():
        db.execute("delete from allegations where article_id = ?", [article_id])
        source = _article_source(db, article_id) if items else {}
        rows = [
            {
                "article_id": article_id,
                **source,
                "position": i,
                "sentence": it.sentence,
                "accuser": it.accuser,
                "target": it.target,
                "claim": it.claim,
                "kind": it.kind,
                "salience": it.salience,
                "reading": it.reading,
                "responses": json.dumps(
                    [
                        {"sentence": r.sentence, "responder": r.responder, "kind": r.kind}
                        for r in it.responses
                    ]
                ),
            }
            for i, it in enumerate(items)
        ]
        if rows:
            db.table("allegations").insert_all(rows)
        # Plain SQL: an upsert through sqlite-utils reads the table's schema on every call,
        # and every article passes here once (most with no item).
        db.execute(
            "insert into allegation_runs (article_id, version, extracted) values (?, ?, ?)"
            " on conflict (article_id) do update set version = excluded.version,"
            " extracted = excluded.extracted",
            [article_id, version, iso(now or utcnow())],
        )


def _article_source(db: Database, article_id: int) -> dict[str, Any]:
    """Return what the ledger shows of an article: story, link, date, outlet, language."""
    row = db.execute(
        "select a.story_id, a.url, a.published, coalesce(a.outlet, s.title, a.source_title),"
        " a.language"
        " from articles a"
        " left join sources s on s.id = a.source_id where a.id = ?",
        [article_id],
    ).fetchone()
    keys = ("story_id", "url", "published", "source_title", "language")
    return dict(zip(keys, row or (None,) * len(keys), strict=True))


def _allegation(row: dict[str, Any]) -> Allegation:
    """Return the Allegation value of an allegations row."""
    responses = tuple(Response(**r) for r in json.loads(row["responses"] or "[]"))
    return Allegation(
        sentence=row["sentence"],
        accuser=row["accuser"],
        target=row["target"],
        claim=row["claim"],
        kind=row["kind"],
        responses=responses,
        salience=row["salience"] or 0.0,
        reading=row["reading"] or "",
    )


def ledger_items(
    db: Database,
    *,
    words: str = "",
    since: datetime | None = None,
    story_ids: Sequence[int] | None = None,
    limit: int = 200,
) -> list[LedgerItem]:
    """Return stored allegations with their article's story, URL, date and source, newest first.

    ``words`` matches the target, accuser or claim (case-insensitive substring, every word).
    Each item shows its own copy of its article's details, whether the article is still
    stored or retention removed it (then ``article_id`` is 0).
    """
    sql = "select al.* from allegations al where al.story_id is not null"
    params: list[Any] = []
    if since is not None:
        sql += " and al.published >= ?"
        params.append(iso(since))
    if story_ids is not None:
        sql += f" and al.story_id in ({','.join('?' * len(story_ids)) or 'null'})"
        params += list(story_ids)
    for word in words.split():
        # "%", "_" and a backslash typed are themselves, never wildcards ("/allegations 100%").
        literal = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql += (
            " and (al.target like ? escape '\\' or al.accuser like ? escape '\\'"
            " or al.claim like ? escape '\\')"
        )
        params += [f"%{literal}%"] * 3
    sql += " order by al.published desc, al.salience desc limit ?"
    params.append(limit)
    return [
        LedgerItem(
            allegation=_allegation(row),
            article_id=int(row["article_id"] or 0),
            story_id=int(row["story_id"]),
            url=row["url"] or "",
            published=parse_iso(row["published"]),
            source_title=row["source_title"] or "",
            language=row["language"],
        )
        for row in db.query(sql, params)
    ]


def allegation_targets(db: Database, *, since: datetime, limit: int = 80) -> list[TargetCount]:
    """Return each target spelling with its article language: allegations since a time, most first.

    Spellings of one party ("Durov", "Дурова") are separate rows here; ``read.top_targets``
    groups them. ``certain`` counts the items the clause patterns read (``reading`` empty);
    a spelling with none, only fallback readings, comes after those with one.
    """
    rows = db.execute(
        """
        select al.target, al.language, count(*) as n, max(al.published) as last,
          sum(al.reading = '') as certain
        from allegations al
        where al.published >= ? and al.target != ''
        group by al.target, al.language
        order by certain > 0 desc, n desc, last desc limit ?
        """,
        [iso(since), limit],
    )
    return [
        TargetCount(t, lang, int(n), parse_iso(last), int(certain))
        for t, lang, n, last, certain in rows
    ]
