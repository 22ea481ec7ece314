"""Ingest benchmark: 200 local RSS feeds x 50 items into a fresh SQLite file, end to end.

Reports end-to-end items/s (fetch over HTTP, parse, clean, dedup, save) beside feedparser's
own parse-only rate on the same bytes in the same run (single process), and peak memory.

The parse worker processes are started before the clock starts and reused by every run, as
the running bot keeps them for its lifetime (``ingest.start_parse_pool``); ``--cold-pool``
times the older way instead, a pool started inside each run.

The measurements are repeated in rounds (``--repeat``, default 3), each round timing the
baseline and the end-to-end run back to back, and medians are reported. Single runs on a
shared 2-core machine vary by 15 % and more, and the load changes over minutes: the verdict is
the median of the rounds' own ratios, in which a slow stretch moves both sides.

Run: .venv/bin/python bench/ingest.py [--feeds 200] [--items 50] [--repeat 3] [--cold-pool]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import Executor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import partial
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser

from digests import ingest, store
from digests.fetch import make_client

_WORD_LIST = """
government minister council election vote parliament economy market bank inflation
report police court trial judge witness hospital doctor patients health
school students teachers climate flood storm energy prices fuel workers
union strike company profits investors shares technology software phone data
privacy security border refugees aid talks peace ceasefire troops city
residents mayor road bridge rail transport airport flight museum festival
music film award player team match season coach record
"""
WORDS = _WORD_LIST.split()


def make_feed(feed_no: int, items: int, rng: random.Random) -> bytes:
    """Return an RSS 2.0 feed whose items carry ~300-word HTML descriptions."""
    start = datetime(2024, 9, 1, tzinfo=UTC)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Bench feed {feed_no}</title><link>https://bench{feed_no}.example.com/</link>"
        "<description>Generated</description>"
    ]
    for item in range(items):
        paragraphs = []
        for _ in range(5):
            words = rng.choices(WORDS, k=60)
            paragraphs.append("<p>" + " ".join(words).capitalize() + ".</p>")
        text = escape("".join(paragraphs))
        title = " ".join(rng.choices(WORDS, k=8)).capitalize()
        published = format_datetime(start + timedelta(minutes=feed_no * items + item))
        link = f"https://bench{feed_no}.example.com/news/{item}"
        parts.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{published}</pubDate><description>{text}</description></item>"
        )
    parts.append("</channel></rss>\n")
    return "".join(parts).encode()


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default 5 drops concurrent connects


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def serve(directory: str, ready: Any, port: Any) -> None:
    """Serve the directory on 127.0.0.1 (in its own process, so it takes no CPU from the bench)."""
    server = _Server(("127.0.0.1", 0), partial(_Quiet, directory=directory))
    port.value = server.server_address[1]
    ready.set()
    server.serve_forever()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


async def ingest_all(db_path: Path, urls: list[str], pool: Executor | None) -> tuple[int, float]:
    db = store.open_db(db_path)
    for url in urls:
        store.add_source(db, url, full_text=False)
    started = time.perf_counter()
    async with make_client() as client:
        results = await ingest.ingest_due(db, client, executor=pool)
    elapsed = time.perf_counter() - started
    errors = [r for r in results if r.status != "ok"]
    if errors:
        raise SystemExit(f"{len(errors)} feeds failed, first: {errors[0].error}")
    new = store.count(db, "articles")
    db.close()
    return new, elapsed


def _report_pid(seconds: float) -> int:
    time.sleep(seconds)  # long enough that every worker takes one of the tasks
    return os.getpid()


def _worker_pids(pool: ingest.ParsePool | None) -> set[int]:
    """Return the pool's worker process ids (empty without a pool)."""
    if pool is None:
        return set()
    tasks = [pool.submit(_report_pid, 0.3) for _ in range(ingest.MAX_PARSE_WORKERS)]
    return {task.result() for task in tasks}


def _peak_rss_mb(pid: int) -> float:
    """Return a live process's peak resident memory (VmHWM) in MB, 0 if unreadable."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _span(values: list[float]) -> str:
    return f"({min(values):.0f}-{max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    parser.add_argument(
        "--cold-pool",
        action="store_true",
        help="start the parse workers inside each timed run (the bot keeps them warm)",
    )
    args = parser.parse_args()
    print(f"machine: nproc={os.cpu_count()}, cpu={cpu_model()}, python={sys.version.split()[0]}")

    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        www = root / "www"
        www.mkdir()
        bodies = []
        for n in range(args.feeds):
            body = make_feed(n, args.items, rng)
            (www / f"feed{n}.xml").write_bytes(body)
            bodies.append(body)
        total_items = args.feeds * args.items
        mb = sum(map(len, bodies)) / 1e6
        print(
            f"workload: {args.feeds} feeds x {args.items} items = {total_items} items, {mb:.1f} MB"
        )

        del bodies

        # Fork the server before the event loop or any pool starts threads.
        ctx = multiprocessing.get_context("fork")
        ready = ctx.Event()
        port = ctx.Value("i", 0)
        server = ctx.Process(target=serve, args=(str(www), ready, port), daemon=True)
        server.start()
        ready.wait(10)
        urls = [f"http://127.0.0.1:{port.value}/feed{n}.xml" for n in range(args.feeds)]
        pool = None if args.cold_pool else ingest.start_parse_pool()
        if args.cold_pool:
            print("parse workers: started inside each timed run (--cold-pool)")
        else:
            print("parse workers: started before timing and reused by every run, as the bot does")
        worker_pids = _worker_pids(pool)
        # Each round times the baseline and the end-to-end run back to back, so that a change
        # in the machine's load (it is shared) moves both: the verdict is the median of the
        # rounds' ratios. The feed bodies are read back from disk outside the timing.
        baselines, leans, rates, ratios = [], [], [], []
        try:
            for run in range(args.repeat):
                bodies = [(www / f"feed{n}.xml").read_bytes() for n in range(args.feeds)]
                started = time.perf_counter()
                parsed = sum(len(feedparser.parse(b)["entries"]) for b in bodies)
                baselines.append(parsed / (time.perf_counter() - started))
                started = time.perf_counter()
                for b in bodies:
                    feedparser.parse(b, sanitize_html=False, resolve_relative_uris=False)
                leans.append(parsed / (time.perf_counter() - started))
                del bodies
                new, elapsed = asyncio.run(ingest_all(root / f"bench{run}.db", urls, pool))
                if new != total_items:
                    raise SystemExit(f"expected {total_items} new articles, got {new}")
                rates.append(new / elapsed)
                ratios.append(rates[-1] / baselines[-1])
        finally:
            worker_peaks = [_peak_rss_mb(pid) for pid in worker_pids]
            if pool is not None:
                pool.shutdown()
            server.terminate()
            server.join()
        baseline, lean, rate, ratio = map(statistics.median, (baselines, leans, rates, ratios))
        print(f"medians of {args.repeat} rounds (min-max):")
        print(
            f"feedparser.parse (defaults), 1 process:       {baseline:8.0f} items/s {_span(baselines)}"
        )
        print(f"feedparser.parse (no sanitise), 1 process:    {lean:8.0f} items/s {_span(leans)}")
        print(f"end to end (fetch+parse+clean+dedup+save):  {rate:8.0f} items/s {_span(rates)}")
        low, high = min(ratios), max(ratios)
        print(
            f"ratio end-to-end / feedparser defaults, per round: {ratio:.2f}x "
            f"({low:.2f}-{high:.2f}) (target >= 1.2x)"
        )
        print(f"ratio of the medians: {rate / baseline:.2f}x; to no-sanitise: {rate / lean:.2f}x")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        shown = ", ".join(f"{mb:.0f} MB" for mb in worker_peaks) or "none (no pool)"
        print(f"peak RSS: main process {peak:.0f} MB; parse workers {shown}")


if __name__ == "__main__":
    main()
