"""What is made from the written site after its pages (site/build.py): the search index and the
PDFs. Each returns the line a build says of it; a Failure when it cannot be made."""

from __future__ import annotations

import time
from pathlib import Path

from .pdf import PdfSettings, Printer, make_pdfs
from .search.index import FOLDER as SEARCH_FOLDER, write_index
from .site.build import SiteBuild
from .urls import PDF_FOLDER


def _seconds(started: float) -> str:
    return f"{time.perf_counter() - started:.1f}".replace(".", ",")


def write_search_index(build: SiteBuild, site_dir: Path) -> str:
    started = time.perf_counter()
    report = write_index(build.search_records, site_dir)
    return f"pencarian: {report.pages} SOP diindeks Pagefind di {SEARCH_FOLDER}/, {report.files} berkas, {_seconds(started)} detik"


def make_site_pdfs(build: SiteBuild, site_dir: Path, printer: Printer | None, stylesheets: tuple[str, ...],
                   tabs: int = 2) -> str:
    """Every PDF of the site (pdf/make.py), printed by `printer` (None: one is started here)."""
    settings = PdfSettings(
        paper=build.options.page.paper,
        stylesheets=stylesheets,
        when=build.build_date,
        site_url=build.options.page.site_url,
        tabs=tabs,
        built_from=build.audit.revision if build.audit is not None else None,
    )
    started = time.perf_counter()
    report = make_pdfs(build.site, site_dir, build.options.cache_dir / "pdf", settings, printer)
    return (f"pdf: {len(report.files)} berkas di {PDF_FOLDER}/, {report.printed} halaman dicetak Chromium, "
            f"{report.reused} dari cache, {_seconds(started)} detik")
