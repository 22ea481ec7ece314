"""Allegations in Russian, French, German and Spanish: clause patterns as data, names across
scripts, the labelled sets per language, and the ledger grouping one party across languages."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlite_utils import Database

from digests import allegations, process, read, store
from digests.allegations import (
    ClauseLexicon,
    LexiconError,
    extract,
    is_allegation,
    is_name,
    same_key,
    same_target,
    target_key,
)
from digests.models import ArticleIn
from tests.support import load_bench

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "digests" / "data"
SETS = ROOT / "tests" / "data"
LANGUAGES = ("ru", "fr", "de", "es")
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@cache
def _bench() -> ModuleType:
    return load_bench("allegations")


def _one(text: str, language: str) -> tuple[str, str, str]:
    [item] = extract(text, language=language)
    return item.accuser, item.target, item.kind


# ---- the rule classes, one sentence each (from the tune halves)

RULE_CLASSES = [
    # Russian: subject-verb-object with the claim in "в" + prepositional case; passives;
    # indefinite third person; charges; criminal cases; sources before and after the claim
    (
        "ru",
        "Французская прокуратура обвинила основателя Telegram Павла Дурова в соучастии.",
        "Французская прокуратура",
        "основателя Telegram Павла Дурова",
        "accusation",
    ),
    ("ru", "Дуров обвиняется в соучастии в мошенничестве.", "", "Дуров", "accusation"),
    ("ru", "Бывшего министра обвиняют в получении взятки.", "", "Бывшего министра", "accusation"),
    (
        "ru",
        "В понедельник прокуратура Парижа предъявила Дурову обвинения в отмывании денег.",
        "прокуратура Парижа",
        "Дурову",
        "charge",
    ),
    (
        "ru",
        "Против главы района возбуждено уголовное дело о превышении полномочий.",
        "",
        "главы района",
        "charge",
    ),
    (
        "ru",
        "По словам следователей, Дуров отказывался сотрудничать с полицией.",
        "следователей",
        "Дуров",
        "allegation",
    ),
    (
        "ru",
        "Мессенджер используется для торговли наркотиками, заявили в прокуратуре.",
        "прокуратуре",
        "Мессенджер",
        "allegation",
    ),
    (
        "ru",
        "Getty Images подала в суд на Stability AI за копирование фотографий.",
        "Getty Images",
        "Stability AI",
        "lawsuit",
    ),
    # French: "accuse X de", the passive with "par", "mis en examen pour", "reprocher à X de",
    # "selon X", the reporting conditional, a complaint
    (
        "fr",
        "Le parquet de Paris accuse Pavel Durov de complicité de trafic de stupéfiants.",
        "parquet de Paris",
        "Pavel Durov",
        "accusation",
    ),
    (
        "fr",
        "Le joueur est accusé par son ancien club d'avoir falsifié son contrat.",
        "ancien club",
        "joueur",
        "accusation",
    ),
    (
        "fr",
        "Pavel Durov a été mis en examen pour six infractions.",
        "",
        "Pavel Durov",
        "charge",
    ),
    (
        "fr",
        "L'opposition reproche au gouvernement d'avoir caché des informations.",
        "opposition",
        "gouvernement",
        "accusation",
    ),
    (
        "fr",
        "La plateforme aurait permis la diffusion de contenus pédopornographiques, selon le parquet.",
        "parquet",
        "plateforme",
        "allegation",
    ),
    (
        "fr",
        "L'association a porté plainte contre la mairie pour discrimination.",
        "association",
        "mairie",
        "lawsuit",
    ),
    # German: "wirft X vor, ..." (verb second, the particle last), the inverted order after an
    # adverbial, the passive "wird vorgeworfen", "soll ... haben", "laut X", "verklagt"
    (
        "de",
        "Die französische Justiz wirft Pavel Durov vor, Straftaten geduldet zu haben.",
        "französische Justiz",
        "Pavel Durov",
        "accusation",
    ),
    (
        "de",
        "Am Montag warf die Staatsanwaltschaft dem Unternehmen vor, Daten verkauft zu haben.",
        "Staatsanwaltschaft",
        "Unternehmen",
        "accusation",
    ),
    (
        "de",
        "Die EU-Kommission wirft Meta den Missbrauch seiner Marktmacht vor.",
        "EU-Kommission",
        "Meta",
        "accusation",
    ),
    (
        "de",
        "Dem Telegram-Gründer wird Beihilfe zum Drogenhandel vorgeworfen.",
        "",
        "Telegram-Gründer",
        "accusation",
    ),
    (
        "de",
        "Laut Staatsanwaltschaft soll der Manager Millionen veruntreut haben.",
        "Staatsanwaltschaft",
        "Manager",
        "allegation",
    ),
    (
        "de",
        "Getty Images verklagt Stability AI wegen der Nutzung von Millionen Fotos.",
        "Getty Images",
        "Stability AI",
        "lawsuit",
    ),
    # Spanish: "acusa a X de", "acusó al X de", "fue imputado por", "según X", "habría"
    (
        "es",
        "La fiscalía francesa acusa a Pável Dúrov de complicidad en el tráfico de drogas.",
        "fiscalía",  # an adjective after the noun is not read as part of the party
        "Pável Dúrov",
        "accusation",
    ),
    (
        "es",
        "La oposición acusó al Gobierno de ocultar información sobre la epidemia.",
        "oposición",
        "Gobierno",
        "accusation",
    ),
    ("es", "El exministro fue imputado por malversación.", "", "exministro", "charge"),
    (
        "es",
        "Según la Policía, el detenido vendía drogas a menores.",
        "Policía",
        "detenido",
        "allegation",
    ),
    (
        "es",
        "El alcalde habría cobrado sobornos de varias constructoras.",
        "",
        "alcalde",
        "allegation",
    ),
    (
        "es",
        "Getty Images demandó a Stability AI por copiar millones de fotografías.",
        "Getty Images",
        "Stability AI",
        "lawsuit",
    ),
    # third round (fresh2 opened for tuning); sentences written here
    # a capitalised adjective opening the sentence belongs to its noun; "-тор" agents are parties
    ("ru", "Известного блогера обвиняют в мошенничестве.", "", "Известного блогера", "accusation"),
    (
        "ru",
        "Против губернатора возбудили уголовное дело о мошенничестве.",
        "",
        "губернатора",
        "charge",
    ),
    # "как сообщает X, ..." is a source; an adjective before "иск"; institutions are parties
    (
        "ru",
        "Как сообщает прокуратура, бухгалтер присвоил деньги фонда.",
        "прокуратура",
        "бухгалтер",
        "allegation",
    ),
    (
        "ru",
        "Жильцы подали коллективный иск против управляющей компании.",
        "Жильцы",
        "управляющей компании",
        "lawsuit",
    ),
    (
        "ru",
        "Экологи заявили, что комбинат незаконно вырубает лес.",
        "Экологи",
        "комбинат",
        "allegation",
    ),
    # a determiner phrase in a slot the syntax fixes, when the claim names a wrong
    (
        "es",
        "La oposición acusa a la constructora de inflar los presupuestos.",
        "oposición",
        "constructora",
        "accusation",
    ),
    (
        "fr",
        "Le syndicat accuse la direction de licencier illégalement des grévistes.",
        "syndicat",
        "direction",
        "accusation",
    ),
    # a legal source in a fixed slot; a conditional's source after the claim
    (
        "fr",
        "D'après l'enquête, le trésorier détournait les fonds du club.",
        "enquête",
        "trésorier",
        "allegation",
    ),
    (
        "es",
        "El tesorero habría desviado fondos del partido, según la fiscalía.",
        "fiscalía",
        "tesorero",
        "allegation",
    ),
    # verb-second: the subject after the finite verb
    (
        "de",
        "Nach Erkenntnissen der Ermittler zweigte der Kassenwart Geld aus der Vereinskasse ab.",
        "Ermittler",
        "Kassenwart",
        "allegation",
    ),
    # court-report forms: arrests in a case, charges put forward, imputed crimes, wanted notices
    ("ru", "Суд арестовал бывшего мэра по делу о взятке.", "Суд", "мэра", "charge"),
    (
        "ru",
        "Против бизнесмена выдвинуты обвинения в уклонении от уплаты налогов.",
        "",
        "бизнесмена",
        "charge",
    ),
    ("ru", "Чиновнику вменяют превышение должностных полномочий.", "", "Чиновнику", "charge"),
    ("ru", "Бизнесмен объявлен в розыск по подозрению в мошенничестве.", "", "Бизнесмен", "charge"),
    ("ru", "Мэр стал фигурантом уголовного дела о коррупции.", "", "Мэр", "charge"),
    (
        "es",
        "El juez imputa al exalcalde un delito de prevaricación.",
        "juez",
        "exalcalde",
        "charge",
    ),
    ("es", "La jueza procesó al empresario por fraude fiscal.", "jueza", "empresario", "charge"),
    (
        "es",
        "La Fiscalía pide ocho años de cárcel para el empresario por estafa.",
        "Fiscalía",
        "empresario",
        "charge",
    ),
    (
        "es",
        "La empresa denunció a su antiguo socio por apropiación indebida.",
        "empresa",
        "antiguo socio",
        "lawsuit",
    ),
    (
        "fr",
        "Le parquet a ouvert une enquête contre le maire pour corruption.",
        "parquet",
        "maire",
        "allegation",
    ),
    (
        "fr",
        "La police a interpellé trois hommes pour trafic de drogue.",
        "police",
        "hommes",
        "charge",
    ),
    (
        "de",
        "Die Polizei nahm drei Männer wegen Drogenhandels fest.",
        "Polizei",
        "Männer",
        "charge",
    ),
    # a bare noun in a fixed slot when the claim names a wrong; sources that found out;
    # caught in the act; a dismissal after accusations; an adverb is no party
    ("ru", "Следствие подозревает главврача в халатности.", "Следствие", "главврача", "accusation"),
    (
        "ru",
        "Журналисты выяснили, что депутат скрывал зарубежную недвижимость.",
        "Журналисты",
        "депутат",
        "allegation",
    ),
    (
        "ru",
        "Сотрудники ФСБ задержали мэра города при получении взятки.",
        "Сотрудники ФСБ",
        "мэра города",
        "charge",
    ),
    ("ru", "Министра уволили после обвинений в коррупции.", "", "Министра", "allegation"),
    (
        "es",
        "La periodista acusó públicamente al senador de haberla amenazado.",
        "periodista",
        "senador",
        "accusation",
    ),
    (
        "es",
        "La Policía Nacional ha detenido a un hombre acusado de estafar a ancianos.",
        "Policía Nacional",
        "hombre",
        "charge",
    ),
    (
        "es",
        "El sindicato ha denunciado a la empresa ante la Inspección de Trabajo por no pagar las "
        "horas extra.",
        "sindicato",
        "empresa",
        "lawsuit",
    ),
    (
        "es",
        "El fiscal considera que el acusado actuó con premeditación.",
        "fiscal",
        "acusado",
        "claim",
    ),
    (
        "fr",
        "Trois personnes ont été interpellées pour trafic de stupéfiants.",
        "",
        "personnes",
        "charge",
    ),
    (
        "de",
        "Gegen den Bürgermeister wird wegen Untreue ermittelt.",
        "",
        "Bürgermeister",
        "allegation",
    ),
    ("de", "Der Konzern wurde wegen Preisabsprachen verklagt.", "", "Konzern", "lawsuit"),
    # fourth round (fresh3 opened for tuning); sentences written here
    # a name set off by commas after a role is the party: object and subject
    (
        "fr",
        "La justice accuse l'ancien maire de Lyon, Marc Dubois, de corruption.",
        "justice",
        "Marc Dubois",
        "accusation",
    ),
    (
        "es",
        "La exalcaldesa de Toledo, Ana Gil, está acusada de malversación.",
        "",
        "Ana Gil",
        "accusation",
    ),
    # French: "assigner en justice" with the object after; an arrest of a suspect; a report's
    # author after "selon un rapport de"; a wrong "commis par" someone; parties of elections
    (
        "fr",
        "Le syndicat a assigné en justice la direction pour harcèlement.",
        "syndicat",
        "direction",
        "lawsuit",
    ),
    (
        "fr",
        "Les policiers ont interpellé un homme soupçonné d'avoir incendié une voiture.",
        "policiers",
        "homme",
        "charge",
    ),
    (
        "fr",
        "Selon un rapport de la Cour des comptes, le ministère a dissimulé des dépenses.",
        "Cour des comptes",
        "ministère",
        "allegation",
    ),
    ("fr", "L'ONG dénonce des violences commises par la police.", "ONG", "police", "accusation"),
    (
        "fr",
        "Le candidat dénonce des fraudes commises par le parti adverse.",
        "candidat",
        "parti",
        "accusation",
    ),
    # German: "jemandem vorhalten, ... zu haben"; compounds of "-regierung"; a fronted "gegen"
    # with the indictment; an arrest with a reportative relative clause ("... haben soll");
    # "laut einem Bericht des X"; arson as a wrong; common nouns after a role are no name
    (
        "de",
        "Der Betriebsrat hält der Geschäftsführung vor, Beschäftigte eingeschüchtert zu haben.",
        "Betriebsrat",
        "Geschäftsführung",
        "accusation",
    ),
    (
        "de",
        "Die Opposition beschuldigt die Bundesregierung, Akten vernichtet zu haben.",
        "Opposition",
        "Bundesregierung",
        "accusation",
    ),
    (
        "de",
        "Gegen den früheren Landrat hat die Staatsanwaltschaft Anklage wegen Untreue erhoben.",
        "Staatsanwaltschaft",
        "früheren Landrat",
        "charge",
    ),
    (
        "de",
        "Gegen den Arzt erhebt die Staatsanwaltschaft Anklage wegen Betrugs.",
        "Staatsanwaltschaft",
        "Arzt",
        "charge",
    ),
    (
        "de",
        "Die Polizei nahm einen Mann fest, der mehrere Autos aufgebrochen haben soll.",
        "Polizei",
        "Mann",
        "charge",
    ),
    (
        "de",
        "Laut einem Gutachten des Landesamts hat die Firma Abwasser illegal eingeleitet.",
        "Landesamts",
        "Firma",
        "allegation",
    ),
    (
        "de",
        "Nach Angaben der Polizei soll der Mann eine Scheune in Brand gesetzt haben.",
        "Polizei",
        "Mann",
        "allegation",
    ),
    # Spanish: perfect tenses of "imputar" and "demandar"; an adjective after "querella";
    # "atribuir a X la muerte de"; "según un informe de"; "denunciar ... cometidos por";
    # drugs as a wrong
    (
        "es",
        "El juez ha imputado a la alcaldesa por prevaricación.",
        "juez",
        "alcaldesa",
        "charge",
    ),
    (
        "es",
        "El futbolista ha demandado a su exrepresentante por estafa.",
        "futbolista",
        "exrepresentante",
        "lawsuit",
    ),
    (
        "es",
        "Los vecinos han presentado una querella criminal contra la constructora.",
        "vecinos",
        "constructora",
        "lawsuit",
    ),
    (
        "es",
        "Amnistía Internacional atribuye al ejército la muerte de tres civiles.",
        "Amnistía Internacional",
        "ejército",
        "allegation",
    ),
    (
        "es",
        "Según un informe de la Sindicatura de Cuentas, el ayuntamiento desvió fondos públicos.",
        "Sindicatura de Cuentas",
        "ayuntamiento",
        "allegation",
    ),
    (
        "es",
        "La ONG denuncia abusos cometidos por la policía fronteriza.",
        "ONG",
        "policía",
        "accusation",
    ),
    (
        "es",
        "Según la policía, los detenidos distribuían heroína en el barrio.",
        "policía",
        "detenidos",
        "allegation",
    ),
]


@pytest.mark.parametrize(("language", "text", "accuser", "target", "kind"), RULE_CLASSES)
def test_rule_classes(language: str, text: str, accuser: str, target: str, kind: str) -> None:
    assert _one(text, language) == (accuser, target, kind)


HARD_NEGATIVES = [
    # fifth round: court and custody words with no wrong named; a source with none
    ("fr", "Le témoin comparaît pour la deuxième fois devant la cour."),
    ("fr", "Le suspect a été placé en garde à vue pour les besoins de l'enquête."),
    ("de", "Der Zeuge muss sich morgen erneut den Fragen des Gerichts stellen."),
    ("ru", "В мэрии уверены, что ремонт моста закончится к осени."),
    ("es", "La Fiscalía descarta por ahora acusar al conductor del autobús."),
    ("ru", "Прокуратура не обвиняла Дурова в мошенничестве."),  # negated
    ("ru", "Если прокуратура обвинит Дурова в мошенничестве, ему грозит срок."),  # hypothesis
    ("ru", "Обвинят ли Дурова в соучастии?"),  # question
    ("ru", "Прокуратура может предъявить обвинения уже на следующей неделе."),  # may charge
    ("ru", "Футболист заявил о готовности бороться за чемпионский титул."),  # sports claim
    ("ru", "По словам полиции, стрельба началась около десяти утра."),  # no wrongdoing
    ("fr", "Le parquet n'accuse pas Durov de trafic de drogue."),
    # twentieth round: a case closed for want of a crime; accusations judged in general; a
    # capitalised first word alone is no object before its subject
    (
        "ru",
        "Дело предпринимателя Ивана Зуева, которого подозревали в мошенничестве, закрыто: "
        "следователи не нашли состава преступления.",
    ),
    ("de", "Vorwürfe gegen Lehrer werden nach Ansicht des Verbands häufig vorschnell erhoben."),
    ("ru", "Эту версию следствие подозревает в слабости."),
    # nineteenth round: a complaint shelved ("carpetazo") is no allegation
    ("es", "Carpetazo a la querella contra el alcalde de Tomelloso: el juez no ve delito."),
    ("fr", "Si la justice accusait Durov de complicité, il risquerait dix ans de prison."),
    ("fr", "Durov sera-t-il accusé de complicité ?"),
    ("fr", "L'équipe accuse un retard de cinq points sur le leader."),  # sports: "is behind"
    ("fr", "L'assureur a rejeté la réclamation du client après l'incendie."),  # insurance claim
    ("fr", "L'entreprise menace de porter plainte contre le journal."),
    ("de", "Die Staatsanwaltschaft wirft Durov nicht vor, selbst Drogen verkauft zu haben."),
    ("de", "Wenn die Justiz Durov Beihilfe vorwerfen würde, drohten ihm zehn Jahre Haft."),
    ("de", "Wird Durov Beihilfe zum Drogenhandel vorgeworfen?"),
    ("de", "Die Versicherung lehnte den Anspruch des Kunden nach dem Hochwasser ab."),
    ("de", "Das neue Gesetz soll im Mai in Kraft treten."),  # "soll" with no wrongdoing
    ("de", "Die Mannschaft wirft nach der Niederlage alle Pläne über den Haufen."),
    ("es", "La Fiscalía no acusa a Dúrov de vender drogas."),
    ("es", "Si la justicia acusara a Dúrov de complicidad, podría enfrentarse a diez años."),
    ("es", "¿Acusarán a Dúrov de complicidad?"),
    ("es", "El delantero acusó el cansancio en la segunda parte."),  # sports: "felt"
    ("es", "La aseguradora rechazó la reclamación del cliente tras la inundación."),
    ("es", "La demanda de vivienda sigue creciendo en las grandes ciudades."),  # "demand"
    # third round: a fixed slot's determiner phrase with no wrong named; sources of no wrong
    ("es", "El equipo acusó el cansancio del viaje."),
    ("fr", "L'équipe accuse un retard de dix points."),
    ("es", "Según la investigación, el incendio comenzó en la cocina."),
    ("fr", "D'après l'enquête, l'incendie a commencé dans la cuisine."),
    ("de", "Nach Erkenntnissen der Ermittler begann das Feuer in der Küche."),
    ("ru", "Как сообщает пресс-служба, концерт перенесли на субботу."),
    ("ru", "Мэр заявил, что комбинат работает в обычном режиме."),
    ("ru", "Суд арестовал имущество компании по делу о банкротстве."),  # no wrong named
    ("ru", "Сотрудникам вменяют в обязанность носить форму."),  # "вменять в обязанность"
    ("es", "El ministro denunció a la oposición por su silencio."),  # "denunciar": condemn
    ("fr", "Le parquet a ouvert une enquête contre X pour déterminer les causes de l'accident."),
    ("de", "Die Polizei nahm die Aussagen der Zeugen wegen des Unfalls auf."),
    ("ru", "Министра уволили после обвинений прессы."),  # no wrong named
    ("ru", "Оппозиционного политика задержали на акции протеста."),  # an arrest, no reason
    ("es", "Los vecinos denuncian que el autobús llega tarde."),
    ("es", "El acusado llegó al juzgado a las diez."),
    ("es", "El exconsejero fue condenado a seis años por malversación."),  # a sentence
    ("fr", "L'ancien maire a été condamné à deux ans de prison pour corruption."),
    ("de", "Der Trainer wurde zu einer Geldstrafe verurteilt."),
    ("de", "Gegen den Bürgermeister wird wegen des Unwetters nicht ermittelt."),  # negated
    # fourth round
    ("fr", "Le maire, Patrick Renard, n'est pas accusé de corruption."),  # apposition, negated
    ("es", "El director, Pedro Gil, no está acusado de nada."),
    ("fr", "Le syndicat n'a pas assigné en justice la direction."),
    ("fr", "Selon un rapport de Météo-France, la tempête a fait trois morts."),  # no wrong
    ("fr", "Le syndicat dénonce une réforme organisée par le gouvernement."),  # no wrong
    ("de", "Die Firma hält sich rechtliche Schritte vor."),  # "sich vorhalten": reserve
    ("de", "Der Verein hält dem Trainer nicht vor, die Niederlage verschuldet zu haben."),
    ("de", "Gegen den Landrat hat die Staatsanwaltschaft keine Anklage erhoben."),
    ("de", "Die Polizei nahm einen Mann fest, der morgen aussagen soll."),  # "soll": a duty
    ("de", "Laut einem Bericht des Wetterdienstes hat es im Mai viel geregnet."),
    ("de", "Nach Angaben der Feuerwehr geriet die Scheune in Brand."),  # a fire, no arson
    ("es", "El juez no ha imputado a la alcaldesa por prevaricación."),
    ("es", "El futbolista podría haber demandado a su club."),
    ("es", "Los vecinos estudian presentar una demanda colectiva contra la constructora."),
    ("es", "Los científicos atribuyen a la sequía la muerte de los peces."),  # no party
    ("es", "Según un informe de la Aemet, el verano fue el más caluroso."),
    ("es", "El club denuncia una campaña organizada por sus rivales."),  # no wrong
    ("es", "Según la OMS, el consumo de cocaína ha aumentado en Europa."),  # no party
    # ninth round: a conditional after a pronoun is still one (only after an article or a
    # preposition is "-ería" a noun); "nichts dran" denies the reports it speaks of
    ("es", "El empresario, al que se acusaría de fraude, dimitió."),
    ("es", "La fiscalía lo acusaría de fraude si tuviera pruebas."),
    (
        "de",
        "„Da ist nichts dran“, sagte der Chef der Baufirma zu den Berichten über angebliche Bestechung.",
    ),
]


@pytest.mark.parametrize(("language", "text"), HARD_NEGATIVES)
def test_hard_negatives(language: str, text: str) -> None:
    assert extract(text, language=language) == []


# ---- issue 12, fifth round: the constructions of digests/data/allegation_cues.md ("The
# constructions news uses, per language"), each with an allegation and a hard negative
# written here (not lines of any split)

CONSTRUCTIONS = [
    (
        "ru",
        "participle_fronted",
        "Подозреваемый в поджоге склада охранник Игорь Сизов задержан.",
        "",
        "охранник Игорь Сизов",
        "charge",
        "Подозреваемый в суде отказался от показаний.",
    ),
    (
        "ru",
        "participle_after_subject",
        "Экс-директор рынка Пётр Гуров, обвиняемый в вымогательстве, скрылся.",
        "",
        "Пётр Гуров",  # the name before the comma (seventh round), no longer "Экс-директор"
        "charge",
        "Экс-директор рынка Пётр Гуров, обвиняемый в вымогательстве, не скрывался, заявил адвокат?",
    ),
    (
        "ru",
        "accusations_put_forward",
        "Обвинения, выдвинутые против мэра Тулы, касаются растраты.",
        "",
        "мэра Тулы",
        "accusation",
        "Обвинения, выдвинутые против мэра Тулы, могут быть сняты?",
    ),
    (
        "ru",
        "accusations_put_forward_by",
        "Обвинения, выдвинутые экологами против завода «Азот», касаются выбросов.",
        "экологами",
        "завода «Азот»",
        "accusation",
        "Если обвинения, выдвинутые экологами против завода «Азот», подтвердятся, его закроют.",
    ),
    (
        "ru",
        "source_legal",
        "По версии следствия, кассир похитила из сейфа два миллиона рублей.",
        "следствия",
        "кассир",
        "allegation",
        "По версии синоптиков, снег выпадет в пятницу.",
    ),
    (
        "ru",
        "claim_that_adjective_subject",
        "Местные жители утверждают, что строительная компания незаконно вырубила рощу.",
        "Местные жители",
        "строительная компания",
        "claim",
        "Местные жители утверждают, что строительная компания закончит работы к лету.",
    ),
    (
        "ru",
        "trial_over",
        "В Омске начался суд над бывшим прокурором Олегом Ивиным, обвиняемым в получении взятки.",
        "",
        "прокурором Олегом Ивиным",
        "charge",
        "В Омске начался суд над бывшим прокурором Олегом Ивиным, если верить слухам?",
    ),
    (
        "ru",
        "appear_in_court",
        "Бывший судья Антон Белых предстанет перед судом по обвинению в мошенничестве.",
        "",
        "Бывший судья Антон Белых",
        "charge",
        "Если бывший судья Антон Белых предстанет перед судом по обвинению в мошенничестве, дело получит огласку.",
    ),
    (
        "ru",
        "detained_fronted_reason",
        "По подозрению в краже кабеля задержан сторож стройки.",
        "",
        "сторож",
        "charge",
        "По подозрению в краже кабеля никто не задержан.",
    ),
    (
        "ru",
        "complaint_filed",
        "Пенсионерка написала заявление в полицию на соседа.",
        "Пенсионерка",
        "соседа",
        "lawsuit",
        "Пенсионерка собирается написать заявление в полицию на соседа.",
    ),
    (
        "ru",
        "applied_to_court",
        "Компания «Гранит» обратилась в суд с иском к мэрии.",
        "Компания «Гранит»",
        "мэрии",
        "lawsuit",
        "Компания «Гранит» намерена обратиться в суд с иском к мэрии.",
    ),
    (
        "fr",
        "fronted_accused_by",
        "Accusé par ses associés d'abus de confiance, le gérant Paul Roux a démissionné.",
        "associés",
        "gérant Paul Roux",
        "accusation",
        "Accusé par ses associés d'être trop prudent, le gérant Paul Roux a démissionné ?",
    ),
    (
        "fr",
        "fronted_accused",
        "Soupçonnée de fraude fiscale, la chanteuse Léa Morel a été entendue.",
        "",
        "chanteuse Léa Morel",
        "accusation",
        "Accusée de tous les retards, la nouvelle ligne de tramway reste boudée.",
    ),
    (
        "fr",
        "accusations_levelled_by",
        "Les accusations de harcèlement portées par une stagiaire contre le maire ont été rendues publiques.",
        "stagiaire",
        "maire",
        "accusation",
        "Les accusations portées par une stagiaire contre le maire ne sont pas fondées.",
    ),
    (
        "fr",
        "complaint_filed_by",
        "Une plainte pour escroquerie a été déposée par des locataires contre le bailleur.",
        "locataires",
        "bailleur",
        "lawsuit",
        "Une plainte pour escroquerie pourrait être déposée par des locataires contre le bailleur.",
    ),
    (
        "fr",
        "inquiry_object",
        "Le club fait l'objet d'une enquête pour corruption.",
        "",
        "club",
        "allegation",
        "Le club fait l'objet d'une enquête pour mesurer son impact économique.",
    ),
    (
        "fr",
        "appear_in_court",
        "L'ancien maire, Jean Rivière, comparaît pour corruption.",
        "",
        "Jean Rivière",
        "charge",
        "L'ancien maire, Jean Rivière, comparaîtrait-il pour corruption ?",
    ),
    (
        "fr",
        "trial_of",
        "Le procès de l'ancien banquier Hugo Lenoir pour blanchiment s'ouvre lundi.",
        "",
        "ancien banquier Hugo Lenoir",
        "charge",
        "Si le procès de l'ancien banquier Hugo Lenoir pour blanchiment a lieu, il sera long.",
    ),
    (
        "fr",
        "police_custody",
        "Le directeur de l'usine a été placé en garde à vue pour homicide involontaire.",
        "",
        "directeur",
        "charge",
        "Le directeur de l'usine n'a pas été placé en garde à vue pour homicide involontaire.",
    ),
    (
        "fr",
        "source_investigators",
        "D'après les enquêteurs, le conducteur roulait sans permis depuis des années.",
        "enquêteurs",
        "conducteur",
        "allegation",
        "D'après les enquêteurs, l'incendie est d'origine accidentelle.",
    ),
    (
        "de",
        "accuse_vor_inverted",
        "Am Dienstag warf die Gewerkschaft dem Konzern Lohndumping vor.",
        "Gewerkschaft",
        "Konzern",
        "accusation",
        "Am Dienstag warf die Gewerkschaft dem Konzern keine Fehler vor.",
    ),
    (
        "de",
        "accusation_against",
        "Der Vorwurf gegen den Bürgermeister von Ulm, Karl Hahn, lautet Untreue.",
        "",
        "Karl Hahn",
        "accusation",
        "Der Vorwurf gegen den Bürgermeister hat sich nicht bestätigt.",
    ),
    (
        "de",
        "accusation_raised_inverted",
        "Schwere Vorwürfe erhebt der Betriebsrat gegen die Geschäftsführung.",
        "Betriebsrat",
        "Geschäftsführung",
        "accusation",
        "Keine Vorwürfe erhebt der Betriebsrat gegen die Geschäftsführung.",
    ),
    (
        "de",
        "participle_fronted_because",
        "Der wegen Betrugs angeklagte Makler Uwe Brandt bestreitet alles.",
        "",
        "Makler Uwe Brandt",
        "charge",
        "Der wegen Urlaubs abwesende Makler Uwe Brandt bestreitet alles.",
    ),
    (
        "de",
        "participle_fronted_genitive",
        "Der des Mordes verdächtigte Nachbar wurde festgenommen.",
        "",
        "Nachbar",
        "accusation",
        "Der des Wartens müde Nachbar ging nach Hause.",
    ),
    (
        "de",
        "under_suspicion_inverted",
        "Im Verdacht steht ein Kassierer der Filiale.",
        "",
        "Kassierer",
        "accusation",
        "Im Verdacht steht derzeit niemand.",
    ),
    (
        "de",
        "charged_inverted",
        "Angeklagt sind zwei Polizisten aus Köln.",
        "",
        "Polizisten",
        "charge",
        "Angeklagt ist bislang niemand.",
    ),
    (
        "de",
        "trial_relative",
        "Seit Montag muss sich ein Arzt verantworten, dem Abrechnungsbetrug vorgeworfen wird.",
        "",
        "Arzt",
        "charge",
        "Wegen des Schnees muss sich der Verkehr auf Staus einstellen.",
    ),
    (
        "de",
        "investigates_fronted",
        "Wegen Bestechlichkeit ermittelt die Staatsanwaltschaft gegen einen Beamten.",
        "Staatsanwaltschaft",
        "Beamten",
        "allegation",
        "Wegen Bestechlichkeit ermittelt die Staatsanwaltschaft nicht gegen den Beamten.",
    ),
    (
        "de",
        "complaint_filed",
        "Der Mieterverein hat gegen den Vermieter Strafanzeige erstattet.",
        "Mieterverein",
        "Vermieter",
        "lawsuit",
        "Der Mieterverein droht, gegen den Vermieter Strafanzeige zu erstatten.",
    ),
    (
        "de",
        "claim_reported_speech",
        "Ehemalige Angestellte behaupten, der Chef habe Löhne einbehalten.",
        "Ehemalige Angestellte",
        "Chef",
        "claim",
        "Ehemalige Angestellte behaupten, der Chef sei sehr streng gewesen.",
    ),
    (
        "es",
        "fronted_accused_by",
        "Acusado por la Fiscalía de cohecho, el alcalde de Ronda, Luis Prieto, dimitió.",
        "Fiscalía",
        "Luis Prieto",
        "accusation",
        "Acusado por la prensa de ser demasiado prudente, el alcalde de Ronda dimitió.",
    ),
    (
        "es",
        "fronted_accused",
        "Sospechosa de fraude, la empresaria Carla Ruiz ha sido citada a declarar.",
        "",
        "empresaria Carla Ruiz",
        "accusation",
        "Acusada de todos los males, la reforma sigue adelante.",
    ),
    (
        "es",
        "complaint_filed_by",
        "La denuncia presentada por los vecinos contra la constructora Hábitat Norte fue admitida.",
        "vecinos",
        "constructora Hábitat Norte",
        "lawsuit",
        "La denuncia presentada por los vecinos contra la constructora no fue admitida.",
    ),
    (
        "es",
        "accusations_of_against",
        "Las acusaciones de acoso contra el entrenador del club, Pablo Mena, salieron a la luz.",
        "",
        "Pablo Mena",
        "accusation",
        "Las acusaciones contra el concejal no se han probado.",
    ),
    # issue 12, seventh round: constructions read from the opened fresh5 and fresh6 splits,
    # each with a sentence and a hard negative of the same shape written here
    (
        "ru",
        "relative_accused",
        "В Омске задержан 45-летний бухгалтер, которого подозревают в растрате средств фонда.",
        "",
        "45-летний бухгалтер",
        "accusation",
        "В Омске задержан 45-летний бухгалтер, которого никто не подозревает в растрате средств фонда.",
    ),
    (
        "ru",
        "relative_accused_by",
        "Суд начал процесс над директором рынка Олегом Пановым, которого прокуратура обвиняет в вымогательстве.",
        "прокуратура",
        "Олегом Пановым",
        "accusation",
        "Суд начал процесс над директором рынка Олегом Пановым, которого прокуратура больше не обвиняет в вымогательстве.",
    ),
    (
        "ru",
        "accuse",
        "ФАС уличила министерство спорта в завышении цен на стадионы.",
        "ФАС",
        "министерство спорта",
        "accusation",
        "ФАС не уличила министерство спорта в завышении цен на стадионы.",
    ),
    (
        "ru",
        "reserve_the_right",
        "Прокуратура обвинила застройщика в обмане дольщиков.",
        "Прокуратура",
        "застройщика",
        "accusation",
        "Прокуратура оставляет за собой право обвинить застройщика в обмане дольщиков.",
    ),
    (
        "ru",
        "became_defendant_fronted",
        "Обвиняемым по делу о мошенничестве с кредитами стал бывший банкир Сергей Ломов.",
        "",
        "бывший банкир Сергей Ломов",
        "charge",
        "Обвиняемым по делу о мошенничестве с кредитами может стать бывший банкир Сергей Ломов.",
    ),
    (
        "ru",
        "case_opened_on",
        "Уголовное дело о хищении бюджетных средств завели на бывшего мэра Игоря Мухина.",
        "",
        "бывшего мэра Игоря Мухина",
        "charge",
        "Уголовное дело о хищении бюджетных средств могут завести на бывшего мэра Игоря Мухина.",
    ),
    (
        "ru",
        "requests_sentence",
        "Прокурор запросил шесть лет колонии для бывшего директора автобазы Олега Серова.",
        "Прокурор",
        "бывшего директора автобазы Олега Серова",  # ninth round: the role with its name
        "charge",
        "Прокурор может запросить шесть лет колонии для бывшего директора автобазы Олега Серова.",
    ),
    (
        "ru",
        "charged_by_claim_first",
        "Следователи предъявили обвинение в получении взятки начальнику полиции Андрею Котову.",
        "Следователи",
        "начальнику полиции Андрею Котову",
        "charge",
        "Следователи не предъявили обвинение в получении взятки начальнику полиции Андрею Котову.",
    ),
    (
        "ru",
        "initial_participle",
        "Обвиняемый в мошенничестве в особо крупном размере предприниматель Юрий Лобов скрылся.",
        "",
        "предприниматель Юрий Лобов",
        "charge",
        "Обвиняемый в мошенничестве в особо крупном размере предприниматель Юрий Лобов оправдан судом?",
    ),
    (
        "ru",
        "said_that",
        "Роскомнадзор заявил, что сервис «Кадр» передавал данные клиентов без их согласия.",
        "Роскомнадзор",
        "сервис «Кадр»",
        "allegation",
        "Роскомнадзор заявил, что сервис «Кадр» передавал данные клиентов с их согласия.",
    ),
    (
        "fr",
        "fronted_investigated",
        "Visé par une enquête pour harcèlement moral, le directeur du conservatoire de Nantes, Paul Girard, a démissionné.",
        "",
        "Paul Girard",
        "allegation",
        "Visé par une enquête de satisfaction, le directeur du conservatoire de Nantes, Paul Girard, a souri.",
    ),
    (
        "fr",
        "fronted_suspicions",
        "Visée par des soupçons de favoritisme, la maire de Roubaix, Anne Morel, a suspendu son adjoint.",
        "",
        "Anne Morel",
        "accusation",
        "Si elle était visée par des soupçons de favoritisme, la maire de Roubaix, Anne Morel, suspendrait son adjoint.",
    ),
    (
        "fr",
        "relative_reproach",
        "Le procès de l'ancien notaire Jean Vidal, à qui l'on reproche d'avoir détourné des fonds, s'ouvre lundi.",
        "",
        "ancien notaire Jean Vidal",
        "accusation",
        "Le procès de l'ancien notaire Jean Vidal, à qui l'on ne reproche rien d'autre, s'ouvre lundi.",
    ),
    (
        "fr",
        "relative_accused_by",
        "Le chef étoilé Marc Olier, que deux anciens commis accusent de harcèlement, a fermé son restaurant.",
        "anciens commis",
        "chef étoilé Marc Olier",
        "accusation",
        "Le chef étoilé Marc Olier, que personne n'accuse de harcèlement, a fermé son restaurant.",
    ),
    (
        "fr",
        "descriptor_name",
        "La Commission soupçonne la plateforme de streaming Vidéa d'avoir abusé de sa position dominante.",
        "Commission",
        "plateforme de streaming Vidéa",
        "accusation",
        "La Commission ne soupçonne pas la plateforme de streaming Vidéa d'avoir abusé de sa position dominante.",
    ),
    (
        "fr",
        "put_under_investigation_suspected",
        "Ancien comptable d'une association de Brest, Louis Perrin a été mis en examen vendredi, soupçonné d'avoir détourné des dons.",
        "",
        "Louis Perrin",
        "charge",
        "Ancien comptable d'une association de Brest, Louis Perrin pourrait être mis en examen, soupçonné d'avoir détourné des dons.",
    ),
    (
        "fr",
        "suspicions_weigh_on",
        "Les soupçons de corruption qui pèsent sur le sénateur Alain Roux ont été transmis au parquet.",
        "",
        "sénateur Alain Roux",
        "accusation",
        "Les soupçons de corruption qui pesaient sur le sénateur Alain Roux ne sont pas fondés.",
    ),
    (
        "fr",
        "fronted_accused_of_by",
        "Accusée de fraude fiscale par le fisc, la chanteuse Léa Morin a réglé ses arriérés.",
        "fisc",
        "chanteuse Léa Morin",
        "accusation",
        "Si elle était accusée de fraude fiscale par le fisc, la chanteuse Léa Morin quitterait la France.",
    ),
    (
        "fr",
        "complaint_aimed_filed_by",
        "Une plainte pour escroquerie visant le promoteur Bâtinord a été déposée par quarante acheteurs.",
        "quarante acheteurs",
        "promoteur Bâtinord",
        "lawsuit",
        "Une plainte pour escroquerie visant le promoteur Bâtinord pourrait être déposée par quarante acheteurs.",
    ),
    (
        "fr",
        "prison_requested",
        "Le parquet a requis deux ans de prison ferme contre l'ancien maire de Vitrolles, Jean Ferrand.",
        "parquet",
        "Jean Ferrand",  # ninth round: the name closing the sentence after its role
        "charge",
        "Le parquet n'a pas requis de prison contre l'ancien maire de Vitrolles, Jean Ferrand.",
    ),
    (
        "fr",
        "prison_requested_by",
        "Cinq ans de prison ont été requis jeudi par le parquet contre le braqueur Kevin Mas.",
        "parquet",
        "braqueur Kevin Mas",
        "charge",
        "Aucune peine de prison n'a été requise par le parquet contre le braqueur Kevin Mas.",
    ),
    (
        "fr",
        "according_elided",
        "D'après l'inspection du travail, la société Netopia a licencié indûment douze salariés.",
        "inspection du travail",
        "société Netopia",
        "allegation",
        "D'après l'inspection du travail, la société Netopia a licencié douze salariés.",
    ),
    (
        "de",
        "according_zufolge",
        "Der Gewerkschaft zufolge hat der Lieferdienst Flinko Trinkgelder unterschlagen.",
        "Gewerkschaft",
        "Lieferdienst Flinko",
        "allegation",
        "Dem Wetterdienst zufolge hat der Sturm an der Küste Schäden verursacht.",
    ),
    (
        "de",
        "investigations_run_against_by",
        "Gegen den Landrat von Cochem laufen Ermittlungen der Staatsanwaltschaft Koblenz wegen Untreue.",
        "Staatsanwaltschaft Koblenz",
        "Landrat von Cochem",
        "allegation",
        "Gegen den Landrat von Cochem laufen keine Ermittlungen der Staatsanwaltschaft Koblenz wegen Untreue.",
    ),
    (
        "de",
        "investigations_run_against",
        "Gegen den Trainer des FC Ahlen laufen Ermittlungen wegen Körperverletzung.",
        "",
        "Trainer des FC Ahlen",
        "allegation",
        "Gegen den Trainer des FC Ahlen laufen keine Ermittlungen wegen Körperverletzung.",
    ),
    (
        "de",
        "lawsuit_fronted",
        "Gegen den Vermieter hat der Mieterbund Klage beim Amtsgericht eingereicht.",
        "Mieterbund",
        "Vermieter",
        "lawsuit",
        "Gegen den Vermieter hat der Mieterbund keine Klage beim Amtsgericht eingereicht.",
    ),
    (
        "de",
        "lawsuit_fronted_object",
        "Eine Anzeige wegen Betrugs hat die Verbraucherzentrale gegen den Stromanbieter Voltis erstattet.",
        "Verbraucherzentrale",
        "Stromanbieter Voltis",
        "lawsuit",
        "Eine Anzeige wegen Betrugs hat die Verbraucherzentrale gegen den Stromanbieter Voltis nicht erstattet.",
    ),
    (
        "de",
        "accused_inverted",
        "Verdächtigt wird ein Mitarbeiter des Bauamts, Aufträge gegen Bestechungsgeld vergeben zu haben.",
        "",
        "Mitarbeiter des Bauamts",
        "accusation",
        "Verdächtigt würde ein Mitarbeiter des Bauamts, falls Aufträge gegen Bestechungsgeld vergeben worden wären.",
    ),
    (
        "de",
        "relative_accused_by",
        "Der Bürgermeister von Lohr, Karl Brandt, dem die Opposition Vetternwirtschaft vorwirft, tritt zurück.",
        "Opposition",
        "Karl Brandt",
        "accusation",
        "Der Bürgermeister von Lohr, Karl Brandt, dem die Opposition keine Vetternwirtschaft vorwirft, tritt zurück.",
    ),
    (
        "de",
        "relative_accused",
        "Der Trainer Jens Wolf, dem Untreue vorgeworfen wird, hat den Verein verlassen.",
        "",
        "Trainer Jens Wolf",
        "accusation",
        "Der Trainer Jens Wolf, dem nichts vorgeworfen wird, hat den Verein verlassen.",
    ),
    (
        "de",
        "trial_prosecution_demands",
        "Im Prozess gegen den Anlagebetrüger Timo Ranke forderte die Staatsanwaltschaft sechs Jahre Haft.",
        "Staatsanwaltschaft",
        "Anlagebetrüger Timo Ranke",
        "charge",
        "Im Prozess gegen den Anlagebetrüger Timo Ranke sprach das Gericht ein mildes Urteil.",
    ),
    (
        "de",
        "trial_relative_hearsay",
        "Vor dem Amtsgericht Kiel muss sich seit Montag ein Pfleger verantworten, der Patienten bestohlen haben soll.",
        "",
        "Pfleger",
        "charge",
        "Vor dem Amtsgericht Kiel müsste sich ein Pfleger verantworten, der Patienten bestohlen haben soll.",
    ),
    (
        "es",
        "fronted_charged_for",
        "Imputado por un delito de cohecho, el director de la empresa pública Aguas del Sur, Luis Pardo, ha dimitido.",
        "",
        "Luis Pardo",
        "charge",
        "Si fuera imputado por un delito de cohecho, el director de la empresa pública Aguas del Sur, Luis Pardo, dimitiría.",
    ),
    (
        "es",
        "relative_accused",
        "Ha sido detenido en Cádiz el gerente de una clínica dental, al que se acusa de estafar a sus pacientes.",
        "",
        "gerente",
        "accusation",
        "Ha sido despedido en Cádiz el gerente de una clínica dental, al que no se acusa de estafar a sus pacientes.",
    ),
    (
        "es",
        "relative_accused_feminine",
        "Comienza el juicio contra la antigua presidenta del club, a la que se atribuye un desfalco de dos millones.",
        "",
        "antigua presidenta",
        "accusation",
        "Comienza el juicio contra la antigua presidenta del club, a la que no se atribuye ningún desfalco.",
    ),
    (
        "es",
        "relative_accused_by",
        "El Betis ha apartado a su preparador físico, al que varios jugadores acusan de vejaciones.",
        "jugadores",
        "preparador físico",
        "accusation",
        "El Betis ha apartado a su preparador físico, al que ningún jugador acusa de vejaciones.",
    ),
    (
        "es",
        "relative_accused_by_feminine",
        "La fiscalía investiga a la empresa Limpiasur, a la que varios empleados acusan de acoso laboral.",
        "empleados",
        "empresa Limpiasur",
        "accusation",
        "La fiscalía investiga a la empresa Limpiasur, a la que ningún empleado acusa de acoso laboral.",
    ),
    (
        "es",
        "reported_before",
        "La patronal ha denunciado ante la Fiscalía a la empresa Recambios Sur por falsificar facturas.",
        "patronal",
        "empresa Recambios Sur",
        "lawsuit",
        "La patronal no ha denunciado ante la Fiscalía a la empresa Recambios Sur por falsificar facturas.",
    ),
    (
        "es",
        "in_accordance",
        "De acuerdo con la Fiscalía, el alcalde de Ronda cobró comisiones ilegales.",
        "Fiscalía",
        "alcalde de Ronda",
        "allegation",
        "De acuerdo con la Agencia de Meteorología, el temporal causó daños en la costa.",
    ),
    (
        "es",
        "fronted_accused_of_by",
        "Acusado de plagio por una editorial, el novelista Tomás Vega ha retirado su libro.",
        "editorial",
        "novelista Tomás Vega",
        "accusation",
        "Si fuera acusado de plagio por una editorial, el novelista Tomás Vega retiraría su libro.",
    ),
    (
        "es",
        "accusations_of_party",
        "Las acusaciones de los trabajadores contra el gerente de la fábrica, Julio Sanz, llegaron a Inspección.",
        "trabajadores",
        "gerente",
        "accusation",
        "Las acusaciones de los trabajadores contra el gerente de la fábrica no se han probado.",
    ),
    (
        "es",
        "complaint_against_filed_by",
        "Una denuncia por estafa contra la inmobiliaria Casabella fue presentada por sesenta compradores.",
        "sesenta compradores",
        "inmobiliaria Casabella",
        "lawsuit",
        "Una denuncia por estafa contra la inmobiliaria Casabella no fue presentada por los compradores.",
    ),
    (
        "es",
        "attribute_harm",
        "Un informe de Salud atribuye a la residencia Santa Rita la intoxicación de treinta ancianos.",
        "Salud",
        "residencia Santa Rita",
        "allegation",
        "Un informe de Salud no atribuye a la residencia Santa Rita la intoxicación de treinta ancianos.",
    ),
    (
        "es",
        "conditional_name",
        "Ha sido detenido en Almería un empresario, al que se acusa de estafa.",
        "",
        "empresario",
        "accusation",
        "Ha sido detenido en Almería un empresario, al que se acusaría de estafa.",
    ),
    # eighth round: a subject set off from its verb by a relative clause (all four languages)
    (
        "ru",
        "relative_subject",
        "Профсоюз «Учитель», который давно спорит с мэрией, обвиняет департамент образования в сокрытии данных.",
        "Профсоюз «Учитель»",
        "департамент образования",
        "accusation",
        "Профсоюз «Учитель», который давно спорит с мэрией, не обвиняет департамент образования в сокрытии данных.",
    ),
    (
        "fr",
        "relative_subject",
        "Marc Dubois, qui gérait la caisse de l'association depuis dix ans, a été mis en examen pour abus de confiance.",
        "",
        "Marc Dubois",
        "charge",
        "Marc Dubois, qui gérait la caisse de l'association depuis dix ans, n'a pas été mis en examen pour abus de confiance.",
    ),
    (
        "de",
        "relative_subject",
        "Der Mieterverein, der seit Jahren gegen Mieterhöhungen kämpft, beschuldigt den Vermieter, Nebenkosten falsch abgerechnet zu haben.",
        "Mieterverein",
        "Vermieter",
        "accusation",
        "Der Mieterverein, der seit Jahren gegen Mieterhöhungen kämpft, beschuldigt den Vermieter nicht, Nebenkosten falsch abgerechnet zu haben.",
    ),
    (
        "es",
        "relative_subject",
        "Pedro Gil, que dirigió la empresa entre 2015 y 2020, está acusado por la Fiscalía de falsear las cuentas.",
        "Fiscalía",
        "Pedro Gil",
        "accusation",
        "Pedro Gil, que dirigió la empresa entre 2015 y 2020, no está acusado por la Fiscalía de falsear las cuentas.",
    ),
    (
        "es",
        "anticorruption_prosecutor",
        "El alcalde de Estepona está acusado por Anticorrupción de cobrar comisiones.",
        "Anticorrupción",
        "alcalde de Estepona",
        "accusation",
        "El alcalde de Estepona no está acusado por Anticorrupción de cobrar comisiones.",
    ),
    (  # "заявление на выплату" is an application, not a complaint against anyone
        "ru",
        "statement_against",
        "Жильцы подали заявление против управляющей компании «Уют».",
        "Жильцы",
        "управляющей компании «Уют»",
        "lawsuit",
        "Владелец квартиры подал заявление на страховую выплату в компанию «Надёжность».",
    ),
    (  # "по жалобе соседей": on whose complaint, no state the subject is in
        "ru",
        "state_not_complaint",
        "Врач был задержан по подозрению в получении взятки.",
        "",
        "Врач",
        "charge",
        "Проверка, проведённая прокуратурой по жалобе соседей, нарушений в работе котельной не выявила.",
    ),
    (  # a quotation before its speaker: the claim is read inside the marks
        "ru",
        "said_after",
        "«Компания скрывала доходы от налогов», — заявил депутат Иван Орлов.",
        "депутат Иван Орлов",
        "Компания",
        "allegation",
        "«Компания увеличила доходы», — заявил депутат Иван Орлов.",
    ),
    (
        "fr",
        "said_after",
        "« La mairie a falsifié les relevés », affirme Claire Vasseur.",
        "Claire Vasseur",
        "mairie",
        "allegation",
        "« La mairie a publié les relevés », affirme Claire Vasseur.",
    ),
    (  # "Теперь" has a role's shape ("-ерь") but heads no party: "его" is the target
        "ru",
        "adverb_no_party",
        "Агент Артём Сизов представлял игроков сборной. Теперь его обвиняют в подделке справок.",
        "",
        "Агент Артём Сизов",
        "accusation",
        "Агент Артём Сизов представлял игроков сборной. Теперь его никто не обвиняет в подделке справок.",
    ),
    (  # a sentence's first word in "-ому"/"-ему" is a dative adjective, no name
        "ru",
        "initial_dative_adjective",
        "Бывшему главе района Олегу Курочкину предъявлено обвинение в получении взятки.",
        "",
        "Бывшему главе района Олегу Курочкину",
        "charge",
        "Бывшему главе района Олегу Курочкину не предъявлено обвинение в получении взятки.",
    ),
    (
        "fr",
        "fronted_suspected_held",
        "Soupçonné d'avoir revendu des données de clients, un technicien d'Orange a été placé en garde à vue.",
        "",
        "technicien",
        "charge",
        "Soupçonné d'avoir revendu des données de clients, un technicien d'Orange n'a pas été placé en garde à vue.",
    ),
    (
        "fr",
        "sued_in_court_by",
        "Le studio Kivo est poursuivi en justice par un concurrent canadien.",
        "concurrent canadien",
        "studio Kivo",
        "lawsuit",
        "Le studio Kivo n'est pas poursuivi en justice par un concurrent canadien.",
    ),
    (  # "révèle" after the claim; "sans contrepartie" a wrong (paid for no work)
        "fr",
        "said_after",
        "Le député Paul Morin aurait employé son fils comme assistant sans contrepartie, révèle Mediapart.",
        "Mediapart",
        "député Paul Morin",
        "allegation",
        "Le député Paul Morin aurait employé son fils comme assistant, révèle Mediapart.",
    ),
    (  # "rival" heads a party
        "fr",
        "claim_that",
        "Le syndicat affirme que son rival a falsifié les votes.",
        "syndicat",
        "rival",
        "claim",
        "Le syndicat affirme que son rival a gagné les votes.",
    ),
    (
        "es",
        "dislocated_accused",
        "Al exalcalde de Ronda se le acusa de cobrar comisiones.",
        "",
        "exalcalde de Ronda",
        "accusation",
        "Al exalcalde de Ronda no se le acusa de cobrar comisiones.",
    ),
    (
        "es",
        "requests_prison_accused",
        "El fiscal pide cinco años de prisión para el gerente de la clínica, acusado de estafa.",
        "fiscal",
        "gerente de la clínica",
        "charge",
        "El fiscal ya no pide prisión para el gerente de la clínica, absuelto de estafa.",
    ),
    (
        "es",
        "detained_allegedly",
        "La Guardia Civil ha detenido en Lorca a un falso médico que presuntamente estafó a sus pacientes.",
        "Guardia Civil",
        "falso médico",
        "charge",
        "La Guardia Civil no ha detenido a un falso médico que presuntamente estafó a sus pacientes.",
    ),
    (
        "es",
        "lawsuit_fronted_against",
        "Contra el alcalde de Ronda ha presentado una querella la oposición por malversación.",
        "oposición",
        "alcalde de Ronda",
        "lawsuit",
        "Contra el alcalde de Ronda no ha presentado una querella la oposición por malversación.",
    ),
    (  # "rival" heads a party; "falseó" a wrong
        "es",
        "claim_that",
        "El diputado asegura que su rival falseó las cuentas.",
        "diputado",
        "rival",
        "claim",
        "El diputado asegura que su rival ganará las elecciones.",
    ),
    (
        "de",
        "accuse_vor_fronted_object",
        "Untreue in drei Fällen wirft die Staatsanwaltschaft dem früheren Kassenwart vor.",
        "Staatsanwaltschaft",
        "früheren Kassenwart",
        "accusation",
        "Untreue in drei Fällen könnte die Staatsanwaltschaft dem früheren Kassenwart vorwerfen.",
    ),
    (
        "de",
        "lay_to_charge",
        "Die Staatsanwaltschaft legt dem Makler zur Last, Käufer betrogen zu haben.",
        "Staatsanwaltschaft",
        "Makler",
        "accusation",
        "Die Staatsanwaltschaft legt dem Makler nicht zur Last, Käufer betrogen zu haben.",
    ),
    (
        "de",
        "laid_to_charge",
        "Dem Makler wird zur Last gelegt, Käufer betrogen zu haben.",
        "",
        "Makler",
        "accusation",
        "Dem Makler wird nicht zur Last gelegt, Käufer betrogen zu haben.",
    ),
    (  # a negation before the closing particle negates the verb
        "de",
        "reported_to_police_fronted",
        "Wegen Körperverletzung zeigten Nachbarn den Wirt bei der Polizei an.",
        "Nachbarn",
        "Wirt",
        "lawsuit",
        "Wegen Körperverletzung zeigten Nachbarn den Wirt nicht bei der Polizei an.",
    ),
    (
        "de",
        "reported_to_police",
        "Nachbarn zeigten den Wirt wegen Körperverletzung bei der Polizei an.",
        "Nachbarn",
        "Wirt",
        "lawsuit",
        "Nachbarn zeigten den Wirt wegen Körperverletzung nicht bei der Polizei an.",
    ),
    # ninth round (issue 12): constructions read from the opened fresh8, each with a hard
    # negative of the same shape
    (
        "de",
        "accuse_vor",
        "Die Opposition wirft dem Landrat Vetternwirtschaft bei der Vergabe vor.",
        "Opposition",
        "Landrat",
        "accusation",
        "Die Wärter werfen den Bären jeden Abend frische Fische vor.",
    ),
    (
        "de",
        "relative_laid_to_charge",
        "Der Wirt des Lokals, dem schwere Körperverletzung zur Last gelegt wird, schwieg vor Gericht.",
        "",
        "Wirt des Lokals",
        "charge",
        "Der Wirt des Lokals, dem nichts zur Last gelegt wird, schwieg vor Gericht.",
    ),
    (
        "de",
        "reported_to_police_perfect",
        "Die Nachbarn haben den Wirt Karl Huber bei der Polizei angezeigt.",
        "Nachbarn",
        "Wirt Karl Huber",
        "lawsuit",
        "Die Nachbarn haben den Wirt Karl Huber nicht bei der Polizei angezeigt.",
    ),
    (
        "de",
        "hearsay",
        "Ein 31-Jähriger wurde in Köln festgenommen; er soll mehrere Kioske aufgebrochen haben.",
        "",
        "31-Jähriger",
        "allegation",
        "Ein 31-Jähriger wurde in Köln festgenommen; er soll am Montag dem Haftrichter vorgeführt werden.",
    ),
    (
        "de",
        "relative_hearsay",
        "Verhaftet wurde in Bremen ein 40-Jähriger, der mehrere Kioske aufgebrochen haben soll.",
        "",
        "40-Jähriger",
        "allegation",
        "Befragt wurde in Bremen ein 40-Jähriger, der mehrere Kioske beliefert haben soll.",
    ),
    (
        "de",
        "accusation_against_raised_by",
        "Schwere Vorwürfe gegen den Bürgermeister erheben mehrere Stadträte: Er habe Aufträge verschoben.",
        "Stadträte",
        "Bürgermeister",
        "accusation",
        "Keine Vorwürfe gegen den Bürgermeister erheben die Stadträte.",
    ),
    (
        "es",
        "detained_by_place",
        "Los Mossos detuvieron en Girona a tres jóvenes acusados de quemar contenedores.",
        "Mossos",
        "jóvenes",
        "accusation",
        "Los Mossos no detuvieron en Girona a los tres jóvenes acusados de quemar contenedores.",
    ),
    (
        "es",
        "detained_by_place_perfect",
        "La Ertzaintza ha detenido en Bilbao a un hombre sospechoso de atracar dos farmacias.",
        "Ertzaintza",
        "hombre",
        "accusation",
        "La Ertzaintza no ha detenido en Bilbao a ningún hombre sospechoso de atracar dos farmacias.",
    ),
    (
        "es",
        "investigated_impersonal",
        "Investigan al alcalde de Lugo, Pedro Gómez, por supuesta malversación.",
        "",
        "Pedro Gómez",
        "allegation",
        "No investigan al alcalde de Lugo, Pedro Gómez, por supuesta malversación.",
    ),
    (
        "es",
        "accusations_of_levelled_by",
        "Las acusaciones de acoso vertidas por dos exalumnas contra el profesor serán examinadas.",
        "exalumnas",
        "profesor",
        "accusation",
        "Las acusaciones de acoso vertidas por dos exalumnas contra el profesor no se han probado.",
    ),
    (
        "es",
        "appositive_role_subject",
        "Laura Pineda, directora del hospital de Jaén, está investigada por presunta prevaricación.",
        "",
        "Laura Pineda",
        "charge",
        "Laura Pineda, directora del hospital de Jaén, no está investigada por prevaricación.",
    ),
    (
        "fr",
        "inquiry_targets",
        "Une enquête préliminaire pour favoritisme vise désormais le maire de Sète, Paul Roux.",
        "",
        "Paul Roux",
        "allegation",
        "Une enquête préliminaire pour favoritisme ne vise pas le maire de Sète, Paul Roux.",
    ),
    (
        "fr",
        "name_closing",
        "« Ce laboratoire a falsifié ses essais », a lancé la présidente de l'association, Anne Morel.",
        "Anne Morel",
        "laboratoire",
        "allegation",
        "« Ce laboratoire a publié ses essais », a lancé la présidente de l'association, Anne Morel.",
    ),
    (
        "fr",
        "deliberate_wrong",
        "Selon la police, le chauffeur aurait volontairement percuté un cycliste.",
        "police",
        "chauffeur",
        "allegation",
        "Selon la police, le chauffeur aurait involontairement percuté un cycliste.",
    ),
    (
        "ru",
        "accusations_of_put_forward_by",
        "Обвинения в мошенничестве, выдвинутые вкладчиками против банка «Восход», проверяет полиция.",
        "вкладчиками",
        "банка «Восход»",
        "accusation",
        "Если обвинения в мошенничестве, выдвинутые вкладчиками против банка «Восход», подтвердятся, банк закроют.",
    ),
    (
        "ru",
        "lawsuit_fronted",
        "Иск к телеканалу «Звезда» подала певица Анна Петрова.",
        "певица Анна Петрова",
        "телеканалу «Звезда»",
        "lawsuit",
        "Иск к телеканалу «Звезда» может подать певица Анна Петрова.",
    ),
    (
        "ru",
        "as_claims_in",
        "Как утверждают в профсоюзе, директор завода Олег Ким брал взятки.",
        "профсоюзе",
        "директор завода Олег Ким",
        "allegation",
        "Как утверждают в профсоюзе, директор завода Олег Ким уходит в отпуск.",
    ),
    (
        "ru",
        "relative_imputed",
        "Суд продлил арест бывшему мэру Игорю Белову, которому вменяется получение взятки.",
        "",
        "мэру Игорю Белову",
        "charge",
        "Суд продлил арест бывшему мэру Игорю Белову, которому не вменяется получение взятки.",
    ),
    (
        "ru",
        "role_complement_name",
        "«Завод скрывал выбросы», — заявил депутат городской думы Пётр Орлов.",
        "депутат городской думы Пётр Орлов",
        "Завод",
        "allegation",
        "«Завод снизил выбросы», — заявил депутат городской думы Пётр Орлов.",
    ),
    (
        "ru",
        "source_role",
        "По данным источника в полиции, директор рынка Олег Щукин получал откаты.",
        "источника в полиции",
        "директор рынка Олег Щукин",
        "allegation",
        "По данным источника в полиции, директор рынка Олег Щукин ушёл в отпуск.",
    ),
    (
        "es",
        "claim_that_when",
        "La asociación de vecinos denunció este martes que la empresa vierte residuos en el río.",
        "asociación",
        "empresa",
        "claim",
        "La asociación de vecinos denunció este martes que la empresa abrirá una planta en el río.",
    ),
    (
        "es",
        "conditional_noun",
        "El sindicato de enfermería denunció que el hospital despidió a diez enfermeras sin compensación.",
        "sindicato",
        "hospital",
        "claim",
        "El sindicato de enfermería denunciaría que el hospital despidió a diez enfermeras sin compensación.",
    ),
    (
        "ru",
        "wage_theft",
        "Бывшие сотрудники склада заявили, что компания не доплачивала им за ночные смены.",
        "Бывшие сотрудники",
        "компания",
        "allegation",
        "Бывшие сотрудники склада заявили, что компания доплачивала им за ночные смены.",
    ),
    (
        "de",
        "criticism",
        "Der Landesrechnungshof übt scharfe Kritik am Bauministerium: Es habe beim Neubau Millionen verschwendet.",
        "Landesrechnungshof",
        "Bauministerium",
        "accusation",
        "Der Landesrechnungshof übt scharfe Kritik am Bauministerium: Es habe den Neubau zu spät geplant.",
    ),
    (
        "de",
        "criticism_fronted",
        "Scharfe Kritik übt der Landesrechnungshof am Bauministerium: Es habe beim Neubau Millionen verschwendet.",
        "Landesrechnungshof",
        "Bauministerium",
        "accusation",
        "Scharfe Kritik übt der Landesrechnungshof am Bauministerium: Es habe den Neubau zu spät geplant.",
    ),
    (
        "fr",
        "nepotism",
        "Selon Le Canard enchaîné, le sénateur Paul Mercier aurait fait rémunérer son fils comme assistant.",
        "Canard enchaîné",
        "sénateur Paul Mercier",
        "allegation",
        "Selon Le Canard enchaîné, le sénateur Paul Mercier aurait fait venir son fils comme assistant.",
    ),
    (
        "ru",
        "governed_lead",
        "В Туле полиция задержала водителя по подозрению в краже.",
        "полиция",
        "водителя",
        "charge",
        "В Туле полиция не задержала водителя по подозрению в краже.",
    ),
    (
        "ru",
        "arrested_then_suspected",
        "В Туле полицейские задержали 40-летнего водителя: его подозревают в краже.",
        "полицейские",
        "водителя",
        "accusation",
        "В Туле полицейские задержали 40-летнего водителя: его не подозревают в краже.",
    ),
    (
        "es",
        "governed_lead",
        "En Almería la Guardia Civil acusa al alcalde de malversación.",
        "Guardia Civil",
        "alcalde",
        "accusation",
        "En Almería la Guardia Civil no acusa al alcalde de malversación.",
    ),
    (
        "ru",
        "demand_through_court_after",
        "Двадцать семей требуют через суд с управляющей компании «Дом» возмещения ущерба.",
        "семей",
        "управляющей компании «Дом»",
        "lawsuit",
        "Двадцать семей не требуют через суд с управляющей компании «Дом» возмещения ущерба.",
    ),
    (
        "de",
        "drunk_driving",
        "Nach Angaben der Polizei war der Fahrer des Busses betrunken.",
        "Polizei",
        "Fahrer",
        "allegation",
        "Nach Angaben der Polizei war der Fahrer des Busses müde.",
    ),
    # an object pronoun before the verb stands for the last name of the sentences before
    (
        "es",
        "accuse_clitic",
        "El concejal de Obras, Luis Prado, dimitió ayer. La oposición lo acusa de haber amañado varios contratos.",
        "oposición",
        "Luis Prado",
        "accusation",
        "El concejal de Obras, Luis Prado, dimitió ayer. La oposición no lo acusa de haber amañado varios contratos.",
    ),
    (
        "es",
        "investigates_clitic",
        "El delantero del Racing, Hugo Sanz, fue apartado del equipo. La federación lo investiga por presuntas apuestas.",
        "federación",
        "Hugo Sanz",
        "allegation",
        "El delantero del Racing, Hugo Sanz, fue apartado del equipo. La federación no lo investiga por presuntas apuestas.",
    ),
    (
        "fr",
        "accuse_clitic",
        "L'adjoint aux finances, Marc Dupuis, a démissionné lundi. L'opposition l'accuse d'avoir détourné des fonds.",
        "opposition",
        "Marc Dupuis",
        "accusation",
        "L'adjoint aux finances, Marc Dupuis, a démissionné lundi. L'opposition ne l'accuse pas d'avoir détourné des fonds.",
    ),
    (
        "fr",
        "reproach_clitic",
        "Le maire, Paul Roux, a répondu lundi. L'opposition lui reproche d'avoir menti aux électeurs.",
        "opposition",
        "Paul Roux",
        "accusation",
        "Le maire, Paul Roux, a répondu lundi. L'opposition ne lui reproche pas d'avoir menti aux électeurs.",
    ),
    # violent and property crimes as wrongs in a source's claim
    (
        "ru",
        "violent_wrong",
        "Как утверждают в полиции, охранник Игорь Лаптев ограбил магазин.",
        "полиции",
        "охранник Игорь Лаптев",
        "allegation",
        "Как утверждают в полиции, охранник Игорь Лаптев охранял магазин.",
    ),
    (
        "es",
        "violent_wrong",
        "Según la Policía, el vigilante Pedro Ruiz golpeó a un cliente.",
        "Policía",
        "vigilante Pedro Ruiz",
        "allegation",
        "Según la Policía, el vigilante Pedro Ruiz atendió a un cliente.",
    ),
    (
        "de",
        "violent_wrong",
        "Laut Polizei hat der Wachmann Peter Kühn einen Kunden erschlagen.",
        "Polizei",
        "Wachmann Peter Kühn",
        "allegation",
        "Laut Polizei hat der Wachmann Peter Kühn einen Kunden beraten.",
    ),
    (
        "fr",
        "violent_wrong",
        "Selon la police, le vigile Pierre Roux aurait cambriolé la boutique.",
        "police",
        "vigile Pierre Roux",
        "allegation",
        "Selon la police, le vigile Pierre Roux aurait fermé la boutique.",
    ),
    # a number after a quantifier and its noun make a party ("más de 300 inversores")
    (
        "es",
        "quantity_party",
        "Una querella por estafa contra el fundador de la plataforma, Raúl Seijas, fue presentada por más de 300 inversores.",
        "más de 300 inversores",
        "Raúl Seijas",
        "lawsuit",
        "Si una querella por estafa contra el fundador de la plataforma, Raúl Seijas, fuera presentada por más de 300 inversores, el juez la admitiría.",
    ),
    (
        "fr",
        "quantity_party",
        "Plus de 200 salariés ont porté plainte contre le groupe Vitalis pour harcèlement.",
        "salariés",
        "groupe Vitalis",
        "lawsuit",
        "Plus de 200 salariés menacent de porter plainte contre le groupe Vitalis pour harcèlement.",
    ),
    # tenth round (fresh9 opened): the false items' guards: an acquittal told as fact, a cue noun
    # as a copula's predicate, a negative pronoun as object, accusations "used against" people
    (
        "fr",
        "acquittal",
        "L'infirmier sera jugé pour empoisonnement devant la cour d'assises du Rhône.",
        "",
        "infirmier",
        "charge",
        "La cour d'assises du Rhône a acquitté l'infirmier jugé pour empoisonnement.",
    ),
    (
        "de",
        "figurative",
        "Die Staatsanwaltschaft erhebt Anklage gegen den Regisseur Jan Voss.",
        "Staatsanwaltschaft",
        "Regisseur Jan Voss",
        "charge",
        "Der Film ist eine einzige Anklage gegen den Krieg, schreibt der Kritiker.",
    ),
    (
        "de",
        "negative_pronoun",
        "Die Polizei beschuldigt den Nachbarn Ernst Vogel, den Brand gelegt zu haben.",
        "Polizei",
        "Nachbarn Ernst Vogel",
        "accusation",
        "Die Polizei beschuldigt bislang niemanden, den Brand gelegt zu haben.",
    ),
    (
        "ru",
        "used_against",
        "Прокуратура выдвинула обвинения в экстремизме против журналиста Ивана Петрова.",
        "Прокуратура",
        "журналиста Ивана Петрова",
        "accusation",
        "Эксперты предупреждают, что обвинения в экстремизме всё чаще используются против журналистов.",
    ),
    # tenth round: parties: a name in guillemets alone, a possessive before its role, a role's
    # person past its complement, a descriptor's name past a connector, the antecedent of ", que",
    # a legal source opening the clause after ";"
    (
        "ru",
        "quoted_name",
        "«Газпром» обвинил «Нафтогаз» в воровстве газа.",
        "Газпром",
        "Нафтогаз",
        "accusation",
        "«Газпром» не обвинял «Нафтогаз» в воровстве газа.",
    ),
    (
        "ru",
        "possessive_role",
        "Его основателю Глебу Рябову вменяют мошенничество с грантами.",
        "",
        "основателю Глебу Рябову",
        "charge",
        "Его основателю Глебу Рябову вручили премию за гранты.",
    ),
    (
        "ru",
        "complement_name",
        "Как сообщил источник в полиции, совладелец ресторанной группы «Пряности» Максим Орлов передавал деньги инспекторам.",
        "источник в полиции",
        "совладелец ресторанной группы «Пряности» Максим Орлов",
        "allegation",
        "Как сообщил источник в полиции, совладелец ресторанной группы «Пряности» Максим Орлов передавал документы инспекторам.",
    ),
    (
        "fr",
        "descriptor_connector",
        "Selon la CNIL, l'application de rencontres Flirtia conservait les données de ses utilisateurs sans leur consentement.",
        "CNIL",
        "application de rencontres Flirtia",
        "allegation",
        "Selon la CNIL, l'application de rencontres Flirtia conservait les données de ses utilisateurs avec leur consentement.",
    ),
    (
        "es",
        "relative_antecedent",
        "«Nos han robado el agua», denuncian los regantes del Segura, que culpan a una planta solar de secar los pozos.",
        "regantes del Segura",
        "planta solar",
        "accusation",
        "«Nos han regalado el agua», celebran los regantes del Segura, que culpan a la sequía de secar los pozos.",
    ),
    (
        "de",
        "legal_after_break",
        "Wegen Betrugs muss sich der Makler Paul Ebert vor Gericht verantworten; die Staatsanwaltschaft hat Anklage erhoben.",
        "Staatsanwaltschaft",
        "Makler Paul Ebert",
        "charge",
        "Wegen Betrugs muss sich der Makler Paul Ebert nicht vor Gericht verantworten; die Staatsanwaltschaft hat keine Anklage erhoben.",
    ),
    # tenth round: constructions of fresh5-fresh9's misses, with a hard negative of the same shape
    (
        "ru",
        "accuse_claim_first",
        "В фальсификации итогов голосования местную избирательную комиссию обвинили наблюдатели от КПРФ.",
        "наблюдатели",
        "местную избирательную комиссию",
        "accusation",
        "В фальсификации итогов голосования местную избирательную комиссию не обвиняли наблюдатели от КПРФ.",
    ),
    (
        "ru",
        "accuse_claim_first",
        "В нарушении антидопинговых правил ВАДА обвиняет биатлонистку Дарью Гончар.",
        "ВАДА",
        "биатлонистку Дарью Гончар",
        "accusation",
        "В нарушении антидопинговых правил ВАДА не обвиняет биатлонистку Дарью Гончар.",
    ),
    (
        "ru",
        "charged_by_noun_first",
        "Прокуратура предъявила обвинение бывшему мэру Ивану Петрову в получении взятки.",
        "Прокуратура",
        "мэру Ивану Петрову",
        "charge",
        "Прокуратура не предъявила обвинение бывшему мэру Ивану Петрову в получении взятки.",
    ),
    (
        "ru",
        "indictment_approved",
        "Генпрокуратура утвердила обвинительное заключение по делу бывшего мэра Ивана Петрова.",
        "Генпрокуратура",
        "бывшего мэра Ивана Петрова",
        "charge",
        "Генпрокуратура не утвердила обвинительное заключение по делу бывшего мэра Ивана Петрова.",
    ),
    (
        "es",
        "tries",
        "El Supremo juzga al exconsejero Luis Vera por malversación.",
        "",
        "exconsejero Luis Vera",
        "charge",
        "El Supremo juzga al exconsejero Luis Vera por su edad.",
    ),
    (
        "es",
        "tried_for",
        "El exconsejero Luis Vera será juzgado por malversación.",
        "",
        "exconsejero Luis Vera",
        "charge",
        "El partido será juzgado por la afición.",
    ),
    (
        "de",
        "media_party",
        "Der „Spiegel“ wirft dem Minister Karl Huber Betrug vor.",
        "Spiegel",
        "Minister Karl Huber",
        "accusation",
        "Der „Spiegel“ wirft dem Minister Karl Huber keinen Betrug vor.",
    ),
    (
        "es",
        "media_party",
        "El diario acusa al ministro Luis Vera de corrupción.",
        "diario",
        "ministro Luis Vera",
        "accusation",
        "El diario no acusa al ministro Luis Vera de corrupción.",
    ),
    (
        "ru",
        "requests_sentence_for_first",
        "Прокуратура требует для бывшего мэра Ивана Петрова восемь лет колонии.",
        "Прокуратура",
        "бывшего мэра Ивана Петрова",
        "charge",
        "Прокуратура не требует для бывшего мэра Ивана Петрова восемь лет колонии.",
    ),
    (
        "de",
        "demands_sentence",
        "Die Staatsanwaltschaft fordert acht Jahre Haft für den Makler Paul Ebert.",
        "Staatsanwaltschaft",
        "Makler Paul Ebert",
        "charge",
        "Die Staatsanwaltschaft fordert keine Haft für den Makler Paul Ebert.",
    ),
    (
        "de",
        "demands_sentence_fronted",
        "Vier Jahre Haft hat die Anklägerin im Prozess um das Feuer für den Lagerverwalter Jan Sommer beantragt.",
        "Anklägerin",
        "Lagerverwalter Jan Sommer",
        "charge",
        "Vier Jahre Haft hat die Anklägerin im Prozess um das Feuer für den Lagerverwalter Jan Sommer nicht beantragt.",
    ),
    (
        "es",
        "requests_prison_bare",
        "La Fiscalía pide ocho años de cárcel para el exalcalde Luis Vera.",
        "Fiscalía",
        "exalcalde Luis Vera",
        "charge",
        "La Fiscalía no pide cárcel para el exalcalde Luis Vera.",
    ),
    (
        "es",
        "cited_as_investigated",
        "La jueza ha citado como investigado al presidente del club, Luis Vera.",
        "jueza",
        "Luis Vera",
        "charge",
        "La jueza ha citado como testigo al presidente del club, Luis Vera.",
    ),
    (
        "fr",
        "inquiry_targets_for",
        "L'enquête vise le maire Paul Roux pour favoritisme.",
        "",
        "maire Paul Roux",
        "allegation",
        "L'enquête ne vise pas le maire Paul Roux pour favoritisme.",
    ),
    (
        "fr",
        "implicates",
        "Les syndicats mettent en cause la direction dans le suicide d'un salarié.",
        "syndicats",
        "direction",
        "accusation",
        "Les syndicats ne mettent pas en cause la direction dans le suicide d'un salarié.",
    ),
    (
        "fr",
        "sanctioned_by",
        "Le club a été sanctionné par la Ligue pour des chants racistes.",
        "Ligue",
        "club",
        "allegation",
        "Le club a été sanctionné par la Ligue pour un retard.",
    ),
    (
        "es",
        "attribute_crime",
        "La Guardia Civil atribuye al detenido al menos diez robos.",
        "Guardia Civil",
        "detenido",
        "allegation",
        "La Guardia Civil atribuye al detenido un buen comportamiento.",
    ),
    (
        "es",
        "reported_before_police",
        "La víctima denunció a su agresor ante la Policía.",
        "víctima",
        "agresor",
        "lawsuit",
        "La víctima no denunció a su agresor ante la Policía.",
    ),
    (
        "de",
        "indicted_perfect",
        "Die Staatsanwaltschaft hat den Ex-Bürgermeister Paul Ebert wegen Bestechlichkeit angeklagt.",
        "Staatsanwaltschaft",
        "Ex-Bürgermeister Paul Ebert",
        "charge",
        "Die Staatsanwaltschaft hat den Ex-Bürgermeister Paul Ebert nicht wegen Bestechlichkeit angeklagt.",
    ),
    (
        "ru",
        "case_opened_on_person",
        "СК завёл дело на блогера Ивана Петрова.",
        "СК",
        "блогера Ивана Петрова",
        "charge",
        "СК не завёл дело на блогера Ивана Петрова.",
    ),
    (
        "ru",
        "detained_in",
        "Полиция задержала подозреваемого в убийстве.",
        "Полиция",
        "подозреваемого",
        "charge",
        "Полиция задержала подозреваемого в Москве.",
    ),
    (
        "ru",
        "case_opened_about_relative",
        "Следователи возбудили в отношении Виктора Елисеева, который руководил районом, уголовное дело.",
        "Следователи",
        "Виктора Елисеева",
        "charge",
        "Следователи отказались возбуждать в отношении Виктора Елисеева, который руководил районом, уголовное дело.",
    ),
    (
        "ru",
        "case_opened_about_fronted",
        "Полиция возбудила в отношении блогера Ильи Зуева уголовное дело.",
        "Полиция",
        "блогера Ильи Зуева",
        "charge",
        "Полиция не возбудила в отношении блогера Ильи Зуева уголовное дело.",
    ),
    (
        "ru",
        "case_against_participle",
        "Против блогера Игоря Лосева, собиравшего деньги на лечение, возбуждено уголовное дело о мошенничестве.",
        "",
        "блогера Игоря Лосева",
        "charge",
        "Против блогера Игоря Лосева, собиравшего деньги на лечение, не возбуждено уголовное дело о мошенничестве.",
    ),
    (
        "ru",
        "discerned_in_actions",
        "ФАС усмотрела в действиях аптечной сети «Здоровье» картельный сговор.",
        "ФАС",
        "аптечной сети «Здоровье»",
        "allegation",
        "ФАС не усмотрела в действиях аптечной сети «Здоровье» картельного сговора.",
    ),
    (
        "ru",
        "said_in_interview",
        "«Банк годами скрывал утечку данных», — рассказал в интервью бывший администратор «Восток-Кредита» Денис Муравьёв.",
        "бывший администратор «Восток-Кредита» Денис Муравьёв",
        "Банк",
        "allegation",
        "«Банк годами хранил данные клиентов», — рассказал в интервью бывший администратор «Восток-Кредита» Денис Муравьёв.",
    ),
    (
        "ru",
        "complaint_from_side",
        "Депутат Алина Фомина обратилась в полицию с заявлением о клевете со стороны блогера Кирилла Ветрова.",
        "Депутат Алина Фомина",
        "блогера Кирилла Ветрова",
        "lawsuit",
        "Депутат Алина Фомина может обратиться в полицию с заявлением о клевете со стороны блогера Кирилла Ветрова.",
    ),
    (
        "de",
        "reported_to_police_perfect_fronted",
        "Wegen des Gestanks hat eine Anwohnerin den Betreiber der Anlage bei der Polizei angezeigt.",
        "Anwohnerin",
        "Betreiber der Anlage",
        "lawsuit",
        "Wegen des Gestanks hat eine Anwohnerin den Betreiber der Anlage nicht bei der Polizei angezeigt.",
    ),
    (
        "de",
        "lawsuit_noun_fronted",
        "Eine Sammelklage gegen den Betreiber FitPoint haben mehrere hundert Kunden eingereicht.",
        "hundert Kunden",
        "Betreiber FitPoint",
        "lawsuit",
        "Eine Sammelklage gegen den Betreiber FitPoint haben die Kunden nicht eingereicht.",
    ),
    (
        "de",
        "legal_action_against_fronted",
        "Vor dem Landgericht geht die Verbraucherzentrale nun gerichtlich gegen den Stromanbieter Voltana vor.",
        "Verbraucherzentrale",
        "Stromanbieter Voltana",
        "lawsuit",
        "Vor dem Landgericht geht die Verbraucherzentrale nun nicht gerichtlich gegen den Stromanbieter Voltana vor.",
    ),
    (
        "de",
        "legal_action_against",
        "Die Verbraucherzentrale geht gerichtlich gegen den Stromanbieter Voltana vor.",
        "Verbraucherzentrale",
        "Stromanbieter Voltana",
        "lawsuit",
        "Die Verbraucherzentrale geht nicht gerichtlich gegen den Stromanbieter Voltana vor.",
    ),
    (
        "de",
        "accuse_vor_after_claim",
        "Seit Jahren leite der Chemiekonzern Rhenchem illegal Kühlwasser in den Rhein, werfen ihm Naturschützer vor.",
        "Naturschützer",
        "Chemiekonzern Rhenchem",
        "accusation",
        "Seit Jahren leite der Chemiekonzern Rhenchem illegal Kühlwasser in den Rhein, werfen ihm Naturschützer nicht vor.",
    ),
    (
        "de",
        "as_reports",
        "Wie die „Zeit“ berichtet, soll ein Beamter des Landesamts Dienstgeheimnisse an Rechtsextreme weitergegeben haben.",
        "Zeit",
        "Beamter",
        "allegation",
        "Wie die „Zeit“ berichtet, soll ein Beamter des Landesamts Dienstpläne an Kollegen weitergegeben haben.",
    ),
    (
        "fr",
        "legal_after_stop",
        "L'ancien trésorier du parti, Patrick Rolland, sera jugé pour détournement de fonds publics, a annoncé le parquet.",
        "parquet",
        "Patrick Rolland",
        "charge",
        "L'ancien trésorier du parti, Patrick Rolland, ne sera pas jugé pour détournement de fonds publics, a annoncé le parquet.",
    ),
    (
        "es",
        "charged_adverb",
        "La directora de la residencia Los Almendros, en Paterna, está investigada judicialmente por presuntos malos tratos.",
        "",
        "directora",
        "charge",
        "La directora de la residencia Los Almendros, en Paterna, no está investigada judicialmente por presuntos malos tratos.",
    ),
    (
        "es",
        "sanctioned_by",
        "El lateral del Real Oviedo, Iván Celada, fue expedientado por LaLiga por forzar tarjetas para favorecer apuestas.",
        "LaLiga",
        "Iván Celada",
        "allegation",
        "La lateral del Real Oviedo, Irene Celada, fue multada por LaLiga por llegar tarde al partido.",
    ),
    (
        "es",
        "claim_that_before_judge",
        "El exdirector financiero declaró ante el juez que el presidente de la constructora ordenaba pagos en negro.",
        "exdirector",
        "presidente",
        "claim",
        "El exdirector financiero declaró ante el juez que el presidente de la constructora ordenaba pagos a los proveedores.",
    ),
    (
        "es",
        "labour_abuse",
        "El sindicato asegura que la aerolínea LowSky obliga a sus pilotos a volar sin descanso.",
        "sindicato",
        "aerolínea LowSky",
        "claim",
        "El sindicato asegura que la aerolínea LowSky obliga a sus pilotos a volar con uniforme.",
    ),
    # eleventh round (fresh10 opened): a sentence of each construction and a hard negative
    # of the same shape, written here (not lines of any split)
    (
        "fr",
        "cleft_accuse",
        "C'est l'inspection du travail qui accuse la société Batimex d'avoir employé des ouvriers non déclarés.",
        "inspection du travail",
        "société Batimex",
        "accusation",
        "C'est l'inspection du travail qui n'accuse pas la société Batimex d'avoir employé des ouvriers non déclarés.",
    ),
    (
        "fr",
        "complaint_relative_accuse",
        "Deux salariées ont porté plainte contre leur directeur, qu'elles accusent de harcèlement sexuel.",
        "salariées",
        "directeur",
        "lawsuit",
        "Deux salariées n'ont pas porté plainte contre leur directeur, qu'elles accusent de harcèlement sexuel.",
    ),
    (
        "fr",
        "relative_clitic_suspect",
        "Le maire Paul Girard siège au conseil depuis 2014. Le voici convoqué par les juges, qui le soupçonnent d'avoir truqué des marchés publics.",
        "juges",
        "Paul Girard",
        "accusation",
        "Le maire Paul Girard siège au conseil depuis 2014. Le voici convoqué par les juges, qui ne le soupçonnent pas d'avoir truqué des marchés publics.",
    ),
    (
        "fr",
        "suspicions_cast_on",
        "Le conseil municipal a débattu des soupçons de favoritisme que l'opposition fait peser sur Marine Le Roux.",
        "opposition",
        "Marine Le Roux",
        "accusation",
        "Le conseil municipal a débattu des soupçons de favoritisme que l'opposition ne fait plus peser sur Marine Le Roux.",
    ),
    (
        "fr",
        "fronted_suspected_inquiry_of",
        "Soupçonné d'avoir détourné des fonds publics, le trésorier du club fait l'objet d'une enquête du parquet de Rennes.",
        "parquet de Rennes",
        "trésorier du club",
        "allegation",
        "Soupçonné d'avoir détourné des fonds publics, le trésorier du club ne fait pas l'objet d'une enquête du parquet de Rennes.",
    ),
    (
        "fr",
        "conditional_according_inserted",
        "Le directeur de l'hôpital, Marc Tessier, aurait, selon Libération, fait embaucher sa fille au service comptable.",
        "Libération",
        "Marc Tessier",
        "allegation",
        "Le directeur de l'hôpital, Marc Tessier, aurait, selon Libération, fait visiter le service comptable à sa fille.",
    ),
    (
        "fr",
        "privative_negator",
        "L'opérateur Netivo est attaqué en justice par des clients privés de réseau sans aucune compensation.",
        "clients",
        "opérateur Netivo",
        "lawsuit",
        "L'opérateur Netivo n'est attaqué en justice par aucun client privé de réseau sans compensation.",
    ),
    (
        "fr",
        "article_in_name",
        "Le parquet accuse Marine Le Roux d'avoir détourné des fonds publics.",
        "parquet",
        "Marine Le Roux",
        "accusation",
        "Le parquet n'accuse pas Marine Le Roux d'avoir détourné des fonds publics.",
    ),
    (
        "es",
        "accuse_inverted",
        "Acusa la oposición al alcalde de Lugo de adjudicar contratos a dedo a empresas de su cuñado.",
        "oposición",
        "alcalde de Lugo",
        "accusation",
        "No acusa la oposición al alcalde de Lugo de adjudicar contratos a dedo a empresas de su cuñado.",
    ),
    (
        "es",
        "prison_requested_fronted",
        "Seis años de prisión pide la Fiscalía para el exalcalde de Marbella por malversación.",
        "Fiscalía",
        "exalcalde de Marbella",
        "charge",
        "Seis años de prisión no pide la Fiscalía para el exalcalde de Marbella por malversación.",
    ),
    (
        "es",
        "arrested_headline",
        "Detenida en Sevilla una mujer por estafar a ancianos con falsas herencias.",
        "",
        "mujer",
        "charge",
        "Detenida en Sevilla una mujer por error.",
    ),
    (
        "es",
        "claims_from_clitic",
        "El cantante Luis Mora vive en Miami desde 2015. Hacienda le reclama dos millones por haber ocultado ingresos en paraísos fiscales.",
        "Hacienda",
        "Luis Mora",
        "accusation",
        "El cantante Luis Mora vive en Miami desde 2015. Hacienda le reclama dos millones por haber vendido su casa.",
    ),
    (
        "es",
        "said_after_before_judge",
        "«La empresa nos obligaba a trabajar sin contrato», denunció ante el juez el temporero Juan Ruiz.",
        "temporero Juan Ruiz",
        "empresa",
        "accusation",
        "«La empresa no nos obligaba a trabajar sin contrato», declaró ante el juez el encargado Juan Ruiz.",
    ),
    (
        "es",
        "decimal_comma",
        "Según la Agencia Tributaria, el futbolista habría ocultado 2,5 millones en sociedades pantalla.",
        "Agencia Tributaria",
        "futbolista",
        "allegation",
        "Según la Agencia Tributaria, el futbolista habría ganado 2,5 millones en sociedades pantalla.",
    ),
    (
        "de",
        "accuse_vor_inverted_pronoun",
        "Der Stromanbieter Lumen wächst seit Jahren. Zugleich wirft ihm die Verbraucherzentrale vor, Kunden mit falschen Rechnungen zu täuschen.",
        "Verbraucherzentrale",
        "Stromanbieter Lumen",
        "accusation",
        "Der Stromanbieter Lumen wächst seit Jahren. Zugleich wirft ihm die Verbraucherzentrale vor, Kunden mit falschen Rechnungen zu täuschen?",
    ),
    (
        "de",
        "accuse_vor_fronted_dative",
        "Dem Bürgermeister von Celle werfen Stadträte Vetternwirtschaft vor.",
        "Stadträte",
        "Bürgermeister von Celle",
        "accusation",
        "Dem Bürgermeister von Celle werfen Stadträte keine Vetternwirtschaft vor.",
    ),
    (
        "de",
        "beschuldigt_passive_by",
        "Der Chefarzt der Klinik wird von drei Krankenschwestern beschuldigt, sie belästigt zu haben.",
        "Krankenschwestern",
        "Chefarzt",
        "accusation",
        "Der Chefarzt der Klinik wird von drei Krankenschwestern nicht beschuldigt, sie belästigt zu haben.",
    ),
    (
        "de",
        "arrested_inverted_relative_hearsay",
        "In Bremen nahm die Polizei einen 41-Jährigen fest, der Rentner mit falschen Gewinnversprechen betrogen haben soll.",
        "Polizei",
        "41-Jährigen",
        "charge",
        "In Bremen nahm die Polizei einen 41-Jährigen nicht fest, der Rentner mit falschen Gewinnversprechen betrogen haben soll.",
    ),
    (
        "de",
        "as_reports_after",
        "Der Landrat soll Fördermittel an Vereine seiner Parteifreunde vergeben haben, wie die Kreiszeitung berichtet.",
        "Kreiszeitung",
        "Landrat",
        "allegation",
        "Der Landrat soll Fördermittel an Vereine seiner Heimatstadt vergeben haben, wie die Kreiszeitung berichtet.",
    ),
    (
        "de",
        "office_party",
        "Das Bundeskartellamt wirft dem Konzern vor, Preise abgesprochen zu haben.",
        "Bundeskartellamt",
        "Konzern",
        "accusation",
        "Das Bundeskartellamt wirft dem Konzern nicht vor, Preise abgesprochen zu haben.",
    ),
    (
        "de",
        "no_initial_suspicion",
        "Nach Ansicht der Staatsanwaltschaft hat der Trainer Spenden veruntreut.",
        "Staatsanwaltschaft",
        "Trainer",
        "allegation",
        "Für Ermittlungen gegen den Trainer fehlt nach Ansicht der Staatsanwaltschaft jeder Anfangsverdacht.",
    ),
    (
        "de",
        "role_quoted_name",
        "Laut einem Bericht der Zeitung „Nordkurier“ soll der Bürgermeister Spenden veruntreut haben.",
        "Zeitung „Nordkurier",
        "Bürgermeister",
        "allegation",
        "Laut einem Bericht der Zeitung „Nordkurier“ soll der Bürgermeister Spenden gesammelt haben.",
    ),
    (
        "es",
        "relative_clause_subject",
        "Un colectivo de enfermeras que trabajan en el hospital de Elche denuncia que la fundación Salud Activa cobra comisiones ilegales.",
        "enfermeras",
        "fundación Salud Activa",
        "claim",
        "Un colectivo de enfermeras que trabajan en el hospital de Elche no denuncia que la fundación Salud Activa cobra comisiones ilegales.",
    ),
    (
        "ru",
        "according_report_noun",
        "Согласно отчёту Счётной палаты, министерство транспорта завысило стоимость контрактов.",
        "Счётной палаты",
        "министерство",
        "allegation",
        "Согласно отчёту Счётной палаты, министерство транспорта не завышало стоимость контрактов.",
    ),
    (
        "ru",
        "role_complement_quoted",
        "Приложение для доставки «Быстрокорм» обвинили в утечке данных.",
        "",
        "Приложение для доставки «Быстрокорм»",
        "accusation",
        "Приложение для доставки «Быстрокорм» не обвиняли в утечке данных.",
    ),
    # twelfth round (fresh11 opened): a sentence of each construction and a hard negative
    # of the same shape, written here (not lines of any split)
    (
        "fr",
        "accuse_clitic_le",
        "Le cycliste Marc Lenoir a gagné trois étapes. L'Agence mondiale antidopage le soupçonne désormais d'avoir utilisé une substance interdite.",
        "Agence",
        "Marc Lenoir",
        "accusation",
        "Le cycliste Marc Lenoir a gagné trois étapes. L'Agence mondiale antidopage ne le soupçonne plus d'avoir utilisé une substance interdite.",
    ),
    (
        "fr",
        "police_custody_suspected",
        "Le gérant d'un garage de Rennes a été placé en garde à vue, soupçonné d'avoir revendu des voitures volées.",
        "",
        "gérant",
        "allegation",
        "Le gérant d'un garage de Rennes a-t-il été placé en garde à vue, soupçonné d'avoir revendu des voitures volées ?",
    ),
    (
        "fr",
        "summoned_before_court",
        "Un ancien cadre a assigné la société Vendex devant les prud'hommes pour harcèlement moral.",
        "ancien cadre",
        "société Vendex",
        "lawsuit",
        "Un ancien cadre n'a pas assigné la société Vendex devant les prud'hommes pour harcèlement moral.",
    ),
    (
        "fr",
        "accusations_relative_against",
        "Le tribunal examine les accusations de corruption que le syndicat porte contre le maire de Vanves, Paul Hardy.",
        "syndicat",
        "Paul Hardy",
        "accusation",
        "Les accusations de corruption que le syndicat porte contre le maire de Vanves, Paul Hardy, sont-elles fondées ?",
    ),
    (
        "es",
        "claim_that_adverb",
        "La CNMV sostiene ahora que la compañía Innovia infló sus cifras de clientes.",
        "CNMV",
        "compañía Innovia",
        "claim",
        "La CNMV sostiene ahora que la compañía Innovia mejoró sus cifras de clientes.",
    ),
    (
        "es",
        "cleft_reproach",
        "Es el PP el que reprocha al alcalde de Vigo haber malversado fondos públicos.",
        "PP",
        "alcalde de Vigo",
        "accusation",
        "¿Es el PP el que reprocha al alcalde de Vigo haber malversado fondos públicos?",
    ),
    (
        "es",
        "reproach",
        "Vox reprocha al Gobierno haber ocultado el coste de la obra.",
        "Vox",
        "Gobierno",
        "accusation",
        "Vox no reprocha al Gobierno haber ocultado el coste de la obra.",
    ),
    (
        "es",
        "taken_to_court",
        "La OCU ha llevado a los tribunales a la eléctrica Lumenia por cobrar cargos ilegales.",
        "OCU",
        "eléctrica Lumenia",
        "lawsuit",
        "La OCU no ha llevado a los tribunales a la eléctrica Lumenia por cobrar cargos ilegales.",
    ),
    (
        "es",
        "object_of_lawsuit_filed_by",
        "Marta Ruiz es objeto de una querella por malversación presentada por la Fiscalía.",
        "Fiscalía",
        "Marta Ruiz",
        "lawsuit",
        "Marta Ruiz no es objeto de una querella por malversación presentada por la Fiscalía.",
    ),
    (
        "es",
        "accusations_relative_against",
        "Las acusaciones de fraude que el sindicato lanzó contra el alcalde Pedro Gil llegarán al juzgado.",
        "sindicato",
        "alcalde Pedro Gil",
        "accusation",
        "¿Llegarán al juzgado las acusaciones de fraude que el sindicato lanzó contra el alcalde Pedro Gil?",
    ),
    (
        "es",
        "investigated_by",
        "La constructora Obrasur está siendo investigada por un juzgado de Cádiz por presunto fraude.",
        "juzgado de Cádiz",
        "constructora Obrasur",
        "allegation",
        "La constructora Obrasur no está siendo investigada por un juzgado de Cádiz por presunto fraude.",
    ),
    (
        "de",
        "investigates_relative_hearsay",
        "Die Staatsanwaltschaft ermittelt gegen einen Kölner Arzt, der Rezepte gefälscht haben soll.",
        "Staatsanwaltschaft",
        "Kölner Arzt",
        "allegation",
        "Die Staatsanwaltschaft ermittelt nicht gegen einen Kölner Arzt, der Rezepte gefälscht haben soll.",
    ),
    (
        "de",
        "arrested_perfect_relative_hearsay",
        "Die Polizei hat in Hamburg einen 41-Jährigen festgenommen, der Geld unterschlagen haben soll.",
        "Polizei",
        "41-Jährigen",
        "allegation",
        "Die Polizei hat in Hamburg keinen 41-Jährigen festgenommen, der Geld unterschlagen haben soll.",
    ),
    (
        "de",
        "sued_passive_by_relative",
        "Die Firma Techwerk wird von einem Zulieferer verklagt, der ihr Betrug vorwirft.",
        "Zulieferer",
        "Firma Techwerk",
        "lawsuit",
        "Die Firma Techwerk wird nicht von einem Zulieferer verklagt, der ihr Betrug vorwirft.",
    ),
    (
        "de",
        "according_nach_inserted",
        "Bürgermeister Jens Kalb hat nach Recherchen des „Stern“ Spenden veruntreut.",
        "Stern",
        "Bürgermeister Jens Kalb",
        "allegation",
        "Bürgermeister Jens Kalb hat nach Recherchen des „Stern“ Spenden gesammelt.",
    ),
    (
        "de",
        "reported_perfect_clitic",
        "Der Trainer Uwe Brandt leitet den Verein. Drei Spielerinnen haben ihn nun wegen Nötigung angezeigt.",
        "Spielerinnen",
        "Uwe Brandt",
        "lawsuit",
        "Der Trainer Uwe Brandt leitet den Verein. Drei Spielerinnen haben ihn nun nicht wegen Nötigung angezeigt.",
    ),
    (
        "de",
        "custody_fronted_suspicion",
        "Wegen des Verdachts auf Betrug ist der Makler Tim Vogt in Untersuchungshaft genommen worden.",
        "",
        "Makler Tim Vogt",
        "allegation",
        "Wegen des Verdachts auf Betrug ist der Makler Tim Vogt nicht in Untersuchungshaft genommen worden.",
    ),
    (
        "de",
        "fronted_adverb_claim",
        "Jahrelang soll der Konzern Velta giftige Abwässer illegal in die Elbe geleitet haben, werfen ihm Umweltverbände vor.",
        "Umweltverbände",
        "Konzern Velta",
        "accusation",
        "Jahrelang soll der Konzern Velta giftige Abwässer in die Elbe geleitet haben, werfen ihm Umweltverbände nicht vor.",
    ),
    (
        "ru",
        "accused_fronted_claim",
        "В получении взятки подозревается бывший глава района Иван Котов.",
        "",
        "бывший глава района Иван Котов",
        "accusation",
        "В получении взятки не подозревается бывший глава района Иван Котов.",
    ),
    (
        "ru",
        "according_inserted",
        "Бывший мэр Листвянска Олег Сомов, по версии следствия, получил взятку от застройщика.",
        "следствия",
        "Бывший мэр Листвянска Олег Сомов",
        "allegation",
        "Бывший мэр Листвянска Олег Сомов, по словам соседей, получил квартиру от родителей.",
    ),
    (
        "de",
        "investigates_bare",
        "Die Staatsanwaltschaft Kiel ermittelt gegen den Bürgermeister Olaf Peters.",
        "Staatsanwaltschaft Kiel",
        "Bürgermeister Olaf Peters",
        "allegation",
        "Die Polizei in Kiel ermittelt gegen Unbekannt.",
    ),
    (
        "de",
        "injury_no_wrong",
        "Laut Staatsanwaltschaft hat der Konzern Velta fremde Urheberrechte verletzt.",
        "Staatsanwaltschaft",
        "Konzern Velta",
        "allegation",
        "Laut Polizei wurden bei dem Unfall in Kiel zwei Radfahrer verletzt.",
    ),
    (
        "es",
        "filed_complaint_reflexive",
        "La Fiscalía se ha querellado contra el exalcalde Tomás Ruiz por malversación.",
        "Fiscalía",
        "exalcalde Tomás Ruiz",
        "lawsuit",
        "La Fiscalía no se ha querellado contra el exalcalde Tomás Ruiz.",
    ),
    (
        "es",
        "reported_before_simple",
        "Una exempleada denunció ante la Policía a la peluquería Rizos por cobrar tratamientos falsos.",
        "exempleada",
        "peluquería Rizos",
        "lawsuit",
        "Una exempleada no denunció ante la Policía a la peluquería Rizos por cobrar tratamientos falsos.",
    ),
    (
        "es",
        "denounce_that_deed",
        "El sindicato denunció que el hospital Santa Rita obliga a su plantilla a doblar turnos.",
        "sindicato",
        "hospital Santa Rita",
        "accusation",
        "La ONG denunció que miles de migrantes duermen en la calle.",
    ),
    (
        "es",
        "denounce_that_deed_when",
        "El sindicato denunció este lunes que el hospital Santa Rita obliga a su plantilla a doblar turnos.",
        "sindicato",
        "hospital Santa Rita",
        "accusation",
        "La ONG denunció este lunes que miles de migrantes duermen en la calle.",
    ),
    (
        "es",
        "prodrop_accused",
        "El joven Raúl Medina fue juzgado ayer. Está acusado de vender entradas falsas.",
        "",
        "Raúl Medina",
        "charge",
        "El joven Raúl Medina fue juzgado ayer. No está acusado de vender entradas falsas.",
    ),
    (
        "es",
        "prodrop_accused_perfect",
        "El concejal Luis Vera dimitió ayer. Ha sido acusado de cobrar comisiones.",
        "",
        "Luis Vera",
        "charge",
        "El concejal Luis Vera dimitió ayer. No ha sido acusado de cobrar comisiones.",
    ),
    (
        "es",
        "dislocated_attributed_according",
        "A la constructora Obrasur se le atribuye, según el diario Sur, el pago de sobornos.",
        "diario Sur",
        "constructora Obrasur",
        "allegation",
        "A la constructora Obrasur se le atribuye, según el diario Sur, el mayor contrato del año.",
    ),
    (
        "es",
        "dislocated_attributed",
        "A la tecnológica Datamar se le atribuye la venta ilegal de datos.",
        "",
        "tecnológica Datamar",
        "allegation",
        "A la tecnológica Datamar se le atribuye un aumento de ventas.",
    ),
    (
        "es",
        "according_inserted_hearsay",
        "El alcalde de Vigo, según la oposición, habría desviado fondos públicos.",
        "oposición",
        "alcalde de Vigo",
        "allegation",
        "El alcalde de Vigo, según la oposición, habría ganado las elecciones.",
    ),
    (
        "es",
        "institution_party",
        "Los vecinos acusan al consistorio de abandonar los parques.",
        "vecinos",
        "consistorio",
        "accusation",
        "Los vecinos no acusan al consistorio de abandonar los parques.",
    ),
    (
        "es",
        "numeral_determiner",
        "De acuerdo con la CNMC, cinco constructoras desviaron fondos públicos.",
        "CNMC",
        "constructoras",
        "allegation",
        "De acuerdo con la CNMC, cinco constructoras ganaron licitaciones públicas.",
    ),
    (
        "fr",
        "cartel_wrong",
        "D'après l'Autorité de la concurrence, quatre fabricants se sont entendus sur les prix.",
        "Autorité de la concurrence",
        "fabricants",
        "allegation",
        "D'après l'Autorité de la concurrence, quatre fabricants se sont entendus sur une charte.",
    ),
    (
        "fr",
        "main_clause_suspected",
        "Un joueur de Vron a été suspendu samedi, soupçonné d'avoir truqué un match.",
        "",
        "joueur de Vron",
        "accusation",
        "Un joueur de Vron a été suspendu samedi, soupçonné par son club d'être blessé.",
    ),
    (
        "fr",
        "resigned_suspected",
        "Le maire de Vron a démissionné lundi, soupçonné d'avoir favorisé son frère.",
        "",
        "maire de Vron",
        "accusation",
        "Le maire de Vron a démissionné lundi, fatigué des critiques.",
    ),
    (
        "de",
        "embezzled_to_own_account",
        "Der Kassenwart Jens Ohlig soll Spendengelder auf private Konten umgeleitet haben.",
        "",
        "Kassenwart Jens Ohlig",
        "allegation",
        "Der Kassenwart Jens Ohlig soll Spendengelder auf neue Konten umgebucht haben.",
    ),
    (
        "de",
        "complement_passed_over",
        "Der Leiter des Sportvereins, Jens Ohlig, ist zurückgetreten. Er soll Spendengelder auf private Konten umgeleitet haben.",
        "",
        "Jens Ohlig",
        "allegation",
        "Der Leiter des Sportvereins, Jens Ohlig, ist zurückgetreten. Er soll Spendengelder auf neue Konten umgebucht haben.",
    ),
    (
        "fr",
        "according_inserted_conditional",
        "Le député Paul Morin, selon Mediapart, aurait détourné des fonds publics.",
        "Mediapart",
        "député Paul Morin",
        "allegation",
        "Le député Paul Morin, selon Mediapart, aurait quitté son parti.",
    ),
    (
        "ru",
        "pronoun_party",
        "Суд над Игорем Беловым продолжается. Прокуратура требует для него восьми лет колонии.",
        "Прокуратура",
        "Игорем Беловым",
        "charge",
        "Суд над Игорем Беловым продолжается. Прокуратура не требует для него восьми лет колонии.",
    ),
    # fourteenth round (fresh13 opened)
    (
        "ru",
        "acquittal_verdict",
        "Фермер Николай Гусев, которому вменяли поджог соседского амбара, арестован.",
        "",
        "Фермер Николай Гусев",
        "charge",
        "Вердикт присяжных оказался оправдательным: фермер Николай Гусев, которому вменяли поджог"
        " соседского амбара, вышел на свободу.",
    ),
    (
        "ru",
        "case_closed",
        "Уголовное дело против директора школы Сергея Баринова возбуждено по статье о мошенничестве.",
        "",
        "директора школы Сергея Баринова",
        "charge",
        "Уголовное дело против директора школы Сергея Баринова прекращено за отсутствием состава"
        " преступления.",
    ),
    (
        "ru",
        "initial_neuter_adjective",
        "Заочное обвинение во взятке следствие предъявило бывшему мэру Игорю Белову.",
        "следствие",
        "бывшему мэру Игорю Белову",
        "charge",
        "Заочное обвинение во взятке следствие так и не предъявило бывшему мэру Игорю Белову.",
    ),
    (
        "ru",
        "source_two_words_after_stop",
        "Мэр Игорь Ветлугин стал фигурантом уголовного дела о превышении полномочий, сообщило"
        " областное управление СК.",
        "областное управление СК",  # "управление" a role noun since round 36
        "Мэр Игорь Ветлугин",
        "charge",
        "Мэр Игорь Ветлугин не стал фигурантом уголовного дела о превышении полномочий, сообщило"
        " областное управление СК.",
    ),
    (
        "de",
        "beschuldigen_inverted_pronoun",
        "Der Radprofi Jens Ohlig fuhr lange für Köln. Nun beschuldigt ihn die Anti-Doping-Agentur,"
        " eine Probe manipuliert zu haben.",
        "Anti-Doping-Agentur",
        "Radprofi Jens Ohlig",
        "accusation",
        "Der Radprofi Jens Ohlig fuhr lange für Köln. Beschuldigt ihn die Anti-Doping-Agentur, eine"
        " Probe manipuliert zu haben?",
    ),
    (
        "de",
        "arrested_fronted_suspicion",
        "Wegen des Verdachts auf Betrug ist ein 41-jähriger Unternehmer aus Bonn festgenommen worden.",
        "",
        "41-jähriger Unternehmer aus Bonn",
        "charge",
        "Wegen des Verdachts auf Betrug ist ein 41-jähriger Unternehmer aus Bonn nicht festgenommen"
        " worden.",
    ),
    (
        "de",
        "according_nach_von_inserted",
        "Der Autozulieferer Vormann hat nach Recherchen von NDR jahrelang geschönte Messprotokolle"
        " geliefert.",
        "NDR",
        "Autozulieferer Vormann",
        "allegation",
        "Der Autozulieferer Vormann hat nach Recherchen von NDR jahrelang neue Messprotokolle"
        " geliefert.",
    ),
    (
        "fr",
        "referred_for",
        "Trois gendarmes sont renvoyés devant le tribunal correctionnel pour violences volontaires.",
        "",
        "gendarmes",
        "charge",
        "Trois gendarmes sont renvoyés devant le tribunal correctionnel pour y témoigner.",
    ),
    (
        "fr",
        "referred_fronted",
        "Ont été renvoyés devant le tribunal correctionnel pour abus de biens sociaux le maire de"
        " Vron et son adjoint.",
        "",
        "maire de Vron",
        "charge",
        "Ont été renvoyés devant le tribunal correctionnel pour témoigner le maire de Vron et son"
        " adjoint.",
    ),
    (
        "de",
        "investigates_against_fronted",
        "Gegen den Trainer des Vereins, Jens Ohlig, ermittelt die Staatsanwaltschaft wegen"
        " Körperverletzung.",
        "Staatsanwaltschaft",
        "Jens Ohlig",
        "allegation",
        "Gegen den Trainer des Vereins, Jens Ohlig, ermittelt die Staatsanwaltschaft nicht wegen"
        " Körperverletzung.",
    ),
    (
        "es",
        "data_sold",
        "Según un informe de la Universidad de Vigo, la aplicación de citas Amora vendía los datos"
        " de sus usuarios a aseguradoras.",
        "Universidad de Vigo",
        "aplicación",
        "allegation",
        "Según un informe de la Universidad de Vigo, la aplicación de citas Amora compartía los"
        " datos de sus usuarios con su matriz.",
    ),
    (
        "fr",
        "data_sold",
        "Selon des chercheurs de l'université de Lille, l'application Flirtia transmettait la"
        " position de ses utilisateurs à des courtiers en données.",
        "chercheurs de l'université de Lille",
        "application Flirtia",
        "allegation",
        "Selon des chercheurs de l'université de Lille, l'application Flirtia transmettait la"
        " position de ses utilisateurs à leurs amis.",
    ),
    # fifteenth round (issue 12): constructions of the opened fresh14, sentences written here
    (
        "de",
        "laid_to_charge_noun",
        "Dem früheren Kämmerer wird Untreue in zwölf Fällen zur Last gelegt.",
        "",
        "früheren Kämmerer",
        "charge",
        "Dem früheren Kämmerer wird keine Untreue zur Last gelegt.",
    ),
    (
        "de",
        "accused_vor_by_clause",
        "Dem Autobauer wird von der Umwelthilfe vorgeworfen, Abgaswerte geschönt zu haben.",
        "Umwelthilfe",
        "Autobauer",
        "accusation",
        "Dem Autobauer wird von der Umwelthilfe nicht vorgeworfen, Abgaswerte geschönt zu haben.",
    ),
    (
        "de",
        "lawsuit_fronted_passive",
        "Gegen den Hausverwalter Klaus Berger ist Anzeige wegen Betrugs erstattet worden.",
        "",
        "Hausverwalter Klaus Berger",
        "lawsuit",
        "Gegen den Hausverwalter Klaus Berger ist keine Anzeige erstattet worden.",
    ),
    (
        "de",
        "forbidden_wrong",
        "Nach Angaben der Umweltbehörde hat ein Chemiekonzern verbotene Chemikalien in den Bach geleitet.",
        "Umweltbehörde",
        "Chemiekonzern",
        "allegation",
        "Nach Angaben der Umweltbehörde hat ein Chemiekonzern Regenwasser in den Bach geleitet.",
    ),
    (
        "de",
        "negated_past_relative",
        "Die Vorwürfe gegen den Trainer, der seit 2019 im Amt ist, wiegen schwer.",
        "",
        "Trainer",
        "accusation",
        "Die Vorwürfe gegen den Trainer, der seit 2019 im Amt ist, haben sich nicht bestätigt.",
    ),
    (
        "de",
        "negated_among_parties",
        "Die Sängerin Mira Holt lebt in Wien. Nun beschuldigt sie der Musikverband, Tantiemen unterschlagen zu haben.",
        "Musikverband",
        "Mira Holt",
        "accusation",
        "Die Sängerin Mira Holt lebt in Wien. Nun beschuldigt sie der Musikverband nicht, Tantiemen unterschlagen zu haben.",
    ),
    (
        "de",
        "proceedings_dropped",
        "Die Staatsanwaltschaft ermittelt gegen den Bürgermeister wegen Untreue.",
        "Staatsanwaltschaft",
        "Bürgermeister",
        "allegation",
        "Die Staatsanwaltschaft ermittelte gegen den Bürgermeister wegen Untreue; inzwischen wurden die Ermittlungen eingestellt.",
    ),
    (
        "es",
        "negated_wrong",
        "Según la asociación, la aplicación vendía los datos de sus usuarios.",
        "asociación",
        "aplicación",
        "allegation",
        "Según la asociación, la aplicación nunca vendía los datos de sus usuarios.",
    ),
    (
        "es",
        "detained_by_day",
        "La Guardia Civil detuvo el jueves a un concejal de Lorca por presunto cohecho.",
        "Guardia Civil",
        "concejal de Lorca",
        "charge",
        "La Guardia Civil no detuvo el jueves a un concejal de Lorca por presunto cohecho.",
    ),
    (
        "es",
        "accusations_of_against_levelled_after",
        "Las acusaciones de acoso contra el entrenador Luis Mora, formuladas por una exfisioterapeuta, han llegado a la federación.",
        "exfisioterapeuta",
        "entrenador Luis Mora",
        "accusation",
        "Si las acusaciones de acoso contra el entrenador Luis Mora, formuladas por una exfisioterapeuta, llegan a la federación, habrá expediente.",
    ),
    (
        "es",
        "accusations_against_levelled_after",
        "Las acusaciones contra el alcalde, lanzadas por la oposición, han llegado al pleno.",
        "oposición",
        "alcalde",
        "accusation",
        "Si las acusaciones contra el alcalde, lanzadas por la oposición, llegan al pleno, habrá debate.",
    ),
    (
        "es",
        "opened_file_against",
        "La CNMC ha abierto un expediente sancionador a la eléctrica Lumis por prácticas abusivas.",
        "CNMC",
        "eléctrica Lumis",
        "allegation",
        "La CNMC ha abierto un expediente a la eléctrica Lumis por retrasos en la facturación.",
    ),
    (
        "es",
        "opened_file_clitic",
        "La startup Datalia gestiona historiales clínicos. La Agencia de Protección de Datos le ha abierto un expediente sancionador por la cesión ilegal de datos.",
        "Agencia de Protección de Datos",
        "Datalia",
        "allegation",
        "La startup Datalia gestiona historiales clínicos. La Agencia de Protección de Datos le ha abierto un expediente sancionador por un retraso en la notificación.",
    ),
    (
        "es",
        "dumping_gerund",
        "Los vecinos sostienen que la granja Porcisur sigue vertiendo purines al arroyo.",
        "vecinos",
        "granja Porcisur",
        "claim",
        "Los vecinos sostienen que la granja Porcisur sigue criando cerdos junto al arroyo.",
    ),
    (
        "es",
        "case_dismissed",
        "La Fiscalía acusa al alcalde de prevaricación.",
        "Fiscalía",
        "alcalde",
        "accusation",
        "El juzgado archivó la causa contra el alcalde por prevaricación.",
    ),
    (
        "fr",
        "prosecution_dropped",
        "Le parquet poursuit le maire pour favoritisme.",
        "parquet",
        "maire",
        "lawsuit",
        "Le parquet a renoncé à poursuivre le maire visé par une plainte pour favoritisme.",
    ),
    (
        "fr",
        "accusations_of_against_levelled_after",
        "Les accusations de fraude contre le maire, portées par l'opposition, ont été transmises au parquet.",
        "opposition",
        "maire",
        "accusation",
        "Si les accusations de fraude contre le maire, portées par l'opposition, étaient transmises au parquet, il démissionnerait.",
    ),
    (
        "fr",
        "accusations_against_levelled_after",
        "Les accusations contre le maire, lancées par l'opposition, ont été transmises au parquet.",
        "opposition",
        "maire",
        "accusation",
        "Si les accusations contre le maire, lancées par l'opposition, étaient transmises au parquet, il démissionnerait.",
    ),
    (
        "fr",
        "fronted_suspicions_from",
        "Visé par des accusations de harcèlement venant de trois anciennes salariées, le directeur du musée a démissionné.",
        "anciennes salariées",
        "directeur",
        "accusation",
        "Visé par des accusations de harcèlement venant de trois anciennes salariées, le directeur du musée a-t-il démissionné ?",
    ),
    (
        "fr",
        "inquiry_against_suspected",
        "L'Arcep a ouvert une enquête contre l'opérateur Telnet, soupçonné de facturer des options jamais souscrites.",
        "Arcep",
        "opérateur Telnet",
        "allegation",
        "L'Arcep n'a pas ouvert d'enquête contre l'opérateur Telnet, soupçonné de facturer des options jamais souscrites.",
    ),
    (
        "fr",
        "person_pronoun_full_name",
        "Paul Girard dirige depuis 2015 la mutuelle de Rennes. Une information judiciaire a été ouverte contre lui pour abus de confiance.",
        "",
        "Paul Girard",
        "charge",
        "Paul Girard dirige depuis 2015 la mutuelle de Rennes. Une information judiciaire a-t-elle été ouverte contre lui pour abus de confiance ?",
    ),
    (
        "fr",
        "accuser_pronoun_role_before",
        "Le parquet financier enquête depuis mars sur la société Brivex. Il la soupçonne d'avoir dissimulé des bénéfices.",
        "parquet",
        "Brivex",
        "accusation",
        "Le parquet financier enquête depuis mars sur la société Brivex. Il ne la soupçonne pas d'avoir dissimulé des bénéfices.",
    ),
    (
        "ru",
        "claim_first_role_object",
        "В хищении бюджетных средств главу района Сергея Гладкова обвинил депутат Илья Панов.",
        "депутат Илья Панов",
        "главу района Сергея Гладкова",
        "accusation",
        "В хищении бюджетных средств главу района Сергея Гладкова не обвинял депутат Илья Панов.",
    ),
    (
        "ru",
        "participle_phrase_subject",
        "Экс-директор завода Олег Сухов, руководивший предприятием десять лет, обвиняется в хищении.",
        "",
        "Экс-директор завода Олег Сухов",
        "accusation",
        "Экс-директор завода Олег Сухов, руководивший предприятием десять лет, не обвиняется в хищении.",
    ),
    (
        "ru",
        "genitive_adjective_role",
        "ФАС обвинила поставщиков школьного питания в сговоре.",
        "ФАС",
        "поставщиков школьного питания",
        "accusation",
        "ФАС не обвиняла поставщиков школьного питания в сговоре.",
    ),
    (
        "ru",
        "captain_role",
        "Бывший капитан сборной, Олег Рябов, подозревается в уклонении от уплаты налогов.",
        "",
        "Олег Рябов",
        "accusation",
        "Бывший капитан сборной, Олег Рябов, не подозревается в уклонении от уплаты налогов.",
    ),
    (
        "ru",
        "case_refused",
        "Полиция подозревает директора школы Ивана Котова в мошенничестве.",
        "Полиция",
        "директора школы Ивана Котова",
        "accusation",
        "Полиция отказала в возбуждении дела против директора школы Ивана Котова по заявлению о мошенничестве.",
    ),
]


CONSTRUCTIONS += [
    # sixteenth round: written here, not lines of any split
    (
        "es",
        "taken_object_to_court",
        "La asociación Adicae ha llevado a la eléctrica Lumisur ante los tribunales por cobrar servicios no contratados.",
        "asociación Adicae",
        "eléctrica Lumisur",
        "lawsuit",
        "La asociación Adicae no ha llevado a la eléctrica Lumisur ante los tribunales por cobrar servicios no contratados.",
    ),
    (
        "es",
        "taken_to_court_passive_by",
        "El banco Cresol, con sede en Bilbao, ha sido llevado a los tribunales por la asociación Adicae.",
        "asociación Adicae",
        "banco Cresol",
        "lawsuit",
        "El banco Cresol no ha sido llevado a los tribunales por la asociación Adicae.",
    ),
    (
        "es",
        "detained_where_accused",
        "La Guardia Civil detuvo ayer en Almería a un constructor acusado de blanquear dinero del narcotráfico.",
        "Guardia Civil",
        "constructor",
        "accusation",
        "La Guardia Civil no detuvo ayer en Almería a ningún constructor acusado de blanquear dinero.",
    ),
    (
        "es",
        "detained_where",
        "La Policía Nacional detuvo en Cádiz a dos hombres por robar en una joyería.",
        "Policía Nacional",
        "hombres",
        "charge",
        "La Policía Nacional no detuvo en Cádiz a nadie por el robo.",
    ),
    (
        "de",
        "went_to_court_against_fronted",
        "Wegen überhöhter Nebenkostenabrechnungen zieht der Mieterbund Hessen gegen die Vermieterin Wohnbau Nord vor Gericht.",
        "Mieterbund Hessen",
        "Vermieterin Wohnbau Nord",
        "lawsuit",
        "Wegen überhöhter Nebenkostenabrechnungen zieht der Mieterbund Hessen nicht gegen die Vermieterin Wohnbau Nord vor Gericht.",
    ),
    (
        "de",
        "went_to_court_against",
        "Der Mieterbund Hessen zieht gegen die Vermieterin Wohnbau Nord vor Gericht.",
        "Mieterbund Hessen",
        "Vermieterin Wohnbau Nord",
        "lawsuit",
        "Der Mieterbund Hessen zieht nicht gegen die Vermieterin Wohnbau Nord vor Gericht.",
    ),
    (
        "fr",
        "seized_court_reproaching",
        "Quatre chauffeurs ont saisi les prud'hommes, reprochant à la société Transalp des licenciements abusifs.",
        "chauffeurs",
        "société Transalp",
        "lawsuit",
        "Quatre chauffeurs n'ont pas saisi les prud'hommes, reprochant à la société Transalp des licenciements abusifs.",
    ),
]

CONSTRUCTIONS += [
    # round 48 (real12): the accused in the dative after the charge noun
    (
        "ru",
        "charged_by_noun_first_dative",
        "Прокуратура предъявила обвинение бывшему мэру Томска Ивану Кляйну.",
        "Прокуратура",
        "бывшему мэру Томска Ивану Кляйну",
        "charge",
        "Прокуратура не предъявила обвинение бывшему мэру Томска Ивану Кляйну.",
    ),
]

CONSTRUCTIONS += [
    # seventeenth round: written here, not lines of any split
    (
        "ru",
        "as_reports",
        "Как установила газета «Вечерний Омск», управляющая компания «Дом-Сервис» завысила тарифы на отопление.",
        "газета «Вечерний Омск»",
        "управляющая компания «Дом-Сервис»",
        "allegation",
        "Как установила газета «Вечерний Омск», причиной пожара стала старая проводка.",
    ),
    (
        "de",
        "went_to_court_against_inverted",
        "Nach dem Hochwasser ziehen mehrere Landwirte gegen den Wasserverband Obere Ems vor das Landgericht.",
        "Landwirte",
        "Wasserverband Obere Ems",
        "lawsuit",
        "Nach dem Hochwasser ziehen die Landwirte gegen den Wasserverband Obere Ems nicht vor das Landgericht.",
    ),
    (
        "de",
        "went_to_court_against_court",
        "Die Mieterinitiative zieht gegen die Wohnbau Rhein vor das Amtsgericht.",
        "Mieterinitiative",
        "Wohnbau Rhein",
        "lawsuit",
        "Die Mieterinitiative zieht gegen die Wohnbau Rhein nicht vor das Amtsgericht.",
    ),
    (
        "de",
        "sues_against_inverted",
        "Vor dem Sozialgericht Dortmund klagt ein früherer Lagerarbeiter gegen die Spedition Kramer auf Nachzahlung.",
        "früherer Lagerarbeiter",
        "Kramer",
        "lawsuit",
        "Vor dem Sozialgericht Dortmund klagt ein früherer Lagerarbeiter gegen das Urteil der ersten Instanz.",
    ),
    (
        "de",
        "sues_against",
        "Die Stadt Gladbeck klagt gegen den Energiekonzern Ruhrwatt auf Schadenersatz.",
        "Stadt Gladbeck",
        "Energiekonzern Ruhrwatt",
        "lawsuit",
        "Die Stadt Gladbeck klagt nicht gegen den Energiekonzern Ruhrwatt.",
    ),
    (
        "es",
        "attributed_clitic",
        "Pedro Lozano dirigió la mutua durante diez años. La Fiscalía le atribuye el desvío de dos millones de euros.",
        "Fiscalía",
        "Pedro Lozano",
        "charge",
        "Pedro Lozano dirigió la mutua durante diez años. La directiva le atribuye el éxito de la temporada.",
    ),
    (
        "es",
        "claim_that_in_document",
        "La asociación Facua asegura en un comunicado que la eléctrica Voltia cobra recargos ilegales.",
        "asociación Facua",
        "eléctrica Voltia",
        "claim",
        "La asociación Facua asegura en un comunicado que la eléctrica Voltia cobra recargos por la lectura del contador.",
    ),
]

CONSTRUCTIONS += [
    # eighteenth round: written here, not lines of any split
    (
        "es",
        "requests_prison_perfect",
        "La Fiscalía ha solicitado cuatro años de cárcel para el exalcalde de Lorca por cobrar comisiones.",
        "Fiscalía",
        "exalcalde de Lorca",
        "charge",
        "La Fiscalía no ha solicitado cárcel para el exalcalde de Lorca por cobrar comisiones.",
    ),
    (
        "es",
        "requests_prison_relative",
        "El tribunal juzga desde hoy al extesorero del club, para quien la Fiscalía pide tres años de prisión por apropiación indebida.",
        "Fiscalía",
        "extesorero",
        "charge",
        "El tribunal juzga desde hoy al extesorero del club, para quien la defensa pide la absolución.",
    ),
    (
        "es",
        "requests_prison_fronted_for",
        "Para la exdirectora del hospital, la acusación particular solicita cinco años de inhabilitación por prevaricación.",
        "acusación particular",
        "exdirectora del hospital",
        "charge",
        "Para la exdirectora del hospital, la acusación particular solicita más tiempo por la complejidad del caso.",
    ),
    (
        "es",
        "relative_attributed_by_feminine",
        "La concejala Rosa Vidal, a la que la oposición atribuye haber amañado contratos, dimitió ayer.",
        "oposición",
        "concejala Rosa Vidal",
        "allegation",
        "La concejala Rosa Vidal, a la que la oposición atribuye el éxito de la feria, dimitió ayer.",
    ),
    (
        "es",
        "opened_file_against",
        "La CNMC ha incoado un expediente sancionador contra dos operadoras por un presunto pacto de precios.",
        "CNMC",
        "operadoras",
        "allegation",
        "La CNMC ha incoado un expediente sancionador contra dos operadoras por un retraso en la entrega de datos.",
    ),
    (
        "es",
        "said_after_report",
        "El ayuntamiento adjudicó contratos de forma ilegal, concluye un informe del Tribunal de Cuentas.",
        "Tribunal de Cuentas",
        "ayuntamiento",
        "allegation",
        "El ayuntamiento cumplió la normativa, concluye un informe del Tribunal de Cuentas.",
    ),
    (
        "es",
        "according_published",
        "Según publica hoy el diario «El Faro», el alcalde cobró comisiones ilegales.",
        "diario «El Faro»",
        "alcalde",
        "allegation",
        "Según publica hoy el diario «El Faro», el alcalde inaugurará la feria.",
    ),
    (
        "es",
        "according_published_after",
        "El alcalde cobró comisiones ilegales, según ha publicado el diario «El Faro».",
        "diario «El Faro»",
        "alcalde",
        "allegation",
        "El alcalde inaugurará la feria, según ha publicado el diario «El Faro».",
    ),
    (
        "de",
        "sues_before_court_against",
        "Eine frühere Pflegerin klagt vor dem Arbeitsgericht Bremen gegen die Klinik Weserblick wegen Mobbing.",
        "frühere Pflegerin",
        "Klinik Weserblick",
        "lawsuit",
        "Eine frühere Pflegerin klagt vor dem Arbeitsgericht Bremen gegen das Urteil.",
    ),
    (
        "de",
        "proceedings_opened_against",
        "Das Kartellamt hat ein Bußgeldverfahren gegen die Molkerei Alpenhof eingeleitet.",
        "Kartellamt",
        "Molkerei Alpenhof",
        "charge",
        "Das Kartellamt hat kein Bußgeldverfahren gegen die Molkerei Alpenhof eingeleitet.",
    ),
    (
        "de",
        "proceedings_opened_against_present",
        "Die Finanzaufsicht leitet ein Verfahren gegen die Sparkasse Nordheide ein.",
        "Finanzaufsicht",
        "Sparkasse Nordheide",
        "charge",
        "Die Finanzaufsicht leitet kein Verfahren gegen die Sparkasse Nordheide ein.",
    ),
    (
        "de",
        "arrested_inverted_relative_hearsay",
        "In Kassel nahm die Polizei drei Jugendliche fest, die einen Kiosk ausgeraubt haben sollen.",
        "Polizei",
        "Jugendliche",
        "charge",
        "In Kassel nahm die Polizei drei Jugendliche fest, die einen Kiosk ausgeraubt haben sollen?",
    ),
    (
        "ru",
        "regulator_case_opened",
        "ФАС возбудила дело в отношении сети заправок «Топливо-Юг» по признакам картельного сговора.",
        "ФАС",
        "сети заправок «Топливо-Юг»",
        "charge",
        "ФАС не возбудила дело в отношении сети заправок «Топливо-Юг».",
    ),
    # nineteenth round: a speech verb put before its speaker and a wrong named in a legal
    # document after the claim
    (
        "es",
        "claim_that_inverted",
        "Sostiene el sindicato que la empresa Limpiezas Sur ha falsificado las nóminas.",
        "sindicato",
        "empresa Limpiezas Sur",
        "claim",
        "Sostiene el sindicato que la empresa Limpiezas Sur ha abierto una oficina nueva.",
    ),
    (
        "de",
        "said_in_complaint_after",
        "Die Firma Aquaclean habe Abwasser in die Elbe gepumpt, heißt es in einer Klage der Umweltliga.",
        "Umweltliga",
        "Firma Aquaclean",
        "lawsuit",
        "Die Firma Aquaclean habe Abwasser in die Elbe gepumpt, heißt es in einer Klage der Umweltliga?",
    ),
    (
        "de",
        "said_after",
        "Die Stadtwerke hätten Fördergelder verschwendet, kritisiert der Landesrechnungshof.",
        "Landesrechnungshof",
        "Stadtwerke",
        "allegation",
        "Die Stadtwerke hätten Fördergelder erhalten, kritisiert der Landesrechnungshof.",
    ),
    (
        "de",
        "said_after",
        "Der Verein habe Spendengelder veruntreut, berichtet ein früherer Kassenwart.",
        "früherer Kassenwart",
        "Verein",
        "allegation",
        "Der Verein habe Spendengelder gesammelt, berichtet ein früherer Kassenwart.",
    ),
    (
        "es",
        "takes_to_court",
        "Un exjugador lleva a los tribunales al club Deportivo Arenas por impago de su ficha.",
        "exjugador",
        "club Deportivo Arenas",
        "lawsuit",
        "Un exjugador no lleva a los tribunales al club Deportivo Arenas.",
    ),
    # twentieth round: an object before its subject, the neuter past of the cue
    (
        "ru",
        "suspect_object_first",
        "Футболистку молодёжной сборной Анну Смирнову РУСАДА заподозрило в применении допинга.",
        "РУСАДА",
        "Футболистку молодёжной сборной Анну Смирнову",
        "accusation",
        "Футболистку молодёжной сборной Анну Смирнову РУСАДА не заподозрило в применении допинга.",
    ),
    (
        "ru",
        "according_pronoun",
        "Волонтёры проверили приют для собак. По их словам, директор приюта брал взятки с хозяев собак.",
        "",  # the pronoun is not resolved: the pattern names no ACCUSER slot (see the test below)
        "директор",
        "allegation",
        "Волонтёры проверили приют для собак. По их словам, директор приюта работает там пятый год.",
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "plain", "parties"),
    [
        (
            "ru",
            "По словам профсоюза, директор завода отдавал подряды компаниям родственников.",
            "По словам профсоюза, директор завода отдавал подряды местным компаниям.",
            ("профсоюза", "директор завода"),
        ),
        (
            "es",
            "Según la oposición, la concejala adjudicó el servicio a la empresa de su hermano.",
            "Según la oposición, la concejala adjudicó el servicio a una empresa de Murcia.",
            ("oposición", "concejala"),
        ),
        (
            "de",
            "Laut dem Personalrat vergab der Bürgermeister den Auftrag an die Firma seines Schwagers.",
            "Laut dem Personalrat vergab der Bürgermeister den Auftrag an eine Firma aus Ulm.",
            ("Personalrat", "Bürgermeister"),
        ),
    ],
)
def test_nineteenth_round_work_given_to_a_relatives_firm(
    language: str, text: str, plain: str, parties: tuple[str, str]
) -> None:
    """Work or contracts given to a relative's firm is a wrong a source's claim names; the same
    work given to any other firm is none."""
    assert _one(text, language)[:2] == parties
    assert extract(plain, language=language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Mehrere Anwohner sagen, der Bürgermeister habe seinen Schwager im Krankenhaus besucht.",
        ),
        ("de", "Der Sprecher sagt, der Bürgermeister habe mit seinem Schwager Urlaub gemacht."),
        ("fr", "Des riverains affirment que le maire a rendu visite à son beau-frère à l'hôpital."),
        ("es", "Varios vecinos dicen que el alcalde visitó a su cuñado en el hospital."),
        ("ru", "Жители говорят, что мэр навестил своего шурина в больнице."),
    ],
)
def test_a_relative_named_in_a_claim_is_no_wrong(language: str, text: str) -> None:
    """A relative is a wrong only when something is given to them (work, a contract, public
    money): a mayor said to have visited his brother-in-law is told of no wrong."""
    assert extract(text, language=language) == [], text


@pytest.mark.parametrize(
    ("language", "text", "plain", "parties"),
    [
        (
            "es",
            "Según la asociación de jubilados, la residencia Los Almendros cobraba a los internos "
            "servicios de fisioterapia.",
            "Según la asociación de jubilados, la residencia Los Almendros ofrecía a los internos "
            "servicios de fisioterapia.",
            ("asociación de jubilados", "residencia Los Almendros"),  # its name since round 29
        ),
        (
            "es",
            "Los vecinos afirman que el concejal de Urbanismo cobraba por conceder licencias.",
            "Los vecinos afirman que el concejal de Urbanismo trabajaba por las tardes.",
            ("vecinos", "concejal de Urbanismo"),
        ),
        (
            "ru",
            "Как утверждают жильцы, управляющая компания «Новый дом» берёт с них деньги за охрану "
            "двора.",
            "Как утверждают жильцы, управляющая компания «Новый дом» берёт с собой в рейды охрану.",
            ("жильцы", "управляющая компания «Новый дом»"),
        ),
        (
            "ru",
            "Как утверждают жильцы, управляющая компания «Новый дом» выставляет счета за уборку, "
            "которую никто не проводит.",
            "Как утверждают жильцы, управляющая компания «Новый дом» выставляет счета за уборку.",
            ("жильцы", "управляющая компания «Новый дом»"),
        ),
        (
            "es",
            "Según Greenpeace, la granja porcina de Totana vierte purines al río Guadalentín.",
            "Según Greenpeace, la granja porcina de Totana cría cerdos ibéricos.",
            ("Greenpeace", "granja"),
        ),
        (
            "ru",
            "Экологи заявили, что птицефабрика под Омском годами сбрасывает помёт в реку.",
            "Экологи заявили, что птицефабрика под Омском годами выпускает яйца.",
            ("Экологи", "птицефабрика"),
        ),
    ],
)
def test_twentieth_round_charging_for_nothing_and_farms_as_parties(
    language: str, text: str, plain: str, parties: tuple[str, str]
) -> None:
    """Charging people for what was not owed or never given is a wrong a source's claim names;
    a farm or a plant ("granja", "птицефабрика") is a party; the same claims with a plain
    deed make no item."""
    assert _one(text, language)[:2] == parties
    assert extract(plain, language=language) == []


def test_twentieth_round_names_and_negations() -> None:
    """A negation before a wrong fragment written with a leading space drops the claim; an
    object before its subject keeps the subject's adjectives; a possessive before a role is
    not shown; a role, a connector and an article before a named body stay one party."""
    negated = (
        "Según la asociación de jubilados, la residencia Los Almendros nunca cobró a los "
        "internos la fisioterapia."
    )
    assert extract(negated, language="es") == []
    text = "Бывшего министра Олега Лаптева антикоррупционное ведомство обвинило в получении взятки."
    assert _one(text, "ru") == (
        "антикоррупционное ведомство",
        "Бывшего министра Олега Лаптева",
        "accusation",
    )
    text = "Ревизоры проверили фонд и обвинили его руководство в растрате."
    assert _one(text, "ru")[:2] == ("Ревизоры", "руководство")
    text = "Agentes de la Guardia Civil detuvieron el lunes a un empresario sospechoso de estafa."
    assert _one(text, "es")[:2] == ("Agentes de la Guardia Civil", "empresario")


def test_twenty_first_round_french_asides_clefts_and_pronouns_after_a_break() -> None:
    """French: a sentence asked for, an aside set off by commas before "contre"; what is
    reproached, said in a cleft either way round; an object pronoun whose clause follows a
    colon stands for the party that opens the sentence."""
    text = "Le procureur a requis deux ans de prison, dont six mois ferme, contre le gérant du bar."
    assert _one(text, "fr") == ("procureur", "gérant", "charge")
    text = (
        "Des subventions versées sans contrôle : voilà ce que les élus écologistes reprochent "
        "au président de la région."
    )
    assert _one(text, "fr")[:2] == ("élus écologistes", "président")
    text = "Ce que reprochent les syndicats à la direction, c'est d'avoir supprimé des postes."
    assert _one(text, "fr")[:2] == ("syndicats", "direction")
    assert extract("Ce que je reproche à mon frère, c'est sa paresse.", language="fr") == []
    text = (
        "Le trésorier de l'association a été placé en garde à vue : la police le soupçonne "
        "d'avoir détourné des dons."
    )
    assert _one(text, "fr")[:2] == ("police", "trésorier")
    text = (
        "Paul Mercier, ancien trésorier du club, est mis en examen : les juges le soupçonnent "
        "d'avoir falsifié des factures."
    )
    assert _one(text, "fr")[:2] == ("juges", "Paul Mercier")
    text = "Une collaboratrice du député l'accuse de harcèlement moral."
    assert _one(text, "fr")[:2] == ("collaboratrice", "député")


def test_twenty_second_round_french_and_spanish_newsroom_verbs() -> None:
    """French and Spanish: accusing verbs a newsroom uses that no pattern read before
    ("épingler", "fustiger", "imputer à", "tenir pour responsable", "taxer de"; "tachar de",
    "cargar contra ... por", "señalar como responsable", "culpar ... por", "achacar ... a",
    "señalamientos contra"), with other senses and negations kept out."""
    cases = [
        ("fr", "Le syndicat épingle la direction pour sa gestion des primes.", "syndicat"),
        (
            "fr",
            "La mairie de Nogent a été épinglée par la Cour des comptes pour des frais indus.",
            "Cour des comptes",
        ),
        ("fr", "L'ONG a fustigé le ministre pour avoir menti sur les chiffres.", "ONG"),
        ("fr", "Le ministère a imputé la fuite de données à un ancien employé.", "ministère"),
        ("fr", "Le procureur tient le gérant pour responsable de la pollution.", "procureur"),
        ("fr", "L'élu taxe le maire de clientélisme.", "élu"),
        ("es", "La oposición tacha al alcalde de corrupto.", "oposición"),
        ("es", "Vox carga contra la ministra por el caos en los trenes.", "Vox"),
        (
            "es",
            "El concejal señala al alcalde como responsable de las irregularidades.",
            "concejal",
        ),
        ("es", "La familia culpa al hospital por la muerte del paciente.", "familia"),
        ("es", "El Gobierno achaca el apagón a la compañía eléctrica.", "Gobierno"),
    ]
    for language, text, accuser in cases:
        found = extract(text, language=language)
        assert len(found) == 1 and found[0].accuser == accuser, (text, found)
    text = "L'opposition fustige le maire pour son manque de transparence."
    assert _one(text, "fr")[:2] == ("opposition", "maire")
    assert _one("La familia culpa al hospital por la muerte del paciente.", "es")[1] == "hospital"
    text = "Los señalamientos contra el alcalde por el contrato de la basura crecen."
    assert _one(text, "es")[1] == "alcalde"
    for language, text in [
        ("es", "El camión carga contra reloj la mercancía del puerto."),
        ("es", "La oposición no culpa al alcalde de la inundación."),
        ("fr", "L'État taxe les carburants de vingt centimes par litre."),
        ("fr", "Le syndicat n'a pas fustigé la direction pour sa gestion."),
    ]:
        assert extract(text, language=language) == [], text


def test_twenty_second_round_fronted_clauses_passive_agents_and_named_wrongs() -> None:
    """French: a fronted "Mis en examen <day> pour ..., T" and "Soupçonné de ..., T, qui ...,
    a été mis en examen"; the main clause's negation after such a clause is its own; "T sont
    soupçonnés / se voient reprocher par A de ..."; a breach of the rules named ("au mépris
    des règles"); a pronoun after a source is not the source. Spanish: files opened against a
    party. German: checks never made ("ohne die Anträge zu kontrollieren")."""
    text = "Mis en examen mardi pour favoritisme, Paul Lenoir, maire depuis 2008, reste en poste."
    assert _one(text, "fr") == ("", "Paul Lenoir", "charge")
    text = "Mis en examen pour corruption, Paul Lenoir n'entend pas démissionner."
    assert _one(text, "fr")[1] == "Paul Lenoir"
    text = (
        "Soupçonné d'avoir vidé la caisse du comité des fêtes, Jean Morel, qui fut trésorier "
        "de 2012 à 2019, a été mis en examen."
    )
    assert _one(text, "fr")[1] == "Jean Morel"
    text = "Deux élus se voient reprocher par la chambre régionale des comptes d'avoir truqué un marché."
    assert _one(text, "fr")[:2] == ("chambre régionale des comptes", "élus")
    text = "Trois gérants sont soupçonnés par le parquet d'avoir maquillé leurs comptes."
    assert _one(text, "fr")[:2] == ("parquet", "gérants")
    text = (
        "L'usine de Rouen a été contrôlée en mai. Selon un rapport de l'inspection, elle "
        "stockait des solvants au mépris des règles de sécurité."
    )
    assert _one(text, "fr")[:2] == ("inspection", "Rouen")
    for negative in (
        "Les accusations contre le maire, portées par l'opposition, ne tiennent pas.",
        "Selon le club, le joueur a marqué au mépris de la douleur.",
    ):
        assert extract(negative, language="fr") == [], negative
    text = "Por presuntos pagos irregulares, la CNMC ha abierto expedientes sancionadores contra dos constructoras."
    assert _one(text, "es")[:2] == ("CNMC", "constructoras")
    assert (
        _one("La CNMC expedienta a tres navieras por repartirse el mercado.", "es")[1] == "navieras"
    )
    assert (
        extract("La CNMC no ha abierto ningún expediente contra las navieras.", language="es") == []
    )
    text = "Laut Landesrechnungshof habe die Behörde Zuschüsse ausgezahlt, ohne die Anträge zu kontrollieren."
    assert extract(text, language="de") != []


def test_twenty_second_round_german_criticism_verbs_and_sentences_asked_for() -> None:
    """German: a criticism verb with its claim on either side ("kritisiert A, T habe ...",
    "T habe ..., rügt A"), a wrong named in the claim; a sentence asked for with "für T" before
    it, in either word order."""
    text = "Die Opposition kritisiert, der Bürgermeister habe Aufträge ohne Ausschreibung vergeben."
    assert _one(text, "de")[:2] == ("Opposition", "Bürgermeister")
    text = "Die Eltern klagen, die Schule lasse Mobbing auf dem Pausenhof zu."
    assert _one(text, "de")[:2] == ("Eltern", "Schule")
    text = (
        "Bei der Sanierung der Turnhalle habe die Stadtverwaltung Geld verschwendet, rügt der "
        "Bund der Steuerzahler."
    )
    assert _one(text, "de")[1] == "Stadtverwaltung"
    assert (
        extract(
            "Der Landesrechnungshof kritisiert, die Stadtwerke hätten Geld erhalten.", language="de"
        )
        == []
    )
    text = "Die Staatsanwaltschaft forderte für den Angeklagten vier Jahre Haft wegen Betrugs."
    assert _one(text, "de") == ("Staatsanwaltschaft", "Angeklagten", "charge")
    text = "Am Ende forderte der Staatsanwalt für die frühere Kassiererin eine Bewährungsstrafe."
    assert _one(text, "de")[:2] == ("Staatsanwalt", "frühere Kassiererin")


def test_twenty_third_round_spanish_newsroom_inventory() -> None:
    """Spanish: accusing forms a newsroom uses that no pattern read before ("hacer / considerar
    responsable a T de", "abrir diligencias / juicio oral contra T por", "se sentará en el
    banquillo por", "se le imputa", "multar / sancionar a T por", "tildar de X a T", "en el
    punto de mira de A por", "le reprocha al T que", "revela que"), with other senses and
    negations kept out."""
    cases = [
        (
            "Los ganaderos hacen responsable a la depuradora de la muerte de los peces.",
            "ganaderos",
            "depuradora",
        ),
        (
            "El comité considera responsables a los gestores del descuadre en las cuentas.",
            "comité",
            "gestores",
        ),
        (
            "La Fiscalía de Huelva ha abierto diligencias contra el gerente del puerto por falsedad documental.",
            "Fiscalía de Huelva",
            "gerente del puerto",
        ),
        (
            "La jueza abrió juicio oral contra el exdirector del hospital por prevaricación.",
            "jueza",
            "exdirector del hospital",
        ),
        (
            "El expresidente de la federación se sentará en el banquillo por apropiación indebida.",
            "",
            "expresidente",
        ),
        ("A la tesorera se le imputan tres delitos de falsedad.", "", "tesorera"),
        ("El exconcejal, a quien se le imputa cohecho, renunció a su acta.", "", "exconcejal"),
        ("La CNMC multa a dos gasolineras por pactar precios.", "CNMC", "gasolineras"),
        (
            "Consumo ha sancionado a una inmobiliaria por cobrar comisiones ilegales.",
            "Consumo",
            "inmobiliaria",
        ),
        (
            "Trabajo ha multado con 30.000 euros a una granja por emplear a jornaleros sin contrato.",
            "Trabajo",
            "granja",
        ),
        ("La diputada tildó de mentiroso al consejero de Hacienda.", "diputada", "consejero"),
        (
            "La naviera Olamar está en el punto de mira de la Fiscalía por vertidos en la bahía.",
            "Fiscalía",
            "naviera Olamar",
        ),
        (
            "La alcaldesa le reprocha al concejal de Urbanismo que ocultara los informes.",
            "alcaldesa",
            "concejal de Urbanismo",
        ),
        (
            "El diario Sur revela que la consejera cobró comisiones de una constructora.",
            "diario Sur",
            "consejera",
        ),
    ]
    for text, accuser, target in cases:
        assert _one(text, "es")[:2] == (accuser, target), text
    for negative in (
        "La Fiscalía no ha abierto diligencias contra el gerente del puerto.",
        "El delantero se sentó en el banquillo por decisión técnica.",
        "La asociación no hace responsable al Ayuntamiento del vertido.",
        "La CNMC no ha sancionado a ninguna eléctrica por los cortes.",
        "El estudio revela que el consumo de agua ha bajado.",
        "El portavoz tildó de histórica la sesión del pleno.",
        "La auditoría concluye que la fundación cumplió la ley.",
    ):
        assert extract(negative, language="es") == [], negative


def test_twenty_third_round_german_fronted_letters_indictments_and_bezichtigen() -> None:
    """German: the accuser of a verb after a fronted "In einem Brief an ..." is the subject
    after the verb, not the letter; "A hat T angeklagt" with no "wegen" claim (a noun, an
    apposed name or a pronoun after a semicolon); "bezichtigen" as "beschuldigen"."""
    text = (
        "In einem offenen Brief an den Stadtrat beschuldigt der Mieterverein die "
        "Wohnungsgesellschaft Nordbau, Reparaturen jahrelang verschleppt zu haben."
    )
    assert _one(text, "de")[:2] == ("Mieterverein", "Wohnungsgesellschaft Nordbau")
    text = (
        "In einem Schreiben an den Vorstand wirft der Betriebsrat dem Geschäftsführer vor, "
        "Überstunden nicht bezahlt zu haben."
    )
    assert _one(text, "de")[:2] == ("Betriebsrat", "Geschäftsführer")
    text = (
        "Die Leiterin des Heims steht in der Kritik. In einem Brief an das Landratsamt halten "
        "ihr mehrere Pflegerinnen vor, sie habe Medikamente falsch dokumentiert."
    )
    [item] = [a for a in extract(text, language="de") if "Pflegerinnen" in a.sentence]
    assert item.accuser == "Pflegerinnen"
    text = (
        "Die Staatsanwaltschaft Kiel hat den früheren Kämmerer der Stadt, Peter Lang, "
        "angeklagt, weil er Gelder veruntreut haben soll."
    )
    assert _one(text, "de") == ("Staatsanwaltschaft Kiel", "Peter Lang", "charge")
    text = (
        "Drei Jahre lang soll ein Kieler Makler Kautionen einbehalten haben; die "
        "Staatsanwaltschaft Kiel hat ihn nun angeklagt."
    )
    assert _one(text, "de")[:2] == ("Staatsanwaltschaft Kiel", "Kieler Makler")
    text = (
        "Die Fraktionschefin der Linken, Anna Berger, bezichtigt den Bürgermeister, Gutachten "
        "zurückgehalten zu haben."
    )
    assert _one(text, "de")[:2] == ("Anna Berger", "Bürgermeister")
    for negative in (
        "In einem Brief an die Eltern beschuldigt die Schulleitung niemanden.",
        "Die Staatsanwaltschaft hat ihn nicht angeklagt.",
        "Die Staatsanwaltschaft hat niemanden angeklagt.",
    ):
        assert extract(negative, language="de") == [], negative


def test_twenty_fifth_round_spanish_clitic_objects_and_french_court_steps() -> None:
    """Spanish: an object set before its clitic ("A la naviera X la acusa el sindicato de
    ...") is the target and the subject after the verb the accuser; an adverb after a clitic
    ("le acusan además de ...") is no object, the clitic stands for the name before. French: a
    prison term asked for with its target fronted ("Contre T, ..., A a réclamé ..."), in the
    passive ("... ont été requis contre T") and after a break ("la peine requise par A contre
    T"); "A attaque / a attaqué T devant le tribunal / les prud'hommes" (a lawsuit)."""
    text = (
        "A la naviera Rumbo Sur la acusa el sindicato de tripulantes de contratar marineros "
        "sin papeles."
    )
    assert _one(text, "es")[:2] == ("sindicato", "naviera Rumbo Sur")
    text = (
        "Al director del conservatorio, Tomás Iriarte, lo acusan tres profesoras de haber "
        "amañado las oposiciones."
    )
    assert _one(text, "es")[:2] == ("profesoras", "Tomás Iriarte")
    text = (
        "La gestora Marta Quiroga dirige la mutua desde 2019. Los socios la acusan también "
        "de haber ocultado las pérdidas."
    )
    [item] = [a for a in extract(text, language="es") if "socios" in a.sentence]
    assert (item.accuser, item.target) == ("socios", "Marta Quiroga")
    text = (
        "Contre l'ancien maire de Vitrac, jugé pour détournement de fonds publics, le "
        "parquet a réclamé deux ans de prison."
    )
    assert _one(text, "fr") == ("parquet", "ancien maire de Vitrac", "charge")
    text = (
        "Cinq ans d'emprisonnement ont été requis contre le gérant d'une agence de voyages "
        "de Nancy, jugé pour escroquerie."
    )
    assert _one(text, "fr")[1:] == ("gérant", "charge")
    text = (
        "Trois ans de prison : telle est la peine requise lundi par le parquet de Metz contre "
        "l'ancien notaire de la ville, jugé pour abus de confiance."
    )
    assert _one(text, "fr")[:2] == ("parquet de Metz", "ancien notaire")
    text = "Onze locataires ont attaqué le bailleur Logisud devant le tribunal judiciaire de Nîmes."
    assert _one(text, "fr") == ("Onze locataires", "bailleur Logisud", "lawsuit")
    text = (
        "Un chauffeur attaque son ancien patron, la société Transalp, devant les prud'hommes "
        "pour heures supplémentaires impayées."
    )
    assert _one(text, "fr")[:2] == ("chauffeur", "ancien patron")
    for language, negative in (
        ("es", "Los vecinos le acusan además el golpe del granizo."),
        ("es", "Al final del partido la acusa el cansancio de toda la temporada."),
        ("es", "Los vecinos la acusan ahora de nada."),
        ("fr", "Contre toute attente, l'équipe a réclamé trois mois de repos."),
        ("fr", "Une amende a été réclamée contre le stationnement sauvage."),
        ("fr", "Contre le vent, les cyclistes ont réclamé deux ans de travaux sur la piste."),
        ("fr", "Les avocats ont attaqué la décision devant la cour d'appel."),
        ("fr", "Les rebelles ont attaqué la caserne devant la cathédrale."),
        ("fr", "L'avant-centre attaque le ballon devant le gardien."),
    ):
        assert extract(negative, language=language) == [], negative


def test_twenty_eighth_round_spanish_and_french_relatives_fronted_participles() -> None:
    """An object pronoun in a relative clause after the accuser stands for the sentence's
    subject ("T han sido detenidos por A, que les atribuye ..."); a relative clause on the
    target with no comma, its subject the sentence's ("A ont arrêté T qu'ils soupçonnent de",
    "A arrestaron a T al que atribuyen ..."); "T está bajo sospecha de A"; a fixed slot's
    phrase keeps its connector's complement ("a un falso revisor del agua acusado de", "selon
    un témoin proche du dossier"); a fronted participle with its agent ("Denunciado por A, el
    dueño de ...", "Accusée par A d'avoir ..., la tannerie de ..."). Negatives: "ninguno"
    negates, a complaint dismissed ("archiva la denuncia", "a classé la plainte", "a débouté")
    is no allegation, a state that is no suspicion ("bajo la protección de"), a relative
    clause with no accusing verb, a fronted participle of praise."""
    text = (
        "Tres jóvenes han sido detenidos en Gijón por la Policía Local, que les atribuye el "
        "robo de catorce bicicletas."
    )
    assert _one(text, "es")[:2] == ("Policía Local", "jóvenes")
    text = (
        "Deux gérants de bar ont été entendus mardi par les douaniers de Calais, qui les "
        "soupçonnent d'avoir écoulé des cigarettes de contrebande."
    )
    assert _one(text, "fr")[1] == "gérants"
    text = (
        "Dos promotoras inmobiliarias están bajo sospecha de la Agencia Tributaria, que cree "
        "que ocultaron ventas."
    )
    assert _one(text, "es")[:2] == ("Agencia Tributaria", "promotoras inmobiliarias")
    text = (
        "La Guardia Civil ha detenido en Lugo a un falso revisor del agua acusado de robar en "
        "casas de jubilados."
    )
    assert _one(text, "es")[:2] == ("Guardia Civil", "falso revisor del agua")
    text = (
        "Selon un témoin proche du dossier, le trésorier aurait détourné les cotisations du club."
    )
    assert _one(text, "fr")[:2] == ("témoin proche du dossier", "trésorier")
    text = (
        "Mardi soir, les gendarmes ont arrêté un couvreur qu'ils soupçonnent d'avoir escroqué "
        "des retraités."
    )
    assert _one(text, "fr")[:2] == ("gendarmes", "couvreur")
    text = (
        "Neuf infirmières ont saisi le tribunal de Nantes contre la clinique Bellevue, "
        "qu'elles accusent de harcèlement moral."
    )
    assert _one(text, "fr")[:2] == ("infirmières", "clinique Bellevue")
    text = (
        "Los Mossos arrestaron el sábado en Reus a un camarero al que atribuyen tres robos "
        "con violencia."
    )
    assert _one(text, "es")[:2] == ("Mossos", "camarero")
    text = (
        "Denunciado por sus vecinos, el dueño de un taller de Vigo está siendo investigado "
        "por vertidos ilegales."
    )
    accuser, target, _ = _one(text, "es")
    assert accuser == "vecinos" and target.startswith("dueño")
    text = (
        "Accusée par des riverains d'avoir pollué la rivière, la tannerie de Graulhet a "
        "suspendu sa production."
    )
    assert _one(text, "fr")[:2] == ("riverains", "tannerie de Graulhet")
    text = (
        "Investigada por la Fiscalía por cohecho, la exconcejala Nuria Paredes ha dejado su escaño."
    )
    assert _one(text, "es") == ("Fiscalía", "exconcejala Nuria Paredes", "charge")
    for language, negative in (
        ("es", "Ninguno de los concejales está acusado de nada."),
        ("es", "Ninguno de sus socios ha sido acusado de fraude, según la empresa."),
        ("es", "La jueza archiva la denuncia de los vecinos contra el alcalde por las obras."),
        ("es", "El tribunal desestima la demanda del sindicato contra la cadena por despidos."),
        (
            "fr",
            "Le parquet de Rennes a classé la plainte déposée contre le maire pour favoritisme.",
        ),
        ("fr", "Le tribunal a débouté l'association de sa plainte contre le laboratoire."),
        ("es", "El barco está bajo la protección de la Armada, que cree que llegará el lunes."),
        ("es", "El museo está bajo la dirección de la fundación, que cree que abrirá en marzo."),
        ("fr", "Les joueurs ont retrouvé un ballon qu'ils pensent avoir perdu."),
        ("es", "Elogiado por la crítica, el director del festival de Sitges presentó su película."),
        ("fr", "Saluée par le jury, la directrice de l'école de Brest a reçu un prix."),
    ):
        assert extract(negative, language=language) == [], negative


def test_eighteenth_round_a_partitive_party_and_a_source_after_the_claim() -> None:
    """ "uno de los camareros" is a party (a partitive runs on to its noun); "..., wie der
    Verband mitteilte" names the accuser of an item that names none, though the source's own
    reading finds no wrong word in its claim."""
    text = "«El restaurante nos hacía trabajar sin contrato», denunció uno de los camareros."
    assert _one(text, "es") == ("uno de los camareros", "restaurante", "allegation")
    negative = "«El restaurante nos hacía trabajar los domingos», denunció uno de los camareros."
    assert extract(negative, language="es") == []
    text = (
        "Verdächtigt wird der Radprofi Jonas Weil, eine Blutprobe manipuliert zu haben, "
        "wie der Radsportverband BDR mitteilte."
    )
    assert _one(text, "de")[:2] == ("Radsportverband BDR", "Radprofi Jonas Weil")
    assert extract("Wie die Polizei mitteilte, wurde niemand verletzt.", language="de") == []


@pytest.mark.parametrize(
    ("language", "text", "plain", "parties"),
    [
        (
            "es",
            "La clínica Sanavida habría grabado a sus pacientes sin su permiso, según la asociación Facua.",
            "La clínica Sanavida habría grabado a sus pacientes, según la asociación Facua.",
            ("asociación Facua", "clínica Sanavida"),
        ),
        (
            "fr",
            "Selon l'association Vigilance, la société Optima a filmé ses salariés sans leur accord.",
            "Selon l'association Vigilance, la société Optima a filmé ses salariés.",
            ("association Vigilance", "société Optima"),
        ),
        (
            "de",
            "Die Firma Datafix soll Kundendaten ohne ihre Zustimmung verkauft haben, sagte ein Sprecher der Verbraucherzentrale.",
            "Die Firma Datafix soll Kundendaten verkauft haben, sagte ein Sprecher der Verbraucherzentrale.",
            ("Sprecher der Verbraucherzentrale", "Firma Datafix"),
        ),
    ],
)
def test_eighteenth_round_without_their_consent(
    language: str, text: str, plain: str, parties: tuple[str, str]
) -> None:
    """Done without the people's consent, a possessive between ("sin su permiso", "sans leur
    accord", "ohne ihre Zustimmung"), is a wrong a source's claim names; without it, none."""
    assert _one(text, language)[:2] == parties
    assert extract(plain, language=language) == []


@pytest.mark.parametrize(
    ("language", "text", "plain", "parties"),
    [
        (
            "es",
            "Según el comité de empresa, la cadena Supermás ha dejado de pagar las horas extra.",
            "Según el comité de empresa, la cadena Supermás ha dejado de vender pan.",
            ("comité de empresa", "cadena Supermás"),
        ),
        (
            "ru",
            "Перевозчики считают, что компания «Ойлтрейд» согласованно поднимала цены на дизельное топливо.",
            "Перевозчики считают, что компания «Ойлтрейд» поднимала цены на дизельное топливо.",
            ("Перевозчики", "компания «Ойлтрейд»"),
        ),
        (
            "de",
            "Die Stadtverwaltung habe die Messwerte bewusst zurückgehalten, sagte die Sprecherin der Bürgerinitiative.",
            "Die Stadtverwaltung habe die Messwerte zurückgehalten, sagte die Sprecherin der Bürgerinitiative.",
            ("Sprecherin der Bürgerinitiative", "Stadtverwaltung"),
        ),
        (
            "de",
            "„Die Firma Lagerhaus Nord hat die Aushilfen schwarz bezahlt“, sagte ein früherer Lagerist.",
            "„Die Firma Lagerhaus Nord hat die Aushilfen pünktlich bezahlt“, sagte ein früherer Lagerist.",
            ("früherer Lagerist", "Firma Lagerhaus Nord"),
        ),
        (
            "fr",
            "Selon le quotidien Ouest-France, la clinique Bellevue facturait des soins jamais réalisés.",
            "Selon le quotidien Ouest-France, la clinique Bellevue ne facturait pas de soins jamais réalisés.",
            ("quotidien Ouest-France", "clinique Bellevue"),
        ),
    ],
)
def test_seventeenth_round_wrongs_of_omission_and_collusion(
    language: str, text: str, plain: str, parties: tuple[str, str]
) -> None:
    """Pay stopped ("ha dejado de pagar"), prices raised in concert ("согласованно поднимала
    цены"), reports held back on purpose ("bewusst zurückgehalten") and wages paid off the
    books ("schwarz bezahlt") and care billed but never given ("jamais réalisés": the
    fragment's own negation is no denial of the deed) are wrongs a source's claim names;
    without them, or with the deed itself negated, none."""
    assert _one(text, language)[:2] == parties
    assert extract(plain, language=language) == []


@pytest.mark.parametrize(
    ("language", "negated", "kept"),
    [
        (
            "es",
            "Las acusaciones contra el alcalde, lanzadas por la oposición, no se sostienen.",
            "Las acusaciones contra el alcalde, lanzadas por la oposición, se refieren a contratos amañados.",
        ),
        (
            "fr",
            "Les accusations contre le maire, portées par l'opposition, ne tiennent pas.",
            "Les accusations contre le maire, portées par l'opposition, visent des marchés truqués.",
        ),
        (
            "de",
            "Die Vorwürfe gegen den Bürgermeister, erhoben von der Opposition, haben sich nicht bestätigt.",
            "Die Vorwürfe gegen den Bürgermeister, erhoben von der Opposition, betreffen Scheinrechnungen.",
        ),
    ],
)
def test_a_nominal_cue_negated_past_a_phrase_set_off_by_commas(
    language: str, negated: str, kept: str
) -> None:
    """The predicate of accusations as a subject may follow a phrase set off by commas."""
    assert extract(negated, language=language) == []
    assert len(extract(kept, language=language)) == 1


def test_sixteenth_round_an_adverb_after_a_clitic_accusation_and_a_role_complement() -> None:
    """ "Ses auteurs l'accusent désormais de ..." (an adverb after the verb, as "le|la" had);
    "директор Пермского зоопарка Лев Гаранин" (a capitalised genitive adjective opens the
    role's complement; the person's name follows)."""
    text = "L'éditeur Norvane a perdu des lecteurs. Ses auteurs l'accusent désormais de plagiat."
    assert _one(text, "fr") == ("auteurs", "Norvane", "accusation")
    negative = (
        "L'éditeur Norvane a perdu des lecteurs. Ses auteurs ne l'accusent désormais de rien."
    )
    assert extract(negative, language="fr") == []
    text = "Прокуратура обвинила директора Тульского рынка Олега Сомова в вымогательстве."
    assert _one(text, "ru") == (
        "Прокуратура",
        "директора Тульского рынка Олега Сомова",
        "accusation",
    )
    text = "Прокуратура обвинила директора Тульского рынка в вымогательстве."
    assert _one(text, "ru") == ("Прокуратура", "директора Тульского рынка", "accusation")


@pytest.mark.parametrize(
    ("language", "construction", "text", "accuser", "target", "kind", "negative"),
    CONSTRUCTIONS,
    ids=[f"{c[0]}-{c[1]}" for c in CONSTRUCTIONS],
)
def test_constructions_with_their_hard_negative(
    language: str,
    construction: str,
    text: str,
    accuser: str,
    target: str,
    kind: str,
    negative: str,
) -> None:
    assert _one(text, language) == (accuser, target, kind), construction
    assert extract(negative, language=language) == [], construction


def test_accuser_pronoun_after_a_role_that_sentenced_a_person() -> None:
    """The role opening the sentence before stands for a subject pronoun only when no name is
    left for it: "Il" after "Le tribunal a condamné Jean Dupont" is Jean Dupont."""
    text = "Le tribunal a condamné Jean Dupont à deux ans de prison. Il accuse ses juges de partialité."
    assert _one(text, "fr") == ("Jean Dupont", "juges", "accusation")
    text = "Das Gericht hat Jens Albrecht verurteilt. Er wirft dem Richter vor, Beweise unterdrückt zu haben."
    assert _one(text, "de") == ("Jens Albrecht", "Richter", "accusation")


def test_every_construction_of_the_checklist_is_tested() -> None:
    """Each construction above names a pattern of its language's cue file (or, for the last
    three, a rule of the code: a legal source's word as a party, a subject opening with
    adjectives), and every language has its cases."""
    tested = {(c[0], c[1]) for c in CONSTRUCTIONS}
    assert {c[0] for c in CONSTRUCTIONS} == set(LANGUAGES)
    for language in LANGUAGES:
        rules = {
            p["rule"]
            for p in json.loads((DATA / f"allegation_cues.{language}.json").read_text("utf-8"))[
                "patterns"
            ]
        }
        assert {c for lang, c in tested if lang == language} <= rules | {
            "source_legal",
            "claim_that_adjective_subject",
            "source_investigators",
            # seventh round, rules of the code or of the word lists: "право обвинить" is a
            # hypothesis, "le moteur de recherche Qwarto" a party, a sentence's first
            # participle no name, "en Almería" no conditional verb
            "reserve_the_right",
            "descriptor_name",
            "initial_participle",
            "conditional_name",
            # eighth round: a subject before a relative clause (code), "Anticorrupción" a
            # legal source, "по жалобе" no state (code)
            "relative_subject",
            "anticorruption_prosecutor",
            "state_not_complaint",
            "initial_dative_adjective",
            "adverb_no_party",
            # ninth round, rules of the code or of the word lists: a subject before its role in
            # apposition, a deliberate wrong, a name closing the sentence after its role (after
            # a comma or a complement), a source as a party, "de enfermería" no conditional,
            # wages withheld and a relative hired ("fait rémunérer son fils") wrongs, a
            # preposition's object no subject ("В Туле полиция ..."), drunk driving a wrong
            "appositive_role_subject",
            "deliberate_wrong",
            "name_closing",
            "role_complement_name",
            "source_role",
            "conditional_noun",
            "wage_theft",
            "nepotism",
            "governed_lead",
            "drunk_driving",
            "violent_wrong",
            "quantity_party",
            # tenth round, rules of the code or of the word lists: acquittals and a cue noun as a
            # copula's predicate (guards, `blockers`), "niemanden" a negator, accusations "used against"
            # (a generic), a name in guillemets alone, a possessive before its role, a role's
            # person past its complement, a descriptor's name past a connector, the antecedent of
            # ", que" before a cue, a legal source after ";", labour abuse a wrong
            "acquittal",
            "figurative",
            "negative_pronoun",
            "used_against",
            "quoted_name",
            "possessive_role",
            "complement_name",
            "descriptor_connector",
            "relative_antecedent",
            "legal_after_break",
            "legal_after_stop",
            "labour_abuse",
            "media_party",
            # eleventh round, rules of the code or of the word lists: a negator after a privative
            # ("sans aucune compensation") negates nothing, a capitalised article inside a name
            # ("Marine Le Roux"), a decimal comma inside a number, German offices ("-amt") as
            # parties, "jeder Anfangsverdacht" fehlt (a guard), a role's name in „…“
            "privative_negator",
            "article_in_name",
            "decimal_comma",
            "office_party",
            "no_initial_suspicion",
            "role_quoted_name",
            "relative_clause_subject",
            "role_complement_quoted",
            # twelfth round, a rule of the code: a sentence's first word of the
            # `initial_non_name_pattern` shape ("Jahrelang") is an adverbial before the verb
            "fronted_adverb_claim",
            # thirteenth round, rules of the code or of the word lists: "verletzt" alone is an
            # injury, no wrong; a council ("consistorio") a party; a numeral a determiner; a
            # cartel and money moved to one's own accounts wrongs; a pronoun alone a party read
            # forward; a complement ("des Tierschutzvereins") passed over by a pronoun
            "injury_no_wrong",
            "institution_party",
            "numeral_determiner",
            "cartel_wrong",
            "embezzled_to_own_account",
            "pronoun_party",
            "complement_passed_over",
            # fourteenth round, rules of the code or of the word lists: an acquittal verdict and
            # a closed case block (`blockers`), a sentence's first neuter or plural adjective is
            # no name, a source of two words after a `claim_stops` sequence
            "acquittal_verdict",
            "case_closed",
            "initial_neuter_adjective",
            "source_two_words_after_stop",
            # personal data sold or passed to data brokers a wrong (`wrongdoing`)
            "data_sold",
            # fifteenth round, rules of the code or of the word lists: "verbotene" a wrong, a
            # negation past a relative clause or among an active cue's parties, a charge dropped
            # or a case closed (`blockers`), a weak claim's wrong negated, "verter" a wrong, a
            # fronted claim's target in the object's case before its name, a participle's phrase
            # after the subject, a role's stem in a genitive adjective, "капитан" a role, a person
            # pronoun's full name, an accuser pronoun's role in the sentence before
            "forbidden_wrong",
            "negated_past_relative",
            "negated_among_parties",
            "proceedings_dropped",
            "negated_wrong",
            "dumping_gerund",
            "case_dismissed",
            "prosecution_dropped",
            "person_pronoun_full_name",
            "accuser_pronoun_role_before",
            "claim_first_role_object",
            "participle_phrase_subject",
            "genitive_adjective_role",
            "captain_role",
            "case_refused",
        }


RESPONSES = [
    (
        "ru",
        "Украина обвинила Россию в обстреле станции. В Москве отвергли эти обвинения.",
        "Москве",
        "rejection",
    ),
    (
        "ru",
        "Бывший сотрудник обвинил руководство компании в травле. "
        "В пресс-службе компании отказались от комментариев.",
        "пресс-службе компании",
        "no_comment",
    ),
    (
        "fr",
        "L'Ukraine accuse la Russie d'avoir bombardé une centrale. Moscou a démenti.",
        "Moscou",
        "denial",
    ),
    (
        "fr",
        "Le syndicat accuse la direction de harcèlement. La direction réfute ces accusations.",
        "direction",
        "refutation",
    ),
    (
        "de",
        "Der Minister soll Bestechungsgelder angenommen haben. "
        "Er weist die Vorwürfe entschieden zurück.",
        "Minister",
        "rejection",
    ),
    (
        "de",
        "Dem Gründer wird Betrug vorgeworfen. Der Gründer bestreitet die Vorwürfe.",
        "Gründer",
        "denial",
    ),
    (
        "es",
        "La Comisión Europea acusa a Google de abusar de su posición. "
        "Google rechazó las acusaciones.",
        "Google",
        "rejection",
    ),
    (
        "es",
        "La demandante alega que el director la acosó. El director no quiso hacer comentarios.",
        "director",
        "no_comment",
    ),
]


@pytest.mark.parametrize(("language", "text", "responder", "kind"), RESPONSES)
def test_responses_link_as_in_english(language: str, text: str, responder: str, kind: str) -> None:
    [item] = extract(text, language=language)
    assert [(r.responder, r.kind) for r in item.responses] == [(responder, kind)]


def test_a_response_alone_is_no_item() -> None:
    assert extract("Дуров отрицает свою вину и называет дело политическим.", language="ru") == []
    assert extract("Durov nie toute infraction.", language="fr") == []


def test_pronouns_resolve_to_a_name_of_the_paragraph() -> None:
    text = (
        "Der Unternehmer Klaus Becker sitzt in Untersuchungshaft. "
        "Ihm wird vorgeworfen, Gelder der Stiftung veruntreut zu haben."
    )
    assert _one(text, "de") == ("", "Klaus Becker", "accusation")  # the name, not its title


# ---- languages without cues, and the data that makes a language


def test_a_language_without_cues_has_no_items() -> None:
    english = "Prosecutors accused the mayor of taking bribes."
    assert extract(english, language="en")
    assert extract(english, language="en-GB")  # a region is no other language
    for language in ("it", "uk", "xx", "", "../en"):
        assert extract(english, language=language) == []
    assert not is_allegation(english, language="it")
    # the English rules never read another language's text, nor the other way round
    assert extract("Прокуратура обвинила Дурова в мошенничестве.", language="en") == []
    assert extract(english, language="ru") == []


def _clause_data(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"allegation_cues.{language}.json").read_text())
    return data


def test_word_order_is_data() -> None:
    data = _clause_data("de")
    sentence = "Die Polizei wirft dem Mann vor, Autos gestohlen zu haben."
    lex = ClauseLexicon.from_mapping(data, "de")
    assert extract(sentence, lexicon=lex)
    edited = copy.deepcopy(data)
    edited["patterns"] = [p for p in data["patterns"] if "vor ," not in p["sequence"]]
    for key in ("fallback_active", "fallback_passive", "fallback_nominal", "fallback_sources"):
        edited[key] = {}  # the fallback reader's cue words are data too
    assert not extract(sentence, lexicon=ClauseLexicon.from_mapping(edited, "edited"))
    # the same words in another order: "X vorwirft" read as the verb-final clause it would be
    edited["patterns"].append(
        {
            "rule": "verb_first",
            "kind": "accusation",
            "sequence": "@accuse_vor ACCUSER TARGET vor , CLAIM",
        }
    )
    assert extract(
        "Wirft die Polizei dem Mann vor, Autos gestohlen zu haben.",
        lexicon=ClauseLexicon.from_mapping(edited, "edited"),
    )


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("negators"), "missing keys ['negators']"),
        (lambda d: d.update(negator=["не"]), "unknown keys ['negator']"),
        (
            lambda d: d["patterns"].append(
                {"rule": "x", "kind": "smear", "sequence": "ACCUSER обвинил TARGET"}
            ),
            "'smear' not among",
        ),
        (
            lambda d: d["patterns"].append(
                {"rule": "x", "kind": "accusation", "sequence": "ACCUSER @nothing TARGET"}
            ),
            "no word set 'nothing'",
        ),
        (
            lambda d: d["patterns"].append(
                {"rule": "x", "kind": "accusation", "sequence": "ACCUSER TARGET обвинил"}
            ),
            "at most one slot",
        ),
        (
            lambda d: d["patterns"].append(
                {"rule": "x", "kind": "accusation", "sequence": "TARGET обвинил TARGET"}
            ),
            "a slot twice",
        ),
        (
            lambda d: d["response_patterns"].append(
                {"rule": "x", "kind": "accusation", "sequence": "RESPONDER отрицает"}
            ),
            "not among response kinds",
        ),
        (lambda d: d.update(hypothetical_pattern="("), "'hypothetical_pattern'"),
    ],
)
def test_clause_files_are_checked(edit: Any, message: str) -> None:
    data = copy.deepcopy(_clause_data("ru"))
    edit(data)
    with pytest.raises(LexiconError, match=re.escape(message)):
        ClauseLexicon.from_mapping(data, "bad.json")


# ---- names across languages and scripts


@pytest.mark.parametrize(
    ("name", "language", "key"),
    [
        ("Durov", "en", "durov"),
        ("Дуров", "ru", "durov"),
        ("Дурова", "ru", "durov"),
        ("Андрея Лескова", "ru", "andr leskov"),
        ("Андрей Лесков", "ru", "andr leskov"),
        ("Арсения", "ru", "arsen"),
        ("Арсений", "ru", "arsen"),
        ("следствия", "ru", "sledstv"),
        ("следствие", "ru", "sledstv"),
        ("России", "ru", "russia"),
        ("des Bundesamts", "de", "bundesamt"),
        ("Reuters", "de", "reuters"),
        ("Дуровым", "ru", "durov"),
        # a lower-case word's genitive plural meets its nominative; a surname keeps "-ов"
        ("трёх подрядчиков", "ru", "trekh podryadchik"),
        ("подрядчики", "ru", "podryadchik"),
        ("Смирнов", "ru", "smirnov"),
        ("Смирнова", "ru", "smirnov"),
        # a stem ending in "-пром", "-ком" keeps it; a common noun's fleeting vowel goes
        ("Газпром", "ru", "gazprom"),
        ("Газпромом", "ru", "gazprom"),
        ("Газпрома", "ru", "gazprom"),
        ("избирком", "ru", "izbirkom"),
        ("избиркома", "ru", "izbirkom"),
        ("владелец клуба", "ru", "vladelts klub"),
        ("владельцу клуба", "ru", "vladelts klub"),
        ("владельцев", "ru", "vladelts"),
        ("Швец", "ru", "shvets"),  # a surname keeps its vowel, as in "Швеца"
        ("Швеца", "ru", "shvets"),
        ("банком", "ru", "bank"),
        ("des Tagesspiegels", "de", "tagesspiegel"),
        # an adjective's or a role noun's case ending goes, a proper name's stays
        ("den früheren Vorsitzenden", "de", "fruhere vorsitzende"),
        ("früherer Vorsitzender", "de", "fruhere vorsitzende"),
        ("Ermittlern", "de", "ermittle"),
        ("Ermittler", "de", "ermittle"),
        ("Anna Becker", "de", "anna becker"),
        ("Engels", "de", "engels"),
        ("Российское антидопинговое агентство", "ru", "rossiysk antidopingov agentstv"),
        ("Российским антидопинговым агентством", "ru", "rossiysk antidopingov agentstv"),
        ("Pável Dúrov", "es", "pavel durov"),
        ("Павла Дурова", "ru", "pavel durov"),
        ("Telegram", "fr", "telegram"),
        ("Телеграм", "ru", "telegram"),
        ("Телеграма", "ru", "telegram"),
        ("le parquet de Paris", "fr", "parquet de paris"),
        ("Durov's", "en", "durov"),
        ("Durov", None, "durov"),
    ],
)
def test_target_key(name: str, language: str | None, key: str) -> None:
    assert target_key(name, language) == key


@pytest.mark.parametrize(
    ("name", "language", "proper"),
    [
        ("Durov", "en", True),
        ("police", "en", False),
        ("Дурова", "ru", True),
        ("прокуратура", "ru", False),
        ("Pavel Durov", "de", True),
        ("Konzern", "de", False),  # a capitalised German noun, no name
        ("Staatsanwaltschaft", "de", False),
        ("parquet de Paris", "fr", True),
        ("fiscalía", "es", False),
        ("Durov", "it", False),  # no cues: nothing is known to be a name
    ],
)
def test_is_name_in_its_language(name: str, language: str, proper: bool) -> None:
    assert is_name(name, language) is proper


def test_same_target_across_scripts() -> None:
    assert same_target("Дурову", "Pavel Durov", "ru", "en")
    assert same_target("Zelensky", "Зеленского", "en", "ru")  # "zelensk", "zelensky"
    assert not same_target("Durov", "Dubov", "en", "en")
    assert not same_target("Meta", "Metaculus", "en", "en")
    assert not same_target("", "Durov", "en", "en")


def _article(db: Database, n: int, title: str, text: str, language: str | None) -> int:
    published = NOW - timedelta(hours=n)
    article = ArticleIn(f"https://news.example/{n}", title, text, published, language=language)
    [aid] = store.save_articles(db, None, [article], now=NOW).new_ids
    store.attach_to_story(db, aid, store.new_story(db, title, published), published)
    return aid


async def test_ledger_groups_one_party_across_languages(db: Database) -> None:
    _article(db, 1, "Durov", "Prosecutors accused Durov of complicity in drug trafficking.", "en")
    _article(db, 2, "Meta", "The regulator accused Meta of abusing its dominant position.", "en")
    _article(db, 3, "Дуров", "Прокуратура обвинила Дурова в соучастии в мошенничестве.", "ru")
    _article(db, 4, "Telegram", "Selon le parquet, Telegram a servi au trafic de drogue.", "fr")
    _article(db, 5, "Телеграм", "Следователи обвинили Телеграм в отмывании денег.", "ru")
    _article(db, 6, "Nuovo", "La procura ha accusato Durov di complicità.", "it")
    assert await process.extract_pending(db) == 6

    targets = dict(read.grouped_targets(db, since=NOW - timedelta(days=1)))
    assert targets == {"Durov": 2, "Telegram": 2, "Meta": 1}  # Italian: no cues, no items

    found = read.ledger(db, "Durov")  # the Russian item is found by its Latin name
    assert sorted(e.allegation.target for e in found) == ["Durov", "Дуров"]  # nominative
    assert [e.allegation.target for e in read.ledger(db, "Telegram")] == ["Telegram", "Телеграм"]

    everything = [e.allegation.target for e in read.ledger(db)]
    assert everything == ["Durov", "Дуров", "Meta", "Telegram", "Телеграм"]  # parties together


async def test_the_ledger_counts_a_russian_party_in_its_cases_as_one(db: Database) -> None:
    # "Газпром", "Газпрома" and "Газпромом" key "gazprom" (a stem's "-пром" kept); keys apart
    # only by a short ending count as one party too: one party's buttons, not two.
    _article(db, 1, "Газпром", "Прокуратура обвинила Газпром в уклонении от налогов.", "ru")
    _article(db, 2, "ФАС", "Антимонопольная служба обвинила Газпрома в злоупотреблении.", "ru")
    _article(db, 3, "Air France", "Unions accused Air France of breaking the strike law.", "en")
    _article(db, 4, "France", "The commission accused France of breaching EU rules.", "en")
    assert await process.extract_pending(db) == 4
    targets = dict(read.grouped_targets(db, since=NOW - timedelta(days=1)))
    assert targets["Газпром"] + targets.get("Газпрома", 0) == 2 and len(targets) == 3
    # A key inside a longer one is another party ("France", "Air France").
    assert targets["Air France"] == targets["France"] == 1
    assert same_key(target_key("Газпромом", "ru"), target_key("Газпрома", "ru"))
    assert not same_key("france", "air france") and not same_key("durov", "dubov")


async def test_the_processing_pass_reads_each_article_in_its_language(db: Database) -> None:
    ru = _article(db, 1, "Дуров", "Прокуратура обвинила Дурова в соучастии в мошенничестве.", "ru")
    fr = _article(db, 2, "Durov", "Le parquet accuse Durov de complicité.", "fr-FR")
    it = _article(db, 3, "Durov", "La procura ha accusato Durov di complicità.", "it")
    unknown = _article(db, 4, "Mayor", "Prosecutors accused the mayor of taking bribes.", None)
    await process.extract_pending(db)
    rows = {
        r["article_id"]: r["target"] for r in db.query("select article_id, target from allegations")
    }
    assert rows == {ru: "Дуров", fr: "Durov", unknown: "mayor"}  # stored in the nominative
    assert it not in rows
    versions = {r["version"] for r in db.query("select version from allegation_runs")}
    assert versions == {allegations.EXTRACTOR_VERSION}


# ---- the labelled sets: shape, and the figures reached (bench/RESULTS.md)


FRESH5TUNE = ("ru", "fr", "de")  # the fifth round's lines per construction (no Spanish)


@pytest.mark.parametrize("language", LANGUAGES)
def test_labelled_set_shape(language: str) -> None:
    rows = _bench().load(_bench().language_set(language))
    assert len(rows) >= 100
    splits = [s for s in _bench().LANGUAGE_TUNABLE if language in FRESH5TUNE or s != "fresh5tune"]
    assert {r["split"] for r in rows} - set(_bench().HELD_OUT_SPLITS) == set(splits)
    held_out = [r for r in rows if r["split"] != "tune"]
    assert len(held_out) >= 60
    for split in splits:
        subset = [r for r in rows if r["split"] == split]
        assert len(subset) >= 16
        assert 0.3 <= sum(not r["is_allegation"] for r in subset) / len(subset) <= 0.6
        assert sum(bool(r.get("hard_negative")) for r in subset) >= 6
    assert "languages" in (SETS / "README.md").read_text("utf-8").lower()


@pytest.mark.parametrize("split", ["fresh3", "fresh4", "fresh5", "fresh6"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_fresh_splits_are_well_formed_and_blind_ones_left_out(language: str, split: str) -> None:
    """``fresh3`` to ``fresh6`` were written blind and scored once (tuned on since); a blind
    split (``HELD_OUT_SPLITS``) is never loaded unless asked."""
    bench = _bench()
    path = bench.language_set(language)
    assert not {r["split"] for r in bench.load(path)} & set(bench.HELD_OUT_SPLITS)
    assert split not in bench.HELD_OUT_SPLITS
    everything = bench.load(path, blind=True)
    rows = [r for r in everything if r["split"] == split]
    assert len(rows) >= 24
    assert 0.4 <= sum(not r["is_allegation"] for r in rows) / len(rows) <= 0.6
    assert sum(bool(r.get("hard_negative")) for r in rows) >= 10
    assert sum("response" in r for r in rows) >= 2
    earlier = {r["text"] for r in everything if r["split"] != split}
    assert not earlier & {r["text"] for r in rows}
    for row in rows:
        if row["is_allegation"]:
            assert row["kind"] in {"accusation", "allegation", "claim", "charge", "lawsuit"}, row
            assert "accuser" in row and row["target"], row
        else:
            assert "kind" not in row and "accuser" not in row, row
    assert split in (SETS / "README.md").read_text("utf-8")


def _check_blind_written_split(path: Path, split: str) -> None:
    """Check a split written blind by ids and counts only (no line's text is printed)."""
    bench = _bench()
    everything = bench.load(path, blind=True)
    indexed = [(n, r) for n, r in enumerate(everything, 1) if r["split"] == split]
    rows = [r for _, r in indexed]
    assert len(rows) >= 30
    assert 0.4 <= sum(not r["is_allegation"] for r in rows) / len(rows) <= 0.6
    assert sum(bool(r.get("hard_negative")) for r in rows) >= 10
    assert sum("response" in r for r in rows) >= 4
    earlier = {r["text"] for r in everything if r["split"] != split}
    shared = [n for n, r in indexed if r["text"] in earlier]
    assert not shared, f"lines shared with other splits: {shared}"
    kinds = {"accusation", "allegation", "claim", "charge", "lawsuit"}
    for n, row in indexed:
        if row["is_allegation"]:
            assert row.get("kind") in kinds, f"line {n}: kind"
            assert "accuser" in row and row.get("target"), f"line {n}: accuser or target"
            assert not row.get("hard_negative"), f"line {n}: an allegation marked hard negative"
        else:
            assert "kind" not in row and "accuser" not in row, f"line {n}: labels on a negative"
            assert "target" not in row and "response" not in row, f"line {n}: labels on a negative"
        if "response" in row:
            assert set(row["response"]) == {"responder", "kind"}, f"line {n}: response"
            assert row["response"]["responder"] and row.get("after"), f"line {n}: response"


@pytest.mark.parametrize("language", LANGUAGES)
def test_fresh52_is_blind_and_well_formed(language: str) -> None:
    """``fresh52`` was written blind during the sixty-third round: it is held out, never loaded
    unless asked, and its labels are checked by ids and counts only (no line's text is
    printed)."""
    bench = _bench()
    path = bench.language_set(language)
    assert "fresh52" in bench.HELD_OUT_SPLITS
    assert "fresh52" not in {r["split"] for r in bench.load(path)}
    _check_blind_written_split(path, "fresh52")
    assert "fresh52" in (SETS / "README.md").read_text("utf-8")


# The splits written blind from the seventh round on, scored once and opened since: the bench's
# tunable splits are the one list of them.
SCORED_ONCE_THEN_OPENED = [
    s
    for s in _bench().LANGUAGE_TUNABLE
    if s.startswith("fresh") and s[5:].isdigit() and int(s[5:]) >= 7
]


@pytest.mark.parametrize("split", SCORED_ONCE_THEN_OPENED)
@pytest.mark.parametrize("language", LANGUAGES)
def test_split_scored_once_then_opened_is_well_formed(language: str, split: str) -> None:
    """``fresh7`` and each later split were written blind during their round and scored once;
    they are open for tuning since. Their labels are checked by ids and counts only
    (no line's text is printed)."""
    bench = _bench()
    path = bench.language_set(language)
    assert split not in bench.HELD_OUT_SPLITS
    assert split in {r["split"] for r in bench.load(path)}
    _check_blind_written_split(path, split)
    assert split in (SETS / "README.md").read_text("utf-8")


# Each split's figures now, floored (bench/RESULTS.md has the figures each held-out split had
# when it was scored once: test after the first freeze, fresh after the second, fresh2 after
# the third, fresh3 and fresh4 after the fourth, fresh5 and fresh6 after the sixth; all are tuned
# on now, and fresh5tune was written for the fifth round). A change that lowers any of them fails
# here.
REACHED = {
    ("ru", "tune"): (1.0, 1.0, 1.0, 1.0),
    ("ru", "test"): (1.0, 1.0, 1.0, 1.0),
    ("ru", "fresh"): (1.0, 1.0, 1.0, 1.0),
    ("ru", "fresh2"): (1.0, 1.0, 1.0, 1.0),
    ("ru", "fresh3"): (1.0, 0.92, 1.0, 1.0),
    ("ru", "fresh4"): (1.0, 1.0, 1.0, 1.0),
    ("ru", "fresh5"): (
        1.0,
        1.0,
        0.8,
        1.0,
    ),  # round 34: one more found, its accuser wrong (12 of 15 right, was 12 of 14)
    ("ru", "fresh6"): (1.0, 0.93, 0.92, 1.0),
    ("ru", "fresh7"): (1.0, 0.93, 1.0, 0.92),
    ("ru", "fresh8"): (1.0, 1.0, 0.93, 0.93),  # scored once after the eighth round, then opened
    ("ru", "fresh9"): (1.0, 1.0, 1.0, 1.0),  # scored once after the ninth round, then opened
    ("ru", "fresh10"): (1.0, 1.0, 0.86, 1.0),  # scored once after the tenth round, then opened
    ("ru", "fresh11"): (1.0, 1.0, 0.93, 0.93),  # scored once after the eleventh round, then opened
    ("ru", "fresh12"): (1.0, 0.93, 0.85, 0.92),  # scored once after the twelfth round, then opened
    ("ru", "fresh13"): (1.0, 1.0, 0.86, 0.93),  # scored once in round 13, then opened
    ("ru", "fresh14"): (1.0, 0.93, 1.0, 1.0),  # scored once in round 14, then opened
    ("ru", "fresh15"): (1.0, 1.0, 0.93, 0.86),  # scored once in round 15, then opened; round 22; 43
    ("ru", "fresh16"): (1.0, 0.86, 0.92, 1.0),  # scored once in round 16, then opened
    ("ru", "fresh17"): (1.0, 0.93, 0.92, 0.92),  # scored once in round 17, then opened; round 25
    # scored once in round 18, then opened; accuser 0.9 since round 19: the pronoun pattern names
    # no ACCUSER slot, so "По их словам" is not resolved (and no adjective becomes a party)
    ("ru", "fresh18"): (1.0, 0.93, 0.92, 1.0),  # round 20: an object before its subject
    ("ru", "fresh19"): (
        1.0,
        0.8,
        0.91,
        1.0,
    ),  # scored once in round 19, then opened; rounds 20, 25, 39
    ("ru", "fresh20"): (1.0, 0.86, 0.92, 1.0),  # scored once in round 20, then opened; round 28
    ("ru", "fresh21"): (1.0, 0.93, 1.0, 1.0),  # scored once in round 21, then opened; round 28
    ("ru", "fresh22"): (1.0, 0.86, 1.0, 0.84),  # scored once in round 22, then opened; round 28
    ("ru", "fresh23"): (
        1.0,
        0.86,
        0.84,
        0.84,
    ),  # scored once in round 23, then opened; rounds 28, 34
    ("ru", "fresh24"): (1.0, 0.86, 0.76, 0.84),  # scored once in round 24, then opened
    ("ru", "fresh25"): (
        1.0,
        0.93,
        0.92,
        0.85,
    ),  # scored once after round 25, then opened; rounds 28, 34, 39
    ("ru", "fresh26"): (1.0, 0.73, 1.0, 1.0),  # scored once after round 25, then opened; round 29
    ("ru", "fresh27"): (1.0, 0.93, 0.85, 0.71),  # scored once after round 28, then opened; round 29
    ("ru", "fresh28"): (
        1.0,
        0.86,
        1.0,
        0.92,
    ),  # scored once after round 28, then opened; round 29; round 35; round 36A
    ("ru", "fresh29"): (1.0, 0.8, 0.75, 1.0),  # scored once after round 29, then opened
    ("ru", "fresh30"): (1.0, 0.8, 1.0, 1.0),  # scored once after round 29, then opened
    ("ru", "fresh31"): (
        1.0,
        0.73,
        0.9,
        1.0,
    ),  # scored once after round 33, then opened; round 34; round 35
    ("ru", "fresh32"): (1.0, 0.66, 1.0, 0.9),  # scored once after round 34, then opened; 35, 39
    ("ru", "fresh33"): (1.0, 0.73, 0.9, 1.0),  # scored once after round 35, then opened; round 36A
    ("ru", "fresh34"): (1.0, 0.6, 1.0, 0.88),  # scored once after round 36, then opened
    ("ru", "fresh35"): (1.0, 0.53, 0.87, 1.0),  # scored once after round 37 (ru: 39), then opened
    ("ru", "fresh36"): (1.0, 0.66, 1.0, 0.9),  # scored once after round 42, then opened
    ("ru", "fresh37"): (1.0, 0.66, 0.9, 1.0),  # scored once after round 45, then opened
    ("ru", "fresh38"): (1.0, 0.6, 0.77, 1.0),  # scored once after round 47, then opened
    ("ru", "fresh5tune"): (1.0, 1.0, 1.0, 1.0),
    ("fr", "tune"): (1.0, 1.0, 1.0, 1.0),
    ("fr", "test"): (1.0, 1.0, 1.0, 1.0),
    ("fr", "fresh"): (1.0, 1.0, 1.0, 1.0),
    ("fr", "fresh2"): (1.0, 1.0, 1.0, 1.0),
    ("fr", "fresh3"): (1.0, 1.0, 1.0, 1.0),
    ("fr", "fresh4"): (1.0, 1.0, 1.0, 1.0),
    ("fr", "fresh5"): (1.0, 1.0, 0.93, 1.0),
    ("fr", "fresh6"): (1.0, 0.93, 0.92, 1.0),
    ("fr", "fresh7"): (1.0, 0.93, 1.0, 1.0),
    ("fr", "fresh8"): (1.0, 0.86, 0.92, 1.0),  # scored once after the eighth round, then opened
    ("fr", "fresh9"): (1.0, 1.0, 0.93, 0.93),  # scored once after the ninth round, then opened
    ("fr", "fresh10"): (1.0, 1.0, 0.93, 1.0),  # scored once after the tenth round, then opened
    ("fr", "fresh11"): (1.0, 0.93, 0.92, 1.0),  # scored once after the eleventh round, then opened
    ("fr", "fresh12"): (1.0, 1.0, 1.0, 1.0),  # scored once after the twelfth round, then opened
    ("fr", "fresh13"): (1.0, 0.93, 1.0, 1.0),  # scored once in round 13, then opened
    ("fr", "fresh14"): (1.0, 0.93, 1.0, 1.0),  # scored once in round 14, then opened
    ("fr", "fresh15"): (0.93, 1.0, 1.0, 1.0),  # scored once in round 15, then opened
    ("fr", "fresh16"): (
        1.0,
        0.93,
        0.92,
        1.0,
    ),  # scored once in round 16, then opened; round 25; round 28; round 35
    ("fr", "fresh17"): (
        1.0,
        1.0,
        0.86,
        0.93,
    ),  # scored once in round 17, then opened; round 21; round 28
    ("fr", "fresh18"): (
        1.0,
        1.0,
        0.93,
        0.93,
    ),  # scored once in round 18, then opened; round 21; round 22; round 25
    ("fr", "fresh19"): (
        1.0,
        1.0,
        0.86,
        1.0,
    ),  # scored once in round 19, then opened; round 21; round 22
    ("fr", "fresh20"): (
        1.0,
        0.8,
        1.0,
        1.0,
    ),  # scored once in round 20, then opened; round 21; round 22; round 28
    ("fr", "fresh21"): (
        1.0,
        0.8,
        1.0,
        0.91,
    ),  # scored once in round 21, then opened; round 25; round 28
    ("fr", "fresh22"): (1.0, 0.73, 0.9, 1.0),  # scored once in round 22, then opened
    ("fr", "fresh23"): (
        1.0,
        0.8,
        0.83,
        1.0,
    ),  # scored once in round 23, then opened; round 25; round 28
    # scored once in round 24, then opened; round 25; its "plainte contre X" line relabelled a
    # hard negative (persons unknown name no party), so one right item fewer of 14
    ("fr", "fresh24"): (1.0, 0.78, 0.9, 1.0),  # round capwrong: "aux frais de l'État"
    ("fr", "fresh25"): (1.0, 0.8, 0.83, 1.0),  # scored once after round 25, then opened; round 28
    ("fr", "fresh26"): (1.0, 0.86, 1.0, 1.0),  # scored once after round 25, then opened; round 28
    ("fr", "fresh27"): (1.0, 0.93, 0.92, 0.85),  # scored once after round 28, then opened
    ("fr", "fresh28"): (1.0, 0.86, 1.0, 0.92),  # scored once after round 28, then opened
    ("fr", "fresh29"): (1.0, 0.86, 0.92, 0.84),  # scored once after round 29, then opened
    ("fr", "fresh30"): (1.0, 0.86, 0.92, 0.92),  # scored once after round 29, then opened
    ("fr", "fresh31"): (1.0, 0.8, 1.0, 1.0),  # scored once after round 33, then opened; round 36A
    ("fr", "fresh32"): (1.0, 0.6, 0.88, 1.0),  # scored once after round 34, then opened; round 35
    ("fr", "fresh33"): (
        1.0,
        0.93,
        0.85,
        0.92,
    ),  # scored once after round 35, then opened; round 36A
    ("fr", "fresh34"): (1.0, 0.93, 1.0, 1.0),  # scored once after round 36, then opened
    ("fr", "fresh35"): (1.0, 0.53, 1.0, 0.87),  # scored once after round 37 (ru: 39), then opened
    ("fr", "fresh36"): (1.0, 0.53, 0.87, 1.0),  # scored once after round 42, then opened
    ("fr", "fresh37"): (1.0, 0.6, 0.88, 0.88),  # scored once after round 45, then opened
    ("fr", "fresh38"): (1.0, 0.6, 1.0, 0.88),  # scored once after round 47, then opened
    ("fr", "fresh5tune"): (1.0, 1.0, 1.0, 1.0),
    ("de", "tune"): (1.0, 1.0, 1.0, 1.0),
    ("de", "test"): (1.0, 1.0, 1.0, 0.93),
    ("de", "fresh"): (1.0, 1.0, 1.0, 1.0),
    ("de", "fresh2"): (1.0, 1.0, 1.0, 1.0),
    ("de", "fresh3"): (1.0, 1.0, 1.0, 1.0),
    ("de", "fresh4"): (1.0, 1.0, 1.0, 1.0),
    ("de", "fresh5"): (1.0, 1.0, 1.0, 1.0),
    ("de", "fresh6"): (1.0, 1.0, 1.0, 1.0),
    ("de", "fresh7"): (1.0, 1.0, 1.0, 1.0),
    ("de", "fresh8"): (1.0, 1.0, 1.0, 1.0),  # scored once after the eighth round, then opened
    ("de", "fresh9"): (1.0, 1.0, 1.0, 1.0),  # scored once after the ninth round, then opened
    ("de", "fresh10"): (1.0, 1.0, 1.0, 1.0),  # scored once after the tenth round, then opened
    ("de", "fresh11"): (1.0, 1.0, 1.0, 1.0),  # scored once after the eleventh round, then opened
    ("de", "fresh12"): (
        1.0,
        1.0,
        1.0,
        1.0,
    ),  # scored once after the twelfth round, then opened; rounds 23, 28
    ("de", "fresh13"): (1.0, 0.93, 0.92, 0.92),  # scored once in round 13, then opened
    ("de", "fresh14"): (1.0, 1.0, 1.0, 1.0),  # scored once in round 14, then opened
    ("de", "fresh15"): (1.0, 0.8, 0.91, 0.75),  # scored once in round 15, then opened; round 36A
    ("de", "fresh16"): (
        1.0,
        1.0,
        0.93,
        0.86,
    ),  # scored once in round 16, then opened; rounds 22, 28
    ("de", "fresh17"): (1.0, 0.93, 0.85, 0.85),  # scored once in round 17, then opened
    ("de", "fresh18"): (
        1.0,
        0.86,
        0.84,
        0.92,
    ),  # scored once in round 18, then opened; rounds 19, 34
    ("de", "fresh19"): (1.0, 0.93, 0.85, 0.92),  # scored once in round 19, then opened; round 23
    ("de", "fresh20"): (
        1.0,
        0.93,
        0.78,
        0.78,
    ),  # scored once in round 20, then opened; rounds 22, 28, 34
    ("de", "fresh21"): (
        1.0,
        0.93,
        1.0,
        0.92,
    ),  # scored once in round 21, then opened; round 22; round 35
    ("de", "fresh22"): (
        1.0,
        0.86,
        0.84,
        0.84,
    ),  # scored once in round 22, then opened; rounds 23, 25
    ("de", "fresh23"): (1.0, 1.0, 0.8, 1.0),  # scored once in round 23, then opened; round 28
    ("de", "fresh24"): (1.0, 0.73, 0.9, 0.9),  # scored once in round 24, then opened; round 36A
    ("de", "fresh25"): (
        1.0,
        1.0,
        0.86,
        0.86,
    ),  # scored once after round 25, then opened; round 28; round 36A
    ("de", "fresh26"): (
        1.0,
        0.86,
        0.92,
        0.92,
    ),  # scored once after round 25, then opened; rounds 29, 34; round 36A
    ("de", "fresh27"): (1.0, 0.86, 0.69, 0.76),  # scored once after round 28, then opened; round 35
    ("de", "fresh28"): (1.0, 0.73, 0.9, 1.0),  # scored once after round 28, then opened
    ("de", "fresh29"): (
        0.92,
        0.8,
        0.75,
        0.83,
    ),  # scored once after round 29, then opened; round 35; round 36A
    ("de", "fresh30"): (
        1.0,
        0.93,
        0.85,
        0.85,
    ),  # scored once after round 29, then opened; round 34; round 36A
    ("de", "fresh31"): (
        1.0,
        0.93,
        0.78,
        0.92,
    ),  # scored once after round 33, then opened; round 34 (accusers 10 of 13 right, was 8 of 10); round 36A
    ("de", "fresh32"): (
        1.0,
        0.8,
        0.75,
        0.83,
    ),  # scored once after round 34, then opened; round 35; round 36A
    ("de", "fresh33"): (1.0, 0.8, 0.83, 0.91),  # scored once after round 35, then opened; round 36A
    ("de", "fresh34"): (1.0, 0.86, 0.92, 0.92),  # scored once after round 36, then opened
    ("de", "fresh35"): (1.0, 0.6, 0.88, 0.88),  # scored once after round 37 (ru: 39), then opened
    ("de", "fresh36"): (1.0, 0.6, 0.66, 0.77),  # scored once after round 42, then opened
    ("de", "fresh37"): (1.0, 0.6, 0.77, 0.77),  # scored once after round 45, then opened
    ("de", "fresh38"): (1.0, 0.6, 0.77, 0.88),  # scored once after round 47, then opened
    ("de", "fresh5tune"): (1.0, 1.0, 1.0, 1.0),
    ("es", "tune"): (1.0, 1.0, 1.0, 1.0),
    ("es", "test"): (1.0, 1.0, 0.93, 1.0),  # "según la investigación periodística": a source
    ("es", "fresh"): (1.0, 1.0, 1.0, 1.0),
    ("es", "fresh2"): (1.0, 1.0, 1.0, 1.0),
    ("es", "fresh3"): (1.0, 0.92, 1.0, 1.0),
    # "La Policía Nacional ha detenido en Vigo a un funcionario ... acusado de ...": relabelled
    # in the tenth round to name the police, as every other active arrest of the set does
    ("es", "fresh4"): (1.0, 1.0, 1.0, 1.0),
    ("es", "fresh5"): (1.0, 1.0, 0.93, 0.93),
    ("es", "fresh6"): (1.0, 1.0, 1.0, 1.0),
    ("es", "fresh7"): (1.0, 1.0, 1.0, 1.0),
    ("es", "fresh8"): (1.0, 0.93, 0.92, 1.0),  # scored once after the eighth round, then opened
    ("es", "fresh9"): (1.0, 0.93, 1.0, 1.0),  # scored once after the ninth round, then opened
    ("es", "fresh10"): (1.0, 0.93, 1.0, 1.0),  # scored once after the tenth round, then opened
    ("es", "fresh11"): (1.0, 1.0, 1.0, 1.0),  # scored once after the eleventh round, then opened
    ("es", "fresh12"): (
        1.0,
        1.0,
        1.0,
        1.0,
    ),  # scored once after the twelfth round, then opened; round 36A
    ("es", "fresh13"): (1.0, 0.93, 0.92, 1.0),  # scored once in round 13, then opened; round 25
    ("es", "fresh14"): (1.0, 1.0, 1.0, 1.0),  # scored once in round 14, then opened; round 20
    ("es", "fresh15"): (1.0, 1.0, 1.0, 1.0),  # scored once in round 15, then opened; round 20
    ("es", "fresh16"): (1.0, 0.8, 1.0, 1.0),  # scored once in round 16, then opened; round 40
    ("es", "fresh17"): (1.0, 0.93, 0.85, 1.0),  # scored once in round 17, then opened; round 19
    ("es", "fresh18"): (1.0, 0.86, 0.84, 1.0),  # scored once in round 18, then opened; round 19
    ("es", "fresh19"): (
        1.0,
        1.0,
        0.93,
        1.0,
    ),  # scored once in round 19, then opened; round 20; round 22; round 25; round 28
    ("es", "fresh20"): (0.92, 0.86, 1.0, 1.0),  # scored once in round 20, then opened; round 22; 28
    ("es", "fresh21"): (1.0, 0.73, 1.0, 0.81),  # scored once in round 21, then opened; round 22
    ("es", "fresh22"): (1.0, 0.66, 0.9, 0.9),  # scored once in round 22, then opened; round 29
    ("es", "fresh23"): (1.0, 0.86, 0.76, 0.92),  # scored once in round 23, then opened
    ("es", "fresh24"): (1.0, 0.93, 1.0, 0.71),  # scored once in round 24, then opened; round 25
    ("es", "fresh25"): (1.0, 0.86, 0.92, 1.0),  # scored once after round 25, then opened; round 28
    ("es", "fresh26"): (1.0, 0.93, 0.78, 0.85),  # scored once after round 25, then opened; round 28
    ("es", "fresh27"): (1.0, 1.0, 0.8, 0.8),  # scored once after round 28, opened; round 29
    ("es", "fresh28"): (1.0, 0.93, 0.85, 0.92),  # scored once after round 28, opened; round 29
    ("es", "fresh29"): (1.0, 0.86, 0.76, 0.84),  # scored once after round 29, then opened
    ("es", "fresh30"): (1.0, 0.93, 0.78, 0.78),  # scored once after round 29, then opened
    ("es", "fresh31"): (1.0, 0.86, 0.76, 0.84),  # scored once after round 33, then opened
    ("es", "fresh32"): (1.0, 0.73, 0.9, 1.0),  # scored once after round 34, then opened; round 35
    ("es", "fresh33"): (1.0, 0.86, 0.92, 1.0),  # scored once after round 35, then opened; round 36A
    ("es", "fresh34"): (0.92, 0.8, 1.0, 0.91),  # scored once after round 36, then opened
    # scored once after round 37 (ru: 39), then opened; round lang47: recall 10 -> 12 of 15,
    # targets 10 -> 11 right (one new item's target wrong, so the share falls from 1.0)
    ("es", "fresh35"): (1.0, 0.8, 0.91, 0.91),
    ("es", "fresh36"): (1.0, 0.66, 0.9, 0.9),  # scored once after round 42, then opened
    ("es", "fresh37"): (1.0, 0.73, 0.81, 1.0),  # scored once after round 45, then opened
    ("es", "fresh38"): (0.9, 0.66, 0.9, 0.9),  # scored once after round 47, then opened
}


@pytest.mark.parametrize(("language", "split"), sorted(REACHED))
def test_labelled_set_keeps_the_figures_reached(language: str, split: str) -> None:
    bench = _bench()
    rows = [r for r in bench.load(bench.language_set(language)) if r["split"] == split]
    s = bench.score(rows, language)
    precision, recall, accuser, target = REACHED[(language, split)]
    assert s.precision >= precision
    assert s.recall >= recall
    assert s.accuser >= accuser
    assert s.target >= target


@pytest.mark.parametrize(
    "text",
    [
        "По официальным данным, мэр брал взятки у строителей.",
        "По предварительным данным, директор завода брал взятки.",
        "По последним сведениям, чиновник брал взятки.",
    ],
)
def test_an_adjective_before_a_source_noun_is_never_an_accuser(text: str) -> None:
    """ "По их словам" reads the claim, but "По официальным данным" must not make the adjective
    a party (a fragment in the ledger's buttons): the pronoun pattern lists its pronouns."""
    for item in extract(text, language="ru"):
        assert item.accuser not in {"официальным", "предварительным", "последним"}


# ---- precision by class: stems inside unrelated words, separable and polysemous cues

STEM_INSIDE_NEGATIVES = [
    ("es", "Según el BOE, el Gobierno aprobó la ley de vivienda."),
    ("es", "Según la portavoz, el ministerio desmintió los rumores."),
    ("es", "Según la empresa, la planta convertía residuos en energía."),
    ("es", "Según el entrenador, el partido quedó rematado en la segunda parte."),
    ("es", "El ministro afirmó que el Congreso aprobará el presupuesto."),
    ("es", "Según la Guardia Civil, un accidente de tráfico cortó la A-6 durante dos horas."),
    ("es", "Según el fabricante, el robot de cocina se vende en 30 países."),
    ("de", "Laut dem Trainer war der Erfolg der Mannschaft gewaltig."),
    ("de", "Laut der Firma ist der Schaden vernachlässigbar."),
    ("de", "Laut dem Bericht hat die Kommission eine neue Regel vorgeschlagen."),
    ("de", "Der Sprecher sagte, die Fans seien vom Ergebnis enttäuscht."),
    ("de", "Laut Lufthansa wurden am Montag 200 Flüge gestrichen."),
    ("fr", "Selon le porte-parole, le gouvernement a démenti toute hausse d'impôts."),
    ("fr", "Selon la mairie, le bâtiment est situé en zone inondable."),
    ("fr", "Selon le maire, le rapport a mentionné des retards."),
    ("ru", "По словам министра, попытка договориться провалилась."),
    ("ru", "По словам эксперта, ситуация остаётся сложной."),
    ("ru", "По данным ведомства, изменение тарифов вступит в силу в январе."),
    ("ru", "По словам пресс-службы, музей раскрыл тайну картины."),
    # separable and polysemous cues
    ("de", "In einem Lager hält die Firma Ersatzteile vor."),
    ("de", "Der Trainer wirft den Ball vor das Tor."),
    ("de", "Der Stürmer warf den Ball vor die Füße des Torwarts."),
    ("de", "Die Polizei hält dem Verdächtigen die Beweise vor."),
    ("de", "Die Stadträte werfen ihm vor, Aufträge an Freunde vergeben zu haben."),
    ("fr", "Le CAC 40 accuse le coup après l'annonce de la Fed."),
    ("fr", "L'entreprise accuse une baisse de 12 % de son chiffre d'affaires."),
    ("fr", "Le ministère a accusé réception de la lettre des syndicats."),
    ("es", "El Ayuntamiento acusó recibo de la queja vecinal."),
    ("es", "La bolsa acusó el golpe tras el anuncio."),
]


@pytest.mark.parametrize(("language", "text"), STEM_INSIDE_NEGATIVES)
def test_precision_by_class_negatives(language: str, text: str) -> None:
    """A wrong-word stem inside an unrelated word ("aprobó", "effectué", "Flüge", "попытка"),
    "vor" as a preposition, a nominalised suspect and polysemous cues make no item."""
    assert extract(text, language=language) == []


def test_precision_by_class_positives() -> None:
    """The same stems at a word's start still name a wrong; a German object pronoun is not its
    clause's named subject and passes over a complement ("unter Druck")."""
    for language, text, accuser, target in (
        ("es", "Según la Policía, el detenido robó dos coches en Getafe.", "Policía", "detenido"),
        ("es", "Según la fiscalía, la empresa vertía aguas fecales al río.", "fiscalía", "empresa"),
        ("es", "Según la denuncia, el concejal mintió al pleno.", "denuncia", "concejal"),
        ("fr", "Selon la police, le suspect a tué deux passants.", "police", "suspect"),
        ("fr", "Selon l'enquête, le directeur a menti aux actionnaires.", "enquête", "directeur"),
        ("de", "Laut Polizei hat der Mann seine Nachbarin geschlagen.", "Polizei", "Mann"),
        ("de", "Laut Anklage hat der Händler seine Kunden getäuscht.", "Anklage", "Händler"),
        ("ru", "По словам следователей, мужчина убил соседа.", "следователей", "мужчина"),
        ("ru", "По данным прокуратуры, чиновник скрыл доходы.", "прокуратуры", "чиновник"),
    ):
        assert _one(text, language)[:2] == (accuser, target), text
    text = (
        "Bürgermeister Karl Brandt steht unter Druck. Die Stadträte werfen ihm vor, Aufträge "
        "an Freunde vergeben zu haben."
    )
    [item] = extract(text, language="de")
    assert (item.accuser, item.target) == ("Stadträte", "Karl Brandt")


def test_precision_by_class_a_common_noun_after_the_personal_a() -> None:
    """Spanish: after the personal "a" of an accusing verb, people counted ("dos técnicos") are
    the target though the claim names no listed wrong; a thing after "a" or no "a" is none."""
    for text in (
        "La Fiscalía acusa a dos técnicos de firmar informes sin revisarlos.",
        "Los vecinos acusan a tres técnicos de haber cerrado la piscina sin avisar.",
    ):
        assert _one(text, "es")[1] == "técnicos", text
    assert _one("La jueza imputa a dos técnicos por la muerte del operario.", "es") == (
        "jueza",
        "técnicos",
        "charge",
    )
    for negative in (
        "Dos técnicos de la empresa acusaron el cansancio.",
        "El Real Madrid acusó el cansancio del partido.",
        "Los agricultores culpan a la sequía de secar los pozos.",
    ):
        assert extract(negative, language="es") == [], negative


def test_twenty_fifth_round_german_sentences_demanded_and_russian_fronted_datives() -> None:
    """German: a sentence demanded with its object or "für T" fronted names the prosecution
    after the verb ("verlangen" as "fordern"); Russian: a dative target first, set off by a
    relative or participle clause, then the accuser and "предъявили обвинение" / "вменяют"."""
    text = "Vier Jahre Haft forderte die Staatsanwaltschaft für den früheren Kassenwart der Tafel."
    accuser, target, kind = _one(text, "de")
    assert (accuser, kind) == ("Staatsanwaltschaft", "charge")
    assert target_key(target, "de").startswith("fruhere kassenwart")
    text = "Für die frühere Leiterin des Bauamts beantragte die Anklage zwei Jahre Haft."
    accuser, target, _ = _one(text, "de")
    assert accuser == "Anklage" and target_key(target, "de").startswith("fruhere leiterin")
    text = "Fünf Jahre Haft wegen Betrugs verlangt die Staatsanwaltschaft für den Makler."
    assert _one(text, "de")[:2] == ("Staatsanwaltschaft", "Makler")
    text = (
        "Бывшему мэру Ступина, который возглавлял город восемь лет, прокуратура предъявила "
        "обвинение: по её версии, он продал землю родственникам."
    )
    assert _one(text, "ru")[0] == "прокуратура"
    text = "Андрею Белову, руководившему заводом до прошлого года, следствие предъявило обвинение."
    assert _one(text, "ru")[:2] == ("следствие", "Андрею Белову")
    text = "Андрею Белову, который руководил заводом, следователи вменяют растрату."
    assert _one(text, "ru")[:2] == ("следователи", "Андрею Белову")
    for language, negative in (
        ("de", "Für den Winter fordert der Verband mehr Haftplätze."),
        ("de", "Für die Pflegekräfte verlangt die Gewerkschaft höhere Löhne."),
        ("de", "Mehr Geld forderte die Gewerkschaft für die Pflegekräfte."),
        # round 48: the plain "следователи предъявили обвинение главе района" is a charge now
        # read by `charged_by_noun_first_dative` (real12 labels such a line true); negated here
        ("ru", "В Самаре, по данным полиции, следователи не предъявили обвинение главе района."),
        ("ru", "Директор завода, который работал там десять лет, заявил, что уволится."),
        ("ru", "Новый закон вменяет губернаторам обязанность отчитываться перед думой."),
    ):
        assert extract(negative, language=language) == [], negative


def test_twenty_eighth_round_german_and_russian_closed_cases_fronted_charges_and_signs() -> None:
    """Russian and German: a case closed, or no grounds found, is no allegation; German "Wegen
    ... hat A T angeklagt" names the prosecution after the fronted claim, and a newspaper
    title's genitive "-s" drops from its key; Russian "усмотрел(а) в действиях T признаки ..."
    ends the target before the signs noun."""
    for language, negative in (
        ("ru", "Полиция закрыла дело о краже в отношении сторожа склада, не найдя доказательств."),
        ("ru", "Дело против директора рынка закрыли: следователи не нашли в его действиях вины."),
        ("ru", "Преследование главы поселка за растрату прокуратура прекратила: состава нет."),
        ("de", "Die Ermittlungen gegen den Bauunternehmer wegen Betrugs sind vom Tisch."),
        (
            "de",
            "Nach einer Prüfung verzichtet die Staatsanwaltschaft Kiel auf Ermittlungen gegen "
            "den Bürgermeister wegen Untreue.",
        ),
        (
            "de",
            "Die Staatsanwälte sehen keinen hinreichenden Tatverdacht gegen den Arzt wegen "
            "Betrugs.",
        ),
    ):
        assert extract(negative, language=language) == [], negative
    text = (
        "Wegen Untreue in neun Fällen hat die Staatsanwaltschaft Kassel den früheren "
        "Schatzmeister eines Sportvereins angeklagt."
    )
    accuser, target, kind = _one(text, "de")
    assert (accuser, kind) == ("Staatsanwaltschaft Kassel", "charge")
    assert target_key(target, "de").startswith("fruhere schatzmeister")
    assert target_key("Nordsee-Kuriers", "de") == target_key("Nordsee-Kurier", "de")
    assert target_key("Stadtanzeigers", "de") == target_key("Stadtanzeiger", "de")
    text = "ФАС усмотрела в действиях двух поставщиков хлебной муки признаки сговора на торгах."
    accuser, target, _ = _one(text, "ru")
    assert accuser == "ФАС" and "муки" in target


def test_twenty_eighth_round_ordinary_wrongs_a_doer_does() -> None:
    """Russian and German: a short inventory of wrongs written from the languages' news, each
    a deed of the clause's subject ("сливает отходы", "выводил деньги", "чтобы скрыть",
    "sich Fördergelder erschlichen", "gepfuscht"); states of goods or pay ("в конвертах",
    "бракованн", "unter Tarif", "überteuert") are left out: their subject is often the victim."""
    text = "По словам экологов, молокозавод «Луговое» по ночам сливает стоки в озеро."
    accuser, target, _ = _one(text, "ru")
    assert accuser == "экологов" and "Луговое" in target
    text = "Как сообщает газета «Северный край», бывший глава района выводил деньги через фонд."
    assert _one(text, "ru")[1].startswith("бывший глава")
    text = "Ревизоры утверждают, что кассир сельпо «Рассвет» годами обсчитывала покупателей."
    assert "кассир" in _one(text, "ru")[1]
    text = "Laut Staatsanwaltschaft hat der Bauunternehmer Karl Berger beim Dachausbau gepfuscht."
    assert "Berger" in _one(text, "de")[1]
    text = (
        "Der Landesrechnungshof behauptet, die Firma Solartec habe sich Fördergelder erschlichen."
    )
    assert _one(text, "de")[:2] == ("Landesrechnungshof", "Firma Solartec")
    for language, negative in (
        ("ru", "По данным Росстата, каждый пятый работник получает зарплату в конвертах."),
        ("ru", "По словам жителей, школы района получили бракованную мебель."),
        ("ru", "Жители утверждают, что новый завод сливает очищенную воду строго по нормам."),
        ("ru", "Директор уверяет, что завод больше не сливает отходы в реку."),
        ("ru", "Обвинять спортсменов в допинге без доказательств недопустимо, считает тренер."),
        ("de", "Laut ADAC sind die Tickets für den Nahverkehr in München überteuert."),
        ("de", "Laut einer Studie werden viele Pflegekräfte in Bayern unter Tarif bezahlt."),
        (
            "de",
            "Laut Stiftung Warentest ist das Olivenöl von Bellavita mit Mineralöl verunreinigt.",
        ),
        ("de", "Nach Angaben der Polizei wurde die Seniorin am Telefon um ihr Erspartes geprellt."),
        ("de", "Nach Angaben der Stadt sind die Grenzwerte überschritten worden."),
    ):
        assert extract(negative, language=language) == [], negative


def test_twenty_ninth_round_under_an_agencys_suspicion_and_a_role_from_a_place() -> None:
    """German "T steht im Verdacht der/des A, ... zu haben" and Russian "T оказался под
    подозрением A" name the suspecting body after the suspicion noun; a role, the one-word
    place it comes from and a first name with a surname make one target ("лыжница из
    Сыктывкара Анна Крылова"), a capitalised role's shape opening the sentence too."""
    text = (
        "Ein Hamburger Reeder steht im Verdacht des Zolls, Waffen nach Belarus geliefert zu haben."
    )
    accuser, target, kind = _one(text, "de")
    assert (accuser, target, kind) == ("Zolls", "Hamburger Reeder", "accusation")
    text = "Eine Sprinterin aus Jena steht im Verdacht der NADA, Testosteron genommen zu haben."
    assert _one(text, "de")[:2] == ("NADA", "Sprinterin")
    text = "Вратарь Иван Сомов оказался под подозрением полиции: у него дома нашли краденое."
    assert _one(text, "ru")[:2] == ("полиции", "Вратарь Иван Сомов")
    text = "Теннисистка из Казани Ольга Седова оказалась под подозрением РУСАДА."
    assert _one(text, "ru")[:2] == ("РУСАДА", "Теннисистка из Казани Ольга Седова")
    text = "Прокуратура считает, что бухгалтер из Твери Нина Лосева присвоила деньги фонда."
    assert _one(text, "ru")[1] == "бухгалтер из Твери Нина Лосева"
    for language, negative in (
        (
            "de",
            "Der Bürgermeister steht nicht im Verdacht der Staatsanwaltschaft, Geld genommen zu haben.",
        ),
        ("ru", "Вратарь Иван Сомов не оказался под подозрением полиции."),
        ("ru", "Под подозрением полиции никто не оказался."),
    ):
        assert extract(negative, language=language) == [], negative


def test_twenty_ninth_round_spanish_published_claims_and_named_outlets() -> None:
    """Spanish: a newspaper that publishes that a party did wrong claims it ("El diario X
    publica / publicó que T ..."), like one that reveals it; a role noun followed by a name
    that opens with its article is one party ("la cadena La Sexta", "el diario La Rioja").
    Negatives: a published claim with no wrong, something published that is no claim."""
    text = "La cadena La Sexta publica que el concejal falsificó facturas."
    assert _one(text, "es")[:2] == ("cadena La Sexta", "concejal")
    text = (
        "La revista Tiempo Nuevo publicó que el tesorero del club desvió las cuotas de los socios."
    )
    assert _one(text, "es")[:2] == ("revista Tiempo Nuevo", "tesorero")
    assert (
        extract("El diario El Norte publica que el alcalde inauguró la biblioteca.", language="es")
        == []
    )
    assert (
        extract("El diario Los Andes publica hoy una entrevista con el alcalde.", language="es")
        == []
    )


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a source that points to a claim: "A apunta(n) a que T ..."
        (
            "Fuentes de la investigación apuntan a que el tesorero desvió fondos del club.",
            "Fuentes",
            "tesorero",
        ),
        # an accusation that weighs on its target: "Sobre T pesa una acusación de ..."
        (
            "Sobre el concejal de Urbanismo pesa una acusación de cohecho.",
            "",
            "concejal de Urbanismo",
        ),
        # a place between the accusing verb and its object, in the preterite and the perfect
        (
            "La oposición acusó en el pleno al alcalde de ocultar el informe de auditoría.",
            "oposición",
            "alcalde",
        ),
        (
            "Los vecinos han acusado en la junta de distrito a la concesionaria de cobrar de más.",
            "vecinos",
            "concesionaria",
        ),
        # "le reprochó haber ...": the object pronoun stands for the name before
        (
            "La consejera Ana Ruiz compareció ayer. El PP le reprochó haber ocultado el informe.",
            "PP",
            "Ana Ruiz",
        ),
        # "A juicio de A, T ..." as "Según A, T ..."
        (
            "A juicio de la oposición, el alcalde ha malversado fondos públicos.",
            "oposición",
            "alcalde",
        ),
        # families of wrongs: doping, contracts split, work billed that was never done
        ("La agencia antidopaje sospecha que el ciclista se dopó con EPO.", "agencia", "ciclista"),
        (
            "Según la Cámara de Cuentas, el ayuntamiento troceó contratos para evitar concursos.",
            "Cámara de Cuentas",
            "ayuntamiento",
        ),
        ("Según el diario, la empresa cobró obras que jamás se hicieron.", "diario", "empresa"),
        # firms as parties
        (
            "Una bodega riojana ha demandado a un fabricante de barricas por entregar madera "
            "contaminada.",
            "bodega",
            "fabricante",
        ),
        # a negation in a relative clause after the object negates that clause only
        (
            "Una asociación de consumidores ha demandado a la operadora Telvia por cobrar "
            "servicios que los clientes nunca contrataron.",
            "asociación",
            "operadora Telvia",
        ),
    ],
)
def test_thirty_third_round_spanish_constructions_and_wrongs(
    text: str, accuser: str, target: str
) -> None:
    """Spanish, round 33: sources that point to a claim, accusations that weigh on a target,
    a place before the accused, a reproach with an object pronoun, "a juicio de", families of
    wrongs (doping, split contracts, work never done), firms as parties, and a negation inside
    a relative clause after the object, which does not negate the suit."""
    assert _one(text, "es")[:2] == (accuser, target)


@pytest.mark.parametrize(
    "negative",
    [
        "Los analistas apuntan a que el mercado crecerá este año.",
        "Sobre el alcalde no pesa ninguna acusación de cohecho.",
        "La oposición no acusó en el pleno al alcalde de ocultar el informe.",
        "La consejera Ana Ruiz compareció ayer. El PP no le reprochó haber ocultado el informe.",
        "A juicio de la oposición, el alcalde ha gestionado bien los fondos.",
        "Según el diario, la empresa cobró las obras que se hicieron en mayo.",
        "Según el entrenador, el ciclista se recuperó tras la caída.",
        "La asociación no ha demandado a la operadora Telvia.",
        # "acusar" with a strain for its object: no one accused
        "Agotada tras la subida, la corredora del equipo Movistar acusó el esfuerzo y perdió "
        "el maillot.",
    ],
)
def test_thirty_third_round_spanish_negatives(negative: str) -> None:
    """Negated cues, claims with no wrong, and "acusar el esfuerzo" make no Spanish item."""
    assert extract(negative, language="es") == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # under suspicion: "T fait l'objet de soupçons de A", "T est dans le viseur de A, qui ..."
        ("Le nageur Paul Morel fait l'objet de soupçons de l'AFLD.", "AFLD", "nageur Paul Morel"),
        (
            "Le club est dans le viseur de la DNCG, qui lui reproche des irrégularités comptables.",
            "DNCG",
            "club",
        ),
        # the reportative conditional of a reflexive verb: "se seraient entendus"
        (
            "Trois fabricants se seraient entendus sur les prix, estime l'Autorité de la concurrence.",
            "Autorité",
            "fabricants",
        ),
        # "A révèle que T ...", "..., confie A"
        (
            "Le journal Sud Ouest révèle que le maire a fait goudronner son chemin aux frais de la "
            "commune.",
            "journal Sud Ouest",
            "maire",
        ),
        (
            "Le gérant aurait encaissé des loyers sans les déclarer, confie une source proche du "
            "dossier.",
            "source",
            "gérant",
        ),
        # families of wrongs: work without papers, contracts given to a relative's firm
        (
            "D'après l'inspection du travail, la plateforme a fait travailler des coursiers sans "
            "papiers.",
            "inspection du travail",
            "plateforme",
        ),
        (
            "Selon Le Télégramme, l'ancien maire aurait attribué des marchés à l'entreprise de son "
            "beau-frère.",
            "Télégramme",
            "ancien maire",
        ),
    ],
)
def test_thirty_third_round_french_constructions_and_wrongs(
    text: str, accuser: str, target: str
) -> None:
    """French, round 33: suspicions a regulator holds ("faire l'objet de soupçons de A", "dans
    le viseur de A"), "se serait/seraient" as the reportative conditional, "révéler que",
    "confier" after a claim, and families of wrongs (public money, undeclared pay, work without
    papers, a relative's firm, concerted prices)."""
    assert _one(text, "fr")[:2] == (accuser, target)


@pytest.mark.parametrize(
    "negative",
    [
        "Le nageur Paul Morel ne fait pas l'objet de soupçons de l'AFLD.",
        "Le club est dans le viseur de la DNCG, qui lui reproche son retard.",
        "La plainte serait déposée la semaine prochaine, selon son avocat.",
        "Le journal révèle que le maire a fait goudronner le chemin de l'école.",
        "Le gérant aurait encaissé des loyers, confie une source proche du dossier.",
        "Selon Le Télégramme, l'ancien maire aurait visité l'entreprise de son beau-frère.",
        # "accuser le coup": a strain shown, no one accused
        "Le grimpeur a accusé le coup dans la dernière montée.",
    ],
)
def test_thirty_third_round_french_negatives(negative: str) -> None:
    """Negated cues, claims with no wrong, a plain conditional and "accuser le coup" make no
    French item."""
    assert extract(negative, language="fr") == []


def test_thirty_third_round_russian_wrongs_by_family_and_constructions() -> None:
    """Russian: wrongs by family in a source's claim (waste burnt, money taken, not paying in
    any tense, shell firms), a possessive before its role opening the claim, "винить" and
    "упрекнуть" as accusing verbs, "рассказывает, будто", "CLAIM, пишет A", "требует взыскать
    с T", "попросил приговорить T к", a charge or an arrest before a colon with the
    investigators' version after it. Negatives: "заподозрили у T" (a diagnosis), negations,
    a hypothesis, a version that names no wrong."""
    for text, accuser, target, kind in (
        (
            "Жильцы утверждают, что котельная «Теплосеть» по ночам сжигает старые покрышки.",
            "Жильцы",
            "котельная «Теплосеть»",
            "claim",
        ),
        (
            "По словам водителей, инспектор брал деньги за выдачу пропусков.",
            "водителей",
            "инспектор",
            "allegation",
        ),
        (
            "Работники заявили, что их начальник не платит им уже три месяца.",
            "Работники",
            "начальник",
            "allegation",
        ),
        (
            "Аудиторы утверждают, что бухгалтер выводил средства через фирмы-однодневки.",
            "Аудиторы",
            "бухгалтер",
            "claim",
        ),
        (
            "Инспекторы заявили, что её руководство скрывало жалобы пациентов.",
            "Инспекторы",
            "руководство",
            "allegation",
        ),
        (
            "Жители винят администрацию района в подтоплении домов.",
            "Жители",
            "администрацию района",
            "accusation",
        ),
        ("Прокуратура упрекнула мэрию в бездействии.", "Прокуратура", "мэрию", "accusation"),
        (
            "Охранник ночного клуба брал деньги за вход без билета, пишет газета «Вечерние вести».",
            "газета «Вечерние вести»",
            "Охранник",
            "allegation",
        ),
        (
            "Источник рассказывает, будто директор школы брал деньги за зачисление детей.",
            "Источник",
            "директор школы",
            "allegation",
        ),
        (
            "Ассоциация фермеров требует через арбитраж взыскать с поставщика семян 5 млн рублей.",
            "Ассоциация фермеров",
            "поставщика",
            "lawsuit",
        ),
        (
            "Следственный комитет предъявил директору рынка обвинение: по версии следствия, он "
            "брал откаты.",
            "Следственный комитет",
            "директору рынка",
            "charge",
        ),
        (
            "Полицейские задержали кассира: по версии следствия, она присвоила выручку.",
            "Полицейские",
            "кассира",
            "charge",
        ),
    ):
        assert _one(text, "ru") == (accuser, target, kind), text
    text = "Прокурор попросил приговорить бывшего мэра Игоря Лосева к шести годам колонии."
    accuser, target, kind = _one(text, "ru")
    assert (accuser, kind) == ("Прокурор", "charge") and "Игоря Лосева" in target
    for negative in (
        "Врачи заподозрили у спортсмена перелом ноги.",
        "Врачи заподозрили у пациента отравление грибами.",
        "Жители не винят администрацию в подтоплении домов.",
        "Полицейские задержали таксиста: по словам соседей, он хороший человек.",
        "Инспекторы заявили, что её руководство не скрывало жалобы пациентов.",
        "Если суд решит, фирма сможет взыскать с подрядчика убытки.",
    ):
        assert extract(negative, language="ru") == [], negative


def test_thirty_third_round_german_reproaches_sources_and_named_wrongs() -> None:
    """German: "A wirft T vor, ... zu haben" names its wrong by its verb, so a dative
    determiner phrase is the target ("einer Bäckerei") and "ihr" an object pronoun (the
    subject of the sentence before, not its last capitalised noun); a commissioner set off by
    commas is the accuser; "CLAIM, so A"; wrongs by family ("gegen Bargeld", data "an
    Werbefirmen" or "ungeschützt", zu-infinitives "vorzuenthalten"); a pronoun after "Nach
    Angaben des A" stands for the subject of the sentence before. Negatives: negated, asked,
    a source's claim with no wrong."""
    for text, accuser, target in (
        (
            "Der Verbraucherschutz wirft einer Bäckerei vor, abgelaufene Ware verkauft zu haben.",
            "Verbraucherschutz",
            "Bäckerei",
        ),
        (
            "Die Bürgerbeauftragte der Stadt, Anna Weiß, wirft dem Bauamt vor, Anträge "
            "verschleppt zu haben.",
            "Anna Weiß",
            "Bauamt",
        ),
        (
            "Laut Gewerkschaft soll der Hausmeister Aufträge gegen Bargeld vergeben haben.",
            "Gewerkschaft",
            "Hausmeister",
        ),
        (
            "Der Stromanbieter soll Kundendaten an Werbefirmen weitergegeben haben, so die "
            "Verbraucherzentrale.",
            "Verbraucherzentrale",
            "Stromanbieter",
        ),
    ):
        assert _one(text, "de")[:2] == (accuser, target), text
    for text in (
        "Die Firma Kalinda betreibt in Ulm drei Pflegeheime. Die Heimaufsicht wirft ihr vor, "
        "Bewohner vernachlässigt zu haben.",
        "Die Firma Kalinda betreibt in Ulm drei Pflegeheime. Die Heimaufsicht wirft ihr vor, "
        "den Pflegern Zuschläge vorzuenthalten.",
    ):
        accuser, target, _ = _one(text, "de")
        assert accuser == "Heimaufsicht" and "Kalinda" in target, text
    text = (
        "Die Firma Medisoft entwickelt Praxissoftware. Nach Angaben des "
        "Datenschutzbeauftragten hat sie Befunde ungeschützt gespeichert."
    )
    assert "Medisoft" in _one(text, "de")[1]
    for negative in (
        "Niemand wirft einer Bäckerei vor, abgelaufene Ware verkauft zu haben.",
        "Die Firma Kalinda betreibt in Ulm drei Pflegeheime. Die Heimaufsicht wirft ihr nicht "
        "vor, Bewohner vernachlässigt zu haben.",
        "Wirft die Heimaufsicht einer Bäckerei vor, abgelaufene Ware verkauft zu haben?",
        "Das Wetter bleibt kühl, so die Meteorologen.",
        "Laut Hersteller sind die Daten sicher gespeichert.",
    ):
        assert extract(negative, language="de") == [], negative


@pytest.mark.parametrize(
    ("language", "text", "accuser", "target"),
    [
        # German reported speech without "dass", its claim in the subjunctive
        (
            "de",
            "Der Personalrat erklärte, die Klinikleitung habe Dienstpläne heimlich geändert.",
            "Personalrat",
            "Klinikleitung",
        ),
        (
            "de",
            "Die Mieter berichten, der Vermieter habe die Kaution einbehalten.",
            "Mieter",
            "Vermieter",
        ),
        # a capitalised noun names the wrong in the agent test
        (
            "de",
            "Der Elternbeirat erklärte, der Caterer habe Schwarzarbeiter beschäftigt.",
            "Elternbeirat",
            "Caterer",
        ),
        # a wrong of omission in a claim before its speaker; wrongs by family
        (
            "de",
            "Der Verein habe den Spielerinnen kein Gehalt überwiesen, sagt Anna Kühn.",
            "Anna Kühn",
            "Verein",
        ),
        (
            "de",
            "Ehemalige Fahrer sagen, der Paketdienst habe ihnen monatelang keinen Lohn gezahlt.",
            "Ehemalige Fahrer",
            "Paketdienst",
        ),
        (
            "de",
            "Laut Mieterverein hat die Hausverwaltung die Heizkosten doppelt abgerechnet.",
            "Mieterverein",
            "Hausverwaltung",
        ),
        # Russian families of everyday wrongs in reported speech
        (
            "ru",
            "Водители жалуются, что заправка «Ойл-Плюс» недоливает бензин.",
            "Водители",
            "заправка «Ойл-Плюс»",
        ),
        (
            "ru",
            "Жители говорят, что управляющая компания брала деньги за услуги, которые не "
            "оказывала.",
            "Жители",
            "управляющая компания",
        ),
        (
            "ru",
            "Как утверждают активисты, чиновник пропускал грузы за вознаграждение.",
            "активисты",
            "чиновник",
        ),
    ],
)
def test_thirty_fourth_round_reported_speech_naming_an_everyday_wrong(
    language: str, text: str, accuser: str, target: str
) -> None:
    """Round 34 (ru, de): a complaining party's reported speech naming an everyday wrong
    (German subjunctive speech without "dass"; wrongs of omission before the speaker; wrongs
    by family: pay withheld, billing twice, short-filling, pay for services never given)."""
    assert _one(text, language)[:2] == (accuser, target), text


@pytest.mark.parametrize(
    ("language", "negative"),
    [
        ("de", "Die Polizei sagte, der Fahrer habe die Kontrolle über das Auto verloren."),
        ("de", "Der Trainer sagte, die Mannschaft habe zu wenig Tore geschossen."),
        ("de", "Der Trainer sagte, sein Team habe drei Gegentore kassiert."),
        ("de", "Laut Verein kassierte die Mannschaft eine Niederlage."),
        ("de", "Der Sprecher erklärte, die Firma habe keine Löhne zurückgehalten."),
        ("de", "Der Verein habe den Spielerinnen kein Gehalt überwiesen, sagt Anna Kühn nicht."),
        ("de", "Der Verein habe den Spielerinnen kein Geld unterschlagen, sagt Anna Kühn."),
        (
            "de",
            "Wenn der Verein kein Gehalt überwiesen habe, sagte der Spielerrat, werde er klagen.",
        ),
        # states whose subject is the victim
        ("de", "Die Gewerkschaft sagt, die Praktikanten hätten kein Gehalt bekommen."),
        ("de", "Die Gewerkschaft sagt, die Pflegekräfte würden unter Tarif bezahlt."),
        (
            "de",
            "Nach Angaben des Mietervereins lässt der Betreiber der Tankstelle sein Auto in der "
            "Garage stehen.",
        ),
        ("ru", "Полиция сообщила, что водитель ехал по дороге, которой не было на карте."),
        ("ru", "Врачи говорят, что пациент выпил просроченный кефир."),
        ("ru", "Как пишет газета, жители получили бракованные окна."),
        ("ru", "По данным Росстата, каждый пятый работник получает зарплату в конвертах."),
        ("ru", "Жители говорят, что управляющая компания не брала денег."),
        ("ru", "Если подрядчик брал деньги за услуги, которые не оказывал, его накажут."),
    ],
)
def test_thirty_fourth_round_negatives(language: str, negative: str) -> None:
    """Facts reported, victims' states, denials, negated speech and hypotheses stay unread."""
    assert extract(negative, language=language) == [], negative


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        (
            "es",
            "Los inquilinos de un edificio de Vigo aseguran que el administrador les cobraba "
            "derramas por obras que nunca se hicieron en el portal.",
            ("inquilinos", "administrador"),
        ),
        (
            "es",
            "Según los vecinos de Alcoy, el dueño de una cantera tira escombros al río.",
            ("vecinos de Alcoy", "dueño"),
        ),
        (
            "es",
            "«El gerente nos hacía firmar partes de horas nunca trabajadas», relatan dos "
            "camareras de un hotel de Benidorm.",
            ("camareras", "gerente"),
        ),
        (
            "es",
            "Varios pasajeros de la naviera Mareaxe sostienen que sus datos fueron revendidos a "
            "agencias de cobro.",
            ("pasajeros", "naviera Mareaxe"),
        ),
        (
            "fr",
            "Selon plusieurs locataires, le bailleur facturait des travaux de ravalement jamais "
            "effectués.",
            ("locataires", "bailleur"),
        ),
        (
            "fr",
            "« Le directeur nous faisait pointer des heures jamais payées », racontent trois "
            "anciennes salariées d'une conserverie bretonne.",
            ("salariées", "directeur"),
        ),
        (
            "fr",
            "D'anciens clients de l'agence immobilière Habitus affirment que leurs dépôts de "
            "garantie ont été gardés sans motif.",
            ("clients", "agence immobilière Habitus"),
        ),
        (
            "fr",
            "Des riverains affirment que les camions d'une usine de papier déversent leurs cuves "
            "dans la rivière.",
            ("riverains", "usine"),
        ),
    ],
)
def test_thirty_fourth_round_a_complaining_partys_claim_with_a_mark_of_a_wrong(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    """Customers, tenants, residents and staff telling a wrong no list names: billing for work
    never done, dumping into a river, hours never worked or paid, data resold, deposits kept
    without reason (the target, when the claim's subject is none, is the complement of the
    claim's first noun or of the complaining noun)."""
    accuser, target, _ = _one(text, language)
    assert parties[0] in accuser and parties[1] in target, (accuser, target)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the same speakers with no mark of a wrong, a mark negated, or a mark depriving nothing
        ("es", "Los inquilinos de un edificio de Vigo aseguran que el administrador los saluda."),
        ("es", "Los vecinos aseguran que el administrador no les cobró nada."),
        ("es", "Los clientes aseguran que la tienda nunca les cobró de más."),
        ("es", "Los vecinos de Bétera aseguran que el río se desbordó por la lluvia."),
        ("es", "Según los vecinos, el alcalde visitó el barranco."),
        ("es", "Los trabajadores aseguran que la empresa pagó las nóminas sin retraso."),
        ("es", "La empresa asegura que sus técnicos nunca cobraron por obras no realizadas."),
        ("fr", "Les clients affirment que le garage ne leur a jamais facturé de pièces."),
        ("fr", "Selon les riverains, le maire a agi sans attendre."),
        ("fr", "Des clients affirment que leurs commandes ont été livrées sans retard."),
        ("fr", "Les riverains de la centrale affirment que la rivière a débordé."),
        ("fr", "« Nous n'avons jamais volé », affirment deux anciennes salariées."),
        # a speaker who is no complaining party: the claim needs a listed wrong as before
        ("fr", "Le fabricant affirme que ses camions déversent du sable dans la rivière."),
        ("es", "El fabricante asegura que su tren recortará veinte minutos el trayecto."),
    ],
)
def test_thirty_fourth_round_complaints_that_stay_unread(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


def test_thirty_fourth_round_suspicions_that_and_an_inserted_speaker() -> None:
    """ "Las sospechas de que T ..." accuses T with no accuser; "aseguran A, T ..." is A's."""
    accuser, target, _ = _one(
        "Las sospechas de que la alcaldesa de Lucena, Marta Gil, contrató a la empresa de su "
        "hermano para la feria han llevado a la oposición a pedir una comisión.",
        "es",
    )
    assert accuser == "" and "alcaldesa" in target
    accuser, target, _ = _one(
        "Desde el verano, aseguran los vecinos de Lugones, los operarios de la depuradora "
        "Aguanor vacían fangos en el arroyo.",
        "es",
    )
    assert "vecinos" in accuser and "Aguanor" in target


def test_thirty_fourth_round_a_complaining_partys_own_passive_and_apps() -> None:
    """ "A affirment avoir été <harm> (par T)" is A's complaint: T after "par", else the
    complement of A's noun; an app is a party; a passive with no wrong named is none."""
    assert _one(
        "Des saisonniers affirment avoir été hébergés dans des logements indignes par la "
        "coopérative Vinalp.",
        "fr",
    )[:2] == ("saisonniers", "coopérative Vinalp")
    accuser, target, _ = _one(
        "D'anciennes serveuses de la brasserie lilloise Le Galion affirment avoir été "
        "harcelées pendant des mois.",
        "fr",
    )
    assert "serveuses" in accuser and "Galion" in target
    accuser, target, _ = _one(
        "Una asociación de consumidores afirma que una app de citas vendía a terceros los datos "
        "de sus usuarios.",
        "es",
    )
    assert "asociación" in accuser and "app" in target
    for negative in (
        "Des salariés affirment avoir été reçus par le ministre.",
        "D'anciennes serveuses affirment avoir été embauchées en juin.",
    ):
        assert extract(negative, language="fr") == [], negative
    assert extract("La empresa afirma que la app no cede datos a terceros.", language="es") == []


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        # a complaint verb's that-clause: a grievance whatever its words
        (
            "ru",
            "Пассажиры жалуются, что водители маршрута № 12 высаживают их за две остановки до "
            "конечной.",
            ("Пассажиры", "водители"),
        ),
        (
            "ru",
            "Жильцы жалуются на то, что управляющая компания «Уют» берёт с них деньги за уборку "
            "подъезда.",
            ("Жильцы", "компания"),
        ),
        ("fr", "Des clients se plaignent que le garagiste leur facture des pièces neuves.", None),
        ("de", "Mieter beschweren sich, der Vermieter kassiere Geld für Reparaturen.", None),
        (
            "es",
            "Los clientes se quejan de que la gestoría les cobraba dos veces el mismo trámite.",
            ("clientes", "gestoría"),
        ),
        (
            "fr",
            "Des riverains se plaignent que le bar Le Cactus servait de l'alcool après minuit.",
            ("riverains", "bar Le Cactus"),
        ),
        (
            "es",
            "Los pacientes se quejan de que la clínica Dentalia les cobraba las revisiones.",
            ("pacientes", "Dentalia"),
        ),
        # a complaining party (now in ru and de too) with a mark of a wrong; "d'anciens"
        (
            "ru",
            "Жители деревни уверены, что лесопилка по ночам сбрасывает опилки прямо в реку.",
            ("Жители", "лесопилка"),
        ),
        (
            "fr",
            "À en croire d'anciens salariés, le patron de la scierie les faisait travailler sans "
            "contrat.",
            ("salariés", "patron"),
        ),
        (
            "de",
            "Nach Angaben des Mietervereins lässt der Betreiber der Tankstelle sein Altöl in "
            "den Bach laufen.",
            ("Mietervereins", "Betreiber"),
        ),
        (
            "de",
            "Ehemalige Kellnerinnen erzählen, der Wirt habe sie ohne Vertrag arbeiten lassen.",
            ("Kellnerinnen", "Wirt"),
        ),
    ],
)
def test_thirty_fifth_round_a_grievance_by_construction(
    language: str, text: str, parties: tuple[str, str] | None
) -> None:
    """A complaint verb's claim is an allegation with no wrong named (a subject no list knows
    is the words before its verb form); a complaining party's claim with a mark of a wrong."""
    accuser, target, _ = _one(text, language)
    if parties is None:
        first = text.split()[1 if text.startswith(("Des ", "Les ")) else 0]
        assert first.lower() in accuser.lower() and target, (accuser, target)
    else:
        assert parties[0] in accuser and parties[1] in target, (accuser, target)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Аграрии жалуются на засуху."),  # a complaint with no claim
        ("ru", "Жители уверены, что новый мост откроют к лету."),  # a perfective future
        ("ru", "Жители жалуются, что им не хватает парковок."),  # a pronoun, a negation
        ("ru", "Покупатели говорят, что продавцы рынка не обвешивают."),  # negated
        # a complaining party's habitual deed with no mark and no complaint verb
        ("ru", "Родители учеников уверены, что буфетчица столовой варит компот каждый день."),
        ("es", "Según antiguos repartidores, el dueño de la pizzería les pagaba los viernes."),
        ("de", "Die Gewerkschaft sagt, die Pflegekräfte würden unter Tarif bezahlt."),
        ("fr", "Des riverains affirment que la mairie a organisé une réunion."),  # no habit
        ("fr", "Les clients se plaignent que le magasin ne livre pas le samedi."),  # negated
        ("fr", "Le fabricant affirme que ses ouvriers travaillaient le dimanche."),  # no party
        ("de", "Landwirte klagen über die lange Trockenheit."),  # no claim
        ("de", "Mehrere Spieler klagten nach dem Training über Muskelprobleme."),
        ("de", "Landwirte klagen, dass die Preise zu niedrig sind."),  # no party's deed
        ("es", "Los vecinos se quejan de que el parque está sucio."),  # no party's deed
        ("es", "Los inquilinos aseguran que el administrador no les cobraba nada."),  # negated
        ("es", "La empresa asegura que sus técnicos revisaban cada caldera."),  # no complainant
    ],
)
def test_thirty_fifth_round_grievances_that_stay_unread(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        # a complaining party acted on: a pronoun for the speakers and a verb of taking from them
        (
            "ru",
            "Продавцы сети пекарен «Колосок» рассказали журналистам, что их заставляли "
            "перепаковывать вчерашний хлеб.",
            ("Продавцы", "Колосок"),
        ),
        (
            "ru",
            "Бывшие кассиры магазина «Уют» утверждают, что директор вычитал у них из зарплаты "
            "недостачу.",
            ("кассиры", "директор"),
        ),
        (
            "es",
            "Varios reponedores de un supermercado cuentan que la empresa les descontaba del "
            "sueldo los productos caducados.",
            ("reponedores", "empresa"),
        ),
        (
            "de",
            "Der Gemüsehof Lindner habe ihnen weniger als den Mindestlohn gezahlt, sagen "
            "ehemalige Erntehelfer.",
            ("Erntehelfer", "Gemüsehof Lindner"),
        ),
        (
            "fr",
            "Des serveuses racontent que le patron du restaurant leur prélevait les assiettes "
            "cassées sur leur salaire.",
            ("serveuses", "patron"),
        ),
        # goods passed off as others
        (
            "es",
            "Según publica El Diario Vasco, una empresa de embutidos de Burgos etiquetaba como "
            "ibérico jamón de cebo.",
            ("Diario Vasco", "empresa"),
        ),
        (
            "de",
            "Kunden berichten, die Bäckerei Brandt habe Aufbackbrötchen als eigene Backware "
            "verkauft.",
            ("Kunden", "Bäckerei Brandt"),
        ),
        (
            "fr",
            "D'après le journal Sud Ouest, le traiteur vendait des plats surgelés comme faits "
            "maison.",
            ("Sud Ouest", "traiteur"),
        ),
        # things never done under a legal source; a law-enforcement source; German sources
        (
            "fr",
            "D'après des sources proches de l'enquête, le kinésithérapeute facturait des séances "
            "jamais réalisées.",
            ("sources proches de l'enquête", "kinésithérapeute"),
        ),
        (
            "ru",
            "По данным источника в правоохранительных органах, директор школы Пётр Ильин "
            "продавал казённый уголь.",
            ("источника в правоохранительных органах", "Пётр Ильин"),
        ),
        (
            "de",
            "Nach Angaben von Anwohnern kippt der Betreiber der Werkstatt sein Altöl in den Bach.",
            ("Anwohnern", "Betreiber"),
        ),
        (
            "de",
            "Nach Informationen aus Ermittlerkreisen steht ein Zollbeamter im Verdacht, "
            "beschlagnahmte Zigaretten verkauft zu haben.",
            ("Ermittlerkreisen", "Zollbeamter"),
        ),
        # a relative "à qui A reproche de": the accuser a pronoun for the sentence's subject
        (
            "fr",
            "Un collectif de parents a saisi le rectorat contre le directeur de l'école, à qui il "
            "reproche d'avoir caché des incidents.",
            ("collectif", "directeur"),
        ),
        # an adverb of system or intent in a complaining party's claim
        (
            "de",
            "Der Betriebsrat behauptet, die Spedition Krause habe Überstunden systematisch "
            "nicht erfasst.",
            ("Betriebsrat", "Spedition Krause"),
        ),
        (
            "es",
            "Varios inquilinos aseguran que la administradora retrasaba deliberadamente las "
            "reparaciones.",
            ("inquilinos", "administradora"),
        ),
        # a purpose of saving at others' cost; withholding
        (
            "fr",
            "Les habitués du gymnase assurent que le prestataire coupait le chauffage le soir "
            "pour économiser le gaz.",
            ("habitués", "prestataire"),
        ),
        (
            "de",
            "Mehrere Teilnehmer einer Sprachreise berichten, der Veranstalter habe den Ausflug "
            "gestrichen und das Geld dafür behalten.",
            ("Teilnehmer", "Veranstalter"),
        ),
    ],
)
def test_thirty_sixth_round_claims_told_by_a_source(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    """Round 36A: a complaining party acted on (``complaint_objects`` beside a verb of
    ``complaint_object_verbs``), goods passed off as others (``passing_off_verbs``,
    ``passing_off_as``), a never-done negator under a legal source, ru law-enforcement
    sources and dative addressees, de "nach Angaben von" / "aus Ermittlerkreisen", a purpose of
    saving and withholding as complaint marks."""
    accuser, target, _ = _one(text, language)
    assert parties[0] in accuser and parties[1] in target, (accuser, target)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the speakers acted on with no verb of taking from them (charging, forcing: measured
        # and left out, they read these)
        ("es", "«El restaurante nos hacía trabajar los domingos», denunció uno de los camareros."),
        ("es", "Los socios del club cuentan que la directiva les cobraba la cuota cada mes."),
        ("es", "Los trabajadores aseguran que la empresa les obliga a llevar uniforme."),
        ("fr", "Les locataires affirment que le bailleur leur facturait les charges chaque mois."),
        ("de", "Die Mieter sagen, die Verwaltung habe ihnen die Nebenkosten berechnet."),
        ("ru", "Жители рассказали журналистам, что их эвакуировали ночью."),
        # negated: nothing taken
        ("es", "Los reponedores cuentan que la empresa nunca les descontaba nada del sueldo."),
        ("ru", "Кассиры утверждают, что директор не вычитал у них из зарплаты ни рубля."),
        # a quotation with no subject before its speaker names no doer
        ("es", "«Nos descontaba las roturas», relatan unos camareros de Cádiz."),
        # a simile, not goods passed off
        ("fr", "Les clients racontent que le magasin vendait ses produits comme des petits pains."),
        # an adverb of aim with no wrong
        ("de", "Die Eltern sagen, der Trainer habe die Kinder gezielt gefördert."),
        # a reproach denied in the relative clause
        (
            "fr",
            "La mairie a reconduit le prestataire, à qui elle ne reproche pas d'avoir augmenté ses tarifs.",
        ),
        # a saving told by no complaining party
        ("fr", "La mairie assure que l'éclairage est coupé la nuit pour économiser l'électricité."),
        # a source's fact with no wrong and no legal word
        ("de", "Nach Angaben von Anwohnern brannte das Haus bis zum Morgen."),
    ],
)
def test_thirty_sixth_round_claims_that_stay_unread(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


# ---- real news in Russian and French (Wikinews), labelled blind part by part

REAL_RU = SETS / "allegations_real_ru"  # Russian Wikinews as NEREL keeps it
REAL_FR = SETS / "allegations_real_fr"  # French Wikinews (2012) as WikinewsKeyphraseCorpus does
REAL_ES = SETS / "allegations_real_es"  # AnCora Spanish news as UD_Spanish-AnCora keeps it
REAL_NEWS = {
    "ru": (REAL_RU, "https://ru.wikinews.org/wiki/"),
    "fr": (REAL_FR, "https://fr.wikinews.org/wiki/"),
    "es": (REAL_ES, "https://github.com/UniversalDependencies/UD_Spanish-AnCora/blob/"),
}
# Parts each labelled blind, scored once, then opened, by language.
REAL_PARTS: dict[str, tuple[str, ...]] = {
    "ru": tuple(f"real{n}" for n in range(1, 14)),
    "fr": ("real1", "real2", "real11"),
    "es": ("real4", "real5", "real7", "real8", "real9", "real10", "real11"),
}
# parts labelled blind and not yet scored, by language (held out in the bench until scored once)
REAL_BLIND_PARTS: dict[str, tuple[str, ...]] = {
    "ru": (),
    "fr": (),
    "es": (),
}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("language", sorted(REAL_NEWS))
def test_the_real_news_parts_are_open_since_scored_once(language: str) -> None:
    """``real1`` (scored once after the thirty-sixth round), ``real2`` (after the thirty-seventh)
    and the Russian ``real3`` (after the thirty-eighth) were held out until scored; since, the
    bench loads them, in file order, as parts one may tune on, from the language's own folder."""
    bench = _bench()
    folder, _ = REAL_NEWS[language]
    assert bench.real_set(language) == folder
    for part in REAL_PARTS[language]:
        assert part in bench.REAL_TUNABLE and part not in bench.HELD_OUT_SPLITS
        assert bench.printable(part, bench.REAL_TUNABLE)
    loaded = bench.load_real(bench.real_set(language))
    opened = [
        a["id"] for a in _jsonl(folder / "articles.jsonl") if a["split"] in REAL_PARTS[language]
    ]
    assert [a.id for a in loaded] == opened


@pytest.mark.parametrize("language", sorted(REAL_NEWS))
def test_real_news_set_is_well_formed(language: str) -> None:
    """A real-news set in another language: ids, fields, each sentence's split its article's,
    paragraphs numbered without a gap, and the counts per part and the article table its README
    states (no line's text is printed)."""
    folder, url = REAL_NEWS[language]
    articles = _jsonl(folder / "articles.jsonl")
    rows = _jsonl(folder / "sentences.jsonl")
    article_ids = [a["id"] for a in articles]
    assert len(set(article_ids)) == len(article_ids), "article ids not unique"
    for n, article in enumerate(articles, 1):
        assert set(article) == {"id", "title", "url", "date", "split"}, f"article {n}: fields"
        assert re.fullmatch(r"[0-9a-f]{8}", article["id"]), f"article {n}: id"
        assert article["title"] and isinstance(article["title"], str), f"article {n}: title"
        assert article["url"].startswith(url), f"article {n}: url"
        assert re.fullmatch(r"(\d{4}-\d\d-\d\d)?", article["date"]), f"article {n}: date"
        assert article["split"] in REAL_PARTS[language] + REAL_BLIND_PARTS[language], (
            f"article {n}: split"
        )
    split_of = {a["id"]: a["split"] for a in articles}
    row_ids = [r["id"] for r in rows]
    assert len(set(row_ids)) == len(row_ids), "sentence ids not unique"
    kinds = {"accusation", "allegation", "claim", "charge", "lawsuit"}
    base = {"id", "article", "paragraph", "text", "split", "is_allegation", "criticism"}
    allowed = base | {"kind", "accuser", "target", "response", "hard_negative"}
    seen: dict[str, list[int]] = {}
    for n, row in enumerate(rows, 1):
        assert base <= set(row) <= allowed, f"line {n}: fields"
        assert row["article"] in split_of, f"line {n}: article missing"
        article, _, index = row["id"].partition(".")
        assert article == row["article"] and index.isdigit(), f"line {n}: id"
        seen.setdefault(article, []).append(int(index))
        assert isinstance(row["paragraph"], int) and row["paragraph"] >= 0, f"line {n}: paragraph"
        assert isinstance(row["text"], str) and row["text"].strip(), f"line {n}: text"
        assert row["split"] == split_of[row["article"]], f"line {n}: split"
        assert isinstance(row["is_allegation"], bool), f"line {n}: is_allegation"
        assert isinstance(row["criticism"], bool), f"line {n}: criticism"
        assert not (row["is_allegation"] and row["criticism"]), f"line {n}: both"
        if row["is_allegation"] or row["criticism"]:
            for key in ("accuser", "target"):
                names = row.get(key)
                assert isinstance(names, list) and names, f"line {n}: {key}"
                assert all(isinstance(name, str) for name in names), f"line {n}: {key}"
            assert not row.get("hard_negative"), f"line {n}: labelled and hard negative"
        else:
            assert "accuser" not in row and "target" not in row, f"line {n}: names on a negative"
        if row["is_allegation"]:
            assert row.get("kind") in kinds, f"line {n}: kind"
        else:
            assert "kind" not in row and "response" not in row, f"line {n}: kind on a negative"
        if "response" in row:
            response = row["response"]
            assert set(response) == {"responder", "kind"}, f"line {n}: response"
            assert response["responder"] and isinstance(response["kind"], str), f"line {n}"
        if "hard_negative" in row:
            assert row["hard_negative"] is True, f"line {n}: hard_negative"
    assert set(seen) == set(article_ids), "an article without sentences"
    for article, indices in seen.items():
        assert indices == list(range(len(indices))), f"article {article}: sentence ids not 0..n-1"
        paragraphs = [r["paragraph"] for r in rows if r["article"] == article]
        assert paragraphs == sorted(paragraphs), f"article {article}: paragraphs out of order"
        assert set(paragraphs) == set(range(paragraphs[-1] + 1)), f"article {article}: gap"
    readme = (folder / "README.md").read_text("utf-8")
    for part in REAL_PARTS[language] + REAL_BLIND_PARTS[language]:
        stated = re.search(rf"^\| {part} [^|]*\|" + r"\s*(\d+)\s*\|" * 6, readme, re.MULTILINE)
        assert stated, f"the README's row of counts for {part}"
        lines = [r for r in rows if r["split"] == part]
        counts = (
            sum(a["split"] == part for a in articles),
            len(lines),
            sum(r["is_allegation"] for r in lines),
            sum(r["criticism"] for r in lines),
            sum(bool(r.get("hard_negative")) for r in lines),
            sum("response" in r for r in lines),
        )
        assert counts == tuple(int(x) for x in stated.groups()), part
        state = "scored once, then opened" if part in REAL_PARTS[language] else "not yet scored"
        assert f"| {part} (labelled blind, {state}) |" in readme
    assert re.findall(r"^\| `([0-9a-f]{8})` \|", readme, re.MULTILINE) == article_ids


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        # a source that interrupts its claim's clause: the clause's subject is the target
        (
            "fr",
            "Le patron d'une pizzeria de Nantes gardait, selon d'anciens livreurs, une partie "
            "des pourboires sans les déclarer.",
            ("livreurs", "patron d'une pizzeria de Nantes"),
        ),
        (
            "fr",
            "Le gérant de la supérette, à en croire plusieurs clients, revendait sans étiquette "
            "des produits périmés.",
            ("clients", "gérant de la supérette"),
        ),
        # a claim before its speaker, who names whom it is about
        (
            "de",
            "„Er hat die Messwerte jahrelang gefälscht“, sagt ein früherer Mitarbeiter über den "
            "Laborleiter eines Wasserwerks.",
            ("Mitarbeiter", "Laborleiter"),
        ),
        (
            "es",
            "«Nos estafó con la reforma de la cocina», relatan unos vecinos de Cuenca sobre el "
            "contratista Julián Roldán.",
            ("vecinos", "Julián Roldán"),
        ),
        (
            "ru",
            "«Он присвоил деньги жильцов на ремонт крыши», — рассказали соседи о председателе "
            "ТСЖ Иване Петрове.",
            ("соседи", "Петров"),
        ),
        # es: a sentence asked for a party fronted with "para", the speaker inside or after
        (
            "es",
            "Para el extesorero de un club de fútbol de Lugo, al que acusa de quedarse con las "
            "cuotas, la Fiscalía solicita cuatro años de prisión.",
            ("Fiscalía", "extesorero"),
        ),
        (
            "es",
            "Para un exalcalde de Lugo, en Galicia, pide el fiscal dos años de prisión.",
            ("fiscal", "exalcalde"),
        ),
        (
            "es",
            "Cuatro años de cárcel es lo que solicita la Fiscalía para el extesorero del club.",
            ("Fiscalía", "extesorero"),
        ),
        # ru: a fronted claim, its verb, the object, then the subject that ends the sentence
        (
            "ru",
            "Нарушения санитарных норм вменяет частной пекарне «Колос» областное управление "
            "Роспотребнадзора.",
            ("управление", "пекарне"),
        ),
        (
            "ru",
            "Завышение цен на уголь поставила в вину районной администрации Счётная палата "
            "Кузбасса.",
            ("Счётная палата", "администрации"),
        ),
        # ru: "О том, что ..., заявило A": the claim fronted before its speaker
        (
            "ru",
            "О том, что управляющая компания завышает тарифы на отопление, заявило областное "
            "управление антимонопольной службы.",
            ("управление", "компания"),
        ),
        # a target's complement opened by the claim's own connector ("в", "de")
        (
            "ru",
            "Соперники подозревают кандидата в депутаты Олега Рябова в том, что он подкупал "
            "избирателей.",
            ("Соперники", "кандидата в депутаты Олега Рябова"),
        ),
        (
            "fr",
            "Les pêcheurs accusent le port de plaisance de Sète de polluer la lagune.",
            ("pêcheurs", "port de plaisance de Sète"),
        ),
        (
            "fr",
            "Le syndicat accuse le directeur de l'usine Lactalis de fraude fiscale.",
            ("syndicat", "directeur de l'usine Lactalis"),
        ),
        # de: a fronted accusation noun, the accuser after the verb; a compound's head
        (
            "de",
            "Schwere Vorwürfe erhebt die Umweltorganisation „Grünes Tal“ gegen den Chemiepark "
            "Leuna: Das Werk leite nachts Abwasser in die Saale.",
            ("Umweltorganisation", "Chemiepark Leuna"),
        ),
    ],
)
def test_thirty_sixth_round_the_speaker_after_the_claim(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    """Word order: a source inside the claim's clause, a speaker after a claim naming whom it
    is about, a fronted party or claim with its speaker after the verb."""
    accuser, target, _ = _one(text, language)
    assert parties[0] in accuser and parties[1] in target, (accuser, target)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "«Это дело всей моей жизни», — говорит фермер о своей сыроварне."),  # no wrong
        ("de", "„Er hat uns immer geholfen“, sagt eine Nachbarin über den Verstorbenen."),
        ("fr", "Le club, selon son entraîneur, a mérité sa victoire."),  # no wrong
        ("es", "Para el exalcalde, en Vigo, la Fiscalía no pide prisión."),  # negated
        ("es", "Para el exalcalde, en Vigo, la Fiscalía podría pedir prisión."),  # a hypothesis
        (
            "ru",
            "Нарушения санитарных норм не вменяет частной пекарне «Колос» областное управление "
            "Роспотребнадзора.",
        ),  # negated
        ("ru", "О том, что завод откроется в мае, заявили в мэрии."),  # no wrong
        # a figure and another preposition before the second connector: no complement
        ("fr", "Les valeurs bancaires accusent une baisse de 3 % à la Bourse de Paris."),
        # a lawsuit only weighed, against a regulation
        ("de", "Der Verband der Schweinehalter prüft eine Klage gegen die neue Verordnung."),
    ],
)
def test_thirty_sixth_round_word_order_negatives(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


def test_thirty_sixth_round_a_wrong_before_the_second_connector_opens_the_claim() -> None:
    """The first "de" opened the claim when a wrong stands before the second one."""
    accuser, target, _ = _one("Le syndicat accuse le maire de fraude de grande ampleur.", "fr")
    assert (accuser, target) == ("syndicat", "maire")


def test_thirty_sixth_round_a_claim_opening_with_a_verb_keeps_its_connector() -> None:
    """No name between the two connectors: the first one opened the claim."""
    text = "El sindicato acusa a la dirección de despedir a trabajadores de forma ilegal."
    accuser, target, _ = _one(text, "es")
    assert (accuser, target) == ("sindicato", "dirección")


def test_thirty_sixth_round_a_plural_pronoun_stands_for_the_role_that_opened_before() -> None:
    """ "Ils" opening the sentence is the role that opened the sentence before, not a place
    named in its complement."""
    text = (
        "Les riverains du quartier de Mireuil ont manifesté samedi devant la mairie. Ils "
        "accusent la société Recyclor de brûler des déchets toxiques la nuit."
    )
    [item] = extract(text, language="fr")
    assert "riverains" in item.accuser and "Recyclor" in item.target, item


def test_thirty_sixth_round_a_claim_of_its_own_before_a_place_keeps_its_connector() -> None:
    """A claim with words of its own before a second "в" and a place: the first one opened it."""
    text = (
        "РУСАДА подозревает лыжницу Анну Серову в приёме допинга перед этапом Кубка России в Сочи."
    )
    accuser, target, _ = _one(text, "ru")
    assert accuser == "РУСАДА" and "Серову" in target and "России" not in target, target


# ---- round 37: precision and recall on the Russian and French real news (`real1`), by class


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a legal source's clause telling a state or a relation, no wrong
        ("ru", "По данным следствия, Петров был дружен с обоими задержанными."),
        ("ru", "По версии следствия, директор был знаком с главой района."),
        # a court or its decision is no target of a prosecutor's speech
        ("ru", "Прокурор заявил, что решение суда в Твери было вынесено на законных основаниях."),
        (
            "ru",
            "Также прокурор заявил, что областной суд смягчил ей наказание за тяжкое преступление.",
        ),
        (
            "ru",
            "Вечером задержанные будут доставлены в федеральный суд Чикаго, где им будут "
            "официально предъявлены обвинения.",
        ),
        # charges dropped or withdrawn, a suit rejected
        ("ru", "Глава ведомства заявил, что все обвинения против фермера сняты."),
        ("ru", "Генпрокуратура сообщила, что обвинения против блогера сняты."),
        ("ru", "Стороны обсудили возможность отзыва обвинений против бывшего министра."),
        ("ru", "Он подал апелляцию после того, как районный суд отклонил его иск против банка."),
        # a confession
        (
            "ru",
            "В ходе процесса бывший мэр Николай Орлов признал вину по трём из пяти предъявленных "
            "ему пунктов обвинения.",
        ),
        (
            "ru",
            "Адвокат обвиняемого подтвердил факт отправки его подзащитным явки с повинной в "
            "прокуратуру.",
        ),
        # a hypothesis ("можно")
        (
            "ru",
            "Юристы обсуждали выгоды, которые можно извлечь, выдвинув обвинения против главы "
            "холдинга.",
        ),
        # a verb opening the sentence is no target; the law's own work is no wrong
        ("ru", "Начато расследование по статье о терроризме, сообщило министерство."),
        ("ru", "По мнению СК, следствием собрана достаточная доказательная база."),
        # an active participle: the one who accuses, not the accused
        ("ru", "Бывший мэр, обвинявший губернатора в коррупции, покинул партию."),
        # a verb of announcing with no wrong
        ("fr", "Le parquet annonce que le procès s'ouvrira lundi."),
        ("fr", "Le ministre a déclaré : « Nous avons gagné »."),
    ],
)
def test_thirty_seventh_round_real_news_negatives(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


@pytest.mark.parametrize(
    ("language", "text", "accuser", "target"),
    [
        # held or arrested "по обвинению / подозрению в", by a verb or a participle after the name
        (
            "ru",
            "Активист Иван Петров находился в СИЗО по обвинению в экстремизме.",
            "",
            "Активист Иван Петров",
        ),
        (
            "ru",
            "Бывший мэр Омска Сергей Козлов, 54-летний предприниматель, арестованный по "
            "подозрению во взяточничестве, доставлен в суд.",
            "",
            "Бывший мэр Омска Сергей Козлов",
        ),
        (
            "ru",
            "Сегодня бывший мэр, задержанный по подозрению в коррупции, уволен.",
            "",
            "бывший мэр",
        ),
        # a passive charging participle set off after its name
        (
            "ru",
            "Глава МВД уволил двух полицейских, причастных к аресту блогера Андрея Смирнова, "
            "обвинённого в мошенничестве.",
            "",
            "блогера Андрея Смирнова",
        ),
        # a legal role before a personal name speaks as a legal source
        (
            "ru",
            "Прокурор Анна Белова заявила, что Кузнецов «участвовал в одной из частей "
            "международного заговора».",
            "Прокурор Анна Белова",
            "Кузнецов",
        ),
        # a fronted charge with the accused in the dative ("лицам": persons, the legal noun)
        ("ru", "Обвинения в поджоге склада в 2021 году предъявлены трём лицам.", "", "трём лицам"),
        # arrested "по обвинению в" by a neuter subject
        (
            "ru",
            "ФБР арестовало бывшего сотрудника по обвинению в подготовке теракта.",
            "ФБР",
            "сотрудника",
        ),
        # a claim verb, a colon and a quotation
        ("fr", "La mairie a annoncé : « Le gérant a détourné des fonds ».", "mairie", "gérant"),
        # a French source announcing a deed
        (
            "fr",
            "Le parquet fédéral annonce que des pirates ont volé près de deux millions d'euros à "
            "des clients de banques en ligne.",
            "parquet",
            "pirates",
        ),
    ],
)
def test_thirty_seventh_round_real_news_constructions(
    language: str, text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language=language)
    assert (item.accuser, item.target) == (accuser, target), text


# ---- round 38: targets on the Russian real news (`real1`, `real2`), by class


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a charging participle set off after its name: the name, not a place in the claim
        (
            "Бывшему мэру Омска Ивану Сидорову, подозреваемому в растрате средств в Тюмени, "
            "предъявлены обвинения.",
            "мэру Омска Ивану Сидорову",
        ),
        (
            "Блогеру Сергею Клименко, обвиняемому в вымогательстве в Самаре, продлили арест.",
            "Блогеру Сергею Клименко",
        ),
        # a passive auxiliary after a relative clause on the dative name
        (
            "Директору завода Павлу Орлову, который вчера вернулся из Казани, были предъявлены "
            "обвинения в растрате.",
            "Директору завода Павлу Орлову",
        ),
    ],
)
def test_thirty_eighth_round_real_news_targets(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    "text",
    [
        # an adverb opening the sentence is no target: the pronoun is, and here it names no one
        "Потом ему предъявили обвинение в мошенничестве.",
        # an active participle after its name: the one who accuses, no charge
        "Бывший мэр, обвинявший губернатора в растрате в Омске, покинул партию.",
    ],
)
def test_thirty_eighth_round_real_news_no_false_target(text: str) -> None:
    assert all(
        item.target.lower() not in {"потом", "омске"} for item in extract(text, language="ru")
    ), text


def test_thirty_eighth_round_a_subject_pronoun_accused_is_the_full_name_before() -> None:
    """A subject pronoun accused after an office named before the accused: the person."""
    text = (
        "Следственным отделом Главного управления МВД по Самарской области завершено "
        "расследование дела в отношении 40-летнего Игоря Мальцева. Он обвиняется в "
        "мошенничестве."
    )
    [item] = extract(text, language="ru")
    assert item.target == "Игоря Мальцева"


# ---- written-set round lang37 (fr, de, es): constructions from `fresh34` and French `real1`


@pytest.mark.parametrize(
    ("language", "text", "accuser", "target"),
    [
        # an arrest whose relative clause tells the deed
        (
            "es",
            "La Policía Nacional ha detenido en Sevilla a un joven que robaba bicicletas en los "
            "garajes.",
            "Policía Nacional",
            "joven",
        ),
        (
            "de",
            "Die Polizei hat in Kassel einen Mann festgenommen, der im Verdacht steht, "
            "Geldautomaten gesprengt zu haben.",
            "Polizei",
            "Mann",
        ),
        # a press source is a complaining party: its claim's mark of a wrong reads it
        (
            "es",
            "Según publica el Heraldo, una gestoría cobraba a sus clientes trámites sin "
            "presentarlos nunca.",
            "Heraldo",
            "gestoría",
        ),
        (
            "de",
            "Nach Recherchen des WDR soll ein Schlachthof in Gütersloh Leiharbeiter ohne "
            "Schutzkleidung beschäftigt haben.",
            "WDR",
            "Schlachthof",
        ),
        # a legal body in the source's complement
        (
            "es",
            "Fuentes de la investigación aseguran que el tesorero avisaba a los constructores de "
            "las inspecciones.",
            "Fuentes",
            "tesorero",
        ),
        # keeping others' money for oneself
        (
            "es",
            "Según los vecinos, el administrador se quedaba con las fianzas de los inquilinos.",
            "vecinos",
            "administrador",
        ),
        # goods sold under another's name
        (
            "fr",
            "Selon plusieurs clients, la boucherie vendait du bœuf espagnol sous le nom de la "
            "marque régionale.",
            "clients",
            "boucherie",
        ),
        # a post or a contract given to the doer's own kin
        (
            "es",
            "Según los vecinos, el alcalde adjudicó la limpieza del polideportivo a la gestoría "
            "de su yerno.",
            "vecinos",
            "alcalde",
        ),
        (
            "fr",
            "Selon les parents d'élèves, le maire a embauché son neveu à la cantine.",
            "parents d'élèves",
            "maire",
        ),
        (
            "de",
            "Mehrere Eltern sagen, die Schulleiterin habe die Stelle ihrem Neffen zugeschanzt.",
            "Eltern",
            "Schulleiterin",
        ),
        # a surname of a common noun's shape after a role and a given name
        (
            "de",
            "Die Bürgermeisterin habe Aufträge an die Firma ihres Bruders vergeben, sagte die "
            "Linken-Fraktionschefin Anna Kranz.",
            "Linken-Fraktionschefin Anna Kranz",
            "Bürgermeisterin",
        ),
        # German verb-second after a fronted "wie" clause: the subject after the verb
        (
            "de",
            "Wie Anwohner berichten, lässt ein Landwirt seit Wochen Gülle in den Graben laufen.",
            "Anwohner",
            "Landwirt",
        ),
        # a criminal complaint with its reason fronted
        (
            "de",
            "Wegen illegaler Müllentsorgung hat der Naturschutzbund den Betreiber angezeigt.",
            "Naturschutzbund",
            "Betreiber",
        ),
        # a claim with no subject after a colon: the party that opened the sentence
        (
            "es",
            "Un exalcalde de Ronda tendrá que declarar como investigado: la jueza sospecha que "
            "desvió fondos de la depuradora.",
            "jueza",
            "exalcalde de Ronda",
        ),
        # a payment owed to the complaining party and never made
        (
            "fr",
            "Plusieurs artisans assurent qu'un promoteur ne réglait jamais leurs factures.",
            "artisans",
            "promoteur",
        ),
        (
            "es",
            "Varios camareros aseguran que el dueño nunca les pagaba las horas extra.",
            "camareros",
            "dueño",
        ),
        # "faire grief à T de", and "d'autres" opening a party
        (
            "fr",
            "Le syndicat fait grief à la direction d'avoir ignoré les alertes.",
            "syndicat",
            "direction",
        ),
        (
            "fr",
            "Selon d'autres témoignages, des soldats ont volé plusieurs voitures dans le centre.",
            "d'autres témoignages",
            "soldats",
        ),
    ],
)
def test_round_lang37_constructions(language: str, text: str, accuser: str, target: str) -> None:
    [item] = extract(text, language=language)
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # an arrest whose relative clause tells no wrong, or a negated one
        ("es", "La Policía Nacional ha detenido en Sevilla a un joven que trabajaba en un taller."),
        ("es", "La Policía Nacional no ha detenido a ningún joven que robara bicicletas."),
        # a press source whose claim has no mark of a wrong
        ("de", "Nach Recherchen des WDR soll die Klinik bald einen neuen Chefarzt bekommen."),
        ("es", "Según publica el Heraldo, una gestoría abrirá una oficina sin cita previa."),
        # a source whose complement is no legal body
        ("es", "Fuentes del club aseguran que el tesorero avisaba a los socios de las reuniones."),
        # staying, meeting friends, a win, a denial: no keeping
        ("es", "Según los vecinos, el administrador se quedaba en la oficina hasta tarde."),
        ("es", "Según los socios, el equipo se quedó con el trofeo."),
        ("es", "Según los vecinos, el administrador no se quedaba con las fianzas."),
        # "sous" before no name
        ("fr", "Selon plusieurs clients, la boucherie vendait du bœuf sous le soleil du marché."),
        # kin with no post or contract given
        ("es", "Según los vecinos, el alcalde visitó a su cuñado en el hospital."),
        ("fr", "Selon ses voisins, le maire a confié ses clés à son frère."),
        ("fr", "Selon les parents d'élèves, le maire a embauché un cuisinier à la cantine."),
        # a negated reproach; "d'autres" sources telling no wrong
        ("fr", "Le syndicat ne fait pas grief à la direction d'avoir ignoré les alertes."),
        ("fr", "Selon d'autres témoignages, des soldats ont défilé dans le centre."),
        # a fronted "wie" clause and a claim with no wrong; "angezeigt" as displayed; negated
        ("de", "Wie Anwohner berichten, lässt ein Landwirt seit Wochen seine Kühe auf der Weide."),
        ("de", "Wegen des Gewitters hat die App eine Unwetterwarnung angezeigt."),
        ("de", "Wegen Betrugs hat die Verbraucherzentrale den Händler nicht angezeigt."),
        # a claim with no subject after a colon and no wrong
        (
            "es",
            "Un exalcalde de Ronda ha presentado su libro: la editorial asegura que vendió mil "
            "ejemplares.",
        ),
        # payments made, or billing never done: no payment owed
        ("fr", "Plusieurs artisans assurent que le promoteur réglait toujours leurs factures."),
        ("fr", "Plusieurs clients assurent que le garagiste ne leur facturait jamais les pièces."),
        ("es", "Varios socios aseguran que el club nunca les cobraba la cuota."),
        ("es", "Varios camareros aseguran que el dueño les pagaba las horas extra."),
    ],
)
def test_round_lang37_negatives(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


# ---- round 39: the Russian real news (`real1` to `real3`), by class

_GOVERNOR = (
    "Бывший губернатор Иван Сидоров скончался в больнице в понедельник. Сидоров руководил "
    "областью десять лет.\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # a person pronoun its paragraph names no one for: the article's most named person
        _GOVERNOR + "В 2015 году суд приговорил бывшего губернатора к пяти годам колонии.\n\n"
        "Тогда же его обвинили в растрате бюджетных средств.",
        _GOVERNOR + "Он обвинён также в получении взяток.",
    ],
)
def test_thirty_ninth_round_a_pronoun_stands_for_the_articles_person(text: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == "Иван Сидоров", text


@pytest.mark.parametrize(
    "text",
    [
        # a charge's complement "против него", no deed named: stays unread
        _GOVERNOR + "Первое обвинение против него было выдвинуто ещё в мае.",
        # one person's account of himself: stays unread
        _GOVERNOR + "По его словам, он начал готовить поджог склада год назад.",
        # with no name before it anywhere, a pronoun stands for no one
        "Тогда же его обвинили в растрате бюджетных средств.",
    ],
)
def test_thirty_ninth_round_a_pronoun_reaches_no_further(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    "text",
    [
        # a sentence's first word that is an adverb, a preposition, a quantity or a predicate
        # noun in the instrumental, or a deverbal noun, is no name (nor a pronoun's referent)
        "Помимо прочего, ему вменяется организация незаконной вырубки леса.",
        "Часть обвинений была предъявлена ему ещё в мае.",
        "Поводом для проверки стали подозрения в хищении средств у директора.",
        "Столкновения начались в среду, когда он обвинил соседей в поджоге амбара.",
        "Задержания прошли утром, его подозревают в нападении на охранника.",
    ],
)
def test_thirty_ninth_round_a_first_word_is_no_party(text: str) -> None:
    first = text.split()[0].strip(",").lower()
    for item in extract(text, language="ru"):
        assert first not in {item.target.lower(), item.accuser.lower()}, text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # an adverb between the charging verb and its "в": the charge is read
        ("Директора завода Сергея Котова обвиняют также в растрате.", "Сергея Котова"),
        ("Глава района Олег Котов обвинён также в получении взятки.", "Олег Котов"),
    ],
)
def test_thirty_ninth_round_an_adverb_before_the_charge(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert target in item.target, text


def test_thirty_ninth_round_a_country_opening_its_sentence_is_still_a_party() -> None:
    """A country's name in "-ания"/"-ения" opening a sentence stays a name (the deverbal
    endings that are no name are longer: "-ования", "-жения", "-кновения", ...)."""
    [item] = extract("Испания обвинила Марокко в нарушении границы.", language="ru")
    assert (item.accuser, item.target) == ("Испания", "Марокко")


@pytest.mark.parametrize(
    "text",
    [
        # a participle after a party's noun is a person's noun ("the accused's lawyer")
        "В ходе заседания адвокаты обвиняемых заявили, что их подзащитные не скрывались от "
        "следствия.",
        "Адвокат обвиняемого и сам активист просили о домашнем аресте, однако судья приняла "
        "решение об аресте.",
        # a verdict stated as fact
        "Районный суд признал бывшего директора рынка Павла Орлова виновным в растрате и "
        "арестовал на 10 суток.",
        # a confession naming another accused
        "Директора рынка Павла Орлова задержали. На допросе он дал признательные показания на "
        "другого обвиняемого — 30-летнего Игоря Белова.",
    ],
)
def test_thirty_ninth_round_real_news_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


def test_thirty_ninth_round_a_participle_opening_its_charge_is_still_read() -> None:
    """An oblique participle after a noun that opens its charge ("в") is a participle."""
    text = (
        "Следователи завершили расследование дела в отношении водителя, обвиняемого в гибели "
        "пешехода."
    )
    [item] = extract(text, language="ru")
    assert item.target == "водителя"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a place after "в" before the verb is no accused: the subject after the verb is
        (
            "Полиция сообщила, что на прошлой неделе в Казани был задержан 40-летний бухгалтер "
            "Олег Смирнов по подозрению в мошенничестве.",
            "бухгалтер Олег Смирнов",
        ),
        ("В Самаре задержан заведующий складом, подозреваемый в краже медикаментов.", "заведующий"),
    ],
)
def test_thirty_ninth_round_a_place_before_the_verb_is_no_target(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


def test_thirty_ninth_round_a_place_alone_names_no_accused() -> None:
    """With no party after the verb, a place stays no target: nothing is read."""
    assert extract("В Омске задержан по подозрению в поджоге склада.", language="ru") == []


def test_thirty_ninth_round_an_arrest_for_a_shooting() -> None:
    """A shooting is a wrong ("стрельб" in `wrongdoing`): an arrest in connection with it."""
    text = (
        "В связи со стрельбой в торговом центре полиция в ночь на субботу арестовала "
        "30-летнего Игоря Белова."
    )
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target) == ("полиция", "30-летнего Игоря Белова")


@pytest.mark.parametrize(
    "text",
    [
        # a source set off as an aside before a passive arrest is no one arrested
        "В рамках расследования поджогов в Твери, по сообщениям областной полиции, задержаны "
        "ещё два человека.",
        # a shooting with no one accused, a sport
        "Спортсмен завоевал золото в стрельбе из лука.",
    ],
)
def test_thirty_ninth_round_asides_and_shootings_unread(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a claim whose subject is harmed (a passive of harm, `agent_passive`) accuses no one
        ("Полиция утверждает, что двое туристов были отравлены грибами в кафе.", False),
        # the same wrong done by its subject is read
        ("Полиция утверждает, что Иван Котов отравил туристов грибами.", True),
    ],
)
def test_thirty_ninth_round_a_harmed_subject_is_no_target(text: str, read: bool) -> None:
    items = extract(text, language="ru")
    assert bool(items) == read, text
    assert all(item.target != "двое туристов" for item in items)


def test_thirty_ninth_round_charges_brought_on_one_suspected_in_a_relative_clause() -> None:
    """A charge brought, then the suspect's wrong in a relative clause: the one who charged."""
    text = (
        "Прокуратура предъявила обвинения директору школы Ивану Котову, который подозревается в "
        "растрате."
    )
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target) == ("Прокуратура", "директору школы Ивану Котову")


@pytest.mark.parametrize(
    "text",
    [
        # a defence lawyer saying a charge will be disputed: a response, no item (and the
        # newspaper told is no target)
        "Адвокат фермера заявил газете «Вести», что его подзащитный будет оспаривать "
        "выдвинутые обвинения в мошенничестве.",
        # a claim of responsibility is an admission, no allegation
        "Лидер группировки заявил, что его организация берет на себя ответственность за "
        "похищение журналиста в августе.",
        "Лидер группировки заявил, что его организация берет ответственность на себя за "
        "похищение журналиста в августе.",
    ],
)
def test_thirty_ninth_round_disputes_and_admissions_unread(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a dash between two years joins a range, no clause break
        (
            "Бывший мэр Омска в 2015—2018 годах находился в колонии по обвинению в растрате.",
            "Бывший мэр Омска",
        ),
        # an adjective before the charge noun: "по схожим обвинениям в ..."
        (
            "Трое активистов находятся в ожидании суда по схожим обвинениям в хулиганстве.",
            "Трое активистов",
        ),
    ],
)
def test_thirty_ninth_round_held_on_charges(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


# ---- round 40: the Russian real news (`real4` opened), by class


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a capitalised enclitic ("Ли") is a name, not the question particle
        (
            "Ли Мин Хо, вице-президент холдинга, подозревается в даче взятки чиновнику министерства.",
            "вице-президент холдинга",
        ),
        ("Ли Сын Ун подозревается в том, что передал чиновнику два миллиона долларов.", "Сын Ун"),
        # a future after the cue is another clause's
        (
            "Прокуратура обвинила директора фабрики Олега Ремезова в уклонении от налогов, дело "
            "будет рассмотрено в мае.",
            "директора фабрики Олега Ремезова",
        ),
        # concealing something is still a wrong
        (
            "Соседи утверждают, что управляющая компания скрывала от жильцов результаты "
            "проверки газовых труб.",
            "управляющая компания",
        ),
    ],
)
def test_fortieth_round_names_and_later_clauses_still_read(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    "text",
    [
        # the particle "ли" still makes a question
        "Неизвестно, обвинят ли полицейские водителя в превышении скорости.",
        # a charge that may be brought later
        "Ожидается, что бывшему мэру Омска будут предъявлены обвинения в растрате.",
        "Те же самые претензии будут предъявлены владельцам крупных сайтов.",
        # a sentence stated as fact
        "Бывший мэр Омска Павел Орлов, обвиненный в растрате, в марте приговорён к шести годам "
        "колонии.",
        # a warrant naming no offence
        "Суд Новосибирска выдал ордер на арест бывшего министра финансов Олега Ремезова.",
        # hiding oneself ("скрывался") is no concealment: an arrest naming no offence
        "Бывший мэр Омска Павел Орлов скрывался три года и был арестован в Сербии в мае "
        "прошлого года.",
        # accusations as the object of "на": a reaction or a reply to them, no accusation made
        "Решение мэрии стало реакцией на обвинения в адрес директора рынка Павла Орлова, у "
        "которого не было лицензии.",
    ],
)
def test_fortieth_round_real_news_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


# ---- round 40: the Spanish real news (`real4`, AnCora), by class


@pytest.mark.parametrize(
    "text",
    [
        # "como denuncia X, ...": the speaker of a parenthetical is no target
        "Como denuncian los vecinos, las fiestas del barrio no han sido muy animadas este verano.",
        # "imputado en la causa" set off by commas only names the person
        "El tesorero, imputado en la causa, presidió ayer la asamblea anual de la cooperativa.",
        # "oferta o demanda": the economic sense
        "Cada comprador publica su oferta o demanda de energía y el mercado casa los precios.",
        # a complaint someone is asked to file (a subjunctive) is not filed
        "El abogado aconsejó al conductor que presentara una denuncia contra la aseguradora.",
    ],
)
def test_round_real40_es_negatives(text: str) -> None:
    assert extract(text, language="es") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # "indebido", "fraudulento", "hacer trampa", "depredar": wrongs by their word family
        (
            "El presidente del Numancia denunció al Logroñés por la alineación indebida de un "
            "juvenil.",
            "presidente del Numancia",
            "Logroñés",
        ),
        (
            "La asociación de consumidores denunció que la gasolinera cobraba de forma "
            "fraudulenta el combustible.",
            "asociación",
            "gasolinera",
        ),
        (
            "El concejal acusó al alcalde de hacer trampa en el recuento de votos.",
            "concejal",
            "alcalde",
        ),
        (
            "Los vecinos denunciaron que la conservera estaba depredando el marisco de la ría.",
            "vecinos",
            "conservera",
        ),
    ],
)
def test_round_real40_es_wrongs(text: str, accuser: str, target: str) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    "text",
    [
        # a passive's agent after a short adverbial: "acusado reiteradamente por X de ..."
        "El alcalde ha sido acusado reiteradamente por la oposición de cobrar comisiones.",
        "El alcalde ha sido acusado en las últimas semanas por la oposición de cobrar comisiones.",
    ],
)
def test_round_real40_es_agent_after_adverbial(text: str) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == ("oposición", "alcalde"), text


# ---- round 41: the Russian real news (`real5` opened), by class


@pytest.mark.parametrize(
    "text",
    [
        # a hedge on a harm the subject suffered names a victim, not a wrongdoer
        "Турист предположительно погиб при сходе лавины в горах Кабардино-Балкарии.",
        "Водитель автобуса предположительно был ранен осколками стекла.",
        # a verdict in the passive, stated as fact
        "Вся группа обвиняемых, кроме Олега Ремезова, была признана виновной в хулиганстве.",
        "Трое обвиняемых были признаны виновными по статье 159 УК РФ (мошенничество).",
        # a role noun and its quoted name are one speaker, not a speaker and a target
        "Медиахолдинг «Сибирь» заявил о готовности компенсировать читателю штраф, наложенный "
        "за нарушение правил парковки.",
    ],
)
def test_forty_first_round_real_news_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a hedge on a deed still reads its subject
        ("Чиновник предположительно получал деньги от подрядчиков.", "Чиновник"),
        ("Охранник якобы избил продавца на глазах у покупателей.", "Охранник"),
    ],
)
def test_forty_first_round_hedged_deed_still_read(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a report whose claim is an arrest on a named charge: the arrest's parties, not the
        # claim's subject
        (
            "Как сообщает пресс-служба ФСБ, сотрудники ведомства арестовали бывшего замминистра "
            "по обвинению во взяточничестве.",
            "сотрудники ведомства",
            "замминистра",
        ),
        (
            "Как сообщила прокуратура, полиция задержала двух человек по подозрению в краже.",
            "полиция",
            "человек",
        ),
    ],
)
def test_forty_first_round_reported_arrest_names_its_target(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target) == (accuser, target), text


# ---- round 42: Russian precision by reading path, measured on each real part while it was
# blind (the fallback reader made 27 of the 47 false items; see the round's commits)


@pytest.mark.parametrize(
    "text",
    [
        # "суд" names a court, not a lawsuit: a ruling or a court's finding gives no item
        "Конституционный суд по правам граждан вынес решение по делу «Смирнов и другие против "
        "Министерства финансов».",
        "Суд признал, что власти нарушили в отношении жителей сразу две статьи жилищного кодекса.",
        # a party right after a claim verb is its speaker after the claim, or its addressee
        "Согласно поправкам, ужесточается наказание за мошенничество с банковскими картами, "
        "сообщает РБК.",
        "Свидетель заявил следователям, что взятка была передана в октябре.",
        # a neutral hedge ("предположительно") on an estimate, the clause not its subject's
        "Геолог также сказал, что, предположительно, ледник сошёл около десяти тысяч лет назад.",
        "Историк также отметил, что, предположительно, крепость простояла до XV века.",
        # a noun naming a wrongdoer as another's object or complement is no wrong of the
        # clause's subject
        "По словам очевидцев, охранники магазина скрутили преступника до приезда полиции.",
        "Соседи злоумышленника и его брат задержаны для допроса.",
        # a source's claim that opens with an object pronoun and a verb with no subject tells
        # what was done to the person named before, by no one named
        "Бизнесмен Олег Воронов скончался в больнице Варшавы. По предварительным данным, его "
        "отравили в ресторане, когда он возвращался из командировки.",
        "Полиция разыскивает туристов Анну и Петра Ковалёвых. По предварительной информации, их "
        "ограбили по дороге из аэропорта.",
        # a claim's subject named by a harm done to it is a victim, no wrongdoer
        "Представитель группировки заявил, что похищенный журналист — сотрудник британской "
        "телекомпании, захваченный в прошлом месяце в Ираке.",
        "Следователи утверждают, что убитый бизнесмен незадолго до гибели продал долю в компании.",
        # an adjective in the instrumental opening the sentence is a fronted predicate, no name
        "Основным нарушением, по мнению аудиторов, стало затягивание сроков строительства моста.",
        "Главным мошенничеством года, по мнению экспертов, стала схема с поддельными билетами.",
    ],
)
def test_forty_second_round_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a suit filed "в суд на" is still read by its clause pattern
        ("Жильцы подали в суд на управляющую компанию за невывоз мусора.", "Жильцы", "компанию"),
        # the claim after the addressee names the target, not the addressee
        (
            "Бывший бухгалтер заявил следователям, что директор фирмы похищал деньги со счетов.",
            "Бывший бухгалтер",
            "директор фирмы",
        ),
        (
            "Свидетель заявил следователям, что бывший мэр брал взятки у подрядчиков.",
            "Свидетель",
            "мэр",
        ),
        # a hedge on a deed its subject did is still read
        ("Кассир предположительно присваивал выручку магазина на протяжении года.", "", "Кассир"),
        ("Директор якобы подделывал подписи в актах приёмки.", "", "Директор"),
        # the wrongdoer noun heads the target: an arrest of "the killer" is still read
        ("Полиция задержала убийцу кассира.", "Полиция", "убийцу кассира"),
        # a source's claim with a subject of its own is still read
        ("По данным следствия, мэр получал взятки от подрядчиков.", "следствия", "мэр"),
        (
            "Следователи утверждают, что бизнесмен похитил деньги компании.",
            "Следователи",
            "бизнесмен",
        ),
    ],
)
def test_forty_second_round_still_read(text: str, accuser: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.accuser == accuser and target in item.target, text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a participle used as a noun: the party after its charge agrees with it or is a victim
        (
            "Следователи сообщили о задержании подозреваемого в нападении на инкассаторов в "
            "городе Твери.",
            "подозреваемого",
        ),
        ("Журналисты назвали имя второго подозреваемого в отравлении Петровых.", "подозреваемого"),
        (
            "Полиция ведёт поиск двух подозреваемых в убийстве трёх человек в пригороде Самары.",
            "подозреваемых",
        ),
        # agreeing in case and number, the party after the charge is the accused
        (
            "Совет директоров лишил полномочий обвиняемого в растрате бывшего финансового "
            "директора.",
            "директора",
        ),
        (
            "Прокуратура передала в суд дело подозреваемому в мошенничестве Игорю Семёнову.",
            "Игорю Семёнову",
        ),
    ],
)
def test_forty_second_round_a_participle_names_the_accused(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a source's claim opening with an adverbial of time: the subject follows it
        (
            "По данным следствия, в 2019 году директор школы похитил деньги, выделенные на ремонт.",
            "следствия",
            "директор школы",
        ),
        (
            "По данным прокуратуры, в течение трёх лет чиновник получал взятки от подрядчиков.",
            "прокуратуры",
            "чиновник",
        ),
        (
            "По данным следствия, в 2020 году, находясь в командировке, чиновник получил взятку "
            "от подрядчика.",
            "следствия",
            "чиновник",
        ),
    ],
)
def test_forty_second_round_a_subject_after_a_fronted_time(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    "text",
    [
        # after the adverbial of time no party, no wrong, or a harm the subject suffered
        "По данным полиции, в 2019 году в городе произошло меньше краж, чем годом ранее.",
        "По словам тренера, в прошлом году команда провела лучший сезон.",
        "По данным следствия, в 2018 году Петров был ранен в ходе нападения на инкассаторов.",
        "По данным следствия, Петров был ранен в ходе нападения на инкассаторов.",
    ],
)
def test_forty_second_round_a_fronted_time_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


# ---- round 43: Russian precision by reading path over every blind real part (real1-real8),
# second pass: a time, a ruling, a conviction and a confession are no allegation


@pytest.mark.parametrize(
    "text",
    [
        # "за" and a span of time dates an arrest ("за две минуты до вылета"), names no reason
        "Бывшего министра задержали в зале ожидания аэропорта за несколько минут до посадки на "
        "рейс в Дубай.",
        "Активиста арестовали у подъезда за три дня до начала голосования.",
        # a finding of unlawfulness stated as fact is a ruling, not a claim of its reporter
        "Суд признал незаконным увольнение двух медсестёр, сообщает местная газета.",
        "Антимонопольная служба признала незаконной рекламу лекарств в метро, пишет «Коммерсант».",
        # a conviction in the active voice is a verdict stated as fact
        "В 2005 году журналиста осудили на шесть лет по обвинению в шпионаже.",
        # a confession reported is no allegation of its reporter
        "Пресс-служба полиции сообщила, что задержанный признался в поджоге склада.",
        "Как сообщило агентство, водитель признался, что угнал автомобиль у соседа.",
        # the party right after a claim verb is its speaker (order inverted), not its target
        "Как заявил председатель правозащитного центра Олег Ким в понедельник, 3 марта 2025 "
        "года, журналисты «много сделали для расследования военных преступлений».",
        "Взяточничество остаётся главной бедой местной полиции, считают участники опроса.",
    ],
)
def test_forty_third_round_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # an arrest for a wrong is still read when a time is also given
        (
            "Полиция задержала депутата за получение взятки за два дня до выборов.",
            "Полиция",
            "депутата",
        ),
        # an unlawful deed claimed by a speaker is still read: no verb of finding before it
        (
            "Адвокат заявил, что чиновник незаконно продал участок родственнику.",
            "Адвокат",
            "чиновник",
        ),
        # a predicate noun in the instrumental after "считают" is no inverted speaker
        (
            "Рыбаки считают виновниками загрязнения реки владельцев птицефабрики, которая сливает "
            "туда отходы.",
            "Рыбаки",
            "виновниками",
        ),
        # a participle after a comma is apposed to the name before it: the suspect, not the
        # victim after its claim
        (
            "В Подмосковье идут поиски 40-летнего Игоря Белова, подозреваемого в убийстве "
            "охранника склада.",
            "",
            "Игоря Белова",
        ),
        (
            "В Казани продолжается поиск двух подозреваемых в ограблении банка.",
            "",
            "подозреваемых",
        ),
        # a verb joined by "и" to the one before shares the sentence's subject
        (
            "Депутат Анна Лис назвала проект бюджета «провальным» и обвинила мэрию в растрате "
            "средств.",
            "Депутат Анна Лис",
            "мэрию",
        ),
        (
            "Сергей Волков уже назвал приговор «политическим заказом» и обвинил прокуроров в "
            "фальсификации доказательств.",
            "Сергей Волков",
            "прокуроров",
        ),
    ],
)
def test_forty_third_round_still_read(text: str, accuser: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target) == (accuser, target), text


# ---- round 42: the Spanish real news read as it was blind (`real4`, `real5`), by path


@pytest.mark.parametrize(
    "text",
    [
        # a fallback cue that is a wrong only by its word ("denuncia", "demanda") and opens no
        # claim ("que", a personal object, "de" after a party) is a parenthetical, no item
        "El precio del crudo, denuncian los transportistas, no deja de subir desde enero.",
        "Las listas de espera, denuncia el sindicato médico, superan ya los seis meses.",
        "La campaña de rebajas, denuncia la patronal, ha sido la más floja de la década.",
        "Es evidente, como bien denuncia la oposición, que el Gobierno no tiene mayoría.",
    ],
)
def test_round_real42_es_self_cue_without_claim(text: str) -> None:
    assert extract(text, language="es") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same cues with their claim: "que", a personal object, an inverted subject
        (
            "Denuncian los vecinos de Usera que la constructora vierte escombros en el parque.",
            "vecinos de Usera",
            "constructora",
        ),
        (
            "Los conductores de la contrata denuncian que la empresa les obliga a trabajar sin "
            "descanso.",
            "conductores",
            "empresa",
        ),
        ("La jueza denunció a su jefe ante la Guardia Civil.", "jueza", "jefe"),
        (
            "La patronal demandó a la compañía eléctrica ante el Supremo.",
            "patronal",
            "compañía eléctrica",
        ),
    ],
)
def test_round_real42_es_self_cue_with_claim_still_read(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    "text",
    [
        # a claim whose only wrong is its subject's noun and whose verb reports a view of it
        "El portavoz dijo que los terroristas de ETA creen que el Gobierno acabará cediendo.",
        "El consejero aseguró que los defraudadores del fisco consideran que la amnistía "
        "llegará pronto.",
    ],
)
def test_round_real42_es_a_wrongdoers_view_is_no_claim(text: str) -> None:
    assert extract(text, language="es") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the wrongdoers' deed is still a claim
        (
            "El portavoz dijo que los terroristas de ETA colocaron la bomba en el aparcamiento.",
            "portavoz",
            "terroristas de ETA",
        ),
        (
            "El ministro afirmó que los narcotraficantes de la zona sobornaron a dos guardias "
            "civiles.",
            "ministro",
            "narcotraficantes",
        ),
        # "hoy", "anoche" between the verb and its object, like "ayer" ("acusó hoy, jueves, a")
        (
            "Marruecos acusó hoy, martes, a Argelia de financiar a los separatistas.",
            "Marruecos",
            "Argelia",
        ),
        ("La oposición denunció anoche a la alcaldesa por malversación.", "oposición", "alcaldesa"),
        # a participle coordinated with an apposition's noun hangs on the name before it
        (
            "Pérez, dos veces alcalde de la ciudad y acusado en varias ocasiones de amañar "
            "contratos, no se presenta a las elecciones.",
            "",
            "Pérez",
        ),
    ],
)
def test_round_real42_es_deeds_and_apposed_participles(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # "después de que" / "luego de que" with the subjunctive of "acusar": a past fact
        (
            "El alcalde dimitió después de que la oposición acusara al concejal de cobrar "
            "comisiones.",
            "oposición",
            "concejal",
        ),
        (
            "La jueza abrió diligencias luego de que dos vecinas acusaran al conserje de robar en "
            "los trasteros.",
            "vecinas",
            "conserje",
        ),
    ],
)
def test_round_real42_es_accusation_after_despues_de_que(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    "text",
    [
        # the subjunctive asked for or supposed is no accusation
        "Tras el pleno, el alcalde pidió que nadie acusara a los funcionarios de cobrar comisiones.",
        "Si la oposición acusara al alcalde de cobrar comisiones, el pleno se suspendería.",
        "El juez pidió a la fiscal que acusara al empresario de estafa.",
    ],
)
def test_round_real42_es_subjunctive_accusation_asked_for(text: str) -> None:
    assert extract(text, language="es") == [], text


def test_round_real42_es_one_subject_before_a_complaint_and_its_wrong_clause() -> None:
    # "la organización ecologista X" is one subject, not an accuser and a target; the target is
    # the subject of the complement clause that names the wrong
    text = (
        "La organización ecologista Oceana denunció que la temporada de pesca ya había terminado "
        "y que los arrastreros estaban depredando el caladero."
    )
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == ("organización ecologista Oceana", "arrastreros")
    # with no wrong in any clause it stays unread
    calm = text.replace("estaban depredando el caladero", "seguían faenando en el caladero")
    assert extract(calm, language="es") == []


# ---- round 43: the Spanish real news read as it was blind (`real4`, `real5`, `real7`, `real8`)


@pytest.mark.parametrize(
    "text",
    [
        # a source after a coordinator ("y, según X, ...") speaks for the clause after it; the
        # clause before it is the writer's own account and the clause after names no wrong
        "El delantero, ya sancionado por dopaje en 2019, fue expulsado del torneo y, según "
        "fuentes del club, podría fichar por un equipo italiano en verano.",
        "La ciclista fue suspendida por consumo de anabolizantes pero, según su representante, "
        "volverá a competir en la próxima temporada.",
    ],
)
def test_round_real43_es_source_after_a_coordinator_speaks_forward(text: str) -> None:
    assert extract(text, language="es") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same source with a wrong after it: the claim is the clause after, its subject
        # the one the coordinated clauses share
        (
            "El tesorero fue cesado el lunes y, según la fiscalía, desvió fondos del partido a "
            "una cuenta en Andorra.",
            "fiscalía",
            "tesorero",
        ),
        # a source after its claim with no coordinator still reads the clause before it
        (
            "El tesorero desvió fondos del partido a una cuenta en Andorra, según la fiscalía.",
            "fiscalía",
            "tesorero",
        ),
    ],
)
def test_round_real43_es_source_after_a_coordinator_still_reads_its_claim(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # a harm noun with its agent ("un atentado por parte de X"): the agent is the target,
        # the subject who suffered it is a victim
        (
            "Según informó la emisora, el concejal sufrió un atentado por parte de ETA frente a "
            "su casa, días después de que la banda terrorista asesinara a un guardia civil.",
            "emisora",
            "ETA",
        ),
        (
            "Según la Guardia Civil, el periodista sufrió un ataque por parte de Hamas a la "
            "salida de la redacción.",
            "Guardia Civil",
            "Hamas",
        ),
        # with no agent phrase the subject stays the target
        (
            "Según la fiscalía, el concejal cobró comisiones ilegales de una constructora.",
            "fiscalía",
            "concejal",
        ),
    ],
)
def test_round_real43_es_harm_by_an_agent_names_the_agent(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    "text",
    [
        # a charge participle set off as an apposition whose only complement is the proceeding
        # names the person, no offence (the "imputado" that only names someone is no charge)
        "Según el juez, nada se firmaba sin que Luis Ortega, imputado en el sumario, lo aprobara.",
        "La exconsejera, procesada en la causa, asistió ayer al pleno del Parlamento regional.",
        "Ramón Vidal, imputado, declaró durante cuatro horas ante la magistrada.",
    ],
)
def test_round_real43_es_a_participle_naming_a_person_is_no_charge(text: str) -> None:
    assert extract(text, language="es") == [], text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the same apposition naming an offence is a charge
        ("Luis Ortega, imputado por cohecho, declaró ayer ante la jueza.", "Luis Ortega"),
        (
            "La exconsejera, procesada por malversación en la causa, asistió ayer al pleno.",
            "exconsejera",
        ),
    ],
)
def test_round_real43_es_an_apposition_naming_an_offence_still_reads(
    text: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert item.target == target, text


# ---- round 44: the Spanish real news read as it was blind (`real9`)


@pytest.mark.parametrize(
    "text",
    [
        # a speech verb set off by commas with its speaker after it ("..., señaló X, ...")
        # inside a plain statement of plans or facts: the speaker is the verb's subject, no
        # one is accused
        "El nuevo horario, señaló la directora Gómez, entrará en vigor en marzo.",
        "Otras dos brigadas, señaló Ferrández, saldrán de madrugada con tres camiones cisterna.",
        "Dos ambulancias más, explicó Ramírez, llegarán mañana al hospital de campaña.",
    ],
)
def test_round_real44_es_a_speech_tag_in_a_statement_accuses_no_one(text: str) -> None:
    assert extract(text, language="es") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same speech tag inside a statement naming a wrong: the tag's speaker accuses the
        # statement's subject (before, the speaker was read as the target)
        (
            "La empresa, denunció el sindicato, despidió ilegalmente a doce trabajadores.",
            "sindicato",
            "empresa",
        ),
        # a personal object after the verb ("señaló a X") is whom it accuses, commas or not
        (
            "El alcalde, tras la reunión, señaló a la constructora como responsable del "
            "derrumbe del puente.",
            "alcalde",
            "constructora",
        ),
    ],
)
def test_round_real44_es_a_speech_tag_with_a_wrong_reads_its_speaker(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


# ---- round 44: Russian real news (`real9`): an object pronoun for the article's person


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a capitalised preposition opening a sentence is no name, and with no full name in
        # the sentence before, "его" is the article's most named person, not a place
        (
            "Мэр Олег Сомов ушёл в отставку в понедельник.\n\nОлег Сомов руководил городом "
            "восемь лет.\n\nПод его руководством Тверь построила новый мост. Оппозиционеры "
            "обвиняли его в растрате бюджета.",
            "Олег Сомов",
        ),
        (
            "Губернатор Илья Ветров покинул пост.\n\nИлья Ветров возглавлял область с 2015 "
            "года.\n\nПротив его воли Омск отказался от реформы. Депутаты обвиняли его в "
            "растрате средств.",
            "Илья Ветров",
        ),
        # the person named in the sentence before still stands for it
        (
            "Сенатор Виктор Жуков скончался в больнице.\n\nЖукова доставили в клинику в столице "
            "Якутии. Критики обвиняли его в получении взяток.",
            "Жукова",
        ),
    ],
)
def test_round_real44_ru_object_pronoun_for_the_article_person(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # "о том, что" after a past speech verb opens the reported claim as ", что" does
        (
            "Бывшая продавщица Ирина Лаврова рассказала о том, что владелец киоска Пётр Ганин "
            "торговал контрабандными сигаретами.",
            "Бывшая продавщица Ирина Лаврова",
            "владелец киоска Пётр Ганин",
        ),
        (
            "Фермер Олег Рыжов заявил журналистам о том, что директор элеватора Карпов "
            "присвоил зерно соседей.",
            "Фермер Олег Рыжов",
            "директор",
        ),
    ],
)
def test_round_real44_ru_said_about_that(text: str, accuser: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    "text",
    [
        # a general observation in the present names no one: not read
        "Эксперты всё чаще говорят о том, что мошенники используют нейросети для подделки голосов.",
        # a plan told "о том, что" names no wrong
        "Мэр Артём Суслов рассказал о том, что город построит новый мост через реку.",
        # a time adverb opening a sentence is no accuser
        "Раньше завод выпускал тракторы, а теперь выпускает автобусы.",
    ],
)
def test_round_real44_ru_said_about_that_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


# ---- round 45: Spanish real news (`real10`): a measure against a wrong, a court as the agent
# of a proceeding, a quoted title before a verb, and accusations of a stance


@pytest.mark.parametrize(
    "text",
    [
        # a minister's own statement of policy: the wrongs are what the measure fights
        (
            '"El estado de sitio se prolongó para garantizar la calma en las calles, incluida la '
            'limitación de los robos y la violencia callejera", afirma el ministro Ruiz.'
        ),
        (
            '"El Gobierno prorrogó el plan para garantizar la calma en las calles y la lucha '
            'contra los robos y la violencia callejera", afirma el ministro Ruiz.'
        ),
        (
            "El consejero de Interior afirma que el nuevo plan servirá para la lucha contra la "
            "corrupción y el blanqueo en los puertos."
        ),
        # a prosecution stated by the writer, with the court as its agent and no offence
        (
            "Varios dirigentes vecinales están procesados por tribunales especiales bajo la "
            "nueva ley de orden público."
        ),
        (
            "Decenas de activistas contrarios a la violencia siguen en prisión y algunos "
            "dirigentes sindicales están procesados por tribunales especiales bajo la ley de "
            "excepción."
        ),
        # a quoted title after an article is no speech before the verb
        (
            'La diputada Elena Prieto, que dio una conferencia sobre la "Igualdad en la '
            'Empresa", atribuyó esa cifra a que "las mujeres sufren discriminación en el '
            'empleo".'
        ),
        # an accusation of a message, a posture or a stance: criticism, no wrong
        (
            "El portavoz socialista acusó al presidente de lanzar un mensaje basado en el "
            "enfrentamiento y la falta de diálogo."
        ),
        "La patronal acusa al sindicato de mantener una postura inmovilista en la negociación.",
        "Los ecologistas acusaron a la consejera de inmovilismo ante la sequía.",
    ],
)
def test_round_real45_es_policy_prosecution_titles_and_stances_stay_unread(text: str) -> None:
    assert extract(text, language="es") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # the same constructions with a wrong named as done still read
        (
            '"La empresa estafó a cientos de ahorradores", afirma el abogado Ruiz.',
            "abogado Ruiz",
            "empresa",
        ),
        (
            "La oposición acusó al alcalde de lanzar un mensaje falso para encubrir el desvío "
            "de fondos.",
            "oposición",
            "alcalde",
        ),
        (
            "Los vecinos acusan a la constructora de verter escombros en el río.",
            "vecinos",
            "constructora",
        ),
    ],
)
def test_round_real45_es_wrongs_done_still_read(text: str, accuser: str, target: str) -> None:
    [item] = extract(text, language="es")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Tres concejales están procesados por el juzgado de Estepona por prevaricación.",
            "concejales",
        ),
        # the offence after a second "por" names no listed wrong: still a charge
        (
            "Luis Marín, que fue alcalde de Osuna durante diez años, está investigado por un "
            "juzgado de Sevilla por firmar permisos de obra en terrenos protegidos.",
            "Luis Marín",
        ),
    ],
)
def test_round_real45_es_a_charge_before_a_court_naming_an_offence_still_reads(
    text: str, target: str
) -> None:
    [item] = extract(text, language="es")
    assert item.kind == "charge" and item.target == target, text


# ---- round 45: Russian real news, recall by construction (`real1`–`real10` misses)


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # an adverbial participle of accusing after one main clause shares its subject
        (
            "Посол Венесуэлы Карлос Рамирес назвал высылку дипломатов провокацией, обвинив "
            "Колумбию в нарушении Венской конвенции.",
            "Посол Венесуэлы Карлос Рамирес",
            "Колумбию",
        ),
        (
            "Вдова шахтёра Ольга Белова подала иск к шахте, обвиняя управляющего Смирнова в "
            "сокрытии аварии.",
            "Вдова шахтёра Ольга Белова",
            "управляющего Смирнова",
        ),
        (
            "Прокуратура Эстонии добивается ареста бизнесмена Олега Марченко, подозревая его в "
            "отмывании денег.",
            "Прокуратура Эстонии",
            "Олега Марченко",
        ),
    ],
)
def test_round_real45_ru_accusing_gerund_takes_the_main_subject(
    text: str, accuser: str, target: str
) -> None:
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target, item.kind) == (accuser, target, "accusation"), text


@pytest.mark.parametrize(
    "text",
    [
        # a negated participle accuses no one
        "Адвокат Сергей Ломов подал жалобу в суд, не обвиняя никого в нарушениях.",
        # a participle of another verb after the clause is no accusation
        "Министр Игорь Зотов выступил в Думе, представив депутатам новый бюджет.",
    ],
)
def test_round_real45_ru_accusing_gerund_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        # "подозревать T в ..." says by itself that its claim is T's wrong: a short object is a
        # party though the claim names no listed wrong
        (
            "Антимонопольная служба подозревает две сети аптек в том, что они в один день "
            "подняли цены на инсулин.",
            "Антимонопольная служба",
            "две сети аптек",
        ),
        (
            "Полиция Самары подозревает соседку в поджоге сарая.",
            "Полиция Самары",
            "соседку",
        ),
    ],
)
def test_round_real45_ru_suspect_names_its_wrong(text: str, accuser: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target) == (accuser, target), text


@pytest.mark.parametrize(
    "text",
    [
        # "обвинить" may blame a cause, no party: not read on the verb alone
        "Болельщики обвинили погоду в поражении команды.",
        "Агрономы обвинили жару в неурожае пшеницы.",
    ],
)
def test_round_real45_ru_blaming_a_cause_is_no_item(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        # an authority opening a case with no one named states a charge against no named party
        ("Полиция Ярославля возбудила уголовное дело о поджоге автосалона.", "Полиция Ярославля"),
        (
            "Следственный комитет возбудил уголовное дело по статье 238 УК РФ после отравления "
            "посетителей кафе.",
            "Следственный комитет",
        ),
    ],
)
def test_round_real45_ru_case_opened_with_no_one_named(text: str, accuser: str) -> None:
    [item] = extract(text, language="ru")
    assert (item.accuser, item.target, item.kind) == (accuser, "", "charge"), text


def test_round_real45_ru_case_opened_against_a_named_party_keeps_it() -> None:
    # the party named in the claim ("против ...") is the target, not left out
    text = (
        "Следователи возбудили уголовное дело о мошенничестве против директора агрофирмы "
        "«Колос» Павла Гринина."
    )
    [item] = extract(text, language="ru")
    assert item.target and "Гринин" in item.target, text


@pytest.mark.parametrize(
    "text",
    [
        # a court opening a bankruptcy case names no wrong
        "Арбитражный суд Самары возбудил дело о банкротстве завода.",
        # a negated step, and a passive one with no one named and no authority
        "Полиция не возбудила уголовное дело о краже.",
        "По факту пожара на складе возбуждено уголовное дело.",
    ],
)
def test_round_real45_ru_case_opened_hard_negatives(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a paragraph opening on "его" with no name named twice before: the first full name
        # of the last sentence read, not a complement after it
        (
            "Знакомый братьев Осиповых отпущен под залог.\n\nАртём Лыков — сосед Игоря Осипова — "
            "вышел из изолятора в среду.\n\nЕго подозревают в даче ложных показаний следователям.",
            "Артём Лыков",
        ),
        (
            "В Казани прошёл суд.\n\nРежиссёр Виктор Ганеев выступил с последним словом.\n\n"
            "Его обвиняют в растрате денег фонда кино.",
            "Виктор Ганеев",
        ),
    ],
)
def test_round_real45_ru_pronoun_for_the_last_full_name(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


def test_round_real45_ru_pronoun_with_no_name_before_stays_unread() -> None:
    # no name in the paragraphs before: the pronoun stands for no one, no item
    text = "Суд начался в среду.\n\nЕго подозревают в даче ложных показаний следователям."
    assert extract(text, language="ru") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a harm done to the claim's subject, told by a source: the victim is no accused
        ("Según la policía, la mujer fue agredida por su expareja en el portal.", "es"),
        ("La cajera fue apuñalada por dos encapuchados, según la Guardia Civil.", "es"),
        ("Según fuentes policiales, el repartidor fue golpeado por tres jóvenes.", "es"),
        ("Laut Polizei wurde die Rentnerin von ihrem früheren Partner geschlagen.", "de"),
        ("Nach Angaben der Polizei wurde der Kioskbesitzer von zwei Maskierten überfallen.", "de"),
        ("Die Joggerin soll von einem Unbekannten angegriffen worden sein.", "de"),
    ],
)
def test_round_safe46_a_harm_suffered_names_no_accused(text: str, language: str) -> None:
    assert extract(text, language=language) == [], text


@pytest.mark.parametrize(
    ("text", "language", "target"),
    [
        # hard negatives: the same harm done by the subject (an active perfect, no passive
        # auxiliary) still reads the doer as the accused
        ("Según la policía, el hombre ha agredido a su expareja en el portal.", "es", "hombre"),
        ("Según la Guardia Civil, el detenido apuñaló a la cajera.", "es", "detenido"),
        ("Laut Polizei hat der Mann seine frühere Partnerin geschlagen.", "de", "Mann"),
        # a passive of arrest or charge is no harm: its subject is still the accused
        ("Según la fiscalía, el empresario fue detenido por estafa.", "es", "empresario"),
    ],
)
def test_round_safe46_a_harm_done_still_reads_its_doer(
    text: str, language: str, target: str
) -> None:
    [item] = extract(text, language=language)
    assert item.target == target, text


@pytest.mark.parametrize(
    "text",
    [
        # a thing blamed, capitalised only as the sentence's first word, with no wrong named
        "Засуху обвиняют в росте цен на зерно.",
        "Погоду обвинили в срыве сезона.",
    ],
)
def test_round_safe46_ru_a_thing_blamed_is_no_target(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # hard negatives: a role noun, or a name with a wrong named, stays the accused
        ("Мэра обвиняют в росте тарифов.", "Мэра"),
        ("Навального обвинили в мошенничестве.", "Навального"),
    ],
)
def test_round_safe46_ru_a_person_first_still_reads(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a relative clause after a description set off by commas speaks of the party before it
        (
            "Полиция разыскивает Ивана Петрова, 29-летнего уроженца Страсбурга, которого "
            "обвиняют в убийстве.",
            "Ивана Петрова",
        ),
        (
            "Полиция ищет двух мужчин, опознанных местными властями, которых подозревают в "
            "подготовке теракта.",
            "мужчин",
        ),
    ],
)
def test_round_safe46_ru_relative_after_a_description(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


def test_round_safe46_ru_relative_after_a_list_keeps_its_last_party() -> None:
    # hard negative: a list after the comma (no oblique adjective or participle opens it) is no
    # description; the relative clause is read as before
    text = "Полиция задержала мэра, его заместителя и бухгалтера, которых обвиняют в растрате."
    [item] = extract(text, language="ru")
    assert item.target == "бухгалтера", text


@pytest.mark.parametrize(
    "text",
    [
        # a subject in its own case opening the sentence is the accusers, not the accused:
        # whom it names after the claim is not read
        "Местные жители обвиняют в загрязнении реки химический завод.",
        "Обе стороны обвинили в провале переговоров друг друга.",
        "Следователи подозревают в поджоге склада бывшего охранника.",
    ],
)
def test_round_safe46_ru_subject_first_is_no_target(text: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == "" and item.accuser.startswith(text.split()[0]), text


def test_round_safe46_ru_object_first_still_reads() -> None:
    # hard negatives: an object in its own case opening the sentence is the accused
    for text, target in (
        ("Бывших чиновников обвиняют в краже денег из кассы.", "Бывших чиновников"),
        ("Следователей подозревают в фальсификации улик.", "Следователей"),
        # a reflexive passive's subject is the accused, whatever its case
        ("Инспекторы ДПС подозреваются в получении взяток.", "Инспекторы ДПС"),
    ):
        [item] = extract(text, language="ru")
        assert item.target == target, text


@pytest.mark.parametrize(
    "text",
    [
        # a source's claim opening on a common noun in an object's case, or whose subject
        # underwent a harm: the one harmed is no accused
        "По словам полиции, пенсионерку ограбили двое подростков.",
        "По данным полиции, женщина подверглась нападению со стороны бывшего мужа.",
    ],
)
def test_round_safe46_ru_a_source_on_a_harm_suffered_names_no_accused(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # hard negatives: the doer as the claim's subject, a name ending as an object would
        ("По словам полиции, мужчина избил свою жену.", "мужчина"),
        ("По данным следствия, Шойгу получал взятки.", "Шойгу"),
        # a dative opening the claim is no victim's object case: the bribe's taker stays read
        ("По данным следствия, чиновнику передали взятку за подряд.", "чиновнику"),
    ],
)
def test_round_safe46_ru_a_source_on_a_harm_done_still_reads(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    "text",
    [
        # a speaker set off inside a relative clause speaks for that clause: the wrong named in
        # the writer's clause before it is no one's claim, and the clause after names none
        "Петров отбывал срок за грабёж в колонии, где, считают следователи, он увлёкся живописью.",
        "Иванова судили за растрату в Самаре, где, по словам её адвоката, она открыла кафе.",
        # a risk someone poses, no deed done: "представлять угрозу"
        "Как сообщает местная газета, Сидоров значился в списке лиц, представляющих угрозу "
        "общественному порядку.",
        "По данным полиции, задержанный может представлять угрозу для окружающих.",
        # a description set off by commas with no name before it: no one named
        "Один из угонщиков, опознанных местной полицией, был задержан в Казани.",
    ],
)
def test_round_real47_ru_a_source_over_a_plain_fact_makes_no_item(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # hard negatives: a wrong in the clause the speaker speaks for, a threat made, a deed
        # beside a risk
        (
            "Петров отбывал срок в колонии, где, считают следователи, он организовал убийство "
            "охранника.",
            "Петров",
        ),
        ("Иванов похитил деньги фонда, считают следователи.", "Иванов"),
        ("Как сообщает местная газета, Сидоров угрожал соседям расправой.", "Сидоров"),
        (
            "По данным полиции, Сидоров представлял угрозу для соседей и избил двоих из них.",
            "Сидоров",
        ),
    ],
)
def test_round_real47_ru_a_wrong_told_still_reads(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a description set off by commas after a name (a gloss in parentheses between):
        # the name, not the description
        (
            "Полиция задержала Антона Белова (Anton Belov), 34-летнего жителя Твери, "
            "подозреваемого в поджоге склада.",
            "Антона Белова",
        ),
        (
            "Полиция задержала Антона Белова, 34-летнего жителя Твери, подозреваемого в "
            "поджоге склада.",
            "Антона Белова",
        ),
        # a hedge inside a noun phrase: whose deeds, not a name of the sentence's subject
        (
            "Прокуратура Москвы проводит проверку по фактам якобы незаконных действий "
            "директора Петра Сидорова.",
            "директора Петра Сидорова",
        ),
        # a hedge before a verb still reads its subject
        ("Сидоров якобы похитил деньги фонда.", "Сидоров"),
    ],
)
def test_round_real47_ru_the_party_a_phrase_speaks_of(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


def test_round_real47_ru_a_pronoun_after_an_acronym_is_the_article_person() -> None:
    # "Ему" after a sentence naming only a body in capitals stands for the article's person
    text = (
        "Михаил Орлов родился в Туле. Михаил Орлов работал инженером.\n\n"
        "В 1938 году инженер арестован сотрудниками НКВД СССР. Ему предъявлено обвинение в "
        "шпионаже."
    )
    items = extract(text, language="ru")
    charged = [i for i in items if "шпионаже" in i.claim]
    assert [i.target for i in charged] == ["Михаил Орлов"], items


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a legal source's claim opening with a long adverbial: the name a past verb follows
        (
            "По версии следствия, в период с 2019 по 2021 год Олег Смирнов получал от "
            "подрядчиков деньги за выгодные контракты.",
            "Олег Смирнов",
        ),
        (
            "По данным следствия, в ходе ссоры у входа в бар «Маяк» Кузнецов ударил охранника "
            "ножом.",
            "Кузнецов",
        ),
    ],
)
def test_round_real47_ru_a_name_after_a_fronted_adverbial(text: str, target: str) -> None:
    [item] = extract(text, language="ru")
    assert item.target == target, text


def test_round_real47_ru_a_name_beside_a_preposition_noun_is_no_subject() -> None:
    # hard negative: a river's name beside its noun after a preposition (the subject is the
    # common noun before it) is never read as the accused
    text = "По данным следствия, к вечеру вода в реке Тобол смыла следы поджога."
    assert all("Тобол" not in item.target for item in extract(text, language="ru")), text


def test_round_real47_ru_a_pronoun_after_a_fronted_adverbial() -> None:
    text = (
        "Бывший мэр Игорь Зотов уехал за границу. Следствие полагает, что во время второго "
        "срока он получал деньги от подрядчиков."
    )
    assert [i.target for i in extract(text, language="ru")] == ["Игорь Зотов"], text


def test_round_real47_ru_no_subject_read_past_a_comma() -> None:
    # hard negative: the pronoun of a later clause after a comma is not the fronted claim's
    # subject; the poisoning is a cause of pain, no one's deed
    text = (
        "Певец сообщил, что в ходе гастролей ему приходилось терпеть боль, но он думал, что "
        "она вызвана пищевым отравлением."
    )
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legal source's claim naming no wrong, its subject found in a state: no item
        ("По словам прокуроров, Ли оказалась «не в том месте в неподходящее время».", None),
        ("По данным полиции, Орлова находилась дома одна.", None),
        # hard negative: a wrong named beside the state still reads
        ("По данным следствия, Иванов оказался организатором мошеннической схемы.", "Иванов"),
    ],
)
def test_round_real47_ru_a_state_told_by_a_legal_source(text: str, expected: str | None) -> None:
    items = extract(text, language="ru")
    assert [i.target for i in items] == ([] if expected is None else [expected]), text


@pytest.mark.parametrize(
    "text",
    [
        "Mehrere Eltern sagen, die Leiterin der Musikschule habe Geld für Noten eingesammelt, "
        "die nie gedruckt wurden.",
        "Mehrere Kunden sagen, die Werkstatt habe ihnen nie ausgeführte Reparaturen berechnet.",
    ],
)
def test_round_lang47_de_a_complaint_of_things_never_done(text: str) -> None:
    """A complaining party's claim with "nie" in a relative clause after a comma, or before a
    participle: things never done (as "jamais réalisés", "que nunca hizo")."""
    accuser, target, _ = _one(text, "de")
    assert accuser in ("Eltern", "Kunden") and target in ("Leiterin", "Werkstatt"), (
        accuser,
        target,
    )


@pytest.mark.parametrize(
    "text",
    [
        # hard negatives: the negator negates the claim, or stands before a noun
        "Mehrere Kunden sagen, die Werkstatt habe nie eine Rechnung geschickt.",
        "Mehrere Eltern sagen, die Leiterin habe nie Geld eingesammelt.",
        "Nach bisherigem Stand werfen die Ermittler dem Fahrer kein Fehlverhalten vor.",
        "Mehrere Eltern sagen, die Leiterin habe Noten verteilt, die Schüler hätten nie geübt.",
        "Mehrere Kunden sagen, die Werkstatt habe nie geschlampt.",
    ],
)
def test_round_lang47_de_never_that_stays_unread(text: str) -> None:
    assert extract(text, language="de") == [], text


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        (
            "fr",
            "Des locataires affirment que leur bailleur leur facture un gardien qui n'existe plus.",
            ("locataires", "bailleur"),
        ),
        (
            "es",
            "Los clientes aseguran que el mecánico les cobraba piezas que no cambiaba.",
            ("clientes", "mecánico"),
        ),
        (
            "de",
            "Kunden sagen, die Werkstatt habe Teile berechnet, die sie nicht ausgetauscht habe.",
            ("Kunden", "Werkstatt"),
        ),
    ],
)
def test_round_lang47_billed_for_what_was_not_given(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    """A complaining party's claim: a billing verb, then a negated relative clause."""
    accuser, target, _ = _one(text, language)
    assert parties[0] in accuser and parties[1] in target, (accuser, target)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # hard negatives: selling what has a property, another verb, the billing negated
        ("es", "Los clientes aseguran que la tienda vendía productos que no llevan gluten."),
        (
            "es",
            "Los vecinos aseguran que la empresa contrató a trabajadores que no hablaban inglés.",
        ),
        ("es", "Los clientes aseguran que la tienda no cobraba las bolsas que no se llevaban."),
        (
            "fr",
            "Les clients affirment que le garage ne facturait pas les pièces qui ne servaient pas.",
        ),
        ("de", "Kunden sagen, die Werkstatt habe Teile verkauft, die nicht mehr lieferbar seien."),
    ],
)
def test_round_lang47_billing_that_stays_unread(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        (
            "es",
            "Según los inspectores, la constructora empleaba a albañiles sin arnés.",
            ("inspectores", "constructora"),
        ),
        (
            "fr",
            "Selon la CNIL, l'application transmettait les adresses de ses membres sans prévenir.",
            ("CNIL", "application"),
        ),
        (
            "de",
            "Laut Aufsichtsrat hat sich der Vorstand Boni ohne Beschluss ausgezahlt.",
            ("Aufsichtsrat", "Vorstand"),
        ),
    ],
)
def test_round_lang47_an_oversight_bodys_claim_with_a_mark(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    """Auditors, inspectors and regulators are complaining parties: a mark makes their claim."""
    accuser, target, _ = _one(text, language)
    assert parties[0] in accuser and parties[1] in target, (accuser, target)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # hard negatives: no mark, or a mark depriving nothing
        ("de", "Der Landesrechnungshof kritisiert, die Stadtwerke hätten Geld erhalten."),
        ("es", "Según los inspectores, la empresa cumplía todas las normas."),
        ("es", "Según el Tribunal de Cuentas, el ayuntamiento pagaba las facturas sin retraso."),
        (
            "fr",
            "Selon la chambre régionale des comptes, la mairie a payé ses fournisseurs sans retard.",
        ),
    ],
)
def test_round_lang47_oversight_claims_that_stay_unread(language: str, text: str) -> None:
    assert extract(text, language=language) == [], text


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "В четверг прокуратура Самары предъявила обвинение бывшему директору водоканала Олегу Сизову.",
            ("прокуратура Самары", "Олегу Сизову"),
        ),
        ("Следователи предъявили новые обвинения Олегу Сизову.", ("Следователи", "Олегу Сизову")),
        (
            "Следственное управление Следственного комитета предъявило официальные обвинения Ирине Мальцевой.",
            ("Следственное управление", "Ирине Мальцевой"),
        ),
    ],
)
def test_round_real48_charged_with_the_accused_in_the_dative_last(
    text: str, parties: tuple[str, str]
) -> None:
    """An accuser's "предъявил обвинение" with the accused in the dative after the noun and no
    claim named: the accuser's genitive complement is never the accused."""
    accuser, target, kind = _one(text, "ru")
    assert (parties[0] in accuser, parties[1] in target, kind) == (True, True, "charge")


@pytest.mark.parametrize(
    "text",
    [
        # hard negatives: negated, modal, future, a participle, the noun fronted and negated
        "Прокуратура пока не предъявила обвинения Олегу Сизову.",
        "Прокуратура может предъявить обвинения Олегу Сизову.",
        "Адвокат уверен, что прокуратура предъявит обвинение его клиенту.",
        "Суд снял обвинения, предъявленные Олегу Сизову.",
        "Никаких обвинений следователи Олегу Сизову не предъявили.",
        "Следствие предъявило обвинения только через год.",
    ],
)
def test_round_real48_charges_that_stay_unread(text: str) -> None:
    assert extract(text, language="ru") == [], text


def test_round_real48_a_charge_after_a_fronted_place_and_source() -> None:
    """Not a fronted dative, but the accuser's own charge: read by the new pattern."""
    text = "В Самаре, по данным полиции, следователи предъявили обвинение главе района."
    accuser, target, kind = _one(text, "ru")
    assert (accuser, kind) == ("следователи", "charge") and target.startswith("главе")


def test_round_real48_a_singular_active_charge_never_makes_its_subject_the_accused() -> None:
    """ "Прокуратура предъявила обвинение в ..." has the accuser as subject: no accused named."""
    for text in (
        "Прокуратура предъявила обвинение в мошенничестве.",
        "Следственный комитет предъявил обвинение в понедельник.",
    ):
        assert all(a.target != text.split()[0] for a in extract(text, language="ru")), text
    text = "Полиция задержала Ивана Петрова. Ему предъявили обвинение в мошенничестве."
    assert _one(text, "ru") == ("", "Ивана Петрова", "charge")
    assert _one("Бывшему мэру предъявлено обвинение в растрате.", "ru")[1] == "Бывшему мэру"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "По заявлению прокуратуры, директор завода Иван Петров похитил 3 млн рублей.",
            ("прокуратуры", "Иван Петров"),
        ),
        (
            "По заявлениям профсоюза, руководство завода годами не платило сверхурочные.",
            ("профсоюза", "руководство завода"),
        ),
        (
            "По заявлению местных властей, Эрнест совершил убийство на почве ненависти.",
            ("властей", "Эрнест"),
        ),
    ],
)
def test_round_real48_a_statement_named_as_a_source(text: str, parties: tuple[str, str]) -> None:
    """ "По заявлению X, T ..." is a source like "по словам X": the claim's subject is accused."""
    accuser, target, kind = _one(text, "ru")
    assert (parties[0] in accuser, parties[1] in target, kind) == (True, True, "allegation")


@pytest.mark.parametrize(
    "text",
    [
        # hard negatives: no wrong, a wrong denied, a complaint that is no source
        "По заявлению администрации, врачи делают всё, чтобы помочь пациенту.",
        "По заявлениям департамента транспорта, ДТП случилось, так как машина врезалась в автобус.",
        "По заявлению прокуратуры, Иван Петров не похищал деньги.",
        "Полиция закрыла проверку по заявлению на блогера Романа Седых, не найдя ничего противозаконного.",
    ],
)
def test_round_real48_statements_as_sources_that_stay_unread(text: str) -> None:
    assert extract(text, language="ru") == [], text


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Мадуро заявил, что атаку совершили террористы.", ("Мадуро", "террористы")),
        ("По данным полиции, нападение совершили боевики.", ("полиции", "боевики")),
        (
            "Полиция сообщила, что теракт совершил 20-летний уроженец Ингушетии Магомед Евлоев.",
            ("Полиция", "Магомед Евлоев"),
        ),
    ],
)
def test_round_real48_a_wrong_first_then_its_doer(text: str, parties: tuple[str, str]) -> None:
    """Object-verb-subject order in a claim: "что нападение совершили X" accuses X, not the
    words of the wrong."""
    accuser, target, kind = _one(text, "ru")
    assert (parties[0] in accuser, parties[1] in target, kind) == (True, True, "allegation")


@pytest.mark.parametrize(
    "text",
    [
        # hard negatives: no wrong first, a denial, no doer after the verb
        "Полиция сообщила, что полёт совершила Анна Петрова.",
        "Полиция сообщила, что самоубийство совершила 14-летняя девушка.",
        "По словам полиции, нападение совершили не местные жители.",
        "Мадуро заявил, что атаку не совершали террористы.",
    ],
)
def test_round_real48_a_deed_first_that_stays_unread(text: str) -> None:
    assert extract(text, language="ru") == [], text


def test_round_real48_reports_that_surfaced() -> None:
    """ "Появились сообщения о том, что T ..." reports a claim with no speaker: T is accused."""
    text = "Поступили сообщения о том, что директор завода Иван Петров похитил 3 млн рублей."
    assert _one(text, "ru") == ("", "директор завода Иван Петров", "allegation")
    for negative in (
        "Появилась информация о том, что Иван Петров не брал взяток.",
        "Появились сообщения о том, что завод закроют в мае.",
        "Депутаты опровергли информацию о том, что директор похитил деньги.",
        "Информация о том, что у политика диагностировали рак, появилась в прессе.",
    ):
        assert extract(negative, language="ru") == [], negative


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        (
            "Selon Mediapart, le ministre aurait fait rénover son appartement aux frais de l'État.",
            "Mediapart",
            "ministre",
        ),
        (
            "D'après Le Parisien, le sénateur a fait repeindre sa villa aux frais de l'Etat.",
            "Parisien",
            "sénateur",
        ),
    ],
)
def test_round_capwrong_a_listed_wrong_spelling_a_capitalised_word(
    text: str, accuser: str, target: str
) -> None:
    """A listed wrong of several words that spells an institution written with a capital ("aux
    frais de l'État") matches: the word is read whole, after a determiner, not as a name."""
    assert _one(text, "fr")[:2] == (accuser, target)


@pytest.mark.parametrize(
    "negative",
    [
        # a name spelling a listed wrong's word with no determiner before it
        "Selon Les Echos, le groupe aurait finalisé l'achat de Voix du Nord.",
        # a name of several capitalised words after the determiner
        "Selon Le Monde, le pays aurait financé l'école aux frais de l'État Libre d'Orange.",
        # a denial
        "Selon Le Monde, le préfet n'a jamais voyagé aux frais de l'État.",
        # no listed wrong: the state pays by law
        "Selon Le Monde, les soins du soldat seront pris en charge par l'État.",
    ],
)
def test_round_capwrong_capitalised_names_stay_out_of_wrongs(negative: str) -> None:
    assert extract(negative, language="fr") == [], negative


@pytest.mark.parametrize(
    ("text", "language", "accuser", "target"),
    [
        (
            "Sophie Garnier dirige depuis 2019 la médiathèque municipale de Brive. "
            "La mairie l'accuse d'avoir falsifié les plannings du personnel.",
            "fr",
            "mairie",
            "Sophie Garnier",
        ),
        (
            "Andrés Villalba gestionó durante una década el polideportivo municipal de Huesca. "
            "El Ayuntamiento le acusa de desviar fondos de las cuotas.",
            "es",
            "Ayuntamiento",
            "Andrés Villalba",
        ),
        (
            "Lucía Moreno es desde 2020 la directora del albergue juvenil de Soria. "
            "Ahora un sindicato la acusa de quedarse con las propinas.",
            "es",
            "sindicato",
            "Lucía Moreno",
        ),
    ],
)
def test_round49_an_object_pronoun_is_no_place_in_a_complement(
    text: str, language: str, accuser: str, target: str
) -> None:
    """An object pronoun ("l'accuse", "le acusa") stands for the person the sentence before
    names, not for the place ending it after "de" ("... municipale de Brive")."""
    assert _one(text, language)[:2] == (accuser, target)


@pytest.mark.parametrize(
    ("text", "language", "target"),
    [
        # the only name before is a complement's: it is still the one the pronoun stands for
        (
            "Le cabinet de Sophie Garnier a fermé en mars. "
            "Le syndicat l'accuse d'avoir falsifié les plannings du personnel.",
            "fr",
            "Sophie Garnier",
        ),
        (
            "El despacho de Andrés Villalba cerró en marzo. "
            "La oposición le acusa de desviar fondos de las cuotas.",
            "es",
            "Andrés Villalba",
        ),
        # a name after a name and "de" is one name, no complement
        (
            "Marie Dupont de Ligonnès préside l'association. "
            "Le trésorier l'accuse d'avoir détourné les cotisations.",
            "fr",
            "Marie Dupont de Ligonnès",
        ),
    ],
)
def test_round49_a_complement_name_alone_still_stands_for_the_pronoun(
    text: str, language: str, target: str
) -> None:
    assert _one(text, language)[1] == target


# ---- the fiftieth round: a name in apposition after a role's complement, a name's particle,
# a verdict of innocence


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Le parquet accuse le maire de la ville, Jean Dupont, de détournement de fonds.",
            "fr",
            ("parquet", "Jean Dupont", "détournement de fonds"),
        ),
        (
            "La Fiscalía acusa al alcalde de la ciudad, Juan Pérez, de malversación.",
            "es",
            ("Fiscalía", "Juan Pérez", "malversación"),
        ),
        (
            "Die Staatsanwaltschaft beschuldigt den Bürgermeister der Stadt, Jens Albrecht, "
            "der Untreue.",
            "de",
            ("Staatsanwaltschaft", "Jens Albrecht", "der Untreue"),
        ),
    ],
)
def test_round50_a_name_in_apposition_after_a_role_is_the_target(
    text: str, language: str, expected: tuple[str, str, str]
) -> None:
    [item] = extract(text, language=language)
    assert (item.accuser, item.target, item.claim) == expected


@pytest.mark.parametrize(
    ("text", "language", "target"),
    [
        # no apposition: the role and its complement, as before
        ("La Fiscalía acusa al alcalde de Jaca de malversación.", "es", "alcalde de Jaca"),
        # a relative clause between the commas is no name
        (
            "Le parquet accuse le maire de la ville, qui dément, de détournement de fonds.",
            "fr",
            "maire",
        ),
    ],
)
def test_round50_no_apposition_keeps_the_role(text: str, language: str, target: str) -> None:
    assert _one(text, language)[1] == target


@pytest.mark.parametrize(
    ("text", "language", "target"),
    [
        ("Juan de la Cruz está acusado de estafa.", "es", "Juan de la Cruz"),
        ("Marie de la Tour est accusée de fraude.", "fr", "Marie de la Tour"),
        # a body after the particle and article is no part of the name
        ("Pedro Sánchez de la Policía Nacional está acusado de estafa.", "es", "Pedro Sánchez"),
    ],
)
def test_round50_a_name_with_its_particle_and_article_is_whole(
    text: str, language: str, target: str
) -> None:
    assert _one(text, language)[1] == target


def test_round50_free_of_all_guilt_is_no_accusation() -> None:
    text = (
        "Queda libre de toda culpa la exdirectora de un concertado de Getafe: el alto tribunal "
        "anula su condena por las cuotas escolares."
    )
    assert extract(text, language="es") == []
    # the verb "culpa" still accuses
    assert _one("El concejal culpa al alcalde de la crisis.", "es")[:2] == ("concejal", "alcalde")


@pytest.mark.parametrize(
    ("text", "language", "parties"),
    [
        (
            "Mieter einer Wohnanlage sagen, der Hausmeisterdienst habe ihnen das Schneeräumen "
            "berechnet, aber nie einen Gehweg geräumt.",
            "de",
            ("Mieter", "Hausmeisterdienst"),
        ),
        (
            "Los clientes cuentan que el hotel cobraba el impuesto turístico y luego no lo "
            "declaraba.",
            "es",
            ("clientes", "hotel"),
        ),
        (
            "Жильцы говорят, что управляющая компания выставляла им счета за уборку снега, "
            "которой так и не было.",
            "ru",
            ("Жильцы", "управляющая компания"),
        ),
    ],
)
def test_round50_billed_but_not_given_in_a_second_clause(
    text: str, language: str, parties: tuple[str, str]
) -> None:
    assert _one(text, language)[:2] == parties


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the second clause is not negated: no wrong told
        (
            "Los clientes cuentan que el hotel cobraba el impuesto turístico y luego lo declaraba.",
            "es",
        ),
        # no billing verb before the coordinator
        (
            "Mieter einer Wohnanlage sagen, der Hausmeisterdienst habe im Winter gearbeitet, "
            "aber nie am Sonntag.",
            "de",
        ),
    ],
)
def test_round50_a_second_clause_alone_tells_no_wrong(text: str, language: str) -> None:
    assert extract(text, language=language) == []


@pytest.mark.parametrize(
    ("text", "language", "parties"),
    [
        # a fronted dative object, then the accuser after the verb, the claim after "vor ,"
        (
            "Dem Leiter des Bauamts werfen Anwohner vor, Aufträge an die Firma seines "
            "Schwagers vergeben zu haben.",
            "de",
            ("Anwohner", "Leiter des Bauamts"),
        ),
        (
            "Dem Trainer wirft der Landesverband vor, Spielerpässe gefälscht zu haben.",
            "de",
            ("Landesverband", "Trainer"),
        ),
        # a fronted object, then its subject right before the impersonal plural
        (
            "Главу района жители обвиняют в том, что он продал землю.",
            "ru",
            ("жители", "Главу"),
        ),
        (
            "Директора завода бывшие сотрудники обвиняют в невыплате зарплаты.",
            "ru",
            ("бывшие сотрудники", "Директора завода"),
        ),
    ],
)
def test_round50_a_fronted_object_and_its_accuser_after_it(
    text: str, language: str, parties: tuple[str, str]
) -> None:
    assert _one(text, language)[:2] == parties


@pytest.mark.parametrize(
    ("text", "language", "parties"),
    [
        # the object runs up to the verb: no subject is said
        ("Начальника полиции обвиняют в превышении полномочий.", "ru", ("", "Начальника полиции")),
        ("Директора школы обвиняют в поборах.", "ru", ("", "Директора школы")),
    ],
)
def test_round50_an_object_up_to_the_impersonal_verb_has_no_accuser(
    text: str, language: str, parties: tuple[str, str]
) -> None:
    assert _one(text, language)[:2] == parties


def test_round50_no_one_reproaching_the_fronted_dative_is_no_accusation() -> None:
    text = "Dem Bürgermeister wirft niemand vor, Geld veruntreut zu haben."
    assert extract(text, language="de") == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # German verb-second: a phrase fronted before the finite verb, the subject after it
        (
            "In Leipzig hat die Polizei einen 41-Jährigen festgenommen, der mehrere Fahrräder "
            "gestohlen haben soll.",
            ("Polizei", "41-Jährigen"),
        ),
        (
            "Altöl in einen Bach gekippt: Deshalb hat der Naturschutzbund einen "
            "Landwirt bei der Polizei angezeigt.",
            ("Naturschutzbund", "Landwirt"),
        ),
        (
            "Nach einer Serie von Einbrüchen haben Kölner Ermittler einen 30 Jahre alten Mann "
            "gefasst, der an mehreren Taten beteiligt gewesen sein soll.",
            ("Kölner Ermittler", "Mann"),
        ),
        (
            "Am Montag hat die Staatsanwaltschaft Bonn den früheren Kämmerer angeklagt.",
            ("Staatsanwaltschaft Bonn", "früheren Kämmerer"),
        ),
    ],
)
def test_round51_the_subject_after_a_fronted_phrase_is_the_accuser(
    text: str, parties: tuple[str, str]
) -> None:
    assert _one(text, "de")[:2] == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # the subject opens the sentence: the words after the verb are no accuser
        (
            "Die Polizei hat in Leipzig einen 41-Jährigen festgenommen, der mehrere Fahrräder "
            "gestohlen haben soll.",
            ("Polizei", "41-Jährigen"),
        ),
        (
            "Altöl in einen Bach gekippt: Der Naturschutzbund hat deshalb einen "
            "Landwirt bei der Polizei angezeigt.",
            ("Naturschutzbund", "Landwirt"),
        ),
    ],
)
def test_round51_a_subject_that_opens_the_sentence_stays_the_accuser(
    text: str, parties: tuple[str, str]
) -> None:
    assert _one(text, "de")[:2] == parties


def test_round51_a_pronoun_after_a_fronted_adverb_is_the_party_named_before() -> None:
    text = (
        "Die Bürgerinitiative Saubere Eder hat am Montag in Fritzlar ein Gutachten vorgestellt. "
        "Darin wirft sie dem Kieswerk Ost vor, ohne Genehmigung Grundwasser abzupumpen."
    )
    [item] = extract(text, language="de")
    assert (item.accuser, item.target) == ("Bürgerinitiative Saubere Eder", "Kieswerk Ost")


def test_round51_a_fronted_time_before_a_dative_keeps_the_target() -> None:
    text = "Am Dienstag warf die Opposition dem Landrat von Uelzen Vetternwirtschaft vor."
    assert _one(text, "de")[:2] == ("Opposition", "Landrat von Uelzen")


def test_round51_a_proceeding_dismissed_in_the_passive_is_no_item() -> None:
    text = (
        "Faute de preuves, la plainte déposée contre le maire de Nevers pour harcèlement a été "
        "classée par le parquet."
    )
    assert extract(text, language="fr") == []


def test_round51_a_complaint_not_dismissed_is_still_read() -> None:
    text = "Une association a porté plainte contre le maire de Nevers pour harcèlement."
    assert _one(text, "fr")[:2] == ("association", "maire de Nevers")


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # a sentence requested in the passive, stated by its length alone, by "par" its
        # prosecutor, "à l'encontre de" its defendant, or with an aside before the verb
        (
            "Deux ans avec sursis ont été requis jeudi par le parquet de Brest contre un "
            "mareyeur qui aurait vendu du poisson décongelé pour du frais.",
            ("parquet de Brest", "mareyeur", "charge"),
        ),
        (
            "Trente mois avec sursis ont été requis lundi contre une ancienne comptable "
            "d'une coopérative laitière.",
            ("", "ancienne comptable", "charge"),
        ),
        (
            "Quatre ans de prison, dont deux avec sursis, ont été requis contre un ancien "
            "notaire qui puisait dans les successions.",
            ("", "ancien notaire", "charge"),
        ),
        (
            "Six mois avec sursis ont été requis par le procureur à l'encontre d'un garagiste "
            "qui aurait trafiqué des compteurs.",
            ("procureur", "garagiste", "charge"),
        ),
    ],
)
def test_round52_a_sentence_requested_in_the_passive_is_a_charge(
    text: str, item: tuple[str, str, str]
) -> None:
    assert _one(text, "fr") == item


@pytest.mark.parametrize(
    "text",
    [
        # a sentence imposed, not requested: a verdict, no item
        "Un mareyeur de Brest a été condamné jeudi à deux ans avec sursis pour tromperie.",
        "Trente mois avec sursis : c'est la peine infligée lundi à une ancienne comptable.",
        "Quatre ans de prison, dont deux avec sursis, ont été prononcés contre un ancien notaire.",
        "Deux ans avec sursis ont été infligés à un garagiste qui trafiquait des compteurs.",
    ],
)
def test_round52_a_sentence_imposed_is_no_item(text: str) -> None:
    assert extract(text, language="fr") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a case dropped or a complaint shelved, told as fact: no item
        (
            "ru",
            "Полицейские прекратили дело в отношении директора автосервиса: нарушений в ремонте "
            "машин не выявили.",
        ),
        ("ru", "Прокуратура прекратила дело в отношении главы посёлка: нарушений не выявили."),
        (
            "es",
            "Sin indicios de delito, la Fiscalía de Cádiz ha archivado la denuncia que un "
            "sindicato presentó contra el gerente del hospital.",
        ),
        (
            "es",
            "Por falta de indicios, la Fiscalía de Lugo archiva la denuncia que dos vecinos "
            "presentaron contra el director del colegio.",
        ),
        # the weather made responsible, a grievance about wild animals: no party blamed
        (
            "de",
            "Der Trainer machte das Wetter für die Niederlage seiner Mannschaft verantwortlich.",
        ),
        ("de", "Die Läuferin machte die Kälte für ihr schwaches Rennen verantwortlich."),
        (
            "de",
            "Obstbauern klagen, dass Krähen in diesem Jahr die halbe Kirschernte gefressen haben.",
        ),
    ],
)
def test_round53_a_case_dropped_or_no_party_blamed_is_no_item(language: str, text: str) -> None:
    assert extract(text, language=language) == []


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        # the same shapes with a live charge or a person blamed are still read
        ("ru", "Прокуратура обвинила главу посёлка в растрате.", ("Прокуратура", "главу посёлка")),
        (
            "es",
            "La oposición ha presentado una querella contra el alcalde por prevaricación.",
            ("oposición", "alcalde"),
        ),
        (
            "de",
            "Der Trainer machte den Schiedsrichter für die Niederlage seiner Mannschaft "
            "verantwortlich.",
            ("Trainer", "Schiedsrichter"),
        ),
        (
            "de",
            "Anwohner klagen, dass ein Schrotthändler nachts ohne Genehmigung Altmetall presst.",
            ("Anwohner", "Schrotthändler"),
        ),
    ],
)
def test_round53_the_same_shapes_with_a_party_are_still_read(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    assert _one(text, language)[:2] == parties


def _with_sequence(rule: str, old: str, new: str) -> dict[str, Any]:
    data = copy.deepcopy(_clause_data("fr"))
    (pattern,) = [p for p in data["patterns"] if p["rule"] == rule]
    pattern["sequence"] = pattern["sequence"].replace(old, new)
    return data


def test_round54_a_french_pattern_word_written_with_its_elision_is_split_as_tokens() -> None:
    text = "Une peine de deux ans de prison a été requise par le parquet de Rennes à l'encontre de "
    text += "Marc Dupont."
    rule = "sentence_requested_by_encontre"
    whole = _with_sequence(rule, "à l' encontre", "à l'encontre")
    assert "à l'encontre" in next(p["sequence"] for p in whole["patterns"] if p["rule"] == rule)
    (item,) = extract(text, lexicon=ClauseLexicon.from_mapping(whole, "edited"))
    assert (item.accuser, item.target) == ("parquet de Rennes", "Marc Dupont")
    # without the rule, no other reads the sentence: the split entry is what read it
    dropped = copy.deepcopy(whole)
    dropped["patterns"] = [p for p in whole["patterns"] if p["rule"] != rule]
    assert extract(text, lexicon=ClauseLexicon.from_mapping(dropped, "edited")) == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Selon l'opposition, le maire serait en situation de conflit d'intérêts.",
            ("opposition", "maire"),
        ),
        (
            "Selon des témoins, le chauffeur était en état d'ébriété au moment de l'accident.",
            ("témoins", "chauffeur"),
        ),
    ],
)
def test_round54_a_french_wrong_written_with_its_elision_is_read(
    text: str, parties: tuple[str, str]
) -> None:
    assert _one(text, "fr")[:2] == parties


def test_round54_the_same_report_with_no_wrong_is_no_item() -> None:
    assert (
        extract("Selon l'opposition, le maire serait en vacances à l'étranger.", language="fr")
        == []
    )
    assert (
        extract("Selon des témoins, le chauffeur était en avance sur l'horaire.", language="fr")
        == []
    )


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["fallback_agent_cues"].append("d'après"), "'fallback_agent_cues'"),
        (lambda d: d["word_sets"]["de"].append("D'après"), "'word_sets'"),
        (
            lambda d: d["patterns"][0].update(sequence="ACCUSER l'accuse|l'accusent de CLAIM"),
            "'patterns'",
        ),
    ],
)
def test_round54_a_word_form_written_with_an_elision_is_refused(edit: Any, message: str) -> None:
    data = copy.deepcopy(_clause_data("fr"))
    edit(data)
    with pytest.raises(
        LexiconError, match=f"allegation_cues.fr.json.*{message}.* tokens for the tokenizer"
    ):
        ClauseLexicon.from_mapping(data, "allegation_cues.fr.json")
    # the shipped files hold none: every language loads
    for language in LANGUAGES:
        assert ClauseLexicon.from_mapping(_clause_data(language), language)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a fronted claim with a common noun before the verb: the object, then the subject after
        (
            "В утечке данных пациентов областной больницы обвинила частную фирму «Медсофт» "
            "служба безопасности края.",
            ("служба безопасности края", "частную фирму «Медсофт»"),
        ),
        # a lawsuit told first, its court after the verb, then the one who filed it
        (
            "Коллективный иск против управляющей компании «Домострой» подала в районный суд "
            "Казани ассоциация собственников жилья, требуя вернуть переплату.",
            ("ассоциация собственников", "управляющей компании «Домострой»"),
        ),
        (
            "Иск к застройщику «Новый квартал» подало в Арбитражный суд Самары общество защиты "
            "прав потребителей.",
            ("общество защиты", "застройщику «Новый квартал»"),
        ),
    ],
)
def test_round54_the_russian_subject_after_the_verb_is_the_accuser(
    text: str, parties: tuple[str, str]
) -> None:
    assert _one(text, "ru")[:2] == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a name before the verb is still its subject
        (
            "В утечке данных пациентов областной больницы ФАС обвинила частную фирму «Медсофт».",
            ("ФАС", "частную фирму «Медсофт»"),
        ),
        (
            "В поджоге склада торговой сети обвинила бывшего охранника Петра Ильина полиция Тулы.",
            ("полиция Тулы", "бывшего охранника Петра Ильина"),
        ),
    ],
)
def test_round54_the_russian_subject_before_the_verb_is_kept(
    text: str, parties: tuple[str, str]
) -> None:
    assert _one(text, "ru")[:2] == parties


def test_round54_a_russian_lawsuit_turned_down_is_no_item() -> None:
    assert (
        extract(
            "Иск против управляющей компании «Домострой» суд Казани отклонил в среду.",
            language="ru",
        )
        == []
    )


# ---- the fifty-fifth round: cue entries read as the text is normalised and tokenized


def test_round55_a_blocker_fragment_with_a_comma_is_read_as_the_tokens_are() -> None:
    """The tokens are joined by spaces ("признался , что"): a fragment written " признался,"
    is read " признался ,", so it is looked for as it can occur."""
    lexicon = ClauseLexicon.from_mapping(_clause_data("ru"), "allegation_cues.ru.json")
    assert " признался ," in lexicon.weak_blockers
    assert " признался ," in lexicon.fallback_blockers
    assert not any(
        re.search(r"\w,", f) for f in (*lexicon.weak_blockers, *lexicon.fallback_blockers)
    )
    # a fragment ending in a hyphen or a French elided word still begins a token as written
    fr = ClauseLexicon.from_mapping(_clause_data("fr"), "allegation_cues.fr.json")
    assert "conflit d' intérêts" in fr.wrongdoing
    assert "aux frais de l' état" in fr.wrongdoing


def test_round55_a_word_form_with_a_curly_quote_is_read_straight() -> None:
    """The text's quotes are made straight before it is tokenized: "d’" in a word list is "d'"."""
    data = copy.deepcopy(_clause_data("fr"))
    data["word_sets"]["that"] = ["lorsqu’"]
    lexicon = ClauseLexicon.from_mapping(data, "allegation_cues.fr.json")
    assert "lorsqu'" in lexicon.word_set("that")
    assert "lorsqu’" not in lexicon.word_set("that")


@pytest.mark.parametrize(
    ("language", "edit", "message"),
    [
        ("ru", lambda d: d["word_sets"]["presumed_adverb"].append("вероятно,"), "'word_sets'"),
        ("ru", lambda d: d["fallback_agent_cues"].append("«источник"), "'fallback_agent_cues'"),
        ("de", lambda d: d["word_sets"].setdefault("x", []).append("angeblich;"), "'word_sets'"),
    ],
)
def test_round55_a_word_form_with_a_mark_the_tokenizer_splits_off_is_refused(
    language: str, edit: Any, message: str
) -> None:
    data = copy.deepcopy(_clause_data(language))
    edit(data)
    source = f"allegation_cues.{language}.json"
    with pytest.raises(LexiconError, match=f"{source}.*{message}.* tokens for the tokenizer"):
        ClauseLexicon.from_mapping(data, source)


@pytest.mark.parametrize(
    ("language", "form"),
    [("fr", "d'"), ("fr", "qu'*"), ("ru", "экс-*"), ("es", "ex-*"), ("de", "u.s.")],
)
def test_round55_a_word_form_the_tokenizer_keeps_whole_is_read(language: str, form: str) -> None:
    data = copy.deepcopy(_clause_data(language))
    data["word_sets"]["extra"] = [form]
    lexicon = ClauseLexicon.from_mapping(data, f"allegation_cues.{language}.json")
    assert form.strip("*") in lexicon.word_set("extra") or form.endswith("*")


# ---- the fifty-sixth round: an acquittal and a denial of the accusations are no items


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Присяжные Тверского областного суда сочли невиновным водителя Олега Кравцова: ему "
            "вменяли наезд на пешехода.",
        ),
        (
            "ru",
            "Коллегия присяжных признала невиновной учительницу Анну Котову, которой вменяли "
            "избиение ученика.",
        ),
        ("fr", "La directrice Claire Moreau a démenti toutes les accusations portées contre elle."),
        ("fr", "Le député Paul Girard dément les accusations de fraude portées contre lui."),
    ],
)
def test_round56_an_acquittal_or_a_denial_of_the_accusations_is_no_item(
    language: str, text: str
) -> None:
    """A verdict of not guilty closes the charge it names; a party denying "the accusations
    against" them answers an accusation, it makes none."""
    assert extract(text, language=language) == []


@pytest.mark.parametrize(
    ("language", "text", "target"),
    [
        (
            "ru",
            "Следователи обвинили водителя Олега Кравцова в наезде на пешехода.",
            "водителя Олега Кравцова",
        ),
        ("ru", "Учительнице Анне Котовой вменяют избиение ученика.", "Учительнице Анне Котовой"),
        (
            "fr",
            "Les accusations portées contre le directeur Paul Girard concernent des détournements "
            "de fonds.",
            "directeur Paul Girard",
        ),
        (
            "fr",
            "Des salariés accusent la directrice Claire Moreau de harcèlement moral.",
            "directrice Claire Moreau",
        ),
    ],
)
def test_round56_a_charge_or_an_accusation_with_no_verdict_or_denial_is_read(
    language: str, text: str, target: str
) -> None:
    [item] = extract(text, language=language)
    assert item.target == target


# ---- the fifty-seventh round: a complaint closed for want of evidence is no item


@pytest.mark.parametrize(
    "text",
    [
        "Toulon : la plainte contre le gérant du camping se termine classée, faute d'éléments, "
        "par le procureur.",
        "La plainte contre le maire Henri Delmas reste classée faute de preuves, indique le "
        "parquet.",
    ],
)
def test_round57_a_complaint_closed_for_want_of_evidence_is_no_item(text: str) -> None:
    """ "Faute d'éléments" / "faute de preuves" says why a complaint or an inquiry was closed:
    the sentence tells the end of a charge, not a charge."""
    assert extract(text, language="fr") == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Annecy : la plainte contre le gérant du camping Marc Dubois vise un détournement de "
            "fonds.",
            "gérant",
        ),
        (
            "Des clients ont porté plainte contre le gérant du camping Marc Dubois pour escroquerie.",
            "gérant",
        ),
    ],
)
def test_round57_a_complaint_with_no_closing_is_still_read(text: str, target: str) -> None:
    [item] = extract(text, language="fr")
    assert item.target == target


def test_round57_a_company_named_by_its_compound_is_the_party_sued() -> None:
    """ "-gesellschaft" names a company as "-verwaltung" or "-konzern" do: the party sued,
    not the relative clause's subject after it ("deren Leitungsbau")."""
    [item] = extract(
        "Mehrere Winzer haben eine Wassergesellschaft verklagt, deren Leitungsbau ihre Weinberge "
        "beschädigt habe.",
        language="de",
    )
    assert (item.accuser, item.target) == ("Winzer", "Wassergesellschaft")


@pytest.mark.parametrize(
    "text",
    [
        "Mehrere Winzer haben eine Wassergesellschaft gegründet, deren Leitungsbau ihre "
        "Weinberge bewässern soll.",
        "Die Gesellschaft für Denkmalpflege lädt am Sonntag zu einer Führung ein.",
    ],
)
def test_round57_a_company_with_no_accusation_is_no_item(text: str) -> None:
    assert extract(text, language="de") == []


# ---- the fifty-eighth round: a source's deed in the reportative mood, marked as gain or misuse


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        (
            "fr",
            "Selon Le Monde, le trésorier d'un club de rugby aurait subtilisé la recette de la "
            "buvette.",
            ("Monde", "trésorier"),
        ),
        (
            "fr",
            "D'après Le Progrès, le directeur d'une régie des eaux aurait fait réparer sa piscine "
            "par les agents du service.",
            ("Progrès", "directeur"),
        ),
        (
            "de",
            "Wie die Rheinpfalz berichtet, soll ein Bauamtsleiter Baugenehmigungen gegen Bezahlung "
            "erteilt haben.",
            ("Rheinpfalz", "Bauamtsleiter"),
        ),
        (
            "de",
            "Nach Recherchen des SWR soll die Leiterin eines Bauhofs Streusalz an Bekannte "
            "abgegeben haben.",
            ("SWR", "Leiterin"),
        ),
        (
            "es",
            "Según El Periódico, el tesorero de una cofradía habría sustraído las limosnas de "
            "la procesión.",
            ("Periódico", "tesorero"),
        ),
        (
            "es",
            "Un concejal de Deportes habría cedido el pabellón a un club a cambio de entradas, "
            "según La Nueva España.",
            ("Nueva España", "concejal de Deportes"),
        ),
    ],
)
def test_round58_a_sources_reported_deed_marked_as_gain_or_misuse_is_read(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    """A named source telling a party's deed in the reportative mood ("aurait", "soll ...
    haben", "habría") with a mark of gain or misuse (``reported_wrongs``) is an allegation."""
    assert _one(text, language) == (*parties, "allegation")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the same deeds with no mark of gain or misuse: a reported event, no wrong
        (
            "fr",
            "Selon Le Monde, le trésorier d'un club de rugby aurait compté la recette de la "
            "buvette.",
        ),
        (
            "fr",
            "D'après Le Progrès, le directeur d'une régie des eaux aurait fait réparer sa piscine "
            "par un artisan du village.",
        ),
        (
            "de",
            "Wie die Rheinpfalz berichtet, soll ein Bauamtsleiter Baugenehmigungen erteilt haben.",
        ),
        (
            "de",
            "Nach Recherchen des SWR soll die Leiterin eines Bauhofs Streusalz an Gemeinden "
            "abgegeben haben.",
        ),
        # a plan, not a done deed ("soll ... erteilen"), even with the mark
        (
            "de",
            "Wie die Rheinpfalz berichtet, soll ein Bauamtsleiter Baugenehmigungen gegen Bezahlung "
            "erteilen.",
        ),
        (
            "es",
            "Según El Periódico, el tesorero de una cofradía habría contado las limosnas de la "
            "procesión.",
        ),
        (
            "es",
            "Un concejal de Deportes habría cedido el pabellón a un club, según La Nueva España.",
        ),
        # negated: the mark names a wrong not done
        (
            "fr",
            "Selon Le Monde, le trésorier d'un club de rugby n'aurait pas subtilisé la recette de "
            "la buvette.",
        ),
    ],
)
def test_round58_a_sources_reported_deed_with_no_mark_is_no_item(language: str, text: str) -> None:
    assert extract(text, language=language) == []


@pytest.mark.parametrize(
    "text",
    [
        "La Audiencia de Soria absuelve a un guarda forestal juzgado por robar leña del monte "
        "público.",
        "Los jueces absuelven a dos vigilantes acusados de robar gasóleo de la obra.",
    ],
)
def test_round58_an_acquittal_in_the_present_is_no_item(text: str) -> None:
    """ "absuelve" closes the charge it names, as "absolvió" and "absuelto" do."""
    assert extract(text, language="es") == []


def test_round58_an_accusation_with_no_acquittal_is_still_read() -> None:
    text = "La Fiscalía acusa a un guarda forestal de robar leña del monte público."
    assert _one(text, "es") == ("Fiscalía", "guarda forestal", "accusation")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Un viticulteur de l'Hérault a assigné le fabricant de son pressoir devant le tribunal "
            "de commerce.",
            ("viticulteur", "fabricant de son pressoir"),
        ),
        (
            "Des locataires assignent leur bailleur devant le tribunal judiciaire de Rennes.",
            ("locataires", "bailleur"),
        ),
    ],
)
def test_round58_a_party_summoned_before_a_court_is_sued(
    text: str, parties: tuple[str, str]
) -> None:
    """ "assigner X devant le tribunal", with no "en justice" and no "pour ...", is a suit."""
    assert _one(text, "fr") == (*parties, "lawsuit")


@pytest.mark.parametrize(
    "text",
    [
        "Les forains menacent d'assigner la commune devant le tribunal administratif.",
        "Le préfet a assigné deux gendarmes devant la mairie pendant la fête.",
        "Un viticulteur de l'Hérault n'a pas assigné le fabricant de son pressoir devant le "
        "tribunal de commerce.",
    ],
)
def test_round58_a_summons_threatened_denied_or_of_another_sense_is_no_item(text: str) -> None:
    assert extract(text, language="fr") == []


# ---- the fifty-ninth round: responses in the sentence after the item (sentences written here)

ROUND59_RESPONSES = [
    # a negator the pattern names itself is the answer ("вину не признаёт")
    (
        "ru",
        "Следователи обвинили директора автобазы Петра Зуева в растрате. "
        "Сам Зуев вину не признаёт.",
        "Зуев",
        "denial",
    ),
    # the answer's object before its verb; a responder in "В ..." or "На ..."
    (
        "ru",
        "Профсоюз обвинил завод «Стальмаш» в сокрытии травм. "
        "На заводе эти обвинения назвали вымыслом.",
        "заводе",
        "rejection",
    ),
    (
        "ru",
        "Прокуратура подозревает банк «Заря» в отмывании денег. "
        "В пресс-службе банка от комментариев отказались.",
        "пресс-службе банка",
        "no_comment",
    ),
    (
        "ru",
        "Жильцы подали иск к управляющей компании «Дом-Сервис». "
        "Пресс-служба компании на запрос редакции не ответила.",
        "Пресс-служба компании",
        "no_comment",
    ),
    (
        "ru",
        "Фермеры обвинили агрофирму «Колос» в захвате земли. В «Колосе» с претензиями не согласны.",
        "Колосе",
        "dispute",
    ),
    (
        "fr",
        "Des parents accusent le directeur d'un centre aéré de détourner les repas. "
        "Le directeur s'est refusé à tout commentaire.",
        "directeur",
        "no_comment",
    ),
    (
        "fr",
        "Des clients accusent un garagiste de Tours de facturer des pièces jamais posées. "
        "Le garagiste conteste avoir facturé la moindre pièce.",
        "garagiste",
        "denial",
    ),
    (
        "fr",
        "Des randonneurs accusent un refuge de Savoie de facturer des nuits jamais passées. "
        "Le gardien conteste et affirme que chaque nuit a été réservée.",
        "gardien",
        "dispute",
    ),
    (
        "de",
        "Anwohner werfen dem Betreiber eines Steinbruchs vor, nachts zu sprengen. "
        "Der Betreiber nannte die Vorwürfe haltlos.",
        "Betreiber",
        "rejection",
    ),
    (
        "de",
        "Eltern werfen einem Kitaträger vor, Essensgeld einbehalten zu haben. "
        "Der Träger hält dagegen, jede Mahlzeit sei geliefert worden.",
        "Träger",
        "dispute",
    ),
    (
        "de",
        "Mieter werfen einer Hausverwaltung vor, Nebenkosten doppelt zu berechnen. "
        "Die Hausverwaltung äußerte sich auf Anfrage nicht.",
        "Hausverwaltung",
        "no_comment",
    ),
    (
        "es",
        "Facua acusa a una academia de idiomas de cobrar clases que no impartió. "
        "La academia replica que todas las clases figuran en sus registros.",
        "academia",
        "dispute",
    ),
    (
        "es",
        "Varios vecinos acusan a una gestora de fincas de cobrar derramas falsas. "
        "La gestora prefirió no hacer declaraciones.",
        "gestora",
        "no_comment",
    ),
    (
        "es",
        "Varios vecinos acusan a una gestora de fincas de cobrar derramas falsas. "
        "La gestora niega haber cobrado nada de más.",
        "gestora",
        "denial",
    ),
    (
        "fr",
        "L'opposition accuse le maire de Brives d'avoir truqué un marché. "
        "Le maire balaie ces griefs.",
        "maire",
        "rejection",
    ),
    (
        "de",
        "Mieter werfen einer Hausverwaltung vor, Nebenkosten doppelt zu berechnen. "
        "Die Hausverwaltung ließ eine Anfrage dieser Zeitung unbeantwortet.",
        "Hausverwaltung",
        "no_comment",
    ),
    (
        "de",
        "Anwohner werfen dem Betreiber eines Steinbruchs vor, nachts zu sprengen. "
        "Der Betreiber hält die Vorwürfe für haltlos.",
        "Betreiber",
        "rejection",
    ),
    (
        "de",
        "Eltern werfen einem Kitaträger vor, Essensgeld einbehalten zu haben. "
        "Sein Anwalt widerlegte das mit Lieferscheinen.",
        "Anwalt",
        "refutation",
    ),
]


@pytest.mark.parametrize(("language", "text", "responder", "kind"), ROUND59_RESPONSES)
def test_round59_a_response_after_its_item_is_linked(
    language: str, text: str, responder: str, kind: str
) -> None:
    [item] = extract(text, language=language)
    assert [(r.responder, r.kind) for r in item.responses] == [(responder, kind)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # no reference noun and no words that answer by themselves: no answer to the claim
        (
            "ru",
            "Профсоюз обвинил завод «Стальмаш» в сокрытии травм. На заводе предложение отвергли.",
        ),
        (
            "ru",
            "Фермеры обвинили агрофирму «Колос» в захвате земли. В «Колосе» с ними не согласны.",
        ),
        (
            "fr",
            "Des parents accusent le directeur d'un centre aéré de détourner les repas. "
            "Le directeur conteste le résultat du tirage.",
        ),
        (
            "de",
            "Anwohner werfen dem Betreiber eines Steinbruchs vor, nachts zu sprengen. "
            "Der Betreiber nannte den Steinbruch einen Familienbetrieb.",
        ),
        (
            "de",
            "Anwohner werfen dem Betreiber eines Steinbruchs vor, nachts zu sprengen. "
            "Der Betreiber wies den Antrag der Gemeinde zurück.",
        ),
        (
            "es",
            "Facua acusa a una academia de idiomas de cobrar clases que no impartió. "
            "La academia replica el modelo de una escuela de Oxford.",
        ),
        (
            "de",
            "Anwohner werfen dem Betreiber eines Steinbruchs vor, nachts zu sprengen. "
            "Der Betreiber hält die Gebühren für angemessen.",
        ),
        (
            "fr",
            "L'opposition accuse le maire de Brives d'avoir truqué un marché. "
            "Le maire balaie la place du marché.",
        ),
        # a negation outside the pattern's own words still negates it
        (
            "es",
            "Varios vecinos acusan a una gestora de fincas de cobrar derramas falsas. "
            "La gestora no niega haber cobrado las derramas.",
        ),
        (
            "ru",
            "Следователи обвинили директора автобазы Петра Зуева в растрате. "
            "Зуев не отрицает, что вину не признаёт его заместитель.",
        ),
    ],
)
def test_round59_words_that_answer_nothing_are_no_response(language: str, text: str) -> None:
    [item] = extract(text, language=language)
    assert item.responses == ()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Сам Зуев вину не признаёт."),
        ("ru", "В пресс-службе банка от комментариев отказались."),
        ("de", "Der Träger hält dagegen, jede Mahlzeit sei geliefert worden."),
        ("es", "La academia replica que todas las clases figuran en sus registros."),
    ],
)
def test_round59_a_response_alone_is_no_item(language: str, text: str) -> None:
    assert extract(text, language=language) == []


# ---- the sixtieth round: witnesses cited after the claim in the reportative mood (de, fr)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Der Hausmeister einer Grundschule in Celle habe Heizöl aus dem Tank abgepumpt und "
            "gegen Geld verkauft, sagen mehrere Lehrerinnen.",
            ("Lehrerinnen", "Hausmeister"),
        ),
        (
            "Ein Fahrlehrer aus Soest soll Prüfungsfahrten doppelt berechnet haben, erzählen "
            "Fahrschüler.",
            ("Fahrschüler", "Fahrlehrer"),
        ),
        (
            "Die Kassiererin des Turnvereins habe die Startgelder für private Einkäufe ausgegeben, "
            "berichten Vereinsmitglieder aus Hameln.",
            ("Vereinsmitglieder", "Kassiererin"),
        ),
        (
            "Der Platzwart lasse Fremde gegen Bezahlung nachts auf dem Vereinsgelände campen, "
            "behaupten andere Pächter.",
            ("andere Pächter", "Platzwart"),
        ),
    ],
)
def test_round60_witnesses_after_a_reported_deed_accuse(
    text: str, parties: tuple[str, str]
) -> None:
    """A party opening the sentence, a reportative form after it ("habe", "soll", "lasse"),
    a deed with a mark of wrongdoing or of gain or misuse (``reported_wrongs``), then a group
    of people with a plural verb of speech (``witness_verbs``)."""
    assert _one(text, "de") == (*parties, "allegation")


def test_round60_erzaehlen_names_the_speaker_after_the_claim() -> None:
    text = "Der Pächter der Mensa soll Pfandgeld einbehalten haben, erzählen Studierende."
    assert _one(text, "de") == ("Studierende", "Pächter", "allegation")


@pytest.mark.parametrize(
    "text",
    [
        # a state, no deed: the clause ends on a noun
        "Der Bademeister habe viel Geduld mit den Kindern, sagen Eltern aus Kiel.",
        # a negated deed
        "Der Hausmeister habe nie Heizöl aus dem Tank abgepumpt, sagen mehrere Lehrerinnen.",
        # one speaker with a singular verb, as news quotes a spokesman
        "Der Landrat habe die Pläne für die Umgehungsstraße gestoppt, sagte ein Sprecher.",
        # the indicative: the writer's fact, no reportative form
        "Der Bademeister hat die Becken am Morgen gereinigt, sagen Stammgäste.",
        # a harm the subject suffered
        "Der Platzwart sei von Unbekannten angegriffen worden, berichten Vereinsmitglieder.",
        # a fronted adverbial, not the subject, opens the sentence
        "Bei minus zehn Grad habe die Wärmepumpe noch gearbeitet, berichten Nutzer.",
        # a deed with no mark of wrongdoing, gain or misuse: witnesses' praise or plain account
        "Der Bäckermeister habe jahrelang Brot an Obdachlose verschenkt, erzählen Nachbarn.",
        "Die Kinderärztin habe nachts Hausbesuche gemacht, berichten Eltern aus Lörrach.",
        "Der Trainer habe jedes Kind mitspielen lassen, sagen Vereinsmitglieder.",
        "Der Busfahrer habe den Rollstuhl eigenhändig in den Bus gehoben, berichten Fahrgäste.",
        "Die Bürgermeisterin habe alle Briefe persönlich beantwortet, erzählen Bürger.",
        "Das Unternehmen habe die Löhne pünktlich gezahlt, berichten Beschäftigte.",
        "Der Wirt habe immer freundlich bedient, sagen Stammgäste.",
        "Der Verein habe das Fest ohne Zuschüsse organisiert, erzählen Helfer.",
        "Die Feuerwehr habe in Minuten den Keller leergepumpt, berichten Anwohner.",
    ],
)
def test_round60_what_witnesses_tell_that_is_no_wrong_is_no_item(text: str) -> None:
    assert extract(text, language="de") == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Un plombier de Vannes aurait fait payer par les locataires des fuites qu'il avait "
            "causées, racontent plusieurs propriétaires.",
            ("propriétaires", "plombier"),
        ),
        (
            "La gérante d'un chenil de l'Yonne aurait revendu à son profit des chiots confiés en "
            "pension, affirment des éleveurs.",
            ("éleveurs", "gérante"),
        ),
    ],
)
def test_round60_french_witnesses_after_a_reported_deed_accuse(
    text: str, parties: tuple[str, str]
) -> None:
    """ "aurait" and a participle after the sentence's subject, then a group of people with a
    plural verb of speech: the witnesses' allegation."""
    assert _one(text, "fr") == (*parties, "allegation")


@pytest.mark.parametrize(
    "text",
    [
        # "aurait" before no participle: a state
        "Le plombier aurait beaucoup de travail cet hiver, racontent plusieurs voisins.",
        # a harm the subject suffered
        "La gérante du chenil aurait été agressée devant sa porte, affirment des voisins.",
        # one speaker with a singular verb
        "Le maire aurait signé le permis de construire, affirme son adjoint.",
        # a fronted adverbial opens the sentence, not the subject
        "Sans la pluie, la récolte aurait doublé, assurent des vignerons.",
        # negated
        "Le plombier n'aurait jamais facturé de cuivre, racontent plusieurs propriétaires.",
        # a deed with no mark of wrongdoing, gain or misuse: witnesses' praise or plain account
        "L'entraîneur aurait fait jouer tous les enfants, assurent des parents.",
        "Le maire aurait répondu personnellement à chaque lettre, racontent des habitants.",
        "L'entreprise aurait versé les salaires à temps, affirment des salariés.",
        "Les pompiers auraient vidé la cave en quelques minutes, racontent des riverains.",
    ],
)
def test_round60_french_witnesses_telling_no_wrong_is_no_item(text: str) -> None:
    assert extract(text, language="fr") == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Von der Gewerkschaft wird dem Klinikbetreiber vorgeworfen, Überstunden nicht bezahlt "
            "zu haben.",
            ("Gewerkschaft", "Klinikbetreiber"),
        ),
        (
            "Vom Landesrechnungshof wird der Stadtverwaltung vorgeworfen, Fördergeld "
            "zweckentfremdet zu haben.",
            ("Landesrechnungshof", "Stadtverwaltung"),
        ),
        (
            "Von der Verbraucherzentrale wird ein Möbelhaus beschuldigt, Rabatte vorgetäuscht zu "
            "haben.",
            ("Verbraucherzentrale", "Möbelhaus"),
        ),
    ],
)
def test_round60_an_accuser_fronted_with_von_before_a_passive(
    text: str, parties: tuple[str, str]
) -> None:
    """ "Von X wird Y vorgeworfen / beschuldigt, ...": the party after "von" accuses, the one
    after the auxiliary is accused (patterns ``accused_vor_fronted_by``,
    ``beschuldigt_fronted_by``)."""
    assert _one(text, "de") == (*parties, "accusation")


@pytest.mark.parametrize(
    "text",
    [
        "Von den Eltern wird dem Schulleiter nicht vorgeworfen, die Klassenfahrt abgesagt zu haben.",
        "Von Anwohnern wird die Stadt gelobt, den Park neu gestaltet zu haben.",
    ],
)
def test_round60_a_fronted_von_with_no_accusation_is_no_item(text: str) -> None:
    assert extract(text, language="de") == []


# ---- the sixty-first round: complaints to an authority (ru), the police as the accuser of an
# arrest with its place first (es), an accuser after "accusé par" (fr), documents produced in
# answer (de, fr, es, ru)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Пенсионеры из Тамбова пожаловались в прокуратуру на микрофинансовую компанию, "
            "которая начисляла им проценты сверх разрешённого законом.",
            ("Пенсионеры", "микрофинансовую компанию"),
        ),
        (
            "Фермеры пожаловались в ФАС на сахарный завод, который занижает закупочные цены.",
            ("Фермеры", "сахарный завод"),
        ),
    ],
)
def test_round61_a_complaint_to_an_authority_against_a_party(
    text: str, parties: tuple[str, str]
) -> None:
    """ "X пожаловались в прокуратуру|ФАС|... на Y" (pattern ``complained_to``)."""
    assert _one(text, "ru") == (*parties, "lawsuit")


@pytest.mark.parametrize(
    "text",
    [
        "Нападающий пожаловался в интервью на усталость.",
        "Жители пожаловались в прокуратуру на холод в квартирах.",
        "Туристы пожаловались в Роспотребнадзор на жару в вагонах.",
        "Пациенты пожаловались в суд на долгие очереди.",
        "Фермеры пожаловались в ФАС на низкие цены на зерно.",
        "Жители пожаловались в полицию на шум со стройки.",
        "Пенсионерка пожаловалась в полицию на боль в спине после падения.",
        "Водители пожаловались в прокуратуру на ямы на трассе.",
        "Жильцы не пожаловались в прокуратуру на управляющую компанию.",
        "Горожане жалуются в соцсетях на погоду.",
    ],
)
def test_round61_a_complaint_about_no_party_is_no_item(text: str) -> None:
    assert extract(text, language="ru") == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "La Guardia Civil ha detenido en Níjar a dos hombres por robar tuberías de riego.",
            ("Guardia Civil", "hombres"),
        ),
        (
            "La Policía Nacional ha detenido en Zaragoza a un hombre por robar bicicletas.",
            ("Policía Nacional", "hombre"),
        ),
    ],
)
def test_round61_an_arrest_with_its_place_first_names_the_police(
    text: str, parties: tuple[str, str]
) -> None:
    """ "A ha detenido en PLACE a T por ..." (``detained_by_place_for``): the police is the
    accuser, not the target nor no one."""
    assert _one(text, "es") == (*parties, "charge")


@pytest.mark.parametrize(
    "text",
    [
        "La Guardia Civil ha rescatado en Níjar a dos senderistas por la noche.",
        "La Guardia Civil ha felicitado en Níjar a dos agentes por su labor.",
        "La Policía Nacional ha trasladado en helicóptero a un herido por la tormenta.",
        "La Guardia Civil ha acompañado en Lorca a un grupo de escolares por el cuartel.",
        "La Policía Local ha premiado en Cádiz a un vecino por su civismo.",
        "La Guardia Civil ha buscado en Jaén a un montañero por toda la sierra.",
        "La Policía no ha detenido en Málaga a ningún sospechoso por ahora.",
        "El alcalde ha recibido en el ayuntamiento a un grupo de policías por su jubilación.",
    ],
)
def test_round61_a_police_act_with_its_place_first_that_is_no_arrest_is_no_item(
    text: str,
) -> None:
    assert extract(text, language="es") == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Le président du club d'aviron de Mâcon est accusé par des adhérents d'avoir réglé "
            "ses vacances en Corse avec la carte bancaire du club.",
            ("adhérents", "président"),
        ),
        (
            "La start-up nantaise Quantix est accusée par un concurrent américain d'avoir copié "
            "son algorithme de reconnaissance vocale.",
            ("concurrent américain", "start-up nantaise Quantix"),
        ),
        (
            "Le club de Ligue 2 est accusé par l'un de ses anciens joueurs de l'avoir fait "
            "s'entraîner malgré une fracture du pied.",
            ("un de ses anciens joueurs", "club de Ligue"),
        ),
    ],
)
def test_round61_accused_by_names_the_accuser_whatever_the_claim(
    text: str, parties: tuple[str, str]
) -> None:
    """ "T est accusé par A d'avoir ..." (``accused_by_having``, ``reproach``): the verb says
    the wrong, so A is a party though the claim names no listed wrong."""
    assert _one(text, "fr") == (*parties, "accusation")


@pytest.mark.parametrize(
    "text",
    [
        "Le président du club n'est pas accusé par des adhérents d'avoir réglé ses vacances.",
        "L'entraîneur est félicité par des supporters d'avoir sauvé le club.",
        "Le gardien est remercié par des habitants d'avoir rendu le portefeuille.",
        "Le maire est salué par des habitants d'avoir réparé le pont.",
        "Le boulanger est récompensé par des clients d'avoir gardé ses prix.",
        "Est-il accusé par des adhérents d'avoir réglé ses vacances ?",
        "La présidente est applaudie par des bénévoles d'avoir tenu le budget.",
        "Le chef est cité par des critiques d'avoir inventé ce dessert.",
    ],
)
def test_round61_praise_by_people_is_no_item(text: str) -> None:
    assert extract(text, language="fr") == []


@pytest.mark.parametrize(
    ("language", "text", "responder"),
    [
        (
            "de",
            "Die Eltern werfen dem Schwimmlehrer vor, Abzeichen verkauft zu haben. Der "
            "Schwimmlehrer legte die Protokolle vor.",
            "Schwimmlehrer",
        ),
        (
            "fr",
            "Des habitants accusent le maire d'avoir truqué le concours. Le maire a produit "
            "les factures réglées de sa poche.",
            "maire",
        ),
        (
            "es",
            "Los vecinos acusan al alcalde de cobrar comisiones. El alcalde aportó los "
            "extractos bancarios.",
            "alcalde",
        ),
        (
            "ru",
            "Жители обвиняют директора в растрате. Директор показал журналистам выписки со счетов.",
            "Директор",
        ),
    ],
)
def test_round61_documents_produced_by_the_accused_refute(
    language: str, text: str, responder: str
) -> None:
    """The accused produces documents (``produced_evidence``, ``evidence_documents``): a
    refutation."""
    [item] = extract(text, language=language)
    assert [(r.responder, r.kind) for r in item.responses] == [(responder, "refutation")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Die Eltern werfen dem Schwimmlehrer vor, Abzeichen verkauft zu haben. Die Eltern "
            "legten Fotos vor.",
        ),
        (
            "de",
            "Die Eltern werfen dem Schwimmlehrer vor, Abzeichen verkauft zu haben. Der "
            "Schwimmlehrer legte Berufung ein.",
        ),
        (
            "de",
            "Die Eltern werfen dem Schwimmlehrer vor, Abzeichen verkauft zu haben. Der "
            "Schwimmlehrer legte eine Pause ein.",
        ),
        (
            "fr",
            "Des habitants accusent le maire d'avoir truqué le concours. Le maire a publié ses "
            "vœux sur Facebook.",
        ),
        (
            "fr",
            "Des habitants accusent le maire d'avoir truqué le concours. Les habitants ont "
            "produit des photos.",
        ),
        (
            "es",
            "Los vecinos acusan al alcalde de cobrar comisiones. El alcalde ha presentado los "
            "presupuestos del año.",
        ),
        (
            "es",
            "Los vecinos acusan al alcalde de cobrar comisiones. Los vecinos aportaron facturas.",
        ),
        (
            "ru",
            "Жители обвиняют директора в растрате. Директор показал журналистам новый спортзал.",
        ),
        (
            "ru",
            "Жители обвиняют директора в растрате. Жители показали журналистам квитанции.",
        ),
    ],
)
def test_round61_documents_not_produced_by_the_accused_answer_nothing(
    language: str, text: str
) -> None:
    [item] = extract(text, language=language)
    assert item.responses == ()


# ---- the sixty-second round (fresh50 opened): spans of time and place after "von"; a wrong
# word on what was found


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Von 2019 bis 2021 wird dem Manager vorgeworfen, Gelder veruntreut zu haben.",
            ("", "Manager"),
        ),
        (
            "Von Januar bis März wird dem Kassierer vorgeworfen, Spenden unterschlagen zu haben.",
            ("", "Kassierer"),
        ),
        (
            "Von Berlin aus wird dem Minister vorgeworfen, Akten vernichtet zu haben.",
            ("", "Minister"),
        ),
        (
            "Von mehreren Seiten wird dem Bürgermeister vorgeworfen, Aufträge an Freunde "
            "vergeben zu haben.",
            ("", "Bürgermeister"),
        ),
        (
            "Von politischer Seite wird dem Minister vorgeworfen, Akten vernichtet zu haben.",
            ("", "Minister"),
        ),
        (
            "Von Seiten der Opposition wird dem Minister vorgeworfen, Akten vernichtet zu haben.",
            ("Opposition", "Minister"),
        ),
        (
            "Von Seiten des Betriebsrats wird dem Geschäftsführer vorgeworfen, Überstunden "
            "nicht bezahlt zu haben.",
            ("Betriebsrats", "Geschäftsführer"),
        ),
        (
            "Von 2019 bis 2021 wird der Manager beschuldigt, Gelder veruntreut zu haben.",
            ("", "Manager"),
        ),
        (
            "Von Berlin aus wird der Manager beschuldigt, Gelder veruntreut zu haben.",
            ("", "Manager"),
        ),
        (
            "Der Minister wird von Berlin aus beschuldigt, Akten vernichtet zu haben.",
            ("", "Minister"),
        ),
        (
            "Der Minister wird von Seiten der Opposition beschuldigt, Akten vernichtet zu haben.",
            ("Opposition", "Minister"),
        ),
        # a party after "von" is read as before
        (
            "Von der Opposition wird dem Minister vorgeworfen, Akten vernichtet zu haben.",
            ("Opposition", "Minister"),
        ),
        (
            "Vom Betriebsrat wird dem Geschäftsführer vorgeworfen, Überstunden nicht bezahlt "
            "zu haben.",
            ("Betriebsrat", "Geschäftsführer"),
        ),
        (
            "Der Manager wird von der Staatsanwaltschaft beschuldigt, Gelder veruntreut zu haben.",
            ("Staatsanwaltschaft", "Manager"),
        ),
        (
            "Von Montag bis Freitag wirft die Gewerkschaft dem Konzern vor, Löhne gedrückt zu "
            "haben.",
            ("Gewerkschaft", "Konzern"),
        ),
    ],
)
def test_round62_a_span_of_time_or_place_after_von_is_no_party(
    text: str, parties: tuple[str, str]
) -> None:
    """``agent_span_words``, ``agent_origin_words``, ``agent_side_nouns``: "von 2019 bis
    2021", "von Berlin aus", "von mehreren Seiten" name no accuser (nor a target); "von Seiten
    der Opposition" names the opposition."""
    assert _one(text, "de") == (*parties, "accusation")


def test_round62_a_place_acted_from_is_no_target() -> None:
    assert (
        extract("Von München aus soll der Händler gefälschte Uhren verkauft haben.", language="de")
        == []
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Polizei habe den gestohlenen Wagen gefunden, berichten Nachbarn."),
        ("de", "Der Hausmeister habe das gestohlene Fahrrad zurückgebracht, erzählen Mieter."),
        ("de", "Die Feuerwehr habe die gefälschten Papiere sichergestellt, berichten Anwohner."),
        ("de", "Ein Spaziergänger habe die geraubte Handtasche gefunden, erzählen Nachbarn."),
        ("fr", "La police aurait retrouvé la voiture volée, racontent des voisins."),
        ("fr", "Le gardien aurait récupéré les vélos volés, racontent des habitants."),
        ("fr", "Un promeneur aurait retrouvé le sac volé dans un fossé, racontent des voisins."),
        ("fr", "La mairie aurait restitué les tableaux volés, racontent des habitants."),
    ],
)
def test_round62_a_wrong_on_what_was_found_is_no_wrong_of_the_finder(
    language: str, text: str
) -> None:
    """``recovery_verbs``: "stolen" qualifies what was found, not what the finder did."""
    assert extract(text, language=language) == []


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        (
            "de",
            "Der Händler habe gestohlene Handys verkauft, berichten Kunden.",
            ("Kunden", "Händler"),
        ),
        ("de", "Der Kassierer habe Geld gestohlen, berichten Kollegen.", ("Kollegen", "Kassierer")),
        (
            "fr",
            "Le gérant aurait vendu des téléphones volés, racontent des clients.",
            ("clients", "gérant"),
        ),
    ],
)
def test_round62_a_wrong_deed_told_by_witnesses_is_still_read(
    language: str, text: str, parties: tuple[str, str]
) -> None:
    assert _one(text, language)[:2] == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Владельца проката лодок в Сочи прокуратура обвиняет в том, что он выдавал лодки "
            "детям без жилетов.",
            ("прокуратура", "Владельца проката лодок в Сочи"),
        ),
        (
            "Организатора городского марафона в Казани участники обвиняют в том, что призы "
            "достались его друзьям.",
            ("участники", "Организатора городского марафона в Казани"),
        ),
        (
            "Директора лыжной базы «Метелица» местные инструкторы обвиняют в том, что "
            "подъёмник работал без проверок.",
            ("местные инструкторы", "Директора лыжной базы «Метелица»"),
        ),
        (
            "Тренера молодёжной команды по боксу Ивана Петрова воспитанники обвиняют в "
            "унижениях на сборах.",
            ("воспитанники", "Тренера молодёжной команды по боксу Ивана Петрова"),
        ),
    ],
)
def test_round62_a_male_role_object_before_its_subject_names_both(
    text: str, parties: tuple[str, str]
) -> None:
    """``object_role_forms``: a male role noun's accusative ("Владельца", "Организатора")
    opens an object-first sentence; the subject right before the cue is the accuser (before,
    "Владельца" was read as the accuser and "прокуратура" as the target, or the accuser was
    left out)."""
    assert _one(text, "ru")[:2] == parties


@pytest.mark.parametrize(
    "text",
    [
        "Владельца кафе местные жители не обвиняют в том, что цены выросли.",
        "Директора школы родители благодарят в открытом письме за новый спортзал.",
        "Организатора фестиваля участники поздравили в соцсетях с юбилеем.",
        "Тренера сборной болельщики поддерживают в трудный момент.",
        "Председателя клуба члены клуба избрали в прошлом году.",
        "Инспектора рыбоохраны рыбаки встретили в порту.",
        "Владельца проката прокуратура пригласила в качестве свидетеля.",
        "Обвиняют ли участники организатора фестиваля в том, что призы достались родственникам?",
    ],
)
def test_round62_a_male_role_object_first_with_no_accusation_is_no_item(text: str) -> None:
    assert extract(text, language="ru") == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # the name before the cue is the object's last word, no subject: as before, no accuser
        (
            "Бывшего заместителя губернатора Сергея Лаптева обвиняют в превышении полномочий.",
            "",
        ),
        # a lower-case word before the subject may be its head: left as before
        (
            "Председателя клуба филателистов члены клуба обвиняют в том, что он подменил марки.",
            "",
        ),
    ],
)
def test_round62_no_subject_is_taken_from_the_object_s_words(text: str, parties: str) -> None:
    assert _one(text, "ru")[0] == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Un restaurateur de Honfleur a porté plainte contre un site de réservation qu'il "
            "accuse d'afficher son établissement complet.",
            ("restaurateur", "site"),
        ),
        (
            "Des habitants de Limoges ont déposé plainte contre une fabrique de porcelaine "
            "qu'ils accusent de polluer la Vienne.",
            ("habitants de Limoges", "fabrique"),
        ),
    ],
)
def test_round62_the_party_complained_against_is_the_relative_s_antecedent(
    text: str, parties: tuple[str, str]
) -> None:
    """ "plainte contre un site de réservation qu'il accuse de ...": the phrase "contre"
    governs, not the name before it ("Honfleur")."""
    assert _one(text, "fr") == (*parties, "lawsuit")


@pytest.mark.parametrize(
    "text",
    [
        "Un restaurateur de Honfleur a signé un contrat avec un site de réservation qu'il "
        "remercie d'avoir rempli sa salle.",
        "Des habitants de Lyon ont manifesté contre une usine qu'ils jugent trop bruyante.",
        "Des supporters de Lens ont joué contre une équipe qu'ils admirent depuis longtemps.",
        "Un maire de Savoie s'est battu contre un cancer qu'il a vaincu l'an dernier.",
        "Des habitants de Nantes se sont mobilisés contre une fermeture qu'ils jugent injuste.",
        "Un cycliste de Pau a couru contre un champion qu'il félicite d'avoir gagné.",
        "Un vigneron de Cahors a échangé sa récolte contre un tracteur qu'il cherchait depuis "
        "des années.",
        "Une joueuse de Nice a perdu contre une adversaire qu'elle félicite de sa victoire.",
        "Des habitants de Limoges n'ont pas porté plainte contre une fabrique qu'ils "
        "n'accusent de rien.",
    ],
)
def test_round62_against_and_a_relative_with_no_accusation_is_no_item(text: str) -> None:
    assert extract(text, language="fr") == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Vorgeworfen wird dem Leiter einer Musikschule in Jena, Gebühren für ausgefallene "
            "Kurse einbehalten zu haben.",
            "Leiter einer Musikschule in Jena",
        ),
        (
            "Vorgeworfen wird dem Geschäftsführer einer Kölner Baufirma, Fördergelder für nie "
            "gebaute Wohnungen kassiert zu haben.",
            "Geschäftsführer einer Kölner Baufirma",
        ),
    ],
)
def test_round62_a_fronted_vorgeworfen_names_its_dative(text: str, target: str) -> None:
    """ "Vorgeworfen wird dem X, ... zu haben" (``accused_vor_participle_first``, weak): the
    dative is the target (before, a word of the claim or nothing)."""
    assert _one(text, "de") == ("", target, "accusation")


@pytest.mark.parametrize(
    "text",
    [
        "Vorgeworfen wurde dem Trainer damals, zu defensiv gespielt zu haben.",
        "Vorgeworfen wird dem Autor, zu lange Sätze zu schreiben.",
        "Vorgeworfen wird der Regierung vor allem, zu spät gehandelt zu haben.",
        "Vorgeworfen wird dem Verein, die Saison verschlafen zu haben.",
        "Vorgeworfen wurde der Mannschaft nach dem Spiel, zu wenig gelaufen zu sein.",
        "Vorgeworfen wird dem Film, er sei zu lang.",
        "Vorgeworfen wird der Sängerin, sie habe beim Finale zu leise gesungen.",
        "Vorgeworfen wird dem Koch, er habe das Salz vergessen.",
    ],
)
def test_round62_a_fronted_vorgeworfen_with_no_wrong_is_no_item(text: str) -> None:
    assert extract(text, language="de") == []


@pytest.mark.parametrize(
    ("language", "text", "responder"),
    [
        (
            "fr",
            "L'ancien président du comité a été mis en examen pour abus de confiance. Son "
            "avocate réfute toute malversation.",
            "avocate",
        ),
        (
            "de",
            "Die Eltern werfen dem Trainer vor, Geld unterschlagen zu haben. Sein Anwalt legte "
            "Quittungen vor.",
            "Anwalt",
        ),
        (
            "es",
            "Los vecinos acusan al alcalde de cobrar comisiones. Su abogado ha presentado los "
            "recibos.",
            "abogado",
        ),
        (
            "ru",
            "Жители обвиняют директора в растрате. Его адвокат показал журналистам накладные.",
            "адвокат",
        ),
    ],
)
def test_round62_the_accused_s_own_lawyer_answers_for_him(
    language: str, text: str, responder: str
) -> None:
    """A representative (``quote_representatives``) named with a third person's possessive
    (``kin_possessives``, ru ``pronouns``) answers the items just before."""
    [item] = extract(text, language=language)
    assert [r.responder for r in item.responses] == [responder]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "L'ancien président du comité a été mis en examen pour abus de confiance. "
            "L'avocate de la victime réfute toute malversation.",
        ),
        (
            "de",
            "Die Eltern werfen dem Trainer vor, Geld unterschlagen zu haben. Der Anwalt der "
            "Eltern legte Quittungen vor.",
        ),
        (
            "es",
            "Los vecinos acusan al alcalde de cobrar comisiones. El abogado de los vecinos ha "
            "presentado los recibos.",
        ),
        (
            "ru",
            "Жители обвиняют директора в растрате. Адвокат жителей показал журналистам накладные.",
        ),
    ],
)
def test_round62_another_party_s_lawyer_answers_nothing(language: str, text: str) -> None:
    [item] = extract(text, language=language)
    assert item.responses == ()


# ---- the sixty-third round (fresh51 opened): a participle of accusing after a verb's object;
# acquittals in other words


@pytest.mark.parametrize(
    ("language", "text", "target"),
    [
        (
            "fr",
            "Le parquet de Cherbourg a renvoyé devant le tribunal un fabricant de parapluies "
            "soupçonné d'avoir vendu des modèles contrefaits.",
            "fabricant",
        ),
        (
            "fr",
            "Le parquet de Rennes a cité à comparaître un garagiste accusé d'avoir trafiqué des "
            "compteurs.",
            "garagiste",
        ),
        (
            "es",
            "La Federación de Pádel investiga a dos jugadores sospechosos de haber amañado un "
            "partido.",
            "jugadores",
        ),
        (
            "es",
            "Competencia ha abierto un expediente a cinco constructoras sospechosas de haberse "
            "repartido las obras.",
            "constructoras",
        ),
        (
            "es",
            "La Fiscalía de Cádiz ha denunciado a un patrón sospechoso de faenar con redes "
            "prohibidas.",
            "patrón",
        ),
        # the participle after the subject or a complement of the subject's: as before
        ("fr", "Le directeur de la clinique de Lyon accusé de fraude a démissionné.", "directeur"),
        (
            "fr",
            "Le trésorier, soupçonné d'avoir détourné les cotisations, a démissionné.",
            "trésorier",
        ),
        (
            "es",
            "El alcalde de Marbella, acusado de cobrar comisiones, ha dimitido.",
            "alcalde de Marbella",
        ),
    ],
)
def test_round63_a_participle_after_a_verb_s_object_names_the_object(
    language: str, text: str, target: str
) -> None:
    """``postnominal_participles``: "a renvoyé devant le tribunal un fabricant soupçonné de
    ...", "investiga a dos jugadores sospechosos de ...": the object is the accused, not the
    sentence's subject (the prosecutor, the federation)."""
    assert _one(text, language) == ("", target, "accusation")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le tribunal a relaxé jeudi un boulanger soupçonné à tort d'avoir volé la caisse."),
        (
            "fr",
            "Le parquet a classé sans suite la plainte visant un médecin soupçonné de négligence.",
        ),
        ("fr", "Personne n'a vu un voisin soupçonné d'avoir volé les vélos."),
        ("fr", "Le parquet renverra-t-il devant le tribunal un fabricant soupçonné de fraude ?"),
        ("fr", "Si la mairie embauchait un gardien soupçonné de vol, elle le regretterait."),
        (
            "fr",
            "La cour d'appel a innocenté un comptable accusé à tort d'avoir détourné des fonds.",
        ),
        ("fr", "Le juge a innocenté le gardien soupçonné d'avoir volé les clés."),
        ("es", "La Audiencia absolvió ayer a un panadero acusado de robar la caja."),
        ("es", "El juez archivó la causa contra un médico sospechoso de negligencia."),
        ("es", "Nadie vio a un vecino sospechoso de haber robado las bicicletas."),
        ("es", "¿Juzgará la Audiencia a un fabricante acusado de fraude?"),
        ("es", "Si el ayuntamiento contratara a un vigilante sospechoso de robo, lo lamentaría."),
        ("es", "El tribunal exculpó a un contable acusado de desviar fondos."),
        ("es", "La jueza ha exculpado al conserje sospechoso de robar las llaves."),
    ],
)
def test_round63_an_object_cleared_negated_or_in_question_is_no_item(
    language: str, text: str
) -> None:
    """The same shape acquitted ("relaxé", "innocenté", "absolvió", "exculpó": ``blockers``),
    dropped, negated, asked or supposed is no item."""
    assert extract(text, language=language) == []
