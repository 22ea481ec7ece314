"""The /allegations buttons name parties, never fragments (issue 12), in each article's language.

The cases are the kinds of button the product offered on real news before (``bench/ledger_names.py``
over BBC, Wikinews and the German set): each negative was a button once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from digests import read, store
from digests.allegations import extract, is_button_name
from digests.models import Allegation, ArticleIn


@pytest.mark.parametrize(
    ("name", "language", "button"),
    [
        # English: a description of someone unnamed, a relation, a fragment, a role alone
        ("Florida man", "en", False),
        ("A Dutch-Moroccan man", "en", False),
        ("drunken Liverpool football fans", "en", False),
        ("four Turkish army officers", "en", False),
        ("Three people within Mubarak's administration", "en", False),
        ("His wife", "en", False),
        ("His two sons", "en", False),
        ("Thomas' sister", "en", False),
        ("Joe Biden only", "en", False),
        ("Social media", "en", False),
        ("Correa's government of having links", "en", False),
        ("investigation into Trump", "en", False),
        ("leader of the group AntiMadCow", "en", False),
        ("myself and the Scottish Labour party", "en", False),
        ("former Libertines singer", "en", False),
        ("police", "en", False),
        # English names: with a role, an age, an institution after the name, several words
        ("Interior Minister Priti Patel", "en", True),
        ("21-year-old Patrick Crusius of Allen", "en", True),
        ("Kazakhstan officials", "en", True),
        ("Trump campaign", "en", True),
        ("Titan corporation", "en", True),
        ("members of the Brazilian Landless Workers Movement (MST)", "en", True),
        ("Mr Blair and other Cabinet ministers", "en", True),
        ("Craig Oliver", "en", True),  # a name of a role's shape ("-er") is a name
        ("Jong Woo Son", "en", True),
        ("United States", "en", True),
        ("Bank of America", "en", True),
        ("U.S.", "en", True),
        ("al-Qaeda", "en", True),
        ("Toronto Police", "en", True),
        # German: nouns are capitalised, a role alone is no name
        ("Konzern", "de", False),
        ("Inhaber", "de", False),
        ("52-jähriger Lagerverwalter", "de", False),
        ("Bürgermeister von Lindenau", "de", False),
        ("Trainer des Zweitligisten", "de", False),
        ("Betreiber des Windparks Hohe Heide", "de", False),
        ("Peter Kallmeyer", "de", True),
        ("Hausverwaltung Lindner", "de", True),
        ("Stadt Erfurt", "de", True),
        ("Landrat Bernd Häusler", "de", True),
        ("Stromanbieter Voltana", "de", True),
        ("Hahn einen 34-Jährigen fest", "de", False),  # a clause's words after a name
        # Russian: a plural role or a count opening a sentence, a role alone
        ("Лоббисты", "ru", False),
        ("Двое", "ru", False),
        ("Глава", "ru", False),
        ("президент Рахмон", "ru", True),
        ("мэр Бостона Томас Менино", "ru", True),
        ("администрация Руссефф", "ru", True),
        ("Винник", "ru", True),
        ("экс-начальник Метрополитена было", "ru", False),
        ("Лента.ру", "ru", True),
        # Spanish and French
        ("Gobierno", "es", False),
        ("candidato del GIL", "es", False),
        ("diplomática norteamericana Cheri Leberknight", "es", True),
        ("compagnie Air France", "fr", True),
        ("distillerie Martel", "fr", True),
        ("Francophonie l’excès", "fr", False),
        ("Partido Reformista", "es", True),
    ],
)
def test_a_button_is_a_name(name: str, language: str, button: bool) -> None:
    assert is_button_name(name, language) is button


def test_buttons_are_read_in_their_articles_language(db: Database) -> None:
    # English rules took every capitalised German noun for a name: "Konzern" had a button.
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    targets = [
        ("Konzern", "de"),
        ("Konzern", "de"),
        ("Inhaber", "de"),
        ("Hausverwaltung Lindner", "de"),
        ("Florida man", "en"),
        ("Lobbyists", "en"),
        ("Лоббисты", "ru"),
        ("экс-начальник Метрополитена было", "ru"),
        ("Kazakhstan officials", "en"),
        ("президент Рахмон", "ru"),
    ]
    for n, (target, language) in enumerate(targets):
        article = ArticleIn(
            f"https://news.example/{n}", f"Story {n}", f"Text {n}.", now, language=language
        )
        [aid] = store.save_articles(db, None, [article], now=now).new_ids
        item = Allegation(f"S{n}.", "", target, "fraud", "charge")
        store.save_allegations(db, aid, [item], 1)
    buttons = read.top_targets(db, since=now - timedelta(days=7), limit=20)
    assert sorted(name for name, _ in buttons) == [
        "Hausverwaltung Lindner",
        "Kazakhstan officials",
        "президент Рахмон",
    ]
    # the items stay stored (the ledger's text shows them); only their button goes
    stored = {t.target for t in store.allegation_targets(db, since=now - timedelta(days=7))}
    assert {"Konzern", "Florida man", "экс-начальник Метрополитена было"} <= stored


def test_an_initialism_keeps_its_last_dot() -> None:
    [item] = extract("Prosecutors accused the U.S. of hiding the files.")
    assert item.target == "U.S."
    [item] = extract("An Iraqi policeman says that the U.S. airstrike killed eight civilians.")
    assert item.target == "U.S."
