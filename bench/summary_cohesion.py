"""Count summaries a reader stumbles on: half a quotation, or an opening that leans on nothing.

Run: .venv/bin/python bench/summary_cohesion.py [--show N]

Summaries at 75 words by the default method, through the functions the product calls: the 300
BBC article files by ``summarise_document`` (as ``newsbot summarise FILES`` does; the data in
``../shared/bench-data``, never copied here), and the Russian and French news texts of
``tests/data`` (Wikinews articles of ``allegations_real_ru`` and ``allegations_real_fr``, and
the seed-style articles of ``languages/articles``) by ``summarise`` with their title apart and
their language, as the processing pass gives them (``summarise_many`` calls it per item).

Counted per set, with ``digests.cohesion``'s own rules: summaries whose quotation marks do not
balance (``quotes_balanced``: an opening mark never closed, or a closing one never opened), and
summaries that open on a sentence leaning on an earlier one (``leans_back`` in the article's
language). ``--show N`` prints up to N examples of each.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.host import machine
from digests import summarise as sm
from digests.cohesion import leans_back, quotes_balanced

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "bench-data" / "summaries"
TESTS = ROOT / "tests" / "data"
WORDS = 75

Item = tuple[str, str, str | None, str]  # name, body, title, language


def bbc_documents() -> Iterator[tuple[str, str]]:
    """Yield (name, whole file) for the BBC articles, read as the command line reads them."""
    for path in sorted(BBC.glob("*.article.txt")):
        yield path.name, path.read_text(encoding="utf-8", errors="replace")


def wikinews(folder: str, code: str) -> Iterator[Item]:
    """Yield the articles of a labelled real-news set, paragraphs rebuilt from its sentences."""
    titles = {}
    for line in (TESTS / folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        titles[row["id"]] = row["title"]
    paragraphs: dict[str, dict[int, list[str]]] = {}
    for line in (TESTS / folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        paragraphs.setdefault(row["article"], {}).setdefault(row["paragraph"], []).append(
            row["text"]
        )
    for article, parts in paragraphs.items():
        body = "\n\n".join(" ".join(parts[n]) for n in sorted(parts))
        yield f"{folder}/{article}", body, titles.get(article), code


def seed_articles(code: str) -> Iterator[Item]:
    """Yield the seed-style article of ``tests/data/languages/articles`` in a language."""
    path = TESTS / "languages" / "articles" / f"{code}.txt"
    title, body = sm.document_parts(path.read_text(encoding="utf-8"))
    yield f"languages/articles/{code}.txt", body, title, code


def count(name: str, summaries: Sequence[tuple[str, str]], code: str, show: int) -> None:
    """Print how many summaries have unbalanced quotation marks or a leaning opening."""
    unbalanced = [(n, s) for n, s in summaries if not quotes_balanced(s)]
    leaning = [(n, s) for n, s in summaries if leans_back(s, code)]
    print(
        f"| {name} | {len(summaries)} | {len(unbalanced)} | {len(leaning)} "
        f"| {sum(len(s.split()) for _, s in summaries) / max(len(summaries), 1):.0f} |"
    )
    for label, found in (("unbalanced", unbalanced), ("leaning", leaning)):
        for item, summary in found[:show]:
            print(f"    {label} {item}: {summary[:160]}")


def main(argv: Sequence[str] | None = None) -> int:
    """Summarise every set and print the counts; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="examples to print per count")
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}")
    print(f"Budget {WORDS} words, method {sm.DEFAULT_METHOD}\n")
    print("| set | summaries | quotation marks unbalanced | opening leans back | words/summary |")
    print("|---|---|---|---|---|")
    if BBC.is_dir():
        bbc = [(n, sm.summarise_document(d, words=WORDS)) for n, d in bbc_documents()]
        count("BBC (en)", bbc, "en", args.show)
    else:
        print(f"| BBC (en): no data at {BBC} | | | | |")
    for code, folder in (("ru", "allegations_real_ru"), ("fr", "allegations_real_fr")):
        items = [*wikinews(folder, code), *seed_articles(code)]
        summaries = [
            (name, sm.summarise(body, title=title, language=language, words=WORDS))
            for name, body, title, language in items
        ]
        count(f"{folder} + languages/articles/{code}.txt ({code})", summaries, code, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
