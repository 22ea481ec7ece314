"""Text its publisher encoded twice, read back as written: "MÃ¼ller" is "Müller".

A publisher whose software read UTF-8 text as windows-1252 (or latin-1) and wrote it out
again as UTF-8 serves every letter beyond ASCII as two or three others: "MÃ¼ller",
"Ð”ÑƒÑ€Ð¾Ð²" (Дуров), "donâ€™t", "Ã©tÃ©". The bytes are valid UTF-8 and ``charsets`` reads
them right; it is the text they hold that is wrong, which the bytes alone cannot tell.

The rules (``unmangled``):

1. ASCII text is right as it is (no letter was encoded twice).
2. Otherwise ftfy's ``fix_encoding`` decides (its encoding steps only): text that does not
   look like mojibake by its rules (letters of one script with their accents, an Icelandic
   "Ð" in "Ðað", a lone "Ã") is left as it is; text that does, and reads as UTF-8 once its
   characters are taken back to windows-1252 or latin-1 bytes, is that UTF-8, whole or in
   the pieces that are mojibake (a correct title with one curly quote encoded twice).
   ftfy's other fixes (curly quotes straight, full-width letters narrow, ligatures apart,
   HTML entities) change text that is right, and are not used.
3. ftfy leaves a short text with few such letters as it is when it cannot tell ("Ã…" may
   be "Å"). Read back whole to single bytes, it is still taken when those bytes are UTF-8
   and make two letters or more ("æ–°é—»" is "新闻"), or when a capital that starts such a
   letter follows a small letter, or a letter of three bytes stands between two small ones
   ("RzÄ…d" is "Rząd", "Nguyá»…n" is "Nguyễn": words do not change case so). One
   letter by chance is common ("MARQUÉ…", "Brontë…”"), two are not; a no-break space after
   a capital is a space ("SELKÄ\xa0EDELLÄ"), so text holding one is not read back whole.
4. It runs first in ``extract.clean_text``, before control characters go: text read as
   latin-1 holds C1 controls where windows-1252 has letters ("Ñ\\x81" for "с").

Known to be changed though right: "Ã" before a space, ftfy's reading of "à" whose no-break
space was lost ("voilÃ le travail"), so a text about encodings quoting it. Measured
(``bench/mojibake.py``, bench/RESULTS.md): no false repair on 120,000 correct texts (CLDR
names in 290 languages, the bot's catalogs, the tests' news texts, BBC articles) nor on
ftfy's 31 negative cases; every news text encoded twice read back, and 99.6 % of the short
CLDR names (the rest one ambiguous letter each: "Ã…landeilande" may be right).
"""

from __future__ import annotations

import re

import ftfy

# Only the steps that undo text encoded twice; every other fix of ftfy's is off.
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


# windows-1252 leaves five bytes undefined: software that read UTF-8 as windows-1252 gave
# them their latin-1 characters (C1 controls), as browsers do.
_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
_SINGLE = [
    chr(b) if b < 0x80 or b in _UNDEFINED else bytes([b]).decode("cp1252") for b in range(256)
]
# Each character back to the byte it was read from: windows-1252's, and latin-1's.
_BYTE = {ord(c): b for b, c in enumerate(_SINGLE)} | {b: b for b in range(0x80, 0x100)}
# What a UTF-8 continuation byte (0x80-0xBF) reads as, in windows-1252 and in latin-1: the
# second and third characters of a letter encoded twice (migration 046 looks for them).
CONTINUATION = "".join(
    sorted({_SINGLE[b] for b in range(0x80, 0xC0)} | {chr(b) for b in range(0x80, 0xC0)})
)
# Letters beyond ASCII the whole text must make, read back, when ftfy left it as it is: one
# may be chance ("MARQUÉ…" reads as "MARQUɅ"), two are not ("æ–°é—»" is "新闻").
_LETTERS = 2
# A letter encoded twice inside a word, after a small letter: a capital that reads as the
# first byte of a two-byte letter and a character read from a continuation byte ("Ä…" of
# "RzÄ…d", "taniejÄ…"), or a small one that reads as the first of three and two such
# characters, a small letter after them ("á»…" of "Nguyá»…n"). Words do not change case so,
# nor hold punctuation between their letters ("MARQUÉ…", "Brontë…”" stay).
_SMALL = "a-z\u00df-\u00f6\u00f8-\u00ff"
_PART = f"[{re.escape(CONTINUATION)}]"
_IN_WORD = re.compile(
    f"(?<=[{_SMALL}])(?:[\u00c2-\u00de]{_PART}|[\u00e0-\u00ef]{_PART}{{2}}(?=[{_SMALL}]))"
)


def unmangled(text: str) -> str:
    """Return text with what its publisher encoded twice read back (rules above)."""
    if text.isascii():
        return text
    fixed = ftfy.fix_encoding(text, _CONFIG)
    if fixed != text:
        return fixed
    # A no-break space after a capital is a space ("SELKÄ\xa0EDELLÄ"), not half of "à".
    whole = None if "\xa0" in text else _whole(text)
    if whole is None or whole == text:
        return text
    if _IN_WORD.search(text) or sum(c > "\x7f" for c in whole) >= _LETTERS:
        return whole
    return text


def _whole(text: str) -> str | None:
    """Return the text its characters make read back to single bytes as UTF-8, or None when
    one has no such byte or the bytes are no UTF-8."""
    try:
        return bytes(_BYTE[ord(c)] if c > "\x7f" else ord(c) for c in text).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
