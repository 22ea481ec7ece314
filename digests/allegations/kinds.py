"""The names the extractor writes and the cue files use as keys: the same in every language.

These are identifiers, not cue words: an item's ``kind``, a response's ``kind``, and the class of
a name or pronoun. No module of the package but this one spells them out, and no module spells
out a cue word (``tests/test_allegations.py`` reads the source to hold both).
"""

from __future__ import annotations

from typing import Final

# What an item alleges (``Allegation.kind``), from the cue that found it.
ALLEGATION = "allegation"
ACCUSATION = "accusation"
CLAIM = "claim"
CHARGE = "charge"
LAWSUIT = "lawsuit"
ALLEGATION_KINDS = frozenset({ALLEGATION, ACCUSATION, CLAIM, CHARGE, LAWSUIT})

# Which reader made an item (``Allegation.reading``): the rules and patterns leave it empty.
FALLBACK_READING = "fallback"

# How a party answered (``Response.kind``).
DENIAL = "denial"
REFUTATION = "refutation"
REJECTION = "rejection"
DISPUTE = "dispute"
NO_COMMENT = "no_comment"
RESPONSE_KINDS = frozenset({DENIAL, REFUTATION, REJECTION, DISPUTE, NO_COMMENT})

# What a pronoun can stand for, and what a name in the text looks like.
PERSON = "person"
GROUP = "group"
THING = "thing"  # pronouns only ("it")
ORG = "org"  # names only: "the X", "X Inc", "X Bank"
ENTITY = "entity"  # names only: a single capitalised word, could be anything
PRONOUN_CLASSES = frozenset({PERSON, GROUP, THING})

# The syntax of clause pattern files (``clauses.py``): slot names and the keys of a pattern.
ACCUSER_SLOT = "ACCUSER"
TARGET_SLOT = "TARGET"
CLAIM_SLOT = "CLAIM"
RESPONDER_SLOT = "RESPONDER"
GAP_SLOT = "..."
PATTERNS_KEY = "patterns"  # a cue file with this key is a clause pattern file
WORD_SETS_KEY = "word_sets"  # read before the patterns that name its sets
TOKEN_PATTERN_KEY = "token_pattern"  # read before the word lists it checks
RULE_KEY = "rule"
KIND_KEY = "kind"
SEQUENCE_KEY = "sequence"
WEAK_KEY = "weak"
TARGET_IN_CLAIM_KEY = "target_in_claim"
AGENT_KEY = "agent"
CLITIC_KEY = "object_clitic"
CLAIM_FIRST_KEY = "claim_first"
OBJECT_FIRST_KEY = "object_first"
STEP_TAKEN_KEY = "step_taken"
REPROACH_KEY = "reproach"
ANSWERS_KEY = "answers"
# word sets a cue file may hold for the complaint reading of a weak claim (``ordered.py``)
COMPLAINANTS_SET = "complainants"
COMPLAINT_MARKS_SET = "complaint_marks"
COMPLAINT_PARTICIPLES_SET = "complaint_participles"
# verbs of billing and charging (fr "factur*", es "cobr*", de "berechn*"): billed for what a
# negated relative clause says was not given ("des pièces qu'il n'a pas changées")
BILLING_VERBS_SET = "billing_verbs"
# relative pronouns that open a relative clause after a comma where they are also articles
# (German ", die nie bestellt wurden"): a negator in that clause tells things never done
RELATIVE_OPENERS_SET = "relative_openers"
# coordinators that open a second clause after a billing verb (fr "mais", es "pero", "y", de
# "aber", ru "а"): negated within its first four words, it tells what was billed and not given
# ("das Schneeräumen berechnet, aber nie einen Gehweg geräumt")
BILLING_CONTRASTS_SET = "billing_contrasts"
# reported-speech auxiliaries (German "habe", "hätten", "sei"; "soll"): a negator right after
# one negates its verb ("habe nie gezahlt"), as after an auxiliary of ``fallback_active_aux``
SUBJUNCTIVE_SET = "subjunctive"
HEARSAY_SET = "hearsay"
COMPLAINT_SINKS_SET = "complaint_sinks"
COMPLAINT_EXCUSED_SET = "complaint_excused"
# words of a newspaper's or a broadcaster's own work that make the source they open or close
# a complaining party ("Nach Recherchen des NDR", "Según publica X", "Comme l'écrit X")
PRESS_WORDS_SET = "press_words"
# keeping others' money for oneself: verb forms, the reflexive pronoun before them and the
# word after them ("se quedaba con la subvención")
KEEPING_VERBS_SET = "keeping_verbs"
KEEPING_REFLEXIVES_SET = "keeping_reflexives"
KEEPING_AFTER_SET = "keeping_after"
# verbs of paying or refunding, and the possessives for the speakers: a payment owed to a
# complaining party and never made ("ne réglait jamais la dernière tranche de leurs factures")
DUTY_VERBS_SET = "duty_verbs"
COMPLAINT_POSSESSIVES_SET = "complaint_possessives"
# word sets a cue file may hold for the real-news rules of issue 12 (``ordered.py``,
# ``fallback.py``; ``allegation_cues.md``)
OBJECT_CLITICS_SET = "object_clitics"
ABOUT_SET = "about"
COMPLEMENT_OPENERS_SET = "complement_openers"
RELATIVES_SET = "relatives"
REFLEXIVES_SET = "reflexives"
PERSON_PARTICIPLES_SET = "person_participles"
ADMIT_SET = "admit"
VERDICT_GUILT_SET = "verdict_guilt"
SELF_WORDS_SET = "self_words"
PLACE_PREPOSITIONS_SET = "place_prepositions"
# a hypothesis form that is an enclitic (ru "ли"): capitalised, it is a name
ENCLITICS_SET = "enclitics"
# future auxiliaries (ru "будут"): before a cue, a charge that may come later
FUTURE_SET = "future"
IMPERSONAL_VERBS_SET = "impersonal_verbs"
AS_SET = "as"
# adverbial participles of accusing set off after their clause ("..., обвинив T в ..."): their
# subject is the main clause's (``ordered.py``)
ACCUSING_GERUNDS_SET = "accusing_gerunds"
# words that name a party inside the claim of a pattern with no target slot ("возбудил дело о
# ... против X"): that match is left to a reading that names X (``ordered.py``)
PARTY_IN_CLAIM_SET = "party_in_claim"
ACCORDING_SET = "according"
VERDICTS_SET = "verdicts"
# verbs whose that-clause is a grievance by itself ("жалуются, что", "se plaignent que")
GRIEVANCE_VERBS_SET = "grievance_verbs"
# verb forms of a habitual or present deed ("подмешивают", "faisait", "obligaba")
COMPLAINT_HABITUAL_SET = "complaint_habitual"
# articles that open a party before its adjective (French "d'anciens employés")
PARTITIVE_ARTICLES_SET = "partitive_articles"
# indefinite plural determiners after such an article that open a party whatever its noun
# (French "d'autres témoignages")
PARTITIVE_DETERMINERS_SET = "partitive_determiners"
# words opening a sentence's fronted clause after which the main clause's verb comes first
# (German "Wie Anwohner berichten, lässt ein Landwirt ...")
FRONTED_CLAUSE_OPENERS_SET = "fronted_clause_openers"
# words opening a phrase fronted before a finite verb, whose subject then follows it (German
# verb-second: "In Dresden hat die Polizei ...", "Deswegen hat der BUND ...")
VERB_SECOND_FRONTS_SET = "verb_second_fronts"
# words that after a denial's cue deny with it, not negate it (Spanish "niega haber cobrado nada",
# "niega haber firmado ningún pagaré")
AFTER_DENIAL_SET = "after_denial"
# word forms that are no subject (oblique case endings: Russian "*ами", "*ых")
OBLIQUE_FORMS_SET = "oblique_forms"
# determiners that before a verb form are its object pronoun (French "les obligeait")
VERB_CLITICS_SET = "verb_clitics"
# auxiliaries of a passive or a plan in a grievance's clause (German "würden ... bezahlt")
GRIEVANCE_AUXILIARIES_SET = "grievance_auxiliaries"
# object pronouns that stand for a complaining party in its claim ("их заставляли", "on leur
# demandait", "les descontaba", "ihnen") and the verb forms beside which they are objects
COMPLAINT_OBJECTS_SET = "complaint_objects"
COMPLAINT_OBJECT_VERBS_SET = "complaint_object_verbs"
# verbs of selling, labelling or billing and the "as" words that pass goods off as others
# ("etiquetaba como gallego mejillón importado", "als eigene Ware verkauft")
PASSING_OFF_VERBS_SET = "passing_off_verbs"
PASSING_OFF_AS_SET = "passing_off_as"
# "under" words and the names or labels after them ("sous le nom de", "bajo la etiqueta de")
PASSING_OFF_UNDER_SET = "passing_off_under"
PASSING_OFF_NAMES_SET = "passing_off_names"
# verbs of awarding, entrusting or hiring, kin nouns and the possessives before them: a post,
# a contract or public money given to the doer's own kin ("a la empresa de su cuñado")
FAVOUR_VERBS_SET = "favour_verbs"
KIN_NOUNS_SET = "kin_nouns"
KIN_POSSESSIVES_SET = "kin_possessives"
# nouns of a court ("суд", "трибунал"): a court's decision or the court is no target of a
# reported-speech or fallback reading ("прокурор заявил, что суд смягчил ей наказание")
COURTS_SET = "courts"
# copulas of a state ("был", "является") and the words of a relation after their predicate
# ("с"): a legal source's "X был дружен с Y" tells a relation, no wrong
COPULAS_SET = "copulas"
RELATION_WORDS_SET = "relation_words"
# nouns naming a wrongdoer ("убийца", "злоумышленник"): a wrong word of its own only where it is
# the party spoken of, not as another's object or complement ("полицейские окружили убийцу")
WRONGDOER_NOUNS_SET = "wrongdoer_nouns"
# word set: a word of one of these forms standing alone as a button's name is a role
BUTTON_LONE_ROLES_SET = "button_lone_roles"
# object pronouns ("его", "их") and the forms of a verb with no subject of its own (ru "*ли"):
# a claim that opens "его избили" tells what was done to someone, by no one named
OBJECT_PRONOUNS_SET = "object_pronouns"
SUBJECTLESS_VERBS_SET = "subjectless_verbs"
# participles of a harm before a noun ("похищенный", "убитого"): the party they name is a victim
VICTIM_ATTRIBUTES_SET = "victim_attributes"
# participles of a harm ("agredida", "angegriffen") and the passive auxiliaries they take
# ("fue", "sido", "wurde", "worden"): a claim's first clause holding both tells a harm done to its
# subject ("la mujer fue agredida por su expareja"), not a wrong the subject did
HARM_PARTICIPLES_SET = "harm_participles"
HARM_PASSIVE_AUX_SET = "harm_passive_aux"
# endings of an adjective or participle in an oblique case ("29-летнего", "задержанных"): a
# description set off by commas after a party opens with one; a relative clause after it speaks
# of that party ("Ивана Петрова, 29-летнего уроженца Страсбурга, которого ...")
APPOSITION_OPENERS_SET = "apposition_openers"
# endings of a noun in an object's case that no subject takes (ru accusative "*у", "*ю"): a
# sentence's first word alone in it, blamed for no named wrong, is a thing ("Засуху обвиняют в
# росте цен"), no party
OBJECT_CASE_FORMS_SET = "object_case_forms"
# endings of a noun for a person in an object's case that no dative shares (ru "*щину", "*ушку",
# "*ерку": "женщину", "девушку", "пенсионерку"; not "-ому", "-ику": "подозреваемому",
# "чиновнику"): a source's claim opening on one tells what was done to that person
VICTIM_OBJECT_FORMS_SET = "victim_object_forms"
# forms of a subject's case no object of a person takes (ru nominative plural adjectives "*ые",
# "обе", "оба"): an object-first pattern's target opening with one is the subject
SUBJECT_CASE_FORMS_SET = "subject_case_forms"
# endings of a role noun's subject case no object of a person takes (ru nominative plural "*ы",
# "*и": "Следователи", not the object "Следователей")
SUBJECT_ROLE_ENDINGS_SET = "subject_role_endings"
# forms of a plural adjective in the subject case (ru "*ые", "*ие": "местные", "бывшие"), before
# a subject between a fronted object and an impersonal cue
SUBJECT_ADJECTIVE_FORMS_SET = "subject_adjective_forms"
# endings of an active verb of the third person plural ("*ют", "*ли": "обвиняют", "обвинили"),
# which takes an object; not a reflexive passive ("подозреваются"), whose subject is the accused
OBJECT_FIRST_VERBS_SET = "object_first_verbs"
# nouns of time closing a fronted adverbial ("в 2015 году", "с этого времени"): the claim's
# subject follows it
TIME_WORDS_SET = "time_words"
# nouns of a span of time ("минуты", "лет") and the words after one that date an event by it
# ("до", "после"): "арестовали ... за две минуты до вылета" dates the arrest, names no wrong
DURATION_WORDS_SET = "duration_words"
TIME_CLOSERS_SET = "time_closers"
# endings of the instrumental ("виновниками"): a noun right after a claim verb in that case is a
# predicate ("считают виновниками X"), not the verb's speaker or addressee
FORMS_INSTRUMENTAL_SET = "forms_instrumental"
# a conjunction joining two predicates ("и"): a fallback verb right after it with no subject of
# its own shares the sentence's first party ("X назвал ... и обвинил Y")
COORDINATORS_SET = "coordinators"
# a participle used as a noun for a person, by case, and the word forms that agree with it:
# "подозреваемого в отравлении Скрипалей" (no agreement: the participle is the party), not
# "обвиняемого в домогательствах американского продюсера ..." (the producer is)
PARTICIPLES_GENITIVE_SINGULAR_SET = "participles_genitive_singular"
FORMS_GENITIVE_SINGULAR_SET = "forms_genitive_singular"
PARTICIPLES_DATIVE_SINGULAR_SET = "participles_dative_singular"
FORMS_DATIVE_SINGULAR_SET = "forms_dative_singular"
PARTICIPLES_GENITIVE_PLURAL_SET = "participles_genitive_plural"
FORMS_GENITIVE_PLURAL_SET = "forms_genitive_plural"
PARTICIPLE_AGREEMENT: Final = (
    (PARTICIPLES_GENITIVE_SINGULAR_SET, FORMS_GENITIVE_SINGULAR_SET),
    (PARTICIPLES_DATIVE_SINGULAR_SET, FORMS_DATIVE_SINGULAR_SET),
    (PARTICIPLES_GENITIVE_PLURAL_SET, FORMS_GENITIVE_PLURAL_SET),
)
# the words that open the complement of an active fallback cue that is a wrong only by its own
# word ("que": "denuncian que ..."); with none before the next punctuation mark (and no party
# object, no quotation before the cue) such a cue names no claim: "como denuncia la oposición,
# ...", "publica su oferta o demanda, con ..." (a language without the set keeps the old reading)
SELF_CUE_COMPLEMENTS_SET = "self_cue_complements"
# a coordinator right before a passive fallback cue that follows an apposition's noun ("y"):
# the participle hangs on the name before the apposition ("Balaguer, siete veces presidente del
# país y acusado de ...")
APPOSITION_COORDINATORS_SET = "apposition_coordinators"
# verbs of saying or thinking (the claim patterns' "claim_verbs"): a weak claim whose subject
# is the only wrong named and whose verb is one of them reports a view, no deed ("dijo que los
# terroristas de ETA creen que ...")
CLAIM_VERBS_SET = "claim_verbs"
# nouns naming a proceeding ("causa", "sumario"): a passive charge participle set off as an
# apposition after a name whose only complement is such a noun ("José Luis Sierra, imputado en
# la causa, ...") names a person, no offence (a language without the set keeps the old reading)
PROCEEDING_NOUNS_SET = "proceeding_nouns"
# a coordinator that ends a claim right before a source placed after it ("..., y, según
# algunas fuentes, puede ..."): the source is fronted in the next coordinated clause and speaks
# for what follows it, not for the clause before (a language without the set keeps the old
# reading)
FORWARD_SOURCE_COORDINATORS_SET = "forward_source_coordinators"
# the head of a nominal agent phrase ("parte" in "por parte de"), between a preposition and a
# name connector: after a harm noun (the ``harm`` set: "sufrió un intento de atentado por parte
# de ETA") in a claim's first clause, the party after the phrase did the harm and is the claim's
# target, not the subject who suffered it (a language without the set keeps the old reading)
NOMINAL_AGENT_HEADS_SET = "nominal_agent_heads"
HARM_NOUNS_SET = "harm"
# words heading a measure against a wrong ("lucha", "combatir", "limitación"): the wrong named
# after one, up to the next punctuation mark or clause opener, is what is fought, no one's deed
# (a language without the set keeps the old reading)
FOUGHT_HEADS_SET = "fought_heads"
# nouns of a message, a stance or a posture ("mensaje", "postura", "inmovilismo"): an accusing
# verb whose claim opens with one and names no wrong criticises, accuses of no wrong (a
# language without the set keeps the old reading)
STANCE_NOUNS_SET = "stance_nouns"
# verbs of posing a risk ("представлять угрозу"): the few words after one, to the next
# punctuation mark or clause opener, name a risk someone poses, no deed (a language without the
# set keeps the old reading)
RISK_HEADS_SET = "risk_heads"
# endings of an attribute (adjective or participle) in an oblique case ("*ых", "*ого"): a claim
# after a hedge that opens with one is a noun phrase whose doer is the party after its head
# ("якобы незаконных действий экс-мэра X"); a language without the set keeps the old reading
ATTRIBUTE_FORMS_SET = "attribute_forms"
# endings of a finite verb in the past tense ("*л", "*ла", "*ли"): after a long fronted
# adverbial, a name one follows is a claim's subject ("в день убийства Кристенсен был ..."); a
# language without the set keeps the old reading
FINITE_FORMS_SET = "finite_forms"
# verbs of a state a party is found in ("оказалась", "находился", "числился"): a legal source's
# claim naming no wrong whose subject one follows tells no deed (a language without the set
# keeps the old reading)
STATE_VERBS_SET = "state_verbs"
# verbs of doing a deed whose object may stand first ("совершили", "совершил"): a claim that
# opens with a wrong, then one of them, has its subject after the verb ("что нападение
# совершили трое жителей ..."); a language without the set keeps the old reading
DEED_VERBS_SET = "deed_verbs"
# the reportative forms a named source's claim is told in ("aurait", "habría"): right after the
# claim's subject, they tell a deed of that subject as the source's, not the writer's ("Selon
# Le Parisien, un chef de bureau aurait délivré ..."); a language without the set keeps the
# old reading (a wrong word needed)
REPORTED_MOOD_SET = "reported_mood"
# where the mood's form alone may tell a plan (de "soll ... wechseln"), the perfect auxiliaries
# that make it a done deed ("soll ... vergeben haben"); a language without the set needs none
REPORTED_PERFECT_SET = "reported_perfect"
# the reportative forms (de "habe", "soll") right after a sentence-opening subject whose claim
# a group of people tells after it with a plural verb of ``witness_verbs`` ("Der Hufschmied
# habe ... berechnet, berichten Reiterinnen aus Gifhorn"): the witnesses' deed of that subject;
# a language without the sets keeps the old reading (a mark of complaint needed)
WITNESS_MOOD_SET = "witness_mood"
WITNESS_VERBS_SET = "witness_verbs"
# the verb forms (de "*t", "*en"; fr "*é", "*i", "*u" ...) one of which stands right after the
# reportative form or closes the clause: a deed done, not a state ("habe viel Geduld")
WITNESS_PARTICIPLES_SET = "witness_participles"
# after an agent preposition (de "von"), words that make the accuser slot no party: a span of
# time or place ("von 2019 bis 2021"), a place one acts from ("von Berlin aus"), a side
# ("von mehreren Seiten"; "von Seiten der Opposition" names the opposition); a language
# without the sets keeps the old reading
AGENT_SPAN_SET = "agent_span_words"
AGENT_ORIGIN_SET = "agent_origin_words"
AGENT_SIDES_SET = "agent_side_nouns"
# verbs of finding or giving back (de "gefunden", fr "retrouvé"): a wrong word in their clause
# qualifies what was found ("den gestohlenen Wagen gefunden"), no wrong of the finder; a
# language without the set keeps the old reading
RECOVERY_VERBS_SET = "recovery_verbs"
# role nouns in the accusative of a male person, which is the genitive ("владельца",
# "организатора", "тренера"): besides ``object_case_pattern``, a form that opens an
# object-first sentence ("Владельца ... прокуратура обвиняет в ..."); a language without the
# set keeps the old reading
OBJECT_ROLE_FORMS_SET = "object_role_forms"
# participles of accusing or suspecting that follow the accused's noun (fr "soupçonné", es
# "acusado"): after a verb's object ("... a renvoyé devant le tribunal un fabricant soupçonné
# de ..."), the object is the accused, not the sentence's subject; a language without the set
# keeps the old reading
POSTNOMINAL_PARTICIPLES_SET = "postnominal_participles"

# The transliteration table (``names.py``) and its keys.
TRANSLITERATION_FILE = "allegation_cues_transliteration.json"
LETTERS_KEY = "letters"
NAME_ENDINGS_KEY = "name_endings"
COMMON_NOUN_ENDINGS_KEY = "common_noun_endings"
COMMON_NOUN_FLEETING_KEY = "common_noun_fleeting"
STEM_FINALS_KEY = "stem_finals"
MIN_STEM_KEY = "min_stem"
NAMES_KEY = "names"
UNICODE_DECOMPOSITION: Final = "NFKD"  # accents apart from their letters, to drop them

# Russian case forms (``morphology.py``): the analyser's language and the grammemes it tags
# words with (pymorphy3's OpenCorpora tags), each list one string of space-separated tags.
MORPHOLOGY_LANGUAGE = "ru"
NOMINATIVE_CASE = "nomn"
OBLIQUE_CASES = "gent datv accs ablt loct gen2 loc2 acc2"
GENITIVE_CASE = "gent"
# a charge framed by the case it belongs to: "в рамках уголовного дела о хищении" is "хищение"
CHARGE_FRAMES = "рамках"
ABOUT_PREPOSITIONS = "о об обо"
IN_PREPOSITIONS = "в во"
# a name the dictionary does not know: each oblique ending and the nominative endings that may
# stand in its place ("Виннику" -> "Винник", "Гарсию" -> "Гарсия"), "=" before them, "|" between;
# "-ей" is left out: a plural's genitive ("Скрипалей") as often as "Гарсией"
NAME_CASE_ENDINGS = (
    "ого= ому= его= ему= ом= ем=ь|й ым= им= ой=а а=|ь|й я=ь|й у=|а ю=я|ь|й е=|а|я|ь|й ы=а и=а|я"
)
CYRILLIC_LETTERS = "А-ЯЁа-яё"
PREPOSITIONAL_CASES = "loct loc2"  # a charge after "в", "о": "в сокрытии", "о мошенничестве"
NOUN_TAG = "NOUN"
MODIFIER_TAGS = "ADJF PRTF NPRO"  # adjectives, participles, pronoun-adjectives
# what may stand before a subject or object, governing no case: verbs, conjunctions, particles
FREE_BEFORE_TAGS = "VERB INFN GRND PRTS CONJ PRCL ADVB"
NAME_TAGS = "Name Surn Patr"  # first names, surnames, patronymics
SURNAME_TAG = "Surn"
MASCULINE = "masc"
FEMININE = "femn"
SINGULAR = "sing"
PLURAL = "plur"
# parties a reader finds wrong (``morphology.plausible``): a date is none ("1 февраля"); the
# prosecution's genitive after "по версии"/"по данным" is shown as the side it is ("обвинения");
# a lone adjective ("Украинская") is cut from its noun; an addressee ("журналистам") is none
MONTHS = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
PROSECUTION_NOUNS = "обвинение"
PROSECUTION_SHOWN = "сторона обвинения"
DATIVE_CASE = "datv"
ADJECTIVE_TAG = "ADJF"
PLACE_TAG = "Geox"
CLOSED_CLASS_TAGS = "PREP CONJ PRCL"  # words no name after a role is made of ("Об")
PREPOSITION_TAG = "PREP"
FIXED_TAG = "Fixd"  # a word that does not decline ("Перу", "США")
ORIGIN_PREPOSITIONS = "из"  # a role with where it comes from: "студента из Казахстана"
