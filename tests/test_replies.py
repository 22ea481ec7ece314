"""Every reply that is not a digest: valid Telegram HTML whatever the feeds and users send."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import replies
from bot.i18n import english, translator
from bot.jobs import IngestReport
from bot.telegram_html import check_message
from digests.ingest import PollResult
from digests.message import Message
from digests.models import Source, SourceAttention, Subscription
from digests.opml import ImportResult
from digests.process import ProcessResult

EN = english()
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NASTY = '<b>A & "B"</b> </i> \x00 \u202e ' + "x" * 5000
# A pipeline error whose value is whatever a server or a library said.
NASTY_ERROR = Message("cannot connect: {detail}", {"detail": NASTY})


def source(n: int, **kw: object) -> Source:
    values: dict[str, object] = {
        "id": n,
        "url": f"https://s{n}.example/feed?a=1&b=<2>",
        "kind": "feed",
        "title": NASTY,
        "poll_interval": 900,
        "item_count": n,
    }
    values.update(kw)
    return Source(**values)  # type: ignore[arg-type]


def every_message(texts: list[str]) -> list[str]:
    for text in texts:
        check_message(text)
    return texts


def test_source_list_and_statistics_are_valid_and_packed() -> None:
    many = [source(n, last_ok="2026-11-28T10:00:00+00:00") for n in range(1, 200)]
    many.append(source(500, paused=True))
    pages = every_message(replies.source_list(EN, many, NOW))
    assert len(pages) > 1 and pages[1].startswith("<b>Sources (199)</b> (continued)")
    assert "1 paused source not shown." in pages[-1]
    unwell = [
        SourceAttention(source(n, consecutive_errors=3, last_error=NASTY), NASTY, "failing", NOW)
        for n in range(1, 80)
    ]
    every_message(replies.statistics(EN, {"articles": 3}, unwell, NOW, NOW))
    assert replies.source_list(EN, [], NOW) == [replies.no_sources(EN)]


def test_ingest_report_and_add_source_reply() -> None:
    polls = tuple(
        (source(n), PollResult(n, "error" if n % 2 else "ok", new=n, error=NASTY_ERROR))
        for n in range(1, 120)
    )
    report = IngestReport(polls, ProcessResult(3, 2, 1))
    pages = every_message(replies.ingest_report(EN, report))
    assert "<b>Total</b>: sources: 119," in pages[-1]
    one = IngestReport(polls[:1], ProcessResult(1, 1, 1))
    every_message([replies.source_added(EN, one, 1)])
    assert "The feed lists 1 item." in replies.source_added(EN, one, 1)


def test_ingest_report_counts_updated_articles_as_replaced_by_a_newer_or_fuller_version() -> None:
    # SaveResult.replaced counts both: a fuller copy, and the newer version its outlet made.
    polls = ((source(1), PollResult(1, "ok", new=0, duplicates=1, replaced=2)),)
    [text] = every_message(replies.ingest_report(EN, IngestReport(polls, ProcessResult(0, 0, 0))))
    assert "2 replaced by a newer or fuller version" in text


@pytest.mark.parametrize(
    ("language", "wrong"),
    [("en", ["1 sources", "1 new articles", "1 articles"]), ("de", ["1 Quellen"])],
)
def test_ingest_totals_of_one_are_not_written_as_plurals(language: str, wrong: list[str]) -> None:
    report = IngestReport(((source(1), PollResult(1, "ok", new=1)),), ProcessResult(1, 1, 1))
    [text] = every_message(replies.ingest_report(translator(language), report))
    assert not [w for w in wrong if w in text], text


@pytest.mark.parametrize("frequency", ["daily", "weekdays", "hourly", "weekly"])
def test_subscription_texts(frequency: str) -> None:
    sub = Subscription(
        id=1, chat_id=5, chat_type="private", frequency=frequency, include=(NASTY,), exclude=("<",)
    )
    every_message([replies.subscribed(EN, sub, updated=False), replies.settings_page(EN, sub)])
    every_message([replies.channel_subscribed(EN, NASTY, NASTY, sub)])
    every_message([replies.channel_settings(EN, NASTY, NASTY, sub)])


def test_one_line_replies_escape_what_they_quote() -> None:
    texts = [
        replies.unknown_command(EN, NASTY),
        replies.no_allegations(EN, NASTY),
        replies.cannot_add(EN, NASTY, NASTY_ERROR),
        replies.cannot_import(EN, NASTY_ERROR),
        replies.imported(EN, NASTY, ImportResult(1, 2, [(NASTY, NASTY_ERROR)] * 7)),
        replies.channel_not_found(EN, NASTY),
        replies.channel_not_subscribed(EN, NASTY),
        replies.channel_unsubscribed(EN, NASTY),
        replies.not_your_channel_to_change(EN, NASTY),
        replies.not_a_channel(EN, NASTY),
        replies.not_channel_admin(EN, NASTY),
        replies.cannot_post(EN, NASTY),
        replies.admin_error(EN, False, NASTY),
        replies.delivery_failure(EN, 1, 0, 2, NASTY, bug=True),
        replies.help_page(EN, [("/latest [n]", "Top <stories>")], [("/stats", "Counts & health")]),
        replies.welcome(EN),
        replies.most_accused(EN),
    ]
    every_message(texts)
    assert "&lt;b&gt;A &amp;" in replies.no_allegations(EN, "<b>A & B")


def test_sources_tell_a_source_whose_fetches_failed_from_one_not_fetched_yet() -> None:
    failed = source(1, consecutive_errors=1, last_error="HTTP 404")
    assert "last fetch failed" in replies.source_line(EN, failed, NOW)
    assert "not fetched yet" in replies.source_line(EN, source(2), NOW)
    russian = replies.source_line(translator("ru"), failed, NOW)
    assert "последняя загрузка не удалась" in russian
