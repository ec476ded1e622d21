"""The views: which pages the sources make, with which titles and front matter."""

from __future__ import annotations

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.site.data import SiteData
from macros.site.pages import VIEWS, front_matter, page_refs, view_order
from macros.urls import PageKind, PageRef
from tests.conftest import SEED_SOURCES

SLUG = "perbaikan-data-kinerja"


def _seed_site() -> SiteData:
    project = load_project(source_sets([SEED_SOURCES])[0])
    return SiteData.build(project, project.findings)


def test_every_kind_but_the_error_page_is_a_view():
    assert set(VIEWS) == set(PageKind) - {PageKind.BROKEN}


def test_the_seed_makes_one_page_per_view_and_scope():
    site = _seed_site()
    refs = page_refs(site)
    sop = site.sops[SLUG]
    assert list(refs)[:7] == ["kode-pemeriksaan.md", "format-sumber.md", "sop/index.md", "audit/index.md",
                              f"sop/{SLUG}/index.md", f"sop/{SLUG}/lembar-kerja.md", f"sop/{SLUG}/swimlane.md"]
    checklists = [r for r in refs.values() if r.kind is PageKind.CHECKLIST]
    assert [r.role for r in checklists] == list(sop.roles)
    roles = [r.role for r in refs.values() if r.kind is PageKind.ROLE]
    assert roles == sorted(site.registries.roles)
    assert all(uri == ref.src_uri for uri, ref in refs.items())
    assert [r.kind for r in refs.values() if r.slug == SLUG][3:6] == [PageKind.HISTORY, PageKind.MONITORING, PageKind.EVALUATION]
    # the package's two (codes, format); the site's two (index, audit); document, worksheet, swimlane, riwayat,
    # monitoring, evaluasi
    assert len(refs) == 2 + 2 + 6 + len(sop.roles) + 1 + len(roles)


def test_front_matter_is_set_where_the_page_is_made():
    site = _seed_site()
    sop = site.sops[SLUG]
    document = front_matter(PageRef(PageKind.DOCUMENT, SLUG), site)
    assert (document.nav_title, document.title) == (sop.title, sop.title)
    assert document.hide == ("toc", "navigation") and document.searchable
    assert document.agency is site.registries.agencies[sop.agency]
    role = next(iter(sop.roles))
    checklist = front_matter(PageRef(PageKind.CHECKLIST, SLUG, role), site)
    short = site.registries.roles[role].short_name
    assert checklist.title == f"Checklist {short}: {sop.title}" and checklist.hide == ("toc",) and not checklist.searchable
    assert not front_matter(PageRef(PageKind.SWIMLANE, SLUG), site).searchable
    assert front_matter(PageRef(PageKind.ROLE_INDEX), site).agency is None


def test_an_sops_pages_are_ordered_as_the_views_are():
    assert view_order(PageKind.DOCUMENT) < view_order(PageKind.WORKSHEET) < view_order(PageKind.SWIMLANE)
    assert view_order(PageKind.BROKEN) == len(VIEWS)
