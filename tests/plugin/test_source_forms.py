"""What real sources say, built: citations in their own forms, the project's notes beside (not inside)
the signed text, the source's own step numbers with a gap, and an either/or actor column."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.plugin.test_build_fixtures import assert_no_traceback, build

pytestmark = pytest.mark.slow  # builds a whole site

FIXTURE = Path(__file__).parent / "fixtures" / "sah" / "bentuk-sumber"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    run, site = build(tmp_path_factory.mktemp("bentuk"), "--strict", fixture=FIXTURE)
    assert_no_traceback(run)
    assert run.code == 0, run.err
    return site


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def _page(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def test_each_form_prints_its_own_citation_and_nothing_else(site):
    page = _page(site, "sop", "izin-belajar")
    identity = re.search(r'<section class="sop-identitas-blok".*?</section>', page, re.S).group(0)
    cited = [_text(c) for c in re.findall(r'<span class="sop-kutipan">(.*?)</span>', identity)]
    assert cited == [
        "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
        "Peraturan Pemerintah Nomor 53 Tahun 2010 tentang Disiplin Pegawai Negeri Sipil",
        "Peraturan Bupati Contoh Nomor 5 Tahun 2006 tanggal 13 Oktober 2006 tentang Tata Naskah Dinas di "
        "Lingkungan Pemerintah Kabupaten Contoh",
        "Keputusan Bupati Contoh Nomor 050/123/Bappeda Tahun 2019 tentang Pendelegasian Wewenang "
        "Penandatanganan Izin Pegawai",
        "Surat Edaran Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 19 Tahun 2020 tentang "
        "Penyesuaian Sistem Kerja Aparatur Sipil Negara",
        "SNI ISO 9001:2015 Sistem Manajemen Mutu — Persyaratan",
        "Peraturan Daerah Kabupaten Contoh",
    ]
    # the signed text carries no editorial mark of the project
    assert "dicabut" not in identity and "tidak lengkap" not in identity and "[" not in _text(identity)


def test_review_notes_stand_beside_the_identity_block_on_screen_only(site):
    page = _page(site, "sop", "izin-belajar")
    after = page.split("</section>", 1)[1]
    aside = re.search(r'<aside class="sop-catatan-periksa".*?</aside>', after, re.S)
    assert aside and after.index("<aside") < after.index("sop-prosedur-blok")
    notes = _text(aside.group(0))
    assert notes.startswith("Catatan pemeriksaan (bukan bagian SOP)")
    assert "Dasar Hukum butir 2 (Peraturan Pemerintah Nomor 53 Tahun 2010 tentang Disiplin Pegawai Negeri Sipil): " \
           "sudah dicabut; diganti Peraturan Pemerintah Nomor 94 Tahun 2021" in notes
    assert "Dasar Hukum butir 7 (Peraturan Daerah Kabupaten Contoh): kutipan tidak lengkap" in notes
    assert "butir 1 " not in notes and "butir 6 " not in notes  # only the bases with something to say
    css = (site / "assets" / "sop.css").read_text(encoding="utf-8")
    hidden = re.search(r"@media print \{.*?\{ display: none !important; \}", css, re.S).group(0)
    assert ".sop-catatan-periksa" in hidden


def test_source_numbers_with_a_gap_everywhere(site):
    page = _page(site, "sop", "izin-belajar")
    screen = re.search(r'<div class="sop-gulir sop-layar">.*?</table>', page, re.S).group(0)
    assert re.findall(r'<td class="sop-no">(\d+)</td>', screen) == ["1", "2", "3", "4", "6"]
    assert "Lengkap → 3, Tidak lengkap → 1" in html.unescape(screen)
    worksheet = _page(site, "sop", "izin-belajar", "lembar-kerja")
    assert '<li value="6">Menandatangani surat izin belajar</li>' in worksheet
    assert re.search(r'<td class="sop-no">6\.</td>\s*<td>Menandatangani', worksheet)
    checklist = _page(site, "sop", "izin-belajar", "checklist", "kasubbag-umum")
    assert re.findall(r'<td class="sop-no">(\d+)</td>', checklist) == ["2", "4"]
    assert "Diteruskan ke:</span> langkah 6 (Kadin / Bupati)" in html.unescape(checklist)
    svg = (site / "sop" / "izin-belajar" / "swimlane.svg").read_text(encoding="utf-8")
    assert ">6. Menandatangani surat" in svg and ">5. " not in svg


def test_either_or_column_header_and_both_roles(site):
    page = html.unescape(_page(site, "sop", "izin-belajar"))
    assert re.search(r'<th class="sop-kepala-pelaksana" data-kolom="2" scope="col" '
                     r'title="Kepala Dinas Contoh atau Bupati Contoh">Kadin / Bupati</th>', page)
    for role, other in (("kepala", "Bupati"), ("bupati", "Kadin")):
        checklist = html.unescape(_page(site, "sop", "izin-belajar", "checklist", role))
        assert re.findall(r'<td class="sop-no">(\d+)</td>', checklist) == ["6"]
        assert f'Menandatangani surat izin belajar <span class="sop-atau">(atau {other})</span>' in checklist
        role_page = html.unescape(_page(site, "pelaksana", role))
        assert re.search(rf'<td>6</td>\s*<td>Menandatangani surat izin belajar <span class="sop-atau">\(atau {other}\)</span>',
                         role_page)
    staff = html.unescape(_page(site, "sop", "izin-belajar", "checklist", "staf-umum"))
    assert "sop-atau" not in staff
