"""Polish, Italian and Brazilian readers subscribe the way they write."""

from __future__ import annotations

import pytest

from bot.handlers.subscriptions import frequency_of
from tests.test_bot import Bot
from tests.test_bot import bot as bot  # the fixture
from tests.test_bot import settings as settings  # the fixture
from tests.test_chat_language import say


@pytest.mark.parametrize(
    ("typed", "frequency"),
    [
        ("todo dia", "daily"),
        ("diariamente", "daily"),
        ("semanalmente", "weekly"),
        ("nos dias úteis", "weekdays"),
        ("em dias úteis", "weekdays"),
        ("quotidianamente", "daily"),
        ("settimanalmente", "weekly"),
        ("każdego dnia", "daily"),
        ("raz w tygodniu", "weekly"),
        ("w dni pracujące", "weekdays"),
        # Not frequencies: left for keywords.
        ("todo", None),
        ("dia", None),
        ("dnia", None),
    ],
)
def test_frequencies_as_polish_italian_and_brazilian_readers_type_them(
    typed: str, frequency: str | None
) -> None:
    assert frequency_of(typed) == frequency


async def test_todo_dia_is_every_day_not_two_keywords(bot: Bot) -> None:
    """ "todo dia" is how Brazilians most often say "every day"; it was taken for keywords."""
    [subscribed] = await say(bot, "/subscribe todo dia às 20h America/Sao_Paulo", 7005, "pt-BR")
    assert "Boletim: todos os dias às 20:00 (America/Sao_Paulo)" in subscribed.plain_text
    assert "Só sobre: qualquer assunto" in subscribed.plain_text
