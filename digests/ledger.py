"""The allegations ledger as it is shown: targets together, an answer to several once.

One layout for every reader of the ledger: the bot's /allegations and digests
(``bot/render.py``) and ``newsbot allegations`` (``digests/cli.py``, text and JSON). The rules:

- **Entries against one target stand together** (the target as written, case and spacing
  aside, and one party's spellings and case forms as ``allegations.same_target`` reads them:
  "Алексей Иванов" and "Иванов"): the group with the newest entry first, and in each group the newest entries first
  (the higher story id first on the same day); then the clause patterns' readings go before
  the fallback reader's, in a group and as groups (``compose.certain_first``).
- **An answer to several allegations shows once.** One answer often answers several
  allegations ("Durov refuted these claims" after two): extraction links it to each. An
  answer (the same responder, kind and sentence) linked to two entries or more that follow
  one another is shown once, after the last of them, with how many it answers; an answer to
  entries apart (another story's between them) stays under each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from digests import compose
from digests.allegations import same_target
from digests.models import Allegation, LedgerEntry, Response

# Controls and bidirectional overrides and isolates: no part of a name as the ledger shows it.
_INVISIBLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class SharedAnswer:
    """An answer shown once after the allegations it answers: this one and those just above."""

    response: Response
    answers: int  # how many allegations it answers (2 or more)


@dataclass(frozen=True, slots=True)
class ShownAnswers:
    """The answers shown with one allegation: its own under it, then the shared ones it closes.

    An allegation with answers may have none shown with it: they all follow a later one.
    """

    own: tuple[Response, ...] = ()
    after: tuple[SharedAnswer, ...] = ()


def _plain(text: str) -> str:
    return " ".join(_INVISIBLE_RE.sub("", text).split())


def target_key(target: str) -> str:
    """Return what tells one target from another in the ledger ("Acme Corp", "acme  corp")."""
    return _plain(target).casefold()


def answer_key(response: Response) -> tuple[str, str, str]:
    """Return what tells one answer from another as the ledger shows it."""
    return (_plain(response.responder).casefold(), response.kind, _plain(response.sentence))


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def target_groups(entries: Sequence[LedgerEntry]) -> list[list[LedgerEntry]]:
    """Return the entries by target, newest first, the patterns' readings before the fallback's."""
    groups: dict[str, list[LedgerEntry]] = {}
    for entry in entries:
        key = target_key(entry.allegation.target)
        # one party in two spellings or case forms ("Алексей Иванов", "Иванов") is one group
        key = next((k for k in groups if _same_party(k, key)), key)
        groups.setdefault(key, []).append(entry)
    newest_first = sorted(
        groups.values(), key=lambda group: max(_utc(e.published) for e in group), reverse=True
    )
    for group in newest_first:
        group.sort(key=lambda e: (_utc(e.published), e.story_id), reverse=True)
    return compose.certain_first(newest_first)


def _same_party(a: str, b: str) -> bool:
    """Return True when two targets' keys name one party (both none counts as one)."""
    return a == b or (bool(a) and bool(b) and same_target(a, b, None, None))


def shown_answers(allegations: Sequence[Allegation]) -> list[ShownAnswers]:
    """Return, for each allegation in the order shown, the answers shown with it."""
    where: dict[tuple[str, str, str], tuple[Response, list[int]]] = {}
    for index, allegation in enumerate(allegations):
        for response in allegation.responses:
            indices = where.setdefault(answer_key(response), (response, []))[1]
            if not indices or indices[-1] != index:
                indices.append(index)
    after: dict[int, list[SharedAnswer]] = {}
    shared: set[tuple[str, str, str]] = set()
    for key, (response, indices) in where.items():
        if len(indices) > 1 and indices[-1] - indices[0] == len(indices) - 1:
            after.setdefault(indices[-1], []).append(SharedAnswer(response, len(indices)))
            shared.add(key)
    return [
        ShownAnswers(
            own=tuple(r for r in allegation.responses if answer_key(r) not in shared),
            after=tuple(after.get(index, ())),
        )
        for index, allegation in enumerate(allegations)
    ]
