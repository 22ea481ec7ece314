"""The newsbot command line, through click's runner, on real SQLite files."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bot.cli import newsbot as cli
from digests import opml, process, store
from tests.conftest import SEEDS
from tests.feedserver import FeedServer
from tests.feedserver import feed_server as feed_server_fixture  # noqa: F401
from tests.support import READINGS_FR, save_readings_fr

FEEDS = Path(__file__).resolve().parent / "data" / "feeds"

SEED = SEEDS / "000_69be0bb2d80f3255.txt"
ROOT = Path(__file__).resolve().parent.parent


def run(db_path: Path, *args: str, input: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args], input=input, obj={})
    assert result.exit_code == 0, result.output
    return result.output


def test_first_start_loads_the_seeds_for_latest_and_search(db_path: Path) -> None:
    out = run(db_path, "latest")
    assert "Telegram CEO Takes Aim at Crime" in out and "Seed" in out
    assert "Durov" in run(db_path, "search", "durov")
    assert "No results" in run(db_path, "search", "zebra")
    assert "Durov" not in run(db_path, "search", "--", "durov", "-durov")
    result = _fails(db_path, "search", "--", "-durov")
    assert result.exit_code == 2 and "nothing to look for" in result.output
    assert "https://seed.invalid/000_69be0bb2d80f3255" in run(db_path, "story", "1")
    assert "articles: 1" in run(db_path, "stats")


def test_stats_list_the_sources_needing_attention_by_name_failing_first(db_path: Path) -> None:
    """`newsbot stats` printed counts only: which sources fail, and since when, took /stats."""
    run(db_path, "stats")  # the database, seeded
    with store.open_db(db_path) as db:
        once = store.add_source(db, "https://once.example/rss", title="Once Daily")
        store.record_failure(db, once, "HTTP 500")
        often = store.add_source(db, "https://often.example/rss")
        for _ in range(3):
            often = store.record_failure(db, often, "HTTP 503")
        held = store.add_source(db, "https://held.example/rss", title="Held")
        store.set_paused(db, held.id, True)
    out = run(db_path, "stats").splitlines()
    start = out.index("sources needing attention (failing first):")
    # Neither ever fetched well: said so, with when it was added (not "no success since").
    assert out[start + 1].startswith("  often.example — 3 errors in a row, never succeeded (added ")
    assert out[start + 1].endswith(" UTC): HTTP 503 (https://often.example/rss)")
    assert out[start + 2].startswith("  Once Daily — 1 error in a row, never succeeded (added ")
    assert out[start + 3].startswith("  Held — paused since ")  # when, kept since 039


def test_summarise_files_as_jsonl_and_text(tmp_path: Path, db_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("A short note. It has two sentences.", encoding="utf-8")
    out = run(db_path, "summarise", "--words", "40", "--format", "jsonl", str(SEED), str(other))
    lines = [json.loads(line) for line in out.splitlines()]
    assert [x["file"] for x in lines] == [str(SEED), str(other)]
    assert 0 < len(lines[0]["summary"].split()) <= 60
    assert lines[1]["summary"] == "A short note. It has two sentences."
    assert "Durov" in run(db_path, "summarise", "--sentences", "2", "-", input=SEED.read_text())


def test_summarise_and_allegations_refuse_a_file_longer_than_a_page_and_go_on(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text file larger than FETCH_MAX_MB (what the bot reads from one page) is named and
    left out, as a file that is not text is; the others are read."""
    monkeypatch.setenv("FETCH_MAX_MB", "1")
    huge = tmp_path / "huge.txt"
    huge.write_text("The minister was accused of fraud by the auditor. " * 25_000, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("A short note. It has two sentences.", encoding="utf-8")
    for args in (
        ("summarise", str(huge), str(good)),
        ("allegations", "--file", str(huge), "--file", str(good)),
    ):
        result = CliRunner().invoke(cli, ["--db", str(db_path), *args], obj={})
        assert result.exit_code == 1, result.output
        assert f"Error: {huge}: over 1,000,000 bytes" in result.stderr
        assert str(huge) not in result.stdout and str(good) in result.stdout


def test_summarise_and_allegations_refuse_a_file_that_is_not_text_and_go_on(
    tmp_path: Path, db_path: Path
) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9 au lait. Une phrase.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("A short note. It has two sentences.", encoding="utf-8")
    for args in (
        ("summarise", str(binary), str(good), str(latin)),
        ("allegations", "--file", str(binary), "--file", str(good), "--file", str(latin)),
    ):
        result = CliRunner().invoke(cli, ["--db", str(db_path), *args], obj={})
        assert result.exit_code == 1, result.output
        for bad in (binary, latin):
            assert f"Error: {bad}: not a text file (binary data, or not UTF-8)" in result.stderr
            assert f"== {bad}" not in result.stdout
        assert "\ufffd" not in result.stdout and "JFIF" not in result.stdout
        assert str(good) in result.stdout
        if args[0] == "summarise":
            assert "A short note. It has two sentences." in result.stdout
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(db_path),
            "allegations",
            "--file",
            str(binary),
            "--file",
            str(good),
            "--format",
            "json",
        ],
        obj={},
    )
    assert result.exit_code == 1 and json.loads(result.stdout) == {str(good): []}


def test_summarise_rejects_two_budgets_and_unknown_method(db_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["--db", str(db_path), "summarise", "--words", "5", "--sentences", "1", str(SEED)],
        obj={},
    )
    assert result.exit_code == 2 and "not both" in result.output
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "summarise", "--method", "magic", str(SEED)], obj={}
    )
    assert result.exit_code == 2 and "magic" in result.output


def test_summarise_pending_articles(db_path: Path) -> None:
    run(db_path, "stats")  # first start: seeds loaded and processed
    assert "1 article summarised with lead" in run(db_path, "summarise", "--method", "lead")


def test_allegations_from_files_as_json_and_from_the_database(db_path: Path) -> None:
    data = json.loads(run(db_path, "allegations", "--file", str(SEED), "--format", "json"))
    items = data[str(SEED)]
    assert (
        items and items[0]["accuser"] == "French authorities" and items[0]["target"] == "Telegram"
    )
    assert set(items[0]) == {
        "id",
        "sentence",
        "accuser",
        "accuser_is_outlet",
        "target",
        "claim",
        "kind",
        "reading",
        "responses",
        "answered",
    }
    assert items[0]["accuser_is_outlet"] is False
    assert items[0]["reading"] == ""  # the English rules: no fallback reader
    [refuted] = [r for item in items for r in item["responses"]]
    assert refuted == {
        "sentence": refuted["sentence"],
        "responder": "Durov",
        "kind": "refutation",
        "answers": [items[0]["id"], items[1]["id"]],
    }
    out = run(db_path, "allegations", "telegram")
    assert "Telegram: Telegram is used for trafficking drugs" in out and "Durov (refutation)" in out
    assert "No allegations found" in run(db_path, "allegations", "nobody")


def test_an_answer_to_several_allegations_is_listed_once_after_them(db_path: Path) -> None:
    """The seed's "Durov refuted these claims" answers both allegations before it: the bot's
    /allegations shows it once, after them, and `newsbot allegations` listed it under each."""
    out = run(db_path, "allegations")
    refuted = "Durov (refutation): Durov refuted these claims"
    assert out.count(refuted) == 1
    lines = out.splitlines()
    [answer] = [line for line in lines if refuted in line]
    assert answer.startswith("   response to the 2 allegations above: ")
    assert lines.index(answer) == len(lines) - 1  # after both allegations and their links
    assert [line[:12] for line in lines if line.startswith("- ")] == ["- Telegram: "] * 2
    assert "no response reported" not in out  # the first is answered too, after the second
    data = json.loads(run(db_path, "allegations", "--format", "json"))
    assert [item["id"] for item in data] == [1, 2]
    assert [item["answered"] for item in data] == [True, True]
    assert data[0]["responses"] == []
    [response] = data[1]["responses"]
    assert response["answers"] == [1, 2] and response["responder"] == "Durov"
    assert {"story_id", "published", "sources", "accuser", "claim"} <= set(data[0])
    # The same from the file, as extraction links the answer to each.
    data = json.loads(run(db_path, "allegations", "--file", str(SEED), "--format", "json"))
    answers = [r["answers"] for item in data[str(SEED)] for r in item["responses"]]
    assert answers == [[1, 2]]
    assert run(db_path, "allegations", "--file", str(SEED)).count(refuted) == 1


def test_allegations_from_a_file_show_each_answer_and_who_reports_a_claim(
    tmp_path: Path, db_path: Path
) -> None:
    text = tmp_path / "mayor.txt"
    text.write_text(
        "Opposition members accused the mayor of taking bribes, which the mayor denied.\n\n"
        "The mayor was accused of taking bribes from developers. The mayor denied the allegations.",
        encoding="utf-8",
    )
    out = run(db_path, "allegations", "--file", str(text))
    # two denials by one party, in two sentences: each shown with its sentence, never twice alike
    assert "response: mayor (denial); mayor (denial)" not in out
    assert "response: mayor (denial): Opposition members accused the mayor" in out
    # linked to both allegations: shown once, after them
    assert "response to the 2 allegations above: mayor (denial): The mayor denied the" in out
    assert "(accusation reported by " + str(text) + ")" in out
    assert "by )" not in out
    data = json.loads(run(db_path, "allegations", "--file", str(text), "--format", "json"))
    unnamed = [i for i in data[str(text)] if i["accuser_is_outlet"]]
    assert unnamed and all(i["accuser"] == str(text) for i in unnamed)
    for item in data[str(text)]:
        keys = [(r["responder"], r["kind"], r["sentence"]) for r in item["responses"]]
        assert len(keys) == len(set(keys))


def test_allegations_from_a_file_are_read_in_its_own_language(
    tmp_path: Path, db_path: Path
) -> None:
    # As the processing pass reads an article: the headline apart, the language detected.
    text = tmp_path / "parquet.txt"
    text.write_text(
        "Enquête sur un maire du Var\n\n"
        "Le parquet de Toulon accuse le maire de Sanary d'avoir détourné des fonds publics "
        "pendant trois ans. La mairie conteste ces accusations et dénonce une manœuvre "
        "politique à quelques mois des élections municipales.\n",
        encoding="utf-8",
    )
    data = json.loads(run(db_path, "allegations", "--file", str(text), "--format", "json"))
    (item,) = data[str(text)]
    assert (item["accuser"], item["target"], item["kind"]) == (
        "parquet de Toulon",
        "maire de Sanary",
        "accusation",
    )
    # Read with the English rules the same text holds nothing: the rules are the language's.
    english = json.loads(
        run(db_path, "allegations", "--file", str(text), "--language", "en", "--format", "json")
    )
    assert english[str(text)] == []


def test_ingest_reads_fetch_max_mb_as_the_bot_does(
    db_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")  # the feed server is on 127.0.0.1
    padding = b"<!--" + b"padding " * 200_000 + b"-->"
    feed = (FEEDS / "rss20.xml").read_bytes().replace(b"<channel>", b"<channel>" + padding, 1)
    run(db_path, "sources", "add", feed_server.add("/big.xml", feed), "--no-full-text")
    monkeypatch.setenv("FETCH_MAX_MB", "a lot")
    result = _fails(db_path, "ingest")
    assert result.exit_code == 2 and "FETCH_MAX_MB: must be a number of megabytes" in result.output
    monkeypatch.setenv("FETCH_MAX_MB", "1")
    out = run(db_path, "ingest", "--all")
    assert "error, 0 new, 0 duplicate — too large: 1,601,306 bytes (limit 1,000,000)" in out
    monkeypatch.setenv("FETCH_MAX_MB", "2")
    assert "World Desk & Friends: ok, 0 new, 0 duplicate, 2 older" in run(
        db_path, "ingest", "--all"
    )


def test_ingest_polls_due_sources_then_processes_them(
    db_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FETCH_HOST_GAP", "0")  # three feeds on one test host
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")  # the feed server is on 127.0.0.1
    monkeypatch.setenv("RETENTION_DAYS", "0")  # the feeds' items are from 2024: keep them
    rss = feed_server.add("/rss.xml", (FEEDS / "rss20.xml").read_bytes())
    atom = feed_server.add(
        "/atom.xml", (FEEDS / "atom.xml").read_bytes(), content_type="application/atom+xml"
    )
    broken = feed_server.add("/gone.xml", b"gone", status=404, content_type="text/plain")
    for url in (rss, atom):
        run(db_path, "sources", "add", url, "--no-full-text")  # article pages are not local
    # Fetched first, a 404 is refused; stored unread, its first poll says why.
    assert "HTTP 404" in _fails(db_path, "sources", "add", broken).output
    run(db_path, "sources", "add", broken, "--no-check")
    out = run(db_path, "ingest")
    assert "World Desk & Friends: ok, 2 new, 0 duplicate" in out
    assert "Atom Dispatch: ok, 2 new, 0 duplicate" in out
    assert "error, 0 new, 0 duplicate — HTTP 404" in out
    assert "stories: 4 articles clustered, 4 summarised, 4 checked for allegations" in out
    found = run(db_path, "search", "ministers")
    assert "1. Ministers agree climate package" in found  # markup in a title is not kept
    assert "https://news.example.com/world/climate-package\n" in found  # no utm_source
    again = run(db_path, "ingest", "--source", rss)  # not due yet, but asked for by URL
    assert "World Desk & Friends: ok, 0 new, 2 duplicate" in again
    # fetched when added, then polled once: not due again
    assert [h.path for h in feed_server.hits("/atom.xml")] == ["/atom.xml", "/atom.xml"]
    assert "stories: 0 articles clustered, 0 summarised" in again
    failed = _fails(db_path, "ingest", "--source", broken)  # asked for by name, and failed
    assert failed.exit_code == 1
    assert "error, 0 new, 0 duplicate — HTTP 404" in failed.output
    assert "Error: the source asked for failed" in failed.output
    assert "ok, 0 new" in run(db_path, "ingest", "--source", rss, "--source", broken)


def test_sources_add_fetches_a_feed_first_as_addsource_does(
    db_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step /addsource runs (``ingest.probe_new_feed``): a site's page that names its feed
    adds that feed with the feed's title; an address that is no feed is refused with the reason
    and nothing is stored; --no-check stores an address unread."""
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")  # the feed server is on 127.0.0.1
    feed = feed_server.add("/news/rss.xml", (FEEDS / "rss20.xml").read_bytes())
    link = '<link rel="alternate" type="application/rss+xml" href="news/rss.xml">'
    page = feed_server.add("/", f"<html><head>{link}</head></html>", content_type="text/html")
    out = run(db_path, "sources", "add", page)
    assert out.strip() == f"added source 2: {feed} (the feed the page names)"
    assert "World Desk & Friends" in run(db_path, "sources", "list")  # the feed's own title
    assert "already added" in _fails(db_path, "sources", "add", feed).output
    plain = feed_server.add("/about.html", "<html><p>About us</p></html>", content_type="text/html")
    refused = _fails(db_path, "sources", "add", plain)
    assert refused.exit_code == 1 and "not a feed" in refused.output
    assert plain not in run(db_path, "sources", "list")
    assert "added source 3" in run(db_path, "sources", "add", plain, "--no-check")
    # A page naming several feeds: the first is added, the others named.
    sport = feed_server.add("/sport/rss.xml", (FEEDS / "rss20.xml").read_bytes())
    links = link.replace("news/rss.xml", "/other/rss.xml") + link.replace("news/", "/sport/")
    several = feed_server.add(
        "/all/", f"<html><head>{links}</head></html>", content_type="text/html"
    )
    feed_server.add("/other/rss.xml", (FEEDS / "atom.xml").read_bytes())
    out = run(db_path, "sources", "add", several).splitlines()
    assert out[0].endswith("/other/rss.xml (the feed the page names)")
    assert out[1] == f"the page names other feeds too: {sport}"


def test_sources_add_takes_a_feed_scheme_address_as_the_feed_it_names(
    db_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")  # the feed server is on 127.0.0.1
    feed = feed_server.add("/news/rss.xml", (FEEDS / "rss20.xml").read_bytes())
    out = run(db_path, "sources", "add", "feed:" + feed, "--no-full-text")
    assert out.strip().startswith("added source 2") and feed in run(db_path, "sources", "list")


@pytest.mark.parametrize("status", [302, 301])
def test_sources_add_of_an_address_redirected_to_a_source_names_that_source(
    db_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")  # the feed server is on 127.0.0.1
    feed = feed_server.add("/news/rss.xml", (FEEDS / "rss20.xml").read_bytes())
    assert "added source 2" in run(db_path, "sources", "add", feed)
    short = feed_server.add("/go", "", status=status, headers={"Location": feed}, content_type=None)

    refused = _fails(db_path, "sources", "add", short)

    assert refused.exit_code == 1
    assert "Already a source: 2. World Desk & Friends" in refused.output
    assert [line for line in run(db_path, "sources", "list").splitlines() if "/go" in line] == []


def test_sources_lifecycle_and_opml_round_trip(tmp_path: Path, db_path: Path) -> None:
    assert "added source 2" in run(
        db_path, "sources", "add", "https://example.com/feed.xml", "--title", "Ex", "--no-check"
    )
    result = CliRunner().invoke(  # found before anything is fetched
        cli, ["--db", str(db_path), "sources", "add", "https://example.com/feed.xml"], obj={}
    )
    assert result.exit_code == 1 and "already added" in result.output
    assert "paused source 2" in run(db_path, "sources", "pause", "2")
    assert "paused by an admin" in run(db_path, "sources", "list")
    assert "resumed source 2" in run(db_path, "sources", "resume", "Ex")
    run(db_path, "sources", "add", "https://example.com/story.html", "--kind", "page")
    exported = tmp_path / "out.opml"
    out = run(db_path, "sources", "export", str(exported))
    assert out == (
        "exported 2 sources; 1 local folder is not exported (OPML holds only web feeds and pages)\n"
    )  # the seed folder
    assert b"https://example.com/feed.xml" in exported.read_bytes()
    assert b"seeds" not in exported.read_bytes()
    assert "removed source 2" in run(db_path, "sources", "remove", "https://example.com/feed.xml")
    assert "removed source 3" in run(db_path, "sources", "remove", "https://example.com/story.html")
    out = run(db_path, "sources", "import", str(exported))
    assert "imported 2 sources, 0 already present, 0 refused" in out
    db = store.open_db(db_path)
    kinds = {s.url: s.kind for s in store.list_sources(db)}
    db.close()
    assert kinds["https://example.com/story.html"] == "page"  # the round trip keeps pages
    assert kinds["https://example.com/feed.xml"] == "feed"
    again = run(db_path, "sources", "import", str(exported))
    assert "imported 0 sources, 2 already present" in again
    result = CliRunner().invoke(cli, ["--db", str(db_path), "sources", "remove", "99"], obj={})
    assert result.exit_code == 1 and "No such source" in result.output


def test_import_of_junk_is_a_clear_error(tmp_path: Path, db_path: Path) -> None:
    junk = tmp_path / "junk.opml"
    junk.write_text("this is not xml")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "sources", "import", str(junk)], obj={})
    assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output


def test_import_of_a_file_over_the_size_limit_is_refused(tmp_path: Path, db_path: Path) -> None:
    listing = (
        b'<?xml version="1.0"?><opml version="2.0"><head/><body>'
        b'<outline text="A" xmlUrl="https://a.example/rss"/></body></opml>'
    )
    big = tmp_path / "big.opml"
    big.write_bytes(listing + b" " * (opml.MAX_OPML_BYTES + 1 - len(listing)))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "sources", "import", str(big)], obj={})
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Error: OPML file too large (limit 5,000,000 bytes)" in result.output
    db = store.open_db(db_path)
    assert store.find_source(db, "https://a.example/rss") is None
    db.close()


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix}{name} ")
    return found


@pytest.mark.parametrize(("name", "command"), _commands(cli))
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    assert command.help, name
    if not isinstance(command, click.Group):
        assert "Example:" in command.help, name


def test_the_one_group_holds_the_pipeline_and_the_bot_commands() -> None:
    names = {name for name, _ in _commands(cli)}
    assert {"ingest", "summarise", "latest", "story", "sources add", "run", "console"} <= names


def test_story_with_an_id_out_of_range_is_a_usage_error(db_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "story", "99999999999999999999999"], obj={}
    )
    assert result.exit_code == 2 and "not in the range" in result.output


def _fails(db_path: Path, *args: str) -> click.testing.Result:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args], obj={})
    assert result.exit_code != 0 and result.exception is not None
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    return result


@pytest.mark.parametrize(
    ("key", "value", "command"),
    [
        ("SUMMARY_METHOD", "bogus", ["latest"]),
        ("RETENTION_DAYS", "soon", ["prune", "--dry-run"]),
        ("ALLOW_PRIVATE_SOURCES", "perhaps", ["sources", "add", "https://a.example/feed"]),
        ("FETCH_PER_HOST", "many", ["ingest"]),
    ],
)
def test_a_bad_setting_stops_a_command_with_one_line_naming_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, value: str, command: list[str]
) -> None:
    """As it stops the bot (README: "one line naming the key (exit status 2)"): no usage
    lines, as if the command had been typed wrong."""
    monkeypatch.setenv(key, value)
    result = _fails(db_path, *command)
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith(f"newsbot: configuration error: {key}: "), line


def test_latest_whose_filters_keep_nothing_says_so_not_that_the_database_is_empty(
    db_path: Path,
) -> None:
    """The seeded story is from 2024: --hours 1 (or --include zebra) keeps none of it; the
    reply told the operator to run `newsbot ingest` as if there were no stories at all."""
    for args in (["--hours", "1"], ["--include", "zebra"], ["--exclude", "durov"]):
        out = run(db_path, "latest", *args)
        assert "No stories match --include, --exclude or --hours." in out, args
        assert "newsbot ingest" not in out
    assert "Telegram CEO" in run(db_path, "latest")


def test_db_is_taken_after_a_group_name_too(db_path: Path) -> None:
    """README: "Every command takes --db PATH, before or after its name": `newsbot sources
    --db x.db list` was "No such option: --db"."""
    run(db_path, "stats")  # the database, seeded
    for argv in (
        ["sources", "--db", str(db_path), "list"],
        ["sources", "list", "--db", str(db_path)],
        ["--db", "elsewhere.db", "sources", "--db", str(db_path), "list"],
    ):
        result = CliRunner().invoke(cli, argv, obj={})
        assert result.exit_code == 0, (argv, result.output)
        assert "Seed" in result.output, argv


def test_summarise_of_a_missing_file_is_a_usage_error(tmp_path: Path, db_path: Path) -> None:
    result = _fails(db_path, "summarise", str(tmp_path / "nofile.txt"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_ingest_of_an_unknown_source_is_a_clear_error(db_path: Path) -> None:
    result = _fails(db_path, "ingest", "--source", "https://unknown.example/feed.xml")
    assert result.exit_code == 1
    assert "Error: No such source: https://unknown.example/feed.xml" in result.output


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("notaurl", "Only http:// and https:// feed URLs can be added."),
        ("ftp://example.com/feed.xml", "Only http:// and https:// feed URLs can be added."),
        # the scheme is right, the address is not: no host, a port out of range, a bracket
        ("https:///feed.xml", "https:///feed.xml is no web address: check its host and port."),
        ("http://example.com:99999/", "is no web address: check its host and port."),
        ("http://[::1/feed", "is no web address: check its host and port."),
    ],
)
def test_sources_add_refuses_what_is_not_an_http_url(db_path: Path, url: str, said: str) -> None:
    result = _fails(db_path, "sources", "add", url)
    assert result.exit_code == 1
    assert "Error: " in result.output and said in result.output
    assert "notaurl" not in run(db_path, "sources", "list")
    assert len(json.loads(run(db_path, "sources", "list", "--format", "json"))) == 1  # seeds


def test_sources_add_refuses_an_address_with_a_password(db_path: Path) -> None:
    # as /addsource and `sources import` refuse it: sources list and export would show it
    result = _fails(db_path, "sources", "add", "https://reader:s3cret@example.com/feed.xml")
    assert result.exit_code == 1
    assert "Error: an address with a user name or password cannot be added" in result.output
    assert "s3cret" not in run(db_path, "sources", "list")


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/feed.xml", "http://localhost/rss"])
def test_sources_add_refuses_a_private_address_unless_allowed(
    db_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as /addsource and `sources import` refuse it: the bot would fail on it at every poll
    result = _fails(db_path, "sources", "add", url)
    host = url.split("/")[2].split(":")[0]
    assert result.exit_code == 1
    assert f"Error: {host} is not a public address (ALLOW_PRIVATE_SOURCES is off)" in result.output
    assert url not in run(db_path, "sources", "list")
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "perhaps")
    result = _fails(db_path, "sources", "add", url)
    assert result.exit_code == 2 and "ALLOW_PRIVATE_SOURCES: must be true or false" in result.output
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    assert "added source 2" in run(db_path, "sources", "add", url, "--no-check")
    assert url in run(db_path, "sources", "list")


MIXED_OPML = b"""<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="Good" xmlUrl="https://good.example/rss"/>
<outline text="Folder"><outline text="Deep" xmlUrl="https://deep.example/atom"/></outline>
<outline text="Words" xmlUrl="not a url"/>
<outline text="FTP" xmlUrl="ftp://example.com/feed"/>
</body></opml>"""


def test_import_counts_outlines_it_cannot_use_as_refused(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = tmp_path / "mixed.opml"
    listing.write_bytes(MIXED_OPML)
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "sources", "import", str(listing)], obj={}
    )
    assert result.exit_code == 0, result.output
    assert "imported 2 sources, 0 already present, 2 refused" in result.output
    assert "refused ftp://example.com/feed: " in result.output
    assert "ftp://" not in run(db_path, "sources", "list")
    # a loopback feed is refused unless ALLOW_PRIVATE_SOURCES is true, as in the bot
    listing.write_bytes(MIXED_OPML.replace(b"ftp://example.com/feed", b"http://127.0.0.1:8000/f"))
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "sources", "import", str(listing)], obj={}
    )
    assert "0 already present" not in result.output and "2 refused" in result.output
    assert (
        "refused http://127.0.0.1:8000/f: 127.0.0.1 is not a public address"
        " (ALLOW_PRIVATE_SOURCES is off)" in result.output
    )
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "sources", "import", str(listing)], obj={}
    )
    assert "imported 1 source, 2 already present, 1 refused" in result.output
    assert "http://127.0.0.1:8000/f" in run(db_path, "sources", "list")


def test_every_command_takes_db_after_its_name_too(tmp_path: Path, db_path: Path) -> None:
    other = tmp_path / "other.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "list", "--db", str(other)])
    assert result.exit_code == 0, result.output
    assert other.is_file() and not db_path.exists()  # the command's own --db wins
    result = runner.invoke(cli, ["stats", "--db", str(db_path)], obj={})
    assert result.exit_code == 0 and "articles: 1" in result.output and db_path.is_file()
    for name, command in _commands(cli):
        if not isinstance(command, click.Group):
            assert "--db" in {o for p in command.params for o in p.opts}, name


@pytest.mark.parametrize(("name", "command"), _commands(cli))
def test_help_shows_each_example_on_a_line_of_its_own(name: str, command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"], obj={})
    assert result.exit_code == 0
    for line in result.output.splitlines():
        assert "Example:" not in line or line.lstrip().startswith("Example:"), (name, line)
        assert line.count("Example:") <= 1, (name, line)


def test_allegations_say_which_the_fallback_reader_found(tmp_path: Path, db_path: Path) -> None:
    pattern, fallback = (text for _, _, text in READINGS_FR[:2])
    text = tmp_path / "cognac.txt"
    text.write_text(f"{fallback} {pattern}\n", encoding="utf-8")
    data = json.loads(run(db_path, "allegations", "--file", str(text), "--format", "json"))
    assert [(i["sentence"], i["reading"]) for i in data[str(text)]] == [
        (fallback, "fallback"),
        (pattern, ""),
    ]
    lines = run(db_path, "allegations", "--file", str(text)).splitlines()
    assert lines[1].startswith("- distillerie Martel: pour pollution")
    assert lines[1].endswith(" (less certain)")
    assert "less certain" not in "\n".join(lines[2:])
    # From the database, in the ledger's order: the patterns' item first.
    with store.open_db(db_path) as db:
        save_readings_fr(db, store.utcnow())
        asyncio.run(process.extract_pending(db))
    ledger = json.loads(run(db_path, "allegations", "Martel", "--format", "json"))
    assert [e["reading"] for e in ledger] == ["", "fallback"]
    out = run(db_path, "allegations", "Martel").splitlines()
    marked = [line for line in out if line.startswith("- ")]
    assert marked == [
        "- distillerie Martel: avoir pollué la rivière (accusation by parquet de Cognac)",
        "- distillerie Martel: pour pollution contre la distillerie Martel"
        " (lawsuit by riverains) (less certain)",
    ]


def test_a_database_path_where_none_can_be_is_one_clear_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database")
    cases = {
        folder: "a folder, not a database file",
        junk: "not an SQLite database",
        junk / "newsbot.db": f"cannot make its folder {junk}",
    }
    for path, problem in cases.items():
        for args in (["stats"], ["sources", "list"], ["latest"]):
            result = _fails(path, *args)
            assert result.exit_code == 1 and f"Error: {path}: {problem}" in result.output
        # The bot and the console stop the same way, before anything starts.
        result = CliRunner().invoke(cli, ["--db", str(path), "console"], input="", obj={})
        assert result.exit_code == 2, result.output
        assert f"newsbot: database error: {path}: {problem}" in result.output
    assert junk.read_text() == "not a database"


def test_sources_pause_again_keeps_why_it_was_paused(db_path: Path) -> None:
    run(db_path, "sources", "list")  # the seed source, 1
    source = store.add_source(store.open_db(db_path), "https://example.com/feed.xml", title="Ex")
    db = store.open_db(db_path)
    for _ in range(store.AUTO_PAUSE_AFTER):
        store.record_failure(db, store.get_source(db, source.id), "HTTP 404 Not Found")
    db.close()
    out = run(db_path, "sources", "pause", str(source.id))
    assert out.startswith(f"source {source.id} is already paused: Ex (paused after 8")
    assert "paused after 8" in run(db_path, "sources", "list")
    assert out.strip() != run(db_path, "sources", "resume", str(source.id)).strip()
    again = run(db_path, "sources", "resume", str(source.id))
    assert again.startswith(f"source {source.id} is not paused, and polled without")


def test_sources_add_of_no_web_url_says_so_whatever_its_host(db_path: Path) -> None:
    for url in ("ftp://intranet/feed", "ftp://127.0.0.1/feed", "gopher://example.com/rss"):
        result = _fails(db_path, "sources", "add", url)
        assert "Only http:// and https:// feed URLs can be added." in result.output, url
    result = _fails(db_path, "sources", "add", "http://intranet/feed")
    assert "intranet is not a public address" in result.output


def test_the_cli_summarises_and_reads_with_the_bots_summary_method(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SUMMARY_METHOD chooses the summaries of ``newsbot ingest``, ``latest``, ``story`` and
    ``search`` as it does the bot's (they used the default method whatever it said)."""
    monkeypatch.setenv("SUMMARY_METHOD", "TextRank")  # any case, as the bot reads it
    run(db_path, "stats")  # first start: the seeds are processed with the chosen method
    db = store.open_db(db_path)
    try:
        rows = db.execute("select method, summary from summaries").fetchall()
    finally:
        db.close()
    assert [method for method, _ in rows] == ["textrank"]
    summary = " ".join(rows[0][1].split())

    def flat(out: str) -> str:  # the CLI wraps long lines
        return " ".join(out.split())

    assert summary and summary in flat(run(db_path, "latest"))
    assert summary in flat(run(db_path, "story", "1"))
    assert summary in flat(run(db_path, "search", "durov"))
    assert "0 articles summarised with textrank" in run(db_path, "summarise")
    assert "stories: 0 articles clustered, 0 summarised" in run(db_path, "ingest")


def test_a_bad_summary_method_is_one_clear_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARY_METHOD", "magic")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "latest"], obj={})
    assert result.exit_code == 2
    assert "SUMMARY_METHOD: 'magic' is not one of" in result.output
    assert "Traceback" not in result.output


def test_summarise_with_a_method_given_needs_no_valid_summary_method(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--method makes SUMMARY_METHOD irrelevant: a bad one no longer stops ``newsbot
    summarise --method lead``, on files or on the database's pending articles (the database's
    first start, loading the seeds, summarised them with the method given)."""
    monkeypatch.setenv("SUMMARY_METHOD", "magic")
    assert "0 articles summarised with lead" in run(db_path, "summarise", "--method", "lead")
    db = store.open_db(db_path)
    try:
        assert [m for (m,) in db.execute("select method from summaries")] == ["lead"]
    finally:
        db.close()
    assert "The harbour works" in run(
        db_path,
        "summarise",
        "--method",
        "lead",
        "-",
        input="Harbour works\n\nThe harbour works reached the next stage. Cranes came.\n",
    )
    result = _fails(db_path, "summarise")  # without the flag the setting is used: checked
    assert result.exit_code == 2 and "SUMMARY_METHOD: 'magic' is not one of" in result.output


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("FETCH_PER_HOST", "0", "FETCH_PER_HOST: must be a whole number, at least 1"),
        ("FETCH_HOST_GAP", "soon", "FETCH_HOST_GAP"),
        ("FETCH_MAX_MB", "a lot", "FETCH_MAX_MB: must be a number of megabytes"),
        ("RETENTION_DAYS", "abc", "RETENTION_DAYS: must be a whole number of days"),
        ("SUMMARY_METHOD", "magic", "SUMMARY_METHOD"),
    ],
)
@pytest.mark.parametrize("args", [("ingest",), ("ingest", "--seeds"), ("ingest", "--all")])
def test_ingest_checks_its_settings_before_it_prints_or_stores(
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    value: str,
    says: str,
    args: tuple[str, ...],
) -> None:
    run(db_path, "stats")  # first start: seeds loaded
    before = run(db_path, "stats")
    monkeypatch.setenv(key, value)
    result = _fails(db_path, *args)
    assert result.exit_code == 2 and says in result.stderr
    assert result.stdout == "" and "polling" not in result.stderr and "seeds:" not in result.output
    monkeypatch.delenv(key)
    assert run(db_path, "stats") == before


def test_a_console_on_the_database_of_a_running_bot_refuses_to_start(db_path: Path) -> None:
    """A second process on one database would run every digest job and sender twice: it
    stops at once with one line, and the running bot's database is left as it was."""
    run(db_path, "stats")  # made and seeded
    hold = store.hold_database(db_path)  # the running bot's
    assert hold is not None
    try:
        result = CliRunner().invoke(
            cli, ["--db", str(db_path), "console"], input="/subscribe 08:00\n", obj={}
        )
    finally:
        hold.release()
    assert result.exit_code == 2, result.output
    assert f"newsbot: database error: {db_path} is in use by another newsbot process" in (
        result.output
    )
    assert store.list_subscriptions(store.open_db(db_path)) == []
    assert "Subscribed" in run(db_path, "console", input="/subscribe 08:00\n")  # once it stopped


def test_counts_take_the_noun_in_the_number_they_need() -> None:
    """`newsbot prune` printed "1 whole weeks" (and "older than 1 days"); one of a thing is
    singular, any other number plural, and numbers keep their thousands separator."""
    from digests.cli import prune_lines
    from digests.models import PruneCounts
    from digests.retention import Policy

    one = "\n".join(
        prune_lines(
            PruneCounts(search_weeks=1, records=1),
            Policy(articles_days=1, ledger_days=1, outbox_days=1, outbox_text_days=1),
            dry_run=True,
        )
    )
    assert "and 1 whole week of the search index" in one
    assert "with 1 record of them" in one
    assert (
        "articles (older than 1 day)" in one and "outbox rows (finished, older than 1 day)" in one
    )
    assert "days" not in one and "weeks" not in one
    many = "\n".join(
        prune_lines(PruneCounts(search_weeks=1234, records=0), Policy(), dry_run=False)
    )
    assert "and 1,234 whole weeks of the search index" in many and "with 0 records" in many


def test_sources_list_says_1_error(db_path: Path) -> None:
    db = store.open_db(db_path)
    source = store.add_source(db, "https://a.example/feed", title="Outlet A")
    db["sources"].update(source.id, {"consecutive_errors": 1})
    db.close()
    listed = run(db_path, "sources", "list")
    assert "1 error " in listed and "errors" not in listed
    assert "     0 items  Outlet A" in listed


def test_a_database_from_a_newer_newsbot_is_refused_and_left_as_it_is(db_path: Path) -> None:
    run(db_path, "stats")
    conn = sqlite3.connect(db_path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at)"
        " values ('newsbot', '999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    for args in (("stats",), ("sources", "add", "https://example.com/feed.xml"), ("ingest",)):
        result = _fails(db_path, *args)
        assert result.exit_code == 1
        assert "made by a newer newsbot (unknown migration 999_from_the_future)" in result.output
    assert db_path.read_bytes() == before


def test_allegations_refuse_a_language_they_have_no_rules_for(
    tmp_path: Path, db_path: Path
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("The police said the mayor stole money from the city.", encoding="utf-8")
    result = _fails(db_path, "allegations", "--file", str(text), "--language", "xx")
    assert result.exit_code == 2
    assert "no allegation rules for 'xx' (one of de, en, es, fr, ru)" in result.output
    out = run(db_path, "allegations", "--file", str(text), "--language", "en-GB")
    assert "the mayor stole money" in out


def test_a_full_disk_is_one_line_not_a_traceback(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(db_path, "stats")

    def full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "stats", full)  # SQLite says this when its disk fills
    result = _fails(db_path, "stats")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {db_path}: the disk is full (database or disk is full): free some space and"
        " run the command again; what it was writing was not saved\n"
    )


def test_the_console_on_a_full_disk_is_one_line_not_a_traceback(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli
    import bot.console

    def full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    async def full_later(*_args: object) -> None:
        full()

    monkeypatch.setenv("DATABASE_PATH", str(db_path))
    for name, module, fake in (
        ("open_db", bot.cli, full),  # at start, migrating
        ("run_console", bot.console, full_later),  # while chatting
    ):
        with monkeypatch.context() as patch:
            patch.setattr(module, name, fake)
            result = CliRunner().invoke(cli, ["console"], obj={})
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
        assert f"newsbot: database error: {db_path}: database or disk is full" in result.output


def test_sources_remove_and_pause_several_at_once(db_path: Path) -> None:
    for name in ("a", "b", "c"):
        run(db_path, "sources", "add", f"https://{name}.example/rss", "--no-check")
    out = run(db_path, "sources", "pause", "2", "3")  # 1 is the seed folder
    assert "paused source 2" in out and "paused source 3" in out
    result = _fails(db_path, "sources", "remove", "3", "http://www.c.example/rss/", "9")
    assert "removed source 3" in result.output and "removed source 4" in result.output
    assert "No such source: 9" in result.output and result.exit_code == 1
    assert "a.example" in run(db_path, "sources", "list")
    assert "b.example" not in run(db_path, "sources", "list")


def test_sources_pause_a_title_the_shell_kept_whole_beside_an_id(db_path: Path) -> None:
    """`sources pause 3 "Le Monde"` was read as the words 3, Le and Monde: "No such source"
    twice, exit status 1, though the title names a source."""
    run(db_path, "sources", "add", "https://a.example/rss", "--title", "Le Monde", "--no-check")
    run(db_path, "sources", "add", "https://b.example/rss", "--no-check")
    out = run(db_path, "sources", "pause", "3", "Le Monde")
    assert "paused source 3" in out and "paused source 2: Le Monde" in out
    assert "resumed source 2: Le Monde" in run(db_path, "sources", "resume", "Le", "Monde")
    result = _fails(db_path, "sources", "remove", "Le Monde", "Le Temps")
    assert "removed source 2" in result.output and "No such source: Le Temps" in result.output


def test_sources_list_as_json_for_scripts(db_path: Path) -> None:
    """300 sources are read by a script, not by eye: one JSON array, each source's health."""
    run(db_path, "sources", "add", "https://a.example/rss", "--title", "Ä", "--no-check")
    run(db_path, "sources", "add", "https://b.example/rss", "--no-check")
    run(db_path, "sources", "pause", "3")
    listed = json.loads(run(db_path, "sources", "list", "--format", "json"))
    assert [s["id"] for s in listed] == [1, 2, 3]
    a, b = listed[1], listed[2]
    assert (a["url"], a["title"], a["kind"], a["paused"]) == (
        "https://a.example/rss",
        "Ä",
        "feed",
        False,
    )
    assert (a["errors"], a["last_error"], a["last_ok"], a["items"]) == (0, None, None, 0)
    assert b["paused"] is True and b["pause_reason"] == "paused by an admin"
    assert set(a) >= {"next_poll", "poll_interval", "added_at", "last_error_at", "folder"}
    assert "3 sources: 2 active, 1 paused, 0 failing" in run(db_path, "sources", "list")


def test_stats_tell_deliveries_and_why_they_failed(db_path: Path) -> None:
    run(db_path, "stats")
    db = store.open_db(db_path)
    sub = store.save_subscription(db, 7, "private")
    store.enqueue_digest(db, sub, store.utcnow(), ["x"], cutoff=store.utcnow())
    store.mark_failed(db, store.outbox_due(db)[0].id, "Forbidden: bot was blocked by the user")
    db.conn.commit()
    db.close()
    out = run(db_path, "stats")
    assert "subscribers private: 1" in out and "deliveries failed 24h: 1" in out
    assert "failed: Forbidden: bot was blocked by the user (1)" in out


def test_allegations_file_reads_every_file_named_after_it(tmp_path: Path, db_path: Path) -> None:
    """`--file a.txt b.txt`, as the README writes `--file FILE ...`, dropped b.txt unread."""
    other = tmp_path / "other.txt"
    other.write_text("A short note. It has two sentences.", encoding="utf-8")
    data = json.loads(
        run(db_path, "allegations", "--file", str(other), str(SEED), "--format", "json")
    )
    assert list(data) == [str(other), str(SEED)] and data[str(SEED)]
    result = _fails(db_path, "allegations", "--file", str(other), str(tmp_path / "missing.txt"))
    assert (
        result.exit_code == 2
        and "missing.txt" in result.output
        and "does not exist" in result.output
    )


def test_summarise_without_dash_says_standard_input_is_not_read(tmp_path: Path) -> None:
    """`newsbot summarise < article.txt` summarised the database and said nothing of the text
    it was given: the user could not tell that only `-` reads standard input."""
    article = tmp_path / "article.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != "DATABASE_PATH"}
    args = [sys.executable, "-m", "bot", "--db", str(tmp_path / "x.db"), "summarise"]

    def piped(*extra: str) -> subprocess.CompletedProcess[str]:
        with article.open("rb") as stdin:
            return subprocess.run(
                [*args, *extra],
                stdin=stdin,
                capture_output=True,
                text=True,
                cwd=tmp_path,
                env={**environ, "PYTHONPATH": str(ROOT)},
                timeout=120,
            )

    done = piped()
    assert done.returncode == 0, done.stderr
    assert "standard input is not read without -: newsbot summarise - < FILE" in done.stderr
    done = piped("-")
    assert "Durov" in done.stdout and "standard input" not in done.stderr


def test_search_takes_a_word_to_leave_out_without_dashes_first(db_path: Path) -> None:
    """`newsbot search durov -arrest` failed with "No such option '-a'", and a -word with an h
    in it ("-health") printed the help: only `newsbot search -- durov -arrest` worked."""
    assert "No results for 'durov -arrest'" in run(db_path, "search", "durov", "-arrest")
    out = run(db_path, "search", "durov", "-health", "--limit", "1")
    assert "Durov" in out and "Usage" not in out
    assert "No results" in run(db_path, "search", "--limit", "2", "durov", "-durov")
    result = _fails(db_path, "search", "durov", "--limt", "2")
    assert result.exit_code == 2 and "--limt" in result.output  # a typo is still refused


def test_ingest_seeds_on_a_fresh_database_says_they_were_loaded_already(db_path: Path) -> None:
    """Opening a fresh database loads the seeds: `ingest --seeds` then said "0 new articles",
    as if loading had failed."""
    out = run(db_path, "ingest", "--seeds")
    assert "seeds: 0 new articles (1 already loaded)\n" in out


def test_ingest_seeds_says_only_the_new_count_when_none_were_loaded(db_path: Path) -> None:
    with store.open_db(db_path) as db:  # a source already: the first start seeds nothing
        store.set_paused(db, store.add_source(db, "https://held.example/rss").id, True)
    assert "seeds: 1 new article\n" in run(db_path, "ingest", "--seeds")


def test_allegations_in_a_file_with_none_says_so(tmp_path: Path, db_path: Path) -> None:
    """A file with no allegation printed its name alone, as if the output were cut short."""
    plain = tmp_path / "plain.txt"
    plain.write_text("Rain is expected on Tuesday. The market opens at nine.", encoding="utf-8")
    out = run(db_path, "allegations", "--file", str(plain), "--file", str(SEED))
    assert f"== {plain}\nNo allegations found.\n== {SEED}\n" in out
    assert out.count("No allegations found.") == 1  # the seed has some
    data = json.loads(run(db_path, "allegations", "--file", str(plain), "--format", "json"))
    assert data == {str(plain): []}  # JSON as before


@pytest.mark.parametrize("given", ["", "\n", "  \n\t\n"])
def test_summarise_of_empty_standard_input_is_an_error(db_path: Path, given: str) -> None:
    """`newsbot summarise -` on empty input printed an empty line and exited 0."""
    result = CliRunner().invoke(cli, ["--db", str(db_path), "summarise", "-"], input=given, obj={})
    assert result.exit_code == 1
    assert result.stdout == "" and "-: no text to summarise" in result.stderr


def test_summarise_of_an_empty_file_among_others_goes_on_and_exits_1(
    tmp_path: Path, db_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "summarise", str(empty), str(SEED)], obj={}
    )
    assert result.exit_code == 1 and "Durov" in result.stdout
    assert f"{empty}: no text to summarise" in result.stderr


def test_story_takes_its_id_as_the_chat_takes_it(db_path: Path) -> None:
    """`newsbot story #1` and `newsbot story /story_1` failed where /story takes both: the CLI
    reads its argument with the handler's function (``read.story_number``)."""
    whole = run(db_path, "story", "1")
    for written in ("/story_1", "story_1", "#1", "№1", "۱"):
        assert run(db_path, "story", written) == whole, written
    for wrong in ("#x", "/story_", "#", "1#", "/story_1x"):
        assert "is no story id" in _fails(db_path, "story", wrong).output, wrong
    assert "not in the range" in _fails(db_path, "story", "99999999999999999999999").output
    # past int()'s 4,300-digit limit: refused as any other wrong id, no ValueError
    assert _fails(db_path, "story", "1" * 5000).exit_code == 2


def test_story_with_a_word_for_its_id_says_what_an_id_is(db_path: Path) -> None:
    result = _fails(db_path, "story", "abc")
    assert result.exit_code == 2 and "not a valid integer" not in result.output
    assert "'abc' is no story id: give a story's number (a digest's /story_12 is 12)" in (
        result.output
    )
    assert "not in the range" in _fails(db_path, "story", "0").output  # a number, out of range


def test_commands_that_summarise_nothing_start_without_the_summariser(db_path: Path) -> None:
    """`newsbot --help`, `sources list`, `latest`, `story` and `stats` summarise nothing: they
    loaded sumy, nltk and the allegations package all the same (most of a 1.5 s start), as
    the command line imported every step at its own import. A first start still seeds and
    summarises (with them loaded then)."""
    run(db_path, "latest")  # the first start: seeded, processed
    heavy = ("sumy", "nltk", "digests.summarise", "digests.allegations", "digests.process")
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "sys.argv = ['newsbot', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "DATABASE_PATH": str(db_path), "PYTHONPATH": str(ROOT)}
    for args in (["--help"], ["sources", "list"], ["latest"], ["story", "1"], ["stats"]):
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=db_path.parent,
            check=True,
        )
        assert done.stdout.splitlines()[-1] == "[]", (args, done.stdout[-300:], done.stderr)
