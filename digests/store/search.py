"""Full-text search over articles (FTS5), ranked by story, and the index's upkeep."""

from __future__ import annotations

import dataclasses
import gzip
import itertools
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from digests import polish
from digests.house_style import capital_token, capitals_only, joined, solid_of, split_writings
from digests.letters import (
    START_LANGUAGES,
    STEM_LETTERS,
    closed_words,
    form_start,
    letter_word,
    plain_width,
    short_forms,
    stem_prefixes,
    unaccented,
    whole_word,
    writings,
)
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


# The languages whose articles the second query of a search (``search_terms``) looks in.
_START_CODES = ", ".join(f"'{code}'" for code in sorted(START_LANGUAGES))


# A language's query over its articles (``_own_query``): its code, and whether its articles
# are fewer than its query's hits (read as a list, else each hit's language is read).
OwnQuery = tuple[str, bool]


def _hits(
    tables: list[str],
    score: bool,
    compounds: str = "",
    own: Sequence[OwnQuery] = (),
    only: Sequence[str] = (),
) -> str:
    """Return a query of every table's hits for ``:q`` (rowid, and bm25 when ``score``), and
    with ``compounds`` those for ``:qc`` among the articles whose language meets it (SQL:
    ``_START_WHERE``, ``_NOT_POLISH``), and for each
    language of ``own`` those for ``:q_<code>`` among its articles (``_own_query``; an
    article may then come twice); with ``only``, the hits among those languages' articles
    (a list read once on the index of languages)."""
    # bm25 of each table uses that table's own statistics (its number of articles, their
    # mean length, each term's frequency), so a word rare in one week scores a little higher
    # there: close enough to rank across weeks, as every table indexes the same kind of text.
    named = [f'"{name}"' for name in tables]
    terms = [
        f"select rowid{f', bm25({t}, 5.0, 1.0) as score' if score else ''} from {t}"
        f" where {t} match :q"
        for t in named
    ]
    # Each hit's language read by its id (a primary-key lookup per hit of the start).
    terms += [
        f"select rowid{f', bm25({t}, 5.0, 1.0) as score' if score else ''} from {t}"
        f" where {t} match :qc"
        f" and (select language from articles where id = {t}.rowid) {compounds}"
        for t in (named if compounds else [])
    ]
    # A language of fewer articles than its query's hits: its articles as a list read once on
    # the index of languages ("+rowid": a test of each hit, not a lookup of each listed article
    # in the full-text index). Read per hit, as above, it made "police" over 100k English and
    # 98 French articles 8 ms, not 3: the French "polici" is English "policy" too. A language
    # of many articles (30,000) is read per hit: its list made "nuevo" 18 ms.
    terms += [
        f"select rowid{f', bm25({t}, 5.0, 1.0) as score' if score else ''} from {t}"
        f" where {t} match :q_{code} and "
        + (
            f"+rowid in (select id from articles where language = '{code}')"
            if listed
            else f"(select language from articles where id = {t}.rowid) = '{code}'"
        )
        + (_OWN_CHECK.format(table=t, code=code) if code in CHECKED_LANGUAGES else "")
        for code, listed in own
        for t in named
    ]
    if only:
        codes = ", ".join(f"'{code}'" for code in only if code.isalpha())
        listed = f" and +rowid in (select id from articles where language in ({codes}))"
        terms = [term + listed for term in terms]
    groups = [
        " union all ".join(terms[start : start + COMPOUND_TERMS])
        for start in range(0, len(terms), COMPOUND_TERMS)
    ]
    if len(groups) == 1:
        return groups[0]
    # More tables than one compound may hold: each group is a compound of its own, nested.
    return " union all ".join(f"select * from ({group})" for group in groups)


# Languages whose forms' query (``_own_query``) has each hit checked as a keyword filter reads
# it: the index's English stemmer makes a Polish form another word's ("powiatowi", a case of
# "powiat", is "powiatowy" too; "policje", of "policja", is "policjanci"), and Polish is not
# stored much (a check is ~25 us; on 100k English articles the query has no hit).
CHECKED_LANGUAGES = ("pl",)
_OWN_CHECK = (
    " and (select newsbot_holds(:w_{code}, a.language, a.title, a.text)"
    " from articles a where a.id = {table}.rowid)"
)


# A hit of a word the index's stems cannot tell from another (``_Typed.checked``) counts when
# the article holds the word by a keyword filter's rules: a call per hit, the article read
# (its title only where the words are looked for in titles).
_CHECKS = {
    "": "",
    "text": " and newsbot_holds(:checked, a.language, a.title, a.text)",
    "title": " and newsbot_holds(:checked, a.language, a.title, '')",
}


def _gated(check: str, gates: int) -> str:
    """Return the check of ``_CHECKS`` after a test, in SQL, that the article's title (or
    text) holds each gated word's start (``_gates``): few hits of "us" hold "uses", and the
    check read every one (2.6 s on 100k articles); LIKE ignores the case of ASCII letters."""
    if not check:
        return ""
    # An article of no known language: a filter reads the word as typed, as a start there.
    like = [f"(case when a.language is null then :h{n} else :g{n} end)" for n in range(gates)]
    tests = [
        f"a.title like {g}" if check == "title" else f"(a.text like {g} or a.title like {g})"
        for g in like
    ]
    return "".join(f" and {test}" for test in tests) + _CHECKS[check]


def _gate_params(checked: Sequence[str]) -> dict[str, str]:
    """Return the SQL parameters of ``_gated``: the LIKE pattern of each gated word (plain
    words of four letters or more: "us" is also "U.S.") in English text (``g<n>``) and in
    text of no known language (``h<n>``), where a filter reads the word as typed, a start."""
    words = [word for word in checked if len(word) >= 4 and word.isalpha()]
    found = {f"g{n}": f"%{_gate(word, 'en')}%" for n, word in enumerate(words)}
    return found | {f"h{n}": f"%{_gate(word, None)}%" for n, word in enumerate(words)}


def _gates(checked: Sequence[str]) -> int:
    """Return how many of the checked words ``_gated`` tests (``_gate_params``)."""
    return sum(1 for word in checked if len(word) >= 4 and word.isalpha())


@lru_cache(maxsize=1024)
def _gate(word: str, language: str | None) -> str:
    """Return letters that every form a filter takes of a word in text of ``language`` holds:
    the word, or its singular when taken ("elections": "election"), or, when a frequent word
    of its index stem is taken without them ("communities" for "community"), the start its
    forms share (``letters.form_start``: "communit")."""
    from digests.compose import holds

    cut = (word[:-2], word[:-1]) if word.endswith("s") else ()
    gate = next((c for c in cut if len(c) >= 4 and holds([word], [(language, c)])), word)
    stem = _index_stem(word)
    others = _joined_to(stem) if stem else []
    if any(gate not in other and holds([word], [(language, other)]) for other in others):
        return form_start(word, language)
    return gate


# A word after a minus that the index's stems join to another (``_Typed.spared``) leaves out
# the hits whose article holds it as a filter reads it, not every hit of its stem: "-use"
# keeps the articles that say "us".
_SPARED = " and not newsbot_holds_any(:spared, a.language, a.title, a.text)"


def _count_stories(
    tables: list[str],
    compounds: str,
    checked: bool = False,
    own: Sequence[OwnQuery] = (),
    spared: bool = False,
    only: Sequence[str] = (),
    gates: int = 0,
) -> str:
    return f"""
select count(*) from (
    select distinct a.story_id from ({_hits(tables, False, compounds, own, only)}) h
    join articles a indexed by {STORY_OF_INDEX} on a.id = h.rowid
    where a.story_id is not null{_gated("text" if checked else "", gates)}{_SPARED if spared else ""}
    limit :cap
)
"""


# bm25 with the weights of the tables' rank (titles five times the text, migration 004):
# called by name, it ranks the same and costs about 40% less than the rank column. The last
# column is how many hits were ranked: fewer than the limit means none was left out.
def _rank_stories(
    tables: list[str],
    compounds: str,
    check: str = "",
    own: Sequence[OwnQuery] = (),
    spared: bool = False,
    only: Sequence[str] = (),
    gates: int = 0,
) -> str:
    return f"""
with hits as materialized (
    select rowid, score from ({_hits(tables, True, compounds, own, only)}) order by score limit :hits
)
select a.story_id, min(hits.score) as best, (select count(*) from hits) from hits
join articles a indexed by {STORY_OF_INDEX} on a.id = hits.rowid
where a.story_id is not null{_gated(check, gates)}{_SPARED if spared else ""}
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
    holds such text (``unspaced.index_form``): "雅安" is found in "四川雅安市". A hyphenated
    word or a dotted acronym is also found written solid (``house_style.joined``: "e-mail"
    as "email", "U.S." as "US"), as the index holds such words both ways. With ``bare``
    (a word, not a quoted phrase) a Hebrew or Arabic word typed with a proclitic is also
    found bare (``proclitics.bare_copy``), as the index holds every such word too: "الحكومة"
    finds "والحكومة" and "حكومة"."""
    forms: list[str] = []
    for writing in writings(text):
        cut = bare_copy(writing) if bare else None
        solid = joined(writing)
        for written in (writing, *([cut] if cut else []), *([solid] if solid else [])):
            phrase = " ".join(_FTS_TOKEN.findall(index_form(written)))
            if phrase and phrase.lower() not in {f.lower() for f in forms}:
                forms.append(phrase)
    return forms


@lru_cache(maxsize=1)
def _porter() -> Any:
    """Return the index's stemmer: FTS5's "porter" tokenizer is Porter's original algorithm
    (NLTK's ORIGINAL_ALGORITHM gives the same stems but for a few "-y"/"-i" endings and words
    of two letters: 38 of 18,706 English Wikinews words, none that changes a stem's length
    past 3). Loaded when first searched: feed parsing imports the store, not NLTK."""
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)


@lru_cache(maxsize=1 << 14)
def _stem_of(token: str) -> str | None:
    """Return the stem the index holds a Latin-letter token as (accents folded, as FTS5's
    tokenizer folds them), or None for a token of other letters (the stemmer leaves it)."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", token.lower()) if not unicodedata.combining(ch)
    )
    return str(_porter().stem(plain)) if plain.isascii() and plain.isalpha() else None


# The English words a general text uses most (digests/data/word_prior.md), where a word the
# index's stemmer joins to another is looked for (``collides``).
_FREQUENT = Path(__file__).resolve().parents[1] / "data" / "word_prior.en.txt.gz"


def _index_stem(word: str) -> str | None:
    """Return the stem the index holds a word as: FTS5's porter leaves a word of one or two
    letters whole ("us"; NLTK's cuts it to "u")."""
    return word.lower() if len(word) <= 2 and word.isalpha() else _stem_of(word)


@lru_cache(maxsize=1)
def _frequent() -> tuple[str, ...]:
    """Return the frequent English words (``_FREQUENT``) of Latin letters, most frequent first."""
    lines = gzip.decompress(_FREQUENT.read_bytes()).decode("utf-8").splitlines()
    words = (line.partition("\t")[0] for line in lines)
    return tuple(word for word in words if word.isascii() and word.isalpha())


def _joined_to(stem: str) -> list[str]:
    """Return the frequent English words the index holds as ``stem``."""
    # Porter cuts endings and may turn a last "y" to "i": every such word starts with the
    # stem less its last letter, and only those are stemmed.
    start = stem[: max(1, len(stem) - 1)]
    return [word for word in _frequent() if word.startswith(start) and _index_stem(word) == stem]


# English stems the index's stemmer gives to different words that ``collides``' general rule
# takes for one: Snowball joins them too ("it", "its"). A word of such a stem is checked per
# hit unless every frequent word of the stem is its form; the check reads only the hits whose
# text holds its letters (``_gate``). Not "elect" ("election", "elected") nor "di" ("dies",
# "died"): words of one family, and checking them made "/search elections" 11 -> 35-40 ms on
# 100,000 English articles ("it" 34 -> 54-60 ms). Not "us" and "on" for "uses" and "ones":
# few of their hits hold them, and even gated the checks took 0.16 and 2.3 s on 100k articles.
JOINED_STEMS = frozenset({"it"})


@lru_cache(maxsize=4096)
def collides(word: str) -> bool:
    """Return True when the index's stemmer joins a word to a frequent English word that is
    another word: neither is the other's form by a keyword filter's rules (``compose.fits``),
    and the filter's stemmer parts them. "use" and "us" are both "us" in the index, "one" and
    "on" "on", "general" and "generation" "gener"; "election" and "elections" are one word.
    The index folds accents too: a word of one letter with a mark ("à", "ą") is "a".
    A search for such a word keeps the hits whose article holds it as a filter would."""
    from digests.compose import fits, holds  # compose is pure; the store needs it only here
    from digests.language import tools

    lowered = word.lower()
    if letter_word(lowered) is not None:
        return True  # one letter with a mark: the index folds "ą", "à" to "a"
    stem = _index_stem(lowered)
    english = tools("en")
    if stem is None or english is None:
        return False
    if stem in JOINED_STEMS:
        # Words the rules below take for one: any frequent word of the stem that a filter
        # does not read as this one's form ("elected" for "election", "its" for "it").
        return any(
            other != lowered and not holds([lowered], [("en", other)]) for other in _joined_to(stem)
        )
    # Not "uses" (a filter's plural rule reads "us" with "-es" as it), "ones", "dies": few
    # of the stem's hits hold them, and checking every hit of "us" took 2.6 s on 100,000
    # articles ("ones" 6.8 s) where "use" takes 50 ms.
    return any(
        other != lowered
        and english.stem(other) != english.stem(lowered)
        and not fits(other, lowered, "en")
        and not fits(lowered, other, "en")
        for other in _joined_to(stem)
    )


def _completes(form: str) -> bool:
    """Return True when a form may be looked for as a start (its last token a prefix): not
    when the index's stemmer makes its last word a stem under STEM_LETTERS letters, as FTS5
    stems a prefix too ("gas"* is "ga"*: "Gaza", "game"; "news"* is "new"*: "newly")."""
    tokens = form.split()
    stem = _stem_of(tokens[-1]) if tokens else None
    return stem is None or len(stem) >= STEM_LETTERS


@dataclass(frozen=True, slots=True)
class _Typed:
    """What a searcher typed, read: the terms wanted (forms, every form a start, whole words
    that match too), the terms left out, whether the last wanted term is a word, the
    pairs of wanted words also found written solid (the first's place, the solid word), the
    words each hit must hold by a keyword filter's rules (``collides``), and each wanted
    term's word when it is one of Latin letters (``_own_query``)."""

    wanted: tuple[tuple[tuple[str, ...], bool, tuple[str, ...]], ...]
    unwanted: tuple[str, ...]
    last_word: str | None
    joins: tuple[tuple[int, str], ...] = ()
    checked: tuple[str, ...] = ()
    latin: tuple[str | None, ...] = ()  # each wanted term's word, if one of Latin letters
    placed: tuple[bool, ...] = ()  # each wanted term's forms stand where the text has them
    spared: tuple[str, ...] = ()  # words after a minus that ``collides`` (checked per hit)
    near: bool = False  # the placed words must stand near each other (``NEAR_GAP``)
    # The only languages whose articles are searched (a word of one letter with a mark,
    # ``letters.letter_word``); None: every article.
    languages: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class _Index:
    """What the index says to a search being read: whether an FTS5 term has a hit
    (``occurs``), the words it holds that start with some letters (``starting``), and in how
    many articles a word ``starting`` gave is (``documents``), which of some terms it holds
    (``held``), and whether a query has a hit in a language's articles (``occurs_in``)."""

    occurs: Callable[[str], bool]
    starting: Callable[[str], list[str]]
    documents: Callable[[str], int] = lambda term: 0
    # The terms of some that it holds (``_held_terms``); by default all of them.
    held: Callable[[Sequence[str]], set[str]] = lambda terms: set(terms)
    # Whether a query has a hit among a language's articles (``_any_hit``).
    occurs_in: Callable[[str, str], bool] = lambda query, language: True


def _read(words: str, spellings: Mapping[str, str] | None, index: _Index | None = None) -> _Typed:
    words = plain_width(words)  # "ＵＳ" typed on an East-Asian keyboard is "US"
    wanted: list[tuple[tuple[str, ...], bool, tuple[str, ...]]] = []
    typed_words: list[str | None] = []  # each wanted term's word, if it is a plain word
    unwanted: list[str] = []
    checked: list[str] = []
    spared: list[str] = []
    latin: list[str | None] = []
    placed: list[bool] = []
    languages: set[str] | None = None
    last_word: str | None = None
    # Words all in capitals ("US ELECTION") are no acronyms: the searcher writes in capitals.
    shouted = len(words.split()) > 1 and not any(ch.islower() for ch in words)
    seen: set[tuple[str, ...]] = set()
    for match in _QUERY_PART.finditer(words.translate(_QUOTES)):
        minus, phrase, word_minus, word = match.groups()
        # A word or phrase typed again adds nothing but FTS5 work ("Senacie" 25 times took
        # half a second, the bot's other chats waiting): it is read once.
        part = tuple((group or "").casefold() for group in (minus, phrase, word_minus, word))
        if part in seen:
            last_word = None  # the word before it is no start: it was not typed last
            continue
        seen.add(part)
        letters = capitals_only(word) if phrase is None and not shouted else None
        if letters is not None:
            # "US", "U.S.", "WHO": the acronym, by the token the index holds for it in
            # capitals (``house_style.capital_token``), never the pronoun "us".
            if word_minus == "-":
                unwanted.append(f'"{capital_token(letters)}"')
            else:
                wanted.append(((capital_token(letters),), False, ()))
                typed_words.append(None)
                latin.append(None)
                placed.append(False)  # the index holds such tokens after the text
                last_word = None
            continue
        forms = _forms(phrase if phrase is not None else word, bare=phrase is None)
        if not forms:
            continue
        if (minus if phrase is not None else word_minus) == "-":
            if phrase is None and collides(word):
                spared.append(word.lower())  # "-use": not every "us"
            else:
                unwanted.append(_either(forms, prefix=False))
            continue
        tokens = forms[0].split()
        other = (spellings or {}).get(tokens[0].lower()) if len(tokens) == 1 else None
        spelt = " ".join(_FTS_TOKEN.findall(other or ""))
        more = [spelt] if spelt and other != tokens[0].lower() else []
        # A Russian or Ukrainian word finds its other case forms by its stem, as a prefix; a
        # Persian plural (بودجه‌ها, two tokens) its singular.
        stems = stem_prefixes(word) if phrase is None else ()
        own: list[str] = []
        if stems and index is not None and _cyrillic(word):
            # The index's words that start with a stem, each judged as a keyword filter
            # judges it (``compose.fits``): "закон" finds "закона", not "законопроект".
            own = _own_words(word, stems, index)
            stems = ()
        for stem in stems:  # ("закон" is its own stem: the word as typed, a start)
            typed = {f.lower() for f in (*forms, *more)}
            more += [form for form in _forms(stem) if form.lower() not in typed]
        # A Ukrainian place name's case finds the name standing alone: "Києва", "Київ".
        whole = [f for w in (closed_words(word) if phrase is None else ()) for f in _forms(w)]
        whole += _plurals(word) if phrase is None else []
        whole += [w for w in own if w not in whole]
        if phrase is None and index is not None:
            # A word written as two elsewhere: "healthcare" finds "health care" where the
            # index holds that phrase (``house_style.split_writings``).
            whole += [p for p in split_writings(word) if index.occurs(f'"{p}"')]
        if phrase is None and whole_word(word):
            # A noun found as its case forms, whole words, the word as typed among them; as
            # a start it would find other words ("Дума": "думали").
            forms = [f for f in forms if f.lower() not in {w.lower() for w in whole}]
        if phrase is None and collides(word):
            # In lower case, as the index reads it: a filter reads "US" as the acronym.
            checked.append(word.lower())
        written_in = letter_word(word) if phrase is None else None
        if written_in is not None:  # "à": in French and Portuguese articles only
            languages = set(written_in) if languages is None else languages & set(written_in)
        starts = bool(more or stems)
        wanted.append((tuple([*forms, *more] if starts else forms), starts, tuple(whole)))
        typed_words.append(word if phrase is None and not starts else None)
        latin.append(word if phrase is None and _latin(word) else None)
        placed.append(phrase is None and _placed(word))
        last_word = word if phrase is None else None
    joins = _joins(typed_words, index)
    return _Typed(
        tuple(wanted),
        tuple(unwanted),
        last_word,
        joins,
        tuple(checked),
        tuple(latin),
        tuple(placed),
        tuple(spared),
        languages=None if languages is None else tuple(sorted(languages)),
    )


def _placed(word: str) -> bool:
    """Return True when every form the index finds a word by stands where the text writes
    it: a plain word. Not one written solid from its hyphen or full stops ("e-mail":
    "email"), a Hebrew or Arabic word's bare copy, an acronym's token in capitals (the index
    holds those after the text), nor Chinese, Japanese or Thai letters (held as pairs)."""
    return all(
        joined(writing) is None and bare_copy(writing) is None and index_form(writing) == writing
        for writing in writings(word)
    ) and bool(_FTS_TOKEN.fullmatch(word))


def _joins(typed_words: list[str | None], index: _Index | None) -> tuple[tuple[int, str], ...]:
    """Return the pairs of words typed side by side that the index also holds written solid
    ("health care": "healthcare"), each word in one pair at most, left first."""
    joins: list[tuple[int, str]] = []
    place = 0
    while index is not None and place + 1 < len(typed_words):
        first, second = typed_words[place], typed_words[place + 1]
        solid = solid_of(first, second) if first and second else None
        if solid is not None and index.occurs(f'"{solid}"'):
            joins.append((place, solid))
            place += 2
        else:
            place += 1
    return tuple(joins)


def _cyrillic(word: str) -> bool:
    return word.isalpha() and all("\u0400" <= ch <= "\u04ff" for ch in word.lower())


def _own_words(word: str, stems: Sequence[str], index: _Index) -> list[str]:
    """Return the words of the index that start with one of a Russian or Ukrainian word's
    stems (in each of their writings: ё/е) and are that word's own by the rules a keyword
    filter reads either language with (``compose.fits``)."""
    from digests.compose import fits  # compose is pure; the store needs it only here

    found: list[str] = []
    for stem in stems:
        for writing in writings(stem.lower()):
            found += [
                term
                for term in index.starting(writing)
                if term not in found and (fits(term, word, "ru") or fits(term, word, "uk"))
            ]
    return found


def _query(typed: _Typed, *, complete: bool, short: bool = False) -> str:
    """Return the FTS5 query of what was typed, the last word a start when ``complete``
    (with ``short``, even one the index stems under STEM_LETTERS letters)."""
    wanted = list(typed.wanted)
    if not wanted:
        return ""
    if complete and typed.last_word is not None:
        wanted[-1] = (wanted[-1][0], True, wanted[-1][2])
    choices = [
        _alternatives(forms, prefix=prefix, whole=whole, short=short)
        for forms, prefix, whole in wanted
    ]
    terms = [_one_of(choice) for choice in choices]
    placed = [typed.near and n < len(typed.placed) and typed.placed[n] for n in range(len(terms))]
    for place, solid in reversed(typed.joins):  # two words, or the two written solid
        pair = _near(choices[place : place + 2]) if all(placed[place : place + 2]) else ""
        both = pair or f"{terms[place]} AND {terms[place + 1]}"
        terms[place : place + 2] = [f'(({both}) OR "{solid}")']
        placed[place : place + 2] = [False]
        choices[place : place + 2] = [[]]
    # The other placed words near each other, in the first one's place.
    group = [n for n, (p, c) in enumerate(zip(placed, choices, strict=True)) if p and c]
    near = _near([choices[n] for n in group]) if len(group) > 1 else ""
    if near and len(group) == 2:
        # A title runs into its text: one word in the title, the other in the text is near
        # too ("Ferry timetable": "A strike was called off").
        first, second = (terms[n] for n in group)
        split = [
            f"({{title}} : {a} AND {{text}} : {b})" for a, b in ((first, second), (second, first))
        ]
        near = f"({near} OR {' OR '.join(split)})"
    if near:
        terms = [near if n == group[0] else t for n, t in enumerate(terms) if n not in group[1:]]
    # Explicit ANDs: FTS5 reads an implicit AND only between phrases, not after a "(...)".
    query = " AND ".join(terms)
    if typed.unwanted:
        query = f"({query})" + "".join(f" NOT {term}" for term in typed.unwanted)
    return query


def fts_query(
    words: str, spellings: Mapping[str, str] | None = None, *, complete: bool = True
) -> str:
    """Turn free text into a safe FTS5 query: every word or "quoted phrase" must match (the
    last word as a prefix when ``complete``: ``search_terms`` decides), none of those after a
    minus ("-sport", -"transfer window"); “…”, „…“ and «…» quote as "…" does. A Russian or
    Ukrainian word (not a quoted phrase) also matches as its stems, prefixes
    (``letters.stem_prefixes``: "Москва" finds "Москве", "Київ" "Києва"), or, a noun whose
    stem is too short to be a start, as its case forms only, whole words, even last
    (``letters.whole_word``: "Дума" finds "Думы", never "думали"), and a Persian plural as its
    singular. A word written with letters that news prints more than one way (Королев /
    Королёв, Persian ی / Arabic ي) finds every writing, a hyphenated word or dotted acronym
    its solid writing too ("e-mail": "email"). No form whose last word the index stems under
    STEM_LETTERS letters is a prefix (``_completes``: "gas"* would be "ga"*); a word of Latin
    letters finds its plural too where the stemmer parts them (``_plurals``: "gases").

    ``spellings`` gives a word another spelling that matches as well, as a prefix
    ({"дурова": "durov"}: the Latin spelling of a Cyrillic name). With no word or phrase to
    look for (nothing, or only words to leave out) the query is "".
    """
    return _query(_read(words, spellings), complete=complete)


def _either(
    forms: Sequence[str], *, prefix: bool, whole: Sequence[str] = (), short: bool = False
) -> str:
    """Return an FTS5 term matching any of ``forms`` (each a prefix when ``prefix`` and it
    ``_completes``, or ``short``) or of the ``whole`` words."""
    return _one_of(_alternatives(forms, prefix=prefix, whole=whole, short=short))


def _alternatives(
    forms: Sequence[str], *, prefix: bool, whole: Sequence[str] = (), short: bool = False
) -> list[str]:
    """Return the FTS5 phrases of ``_either``, one for each form or whole word."""
    star = [prefix and (short or _completes(form)) for form in forms]
    terms = [f'"{form}"{"*" if s else ""}' for form, s in zip(forms, star, strict=True)]
    return terms + [f'"{word}"' for word in whole if f'"{word}"' not in terms]


def _one_of(terms: Sequence[str]) -> str:
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


# Words typed together are looked for near each other: at most this many tokens between one
# and the next ("rates of interest", "change to the climate"), in the title or in the text.
NEAR_GAP = 3
# FTS5's NEAR takes phrases, not a choice of them: each choice of every word's forms is a
# NEAR of its own. Past this many, the words are found anywhere, as before.
NEAR_CHOICES = 32


# The part of a query that finds two words one in the title, the other in the text (``_query``):
# left out where every word is looked for in the title (FTS5 lets the inner column filter win).
_TERM = r'(?:"[^"]*"\*?|\([^()]*\))'
_SPLIT = re.compile(rf" OR \(\{{title\}} : {_TERM} AND \{{text\}} : {_TERM}\)")


def _near(choices: Sequence[Sequence[str]]) -> str:
    """Return an FTS5 term matching the words (each one of its phrases) near each other, ""
    when they have too many choices of forms."""
    count = 1
    for choice in choices:
        count *= len(choice)
    if count > NEAR_CHOICES or not all(choices):
        return ""
    gap = NEAR_GAP * (len(choices) - 1) + len(choices) - 2
    groups = [f"NEAR({' '.join(pick)}, {gap})" for pick in itertools.product(*choices)]
    return _one_of(groups)


def _plurals(word: str) -> list[str]:
    """Return a word of Latin letters with the plural ending its spelling takes ("-es" after
    s, x, z, ch, sh; "-x" after eu, au; else "-s"), when the index's stemmer does not bring
    that plural to the word's stem: "gases" is "gase", "gas" "ga"; French "feux", "feu"."""
    lowered = word.lower()
    if not _latin(lowered) or len(lowered) < 2:
        return []
    if lowered.endswith(("s", "x", "z", "ch", "sh")):
        plural = lowered + "es"
    elif lowered.endswith(("eu", "au")):
        plural = lowered + "x"
    else:
        plural = lowered + "s"
    return [plural] if _stem_of(plural) != _stem_of(lowered) else []


def _latin(word: str) -> bool:
    """Return True for a word of Latin letters only."""
    return word.isalpha() and all(ch < "\u0250" for ch in word)


def _compound_start(word: str | None) -> bool:
    """Return True when a last word may be a compound's first part in the languages that
    write compounds solid (``letters.START_LANGUAGES``; "Klima": "Klimawandel"): Latin
    letters, STEM_LETTERS of them or more, as keyword filters read it (``compose.fits``)."""
    return word is not None and len(word) >= STEM_LETTERS and _latin(word)


def search_terms(
    db: Database, words: str, spellings: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """Return the FTS5 queries a search runs: one over every article, and one ("" if none)
    over the articles in a language of ``letters.START_LANGUAGES`` only.

    The last word is looked for as a start (a word still being typed: inline mode sends each
    keystroke) only when it is no whole word in the index: one MATCH of it alone over the
    index's tables, stopping at the first hit. "election" is a word, and finds no
    "electricity"; "electio" is none, and finds "election". A whole word of Latin letters,
    STEM_LETTERS or more, is still a start in the articles of the languages that write
    compounds solid ("Klima": "Klimawandel"), by the second query.

    The index also says (``_read``): which words a Russian or Ukrainian word's stem starts,
    kept when a keyword filter would keep them ("закон": "закона", not "законопроект");
    whether two words typed side by side are held written solid ("health care":
    "healthcare"), and whether a word is held written as two ("healthcare": "health care").
    An acronym of two or three letters typed in capitals is found by the token the index
    holds for it in capitals ("US": not "us").

    A word the index's stems join to a frequent other word (``collides``: "use", "us") is
    found only in the articles that hold it as a keyword filter reads them
    (``search_story_ids`` checks each hit).
    """
    query, compounds, *_ = _queries(db, words, spellings)
    return query, compounds


# A search's queries (``_queries``): over every article, over the articles the last item's
# SQL test of their language keeps (a start in START_LANGUAGES' articles; a short Polish
# noun's start outside Polish ones), the words each hit must hold, the queries over one
# language's articles, the words after a minus checked per hit, and the only languages
# searched (() for every one).
_Queries = tuple[
    str,
    str,
    tuple[str, ...],
    tuple[tuple[str, str, bool, str], ...],
    tuple[str, ...],
    tuple[str, ...],
    str,
]
# The SQL tests of an article's language for the second query (``_Queries``).
_START_WHERE = f"in ({_START_CODES})"
_NOT_POLISH = "is not 'pl'"


def _queries(
    db: Database, words: str, spellings: Mapping[str, str] | None, *, near: bool = True
) -> _Queries:
    """Return ``search_terms``' queries, the words each hit must hold (``_Typed.checked``),
    and the queries over one language's articles (``_own_query``): its code, the query, and
    whether the language has fewer articles than the query's words are in. With ``near``,
    plain words typed together are looked for near each other (``_Typed.near``). A word of
    one letter with a mark ("à") is looked for in its languages' articles only
    (``letters.letter_word``): no query when none is stored."""
    tables = searched_tables(db.conn)
    documents: dict[str, int] = {}

    read: dict[str, list[str]] = {}  # each start read once: languages share most starts

    def starting(start: str) -> list[str]:
        if start not in read:
            found = _index_words(db, tables, start)
            documents.update(found)
            read[start] = list(found)
        return read[start]

    index = _Index(
        occurs=lambda term: _any_hit(db, tables, term),
        starting=starting,
        documents=lambda term: documents.get(term, 0),
        held=lambda terms: _held_terms(db, tables, terms),
        occurs_in=lambda query, code: _any_hit(db, tables, query, language=code),
    )
    typed = dataclasses.replace(_read(words, spellings, index), near=near)
    only: tuple[str, ...] = ()
    if typed.languages is not None:
        query = "select 1 from articles where language = ? limit 1"
        only = tuple(c for c in typed.languages if db.execute(query, [c]).fetchone() is not None)
        if not only:
            return "", "", (), (), (), (), ""
    own: list[tuple[str, str, bool, str]] = []
    codes = _own_languages(db) if any(typed.latin) and not only else []
    for code in codes:
        query, hits = _own_query(typed, code, index)
        # Polish forms are not counted (``_polish_forms``): read as a list up to LISTED.
        listed = bool(query) and _fewer_articles(db, code, hits if code != "pl" else LISTED)
        # A language of few articles, whose forms are another language's words too (Polish
        # "policy" for "police", "healthie" for "health"): the query is kept only when one
        # of its articles has a hit (~0.3 ms at most on 100k English articles), or each
        # count and rank read those words' hits again ("health care" 3.5 -> 8-12 ms).
        if query and (not listed or _any_hit(db, tables, query, language=code)):
            # The words its hits must hold (``CHECKED_LANGUAGES``), one a line.
            held = (
                "\n".join(w.lower() for w in typed.latin if w) if code in CHECKED_LANGUAGES else ""
            )
            own.append((code, query, listed, held))
    # A last word the index holds only in its Polish forms ("powiat": "powiatu", "w
    # powiecie") is a whole word, not a start ("powiatowy"), as one the index holds is.
    polish_query = next((query for code, query, *_ in own if code == "pl"), "")
    last = typed.last_word

    def held_in_polish() -> bool:
        forms = _polish_held(last.lower(), index) if last is not None and polish_query else []
        return bool(forms) and _any_hit(db, tables, _either(forms, prefix=False), language="pl")

    # A short Polish noun ("pole", "kot") starts many other words ("polecenie", "kotlet"):
    # in Polish articles it is its forms only, never a start (``polish.short_noun``).
    short = "pl" in codes and last is not None and polish.short_noun(last)
    main, compounds, where, checked = _main_queries(db, tables, typed, held_in_polish, short)
    return main, compounds, checked, tuple(own), typed.spared, only, where


def _main_queries(
    db: Database,
    tables: list[str],
    typed: _Typed,
    held: Callable[[], bool] = lambda: False,
    short_polish: bool = False,
) -> tuple[str, str, str, tuple[str, ...]]:
    """Return the query over every article, a second query, the SQL test of the language of
    the articles it is asked of (``_Queries``), and the words each hit must hold. ``held``
    tells whether the index holds the last word in another form than as typed (asked only
    when it holds none as typed); with ``short_polish`` a last word it holds in no form is
    a start outside Polish articles only."""
    query = _query(typed, complete=False)
    completed = _query(typed, complete=True)
    # A German word's stem by the English stemmer says little ("Haus" is "hau"): in those
    # articles the word typed (four letters or more) is a start whatever its stem, or
    # "Häuser", "Hausarzt" would not be found (14 of 56 Potsdam commentaries, not 56).
    compounds = _query(typed, complete=True, short=True)
    if compounds == query:
        return query, "", "", typed.checked
    if completed != query:
        # The word as typed (its writings), not the words it also finds: "законо" finds
        # "закона" by its stem, and is still a start ("законопроект") as one types.
        forms, _, whole = typed.wanted[-1]
        if not _any_hit(db, tables, _either(forms or whole, prefix=False)) and not held():
            if short_polish:
                return query, completed, _NOT_POLISH, typed.checked
            return completed, "", "", typed.checked
    # Only when an article in those languages has a hit: an English-only database would
    # otherwise pay for the second query each time it counts and ranks (~0.3 ms a search).
    if (
        _compound_start(typed.last_word)
        and _has_start_articles(db)
        and _any_hit(db, tables, compounds, starts=True)
    ):
        return query, compounds, _START_WHERE, typed.checked
    return query, "", "", typed.checked


# Languages whose forms the index's English stemmer parts ("nuevo" from "nueva", "nouveau"
# from "nouvelle", "internacional" from "internacionales"): a search also looks in their
# articles for the index's words that a keyword filter takes as the word's forms there.
OWN_LANGUAGES = ("es", "fr", "it", "pt", "pl")
# The endings the index's stemmer (Porter's) cuts from a Spanish, French, Italian or
# Portuguese form's end ("nuevas": "nueva", "presidente": "president"): a word of the index,
# a stem, is read back as itself with one of them.
_CUT_ENDINGS = ("", "s", "e", "es")
# A form is at most this many letters longer than the word typed ("nouveau": "nouvelles").
_FORM_LETTERS = 3
# A noun's or adjective's gender and number forms, by language: the ending a word typed ends
# with (accents folded; the longest that fits), and the endings its forms take in its place
# ("nuevo": "nueva", "nuevos"; "nouveau": "nouvelle"; "international": "internationaux";
# "presidente": "presidenta"). A search looks for these in a language's articles, not a
# verb's forms, which keyword filters take too ("parti": "partir"; "port": "portait"), nor
# a stem's other words ("policía": "policial"). A word of fewer than STEM_LETTERS letters
# takes a plural's endings only ("red": "redes"; "sol", no "solo").
_ES_O = ("o", "a", "os", "as")
_ES_E = ("", "e", "es", "a", "as")
_PT_AO = ("ao", "aos", "oes", "aes", "a", "as")
_FR_EAU = ("eau", "eaux", "el", "elle", "elles")
_FR_AL = ("al", "ale", "ales", "aux")
_FR_E = ("", "e", "es", "ee", "ees", "s")
_GENDER_FORMS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "es": (
        *((end, _ES_O) for end in ("os", "as", "o", "a")),
        *((end, _ES_E) for end in ("es", "e")),
        ("", ("", "s", "es", "a", "as")),
    ),
    "pt": (
        *((end, _PT_AO) for end in ("oes", "aes", "aos", "ao")),
        *((end, _ES_O) for end in ("os", "as", "o", "a")),
        *((end, _ES_E) for end in ("es", "e")),
        ("", ("", "s", "es", "a", "as")),
    ),
    "it": tuple((end, ("o", "a", "i", "e")) for end in ("o", "a", "i", "e")),
    "fr": (
        *((end, _FR_EAU) for end in ("eaux", "eau")),
        *((end, _FR_AL) for end in ("aux", "al")),
        *((end, _FR_E) for end in ("ees", "ee", "es", "e")),
        *((end, ("", "s", "x", "e", "es", "ne", "nes", "le", "les")) for end in ("s", "x", "")),
    ),
}
_PLURALS = {
    "es": ("", "s", "es"),
    "pt": ("", "s", "es"),
    "it": ("", "i", "e"),
    "fr": ("", "s", "x"),
}


# A language whose forms' hits are not counted is read as a list of its articles when it has
# fewer than this many ("nuevo" read 30,000 listed in 18 ms, per hit in 0.5 ms).
LISTED = 3000


def _own_languages(db: Database) -> list[str]:
    """Return the languages of OWN_LANGUAGES that stored articles are in (one lookup each on
    the index of languages)."""
    query = "select 1 from articles where language = ? limit 1"
    return [code for code in OWN_LANGUAGES if db.execute(query, [code]).fetchone() is not None]


def _fewer_articles(db: Database, language: str, hits: int) -> bool:
    """Return True when fewer articles are in a language than ``hits`` (counted on the index
    of languages up to that many)."""
    query = "select count(*) from (select 1 from articles where language = ? limit ?)"
    return int(db.execute(query, [language, hits]).fetchone()[0]) < hits


def _own_query(typed: _Typed, language: str, index: _Index) -> tuple[str, int]:
    """Return a query over a language's articles for what was typed, each word of Latin
    letters also matching the index's words that are its forms in that language as a keyword
    filter reads them (``_own_words_in``), when some word has such forms the query over every
    article does not find, and the number of articles (of any language) holding those forms;
    "" when none has."""
    extra = [_own_words_in(word, language, index) if word else [] for word in typed.latin]
    if not any(extra):
        return "", 0
    hits = sum(index.documents(_index_term(form)) for more in extra for form in more)
    more_forms = [
        (forms, starts, (*whole, *more))
        for (forms, starts, whole), more in zip(typed.wanted, extra, strict=True)
    ]
    # Only the hits that hold one of those forms (the others the first query finds): for each
    # word that has such forms, those forms in its place, the other words as they are found
    # here. Not "(every form) AND (those)": FTS5 would read every hit of the word's own term
    # ("police": 1.2 ms on 100k English articles, for a French "policier" or two).
    queries = []
    for place, more in enumerate(extra):
        if more:
            wanted = [*more_forms[:place], ((), False, tuple(more)), *more_forms[place + 1 :]]
            queries.append(_query(dataclasses.replace(typed, wanted=tuple(wanted)), complete=False))
    return queries[0] if len(queries) == 1 else " OR ".join(f"({q})" for q in queries), hits


def _own_words_in(word: str, language: str, index: _Index) -> list[str]:
    """Return the index's words that are a word's forms in a language by a keyword filter's
    rules (``compose.fits``) and that the word's own terms miss, each written as a word the
    index holds as it ("nuevo": "nueva"; "nouveau": "nouvelle", held as "nouvel").

    The index holds stems, accents folded: each that starts as the word's forms do
    (``letters.form_start``, folded) is read back as a word (its letters given the word's
    accents, and an ending of ``_CUT_ENDINGS``) that the index stems to it."""
    from digests.compose import fits  # compose is pure; the store needs it only here

    lowered = word.lower()
    # Words the index holds apart whatever their letters: an adjective cut short ("primer",
    # "primero") and a short "-ão" noun's plural ("nação", "nações").
    paired = [
        form
        for form in (*_short_partners(lowered, language), *_short_ao(lowered, language))
        if fits(form, lowered, language)
    ]
    if language == "pl":
        return [*paired, *_polish_held(lowered, index)]
    base, endings = _gender_base(lowered, language)
    # A short word's forms start with it ("ley": "leyes"), a longer one's as a filter's do.
    start = base if len(base) < STEM_LETTERS else unaccented(form_start(lowered, language))
    if len(start) < STEM_LETTERS - 1:
        return paired
    own = {_stem_of(form) for form in (lowered, *_plurals(lowered))}
    found: list[str] = paired
    for term in index.starting(start):
        if term in own or len(term) > len(lowered) + _FORM_LETTERS:
            continue
        if not term.startswith(base[: len(term)]):
            continue
        written = "".join(
            typed if n < len(lowered) and unaccented(typed) == ch else ch
            for n, (ch, typed) in enumerate(
                zip(term, lowered[: len(term)].ljust(len(term)), strict=True)
            )
        )
        for ending in _CUT_ENDINGS:
            form = written + ending
            if (
                unaccented(form).startswith(base)
                and unaccented(form)[len(base) :] in endings
                and _stem_of(form) == term
                and fits(form, lowered, language)
            ):
                found.append(form)
                break
    return found


def _short_partners(lowered: str, language: str) -> list[str]:
    """Return an adjective's form cut short before a noun, or its full form and that one's
    gender and number forms (``letters.short_forms``): "primero": "primer"; "gran":
    "grande", "grandes"."""
    found = []
    for other in short_forms(lowered, language):
        found.append(other)
        if len(other) > len(lowered):
            base, endings = _gender_base(other, language)
            found += [base + ending for ending in endings if base + ending != other]
    return found


# A Portuguese "-ão" noun's plurals, and the other way ("nação": "nações"; "mão": "mãos"):
# its stem before "-ão" may be under STEM_LETTERS letters, which ``_gender_base`` keeps whole.
_AO_PLURALS = ("ões", "ães", "ãos")


def _short_ao(lowered: str, language: str) -> list[str]:
    """Return a short Portuguese "-ão" noun's plurals, or a plural's "-ão" singular."""
    if language != "pt":
        return []
    if lowered.endswith("ão"):
        return [lowered[:-2] + plural for plural in _AO_PLURALS]
    return [lowered[:-3] + "ão" for plural in _AO_PLURALS if lowered.endswith(plural)]


# Polish case endings of nouns and adjectives, singular and plural, as text writes them
# ("wybory": "wyborów", "wyborach"; "Warszawa": "Warszawie", "Warszawy"; "prezydent":
# "prezydenta", "prezydentem"). A form is kept when a keyword filter takes it
# (``compose.fits``: the stem judged by the Polish stemmer), so "kot" finds "kota", "koty",
# not "kotlet"; a changed consonant ("Polska": "Polsce") the filter does not take either.
_PL_ENDINGS = (
    *("", "a", "u", "owi", "em", "e", "ie", "y", "i", "ów", "om", "ami", "ach", "ę", "ą", "o"),
    *("ego", "emu", "ej", "ym", "ymi", "ich", "imi", "im", "ia", "iu", "iem", "ią", "ię"),
    *("iom", "iami", "iach", "owie", "ach"),
)
# The vowels of a stem's last syllable that its forms write otherwise: "ó" as "o" as an
# ending opens the syllable ("samochód": "samochodu", "Kraków": "Krakowa"), "ł" as "l"
# before "e" ("stół": "stole"), "ą" as "ę" ("mąż": "męża"); and the other way.
_PL_SWAPS = (("ó", "o"), ("o", "ó"), ("ł", "l"), ("ą", "ę"), ("ę", "ą"))


def _index_term(form: str) -> str:
    """Return the term the index holds a Latin word as: its accents folded, as FTS5's
    tokenizer folds them (not "ł"), stemmed by porter when then of ASCII letters only."""
    return _stem_of(form) or unaccented(form.lower())


@lru_cache(maxsize=1024)
def _polish_forms(lowered: str) -> tuple[str, ...]:
    """Return a Polish word's case forms by a keyword filter's rules, written as text has
    them: the word less its ending (``_PL_ENDINGS``, the longest that leaves three letters),
    its last syllable's vowel or "ł" as its forms may write it (``_PL_SWAPS``), and each
    ending; those the word's own terms miss. The index's words are not read for them: a
    start's words and their counts cost more than the query (an English word's start:
    "health" 3.5 -> 8-12 ms), and a term it has not costs FTS5 nothing."""
    from digests.compose import fits  # compose is pure; the store needs it only here

    cut = max(
        (e for e in _PL_ENDINGS if lowered.endswith(e) and len(lowered) - len(e) >= 3),
        key=len,
        default=None,
    )
    if cut is None:  # a word under three letters ("o", "w", "na"): no forms to add
        return ()
    base = lowered[: len(lowered) - len(cut)]
    bases = [base]
    for one, other in _PL_SWAPS:  # each swap with or without the others ("stół": "stol")
        for written in list(bases):
            place = written.rfind(one)
            if place >= 0 and not any(ch in "aeiouyąęó" for ch in written[place + 1 :]):
                bases.append(written[:place] + other + written[place + 1 :])
    own = {_index_term(lowered), *(_index_term(form) for form in _plurals(lowered))}
    found: dict[str, str] = {}  # a term once, written as the first form the filter takes
    # A bare stem that ends in "j" or "i" is no word ("policj"), and the index's English
    # stemmer makes it other words' ("policjanci", "policjant": "policj").
    forms = [b + e for b in bases for e in _PL_ENDINGS if e or b[-1:] not in "ji"]
    for form in (*forms, *polish.case_forms(lowered)):
        term = _index_term(form)
        if term not in own and term not in found and fits(form, lowered, "pl"):
            found[term] = form
    return tuple(found.values())


def _polish_held(lowered: str, index: _Index) -> list[str]:
    """Return a Polish word's forms (``_polish_forms``) whose term the index holds: the rules
    guess forms that are no words ("mieście": "miest-", "miost-" in three genders, 45
    terms, four held), and each was a term of the query, read in every table of the index."""
    forms = _polish_forms(lowered)
    # Most Latin words typed have no form in Polish articles ("state"): one hit check, as
    # ``_queries`` makes of the forms' query anyway, spares them the vocabulary's lookups.
    if not forms or not index.occurs_in(_either(forms, prefix=False), "pl"):
        return []
    held = index.held(sorted({_index_term(form) for form in forms}))
    return [form for form in forms if _index_term(form) in held]


def _gender_base(lowered: str, language: str) -> tuple[str, tuple[str, ...]]:
    """Return a word less its gender or number ending (accents folded), and the endings its
    forms take there (``_GENDER_FORMS``): "nuevo": "nuev", "europeo": "europe", "nouveau":
    "nouv", "policía": "polici" (with "a", "as", "o", "os": no "policis")."""
    plain = unaccented(lowered)
    if len(plain) < STEM_LETTERS:
        return plain, _PLURALS.get(language, ("",))
    for cut, endings in _GENDER_FORMS.get(language, ()):
        if plain.endswith(cut) and len(plain) - len(cut) >= STEM_LETTERS:
            return plain[: len(plain) - len(cut)], endings
    return plain, ("",)


def _has_start_articles(db: Database) -> bool:
    """Return True when any stored article is in a language of START_LANGUAGES (read on the
    index of languages): an English-only window otherwise scanned every match of the word's
    start for one, ~10 ms for "state" on 100k articles."""
    query = f"select 1 from articles where language in ({_START_CODES}) limit 1"
    return db.execute(query).fetchone() is not None


def _vocabulary(db: Database, table: str) -> str:
    """Return the name of a table's vocabulary (``fts5vocab``, made in the connection's temp
    schema when first asked: it reads the index and stores nothing)."""
    db.execute(
        f'create virtual table if not exists temp."{table}_vocab"'
        f' using fts5vocab(main, "{table}", row)'
    )
    return f'temp."{table}_vocab"'


def _held_terms(db: Database, tables: list[str], terms: Sequence[str]) -> set[str]:
    """Return the terms (FTS5's) that some table of the index holds, read on each table's
    vocabulary (a lookup per term: ~0.6 ms for 45 terms in three tables)."""
    held: set[str] = set()
    for start in range(0, len(terms), _HELD_BATCH):
        batch = list(terms[start : start + _HELD_BATCH])
        places = ", ".join("?" * len(batch))
        for table in tables:
            query = f"select term from {_vocabulary(db, table)} where term in ({places})"
            held.update(row[0] for row in db.execute(query, batch))
    return held


# Terms asked of a vocabulary at once (SQLite's limit on parameters is far above).
_HELD_BATCH = 500


def _index_words(db: Database, tables: list[str], start: str) -> dict[str, int]:
    """Return the words (FTS5's terms) that the index's tables hold starting with ``start``,
    each with the number of entries holding it, read on each table's vocabulary
    (``fts5vocab``, made in the connection's temp schema when first asked: it reads the
    index and stores nothing)."""
    found: dict[str, int] = {}
    for table in tables:
        rows = db.execute(
            f"select term, doc from {_vocabulary(db, table)} where term >= ? and term < ?",
            [start, start + "\U0010ffff"],
        )
        for term, entries in rows:
            found[term] = found.get(term, 0) + entries
    return found


def _any_hit(
    db: Database, tables: list[str], query: str, *, starts: bool = False, language: str = ""
) -> bool:
    """Return True when any table of the index has an entry matching ``query`` (with
    ``starts``, of an article in a language of START_LANGUAGES; with ``language``, of one of
    that language's articles, read as a list: ``_hits``)."""
    for table in tables:
        only = (
            f' and (select language from articles where id = "{table}".rowid) in ({_START_CODES})'
            if starts
            else " and +rowid in (select id from articles where language = ?)"
            if language
            else ""
        )
        found = db.execute(
            f'select 1 from "{table}" where "{table}" match ?{only} limit 1',
            [query, language] if language else [query],
        )
        if found.fetchone() is not None:
            return True
    return False


def search_story_ids(
    db: Database,
    words: str,
    *,
    limit: int = 20,
    offset: int = 0,
    spellings: Mapping[str, str] | None = None,
) -> tuple[list[int], int]:
    """Return story ids matching the words, best first, and the number of matching stories.

    Stories whose article has the words typed together near each other (``NEAR_GAP``; in the
    title or the text, or one in each) come first, then those with the words apart ("work
    force": the workforce first, then "work" and "force" in other sentences). Within each,
    stories with an article whose title holds every word come first, then the others; each
    group in the order of its stories' best article by bm25 (titles weigh five times the
    text). The number is exact up to ``max(SEARCH_COUNT_CAP, offset + limit)``; beyond it
    is that cap plus one, which callers show as "more than SEARCH_COUNT_CAP". ``spellings``:
    other spellings of words, as ``fts_query`` takes them; the last word is a start as
    ``search_terms`` decides.
    """
    reach = offset + limit
    near_queries = _queries(db, words, spellings, near=True)
    if not near_queries[0]:
        return [], 0
    apart_queries = _queries(db, words, spellings, near=False) if len(words.split()) > 1 else None
    if apart_queries is None or apart_queries[0] == near_queries[0]:
        # One word, a phrase: nothing is looked for near another.
        found, total = _search_pass(db, near_queries, reach)
        return found[offset:reach], total
    near, near_total = _search_pass(db, near_queries, reach)
    if len(near) >= reach:
        # A page of near stories: the count is that of every story with the words.
        return near[offset:reach], max(near_total, _search_pass(db, apart_queries, 0)[1])
    apart, total = _search_pass(db, apart_queries, reach + len(near))
    shown = set(near)
    found = near + [i for i in apart if i not in shown]
    return found[offset:reach], max(total, near_total)


def _search_pass(db: Database, queries: _Queries, reach: int) -> tuple[list[int], int]:
    """Return the best ``reach`` story ids for ``_queries``' queries and the number of
    matching stories (exact up to ``max(SEARCH_COUNT_CAP, reach)``)."""
    cap = max(SEARCH_COUNT_CAP, reach)
    # One MATCH per table of the index (a week each, search_index.py), in one statement;
    # two with a second query for compounds.
    tables = searched_tables(db.conn)
    query, compounds, checked, own_queries, spared, only, where = queries
    own = [(code, listed) for code, _, listed, _ in own_queries]
    if checked or any(held for *_, held in own_queries):
        db.conn.create_function("newsbot_holds", 4, _holds, deterministic=True)
    if spared:
        db.conn.create_function("newsbot_holds_any", 4, _holds_any, deterministic=True)
    both = {"q": query, **({"qc": compounds} if compounds else {})}
    both |= {f"q_{code}": q for code, q, *_ in own_queries}
    both |= {f"w_{code}": held for code, _, _, held in own_queries if held}
    both |= {"checked": "\n".join(checked)} if checked else {}
    gates = _gates(checked)
    both |= _gate_params(checked)
    both |= {"spared": "\n".join(spared)} if spared else {}
    counting = _count_stories(
        tables, where if compounds else "", bool(checked), own, bool(spared), only, gates
    )
    total = int(db.execute(counting, {**both, "cap": cap + 1}).fetchone()[0])
    if not total or not reach:
        return [], total

    def ranked(match: Mapping[str, str], wanted: int, check: str = "text") -> list[int]:
        """Return the best ``wanted`` stories for FTS5 queries (all of them when fewer)."""
        # Rank only the best hits: a story's best article decides its place. Articles per
        # story are few, so a few times the page's reach is enough; if not, rank every hit.
        ranking = _rank_stories(
            tables,
            where if compounds else "",
            check if checked else "",
            own,
            bool(spared),
            only,
            gates,
        )
        ids: list[int] = []
        # A checked word's hits may fail their check: more are ranked before all of them,
        # and in titles not all ("use" would check every title saying "US"): a story
        # titled so that the rounds miss is still ranked with the others.
        if checked and check == "title":
            rounds: tuple[int, ...] = (wanted * 8 + 50,)
        else:
            rounds = (wanted * 8 + 50, *((wanted * 64 + 400,) if checked else ()), -1)
        for hits in rounds:
            rows = db.execute(ranking, {**match, "hits": hits, "wanted": wanted}).fetchall()
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
    # The queries are "q", "qc" and "q_<code>"; the other values are words and patterns.
    titled = {
        key: f"{q} AND {{title}} : ({_SPLIT.sub('', q)})" if key.startswith("q") else q
        for key, q in both.items()
    }
    first = ranked(titled, reach, "title")
    if len(first) < reach:
        shown = set(first)
        first += [i for i in ranked(both, reach) if i not in shown][: reach - len(first)]
    return first, total


def _holds_any(words: str, language: str | None, title: str | None, text: str | None) -> bool:
    """Return True when an article holds any of the words (one a line) as a keyword filter
    reads it: SQL's ``newsbot_holds_any``."""
    return any(_holds(word, language, title, text) for word in words.split("\n"))


def _holds(words: str, language: str | None, title: str | None, text: str | None) -> bool:
    """Return True when an article holds every word (one a line) as a keyword filter reads
    it (``compose.article_holds``): SQL's ``newsbot_holds``."""
    from digests.compose import article_holds

    return article_holds(words.split("\n"), language, title or "", text or "")


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
