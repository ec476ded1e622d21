"""The site made from the sources, with no mkdocs in sight: the one build pipeline.

    build_site(options) -> SiteBuild

reads the sources and git once, checks them, draws the swimlanes, and says which pages the site
has, what each holds (`render`), what its page header says (`matter`), the other files to write
(`files`) and what is said in the log (`report`). The mkdocs plugin (plugin/plugin.py) only adapts
mkdocs' events to it; a test or a script calls it the same way (tests/site/test_build.py). After the
pages are written, the search index (search/index.py `write_index(build.search_records, ...)`) and
the PDFs (pdf/make.py `make_pdfs(build.site, ..., build.pdf_settings(...), ...)`) are made from them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from markupsafe import Markup, escape

from .. import codes
from ..findings import Finding, Location, Severity, sorted_findings
from ..load.discover import source_sets
from ..load.revisions import source_revisions, sources_revision
from ..load.sources_git import read_sources_git
from ..model.audit import Audit
from ..model.base import RESERVED_NAMES, is_slug
from ..model.project import Project, SopDocument
from ..model.registry import Registries
from ..render.findings_panel import Unpublished, broken_sop_page, failed_render
from ..render.history import NO_HISTORY
from ..render.identity import header_agency
from ..render.links import Links
from ..render.sop_page import PageOptions
from ..render.swimlane import swimlane_dot
from ..search.record import SearchRecord, search_record
from ..urls import AUDIT_CSV, AUDIT_XLSX, PageKind, PageRef, swimlane_svg
from ..validate import project_history, validate_source
from .audit import build_audit
from .audit_export import audit_csv, audit_xlsx
from .data import SiteData
from .pages import PageContext, front_matter, page_refs, render_page, without_own_pages
from .swimlanes import DotFailed, SvgCache

NO_DATE = dt.date(1970, 1, 1)  # the build date of a site without any dated source


@dataclass(frozen=True)
class BuildOptions:
    sources: Path  # the sources folder
    docs_dir: Path  # the hand-written pages (and the agency's logo)
    cache_dir: Path  # kept between builds: swimlane SVGs, what was made of old versions, printed PDFs
    page: PageOptions = PageOptions()  # paper, steps per printed page, the address the printed QR codes point to
    search: bool = True  # make the records of the search index
    pdfs: bool = False  # the PDFs are made after the pages, so the pages link them
    broken_pages: bool = False  # an SOP with errors keeps its address and shows why (`mkdocs serve`)


@dataclass(frozen=True)
class Matter:
    """What a page's header and navigation say of it (titles as HTML, escaped)."""

    nav_title: str
    title: str
    hide: tuple[str, ...]
    searchable: bool
    agency: str | None  # the agency named in the site header, as HTML


@dataclass(frozen=True)
class Rendered:
    html: Markup
    failure: Finding | None = None  # a renderer failed: the page says so, and this line is the error


@dataclass
class SiteBuild:
    options: BuildOptions
    findings: list[Finding]  # every finding, sorted: loading, rules, swimlanes
    site: SiteData
    swimlanes: dict[str, str]  # slug -> inline SVG
    pages: dict[str, PageRef]  # src_uri -> page, every generated page (and, serving, the broken SOPs' addresses)
    unpublished: list[Unpublished]  # SOP files left off the site because of their errors, with why
    total_sops: int
    built_from: str  # "Dibangun dari revisi ...": every page's footer
    audit: Audit | None = None
    search_records: list[SearchRecord] = field(default_factory=list)
    broken: dict[str, list[Finding]] = field(default_factory=dict)  # slug -> why it is not published (serving only)
    paths: dict[str, str] = field(default_factory=dict)  # slug -> its source, as findings name it
    drawn: tuple[int, int] = (0, 0)  # swimlanes drawn by `dot`, and taken from the cache

    @cached_property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def build_date(self) -> dt.date:
        """The latest date the sources mention: same sources, same date, same bytes."""
        return self.site.newest_date() or NO_DATE

    def yielding_to(self, docs: set[str]) -> tuple[SiteBuild, list[str]]:
        """This build without the package's site pages whose address a page of the agency's docs/
        already has (`docs`: their src_uris), and a line saying so for each: nothing of the
        agency's is replaced."""
        pages, own = without_own_pages(self.pages, docs)
        said = [f"{uri}: halaman di docs/ ini dipakai, bukan halaman bawaan paket sop; hapus berkas itu untuk memakai "
                "halaman paket" for uri in own]
        return (replace(self, pages=pages) if own else self), said

    def report(self) -> Iterator[tuple[int, str]]:
        """(logging level, line) of what a build says: each finding (errors count towards
        `--strict`, warnings never fail a build), the swimlanes drawn, what is missing."""
        for finding in self.findings:
            yield (logging.ERROR if finding.severity is Severity.ERROR else logging.INFO), finding.as_line()
        yield logging.INFO, f"swimlane: {self.drawn[0]} digambar dengan dot, {self.drawn[1]} dari cache"
        if not self.site.history.available:
            yield logging.INFO, f"riwayat: {NO_HISTORY.lower()} ({self.site.history.reason})"
        if self.unpublished:
            names = ", ".join(u.path for u in self.unpublished)
            yield logging.WARNING, f"{len(self.unpublished)} dari {self.total_sops} SOP tidak diterbitkan karena bergalat: {names}"

    def files(self) -> dict[str, str | bytes]:
        """Path in the site -> content, of every generated file that is not a page."""
        found: dict[str, str | bytes] = {swimlane_svg(slug): svg for slug, svg in self.swimlanes.items()}
        if self.audit is not None and self.site.sops:
            site_url = self.options.page.site_url
            found[AUDIT_XLSX] = audit_xlsx(self.audit, site_url, self.build_date)
            found[AUDIT_CSV] = audit_csv(self.audit, site_url)
        return found

    def matter(self, ref: PageRef) -> Matter:
        if ref.kind is PageKind.BROKEN:
            return Matter(str(escape(ref.slug)), str(escape(f"SOP {ref.slug} (bergalat)")), ("toc", "navigation"), False, None)
        found = front_matter(ref, self.site)
        agency = str(header_agency(found.agency)) if found.agency is not None else None
        return Matter(str(escape(found.nav_title)), str(escape(found.title)), found.hide, found.searchable, agency)

    def render(self, ref: PageRef, links: Links, page: str | None = None) -> Rendered:
        """The HTML of page `ref`, its links made by `links`. `page`: the page it is placed on (a
        macro on a hand-written page), default its own. A renderer that fails is one located error
        line and a notice on the page, never a build or a server taken down."""
        if ref.kind is PageKind.BROKEN:
            slug = ref.slug or ""
            return Rendered(broken_sop_page(slug, self.broken.get(slug, [])))
        page = page or ref.src_uri
        try:
            return Rendered(render_page(ref, PageContext(self.site, self.swimlanes, self.options.page, links, self.audit)))
        except Exception as exc:  # a bug in one renderer: the other pages are still made
            where = Location(self.paths.get(ref.slug or "", page))
            finding = codes.PAGE_FAILED.at(where, f"halaman {page} tidak dapat dibuat: {exc.__class__.__name__}: {exc}")
            return Rendered(failed_render("Halaman ini", finding.message), finding)

    def unknown_in(self, ref: PageRef) -> str | None:
        """Why a macro cannot place view `ref` (no such published SOP or role), or None."""
        sops, roles = self.site.sops, self.site.registries.roles
        if ref.slug is not None and ref.slug not in sops:
            return f"tidak ada SOP '{ref.slug}' yang diterbitkan (slug salah, atau SOP itu masih bergalat)"
        if ref.role is not None and ref.role not in roles:
            return f"tidak ada jabatan '{ref.role}' di registri jabatan"
        if ref.kind is PageKind.CHECKLIST and ref.slug is not None and ref.role not in sops[ref.slug].roles:
            return f"jabatan '{ref.role}' bukan pelaksana SOP '{ref.slug}'"
        return None


def empty_build(options: BuildOptions) -> SiteBuild:
    """A site without any SOP: what is served while the sources cannot be read at all."""
    site = SiteData(Registries.of({}, {}, {}), {})
    return SiteBuild(options, [], site, {}, page_refs(site), [], 0, "")  # the package's own pages stay


def build_site(options: BuildOptions, today: dt.date) -> SiteBuild:
    """The site of `options.sources`, its review rules judged on `today`. Raises a Failure when it
    cannot be built at all (no `dot`); whatever is wrong in the sources is in its findings."""
    root = options.sources
    git = read_sources_git(root)  # the only reading of git in a build
    history = project_history(git.history, options.cache_dir)
    checked = validate_source(source_sets([root])[0], options.docs_dir, today, history)
    project = checked.project
    findings = list(checked.findings)
    cache = SvgCache(options.cache_dir)
    drawable = project.renderable(findings)
    swimlanes, failed = _draw_swimlanes(drawable, project.registries, cache)
    findings = sorted_findings(findings + failed)
    failed_paths = {f.location.path for f in failed}
    published = [d for d in drawable if d.path not in failed_paths]
    revisions = source_revisions(root, {d.slug: Path(d.path) for d in published}, git.folder)
    site = SiteData.build(checked, published, findings, revisions)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    unpublished = _unpublished(project, site, errors)
    built_from = f"Dibangun dari {sources_revision(root, git.folder).label}"
    build = SiteBuild(options, findings, site, swimlanes, page_refs(site), unpublished, len(project.documents), built_from,
                      paths={d.slug: d.path for d in project.documents}, drawn=(cache.drawn, cache.reused))
    build.audit = build_audit(site, [(u.path, u.first) for u in unpublished], built_from)
    if options.search:
        build.search_records = [search_record(slug, PageRef(PageKind.DOCUMENT, slug).path, sop, site.registries)
                                for slug, sop in site.sops.items()]
    if options.broken_pages:
        _add_broken_pages(build, project, errors)
    return build


def _draw_swimlanes(documents: list[SopDocument], registries: Registries, cache: SvgCache) -> tuple[dict[str, str], list[Finding]]:
    """slug -> inline SVG of each document's swimlane, and a finding for each `dot` could not draw.
    Without `dot` at all: DotMissing."""
    drawn: dict[str, str] = {}
    failed: list[Finding] = []
    for document in documents:
        if document.sop is None:  # not renderable: never asked for
            continue
        try:
            drawn[document.slug] = cache.svg(swimlane_dot(document.sop, registries))
        except DotFailed as exc:
            failed.append(codes.SWIMLANE_FAILED.at(Location(document.path), f"swimlane SOP ini: {exc}"))
    return drawn, failed


def _unpublished(project: Project, site: SiteData, errors: list[Finding]) -> list[Unpublished]:
    """Every SOP file that did not make it onto the site, with the first error that kept it off: a
    build without --strict still writes the site, and the author must see which SOPs are missing
    from it (Daftar SOP says so), not only the log."""
    first: dict[str, Finding] = {}
    for finding in errors:
        first.setdefault(finding.location.path, finding)
    return [
        Unpublished(d.slug, d.path, first.get(d.path))
        for d in sorted(project.documents, key=lambda d: (d.path, d.slug))
        if site.sops.get(d.slug) is not d.sop or d.sop is None  # off the site...
        if d.path in first or d.sop is None  # ...because of its errors (not, say, by choice)
    ]


def _add_broken_pages(build: SiteBuild, project: Project, errors: list[Finding]) -> None:
    """While serving, an SOP with errors keeps its address and shows why it is not published."""
    by_path: dict[str, list[Finding]] = {}
    for finding in errors:
        by_path.setdefault(finding.location.path, []).append(finding)
    for document in project.documents:
        slug = document.slug
        if slug in build.site.sops or not is_slug(slug) or slug in RESERVED_NAMES:
            continue
        ref = PageRef(PageKind.BROKEN, slug)
        if ref.src_uri in build.pages:
            continue
        build.broken[slug] = by_path.get(document.path, [])
        build.pages[ref.src_uri] = ref
