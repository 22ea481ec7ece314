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
  one letter in either style too. So are guillemets and low quotes ("«Журавушка»",
  "»Faust«", "„Lauterstein“" are '"Журавушка"'): a name in them, as Russian and French
  outlets write a firm's, a club's or a camp's, was no word at all.
- **An honorific before a name is no word** (English: Mr, Mrs, Ms, Messrs and Dr, with or
  without a full stop, written with a capital, before a word with a capital): "Mr. Obama
  said" reads "Obama said", as outlets without honorifics write it. The honorific made a
  word ("mr") and a name ("Mr. Obama") that only outlets of one style share.

- **An opening single quote is a quotation mark** (every language): "'Hello world'", as
  British headlines quote, was read without "Hello" (the splitter left the mark on the word,
  and a token that begins with no letter is no word); "'s" and the other clitics stay.
- **Dotted acronyms are one style** (English): "F.B.I." is "FBI" (three letters or more),
  and "US", a stop word written plain, is "U.S." in either style (round 52).

- **An elided word is apart from the next** (French, Italian): "l'usine", "d'Aurèze",
  "qu'aucun", "dell'acqua" are "usine", "Aurèze", "aucun", "acqua". The word splitter
  kept them as one word, which no outlet writing "cette usine" or "l'ancienne usine" holds,
  and a name after the apostrophe ("l'Aurèze") was no name (its word began in lower case).
  The elided article, preposition or pronoun is a stop word: it is dropped.

Looked at and not kept (each joined no missed report, or parted right ones): two dotted
letters ("P.J.", "I.R.", "U.N."), titles written short ("Sen." and "Senator"), hyphens
("cease-fire" and "ceasefire"), British and American spellings, "per cent" and "percent"
(figures are keyed alike already: ``digests.quantities``).

Keywords and searches read two styles more widely (``joined_words``, ``joined``): a
hyphenated word is also the word written solid ("e-mail": "email", "cease-fire":
"ceasefire"), and a dotted acronym of two letters or more the acronym ("U.S.": "US",
"U.N.": "UN"). A reader who types one means both; the search index and the text keywords
read hold the solid copy beside the text, so that "email" finds "e-mail". An acronym of two
or three capitals is found in capitals only (``capitals_only``; the index holds a token for
it, ``capital_tokens``), and a word written solid or as two either way where the text holds
the other writing (``solid_of``, ``split_writings``: "healthcare", "health care").
"""

from __future__ import annotations

import re

_STRAIGHT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',  # „ (German, Polish, Czech, Ukrainian open so)
        "\u00ab": '"',  # « and » (Russian, French, Ukrainian; German » and « the other way)
        "\u00bb": '"',
    }
)

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


# What the word splitter leaves of a contraction or possessive after a word ("'s", "n't"):
# an apostrophe that opens a token is a quotation mark before anything else.
_CLITICS = frozenset({"'s", "'m", "'d", "'ll", "'re", "'ve", "'t"})


def unquoted(tokens: list[str]) -> list[str]:
    """Return tokens less the straight single quote that opens a quotation ("'Hello").

    The word splitter keeps the mark on the word after it, and a token that begins with no
    letter is no word: every word of a quotation in single quotes ('Hello world', common in
    British headlines) that opened it was lost. A clitic ("'s" of "Biden's") stays.
    """
    return [
        token[1:] if len(token) > 1 and token[0] == "'" and token.lower() not in _CLITICS else token
        for token in tokens
    ]


# An acronym written with full stops: "F.B.I.", "U.S." (at a sentence's end the splitter
# takes the last full stop off: "F.B.I").
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}|(?:[A-Z]\.)+[A-Z]")
# Per language: acronyms that are a stop word written without full stops ("US" is "us"),
# so both styles are read dotted, as a word of their own.
DOTTED_ALWAYS: dict[str, frozenset[str]] = {"english": frozenset({"US"})}


# A hyphenated word (letters on both sides of each hyphen: "e-mail", "co-operation") or a
# dotted acronym ("U.S.", "U.S" at a sentence's end), standing alone in a text.
_JOINED = re.compile(
    r"(?<![\w.\-‐‑])(?:[^\W\d_]+(?:[\-‐‑][^\W\d_]+)+|(?:[A-Z]\.){2,}|(?:[A-Z]\.)+[A-Z])(?![\w\-‐‑])"
)
_MARKS = re.compile(r"[.\-‐‑]")


def joined_words(text: str) -> list[str]:
    """Return the hyphenated words and dotted acronyms of a text written solid, in order,
    each once: "an e-mail to U.S. officials" gives ["email", "US"]."""
    found = (_MARKS.sub("", m[0]) for m in _JOINED.finditer(text))
    return list(dict.fromkeys(found))


def joined(text: str) -> str | None:
    """Return the text with its hyphenated words and dotted acronyms written solid ("e-mail
    to U.S." is "email to US"), or None when it has none."""
    solid = _JOINED.sub(lambda m: _MARKS.sub("", m[0]), text)
    return None if solid == text else solid


def acronym(word: str) -> str | None:
    """Return the acronym a keyword typed as one stands for, or None: a dotted acronym
    ("U.S.", "D.C." as ``undotted`` reads them) or two to five capitals ("US", "UN")."""
    word = word.strip()
    if _DOTTED.fullmatch(word) or _DOTTED.fullmatch(word + "."):
        return word.replace(".", "")
    if 2 <= len(word) <= 5 and word.isascii() and word.isalpha() and word.isupper():
        return word
    return None


# Acronyms of two or three capitals ("US", "UN", "WHO") are read letter by letter and every
# house style writes them in capitals; in lower case the same letters are another word ("us",
# French "un", "who"). Four or five ("NATO", "AIDS") are often read as a word, and British
# styles write them with one capital ("Nato", "Aids"): no other word to tell them from.
CAPITALS_ONLY = 3
# Such an acronym standing alone in a text: in capitals, or dotted ("U.S.", "U.S" at a
# sentence's end).
_CAPITALS = re.compile(r"(?<![\w.])(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3}|(?:[A-Z]\.){1,2}[A-Z])(?!\w)")


def capitals_only(word: str) -> str | None:
    """Return the letters of an acronym a keyword or search typed in capitals or with full
    stops stands for when it is one of CAPITALS_ONLY letters or fewer ("US", "U.S.", "WHO"),
    found in capitals only; else None ("us", "NATO": a word, found in any case)."""
    letters = acronym(word)
    return letters if letters is not None and len(letters) <= CAPITALS_ONLY else None


def capital_token(letters: str) -> str:
    """Return the token the search index holds beside a text for an acronym in capitals: a
    word no text writes, that FTS5 folds to no other ("US": "0us0"; its porter stemmer leaves
    a token ending in a digit as it is)."""
    return f"0{letters.lower()}0"


def capital_tokens(text: str) -> list[str]:
    """Return a ``capital_token`` for every acronym of CAPITALS_ONLY letters or fewer that a
    text writes in capitals or dotted, in order, each time: "the US and U.N." gives ["0us0",
    "0un0"]; "us", "Un" give none."""
    return [capital_token(m[0].replace(".", "")) for m in _CAPITALS.finditer(text)]


# A word written solid or as two ("healthcare", "health care"; "website", "web site"): each
# part of a solid word split has at least this many letters ("e mail" is joined, "email" is
# not split: the hyphen's rule finds "e-mail").
PART_LETTERS = 3


def _closed_class(word: str) -> bool:
    """Return True for an English stop word of two letters or more ("not", "the", "any"):
    "not able" is no writing of "notable", nor "the rapist" of "therapist", "any one" of
    "anyone". The list holds single letters too, and "e mail" is "email"."""
    from digests.language import tools

    rules = tools("en")
    return len(word) > 1 and rules is not None and word.lower() in rules.stop_words


def _plain_latin(word: str) -> bool:
    return word.isascii() and word.isalpha()


def solid_of(first: str, second: str) -> str | None:
    """Return two words written solid ("health", "care": "healthcare"), or None when either
    is no plain word of Latin letters or a stop word. Whether the solid word is a word is
    for the text searched to say (the index holds it, or a keyword's pattern finds it)."""
    if not (_plain_latin(first) and _plain_latin(second)):
        return None
    if _closed_class(first) or _closed_class(second):
        return None
    return first + second


def split_writings(word: str) -> list[str]:
    """Return the ways a word of Latin letters may be written as two ("healthcare": "heal
    thcare", "health care", ...): each part PART_LETTERS letters or more and no stop word
    ("notable" is no "not able"). Which of them is a writing is for the text searched to say
    ("health care" occurs, "heal thcare" does not)."""
    if not _plain_latin(word):
        return []
    return [
        f"{word[:cut]} {word[cut:]}"
        for cut in range(PART_LETTERS, len(word) - PART_LETTERS + 1)
        if solid_of(word[:cut], word[cut:]) is not None
    ]


def undotted(tokens: list[str], language: str, text: str) -> list[str]:
    """Return tokens with acronyms in one style whether written with full stops or not.

    "F.B.I." is "FBI", as most outlets write it (acronyms of three letters or more: two
    dotted letters are as often initials, "P.J.", or a short form, "I.R."). An acronym that
    is a stop word without its full stops ("US", "us") is read dotted in either style
    ("U.S."), unless the whole text is in capitals. English only.
    """
    always = DOTTED_ALWAYS.get(language)
    if always is None:
        return tokens
    capitals = text.isupper()
    out = []
    for token in tokens:
        if "." in token and len(token) > 2 and _DOTTED.fullmatch(token):
            letters = token.replace(".", "")
            token = f"{'.'.join(letters)}." if letters in always else token
            if len(letters) >= 3:
                token = letters
        elif token in always and not capitals:
            token = f"{'.'.join(token)}."
        out.append(token)
    return out


# Per language (as ``digests.stories.language_name`` names it): what an apostrophe elides
# before a word ("l'", "qu'", "dell'"), the first letter of the word after it a letter.
ELIDED: dict[str, re.Pattern[str]] = {
    "french": re.compile(
        r"(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'(?=[^\W\d_])", re.IGNORECASE
    ),
    "italian": re.compile(
        r"(?:l|d|c|un|quest|quell|(?:de|a|da|ne|su|co|tra|fra)ll|nient|tutt|sant)'(?=[^\W\d_])",
        re.IGNORECASE,
    ),
}


def unelided(tokens: list[str], language: str) -> list[str]:
    """Return tokens with an elided word before an apostrophe taken off ("l'usine": "usine")."""
    elided = ELIDED.get(language)
    if elided is None:
        return tokens
    out = []
    for token in tokens:
        found = elided.match(token) if "'" in token else None
        out.append(token[found.end() :] if found else token)
    return out


def words(text: str, language: str) -> list[str]:
    """Return a text's word tokens (``split_words``) with house styles read alike."""
    # Imported here: the store reads ``joined_words`` and feed parsing imports the store,
    # which must not load NLTK and the Punkt models (tests/test_language.py).
    from digests.tokenize import is_word, treebank_words

    text = straight(text)
    tokens = treebank_words(text)
    if "'" in text:
        tokens = unelided(unquoted(tokens), language)
    tokens = undotted(tokens, language, text)
    found = [w for w in tokens if is_word(w)]
    honorifics = HONORIFICS.get(language)
    if not honorifics or honorifics.isdisjoint(found):
        return found
    return [
        word
        for word, after in zip(found, [*found[1:], ""], strict=True)
        if word not in honorifics or not after[:1].isupper()
    ]
