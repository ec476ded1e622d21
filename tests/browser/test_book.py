"""The book's front matter printed by Chromium, as the PDF engine prints it: twice, the second time
with page numbers, and both passes must take the same pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.plugin.assets import STATIC
from macros.render.book import book_groups, book_order, render_book_front
from tests.browser.conftest import _require_browser, serve
from tests.render.test_book import SEED_REGISTRIES, SEED_SOP, TITLES, FakeSite, agency, generated_site, site_of, sop
from tests.strategies import AGENCY

pytestmark = pytest.mark.browser  # Chromium through Playwright

A4 = (594.96, 841.92)
F4 = (609.45, 935.43)
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="240" viewBox="0 0 200 240">'
        '<path d="M100 5 L190 40 L180 160 Q100 240 100 235 Q100 240 20 160 L10 40 Z" fill="#1b5e20"/></svg>')


@pytest.fixture(scope="module")
def book_url(tmp_path_factory, browser):
    """A folder with the site's assets (sop.css, the fonts) and a logo, served on loopback."""
    _require_browser()
    folder = tmp_path_factory.mktemp("buku")
    shutil.copytree(STATIC / "assets", folder / "assets")
    (folder / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    with serve(folder) as url:
        yield url, folder


def _print(browser, book_url, name: str, html: str) -> Path:
    url, folder = book_url
    (folder / f"{name}.html").write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.goto(f"{url}/{name}.html")
    page.evaluate("document.fonts.ready.then(() => true)")
    pdf = folder / f"{name}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    return pdf


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext separates pages with a form feed)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _front(site, agency_id: str, pages=None, paper: str = "A4", logo: bool = False) -> str:
    return render_book_front(
        site.registries.agencies[agency_id], book_groups(site, agency_id, pages), year=2026, paper=paper,
        stylesheets=["assets/sop.css"], logo_src="assets/logo.svg" if logo else None,
    )


def _start_pages(site, agency_id: str, front_pages: int, sop_pages: int) -> dict[str, int]:
    """Each SOP's first page when every SOP takes `sop_pages` pages after the front matter."""
    order = [slug for _, slugs in book_order(site, agency_id) for slug in slugs]
    return {slug: front_pages + 1 + i * sop_pages for i, slug in enumerate(order)}


SEED = FakeSite({"perbaikan-data-kinerja": SEED_SOP}, SEED_REGISTRIES)
CASES = {
    "seed": (SEED, SEED_SOP.agency, "A4", False, 4),
    "12-sop-2-unit": (generated_site(12, ["Bidang Pelayanan Perizinan", "Sekretariat"], logo=True), AGENCY, "A4", True, 6),
    # page numbers of four digits: still the placeholder's width
    "60-sop-f4": (generated_site(60, ["Bidang Pengaduan, Kebijakan dan Pelaporan Layanan"]), AGENCY, "F4", False, 150),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_both_passes_take_the_same_portrait_pages(browser, book_url, case):
    site, agency_id, paper, logo, sop_pages = CASES[case]
    first = _print(browser, book_url, f"{case}-1", _front(site, agency_id, paper=paper, logo=logo))
    front_pages = len(_sizes(first))
    pages = _start_pages(site, agency_id, front_pages, sop_pages)
    second = _print(browser, book_url, f"{case}-2", _front(site, agency_id, pages, paper=paper, logo=logo))
    sizes = _sizes(second)
    assert len(sizes) == front_pages >= 2
    width, height = A4 if paper == "A4" else F4
    assert all(abs(w - width) < 1 and abs(h - height) < 1 for w, h in sizes), sizes

    cover, *contents = _texts(second)
    name = site.registries.agencies[agency_id].name.upper()
    assert _flat(cover).startswith("STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN")
    assert name in _flat(cover) and "TAHUN 2026" in cover and "Nomor SOP" not in cover
    assert _flat(contents[0]).startswith("DAFTAR ISI")
    # Each row's first line ends with its page number; the placeholder prints nothing.
    order = [slug for _, slugs in book_order(site, agency_id) for slug in slugs]
    rows = _row_lines(contents, len(order))
    assert [int(line.split()[-1]) for line in rows] == [pages[slug] for slug in order]
    assert _row_lines(_texts(first)[1:], len(order)) == [line.rsplit(" ", 1)[0] for line in rows]


def _row_lines(pages: list[str], count: int) -> list[str]:
    """The first line of rows 1..count (it starts with the row's No), flattened."""
    found, expected = [], 1
    for text in pages:
        for line in text.splitlines():
            if expected <= count and re.match(rf"\s*{expected}\s", line):
                found.append(_flat(line))
                expected += 1
    assert len(found) == count
    return found


def test_a_long_group_runs_onto_several_pages_under_a_repeated_header(browser, book_url):
    units = ["Bidang Pelayanan Perizinan Terpadu"]
    site = site_of({f"sop-{i:03d}": sop(f"205/050/{i}", f"{TITLES[i % len(TITLES)]} nomor {i}", units[0]) for i in range(1, 61)})
    pdf = _print(browser, book_url, "enam-puluh", _front(site, AGENCY, _start_pages(site, AGENCY, 4, 5)))
    cover, *contents = _texts(pdf)
    assert len(contents) >= 3
    for n, text in enumerate(contents):
        flat = _flat(text)
        assert ("DAFTAR ISI" in flat) == (n == 0), flat[:80]
        for header in ("No", "Nomor SOP", "Judul SOP", "Tanggal", "Efektif", "Revisi", "Keterangan", "Halaman"):
            assert header in text, (n, header)
    # every SOP once, in natural nomor order (205/050/2 before 205/050/10), across the pages
    found = [int(n) for text in contents for n in re.findall(r"205/050/(\d+)", text)]
    assert found == list(range(1, 61))
    assert units[0] in contents[0] and "205/050/1 " in contents[0]  # the group's heading with its first row


def test_a_group_heading_never_ends_a_page(browser, book_url):
    """Units of one SOP each: wherever a page ends, the heading of a unit is on the page of its SOP."""
    site = site_of({f"s{i:02d}": sop(f"1/{i}", f"Judul yang cukup panjang untuk dua baris nomor {i} " * 2, f"Unit {i:02d}")
                    for i in range(40)})
    pdf = _print(browser, book_url, "unit-unit", _front(site, AGENCY))
    contents = _texts(pdf)[1:]
    assert len(contents) >= 2
    for text in contents:
        for unit in re.findall(r"^\s*Unit (\d\d)\s*$", text, re.MULTILINE):
            assert re.search(rf"1/{int(unit)}\b", text), unit


def test_the_cover_stays_one_page_whatever_the_names(browser, book_url):
    the_agency = agency(
        levels=("Pemerintah Provinsi Sulawesi Tengah " * 3, "Pemerintah Kabupaten Banggai Kepulauan " * 3,
                "Kecamatan Totikum Selatan", "Kelurahan Salakan"),
        name="Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah " * 12,
        address="Jl. Jenderal Sudirman No. 1, Kelurahan Salakan, Kabupaten Banggai Kepulauan, Kode Pos 94891 " * 5,
        logo="assets/logo.svg",
    )
    site = site_of({"x": sop("1", "Satu")}, the_agency)
    pdf = _print(browser, book_url, "nama-panjang", _front(site, AGENCY, logo=True))
    cover, contents = _texts(pdf)
    assert _flat(contents).startswith("DAFTAR ISI")
    assert "TAHUN 2026" in cover and "KODE POS 94891" not in cover and "Kode Pos 94891" in cover
