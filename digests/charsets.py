"""Read a feed's or a page's bytes in the encoding they are in, whatever their labels say.

The rules, first that applies:

1. A byte order mark is the encoding (UTF-8, UTF-16, UTF-32), as XML and HTML both say: a
   ``charset=utf-8`` header on a UTF-16 document (a Windows generator's) is wrong.
   UTF-16 without a mark shows itself by ``<`` with a NUL beside it.
2. Bytes that are mostly UTF-8 are UTF-8, whatever header, prolog or ``<meta>`` names: a
   site moved to UTF-8 often keeps its old server setting or template ("windows-1251").
   Mostly: more valid multi-byte sequences than bytes that start none. A stray byte of a
   single-byte encoding (a "smart quote" pasted from a word processor) is read in the
   encoding named, else windows-1252: before, one such byte made a reader's guess take the
   whole document for windows-1252 or KOI8-R, every Russian word mojibake ("Ð¿Ñ€Ð¸").
   Text in a single-byte encoding beyond ASCII is as good as never valid UTF-8.
3. A header's ISO-8859-1, US-ASCII or windows-1252 is a server's default, not the author's
   word, when the document names another encoding itself (an XML prolog, a page's
   ``<meta charset>``) and that is not UTF-8 (rule 2 found the bytes are not): the
   document's is read. So is a page's when its header names UTF-8 and the bytes are not
   (a server-wide setting over old pages). Otherwise the header is (HTML: before
   ``<meta>``, which trafilatura alone would read).
4. Else the bytes go on as they are, to feedparser or trafilatura, which read the prolog or
   ``<meta>`` and guess when nothing is named.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark begins it
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The encoding an XML prolog declares: <?xml version="1.0" encoding="windows-1251"?>.
_PROLOG_ENCODING = re.compile(rb"^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"'])([^\"']*)([\"'])")
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_HEAD_BYTES = 4096
# What servers send when nobody set anything (HTTP/1.1 once made ISO-8859-1 text's default).
_SERVER_DEFAULTS = frozenset({"iso8859-1", "ascii", "cp1252"})  # as codecs names them


def feed_as_utf8(content: bytes, charset: str | None) -> tuple[bytes, str | None]:
    """Return a feed (XML or JSON) and the charset to read it in: re-encoded as UTF-8 with
    "utf-8" when its bytes say so (rules 1 and 2; a prolog then names utf-8), else as it is
    with the header's charset, or None when that is a server's default the prolog overrides
    (rule 3)."""
    prolog = _PROLOG_ENCODING.match(_without_bom(content)[:512])
    declared = _ascii(prolog.group(2)) if prolog else None
    text = _decoded(content, [charset, declared])
    if text is None:
        return content, None if _default_overridden(charset, declared) else charset
    # The prolog read again: a UTF-16 document's could not be read as bytes.
    data = _PROLOG_ENCODING.sub(rb"\g<1>utf-8\g<3>", text.encode("utf-8"), count=1)
    return data, "utf-8"


def page_text(content: bytes, charset: str | None) -> str | bytes:
    """Return a web page as text when its bytes or its header tell its encoding (rules 1-3),
    else its bytes (trafilatura reads ``<meta>`` and guesses)."""
    meta = _META_CHARSET.search(content[:_HEAD_BYTES])
    declared = _ascii(meta.group(1)) if meta else None
    text = _decoded(content, [charset, declared])
    if text is not None:
        return text
    if charset and _known(charset) and not _default_overridden(charset, declared):
        if not _is_utf8(charset) or _valid_utf8(content):
            return content.decode(charset, errors="replace")
        # A server-wide "utf-8" on bytes that are not (rule 2 found them not): the header is
        # wrong, and read so every letter beyond ASCII was lost; the <meta>'s is read.
        if declared and _known(declared) and not _is_utf8(declared):
            return content.decode(declared, errors="replace")
    return content


# What expat (the XML parser of the standard library) reads itself: the UTF-8 and UTF-16 it
# knows by their bytes, and through Python's codecs any single-byte encoding. A multi-byte
# one a prolog names (GBK, Big5, Shift_JIS, EUC-KR: files from Chinese, Japanese and Korean
# readers) it refuses with "multi-byte encodings are not supported".
_EXPAT_READS = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be"})


def xml_for_expat(content: bytes) -> bytes | str:
    """Return an XML document as expat can read it: in UTF-8 when its bytes say so (rules 1
    and 2: a file re-saved as UTF-8, with or without a mark, under its old "GBK" prolog; a
    UTF-32 one with its mark), else decoded as text when its prolog names a known encoding
    expat does not read itself (a str is parsed as the text it is, whatever its prolog
    names), else its bytes (UTF-8 and UTF-16 are expat's own).
    Raise UnicodeDecodeError when the bytes are not in the encoding named."""
    content, _ = feed_as_utf8(content, None)
    prolog = _PROLOG_ENCODING.match(content[:512])
    if prolog is None or any(content.startswith(mark) for mark, _ in _BOMS):
        return content
    declared = _ascii(prolog.group(2))
    if not _known(declared) or _canonical(declared) in _EXPAT_READS:
        return content  # an unknown name: expat says so itself
    return content.decode(declared)


def _decoded(content: bytes, named: list[str | None]) -> str | None:
    """Return the text when the bytes tell their encoding (rules 1 and 2), else None."""
    for mark, encoding in _BOMS:
        if content.startswith(mark):
            return content[len(mark) :].decode(encoding, errors="replace")
    if content[:2] == b"<\x00" and content[3:4] == b"\x00":
        return content.decode("utf-16-le", errors="replace")
    if content[:2] == b"\x00<" and content[2:3] == b"\x00":
        return content.decode("utf-16-be", errors="replace")
    if content.isascii():
        return None
    text = content.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    if not stray:
        # Valid UTF-8: only worth a change when something names another encoding.
        return text if any(name and not _is_utf8(name) for name in named) else None
    valid = sum(1 for c in text if c > "\x7f") - stray
    if valid <= stray:
        return None
    single = next((n for n in named if n and _known(n) and not _is_utf8(n)), None)
    return _STRAY.sub(lambda found: _stray_byte(found.group(0), single), text)


_STRAY = re.compile("[\udc80-\udcff]")


def _stray_byte(escaped: str, encoding: str | None) -> str:
    byte = bytes([ord(escaped) - 0xDC00])
    for name in (encoding, "cp1252"):
        if name:
            try:
                return byte.decode(name)
            except (UnicodeDecodeError, LookupError):
                continue
    return byte.decode("latin-1")


def _valid_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _default_overridden(charset: str | None, declared: str | None) -> bool:
    """Return whether a header's charset is a server's default the document overrides."""
    # A document that names UTF-8 but is not (rule 2 found it is not) names nothing useful.
    if not charset or not declared or not _known(declared) or _is_utf8(declared):
        return False
    return _canonical(charset) in _SERVER_DEFAULTS and _canonical(declared) != _canonical(charset)


def _without_bom(content: bytes) -> bytes:
    return content[3:] if content.startswith(codecs.BOM_UTF8) else content


def _ascii(name: bytes) -> str:
    return name.decode("ascii", "replace").strip()


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _is_utf8(name: str) -> bool:
    return _canonical(name) == "utf-8"
