"""Layering rules that keep the core free of Telegram."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_digests_never_imports_telegram() -> None:
    code = (
        "import sys, pkgutil, importlib, digests\n"
        "for m in pkgutil.walk_packages(digests.__path__, 'digests.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('telegram' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_no_module_in_digests_mentions_telegram_imports() -> None:
    for path in (ROOT / "digests").rglob("*.py"):
        source = path.read_text()
        assert "import telegram" not in source and "from telegram" not in source, path
