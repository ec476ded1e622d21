"""A draft, an SOP in force and the retired SOP it replaces, built into one site: what each page
says about status, and what a retired SOP leaves (role pages, totals)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO, build_into
from tests.plugin.test_site_build import page_text

pytestmark = pytest.mark.slow  # builds a whole site

STATUS_SOURCES = REPO / "tests" / "site" / "fixtures" / "status"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("status")
    result, site = build_into(work, work / "site", STATUS_SOURCES)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    # a draft's open values are warnings: the build reports them and goes on
    assert "SOP-R001 peringatan" in result.err and "ERROR" not in result.err
    return site


def test_draft_page_says_draf_and_shows_what_is_not_set(site):
    raw = (site / "sop/surat-masuk-draf/index.html").read_text(encoding="utf-8")
    text = page_text(site / "sop/surat-masuk-draf/index.html")
    assert 'class="sop-status sop-status--draf"' in raw and 'class="sop-tanda-air sop-tanda-air--draf"' in raw
    assert "DRAF Rancangan SOP: belum disahkan dan belum berlaku. Belum ditetapkan: nomor, tanggal pembuatan, pengesah, " \
           "waktu sebagian langkah, output sebagian langkah." in text
    assert "Nomor SOP belum ditetapkan Tanggal Pembuatan belum ditetapkan Tanggal Revisi — Tanggal Efektif — " \
           "Disahkan oleh belum ditetapkan" in text
    assert "None" not in text
    # the step without waktu, the step without output, and the total that says it is short
    assert re.search(r'data-langkah="2".*?<td>Surat teragenda</td>\s*<td>—</td>', raw, re.S)
    assert "Total waktu: 1 jam 10 menit (belum termasuk 1 langkah tanpa waktu)" in text


@pytest.mark.parametrize("view", ["lembar-kerja", "swimlane", "checklist/kepala"])
def test_every_view_of_a_draft_says_so(site, view):
    path = site / f"sop/surat-masuk-draf/{view}/index.html"
    text = page_text(path)
    assert text.count("DRAF Rancangan SOP") == 1
    assert "Nomor belum ditetapkan" in text and "None" not in text


def test_retired_page_is_marked_and_links_its_replacement(site):
    raw = (site / "sop/surat-masuk-lama/index.html").read_text(encoding="utf-8")
    text = page_text(site / "sop/surat-masuk-lama/index.html")
    assert "DICABUT SOP ini sudah dicabut sejak Maret 2024 dan tidak berlaku lagi. Penggantinya: Pelayanan Surat Masuk . " \
           "Dicabut dengan Keputusan Kepala Dinas" in text
    assert '<a class="sop-pengganti" href="../surat-masuk/">Pelayanan Surat Masuk</a>' in raw
    # dates as the source knows them, and the effective date under the name the source gives it
    assert "Tanggal Pembuatan 2016 Tanggal Revisi — Tanggal Pengesahan Januari 2016" in text
    assert "Tanggal Efektif" not in text
    assert "DICABUT" in page_text(site / "sop/surat-masuk-lama/checklist/staf-umum/index.html")


def test_retired_sop_leaves_role_pages_and_their_totals(site):
    role = page_text(site / "pelaksana/staf-umum/index.html")
    assert "Pelayanan Surat Masuk (Manual)" not in role
    assert "Bertugas di 2 SOP, 2 langkah; total waktu: 20 menit ." in role
    assert "Pelayanan Surat Masuk Melalui Aplikasi DRAF" in role  # a draft stays, marked
    index = page_text(site / "pelaksana/index.html")
    assert "Pelaksana Sub Bagian Umum Staf Umum 2 2 20 menit" in index


def test_daftar_sop_marks_and_filters_by_status(site):
    raw = (site / "index.html").read_text(encoding="utf-8")
    statuses = re.findall(r'<tr data-urutan="\d+"[^>]* data-status="(\w+)"', raw)
    assert sorted(statuses) == ["berlaku", "dicabut", "draf"]
    assert '<span class="sop-lencana sop-lencana--dicabut">DICABUT</span>' in raw
    assert '<span class="sop-lencana sop-lencana--draf">DRAF</span>' in raw
    assert re.search(r'Status<select data-saring="status"><option value="">Semua</option>'
                     r'<option value="draf">Draf</option><option value="berlaku">Berlaku</option>'
                     r'<option value="dicabut">Dicabut</option></select>', raw)
    assert "2 SOP, ditambah 1 SOP dicabut" in page_text(site / "index.html")
    # the page script filters a row by the data- attribute its select names (data-saring="status")
    assert "row.dataset[field.dataset.saring]" in (site / "assets/daftar.js").read_text(encoding="utf-8")
