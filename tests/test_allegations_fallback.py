"""The fallback reader (``digests/allegations/fallback.py``): sentences no clause pattern reads.

Each language has allegations only the fallback reads (marked ``reading="fallback"``) and hard
negatives built on the same words (negation, question, threat or plan, a verdict stated as fact,
another sense of the word), which stay out with the patterns on and with the fallback alone.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from digests.allegations import ClauseLexicon, cues_for, extract, kinds

# (language, sentence, accuser, target, kind): read by the fallback reader only
READ = [
    (
        "ru",
        "Жители посёлка написали коллективную жалобу на управляющую компанию за незаконные поборы.",
        "Жители",
        "управляющую компанию",
        "lawsuit",
    ),
    (
        "fr",
        "Le gérant du camping, soupçonné par ses saisonniers de travail dissimulé, a fermé "
        "l'établissement.",
        "saisonniers",
        "gérant",
        "accusation",
    ),
    (
        "fr",
        "Trois riverains ont déposé une plainte pour pollution contre la distillerie voisine.",
        "riverains",
        "distillerie voisine",
        "lawsuit",
    ),
    (
        "de",
        "Anwohner haben eine Anzeige gegen die Brennerei wegen illegaler Abwassereinleitung "
        "erstattet.",
        "Anwohner",
        "Brennerei",
        "lawsuit",
    ),
    (
        "es",
        "Los vecinos han interpuesto una denuncia por vertidos ilegales contra la destilería.",
        "vecinos",
        "destilería",
        "lawsuit",
    ),
    (
        "es",
        "El dueño del camping, denunciado por sus temporeros por explotación laboral, cerró el "
        "negocio.",
        "temporeros",
        "dueño",
        "accusation",
    ),
    # ninth round: "wegen Dopingverdachts", a suspicion the subject is under; an attributive
    # cue with no quotation before its clause still reads the subject
    (
        "de",
        "Der Chef der Baufirma ist wegen angeblicher Bestechung zurückgetreten.",
        "",
        "Chef",
        "accusation",
    ),
    (
        "de",
        "Die Schwimmerin Lena Roth ist wegen Dopingverdachts vorläufig gesperrt worden.",
        "",
        "Schwimmerin Lena Roth",
        "accusation",
    ),
]

# (language, sentence): no allegation, whichever reader tries it
HARD_NEGATIVES = [
    ("ru", "Арендаторы не подавали жалобу на директора рынка за вымогательство."),
    ("ru", "Подадут ли арендаторы жалобу на директора рынка за вымогательство?"),
    ("ru", "Арендаторы подадут жалобу на директора рынка за вымогательство, если он не уйдёт."),
    ("ru", "Директора рынка осудили за вымогательство, обвинения против него подтвердились."),
    ("ru", "Вратарь подал жалобу на судейство после матча."),
    ("ru", "Директор рынка отрицает обвинения в вымогательстве."),
    ("fr", "Trois riverains n'ont pas déposé de plainte pour pollution contre la distillerie."),
    ("fr", "Trois riverains déposeront-ils une plainte pour pollution contre la distillerie ?"),
    ("fr", "Trois riverains menacent de déposer une plainte pour pollution contre la distillerie."),
    ("fr", "La distillerie a été condamnée pour pollution après la plainte des riverains."),
    ("fr", "Le cycliste accuse le coup après sa chute dans la descente."),
    ("fr", "La distillerie dément toute pollution."),
    # "Attaque" is an attack more often than a suit (300 Orange Actu articles: six false items).
    ("fr", "Vendredi, deux personnes ont été blessées dans cette attaque."),
    ("fr", "L'élue condamne l'ignoble attaque terroriste survenue devant les anciens locaux."),
    ("de", "Anwohner haben keine Anzeige gegen die Brennerei wegen Abwassereinleitung erstattet."),
    ("de", "Haben Anwohner eine Anzeige gegen die Brennerei wegen Abwassereinleitung erstattet?"),
    ("de", "Anwohner drohen mit einer Anzeige gegen die Brennerei wegen Abwassereinleitung."),
    (
        "de",
        "Die Brennerei wurde wegen illegaler Abwassereinleitung zu einer Geldstrafe verurteilt.",
    ),
    ("de", "Der Verteidiger warf den Ball ins Aus."),
    ("de", "Die Hausverwaltung bestreitet jeden Betrug."),
    ("es", "Los vecinos no han interpuesto ninguna denuncia por vertidos contra la destilería."),
    ("es", "¿Interpondrán los vecinos una denuncia por vertidos ilegales contra la destilería?"),
    ("es", "Los vecinos amenazan con una denuncia por vertidos ilegales contra la destilería."),
    ("es", "La destilería fue condenada por vertidos ilegales tras la denuncia de los vecinos."),
    ("es", "El equipo acusó el cansancio en la segunda parte."),
    ("es", "El administrador niega cualquier fraude."),
    ("de", "Der Bahnhof wurde wegen Verdachts auf ein Gasleck geräumt."),  # no wrong named
    # a clause after a quotation names its speaker, no suspect (ninth round)
    (
        "de",
        "„Wir prüfen das“, sagte die Sprecherin des Konzerns zu den Berichten über mutmaßliche "
        "Preisabsprachen.",
    ),
]


def _alone(language: str) -> ClauseLexicon:
    """Return the language's cues with every clause pattern switched off."""
    cues = cues_for(language)
    assert isinstance(cues, ClauseLexicon)
    return replace(cues, patterns=())


@pytest.mark.parametrize(("language", "text", "accuser", "target", "kind"), READ)
def test_the_fallback_reads_what_no_pattern_reads(
    language: str, text: str, accuser: str, target: str, kind: str
) -> None:
    (item,) = extract(text, language=language)
    assert (item.accuser, item.target, item.kind) == (accuser, target, kind)
    assert item.reading == kinds.FALLBACK_READING
    (alone,) = extract(text, lexicon=_alone(language))
    assert alone == item


@pytest.mark.parametrize(("language", "text"), HARD_NEGATIVES)
def test_hard_negatives_stay_out_of_the_fallback(language: str, text: str) -> None:
    assert extract(text, language=language) == []
    assert extract(text, lexicon=_alone(language)) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Французская прокуратура обвинила Павла Дурова в соучастии."),
        ("fr", "Le parquet de Paris accuse Pavel Durov de complicité de trafic de stupéfiants."),
        ("de", "Die Polizei beschuldigt den Mann, mehrere Autos aufgebrochen zu haben."),
        ("es", "La fiscalía acusa a Pável Dúrov de complicidad en el tráfico de drogas."),
    ],
)
def test_a_pattern_reading_wins_and_is_not_marked(language: str, text: str) -> None:
    (item,) = extract(text, language=language)
    assert item.reading == ""


def test_english_has_no_fallback() -> None:
    """The English rules are not clause patterns: no item of theirs is a fallback reading."""
    text = "Residents filed a complaint against the distillery over illegal dumping."
    assert all(item.reading == "" for item in extract(text, language="en"))


def test_every_clause_file_has_the_fallback_keys() -> None:
    for language in ("ru", "fr", "de", "es"):
        cues = cues_for(language)
        assert isinstance(cues, ClauseLexicon)
        assert cues.fallback_active and cues.fallback_passive and cues.fallback_nominal
        assert cues.fallback_against and cues.fallback_blockers
