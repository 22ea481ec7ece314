"""Quantities as keys: the same figure written two ways gives the same key.

Outlets rewriting one event state its figures each in their own way ("Eleven of its 24
wagons" / "11 wagons", "05:40" / "5.40am", "forty thousand" / "40,000", "12m euros" /
"€12 million", "half the staff" / "50% of staff"). The story matcher counts a shared figure
as evidence of one event, so each notation must key alike. The rules, in order:

1. **Clock times** become ``#t05:40``: "05:40", "5:40", "17h40", "5.40am", "5.40 a.m.",
   "5am" (``:00``), "5.40pm" (``17:40``), "12am" (``00:00``). A dot or a bare hour is a
   time only with am/pm ("5.40" alone is a decimal); the text of a time is not read again
   as numbers. Outside English a time is also written with a point by the language's word
   for the hour ("hacia las 10.30", "gegen 3.10 Uhr", "alle 6.40", "około 3.40", "a las
   4.52 horas"; not before a unit or a currency: "um 0.50 Franken") or with a spaced "h"
   ("vers 7 h 15"): ``_clock_times``.
2. **Number words** become digits by text2num's ``alpha2digit`` in the languages it reads
   (``WORD_LANGUAGES``: English, French, Spanish, Portuguese, German, Dutch, Danish,
   Italian): "Eleven" -> 11, "forty thousand" -> 40000, "six-hour" -> 6 hour,
   "zweiundzwanzig" -> 22. A lone "one" stays a word ("one of the", "no one"). Russian's,
   Ukrainian's and Polish's in every case by ``digests.number_words`` ("шестьсот жителей"
   -> 600, "полтора миллиарда" -> 1500000000, "czterystu pięćdziesięciu" -> 450). Other
   languages keep their number words unread (digits still count). An amount in words with
   its unit in the middle is one figure, outside English: "drei Euro und zwanzig Cent",
   "zwei Euro fünfzig", "un euro e cinquanta centesimi", "dos euros con cincuenta", "три
   рубля пятьдесят копеек" -> 3.2, 2.5, 1.5, 2.5, 3.5 as "3,20 Euro" (``_money_words``;
   without the small unit's word the cents end the phrase: "zwei Euro 30 Minuten" is two). "And a half" after a figure adds half its scale ("un million et demi",
   "два с половиной миллиона", "eineinhalb Millionen", Polish "dwa i pół miliona" with the
   half before the scale: ``_halves``); a Polish age in one word is its digits
   ("sześćdziesięciosiedmioletni" -> "67-letni"). Where a language
   groups thousands with a full stop or a space (``GROUPING_LANGUAGES``: "12.000",
   "11 000"), the group is one figure.
3. **Numbers** key by value with their magnitude applied: "12m", "12 mn", "12 million",
   "€12 million", "12,000,000" and "twelve million" -> ``#12000000``; "1.2bn", "1.2 billion"
   and "1,200 million" alike; "40k" = "40 thousand" = 40,000; the magnitude words of the
   languages above and Russian's, Ukrainian's and Polish's ("millions", "Millionen",
   "millones", "milliards", "mld", "млн", "тыс.", "тис.", "tys.", "milionów", "12 mila"...)
   count, also hyphened to the number ("a 310-million-dollar deal" = "$310 million", "2.5-billion-euro");
   a hyphened single letter is no magnitude ("the 200-m race", "a 40-k run"), nor "m" or
   "k" outside English unless a currency follows ("18 m" is metres, "1,5 M€" millions).
4. **Percentages** key as ``#4.5%``: "4.5%", "4.5 per cent", "4.5 percent", "4,5 %" ... and
   "half of" / "half the" / "half its" = ``#50%``.
5. **Dates** (a day of the month by a month's name in the text's language, from Babel's
   CLDR data: "4 June", "June 4th", "4. Juni", "4 juin", "4 июня") become ``#d06-04``,
   and their day is not read again as a number or count. A date says when, as a year
   does: two pieces about one fixture or ceremony share it, so the matcher gives a date,
   like a year, no weight as evidence.
6. **Small counts** (a whole number below ``SMALL``, 10, with no magnitude) say little
   alone ("3 dead", "4 years"): they key with the word they count, stemmed by the
   caller, ``#6:hour`` ("six hours", "6-hour", "six-hour"); before a stop word or none,
   nothing. Years are keyed like any number; the matcher weighs them as it likes.
7. **Spans of time** key with their unit whatever their size: "68 minutes",
   "a 41-year history", "41 years ago" -> ``#68:minut``, ``#41:year``, so that a span never
   matches a count ("68 minutes and 40 seconds" is no "40 fallen trunks"; the zoo's 41 years
   are no 41 hives); an age stays a bare number ("a 41-year-old", "aged 41 years old" = "41").
   A span told in two or three units ("two hours, nine minutes and 56 seconds", "68 minutes
   and 40 seconds") and a run time ("2:09:56") also key as their length in seconds
   (``#7796:second``), however an outlet writes it (English). Outside English the unit is
   keyed as English stems it ("25 минут", "25 Minuten" -> ``#25:minut``), years aside (an age
   is written so there), and a unit written once for two figures counts for both ("25 минут
   вместо 50": ``#50:minut``, no bare 50 to share with a fare of 50 roubles).
8. **Scores and tallies** ("3-2", "6–4", "a 31-12 vote"; two numbers of one or two digits
   joined by a hyphen or a dash) key as one figure, ``#3-2``: neither number is read again,
   so "beat City 2-1 in the final" gives no small count "#1:in" and shares its score with
   every report of the match, not its "2" with "two goals". French, Spanish, Italian and
   Portuguese write "27 à 13", "3 a 1", German "27 zu 13" (not after "de" or "entre", but
   "sur le score de 27 à 24", nor before a word other than a stop word: a range), other
   languages "3:1", "27:13" where that is no clock time.
   Outside English a score keys with its larger number first ("1:2" = "2:1" = ``#2-1``):
   outlets write the home side's goals first or the winner's.
9. **Vague amounts** in English ("hundreds of", "several hundred", "a few thousand", "tens
   of thousands") are no figure, though alpha2digit reads "hundreds" as 100: they key as
   ``#~hundred``, ``#~thousand`` (``VAGUE_PREFIX``), which the matcher counts as a word,
   not as a figure two reports share.

``measures`` reads something else: the masses a text states, in kilograms, and the ages of
the people it leaves unnamed (not "the 64-year-old Marwick" of a text naming "Hilda
Marwick"), for telling two events of one beat apart by their size (two
seizures at one port) or their people (two rescues on one mountain). ``magnitude_words``
reads the words that spell a figure's size and unit ("310 million euros": "million",
"euros"), which the matcher does not count as shared words again when it counts the figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from text_to_num import alpha2digit

from digests.language import NAMES
from digests.number_words import spelled

__all__ = [
    "DATE_PREFIX",
    "NUMBER_PREFIX",
    "SMALL",
    "TIME_PREFIX",
    "VAGUE_PREFIX",
    "WORD_LANGUAGES",
    "magnitude_words",
    "measures",
    "quantities",
    "small_numbers",
]

NUMBER_PREFIX = "#"
TIME_PREFIX = "#t"
DATE_PREFIX = "#d"
VAGUE_PREFIX = "#~"
SMALL = 10
# Stop words that are what a small count counts: "шесть человек", "sei persone", "six
# personnes" key a count of people as "sześć osób" and "six people" do.
COUNTED_STOP_WORDS = frozenset({"человек", "persone", "personnes"})

# sumy's language names -> text2num's codes.
WORD_LANGUAGES = {
    "english": "en",
    "french": "fr",
    "spanish": "es",
    "portuguese": "pt",
    "german": "de",
    "dutch": "nl",
    "danish": "da",
    "italian": "it",
}

_AM_PM = r"(?:(?P<ampm>[ap])\.?\s?m\b\.?)"
_TIME = re.compile(
    r"(?<![\w.,:])(?:"
    r"(?P<h1>[01]?\d|2[0-3])(?::|h(?=\d))(?P<m1>[0-5]\d)(?:\s?"
    + _AM_PM.replace("ampm", "ap1")
    + r")?"
    r"|(?P<h2>1[0-2]|0?\d)\.(?P<m2>[0-5]\d)\s?" + _AM_PM.replace("ampm", "ap2") + r""
    r"|(?P<h3>1[0-2]|0?\d)\s?" + _AM_PM.replace("ampm", "ap3") + r""
    r")(?![\w:])",
    re.IGNORECASE,
)
# What every time ``_TIME`` reads holds: a digit before ":", "h" or "." ("17:40", "17h40",
# "5.40pm") or before am/pm ("5pm", "5 a.m."). Looked for first, in one fast pass: most texts
# hold no time, and ``_TIME``'s look-behind is tried at every character.
_TIME_HINT = re.compile(r"\d(?:[:.h]|\s?[ap])", re.IGNORECASE)
_CLOCK_HINT = re.compile(r"\d(?:\.|\sh\s)\d", re.IGNORECASE)

_MAGNITUDE = {
    "k": 1e3,
    "thousand": 1e3,
    "tausend": 1e3,
    "mille": 1e3,
    "mil": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "millón": 1e6,
    "millones": 1e6,
    "milione": 1e6,
    "milioni": 1e6,
    "miliardo": 1e9,
    "miliardi": 1e9,
    "milhão": 1e6,
    "milhões": 1e6,
    "miljoen": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "mld": 1e9,
    "mrd": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "miljard": 1e9,
    "bilhão": 1e9,
    "bilhões": 1e9,
    # Russian and Ukrainian, short ("12 млн", "1,2 тыс.") and in every case a figure takes
    # ("40 миллионов", "1,5 миллиарда", "тысячей").
    **dict.fromkeys(
        ("тыс", "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами"), 1e3
    ),
    **dict.fromkeys(
        ("тис", "тисяча", "тисячі", "тисяч", "тисячу", "тисячею", "тисячам", "тисячами"), 1e3
    ),
    **dict.fromkeys(("млн", "миллион", "миллиона", "миллионов", "миллионам", "миллионы"), 1e6),
    **dict.fromkeys(
        ("мільйон", "мільйона", "мільйони", "мільйонів", "мільйонами", "мільйоном"), 1e6
    ),
    **dict.fromkeys(
        ("млрд", "миллиард", "миллиарда", "миллиардов", "миллиардам", "миллиарды"), 1e9
    ),
    **dict.fromkeys(("мільярд", "мільярда", "мільярди", "мільярдів", "мільярдами"), 1e9),
    # Polish ("1,3 tys.", "12 tysięcy", "3 mln", "1,2 mld", "trzech milionów") and Italian
    # ("12 mila", "12mila").
    **dict.fromkeys(
        ("tys", "tysiąc", "tysiąca", "tysiące", "tysięcy", "tysiącem", "tysiącach", "tysiącami"),
        1e3,
    ),
    **dict.fromkeys(
        ("milion", "miliona", "miliony", "milionów", "milionem", "milionach", "milionami"), 1e6
    ),
    **dict.fromkeys(("miliard", "miliarda", "miliardy", "miliardów", "miliardem"), 1e9),
    "mila": 1e3,
}
# "m" and "k" after a figure are a million and a thousand in English ("£12m", "40k"); in other
# languages "18 m" is metres and "5 k" nothing: there they count only before a currency
# ("1,5 M€", "200 k€"), as French writes millions and thousands of euros.
_LETTER_MAGNITUDES = frozenset({"m", "k"})
_CURRENCY_AFTER = re.compile(r"\s?[€£$¥]")
_PERCENT = (
    "%",
    "per cent",
    "percent",
    "pour cent",
    "prozent",
    "por ciento",
    "por cento",
    "procent",
    "процентов",
    "процента",
    "процент",
    "відсотків",
    "відсотка",
    "відсоток",
    "відсотки",
    "proc",  # Polish "15 proc."
    "procenta",
    "procentów",
)
_UNITS = sorted((u for u in [*_MAGNITUDE, *_PERCENT] if u != "%"), key=len, reverse=True)
_UNIT = "|".join(map(re.escape, _UNITS))
# After a hyphen ("310-million-dollar", "2.5-billion-euro", "a 5-per-cent rise"), a unit
# written as a word; not a single letter ("a 200-m race" is metres, "a 40-k run" kilometres).
_HYPHEN_UNIT = "|".join(re.escape(u) for u in _UNITS if len(u) > 1)
_NUMBER = re.compile(
    r"(?<![\w.,])[€£$¥]?\s?(?P<whole>\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
    r"(?P<fraction>[.,]\d+)?"
    r"(?:\s?(?P<unit>" + _UNIT + r")\b\.?|-(?P<hyphened>" + _HYPHEN_UNIT + r")\b|\s?(?P<pct>%))?"
    r"(?P<rest>(?:[\s-]+(?P<word>[^\W\d_]+))?)",
    re.IGNORECASE,
)
# "12 1000000" is what alpha2digit leaves of "12 millions": a power of a thousand after digits.
_SPELLED_MAGNITUDE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?!\d)|\d+)([.,]\d+)? (1000(?:000)*)\b"
)
# Units of time a span is counted in, by language (sumy's names): "68 minutes", "a 41-year
# history" key with the unit ("#68:minut", "#41:year") whatever their size, as small counts do.
# Each form maps to its unit as English stems it, so that the matcher reads a span alike in
# every language (``digests.stories._DURATION_UNITS``). Outside English years are left out: an
# age is written so there ("un homme de 41 ans", "41 Jahre alt", "41 год"), where English
# writes "41-year-old", and an age is a bare figure.
_SPAN_WORDS: dict[str, dict[str, str]] = {
    "english": {
        f"{unit}{plural}": stem
        for unit, stem in (
            ("second", "second"), ("minute", "minut"), ("hour", "hour"), ("day", "day"),
            ("week", "week"), ("month", "month"), ("year", "year"), ("decade", "decad"),
        )
        for plural in ("", "s")
    },
    "french": {
        **dict.fromkeys(("seconde", "secondes"), "second"),
        **dict.fromkeys(("minute", "minutes"), "minut"),
        **dict.fromkeys(("heure", "heures"), "hour"),
        **dict.fromkeys(("jour", "jours"), "day"),
        **dict.fromkeys(("semaine", "semaines"), "week"),
        **dict.fromkeys(("mois",), "month"),
    },
    "german": {
        **dict.fromkeys(("sekunde", "sekunden"), "second"),
        **dict.fromkeys(("minute", "minuten"), "minut"),
        **dict.fromkeys(("stunde", "stunden"), "hour"),
        **dict.fromkeys(("tag", "tage", "tagen"), "day"),
        **dict.fromkeys(("woche", "wochen"), "week"),
        **dict.fromkeys(("monat", "monate", "monaten"), "month"),
    },
    "spanish": {
        **dict.fromkeys(("segundo", "segundos"), "second"),
        **dict.fromkeys(("minuto", "minutos"), "minut"),
        **dict.fromkeys(("hora", "horas"), "hour"),
        **dict.fromkeys(("día", "días", "dia", "dias"), "day"),
        **dict.fromkeys(("semana", "semanas"), "week"),
        **dict.fromkeys(("mes", "meses"), "month"),
    },
    "portuguese": {
        **dict.fromkeys(("segundo", "segundos"), "second"),
        **dict.fromkeys(("minuto", "minutos"), "minut"),
        **dict.fromkeys(("hora", "horas"), "hour"),
        **dict.fromkeys(("dia", "dias"), "day"),
        **dict.fromkeys(("semana", "semanas"), "week"),
        **dict.fromkeys(("mês", "meses"), "month"),
    },
    "italian": {
        **dict.fromkeys(("secondo", "secondi"), "second"),
        **dict.fromkeys(("minuto", "minuti"), "minut"),
        **dict.fromkeys(("ora", "ore"), "hour"),
        **dict.fromkeys(("giorno", "giorni"), "day"),
        **dict.fromkeys(("settimana", "settimane"), "week"),
        **dict.fromkeys(("mese", "mesi"), "month"),
    },
    "russian": {
        **dict.fromkeys(("секунда", "секунды", "секунд", "секунду"), "second"),
        **dict.fromkeys(("минута", "минуты", "минут", "минуту"), "minut"),
        **dict.fromkeys(("час", "часа", "часов"), "hour"),
        **dict.fromkeys(("день", "дня", "дней", "суток"), "day"),
        **dict.fromkeys(("неделя", "недели", "недель", "неделю"), "week"),
        **dict.fromkeys(("месяц", "месяца", "месяцев"), "month"),
    },
    "ukrainian": {
        **dict.fromkeys(("секунда", "секунди", "секунд", "секунду"), "second"),
        **dict.fromkeys(("хвилина", "хвилини", "хвилин", "хвилину"), "minut"),
        **dict.fromkeys(("година", "години", "годин", "годину"), "hour"),
        **dict.fromkeys(("день", "дні", "днів", "доби"), "day"),
        **dict.fromkeys(("тиждень", "тижні", "тижнів"), "week"),
        **dict.fromkeys(("місяць", "місяці", "місяців"), "month"),
    },
    "polish": {
        **dict.fromkeys(("sekunda", "sekundy", "sekund", "sekundę"), "second"),
        **dict.fromkeys(("minuta", "minuty", "minut", "minutę"), "minut"),
        **dict.fromkeys(("godzina", "godziny", "godzin", "godzinę"), "hour"),
        **dict.fromkeys(("dzień", "dni"), "day"),
        **dict.fromkeys(("tydzień", "tygodnie", "tygodni"), "week"),
        **dict.fromkeys(("miesiąc", "miesiące", "miesięcy"), "month"),
    },
}  # fmt: skip
# A span's unit written once for two figures ("25 minutes instead of 50", "25 минут вместо 50"):
# the second figure is of the same unit, not a bare number another report's price may share.
# Not in English yet: its clustering was tuned on the bare figure (one English labelled text
# changes, "... 25 minutes rather than 35").
_INSTEAD = {
    "french": r"au lieu de|contre",
    "german": r"statt|anstatt|anstelle von",
    "spanish": r"en lugar de|en vez de",
    "portuguese": r"em vez de|ao invés de",
    "italian": r"invece di|anziché|anziche",
    "russian": r"вместо|против",
    "ukrainian": r"замість|проти",
    "polish": r"zamiast|wobec",
}
# A time run to the second, "2:09:56" (hours, minutes, seconds), and a span told in two or three
# units, "two hours, nine minutes and 56 seconds", "68 minutes and 40 seconds": one figure, its
# length in seconds ("#7796:second"), whichever way an outlet writes it.
_RUN = re.compile(r"(?<![\d:.,])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:]|[.,]\d)")
_SECONDS = {"hour": 3600, "minute": 60, "second": 1}
_SPAN_PART = r"(\d+(?:\.\d+)?)[\s-]+(hours?|minutes?|seconds?)\b"
_COMPOUND = re.compile(
    _SPAN_PART + r"(?:(?:\s*,\s*|\s+and\s+)" + _SPAN_PART + r")"
    r"(?:(?:\s*,\s*|\s+and\s+)" + _SPAN_PART + r")?",
    re.IGNORECASE,
)
# What makes a span an age ("a 41-year-old", "41 years old"): a figure of its own, no span.
_AGE = re.compile(r"[\s-]*old\b", re.IGNORECASE)
# A score or a tally, "3-2", "6–4", "31-12": no digit, word, decimal, time or date around it.
_SCORE = re.compile(r"(?<![\w.,:/–-])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\w:/%–-]|[.,]\d)")
# A road's or a line's code: capitals and a number ("CJP-110", "VC-412", "EB 12", "М-4"),
# written as "D941" is, and a number after "nr" ("drodze nr 618"): a name, no figure. Two
# reports of one road's different crashes shared the road's number as a figure (pt2, pl6).
# One capital before a space is a word ("W 2023 roku", "A 20 anni"), and a figure. An
# aircraft's or a vehicle's model, a capital and one or two small letters before a hyphen
# ("Ан-24", "Ту-154", "Ми-8"), is a name too: a crash landing and its airline's new route
# shared "Ан-24" as a figure (ru8).
_ROAD = re.compile(
    r"(\b(?:[A-ZÁÉÍÓÚÑÇА-ЯЄІЇ]{2,4}[- ]"
    r"|[A-ZА-ЯЄІЇ]-|[A-ZА-ЯЄІЇ][a-zа-яєії]{1,2}-|nr\.? ))\d{1,4}(?![\d.,]\d|\s?%)"
)
_HALF = re.compile(r"\bhalf (?=of\b|the\b|its\b|their\b|all\b)", re.IGNORECASE)
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# "Hundreds of", "several hundred", "tens of thousands": no figure, however alpha2digit reads it.
_VAGUE = re.compile(
    r"\b(?:(?:several|a few|few|many|some|tens|hundreds) (?:of )?)?"
    r"(?:hundreds|thousands|millions|billions)(?: of (?:thousands|millions))?\b"
    r"|\b(?:several|a few|many) (?:hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
# What every vague amount holds (``_VAGUE``), looked for first as ``_TIME_HINT`` is.
_VAGUE_HINT = re.compile(r"hundred|thousand|million|billion", re.IGNORECASE)


# A hedged figure ("almost", "nearly", "more than", "about") keys hedged too, "#≈50" beside
# "#50": the matcher reads it as agreeing with a figure it rounds, within a tenth ("майже 50
# сіл" of 46, "casi 60 %" of "56,2 %": ``digests.stories.hedged_numbers``). English keys
# figures as before; German too: "fast sechzig Prozent" joined a wind farm vote's two reports,
# and with them the firm's solar park the next day on the German words they share (de8).
HEDGED_PREFIX = "#≈"
_HEDGE_WORDS = (
    "casi|cerca de|alrededor de|más de|menos de|aproximadamente|en torno a|unos|unas"
    "|quase|perto de|mais de|menos de|por volta de|cerca de"
    "|quasi|circa|oltre|più di|meno di"
    "|près de|presque|environ|plus de|moins de"
    "|почти|около|более|менее|свыше|порядка|примерно|больше|меньше"
    "|майже|близько|понад|більше|менше|приблизно"
    "|prawie|niemal|niespełna|około|ponad|blisko|przeszło|ok\\."
)
_HEDGE = re.compile(
    rf"(?<![^\W\d_])(?:{_HEDGE_WORDS})\s+(?:(?:un|una|uno|um|uma)\s+)?$", re.IGNORECASE
)


def _hedged(text: str, start: int) -> bool:
    """Return whether the figure at ``start`` follows a hedge word (``_HEDGE``)."""
    return _HEDGE.search(text, max(0, start - 30), start) is not None


# Clock times outside English written with a point or a spaced "h": "hacia las 10.30", "gegen
# 3.10 Uhr", "alle 6.40", "około 3.40", "à 7 h 10". A point is a time only beside the
# language's word for the hour or o'clock, before or after it ("las", "alle", "um", "Uhr",
# "horas", "godz."; a decimal is written with a comma there, but "um 0.50 Franken" is a
# rise), and not before a unit or currency; "7 h 10" is a time wherever it is written.
_CLOCK_BEFORE = {
    "german": r"um|gegen|ab|bis|seit|vor|nach",
    "spanish": r"las|la",
    "italian": r"alle|delle|dalle|le|ore|verso|entro",
    "portuguese": r"às|as|das|pelas|até",
    "french": r"à|vers|de|dès|avant|après",
    "dutch": r"om|rond|tot|vanaf",
    "danish": r"kl\.|klokken",
    "polish": r"około|o|od|do|godz\.|godzinie",
    "russian": r"в|около|к|с|до",
    "ukrainian": r"о|об|близько|до|з|від",
}
_CLOCK_AFTER = r"Uhr|horas?|ore|heures?|uur|godz\.?|h\b|ч\.|час\w*|годин\w*"
_NOT_CLOCK = (
    r"(?!\s?(?:%|[€$£]|zł|eur|fr|chf|руб|грн|грив|km|kg|m\b|metr|tys|mln|mld|mil|proc|pct|por|"
    r"per|раз|млн|тыс|тис))"
)
_CLOCK_TIME = r"(?P<hour>[01]?\d|2[0-3])(?P<sep>\.|\s?h\s)(?P<minute>[0-5]\d)(?![\d,]|\.\d)"


_CLOCK = re.compile(
    rf"(?<![\w.,:]){_CLOCK_TIME}(?:\s?(?P<after>{_CLOCK_AFTER}))?{_NOT_CLOCK}", re.IGNORECASE
)


@lru_cache(maxsize=32)
def _clock_cue(language: str) -> re.Pattern[str] | None:
    """Return the pattern of the language's word for the hour ending where a time begins."""
    before = _CLOCK_BEFORE.get(language)
    return None if before is None else re.compile(rf"(?<![\w.])(?:{before})\s+\Z", re.IGNORECASE)


def _clock_times(text: str, language: str, found: set[str]) -> str:
    """Return the text with its clock times written with a point or a spaced "h" taken out
    (keyed in ``found``), outside English; see ``_CLOCK_BEFORE``."""
    cue = _clock_cue(language)

    def key(match: re.Match[str]) -> str:
        if match["sep"] == "." and not match["after"]:
            start = match.start()
            if cue is None or cue.search(text, max(0, start - 12), start) is None:
                return match[0]
        found.add(f"{TIME_PREFIX}{int(match['hour']):02d}:{match['minute']}")
        return " "

    return _CLOCK.sub(key, text)


def _times(text: str, language: str = "english") -> tuple[set[str], str]:
    found: set[str] = set()
    if language != "english" and _CLOCK_HINT.search(text) is not None:
        text = _clock_times(text, language, found)
    if _TIME_HINT.search(text) is None:
        return found, text

    def key(match: re.Match[str]) -> str:
        hour = int(match["h1"] or match["h2"] or match["h3"])
        minute = int(match["m1"] or match["m2"] or 0)
        ampm = (match["ap1"] or match["ap2"] or match["ap3"] or "").lower()
        if ampm and hour > 12:
            return match.group(0)  # "17:40pm" is no time anyone writes
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        found.add(f"{TIME_PREFIX}{hour:02d}:{minute:02d}")
        return " "

    return found, _TIME.sub(key, text)


_CODES = {name: code for code, name in NAMES.items()}


@lru_cache(maxsize=32)
def _date_pattern(
    language: str,
) -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str]] | None:
    """Return a language's pattern of dates, its months' numbers by name, and the pattern of
    the names alone (every date holds one: a text without one is not read for dates)."""
    code = _CODES.get(language)
    if code is None:
        return None
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context, locale).items():
            # As CLDR writes it or capitalised: "may" in English is a verb, not May.
            months[name] = months[name[:1].upper() + name[1:]] = number
    alternatives = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|\.)?"
    pattern = re.compile(
        r"(?<![\w.,:])(?:"
        + day.format("d1")
        + r"\s+(?:of\s+|de\s+)?(?P<m1>"
        + alternatives
        + r")|(?P<m2>"
        + alternatives
        + r")\s+"
        + day.format("d2")
        + r")(?![\w:])"
    )
    return pattern, months, re.compile(alternatives)


def _dates(text: str, language: str) -> tuple[set[str], str]:
    found: set[str] = set()
    made = _date_pattern(language)
    if made is None:
        return found, text
    pattern, months, names = made
    if names.search(text) is None:
        return found, text

    def key(match: re.Match[str]) -> str:
        day = int(match["d1"] or match["d2"])
        if not 1 <= day <= 31:
            return match.group(0)
        found.add(f"{DATE_PREFIX}{months[match['m1'] or match['m2']]:02d}-{day:02d}")
        return " "

    return found, pattern.sub(key, text)


def _elided(language: str, spans: dict[str, str]) -> re.Pattern[str] | None:
    """Return the pattern of a span whose unit stands for the figure after it (``_INSTEAD``)."""
    words = _INSTEAD.get(language)
    if words is None:
        return None
    return _elided_pattern(language, words, "|".join(map(re.escape, spans)))


@lru_cache(maxsize=16)
def _elided_pattern(language: str, words: str, units: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.,])(\d+(?:[.,]\d+)?)\s+({units})\s+(?:{words})\s+(\d+(?:[.,]\d+)?)(?![\w.,]\d|\w)",
        re.IGNORECASE,
    )


def _run(match: re.Match[str], found: set[str], stem: Callable[[str], str]) -> str:
    hours, minutes, seconds = (int(g) for g in match.groups())
    found.add(f"{NUMBER_PREFIX}{hours * 3600 + minutes * 60 + seconds}:{stem('seconds')}")
    return " "


def _span(match: re.Match[str], stem: Callable[[str], str]) -> str:
    groups = [g for g in match.groups() if g is not None]
    total = sum(
        float(groups[i]) * _SECONDS[groups[i + 1].lower().rstrip("s")]
        for i in range(0, len(groups), 2)
    )
    return f"{NUMBER_PREFIX}{total:g}:{stem('seconds')}"


def _multiply(match: re.Match[str]) -> str:
    return f"{_value(match[1], match[2] or '') * int(match[3]):.0f}"


def _value(whole: str, fraction: str) -> float:
    # "12,000,000" and "12.000.000" group thousands; "4,5" and "4.5" are decimals.
    digits = whole.replace(",", "").replace(".", "")
    return float(f"{digits}.{fraction[1:]}" if fraction else digits)


# Scores as other languages write them: "27 à 13" (French), "3 a 1" (Spanish, Italian,
# Portuguese), "31 zu 29" (German), not a range ("de 40 à 50 euros", "entre 3 a 5 años": after
# "de" but "le score de 27 à 24", or "entre", or before a word that is no stop word); and "3:1", "27:13" with a colon outside English, where
# it is no clock time (``_times`` took those first).
_SCORE_WORDS = {"french": "à", "spanish": "a", "italian": "a", "portuguese": "a", "german": "zu"}
_WORD_SCORE = {
    language: re.compile(
        r"(?<![\w.,:/–-])(?<!(?<!score )de )(?<!d')(?<!entre )(?<!tra )(?<!fra )(?<!da )"
        rf"(\d{{1,2}}) {word} (\d{{1,2}})(?![\w:/%–-]|[.,]\d)(?P<after>\s+[^\W\d_]+)?",
        re.IGNORECASE,
    )
    for language, word in _SCORE_WORDS.items()
}
_COLON_SCORE = re.compile(r"(?<![\w.,:/–-])(\d{1,2}):(\d{1,2})(?![\w:/%–-]|[.,]\d)")


# A score spelled out after its preposition, which the word reader leaves as words below two
# ("por tres a uno", "por dois a zero", "per tre reti a una", "par trois buts à un", "mit
# sieben zu vier"), and in Russian and Ukrainian after "счётом" / "рахунком" with a dash
# ("со счётом четыре — два"): read after the number words are figures (``_digits``), with
# the small words the reader leaves. Seven reports in five languages shared no figure with
# the match's other reports (es6, es7, pt3, pt4, it8, ru8).
_SMALL_WORDS = {
    "spanish": {"cero": 0, "uno": 1, "una": 1, "un": 1},
    "portuguese": {"zero": 0, "um": 1, "uma": 1},
    "italian": {"zero": 0, "uno": 1, "una": 1, "un": 1},
    "french": {"zéro": 0, "un": 1, "une": 1},
    "german": {"null": 0, "eins": 1, "einem": 1, "einen": 1, "ein": 1, "eine": 1},
    "polish": {"zero": 0, "zera": 0, "jeden": 1, "jedna": 1, "jednego": 1, "jednej": 1},
}
_GOAL_WORDS = r"(?:reti|gol|goles|gols|golos|buts|tore|treffer)"
# The goal word alone says score too, with no preposition before it: "Três golos a dois" (pt6);
# so does a win or a loss written just before it, kept as a word: "battuta uno a tre" (it9),
# "son succès vingt-quatre à dix-sept" (fr10) ("calati uno a uno", one by one, is none).
_SCORE_CUES = {
    "italian": r"battut[ao]|vint[ao]|pers[ao]|sconfitt[ao]|vittoria|successo|sconfitta",
    "french": r"succès|victoire|défaite|battue?s?|gagné|perdu",
}
_SPELLED_SCORE = {
    language: re.compile(
        rf"\b(?:(?:{before}) |(?P<cue>(?:{_SCORE_CUES.get(language, '(?!)')}) )"
        rf"|(?=(?:\d{{1,2}}|{small}) {_GOAL_WORDS} {word} ))"
        rf"(?P<first>\d{{1,2}}|{small}) (?:{_GOAL_WORDS} )?{word} (?P<second>\d{{1,2}}|{small})\b"
        r"(?![.,]?\d)(?P<after>\s+[^\W\d_]+)?",
        re.IGNORECASE,
    )
    for language, before, word in (
        ("spanish", "por", "a"),
        ("portuguese", "por", "a"),
        ("italian", "per", "a"),
        ("french", "par", "à"),
        ("german", "mit", "zu"),
    )
    if (small := "|".join(_SMALL_WORDS[language]))
}
# Polish writes a score spelled out with "do" and no word before it ("wygrała sześć do
# czterech", "po remisie cztery do czterech": pl5, pl9-pl12); not after "od", "z", "o", which
# make it a range or a change ("od dwóch do czterech", "z 3 do 5"), nor before a unit the stop
# words hold ("dwa do czterech lat").
_POLISH_SMALL = "|".join(_SMALL_WORDS["polish"])
_SPELLED_SCORE["polish"] = re.compile(
    r"(?<![\w.,:/–-])(?<!\bod )(?<!\bz )(?<!\bze )(?<!\bo )(?<!\bokoło )(?<!\bok\. )"
    rf"(?P<first>\d{{1,2}}|{_POLISH_SMALL}) do (?P<second>\d{{1,2}}|{_POLISH_SMALL})\b"
    r"(?![.,]?\d|\s?%)(?P<after>\s+[^\W\d_]+)?",
    re.IGNORECASE,
)
_SCORE_UNITS = frozenset({"lat", "roku", "tys", "zł", "godz", "raz"})  # stop words, yet units
# "Один", "ноль" are left as words by the reader: "з рахунком два — один" (uk10).
_DASH_SMALL = {"один": 1, "одна": 1, "ноль": 0, "нуль": 0}
_DASH_NUMBER = r"(\d{1,2}|один|одна|ноль|нуль)"
_DASH_SCORE = re.compile(
    rf"\b(?:сч[её]том|рахунком) {_DASH_NUMBER}\s?[—–-]\s?{_DASH_NUMBER}(?![\w:/%]|[.,]\d)",
    re.IGNORECASE,
)


def _dash_number(word: str) -> int:
    return int(word) if word.isdigit() else _DASH_SMALL[word.lower()]


def _spelled_scores(text: str, language: str, found: set[str], stop_words: Collection[str]) -> str:
    """Return the text without the scores spelled out (``_SPELLED_SCORE``, ``_DASH_SCORE``),
    keyed in ``found``; read after ``_digits``."""
    if language in ("russian", "ukrainian"):
        return _DASH_SCORE.sub(
            lambda m: _keep(found, score_key(_dash_number(m[1]), _dash_number(m[2]), language)),
            text,
        )
    pattern = _SPELLED_SCORE.get(language)
    if pattern is None:
        return text
    small = _SMALL_WORDS[language]

    def key(match: re.Match[str]) -> str:
        after = match["after"]
        if after is not None and (
            after.strip().lower() not in stop_words or after.strip().lower() in _SCORE_UNITS
        ):
            return match[0]  # "mit sieben zu vier Stimmen": a vote, "por 2 a 3 días" a range
        first, second = (
            int(g) if g.isdigit() else small[g.lower()] for g in match.group("first", "second")
        )
        found.add(score_key(first, second, language))
        return " " + (match.groupdict().get("cue") or "") + (after or "")

    return pattern.sub(key, text)


def _scores(text: str, language: str, found: set[str], stop_words: Collection[str]) -> str:
    """Return the text without the scores written in the language's own way, keyed in ``found``."""
    if language == "english":
        return text

    def key(match: re.Match[str]) -> str:
        after = match["after"] if "after" in match.re.groupindex else None
        if after is not None and after.strip().lower() not in stop_words:
            return match[0]  # "3 à 5 jours": a range of something
        found.add(score_key(int(match[1]), int(match[2]), language))
        return " " + (after or "")

    pattern = _WORD_SCORE.get(language)
    if pattern is not None and f" {_SCORE_WORDS[language]} " in text:
        text = pattern.sub(key, text)
    if ":" in text:
        text = _COLON_SCORE.sub(key, text)
    return text


# A road's number after its kind ("strada provinciale 27", "Sp 42", "Landesstraße 3170", "L
# 3170", "route départementale 47", "drodze wojewódzkiej nr 618", "трасі Н-03"): the road's
# name, which a look-alike on the same road (its repaving the evening before the landslide
# that closed it) writes as the event's reports do. Words case-blind, codes in capitals;
# German codes as Germany and Austria write them ("K 17", "St 2045", "B 145", "S 6").
_ROAD_KINDS = {
    "italian": (r"provinciale|statale|regionale|comunale|autostrada", r"S[PpSsRr]|A"),
    "french": (r"départementale|nationale|communale|route|autoroute", r"RN|RD|D|N|A"),
    "german": (r"\w*stra(?:ß|ss)e|autobahn", r"St|K|L|B|A|S"),
    "spanish": (r"carretera|autovía|autopista|nacional|comarcal", r"AP|CV|N|A|M"),
    "portuguese": (r"estrada|nacional|regional|municipal|autoestrada", r"EN|ER|IC|IP|N|A"),
    "polish": (
        r"drog\w*|drodze|krajow\w+|wojewódzk\w+|powiatow\w+|autostrad\w*|ekspresow\w+",
        r"DK|DW|S|A",
    ),
    "russian": (r"трасс\w*|шосс\w*|автодорог\w*", r"М|Р|А"),
    "ukrainian": (r"трас\w*|шосе|автодорог\w*", r"М|Н|Р|Т"),
}
_ROAD_NUMBER = {
    language: re.compile(
        rf"\b(?P<kind>(?i:{words})|{codes})(?: nr\.?| №)?[ -]?(?P<number>\d{{1,4}})\b(?![.,]\d)"
    )
    for language, (words, codes) in _ROAD_KINDS.items()
}


def road_numbers(text: str, language: str) -> list[tuple[str, str]]:
    """Return the roads a text names by their number, as (kind as written, number key)."""
    pattern = _ROAD_NUMBER.get(language)
    if pattern is None:
        return []
    return [(m["kind"], f"{NUMBER_PREFIX}{int(m['number'])}") for m in pattern.finditer(text)]


def score_key(first: int, second: int, language: str) -> str:
    """Return a score's key: ``#2-1``. Outside English the larger number first: one outlet
    writes the home side's goals first ("програли 1:2"), the next the winner's ("2:1")."""
    if language != "english" and second > first:
        first, second = second, first
    return f"{NUMBER_PREFIX}{first}-{second}"


def _keep(found: set[str], key: str) -> str:
    found.add(key)
    return " "


# A mass in tonnes, outside English: also keyed as its kilograms, which another report of
# the haul, the catch or the bell states ("trois tonnes" / "quelque 3 000 kilos", "1,2
# Tonnen" / "1200 Kilogramm", "tres toneladas" / "3.000 kilos").
_TONNES = frozenset(
    {
        *("tonne", "tonnes", "tonnen", "tonelada", "toneladas", "tonnellata", "tonnellate"),
        *("tona", "tony", "ton", "тонна", "тонны", "тонн", "тону", "тони"),
    }
)


def quantities(
    text: str,
    language: str = "english",
    *,
    stem: Callable[[str], str] = str.lower,
    stop_words: Collection[str] = (),
) -> set[str]:
    """Return the quantities of a text as keys: ``#12000000``, ``#4.5%``, ``#t05:40``, ``#6:hour``.

    ``language`` is sumy's name of the text's language; ``stem`` and ``stop_words`` serve
    the word a small count is keyed with.
    """
    spans = _SPAN_WORDS.get(language, {})
    runs: set[str] = set()
    if language == "english" and ":" in text:  # a run holds two colons: a text without one has none
        text = _RUN.sub(lambda m: _run(m, runs, stem), text)
    found, text = _times(text, language)
    found |= runs
    dates, text = _dates(text, language)
    found |= dates
    # Each pattern read in one pass: a sub's function keeps what it takes out.
    text = _SCORE.sub(lambda m: _keep(found, score_key(int(m[1]), int(m[2]), language)), text)
    text = _scores(text, language, found, stop_words)
    if language != "english":
        text = _ROAD.sub(r"\1", text)
    if language == "english" and _VAGUE_HINT.search(text) is not None:
        text = _VAGUE.sub(
            lambda m: _keep(found, f"{VAGUE_PREFIX}{m[0].split()[-1].lower().rstrip('s')}"), text
        )
    text = _digits(text, language)
    if language != "english":
        text = _spelled_scores(text, language, found, stop_words)
    if language == "english":
        found |= {_span(m, stem) for m in _COMPOUND.finditer(text)}
    elided = _elided(language, spans) if spans else None
    if elided is not None:
        text = elided.sub(lambda m: f"{m[0]} {m[2]}", text)
    if language == "english":
        text = _HALF.sub("50% ", text)
    for match in _NUMBER.finditer(text):
        whole, fraction = match["whole"], match["fraction"] or ""
        unit = (match["unit"] or match["hyphened"] or match["pct"] or "").lower().rstrip(".")
        value = _value(whole, fraction)
        hedged = language != "english" and _hedged(text, match.start())
        if unit == "%" or unit in _PERCENT:
            found.add(f"{NUMBER_PREFIX}{value:g}%")
            if hedged:
                found.add(f"{HEDGED_PREFIX}{value:g}%")
            if fraction and language != "english":
                found.add(f"{NUMBER_PREFIX}{int(value)}%")  # "56,2 %": "más de un 56 %"
            continue
        if (
            unit in _LETTER_MAGNITUDES
            and language != "english"
            and not _CURRENCY_AFTER.match(text, match.end("unit"))
        ):
            unit = ""  # "un sauropode de 18 m": metres
        value *= _MAGNITUDE.get(unit, 1.0)
        word = (match["word"] or "").lower()
        if language != "english" and not unit and word in _TONNES:
            found.add(f"{NUMBER_PREFIX}{value * 1000:.6g}")  # "trois tonnes": "3 000 kilos"
        if not unit and word in spans and not _AGE.match(text, match.end()):
            found.add(f"{NUMBER_PREFIX}{value:g}:{spans[word]}")
            continue
        if value < SMALL and not fraction and not unit:
            if word and (word not in stop_words or word in COUNTED_STOP_WORDS):
                found.add(f"{NUMBER_PREFIX}{value:g}:{stem(word)}")
            continue
        found.add(f"{NUMBER_PREFIX}{value:.6g}")
        if hedged:
            found.add(f"{HEDGED_PREFIX}{value:.6g}")
    return found


_CURRENCY = "€£$¥"


def magnitude_words(text: str) -> frozenset[str]:
    """Return the words that spell a figure's size and unit, lower case: "310 million euros"
    gives "million" and "euros", "12m euros" "euros", "$5 billion plan" "billion" (the
    symbol is the unit), "4,000 cables" nothing (no magnitude).

    ``quantities`` keys such a figure by its value alone; its words are the figure again.
    """
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        unit = (match["unit"] or match["hyphened"] or "").lower().rstrip(".")
        if unit not in _MAGNITUDE:
            continue
        if len(unit) > 1:
            found.add(unit)
        if match["word"] and match[0][:1] not in _CURRENCY:
            found.add(match["word"].lower())  # "$5 billion plan": the symbol is the unit
    return frozenset(found)


_SMALL_NUMBER = re.compile(r"(?<![\w.,])\d(?![\w]|[.,]\d)")


def small_numbers(text: str, language: str = "english") -> frozenset[int]:
    """Return the whole numbers below ``SMALL`` a text writes, in figures or words.

    Whatever follows them: "its crew of five were rescued" gives 5, which ``quantities``
    keys with no word (a stop word follows it), so says nothing of.
    """
    return frozenset(int(m[0]) for m in _SMALL_NUMBER.finditer(_digits(text, language)))


# Languages that mark decimals with a comma and group thousands with a full stop or a space
# ("12.000 Pendler", "11 000 spectateurs", "14 000 человек"; "1,5 Mrd."): such a group is one
# figure there, not 12.0 or 11 and 0. English writes "12,000" and "1.5".
GROUPING_LANGUAGES = frozenset(
    {
        "czech", "danish", "dutch", "finnish", "french", "german", "greek", "italian",
        "norwegian", "polish", "portuguese", "russian", "spanish", "swedish", "ukrainian",
    }
)  # fmt: skip
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:\.|[ \u00a0\u202f])\d{3})+(?!\d|[.,]\d)")
_GROUP_MARKS = re.compile(r"[. \u00a0\u202f]")


def _digits(text: str, language: str) -> str:
    """Return the text with its number words written as figures ("four thousand" -> "4000")
    in the languages the word reader knows, and figures grouped by thousands with a full
    stop or a space written solid where that is how the language groups them."""
    if language in GROUPING_LANGUAGES:
        text = _GROUPED.sub(lambda m: _GROUP_MARKS.sub("", m[0]), text)
    fractions = _FRACTIONS.get(language)
    if fractions is not None:
        text = fractions.sub(lambda m: _FRACTION_WORDS[m[0].lower()], text)
    if language == "polish" and "letn" in text:
        text = _POLISH_YEARS_OLD.sub(_polish_years_old, text)
    if language == "polish" and " pół " in text:
        text = _POLISH_HALVES.sub(_polish_half, text)
    if language == "italian" and "enn" in text:
        text = _ITALIAN_YEARS_OLD.sub(_italian_years_old, text)
    about = _ABOUT.get(language)
    if about is not None:
        text = about.sub(lambda m: _about(m, language), text)
    text = spelled(text, language)  # Russian (``digests.number_words``)
    code = WORD_LANGUAGES.get(language)
    if language == "german" and "halb" in text:
        text = _GERMAN_HALVES.sub(_german_half, text)
    if code is None:
        if language in _MONEY_LANGUAGES:
            text = _money_words(text, language)
        return _shares(_halves(text, language), language)
    if "-" in text:
        text = _WORD_HYPHEN.sub(" ", text)
    if language in _PERCENT_WORDS:
        text = _PERCENT_WORDS[language].sub(" %", text)
    # Line by line: a headline's last number word and the text's first are two numbers.
    text = "\n".join(alpha2digit(line, code, threshold=1.5) for line in text.split("\n"))
    # A spelled magnitude is left as " 1000", " 1000000"...: a text without that has none.
    text = _SPELLED_MAGNITUDE.sub(_multiply, text) if " 1000" in text else text
    pattern = _COLLECTIVE.get(language)
    if pattern is not None:
        text = pattern.sub(_collective, text)
    if language == "italian" and "100º" in text:
        text = _CENTESIMI.sub(r"\1 centesimi", text)  # alpha2digit's ordinal: "50 100º"
    text = _money_words(text, language)
    return _shares(_halves(text, language), language)


# An amount told in words with its unit in the middle, outside English: "drei Euro und zwanzig
# Cent", "zwei Euro fünfzig", "einen Euro achtzig", "un euro e cinquanta centesimi", "dos euros
# con cincuenta", "trois euros cinquante", "три рубля пятьдесят копеек" are what other reports
# write "3,20 Euro", "1,50 euro", "3,50 рубля". Read after the number words (the whole and the
# cents are digits by then; a lone "one" is still a word). Without the small unit's word the
# cents must end the phrase (a stop, or a word that counts nothing: "einem Euro fünfzig
# kostet", but not "zwei Euro 30 Minuten").
_MONEY_UNITS = (
    r"euros?|franken|francs?|franchi|franc|złot(?:y|ych|e)|zł|dólar(?:es)?|pesos?|reais|real|"
    r"рубл(?:ь|я|ей)|гривн(?:я|і|ю)|гривень"
)
_MONEY_SMALL = (
    r"cents?|céntimos?|centimos?|centimes?|centesimi|centesimo|cêntimos?|centavos?|rappen|"
    r"grosz(?:y|e)?|копе(?:йка|йки|ек)|копій(?:ка|ки|ок)"
)
_MONEY_HINTS = ("euro", "fran", "zł", "dólar", "peso", "real", "рубл", "гривн", "гривен")
_MONEY_ONE = r"ein|eine|einen|einem|un|una|uno|um|une|jeden|jedna|один|одна|одну"
_MONEY_AND = r"und|con|y|e|et|i|и|і|та"
_MONEY_LANGUAGES = frozenset({"russian", "ukrainian", "polish"})
_MONEY = re.compile(
    rf"(?<![\w.,])(?P<whole>\d+|{_MONEY_ONE})\s+(?P<unit>{_MONEY_UNITS})\s+"
    rf"(?:(?:{_MONEY_AND})\s+)?(?P<cents>\d{{1,2}})(?![\w.,]\d|\d)"
    rf"(?:\s+(?P<small>{_MONEY_SMALL})\b|(?=\s*(?:[.,;:!?)»«\"“”–-]|$)))",
    re.IGNORECASE | re.MULTILINE,
)
# Or before a lower-case word in German, where every noun has a capital: "fünfzig kostet".
_MONEY_GERMAN = re.compile(
    _MONEY.pattern.replace(r"|$)))", r"|$|(?-i:\s+[a-zäöüß]))))"), _MONEY.flags
)
# alpha2digit reads Italian "centesimi" (cents) as the ordinal "100º": "cinquanta centesimi" is
# left "50 100º", two figures.
_CENTESIMI = re.compile(r"(?<![\w.,])(\d+) 100º")


def _money(match: re.Match[str]) -> str:
    whole = match["whole"]
    whole = whole if whole.isdigit() else "1"
    return f"{whole},{int(match['cents']):02d} {match['unit']}"


def _money_words(text: str, language: str) -> str:
    """Return the text with its amounts in words with the unit in the middle written as one
    figure ("drei Euro und zwanzig Cent" -> "3,20 Euro"; ``_MONEY``)."""
    lower = text.lower()
    if not any(unit in lower for unit in _MONEY_HINTS):
        return text  # most texts name no such unit: spare them the pattern
    pattern = _MONEY_GERMAN if language == "german" else _MONEY
    return pattern.sub(_money, text)


# A share in words is a percentage, outside English: "jedna piąta" 20 %, "dwie trzecie" 67 %,
# and half a hundred is 50 ("майже півсотні сіл" of 46 villages). Read before the word reader,
# which would read the numerator alone; forms that are also a time ("un quart d'heure", "ein
# Viertel") or a thing ("um quarto") are left out.
_FRACTION_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "jedna piąta",
            "одна п'ята",
            "одна пʼята",
            "одна пятая",
            "una quinta parte",
            "un quinto",
            "um quinto",
            "un cinquième",
            "ein fünftel",
        ),
        "20 %",
    ),
    **dict.fromkeys(
        ("jedna czwarta", "одна четверта", "одна четвертая", "одна четвёртая", "una cuarta parte"),
        "25 %",
    ),
    **dict.fromkeys(
        (
            "jedna trzecia",
            "одна третина",
            "одна треть",
            "una tercera parte",
            "un tercio",
            "um terço",
            "un terzo",
            "un tiers",
            "ein drittel",
        ),
        "33 %",
    ),
    **dict.fromkeys(
        (
            "dwie trzecie",
            "дві третини",
            "две трети",
            "dos tercios",
            "dos terceras partes",
            "dois terços",
            "due terzi",
            "deux tiers",
            "zwei drittel",
        ),
        "67 %",
    ),
    **dict.fromkeys(("jedna dziesiąta", "одна десята", "одна десятая", "una décima parte"), "10 %"),
    **dict.fromkeys(("півсотні", "півсотня", "полсотни", "полсотня", "pół setki"), "50"),
}
_FRACTION = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w) for w in sorted(_FRACTION_WORDS, key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)
_FRACTIONS = {
    language: _FRACTION
    for language in (
        "polish",
        "ukrainian",
        "russian",
        "spanish",
        "portuguese",
        "italian",
        "french",
        "german",
    )
}
# "Six out of ten" is 60 %, outside English: "casi seis de cada diez votos" of "56,2 %" (es8).
# Read after the word reader ("6 de cada 10").
_SHARES = re.compile(
    r"(?<![\d.,])(\d) (?:de cada|em cada|su|sur|na|z|з|із|из) 10(?![\d.,]?\d)", re.IGNORECASE
)


def _shares(text: str, language: str) -> str:
    if language == "english" or " 10" not in text:
        return text
    return _SHARES.sub(lambda m: f"{int(m[1]) * 10} %", text)


# "Per cento" and its kin after a figure are a percentage; the word reader would read their
# hundred as a figure of its own ("56 por ciento" -> "56 por 100": 56 and 100, where the
# other report writes "56,2 %"): read as "%" before it (es8, fr7).
_PERCENT_WORDS = {
    language: re.compile(rf"(?<=[\w\d]) {words}\b", re.IGNORECASE)
    for language, words in (
        ("spanish", "por ciento"),
        ("portuguese", "por cento"),
        ("italian", "per cento"),
        ("french", "pour cent"),
    )
}


# "And a half" after a figure, in the languages that write it so: "un million et demi" (after
# the word reader, "1000000 et demi") is 1,500,000, "deux millions et demi" 2,500,000, "два с
# половиной миллиона" 2.5 million: half of the figure's scale is added. German joins it to the
# number word ("eineinhalb", "zweieinhalb", "anderthalb Millionen"), which the word reader
# leaves as it is. English "and a half" is not read yet.
_HALF_WORDS = {
    "french": r"et demie?",
    "spanish": r"y medi[oa]",
    "portuguese": r"e mei[oa]",
    "italian": r"e mezz[oa]",
    "russian": r"с половиной",
    "ukrainian": r"з половиною",
    "polish": r"i pół",
}
_HALVES = {
    language: re.compile(rf"(?<![\w.,])(\d+) {words}\b", re.IGNORECASE)
    for language, words in _HALF_WORDS.items()
}
_GERMAN_UNITS = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn")
_GERMAN_HALVES = re.compile(
    r"\b(?:(" + "|".join(_GERMAN_UNITS) + r")einhalb|(anderthalb))\b", re.IGNORECASE
)


# Polish writes the half before the scale ("dwa i pół miliona", "2 i pół tys."), which the
# number reader would read as two figures ("pół miliona" is 500,000): the scale is put before
# the half ("dwa miliony i pół", as French writes it) or, after digits, the half joined to them
# ("2,5 tys.").
_POLISH_HALVES = re.compile(
    r"\b(?P<whole>\d+|\w+) i pół (?P<scale>(?:tysi|milion|miliard)\w*|tys\.|mln\b|mld\b)",
    re.IGNORECASE,
)


def _polish_half(match: re.Match[str]) -> str:
    whole, scale = match["whole"], match["scale"]
    if whole.isdigit():
        return f"{whole},5 {scale}"
    if not spelled(whole, "polish").isdigit():
        return match[0]  # "dom i pół miliona": half a million, no whole before it
    return f"{whole} {scale} i pół"


# Polish writes an age of ten years or more as one word ("sześćdziesięciosiedmioletni",
# "dwudziestotrzyletnia") where another outlet writes "67-letni": the number's joining forms
# are read and the word written so. Ages under ten are left ("dwuletni kontrakt").
_POLISH_TENS = {
    "dwudziesto": 20,
    "trzydziesto": 30,
    "czterdziesto": 40,
    "pięćdziesięcio": 50,
    "sześćdziesięcio": 60,
    "siedemdziesięcio": 70,
    "osiemdziesięcio": 80,
    "dziewięćdziesięcio": 90,
}
_POLISH_TEENS = {
    "dziesięcio": 10,
    "jedenasto": 11,
    "dwunasto": 12,
    "trzynasto": 13,
    "czternasto": 14,
    "piętnasto": 15,
    "szesnasto": 16,
    "siedemnasto": 17,
    "osiemnasto": 18,
    "dziewiętnasto": 19,
}
_POLISH_UNITS = {
    "jedno": 1,
    "dwu": 2,
    "trzy": 3,
    "cztero": 4,
    "pięcio": 5,
    "sześcio": 6,
    "siedmio": 7,
    "ośmio": 8,
    "dziewięcio": 9,
}


def _years_old(
    tens: dict[str, int],
    units: dict[str, int],
    teens: dict[str, int],
    link: str,
    rest: str,
    end: str = "",
) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    """Return the pattern of an age written as one word (its tens, a ``link`` and a unit, or a
    teen, then the ending ``rest`` and ``end``) and its replacement: the age in digits and the
    ending ("67-letni", "18-enne")."""
    pattern = re.compile(
        rf"\b(?:(?P<tens>{'|'.join(tens)}){link}(?P<unit>{'|'.join(units)})?"
        rf"|(?P<teen>{'|'.join(teens)}))(?P<rest>{rest}){end}",
        re.IGNORECASE,
    )

    def digits(match: re.Match[str]) -> str:
        if match["teen"]:
            value = teens[match["teen"].lower()]
        else:
            value = tens[match["tens"].lower()]
            value += units[match["unit"].lower()] if match["unit"] else 0
        return f"{value}-{match['rest']}"

    return pattern, digits


_POLISH_YEARS_OLD, _polish_years_old = _years_old(
    _POLISH_TENS, _POLISH_UNITS, _POLISH_TEENS, "", r"letn\w*"
)


# Italian writes an age of ten years or more as one word ("diciottenne", "cinquantunenne",
# "ventottenne") where another outlet writes "18 anni" or "18enne": the number's word before
# "-enne" (its last vowel dropped) is read and the word written so. Ages under ten are left,
# and so is "ottenne" (it obtained).
_ITALIAN_TENS = {
    "vent": 20,
    "trent": 30,
    "quarant": 40,
    "cinquant": 50,
    "sessant": 60,
    "settant": 70,
    "ottant": 80,
    "novant": 90,
}
_ITALIAN_TEENS = {
    "dec": 10,
    "undic": 11,
    "dodic": 12,
    "tredic": 13,
    "quattordic": 14,
    "quindic": 15,
    "sedic": 16,
    "diciassett": 17,
    "diciott": 18,
    "diciannov": 19,
}
_ITALIAN_UNITS = {
    "un": 1,
    "du": 2,
    "tre": 3,
    "quattr": 4,
    "cinqu": 5,
    "sei": 6,
    "sett": 7,
    "ott": 8,
    "nov": 9,
}
_ITALIAN_YEARS_OLD, _italian_years_old = _years_old(
    _ITALIAN_TENS, _ITALIAN_UNITS, _ITALIAN_TEENS, "[aie]?", "enn[ei]", r"\b"
)


def _german_half(match: re.Match[str]) -> str:
    whole = _GERMAN_UNITS.index(match[1].lower()) + 1 if match[1] else 1
    return f"{whole},5"


def _half(match: re.Match[str]) -> str:
    value = int(match[1])
    scale = 1
    while value >= scale * 1000 and value % (scale * 1000) == 0:
        scale *= 1000
    total = value + scale / 2
    return f"{total:.0f}" if total == int(total) else f"{total:g}"


# A count of tens or hundreds after a figure the word reader wrote ("três dezenas de casas",
# "seis dezenas de pessoas", "dos centenares"): the figure times its ten or hundred, as
# ``digests.number_words`` reads "три десятки" and "три сотни". Without a figure before it
# ("centenas de pessoas", "une dizaine") the word is vague and stays a word; "dos centenares
# y medio" is 250.
_COLLECTIVE_WORDS = {
    "portuguese": {"dezena": 10, "dezenas": 10, "centena": 100, "centenas": 100},
    "spanish": {"decena": 10, "decenas": 10, "centenar": 100, "centenares": 100},
    "italian": {"decina": 10, "decine": 10, "centinaio": 100, "centinaia": 100},
    "french": {"dizaine": 10, "dizaines": 10, "centaine": 100, "centaines": 100},
}
_COLLECTIVE_SCALE = {w: scale for words in _COLLECTIVE_WORDS.values() for w, scale in words.items()}
_COLLECTIVE = {
    language: re.compile(
        rf"(?<![\w.,])(\d+) ({'|'.join(words)})( {_HALF_WORDS[language]})?\b(?![.,]\d)",
        re.IGNORECASE,
    )
    for language, words in _COLLECTIVE_WORDS.items()
}


# One of a count's round neighbours, written as a noun after "a": "une quatorzaine d'élèves",
# "une quatre-vingtaine de maisons", "una trentina di persone", "ein Dutzend Mitarbeiter".
# Each is the figure stated hedged, as "environ 14" is (German keys no hedge); the plural
# ("des dizaines", "Dutzende") and "une dizaine", "une centaine" (``_COLLECTIVE_WORDS``) stay
# vague words, and a quarantine of days ("une quarantaine de 14 jours") is no count.
_ABOUT_WORDS: dict[str, tuple[str, str, dict[str, int]]] = {
    "french": (
        "une",
        "environ",
        {
            "douzaine": 12,
            "quatorzaine": 14,
            "quinzaine": 15,
            "vingtaine": 20,
            "trentaine": 30,
            "quarantaine": 40,
            "cinquantaine": 50,
            "soixantaine": 60,
            "quatre-vingtaine": 80,
        },
    ),
    "italian": (
        "una",
        "circa",
        {
            "dozzina": 12,
            "quindicina": 15,
            "ventina": 20,
            "trentina": 30,
            "quarantina": 40,
            "cinquantina": 50,
            "sessantina": 60,
        },
    ),
    "spanish": ("una", "unos", {"docena": 12, "quincena": 15, "veintena": 20, "treintena": 30}),
    "portuguese": ("uma", "cerca de", {"dúzia": 12, "quinzena": 15, "vintena": 20}),
    "german": ("ein", "", {"dutzend": 12}),
}
_ABOUT = {
    language: re.compile(
        rf"(?<![\w-]){article}\s+({'|'.join(words)})\b(?!\s+(?:de|d'|d’|di)\s*\d)",
        re.IGNORECASE,
    )
    for language, (article, _, words) in _ABOUT_WORDS.items()
}


def _about(match: re.Match[str], language: str) -> str:
    _, hedge, words = _ABOUT_WORDS[language]
    return f"{hedge} {words[match[1].lower()]}".lstrip()


def _collective(match: re.Match[str]) -> str:
    scale = _COLLECTIVE_SCALE[match[2].lower()]
    return f"{int(match[1]) * scale + (scale // 2 if match[3] else 0)}"


def _halves(text: str, language: str) -> str:
    pattern = _HALVES.get(language)
    if pattern is None:
        return text
    return pattern.sub(_half, text)


# --- measures: an amount of a physical kind, for telling two events apart ------------------

# A unit's word (lower case, as written after the figure) -> its kind and factor to the
# kind's base unit (kilograms); no single letters ("5G", "4 t"). Only mass so far: a
# seizure, a haul, a cargo keeps its size all day. Left out: money, distances and counts
# (one event's reports state many sums, a 10km zone and a town 200km away, 38 evacuated and
# 4 injured) and areas and volumes (a fire's hectares and a spill's litres grow and are
# estimated again as the day goes on).
_MEASURES: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"), ("mass", 1.0)),
    **dict.fromkeys(("kilogramm", "kilogramme", "kilogrammes", "kilogramos"), ("mass", 1.0)),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons", "tonnen", "toneladas"), ("mass", 1e3)),
    **dict.fromkeys(("gram", "grams", "gramme", "grammes", "gramm"), ("mass", 1e-3)),
}
_MEASURE = re.compile(
    r"(?<![\w.,])(?P<whole>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<fraction>[.,]\d+)?"
    r"(?:\s?(?P<magnitude>"
    + "|".join(sorted(map(re.escape, _MAGNITUDE), key=len, reverse=True))
    + r")\b\.?)?[\s-]?(?P<unit>"
    + "|".join(sorted(map(re.escape, _MEASURES), key=len, reverse=True))
    + r")\b(?!\.\d)",
    re.IGNORECASE,
)


_MEASURE_WORD = re.compile(
    r"(?:\d|\b)(?:" + "|".join(sorted(map(re.escape, _MEASURES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


# Ages of people the text does not name (English): "a 41-year-old Canadian", "The man, 41,",
# "his client, 52,", "a woman aged 30". Not a named person's ("Vell, 56,": another report
# may name and age someone else of the event, a rival, a witness), nor a thing's
# ("Sprinter's 15-year-old record"), nor "aged six" of a past day ("started swimming aged six"),
# nor an age put before a name ("19-year-old Ellis Gorrell": an angle piece quotes its own people),
# or before a surname the text writes after a first name too ("the 76-year-old Pelosi" of
# "Nancy Pelosi"; "a 19-year-old Oxley man" is unnamed).
_YEARS_OLD = re.compile(
    r"(?<!'s )(?<!’s )\b(?P<age>\d{1,3})[- ]years?[- ]olds?\b(?!(?-i: [A-Z][a-z]+ [A-Z][a-z]+))"
    r"(?-i:(?= (?P<surname>[A-Z][a-z]+)\b))?",
    re.IGNORECASE,
)
_AGED = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?) [a-z]+"
    r"(?:, (?P<age>\d{1,3}),(?!\d)| aged (?P<aged>\d{1,3})\b(?![.,]\d))"
)
_AGE_WORD = re.compile(r"\byears?[- ]olds?\b|\baged\b|, \d{1,3},", re.IGNORECASE)
AGE_MAX = 110
# German ages ("der 19-jährige Fahrer", "die 19-Jährige", "ein 51 Jahre alter Autofahrer"),
# not one put before a first name and surname ("die 46-jährige Anna Berger"): every German
# noun has a capital, so only two capitalised words after the age read as a name.
_GERMAN_AGE = re.compile(
    r"\b(?P<age>\d{1,3})(?:-[jJ]ährige[nrsm]?| Jahre alte[nrsm]?)\b"
    r"(?! [A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ][a-zäöüß]+\b)"
)
_GERMAN_AGE_WORD = re.compile(r"[jJ]ährige|Jahre alte")


def _ages(text: str) -> set[float]:
    found = {
        float(m["age"])
        for m in _YEARS_OLD.finditer(text)
        if not (m["surname"] and re.search(rf"\b[A-Z][a-z]+ {m['surname']}\b", text))
    }
    for m in _AGED.finditer(text):
        if m["aged"] and m[0][0] not in "Aa":
            continue  # "at the centre aged six": only "a man aged 41" is a person's age
        found.add(float(m["age"] or m["aged"]))
    return {v for v in found if 0 < v <= AGE_MAX}


def _german_ages(text: str) -> set[float]:
    found = {float(m["age"]) for m in _GERMAN_AGE.finditer(text)}
    return {v for v in found if 0 < v <= AGE_MAX}


def measures(text: str, language: str = "english") -> dict[str, frozenset[float]]:
    """Return the amounts of each kind (mass, age) a text states, in the kind's base unit.

    ``{"mass": {4100.0}}`` for "4,100kg", "4.1 tonnes" or "four thousand one hundred
    kilograms": the notations read as ``quantities`` reads them, the units converted. Two
    reports of one seizure, spill or fire state its size alike (rounded at most); two
    seizures at one port on one day state two sizes. ``"age"`` (English): the ages in years
    of people the text leaves unnamed ("a 41-year-old Canadian", "the guide, 36,", "a man
    aged 41"): two reports of one rescue give the climber's age alike, two rescues on one
    mountain two ages. German too ("der 19-jährige Fahrer", "ein 51 Jahre alter
    Autofahrer"): a German look-alike's names count as its words (every noun has a
    capital), and the ages of its people tell it apart.
    """
    english = language == "english"
    german = language == "german" and _GERMAN_AGE_WORD.search(text) is not None
    if not _MEASURE_WORD.search(text) and not (english and _AGE_WORD.search(text)) and not german:
        return {}  # most texts name no unit: spare them the reading of number words
    _, text = _times(text, language)
    _, text = _dates(text, language)
    if english:
        text = _VAGUE.sub(" ", text)
    text = _digits(text, language)
    found: dict[str, set[float]] = {}
    if english and (ages := _ages(text)):
        found["age"] = ages
    if german and (ages := _german_ages(text)):
        found["age"] = ages
    for match in _MEASURE.finditer(text):
        kind, factor = _MEASURES[match["unit"].lower()]
        value = _value(match["whole"], match["fraction"] or "")
        value *= _MAGNITUDE.get((match["magnitude"] or "").lower().rstrip("."), 1.0) * factor
        found.setdefault(kind, set()).add(value)
    return {kind: frozenset(values) for kind, values in found.items()}
