"""Telegram's HTML parse mode as a validator: the same rules and error texts as the Bot API.

The parser follows Telegram's own (tdlib's ``parse_html``): tags are matched by a stack, error
positions are UTF-8 byte offsets, entity offsets and lengths are UTF-16 code units. Where
Telegram silently repairs input we fail loudly instead, so that a rendering bug shows up in a
test rather than as a message with lost formatting:

- an unknown named entity such as ``&nbsp;`` (Telegram would show it literally);
- ``<a>`` without ``href`` (Telegram would link the text itself);
- entities nested against the documented rules: nothing inside ``code``, only one ``code``
  inside ``pre``, no ``blockquote`` inside a ``blockquote``, no link inside a link
  (Telegram would drop the inner formatting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_ENTITIES = 100
# Telegram refuses a message whose entities take too much room, "ENTITIES_TOO_LONG", well
# before 4096 characters when it has many long links. The bound is not documented: the Bot
# API's maintainer gives a rough figure of about 9,500 characters of markup
# (tdlib/telegram-bot-api#165), and a /sources page with 31 links and 9,879 bytes of link
# addresses was refused. The check here (as the offline Telegram answers) refuses a message
# whose links' addresses (``href``) take more than this many UTF-8 bytes in all; the bot's
# own messages keep well below it (``bot.render.LINK_BYTES``).
MAX_LINK_BYTES = 9_500

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
_SUPPORTED_TAGS = {*_SIMPLE_TAGS, "a", "span", "code", "pre", "blockquote", "tg-emoji"}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(
    r"&(?:#(?P<dec>[0-9]{1,10})|#[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<name>[a-zA-Z][a-zA-Z0-9]*));"
)
_NAME_TOKEN_RE = re.compile(r"[A-Za-z0-9.\-]*")
_SPACE = " \t\n\r\f\v"
_SPECIAL_RE = re.compile("[<&]")
# A tag name runs to a space or ">"; blanks are exactly Telegram's six (not Unicode spaces).
_NAME_RE = re.compile("[^ \t\n\r\f\v>]*")
_BLANKS_RE = re.compile("[ \t\n\r\f\v]*")
_ATTRIBUTE_RE = re.compile("[^ \t\n\r\f\v=>]*")


class TelegramHTMLError(ValueError):
    """Text that Telegram would reject; the message is Telegram's own wording."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A message entity as Telegram reports it (offset and length in UTF-16 code units)."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Return the Bot API MessageEntity JSON object."""
        data: dict[str, object] = {"type": self.type, "offset": self.offset, "length": self.length}
        for key in ("url", "language", "custom_emoji_id"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


class ParsedText(NamedTuple):
    """Plain text after entity parsing, with the entities found."""

    text: str
    entities: tuple[Entity, ...]


@dataclass(slots=True)
class _Open:
    tag: str
    argument: str
    has_argument: bool
    utf16_offset: int


def utf16_len(s: str) -> int:
    """Return the length of s in UTF-16 code units, as Telegram counts it."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _where(text: str, index: int) -> str:
    """Return "at byte offset N" for an error message (computed only when one is raised)."""
    return f"at byte offset {_byte_offset(text, index)}"


def _decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """Decode the HTML entity at pos; return (character, end) or None when there is none."""
    match = _ENTITY_RE.match(text, pos)
    if match is None:
        return None
    if match["name"] is not None:
        name = match["name"]
        if name not in _NAMED_ENTITIES:
            raise TelegramHTMLError(
                f'Unsupported HTML entity "&{name};" at byte offset {_byte_offset(text, pos)}'
            )
        return _NAMED_ENTITIES[name], match.end()
    code = int(match["dec"]) if match["dec"] is not None else int(match["hex"], 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        # Telegram leaves invalid character references as literal text.
        return None
    return chr(code), match.end()


def _skip(pattern: re.Pattern[str], text: str, i: int) -> int:
    """Return the index after the run of pattern (which may be empty) that starts at i."""
    match = pattern.match(text, i)
    assert match is not None  # the patterns match the empty string
    return match.end()


def _decode_value(text: str, start: int, end: int) -> str:
    """Return text[start:end] with its entities decoded (an entity never spans a quote)."""
    parts: list[str] = []
    while (amp := text.find("&", start, end)) >= 0:
        parts.append(text[start:amp])
        decoded = _decode_entity(text, amp)
        if decoded is None:  # a lone "&" is text
            parts.append("&")
            start = amp + 1
        else:
            parts.append(decoded[0])
            start = decoded[1]
    parts.append(text[start:end])
    return "".join(parts)


def _read_attributes(text: str, i: int, tag: str, begin: int) -> tuple[dict[str, str], int]:
    """Read the attributes of a start tag from i; return them and the index of the '>'."""
    attributes: dict[str, str] = {}
    n = len(text)
    while True:
        i = _skip(_BLANKS_RE, text, i)
        if i >= n:
            raise TelegramHTMLError(
                f"Unclosed start tag at byte offset {_byte_offset(text, begin)}"
            )
        if text[i] == ">":
            return attributes, i
        name_start, i = i, _skip(_ATTRIBUTE_RE, text, i)
        name = text[name_start:i].lower()
        if not name:
            raise TelegramHTMLError(
                f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(text, begin)}'
            )
        i = _skip(_BLANKS_RE, text, i)
        if i >= n:
            raise TelegramHTMLError(
                f"Unclosed start tag at byte offset {_byte_offset(text, begin)}"
            )
        if text[i] != "=":
            attributes[name] = ""  # a bare attribute such as `expandable`
            continue
        i += 1
        i = _skip(_BLANKS_RE, text, i)
        if i >= n:
            raise TelegramHTMLError(
                f"Unclosed start tag at byte offset {_byte_offset(text, begin)}"
            )
        if text[i] in "'\"":
            end = text.find(text[i], i + 1)
            if end < 0:
                _decode_value(text, i + 1, n)  # an unknown entity is reported first
                raise TelegramHTMLError(
                    f"Unclosed start tag at byte offset {_byte_offset(text, begin)}"
                )
            attributes[name] = _decode_value(text, i + 1, end)
            i = end + 1
        else:
            match = _NAME_TOKEN_RE.match(text, i)
            assert match is not None  # the pattern matches the empty string
            if match.end() < n and text[match.end()] not in _SPACE + ">":
                raise TelegramHTMLError(
                    f"Unexpected end of name token at byte offset {_byte_offset(text, i)}"
                )
            attributes[name] = match.group().lower()
            i = match.end()


def _open_tag(tag: str, attributes: dict[str, str], text: str, begin: int) -> tuple[str, bool]:
    """Check a start tag's attributes; return its argument and whether it has one."""
    if tag == "a":
        if not attributes.get("href"):
            raise TelegramHTMLError(
                f'Tag "a" must have a non-empty attribute "href" {_where(text, begin)}'
            )
        return attributes["href"], True
    if tag == "span":
        if attributes.get("class") != "tg-spoiler":
            raise TelegramHTMLError(
                f'Tag "span" must have class "tg-spoiler" {_where(text, begin)}'
            )
        return "", False
    if tag == "code":
        language = attributes.get("class", "")
        if language.startswith("language-") and len(language) > len("language-"):
            return language.removeprefix("language-"), True
        return "", False
    if tag == "tg-emoji":
        emoji_id = attributes.get("emoji-id", "")
        if not emoji_id.isdigit():
            raise TelegramHTMLError(
                f"Invalid custom emoji identifier specified {_where(text, begin)}"
            )
        return emoji_id, True
    if tag == "blockquote":
        return ("expandable", True) if "expandable" in attributes else ("", False)
    return "", False


def _check_nesting(stack: list[_Open], tag: str, text: str, begin: int) -> None:
    """Enforce the documented nesting rules at a start tag."""
    for outer in stack:
        if (
            outer.tag == "code"
            or (outer.tag == "pre" and (tag != "code" or stack[-1] is not outer))
            or (outer.tag == tag and tag in {"a", "blockquote", "pre"})
            or {outer.tag, tag} == {"a", "tg-emoji"}
        ):
            raise TelegramHTMLError(
                f'Tag "{tag}" can\'t be nested inside "{outer.tag}" {_where(text, begin)}'
            )


def _close(opened: _Open, end: int, entities: list[Entity]) -> None:
    """Turn a closed tag into an entity (empty ranges give none, like Telegram)."""
    length = end - opened.utf16_offset
    if length <= 0:
        return
    tag = opened.tag
    offset = opened.utf16_offset
    if tag in _SIMPLE_TAGS or tag == "span":
        entities.append(Entity(_SIMPLE_TAGS.get(tag, "spoiler"), offset, length))
    elif tag == "a":
        entities.append(Entity("text_link", offset, length, url=opened.argument))
    elif tag == "tg-emoji":
        entities.append(Entity("custom_emoji", offset, length, custom_emoji_id=opened.argument))
    elif tag == "blockquote":
        kind = "expandable_blockquote" if opened.has_argument else "blockquote"
        entities.append(Entity(kind, offset, length))
    elif tag == "code":
        entities.append(Entity("code", offset, length, language=opened.argument or None))
    else:  # pre: a code child with a language gives the pre its language (one entity)
        language = None
        if entities and entities[-1].type == "code" and entities[-1].offset == offset:
            child = entities.pop()
            if child.length == length:
                language = child.language
            else:
                entities.append(child)
        entities.append(Entity("pre", offset, length, language=language))


def parse(text: str) -> ParsedText:
    """Parse Telegram HTML into plain text and entities, raising TelegramHTMLError like Telegram."""
    out: list[str] = []
    utf16 = 0
    stack: list[_Open] = []
    entities: list[Entity] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "&":
            decoded = _decode_entity(text, i)
            if decoded is None:  # a lone "&" is text
                out.append(ch)
                utf16 += 1
                i += 1
            else:
                out.append(decoded[0])
                utf16 += utf16_len(decoded[0])
                i = decoded[1]
            continue
        if ch != "<":
            # Copy the whole run of plain text up to the next tag or entity at once.
            special = _SPECIAL_RE.search(text, i)
            end = n if special is None else special.start()
            run = text[i:end]
            out.append(run)
            utf16 += len(run) if run.isascii() else utf16_len(run)
            i = end
            continue
        begin = i
        i += 1
        if i < n and text[i] == "/":
            name_end = _skip(_NAME_RE, text, i + 1)
            end_name = text[i + 1 : name_end].lower()
            i = _skip(_BLANKS_RE, text, name_end)
            if i >= n or text[i] != ">":
                raise TelegramHTMLError(
                    f"Unclosed end tag at byte offset {_byte_offset(text, begin)}"
                )
            if not stack:
                raise TelegramHTMLError(
                    f"Unexpected end tag at byte offset {_byte_offset(text, begin)}"
                )
            if end_name and end_name != stack[-1].tag:
                raise TelegramHTMLError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, begin)}, "
                    f'expected "</{stack[-1].tag}>", found "</{end_name}>"'
                )
            _close(stack.pop(), utf16, entities)
            i += 1
            continue
        name_start, i = i, _skip(_NAME_RE, text, i)
        if i >= n:
            raise TelegramHTMLError(
                f"Unclosed start tag at byte offset {_byte_offset(text, begin)}"
            )
        tag = text[name_start:i].lower()
        if tag not in _SUPPORTED_TAGS:
            raise TelegramHTMLError(
                f'Unsupported start tag "{tag}" at byte offset {_byte_offset(text, begin)}'
            )
        attributes, i = _read_attributes(text, i, tag, begin)
        argument, has_argument = _open_tag(tag, attributes, text, begin)
        _check_nesting(stack, tag, text, begin)
        stack.append(_Open(tag, argument, has_argument, utf16))
        i += 1
    if stack:
        raise TelegramHTMLError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e.offset, -e.length))
    return ParsedText("".join(out), tuple(entities))


def validate(text: str) -> None:
    """Raise TelegramHTMLError when Telegram could not parse text in HTML mode."""
    parse(text)


def link_bytes(entities: tuple[Entity, ...]) -> int:
    """Return the UTF-8 bytes of the addresses of a text's links (``MAX_LINK_BYTES``)."""
    return sum(len(e.url.encode()) for e in entities if e.url is not None)


def check_length(plain: str, entity_count: int, *, caption: bool = False, links: int = 0) -> None:
    """Raise TelegramHTMLError when parsed text is empty, too long, has too many entities or
    its links' addresses take more than ``MAX_LINK_BYTES`` (``links``: their bytes)."""
    if not caption and not plain.strip():
        raise TelegramHTMLError("message text is empty")
    if utf16_len(plain) > (MAX_CAPTION_LENGTH if caption else MAX_MESSAGE_LENGTH):
        raise TelegramHTMLError("message caption is too long" if caption else "message is too long")
    if entity_count > MAX_ENTITIES:
        raise TelegramHTMLError(f"too many entities: {entity_count} (at most {MAX_ENTITIES})")
    if links > MAX_LINK_BYTES:
        raise TelegramHTMLError("ENTITIES_TOO_LONG")


def check_message(text: str, *, html: bool = True) -> ParsedText:
    """Parse and check a whole message text as sendMessage would; return the parsed text."""
    parsed = parse(text) if html else ParsedText(text, ())
    check_length(parsed.text, len(parsed.entities), links=link_bytes(parsed.entities))
    return parsed
