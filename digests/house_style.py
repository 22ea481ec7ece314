"""House styles read alike: one word, however an outlet's style guide spells it.

Reports of one event from different outlets share few words, and some of the difference is
no difference of content but of house style. Story clustering (``digests.stories``) reads
every word it indexes or compares through ``words``, so that two styles of one word are one
word there. The rules, each kept because it joined real reports of one event and parted
no look-alikes (bench/RESULTS.md, round 51):

- **Curly quotes are straight** (every language): "‘" and "’" are "'", "“" and "”" are '"'.
  The word splitter knows the straight marks only: "Biden’s" stayed one word, a name that
  no outlet writing straight quotes holds ("Biden's" is "Biden" and "'s"), "“we’re" was no
  word at all and "done”" another than "done". Ukrainian's apostrophe ("м’ясо", "м'ясо") is
  one letter in either style too.
- **An honorific before a name is no word** (English: Mr, Mrs, Ms, Messrs and Dr, with or
  without a full stop, written with a capital, before a word with a capital): "Mr. Obama
  said" reads "Obama said", as outlets without honorifics write it. The honorific made a
  word ("mr") and a name ("Mr. Obama") that only outlets of one style share.

Looked at and not kept (each joined no missed report, or parted right ones): dotted
acronyms ("F.B.I." and "FBI"; "U.S." and "US", a stop word), titles written short ("Sen."
and "Senator"), hyphens ("cease-fire" and "ceasefire"), British and American spellings,
"per cent" and "percent" (figures are keyed alike already: ``digests.quantities``).
"""

from __future__ import annotations

from digests.tokenize import split_words

_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

# Per language (as ``digests.stories.language_name`` names it): words that stand before a
# name and are no part of it, as written (a capital first: "MS" is an illness, "ms" a unit).
HONORIFICS: dict[str, frozenset[str]] = {
    "english": frozenset(
        {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Messrs", "Messrs.", "Dr", "Dr."}
    ),
}


def straight(text: str) -> str:
    """Return the text with curly quotes straight."""
    return text.translate(_STRAIGHT)


def words(text: str, language: str) -> list[str]:
    """Return a text's word tokens (``split_words``) with house styles read alike."""
    found = split_words(straight(text))
    honorifics = HONORIFICS.get(language)
    if not honorifics or honorifics.isdisjoint(found):
        return found
    return [
        word
        for word, after in zip(found, [*found[1:], ""], strict=True)
        if word not in honorifics or not after[:1].isupper()
    ]
