"""A text for a person, kept as an English template and its values so the bot can translate it.

Rules:

- The template is English, with named placeholders (``"timed out after {seconds} s"``), and
  is marked with ``N_`` where it is written: Babel reads ``N_`` by default, and
  ``make locales`` extracts the marked texts of ``digests/`` into the bot's catalogs.
- ``str(message)`` is the English text (logs, the CLI, the database's ``last_error``);
  the bot shows ``tr.message(message)`` (``bot/i18n.py``): the template translated, then
  filled with the values as the chat's language writes them.
- Values are strings (URLs, names, a library's own words: shown as they are), numbers
  (written per locale: ``1,234`` / ``1 234`` / ``1.234``), durations (``timedelta``: "2 min"
  in each language) or another message (translated in turn, as in "paused after 8
  consecutive errors; last: …").
- ``to_json``/``from_json`` keep a message in the store beside its English text.

This module knows no language but English: the translating is the bot's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeAlias

Value: TypeAlias = "str | int | float | timedelta | Message"

# A string value kept in the store is cut to this many characters (the text is cut to 500).
MAX_STORED_VALUE = 500


def N_(message: str) -> str:
    """Mark an English template for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True, slots=True)
class Message:
    """An English template and the values of its placeholders."""

    template: str
    values: Mapping[str, Value] = field(default_factory=dict)

    def __str__(self) -> str:
        return fill(self.template, {k: english(v) for k, v in self.values.items()})

    def to_json(self) -> str:
        """Return the message as JSON (the store's ``*_message`` columns)."""
        return json.dumps(_encode(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> Message | None:
        """Return the message stored as JSON, or None for nothing or something unreadable."""
        if not text:
            return None
        try:
            return _decode(json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


def fill(template: str, values: Mapping[str, str]) -> str:
    """Return a template with its placeholders filled; one without a value stays as written.

    A message read back from the store may not fit its template (a damaged row): it still
    shows, rather than failing the reply that shows it.
    """
    if not values:
        return template
    try:
        return template.format_map(_Kept(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


class _Kept(dict[str, str]):
    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def english(value: Value) -> str:
    """Return a value as the English text writes it ("1,234", "10", "2 min")."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:g}"
    if isinstance(value, timedelta):
        return describe_wait(value.total_seconds())
    return str(value)


def describe_wait(seconds: float) -> str:
    """Return a wait in words a person reads at a glance: "45 s", "2 min", "1.5 h"."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _encode(message: Message) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in message.values.items():
        if isinstance(value, Message):
            values[name] = {"message": _encode(value)}
        elif isinstance(value, timedelta):
            values[name] = {"seconds": value.total_seconds()}
        elif isinstance(value, str):
            values[name] = value[:MAX_STORED_VALUE]
        else:
            values[name] = value
    return {"template": message.template, "values": values}


def _decode(data: dict[str, Any]) -> Message:
    values: dict[str, Value] = {}
    for name, value in data["values"].items():
        if isinstance(value, dict):
            if "message" in value:
                values[str(name)] = _decode(value["message"])
            else:
                values[str(name)] = timedelta(seconds=float(value["seconds"]))
        elif isinstance(value, str | int | float):
            values[str(name)] = value
        else:
            raise TypeError(f"not a message value: {value!r}")
    return Message(str(data["template"]), values)
