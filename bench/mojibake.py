"""Text encoded twice by its publisher: how often a repair changes correct text, how often it
restores the text encoded twice, and what it costs.

Run: .venv/bin/python bench/mojibake.py [--show N]

Correct text, every script the bot reads and more:

- ``cldr``: the names CLDR gives in every locale babel ships (languages, territories,
  scripts, currencies, months, days): short strings in ~100 scripts, Icelandic "Ð", Turkish
  "İ", Vietnamese stacked accents, Greek, Persian, Hebrew, Chinese among them;
- ``catalogs``: every translated message of the bot's catalogs (``bot/locale``: ar, de, es,
  fa, fr, it, pl, pt, ru, uk);
- ``tests``: the news texts of ``tests/data`` (language detection texts in nine languages,
  Wikinews articles in Russian, French and Spanish, Hebrew and Arabic paragraphs, Chinese and
  Japanese sentences);
- ``bbc``: the 300 BBC articles of ``../shared/bench-data/summaries`` (never copied here).

Each text is given to the repair as it is (a change is a false repair), then encoded twice as
publishers do it (its UTF-8 bytes read as windows-1252, the five bytes windows-1252 leaves
undefined read as latin-1; and all of them read as latin-1) and given again (restored: the
repair gives the text back exactly). Candidates: ``unmangled`` (the product's), and a narrow
check of our own (the whole text taken back to windows-1252/latin-1 bytes, kept when they are
valid UTF-8). ``--ftfy-cases DIR``: also ftfy's own cases (``tests/test-cases`` of
rspeer/python-ftfy, not copied here): ``negative.json`` (correct text that looks like
mojibake: it must stay), ``in-the-wild.json`` and ``synthetic.json`` (mojibake found on the web
or made: its ``fixed-encoding``, else ``fixed``, is the answer). Speed: the product's function on the BBC articles, as stored (correct) and
encoded twice.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.host import machine
from digests.mojibake import unmangled

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "bench-data" / "summaries"
TESTS = ROOT / "tests" / "data"

# windows-1252 leaves five bytes undefined; publishers' software reads them as latin-1.
_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
_TO_1252 = "".join(
    chr(b) if b < 0x80 or b in _UNDEFINED else bytes([b]).decode("cp1252") for b in range(256)
)
# Back to bytes: windows-1252's letters and latin-1's (C1 controls included).
_FROM_ANY = {ord(c): b for b, c in enumerate(_TO_1252)} | {b: b for b in range(0x80, 0x100)}


def twice_1252(text: str) -> str:
    """Return text encoded twice through windows-1252 (as most publishers' software does)."""
    return "".join(_TO_1252[b] for b in text.encode("utf-8"))


def twice_latin1(text: str) -> str:
    """Return text encoded twice through latin-1."""
    return text.encode("utf-8").decode("latin-1")


def narrow(text: str) -> str:
    """A check of our own: the whole text back to single bytes, kept when they are UTF-8."""
    if text.isascii():
        return text
    try:
        raw = bytes(_FROM_ANY[ord(c)] if ord(c) >= 0x80 else ord(c) for c in text)
        return raw.decode("utf-8")
    except (KeyError, ValueError):
        return text


def cldr() -> Iterator[tuple[str, str]]:
    from babel import Locale, localedata

    seen: set[str] = set()
    for ident in sorted(localedata.locale_identifiers()):
        try:
            loc = Locale.parse(ident)
        except (ValueError, LookupError):  # a locale babel lists but cannot load
            continue
        names: list[str] = []
        for table in (loc.languages, loc.territories, loc.scripts, loc.currencies):
            names += [str(v) for v in table.values()]
        for width in ("wide", "abbreviated"):
            names += [str(v) for v in loc.months["format"][width].values()]
            names += [str(v) for v in loc.days["format"][width].values()]
        for name in names:
            if name not in seen and not name.isascii():
                seen.add(name)
                yield ident.split("_")[0], name


def catalogs() -> Iterator[tuple[str, str]]:
    from babel.messages.pofile import read_po

    for po in sorted((ROOT / "bot" / "locale").glob("*/LC_MESSAGES/newsbot.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                if text and not text.isascii():
                    yield po.parts[-3], text


def tests() -> Iterator[tuple[str, str]]:
    for path in sorted((TESTS / "languages").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield path.stem, line
    for path in sorted((TESTS / "languages" / "articles").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8")
    for name in ("proclitics.txt", "unspaced.txt"):
        for line in (TESTS / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                code, _, text = line.partition("\t")
                yield (code if text else name.split(".")[0]), text or line
    for folder, code in (
        ("allegations_real_ru", "ru"),
        ("allegations_real_fr", "fr"),
        ("allegations_real_es", "es"),
    ):
        for line in (TESTS / folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            yield code, json.loads(line)["title"]
        for line in (TESTS / folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
            yield code, json.loads(line)["text"]


def bbc() -> Iterator[tuple[str, str]]:
    for path in sorted(BBC.glob("*.article.txt")):
        yield "en", path.read_text(encoding="utf-8", errors="replace")


CORPORA: dict[str, Callable[[], Iterator[tuple[str, str]]]] = {
    "cldr": cldr,
    "catalogs": catalogs,
    "tests": tests,
    "bbc": bbc,
}
CANDIDATES: dict[str, Callable[[str], str]] = {"unmangled": unmangled, "narrow": narrow}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=5, help="examples of each kind to print")
    parser.add_argument("--ftfy-cases", type=Path, help="ftfy's tests/test-cases directory")
    args = parser.parse_args()
    print(machine())
    if args.ftfy_cases:
        for name in ("negative", "in-the-wild", "synthetic"):
            cases = json.loads((args.ftfy_cases / f"{name}.json").read_text(encoding="utf-8"))
            for label, repair in CANDIDATES.items():
                right = [
                    repair(c["original"]) == c.get("fixed-encoding", c["fixed"]) for c in cases
                ]
                print(f"ftfy's {name}: {label} right on {sum(right)}/{len(cases)}")
    for corpus, read in CORPORA.items():
        texts = [(code, text) for code, text in read() if text and not text.isascii()]
        scripts = len({code for code, _ in texts})
        print(f"\n## {corpus}: {len(texts):,} texts beyond ASCII ({scripts} languages)")
        for name, repair in CANDIDATES.items():
            wrong: list[tuple[str, str, str]] = []
            restored = {"1252": 0, "latin1": 0}
            missed: list[tuple[str, str, str]] = []
            for code, text in texts:
                fixed = repair(text)
                if fixed != text:
                    wrong.append((code, text, fixed))
                for kind, mangle in (("1252", twice_1252), ("latin1", twice_latin1)):
                    again = repair(mangle(text))
                    if again == text:
                        restored[kind] += 1
                    elif kind == "1252":
                        missed.append((code, text, again))
            print(
                f"{name:10} false repairs {len(wrong):5,}"
                f" | restored from windows-1252 {restored['1252']:,}/{len(texts):,}"
                f", from latin-1 {restored['latin1']:,}/{len(texts):,}"
            )
            for code, text, fixed in wrong[: args.show]:
                print(f"    changed  [{code}] {text[:70]!r} -> {fixed[:70]!r}")
            for code, text, again in missed[: args.show]:
                print(f"    missed   [{code}] {text[:70]!r} -> {again[:70]!r}")
    articles = [text for _, text in bbc()]
    for label, batch in (
        ("correct", articles),
        ("encoded twice", [twice_1252(t) for t in articles]),
    ):
        start = time.perf_counter()
        for _ in range(5):
            for text in batch:
                unmangled(text)
        per = (time.perf_counter() - start) / (5 * len(batch))
        chars = sum(map(len, batch)) / len(batch)
        print(f"speed, BBC articles {label}: {per * 1e6:.0f} µs per article ({chars:,.0f} chars)")


if __name__ == "__main__":
    main()
