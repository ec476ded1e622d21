"""The project's review notes stand beside the signed SOP on screen and never reach its print."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser  # Chromium through Playwright

SEED = "/sop/perbaikan-data-kinerja/"


def test_notes_show_on_screen_beside_the_identity_block(browser, served):
    for width in (360, 1440):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(served["seed"] + SEED)
        aside = page.locator(".sop-catatan-periksa")
        assert aside.is_visible()
        assert aside.inner_text().startswith("Catatan pemeriksaan (bukan bagian SOP)")
        identity = page.locator(".sop-identitas-blok").bounding_box()
        box = aside.bounding_box()
        assert 0 <= box["y"] - (identity["y"] + identity["height"]) < 60  # right under the identity block
        assert box["x"] + box["width"] <= width + 0.5  # no sideways scrolling on a phone
        assert "dicabut" not in page.locator(".sop-identitas-blok").inner_text()
        page.close()


def test_print_holds_the_citations_but_not_the_notes(browser, served, tmp_path: Path):
    page = browser.new_page()
    page.goto(served["seed"] + SEED)
    path = tmp_path / "seed.pdf"
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    page.close()
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Peraturan Pemerintah Nomor 79 Tahun 2005 tentang Pedoman Pembinaan dan Pengawasan" in text
    assert "Catatan pemeriksaan" not in text and "dicabut" not in text and "kutipan tidak lengkap" not in text
