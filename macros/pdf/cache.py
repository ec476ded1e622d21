"""Printed PDFs kept between builds, each under the hash of everything that decides its bytes.

A rebuild with nothing changed prints nothing; an edited SOP changes the keys of its own prints
and of the files it is part of (its PDF, its agency's book), and only those are made again.
An entry is used only if it is a regular file, not too large, and looks like a whole PDF (a
header and a trailer); anything else is made again and overwritten. Entries a build did not use
are removed at its end, so the folder holds one build's worth.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

MAX_ENTRY_BYTES = 512 * 1024 * 1024
SUFFIX = ".pdf"


def key_of(*parts: str | bytes) -> str:
    """A key from parts, each length-prefixed so that no two lists of parts share one."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class PdfCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> bytes | None:
        self.used.add(key)
        path = self._path(key)
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                raise OSError
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        if not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self._path(key))
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Remove the entries (and stray temporary files) this build did not use."""
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for path in entries:
            name = path.name
            if name.endswith(".tmp") or (name.endswith(SUFFIX) and name[: -len(SUFFIX)] not in self.used):
                try:
                    path.unlink()
                except OSError:
                    pass
