"""DOT to SVG through Graphviz, cached by the hash of the DOT text.

A rebuild with unchanged sources finds every diagram in the cache and runs `dot` zero times;
an edited SOP changes only its own DOT text, so only its diagram is drawn again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path

import graphviz

log = logging.getLogger("mkdocs.plugins.sop")

MISSING_DOT = (
    "program 'dot' dari Graphviz tidak ditemukan; pasang dengan 'apt-get install graphviz' "
    "(atau jalankan 'bash .ci/install'), lalu bangun ulang"
)


class DotMissing(Exception):
    pass


def inline_svg(svg: str) -> str:
    """Graphviz's SVG without the XML prolog, doctype and comments, ready to sit inside HTML."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    return re.sub(r"<!--.*?-->\n?", "", body, flags=re.S).strip() + "\n"


class SvgCache:
    def __init__(self, directory: Path):
        self.directory = directory
        self.drawn = 0  # diagrams drawn by `dot` in this build
        self.reused = 0

    def svg(self, dot: str) -> str:
        key = hashlib.sha256(dot.encode("utf-8")).hexdigest()
        path = self.directory / f"{key}.svg"
        try:
            text = path.read_text(encoding="utf-8")
            self.reused += 1
            return text
        except OSError:
            pass
        try:
            text = inline_svg(graphviz.pipe_string("dot", "svg", dot, encoding="utf-8"))
        except graphviz.ExecutableNotFound as exc:
            raise DotMissing(MISSING_DOT) from exc
        self.drawn += 1
        self._store(path, text)
        return text

    def _store(self, path: Path, text: str) -> None:
        """Write atomically; a cache that cannot be written only costs time."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.directory, delete=False, suffix=".tmp") as tmp:
                tmp.write(text)
            os.replace(tmp.name, path)
        except OSError as exc:
            log.info(f"cache swimlane tidak dapat ditulis di {self.directory}: {exc}")
