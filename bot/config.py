"""Settings, read once from the environment (and a .env file) into one frozen value."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, supported
from digests.fetch import DEFAULT_LIMITS, FetchLimits
from digests.fetch import limits_from_env as fetch_limits_from_env
from digests.opml import private_sources_allowed
from digests.polite import HOST_GAP, PER_HOST, limits_from_env
from digests.retention import Policy, policy_from_env
from digests.schedule import ScheduleError, typed_zone
from digests.summary_method import DEFAULT_METHOD, method_from_env

# Every setting newsbot reads from the environment or a .env file: the keys of .env.example
# and of README's "Configuration" table (tests/test_config.py keeps the three equal).
SETTINGS_KEYS = frozenset(
    {
        "ADMIN_IDS",
        "ALLOW_PRIVATE_SOURCES",
        "BACKUP_DIR",
        "BACKUP_KEEP",
        "DATABASE_PATH",
        "DIGEST_TIME",
        "FETCH_HOST_GAP",
        "FETCH_MAX_MB",
        "FETCH_PER_HOST",
        "INGEST_INTERVAL",
        "LANGUAGE",
        "LEDGER_RETENTION_DAYS",
        "LOG_LEVEL",
        "METRICS_HOST",
        "METRICS_PORT",
        "METRICS_TOKEN",
        "PORT",
        "RETENTION_DAYS",
        "SUMMARY_METHOD",
        "TELEGRAM_API_BASE_URL",
        "TELEGRAM_BOT_TOKEN",
        "TZ",
        "WEBHOOK_SECRET",
        "WEBHOOK_URL",
    }
)
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
MAX_INGEST_INTERVAL = 86_400
_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Telegram's rule for setWebhook's secret_token: 1-256 of A-Z, a-z, 0-9, _ and -.
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# Paths the bot's web server answers besides the webhook.
OPS_PATHS = ("/healthz", "/metrics")


class ConfigError(ValueError):
    """A setting has a bad value; the message names the key."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of the bot (see .env.example for each key)."""

    token: str | None = None
    api_base_url: str = DEFAULT_API_BASE_URL
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    database_path: Path = Path("data/newsbot.db")
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    digest_time: time = time(8, 0)
    ingest_interval: int = 900
    summary_method: str = DEFAULT_METHOD
    webhook_url: str | None = None
    webhook_secret: str | None = None
    port: int = 8443
    log_level: str = "INFO"
    allow_private_sources: bool = False
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    metrics_token: str | None = None
    fetch_per_host: int = PER_HOST
    fetch_host_gap: float = HOST_GAP
    # FETCH_MAX_MB: the size a feed or page may have.
    fetch_limits: FetchLimits = DEFAULT_LIMITS
    # RETENTION_DAYS and LEDGER_RETENTION_DAYS (digests/retention.py).
    retention: Policy = field(default_factory=Policy)
    backup_dir: Path | None = None
    backup_keep: int = 7
    language: str = DEFAULT_LANGUAGE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from environment variables; raise ConfigError naming a bad key."""
        env = os.environ if environ is None else environ

        def get(key: str) -> str:
            return env.get(key, "").strip()

        token = get("TELEGRAM_BOT_TOKEN") or None
        if token is not None and not _TOKEN.match(token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN: not a bot token (expected digits, a colon and the secret, "
                "as @BotFather gives it)"
            )
        # The token is appended to it: ".../bot/" would ask Telegram for ".../bot/123:abc".
        api_base_url = (get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL).rstrip("/")
        if not re.match(r"^https?://[^\s/]+", api_base_url):
            raise ConfigError("TELEGRAM_API_BASE_URL: must be an http(s) URL")
        try:
            admin_ids = frozenset(int(x) for x in re.split(r"[,\s]+", get("ADMIN_IDS")) if x)
        except ValueError:
            raise ConfigError(
                "ADMIN_IDS: must be numeric Telegram user ids separated by commas"
            ) from None
        zone_name = get("TZ") or "UTC"
        try:
            # As /subscribe and /settings tz take a zone, since every new subscription gets
            # this one: any case, but no offset or abbreviation (EST, CET, Etc/GMT+3: no place,
            # so no daylight saving), which a subscription could then never be set back to.
            timezone = ZoneInfo(typed_zone(zone_name))
        except (ScheduleError, ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f"TZ: unknown time zone {zone_name!r} (use an IANA name like Europe/Berlin)"
            ) from None
        digest_time = _parse_time("DIGEST_TIME", get("DIGEST_TIME") or "08:00")
        ingest_interval = _parse_int("INGEST_INTERVAL", get("INGEST_INTERVAL") or "900", 60)
        if ingest_interval > MAX_INGEST_INTERVAL:  # the job queue's timer cannot take years
            raise ConfigError(f"INGEST_INTERVAL: must be at most {MAX_INGEST_INTERVAL} (a day)")
        webhook_url = get("WEBHOOK_URL") or None
        if webhook_url is not None and not webhook_url.startswith("https://"):
            raise ConfigError("WEBHOOK_URL: must be an https:// URL Telegram can reach")
        if webhook_url is not None and webhook_path(webhook_url) in OPS_PATHS:
            raise ConfigError(
                f"WEBHOOK_URL: its path must not be {' or '.join(OPS_PATHS)} (the bot serves those)"
            )
        webhook_secret = get("WEBHOOK_SECRET") or None
        if webhook_secret is not None and not WEBHOOK_SECRET_PATTERN.match(webhook_secret):
            raise ConfigError(
                "WEBHOOK_SECRET: Telegram allows 1 to 256 characters of A-Z, a-z, 0-9, _ and - "
                "(or leave it empty: the bot then makes a new one at each start)"
            )
        port = _parse_port("PORT", get("PORT") or "8443")
        metrics_port = (
            _parse_port("METRICS_PORT", get("METRICS_PORT")) if get("METRICS_PORT") else None
        )
        metrics_host = get("METRICS_HOST") or "127.0.0.1"
        if re.search(r"[\s/]", metrics_host):
            raise ConfigError("METRICS_HOST: must be a host name or IP address to listen on")
        metrics_token = get("METRICS_TOKEN") or None
        if metrics_token is not None and not re.fullmatch(r"[\x21-\x7e]{16,}", metrics_token):
            raise ConfigError(
                "METRICS_TOKEN: must be at least 16 printable characters without spaces"
            )
        log_level = (get("LOG_LEVEL") or "INFO").upper()
        if log_level not in _LOG_LEVELS:
            raise ConfigError(f"LOG_LEVEL: must be one of {', '.join(_LOG_LEVELS)}")
        language = supported(get("LANGUAGE") or DEFAULT_LANGUAGE)
        if language is None:
            raise ConfigError(
                f"LANGUAGE: the bot does not speak {get('LANGUAGE')!r} "
                f"(use one of {', '.join(LANGUAGES)})"
            )
        try:
            per_host, host_gap = limits_from_env(env)
            fetch_limits = fetch_limits_from_env(env)
            method = method_from_env(env)  # any case, as LOG_LEVEL and LANGUAGE
            retention = policy_from_env(env)
            allow_private = private_sources_allowed(env)
        except ValueError as error:
            raise ConfigError(str(error)) from None
        backup_dir = path_setting("BACKUP_DIR", get("BACKUP_DIR"))
        backup_keep = _parse_int("BACKUP_KEEP", get("BACKUP_KEEP") or "7", 1)
        return cls(
            token=token,
            api_base_url=api_base_url,
            admin_ids=admin_ids,
            database_path=path_setting("DATABASE_PATH", get("DATABASE_PATH"))
            or Path("data/newsbot.db"),
            timezone=timezone,
            digest_time=digest_time,
            ingest_interval=ingest_interval,
            summary_method=method,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            port=port,
            log_level=log_level,
            allow_private_sources=allow_private,
            metrics_port=metrics_port,
            metrics_host=metrics_host,
            metrics_token=metrics_token,
            fetch_per_host=per_host,
            fetch_host_gap=host_gap,
            fetch_limits=fetch_limits,
            retention=retention,
            backup_dir=backup_dir,
            backup_keep=backup_keep,
            language=language,
        )


def path_setting(key: str, value: str) -> Path | None:
    """Return the path a setting names (None when empty): spaces around dropped, ``~`` as the
    home folder, as a shell would give it; quotes kept from an env file that does not strip
    them (``docker --env-file``, systemd) refused, rather than a folder named ``"`` made."""
    value = value.strip()
    if not value:
        return None
    if value[0] in "\"'" or value[-1] in "\"'":
        raise ConfigError(f"{key}: a path in quotes ({value}): write it without them")
    return Path(value).expanduser()


def webhook_path(url: str) -> str:
    """Return the path the webhook server answers for a WEBHOOK_URL ("/" when it has none)."""
    return urlsplit(url).path or "/"


def _parse_port(key: str, value: str) -> int:
    port = _parse_int(key, value, 1)
    if port > 65535:
        raise ConfigError(f"{key}: must be between 1 and 65535")
    return port


def _parse_int(key: str, value: str, minimum: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{key}: must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ConfigError(f"{key}: must be at least {minimum}")
    return number


def _parse_time(key: str, value: str) -> time:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ConfigError(f"{key}: must be a time of day as HH:MM, not {value!r}")
    return time(int(match[1]), int(match[2]))
