"""Timed digests and live posts: one JobQueue job per digest subscription, and the sender.

Jobs are not persisted by PTB: at start-up ``start_delivery`` releases messages that were
in flight when the process stopped, sends each subscription's missed digest once (if its
slot passed less than the grace period ago), writes the live posts and edits a pass left
owed (``enqueue_live``; the processing job calls it after each pass that changed stories),
schedules every digest subscription's next slot (live ones have none) and starts the sender. A job writes its digest to the outbox and wakes the sender; the sender
owns pacing, retries and deactivation (bot/sender.py, bot/pacer.py). Messages it gives up
and Telegram's outages go to the incident watch (bot/incidents.py), which tells the admins
once per run of failures, not once per failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any

from telegram.ext import Application

from bot import replies
from bot.i18n import Translator
from bot.render import render_caption, render_chat_digest, render_live_post
from bot.sender import Sender
from bot.state import App, BotState, Context
from digests import delivery, live, schedule, store
from digests.models import ChatDigest, OutboxMessage, StoryItem, Subscription

log = logging.getLogger(__name__)

# Handlers see the application with its context type unresolved; any application will do.
AnyApp = Application[Any, Any, Any, Any, Any, Any]


def _job_name(subscription_id: int) -> str:
    return f"digest:{subscription_id}"


def digest_render(state: BotState) -> delivery.Render:
    """Return how digests are rendered: each in its subscriber's chat's language, its times in
    the subscription's zone."""

    def render(sub: Subscription, content: ChatDigest) -> list[str]:
        return render_chat_digest(state.translator(sub.chat_id, zone=sub.timezone), content)

    return render


def live_render(state: BotState) -> live.LiveRender:
    """Return how live posts are rendered: each in its subscriber's chat's language."""

    def text(sub: Subscription, item: StoryItem) -> str:
        return render_live_post(state.translator(sub.chat_id, zone=sub.timezone), item)

    def caption(sub: Subscription, item: StoryItem) -> str:
        return render_caption(state.translator(sub.chat_id, zone=sub.timezone), item)

    return live.LiveRender(text=text, caption=caption)


def render_for(
    state: BotState, tr: Translator, sub: Subscription, now: datetime
) -> tuple[list[str], str | None]:
    """Return the chat's digest as its subscription would send it now (for /digest): its
    messages, and the lead story's picture its first one previews (None: no picture, or the
    subscription's pictures are off)."""
    content = delivery.preview(state.db, sub, now, method=state.settings.summary_method)
    if not content.digest.stories:
        return [replies.no_matching_stories(tr, sub)], None
    picture = delivery.lead_image(content.digest.stories) if sub.pictures != "off" else None
    return render_chat_digest(tr, content), picture


def schedule_subscription(
    application: AnyApp, sub: Subscription, *, now: datetime | None = None
) -> None:
    """(Re)schedule a subscription's next digest; an inactive one is unscheduled."""
    unschedule_subscription(application, sub.id)
    queue = application.job_queue
    if queue is None or not sub.active or sub.mode == "live":
        return
    chats = application.bot_data.delivery_chats
    if chats is not None and sub.chat_id not in chats:
        return  # another process's subscriber (the console on a real bot's database)
    moment = now or store.utcnow()
    floor = moment
    if sub.last_slot is not None:
        floor = max(floor, store.parse_iso(sub.last_slot))
    try:
        slot = schedule.next_slot(sub, floor)
    except schedule.ScheduleError as error:
        log.warning("subscription %s not scheduled: %s", sub.id, error)
        return
    # The job's id is its name: rescheduling replaces it, and finding it costs no scan of
    # every job (get_jobs_by_name builds them all: each digest would cost O(subscriptions)).
    # It runs however late it fires (the scheduler's default drops a one-off job that fires
    # more than a second late, after a busy loop or a suspended host, and with it every later
    # digest of the subscription): the job itself sends a slot within the grace, or skips it.
    name = _job_name(sub.id)
    queue.run_once(
        digest_job,
        when=slot,
        name=name,
        data=sub.id,
        job_kwargs={
            "id": name,
            "replace_existing": True,
            "misfire_grace_time": None,
            "coalesce": True,
        },
    )


def move_chat(application: AnyApp, old: int, new: int) -> list[Subscription]:
    """Move a group that became a supergroup: its subscriptions (rescheduled) and what PTB
    keeps for the chat (``chat_data``: an admin's pending /import, search pages); return the
    subscriptions moved.

    Telegram tells the move twice (a service message in each chat) and a send or getChat to
    the old id tells it again: only the first moves anything, since PTB's
    ``migrate_chat_data`` would replace the supergroup's data with the old id's, empty by
    then; what the supergroup already had is kept beside the group's.
    """
    changed = store.migrate_chat(application.bot_data.db, old, new)
    for sub in changed:
        schedule_subscription(application, sub)
    if old in application.chat_data:  # a mapping proxy: reading it adds no empty entry
        kept = dict(application.chat_data.get(new, {}))
        application.migrate_chat_data(old_chat_id=old, new_chat_id=new)
        application.chat_data[new].update(kept)
    return changed


def unschedule_subscription(application: AnyApp, subscription_id: int) -> None:
    """Remove a subscription's scheduled digest job, if any."""
    if application.job_queue is None:
        return
    job = application.job_queue.scheduler.get_job(_job_name(subscription_id))
    if job is not None:
        job.remove()


async def digest_job(context: Context) -> None:
    """Write one subscription's due digest to the outbox, wake the sender, schedule the next."""
    job = context.job
    if job is None or not isinstance(job.data, int):
        return
    state = context.bot_data
    # Thousands of subscriptions may fall due in the same minute, each composing its digest
    # on the event loop (tens of milliseconds): one at a time, each after a turn of the loop,
    # so that replies to commands and the sender's deliveries go on between two digests
    # instead of waiting until every digest is written.
    async with state.digest_turn:
        await asyncio.sleep(0)
        db = state.db
        sub = store.get_subscription_by_id(db, job.data)
        if sub is None or not sub.active:
            return
        now = store.utcnow()
        method = state.settings.summary_method
        try:
            if delivery.enqueue_subscription(db, sub, now, digest_render(state), method=method):
                wake_sender(state)
        finally:
            # Even when writing this digest failed (a locked database, a bug: the error
            # handler reports it), the next one is scheduled: a one-off job left unscheduled
            # would stop the subscription's digests until the next start.
            refreshed = store.get_subscription_by_id(db, sub.id)
            if refreshed is not None:
                schedule_subscription(context.application, refreshed, now=now)


def enqueue_live(
    state: BotState, *, now: datetime | None = None, resumed: int | None = None
) -> live.LiveResult:
    """Write live posts and edits owed to live subscriptions, and wake the sender for them;
    ``resumed``: only the edits owed to this chat's posts, its subscription back (the edits
    dropped while it was stopped; new posts come with the next processing pass)."""
    chats = state.delivery_chats
    if resumed is not None:
        chats = frozenset({resumed} if chats is None or resumed in chats else ())
    done = live.enqueue_live(
        state.db,
        now or store.utcnow(),
        live_render(state),
        method=state.settings.summary_method,
        chats=chats,
        edits_only=resumed is not None,
    )
    if done.queued or done.skipped or done.too_old:
        log.info("live: %s", done)
    if done.queued:
        wake_sender(state)
    return done


def wake_sender(state: BotState) -> None:
    """Tell the sender to look at the outbox now."""
    if state.sender is not None:
        state.sender.wake()


async def start_delivery(application: App) -> None:
    """Restore delivery after a start: release in-flight rows, catch up, schedule, send."""
    state = application.bot_data
    db = state.db
    released = store.release_in_flight(db)
    if released:
        log.info("%d messages were in flight at the last stop: sending them again", released)
    now = store.utcnow()
    for sub in store.list_subscriptions(db):
        schedule_subscription(application, sub, now=now)
    enqueue_live(state, now=now)

    def report(row: OutboxMessage, error: BaseException, *, bug: bool = False) -> None:
        if state.incidents is None:  # stopping: the log has it
            log.warning("message %s to chat %s given up: %s", row.id, row.chat_id, error)
        else:
            state.incidents.delivery_failed(row, error, bug=bug)

    def report_bug(row: OutboxMessage, error: BaseException) -> None:
        report(row, error, bug=True)

    watch = state.incidents
    sender = Sender(
        application.bot,
        db,
        on_failure=report,
        on_bug=report_bug,
        on_outage=watch.telegram_outage if watch is not None else None,
        counts=state.delivery_counts,
        pacer=state.pacer,
        language=state.settings.language,
        chats=state.delivery_chats,
        on_migrate=partial(move_chat, application),
    )
    state.sender = sender
    state.sender_stop = stop = asyncio.Event()
    state.sender_task = asyncio.create_task(sender.run_forever(stop), name="digest sender")
    state.catch_up_task = asyncio.create_task(catch_up(state, now), name="digest catch-up")


async def catch_up(state: BotState, now: datetime) -> int:
    """Write the digests missed while the bot was down (their slot within the grace before
    ``now``), one subscription a turn as digest jobs do, so that the bot answers from its
    first second instead of after thousands of digests are composed; return how many."""
    steps = delivery.enqueue_due_steps(
        state.db,
        now,
        digest_render(state),
        method=state.settings.summary_method,
        chats=state.delivery_chats,
    )
    written = 0
    while True:
        async with state.digest_turn:
            await asyncio.sleep(0)
            try:
                step = next(steps, None)
            except Exception:  # a bug: the scheduled jobs still write each next digest
                log.exception("writing the digests missed while the bot was down failed")
                step = None
        if step is None:
            break
        if step:
            written += step
            wake_sender(state)
    if written:
        log.info("sending %d digests missed while the bot was down", written)
    return written


async def stop_delivery(application: App) -> None:
    """Stop the sender; messages it had not sent stay in the outbox for the next start."""
    state = application.bot_data
    catching_up, state.catch_up_task = state.catch_up_task, None
    if catching_up is not None and not catching_up.done():
        catching_up.cancel()  # the rest are written at the next start, if still in grace
        with contextlib.suppress(asyncio.CancelledError):
            await catching_up
    stop, task = state.sender_stop, state.sender_task
    state.sender = state.sender_stop = state.sender_task = None
    if stop is not None:
        stop.set()
    if task is not None:
        try:
            await asyncio.wait_for(task, timeout=10)
        except TimeoutError:
            task.cancel()
            log.warning("the digest sender did not stop within 10 s: cancelled")


def scheduled_subscriptions(application: AnyApp) -> Sequence[str]:
    """Return the names of scheduled digest jobs (for /stats and tests)."""
    if application.job_queue is None:
        return []
    return [j.name for j in application.job_queue.jobs() if j.name and j.name.startswith("digest:")]
