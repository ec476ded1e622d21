"""Keterkaitan: references to other SOPs."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.errors import suggest
from ..model.project import Project, SopDocument
from .base import SopCheck, register


@register
class RelatedSops(SopCheck):
    codes = (codes.UNKNOWN_RELATED_SOP, codes.RELATED_TO_ITSELF)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        for i, related in enumerate(document.sop.related):
            if related.slug is None:
                continue  # a title-only reference names an SOP outside the sources
            where = document.locator.value("keterkaitan", i, "sop")
            if related.slug == document.slug:
                yield codes.RELATED_TO_ITSELF.at(where, f"SOP '{document.slug}' menyebut dirinya sendiri sebagai keterkaitan")
            elif related.slug not in project.known_slugs:
                hint = suggest(related.slug, list(project.known_slugs))
                yield codes.UNKNOWN_RELATED_SOP.at(
                    where,
                    f"tidak ada SOP '{related.slug}' di sumber{hint}; untuk SOP di luar sumber tulis 'judul:' saja",
                )
