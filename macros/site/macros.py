"""Macros for mkdocs-macros. What a macro returns is HTML built by the renderers."""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ..codes import CATALOGUE
from ..render.html import table, table_row
from ..render.index_table import render_index
from ..render.sop_page import render_sop_page
from .data import SiteData


def _site(env) -> SiteData:
    plugin = env.conf["plugins"].get("sop")
    if plugin is None or plugin.site is None:
        raise RuntimeError("plugin 'sop' belum dipasang di mkdocs.yml (bagian plugins, sebelum macros)")
    return plugin.site


def define_env(env) -> None:
    def link(slug: str) -> str:
        return get_relative_url(f"sop/{slug}/", env.page.url)

    @env.macro
    def daftar_sop() -> Markup:
        """Daftar SOP: the table of every SOP on the site."""
        site = _site(env)
        return render_index(list(site.sops.items()), site.registries, link)

    @env.macro
    def halaman_sop(slug: str) -> Markup:
        """The page of one SOP."""
        site = _site(env)
        return render_sop_page(site.sops[slug], site.registries, site.titles, link)

    @env.macro
    def daftar_kode() -> Markup:
        """The table of check codes."""
        rows = [
            table_row([Markup("<code>{}</code>").format(c.code), c.severity.value, c.summary]) for c in CATALOGUE.values()
        ]
        return table("sop-kode", rows, ["Kode", "Tingkat", "Arti"])
