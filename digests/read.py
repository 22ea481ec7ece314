"""The read side: latest, search, one story, the allegations ledger; each returns models.

Every reader of stories goes through here: the bot's commands, its digests, the CLI and the
benchmarks. Queries come from ``digests.store``; ranking, filtering and paging from the pure
``digests.compose``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

# The allegations package (it loads sumy and nltk) is imported by the functions that use it:
# the latest stories, and a story by its number, are read without it.
from digests import compose, store
from digests.models import Allegation, Digest, LedgerEntry, LedgerItem, SourceLink, StoryItem
from digests.summary_method import DEFAULT_METHOD

LATEST_WINDOW = timedelta(days=30)
# Target spellings read per target asked for, so the spellings of one party can merge.
SPELLINGS_PER_TARGET = 10
# Story ids are SQLite integers: anything larger names no story.
MAX_ID = 2**63 - 1


def latest(
    db: Database,
    *,
    now: datetime | None = None,
    limit: int = 5,
    offset: int = 0,
    method: str = DEFAULT_METHOD,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    since: datetime | None = None,
    title: str = "Latest news",
    languages: Sequence[str] = (),
) -> Digest:
    """Return the top stories of the last 30 days, ranked, optionally filtered.

    ``since`` keeps stories published since a time; ``languages`` those with an article in one
    of them (``compose.candidates``). A database with nothing recent (a seeded or idle one)
    shows its newest stories instead.
    """
    moment = now or store.utcnow()
    whole = bool(include or exclude)  # keywords search whole texts
    articles = store.story_articles(
        db, since=since or (moment - LATEST_WINDOW), method=method, whole_texts=whole
    )
    if not articles and since is None:
        articles = store.story_articles(db, since=None, method=method, limit=50, whole_texts=whole)
    return compose.build_digest(
        compose.candidates(articles, languages),
        now=moment,
        title=title,
        limit=limit,
        offset=offset,
        include=include,
        exclude=exclude,
        since=since,
    )


def new_stories(
    db: Database,
    *,
    new_since: datetime,
    now: datetime,
    limit: int,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    subscription_id: int | None = None,
    method: str = DEFAULT_METHOD,
    title: str = "Your digest",
    languages: Sequence[str] = (),
) -> Digest:
    """Return the top stories with an article fetched since a time (what a digest sends).

    With ``subscription_id``, stories already sent to that subscription are left out: a
    story that grows after it was sent (another outlet reports it) is not sent again. With
    ``languages``, only stories with an article in one of them, shown in it. A story whose
    newest article was published before ``LATEST_WINDOW`` (as ``latest`` reads it) is no
    news, fetched today or not: a source added with its archive, or the seed of 2024, went
    out as "Your daily digest" beside this week's copy of the same article. As in ``latest``,
    a database with nothing that recent (a seeded or idle one) sends its old stories.
    """
    articles = store.story_articles(
        db,
        new_since=new_since,
        not_sent_to=subscription_id,
        method=method,
        whole_texts=bool(include or exclude),
    )
    return compose.build_digest(
        compose.candidates(articles, languages),
        now=now,
        title=title,
        limit=limit,
        include=include,
        exclude=exclude,
        since=(now - LATEST_WINDOW) if _has_recent(db, now, method) else None,
    )


def _has_recent(db: Database, now: datetime, method: str) -> bool:
    """Return whether a story was updated within ``LATEST_WINDOW`` of now."""
    since = now - LATEST_WINDOW
    return bool(store.story_articles(db, since=since, method=method, limit=1, whole_texts=False))


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{5,}")


def latin_spellings(words: str) -> dict[str, str]:
    """Return the Latin spelling of each Cyrillic word of five letters or more in a search
    ({"дурова": "durov"}), so that "/search Дуров" finds English and French stories on Durov
    too. Shorter words are left alone: "суд" would find "sudden"."""
    from digests import allegations

    return {
        w.lower(): key
        for w in _CYRILLIC_WORD.findall(words)
        if (key := allegations.target_key(w, None)) and len(key) >= 4
    }


def searchable(words: str) -> bool:
    """Return True when the words hold something to look for: a word or a phrase not after a
    minus ("-sport" alone only says what to leave out)."""
    return bool(store.fts_query(words))


def search(
    db: Database,
    words: str,
    *,
    now: datetime | None = None,
    limit: int = 5,
    offset: int = 0,
    method: str = DEFAULT_METHOD,
) -> Digest:
    """Return stories matching the words, best match first: every word or "quoted phrase",
    none of those after a minus, a Cyrillic name in its Latin spelling too."""
    moment = now or store.utcnow()
    ids, total = store.search_story_ids(
        db, words, limit=limit, offset=offset, spellings=latin_spellings(words)
    )
    found = compose.candidates(store.story_articles(db, story_ids=ids, method=method))
    by_id = {c.item.story_id: c for c in found}
    ordered = [by_id[i] for i in ids if i in by_id]
    page = compose.build_digest(
        ordered, now=moment, title=f"Search: {words}", limit=limit, ranked=False
    )
    return Digest(
        title=page.title,
        generated_at=moment,
        stories=page.stories,
        total=total,
        offset=offset,
        total_capped=store.count_is_capped(total, reach=offset + limit),
    )


# What people put before a story's number: its link as digests print it ("/story_12", pasted
# after /story or given to `newsbot story`), "#12", "№12".
_STORY_MARKS = re.compile(r"^(?:/?story_|[#№])", re.IGNORECASE)


def story_number(typed: str) -> int | None:
    """Return the story id a typed word names ("12", "/story_12", "story_12", "#12", "№12",
    in any script's digits: "۱۲"), 1 to ``MAX_ID``; None for anything else. /story and
    `newsbot story` read their argument with it."""
    word = _STORY_MARKS.sub("", typed.strip(), count=1)
    # int() refuses more than 4,300 digits; anything near that long is out of range anyway.
    number = int(word) if word.isdecimal() and len(word) <= 100 else None
    return number if number is not None and 1 <= number <= MAX_ID else None


def story(db: Database, story_id: int, *, method: str = DEFAULT_METHOD) -> StoryItem | None:
    """Return one story with every source, or None (also for ids no story can have)."""
    if not 1 <= story_id <= MAX_ID:
        return None
    found = compose.candidates(store.story_articles(db, story_ids=[story_id], method=method))
    return found[0].item if found else None


def ledger(
    db: Database,
    words: str = "",
    *,
    since: datetime | None = None,
    story_ids: Sequence[int] | None = None,
    limit: int = 50,
) -> list[LedgerEntry]:
    """Return allegation ledger entries matching words (target, accuser or claim), newest first.

    Within a target the clause patterns' readings come before the fallback reader's, and a
    target only the fallback read comes after the others (``compose.certain_first``). Items
    from several articles of one story that make the same allegation merge into one
    entry listing every source. Words that name a party also find it in another script or case
    form ("Durov" finds "Дуров" and "Дурова"), as the target, the accuser or one who answered
    (the seed's "allegations against Durov include accusations that Telegram ...", which Durov
    refuted, is found by "Durov" and "Дуров"); entries against one party, in whatever language,
    stand together where the newest of them falls.
    """
    from digests import allegations

    found = store.ledger_items(db, words=words, since=since, story_ids=story_ids, limit=limit * 4)
    if words.strip():
        seen = {(i.url, i.allegation.sentence) for i in found}
        scanned = store.ledger_items(db, since=since, story_ids=story_ids, limit=limit * 4)
        found += [
            i
            for i in scanned
            if (i.url, i.allegation.sentence) not in seen and _names(words, i.allegation)
        ]
    by_story: dict[tuple[int, str], list[LedgerItem]] = {}
    for item in found:
        by_story.setdefault((item.story_id, _merge_language(item.language)), []).append(item)
    entries: list[tuple[LedgerEntry, str]] = []
    for (story_id, language), items in by_story.items():
        # An article is known by its link: it outlives the article (retention), its id not.
        links = {i.url: SourceLink(i.source_title or compose.UNKNOWN_SOURCE, i.url) for i in items}
        published = max(i.published for i in items)
        keyed = [(i.url, i.allegation) for i in items]
        for allegation, urls in allegations.merge_keyed(keyed, language=language):
            sources = tuple(dict.fromkeys(links[u] for u in urls))
            entry = LedgerEntry(
                allegation=allegation, story_id=story_id, published=published, sources=sources
            )
            entries.append((entry, language))
    merged = _same_day(entries)
    merged.sort(key=lambda e: (e.published, e.allegation.salience), reverse=True)
    return _by_target(merged)[:limit]


def unread_languages(db: Database, words: str, *, stories: int = 20) -> list[str]:
    """Return the languages no allegation rules read of the stories the words find (the best
    ``stories`` of them), most articles first: why a ledger with nothing for a name may still
    be missing what those articles allege."""
    if not searchable(words):
        return []
    ids, _ = store.search_story_ids(db, words, limit=stories, spellings=latin_spellings(words))
    articles = store.story_articles(db, story_ids=ids, method=DEFAULT_METHOD, whole_texts=False)
    counts: dict[str, int] = {}
    for article in articles:
        code = (article.language or "").split("-")[0].lower()
        if code and code not in _cue_languages():
            counts[code] = counts.get(code, 0) + 1
    return sorted(counts, key=lambda code: (-counts[code], code))


def _merge_language(language: str | None) -> str:
    """Return the language whose rules merge an item's reports: its own when it has cues."""
    from digests.allegations.lexicon import DEFAULT_LANGUAGE

    code = (language or "").split("-")[0].lower()
    return code if code in _cue_languages() else DEFAULT_LANGUAGE


@lru_cache(maxsize=1)
def _cue_languages() -> frozenset[str]:
    from digests import allegations

    return frozenset(allegations.cue_languages())


def _same_day(entries: list[tuple[LedgerEntry, str]]) -> list[LedgerEntry]:
    """Merge entries of two stories that report one allegation on the same day (the same
    accuser, target and claim, in one language): one entry citing every source, the story of
    the report shown."""
    from digests import allegations

    out: list[tuple[LedgerEntry, str]] = []
    for entry, language in entries:
        for index, (kept, kept_language) in enumerate(out):
            if (
                kept_language == language
                and kept.story_id != entry.story_id
                and kept.published.date() == entry.published.date()
                and allegations.same_allegation(
                    kept.allegation, entry.allegation, language=language
                )
            ):
                allegation = allegations.combine(
                    kept.allegation, entry.allegation, language=language
                )
                first, second = (
                    (kept, entry)
                    if allegation.sentence == kept.allegation.sentence
                    else (entry, kept)
                )
                out[index] = (
                    LedgerEntry(
                        allegation=allegation,
                        story_id=first.story_id,
                        published=max(kept.published, entry.published),
                        sources=tuple(dict.fromkeys((*first.sources, *second.sources))),
                    ),
                    language,
                )
                break
        else:
            out.append((entry, language))
    return [entry for entry, _ in out]


def _names(words: str, item: Allegation) -> bool:
    """Return True when words name a party of the item: its target, accuser or a responder."""
    from digests import allegations

    parties = [item.target, item.accuser, *(r.responder for r in item.responses)]
    return any(allegations.same_target(words, p, None, None) for p in parties if p)


def _by_target(entries: list[LedgerEntry]) -> list[LedgerEntry]:
    """Put entries against one party together, at the place of the first; keep the rest's order.

    Then the patterns' readings go first (``compose.certain_first``): in each group, and as
    groups, a target read only by the fallback reader after the others.
    """
    from digests import allegations

    groups: list[list[LedgerEntry]] = []
    for entry in entries:
        target = entry.allegation.target
        group = next(
            (
                g
                for g in groups
                if target and allegations.same_target(g[0].allegation.target, target, None, None)
            ),
            None,
        )
        if group is None:
            groups.append([entry])
        else:
            group.append(entry)
    return [entry for group in compose.certain_first(groups) for entry in group]


TARGET_CANDIDATES = 10  # top_targets reads this many times its limit, then keeps the names


def top_targets(db: Database, *, since: datetime, limit: int = 8) -> list[tuple[str, int]]:
    """Return the named targets with the most allegations since a time, most first.

    Only names are offered as buttons ("Meta", "Toronto Police", "Interior Minister Priti
    Patel"), each read by its article's language (``allegations.is_button_name``): a role
    alone ("police", "Konzern"), a description ("Florida man"), a fragment ("there", "a day
    after the mayor", "Joe Biden only") or a stored item older than the extractor's party check
    is skipped. Its items stay in the ledger: "/allegations police" still finds them.
    """
    from digests import allegations

    ranked = _grouped(db, since=since, limit=limit * TARGET_CANDIDATES)
    return [(t, n) for t, language, n in ranked if allegations.is_button_name(t, language)][:limit]


def grouped_targets(db: Database, *, since: datetime, limit: int = 8) -> list[tuple[str, int]]:
    """Return (target, allegations) since a time, most first, one party in any spelling.

    "Durov", "Дуров" and "Дурова" count together (``allegations.target_key``), and so do keys
    apart only by a short case ending ("Газпрома", "Газпромом": ``allegations.same_key``); the
    most frequent spelling names the party. A party only the fallback reader found comes after
    every party with an item the clause patterns read (as in ``compose.certain_first``).
    """
    return [(name, total) for name, _, total in _grouped(db, since=since, limit=limit)]


def _grouped(db: Database, *, since: datetime, limit: int) -> list[tuple[str, str | None, int]]:
    """Return (shown spelling, its article language, allegations) as ``grouped_targets`` counts."""
    from digests import allegations

    # key -> [shown name, its count, total, latest, items the patterns read, its language]
    totals: dict[str, list[Any]] = {}
    for row in store.allegation_targets(db, since=since, limit=limit * SPELLINGS_PER_TARGET):
        key = allegations.target_key(row.target, row.language) or row.target
        if key not in totals:
            key = next((k for k in totals if allegations.same_key(k, key)), key)
        entry = totals.setdefault(key, [row.target, 0, 0, row.last, 0, row.language])
        entry[2] += row.count
        if row.target == entry[0]:
            entry[1] += row.count
        entry[3] = max(entry[3], row.last)
        entry[4] += row.certain
    ranked = sorted(totals.values(), key=lambda e: (e[4] > 0, e[2], e[3]), reverse=True)
    return [(str(e[0]), e[5], int(e[2])) for e in ranked[:limit]]
