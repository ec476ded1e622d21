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
    HISTORY = "riwayat"  # every version of the SOP from git, and what each changed
    CHECKLIST = "checklist"  # one role in one SOP
    MONITORING = "monitoring"  # Monitoring Pelaksanaan SOP AP: the form, and the recorded results
    EVALUATION = "evaluasi"  # Evaluasi Penerapan SOP AP: the form, and the recorded results
    ROLE = "pelaksana"  # every duty of one role
    ROLE_INDEX = "daftar-pelaksana"
    AGENCY_INDEX = "daftar-instansi"  # Dokumen SOP per Instansi
    AUDIT = "audit"  # the inspector's view of every SOP, with its downloads
    CODES = "kode-pemeriksaan"  # what each check code means
    FORMAT = "format-sumber"  # the source format, generated from the model
    BROKEN = "galat"  # under `mkdocs serve`: an SOP with errors keeps its address and says why

    @property
    def per_sop(self) -> bool:
        return "{slug}" in SOURCES[self]

    @property
    def per_role(self) -> bool:
        return "{role}" in SOURCES[self]


SOP_FOLDER = "sop"
ROLE_FOLDER = "pelaksana"
AUDIT_FOLDER = "audit"

# Where each page stands among the build's files; mkdocs serves `a/b.md` and `a/b/index.md` at `a/b/`.
SOURCES: dict[PageKind, str] = {
    PageKind.DOCUMENT: SOP_FOLDER + "/{slug}/index.md",
    PageKind.WORKSHEET: SOP_FOLDER + "/{slug}/lembar-kerja.md",
    PageKind.SWIMLANE: SOP_FOLDER + "/{slug}/swimlane.md",
    PageKind.HISTORY: SOP_FOLDER + "/{slug}/riwayat.md",
    PageKind.CHECKLIST: SOP_FOLDER + "/{slug}/checklist/{role}.md",
    PageKind.MONITORING: SOP_FOLDER + "/{slug}/monitoring.md",
    PageKind.EVALUATION: SOP_FOLDER + "/{slug}/evaluasi.md",
    PageKind.ROLE: ROLE_FOLDER + "/{role}.md",
    PageKind.ROLE_INDEX: ROLE_FOLDER + "/index.md",
    PageKind.AGENCY_INDEX: SOP_FOLDER + "/index.md",
    PageKind.AUDIT: AUDIT_FOLDER + "/index.md",
    PageKind.CODES: "kode-pemeriksaan.md",  # the package's pages beside the agency's own in docs/
    PageKind.FORMAT: "format-sumber.md",
    PageKind.BROKEN: SOP_FOLDER + "/{slug}/index.md",  # the SOP's own address, while it has errors
}


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
        return SOURCES[self.kind].format(slug=self.slug, role=self.role)

    @property
    def path(self) -> str:
        """The page's URL from the site's root, as mkdocs serves it ('sop/x/lembar-kerja/')."""
        uri = self.src_uri
        return uri.removesuffix("index.md") if uri.endswith("/index.md") or uri == "index.md" else uri.removesuffix(".md") + "/"


SOP_SECTION_INDEX = PageRef(PageKind.AGENCY_INDEX).src_uri  # the page heading the "Dokumen SOP" section
ROLE_SECTION_INDEX = PageRef(PageKind.ROLE_INDEX).src_uri  # the page heading the "Pelaksana" section


def swimlane_svg(slug: str) -> str:
    """The swimlane drawing beside its page, for download."""
    return f"{SOP_FOLDER}/{slug}/swimlane.svg"


PDF_FOLDER = "pdf"


def sop_pdf(slug: str) -> str:
    """The SOP's official document as a PDF (identity, procedure, Lembar Kerja)."""
    return f"{PDF_FOLDER}/{slug}.pdf"


def book_pdf(agency: str) -> str:
    """The agency's bound book of SOPs as one PDF."""
    return f"{PDF_FOLDER}/buku-sop-{agency}.pdf"


AUDIT_XLSX = f"{AUDIT_FOLDER}/audit.xlsx"  # the audit's rows for the inspector's working papers
AUDIT_CSV = f"{AUDIT_FOLDER}/audit.csv"


def section_of(src_uri: str) -> str | None:
    """The generated section a build file belongs to: 'sop', 'pelaksana', 'audit', or None."""
    head = src_uri.split("/", 1)[0]
    return head if head in (SOP_FOLDER, ROLE_FOLDER, AUDIT_FOLDER) and "/" in src_uri else None


def absolute_url(site_url: str, path: str) -> str:
    """A site path ('sop/x/') under the configured `site_url`, whether or not either has its '/'."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")
