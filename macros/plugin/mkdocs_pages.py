"""What the plugin reads of mkdocs' own objects: the theme's template folders, mkdocs-macros'
options, and a page (its address for relative links, its source for a macro's location)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..findings import Location
from ..load.discover import display_path
from ..render.links import Links
from ..site.macros import MacroPage

TEMPLATES = Path(__file__).parent / "templates"  # partials put before the theme's own


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
