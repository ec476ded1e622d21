"""Find the source root, its registries and its SOP files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

REGISTRY_FILES = ("_instansi.yml", "_jabatan.yml", "_dasar-hukum.yml")
SOURCE_SUFFIXES = (".yml", ".yaml")
# Folders at the source root holding records about the SOPs, one file per period (model/monev.py):
# monitoring every six months (`_monitoring/2026-1.yml`), evaluation every year (`_evaluasi/2026.yml`).
# Subfolders (one per agency, say) are allowed; the file name is the period.
RECORD_FOLDERS = ("_monitoring", "_evaluasi")


@dataclass(slots=True)
class SourceSet:
    """What one check or build reads: a root with its registries, and the SOP files to check."""

    root: Path
    sop_files: list[Path] = field(default_factory=list)
    other_underscore_files: list[Path] = field(default_factory=list)
    whole_root: bool = False
    misnamed_files: list[Path] = field(default_factory=list)  # `x.YML`: meant as a source, never read
    linked_out: list[Path] = field(default_factory=list)  # folders that are links out of the root: never read
    record_files: dict[str, list[Path]] = field(default_factory=dict)  # RECORD_FOLDERS entry -> its files

    def registry_path(self, name: str) -> Path:
        return self.root / name

    def has_registry(self, name: str) -> bool:
        """Is the registry there at all (a dangling link counts: reading it says what is wrong)?"""
        path = self.registry_path(name)
        return path.exists() or path.is_symlink()


def display_path(path: Path) -> str:
    """Paths as the user would type them: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def find_root(start: Path) -> Path:
    """The nearest directory, from `start` upwards, that holds a registry; else `start` itself."""
    start = start if start.is_dir() else start.parent
    for candidate in (start, *start.parents):
        if any((candidate / name).is_file() for name in REGISTRY_FILES):
            return candidate
    return start


def _is_source(path: Path) -> bool:
    return path.suffix in SOURCE_SUFFIXES and not path.name.startswith(".")


def is_misnamed(path: Path) -> bool:
    """`surat.YML`: a source by intent, but only lower-case suffixes are read."""
    return path.suffix.lower() in SOURCE_SUFFIXES and path.suffix not in SOURCE_SUFFIXES and not path.name.startswith(".")


def _linked(current: str, dirs: list[str], links: list[Path] | None) -> list[str]:
    """The folders of `dirs` that are not symbolic links; the links go to `links` (never followed:
    one out of the source root would publish what nobody reviewed, SOP-Y003)."""
    kept = []
    for name in dirs:
        path = Path(current) / name
        if path.is_symlink():
            if links is not None:
                links.append(path)
        else:
            kept.append(name)
    return kept


def walk_sources(
    directory: Path, misnamed: list[Path] | None = None, links: list[Path] | None = None
) -> tuple[list[Path], list[Path]]:
    """SOP files and stray `_` files below `directory`, in a stable order; linked folders met go to `links`."""
    sops: list[Path] = []
    stray: list[Path] = []
    for current, dirs, files in os.walk(directory):
        dirs[:] = _linked(current, sorted(d for d in dirs if not d.startswith((".", "_"))), links)
        for name in sorted(files):
            path = Path(current) / name
            if not _is_source(path):
                if misnamed is not None and is_misnamed(path):
                    misnamed.append(path)
                continue
            if name.startswith("_"):
                if not (Path(current) == directory and name in REGISTRY_FILES):
                    stray.append(path)
            else:
                sops.append(path)
    return sops, stray


def walk_records(directory: Path, misnamed: list[Path] | None = None, links: list[Path] | None = None) -> list[Path]:
    """The record files below `directory` (a RECORD_FOLDERS folder or one of its subfolders)."""
    found: list[Path] = []
    for current, dirs, files in os.walk(directory):
        dirs[:] = _linked(current, sorted(d for d in dirs if not d.startswith(".")), links)
        for name in sorted(files):
            path = Path(current) / name
            if _is_source(path):
                found.append(path)
            elif misnamed is not None and is_misnamed(path):
                misnamed.append(path)
    return found


def is_inside(path: Path, root: Path) -> bool:
    """Does `path`, links followed, stand in `root` (links followed)?"""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def record_folder(root: Path, path: Path) -> str | None:
    """The RECORD_FOLDERS entry `path` stands in (itself or below it), if any."""
    try:
        head = path.relative_to(root).parts[:1]
    except ValueError:
        return None
    return head[0] if head and head[0] in RECORD_FOLDERS else None


def _holds_registry(folder: Path) -> bool:
    return any((folder / name).is_file() for name in REGISTRY_FILES)


def _named_link_out(raw: Path) -> tuple[Path, Path] | None:
    """A path named to be checked that is itself a link out of the sources root it stands in: (that
    root, the path by its place); None for any other path (taken by its real place, as before)."""
    absolute = Path(os.path.abspath(raw))
    placed = Path(os.path.realpath(absolute.parent)) / absolute.name
    if not placed.is_symlink():
        return None
    root = find_root(placed.parent)
    if not _holds_registry(root) or is_inside(placed, root):
        return None
    return root, placed


def source_sets(paths: list[Path]) -> list[SourceSet]:
    """Group the requested paths by their source root; order is stable. The whole root brings its
    record folders; a record file or folder named on its own is read as records, never as an SOP."""
    sets: dict[Path, SourceSet] = {}
    for raw in paths:
        named = _named_link_out(raw)
        if named is not None:  # `sop check sop/_monitoring`, that folder a link out of sop/: refused, not followed
            root, path = named
            entry = sets.setdefault(root, SourceSet(root))
            folder = record_folder(root, path)
            if path.is_dir():
                entry.linked_out.append(path)
            elif folder is not None:
                entry.record_files.setdefault(folder, []).append(path)  # read_source refuses it
            else:
                (entry.other_underscore_files if path.name.startswith("_") else entry.sop_files).append(path)
            continue
        path = raw.resolve()
        root = find_root(path)
        entry = sets.setdefault(root, SourceSet(root))
        folder = record_folder(root, path)
        if folder is not None:
            records = entry.record_files.setdefault(folder, [])
            if path.is_dir():
                records.extend(walk_records(path, entry.misnamed_files, entry.linked_out))
            elif is_misnamed(path):
                entry.misnamed_files.append(path)
            else:
                records.append(path)
            continue
        if path == root and path.is_dir():
            for name in RECORD_FOLDERS:
                folder = root / name
                if folder.is_symlink() and not is_inside(folder, root):
                    entry.linked_out.append(folder)
                elif folder.is_dir():
                    entry.record_files.setdefault(name, []).extend(
                        walk_records(folder, entry.misnamed_files, entry.linked_out))
        if path.is_dir():
            sops, stray = walk_sources(path, entry.misnamed_files, entry.linked_out)
            entry.sop_files.extend(sops)
            entry.other_underscore_files.extend(stray)
            if path == root:
                entry.whole_root = True
        elif path.name in REGISTRY_FILES and path.parent == root:
            continue
        elif is_misnamed(path):
            entry.misnamed_files.append(path)
        else:
            (entry.other_underscore_files if path.name.startswith("_") else entry.sop_files).append(path)
    for entry in sets.values():
        entry.sop_files = sorted(dict.fromkeys(entry.sop_files))
        entry.other_underscore_files = sorted(dict.fromkeys(entry.other_underscore_files))
        entry.misnamed_files = sorted(dict.fromkeys(entry.misnamed_files))
        # a link to a folder inside the root is not followed either, but what it holds is read where it is
        entry.linked_out = sorted(p for p in dict.fromkeys(entry.linked_out) if not is_inside(p, entry.root))
        entry.record_files = {k: sorted(dict.fromkeys(v)) for k, v in sorted(entry.record_files.items())}
    return list(sets.values())


def known_slugs(source: SourceSet) -> dict[str, list[str]]:
    """Every SOP slug under the source root (not only the files being checked), with its files:
    what a cross-reference may name, and where two files claim one slug."""
    all_sops = source.sop_files if source.whole_root else walk_sources(source.root)[0]
    known: dict[str, list[str]] = {}
    for path in sorted(set(all_sops) | set(source.sop_files)):
        known.setdefault(path.stem, []).append(display_path(path))
    return known


def is_published_file(docs_dir: Path, relative: PurePosixPath) -> bool:
    """Is there a file at `relative` in the site's docs folder (e.g. an agency's logo)?"""
    return (docs_dir / relative).is_file()
