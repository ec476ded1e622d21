"""Macros for the hand-written pages in docs/. What a macro returns is HTML built by the
renderers and is never evaluated again; a macro naming an SOP or a role that is not published
gives one located error line (and fails `mkdocs build`), never a traceback.

The macros are made for one build (`page_macros`), from its result: the plugin registers them with
mkdocs-macros (plugin/plugin.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .. import codes
from ..findings import Finding, Location
from ..render.codes import render_code_table
from ..render.findings_panel import unpublished_notice
from ..render.index_table import render_index
from ..render.links import Links
from ..urls import PageKind, PageRef
from .pages import VIEWS
from .build import SiteBuild


@dataclass(frozen=True)
class MacroPage:
    """The hand-written page a macro is placed on."""

    uri: str  # its address in docs/
    links: Links  # relative to it
    where: Callable[[str], Location]  # where a macro's call stands in its source, by the macro's name


@dataclass(frozen=True)
class MacroContext:
    build: SiteBuild
    page: Callable[[], MacroPage]  # the page being rendered
    defer: Callable[[Markup], Markup]  # keeps a rendered block out of Markdown's way
    fail: Callable[[Finding, str], Markup]  # reports a located error; the notice put in the page


def page_macros(context: MacroContext) -> dict[str, Callable[..., Markup]]:
    """Name -> macro, for mkdocs-macros."""
    macros: dict[str, Callable[..., Markup]] = {}
    build = context.build

    def bad_call(page: MacroPage, macro: str, problem: str) -> Markup:
        finding = codes.BAD_MACRO_CALL.at(page.where(macro), f"makro {macro}: {problem}")
        return context.fail(finding, f"Isi makro {macro}")

    def place(ref: PageRef, page: MacroPage, macro: str) -> Markup:
        """A generated view placed on a hand-written page by a macro, checked first."""
        problem = build.unknown_in(ref)
        if problem is not None:
            return bad_call(page, macro, problem)
        rendered = build.render(ref, page.links, page.uri)
        if rendered.failure is not None:
            context.fail(rendered.failure, "Halaman ini")
        return context.defer(rendered.html)

    def view(kind: PageKind, name: str, doc: str, *params: str):
        """A macro that places a generated view (the same HTML as its own page) on this page."""

        def macro(*args) -> Markup:
            page = context.page()
            if len(args) != len(params):
                expected = ", ".join(params) or "tanpa argumen"
                return bad_call(page, name, f"perlu {len(params)} argumen ({expected})")
            values = dict(zip(params, (str(a) for a in args)))
            ref = PageRef(kind, values.get("slug"), values.get("role"))
            return place(ref, page, name)

        macro.__name__ = name
        macro.__doc__ = doc
        macros[name] = macro

    for kind, registered in VIEWS.items():
        if registered.macro is not None:
            view(kind, registered.macro, registered.about, *registered.scope.params)

    def daftar_sop() -> Markup:
        """Daftar SOP: the table of every SOP on the site."""
        links = context.page().links
        broken_pages = {slug: links.sop(slug) for slug in sorted(build.broken)}  # serve: why each is off the site
        notice = unpublished_notice(build.unpublished, build.total_sops, broken_pages)
        site = build.site
        return context.defer(notice + render_index(list(site.sops.items()), site.registries, links, site.reviews))

    def daftar_kode() -> Markup:
        """The table of check codes (the package's own Kode Pemeriksaan page shows the same table)."""
        return context.defer(render_code_table())

    macros["daftar_sop"] = daftar_sop
    macros["daftar_kode"] = daftar_kode
    return macros
