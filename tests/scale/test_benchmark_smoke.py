"""One small run of the benchmark script: it runs end to end and writes every figure."""

from __future__ import annotations

import json

import pytest

from benchmarks import run

pytestmark = pytest.mark.slow  # builds a whole site


def test_benchmark_runs_and_writes_json(tmp_path, capsys):
    out = tmp_path / "hasil.json"
    run.main(["--n", "12", "--runs", "1", "--work", str(tmp_path / "kerja"), "--json", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    (result,) = data["results"]
    assert result["n"] == 12 and result["pages"] > 12
    assert result["baseline_pages"] == result["pages"]
    assert result["build_cold"]["dot_runs"] == 12
    assert result["build_nochange"]["dot_runs"] == 0
    assert result["build_edit_one"]["dot_runs"] == 1
    for key in ("check", "parse_yaml", "build_cold", "build_nochange", "build_edit_one", "baseline_build"):
        assert result[key]["seconds"] > 0 and result[key]["rss_mb"] > 0
    assert data["machine"]["cpus"] >= 1
    printed = capsys.readouterr().out
    assert "| N | halaman | sop check |" in printed
