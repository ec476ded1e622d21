"""Real SOPs as they are (issue 21): what a signed source says is printed as it says, what it lacks
is printed as absent, and nothing is made up. The fixture `apa-adanya` holds two real shapes: a
puskesmas SOP with no nomor, dates without a year, a legal-basis list that starts at item 9, a
regulation cited without a year, no Lembar Kerja data and a kop of the agency's own name only; and
a kelurahan SOP citing a registered regulation in its own words, with a column headed its own way."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest

from tests.conftest import build_into

pytestmark = pytest.mark.slow  # builds a whole site

SOURCES = Path(__file__).parent / "fixtures" / "apa-adanya" / "sop"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("apa-adanya")
    result, site = build_into(work, work / "site", SOURCES, "--strict", pdf=False)
    assert result.code == 0, result.err  # warnings only: every SOP is published
    for code in ("SOP-R010", "SOP-R011", "SOP-T007", "SOP-L013"):
        assert f": {code} peringatan: " in result.err, code
    return site


def _page(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _row(page: str, label: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td>(.*?)</td>\s*</tr>', page, re.S)
    assert match, label
    return _text(match.group(1))


def test_what_the_source_lacks_is_printed_absent_not_draft(site):
    page = _page(site, "sop", "pendaftaran-pasien")
    assert _row(page, "Nomor SOP") == "—"
    assert "sop-status-draf" not in page and "DRAF" not in page and "belum disahkan" not in page
    assert "belum ditetapkan" not in page  # that is a draft's wording, not a signed SOP's


def test_dates_without_a_year_print_as_written(site):
    page = _page(site, "sop", "pendaftaran-pasien")
    assert _row(page, "Tanggal Pembuatan") == "04 Januari"
    assert _row(page, "Tanggal Efektif") == "Desember"
    assert not re.search(r"04 Januari \d{4}|Desember \d{4}", _text(page))


def test_a_list_that_starts_midway_keeps_the_sources_numbers(site):
    page = _page(site, "sop", "pendaftaran-pasien")
    legal = re.search(r"Dasar Hukum:</th>.*?<td>(<ol>.*?</ol>)</td>", page, re.S).group(1)
    assert "Undang-Undang Nomor 36 Tahun 2009" in legal
    assert re.findall(r'<li value="(\d+)">', legal) == ["9", "10"]
    qualifications = re.search(r"Dasar Hukum:</th>.*?</ol></td>\s*<td>(<ol>.*?</ol>)</td>", page, re.S).group(1)
    assert "Ramah dan teliti" in qualifications
    assert re.findall(r'<li value="(\d+)">', qualifications) == ["1", "3"]


def test_a_citation_without_a_year_prints_none(site):
    page = _page(site, "sop", "pendaftaran-pasien")
    assert "Peraturan Menteri Kesehatan Nomor 75 tentang Pusat Kesehatan Masyarakat" in _text(page)
    assert "Nomor 75 Tahun" not in _text(page)


def test_the_regulation_that_encloses_the_sop_is_printed(site):
    page = _page(site, "sop", "pendaftaran-pasien")
    assert _row(page, "Ditetapkan dalam").startswith("Lampiran II Keputusan Kepala UPTD Puskesmas Tanjung")
    assert "Ditetapkan dalam" not in _page(site, "sop", "surat-keterangan-domisili")


def test_a_kop_of_the_agencys_name_only(site):
    page = _page(site, "sop", "pendaftaran-pasien")
    kop = re.search(r'<td class="sop-kop"[^>]*>(.*?)</td>', page, re.S).group(1)
    assert "sop-kop-pemerintah" not in kop
    assert '<div class="sop-kop-instansi">UPTD PUSKESMAS TANJUNG</div>' in kop
    other = re.search(r'<td class="sop-kop"[^>]*>(.*?)</td>', _page(site, "sop", "surat-keterangan-domisili"), re.S).group(1)
    assert re.findall(r'<div class="sop-kop-pemerintah">(.*?)</div>', other) == ["PEMERINTAH KOTA CONTOH", "KECAMATAN KARANG BARAT"]


def test_the_worksheet_says_what_is_not_filled(site):
    page = _page(site, "sop", "pendaftaran-pasien", "lembar-kerja")
    for part in ("jenis", "pj-produk", "pj-kegiatan", "ruang-lingkup"):
        cell = re.search(rf'<td data-bagian="{part}">(.*?)</td>', page, re.S).group(1)
        assert _text(cell) == "belum diisi", part
    other = _page(site, "sop", "surat-keterangan-domisili", "lembar-kerja")
    assert _text(re.search(r'<td data-bagian="jenis">(.*?)</td>', other).group(1)) == "Pelayanan"
    assert _text(re.search(r'<td data-bagian="ruang-lingkup">(.*?)</td>', other).group(1)) == "Kelurahan Karang Indah"
    assert _text(re.search(r'<td data-bagian="pj-produk">(.*?)</td>', other).group(1)) == "belum diisi"


def test_one_regulation_in_two_wordings(site):
    """The registry holds the act once; each SOP prints the words it was signed with."""
    page = _text(_page(site, "sop", "surat-keterangan-domisili"))
    assert "Permendagri No. 9 Tahun 2009 tentang Jenis dan Bentuk Produk Hukum Daerah" in page
    assert "Peraturan Menteri Dalam Negeri Nomor 9" not in page


def test_a_column_headed_as_the_sop_heads_it(site):
    """Every procedure table of the page (screen and print) heads the column the SOP's way."""
    for slug, expected in (("pendaftaran-pasien", ["Pasien", "Petugas Loket", "Dokter"]),
                           ("surat-keterangan-domisili", ["Pemohon", "Kasi Pelayanan Umum", "Lurah"])):
        heads = re.findall(r'<th class="sop-kepala-pelaksana"[^>]*>(.*?)</th>', _page(site, "sop", slug))
        assert heads and heads == expected * (len(heads) // len(expected)), slug


def test_the_audit_shows_dates_as_written_and_never_a_first_of_the_month(site):
    page = (site / "audit" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in re.findall(r"<tr data-urutan.*?</tr>", page, re.S) if "pendaftaran-pasien" in r)
    assert _text(re.search(r'data-label="Tanggal Efektif">(.*?)</td>', row, re.S).group(1)) == "Desember"
    rows = list(csv.reader(io.StringIO((site / "audit" / "audit.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    effective = rows[0].index("Tanggal Efektif")
    cells = {r[rows[0].index("Judul")]: r[effective] for r in rows[1:]}
    assert cells == {"Pendaftaran Pasien": "Desember", "Pelayanan Surat Keterangan Domisili": ""}
