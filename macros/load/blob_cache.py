"""What the history learned of each version, kept between builds.

Loading the old versions of every SOP (YAML with positions, then the model) and comparing them is
most of what history costs; a version's blob id names its bytes for good, so what was made of it
is kept under the build's cache folder and read back instead. An entry is keyed by what it was
made from and by the code that made it (`code_version`): a new version of this package, of Python
or of pydantic starts a new cache. Entries a build did not use are removed at its end, as the
swimlane and PDF caches do. A cache that cannot be read or written only costs the time.
"""

from __future__ import annotations

import hashlib
import os
import platform
import tempfile
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # macros/


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code a cached value depends on: the model and loader's sources, Python's
    and pydantic's versions."""
    import pydantic

    digest = hashlib.sha256(f"{platform.python_version()} {pydantic.VERSION}".encode())
    for folder in ("load", "model"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class BlobCache:
    """Bytes by key, one file each under `folder`."""

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.folder = Path(folder) / (version or code_version())
        self.hits = 0
        self._used: set[str] = set()

    def _name(self, key: str) -> str:
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()

    def get(self, key: str) -> bytes | None:
        name = self._name(key)
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        self._used.add(name)
        self.hits += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        name = self._name(key)
        self._used.add(name)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False, prefix=".tulis-") as handle:
                handle.write(data)
            os.replace(handle.name, self.folder / name)
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the entries this run did not use, and the caches of other code versions."""
        try:
            for path in self.folder.parent.iterdir():
                if path.is_dir() and path != self.folder:
                    _remove_tree(path)
            for path in self.folder.iterdir():
                if path.name not in self._used:
                    path.unlink()
        except OSError:
            pass


def _remove_tree(folder: Path) -> None:
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
