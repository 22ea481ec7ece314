"""A sentence's capitalised first word alone is a common noun when its article says so.

English capitalises the first word of a sentence, so a party read there as one word ("Youths
attacked the station, officials said", "Testimony showed ...") looks like a name ("Obama
accused ..."). The article tells them apart: a common noun is written in lower case inside
other sentences ("the youths", "his testimony") and never capitalised there; a name is
capitalised wherever it stands. Such a party is shown in lower case, as the article writes it
elsewhere: the ledger keeps it in its text, and it is no /allegations button (a name is
capitalised). A word in capitals ("IBM") is left as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from digests.allegations.sentence import capitalised, tokens
from digests.models import Allegation


def common_openers(items: list[Allegation], sentences: Iterable[str]) -> list[Allegation]:
    """Return items whose one-word parties opening their sentence are common nouns in lower
    case, read from how the article's other sentences write the word."""
    lower: set[str] = set()
    inside: set[str] = set()
    for sentence in sentences:
        for word in tokens(sentence)[1:]:
            (inside if capitalised(word) else lower).add(word.lower())
    if not lower:
        return items

    def shown(name: str, sentence: str) -> str:
        words = tokens(sentence)
        if not words or name != words[0] or not name.isalpha() or name.isupper():
            return name
        low = name.lower()
        return low if capitalised(name) and low in lower and low not in inside else name

    out = []
    for item in items:
        accuser = shown(item.accuser, item.sentence) if item.accuser else ""
        target = shown(item.target, item.sentence) if item.target else ""
        if (accuser, target) != (item.accuser, item.target):
            item = replace(item, accuser=accuser, target=target)
        out.append(item)
    return out
