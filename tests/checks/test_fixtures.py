"""One fixture per named failure: each makes `sop check` exit 1 naming its file, line and code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.checks import REGISTRY
from macros.codes import CATALOGUE

FIXTURES = Path(__file__).parent / "fixtures"
FAILURES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and re.match(r"[a-z]\d{3}-", p.name))


def code_of(fixture: Path) -> str:
    return "SOP-" + fixture.name[:4].upper()


CHECK_CODES = {code for code in CATALOGUE if not code.startswith("SOP-B")}  # B: found only by building


def test_every_code_has_a_fixture():
    covered = {code_of(f) for f in FAILURES}
    assert covered == CHECK_CODES, f"tanpa fixture: {sorted(CHECK_CODES - covered)}"


def test_every_code_is_reported_by_someone():
    """Codes are either reported by a registered check or by loading (Y/S codes)."""
    by_checks = {c.code for check in REGISTRY for c in check.codes}
    by_loading = {
        "SOP-W001", "SOP-W002", "SOP-W003", "SOP-W004", "SOP-W005", "SOP-W006", "SOP-W007",
        "SOP-Y001", "SOP-Y002", "SOP-Y003", "SOP-S001", "SOP-S002", "SOP-S003", "SOP-S006", "SOP-S008", "SOP-T001",
    }
    assert CHECK_CODES <= by_checks | by_loading


def test_valid_fixture_is_clean(run_sop):
    result = run_sop("check", "--strict", "tests/checks/fixtures/valid")
    assert result.code == 0, result.out
    assert result.lines == ["LULUS: 1 SOP diperiksa, 0 galat, 0 peringatan."]


@pytest.mark.parametrize("fixture", FAILURES, ids=[f.name for f in FAILURES])
def test_fixture_triggers_its_code(fixture: Path, run_sop):
    rel = fixture.relative_to(FIXTURES.parent.parent.parent)
    result = run_sop("check", "--strict", str(rel))
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    code = code_of(fixture)
    hits = [line for line in result.lines if f": {code} " in line]
    assert hits, f"{code} tidak dilaporkan:\n{result.out}"
    for line in hits:
        path, line_no, col, _ = line.split(":", 3)
        assert path.startswith(str(rel) + "/"), line
        assert int(line_no) >= 1 and int(col) >= 1
    assert result.out == (fixture / "expected.txt").read_text(encoding="utf-8")


def test_warnings_alone_do_not_fail_without_strict(run_sop):
    result = run_sop("check", "tests/checks/fixtures/l002-incomplete-citation")
    assert result.code == 0
    assert ": SOP-L002 peringatan: " in result.out
    assert result.lines[-1] == "LULUS: 1 SOP diperiksa, 0 galat, 1 peringatan."
