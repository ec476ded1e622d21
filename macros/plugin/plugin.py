from __future__ import annotations

import calendar
import logging
import os
import re
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..findings import Severity
from ..render.swimlane import swimlane_dot
from ..site.data import PageRef, SiteData
from ..site.swimlanes import DotMissing, SvgCache
from ..validate import validate_paths
from .config import SopConfig

log = logging.getLogger("mkdocs.plugins.sop")

SECTION_TITLE = "Dokumen SOP"
ORDER_IN_SOP = {"dokumen": 0, "lembar-kerja": 1, "swimlane": 2}
SEARCHABLE = {"dokumen", "pelaksana", "daftar-pelaksana", "daftar-unit"}
DEFERRED = re.compile(r'<div class="sop-isi" data-sop-isi="(\d+)"></div>')
# A line break after block-level closing tags: invisible in layout, but a word boundary for
# the search indexer, which otherwise glues adjacent cells ("Nomor SOP205/050/...").
BLOCK_END = re.compile(r"(</(?:td|th|tr|div|li|p|h[1-6]|caption)>)(?=<)")


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
    """Validates `sop/` at every build, draws the swimlanes, and serves both to the macros."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteData | None = None
        self.swimlanes: dict[str, str] = {}
        self.pages: dict[str, PageRef] = {}
        self._deferred: dict[str, Markup] = {}
        self._documents: Section | None = None
        self._set_epoch = False

    def defer(self, html: Markup) -> Markup:
        """Keep a rendered block out of Markdown's way: Markdown sees a placeholder, and the
        block is put back after conversion (Python-Markdown re-parses raw HTML, slowly)."""
        key = str(len(self._deferred))
        self._deferred[key] = Markup(BLOCK_END.sub("\\1\n", str(html)))
        return Markup('<div class="sop-isi" data-sop-isi="{}"></div>').format(key)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        root = base / self.config.sources
        if not root.is_dir():
            raise PluginError(f"folder sumber SOP tidak ditemukan: {root}")
        validation = validate_paths([root])
        for finding in validation.findings:
            # Errors count towards --strict; warnings are reported but never fail a build.
            if finding.severity is Severity.ERROR:
                log.error(finding.as_line())
            else:
                log.info(finding.as_line())
        self.site = SiteData.build(validation.projects[0], validation.findings)
        self.pages = self.site.pages()
        self._draw_swimlanes(base / self.config.cache_dir)
        self._pin_build_date()
        return config

    def _draw_swimlanes(self, cache_dir: Path) -> None:
        cache = SvgCache(cache_dir)
        try:
            self.swimlanes = {
                slug: cache.svg(swimlane_dot(sop, self.site.registries)) for slug, sop in self.site.sops.items()
            }
        except DotMissing as exc:
            raise Abort(f"galat: {exc}") from None
        log.info(f"swimlane: {cache.drawn} digambar dengan dot, {cache.reused} dari cache")

    def _pin_build_date(self) -> None:
        """Same sources, same bytes: the sitemap's date comes from the sources, not the clock."""
        if "SOURCE_DATE_EPOCH" in os.environ and not self._set_epoch:
            return
        newest = self.site.newest_date()
        if newest is None:
            return
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(newest.timetuple()))
        self._set_epoch = True

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for uri, content in self.site.generated_pages():
            files.append(File.generated(config, uri, content=content))
        for slug, svg in self.swimlanes.items():
            files.append(File.generated(config, f"sop/{slug}/swimlane.svg", content=svg))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        ref = self.pages.get(page.file.src_uri)
        if ref is not None:
            # the wide procedure table needs the room; the document links to its other views
            page.meta["hide"] = ["toc", "navigation"] if ref.kind in ("dokumen", "swimlane") else ["toc"]
            if ref.kind not in SEARCHABLE:
                # one entry per SOP and per role keeps the index small; the views repeat the document
                page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = DEFERRED.sub(lambda m: str(self._deferred.pop(m.group(1))), html)
        ref = self.pages.get(page.file.src_uri)
        if ref is not None:
            # Set after mkdocs-macros, which renders titles as Jinja. Material prints titles as
            # HTML, and `meta.title` without its `striptags` (which would unescape it again).
            nav_title, full_title = self._titles(ref)
            page.title = str(escape(nav_title))
            page.meta["title"] = str(escape(full_title))
        return html

    def _titles(self, ref: PageRef) -> tuple[str, str]:
        roles = self.site.registries.roles
        sop = self.site.sops[ref.slug].title if ref.slug else ""
        if ref.kind == "dokumen":
            return sop, sop
        if ref.kind == "lembar-kerja":
            return "Lembar Kerja", f"Lembar Kerja: {sop}"
        if ref.kind == "swimlane":
            return "Swimlane", f"Swimlane: {sop}"
        if ref.kind == "checklist":
            return roles[ref.role].short_name, f"Checklist {roles[ref.role].short_name}: {sop}"
        if ref.kind == "pelaksana":
            return roles[ref.role].name, roles[ref.role].name
        if ref.kind == "daftar-unit":
            return "Dokumen SOP per Unit", "Dokumen SOP per Unit"
        return "Daftar Pelaksana", "Daftar Pelaksana"

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Name the generated sections (folders are named by slug) and order them."""
        for item in nav.items:
            if not isinstance(item, Section):
                continue
            if item.title.lower() == "sop":
                item.title = SECTION_TITLE
                for child in item.children:
                    self._name_sop_section(child)
                item.children.sort(key=lambda child: (not isinstance(child, Page), str(child.title or "").lower()))
                self._group_by_agency(item)
                self._documents = item
            elif item.title.lower() == "pelaksana":
                item.title = "Pelaksana"
                item.children.sort(key=lambda child: (not isinstance(child, Page) or child.file.src_uri != "pelaksana/index.md",
                                                      str(child.title or "").lower()))
        # the documents before the people
        nav.items.sort(key=lambda item: isinstance(item, Section) and item.title == "Pelaksana")
        return nav

    def _group_by_agency(self, documents: Section) -> None:
        """One nav section per agency when there are several: thousands of SOPs stay findable,
        and with `navigation.prune` a page carries only its own agency's entries."""
        groups: dict[str, list] = {}
        index = [child for child in documents.children if isinstance(child, Page)]
        for child in documents.children:
            if isinstance(child, Page):
                continue
            slug = self._slug_of_section(child)
            agency = self.site.sops[slug].agency if slug else ""
            groups.setdefault(agency, []).append(child)
        if len(groups) < 2:
            return
        agencies = self.site.registries.agencies
        sections = []
        for agency_id, children in groups.items():
            name = agencies[agency_id].name if agency_id in agencies else "Lain-lain"
            sections.append(self._subsection(name, self._group_by_unit(children), documents))
        documents.children = index + sorted(sections, key=lambda s: str(s.title).lower())

    def _group_by_unit(self, children: list) -> list:
        """Within an agency, one more level by bidang/unit when its SOPs name several."""
        units: dict[str, list] = {}
        for child in children:
            slug = self._slug_of_section(child)
            units.setdefault((self.site.sops[slug].unit if slug else None) or "", []).append(child)
        if len(units) < 2:
            return children
        grouped = [self._subsection(unit or "Lain-lain", items, None) for unit, items in units.items()]
        return sorted(grouped, key=lambda s: str(s.title).lower())

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
            elif isinstance(child, Section) and child.title.lower() == "checklist":
                child.title = "Checklist"
        if slug is None:
            return
        section.title = str(escape(self.site.sops[slug].title))

        def order(child) -> tuple[int, str]:
            if isinstance(child, Page) and child.file.src_uri in self.pages:
                return (ORDER_IN_SOP.get(self.pages[child.file.src_uri].kind, 9), "")
            return (9, str(child.title))

        section.children.sort(key=order)
