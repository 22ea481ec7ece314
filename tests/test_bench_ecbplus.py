"""bench/ecbplus.py: ECB+'s subtopics become look-alike events of one day (invented texts)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.support import load_bench


def _doc(title: str, text: str) -> dict[str, Any]:
    return {"title": title, "text": text, "date_publish": None, "source_domain": "x"}


DOCS: dict[str, dict[str, Any]] = {
    # topics 1 and 2 fall in ecbA (1 before 2 in hash order), topic 3 in ecbB
    "1_1ecb.json": _doc("A ferry ran aground off Fairport .", "All 40 on board are safe ."),
    "1_3ecb.json": _doc("Rescuers reached the ferry 's passengers .", "Nobody was hurt ."),
    "1_2ecbplus.json": _doc("Second Ferry Runs Aground .", "A ferry hit rocks off Westby ."),
    "1_1ecbplus.json": _doc("Ferry Hits Rocks Off Westby .", "The Westby ferry ran aground ."),
    "2_1ecb.json": _doc("Old mill burns in Dunmore .", "The fire started at night ."),
    "2_2ecb.json": _doc("", ""),
    "2_1ecbplus.json": _doc("Barn Burns Near Kilby .", "A barn burned down ."),
    "3_1ecb.json": _doc("Mayor Tallis resigned .", "She gave no reason ."),
    "3_1ecbplus.json": _doc("Mayor Orme Quits .", "Orme quit on Monday ."),
    "notes.json": _doc("not a document", "of ECB+"),
}


def test_tokenised_spacing_is_mended() -> None:
    """Possessives, contractions, hyphens, money, brackets, times and quotes read as text."""
    detokenise = load_bench("ecbplus").detokenise
    assert detokenise("Teixeira 's free - agent deal : $ 160 million ( AP ) .") == (
        "Teixeira's free-agent deal: $160 million (AP)."
    )
    assert detokenise("They did n't stop ; I 'm sure , at 4 : 59 PM !") == (
        "They didn't stop; I'm sure, at 4:59 PM!"
    )
    assert detokenise("She starred in \" American Pie '' and ``Scrubs,' ' too") == (
        'She starred in "American Pie" and "Scrubs," too'
    )
    assert detokenise("Lohan ’ s ‘ Rehab ’ out - of - state") == "Lohan’s ‘Rehab’ out-of-state"
    # a dash between a name and a lower-case word stays a dash; an odd quote is left alone
    assert detokenise('Malibu , California - the " same place') == (
        'Malibu, California - the " same place'
    )
    assert detokenise("T - Mobile co - workers") == "T-Mobile co-workers"


def test_a_subtopic_is_an_event_and_both_of_a_topic_share_a_day() -> None:
    """Each subtopic is an event of rewrites; a topic's two events start an hour apart on one
    day, topics go three to a day two hours apart in hash order; documents 25 minutes apart."""
    rows = {r["id"]: r for r in load_bench("ecbplus").convert(DOCS)}
    # a document without text and a file that is no document are left out
    assert set(rows) == {
        "ecb1-1-1",
        "ecb1-1-3",
        "ecb1-2-1",
        "ecb1-2-2",
        "ecb2-1-1",
        "ecb2-2-1",
        "ecb3-1-1",
        "ecb3-2-1",
    }
    published = {key: row["published"] for key, row in rows.items()}
    assert published["ecb1-1-1"] == "2026-03-01T06:00:00Z"  # first topic of ecbA
    assert published["ecb1-1-3"] == "2026-03-01T06:25:00Z"  # by document number
    assert published["ecb1-2-1"] == "2026-03-01T07:00:00Z"  # its look-alike, an hour later
    assert published["ecb1-2-2"] == "2026-03-01T07:25:00Z"
    assert published["ecb2-1-1"] == "2026-03-01T08:00:00Z"  # second topic of the day
    assert published["ecb2-2-1"] == "2026-03-01T09:00:00Z"
    assert published["ecb3-1-1"] == "2026-03-01T06:00:00Z"  # first topic of ecbB
    assert published["ecb3-2-1"] == "2026-03-01T07:00:00Z"
    assert {r["split"] for k, r in rows.items() if k.startswith("ecb3-")} == {"ecbB"}
    assert {r["split"] for k, r in rows.items() if not k.startswith("ecb3-")} == {"ecbA"}
    assert {r["kind"] for r in rows.values()} == {"rewrite"}
    assert rows["ecb1-1-3"]["event"] == "ecb1-1" and rows["ecb1-2-2"]["event"] == "ecb1-2"
    assert rows["ecb1-2-2"]["outlet"] == "ECB+ 1_2ecbplus"
    assert rows["ecb1-1-1"]["outlet"] == "ECB+ 1_1ecb"
    # subtopic 2: the JSON title is the headline; subtopic 1: it is the text's first sentence
    assert rows["ecb1-2-2"]["title"] == "Second Ferry Runs Aground."
    assert rows["ecb1-2-2"]["text"] == "A ferry hit rocks off Westby."
    assert rows["ecb1-1-3"]["title"] == "Rescuers reached the ferry's passengers."
    assert rows["ecb1-1-3"]["text"] == "Rescuers reached the ferry's passengers. Nobody was hurt."


def test_one_topic_a_day_puts_the_next_topic_on_the_next_day() -> None:
    """The number of topics a day is the rule's one parameter."""
    rows = {r["id"]: r for r in load_bench("ecbplus").convert(DOCS, per_day=1)}
    assert rows["ecb2-1-1"]["published"] == "2026-03-02T06:00:00Z"
    assert rows["ecb2-2-1"]["published"] == "2026-03-02T07:00:00Z"
    assert rows["ecb3-2-1"]["published"] == "2026-03-01T07:00:00Z"


def test_a_text_seen_before_is_left_out_and_a_rerun_is_a_copy() -> None:
    """The same text twice (but for case and punctuation) is stored once; one opening with an
    earlier text's 40 words is a copy of it; the times close up over the left-out document."""
    wire = " ".join(f"word{n}" for n in range(45))
    docs = {
        "1_1ecbplus.json": _doc("Wire Headline .", f"{wire} ."),
        "1_2ecbplus.json": _doc("Other Headline .", f"{wire.upper()} !"),
        "1_3ecbplus.json": _doc("Third Headline .", f"{wire} and one more ."),
        "1_4ecbplus.json": _doc("Fourth Headline .", f"word0 {wire} ."),
    }
    rows = {r["id"]: r for r in load_bench("ecbplus").convert(docs)}
    assert sorted(rows) == ["ecb1-2-1", "ecb1-2-3", "ecb1-2-4"]
    assert rows["ecb1-2-3"]["kind"] == "copy" and rows["ecb1-2-3"]["copy_of"] == "ecb1-2-1"
    assert rows["ecb1-2-4"]["kind"] == "rewrite" and "copy_of" not in rows["ecb1-2-4"]
    assert rows["ecb1-2-3"]["published"] == "2026-03-01T07:25:00Z"
    assert rows["ecb1-2-4"]["published"] == "2026-03-01T07:50:00Z"


def test_a_folder_and_a_git_directory_are_read(tmp_path: Path) -> None:
    """Documents are read from the topic folders (not annotation/) or a git directory's HEAD."""
    base = tmp_path / "work" / "ECBplus-prep" / "output_data" / "test_parsing"
    for name in ("1_1ecb.json", "1_2ecbplus.json"):
        folder = base / ("1ecb" if name.endswith("_1ecb.json") else "1ecbplus")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(DOCS[name]), encoding="utf-8")
    (base / "1ecb" / "annotation").mkdir()
    (base / "1ecb" / "annotation" / "1_9ecb.json").write_text("[]", encoding="utf-8")
    module = load_bench("ecbplus")
    assert sorted(module.read_documents(tmp_path / "work")) == ["1_1ecb.json", "1_2ecbplus.json"]
    work = tmp_path / "work"

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(work), *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "docs")
    read = module.read_documents(work / ".git")
    assert sorted(read) == ["1_1ecb.json", "1_2ecbplus.json"]
    assert read["1_2ecbplus.json"]["title"] == "Second Ferry Runs Aground ."
