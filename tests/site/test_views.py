"""The views: which pages the sources make, with which titles and front matter; and everything that
lists views (the pages of a build, the SOP page's links, the macros, what an SOP's PDF prints) read
from the one registry, VIEWS. No count here is written by hand: a view added to VIEWS is counted."""

from __future__ import annotations

import re
from html import escape

from macros.checks import check_project
from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.render.links import Links
from macros.render.sop_page import PageOptions
from macros.site import macros as site_macros
from macros.site.data import SiteData
from macros.site.pages import (VIEWS, PageContext, Scope, front_matter, page_refs, printed_views, render_page, view_links,
                               view_order)
from macros.urls import PageKind, PageRef
from tests.conftest import SEED_SOURCES

SLUG = "perbaikan-data-kinerja"
PER_SOP = (Scope.SOP, Scope.SOP_ROLE)


def _seed_site() -> SiteData:
    project = load_project(source_sets([SEED_SOURCES])[0])
    return SiteData.build(check_project(project))


def _context(site: SiteData, pdfs: bool = False) -> PageContext:
    return PageContext(site, {}, PageOptions(), Links(lambda path: "/" + path, pdfs=pdfs))


def _kinds(*scopes: Scope) -> list[PageKind]:
    return [kind for kind, view in VIEWS.items() if view.scope in scopes]


def test_every_kind_but_the_error_page_is_a_view():
    assert set(VIEWS) == set(PageKind) - {PageKind.BROKEN}


def test_a_views_scope_agrees_with_its_address():
    """A view of an SOP lives at an address naming the SOP; one per role, at one naming the role."""
    for kind, view in VIEWS.items():
        assert kind.per_sop == (view.scope in PER_SOP), kind
        assert kind.per_role == (view.scope in (Scope.SOP_ROLE, Scope.ROLE)), kind
        assert view.scope.params == tuple(p for p, named in (("slug", kind.per_sop), ("role", kind.per_role)) if named)


def test_only_a_view_of_an_sop_is_linked_from_it_or_printed_with_it():
    for kind, view in VIEWS.items():
        assert view.label is None or view.scope in PER_SOP, kind
        assert not view.printed or view.scope is Scope.SOP, kind  # a PDF per SOP: not one page per role
    printed = printed_views()
    assert printed[0] == (PageKind.DOCUMENT, None)  # the document opens the PDF, outlined by its parts
    assert all(label for _, label in printed[1:])  # every other part has its bookmark
    assert VIEWS[PageKind.DOCUMENT].label is None  # the SOP's page does not link to itself


def test_the_seed_makes_one_page_per_view_and_scope():
    site = _seed_site()
    refs = page_refs(site)
    sop = site.sops[SLUG]
    roles = sorted(site.registries.roles)
    site_pages = [PageRef(kind) for kind in _kinds(Scope.SITE)] + [PageRef(kind) for kind in _kinds(Scope.SOPS)]
    sop_pages = [ref for kind, view in VIEWS.items() if view.scope in PER_SOP
                 for ref in ([PageRef(kind, SLUG)] if view.scope is Scope.SOP else [PageRef(kind, SLUG, r) for r in sop.roles])]
    role_pages = [PageRef(kind) for kind in _kinds(Scope.ROLES)] + [PageRef(kind, role=r) for r in roles for kind in _kinds(Scope.ROLE)]
    # the site's own pages, then the SOP's in the order of VIEWS, then the roles' (the seed has one SOP)
    assert list(refs.values()) == site_pages + sop_pages + role_pages
    assert all(uri == ref.src_uri for uri, ref in refs.items())
    per_scope = {Scope.SITE: 1, Scope.SOPS: 1, Scope.SOP: 1, Scope.SOP_ROLE: len(sop.roles), Scope.ROLES: 1, Scope.ROLE: len(roles)}
    assert len(refs) == sum(per_scope[view.scope] for view in VIEWS.values())
    assert len(sop.roles) > 1 and len(roles) > 1  # so a view per role is told from a view per SOP


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
    monitoring = front_matter(PageRef(PageKind.MONITORING, SLUG), site)
    assert (monitoring.nav_title, monitoring.title) == ("Monitoring", f"Monitoring Pelaksanaan SOP AP: {sop.title}")


def test_an_sops_pages_are_ordered_as_the_views_are():
    assert view_order(PageKind.DOCUMENT) < view_order(PageKind.WORKSHEET) < view_order(PageKind.SWIMLANE)
    assert view_order(PageKind.BROKEN) == len(VIEWS)


def _strip(page: str) -> str:
    match = re.search(r'<nav class="sop-tautan" aria-label="Bagian SOP ini">(.*?)</nav>', page)
    assert match, "halaman SOP tanpa tautan ke tampilan lainnya"
    return match.group(1)


def test_the_sop_page_links_every_labelled_view_in_the_order_of_views():
    site = _seed_site()
    sop = site.sops[SLUG]
    links = view_links(SLUG, _context(site))
    assert [link.label for link in links] == [view.label for view in VIEWS.values() if view.label]
    expected = []
    for kind, view in VIEWS.items():
        if view.scope is Scope.SOP_ROLE and view.label:
            names = ", ".join(f'<a href="/{PageRef(kind, SLUG, r).path}">{escape(site.registries.roles[r].short_name)}</a>'
                              for r in sop.roles)
            expected.append(f"{view.label}: {names}")
        elif view.label:
            expected.append(f'<a href="/{PageRef(kind, SLUG).path}">{view.label}</a>')
    page = str(render_page(PageRef(PageKind.DOCUMENT, SLUG), _context(site)))
    assert _strip(page) == " · ".join(expected)
    with_pdf = str(render_page(PageRef(PageKind.DOCUMENT, SLUG), _context(site, pdfs=True)))
    assert _strip(with_pdf) == " · ".join(expected) + f' · <a class="sop-unduh-pdf" href="/pdf/{SLUG}.pdf" download>Unduh PDF</a>'


def test_every_view_with_a_macro_name_is_a_macro_of_the_hand_written_pages():
    context = site_macros.MacroContext(build=None, page=lambda: None, defer=lambda html: html, fail=lambda f, what: what)
    macros = site_macros.page_macros(context)
    named = {view.macro: view for view in VIEWS.values() if view.macro}
    assert len(named) == len([view for view in VIEWS.values() if view.macro])  # no name given twice
    assert set(macros) == set(named) | {"daftar_sop", "daftar_kode"}
    for name, view in named.items():
        assert macros[name].__doc__ == view.about and view.about, name
    assert {"halaman_sop", "lembar_kerja", "checklist", "halaman_pelaksana"} <= set(named)  # what docs/ pages use
