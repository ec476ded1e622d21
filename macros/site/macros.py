"""Macros for mkdocs-macros. What a macro returns is HTML built by the renderers."""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ..codes import CATALOGUE
from ..render.html import table, table_row
from ..render.index_table import render_index, render_units
from ..render.links import Links
from ..render.checklist import render_checklist
from ..render.role_page import render_role_index, render_role_page
from ..render.sop_page import PageOptions, render_sop_page
from ..render.swimlane_page import render_swimlane_page
from ..render.worksheet import render_worksheet
from .data import SiteData


def _plugin(env):
    plugin = env.conf["plugins"].get("sop")
    if plugin is None or plugin.site is None:
        raise RuntimeError("plugin 'sop' belum dipasang di mkdocs.yml (bagian plugins, sebelum macros)")
    return plugin


def define_env(env) -> None:
    def deferred(render):
        """A macro whose HTML bypasses Markdown (see SopPlugin.defer)."""

        def macro(*args) -> Markup:
            return _plugin(env).defer(render(*args))

        macro.__name__ = render.__name__
        macro.__doc__ = render.__doc__
        return env.macro(macro)

    def links() -> Links:
        return Links(lambda path: get_relative_url(path, env.page.url))

    def site() -> SiteData:
        return _plugin(env).site

    @deferred
    def daftar_sop() -> Markup:
        """Daftar SOP: the table of every SOP on the site."""
        return render_index(list(site().sops.items()), site().registries, links())

    @deferred
    def daftar_unit() -> Markup:
        """Dokumen SOP per Unit: every agency with its SOPs."""
        return render_units(list(site().sops.items()), site().registries, links())

    @deferred
    def halaman_sop(slug: str) -> Markup:
        """The official SOP document: identity block and procedure table."""
        config = _plugin(env).config
        options = PageOptions(config.paper, config.print_steps_per_page)
        return render_sop_page(slug, site().sops[slug], site().registries, site().titles, links(), options)

    @deferred
    def lembar_kerja(slug: str) -> Markup:
        """Lembar Kerja Identifikasi Kegiatan of one SOP."""
        return render_worksheet(slug, site().sops[slug], site().registries, links())

    @deferred
    def swimlane(slug: str) -> Markup:
        """The swimlane diagram of one SOP, drawn by Graphviz."""
        svg = _plugin(env).swimlanes[slug]
        return render_swimlane_page(slug, site().sops[slug], svg, site().registries, links())

    @deferred
    def checklist(slug: str, role: str) -> Markup:
        """The printable checklist of one role in one SOP."""
        return render_checklist(slug, site().sops[slug], role, site().registries, links())

    @deferred
    def halaman_pelaksana(role: str) -> Markup:
        """Every duty of one role across all SOPs."""
        return render_role_page(role, site().sops, site().registries, links())

    @deferred
    def daftar_pelaksana() -> Markup:
        """The index of all roles."""
        return render_role_index(site().sops, site().registries, links())

    @deferred
    def daftar_kode() -> Markup:
        """The table of check codes."""
        rows = [
            table_row([Markup("<code>{}</code>").format(c.code), c.severity.value, c.summary]) for c in CATALOGUE.values()
        ]
        return table("sop-kode", rows, ["Kode", "Tingkat", "Arti"])
