"""URLs a renderer may need, relative to the page being rendered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..urls import PageKind, PageRef, swimlane_svg


@dataclass(frozen=True)
class Links:
    relative: Callable[[str], str]  # site path (e.g. "sop/x/") -> URL relative to the current page

    def page(self, ref: PageRef) -> str:
        return self.relative(ref.path)

    def sop(self, slug: str) -> str:
        return self.page(PageRef(PageKind.DOCUMENT, slug))

    def worksheet(self, slug: str) -> str:
        return self.page(PageRef(PageKind.WORKSHEET, slug))

    def swimlane(self, slug: str) -> str:
        return self.page(PageRef(PageKind.SWIMLANE, slug))

    def swimlane_svg(self, slug: str) -> str:
        return self.relative(swimlane_svg(slug))

    def checklist(self, slug: str, role: str) -> str:
        return self.page(PageRef(PageKind.CHECKLIST, slug, role))

    def role(self, role: str) -> str:
        return self.page(PageRef(PageKind.ROLE, role=role))

    def asset(self, path: str) -> str:
        return self.relative(path)
