"""Soak: the bot for 30 simulated days with 200 sources, 2,000 subscriptions, faults, restarts.

Run: .venv/bin/python bench/soak.py [--days 30] [--sources 200] [--subs 2000] [--seed 1]
     .venv/bin/python bench/soak.py --quick   # 3 days, 40 sources, 300 subscriptions

What runs is the real Application of ``bot/app.py`` (``build_application``, ``running``) with
its JobQueue (APScheduler) and everything it schedules: ingestion and processing, one job per
digest subscription, the sender, the incident watch, and the daily retention and backup job
when the application registers one. Time is accelerated: ``tests.support.WallClockLoop``
skips the time in which nothing works and moves the wall clock with it (time-machine), so
APScheduler, the store's timestamps, the pacer and the offline Telegram read one clock;
work in threads and processes (parsing, summarising) takes the real time it takes.

The world around it:

- News: a ``LoopFeedServer`` (tests/feedserver.py) on loopback addresses, one host for a
  few sources, serving RSS made up as the days go: each day events happen, each reported by
  one to six sources in their own words (sometimes copied word for word), some with an
  allegation; every source publishes about ``--items`` articles a day.
- Sources: most answer well (ETag / 304); some give teasers whose article pages the bot
  fetches; some are slow (seconds); some fail now and then (500), some time out, some
  answer 429 with Retry-After; some go away for good on day 2 (the bot pauses them and
  tells the admins once).
- Subscriptions: private chats, groups, supergroups and channels in ten time zones
  (daylight saving ends in Europe and North America during the default 30 days), daily,
  on weekdays, weekly and hourly, some with keywords.
- Telegram: an ``OfflineTelegram`` enforcing the flood limits, behind a network of 20 ms
  each way (plus up to 10 ms), answering 1 % of sends with a 502, 0.3 % with an injected
  429 and 0.2 % with a timeout; a 40-minute outage (every send refused) once; a few users
  block the bot.
- Restarts: a clean stop (as on SIGTERM) with two hours down, and crashes: every request
  under way is lost with the process, which comes back five minutes later; the new
  Application starts on the same database.

Reported: memory (RSS of the bot's process, after gc.collect(), and of its worker
processes) after warm-up and at the end; database size; digests due and sent; duplicates
against the messages in flight at restarts; 429s from the flood limits after the first day.
"""

from __future__ import annotations

import argparse
import array
import asyncio
import bisect
import contextlib
import gc
import hashlib
import logging
import math
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prometheus_client.parser import text_string_to_metric_families
from telegram.request import RequestData

from bench.host import machine
from bot.app import build_application, running
from bot.config import Settings
from bot.i18n import english
from bot.offline import Failure, OfflineTelegram, server_error, timeout
from bot.render import empty_note
from bot.state import App
from digests import delivery, schedule, store
from digests.models import Subscription
from tests.feedserver import LoopFeedServer, Reply, Seen
from tests.support import OfflineRelay, simulate_days

log = logging.getLogger("soak")

START = datetime(2026, 10, 19, 0, 0, tzinfo=UTC)  # a Monday; clocks go back on Oct 25, Nov 1
TOKEN = "123456:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr"
ADMIN = 7_000_001
DAY = 86_400.0
HOUR = 3_600.0
TICK = 600.0  # the harness tallies and changes the world every 10 simulated minutes
TICKS_PER_DAY = round(DAY / TICK)

# --- the news --------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words("""Maria Daniel Anna Kenji Priya Tomasz Claire Samuel Elena Lucas Hannah Omar Grace
Victor Ingrid Rahul Sofia Jonas Amara Felix Nadia Oliver Yuki Marek Leila Pablo Astrid Tariq Mei
Bruno Zara Emil Ruth Kofi Irene Dmitri Alma Hugo Selin Ivan""")
LAST_NAMES = _words("""Lopez Okafor Schmidt Watanabe Raman Nowak Dubois Mensah Petrova Moreau Fischer Haddad
Kim Alvarez Larsen Mehta Romano Berg Diallo Wagner Karim Grant Tanaka Kowalski Costa Varga Novak
Silva Jensen Brennan Ortiz Lindqvist Adeyemi Rossi Hartmann Quinn Sato Duarte Holm Keller""")
SYLLABLES = _words("ka ver lo min tas ro bel den fa gor is mar nu pel quin ra sol tev ul zan")
ENDINGS = _words("a on ia ex is um or an el ix")
ORG_KINDS = [
    "Group",
    "Holdings",
    "Energy",
    "Bank",
    "Motors",
    "Telecom",
    "Health",
    "Foods",
    "Rail",
    "Partners",
]
PLACES = _words("""Riverton Lakeside Granford Millbrook Eastvale Westmoor Kingsbridge Ashdown Clearwater
Northam Brackley Fenwick Harlow Kestrel Oakridge Pinehurst Redcliff Stonehaven Thornbury
Wrexley Yarmouth Belmont Carden Dunmore Elmstead Frome Glenrock Hollins Ivybridge Juniper""")
ADJECTIVES = _words("""new old major local national regional public private central northern southern
delayed disputed planned emergency temporary historic modern rural coastal urban""")
NOUNS = _words("""bridge hospital school railway airport harbour stadium museum library factory pipeline
reservoir motorway tunnel market tower park prison court station warehouse refinery mine dam
hotel theatre campus clinic depot ferry plant farm forest canal port estate arena quarry
laboratory barracks terminal shipyard orchard vineyard brewery bakery""")
DETAILS = _words("""budget contract deadline inquiry license petition subsidy tender audit merger lawsuit
protest ballot permit loan grant tariff bond quota survey verdict appeal strike ceasefire
treaty census levy rebate pension salary ticket fare rent mortgage vaccine ward shift
curfew evacuation shortage surplus outage blackout drought harvest""")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Topic word (what keyword subscriptions ask for) -> (titles, leads, body sentences). Every
# template names the event's own things, so that two events of a topic share little text.
TOPICS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "energy": (
        [
            "{org} raises energy prices by {n} percent in {place}",
            "Energy bills in {place} up {n} percent as {org} blames {detail}",
            "{place} faces {n} percent energy rise over {name} {noun}",
        ],
        [
            "{org} said on {weekday} that energy prices in {place} would rise by {n} percent.",
            "Households in {place} will pay {n} percent more for energy, {org} announced.",
        ],
        [
            "The company blamed the cost of the {adj} {noun} at {name} and a disputed {detail}.",
            "About {n2} thousand homes in {place} get their energy from the {name} {noun}.",
            "{person} said the {detail} had been signed before prices doubled.",
            "Regulators in {place} will review the {detail2} before {n3} December.",
        ],
    ),
    "health": (
        [
            "{org} opens health clinic at the {name} {noun} in {place}",
            "New health clinic in {place} to treat {n2} thousand patients",
            "{place} health clinic opens after {n}-month {detail} row",
        ],
        [
            "{org} opened a health clinic at the {adj} {name} {noun} in {place} on {weekday}.",
            "A health clinic built into the {name} {noun} opened in {place} on {weekday}.",
        ],
        [
            "It will treat about {n2} thousand patients a year, {person} said.",
            "The opening came {n} months late after a {detail} over the {noun}.",
            "Nurses at the {name} site warned of a {detail2} in the first weeks.",
            "The {detail} for the clinic rose to {n3} million, documents show.",
        ],
    ),
    "election": (
        [
            "{person} leads {place} election race with {n} percent",
            "{place} election: {person} ahead on {n} percent after {name} debate",
            "Poll puts {person} on {n} percent in {place} election",
        ],
        [
            "{person} leads the election race in {place} with {n} percent, a {name} poll shows.",
            "A poll by {name} puts {person} ahead in the {place} election on {n} percent.",
        ],
        [
            "{person2} trails on {n2} percent after promising to reopen the {adj} {noun}.",
            "The election in {place} will be held in {n3} weeks.",
            "Both candidates clashed over the {detail} for the {name} {noun}.",
            "Turnout at the last {place} election was {n2} percent.",
        ],
    ),
    "transport": (
        [
            "{name} rail strike halts transport in {place} for {n3} days",
            "{place} transport hit as {org} cancels {n} percent of trains",
            "Strike at {name} {noun} disrupts {place} transport",
        ],
        [
            "Workers at the {name} {noun} in {place} began a {n3}-day strike over the {detail}.",
            "{org} cancelled {n} percent of its trains in {place} as {name} staff walked out.",
        ],
        [
            "{person}, a union leader, said talks on the {detail} had broken down.",
            "Commuters in {place} crowded onto buses near the {adj} {noun}.",
            "The strike is costing the {name} line about {n2} thousand fares a day.",
            "{org} said the {detail2} offered was the best it could afford.",
        ],
    ),
    "climate": (
        [
            "Floods at {name} force {n2} thousand from homes in {place}",
            "{place} floods: {n2} thousand evacuated as {name} river rises",
            "Climate warning as floods swamp {place} {noun}",
        ],
        [
            "Floods forced about {n2} thousand people in {place} from their homes after the {name} river burst its banks.",
            "The {name} river rose {n} centimetres overnight, flooding the {adj} {noun} in {place}.",
        ],
        [
            "{person} said the climate was making floods at {name} more frequent.",
            "Rescuers reached families trapped near the {noun} by boat.",
            "The council opened the {adj} {noun2} as a shelter and announced a {detail}.",
            "Insurers expect claims of {n3} million from the {place} floods.",
        ],
    ),
    "football": (
        [
            "{place} United beat {place2} {n3}-1 as {person} scores twice",
            "Football: {person} stars in {place} United win at {name} Park",
            "{place} United top league after {n3}-1 win over {place2}",
        ],
        [
            "{place} United beat {place2} {n3}-1 at {name} Park on {weekday}, {person} scoring twice.",
            "{person} scored twice as {place} United won {n3}-1 against {place2} at {name} Park.",
        ],
        [
            "The win lifts {place} United to {n3}th in the football league.",
            "{person2}, the coach, praised the defence after a {detail} row in the week.",
            "More than {n2} thousand fans watched at {name} Park.",
            "{place2} have now lost {n3} games in a row.",
        ],
    ),
    "markets": (
        [
            "Shares in {org} fall {n} percent on {name} {detail} fears",
            "{org} shares drop {n} percent as markets slide",
            "Markets slide; {org} loses {n} percent over {detail}",
        ],
        [
            "Shares in {org} fell {n} percent on {weekday} over fears about the {name} {detail}.",
            "{org} lost {n} percent of its value on {weekday} as markets slid on the {detail}.",
        ],
        [
            "{person}, an analyst, said markets had overreacted to the {detail}.",
            "The company's profit fell by {n2} million after the {adj} {noun} closed.",
            "Trading in {org} shares was the heaviest in {n3} weeks.",
            "Investors also sold shares in firms tied to the {name} {noun}.",
        ],
    ),
    "technology": (
        [
            "{org} plans {n2} technology jobs at {name} {noun} in {place}",
            "Technology hub at {place} {noun} to bring {n2} jobs",
            "{place} wins {org} technology hub with {n2} jobs",
        ],
        [
            "{org} plans a technology hub at the {name} {noun} in {place} with {n2} jobs.",
            "A technology hub with {n2} jobs will open at the {adj} {name} {noun} in {place}, {org} said.",
        ],
        [
            "The hub will open in {n3} years if the {detail} is approved.",
            "{person} welcomed the technology investment but asked about the {detail2}.",
            "The {name} site was a {noun2} until {n} years ago.",
            "Local broadband around the {noun} will be upgraded as part of the deal.",
        ],
    ),
}
ALLEGATIONS = [
    "{person} accused {person2} of misleading the public about the {detail}.",
    "{person} accused {org} of hiding the cost of the {name} {noun}.",
    "{person2} alleged that {person} had taken payments linked to the {detail}.",
    "Prosecutors accused {person2} of fraud over the {name} {detail}.",
]
# A second paragraph any event can have: what led up to it.
BACKGROUND = [
    "The {name} {noun} has been at the centre of a {detail2} since last year.",
    "Residents of {place} collected {n2} hundred signatures against the {detail}.",
    "{person2} first raised the {detail} at a meeting in {place} in the spring.",
    "A report on the {adj} {noun} in {place} is due within {n3} weeks.",
    "The {detail2} was approved by a narrow vote, officials in {place} recalled.",
    "Similar plans for a {noun2} in {place2} were dropped {n3} years ago.",
]
QUOTES = [
    "“We will not accept this,” said {person}.",
    "“It is a difficult day for {place},” {person} told reporters.",
    "“The {detail} speaks for itself,” said {person2}.",
    "“Nobody asked the people of {place},” {person2} said.",
]


@dataclass(frozen=True, slots=True)
class Report:
    """One source's article about one event."""

    source: int
    event: int
    day: int
    published: float  # Unix time
    copy_of: int | None  # a wire copy: the source whose text it repeats word for word


class News:
    """The simulated days' news: which source reports which event when, and in what words.

    Everything follows from the seed and the day, so nothing needs keeping but a few days'
    plans (bounded caches: the harness's memory stays flat too).
    """

    def __init__(self, seed: int, sources: int, items_per_day: float) -> None:
        self.seed = seed
        self.sources = sources
        self.items_per_day = items_per_day
        self._plans: OrderedDict[int, dict[int, list[Report]]] = OrderedDict()
        self._texts: OrderedDict[tuple[int, int, int], tuple[str, str]] = OrderedDict()

    def plan(self, day: int) -> dict[int, list[Report]]:
        """Return each source's reports of a day, by publication time."""
        if day in self._plans:
            return self._plans[day]
        rng = random.Random(f"{self.seed}:plan:{day}")
        by_source: dict[int, list[Report]] = {s: [] for s in range(self.sources)}
        wanted = self.sources * self.items_per_day
        made = 0
        event = 0
        day_start = START.timestamp() + day * DAY
        while made < wanted:
            reporters = min(self.sources, 1 + min(5, int(rng.expovariate(0.9))))
            chosen = rng.sample(range(self.sources), reporters)
            happened = day_start + rng.uniform(0, DAY)
            first = chosen[0]
            for n, source in enumerate(chosen):
                lag = 0.0 if n == 0 else rng.uniform(300, 4 * HOUR)
                copy = first if n and rng.random() < 0.15 else None
                by_source[source].append(Report(source, event, day, happened + lag, copy))
            made += reporters
            event += 1
        for reports in by_source.values():
            reports.sort(key=lambda r: r.published)
        self._plans[day] = by_source
        while len(self._plans) > 4:
            self._plans.popitem(last=False)
        return by_source

    def published(self, source: int, until: float, keep: int) -> list[Report]:
        """Return a source's latest reports published by a time, newest first (at most keep)."""
        day = int((until - START.timestamp()) // DAY)
        found: list[Report] = []
        for d in (day, day - 1):
            found += reversed([r for r in self.plan(d)[source] if r.published <= until])
            if len(found) >= keep:
                break
        return found[:keep]

    def text(self, report: Report) -> tuple[str, str]:
        """Return a report's title and body (paragraphs of plain text)."""
        writer = report.copy_of if report.copy_of is not None else report.source
        key = (report.day, report.event, writer)
        if key in self._texts:
            self._texts.move_to_end(key)
            return self._texts[key]
        facts = random.Random(f"{self.seed}:event:{report.day}:{report.event}")
        topic = facts.choice(sorted(TOPICS))
        first = facts.sample(FIRST_NAMES, 2)
        last = facts.sample(LAST_NAMES, 2)
        name = "".join(facts.sample(SYLLABLES, 2)).capitalize() + facts.choice(ENDINGS)
        org = "".join(facts.sample(SYLLABLES, 2)).capitalize() + " " + facts.choice(ORG_KINDS)
        place, place2 = facts.sample(PLACES, 2)
        noun, noun2 = facts.sample(NOUNS, 2)
        detail, detail2 = facts.sample(DETAILS, 2)
        when = datetime.fromtimestamp(report.published, UTC)
        values = {
            "person": f"{first[0]} {last[0]}",
            "person2": f"{first[1]} {last[1]}",
            "name": name,
            "org": org,
            "place": place,
            "place2": place2,
            "adj": facts.choice(ADJECTIVES),
            "noun": noun,
            "noun2": noun2,
            "detail": detail,
            "detail2": detail2,
            "n": facts.randint(3, 40),
            "n2": facts.randint(2, 90),
            "n3": facts.randint(2, 9),
            "weekday": WEEKDAYS[when.weekday()],
        }
        alleged = facts.random() < 0.25
        allegation = facts.choice(ALLEGATIONS)
        words = random.Random(f"{self.seed}:words:{report.day}:{report.event}:{writer}")
        titles, leads, sentences = TOPICS[topic]
        title = words.choice(titles).format(**values)
        body = [words.choice(leads), *words.sample(sentences, k=words.randint(3, len(sentences)))]
        if alleged:
            body.insert(words.randint(1, len(body)), allegation)
        body += [*words.sample(BACKGROUND, 2), words.choice(QUOTES)]
        filled = [sentence.format(**values) for sentence in body]
        paragraphs = [" ".join(filled[i : i + 2]) for i in range(0, len(filled), 2)]
        result = (title, "\n\n".join(paragraphs))
        self._texts[key] = result
        while len(self._texts) > 5000:
            self._texts.popitem(last=False)
        return result


# --- the sources -----------------------------------------------------------------------------

# How sources behave, as (kind, share of the sources): the rest answer well.
BEHAVIOURS = (
    ("teaser", 0.08),  # short descriptions: the bot fetches each article's page
    ("slow", 0.05),  # answers after 2-8 s
    ("flaky", 0.05),  # 500 on a quarter of polls
    ("timeout", 0.03),  # no answer on a quarter of polls (the bot's 20 s deadline passes)
    ("limited", 0.05),  # 429 with Retry-After: 1800 on a third of polls
    ("gone", 0.015),  # 500 on every poll from day 2: paused after 8 failures
)
SOURCES_PER_HOST = 3
FEED_ITEMS = 10
TEASER_WORDS = 30


def behaviours(count: int, rng: random.Random) -> list[str]:
    """Return each source's behaviour, in the BEHAVIOURS shares (at least one of each)."""
    kinds: list[str] = []
    for kind, share in BEHAVIOURS:
        kinds += [kind] * max(1, round(count * share))
    kinds = kinds[:count] + ["ok"] * max(0, count - len(kinds))
    rng.shuffle(kinds)
    return kinds


class Site:
    """The feed server's answers: each source's feed and article pages, as it behaves."""

    def __init__(self, news: News, kinds: list[str], seed: int) -> None:
        self.news = news
        self.kinds = kinds
        self.rng = random.Random(f"{seed}:site")
        self.answers: Counter[str] = Counter()

    def host(self, source: int) -> int:
        """Return the index of a source's loopback address."""
        return 1 + source // SOURCES_PER_HOST

    def answer(self, seen: Seen) -> Reply:
        """Answer a request for a feed ("/feeds/N.xml") or a page ("/sN/DAY/EVENT.html")."""
        path = seen.path.split("?")[0]
        try:
            if path.startswith("/feeds/"):
                return self._feed(int(path[len("/feeds/") : -len(".xml")]), seen)
            source, day, event = path.strip("/").removesuffix(".html").split("/")
            return self._page(int(source[1:]), int(day), int(event))
        except (ValueError, IndexError, KeyError):
            return Reply(404, b"not found", {"Content-Type": "text/plain"})

    def _feed(self, source: int, seen: Seen) -> Reply:
        kind = self.kinds[source]
        now = time.time()
        roll = self.rng.random()
        day = (now - START.timestamp()) / DAY
        if kind == "gone" and day >= 2:
            return self._count("500 gone", Reply(500, b"gone", {"Content-Type": "text/plain"}))
        if kind == "flaky" and roll < 0.25:
            return self._count("500", Reply(500, b"oops", {"Content-Type": "text/plain"}))
        if kind == "limited" and roll < 0.33:
            headers = {"Retry-After": "1800", "Content-Type": "text/plain"}
            return self._count("429", Reply(429, b"slow down", headers))
        pause = 0.0
        if kind == "timeout" and roll < 0.25:
            self.answers["no answer"] += 1
            pause = 120.0
        elif kind == "slow":
            pause = self.rng.uniform(2.0, 8.0)
        reports = self.news.published(source, now, FEED_ITEMS)
        etag = f'"{source}-{int(reports[0].published) if reports else 0}"'
        if seen.headers.get("if-none-match") == etag:
            return self._count("304", Reply(304, headers={"ETag": etag}, pause=pause))
        body = self._rss(source, reports, teaser=kind == "teaser")
        headers = {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag}
        return self._count("200", Reply(200, body, headers, pause=pause))

    def _count(self, what: str, reply: Reply) -> Reply:
        self.answers[what] += 1
        return reply

    def link(self, report: Report) -> str:
        """Return the URL of a report's article page."""
        return self.server.url(
            f"/s{report.source}/{report.day}/{report.event}.html", self.host(report.source)
        )

    server: LoopFeedServer  # set once the server listens

    def _rss(self, source: int, reports: list[Report], *, teaser: bool) -> bytes:
        items = []
        for report in reports:
            title, body = self.news.text(report)
            if teaser:
                body = " ".join(body.split()[:TEASER_WORDS]) + " …"
            html = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
            link = self.link(report)
            published = format_datetime(datetime.fromtimestamp(report.published, UTC))
            items.append(
                f"<item><title>{escape(title)}</title><link>{link}</link>"
                f'<guid isPermaLink="true">{link}</guid><pubDate>{published}</pubDate>'
                f"<description>{escape(html)}</description></item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>Soak source {source}</title><link>{self.server.url('/', self.host(source))}"
            f"</link><description>Simulated news</description>{''.join(items)}</channel></rss>\n"
        ).encode()

    def _page(self, source: int, day: int, event: int) -> Reply:
        report = next(r for r in self.news.plan(day)[source] if r.event == event)
        title, body = self.news.text(report)
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
        html = (
            f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article>"
            f"<h1>{escape(title)}</h1>{paragraphs}</article><footer>Soak News</footer>"
            "</body></html>"
        )
        self.answers["page"] += 1
        return Reply(200, html.encode(), {"Content-Type": "text/html; charset=utf-8"})


# --- Telegram --------------------------------------------------------------------------------


# An injected 429 says so, to be told apart from the flood limits' own.
INJECTED_429 = Failure(429, "Too Many Requests: retry after 3 (injected)", {"retry_after": 3})


class Network(OfflineRelay):
    """The offline Telegram behind a network, with faults, reached by a process that can die.

    Each way takes 20 ms plus up to 10 ms. A send to a subscriber fails now and then (a 502,
    an injected 429, a timeout), injected right before the call so each fault answers that
    call. ``crash`` kills the process: every request under way is lost (cancelled), those
    Telegram already carried out included, and nothing the old application asks for
    afterwards reaches Telegram.
    """

    def __init__(self, offline: OfflineTelegram, subscribers: set[int], rng: random.Random) -> None:
        super().__init__(offline)
        self.subscribers = subscribers
        self.rng = rng
        self.dead = False
        self.faults = True
        self.injected: Counter[str] = Counter()
        # Requests under way: the task making each, and whether Telegram has carried it out.
        self.under_way: dict[asyncio.Task[Any], bool] = {}
        self.carried_out = asyncio.Event()  # set when Telegram carries a request out

    async def forward(
        self, url: str, method: str, request_data: RequestData | None
    ) -> tuple[int, bytes]:
        if self.dead:
            raise asyncio.CancelledError  # the process is gone: nothing more happens
        task = asyncio.current_task()
        assert task is not None
        self.under_way[task] = False
        try:
            await asyncio.sleep(0.02 + self.rng.uniform(0, 0.01))
            self._inject(url, request_data)
            answer = await super().forward(url, method, request_data)
            self.under_way[task] = True
            self.carried_out.set()
            await asyncio.sleep(0.02 + self.rng.uniform(0, 0.01))
            return answer
        finally:
            del self.under_way[task]

    def _inject(self, url: str, request_data: RequestData | None) -> None:
        if not self.faults or not url.endswith("/sendMessage") or request_data is None:
            return
        chat = request_data.parameters.get("chat_id")
        if chat not in self.subscribers:
            return
        roll = self.rng.random()
        failure: Failure | None = None
        if roll < 0.01:
            failure, kind = server_error(502), "502"
        elif roll < 0.013:
            failure, kind = INJECTED_429, "429"
        elif roll < 0.015:
            failure, kind = timeout(), "timeout"
        if failure is not None:
            self.injected[kind] += 1
            self.offline.fail("sendMessage", chat_id=chat, error=failure)

    def crash(self) -> tuple[int, int]:
        """Kill the process; return the requests under way and how many Telegram carried out."""
        self.dead = True
        under_way = len(self.under_way)
        carried_out = sum(self.under_way.values())
        for task in list(self.under_way):
            task.cancel()
        return under_way, carried_out


# --- what Telegram saw -----------------------------------------------------------------------

DIGEST_HEADS = tuple(f"<b>{title}</b>" for title in delivery.TITLES.values())
EMPTY_NOTE = escape(empty_note(english()))  # every chat here speaks English
DUPLICATE_WINDOW = 2 * DAY


class Ledger:
    """What the offline Telegram received, tallied as it goes (then forgotten there).

    Per subscriber chat: the times its digests' first messages arrived. Any message a chat
    got twice within two days, same text, is a duplicate. 429s by simulated day.
    """

    def __init__(self, subscribers: set[int]) -> None:
        self.firsts: dict[int, array.array[float]] = {c: array.array("d") for c in subscribers}
        self.recent: dict[bytes, float] = {}
        self.duplicates: list[tuple[float, int]] = []  # (time, chat)
        self.messages = 0
        self.statuses: Counter[int] = Counter()
        self.flood_429: list[tuple[float, int | str | None, str]] = []  # time, chat, answer
        self.admin: list[str] = []
        self.methods: Counter[str] = Counter()

    def collect(self, offline: OfflineTelegram) -> None:
        """Tally the calls the offline Telegram recorded, then make it forget them."""
        sends: list[tuple[float, object]] = []  # messages Telegram accepted, in order
        for call in offline.calls:
            self.methods[call.method] += 1
            if call.method != "sendMessage":
                continue
            self.statuses[call.status] += 1
            if call.status == 429 and call.description != INJECTED_429.description:
                # Which limit: the messages Telegram took in the second and minute before.
                t = call.timestamp
                second = [c for w, c in sends if w > t - 1]
                minute = [c for w, c in sends if w > t - 60 and c == call.chat_id]
                detail = (
                    f"{call.description}; in the second before: {len(second)} messages,"
                    f" {second.count(call.chat_id)} to this chat; in the minute before:"
                    f" {len(minute)} to this chat"
                )
                self.flood_429.append((t, call.chat_id, detail))
            if call.status != 200:
                continue
            sends.append((call.timestamp, call.chat_id))
            text = str(call.params.get("text", ""))
            chat = call.chat_id
            if chat == ADMIN:
                self.admin.append(text)
                continue
            if not isinstance(chat, int) or chat not in self.firsts:
                continue
            self.messages += 1
            if text == EMPTY_NOTE:  # the same words each time: a slot, never a duplicate
                self.firsts[chat].append(call.timestamp)
                continue
            key = hashlib.blake2b(f"{chat}\n{text}".encode(), digest_size=12).digest()
            if key in self.recent:
                self.duplicates.append((call.timestamp, chat))
                continue
            self.recent[key] = call.timestamp
            if text.startswith(DIGEST_HEADS):
                self.firsts[chat].append(call.timestamp)
        offline.forget()
        horizon = time.time() - DUPLICATE_WINDOW
        if len(self.recent) > 1000 and next(iter(self.recent.values())) < horizon:
            self.recent = {k: t for k, t in self.recent.items() if t >= horizon}


# --- the subscribers -------------------------------------------------------------------------

ZONES = (
    ("Europe/Berlin", 0.22),
    ("Europe/London", 0.15),
    ("America/New_York", 0.15),
    ("America/Los_Angeles", 0.08),
    ("Asia/Kolkata", 0.08),
    ("UTC", 0.08),
    ("Asia/Tokyo", 0.07),
    ("Australia/Sydney", 0.06),
    ("America/Sao_Paulo", 0.06),
    ("Africa/Lagos", 0.05),
)


@dataclass(frozen=True, slots=True)
class Subscriber:
    """A chat and the subscription it starts with."""

    chat_id: int
    chat_type: str
    values: dict[str, Any]


def subscribers(count: int, rng: random.Random) -> list[Subscriber]:
    """Return count chats (80 % private) with digest subscriptions in several time zones."""
    zones, weights = zip(*ZONES, strict=True)
    topics = sorted(TOPICS)
    made = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.80:
            chat, kind = 10_000_000 + i, "private"
        elif roll < 0.88:
            chat, kind = -(100_000 + i), "group"
        elif roll < 0.95:
            chat, kind = -(1_000_000_000_000 + i), "supergroup"
        else:
            chat, kind = -(1_000_100_000_000 + i), "channel"
        roll = rng.random()
        if roll < 0.5:
            at = "08:00"
        elif roll < 0.65:
            at = "07:30"
        else:
            at = f"{rng.randint(6, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        roll = rng.random()
        frequency = (
            "hourly"
            if roll < 0.005
            else "weekly"
            if roll < 0.09
            else "weekdays"
            if roll < 0.21
            else "daily"
        )
        values: dict[str, Any] = {
            "time": at,
            "timezone": rng.choices(zones, weights)[0],
            "frequency": frequency,
            "weekday": rng.randrange(7),
            "stories": 8 if rng.random() < 0.2 else 5,
            "allegations": rng.random() < 0.1,
        }
        if frequency == "hourly":
            # An hour can pass with no new story: the note keeps every slot visible.
            values["empty_note"] = True
        else:
            roll = rng.random()
            if roll < 0.15:
                values["include"] = rng.sample(topics, rng.randint(1, 2))
            elif roll < 0.25:
                values["exclude"] = ["football"]
        made.append(Subscriber(chat, kind, values))
    return made


# --- memory and disk -------------------------------------------------------------------------

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss(pid: int | str = "self") -> int:
    """Return a process's resident set size in bytes (0 if it is gone)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def descendants() -> list[int]:
    """Return the ids of this process's children, their children, and so on."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        ppid = int(text.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = [], [os.getpid()]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


@dataclass(frozen=True, slots=True)
class Sample:
    """Memory and disk at one moment."""

    day: float
    rss: int  # this process, after gc.collect()
    children: int  # its worker processes together
    workers: int
    database: int  # the SQLite file with its WAL
    backups: int  # files in the backup directory
    backup_bytes: int


def sample(day: float, db_path: Path, backup_dir: Path) -> Sample:
    """Measure memory (after a full collection) and the files on disk."""
    gc.collect()
    kids = descendants()
    database = sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*") if p.is_file())
    backups = [p for p in backup_dir.rglob("*") if p.is_file()] if backup_dir.exists() else []
    return Sample(
        day,
        rss(),
        sum(rss(k) for k in kids),
        len(kids),
        database,
        len(backups),
        sum(p.stat().st_size for p in backups),
    )


# --- the run ---------------------------------------------------------------------------------


def bot_counters(app: App) -> Counter[str]:
    """Return the application's own Prometheus counters ("name{labels}": value)."""
    found: Counter[str] = Counter()
    text = app.bot_data.metrics.exposition().decode()
    for family in text_string_to_metric_families(text):
        if family.type != "counter":
            continue
        for sample in family.samples:
            if sample.name.endswith("_total"):
                labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                found[f"{sample.name}{{{labels}}}" if labels else sample.name] += int(sample.value)
    return found


@dataclass
class Restart:
    """A planned stop of the application: clean (as on SIGTERM) or a crash, then downtime."""

    at: float  # simulated seconds from START when it may begin
    crash: bool
    down: float  # seconds until the next application starts
    began: float = 0.0  # Unix times, as it happened
    back: float = 0.0
    under_way: int = 0  # requests under way when it stopped
    carried_out: int = 0  # of which Telegram had carried out (answers lost)


@dataclass
class Run:
    """Everything the soak saw."""

    days: int
    sources: int
    subs: int
    kinds: Counter[str] = field(default_factory=Counter)
    samples: list[Sample] = field(default_factory=list)
    restarts: list[Restart] = field(default_factory=list)
    blocked: dict[int, float] = field(default_factory=dict)  # chat -> when it blocked the bot
    outage: tuple[float, float] = (0.0, 0.0)
    jobs: list[str] = field(default_factory=list)
    injected: Counter[str] = field(default_factory=Counter)
    wall: float = 0.0
    cpu: float = 0.0
    counted: Counter[str] = field(default_factory=Counter)  # the bot's own counters, summed
    answers: Counter[str] = field(default_factory=Counter)  # what the feed server answered
    database: dict[str, int] = field(default_factory=dict)  # totals at the end
    grown: list[str] = field(default_factory=list)  # --trace-memory: where Python memory grew


def plan_restarts(days: int) -> list[Restart]:
    """Return the restarts: a clean one a third of the way, crashes at two thirds and 5/6.

    The clean stop comes at 05:50 UTC and lasts two hours, over the morning's digests in
    Europe (sent at the next start); the crashes come in the morning waves (07:00 UTC: 08:00
    in Berlin in winter; 12:00 UTC: 07:00 or 08:00 in New York), when the sender has requests
    under way.
    """
    third = max(1, days // 3)
    restarts = [Restart(third * DAY + 5 * HOUR + 50 * 60, crash=False, down=2 * HOUR)]
    crash_day = max(third + 1, 2 * days // 3)
    if crash_day < days:
        restarts.append(Restart(crash_day * DAY + 7 * HOUR, crash=True, down=300.0))
    else:  # a short run: the same day, in the afternoon wave
        restarts.append(Restart(third * DAY + 12 * HOUR, crash=True, down=300.0))
    if days >= 6:
        restarts.append(Restart((5 * days // 6) * DAY + 12 * HOUR, crash=True, down=300.0))
    return restarts


async def soak(args: argparse.Namespace, workdir: Path) -> tuple[Run, Ledger, list[Subscription]]:
    """Run the bot for args.days simulated days; return what was seen."""
    rng = random.Random(args.seed)
    run = Run(args.days, args.sources, args.subs)
    news = News(args.seed, args.sources, args.items)
    kinds = behaviours(args.sources, rng)
    run.kinds = Counter(kinds)
    site = Site(news, kinds, args.seed)
    server = LoopFeedServer(hosts=2 + args.sources // SOURCES_PER_HOST, fallback=site.answer)
    await server.start()
    site.server = server

    db_path = workdir / "newsbot.db"
    backup_dir = workdir / "backups"
    chats = subscribers(args.subs, rng)
    db = store.open_db(db_path)
    for n in range(args.sources):
        store.add_source(
            db,
            server.url(f"/feeds/{n}.xml", site.host(n)),
            title=f"Soak source {n} ({kinds[n]})",
            poll_interval=rng.choice((1800, 3600)),
            now=START,
        )
    for chat in chats:
        store.save_subscription(db, chat.chat_id, chat.chat_type, now=START, **chat.values)
    db.close()

    offline = OfflineTelegram(token=TOKEN, enforce_limits=True, clock=time.time)
    offline.add_chat(ADMIN, "private", first_name="Admin")
    for chat in chats:
        offline.add_chat(chat.chat_id, chat.chat_type)
    subscriber_ids = {c.chat_id for c in chats}
    ledger = Ledger(subscriber_ids)
    environ = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "DATABASE_PATH": str(db_path),
        "ADMIN_IDS": str(ADMIN),
        "ALLOW_PRIVATE_SOURCES": "true",
        "LOG_LEVEL": args.log_level,
        # Retention and backups (taken when the application has them).
        "RETENTION_DAYS": str(args.retention_days),
        "BACKUP_DIR": str(backup_dir),
        "BACKUP_KEEP": "3",
    }
    settings = Settings.from_env(environ)

    end = START.timestamp() + args.days * DAY
    outage_day = max(1, (2 * args.days) // 5)
    outage = (START.timestamp() + outage_day * DAY + 9 * HOUR, 0.0)
    outage = (outage[0], outage[0] + 40 * 60)
    run.outage = outage
    block_days = {d for d in (args.days // 6, args.days // 2, (5 * args.days) // 6) if d >= 1}
    private = [c.chat_id for c in chats if c.chat_type == "private"]
    restarts = plan_restarts(args.days)
    run.restarts = restarts
    net_rng = random.Random(f"{args.seed}:network")
    sample_days = set(range(args.days + 1))

    began = time.perf_counter()

    warm_up = min(3, max(1, args.days // 3))
    traced: list[tracemalloc.Snapshot] = []

    def measure(day: float) -> None:
        taken = sample(day, db_path, backup_dir)
        run.samples.append(taken)
        if tracemalloc.is_tracing() and (day == warm_up or day >= args.days):
            traced.append(tracemalloc.take_snapshot())
        log.warning(
            "day %.1f (%.0f s real): rss %.1f MiB (+%d workers %.1f MiB), database %.1f MiB,"
            " backups %d",
            day,
            time.perf_counter() - began,
            taken.rss / 2**20,
            taken.workers,
            taken.children / 2**20,
            taken.database / 2**20,
            taken.backups,
        )

    start = START.timestamp()
    outage_ticks = (round((outage[0] - start) / TICK), round((outage[1] - start) / TICK))

    def on_tick(k: int) -> None:
        """Every 10 simulated minutes: tally, measure, and change the world on schedule."""
        ledger.collect(offline)
        if k == outage_ticks[0]:
            offline.fail("sendMessage", error=server_error(502), times=None)
            log.warning("Telegram outage begins")
        elif k == outage_ticks[1]:
            offline.clear_failures("sendMessage")
            log.warning("Telegram outage ends")
        day, part = divmod(k, TICKS_PER_DAY)
        if part == 0 and day in sample_days:
            measure(float(day))
        if part == TICKS_PER_DAY // 2 and day in block_days:
            for chat in rng.sample(private, max(1, len(private) // 200)):
                if chat not in run.blocked:
                    offline.block_bot(chat)
                    run.blocked[chat] = time.time()

    async def run_until(target: float) -> None:
        """Let the application run until target (Unix time), ticking on the way."""
        while True:
            now = time.time()
            k = math.floor((now - start) / TICK + 1e-6) + 1
            at = start + k * TICK
            if at > target + 1e-6:
                if target > now:
                    await asyncio.sleep(target - now)
                return
            await asyncio.sleep(at - now)
            on_tick(k)

    started = time.perf_counter(), time.process_time()
    measure(0.0)
    segment = 0
    while True:
        network = Network(offline, subscriber_ids, net_rng)
        app: App = build_application(settings, network, workers=args.workers)
        restart = restarts[segment] if segment < len(restarts) else None
        async with running(app):
            if segment == 0:
                queue = app.job_queue
                assert queue is not None
                run.jobs = sorted({j.name.split(":")[0] for j in queue.jobs() if j.name})
            if restart is None:
                await run_until(end)
            else:
                await run_until(start + restart.at)
                if restart.crash:
                    # Wait for the wave: a send that Telegram carried out, its answer on the way.
                    network.carried_out.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(network.carried_out.wait(), 2 * HOUR)
                    restart.began = time.time()
                    restart.under_way, restart.carried_out = network.crash()
                else:
                    restart.began = time.time()
            run.counted += bot_counters(app)
            log.warning("stopping the application (%s)", restart or "end")
        run.injected += network.injected
        ledger.collect(offline)
        if restart is None:
            break
        await asyncio.sleep(restart.down)
        restart.back = time.time()
        segment += 1
    run.wall = time.perf_counter() - started[0]
    run.cpu = time.process_time() - started[1]
    measure((time.time() - START.timestamp()) / DAY)
    await server.stop()
    run.answers = site.answers
    if len(traced) >= 2:
        growth = traced[-1].compare_to(traced[0], "lineno")
        run.grown = [str(stat) for stat in growth[:15]]
    db = store.open_db(db_path)
    subs = store.list_subscriptions(db, active_only=False)
    run.database = {**store.health_counts(db), "outbox": store.count(db, "outbox")}
    db.close()
    return run, ledger, subs


# --- the figures -----------------------------------------------------------------------------

GRACE = schedule.DEFAULT_GRACE.total_seconds()
LATE = HOUR  # slots this close to the end are not judged: the run may stop before they go


@dataclass
class Digests:
    """Digests due against digests Telegram received."""

    due: int = 0  # slots (after the downtime rule) at least LATE before the end
    sent: int = 0  # of those, received by their chats
    skipped: int = 0  # slots during downtime left out by design (only the latest is sent)
    caught_up: int = 0  # due slots that fell in a downtime, sent at the next start
    unexpected: int = 0  # first messages matching no due slot
    tail_due: int = 0  # slots within LATE of the end
    tail_sent: int = 0
    blocked_chats: int = 0  # left out: they blocked the bot during the run
    latencies: list[float] = field(default_factory=list)  # slot to received, bot running
    catch_up: list[float] = field(default_factory=list)  # the same for slots in downtime
    missing: list[tuple[int, datetime]] = field(default_factory=list)


def judge(run: Run, ledger: Ledger, subs: list[Subscription]) -> Digests:
    """Match each chat's due slots with the digests it received, in time order."""
    result = Digests()
    start = START
    end = START + timedelta(days=run.days)
    downtimes = [(r.began, r.back) for r in run.restarts if r.began and r.back]  # Unix times
    for sub in subs:
        if sub.chat_id in run.blocked:
            result.blocked_chats += 1
            continue
        due: list[tuple[float, bool]] = []  # (slot, after downtime)
        slots = [s.timestamp() for s in schedule.slots_between(sub, start, end)]
        for slot in slots:
            down = next(((b, a) for b, a in downtimes if b < slot <= a), None)
            if down is None:
                due.append((slot, False))
                continue
            latest = max(s for s in slots if down[0] < s <= down[1])
            if slot == latest and down[1] - slot < GRACE:
                due.append((slot, True))
            else:
                result.skipped += 1
        # Each digest received answers the latest due slot at or before it.
        slots_due = [slot for slot, _ in due]
        matched = [False] * len(due)
        cutoff = end.timestamp() - LATE
        for t in sorted(ledger.firsts.get(sub.chat_id, ())):
            i = bisect.bisect_right(slots_due, t + 1) - 1
            if i < 0 or matched[i] or t - slots_due[i] > GRACE:
                result.unexpected += 1
                continue
            matched[i] = True
            slot, after_downtime = due[i]
            if slot > cutoff:
                result.tail_sent += 1
                continue
            result.sent += 1
            result.caught_up += after_downtime
            (result.catch_up if after_downtime else result.latencies).append(t - slot)
        for (slot, _), sent in zip(due, matched, strict=True):
            if slot > cutoff:
                result.tail_due += 1
            else:
                result.due += 1
                if not sent:
                    result.missing.append((sub.id, datetime.fromtimestamp(slot, UTC)))
    return result


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) of values, nearest rank (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def mib(n: float) -> str:
    """Return bytes as MiB with one decimal."""
    return f"{n / 2**20:.1f} MiB"


def report(run: Run, ledger: Ledger, digests: Digests) -> None:
    """Print the soak's figures."""
    print(f"\nsimulated {run.days} days in {run.wall:.0f} s real ({run.cpu:.0f} s CPU here)")
    print(f"application jobs at start: {', '.join(run.jobs)}")
    upkeep = [j for j in run.jobs if j not in ("ingest", "process", "digest")]
    print(f"  retention / backup job: {', '.join(upkeep) if upkeep else 'none registered'}")
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(run.kinds.items()))
    print(f"sources: {run.sources} ({kinds}); subscriptions: {run.subs}")

    warm = next((s for s in run.samples if s.day >= min(3, max(1, run.days // 3))), None)
    last = run.samples[-1]
    print("\nmemory (RSS after gc.collect(); workers: the parse and summary processes)")
    for s in run.samples:
        if (s.day == int(s.day) and (s.day % 5 == 0 or s is warm)) or s is last:
            print(
                f"  day {s.day:5.1f}: bot {mib(s.rss):>10}  workers {s.workers} "
                f"{mib(s.children):>10}  database {mib(s.database):>10}  "
                f"backups {s.backups} ({mib(s.backup_bytes)})"
            )
    if warm is not None:
        growth = (last.rss - warm.rss) / warm.rss * 100
        print(
            f"  bot process, day {warm.day:g} -> end: {mib(warm.rss)} -> {mib(last.rss)}"
            f" ({growth:+.1f} %, target within 10 %)"
        )

    print("\ndigests")
    print(
        f"  due {digests.due} (slots up to 1 h before the end), sent {digests.sent}"
        f" ({digests.sent / max(1, digests.due) * 100:.2f} %, target all)"
    )
    print(
        f"  of them after downtime, sent at the next start: {digests.caught_up};"
        f" slots skipped by design in downtime: {digests.skipped}"
    )
    print(f"  last hour: {digests.tail_sent} of {digests.tail_due} sent before the run stopped")
    print(f"  first messages matching no due slot: {digests.unexpected}")
    print(f"  chats left out (they blocked the bot): {digests.blocked_chats}")
    normal = digests.latencies
    late = digests.catch_up
    print(
        f"  slot -> received, running: p50 {percentile(normal, 50):.1f} s,"
        f" p99 {percentile(normal, 99):.1f} s, max {max(normal, default=0):.0f} s;"
        f" after downtime: max {max(late, default=0) / 60:.0f} min"
    )
    for sub_id, slot in digests.missing[:10]:
        print(f"  missing: subscription {sub_id} slot {slot:%Y-%m-%d %H:%M} UTC")

    print("\nrestarts")
    for r in run.restarts:
        kind = "crash" if r.crash else "clean stop"
        at = datetime.fromtimestamp(r.began, UTC) if r.began else None
        print(
            f"  {kind} at {at:%Y-%m-%d %H:%M:%S} UTC, down {r.down / 60:.0f} min:"
            f" {r.under_way} requests under way, {r.carried_out} carried out by Telegram"
        )
    in_flight = sum(r.under_way for r in run.restarts)
    print(
        f"  duplicates received: {len(ledger.duplicates)} (target <= in flight at restarts:"
        f" {in_flight})"
    )

    print("\nTelegram")
    statuses = ", ".join(f"{n} x {s}" for s, n in sorted(ledger.statuses.items()))
    print(f"  sendMessage answers: {statuses}")
    injected = ", ".join(f"{n} x {k}" for k, n in sorted(run.injected.items()))
    print(
        f"  injected faults: {injected}; outage 40 min on day {int((run.outage[0] - START.timestamp()) // DAY)}"
    )
    flood = ledger.flood_429
    late = [f for f in flood if f[0] - START.timestamp() >= DAY]
    print(f"  429 from flood limits: {len(flood)}; after day 1: {len(late)} (target 0)")
    for when, chat, answer in flood[:10]:
        print(f"    {datetime.fromtimestamp(when, UTC):%Y-%m-%d %H:%M:%S} chat {chat}: {answer}")
    print(f"  messages to the admins: {len(ledger.admin)}")
    for text in ledger.admin[:12]:
        lines = [line for line in text.splitlines() if line.strip()]
        print(f"    {' / '.join(lines[:3])[:150]}")

    print("\nsources (what the feed server answered; what the bot counted)")
    print("  " + ", ".join(f"{n} x {k}" for k, n in sorted(run.answers.items())))
    for prefix in ("newsbot_source_polls_total", "newsbot_fetch_errors_total"):
        found = {k[len(prefix) :]: n for k, n in run.counted.items() if k.startswith(prefix)}
        print(f"  {prefix}: " + ", ".join(f"{k} {n}" for k, n in sorted(found.items())))
    print("\nthe bot's own counters, summed over its runs")
    for key, n in sorted(run.counted.items()):
        if not key.startswith(("newsbot_source_polls_total", "newsbot_fetch_errors_total")):
            print(f"  {key} {n}")
    print("\ndatabase at the end: " + ", ".join(f"{k} {n}" for k, n in run.database.items()))
    if run.grown:
        print("\nPython memory grown after warm-up, by line (tracemalloc)")
        for line in run.grown:
            print(f"  {line}")


def main() -> None:
    """Parse the options, run the soak in simulated time and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--subs", type=int, default=2000, help="subscriptions")
    parser.add_argument("--items", type=float, default=2.0, help="articles per source a day")
    parser.add_argument("--retention-days", type=int, default=7, help="RETENTION_DAYS")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="summary processes (the bot's default is 2; 1 summarises in a thread)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="3 days, 40 sources, 300 subs")
    parser.add_argument("--keep", type=Path, help="keep the database and backups here")
    parser.add_argument("--log-level", default="ERROR", help="the bot's log level")
    parser.add_argument(
        "--trace-memory",
        action="store_true",
        help="list where Python memory grew after warm-up (tracemalloc: about twice as slow)",
    )
    args = parser.parse_args()
    if args.quick:
        args.days, args.sources, args.subs = 3, 40, 300
    if args.days < 2 or args.sources < 10 or args.subs < 10:
        parser.error("at least 2 days, 10 sources and 10 subscriptions")
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as a timedelta
    print(f"machine: {machine()}")
    print(f"started {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (real time)")
    print(
        f"{args.days} days from {START:%Y-%m-%d} (simulated), {args.sources} sources x"
        f" {args.items:g} articles a day, {args.subs} subscriptions, seed {args.seed},"
        f" RETENTION_DAYS={args.retention_days}"
    )
    if args.trace_memory:
        tracemalloc.start(1)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        run, ledger, subs = simulate_days(soak(args, workdir), START)
        report(run, ledger, judge(run, ledger, subs))


if __name__ == "__main__":
    main()
