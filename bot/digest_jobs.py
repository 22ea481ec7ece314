"""Timed digests: one JobQueue job per subscription at its local time, and the outbox sender.

Jobs are not persisted by PTB: at start-up ``start_delivery`` releases messages that were
in flight when the process stopped, sends each subscription's missed digest once (if its
slot passed less than the grace period ago), schedules every subscription's next slot and
starts the sender. A job writes its digest to the outbox and wakes the sender; the sender
owns pacing, retries and deactivation (bot/delivery.py).
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database
from telegram.error import TelegramError
from telegram.ext import Application

from bot.delivery import TITLES, compose_digest_parts, enqueue_subscription
from bot.handlers.common import DB, App, Context, db_of, settings_of
from bot.render import render_digest, render_ledger, truncate
from bot.sender import Sender
from digests import pipeline, schedule, store
from digests.models import Digest, Subscription

log = logging.getLogger(__name__)

# Handlers see the application with its context type unresolved; any application will do.
AnyApp = Application[Any, Any, Any, Any, Any, Any]

SENDER = "sender"
_SENDER_TASK = "sender_task"
_SENDER_STOP = "sender_stop"
LEDGER_ITEMS = 5


def _job_name(subscription_id: int) -> str:
    return f"digest:{subscription_id}"


def make_render(db: Database, sub: Subscription) -> Any:
    """Return the subscription's renderer: the digest, then its allegations section if chosen."""

    def render(digest: Digest) -> list[str]:
        parts = render_digest(digest)
        if sub.allegations and digest.stories:
            entries = pipeline.ledger(
                db, story_ids=[s.story_id for s in digest.stories], limit=LEDGER_ITEMS
            )
            if entries:
                parts += render_ledger(entries, title="Allegations in these stories")
        return parts

    return render


def render_for(db: Database, sub: Subscription, now: datetime) -> list[str]:
    """Return the chat's digest as its subscription would send it now (for /digest)."""
    composed = compose_digest_parts(db, sub, now, make_render(db, sub))
    if composed is not None:
        return composed[0]
    # Nothing new since the last digest: show the top stories matching the filters instead.
    digest = pipeline.latest(
        db,
        now=now,
        limit=sub.stories,
        include=sub.include,
        exclude=sub.exclude,
        title=TITLES.get(sub.frequency, "Your digest"),
    )
    if not digest.stories:
        return ["No stories match this chat's keywords yet."]
    return list(make_render(db, sub)(digest))


def schedule_subscription(
    application: AnyApp, sub: Subscription, *, now: datetime | None = None
) -> None:
    """(Re)schedule a subscription's next digest; an inactive one is unscheduled."""
    unschedule_subscription(application, sub.id)
    queue = application.job_queue
    if queue is None or not sub.active:
        return
    moment = now or store.utcnow()
    floor = moment
    if sub.last_slot is not None:
        floor = max(floor, store.parse_iso(sub.last_slot))
    try:
        slot = schedule.next_slot(sub, floor)
    except schedule.ScheduleError as error:
        log.warning("subscription %s not scheduled: %s", sub.id, error)
        return
    queue.run_once(digest_job, when=slot, name=_job_name(sub.id), data=sub.id)


def unschedule_subscription(application: AnyApp, subscription_id: int) -> None:
    """Remove a subscription's scheduled digest job, if any."""
    if application.job_queue is None:
        return
    for job in application.job_queue.get_jobs_by_name(_job_name(subscription_id)):
        job.schedule_removal()


async def digest_job(context: Context) -> None:
    """Write one subscription's due digest to the outbox, wake the sender, schedule the next."""
    job = context.job
    if job is None or not isinstance(job.data, int):
        return
    db = db_of(context.bot_data)
    sub = store.get_subscription_by_id(db, job.data)
    if sub is None or not sub.active:
        return
    now = store.utcnow()
    if enqueue_subscription(db, sub, now, make_render(db, sub)):
        wake_sender(context.bot_data)
    refreshed = store.get_subscription_by_id(db, sub.id)
    if refreshed is not None:
        schedule_subscription(context.application, refreshed, now=now)


def wake_sender(bot_data: dict[Any, Any]) -> None:
    """Tell the sender to look at the outbox now."""
    sender = bot_data.get(SENDER)
    if isinstance(sender, Sender):
        sender.wake()


async def start_delivery(application: App) -> None:
    """Restore delivery after a start: release in-flight rows, catch up, schedule, send."""
    db = db_of(application.bot_data)
    released = store.release_in_flight(db)
    if released:
        log.info("%d messages were in flight at the last stop: sending them again", released)
    now = store.utcnow()
    caught_up = 0
    for sub in store.list_subscriptions(db):
        try:
            caught_up += enqueue_subscription(db, sub, now, make_render(db, sub))
        except schedule.ScheduleError as error:
            log.warning("subscription %s has a bad schedule: %s", sub.id, error)
            continue
        refreshed = store.get_subscription_by_id(db, sub.id)
        if refreshed is not None:
            schedule_subscription(application, refreshed, now=now)
    if caught_up:
        log.info("sending %d digests missed while the bot was down", caught_up)

    async def report(row: Any, error: BaseException, *, bug: bool = False) -> None:
        await _tell_admins(application, row, error, bug=bug)

    async def report_bug(row: Any, error: BaseException) -> None:
        await report(row, error, bug=True)

    sender = Sender(application.bot, db, on_failure=report, on_bug=report_bug)
    stop = asyncio.Event()
    application.bot_data[SENDER] = sender
    application.bot_data[_SENDER_STOP] = stop
    application.bot_data[_SENDER_TASK] = asyncio.create_task(
        sender.run_forever(stop), name="digest sender"
    )


async def stop_delivery(application: App) -> None:
    """Stop the sender; messages it had not sent stay in the outbox for the next start."""
    stop = application.bot_data.pop(_SENDER_STOP, None)
    task = application.bot_data.pop(_SENDER_TASK, None)
    application.bot_data.pop(SENDER, None)
    if isinstance(stop, asyncio.Event):
        stop.set()
    if isinstance(task, asyncio.Task):
        try:
            await asyncio.wait_for(task, timeout=10)
        except TimeoutError:
            task.cancel()
            log.warning("the digest sender did not stop within 10 s: cancelled")


async def _tell_admins(application: App, row: Any, error: BaseException, *, bug: bool) -> None:
    settings = settings_of(application.bot_data)
    if DB not in application.bot_data:
        return
    kind = "BUG: Telegram refused a rendered digest" if bug else "Digest delivery failed"
    text = (
        f"<b>{kind}</b>\nchat {int(row['chat_id'])}, part {int(row['part']) + 1} of "
        f"{int(row['parts'])}: <code>{html.escape(truncate(str(error), 500))}</code>"
    )
    for admin_id in sorted(settings.admin_ids):
        try:
            await application.bot.send_message(admin_id, text)
        except TelegramError as failure:
            log.warning("could not tell admin %s about a delivery failure: %s", admin_id, failure)


def scheduled_subscriptions(application: AnyApp) -> Sequence[str]:
    """Return the names of scheduled digest jobs (for /stats and tests)."""
    if application.job_queue is None:
        return []
    return [j.name for j in application.job_queue.jobs() if j.name and j.name.startswith("digest:")]
