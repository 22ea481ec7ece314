"""bench/allsides.py: AllSides roundups become a story-clustering set."""

from __future__ import annotations

from tests.support import load_bench


def test_a_roundups_articles_are_rewrites_of_one_event_before_it() -> None:
    """Each article with a headline and text is a rewrite of its roundup's event, 40 minutes
    apart before the roundup's posting time, on the day its link names; one with no text is
    left out."""
    roundups = [
        {
            "id": 7,
            "date": "2021-05-07T14:00:00-07:00",
            "news": {
                "left": {
                    "newsSource": "Left Daily",
                    "newsTitle": "Jobs report disappoints",
                    "newsLink": "https://left.example/2021/05/07/jobs",
                    "newBody": ["Employers added\xa0266,000 jobs.", "Economists expected more."],
                },
                "right": {
                    "newsSource": "Right Post",
                    "newsTitle": "Hiring slows",
                    "newsLink": "https://right.example/jobs",
                    "newBody": ["Hiring slowed in April..."],
                },
                "center": {"newsSource": "Centre", "newsTitle": "Jobs", "newBody": []},
            },
        }
    ]
    rows = {r["id"]: r for r in load_bench("allsides").convert(roundups)}
    assert set(rows) == {"as7-left", "as7-right"}
    left, right = rows["as7-left"], rows["as7-right"]
    assert left["event"] == right["event"] == "as7" and left["kind"] == "rewrite"
    assert left["published"] == "2021-05-07T20:20:00Z"  # 21:00 UTC less 40 minutes
    assert right["published"] == "2021-05-07T19:40:00Z"
    assert left["text"] == "Employers added 266,000 jobs.\n\nEconomists expected more."
    assert left["outlet"] == "Left Daily" and left["split"] == "asB"


def test_topic_pages_are_left_out_unless_asked() -> None:
    """A "Perspectives: ..." roundup is a topic page, not one event."""
    article = {"newsSource": "S", "newsTitle": "T", "newsLink": "", "newBody": ["Text."]}
    roundups = [
        {
            "id": 8,
            "issue": "Perspectives: Chip shortage",
            "date": "2021-05-07T14:00:00+00:00",
            "news": {"left": article, "right": article},
        },
    ]
    allsides = load_bench("allsides")
    assert allsides.convert(roundups) == []
    assert len(allsides.convert(roundups, perspectives=True)) == 2
