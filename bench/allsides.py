"""Turn AllSides headline roundups into a story-clustering set: real outlets on one story.

AllSides (allsides.com) groups, in each "headline roundup", the articles of one story from a
left, a centre and a right outlet. A crawl of 505 roundups (22 April – 18 October 2021, 1,479
articles, 145 outlets) made for the NeuS paper (Lee et al., 2022) is in the repository
``HLTCHKUST/framing-bias-metric`` (MIT for its code); the articles' headlines and excerpts
(about 90 words, most cut off with "...", as a feed's summary is) belong to their outlets and to
AllSides: research use only, kept outside this repository::

    git clone https://github.com/HLTCHKUST/framing-bias-metric /tmp/framing-bias-metric
    git -C /tmp/framing-bias-metric show \\
        1586f55:data/raw_crawled/headline_11_2021-10-19_crawled_all.jsonl > /tmp/allsides.jsonl
    .venv/bin/python bench/allsides.py /tmp/allsides.jsonl --out /tmp/allsides_set.jsonl
    .venv/bin/python bench/stories.py --set /tmp/allsides_set.jsonl --skip-crowd

Each roundup is one event (AllSides' editors' grouping; ``bench/data/allsides_check.md`` checks
a sample of it by hand: 97 % of article pairs of an ordinary roundup are one event); every
article is a ``rewrite`` of it. Roundups titled "Perspectives: ..." are AllSides' topic pages,
not one event (36 % of their pairs in the check), and are left out unless ``--perspectives``.
Split ``asA`` / ``asB`` by the roundup id's parity.

Times. The crawl gives a roundup's posting time and, for some outlets, a day in the article's
link ("/2021/05/07/"); nothing else. An article is placed on the day its link names; one whose
link names no day (AP, Reuters, The Hill, Axios...) on the latest day its roundup's dated links
name, or the roundup's own day when none is dated. On that day its clock is the roundup's
posting clock less 40 minutes per article (the first article 40 minutes before, the next 80...),
or, when that would cross back over midnight, the same steps back from the end of the day: the
reports of one day stay minutes apart, and only two links naming different days put a day
between two reports.

Until 2026-12-05 an undated article took the roundup's posting day, often the day after the
dated reports', and the steps crossed midnight: of half asA's 77 pairs more than 18 h apart
(``stories.FRESH``), 62 were the first kind and 6 the second (round 46's trace); 9 are two dated
links a day or two apart (5 later reports of the event, 3 developments, 1 topic piece).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.realsets import write_set

LINK_DAY = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")


def _link_day(article: dict[str, Any]) -> datetime | None:
    """Return the midnight (UTC) of the day an article's link names, if it names one."""
    day = LINK_DAY.search(article.get("newsLink") or "")
    return datetime(int(day[1]), int(day[2]), int(day[3]), tzinfo=UTC) if day else None


def convert(roundups: list[dict[str, Any]], *, perspectives: bool = False) -> list[dict[str, Any]]:
    """Return the roundups' articles as rows of the story-clustering set format (topic pages,
    "Perspectives: ...", only when asked)."""
    rows: list[dict[str, Any]] = []
    for roundup in roundups:
        if not perspectives and str(roundup.get("issue") or "").startswith("Perspectives:"):
            continue
        posted = datetime.fromisoformat(roundup["date"]).astimezone(UTC)
        event = f"as{roundup['id']}"
        articles = [
            (side, article, text)
            for side, article in sorted((roundup.get("news") or {}).items())
            if (article.get("newsTitle") or "").strip()
            and (
                text := "\n\n".join(
                    p.replace("\xa0", " ").strip() for p in article.get("newBody") or []
                ).strip()
            )
        ]
        days = [_link_day(article) for _, article, _ in articles]
        dated = [day for day in days if day is not None]
        posting_day = posted.replace(hour=0, minute=0, second=0, microsecond=0)
        fallback = max(dated) if dated else posting_day
        clock = posted - posting_day
        if clock < timedelta(minutes=40 * len(articles)):
            clock = timedelta(days=1)
        for k, ((side, article, text), day) in enumerate(zip(articles, days, strict=True)):
            title = article["newsTitle"].strip()
            at = (day or fallback) + clock - timedelta(minutes=40 * (k + 1))
            rows.append(
                {
                    "id": f"{event}-{side}",
                    "split": "asA" if int(roundup["id"]) % 2 == 0 else "asB",
                    "event": event,
                    "kind": "rewrite",
                    "outlet": article.get("newsSource") or side,
                    "published": at.isoformat().replace("+00:00", "Z"),
                    "title": title,
                    "text": text,
                }
            )
    return sorted(rows, key=lambda r: (r["published"], r["id"]))


def main() -> None:
    """Write the set file from the crawl."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("crawl", type=Path, help="headline_11_2021-10-19_crawled_all.jsonl")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--perspectives", action="store_true", help="keep the topic pages as events too"
    )
    args = parser.parse_args()
    lines = args.crawl.read_text(encoding="utf-8").splitlines()
    roundups = [json.loads(line) for line in lines if line.strip()]
    rows = convert(roundups, perspectives=args.perspectives)
    write_set(rows, args.out)
    events = {r["event"] for r in rows}
    print(f"{len(rows)} articles, {len(events)} events")


if __name__ == "__main__":
    main()
