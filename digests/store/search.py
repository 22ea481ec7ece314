"""Full-text search over articles (FTS5), ranked by story, and the index's upkeep."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence

from sqlite_utils import Database

from digests.letters import closed_words, stem_prefixes, whole_word, writings
from digests.proclitics import bare_copy
from digests.store.schema import STORY_OF_INDEX
from digests.store.search_index import searched_tables
from digests.unspaced import index_form

_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)
# Searches count matching stories exactly up to this many, and show "500+" beyond. Counting
# maps each hit to its story (~0.7 us each); DISTINCT with LIMIT stops at the cap, so a word
# in 10,000 articles costs what one in ~600 does (1,000 cost a quarter more per search).
SEARCH_COUNT_CAP = 500


# Tables one compound SELECT unites: SQLite refuses more than 500 terms in one (its
# SQLITE_MAX_COMPOUND_SELECT), and a database keeping every article (RETENTION_DAYS=0) or
# given a feed's archive of many years has a table for each of hundreds of weeks.
COMPOUND_TERMS = 250


def _hits(tables: list[str], score: bool) -> str:
    """Return a query of every table's hits for ``:q`` (rowid, and bm25 when ``score``)."""
    # bm25 of each table uses that table's own statistics (its number of articles, their
    # mean length, each term's frequency), so a word rare in one week scores a little higher
    # there: close enough to rank across weeks, as every table indexes the same kind of text.
    terms = [
        f"select rowid{f', bm25({t}, 5.0, 1.0) as score' if score else ''} from {t}"
        f" where {t} match :q"
        for t in (f'"{name}"' for name in tables)
    ]
    groups = [
        " union all ".join(terms[start : start + COMPOUND_TERMS])
        for start in range(0, len(terms), COMPOUND_TERMS)
    ]
    if len(groups) == 1:
        return groups[0]
    # More tables than one compound may hold: each group is a compound of its own, nested.
    return " union all ".join(f"select * from ({group})" for group in groups)


def _count_stories(tables: list[str]) -> str:
    return f"""
select count(*) from (
    select distinct a.story_id from ({_hits(tables, False)}) h
    join articles a indexed by {STORY_OF_INDEX} on a.id = h.rowid
    where a.story_id is not null
    limit :cap
)
"""


# bm25 with the weights of the tables' rank (titles five times the text, migration 004):
# called by name, it ranks the same and costs about 40% less than the rank column. The last
# column is how many hits were ranked: fewer than the limit means none was left out.
def _rank_stories(tables: list[str]) -> str:
    return f"""
with hits as materialized (
    select rowid, score from ({_hits(tables, True)}) order by score limit :hits
)
select a.story_id, min(hits.score) as best, (select count(*) from hits) from hits
join articles a indexed by {STORY_OF_INDEX} on a.id = hits.rowid
where a.story_id is not null
group by a.story_id order by best, a.story_id limit :wanted
"""


def count_is_capped(total: int, *, reach: int) -> bool:
    """Return True when a total from ``search_story_ids`` was cut at the cap (more exist)."""
    return total > max(SEARCH_COUNT_CAP, reach)


# What a searcher types: "a quoted phrase", a word (a hyphenated or dotted one is a phrase of
# its parts), either one after "-" to leave it out.
_QUERY_PART = re.compile(r'(?<!\S)(-?)"([^"]*)"?|(-?)(\S+)')
# Quotation marks that apps type for '"' (smart punctuation: “…”, „…“) or a language uses
# («…»): each opens or closes a phrase as '"' does.
_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»", '"'))


def _forms(text: str, *, bare: bool = False) -> list[str]:
    """Return the phrases (tokens joined by spaces) a word or phrase is found as: as typed,
    and in its other writings (``letters.writings``: ё/е, Persian and Arabic ی/ي, ک/ك, the
    apostrophe's forms, which also split or join a word into FTS5's tokens). A word of
    Chinese, Japanese or Thai letters is the phrase of its pairs of letters, as the index
    holds such text (``unspaced.index_form``): "雅安" is found in "四川雅安市". With ``bare``
    (a word, not a quoted phrase) a Hebrew or Arabic word typed with a proclitic is also
    found bare (``proclitics.bare_copy``), as the index holds every such word too: "الحكومة"
    finds "والحكومة" and "حكومة"."""
    forms: list[str] = []
    for writing in writings(text):
        cut = bare_copy(writing) if bare else None
        for written in (writing, *([cut] if cut else [])):
            phrase = " ".join(_FTS_TOKEN.findall(index_form(written)))
            if phrase and phrase.lower() not in {f.lower() for f in forms}:
                forms.append(phrase)
    return forms


def fts_query(words: str, spellings: Mapping[str, str] | None = None) -> str:
    """Turn free text into a safe FTS5 query: every word or "quoted phrase" must match (the
    last word as a prefix), none of those after a minus ("-sport", -"transfer window"); “…”,
    „…“ and «…» quote as "…" does. A Russian or Ukrainian word (not a quoted phrase) also
    matches as its stems, prefixes (``letters.stem_prefixes``: "Москва" finds "Москве", "Київ"
    "Києва"), or, a noun whose stem is too short to be a start, as its case forms only, whole
    words, even last (``letters.whole_word``: "Дума" finds "Думы", never "думали"), and a
    Persian plural as its singular. A word written with letters that news prints more than
    one way (Королев / Королёв, Persian ی / Arabic ي) finds every writing.

    ``spellings`` gives a word another spelling that matches as well, as a prefix
    ({"дурова": "durov"}: the Latin spelling of a Cyrillic name). With no word or phrase to
    look for (nothing, or only words to leave out) the query is "".
    """
    # (forms, every form a prefix, whole words that match too)
    wanted: list[tuple[list[str], bool, list[str]]] = []
    unwanted: list[str] = []
    last_is_word = False
    for match in _QUERY_PART.finditer(words.translate(_QUOTES)):
        minus, phrase, word_minus, word = match.groups()
        forms = _forms(phrase if phrase is not None else word, bare=phrase is None)
        if not forms:
            continue
        if (minus if phrase is not None else word_minus) == "-":
            unwanted.append(_either(forms, prefix=False))
            continue
        tokens = forms[0].split()
        other = (spellings or {}).get(tokens[0].lower()) if len(tokens) == 1 else None
        spelt = " ".join(_FTS_TOKEN.findall(other or ""))
        more = [spelt] if spelt and other != tokens[0].lower() else []
        # A Russian or Ukrainian word finds its other case forms by its stem, as a prefix; a
        # Persian plural (بودجه‌ها, two tokens) its singular.
        stems = stem_prefixes(word) if phrase is None else ()
        for stem in stems:  # ("закон" is its own stem: the word as typed, a start)
            typed = {f.lower() for f in (*forms, *more)}
            more += [form for form in _forms(stem) if form.lower() not in typed]
        # A Ukrainian place name's case finds the name standing alone: "Києва", "Київ".
        whole = [f for w in (closed_words(word) if phrase is None else ()) for f in _forms(w)]
        if phrase is None and whole_word(word):
            # A noun found as its case forms, whole words, the word as typed among them; as
            # a start it would find other words ("Дума": "думали").
            forms = [f for f in forms if f.lower() not in {w.lower() for w in whole}]
        starts = bool(more or stems)
        wanted.append(([*forms, *more], True, whole) if starts else (forms, False, whole))
        last_is_word = phrase is None
    if not wanted:
        return ""
    if last_is_word:  # the last word may be still being typed: a prefix
        wanted[-1] = (wanted[-1][0], True, wanted[-1][2])
    # Explicit ANDs: FTS5 reads an implicit AND only between phrases, not after a "(...)".
    query = " AND ".join(
        _either(forms, prefix=prefix, whole=whole) for forms, prefix, whole in wanted
    )
    if unwanted:
        query = f"({query})" + "".join(f" NOT {term}" for term in unwanted)
    return query


def _either(forms: list[str], *, prefix: bool, whole: Sequence[str] = ()) -> str:
    """Return an FTS5 term matching any of ``forms`` (each a prefix when ``prefix``) or of
    the ``whole`` words."""
    star = "*" if prefix else ""
    terms = [f'"{form}"{star}' for form in forms]
    terms += [f'"{word}"' for word in whole if f'"{word}"' not in terms]
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def search_story_ids(
    db: Database,
    words: str,
    *,
    limit: int = 20,
    offset: int = 0,
    spellings: Mapping[str, str] | None = None,
) -> tuple[list[int], int]:
    """Return story ids matching the words, best first, and the number of matching stories.

    Stories with an article whose title holds every word come first, then the others; each
    group in the order of its stories' best article by bm25 (titles weigh five times the
    text). The number is exact up to ``max(SEARCH_COUNT_CAP, offset + limit)``; beyond it
    is that cap plus one, which callers show as "more than SEARCH_COUNT_CAP". ``spellings``:
    other spellings of words, as ``fts_query`` takes them.
    """
    query = fts_query(words, spellings)
    if not query:
        return [], 0
    reach = offset + limit
    cap = max(SEARCH_COUNT_CAP, reach)
    # One MATCH per table of the index (a week each, search_index.py), in one statement.
    tables = searched_tables(db.conn)
    total = int(db.execute(_count_stories(tables), {"q": query, "cap": cap + 1}).fetchone()[0])
    if total <= offset:
        return [], total

    ranking = _rank_stories(tables)

    def ranked(match: str, wanted: int) -> list[int]:
        """Return the best ``wanted`` stories for an FTS5 query (all of them when fewer)."""
        # Rank only the best hits: a story's best article decides its place. Articles per
        # story are few, so a few times the page's reach is enough; if not, rank every hit.
        ids: list[int] = []
        for hits in (wanted * 8 + 50, -1):
            rows = db.execute(ranking, {"q": match, "hits": hits, "wanted": wanted}).fetchall()
            ids = [row[0] for row in rows]
            # No row says nothing: every hit ranked may belong to no story yet.
            if len(ids) >= wanted or (rows and rows[0][2] < hits):
                break
        return ids

    # bm25 costs ~1 us per hit, and a frequent word has ~10,000 hits. Articles with every
    # word in the title are a tenth as many and, as titles weigh five times the text, mostly
    # the best anyway (not always: a text can repeat a word more often). Rank them first, and
    # the other hits only when they are too few to fill the page. The title query keeps the
    # plain query beside the title filter, so that words in the text still count.
    first = ranked(f"{query} AND {{title}} : ({query})", reach)
    if len(first) < reach:
        shown = set(first)
        first += [i for i in ranked(query, reach) if i not in shown][: reach - len(first)]
    return first[offset:reach], total


# Pages of index data one upkeep step may merge (about 4 MB; 0.08-0.15 s on 100,000 articles).
INDEX_UPKEEP_PAGES = 1000
# Segments on one level that a merge step waits for (FTS5's 'usermerge', 2 to 16).
USER_MERGE = 2


def tidy_search_index(db: Database, *, pages: int = INDEX_UPKEEP_PAGES) -> bool:
    """Merge the full-text index's segments a bounded step further; return True if it did.

    Every batch of new articles adds a segment to the FTS5 index, and a search reads every
    segment: on 100,000 articles saved in a month of batches, searches ran ~25 % slower than
    on a merged index. FTS5's incremental 'merge' merges, up to about ``pages`` pages per
    call, the segments of a level that holds at least 'usermerge' of them (set to 2 here,
    the least: FTS5's own default of 4 leaves three a level), resuming where the previous
    call stopped; called after each processing pass, it keeps the index at one segment a
    level or so at a bounded cost per pass. FTS5 documents that a call that found nothing
    to merge changes fewer than two rows.

    A negative page count (merge whatever the level) is not used: on SQLite 3.40 it made
    the index unreadable ("database disk image is malformed") after about a thousand
    calls, and on 3.51 it ran out of segment ids after some fourteen thousand (found by
    bench/soak.py; tests/test_store.py runs two thousand passes).

    With the index split by week (search_index.py), each call tries the live tables in the
    order they were last tried and stops at the first that merged: one bounded merge per call.
    """
    conn = db.conn
    with conn:
        for (table,) in conn.execute(
            "select name from search_parts where state = 'live' order by tried, name"
        ).fetchall():
            conn.execute(
                "update search_parts set tried = (select max(tried) + 1 from search_parts)"
                " where name = ?",
                [table],
            )
            if _merge_step(conn, table, pages):
                return True
    return False


def _merge_step(conn: sqlite3.Connection, table: str, pages: int) -> bool:
    """Merge one table's segments up to ``pages`` pages; return True if it merged any."""
    [setting] = conn.execute(
        f"""select coalesce(max(v), 0) from "{table}_config" where k = 'usermerge'"""
    ).fetchall()
    if setting[0] != USER_MERGE:
        conn.execute(
            f"""insert into "{table}"("{table}", rank) values ('usermerge', ?)""", [USER_MERGE]
        )
    before = conn.total_changes
    conn.execute(f"""insert into "{table}"("{table}", rank) values ('merge', ?)""", [abs(pages)])
    return conn.total_changes - before >= 2
