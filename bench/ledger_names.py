"""Are the /allegations buttons names? Every button name the bot would offer on real news.

A user opens ``/allegations`` and picks a party from buttons: ``read.top_targets`` builds that
list from the stored items. This script stores real news in a fresh database per source and
language, runs the processing pass's own steps on it (``process.settle_languages``, then
``process.extract_pending``: the items the bot stores) and asks ``read.top_targets`` for every
button it would ever show there (a limit above the number of targets, so not only the top 8).

Each distinct button name is looked up in ``bench/data/ledger_names.jsonl`` (names and labels
only, no text: ``bench/data/ledger_names.md`` says how they were labelled): ``name`` (a person,
an organisation, a place acting as an institution, a named group; a role with its name, "Interior
Minister Priti Patel") or ``not_name`` (a fragment, a role alone, a pronoun, a common noun, a
clause, a date, a word cut). Printed per source and language: buttons, not-names, their share,
and buttons not labelled yet (``--unlabelled`` lists them, to be labelled before a figure is
quoted; ``-v`` lists the not-names shown).

Sources (texts read at run time, never copied into the repository):

* ``bbc``: the 300 BBC articles of ``../shared/bench-data/summaries/*.article.txt`` (first line
  the title; the text read by ``extract.html_to_text`` as a feed's is, its entities
  unescaped), English;
* ``real``: the real-news sets ``tests/data/allegations_real*/`` (Wikinews in en, fr, ru;
  AnCora's newswire in es), each article rebuilt as ``bench/allegations.py`` does; their blind
  splits are left out;
* ``de``: the German set ``tests/data/allegations_de.jsonl``, each line's passage (context,
  sentence, after) an article; its blind split left out;
* ``ecbplus`` (held out; only with ``--ecbplus <snapshot>``): ECB+'s English texts as
  ``bench/ecbplus.py`` makes them, less copies and the documents of ``bench/ecbplus_ledger.py``'s
  blind parts.

Run: ``.venv/bin/python bench/ledger_names.py [--source bbc|real|de|ecbplus] [--lang xx]
[--unlabelled] [-v] [--ecbplus <snapshot>]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.allegations import LANGUAGES, language_set, load, load_real, passage, real_set
from digests import process, read, store
from digests.extract import html_to_text
from digests.models import ArticleIn

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "data" / "ledger_names.jsonl"
BBC = ROOT.parent / "shared" / "bench-data" / "summaries"
PUBLISHED = datetime(2024, 1, 1, tzinfo=UTC)
EVERY = 100_000  # more buttons than any set has targets
NAME, NOT_NAME = "name", "not_name"


class Text(NamedTuple):
    """One article to store: an id, its title and text."""

    id: str
    title: str
    text: str


def bbc() -> Iterator[Text]:
    """Yield the BBC articles (title on the first line)."""
    for path in sorted(BBC.glob("*.article.txt")):
        title, _, text = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        # the files keep their source's HTML entities ("Bryn F&#244;n"): read as a feed's are
        yield Text(path.name.removesuffix(".article.txt"), title.strip(), html_to_text(text))


def real(language: str) -> Iterator[Text]:
    """Yield a language's real-news articles (blind splits left out)."""
    for article in load_real(real_set(language)):
        yield Text(article.id, article.title, article.text)


def german() -> Iterator[Text]:
    """Yield each line of the German set as an article: its passage, no title."""
    for n, row in enumerate(load(language_set("de"))):
        yield Text(f"de{n}", "", passage(row))


def ecbplus(snapshot: Path) -> Iterator[Text]:
    """Yield ECB+'s English documents, less copies and the blind parts' documents."""
    from bench.ecbplus_ledger import BLIND_PARTS, _rows, choose

    blind = {doc for part in BLIND_PARTS for doc in choose(snapshot)[part]}
    for row in _rows(snapshot):
        if row["kind"] != "copy" and row["id"] not in blind:
            yield Text(row["id"], row["title"], row["text"])


def buttons(texts: Iterable[Text], language: str) -> list[tuple[str, int]]:
    """Store the texts in a fresh database, run the pass's allegation steps, return the buttons."""
    db = store.open_db(":memory:")
    source = store.add_source(db, "https://bench.example/feed", title="Bench").id
    items = [
        ArticleIn(f"https://bench.example/{t.id}", t.title, t.text, PUBLISHED, language=language)
        for t in texts
        if t.text
    ]
    store.save_articles(db, source, items, now=PUBLISHED)

    async def steps() -> None:
        await process.settle_languages(db)
        await process.extract_pending(db)

    asyncio.run(steps())
    return read.top_targets(db, since=datetime(1970, 1, 1, tzinfo=UTC), limit=EVERY)


def read_labels(path: Path = LABELS) -> dict[tuple[str, str], dict[str, Any]]:
    """Return (language, name) -> label row."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return {(r["language"], r["name"]): r for r in rows}


def sets(source: str | None, language: str | None, snapshot: Path | None) -> list[Any]:
    """Return (source, language, texts) for the sets asked for."""
    chosen: list[Any] = []
    if source in (None, "bbc") and language in (None, "en") and BBC.is_dir():
        chosen.append(("bbc", "en", bbc))
    for lang in ("en", *LANGUAGES):
        if source in (None, "real") and language in (None, lang) and real_set(lang).is_dir():
            chosen.append(("real", lang, lambda lang=lang: real(lang)))
    if source in (None, "de") and language in (None, "de"):
        chosen.append(("de", "de", german))
    if snapshot is not None and source in (None, "ecbplus") and language in (None, "en"):
        chosen.append(("ecbplus", "en", lambda: ecbplus(snapshot)))
    return chosen


def main(argv: list[str] | None = None) -> None:
    """Print buttons, not-names and their share per source and language."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", choices=("bbc", "real", "de", "ecbplus"))
    parser.add_argument("--lang")
    parser.add_argument("--ecbplus", type=Path, help="the ECB+ snapshot (held out)")
    parser.add_argument("--unlabelled", action="store_true", help="list unlabelled buttons")
    parser.add_argument("-v", action="store_true", help="list the not-names shown")
    parser.add_argument("--json", type=Path, help="write every button as JSON lines here")
    args = parser.parse_args(argv)
    labels = read_labels()
    print(f"{'source':<8} {'lang':<4} {'texts':>5} {'buttons':>7} {'not-names':>9} {'share':>6}")
    dump = []
    for source, language, texts in sets(args.source, args.lang, args.ecbplus):
        read_texts = list(texts())
        shown = buttons(read_texts, language)
        bad, unknown = [], []
        for name, count in shown:
            row = labels.get((language, name))
            if row is None:
                unknown.append((name, count))
            elif row["label"] == NOT_NAME:
                bad.append((name, count, row.get("why", "")))
            dump.append({"source": source, "language": language, "name": name, "count": count})
        labelled = len(shown) - len(unknown)
        share = len(bad) / labelled if labelled else 0.0
        extra = f"  ({len(unknown)} unlabelled)" if unknown else ""
        print(
            f"{source:<8} {language:<4} {len(read_texts):>5} {len(shown):>7} {len(bad):>9} "
            f"{share:>6.3f}{extra}"
        )
        if args.v:
            for name, count, why in bad:
                print(f"    not a name: {name!r} ({count}) {why}")
        if args.unlabelled:
            for name, count in unknown:
                print(f"    unlabelled: {json.dumps(name, ensure_ascii=False)} ({count})")
    if args.json:
        with args.json.open("w", encoding="utf-8") as out:
            for row in dump:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
