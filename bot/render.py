"""Turn digests, stories and ledger entries into Telegram HTML messages (pure, no I/O).

Every feed-provided string is cleaned (control characters dropped) and escaped; only http(s)
URLs become links. Output is a list of messages, split between blocks (stories, paragraphs,
entries) and never inside a tag; each message passes ``telegram_html.check_message``. A story
also renders as one message (inline mode, live posts) or as a photo's caption, at most 1024
characters (``render_caption``).

Every renderer takes the chat's translator (``bot.i18n.Translator``) first: the fixed text
(headings, "also reported by", dates, "(continued)") is in the chat's language, while titles,
summaries and claims stay in their own.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from bot import telegram_html
from bot.i18n import LRM, N_, Translator
from bot.telegram_html import MAX_CAPTION_LENGTH, MAX_ENTITIES, MAX_MESSAGE_LENGTH, utf16_len
from digests import compose
from digests.allegations.quotes import quotation
from digests.ledger import ShownAnswers, shown_answers, target_groups
from digests.models import ChatDigest, Digest, LedgerEntry, Response, SourceLink, StoryItem

STORY_COMMAND = "story"
# How a party answered (digests.allegations.kinds.RESPONSE_KINDS), as the ledger says it.
RESPONSE_KINDS = {
    "denial": N_("denial"),
    "refutation": N_("refutation"),
    "rejection": N_("rejection"),
    "dispute": N_("dispute"),
    "no_comment": N_("no comment"),
}
# The UTF-8 bytes of link addresses (``href``) one message holds at most. Telegram refuses a
# message whose links take too much room ("ENTITIES_TOO_LONG": undocumented; about 9,500
# characters of markup by its maintainer's rough figure, and a /sources page with 9,879 bytes
# of addresses in 31 links was refused; see ``telegram_html.MAX_LINK_BYTES``). 8,000 leaves
# 1,500 bytes (16 %) below that figure for what Telegram may count besides the addresses,
# and splits only pages of long links: 20 stories with 200-byte addresses take 4,000.
LINK_BYTES = 8_000
# Room kept free in every message for a header or a "(continued)" line.
_RESERVE = 400
_BLOCK_LIMIT = MAX_MESSAGE_LENGTH - _RESERVE
_TITLE_LIMIT = 300
_HEADER_LIMIT = 200
_CLAIM_LIMIT = 500
_RESPONSE_LIMIT = 300
_MAX_RESPONSES = 3
_MAX_LINKED_SOURCES = 8
# C0 controls except tab and newline, DEL, C1 controls and lone surrogates (not encodable).
# Also the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
# one left open in a feed's title (an override: "\u202egpj.exe" shows "exe.jpg") turns around
# what follows it on the line, the bot's own text too, and right-to-left scripts need none of
# them. The marks (U+200E LRM, U+200F RLM, U+061C ALM) stay: they scope nothing, and the bot
# sets them itself around Persian text (``bot.i18n``), which is never cleaned.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_BLANK_LINES_RE = re.compile(r"\n{3,}")
# Runs of spaces to squeeze, all but the no-break ones: French sets one before its colon and
# inside its quotes ("Langue\u00a0: anglais"), Babel one in French thousands ("1\u202f234").
_SPACES_RE = re.compile(r"[^\S\u00a0\u202f\u2007]+")
# Whitespace (\s is str.isspace here), C0 controls and DEL: no URL to link contains them.
_UNFIT_IN_URL_RE = re.compile(r"[\s\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class _Block:
    """A self-contained piece of HTML with its parsed size."""

    html: str
    length: int
    entities: int
    sep: str = "\n\n"
    carry: str | None = None  # HTML repeated when this block opens a later message
    links: int = 0  # UTF-8 bytes of its links' addresses (LINK_BYTES)


def _block(markup: str, *, sep: str = "\n\n", carry: str | None = None) -> _Block:
    parsed = telegram_html.parse(markup)
    links = telegram_html.link_bytes(parsed.entities)
    return _Block(markup, utf16_len(parsed.text), len(parsed.entities), sep, carry, links)


def clean(s: str, *, one_line: bool = False) -> str:
    """Drop control characters (bidirectional overrides and isolates too) and normalise
    whitespace, keeping right-to-left text and marks, emoji, zero-width text and no-break
    spaces."""
    s = _CONTROL_RE.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))
    if one_line:
        return _SPACES_RE.sub(" ", s).strip()
    lines = [_SPACES_RE.sub(" ", line).strip() for line in s.split("\n")]
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip()


def escape(s: str) -> str:
    """Escape a feed-provided string for Telegram HTML."""
    return html.escape(s, quote=True)


def truncate(s: str, limit: int) -> str:
    """Shorten s to at most limit UTF-16 code units, ending with "…", preferably at a space."""
    if utf16_len(s) <= limit:
        return s
    if limit < 1:
        return ""
    head = s
    units = 0
    for index, ch in enumerate(s):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit - 1:  # one unit stays free for the "…"
            head = s[:index]
            break
    space = head.rfind(" ")
    if space > len(head) * 4 // 5:
        head = head[:space]
    return head.rstrip() + "…"


def safe_url(url: str) -> str | None:
    """Return url when it is an absolute http(s) URL fit to link, else None."""
    url = url.strip()
    if not url or _UNFIT_IN_URL_RE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return url


def bold(text: str) -> str:
    """Return plain text escaped and in bold."""
    return f"<b>{escape(text)}</b>"


def link(text: str, url: str) -> str:
    """Return an escaped link, or escaped text followed by the URL as text when not http(s)."""
    target = safe_url(url)
    if target is None:
        shown = clean(url, one_line=True)
        return f"{escape(text)} ({escape(truncate(shown, 100))})" if shown else escape(text)
    return f'<a href="{escape(target)}">{escape(text)}</a>'


def story_hint(story_id: int) -> str:
    """Return the command a reader sends to open one story in full."""
    return f"/{STORY_COMMAND}_{story_id}"


def language_name(tr: Translator, code: str) -> str:
    """Return a language's name in the chat's language ("ru" -> "Russian", "русский"; "fa" ->
    "Persian", "персидский"); a code CLDR does not name stays a code."""
    return tr.language_name(code)


def languages_line(tr: Translator, codes: Sequence[str]) -> str:
    """Return "Language: Russian", or "Languages: Russian, English" (plain text)."""
    names = tr.join(language_name(tr, c) for c in codes)
    return tr.ngettext("Language: {names}", "Languages: {names}", len(codes), names=names)


def empty_note(tr: Translator) -> str:
    """Return the note sent instead of a digest with nothing new (when the chat wants one)."""
    return tr.gettext("No new stories since your last digest.")


def _right_to_left(text: str) -> bool:
    """Return whether text has a right-to-left letter (Arabic, Hebrew, Persian ...)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _in_line(tr: Translator, text: str) -> str:
    """Return a feed's right-to-left name followed by a left-to-right mark in a left-to-right
    chat: what follows it (a date, a count, the next name) keeps the line's direction instead
    of joining the name's run ("الجزيرة · 14:05" would read "14:05 · الجزيرة")."""
    return text + LRM if not tr.rtl and _right_to_left(text) else text


def _line_start(tr: Translator, first: str) -> str:
    """Return what opens a line: the chat's mark in a right-to-left chat; in a left-to-right
    chat a left-to-right mark when the line would open with right-to-left text, which would
    otherwise set the whole line right to left."""
    return tr.line_start or (LRM if _right_to_left(first) else "")


def _source_name(tr: Translator, name: str, limit: int) -> str:
    """Return a source's name for display (plain), "unknown source" in the chat's language."""
    if name == compose.UNKNOWN_SOURCE:
        return tr.gettext("unknown source")
    return truncate(clean(name, one_line=True), limit)


def _title_line(tr: Translator, item: StoryItem, target: str | None) -> str:
    """Return the bold title, linked to target (the story's safe URL) when there is one."""
    title = truncate(clean(item.title, one_line=True), _TITLE_LIMIT) or tr.gettext("(untitled)")
    if target is None:
        return f"<b>{escape(title)}</b>"
    return f'<b><a href="{escape(target)}">{escape(title)}</a></b>'


def _meta_line(tr: Translator, item: StoryItem, now: datetime | None) -> str:
    source = _source_name(tr, item.source, 100)
    parts = [_in_line(tr, escape(source))] if source else []
    parts.append(escape(tr.time(item.published, now)))
    if (others := item.also_reported) >= 1:
        parts.append(
            tr.ngettext(
                "also reported by {count} source",
                "also reported by {count} sources",
                others,
                count=tr.number(others),
            )
        )
    # A right-to-left language's line opens with its mark: the source's Latin name first
    # would otherwise set the line left to right, its date and counts read backwards (and
    # the other way round: an Arabic outlet's name in an English chat).
    return _line_start(tr, source) + " · ".join(parts)


def _story_block(tr: Translator, item: StoryItem, now: datetime | None) -> _Block:
    """Return one story of a digest, its summary shortened when the story would not fit."""
    target = safe_url(item.url)
    head = f"{_title_line(tr, item, target)}\n{_meta_line(tr, item, now)}"
    if target is None and (shown := clean(item.url, one_line=True)):
        head += f"\n{escape(truncate(shown, 200))}"
    tail = story_hint(item.story_id)
    summary = clean(item.summary)
    bare = _block(f"{head}\n{tail}")
    if summary:
        summary = truncate(summary, _BLOCK_LIMIT - bare.length - 1)
        # Escaped plain text parses back to itself: the summary adds its length (and a line
        # break) but no entity, so the block need not be parsed again.
        return _Block(
            f"{head}\n{escape(summary)}\n{tail}",
            bare.length + 1 + utf16_len(summary),
            bare.entities,
            links=bare.links,
        )
    return bare


def _pack(blocks: Iterable[_Block]) -> list[str]:
    """Join blocks into messages within Telegram's length and entity limits, and LINK_BYTES
    of link addresses."""
    messages: list[str] = []
    parts: list[str] = []
    length = entities = links = 0
    for block in blocks:
        if parts:
            fits = length + len(block.sep) + block.length <= MAX_MESSAGE_LENGTH
            if (
                fits
                and entities + block.entities <= MAX_ENTITIES
                and links + block.links <= LINK_BYTES
            ):
                parts.append(block.sep + block.html)
                length += len(block.sep) + block.length
                entities += block.entities
                links += block.links
                continue
            messages.append("".join(parts))
            parts = []
            length = entities = links = 0
        if block.carry is not None and messages:
            carry = _block(block.carry)
            parts.append(carry.html + "\n")
            length, entities, links = carry.length + 1, carry.entities, carry.links
        parts.append(block.html)
        length += block.length
        entities += block.entities
        links += block.links
    if parts:
        messages.append("".join(parts))
    return messages


def _header_block(text: str) -> _Block:
    return _block(f"<b>{escape(truncate(clean(text, one_line=True), _HEADER_LIMIT))}</b>")


def _total(tr: Translator, digest: Digest) -> str:
    """Return the number of stories found, "1,234" or "500+" as the language writes them."""
    if digest.total_capped:
        return f"{tr.number(digest.total - 1)}+"
    return tr.number(digest.total)


def _page_note(tr: Translator, digest: Digest) -> _Block | None:
    if not digest.has_more:
        return None
    first = digest.offset + 1
    last = digest.offset + len(digest.stories)
    return _block(
        escape(
            tr.gettext(
                "Showing {first}–{last} of {total}.",
                first=tr.number(first),
                last=tr.number(last),
                total=_total(tr, digest),
            )
        )
    )


def render_digest(
    tr: Translator, digest: Digest, *, header: str | None = None, paged: bool = True
) -> list[str]:
    """Render a digest as one or more messages, split between stories.

    Without a header the digest's own title shows, translated when it is one of the titles
    ``digests.delivery`` marks for translation. ``paged``: a page of /latest, whose "More"
    button sends the next, ends with "Showing 1–5 of 15."; a chat's digest does not.
    """
    title = header if header is not None else tr.gettext(digest.title or "Latest news")
    head = _header_block(title)
    if not digest.stories:
        note = tr.gettext("No stories yet. Check back after the next update.")
        return _pack([head, _block(escape(note))])
    blocks = [head, *(_story_block(tr, s, digest.generated_at) for s in digest.stories)]
    if paged and (note_block := _page_note(tr, digest)) is not None:
        blocks.append(note_block)
    return _pack(blocks)


def render_search(tr: Translator, query: str, digest: Digest) -> list[str]:
    """Render search results for query, with a "Results for …" header (a phrase the query
    quotes in the marks the header quotes it in is shown in the inner ones: «„…“»)."""
    shown = escape(_inner_quotes(tr, truncate(clean(query, one_line=True), _HEADER_LIMIT)))
    if not digest.stories:
        return _pack([_block(tr.gettext("No results for “{words}”.", words=shown))])
    head = tr.gettext("<b>Results for “{words}”</b>", words=shown)
    if digest.total > len(digest.stories):
        head += escape(tr.gettext(" — {count} found", count=_total(tr, digest)))
    blocks = [_block(head), *(_story_block(tr, s, digest.generated_at) for s in digest.stories)]
    if (note := _page_note(tr, digest)) is not None:
        blocks.append(note)
    return _pack(blocks)


def _chunks(text: str, limit: int) -> list[str]:
    """Split plain text into pieces of at most limit UTF-16 units, at whitespace when possible."""
    pieces: list[str] = []
    while utf16_len(text) > limit:
        head = truncate(text, limit + 1)[:-1]  # the cut without its "…"
        pieces.append(head.rstrip())
        text = text[len(head) :].lstrip()
    if text:
        pieces.append(text)
    return pieces


def _source_line(tr: Translator, source: SourceLink) -> str:
    name = _source_name(tr, source.name, 100) or tr.gettext("source")
    return f"{_line_start(tr, name)}• {_in_line(tr, link(name, source.url))}"


def _source_links(tr: Translator, sources: Sequence[SourceLink]) -> str:
    """Return "Sources: A, B and 3 more", each name linked."""
    listed = sources[:_MAX_LINKED_SOURCES]
    names = tr.join(
        _in_line(tr, link(_source_name(tr, s.name, 60) or tr.gettext("source"), s.url))
        for s in listed
    )
    if more := len(sources) - len(listed):
        return tr.ngettext(
            "Sources: {names} and {count} more",
            "Sources: {names} and {count} more",
            more,
            names=names,
            count=tr.number(more),
        )
    return tr.gettext("Sources: {names}", names=names)


def render_story(tr: Translator, item: StoryItem) -> list[str]:
    """Render one story in full: title, summary and every source link."""
    target = safe_url(item.url)
    meta = f"{_meta_line(tr, item, None)} · {tr.commands(story_hint(item.story_id))}"
    title = f"{_title_line(tr, item, target)}\n{meta}"
    if target is None and (shown := clean(item.url, one_line=True)):
        title += f"\n{escape(truncate(shown, 200))}"
    if item.languages:
        title += f"\n{escape(languages_line(tr, item.languages))}"
    blocks = [_block(title)]
    for paragraph in clean(item.summary).split("\n\n"):
        blocks.extend(_block(escape(piece)) for piece in _chunks(paragraph, _BLOCK_LIMIT))
    if item.sources:
        blocks.append(_block(bold(tr.gettext("Sources"))))
        carry = bold(tr.gettext("Sources (continued)"))
        blocks.extend(_block(_source_line(tr, s), sep="\n", carry=carry) for s in item.sources)
    return _pack(blocks)


def _one_story(tr: Translator, item: StoryItem, limit: int) -> str:
    """Render one story as a single text of at most ``limit`` characters (after parsing).

    Bold linked title, source and date, the summary (shortened to fit), and the other
    outlets' links when several reported it. When the links alone would not leave room (a
    1024-character caption), or their addresses take more than LINK_BYTES, the sources line
    shrinks to a count, then goes.
    """
    target = safe_url(item.url)
    head = f"{_title_line(tr, item, target)}\n{_meta_line(tr, item, None)}"
    if target is None and (shown := clean(item.url, one_line=True)):
        head += f"\n{escape(truncate(shown, 200))}"
    tails = [""]
    if len(item.sources) > 1:
        count = item.outlets
        reported = tr.ngettext(
            "Reported by {count} source",
            "Reported by {count} sources",
            count,
            count=tr.number(count),
        )
        tails = [_source_links(tr, item.sources), escape(reported), ""]
    for tail in tails:
        bare = _block(f"{head}\n{tail}" if tail else head)
        if bare.length < limit and bare.links <= LINK_BYTES:
            break
    summary = clean(item.summary)
    if not summary:
        return bare.html
    # Escaped plain text adds its length and no entity, and one line break: no need to parse.
    summary = truncate(summary, limit - bare.length - 1)
    if not summary:
        return bare.html
    return "\n".join(p for p in (head, escape(summary), tail) if p)


def render_inline_story(tr: Translator, item: StoryItem) -> str:
    """Render one story as a single message to share into any chat (inline mode).

    Bold linked title, source and date, the summary (shortened to fit one message), and the
    other outlets' links when several reported it. No /story_ID hint: in another chat it
    names nothing. Times carry their date, as the message outlives the day.
    """
    return _one_story(tr, item, MAX_MESSAGE_LENGTH)


def render_live_post(tr: Translator, item: StoryItem) -> str:
    """Render a live post: one story as one message, as inline mode shares it.

    An edit re-renders it: the sources line and the "also reported by" count grow as
    outlets join the story; the summary stays the earliest full article's
    (``compose.candidates``), whichever outlet's title becomes the headline.
    """
    return _one_story(tr, item, MAX_MESSAGE_LENGTH)


def render_caption(tr: Translator, item: StoryItem) -> str:
    """Render a live photo post's caption: the story in at most 1024 characters, valid HTML."""
    return _one_story(tr, item, MAX_CAPTION_LENGTH)


def _response_line(tr: Translator, response: Response, answers: int = 1) -> str:
    """Return one answer: "↳ Durov (refutation): “…”", or, when it answers the ``answers``
    entries just above, "↳ Durov (refutation), to the 2 allegations above: “…”"."""
    who = truncate(clean(response.responder, one_line=True), 60) or tr.gettext("Unnamed")
    named = RESPONSE_KINDS.get(response.kind)
    kind = tr.gettext(named) if named else response.kind.replace("_", " ")
    kind = truncate(clean(kind, one_line=True), 20)
    said = truncate(clean(response.sentence, one_line=True), _RESPONSE_LIMIT)
    answer = f"{escape(who)} ({escape(kind)})"
    if answers > 1:
        # TRANSLATORS: {answer} is who answered and how, "Durov (refutation)"; one answer
        # shown once after the allegations it answers, instead of under each.
        answer = tr.ngettext(
            "{answer}, to the {count} allegation above",
            "{answer}, to the {count} allegations above",
            answers,
            answer=answer,
            count=tr.number(answers),
        )
    # Only the speaker's own words go in quotation marks; reported speech ("Петров заявил,
    # что ...") is the outlet's paraphrase and is shown as it is (``quotes.quotation``).
    words = quotation(said)
    if words is None:
        return f"{tr.line_start}↳ {tr.labelled(answer)} {escape(said)}"
    # TRANSLATORS: a sentence quoted from an article, in your language's quotation marks.
    quoted = tr.gettext("“{sentence}”", sentence=escape(_inner_quotes(tr, words)))
    return f"{tr.line_start}↳ {tr.labelled(answer)} {quoted}"


_SPACES = "[ \u00a0\u202f]*"


def _marks(template: str) -> tuple[str, str]:
    """Return the opening and closing marks of a translated quotation, spaces left out."""
    opening, _, closing = template.partition("\0")
    return opening.strip(" \u00a0\u202f"), closing.strip(" \u00a0\u202f")


def _inner_quotes(tr: Translator, text: str) -> str:
    """Return text with the quotations in the marks it will be quoted in written in the
    language's marks for a quotation inside a quotation: «…„…“…», “…‘…’…”."""
    opening, closing = _marks(tr.gettext("“{sentence}”", sentence="\0"))
    if not opening or opening == closing or opening not in text:
        return text
    # TRANSLATORS: a quotation inside a quoted sentence: Russian „{sentence}“ inside «…».
    inner_opening, inner_closing = _marks(tr.gettext("‘{sentence}’", sentence="\0"))
    text = re.sub(re.escape(opening) + _SPACES, lambda _: inner_opening, text)
    return re.sub(_SPACES + re.escape(closing), lambda _: inner_closing, text)


def _response_lines(tr: Translator, entry: LedgerEntry, shown: ShownAnswers) -> list[str]:
    """Return an entry's answers: its own, then the shared ones it closes (answers to it and
    to the entries just above)."""
    start = tr.line_start
    if not entry.allegation.responses:
        return [start + "<i>" + escape(tr.gettext("No response reported.")) + "</i>"]
    answers = [*((r, 1) for r in shown.own), *((a.response, a.answers) for a in shown.after)]
    lines = [_response_line(tr, r, count) for r, count in answers[:_MAX_RESPONSES]]
    if (more := len(answers) - _MAX_RESPONSES) > 0:
        shown_more = tr.ngettext(
            "and {count} more response", "and {count} more responses", more, count=tr.number(more)
        )
        lines.append(f"{start}↳ {escape(shown_more)}")
    return lines


def _entry_markup(tr: Translator, entry: LedgerEntry, shown: ShownAnswers) -> str:
    allegation = entry.allegation
    claim = clean(allegation.claim, one_line=True) or clean(allegation.sentence, one_line=True)
    accuser = truncate(clean(allegation.accuser, one_line=True), 100)
    if not accuser:  # no one named makes the claim: the outlet reports it
        outlet = _source_name(tr, entry.outlet, 100) or tr.gettext("unknown source")
        accuser = tr.gettext("reported by {outlet}", outlet=outlet)
    claim = truncate(claim, _CLAIM_LIMIT) or tr.gettext("(no claim text)")
    start = tr.line_start or (LRM if _right_to_left(claim + accuser) else "")
    day = escape(tr.date(entry.published))
    marker = ""
    if compose.less_certain(allegation):
        # TRANSLATORS: after an allegation the looser fallback reader found (often wrong).
        marker = " " + escape(tr.gettext("(less certain)"))
    lines = [
        f"{start}• <i>{escape(claim)}</i>{marker}",
        f"{start}{_in_line(tr, escape(accuser))} · {day} ·"
        f" {tr.commands(story_hint(entry.story_id))}",
    ]
    if entry.sources:
        lines.append(start + _source_links(tr, entry.sources))
    lines.extend(_response_lines(tr, entry, shown))
    return "\n".join(lines)


def render_ledger(
    tr: Translator, entries: Sequence[LedgerEntry], *, title: str | None = None
) -> list[str]:
    """Render the allegations ledger grouped by target, newest story first.

    The clause patterns' readings come first in each target, and targets only the fallback
    reader found after the others (``compose.certain_first``); a fallback item is marked as
    less certain. An answer to several allegations of a target that follow one another
    shows once, after the last of them (``digests.ledger``, as ``newsbot allegations``).
    """
    head = _header_block(title if title is not None else tr.gettext("Allegations ledger"))
    if not entries:
        return _pack([head, _block(escape(tr.gettext("No allegations recorded yet.")))])
    blocks = [head]
    for group in target_groups(entries):
        target = truncate(clean(group[0].allegation.target, one_line=True), 150)
        shown = bold(target or tr.gettext("Unnamed"))
        answers = shown_answers([e.allegation for e in group])
        markups = [_entry_markup(tr, e, a) for e, a in zip(group, answers, strict=True)]
        blocks.append(_block(f"{shown}\n{markups[0]}"))
        carry = _continued(tr, shown)
        blocks.extend(_block(markup, carry=carry) for markup in markups[1:])
    return _pack(blocks)


def render_chat_digest(tr: Translator, content: ChatDigest) -> list[str]:
    """Render a chat's digest: its stories, then their allegations when it has them.

    A digest is the number of stories its chat chose, sent on a schedule, with no "More"
    button (and to channels, where no reader can send a command): it promises no further
    page. "Showing 1–5 of 15." counted new stories the reader had no way to reach, and /latest
    lists others (those already sent, without the chat's filters).
    """
    if content.nothing_new:
        return [escape(empty_note(tr))]
    parts = render_digest(tr, content.digest, paged=False)
    if content.ledger:
        title = tr.gettext("Allegations in these stories")
        parts += render_ledger(tr, content.ledger, title=title)
    return parts


def _continued(tr: Translator, header: str) -> str:
    """Return a heading (HTML) as it opens a later message: "<b>Sources</b> (continued)"."""
    return tr.gettext("{heading} (continued)", heading=header)


def render_lines(
    tr: Translator, lines: Sequence[str], *, header: str = "", sep: str = "\n"
) -> list[str]:
    """Pack self-contained HTML lines into messages, measured; a long list repeats the header.

    ``header`` is HTML (e.g. "<b>Sources (12)</b>"); each later message starts with it and
    "(continued)". ``sep`` goes between lines ("\n\n" for replies of several lines each).
    """
    carry = _continued(tr, header) if header else None
    blocks = [_block(header)] if header else []
    blocks += [_block(line, sep=sep, carry=carry) for line in lines]
    return _pack(blocks)
