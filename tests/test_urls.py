"""One module owns every address of the site (macros/urls.py)."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from macros.urls import AUDIT_CSV, AUDIT_XLSX, PageKind, PageRef, section_of, swimlane_svg

REFS = [
    PageRef(PageKind.DOCUMENT, "surat-masuk"),
    PageRef(PageKind.BROKEN, "surat-masuk"),
    PageRef(PageKind.WORKSHEET, "surat-masuk"),
    PageRef(PageKind.SWIMLANE, "surat-masuk"),
    PageRef(PageKind.HISTORY, "surat-masuk"),
    PageRef(PageKind.CHECKLIST, "surat-masuk", "kasubbag-umum"),
    PageRef(PageKind.MONITORING, "surat-masuk"),
    PageRef(PageKind.EVALUATION, "surat-masuk"),
    PageRef(PageKind.ROLE, role="kasubbag-umum"),
    PageRef(PageKind.ROLE_INDEX),
    PageRef(PageKind.AGENCY_INDEX),
    PageRef(PageKind.AUDIT),
    PageRef(PageKind.CODES),
    PageRef(PageKind.FORMAT),
]


def test_every_kind_of_page_has_an_address():
    assert {ref.kind for ref in REFS} == set(PageKind)


@pytest.mark.parametrize("ref", REFS, ids=lambda ref: ref.kind.value)
def test_mkdocs_serves_each_page_at_the_address_renderers_link_to(ref):
    """The src_uri the plugin generates is served by mkdocs exactly at `path` (directory URLs)."""
    served = File(ref.src_uri, src_dir=None, dest_dir="/tmp/site", use_directory_urls=True).url
    assert served == ref.path


def test_the_addresses_are_the_published_ones():
    """Readers bookmark these; they never change without a redirect."""
    assert [ref.path for ref in REFS] == [
        "sop/surat-masuk/", "sop/surat-masuk/", "sop/surat-masuk/lembar-kerja/", "sop/surat-masuk/swimlane/",
        "sop/surat-masuk/riwayat/", "sop/surat-masuk/checklist/kasubbag-umum/", "sop/surat-masuk/monitoring/",
        "sop/surat-masuk/evaluasi/", "pelaksana/kasubbag-umum/", "pelaksana/", "sop/", "audit/",
        "kode-pemeriksaan/", "format-sumber/",
    ]
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
    assert [k for k in PageKind if k.per_sop] == [PageKind.DOCUMENT, PageKind.WORKSHEET, PageKind.SWIMLANE,
                                                   PageKind.HISTORY, PageKind.CHECKLIST, PageKind.MONITORING,
                                                   PageKind.EVALUATION, PageKind.BROKEN]
