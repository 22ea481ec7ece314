"""Pure digest composition: group rows into stories, filter, rank, page, render as text.

No I/O here: callers pass rows read by ``digests.store`` and the current time.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from digests.models import Digest, SourceLink, StoryItem
from digests.store import parse_iso

HALF_LIFE = timedelta(hours=12)
FALLBACK_WORDS = 60


@dataclass(frozen=True, slots=True)
class Candidate:
    """A story that may go into a digest, with what ranking and filtering need."""

    item: StoryItem
    text: str
    weight: float = 1.0


def _fallback_summary(text: str) -> str:
    """Return the opening sentences of a text up to about FALLBACK_WORDS words."""
    words = text.split()
    if len(words) <= FALLBACK_WORDS:
        return " ".join(words)
    cut = " ".join(words[:FALLBACK_WORDS])
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > 0 else cut + "…"


def candidates_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[Candidate]:
    """Group article rows (from ``store.story_rows``) into one Candidate per story.

    The lead article is the earliest of the story with the highest source weight; its
    summary is shown (its opening sentences if it has not been summarised yet).
    """
    grouped: dict[int, list[Mapping[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(int(row["story_id"]), []).append(row)
    result: list[Candidate] = []
    for story_id, members in grouped.items():
        lead = max(
            members, key=lambda r: (r["source_weight"], -parse_iso(r["published"]).timestamp())
        )
        links: list[SourceLink] = []
        seen: set[str] = set()
        for row in members:
            name = row["source_title"] or "unknown source"
            if row["url"] not in seen:
                seen.add(row["url"])
                links.append(SourceLink(name=name, url=row["url"]))
        newest = max(parse_iso(r["published"]) for r in members)
        summary = lead["summary"] or _fallback_summary(lead["text"])
        item = StoryItem(
            story_id=story_id,
            title=lead["title"],
            url=lead["url"],
            source=lead["source_title"] or "unknown source",
            published=newest,
            summary=summary,
            sources=tuple(links),
        )
        text = "\n".join(f"{r['title']}\n{r['summary'] or ''}\n{r['text']}" for r in members)
        result.append(Candidate(item=item, text=text, weight=float(lead["source_weight"])))
    return result


def _terms(keywords: Iterable[str]) -> list[re.Pattern[str]]:
    return [
        re.compile(rf"(?<!\w){re.escape(k.strip())}", re.IGNORECASE) for k in keywords if k.strip()
    ]


def keep(candidate: Candidate, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> bool:
    """Return True when any include keyword (if given) and no exclude keyword matches."""
    haystack = candidate.text
    if include and not any(p.search(haystack) for p in _terms(include)):
        return False
    return not any(p.search(haystack) for p in _terms(exclude))


def score(candidate: Candidate, now: datetime) -> float:
    """Return the rank score: recency decay x breadth of coverage x source weight."""
    age = max(timedelta(0), now - candidate.item.published)
    recency: float = 0.5 ** (age / HALF_LIFE)
    breadth = 1.0 + math.log1p(candidate.item.also_reported)
    return recency * breadth * candidate.weight


def build_digest(
    candidates: Iterable[Candidate],
    *,
    now: datetime,
    title: str = "Latest news",
    limit: int = 5,
    offset: int = 0,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    since: datetime | None = None,
    ranked: bool = True,
) -> Digest:
    """Filter, rank and page candidates into a Digest.

    With ``ranked=False`` the given order is kept (search results are already best first).
    """
    kept = [
        c
        for c in candidates
        if keep(c, include, exclude) and (since is None or c.item.published >= since)
    ]
    if ranked:
        kept.sort(key=lambda c: (score(c, now), c.item.published), reverse=True)
    page = kept[offset : offset + limit]
    stories = tuple(_with_score(c, now) for c in page)
    return Digest(title=title, generated_at=now, stories=stories, total=len(kept), offset=offset)


def _with_score(candidate: Candidate, now: datetime) -> StoryItem:
    item = candidate.item
    return StoryItem(
        story_id=item.story_id,
        title=item.title,
        url=item.url,
        source=item.source,
        published=item.published,
        summary=item.summary,
        sources=item.sources,
        score=round(score(candidate, now), 6),
    )


def render_text(digest: Digest, *, width: int = 88) -> str:
    """Render a digest for the terminal."""
    if not digest.stories:
        return f"{digest.title}\n\nNo stories yet. Run `newsbot ingest` to fetch some."
    lines = [f"{digest.title} — {digest.generated_at:%Y-%m-%d %H:%M} UTC", ""]
    for number, item in enumerate(digest.stories, start=digest.offset + 1):
        lines.append(f"{number}. {item.title}")
        lines.append(
            f"   {item.source} · {item.published:%Y-%m-%d %H:%M} UTC · story {item.story_id}"
        )
        lines.extend(
            textwrap.wrap(item.summary, width, initial_indent="   ", subsequent_indent="   ")
        )
        if item.also_reported:
            n = item.also_reported
            lines.append(f"   also reported by {n} source{'s' if n > 1 else ''}")
        lines.append(f"   {item.url}")
        lines.append("")
    if digest.has_more:
        rest = digest.total - digest.offset - len(digest.stories)
        lines.append(f"… more than {rest - 1:,}" if digest.total_capped else f"… {rest:,} more")
    return "\n".join(lines).rstrip() + "\n"
