"""Number words as figures in the languages text2num does not read (``digests.quantities``).

text2num's ``alpha2digit`` reads English, French, Spanish, Portuguese, German, Dutch, Danish
and Italian. Russian, Ukrainian and Polish outlets spell figures as often ("сорок миллионов
рублей", "шестьсот жителей", "тысячей двумястами работниками", "czterystu pięćdziesięciu
pracowników", "сорок тисяч доларів"), and a number word declines with its noun: every case
of a word is here. The rules:

1. A run of number words, each apart by spaces, is one figure: units, teens, tens and
   hundreds add up, and a scale ("тысяча", "миллион", "миллиард", in any case) multiplies
   what came before it (one when nothing did): "тысяча двести" = 1200, "двести сорок
   миллионов" = 240,000,000, "полтора миллиарда" = 1,500,000,000 ("полтора", "полторы",
   "полутора" are one and a half). "Десяток" multiplies what came before it by ten ("три
   десятки" = 30; "сотня", "setka" by a hundred: "три сотни" = 300), and a run it opens is no
   figure ("десятки тисяч": tens of thousands).
2. "Один" and its forms alone stay words ("один из", "одна из школ", "jeden z"), as
   text2num keeps "one"; inside a run they count ("двадцать один"). Polish "pół" counts
   only before a scale ("pół miliona" = 500,000).
3. A scale word after digits is left to ``quantities`` ("12 млн", "40 миллионов").
4. The run is written back as digits, with what followed it: "шестьсот жителей" becomes
   "600 жителей", so a small count keys with its word ("восемь лет": ``#8:лет``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_RUSSIAN: dict[float, tuple[str, ...]] = {
    1: ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"),
    1.5: ("полтора", "полторы", "полутора"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трех", "трём", "трем", "тремя", "трёх"),
    4: ("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"),
    5: ("пять", "пяти", "пятью"),
    6: ("шесть", "шести", "шестью"),
    7: ("семь", "семи"),  # not "семью": "свою семью" is a family
    8: ("восемь", "восьми", "восемью", "восьмью"),
    9: ("девять", "девяти", "девятью"),
    10: ("десять", "десяти", "десятью"),
    11: ("одиннадцать", "одиннадцати", "одиннадцатью"),
    12: ("двенадцать", "двенадцати", "двенадцатью"),
    13: ("тринадцать", "тринадцати", "тринадцатью"),
    14: ("четырнадцать", "четырнадцати", "четырнадцатью"),
    15: ("пятнадцать", "пятнадцати", "пятнадцатью"),
    16: ("шестнадцать", "шестнадцати", "шестнадцатью"),
    17: ("семнадцать", "семнадцати", "семнадцатью"),
    18: ("восемнадцать", "восемнадцати", "восемнадцатью"),
    19: ("девятнадцать", "девятнадцати", "девятнадцатью"),
    20: ("двадцать", "двадцати", "двадцатью"),
    30: ("тридцать", "тридцати", "тридцатью"),
    40: ("сорок", "сорока"),
    50: ("пятьдесят", "пятидесяти", "пятьюдесятью"),
    60: ("шестьдесят", "шестидесяти", "шестьюдесятью"),
    70: ("семьдесят", "семидесяти", "семьюдесятью"),
    80: ("восемьдесят", "восьмидесяти", "восемьюдесятью"),
    90: ("девяносто", "девяноста"),
    100: ("сто", "ста"),
    200: ("двести", "двухсот", "двумстам", "двумястами", "двухстах"),
    300: ("триста", "трехсот", "трёхсот", "тремстам", "тремястами", "трехстах", "трёхстах"),
    400: ("четыреста", "четырехсот", "четырёхсот", "четыремстам", "четырьмястами"),
    500: ("пятьсот", "пятисот", "пятистам", "пятьюстами", "пятистах"),
    600: ("шестьсот", "шестисот", "шестистам", "шестьюстами", "шестистах"),
    700: ("семьсот", "семисот", "семистам", "семьюстами", "семистах"),
    800: ("восемьсот", "восьмисот", "восьмистам", "восемьюстами", "восьмистах"),
    900: ("девятьсот", "девятисот", "девятистам", "девятьюстами", "девятистах"),
}
_RUSSIAN_SCALES: dict[float, tuple[str, ...]] = {
    10: ("десяток", "десятка", "десятки", "десятков", "десятком", "десятками"),
    100: ("сотня", "сотни", "сотен", "сотню", "сотней", "сотнями", "сотнях"),
    1e3: ("тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячью", "тысячам", "тысячами"),
    1e6: ("миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионам"),
    1e9: ("миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиардам"),
}
_UKRAINIAN: dict[float, tuple[str, ...]] = {
    1: ("один", "одна", "одне", "одного", "одній", "одному", "одним", "одну", "однієї", "одною"),
    1.5: ("півтора", "півтори"),
    2: ("два", "дві", "двох", "двом", "двома"),
    3: ("три", "трьох", "трьом", "трьома"),
    4: ("чотири", "чотирьох", "чотирьом", "чотирма"),
    5: ("п'ять", "п'яти", "п'ятьох", "п'ятьом", "п'ятьма"),
    6: ("шість", "шести", "шістьох", "шістьом", "шістьма"),
    7: ("сім", "семи", "сімох", "сімом"),  # not "сьома": the seventh, seven o'clock
    8: ("вісім", "восьми", "вісьмох", "вісьмом", "вісьма"),
    9: ("дев'ять", "дев'яти", "дев'ятьох", "дев'ятьом", "дев'ятьма"),
    10: ("десять", "десяти", "десятьох", "десятьом", "десятьма"),
    11: ("одинадцять", "одинадцяти"),
    12: ("дванадцять", "дванадцяти"),
    13: ("тринадцять", "тринадцяти"),
    14: ("чотирнадцять", "чотирнадцяти"),
    15: ("п'ятнадцять", "п'ятнадцяти"),
    16: ("шістнадцять", "шістнадцяти"),
    17: ("сімнадцять", "сімнадцяти"),
    18: ("вісімнадцять", "вісімнадцяти"),
    19: ("дев'ятнадцять", "дев'ятнадцяти"),
    20: ("двадцять", "двадцяти", "двадцятьма"),
    30: ("тридцять", "тридцяти", "тридцятьма"),
    40: ("сорок", "сорока"),
    50: ("п'ятдесят", "п'ятдесяти", "п'ятдесятьма"),
    60: ("шістдесят", "шістдесяти", "шістдесятьма"),
    70: ("сімдесят", "сімдесяти", "сімдесятьма"),
    80: ("вісімдесят", "вісімдесяти", "вісімдесятьма"),
    90: ("дев'яносто", "дев'яноста"),
    100: ("сто", "ста"),
    200: ("двісті", "двохсот", "двомстам", "двомастами", "двохстах"),
    300: ("триста", "трьохсот", "трьомстам", "трьомастами", "трьохстах"),
    400: ("чотириста", "чотирьохсот", "чотирьомстам", "чотирмастами", "чотирьохстах"),
    500: ("п'ятсот", "п'ятисот", "п'ятистам", "п'ятьмастами", "п'ятистах"),
    600: ("шістсот", "шестисот", "шестистам", "шістьмастами", "шестистах"),
    700: ("сімсот", "семисот", "семистам", "сімомастами", "семистах"),
    800: ("вісімсот", "восьмисот", "восьмистам", "вісьмомастами", "восьмистах"),
    900: ("дев'ятсот", "дев'ятисот", "дев'ятистам", "дев'ятьмастами", "дев'ятистах"),
}
_UKRAINIAN_SCALES: dict[float, tuple[str, ...]] = {
    10: ("десяток", "десятка", "десятки", "десятків", "десятком", "десятками"),
    100: ("сотня", "сотні", "сотень", "сотню", "сотнею", "сотнями", "сотнях"),
    1e3: ("тисяча", "тисячі", "тисяч", "тисячу", "тисячею", "тисячам", "тисячами", "тисячах"),
    1e6: ("мільйон", "мільйона", "мільйони", "мільйонів", "мільйоном", "мільйонам"),
    1e9: ("мільярд", "мільярда", "мільярди", "мільярдів", "мільярдом", "мільярдам"),
}
_POLISH: dict[float, tuple[str, ...]] = {
    0.5: ("pół",),  # "pół miliona"; alone ("pół godziny") left to the word
    1: ("jeden", "jedna", "jedno", "jednego", "jednej", "jednemu", "jednym", "jedną"),
    1.5: ("półtora", "półtorej"),
    2: ("dwa", "dwie", "dwóch", "dwu", "dwom", "dwóm", "dwoma", "dwaj", "dwiema"),
    3: ("trzy", "trzech", "trzem", "trzema"),
    4: ("cztery", "czterech", "czterem", "czterema"),
    5: ("pięć", "pięciu", "pięcioma"),
    6: ("sześć", "sześciu", "sześcioma"),
    7: ("siedem", "siedmiu", "siedmioma"),
    8: ("osiem", "ośmiu", "ośmioma"),
    9: ("dziewięć", "dziewięciu", "dziewięcioma"),
    10: ("dziesięć", "dziesięciu", "dziesięcioma"),
    11: ("jedenaście", "jedenastu", "jedenastoma"),
    12: ("dwanaście", "dwunastu", "dwunastoma"),
    13: ("trzynaście", "trzynastu", "trzynastoma"),
    14: ("czternaście", "czternastu", "czternastoma"),
    15: ("piętnaście", "piętnastu", "piętnastoma"),
    16: ("szesnaście", "szesnastu", "szesnastoma"),
    17: ("siedemnaście", "siedemnastu", "siedemnastoma"),
    18: ("osiemnaście", "osiemnastu", "osiemnastoma"),
    19: ("dziewiętnaście", "dziewiętnastu", "dziewiętnastoma"),
    20: ("dwadzieścia", "dwudziestu", "dwudziestoma"),
    30: ("trzydzieści", "trzydziestu", "trzydziestoma"),
    40: ("czterdzieści", "czterdziestu", "czterdziestoma"),
    50: ("pięćdziesiąt", "pięćdziesięciu", "pięćdziesięcioma"),
    60: ("sześćdziesiąt", "sześćdziesięciu", "sześćdziesięcioma"),
    70: ("siedemdziesiąt", "siedemdziesięciu", "siedemdziesięcioma"),
    80: ("osiemdziesiąt", "osiemdziesięciu", "osiemdziesięcioma"),
    90: ("dziewięćdziesiąt", "dziewięćdziesięciu", "dziewięćdziesięcioma"),
    100: ("sto", "stu"),
    200: ("dwieście", "dwustu"),
    300: ("trzysta", "trzystu"),
    400: ("czterysta", "czterystu"),
    500: ("pięćset", "pięciuset"),
    600: ("sześćset", "sześciuset"),
    700: ("siedemset", "siedmiuset"),
    800: ("osiemset", "ośmiuset"),
    900: ("dziewięćset", "dziewięciuset"),
}
_POLISH_SCALES: dict[float, tuple[str, ...]] = {
    10: ("dziesiątka", "dziesiątki", "dziesiątek", "dziesiątkę", "dziesiątką", "dziesiątkami"),
    100: ("setka", "setki", "setek", "setkę", "setką", "setkami"),
    1e3: ("tysiąc", "tysiąca", "tysiące", "tysięcy", "tysiącem", "tysiącach", "tysiącami"),
    1e6: ("milion", "miliona", "miliony", "milionów", "milionem", "milionach", "milionami"),
    1e9: ("miliard", "miliarda", "miliardy", "miliardów", "miliardem", "miliardach"),
}
# Collective numbers count people, children and the young: "czternaścioro dzieci", "троє
# дітей", "пятеро детей" are 14, 3 and 5 as "czternastu", "три", "пять" are. Their other cases
# that are no cardinal's form ("czternaściorga", "двоих") are here too.
_POLISH_COLLECTIVE: dict[float, tuple[str, ...]] = {
    **{
        value: tuple(f"{base}{ending}" for ending in ("e", "ga", "gu", "giem"))
        for value, base in ((2, "dwoj"), (3, "troj"))
    },
    **{
        value: tuple(f"{base}{ending}" for ending in ("oro", "orga", "orgu", "orgiem"))
        for value, base in (
            (4, "czw"),
            (5, "pięci"),
            (6, "sześci"),
            (7, "siedmi"),
            (8, "ośmi"),
            (9, "dziewięci"),
            (10, "dziesięci"),
            (11, "jedenaści"),
            (12, "dwanaści"),
            (13, "trzynaści"),
            (14, "czternaści"),
            (15, "piętnaści"),
            (16, "szesnaści"),
            (17, "siedemnaści"),
            (18, "osiemnaści"),
            (19, "dziewiętnaści"),
            (20, "dwadzieści"),
        )
    },
}
_UKRAINIAN_COLLECTIVE: dict[float, tuple[str, ...]] = {
    2: ("двоє",),
    3: ("троє",),
    **{
        value: (f"{base}еро",)
        for value, base in (
            (4, "четв"),
            (5, "п'ят"),
            (6, "шест"),
            (7, "сем"),
            (8, "восьм"),
            (9, "дев'ят"),
            (10, "десят"),
        )
    },
}
_RUSSIAN_COLLECTIVE: dict[float, tuple[str, ...]] = {
    **{
        value: tuple(f"{base}{ending}" for ending in ("е", "их", "им", "ими"))
        for value, base in ((2, "дво"), (3, "тро"))
    },
    **{
        value: tuple(f"{base}{ending}" for ending in ("о", "ых", "ым", "ыми"))
        for value, base in (
            (4, "четвер"),
            (5, "пятер"),
            (6, "шестер"),
            (7, "семер"),
            (8, "восьмер"),
            (9, "девятер"),
            (10, "десятер"),
        )
    },
}

# "Десяток" (a ten) counts as a scale after a number ("три десятки павільйонів" = 30,
# "два десятка домов" = 20, "півтора десятки" = 15) and under a larger one ("три десятки
# тисяч" = 30,000); a run it opens is vague ("десятки тисяч людей": tens of thousands).
# "Сотня" and Polish "setka" (a hundred) and "dziesiątka" likewise: "Три сотни серебряных
# копеек" = 300, "понад три сотні аграріїв" = 300, "półtorej setki domów" = 150.
TENS = 10.0
COLLECTIVE_SCALES = frozenset({TENS, 100.0})

# Words that are no figure on their own: "один из", "jeden z", "pół godziny".
_LONE_WORDS = {
    "russian": frozenset(_RUSSIAN[1]),
    "ukrainian": frozenset(_UKRAINIAN[1]),
    "polish": frozenset((*_POLISH[1], *_POLISH[0.5])),
}

_LANGUAGES = {
    "russian": (_RUSSIAN, _RUSSIAN_COLLECTIVE, _RUSSIAN_SCALES),
    "ukrainian": (_UKRAINIAN, _UKRAINIAN_COLLECTIVE, _UKRAINIAN_SCALES),
    "polish": (_POLISH, _POLISH_COLLECTIVE, _POLISH_SCALES),
}


# A word with its apostrophes: Ukrainian "п'ять", "дев'ять" (and "сім'я", a family, no "сім").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


@lru_cache(maxsize=8)
def _tables(language: str) -> tuple[dict[str, float], dict[str, float]] | None:
    """Return a language's number words and its scales, by form."""
    made = _LANGUAGES.get(language)
    if made is None:
        return None
    numbers = {
        form: value for table in made[:2] for value, forms in table.items() for form in forms
    }
    scales = {form: value for value, forms in made[2].items() for form in forms}
    return numbers, scales


def _value(words: list[str], numbers: dict[str, float], scales: dict[str, float]) -> float:
    total = current = 0.0
    for word in words:
        if scales.get(word) in COLLECTIVE_SCALES:
            current = (current or 1.0) * scales[word]  # "три десятки тисяч": 30 of the next
        elif word in scales:
            total += (current or 1.0) * scales[word]
            current = 0.0
        else:
            current += numbers[word]
    return total + current


def spelled(text: str, language: str) -> str:
    """Return the text with its runs of number words written as digits (rules above), in a
    language this module reads; others unchanged.

    Read word by word (a pattern of every form, tried at every character, cost a Russian
    article a third more time to read).
    """
    tables = _tables(language)
    if tables is None:
        return text
    numbers, scales = tables
    lone = _LONE_WORDS.get(language, frozenset())
    runs: list[tuple[int, int, list[str]]] = []  # start, end, words of each run
    for match in _WORD.finditer(text):
        word = match[0].lower().translate(_APOSTROPHES)
        if word not in numbers and word not in scales:
            continue
        last = runs[-1] if runs else None
        between = text[last[1] : match.start()] if last is not None else ""
        if last is not None and between.isspace() and "\n" not in between:
            runs[-1] = (last[0], match.end(), [*last[2], word])
        elif match.start() == 0 or text[match.start() - 1] not in "0123456789.,":
            runs.append((match.start(), match.end(), [word]))
    if not runs:
        return text
    out: list[str] = []
    done = 0
    for start, end, words in runs:
        if len(words) == 1 and (words[0] in lone or words[0] in scales):
            continue  # "один из", "тысячи людей", "12 миллионов": no figure of their own
        if scales.get(words[0]) in COLLECTIVE_SCALES:
            continue  # "десятки тисяч людей", "сотни домов": tens, hundreds, no figure
        value = _value(words, numbers, scales)
        out += [text[done:start], f"{value:.0f}" if value == int(value) else f"{value:g}"]
        done = end
    return "".join([*out, text[done:]])
