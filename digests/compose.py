"""Pure digest composition: group articles into stories, filter, rank, page, render as text.

No I/O here: callers pass the articles read by ``digests.store`` and the current time.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache

from digests import polish
from digests.house_style import acronym, capitals_only, joined_words, split_writings
from digests.letters import (
    ACCENT_FORMS,
    COMPOUND_ENDINGS,
    COMPOUND_HEAD_LETTERS,
    COMPOUND_LANGUAGES,
    COMPOUND_MODIFIER_LETTERS,
    PLURAL_ENDINGS,
    START_LANGUAGES,
    STEM_LETTERS,
    accent_letters,
    changed_stem,
    closed_words,
    folded,
    form_start,
    letter_group,
    letter_word,
    short_forms,
    stem_prefixes,
    umlauted,
    unaccented,
    whole_word,
)
from digests.models import Allegation, Digest, LedgerEntry, SourceLink, StoryArticle, StoryItem
from digests.proclitics import bare_copy, with_bare_words
from digests.unspaced import has_unspaced, opening, word_count
from digests.urls import outlet_host

HALF_LIFE = timedelta(hours=12)
FALLBACK_WORDS = 60
# A story shows its headline's article unless that is not full, else its earliest full one
# (``_shown_article``). Full: a text at least FULL_SHARE of the longest of its story's, each
# counted up to FULL_CHARS characters (enough to tell a teaser or a cut-down copy from an
# article; a digest reads ``store.TEXT_HEAD`` characters of each text, /story the whole).
FULL_SHARE = 0.6
FULL_CHARS = 1500
UNKNOWN_SOURCE = "unknown source"


class Candidate:
    """A story that may go into a digest, with what ranking and filtering need.

    Ranking reads only the story's date, its number of outlets and its lead's source weight,
    worked out when the candidate is made; the ``item`` shown (headline, links, summary,
    picture) is built when first asked for, and the text keyword filters search (``text``)
    is joined each time one asks. A digest ranks hundreds of candidates to show five: it
    builds five items and copies no article text unless a filter needs it.
    """

    __slots__ = (
        "_item",
        "lead",
        "members",
        "outlets",
        "published",
        "shown",
        "story_id",
        "weight",
    )

    def __init__(
        self,
        story_id: int,
        members: Sequence[StoryArticle],
        shown: Sequence[StoryArticle] | None = None,
    ) -> None:
        shown = members if shown is None else shown
        self.story_id = story_id
        self.members = tuple(members)
        self.shown = tuple(shown)
        self.lead = max(
            shown, key=lambda a: (bool(a.text.strip()), a.source_weight, -a.published.timestamp())
        )
        self.published = max(a.published for a in members)
        self.outlets = len(set(outlet_keys(_by_url(members))))
        self.weight = self.lead.source_weight
        self._item: StoryItem | None = None

    @property
    def also_reported(self) -> int:
        """Return how many other outlets reported the story (``StoryItem.also_reported``)."""
        return max(0, self.outlets - 1)

    @property
    def item(self) -> StoryItem:
        """Return the story as shown (built once, when first asked for)."""
        if self._item is None:
            self._item = _story_item(self)
        return self._item

    @property
    def text(self) -> str:
        """Return the text keyword filters search: each member's title, summary and text."""
        return "\n".join(_article_text(a) for a in self.members)

    def texts(self) -> list[tuple[str | None, str]]:
        """Return the text keyword filters search by language: each language of the members
        (None: not known) with its members' text, as ``keep`` reads each by its rules."""
        languages = dict.fromkeys(a.language for a in self.members)
        if len(languages) == 1:
            return [(next(iter(languages)), self.text)]
        return [
            (code, "\n".join(_article_text(a) for a in self.members if a.language == code))
            for code in languages
        ]


def _article_text(article: StoryArticle) -> str:
    # Hebrew and Arabic words are read with their proclitics and without, as the search
    # index holds them (``proclitics.with_bare_words``): "חיפה" finds "בחיפה".
    # Hyphenated words and dotted acronyms are read written solid too, as the index holds
    # them (``house_style.joined_words``): "email" finds "e-mail", "US" "U.S.".
    parts = (article.title, article.summary or "", article.text)
    return "\n".join(_with_solid_words(with_bare_words(part)) for part in parts)


def _with_solid_words(text: str) -> str:
    solid = joined_words(text)
    return f"{text}\n{' '.join(solid)}" if solid else text


def _by_url(members: Iterable[StoryArticle]) -> list[StoryArticle]:
    """Return the members with a URL not seen before (a story lists each link once)."""
    seen: set[str] = set()
    kept = []
    for article in members:
        if article.url not in seen:
            seen.add(article.url)
            kept.append(article)
    return kept


def outlet_keys(articles: Sequence[StoryArticle]) -> list[str]:
    """Return what tells each article's outlet apart from the others of its story.

    The outlet's host when its feed named the outlet's address (an aggregator's item:
    ``feeds.item_outlet``), so that one outlet reached through two feeds, or under two
    spellings, is one. Else its name in lower case (a source's own article: a feed's host
    is no outlet's, as RSSHub or YouTube serve many), unless its link's host is one the
    story's named outlets have: then that outlet's article, reached through its own feed.
    """
    named = {a.outlet_host for a in articles if a.outlet_host}
    keys = []
    for article in articles:
        if article.outlet_host:
            keys.append(article.outlet_host)
        elif named and (host := outlet_host(article.url)) in named and host is not None:
            keys.append(host)
        else:
            keys.append((article.source_title or UNKNOWN_SOURCE).casefold())
    return keys


def _story_item(candidate: Candidate) -> StoryItem:
    members = candidate.members
    # One article is shown whole: title, outlet, link, summary and picture, so that no outlet
    # is named under another's words.
    article = _shown_article(candidate, _headline_article(candidate))
    listed = _by_url(members)
    links = tuple(
        SourceLink(name=a.source_title or UNKNOWN_SOURCE, url=a.url, outlet=key)
        for a, key in zip(listed, outlet_keys(listed), strict=True)
    )
    return StoryItem(
        story_id=candidate.story_id,
        title=article.title,
        url=article.url,
        source=article.source_title or UNKNOWN_SOURCE,
        published=candidate.published,
        summary=article.summary or _fallback_summary(article.text),
        sources=links,
        image_url=article.image_url or next((a.image_url for a in members if a.image_url), None),
        language=article.language,
        languages=tuple(dict.fromkeys(a.language for a in (article, *members) if a.language)),
    )


def _headline_article(candidate: Candidate) -> StoryArticle:
    """Return the one article a story shows: its headline, outlet, link, summary come from it.

    Among the shown articles with text (all of them when none has), the one whose title is the
    story's headline (its most representative title), else the lead; among several with that
    title, the lead's rule picks (source weight, then the earliest).
    """
    lead = candidate.lead
    headline = lead.story_title
    texts = bool(lead.text.strip())  # the lead has text when any shown article has
    titled = [
        a
        for a in candidate.shown
        if headline and a.title == headline and bool(a.text.strip()) == texts
    ]
    if not titled:
        return lead
    return max(titled, key=lambda a: (a.source_weight, -a.published.timestamp()))


def _shown_article(candidate: Candidate, headline: StoryArticle) -> StoryArticle:
    """Return the article a story shows: the headline's when it is full, else the earliest
    full article among the shown ones in the headline's language.

    A later rewrite whose title became the story's headline may be cut down, put the lead
    last or open on a quote; the outlet that broke the news led with it. Full: its text at
    least FULL_SHARE of the longest's, each counted up to FULL_CHARS characters, so a teaser
    or a shorter copy never tells it over a fuller one. Among articles of one time, the
    higher source weight. A headline article without text (no shown article has any) is
    shown.
    """
    if not headline.text.strip():
        return headline
    told = [
        a
        for a in candidate.shown
        if a.text.strip() and (a.language == headline.language or a is headline)
    ]
    longest = max(_fullness(a) for a in told)
    full = [a for a in told if _fullness(a) >= FULL_SHARE * longest]
    if any(a is headline for a in full):
        return headline
    return min(full, key=lambda a: (a.published, -a.source_weight, a.article_id))


def _fullness(article: StoryArticle) -> int:
    return min(len(article.text.strip()), FULL_CHARS)


def _fallback_summary(text: str) -> str:
    """Return the opening sentences of a text up to about FALLBACK_WORDS words (a run of
    Chinese, Japanese or Thai letters counts by its letters: ``unspaced.word_count``)."""
    words = text.split()
    if len(words) <= FALLBACK_WORDS and word_count(text) <= FALLBACK_WORDS:
        return " ".join(words)
    cut = opening(" ".join(words), FALLBACK_WORDS)
    end = max(cut.rfind(mark) for mark in _SENTENCE_ENDS)
    return cut[: end + 1] if end > 0 else cut + "…"


_SENTENCE_ENDS = (". ", "? ", "! ", "。", "！", "？")


def candidates(
    articles: Iterable[StoryArticle], languages: Collection[str] = ()
) -> list[Candidate]:
    """Group stories' articles (from ``store.story_articles``) into one Candidate per story.

    A story is shown by one article: its headline, outlet, link, summary and picture come
    from it, so a reader who clicks the headline lands on the article so titled and no outlet
    is named under another's words; "also reported by" counts the other outlets. The article
    shown is the one whose title is the story's headline (the most representative title),
    among those with text, when its text is full; a teaser or a late cut-down rewrite whose
    title became the headline gives way to the earliest full article in its language
    (``_shown_article``), with that article's own title. When no article has the headline
    it, the lead article with its own title: the one with the highest source weight, then the
    earliest, among those with text. A story none of whose articles has text shows its title
    and link only (no summary): never the headline again as a summary. With no picture of
    its own, the story shows that of the first article (in ``story_articles`` order: the
    earliest) that has one. Ranking reads the lead's source weight.

    With ``languages`` (ISO 639-1 codes) a story is kept when at least one of its articles is
    in one of them (an article of unknown language is in none), and it is shown in them: the
    article shown is chosen among those articles. Its sources, picture and keyword text stay
    the whole story's.
    """
    grouped: dict[int, list[StoryArticle]] = {}
    for article in articles:
        grouped.setdefault(article.story_id, []).append(article)
    result: list[Candidate] = []
    for story_id, members in grouped.items():
        shown = [a for a in members if a.language in languages] if languages else members
        if shown:
            result.append(Candidate(story_id, members, shown))
    return result


# Between a keyword's parts, a hyphen or a space is either, or nothing: "e-mail" finds
# "email" and "e mail", "climate change" finds "climate-change".
_PARTING = r"[\s\-‐‑]*"


def _letter(ch: str) -> str:
    if ch in " -‐‑":
        return _PARTING
    group = letter_group(ch)
    return f"[{group}]" if group else re.escape(ch)


def _keyword_pattern(keyword: str) -> str:
    """Return the regular expression of one keyword (compiled case-insensitive): its letters,
    each of ``letters.SAME_LETTERS`` standing for its whole group, at the start of a word. A
    Russian or Ukrainian word stands for its stems too (``letters.stem_prefixes``), so
    "выборы" finds "выборов", "Москва" "в Москве" and "Київ" "до Києва", and a noun whose
    stem is too short to be a start its case forms only, whole ("Дума": "Думы", not
    "думали"; ``letters.whole_word``); and a Ukrainian
    place name's case for the name as it stands alone, a whole word (``letters.closed_words``:
    "Києва" finds "Київ"). A keyword that starts with a Chinese, Japanese or Thai letter
    matches anywhere in a run of them, whose words no space parts, as a search for it finds
    it (``unspaced``): "地震" in "发生6.1级地震". A Hebrew or Arabic keyword written with a
    proclitic stands for its bare form too (``proclitics.bare_copy``), which the text read
    holds beside every such word (``_article_text``), as a search does: "الحكومة" finds
    "والحكومة"."""
    word = keyword.strip()
    bare = bare_copy(word)
    # A noun whose stem is too short to be a start is found as its case forms, whole words
    # (``letters.whole_word``: "Дума" finds "Думы", "в Думе", never "думали").
    typed = () if whole_word(word) else (word,)
    # A word written as two elsewhere ("healthcare": "health care"; ``house_style``), as a
    # search finds it; ``fits`` reads the two as one word.
    forms = (*typed, *([bare] if bare else []), *stem_prefixes(word), *split_writings(word))
    bodies = ["".join(_letter(ch) for ch in form) for form in forms]
    bodies += ["".join(_letter(ch) for ch in form) + r"(?!\w)" for form in closed_words(word)]
    start = "" if has_unspaced(word[:1]) else r"(?<!\w)"
    return rf"{start}(?:{'|'.join(bodies)})"


# A letter, not a digit nor "_" (``\w`` is all three).
_LETTER = r"[^\W\d_]"


def _compound_pattern(keyword: str) -> str:
    """Return the regular expression of one keyword for text in a language that writes
    compounds as one word (``letters.COMPOUND_LANGUAGES``; German): as anywhere, at a word's
    start; with COMPOUND_HEAD_LETTERS letters or more, also as a compound's head after
    COMPOUND_MODIFIER_LETTERS letters or more ("Politik": "Klimapolitik", "Energiepolitiken");
    with fewer than STEM_LETTERS, only as a whole word ("Rat", "Rates"; not "Rathaus", whose
    start is another word). A keyword of other than Latin letters (a phrase, "e-mail",
    Cyrillic) matches as anywhere else.

    A word that starts with the keyword still matches ("Politikwechsel"): a compound's first
    part is what it is about too, and that start is how its inflected forms match.
    """
    word = keyword.strip()
    if not word.isalpha() or any(ch >= "\u0250" for ch in word):  # not Latin letters only
        return _keyword_pattern(keyword)
    body = "".join(_letter(ch) for ch in word)
    endings = "|".join(COMPOUND_ENDINGS)
    # A plural that puts an umlaut on a word of one syllable ("Stadt": "Städte", "Land":
    # "Länder", "Rat": "Räte"), with a plural's ending, alone or, a keyword that is a
    # compound's head, as one ("Hauptstädte"); "Händler" is another word.
    umlaut = umlauted(word)
    plural = rf"|(?<!\w){umlaut}(?:{_UMLAUT_ENDINGS})(?!\w)" if umlaut else ""
    if umlaut and len(word) >= COMPOUND_HEAD_LETTERS:
        head = rf"{_LETTER}{{{COMPOUND_MODIFIER_LETTERS},}}"
        plural += rf"|(?<!\w){head}{umlaut}(?:{_UMLAUT_HEAD_ENDINGS})(?!\w)"
    if len(word) < STEM_LETTERS:
        return rf"(?<!\w){body}(?:{endings})?(?!\w){plural}"
    if len(word) < COMPOUND_HEAD_LETTERS:
        return rf"(?<!\w){body}{plural}"
    head = rf"(?<!\w){_LETTER}{{{COMPOUND_MODIFIER_LETTERS},}}{body}(?:{endings})?(?!\w)"
    return rf"(?<!\w){body}|{head}{plural}"


# The endings of a German plural that puts an umlaut on its word ("Städte", "Städten",
# "Länder", "Ländern"), and of one as a compound's head ("Hauptstädte"; "Darmstädter" is a
# man of the town, "Gelände" no land).
_UMLAUT_ENDINGS = "e|en|er|ern"
_UMLAUT_HEAD_ENDINGS = "e|en"


Term = tuple[str, re.Pattern[str], re.Pattern[str]]


@lru_cache(maxsize=1024)
def _patterns(keywords: tuple[str, ...]) -> tuple[Term, ...]:
    """Return each keyword of a list with its patterns, compiled once per list (not per
    candidate): for text in a language that writes compounds as one word, and for the
    others; each runs on to the end of the word it matched, which ``fits`` then judges. A
    keyword ending in "*" is a start, as typed ("elect*": "elected", "electricity")."""
    terms = []
    for keyword in keywords:
        word = keyword.strip()
        letters = acronym(word)
        if letters is not None:
            # An acronym typed in capitals or with full stops is its capitals, solid or
            # dotted ("US", "U.S."): "us" and French "un" are other words. One of four or
            # five letters is also written with one capital ("NATO": "Nato"), as a search
            # for it finds it (``house_style.capitals_only``).
            dotted = r"\.".join(letters) + r"\.?"
            titled = "" if capitals_only(letters) else f"|{letters[0]}{letters[1:].lower()}"
            exact = re.compile(rf"(?<![\w.])(?:{letters}|{dotted}{titled})(?!\w)")
            terms.append(("*", exact, exact))
            continue
        start = word.endswith("*") and len(word.rstrip("*").strip()) > 0
        word = word.rstrip("*").strip() if start else word
        if not word:
            continue
        compound = _compound_pattern(word) if not start else _keyword_pattern(word)
        terms.append(
            (
                "*" if start else word,
                re.compile(rf"(?:{compound})\w*", re.IGNORECASE),
                re.compile(rf"(?:{_keyword_pattern(word)})\w*", re.IGNORECASE),
            )
        )
    return tuple(terms)


def _terms(keywords: Sequence[str]) -> tuple[Term, ...]:
    return _patterns(tuple(keywords))


@lru_cache(maxsize=1024)
def _stem_start(keyword: str, language: str | None) -> re.Pattern[str] | None:
    """Return the pattern of the start a keyword's other forms share, when it is shorter than
    the keyword: a keyword ending in vowels less them (``letters.form_start``: "trade":
    "trad", for "trading"; "presidente": "president", for "presidenta"), else its stem by the
    language's stemmer ("elecciones": "eleccion", for "elección"). None when the stem says
    nothing (shorter than STEM_LETTERS and not the keyword: ``fits``) or the start is one
    letter."""
    from digests.language import tools

    rules = tools(language)
    word = _plain_word(keyword)
    if rules is None or keyword == "*" or not word or _PARTS.search(keyword.strip()):
        return None  # a phrase or a hyphenated word ("co-operation": not every "operation")
    stem = _plain_word(rules.stem(word))
    # Where forms move or drop an accent (``letters.ACCENT_FORMS``), a keyword of
    # STEM_LETTERS letters or more is also looked for as typed, with or without its accents
    # ("samochód": "samochodu"; "joven", whose stem "jov" says nothing: "jóvenes"; not "sol":
    # "sólo", whose stem is its own).
    moves = rules.code in ACCENT_FORMS and _latin_word(word) and len(word) >= STEM_LETTERS
    if not (stem == word or len(stem) >= STEM_LETTERS):
        if not moves:
            return None  # a stem that says nothing (``fits``)
        stem = word
    start = form_start(word, rules.code)
    if start == word and not stem.startswith(word):
        start = stem
    for short in short_forms(word, rules.code):  # "grande" finds "gran" ("gran país")
        if len(short) < len(start) and unaccented(start).startswith(unaccented(short)):
            start = short
    if len(start) < 2 or (start == word and not moves):
        return None
    # A form may be written with an accent the start has not, or the other way: "elecciones"
    # starts "eleccion", and "elección" is its singular; "jóvenes", "joven".
    body = "".join(_accents(ch, rules.code) for ch in start)
    return re.compile(rf"(?<!\w){body}\w*", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _changed_forms(keyword: str) -> re.Pattern[str] | None:
    """Return the pattern of a Polish noun's case forms that do not start with the keyword
    ("Polska": "Polsce"; "wypadek": "wypadku"; ``polish.case_forms``), with or without
    accents and "ł"; None when it has none."""
    word = _plain_word(keyword)
    # Not the forms that start with the keyword, which its own pattern finds.
    forms = [f for f in polish.case_forms(word) if not f.startswith(word)]
    if not forms or keyword == "*" or _PARTS.search(keyword.strip()):
        return None
    bodies = sorted({"".join(_accents(ch, "pl") for ch in form) for form in forms}, key=len)
    return re.compile(rf"(?<!\w)(?:{'|'.join(reversed(bodies))})(?!\w)", re.IGNORECASE)


def _accents(ch: str, language: str | None) -> str:
    """Return the pattern of a letter written with or without an accent (or, in Polish, "ł"
    as "l": ``letters.folded``)."""
    letters = accent_letters(ch) or ""
    swapped = "".join(c for c in ("ł", "l") if folded(c, language) == folded(ch, language))
    group = "".join(dict.fromkeys(letters + (swapped if len(swapped) > 1 else "")))
    return f"[{group}]" if group else _letter(ch)


# A hyphen or space between two letters of a keyword or of the words it matched.
_PARTS = re.compile(r"(?<=\w)[\s\-‐‑]+(?=\w)")


def _plain_word(text: str) -> str:
    """Return the last word of a text, lower case, each letter of a group as its first; the
    parts of a hyphenated word or a phrase are one word ("e-mail", "e mail": "email")."""
    words = re.findall(r"\w+", _PARTS.sub("", text.lower()))
    last = words[-1] if words else ""
    return "".join((letter_group(ch) or ch)[0] for ch in last)


# Words a stemmer cuts to another word that they are no form of: English possessive
# pronouns ("its" for "it": 57 English Wikinews articles say "its" and not "it").
_OTHER_WORDS = {"en": frozenset({"its", "hers", "ours", "yours", "theirs"})}


@lru_cache(maxsize=1 << 16)
def fits(found: str, keyword: str, language: str | None) -> bool:
    """Return True when a word that starts with a keyword's letters (``found``, as its
    pattern matched it) is the keyword's own word in text of ``language``.

    - A language without a stemmer (``language.tools``: Persian, Turkish, Chinese, unknown
      ones) keeps the start: it is all this can tell.
    - German keeps its compound rules (``_compound_pattern``); in a language of
      ``letters.START_LANGUAGES`` a keyword of STEM_LETTERS letters or more matches the
      words it starts, as a compound's first part ("Klima": "Klimawandel").
    - Otherwise the word is the keyword, or one of its case forms (``closed_words``), or
      has the same stem by the language's stemmer, if the keyword is its stem or its stem
      has STEM_LETTERS letters or more, and starts as the keyword's forms do
      (``letters.form_start``: "trade", "trading"; "partido", "partidos", not "parte"), or
      a stem of ``stem_prefixes`` ("Москва", "в Москве"), or, in Latin letters, is it with
      a plural ending (``PLURAL_ENDINGS``: "loi", "lois"), or the other way: "war" finds "wars", "war's",
      not "warning" or "Warsaw"; "police" not "policy"; "закон" not "законодатель".
    """
    from digests.language import tools

    rules = tools(language)
    if keyword == "*" or rules is None or language in COMPOUND_LANGUAGES:
        return True
    word, key = _plain_word(found), _plain_word(keyword)
    if word == key or word in closed_words(key):
        return True
    if word in _OTHER_WORDS.get(rules.code, ()):
        return False  # "its" is no form of "it", though stemmers make it one
    # An adjective cut short before a noun ("primer", "primero"; "gran": "grandes").
    for other in short_forms(key, rules.code):
        if word == other or (len(other) > len(key) and fits(found, other, language)):
            return True
    if rules.code in START_LANGUAGES and len(key) >= STEM_LETTERS:
        return True
    # Polish: a noun's forms whose stem changes ("Polska": "w Polsce"; ``polish``), and not
    # its adjective, which the stemmer joins to it ("polskiej").
    if rules.code == "pl":
        if polish.is_case_form(word, key):
            return True
        # A woman's surname declines as an adjective: "Kowalska", "Anny Kowalskiej".
        if polish.is_adjective_of(word, key) and not polish.is_name_case(found, keyword):
            return False
    stem, found_stem = rules.stem(key), rules.stem(word)
    if found_stem in stem_prefixes(keyword):
        return True
    # A keyword cut to a short stem shares it with other words (Spanish "paro", "para":
    # "par"): such a stem says nothing. A stem cut into a keyword's body, past its ending
    # vowels, is shared with other words too (Spanish "partido", "parte": "part"): a word of
    # that stem is the keyword's when it starts as the keyword's forms do ("partidos").
    if (
        found_stem == stem
        and (stem == key or len(stem) >= STEM_LETTERS)
        and unaccented(word).startswith(unaccented(form_start(key, rules.code)))
    ):
        return True
    # A plural whose stem is its singular but for the accent the stress puts on one of them
    # ("jóvenes": "joven"; "regímenes": "régimen"; Polish "samochody": "samochód"); not
    # English "national": "nation", whose stem is another word's.
    accented = unaccented(word) != word or unaccented(key) != key
    if accented and len(stem) >= STEM_LETTERS and unaccented(word) == unaccented(stem):
        return True
    # ... and the other way: a form whose stem is the keyword but for an accent it moves or
    # drops ("joven": "jóvenes"; Polish "Kraków": "Krakowie", "stół": "stole").
    plain_key = folded(key, rules.code)
    if accented and len(plain_key) >= STEM_LETTERS and folded(found_stem, rules.code) == plain_key:
        return True
    # A stem whose last letters another form writes otherwise ("eleição": "eleições";
    # "nouveau": "nouvelle"; ``letters.STEM_CHANGES``).
    if changed_stem(stem, found_stem, rules.code) and unaccented(word).startswith(
        unaccented(form_start(key, rules.code))
    ):
        return True
    latin = key.isascii() or all(ch < "\u0250" for ch in key)
    return latin and any(word == key + e or key == word + e for e in PLURAL_ENDINGS)


def keep(candidate: Candidate, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> bool:
    """Return True when any include keyword (if given) and no exclude keyword matches, each
    read in each language's text by its rules (``fits``; German by the rules of closed
    compounds, ``_compound_pattern``)."""
    if not include and not exclude:
        return True
    texts = candidate.texts()
    if include and not holds(include, texts):
        return False
    return not holds(exclude, texts)


def holds(keywords: Sequence[str], texts: Sequence[tuple[str | None, str]]) -> bool:
    """Return True when any keyword matches any text (language, text) by that language's
    rules: the one test of keyword filters (``keep``) and of the searches the index's stems
    cannot tell (``store.search``: "use" is not "us")."""

    def matches(keyword: str, pattern: re.Pattern[str], text: str, code: str | None) -> bool:
        if any(fits(m[0], keyword, code) for m in pattern.finditer(text)):
            return True
        stem = _stem_start(keyword, code) if code not in COMPOUND_LANGUAGES else None
        if stem is not None and any(fits(m[0], keyword, code) for m in stem.finditer(text)):
            return True
        forms = _changed_forms(keyword) if code == "pl" else None
        return forms is not None and any(fits(m[0], keyword, code) for m in forms.finditer(text))

    return any(
        matches(keyword, compound if code in COMPOUND_LANGUAGES else plain, text, code)
        for keyword, compound, plain in _terms(keywords)
        for code, text in texts
        if text and _written_in(keyword, code)
    )


def _written_in(keyword: str, code: str | None) -> bool:
    """Return True unless a keyword of one letter with a mark is no word in a language
    (``letters.letter_word``: "à" is one in French, "ą" in none; in English "à la carte" is
    not looked for, as /search cannot afford it)."""
    languages = letter_word(keyword)
    return languages is None or code in languages


def article_holds(keywords: Sequence[str], language: str | None, title: str, text: str) -> bool:
    """Return True when every keyword matches a stored article's title or text, as a filter
    reads them (``holds``). For keywords of Latin letters only, the text is read as it is
    and, for a keyword of up to five letters, with the keyword's letters added where they
    are written as a dotted acronym ("us": "U.S."): of the words ``_article_text`` adds, the
    bare copies are Hebrew and Arabic, and a hyphenated word's parts are the text's own
    words. Finding every hyphenated word was three quarters of a check's time."""
    parts: tuple[str, ...] = (title, text)
    if all(_latin_word(keyword) for keyword in keywords):
        # A dotted acronym's first letter and full stop written anywhere (a substring test is a
        # hundred times cheaper than the pattern's search, and "one" is checked per hit).
        dotted = [
            k
            for k in keywords
            if len(k) <= 5 and any(_may_be_dotted(k, p) and _dotted(k).search(p) for p in parts)
        ]
        texts = [(language, "\n".join((*parts, *dotted)))]
    else:
        texts = [(language, "\n".join(_with_solid_words(with_bare_words(p)) for p in parts))]
    return all(holds([keyword], texts) for keyword in keywords)


def _latin_word(word: str) -> bool:
    return word.isalpha() and all(ch < "\u0250" for ch in word)


def _may_be_dotted(word: str, text: str) -> bool:
    """Return False when a text cannot hold a word as ``_dotted`` reads it: its first capital
    and a full stop never stand together ("one": no "O." anywhere)."""
    capitals = word.upper()
    return len(capitals) < 2 or f"{capitals[0]}." in text


@lru_cache(maxsize=256)
def _dotted(word: str) -> re.Pattern[str]:
    """Return the pattern of a word's letters written as a dotted acronym, in capitals, as
    ``house_style.joined_words`` finds one ("us": "U.S.", "U.S" at a sentence's end)."""
    return re.compile(
        r"(?<![\w.])" + r"\.".join(re.escape(ch) for ch in word.upper()) + r"\.?(?!\w)"
    )


def score(candidate: Candidate, now: datetime) -> float:
    """Return the rank score: recency decay x breadth of coverage x source weight."""
    age = max(timedelta(0), now - candidate.published)
    recency: float = 0.5 ** (age / HALF_LIFE)
    breadth = 1.0 + math.log1p(candidate.also_reported)
    return recency * breadth * candidate.weight


def build_digest(
    candidates: Iterable[Candidate],
    *,
    now: datetime,
    title: str = "Latest news",
    limit: int = 5,
    offset: int = 0,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    since: datetime | None = None,
    ranked: bool = True,
) -> Digest:
    """Filter, rank and page candidates into a Digest.

    With ``ranked=False`` the given order is kept (search results are already best first).
    """
    kept = [
        c
        for c in candidates
        if keep(c, include, exclude) and (since is None or c.published >= since)
    ]
    if ranked:
        kept.sort(key=lambda c: (score(c, now), c.published), reverse=True)
    page = kept[offset : offset + limit]
    stories = tuple(_with_score(c, now) for c in page)
    return Digest(title=title, generated_at=now, stories=stories, total=len(kept), offset=offset)


def _with_score(candidate: Candidate, now: datetime) -> StoryItem:
    # replace keeps every other field (the lead picture included).
    return replace(candidate.item, score=round(score(candidate, now), 6))


def less_certain(allegation: Allegation) -> bool:
    """Return True for an item the looser fallback reader made (right less often on real news)."""
    # Imported here: the allegations package loads sumy and nltk, which a digest never needs.
    from digests.allegations.kinds import FALLBACK_READING

    return allegation.reading == FALLBACK_READING


def certain_first(groups: Iterable[Sequence[LedgerEntry]]) -> list[list[LedgerEntry]]:
    """Order the ledger's target groups: what the patterns read before the fallback's items.

    Within a target, items read by the clause patterns come before fallback items; a target
    whose only items are fallback readings comes after every target with a pattern item. Both
    sorts are stable: otherwise the order given (recency, salience) stays.
    """
    ordered = [sorted(group, key=lambda e: less_certain(e.allegation)) for group in groups]
    return sorted(ordered, key=lambda g: all(less_certain(e.allegation) for e in g))


def render_text(digest: Digest, *, width: int = 88) -> str:
    """Render a digest for the terminal."""
    if not digest.stories:
        return f"{digest.title}\n\nNo stories yet. Run `newsbot ingest` to fetch some."
    lines = [f"{digest.title} — {digest.generated_at:%Y-%m-%d %H:%M} UTC", ""]
    for number, item in enumerate(digest.stories, start=digest.offset + 1):
        lines.append(f"{number}. {item.title}")
        lines.append(
            f"   {item.source} · {item.published:%Y-%m-%d %H:%M} UTC · story {item.story_id}"
        )
        lines.extend(
            textwrap.wrap(item.summary, width, initial_indent="   ", subsequent_indent="   ")
        )
        if item.also_reported:
            n = item.also_reported
            lines.append(f"   also reported by {n} source{'s' if n > 1 else ''}")
        lines.append(f"   {item.url}")
        lines.append("")
    if digest.has_more:
        rest = digest.total - digest.offset - len(digest.stories)
        lines.append(f"… more than {rest - 1:,}" if digest.total_capped else f"… {rest:,} more")
    return "\n".join(lines).rstrip() + "\n"
