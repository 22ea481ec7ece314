"""Time and Telegram doubles shared by the tests and the bench scripts (never by the bot).

- ``SimulatedTimeLoop``: an event loop whose clock jumps over idle waits, so sleeps, back-offs
  and the offline server's flood limits share one clock and take no real time; ``simulate``
  runs a coroutine in one, and ``unix_now`` / ``utc_now`` read its clock from ``T0``.
- ``WallClockLoop``: the same, for a whole Application: the wall clock (``datetime.now``,
  ``time.time``: the JobQueue's, the store's) follows the loop's, and while a thread or a
  process works for the loop, time passes as it really does instead of jumping;
  ``simulate_days`` runs a coroutine in one from a chosen moment.
- ``FakeClock``: a clock and a sleep to inject where a test drives time by hand.
- ``most_within`` and ``closest``: a run's send times, measured against a flood limit.
- ``OfflineRelay``: a request object passing every call on to an ``OfflineTelegram``, for
  wrappers that put a network, a stall or a journal between the bot and it.
- ``MeteredPacer``: the product's Pacer, also measuring the seconds in which a send was
  queued for the overall budget (a benchmark figure, of no use to the bot).
- ``instant_pacer``: a Pacer whose waits take no time, for tests on the real clock.
- ``command_burst``: many chats send commands to the running application at once; ``Burst``
  tells what the offline Telegram saw of the replies.

Bench scripts put the project root on ``sys.path`` and import this as ``tests.support``.
"""

from __future__ import annotations

import asyncio
import bisect
import functools
import importlib.util
import itertools
import math
import selectors
import sys
import time
from collections.abc import Callable, Coroutine, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import time_machine
from sqlite_utils import Database
from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.offline import ApiCall, OfflineTelegram
from bot.pacer import ChatKey, Pacer
from bot.state import App
from digests import store
from digests.dedup import article_keys
from digests.models import ArticleIn
from digests.store.search_index import entry_form, index_articles

T = TypeVar("T")
T0 = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)  # simulated runs start here
EPOCH = T0.timestamp()


# --- simulated time ----------------------------------------------------------------------------


class _SkippingSelector(selectors.BaseSelector):
    """A selector that, instead of blocking until a timer is due, moves the loop's clock there."""

    def __init__(self, loop: SimulatedTimeLoop) -> None:
        self._loop = loop
        self._inner = selectors.DefaultSelector()

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._inner.register(fileobj, events, data)

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        return self._inner.unregister(fileobj)

    def modify(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._inner.modify(fileobj, events, data)

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        if timeout is None:
            # Nothing scheduled: only another thread can wake the loop, so really wait a bit.
            return self._inner.select(0.01)
        events = self._inner.select(0)
        if not events and timeout > 0:
            events = self._loop.idle(self._inner, timeout)
        return events

    def get_map(self) -> Mapping[Any, selectors.SelectorKey]:
        return self._inner.get_map()

    def close(self) -> None:
        self._inner.close()


class SimulatedTimeLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock jumps over idle waits: sleeps and timeouts take no real time.

    A Pacer and an OfflineTelegram reading ``loop.time()`` (``unix_now``) share its clock.
    """

    def __init__(self) -> None:
        self._now = 0.0
        super().__init__(_SkippingSelector(self))

    def time(self) -> float:
        """Return the simulated time in seconds."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move the simulated clock forward."""
        self._now += seconds

    def idle(self, selector: selectors.BaseSelector, timeout: float) -> list[Any]:
        """Nothing is ready and the next timer is timeout away: jump there."""
        self.advance(timeout)
        return []


class WallClockLoop(SimulatedTimeLoop):
    """A SimulatedTimeLoop that only skips time in which nothing works, and moves the wall clock.

    ``datetime.now()`` and ``time.time()`` (through time-machine) read ``start`` plus the
    loop's time, so the JobQueue (APScheduler), the store's timestamps and the offline
    Telegram see the clock the loop's timers use. Work handed to a thread or a process
    (``run_in_executor``: parsing, summarising, DNS) takes the real time it takes: while any
    is under way the loop waits for it as a real one would, and its clock moves by the time
    that really passed. Only waits with nothing under way are skipped.
    """

    def __init__(self, start: datetime, traveller: time_machine.Traveller) -> None:
        super().__init__()
        self.start = start
        self._epoch = start.timestamp()
        self._traveller = traveller
        self._working = 0
        self.waited = 0.0  # real seconds spent waiting for work in threads and processes
        traveller.move_to(self._epoch)

    def wall_time(self) -> float:
        """Return the simulated time as a Unix timestamp."""
        return self._epoch + self._now

    def advance(self, seconds: float) -> None:
        """Move the loop's clock, and the wall clock with it."""
        super().advance(seconds)
        self._traveller.move_to(self._epoch + self._now)

    def run_in_executor(
        self, executor: Executor | None, func: Callable[..., T], *args: Any
    ) -> asyncio.Future[T]:
        """Run func in the executor, counting it as work under way until it is done."""
        future = super().run_in_executor(executor, func, *args)
        self._working += 1
        future.add_done_callback(self._work_done)
        return future

    def _work_done(self, _: asyncio.Future[Any]) -> None:
        self._working -= 1

    def idle(self, selector: selectors.BaseSelector, timeout: float) -> list[Any]:
        """Jump to the next timer if nothing works; else wait for real, as long as it lasts."""
        if not self._working:
            return super().idle(selector, timeout)
        began = time.perf_counter()
        events = selector.select(timeout)
        took = time.perf_counter() - began
        self.waited += took
        self.advance(took)
        return events


def simulate_days(coro: Coroutine[Any, Any, T], start: datetime) -> T:
    """Run a coroutine in a WallClockLoop whose wall clock starts at start; return its result."""
    with time_machine.travel(start, tick=False) as traveller:
        factory = functools.partial(WallClockLoop, start, traveller)
        with asyncio.Runner(loop_factory=factory) as runner:
            return runner.run(coro)


def simulate(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine in simulated time and return its result."""
    with asyncio.Runner(loop_factory=SimulatedTimeLoop) as runner:
        return runner.run(coro)


def loop_clock() -> float:
    """Return the running event loop's time (simulated in a SimulatedTimeLoop)."""
    return asyncio.get_running_loop().time()


def unix_now() -> float:
    """Return the simulated time as a Unix timestamp (the offline Telegram's clock)."""
    return EPOCH + loop_clock()


def utc_now() -> datetime:
    """Return the simulated time as an aware UTC datetime (the sender's outbox clock)."""
    return T0 + timedelta(seconds=loop_clock())


class FakeClock:
    """A clock that moves only when slept on or advanced; inject ``now`` and ``sleep``."""

    def __init__(self, start: float = 0.0) -> None:
        self.time = start

    def now(self) -> float:
        """Return the current fake time."""
        return self.time

    async def sleep(self, seconds: float) -> None:
        """Move the clock forward instead of waiting."""
        self.time += max(0.0, seconds)

    def advance(self, seconds: float) -> None:
        """Move the clock forward, as time passing between two calls."""
        self.time += seconds


# --- limits, stated over a run's send times ---------------------------------------------------

SLACK = 1e-6  # float noise in Unix timestamps near 1.8e9 s; far below any limit checked


def most_within(times: Sequence[float], seconds: float) -> int:
    """Return the most of times that fall in any window of seconds (half-open, as counted)."""
    ordered = sorted(times)
    return max(
        (bisect.bisect_left(ordered, t + seconds - SLACK) - i for i, t in enumerate(ordered)),
        default=0,
    )


def closest(times: Sequence[float]) -> float:
    """Return the shortest time between two of times (infinite for fewer than two)."""
    ordered = sorted(times)
    return min((b - a for a, b in itertools.pairwise(ordered)), default=math.inf)


# --- the offline Telegram behind something --------------------------------------------------


class OfflineRelay(BaseRequest):
    """A request object that passes every call on to an OfflineTelegram, for wrappers to adapt.

    Subclasses override ``forward`` to put something between the bot and the offline server:
    network latency, a stall, a journal of what Telegram accepted.
    """

    def __init__(self, offline: OfflineTelegram) -> None:
        self.offline = offline

    @property
    def read_timeout(self) -> float | None:
        """Return the offline server's read timeout."""
        return self.offline.read_timeout

    async def initialize(self) -> None:
        """Initialise the offline server."""
        await self.offline.initialize()

    async def shutdown(self) -> None:
        """Shut the offline server down."""
        await self.offline.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer a call through ``forward`` (timeouts do not apply offline)."""
        return await self.forward(url, method, request_data)

    async def forward(
        self, url: str, method: str, request_data: RequestData | None
    ) -> tuple[int, bytes]:
        """Pass the call to the offline server and return its answer."""
        return await self.offline.do_request(url, method, request_data)


# --- benchmark accounting ---------------------------------------------------------------------


class MeteredPacer(Pacer):
    """A Pacer that also measures ``busy_seconds``: how long a send was queued for the budget.

    A stretch runs from when a ready message joined an empty queue until one budget share
    (1.02/30 s) after the last send left it; a global pause with messages queued counts.
    Waits with nothing ready (every message left backing off) do not: dividing messages by
    these seconds gives the rate while there was work to do.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._queued = 0
        self._busy_total = 0.0
        self._busy_since = 0.0
        self._busy_until = -math.inf

    async def acquire(self, chat_id: ChatKey, chat_type: str, *, reply: bool = False) -> float:
        """Acquire as the Pacer does, counting the wait in the queue as busy."""
        # Waiting for the chat's own limit is not work ready. (Should the chat be held while
        # its send queues, the Pacer waits for it again inside; that counts as busy here.
        # Only a migrated chat shared by two workers can be held so; the broadcast has none.)
        await self.ready(chat_id)
        self._join()
        sent_at = -math.inf
        try:
            sent_at = await super().acquire(chat_id, chat_type, reply=reply)
        finally:
            self._leave(sent_at)
        return sent_at

    @property
    def busy_seconds(self) -> float:
        """Return the seconds during which a send was queued for the overall budget."""
        end = max(self.now(), self._busy_until) if self._queued else self._busy_until
        return self._busy_total + max(0.0, end - self._busy_since)

    def _join(self) -> None:
        now = self.now()
        if self._queued == 0 and now > self._busy_until:
            self._busy_total += max(0.0, self._busy_until - self._busy_since)
            self._busy_since = now
        self._queued += 1

    def _leave(self, sent_at: float) -> None:
        self._queued -= 1
        share = self.window / self.limit  # the budget one send uses, on average
        self._busy_until = max(self._busy_until, sent_at + share, self.now())


def instant_pacer() -> Pacer:
    """Return a Pacer whose waits take no time: a FakeClock of its own moves instead.

    For tests on the real clock that are not about Telegram's limits: the application's
    replies and deliveries still go through the pacer and the rate limiter, without the
    seconds of waiting (one reply a second per chat) that would add up over a test suite.

    Each wait still lets the event loop run once: the pacer looks again every
    ``ANSWER_POLL`` while a send that limits it is in flight, and that send's answer comes
    on the real loop. A wait that never yielded would spin until the fake clock passed the
    in-flight limit, blocking every other task meanwhile (``bench/commands.py`` measured
    that spin instead of the bot).
    """
    clock = FakeClock()

    async def sleep(seconds: float) -> None:
        await clock.sleep(seconds)
        await asyncio.sleep(0)

    return Pacer(clock=clock.now, sleep=sleep)


# --- a burst of commands ----------------------------------------------------------------------


@dataclass
class Burst:
    """Commands many chats sent at once, and what the offline Telegram saw of the replies.

    Times are the offline Telegram's clock less ``EPOCH`` (simulated seconds in a
    SimulatedTimeLoop with ``clock=unix_now``).
    """

    offline: OfflineTelegram
    asked: dict[int, float]  # chat: when its first command reached the application

    def answers(self, chat_id: int | None = None) -> list[ApiCall]:
        """Return the bot's sendMessage calls (to chat_id, if given), each with its answer."""
        return [
            c
            for c in self.offline.calls_to("sendMessage")
            if chat_id is None or c.chat_id == chat_id
        ]

    def reply_seconds(self) -> dict[int, float]:
        """Return, per chat that got one, the seconds from its command to its first reply."""
        first: dict[int, float] = {}
        for call in self.answers():
            if call.status == 200 and isinstance(call.chat_id, int):
                first.setdefault(call.chat_id, call.timestamp - EPOCH)
        return {chat: first[chat] - at for chat, at in self.asked.items() if chat in first}

    def refused_after(self, seconds: float) -> list[ApiCall]:
        """Return the 429 answers given more than seconds after the first command arrived."""
        start = min(self.asked.values(), default=0.0)
        return [
            c for c in self.answers() if c.status == 429 and c.timestamp - EPOCH > start + seconds
        ]


async def command_burst(
    app: App,
    offline: OfflineTelegram,
    chats: Sequence[int],
    commands: Sequence[str],
    *,
    within: float = 1.0,
    deadline: float = 3600.0,
    delivered: Callable[[], int] | None = None,
) -> Burst:
    """Have each private chat send commands, the chats spread evenly over ``within`` seconds.

    A chat sends its commands one right after the other. Updates go through the running
    application's update queue, as polling or the webhook put them there (PTB's concurrent
    update processing included); ``offline`` makes them (and answers the bot, unless the
    application talks to another server: then ``delivered`` counts the replies that server
    accepted). Returns once every chat got a message per command, or ``deadline`` seconds
    after the first command.
    """
    loop = asyncio.get_running_loop()
    start = loop.time()
    asked: dict[int, float] = {}
    for index, chat in enumerate(chats):
        await asyncio.sleep(max(0.0, start + within * index / len(chats) - loop.time()))
        asked[chat] = offline.clock() - EPOCH
        for text in commands:
            offline.user_message(text, user_id=chat, username=None, first_name=f"User {chat}")
            body = offline.next_update_dict()
            await app.update_queue.put(Update.de_json(body, app.bot))
    burst = Burst(offline, asked)
    wanted = len(commands) * len(chats)
    if delivered is None:

        def delivered() -> int:
            return sum(1 for c in burst.answers() if c.status == 200)

    while loop.time() - start < deadline:
        if delivered() >= wanted:
            break
        await asyncio.sleep(0.5)
    return burst


# --- The search index (digests/store/search_index.py: one table per week) -----------------


def make_digest_due(db: Database, sub_id: int, now: datetime, **fields: Any) -> None:
    """Make a daily digest subscription due: its last slot a day ago, the next a minute ago."""
    store.update_subscription(
        db,
        sub_id,
        **fields,
        time=(now - timedelta(minutes=1)).strftime("%H:%M"),
        last_slot=store.iso(now - timedelta(days=1, minutes=1)),
    )


def search_hits(db: Database, match: str) -> list[int]:
    """Return the ids of the articles an FTS5 query finds in any searched table, in order."""
    found: list[int] = []
    for table in store.searched_tables(db.conn):
        sql = f'select rowid from "{table}" where "{table}" match ?'
        found += [int(row[0]) for row in db.execute(sql, [match])]
    return sorted(found)


def search_index_rows(db: Database) -> int:
    """Return how many index pages (``_data`` rows) every searched table holds in all."""
    return sum(
        int(db.execute(f'select count(*) from "{t}_data"').fetchone()[0])
        for t in store.searched_tables(db.conn)
    )


def assert_search_index_matches_articles(db: Database) -> None:
    """Check every searched table, then that together they index exactly the stored articles.

    FTS5's own comparison with the content table cannot be used (each table indexes only
    some of ``articles``): the index's every (term, article, column, position) is compared
    with those of a fresh index of the whole table, made apart in the temp schema.
    """
    store.check_search_index(db.conn)
    conn = db.conn
    conn.execute("create virtual table temp.fresh using fts5 (title, text, tokenize='porter')")
    conn.execute("create virtual table temp.fresh_v using fts5vocab (temp, fresh, instance)")
    try:
        conn.executemany(
            "insert into temp.fresh (rowid, title, text) values (?, ?, ?)",
            [
                (i, entry_form(title), entry_form(text))
                for i, title, text in conn.execute("select id, title, text from articles")
            ],
        )
        expected = sorted(conn.execute("select term, doc, col, offset from temp.fresh_v"))
        found: list[tuple[Any, ...]] = []
        for n, table in enumerate(store.searched_tables(conn)):
            conn.execute(
                f'create virtual table temp.v{n} using fts5vocab (main, "{table}", instance)'
            )
            found += conn.execute(f"select term, doc, col, offset from temp.v{n}").fetchall()
            conn.execute(f"drop table temp.v{n}")
        assert sorted(found) == expected
    finally:
        conn.execute("drop table temp.fresh_v")
        conn.execute("drop table temp.fresh")
        conn.commit()  # the fresh index's insert opened a transaction


def save_as_before_021(
    db: Database, source_id: int | None, items: Sequence[ArticleIn], *, now: datetime
) -> list[int]:
    """Save new articles as the store did before migration 021: into the one ``articles_fts``.

    For tests of migrations: a database stopped before a migration is filled the way the
    code of its time filled it (today's ``save_articles`` needs the search index by week).
    """
    ids = _insert_as_before(db, source_id, items, now=now)
    marks = ",".join("?" * len(ids))
    db.conn.execute(
        "insert into articles_fts (rowid, title, text)"
        f" select id, title, text from articles where id in ({marks})",
        ids,
    )
    return ids


def save_as_before_032(
    db: Database, source_id: int | None, items: Sequence[ArticleIn], *, now: datetime
) -> list[int]:
    """Save new articles as the store did from migration 021 to 032: indexed by week, with no
    version dates (today's ``save_articles`` needs ``articles.updated``)."""
    ids = _insert_as_before(db, source_id, items, now=now)
    index_articles(db.conn, ids)
    return ids


def _insert_as_before(
    db: Database, source_id: int | None, items: Sequence[ArticleIn], *, now: datetime
) -> list[int]:
    ids: list[int] = []
    for item, key in zip(items, article_keys(items), strict=True):
        cursor = db.conn.execute(
            "insert into articles (url, guid, source_id, title, author, published, fetched,"
            " text, content_hash, word_count, language) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                key.url,
                item.guid,
                source_id,
                item.title,
                item.author,
                store.iso(item.published or now),
                store.iso(now),
                item.text,
                key.content_hash,
                key.words,
                item.language,
            ],
        )
        ids.append(int(cursor.lastrowid or 0))
    return ids


# A whole article's text (six sentences, ending in a full stop): the fullest-copy and search-index
# tests cut, edit and re-send it.
FULL_ARTICLE = (
    "Riverside council voted on Wednesday to build a footbridge across the river Wend. "
    "Councillor Mira Osei said the crossing would cut the walk to the station from "
    "twenty-five minutes to eight. Construction is due to start in the spring and to take "
    "about fourteen months. Residents had campaigned for a crossing since the old ferry "
    "stopped running. The opposition abstained, saying the budget should have gone to roads."
)


# French reports for the ledger's two readings, as (hours before now, title, text): the clause
# patterns read "Martel" (2 h) and "Olympia", only the fallback reader the others (sentences
# like those of tests/test_allegations_fallback.py READ). Newest first, "Lutèce" (fallback only,
# two items) would lead; the ledger puts it last, and the pattern item on "Martel" first.
READINGS_FR = (
    (
        2.0,
        "Pollution à Cognac",
        "Le parquet de Cognac accuse la distillerie Martel d'avoir pollué la rivière.",
    ),
    (
        1.0,
        "Plainte à Cognac",
        "Trois riverains ont déposé une plainte pour pollution contre la distillerie Martel.",
    ),
    (
        0.5,
        "Nuits agitées",
        "Trois riverains ont déposé une plainte pour tapage nocturne contre Lutèce.",
    ),
    (0.7, "Voisinage", "Des voisins ont déposé une plainte pour nuisances sonores contre Lutèce."),
    (3.0, "Fisc", "Le parquet de Lyon accuse Olympia de fraude fiscale."),
)


def save_readings_fr(db: Database, now: datetime) -> None:
    """Store READINGS_FR as French articles, each its own story, ready for the ledger's pass."""
    for n, (hours, title, text) in enumerate(READINGS_FR):
        published = now - timedelta(hours=hours)
        item = ArticleIn(f"https://fr.example/{n}", title, text, published, language="fr")
        [aid] = store.save_articles(db, None, [item], now=now).new_ids
        store.attach_to_story(db, aid, store.new_story(db, title, published), published)


def load_bench(name: str) -> ModuleType:
    """Import ``bench/<name>.py`` (the benchmarks are scripts, not a package) once, by path."""
    module_name = f"bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(module_name, root / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module
