"""The riwayat page as Chromium lays it out: on a phone nothing scrolls sideways, no word is split,
and the old and new text of a change are stacked, the old one first."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import _require_browser, serve
from tests.browser.test_phone import PAGE_WIDTH, SPLIT_WORDS, WORDS
from tests.conftest import build_into
from tests.site.test_riwayat import SLUG, make_repository

pytestmark = [pytest.mark.browser, pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")]

STACKED = """() => {
  const item = [...document.querySelectorAll('li.sop-perubahan')].find(li => li.dataset.jenis === 'langkah_diubah');
  const box = e => e.getBoundingClientRect();
  const old = box(item.querySelector('.sop-perubahan-lama')), now = box(item.querySelector('.sop-perubahan-baru'));
  return {oldBottom: old.bottom, newTop: now.top, oldLeft: old.left, newLeft: now.left, width: now.width};
}"""


@pytest.fixture(scope="module")
def riwayat_url(tmp_path_factory):
    _require_browser()
    work = tmp_path_factory.mktemp("riwayat-browser")
    repository = make_repository(work / "repo")
    result, site = build_into(work, work / "site", repository / "sop", "--strict")
    assert result.code == 0, result.err
    with serve(site) as url:
        yield f"{url}/sop/{SLUG}/riwayat/"


@pytest.mark.parametrize("width", [360, 1440])
def test_the_riwayat_page_reads_on_a_phone_and_a_wide_screen(browser, riwayat_url, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(riwayat_url)
    scroll, viewport = page.evaluate(PAGE_WIDTH)
    words = page.evaluate(WORDS, ".sop-riwayat-git")
    split = page.evaluate(SPLIT_WORDS, ".sop-versi-daftar")
    stacked = page.evaluate(STACKED)
    page.close()
    assert words > 100
    assert scroll <= viewport, f"halaman {scroll}px lebar di layar {viewport}px"
    assert split == []
    assert stacked["newTop"] >= stacked["oldBottom"] - 1 and stacked["oldLeft"] == stacked["newLeft"], stacked
