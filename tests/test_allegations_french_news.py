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


# ---- the fourth sample's classes (round 27): speakers after quotations, things said in
# passing, and targets (a sentence-initial preposition or pronoun, ", lui,", an opening
# participle, an adjective after the object, speech-verb participles, a role in apposition)

NEWS4_NEGATIVES = [
    # a speaker named after a quotation that accuses no one is no target
    "C'est honteux », dénonce Paul Girard, président de l'association des commerçants.",
    # "présumé" named in passing
    "La police a indiqué que l'auteur présumé du braquage s'est enfui à pied.",
    # a verdict and a suit lost, stated in passing
    "Jugé pour favoritisme, l'ancien maire de la commune, Luc Bernard, écope de deux ans avec "
    "sursis.",
    "Lors d'un procès en diffamation perdu par l'élu contre un journal local, le témoin s'est tu.",
    # a participle opening the sentence with no word of wrongdoing
    "Accusé par la presse d'être trop prudent, le maire a démissionné.",
    # an arrest where the crime is only a place
    "Le conducteur a été arrêté sur les lieux du crime, près de la gare.",
]


@pytest.mark.parametrize("text", NEWS4_NEGATIVES)
def test_french_news_negatives(text: str) -> None:
    """A speaker's tag after a quotation naming no wrong, "présumé" in passing, a verdict or
    a lost suit in passing, an opening participle with no wrong, and "les lieux du crime" make
    no item."""
    assert extract(text, language="fr") == []


NEWS4_TARGETS = [
    # a sentence-initial preposition or pronoun is no name
    (
        "Le procureur a évoqué Jean Morel. Contre Jean Morel, trois ans ont été requis. "
        "Le parquet estime qu'il a détourné des fonds publics.",
        "Jean Morel",
    ),
    (
        '"Nous avons arrêté un homme soupçonné de vol avec violence", a annoncé la police.',
        "homme",
    ),
    # a speech verb's present participle is no party
    (
        "Un homme a été interpellé, a indiqué la gendarmerie, précisant avoir aussi arrêté deux "
        "personnes soupçonnées de recel.",
        "personnes",
    ),
    # a pronoun set off by commas after the verb stands for its subject
    ("Le syndicat accusait, lui, la direction de fraude aux heures supplémentaires.", "direction"),
    # a participle opening the sentence: the main clause's subject
    (
        "Interpellé en mars après des semaines de surveillance, ce jeune comptable avait avoué "
        "le détournement.",
        "jeune comptable",
    ),
    # an adjective after the object is not a second party
    (
        "Le député, qui avait accusé la présidente sortante du conseil d'avoir truqué le vote, "
        "a maintenu ses propos.",
        "présidente",
    ),
    # a role in apposition to a name an "against" word governs: the name
    (
        "Le juge a classé la plainte contre Marc Petit, un ancien trésorier du club poursuivi "
        "pour abus de confiance.",
        "Marc Petit",
    ),
]


@pytest.mark.parametrize(("text", "target"), NEWS4_TARGETS)
def test_french_news_targets(text: str, target: str) -> None:
    """The accused is the target: not "Contre", "Nous", a participle, the subject, an
    adjective or the role of a name."""
    items = extract(text, language="fr")
    assert items, text
    assert items[-1].target == target, [i.target for i in items]


def test_french_news_kept() -> None:
    """An accusing verb after a quotation, a quotation that names its wrong, a name that opens
    the sentence after a place, and a source's subject keep their items."""
    for text, target in (
        ("« Il a volé la caisse », accuse la gérante, Anne Roux, à propos de son associé.", ""),
        (
            "À Nantes, quatre personnes ont été interpellées pour avoir pillé un magasin.",
            "personnes",
        ),
        ("Selon Mediapart, la directrice du centre aurait favorisé son frère.", "directrice"),
    ):
        items = extract(text, language="fr")
        assert items, text
        if target:
            assert items[-1].target == target, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La famille du cycliste a porté plainte contre X pour homicide involontaire.", "fr"),
        ("Une information judiciaire contre X a été ouverte pour blessures involontaires.", "fr"),
        ("Der Vermieter hat Anzeige gegen Unbekannt wegen Sachbeschädigung erstattet.", "de"),
    ],
)
def test_a_complaint_against_persons_unknown_names_no_party(text: str, language: str) -> None:
    """ "Contre X" and "gegen Unbekannt" are the law's words for persons unknown: a complaint
    against no one named is no ledger item (three such items on real French news, sample 4)."""
    assert extract(text, language=language) == []


def test_a_complaint_against_someone_named_keeps_its_party() -> None:
    (item,) = extract(
        "La famille du cycliste a porté plainte contre la société Transalp pour homicide "
        "involontaire.",
        language="fr",
    )
    assert item.target.endswith("Transalp")
