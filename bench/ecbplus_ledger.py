"""ECB+'s English news texts as a sixth real-news source for the allegations ledger.

ECB+ (Cybulska and Vossen, LREC 2014; annotation CC BY 3.0) holds 982 English news texts of
2008-2012 in 43 topics, many of them crimes, arrests, charges, lawsuits, firings and
disasters. The texts belong to their outlets and never enter this repository: the repository
keeps only labels, ids and a hash of each sentence (``bench/data/ecbplus_allegations.jsonl``,
described in ``bench/data/ecbplus_allegations.md``), and the sentences are rebuilt at run time
from the public snapshot that ``bench/ecbplus.py`` reads (``read_documents``, ``convert``)::

    git clone https://github.com/anastasia-zhukova/Diverse_CDCR_datasets /tmp/cdcr
    .venv/bin/python bench/ecbplus_ledger.py show /tmp/cdcr --doc ecb1-1-3

Text and sentences: a document's text is the one ``bench/ecbplus.py`` makes
(``headline_and_text``: the headline apart for ECB+'s added texts, put back at the head of ECB's
own), split with the product's splitter, ``digests.tokenize.split_sentences`` in English; the
texts have no paragraph breaks, so every sentence is in paragraph 0. A sentence's id is
``<document id>.<n>``, n its index; its ``sha`` is the first 12 hex digits of ``sha1`` of its
text, checked when the set is rebuilt, so a snapshot whose text differs stops the run.

Choice, fixed before any document was read (``choose``): the documents of ``convert`` (every
topic; a document with no text or whose text repeats an earlier one's is already left out
there), less those marked ``copy`` and those of fewer than ``MIN_SENTENCES`` (4) sentences. Cue
words are counted over each text as ``tests/data/allegations_real/README.md`` ("The held-out
part") counts them: words beginning ``accus``, ``alleg``, ``charg``, ``claim``, ``blam``,
``convict``, ``suspic``, ``suspect``, ``attack``, ``critic``, ``lawsuit``, and the words
``sue``, ``sued``, ``sues``, ``suing``. The documents are walked once in the order of
``sha256("ecbplus-ledger-" + id)``; each goes to the first part, ``ecb1``, ``ecb2`` and on to
``ecb10`` (``PARTS``), that still wants a document of its kind (``CUED`` (24) with one cue word
or more, ``PLAIN`` (8) with none) and holds fewer than ``PER_SUBTOPIC`` (3) documents of its
ECB+ subtopic (``ecb<topic>-<s>``), so one event does not fill a part; a document no part takes
is skipped.

Parts: ``ecb1`` to ``ecb8`` are open (``ecb2`` since it was scored once, blind, after the
English round 50; ``ecb3`` and ``ecb4``, then ``ecb5`` and ``ecb6``, then ``ecb7`` and ``ecb8``,
since they were scored once, blind, later); ``ecb9`` and ``ecb10`` (``BLIND_PARTS``) are read only
with ``blind=True``, to be scored, never read. The parts were added two at a time by the same walk
(``ecb3`` and ``ecb4``, then ``ecb5`` and ``ecb6``, then ``ecb7`` and ``ecb8``, then ``ecb9`` and
``ecb10``): with more parts it gives the earlier parts the same documents as before, since a
document tries the parts in order and the later parts change nothing for the earlier ones.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.allegations import Article
from bench.ecbplus import convert, read_documents
from digests.language import NAMES
from digests.tokenize import split_sentences

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "data" / "ecbplus_allegations.jsonl"
PARTS = ("ecb1", "ecb2", "ecb3", "ecb4", "ecb5", "ecb6", "ecb7", "ecb8", "ecb9", "ecb10")
# ecb2: scored once after round 50; ecb3 and ecb4, then ecb5 and ecb6, then ecb7 and ecb8, scored
# once blind later; open since
BLIND_PARTS = ("ecb9", "ecb10")
CUED = 24
PLAIN = 8
PER_SUBTOPIC = 3
MIN_SENTENCES = 4
CUE_PREFIXES = (
    "accus",
    "alleg",
    "charg",
    "claim",
    "blam",
    "convict",
    "suspic",
    "suspect",
    "attack",
    "critic",
    "lawsuit",
)
CUE_WORDS = frozenset({"sue", "sued", "sues", "suing"})
# The fields of tests/data/allegations_real/sentences.jsonl, in its order.
FIELDS = ("id", "article", "paragraph", "text", "split", "is_allegation", "criticism")


class SnapshotError(RuntimeError):
    """The snapshot's text is not the one the labels were made on."""


def sha(sentence: str) -> str:
    """Return a sentence's hash: the first 12 hex digits of ``sha1`` of its text."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def order_key(doc_id: str) -> str:
    """Return the hash that orders the documents for the choice."""
    return hashlib.sha256(f"ecbplus-ledger-{doc_id}".encode()).hexdigest()


def cue_words(text: str) -> int:
    """Return how many words of the text are cue words (the README's count)."""
    words = re.findall(r"\w+", text.lower())
    return sum(w.startswith(CUE_PREFIXES) or w in CUE_WORDS for w in words)


def subtopic(doc_id: str) -> str:
    """Return a document's ECB+ subtopic, ``ecb<topic>-<s>``."""
    return doc_id.rsplit("-", 1)[0]


@lru_cache(maxsize=4)
def _rows(mirror: Path) -> tuple[dict[str, Any], ...]:
    return tuple(convert(read_documents(mirror)))


def sentences(mirror: Path) -> dict[str, tuple[str, list[str]]]:
    """Return every document's id -> (headline, sentences of its text), as the product splits."""
    return {
        row["id"]: (row["title"], split_sentences(row["text"], NAMES["en"]))
        for row in _rows(Path(mirror))
    }


def choose(mirror: Path) -> dict[str, list[str]]:
    """Return each part's document ids by the rule of the module's docstring."""
    docs = sentences(mirror)
    kinds = {row["id"]: row["kind"] for row in _rows(Path(mirror))}
    parts: dict[str, list[str]] = {part: [] for part in PARTS}
    wanted = {(part, cued): CUED if cued else PLAIN for part in PARTS for cued in (True, False)}
    for doc_id in sorted(docs, key=order_key):
        _, said = docs[doc_id]
        if kinds[doc_id] == "copy" or len(said) < MIN_SENTENCES:
            continue
        cued = cue_words(" ".join(said)) > 0
        for part in PARTS:
            same = sum(subtopic(d) == subtopic(doc_id) for d in parts[part])
            if wanted[part, cued] and same < PER_SUBTOPIC:
                parts[part].append(doc_id)
                wanted[part, cued] -= 1
                break
    return parts


def read_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """Return the label rows of the file, in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load(mirror: Path, labels: Path = LABELS, blind: bool = False) -> list[Article]:
    """Return the labelled documents as real-news articles, their sentences rebuilt.

    Stops with ``SnapshotError`` when a document is missing, a sentence's hash differs or a
    document has more or fewer sentences than were labelled. The ``BLIND_PARTS`` are read only
    when ``blind``.
    """
    docs = sentences(mirror)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for label in read_labels(labels):
        if label["split"] in BLIND_PARTS and not blind:
            continue
        grouped.setdefault(label["article"], []).append(label)
    articles = []
    for doc_id, labelled in grouped.items():
        if doc_id not in docs:
            raise SnapshotError(f"{doc_id}: no such document in the snapshot {mirror}")
        title, said = docs[doc_id]
        if len(said) != len(labelled):
            raise SnapshotError(
                f"{doc_id}: the snapshot splits into {len(said)} sentences, "
                f"{len(labelled)} were labelled"
            )
        rows = []
        for label in labelled:
            n = int(label["id"].rsplit(".", 1)[1])
            text = said[n]
            if sha(text) != label["sha"]:
                raise SnapshotError(
                    f"{label['id']}: the snapshot's sentence differs from the labelled one "
                    f"(sha {sha(text)}, labelled {label['sha']})"
                )
            row: dict[str, Any] = {"paragraph": 0, "text": text, **label}
            row = {key: row[key] for key in FIELDS} | {
                key: value for key, value in row.items() if key not in FIELDS and key != "sha"
            }
            rows.append(row)
        split = labelled[0]["split"]
        articles.append(Article(id=doc_id, title=title, split=split, rows=tuple(rows)))
    return articles


def counts(labels: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Return each part's documents, sentences, allegations by kind, criticism, hard
    negatives, responses and narration (allegations that are the writer's own account)."""
    table: dict[str, dict[str, Any]] = {}
    for row in labels:
        part = table.setdefault(
            row["split"],
            {
                "documents": set(),
                "sentences": 0,
                "allegations": 0,
                "kinds": Counter(),
                "criticism": 0,
                "hard_negatives": 0,
                "responses": 0,
                "narration": 0,
            },
        )
        part["documents"].add(row["article"])
        part["sentences"] += 1
        part["allegations"] += bool(row["is_allegation"])
        if row["is_allegation"]:
            part["kinds"][row["kind"]] += 1
        part["criticism"] += bool(row["criticism"])
        part["hard_negatives"] += bool(row.get("hard_negative"))
        part["responses"] += "response" in row
        part["narration"] += bool(row.get("narration"))
    for part in table.values():
        part["documents"] = len(part["documents"])
        part["kinds"] = dict(sorted(part["kinds"].items()))
    return table


def main(argv: list[str] | None = None) -> None:
    """Show a document's numbered sentences, the chosen documents, or the label counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print a document's numbered sentences")
    show.add_argument("mirror", type=Path, help="a checkout, a folder of it, or a git dir")
    show.add_argument("--doc", required=True, help="a document id, ecb<topic>-<s>-<n>")
    chosen = commands.add_parser("choose", help="print each part's document ids")
    chosen.add_argument("mirror", type=Path)
    commands.add_parser("counts", help="print each part's counts from the labels file")
    args = parser.parse_args(argv)
    if args.command == "show":
        title, said = sentences(args.mirror)[args.doc]
        print(f"{args.doc}: {title}")
        for n, sentence in enumerate(said):
            print(f"{n:3d}  {sentence}")
    elif args.command == "choose":
        for part, ids in choose(args.mirror).items():
            print(part, " ".join(ids))
    else:
        print(json.dumps(counts(read_labels()), indent=1))


if __name__ == "__main__":
    main()
