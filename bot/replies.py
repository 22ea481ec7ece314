"""Every reply the bot writes that is not a digest, story or ledger (those are bot/render.py).

Pure: each function takes values and returns Telegram HTML (a message, or a list of messages
packed by ``render.render_lines``); handlers parse, call, and send what these return. Every
feed- or user-provided string is cleaned and escaped here. Keeping the words in one module is
also what lets them be translated as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from bot.render import clean, escape, format_time, language_name, link, render_lines, truncate
from digests import store
from digests.models import Source, Subscription

if TYPE_CHECKING:
    from bot.jobs import IngestReport

# --- everyone ------------------------------------------------------------------------------

WELCOME = (
    "<b>Hello! I send news digests.</b>\n"
    "I collect articles from news feeds, group reports of the same story from different "
    "sources and summarise each story in a few sentences.\n\n"
    "/latest — the top stories now\n"
    "/search <i>words</i> — find stories\n"
    "/subscribe <i>HH:MM</i> — a digest here every day at your time\n"
    "/allegations <i>name</i> — who is accused of what, and their answers\n"
    "/sources — where the news comes from\n"
    "/help — every command"
)
WELCOME_BUTTONS = ("Latest news", "Daily digest", "All commands")
EXPIRED = "That button has expired. Send the command again."
REFUSAL = "Sorry, that command is for the bot's admins."
APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
PLAIN_TEXT = (
    "I answer commands: try /latest, or /search followed by some words. /help lists them all."
)
NOTHING_TO_SEARCH = "Tell me what to look for."
NO_SOURCES = "No active sources yet."
LATEST_HEADER = "Latest news"
LATEST_MORE_HEADER = "Latest news (continued)"
LATEST_ALLEGATIONS = "Latest allegations"
MOST_ACCUSED = "<b>Most accused in the last 7 days</b>\nPick one, or send /allegations NAME."
NO_MATCHING_STORIES = "No stories match this chat's keywords yet."


def usage(detail: str, usage_line: str) -> str:
    """Return the reply to a command with bad arguments (plain text: no HTML)."""
    if not detail:
        return f"Usage: {usage_line}"
    return f"{truncate(clean(detail, one_line=True), 1000)}\nUsage: {usage_line}"


def give_a_number(maximum: int) -> str:
    """Return the complaint about a count argument out of range."""
    return f"Give a number from 1 to {maximum}."


def help_page(public: Sequence[tuple[str, str]], restricted: Sequence[tuple[str, str]] = ()) -> str:
    """Return /help: (usage, description) of every public command, then admin commands."""

    def line(usage_line: str, description: str) -> str:
        return f"{escape(usage_line)} — {escape(description)}"

    lines = ["<b>Commands</b>", *(line(u, d) for u, d in public)]
    if restricted:
        lines += ["", "<b>Admin commands</b>", *(line(u, d) for u, d in restricted)]
    lines += ["", "Open a story from a digest with its /story_ID link."]
    return "\n".join(lines)


def no_story(story_id: int) -> str:
    """Return the reply for a story id that names no story."""
    return f"No story {story_id}. Send /latest for the current ones."


def unknown_command(command: str) -> str:
    """Return the reply to a command the bot does not have."""
    return f"I don't know {_quote(command, 40)}. Send /help for the list of commands."


def no_allegations(words: str) -> str:
    """Return the reply when the ledger has nothing for the words."""
    return f"No allegations found for “{_quote(words, 100)}”."


def ledger_title(words: str) -> str:
    """Return the heading of the ledger for some words (plain: render escapes it)."""
    return f"Allegations: {words}"


def target_button(name: str, count: int) -> str:
    """Return the label of a most-accused button."""
    return truncate(f"{name} ({count})", 40)


# Inline mode: labels of the button above the results (plain text, one line).
INLINE_NO_STORIES = "No stories yet. Open the bot"


def inline_no_match(words: str) -> str:
    """Return the label shown above no results: nothing matches the words."""
    return f"No stories match “{truncate(clean(words, one_line=True), 40)}”"


def _quote(text: str, limit: int = 200) -> str:
    """Return a user- or feed-provided string cleaned, shortened and escaped for a reply."""
    return escape(truncate(clean(text, one_line=True), limit))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _source_name(source: Source) -> str:
    return escape(truncate(clean(source.title, one_line=True), 80) or source.url)


def source_line(source: Source, now: datetime) -> str:
    """Return one line of /sources: linked name, last update and article count."""
    title = truncate(clean(source.title, one_line=True), 80) or "untitled"
    name = link(title, source.url) if source.kind != "file" else escape(title)
    if source.last_ok:
        when = f"updated {format_time(store.parse_iso(source.last_ok), now)}"
    elif source.kind == "file":
        when = (
            f"added {format_time(store.parse_iso(source.added_at), now)}" if source.added_at else ""
        )
    else:
        when = "not fetched yet"
    items = _plural(source.item_count, "article")
    return f"{source.id}. {name} — {', '.join(p for p in (when, items) if p)}"


def source_list(sources: Sequence[Source], now: datetime) -> list[str]:
    """Return /sources: the active sources, and how many paused ones are not shown."""
    active = [s for s in sources if not s.paused]
    if not active:
        return [NO_SOURCES]
    lines = [source_line(s, now) for s in active]
    if paused := len(sources) - len(active):
        lines.append(f"<i>{_plural(paused, 'paused source')} not shown.</i>")
    return render_lines(lines, header=f"<b>Sources ({len(active)})</b>")


# --- admins --------------------------------------------------------------------------------

ONLY_WEB_URLS = "Only http:// and https:// feed URLs can be added."
FETCHING_ALL = "Fetching every active source…"
SEND_OPML = "Send the OPML file now, as a document."
HOW_TO_IMPORT = "To import sources, send /import, then the OPML file."


def already_a_source(source: Source) -> str:
    """Return the reply to /addsource for a URL that is a source already."""
    return f"Already a source: {source.id}. {_source_name(source)}"


def cannot_add(url: str, error: str) -> str:
    """Return the reply when a feed could not be added."""
    return f"Cannot add {_quote(url, 300)}: {_quote(error, 500)}"


def error_text(error: str) -> str:
    """Return an error message from the pipeline, escaped."""
    return _quote(error, 500)


def source_added(report: IngestReport, items: int) -> str:
    """Return the reply to /addsource: the new source and what its first poll saved."""
    [(source, result)] = report.polls
    lines = [
        f"Added source {source.id}: {_source_name(source)}",
        f"The feed lists {_plural(items, 'item')}.",
    ]
    if result.status == "error":
        lines.append(f"First fetch failed: {_quote(result.error or 'unknown error', 300)}")
    else:
        lines.append(
            f"Saved {_plural(result.new, 'new article')} ({result.duplicates} already known); "
            f"{report.processed.summarised} summarised."
        )
    return "\n".join(lines)


def source_removed(source: Source) -> str:
    """Return the reply to /removesource."""
    return f"Removed source {source.id}: {_source_name(source)}. Its articles stay."


def source_paused(source: Source, *, paused: bool) -> str:
    """Return the reply to /pausesource or /resumesource."""
    return f"{'Paused' if paused else 'Resumed'} source {source.id}: {_source_name(source)}."


def ingest_report(report: IngestReport) -> list[str]:
    """Return /ingest's report: each source's outcome, then the totals."""
    lines = []
    for source, result in report.polls:
        if result.status == "error":
            outcome = f"failed: {_quote(result.error or 'unknown error')}"
        elif result.status == "not_modified":
            outcome = "no change"
        else:
            outcome = f"{result.new} new, {result.duplicates} known"
            if result.replaced:
                outcome += f", {result.replaced} replaced by a fuller copy"
            if result.warning:
                outcome += f" ({_quote(result.warning)})"
        lines.append(f"• {_source_name(source)}: {outcome}")
    done = report.processed
    lines += [
        "",
        f"<b>Total</b>: {len(report.polls)} sources, {report.new} new articles, "
        f"{report.failed} failed.",
        f"{done.clustered} articles grouped into stories, {done.summarised} summarised, "
        f"{done.allegations} checked for allegations.",
    ]
    return render_lines(lines, header="<b>Ingestion</b>")


def statistics(
    counts: dict[str, int],
    unwell: Sequence[Source],
    now: datetime,
    next_ingest: datetime | None = None,
) -> list[str]:
    """Return /stats: counts, the next ingestion, and sources that are paused or failing."""
    lines = [f"{key.replace('_', ' ')}: {value}" for key, value in counts.items()]
    if next_ingest is not None:
        lines.append(f"next ingestion: {format_time(next_ingest, now)}")
    if unwell:
        lines += ["", "<b>Sources needing attention</b>"]
    for source in unwell:
        if source.paused:
            state = "paused"
        elif source.consecutive_errors:
            state = f"{_plural(source.consecutive_errors, 'error')} in a row"
        else:
            state = "fetched with a warning"
        reason = source.pause_reason if source.paused else source.last_error
        detail = f": {_quote(reason)}" if reason else ""
        name = truncate(clean(source.title, one_line=True), 80) or source.url
        lines.append(f"• {source.id}. {link(name, source.url)} — {state}{detail}")
    return render_lines(lines, header="<b>Statistics</b>")


def opml_too_large(limit: int) -> str:
    """Return the reply to an OPML document over the size limit."""
    return f"That file is too large (limit {limit:,} bytes)."


def cannot_import(error: str) -> str:
    """Return the reply to a document that is not OPML."""
    return f"Cannot import: {_quote(error, 500)}"


def imported(file_name: str | None, added: int, present: int, invalid: int) -> str:
    """Return the reply to an OPML import."""
    text = (
        f"Imported {_quote(file_name or 'the file', 100)}: "
        f"{added} added, {present} already present, {invalid} invalid."
    )
    if added:
        text += "\nNew sources are fetched at the next update, or now with /ingest."
    return text


def exported(count: int) -> str:
    """Return the caption of the exported OPML document."""
    return _plural(count, "source")


def admin_error(where: str, detail: str) -> str:
    """Return the message that tells admins an update or a job failed."""
    return f"<b>Error</b> while handling {where}:\n<code>{_quote(detail, 3000)}</code>"


def delivery_failure(chat_id: int, part: int, parts: int, error: str, *, bug: bool) -> str:
    """Return what tells admins a digest message was given up (an incident's detail)."""
    kind = "BUG: Telegram refused a rendered digest" if bug else "Digest delivery failed"
    return (
        f"<b>{kind}</b>\nchat {chat_id}, part {part + 1} of {parts}: "
        f"<code>{_quote(error, 500)}</code>"
    )


# --- incidents (told to admins once when they begin and once when they end) ----------------

INCIDENTS_HEADER = "<b>Bot health</b>"


def source_label(source: Source) -> str:
    """Return a source as incidents name it, "17. Title" (plain text: escaped when shown)."""
    return f"{source.id}. {truncate(clean(source.title, one_line=True), 80) or source.url}"


def source_pause_detail(source: Source) -> str:
    """Return why a source paused itself (plain text)."""
    return source.pause_reason or source.last_error or "repeated failures"


def backlog_detail(waiting: int, oldest: datetime, now: datetime) -> str:
    """Return the outbox's backlog in a few words (plain text)."""
    return f"{_plural(waiting, 'message')} waiting, the oldest queued at {format_time(oldest, now)}"


def incident_line(incident: store.IncidentRecord, *, end: bool, now: datetime) -> str:
    """Return one line telling admins an incident began (or ended), as Telegram HTML."""
    started = escape(format_time(incident.started, now))
    seen = escape(format_time(incident.last_seen, now))
    subject = _quote(incident.subject, 100)
    detail = _quote(incident.detail, 300)
    if incident.kind == "telegram_outage":
        if end:
            again = (
                f"; it failed again {_plural(incident.events - 1, 'time')} in between"
                if incident.events > 1
                else ""
            )
            return (
                f"<b>Telegram outage over</b>: Telegram has answered steadily since {seen} "
                f"(the outage began at {started}{again})."
            )
        return (
            f"<b>Telegram outage</b>: Telegram stopped answering at {started} and every send "
            f"paused until {seen}; queued messages were kept and are going out."
        )
    if incident.kind == "source_paused":
        source_id = incident.key.rpartition(":")[2]
        if end:
            verb = "was removed" if incident.detail == "removed" else "was resumed"
            return f"<b>Source back</b>: {subject} {verb}."
        return (
            f"<b>Source paused</b>: {subject} paused itself ({detail}). "
            f"Send /resumesource {escape(source_id)} once it works again."
        )
    if incident.kind == "backlog":
        if end:
            return f"<b>Delivery backlog cleared</b> (it began at {started}, last seen at {seen})."
        return f"<b>Delivery backlog</b>: {detail}."
    if incident.kind in ("delivery_failed", "delivery_bug"):
        # The detail is the latest failure as delivery_failure wrote it (HTML, bounded).
        if end:
            what = "Reports of refused digests" if incident.kind == "delivery_bug" else "Failures"
            return (
                f"<b>{what} stopped</b>: {_plural(incident.events, 'message')} given up from "
                f"{started} to {seen}; the last:\n{incident.detail}"
            )
        return incident.detail
    state = "over" if end else "began"
    return f"<b>Incident {state}</b>: {_quote(incident.kind, 40)} {subject} {detail}".rstrip()


def incident_report(lines: Sequence[str]) -> list[str]:
    """Return the message(s) telling admins every incident that began or ended."""
    return render_lines(list(lines), header=INCIDENTS_HEADER)


# --- subscriptions -------------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOGGLES = {
    "allegations": "Allegations section",
    "silent": "Silent notification",
    "link_previews": "Link previews",
    "empty_note": "Note when nothing is new",
}
GROUP_ADMINS_ONLY = "Only this group's administrators can change its digest subscription."
NO_SUBSCRIPTION = "This chat has no digest subscription. /subscribe to start one."
NO_SUBSCRIPTION_YET = "This chat has no digest subscription yet. Start with /subscribe."
NO_SUBSCRIPTION_ANY_MORE = "No subscription here any more."
UNSUBSCRIBED = "Unsubscribed. No more digests here; /subscribe to start again."
SAVED = "Saved"
NAME_THE_CHANNEL = "Name the channel as @username (or its numeric id)."
SETTINGS_USAGE = (
    "Settings: time HH:MM, tz ZONE, frequency daily|weekdays|hourly|weekly, stories N, "
    "include|exclude WORDS, languages CODES|all, mode digest|live, pictures off|preview|photo, "
    "quiet HH:MM-HH:MM|off, cap N (1-60 live posts an hour)."
)
SETTINGS_HELP = (
    "\n\nChange by text: <code>/settings time 07:30</code>, <code>/settings tz Europe/Berlin</code>, "
    "<code>/settings include climate energy</code>, <code>/settings exclude sport</code>, "
    "<code>/settings include -</code> to clear, <code>/settings languages ru en</code> "
    "(<code>all</code> to clear), <code>/settings mode live</code>, "
    "<code>/settings pictures photo</code>, <code>/settings quiet 23:00-07:00</code>, "
    "<code>/settings cap 5</code>."
)
MODES = {"digest": "Digest", "live": "Live"}
PICTURES = {
    "off": "off",
    "preview": "the lead story's picture above the digest",
    "photo": "live posts as photos (digests: the picture above)",
}
PICTURE_BUTTONS = {"off": "off", "preview": "preview", "photo": "photo"}


def _quiet(sub: Subscription) -> str:
    if sub.quiet_start and sub.quiet_end:
        return f"{escape(sub.quiet_start)}–{escape(sub.quiet_end)}"
    return "none"


def describe(sub: Subscription) -> str:
    """Return a subscription's settings as Telegram HTML lines."""
    zone = _quote(sub.timezone, 64)
    if sub.mode == "live":
        lines = [
            f"<b>Live:</b> each new story as soon as it is processed, at most "
            f"{sub.hourly_cap} an hour; a story that more outlets report is edited, "
            "not posted again",
            f"<b>Quiet hours:</b> {_quiet(sub)} ({zone})",
        ]
    else:
        when = {
            "daily": f"every day at {sub.time}",
            "weekdays": f"Monday to Friday at {sub.time}",
            "hourly": f"every hour at minute {sub.time[-2:]}",
            "weekly": f"every {WEEKDAYS[sub.weekday % 7]} at {sub.time}",
        }[sub.frequency]
        lines = [
            f"<b>Digest:</b> {escape(when)} ({zone})",
            f"<b>Stories:</b> up to {sub.stories}",
        ]
    if sub.thread_id is not None:
        lines.append("<b>Where:</b> this topic")
    lines += [
        "<b>Only about:</b> "
        + (_quote(", ".join(sub.include), 500) if sub.include else "anything"),
        "<b>Never about:</b> " + (_quote(", ".join(sub.exclude), 500) if sub.exclude else "—"),
        f"<b>Languages:</b> {escape(languages_shown(sub.languages))}",
        f"<b>Pictures:</b> {escape(PICTURES.get(sub.pictures, sub.pictures))}",
    ]
    lines += [
        f"<b>{label}:</b> {'on' if getattr(sub, key) else 'off'}" for key, label in TOGGLES.items()
    ]
    return "\n".join(lines)


def languages_shown(codes: Sequence[str]) -> str:
    """Return a languages filter as /settings shows it: "Russian, English", or "any" (plain)."""
    return ", ".join(language_name(c) for c in codes) if codes else "any"


def unknown_languages(words: Sequence[str], known: Sequence[str]) -> str:
    """Return why /settings languages refused some words, listing the known codes (plain)."""
    listed = ", ".join(f"{c} ({language_name(c)})" for c in known)
    return (
        f"Unknown language: {truncate(clean(', '.join(words), one_line=True), 100)}. "
        f"Known: {listed}. "
        "Send /settings languages all for every language."
    )


def settings_page(sub: Subscription) -> str:
    """Return /settings: the subscription and how to change it by text."""
    return describe(sub) + SETTINGS_HELP


def subscribed(sub: Subscription, *, updated: bool) -> str:
    """Return the reply to /subscribe."""
    verb = "Subscription updated" if updated else "Subscribed"
    return f"<b>{verb}.</b>\n{describe(sub)}\n\n/settings to change, /unsubscribe to stop."


def topic_paused(sub: Subscription, reason: str) -> str:
    """Return the notice, in a forum's general topic, that a topic's subscription paused."""
    kind = "Live posts" if sub.mode == "live" else "Digests"
    return (
        f"<b>{kind} for topic {sub.thread_id} are paused</b>: Telegram refused to post there "
        f"({_quote(reason, 200)}); the topic was closed or deleted. Reopen it and send "
        "/subscribe in it to resume; the other subscriptions of this group go on."
    )


def channel_subscribed(title: str, sub: Subscription) -> str:
    """Return the reply to /subscribe_channel."""
    return f"<b>{_quote(title, 100)} is subscribed.</b>\n{describe(sub)}"


def channel_not_found(name: str) -> str:
    """Return the reply when the bot cannot see the channel."""
    return f"I can't find {_quote(name, 100)}. Add me to the channel as an administrator first."


def not_a_channel(name: str) -> str:
    """Return the reply when the chat named is not a channel."""
    return f"{_quote(name, 100)} is not a channel. In a group, send /subscribe there."


def not_channel_admin(name: str) -> str:
    """Return the reply when the bot is not an administrator of the channel."""
    return (
        f"I am not an administrator of {_quote(name, 100)}. Add me as an administrator "
        "with the right to post messages, then try again."
    )


def cannot_post(name: str) -> str:
    """Return the reply when the bot is an administrator but may not post."""
    return (
        f"I am an administrator of {_quote(name, 100)} but may not post messages. "
        "Give me the “Post messages” right, then try again."
    )


def time_button(sub: Subscription) -> str:
    """Return the label of the time button."""
    return f"Time {sub.time} ▸"


def frequency_button(sub: Subscription) -> str:
    """Return the label of the frequency button."""
    return f"{sub.frequency.capitalize()} ▸"


def zone_button(sub: Subscription) -> str:
    """Return the label of the time-zone button."""
    return f"Zone {sub.timezone} ▸"


def stories_button(sub: Subscription) -> str:
    """Return the label of the stories-per-digest button."""
    return f"Stories: {sub.stories} ▸"


def weekday_button(sub: Subscription) -> str:
    """Return the label of the weekday button (weekly digests)."""
    return f"{WEEKDAYS[sub.weekday % 7]} ▸"


def mode_button(sub: Subscription) -> str:
    """Return the label of the digest/live button."""
    return f"{MODES.get(sub.mode, sub.mode)} ▸"


def pictures_button(sub: Subscription) -> str:
    """Return the label of the pictures button."""
    return f"Pictures: {PICTURE_BUTTONS.get(sub.pictures, sub.pictures)} ▸"


def cap_button(sub: Subscription) -> str:
    """Return the label of the live posts per hour button."""
    return f"At most {sub.hourly_cap}/hour ▸"


def toggle_button(sub: Subscription, key: str) -> str:
    """Return the label of an on/off setting's button."""
    return f"{TOGGLES[key]}: {'on' if getattr(sub, key) else 'off'}"
