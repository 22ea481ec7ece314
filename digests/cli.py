"""The pipeline's commands of ``newsbot``: ingest, summarise, read, manage sources.

They are plain click commands listed in ``COMMANDS``; ``bot.cli`` builds the ``newsbot`` group
from them and the bot's own ``run`` and ``console`` (the group sets ``ctx.obj["db"]``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import os
import shlex
import sqlite3
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from sqlite_utils import Database

from digests import backup, compose, opml, read, retention, store
from digests.bootstrap import SEEDS_DIR, open_database
from digests.errors import NewsbotError
from digests.fetch import FetchLimits, make_client
from digests.fetch import limits_from_env as fetch_limits_from_env
from digests.message import N_, Message
from digests.models import Allegation, PruneCounts, Response, Source, SourceAttention
from digests.polite import limits_from_env
from digests.summary_method import DEFAULT_METHOD, METHOD_NAMES, method_from_env

if TYPE_CHECKING:  # loaded by the commands that run them: the others start without sumy
    from digests import ingest, process

DEFAULT_DB = "data/newsbot.db"


@contextmanager
def _db(ctx: click.Context, method: str | None = None) -> Iterator[Database]:
    """Open the database (its first start processes the seeds with ``method``: a command's
    --method, else SUMMARY_METHOD, read only then)."""
    try:
        try:
            db = open_database(ctx.obj["db"], method=method or _method())
        except NewsbotError as error:  # a bad DATABASE_PATH or --db: one line, no traceback
            _fail(error)
        try:
            yield db
        finally:
            db.close()
    except sqlite3.OperationalError as error:
        if "disk is full" not in str(error):  # SQLITE_FULL; SQLite rolled the write back
            raise
        raise click.ClickException(
            f"{ctx.obj['db']}: the disk is full ({error}): free some space and run the command"
            " again; what it was writing was not saved"
        ) from None


def _fail(error: Exception) -> NoReturn:
    raise click.ClickException(str(error)) from error


@click.command("ingest")
@click.option("--source", "urls", multiple=True, help="Poll only this source URL (repeatable).")
@click.option("--seeds", "seeds", is_flag=True, help="Load the seed articles from seeds/.")
@click.option("--all", "poll_all", is_flag=True, help="Poll every active source, due or not.")
@click.pass_context
def ingest_cmd(ctx: click.Context, urls: tuple[str, ...], seeds: bool, poll_all: bool) -> None:
    """Fetch due sources (or the given ones), then cluster, summarise and extract.

    Exits 1 when every source given with --source failed (what was stored is kept and
    processed); polling due sources, some may fail and the command still succeeds.

    Example: newsbot ingest --source https://feeds.bbci.co.uk/news/world/rss.xml
    """
    from digests import ingest, process

    polling = _polling_settings()  # a bad setting stops the command before it prints or stores
    with _db(ctx) as db:
        if seeds:
            # A first start loads the seeds as it opens the database: "0 new" said it failed.
            loaded = ingest.load_seeds(db, SEEDS_DIR)
            known = f" ({loaded.known:,} already loaded)" if loaded.known else ""
            click.echo(f"seeds: {_count(loaded.new, 'new article')}{known}")
        try:
            sources = _sources_to_poll(db, urls, poll_all)
        except NewsbotError as error:
            _fail(error)
        with click.progressbar(length=len(sources), label="polling", file=sys.stderr) as bar:
            results = asyncio.run(
                _poll(db, sources, polling, due_only=not urls and not poll_all, bar=bar)
            )
        for r in results:
            source = store.get_source(db, r.source_id)
            line = f"{source.title}: {r.status}, {r.new} new, {r.duplicates} duplicate"
            if r.replaced:
                line += f", {r.replaced} replaced by a newer or fuller version"
            if r.expired:
                line += f", {r.expired} older than retention keeps"
            click.echo(line + (f" — {r.error or r.warning}" if r.error or r.warning else ""))
        done = _process(db, _method(), process.SUMMARY_WORDS)
        click.echo(
            f"stories: {_count(done.clustered, 'article')} clustered, {done.summarised} summarised, "
            f"{done.allegations} checked for allegations"
        )
    if urls and results and all(r.status == "error" for r in results):
        # Asked for by name, none could be read: a script must see it (the lines above say why).
        asked = "the source asked for" if len(results) == 1 else "every source asked for"
        raise click.ClickException(f"{asked} failed")


def _sources_to_poll(db: Database, urls: tuple[str, ...], poll_all: bool) -> list[Source]:
    if urls:
        return [store.get_source(db, u) for u in urls]  # paused or not: asked for by name
    if poll_all:
        return [s for s in store.list_sources(db) if not s.paused and s.kind in ("feed", "page")]
    return [s for s in store.due_sources(db) if s.kind in ("feed", "page")]


@dataclasses.dataclass(frozen=True, slots=True)
class _Polling:
    """The settings a poll reads, all read (and checked) before anything is printed."""

    per_host: int
    host_gap: float
    limits: FetchLimits
    policy: retention.Policy


class _ConfigError(click.ClickException):
    """A bad value of a setting in the environment or .env: one line naming the key, exit
    status 2, as the bot says it (bot.cli), not a usage error: the command was typed right."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"newsbot: configuration error: {self.message}", err=True)


def _polling_settings() -> _Polling:
    """The bot's per-host, size and retention limits, from the same variables (.env included:
    see bot.cli); SUMMARY_METHOD is checked too, as the processing pass after the poll reads it.
    """
    _method()
    policy = _policy(None)
    try:
        per_host, host_gap = limits_from_env(os.environ)
    except ValueError as error:
        raise _ConfigError(str(error)) from None
    return _Polling(per_host, host_gap, _fetch_limits(), policy)


async def _poll(
    db: Database, sources: list[Source], polling: _Polling, *, due_only: bool, bar: Any
) -> list[ingest.PollResult]:
    from digests import ingest

    per_host, host_gap, limits = polling.per_host, polling.host_gap, polling.limits
    not_before = retention.horizon(polling.policy)  # as old as the bot keeps, not older
    async with make_client(per_host=per_host, host_gap=host_gap) as client:
        if due_only:
            return await ingest.ingest_due(
                db,
                client,
                progress=lambda _: bar.update(1),
                not_before=not_before,
                limits=limits,
            )
        return await ingest.poll_sources(
            db,
            client,
            sources,
            progress=lambda _: bar.update(1),
            not_before=not_before,
            limits=limits,
        )


def _method() -> str:
    """SUMMARY_METHOD, as the bot reads it (.env included: see bot.cli)."""
    try:
        return method_from_env(os.environ)
    except ValueError as error:
        raise _ConfigError(str(error)) from None


def _process(db: Database, method: str, words: int) -> process.ProcessResult:
    """Run the processing pass, with a bar for its summaries."""
    from digests import process

    pending = store.count_pending_summaries(db, method)
    with click.progressbar(length=pending, label="summarising", file=sys.stderr) as bar:

        def progress(step: str, n: int) -> None:
            if step == "summarising":
                bar.update(n)

        return process.process_pending_sync(db, method=method, words=words, progress=progress)


@click.command("summarise")
@click.argument("files", nargs=-1, type=click.Path(exists=True, allow_dash=True, dir_okay=False))
@click.option("--words", type=click.IntRange(1), help="Budget in words (default 75).")
@click.option("--sentences", type=click.IntRange(1), help="Budget in sentences.")
@click.option(
    "--method",
    type=click.Choice(sorted(METHOD_NAMES)),
    help=f"Ranking method (default: SUMMARY_METHOD, else {DEFAULT_METHOD}).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text")
@click.pass_context
def summarise_cmd(
    ctx: click.Context,
    files: tuple[str, ...],
    words: int | None,
    sentences: int | None,
    method: str | None,
    fmt: str,
) -> None:
    """Summarise text files (or - for stdin); with none, the pending articles in the database.

    A file's first line is its headline, kept out of the summary, when it does not end like a
    sentence (. ! ? or …, maybe then a closing quote or bracket) and a blank line follows it;
    a seed file (a "Title:" header block, as in seeds/) has its headline in the header.

    Example: newsbot summarise --words 60 article.txt
    """
    from digests import process, summarise

    if words and sentences:
        raise click.UsageError("give --words or --sentences, not both")
    method = method or _method()
    if not files:
        if _stdin_holds_text():
            # `newsbot summarise < article.txt` summarised the database and said nothing of
            # the text: only "-" reads standard input.
            click.echo(
                "Note: standard input is not read without -: newsbot summarise - < FILE; "
                "summarising the database's pending articles",
                err=True,
            )
        with _db(ctx, method) as db:
            pending = store.count_pending_summaries(db, method)
            with click.progressbar(length=pending, label="summarising", file=sys.stderr) as bar:
                done = asyncio.run(
                    process.summarise_pending(
                        db,
                        method=method,
                        words=words or process.SUMMARY_WORDS,
                        progress=lambda _, n: bar.update(n),
                    )
                )
            click.echo(f"{_count(done, 'article')} summarised with {method}")
        return
    budget: dict[str, Any] = {"sentences": sentences} if sentences else {"words": words or 75}
    texts = _text_files(files)
    for name, text in list(texts.items()):
        if not text.strip():
            # An empty line and status 0 said it worked (`newsbot summarise - < /dev/null`).
            click.echo(f"Error: {name}: no text to summarise: skipped", err=True)
            del texts[name]  # refused, as a binary file is: status 1 once the others are done
            continue
        summary = summarise.summarise_document(text, method=method, **budget)
        if fmt == "jsonl":
            click.echo(json.dumps({"file": name, "summary": summary}, ensure_ascii=False))
        else:
            if len(files) > 1:
                click.secho(f"== {name}", bold=True)
            click.echo(summary)
    _exit_if_refused(files, texts)


def _stdin_holds_text() -> bool:
    """Return whether standard input is a pipe or a non-empty file (not a terminal, not null)."""
    try:
        info = os.fstat(sys.stdin.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    return stat.S_ISFIFO(info.st_mode) or (stat.S_ISREG(info.st_mode) and info.st_size > 0)


def _text_files(names: tuple[str, ...]) -> dict[str, str]:
    """Return each file's text (``-``: stdin); a file that is not text is named and left out.

    Text is UTF-8 (a byte-order mark allowed) without NUL bytes: anything else would come out
    as garbage, so it gets an error on stderr and the other files go on. So does a file larger
    than the bot reads from one page (``FETCH_MAX_MB``, 5 MB unless set): no article is that
    long, and reading its allegations would take minutes with nothing said.
    """
    limit = _fetch_limits().max_bytes
    texts: dict[str, str] = {}
    for name in names:
        with click.open_file(name, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            click.echo(
                f"Error: {name}: over {limit:,} bytes, longer than any article the bot reads "
                "(FETCH_MAX_MB): skipped",
                err=True,
            )
            continue
        try:
            if b"\0" in data:
                raise UnicodeError
            texts[name] = data.decode("utf-8-sig")
        except UnicodeError:
            click.echo(
                f"Error: {name}: not a text file (binary data, or not UTF-8): skipped", err=True
            )
    return texts


def _exit_if_refused(names: tuple[str, ...], texts: dict[str, str]) -> None:
    """Exit with status 1 once the text files are done, when any file was not text."""
    if len(texts) < len(set(names)):
        sys.exit(1)


@click.command("latest")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--include", multiple=True, help="Only stories mentioning this keyword.")
@click.option("--exclude", multiple=True, help="Leave out stories mentioning this keyword.")
@click.option("--hours", type=click.IntRange(1), help="Only stories from the last N hours.")
@click.pass_context
def latest_cmd(
    ctx: click.Context,
    limit: int,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    hours: int | None,
) -> None:
    """Print the top stories as a digest.

    Example: newsbot latest --limit 10 --include Telegram
    """
    with _db(ctx) as db:
        since = store.utcnow() - timedelta(hours=hours) if hours else None
        digest = read.latest(
            db, limit=limit, include=include, exclude=exclude, since=since, method=_method()
        )
        if not digest.stories and (include or exclude or hours) and store.count(db, "stories"):
            # Not "No stories yet. Run newsbot ingest": there are some, the filters keep none.
            click.echo(f"{digest.title}\n\nNo stories match --include, --exclude or --hours.")
            return
        click.echo(compose.render_text(digest))


class _WordsCommand(click.Command):
    """A command whose arguments are words, ``-word`` among them: ``newsbot search climate
    -football`` failed with "No such option '-f'" (and ``-health`` printed the help). A word
    with one dash that names no option of the command is a word, as after ``--``; an unknown
    ``--option`` is still refused, a typo being likelier there than a word."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            return super().parse_args(ctx, args)
        takes_value = {
            name: not param.is_flag
            for param in self.get_params(ctx)
            if isinstance(param, click.Option)
            for name in (*param.opts, *param.secondary_opts)
        }
        options: list[str] = []
        words: list[str] = []
        value_next = False
        for arg in args:
            name = arg.split("=", 1)[0]
            if value_next or name in takes_value or arg.startswith("--"):
                options.append(arg)
                value_next = not value_next and takes_value.get(arg, False)
            else:
                words.append(arg)
        return super().parse_args(ctx, [*options, "--", *words] if words else options)


@click.command("search", cls=_WordsCommand)
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.pass_context
def search_cmd(ctx: click.Context, words: tuple[str, ...], limit: int) -> None:
    """Full-text search over titles and texts, best match first.

    Example: newsbot search Durov arrest -football (-football: stories with it left out)
    """
    if not read.searchable(" ".join(words)):
        raise click.UsageError("nothing to look for: give a word (a -word only leaves stories out)")
    with _db(ctx) as db:
        digest = read.search(db, " ".join(words), limit=limit, method=_method())
        if not digest.stories:
            click.echo(f"No results for {' '.join(words)!r}.")
            return
        click.echo(compose.render_text(digest))


class _StoryId(click.IntRange):
    """A story's number, 1 to ``read.MAX_ID``, written as /story reads it (``read.story_number``:
    "12", "/story_12", "#12", "№12"); a word gets what an id is, not click's "'abc' is not a
    valid integer range"."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            number = read.story_number(value)
            if number is not None:
                return number
            if not value.strip().isdecimal():
                self.fail(
                    f"{value!r} is no story id: give a story's number (a digest's /story_12 is 12)",
                    param,
                    ctx,
                )
        return super().convert(value, param, ctx)


@click.command("story")
@click.argument("story_id", type=_StoryId(1, read.MAX_ID))
@click.pass_context
def story_cmd(ctx: click.Context, story_id: int) -> None:
    """Print one story with every source (STORY_ID as /story takes it: 12, /story_12, '#12').

    Example: newsbot story 1
    """
    with _db(ctx) as db:
        item = read.story(db, story_id, method=_method())
        if item is None:
            raise click.ClickException(f"no story {story_id}")
        click.secho(item.title, bold=True)
        click.echo(f"{item.published:%Y-%m-%d %H:%M} UTC\n\n{item.summary}\n")
        for link in item.sources:
            click.echo(f"- {link.name}: {link.url}")


@click.command("stats")
@click.pass_context
def stats_cmd(ctx: click.Context) -> None:
    """Print counts of sources, articles, stories and summaries, subscribers and deliveries
    (as /stats), then why deliveries failed in the last 24 hours.

    Example: newsbot stats
    """
    with _db(ctx) as db:
        now = store.utcnow()
        counts = {**store.stats(db, now=now), **store.delivery_stats(db, now=now)}
        failures = store.delivery_failures(db, now=now)
        unwell = store.sources_needing_attention(db, now=now)
    for key, value in counts.items():
        click.echo(f"{key.replace('_', ' ')}: {value}")
    for why, count in failures:
        click.echo(f"failed: {why or 'unknown error'} ({count})")
    if unwell:
        click.echo("sources needing attention (failing first):")
    for item in unwell:
        click.echo(f"  {attention_line(item)}")


def attention_line(item: SourceAttention) -> str:
    """Return a source needing attention as ``newsbot stats`` lists it (English, as /stats
    says it): "Example News — 3 errors in a row, no success since 2026-03-02 14:05 UTC:
    HTTP 500 (https://example.org/feed.xml)"; "never succeeded (added ...)" for a source that
    never fetched well."""
    source = item.source
    since = f"{item.since:%Y-%m-%d %H:%M} UTC" if item.since is not None else ""
    if item.state == "failing":
        errors = source.consecutive_errors
        state = "paused" if source.paused else _count(errors, "error") + " in a row"
        if source.last_ok is None:  # failing since it was added
            state += f", never succeeded (added {since})" if since else ", never succeeded"
        else:
            state += f", no success since {since}" if since else ""
    elif item.state == "warning":
        state = f"fetched with a warning at {since}"
    elif item.state == "quiet":
        state = f"no new article since {since}"
    else:
        state = f"paused since {since}" if since else "paused"
    reason = None
    if item.state != "quiet":
        reason = source.pause_reason if source.paused else source.last_error
    detail = f": {' '.join(reason.split())}" if reason else ""
    return f"{item.name} — {state}{detail} ({source.url})"


def _cue_language(code: str | None) -> str | None:
    """Return --language when allegations have rules for it; refuse it otherwise."""
    from digests import allegations

    if code is not None and allegations.cues_for(code) is None:
        # Without rules every file would silently show no allegations.
        known = ", ".join(allegations.cue_languages())
        raise click.BadParameter(f"no allegation rules for {code!r} (one of {known})")
    return code


@click.command("allegations")
@click.argument("words", nargs=-1)
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extract from this text file without storing (repeatable).",
)
@click.option(
    "--language",
    callback=lambda _ctx, _param, value: _cue_language(value),
    help="The files' language (ISO 639-1, e.g. fr); default: detected from each file's text.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def allegations_cmd(
    ctx: click.Context,
    words: tuple[str, ...],
    files: tuple[str, ...],
    language: str | None,
    fmt: str,
) -> None:
    """Show the allegations ledger, or extract allegations from text files.

    A file's first line is its headline when a blank line follows it (as for summarise), and
    each file is read with its own language's rules (detected unless --language is given).

    \b
    Example: newsbot allegations Durov
    Example: newsbot allegations --file article.txt --format json
    Example: newsbot allegations --file article.txt --language fr
    Example: newsbot allegations --file one.txt two.txt (words after --file are files too)
    """
    from digests import allegations, ledger
    from digests.summarise import document_parts

    if files:
        # `--file a.txt b.txt` (as the README writes `--file FILE ...`) gave b.txt to WORDS,
        # which a file extraction has no use for: it was dropped without a word.
        path = click.Path(exists=True, dir_okay=False)
        files += tuple(str(path.convert(word, None, ctx)) for word in words)
        texts = _text_files(files)
        result: dict[str, list[dict[str, Any]]] = {}
        for name, text in texts.items():
            # As the processing pass reads an article: its headline apart, its own language.
            title, body = document_parts(text)
            found = allegations.extract_in_own_language(body, title=title, language=language)
            result[name] = _allegations_json([[(a, name) for a in found]])
        if fmt == "json":
            click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            for name, items in result.items():
                click.secho(f"== {name}", bold=True)
                if not items:  # the name alone looked like output cut short
                    click.echo("No allegations found.")
                for item in items:
                    click.echo(_allegation_lines(item))
        _exit_if_refused(files, texts)
        return
    with _db(ctx) as db:
        # By target as the bot shows them, each answer once (digests.ledger).
        groups = ledger.target_groups(read.ledger(db, " ".join(words)))
    entries = [entry for group in groups for entry in group]
    items = _allegations_json([[(e.allegation, e.outlet) for e in group] for group in groups])
    for item, entry in zip(items, entries, strict=True):
        item["story_id"] = entry.story_id
        item["published"] = store.iso(entry.published)
        item["sources"] = [{"name": s.name, "url": s.url} for s in entry.sources]
    if fmt == "json":
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo("No allegations found." if words else "No allegations in the database yet.")
    for item, entry in zip(items, entries, strict=True):
        sources = ", ".join(s.url for s in entry.sources)
        click.echo(_allegation_lines(item, f"   {entry.published:%Y-%m-%d} · {sources}"))


def _allegations_json(groups: Sequence[Sequence[tuple[Allegation, str]]]) -> list[dict[str, Any]]:
    """Return groups of allegations (each with its outlet) as JSON items, each answer once.

    Each item has an ``id`` (its place, from 1); an answer to several items in a row of a
    group is in the ``responses`` of the last of them only, with ``answers``: the ids of the
    items it answers (``digests.ledger``, as the bot shows it once after them).
    """
    from digests import ledger

    items: list[dict[str, Any]] = []
    for group in groups:
        shown = ledger.shown_answers([allegation for allegation, _ in group])
        for (allegation, outlet), answers in zip(group, shown, strict=True):
            number = len(items) + 1
            item = {"id": number, **_allegation_json(allegation, outlet=outlet)}
            item["responses"] = [
                *(_response_json(r, [number]) for r in answers.own),
                *(
                    _response_json(a.response, list(range(number - a.answers + 1, number + 1)))
                    for a in answers.after
                ),
            ]
            # Answered, though perhaps by an answer in a later item's "responses".
            item["answered"] = bool(allegation.responses)
            items.append(item)
    return items


def _response_json(response: Response, answers: list[int]) -> dict[str, Any]:
    return {
        "sentence": response.sentence,
        "responder": response.responder,
        "kind": response.kind,
        "answers": answers,
    }


def _allegation_json(item: Allegation, *, outlet: str) -> dict[str, Any]:
    """Return an item as JSON; a claim no one is named making has its outlet as the accuser."""
    return {
        "sentence": item.sentence,
        "accuser": item.accuser or outlet,
        "accuser_is_outlet": not item.accuser,
        "target": item.target,
        "claim": item.claim,
        "kind": item.kind,
        # "fallback": the looser fallback reader found it (right less often); "": the patterns
        "reading": item.reading,
    }


def _allegation_lines(item: dict[str, Any], where: str = "") -> str:
    """Return an item as text: its line, its own answers, where it was reported, then the
    answers it shares with the items just above ("response to the 2 allegations above")."""
    from digests.allegations.kinds import FALLBACK_READING

    said = "reported by" if item["accuser_is_outlet"] else "by"
    line = f"- {item['target']}: {item['claim']} ({item['kind']} {said} {item['accuser']})"
    if item["reading"] == FALLBACK_READING:
        line += " (less certain)"
    lines = [line]
    if not item["answered"]:
        lines.append("   no response reported")
    own = [r for r in item["responses"] if len(r["answers"]) == 1]
    shared = [r for r in item["responses"] if len(r["answers"]) > 1]
    # Each answer with its own sentence: one party may answer in two sentences.
    lines += [f"   response: {r['responder']} ({r['kind']}): {r['sentence']}" for r in own]
    if where:
        lines.append(where)
    lines += [
        f"   response to the {len(r['answers'])} allegations above:"
        f" {r['responder']} ({r['kind']}): {r['sentence']}"
        for r in shared
    ]
    return "\n".join(lines)


# --- upkeep: retention, backups ----------------------------------------------------------------


def _policy(days: int | None) -> retention.Policy:
    """RETENTION_DAYS and LEDGER_RETENTION_DAYS as the bot reads them; --days wins."""
    try:
        policy = retention.policy_from_env(os.environ)
    except ValueError as error:
        raise _ConfigError(str(error)) from None
    if days is not None:
        policy = dataclasses.replace(policy, articles_days=days or None)
    return policy


def _count(n: int, singular: str, plural: str = "") -> str:
    """Return a count with its noun in the number it takes: "1 whole week", "2 whole weeks",
    "1,234 articles" (the plural is the singular with an "s" unless given)."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def prune_lines(counts: PruneCounts, policy: retention.Policy, *, dry_run: bool) -> list[str]:
    """Return what ``newsbot prune`` prints: each count, and the rules it applied."""

    def kept(days: int | None) -> str:
        return "kept for ever" if days is None else f"older than {_count(days, 'day')}"

    lines = [
        f"articles ({kept(policy.articles_days)}): {counts.articles:,} removed, "
        f"{counts.emptied:,} emptied (kept as a link of a younger story)",
        f"stories: {counts.stories:,} removed, with {_count(counts.records, 'record')} of them "
        "(sent to a chat, posted live)",
        f"summaries: {counts.summaries:,}",
        f"search entries: {counts.search:,} (of emptied articles, the title stays),"
        f" and {_count(counts.search_weeks, 'whole week')} of the search index",
        f"outbox rows (finished, older than {_count(policy.outbox_days, 'day')}): "
        f"{counts.outbox:,}",
        f"outbox texts (finished, older than {_count(policy.outbox_text_days, 'day')}; "
        f"the rows stay): {counts.outbox_texts:,}",
        f"ledger items ({kept(policy.ledger_days)}): {counts.ledger:,}",
        f"article text and summaries: {_megabytes(counts.text_bytes)}",
    ]
    if dry_run:
        return ["Would remove (nothing changed: --dry-run):", *lines]
    return ["Removed:", *lines, f"space given back: {_megabytes(counts.bytes_freed)}"]


@click.command("prune")
@click.option("--dry-run", is_flag=True, help="Only count what would go; change nothing.")
@click.option(
    "--days",
    type=click.IntRange(0, retention.MAX_DAYS),
    help="Keep articles this many days (default RETENTION_DAYS, 90; 0: for ever).",
)
@click.pass_context
def prune_cmd(ctx: click.Context, dry_run: bool, days: int | None) -> None:
    """Remove old articles, stories, finished outbox rows and ledger items; give space back.

    The bot does this every day; see README "Retention and backups" for the rules.

    Example: newsbot prune --dry-run --days 30
    """
    policy = _policy(days)
    with _db(ctx) as db:
        counts = retention.plan(db, policy) if dry_run else retention.prune_sync(db, policy)
        for line in prune_lines(counts, policy, dry_run=dry_run):
            click.echo(line)


@click.command("backup")
@click.argument("path", type=click.Path())
@click.pass_context
def backup_cmd(ctx: click.Context, path: str) -> None:
    """Copy the database to PATH while the bot runs (SQLite's backup API), then check the copy.

    PATH is a file or a folder, which gets a new newsbot-YYYYmmdd-HHMMSS.db. An existing file
    is replaced only by a copy that passed its check, and only if it is a newsbot database
    itself (an older backup): any other file is left alone.

    Example: newsbot backup /var/backups/newsbot/
    """
    # A path ending in a slash names a folder even before it exists (Path would drop the
    # slash, and a missing /var/backups/newsbot/ would become a file named "newsbot").
    folder = path.endswith(("/", os.sep)) or Path(path).is_dir()
    target = Path(path) / backup.backup_name(store.utcnow()) if folder else Path(path)
    try:
        made = store.backup_database(Path(ctx.obj["db"]), target)
    except NewsbotError as error:
        _fail(error)
    click.echo(f"backed up to {made.path} ({_megabytes(made.size)}, integrity checked)")


@click.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def restore_cmd(ctx: click.Context, path: Path) -> None:
    """Replace the database with a backup, once the backup is checked; keep the old one.

    Refused while the bot (or the console chat) runs on this database, and for a file that
    is damaged or not a newsbot database. The old database stays beside it as
    DATABASE.before-restore-YYYYMMDD-HHMMSS (UTC): each restore keeps its own.

    Example: newsbot restore /var/backups/newsbot/newsbot-20261201-040000.db
    """
    database = Path(ctx.obj["db"])
    try:
        restored = store.restore_database(path, database)
    except NewsbotError as error:
        _fail(error)
    click.echo(f"restored {database} from {path} ({_megabytes(restored.size)}, integrity checked)")
    if restored.replaced is not None:
        click.echo(f"the database it replaced is kept as {restored.replaced}")
        # Named with --db: the same command without it would restore into DATABASE_PATH (or
        # data/newsbot.db), another database when this one was named by --db.
        undo = shlex.join(["newsbot", "--db", str(database), "restore", str(restored.replaced)])
        click.echo(f"to undo: {undo}")


# --- sources ---------------------------------------------------------------------------------


@click.group("sources")
def sources_group() -> None:
    """List, add, remove, pause and resume sources; import and export OPML."""


@sources_group.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def sources_list(ctx: click.Context, fmt: str) -> None:
    """List sources with their health, then how many are active, paused and failing.

    --format json prints one array: each source's id, url, title, kind, paused and why,
    errors in a row, last error (and when), last success, next poll and article count.

    Example: newsbot sources list --format json
    """
    with _db(ctx) as db:
        sources = store.list_sources(db)
    if fmt == "json":
        click.echo(json.dumps([_source_json(s) for s in sources], ensure_ascii=False, indent=1))
        return
    if not sources:
        click.echo("No sources. Add one with: newsbot sources add URL")
        return
    for s in sources:
        state = "paused" if s.paused else "active"
        health = _count(s.consecutive_errors, "error") if s.consecutive_errors else "ok"
        items = f"{s.item_count:>6} {'item ' if s.item_count == 1 else 'items'}"
        click.echo(f"{s.id:>4}  {state:<6}  {health:<9}  {items}  {s.title}  <{s.url}>")
        if s.paused and s.pause_reason:
            click.echo(f"      reason: {s.pause_reason}")
        elif s.last_error:
            click.echo(f"      last error: {s.last_error}")
    paused = sum(1 for s in sources if s.paused)
    failing = sum(1 for s in sources if not s.paused and s.consecutive_errors)
    click.echo(
        f"{_count(len(sources), 'source')}: {len(sources) - paused} active, {paused} paused,"
        f" {failing} failing"
    )


def _source_json(source: Source) -> dict[str, Any]:
    """Return a source as ``sources list --format json`` prints it."""
    return {
        "id": source.id,
        "url": source.url,
        "title": source.title,
        "kind": source.kind,
        "folder": source.folder,
        "paused": source.paused,
        "pause_reason": source.pause_reason,
        "errors": source.consecutive_errors,
        "last_error": source.last_error,
        "last_error_at": source.last_error_at,
        "last_ok": source.last_ok,
        "next_poll": source.next_poll,
        "poll_interval": source.poll_interval,
        "added_at": source.added_at,
        "items": source.item_count,
    }


def _fetch_limits() -> FetchLimits:
    """Return the fetch limits (FETCH_MAX_MB), a bad value a one-line error."""
    try:
        return fetch_limits_from_env(os.environ)
    except ValueError as error:
        raise _ConfigError(str(error)) from None


def _public_only() -> bool:
    """Return whether only public addresses may be added (ALLOW_PRIVATE_SOURCES off)."""
    try:
        return not opml.private_sources_allowed(os.environ)  # .env included: see bot.cli
    except ValueError as error:
        raise _ConfigError(str(error)) from None


@sources_group.command("add")
@click.argument("url")
@click.option("--title", help="Display name (default: the feed's own title).")
@click.option("--kind", type=click.Choice(["feed", "page"]), default="feed", show_default=True)
@click.option(
    "--interval",
    type=click.IntRange(60),
    default=store.DEFAULT_POLL_INTERVAL,
    show_default=True,
    help="Poll interval in seconds.",
)
@click.option("--no-full-text", is_flag=True, help="Never fetch article pages for teasers.")
@click.option(
    "--no-check",
    is_flag=True,
    help="Store a feed's address without fetching it first (offline; the next poll reads it).",
)
@click.pass_context
def sources_add(
    ctx: click.Context,
    url: str,
    title: str | None,
    kind: str,
    interval: int,
    no_full_text: bool,
    no_check: bool,
) -> None:
    """Add a feed or page source.

    A feed is fetched once first, as /addsource does: an address that is no feed is refused
    with the reason, a site's page that names its feed adds that feed, and an address moved
    for good adds the new one (--no-check stores the address as given, unread). Unless
    ALLOW_PRIVATE_SOURCES is true, loopback and private-network addresses are refused, as the
    bot (which would not fetch them) refuses them.

    Example: newsbot sources add https://www.theguardian.com/world/rss --interval 600
    """
    from digests import ingest

    url = opml.web_address(url)  # "feed://host/rss", as browsers write it: its http(s) feed
    public_only = _public_only()
    if public_only and (reason := opml.not_public(url)) is not None:
        raise click.ClickException(str(reason))  # the bot would refuse to fetch it
    with _db(ctx) as db:
        try:
            store.check_new_source(db, url, kind=kind, poll_interval=interval)
            found = None
            if kind == "feed" and not no_check:
                limits = _fetch_limits()
                found = asyncio.run(
                    ingest.probe_new_feed(url, allow_private=not public_only, limits=limits)
                )
                url = found.url  # a feed the page names, or the address it moved to for good
                # Already a source at the address it was read at (a short link, a 302)?
                store.check_new_source(db, url, kind=kind, read_at=found.read_at)
            source = store.add_source(
                db,
                url,
                kind=kind,
                title=title or (found.parsed.title if found else None) or None,
                poll_interval=interval,
                full_text=not no_full_text,
            )
        except NewsbotError as error:
            _fail(error)
        how = {"named": " (the feed the page names)", "moved": " (the feed's new address)"}
        click.echo(
            f"added source {source.id}: {source.url}{how.get(found.how, '') if found else ''}"
        )
        if found is not None and found.others:
            click.echo(f"the page names other feeds too: {', '.join(found.others)}")


def _source_command(name: str, doc: str) -> None:
    @sources_group.command(name, help=doc)
    @click.argument("source", nargs=-1, required=True)
    @click.pass_context
    def command(ctx: click.Context, source: tuple[str, ...]) -> None:
        failed = False
        with _db(ctx) as db:
            for words, found in _sources_named(db, source):
                try:
                    click.echo(_source_change(db, name, found.id if found else words))
                except NewsbotError as error:
                    click.echo(f"Error: {error}", err=True)
                    failed = True
        if failed:
            ctx.exit(1)


def _sources_named(db: Database, args: tuple[str, ...]) -> list[tuple[str, Source | None]]:
    """Return each source the arguments name, as /removesource reads its words.

    The words all together first (a title typed without quotes: ``pause Le Monde``); when
    one of them then names no source, each argument on its own, so that a title the shell
    kept whole (``pause 3 "Le Monde"``) is one name, not the words "Le" and "Monde".
    """
    named = store.sources_named(db, " ".join(args))
    if len(args) < 2 or all(found is not None for _, found in named):
        return named
    named = []
    seen: set[int] = set()
    for arg in args:
        for words, found in store.sources_named(db, arg):
            if found is None or found.id not in seen:
                named.append((words, found))
                seen.add(found.id if found else -1)
    return named


def _source_change(db: Database, name: str, key: str | int) -> str:
    """Remove, pause or resume one source; return what was done."""
    if name == "remove":
        done = store.remove_source(db, key)
    elif store.pause_unchanged(found := store.get_source(db, key), name == "pause"):
        # Pausing again would lose why it was paused; nothing to resume either.
        state = "already paused" if found.paused else "not paused, and polled without errors"
        why = f" ({found.pause_reason})" if found.paused and found.pause_reason else ""
        return f"source {found.id} is {state}: {found.title}{why}"
    else:
        reason = Message(N_("paused by an admin")) if name == "pause" else None
        done = store.set_paused(db, key, name == "pause", reason)
    return f"{name}d source {done.id}: {done.title}"


for _name, _doc in (
    (
        "remove",
        "Remove sources (by id, URL or title); their articles stay.\n\n"
        "Example: newsbot sources remove 3 4 5",
    ),
    ("pause", "Pause sources (by id, URL or title).\n\nExample: newsbot sources pause 3 4"),
    (
        "resume",
        "Resume paused sources and clear their errors.\n\nExample: newsbot sources resume 3",
    ),
):
    _source_command(_name, _doc)


@sources_group.command("import")
@click.argument("file", type=click.File("rb"))
@click.pass_context
def sources_import(ctx: click.Context, file: Any) -> None:
    """Import feeds (and web pages, as `sources export` writes them) from an OPML file.

    Sources already present are skipped; addresses that are no http(s) URL, and (unless
    ALLOW_PRIVATE_SOURCES is true) loopback and private-network addresses, are refused.

    Example: newsbot sources import seeds/sources.opml
    """
    try:
        listing = opml.read_opml(file.read(), include_pages=True)
    except NewsbotError as error:
        _fail(error)
    public_only = _public_only()
    with _db(ctx) as db:
        done = opml.import_sources(db, listing, public_only=public_only)
    for url, reason in done.refused:
        click.echo(f"refused {url}: {reason}", err=True)
    for site in done.sites:
        click.echo(f"no feed address, only a site's: {site} (newsbot sources add finds its feed)")
    for link in done.links:
        click.echo(f"a link to a web page or another OPML list, no feed: {link}")
    added, present, refused = done.added, done.present, len(done.refused)
    summary = f"imported {_count(added, 'source')}, {present} already present, {refused} refused"
    if done.sites:
        summary += f", {_count(len(done.sites), 'site')} without a feed not added"
    if done.links:
        summary += f", {_count(len(done.links), 'link')} to a page or a list not added"
    click.echo(summary)


@sources_group.command("export")
@click.argument("file", type=click.File("wb"), default="-")
@click.pass_context
def sources_export(ctx: click.Context, file: Any) -> None:
    """Export feed and page sources as OPML (to a file, or stdout); local folders (the seed
    folder) cannot go in OPML and are counted on stderr.

    Example: newsbot sources export sources.opml
    """
    with _db(ctx) as db:
        sources = store.list_sources(db)
    file.write(opml.render_opml(sources))
    exported = sum(1 for s in sources if s.kind != "file")
    local = len(sources) - exported
    note = f"exported {exported} source{'s' if exported != 1 else ''}"
    if local:
        folders = "folder is" if local == 1 else "folders are"
        note += f"; {local} local {folders} not exported (OPML holds only web feeds and pages)"
    click.echo(note, err=True)


COMMANDS: tuple[click.Command, ...] = (
    ingest_cmd,
    summarise_cmd,
    latest_cmd,
    search_cmd,
    story_cmd,
    stats_cmd,
    allegations_cmd,
    sources_group,
    prune_cmd,
    backup_cmd,
    restore_cmd,
)
