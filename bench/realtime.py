"""Digests under real timing: the bot's Sender against a Bot API server on loopback.

Run: .venv/bin/python bench/realtime.py [--chats 258] [--rounds 3] [--seed 1]
     [--kill-at 0.45] [--load both|idle|busy]

Nothing here is simulated: the bot process and the server both run on the wall clock.

- The server (``LoopbackTelegram``): a real HTTP server on 127.0.0.1 (the standard
  library's ThreadingHTTPServer, in a thread of this process) answering getMe and
  sendMessage like Telegram. For each sendMessage, in this order: 3 % get a 502 Bad Gateway
  (an HTML page, as Telegram's front end gives) and 1 % a 429 with retry_after 1–3 s
  (injected: no flood limit was crossed); then Telegram's flood limits, counted by arrival
  time over the messages it delivered: a message that would make 31 in any sliding second
  overall, 2 in any second to one private chat, or 21 in any minute to one group or
  channel is refused with 429 and retry_after (the seconds until the window has room,
  rounded up); anything else is delivered, recorded with its arrival time, and answered
  with the Message.
- The bot: a subprocess (``realtime.py bot DB URL``) that builds the application as
  ``newsbot run`` does (``bot.app.build_application``; its HTTP client, rate limiter and
  pacer, with TELEGRAM_API_BASE_URL pointing at the server) and drains the outbox with the
  bot's ``Sender`` on the application's pacer (``Sender.drain``: the same workers, pacing
  and retries as the bot's ``run_forever``), after releasing the
  messages a previous run left in flight.
- One SIGKILL per round: the server kills the bot process as the message at ``--kill-at``
  of the run is delivered, before answering it (so that message is in flight), and the
  bot is started again on the same database; it must resume the outbox.
- Load: the rounds run once on an otherwise idle bot ("idle") and once with a busy-loop
  process spinning beside it ("busy": one process for the machine's other core).

Reported per round and in total: messages expected, delivered, lost, duplicated (against
the rows the restarted bot found in flight), 429s by cause (overall flood: the bot sent
over 30 in a second as the server counts; per chat; injected), the most messages in any
1 s window by arrival (delivered, and delivered plus those refused for the overall
limit), and the delivery rate.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import logging
import math
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.broadcast import chat_kinds, digest_parts  # noqa: E402
from bench.host import machine  # noqa: E402

TOKEN = "123:ABC"
OVERALL = (30, 1.0)  # messages, seconds: Telegram's limits as the server counts them
PRIVATE = (1, 1.0)
GROUP = (20, 60.0)
BAD_GATEWAY = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


# --- the server ----------------------------------------------------------------------------


@dataclass
class Attempt:
    """One sendMessage as the server received it."""

    arrived: float  # time.monotonic() when the request's body had been read
    chat_id: int
    text: str
    status: int
    cause: str  # "delivered", "overall", "chat", "injected-429", "injected-502"


@dataclass
class ServerState:
    """What the server saw, and what it needs to answer like Telegram."""

    rng: random.Random
    fault_502: float = 0.03
    fault_429: float = 0.01
    kill_after: int | None = None  # kill bot_pid as this many messages have been delivered
    bot_pid: int | None = None
    attempts: list[Attempt] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    windows: dict[int | None, deque[float]] = field(default_factory=dict)
    next_id: int = 0
    killed_at: float | None = None
    restarted_at: float | None = None  # the first getMe after the kill

    def delivered(self) -> int:
        """Return how many messages the server has delivered."""
        with self.lock:
            return sum(a.status == 200 for a in self.attempts)

    def limit_for(self, chat_id: int | None) -> tuple[int, float]:
        if chat_id is None:
            return OVERALL
        return PRIVATE if chat_id > 0 else GROUP

    def decide(self, chat_id: int, text: str) -> tuple[int, dict[str, Any], bool]:
        """Record one sendMessage; return its status, JSON answer and whether to kill the bot."""
        with self.lock:
            now = time.monotonic()
            roll = self.rng.random()
            if roll < self.fault_502:
                self.attempts.append(Attempt(now, chat_id, text, 502, "injected-502"))
                return 502, {}, False
            if roll < self.fault_502 + self.fault_429:
                wait = self.rng.randint(1, 3)
                self.attempts.append(Attempt(now, chat_id, text, 429, "injected-429"))
                return 429, too_many(wait), False
            for key, cause in ((chat_id, "chat"), (None, "overall")):
                limit, seconds = self.limit_for(key)
                window = self.windows.setdefault(key, deque())
                while window and window[0] <= now - seconds:
                    window.popleft()
                if len(window) >= limit:
                    wait = max(1, math.ceil(window[0] + seconds - now))
                    self.attempts.append(Attempt(now, chat_id, text, 429, cause))
                    return 429, too_many(wait), False
            self.windows[chat_id].append(now)
            self.windows[None].append(now)
            self.attempts.append(Attempt(now, chat_id, text, 200, "delivered"))
            self.next_id += 1
            message = {
                "message_id": self.next_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "text": text,
            }
            delivered = sum(a.status == 200 for a in self.attempts)
            kill = self.kill_after is not None and delivered == self.kill_after
            if kill:
                self.killed_at = now
            return 200, {"ok": True, "result": message}, kill


def too_many(seconds: int) -> dict[str, Any]:
    """Return Telegram's 429 answer."""
    return {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {seconds}",
        "parameters": {"retry_after": seconds},
    }


class Handler(BaseHTTPRequestHandler):
    """Answer the Bot API calls the bot makes; sendMessage through ServerState.decide."""

    protocol_version = "HTTP/1.1"  # keep-alive, as PTB's httpx client expects
    server: LoopbackTelegram

    def log_message(self, format: str, *args: Any) -> None:
        """Be quiet: thousands of requests."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if len(raw) < length:  # the bot was killed while sending: no request, no message
            self.close_connection = True
            return
        body = raw.decode()
        method = self.path.rstrip("/").rsplit("/", 1)[-1]
        if not self.path.startswith(f"/bot{TOKEN}/"):
            self.answer(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        params = {k: v[0] for k, v in parse_qs(body).items()}
        if method == "getMe":
            state = self.server.state
            with state.lock:
                if state.killed_at is not None and state.restarted_at is None:
                    state.restarted_at = time.monotonic()
            me = {"id": 123, "is_bot": True, "first_name": "News", "username": "news_bot"}
            self.answer(200, {"ok": True, "result": me})
            return
        if method != "sendMessage":
            self.answer(200, {"ok": True, "result": True})
            return
        state = self.server.state
        status, answer, kill = state.decide(int(params["chat_id"]), params["text"])
        if kill and state.bot_pid is not None:
            os.kill(state.bot_pid, signal.SIGKILL)
        if status == 502:
            self.send_response(502)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(BAD_GATEWAY)))
            self.end_headers()
            self.wfile.write(BAD_GATEWAY)
            return
        self.answer(status, answer)

    def answer(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class LoopbackTelegram(ThreadingHTTPServer):
    """The server, with its state; serve it from a thread."""

    daemon_threads = True

    def __init__(self, state: ServerState) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Say nothing of connections the killed bot left half-way; report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        """Return the Bot API base URL (TELEGRAM_API_BASE_URL) of this server."""
        return f"http://127.0.0.1:{self.server_address[1]}/bot"


# --- the bot -------------------------------------------------------------------------------


def setup(database: Path, chats: int, seed: int) -> int:
    """Write one digest per chat into a new database's outbox; return the messages expected."""
    from digests import store
    from tests.support import T0

    rng = random.Random(seed)
    db = store.open_db(database)
    expected = 0
    for chat_id, kind in chat_kinds(chats, rng):
        sub = store.save_subscription(db, chat_id, kind, now=T0 - timedelta(days=1))
        parts = digest_parts(chat_id, rng.random() < 0.1)
        store.enqueue_digest(db, sub, T0, parts, cutoff=T0, now=T0)
        expected += len(parts)
    db.close()
    return expected


async def run_bot(database: Path, url: str) -> dict[str, Any]:
    """Deliver the outbox as the bot does, in real time; return what the run counted."""
    from bot.app import build_application
    from bot.config import Settings
    from bot.sender import Sender
    from digests import store

    settings = Settings(token=TOKEN, api_base_url=url, database_path=database)
    app = build_application(settings)
    db = store.open_db(database)
    released = store.release_in_flight(db)
    await app.bot.initialize()
    try:
        # getattr: the same script measures the code from before the shared pacer too.
        sender = Sender(app.bot, db, pacer=getattr(app.bot_data, "pacer", None))
        result = await sender.drain()
    finally:
        await app.bot.shutdown()
        db.close()
    report = {"released": released, "sent": result.sent, "rate_limited": result.rate_limited}
    margin = getattr(sender.pacer, "margin", None)
    if margin is not None:
        report["margin"] = margin
    return report


def bot_main(database: Path, url: str) -> None:
    """The bot subprocess: deliver, then print the counts as JSON."""
    logging.basicConfig(level=logging.ERROR)
    # PTB logs each 502's HTML page as "invalid JSON" before raising NetworkError.
    logging.getLogger("telegram.request").setLevel(logging.CRITICAL)
    print(json.dumps(asyncio.run(run_bot(database, url))))


# --- a round -------------------------------------------------------------------------------


@dataclass
class Round:
    """What one round measured."""

    expected: int
    delivered: int
    lost: int
    duplicated: int
    released: int
    causes: Counter[str]
    most_delivered: int
    most_pushed: int
    seconds: float  # first to last delivery, less the restart gap
    seconds_90: float  # first delivery to the 90th percentile one, less the restart gap
    restart_gap: float
    margins: list[float]


def most_within(times: list[float], seconds: float) -> int:
    """Return the most of times in any half-open window of seconds."""
    ordered = sorted(times)
    return max(
        (bisect.bisect_left(ordered, t + seconds) - i for i, t in enumerate(ordered)), default=0
    )


def one_round(tmp: Path, name: str, index: int, args: argparse.Namespace) -> Round:
    """Set up, start the server and the bot, kill it once, restart it; return the figures."""
    database = tmp / f"{name}-{index}.db"
    expected = setup(database, args.chats, args.seed + index)
    state = ServerState(random.Random(args.seed * 1000 + index))
    state.kill_after = max(1, round(args.kill_at * expected)) if args.kill_at > 0 else None
    server = LoopbackTelegram(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    env = {**os.environ, "PTB_TIMEDELTA": "true", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, __file__, "bot", str(database), server.url]
    released = 0
    margins: list[float] = []
    restarts = 0
    try:
        while True:
            proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
            state.bot_pid = proc.pid
            out, _ = proc.communicate(timeout=600)
            if proc.returncode == -signal.SIGKILL and restarts < 3:
                restarts += 1
                continue
            if proc.returncode != 0:
                raise SystemExit(f"the bot exited with {proc.returncode}")
            report = json.loads(out)
            released += report["released"]
            if "margin" in report:
                margins.append(report["margin"])
            break
    finally:
        server.shutdown()
        server.server_close()

    delivered = [a for a in state.attempts if a.status == 200]
    got = Counter((a.chat_id, a.text) for a in delivered)
    want: Counter[tuple[int, str]] = Counter()
    rng = random.Random(args.seed + index)
    for chat_id, _ in chat_kinds(args.chats, rng):
        for text in digest_parts(chat_id, rng.random() < 0.1):
            want[(chat_id, text)] += 1
    times = [a.arrived for a in delivered]
    pushed = times + [a.arrived for a in state.attempts if a.cause == "overall"]
    restarted = state.restarted_at
    after = [a.arrived for a in delivered if restarted is not None and a.arrived > restarted]
    gap = (min(after) - state.killed_at) if after and state.killed_at else 0.0
    return Round(
        expected=expected,
        delivered=len(delivered),
        lost=sum((want - got).values()),
        duplicated=sum((got - want).values()),
        released=released,
        causes=Counter(a.cause for a in state.attempts),
        most_delivered=most_within(times, 1.0),
        most_pushed=most_within(pushed, 1.0),
        seconds=max(times) - min(times) - gap if times else 0.0,
        seconds_90=sorted(times)[int(0.9 * len(times))] - min(times) - gap if times else 0.0,
        restart_gap=gap,
        margins=margins,
    )


def report(title: str, rounds: list[Round]) -> None:
    """Print each round and the totals."""
    print(f"\n{title}")
    header = (
        "round  expected  delivered  lost  dup  released  429-overall  429-chat  "
        "429-inj  502-inj  max/1s  pushed/1s  msg/s  (90 %)  restart-gap"
    )
    print("  " + header)
    for i, r in enumerate(rounds, 1):
        rate = (r.delivered / r.seconds) if r.seconds else 0.0
        rate_90 = (int(0.9 * r.delivered) / r.seconds_90) if r.seconds_90 else 0.0
        print(
            f"  {i:>5}  {r.expected:>8}  {r.delivered:>9}  {r.lost:>4}  {r.duplicated:>3}  "
            f"{r.released:>8}  {r.causes['overall']:>11}  {r.causes['chat']:>8}  "
            f"{r.causes['injected-429']:>7}  {r.causes['injected-502']:>7}  "
            f"{r.most_delivered:>6}  {r.most_pushed:>9}  {rate:>5.1f}  {rate_90:>6.1f}  "
            f"{r.restart_gap:>9.2f} s"
            + (f"  margin at end {r.margins[-1]:.3f}" if r.margins else "")
        )
    total = Counter[str]()
    for r in rounds:
        total.update(r.causes)
    print(
        f"  total: {sum(r.delivered for r in rounds)}/{sum(r.expected for r in rounds)} "
        f"delivered, {sum(r.lost for r in rounds)} lost, {sum(r.duplicated for r in rounds)} "
        f"duplicated ({sum(r.released for r in rounds)} in flight at the kills), "
        f"{total['overall']} over 30/s as the server counts, {total['chat']} per chat, "
        f"{total['injected-429']} + {total['injected-502']} injected 429 + 502; "
        f"most in any 1 s: {max(r.most_delivered for r in rounds)}"
    )


def main() -> None:
    """Run the rounds idle and under load; print the figures."""
    if len(sys.argv) > 1 and sys.argv[1] == "bot":
        bot_main(Path(sys.argv[2]), sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=258)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kill-at", type=float, default=0.45, help="0: no kill")
    parser.add_argument("--load", choices=("both", "idle", "busy"), default="both")
    args = parser.parse_args()
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.2f} at start")
    print(f"chats: {args.chats}; rounds: {args.rounds}; time: real (wall clock, loopback HTTP)")
    sets = {"both": ("idle", "busy"), "idle": ("idle",), "busy": ("busy",)}[args.load]
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            spinner = None
            if name == "busy":
                spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
            try:
                rounds = [one_round(Path(tmp), name, i, args) for i in range(args.rounds)]
            finally:
                if spinner is not None:
                    spinner.kill()
                    spinner.wait()
            label = "a busy-loop process beside the bot" if spinner else "no added load"
            report(f"{name}: {label}; load average {os.getloadavg()[0]:.2f} after", rounds)


if __name__ == "__main__":
    main()
