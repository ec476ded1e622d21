from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..failures import Failure
from ..findings import Finding
from ..load.clock import build_day
from ..post_build import make_site_pdfs, write_search_index
from ..render.findings_panel import failed_render, findings_banner
from ..site.build import SiteBuild, build_site, empty_build
from .build_date import BUILD_DATE, pin_build_date
from .config import SopConfig, build_options, wants_pdf
from .deferred import Deferred
from .mkdocs_pages import (add_footer, links_for, prepare_theme, refuse_hand_written_nav, register_macros,
                           set_meta, set_titles)
from .nav import SopNav
from .printer import PrinterSlot
from . import assets
from .safe_folders import unsafe_output_of
from .watch import keep_watching
from ..terminal import PrintableRecords

log = logging.getLogger("mkdocs.plugins.sop")
log.addFilter(PrintableRecords())  # every message shown, never obeyed, by a terminal (terminal.py)


class SopPlugin(BasePlugin[SopConfig]):
    """Adapts mkdocs' events to the build pipeline (site/build.py). Under `mkdocs serve` the same
    instance lives across rebuilds (mkdocs keeps plugins that define `on_startup`) and nothing may
    end the server: a broken source is shown on the pages and in the log until the next good save."""

    supports_multiple_instances = False
    build: SiteBuild  # this build's, made in on_config before any other event reads it

    def __init__(self) -> None:
        self.serving = False
        self.pdf_on = False  # this build makes the PDFs (and so its pages link them)
        self._printer = PrinterSlot()
        self._missing_sources: str | None = None
        self._failures: list[str] = []  # parts of the site that could not be made: `mkdocs build` fails at its end
        self._deferred = Deferred()
        self._nav: SopNav | None = None

    @contextmanager
    def _step(self, doing: str, what: str = "") -> Iterator[None]:
        """A step whose failure is one line (`_failed`, the one place that decides what it does:
        `mkdocs build` aborts with it, `mkdocs serve` reports it and stays up, unless it stops the
        server: no `dot`)."""
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
        """While serving, a sources folder that disappears must not stop the server (mkdocs would
        print a traceback and stall the rebuild loop): on_config says it instead."""
        errors, warnings = super().load_config(options, config_file_path)
        self._missing_sources = None
        missing = [str(error) for key, error in errors if key == "sources"]
        if self.serving and missing:
            self._missing_sources = missing[0]
            errors = [(key, error) for key, error in errors if key != "sources"]
        return errors, warnings

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        unsafe = unsafe_output_of(config, self.config)  # before mkdocs empties the site folder
        if unsafe is not None:
            raise Abort(unsafe)
        self._failures, self._deferred, self._nav = [], Deferred(), None
        build: SiteBuild | None = None
        refuse_hand_written_nav(config)
        assets.link(config)  # before the PDFs' printer reads extra_css
        self.pdf_on = self._wants_pdf()
        self._printer.close()
        if self.pdf_on:
            self._printer.start(config, self.config.pdf_tabs)
        prepare_theme(config, self.serving)
        options = build_options(self.config, config, self.pdf_on, self.serving)
        if self._missing_sources is not None:
            self._failed(self._missing_sources)  # only while serving: see load_config
        else:
            with self._step("memeriksa sumber"):
                build = build_site(options, build_day(self.config.tanggal, BUILD_DATE.user_value()))
                for level, line in build.report():
                    log.log(level, line)
                add_footer(config, build.built_from)
        # serving, and the sources could not be built: a site without SOPs
        self.build = build if build is not None else empty_build(options)
        pin_build_date(self.build.site.newest_date())
        if not self.build.site.sops:
            self._printer.close()
        return config

    def _wants_pdf(self) -> bool:
        with self._step("mencari Chromium"):
            return wants_pdf(self.config, self.serving)
        return False

    def on_serve(self, server, config: MkDocsConfig, builder):
        sources = Path(self.config.sources)
        server.watch(str(sources))
        server.watch(str(assets.STATIC))
        keep_watching(server, [sources, Path(config.docs_dir)])  # through removal and return
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        files = assets.publish(files, config)
        self.build, own = self.build.yielding_to({file.src_uri for file in files})
        for line in own:
            log.info(line)
        for uri in self.build.pages:
            files.append(File.generated(config, uri, content=""))
        for path, content in self.build.files().items():
            files.append(File.generated(config, path, content=content))
        register_macros(config, self.build, self.pdf_on, self._deferred.defer, self._fail)
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
        set_meta(page, self.build.matter(ref))
        rendered = self.build.render(ref, links_for(page, self.pdf_on))
        if rendered.failure is not None:
            self._fail(rendered.failure, "Halaman ini")
        return str(self._deferred.defer(rendered.html))

    def _fail(self, finding: Finding, what: str) -> Markup:
        log.error(finding.as_line())
        self._failures.append(finding.as_line())
        return failed_render(what, finding.message)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = self._deferred.restore(html)
        ref = self.build.pages.get(page.file.src_uri)
        if ref is not None:
            set_titles(page, self.build.matter(ref))
        if self.serving and self.build.errors:
            html = str(findings_banner(self.build.errors)) + html
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        BUILD_DATE.release()
        try:
            if self._failures:
                self._failed(f"{len(self._failures)} bagian situs tidak dapat dibuat; lihat galat di atas")
            site_dir, stylesheets = Path(config.site_dir), tuple(str(css) for css in config.extra_css)
            if self.config.search:
                with self._step("membuat indeks pencarian", "indeks pencarian tidak dapat dibuat: "):
                    log.info(write_search_index(self.build, site_dir))
            if self.pdf_on and self.build.site.sops:
                with self._step("membuat PDF", "PDF tidak dapat dibuat: "):
                    log.info(make_site_pdfs(self.build, site_dir, self._printer.printer, stylesheets, self.config.pdf_tabs))
        finally:
            self._printer.close()

    def on_build_error(self, error: Exception | None) -> None:
        BUILD_DATE.release()
        self._printer.close()

    def on_shutdown(self) -> None:
        self.on_build_error(None)
        self.serving = False  # mkdocs keeps this instance for the next command of the process
