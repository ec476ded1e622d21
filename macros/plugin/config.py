from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SopConfig(base.Config):
    sources = c.Type(str, default="sop")
    """Folder holding the SOP sources and their registries, relative to mkdocs.yml."""
