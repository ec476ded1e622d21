"""Prototype PDF of one SOP (macros/pdf, issue 11): the browser print plus a footer, byte-deterministic."""

from __future__ import annotations

import re
import subprocess

import pytest

from macros.pdf import css_string, footer_css, print_sop

pytestmark = pytest.mark.browser  # Chromium through Playwright

NOMOR = "205/050/01/Bappeda & Litbang"
JUDUL = 'Mekanisme Perbaikan Data Kinerja "uji"'


def _pages(path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _text(path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def test_css_string_escapes_quotes_backslashes_and_newlines():
    assert css_string('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c d"'
    assert '"DRAF · "' in footer_css("1", "x", draft=True)


def test_seed_pdf_has_the_print_pages_and_a_footer_on_each(browser, served, tmp_path):
    url = f"{served['seed']}/sop/perbaikan-data-kinerja/"
    plain = tmp_path / "polos.pdf"
    page = browser.new_page()
    page.goto(url)
    page.pdf(path=str(plain), prefer_css_page_size=True, print_background=True)
    page.close()
    first = print_sop(browser, url, tmp_path / "a.pdf", nomor=NOMOR, judul=JUDUL)
    second = print_sop(browser, url, tmp_path / "b.pdf", nomor=NOMOR, judul=JUDUL)

    sizes = _pages(first)
    assert sizes == _pages(plain)  # the footer sits in the margin: the planned pages do not move
    assert all(w > h for w, h in sizes)
    for n in range(1, len(sizes) + 1):
        text = _text(first, n)
        assert f"Halaman {n} dari {len(sizes)}" in text
        assert f'{NOMOR} · {JUDUL}' in text
    assert first.read_bytes() == second.read_bytes()
