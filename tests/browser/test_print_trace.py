"""Printed with `site_url` set: the identity page still fits its landscape page, carries the revision
and the address, and its QR code, read back from the printed page's pixels, is the SOP's address."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import TRACE_SITE_URL
from tests.browser.test_print import _flat, _page_sizes, _pdf, _text
from tests.qr_read import read_matrix

pytestmark = pytest.mark.browser  # Chromium through Playwright

DPI = 300
MARGIN_MM = 10.0


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and grey pixels of a binary PGM (pdftoppm -gray)."""
    data = path.read_bytes()
    magic, width, height, depth, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S).groups()
    assert int(depth) == 255
    return int(width), int(height), pixels


def _qr_from_pixels(pdf: Path, box: dict, modules: int, work: Path) -> list[list[bool]]:
    """The QR code's modules sampled from page 1 rendered at DPI: the symbol's dark bounding box within
    the box the browser laid the code out in (CSS px from the page's content corner), cut in `modules`."""
    scale = DPI / 96
    pad = 6  # px around the box: the layout of the PDF and of the measuring page may differ by a rounding
    left = round((box["x"] + MARGIN_MM * 96 / 25.4) * scale) - pad
    top = round((box["y"] + MARGIN_MM * 96 / 25.4) * scale) - pad
    size = round(box["width"] * scale) + 2 * pad
    out = work / "qr"
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", "1", "-l", "1", "-x", str(left), "-y", str(top),
                    "-W", str(size), "-H", str(size), str(pdf), str(out)], check=True)
    width, height, pixels = _pgm(next(work.glob("qr*.pgm")))
    dark = [[pixels[y * width + x] < 128 for x in range(width)] for y in range(height)]
    rows = [y for y in range(height) if any(dark[y])]
    cols = [x for x in range(width) if any(line[x] for line in dark)]
    x0, y0 = cols[0], rows[0]
    step = (cols[-1] + 1 - x0) / modules
    assert abs((rows[-1] + 1 - y0) / modules - step) < 0.5, "the code is not square on paper"
    return [[dark[round(y0 + (r + .5) * step)][round(x0 + (c + .5) * step)] for c in range(modules)] for r in range(modules)]


LAYOUT = """() => {
  const qr = document.querySelector('.sop-jejak-qr svg').getBoundingClientRect();
  const td = document.querySelector('td.sop-kop');
  const range = document.createRange(); range.selectNodeContents(td);
  return {
    qr: {x: qr.x + window.scrollX, y: qr.y + window.scrollY, width: qr.width, height: qr.height},
    viewBox: document.querySelector('.sop-jejak-qr svg').getAttribute('viewBox'),
    kop: range.getBoundingClientRect().height,
    kopHtml: td.innerHTML,
    text: [...td.querySelectorAll('.sop-jejak-teks > div')].map(d => d.getBoundingClientRect()),
    cell: td.getBoundingClientRect(),
  };
}"""


def _print_layout(browser, url: str) -> dict:
    from macros.render.flowchart.pagination import PrintGeometry

    page = browser.new_page(viewport={"width": round(PrintGeometry("A4").page_width), "height": 900})
    page.emulate_media(media="print")
    page.goto(url)
    page.evaluate("document.fonts.ready.then(() => true)")
    layout = page.evaluate(LAYOUT)
    page.close()
    return layout


def test_the_seed_printed_with_its_qr_code_keeps_its_identity_on_one_page(browser, served, tmp_path):
    url = f"{served['seed-qr']}/sop/perbaikan-data-kinerja/"
    pdf = tmp_path / "seed-qr.pdf"
    info, print_pages = _pdf(browser, url, pdf)
    sizes = _page_sizes(info)
    has_history = "Riwayat Revisi" in _text(pdf, len(sizes))
    assert len(sizes) == 1 + len(print_pages) + (1 if has_history else 0)  # nothing spilled over
    assert all(w > h for w, h in sizes)
    identity = _flat(_text(pdf, 1))
    assert "Nomor SOP" in identity and "Pencatatan dan Pendataan" in identity and "Mutu Baku" not in identity
    assert re.search(r"Dicetak dari revisi (sumber sha256:)?[0-9a-f]{12}", identity), identity[:400]
    assert TRACE_SITE_URL + "sop/perbaikan-data-kinerja/" in identity
    for n in range(2, len(sizes) + 1):  # the trace is the identity page's only
        assert "Dicetak dari" not in _text(pdf, n)


def test_the_printed_qr_code_reads_as_the_sop_page(browser, served, tmp_path):
    url = f"{served['seed-qr']}/sop/perbaikan-data-kinerja/"
    pdf = tmp_path / "seed-qr.pdf"
    _pdf(browser, url, pdf)
    layout = _print_layout(browser, url)
    # 16-18 mm on paper, square
    assert 16 <= layout["qr"]["width"] * 25.4 / 96 <= 18 and layout["qr"]["width"] == layout["qr"]["height"]
    total = int(layout["viewBox"].split()[2])
    grid = _qr_from_pixels(pdf, layout["qr"], total - 8, tmp_path)  # without its 4-module quiet zone
    assert read_matrix(grid) == (TRACE_SITE_URL + "sop/perbaikan-data-kinerja/", "M")


@pytest.mark.parametrize("site, slug", [("seed-qr", "perbaikan-data-kinerja"), ("cetak-qr", "izin-usaha-satu-pintu")])
def test_the_kop_estimate_counts_the_qr_code(browser, served, site, slug):
    """pagination.py's estimate of the kop cell, QR code and its text included, against Chromium's print layout."""
    from macros.render.flowchart import pagination

    layout = _print_layout(browser, f"{served[site]}/sop/{slug}/")
    width = pagination.KOP_WIDTH * pagination.PrintGeometry("A4").page_width
    estimate = pagination.cell_height(layout["kopHtml"], width, bold=True, line=pagination.KOP_LINE) - pagination.IDENTITY_CELL[0]
    assert layout["kop"] - 1 <= estimate <= layout["kop"] + 4, (estimate, layout["kop"])
    # the text beside the code stays inside the cell
    cell = layout["cell"]
    for line in layout["text"]:
        assert cell["x"] <= line["x"] and line["x"] + line["width"] <= cell["x"] + cell["width"] + 0.5
