"""One module owns every address of the site (macros/urls.py)."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from macros.urls import AUDIT_CSV, AUDIT_XLSX, PageKind, PageRef, section_of, swimlane_svg

def _ref(kind: PageKind) -> PageRef:
    """A page of this kind, about the SOP and the role it names."""
    return PageRef(kind, "surat-masuk" if kind.per_sop else None, "kasubbag-umum" if kind.per_role else None)


REFS = [_ref(kind) for kind in PageKind]  # a kind added is checked below without a line here

# Readers bookmark these: they never change without a redirect (a new view's joins once published).
PUBLISHED = {
    PageKind.DOCUMENT: "sop/surat-masuk/", PageKind.BROKEN: "sop/surat-masuk/",
    PageKind.WORKSHEET: "sop/surat-masuk/lembar-kerja/", PageKind.SWIMLANE: "sop/surat-masuk/swimlane/",
    PageKind.HISTORY: "sop/surat-masuk/riwayat/", PageKind.CHECKLIST: "sop/surat-masuk/checklist/kasubbag-umum/",
    PageKind.MONITORING: "sop/surat-masuk/monitoring/", PageKind.EVALUATION: "sop/surat-masuk/evaluasi/",
    PageKind.ROLE: "pelaksana/kasubbag-umum/", PageKind.ROLE_INDEX: "pelaksana/", PageKind.AGENCY_INDEX: "sop/",
    PageKind.AUDIT: "audit/", PageKind.CODES: "kode-pemeriksaan/", PageKind.FORMAT: "format-sumber/",
}


@pytest.mark.parametrize("ref", REFS, ids=lambda ref: ref.kind.value)
def test_mkdocs_serves_each_page_at_the_address_renderers_link_to(ref):
    """The src_uri the plugin generates is served by mkdocs exactly at `path` (directory URLs)."""
    served = File(ref.src_uri, src_dir=None, dest_dir="/tmp/site", use_directory_urls=True).url
    assert served == ref.path


def test_the_addresses_are_the_published_ones():
    assert {kind: _ref(kind).path for kind in PUBLISHED} == PUBLISHED
    assert len({ref.src_uri for ref in REFS}) == len(REFS) - 1  # one address a page; the error page takes its SOP's
    assert (AUDIT_XLSX, AUDIT_CSV) == ("audit/audit.xlsx", "audit/audit.csv")
    assert swimlane_svg("surat-masuk") == "sop/surat-masuk/swimlane.svg"


@pytest.mark.parametrize(
    "kind, slug, role",
    [(PageKind.DOCUMENT, None, None), (PageKind.CHECKLIST, "x", None), (PageKind.ROLE, "x", "y"), (PageKind.ROLE_INDEX, "x", None)],
)
def test_a_page_reference_says_what_its_kind_needs(kind, slug, role):
    with pytest.raises(ValueError):
        PageRef(kind, slug, role)


def test_generated_sections_are_known_by_their_files():
    assert section_of("sop/x/index.md") == "sop" and section_of("pelaksana/index.md") == "pelaksana"
    assert section_of("sop.md") is None and section_of("panduan/sop.md") is None
    assert section_of(PageRef(PageKind.FORMAT).src_uri) is None  # the package's pages stand at the top, beside docs/


def test_each_kind_has_its_one_source_pattern():
    from macros.urls import SOURCES

    assert set(SOURCES) == set(PageKind)
    # what each kind's pages are about is read from its address (every view's: tests/site/test_views.py)
    assert (PageKind.DOCUMENT.per_sop, PageKind.DOCUMENT.per_role) == (True, False)
    assert (PageKind.CHECKLIST.per_sop, PageKind.CHECKLIST.per_role) == (True, True)
    assert (PageKind.ROLE.per_sop, PageKind.ROLE.per_role) == (False, True)
    assert (PageKind.AUDIT.per_sop, PageKind.AUDIT.per_role) == (False, False)
    assert PageKind.BROKEN.per_sop  # an SOP with errors keeps its own address
