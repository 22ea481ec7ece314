"""Sentence splitting: boundary precision and recall on treebank text no one here wrote.

Run: .venv/bin/python bench/sentences.py [--data DIR] [--part dev|test] [--show N]

Reads the ``# text =`` lines of Universal Dependencies treebanks (one sentence each, in their
files' order) from ``DIR`` (default ``$NEWSBOT_UD_DATA`` or ``/tmp/newsbot-ud``), kept outside the
repository, as their licences ask: CC BY-SA 4.0 (Russian GSD and Taiga, French GSD) and CC
BY-NC-SA 4.0 (Ukrainian IU, Polish PDB), GPL 3.0 (Polish LFG), CC BY-NC-SA 3.0 (Italian ISDT), CC BY-SA 4.0
(Portuguese Bosque). Get them with, for example,
``git clone --depth 1 https://github.com/UniversalDependencies/UD_Russian-Taiga`` and copy the
``*-ud-dev.conllu`` and ``*-ud-test.conllu`` files into ``DIR``. A language whose files are
absent is skipped.

Every run of eight sentences is joined with single spaces and split by
``digests.tokenize.split_sentences`` (the splitter of summaries, the ledger, story leads and
search). A break is right when it falls where the treebank ends a sentence. Precision counts
every break made; recall counts the treebank's ends after a sentence-final mark (. ! ? …,
closing quotes or brackets after it): an end with no mark at all (a headline, a chat line) is
reported apart, as no splitter can see it. With no treebank at all it says so and exits 0, so
``make bench`` goes on. ``--part dev`` is what rules were made on;
``--part test`` is scored once after. ``--show N`` prints up to N wrong breaks and missed ends.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digests.tokenize import split_sentences

TREEBANKS = {
    "russian": ("ru_gsd", "ru_taiga"),
    "ukrainian": ("uk_iu",),
    "polish": ("pl_pdb", "pl_lfg"),
    "french": ("fr_gsd",),
    "italian": ("it_isdt",),
    "portuguese": ("pt_bosque",),
}
RUN = 8
_MARKED_END = re.compile(r"[.!?…][\"'»”)\]]*$")
_SPACE = re.compile(r"\s")


@dataclass
class Score:
    """Boundary counts of one language."""

    right: int = 0
    wrong: int = 0
    missed: int = 0
    unmarked: int = 0

    @property
    def precision(self) -> float:
        made = self.right + self.wrong
        return self.right / made if made else 1.0

    @property
    def recall(self) -> float:
        due = self.right + self.missed
        return self.right / due if due else 1.0


def treebank_sentences(path: Path) -> list[str]:
    """Return the text of each sentence of a CoNLL-U file, in order, spaces normalised."""
    with path.open(encoding="utf-8") as lines:
        return [" ".join(line[9:].split()) for line in lines if line.startswith("# text = ")]


def _ends(sentences: list[str]) -> list[int]:
    """Return each sentence's end but the last, counted in non-space characters."""
    ends, position = [], 0
    for sentence in sentences[:-1]:
        position += len(_SPACE.sub("", sentence))
        ends.append(position)
    return ends


def _context(text: str, end: int) -> str:
    seen = index = 0
    while seen < end:
        seen += not text[index].isspace()
        index += 1
    return f"…{text[max(0, index - 60) : index]} || {text[index : index + 40]}…"


def score(language: str, paths: list[Path], show: int = 0) -> tuple[Score, list[str]]:
    """Score the splitter on runs of the treebanks' sentences; return counts and examples."""
    result, examples = Score(), []
    for path in paths:
        sentences = treebank_sentences(path)
        for start in range(0, len(sentences), RUN):
            run = sentences[start : start + RUN]
            gold = set(_ends(run))
            marked = {e for e, s in zip(_ends(run), run, strict=False) if _MARKED_END.search(s)}
            text = " ".join(run)
            made = set(_ends(split_sentences(text, language)))
            result.right += len(made & gold)
            result.wrong += len(made - gold)
            result.missed += len(marked - made)
            result.unmarked += len(gold - marked)
            for end in sorted((made - gold) | (marked - made)):
                if len(examples) < show:
                    kind = "wrong break" if end in made else "missed end"
                    examples.append(f"{kind}: {_context(text, end)}")
    return result, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("NEWSBOT_UD_DATA", "/tmp/newsbot-ud"))
    )
    parser.add_argument("--part", choices=("dev", "test"), default="dev")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    found = False
    for language, names in TREEBANKS.items():
        paths = [args.data / f"{name}-ud-{args.part}.conllu" for name in names]
        paths = [p for p in paths if p.exists()]
        if not paths:
            print(f"{language}: no treebank in {args.data}, skipped")
            continue
        found = True
        result, examples = score(language, paths, args.show)
        print(
            json.dumps(
                {
                    "language": language,
                    "part": args.part,
                    "treebanks": [p.name for p in paths],
                    "precision": round(result.precision, 4),
                    "recall": round(result.recall, 4),
                    "right": result.right,
                    "wrong": result.wrong,
                    "missed": result.missed,
                    "unmarked ends": result.unmarked,
                },
                ensure_ascii=False,
            )
        )
        for example in examples:
            print("   ", example)
    if not found:
        print("no treebank found: see this script's docstring for where to get them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
