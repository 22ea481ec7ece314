"""English parties of one capitalised word that are no names: a common noun or an adjective.

English capitalises the first word of a sentence, so a party read there as one word ("Youths
attacked the station, officials said", "Testimony showed ...") looks like a name ("Obama
accused ..."). The article tells them apart: a common noun is written in lower case inside
other sentences ("the youths", "his testimony") and never capitalised there; a name is
capitalised wherever it stands. Such a party is shown in lower case, as the article writes it
elsewhere: the ledger keeps it in its text, and it is no /allegations button (a name is
capitalised). A word in capitals ("IBM") is left as written. A plural opener is a common noun
too when the article writes only its singular in lower case ("Youths", "the youth club"), and
neither is capitalised inside a sentence ("Sanders", "Bernie Sanders").

English also capitalises adjectives of nationality, so a reader that takes one word of "Iraqi
insurgents" or "alleged Iranian involvement" takes an adjective for a name (``lone_adjectives``).
A capitalised word of a nationality's shape (``nationality_pattern``: "Iraqi", "Syrian",
"Chinese", "Mexican") followed in its sentence by a lower-case noun, not a verb, is cut from
that noun: with a party noun the two are the party ("Iraqi insurgents", "Mexican citizens",
"Australian government"), with another noun, or before nouns in more than one place, there is
no party ("Iranian involvement"), unless it is its item's only party (an item names one). A name
of that shape before its verb ("Brian said", "Modi accused") stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from digests.allegations.lexicon import Lexicon
from digests.allegations.sentence import capitalised, tokens
from digests.models import Allegation


def common_openers(
    items: list[Allegation], sentences: Iterable[str], lex: Lexicon | None = None
) -> list[Allegation]:
    """Return items whose one-word parties opening their sentence are common nouns in lower
    case, read from how the article's other sentences write the word (and, with ``lex``, its
    singular)."""
    lower: set[str] = set()
    inside: set[str] = set()
    for sentence in sentences:
        for word in tokens(sentence)[1:]:
            (inside if capitalised(word) else lower).add(word.lower())

    def common(low: str) -> bool:
        base = lex.name_base(low) if lex is not None else low
        return low in lower or (base != low and base in lower and base not in inside)

    def shown(name: str, sentence: str) -> str:
        words = tokens(sentence)
        first = lex.strip_possessive(words[0]) if words and lex is not None else ""
        if not words or name not in (words[0], first) or not name.isalpha() or name.isupper():
            return name
        low = name.lower()
        return low if capitalised(name) and common(low) and low not in inside else name

    out = []
    for item in items:
        accuser = shown(item.accuser, item.sentence) if item.accuser else ""
        target = shown(item.target, item.sentence) if item.target else ""
        if (accuser, target) != (item.accuser, item.target):
            item = replace(item, accuser=accuser, target=target)
        out.append(item)
    return out


def lone_adjectives(items: list[Allegation], lex: Lexicon) -> list[Allegation]:
    """Return items whose one-word parties of a nationality's shape before a lower-case noun
    are that adjective and its party noun, or no party (the rules are the module's)."""

    def whole(name: str, sentence: str) -> str:
        if not name[1:].islower() or not lex.nationality_pattern.fullmatch(name.lower()):
            return name
        words = tokens(sentence)
        after = [words[i + 1] for i in range(len(words) - 1) if words[i] == name]
        nouns = [lex.strip_possessive(w.lower()) for w in after if w[:1].islower()]
        if not after or len(nouns) < len(after):
            return name
        if any(not n.isalpha() or _verb_or_word(lex, n) for n in nouns):
            return name
        if len(nouns) > 1:
            return ""  # "Iraqi insurgents ... the Iraqi military": which one is not told
        return f"{name} {nouns[0]}" if _party_noun(lex, nouns[0]) else ""

    out = []
    for item in items:
        accuser = whole(item.accuser, item.sentence) if item.accuser else ""
        target = whole(item.target, item.sentence) if item.target else ""
        if (accuser or target) and (accuser, target) != (item.accuser, item.target):
            item = replace(item, accuser=accuser, target=target)  # an item keeps a party
        out.append(item)
    return out


def _verb_or_word(lex: Lexicon, low: str) -> bool:
    """Return True when a lower-case word after a party may be its verb or a function word."""
    if low in lex.role_nouns:
        return False
    return (
        low in lex.np_stops
        or low in lex.aux
        or low in lex.verb_hints
        or low in lex.determiners
        or low in lex.coordinators
        or lex.is_verb(low)
        or lex.is_adverb(low)
        or lex.is_negative(low)
        or lex.is_present(low)
        or lex.is_gerund(low)
    )


def _party_noun(lex: Lexicon, low: str) -> bool:
    """Return True when a lower-case noun after an adjective names a party: listed ("citizens",
    "government") or a plural of a party's shape ("villagers"), not "involvement"."""
    return lex.is_party_noun(low, determined=False) or low in lex.counted_party_nouns
