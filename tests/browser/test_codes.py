"""A short code ("AK-1", "e-KTP") stays on one line in the browser, on a phone, a desktop and in
print: even in a box narrower than the code, where a browser would break it after its hyphen."""

from __future__ import annotations

import pytest

from tests.browser.conftest import _require_browser
from tests.conftest import build_into
from tests.harness import serve
from tests.site.test_empty_cells import DRAFT, sources

pytestmark = pytest.mark.browser  # Chromium through Playwright

PAGES = [f"sop/{DRAFT}/", f"sop/{DRAFT}/lembar-kerja/", f"sop/{DRAFT}/checklist/petugas-ak1/",
         f"sop/{DRAFT}/swimlane/", "pelaksana/petugas-ak1/"]
# For each code on the page: its line boxes where it stands, and in a 1 px wide box of its own (the
# same element, its classes and styles).
LINES = """() => {
  const codes = [...document.querySelectorAll('.sop-kode')];
  const box = document.createElement('div');
  box.style.width = '1px';
  document.querySelector('article').appendChild(box);
  const result = codes.map(code => {
    const clone = code.cloneNode(true);
    box.replaceChildren(clone);
    return [code.textContent, code.getClientRects().length, clone.getClientRects().length];
  });
  box.remove();
  return result;
}"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    _require_browser()
    work = tmp_path_factory.mktemp("kode")
    result, site = build_into(work, work / "site", sources(work / "sop"))
    assert result.code == 0, result.err
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("width", [360, 1440])
@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_code_is_never_broken_at_its_hyphen(browser, site_url, width, media):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.emulate_media(media=media)
    found = {}
    for path in PAGES:
        page.goto(f"{site_url}/{path}")
        found[path] = page.evaluate(LINES)
    page.close()
    assert all(found.values()), found  # every page shows codes
    # where it stands: one line box (none where that copy does not show: the screen table in print)
    broken = {path: [c for c in codes if c[1] > 1 or c[2] != 1] for path, codes in found.items()}
    assert broken == {path: [] for path in PAGES}
