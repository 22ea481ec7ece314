"""Plain values passed between the pipeline stages (no I/O, no Telegram)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime

from digests.message import Message


@dataclass(frozen=True, slots=True)
class ArticleIn:
    """An article as parsed from a feed, a web page or a seed file, before it is stored."""

    url: str
    title: str
    text: str
    published: datetime | None = None
    guid: str | None = None
    author: str | None = None
    language: str | None = None
    # True when the text is only a feed teaser and the full page may be worth fetching.
    teaser: bool = False
    # The lead picture (feed media, else the page's og:image), checked by urls.image_url.
    image_url: str | None = None
    # When its outlet last changed it (Atom/RSS updated or modified, JSON Feed date_modified):
    # a later one says the item was updated in place (``dedup.is_update``).
    updated: datetime | None = None
    # The outlet an aggregator's item names (``feeds.item_outlet``): its name and its host
    # (``urls.outlet_host``, None when not named); None: the item is its source's own.
    outlet: str | None = None
    outlet_host: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A row of the sources table.

    ``pause_reason`` and ``last_error`` are English text; ``pause_message`` and
    ``error_message`` the same as messages the bot translates (None for rows written before
    they were kept: the bot then shows the English text, translated when it is a known one).
    """

    id: int
    url: str
    kind: str  # "feed", "page" or "file"
    title: str
    poll_interval: int  # seconds
    etag: str | None = None
    last_modified: str | None = None
    full_text: bool = True
    paused: bool = False
    pause_reason: str | None = None
    last_ok: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    consecutive_errors: int = 0
    next_poll: str | None = None
    weight: float = 1.0
    added_at: str | None = None
    item_count: int = 0
    pause_message: Message | None = None
    error_message: Message | None = None
    folder: str | None = None  # an OPML file's folder it came in ("World / Europe")
    paused_at: str | None = None  # when it was paused (None: not paused, or before this was kept)
    failing_since: str | None = None  # the first failure of its current run of failures
    # Until when its undated items are still its archive (its first polls were cut off).
    archive_until: str | None = None


@dataclass(frozen=True, slots=True)
class SourceAttention:
    """A source an admin should look at (``store.sources_needing_attention``): its state and
    since when (None when not known: an admin's pause has no date kept)."""

    source: Source
    name: str  # its title, else its host
    state: str  # "failing", "warning", "quiet" or "paused"
    since: datetime | None


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article, as the articles table holds it."""

    id: int
    url: str
    title: str
    text: str
    published: datetime
    fetched: datetime
    source_id: int | None = None
    story_id: int | None = None
    guid: str | None = None
    author: str | None = None
    language: str | None = None
    word_count: int = 0
    image_url: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What processing reads of a stored article: its text, headline and language."""

    id: int
    title: str
    text: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterArticle:
    """What clustering reads of an article: its words, time and, once clustered, its story."""

    id: int
    title: str
    text: str
    published: datetime
    story_id: int | None = None
    language: str | None = None
    signature: bytes | None = None  # MinHash, once computed


@dataclass(frozen=True, slots=True)
class StoryCandidate:
    """An indexed article the rewrite matcher may join a new article to."""

    article_id: int
    story_id: int
    terms: str  # the matcher's encoded terms
    norm: float
    signature: bytes | None
    first_seen: datetime  # of its story
    title: str = ""  # its title's terms, space separated
    published: int = 0  # its own publication time, unix seconds (the index keeps it)


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An indexed article of a story, for choosing the story's headline."""

    article_id: int
    title: str
    published: datetime
    terms: str  # the matcher's encoded terms
    title_terms: str  # the title's terms, space separated


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One article of a story as digests read it: with its source and summary."""

    story_id: int
    story_title: str
    article_id: int
    url: str
    title: str
    text: str
    published: datetime
    # The outlet's name: the one its feed named for the item (an aggregator's), else its
    # source's (``store.story_articles``).
    source_title: str = ""
    source_weight: float = 1.0
    summary: str | None = None
    image_url: str | None = None
    language: str | None = None  # ISO 639-1 code, None when unknown
    outlet_host: str = ""  # the named outlet's host ("" when its feed named none)


@dataclass(frozen=True, slots=True)
class SourceLink:
    """An outlet that reported a story, with the article's link.

    ``outlet`` tells outlets apart (``compose.outlet_keys``): its host, else its name in
    lower case; "" counts the name as it is written.
    """

    name: str
    url: str
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class StoryItem:
    """One story of a digest: its lead article, summary and every reporting source."""

    story_id: int
    title: str
    url: str
    source: str
    published: datetime
    summary: str
    sources: tuple[SourceLink, ...] = ()
    score: float = 0.0
    # The lead article's picture, else the first other article's that has one.
    image_url: str | None = None
    language: str | None = None  # the lead article's ISO 639-1 code, None when unknown
    # The ISO 639-1 codes of the story's articles, the lead's first (unknown ones left out).
    languages: tuple[str, ...] = ()

    @property
    def outlets(self) -> int:
        """Return how many outlets reported the story (several links of one outlet are one)."""
        return len({s.outlet or s.name for s in self.sources})

    @property
    def also_reported(self) -> int:
        """Return how many other outlets reported the same story."""
        return max(0, self.outlets - 1)


@dataclass(frozen=True, slots=True)
class Digest:
    """A ranked, filtered page of stories, ready to render."""

    title: str
    generated_at: datetime
    stories: tuple[StoryItem, ...]
    total: int = 0
    offset: int = 0
    # True when the total was counted only up to a cap: then more than total - 1 exist.
    total_capped: bool = False

    @property
    def total_text(self) -> str:
        """Return the total as shown: "1,234", or "500+" for a capped count."""
        return f"{self.total - 1:,}+" if self.total_capped else f"{self.total:,}"

    @property
    def has_more(self) -> bool:
        """Return True when stories beyond this page exist."""
        return self.offset + len(self.stories) < self.total


@dataclass(frozen=True, slots=True)
class ChatDigest:
    """Everything one chat's digest shows: its stories and, if chosen, their allegations.

    ``nothing_new`` marks the one-line note a subscriber may ask for when no story is new.
    """

    digest: Digest
    ledger: tuple[LedgerEntry, ...] = ()
    nothing_new: bool = False


@dataclass(frozen=True, slots=True)
class Response:
    """An answer to an allegation: a denial, refutation, rejection or no comment."""

    sentence: str
    responder: str
    kind: str  # "denial", "refutation", "rejection", "no_comment", ...


@dataclass(frozen=True, slots=True)
class Allegation:
    """Who alleges what against whom, and the answers given."""

    sentence: str
    accuser: str
    target: str
    claim: str
    kind: str  # "allegation", "charge", "lawsuit", "accusation", "claim"
    responses: tuple[Response, ...] = ()
    salience: float = 0.0
    # which reader made it: "" for the rules and clause patterns, "fallback" for the fallback
    # reader of ``digests/allegations/fallback.py`` (looser: the ledger ranks and marks it apart)
    reading: str = ""


@dataclass(frozen=True, slots=True)
class LedgerItem:
    """A stored allegation with the article that made it: its story, link, date and source."""

    allegation: Allegation
    article_id: int  # 0 once retention removed the article (the item keeps the rest)
    story_id: int
    url: str
    published: datetime
    source_title: str = ""
    language: str | None = None  # the article's, as stored with the item


@dataclass(frozen=True, slots=True)
class TargetCount:
    """How many allegations one spelling of a target drew, in articles of one language."""

    target: str
    language: str | None
    count: int
    last: datetime
    certain: int = 0  # of count, the items the clause patterns read (not the fallback reader)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """An allegation as shown in the ledger: with its story, date and every source."""

    allegation: Allegation
    story_id: int
    published: datetime
    sources: tuple[SourceLink, ...] = field(default=())  # the shown report's first

    @property
    def outlet(self) -> str:
        """Return the outlet of the report shown: who reports a claim no one is named making."""
        return self.sources[0].name if self.sources else ""


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """One queued message: where it goes, what it says or changes, how far it has got.

    ``kind`` is "message" (a digest part, a live post, a notice), "photo" (a live post with
    its story as the caption of ``photo_url``) or "edit" (new text for the message
    ``edit_message_id``; with ``photo_url`` set that message is a photo, and the text is its
    new caption).
    """

    id: int
    chat_id: int
    chat_type: str
    digest_key: str  # one digest of one subscription, e.g. "12@2026-11-28T07:00:00+00:00"
    part: int
    parts: int
    text: str
    disable_notification: bool = False
    link_previews: bool = False
    attempts: int = 0
    subscription_id: int | None = None
    thread_id: int | None = None  # the forum topic it goes to (None: the chat itself)
    kind: str = "message"
    story_id: int | None = None  # a live post's (or its edit's) story
    photo_url: str | None = None
    edit_message_id: int | None = None
    # A picture shown as a large link preview above the text (a digest's lead picture).
    preview_url: str | None = None
    created: datetime | None = None  # when it was queued


@dataclass(frozen=True, slots=True)
class LivePost:
    """A story a live subscription posted (or held, or skipped): what it showed, where it is.

    ``state``: "queued" (waiting in the outbox, perhaps held by quiet hours or the hourly
    cap), "sending", "sent" (``message_id`` known), "gone" (the message was deleted in the
    chat: no more edits), "failed" (given up) or "skipped" (held too long: never posted).
    """

    subscription_id: int
    story_id: int
    state: str
    kind: str = "message"  # "message" or "photo": what an edit must change (text or caption)
    outbox_id: int | None = None
    message_id: int | None = None
    photo_url: str | None = None
    preview_url: str | None = None
    due: str | None = None
    sent_at: str | None = None
    last_edit_at: str | None = None
    edits: int = 0
    sources_count: int = 0
    summary_hash: str = ""


@dataclass(frozen=True, slots=True)
class Subscription:
    """A chat's (or a forum topic's) subscription: when, how often, what, and how it is sent."""

    id: int
    chat_id: int
    chat_type: str  # "private", "group", "supergroup" or "channel"
    title: str = ""
    user_id: int | None = None
    time: str = "08:00"  # local HH:MM
    timezone: str = "UTC"
    frequency: str = "daily"  # "daily", "weekdays", "hourly" or "weekly"
    weekday: int = 0  # for weekly: 0 is Monday
    stories: int = 5
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allegations: bool = False
    silent: bool = False
    link_previews: bool = False
    empty_note: bool = False
    active: bool = True
    deactivated_reason: str | None = None
    created: str | None = None
    last_digest_at: str | None = None  # stories newer than this go into the next digest
    last_slot: str | None = None  # the scheduled time (UTC) of the last digest written
    thread_id: int | None = None  # the forum topic it belongs to (None: the whole chat)
    mode: str = "digest"  # "digest" (at its times) or "live" (each story as it is processed)
    quiet_start: str | None = None  # local HH:MM: live posts wait from here ...
    quiet_end: str | None = None  # ... until here (may wrap midnight)
    hourly_cap: int = 10  # live posts per clock hour, at most
    pictures: str = "off"  # "off", "preview" (large link preview) or "photo" (live photo posts)
    paused_at: str | None = None  # set when the bot paused it (its topic closed or deleted)
    live_since: str | None = None  # live mode: stories first seen since then are new to it
    topic_name: str | None = None  # its forum topic's name, as Telegram last said (None: unknown)
    # ISO 639-1 codes: only stories with an article in one of them (empty: every language).
    languages: tuple[str, ...] = ()
    stopped_at: str | None = None  # when it last stopped (deactivated), UTC
    timezone_given: bool = False  # a zone was typed or chosen (not the configured default)
    zone_hinted: bool = False  # the note that times are in the default zone was shown


@dataclass(frozen=True, slots=True)
class ChatLanguage:
    """What the store knows of a chat's language: chosen with /language, and its user's app's."""

    chat_id: int
    chosen: str | None = None  # a code the bot speaks, None until someone chooses one
    client: str | None = None  # a private chat's user's Telegram language_code, as last seen


@dataclass(frozen=True, slots=True)
class PruneCounts:
    """What retention removed, or in a dry run would remove (``digests.retention``)."""

    articles: int = 0  # articles removed
    emptied: int = 0  # old articles kept as a link of a younger story, their text dropped
    stories: int = 0
    summaries: int = 0  # summaries removed or emptied
    search: int = 0  # search entries removed, or cut to the title (emptied articles)
    search_weeks: int = 0  # week tables of the search index dropped whole
    records: int = 0  # records of removed stories: sent to a chat, posted live
    outbox: int = 0  # finished outbox rows
    outbox_texts: int = 0  # texts of finished outbox rows dropped (the rows stay)
    ledger: int = 0  # allegations ledger items
    text_bytes: int = 0  # characters of article text and summaries dropped
    bytes_freed: int = 0  # how much smaller the database file became (0 in a dry run)

    def __add__(self, other: PruneCounts) -> PruneCounts:
        """Return the sum of two counts, field by field."""
        return PruneCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))
