"""Allegations ledger: who alleges what against whom in an article, and the answers given.

Rule-based and pure. Each sentence is matched against a small clause grammar; every cue word
and word shape comes from ``digests/data/allegation_cues.<language>.json`` (its keys are
described in ``digests/data/allegation_cues.md``), so a language is added as a data file.

Two kinds of cue file. English (``en``) is read by the rules below, whose word order is
English's; Russian, French, German and Spanish files hold clause patterns, so the data gives the
word order too ("ACCUSER @accuse TARGET в CLAIM", "TARGET @passive_aux vorgeworfen , CLAIM"):
``clauses.py`` reads them and ``ordered.py`` matches them (its docstring states those rules).
A sentence no pattern reads (and that holds no response) goes to the fallback reader
(``fallback.py``), which reads it more loosely from the ``fallback_*`` keys of the same file: a
cue word of wrongdoing alleged ("обвинения", "plainte", "soll ... haben", "denunciado") with a
wrong named, not negated, hypothetical, a verdict, a denial or another sense of the word; the
accuser and the target from the parties around the cue in the language's order (no accuser
rather than a wrong one). Its items carry ``reading="fallback"`` so the ledger can rank them
apart; the patterns' items leave ``reading`` empty, and English has no fallback.
An article in a language with no cue file has no items; it is never read with English rules.
``names.target_key`` gives one key to a party across languages and scripts ("Durov", "Дуров",
"Дурова"), which the ledger groups by.

The English rules, each with the sentence it reads (``frames.py``):

* accuse or charge: "Prosecutors accused the mayor of taking bribes", "He was charged with fraud";
* clause verbs: "The regulator alleges that the bank failed to report transactions";
* lawsuits: "Getty Images is suing Stability AI for copying photographs", "X filed a lawsuit
  against Y alleging Z", "Y faces a lawsuit from X over Z";
* nouns: "The allegations against Weinstein include rape", "Allegations that the minister lied";
* reported speech: "Prosecutors say Holmes deceived investors" (an accuser noun and wrongdoing);
* sources: "According to prosecutors, the defendant moved the money";
* adverbs: "The minister allegedly accepted gifts";
* blame, arrests, attributions and named suspects: "Pompeo blamed Iran for the attacks", "A man
  was arrested on suspicion of murder", "another attack ascribed to the Taliban", "Officials
  identified the suspect as Patrick Crusius";
* adjectives and agents: "alleged police violence", "its alleged operator Jong Woo Son", "the
  attack, reportedly conducted by the Taliban";
* sources after the claim: "Smith bribed two officials, prosecutors said";
* charges faced or brought with the crime before the noun: "Fields pleaded guilty to 29 hate
  crime charges", "the department unsealed further charges against him";
* characterisations and sanctions: "Pelosi called Trump's conduct a breach of his duties", "the
  government labeled Soleimani a terrorist", "the EU sanctioned Iran over alleged plots";
* suspects in apposition and by a copula: "Kyle Rittenhouse, the suspect in a shooting, ...",
  "the Abu Sayyaf Group are the suspected perpetrators";
* a clause verb with a wrong as its object: "Trump has claimed widespread voter fraud";
* arrests for an offence, warrants and wanted notices: "Police arrested two men for spraying
  graffiti", "Iran issued arrest warrants on 36 people", "is wanted in connection with ...";
* reports in the passive and beliefs: "people believed to have been involved in the
  assassination", "was said to have been injured by police", "Investigators believe the
  director embezzled the funds", "Reports suggest the company paid bribes";
* a passive in a claim accuses its "by" doer, and a violent event its doer: "the newspaper
  reported that the bribes were paid by a construction firm", "the rebels were responsible for
  the shelling";
* investigations and suspects: "is under investigation for misusing funds", "Gomez is a suspect
  in the murder", "The suspects were identified as ...", "was implicated in the scandal";
* a legal source's account needs no word of wrongdoing: "Prosecutors said Hale moved the money";
* lawsuits with a named plaintiff or no claim stated: "dismissed a Trump lawsuit attempting to
  ...", "Apple sued a website after ...", "is facing a lawsuit over ...";
* holding a party responsible, and a speaker's claim about the noun before a relative: "Amtrak's
  CEO held CSX responsible", "an election that the opposition says was rigged".

Decisions:

* An item needs a claim. A bare reference ("the charges against him", "these claims") is not an
  item; it only lets a response link back to the items before it.
* A negated ("Police have not charged anyone"), hypothetical ("If regulators were to allege")
  or questioning sentence states no allegation.
* The target is the party the claim is about: the subject of a "that" clause when there is one
  ("allegations against Durov include accusations that Telegram is used ..." -> Telegram), else
  the object, the "against" phrase or the passive subject.
* An unattributed allegation ("Y was charged with Z") has the accuser ``""``; inside reported
  speech the speaker is the accuser ("Police said the man was charged with murder").
* Reported speech by any named party is an allegation when the claim names wrongdoing by a
  definite party ("Durbin said Trump ignores the law"); "Witnesses said a man attacked ..."
  accuses no one.
* Accusers and targets are parties: names or role nouns ("Toronto Police", "the driver"). A
  fragment ("there", "his remarks", "a day after the mayor", a capitalised first word before
  common nouns: "Bad weather and a sluggish economy") is left empty, and an item with neither
  accuser nor target is dropped (``resolve.is_party``). No one accuses himself: a pronoun
  resolved to the other party is left empty, and a claim about oneself is none ("he asserted
  he had won").
* Unnamed parties accuse no one: "Multiple assailants attacked X, according to officials".
* A claim whose subject is a victim ("Navalny was poisoned") is against the "by" party, if any;
  a casualty report with no party ("six people were killed, according to officials") is none.
* Facts attributed to a source are no allegation unless they speak of wrongdoing or the source
  is a legal one: "According to police, the shooting began at 10:39" is no item.
* Pronouns and "the company" resolve within the paragraph (``resolve.py``).
* A response links to the items whose target it names, to items in the same sentence, and, when
  it refers to "these claims"/"the allegations", to the items just before it (``responses.py``).
* Each item's salience is the TextRank score of its sentence in the article (``salience.py``);
  near-duplicates across a story's articles merge into one item (``merging.py``).

The package: ``lexicon`` (the cue file), ``sentence`` (tokens and spans), ``grammar`` (noun
phrases, subjects, guards), ``frames`` (the rules), ``resolve``, ``responses``, ``clauses`` and
``ordered`` (clause pattern files and their matcher), ``fallback`` (the looser reader after
them), ``names`` (keys across scripts), ``extractor`` (an article from end to end),
``salience``, ``merging``; ``kinds`` names the output identifiers and the cue files' own syntax.
"""

from digests.allegations.clauses import ClauseLexicon, cue_languages, cues_for, load_cues
from digests.allegations.extractor import (
    EXTRACTOR_VERSION,
    extract,
    extract_in_own_language,
    is_allegation,
)
from digests.allegations.lexicon import Lexicon, LexiconError, load_lexicon
from digests.allegations.merging import combine, merge, merge_keyed, same_allegation
from digests.allegations.names import (
    is_button_name,
    is_name,
    same_key,
    same_target,
    target_key,
)
from digests.allegations.resolve import is_party, is_proper_name
from digests.allegations.salience import rank

__all__ = [
    "EXTRACTOR_VERSION",
    "ClauseLexicon",
    "Lexicon",
    "LexiconError",
    "combine",
    "cue_languages",
    "cues_for",
    "extract",
    "extract_in_own_language",
    "is_allegation",
    "is_button_name",
    "is_name",
    "is_party",
    "is_proper_name",
    "load_cues",
    "load_lexicon",
    "merge",
    "merge_keyed",
    "rank",
    "same_allegation",
    "same_key",
    "same_target",
    "target_key",
]
