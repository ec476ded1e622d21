from __future__ import annotations

import calendar
import datetime as dt
import itertools
import logging
import os
import re
import secrets
import time
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import codes
from ..findings import Finding, Location, Severity, sorted_findings
from ..load.discover import display_path
from ..load.clock import BadDay, build_day
from ..load.revisions import GitFolder, Revision, read_git_folder, source_revisions, sources_revision
from ..pdf import FORCE_PDF, PdfFailed, PdfSettings, Printer, PrintFailed, chromium_path, make_pdfs, warm_document
from ..model.base import RESERVED_NAMES, is_slug
from ..model.project import Project, SopDocument
from ..render.context import Registries
from ..render.findings_panel import Unpublished, broken_sop_page, failed_render, findings_banner
from ..render.history import NO_HISTORY
from ..render.identity import header_agency
from ..render.links import Links
from ..render.sop_page import PageOptions
from ..render.swimlane import swimlane_dot
from ..search.index import FOLDER as SEARCH_FOLDER, SearchIndexFailed, write_index
from ..search.record import SearchRecord, search_record
from ..model.audit import Audit
from ..site.audit import build_audit
from ..site.audit_export import audit_csv, audit_xlsx
from ..site.data import SiteData
from ..site.pages import PageContext, front_matter, page_refs, render_page, view_order
from ..site.swimlanes import DotFailed, DotMissing, SvgCache
from ..validate import validate_paths
from ..terminal import PrintableRecords
from ..urls import (AUDIT_CSV, AUDIT_FOLDER, AUDIT_XLSX, PDF_FOLDER, ROLE_FOLDER, ROLE_SECTION_INDEX, SOP_FOLDER, PageKind,
                    PageRef, section_of, swimlane_svg)
from .config import SopConfig

log = logging.getLogger("mkdocs.plugins.sop")
log.addFilter(PrintableRecords())  # every message shown, never obeyed, by a terminal (terminal.py)

SECTION_TITLE = "Dokumen SOP"
# A line break after block-level closing tags: invisible in layout, but a word boundary for
# the search indexer, which otherwise glues adjacent cells ("Nomor SOP205/050/...").
BLOCK_END = re.compile(r"(</(?:td|th|tr|div|li|p|h[1-6]|caption)>)(?=<)")
EPOCH_RANGE = (0, 2**32 - 1)  # what gzip (sitemap.xml.gz) can write as a timestamp
TEMPLATES = Path(__file__).parent / "templates"  # partials put before the theme's own


def printed_site_url(site_url: str | None, dev_addr, serving: bool) -> str | None:
    """The address the printed QR code points to: mkdocs' `site_url`, but never the address
    `mkdocs serve` puts there (its own server, even when the site sets another): no paper may point
    to a preview on the author's machine."""
    if not site_url or serving:
        return None
    parts = urlsplit(site_url)
    if dev_addr is not None and parts.hostname == dev_addr.host and parts.port == dev_addr.port:
        return None
    return site_url


class _BuildDate:
    """SOURCE_DATE_EPOCH while a build runs. Process-wide, not per plugin instance: a build that
    never reached its end (mkdocs-macros calls exit() on a template error) must not leave its
    value to pass for the user's in the next build of the same process (`mkdocs serve`, or
    several builds in one Python process), which would keep the first build's date."""

    def __init__(self) -> None:
        self.ours: str | None = None  # the value we put there, while it is there

    def pin(self, value: str) -> None:
        current = os.environ.get("SOURCE_DATE_EPOCH")
        if current is not None and current != self.ours:
            self.ours = None
            return  # the user's own value wins
        os.environ["SOURCE_DATE_EPOCH"] = value
        self.ours = value

    def user_value(self) -> str | None:
        """SOURCE_DATE_EPOCH as the user set it: None when unset, or when the value there is ours
        (left by a build of this process that did not reach its end)."""
        current = os.environ.get("SOURCE_DATE_EPOCH")
        return None if current is None or current == self.ours else current

    def release(self) -> None:
        if self.ours is not None and os.environ.get("SOURCE_DATE_EPOCH") == self.ours:
            del os.environ["SOURCE_DATE_EPOCH"]
        self.ours = None


_BUILD_DATE = _BuildDate()


class _PageNav:
    """The navigation one page is rendered with (what the theme reads of it: items, homepage)."""

    def __init__(self, items: list, homepage: Page | None):
        self.items = items
        self.homepage = homepage

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class SopPlugin(BasePlugin[SopConfig]):
    """Validates the sources at every build, draws the swimlanes, renders every page made from
    the sources, and serves the data to the macros of the hand-written pages.

    Under `mkdocs serve` the same instance lives across rebuilds (mkdocs keeps plugins that
    define `on_startup`); nothing here may end the server: a broken source is shown on the
    pages and in the log, and the next good save brings the site back."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.pdf_on = False  # this build makes the PDFs (and so its pages link them)
        self._printer: Printer | None = None  # started with the build, used at its end
        self._missing_sources: str | None = None
        self._reset()

    def _reset(self) -> None:
        self.site: SiteData | None = None
        self.swimlanes: dict[str, str] = {}
        self.pages: dict[str, PageRef] = {}
        self.errors: list[Finding] = []
        self.unpublished: list[Unpublished] = []  # SOP files left off the site, with why
        self.audit: Audit | None = None
        self.search_records: list[SearchRecord] = []  # what the Pagefind index is written from
        self.total_sops = 0
        self._broken: dict[str, list[Finding]] = {}  # serve only: slug -> why it is not published
        self._paths: dict[str, str] = {}
        self._failures: list[str] = []
        self._deferred: dict[str, Markup] = {}
        # Placeholder keys: a fresh random nonce per build (no page can know it in advance) and a
        # counter that never goes back, so two pending blocks can never share a key.
        self._nonce = secrets.token_hex(16)
        self._keys = itertools.count()
        self._documents: Section | None = None
        self._options = PageOptions("A4", 0)

    # -- lifecycle ---------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        if config.nav is not None:
            # the generated sections (Dokumen SOP, Pelaksana) are built from the sources; a hand-written
            # nav would leave every SOP out of the navigation without a word
            raise PluginError(
                "mkdocs.yml: bagian 'nav' tidak dipakai bersama plugin sop, yang membuat navigasi dari halaman di docs/ "
                "dan dari sumber SOP; hapus bagian 'nav'"
            )
        site_url = printed_site_url(config.site_url, config.dev_addr, self.serving)
        self._options = PageOptions(self.config.paper, self.config.print_steps_per_page, site_url)
        self.pdf_on = self._wants_pdf()
        self._close_printer()
        if self.pdf_on:
            # Chromium starts, opens its tabs and loads the stylesheets and fonts while the sources are
            # read and the pages rendered: seconds of the build's end saved (closed below if no SOP)
            site_dir, extra_css = Path(config.site_dir), [str(css) for css in config.extra_css]
            self._printer = Printer(site_dir, self.config.pdf_tabs)
            self._printer.warm_up(lambda: warm_document(site_dir, extra_css))
        if self.serving:
            self._keep_macros_from_exiting(config)
        self._add_templates(config)
        if self._missing_sources is not None:  # only while serving: see load_config
            log.error(self._missing_sources)
            self._reset_after_crash()
            self._close_printer()
            _BUILD_DATE.release()
            return config
        root = self.sources_root(config)
        try:
            self._load(root, config)
        except DotMissing as exc:
            raise Abort(f"galat: {exc}") from None
        except BadDay as exc:  # the user's SOURCE_DATE_EPOCH
            if not self.serving:
                raise Abort(f"galat: {exc}") from None
            log.error(f"galat: {exc}")
            self._reset_after_crash()
        except Exception as exc:  # a bug of ours: one line, and `serve` stays up
            message = f"sop: galat internal saat memeriksa sumber: {exc.__class__.__name__}: {exc}"
            if not self.serving:
                raise Abort(message) from None
            log.error(message)
            self._reset_after_crash()
        self._pin_build_date()
        if not (self.pdf_on and self.site is not None and self.site.sops):
            self._close_printer()
        return config

    def _wants_pdf(self) -> bool:
        """`pdf` on (or `sop pdf`), and not under `mkdocs serve` unless `pdf_serve` asks. Chromium
        is looked for now, so that a machine without it learns so before the build, not after."""
        wanted = self.config.pdf or os.environ.get(FORCE_PDF) == "1"
        if not wanted or (self.serving and not self.config.pdf_serve):
            return False
        try:
            chromium_path()
        except PrintFailed as exc:
            if not self.serving:
                raise Abort(f"galat: {exc}") from None
            log.error(f"galat: {exc}; PDF tidak dibuat")
            return False
        return True

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

    @staticmethod
    def _add_templates(config: MkDocsConfig) -> None:
        """Our header partial (it names the agency of the SOP being read) comes before the
        theme's, after a `custom_dir` the site may set (a site's own override wins)."""
        dirs = config.theme.dirs
        if str(TEMPLATES) in dirs:
            return
        dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))

    @staticmethod
    def _keep_macros_from_exiting(config: MkDocsConfig) -> None:
        """mkdocs-macros calls exit() on a render error when `on_error_fail` is set, which
        ends `mkdocs serve`'s rebuild loop for good; while serving it reports on the page."""
        macros = config.plugins.get("macros")
        if macros is not None and macros.config.get("on_error_fail"):
            macros.config["on_error_fail"] = False

    def _reset_after_crash(self) -> None:
        self.site = SiteData(Registries.of({}, {}, {}), {})
        self.pages = {}

    def _load(self, root: Path, config: MkDocsConfig) -> None:
        today = build_day(self.config.tanggal, _BUILD_DATE.user_value())  # a bad user value: BadDay
        base = Path(config.config_file_path or ".").parent
        validation = validate_paths([root], Path(config.docs_dir), today=today, history=True,
                                    history_cache=base / self.config.cache_dir)
        project = validation.projects[0]
        findings = list(validation.findings)
        registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
        cache = SvgCache(base / self.config.cache_dir)
        findings += self._draw_swimlanes(project.renderable(findings), registries, cache)
        findings = sorted_findings(findings)
        for finding in findings:
            # Errors count towards --strict; warnings are reported but never fail a build.
            (log.error if finding.severity is Severity.ERROR else log.info)(finding.as_line())
        log.info(f"swimlane: {cache.drawn} digambar dengan dot, {cache.reused} dari cache")
        self.errors = [f for f in findings if f.severity is Severity.ERROR]
        # each source's revision, printed on its identity page (issue 12: every PDF states it), and the
        # folder's, in every page's footer: one reading of git for both
        git = read_git_folder(root)
        revisions = self._revisions(root, project, findings, git)
        # one pass over git for every SOP, read with the checks (validate_paths, history=True: the review rules use it too)
        history = project.history
        if not history.available:
            log.info(f"riwayat: {NO_HISTORY.lower()} ({history.reason})")
        self.site = SiteData.build(project, findings, revisions, history)  # every drawn swimlane belongs to a published SOP
        self._paths = {d.slug: d.path for d in project.documents}
        self.pages = page_refs(self.site)
        self._note_unpublished(project)
        built_from = f"Dibangun dari {sources_revision(root, git).label}"
        self.audit = build_audit(self.site, [(u.path, u.first) for u in self.unpublished], built_from)
        if self.config.search:
            self.search_records = [search_record(slug, PageRef(PageKind.DOCUMENT, slug).path, sop, self.site.registries)
                                   for slug, sop in self.site.sops.items()]
        # every page's footer says what it was built from (Material shows `copyright` there)
        config.copyright = f"{config.copyright} · {built_from}" if config.copyright else built_from
        if self.serving:
            self._add_broken_pages(project)

    @staticmethod
    def _revisions(root: Path, project: Project, findings: list[Finding], git: GitFolder) -> dict[str, Revision]:
        return source_revisions(root, {d.slug: Path(d.path) for d in project.renderable(findings)}, git)

    @property
    def broken_pages(self) -> list[str]:
        """Slugs of the SOPs whose address shows their findings (only under `mkdocs serve`)."""
        return sorted(self._broken)

    def _note_unpublished(self, project: Project) -> None:
        """Every SOP file that did not make it onto the site, with the first error that kept
        it off: a build without --strict still writes the site, and the author must see which
        SOPs are missing from it (Daftar SOP says so), not only the log."""
        first: dict[str, Finding] = {}
        for finding in self.errors:
            first.setdefault(finding.location.path, finding)
        self.total_sops = len(project.documents)
        self.unpublished = [
            Unpublished(d.slug, d.path, first.get(d.path))
            for d in sorted(project.documents, key=lambda d: (d.path, d.slug))
            if self.site.sops.get(d.slug) is not d.sop or d.sop is None  # off the site...
            if d.path in first or d.sop is None  # ...because of its errors (not, say, by choice)
        ]
        if self.unpublished:
            names = ", ".join(u.path for u in self.unpublished)
            log.warning(f"{len(self.unpublished)} dari {self.total_sops} SOP tidak diterbitkan karena bergalat: {names}")

    def _draw_swimlanes(self, documents: list[SopDocument], registries: Registries, cache: SvgCache) -> list[Finding]:
        failed: list[Finding] = []
        for document in documents:
            try:
                self.swimlanes[document.slug] = cache.svg(swimlane_dot(document.sop, registries))
            except DotFailed as exc:
                failed.append(codes.SWIMLANE_FAILED.at(Location(document.path), f"swimlane SOP ini: {exc}"))
        return failed

    def _add_broken_pages(self, project: Project) -> None:
        """While serving, an SOP with errors keeps its address and shows why it is not published."""
        by_path: dict[str, list[Finding]] = {}
        for finding in self.errors:
            by_path.setdefault(finding.location.path, []).append(finding)
        for document in project.documents:
            slug = document.slug
            if slug in self.site.sops or not is_slug(slug) or slug in RESERVED_NAMES:
                continue
            ref = PageRef(PageKind.BROKEN, slug)
            if ref.src_uri in self.pages:
                continue
            self._broken[slug] = by_path.get(document.path, [])
            self.pages[ref.src_uri] = ref

    def _pin_build_date(self) -> None:
        """Same sources, same bytes: the sitemap's date comes from the sources, not the clock.
        A value the user set is kept; ours is taken back after the build (see _BuildDate)."""
        newest = self.site.newest_date() if self.site is not None else None
        if newest is None:
            _BUILD_DATE.release()
            return
        epoch = min(max(calendar.timegm(newest.timetuple()), EPOCH_RANGE[0]), EPOCH_RANGE[1])
        _BUILD_DATE.pin(str(epoch))

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.sources_root(config)))
        return server

    def on_post_build(self, config: MkDocsConfig) -> None:
        _BUILD_DATE.release()
        try:
            if self._failures and not self.serving:
                raise Abort(f"{len(self._failures)} bagian situs tidak dapat dibuat; lihat galat di atas")
            if self.config.search:
                self._write_search_index(config)
            if self.pdf_on and self.site is not None and self.site.sops:
                self._make_pdfs(config)
        finally:
            self._close_printer()

    def _write_search_index(self, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        try:
            report = write_index(self.search_records, Path(config.site_dir))
        except SearchIndexFailed as exc:
            if not self.serving:
                raise Abort(f"galat: indeks pencarian tidak dapat dibuat: {exc}") from None
            log.error(f"galat: indeks pencarian tidak dapat dibuat: {exc}")
            return
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        log.info(f"pencarian: {report.pages} SOP diindeks Pagefind di {SEARCH_FOLDER}/, {report.files} berkas, {seconds} detik")

    def _close_printer(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            printer.close()

    def _make_pdfs(self, config: MkDocsConfig) -> None:
        base = Path(config.config_file_path or ".").parent
        settings = PdfSettings(
            paper=self.config.paper,
            stylesheets=tuple(str(css) for css in config.extra_css),
            when=self.site.newest_date() or dt.date(1970, 1, 1),
            site_url=self._options.site_url,
            tabs=self.config.pdf_tabs,
            built_from=self.audit.revision if self.audit is not None else None,
        )
        started = time.perf_counter()
        try:
            report = make_pdfs(self.site, Path(config.site_dir), base / self.config.cache_dir / "pdf", settings,
                               self._printer)
        except (PdfFailed, PrintFailed) as exc:
            if not self.serving:
                raise Abort(f"galat: PDF tidak dapat dibuat: {exc}") from None
            log.error(f"galat: PDF tidak dapat dibuat: {exc}")
            return
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        log.info(f"pdf: {len(report.files)} berkas di {PDF_FOLDER}/, {report.printed} halaman dicetak Chromium, "
                 f"{report.reused} dari cache, {seconds} detik")

    def on_build_error(self, error: Exception) -> None:
        _BUILD_DATE.release()
        self._close_printer()

    def on_shutdown(self) -> None:
        _BUILD_DATE.release()
        self._close_printer()
        self.serving = False  # mkdocs keeps this instance for the next command of the process

    # -- pages -------------------------------------------------------------------------------
    def defer(self, html: Markup) -> Markup:
        """Keep a rendered block out of Markdown's way: Markdown sees a placeholder, and the
        block is put back after conversion (Python-Markdown re-parses raw HTML, slowly)."""
        key = f"{self._nonce}-{next(self._keys)}"
        self._deferred[key] = Markup(BLOCK_END.sub("\\1\n", str(html)))
        return Markup('<div class="sop-isi" data-sop-isi="{}"></div>').format(key)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for uri in self.pages:
            files.append(File.generated(config, uri, content=""))
        for slug, svg in self.swimlanes.items():
            files.append(File.generated(config, swimlane_svg(slug), content=svg))
        if self.audit is not None and self.site is not None and self.site.sops:
            when = self.site.newest_date() or dt.date(1970, 1, 1)
            files.append(File.generated(config, AUDIT_XLSX, content=audit_xlsx(self.audit, self._options.site_url, when)))
            files.append(File.generated(config, AUDIT_CSV, content=audit_csv(self.audit, self._options.site_url)))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        ref = self.pages.get(page.file.src_uri)
        if ref is None:
            return markdown
        if ref.kind is PageKind.BROKEN:
            page.meta["hide"] = ["toc", "navigation"]
            page.meta["search"] = {"exclude": True}
        else:
            matter = front_matter(ref, self.site)
            page.meta["hide"] = list(matter.hide)
            if not matter.searchable:
                page.meta["search"] = {"exclude": True}
        page.meta["render_macros"] = False  # made from data: nothing here is a template
        return str(self.defer(self._render(ref, page)))

    def _render(self, ref: PageRef, page: Page) -> Markup:
        if ref.kind is PageKind.BROKEN:
            return broken_sop_page(ref.slug, self._broken.get(ref.slug, []))
        try:
            return render_page(ref, self._context(page))
        except Exception as exc:  # a renderer bug must not take the build or the server down
            where = Location(self._paths.get(ref.slug or "", page.file.src_uri))
            message = f"halaman {page.file.src_uri} tidak dapat dibuat: {exc.__class__.__name__}: {exc}"
            return self._fail(codes.PAGE_FAILED.at(where, message), "Halaman ini")

    def links_for(self, page: Page) -> Links:
        """URLs relative to `page`; the PDFs only when this build makes them."""
        return Links(lambda path: get_relative_url(path, page.url), pdfs=self.pdf_on)

    def _context(self, page: Page) -> PageContext:
        return PageContext(self.site, self.swimlanes, self._options, self.links_for(page), self.audit)

    def _fail(self, finding: Finding, what: str) -> Markup:
        log.error(finding.as_line())
        self._failures.append(finding.as_line())
        return failed_render(what, finding.message)

    def macro_page(self, ref: PageRef, page: Page, macro: str) -> Markup:
        """A generated view placed on a hand-written page by a macro, checked first."""
        problem = self._unknown_in(ref)
        if problem is not None:
            return self.bad_macro_call(page, macro, problem)
        return self.defer(self._render(ref, page))

    def bad_macro_call(self, page: Page, macro: str, problem: str) -> Markup:
        where = self._macro_location(page, macro)
        return self._fail(codes.BAD_MACRO_CALL.at(where, f"makro {macro}: {problem}"), f"Isi makro {macro}")

    def _unknown_in(self, ref: PageRef) -> str | None:
        sops, roles = self.site.sops, self.site.registries.roles
        if ref.slug is not None and ref.slug not in sops:
            return f"tidak ada SOP '{ref.slug}' yang diterbitkan (slug salah, atau SOP itu masih bergalat)"
        if ref.role is not None and ref.role not in roles:
            return f"tidak ada jabatan '{ref.role}' di registri jabatan"
        if ref.kind is PageKind.CHECKLIST and ref.role not in sops[ref.slug].roles:
            return f"jabatan '{ref.role}' bukan pelaksana SOP '{ref.slug}'"
        return None

    @staticmethod
    def _macro_location(page: Page, macro: str) -> Location:
        path = display_path(Path(page.file.abs_src_path)) if page.file.abs_src_path else page.file.src_uri
        try:
            text = page.file.content_string
        except Exception:
            return Location(path)
        for number, line in enumerate(text.splitlines(), start=1):
            column = line.find(f"{macro}(")
            if column >= 0:
                return Location(path, number, column + 1)
        return Location(path)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = re.sub(
            rf'<div class="sop-isi" data-sop-isi="({self._nonce}-\d+)"></div>',
            lambda m: str(self._deferred.pop(m.group(1))) if m.group(1) in self._deferred else m.group(0),
            html,
        )
        ref = self.pages.get(page.file.src_uri)
        if ref is not None:
            # Set after mkdocs-macros, which renders titles as Jinja. Material prints titles as
            # HTML, and `meta.title` without its `striptags` (which would unescape it again).
            if ref.kind is PageKind.BROKEN:
                nav_title, full_title, agency = ref.slug, f"SOP {ref.slug} (bergalat)", None
            else:
                matter = front_matter(ref, self.site)
                nav_title, full_title, agency = matter.nav_title, matter.title, matter.agency
            page.title = str(escape(nav_title))
            page.meta["title"] = str(escape(full_title))
            if agency is not None:
                page.meta["sop_instansi"] = str(header_agency(agency))
        if self.serving and self.errors:
            html = str(findings_banner(self.errors)) + html
        return html

    # -- navigation --------------------------------------------------------------------------
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Name the generated sections (folders are named by slug) and order them. A section is
        known by the pages it holds (their src_uri), not by the title mkdocs gave its folder."""
        self._documents = None
        for item in nav.items:
            folder = _folder_of(item)
            if folder == SOP_FOLDER:
                item.title = SECTION_TITLE
                for child in item.children:
                    self._name_sop_section(child)
                item.children.sort(key=lambda child: (not isinstance(child, Page), str(child.title or "").lower(), _uri(child)))
                self._group_by_agency(item)
                self._documents = item
            elif folder == ROLE_FOLDER:
                item.title = "Pelaksana"
                item.children.sort(key=lambda child: (not isinstance(child, Page) or child.file.src_uri != ROLE_SECTION_INDEX,
                                                      str(child.title or "").lower(), _uri(child)))
        # the documents, then the people, then the inspector's page
        nav.items.sort(key=lambda item: {ROLE_FOLDER: 1, AUDIT_FOLDER: 2}.get(_folder_of(item) or "", 0))
        return nav

    def _group_by_agency(self, documents: Section) -> None:
        """One nav section per agency when there are several: thousands of SOPs stay findable,
        and with `navigation.prune` a page carries only its own agency's entries."""
        groups: dict[str, list] = {}
        index = [child for child in documents.children if isinstance(child, Page)]
        for child in documents.children:
            if isinstance(child, Page):
                continue
            sop = self.site.sops.get(self._slug_of_section(child) or "")
            groups.setdefault(sop.agency if sop else "", []).append(child)
        if len(groups) < 2:
            return
        agencies = self.site.registries.agencies
        sections = []
        for agency_id, children in groups.items():
            name = agencies[agency_id].name if agency_id in agencies else "Lain-lain"
            sections.append((agency_id, self._subsection(name, self._group_by_unit(children), documents)))
        sections.sort(key=lambda pair: (str(pair[1].title).lower(), pair[0]))
        documents.children = index + [section for _, section in sections]

    def _group_by_unit(self, children: list) -> list:
        """Within an agency, one more level by bidang/unit when its SOPs name several."""
        units: dict[str, list] = {}
        for child in children:
            sop = self.site.sops.get(self._slug_of_section(child) or "")
            units.setdefault((sop.unit if sop else None) or "", []).append(child)
        if len(units) < 2:
            return children
        grouped = [self._subsection(unit or "Lain-lain", items, None) for unit, items in units.items()]
        return sorted(grouped, key=lambda s: (str(s.title).lower(), str(s.title)))

    @staticmethod
    def _subsection(title: str, children: list, parent: Section | None) -> Section:
        section = Section(str(escape(title)), children)
        section.parent = parent
        for child in children:
            child.parent = section
        return section

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        """Under "Dokumen SOP", a page's navigation holds only its own agency's branch, so no
        page grows with the number of SOPs; other agencies are one click away in Daftar SOP."""
        documents = self._documents
        if documents is None or not documents.active:
            return context
        kept = [child for child in documents.children if child.active or (isinstance(child, Page) and child.is_index)]
        branch = Section(documents.title, kept)
        branch.active = True
        context["nav"] = _PageNav([branch if item is documents else item for item in nav.items], nav.homepage)
        return context

    def _slug_of_section(self, section) -> str | None:
        if isinstance(section, Section):
            for child in section.children:
                if isinstance(child, Page) and child.file.src_uri in self.pages:
                    return self.pages[child.file.src_uri].slug
        return None

    def _name_sop_section(self, section) -> None:
        if not isinstance(section, Section):
            return
        slug = None
        for child in section.children:
            if isinstance(child, Page) and child.file.src_uri in self.pages:
                slug = self.pages[child.file.src_uri].slug
            elif isinstance(child, Section) and _kinds_in(child, self.pages) == {PageKind.CHECKLIST}:
                child.title = "Checklist"
        if slug is None:
            return
        sop = self.site.sops.get(slug)
        section.title = str(escape(sop.title if sop else slug))

        def order(child) -> tuple[int, str, str]:
            if isinstance(child, Page) and child.file.src_uri in self.pages:
                return (view_order(self.pages[child.file.src_uri].kind), "", child.file.src_uri)
            return (len(PageKind), str(child.title), _uri(child))

        section.children.sort(key=order)


def _pages_in(item) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages_in(child)]
    return []


def _folder_of(item) -> str | None:
    """The generated folder ('sop', 'pelaksana', 'audit') a top-level nav section holds, found by its pages."""
    if not isinstance(item, Section):
        return None
    folders = {section_of(page.file.src_uri) for page in _pages_in(item)}
    return folders.pop() if len(folders) == 1 else None


def _kinds_in(section: Section, pages: dict[str, PageRef]) -> set[PageKind]:
    return {pages[p.file.src_uri].kind if p.file.src_uri in pages else None for p in _pages_in(section)}


def _uri(item) -> str:
    """A total tie-break for sorting navigation items that share a title."""
    if isinstance(item, Page):
        return item.file.src_uri
    if isinstance(item, Section):
        return min((_uri(child) for child in item.children), default="")
    return ""
