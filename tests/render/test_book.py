"""The book's front matter: Halaman Judul and Daftar Isi (macros/render/book.py).

`generated_site()` makes an agency of any size from the seed SOP; tests/browser/test_book.py prints it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from macros.checks import check_project
from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.model.registry import Agency
from macros.model.sop import Dates, Retirement, Sop, Status
from macros.render.book import PLACEHOLDER, BookSop, book_groups, book_order, render_book_front
from macros.render.context import Registries
from macros.site.data import SiteData
from tests.conftest import SEED_SOURCES
from tests.strategies import AGENCIES, AGENCY

TITLES = [
    "Pelayanan Izin Usaha Mikro dan Kecil", "Penerbitan Izin Mendirikan Bangunan", "Pengelolaan Pengaduan Masyarakat",
    "Penyusunan Rencana Kerja Tahunan", "Pelayanan Surat Masuk", "Pengarsipan Dokumen Perizinan",
    "Verifikasi Lapangan Permohonan Izin Lingkungan Hidup bagi Usaha Menengah dan Besar", "Penerbitan Rekomendasi Teknis",
    "Pengadaan Barang Persediaan", "Penyusunan Laporan Kinerja Instansi Pemerintah", "Pelayanan Informasi Publik",
    "Pemeliharaan Aplikasi Perizinan Daring",
]


@dataclass(frozen=True)
class FakeSite:
    """What the book reads of macros.site.data.SiteData."""

    sops: Mapping[str, Sop]
    registries: Registries


def _seed() -> tuple[Sop, Registries]:
    project = load_project(source_sets([SEED_SOURCES])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return project.documents[0].sop, registries


SEED_SOP, SEED_REGISTRIES = _seed()


def agency(**update) -> Agency:
    return Agency.model_validate(AGENCIES[AGENCY]).model_copy(update=update)


def sop(number: str | None, title: str, unit: str | None = None, status: Status = Status.IN_FORCE,
        agency_id: str = AGENCY, dates: dict | None = None, retired: str | None = None) -> Sop:
    dates = dates if dates is not None else {"pembuatan": "2024-01-15", "efektif": "2024-01-20"}
    update = {"number": number, "title": title, "unit": unit, "status": status, "agency": agency_id,
              "dates": Dates.model_validate(dates)}
    if retired is not None:
        update["retirement"] = Retirement.model_validate({"tanggal": retired})
    return SEED_SOP.model_copy(update=update)


def site_of(sops: dict[str, Sop], the_agency: Agency | None = None) -> FakeSite:
    agencies = {AGENCY: the_agency or agency(), "lain": agency(name="Dinas Lain")}
    return FakeSite(dict(sorted(sops.items())), Registries.of(agencies, SEED_REGISTRIES.roles, SEED_REGISTRIES.legal_bases))


def generated_site(count: int, units: list[str], logo: bool = False, address: bool = True) -> FakeSite:
    """An agency of `count` SOPs: a few with no unit, the rest spread over `units`; revised ones,
    one draft without a nomor and one retired SOP among them."""
    sops = {}
    for i in range(count):
        unit = None if i % (len(units) + 2) == 0 else units[i % len(units)]
        dates = {"pembuatan": f"20{20 + i % 5}-0{1 + i % 9}-1{i % 10}", "efektif": f"20{20 + i % 5}-0{1 + i % 9}-2{i % 9}"}
        if i % 3 == 1:
            dates["revisi"] = f"2025-{1 + i % 12:02d}-05"
        status = Status.DRAFT if i == 5 else Status.RETIRED if i == 7 else Status.IN_FORCE
        sops[f"sop-{i + 1:03d}"] = sop(
            None if i == 5 else f"800/{i + 1:03d}/UJI", f"{TITLES[i % len(TITLES)]} ({i + 1})", unit, status,
            dates=dates, retired="2025-03-01" if i == 7 else None,
        )
    update = {"logo": "assets/logo.svg" if logo else None, "address": AGENCIES[AGENCY]["alamat"] if address else None}
    return site_of(sops, agency(**update))


def _front(site: FakeSite, pages: dict[str, int] | None = None, **options) -> str:
    options = {"year": 2026, "paper": "A4", "stylesheets": ["../assets/sop.css"], "logo_src": None} | options
    return render_book_front(site.registries.agencies[AGENCY], book_groups(site, AGENCY, pages), **options)


def test_groups_the_unitless_first_then_units_alphabetically_with_nomor_compared_as_numbers():
    site = site_of({
        "a": sop("205/050/10", "Sepuluh", "Bidang Tata Ruang"),
        "b": sop("205/050/2", "Dua", "Bidang Tata Ruang"),
        "c": sop("205/050/1", "Satu", None),
        "d": sop("205/050/3", "Tiga", "Bidang 10"),
        "e": sop("205/050/4", "Empat", "Bidang 2"),
        "f": sop("205/050/2", "Alpha", "Bidang Tata Ruang"),  # same nomor (an error elsewhere): by judul
        "g": sop(None, "Draf", "Bidang Tata Ruang", Status.DRAFT),  # no nomor yet: last in its group
        "h": sop("100/1", "Instansi lain", None, agency_id="lain"),
        "i": sop("205/050/9", "Spasi", "  Bidang   2 "),  # the same unit, written loosely
    })
    assert book_order(site, AGENCY) == [
        (AGENCIES[AGENCY]["nama"], ["c"]),
        ("Bidang 2", ["e", "i"]),
        ("Bidang 10", ["d"]),
        ("Bidang Tata Ruang", ["f", "b", "a", "g"]),
    ]
    assert book_order(site, "lain") == [("Dinas Lain", ["h"])]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(
    st.one_of(st.none(), st.lists(st.integers(0, 120), min_size=1, max_size=4).map(lambda p: "/".join(map(str, p)))),
    st.sampled_from([None, "Sekretariat", "Bidang 2", "Bidang 10", "bidang a"]),
    st.sampled_from(TITLES),
), max_size=25))
def test_every_sop_of_the_agency_is_bound_once_in_a_stated_order(rows):
    site = site_of({f"s{i}": sop(number, title, unit) for i, (number, unit, title) in enumerate(rows)})
    groups = book_order(site, AGENCY)
    slugs = [s for _, group in groups for s in group]
    assert sorted(slugs) == sorted(site.sops)
    titles = [title for title, _ in groups]
    assert len(titles) == len(set(titles))
    if any(unit is None for _, unit, _ in rows):
        assert titles[0] == AGENCIES[AGENCY]["nama"]
    for _, group in groups:
        numbers = [[int(n) for n in site.sops[s].number.split("/")] for s in group if site.sops[s].number is not None]
        assert numbers == sorted(numbers)
        assert all(site.sops[s].number is not None for s in group[: len(numbers)])  # the unnumbered last


def _halaman(html: str) -> list[str]:
    return re.findall(r'<td class="sop-isi-halaman">(.*?)</td>', html)


def test_first_pass_holds_an_invisible_placeholder_and_the_second_pass_differs_only_in_page_numbers():
    site = generated_site(12, ["Bidang Pelayanan", "Sekretariat"])
    first = _front(site)
    pages = {slug: 3 + 5 * i for i, slug in enumerate(site.sops)}
    second = _front(site, pages)
    assert _halaman(first) == ['<span class="sop-buku-tunggu" aria-hidden="true">' + PLACEHOLDER + "</span>"] * 12
    assert ".sop-buku-tunggu { visibility: hidden; }" in first
    order = [s for _, group in book_order(site, AGENCY) for s in group]
    assert _halaman(second) == [str(pages[s]) for s in order]
    assert all(len(PLACEHOLDER) >= len(n) for n in _halaman(second))
    cell = re.compile(r'(<td class="sop-isi-halaman">).*?(</td>)')
    assert cell.sub(r"\1\2", first) == cell.sub(r"\1\2", second)
    assert _front(site, pages) == second  # same input, same bytes


def test_a_complete_document_with_the_cover_then_the_daftar_isi():
    site = generated_site(12, ["Bidang Pelayanan", "Sekretariat"])
    html = _front(site, stylesheets=["../assets/sop.css", "../assets/lain.css"])
    assert html.startswith("<!doctype html>\n<html lang=\"id\">")
    assert "<title>Standar Operasional Prosedur Administrasi Pemerintahan — " in html
    assert '<link rel="stylesheet" href="../assets/sop.css"><link rel="stylesheet" href="../assets/lain.css">' in html
    assert html.index('<h1 class="sop-buku-judul"><span>STANDAR OPERASIONAL PROSEDUR</span> <span>ADMINISTRASI PEMERINTAHAN</span></h1>') \
        < html.index("<h2 id=\"sop-buku-daftar-isi\">Daftar Isi</h2>")
    assert '<p class="sop-buku-pemerintah" style="font-size: 15pt">PEMERINTAH KABUPATEN UJI</p>' in html
    assert "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU</p>" in html
    assert '<p class="sop-buku-tahun">TAHUN 2026</p>' in html
    assert 'font-family: "Noto Sans"' in html
    for header in ("No", "Nomor SOP", "Judul SOP", "Tanggal Efektif", "Tanggal Revisi", "Keterangan", "Halaman"):
        assert f">{header}</th>" in html
    assert html.count("<tr data-slug=") == 12
    assert "<td class=\"sop-isi-revisi\">05\u00a0Februari 2025</td>" in html  # revisions recorded


def test_paper_sets_the_portrait_page():
    a4, f4 = _front(generated_site(2, ["X"]), paper="A4"), _front(generated_site(2, ["X"]), paper="F4")
    assert "@page sop-buku-isi { size: 210.0mm 297.0mm; margin: 15mm; }" in a4
    assert "@page sop-buku-isi { size: 215.0mm 330.0mm; margin: 15mm; }" in f4


def test_drafts_and_retired_sops_are_marked():
    site = site_of({
        "berlaku": sop("1", "Berlaku"),
        "draf": sop(None, "Rancangan", status=Status.DRAFT, dates={}),
        "dicabut": sop("3", "Lama", status=Status.RETIRED, retired="Maret 2024"),
    })
    rows = dict(re.findall(r'<tr data-slug="([a-z]+)" data-status="[a-z]+">(.*?)</tr>', _front(site)))
    assert '<td class="sop-isi-keterangan"></td>' in rows["berlaku"]
    assert '<span class="sop-buku-tanda sop-buku-tanda--draf">Draf</span>' in rows["draf"]
    assert '<span class="sop-buku-belum">belum ditetapkan</span>' in rows["draf"]
    assert '<td class="sop-isi-efektif">—</td>' in rows["draf"]
    assert '<span class="sop-buku-tanda sop-buku-tanda--dicabut">Dicabut</span> sejak Maret 2024' in rows["dicabut"]


HOSTILE = "<script>alert(1)</script> {{ 7*7 }} \"kutip\" 'tunggal' & {% raw %}"


def test_every_text_is_escaped():
    the_agency = agency(name=HOSTILE, levels=(HOSTILE,), address=HOSTILE)
    site = site_of({"x": sop(HOSTILE, HOSTILE, HOSTILE)}, the_agency)
    html = render_book_front(the_agency, book_groups(site, AGENCY), year=2026, paper="A4",
                             stylesheets=['a.css" onload="x'], logo_src='logo.png" onerror="alert(1)')
    assert "<script>" not in html.lower()
    assert 'onerror="' not in html and 'onload="' not in html
    assert str(escape(HOSTILE.upper())) in html  # the kop lines, in capitals
    # judul, unit heading, address, <title> (as text) and the logo's alt; the nomor may break after a slash
    assert html.count(str(escape(HOSTILE))) >= 5
    assert str(escape(HOSTILE)).replace("/", "/<wbr>") in html


def test_cover_with_and_without_logo_and_address():
    site = generated_site(3, ["X"], address=True)
    with_all = render_book_front(agency(logo="assets/logo.svg"), book_groups(site, AGENCY), year=2025, paper="A4",
                                 stylesheets=[], logo_src="../assets/logo.svg")
    assert '<img class="sop-buku-logo" src="../assets/logo.svg" alt="Logo Pemerintah Kabupaten Uji">' in with_all
    assert '<p class="sop-buku-alamat" style="font-size: 11pt">Jl. Pahlawan No. 10, Kota Uji</p>' in with_all
    bare = render_book_front(agency(address=None), book_groups(site, AGENCY), year=2025, paper="A4",
                             stylesheets=[], logo_src=None)
    assert "<img" not in bare and "sop-buku-alamat\"" not in bare and "TAHUN 2025" in bare


def test_a_long_name_gets_a_smaller_size_so_the_cover_stays_one_page():
    long_name = "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah " * 5
    html = _front(site_of({"x": sop("1", "Satu")}, agency(name=long_name)))
    size = float(re.search(r'<p class="sop-buku-instansi" style="font-size: ([\d.]+)pt">', html).group(1))
    assert size < 20


def test_an_agency_without_sops_has_an_empty_daftar_isi():
    html = render_book_front(agency(), [], year=2026, paper="A4", stylesheets=[], logo_src=None)
    assert "Belum ada SOP." in html


def test_the_seed_book():
    """From the site's own data (macros.site.data.SiteData), as the PDF engine calls it."""
    project = load_project(source_sets([SEED_SOURCES])[0])
    site = SiteData.build(check_project(project))
    groups = book_groups(site, SEED_SOP.agency, {"perbaikan-data-kinerja": 3})
    assert [(t, [e.slug for e in g]) for t, g in groups] == [
        ("Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kab. Banggai", ["perbaikan-data-kinerja"])
    ]
    assert groups[0][1][0] == BookSop("perbaikan-data-kinerja", SEED_SOP, 3)
    html = render_book_front(SEED_REGISTRIES.agencies[SEED_SOP.agency], groups, year=2020, paper="A4",
                             stylesheets=["../assets/sop.css"], logo_src=None)
    assert '<td class="sop-isi-nomor">205/<wbr>050/<wbr>01/<wbr>Bappeda &amp; Litbang</td>' in html
    assert '<td class="sop-isi-halaman">3</td>' in html
