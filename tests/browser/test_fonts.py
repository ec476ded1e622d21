"""The site's own font: loaded from the site, used on screen and in print, nothing fetched from elsewhere."""

from __future__ import annotations

import subprocess

import pytest

pytestmark = pytest.mark.browser  # Chromium through Playwright

FAMILY = "Noto Sans"

FONT_STATE = """() => ({
  check: document.fonts.check('12px "Noto Sans"'),
  loaded: [...document.fonts].filter(f => f.family.replace(/["']/g, '') === 'Noto Sans' && f.status === 'loaded')
            .map(f => f.weight + ' ' + f.style),
  body: getComputedStyle(document.body).fontFamily,
  table: getComputedStyle(document.querySelector('.sop-layar table.sop-prosedur td')).fontFamily,
  identity: getComputedStyle(document.querySelector('table.sop-identitas td')).fontFamily,
})"""


def _open(browser, url: str, media: str = "screen"):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.emulate_media(media=media)
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, requests


@pytest.mark.parametrize("media", ["screen", "print"])
def test_the_page_is_set_in_the_shipped_font(browser, served, media):
    base = served["seed"]
    page, requests = _open(browser, f"{base}/sop/perbaikan-data-kinerja/", media)
    state = page.evaluate(FONT_STATE)
    page.close()
    # document.fonts.check() is true for a family no @font-face declares: the FontFace list is what tells.
    assert state["check"], state
    assert {"400 normal", "700 normal"} <= set(state["loaded"]), state
    for key in ("body", "table", "identity"):
        assert state[key].startswith(f'"{FAMILY}"'), (key, state[key])
    fonts = [url for url in requests if url.endswith(".woff2")]
    assert fonts and all(url.startswith(f"{base}/assets/fonts/noto-sans-latin") for url in fonts), fonts
    assert all(url.startswith(base) or url.startswith("data:") for url in requests), "diambil dari luar situs"


def test_the_printed_pdf_embeds_only_the_shipped_font(browser, served, tmp_path):
    page, _ = _open(browser, f"{served['seed']}/sop/perbaikan-data-kinerja/")
    pdf = tmp_path / "seed.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()]
    assert names and all(name.startswith("NotoSans-") for name in names), names
    assert {"NotoSans-Regular", "NotoSans-Bold"} <= set(names), names
