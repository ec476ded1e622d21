"""The sources are never destroyed: an output folder that is, holds or lies inside the sources, docs/
or mkdocs.yml is refused in one line before anything is written or deleted (issue 23)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_SOURCES

REFUSED = re.compile(r"^(mkdocs\.yml:\d+:\d+: )?SOP-B005 galat: .+$")


def _project(tmp_path: Path) -> Path:
    """An agency's project (mkdocs.yml, docs/, sop/), PDFs off so that a build that goes wrong is quick."""
    project = tmp_path / "proyek"
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(SEED_SOURCES, project / "sop")
    (project / "sop" / "unit").mkdir()
    shutil.copy(SEED_SOURCES / "perbaikan-data-kinerja.yml", project / "sop" / "unit" / "kedua.yml")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("pdf: true", "pdf: false")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    """Every entry below `folder`, by relative path: a file's bytes, a link's target, a folder's mark."""
    found: dict[str, bytes] = {}
    for current, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(current) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = b"-> " + os.readlink(path).encode()
            elif path.is_dir():
                found[key] = b"<folder>"
            else:
                found[key] = path.read_bytes()
    return found


def _run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {"PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, timeout=600, env=env)


def _config_with(project: Path, old: str, new: str) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    "sop build -d sop": (None, ("-m", "macros.cli", "build", "-d", "sop")),
    "sop build -d sop/x": (None, ("-m", "macros.cli", "build", "-d", "sop/x")),
    "sop build -d sop/unit": (None, ("-m", "macros.cli", "build", "-d", "sop/unit")),
    "sop build -d .": (None, ("-m", "macros.cli", "build", "-d", ".")),
    "sop build -d docs": (None, ("-m", "macros.cli", "build", "-d", "docs")),
    "sop pdf -d sop": (None, ("-m", "macros.cli", "pdf", "-d", "sop")),
    "sop build -d link-to-sop": ("link", ("-m", "macros.cli", "build", "-d", "tautan")),
    "sop build -d link-to-docs": ("link-docs", ("-m", "macros.cli", "build", "-d", "tautan")),
    "site_dir: sop, sop build": (("site_dir: site", "site_dir: sop"), ("-m", "macros.cli", "build")),
    "site_dir: sop, mkdocs build": (("site_dir: site", "site_dir: sop"), ("-m", "mkdocs", "build")),
    "site_dir: sop, mkdocs build --dirty": (("site_dir: site", "site_dir: sop"), ("-m", "mkdocs", "build", "--dirty")),
    "site_dir: sop/situs": (("site_dir: site", "site_dir: sop/situs"), ("-m", "macros.cli", "build")),
    "cache_dir: sop": (("      sources: sop\n", "      sources: sop\n      cache_dir: sop\n"), ("-m", "macros.cli", "build")),
    "cache_dir: docs": (("      sources: sop\n", "      sources: sop\n      cache_dir: docs\n"), ("-m", "macros.cli", "build")),
    "cache_dir: .": (("      sources: sop\n", "      sources: sop\n      cache_dir: .\n"), ("-m", "macros.cli", "build")),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_an_output_over_the_sources_is_refused_and_nothing_changes(tmp_path, case):
    project = _project(tmp_path)
    setup, args = CASES[case]
    if setup == "link":
        (project / "tautan").symlink_to("sop", target_is_directory=True)
    elif setup == "link-docs":
        (project / "tautan").symlink_to("docs", target_is_directory=True)
    elif setup is not None:
        _config_with(project, *setup)
    before = _tree(project)
    done = _run(project, *args)
    output = done.stdout + done.stderr
    assert _tree(project) == before, f"{case}: sumber berubah\n{output}"
    assert done.returncode != 0, output
    assert "Traceback" not in output
    if case in ("sop build -d docs", "sop build -d ."):  # mkdocs' own check (docs_dir inside the site folder)
        assert "should not be within the 'site_dir'" in output
        return
    lines = [line for line in output.splitlines() if "SOP-B005" in line]
    assert len(lines) == 1 and REFUSED.match(lines[0]), output
    if case.startswith("site_dir: sop,"):
        assert lines[0].startswith("mkdocs.yml:5:11: SOP-B005 galat: folder hasil situs 'sop' (site_dir di mkdocs.yml) "
                                   "adalah folder sumber SOP 'sop'"), lines[0]


def test_an_output_apart_from_the_sources_is_let_through(tmp_path):
    from macros.plugin.safe_folders import unsafe_output

    project = tmp_path / "p"
    sources, docs, config = project / "sop", project / "docs", project / "mkdocs.yml"
    for folder in (sources, docs):
        folder.mkdir(parents=True)
    config.write_text("site_name: x\n", encoding="utf-8")
    for site in (project / "site", project / "sopsite", tmp_path / "elsewhere", project / ".cache" / "site"):
        assert unsafe_output(config, site, project / ".cache" / "sop", sources, docs) is None


@pytest.mark.parametrize("site, relation", [
    ("sop", "adalah folder sumber SOP"), ("sop/a/b", "berada di dalam folder sumber SOP"),
    (".", "berisi folder sumber SOP"), ("docs/x", "berada di dalam folder halaman (docs_dir)"),
])
def test_how_the_output_stands_is_said(tmp_path, site, relation, monkeypatch):
    from macros.plugin.safe_folders import unsafe_output

    project = tmp_path / "p"
    (project / "sop").mkdir(parents=True)
    (project / "docs").mkdir()
    config = project / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.chdir(project)
    line = unsafe_output(config, project / site, project / ".cache", project / "sop", project / "docs")
    assert line is not None and relation in line and line.startswith("SOP-B005 galat: folder hasil situs"), line


def test_a_site_folder_holding_mkdocs_yml_is_refused(tmp_path, monkeypatch):
    """Sources and docs elsewhere, the site folder where mkdocs.yml is: cleaning it would delete the project."""
    from macros.plugin.safe_folders import unsafe_output

    project = tmp_path / "p"
    project.mkdir()
    config = project / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.chdir(project)
    line = unsafe_output(config, project, tmp_path / "cache", tmp_path / "sop", tmp_path / "docs")
    assert line is not None and "berisi berkas konfigurasi 'mkdocs.yml'" in line, line
