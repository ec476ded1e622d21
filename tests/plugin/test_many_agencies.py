"""A kabupaten site of many agencies: the site is named by configuration, each SOP keeps its own
agency's kop (with as many levels as the real one), and the header names the agency of the page
being read. Built once from the `dua-instansi` build fixture."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.plugin.test_build_fixtures import BUILD_FIXTURES, assert_no_traceback, build, error_lines

pytestmark = pytest.mark.slow  # builds a whole site

SITE_NAME = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("dua-instansi")
    run, site = build(work, "--strict", fixture=BUILD_FIXTURES / "dua-instansi")
    assert_no_traceback(run)
    assert run.code == 0, run.err
    return site


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def header_topic(page: str) -> str:
    """The text of the header's first topic (the site or the agency), tags dropped."""
    match = re.search(r'<div class="md-header__topic">\s*<span class="md-ellipsis">(.*?)</span>\s*</div>', page, re.S)
    assert match, "no header topic"
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1)))).strip()


def test_the_site_is_named_by_configuration():
    assert SITE_NAME == "SOP Pemerintah Kabupaten Banggai"  # the kabupaten, not the seed agency


def test_pages_not_of_one_agency_show_the_site_name(site):
    for path in ("index.html", "sop/index.html", "pelaksana/index.html", "pelaksana/pemohon/index.html"):
        assert header_topic(read(site, path)) == SITE_NAME, path


@pytest.mark.parametrize(
    "path",
    [
        "sop/surat-pengantar/index.html",
        "sop/surat-pengantar/lembar-kerja/index.html",
        "sop/surat-pengantar/swimlane/index.html",
        "sop/surat-pengantar/checklist/pemohon/index.html",
        "sop/surat-pengantar/checklist/lurah/index.html",
        "pelaksana/lurah/index.html",
    ],
)
def test_the_header_names_the_agency_of_the_page(site, path):
    page = read(site, path)
    # the full name, and the short one shown instead on phones
    assert header_topic(page) == "Kelurahan Contoh Indah Kel. Contoh Indah", path
    assert SITE_NAME not in header_topic(page)


def test_each_sop_keeps_its_own_agency(site):
    assert header_topic(read(site, "sop/surat-masuk/index.html")) == "Dinas Contoh Kabupaten Contoh Dinas Contoh"
    kop = re.search(r'<td class="sop-kop"[^>]*>(.*?)</td>', read(site, "sop/surat-masuk/index.html"), re.S).group(1)
    assert "KELURAHAN" not in kop and "PEMERINTAH KABUPATEN CONTOH" in kop


def test_a_kop_of_three_levels_is_printed_line_by_line(site):
    kop = re.search(r'<td class="sop-kop"[^>]*>(.*?)</td>', read(site, "sop/surat-pengantar/index.html"), re.S).group(1)
    lines = [html.unescape(t) for t in re.findall(r'<div class="sop-kop-(?:pemerintah|instansi|alamat)">(.*?)</div>', kop)]
    assert lines == [
        "PEMERINTAH KOTA CONTOH",
        "KECAMATAN CONTOH BARAT",
        "KELURAHAN CONTOH INDAH",
        "Jl. Kenanga No. 7, Kota Contoh",
    ]


def test_daftar_sop_filters_by_agency(site):
    page = read(site, "index.html")
    select = re.search(r'<select data-saring="instansi">(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'<option value="([^"]+)"', select) == ["Dinas Contoh Kabupaten Contoh", "Kelurahan Contoh Indah"]
    assert page.count('data-instansi="Kelurahan Contoh Indah"') == 1


def test_an_external_party_signs_nothing_as_an_official(site):
    citizen = read(site, "sop/surat-pengantar/checklist/pemohon/index.html")
    official = read(site, "sop/surat-pengantar/checklist/lurah/index.html")
    assert "NIP" not in citizen and "Paraf" not in citizen and "Tanda tangan" not in citizen
    assert "Pihak di luar instansi: Pemohon" in citizen and "Jabatan:" not in citizen
    assert citizen.count('<td class="sop-isian') == 2 * 2  # tanggal, catatan for each of its 2 steps
    # the first step opens the procedure, even when a loop also leads back to it
    assert "awal prosedur; atau setelah langkah 2 (Sekretaris Kelurahan), bila Tidak lengkap" in citizen
    assert "NIP: ____" in official and "<th>Paraf</th>" in official.replace(' scope="col"', "")
    role = read(site, "pelaksana/pemohon/index.html")
    assert "pihak di luar instansi" in role and "Terlibat di 1 SOP" in role
    assert "(pihak luar)" in read(site, "pelaksana/index.html")


def test_a_build_without_strict_says_which_sops_it_left_out(tmp_path):
    run, site = build(tmp_path, fixture=BUILD_FIXTURES / "sop-tidak-terbit")
    assert_no_traceback(run)
    assert run.code == 0, run.err
    assert error_lines(run)  # the findings themselves
    assert "WARNING -  2 dari 3 SOP tidak diterbitkan karena bergalat: sop/pengarsipan-surat.yml, sop/surat-keluar.yml" in run.err
    page = read(site, "index.html")
    notice = re.search(r'<div class="admonition warning sop-tidak-terbit".*?</ul>', page, re.S).group(0)
    assert "2 dari 3 SOP tidak diterbitkan karena bergalat" in notice
    items = [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li [^>]*>(.*?)</li>", notice, re.S)]
    assert items == [
        "pengarsipan-surat: sop/pengarsipan-surat.yml:8:14: SOP-Y001 diharapkan ',' atau ']' (kurung siku belum ditutup?)",
        "surat-keluar: sop/surat-keluar.yml:36:5: SOP-A002 kolom pelaksana 'kepala' "
        "tidak dipakai oleh satu langkah pun; hapus atau tetapkan langkahnya",
    ]
    assert (site / "sop" / "surat-masuk" / "index.html").is_file()  # the good one is published
    assert not (site / "sop" / "surat-keluar").exists()
