"""URLs a renderer may need, relative to the page being rendered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Links:
    relative: Callable[[str], str]  # site path (e.g. "sop/x/") -> URL relative to the current page

    def sop(self, slug: str) -> str:
        return self.relative(f"sop/{slug}/")

    def worksheet(self, slug: str) -> str:
        return self.relative(f"sop/{slug}/lembar-kerja/")

    def swimlane(self, slug: str) -> str:
        return self.relative(f"sop/{slug}/swimlane/")

    def checklist(self, slug: str, role: str) -> str:
        return self.relative(f"sop/{slug}/checklist/{role}/")

    def role(self, role: str) -> str:
        return self.relative(f"pelaksana/{role}/")

    def asset(self, path: str) -> str:
        return self.relative(path)
