"""Headless Chromium (Debian's) driven by Playwright, against sites built and served on loopback."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_SOURCES, build_into
from tests.harness import serve  # noqa: F401  (the browser tests serve built sites with it)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLOWCHART_FIXTURES = Path(__file__).parent.parent / "render" / "fixtures" / "flowchart"
# A one-stop licensing office's SOP with eight actor columns, loops and joint steps: a wide real table.
PRINT_FIXTURES = Path(__file__).parent / "fixtures" / "cetak"
# Eight actor columns headed with the posts' official names: the widest table a 1440 px screen shows whole.
SCREEN_FIXTURES = Path(__file__).parent / "fixtures" / "layar"
TRACE_SITE_URL = "https://sop.banggaikab.go.id/"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"]

# Fourteen more legal bases for the seed SOP: twenty in all, an identity block too long for one page.
EXTRA_LEGAL_BASES = [
    ("uu-17-2003", "Undang-Undang", "17", 2003, "Keuangan Negara"),
    ("uu-1-2004", "Undang-Undang", "1", 2004, "Perbendaharaan Negara"),
    ("uu-25-2004", "Undang-Undang", "25", 2004, "Sistem Perencanaan Pembangunan Nasional"),
    ("uu-33-2004", "Undang-Undang", "33", 2004,
     "Perimbangan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah"),
    ("uu-23-2014", "Undang-Undang", "23", 2014, "Pemerintahan Daerah"),
    ("uu-30-2014", "Undang-Undang", "30", 2014, "Administrasi Pemerintahan"),
    ("uu-5-2014", "Undang-Undang", "5", 2014, "Aparatur Sipil Negara"),
    ("pp-8-2006", "Peraturan Pemerintah", "8", 2006, "Pelaporan Keuangan dan Kinerja Instansi Pemerintah"),
    ("pp-8-2008", "Peraturan Pemerintah", "8", 2008,
     "Tahapan, Tata Cara Penyusunan, Pengendalian, dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah"),
    ("pp-18-2016", "Peraturan Pemerintah", "18", 2016, "Perangkat Daerah"),
    ("perpres-29-2014", "Peraturan Presiden", "29", 2014, "Sistem Akuntabilitas Kinerja Instansi Pemerintah"),
    ("permendagri-86-2017", "Peraturan Menteri Dalam Negeri", "86", 2017,
     "Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan "
     "Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka "
     "Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana "
     "Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah"),
    ("permenpan-rb-12-2015", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "12", 2015,
     "Pedoman Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja Instansi Pemerintah"),
    ("perbup-banggai-12-2019", "Peraturan Bupati Banggai", "12", 2019,
     "Sistem Informasi Kinerja Pegawai di Lingkungan Pemerintah Kabupaten Banggai"),
]


def long_identity_sources(target: Path) -> Path:
    """The seed, its SOP citing twenty legal bases."""
    target.mkdir(parents=True)
    for path in SEED_SOURCES.iterdir():
        if path.is_file():
            shutil.copyfile(path, target / path.name)
    registry = target / "_dasar-hukum.yml"
    entries = "".join(
        f"{key}:\n  jenis: {kind}\n  nomor: \"{number}\"\n  tahun: {year}\n  tentang: {about}\n"
        for key, kind, number, year, about in EXTRA_LEGAL_BASES
    )
    registry.write_text(registry.read_text(encoding="utf-8") + entries, encoding="utf-8")
    sop = target / "perbaikan-data-kinerja.yml"
    marker = "  - perbup-banggai-31-2017\n"
    text = sop.read_text(encoding="utf-8")
    assert marker in text
    sop.write_text(text.replace(marker, marker + "".join(f"  - {e[0]}\n" for e in EXTRA_LEGAL_BASES)), encoding="utf-8")
    return target


def show_table(page) -> None:
    """On a phone an SOP's page opens on its step list: one tap on 'Tabel diagram alir' shows the table."""
    tab = page.locator("label[for=sop-bacaan-tabel]")
    if tab.is_visible():
        tab.click()


def _require_browser():
    missing = [name for name, found in (("chromium", CHROMIUM), ("pdfinfo", shutil.which("pdfinfo"))) if not found]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright")
    if missing:
        message = f"perlu {', '.join(missing)} (dipasang oleh .ci/install)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)




@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """Build the seed site, the flowchart-fixture sites and a long-identity site once, serve them on loopback."""
    _require_browser()
    work = tmp_path_factory.mktemp("sites")
    sites = {}
    for name, sources, options in (
        ("seed", SEED_SOURCES, {}),
        ("fixtures", FLOWCHART_FIXTURES, {}),
        ("f4", FLOWCHART_FIXTURES, {"paper": "F4"}),
        ("panjang", long_identity_sources(work / "sumber-panjang"), {}),
        ("cetak", PRINT_FIXTURES, {}),
        ("layar", SCREEN_FIXTURES, {}),
        ("cetak-f4", PRINT_FIXTURES, {"paper": "F4"}),
        ("seed-qr", SEED_SOURCES, {"settings": {"site_url": TRACE_SITE_URL}}),  # printed with the QR code
        ("cetak-qr", PRINT_FIXTURES, {"settings": {"site_url": TRACE_SITE_URL}}),
    ):
        result, site = build_into(work, work / name, sources, "--strict", **options)
        assert result.code == 0, result.err
        sites[name] = site
    with contextlib.ExitStack() as stack:
        yield {name: stack.enter_context(serve(site)) for name, site in sites.items()}


@pytest.fixture(scope="session")
def playwright_driver(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_driver):
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
    yield chromium
    chromium.close()
