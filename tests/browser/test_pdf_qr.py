"""The seed's PDF made with `site_url` set: its QR code, read from the PDF's own pixels, is the SOP's
address, where the browser lays the code out on the printed page (the seed-qr site of these tests
is the same sources with the same site_url, so the same layout)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import TRACE_SITE_URL
from tests.browser.test_print_trace import _print_layout, _qr_from_pixels
from tests.pdf.conftest import build_with_pdfs, copy_seed
from tests.pdf.test_make import SEED_PDF, _reader, _texts
from tests.qr_read import read_matrix

pytestmark = pytest.mark.browser


def test_seed_pdf_qr_code_reads_as_the_sop_address(browser, served, tmp_path):
    built = build_with_pdfs(tmp_path, copy_seed(tmp_path / "sop"), settings={"site_url": TRACE_SITE_URL})
    layout = _print_layout(browser, f"{served['seed-qr']}/sop/perbaikan-data-kinerja/")
    modules = int(layout["viewBox"].split()[2]) - 8  # without its 4-module quiet zone
    grid = _qr_from_pixels(built.pdf(SEED_PDF), layout["qr"], modules, tmp_path)
    assert read_matrix(grid) == (TRACE_SITE_URL + "sop/perbaikan-data-kinerja/", "M")
    identity = _texts(_reader(built.pdf(SEED_PDF)))[0]
    assert re.search(r"Dicetak dari revisi (sumber sha256:)?[0-9a-f]{12}", identity)
