"""The printed procedure table breaks only where the plan broke it (macros/render/flowchart/pagination.py),
on every paper and with whatever fonts the machine has: the PDF holds one page per planned page, each
with the steps and off-page connectors the plan put there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import BROWSER_ARGS, CHROMIUM, PRINT_FIXTURES, build_into, serve
from tests.browser.test_print import A4_LANDSCAPE, F4_LANDSCAPE, _letters, _page_sizes, _text

pytestmark = pytest.mark.browser  # Chromium through Playwright

SLUG = "izin-usaha-satu-pintu"
PLAN = """() => [...document.querySelectorAll('.sop-cetak .sop-halaman-cetak')].map(el => ({
  range: el.dataset.langkah,
  steps: [...el.querySelectorAll('tr.sop-baris')].map(tr => +tr.dataset.langkah),
  letters: [...el.querySelectorAll('[data-huruf]')].map(s => s.dataset.huruf).sort(),
  zoom: +getComputedStyle(el).zoom,
  footer: !!el.querySelector('.sop-cetak-kaki'),
}))"""
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def _print(browser, url: str, path: Path) -> list[dict]:
    page = browser.new_page()
    page.goto(url)
    page.evaluate("document.fonts.ready.then(() => true)")
    plan = page.evaluate(PLAN)
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    page.close()
    return plan


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _step_numbers(path: Path, page: int) -> list[int]:
    """The numbers in the No column of a printed page: centred under the "No" header, as the numbers are."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [((float(x0) + float(x1)) / 2, text) for x0, x1, text in WORD.findall(html)]
    column = min(x for x, text in words if text == "No")
    return [int(text) for x, text in words if text.isdigit() and abs(x - column) < 4]


def _what(path: Path, page: int) -> tuple:
    """What one printed page holds: the identity block (or its continuation), a page of the procedure
    table (its step numbers and connector letters), or the revision history."""
    text = _text(path, page)
    flat = " ".join(text.split())
    if flat.startswith("Bagian Identitas (lanjutan)"):
        return ("identitas-lanjutan",)
    if "Nomor SOP" in text:
        return ("identitas",)
    if "Mutu Baku" in text:
        return ("prosedur", tuple(_step_numbers(path, page)), tuple(_letters(text)), "Total waktu:" in flat)
    if "Riwayat Revisi" in text:
        return ("riwayat",)
    return ("lain", flat[:80])


def _layout(path: Path) -> list[tuple]:
    return [_what(path, n) for n in range(1, _pages(path) + 1)]


def _expected(plan: list[dict], identity_pages: int = 1, history: bool = True) -> list[tuple]:
    return (
        [("identitas",)] + [("identitas-lanjutan",)] * (identity_pages - 1)
        + [("prosedur", tuple(p["steps"]), tuple(p["letters"]), p["footer"]) for p in plan]
        + ([("riwayat",)] if history else [])
    )


@pytest.mark.parametrize("site, size", [("cetak", A4_LANDSCAPE), ("cetak-f4", F4_LANDSCAPE)], ids=["A4", "F4"])
def test_an_eight_actor_sop_prints_exactly_the_planned_pages(browser, served, tmp_path, site, size):
    pdf = tmp_path / f"{site}.pdf"
    plan = _print(browser, f"{served[site]}/sop/{SLUG}/", pdf)
    info = subprocess.run(["pdfinfo", "-l", "999", str(pdf)], capture_output=True, text=True, check=True).stdout
    sizes = _page_sizes(info)
    assert all(abs(w - size[0]) < 1 and abs(h - size[1]) < 1 for w, h in sizes), sizes

    # the plan breaks the table at least once, each page holds the run of steps its range names
    assert len(plan) >= 2, plan
    steps = [s for p in plan for s in p["steps"]]
    assert steps == list(range(1, 16)), steps
    for p in plan:
        first, last = (int(n) for n in p["range"].split("–"))
        assert p["steps"] == list(range(first, last + 1)), p
    assert [p["footer"] for p in plan] == [False] * (len(plan) - 1) + [True]

    # identity page + one PDF page per planned page + the revision history: nothing split, nothing spilled
    layout = _layout(pdf)
    assert layout == _expected(plan), (layout, plan)

    # every break has its off-page connector letter at the foot of one page and the head of the next
    pages = [p["letters"] for p in plan]
    letters = {letter for page in pages for letter in page}
    assert letters, pages
    for letter in letters:
        holding = [k for k, page in enumerate(pages) if letter in page]
        assert len(holding) == 2 and holding[1] == holding[0] + 1, (letter, pages)


def test_a_page_planned_too_tall_for_the_paper_is_scaled_down_not_split(browser, tmp_path_factory, tmp_path):
    """Fifteen steps on one page (print_steps_per_page: 15) do not fit A4: the page is zoomed to fit."""
    work = tmp_path_factory.mktemp("satu-halaman")
    result, site = build_into(work, work / "site", PRINT_FIXTURES, "--strict", print_steps_per_page=15)
    assert result.code == 0, result.err
    with serve(site) as base:
        pdf = tmp_path / "satu.pdf"
        plan = _print(browser, f"{base}/sop/{SLUG}/", pdf)
    assert len(plan) == 1 and plan[0]["steps"] == list(range(1, 16)), plan
    assert 0.5 < plan[0]["zoom"] < 1, plan
    assert _layout(pdf) == _expected(plan), _layout(pdf)


FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>{dirs}<cachedir>{cache}</cachedir></fontconfig>
"""
# Whether the browser sees the system font DejaVu Sans: it measures differently from its monospace fallback.
HAS_DEJAVU = """() => { const c = document.createElement('canvas').getContext('2d');
  const width = f => { c.font = f; return c.measureText('Mmwil 0123 Kegiatan').width; };
  return width('20px "DejaVu Sans", monospace') !== width('20px monospace'); }"""


def _fontconfigs(tmp_path: Path) -> dict[str, str | None]:
    """The machine's own fonts, no system fonts at all, and (where it is installed) a single monospace one."""
    configs: dict[str, str | None] = {"bawaan": None}
    for name, fonts in (("tanpa-huruf", []), ("hanya-mono", ["DejaVuSansMono.ttf"])):
        folder = tmp_path / name
        folder.mkdir()
        if fonts:
            found = [p for p in Path("/usr/share/fonts").rglob(fonts[0])] if Path("/usr/share/fonts").is_dir() else []
            if not found:
                continue
            shutil.copyfile(found[0], folder / fonts[0])
        conf = tmp_path / f"{name}.conf"
        dirs = f"<dir>{folder}</dir>" if fonts else ""
        conf.write_text(FONTS_CONF.format(dirs=dirs, cache=tmp_path / f"{name}-cache"), encoding="utf-8")
        configs[name] = str(conf)
    return configs


def test_the_print_is_the_same_whatever_fonts_the_machine_has(playwright_driver, served, tmp_path):
    """The seed, the 8-actor SOP and the twenty-legal-bases identity block print the same pages, page for
    page, under the machine's fontconfig and under minimal ones: the site's own font sets every word."""
    cases = [("seed", "perbaikan-data-kinerja", 1), ("cetak", SLUG, 1), ("panjang", "perbaikan-data-kinerja", 2)]
    layouts: dict[str, dict[str, list[tuple]]] = {}
    for name, conf in _fontconfigs(tmp_path).items():
        env = dict(os.environ)
        env.pop("FONTCONFIG_FILE", None)
        if conf:
            env["FONTCONFIG_FILE"] = conf
        chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS, env=env)
        try:
            probe = chromium.new_page()
            probe.goto(f"{served['seed']}/sop/perbaikan-data-kinerja/")
            dejavu = probe.evaluate(HAS_DEJAVU)
            probe.close()
            if conf:  # the minimal fontconfig really is the one the browser uses
                assert not dejavu, name
            for site, slug, identity_pages in cases:
                pdf = tmp_path / f"{name}-{site}.pdf"
                plan = _print(chromium, f"{served[site]}/sop/{slug}/", pdf)
                layout = _layout(pdf)
                # 1 identity page (2 for the long one) + the planned procedure pages + the revision history
                assert layout == _expected(plan, identity_pages), (name, site, layout, plan)
                layouts.setdefault(site, {})[name] = layout
        finally:
            chromium.close()
    assert len(next(iter(layouts.values()))) >= 2, layouts
    for site, by_config in layouts.items():
        first, *others = by_config.values()
        assert all(layout == first for layout in others), (site, by_config)
