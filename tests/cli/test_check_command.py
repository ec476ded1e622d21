"""`sop check`: output format, exit codes, JSON, and robustness against any input."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

SEED = "sop/perbaikan-data-kinerja.yml"


def test_seed_passes_and_reports_incomplete_citation_with_its_line(run_sop, seed_sop_text):
    result = run_sop("check", "sop/")
    assert result.code == 0, result.out
    expected_line = seed_sop_text.splitlines().index("  - permenpan-rb-tanpa-nomor   # butir 3: rusak di dokumen sumber") + 1
    incomplete = [line for line in result.lines if " SOP-L002 " in line]
    assert incomplete == [
        f"{SEED}:{expected_line}:5: SOP-L002 peringatan: kutipan dasar hukum 'permenpan-rb-tanpa-nomor' tidak lengkap: "
        "\"Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia\"; "
        "catatan: Nomor, tahun dan tentang hilang dari dokumen sumber (butir 3 dasar hukum)"
    ]
    assert result.lines[-1].startswith("LULUS: 1 SOP diperiksa, 0 galat, ")


def test_default_path_is_sop(run_sop):
    assert run_sop("check").out == run_sop("check", "sop").out


def test_seed_reports_repealed_bases_with_replacement(run_sop):
    repealed = [line for line in run_sop("check").lines if " SOP-L003 " in line]
    assert len(repealed) == 2
    assert "penggantinya: Peraturan Pemerintah Nomor 12 Tahun 2017" in repealed[0]


def test_strict_turns_warnings_into_errors(run_sop):
    result = run_sop("check", "--strict")
    assert result.code == 1
    assert result.lines[-1].startswith("GAGAL:")
    assert all(" peringatan: " not in line for line in result.lines[:-1])


def test_json_format_has_the_same_findings(run_sop):
    text = run_sop("check")
    data = json.loads(run_sop("check", "--format", "json").out)
    assert data["summary"]["lulus"] is True
    assert len(data["findings"]) == len(text.lines) - 1
    first = data["findings"][0]
    assert set(first) == {"path", "line", "column", "code", "severity", "message"}
    assert f"{first['path']}:{first['line']}:{first['column']}: {first['code']} {first['severity']}: {first['message']}" == text.lines[0]


@pytest.mark.parametrize(
    "args",
    [("check", "--format", "xml"), ("check", "--tidak-ada"), ("periksa",), ()],
    ids=["bad-format", "unknown-option", "unknown-command", "no-command"],
)
def test_wrong_usage_exits_2_in_indonesian(run_sop, args):
    result = run_sop(*args)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "galat" in result.err
    assert "usage:" not in result.err and "error:" not in result.err


def test_missing_path_is_usage_error(run_sop):
    result = run_sop("check", "tidak/ada")
    assert result.code == 2
    assert result.err.strip() == "sop: galat: path tidak ditemukan: tidak/ada"


def test_help_is_indonesian(run_sop):
    result = run_sop("check", "--help")
    assert result.code == 0
    assert "penggunaan: sop check" in result.out
    assert "anggap setiap peringatan sebagai galat" in result.out


HOSTILE = {
    "binary": bytes(range(256)) * 4,
    "empty": b"",
    "only-comment": b"# kosong\n",
    "list-instead-of-mapping": b"- nomor: 1\n- judul: x\n",
    "scalar": b"hanya teks\n",
    "duplicate-key": b"nomor: 1\nnomor: 2\n",
    "ten-megabytes": b"kegiatan: " + b"a" * (10 * 1024 * 1024) + b"\n",
    "ten-megabytes-of-lines": b"baris teks biasa\n" * 600_000,
    "deep-nesting": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "alias-bomb": b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((98 + i,) * 2 + (97 + i,) * 9) for i in range(8)),
    "tabs": b"nomor:\t1\n\tjudul: x\n",
    "nul-byte": b"nomor: 1\x00\n",
    "utf16": "nomor: 1\n".encode("utf-16"),
    "numbers-everywhere": b"nomor: 1.10\njudul: 2\ninstansi: 3\ntanggal: 4\nlangkah: 5\npelaksana: 6\n",
    "wrong-nested-types": b"tanggal: [1, 2]\nlangkah: {a: b}\npelaksana: {x: y}\ndisahkan_oleh: teks\n",
    "weird-keys": b"? [a, b]\n: c\n~: d\n1: e\n",
    "multi-document": b"nomor: 1\n---\nnomor: 2\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_input_prints_a_traceback(name, tmp_path, run_sop, sources_copy):
    sources = sources_copy()
    target = sources / f"{name}.yml"
    target.write_bytes(HOSTILE[name])
    before = {p.name: p.read_bytes() for p in sources.iterdir()}
    result = run_sop("check", str(sources), cwd=tmp_path)
    assert "Traceback" not in result.err and "Traceback" not in result.out
    assert result.err == ""
    assert result.code == 1, result.out
    own = [line for line in result.lines if line.startswith(f"sop/{name}.yml:")]
    assert own, result.out
    for line in own:
        path, line_no, col, rest = line.split(":", 3)
        assert line_no.isdigit() and col.isdigit()
        assert rest.startswith(" SOP-")
    assert {p.name: p.read_bytes() for p in sources.iterdir()} == before  # sources untouched


def test_broken_registry_is_reported_not_raised(tmp_path, run_sop, sources_copy):
    sources = sources_copy()
    (sources / "_jabatan.yml").write_text("- bukan pemetaan\n", encoding="utf-8")
    result = run_sop("check", str(sources), cwd=tmp_path)
    assert result.code == 1
    assert "sop/_jabatan.yml:1:1: SOP-S003 galat: registri _jabatan.yml harus berupa pemetaan 'id: entri' (baris-baris 'id:' dengan isian di bawahnya), bukan daftar atau teks" in result.lines
    assert any(": SOP-S009 galat: registri sop/_jabatan.yml tidak dapat dimuat" in line for line in result.lines)


def test_checking_one_file_resolves_registries_from_its_folder(run_sop):
    result = run_sop("check", SEED)
    assert result.code == 0
    assert " SOP-L002 " in result.out
    assert " SOP-L005 " not in result.out  # uncited entries are judged only on the whole folder


def test_an_unreadable_sop_does_not_make_its_bases_uncited(run_sop, sources_copy, tmp_path):
    sources = sources_copy()
    seed = sources / "perbaikan-data-kinerja.yml"
    seed.write_text(seed.read_text(encoding="utf-8") + "judul: [\n", encoding="utf-8")
    result = run_sop("check", str(sources), cwd=tmp_path)
    assert result.code == 1
    assert any(" SOP-Y001 " in line for line in result.lines)
    assert not any(" SOP-L005 " in line for line in result.lines), result.out


# --- As a process: what only a process shows ------------------------------------------------------------

def test_as_a_process_the_exit_status_is_the_shells(run_sop_process):
    passed = run_sop_process("check", "sop/")
    assert passed.code == 0 and passed.lines[-1].startswith("LULUS: ")
    failed = run_sop_process("check", "--strict", "sop/")
    assert failed.code == 1 and failed.lines[-1].startswith("GAGAL: ")
    usage = run_sop_process("check", "--format", "xml")
    assert usage.code == 2 and "galat" in usage.err
    assert "Traceback" not in passed.err + failed.err + usage.err


@pytest.mark.parametrize("name", ["deep-nesting", "alias-bomb", "binary"])
def test_as_a_process_hostile_input_never_crashes_the_interpreter(name, tmp_path, run_sop_process, sources_copy):
    sources = sources_copy()
    (sources / f"{name}.yml").write_bytes(HOSTILE[name])
    result = run_sop_process("check", str(sources), cwd=tmp_path)
    assert result.code == 1, result.err
    assert result.err == "" and "Traceback" not in result.out
    assert any(line.startswith(f"sop/{name}.yml:") for line in result.lines)


def test_the_sop_command_is_installed():
    """`pip install -e .` put a `sop` script beside this Python, and it answers."""
    (entry,) = [e for e in entry_points(group="console_scripts") if e.name == "sop"]
    assert entry.value == "macros.cli:main"
    script = Path(sys.executable).parent / "sop"
    assert script.is_file()
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("sop ")
