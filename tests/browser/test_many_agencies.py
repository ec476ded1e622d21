"""A site of many agencies as a reader sees it: the header names the agency of the SOP being read
(its short name on a phone), a kop of three levels stands on three lines, and Daftar SOP of a
build that left SOPs out says so, readable at 360 px."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import serve
from tests.plugin.test_build_fixtures import BUILD_FIXTURES, build

pytestmark = pytest.mark.browser  # Chromium through Playwright

TOPIC = ".md-header__topic:not([data-md-component]) .md-ellipsis"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, browser):
    """The two-agency fixture with the two broken SOPs of `sop-tidak-terbit`, built without --strict."""
    work = tmp_path_factory.mktemp("banyak-instansi")
    broken = BUILD_FIXTURES / "sop-tidak-terbit" / "sop"
    fixture = work / "fixture"
    shutil.copytree(BUILD_FIXTURES / "dua-instansi", fixture)
    for name in ("surat-keluar.yml", "pengarsipan-surat.yml"):
        shutil.copy(broken / name, fixture / "sop" / name)
    result, site = build(work / "proyek", fixture=fixture)
    assert result.code == 0, result.err
    with serve(site) as url:
        yield url


@pytest.mark.parametrize(("width", "shown"), [(1440, "Kelurahan Contoh Indah"), (360, "Kel. Contoh Indah")])
def test_the_header_names_the_agency_of_the_sop(browser, site_url, width, shown):
    page = browser.new_page(viewport={"width": width, "height": 800})
    for path in ("/sop/surat-pengantar/", "/sop/surat-pengantar/swimlane/", "/sop/surat-pengantar/checklist/pemohon/"):
        page.goto(site_url + path)
        assert page.inner_text(TOPIC).strip() == shown, path
    page.goto(site_url + "/")
    assert page.inner_text(TOPIC).strip() == "SOP Pemerintah Kabupaten Banggai"
    page.close()


@pytest.mark.parametrize("width", [360, 1440])
def test_a_kop_of_three_levels_stands_on_three_lines(browser, site_url, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + "/sop/surat-pengantar/")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('td.sop-kop > div')].filter(d => d.getClientRects().length).map(d => {
             const r = d.getBoundingClientRect(); return {text: d.textContent, top: r.top, bottom: r.bottom}; })"""
    )
    assert [b["text"] for b in boxes][:3] == ["PEMERINTAH KOTA CONTOH", "KECAMATAN CONTOH BARAT", "KELURAHAN CONTOH INDAH"]
    assert all(a["bottom"] <= b["top"] + 0.5 for a, b in zip(boxes, boxes[1:]))  # each below the one before
    # the print-only revision line is not shown on screen
    assert page.locator("td.sop-kop .sop-jejak-polos").count() == 1 and not page.is_visible("td.sop-kop .sop-jejak-polos")
    page.close()


def test_daftar_sop_says_which_sops_are_not_published_on_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + "/")
    notice = page.locator(".sop-tidak-terbit")
    assert notice.is_visible()
    assert "2 dari 4 SOP tidak diterbitkan karena bergalat" in notice.inner_text()
    box = notice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # nothing of it off the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    items = page.locator(".sop-tidak-terbit li").all_inner_texts()
    assert [i.split(":")[0] for i in items] == ["pengarsipan-surat", "surat-keluar"]
    page.close()
