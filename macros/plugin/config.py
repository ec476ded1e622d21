from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig

from ..load.clock import BadDay, parse_day
from ..pdf import FORCE_PDF, chromium_path
from ..render.sop_page import PageOptions
from ..site.build import BuildOptions


class SourcesDir(c.Dir):
    """The folder of SOP sources: resolved against the folder of mkdocs.yml, and refused with
    one Indonesian line when it is not there (the plain `Dir` message is English)."""

    def __init__(self, default: str) -> None:
        super().__init__(exists=True, default=default)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"folder sumber SOP harus ditulis sebagai path, bukan {type(value).__name__}")
        try:
            return super().run_validation(value)
        except ValidationError:
            written = str(value)
            where = os.path.abspath(os.path.join(self.config_dir or "", written))
            shown = written if where == written else f"{written} (dicari di {where})"
            raise ValidationError(f"folder sumber SOP tidak ditemukan: {shown}") from None


class FixedDay(c.BaseConfigOption):
    """A day written TTTT-BB-HH (YAML may already have read it as a date); empty: none."""

    def run_validation(self, value: object):
        if value is None or value == "":
            return None
        try:
            return parse_day(value, "opsi tanggal").isoformat()
        except BadDay as exc:
            raise ValidationError(str(exc)) from None


class SopConfig(base.Config):
    sources = SourcesDir(default="sop")
    """Folder holding the SOP sources and their registries, relative to mkdocs.yml."""

    paper = c.Choice(("A4", "F4"), default="A4")
    """Paper of every printed page: A4 (297 x 210 mm) or F4/folio (330 x 215 mm), turned as its page kind
    is read (render/paper.py): the SOP document and the swimlane across, the other forms upright."""

    print_steps_per_page = c.Type(int, default=0)
    """Steps per printed page of the procedure table; 0 estimates it from the text lengths."""

    cache_dir = c.Type(str, default=".cache/sop")
    """Where rendered swimlane SVGs and printed PDFs are kept between builds, keyed by the hash of
    what they are made from."""

    pdf = c.Type(bool, default=False)
    """Make the PDFs with `mkdocs build`: `pdf/<slug>.pdf` per SOP and `pdf/buku-sop-<agency>.pdf`
    per agency, printed by headless Chromium. Pages link them only when they are made."""

    pdf_serve = c.Type(bool, default=False)
    """Also make the PDFs under `mkdocs serve` (each rebuild prints what changed)."""

    pdf_tabs = c.Type(int, default=2)
    """Pages Chromium prints at once (one per processor core is about right)."""

    search = c.Type(bool, default=True)
    """The header's search box, over a Pagefind index of the published SOPs written to `pagefind/`
    (fetched in small pieces when the box is used, nothing at page load). Material's own `search`
    plugin is then not needed: its header box gives way to this one."""

    tanggal = FixedDay()
    """"Today" for the review rules (TTTT-BB-HH): two builds on different days give the same site.
    Empty: the user's SOURCE_DATE_EPOCH when set, else the build's own day."""


def printed_site_url(site_url: str | None, dev_addr, serving: bool) -> str | None:
    """The address the printed QR code points to: mkdocs' `site_url`, but never the address
    `mkdocs serve` puts there (its own server, even when the site sets another): no paper may point
    to a preview on the author's machine."""
    if not site_url or serving:
        return None
    parts = urlsplit(site_url)
    if dev_addr is not None and parts.hostname == dev_addr.host and parts.port == dev_addr.port:
        return None
    return site_url


def build_options(options: SopConfig, config: MkDocsConfig, pdfs: bool, serving: bool) -> BuildOptions:
    """What the build pipeline is asked for, from the plugin's options and mkdocs' config."""
    base_dir = Path(config.config_file_path or ".").parent
    site_url = printed_site_url(config.site_url, config.dev_addr, serving)
    return BuildOptions(
        sources=Path(options.sources), docs_dir=Path(config.docs_dir), cache_dir=base_dir / options.cache_dir,
        page=PageOptions(options.paper, options.print_steps_per_page, site_url), search=options.search, pdfs=pdfs,
        broken_pages=serving,
    )


def wants_pdf(options: SopConfig, serving: bool) -> bool:
    """`pdf` on (or `sop pdf`), and not under `mkdocs serve` unless `pdf_serve` asks. Chromium is
    looked for now (PrintFailed), so that a machine without it learns so before the build, not after."""
    wanted = options.pdf or os.environ.get(FORCE_PDF) == "1"
    if not wanted or (serving and not options.pdf_serve):
        return False
    chromium_path()
    return True
