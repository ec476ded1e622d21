"""A finding is printed as one line, whatever text from the source it quotes."""

from __future__ import annotations

from macros.findings import Finding, Location, Severity


def test_a_line_break_quoted_from_the_source_stays_on_the_line():
    finding = Finding(Location("sop/_monitoring/2026-1.yml", 3, 5), "SOP-S001", Severity.ERROR, "kunci 'a\nb\r' tidak dikenal")
    assert finding.as_line() == "sop/_monitoring/2026-1.yml:3:5: SOP-S001 galat: kunci 'a\\nb\\r' tidak dikenal"
    assert finding.as_dict()["message"] == "kunci 'a\nb\r' tidak dikenal"


def test_the_check_command_prints_one_line_per_finding(tmp_path, run_sop):
    (tmp_path / "_jabatan.yml").write_text('"kepala\\nlain":\n  nama: Kepala\n  singkatan: Kepala\n  x: 1\n', encoding="utf-8")
    result = run_sop("check", str(tmp_path))
    assert all(": SOP-" in line for line in result.lines[:-1]), result.out
