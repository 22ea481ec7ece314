"""What goes into a chat's digest, and writing it to the outbox: no Telegram here.

A subscription's digest holds the top stories (up to its size, after its keywords and its
languages: a story counts when one of its articles is in a chosen language, and shows that
article's summary) with an article fetched since its previous digest (a weekly one's, at least
within the week: its first, or the first after a switch to weekly, is the week's too),
leaving out stories the chat was already sent (a story that another outlet reports later is
not sent again), and,
when the subscriber chose it, the allegations made in those stories. ``chat_digest`` builds
that value from the database; the bot renders it (a pure function, given to
``enqueue_subscription`` as ``render``) and the messages go to the outbox, from which the
sender delivers them.

Slots: a digest is due when its subscription's next slot after the previous one has come.
After downtime only the latest slot missed by less than the grace period is sent, once; older
ones are skipped. A slot with nothing new sends nothing (or the one-line note, if chosen) but
is used up all the same. Subscriptions in live mode have no slots (``digests.live`` posts each
story instead); a subscription that shows pictures ("preview" or "photo") gives its digest's
first message the lead story's picture as a large link preview (``lead_image``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator, Sequence
from datetime import datetime, timedelta

from sqlite_utils import Database

from digests import read, schedule, store, summarise
from digests.message import N_  # headings the bot's catalogs translate when it renders
from digests.models import ChatDigest, StoryItem, Subscription

log = logging.getLogger(__name__)


TITLES = {
    "daily": N_("Your daily digest"),
    "weekdays": N_("Your weekday digest"),
    "hourly": N_("Your hourly digest"),
    "weekly": N_("Your weekly digest"),
}
DEFAULT_TITLE = N_("Your digest")
# Allegations shown under a digest, when the subscription asks for them.
LEDGER_ITEMS = 5
# A subscription with no previous digest (none recorded) starts from a day back.
FIRST_DIGEST_REACH = timedelta(days=1)
# How far back a weekly digest reaches at least: a new subscription starts from the day before
# it was made, and its first weekly digest, a day or two later, held that much of the week.
# The stories already sent are left out, so reaching further repeats none.
WEEKLY_REACH = timedelta(days=7)

# Renders a subscription's digest (in its chat's language): the bot's render.render_chat_digest.
Render = Callable[[Subscription, ChatDigest], Sequence[str]]


def picture_url(url: str | None) -> str | None:
    """Return a picture's URL when Telegram could fetch it (absolute http(s), no spaces)."""
    if not url or len(url) > 2048 or any(c.isspace() for c in url):
        return None
    return url if url.lower().startswith(("http://", "https://")) else None


def lead_image(stories: Sequence[StoryItem]) -> str | None:
    """Return the picture of the first story that has one (the lead story's, usually)."""
    for item in stories:
        if (url := picture_url(item.image_url)) is not None:
            return url
    return None


def title_of(sub: Subscription) -> str:
    """Return the heading of a subscription's digest."""
    return TITLES.get(sub.frequency, DEFAULT_TITLE)


def _with_ledger(db: Database, sub: Subscription, content: ChatDigest) -> ChatDigest:
    if not sub.allegations or not content.digest.stories:
        return content
    ids = [s.story_id for s in content.digest.stories]
    entries = read.ledger(db, story_ids=ids, limit=LEDGER_ITEMS)
    return ChatDigest(content.digest, tuple(entries), content.nothing_new)


def chat_digest(
    db: Database, sub: Subscription, now: datetime, *, method: str = summarise.DEFAULT_METHOD
) -> ChatDigest | None:
    """Return a subscription's next digest, or None when nothing is new and no note is wanted."""
    since = store.parse_iso(sub.last_digest_at) if sub.last_digest_at else now - FIRST_DIGEST_REACH
    if sub.frequency == "weekly":
        since = min(since, now - WEEKLY_REACH)
    digest = read.new_stories(
        db,
        new_since=since,
        now=now,
        limit=sub.stories,
        include=sub.include,
        exclude=sub.exclude,
        subscription_id=sub.id,
        title=title_of(sub),
        method=method,
        languages=sub.languages,
    )
    if digest.stories:
        return _with_ledger(db, sub, ChatDigest(digest))
    if sub.empty_note:
        return ChatDigest(digest, nothing_new=True)
    return None


def preview(
    db: Database, sub: Subscription, now: datetime, *, method: str = summarise.DEFAULT_METHOD
) -> ChatDigest:
    """Return what /digest shows: the next digest, else the top stories the filters keep."""
    content = chat_digest(db, sub, now, method=method)
    if content is not None and not content.nothing_new:
        return content
    digest = read.latest(
        db,
        now=now,
        limit=sub.stories,
        include=sub.include,
        exclude=sub.exclude,
        title=title_of(sub),
        method=method,
        languages=sub.languages,
    )
    return _with_ledger(db, sub, ChatDigest(digest))


def enqueue_subscription(
    db: Database,
    sub: Subscription,
    now: datetime,
    render: Render,
    *,
    grace: timedelta = schedule.DEFAULT_GRACE,
    method: str = summarise.DEFAULT_METHOD,
) -> int:
    """Write one subscription's digest to the outbox if its slot has come; return 1 or 0."""
    if sub.mode == "live":
        return 0
    floor = sub.last_slot or sub.created
    if floor is not None and schedule.next_slot(sub, store.parse_iso(floor)) > now:
        return 0
    slot = schedule.missed_slot(sub, now, grace)
    if slot is None:
        # Every passed slot is older than grace: skip them all rather than send late.
        latest = schedule.previous_slot(sub, now)
        if latest is not None and (floor is None or latest > store.parse_iso(floor)):
            store.update_subscription(db, sub.id, last_slot=store.iso(latest))
        return 0
    content = chat_digest(db, sub, now, method=method)
    if content is None:
        store.update_subscription(db, sub.id, last_slot=store.iso(slot))
        return 0
    stories = content.digest.stories
    store.enqueue_digest(
        db,
        sub,
        slot,
        render(sub, content),
        cutoff=now,
        story_ids=[s.story_id for s in stories],
        now=now,
        preview_url=lead_image(stories) if sub.pictures != "off" else None,
    )
    return 1


def enqueue_due(
    db: Database,
    now: datetime,
    render: Render,
    *,
    grace: timedelta = schedule.DEFAULT_GRACE,
    method: str = summarise.DEFAULT_METHOD,
) -> int:
    """Write the digest of every subscription whose slot has come; return how many."""
    return sum(enqueue_due_steps(db, now, render, grace=grace, method=method))


def enqueue_due_steps(
    db: Database,
    now: datetime,
    render: Render,
    *,
    grace: timedelta = schedule.DEFAULT_GRACE,
    method: str = summarise.DEFAULT_METHOD,
    chats: Collection[int] | None = None,
) -> Iterator[int]:
    """Write the digest of each subscription whose slot has come (of these chats, if given),
    one subscription a step; yield how many each step wrote (0 or 1).

    The bot runs these at start-up (digests missed while it was down), one step per turn of
    its event loop so that it answers between two digests; each digest job runs
    ``enqueue_subscription`` for its own subscription. A subscription stopped or removed
    between two steps is skipped.
    """
    for listed in store.list_subscriptions(db, mode="digest", chats=chats):
        sub = store.get_subscription_by_id(db, listed.id)
        if sub is None or not sub.active or sub.mode != "digest":
            yield 0
            continue
        try:
            yield enqueue_subscription(db, sub, now, render, grace=grace, method=method)
        except schedule.ScheduleError as error:
            log.warning("subscription %s has a bad schedule: %s", sub.id, error)
            yield 0
