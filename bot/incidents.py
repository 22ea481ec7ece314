"""Incidents: the admins hear about trouble once when it begins and once when it ends.

The rules:

- Three kinds of incident are conditions that last: ``telegram_outage`` (the outbox
  sender's breaker is open: sends to many chats failed in a row and every send pauses),
  ``source_paused`` (a source paused itself after AUTO_PAUSE_AFTER failures in a row; one
  incident per source) and ``backlog`` (the oldest message waiting in the outbox was queued
  more than BACKLOG_AGE ago). Two are runs of events: ``delivery_failed`` (outbox messages
  given up after their retries) and ``delivery_bug`` (Telegram refused a digest as rendered),
  which were told one message per failure before: a bug in rendering meant one admin
  message per subscriber.
- An incident begins when its condition is first seen: at a check (every CHECK_INTERVAL,
  and at once when the sender reports that Telegram went down or answers again, or gives a
  message up). It ends when the condition has been absent for its kind's SETTLE time, so
  that a condition that comes and goes (Telegram failing every few minutes, a backlog
  hovering around the hour, failures here and there) is one incident, not one per failure;
  ``events`` counts how often it struck. A source's incident ends as soon as it is resumed
  or removed: that is an admin's decision, not a flicker.
- The admins are told once when it begins and once when it ends; one message per admin and
  check lists every change. What could not be told (Telegram down, a network error) stays
  owed and goes with a later check. While the sender says Telegram is down nothing is tried;
  its recovery triggers a check at once, so the owed news arrives as Telegram answers again.
- Incidents are kept in the ``incidents`` table: a restart neither repeats an announcement
  nor loses one that is owed. An admin who cannot be reached (blocked the bot, never started
  it) is skipped with a warning; one who missed a message to a transient error gets it at
  the next try while the others are not sent it twice (remembered in memory only: after a
  restart in between they might be).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database
from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot import i18n, replies
from bot.state import App
from digests import store
from digests.models import OutboxMessage

log = logging.getLogger(__name__)

TELEGRAM_OUTAGE = "telegram_outage"
SOURCE_PAUSED = "source_paused"
BACKLOG = "backlog"
DELIVERY_FAILED = "delivery_failed"
DELIVERY_BUG = "delivery_bug"
KINDS = (TELEGRAM_OUTAGE, SOURCE_PAUSED, BACKLOG, DELIVERY_FAILED, DELIVERY_BUG)
# A message waiting longer than this is a backlog.
BACKLOG_AGE = timedelta(hours=1)
# How long a condition must stay away before its incident is over.
SETTLE = {
    TELEGRAM_OUTAGE: timedelta(minutes=5),
    BACKLOG: timedelta(minutes=5),
    SOURCE_PAUSED: timedelta(0),
    DELIVERY_FAILED: timedelta(minutes=30),
    DELIVERY_BUG: timedelta(minutes=30),
}
CHECK_INTERVAL = 60  # seconds
# What ended a source's incident (its detail once over).
SOURCE_RESUMED = "resumed"
SOURCE_REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition seen now: the incident it belongs to and what to tell about it."""

    key: str
    kind: str
    subject: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """One piece of news owed to the admins: an incident's start or its end."""

    incident: store.IncidentRecord
    end: bool

    @property
    def id(self) -> tuple[str, bool]:
        """Return what identifies the news (the incident's key and which end of it)."""
        return self.incident.key, self.end


class Incidents:
    """Watch the three conditions, record incidents, and tell the admins once each way."""

    def __init__(
        self,
        bot: Bot,
        db: Database,
        admin_ids: Iterable[int],
        *,
        clock: Callable[[], datetime] = store.utcnow,
        language: str = i18n.DEFAULT_LANGUAGE,
    ) -> None:
        self.bot = bot
        self.db = db
        self.admin_ids = sorted(admin_ids)
        # Details are recorded in the bot's language; each admin is told in their chat's.
        self.language = language
        self.clock = clock
        self.telegram_down = False
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._every: asyncio.Task[None] | None = None
        self._soon: asyncio.Task[None] | None = None
        self._again = False
        # News each admin already got, until every admin has it and the table says so.
        self._delivered: dict[int, set[tuple[str, bool]]] = {a: set() for a in self.admin_ids}

    # -- what the sender reports ----------------------------------------------------------

    def telegram_outage(self, began: bool) -> None:
        """Take the sender's word that Telegram went down (True) or answers again (False).

        Called from the sender (``Sender.on_outage``): records the moment, then checks at
        once, which tells the admins what they are owed as soon as Telegram answers.
        """
        self.telegram_down = began
        now = self.clock()
        try:
            if began:
                self._seen(Condition(TELEGRAM_OUTAGE, TELEGRAM_OUTAGE), now, event=True)
            else:  # its end is counted from the moment Telegram answered
                store.see_incident(self.db, TELEGRAM_OUTAGE, now=now)
        except sqlite3.Error:
            log.exception("could not record Telegram's outage")
        self._check_soon()

    def delivery_failed(self, row: OutboxMessage, error: BaseException, *, bug: bool) -> None:
        """Count a message the sender gave up: the first of a run begins an incident.

        Called from the sender (``on_failure``, ``on_bug``); the incident's detail is the
        latest failure, its events how many were given up.
        """
        kind = DELIVERY_BUG if bug else DELIVERY_FAILED
        tr = i18n.translator(self.language)
        detail = replies.delivery_failure(tr, row.chat_id, row.part, row.parts, str(error), bug=bug)
        try:
            self._seen(Condition(kind, kind, detail=detail), self.clock(), event=True)
        except sqlite3.Error:
            log.exception("could not record a delivery failure")
        self._check_soon()

    def _check_soon(self) -> None:
        """Check now, once however many events come at once (a burst of failures)."""
        if self._soon is not None and not self._soon.done():
            self._again = True  # the check under way may have read the table already
            return
        try:
            task = asyncio.get_running_loop().create_task(self._soon_checks())
        except RuntimeError:  # no running loop: the next check does it
            return
        self._soon = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _soon_checks(self) -> None:
        self._again = True
        while self._again:
            self._again = False
            await self._check_logged()

    async def _check_logged(self) -> None:
        try:
            await self.check()
        except Exception:
            log.exception("the incident check failed")

    def start(self, interval: float = CHECK_INTERVAL) -> None:
        """Check every interval seconds, in a task of its own, until ``close``."""

        async def every() -> None:
            while True:
                await asyncio.sleep(interval)
                await self._check_logged()

        task = asyncio.get_running_loop().create_task(every(), name="incident watch")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        self._every = task

    async def close(self) -> None:
        """Stop checking; wait for a check under way (before the database closes)."""
        if self._every is not None:
            self._every.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- the check --------------------------------------------------------------------------

    async def check(self) -> list[Note]:
        """Update the incidents from what is seen now, tell the admins; return what was told."""
        async with self._lock:
            now = self.clock()
            self._update(self._conditions(now), now)
            if self.telegram_down:
                return []  # nothing would get through; the sender's recovery calls us
            return await self._tell(now)

    def _conditions(self, now: datetime) -> dict[str, Condition]:
        found: dict[str, Condition] = {}
        if self.telegram_down:
            found[TELEGRAM_OUTAGE] = Condition(TELEGRAM_OUTAGE, TELEGRAM_OUTAGE)
        tr = i18n.translator(self.language)
        for source in store.auto_paused_sources(self.db):
            key = f"{SOURCE_PAUSED}:{source.id}"
            detail = replies.source_pause_detail(tr, source)
            found[key] = Condition(key, SOURCE_PAUSED, replies.source_label(tr, source), detail)
        backlog = store.outbox_backlog(self.db)
        if backlog.oldest is not None and now - backlog.oldest > BACKLOG_AGE:
            detail = replies.backlog_detail(tr, backlog.waiting, backlog.oldest, now)
            found[BACKLOG] = Condition(BACKLOG, BACKLOG, detail=detail)
        return found

    def _update(self, conditions: dict[str, Condition], now: datetime) -> None:
        known = {incident.key: incident for incident in store.list_incidents(self.db)}
        for condition in conditions.values():
            self._seen(condition, now, known.get(condition.key))
        for key, incident in known.items():
            if key in conditions or incident.ended is not None:
                continue
            if now - incident.last_seen >= SETTLE.get(incident.kind, timedelta(0)):
                detail = self._end_detail(incident)
                store.end_incident(self.db, key, now=now, detail=detail)
                log.warning("incident over: %s", key)

    def _seen(
        self,
        condition: Condition,
        now: datetime,
        incident: store.IncidentRecord | None = None,
        *,
        event: bool = False,
    ) -> None:
        """Begin the condition's incident, or note that it goes on (and struck again)."""
        if incident is None:
            incident = next(
                (i for i in store.list_incidents(self.db) if i.key == condition.key), None
            )
        if incident is None or incident.told_end:
            store.start_incident(
                self.db,
                condition.key,
                condition.kind,
                subject=condition.subject,
                detail=condition.detail,
                now=now,
            )
            log.warning("incident began: %s %s", condition.key, condition.detail)
        else:
            # Still on; or back before its end was told: the same incident goes on.
            store.see_incident(
                self.db,
                condition.key,
                detail=condition.detail or None,
                now=now,
                reopen=True,
                event=event,
            )

    def _end_detail(self, incident: store.IncidentRecord) -> str | None:
        """Return what ended a source's incident (resumed or removed); None for others."""
        if incident.kind != SOURCE_PAUSED:
            return None
        source_id = int(incident.key.rpartition(":")[2])
        return SOURCE_REMOVED if store.find_source(self.db, source_id) is None else SOURCE_RESUMED

    # -- telling the admins -------------------------------------------------------------------

    def owed(self) -> list[Note]:
        """Return the news not yet told to every admin, oldest incident first."""
        notes = []
        for incident in store.list_incidents(self.db):
            if not incident.told_start:
                notes.append(Note(incident, end=False))
            if incident.ended is not None and not incident.told_end:
                notes.append(Note(incident, end=True))
        return notes

    async def _tell(self, now: datetime) -> list[Note]:
        notes = self.owed()
        if not notes:
            return []
        for admin_id in self.admin_ids:
            delivered = self._delivered[admin_id]
            fresh = [note for note in notes if note.id not in delivered]
            if not fresh:
                continue
            tr = i18n.for_chat(store.chat_language(self.db, admin_id), self.language)
            texts = replies.incident_report(
                tr, [replies.incident_line(tr, n.incident, end=n.end, now=now) for n in fresh]
            )
            try:
                for text in texts:
                    await self.bot.send_message(admin_id, text, parse_mode=ParseMode.HTML)
            except (Forbidden, BadRequest) as error:  # this admin cannot get it: skip them
                log.warning("could not tell admin %s about incidents: %s", admin_id, error)
            except TelegramError as error:  # transient: the next check tries again
                log.warning("telling admin %s about incidents failed: %s", admin_id, error)
                continue
            delivered.update(note.id for note in fresh)
        told = [
            note
            for note in notes
            if all(note.id in self._delivered[admin_id] for admin_id in self.admin_ids)
        ]
        for note in told:
            store.mark_incident_told(self.db, note.incident.key, end=note.end)
            for delivered in self._delivered.values():
                delivered.discard(note.id)
        return told


def start(application: App) -> Incidents:
    """Give the application its incident watch, checking every CHECK_INTERVAL seconds.

    The watch is a task of its own beside the sender's (not a JobQueue job): it lives and
    stops with delivery, whatever else is scheduled.
    """
    state = application.bot_data
    incidents = Incidents(
        application.bot, state.db, state.settings.admin_ids, language=state.settings.language
    )
    state.incidents = incidents
    incidents.start()
    return incidents


async def stop(application: App) -> None:
    """Stop the watch and let a check under way finish (the database closes next)."""
    incidents = application.bot_data.incidents
    application.bot_data.incidents = None
    if incidents is not None:
        await incidents.close()
