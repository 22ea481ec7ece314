"""Every reply the bot writes that is not a digest, story or ledger (those are bot/render.py).

Pure: each function takes the chat's translator (``bot.i18n.Translator``) and values, and
returns Telegram HTML (a message, or a list of messages packed by ``render.render_lines``) or,
for button labels and notices, plain text; handlers parse, call, and send what these return.
Every feed- or user-provided string is cleaned and escaped here, before it fills a
placeholder of a translated text. Keeping the words in one module is also what lets them be
translated as a whole: every public function here is rendered in every language by the tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from bot.i18n import LANGUAGES, N_, NC_, Translator
from bot.render import bold, clean, escape, language_name, link, render_lines, truncate
from digests import schedule, store
from digests.message import Message
from digests.models import Source, SourceAttention, Subscription
from digests.opml import ImportResult

if TYPE_CHECKING:
    from bot.jobs import IngestReport

# --- everyone ------------------------------------------------------------------------------


def welcome(tr: Translator) -> str:
    """Return /start: what the bot does and the commands to begin with."""
    return tr.gettext(
        "<b>Hello! I send news digests.</b>\n"
        "I collect articles from news feeds, group reports of the same story from different "
        "sources and summarise each story in a few sentences.\n\n"
        "/latest — the top stories now\n"
        "/search <i>words</i> — find stories\n"
        "/subscribe <i>HH:MM</i> — a digest here every day at your time\n"
        "/allegations <i>name</i> — who is accused of what, and their answers\n"
        "/sources — where the news comes from\n"
        "/language — the language I speak here\n"
        "/help — every command"
    )


def welcome_buttons(tr: Translator) -> tuple[str, str, str]:
    """Return the labels of /start's buttons: latest news, daily digest, all commands."""
    return (tr.gettext("Latest news"), tr.gettext("Daily digest"), tr.gettext("All commands"))


def expired(tr: Translator) -> str:
    """Return the answer to a button whose data is no longer understood."""
    return tr.gettext("That button has expired. Send the command again.")


def refusal(tr: Translator) -> str:
    """Return the refusal of an admin command to anyone else."""
    return tr.gettext("Sorry, that command is for the bot's admins.")


def ask_in_private(tr: Translator, command: str, bot_name: str) -> str:
    """Return what a bot admin's /stats or /export sent in a group gets instead: every member
    would see failing sources, their errors and paused ones."""
    return tr.gettext(
        "Send /{command} to me in our private chat, @{bot}: here every member of the group "
        "would see it.",
        command=escape(command),
        bot=escape(bot_name),
    )


def apology(tr: Translator) -> str:
    """Return the apology sent when handling an update failed (plain text)."""
    return tr.gettext("Sorry, something went wrong on my side. Please try again in a moment.")


def plain_text(tr: Translator) -> str:
    """Return the answer to a private message that is not a command."""
    return tr.gettext(
        "I answer commands: try /latest, or /search followed by some words. /help lists them all."
    )


def nothing_to_search(tr: Translator) -> str:
    """Return the complaint about /search without words."""
    return tr.gettext("Tell me what to look for.")


def no_sources(tr: Translator) -> str:
    """Return /sources when no source is active."""
    return tr.gettext("No active sources yet.")


def latest_header(tr: Translator, *, more: bool = False) -> str:
    """Return the heading of /latest (plain: render escapes it), or of a later page."""
    return tr.gettext("Latest news (continued)") if more else tr.gettext("Latest news")


def latest_allegations(tr: Translator) -> str:
    """Return the heading of the ledger shown by /allegations when no target stands out."""
    return tr.gettext("Latest allegations")


def most_accused(tr: Translator) -> str:
    """Return the text above the most-accused buttons of /allegations."""
    return tr.gettext(
        "<b>Most accused in the last 7 days</b>\nPick one, or send /allegations NAME."
    )


def no_matching_stories(tr: Translator, sub: Subscription) -> str:
    """Return /digest when no story passes the chat's filters (it shows the top stories
    when nothing is new): naming its keywords, its languages, both, or none (no story at
    all)."""
    if (sub.include or sub.exclude) and sub.languages:
        # Keywords alone were named: a story that matched them, in a language left out,
        # read as if the keywords were wrong.
        return tr.gettext("No stories match this chat's keywords in its languages yet.")
    if sub.include or sub.exclude:
        return tr.gettext("No stories match this chat's keywords yet.")
    if sub.languages:
        return tr.gettext("No stories in this chat's languages yet.")
    return tr.gettext("No stories yet. Check back after the next update.")


def more_button(tr: Translator) -> str:
    """Return the label of the button that sends the next page."""
    return tr.gettext("More ▸")


def usage(tr: Translator, detail: str, usage_line: str) -> str:
    """Return the reply to a command with bad arguments (plain text: no HTML)."""
    usage_line = truncate(usage_line, 1000)
    if not detail:
        return tr.gettext("Usage: {usage}", usage=usage_line)
    shown = truncate(clean(detail, one_line=True), 1000)
    return tr.gettext("{problem}\nUsage: {usage}", problem=shown, usage=usage_line)


def give_a_number(tr: Translator, maximum: int) -> str:
    """Return the complaint about a count argument out of range."""
    return tr.gettext("Give a number from 1 to {maximum}.", maximum=tr.number(maximum))


def schedule_problem(tr: Translator, problem: schedule.ScheduleError) -> str:
    """Return what was wrong with a time, time zone, frequency or quiet hours (plain text)."""
    error = problem
    value = truncate(clean(error.value, one_line=True), 100)
    if error.kind == "not_a_time":
        return tr.gettext("“{value}” is not a time: use HH:MM, e.g. 08:00 or 18:30", value=value)
    if error.kind == "not_a_time_of_day":
        return tr.gettext("“{value}” is not a time of day: hours 0-23, minutes 0-59", value=value)
    if error.kind == "unknown_zone":
        return tr.gettext(
            "Unknown time zone “{value}”: use an IANA name like Europe/Berlin, "
            "America/New_York or Asia/Kolkata",
            value=value,
        )
    if error.kind == "zone_offset":
        return tr.gettext(
            "“{value}” is an offset, not a time zone: it knows no daylight saving. "
            "Use an IANA name like Europe/Berlin, America/New_York or Asia/Kolkata",
            value=value,
        )
    if error.kind == "zone_abbreviation":
        return tr.gettext(
            "“{value}” is an abbreviation, not a time zone: it names several places or none. "
            "Use an IANA name like Europe/Berlin, America/New_York or Asia/Kolkata",
            value=value,
        )
    if error.kind == "unknown_frequency":
        return tr.gettext(
            "Unknown frequency “{value}”: use {choices}",
            value=value,
            choices=", ".join(schedule.FREQUENCIES),
        )
    if error.kind == "quiet_same":
        return tr.gettext("Quiet hours must end at another time than they start")
    return str(error)


# What /subscribe was given twice (its arguments, or a day beside another frequency).
TWO_GIVEN = {
    "time": N_("Two times given: {values}"),
    "zone": N_("Two time zones given: {values}"),
    "frequency": N_("Two frequencies given: {values}"),
    "day": N_("Two days given: {values}"),
    "day_frequency": N_("A day goes with a weekly digest, not with: {values}"),
    "mode": N_("Both modes given: {values}"),
}


def two_given(tr: Translator, what: str, values: Sequence[str]) -> str:
    """Return what is wrong with /subscribe arguments naming two of one setting (plain text)."""
    shown = tr.join(truncate(clean(value, one_line=True), 60) for value in values)
    return tr.gettext(TWO_GIVEN[what], values=shown)


def help_page(
    tr: Translator, public: Sequence[tuple[str, str]], restricted: Sequence[tuple[str, str]] = ()
) -> str:
    """Return /help: (usage, description) of every public command, then admin commands."""

    def line(usage_line: str, description: str) -> str:
        return f"{tr.line_start}{tr.commands(escape(usage_line))} — {escape(description)}"

    lines = [bold(tr.gettext("Commands")), *(line(u, d) for u, d in public)]
    if restricted:
        lines += [
            "",
            bold(tr.gettext("Admin commands")),
            *(line(u, d) for u, d in restricted),
        ]
    lines += ["", tr.gettext("Open a story from a digest with its /story_ID link.")]
    return "\n".join(lines)


def no_story(tr: Translator, story_id: int) -> str:
    """Return the reply for a story id that names no story."""
    # The id is read, not typed back: in the language's digits ("۹۹"), as the user may type it.
    return tr.gettext(
        "No story {id}. Send /latest for the current ones.", id=tr.digits(str(story_id))
    )


def unknown_command(tr: Translator, command: str) -> str:
    """Return the reply to a command the bot does not have."""
    return tr.gettext(
        "I don't know {command}. Send /help for the list of commands.",
        command=_quote(command, 40),
    )


def no_allegations(tr: Translator, words: str) -> str:
    """Return the reply when the ledger has nothing for the words."""
    return tr.gettext("No allegations found for “{words}”.", words=_quote(words, 100))


# The languages /allegations names as not read yet: the first few, by their articles found.
_UNREAD_LANGUAGES_SHOWN = 5


def no_allegations_read(tr: Translator, words: str, languages: Sequence[str]) -> str:
    """Return the reply when the ledger has nothing for the words but articles naming them are
    in languages whose allegations are not read yet: saying only "none found" would tell the
    reader the name is free of allegations."""
    shown = languages[:_UNREAD_LANGUAGES_SHOWN]
    names = escape(truncate(clean(tr.join(language_name(tr, code) for code in shown)), 200))
    return (
        no_allegations(tr, words)
        + "\n"
        + tr.ngettext(
            "Allegations are not read yet in articles in this language: {names}.",
            "Allegations are not read yet in articles in these languages: {names}.",
            len(shown),
            names=names,
        )
    )


def ledger_title(tr: Translator, words: str) -> str:
    """Return the heading of the ledger for some words (plain: render escapes it)."""
    return tr.gettext("Allegations: {words}", words=truncate(clean(words, one_line=True), 100))


# What a button's text may hold on a phone before Telegram cuts it ("Avviso quando non c'è
# nulla di…"): 32 characters alone on its row, 21 each when two share one.
BUTTON_WIDTH = 32
SHARED_BUTTON_WIDTH = 21


def target_button(tr: Translator, name: str, count: int) -> str:
    """Return the label of a most-accused button, alone on its row: the name shortened so
    that the label fits a phone (``BUTTON_WIDTH``) with its count."""
    shown = f" ({tr.number(count)})"
    return truncate(name, BUTTON_WIDTH - len(shown)) + shown


# Inline mode: labels of the button above the results (plain text, one line).


def inline_no_stories(tr: Translator) -> str:
    """Return the label shown above no results when there are no stories at all."""
    return tr.gettext("No stories yet. Open the bot")


def inline_no_match(tr: Translator, words: str) -> str:
    """Return the label shown above no results: nothing matches the words."""
    shown = truncate(clean(words, one_line=True), 40)
    return tr.gettext("No stories match “{words}”", words=shown)


# --- the chat's language ------------------------------------------------------------------


def language_page(tr: Translator) -> str:
    """Return /language: the chat's language now, and how to change it."""
    codes = tr.join(LANGUAGES)
    return tr.gettext(
        "<b>Language: {name}</b>\nPick the language I speak in this chat, or send "
        "<code>/language CODE</code> ({codes}).",
        name=escape(tr.name),
        codes=codes,
    )


def language_set(tr: Translator) -> str:
    """Return the confirmation, in the new language, that the chat's language changed. The
    language is named as a sentence names it ("Je parle désormais français ici."), not as a
    button or a heading does ("Français")."""
    return tr.gettext("I speak {name} here now.", name=escape(tr.language_name(tr.language)))


def unknown_language(tr: Translator, code: str) -> str:
    """Return the complaint about a language the bot does not speak (plain text)."""
    return tr.gettext(
        "I don't speak “{code}”. Choose one of: {codes}.",
        code=truncate(clean(code, one_line=True), 20),
        codes=tr.join(LANGUAGES),
    )


def language_admins_only(tr: Translator) -> str:
    """Return the refusal of a language change by someone who is not a chat admin."""
    return tr.gettext("Only this chat's administrators can change its language.")


# --- sources -------------------------------------------------------------------------------


# A keyword with a space or a list's separator in it was typed as a "quoted phrase".
_PHRASE_MARKS = re.compile(r"[\s,،;]")


def _keywords(tr: Translator, words: Sequence[str]) -> str:
    """Return keywords as a list, each phrase in quotes as it is typed ("a, b" is one keyword,
    not two), plain text."""
    return tr.join(f'"{word}"' if _PHRASE_MARKS.search(word) else word for word in words)


def _quote(text: str, limit: int = 200) -> str:
    """Return a user- or feed-provided string cleaned, shortened and escaped for a reply."""
    return escape(truncate(clean(text, one_line=True), limit))


def _plain_name(source: Source) -> str:
    return truncate(clean(source.title, one_line=True), 80) or source.url


def _source_name(source: Source) -> str:
    return escape(_plain_name(source))


def source_line(tr: Translator, source: Source, now: datetime, *, marked: bool = False) -> str:
    """Return one line of /sources: linked name, last update and article count; ``marked``:
    "paused" first when it is (an admin's list shows paused sources too)."""
    title = truncate(clean(source.title, one_line=True), 80) or tr.gettext("untitled")
    name = link(title, source.url) if source.kind != "file" else escape(title)
    if source.last_ok:
        when = tr.gettext("updated {time}", time=tr.time(store.parse_iso(source.last_ok), now))
    elif source.kind == "file":
        added = store.parse_iso(source.added_at) if source.added_at else None
        when = tr.gettext("added {time}", time=tr.time(added, now)) if added else ""
    elif source.consecutive_errors:
        when = tr.gettext("last fetch failed")
    else:
        when = tr.gettext("not fetched yet")
    count = source.item_count
    items = tr.ngettext("{count} article", "{count} articles", count, count=tr.number(count))
    state = tr.gettext("paused") if marked and source.paused else ""
    details = tr.join(p for p in (state, when, items) if p)
    return f"{tr.line_start}{source.id}. {name} — {details}"


# Sources on one page of /sources: 30 lines of at most ~130 characters fit one message.
SOURCES_PAGE = 30


def source_list(
    tr: Translator,
    sources: Sequence[Source],
    now: datetime,
    offset: int = 0,
    page: int | None = None,
) -> list[str]:
    """Return /sources: the active sources (``page`` of them from ``offset``; None: all), and
    on the last page how many paused ones are not shown; a later page's header "(continued)"."""
    active = [s for s in sources if not s.paused]
    if not active:
        return [no_sources(tr)]
    end = len(active) if page is None else offset + page
    lines = [source_line(tr, s, now) for s in active[offset:end]]
    if end >= len(active) and (paused := len(sources) - len(active)):
        shown = tr.ngettext(
            "{count} paused source not shown.",
            "{count} paused sources not shown.",
            paused,
            count=tr.number(paused),
        )
        lines.append(f"<i>{shown}</i>")
    return render_lines(tr, lines, header=_sources_header(tr, len(active), offset))


def _sources_header(tr: Translator, count: int, offset: int) -> str:
    """Return a /sources page's header: "Sources (12)", "(continued)" after the first page."""
    header = "<b>{}</b>".format(tr.gettext("Sources ({count})", count=tr.number(count)))
    return tr.gettext("{heading} (continued)", heading=header) if offset else header


def admin_source_list(
    tr: Translator, sources: Sequence[Source], now: datetime, offset: int, page: int
) -> list[str]:
    """Return an admin's /sources: every source, paused ones marked, ``page`` of them from
    ``offset``, and how to open one (its number's button); a later page's header
    "(continued)"."""
    if not sources:
        return [no_sources(tr)]
    lines = [source_line(tr, s, now, marked=True) for s in sources[offset : offset + page]]
    hint = tr.gettext("Press a source’s number to see it, pause, resume or remove it.")
    lines.append(f"<i>{escape(hint)}</i>")
    return render_lines(tr, lines, header=_sources_header(tr, len(sources), offset))


# --- an admin's card of one source ---------------------------------------------------------


def _card_line(tr: Translator, label: str, value: str) -> str:
    """Return "Label: value" (value already HTML) as the language writes the colon."""
    return f"{tr.line_start}{escape(tr.labelled(label))} {value}"


def _source_state(tr: Translator, source: Source, now: datetime) -> str:
    """Return a source's state in words, plain text: paused (since when, why), failing (since
    when, how many times), or active."""
    if source.paused:
        since = store.parse_iso(source.paused_at) if source.paused_at else None
        state = (
            tr.gettext("paused since {time}", time=tr.time(since, now))
            if since
            else tr.gettext("paused")
        )
        why = _source_problem(tr, source, paused=True)
        return f"{state} ({why})" if why else state
    if errors := source.consecutive_errors:
        since = store.parse_iso(source.failing_since) if source.failing_since else None
        state = (
            tr.gettext("failing since {time}", time=tr.time(since, now))
            if since
            else tr.gettext("failing")
        )
        count = tr.ngettext(
            "{count} error in a row", "{count} errors in a row", errors, count=tr.number(errors)
        )
        return f"{state} ({count})"
    return tr.gettext("active")


def source_card(tr: Translator, source: Source, now: datetime, recent: int) -> str:
    """Return an admin's card of one source: name, address, folder, state, last success,
    articles (``recent``: saved in the last 7 days) and last error in words."""
    if source.kind == "file":
        address = escape(truncate(clean(source.url, one_line=True), 300))
    else:
        address = link(truncate(clean(source.url, one_line=True), 300), source.url)
    folder = clean(source.folder or "", one_line=True)
    if source.last_ok:
        success = escape(tr.time(store.parse_iso(source.last_ok), now))
    else:
        success = escape(tr.gettext("never"))
    stored = tr.ngettext(
        "{count} stored", "{count} stored", source.item_count, count=tr.number(source.item_count)
    )
    lately = tr.ngettext(
        "{count} in the last 7 days",
        "{count} in the last 7 days",
        recent,
        count=tr.number(recent),
    )
    error = None
    if source.error_message or source.last_error:
        error = _quote(tr.message(source.error_message or Message(source.last_error or "")), 500)
        if source.last_error_at:
            error += f" ({escape(tr.time(store.parse_iso(source.last_error_at), now))})"
    lines = [
        f"<b>{source.id}. {_source_name(source)}</b>",
        _card_line(tr, tr.gettext("Address"), address),
        _card_line(
            tr, tr.gettext("Folder"), _quote(folder) if folder else escape(tr.gettext("no folder"))
        ),
        _card_line(tr, tr.gettext("State"), _quote(_source_state(tr, source, now), 700)),
        _card_line(tr, tr.gettext("Last success"), success),
        _card_line(tr, tr.gettext("Articles"), escape(tr.join((stored, lately)))),
        _card_line(tr, tr.gettext("Last error"), error or escape(tr.gettext("no error"))),
    ]
    return "\n".join(lines)


def confirm_removal(tr: Translator, source: Source) -> str:
    """Return the question before a source is removed: what goes (its polling) and what
    stays (its stored articles, as ``store.remove_source`` keeps them)."""
    count = source.item_count
    lines = [
        bold(tr.gettext("Remove source {id}: {name}?", id=source.id, name=_plain_name(source))),
        escape(
            tr.gettext("It has no stored articles.")
            if count == 0
            else tr.ngettext(
                "Its {count} stored article stays, under its name, in stories and search, "
                "until it is old enough to be pruned like any other.",
                "Its {count} stored articles stay, under its name, in stories and search, "
                "until they are old enough to be pruned like any other.",
                count,
                count=tr.number(count),
            )
        ),
        escape(tr.gettext("It is no longer fetched; /addsource adds it again.")),
    ]
    if source.kind == "file":
        lines.insert(
            2,
            escape(
                tr.gettext("A local folder’s articles are kept for good only while it is a source.")
            ),
        )
    return "\n".join(lines)


def source_buttons(tr: Translator) -> tuple[str, str, str, str]:
    """Return the labels of a source card's buttons: pause, resume, remove, back to the list."""
    return (
        tr.gettext("Pause"),
        tr.gettext("Resume"),
        tr.gettext("Remove"),
        tr.gettext("← Back to the list"),
    )


def confirm_buttons(tr: Translator) -> tuple[str, str]:
    """Return the labels of the removal question's buttons: remove, keep it."""
    return (tr.gettext("Yes, remove it"), tr.gettext("No, keep it"))


def buttons_refused(tr: Translator) -> str:
    """Return the answer to a source button pressed by someone not in ADMIN_IDS."""
    return tr.gettext("Sorry, these buttons are for the bot's admins.")


def already_removed(tr: Translator, source_id: int) -> str:
    """Return the answer to a button of a source removed meanwhile."""
    return tr.gettext("Source {id} was already removed.", id=source_id)


def pause_answer(tr: Translator, *, paused: bool, changed: bool) -> str:
    """Return the answer to a Pause or Resume button: done, or nothing to do."""
    if changed:
        return tr.gettext("Paused.") if paused else tr.gettext("Resumed.")
    if paused:
        return tr.gettext("It was already paused.")
    return tr.gettext("It was not paused, and polled without errors.")


# --- admins --------------------------------------------------------------------------------


def only_web_urls(tr: Translator) -> str:
    """Return the refusal of a feed URL that is not http(s)."""
    return tr.gettext("Only http:// and https:// feed URLs can be added.")


def too_many_at_once(tr: Translator, limit: int) -> str:
    """Return the refusal of /addsource with more addresses than it adds at once (plain text,
    above the usage line)."""
    return tr.ngettext(
        "Up to {count} addresses at once; for more, send an OPML file with /import.",
        "Up to {count} addresses at once; for more, send an OPML file with /import.",
        limit,
        count=tr.number(limit),
    )


def url_with_space(tr: Translator, typed: str) -> str:
    """Return the refusal of /addsource when the link was typed with a space in it (plain
    text, above the usage line)."""
    return tr.gettext(
        "A web address has no spaces: “{typed}” is no address.",
        typed=truncate(clean(typed, one_line=True), 300),
    )


def no_credentials(tr: Translator) -> str:
    """Return the refusal of a feed address with a user name or password in it."""
    return tr.gettext(
        "Feeds behind a password cannot be added: a user name or password in the address "
        "would show in /sources, in exports and in logs. Nothing was added."
    )


def fetching_all(tr: Translator) -> str:
    """Return the note sent while /ingest runs."""
    return tr.gettext("Fetching every active source…")


def send_opml(tr: Translator) -> str:
    """Return the answer to /import without a document."""
    return tr.gettext("Send the OPML file now, as a document.")


def how_to_import(tr: Translator) -> str:
    """Return the answer to a document sent without /import."""
    return tr.gettext("To import sources, send /import, then the OPML file.")


def already_a_source(tr: Translator, source: Source) -> str:
    """Return the reply to /addsource for a URL that is a source already."""
    return tr.gettext("Already a source: {id}. {name}", id=source.id, name=_source_name(source))


def cannot_add(tr: Translator, url: str, error: Message) -> str:
    """Return the reply when a feed could not be added."""
    return tr.gettext(
        "Cannot add {url}: {error}", url=_quote(url, 300), error=_quote(_problem(tr, error), 500)
    )


def error_text(tr: Translator, error: Message) -> str:
    """Return an error message from the pipeline, translated and escaped."""
    return _quote(_problem(tr, error), 500)


def _problem(tr: Translator, error: Message | None) -> str:
    """Return a pipeline error in the chat's language (plain text), "unknown error" for none."""
    text = tr.message(error) if error is not None else ""
    return text if text.strip() else tr.gettext("unknown error")


def _source_problem(tr: Translator, source: Source, *, paused: bool) -> str | None:
    """Return why a source is paused (with paused), else its last error, or None (plain text).

    Rows stored before messages were kept have only the English text: it is looked up in
    the catalog as it is, so a known text without values is still translated.
    """
    if paused and (source.pause_message or source.pause_reason):
        return tr.message(source.pause_message or Message(source.pause_reason or ""))
    if source.error_message or source.last_error:
        return tr.message(source.error_message or Message(source.last_error or ""))
    return None


# The other feeds a page names that the reply to /addsource lists.
OTHER_FEEDS_SHOWN = 5


def source_added(
    tr: Translator,
    report: IngestReport,
    items: int,
    *,
    found: str | None = None,
    moved: str | None = None,
    others: Sequence[str] = (),
) -> str:
    """Return the reply to /addsource: the new source and what its first poll saved;
    ``found``, the feed's URL when the URL given was a page naming it (``others``, the other
    feeds it names, the first ``OTHER_FEEDS_SHOWN``); ``moved``, when the URL given redirects
    there for good."""
    [(source, result)] = report.polls
    lines = [
        tr.gettext("Added source {id}: {name}", id=source.id, name=_source_name(source)),
        tr.ngettext(
            "The feed lists {count} item.",
            "The feed lists {count} items.",
            items,
            count=tr.number(items),
        ),
    ]
    if found is not None:
        lines.insert(1, tr.gettext("The page names its feed: {url}", url=_quote(found, 300)))
        if others:
            listed = [_quote(url, 300) for url in others[:OTHER_FEEDS_SHOWN]]
            if len(others) > OTHER_FEEDS_SHOWN:
                listed.append("…")
            lines.insert(
                2,
                tr.ngettext(
                    "It names {count} other feed too (/addsource it to add it): {urls}",
                    "It names {count} other feeds too (/addsource one to add it): {urls}",
                    len(others),
                    count=tr.number(len(others)),
                    urls=tr.join(listed),
                ),
            )
    if moved is not None:
        lines.insert(1, tr.gettext("The feed has moved for good to: {url}", url=_quote(moved, 300)))
    if result.status == "error":
        error = _quote(_problem(tr, result.error), 300)
        lines.append(tr.gettext("First fetch failed: {error}", error=error))
    else:
        lines.append(
            tr.ngettext(
                "Saved {count} new article ({known} already known); {summarised} summarised.",
                "Saved {count} new articles ({known} already known); {summarised} summarised.",
                result.new,
                count=tr.number(result.new),
                known=tr.number(result.duplicates),
                summarised=tr.number(report.processed.summarised),
            )
        )
        if result.warning:
            lines[-1] += f" ({_quote(tr.message(result.warning))})"
    return "\n".join(lines)


def source_removed(tr: Translator, source: Source) -> str:
    """Return the reply to /removesource."""
    return tr.gettext(
        "Removed source {id}: {name}. Its articles stay.", id=source.id, name=_source_name(source)
    )


def source_paused(tr: Translator, source: Source, *, paused: bool, unchanged: bool = False) -> str:
    """Return the reply to /pausesource or /resumesource; ``unchanged``: it already was."""
    if unchanged and paused:
        why = _quote(_source_problem(tr, source, paused=True) or tr.gettext("unknown error"))
        return tr.gettext(
            "Source {id} is already paused: {name} ({reason}).",
            id=source.id,
            name=_source_name(source),
            reason=why,
        )
    if unchanged:
        return tr.gettext(
            "Source {id} is not paused, and polled without errors: {name}.",
            id=source.id,
            name=_source_name(source),
        )
    if paused:
        return tr.gettext("Paused source {id}: {name}.", id=source.id, name=_source_name(source))
    return tr.gettext("Resumed source {id}: {name}.", id=source.id, name=_source_name(source))


def ingest_report(tr: Translator, report: IngestReport, *, each_source: bool = True) -> list[str]:
    """Return /ingest's report: each source's outcome (unless ``each_source`` is false: in a
    group, where every member would see the errors), then the totals."""
    lines = []
    for source, result in report.polls if each_source else ():
        if result.status == "error":
            error = _quote(_problem(tr, result.error))
            outcome = tr.gettext("failed: {error}", error=error)
        elif result.status == "not_modified":
            outcome = tr.gettext("no change")
        else:
            outcome = tr.gettext(
                "{new} new, {known} known",
                new=tr.number(result.new),
                known=tr.number(result.duplicates),
            )
            if result.replaced:
                outcome += tr.gettext(
                    ", {count} replaced by a newer or fuller version",
                    count=tr.number(result.replaced),
                )
            if result.warning:
                outcome += f" ({_quote(tr.message(result.warning))})"
        lines.append(f"{tr.line_start}• {tr.labelled(_source_name(source))} {outcome}")
    done = report.processed
    lines += [
        "",
        tr.gettext(
            "<b>Total</b>: sources: {sources}, new articles: {new}, failed: {failed}.",
            sources=tr.number(len(report.polls)),
            new=tr.number(report.new),
            failed=tr.number(report.failed),
        ),
        tr.gettext(
            "Articles grouped into stories: {clustered}, summarised: {summarised}, "
            "checked for allegations: {checked}.",
            clustered=tr.number(done.clustered),
            summarised=tr.number(done.summarised),
            checked=tr.number(done.allegations),
        ),
    ]
    return render_lines(tr, lines, header=bold(tr.gettext("Ingestion")))


# /stats: what each count is called (a count not listed shows its key).
STAT_LABELS = {
    "sources": N_("sources"),
    "sources_paused": N_("sources paused"),
    "sources_failing": N_("sources failing"),
    "articles": N_("articles"),
    "articles_24h": N_("articles 24h"),
    "stories": N_("stories"),
    "summaries": N_("summaries"),
    "allegations": N_("allegations"),
    "subscribers_private": N_("subscribers private"),
    "subscribers_group": N_("subscribers group"),
    "subscribers_channel": N_("subscribers channel"),
    "deactivated_chats": N_("deactivated chats"),
    "unsubscribed": N_("unsubscribed"),
    "paused_topics": N_("paused topics"),
    # TRANSLATORS: of the paused topics, how many /stats did not ask
    # Telegram about this time (whether the topic was deleted since);
    # a later /stats asks about them.
    "paused_topics_unchecked": N_("paused topics not checked"),
    "deleted_topics": N_("deleted topics"),
    "waiting_for_rights": N_("chats waiting for the right to post"),
    "waited_too_long": N_("chats that waited too long to post"),
    "deliveries_sent_24h": N_("deliveries sent 24h"),
    "deliveries_failed_24h": N_("deliveries failed 24h"),
    "deliveries_waiting": N_("deliveries waiting now"),
    # TRANSLATORS: stories not posted to live subscriptions in the last 24
    # hours because their newest article was published more than a day
    # before (a source added with its archive).
    "live_too_old_24h": N_("live stories too old to post 24h"),
    # TRANSLATORS: stories not posted to live subscriptions in the last 24 hours
    # because the subscription's quiet hours and hourly cap held them for more
    # than 12 hours.
    "live_skipped_24h": N_("live stories held too long, skipped 24h"),
}


# Sources /stats names (failing first): when every source fails at once (the bot's host lost
# its network), naming each of hundreds took a dozen messages; `newsbot stats` names them all.
ATTENTION_SHOWN = 20


def statistics(
    tr: Translator,
    counts: dict[str, int],
    unwell: Sequence[SourceAttention],
    now: datetime,
    next_ingest: datetime | None = None,
    failures: Sequence[tuple[str, int]] = (),
) -> list[str]:
    """Return /stats: counts, the next ingestion, why deliveries failed (Telegram's words and
    how many), and the first ``ATTENTION_SHOWN`` sources needing attention in the order given
    (``store.sources_needing_attention``: failing first), by name, each with its state, since
    when and why, then how many there are."""
    lines = []
    for key, value in counts.items():
        label = STAT_LABELS.get(key)
        shown = tr.gettext(label) if label else key.replace("_", " ")
        lines.append(f"{tr.line_start}{tr.labelled(shown)} {tr.number(value)}")
    if next_ingest is not None:
        when = tr.time(next_ingest, now)
        lines.append(tr.line_start + tr.gettext("next ingestion: {time}", time=when))
    if failures:
        lines += ["", bold(tr.gettext("Why deliveries failed (24 h)"))]
    for why, count in failures:
        cause = _quote(why) or escape(tr.gettext("unknown error"))
        lines.append(f"{tr.line_start}• {cause}: {tr.number(count)}")
    if unwell:
        lines += ["", bold(tr.gettext("Sources needing attention"))]
    for item in unwell[:ATTENTION_SHOWN]:
        source = item.source
        reason = _source_problem(tr, source, paused=source.paused)
        if item.state == "quiet":
            reason = None  # an old error of a source polled well since says nothing now
        detail = f": {_quote(reason)}" if reason else ""
        name = truncate(clean(item.name, one_line=True), 80)
        shown = link(name, source.url) if source.kind != "file" else escape(name)
        lines.append(
            f"{tr.line_start}• {shown} — {escape(_attention_state(tr, item, now))}{detail}"
        )
    if len(unwell) > ATTENTION_SHOWN:
        shown = tr.gettext(
            "Showing {first}–{last} of {total}.",
            first=tr.number(1),
            last=tr.number(ATTENTION_SHOWN),
            total=tr.number(len(unwell)),
        )
        lines.append(tr.line_start + escape(shown))
    return render_lines(tr, lines, header=bold(tr.gettext("Statistics")))


def _attention_state(tr: Translator, item: SourceAttention, now: datetime) -> str:
    """Return a source's state in /stats: "3 errors in a row, no success since 2 Mar 14:05
    UTC" (or "never succeeded (added ...)"), "paused since ...", "no new article since ..."
    (plain text)."""
    source = item.source
    since = tr.time(item.since, now) if item.since is not None else ""
    if item.state == "failing":
        errors = source.consecutive_errors
        state = (
            tr.gettext("paused")
            if source.paused
            else tr.ngettext(
                "{count} error in a row", "{count} errors in a row", errors, count=tr.number(errors)
            )
        )
        if source.last_ok is None:
            # TRANSLATORS: {state}: "3 errors in a row" or "paused"; the source has not
            # fetched well once since it was added at {time} ("2 Mar 14:05 UTC").
            if since:
                return tr.gettext(
                    "{state}, never succeeded (added {time})", state=state, time=since
                )
            # TRANSLATORS: {state}: "3 errors in a row" or "paused"; never fetched well.
            return tr.gettext("{state}, never succeeded", state=state)
        # TRANSLATORS: {state}: "3 errors in a row" or "paused"; {time}: when the
        # source last fetched well ("2 Mar 14:05 UTC").
        return (
            tr.gettext("{state}, no success since {time}", state=state, time=since)
            if since
            else state
        )
    if item.state == "warning":
        # TRANSLATORS: the source's latest fetch worked, but its feed had errors.
        return tr.gettext("fetched with a warning at {time}", time=since)
    if item.state == "quiet":
        # TRANSLATORS: fetched without errors, but nothing new since {time}.
        return tr.gettext("no new article since {time}", time=since)
    return tr.gettext("paused since {time}", time=since) if since else tr.gettext("paused")


def cannot_import(tr: Translator, error: Message) -> str:
    """Return the reply to a document that is not OPML."""
    return tr.gettext("Cannot import: {error}", error=_quote(_problem(tr, error), 500))


IMPORT_REFUSALS_SHOWN = 5  # refused addresses listed in an import's reply, each with why


def imported(
    tr: Translator, file_name: str | None, done: ImportResult, *, listed: bool = True
) -> str:
    """Return the reply to an OPML import: the counts, then the first refused addresses and why
    and the entries with only a site's address (not ``listed``: in a group, counts only)."""
    name = _quote(file_name, 100) if file_name else tr.gettext("the file")
    text = tr.gettext(
        "Imported {name}: {added} added, {present} already present, {refused} refused.",
        name=name,
        added=tr.number(done.added),
        present=tr.number(done.present),
        refused=tr.number(len(done.refused)),
    )
    shown = IMPORT_REFUSALS_SHOWN if listed else 0
    for url, reason in done.refused[:shown]:
        text += "\n" + tr.gettext(
            "Refused {url}: {reason}", url=_quote(url, 200), reason=error_text(tr, reason)
        )
    if listed and (more := len(done.refused) - IMPORT_REFUSALS_SHOWN) > 0:
        text += "\n" + tr.ngettext(
            "and {count} more refused", "and {count} more refused", more, count=tr.number(more)
        )
    if done.sites:
        text += "\n" + tr.ngettext(
            "{count} entry has only a site's address, no feed: not added (/addsource with"
            " the site's address adds the feed it names).",
            "{count} entries have only a site's address, no feed: not added (/addsource"
            " with the site's address adds the feed it names).",
            len(done.sites),
            count=tr.number(len(done.sites)),
        )
        text += _first_addresses(done.sites, shown)
    if done.links:
        text += "\n" + tr.ngettext(
            "{count} entry links to a web page or to another OPML list, no feed: not added.",
            "{count} entries link to a web page or to another OPML list, no feed: not added.",
            len(done.links),
            count=tr.number(len(done.links)),
        )
        text += _first_addresses(done.links, shown)
    if done.added:
        text += "\n" + tr.gettext(
            "New sources are fetched at the next update, or now with /ingest."
        )
    return text


def _first_addresses(addresses: Sequence[str], shown: int) -> str:
    """Return the first ``shown`` addresses, a line each, then "…" when there are more."""
    text = "".join(f"\n{_quote(address, 200)}" for address in addresses[:shown])
    return text + ("\n…" if shown and len(addresses) > shown else "")


def exported(tr: Translator, count: int, local: int = 0) -> str:
    """Return the caption of the exported OPML document: the sources in it, and how many local
    folders (the seed folder) were left out, as OPML holds only web addresses."""
    text = tr.ngettext("{count} source", "{count} sources", count, count=tr.number(count))
    if local:
        text += "\n" + tr.ngettext(
            "{count} local folder is not exported: OPML holds only web feeds and pages.",
            "{count} local folders are not exported: OPML holds only web feeds and pages.",
            local,
            count=tr.number(local),
        )
    return text


def admin_error(tr: Translator, job: bool, detail: str) -> str:
    """Return the message that tells admins an update (or a job) failed."""
    where = tr.gettext("a job") if job else tr.gettext("an update")
    return tr.gettext(
        "<b>Error</b> while handling {where}:\n<code>{detail}</code>",
        where=where,
        detail=_quote(detail, 3000),
    )


def delivery_failure(
    tr: Translator, chat_id: int, part: int, parts: int, error: str, *, bug: bool
) -> str:
    """Return what tells admins a digest message was given up (an incident's detail)."""
    if bug:
        kind = tr.gettext("BUG: Telegram refused a rendered digest")
    else:
        kind = tr.gettext("Digest delivery failed")
    where = tr.gettext(
        "chat {chat}, part {part} of {parts}",
        chat=chat_id,
        part=tr.number(part + 1),
        parts=tr.number(parts),
    )
    return f"<b>{kind}</b>\n{where}: <code>{_quote(error, 500)}</code>"


# --- incidents (told to admins once when they begin and once when they end) ----------------


def incidents_header(tr: Translator) -> str:
    """Return the heading of the admins' incident report."""
    return bold(tr.gettext("Bot health"))


def source_label(tr: Translator, source: Source) -> str:
    """Return a source as incidents name it, "17. Title" (plain text: escaped when shown)."""
    return f"{source.id}. {truncate(clean(source.title, one_line=True), 80) or source.url}"


def source_pause_detail(tr: Translator, source: Source) -> str:
    """Return why a source paused itself (plain text)."""
    return _source_problem(tr, source, paused=True) or tr.gettext("repeated failures")


def backlog_detail(tr: Translator, waiting: int, oldest: datetime, now: datetime) -> str:
    """Return the outbox's backlog in a few words (plain text)."""
    return tr.ngettext(
        "{count} message waiting, the oldest queued at {time}",
        "{count} messages waiting, the oldest queued at {time}",
        waiting,
        count=tr.number(waiting),
        time=tr.time(oldest, now),
    )


def incident_line(
    tr: Translator, incident: store.IncidentRecord, *, end: bool, now: datetime
) -> str:
    """Return one line telling admins an incident began (or ended), as Telegram HTML."""
    started = escape(tr.time(incident.started, now))
    seen = escape(tr.time(incident.last_seen, now))
    subject = _quote(incident.subject, 100)
    detail = _quote(incident.detail, 300)
    if incident.kind == "telegram_outage":
        if not end:
            return tr.gettext(
                "<b>Telegram outage</b>: Telegram stopped answering at {started} and every send "
                "paused until {seen}; queued messages were kept and are going out.",
                started=started,
                seen=seen,
            )
        if incident.events > 1:
            again = incident.events - 1
            return tr.ngettext(
                "<b>Telegram outage over</b>: Telegram has answered steadily since {seen} "
                "(the outage began at {started}; it failed again {count} time in between).",
                "<b>Telegram outage over</b>: Telegram has answered steadily since {seen} "
                "(the outage began at {started}; it failed again {count} times in between).",
                again,
                count=tr.number(again),
                seen=seen,
                started=started,
            )
        return tr.gettext(
            "<b>Telegram outage over</b>: Telegram has answered steadily since {seen} "
            "(the outage began at {started}).",
            seen=seen,
            started=started,
        )
    if incident.kind == "source_paused":
        source_id = incident.key.rpartition(":")[2]
        if end and incident.detail == "removed":
            return tr.gettext("<b>Source back</b>: {source} was removed.", source=subject)
        if end:
            return tr.gettext("<b>Source back</b>: {source} was resumed.", source=subject)
        return tr.gettext(
            "<b>Source paused</b>: {source} paused itself ({reason}). "
            "Send /resumesource {id} once it works again.",
            source=subject,
            reason=detail,
            id=escape(source_id),
        )
    if incident.kind == "backlog":
        if end:
            return tr.gettext(
                "<b>Delivery backlog cleared</b> (it began at {started}, last seen at {seen}).",
                started=started,
                seen=seen,
            )
        return tr.gettext("<b>Delivery backlog</b>: {detail}.", detail=detail)
    if incident.kind in ("delivery_failed", "delivery_bug"):
        # The detail is the latest failure as delivery_failure wrote it (HTML, bounded).
        if not end:
            return incident.detail
        values = {
            "count": tr.number(incident.events),
            "started": started,
            "seen": seen,
            "last": incident.detail,
        }
        if incident.kind == "delivery_bug":
            return tr.ngettext(
                "<b>Reports of refused digests stopped</b>: {count} message given up from "
                "{started} to {seen}; the last:\n{last}",
                "<b>Reports of refused digests stopped</b>: {count} messages given up from "
                "{started} to {seen}; the last:\n{last}",
                incident.events,
                **values,
            )
        return tr.ngettext(
            "<b>Failures stopped</b>: {count} message given up from {started} to {seen}; "
            "the last:\n{last}",
            "<b>Failures stopped</b>: {count} messages given up from {started} to {seen}; "
            "the last:\n{last}",
            incident.events,
            **values,
        )
    kind = _quote(incident.kind, 40)
    if end:
        text = tr.gettext(
            "<b>Incident over</b>: {kind} {subject} {detail}",
            kind=kind,
            subject=subject,
            detail=detail,
        )
    else:
        text = tr.gettext(
            "<b>Incident began</b>: {kind} {subject} {detail}",
            kind=kind,
            subject=subject,
            detail=detail,
        )
    return text.rstrip()


def incident_report(tr: Translator, lines: Sequence[str]) -> list[str]:
    """Return the message(s) telling admins every incident that began or ended."""
    return render_lines(tr, list(lines), header=incidents_header(tr))


# --- subscriptions -------------------------------------------------------------------------

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
TOGGLES = {
    "allegations": N_("Allegations section"),
    "silent": N_("Silent notification"),
    "link_previews": N_("Link previews"),
    "empty_note": N_("Note when nothing is new"),
}
# Each on/off setting's two states (on, off), said of that setting: a language whose words
# agree with what they are said of writes each its own way (Arabic "إشعار صامت: معطّل" but
# "معاينة الروابط: معطّلة").
TOGGLE_STATES = {
    # TRANSLATORS: the state of "Allegations section" (the button and /settings say "on").
    "allegations": (NC_("Allegations section", "on"), NC_("Allegations section", "off")),
    # TRANSLATORS: the state of "Silent notification" (the button and /settings say "on").
    "silent": (NC_("Silent notification", "on"), NC_("Silent notification", "off")),
    # TRANSLATORS: the state of "Link previews" (the button and /settings say "on").
    "link_previews": (NC_("Link previews", "on"), NC_("Link previews", "off")),
    # TRANSLATORS: the state of "Note when nothing is new" (the button and /settings say "on").
    "empty_note": (NC_("Note when nothing is new", "on"), NC_("Note when nothing is new", "off")),
}
# TRANSLATORS: pictures turned off ("Pictures: off" on /settings and its button).
PICTURES_OFF = NC_("Pictures", "off")
MODES = {"digest": N_("Digest"), "live": N_("Live")}
FREQUENCIES = {
    "daily": N_("Daily"),
    "weekdays": N_("Weekdays"),
    "hourly": N_("Hourly"),
    "weekly": N_("Weekly"),
}
# "every Monday at 08:00" is one message per day: a weekday's name alone cannot be put into
# a sentence right in every language (Russian "каждую среду" but "каждый вторник").
EVERY_WEEKDAY = (
    N_("every Monday at {time}"),
    N_("every Tuesday at {time}"),
    N_("every Wednesday at {time}"),
    N_("every Thursday at {time}"),
    N_("every Friday at {time}"),
    N_("every Saturday at {time}"),
    N_("every Sunday at {time}"),
)
PICTURES: dict[str, str | tuple[str, str]] = {
    "off": PICTURES_OFF,
    "preview": N_("the lead story's picture above the digest"),
    "photo": N_("live posts as photos (digests: the picture above)"),
}
# The pictures setting "preview" as a live subscription's page says it: no digest there.
LIVE_PREVIEW = N_("the story's picture above each live post")
PICTURE_BUTTONS: dict[str, str | tuple[str, str]] = {
    "off": PICTURES_OFF,
    "preview": N_("preview"),
    "photo": N_("photo"),
}


def group_admins_only(tr: Translator) -> str:
    """Return the refusal of a subscription change by someone who is not a group admin."""
    return tr.gettext("Only this group's administrators can change its digest subscription.")


def no_subscription(tr: Translator) -> str:
    """Return /unsubscribe in a chat without a subscription."""
    return tr.gettext("This chat has no digest subscription. /subscribe to start one.")


def no_subscription_yet(tr: Translator) -> str:
    """Return /settings in a chat without a subscription."""
    return tr.gettext("This chat has no digest subscription yet. Start with /subscribe.")


def stopped_when_removed(tr: Translator) -> str:
    """Return /settings in a chat whose subscription stopped when the bot was removed from it
    (the bot added back since): /subscribe brings it back with its settings."""
    return tr.gettext(
        "This chat's digest subscription stopped when the bot was removed from it."
        " /subscribe brings it back with its settings."
    )


PLACES_SHOWN = 10


def subscribed_elsewhere(
    tr: Translator, command: str, elsewhere: Sequence[Subscription], *, in_topic: bool
) -> str:
    """Return /unsubscribe or /settings (``command``) sent in a forum topic, or in its general
    topic, that has no subscription while others of the group have: where they are, so that
    the command is sent there (a paused one said to be so); the first ``PLACES_SHOWN`` of
    them, then "…" (a topic's name may be 128 characters long)."""
    places = []
    for sub in elsewhere[:PLACES_SHOWN]:
        if sub.thread_id is None:
            place = tr.gettext("the general topic")
        else:
            # TRANSLATORS: {topic} is the topic's name in quotes, or its number.
            place = tr.gettext("topic {topic}", topic=_topic_label(tr, sub))
        if not sub.active:
            place = tr.gettext("{place} (paused: the topic is closed)", place=place)
        places.append(place)
    if len(elsewhere) > PLACES_SHOWN:
        places.append("…")
    if in_topic:
        # TRANSLATORS: {places} lists places such as "topic “Climate”";
        # {command} is the command sent ("/unsubscribe"), typed as it is.
        return tr.gettext(
            "This topic has no subscription. Subscribed in this group: {places}. "
            "Send {command} there.",
            places=tr.join(places),
            command=command,
        )
    return tr.gettext(
        "The general topic has no subscription. Subscribed in this group: {places}. "
        "Send {command} there.",
        places=tr.join(places),
        command=command,
    )


def no_subscription_any_more(tr: Translator) -> str:
    """Return the answer to a settings button whose subscription has gone."""
    return tr.gettext("No subscription here any more.")


def unsubscribed(tr: Translator) -> str:
    """Return the reply to /unsubscribe."""
    return tr.gettext("Unsubscribed. No more digests here; /subscribe to start again.")


def unsubscribe_names_no_channel(tr: Translator, word: str) -> str:
    """Return the complaint about /unsubscribe followed by a word that names no channel (the
    subscription is left as it is: "/unsubscribe sport" may mean "no more sport"; plain)."""
    return tr.gettext(
        "“{word}” names no channel, so nothing was stopped. /unsubscribe alone stops this "
        "chat's subscription; /settings exclude WORDS leaves stories out.",
        word=truncate(clean(word, one_line=True), 100),
    )


def saved(tr: Translator) -> str:
    """Return the answer to a settings button."""
    return tr.gettext("Saved")


def name_the_channel(tr: Translator) -> str:
    """Return the complaint about /subscribe_channel without a channel."""
    return tr.gettext("Name the channel as @username (or its numeric id).")


def settings_usage(tr: Translator) -> str:
    """Return what /settings understands by text (plain text)."""
    # TRANSLATORS: the words time, tz, frequency, daily... stay in English: they are typed.
    settings = tr.gettext(
        "Settings: time HH:MM, tz ZONE, frequency daily|weekdays|hourly|weekly, stories N, "
        "include|exclude WORDS, languages CODES|all, mode digest|live, "
        "pictures off|preview|photo, quiet HH:MM-HH:MM|off, cap N (1-60 live posts an hour)."
    )
    # TRANSLATORS: the words silent, previews, allegations, empty, on, off stay in English.
    return settings + " " + tr.gettext("On or off: silent|previews|allegations|empty on|off.")


# What each /settings key takes, said when the value given is not one (plain text). The
# typed words (off, preview, photo, digest, live, all, daily ...) stay in English.
SETTING_PROBLEMS = {
    "time": N_("Give one time of day, HH:MM: /settings time 07:30"),
    "tz": N_("Give one time zone: /settings tz Europe/Berlin"),
    "frequency": N_(
        "Give one frequency, daily, weekdays, hourly or weekly: /settings frequency weekdays"
    ),
    "stories": N_("Stories per digest: a whole number from 1 to {maximum}: /settings stories 5"),
    "languages": N_("Give language codes, or all: /settings languages ru en"),
    "mode": N_("The mode is digest or live: /settings mode live"),
    "pictures": N_("Pictures are off, preview or photo: /settings pictures photo"),
    "quiet": N_("Quiet hours are two times, from and to, or off: /settings quiet 23:00-07:00"),
    "cap": N_("Live posts an hour: a whole number from 1 to {maximum}: /settings cap 5"),
    "include": N_(
        "Keywords are words or numbers: /settings include climate energy, "
        "or /settings include - to clear them"
    ),
    "exclude": N_(
        "Keywords are words or numbers: /settings exclude sport, "
        "or /settings exclude - to clear them"
    ),
    # The on/off settings (TOGGLES), one message for the four.
    **dict.fromkeys(
        TOGGLES,
        N_(
            "Give on or off: /settings silent on, /settings previews off, "
            "/settings allegations off, /settings empty on"
        ),
    ),
}


def minute_for_hourly(tr: Translator) -> str:
    """Return the refusal of a minute of the hour given to digests that are not hourly, or
    a minute past 59 (plain text)."""
    # TRANSLATORS: the commands stay in English: they are typed.
    return tr.gettext(
        "A minute of the hour (0 to 59) is when hourly digests come: "
        "/subscribe hourly minute 30, or /settings time minute 30 once they are hourly"
    )


def part_of_day_disagrees(tr: Translator, typed: str) -> str:
    """Return the refusal of a time whose am or pm and part of the day disagree ("8 pm in
    the morning"), quoting the words typed (plain text)."""
    shown = truncate(clean(typed, one_line=True), 60)
    # TRANSLATORS: {typed} is the user's words ("8 pm in the morning"); times stay as written.
    return tr.gettext(
        "“{typed}”: the hour and the part of the day say different times. "
        "Give one of them: 08:00, 20:00 or 8 pm",
        typed=shown,
    )


def dangling_range(tr: Translator, typed: str) -> str:
    """Return the refusal of a range of days without its last day ("Monday to"), quoting the
    words typed (plain text)."""
    shown = truncate(clean(typed, one_line=True), 60)
    # TRANSLATORS: {typed} is the user's words ("Monday to"); the commands stay: they are typed.
    return tr.gettext(
        "“{typed}”: a range of days needs its last day. Digests come on weekdays (Monday to "
        "Friday) or on one day a week: /subscribe weekdays, /subscribe Friday",
        typed=shown,
    )


def lone_number(tr: Translator, typed: str) -> str:
    """Return the refusal of a number 0 to 23 alone among keywords with no time typed
    ("Santo Domingo 9"): as a keyword it finds any story holding it (plain text)."""
    shown = truncate(clean(typed, one_line=True), 10)
    # TRANSLATORS: {typed} is the number typed ("9"); the commands and the quotes stay typed.
    return tr.gettext(
        "“{typed}” alone is no keyword: any story with the number has it. For digests at that "
        "hour write {typed}:00; for a name with a number, put it in quotes: "
        '/subscribe "Formula 1"',
        typed=shown,
    )


def every_few_minutes(tr: Translator, typed: str) -> str:
    """Return the refusal of digests every few minutes or in some minutes ("every 30
    minutes", "in 30 minutes"), saying what the bot does instead (plain text)."""
    shown = truncate(clean(typed, one_line=True), 60)
    # TRANSLATORS: {typed} is the user's words ("every 30 minutes"); the commands stay: typed.
    return tr.gettext(
        "“{typed}”: digests come at most once an hour: /subscribe hourly, at the minute of "
        "the hour you choose: /subscribe hourly minute 30, or /settings time minute 30",
        typed=shown,
    )


def hour_read(tr: Translator, typed: str, time: str) -> str:
    """Return the line saying a bare number after a day was read as the digest's hour
    ("Friday 13": 13:00), and how to keep it a keyword (HTML)."""
    # TRANSLATORS: {typed} is the number typed ("13"), {time} the time read ("13:00").
    return escape(
        tr.gettext(
            "“{typed}” was read as the time {time}. A number meant as a keyword goes in quotes "
            'with its words: "Friday 13"',
            typed=truncate(clean(typed, one_line=True), 10),
            time=tr.digits(time),  # Persian "۱۳:۰۰", as the settings page above writes it
        )
    )


def saved_for_other_mode(tr: Translator, mode: str) -> str:
    """Return the line above /settings when the value just set is one its page does not show
    in this mode (quiet hours for digests, the time for live posts): saved, for the other."""
    if mode == "live":
        # TRANSLATORS: the command in <code> stays as it is: it is typed.
        return tr.gettext(
            "Saved. The time, frequency and stories per digest apply to digests: "
            "<code>/settings mode digest</code>"
        )
    # TRANSLATORS: the command in <code> stays as it is: it is typed.
    return tr.gettext(
        "Saved. Quiet hours and the hourly cap apply to live posts: "
        "<code>/settings mode live</code>"
    )


def setting_problem(tr: Translator, key: str, maximum: int = 0) -> str:
    """Return what one /settings key takes, when the value given is not one (plain text)."""
    return tr.gettext(SETTING_PROBLEMS[key], maximum=tr.number(maximum))


def _settings_help(tr: Translator) -> str:
    # TRANSLATORS: the commands in <code> stay as they are: they are typed.
    typed = tr.gettext(
        "Change by text: <code>/settings time 07:30</code>, <code>/settings tz Europe/Berlin</code>, "
        "<code>/settings frequency weekdays</code>, <code>/settings stories 5</code>, "
        "<code>/settings include climate energy</code>, <code>/settings exclude sport</code>, "
        "<code>/settings include -</code> to clear, <code>/settings languages ru en</code> "
        "(<code>all</code> to clear), <code>/settings mode live</code>, "
        "<code>/settings pictures photo</code>, <code>/settings quiet 23:00-07:00</code>, "
        "<code>/settings cap 5</code>."
    )
    # TRANSLATORS: the commands in <code> stay as they are: they are typed.
    switches = tr.gettext(
        "On or off: <code>/settings silent on</code>, <code>/settings previews off</code>, "
        "<code>/settings allegations off</code>, <code>/settings empty on</code>."
    )
    return f"\n\n{typed} {switches}"


def toggle_state(tr: Translator, key: str, value: bool) -> str:
    """Return an on/off setting's state as its button and the page write it ("on")."""
    on, off = TOGGLE_STATES[key]
    return tr.label(on if value else off)


def _quiet(tr: Translator, sub: Subscription) -> str:
    if sub.quiet_start and sub.quiet_end:
        return tr.digits(f"{escape(sub.quiet_start)}–{escape(sub.quiet_end)}")
    return tr.gettext("none")


def _when(tr: Translator, sub: Subscription) -> str:
    at = tr.digits(sub.time)  # "08:00", Persian "۰۸:۰۰"
    if sub.frequency == "weekdays":
        return tr.gettext("Monday to Friday at {time}", time=at)
    if sub.frequency == "hourly":
        return tr.gettext("every hour at minute {minute}", minute=at[-2:])
    if sub.frequency == "weekly":
        return tr.gettext(EVERY_WEEKDAY[sub.weekday % 7], time=at)
    return tr.gettext("every day at {time}", time=at)


# The lines of the settings page (besides the on/off settings, written "{label}: on"), by
# what each says; /settings takes each typed back ("/settings Stories: up to 5").
PAGE_LINES = {
    "digest": N_("<b>Digest:</b> {when} ({zone})"),
    "stories": N_("<b>Stories:</b> up to {count}"),
    "live": N_(
        "<b>Live:</b> each new story as soon as it is processed, at most {count} an "
        "hour; a story that more outlets report is edited, not posted again"
    ),
    "quiet": N_("<b>Quiet hours:</b> {hours} ({zone})"),
    "where": N_("<b>Where:</b> this topic"),
    "include": N_("<b>Only about:</b> {words}"),
    "exclude": N_("<b>Never about:</b> {words}"),
    "languages": N_("<b>Languages:</b> {languages}"),
    "pictures": N_("<b>Pictures:</b> {choice}"),
}
# What the page writes for no keywords to look for ("Only about: anything") and none left out.
ANY_KEYWORD = N_("anything")
NO_KEYWORD = "—"


def describe(tr: Translator, sub: Subscription) -> str:
    """Return a subscription's settings as Telegram HTML lines."""
    zone = _quote(sub.timezone, 64)
    if sub.mode == "live":
        lines = [
            tr.gettext(PAGE_LINES["live"], count=tr.number(sub.hourly_cap)),
            tr.gettext(PAGE_LINES["quiet"], hours=_quiet(tr, sub), zone=zone),
        ]
    else:
        lines = [
            tr.gettext(PAGE_LINES["digest"], when=escape(_when(tr, sub)), zone=zone),
            tr.gettext(PAGE_LINES["stories"], count=tr.number(sub.stories)),
        ]
    if sub.thread_id is not None:
        lines.append(tr.gettext(PAGE_LINES["where"]))
    include = _quote(_keywords(tr, sub.include), 500) if sub.include else tr.gettext(ANY_KEYWORD)
    exclude = _quote(_keywords(tr, sub.exclude), 500) if sub.exclude else NO_KEYWORD
    pictures = PICTURES.get(sub.pictures)
    if sub.mode == "live" and sub.pictures == "preview":
        pictures = LIVE_PREVIEW
    lines += [
        tr.gettext(PAGE_LINES["include"], words=include),
        tr.gettext(PAGE_LINES["exclude"], words=exclude),
        tr.gettext(PAGE_LINES["languages"], languages=escape(languages_shown(tr, sub.languages))),
        tr.gettext(
            PAGE_LINES["pictures"],
            choice=escape(tr.label(pictures) if pictures else sub.pictures),
        ),
    ]
    lines += [
        f"<b>{tr.labelled(escape(tr.gettext(label)))}</b> "
        f"{escape(toggle_state(tr, key, getattr(sub, key)))}"
        for key, label in TOGGLES.items()
    ]
    return "\n".join(f"{tr.line_start}{line}" for line in lines)


def languages_shown(tr: Translator, codes: Sequence[str]) -> str:
    """Return a languages filter as /settings shows it: "Russian, English", or "any" (plain)."""
    return tr.join(language_name(tr, c) for c in codes) if codes else tr.gettext("any")


def unknown_languages(tr: Translator, words: Sequence[str], known: Sequence[str]) -> str:
    """Return why /settings languages refused some words, with examples of codes (plain)."""
    return tr.gettext(
        "Unknown language: {words}. Give ISO 639-1 codes or English names, such as {known}. "
        "Send /settings languages all for every language.",
        words=truncate(clean(tr.join(words), one_line=True), 100),
        known=tr.join(f"{c} ({language_name(tr, c)})" for c in known),
    )


def settings_page(tr: Translator, sub: Subscription) -> str:
    """Return /settings: the subscription and how to change it by text."""
    return describe(tr, sub) + _settings_help(tr)


def nothing_understood(tr: Translator, typed: str) -> str:
    """Return the refusal of /subscribe arguments that name nothing it knows (plain text)."""
    return tr.gettext(
        "Nothing changed: “{typed}” is no time, zone, frequency, day or keyword.",
        typed=truncate(clean(typed, one_line=True), 100),
    )


def subscribed(
    tr: Translator,
    sub: Subscription,
    *,
    updated: bool,
    channel: str | None = None,
    kept_for_digests: bool = False,
    before: Subscription | None = None,
) -> str:
    """Return the reply to /subscribe; posted in a channel (``channel``: its @name or id),
    how to change it from a private chat, as a channel does not answer /settings. With
    ``kept_for_digests`` (live posts, given a time, frequency or day), that live posts do not
    follow it: it is kept for digests, as /settings says of a value saved for the other mode.
    ``before``: the running subscription it updated; when no setting shown changed, the reply
    says nothing did ("/subscribe live" again) instead of "updated"."""
    verb = tr.gettext("Subscription updated") if updated else tr.gettext("Subscribed")
    if updated and before is not None and describe(tr, before) == describe(tr, sub):
        verb = tr.gettext("Subscribed already: nothing changed")
    if channel is None:
        after = tr.gettext("/settings to change, /unsubscribe to stop.")
    else:
        # TRANSLATORS: the commands in <code> stay as they are: they are typed.
        after = tr.gettext(
            "To change it, send <code>/settings {channel}</code> to me in a private chat; "
            "/unsubscribe posted here stops it.",
            channel=_quote(channel, 100),
        )
    if kept_for_digests:
        after = f"{_kept_for_digests(tr)}\n{after}"
    return f"<b>{verb}.</b>\n{describe(tr, sub)}\n\n{after}"


# The city /settings tz is shown with, by the chat's language: where many of its readers
# live, written as they write it (``schedule.typed_zone`` takes each one; a test checks).
ZONE_EXAMPLES = {
    "en": "London",
    "ru": "Москва",
    "uk": "Київ",
    "de": "Berlin",
    "fr": "Paris",
    "es": "Madrid",
    "it": "Roma",
    "pt": "São Paulo",
    "fa": "تهران",
    "pl": "Warszawa",
    "ar": "القاهرة",
}


def zone_hint(tr: Translator, sub: Subscription, *, channel: str | None = None) -> str:
    """Return the line added, once, to a reply that set a subscription's time while its zone
    is the configured one because none was given: times are in that zone, and how to give
    one (/settings tz and a city of the chat's language; ``channel``: its @name or id, as
    /settings from a private chat names it, and no button: a channel's page has none)."""
    name = None if channel is None else truncate(clean(channel, one_line=True), 100)
    command = "/settings tz" if name is None else f"/settings {name} tz"
    example = f"{command} {ZONE_EXAMPLES.get(tr.language, ZONE_EXAMPLES['en'])}"
    # TRANSLATORS: {zone} is a time zone ("UTC"); {command} is "/settings tz" and {example}
    # the same with a city as your readers write it ("/settings tz Москва"), both typed.
    line = tr.gettext(
        "Times are in {zone}. To use your own time zone, send <code>{command}</code> and "
        "your city, for example <code>{example}</code>.",
        zone=escape(sub.timezone),
        command=escape(command),
        example=escape(example),
    )
    if channel is not None:
        return line
    return line + " " + tr.gettext("Or press the zone button in /settings.")


def _kept_for_digests(tr: Translator) -> str:
    # TRANSLATORS: the command in <code> stays as it is: it is typed.
    return tr.gettext(
        "Live posts come as stories arrive and ignore the time and frequency given: they "
        "are kept for digests (<code>/settings mode digest</code>)."
    )


def _topic_label(tr: Translator, sub: Subscription) -> str:
    """Return a topic by its name when Telegram told it (its number otherwise)."""
    if sub.topic_name:
        # TRANSLATORS: a name in quotes, as the language quotes one ("«{name}»", "„{name}“").
        return tr.gettext("“{name}”", name=_quote(sub.topic_name, 128))
    return tr.digits(str(sub.thread_id))  # read, never typed back: the language's digits


def topics_turned_off(tr: Translator, merged: Sequence[Subscription]) -> str:
    """Return the notice, in a group that turned its topics off, that its topics' digests
    now come to the group itself, as one subscription: the first ``PLACES_SHOWN`` topics
    named, then "…"."""
    labels = [_topic_label(tr, sub) for sub in merged[:PLACES_SHOWN]]
    if len(merged) > PLACES_SHOWN:  # a topic's name may be 128 characters long
        labels.append("…")
    topics = ", ".join(labels)
    return tr.gettext(
        "<b>Topics are off in this group</b>, so what was sent to topics {topics} comes here "
        "now, as one subscription with their keywords together. Send /settings to see or "
        "change it. With topics back on, /subscribe in a topic resumes its own.",
        topics=topics,
    )


def topic_paused(tr: Translator, sub: Subscription, reason: str) -> str:
    """Return the notice, in a forum's general topic, that a topic's subscription paused (or
    ended: the topic was deleted): the topic by its name when Telegram told it (its number
    otherwise); for the group's own subscription (no topic), that the General topic was
    closed (told in another topic)."""
    if sub.thread_id is None:  # the group's own: its forum's General topic was closed
        if sub.mode == "live":
            return tr.gettext(
                "<b>Live posts for the general topic are paused</b>: Telegram refused to post "
                "there ({reason}); the general topic was closed. They resume by themselves "
                "when it is reopened; the other subscriptions of this group go on.",
                reason=_quote(reason, 200),
            )
        return tr.gettext(
            "<b>Digests for the general topic are paused</b>: Telegram refused to post there "
            "({reason}); the general topic was closed. They resume by themselves when it is "
            "reopened; the other subscriptions of this group go on.",
            reason=_quote(reason, 200),
        )
    values = {"topic": _topic_label(tr, sub), "reason": _quote(reason, 200)}
    if store.topic_deleted(reason):
        # A deleted topic cannot be reopened: its subscription ended; the way is another topic.
        if sub.mode == "live":
            return tr.gettext(
                "<b>Live posts for topic {topic} stopped</b>: the topic was deleted "
                "({reason}). Send /subscribe in another topic to have them there; the other "
                "subscriptions of this group go on.",
                **values,
            )
        return tr.gettext(
            "<b>Digests for topic {topic} stopped</b>: the topic was deleted ({reason}). "
            "Send /subscribe in another topic to have them there; the other subscriptions of "
            "this group go on.",
            **values,
        )
    if sub.mode == "live":
        return tr.gettext(
            "<b>Live posts for topic {topic} are paused</b>: Telegram refused to post there "
            "({reason}); the topic was closed. They resume by themselves when the topic is "
            "reopened; the other subscriptions of this group go on.",
            **values,
        )
    return tr.gettext(
        "<b>Digests for topic {topic} are paused</b>: Telegram refused to post there "
        "({reason}); the topic was closed. They resume by themselves when the topic is "
        "reopened; the other subscriptions of this group go on.",
        **values,
    )


def channel_subscribed(
    tr: Translator,
    title: str,
    name: str,
    sub: Subscription,
    *,
    kept_for_digests: bool = False,
    written_in: str | None = None,
    before: Subscription | None = None,
) -> str:
    """Return the reply to /subscribe_channel: the channel by its title, and how to change
    or stop its subscription from here by the name it was given (``kept_for_digests`` as
    for ``subscribed``; ``written_in``: the language the bot writes in the channel).

    ``before``: the subscription it had, on, when the command only changed it: the reply
    says it was updated and shows the settings that changed (or that none did).
    """
    channel = _quote(title, 100)
    after = _channel_commands(tr, name)
    if kept_for_digests:
        after = f"{_kept_for_digests(tr)}\n{after}"
    written = f"\n{_written_in(tr, name, written_in)}" if written_in else ""
    now = describe(tr, sub)
    if before is None:
        head = tr.gettext("{channel} is subscribed.", channel=channel)
        return f"<b>{head}</b>\n{now}{written}\n\n{after}"
    was = set(describe(tr, before).split("\n"))
    changed = [line for line in now.split("\n") if line not in was]
    if not changed:
        head = tr.gettext("{channel} was subscribed already: nothing changed.", channel=channel)
        return f"<b>{head}</b>\n{now}{written}\n\n{after}"
    head = tr.gettext("{channel}: subscription updated. Changed:", channel=channel)
    return f"<b>{head}</b>\n" + "\n".join(changed) + f"{written}\n\n{after}"


def channel_settings(
    tr: Translator, title: str, name: str, sub: Subscription, *, written_in: str | None = None
) -> str:
    """Return /settings @name: the channel's subscription, and how to change it from here."""
    written = f"\n{_written_in(tr, name, written_in)}" if written_in else ""
    page = f"{describe(tr, sub)}{written}\n\n{_channel_commands(tr, name)}"
    return f"<b>{_quote(title, 100)}</b>\n{page}"


def _written_in(tr: Translator, name: str, code: str) -> str:
    """Return the line of a channel's page naming the language its posts are written in
    (headings, dates, notes: the stories stay as written) and how to change it."""
    # TRANSLATORS: the command in <code> stays as it is: it is typed.
    return tr.gettext(
        "Posts written in: {language} (<code>/language {channel} CODE</code> changes it)",
        language=escape(tr.language_name(code)),
        channel=_quote(name, 100),
    )


def channel_language(tr: Translator, name: str, code: str) -> str:
    """Return /language @name: the language the bot writes in the channel, and how to change
    it."""
    return tr.gettext(
        "I write {language} in {channel} (its posts' headings, dates and notes; stories stay "
        "as written). <code>/language {channel} CODE</code> changes it ({codes}).",
        language=escape(tr.language_name(code)),
        channel=_quote(name, 100),
        codes=tr.join(LANGUAGES),
    )


def channel_language_set(tr: Translator, name: str, code: str) -> str:
    """Return the reply to /language @name CODE."""
    return tr.gettext(
        "From now on I write {language} in {channel}.",
        language=escape(tr.language_name(code)),
        channel=_quote(name, 100),
    )


def _channel_commands(tr: Translator, name: str) -> str:
    # TRANSLATORS: the commands in <code> stay as they are: they are typed.
    return tr.gettext(
        "Change it from this chat with the channel first: "
        "<code>/settings {channel} time 07:30</code> (every setting of /settings); "
        "<code>/settings {channel}</code> shows it, <code>/unsubscribe {channel}</code> stops it.",
        channel=_quote(name, 100),
    )


def channel_not_subscribed(tr: Translator, name: str) -> str:
    """Return /settings or /unsubscribe naming a channel without a subscription."""
    return tr.gettext(
        "{channel} has no subscription. /subscribe_channel {channel} to start one.",
        channel=_quote(name, 100),
    )


def channel_waits_for_rights(tr: Translator, name: str) -> str:
    """Return /settings @name for a channel whose subscription stopped when the bot lost the
    right to post there (it comes back with the right)."""
    return tr.gettext(
        "{channel}'s subscription is stopped: I may not post messages there. It resumes by "
        "itself, with its settings, once I have the “Post messages” right again; /unsubscribe "
        "{channel} stops it for good.",
        channel=_quote(name, 100),
    )


def channel_saved_while_stopped(tr: Translator, name: str) -> str:
    """Return what /settings @name KEY VALUE says first of a change saved while the channel's
    subscription waits for the bot's right to post there."""
    return tr.gettext(
        "Saved. {channel}'s subscription is stopped: I may not post messages there. The change "
        "applies when it resumes, by itself, once I have the “Post messages” right again.",
        channel=_quote(name, 100),
    )


def channel_lost(tr: Translator, name: str) -> str:
    """Return /settings @name for a channel whose subscription stopped when the bot was
    removed from it (or Telegram refused every post there)."""
    return tr.gettext(
        "{channel}'s subscription stopped when I was removed from the channel. "
        "/subscribe_channel {channel} resumes it with its settings.",
        channel=_quote(name, 100),
    )


def channel_stopped(tr: Translator, name: str, reason: str) -> str:
    """Return what whoever subscribed a channel is told when its subscription stopped for
    ``reason``: for want of the right to post it resumes by itself, else (the bot removed) by
    /subscribe_channel."""
    if store.no_rights(reason):
        return channel_waits_for_rights(tr, name)
    return channel_lost(tr, name)


def channel_unreadable(tr: Translator, name: str) -> str:
    """Return /settings or /unsubscribe naming a channel the bot is no administrator of:
    Telegram then does not tell it who administers the channel."""
    return tr.gettext(
        "I am not an administrator of {channel}, so Telegram does not tell me who administers "
        "it, and nothing is posted there. Add me as an administrator with the right to post "
        "messages; then /subscribe_channel {channel} resumes its subscription.",
        channel=_quote(name, 100),
    )


def channel_unsubscribed(tr: Translator, name: str) -> str:
    """Return the reply to /unsubscribe @name."""
    return tr.gettext(
        "Unsubscribed {channel}: no more posts there. /subscribe_channel {channel} to start again.",
        channel=_quote(name, 100),
    )


def channel_not_found(tr: Translator, name: str) -> str:
    """Return the reply when the bot cannot see the channel."""
    return tr.gettext(
        "I can't find {channel}. Add me to the channel as an administrator first.",
        channel=_quote(name, 100),
    )


def not_a_channel(tr: Translator, name: str) -> str:
    """Return the reply when the chat named is not a channel."""
    return tr.gettext(
        "{channel} is not a channel. In a group, send /subscribe there.",
        channel=_quote(name, 100),
    )


def not_channel_admin(tr: Translator, name: str) -> str:
    """Return the reply when the bot is not an administrator of the channel."""
    return tr.gettext(
        "I am not an administrator of {channel}. Add me as an administrator with the right "
        "to post messages, then try again.",
        channel=_quote(name, 100),
    )


def not_your_channel(tr: Translator, name: str) -> str:
    """Return the reply when the user who names the channel is not one of its administrators."""
    return tr.gettext(
        "You are not an administrator of {channel}: only its administrators can subscribe it.",
        channel=_quote(name, 100),
    )


def not_your_channel_to_change(tr: Translator, name: str) -> str:
    """Return the reply when someone who is not one of a channel's administrators names it to
    /settings or /unsubscribe."""
    return tr.gettext(
        "You are not an administrator of {channel}: only its administrators can change or stop "
        "its subscription.",
        channel=_quote(name, 100),
    )


def cannot_post(tr: Translator, name: str) -> str:
    """Return the reply when the bot is an administrator but may not post."""
    return tr.gettext(
        "I am an administrator of {channel} but may not post messages. Give me the “Post "
        "messages” right, then try again.",
        channel=_quote(name, 100),
    )


def _onward(tr: Translator) -> str:
    """Return the arrow of a button that moves to the next choice, pointing the way the
    language reads (the translated labels carry their own: "ساعت {time} ◂")."""
    return "◂" if tr.rtl else "▸"


def time_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the time button."""
    return tr.gettext("Time {time} ▸", time=tr.digits(sub.time))


def frequency_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the frequency button."""
    label = FREQUENCIES.get(sub.frequency)
    return f"{tr.gettext(label) if label else sub.frequency} {_onward(tr)}"


def zone_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the time-zone button."""
    return tr.gettext("Zone {zone} ▸", zone=sub.timezone)


def stories_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the stories-per-digest button."""
    return tr.gettext("Stories: {count} ▸", count=tr.number(sub.stories))


def weekday_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the weekday button (weekly digests): the day's name begins with a
    capital on a button, as a label does, where the language writes it lower-case inside a
    sentence ("lunedì", "среда")."""
    name = tr.gettext(WEEKDAYS[sub.weekday % 7])
    return f"{name[:1].upper()}{name[1:]} {_onward(tr)}"


def mode_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the digest/live button."""
    label = MODES.get(sub.mode)
    return f"{tr.gettext(label) if label else sub.mode} {_onward(tr)}"


def pictures_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the pictures button."""
    label = PICTURE_BUTTONS.get(sub.pictures)
    return tr.gettext("Pictures: {choice} ▸", choice=tr.label(label) if label else sub.pictures)


def cap_button(tr: Translator, sub: Subscription) -> str:
    """Return the label of the live posts per hour button."""
    return tr.gettext("At most {count}/hour ▸", count=tr.number(sub.hourly_cap))


def toggle_button(tr: Translator, sub: Subscription, key: str) -> str:
    """Return the label of an on/off setting's button."""
    return f"{tr.labelled(tr.gettext(TOGGLES[key]))} {toggle_state(tr, key, getattr(sub, key))}"
