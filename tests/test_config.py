"""Settings.from_env: defaults, parsing, and one-line errors naming the key."""

from __future__ import annotations

import dataclasses
import re
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import _env_file_typos
from bot.config import DEFAULT_API_BASE_URL, SETTINGS_KEYS, ConfigError, Settings
from digests.retention import Policy
from tests.conftest import PROJECT_VARIABLES

TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_-0123"


def test_defaults_need_no_variables() -> None:
    settings = Settings.from_env({})
    assert settings.token is None
    assert settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.admin_ids == frozenset()
    assert settings.database_path == Path("data/newsbot.db")
    assert settings.timezone == ZoneInfo("UTC")
    assert settings.digest_time == time(8, 0)
    assert settings.ingest_interval == 900
    assert settings.summary_method == "hybrid"
    assert settings.webhook_url is None and settings.port == 8443
    assert settings.log_level == "INFO"
    assert settings.allow_private_sources is False
    assert settings.language == "en"


def test_every_setting_is_read() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": f" {TOKEN} ",
            "TELEGRAM_API_BASE_URL": "http://localhost:8081/bot",
            "ADMIN_IDS": "1, 22 333",
            "DATABASE_PATH": "/tmp/x.db",
            "TZ": "Europe/Berlin",
            "DIGEST_TIME": "7:30",
            "INGEST_INTERVAL": "120",
            "SUMMARY_METHOD": "Lead",
            "WEBHOOK_URL": "https://bot.example.org/hook",
            "WEBHOOK_SECRET": "s3cret",
            "PORT": "8080",
            "LOG_LEVEL": "debug",
            "ALLOW_PRIVATE_SOURCES": "yes",
            "LANGUAGE": "uk-UA",
            "FETCH_MAX_MB": "12.5",
        }
    )
    assert settings.token == TOKEN
    assert settings.api_base_url == "http://localhost:8081/bot"
    assert settings.admin_ids == frozenset({1, 22, 333})
    assert settings.database_path == Path("/tmp/x.db")
    assert settings.timezone == ZoneInfo("Europe/Berlin")
    assert settings.digest_time == time(7, 30)
    assert settings.ingest_interval == 120
    assert settings.summary_method == "lead"
    assert settings.webhook_url == "https://bot.example.org/hook"
    assert settings.webhook_secret == "s3cret"
    assert settings.port == 8080
    assert settings.log_level == "DEBUG"
    assert settings.allow_private_sources is True
    assert settings.language == "uk"
    assert settings.fetch_limits.max_bytes == 12_500_000


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("TELEGRAM_BOT_TOKEN", "not-a-token"),
        ("TELEGRAM_API_BASE_URL", "ftp://x"),
        ("ADMIN_IDS", "1,alice"),
        ("TZ", "Mars/Olympus"),
        ("TZ", "EST"),  # refused by /subscribe too: no place, so no daylight saving
        ("TZ", "CET"),
        ("TZ", "Etc/GMT+3"),  # UTC-3, backwards to whoever writes it
        ("TZ", "UTC+3"),
        ("DIGEST_TIME", "25:00"),
        ("DIGEST_TIME", "noon"),
        ("INGEST_INTERVAL", "59"),
        ("INGEST_INTERVAL", "often"),
        ("SUMMARY_METHOD", "magic"),
        ("WEBHOOK_URL", "http://insecure.example.org"),
        ("PORT", "70000"),
        ("LOG_LEVEL", "LOUD"),
        ("ALLOW_PRIVATE_SOURCES", "perhaps"),
        ("RETENTION_DAYS", "a while"),
        ("LEDGER_RETENTION_DAYS", "-5"),
        ("BACKUP_KEEP", "0"),
        ("LANGUAGE", "klingon"),
        ("FETCH_MAX_MB", "0.5"),
        ("FETCH_MAX_MB", "500"),
        ("FETCH_MAX_MB", "lots"),
        ("FETCH_MAX_MB", "nan"),
    ],
)
def test_a_bad_value_names_its_key_in_one_line(key: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({key: value})
    message = str(caught.value)
    assert message.startswith(f"{key}:") and "\n" not in message


def test_tz_takes_a_zone_as_subscribe_does() -> None:
    """TZ is the zone of every new subscription: written as /subscribe takes one (any case,
    UTC, Etc/UTC), and stored as IANA names it."""
    for value, zone in [
        ("europe/paris", "Europe/Paris"),
        ("utc", "UTC"),
        ("Etc/UTC", "Etc/UTC"),
        ("America/New_York", "America/New_York"),
    ]:
        assert Settings.from_env({"TZ": value}).timezone == ZoneInfo(zone), value


def test_the_token_never_appears_in_an_error() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"TELEGRAM_BOT_TOKEN": "12345:short"})
    assert "short" not in str(caught.value)


def test_settings_are_frozen_and_read_from_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "7")
    settings = Settings.from_env()
    assert settings.admin_ids == frozenset({7})
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.port = 1  # type: ignore[misc]


def test_retention_and_backups_are_read() -> None:
    default = Settings.from_env({})
    assert default.retention == Policy(articles_days=90, ledger_days=None)
    assert default.backup_dir is None and default.backup_keep == 7
    settings = Settings.from_env(
        {
            "RETENTION_DAYS": "0",
            "LEDGER_RETENTION_DAYS": "400",
            "BACKUP_DIR": "/var/backups/newsbot",
            "BACKUP_KEEP": "3",
        }
    )
    assert settings.retention == Policy(articles_days=None, ledger_days=400)
    assert settings.backup_dir == Path("/var/backups/newsbot") and settings.backup_keep == 3


ROOT = Path(__file__).resolve().parent.parent


def _example() -> dict[str, str]:
    return dict(re.findall(r"^([A-Z_]+)=(.*)$", (ROOT / ".env.example").read_text(), re.M))


def _readme_defaults() -> dict[str, str]:
    table = re.findall(r"^\| `([A-Z_]+)` \| ([^|]+) \|", (ROOT / "README.md").read_text(), re.M)
    return {key: default.strip() for key, default in table}


def test_env_example_readme_and_settings_agree_on_keys_and_defaults() -> None:
    # .env.example, README's configuration table and Settings.from_env: the same keys, and the
    # same defaults (a newcomer copies .env.example and gets what README says unset values give).
    example, readme = _example(), _readme_defaults()
    assert list(example) == list(readme)
    assert Settings.from_env(example) == Settings.from_env({})
    for key, value in example.items():
        assert readme[key] == (f"`{value}`" if value else "empty"), key
    # every key is one the tests clear, so a developer's own settings never leak into them
    assert set(example) <= set(PROJECT_VARIABLES)


def test_the_settings_are_the_keys_of_env_example_and_of_the_readme() -> None:
    root = Path(__file__).resolve().parent.parent
    example = root.joinpath(".env.example").read_text(encoding="utf-8")
    keys = {line.split("=", 1)[0] for line in example.splitlines() if re.match(r"[A-Z_]+=", line)}
    assert keys == SETTINGS_KEYS
    configuration = (
        root.joinpath("README.md").read_text(encoding="utf-8").split("## Configuration")[1]
    )
    table = set(re.findall(r"^\| `([A-Z_]+)` \|", configuration.split("\n## ")[0], re.M))
    assert table == SETTINGS_KEYS


def test_a_misspelt_env_key_is_named_with_the_setting_it_is_close_to(tmp_path: Path) -> None:
    """A typo leaves its setting at the default (TELEGRAM_BOT_TOKN starts the console chat):
    newsbot warns; a key close to no setting (a proxy for httpx) is left alone."""
    env = tmp_path / ".env"
    env.write_text(
        "TELEGRAM_BOT_TOKN=123:abc\nHTTPS_PROXY=http://proxy:3128\nTZ=UTC\n"
        "# a comment\ndatabase_path=x.db\n",
        encoding="utf-8",
    )
    assert _env_file_typos(str(env)) == [
        f"newsbot: warning: {env}, line 1: TELEGRAM_BOT_TOKN is no setting (ignored); "
        "did you mean TELEGRAM_BOT_TOKEN?",
        f"newsbot: warning: {env}, line 5: database_path is no setting (ignored); "
        "did you mean DATABASE_PATH?",
    ]


@pytest.mark.parametrize("key", ["DATABASE_PATH", "BACKUP_DIR"])
def test_a_path_setting_reads_as_a_shell_would_give_it(key: str) -> None:
    # In a .env file (or a systemd EnvironmentFile) no shell expands "~" nor drops spaces:
    # the bot made a folder named "~" (or " ") in its working directory instead.
    def path(value: str) -> Path | None:
        settings = Settings.from_env({key: value})
        return settings.database_path if key == "DATABASE_PATH" else settings.backup_dir

    assert path("~/newsbot/x") == Path.home() / "newsbot/x"
    assert path("  /srv/newsbot/x  ") == Path("/srv/newsbot/x")
    for quoted in ('"/srv/newsbot/x"', "'/srv/newsbot/x'"):  # docker --env-file keeps quotes
        with pytest.raises(ConfigError, match=f"^{key}: a path in quotes"):
            path(quoted)


def test_newsbot_reads_database_path_as_the_bot_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from bot.cli import newsbot

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for value in ("~/bot.db", " ~/bot.db "):
        monkeypatch.setenv("DATABASE_PATH", value)
        done = CliRunner().invoke(newsbot, ["stats"], obj={})
        assert done.exit_code == 0, done.output
        done = CliRunner().invoke(newsbot, ["stats", "--db", value], obj={})
        assert done.exit_code == 0, done.output
    assert (tmp_path / "home/bot.db").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # no "~", no " "
    monkeypatch.setenv("DATABASE_PATH", '"/srv/bot.db"')
    done = CliRunner().invoke(newsbot, ["stats"], obj={})
    assert done.exit_code == 2
    assert done.output == (
        'newsbot: configuration error: DATABASE_PATH: a path in quotes ("/srv/bot.db"):'
        " write it without them\n"
    )


def test_odd_but_plausible_values_start_the_bot_or_name_the_key() -> None:
    # A huge INGEST_INTERVAL passed the check and stopped the bot's start with an
    # OverflowError traceback from the job queue's timer.
    assert Settings.from_env({"INGEST_INTERVAL": "86400"}).ingest_interval == 86_400
    for huge in ("86401", "99999999999999999999"):
        with pytest.raises(ConfigError, match=r"^INGEST_INTERVAL: must be at most 86400"):
            Settings.from_env({"INGEST_INTERVAL": huge})
    # PTB appends the token to the base URL: a trailing slash made ".../bot/123:abc", which
    # the Bot API answers 404.
    settings = Settings.from_env({"TELEGRAM_API_BASE_URL": " http://localhost:8081/bot/ "})
    assert settings.api_base_url == "http://localhost:8081/bot"
