"""Feeds and pages written by others, through the product's ingest path, one file at a time.

Every file of the given directories is served from a local HTTP server on 127.0.0.1 (the
tests' ``FeedServer``) and goes through what an admin's commands run, into a fresh SQLite
file of its own (so that one file's links do not make the next one's duplicates):

- ``/addsource URL`` (and ``newsbot sources add``) first check the URL with
  ``ingest.probe_new_feed``; here its fetch-and-parse of the address given, ``ingest.probe_feed``
  (the same ``_probe``), stands for it: a page's named feeds, which ``probe_new_feed`` would try
  next, point at the internet and are not followed. Its error, if any, is what the admin would
  read;
- ``newsbot sources add URL`` with ``ALLOW_PRIVATE_SOURCES`` true, as the server is on
  127.0.0.1 (``store.add_source``; ``--kind page`` for the pages) and
  ``newsbot ingest --source URL`` (``ingest.poll_sources``, then the processing pass,
  ``process.process_pending``);
- the source's health afterwards (``last_error``) and the articles stored
  (``store.get_article``), counted with an empty title or an empty text.

An exception escaping any of these, or a poll the product records as "internal error" (its
catch-all for bugs), is a crash. A feed that feedparser itself finds entries in but that
stores none and shows no error or warning is a silent loss.

Serving: the content type comes from the file's extension (``mimetypes``), except that a
feedparser test file's ``Header: Name: value`` comment lines are sent as the headers its
author meant (Content-type, Content-Location, ETag...). Article pages are never fetched for
teasers (their links point at the internet; ``fetch_full_text=False``) and no item is
dropped for its age (retention "for ever", ``RETENTION_DAYS=0``): the corpus's dates are old.

Corpora used for bench/RESULTS.md (neither is part of this repository):
  git clone https://github.com/kurtmckee/feedparser      -> --feeds feedparser/tests
  git clone https://github.com/adbar/trafilatura        -> --pages trafilatura/tests/cache
                                                           --pages trafilatura/tests/resources

Run: .venv/bin/python bench/feed_corpus.py --feeds DIR [--feeds DIR ...] [--pages DIR ...]
                                           [--limit N] [--show N] [--jsonl FILE]
A directory that is absent is skipped with a message; with none present the script stops.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import mimetypes
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import feedparser

from bench.host import machine
from digests import ingest, process, store
from digests.errors import NewsbotError
from digests.fetch import make_client
from tests.feedserver import FeedServer

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".json")
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_HEADER_LINE = re.compile(rb"^Header:\s+([A-Za-z-]+):(.*)$", re.MULTILINE)
# Headers the server sets itself, or that would describe other bytes than the file's.
_NOT_PASSED = frozenset({"content-length", "content-encoding", "transfer-encoding"})
_INTERNAL = "internal error"


@dataclass
class Outcome:
    """What the product did with one file."""

    file: str
    kind: str  # "feed" or "page"
    seconds: float = 0.0
    probe: str = ""  # what /addsource's check says: "N entries" or its error
    status: str = ""  # the poll's status
    stored: int = 0
    empty_title: int = 0
    empty_text: int = 0
    reference: int | None = None  # entries feedparser itself finds (feeds only)
    no_link: int = 0  # entries the parse left out for want of a link (ParsedFeed.skipped)
    shown: str = ""  # the source's last_error / warning, as the admin sees it
    crash: str = ""  # an exception that escaped, or the product's "internal error"
    logged: list[str] = field(default_factory=list)  # log records with a traceback

    @property
    def verdict(self) -> str:
        if self.crash:
            return "crash"
        if self.status == "error":
            return "clear error"
        if self.stored:
            return "ok with items"
        return "ok"


class _Tracebacks(logging.Handler):
    """Collect log records that carry an exception (the product's log.exception)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(f"{record.name}: {record.getMessage()}")


def corpus_files(directory: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Return the files under a directory whose names end in one of these suffixes."""
    return sorted(
        p for p in directory.rglob("*") if p.is_file() and p.name.lower().endswith(suffixes)
    )


def headers_for(path: Path, body: bytes) -> dict[str, str]:
    """Return the response headers to serve a file with: by extension, or as its comments ask."""
    kind, encoding = mimetypes.guess_type(path.name)
    if path.suffix.lower() in (".rss", ".atom", ".rdf"):
        kind = {
            ".rss": "application/rss+xml",
            ".atom": "application/atom+xml",
            ".rdf": "application/rdf+xml",
        }[path.suffix.lower()]
    headers = {"Content-Type": kind or "application/octet-stream"}
    if encoding == "gzip":
        headers["Content-Encoding"] = "gzip"
    for name, value in _HEADER_LINE.findall(body[:4096]):
        key = name.decode("latin-1")
        if key.lower() in _NOT_PASSED:
            continue
        if key.lower() == "content-type":
            key = "Content-Type"
        headers[key] = value.decode("latin-1").strip()
    return headers


def reference_entries(body: bytes, headers: dict[str, str]) -> int:
    """Return how many entries feedparser itself finds in the bytes (0 if it fails)."""
    try:
        parsed = feedparser.parse(body, response_headers={k.lower(): v for k, v in headers.items()})
    except Exception:  # the reference's own failure is not the product's
        return 0
    return len(parsed.get("entries") or [])


async def run_one(
    path: Path,
    root: Path,
    kind: str,
    server: FeedServer,
    template: Path,
    workdir: Path,
    pool: ingest.ParsePool | None,
    tracebacks: _Tracebacks,
) -> Outcome:
    """Serve one file and put it through /addsource's check, sources add, ingest, process."""
    relative = path.relative_to(root).as_posix()
    body = await asyncio.to_thread(path.read_bytes)
    headers = headers_for(path, body)
    route = "/" + quote(f"{root.name}/{relative}")
    url = server.add(route, body, content_type=None, headers=headers)
    outcome = Outcome(file=f"{root.name}/{relative}", kind=kind)
    if kind == "feed":
        outcome.reference = reference_entries(body, headers)
    db_path = workdir / "one.db"
    await asyncio.to_thread(shutil.copyfile, template, db_path)
    db = store.open_db(db_path)
    tracebacks.records.clear()
    started = time.perf_counter()
    try:
        # Two clients, as the bot has: /addsource checks with its own, ingestion has another.
        async with make_client() as client:
            try:
                probed = await ingest.probe_feed(client, url)
                outcome.probe = f"{len(probed.entries)} entries"
                outcome.no_link = probed.skipped
            except NewsbotError as error:
                outcome.probe = str(error)
        source = store.add_source(db, url, kind=kind)
        async with make_client() as client:
            (result,) = await ingest.poll_sources(
                db, client, [source], fetch_full_text=False, executor=pool
            )
        outcome.status = result.status
        await process.process_pending(db, workers=1)  # as the bot calls it (bot/jobs.py)
        after = store.get_source(db, source.id)
        outcome.shown = after.last_error or ""
        if outcome.shown.startswith(_INTERNAL):
            outcome.crash = outcome.shown
        # A fresh database: this source's articles are ids 1..n.
        for article_id in range(1, result.new + 1):
            article = store.get_article(db, article_id)
            if article is None:
                continue
            outcome.stored += 1
            outcome.empty_title += not article.title.strip()
            outcome.empty_text += not article.text.strip()
    except Exception as error:  # a traceback escaping the product: the finding
        outcome.crash = f"{type(error).__name__}: {error}"
    finally:
        db.close()
        outcome.seconds = time.perf_counter() - started
        outcome.logged = list(tracebacks.records)
        if outcome.logged and not outcome.crash:
            outcome.crash = "logged: " + outcome.logged[0]
        server.routes.pop(route, None)
        server.requests.clear()
        server.visits.clear()
        await asyncio.to_thread(_remove_copies, workdir)
    return outcome


def _remove_copies(workdir: Path) -> None:
    for leftover in workdir.glob("one.db*"):
        leftover.unlink()


def oddities(outcome: Outcome) -> list[str]:
    """Return what looks wrong about an outcome that is not a crash."""
    found = []
    if outcome.empty_title:
        found.append(f"{outcome.empty_title} stored with an empty title")
    if outcome.empty_text:
        found.append(f"{outcome.empty_text} stored with an empty text")
    if outcome.kind == "feed" and not outcome.shown:
        if outcome.no_link:
            found.append(
                f"{outcome.no_link} of {outcome.reference} entries left out for want of a link,"
                " nothing said"
            )
        elif outcome.reference and not outcome.stored and outcome.status == "ok":
            found.append(f"feedparser finds {outcome.reference} entries; 0 stored, nothing said")
    return found


def table(outcomes: list[Outcome], kind: str) -> list[str]:
    """Return the summary table's lines for one kind of file."""
    mine = [o for o in outcomes if o.kind == kind]
    verdicts = Counter(o.verdict for o in mine)
    odd = sum(1 for o in mine if oddities(o) and o.verdict != "crash")
    warned = sum(1 for o in mine if o.status == "ok" and o.shown)
    seconds = sorted(o.seconds for o in mine)
    median = seconds[len(seconds) // 2] if seconds else 0.0
    return [
        f"| {kind}s | {len(mine)} | {verdicts['ok']} | {verdicts['ok with items']} | "
        f"{warned} | {verdicts['clear error']} | {verdicts['crash']} | {odd} | "
        f"{sum(o.stored for o in mine)} | {median * 1000:.0f} / "
        f"{(seconds[-1] if seconds else 0.0) * 1000:.0f} |"
    ]


def corpus(args: argparse.Namespace) -> list[tuple[Path, Path, str]]:
    """Return (file, its corpus directory, "feed" or "page") for every file present."""
    sets: list[tuple[Path, str]] = []
    for option, kind in ((args.feeds, "feed"), (args.pages, "page")):
        for directory in option or []:
            if Path(directory).is_dir():
                sets.append((Path(directory).resolve(), kind))
            else:
                print(
                    f"skipped: {directory} is not a directory (see the docstring for the corpora)"
                )
    files = [
        (path, root, kind)
        for root, kind in sets
        for path in corpus_files(root, FEED_SUFFIXES if kind == "feed" else PAGE_SUFFIXES)
    ]
    return files[: args.limit] if args.limit else files


async def run(files: list[tuple[Path, Path, str]], workdir: Path) -> list[Outcome]:
    """Put every file through the product, one after another, each in a fresh database."""
    tracebacks = _Tracebacks()
    logging.getLogger().addHandler(tracebacks)
    logging.getLogger().setLevel(logging.WARNING)
    server = FeedServer()
    server.start()
    pool = ingest.start_parse_pool()
    outcomes: list[Outcome] = []
    try:
        template = workdir / "template.db"
        store.open_db(template).close()  # every migration once; each file gets a copy
        for n, (path, root, kind) in enumerate(files, 1):
            outcomes.append(
                await run_one(path, root, kind, server, template, workdir, pool, tracebacks)
            )
            if n % 200 == 0:
                print(f"  {n}/{len(files)} files", file=sys.stderr)
    finally:
        if pool is not None:
            pool.shutdown()
        server.stop()
    return outcomes


def report(outcomes: list[Outcome], show: int) -> None:
    """Print the summary table, the crashes, the oddities and the errors admins see."""
    print(
        "| files | count | ok, no items | ok with items | of these ok: warned | clear error |"
        " crash | odd | items stored | ms per file median / max |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for kind in ("feed", "page"):
        if any(o.kind == kind for o in outcomes):
            print("\n".join(table(outcomes, kind)))
    crashes = [o for o in outcomes if o.verdict == "crash"]
    print(f"\ncrashes ({len(crashes)}):")
    for o in crashes[:show]:
        print(f"  {o.file}: {o.crash}")
    odd = [(o, oddities(o)) for o in outcomes if o.verdict != "crash" and oddities(o)]
    print(f"\noddities ({len(odd)}):")
    for o, found in odd[:show]:
        print(f"  {o.file}: {'; '.join(found)} [probe: {o.probe}]")
    errors = Counter(_shape(o.shown) for o in outcomes if o.shown)
    print("\nshown to the admin (source health: errors and warnings), by kind:")
    for text, count in errors.most_common(show):
        print(f"  {count:>5}  {text}")


def _shape(error: str) -> str:
    """Return an error message with its line and column numbers and URLs blanked."""
    error = re.sub(r"https?://\S+", "URL", error)
    return re.sub(r"\d+", "N", error)[:160]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", action="append", help="a directory of feed files")
    parser.add_argument("--pages", action="append", help="a directory of HTML pages")
    parser.add_argument("--limit", type=int, default=0, help="the first N files only")
    parser.add_argument("--show", type=int, default=40, help="list at most N of each finding")
    parser.add_argument("--jsonl", help="write every file's outcome to this file")
    args = parser.parse_args()
    files = corpus(args)
    if not files:
        print("no corpus file present: nothing to run (CI has none; see the docstring)")
        return 0
    print(machine())
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {len(files)} files")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="feed-corpus-") as tmp:
        outcomes = asyncio.run(run(files, Path(tmp)))
    print(f"{time.perf_counter() - started:.0f} s in all\n")
    report(outcomes, args.show)
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as out:
            for o in outcomes:
                out.write(json.dumps({**asdict(o), "verdict": o.verdict}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
