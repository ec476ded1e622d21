"""A signed SOP in force whose source writes waktu as a window, a bare number or a deadline from an
event, and whose truncated flow goes on past what was copied, is accepted as it is: warnings, never
an error, and nothing asked of the author that the source does not say."""

from __future__ import annotations

from pathlib import Path

from tests.checks.test_fixtures import FIXTURES

SOURCE = "tests/render/fixtures/flowchart/waktu-apa-adanya.yml"


def test_an_sop_in_force_with_times_as_written_and_exits_into_the_missing_part_passes(run_sop):
    result = run_sop("check", SOURCE)
    assert result.code == 0, result.out
    codes = [line.split(": ")[1].split(" ")[0] for line in result.lines[:-1]]
    assert codes == ["SOP-W008", "SOP-W004", "SOP-W009"]
    assert all(" peringatan: " in line for line in result.lines[:-1])
    assert result.lines[-1] == "LULUS: 1 SOP diperiksa, 0 galat, 3 peringatan."


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    for name in ("_instansi.yml", "_jabatan.yml", "_dasar-hukum.yml"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    text = (FIXTURES / "valid" / "surat-masuk.yml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "surat.yml").write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path / "surat.yml"


def test_a_loop_left_only_into_the_missing_part_reaches_an_end(run_sop, tmp_path):
    """SOP-F004/F005 take `ke: bersambung` as a way out of a truncated source."""
    source = _variant(tmp_path, "      - label: Lengkap\n        ke: disposisi\n",
                      "      - label: Lengkap\n        ke: bersambung\n")
    text = source.read_text(encoding="utf-8")
    looped = text.replace("  - id: disposisi\n", "  - id: disposisi\n    keputusan:\n"
                          "      - label: Ulang\n        ke: periksa\n      - label: Lanjut\n        ke: bersambung\n")
    source.write_text(looped.replace("    selesai: true\n", "") + "terpotong: true\n", encoding="utf-8")
    result = run_sop("check", "--strict", str(source))
    assert result.code == 1 and any(" SOP-F004 " in line for line in result.lines)  # disposisi: reached from nowhere
    source.write_text(looped.replace("        ke: bersambung\n", "        ke: disposisi\n", 1) + "terpotong: true\n",
                      encoding="utf-8")
    result = run_sop("check", "--strict", str(source))
    assert result.code == 0, result.out


def test_two_exits_of_one_decision_into_the_missing_part_are_one_place(run_sop, tmp_path):
    source = _variant(tmp_path, "        ke: disposisi\n      - label: Tidak lengkap\n        ke: terima\n",
                      "        ke: bersambung\n      - label: Tidak lengkap\n        ke: bersambung\n")
    source.write_text(source.read_text(encoding="utf-8") + "terpotong: true\n", encoding="utf-8")
    result = run_sop("check", str(source))
    assert result.code == 1
    [line] = [line for line in result.lines if " SOP-F010 " in line]
    assert "sama-sama menuju bagian sumber yang hilang ('bersambung')" in line


def test_a_missing_target_suggests_bersambung_only_in_a_truncated_source(run_sop, tmp_path):
    source = _variant(tmp_path, "        ke: terima\n", "        ke: bersambug\n")
    result = run_sop("check", str(source))
    assert "maksud Anda 'bersambung'" not in result.out
    source.write_text(source.read_text(encoding="utf-8") + "terpotong: true\n", encoding="utf-8")
    result = run_sop("check", str(source))
    assert "'bersambung'" in [line for line in result.lines if " SOP-F002 " in line][0]
