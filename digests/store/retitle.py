"""Titles stored before a rule of titles changed, cut as it cuts them now, and what is made of
a title made again.

``cut_stored_outlet_suffixes`` (migration 044): a feed's item lost the outlet's name its site
writes after the headline ("Storm hits coast - BBC News") at parse time only since that rule
came (``feeds._without_outlet_suffixes``); titles stored before keep it. Each is cut now by
the same functions, on the same evidence: an ending that is its feed's title or a part of it
(the source's title; a removed source's, kept on its articles), or that more than half of
the feed's own items end with, at least three. A feed's items at one fetch are its latest;
stored items of one feed in one week of fetching stand for them (over a feed's whole
history, the titles stored since the rule, cut, would outvote those stored before). An
aggregator's item loses " - <its outlet>" (``extract.without_named_outlet``).

``retitle_articles``: an article whose title changes has made again what was made of its
title: its search entry, its content hash (title and text), its story's headline when that
was its title, its copy signature and matcher terms (``stories.retitled``), its summaries
(the title is a feature of each sentence's score, and is cut off the text's start), and its
allegations when a paragraph of its text is its title, old or new (the extractor leaves that
paragraph out: the title's only use there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlite_utils import Database

from digests.dedup import content_hash
from digests.extract import (
    outlet_names,
    outlet_suffix_key,
    recurring_endings,
    without_named_outlet,
    without_outlet_suffix,
)
from digests.store.search_index import entry_form, index_articles, unindex_articles

# Articles read at once, as the index rewrites of migrations 036-042 read them.
CHUNK = 2_000

_Feed = tuple[int | None, str | None, str]  # source id, removed source's title, week


def _week(fetched: str) -> str:
    try:
        moment = datetime.fromisoformat(fetched)
    except (TypeError, ValueError):
        return ""
    return (moment - timedelta(days=moment.weekday())).date().isoformat()


def _feed(source_id: int | None, source_title: str | None, fetched: str) -> _Feed:
    return (source_id, None if source_id is not None else source_title, _week(fetched))


def cut_stored_outlet_suffixes(db: Database, form: Callable[[str], str] = entry_form) -> int:
    """Cut the outlet's name off the end of stored titles as feed parsing cuts it (the
    module's rules); return how many titles changed. ``form``: the form the search index
    holds them in (``retitle_articles``)."""
    conn = db.conn
    totals: Counter[_Feed] = Counter()
    endings: dict[_Feed, Counter[str]] = {}
    own = conn.execute(
        "select source_id, source_title, fetched, title from articles"
        " where outlet is null and (source_id is not null or source_title is not null)"
    )
    for source_id, source_title, fetched, title in own:  # a row at a time: only counts kept
        feed = _feed(source_id, source_title, fetched)
        totals[feed] += 1
        if (key := outlet_suffix_key(title or "")) is not None:
            endings.setdefault(feed, Counter())[key] += 1
    source_titles = dict(conn.execute("select id, title from sources").fetchall())
    names: dict[_Feed, frozenset[str]] = {}
    ids = [row[0] for row in conn.execute("select id from articles order by id")]
    changed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "select id, source_id, source_title, fetched, title, outlet from articles"
            f" where id in ({marks})",
            chunk,
        )
        retitled: list[tuple[int, str]] = []
        for article_id, source_id, source_title, fetched, title, outlet in rows:
            if outlet:
                cut = without_named_outlet(title, outlet)
            elif source_id is None and source_title is None:
                continue  # a seed file's: no feed
            else:
                feed = _feed(source_id, source_title, fetched)
                if feed not in endings:
                    continue  # no title of its feed and week has an ending
                if feed not in names:
                    given = source_titles.get(source_id) if source_id is not None else source_title
                    names[feed] = outlet_names(given) | recurring_endings(
                        endings[feed], totals[feed]
                    )
                cut = without_outlet_suffix(title, names[feed])
            if cut != title:
                retitled.append((article_id, cut))
        retitle_articles(db, retitled, form)
        changed += len(retitled)
    return changed


def retitle_articles(
    db: Database, titles: Sequence[tuple[int, str]], form: Callable[[str], str] = entry_form
) -> None:
    """Give these articles (id, new title) their new title and make again what depends on it
    (the module's rules). ``form``: the form the search index holds them in, the index's own
    or, in a migration before the index's last change, the form of that migration's time (an
    entry taken out in another form than it went in leaves the index wrong)."""
    if not titles:
        return
    new = dict(titles)
    marks = ",".join("?" * len(new))
    rows = db.conn.execute(f"select id, text from articles where id in ({marks})", list(new))
    rewrite_articles(db, [(i, new[i], text) for i, text in rows], form)


def rewrite_articles(
    db: Database,
    changes: Sequence[tuple[int, str, str]],
    form: Callable[[str], str] = entry_form,
) -> None:
    """Give these articles (id, new title, new text) their new title and text and make again
    what depends on them: as ``retitle_articles``, and for a text that changed its word count
    and its allegations too (the extractor reads the text). ``form``: as ``retitle_articles``."""
    if not changes:
        return
    from digests.stories import retitled  # NLTK and the Punkt models: only when needed

    conn = db.conn
    ids = [article_id for article_id, _, _ in changes]
    new = {article_id: (title, text) for article_id, title, text in changes}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"select id, title, text, story_id from articles where id in ({marks})", ids
    ).fetchall()
    unindex_articles(conn, ids, form)
    conn.executemany(
        "update articles set title = ?, text = ?, content_hash = ?,"
        " word_count = coalesce(?, word_count) where id = ?",
        [
            (
                new[i][0],
                new[i][1],
                content_hash(f"{new[i][0]}\n{new[i][1]}"),
                len(new[i][1].split()) if new[i][1] != text else None,
                i,
            )
            for i, _, text, _ in rows
        ],
    )
    index_articles(conn, ids, form)
    conn.executemany(
        "update stories set title = ? where id = ? and title = ?",
        [(new[i][0], story, old) for i, old, _, story in rows if story is not None],
    )
    conn.executemany("delete from summaries where article_id = ?", [(i,) for i in ids])
    reread = [
        (i,)
        for i, old, text, _ in rows
        if new[i][1] != text or _title_paragraph(text, (old, new[i][0]))
    ]
    conn.executemany("delete from allegations where article_id = ?", reread)
    conn.executemany("delete from allegation_runs where article_id = ?", reread)
    retitled(db, ids)


def _title_paragraph(text: str, titles: tuple[str, str]) -> bool:
    """Return whether a paragraph of text is one of the titles (spacing aside)."""
    wanted = {" ".join(title.split()) for title in titles}
    return any(" ".join(p.split()) in wanted for p in (text or "").split("\n\n"))
