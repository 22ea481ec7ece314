"""Politeness towards feed servers: per-host limits, the servers' own signals, bot challenges.

The rules, in the order a fetch meets them:

- **Per host.** Many sources share a host (a newspaper's forty section feeds). At most
  ``per_host`` requests are in flight to one host name at a time, and their starts are at
  least ``gap`` seconds apart. The host is the URL's host name, port aside (two ports of
  one name are one host). Waiting for a turn does not count against a fetch's deadline.
  A redirect is followed in the turn of the URL asked for.
- **"Wait", from the server.** A 429 or 503 with ``Retry-After`` (seconds, or an HTTP date
  read against the response's own ``Date``, so a skewed clock on either side does not
  matter) fails that fetch with ``RateLimited`` and holds the host for that long: a later
  request to it waits when the hold ends within ``MAX_HOLD_WAIT``, else it is refused with
  ``HostHeld`` without sending anything. A 429 or 503 without ``Retry-After`` is an
  ordinary failure.
- **"Not before", from the server.** ``Cache-Control: max-age`` (less the response's
  ``Age``; none with ``no-cache`` or ``no-store``) says how long a feed stays fresh; the
  caller polls no sooner (``digests.ingest`` also reads RSS ``<ttl>``).
- **At most a day.** A server's word is taken for at most ``MAX_SERVER_DELAY``: CDNs often
  send a year's max-age meant for images, which would silence a feed for a year.
- **Bot challenges.** A ``cf-mitigated: challenge`` header (any status), or a 403 or 503
  whose body holds one of ``CHALLENGE_MARKERS``, is a challenge page of a bot-protection
  service (solving it needs a browser running the page's script), not the feed and not a
  broken feed: it fails with ``BotChallenge``, and the source's health says so.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from digests.errors import BotChallenge, HostHeld
from digests.message import N_

PER_HOST = 2  # requests in flight to one host at most
HOST_GAP = 0.5  # seconds between the starts of two requests to one host at least
MAX_HOLD_WAIT = 10.0  # a hold ending within this many seconds is waited out, not refused
MAX_SERVER_DELAY = 86_400  # seconds: the longest Retry-After, max-age or <ttl> honoured
MAX_HOST_GAP = 60.0  # a longer gap is a typo: 100 sources on one host would take 100 minutes

# Lower-case text found in the first CHALLENGE_PEEK bytes of a 403 or 503 body, with the
# service it names (None: a generic marker). The first that matches names the service.
CHALLENGE_MARKERS: tuple[tuple[str, str | None], ...] = (
    ("cf-chl", "Cloudflare"),  # its challenge's form and script ids: cf-chl-*
    ("_cf_chl_opt", "Cloudflare"),  # the challenge script's options object
    ("challenge-platform", "Cloudflare"),  # /cdn-cgi/challenge-platform/ scripts
    ("attention required! | cloudflare", "Cloudflare"),  # the block page's title
    ("<title>just a moment...</title>", "Cloudflare"),  # the interstitial's title
    ("ddos-guard", "DDoS-Guard"),
    ("sucuri website firewall", "Sucuri"),
    ("_incapsula_resource", "Imperva"),
    ("captcha-delivery.com", "DataDome"),
    ("px-captcha", "HUMAN"),
    ("ddos protection by", None),
)
CHALLENGE_PEEK = 64 * 1024


def host_key(url: str) -> str:
    """Return the host a URL's request counts against (its host name, lower case)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".")


class HostLimiter:
    """Per-host limits for every fetch of one run: slots, the gap between starts, holds.

    One limiter serves one event loop (the bot and the CLI make one per ingestion run,
    with the run's client). It sleeps on that loop, so by default it reads that loop's
    clock too (monotonic; simulated in a simulated loop). ``clock`` and ``sleep`` are seams
    for tests.
    """

    def __init__(
        self,
        per_host: int = PER_HOST,
        gap: float = HOST_GAP,
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if per_host < 1:
            raise ValueError(f"requests per host must be at least 1, not {per_host}")
        if not math.isfinite(gap) or gap < 0:
            raise ValueError(f"the gap between requests to a host must be 0 s or more, not {gap}")
        self.per_host = per_host
        self.gap = gap
        self._clock = clock or _loop_time
        self._sleep = sleep
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._held: dict[str, float] = {}

    @asynccontextmanager
    async def turn(self, url: str) -> AsyncIterator[None]:
        """Wait for a free slot and the end of the gap (and of a short hold) on url's host.

        Raise HostHeld, before and instead of waiting, while the host is held for longer
        than MAX_HOLD_WAIT. The slot is the caller's until the block ends.
        """
        host = host_key(url)
        self._refuse_if_held(host)
        slot = self._slots.get(host)
        if slot is None:
            slot = self._slots[host] = asyncio.Semaphore(self.per_host)
        async with slot:
            while True:
                # Checked again after every sleep: another request may have set a hold.
                self._refuse_if_held(host)
                now = self._clock()
                start = max(now, self._next_start.get(host, now), self._held.get(host, now))
                if start <= now:
                    break
                await self._sleep(start - now)
            self._next_start[host] = now + self.gap
            yield

    def hold(self, url: str, seconds: float) -> None:
        """Send nothing to url's host for this many seconds (the server said Retry-After)."""
        host = host_key(url)
        until = self._clock() + max(0.0, seconds)
        self._held[host] = max(until, self._held.get(host, until))

    def held_for(self, url: str) -> float:
        """Return how many more seconds url's host is held (0 when it is not)."""
        return max(0.0, self._held.get(host_key(url), 0.0) - self._clock())

    def _refuse_if_held(self, host: str) -> None:
        left = self._held.get(host, 0.0) - self._clock()
        if left > MAX_HOLD_WAIT:
            wait = timedelta(seconds=left)
            if not host:
                raise HostHeld(
                    N_("not fetched: the host asked to be left alone for {wait} more"),
                    retry_after=left,
                    wait=wait,
                )
            raise HostHeld(
                N_("not fetched: {host} asked to be left alone for {wait} more"),
                retry_after=left,
                host=host,
                wait=wait,
            )


def _loop_time() -> float:
    return asyncio.get_running_loop().time()


def limits_from_env(environ: Mapping[str, str]) -> tuple[int, float]:
    """Return FETCH_PER_HOST and FETCH_HOST_GAP (defaults when unset).

    Raise ValueError with a one-line message that starts with the bad key.
    """
    per_host_text = environ.get("FETCH_PER_HOST", "").strip() or str(PER_HOST)
    if not _digits(per_host_text) or int(per_host_text) < 1:
        raise ValueError(
            f"FETCH_PER_HOST: must be a whole number, at least 1, not {per_host_text!r}"
        )
    gap_text = environ.get("FETCH_HOST_GAP", "").strip() or str(HOST_GAP)
    try:
        gap = float(gap_text)
    except ValueError:
        raise ValueError(f"FETCH_HOST_GAP: must be a number of seconds, not {gap_text!r}") from None
    if not 0 <= gap <= MAX_HOST_GAP:  # NaN fails both comparisons
        raise ValueError(f"FETCH_HOST_GAP: must be between 0 and {MAX_HOST_GAP:g} seconds")
    return int(per_host_text), gap


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Return the seconds a response's Retry-After asks to wait (at most a day), or None."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if _digits(value):
        return float(min(_seconds(value), MAX_SERVER_DELAY))
    when = _http_date(value)
    if when is None:
        return None
    # Against the server's own clock when it says the time: neither clock need be right.
    reference = _http_date(headers.get("date", "")) or datetime.now(UTC)
    seconds = (when - reference).total_seconds()
    return min(max(0.0, seconds), float(MAX_SERVER_DELAY))


def fresh_for(headers: Mapping[str, str]) -> float | None:
    """Return the seconds a response stays fresh by Cache-Control max-age (at most a day)."""
    directives: dict[str, str] = {}
    for part in headers.get("cache-control", "").split(","):
        name, _, argument = part.partition("=")
        directives[name.strip().lower()] = argument.strip().strip('"')
    if "no-cache" in directives or "no-store" in directives:
        return None
    max_age = directives.get("max-age", "")
    if not _digits(max_age):
        return None
    age = headers.get("age", "").strip()
    left = _seconds(max_age) - (_seconds(age) if _digits(age) else 0)
    return float(min(left, MAX_SERVER_DELAY)) if left > 0 else None


def challenge(status: int, headers: Mapping[str, str], head: bytes) -> BotChallenge | None:
    """Return the error to raise when a response is a bot challenge page, else None.

    ``head``: the start of the body (only read for a 403 or 503).
    """
    service: str | None
    if headers.get("cf-mitigated", "").strip().lower() == "challenge":
        service = "Cloudflare"
    elif status in (403, 503) and head:
        text = head[:CHALLENGE_PEEK].decode("utf-8", errors="replace").lower()
        found = [name for marker, name in CHALLENGE_MARKERS if marker in text]
        if not found:
            return None
        service = found[0]
    else:
        return None
    if not service:
        return BotChallenge(N_("blocked by a bot challenge — the site refuses automated fetching"))
    return BotChallenge(
        N_("blocked by a bot challenge ({service}) — the site refuses automated fetching"),
        service=service,
    )


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()  # str.isdigit alone takes "²", which int() refuses


# Seconds written with more digits than this are read as this many nines: longer than any
# wait honoured, and Python refuses to read 4,300 digits and more as a number.
_LONGEST_DIGITS = 9


def _seconds(text: str) -> int:
    """Return a header's whole number of seconds (``_digits`` said it is one)."""
    return int(text) if len(text) <= _LONGEST_DIGITS else int("9" * _LONGEST_DIGITS)


def _http_date(value: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
