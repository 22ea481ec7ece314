"""Deduplication of articles: their keys, and which of two copies is the fuller one.

An article is the same article when its canonical URL matches (its fragment kept when that
names a feed's item, ``urls.names_item``), or its guid, from the same source; a copy whose text only matches another article's (content hash) is a duplicate
of that one. Keys are pure and light (no database, no HTTP), so a parse worker computes
them beside the parse.

The fullest copy wins. A copy of a stored article replaces the stored text when it is
clearly fuller (``is_fuller``), the rules taken in order:

1. The new text has no more words than the stored one: never fuller. A re-send, a change
   of spacing or punctuation, a shorter copy or an edit that kept or lost words never
   replaces, and two copies can never replace each other back and forth: every
   replacement adds words.
2. The stored text is empty (a feed item cut off before its text): fuller.
3. The stored text stops mid-sentence (no closing punctuation) or on an ellipsis (a
   teaser, or a copy cut short), and the new text begins with the same words (the first
   ``SHARED_OPENING``, letters and digits compared case-blind; the last stored word may be
   cut short): fuller.
4. The new text has at least ``FULLER_RATIO`` times the stored words and at least
   ``FULLER_MIN_EXTRA`` more (a teaser against the article, worded apart): fuller.
5. Otherwise (an edit of similar length): not fuller.

Words are whitespace-separated, as ``ArticleKey.words`` and the stored ``word_count``
count them, so rules 1 and 4 need no stored text.

An update is not a copy. Outlets change an item in place ("3 dead in fire" becomes "40 dead
in fire, mayor orders inquiry"): the same source's same item (its guid, or its canonical
URL, from the source that stored it) that comes back changed (another content hash: title
or text) replaces the stored title and text whatever their length when it is newer
(``is_update``), the rules taken in order:

1. The item has its own date of change (Atom ``<updated>``, RSS ``atom:updated`` or
   ``dc:modified``, JSON Feed ``date_modified``): newer when that date is later than the
   stored version's (its date of change, else its publication date).
2. It has none: newer only when its title changed (letters compared case-blind, spacing
   aside) and its publication date is later than the stored version's. A text that changes
   under the same title and date may be a feed that rewrites its items on every request
   (a counter, a rotating teaser); without a date nothing says which version is the later.
3. An item of the same source older than the stored version (``is_older``: a cache or a
   mirror serving the version before) never replaces, not even as a fuller copy: the stored
   version's date only moves forward, so two versions can never replace each other back and
   forth. A re-send of the stored version has its content hash: a duplicate (dated later,
   that date becomes the stored version's, so a teaser's unchanged page is not read again).

Copies from other sources follow the fuller-copy rules only; so does an item of the stored
version's date (or of no date).
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from digests.models import ArticleIn
from digests.urls import item_url

# ASCII punctuation becomes a space; bytes.translate is three times faster than a regex.
_PUNCTUATION_TO_SPACE = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))

FULLER_RATIO = 1.5
FULLER_MIN_EXTRA = 20
SHARED_OPENING = 12
# Sentence-final marks of the scripts read here (Latin, CJK, Devanagari, Arabic, Urdu).
_SENTENCE_END = frozenset(".!?\u3002\uff01\uff1f\u0964\u061f\u06d4")
# Closing quotes and brackets after the final mark still end the sentence: 'said "no."'.
_CLOSERS = "\"'\u201d\u2019\u00bb)]}\u300d\u300f"
_ELLIPSES = ("\u2026", "...")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ArticleKey:
    """What identifies an article for deduplication (canonical URL, content hash), and its
    word count, all computed ahead of saving."""

    url: str
    content_hash: str
    words: int


def content_hash(text: str) -> str:
    """Return a hash of the text that ignores case, ASCII punctuation and spacing."""
    words = text.lower().encode().translate(_PUNCTUATION_TO_SPACE).split()
    return hashlib.sha256(b" ".join(words)).hexdigest()[:32]


def article_keys(items: Iterable[ArticleIn]) -> list[ArticleKey]:
    """Return each article's dedup key and word count."""
    keys = []
    for item in items:
        text = item.text.strip()
        keys.append(
            ArticleKey(
                item_url(item.url, item.guid),
                content_hash(f"{item.title}\n{text}"),
                len(text.split()),
            )
        )
    return keys


def ends_cut(text: str) -> bool:
    """Return whether a non-empty text stops without closing punctuation (cut off)."""
    tail = text.rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] not in _SENTENCE_END and not tail.endswith(_ELLIPSES)


def ends_mid_sentence(text: str) -> bool:
    """Return whether a non-empty text stops mid-sentence: cut off, or on an ellipsis."""
    tail = text.rstrip().rstrip(_CLOSERS)
    return bool(tail) and (tail[-1] not in _SENTENCE_END or tail.endswith(_ELLIPSES))


def is_fuller(new: str, stored: str) -> bool:
    """Return whether new is clearly a fuller copy of the article than stored (rules above)."""
    new_words, stored_words = len(new.split()), len(stored.split())
    if new_words <= stored_words:
        return False
    if stored_words == 0:
        return True
    if new_words >= FULLER_RATIO * stored_words and new_words - stored_words >= FULLER_MIN_EXTRA:
        return True
    return ends_mid_sentence(stored) and _begins_with(new, stored)


def _begins_with(new: str, stored: str) -> bool:
    """Return whether new opens with stored's first words (its last one may be cut short)."""
    opening = _WORD.findall(stored.casefold())[: SHARED_OPENING + 1]
    if not opening:
        return True  # only punctuation stored: nothing to disagree with
    head = _WORD.findall(new.casefold())[: len(opening)]
    if len(opening) <= SHARED_OPENING:
        # The stored text has no more words than these: its last one may be cut mid-word.
        *whole, last = opening
        return len(head) == len(opening) and head[:-1] == whole and head[-1].startswith(last)
    return head[:SHARED_OPENING] == opening[:SHARED_OPENING]


def version_date(item: ArticleIn) -> datetime | None:
    """Return the date of an item's version: when it was last changed, else published."""
    return item.updated or item.published


def is_update(item: ArticleIn, stored_title: str, stored_version: datetime) -> bool:
    """Return whether a changed item of the stored article's own source is its newer version
    (rules 1 and 2 of updates above); its content hash is known to differ."""
    if item.updated is not None:
        return item.updated > stored_version
    return (
        item.published is not None
        and item.published > stored_version
        and _plain(item.title) != _plain(stored_title)
    )


def is_older(item: ArticleIn, stored_version: datetime) -> bool:
    """Return whether an item of the stored article's own source is an earlier version."""
    version = version_date(item)
    return version is not None and version < stored_version


def _plain(title: str) -> str:
    return " ".join(title.casefold().split())
