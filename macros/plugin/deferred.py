"""Rendered blocks kept out of Markdown's way: Markdown sees a placeholder, and the block is put
back after conversion (Python-Markdown re-parses raw HTML, slowly)."""

from __future__ import annotations

import itertools
import re
import secrets

from markupsafe import Markup

# A line break after block-level closing tags: invisible in layout, but a word boundary for
# the search indexer, which otherwise glues adjacent cells ("Nomor SOP205/050/...").
BLOCK_END = re.compile(r"(</(?:td|th|tr|div|li|p|h[1-6]|caption)>)(?=<)")


class Deferred:
    """Made per build. Placeholder keys: a fresh random nonce per build (no page can know it in
    advance) and a counter that never goes back, so two pending blocks can never share a key."""

    def __init__(self) -> None:
        self._nonce = secrets.token_hex(16)
        self._keys = itertools.count()
        self._blocks: dict[str, Markup] = {}
        self._placeholder = re.compile(rf'<div class="sop-isi" data-sop-isi="({self._nonce}-\d+)"></div>')

    def defer(self, html: Markup) -> Markup:
        key = f"{self._nonce}-{next(self._keys)}"
        self._blocks[key] = Markup(BLOCK_END.sub("\\1\n", str(html)))
        return Markup('<div class="sop-isi" data-sop-isi="{}"></div>').format(key)

    def restore(self, html: str) -> str:
        """`html` with each placeholder of this build replaced by its block (each block once)."""
        return self._placeholder.sub(
            lambda m: str(self._blocks.pop(m.group(1))) if m.group(1) in self._blocks else m.group(0), html
        )
