"""Write digests/data/word_prior.<code>.txt.gz: how common each common word is, per language.

Not a measurement: this makes the data file the story matcher's IDF prior reads
(digests/stories.py, "Rewrites"). Each file lists a language's ``TOP`` most frequent words,
most frequent first, one ``word<TAB>zipf`` a line, the Zipf frequency (log10 of
occurrences per billion words) rounded to two decimals. Source: the wordfreq package
(Robyn Speer et al., data CC BY-SA 4.0: Wikipedia, subtitles, news, books, web text); see
digests/data/word_prior.md. wordfreq is needed only to run this, not by the project:

    pip install --target /tmp/wordfreq wordfreq
    PYTHONPATH=/tmp/wordfreq .venv/bin/python bench/make_word_prior.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

import wordfreq  # type: ignore[import-not-found]

from digests.language import NAMES

TOP = 6_000
DATA = Path(__file__).resolve().parent.parent / "digests" / "data"


def main() -> None:
    """Write one file per supported language."""
    for code in sorted(NAMES):
        source = "nb" if code == "no" else code
        lines = [
            f"{word}\t{wordfreq.zipf_frequency(word, source):.2f}\n"
            for word in wordfreq.top_n_list(source, TOP)
        ]
        path = DATA / f"word_prior.{code}.txt.gz"
        # mtime=0: the same data gives the same bytes.
        with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            out.write("".join(lines).encode("utf-8"))
        print(path.name, len(lines))


if __name__ == "__main__":
    main()
