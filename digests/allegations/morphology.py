"""Russian case forms: the ledger shows a party and a charge in the nominative.

A Russian party is written in the case its sentence gives it ("обвинил министра финансов
Алексея Иванова", "иск против Дурова", "Дурову"), and a charge in the case its preposition
governs ("обвинил в сокрытии расходов"). The ledger shows them as a reader names them, read by
a morphological analyser (pymorphy3 with its OpenCorpora dictionary, shipped in its wheel):

* A party's case is its first word's. The words up to and including its head noun take the
  nominative ("министра" -> "министр", "бывшего главы" -> "бывший глава"); the words that
  depend on the head stay as written ("финансов", "Москвы"); a name in apposition after them
  takes the nominative too, every word of it in the first name's gender ("Алексея Иванова" ->
  "Алексей Иванов", "Марии Захаровой" -> "Мария Захарова"). The role stays in front of the
  name, as English keeps "Prime Minister Boris Johnson": the ledger has no field for it.
* A surname alone may be two names ("Захарова": Захаров's genitive or a woman's name): the
  form the article itself writes as a word wins ("Дуров заявил" elsewhere -> "Дуров"); else the
  analyser's likeliest reading.
* A charge whose first word is a noun in an oblique case takes the nominative, with the
  adjectives before it ("сокрытии расходов" -> "сокрытие расходов", "незаконном получении
  взятки" -> "незаконное получение взятки"). A charge that opens with a clause's subject, a verb or a preposition stays as written.
* A word the analyser does not know, or not Cyrillic ("Telegram", "ФБК"), stays as written,
  unless it is a name the article writes elsewhere in a form its ending may be the oblique case
  of ("Виннику" where the article writes "Винник", "Гарсию" and "Гарсия"). A name is converted
  whole or the party is left as written: never a role in the nominative before a name in
  another case ("исламского проповедника Фетхуллу Гюлена").
* A capitalised word the dictionary knows as a common word may be a plural ("Соединённых
  Штатов" -> "Соединённые Штаты"); a hyphenated name keeps each part's capital ("Нью-Йорк").
* A lower-case party where no preposition or noun governs its case (after a verb, a
  conjunction, a comma or at the start) that may be a nominative stays as written: "власти
  страны задержали" is "власти", not "власть"; "по словам главы" is "глава".
* A charge framed by its case ("в рамках уголовного дела о незаконном изготовлении ...") is
  what the case is about ("незаконное изготовление ..."); with no "о", the case itself
  ("антикоррупционное расследование"), never "рамки".

The analyser is loaded on first use (about 40 ms and 30 MB), only for Russian articles.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache
from typing import Any

from digests.allegations import kinds
from digests.models import Allegation

LANGUAGE = kinds.MORPHOLOGY_LANGUAGE
NOMINATIVE = kinds.NOMINATIVE_CASE
OBLIQUE = frozenset(kinds.OBLIQUE_CASES.split())
NOUN = kinds.NOUN_TAG
MODIFIERS = frozenset(kinds.MODIFIER_TAGS.split())
NOUNS_AND_MODIFIERS = frozenset({NOUN, *MODIFIERS})
NAME_TAGS = frozenset(kinds.NAME_TAGS.split())
GENDERS = frozenset({kinds.MASCULINE, kinds.FEMININE})
MAX_NAME_WORDS = 3  # "Фетхуллах Гюлен", "Робел Филлипос", "Хуан Карлос Гарсия"
MIN_STEM = 3
FREE_BEFORE = frozenset(kinds.FREE_BEFORE_TAGS.split())
_CYRILLIC = re.compile(rf"^[{kinds.CYRILLIC_LETTERS}-]+$")
# an oblique case's ending on a name the dictionary does not know, and the endings its nominative
# may have in its place (longest endings first)
_CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    ending: tuple(forms.split("|"))
    for ending, forms in (e.split("=") for e in kinds.NAME_CASE_ENDINGS.split())
}
MAX_GENITIVE_WORDS = 4  # "юстиции США", "Всемирного антидопингового агентства"
MAX_PARTY_WORDS = 8  # longer "parties" are clauses the reader took whole: left as written
# a word, with the quotation marks or brackets before it and the punctuation after it
_WORD = re.compile(r"^([«„\"“(]*)([^\W\d_]+(?:-[^\W\d_]+)?)([»“\"”),.:;]*)$")
PREPOSITIONAL = frozenset(kinds.PREPOSITIONAL_CASES.split())
FRAMES = frozenset(kinds.CHARGE_FRAMES.split())
ABOUT = frozenset(kinds.ABOUT_PREPOSITIONS.split())
_IN = frozenset(kinds.IN_PREPOSITIONS.split())
_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)[^\W\d_]{1,2}\s+$")
_CAPITALISED = re.compile(r"\b[^\W\d_]{2,}\b")
_SENTENCE_ENDS = ".!?\u2026"


@lru_cache(maxsize=1)
def _analyser() -> Any:
    """Load the Russian analyser once (its dictionary ships in pymorphy3-dicts-ru)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=LANGUAGE)


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[Any, ...]:
    """Return the analyser's readings of a word, likeliest first."""
    return tuple(_analyser().parse(word))


def _nominative(parse: Any) -> str | None:
    """Return the nominative of a reading, or None when it has none."""
    form = parse.inflect({NOMINATIVE})
    return None if form is None else str(form.word)


def _cased(word: str, like: str) -> str:
    """Return word written with the capitals of like ("иванов" like "Иванова" -> "Иванов"),
    each part of a hyphenated word as its part ("нью-йорк" like "Нью-Йорка" -> "Нью-Йорк")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, likes = word.split("-"), like.split("-")
    if len(parts) == len(likes) > 1:
        return "-".join(_cased(p, k) for p, k in zip(parts, likes, strict=True))
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _cases(word: str) -> list[str]:
    """Return the cases a word may be in as a noun or adjective, likeliest first."""
    readings = [p for p in _parses(word.lower()) if p.tag.POS in NOUNS_AND_MODIFIERS and p.tag.case]
    if word[:1].isupper():
        # "Здоровенин", "Самедов": a name in the nominative, not a plural's genitive; but a
        # common word the dictionary knows may be a plural in a name ("Соединённых Штатов")
        readings = [p for p in readings if p.tag.number != kinds.PLURAL or _common(p)]
    elif any(p.tag.case == NOMINATIVE and p.tag.number == kinds.SINGULAR for p in readings):
        readings = [p for p in readings if p.tag.number != kinds.PLURAL]
    return list(dict.fromkeys(str(p.tag.case) for p in readings))


def _common(parse: Any) -> bool:
    """Return True when a reading is of a word the dictionary knows, and not as a name."""
    return bool(parse.is_known) and not (NAME_TAGS & parse.tag.grammemes)


def _in_case(word: str, case: str, *, pos: Collection[str], gender: str | None = None) -> Any:
    """Return the likeliest reading of word in a case and part of speech (and gender), or None."""
    for p in _parses(word.lower()):
        if p.tag.POS in pos and p.tag.case == case and (gender is None or p.tag.gender == gender):
            return p
    return None


def _name_reading(word: str, case: str, gender: str | None) -> Any:
    """Return the reading of a name word in a case (a first name, surname or patronymic)."""
    for p in _parses(word.lower()):
        if p.tag.case != case or not (NAME_TAGS & p.tag.grammemes):
            continue
        if gender is None or p.tag.gender == gender or p.tag.gender not in GENDERS:
            return p
    return None


def party(
    name: str, seen: Collection[str] = (), *, target: bool = False, sentence: str = ""
) -> str:
    """Return a party in the nominative: "министра финансов Алексея Иванова" -> "министр
    финансов Алексей Иванов". ``seen``: the words the article writes, for a lone surname and
    for names the dictionary does not know ("Виннику" where the article writes "Винник");
    ``target``: the party is accused, so written in an oblique case where it may be one;
    ``sentence``: where the party stands, a subject's or object's place (after no preposition
    or noun) keeping a word that may be a nominative as written ("власти страны задержали":
    "власти", not "власть")."""
    shown = _party(name, seen, target=target, free=_free_place(name, sentence))
    if shown != name:
        return shown
    return _written_elsewhere(name.split(), seen) or name


def _unknown_name(word: str) -> bool:
    """Return True for a capitalised Cyrillic word the dictionary does not know ("Фетхуллу");
    not an acronym ("ФБК") nor a word in Latin letters ("Telegram")."""
    return (
        word[1:].islower()
        and _CYRILLIC.match(word) is not None
        and not any(p.is_known for p in _parses(word.lower()))
    )


def _written_elsewhere(tokens: list[str], seen: Collection[str]) -> str | None:
    """Return a name of capitalised words the dictionary does not read, each in the form the
    article writes it elsewhere ("Джареду Лафнеру" -> "Джаред Лафнер"), or None unless every
    word has one."""
    if not tokens or len(tokens) > MAX_NAME_WORDS or not seen:
        return None
    written = {w.lower() for w in seen}
    out = []
    for token in tokens:
        m = _WORD.match(token)
        if m is None or not m.group(2)[:1].isupper() or m.group(2).isupper():
            return None
        form = _nominative_written(m.group(2), written)
        if form is None:
            return None
        out.append(m.group(1) + _cased(form, m.group(2)) + m.group(3))
    return " ".join(out)


def _nominative_written(word: str, written: Collection[str]) -> str | None:
    """Return the form of a name word the article writes, which the word is an oblique case
    of by its ending ("Виннику" -> "Винник", "Гарсию" -> "Гарсия"), or None."""
    low = word.lower()
    for ending, nominatives in _CASE_ENDINGS.items():
        stem = low[: -len(ending)]
        if not low.endswith(ending) or len(stem) < MIN_STEM:
            continue
        for form in (stem + e for e in nominatives):
            if form in written:
                return form
    return None


def _free_place(name: str, sentence: str) -> bool:
    """Return True when a sentence writes a party where no preposition or noun governs its
    case: at the start, after punctuation, a verb or a conjunction ("власти заявили",
    "обвинили власти"), not "по словам главы", "против главы"."""
    at = sentence.find(name) if sentence and name else -1
    if at < 0:
        return False
    before = sentence[:at].split()
    if not before or not before[-1][-1:].isalpha():
        return True
    readings = _parses(before[-1].lower())
    return bool(readings) and readings[0].tag.POS in FREE_BEFORE


def _party(name: str, seen: Collection[str], *, target: bool, free: bool) -> str:
    """Return a party in the nominative as the analyser reads it (``party``)."""
    tokens = name.split()
    if not tokens or len(tokens) > MAX_PARTY_WORDS:
        return name
    parts = [_WORD.match(t) for t in tokens]
    first = parts[0]
    if first is None:
        return name
    cases = _cases(first.group(2))
    if target and (male := _male_oblique(first.group(2))):
        cases = [male, *cases]  # "обвинила Смирнова": Смирнов, not Смирнова
    if not cases or cases[0] not in OBLIQUE:
        return name
    if free and NOMINATIVE in cases and first.group(2)[:1].islower():
        return name  # "власти страны задержали": a plural subject, not "власть"
    # the head group (modifiers, then the head noun) in the first case that closes one; a
    # party that opens with a name is read in the first case its name word may be in
    named = [c for c in cases if _name_reading(first.group(2), c, None) is not None]
    case, out, i = (named or cases)[0], list(tokens), 0
    for candidate in cases:
        trial = list(tokens)
        if candidate in OBLIQUE and (
            n := _head_group(tokens, parts, candidate, trial, name_first=True)
        ):
            case, out, i = candidate, trial, n
            break
    if case not in OBLIQUE:
        return name
    if i == 1 and first.group(2)[:1].isupper() and len(tokens) > 1:
        following = parts[1]
        if following is not None and _name_reading(following.group(2), case, None) is not None:
            return name  # "Джареду Лафнеру": a name its first word was not known as; unread
    gender: str | None = None
    # the words that depend on the head ("финансов", "Москвы"), then a name in apposition
    while i < len(tokens):
        m = parts[i]
        if m is not None and m.group(2)[:1].isupper():
            word = m.group(2)
            if _name_reading(word, case, None) or _unknown_name(word):
                break  # a name, or a word the dictionary does not know: "Фетхуллу Гюлена"
        i += 1
    start = i
    while i < len(tokens) and (m := parts[i]) is not None and m.group(2)[:1].isupper():
        word = m.group(2)
        p = _name_reading(word, case, gender)
        if p is None:
            break
        if start == i == 0 and len(tokens) == 1:
            nominative = _lone_surname(word, seen) or _nominative(p)
        else:
            nominative = _nominative(p)
        if nominative is None:
            break
        if gender is None and p.tag.gender in GENDERS:
            gender = str(p.tag.gender)
        out[i] = m.group(1) + _cased(nominative, word) + m.group(3)
        i += 1
    if i < len(tokens) and (m := parts[i]) is not None and m.group(2)[:1].isupper():
        # a name word not read in the case: the name as the article writes it elsewhere, else
        # the whole party as written, not a role in the nominative before a name in another case
        # ("исламского проповедника Фетхуллу Гюлена")
        elsewhere = _written_elsewhere(tokens[i:], seen)
        if elsewhere is None:
            return name
        return " ".join([*out[:i], elsewhere])
    return " ".join(out)


def _lone_surname(word: str, seen: Collection[str]) -> str | None:
    """Return the nominative of a surname alone when the article writes it so elsewhere."""
    low = word.lower()
    written = {w.lower() for w in seen}
    for p in _parses(low):
        if p.tag.case != NOMINATIVE and NAME_TAGS & p.tag.grammemes:
            form = _nominative(p)
            if form is not None and form != low and form in written and _read_as_nominative(form):
                return form
    return None


def _male_oblique(word: str) -> str | None:
    """Return the case of a man's surname in an oblique case when the word's likeliest reading
    is a woman's surname in the nominative ("Смирнова"), else None."""
    readings = _parses(word.lower())
    woman = {kinds.SURNAME_TAG, kinds.FEMININE, NOMINATIVE}
    if not readings or not woman <= readings[0].tag.grammemes:
        return None
    man = {kinds.SURNAME_TAG, kinds.MASCULINE, kinds.SINGULAR}
    for p in readings:
        if man <= p.tag.grammemes and p.tag.case in OBLIQUE:
            return str(p.tag.case)
    return None


def _read_as_nominative(word: str) -> bool:
    """Return True when a word's likeliest reading is a nominative ("Дуров"; not "Дурова")."""
    readings = _parses(word)
    return bool(readings) and readings[0].tag.case == NOMINATIVE


def charge(claim: str, sentence: str = "") -> str:
    """Return a charge cut from its preposition as a noun phrase in the nominative:
    "сокрытии расходов" -> "сокрытие расходов"; a clause or anything else as written.

    With ``sentence``, only a charge the sentence writes right after a preposition (a word of
    one or two letters: "в", "о", "об") in the prepositional case is one; alone, any oblique
    case is read."""
    framed = _framed(claim)
    if framed is not None:
        return framed
    if sentence and not _after_preposition(claim, sentence):
        return claim
    tokens = claim.split()
    parts = [_WORD.match(t) for t in tokens]
    first = parts[0] if parts else None
    if first is None or first.group(1) or first.group(2)[:1].isupper():
        return claim
    cases = _cases(first.group(2))
    if not cases or cases[0] not in OBLIQUE:
        return claim
    if sentence:
        cases = [c for c in cases if c in PREPOSITIONAL]
    for case in cases:
        out = list(tokens)
        if case in OBLIQUE and _head_group(tokens, parts, case, out, name_first=False):
            return " ".join(out)
    return claim


def _framed(claim: str) -> str | None:
    """Return the charge a frame holds ("рамках уголовного дела о незаконном изготовлении
    взрывчатых веществ" -> "незаконное изготовление взрывчатых веществ"; with no "о", the case:
    "рамках антикоррупционного расследования" -> "антикоррупционное расследование"), or None."""
    tokens = claim.split()
    if tokens[:1] and tokens[0].lower() in _IN:
        tokens = tokens[1:]  # "в рамках этого дела"
    if len(tokens) < 2 or tokens[0].lower() not in FRAMES:
        return None
    rest = tokens[1:]
    about = next((k for k, t in enumerate(rest) if t.lower() in ABOUT), -1)
    if about > 0 and about + 1 < len(rest):
        return charge(" ".join(rest[about + 1 :]))
    parts = [_WORD.match(t) for t in rest]
    out = list(rest)
    if _head_group(rest, parts, kinds.GENITIVE_CASE, out, name_first=False):
        return " ".join(out)
    return " ".join(rest)


def _after_preposition(claim: str, sentence: str) -> bool:
    """Return True when the sentence writes the claim right after a one- or two-letter word."""
    at = sentence.find(claim)
    return at > 0 and bool(_PREPOSITION_BEFORE.search(sentence[:at]))


def _head_group(
    tokens: list[str],
    parts: list[re.Match[str] | None],
    case: str,
    out: list[str],
    *,
    name_first: bool,
) -> int:
    """Write the modifiers and head noun opening tokens in the nominative into out; return
    how many words they are (0 when no noun in that case closes them).

    The modifiers take the head's gender and number ("Следственного комитета" ->
    "Следственный комитет", not "Следственное").
    """
    modifiers: list[tuple[int, re.Match[str]]] = []
    for i, m in enumerate(parts):
        if m is None or (m.group(3) and i < len(tokens) - 1 and not name_first):
            return 0
        word = m.group(2)
        if i == 0 and name_first and word[:1].isupper() and _name_reading(word, case, None):
            return 0  # a person's name opens the party: read as a name
        modifier = _in_case(word, case, pos=MODIFIERS)
        following = parts[i + 1] if i + 1 < len(parts) else None
        noun = _in_case(word, case, pos={NOUN})
        if modifier is not None and (
            noun is None
            or (following is not None and _in_case(following.group(2), case, pos={NOUN}))
        ):
            modifiers.append((i, m))  # "бывшего главы", "незаконном получении"
            continue
        if noun is None or (word[:1].isupper() and not noun.is_known):
            return 0  # a capitalised word the dictionary only guesses at ("Джареду"): unread
        head = _nominative(noun)
        if head is None:
            return 0
        plural = noun.tag.number == kinds.PLURAL
        agree = {
            NOMINATIVE,
            *([kinds.PLURAL] if plural else [noun.tag.gender] if noun.tag.gender else []),
        }
        for k, mk in modifiers:
            form = _agreeing(mk.group(2), case, agree)
            if form is None:
                return 0
            out[k] = mk.group(1) + _cased(form, mk.group(2)) + mk.group(3)
        out[i] = m.group(1) + _cased(head, word) + m.group(3)
        return i + 1
    return 0


def _agreeing(word: str, case: str, grammemes: set[str]) -> str | None:
    """Return a modifier in the grammemes (nominative, the head's gender or number)."""
    for p in _parses(word.lower()):
        if p.tag.POS in MODIFIERS and p.tag.case == case:
            form = p.inflect(grammemes)
            if form is not None:
                return str(form.word)
    return None


def nominative(item: Allegation, seen: Collection[str] = ()) -> Allegation:
    """Return an item with its parties, its answers' parties and its charge in the nominative."""
    responses = tuple(
        replace(r, responder=party(r.responder, seen, sentence=r.sentence)) if r.responder else r
        for r in item.responses
    )
    return replace(
        item,
        accuser=party(item.accuser, seen, sentence=item.sentence) if item.accuser else "",
        target=(
            party(item.target, seen, target=True, sentence=item.sentence) if item.target else ""
        ),
        claim=charge(item.claim, item.sentence),
        responses=responses,
    )


def article_words(text: str) -> list[str]:
    """Return the capitalised words an article writes, as ``party`` reads a lone surname."""
    return [w for w in _CAPITALISED.findall(text) if w[0].isupper() and w[1:].islower()]


MONTHS = frozenset(kinds.MONTHS.split())
PROSECUTION = frozenset(kinds.PROSECUTION_NOUNS.split())
CLOSED_CLASS = frozenset(kinds.CLOSED_CLASS_TAGS.split())
_NUMBER = re.compile(r"^\d{1,4}$")


def plausible(item: Allegation, text: str = "") -> Allegation:
    """Return an item whose parties a reader can take for parties, read by the analyser.

    No party is better than a wrong one:

    * a date is no party ("задержали 1 февраля"); when the reader took a date for the target,
      an accuser with no nominative reading was the fronted object of a verb with no subject
      ("Азата Мифтахова задержали 1 февраля"): it is the target, and no one accuses;
    * the prosecution's genitive ("по версии обвинения") is shown as the side it names,
      "сторона обвинения", not as the charge noun;
    * an addressee in the dative after the speaker is not part of it ("заявил прокурор
      журналистам": "прокурор");
    * a capitalised adjective alone was cut from its noun: it gets the noun and a name after it
      ("Мексиканский наркобарон Хоакин Гусман", "Украинская сторона"), or is no party;
    * a place's genitive opening a party was cut from the role before it ("Генеральный
      прокурор Бразилии Ракель Додж", not "Бразилии Ракель Додж"), where the article names
      it: in the item's sentence, else where ``text`` first writes it (a pronoun's party is
      named in a sentence before); the role may open that sentence ("Экс-президент Перу Алан
      Гарсия"; "Перу" also reads "перо") or stand before "из" ("студент из Казахстана
      Азамат Тажаяков"), and is in the case of the name after the place;
    * a common noun alone that opens its sentence, or a party ending in an adjective, was cut
      from the genitive after it ("Министерство юстиции США", not "Министерство"; "комиссия
      Всемирного антидопингового агентства", not "комиссия Всемирного"): the genitive's words
      follow it up to its noun;
    * a word in a preposition's case after that preposition is no part of the party after it
      ("заявил в суде бывший соратник Гусмана": "бывший соратник Гусмана", not "суд бывший
      соратник Гусмана").
    """
    accuser, target = item.accuser, item.target
    if target and _date(target):
        first = accuser.split()[0] if accuser else ""
        fronted = bool(first) and first[:1].isupper() and NOMINATIVE not in _cases(first)
        accuser, target = ("", accuser) if fronted else (accuser, "")
    accuser = _whole(accuser, item.sentence, text) if accuser else ""
    target = _whole(target, item.sentence, text) if target else ""
    if (accuser, target) == (item.accuser, item.target):
        return item
    return replace(item, accuser=accuser, target=target)


def _date(name: str) -> bool:
    """Return True when a party is a date: a day and a month ("1 февраля")."""
    words = name.split()
    return (
        len(words) == 2
        and bool(_NUMBER.match(words[0]))
        and any(p.normal_form in MONTHS for p in _parses(words[1].lower()))
    )


def _whole(name: str, sentence: str, text: str = "") -> str:
    """Return a party as a reader names it (``plausible``), or "" when it names none."""
    name = _unglued(name, sentence)
    words = name.split()
    if len(words) == 1 and words[0].islower():
        if any(p.normal_form in PROSECUTION and p.tag.POS == NOUN for p in _parses(words[0])):
            return kinds.PROSECUTION_SHOWN
        return name
    last = words[-1]
    if len(words) > 1 and last.isalpha() and last.islower():
        readings = [p for p in _parses(last) if p.tag.POS == NOUN]
        speaker = [p for p in _parses(words[-2].lower()) if p.tag.POS == NOUN]
        told = readings and all(p.tag.case == kinds.DATIVE_CASE for p in readings)
        if told and any(p.tag.case == NOMINATIVE for p in speaker):
            return " ".join(words[:-1])  # "прокурор журналистам": the one the speaker told
    at = _find(name, sentence)
    if len(words) == 1 and _lone_adjective(words[0]):
        return _with_noun(name, sentence[at + len(name) :]) if at >= 0 else ""
    if at >= 0 and _cut_before_genitive(words, at):
        return " ".join([name, *_genitive(sentence[at + len(name) :])])
    if len(words) > 1 and _place_genitive(words[0]) and words[1][:1].isupper():
        where, before = (at, sentence) if at >= 0 else (_find(name, text), text)
        role = _role_before(before[:where], words[1]) if where > 0 else ""
        return f"{role} {name}" if role else name
    return name


def _cut_before_genitive(words: list[str], at: int) -> bool:
    """Return True when a party was cut before a genitive: a common noun alone opening its
    sentence, or a party whose last word can only be an adjective."""
    last = words[-1].lower()
    if not last.isalpha():
        return False
    readings = _parses(last)
    if len(words) == 1 and at == 0:
        return (
            words[0][:1].isupper()
            and any(
                p.tag.POS == NOUN and p.tag.case == NOMINATIVE and not NAME_TAGS & p.tag.grammemes
                for p in readings
            )
            and all(kinds.PLACE_TAG not in p.tag.grammemes for p in readings)
        )
    return (
        len(words) > 1
        and bool(readings)
        and all(p.tag.POS == kinds.ADJECTIVE_TAG for p in readings)
        and any(p.tag.case == kinds.GENITIVE_CASE for p in readings)
    )


def _genitive(rest: str) -> list[str]:
    """Return the words of a genitive opening ``rest`` up to its last noun, or []."""
    out: list[str] = []
    end = 0
    for word in rest.split()[:MAX_GENITIVE_WORDS]:
        bare = word.rstrip(",.;:")
        readings = _parses(bare.lower()) if bare.replace("-", "").isalpha() else []
        genitive = [p for p in readings if p.tag.case == kinds.GENITIVE_CASE]
        if not genitive or any(p.tag.POS in CLOSED_CLASS for p in readings):
            break
        out.append(bare)
        if any(p.tag.POS == NOUN for p in genitive):
            end = len(out)
        if bare != word:
            break
    return out[:end]


def _unglued(name: str, sentence: str) -> str:
    """Return a party without a word in a preposition's case that the preposition before it
    governs ("в суде бывший соратник Гусмана": "бывший соратник Гусмана")."""
    words = name.split()
    at = _find(name, sentence)
    if len(words) < 2 or at <= 0 or not words[0].isalpha() or not words[0].islower():
        return name
    before = sentence[:at].split()
    if not before or not any(p.tag.POS == kinds.PREPOSITION_TAG for p in _parses(before[-1])):
        return name
    readings = _parses(words[0])
    governed = bool(readings) and all(p.tag.case in OBLIQUE for p in readings)
    cases = {p.tag.case for p in _parses(words[1].lower())}
    # the word after opens a subject, not the genitive the word in the preposition's case
    # governs ("на теле певицы", "на почве ненависти")
    if not governed or NOMINATIVE not in cases or kinds.GENITIVE_CASE in cases:
        return name
    return " ".join(words[1:])


def _find(name: str, sentence: str) -> int:
    """Return where a party stands in its sentence as whole words, or -1."""
    found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence)
    return found.start() if found else -1


def _lone_adjective(word: str) -> bool:
    """Return True when a capitalised word can only be an adjective ("Украинская", not
    "Военный", a noun too, nor "Вишневский", a surname too)."""
    readings = _parses(word.lower())
    return (
        word[:1].isupper()
        and bool(readings)
        and all(p.tag.POS == kinds.ADJECTIVE_TAG for p in readings)
        and not any(NAME_TAGS & p.tag.grammemes for p in readings)
    )


def _with_noun(adjective: str, rest: str) -> str:
    """Return a lone adjective with the noun after it and the name after that, or ""."""
    words = rest.split()
    if not words or not words[0].isalpha() or not words[0].islower():
        return ""
    if not any(p.tag.POS == NOUN for p in _parses(words[0])):
        return ""
    out = [adjective, words[0]]
    for word in words[1 : MAX_NAME_WORDS + 1]:
        bare = word.rstrip(",.;:")
        if not (bare[:1].isupper() and bare.replace("-", "").isalpha()) or _closed_class(bare):
            break
        out.append(bare)
        if bare != word:
            break
    return " ".join(out)


def _place_genitive(word: str) -> bool:
    """Return True when a party's first word is a place's name in an oblique case only, or a
    place's name that does not decline ("Перу", which also reads "перо")."""
    readings = [p for p in _parses(word.lower()) if p.tag.POS == NOUN]
    places = [p for p in readings if kinds.PLACE_TAG in p.tag.grammemes]
    fixed = bool(places) and all(kinds.FIXED_TAG in p.tag.grammemes for p in places)
    return (
        word[:1].isupper()
        and bool(readings)
        and (fixed or all(kinds.PLACE_TAG in p.tag.grammemes for p in readings))
        and (fixed or all(p.tag.case in OBLIQUE for p in readings))
    )


def _role_before(before: str, name: str) -> str:
    """Return the role a place's genitive depends on, with its adjectives ("Генеральный
    прокурор", "студента из"), or "" when the word before is no common noun in the case of
    the name after the place, lower case or opening its sentence."""
    words = before.split()
    if len(words) > 1 and words[-1] in kinds.ORIGIN_PREPOSITIONS.split():
        words, origin = words[:-1], [words[-1]]  # "студента из Казахстана"
    else:
        origin = []
    if not words or not words[-1].replace("-", "").isalpha():
        return ""
    opens = len(words) == 1 or words[-2][-1:] in _SENTENCE_ENDS
    if not (words[-1].islower() or (opens and words[-1][1:].islower())):
        return ""
    cases = {NOMINATIVE, *(p.tag.case for p in _parses(name.lower()))}
    if not any(p.tag.POS == NOUN and p.tag.case in cases for p in _parses(words[-1].lower())):
        return ""
    role = [words[-1], *origin]
    for word in reversed(words[:-1]):
        if not word.isalpha() or not _lone_adjective(word[:1].upper() + word[1:]):
            break
        role.insert(0, word)
    return " ".join(role)


def _closed_class(word: str) -> bool:
    """Return True when a word may be a preposition, conjunction or particle ("Об")."""
    return any(p.tag.POS in CLOSED_CLASS for p in _parses(word.lower()))
