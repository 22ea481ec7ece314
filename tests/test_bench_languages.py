"""bench/languages.py: MLSUM and XL-Sum rows become pairs, their test split the held-out half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import load_bench


def test_jsonl_rows_become_pairs_by_language_and_half(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MLSUM's ``es_*`` and XL-Sum's ``ukrainian_*`` files go to es and uk, the headline on the
    first line; test rows are held out, train and validation rows are not; other languages'
    files are left alone."""
    bench = load_bench("languages")
    monkeypatch.setattr(bench, "DATA", tmp_path / "data")
    source = tmp_path / "jsonl"
    source.mkdir()
    row = {"title": "Un  título", "text": "Primera frase. Segunda.", "summary": "Resumen."}
    (source / "es_test.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (source / "es_train.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    uk = {"title": "Заголовок", "text": "Речення.", "summary": "Підсумок."}
    (source / "ukrainian_val.jsonl").write_text(json.dumps(uk) + "\n", encoding="utf-8")
    (source / "turkish_test.jsonl").write_text(json.dumps(uk) + "\n", encoding="utf-8")

    bench.prepare(None, None, None, source)

    spanish = {p.name: p for p in bench.load_pairs("es")}
    assert sorted(spanish) == ["mlsum-test-0", "mlsum-train-0"]
    assert spanish["mlsum-test-0"].held_out and not spanish["mlsum-train-0"].held_out
    assert spanish["mlsum-test-0"].document == "Un título\n\nPrimera frase. Segunda.\n"
    assert spanish["mlsum-test-0"].reference == "Resumen."
    assert [p.name for p in bench.load_pairs("uk")] == ["xlsum-val-0"]
    assert not (tmp_path / "data" / "tr").exists()
