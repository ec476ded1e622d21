"""Swimlane, checklist and role pages in a built site; the DOT cache; a missing `dot`."""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_SOURCES, Run, build_into
from tests.plugin.test_site_build import page_text

pytestmark = pytest.mark.slow  # builds a whole site

FIXTURES = REPO / "tests" / "render" / "fixtures" / "flowchart"
SEED = "sop/perbaikan-data-kinerja"


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("views")
    result, site = build_into(work, work / "site", SEED_SOURCES, "--strict")
    assert result.code == 0, result.err
    return site


def _counting_dot(tmp_path: Path) -> tuple[Path, dict]:
    """A `dot` first on PATH that records each call, then runs the real one."""
    real = shutil.which("dot")
    assert real, "graphviz 'dot' tidak ada; jalankan bash .ci/install"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "dot-calls.log"
    wrapper = bin_dir / "dot"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return log, {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _calls(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def _build(work: Path, sources: Path, env: dict, name: str) -> Run:
    """A strict build into work/<name>; every build of one `work` shares its diagram cache."""
    run, _ = build_into(work, work / name, sources, "--strict", env=env)
    return run


def test_a_rebuild_without_changes_runs_dot_zero_times(tmp_path):
    sources = tmp_path / "sop"
    shutil.copytree(FIXTURES, sources)
    log, env = _counting_dot(tmp_path)
    first = _build(tmp_path, sources, env, "a")
    assert first.code == 0, first.err
    count = len([p for p in FIXTURES.glob("*.yml") if not p.name.startswith("_")])
    assert count >= 12  # every flowchart fixture (12 when this was written): many diagrams, each counted
    assert _calls(log) == count  # one diagram per SOP
    second = _build(tmp_path, sources, env, "b")
    assert second.code == 0, second.err
    assert _calls(log) == count  # none drawn again
    assert f"swimlane: 0 digambar dengan dot, {count} dari cache" in second.err
    assert (tmp_path / "a/sop/putar-balik/swimlane.svg").read_bytes() == (tmp_path / "b/sop/putar-balik/swimlane.svg").read_bytes()
    path = sources / "putar-balik.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("tahap 3", "tahap ketiga"), encoding="utf-8")
    third = _build(tmp_path, sources, env, "c")
    assert third.code == 0, third.err
    assert _calls(log) == count + 1  # only the edited SOP's diagram


def test_without_dot_check_works_and_build_stops_with_one_clear_line(tmp_path, run_sop, monkeypatch):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    for tool in ("git",):  # keep what mkdocs-macros may look for, but never dot
        if shutil.which(tool):
            (empty_bin / tool).symlink_to(shutil.which(tool))
    env = {"PATH": str(empty_bin)}
    with monkeypatch.context() as patch:
        patch.setenv("PATH", str(empty_bin))
        check = run_sop("check", str(SEED_SOURCES))
    assert check.code == 0, check.err
    result = _build(tmp_path, SEED_SOURCES, env, "tanpa-dot")
    assert result.code == 1
    output = result.out + result.err
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if "dot" in line.lower() and "graphviz" in line.lower()]
    assert lines == [
        "galat: program 'dot' dari Graphviz tidak ditemukan; pasang dengan 'apt-get install graphviz' "
        "(atau jalankan 'bash .ci/install'), lalu bangun ulang"
    ]


def test_swimlane_page_embeds_the_svg_and_offers_a_download(seed_site):
    page = (seed_site / SEED / "swimlane/index.html").read_text(encoding="utf-8")
    svg_file = (seed_site / SEED / "swimlane.svg").read_text(encoding="utf-8")
    assert svg_file.startswith("<svg") and "<title>s10_0</title>" in svg_file
    assert '<a href="../swimlane.svg" download="perbaikan-data-kinerja-swimlane.svg">unduh SVG</a>' in page
    assert svg_file.strip() in page  # the same drawing, inline (searchable, sharp in print)
    assert "Kabid Renum" in page_text(seed_site / SEED / "swimlane/index.html")


def _rows(page: str) -> dict[int, str]:
    return {int(n): body for n, body in re.findall(r'<tr data-langkah="(\d+)">(.*?)</tr>', page, re.S)}


def _detail(body: str, key: str) -> str:
    match = re.search(rf'<div class="sop-rinci" data-rinci="{key}"><span class="sop-rinci-label">[^<]*</span> (.*?)</div>', body)
    return html.unescape(match.group(1))


def test_kabid_renum_checklist(seed_site):
    page = (seed_site / SEED / "checklist/kabid-renum/index.html").read_text(encoding="utf-8")
    rows = _rows(page)
    assert sorted(rows) == [4, 6, 7]
    waktu = {n: re.search(r'<td class="sop-waktu"[^>]*>(.*?)</td>', body).group(1) for n, body in rows.items()}
    assert waktu == {4: "180 menit", 6: "120 menit", 7: "60 menit"}
    assert all(_detail(body, "output") == "Dokumen data kinerja" for body in rows.values())
    assert _detail(rows[4], "mulai") == "setelah langkah 3 (Sekretaris)"
    assert _detail(rows[7], "tujuan") == "langkah 8 (Kasubbid Data)"
    assert all(body.count('<td class="sop-isian') == 3 for body in rows.values())  # tanggal, paraf, catatan
    assert all('type="checkbox"' in body for body in rows.values())
    text = page_text(seed_site / SEED / "checklist/kabid-renum/index.html")
    assert "Total waktu Kabid Renum dalam SOP ini: 6 jam" in text
    assert 'href="../../../../pelaksana/kabid-renum/"' in page
    assert "@page { size: 210mm 297mm;" in page


def test_first_and_last_steps_say_where_the_procedure_starts_and_ends(seed_site):
    page = (seed_site / SEED / "checklist/kepala-bappeda/index.html").read_text(encoding="utf-8")
    rows = _rows(page)
    assert sorted(rows) == [1, 2, 10]
    assert _detail(rows[1], "mulai") == "awal prosedur"
    assert _detail(rows[10], "tujuan") == "selesai (akhir prosedur)"


def test_sop_page_links_to_swimlane_and_every_checklist(seed_site):
    page = (seed_site / SEED / "index.html").read_text(encoding="utf-8")
    assert '<a href="swimlane/">Diagram Swimlane</a>' in page
    for role in ("kepala-bappeda", "sekretaris-bappeda", "kabid-renum", "kasubbid-data", "pelaksana-bappeda"):
        assert f'<a href="checklist/{role}/">' in page


def test_role_pages_exist_for_every_role_with_counts_and_time(seed_site):
    expected = {
        "kepala-bappeda": (3, "3 jam 30 menit"),
        "sekretaris-bappeda": (2, "1 jam 30 menit"),
        "kabid-renum": (3, "6 jam"),
        "kasubbid-data": (1, "30 menit"),
        "pelaksana-bappeda": (1, "8 jam"),
    }
    for role, (steps, total) in expected.items():
        page = (seed_site / "pelaksana" / role / "index.html").read_text(encoding="utf-8")
        assert f'data-jumlah-sop="1" data-jumlah-langkah="{steps}"' in page, role
        assert f"total waktu: {total}" in page_text(seed_site / "pelaksana" / role / "index.html"), role
    index = page_text(seed_site / "pelaksana/index.html")
    assert "Kepala Bidang Renum Kabid Renum 1 3 6 jam" in index
    nav = (seed_site / "index.html").read_text(encoding="utf-8")
    assert 'href="pelaksana/"' in nav


def test_a_role_that_acts_nowhere_is_listed_as_such(build_site, sources_copy):
    sources = sources_copy()
    registry = sources / "_jabatan.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8") + "bendahara:\n  nama: Bendahara Pengeluaran\n  singkatan: Bendahara\n",
        encoding="utf-8",
    )
    result, site = build_site(sources, "--strict")
    assert result.code == 0, result.err
    text = page_text(site / "pelaksana/bendahara/index.html")
    assert "Jabatan ini belum bertugas di SOP mana pun." in text
    assert "Bendahara Pengeluaran Bendahara 0 0 —" in page_text(site / "pelaksana/index.html")
