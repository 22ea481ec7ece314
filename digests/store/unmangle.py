"""Text its publisher encoded twice, stored before ingest read it back, read back now.

Ingest reads mojibake back since migration 045's day ("MÃ¼ller" is "Müller":
``mojibake.unmangled``, first in ``extract.clean_text``); titles, texts, authors, outlets and
feed titles stored before keep it, in /latest, search (a search for "Müller" misses them),
the ledger's names and story matching. ``unmangle_stored`` (migration 046) reads them back:

1. Only values holding a letter encoded twice are read: a character a UTF-8 lead byte
   reads as (U+00C2-U+00F4) followed by one a continuation byte reads as
   (``mojibake.CONTINUATION``), or "Ã"/"Â" before a space (the stored text's whitespace was
   made one space, so "Ã\\xa0" of "à" is "Ã " there). SQLite's GLOB picks them, so a
   database without mojibake is read once and nothing else is done.
2. Each such value is cleaned as ingest cleans it now (``extract.clean_text``) when
   ``unmangled`` changes it; a value it leaves stays byte for byte.
3. An article whose title or text changed has made again what was made of them
   (``retitle.rewrite_articles``: search entry, content hash, word count, story headline,
   copy signature and matcher terms, summaries, allegations); its story stays. An outlet's or
   feed's name that changed is changed where it was copied (a removed source's title on its
   articles, the ledger's rows).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from digests.extract import clean_text
from digests.mojibake import CONTINUATION, unmangled
from digests.store.retitle import CHUNK, rewrite_articles
from digests.store.search_index import entry_form

# GLOB's classes are of characters (UTF-8 aware), ranges by code point.
_PAIR = f"*[\u00c2-\u00f4][{CONTINUATION}]*"
_SPACED = "*[\u00c2\u00c3] *"


def _suspect(columns: tuple[str, ...]) -> tuple[str, list[str]]:
    """Return a condition true of rows where a column may hold text encoded twice, and its
    parameters."""
    return " or ".join(f"{c} glob ? or {c} glob ?" for c in columns), [_PAIR, _SPACED] * len(
        columns
    )


def mended(value: str | None) -> str | None:
    """Return value as ingest stores it now when it holds text encoded twice, else None."""
    if not value or unmangled(value) == value:
        return None
    fixed = clean_text(value)
    return fixed if fixed != value else None


def unmangle_stored(db: Database, form: Callable[[str], str] = entry_form) -> int:
    """Read back what stored titles, texts, authors, outlets and feed titles hold encoded
    twice (the module's rules); return how many articles changed. ``form``: the form the
    search index holds entries in at the caller's migration (``retitle.rewrite_articles``)."""
    conn = db.conn
    names: dict[str, str] = {}
    where, params = _suspect(("title",))
    for source_id, title in conn.execute(
        f"select id, title from sources where {where}", params
    ).fetchall():
        if (fixed := mended(title)) is not None:
            names[title] = fixed
            conn.execute("update sources set title = ? where id = ?", [fixed, source_id])
    columns = ("title", "text", "author", "outlet", "source_title")
    where, params = _suspect(columns)
    ids = [row[0] for row in conn.execute(f"select id from articles where {where}", params)]
    changed: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"select id, {', '.join(columns)} from articles where id in ({marks})", chunk
        ).fetchall()
        rewritten: list[tuple[int, str, str]] = []
        for article_id, title, text, author, outlet, source_title in rows:
            new_title, new_text = mended(title), mended(text)
            if new_title is not None or new_text is not None:
                rewritten.append((article_id, new_title or title, new_text or text))
            for column, value in (
                ("author", author),
                ("outlet", outlet),
                ("source_title", source_title),
            ):
                if (fixed := mended(value)) is not None:
                    if column != "author":
                        names[value] = fixed
                    conn.execute(
                        f"update articles set {column} = ? where id = ?", [fixed, article_id]
                    )
                    changed.add(article_id)
        rewrite_articles(db, rewritten, form)
        changed.update(article_id for article_id, _, _ in rewritten)
    conn.executemany(
        "update allegations set source_title = ? where source_title = ?",
        [(fixed, old) for old, fixed in names.items()],
    )
    return len(changed)
