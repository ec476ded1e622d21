from __future__ import annotations

import calendar
import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..findings import Severity
from ..site.data import SiteData
from ..validate import validate_paths
from .config import SopConfig

log = logging.getLogger("mkdocs.plugins.sop")

SECTION_TITLE = "Dokumen SOP"


class SopPlugin(BasePlugin[SopConfig]):
    """Validates `sop/` at every build and serves the result to the macros."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteData | None = None
        self._set_epoch = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent / self.config.sources
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
        self._pin_build_date()
        return config

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
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        found = self.site.page_of(page.file.src_uri)
        if found is not None:
            # the wide procedure table needs the room; the document links to its worksheet
            page.meta["hide"] = ["toc", "navigation"] if found[1] == "dokumen" else ["toc"]
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        found = self.site.page_of(page.file.src_uri)
        if found is not None:
            # Set after mkdocs-macros, which renders titles as Jinja. Material prints titles as
            # HTML, and `meta.title` without its `striptags` (which would unescape it again).
            slug, kind = found
            title = str(escape(self.site.sops[slug].title))
            if kind == "lembar-kerja":
                page.title = "Lembar Kerja"
                page.meta["title"] = f"Lembar Kerja: {title}"
            else:
                page.title = title
                page.meta["title"] = title
        return html

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Name the generated sections after their SOPs (folders are named by slug)."""
        for item in nav.items:
            if not (isinstance(item, Section) and item.title.lower() == "sop"):
                continue
            item.title = SECTION_TITLE
            for child in item.children:
                slug = self._section_slug(child)
                if slug is not None:
                    child.title = str(escape(self.site.sops[slug].title))
                    # the document first, then its worksheet
                    child.children.sort(key=lambda page: self.site.page_of(page.file.src_uri)[1] != "dokumen")
            item.children.sort(key=lambda child: str(child.title or "").lower())
        return nav

    def _section_slug(self, item) -> str | None:
        if not isinstance(item, Section):
            return None
        for child in item.children:
            if isinstance(child, Page):
                found = self.site.page_of(child.file.src_uri)
                if found is not None:
                    return found[0]
        return None
