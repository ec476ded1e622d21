"""The validated content of a site build: renderable SOPs and their registries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Finding
from ..model.project import Project
from ..model.sop import Sop
from ..render.context import Registries

SOP_PAGE = "sop/{slug}/index.md"


@dataclass(frozen=True)
class SiteData:
    registries: Registries
    sops: dict[str, Sop]  # slug -> model, only SOPs without errors, in slug order

    @classmethod
    def build(cls, project: Project, findings: list[Finding]) -> "SiteData":
        documents = sorted(project.renderable(findings), key=lambda d: d.slug)
        registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
        return cls(registries, {d.slug: d.sop for d in documents})

    @property
    def titles(self) -> dict[str, str]:
        return {slug: sop.title for slug, sop in self.sops.items()}

    def page_uri(self, slug: str) -> str:
        return SOP_PAGE.format(slug=slug)

    def slug_of(self, src_uri: str) -> str | None:
        parts = src_uri.split("/")
        if len(parts) == 3 and parts[0] == "sop" and parts[2] == "index.md" and parts[1] in self.sops:
            return parts[1]
        return None

    def newest_date(self) -> dt.date | None:
        """The latest date the sources mention: the site's reproducible build date."""
        dates = []
        for sop in self.sops.values():
            dates += [d for d in (sop.dates.created, sop.dates.revised, sop.dates.effective) if d]
            dates += [r.date for r in sop.revisions]
        return max(dates, default=None)
