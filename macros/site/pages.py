"""Every generated page: the views of the site, one registration each.

A view is a renderer (a pure function of the validated model) with what the page it makes needs:
which pages there are of it (one for the site, one per SOP, per role in an SOP, per role), its
titles, and its front matter (the wide pages hide the navigation; only some are searchable). The
plugin asks here which pages to make and how; the addresses come from `macros/urls.py`.

Everything that lists views is derived from VIEWS: the pages of a build and their order in the
navigation (page_refs, view_order), the links from an SOP's page to its other views (view_links),
the macros of the hand-written pages (site/macros.py), what an SOP's PDF prints (printed_views, read
by pdf/make.py), and the tests that count pages.

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
from ..render.sop_page import PageOptions, ViewLink, render_sop_page
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

    @property
    def params(self) -> tuple[str, ...]:
        """What names one of its pages (a macro's arguments): the SOP's slug, the role's id."""
        return {Scope.SOP: ("slug",), Scope.SOP_ROLE: ("slug", "role"), Scope.ROLE: ("role",)}.get(self, ())


Titles = Callable[[PageRef, SiteData], tuple[str, str]]  # (in the navigation, of the page)


@dataclass(frozen=True)
class View:
    render: Callable[[PageRef, PageContext], Markup]
    scope: Scope
    titles: Titles
    wide: bool = False  # a wide table or drawing: the navigation is hidden to give it the room
    searchable: bool = False  # one entry per SOP and per role keeps the index small; views repeat the document
    label: str | None = None  # a view of an SOP linked from the SOP's page by this name (in the PDF's outline too)
    printed: bool = False  # in the SOP's PDF and its agency's book, in the order of VIEWS
    macro: str | None = None  # the mkdocs-macros name that places the view on a hand-written page
    about: str = ""  # what the view is, in one line (the macro's documentation)


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


def _of_sop(nav_title: str, heading: str | None = None) -> Titles:
    """A view of one SOP: its name in the navigation (under the SOP's own entry), and the page's title
    with the SOP's ('Lembar Kerja: <judul>')."""
    return lambda ref, site: (nav_title, f"{heading or nav_title}: {_sop_title(ref, site)}")


VIEWS: dict[PageKind, View] = {
    PageKind.AGENCY_INDEX: View(
        lambda ref, c: render_agency_index(list(c.site.sops.items()), c.site.registries, c.links),
        Scope.SOPS,
        lambda ref, site: ("Dokumen SOP per Instansi", "Dokumen SOP per Instansi"),
        searchable=True,
        macro="daftar_instansi",
        about="Dokumen SOP per Instansi: every agency with its SOPs.",
    ),
    PageKind.DOCUMENT: View(
        lambda ref, c: render_sop_page(
            ref.slug, c.site.sops[ref.slug], c.site.registries, c.site.titles, c.links, c.options, c.site.revisions.get(ref.slug),
            c.site.monev_of(ref.slug), view_links(ref.slug, c),
        ),
        Scope.SOP,
        lambda ref, site: (_sop_title(ref, site), _sop_title(ref, site)),
        wide=True,
        searchable=True,
        printed=True,  # first in its PDF, outlined by its parts (identity, procedure, revisions)
        macro="halaman_sop",
        about="The official SOP document: identity block and procedure table.",
    ),
    PageKind.WORKSHEET: View(
        lambda ref, c: render_worksheet(ref.slug, c.site.sops[ref.slug], c.site.registries, c.links, c.options.paper),
        Scope.SOP,
        _of_sop("Lembar Kerja"),
        label="Lembar Kerja Identifikasi Kegiatan",
        printed=True,
        macro="lembar_kerja",
        about="Lembar Kerja Identifikasi Kegiatan of one SOP.",
    ),
    PageKind.SWIMLANE: View(
        lambda ref, c: render_swimlane_page(
            ref.slug, c.site.sops[ref.slug], c.swimlanes[ref.slug], c.site.registries, c.links, c.options.paper
        ),
        Scope.SOP,
        _of_sop("Swimlane"),
        wide=True,
        label="Diagram Swimlane",
        macro="swimlane",
        about="The swimlane diagram of one SOP, drawn by Graphviz.",
    ),
    PageKind.HISTORY: View(
        lambda ref, c: render_history(ref.slug, c.site.sops[ref.slug], c.site.history, c.site.registries, c.links,
                                     c.options.paper),
        Scope.SOP,
        _of_sop("Riwayat Perubahan"),
        label="Riwayat Perubahan",
        about="Every version of one SOP in git, and what each changed.",
    ),
    PageKind.MONITORING: View(
        lambda ref, c: render_monitoring_form(
            ref.slug, c.site.sops[ref.slug], c.site.registries, c.links, c.site.monev_of(ref.slug), c.options.paper
        ),
        Scope.SOP,
        _of_sop("Monitoring", MONITORING_TITLE),
        label="Monitoring",
        macro="monitoring",
        about="The Monitoring Pelaksanaan SOP AP form of one SOP, with its recorded results.",
    ),
    PageKind.EVALUATION: View(
        lambda ref, c: render_evaluation_form(
            ref.slug, c.site.sops[ref.slug], c.site.registries, c.links, c.site.monev_of(ref.slug), c.options.paper
        ),
        Scope.SOP,
        _of_sop("Evaluasi", EVALUATION_TITLE),
        label="Evaluasi",
        macro="evaluasi",
        about="The Evaluasi Penerapan SOP AP form of one SOP, with its recorded results.",
    ),
    PageKind.CHECKLIST: View(
        lambda ref, c: render_checklist(ref.slug, c.site.sops[ref.slug], ref.role, c.site.registries, c.links, c.options.paper),
        Scope.SOP_ROLE,
        lambda ref, site: (_short_name(ref, site), f"Checklist {_short_name(ref, site)}: {_sop_title(ref, site)}"),
        label="Checklist",
        macro="checklist",
        about="The printable checklist of one role in one SOP.",
    ),
    PageKind.AUDIT: View(
        lambda ref, c: render_audit(c.audit, c.links),
        Scope.SOPS,
        lambda ref, site: ("Audit", "Audit SOP"),
        wide=True,
        about="The inspector's view of every SOP, with its downloads.",
    ),
    PageKind.ROLE_INDEX: View(
        lambda ref, c: render_role_index(c.site.sops, c.site.registries, c.links),
        Scope.ROLES,
        lambda ref, site: ("Daftar Pelaksana", "Daftar Pelaksana"),
        searchable=True,
        macro="daftar_pelaksana",
        about="The index of all roles.",
    ),
    PageKind.ROLE: View(
        lambda ref, c: render_role_page(ref.role, c.site.sops, c.site.registries, c.links),
        Scope.ROLE,
        lambda ref, site: (_role_name(ref, site), _role_name(ref, site)),
        searchable=True,
        macro="halaman_pelaksana",
        about="Every duty of one role across all SOPs.",
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


def view_links(slug: str, context: PageContext) -> list[ViewLink]:
    """The links from an SOP's page to its other views: every view with a label, in the order of VIEWS
    (a view with a page per role: one link per role of the SOP, by the role's short name)."""
    roles = context.site.registries.roles
    found: list[ViewLink] = []
    for kind, view in VIEWS.items():
        if view.label is None:
            continue
        if view.scope is Scope.SOP_ROLE:
            pages = tuple((roles[role].short_name, context.links.page(PageRef(kind, slug, role)))
                          for role in context.site.sops[slug].roles)
            found.append(ViewLink(view.label, per_role=pages))
        else:
            found.append(ViewLink(view.label, context.links.page(PageRef(kind, slug))))
    return found


def printed_views() -> list[tuple[PageKind, str | None]]:
    """The views an SOP's PDF prints, in order, each with its title in the PDF's outline (the document's
    is None: it is outlined by its parts)."""
    return [(kind, view.label) for kind, view in VIEWS.items() if view.printed]


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
