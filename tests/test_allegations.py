"""Tests for the allegations extractor: the seed ledger, the rules, negatives, salience, merge,
and the cue files (every cue word in data, none in the code)."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from digests.allegations import (
    ClauseLexicon,
    Lexicon,
    LexiconError,
    extract,
    is_allegation,
    is_party,
    is_proper_name,
    kinds,
    load_cues,
    load_lexicon,
    merge,
    merge_keyed,
    rank,
)
from digests.models import Allegation, Response
from tests.support import load_bench

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "digests" / "allegations"
DATA = ROOT / "digests" / "data"

# Paragraphs of seeds/000_69be0bb2d80f3255.txt, embedded so the test never skips.
SEED = """Durov shared that he has personally taken on the responsibility of improving safety \
measures within the platform. He assured users that Telegram is working internally to enhance \
security and prevent abuse of the service by criminals.

The French authorities’ allegations against Durov include accusations that Telegram is used for \
trafficking drugs and child sexual abuse content. They also claim that the company has refused to \
cooperate with law enforcement requests for information. Durov refuted these claims, stating that \
Telegram has established channels for reporting illegal material and contact details for law \
enforcement authorities.

In response to his arrest and questioning by French authorities, Durov expressed surprise at \
being personally held responsible for the illegal actions of others on his platform.

In conclusion, Pavel Durov’s public statements in response to the French authorities’ charges \
against him have shed light on the complex challenges faced by technology companies operating in \
a global regulatory environment."""

REFUTATION = (
    "Durov refuted these claims, stating that Telegram has established channels for reporting "
    "illegal material and contact details for law enforcement authorities."
)


def only(text: str) -> Allegation:
    items = extract(text)
    assert len(items) == 1, items
    return items[0]


def test_seed_ledger_item_by_item() -> None:
    first, second = extract(SEED)

    assert first.sentence.startswith("The French authorities’ allegations against Durov")
    assert first.accuser == "French authorities"
    assert first.target == "Telegram"
    assert first.claim == "Telegram is used for trafficking drugs and child sexual abuse content"
    assert first.kind == "allegation"
    assert first.responses == (Response(REFUTATION, "Durov", "refutation"),)

    assert second.sentence.startswith("They also claim that")
    assert second.accuser == "French authorities"  # "They"
    assert second.target == "Telegram"  # "the company"
    assert second.claim == (
        "the company has refused to cooperate with law enforcement requests for information"
    )
    assert second.kind == "claim"
    assert second.responses == (Response(REFUTATION, "Durov", "refutation"),)


def test_seed_reference_to_charges_is_not_an_item() -> None:
    # "the French authorities’ charges against him" names no claim: a reference, not an item
    last = SEED.split("\n\n")[-1]
    assert extract(last) == []


def test_seed_file_when_present() -> None:
    path = ROOT / "seeds" / "000_69be0bb2d80f3255.txt"
    if not path.exists():
        pytest.skip("seed file not in the checkout")
    text = path.read_text(encoding="utf-8")
    items = extract(text, title=text.splitlines()[0])
    assert [(a.accuser, a.target, a.kind) for a in items] == [
        ("French authorities", "Telegram", "allegation"),
        ("French authorities", "Telegram", "claim"),
    ]


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind", "claim"),
    [
        (
            "Prosecutors accused the former mayor of taking bribes.",
            "Prosecutors",
            "former mayor",
            "accusation",
            "taking bribes",
        ),
        (
            "The senator was accused of misusing campaign funds.",
            "",
            "senator",
            "accusation",
            "misusing campaign funds",
        ),
        (
            "Binance was accused by US regulators of operating an unregistered exchange.",
            "US regulators",
            "Binance",
            "accusation",
            "operating an unregistered exchange",
        ),
        (
            "The regulator alleges that the bank failed to report suspicious transactions.",
            "regulator",
            "bank",
            "allegation",
            "the bank failed to report suspicious transactions",
        ),
        (
            "Allegations that the minister leaked classified documents have dominated the news.",
            "",
            "minister",
            "allegation",
            "the minister leaked classified documents",
        ),
        (
            "The allegations against Weinstein include rape and sexual assault.",
            "",
            "Weinstein",
            "allegation",
            "rape and sexual assault",
        ),
        (
            "The former chief executive is charged with securities fraud.",
            "",
            "former chief executive",
            "charge",
            "securities fraud",
        ),
        (
            "According to prosecutors, the defendant moved the money to offshore accounts.",
            "prosecutors",
            "defendant",
            "allegation",
            "the defendant moved the money to offshore accounts",
        ),
        (
            "Critics claim that the app collects children's data without consent.",
            "Critics",
            "app",
            "claim",
            "the app collects children's data without consent",
        ),
        (
            "A lawsuit filed by the New York Times accuses OpenAI of using its articles.",
            "A lawsuit filed by the New York Times",
            "OpenAI",
            "lawsuit",
            "using its articles",
        ),
        (
            "Getty Images is suing Stability AI for copying millions of photographs.",
            "Getty Images",
            "Stability AI",
            "lawsuit",
            "copying millions of photographs",
        ),
        (
            "Prosecutors say Holmes deceived investors about her machines.",
            "Prosecutors",
            "Holmes",
            "allegation",
            "Holmes deceived investors about her machines",
        ),
        (
            "The minister allegedly accepted gifts from a lobbyist.",
            "",
            "minister",
            "allegation",
            "accepted gifts from a lobbyist",
        ),
        # an adverb is trimmed from the subject, and skipped between auxiliary and participle
        (
            "Prosecutors formally accused the banker of laundering money.",
            "Prosecutors",
            "banker",
            "accusation",
            "laundering money",
        ),
        ("The senator was formally charged with fraud.", "", "senator", "charge", "fraud"),
        (
            "The captain is suspected of smuggling weapons.",
            "",
            "captain",
            "accusation",
            "smuggling weapons",
        ),
        (
            "The company was alleged to have hidden losses.",
            "",
            "company",
            "allegation",
            "hidden losses",
        ),
        (
            "The indictment charges that Smith bribed officials.",
            "indictment",
            "Smith",
            "charge",
            "Smith bribed officials",
        ),
        (
            "Meta faces a lawsuit from parents over addictive design.",
            "parents",
            "Meta",
            "lawsuit",
            "addictive design",
        ),
        (
            "Uber was sued by drivers over unpaid wages.",
            "drivers",
            "Uber",
            "lawsuit",
            "unpaid wages",
        ),
        (
            "Getty Images sued Stability AI on Monday over copied images.",
            "Getty Images",
            "Stability AI",
            "lawsuit",
            "copied images",
        ),
        (
            "Smith, according to the indictment, hid the money in offshore accounts.",
            "indictment",
            "Smith",
            "charge",
            "hid the money in offshore accounts",
        ),
    ],
)
def test_phrasing_families(text: str, accuser: str, target: str, kind: str, claim: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind, item.claim) == (accuser, target, kind, claim)


@pytest.mark.parametrize(
    "text",
    [
        "If regulators were to allege fraud, the company's shares would collapse.",
        "Should prosecutors charge him with perjury, the case could take years.",
        "The band threatened to sue if the song was used again.",
        "Did prosecutors allege that he knew about the scheme?",
        "Who accused the minister of lying?",
        "No one has alleged that the mayor broke the law.",
        "Police have not charged anyone in connection with the fire.",
        "He has never been accused of a crime.",
        "She filed an insurance claim after the storm damaged her roof.",
        "The pretender's claim to the throne was never recognised.",
        "Verstappen claimed victory at the Dutch Grand Prix.",
        "The Lakers claimed the title with a win in game six.",
        "The flood claimed at least 30 lives.",
        "The company claims its new battery lasts twice as long.",
        "She was put in charge of the investigation.",
        "The company will charge customers a $5 monthly fee.",
        "According to the company, sales rose 8% in the quarter.",
        "Smith denied the allegations.",
        "The accused appeared in court on Monday.",
        "Critics claim the new stadium is too big.",  # a weak cue needs wrongdoing
        "Police said they had arrested two men.",  # what the speaker did
    ],
)
def test_hard_negatives(text: str) -> None:
    assert not is_allegation(text)
    assert extract(text) == []


def test_he_resolves_to_the_named_person_in_the_paragraph() -> None:
    text = (
        "The French authorities’ allegations against Durov include accusations that Telegram is "
        "used for trafficking drugs. He refuted these claims."
    )
    (item,) = extract(text)
    assert item.responses[0].responder == "Durov"
    assert item.responses[0].kind == "refutation"


def test_they_resolves_to_the_previous_accuser_and_he_to_the_named_target() -> None:
    text = (
        "Prosecutors allege that Ana Ruiz embezzled funds from the charity. "
        "They further allege that she lied to investigators."
    )
    _, second = extract(text)
    assert (second.accuser, second.target) == ("Prosecutors", "Ana Ruiz")


def test_subject_and_object_pronouns_resolve_to_different_people() -> None:
    text = (
        "Laura Chen worked with David Park for six years. She accused him of stealing her research."
    )
    (item,) = extract(text)
    assert (item.accuser, item.target) == ("Laura Chen", "David Park")


def test_pronouns_do_not_cross_paragraphs_for_accusers() -> None:
    text = (
        "Prosecutors allege that Kim bribed officials.\n\nThey also claim that the weather was bad."
    )
    assert len(extract(text)) == 1


def test_no_comment_links_by_target_name() -> None:
    text = "Senator Ray Cole was accused of accepting illegal donations. Cole declined to comment."
    (item,) = extract(text)
    assert [(r.responder, r.kind) for r in item.responses] == [("Cole", "no_comment")]


def test_response_in_the_same_sentence() -> None:
    item = only("Smith has denied allegations that he took bribes.")
    assert (item.target, item.claim) == ("Smith", "he took bribes")
    assert [(r.responder, r.kind) for r in item.responses] == [("Smith", "denial")]


def test_a_responder_in_the_items_own_sentence_is_cleaned_as_any_other() -> None:
    # "The mayor" shows as "mayor" (the target), and so does the mayor answering in a later sentence
    item = only("The mayor has denied accusations that he took bribes from the developer.")
    assert [(r.responder, r.kind) for r in item.responses] == [("mayor", "denial")]
    later = only("Police accused the mayor of taking bribes. The mayor denied the allegations.")
    assert [(r.responder, r.kind) for r in later.responses] == [("mayor", "denial")]
    item = only("The company's chief executive denied claims that the firm hid losses.")
    assert [r.responder for r in item.responses] == ["company's chief executive"]


def test_response_by_another_party_is_not_linked_without_reference() -> None:
    text = "Prosecutors allege that Lee hid money from tax authorities. Jones denied wrongdoing."
    (item,) = extract(text)
    assert item.responses == ()


def test_the_company_rejecting_resolves_to_the_previous_target() -> None:
    text = (
        "Meta was accused by the commission of breaching EU competition rules. "
        "The company rejected the charges, calling them baseless."
    )
    (item,) = extract(text)
    assert [(r.responder, r.kind) for r in item.responses] == [("Meta", "rejection")]


def test_not_guilty_plea_is_a_denial_not_a_negation() -> None:
    item = only("Smith pleaded not guilty to charges of fraud.")
    assert (item.target, item.kind, item.claim) == ("Smith", "charge", "fraud")
    assert [(r.responder, r.kind) for r in item.responses] == [("Smith", "denial")]


ACCUSED = "Regulators accused Acme Corp of fixing prices."


@pytest.mark.parametrize(
    ("answer", "linked"),
    [
        ("Acme denied them.", [("Acme", "denial")]),
        # "the claims" reach back to the paragraph before; "the firm" resolves only within one
        ("\n\nThe firm denied the claims.", [("firm", "denial")]),
        ("Acme rejected the offer.", []),  # a rejection needs an allegation word after it
        ("Acme did not deny the claims.", []),
        ("Acme was denied bail.", []),
        ("The judge dismissed the charges.", []),  # a court is no responder
    ],
)
def test_response_linking(answer: str, linked: list[tuple[str, str]]) -> None:
    (item,) = extract(f"{ACCUSED} {answer}")
    assert [(r.responder, r.kind) for r in item.responses] == linked


def _item(target: str, claim: str, accuser: str = "Prosecutors") -> Allegation:
    return Allegation(f"{accuser} say {claim}.", accuser, target, claim, "allegation")


def test_merge_joins_near_duplicates_and_keeps_keys() -> None:
    a = _item("Telegram", "Telegram is used for trafficking drugs and abuse content")
    b = replace(
        _item("Telegram", "Telegram was used for drug trafficking and child abuse content", ""),
        responses=(Response("Durov denied it.", "Durov", "denial"),),
        salience=0.7,
    )
    c = _item("Meta", "Meta abused its dominant position")
    merged = merge_keyed([(1, a), (2, b), (3, c), (2, a)])
    assert [keys for _, keys in merged] == [[1, 2], [3]]
    first = merged[0][0]
    assert first.accuser == "Prosecutors"
    assert first.responses == b.responses
    assert first.salience == 0.7
    assert merge([[a, c], [b]]) == [first, c]


def test_a_merged_item_is_as_certain_as_its_surest_report() -> None:
    # The fallback's report names more and is shown; a pattern read the same allegation too.
    fallback = replace(
        _item("Telegram", "Telegram is used for trafficking drugs and abuse content, prosecutors"),
        reading=kinds.FALLBACK_READING,
        salience=0.9,
    )
    pattern = _item("Telegram", "Telegram was used for drug trafficking and abuse content", "")
    ((merged, keys),) = merge_keyed([(1, fallback), (2, pattern)])
    assert keys == [1, 2] and merged.claim == fallback.claim and merged.reading == ""
    ((alone, _),) = merge_keyed(
        [(1, fallback), (2, replace(pattern, reading=kinds.FALLBACK_READING))]
    )
    assert alone.reading == kinds.FALLBACK_READING


def test_merge_keeps_different_targets_apart() -> None:
    a = _item("Smith", "Smith laundered money through shell companies")
    b = _item("Jones", "Jones laundered money through shell companies")
    assert len(merge([[a], [b]])) == 2


def test_merge_counts_wrongdoing_words_that_sumy_calls_stop_words() -> None:
    # sumy lists "ignored" as a stop word; here it is what the two claims share
    a = _item("hospital administrators", "administrators ignored her warnings")
    b = _item("administrators", "administrators ignored her reports of unsafe staffing")
    assert len(merge([[a], [b]])) == 1


def test_rank_sets_salience_from_the_story_and_sorts() -> None:
    story = (
        "Telegram faces scrutiny in France over drug trafficking on the platform. "
        "Prosecutors allege that Telegram is used for drug trafficking on the platform. "
        "Prosecutors also allege that the founder owns a yacht. "
        "The weather in Paris was mild. "
        "French prosecutors said drug trafficking on Telegram was the focus of the case."
    )
    items = extract(story)
    assert [a.claim for a in items][:1] == ["Telegram is used for drug trafficking on the platform"]
    ranked = rank(items, story)
    assert ranked[0].claim == "Telegram is used for drug trafficking on the platform"
    assert all(0.0 < a.salience <= 1.0 for a in ranked)
    assert [a.salience for a in ranked] == sorted((a.salience for a in ranked), reverse=True)
    assert rank([], story) == []
    assert rank(items, "") == [replace(a, salience=0.0) for a in items]


def test_extract_sets_salience_and_keeps_document_order() -> None:
    story = (
        "Prosecutors also allege that the founder owns a yacht. "
        "Telegram faces scrutiny in France over drug trafficking on the platform. "
        "Prosecutors allege that Telegram is used for drug trafficking on the platform. "
        "The weather in Paris was mild. "
        "French prosecutors said drug trafficking on Telegram was the focus of the case."
    )
    yacht, trafficking = extract(story)
    assert yacht.claim == "the founder owns a yacht"
    assert 0.0 < yacht.salience < trafficking.salience == 1.0
    assert rank([yacht, trafficking], story) == [trafficking, yacht]  # the same scores


def test_lexicon_loads_from_package_data() -> None:
    lex = load_lexicon("en")
    assert lex.language == "en"
    assert lex.accuse_verbs["accused"] == "accusation"
    assert ("declined", "to", "comment") in lex.no_comment
    with pytest.raises(FileNotFoundError):
        load_lexicon("xx")


def _cue_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "allegation_cues.en.json").read_text("utf-8"))
    return data


def test_behaviour_follows_the_data() -> None:
    data = _cue_data()
    sentence = "Activists accused the police of beating protesters."
    assert is_allegation(sentence, Lexicon.from_mapping(data, "en"))
    data["accuse_verbs"]["accusation"] = ["accuse", "accuses", "accusing"]
    data["passive_to_verbs"]["accusation"] = []
    assert not is_allegation(sentence, Lexicon.from_mapping(data, "edited"))


def test_another_language_is_a_data_file() -> None:
    # The same rules read German cue words once the data names them.
    data = _cue_data()
    data["language"] = "de"
    data["accuse_verbs"] = {"accusation": ["beschuldigten"]}
    data["accuse_prepositions"] = ["wegen"]
    data["definite_articles"] = ["die"]
    data["determiners"] = ["die"]
    lex = Lexicon.from_mapping(data, "de")
    items = extract("Aktivisten beschuldigten die Polizei wegen Gewalt.", lexicon=lex)
    assert [(a.accuser, a.target, a.kind, a.claim) for a in items] == [
        ("Aktivisten", "Polizei", "accusation", "Gewalt")
    ]
    assert not is_allegation("Activists accused the police of beating protesters.", lex)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("say_verbs"), "missing keys ['say_verbs']"),
        (lambda d: d.update(say_verb=["say"]), "unknown keys ['say_verb']"),
        (lambda d: d.update(negators=["no one"]), "'negators'"),
        (lambda d: d.update(accuse_verbs={"smear": ["accused"]}), "['smear'] not among"),
        (lambda d: d.update(adverb_pattern="("), "'adverb_pattern'"),
        (lambda d: d.update(say_skip="reporters"), "'say_skip'"),
    ],
)
def test_lexicon_rejects_bad_data(edit: Any, message: str) -> None:
    data = _cue_data()
    edit(data)
    with pytest.raises(LexiconError, match=re.escape(message)):
        Lexicon.from_mapping(data, "bad.json")


def test_load_lexicon_takes_a_language_code() -> None:
    with pytest.raises(FileNotFoundError, match=re.escape("allegation_cues.xx.json")):
        load_lexicon("xx")
    with pytest.raises(ValueError, match="ISO 639"):
        load_lexicon("../en")


def test_every_cue_file_key_is_documented() -> None:
    documented = re.findall(
        r"^\* `(\w+)` \(", (DATA / "allegation_cues.md").read_text("utf-8"), re.M
    )
    names = [f.name for f in dataclasses.fields(Lexicon)]
    clause_names = [f.name for f in dataclasses.fields(ClauseLexicon)]
    assert documented == names + clause_names  # same keys, same order as the fields
    files = sorted(DATA.glob("allegation_cues.*.json"))
    assert len(files) >= 5
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        keys = [k for k in data if not k.startswith("_")]
        assert keys in (names, clause_names), path.name
        assert load_cues(path.name.split(".")[1]).language == data["language"]


# ---- no cue word in the code

# Words the code may spell: where the cue files are, and the default language's code.
RESOURCE_WORDS = {"digests", "data", "allegation_cues", "json", "utf", "en"}


def _code_strings(source: str) -> list[str]:
    """Return a module's string constants, less docstrings, error messages, ``__all__`` and
    TypeVar names."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        names_all = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        )
        type_var = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "TypeVar"
        if isinstance(node, ast.Raise) or names_all or type_var:
            skip.update(id(n) for n in ast.walk(node))
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
    ]


def _literal_words(source: str) -> set[str]:
    """Return the words spelled in a module's string constants (regex escapes left out)."""
    words: set[str] = set()
    for text in _code_strings(source):
        words.update(w.lower() for w in re.findall(r"[^\W\d_]\w*", re.sub(r"\\.", " ", text)))
    return words


def test_the_literal_check_finds_a_hard_coded_cue() -> None:
    source = '''"""Module docstring: accused."""
TOKEN = re.compile(r"\\w+|[^\\w\\s]")
def f(low):
    """Return True for "accused"."""
    if not low:
        raise ValueError(f"no cue in {low!r}")
    return low == "accused" or low.endswith("ly") or low in {";", "$"}
'''
    assert _literal_words(source) == {"accused", "ly"}


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_cue_word_is_spelled_in_the_code(path: Path) -> None:
    words = _literal_words(path.read_text("utf-8"))
    if path.name == "kinds.py":  # the one place that spells out the output identifiers
        values = [v for k, v in vars(kinds).items() if k.isupper() and isinstance(v, str)]
        identifiers = {w.lower() for v in values for w in re.findall(r"[^\W\d_]\w*", v)}
        assert words <= identifiers
    else:
        assert words <= RESOURCE_WORDS


@cache
def _bench() -> ModuleType:
    return load_bench("allegations")


@pytest.mark.parametrize("split", ["train", "test", "fresh"])
def test_labelled_set_meets_targets(split: str) -> None:
    bench = _bench()
    rows = [r for r in bench.load() if r["split"] == split]
    scores = bench.score(rows)
    assert scores.precision >= 0.90
    assert scores.recall >= 0.80
    assert scores.accuser >= 0.75
    assert scores.target >= 0.75


def test_labelled_set_shape() -> None:
    rows = _bench().load()
    assert len(rows) >= 150
    negatives = sum(not r["is_allegation"] for r in rows) / len(rows)
    assert 0.3 <= negatives <= 0.5
    assert {r["split"] for r in rows} == {"train", "test", "fresh"}


# ---- real news: the failure classes found on Wikinews (tune split) and the set's targets

REAL = ROOT / "tests" / "data" / "allegations_real"
# "test", "heldout" and then "heldout2" to "heldout22" were each scored once, then opened for
# tuning (the bench's REAL_TUNABLE); the blind splits labelled later (bench HELD_OUT_SPLITS) may
# join the set and are never printed.
TUNABLE = _bench().REAL_TUNABLE


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # an accuser before an aside set off by commas (the first plain noun phrase wins)
        (
            "Chief schools inspector Jane Doe, speaking on Monday, accused councils of failing "
            "vulnerable children.",
            "Chief schools inspector Jane Doe",
            "councils",
            "accusation",
        ),
        # the accused as the subject of a passive
        (
            "Ministers have been accused of panic over the new terror laws.",
            "",
            "Ministers",
            "accusation",
        ),
        # an accuser inside a clause opened by a subordinator
        (
            "His remarks were criticised a day after the mayor accused the police of lying.",
            "mayor",
            "police",
            "accusation",
        ),
        # arrests with a reason, a time phrase between (tune: 394c926f.1, c5827cba.0)
        (
            "A 25-year-old man was arrested by Thames Valley Police on suspicion of murder.",
            "Thames Valley Police",
            "A 25-year-old man",
            "charge",
        ),
        (
            "Nikoloz Basilashvili, a Georgian tennis player with current world ranking number "
            "27, was arrested on Friday on a charge of domestic violence in front of a minor.",
            "",
            "Nikoloz Basilashvili",
            "charge",
        ),
        # blame, with a gerund whose accuser is the clause's subject (tune: dbde6d57.13)
        (
            "US Secretary of State Mike Pompeo posted a message on Twitter blaming Iran for the "
            'attacks, saying there was "no evidence the attacks came from Yemen."',
            "US Secretary of State Mike Pompeo",
            "Iran",
            "accusation",
        ),
        (
            "The minister blamed the bombing on rebel groups.",
            "minister",
            "rebel groups",
            "accusation",
        ),
        # attributions and named suspects (tune: 49dc5391.16, d5e3b705.18)
        (
            "Last week a Kabul car bombing killed five and wounded 110, another attack ascribed "
            "to the Taliban.",
            "",
            "Taliban",
            "allegation",
        ),
        (
            "El Paso's police chief Greg Allen said late Sunday the police were attributing "
            "authorship of the document to Crusius.",
            "police",
            "Crusius",
            "allegation",
        ),
        (
            "U.S. officials identified the suspect as 21-year-old Patrick Crusius of Allen, "
            "Texas, near the city of Dallas.",
            "U.S. officials",
            "21-year-old Patrick Crusius of Allen",
            "accusation",
        ),
        # "alleged" before a noun; an agent after "reportedly" (tune: 31516020.6, 49dc5391.1)
        (
            "Rudaw reports Mahan's director, Hamid Arabnejad Khanooki, has alleged ties to the "
            "Islamic Revolutionary Guard Corps of Iran.",
            "",
            "Hamid Arabnejad Khanooki",
            "allegation",
        ),
        (
            "Dozens died in the attack, reportedly conducted by the Taliban.",
            "",
            "Taliban",
            "allegation",
        ),
        # lawsuits filed by X against Y, with or without a claim (tune: 6098c4b4.0, .16)
        (
            "On Wednesday, the Supreme Court of Puerto Rico issued a ruling finding in favor of a "
            "lawsuit filed by the Puerto Rico Senate on Sunday against Pedro Pierluisi over his "
            "claim to the governorship.",
            "Puerto Rico Senate",
            "Pedro Pierluisi",
            "lawsuit",
        ),
        (
            "Senate President Thomas Rivera Schatz filed the lawsuit against Pierliusi on behalf "
            "of the Senate late Sunday night.",
            "Senate President Thomas Rivera Schatz",
            "Pierliusi",
            "lawsuit",
        ),
        # the known bug: the gerund after the name is not part of the target
        (
            "Parents filed a lawsuit against Meta alleging that its apps harm children.",
            "Parents",
            "Meta",
            "lawsuit",
        ),
        # impeachment is a charge (tune: 33d48ca1.0)
        (
            "On Wednesday, the United States House of Representatives impeached President Donald "
            "Trump over complaints arising from an alleged abuse of power.",
            "United States House of Representatives",
            "President Donald Trump",
            "charge",
        ),
        # an aside after a clause verb (tune: 4cacc76c.8)
        (
            "US Ambassador to Germany Richard Grenell alleged, by way of example, Mahan had "
            '"contributed to incredible human suffering" by supporting Syrian President Bashar '
            "al-Assad.",
            "US Ambassador to Germany Richard Grenell",
            "Mahan",
            "allegation",
        ),
        # an allegation noun before a clause without "that" (tune: 2cce73e3.16)
        (
            'Toronto Police, which indicated on Monday a "significant development" was likely at '
            "Tuesday's hearing, face allegations they failed to react quickly enough to the "
            "series of disappearances.",
            "",
            "Toronto Police",
            "allegation",
        ),
        # the source after the claim
        ("Smith bribed two officials, prosecutors said.", "prosecutors", "Smith", "allegation"),
        # a victim is no target (tune: a3d748ec.7)
        (
            "Navalny is an outspoken critic of Russian president Vladimir Putin, and his "
            "associates had alleged Navalny was poisoned.",
            "his associates",
            "",
            "allegation",
        ),
    ],
)
def test_real_news_failure_classes(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        # facts attributed to a source (tune: d5e3b705.2, ec1e0ce1.0, 2616ff58.13, d5e3b705.4)
        "The shooting began at 10:39 a.m. local time (1639 UTC), according to police, who said "
        "officers arrived at the Walmart six minutes later.",
        "On Saturday night, a propeller plane in Nevada, United States crashed following "
        "departure from Henderson Executive Airport, near Las Vegas, according to investigators.",
        "Sixty-six people or more were injured yesterday according to health officials, ranging "
        "in age from eleven to 75.",
        "Federal authorities are investigating the shooting as domestic terrorism, according to "
        "prosecutor Josh Bash, the U.S. Attorney for the Western District of Texas.",
        "Two people were killed in the blast, police said.",
        # other senses and fragments
        "The prime minister took personal charge of the talks.",
        "Police said the suspected gunman surrendered himself to police.",
        "There were claims of vote rigging, his remarks suggested.",
        "Economists attributed the rise in prices to inflation.",
        "Charges of domestic terrorism also carry a possible death penalty at the federal level.",
        # a claim about oneself (tune: cd22a1fe.1)
        "Murphy claimed she made this decision without influence from the White House.",
        # the claimants' own claims, against no one named (tune: cd22a1fe.8)
        "Trump and his legal team have come under scrutiny from both sides of the aisle in "
        "response to their claims of election fraud.",
    ],
)
def test_real_news_hard_negatives(text: str) -> None:
    assert extract(text) == []


# ---- the second round on real news (tune and the opened test split); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a negation before ", but" is in another clause
        (
            "Nobody claimed the bombing at first, but the interior minister attributed it to "
            "separatist rebels.",
            "interior minister",
            "separatist rebels",
            "allegation",
        ),
        # charges faced or brought, the crime before the noun
        (
            "Dana Whitfield pleaded guilty to three wire fraud charges in Boston.",
            "",
            "Dana Whitfield",
            "charge",
        ),
        ("Harlow's charges include embezzlement and forging invoices.", "", "Harlow", "charge"),
        (
            "Federal prosecutors unsealed new charges against Marco Vento on Tuesday.",
            "Federal prosecutors",
            "Marco Vento",
            "charge",
        ),
        # characterisations: a party called something wrong
        (
            "The senator called the governor's conduct an abuse of power.",
            "senator",
            "governor",
            "allegation",
        ),
        (
            "The State Department labeled the militia a terrorist group.",
            "State Department",
            "militia",
            "accusation",
        ),
        # sanctions with a reason
        (
            "The regulator sanctioned Orbis Bank over money laundering failures.",
            "regulator",
            "Orbis Bank",
            "accusation",
        ),
        # sentence-initial "Allegedly,"
        ("Allegedly, Rourke moved the funds through a shell company.", "", "Rourke", "allegation"),
        # suspects in apposition and after a copula; the speaker as the accuser
        (
            "Petra Lind, the suspect in the warehouse fire, was released on bail.",
            "",
            "Petra Lind",
            "accusation",
        ),
        (
            "A spokesman said the Red Hand Brigade are the suspected bombers.",
            "A spokesman",
            "Red Hand Brigade",
            "allegation",
        ),
        # reported speech by any named party ("said ... was")
        (
            "The opposition leader said the minister lied to parliament.",
            "opposition leader",
            "minister",
            "allegation",
        ),
        # a name right before the verb is the subject, not the place in the aside
        (
            "A former nurse from Leeds, Ellis Grant is accused of poisoning patients.",
            "",
            "Ellis Grant",
            "accusation",
        ),
        # a clause verb with a wrong as its object; the negation is in the other conjunct
        (
            "The councillor has not apologised, and has claimed widespread ballot rigging in "
            "the ward.",
            "councillor",
            "",
            "claim",
        ),
        # the passive subject inside a relative clause
        (
            "A hearing was held in which four officers have been charged with assault.",
            "",
            "four officers",
            "charge",
        ),
    ],
)
def test_real_news_second_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The union called the decision a disgrace.",  # no wrongdoing named
        "The mayor described the flooding as a tragedy caused by negligence.",  # no party
        "He cited the company's hotline for reports of fraud.",  # "cited" only with "as"
        "Witnesses said a man stole a bag from the counter.",  # no one accused
        "Her lawyers claimed she acted in self defense.",  # a claim that clears
        "The defendant contended he would have died had he not been armed.",  # a hypothesis
        "Regulators sanctioned the merger.",  # no reason, another sense
        "He faces charges.",  # no crime named
    ],
)
def test_real_news_second_round_negatives(text: str) -> None:
    assert extract(text) == []


def test_a_place_is_no_person_for_a_pronoun() -> None:
    text = (
        "Jong Woo Son is in prison in South Korea, but the United States Department of Justice "
        "unsealed further charges against him."
    )
    (item,) = extract(text)
    assert (item.accuser, item.target) == ("United States Department of Justice", "Jong Woo Son")


@pytest.mark.parametrize(
    ("text", "responder", "kind"),
    [
        ("Smith called the allegations baseless.", "Smith", "rejection"),
        ("Smith's lawyer said the claims were false.", "Smith's lawyer", "rejection"),
        ("The charge was denied by Irma Tchkadua, his lawyer.", "Irma Tchkadua", "denial"),
    ],
)
def test_response_calls_and_passive_denials_link(text: str, responder: str, kind: str) -> None:
    (item,) = extract(f"Prosecutors accused Smith of fraud. {text}")
    assert [(r.responder, r.kind) for r in item.responses] == [(responder, kind)]


def test_a_response_in_the_same_sentence_after_the_claim() -> None:
    (item,) = extract(
        "Mufti Abdul Qawi was tried. Qawi was later accused of inciting the murder in some way, "
        "which he denied."
    )
    assert [(r.responder, r.kind) for r in item.responses] == [("Mufti Abdul Qawi", "denial")]


def test_a_pronoun_accuser_is_the_subject_of_its_own_sentence() -> None:
    # tune: c04fd048.11 ("he" was read as the first name of the sentence before)
    text = (
        "ABS-CBN Corporation is the largest television network in the Philippines. "
        "Philippine President Rodrigo Duterte threatened the network's franchise renewal "
        'before, and he accused the network of "swindling".'
    )
    (item,) = extract(text)
    assert (item.accuser, item.target) == ("Rodrigo Duterte", "ABS-CBN Corporation")


@pytest.mark.parametrize(
    ("text", "party", "proper"),
    [
        ("Toronto Police", True, True),
        ("Pavel Durov", True, True),
        ("US Secretary of State Mike Pompeo", True, True),
        ("the police", True, False),
        ("Ministers", True, False),
        ("drivers", True, False),
        ("the banker", True, False),
        ("attorneys general from sixteen states", True, False),
        ("there", False, False),
        ("his remarks", False, False),
        ("solvent", False, False),
        ("a day after the mayor", False, False),
        ("Bad weather and a sluggish economy", False, False),  # a capitalised first word only
        ("Boeing", True, True),  # a name ending in "-ing" is no participle
        ("Trump's declaration", True, True),  # a named possessor
        ("Ahmed al-Assadi", True, True),
        ("al-Qaeda", True, True),  # a name after a lower-case particle
        ("anti-Muslim", False, False),  # "anti" is no particle of a name
        ("current and former officials", True, False),  # coordinated modifiers
        ("solvent and liquid", False, False),
        ("a 19-year-old", True, False),
        ("eight people", True, False),
        ("British people", True, True),  # a people, shown without its "the"
        ("people", False, False),
        ("Congress opened an investigation into Trump", False, False),  # a clause, no name
        ("The", False, False),
        ("Federal authorities are investigating the shooting", False, False),
        ("", False, False),
    ],
)
def test_parties_and_proper_names(text: str, party: bool, proper: bool) -> None:
    lex = load_lexicon()
    assert is_party(lex, text) is party
    assert is_proper_name(lex, text) is proper


def test_allegation_buttons_show_only_names(db: Any) -> None:
    from datetime import UTC, datetime, timedelta

    from digests import read, store
    from digests.models import ArticleIn

    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    targets = [
        "there",
        "solvent",
        "a day after the mayor",
        "police",
        "Meta",
        "Meta",
        "Toronto Police",
    ]
    for n, target in enumerate(targets):
        article = ArticleIn(f"https://news.example/{n}", f"Story {n}", f"Text {n}.", now)
        [aid] = store.save_articles(db, None, [article], now=now).new_ids
        item = Allegation(f"S{n}.", "Prosecutors", target, "fraud", "charge")
        store.save_allegations(db, aid, [item], 1)
    buttons = read.top_targets(db, since=now - timedelta(days=7))
    assert buttons == [("Meta", 2), ("Toronto Police", 1)]


@cache
def _real_items() -> dict[str, list[Allegation]]:
    """Return the items extract finds in every real-news article, by article id."""
    return {a.id: extract(a.text, title=a.title) for a in _bench().load_real()}


def test_real_news_accusers_and_targets_are_never_fragments() -> None:
    lex = load_lexicon()
    names = [x for items in _real_items().values() for a in items for x in (a.accuser, a.target)]
    assert len(names) >= 100
    for name in filter(None, names):
        assert is_party(lex, name), name
        words = name.lower().split()
        assert words[0] not in lex.np_stops and not set(words) <= set(lex.pronouns), name
        assert not set(words) & (lex.aux - lex.np_stops), name  # no clause: "X are probing"
        assert name.lower() not in {"there", "this", "that", "the", "first", "solvent"}, name
    assert all(a.accuser or a.target for items in _real_items().values() for a in items)


def test_real_news_set_shape() -> None:
    articles = _bench().load_real()
    rows = [r for a in articles for r in a.rows]
    assert len(articles) >= 100 and len(rows) >= 1500
    # English parts; "real1" to "real13" are the Russian, French and Spanish real news (own
    # folders).
    other_languages = {f"real{n}" for n in range(1, 14)}
    assert {a.split for a in articles} - set(_bench().HELD_OUT_SPLITS) == set(TUNABLE) - (
        other_languages
    )
    for split in TUNABLE[:3]:  # the dense splits (heldout2 is mostly plain news: its own test)
        subset = [r for r in rows if r["split"] == split]
        assert len({r["article"] for r in subset}) >= 26 and len(subset) >= 400
        assert sum(r["is_allegation"] for r in subset) >= 40
        assert sum(bool(r.get("hard_negative")) for r in subset) >= 40
    assert len({r["id"] for r in rows}) == len(rows)
    readme = (REAL / "README.md").read_text("utf-8")
    assert "CC BY 2.5" in readme or "Attribution 2.5" in readme


KINDS = {"accusation", "allegation", "claim", "charge", "lawsuit"}


def test_real_news_second_held_out_split_is_well_formed() -> None:
    """``heldout2`` was labelled blind and scored once; it is tuned on now (fourth round)."""
    bench = _bench()
    assert not [a for a in bench.load_real() if a.split in bench.BLIND]
    articles = [a for a in bench.load_real() if a.split == "heldout2"]
    rows = [r for a in articles for r in a.rows]
    assert len(articles) >= 40 and len(rows) >= 500
    others = {a.id for a in bench.load_real() if a.split != "heldout2"}
    assert not others & {a.id for a in articles}  # articles of its own
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["split"] == "heldout2" and isinstance(row["is_allegation"], bool), row
        assert not (row["is_allegation"] and row["criticism"]), row
        if row["is_allegation"]:
            assert row["kind"] in KINDS, row
        if row["is_allegation"] or row["criticism"]:
            assert row["accuser"] and row["target"], row
            assert all(isinstance(n, str) for n in (*row["accuser"], *row["target"])), row
        else:
            assert "kind" not in row and "accuser" not in row, row
    assert sum(r["is_allegation"] for r in rows) >= 20
    assert sum(bool(r.get("hard_negative")) for r in rows) >= 30
    assert "heldout2" in (REAL / "README.md").read_text("utf-8")


def test_real_news_third_held_out_split_is_well_formed() -> None:
    """``heldout3`` was labelled blind and scored once (after the sixth round); opened since."""
    bench = _bench()
    assert "heldout3" in bench.REAL_TUNABLE and "heldout3" not in bench.HELD_OUT_SPLITS
    everything = bench.load_real(blind=True)
    articles = [a for a in everything if a.split == "heldout3"]
    rows = [r for a in articles for r in a.rows]
    assert len(articles) >= 13 and len(rows) >= 300
    assert not {a.id for a in everything if a.split != "heldout3"} & {a.id for a in articles}
    earlier = {r["text"] for a in everything if a.split != "heldout3" for r in a.rows}
    shared = sum(1 for r in rows if r["text"] in earlier and len(r["text"].split()) > 3)
    assert shared == 0  # a count: the blind lines are never printed
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["split"] == "heldout3" and isinstance(row["is_allegation"], bool), row["id"]
        assert not (row["is_allegation"] and row["criticism"]), row["id"]
        if row["is_allegation"]:
            assert row["kind"] in KINDS, row["id"]
        if row["is_allegation"] or row["criticism"]:
            assert row["accuser"] and row["target"], row["id"]
        else:
            assert "kind" not in row and "accuser" not in row, row["id"]
    assert sum(r["is_allegation"] for r in rows) >= 20
    assert sum(bool(r.get("hard_negative")) for r in rows) >= 20
    assert "heldout3" in (REAL / "README.md").read_text("utf-8")


def _check_real_split(
    split: str,
    min_rows: int,
    *,
    min_articles: int = 12,
    min_allegations: int = 20,
    min_hard_negatives: int = 20,
) -> None:
    """A real-news split labelled blind: size, unique ids, no article or sentence shared with
    another split, well-formed labels. Only counts are compared, so no line is ever printed.
    The minimums are lowered only for a part whose source ran out (``heldout22``) or holds few
    allegations whatever was taken (``heldout23``, ``heldout24``)."""
    bench = _bench()
    everything = bench.load_real(blind=True)
    articles = [a for a in everything if a.split == split]
    rows = [r for a in articles for r in a.rows]
    n_articles, n_rows = len(articles), len(rows)
    assert n_articles >= min_articles and n_rows >= min_rows
    ids = {a.id for a in articles}
    titles = {a.title.casefold() for a in articles}
    shared_articles = sum(
        a.id in ids or a.title.casefold() in titles for a in everything if a.split != split
    )
    earlier = {r["text"] for a in everything if a.split != split for r in a.rows}
    shared = sum(1 for r in rows if r["text"] in earlier and len(r["text"].split()) > 3)
    unique_ids = len({r["id"] for r in rows})
    assert shared_articles == 0 and shared == 0 and unique_ids == n_rows
    bad = 0
    for row in rows:
        bad += row["split"] != split or not isinstance(row["is_allegation"], bool)
        bad += bool(row["is_allegation"] and row["criticism"])
        if row["is_allegation"]:
            bad += row.get("kind") not in KINDS
        if row["is_allegation"] or row["criticism"]:
            bad += not (row.get("accuser") and row.get("target"))
        else:
            bad += "kind" in row or "accuser" in row
    assert bad == 0
    allegations = sum(bool(r["is_allegation"]) for r in rows)
    hard_negatives = sum(bool(r.get("hard_negative")) for r in rows)
    assert allegations >= min_allegations and hard_negatives >= min_hard_negatives
    assert split in (REAL / "README.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("split", "min_rows"),
    [
        ("heldout4", 400),
        ("heldout5", 350),
        ("heldout6", 350),
        ("heldout7", 350),
        ("heldout8", 350),
        ("heldout9", 350),
        ("heldout10", 350),
        ("heldout11", 350),
        ("heldout12", 350),
        ("heldout13", 350),
        ("heldout14", 350),
        ("heldout15", 350),
        ("heldout16", 350),
        ("heldout17", 350),
        ("heldout18", 350),
        ("heldout19", 350),
        ("heldout20", 350),
        ("heldout21", 350),
    ],
)
def test_real_news_split_scored_once_then_opened_is_well_formed(split: str, min_rows: int) -> None:
    """``heldout4`` (Wikinews articles from the GUM corpus), ``heldout5`` to ``heldout19``
    (from AMALGUM), ``heldout20`` and ``heldout21`` (from WikinewsSum's copy) were labelled
    blind and scored once, after the seventh to the twenty-third rounds and in and after the
    twenty-seventh; all are open for tuning since."""
    bench = _bench()
    assert split not in bench.HELD_OUT_SPLITS and split in bench.REAL_TUNABLE
    assert any(a.split == split for a in bench.load_real())
    _check_real_split(split, min_rows)


def test_real_news_twenty_second_split_scored_once_then_opened_is_well_formed() -> None:
    """``heldout22`` (the last English Wikinews articles of 2004 and 2005 in WikinewsSum's copy)
    was labelled blind and scored once after the twenty-ninth English round; open since. The
    copy ran out before 350 sentences: all 10 articles left that pass the skips are in it,
    whatever they hold, so its minimums are the sizes reached."""
    bench = _bench()
    assert "heldout22" not in bench.HELD_OUT_SPLITS and "heldout22" in bench.REAL_TUNABLE
    assert any(a.split == "heldout22" for a in bench.load_real())
    _check_real_split("heldout22", 134, min_articles=10, min_allegations=10, min_hard_negatives=15)


def test_real_news_twenty_third_split_scored_once_then_opened_is_well_formed() -> None:
    """``heldout23`` (English Wikinews articles of 2005 to 2011 as kept in MEANTIME, from the
    SemEval-2015 TimeLine data) was labelled blind and scored once after the thirty-third round;
    open since. Its corporate and market news holds fewer allegations than the earlier parts
    (every article with two or more cue words is in), so its minimums are the sizes reached."""
    bench = _bench()
    assert "heldout23" not in bench.HELD_OUT_SPLITS and "heldout23" in bench.REAL_TUNABLE
    assert any(a.split == "heldout23" for a in bench.load_real())
    _check_real_split("heldout23", 415, min_articles=30, min_allegations=12, min_hard_negatives=26)


def test_real_news_twenty_fourth_split_scored_once_then_opened_is_well_formed() -> None:
    """``heldout24`` (the other 87 English Wikinews articles of MEANTIME's copy, business news of
    2005 to 2013 with at most one cue word each) was labelled blind and scored once after the
    thirty-fourth English round; open since. Its source holds almost no allegations (all its
    articles are in whatever they hold), so its minimums are the sizes reached."""
    bench = _bench()
    assert "heldout24" not in bench.HELD_OUT_SPLITS and "heldout24" in bench.REAL_TUNABLE
    assert any(a.split == "heldout24" for a in bench.load_real())
    _check_real_split("heldout24", 1108, min_articles=87, min_allegations=1, min_hard_negatives=16)


# The figures reached, floored: all three splits are tuned on now ("test" after it was scored
# once in the first round, "heldout" after it was scored once in the second, "heldout2" after it
# was scored once in the fourth; bench/RESULTS.md).
# A change that lowers any of them fails here.
REACHED = {
    "tune": {"precision": 0.97, "recall": 0.75, "accuser": 0.97, "target": 1.0},
    "test": {"precision": 0.95, "recall": 0.8, "accuser": 0.93, "target": 0.91},
    "heldout": {"precision": 1.0, "recall": 0.65, "accuser": 0.93, "target": 0.89},
    # scored once (issue 12, fourth round) and opened; tuned on in the seventh round
    "heldout2": {"precision": 1.0, "recall": 0.71, "accuser": 1.0, "target": 0.93},
    # scored once after the sixth round and opened; tuned on in the seventh and eighth rounds
    "heldout3": {"precision": 1.0, "recall": 0.41, "accuser": 1.0, "target": 0.8},
    # scored once after the seventh round and opened; tuned on in the eighth and tenth rounds
    "heldout4": {"precision": 1.0, "recall": 0.35, "accuser": 1.0, "target": 1.0},
    # scored once after the eighth round and opened; tuned on in the ninth and tenth rounds
    "heldout5": {"precision": 1.0, "recall": 0.43, "accuser": 0.95, "target": 0.86},
    # scored once after the ninth round and opened; tuned on in the tenth round
    "heldout6": {"precision": 1.0, "recall": 0.5, "accuser": 1.0, "target": 0.92},
    # scored once after the tenth round (P 0.737, R 0.286, accuser 0.714, target 0.571) and
    # opened; tuned on in the eleventh and fifteenth rounds
    "heldout7": {"precision": 0.94, "recall": 0.36, "accuser": 0.94, "target": 0.88},
    # scored once after the eleventh round (P 0.615, R 0.242, accuser 0.625, target 0.625) and
    # opened; tuned on in the twelfth, thirteenth, fifteenth and twentieth rounds
    "heldout8": {"precision": 1.0, "recall": 0.3, "accuser": 0.9, "target": 1.0},
    # scored once after the twelfth round (P 0.750, R 0.300, accuser 0.667, target 1.000) and
    # opened; tuned on in the thirteenth and fifteenth rounds
    "heldout9": {"precision": 1.0, "recall": 0.35, "accuser": 0.85, "target": 1.0},
    # scored once after the thirteenth round (P 0.667, R 0.240, accuser 0.833, target 0.833)
    # and opened; tuned on in the fourteenth round
    "heldout10": {"precision": 1.0, "recall": 0.36, "accuser": 1.0, "target": 1.0},
    # scored once after the fourteenth round (P 0.762, R 0.372, accuser 0.688, target 0.812)
    # and opened; tuned on in the fifteenth round (the rules written without it left it as it was)
    "heldout11": {"precision": 0.81, "recall": 0.41, "accuser": 0.83, "target": 0.94},
    # scored once after the fifteenth round (P 0.778, R 0.280, accuser 1.000, target 0.714)
    # and opened; tuned on in the sixteenth and twenty-second rounds
    "heldout12": {"precision": 1.0, "recall": 0.36, "accuser": 1.0, "target": 0.85},
    # scored once after the sixteenth round (P 0.700, R 0.179, accuser 0.857, target 1.000)
    # and opened; tuned on in the seventeenth round
    "heldout13": {"precision": 1.0, "recall": 0.17, "accuser": 0.85, "target": 1.0},
    # scored once after the seventeenth round (P 0.667, R 0.125, accuser 0.750, target 0.500)
    # and opened
    "heldout14": {"precision": 1.0, "recall": 0.12, "accuser": 0.75, "target": 0.5},
    # scored once after the eighteenth round (P 0.857, R 0.273, accuser 0.667, target 0.667)
    # and opened in the twentieth (its false item and three name errors traced and guarded)
    # (and tuned on in the twenty-ninth: a claim's party after its wrong)
    "heldout15": {"precision": 1.0, "recall": 0.31, "accuser": 1.0, "target": 1.0},
    # scored once after the twentieth round (P 0.200, R 0.050, accuser 1.000, target 1.000)
    # and opened in the twenty-first (its four false items traced and guarded); tuned on in the
    # twenty-third (blame placed on a party, a rule from an inventory of accusation forms)
    "heldout16": {"precision": 1.0, "recall": 0.15, "accuser": 1.0, "target": 1.0},
    # scored once after the twenty-first round (P 0.750, R 0.300, accuser 1.000, target 1.000)
    # and opened in the twenty-second (its two false items traced and guarded)
    # (and tuned on in the twenty-ninth: a claim's party after its wrong)
    "heldout17": {"precision": 1.0, "recall": 0.35, "accuser": 1.0, "target": 1.0},
    # scored once after the twenty-second round (P 0.818, R 0.333, accuser 1.000, target 0.667)
    # and opened in the twenty-third (a false item and a wrong target guarded)
    "heldout18": {"precision": 0.9, "recall": 0.33, "accuser": 1.0, "target": 0.77},
    # scored once after the twenty-third round (P 0.714, R 0.227, accuser 1.000, target 0.800)
    # and opened in the twenty-fourth (its two false items, bare charges with a pronoun, guarded);
    # tuned on in the twenty-seventh (a suit started with no claim marker)
    "heldout19": {"precision": 1.0, "recall": 0.27, "accuser": 1.0, "target": 0.83},
    # scored once in the twenty-seventh round (P 0.727, R 0.250, accuser 0.875, target 0.500)
    # and opened in it (its three false items and two wrong targets traced and guarded)
    # (and tuned on in the twenty-ninth: a claim's party after its wrong; and in the
    # thirty-fourth: a complaint as reported speech, "by Mr. X", a quoted harm)
    "heldout20": {"precision": 1.0, "recall": 0.34, "accuser": 0.9, "target": 0.81},
    # scored once after the twenty-seventh round (P 0.833, R 0.208, accuser 1.000, target 0.800)
    # and opened in the twenty-ninth (its false item, a name after "called", guarded)
    "heldout21": {"precision": 1.0, "recall": 0.2, "accuser": 1.0, "target": 0.8},
    # scored once after the twenty-ninth round (P 1.000, R 0.100, accuser 0.000, target 0.000:
    # one item of ten allegations, its parties wrong)
    "heldout22": {"precision": 1.0, "recall": 0.1, "accuser": 0.0, "target": 0.0},
    # scored once after the thirty-third round (P 1.000, R 0.417, accuser 0.800, target 0.800)
    # and opened
    "heldout23": {"precision": 1.0, "recall": 0.41, "accuser": 0.8, "target": 0.8},
    # scored once after the thirty-fourth English round (1,108 sentences: its one allegation
    # found, parties right, no false item) and opened
    "heldout24": {"precision": 1.0, "recall": 1.0, "accuser": 1.0, "target": 1.0},
}


@pytest.mark.parametrize("split", sorted(REACHED))
def test_real_news_split_keeps_the_figures_reached(split: str) -> None:
    bench = _bench()
    articles = [a for a in bench.load_real() if a.split == split]
    scores = bench.score_real(articles, runs=0).scores
    reached = REACHED[split]
    assert scores.precision >= reached["precision"]
    assert scores.recall >= reached["recall"]
    assert scores.accuser >= reached["accuser"]
    assert scores.target >= reached["target"]


# ---- the third round on real news (the scored-once heldout split opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a subject pronoun opens a claim whatever follows it ("drank" is no listed verb)
        (
            "Lawyers for the family alleged she falsified the records.",
            "Lawyers for the family",  # "family" is no adverb
            "",
            "allegation",
        ),
        # "that" after a preposition is a determiner, not the start of a clause
        ("In that trial, Harlow faced nine counts of fraud.", "", "Harlow", "charge"),
        # charges that involve a crime, held by their possessor
        ("Vento's charges involved bribery and witness tampering.", "", "Vento", "charge"),
        # a verb-like word after an article is a noun
        ("Police alleged the accused stabbed two men.", "Police", "accused", "allegation"),
        # a name in apposition is preferred to the description before it
        (
            "A teacher, Mark Ellis, aged 41, appeared in court on Monday, charged with assault.",
            "",
            "Mark Ellis",
            "charge",
        ),
        # arrests for an offence: a gerund, a quotation, possession
        (
            "Police arrested two men for spraying graffiti on the station.",
            "Police",
            "two men",
            "charge",
        ),
        (
            "Officers detained a woman for possession of stolen goods.",
            "Officers",
            "a woman",
            "charge",
        ),
        # a pronoun opening reported speech is the speaker's side
        (
            "Sheriff Cole said they arrested one person for vandalising a car.",
            "Sheriff Cole",
            "one person",
            "charge",
        ),
        # a legal source's account of an act needs no word of wrongdoing
        (
            "Prosecutors said Hale moved the money to an account in Cyprus.",
            "Prosecutors",
            "Hale",
            "allegation",
        ),
        # a passive in reported speech accuses its doer ("by X")
        (
            "The newspaper reported that the bribes were paid by a construction firm.",
            "newspaper",
            "a construction firm",
            "allegation",
        ),
        # "suspected to be X": X is the suspect
        (
            "The officer was shot by a man, suspected to be 30-year-old Daniel Reyes.",
            "",
            "30-year-old Daniel Reyes",
            "accusation",
        ),
        # a lawsuit's marker after several objects
        (
            "The company sued the mayor, Jon Park, and the council to block the new tax.",
            "company",
            "mayor",
            "lawsuit",
        ),
        # "believe" takes a claim of wrongdoing; "the crown prince" opens a clause, no title won
        (
            "Investigators believe the director embezzled the funds.",
            "Investigators",
            "director",
            "claim",
        ),
        (
            "Intelligence agencies believe the crown prince ordered the killing.",
            "Intelligence agencies",
            "crown prince",
            "claim",
        ),
        # a hypothesis in an earlier conjunct; an object pronoun is the sentence's opening name
        (
            "Amara has said the reform should be delayed, and her critics blame her for "
            "misleading voters.",
            "her critics",
            "Amara",
            "accusation",
        ),
        # a report in the passive: harm by a doer, or wrongdoing by the noun before it
        (
            "The protester's arm was said to have been injured by a police officer.",
            "",
            "a police officer",
            "allegation",
        ),
        (
            "Investigators named four men believed to have been involved in the murder.",
            "",
            "four men",
            "allegation",
        ),
        # warrants name their party; the issuer is the verb's subject
        (
            "A court issued an arrest warrant for the former minister Ana Ruiz.",
            "A court",
            "former minister Ana Ruiz",
            "charge",
        ),
        # a suspect identified in the passive
        (
            "The suspects were identified as two brothers from Leeds.",
            "",
            "two brothers",
            "accusation",
        ),
        # an arrest's reason further on; the passive gerund's subject is the main clause's
        (
            "The driver was held overnight after being detained on Friday near the bridge, for "
            "possession of cocaine.",
            "",
            "driver",
            "charge",
        ),
        # a named plaintiff before "lawsuit"; the name inside its claim is the target
        (
            "The judge dismissed a Trump lawsuit attempting to stop the count in Nevada.",
            "Trump",
            "Nevada",
            "lawsuit",
        ),
        # a passive gerund after a subordinator: the main clause's subject is accused
        (
            "The charity has found itself in trouble after being accused of misusing donations.",
            "",
            "charity",
            "accusation",
        ),
        # arrests following an alleged offence; "went on to" is no hypothesis
        (
            "Mr Hale, 25, was arrested following an alleged assault in a bar on Friday.",
            "",
            "Mr Hale",
            "charge",
        ),
        (
            "The minister went on to accuse the mayor of lying to voters.",
            "minister",
            "mayor",
            "accusation",
        ),
        # "there was" wrongdoing: no party named; charges brought by the subject
        (
            "The opposition claimed there was widespread vote rigging in the capital.",
            "opposition",
            "",
            "claim",
        ),
        (
            "Prosecutors have brought separate charges of fraud and forgery.",
            "Prosecutors",
            "",
            "charge",
        ),
        # lawsuits: a quoted defendant, a name with its abbreviation, no claim stated
        (
            'The firm filed a lawsuit against "unnamed individuals" who leaked its designs.',
            "firm",
            "unnamed individuals",
            "lawsuit",
        ),
        (
            "A US woman is suing Hewlett Packard (HP), saying its printer cartridges are "
            "secretly programmed to expire.",
            "A US woman",
            "Hewlett Packard",
            "lawsuit",
        ),
        (
            "In January, Apple sued a website after it published details of a new computer.",
            "Apple",
            "a website",
            "lawsuit",
        ),
        (
            "Police say the suspect ran off after committing the offence.",
            "Police",
            "suspect",
            "allegation",
        ),
        # investigations of a wrong; claims of wrongdoing without "that"; "faces" is a verb
        (
            "The senator is under investigation for misusing campaign funds.",
            "",
            "senator",
            "accusation",
        ),
        ("The SEC investigated the bank over money laundering.", "SEC", "bank", "accusation"),
        (
            "Jon Smith was forced to resign amid claims he lied to parliament.",
            "",
            "Jon Smith",
            "claim",
        ),
        (
            "The former governor faces charges of bribery and money laundering.",
            "",
            "former governor",
            "charge",
        ),
        # an attribution of an attack by a belief
        (
            "Officials suspect Russian hackers were behind the attack.",
            "Officials",
            "Russian hackers",
            "claim",
        ),
        # news forms written here to test the rules beyond the labelled articles
        (
            "The FBI arrested the man, who allegedly planned to bomb a synagogue.",
            "",
            "man",
            "allegation",
        ),
        (
            "Police charged a 19-year-old with murder on Sunday.",
            "Police",
            "a 19-year-old",
            "charge",
        ),
        (
            "Prosecutors said the defendant had stabbed the victim 14 times.",
            "Prosecutors",
            "defendant",
            "allegation",
        ),
        (
            "The former president is wanted in connection with the killing of protesters.",
            "",
            "former president",
            "charge",
        ),
        (
            "Investigators believe the pilot deliberately crashed the plane.",
            "Investigators",
            "pilot",
            "claim",
        ),
        (
            "The suspect, identified by police as John Doe, was taken into custody.",
            "police",
            "John Doe",
            "accusation",
        ),
        (
            "The company is facing a lawsuit over its handling of customer data.",
            "",
            "company",
            "lawsuit",
        ),
        # fragments read on ordinary BBC news: the noun before "which" is the passive's subject,
        # "but they" opens a clause, a participle clause is no subject
        (
            "Another problem was the growing trade gap with China, which has been accused of "
            "keeping its currency weak.",
            "",
            "China",
            "accusation",
        ),
        (
            "Opposition parties want more local policing but they accuse ministers of tying the "
            "police up with paperwork.",
            "",
            "ministers",
            "accusation",
        ),
        (
            "Speaking in court, Mr Ebbers rejected allegations he pressured the finance chief to "
            "falsify statements.",
            "",
            "Mr Ebbers",
            "allegation",
        ),
        # "him" resolved to the accuser himself is someone else, not named here
        (
            "But Mr Clarke accused him of trying to score cheap political points.",
            "Mr Clarke",
            "",
            "accusation",
        ),
        # a violent event and its doer: a passive with "by", "behind", "responsible for"
        (
            "Officials said the bombing was carried out by a separatist group.",
            "Officials",
            "a separatist group",
            "allegation",
        ),
        (
            "The ministry said the rebels were responsible for the shelling of the hospital.",
            "ministry",
            "rebels",
            "allegation",
        ),
        # suspects by a copula or named as such; implication; beliefs suggested by reports
        ("Gomez is a suspect in the murder of his business partner.", "", "Gomez", "accusation"),
        ("Gomez was named as a suspect in the killing.", "", "Gomez", "accusation"),
        ("The minister was implicated in the bribery scandal.", "", "minister", "accusation"),
        (
            "Reports suggest the company paid bribes to officials in three countries.",
            "Reports",
            "company",
            "claim",
        ),
        # a source after the claim; charges filed (the noun, not the verb "charges")
        (
            "Militants attacked a police station, killing six officers, the army said.",
            "army",
            "Militants",
            "allegation",
        ),
        (
            "The US Justice Department filed charges against four Chinese military officers for "
            "hacking Equifax.",
            "US Justice Department",
            "four Chinese military officers",
            "charge",
        ),
        # names ending in "-ing" stay names; a participle clause needs its comma
        ("Beijing on Monday accused Washington of lying.", "Beijing", "Washington", "accusation"),
        # "X's alleged wrong": the possessor; a lawsuit in the passive; a quoted claim's source
        (
            "Congress opened an investigation into Donald Trump's alleged abuse of power.",
            "",
            "Donald Trump",
            "allegation",
        ),
        (
            "The company was sued by its former employees.",
            "its former employees",
            "company",
            "lawsuit",
        ),
        (
            '"The airline smuggles weapons across the region," according to a tweet by Mike Pompeo.',
            "Mike Pompeo",
            "airline",
            "allegation",
        ),
        # contempt votes; inquiries into a party's wrong; a weapon's strike with its doer
        (
            "The House voted to hold two officials, Wilbur Ross and William Barr, in contempt of "
            "Congress.",
            "House",
            "Wilbur Ross and William Barr",
            "charge",
        ),
        (
            "Protesters' demands include an investigation of police misconduct during the protests.",
            "Protesters",
            "police",
            "allegation",
        ),
        (
            "The newspaper reported that the rocket strikes were carried out by a militia.",
            "newspaper",
            "a militia",
            "allegation",
        ),
        # irregular verbs end a subject; "for allegedly ..." after a case against someone;
        # "secretly"; what a court heard
        (
            "The whistleblower alleged the president withheld military aid to pressure Ukraine.",
            "whistleblower",
            "president",
            "allegation",
        ),
        (
            "Police in Mumbai have registered a case against the actor for allegedly assaulting a "
            "photographer.",
            "Police in Mumbai",
            "actor",
            "lawsuit",
        ),
        (
            "Privacy campaigners say the app secretly tracks users' locations.",
            "Privacy campaigners",
            "app",
            "allegation",
        ),
        (
            "The court heard that Jones had sent threatening messages to his former partner.",
            "court",
            "Jones",
            "allegation",
        ),
        # an age set off by commas; blame; names for wrongdoers; asides with "say"; a
        # participle with no subject of its own
        (
            "Authorities said the suspect, 21, opened fire on shoppers.",
            "Authorities",
            "suspect",
            "allegation",
        ),
        (
            "Officials said the driver was to blame for the crash.",
            "Officials",
            "driver",
            "allegation",
        ),
        (
            "The president called his rival a liar and a criminal.",
            "president",
            "his rival",
            "allegation",
        ),
        ("The man, who police say is 25, was charged with robbery.", "", "man", "charge"),
        (
            "Smith is due to appear in court charged with the murder of his wife.",
            "",
            "Smith",
            "charge",
        ),
        # blame in the passive, "on" the party; a party known by a name
        (
            "The attacks were blamed on a militia known as the Red Brigade.",
            "",
            "Red Brigade",
            "accusation",
        ),
        (
            "It is 25 years since the fire-bombings attributed to a shadowy group known as "
            "Meibion Glyndwr.",
            "",
            "Meibion Glyndwr",
            "allegation",
        ),
    ],
)
def test_real_news_third_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Police detained the driver for questioning.",  # no offence after "for"
        "The protesters were detained for several hours.",
        "The journalist was arrested for the second time in a year.",
        "A prosecutor said the suspect's brother was taken into custody.",  # a passive, no wrong
        "The council reported that the roads were repaired by a local contractor.",  # no wrong
        "Two gunmen attacked the convoy, according to officials.",  # no one named
        "Unidentified men stole cash from the bank, according to police.",
        "The patient was suspected of having the virus.",  # an illness, no accusation
        "A man who was suspected of dying from the virus was buried on Friday.",
        "Scientists believe the comet will pass close to Earth.",  # no wrongdoing
        "Analysts believe the crown prince will visit Paris.",
        "The mayor is believed to have moved abroad.",  # a report of no wrongdoing
        "The company is said to be the largest employer in the region.",
        "Its broadcast is thought to have led to his murder.",  # no party thought guilty
        "Police obtained a warrant for the search of the house.",  # no party named
        "The victim was identified as Maria Lopez.",  # no suspect
        "They say the parking charge is the most unfair charge in the city.",  # a generic "they"
        "He asserted he had won the election fairly.",  # a claim about oneself
        "The law says officials are removed after being impeached for, and convicted of, treason.",
        "The singer was arrested after a concert in Leeds.",  # no offence after "after"
        "The opposition claimed there was a long queue at the polling stations.",
        "The club sued for peace with its supporters.",
        "Police are investigating the cause of the fire over the weekend.",  # no wrong named
        "The company is under investigation for its role in the project.",
        "Analysts say claims it will grow are exaggerated.",
        'He wanted to make it easier for people to find "real voices" on the internet.',
        "The attacker, identified as Sam Poole, 20, had been released from prison a week ago.",
        "The victim, identified as Jane Roe, was taken to hospital.",
        # read on ordinary BBC news: a new predicate after "but", a duty, a figure of speech
        "Mr Brown said America too needed to act but defended Bush for guaranteeing resources "
        "to countries fighting corruption.",
        "Ben Williamson, a researcher charged with testing the game, said pupils enjoyed it.",
        "Ms Borthwick said the lobby group was determined to keep the pressure on the council.",
        "Bad weather and a sluggish economy were blamed for the rise.",
        # an event with no doer, a strike of workers, a group's own claim
        "Wiranto suffered two deep wounds in the attack, according to a hospital spokesperson.",
        "Police said the attack began at about 10pm.",
        "The strike was called by the union after talks failed, officials said.",
        "A spokesman said the group had carried out the attack using ten drones.",
        "The suspect is a man in his 30s.",
        "Police said Gomez is not a suspect.",
        "The main suspect's car was found near the river.",
        "The data suggests the economy grew by two percent.",
        "The minister ordered an investigation into the causes of the fire.",  # no party, no wrong
        "The meeting was held in London.",
        "Congress has voted to hold a Cabinet officer in contempt only once.",  # no one named
        "The court heard that the victim was 17.",
        "Residents heard gunshots at midnight.",
        "The case was adjourned until March.",
        "Court Commissioner Loren Keating said he considered Rittenhouse a flight risk.",
        "The law allows the government to extradite anyone accused of a crime.",  # no one named
        "Daniel Sandford said ministers may try other solutions, such as allowing more secret "
        "evidence into normal criminal trials.",  # "criminal trials" name no wrong
        "The delays were blamed on bad weather.",  # no party
        "The fire was blamed on an electrical fault.",
    ],
)
def test_real_news_third_round_negatives(text: str) -> None:
    assert extract(text) == []


def test_a_warrant_for_her_arrest_and_a_pronoun_speaker_resolve() -> None:
    (warrant,) = extract("Ana Ruiz fled to Spain. Prosecutors issued a warrant for her arrest.")
    assert (warrant.accuser, warrant.target, warrant.kind) == ("Prosecutors", "Ana Ruiz", "charge")
    (said,) = extract(
        "Maria Lopez spoke to reporters. She said her landlord threatened her with eviction."
    )
    assert (said.accuser, said.target) == ("Maria Lopez", "her landlord")


def test_the_bench_never_prints_a_blind_split() -> None:
    bench = _bench()
    assert {"fresh52", "real14"} <= set(bench.HELD_OUT_SPLITS)
    assert bench.printable("heldout24", bench.REAL_TUNABLE)  # scored once, opened since
    assert bench.printable("fresh4", bench.LANGUAGE_TUNABLE)
    assert bench.printable("fresh34", bench.LANGUAGE_TUNABLE)  # scored once, opened since
    assert bench.printable("real2", bench.REAL_TUNABLE)  # ru and fr real news, likewise
    opened = {
        "heldout24",
        "fresh33",
        "fresh34",
        "fresh39",
        "fresh40",
        "fresh41",
        "fresh42",
        "fresh43",
        "fresh44",
        "fresh45",
        "fresh46",
        "fresh47",
        "fresh48",
        "fresh49",
        "fresh50",
        "fresh51",
        "real1",
        "real2",
        "real3",
    }
    assert not opened & set(bench.HELD_OUT_SPLITS)
    for split in bench.HELD_OUT_SPLITS:
        assert not bench.printable(split, (*bench.REAL_TUNABLE, *bench.LANGUAGE_TUNABLE, split))
    assert bench.held_out({"tune", "real14"}, ["--heldout"]) == ["real14"]
    assert bench.held_out({"tune", "real14"}, []) == []
    assert bench.held_out({"tune", "fresh52"}, ["--heldout"]) == ["fresh52"]
    assert bench.held_out({"tune", "fresh52"}, []) == []
    # scored once, then opened (fresh39-fresh51 by the fiftieth to sixty-third rounds)
    for split in ("heldout24", "fresh34", *(f"fresh{n}" for n in range(39, 52))):
        assert bench.held_out({"tune", split}, ["--heldout"]) == [], split


# ---- the seventh round on real news (heldout2 and heldout3 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a casualty count is a wrong when a party's act is counted
        ("Police said the gunman killed nine people.", "Police", "gunman", "allegation"),
        (
            "Prosecutors said Dale Rourke drove onto the pavement, killing two pedestrians.",
            "Prosecutors",
            "Dale Rourke",
            "allegation",
        ),
        # a wrong in the claim's main clause, before a comma and a participle
        (
            "According to the inspectors, the contractor falsified the records, signed by the "
            "site manager.",
            "inspectors",
            "contractor",
            "allegation",
        ),
        # a role or a wrong between "alleged" and the name
        ("Its alleged operator Kim Dale was arrested in Seoul.", "", "Kim Dale", "allegation"),
        (
            "Reporters found the purported fraudster Tom Reed in Spain.",
            "",
            "Tom Reed",
            "allegation",
        ),
        ("A certain charge of murder against Ian Holt was filed.", "", "Ian Holt", "charge"),
        # recall: a passive "prosecuted for", "as a suspect", "alleged X by Y", a case filed
        # against Y by X, "the accusation is that", "on suspicion of" after any passive, a name
        # in apposition to a role
        ("Four officers were prosecuted for assault.", "", "Four officers", "charge"),
        (
            "Investigators spoke with Tom Lee as a suspect.",
            "Investigators",
            "Tom Lee",
            "accusation",
        ),
        ("The inquiry examined alleged abuses by Mark Hale.", "", "Mark Hale", "allegation"),
        (
            "A complaint was filed against the council by residents over noise.",
            "residents",
            "council",
            "lawsuit",
        ),
        ("The accusation against Lee is that he lied to investigators.", "", "Lee", "accusation"),
        ("Two men were held overnight on suspicion of arson.", "", "Two men", "charge"),
        (
            "The Daily Post reports Ian Holt was stopped for suspicion of drunk driving.",
            "Daily Post",
            "Ian Holt",
            "charge",
        ),
        ("The minister named Hamas as a terrorist group.", "minister", "Hamas", "accusation"),
        (
            "Reuters says the bank's chairman, Li Wei, has alleged ties to the cartel.",
            "Reuters",
            "Li Wei",
            "allegation",
        ),
        # read on ordinary BBC news: blame that names a party, claims that name a wrong
        ("The bakery blamed the mayor for the fall in sales.", "", "mayor", "accusation"),
        ("The mayor denied claims that he doctored the accounts.", "", "mayor", "claim"),
        ("The mayor denied claims of fraud.", "", "mayor", "claim"),
        # a pronoun opening a noun's claim stands for the sentence's subject
        (
            "The minister was forced to resign over allegations he misused public funds.",
            "",
            "minister",
            "allegation",
        ),
        # a doer after a wrong named as an object; criminal acts are wrongs
        ("The union alleged widespread fraud by managers.", "union", "managers", "allegation"),
        (
            "Prosecutors say the firm engaged in criminal conduct.",
            "Prosecutors",
            "firm",
            "allegation",
        ),
        # a suit whose defendant is unnamed; a claimed wrong done to a thing
        ("The state sued to block the merger.", "state", "", "lawsuit"),
        # a wrong before the cue noun in an opening clause: the main clause's subject
        (
            "After fraud allegations surfaced, the chief executive resigned.",
            "",
            "chief executive",
            "allegation",
        ),
        # "with X accusing Y": X accuses; a name after "on" is no actor
        (
            "The debate ended with Alan Milburn accusing Mr Howard of lying.",
            "Alan Milburn",
            "Mr Howard",
            "accusation",
        ),
        ("He posted a message on Facebook accusing Smith of fraud.", "", "Smith", "accusation"),
        ("Activists claim safety rules are routinely ignored.", "Activists", "", "claim"),
    ],
)
def test_real_news_seventh_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a casualty count with a thing or an event as subject
        "Officials said it killed nine people and injured at least 50 more.",
        "The storm hit the coast on Monday, killing at least 12, according to local officials.",
        "Police said the blaze killed three residents.",
        # a wrong named only after the main clause
        "According to the airport authority, the town has a short runway, so when the jet "
        "failed to stop, it slid into a field.",
        "A spokesman said a press pass was used by the intruder, described by local papers as "
        "convicted of burglary, to enter the hall.",
        # a doubted status, not a wrong
        "The show pairs her with purported wine expert Paul Grant.",
        "The book is narrated by supposed alleged psychic Mary Vale.",
        # a charge not made
        "A potential charge of murder against Ian Holt carries a life sentence.",
        "Possible charges against Ian Holt are being weighed.",
        # hard negatives of the recall rules' shapes
        "The case was prosecuted for two years.",  # no party, no wrong
        "Police have ruled out Tom Lee as a suspect.",  # cleared
        "Detectives questioned Tom Lee as a witness.",
        "He read an alleged letter by Lord Byron.",  # no wrong alleged
        "A case was opened against him by mistake.",
        "The claim is that the product works.",  # a weak noun with no wrong
        "The train was stopped for an hour.",
        "The board named Sarah Lee as its new chief executive.",
        # read on ordinary BBC news: blame on no party, "claims" with no wrong
        "The bakery blamed the fall in sales on high flour costs for its new loaves.",
        "The mayor dismissed claims of a feud.",
        "Her book underpins her claim that her party is the only real opposition.",
        # "she" is no plural subject; no wrong before "by"; criminal courts name no wrong
        "Reporters asked about allegations she lied.",
        "The union alleged a letter by managers.",
        "The judge said the case belongs in a criminal court.",
        "The firm sued to the surprise of analysts.",  # no purpose
        "Residents claimed the road was built last year.",  # no wrong
        "After the allegations came to light, the chief executive resigned.",  # no wrong named
    ],
)
def test_real_news_seventh_round_negatives(text: str) -> None:
    assert extract(text) == []


# ---- the eighth round on real news (heldout4 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a trial for a wrong is a charge against its subject
        ("The two directors are on trial for fraud.", "", "two directors", "charge"),
        (
            "Jane Doe and her husband are undergoing trial for manslaughter.",
            "",
            "Jane Doe and her husband",
            "charge",
        ),
        # wrongs of confinement and force in a claim
        (
            "Ann Lowe has claimed that the Church of Unity imprisoned her for nine years.",
            "Ann Lowe",
            "Church of Unity",
            "claim",
        ),
        # the speaker's own passive, the doer unnamed: a harm, or an item before it
        (
            "The former aide claims he was threatened after he spoke out.",
            "former aide",
            "",
            "claim",
        ),
        # a possessor after an opening preposition
        (
            "Despite Tom Reed's allegations of vote rigging, the result stood.",
            "Tom Reed",
            "",
            "allegation",
        ),
        # a report's claim still holds its wrong before any claim of its subject
        ("The minister is reported to have taken bribes.", "", "minister", "allegation"),
        # coordinated objects of "named ... as": the first; a second verb's subject
        (
            "The minister named it a priority and named Hamas and Hezbollah as terrorist groups.",
            "minister",
            "Hamas",
            "accusation",
        ),
        (
            "The council labelled the Northside Housing Trust (NHT) and its agent as fraudsters.",
            "council",
            "Northside Housing Trust",
            "accusation",
        ),
        ("The minister called the mayor and his aides corrupt.", "minister", "mayor", "allegation"),
        # a subordinator after an auxiliary is an adverb: the subject stands before it
        (
            "The mayor has since said the contractor took bribes.",
            "mayor",
            "contractor",
            "allegation",
        ),
        # a clause verb's passive with an empty "it": the "by" phrase accuses
        (
            "It is alleged by prosecutors that the director took bribes.",
            "prosecutors",
            "director",
            "allegation",
        ),
        (
            "It was claimed by the union that managers falsified the records.",
            "union",
            "managers",
            "claim",
        ),
        # a fine or a penalty for a wrong
        (
            "The regulator fined the bank for misleading customers.",
            "regulator",
            "bank",
            "accusation",
        ),
        ("The charity has been penalised for covering up abuse.", "", "charity", "accusation"),
    ],
)
def test_real_news_eighth_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


def test_real_news_eighth_round_own_passive_after_an_item() -> None:
    """A claim of what was done to its speaker, with no wrong of its own, needs an item before."""
    first = "Ann Lowe has claimed that the Church of Unity imprisoned her for nine years."
    second = "Lowe claims she was sent to a farm at sixteen."
    items = extract(f"{first} {second}")
    assert [(i.accuser, i.target) for i in items if i.sentence == second] == [("Lowe", "")]
    assert extract(second) == []


@pytest.mark.parametrize(
    "text",
    [
        # a trial for no wrong, or no trial
        "The vaccine is on trial for safety in 300 patients.",
        "The former minister went on trial for a second time on Monday.",
        "The firm is offering its software on trial for thirty days.",
        # no harm in the speaker's own passive, no item before it
        "The singer claims she was born in Paris.",
        "Workers claim they were paid in cash.",
        "The actor claims his film was rejected by the festival.",
        # a forced act is no wrong by itself
        "The striker said he was forced to work through an injury.",
        # the wrong is the subject's own claim, not the report's
        "The gunman is reported to have fled and claimed he was wrongfully imprisoned.",
        # a preposition before a possessor with no wrong in the allegations
        "Despite Tom Reed's allegations, the result stood.",
        # coordinated objects named as no wrong
        "The report named the mayor and two aides as witnesses.",
        "The mayor has since said the contractor finished the road.",
        # an empty "it" before a passive with no wrong, or no claim clause
        "It is believed that the fire started in the kitchen.",
        "It is claimed that the drug cures colds.",
        "It is alleged to be the oldest tree in Europe.",
        # a fine or a penalty for no wrong
        "He was fined for speeding.",
        "The team was penalised for a late tackle.",
        "The shop was fined 500 pounds in 2019.",
    ],
)
def test_real_news_eighth_round_negatives(text: str) -> None:
    assert extract(text) == []


# ---- the ninth round on real news (heldout5 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a wrong someone did still counts beside one that is fought
        (
            "Officials said the militia committed war crimes in the war against terrorism.",
            "Officials",
            "militia",
            "allegation",
        ),
        # a trial whose subject is a party, not an aim
        ("Two former ministers are on trial for corruption.", "", "Two former ministers", "charge"),
        # a casualty passive that names its doer
        (
            "Police said that four guards had been killed by the rebels.",
            "Police",
            "rebels",
            "allegation",
        ),
        # an allegation adverb in a passive with a wrong or a doer
        ("The mayor was allegedly bribed.", "", "mayor", "allegation"),
        ("The senator was allegedly paid by a lobbyist.", "", "senator", "allegation"),
        # arrests as part of an inquiry into a wrong; a day name ends the object
        (
            "Police arrested three bankers Tuesday as part of an investigation into fraud.",
            "Police",
            "three bankers",
            "charge",
        ),
        (
            "Two guards were detained as part of a probe into a smuggling ring.",
            "",
            "Two guards",
            "charge",
        ),
        # a charge passive with no offence named, its "by" phrase the accuser
        (
            "Four officers have been indicted since the inquiry began.",
            "",
            "Four officers",
            "charge",
        ),
        (
            "Both sprinters have been charged by state prosecutors and await a hearing.",
            "state prosecutors",
            "Both sprinters",
            "charge",
        ),
        # "not only" is no negation and is skipped before a lawsuit's reason
        ("The cartoonist is being sued not only for libel.", "", "cartoonist", "lawsuit"),
        ("The union has not only accused the firm of fraud.", "union", "firm", "accusation"),
        # a strong clause verb's object whose phrase names the wrong
        (
            "The indictment alleges involvement in a plot to bribe officials.",
            "indictment",
            "",
            "charge",
        ),
        # a characterisation in the passive: the "by" phrase accuses, a party subject is accused
        (
            "The minister was branded a liar by the opposition.",
            "opposition",
            "minister",
            "accusation",
        ),
        (
            "The referendum was viewed as illegal by the European Union.",
            "European Union",
            "",
            "allegation",
        ),
        # a name after a lower-case particle is a party
        (
            "The prime minister accused al-Shabaab of being behind the bombing.",
            "prime minister",
            "al-Shabaab",
            "accusation",
        ),
        # a crime with its doer in someone's words: the speaker accuses the doer
        (
            'The group said, "We condemn the crimes committed by the junta against civilians."',
            "group",
            "junta",
            "accusation",
        ),
        (
            '"The crimes of the Zeta cartel have touched every town," the governor said.',
            "governor",
            "Zeta cartel",
            "accusation",
        ),
        (
            '"We must not give in to the rebels, who committed a terrible crime against children,"'
            " the minister said.",
            "minister",
            "rebels",
            "accusation",
        ),
        # an identification of a bomber; coordinated modifiers before a party noun
        (
            "Current and former officials identified the suicide bomber as Ali Hassan.",
            "Current and former officials",
            "Ali Hassan",
            "accusation",
        ),
        # "implies" is a weak clause verb; persecution is a wrong
        (
            "The report implies that the minister misled parliament.",
            "report",
            "minister",
            "claim",
        ),
        (
            "The activists said the regime persecutes journalists.",
            "activists",
            "regime",
            "allegation",
        ),
        # a report that a party committed an attack
        (
            "The militants are reported to have committed the attack.",
            "",
            "militants",
            "allegation",
        ),
        # a number before a participle and a counted noun; "announced that" names a speaker
        (
            "Police announced that 40 suspected users were arrested following an inquiry into"
            " fraud.",
            "Police",
            "40 suspected users",
            "charge",
        ),
        # an attack that killed civilians, its party a modifier of the attack
        (
            "A local policeman said the NATO airstrike on the village killed nine civilians.",
            "A local policeman",
            "NATO",
            "claim",
        ),
        # a predicate after ", but" shares the subject of the clause before it
        (
            "The general apologized for the deaths, but also said that the rebels used villagers"
            " as human shields.",
            "general",
            "rebels",
            "allegation",
        ),
    ],
)
def test_real_news_ninth_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a wrong named as what someone fights
        "The ministers said the treaty was a step forward in the fight against terrorism.",
        "Police said the new unit was part of a crackdown on fraud.",
        "The mayor said the agency was an anti-corruption body.",
        # a trial as an aim, a gerund's object
        "The rebels' demands included putting the governor on trial for corruption.",
        # casualties with no doer, however the passive is written
        "Officials said that 40 people had been killed in the floods.",
        "The embassy claimed that a guard of the mission was injured in the blast.",
        # an allegation adverb in a passive with no wrong and no doer
        "The files had purportedly been kept secret for years.",
        # an arrest as part of something that names no wrong
        "Police detained five men as part of a routine check.",
        # a charge passive of no party, an impeachment in history, a charge wished for
        "The battery was charged overnight.",
        "Only two presidents have been impeached.",
        "Critics want him to resign or be charged.",
        # a negation that is no "not only"
        "The union has not accused the firm of fraud.",
        # a strong clause verb's object with no wrong in its phrase
        "The report alleges delays in the payment of wages.",
        # a passive characterisation of an event, or of no wrong, or a wrong inside a name
        "The attack was described as terrorism by police.",
        "The plan is seen as illegal.",
        "He was regarded as a hero by the villagers.",
        "He has been called the Johnny Carson of radio.",
        # ", but" with its own subject
        "The general apologized for the deaths, but the rebels said nothing.",
        # a crime with its doer and no speaker, or "of" naming the victims
        "The crimes committed by the regime were documented in the archive.",
        '"The massacre of villagers was a tragedy," the minister said.',
        'The minister said, "We do not know who committed the crime."',
        # a report of a thing's doing, or of an act that is no attack
        "The storm was reported to have destroyed the town.",
        "The firm is reported to have committed funds to the project.",
        # an attack that killed no protected victims, no party named, or a disaster
        "Officials said the NATO airstrike killed twelve militants.",
        "Officials said the attack killed twenty civilians.",
        "Officials said the typhoon killed twenty civilians.",
        # "announced" with an object, not a claim
        "The minister announced new rules to curb fraud by landlords.",
        # "implies" with no wrong in its claim
        "The report implies that the minister will resign.",
        # an identification of a victim
        "Current and former officials identified the victim as Ali Hassan.",
    ],
)
def test_real_news_ninth_round_negatives(text: str) -> None:
    assert extract(text) == []


# ---- the tenth round on real news (heldout6 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # an age or a name set off by commas does not end an arrest's object
        (
            "Police arrested Daniel Okafor, 52, on suspicion of fraud.",
            "Police",
            "Daniel Okafor",
            "charge",
        ),
        (
            "Police arrested a 29-year-old woman, Maria Lopez, on suspicion of arson.",
            "Police",
            "Maria Lopez",
            "charge",
        ),
        # a banned weapon is a wrong when used
        (
            "Rights groups said the army had used cluster munitions in the town.",
            "Rights groups",
            "army",
            "allegation",
        ),
        # an aside after an auxiliary does not end the reported clause
        (
            "Officials said the rebels had, in recent months, looted several villages.",
            "Officials",
            "rebels",
            "allegation",
        ),
        # a lawsuit brought, in a phrase, its plaintiff named; an organisation's inner "for"
        (
            "In response to a lawsuit filed by the Sierra Club, a judge halted the pipeline.",
            "Sierra Club",
            "",
            "lawsuit",
        ),
        (
            "In response to a lawsuit by the National Campaign for Clean Rivers, the court ruled"
            " the permit unlawful.",
            "National Campaign for Clean Rivers",
            "",
            "lawsuit",
        ),
        # a possessor before "alleged" keeps the name before it; a campaign is an organisation
        (
            "Investigators are examining the Acme campaign's alleged links to the cartel.",
            "",
            "Acme campaign",
            "allegation",
        ),
        # a thing as the "by" doer of a harm gives way to the party behind it
        (
            "Officials said the journalist was killed by a bomb planted by militants.",
            "Officials",
            "militants",
            "allegation",
        ),
        # "claims" after a gerund of answer or inquiry is a noun, not a verb with a subject
        (
            "Countering claims that his government tortured prisoners, the minister said the"
            " reports were false.",
            "",
            "his government",
            "claim",
        ),
        # a claim noun opening the sentence names its accuser after "came from"
        (
            "The allegation that the mayor took bribes came from a former aide.",
            "a former aide",
            "mayor",
            "allegation",
        ),
        # reports of a party doing a wrong
        ("There were reports of soldiers looting shops in the capital.", "", "soldiers", "claim"),
        # either reading comes after any other of the sentence
        (
            "In a lawsuit filed by the family, the hospital is accused of negligence.",
            "",
            "hospital",
            "accusation",
        ),
        (
            "Amid reports of soldiers looting shops, the UN accused the army of abuses.",
            "UN",
            "army",
            "accusation",
        ),
        # a thing held that is contraband; a hedged report of a wrong
        (
            "Two men were arrested on suspicion of possession of cocaine.",
            "",
            "Two men",
            "charge",
        ),
        ("Smith allegedly told staff to falsify the records.", "", "Smith", "allegation"),
        # a denial of allegations against the denier stays an item
        ("The minister dismissed allegations that he took bribes.", "", "minister", "allegation"),
        # crimes the wrongdoing list lacked
        ("Police said the gang kidnapped two businessmen.", "Police", "gang", "allegation"),
        # a wrong named, not negated
        ("Rivals described the minister as corrupt.", "Rivals", "minister", "allegation"),
        # lies told
        (
            "The senator said the minister had told lies about the budget.",
            "senator",
            "minister",
            "allegation",
        ),
        # an attack planned, not negated
        (
            "Officials said the colonel had planned the attack.",
            "Officials",
            "colonel",
            "allegation",
        ),
        # poisoning someone is a wrong
        ("Police said the woman tried to poison her husband.", "Police", "woman", "allegation"),
        # a participle after an object names that object, not the sentence's subject
        ("Police are hunting a man suspected of stabbing two people.", "", "a man", "accusation"),
        # a place before the participle is no party: the subject is
        ("Smith appeared in court accused of fraud.", "", "Smith", "accusation"),
        # a hearer between "told" and "that"
        (
            "Witnesses told Reuters that police beat protesters with batons.",
            "Witnesses",
            "police",
            "allegation",
        ),
        # an aside after the reported clause's subject
        (
            "Prosecutors said Smith, a former banker, stole two million dollars.",
            "Prosecutors",
            "Smith",
            "allegation",
        ),
        (
            "Police said the gunman, identified as John Smith, opened fire on worshippers.",
            "Police",
            "gunman",
            "allegation",
        ),
        # an amount after a fined party ends its name; a minister of justice is no judge
        (
            "The regulator fined Harbourline Bank S$14.2 million for money laundering.",
            "regulator",
            "Harbourline Bank",
            "accusation",
        ),
        (
            "The Commission fined Acme Components €212 million for price-fixing.",
            "Commission",
            "Acme Components",
            "accusation",
        ),
        (
            "Justice Minister Ana Ruiz said the mayor had taken bribes.",
            "Justice Minister Ana Ruiz",
            "mayor",
            "allegation",
        ),
        # "saying" with no comma before it speaks for the sentence's subject
        (
            "The senator appeared on television saying the governor had taken bribes.",
            "senator",
            "governor",
            "allegation",
        ),
    ],
)
def test_real_news_tenth_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        # an arrest with an aside that names no offence; no arrest verb
        "Police arrested Daniel Okafor, 52, on Friday after a chase.",
        "Police questioned a 29-year-old woman, Maria Lopez, on Friday.",
        # a banned weapon held or banned, not used
        "Officials said the army had destroyed its stock of cluster munitions.",
        "The treaty bans cluster munitions in every signatory state.",
        # an aside after an auxiliary before no wrong
        "Officials said the rebels had, in recent months, left several villages.",
        # a suit referred to, not brought; a motion by a party
        "The lawsuit filed by the Sierra Club was dismissed last year.",
        "A motion by Senator Reid to adjourn was defeated.",
        # a person's status after a possessor
        "The Acme campaign's purported founder spoke on Monday.",
        # a harm by a thing no party is named behind
        "Officials said the journalist was killed by a bomb planted in his car.",
        # "claims" after a gerund of answer, naming no wrong
        "Countering claims that the bridge was unsafe, the mayor said it had passed every"
        " inspection.",
        # "came from" as the claim's own verb
        "The allegation that the bribes came from a cartel was never proven.",
        # reports of a party doing no wrong, of a harm done to a party, or denied
        "There were reports of police arresting protesters.",
        "There was a report of a protester being shot.",
        "The army denied reports of soldiers looting shops.",
        # a thing held lawfully (heldout6's false item, in other words)
        "Ruritania is suspected of possession of long-range missiles.",
        # a hedged report with no wrong in it
        "She allegedly told police she had been hired for a prank.",
        # a third party dismisses allegations that an event happened
        "The minister dismissed allegations Ruritania arranged the meeting as speculation.",
        # a crime word's neighbour that is no crime; a wrong inside a longer word
        "Police said the gang freed two hostages.",
        "Rescuers said 12 people were found by boat, including an elderly couple.",
        # a judge's words are a finding; an accounting charge; "skilled" holds no killing
        'Justice Ann Moreau said Brannock had "abused a position of trust".',
        "The trial judge said the defendant had lied to the court.",
        "The company will take a charge of about $85 million for the closure.",
        "The chief executive said Tessaly had won the factory because of its skilled workforce.",
        # a hearer between "told" and "that", and no wrong told
        "Witnesses told Reuters that police arrived within minutes.",
        # an aside after the subject, and no wrong; "lied", "lying" only as words
        "Police said the victim, a 34-year-old teacher, was taken to hospital.",
        "Officials said the plane, a Beechcraft Sierra, was flying to San Diego.",
        "The company said the supplier had applied the wrong tariff.",
        # wrongs inside other words: "therapist", "Nevada"
        "Police said the therapist had been at the clinic all day.",
        "The airline said its pilots had flown to Nevada.",
        # a legal source's account of no act
        "Prosecutors said the firm did not break any law.",
        # a wrong right after "not"
        'Rivals described the minister as "careless, not corrupt".',
        # "lies" of a place
        "Ruritania will leave the wreck where it lies and guard it with cameras, the culture"
        " ministry said.",
        # a doer's phrase negated
        "The runner said she had not planned to attack the record.",
        # a charge noun inside a verdict
        "A jury took six hours to convict Hale of theft and of two counts of forgery.",
        # an illness called poisoning
        "Eleven people have fallen ill with food poisoning, health officials said.",
        # casualties of a disaster or an accident, the source after them
        "Floods and landslides killed nine people in the north, officials said.",
        "A bus carrying 40 passengers left the road, killing six people, police said.",
        # "saying" before no wrong; a gerund of speech after a comma is no source
        "The minister appeared on television saying the economy was growing.",
        "Germany banned the airline from its airports, with officials saying this was for"
        " security reasons.",
    ],
)
def test_real_news_tenth_round_negatives(text: str) -> None:
    assert extract(text) == []


def test_a_speaker_saying_what_it_did_itself_accuses_no_one() -> None:
    text = (
        "Tablet maker Zentrix said on Monday that hackers had stolen the details of 2 million"
        " customers. Zentrix said it discovered the breach on Friday and had reported it to the"
        " police."
    )
    assert [i for i in extract(text) if i.sentence.startswith("Zentrix said it")] == []
    # a harm done to it, with its doer, stays the speaker's allegation
    assert only("The company said it had been defrauded by its former director.").target == (
        "its former director"
    )


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        (
            "Al-Shabaab is listed as a terrorist group by the United States; the latter blames it "
            "for a string of bombings in Mogadishu.",
            "United States",
            "Al-Shabaab",
        ),
        ("Smith met Jones on Monday. The former accused the latter of fraud.", "Smith", "Jones"),
        # a hard negative of the shape: "former" as an adjective is part of the name
        ("The former minister accused the bank of fraud.", "former minister", "bank"),
    ],
)
def test_the_latter_and_the_former_name_the_parties_named_before(
    text: str, accuser: str, target: str
) -> None:
    (item,) = extract(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- the eleventh round on real news (heldout7 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a predicate joined by "and" after a subordinate clause: the sentence's subject speaks
        (
            "Okafor left the party after a row with its leader and on Monday claimed the treasurer"
            " embezzled donations.",
            "Okafor",
            "treasurer",
            "claim",
        ),
        # a fronted participle: the main clause's subject is charged, the participle no name
        (
            "Charged with two counts of fraud, the banker appeared in court on Tuesday.",
            "",
            "banker",
            "charge",
        ),
        ("Charged with murder, Dale Hume, 45, was remanded in custody.", "", "Dale Hume", "charge"),
        # a short scare quote opens no clause: the subject before it is accused
        (
            'Marlow, who "stepped back" from the cabinet last week, was accused by the newspaper'
            " of lying to voters.",
            "newspaper",
            "Marlow",
            "accusation",
        ),
        # a part opening with a subordinator is no subject, and its negation is its own
        (
            "Although the ledger does not show any payment was made, some reports claim money was"
            " laundered through Cyprus.",
            "some reports",
            "",
            "claim",
        ),
        # a wrong done "allegedly by" a party stays an item
        (
            "Dozens died in the raid, reportedly carried out by the Brigade.",
            "",
            "Brigade",
            "allegation",
        ),
    ],
)
def test_real_news_eleventh_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a future charge, an adverb between "will" and the cue
        "Dale Hume was arrested on Friday. He will also be charged with arson.",
        # a comparison of likelihood is no claim of a wrong
        "The minister says Ruritania will keep its troops there because stable states are less"
        " likely to become sources of violence.",
        # a possessive's apostrophe is no quoted reason for an arrest
        "The police inquiry has also resulted in over 40 people being arrested, including 12"
        " people as part of 2019's Operation Lantern.",
        # a decision attributed to a party is no wrong attributed
        "The host said it was attributing the decision to the council.",
        # a document signed by a party names no wrong
        "The letter, apparently signed by the minister Karl Brandt, is dated 2006.",
    ],
)
def test_real_news_eleventh_round_negatives(text: str) -> None:
    assert extract(text) == []


def test_it_opening_two_sentences_keeps_its_antecedent() -> None:
    text = (
        "Ledgerline is an investigative website. It is seen as hostile to Okafor's"
        " administration. It claims the mayor's aides took bribes from a builder."
    )
    (item,) = extract(text)
    assert (item.accuser, item.target) == ("Ledgerline", "mayor's aides")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a gendered pronoun resolves to a name of its gender, the other name left aside
        (
            "The scheme came out after Tom Hale told former girlfriend Ann Lee about it. It was"
            " alleged that he had confessed to her to win her back.",
            "Tom Hale",
        ),
        # the same shape the other way round: "she" is the woman named
        (
            "The scheme came out after Ann Lee told former boyfriend Tom Hale about it. It was"
            " alleged that she had confessed to him to win him back.",
            "Ann Lee",
        ),
    ],
)
def test_gendered_pronouns_resolve_to_a_name_of_their_gender(text: str, target: str) -> None:
    (item,) = extract(text)
    assert (item.accuser, item.target, item.kind) == ("", target, "allegation")


# ---- the twelfth round on real news (heldout8 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a quoted description that names a wrong stays an item
        (
            'Okafor described Hale\'s conduct as "plain fraud", telling reporters she would sue.',
            "Okafor",
            "Hale",
            "allegation",
        ),
        # a passive of harm after an aside, its doer a party
        (
            "Ruritania Airways Flight 212, a Boeing 737, was shot down by the rebels on Thursday"
            " according to US officials, over the sea.",
            "US officials",
            "rebels",
            "allegation",
        ),
        # a clause of a wrong sourced by "according to" accuses its subject
        (
            "Navy officials concealed the crash, according to data from a radar station.",
            "",
            "Navy officials",
            "allegation",
        ),
        # counts of an offence are charges
        ("Hale faces a count of fraud and two counts of bribery.", "", "Hale", "charge"),
    ],
)
def test_real_news_twelfth_round(text: str, accuser: str, target: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


@pytest.mark.parametrize(
    "text",
    [
        # the quotation is the description; the wrong after it is in another clause
        'Okafor described Hale\'s death as "a sad day", telling reporters she was sure this man'
        " had nothing to do with the murder.",
        # a passive of harm after an aside, done by a weapon: no party accused
        "Ruritania Airways Flight 212, a Boeing 737, was shot down by a surface-to-air missile on"
        " Thursday according to US officials, over the sea by an unknown party.",
        # the subject confirms a harm: a report, not a wrong of the subject
        "Navy officials confirmed the drone has been shot down, according to data from a radar"
        " station.",
        # a count or a charge of a figure is a tally or a cost
        "The mayor gave a count of 40 injured after the blast.",
        "Helvora shocked investors with a charge of 900 million francs for claims.",
    ],
)
def test_real_news_twelfth_round_negatives(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the agent after the charge's object accuses; a gerund after "by" is the means
        (
            "The mayor's aides have been charged with fraud by the state prosecutor in the wake of"
            " the election.",
            "state prosecutor",
            "mayor's aides",
        ),
        (
            "The mayor's aides have been charged with fraud by forging signatures in the wake of"
            " the election.",
            "",
            "mayor's aides",
        ),
        # ", and" after a finished clause opens a new subject; a list before one verb does not
        (
            "Files, laptops and flags were seized, and the treasurer of the party Forward was"
            " arrested on charges of fraud.",
            "",
            "treasurer of the party Forward",
        ),
        (
            "The mayor, his deputy, and the treasurer of the party were charged with fraud.",
            "",
            "mayor",
        ),
    ],
)
def test_real_news_twelfth_round_names(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, "charge")


@pytest.mark.parametrize(
    "text",
    ["Hale stole the money, Mensah said.", '"Hale stole the money," Mensah said.'],
)
def test_a_named_speaker_after_a_named_subjects_wrong_accuses(text: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == ("Mensah", "Hale", "allegation")


@pytest.mark.parametrize(
    "text",
    [
        # negated, an event for a subject, no party for a subject, the speaker as the subject
        "Hale did not steal the money, Mensah said.",
        '"Nabil\'s murder is unacceptable," Mensah said.',
        "The money was stolen, Mensah said.",
        "Mensah stole the money, Mensah said.",
    ],
)
def test_a_named_speaker_after_no_named_wrong_accuses_no_one(text: str) -> None:
    assert extract(text) == []


# ---- the thirteenth round on real news (heldout9 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        # a subject pronoun after a fronted preposition's or participle's phrase continues the
        # sentence before, not a name inside the phrase
        (
            "Talks with Kuwaiti Interior Minister Omar Haddad were tense. Alongside talks on"
            " former Kestrel Bay prisoners, he accused the rebels of torture.",
            "Omar Haddad",
        ),
        (
            "Talks with Kuwaiti Interior Minister Omar Haddad were tense. Updating the council on"
            " former Kestrel Bay inmates, he accused the rebels of torture.",
            "Omar Haddad",
        ),
        # a fronted subordinate clause has a subject of its own: "he" is that subject
        (
            "Talks with Kuwaiti Interior Minister Omar Haddad were tense. While Tom Hale chaired"
            " them, he accused the rebels of torture.",
            "Tom Hale",
        ),
    ],
)
def test_a_pronoun_after_a_fronted_phrase_continues_the_sentence_before(
    text: str, accuser: str
) -> None:
    (item,) = extract(text)
    assert (item.accuser, item.target, item.kind) == (accuser, "rebels", "accusation")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a defendant or suspect "in" a proceeding that names a wrong
        ("Hale had also been a defendant in the Kestrel fraud trial.", "Hale"),
        # "allegedly after" hedges the clause after it: its subject did the wrong
        (
            "Tom Hale, 19, was fired in January, allegedly after his manager, Ann Lee, stole the"
            " money.",
            "Ann Lee",
        ),
    ],
)
def test_real_news_thirteenth_round(text: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == ("", target)


@pytest.mark.parametrize(
    "text",
    [
        # a defendant in a trial that names no wrong
        "Hale had also been a defendant in the Kestrel trial.",
        # the clause after "allegedly after" names no wrong; the victim is no target
        "Tom Hale, 19, was killed in a fight in January, allegedly after Ann Lee's brother, Sam,"
        " insulted a girl.",
    ],
)
def test_real_news_thirteenth_round_negatives(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        # the sentence before opens with "she" after a fronted phrase: "She" goes on back to
        # the woman named before, past the men named after that pronoun
        (
            "CCTV filmed Ann Lee leaving in tears. In between, she testified, she was raped by"
            " Tom Hale and Sam Reed. She told the court she was forced to drink whiskey before"
            " being raped.",
            "Ann Lee",
        ),
        # a name after the fronted phrase is that sentence's subject, and "She" continues it
        (
            "CCTV filmed Ann Lee leaving in tears. In between, Rosa Diaz testified, she was raped"
            " by Tom Hale and Sam Reed. She told the court she was forced to drink whiskey before"
            " being raped.",
            "Rosa Diaz",
        ),
    ],
)
def test_a_pronoun_after_a_fronted_phrase_opens_its_sentence(text: str, accuser: str) -> None:
    (item,) = extract(text)
    assert (item.accuser, item.target, item.kind) == (accuser, "", "allegation")


def test_an_acronym_is_no_he_or_she() -> None:
    text = (
        "CCTV filmed the two men leaving. She told the court she was forced to drink whiskey"
        " before being raped."
    )
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # "have alleged" before a phrase that names its own party is the verb: its subject
        # accuses ("both" left out of the name); "Russian" alone is an adjective, no party
        (
            "The vote was close, but both Britain and France have alleged Russian interference.",
            "Britain and France",
            "",
        ),
        # "has alleged ties to": the phrase names no party of its own; the subject is the target
        ("Ruritania has alleged ties to the Kestrel cartel.", "", "Ruritania"),
    ],
)
def test_have_alleged_before_a_named_wrong_is_the_verb(
    text: str, accuser: str, target: str
) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, "allegation")


def test_a_claim_whose_subject_is_a_named_party_still_accuses() -> None:
    text = (
        "The Hale brothers broke into a museum in Lyon overnight and stole 41 gold coins, police"
        " said on Saturday."
    )
    item = only(text)
    assert (item.accuser, item.target, item.kind) == ("police", "Hale brothers", "allegation")


@pytest.mark.parametrize(
    "text",
    [
        # the claim's subject is one word naming the wrong or its unnamed doers: no party
        "Thieves broke into a museum in Lyon overnight and stole 41 gold coins, police said on"
        " Saturday.",
        "Sabotage is most often committed by insiders at the firm, according to the Kestrel Crime"
        " Unit.",
    ],
)
def test_a_claim_whose_subject_names_only_a_wrong_accuses_no_one(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Boston's coach called Hollenbrand 'a thug who beat his own fans'.", "Hollenbrand"),
        ("The spokesman said the ministry's Rashid Khan hid the files.", "ministry's Rashid Khan"),
        ("The officer said the man was intentionally struck by the car.", ""),
    ],
)
def test_a_wrong_word_read_at_a_word_start(text: str, target: str) -> None:
    assert only(text).target == target


@pytest.mark.parametrize(
    "text",
    [
        # the same sentences with the word inside another: "heartbeat", "Rashid",
        # "unintentionally"
        "Boston's coach called Hollenbrand 'the heartbeat of this team'.",
        "The spokesman said the ministry's Rashid Khan left the building with the files.",
        "The officer said the man was unintentionally struck by the car.",
    ],
)
def test_a_wrong_word_inside_another_word_is_no_wrong(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        # a legal "by" agent of a passive before the cue noun accuses
        (
            "His two sons have also been summoned by Egyptian prosecutors to answer to"
            " allegations of embezzlement of public funds.",
            "Egyptian prosecutors",
        ),
        # another agent does not
        (
            "His two sons have also been interviewed by the BBC about allegations of"
            " embezzlement of public funds.",
            "",
        ),
    ],
)
def test_a_legal_agent_before_a_cue_noun_accuses(text: str, accuser: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, "His two sons", "allegation")


def test_an_act_called_a_wrong_targets_its_doer() -> None:
    text = "The mayor described the shooting of two protesters by the city's police as murder."
    item = only(text)
    assert (item.accuser, item.target, item.kind) == ("mayor", "city's police", "allegation")


def test_an_act_called_a_wrong_done_by_no_party_accuses_no_one() -> None:
    text = "The mayor described the shooting of two protesters by a stray bullet as murder."
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a title of one gender opening a name gives it that gender: "He" is not the queen
        (
            "Queen Mara Vell signed the order at the request of Tom Reed. He is widely suspected"
            " of taking bribes.",
            "Tom Reed",
        ),
        (
            "Prince Tom Reed signed the order at the request of Mara Vell. He is widely suspected"
            " of taking bribes.",
            "Prince Tom Reed",
        ),
    ],
)
def test_a_gendered_title_in_a_name_gives_its_gender(text: str, target: str) -> None:
    (item,) = extract(text)
    assert (item.accuser, item.target, item.kind) == ("", target, "accusation")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # people counted, or an event that happened: the suspicion is about them
        (
            "Two men suspected of involvement in terrorism could face house arrest as part of"
            " new measures.",
            "Two men",
        ),
        (
            "UK citizens suspected of involvement in terrorism were placed under house arrest on"
            " Monday.",
            "UK citizens",
        ),
    ],
)
def test_people_suspected_of_a_wrong_are_accused(text: str, target: str) -> None:
    assert only(text).target == target


def test_a_rule_for_whoever_is_suspected_accuses_no_one() -> None:
    # a bare plural before the participle, and what could happen to them: a rule for anyone
    text = (
        "UK citizens suspected of involvement in terrorism could face house arrest as part of new"
        " measures."
    )
    assert extract(text) == []


def test_a_refusal_with_a_wrong_is_alleged() -> None:
    text = "The regulator said Glenmara Bank had refused to report suspicious transfers and hid the losses."
    item = only(text)
    assert (item.accuser, item.target) == ("regulator", "Glenmara Bank")


@pytest.mark.parametrize(
    "text",
    [
        # a refusal alone names no wrong
        "Police said Tom Hale refused to comment on the case.",
        'Rovers manager Ilsa Kovanic said her players had "refused to accept they were beaten".',
    ],
)
def test_a_refusal_alone_is_no_wrong(text: str) -> None:
    assert extract(text) == []


# ---- the fourteenth round on real news (heldout10 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # an abduction reported with no doer names no party, an aside between the commas
        "Police stated that the two women, one Dutch and one German, were abducted at gunpoint"
        " near the border.",
        "Police said the two women were kidnapped near the border on Tuesday.",
        # a doer noun of a wrong ("kidnappers") is no wrong of the claim's subject
        "The army said the two kidnappers intended to form a political party.",
        "Reuters reported that local police were chasing the hijackers near the port.",
    ],
)
def test_real_news_fourteenth_round_negatives(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same shapes with a doer after "by" or a wrong in the predicate
        (
            "Police stated that the two women, one Dutch and one German, were abducted at"
            " gunpoint by the Vargas gang.",
            "Police",
            "Vargas gang",
        ),
        (
            "The army said the two kidnappers shot a guard during the raid.",
            "army",
            "two kidnappers",
        ),
        (
            "Reuters reported that local police were beating the hijackers near the port.",
            "Reuters",
            "local police",
        ),
    ],
)
def test_real_news_fourteenth_round(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, "allegation")


@pytest.mark.parametrize(
    ("text", "accuser", "target", "kind"),
    [
        # a passive "linked to" a wrong accuses its subject; "He" after a sentence opening with
        # "According to X," takes the name after the comma, not the source
        (
            "Police are looking for Sam Hale. According to Tom Reed, Hale is now living in Yemen."
            " He has been linked to two bombings in the capital.",
            "",
            "Hale",
            "allegation",
        ),
        # the active: of the object and the phrase after "to", the one naming no wrong
        (
            "In a radio address, President Ann Lee linked the suspect in the failed bombing of"
            " Flight 90 to the Kestrel Front.",
            "President Ann Lee",
            "Kestrel Front",
            "claim",
        ),
        # suspects linked to a party; "cited Y as saying": Y speaks
        (
            "Police cited Ann Lee, chief of the city's security agency, as saying the suspects"
            " were linked to the Kestrel network.",
            "Ann Lee",
            "suspects",
            "allegation",
        ),
    ],
)
def test_linked_to_a_wrong(text: str, accuser: str, target: str, kind: str) -> None:
    item = extract(text)[-1]
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)


def test_a_pronoun_after_a_sentence_with_its_own_subject_continues_that_subject() -> None:
    text = (
        "Police are looking for Sam Hale. Tom Reed said Hale is now living in Yemen. He has been"
        " linked to two bombings in the capital."
    )
    item = only(text)
    assert (item.accuser, item.target) == ("", "Tom Reed")


@pytest.mark.parametrize(
    "text",
    [
        # linked to a party with no wrong, nor suspects
        "He has been linked to supermodel Ann Lee.",
        "Police cited Ann Lee, chief of the city's security agency, as saying the victims were"
        " linked to the Kestrel network.",
        # the active with no party where the target would be
        "The report linked the rise in crime to poverty.",
        # a reduced participle: not read
        "Oscar Reyes, a nationalist linked to bombings in the 1970s, was freed on Monday.",
    ],
)
def test_linked_to_no_wrong_is_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a fronted phrase with no comma: the name after its last "the" is the subject; a
        # description set off by a name in apposition (an acronym in brackets taking no room):
        # the name is the target
        (
            "Following a week of riots and looting the Kestrel Front accused its main rival, the"
            " Liberty Union Party (LUP), of arming the gangs.",
            "Kestrel Front",
            "Liberty Union Party",
        ),
        # a description that holds a name stays the target
        (
            "The Kestrel Front accused Ann Lee's main rival, the Liberty Union Party (LUP), of"
            " arming the gangs.",
            "Kestrel Front",
            "Ann Lee's main rival",
        ),
        # no name after the fronted phrase: no accuser is made up
        (
            "Following a week of riots and looting the police accused the gangs of arson.",
            "",
            "gangs",
        ),
    ],
)
def test_names_after_a_fronted_phrase_and_in_apposition(
    text: str, accuser: str, target: str
) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, "accusation")


def test_identified_as_a_role_in_a_wrong_is_a_characterisation() -> None:
    item = only(
        "Officials have identified Tom Hale as a leader within the Kestrel terrorist group."
    )
    assert (item.accuser, item.target, item.kind) == ("Officials", "Tom Hale", "allegation")


@pytest.mark.parametrize(
    "text",
    [
        "Officials have identified Tom Hale as a leader within the Kestrel farmers' union.",
        "Police identified the body as that of a local farmer.",
    ],
)
def test_identified_as_no_wrong_is_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "It was alleged" with a short phrase before "that"
        (
            "Tom Hale was arrested in May. It was alleged before Felsham Crown Court that he had"
            " hidden the money.",
            "allegation",
        ),
        (
            "Tom Hale was arrested in May. It was claimed before Felsham Crown Court that he had"
            " stolen the money.",
            "claim",
        ),
    ],
)
def test_it_passive_with_a_phrase_before_that(text: str, kind: str) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == ("", "Tom Hale", kind)


def test_it_passive_of_a_weak_cue_with_no_wrong_is_no_item() -> None:
    text = (
        "Tom Hale was arrested in May. It was claimed before Felsham Crown Court that he had been"
        " at home."
    )
    assert extract(text) == []


def test_it_passive_after_a_source_with_no_comma() -> None:
    item = only("According to the police report it is alleged that Tom Hale hid the money.")
    assert (item.accuser, item.target, item.kind) == ("police report", "Tom Hale", "allegation")


def test_it_passive_after_a_source_of_a_weak_cue_with_no_wrong_is_no_item() -> None:
    assert extract("According to the police report it is claimed that Tom Hale was at home.") == []


# ---- the fifteenth round on real news (heldout11 opened); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # an arrest's reason ends its "by" agent (a time phrase after the agent is dropped)
        (
            "Forty people were detained by police for illegally blocking the motorway.",
            "police",
            "Forty people",
        ),
        (
            "Maria Lopez was arrested by border police on Sunday for smuggling fuel.",
            "border police",
            "Maria Lopez",
        ),
        # "under" a law that names a wrong
        (
            "A court spokeswoman said the farmer's nephew was arrested under the Animal Cruelty"
            " Offences Act.",
            "A court spokeswoman",
            "farmer's nephew",
        ),
        # an arrest noun with its reason; the subject of the verb before it accuses
        (
            "Customs officers announced the arrest of Pieter Vos for smuggling cigarettes.",
            "Customs officers",
            "Pieter Vos",
        ),
        (
            "Harbour police made six arrests for drug offences at the festival.",
            "Harbour police",
            "",
        ),
        (
            "The Evening Courier reported three arrests were made for public order offences.",
            "Evening Courier",
            "",
        ),
        # "on <wrong> charges" after a passive participle: its subject
        ("Omar Reyes was jailed on bribery charges in March.", "", "Omar Reyes"),
        (
            "Lena Park, a teacher, is out on bail waiting to be tried in the district court on"
            " fraud charges.",
            "",
            "Lena Park",
        ),
        # the trial of a party for a wrong
        (
            "The trial of Hugo Brandt for the alleged theft of two paintings opens in May.",
            "",
            "Hugo Brandt",
        ),
    ],
)
def test_real_news_fifteenth_round_arrests_and_charges(
    text: str, accuser: str, target: str
) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, "charge")


@pytest.mark.parametrize(
    "text",
    [
        # the same shapes with no offence named, a verdict, an active verb or no one named
        "Forty people were detained by police for questioning.",
        "The farmer's nephew was detained under the Mental Health Act.",
        "The arrest of Pieter Vos on Friday surprised his neighbours.",
        "Harbour police have made a second arrest in connection with it.",
        "Omar Reyes was convicted on bribery charges in March.",
        "Omar Reyes was released on bail on bribery charges.",
        "The trial of Hugo Brandt opens in May.",
        "A clinical trial of the vaccine for preventing infection began in May.",
    ],
)
def test_real_news_fifteenth_round_arrest_negatives(text: str) -> None:
    assert extract(text) == []


def test_faces_accusations_of_a_named_wrong_from_a_party() -> None:
    item = only("Dario Conti faces bribery accusations from three former employees.")
    assert (item.accuser, item.target, item.kind) == (
        "three former employees",
        "Dario Conti",
        "accusation",
    )


def test_faces_accusations_with_no_wrong_is_no_item() -> None:
    assert extract("Dario Conti faces accusations from three former employees.") == []


def test_an_arrest_noun_after_a_number_is_no_verb_reading() -> None:
    # "made a second arrest in connection with the theft": the police made it, no one is named
    item = only("Harbour police have made a second arrest in connection with the theft.")
    assert (item.accuser, item.target) == ("Harbour police", "")


def test_a_verdict_in_reported_speech_is_no_item() -> None:
    text = "The prosecutor also told the court Omar Reyes stood convicted of fraud and bribery."
    assert extract(text) == []
    # an act in the same shape stays an item
    item = only("The prosecutor told the court Omar Reyes took bribes from two builders.")
    assert (item.accuser, item.target) == ("prosecutor", "Omar Reyes")


def test_a_quoted_name_after_known_as_is_the_target() -> None:
    item = only('A preacher known as "Brother Amos" is being held in Leeds on charges of fraud.')
    assert (item.target, item.kind) == ("Brother Amos", "charge")


@pytest.mark.parametrize("source", ["Jan Ek", "Press Trust of Norland"])
def test_a_sentence_opening_source_is_no_antecedent_of_its_own_pronoun(source: str) -> None:
    text = (
        f"Oskar Lind ran a youth charity for ten years. According to {source}, police received"
        " complaints from two families alleging he had stolen donations."
    )
    item = only(text)
    assert item.target == "Oskar Lind"


def test_a_pronoun_after_the_source_still_takes_a_name_after_its_comma() -> None:
    text = "According to Jan Ek, Oskar Lind said he was threatened by the mayor's aides."
    item = only(text)
    assert (item.accuser, item.target) == ("Oskar Lind", "mayor's aides")


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        (
            "Over the past two years, about 30 tenants have accused Omar Reyes of harassment.",
            "30 tenants",
            "Omar Reyes",
        ),
        (
            "About a dozen residents accused the landlord of harassment.",
            "a dozen residents",
            "landlord",
        ),
    ],
)
def test_an_approximate_count_names_a_party(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


def test_an_approximator_alone_is_no_party() -> None:
    # "about" before no number stays a preposition: "about the charity" names no one
    lex = load_lexicon()
    assert not is_party(lex, "about the")
    assert is_party(lex, "about 40 women")


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a short phrase between the say verb (or its "that") and the claim's subject
        (
            "Prosecutors said that in 2019 Omar Reyes bribed two officials.",
            "Prosecutors",
            "Omar Reyes",
        ),
        ("Police said on Monday Omar Reyes stole a van.", "Police", "Omar Reyes"),
        ("Police said that, on Monday, Omar Reyes stole a van.", "Police", "Omar Reyes"),
        (
            "Customs officers said in a statement the skipper smuggled fuel.",
            "Customs officers",
            "skipper",
        ),
        (
            "Lena Park said as a child she was forced into a violent marriage by her uncle.",
            "Lena Park",
            "her uncle",
        ),
    ],
)
def test_a_phrase_before_a_reported_claim_is_skipped(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


@pytest.mark.parametrize(
    "text",
    [
        "Police said at the scene that nobody was hurt.",
        "Police said in 2019 the number of thefts rose.",
        "Police said on Monday the road would reopen.",
    ],
)
def test_a_phrase_before_a_reported_claim_with_no_wrong_is_no_item(text: str) -> None:
    assert extract(text) == []


# ---- the sixteenth round on real news (heldout12 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a charge verb right after an office or a body gives a duty, when no wrong is named
        "John Smith, the minister charged with European affairs, said the talks would go on.",
        "The committee charged with reviewing the budget met on Friday.",  # none before too
        "Ana Ruiz, Commissioner charged with Trade, opened the fair.",
        # a wrong named only in what someone's possessed thing is of
        "The report includes claims that Smith's account of the genocide was accurate.",
        "The film includes claims that Hugo Brandt's study of the genocide shaped later policy.",
    ],
)
def test_real_news_sixteenth_round_duties_and_things_are_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the same shapes with a wrong named: items as before
        ("The minister charged with fraud resigned on Friday.", "minister"),
        ("A man charged with the death of his wife appeared in court on Monday.", "A man"),
        (
            "The report includes claims that Smith's account of the massacre was fabricated to"
            " cover up torture.",
            "Smith's account",
        ),
        (
            "The report includes claims that Smith's soldiers of the 5th brigade committed the"
            " massacre.",
            "Smith's soldiers",
        ),
    ],
)
def test_real_news_sixteenth_round_wrongs_still_read(text: str, target: str) -> None:
    assert only(text).target == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # "they" after two people joined by "and" stands for both
        (
            "Omar Reyes and Lena Park were freed; they were alleged to be involved in a riot"
            " at the port.",
            "Omar Reyes and Lena Park",
        ),
        (
            "The court heard from the Port Authority of Rotterdam. Omar Reyes and Lena Park"
            " were freed; they were alleged to be involved in a riot at the port.",
            "Omar Reyes and Lena Park",
        ),
        # one person: "he", as before
        ("Omar Reyes was freed; he was alleged to be involved in a riot.", "Omar Reyes"),
    ],
)
def test_real_news_sixteenth_round_they_for_two_people(text: str, target: str) -> None:
    assert only(text).target == target


# ---- the seventeenth round on real news (heldout13 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # what a party is alleged to have told, naming no wrong
        "A newspaper alleged city officials told the governor their council had dropped the plan.",
        "The report alleged Nadia Kerr told the board her firm had moved its offices to Leeds.",
        # a copula before a noun phrase is no passive: a general belief accuses no one
        "Ruritania believes that corruption is a global problem that no state can solve alone.",
        # a wrong named only as what "those responsible for" did: they are to be found
        "The mayor says the city will find those responsible for the arson attack.",
        "The mayor says the city will hold accountable those responsible for the fraud.",
        # a capitalised word after a capitalised word ends a name, even when shaped like an adverb
        "The newspaper The People's Daily has suggested it is the worst fraud in a decade.",
    ],
)
def test_real_news_seventeenth_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same shapes naming a wrong: items
        (
            "A newspaper alleged city officials told the contractor to pay a bribe.",
            "A newspaper",
            "city officials",
        ),
        ("Rival bidders believe the tender was rigged.", "Rival bidders", ""),
        # a name ending in an adverb-shaped word is kept whole
        ("The People's Daily accused the mayor of taking bribes.", "People's Daily", "mayor"),
        # whoever goes to someone "with allegations" brings them
        (
            "Lena Park was arrested by police after three former pupils went to the school with"
            " allegations of sexual abuse.",
            "three former pupils",
            "Lena Park",
        ),
        (
            "Three women went to police with allegations of sexual assault against the coach.",
            "Three women",
            "coach",
        ),
        # not a passive: "was hit with allegations" leaves its subject the target
        ("The coach was hit with allegations of abuse.", "", "coach"),
        # shots fired at someone, reported: a wrong ("gunmen" a party as "gunman" was)
        ("Police said the gunmen fired shots at the crowd.", "Police", "gunmen"),
        ("Officials said soldiers shelled the village.", "Officials", "soldiers"),
    ],
)
def test_real_news_seventeenth_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


def test_real_news_seventeenth_round_returned_fire_is_no_wrong() -> None:
    assert extract("Police said the soldiers returned fire after the convoy was stopped.") == []


# ---- the eighteenth round on real news (heldout14 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a wrong named after "without" and a gerund is denied, not claimed
        'He said the alliance is in a "battle of ideas" it must win without causing undue harm.',
        "The minister said the army must restore order without committing abuses.",
    ],
)
def test_real_news_eighteenth_round_no_item(text: str) -> None:
    assert extract(text) == []


def test_real_news_eighteenth_round_receiving_is_no_wrong() -> None:
    # a weak claim that a party received something names no wrong, even after an item
    text = (
        "The union has alleged the firm bribed the inspectors.\n\n"
        "Its spokesman also claimed that the union received support from local residents."
    )
    assert [a.sentence for a in extract(text)] == [
        "The union has alleged the firm bribed the inspectors."
    ]


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same shapes naming a wrong: items
        ("The minister said the army committed abuses without warning.", "minister", "army"),
        (
            "Its spokesman claimed that the mayor received bribes from local firms.",
            "Its spokesman",
            "mayor",
        ),
    ],
)
def test_real_news_eighteenth_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- the twentieth round on real news (heldout15 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a duty given by "charged", with no wrong in it
        "The colonel charged with day-to-day operations has suggested the mission may be extended.",
        # a territory "claimed" names no wrong: "crime" is no part of "Crimea"
        "Officials said Moscow had claimed Crimea in a ceremony on Tuesday.",
        # what was done to a thing "allegedly" names no wrongdoer
        "Files allegedly stolen from a ministry server show the budget was larger.",
        "Three men allegedly killed in the raid were civilians.",
    ],
)
def test_real_news_twentieth_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # "the alleged" is an adjective: the speaker of the clause accuses, not "the"
        (
            "Government officials say the alleged bombing was carried out by rebel forces.",
            "Government officials",
            "rebel forces",
        ),
        # "Without" inside a name negates nothing
        (
            "Doctors Without Borders has said that the army shelled the hospital.",
            "Doctors Without Borders",
            "army",
        ),
        # the speaker of a relative clause's claim about the noun before it
        (
            "Riots followed a vote that the opposition says was rigged.",
            "opposition",
            "",
        ),
        # the subject holds the object responsible
        (
            "The rail operator's chief held the freight company responsible.",
            "rail operator's chief",
            "freight company",
        ),
        # the same shapes of "allegedly" and "charged" naming a doer or a wrong: items
        ("The man allegedly shot by the officer was unarmed.", "", "officer"),
        ("A general charged with fraud appeared in court on Monday.", "", "A general"),
    ],
)
def test_real_news_twentieth_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


def test_real_news_twentieth_round_held_in_the_passive_is_not_this_rule() -> None:
    assert extract("The talks were held in Geneva and the delegates held a vote.") == []


# ---- the twenty-first round on real news (heldout16 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a wrong counted in a share is no wrong done by the subject
        "According to the study, Canada accounts for 12 per cent of online fraud worldwide.",
        # a wrong posed in a concessive clause
        "Silva claims he will keep the village's location secret, even if tortured.",
        # a wrong done by others, named in a relative clause of the object
        'She said her government had targeted "those who killed the guards" last year.',
        # a charge ended by acquittal
        "Four of the five officers accused of assault have been cleared of all charges.",
        "The two men charged with fraud were acquitted on Friday.",
    ],
)
def test_real_news_twenty_first_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same shapes with the wrong in the subject's own clause: items
        ("According to the report, Canada committed online fraud worldwide.", "report", "Canada"),
        ("Silva claims the ranchers tortured the villagers.", "Silva", "ranchers"),
        (
            'The minister said the rebels had killed "those who refused to join" them.',
            "minister",
            "rebels",
        ),
        ("Four officers accused of assault appeared in court on Monday.", "", "Four officers"),
        # a floating quantifier between the auxiliaries is no part of the subject
        ("The men had all been charged with manslaughter.", "", "men"),
    ],
)
def test_real_news_twenty_first_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- the twenty-second round on real news (heldout17 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # an arrest timed by an event names no reason
        "The driver was arrested shortly after the murder of a guard.",
        "Okafor was arrested two days after the bombing.",
        # evidence as the subject of "linked" is a finding, not a party accusing
        "Fingerprints and phone records linked her to the robbery.",
        # a noun's source with no claim after it
        "The ministry dismissed the claim from Madrid as baseless.",
    ],
)
def test_real_news_twenty_second_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same shapes read as before: an arrest for an offence, a party linking
        ("The driver was arrested after the murder of a guard.", "", "driver"),
        ("The senator linked the governor to the bribery scheme.", "senator", "governor"),
        # the party a noun's allegation comes from, right after the noun, before its claim
        (
            "Pressure grew after a claim by the Evening Post that the mayor's aide used city funds.",
            "Evening Post",
            "mayor's aide",
        ),
    ],
)
def test_real_news_twenty_second_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- the twenty-third round on real news (heldout18 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a reduced participle whose noun phrase is a share ("among seven people") names no party
        "A lawyer and a former judge are among nine people arrested in connection with a fraud.",
        # a condemning verb whose reason names no wrong stays no item
        "The council condemned the mayor for his remarks.",
        # blame placed by an inquiry, or by "it", is a finding; blame placed on no party is none
        "The inquiry put the blame on the pilots.",
        "A safety board reviewed the crash. It placed blame on the controllers.",
        "Officials put the blame on bad weather.",
    ],
)
def test_real_news_twenty_third_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same arrest with its own subject is still read
        ("Police arrested nine people in connection with a fraud.", "Police", "nine people"),
        # condemning, denouncing, censuring and faulting for a named wrong
        (
            "Amnesty International condemned the army for torturing prisoners.",
            "Amnesty International",
            "army",
        ),
        ("The union denounced the company for illegally firing workers.", "union", "company"),
        ("The Senate censured the senator for misconduct.", "Senate", "senator"),
        ("The report faulted the airline for ignoring safety warnings.", "report", "airline"),
        # prosecution as a verb, like its participle
        ("Prosecutors prosecute the mayor for fraud.", "Prosecutors", "mayor"),
        # blame placed on a party by its subject
        (
            "The elder Okoro had put the blame on his ship's captain.",
            "elder Okoro",
            "his ship's captain",
        ),
        ("The union laid the blame for the accident on the company.", "union", "company"),
        # a hedged harm with its doer: the doer is the target, not the victim
        ("The boy was allegedly beaten by a mob.", "", "a mob"),
        # (the police cited after it accuse since round 51, as the real-news labels read it)
        ("Farid allegedly stabbed and robbed by two men, police said.", "police", "two men"),
        # the same hedge with no doer keeps its subject
        ("The minister allegedly accepted gifts from a lobbyist.", "", "minister"),
        # "wrongdoing" is a listed wrong
        ("Smith said the mayor engaged in wrongdoing.", "Smith", "mayor"),
    ],
)
def test_real_news_twenty_third_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- the twenty-fourth round on real news (heldout19 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a charge passive with no offence and a pronoun for the accused: a step of a case told
        # earlier, no item of its own (both were items before the round)
        "Ahmed Khalil was held at a base for four years. He was charged twice before a tribunal.",
        "Karim Hassan was one of the detainees at the base. He was charged twice in late 2005 "
        "before a commission.",
    ],
)
def test_real_news_twenty_fourth_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same passive with a named subject is still a charge, its "by" phrase the accuser
        (
            "Two customs officers have been indicted since the audit began.",
            "",
            "Two customs officers",
        ),
        (
            "Three bankers have since been charged by federal prosecutors.",
            "federal prosecutors",
            "Three bankers",
        ),
        # a pronoun subject with the offence named is read as before
        ("Ahmed Khalil was arrested in May. He was charged with fraud.", "", "Ahmed Khalil"),
    ],
)
def test_real_news_twenty_fourth_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- the twenty-seventh round on real news (heldout20 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # an illness after "suspected of" names no wrong
        "Doctors examined 300 children suspected of malnutrition.",
        "Nurses isolated two patients suspected of having cholera.",
        # the hearers of a report are no doers: the verb past a place phrase is "notified"
        "According to police, officers in the city were notified of the alleged fraud.",
        "According to Lt. Col. Ann Price of the regiment, local officials have been notified of "
        "the claimed killings.",
        # a hedged participle with its "by" doer after a noun: no reading of the sentence's subject
        '"The links critics draw between the academy and the crimes allegedly committed by its '
        'cadets are weak," says a former teacher.',
    ],
)
def test_real_news_twenty_seventh_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a wrong after "suspected of" is read as before
        ("Police arrested a nurse suspected of poisoning patients.", "", "a nurse"),
        # a title's dot does not end an "according to" source
        ("According to Mr. Smith, the mayor took bribes.", "Mr. Smith", "mayor"),
        ("According to Dr. Jane Hill, the mayor took bribes.", "Dr. Jane Hill", "mayor"),
        # a relative "that" inside an aside after a name starts no clause
        (
            "Acme Films, a studio that makes cartoons, was sued by a rival studio for copyright "
            "infringement.",
            "a rival studio",
            "Acme Films",
        ),
        # counts of a possessed indictment are its holder's; "Former" opens no name
        (
            "Former senator John Reed resigned a day after the court upheld his indictment of two "
            "counts of fraud.",
            "",
            "John Reed",
        ),
        # a suit started by its named plaintiff, with no claim marker after the noun
        (
            "The farmers' union initiated legal proceedings because the new quotas ruin its "
            "members.",
            "farmers' union",
            "",
        ),
        (
            "Her lawyers instituted legal proceedings in the capital to compel the ministry to "
            "release the files.",
            "Her lawyers",
            "ministry",
        ),
    ],
)
def test_real_news_twenty_seventh_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- the twenty-ninth round on real news (heldout21 opened); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a name given after "called", closed by punctuation: no verdict on anyone
        "Now called Rocket Rampage!, the ride will hurl guests through a tunnel of thieves.",
        "Renamed and now called Fraud Alley, the old lane will host a market.",
    ],
)
def test_real_news_twenty_ninth_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # what is called follows its object at once (a quotation too), as before
        ("The senator called the mayor's deal a breach of the law.", "senator", "mayor"),
        ('The senator called the mayor\'s deal "a fraud".', "senator", "mayor"),
        # the party just after a claim's wrong made the claim
        (
            "The vote was annulled amid accusations of bribery by the opposition parties.",
            "opposition parties",
            "",
        ),
        (
            "The ban drew allegations of fraud from local traders.",
            "local traders",
            "",
        ),
        # a participle's clause after a comma is not negated by words before it
        (
            "The visitors were held for a week, despite not breaking any rule, prompting "
            "allegations of discrimination from the tourism board.",
            "tourism board",
            "",
        ),
        # a relative clause after a comma is no hypothesis of the clause before it
        (
            "If the talks resumed, it would revive the council, which was suspended last year "
            "amid accusations of bribery by the opposition parties.",
            "opposition parties",
            "",
        ),
    ],
)
def test_real_news_twenty_ninth_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


def test_real_news_twenty_ninth_round_charges_keep_their_place() -> None:
    # "charges of theft from the library": a place, not the party bringing them
    item = only("The man was held on charges of theft from the city library.")
    assert (item.accuser, item.target) == ("", "man")


# ---- the thirty-fourth round on real news (English recall); sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a complaint that names no wrong is no allegation
        "Relatives of the passengers have complained that they were not being informed.",
        "The mayor complained to the press that the budget was late again.",
        # a claim verb's passive with no wrong, and its active "claimed to"
        "The new phone is claimed to be the thinnest on the market.",
        "One visitor claimed to have seen the singer at the station.",
        # "beaten" in sport is no harm ("beaten" stays out of the wrongs)
        "The hosts said their players were beaten by the visitors once in seven years.",
    ],
)
def test_real_news_thirty_fourth_round_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a complaint reports a claim as a say verb does, its hearer skipped
        (
            "Mr. Bao complained to the press that he was punched on the shoulder by Mr. Vohor.",
            "Mr. Bao",
            "Mr. Vohor",
        ),
        ("The envoy complains that his staff were punched by police.", "envoy", "police"),
        # a title's full stop inside a name: "by Mr. Vohor", not "by Mr"
        ("Mr. Bao said that he was attacked by Mr. Vohor.", "Mr. Bao", "Mr. Vohor"),
        # a quoted harm still names its doer after "by"
        (
            'Mr. Bao said that he was "punched on the shoulder" by Mr. Vohor.',
            "Mr. Bao",
            "Mr. Vohor",
        ),
        # a claim verb's passive with a wrong in its claim
        ("Taylor is claimed to have ordered the killing of civilians.", "", "Taylor"),
    ],
)
def test_real_news_thirty_fourth_round_items(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


# ---- round 50 on real news (ECB+ ecb1 opened: crime and court news); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a bare date between an arrest and its reason, an abbreviated month's dot inside it
        (
            "Receiver Tom Hale was arrested early Jan. 6 on suspicion of drunken driving.",
            "",
            "Receiver Tom Hale",
        ),
        (
            "The striker was arrested late Saturday night on suspicion of drunken driving.",
            "",
            "striker",
        ),
        # a participle set off after a name, a date and a place before its reason
        (
            "The club awaits the outcome of a case involving forward Tom Hale, arrested "
            "Jan. 6 in Leeds on suspicion of driving under the influence.",
            "",
            "Tom Hale",
        ),
        # a participle opening the sentence with its "by" doer: the doer accuses
        (
            "Arrested by state police on suspicion of drunken driving, Hale was booked into jail.",
            "state police",
            "Hale",
        ),
    ],
)
def test_real_news_round_50_arrests_past_dates_and_doers(
    text: str, accuser: str, target: str
) -> None:
    item = only(text)
    assert (item.kind, item.accuser, item.target) == ("charge", accuser, target)


@pytest.mark.parametrize(
    "text",
    [
        # a name before the comma that is a place in a list is not the arrested party's
        "Gary Hale of New Bedford, Massachusetts, accused in the deaths of two women, "
        "appeared in court today.",
    ],
)
def test_real_news_round_50_place_before_a_participle_is_no_target(text: str) -> None:
    assert only(text).target == "Gary Hale of New Bedford"


def test_real_news_round_50_a_name_modifying_a_noun_is_no_antecedent() -> None:
    # "a three-time Pro Bowl nose tackle": "Pro Bowl" is no person "he" can stand for
    text = (
        "Williams, a three-time Pro Bowl nose tackle, was stopped for speeding. Arrested by "
        "the CHP on suspicion of drunken driving, he was booked into county jail."
    )
    item = only(text)
    assert (item.accuser, item.target) == ("CHP", "Williams")


@pytest.mark.parametrize(
    "text",
    [
        # "charges" after a count and its modifiers is the noun: a verdict on them is no item
        "An Oklahoma man was found guilty Thursday on two first-degree murder charges for the "
        "deaths of a woman, according to the district attorney.",
        "The woman was found guilty on three felony charges for the robbery on Monday.",
    ],
)
def test_real_news_round_50_counted_charges_are_a_noun(text: str) -> None:
    assert extract(text) == []


def test_real_news_round_50_counted_charges_still_read_for_an_arrest() -> None:
    item = only("The man was arrested on two first-degree murder charges, police said.")
    assert (item.kind, item.target) == ("charge", "man")


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a wrong's trial "of" a named party: a charge against it
        ("The murder trial of Andrew Lopez began on Monday.", "", "Andrew Lopez"),
        (
            '"She was a victim," prosecutor Seth Goldman said at the start of the murder trial '
            "of half-brothers Andrew Lopez, 20, and Jonathan Carrasquillo, 24.",
            "prosecutor Seth Goldman",
            "half-brothers Andrew Lopez",
        ),
        # "went on trial" with a day before its reason; "accused" after a count is an adjective
        ("Two men went on trial Wednesday for killing a mother.", "", "Two men"),
        (
            "Two accused gangbangers went on trial Wednesday for killing a mother of 12.",
            "",
            "Two accused gangbangers",
        ),
    ],
)
def test_real_news_round_50_trials(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.kind, item.accuser, item.target) == ("charge", accuser, target)


@pytest.mark.parametrize(
    "text",
    [
        # a trial that names no wrong, or no one
        "The clinical trial of Pfizer's vaccine began on Monday.",
        "The trial of the century began on Monday.",
    ],
)
def test_real_news_round_50_trials_of_no_wrong_are_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a hedged predicate joined by "and" to its subject's first one
        (
            "A former employee walked into a party on Friday and allegedly shot a man.",
            "",
            "A former employee",
        ),
        ("The players went to a bar and allegedly assaulted a waiter.", "", "players"),
        # an age set off by commas after a claim's subject
        (
            "Police allege Eric Kirkpatrick, 61, opened fire at the party.",
            "Police",
            "Eric Kirkpatrick",
        ),
        ("Prosecutors claim Smith, 45, stole the funds.", "Prosecutors", "Smith"),
    ],
)
def test_real_news_round_50_hedges_and_ages(text: str, accuser: str, target: str) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


def test_real_news_round_50_a_named_party_claiming_about_itself_is_no_item() -> None:
    # an item before supports weak claims, but not a firm's claim about itself
    text = (
        "A man allegedly shot a worker. Staff said the police, who placed an officer at "
        "Paperny's front door, were not pleased. TallGrass claims it is the fastest-growing "
        "supplier in Canada."
    )
    assert [item.target for item in extract(text)] == ["A man"]


def test_real_news_round_50_an_arrest_not_made_is_no_item() -> None:
    text = (
        "Police are offering a reward for information leading to the arrest of the person "
        "responsible for the crime."
    )
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the victim of a harm, past a possessive and a reduced relative, is no target
        "A 35-year-old sheriff's deputy was killed when someone shot him, authorities said.",
        "A 35-year-old sheriff's deputy working with a gang unit was killed Friday when someone "
        "shot him, authorities said.",
    ],
)
def test_real_news_round_50_a_victim_past_a_possessive_or_participle_is_no_target(
    text: str,
) -> None:
    assert extract(text) == []


# ---- round 51 on real news (ECB+ ecb1 + ecb2: classes seen in both parts); sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # an official's account that a named or described person turned a weapon on someone
        ("Police said Dana Hale pointed a gun at the officers.", "Police", "Dana Hale"),
        (
            "Sgt. Lee Moran said the driver, who had been fired last week, walked into the "
            "office and pointed a pistol at the manager.",
            "Sgt. Lee Moran",
            "driver",
        ),
        ("Dana Hale pulled a knife on the clerk, police said.", "police", "Dana Hale"),
        (
            "The Ruritanian air force dropped bombs on a refugee camp on Thursday, officials said.",
            "officials",
            "Ruritanian air force",
        ),
    ],
)
def test_real_news_round_51_a_weapon_turned_on_someone(
    text: str, accuser: str, target: str
) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


@pytest.mark.parametrize(
    "text",
    [
        # carrying or finding a weapon, one's own weapon after a pronoun, a negated act
        "Police said a man carrying a firearm had walked into the office.",
        "Police said a loaded gun was recovered at the scene.",
        "Police said the officer fired his gun twice.",
        "Police said Dana Hale never pulled a gun.",
    ],
)
def test_real_news_round_51_a_weapon_not_turned_on_anyone_is_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a source cited after the claim accuses when the frame names no accuser
        (
            "Tom Hale was arrested early Sunday on suspicion of drunken driving, the "
            "Ohio State Patrol said.",
            "Ohio State Patrol",
            "Tom Hale",
        ),
        (
            "The suspect, identified as Dana Hale, entered the office and opened fire, the "
            "police said.",
            "police",
            "Dana Hale",
        ),
        (
            "Dana Hale, 27, was also suspected of violating parole, Moran said.",
            "Moran",
            "Dana Hale",
        ),
        (
            "Dana Hale was arrested on suspicion of robbery, said Sgt. Lee Moran, a spokesman.",
            "Sgt. Lee Moran",
            "Dana Hale",
        ),
    ],
)
def test_real_news_round_51_a_source_after_the_claim_is_the_accuser(
    text: str, accuser: str, target: str
) -> None:
    item = only(text)
    assert (item.accuser, item.target) == (accuser, target)


@pytest.mark.parametrize(
    "text",
    [
        # the accused's own side or a court cited after the claim accuses no one
        "Dana Hale was charged with fraud, his lawyer said.",
        "Dana Hale was charged with fraud, the judge said.",
    ],
)
def test_real_news_round_51_a_defender_or_court_after_the_claim_is_no_accuser(text: str) -> None:
    assert only(text).accuser == ""


# ---- round 52 on real news (ECB+ ecb1 + ecb2): a named person's violent act in an official's
# account, no cue word; sentences written here


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        ("Police said Dana Hale strangled the clerk.", "Police", "Dana Hale"),
        ("Dana Hale, 24, stabbed the clerk, according to authorities.", "authorities", "Dana Hale"),
        (
            "Sgt. Lee Moran told reporters Dana Hale opened fire on the crowd.",
            "Sgt. Lee Moran",
            "Dana Hale",
        ),
        (
            "Prosecutors say Dana Hale met Tom Reed on a rural road, then shot him in the head.",
            "Prosecutors",
            "Dana Hale",
        ),
    ],
)
def test_real_news_round_52_a_named_persons_violent_act_is_a_claim(
    text: str, accuser: str, target: str
) -> None:
    item = only(text)
    assert (item.accuser, item.target, item.kind) == (accuser, target, "claim")


def test_real_news_round_52_he_after_the_doer_named_before_is_the_target() -> None:
    text = (
        "Tom Reed asked the man for some identification when Dana Hale appeared from inside "
        "the house. He shot Reed once in the head and fled, Moran said."
    )
    items = [a for a in extract(text) if a.sentence.startswith("He shot")]
    assert [(a.accuser, a.target, a.kind) for a in items] == [("Moran", "Dana Hale", "claim")]


@pytest.mark.parametrize(
    "text",
    [
        # an unnamed subject, a victim in a passive, a negated or conditional act, a verdict
        "Police said a gunman strangled the clerk.",
        "Police said Dana Hale was strangled.",
        "Police said Dana Hale did not strangle the clerk.",
        "Police said if Dana Hale strangled the clerk, he would be charged.",
        "Police said Dana Hale was convicted of strangling the clerk.",
        # sport and politics: no one harmed
        "Coach Dana Hale said Tom Brady beat the Jets.",
        "Moran said Dana Hale killed the bill.",
        "Dana Hale shot a 68 in the final round, Moran said.",
        "Moran said Dana Hale shot the film in Spain.",
    ],
)
def test_real_news_round_52_no_named_violent_act_is_no_item(text: str) -> None:
    assert extract(text) == []


# ---- round 53 on real news (ECB+ ecb1 to ecb4 open): classes seen in three or four parts;
# sentences written here


@pytest.mark.parametrize(
    "text",
    [
        # a verdict or a prison term stated as fact settles the charge it names
        "Dana Hale was sentenced to life in prison for fraud and two counts of aggravated assault.",
        "Dana Hale served four months in prison for his role in the scheme, after being charged "
        "with obstructing justice.",
        "A jury has handed down a guilty verdict for one of the two men accused of murdering a "
        "shopkeeper.",
    ],
)
def test_real_news_round_53_a_verdict_before_the_charge_is_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a verdict in an aside or in another clause leaves the new charge standing
        "Dana Hale, who was convicted of fraud in 2010, was charged with bribery on Monday.",
        "Dana Hale was charged with bribery on Monday.",
        "Dana Hale was acquitted in 2010, but prosecutors charged her with bribery on Monday.",
    ],
)
def test_real_news_round_53_a_verdict_elsewhere_leaves_the_charge(text: str) -> None:
    assert only(text).target == "Dana Hale"


@pytest.mark.parametrize(
    ("text", "target", "kind"),
    [
        # the accused named in apposition to an accused, alleged or charged role
        ("Police are hunting Dana Hale, the teen accused of shooting Tom Reed.", "Dana Hale", None),
        (
            "A hearing for Dana Hale, 23, charged with the murder of Tom Reed, was held today.",
            "Dana Hale",
            "charge",
        ),
        ("The alleged killer, Dana Hale, was arrested on Monday.", "Dana Hale", "allegation"),
        (
            "Reed died when the accused thugs Dana Hale and Lee Moran were firing from a roof.",
            "Dana Hale",
            "accusation",
        ),
    ],
)
def test_real_news_round_53_an_accused_named_in_apposition_is_the_target(
    text: str, target: str, kind: str | None
) -> None:
    item = only(text)
    assert item.target == target
    assert kind is None or item.kind == kind


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the noun "the accused" before another's name; no one named; the verb
        ('"The sentence is excessive," said counsel for the accused Morris Anya.', None),
        ("Two accused gangbangers went on trial Wednesday for killing a mother.", "Two accused"),
        ("Police accused Dana Hale of fraud.", "Dana Hale"),
    ],
)
def test_real_news_round_53_no_apposed_accused_keeps_its_reading(
    text: str, target: str | None
) -> None:
    items = [a for a in extract(text) if a.kind in {"accusation", "charge"}]
    if target is None:
        assert items == []
    else:
        assert items and items[0].target.startswith(target)


def test_real_news_round_53_he_after_a_fronted_participle_continues_the_last_subject() -> None:
    text = (
        "The club awaits the case of receiver Tom Reed, arrested Jan. 6 on suspicion of drunk "
        "driving. Moran, a three-time Pro Bowl tackle, was stopped for speeding on Sunday. "
        "Arrested by the highway patrol on suspicion of drunken driving, he was booked into jail."
    )
    items = [a for a in extract(text) if a.sentence.startswith("Arrested")]
    assert [a.target for a in items] == ["Moran"]


def test_real_news_round_53_a_surname_two_full_names_share_takes_no_gender() -> None:
    text = (
        "A hearing was held for Dana Hale, charged with the murders of his mother and his sister "
        "Katie Hale. The body of Miss Hale was found in the house, according to prosecutor Susan "
        "Carter. Hale was arrested at the pier. He faces one charge of causing unnecessary "
        "suffering to an animal."
    )
    items = [a for a in extract(text) if a.sentence.startswith("He faces")]
    assert [a.target for a in items] == ["Hale"]


def test_real_news_round_53_a_surname_of_one_full_name_keeps_its_gender() -> None:
    text = (
        "The body of his sister Katie Hale was found in the house, according to prosecutor Lee "
        "Moran. Hale was seen at the pier. He faces one charge of causing unnecessary suffering "
        "to an animal."
    )
    items = [a for a in extract(text) if a.sentence.startswith("He faces")]
    assert "Hale" not in [a.target for a in items]  # Katie Hale, a woman, is no "he"


# ---- round 54 on real news (ECB+ ecb1 to ecb6 open): classes seen in four or more parts;
# wrong items first


@pytest.mark.parametrize(
    "text",
    [
        # what a legal source's record says its subject underwent, or a conviction, accuses no one
        "According to the criminal complaint, Dana Hale was transported to Mercy Hospital to be "
        "treated "
        "for injuries he sustained during his arrest.",
        "Hale was due to appear by videolink from the county jail, according to prosecutor Lee Moran.",
        "Hale is the fifth member of the group to be convicted on fraud and bribery charges, "
        "according to the attorney general's office.",
    ],
)
def test_real_news_round_54_a_legal_sources_record_of_a_step_is_no_item(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the subject's own act, a report's hedge and a charge stay items
        (
            "According to the criminal complaint, Dana Hale transferred the money abroad.",
            "Dana Hale",
        ),
        ("Hale is believed to have hidden 40 accounts, according to prosecutors.", "Hale"),
        ("Hale was charged with fraud, according to prosecutors.", "Hale"),
        ("According to prosecutors, Hale was observed moving the money abroad.", "Hale"),
    ],
)
def test_real_news_round_54_a_legal_sources_allegation_stays(text: str, target: str) -> None:
    assert [a.target for a in extract(text)] == [target]


@pytest.mark.parametrize(
    "text",
    [
        # a sentence-opening word that names no one is no target
        "No militants were inside a school attacked by the army, leaving 40 people dead, the UN "
        "says.",
        "\"I've always taken the position that it's a valid offense in law,\" Moran said.",
        "Less than a year before, a patrol officer shot and killed an unarmed man, Lee Hale, "
        "as he tried to flee, the police said at the time.",
    ],
)
def test_real_news_round_54_an_opening_word_naming_no_one_is_no_target(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a name, a party noun and "no" inside a name stay parties
        ("Police said Dana Hale shot and killed a woman.", "Dana Hale"),
        ("The mayor says militants attacked the school.", "militants"),
        ("Prosecutors charged Nola Less with fraud.", "Nola Less"),
    ],
)
def test_real_news_round_54_a_party_opening_the_clause_stays(text: str, target: str) -> None:
    assert [a.target for a in extract(text)] == [target]
