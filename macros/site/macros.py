"""Macros for the hand-written pages in docs/. What a macro returns is HTML built by the
renderers and is never evaluated again; a macro naming an SOP or a role that is not published
gives one located error line (and fails `mkdocs build`), never a traceback."""

from __future__ import annotations

from markupsafe import Markup

from ..render.codes import render_code_table
from ..render.findings_panel import unpublished_notice
from ..render.index_table import render_index
from ..urls import PageKind, PageRef


def _plugin(env):
    plugin = env.conf["plugins"].get("sop")
    if plugin is None or plugin.site is None:
        raise RuntimeError("plugin 'sop' belum dipasang di mkdocs.yml (bagian plugins)")
    return plugin


def define_env(env) -> None:
    def view(kind: PageKind, name: str, doc: str, *params: str):
        """A macro that places a generated view (the same HTML as its own page) on this page."""

        def macro(*args) -> Markup:
            if len(args) != len(params):
                expected = ", ".join(params) or "tanpa argumen"
                return _plugin(env).bad_macro_call(env.page, name, f"perlu {len(params)} argumen ({expected})")
            values = dict(zip(params, (str(a) for a in args)))
            ref = PageRef(kind, values.get("slug"), values.get("role"))
            return _plugin(env).macro_page(ref, env.page, name)

        macro.__name__ = name
        macro.__doc__ = doc
        env.macro(macro)

    view(PageKind.AGENCY_INDEX, "daftar_instansi", "Dokumen SOP per Instansi: every agency with its SOPs.")
    view(PageKind.DOCUMENT, "halaman_sop", "The official SOP document: identity block and procedure table.", "slug")
    view(PageKind.WORKSHEET, "lembar_kerja", "Lembar Kerja Identifikasi Kegiatan of one SOP.", "slug")
    view(PageKind.SWIMLANE, "swimlane", "The swimlane diagram of one SOP, drawn by Graphviz.", "slug")
    view(PageKind.MONITORING, "monitoring", "The Monitoring Pelaksanaan SOP AP form of one SOP, with its recorded results.", "slug")
    view(PageKind.EVALUATION, "evaluasi", "The Evaluasi Penerapan SOP AP form of one SOP, with its recorded results.", "slug")
    view(PageKind.CHECKLIST, "checklist", "The printable checklist of one role in one SOP.", "slug", "role")
    view(PageKind.ROLE, "halaman_pelaksana", "Every duty of one role across all SOPs.", "role")
    view(PageKind.ROLE_INDEX, "daftar_pelaksana", "The index of all roles.")

    @env.macro
    def daftar_sop() -> Markup:
        """Daftar SOP: the table of every SOP on the site."""
        plugin = _plugin(env)
        links = plugin.links_for(env.page)
        broken_pages = {slug: links.sop(slug) for slug in plugin.broken_pages}  # serve: why each is off the site
        notice = unpublished_notice(plugin.unpublished, plugin.total_sops, broken_pages)
        return plugin.defer(notice + render_index(list(plugin.site.sops.items()), plugin.site.registries, links, plugin.site.reviews))

    @env.macro
    def daftar_kode() -> Markup:
        """The table of check codes (the package's own Kode Pemeriksaan page shows the same table)."""
        return _plugin(env).defer(render_code_table())
