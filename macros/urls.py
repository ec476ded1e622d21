"""Every address of the site, in one place: the kinds of page made from the sources, where each
page's source file stands in the build (`src_uri`), the URL it is served at, and the files beside
the pages (the swimlane SVG). Renderers, the plugin and the macros ask here; none builds a path."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class PageKind(enum.Enum):
    """A kind of page made from the sources (the value is what the site calls it)."""

    DOCUMENT = "dokumen"  # the official SOP document
    WORKSHEET = "lembar-kerja"  # Lembar Kerja Identifikasi Kegiatan
    SWIMLANE = "swimlane"
    CHECKLIST = "checklist"  # one role in one SOP
    ROLE = "pelaksana"  # every duty of one role
    ROLE_INDEX = "daftar-pelaksana"
    AGENCY_INDEX = "daftar-unit"  # Dokumen SOP per Unit
    BROKEN = "galat"  # under `mkdocs serve`: an SOP with errors keeps its address and says why

    @property
    def per_sop(self) -> bool:
        return self in _PER_SOP

    @property
    def per_role(self) -> bool:
        return self in (PageKind.CHECKLIST, PageKind.ROLE)


_PER_SOP = frozenset({PageKind.DOCUMENT, PageKind.WORKSHEET, PageKind.SWIMLANE, PageKind.CHECKLIST, PageKind.BROKEN})

SOP_FOLDER = "sop"
ROLE_FOLDER = "pelaksana"


@dataclass(frozen=True, order=True)
class PageRef:
    """A page made from the sources: its kind and what it is about."""

    kind: PageKind
    slug: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        if self.kind.per_sop != (self.slug is not None) or self.kind.per_role != (self.role is not None):
            raise ValueError(f"halaman {self.kind.value}: slug={self.slug!r}, role={self.role!r}")

    @property
    def src_uri(self) -> str:
        """Where the page stands among the build's files (mkdocs `File.src_uri`)."""
        path = self.path
        return f"{path}index.md" if path.endswith("/") and self.kind in _FOLDER_PAGES else f"{path.rstrip('/')}.md"

    @property
    def path(self) -> str:
        """The page's URL from the site's root, as mkdocs serves it ('sop/x/lembar-kerja/')."""
        kind, slug, role = self.kind, self.slug, self.role
        if kind in (PageKind.DOCUMENT, PageKind.BROKEN):
            return f"{SOP_FOLDER}/{slug}/"
        if kind is PageKind.WORKSHEET:
            return f"{SOP_FOLDER}/{slug}/lembar-kerja/"
        if kind is PageKind.SWIMLANE:
            return f"{SOP_FOLDER}/{slug}/swimlane/"
        if kind is PageKind.CHECKLIST:
            return f"{SOP_FOLDER}/{slug}/checklist/{role}/"
        if kind is PageKind.ROLE:
            return f"{ROLE_FOLDER}/{role}/"
        if kind is PageKind.ROLE_INDEX:
            return f"{ROLE_FOLDER}/"
        return f"{SOP_FOLDER}/"


# pages that are their folder's index.md (the others are `<name>.md`)
_FOLDER_PAGES = frozenset({PageKind.DOCUMENT, PageKind.BROKEN, PageKind.ROLE_INDEX, PageKind.AGENCY_INDEX})

SOP_SECTION_INDEX = PageRef(PageKind.AGENCY_INDEX).src_uri  # the page heading the "Dokumen SOP" section
ROLE_SECTION_INDEX = PageRef(PageKind.ROLE_INDEX).src_uri  # the page heading the "Pelaksana" section


def swimlane_svg(slug: str) -> str:
    """The swimlane drawing beside its page, for download."""
    return f"{SOP_FOLDER}/{slug}/swimlane.svg"


def section_of(src_uri: str) -> str | None:
    """The generated section a build file belongs to: 'sop', 'pelaksana', or None."""
    head = src_uri.split("/", 1)[0]
    return head if head in (SOP_FOLDER, ROLE_FOLDER) and "/" in src_uri else None
