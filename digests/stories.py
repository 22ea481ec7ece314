"""Near-duplicate detection: articles from different sources that tell one story.

Each article gets a MinHash signature of its word 3-shingles (64 hashes, 256 bytes,
stored with the article). Locality-sensitive hashing (32 bands of 2 rows) finds
candidates among recent articles; a candidate whose estimated Jaccard similarity
reaches ``THRESHOLD`` puts the new article into the candidate's story. Figures for
the threshold are in bench/RESULTS.md (bench/stories.py).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from numpy.typing import NDArray
from sqlite_utils import Database

from digests import store

NUM_HASHES = 64
BANDS = 32
ROWS = NUM_HASHES // BANDS
SHINGLE = 3
THRESHOLD = 0.4
WINDOW = timedelta(days=3)

_PRIME = np.uint64((1 << 31) - 1)
_rng = np.random.default_rng(20240906)  # fixed seed: signatures must be stable across runs
_A = _rng.integers(1, (1 << 31) - 1, NUM_HASHES, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, NUM_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)

Signature = NDArray[np.uint32]


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Return the set of k-word shingles of the text (lower case, punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> Signature:
    """Return the MinHash signature of the text's shingles."""
    grams = shingles(text)
    if not grams:
        return np.full(NUM_HASHES, np.iinfo(np.uint32).max, dtype=np.uint32)
    hashed = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
            for g in grams
        ),
        dtype=np.uint64,
        count=len(grams),
    )
    # (a * x + b) mod p for every hash function and shingle; a, x < 2**32 keeps it in uint64.
    values = (np.outer(_A, hashed) + _B[:, None]) % _PRIME
    result: Signature = values.min(axis=1).astype(np.uint32)
    return result


def similarity(a: Signature, b: Signature) -> float:
    """Return the Jaccard similarity estimated from two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_HASHES


def _bands(sig: Signature) -> Iterable[tuple[int, bytes]]:
    for band in range(BANDS):
        yield band, sig[band * ROWS : (band + 1) * ROWS].tobytes()


@dataclass
class StoryIndex:
    """An LSH index of article signatures, each tagged with its story."""

    buckets: dict[tuple[int, bytes], list[int]] = field(default_factory=lambda: defaultdict(list))
    signatures: dict[int, Signature] = field(default_factory=dict)
    story_of: dict[int, int] = field(default_factory=dict)

    def add(self, article_id: int, sig: Signature, story_id: int) -> None:
        """Index an article."""
        self.signatures[article_id] = sig
        self.story_of[article_id] = story_id
        for key in _bands(sig):
            self.buckets[key].append(article_id)

    def best_story(self, sig: Signature) -> tuple[int, float] | None:
        """Return the story of the most similar indexed article at or above the threshold."""
        candidates = {aid for key in _bands(sig) for aid in self.buckets.get(key, ())}
        best: tuple[int, float] | None = None
        for aid in candidates:
            score = similarity(sig, self.signatures[aid])
            if score >= THRESHOLD and (best is None or score > best[1]):
                best = (self.story_of[aid], score)
        return best


def assign_stories(db: Database, *, now: datetime | None = None) -> int:
    """Put every article without a story into one, joining near-duplicates; return how many."""
    moment = now or store.utcnow()
    since = moment - WINDOW
    pending = list(store.articles_for_clustering(db, since=None, unassigned_only=True))
    if not pending:
        return 0
    index = StoryIndex()
    for row in store.articles_for_clustering(db, since=since):
        if row["story_id"] is not None and row["signature"]:
            index.add(row["id"], np.frombuffer(row["signature"], dtype=np.uint32), row["story_id"])
    with db.atomic():
        for row in pending:
            article_id = int(str(row["id"]))
            sig = signature(f"{row['title']}\n{row['text']}")
            store.set_signature(db, article_id, sig.tobytes())
            published = store.parse_iso(str(row["published"]))
            match = index.best_story(sig)
            if match is None:
                story_id = store.new_story(db, str(row["title"]), published)
            else:
                story_id = match[0]
            store.attach_to_story(db, article_id, story_id, published)
            index.add(article_id, sig, story_id)
    return len(pending)
