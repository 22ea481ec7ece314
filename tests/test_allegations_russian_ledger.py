"""The Russian ledger as a Russian reader sees it (issue 12): parties and charges in the
nominative, claims whole after "млн руб.", one entry for one accusation from two outlets, and
quoted denials read as the answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from digests import process, read, store
from digests.allegations import extract_in_own_language
from digests.allegations.morphology import charge, party
from digests.models import Allegation, ArticleIn

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _items(text: str) -> list[Allegation]:
    return extract_in_own_language(text, language="ru")  # as the processing pass reads it


def _one(text: str) -> Allegation:
    [item] = _items(text)
    return item


def test_the_accused_shows_in_the_nominative_with_the_role_before_the_name() -> None:
    item = _one(
        "Депутат Госдумы Сергей Петров обвинил министра финансов Алексея Иванова в сокрытии"
        " расходов."
    )
    assert item.target == "министр финансов Алексей Иванов"  # was "министра финансов Алексея …"
    assert item.accuser == "Депутат Госдумы Сергей Петров"  # already nominative: as written
    assert _one("Прокуратура обвинила Дурова в пособничестве мошенникам.").target == "Дуров"
    assert _one("Следователи обвинили Марию Захарову в получении взятки.").target == (
        "Мария Захарова"  # a woman's name keeps its gender
    )


def test_party_forms() -> None:
    cases = {
        "Дурову": "Дуров",
        "Павла Дурова": "Павел Дуров",
        "мэра Москвы Сергея Собянина": "мэр Москвы Сергей Собянин",
        "Следственного комитета": "Следственный комитет",
        "бывших сотрудников полиции": "бывшие сотрудники полиции",
        "Газпрома": "Газпром",
        "Марии Захаровой": "Мария Захарова",
        # negatives: nominatives, names in Latin letters, acronyms stay as written
        "Следователи": "Следователи",
        "Алексей Навальный": "Алексей Навальный",
        "Telegram": "Telegram",
        "ФБК": "ФБК",
    }
    for written, shown in cases.items():
        assert party(written) == shown, written
    assert party("Иванов", target=True) == "Иванов"  # not "Иваны" (Иван's genitive plural)
    assert party("Самедов", target=True) == "Самедов"  # an unknown surname: not a plural
    assert party("Джареду Лафнеру") in {"Джаред Лафнер", "Джареду Лафнеру"}  # never half
    assert party("Смирнова", target=True) == "Смирнов"  # "обвинила Смирнова": a man
    assert party("Смирнова") == "Смирнова"  # as a speaker: a woman in the nominative


def test_a_charge_reads_as_a_phrase_not_a_fragment_in_the_prepositional() -> None:
    assert charge("сокрытии расходов") == "сокрытие расходов"
    assert charge("незаконном получении взятки") == "незаконное получение взятки"
    # negatives: a clause, a nominative, a verb stay as written
    assert charge("Иванов украл деньги из бюджета") == "Иванов украл деньги из бюджета"
    assert charge("убийство журналиста") == "убийство журналиста"
    assert charge("украл деньги") == "украл деньги"
    # with its sentence, only a charge written after "в", "о" is one ("стали" is a verb here)
    assert charge("сокрытии расходов", "Его обвинили в сокрытии расходов.") == "сокрытие расходов"
    stali = "Известно, что стали подозрении в причастности."
    assert charge("стали подозрении в причастности", stali) == "стали подозрении в причастности"
    item = _one("Прокуратура обвинила Смирнова в сокрытии расходов.")
    assert item.claim == "сокрытие расходов"


def test_a_claim_goes_on_after_the_full_stop_of_an_abbreviation() -> None:
    item = _one(
        "Депутат Петров обвинил министра Иванова в сокрытии расходов на 15 млн руб. при"
        " строительстве моста."
    )
    assert item.claim == "сокрытие расходов на 15 млн руб. при строительстве моста"
    # negative: a new sentence after the abbreviation is not part of the claim
    [first, *_] = _items(
        "Прокуратура обвинила директора завода в хищении 20 млн руб. Директор вину не признаёт."
    )
    assert first.claim == "хищение 20 млн руб"


def test_a_quoted_denial_is_the_accuseds_answer_in_each_order_of_marks() -> None:
    accusation = "Следователи обвинили Петрова в получении взятки."
    for answer in (
        "«Это ложь», — заявил Петров.",
        "„Я ни в чём не виноват“, — сказал Петров.",
        '"Это клевета", — ответил Петров.',
        "Петров заявил: «Обвинения не соответствуют действительности».",
    ):
        item = _one(f"{accusation} {answer}")
        assert [(r.responder, r.kind) for r in item.responses] == [("Петров", "denial")], answer
    # negatives: a quotation that denies nothing, a denial by someone not accused
    for answer in ("«Мы будем работать дальше», — заявил Петров.", "«Это ложь», — заявил Сидоров."):
        assert _one(f"{accusation} {answer}").responses == (), answer


def _save(db: Database, outlet: str, title: str, text: str, when: datetime = NOW) -> None:
    source = store.add_source(db, f"https://{outlet}.example/rss", title=outlet)
    url = f"https://{outlet}.example/{len(text)}"
    store.save_articles(db, source.id, [ArticleIn(url, title, text, when)], now=when)


ACCUSED = "Депутат Сергей Петров обвинил Иванова в сокрытии расходов на строительство моста."
SAID = (
    "Скандал разгорелся в четверг. По словам Сергея Петрова, Иванов виновен в сокрытии расходов"
    " на строительство моста."
)


def test_one_accusation_from_two_outlets_is_one_entry_citing_both(db: Database) -> None:
    """Two outlets, two stories, one day: "Иванова" and "Иванов", "Депутат Сергей Петров" and
    "Сергея Петрова" were two entries (names compared by English rules, stories apart)."""
    _save(db, "Wire", "Депутат обвинил министра", ACCUSED)
    _save(db, "Paper", "Скандал вокруг моста", SAID)
    process.process_pending_sync(db, workers=1, now=NOW)
    [entry] = read.ledger(db)
    assert {s.name for s in entry.sources} == {"Wire", "Paper"}
    assert entry.allegation.target == "Иванов"


def test_reports_of_another_day_or_by_another_accuser_stay_apart(db: Database) -> None:
    _save(db, "Wire", "Депутат обвинил министра", ACCUSED)
    _save(db, "Paper", "Скандал вокруг моста", SAID, NOW - timedelta(days=2))
    _save(db, "Daily", "Сидоров о мосте", SAID.replace("Сергея Петрова", "Олега Сидорова"))
    process.process_pending_sync(db, workers=1, now=NOW)
    entries = read.ledger(db)
    assert sorted(s.name for e in entries for s in e.sources) == ["Daily", "Paper", "Wire"]
