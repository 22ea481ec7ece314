"""Turn ECB+'s news texts into a story-clustering set of real look-alike events.

ECB+ (Cybulska and Vossen, "Using a sledgehammer to crack a nut? Lexical diversity and event
coreference resolution", LREC 2014; ``github.com/cltl/ecbPlus``, annotation CC BY 3.0, its
``LICENSEDATA.TXT``) holds 982 news texts in 43 topics. Each topic has two different seminal
events of the same kind: subtopic 1 (ECB's texts, files ``<topic>_<n>ecb``; e.g. one actress
checks into rehab) and subtopic 2 (the texts ECB+ added, files ``<topic>_<n>ecbplus``; another
actress checks into rehab). The texts belong to their outlets and stay outside this repository;
they are read from the JSON of ``github.com/anastasia-zhukova/Diverse_CDCR_datasets`` (at
``9dfb462``; Apache-2.0; ``ECBplus-prep/output_data/test_parsing/<topic>ecb[plus]/*.json``:
``title`` is the document's first sentence, ``text`` the rest, both tokenised)::

    git clone https://github.com/anastasia-zhukova/Diverse_CDCR_datasets /tmp/cdcr
    .venv/bin/python bench/ecbplus.py /tmp/cdcr --out /tmp/ecb_set.jsonl
    .venv/bin/python bench/stories.py --set /tmp/ecb_set.jsonl --skip-crowd

(the path may be a checkout, any folder above the ``<topic>ecb`` folders, or a bare git
directory, read at its ``HEAD``; the ``annotation`` folders are not read). Each subtopic is one
event and every document a ``rewrite`` of it, each from its own outlet (named by its file: the
JSON keeps no outlet); the two subtopics of a topic are look-alikes of each other
(``bench/data/ecbplus_check.md`` checks subtopics and topics by hand). Ids: ``ecb<topic>-<s>``
is subtopic s (1 or 2) of a topic, ``ecb<topic>-<s>-<n>`` its document n. Left out: a document
with no text but its headline (3 in ECB+), and one whose text is an earlier one's of its
subtopic but for case, spacing and punctuation (11: the product stores a text once). A document
whose first ``COPY_WORDS`` (40) words are an earlier one's is a ``copy`` of it (a re-run of one
wire story; 10), scored as copies are.

Text: the tokeniser's spacing is mended (``detokenise``: "Teixeira 's" -> "Teixeira's",
"free - agent" -> "free-agent" but "California - the" kept, "$ 160" -> "$160", "( AP )" ->
"(AP)", "4 : 59" -> "4:59", ``''`` -> ``"``, no space inside double quotes that pair up).

Headline: ECB+'s added texts (subtopic 2) open with their headline, which is the JSON's
``title``; ECB's own texts (subtopic 1) mostly have none (a few open with one), so their JSON
``title`` is the first sentence of the text: it is put back at the head of the text and the
headline is that sentence (as the corpus split it) cut at 15 words. A headline left empty is the
text's first sentence, cut at 15 words.

Times: the two events of a topic happened years apart; they are placed on one day, so that the
set asks what a news day with two events of one kind asks. A half's topics, in the order of
``sha256("ecbplus-" + topic)``, go ``PER_DAY`` (3) to a day on consecutive days from ``START``;
the k-th topic of a day (k = 0..2) has subtopic 1 start at 06:00 + 2k hours and subtopic 2 an
hour later, so six events of three kinds begin within six hours. An event's documents, in the
order of their number, come ``MINUTES_APART`` (25) minutes apart: the 22 documents of the
largest subtopic span 8 h 45 min, within the day the product keeps a story's reports together.

Split: ``ecbA`` / ``ecbB`` by the parity of ``sha256("ecbplus-" + topic)``, so that a later
round can tune on one half and keep the other unread.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.realsets import write_set
from bench.wikinewssum import first_sentence

PER_DAY = 3
START = date(2026, 3, 1)
FIRST_HOUR = 6
MINUTES_APART = 25
COPY_WORDS = 40
NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.json$")


def topic_key(topic: int) -> str:
    """Return the hash that orders topics and splits them into halves."""
    return hashlib.sha256(f"ecbplus-{topic}".encode()).hexdigest()


def split_of(topic: int) -> str:
    """Return the topic's half, ``ecbA`` or ``ecbB``."""
    return "ecbA" if int(topic_key(topic), 16) % 2 == 0 else "ecbB"


def _quotes(text: str) -> str:
    """Close up the space inside double quotes, when they pair up."""
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an odd number of quotes: leave them as they are
        return text
    return '"'.join(part.strip() if n % 2 else part for n, part in enumerate(parts))


def _hyphen(found: re.Match[str]) -> str:
    """Join a hyphenated word split by the tokeniser; keep a dash between a name and a
    lower-case word ("California - the same")."""
    left, right = found[1], found[2]
    return f"{left} - " if left[0].isupper() and right.islower() else f"{left}-"


def detokenise(text: str) -> str:
    """Return tokenised text (tokens split by spaces) in ordinary spacing."""
    text = text.replace("''", '"').replace("``", '"')
    text = re.sub(r"(?<=\S)' '(?=\s|$)", '"', text)
    text = re.sub(r"(\w) (n['’]t)\b", r"\1\2", text)
    text = re.sub(r"(\w) (['’]) ?(s|m|re|ve|ll|d)\b", r"\1\2\3", text)
    text = re.sub(r"(\d) : (?=\d)", r"\1:", text).replace(" - - ", " -- ")
    text = re.sub(r"(\w+) - (?=(\w))", _hyphen, text)
    text = re.sub(r" +([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$‘“]) +", r"\1", text)
    text = re.sub(r" +([’”])", r"\1", text)
    text = _quotes(text)
    return re.sub(r"[ \t]+", " ", text).strip()


def headline_and_text(doc: dict[str, Any], subtopic: int) -> tuple[str, str]:
    """Return the document's headline and text by the rule of the module's docstring."""
    first = detokenise(str(doc.get("title") or ""))
    rest = detokenise(str(doc.get("text") or ""))
    if subtopic == 2 and first:
        return first, rest
    text = f"{first} {rest}".strip()
    return " ".join(first.split()[:15]) or first_sentence(text), text


def event_rows(
    event: str, split: str, start: datetime, reports: list[tuple[int, str, str]]
) -> list[dict[str, Any]]:
    """Return one subtopic's rows: its documents (number, headline, text) in order,
    ``MINUTES_APART`` from ``start``; a text seen before is left out, a copy marked."""
    topic, subtopic = event[3:].split("-")
    suffix = "ecb" if subtopic == "1" else "ecbplus"
    texts: set[str] = set()
    leads: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    for number, title, text in reports:
        key = re.sub(r"\W+", "", text.lower())
        if key in texts:
            continue  # the same text twice: the product stores it once
        texts.add(key)
        at = start + timedelta(minutes=MINUTES_APART * len(rows))
        row: dict[str, Any] = {
            "id": f"{event}-{number}",
            "split": split,
            "event": event,
            "kind": "rewrite",
            "outlet": f"ECB+ {topic}_{number}{suffix}",
            "published": at.isoformat().replace("+00:00", "Z"),
            "title": title,
            "text": text,
        }
        lead = " ".join(text.lower().split()[:COPY_WORDS])
        if lead in leads:
            row["kind"], row["copy_of"] = "copy", leads[lead]
        else:
            leads[lead] = row["id"]
        rows.append(row)
    return rows


def convert(docs: dict[str, dict[str, Any]], *, per_day: int = PER_DAY) -> list[dict[str, Any]]:
    """Return ECB+'s documents (file name -> JSON) as rows of the story-clustering set format,
    placed by the rule of the module's docstring (a document without text is left out)."""
    events: dict[int, dict[int, list[tuple[int, str, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for name, doc in docs.items():
        found = NAME.match(name)
        if not found:
            continue
        topic, number = int(found[1]), int(found[2])
        subtopic = 1 if found[3] == "ecb" else 2
        title, text = headline_and_text(doc, subtopic)
        if text:
            events[topic][subtopic].append((number, title, text))
    halves: dict[str, list[int]] = defaultdict(list)
    for topic in sorted(events, key=topic_key):
        halves[split_of(topic)].append(topic)
    rows: list[dict[str, Any]] = []
    for split, topics in sorted(halves.items()):
        for n, topic in enumerate(topics):
            day, slot = divmod(n, per_day)
            midnight = datetime.combine(START + timedelta(days=day), datetime.min.time(), UTC)
            for subtopic, reports in sorted(events[topic].items()):
                start = midnight + timedelta(hours=FIRST_HOUR + 2 * slot + subtopic - 1)
                event = f"ecb{topic}-{subtopic}"
                rows += event_rows(event, split, start, sorted(reports))
    return sorted(rows, key=lambda r: (r["published"], r["id"]))


def read_documents(path: Path) -> dict[str, dict[str, Any]]:
    """Return file name -> JSON of every document under a folder or in a git directory."""
    files = [f for f in sorted(path.rglob("*.json")) if NAME.match(f.name)]
    files = [f for f in files if "annotation" not in f.parts]
    if files:
        return {f.name: json.loads(f.read_text(encoding="utf-8")) for f in files}
    git = ["git", f"--git-dir={path}"]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "HEAD", "ECBplus-prep/output_data/test_parsing/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    wanted = {}
    for line in listing.splitlines():
        meta, file = line.split("\t", 1)
        parts = file.split("/")
        if "annotation" not in parts and NAME.match(parts[-1]):
            wanted[parts[-1]] = meta.split()[2]
    docs = {}
    for name, blob in sorted(wanted.items()):
        shown = subprocess.run([*git, "cat-file", "blob", blob], check=True, capture_output=True)
        docs[name] = json.loads(shown.stdout)
    return docs


def main() -> None:
    """Write the set file from the dataset."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a checkout, a folder of it, or a git dir")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = convert(read_documents(args.path))
    print("\n".join(write_set(rows, args.out)))


if __name__ == "__main__":
    main()
