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


def test_an_undated_link_takes_its_roundups_dated_day_and_steps_stay_on_it() -> None:
    """An article whose link names no day takes the day the roundup's dated links name, not the
    (later) posting day; a posting just after midnight does not put one day's reports 23 h
    apart."""

    def roundup(number: int, posted: str, day: str) -> dict[str, object]:
        return {
            "id": number,
            "date": posted,
            "news": {
                "center": {
                    "newsSource": "Wire",
                    "newsTitle": "Senate passes bill",
                    "newsLink": "https://wire.example/article/senate-bill",
                    "newBody": ["The Senate passed the bill late on Friday."],
                },
                "left": {
                    "newsSource": "Left Daily",
                    "newsTitle": "Bill clears Senate",
                    "newsLink": f"https://left.example/{day}/bill",
                    "newBody": ["Senators approved the measure on Friday."],
                },
            },
        }

    roundups = [
        roundup(9, "2021-05-08T10:00:00+00:00", "2021/05/07"),
        roundup(11, "2021-05-08T00:30:00+00:00", "2021/05/08"),
    ]
    rows = {r["id"]: r["published"] for r in load_bench("allsides").convert(roundups)}
    assert rows["as9-center"] == "2021-05-07T09:20:00Z"  # the dated report's day
    assert rows["as9-left"] == "2021-05-07T08:40:00Z"
    assert rows["as11-center"] == "2021-05-08T23:20:00Z"  # steps back from the day's end
    assert rows["as11-left"] == "2021-05-08T22:40:00Z"


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
