"""The files a Heroku-style host deploys from: what they install and start exists."""

from __future__ import annotations

import tomllib

from bot.cli import newsbot
from tests.conftest import ROOT


def test_the_procfile_starts_newsbot_commands_that_exist() -> None:
    for line in (ROOT / "Procfile").read_text().splitlines():
        kind, _, command = line.partition(":")
        assert kind in {"worker", "web"}
        program, name, *_ = command.split()
        assert program == "newsbot" and name in newsbot.commands


def test_a_python_host_installs_the_project_from_requirements() -> None:
    # heroku/python needs requirements.txt (or Pipfile, poetry.lock, uv.lock) at the root:
    # with pyproject.toml alone, the build stops before installing. No .python-version: the
    # host's default Python 3 meets requires-python, and such a file would make pyenv refuse
    # every `python` in a clone whose machine has another 3.x.
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    assert [line for line in lines if line and not line.startswith("#")] == ["."]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"
