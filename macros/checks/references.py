"""Keterkaitan: references to other SOPs."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.base import shown
from ..model.errors import suggest
from ..model.project import Project, SopDocument
from .base import SopCheck, register


def same_title(a: str, b: str) -> bool:
    """Titles compared as a reader would: case, spacing and a leading "SOP" do not count."""
    return _title_key(a) == _title_key(b)


def _title_key(title: str) -> str:
    words = title.casefold().split()
    if len(words) > 1 and words[0] == "sop":
        words = words[1:]
    return " ".join(words)


@register
class RelatedSops(SopCheck):
    emits = (codes.UNKNOWN_RELATED_SOP, codes.RELATED_TO_ITSELF, codes.RELATED_BY_TITLE)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        for i, related in enumerate(document.sop.related):
            if related.slug is None:
                yield from self._by_title(document, project, i, related.title)
                continue
            where = document.locator.value("keterkaitan", i, "sop")
            if related.slug == document.slug:
                yield codes.RELATED_TO_ITSELF.at(where, f"SOP '{document.slug}' menyebut dirinya sendiri sebagai keterkaitan")
            elif related.slug not in project.known_slugs:
                hint = suggest(related.slug, list(project.known_slugs))
                yield codes.UNKNOWN_RELATED_SOP.at(
                    where,
                    f"tidak ada SOP '{related.slug}' di sumber{hint}; untuk SOP di luar sumber tulis 'judul:' saja",
                )

    @staticmethod
    def _by_title(document: SopDocument, project: Project, i: int, title: str) -> Iterator[Finding]:
        """A title-only reference names an SOP outside the sources: its own title, or the title
        of an SOP that is in the sources (which would then be plain text, not a link), is a slip."""
        where = document.locator.value("keterkaitan", i, "judul")
        if same_title(title, document.sop.title):
            yield codes.RELATED_TO_ITSELF.at(
                where, f"keterkaitan '{shown(title, 60)}' adalah judul SOP ini sendiri; hapus butir ini"
            )
            return
        matches = sorted(d.slug for d in project.valid_documents if d is not document and same_title(title, d.sop.title))
        if matches:
            yield codes.RELATED_BY_TITLE.at(
                where,
                f"keterkaitan '{shown(title, 60)}' adalah judul SOP '{matches[0]}' di sumber; "
                f"tulis 'sop: {matches[0]}' agar menjadi tautan ke halamannya",
            )
