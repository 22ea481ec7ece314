"""French precision and targets by class, from a hand-judged sample of real news (Orange Actu).

Every sentence here is written for the test; none is taken from the sample.
"""

from __future__ import annotations

import pytest

from digests.allegations import extract

NEGATIVES = [
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


@pytest.mark.parametrize("text", NEGATIVES)
def test_french_news_negatives(text: str) -> None:
    """A speaker's tag after a quotation naming no wrong, "présumé" in passing, a verdict or
    a lost suit in passing, an opening participle with no wrong, and "les lieux du crime" make
    no item."""
    assert extract(text, language="fr") == []


TARGETS = [
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


@pytest.mark.parametrize(("text", "target"), TARGETS)
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
