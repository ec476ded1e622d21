"""The monitoring and evaluation forms printed from Chromium (A4 portrait, no site chrome, the table
header on every page, each recorded result on a page of its own) and read on a phone."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import FLOWCHART_FIXTURES, _require_browser
from tests.conftest import build_into
from tests.harness import serve
from tests.render.test_monev import EVALUATION, MONITORING

pytestmark = pytest.mark.browser  # Chromium through Playwright

A4_PORTRAIT = (594.96, 841.92)
LONG = "dua-puluh-lima-langkah"
LONG_MONITORING = f"""periode: 2026-2
penilai: {{nama: Budi Santoso}}
tanggal: 2026-12-03
hasil:
  {LONG}:
    langkah:
""" + "".join(f"      {n}: {'tidak' if n == 13 else 'baik'}\n" for n in range(1, 26))


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    _require_browser()
    work = tmp_path_factory.mktemp("monev-cetak")
    root = work / "sop"
    shutil.copytree(FLOWCHART_FIXTURES, root)
    seed = Path(__file__).parent.parent.parent / "sop"
    for name in ("perbaikan-data-kinerja.yml",):
        shutil.copyfile(seed / name, root / name)
    for registry in ("_instansi.yml", "_jabatan.yml", "_dasar-hukum.yml"):  # the seed's entries beside the fixtures'
        extra = (seed / registry).read_text(encoding="utf-8")
        (root / registry).write_text((root / registry).read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    (root / "_monitoring").mkdir()
    (root / "_monitoring" / "2026-1.yml").write_text(MONITORING, encoding="utf-8")
    (root / "_monitoring" / "2026-2.yml").write_text(LONG_MONITORING, encoding="utf-8")
    (root / "_evaluasi").mkdir()
    (root / "_evaluasi" / "2026.yml").write_text(EVALUATION, encoding="utf-8")
    result, site = build_into(work, work / "site", root)
    assert result.code == 0, result.err
    assert " SOP-M" not in result.err, result.err
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(site_url, browser):
    """The session's Chromium (one Playwright driver per process: a second one would clash with it)."""
    return browser


def _print(chromium, url: str, path: Path) -> list[str]:
    page = chromium.new_page()
    page.goto(url)
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    page.close()
    info = subprocess.run(["pdfinfo", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    assert sizes and all(abs(w - A4_PORTRAIT[0]) < 1 and abs(h - A4_PORTRAIT[1]) < 1 for w, h in sizes), sizes
    return [
        subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
                       capture_output=True, text=True, check=True).stdout
        for n in range(1, len(sizes) + 1)
    ]


def test_the_seed_monitoring_form_prints_blank_then_recorded(chromium, site_url, tmp_path):
    pages = _print(chromium, f"{site_url}/sop/perbaikan-data-kinerja/monitoring/", tmp_path / "monitoring.pdf")
    assert len(pages) == 2, [p[:200] for p in pages]  # the blank form fits one page; the recorded one the next
    blank, recorded = pages
    assert "Monitoring Pelaksanaan SOP AP" in blank and "Paraf" in blank and "Tanda tangan" in blank
    assert "Hasil monitoring" not in blank and "Semester I 2026" not in blank
    assert "Hasil monitoring Semester I 2026" in recorded and "Dra. SITI AMINAH" in recorded
    for text in pages:  # no site chrome: neither the site's name, nor the navigation, nor the screen-only notes
        assert "SOP Pemerintah Kabupaten Banggai" not in text and "Lembar Kerja" not in text
        assert "Dicatat di" not in text and "formulir kosong" not in text


def test_a_long_form_repeats_its_header_on_every_page(chromium, site_url, tmp_path):
    pages = _print(chromium, f"{site_url}/sop/{LONG}/monitoring/", tmp_path / "panjang.pdf")
    first_recorded = next(n for n, p in enumerate(pages) if "Hasil monitoring" in p)
    blank, recorded = pages[:first_recorded], pages[first_recorded:]
    assert len(blank) >= 2 and len(recorded) >= 2, len(pages)
    for text in pages:
        assert "Prosedur" in text and "Berjalan" in text  # the table's head, repeated
    assert "25" in blank[-1] and "Tanda tangan" in blank[-1]


def test_the_evaluation_form_prints_the_seven_criteria(chromium, site_url, tmp_path):
    pages = _print(chromium, f"{site_url}/sop/perbaikan-data-kinerja/evaluasi/", tmp_path / "evaluasi.pdf")
    assert len(pages) == 2
    for text in pages:
        assert "Mampu mendorong peningkatan kinerja" in text and "Sinergi satu dengan lainnya" in text
    assert "Hasil evaluasi Tahun 2026" in pages[1]


@pytest.mark.parametrize("path", ["perbaikan-data-kinerja/monitoring/", "perbaikan-data-kinerja/evaluasi/",
                                  f"{LONG}/monitoring/", "perbaikan-data-kinerja/"])
def test_the_forms_fit_a_phone(chromium, site_url, path):
    page = chromium.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{site_url}/sop/{path}")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    # each row of the forms is a card: nothing scrolls sideways, no card is wider than the screen
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.sop-monev-tabel tr, .sop-monev-blok')]
             .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1).length"""
    )
    page.close()
    assert widths[0] <= widths[1] and overflow == 0, (widths, overflow)
