"""Every generated page: the views of the site, one registration each.

A view is a renderer (a pure function of the validated model) with what the page it makes needs:
which pages there are of it (one for the site, one per SOP, per role in an SOP, per role), its
titles, and its front matter (the wide pages hide the navigation; only some are searchable). The
plugin asks here which pages to make and how; the addresses come from `macros/urls.py`.

Adding a view: a `PageKind` with its address in urls.py, a renderer in render/, and one entry in
VIEWS below.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from ..model.audit import Audit
from ..model.registry import Agency
from ..render.audit import render_audit
from ..render.checklist import render_checklist
from ..render.history import render_history
from ..render.index_table import render_agency_index
from ..render.monev import EVALUATION_TITLE, MONITORING_TITLE, render_evaluation_form, render_monitoring_form
from ..render.links import Links
from ..render.review import review_note
from ..render.role_page import render_role_index, render_role_page
from ..render.sop_page import PageOptions, render_sop_page
from ..render.status import status_banner
from ..render.swimlane_page import render_swimlane_page
from ..render.worksheet import render_worksheet
from ..urls import PageKind, PageRef
from .data import SiteData
from .package_pages import codes_page, format_page


@dataclass(frozen=True)
class PageContext:
    site: SiteData
    swimlanes: dict[str, str]  # slug -> inline SVG
    options: PageOptions
    links: Links
    audit: Audit | None = None  # made once per build, for the audit page


class Scope(enum.Enum):
    """Which pages a view makes."""

    SITE = "one page for the site, always: the package's own pages (unless docs/ has its own at that address)"
    SOPS = "one page for the site, when it has SOPs"
    SOP = "one page per SOP"
    SOP_ROLE = "one page per role of each SOP"
    ROLES = "one page for the site, when it has roles"
    ROLE = "one page per role"


Titles = Callable[[PageRef, SiteData], tuple[str, str]]  # (in the navigation, of the page)


@dataclass(frozen=True)
class View:
    render: Callable[[PageRef, PageContext], Markup]
    scope: Scope
    titles: Titles
    wide: bool = False  # a wide table or drawing: the navigation is hidden to give it the room
    searchable: bool = False  # one entry per SOP and per role keeps the index small; views repeat the document


@dataclass(frozen=True)
class FrontMatter:
    """What the page's front matter would say, set where the page is made."""

    nav_title: str
    title: str
    hide: tuple[str, ...]
    searchable: bool
    agency: Agency | None  # shown in the header: the agency the page belongs to


def _sop_title(ref: PageRef, site: SiteData) -> str:
    return site.sops[ref.slug].title


def _role_name(ref: PageRef, site: SiteData) -> str:
    return site.registries.roles[ref.role].name


def _short_name(ref: PageRef, site: SiteData) -> str:
    return site.registries.roles[ref.role].short_name


VIEWS: dict[PageKind, View] = {
    PageKind.AGENCY_INDEX: View(
        lambda ref, c: render_agency_index(list(c.site.sops.items()), c.site.registries, c.links),
        Scope.SOPS,
        lambda ref, site: ("Dokumen SOP per Instansi", "Dokumen SOP per Instansi"),
        searchable=True,
    ),
    PageKind.DOCUMENT: View(
        lambda ref, c: render_sop_page(
            ref.slug, c.site.sops[ref.slug], c.site.registries, c.site.titles, c.links, c.options, c.site.revisions.get(ref.slug),
            c.site.monev_of(ref.slug),
        ),
        Scope.SOP,
        lambda ref, site: (_sop_title(ref, site), _sop_title(ref, site)),
        wide=True,
        searchable=True,
    ),
    PageKind.WORKSHEET: View(
        lambda ref, c: render_worksheet(ref.slug, c.site.sops[ref.slug], c.site.registries, c.links, c.options.paper),
        Scope.SOP,
        lambda ref, site: ("Lembar Kerja", f"Lembar Kerja: {_sop_title(ref, site)}"),
    ),
    PageKind.SWIMLANE: View(
        lambda ref, c: render_swimlane_page(
            ref.slug, c.site.sops[ref.slug], c.swimlanes[ref.slug], c.site.registries, c.links, c.options.paper
        ),
        Scope.SOP,
        lambda ref, site: ("Swimlane", f"Swimlane: {_sop_title(ref, site)}"),
        wide=True,
    ),
    PageKind.HISTORY: View(
        lambda ref, c: render_history(ref.slug, c.site.sops[ref.slug], c.site.history, c.site.registries, c.links),
        Scope.SOP,
        lambda ref, site: ("Riwayat Perubahan", f"Riwayat Perubahan: {_sop_title(ref, site)}"),
    ),
    PageKind.MONITORING: View(
        lambda ref, c: render_monitoring_form(
            ref.slug, c.site.sops[ref.slug], c.site.registries, c.links, c.site.monev_of(ref.slug), c.options.paper
        ),
        Scope.SOP,
        lambda ref, site: ("Monitoring", f"{MONITORING_TITLE}: {_sop_title(ref, site)}"),
    ),
    PageKind.EVALUATION: View(
        lambda ref, c: render_evaluation_form(
            ref.slug, c.site.sops[ref.slug], c.site.registries, c.links, c.site.monev_of(ref.slug), c.options.paper
        ),
        Scope.SOP,
        lambda ref, site: ("Evaluasi", f"{EVALUATION_TITLE}: {_sop_title(ref, site)}"),
    ),
    PageKind.CHECKLIST: View(
        lambda ref, c: render_checklist(ref.slug, c.site.sops[ref.slug], ref.role, c.site.registries, c.links, c.options.paper),
        Scope.SOP_ROLE,
        lambda ref, site: (_short_name(ref, site), f"Checklist {_short_name(ref, site)}: {_sop_title(ref, site)}"),
    ),
    PageKind.AUDIT: View(
        lambda ref, c: render_audit(c.audit, c.links),
        Scope.SOPS,
        lambda ref, site: ("Audit", "Audit SOP"),
        wide=True,
    ),
    PageKind.ROLE_INDEX: View(
        lambda ref, c: render_role_index(c.site.sops, c.site.registries, c.links),
        Scope.ROLES,
        lambda ref, site: ("Daftar Pelaksana", "Daftar Pelaksana"),
        searchable=True,
    ),
    PageKind.ROLE: View(
        lambda ref, c: render_role_page(ref.role, c.site.sops, c.site.registries, c.links),
        Scope.ROLE,
        lambda ref, site: (_role_name(ref, site), _role_name(ref, site)),
        searchable=True,
    ),
    PageKind.CODES: View(
        lambda ref, c: codes_page(), Scope.SITE, lambda ref, site: ("Kode Pemeriksaan", "Kode Pemeriksaan"), searchable=True
    ),
    PageKind.FORMAT: View(
        lambda ref, c: format_page(), Scope.SITE, lambda ref, site: ("Format Sumber", "Format Sumber"), searchable=True
    ),
}


def page_refs(site: SiteData) -> dict[str, PageRef]:
    """src_uri -> page, for every page the views make of these sources (in the order the build
    reads them: the SOP section, each SOP with its views, then the roles)."""
    def kinds(scope: Scope) -> list[PageKind]:
        return [kind for kind, view in VIEWS.items() if view.scope is scope]

    refs: list[PageRef] = [PageRef(kind) for kind in kinds(Scope.SITE)]
    refs += [PageRef(kind) for kind in kinds(Scope.SOPS)] if site.sops else []
    for slug, sop in site.sops.items():
        for kind, view in VIEWS.items():
            if view.scope is Scope.SOP:
                refs.append(PageRef(kind, slug))
            elif view.scope is Scope.SOP_ROLE:
                refs += [PageRef(kind, slug, role) for role in sop.roles]
    if site.registries.roles:
        refs += [PageRef(kind) for kind in kinds(Scope.ROLES)]
        refs += [PageRef(kind, role=role) for role in sorted(site.registries.roles) for kind in kinds(Scope.ROLE)]
    return {ref.src_uri: ref for ref in refs}


def without_own_pages(pages: dict[str, PageRef], docs: set[str]) -> tuple[dict[str, PageRef], list[str]]:
    """The package's site pages yield to a page of the agency's docs/ at the same address (an older
    copy of Kode Pemeriksaan, or the agency's own text): docs/ is the agency's, nothing there is
    replaced. Returns the pages to make and the addresses left to docs/."""
    kept = [uri for uri, ref in pages.items() if uri in docs and ref.kind in VIEWS and VIEWS[ref.kind].scope is Scope.SITE]
    return {uri: ref for uri, ref in pages.items() if uri not in kept}, kept


def view_order(kind: PageKind) -> int:
    """Where a page stands among its SOP's pages in the navigation: the order of VIEWS."""
    return list(VIEWS).index(kind) if kind in VIEWS else len(VIEWS)


def front_matter(ref: PageRef, site: SiteData) -> FrontMatter:
    view = VIEWS[ref.kind]
    nav_title, title = view.titles(ref, site)
    hide = ("toc", "navigation") if view.wide else ("toc",)
    return FrontMatter(nav_title, title, hide, view.searchable, _agency(ref, site))


def _agency(ref: PageRef, site: SiteData) -> Agency | None:
    """The agency a page belongs to: its SOP's, or for a role page the role's (if any)."""
    agencies = site.registries.agencies
    if ref.slug is not None:
        return agencies.get(site.sops[ref.slug].agency)
    if ref.role is not None:
        agency_id = site.registries.roles[ref.role].agency
        return agencies.get(agency_id) if agency_id else None
    return None


def render_page(ref: PageRef, context: PageContext) -> Markup:
    """Every page of a draft or retired SOP (document, worksheet, swimlane, checklists) says so."""
    body = VIEWS[ref.kind].render(ref, context)
    if ref.slug is not None and ref.slug in context.site.sops:
        banner = status_banner(context.site.sops[ref.slug], context.site.titles, context.links)
        if ref.kind is PageKind.DOCUMENT:  # past its review date, or suspect: said where the SOP is read
            banner += review_note(context.site.reviews.get(ref.slug))
        body = banner + body if banner else body
    return body
