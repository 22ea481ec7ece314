"""The names the extractor writes and the cue files use as keys: the same in every language.

These are identifiers, not cue words: an item's ``kind``, a response's ``kind``, and the class of
a name or pronoun. No module of the package but this one spells them out, and no module spells
out a cue word (``tests/test_allegations.py`` reads the source to hold both).
"""

from __future__ import annotations

# What an item alleges (``Allegation.kind``), from the cue that found it.
ALLEGATION = "allegation"
ACCUSATION = "accusation"
CLAIM = "claim"
CHARGE = "charge"
LAWSUIT = "lawsuit"
ALLEGATION_KINDS = frozenset({ALLEGATION, ACCUSATION, CLAIM, CHARGE, LAWSUIT})

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
