"""Live mode: each new story that matches a subscription is posted once, then kept current.

``enqueue_live`` runs after every processing pass that clustered or summarised something (and
at start-up). For each active subscription in live mode it looks at the stories with an
article fetched, or replaced (its outlet updated it, a fuller copy came), in the last
``LIVE_WINDOW``, oldest first (by when the bot first saw them):

- A story new to the subscription (first seen after the subscription went live, matching its
  keywords and, if it has a languages filter, with an article in one of its languages, never
  sent to it in a digest or live, its newest article published within ``LIVE_WINDOW``: a
  source added with its archive is no live news) is written to the outbox as one post,
  shown in the subscription's languages. A story left out for its age is counted once per
  subscription (``LiveResult.too_old``, ``store.note_too_old``: the log line and /stats say
  why it was not posted). The post is due at once unless the subscription's
  quiet hours hold it (it waits for their end) or its hourly cap is reached (it waits for the
  first clock hour with room; posts queued earlier go first). A post that would wait more than
  ``MAX_HOLD`` is skipped for good: news that late is not news, and a backlog must not grow
  without end.
- A story already posted whose sources grew (another outlet reported it) or shrank (the
  event's reports that had joined a look-alike's story left it, ``digests.stories``) or
  whose summary or headline changed (its outlet updated the article) gets its message
  edited rather than posted again: one edit per post at most waits in the outbox (a later
  change rewrites it), edits of one post are
  ``EDIT_INTERVAL`` apart, and a post still waiting is rewritten instead (it goes out
  current). Edits ignore quiet hours (they notify nobody) and the cap (they post nothing new).

Exactly-once comes from the store: a (subscription, story) live post row is written in the
same transaction as its outbox row, so a story is written once per subscription (per chat, or
per forum topic) whatever restarts happen, and the sender's outbox sends each row once (a crash
during the very call may repeat that one message, as for digests). Pictures: with the "photo"
setting a story with a picture is a photo post, its caption the story; with "preview" a text
post shows the picture as a large link preview. The texts come from the bot (``LiveRender``):
no Telegram here.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from digests import compose, schedule, store, summarise
from digests.delivery import picture_url
from digests.models import LivePost, StoryItem, Subscription

log = logging.getLogger(__name__)

# Stories with an article fetched (or replaced) this recently are looked at by each pass; the
# age a new source's undated archive is given (store.articles.UNDATED_BACKLOG_AGE) is twice it.
LIVE_WINDOW = store.articles.LIVE_WINDOW
# Edits of one post are at least this far apart (Telegram allows about 20 a minute per chat).
EDIT_INTERVAL = timedelta(minutes=5)
# A post held longer than this by quiet hours and the hourly cap is skipped.
MAX_HOLD = timedelta(hours=12)
DEFAULT_HOURLY_CAP = 10
_HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class LiveRender:
    """How the bot shows a story live: as a message (<= 4096) and as a caption (<= 1024)."""

    text: Callable[[Subscription, StoryItem], str]
    caption: Callable[[Subscription, StoryItem], str]


@dataclass(slots=True)
class LiveResult:
    """What one live pass wrote: posts, edits queued or rewritten, posts held or skipped."""

    posted: int = 0
    held: int = 0  # posts due later (quiet hours, the hourly cap)
    skipped: int = 0
    too_old: int = 0  # stories not posted: their newest article older than LIVE_WINDOW
    edits: int = 0
    rewritten: int = 0  # waiting posts or edits whose text changed

    @property
    def queued(self) -> bool:
        """Return True when the outbox got something to send."""
        return bool(self.posted or self.edits or self.rewritten)


def summary_hash(item: StoryItem) -> str:
    """Return a short fingerprint of what a story's summary and headline say: the summary's,
    then the headline's after a colon."""
    summary = hashlib.sha1(item.summary.strip().encode()).hexdigest()[:16]
    return f"{summary}:{hashlib.sha1(item.title.strip().encode()).hexdigest()[:8]}"


def changed(post: LivePost, item: StoryItem) -> bool:
    """Return True when a posted story shows other sources, another summary or another
    headline than its post.

    More sources: another outlet reported it. Fewer: the event's reports that had joined a
    look-alike's story left it for one of their own (``digests.stories``), and the post
    goes back to what the look-alike's story says. Another headline: its outlet updated the
    article (``dedup.is_update``). A post stored with its summary's fingerprint alone (before
    headlines were kept) is compared by its summary only: it is not edited for nothing.
    """
    if len(item.sources) != post.sources_count:
        return True
    summary, _, headline = summary_hash(item).partition(":")
    posted_summary, _, posted_headline = post.summary_hash.partition(":")
    return summary != posted_summary or (bool(posted_headline) and headline != posted_headline)


def live_due(sub: Subscription, earliest: datetime, taken: Sequence[datetime]) -> datetime:
    """Return when a new post may go: after quiet hours, in a clock hour with room left.

    ``taken`` are the due times of the subscription's posts already queued; the cap counts
    them per clock hour (UTC hours; local ones but in half-hour zones).
    """
    cap = max(1, sub.hourly_cap)
    due = earliest
    for _ in range(len(taken) + 100):
        end = schedule.quiet_until(sub, due)
        if end is not None:
            due = end
            continue
        hour = due.replace(minute=0, second=0, microsecond=0)
        if sum(hour <= t < hour + _HOUR for t in taken) < cap:
            return due
        due = hour + _HOUR
    return due  # unreachable: each turn moves past a full hour or a quiet period


def content_for(
    sub: Subscription, item: StoryItem, render: LiveRender, *, kind: str | None = None
) -> store.LiveContent:
    """Return what a story's live post shows for a subscription (of a post's kind, if given)."""
    image = picture_url(item.image_url) if sub.pictures != "off" else None
    if kind is None:
        kind = "photo" if sub.pictures == "photo" and image is not None else "message"
    count, digest = len(item.sources), summary_hash(item)
    if kind == "photo":
        return store.LiveContent(render.caption(sub, item), count, digest, "photo", photo_url=image)
    preview = image if sub.pictures != "off" else None
    return store.LiveContent(render.text(sub, item), count, digest, "message", preview_url=preview)


def enqueue_live(
    db: Database,
    now: datetime,
    render: LiveRender,
    *,
    method: str = summarise.DEFAULT_METHOD,
    chats: Collection[int] | None = None,
    edits_only: bool = False,
) -> LiveResult:
    """Write new live posts and edits of grown ones for every live subscription (of these
    chats, if given; ``edits_only``: no new posts, as when a subscription comes back and its
    posts are owed the edits dropped while it was stopped); return counts."""
    result = LiveResult()
    subs = store.list_subscriptions(db, mode="live", chats=chats)
    if not subs:
        return result
    articles = store.story_articles(
        db, new_since=now - LIVE_WINDOW, changed_too=True, method=method
    )
    everything = compose.candidates(articles)
    seen = store.first_fetched(db, [c.item.story_id for c in everything])
    # Subscriptions with a languages filter see its stories, shown in its languages.
    by_languages: dict[tuple[str, ...], list[compose.Candidate]] = {}
    for sub in subs:
        found = by_languages.get(sub.languages)
        if found is None:
            found = compose.candidates(articles, sub.languages) if sub.languages else everything
            found.sort(key=lambda c: (seen.get(c.item.story_id, now), c.item.story_id))
            by_languages[sub.languages] = found
        try:
            _enqueue_for(db, sub, found, seen, now, render, result, edits_only=edits_only)
        except schedule.ScheduleError as error:
            log.warning("live subscription %s has bad settings: %s", sub.id, error)
    return result


def _enqueue_for(
    db: Database,
    sub: Subscription,
    found: Sequence[compose.Candidate],
    seen: dict[int, datetime],
    now: datetime,
    render: LiveRender,
    result: LiveResult,
    *,
    edits_only: bool = False,
) -> None:
    ids = [c.item.story_id for c in found]
    posts = store.live_posts(db, sub.id, ids)
    sent = store.sent_in_digests(db, sub.id, ids)
    start = sub.live_since or sub.created
    since = store.parse_iso(start) if start else now
    taken = store.live_due_times(db, sub.id, now.replace(minute=0, second=0, microsecond=0))
    too_old: list[int] = []
    for candidate in found:
        item = candidate.item
        post = posts.get(item.story_id)
        if post is not None:
            if post.state in ("queued", "sent") and changed(post, item):
                _refresh(db, sub, post, item, now, render, result)
            continue
        if edits_only or item.story_id in sent or seen.get(item.story_id, now) <= since:
            continue
        if not compose.keep(candidate, sub.include, sub.exclude):
            continue
        if candidate.published < now - LIVE_WINDOW:
            too_old.append(item.story_id)  # fetched only now (a source's archive): no news
            continue
        due = live_due(sub, now, taken)
        if due - now > MAX_HOLD:
            result.skipped += store.skip_live_post(db, sub, item.story_id, now=now)
            continue
        content = content_for(sub, item, render)
        if store.enqueue_live_post(db, sub, item.story_id, content, due=due, now=now) is None:
            continue
        taken.append(due)
        result.posted += 1
        result.held += due > now
    result.too_old += store.note_too_old(db, sub.id, too_old, now=now)


def _refresh(
    db: Database,
    sub: Subscription,
    post: LivePost,
    item: StoryItem,
    now: datetime,
    render: LiveRender,
    result: LiveResult,
) -> None:
    content = content_for(sub, item, render, kind=post.kind)
    if post.kind == "photo" and post.photo_url:
        content = store.LiveContent(
            content.text, content.sources_count, content.summary_hash, "photo", post.photo_url
        )
    done = store.update_live_post(db, sub, post, content, now=now, spacing=EDIT_INTERVAL)
    if done == "edit":
        result.edits += 1
    elif done in ("rewritten", "edit rewritten"):
        result.rewritten += 1
