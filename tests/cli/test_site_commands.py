"""`sop build` and `sop serve`: mkdocs with our findings first and nothing of Material's notice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_SOURCES

FINDING = re.compile(r"^[^\s:][^:]*:\d+:\d+: SOP-[A-Z]\d{3} (galat|peringatan): ")


def _project(tmp_path: Path) -> Path:
    """A project folder as an agency has it: mkdocs.yml, docs/ and sop/, without the code."""
    project = tmp_path / "proyek"
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(SEED_SOURCES, project / "sop")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")  # as it is: nothing in it names this repository
    return project


def _env() -> dict[str, str]:
    # A newcomer's shell: no NO_MKDOCS_2_WARNING; the command must set what it needs itself.
    return {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "SOURCE_DATE_EPOCH")}


def _sop(project: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", *args], cwd=project, capture_output=True, text=True, timeout=timeout,
        env=_env(),
    )


@pytest.mark.slow  # a whole build, as a process
def test_build_prints_findings_first_and_no_notice(tmp_path):
    project = _project(tmp_path)
    proc = _sop(project, "build", "-d", str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stderr
    lines = (proc.stdout + proc.stderr).splitlines()
    assert FINDING.match(lines[0]), lines[:3]
    assert "SOP-L002 peringatan" in proc.stderr
    assert "end of life" not in proc.stderr and "Zensical" not in proc.stderr
    assert "[macros]" not in proc.stderr
    assert not any(line.startswith(("INFO", "ERROR")) and " SOP-" in line for line in lines), "temuan tercetak dua kali"
    assert (tmp_path / "site" / "sop" / "perbaikan-data-kinerja" / "index.html").is_file()


@pytest.mark.slow  # a whole build, as a process
def test_build_strict_fails_on_an_error_with_one_plain_line(tmp_path):
    project = _project(tmp_path)
    source = project / "sop" / "perbaikan-data-kinerja.yml"
    source.write_text(source.read_text(encoding="utf-8") + "judul: [\n", encoding="utf-8")
    before = source.read_bytes()
    proc = _sop(project, "build", "--strict", "-d", str(tmp_path / "site"))
    assert proc.returncode == 1, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if " galat: " in line and FINDING.match(line)]
    assert errors and errors[0].startswith("sop/perbaikan-data-kinerja.yml:"), proc.stderr
    assert "SOP-Y001" in errors[0]
    assert "Traceback" not in proc.stderr
    assert source.read_bytes() == before


@pytest.mark.slow  # a whole build, as a process
def test_build_without_strict_leaves_the_broken_sop_out(tmp_path):
    project = _project(tmp_path)
    source = project / "sop" / "perbaikan-data-kinerja.yml"
    source.write_text(source.read_text(encoding="utf-8") + "judul: [\n", encoding="utf-8")
    proc = _sop(project, "build", "-d", str(tmp_path / "site"))
    assert proc.returncode == 0, proc.stderr
    assert "SOP-Y001 galat" in proc.stderr
    assert not (tmp_path / "site" / "sop" / "perbaikan-data-kinerja" / "index.html").exists()


@pytest.mark.slow  # a whole build, as a process
def test_serve_serves_the_site_with_findings_first(tmp_path):
    project = _project(tmp_path)
    port = 18000 + os.getpid() % 1000
    proc = subprocess.Popen(
        [sys.executable, "-m", "macros.cli", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=_env(),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
            if "Serving on" in line:
                break
        assert any("Serving on" in line for line in lines), lines
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/sop/perbaikan-data-kinerja/", timeout=30).read()
        assert b"Mekanisme Perbaikan Data Kinerja" in page
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    first_ours = next(i for i, line in enumerate(lines) if FINDING.match(line))
    assert not any("end of life" in line or "[macros]" in line for line in lines), lines
    assert all(not line.startswith("INFO") or "Building documentation" in line for line in lines[:first_ours]), lines


@pytest.mark.parametrize("command", ["build", "serve"])
def test_help_is_indonesian(command, run_sop):
    result = run_sop(command, "--help")
    assert result.code == 0
    assert "penggunaan: sop " + command in result.out
