"""The audit page and its downloads say when each SOP was last monitored and evaluated, and how
many actions are still open."""

from __future__ import annotations

import csv
import io
import re
import shutil

import openpyxl
import pytest

from macros.site.audit_export import SOP_COLUMNS
from tests.harness import SEED_SOURCES, build, write_config
from tests.render.test_monev import EVALUATION, MONITORING

pytestmark = pytest.mark.slow  # builds a whole site

SEED = "perbaikan-data-kinerja"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("audit-monev")
    sources = work / "sop"
    shutil.copytree(SEED_SOURCES, sources)
    second = (sources / f"{SEED}.yml").read_text(encoding="utf-8").replace(
        "nomor: 205/050/01/Bappeda & Litbang", "nomor: 205/050/02/Bappeda & Litbang", 1)
    (sources / "kedua.yml").write_text(second, encoding="utf-8")
    (sources / "_monitoring").mkdir()
    (sources / "_monitoring" / "2026-1.yml").write_text(MONITORING, encoding="utf-8")
    (sources / "_evaluasi").mkdir()
    # records that cannot be true, for the second SOP: they must not count (it stays "belum tercatat")
    impossible_action = EVALUATION.split("hasil:\n")[1].replace(SEED, "kedua").replace("selesai: 2026-12-06", "selesai: 2099-01-01")
    (sources / "_evaluasi" / "2026.yml").write_text(EVALUATION + impossible_action, encoding="utf-8")
    future = EVALUATION.replace("Tahun 2026", "Tahun 2099").replace("2 Desember 2026", "2099-12-31").replace(SEED, "kedua")
    (sources / "_evaluasi" / "2099.yml").write_text(future.replace("selesai: 2026-12-06", "selesai: 2099-12-31"), encoding="utf-8")
    run = build(write_config(work, sources=sources, site_dir=work / "site"))
    assert run.code == 0, run.err
    (work / "build.log").write_text(run.err, encoding="utf-8")
    return work / "site"


def test_records_that_cannot_be_true_are_reported_and_left_out(site):
    log = (site.parent / "build.log").read_text(encoding="utf-8")
    assert "_evaluasi/2099.yml:3:10: SOP-M007 galat: tanggal penilaian 2099-12-31 sesudah hari ini" in log
    assert "_evaluasi/2026.yml:22:56: SOP-M008 galat: tindakan selesai 2099-01-01 sesudah hari ini" in log
    html = (site / "audit" / "index.html").read_text(encoding="utf-8")
    assert "Tahun 2099" not in html and "2099" not in (site / "sop" / "kedua" / "index.html").read_text(encoding="utf-8")


def test_the_page_gives_the_last_results_and_the_open_actions(site):
    html = (site / "audit" / "index.html").read_text(encoding="utf-8")
    rows = {re.search(r'data-label="Nomor">([^<]+)<', r).group(1): r for r in re.findall(r'<tr data-urutan="\d+".*?</tr>', html, re.S)}
    seed, other = rows["205/050/01/Bappeda &amp; Litbang"], rows["205/050/02/Bappeda &amp; Litbang"]
    assert ('<a href="../sop/perbaikan-data-kinerja/monitoring/#hasil-2026-1" title="Semester I 2026 (22 Juni 2026): '
            '8 dari 10 langkah berjalan dengan baik; 1 tidak berjalan dengan baik; 1 tidak dinilai">Semester I 2026</a>'
            "<br>8 dari 10 langkah baik") in seed
    assert 'title="Tahun 2026 (02 Desember 2026): 5 dari 7 kriteria dijawab Ya">Tahun 2026</a><br>5 dari 7 kriteria Ya' in seed
    assert 'data-label="Tindakan terbuka">2<' in seed and 'data-monev="monitoring evaluasi tindakan"' in seed
    assert other.count("belum tercatat") == 2 and 'data-monev="belum-monitoring belum-evaluasi"' in other
    assert '<select data-saring="monev" data-saring-cara="kata">' in html


def test_the_downloads_hold_the_same(site):
    rows = list(openpyxl.load_workbook(site / "audit" / "audit.xlsx")["SOP"].iter_rows(values_only=True))
    assert rows[0] == SOP_COLUMNS
    columns = {name: n for n, name in enumerate(SOP_COLUMNS)}
    seed = next(r for r in rows[1:] if r[columns["Nomor"]] == "205/050/01/Bappeda & Litbang")
    assert seed[columns["Monitoring terakhir"]].startswith("Semester I 2026 (22 Juni 2026): 8 dari 10 langkah")
    assert seed[columns["Evaluasi terakhir"]] == "Tahun 2026 (02 Desember 2026): 5 dari 7 kriteria dijawab Ya"
    assert seed[columns["Tindakan terbuka"]] == 2
    text = (site / "audit" / "audit.csv").read_bytes().decode("utf-8")[1:]
    other = next(r for r in csv.reader(io.StringIO(text), delimiter=";") if r[columns["Nomor"]] == "205/050/02/Bappeda & Litbang")
    assert other[columns["Monitoring terakhir"]] == "" and other[columns["Tindakan terbuka"]] == "0"
