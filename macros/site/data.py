"""The validated content of a site build: renderable SOPs and their registries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Finding
from ..model.project import Project
from ..model.sop import Sop
from ..render.context import Registries

PAGES = {"dokumen": "sop/{slug}/index.md", "lembar-kerja": "sop/{slug}/lembar-kerja.md"}
MACRO_OF_PAGE = {"dokumen": "halaman_sop", "lembar-kerja": "lembar_kerja"}


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

    def generated_pages(self) -> list[tuple[str, str]]:
        """(src_uri, markdown) of every page made from the sources: a macro call and nothing else."""
        return [
            (uri.format(slug=slug), f'{{{{ {MACRO_OF_PAGE[kind]}("{slug}") }}}}\n')
            for slug in self.sops
            for kind, uri in PAGES.items()
        ]

    def page_of(self, src_uri: str) -> tuple[str, str] | None:
        """(slug, kind) of a generated page, or None for a hand-written one."""
        parts = src_uri.split("/")
        if len(parts) != 3 or parts[0] != "sop" or parts[1] not in self.sops:
            return None
        kind = {"index.md": "dokumen", "lembar-kerja.md": "lembar-kerja"}.get(parts[2])
        return (parts[1], kind) if kind else None

    def newest_date(self) -> dt.date | None:
        """The latest date the sources mention: the site's reproducible build date."""
        dates = []
        for sop in self.sops.values():
            dates += [d for d in (sop.dates.created, sop.dates.revised, sop.dates.effective) if d]
            dates += [r.date for r in sop.revisions]
        return max(dates, default=None)
