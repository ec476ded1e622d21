"""A draft printed from Chromium says DRAF on every page; on screen a banner says it, at phone
width too; a retired SOP says DICABUT and links its replacement."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, _require_browser, serve
from tests.conftest import REPO, build_into

pytestmark = pytest.mark.browser  # Chromium through Playwright

STATUS_SOURCES = REPO / "tests" / "site" / "fixtures" / "status"


@pytest.fixture(scope="module")
def status_site(tmp_path_factory):
    _require_browser()
    work = tmp_path_factory.mktemp("status-browser")
    # one step per printed page: the draft prints on four pages (identity block + three)
    result, site = build_into(work, work / "site", STATUS_SOURCES, print_steps_per_page=1)
    assert result.code == 0, result.err
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(status_site, browser):
    """The suite's one Chromium (a second Playwright instance cannot run beside it)."""
    yield browser


def _pages_text(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    # -raw: the watermark is rotated text, which the layout mode leaves out
    return [
        subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout
        for n in range(1, count + 1)
    ]


@pytest.mark.parametrize("slug, mark", [("surat-masuk-draf", "DRAF"), ("surat-masuk-lama", "DICABUT")])
def test_every_printed_page_carries_the_status(chromium, status_site, tmp_path, slug, mark):
    page = chromium.new_page()
    page.goto(f"{status_site}/sop/{slug}/")
    pdf = tmp_path / f"{slug}.pdf"
    page.pdf(path=str(pdf), landscape=True, prefer_css_page_size=True, print_background=True)
    page.close()
    texts = _pages_text(pdf)
    assert len(texts) == 4
    for n, text in enumerate(texts, start=1):
        assert mark in text.split(), f"halaman {n} tanpa {mark}:\n{text}"
    # the banner gives way to the watermark in print: once per page, not twice on the first
    assert "Rancangan SOP" not in texts[0] and "sudah dicabut" not in texts[0]


@pytest.mark.parametrize("width", [360, 1440])
def test_banner_on_screen_and_watermark_only_in_print(chromium, status_site, width):
    page = chromium.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{status_site}/sop/surat-masuk-draf/")
    banner = page.locator(".sop-status--draf")
    assert banner.is_visible()
    box = banner.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # no sideways scroll for the banner
    assert not page.locator(".sop-tanda-air").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".sop-tanda-air").is_visible() and not banner.is_visible()
    page.close()


def test_retired_banner_links_the_replacement(chromium, status_site):
    page = chromium.new_page(viewport={"width": 360, "height": 800})
    page.goto(f"{status_site}/sop/surat-masuk-lama/")
    link = page.locator(".sop-status--dicabut a.sop-pengganti")
    assert link.inner_text() == "Pelayanan Surat Masuk"
    link.click()
    page.wait_for_url(f"{status_site}/sop/surat-masuk/")
    assert page.locator(".sop-status").count() == 0
    page.close()


def test_daftar_filters_by_status(chromium, status_site):
    page = chromium.new_page()
    page.goto(f"{status_site}/")
    rows = page.locator("table.sop-daftar tbody tr")
    assert rows.count() == 3
    page.select_option("select[data-saring=status]", "dicabut")
    visible = [r for r in rows.all() if r.is_visible()]
    assert [r.get_attribute("data-status") for r in visible] == ["dicabut"]
    assert page.locator(".sop-saring-hasil").inner_text() == "1 dari 3 SOP"
    page.close()
