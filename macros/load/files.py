"""Reading a source file: only regular files inside the source root, of a sane size.

A FIFO would block the reader for ever, a link to /dev/zero would fill memory, and a link
to a file outside the sources would publish something nobody reviewed; each is one finding.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .. import codes
from ..findings import Finding, Location
from .yaml_tree import ParsedYaml, parse_bytes

MAX_SOURCE_BYTES = 2 * 1024 * 1024  # the largest real registry is a few hundred KB


def _refused(display: str, reason: str) -> tuple[None, list[Finding]]:
    return None, [codes.UNREADABLE_SOURCE.at(Location(display), reason)]


def read_source(path: Path, display: str, root: Path | None = None) -> tuple[bytes | None, list[Finding]]:
    """The bytes of `path`, or None with the finding that says why it was not read."""
    try:
        if root is not None:  # the file, or a folder on its way, may be a link
            target = path.resolve()
            if not target.is_relative_to(root.resolve()):
                return _refused(display, f"tautan simbolik ke luar folder sumber ({target}); salin berkasnya ke dalam folder sumber")
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return _refused(display, "bukan berkas biasa (mis. pipa, perangkat atau folder); hanya berkas teks yang dibaca")
        if info.st_size > MAX_SOURCE_BYTES:
            return _refused(display, f"berkas terlalu besar ({info.st_size} bait; paling besar {MAX_SOURCE_BYTES} bait)")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return None, [codes.YAML_SYNTAX.at(Location(display), f"berkas tidak dapat dibaca ({reason})")]
    if len(raw) > MAX_SOURCE_BYTES:  # grew while being read
        return _refused(display, f"berkas terlalu besar (lebih dari {MAX_SOURCE_BYTES} bait)")
    return raw, []



def read_yaml(path: Path, display: str, root: Path | None = None) -> tuple[ParsedYaml | None, list[Finding]]:
    """The file's YAML tree with its locator and findings; or None, when the file was not read, with
    the finding that says why. The one place the sources are read from disk."""
    raw, findings = read_source(path, display, root)
    if raw is None:
        return None, findings
    parsed = parse_bytes(raw, display)
    return parsed, list(parsed.findings)
