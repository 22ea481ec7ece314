"""Hebrew and Arabic words written with a preposition, conjunction or article joined on.

Hebrew writes ו ה ב כ ל מ ש onto the word ("בחיפה", in Haifa); Arabic و ف, ب ك ل and the
article ال, ل with the article as لل ("بحيفا", "والحكومة", "للحكومة"). A word index that holds
the whole word finds none of these by the bare word. The rules, in order:

1. **Script.** A text is read by Hebrew rules word by word (a word of Hebrew letters), unless
   it has Yiddish's letters (װ ױ ײ); by Arabic rules when its Arabic-script letters are all
   Arabic's: a text with a letter of Persian, Urdu, Pashto, Kurdish or Uyghur (ی ک پ گ ے ...,
   U+0671-U+06FF) or a zero-width non-joiner is left as it is. Persian writes "و" and "به"
   apart and joins "ب" only to verbs ("بگوید"): cut, "برای" (for) would become "رای" (vote).
   The text decides, not the article's language, which processing settles after the article
   is indexed (an entry must be taken out of the index in the form it went in).
2. **Proclitics.** Hebrew: ו, then ש / כש / מש, then one of ב כ ל מ ה מה, at least one
   letter. Arabic: و or ف, then لل, or ب / ك / ل, then ال, at least one. The longest such start
   is cut that leaves at least ``MIN_LETTERS`` letters (2 Hebrew, 3 Arabic); shorter starts
   are tried in turn.
3. **Whole words.** A word (or what a shorter cut leaves) in ``WHOLE_WORDS``, a list of common
   words that merely start with such letters ("מדינה", "ממשלה", "لبنان", "وزير"), is not cut
   further: "ומדינה" is "מדינה", never "דינה".
4. **Bare copy.** ``with_bare_words`` keeps the text and adds after it, on a new line, the
   text with every such word bare ("ראש הממשלה בחיפה" + "ראש ממשלה חיפה"), so that an exact
   search still finds the word as written and a phrase of bare words finds the words with
   their proclitics; other text (English, Persian...) is returned as it is, byte for byte.
   The search index holds titles and texts so (``store.search_index``), keyword filters read
   the same (``compose``), and a searched word or keyword also stands for its bare form
   (``bare_copy``): "الحكومة" finds "والحكومة", "حكومة" finds both.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["MIN_LETTERS", "WHOLE_WORDS", "bare_copy", "bare_word", "with_bare_words"]

MIN_LETTERS = {"he": 2, "ar": 3}

_HEBREW_WORD = re.compile("[\u05d0-\u05ea]+")
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")
# Letters of other languages written in these scripts: their text is left as it is (rule 1).
_EITHER = re.compile("[\u05d0-\u05ea\u0621-\u063a\u0641-\u064a]")
_NOT_HEBREW = re.compile("[\u05f0-\u05f2\ufb1d-\ufb4f]")
_NOT_ARABIC = re.compile("[\u0671-\u06ff\u200c]")

_HEBREW_START = re.compile("(ו?)(ש|כש|מש)?(מה|ב|כ|ל|מ|ה)?")
_ARABIC_START = re.compile("([وف]?)(لل|[بكل]?ال|[بكل])?")

# Common words that start with a proclitic's letters but are whole (rule 3): news words,
# names and function words. What matters is a cut that leaves another real word ("מדינה":
# "דינה"), or a common one, whose every use would otherwise add a stray entry.
_HEBREW_WHOLE = """
        הוא היא הם הן היה היו היתה הייתה הזה הזאת האלה הנה הרבה הכל הכול היום היכן
        מה מי מדינה מדינת מדינות ממשלה ממשלת משטרה משטרת מלחמה מלחמת מלך מלכה משפט משפחה
        משרד מספר מקום מעט מאוד מאד מול מתוך מאז מכל מנהל מערכת מטוס מרכז מזרח מערב מצב
        מאות מיליון מיליארד מנהיג משה מרים מיכאל מוסקבה מצרים משא מגן מחיר מחירים מים מכון
        בית בין בוקר בחירות ברית בגלל בסיס בנק בנימין ברלין בריטניה ביידן בגדד
        כל כי כך כמו כן כבר כדי כאשר כסף כוח כוחות כהן כנסת כתב כביש
        לא לו לה לב לכן לפני לפי לבנון לונדון לוב לילה לחם לוחם לוחמים ליד לאחר
        של שם שנה שנים שני שנית שלום שר שרה שבוע שעה שעות שלושה שלוש שוב שלא שלה שלו
        ועד ועדה ועדת וושינגטון
        הודיע הודיעה הודיעו הודעה הגיע הגיעה הגיעו הכריז הכריזה הדגיש הדגישה הוסיף הוסיפה
        הורה הזהיר הציג הציע הצעה החליט החליטה החליטו החלטה הסביר הראה הראו הביע הפך
        הצפה הצפות הסכם הסכמים הפגנה הפגנות הגנה הצבעה השקעה הנהלה הערכה התקפה הרים
        מחר ממנו ממנה מזג מעצר משחק משחקים מידע מבצע מועצה מפלגה מחאה מחקר מקרה מתקפה
        מטרה מכונית מורה מבחן משבר מדיניות משפחות
        בתי בני בנו בנה בחר ביקר ביקש ביקשה בעיה בעל ברור ביטחון בטחון בדיקה
        כבד כבדה כלכלה כוכב כיוון כתובת לחימה לקוח לימודים
        שער שערים שאלה שביתה שגריר שדה שוק שופט שחקן שחקנים שלטון שליט שריפה שמש
"""
_ARABIC_WHOLE = """
        الله الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي الى الا الان الآن
        والد والدة والده والدته والي والى والا
        وزير وزيرة وزراء وزارة وقت وفد وضع وصل وطن وطني وطنية ولاية ولايات واشنطن وكالة
        وسط وجه وجود وحدة واحد واحدة وراء وثيقة ورقة وسائل
        فلسطين فلسطيني فلسطينية فلسطينيين فرنسا فرنسي فرنسية فريق فقط فيه فيها فترة فوز
        فكرة فرصة فندق فيلم فبراير
        بين بعد بلد بلاد بيت بيروت بغداد بريطانيا بريطاني برلمان بيان بنك بيع بوتين بايدن
        برلين بكين بحر بحث بدأ بدء بناء
        لبنان لبناني لبنانية ليبيا لندن لكن لدى لقاء لجنة لعب لاعب لحظة لون ليلة
        كان كانت كانوا كل كبير كبيرة كيف كلمة كرة كندا كأس كوريا كورونا كتاب كلية كمية
"""
WHOLE_WORDS = {"he": frozenset(_HEBREW_WHOLE.split()), "ar": frozenset(_ARABIC_WHOLE.split())}


def _scripts(text: str) -> tuple[bool, bool]:
    """Return whether text is read by Hebrew rules, and by Arabic rules (rule 1)."""
    hebrew = _HEBREW_WORD.search(text) is not None and _NOT_HEBREW.search(text) is None
    arabic = _ARABIC_WORD.search(text) is not None and _NOT_ARABIC.search(text) is None
    return hebrew, arabic


@lru_cache(maxsize=65_536)
def bare_word(word: str, script: str) -> str | None:
    """Return a word of one script ("he" or "ar") without its proclitics, or None when it
    has none by the rules (2 and 3)."""
    whole = WHOLE_WORDS[script]
    if word in whole:
        return None
    start = (_HEBREW_START if script == "he" else _ARABIC_START).match(word)
    assert start is not None  # every part is optional
    parts = [p for p in start.groups() if p]
    # Cuts from the longest to the shortest: each drops the last proclitic of the one before.
    for count in range(len(parts), 0, -1):
        cut = sum(len(p) for p in parts[:count])
        rest = word[cut:]
        if len(rest) < MIN_LETTERS[script]:
            continue
        # What a shorter cut leaves is a whole word: cut no further than it (rule 3).
        for shorter in range(1, count):
            kept = word[sum(len(p) for p in parts[:shorter]) :]
            if kept in whole:
                return kept
        return rest
    return None


def _bare_text(text: str, hebrew: bool, arabic: bool) -> str:
    if hebrew:
        text = _HEBREW_WORD.sub(lambda m: bare_word(m.group(), "he") or m.group(), text)
    if arabic:
        text = _ARABIC_WORD.sub(lambda m: bare_word(m.group(), "ar") or m.group(), text)
    return text


def bare_copy(text: str) -> str | None:
    """Return text with every word that has a proclitic bare, or None if none has (rule 4)."""
    if _EITHER.search(text) is None:
        return None  # most text: one scan
    hebrew, arabic = _scripts(text)
    if not (hebrew or arabic):
        return None
    bare = _bare_text(text, hebrew, arabic)
    return bare if bare != text else None


def with_bare_words(text: str) -> str:
    """Return text as the index holds it: the text, then its bare copy (rule 4)."""
    bare = bare_copy(text)
    return text if bare is None else f"{text}\n{bare}"
