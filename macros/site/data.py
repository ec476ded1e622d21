"""The validated content of a site build and the pages made from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ..findings import Finding
from ..model.project import Project
from ..model.sop import Sop
from ..render.context import Registries


@dataclass(frozen=True)
class PageRef:
    """A page made from the sources: its kind and what it is about."""

    kind: str  # dokumen | lembar-kerja | swimlane | checklist | pelaksana | daftar-pelaksana | daftar-unit | galat
    slug: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class SiteData:
    registries: Registries
    sops: dict[str, Sop]  # slug -> model, only SOPs without errors, in slug order

    @classmethod
    def build(cls, project: Project, findings: list[Finding]) -> "SiteData":
        documents = sorted(project.renderable(findings), key=lambda d: d.slug)
        registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
        return cls(registries, {d.slug: d.sop for d in documents})

    @cached_property
    def titles(self) -> dict[str, str]:
        return {slug: sop.title for slug, sop in self.sops.items()}

    def pages(self) -> dict[str, PageRef]:
        """src_uri -> page, for every page made from the sources."""
        pages: dict[str, PageRef] = {}
        if self.sops:
            pages["sop/index.md"] = PageRef("daftar-unit")
        for slug, sop in self.sops.items():
            pages[f"sop/{slug}/index.md"] = PageRef("dokumen", slug)
            pages[f"sop/{slug}/lembar-kerja.md"] = PageRef("lembar-kerja", slug)
            pages[f"sop/{slug}/swimlane.md"] = PageRef("swimlane", slug)
            for role in sop.roles:
                pages[f"sop/{slug}/checklist/{role}.md"] = PageRef("checklist", slug, role)
        if self.registries.roles:
            pages["pelaksana/index.md"] = PageRef("daftar-pelaksana")
            for role in sorted(self.registries.roles):
                pages[f"pelaksana/{role}.md"] = PageRef("pelaksana", role=role)
        return pages

    def newest_date(self) -> dt.date | None:
        """The latest date the sources mention: the site's reproducible build date."""
        dates = []
        for sop in self.sops.values():
            dates += [d.first for d in (sop.dates.created, sop.dates.revised, sop.dates.effective_date) if d]
            dates += [r.date.first for r in sop.revisions]
            if sop.retirement is not None and sop.retirement.date is not None:
                dates.append(sop.retirement.date.first)
        return max(dates, default=None)
