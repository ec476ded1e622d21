"""What the plugin reads of mkdocs' own objects: the theme's template folders, mkdocs-macros'
options, and a page (its address for relative links, its source for a macro's location)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..findings import Finding, Location
from ..load.discover import display_path
from ..render.links import Links
from ..site.build import Matter, SiteBuild
from ..site.macros import MacroContext, MacroPage, page_macros

TEMPLATES = Path(__file__).parent / "templates"  # partials put before the theme's own


def refuse_hand_written_nav(config: MkDocsConfig) -> None:
    """The navigation is made from docs/ and the sources: a hand-written one would leave every SOP
    out of it without a word."""
    if config.nav is not None:
        raise PluginError("mkdocs.yml: bagian 'nav' tidak dipakai bersama plugin sop, yang membuat navigasi dari halaman "
                          "di docs/ dan dari sumber SOP; hapus bagian 'nav'")


def prepare_theme(config: MkDocsConfig, serving: bool) -> None:
    add_templates(config)
    if serving:
        keep_macros_from_exiting(config)


def add_footer(config: MkDocsConfig, built_from: str) -> None:
    """Every page's footer says what it was built from (Material shows `copyright` there)."""
    config.copyright = f"{config.copyright} · {built_from}" if config.copyright else built_from


def set_meta(page: Page, matter: Matter) -> None:
    """Before the page is converted: what the theme hides, and whether the search indexes it."""
    page.meta["hide"] = list(matter.hide)
    if not matter.searchable:
        page.meta["search"] = {"exclude": True}
    page.meta["render_macros"] = False  # made from data: nothing here is a template


def set_titles(page: Page, matter: Matter) -> None:
    """Set after mkdocs-macros, which renders titles as Jinja; Material prints them as HTML."""
    page.title, page.meta["title"] = matter.nav_title, matter.title
    if matter.agency is not None:
        page.meta["sop_instansi"] = matter.agency


def add_templates(config: MkDocsConfig) -> None:
    """Our header partial (it names the agency of the SOP being read) comes before the
    theme's, after a `custom_dir` the site may set (a site's own override wins)."""
    dirs = config.theme.dirs
    if str(TEMPLATES) in dirs:
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))


def keep_macros_from_exiting(config: MkDocsConfig) -> None:
    """mkdocs-macros calls exit() on a render error when `on_error_fail` is set, which
    ends `mkdocs serve`'s rebuild loop for good; while serving it reports on the page."""
    macros = config.plugins.get("macros")
    if macros is not None and macros.config.get("on_error_fail"):
        macros.config["on_error_fail"] = False


def links_for(page: Page, pdfs: bool) -> Links:
    """URLs relative to `page`; the PDFs only when this build makes them."""
    return Links(lambda path: get_relative_url(path, page.url), pdfs=pdfs)


def macro_page(page: Page, pdfs: bool) -> MacroPage:
    return MacroPage(page.file.src_uri, links_for(page, pdfs), lambda macro: _macro_location(page, macro))


def _macro_location(page: Page, macro: str) -> Location:
    path = display_path(Path(page.file.abs_src_path)) if page.file.abs_src_path else page.file.src_uri
    try:
        text = page.file.content_string
    except (OSError, ValueError):  # unreadable, or not UTF-8 (mkdocs would have said so already): the page itself
        return Location(path)
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find(f"{macro}(")
        if column >= 0:
            return Location(path, number, column + 1)
    return Location(path)


def register_macros(config: MkDocsConfig, build: SiteBuild, pdfs: bool, defer: Callable[[Markup], Markup],
                    fail: Callable[[Finding, str], Markup]) -> None:
    """Our macros, made for this build, registered with mkdocs-macros (it renders docs/ and names
    the page it is rendering). Called after every plugin's on_config: mkdocs-macros has made its
    environment then, a fresh one each build."""
    macros = config.plugins.get("macros")
    if macros is not None:
        context = MacroContext(build, lambda: macro_page(macros.page, pdfs), defer, fail)
        macros.register_macros(page_macros(context))
