from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SopConfig(base.Config):
    sources = c.Type(str, default="sop")
    """Folder holding the SOP sources and their registries, relative to mkdocs.yml."""

    paper = c.Choice(("A4", "F4"), default="A4")
    """Paper for printing, always landscape: A4 (297 x 210 mm) or F4/folio (330 x 215 mm)."""

    print_steps_per_page = c.Type(int, default=0)
    """Steps per printed page of the procedure table; 0 estimates it from the text lengths."""

    cache_dir = c.Type(str, default=".cache/sop")
    """Where rendered swimlane SVGs are kept between builds, keyed by the hash of their DOT text."""
