from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..failures import Failure
from ..findings import Finding
from ..load.clock import build_day
from ..pdf import FORCE_PDF, Printer, chromium_path, warm_document
from ..post_build import make_site_pdfs, write_search_index
from ..render.findings_panel import failed_render, findings_banner
from ..site.build import BuildOptions, SiteBuild, build_site, empty_build
from ..site.macros import MacroContext, page_macros
from .build_date import BUILD_DATE, pin_build_date
from .config import SopConfig, build_options, printed_site_url  # noqa: F401  (printed_site_url: tests)
from .deferred import Deferred
from .mkdocs_pages import add_templates, keep_macros_from_exiting, links_for, macro_page
from .nav import SopNav

log = logging.getLogger("mkdocs.plugins.sop")


class SopPlugin(BasePlugin[SopConfig]):
    """Adapts mkdocs' events to the build pipeline (site/build.py): the sources are built at every
    config, the generated pages and files are handed to mkdocs, each page is rendered when mkdocs
    asks for it, and the search index and the PDFs are made from the written site.

    Under `mkdocs serve` the same instance lives across rebuilds (mkdocs keeps plugins that
    define `on_startup`); nothing here may end the server: a broken source is shown on the
    pages and in the log, and the next good save brings the site back (see `_step`)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.pdf_on = False  # this build makes the PDFs (and so its pages link them)
        self._printer: Printer | None = None  # started with the build, used at its end
        self._missing_sources: str | None = None
        self.build: SiteBuild | None = None
        self._failures: list[str] = []
        self._deferred = Deferred()
        self._nav: SopNav | None = None

    @contextmanager
    def _step(self, doing: str, what: str = "") -> Iterator[None]:
        """The one place that decides what a failure does: `mkdocs build` aborts with one line,
        `mkdocs serve` reports the line and stays up (unless the failure stops it, like a missing `dot`)."""
        try:
            yield
        except Failure as exc:
            self._failed(f"galat: {what}{exc}", exc.stops_server)
        except Exception as exc:  # a bug of ours: one line, never a traceback, and `serve` stays up
            self._failed(f"sop: galat internal saat {doing}: {exc.__class__.__name__}: {exc}")

    def _failed(self, message: str, stops_server: bool = False) -> None:
        if stops_server or not self.serving:
            raise Abort(message) from None
        log.error(message)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def load_config(self, options: dict, config_file_path: str | None = None):
        """Options are checked by mkdocs (`sources` must be an existing folder). While serving,
        a sources folder that disappears must not stop the server: mkdocs would print a
        traceback and stall the rebuild loop, so the page says it instead (on_config)."""
        errors, warnings = super().load_config(options, config_file_path)
        self._missing_sources = None
        if self.serving:
            missing = [str(error) for key, error in errors if key == "sources"]
            if missing:
                self._missing_sources = missing[0]
                errors = [(key, error) for key, error in errors if key != "sources"]
        return errors, warnings

    def sources_root(self, config: MkDocsConfig | None = None) -> Path:
        """The sources folder, already resolved against mkdocs.yml by the config option."""
        return Path(self.config.sources)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._failures, self._deferred, self._nav, self.build = [], Deferred(), None, None
        if config.nav is not None:  # the navigation is made from docs/ and the sources: a hand-written one would leave the SOPs out
            raise PluginError("mkdocs.yml: bagian 'nav' tidak dipakai bersama plugin sop, yang membuat navigasi dari halaman "
                              "di docs/ dan dari sumber SOP; hapus bagian 'nav'")
        self.pdf_on = self._wants_pdf()
        self._close_printer()
        if self.pdf_on:  # Chromium starts while the sources are read and the pages rendered (closed below if no SOP)
            site_dir, extra_css = Path(config.site_dir), [str(css) for css in config.extra_css]
            self._printer = Printer(site_dir, self.config.pdf_tabs)
            self._printer.warm_up(lambda: warm_document(site_dir, extra_css))
        if self.serving:
            keep_macros_from_exiting(config)
        add_templates(config)
        options = build_options(self.config, config, printed_site_url(config.site_url, config.dev_addr, self.serving),
                                self.pdf_on, self.serving)
        if self._missing_sources is not None:  # only while serving: see load_config
            log.error(self._missing_sources)
        else:
            with self._step("memeriksa sumber"):
                self.build = build_site(options, build_day(self.config.tanggal, BUILD_DATE.user_value()))
                for level, line in self.build.report():
                    log.log(level, line)
                # every page's footer says what it was built from (Material shows `copyright` there)
                built_from = self.build.built_from
                config.copyright = f"{config.copyright} · {built_from}" if config.copyright else built_from
        if self.build is None:  # serving, and the sources could not be built: a site without SOPs
            self.build = empty_build(options)
        pin_build_date(self.build.site.newest_date())
        if not (self.pdf_on and self.build.site.sops):
            self._close_printer()
        return config

    def _wants_pdf(self) -> bool:
        """`pdf` on (or `sop pdf`), and not under `mkdocs serve` unless `pdf_serve` asks. Chromium
        is looked for now, so that a machine without it learns so before the build, not after."""
        wanted = self.config.pdf or os.environ.get(FORCE_PDF) == "1"
        if not wanted or (self.serving and not self.config.pdf_serve):
            return False
        with self._step("mencari Chromium"):
            chromium_path()
            return True
        return False

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.sources_root(config)))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for uri in self.build.pages:
            files.append(File.generated(config, uri, content=""))
        for path, content in self.build.files().items():
            files.append(File.generated(config, path, content=content))
        macros = config.plugins.get("macros")  # mkdocs-macros renders docs/: our macros, made for this build
        if macros is not None:
            macros.register_macros(page_macros(MacroContext(
                self.build, lambda: macro_page(macros.page, self.pdf_on), self._deferred.defer, self._fail)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = SopNav(self.build.site, self.build.pages)
        return self._nav.arrange(nav)

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        return self._nav.for_page(context, nav) if self._nav is not None else context

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        ref = self.build.pages.get(page.file.src_uri)
        if ref is None:
            return markdown
        matter = self.build.matter(ref)
        page.meta["hide"] = list(matter.hide)
        if not matter.searchable:
            page.meta["search"] = {"exclude": True}
        page.meta["render_macros"] = False  # made from data: nothing here is a template
        rendered = self.build.render(ref, links_for(page, self.pdf_on))
        return str(self._deferred.defer(rendered.html if rendered.failure is None else self._fail(rendered.failure, "Halaman ini")))

    def _fail(self, finding: Finding, what: str) -> Markup:
        """A part of the site that could not be made: its error line now, the build fails at its end."""
        log.error(finding.as_line())
        self._failures.append(finding.as_line())
        return failed_render(what, finding.message)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = self._deferred.restore(html)
        ref = self.build.pages.get(page.file.src_uri)
        if ref is not None:  # set after mkdocs-macros, which renders titles as Jinja; Material prints them as HTML
            matter = self.build.matter(ref)
            page.title, page.meta["title"] = matter.nav_title, matter.title
            if matter.agency is not None:
                page.meta["sop_instansi"] = matter.agency
        if self.serving and self.build.errors:
            html = str(findings_banner(self.build.errors)) + html
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        BUILD_DATE.release()
        try:
            if self._failures and not self.serving:
                raise Abort(f"{len(self._failures)} bagian situs tidak dapat dibuat; lihat galat di atas")
            site_dir = Path(config.site_dir)
            if self.config.search:
                with self._step("membuat indeks pencarian", "indeks pencarian tidak dapat dibuat: "):
                    log.info(write_search_index(self.build, site_dir))
            if self.pdf_on and self.build.site.sops:
                with self._step("membuat PDF", "PDF tidak dapat dibuat: "):
                    stylesheets = tuple(str(css) for css in config.extra_css)
                    log.info(make_site_pdfs(self.build, site_dir, self._printer, stylesheets, self.config.pdf_tabs))
        finally:
            self._close_printer()

    def _close_printer(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            printer.close()

    def on_build_error(self, error: Exception) -> None:
        BUILD_DATE.release()
        self._close_printer()

    def on_shutdown(self) -> None:
        BUILD_DATE.release()
        self._close_printer()
        self.serving = False  # mkdocs keeps this instance for the next command of the process
