"""Only regular files inside the source root are read, and never more than the size cap."""

from __future__ import annotations

import os

import pytest

from macros.load import files
from macros.load.files import read_source


def _codes(result) -> list[str]:
    return [f.code for f in result[1]]


def test_a_regular_file_is_read(tmp_path):
    (tmp_path / "a.yml").write_bytes(b"nomor: 1\n")
    assert read_source(tmp_path / "a.yml", "a.yml", tmp_path) == (b"nomor: 1\n", [])


def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "antrean.yml")
    raw, findings = read_source(tmp_path / "antrean.yml", "antrean.yml", tmp_path)
    assert raw is None and [f.code for f in findings] == ["SOP-Y003"]
    assert "bukan berkas biasa" in findings[0].message


def test_a_link_to_a_device_is_refused(tmp_path):
    (tmp_path / "nol.yml").symlink_to("/dev/zero")
    assert _codes(read_source(tmp_path / "nol.yml", "nol.yml", tmp_path)) == ["SOP-Y003"]
    # even without a root to compare with, a device is not a regular file
    assert _codes(read_source(tmp_path / "nol.yml", "nol.yml", None)) == ["SOP-Y003"]


def test_a_link_out_of_the_sources_is_refused_and_one_inside_is_read(tmp_path):
    root = tmp_path / "sop"
    root.mkdir()
    (tmp_path / "luar.yml").write_text("nomor: 1\n")
    (root / "luar.yml").symlink_to(tmp_path / "luar.yml")
    raw, findings = read_source(root / "luar.yml", "sop/luar.yml", root)
    assert raw is None and "ke luar folder sumber" in findings[0].message
    (root / "asli.yml").write_text("nomor: 2\n")
    (root / "salinan.yml").symlink_to(root / "asli.yml")
    assert read_source(root / "salinan.yml", "sop/salinan.yml", root) == (b"nomor: 2\n", [])


def test_a_file_over_the_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_SOURCE_BYTES", 10)
    (tmp_path / "besar.yml").write_bytes(b"x" * 11)
    raw, findings = read_source(tmp_path / "besar.yml", "besar.yml", tmp_path)
    assert raw is None and "terlalu besar" in findings[0].message


def test_sop_check_with_a_fifo_in_the_sources_finishes(tmp_path, run_sop):
    root = tmp_path / "sop"
    root.mkdir()
    (root / "_jabatan.yml").write_text("")
    os.mkfifo(root / "antrean.yml")
    result = run_sop("check", str(root), cwd=tmp_path)
    assert result.code == 1
    assert "sop/antrean.yml:1:1: SOP-Y003 galat: bukan berkas biasa" in result.out
