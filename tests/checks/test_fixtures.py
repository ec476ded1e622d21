"""One fixture per named failure: each makes `sop check` exit 1 naming its file, line and code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.checks import ALL_CHECKS
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
    by_checks = {c.code for check in ALL_CHECKS for c in check.emits}
    by_loading = {
        "SOP-W001", "SOP-W002", "SOP-W003", "SOP-W005", "SOP-W006", "SOP-W007",
        "SOP-Y001", "SOP-Y002", "SOP-Y003", "SOP-S001", "SOP-S002", "SOP-S003", "SOP-S006", "SOP-S008", "SOP-T001",
        "SOP-T004", "SOP-H005",
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


def test_valid_records_fixture_is_clean(run_sop):
    """A monitoring and an evaluation beside a valid SOP (tests/checks/fixtures/valid-monev)."""
    result = run_sop("check", "--strict", "tests/checks/fixtures/valid-monev")
    assert result.code == 0, result.out
    assert result.out == (FIXTURES / "valid-monev" / "expected.txt").read_text(encoding="utf-8")


def test_warnings_alone_do_not_fail_without_strict(run_sop):
    result = run_sop("check", "tests/checks/fixtures/l002-incomplete-citation")
    assert result.code == 0
    assert ": SOP-L002 peringatan: " in result.out
    assert result.lines[-1] == "LULUS: 1 SOP diperiksa, 0 galat, 1 peringatan."


def test_draft_with_open_fields_passes_without_strict(run_sop):
    """A draft without nomor, dates, signer, one step's waktu and another's output is a valid
    source: one warning each, located at the SOP or at the step."""
    result = run_sop("check", "tests/checks/fixtures/r001-draft-open-fields")
    assert result.code == 0, result.out
    path = "tests/checks/fixtures/r001-draft-open-fields/r001-draft-open-fields.yml"
    assert result.lines == [
        f"{path}:1:1: SOP-R001 peringatan: nomor SOP belum ditetapkan (SOP draf); isi sebelum status diubah menjadi berlaku",
        f"{path}:1:1: SOP-R002 peringatan: tanggal pembuatan belum ditetapkan (SOP draf); isi sebelum status diubah "
        "menjadi berlaku",
        f"{path}:1:1: SOP-R003 peringatan: pengesah (disahkan_oleh) belum ditetapkan (SOP draf); isi sebelum status "
        "diubah menjadi berlaku",
        f"{path}:34:5: SOP-R004 peringatan: waktu langkah 2 belum ditetapkan (SOP draf); isi sebelum status diubah "
        "menjadi berlaku",
        f"{path}:44:5: SOP-R005 peringatan: output langkah 3 belum ditetapkan (SOP draf); isi sebelum status diubah "
        "menjadi berlaku",
        "LULUS: 1 SOP diperiksa, 0 galat, 5 peringatan.",
    ]


def test_sop_in_force_may_lack_what_its_signed_source_lacks(run_sop, tmp_path):
    """The same source without `status: draf` is an SOP in force whose signed document leaves those
    values out: each is reported (a warning, printed empty), none makes the author type a value."""
    for name in ("_instansi.yml", "_jabatan.yml", "_dasar-hukum.yml"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    draft = (FIXTURES / "r001-draft-open-fields" / "r001-draft-open-fields.yml").read_text(encoding="utf-8")
    (tmp_path / "surat.yml").write_text(draft.replace("status: draf\n", ""), encoding="utf-8")
    result = run_sop("check", str(tmp_path / "surat.yml"))
    assert result.code == 0, result.out
    assert not [line for line in result.lines if " SOP-S002 " in line or " SOP-R00" in line]
    absent = [line.split(": ", 1)[1].split(" tidak ada di sumber")[0] for line in result.lines if " SOP-R011 " in line]
    assert absent == [
        "SOP-R011 peringatan: nomor SOP",
        "SOP-R011 peringatan: pengesah (disahkan_oleh)",
        "SOP-R011 peringatan: tanggal pembuatan",
        "SOP-R011 peringatan: waktu langkah 2",
        "SOP-R011 peringatan: output langkah 3",
    ]
    strict = run_sop("check", "--strict", str(tmp_path / "surat.yml"))
    assert strict.code == 1
