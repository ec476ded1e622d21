"""URLs a renderer may need, relative to the page being rendered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..urls import PageKind, PageRef, book_pdf, sop_pdf, swimlane_svg


@dataclass(frozen=True)
class Links:
    relative: Callable[[str], str]  # site path (e.g. "sop/x/") -> URL relative to the current page
    pdfs: bool = False  # the build makes the PDFs: only then may a page link them

    def pdf(self, slug: str) -> str | None:
        """The SOP's PDF, or None when this build makes no PDF (a site never links a missing file)."""
        return self.relative(sop_pdf(slug)) if self.pdfs else None

    def book(self, agency: str) -> str | None:
        """The agency's book of SOPs as one PDF, or None when this build makes no PDF."""
        return self.relative(book_pdf(agency)) if self.pdfs else None

    def page(self, ref: PageRef) -> str:
        """Any generated page; the methods below name the ones renderers link to by name."""
        return self.relative(ref.path)

    def sop(self, slug: str) -> str:
        return self.page(PageRef(PageKind.DOCUMENT, slug))

    def swimlane_svg(self, slug: str) -> str:
        return self.relative(swimlane_svg(slug))

    def monitoring(self, slug: str) -> str:
        return self.page(PageRef(PageKind.MONITORING, slug))

    def evaluation(self, slug: str) -> str:
        return self.page(PageRef(PageKind.EVALUATION, slug))

    def checklist(self, slug: str, role: str) -> str:
        return self.page(PageRef(PageKind.CHECKLIST, slug, role))

    def role(self, role: str) -> str:
        return self.page(PageRef(PageKind.ROLE, role=role))

    def audit_download(self, path: str) -> str:
        return self.relative(path)

    def asset(self, path: str) -> str:
        return self.relative(path)
