"""What the commands print is shown by a terminal, never obeyed: escape sequences in a YAML key, a
line break or a byte that is not UTF-8 in a file name, a `\\r` in a step (macros/terminal.py)."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from macros.terminal import printable, printable_json
from tests.conftest import SEED_SOURCES, build_into, run_cli
from tests.site.test_riwayat import SEED, STEP_3_NEW, make_repository

OBEYED = "\x1b]0;DIAMBIL ALIH\x07\x1b[2K\x1b[1A"  # retitle the terminal, erase the line, go up one
HOSTILE_KEY = f"kunci{OBEYED}"


def _obeyable(text: str) -> list[str]:
    """Characters of `text` a terminal acts on or that break a line."""
    return [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u2028\u2029"]


@pytest.mark.parametrize(("raw", "shown"), [
    ("a\nb", "a\\nb"), ("a\rb", "a\\rb"), ("a\tb", "a\\tb"), ("\x1b[2K", "\\x1b[2K"), ("\x07", "\\x07"),
    ("\x7f\x9b", "\\x7f\\x9b"), ("\u202eabc", "\\u202eabc"), ("a\u200bb\u00adc", "a\\u200bb\\xadc"),
    ("\u2028\u2029", "\\u2028\\u2029"), ("x\udcff", "x\\udcff"), ("\U000e0041", "\\U000e0041"),
    ("Pelayanan é — “Ya” ≥ 5 \\n", "Pelayanan é — “Ya” ≥ 5 \\n"),  # letters, punctuation, a backslash: as they are
])
def test_a_line_shows_every_character_and_obeys_none(raw, shown):
    assert printable(raw) == shown


def test_json_keeps_its_layout_and_reads_back_the_same():
    document = json.dumps({"kunci": "a\x1b\x9b\u202e\n\udcff\U000e0041 é"}, ensure_ascii=False, indent=2)
    safe = printable_json(document)
    assert json.loads(safe) == json.loads(document)
    assert safe.count("\n") == document.count("\n") == 2
    assert _obeyable(safe.replace("\n", "")) == [] and "\udcff" not in safe and "é" in safe


def _hostile_sources(root: Path) -> Path:
    sources = root / "sop"
    shutil.copytree(SEED_SOURCES, sources, ignore=shutil.ignore_patterns("*.md"))
    seed = sources / "perbaikan-data-kinerja.yml"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("judul:", json.dumps(HOSTILE_KEY) + ": 1\njudul:", 1), encoding="utf-8")
    (sources / "dua\nbaris.yml").write_text("judul: [\n", encoding="utf-8")
    if sys.platform != "darwin":  # macOS refuses a file name that is not UTF-8
        (sources / os.fsdecode(b"bukan-utf8-\xff.yml")).write_text("judul: [\n", encoding="utf-8")
    return sources


def test_sop_check_prints_one_inert_line_per_finding(tmp_path):
    _hostile_sources(tmp_path)
    result = run_cli("check", "sop", cwd=tmp_path)
    assert result.code == 1 and result.err == ""
    assert _obeyable(result.out) == []
    lines = result.lines
    assert all(line.startswith("sop/") for line in lines[:-1]) and lines[-1].startswith("GAGAL:")
    assert any(line.startswith("sop/dua\\nbaris.yml:1:1: SOP-Y001") or line.startswith("sop/dua\\nbaris.yml:")
               for line in lines)
    assert any("kunci 'kunci\\x1b]0;DIAMBIL ALIH\\x07\\x1b[2K\\x1b[1A' tidak dikenal" in line for line in lines)
    if sys.platform != "darwin":
        assert any(line.startswith("sop/bukan-utf8-\\udcff.yml:") for line in lines)
    as_json = run_cli("check", "--format", "json", "sop", cwd=tmp_path)
    assert _obeyable(as_json.out.replace("\n", "")) == []
    paths = {f["path"] for f in json.loads(as_json.out)["findings"]}
    assert "sop/dua\nbaris.yml" in paths  # JSON says the name itself, escaped as JSON escapes it


def test_the_build_log_is_inert(tmp_path):
    sources = _hostile_sources(tmp_path / "proyek")
    run, _ = build_into(tmp_path, tmp_path / "site", sources)
    assert run.code == 0, run.err
    assert _obeyable(run.err.replace("\n", "")) == []
    assert "sop/dua\\nbaris.yml" in run.err or "dua\\nbaris.yml" in run.err
    assert "kunci\\x1b]0;DIAMBIL ALIH" in run.err


@pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")
def test_sop_diff_shows_a_carriage_return_in_a_step(tmp_path):
    root = make_repository(tmp_path / "repo")
    seed = root / SEED
    hidden = "Tidak ada perubahan isi SOP."  # a text may hold \r; what follows overwrote the line
    text = seed.read_text(encoding="utf-8")
    assert text.count(f"kegiatan: {STEP_3_NEW}\n") == 1
    seed.write_text(text.replace(f"kegiatan: {STEP_3_NEW}\n", f"kegiatan: {json.dumps(STEP_3_NEW + chr(13) + hidden)}\n"),
                    encoding="utf-8")
    result = run_cli("diff", cwd=root)
    assert result.code == 0, result.err
    (line,) = result.lines
    assert _obeyable(line) == []
    assert line.endswith(f'"{STEP_3_NEW}\\rTidak ada perubahan isi SOP."')
    as_json = run_cli("diff", "--format", "json", cwd=root)
    assert json.loads(as_json.out)[0]["baru"] == STEP_3_NEW + "\r" + hidden
