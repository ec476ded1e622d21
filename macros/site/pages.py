"""Every generated page, rendered from the validated model: one function per page kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from ..render.checklist import render_checklist
from ..render.index_table import render_units
from ..render.links import Links
from ..render.role_page import render_role_index, render_role_page
from ..render.sop_page import PageOptions, render_sop_page
from ..render.status import status_banner
from ..render.swimlane_page import render_swimlane_page
from ..render.worksheet import render_worksheet
from ..urls import PageKind, PageRef
from .data import SiteData


@dataclass(frozen=True)
class PageContext:
    site: SiteData
    swimlanes: dict[str, str]  # slug -> inline SVG
    options: PageOptions
    links: Links


def _document(ref: PageRef, c: PageContext) -> Markup:
    return render_sop_page(ref.slug, c.site.sops[ref.slug], c.site.registries, c.site.titles, c.links, c.options)


def _worksheet(ref: PageRef, c: PageContext) -> Markup:
    return render_worksheet(ref.slug, c.site.sops[ref.slug], c.site.registries, c.links)


def _swimlane(ref: PageRef, c: PageContext) -> Markup:
    return render_swimlane_page(ref.slug, c.site.sops[ref.slug], c.swimlanes[ref.slug], c.site.registries, c.links)


def _checklist(ref: PageRef, c: PageContext) -> Markup:
    return render_checklist(ref.slug, c.site.sops[ref.slug], ref.role, c.site.registries, c.links)


def _role(ref: PageRef, c: PageContext) -> Markup:
    return render_role_page(ref.role, c.site.sops, c.site.registries, c.links)


def _role_index(ref: PageRef, c: PageContext) -> Markup:
    return render_role_index(c.site.sops, c.site.registries, c.links)


def _units(ref: PageRef, c: PageContext) -> Markup:
    return render_units(list(c.site.sops.items()), c.site.registries, c.links)


RENDERERS: dict[PageKind, Callable[[PageRef, PageContext], Markup]] = {
    PageKind.DOCUMENT: _document,
    PageKind.WORKSHEET: _worksheet,
    PageKind.SWIMLANE: _swimlane,
    PageKind.CHECKLIST: _checklist,
    PageKind.ROLE: _role,
    PageKind.ROLE_INDEX: _role_index,
    PageKind.AGENCY_INDEX: _units,
}


def render_page(ref: PageRef, context: PageContext) -> Markup:
    """Every page of a draft or retired SOP (document, worksheet, swimlane, checklists) says so."""
    body = RENDERERS[ref.kind](ref, context)
    if ref.slug is not None and ref.slug in context.site.sops:
        banner = status_banner(context.site.sops[ref.slug], context.site.titles, context.links)
        body = banner + body if banner else body
    return body
