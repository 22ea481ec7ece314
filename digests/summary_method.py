"""The summary methods by name, and ``SUMMARY_METHOD`` read from the environment.

Apart from ``digests.summarise`` (which ranks sentences with sumy and numpy) so that the
settings, the command line's options and the queries name a method without loading them.
``summarise.METHODS`` has a ranker for each name here.
"""

from __future__ import annotations

from collections.abc import Mapping

METHOD_NAMES = ("hybrid", "lead", "lexrank", "textrank", "lsa", "luhn")
DEFAULT_METHOD = "hybrid"


def method_from_env(environ: Mapping[str, str]) -> str:
    """Return SUMMARY_METHOD (any case; the default when unset), as the bot and the CLI use it.

    Raise ValueError with a one-line message that starts with the key.
    """
    method = environ.get("SUMMARY_METHOD", "").strip().lower() or DEFAULT_METHOD
    if method not in METHOD_NAMES:
        names = ", ".join(sorted(METHOD_NAMES))
        raise ValueError(f"SUMMARY_METHOD: {method!r} is not one of {names}")
    return method
