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

Per-host limits: fetching keeps the product's defaults (2 requests in flight per host, 0.5 s
between starts), as the bot does. Real feeds come from many hosts, so each feed here has a host
of its own: the server listens on 127.0.0.1, 127.0.0.2, ... (Linux routes all of 127/8 to the
loopback; elsewhere add aliases or pass --hosts 1). With ``--hosts N`` the feeds share N hosts
and the gap bounds a run from below ((feeds/N - 1) x gap seconds): that measures politeness,
not throughput; ``--per-host`` and ``--host-gap`` change the limits, and are printed.

Run: .venv/bin/python bench/ingest.py [--feeds 200] [--items 50] [--repeat 3] [--cold-pool]
                                      [--hosts N] [--per-host 2] [--host-gap 0.5]
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import multiprocessing
import os
import platform
import random
import resource
import selectors
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
from digests.polite import HOST_GAP, PER_HOST

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


def loopback(n: int) -> str:
    """Return the n-th loopback address: 127.0.0.1, 127.0.0.2, ..."""
    return str(ipaddress.IPv4Address("127.0.0.1") + n)


def serve(directory: str, hosts: int, ready: Any, port: Any) -> None:
    """Serve the directory on the first hosts loopback addresses, one port, one loop.

    In its own process, so it takes no CPU from the bench; port.value is -1 if an address
    cannot be bound.
    """
    handler = partial(_Quiet, directory=directory)
    try:
        first = _Server((loopback(0), 0), handler)
        number = first.server_address[1]
        servers = [first] + [_Server((loopback(n), number), handler) for n in range(1, hosts)]
    except OSError:
        port.value = -1
        ready.set()
        return
    port.value = number
    ready.set()
    with selectors.DefaultSelector() as waiting:
        for server in servers:
            waiting.register(server, selectors.EVENT_READ, server)
        while True:
            for key, _ in waiting.select():
                key.data.handle_request()  # ready: accepts at once, answers in a thread


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


async def ingest_all(
    db_path: Path, urls: list[str], pool: Executor | None, per_host: int, host_gap: float
) -> tuple[int, float, float]:
    """Ingest every feed once; return the new articles, the seconds taken and the CPU
    seconds of this process (fetching, scheduling, SQLite: not the parse workers')."""
    db = store.open_db(db_path)
    for url in urls:
        store.add_source(db, url, full_text=False)
    started, cpu = time.perf_counter(), time.process_time()
    async with make_client(per_host=per_host, host_gap=host_gap) as client:
        results = await ingest.ingest_due(db, client, executor=pool)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    errors = [r for r in results if r.status != "ok"]
    if errors:
        raise SystemExit(f"{len(errors)} feeds failed, first: {errors[0].error}")
    new = store.count(db, "articles")
    db.close()
    return new, elapsed, cpu


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
    parser.add_argument(
        "--hosts", type=int, help="loopback hosts the feeds share (default: one per feed)"
    )
    parser.add_argument(
        "--per-host", type=int, default=PER_HOST, help="requests in flight per host"
    )
    parser.add_argument(
        "--host-gap", type=float, default=HOST_GAP, help="seconds between starts per host"
    )
    args = parser.parse_args()
    hosts = min(args.hosts or args.feeds, args.feeds)
    if hosts < 1:
        parser.error("--hosts must be at least 1")
    print(f"machine: nproc={os.cpu_count()}, cpu={cpu_model()}, python={sys.version.split()[0]}")
    limits = (
        "the defaults"
        if (args.per_host, args.host_gap) == (PER_HOST, HOST_GAP)
        else "NOT the defaults"
    )
    print(
        f"per-host limits: {args.per_host} in flight, {args.host_gap:g} s between starts ({limits});"
        f" {args.feeds} feeds on {hosts} host(s), {loopback(0)}-{loopback(hosts - 1)}"
    )
    per_host_feeds = -(-args.feeds // hosts)
    if per_host_feeds > 1 and args.host_gap > 0:
        floor = (per_host_feeds - 1) * args.host_gap
        print(f"  the gap alone makes a run last at least {floor:.1f} s: this measures politeness")

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
        server = ctx.Process(target=serve, args=(str(www), hosts, ready, port), daemon=True)
        server.start()
        if not ready.wait(120):
            raise SystemExit("the feed server did not start within 2 minutes")
        if port.value <= 0:
            raise SystemExit(
                f"cannot listen on {loopback(hosts - 1)}: this system routes only 127.0.0.1 to the"
                " loopback; run with --hosts 1 (and say so with the figures)"
            )
        urls = [f"http://{loopback(n % hosts)}:{port.value}/feed{n}.xml" for n in range(args.feeds)]
        pool = None if args.cold_pool else ingest.start_parse_pool()
        if args.cold_pool:
            print("parse workers: started inside each timed run (--cold-pool)")
        else:
            print("parse workers: started before timing and reused by every run, as the bot does")
        worker_pids = _worker_pids(pool)
        # Each round times the baseline and the end-to-end run back to back, so that a change
        # in the machine's load (it is shared) moves both: the verdict is the median of the
        # rounds' ratios. The feed bodies are read back from disk outside the timing.
        baselines, leans, rates, ratios, cpus = [], [], [], [], []
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
                new, elapsed, cpu = asyncio.run(
                    ingest_all(root / f"bench{run}.db", urls, pool, args.per_host, args.host_gap)
                )
                if new != total_items:
                    raise SystemExit(f"expected {total_items} new articles, got {new}")
                rates.append(new / elapsed)
                cpus.append(cpu)
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
        print(
            f"main process CPU per end-to-end run: {statistics.median(cpus):.2f} s "
            f"({min(cpus):.2f}-{max(cpus):.2f}) (fetch, scheduling, SQLite; less sensitive to load)"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        shown = ", ".join(f"{mb:.0f} MB" for mb in worker_peaks) or "none (no pool)"
        print(f"peak RSS: main process {peak:.0f} MB; parse workers {shown}")


if __name__ == "__main__":
    main()
