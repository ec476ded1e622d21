"""Printing an SOP page from Chromium: landscape pages, repeated headers, paired off-page connectors."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

A4_LANDSCAPE = (841.92, 594.96)
F4_LANDSCAPE = (935.43, 609.45)


def _pdf(browser, url: str, path: Path) -> tuple[str, list[list[str]]]:
    page = browser.new_page()
    page.goto(url)
    print_pages = page.evaluate(
        """() => [...document.querySelectorAll('.sop-cetak .sop-halaman-cetak')].map(
             el => [...el.querySelectorAll('[data-huruf]')].map(s => s.dataset.huruf).sort())"""
    )
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    page.close()
    info = subprocess.run(["pdfinfo", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    return info, print_pages


def _page_sizes(info: str) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _text(path: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _letters(text: str) -> list[str]:
    return sorted(re.findall(r"(?<![\w.])([A-Z]{1,2})(?![\w.])", text))


@pytest.mark.parametrize(
    "site, slug, min_print_pages",
    [("seed", "perbaikan-data-kinerja", 2), ("fixtures", "dua-puluh-lima-langkah", 3)],
    ids=["seed", "25-langkah"],
)
def test_print_gives_landscape_pages_with_headers_and_paired_connectors(browser, served, tmp_path, site, slug, min_print_pages):
    pdf = tmp_path / f"{slug}.pdf"
    info, print_pages = _pdf(browser, f"{served[site]}/sop/{slug}/", pdf)
    sizes = _page_sizes(info)
    assert sizes and all(abs(w - A4_LANDSCAPE[0]) < 1 and abs(h - A4_LANDSCAPE[1]) < 1 for w, h in sizes), sizes
    assert len(print_pages) >= min_print_pages
    has_history = "Riwayat Revisi" in _text(pdf, len(sizes))
    # identity page + one PDF page per printed table page (+ the revision history): nothing spilled over
    assert len(sizes) == 1 + len(print_pages) + (1 if has_history else 0)

    identity = _text(pdf, 1)
    assert "Nomor SOP" in identity and "Disahkan oleh" in identity
    assert "Mutu Baku" not in identity  # the identity block has its page to itself

    seen: dict[str, int] = {}
    for n, expected_letters in enumerate(print_pages, start=2):
        text = _text(pdf, n)
        for header in ("No", "Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"):
            assert header in text, (n, header)
        assert _letters(text) == expected_letters, (n, text)
        for letter in expected_letters:
            seen[letter] = seen.get(letter, 0) + 1
    assert seen and all(count == 2 for count in seen.values()), seen


def test_f4_paper_is_selectable(browser, served, tmp_path):
    info, _ = _pdf(browser, f"{served['f4']}/sop/dua-puluh-lima-langkah/", tmp_path / "f4.pdf")
    sizes = _page_sizes(info)
    assert sizes and all(abs(w - F4_LANDSCAPE[0]) < 1 and abs(h - F4_LANDSCAPE[1]) < 1 for w, h in sizes), sizes
