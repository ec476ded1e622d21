"""An SOP past its review date and suspect: the note above its page on screen (at phone width too)
and never in print; Daftar SOP filters by the review marks."""

from __future__ import annotations

import pytest

from tests.browser.conftest import _require_browser, serve
from tests.conftest import build_into
from tests.site.test_riwayat import git
from tests.site.test_tinjauan import SEED, SLUG, TODAY, _edit, repeal, seed_repository

pytestmark = pytest.mark.browser  # Chromium through Playwright


@pytest.fixture(scope="module")
def review_site(tmp_path_factory):
    """The seed (overdue: its agency reviews every 2 years; suspect: PP 60/2008 repealed), and a
    second SOP reviewed lately that cites nothing repealed since."""
    _require_browser()
    work = tmp_path_factory.mktemp("tinjauan-browser")
    root = seed_repository(work / "repo")
    _edit(root, "sop/_instansi.yml", "  alamat: null\n", "  alamat: null\n  masa_tinjauan: 2 tahun\n")
    text = (root / SEED).read_text(encoding="utf-8")
    other = text.replace("nomor: 205/050/01/", "nomor: 205/050/02/").replace(
        "judul: Mekanisme Perbaikan Data Kinerja", "judul: Mekanisme Penyusunan Data Kinerja").replace("  - pp-60-2008\n", "")
    (root / "sop" / "penyusunan-data-kinerja.yml").write_text(
        other + "tinjauan:\n  - tanggal: 2026-11-30\n    peninjau: kepala-bappeda\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "SOP kedua; masa tinjauan", date="2026-12-01T10:00:00+08:00")
    repeal(root)
    result, site = build_into(work, work / "site", root / "sop", tanggal=TODAY)
    assert result.code == 0, result.err
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("width", [360, 1440])
def test_the_note_is_on_screen_and_not_in_print(browser, review_site, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{review_site}/sop/{SLUG}/")
    note = page.locator(".sop-tinjauan")
    assert note.is_visible()
    box = note.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # no sideways scrolling at phone width
    assert "Lewat jadwal tinjauan:" in note.inner_text() and "Perlu ditinjau:" in note.inner_text()
    page.emulate_media(media="print")
    assert not note.is_visible()
    page.close()


def test_daftar_sop_filters_by_review(browser, review_site):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{review_site}/")
    rows = page.locator("table.sop-daftar tbody tr")
    assert rows.count() == 2
    page.select_option('select[data-saring="tinjauan"]', "perlu-ditinjau")
    visible = [rows.nth(i).inner_text() for i in range(rows.count()) if rows.nth(i).is_visible()]
    assert len(visible) == 1 and "Mekanisme Perbaikan Data Kinerja" in visible[0] and "Perlu ditinjau" in visible[0]
    page.select_option('select[data-saring="tinjauan"]', "tanpa-catatan")
    visible = [rows.nth(i).inner_text() for i in range(rows.count()) if rows.nth(i).is_visible()]
    assert len(visible) == 1 and "Mekanisme Penyusunan Data Kinerja" in visible[0]
    assert page.locator(".sop-saring-hasil").inner_text() == "1 dari 2 SOP"
    page.close()
