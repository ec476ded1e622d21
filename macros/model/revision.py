"""Which version of a source a page was made from (read by load/revisions.py), for the renderers."""

from __future__ import annotations

from ..load.revisions import Revision

__all__ = ["Revision"]
