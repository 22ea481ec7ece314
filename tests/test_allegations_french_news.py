"""The French ledger's precision rules from real news (issue 12): sentences written here, in the
shape of the news where the ledger erred, each rule with the hard negative it must refuse."""

from __future__ import annotations

import pytest

from digests.allegations import extract
from digests.models import Allegation


def _items(text: str) -> list[Allegation]:
    return extract(text, language="fr")


def _one(text: str) -> Allegation:
    [item] = _items(text)
    return item


# ---- a reportative conditional is an allegation only when its subject did the wrong


def test_conditional_of_a_wrong_done_by_its_subject_is_an_allegation() -> None:
    item = _one("Le trésorier du club aurait détourné plusieurs milliers d'euros.")
    assert (item.accuser, item.target, item.kind) == ("", "trésorier", "allegation")


@pytest.mark.parametrize(
    "text",
    [
        # a harm done to the subject (passive), with a legal source or none
        "Selon les gendarmes, la passante aurait été frappée dans le parking puis abandonnée.",
        "Le gardien aurait été pris d'une crise de nerfs, selon les premiers éléments de l'enquête.",
        # the subject is the victim
        "Les deux victimes auraient eu peur que leurs agresseurs reviennent.",
        # the wrong word is in a name, not in what the subject did
        'Le skipper aurait longtemps navigué sur le voilier "Pirates du Ponant" en Bretagne.',
        # the wrong is in another clause, done by someone else
        "Les témoins auraient eu le sentiment que les agresseurs voulaient les tuer.",
    ],
)
def test_conditional_about_a_victim_or_a_plain_fact_is_none(text: str) -> None:
    assert _items(text) == []


# ---- a source attribution needs a party said to have done the wrong


def test_source_naming_the_party_that_did_the_wrong_is_an_allegation() -> None:
    item = _one("Selon les enquêteurs, le gérant a détourné l'argent de la caisse.")
    assert (item.accuser, item.target) == ("enquêteurs", "gérant")


@pytest.mark.parametrize(
    "text",
    [
        # figures of harm reported by a source: a passive, no party did it
        "Selon un bilan de la préfecture, quarante voitures ont été incendiées dans la nuit.",
        # the source says the wrong was not done
        "Selon le maire, les cambrioleurs n'ont rien volé dans la mairie.",
    ],
)
def test_source_reporting_a_fact_is_none(text: str) -> None:
    assert _items(text) == []


# ---- a verdict stated as fact and a denial are no allegation


@pytest.mark.parametrize(
    "text",
    [
        "À Lille, deux manifestants ont écopé de deux mois de prison pour avoir incendié des "
        "poubelles, selon le journal local.",
        "Il s'agit d'une attaque sans fondement contre notre association, a déclaré sa présidente.",
    ],
)
def test_verdict_or_denial_is_none(text: str) -> None:
    assert _items(text) == []


# ---- targets: fronted participles are no names, "M." belongs to the name, passives


def test_a_fronted_participle_is_no_name() -> None:
    text = (
        "Karim Benali travaillait depuis un an sur le chantier. "
        "Interpellé mardi, il est soupçonné d'avoir volé des câbles de cuivre."
    )
    [item] = _items(text)
    assert item.target == "Karim Benali"


def test_a_fronted_name_before_a_capitalised_word_stays_a_name() -> None:
    item = _one("André Martin est accusé de fraude fiscale par le fisc suisse.")
    assert item.target == "André Martin"


def test_a_title_belongs_to_the_name() -> None:
    item = _one(
        "Depuis mars, M. Le Goff est visé par une plainte pour harcèlement moral déposée par "
        "deux salariées."
    )
    assert item.target == "M. Le Goff"


def test_a_passive_charge_has_its_subject_as_target_and_no_accuser() -> None:
    item = _one("Un gardien de nuit, Marc Olivier, a été inculpé du meurtre d'un collègue.")
    assert (item.accuser, item.target, item.kind) == ("", "Marc Olivier", "charge")


def test_an_active_charge_keeps_its_accuser() -> None:
    item = _one("Le parquet a inculpé le gardien de vol aggravé.")
    assert (item.accuser, item.target, item.kind) == ("parquet", "gardien", "charge")
