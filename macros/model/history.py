"""The history of every SOP, in SOP terms: each version with its commit and what changed.

Read once per build from the git history of the sources folder (`load/history.py`: one `git log`,
one `git cat-file --batch`). Each old version goes through the same loader and model as the live
source, so a version is a typed `Sop` (or, when it does not load, says so: "tidak dapat dibaca").
A renamed or moved source keeps its history: the versions follow the file through its renames.

Besides its own versions, an SOP's history holds the commits that changed a registry entry it
relies on (a legal basis repealed, a role renamed): its text did not change, but what it says did.
For each registry entry the history also knows the last commit that changed it
(`ProjectHistory.entries`), for rules and pages that ask whether a basis changed after a review.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any

from ..findings import Severity
from ..load.blob_cache import BlobCache
from ..load.history import Commit, FileChange, GitHistory
from .diff import Change, ChangeKind, changed_entries, diff_sops, registry_changes
from .project import registry_from_bytes, sop_from_bytes
from .registry import AgencyRegistry, LegalRegistry, Registries, RoleRegistry
from .sop import Sop

# Registry file -> its model.
REGISTRIES = {"_instansi.yml": AgencyRegistry, "_jabatan.yml": RoleRegistry, "_dasar-hukum.yml": LegalRegistry}
REGISTRY_NAMES = tuple(REGISTRIES)


def _named(by_file: Mapping[str, Mapping[str, Any]]) -> Registries:
    """The registries of one state of the sources, by file name, as named fields."""
    return Registries(by_file["_instansi.yml"], by_file["_jabatan.yml"], by_file["_dasar-hukum.yml"])


@dataclass(frozen=True)
class Loaded:
    """One version of a source, loaded: the model, or why it is not one."""

    sop: Sop | None
    problem: str | None  # the first finding's message, when the version does not load


@dataclass(frozen=True)
class Version:
    """One commit in an SOP's history: what the SOP became (unless the commit deleted it or only
    changed a registry) and what changed, in SOP terms (empty: the file changed, its content
    did not -- a reformatting, a comment)."""

    commit: Commit
    path: str  # the source's path in this commit, relative to the sources folder
    renamed_from: str | None
    sop: Sop | None
    problem: str | None  # "tidak dapat dibaca": why this version does not load
    changes: tuple[Change, ...]
    deleted: bool = False
    source_changed: bool = True  # False: only registries it relies on changed in this commit

    @property
    def date(self) -> dt.datetime:
        """When the change entered the history (its commit's committer date; for a branch's
        change, the merge's), not when it was first written."""
        return self.commit.entered

    @property
    def author(self) -> str:
        return self.commit.author

    @property
    def message(self) -> str:
        return self.commit.subject

    @property
    def unreadable(self) -> bool:
        return self.problem is not None


@dataclass(frozen=True)
class SopHistory:
    slug: str
    path: str  # relative to the sources folder, as of the newest commit
    versions: tuple[Version, ...]  # newest first

    @property
    def last_change(self) -> Version | None:
        """The newest version that changed what the SOP says (its own text or a registry entry)."""
        return next((v for v in self.versions if v.changes), None)


@dataclass(frozen=True)
class EntryChange:
    """The last commit that changed one registry entry (added, edited or removed it)."""

    registry: str  # the registry file, e.g. '_dasar-hukum.yml'
    entry: str
    commit: Commit
    removed: bool


@dataclass(frozen=True)
class ProjectHistory:
    """The history of a sources folder. `available` False: `reason` says why there is none."""

    available: bool
    reason: str | None = None
    sops: Mapping[str, SopHistory] = field(default_factory=lambda: MappingProxyType({}))  # slug -> history
    entries: Mapping[tuple[str, str], EntryChange] = field(default_factory=lambda: MappingProxyType({}))

    def of(self, slug: str) -> SopHistory | None:
        return self.sops.get(slug)

    def entry(self, registry: str, entry: str) -> EntryChange | None:
        return self.entries.get((registry, entry))


NOT_READ = ProjectHistory(False, "riwayat tidak dibaca")


class _Loader:
    """Each blob loaded once, however many versions name it; with a cache, once across builds."""

    def __init__(self, history: GitHistory, cache: BlobCache | None = None) -> None:
        self.history = history
        self.cache = cache
        self._sops: dict[tuple[str, str], Loaded] = {}
        self._registries: dict[tuple[str, str | None], Mapping[str, Any]] = {}

    def sop(self, blob: str, path: str) -> Loaded:
        if (blob, path) not in self._sops:
            raw = self.history.content(blob)
            self._sops[(blob, path)] = (
                Loaded(None, self.history.missing(blob)) if raw is None
                else self.kept(f"versi {blob} {path}", lambda: load_version(raw, path))
            )
        return self._sops[(blob, path)]

    def kept(self, key: str, make: Callable[[], Any]) -> Any:
        """`make()`, or what it gave for `key` in an earlier build (a blob's bytes never change)."""
        if self.cache is not None:
            data = self.cache.get(key)
            if data is not None:
                try:
                    return pickle.loads(data)
                except Exception:  # an entry cut short or from other code: made again (unpickling raises
                    # "other exceptions ... AttributeError, EOFError, ImportError, and IndexError", says the pickle module)
                    pass
        value = make()
        if self.cache is not None:
            self.cache.put(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value

    def registry(self, name: str, blob: str | None) -> Mapping[str, Any]:
        key = (name, blob)
        if key not in self._registries:
            raw = self.history.content(blob)
            model = REGISTRIES[name]
            self._registries[key] = {} if raw is None else registry_from_bytes(raw, name, name, model).entries
        return self._registries[key]


def load_version(raw: bytes | None, path: str) -> Loaded:
    """One version of an SOP source, through the loader and model of the live source."""
    if raw is None:
        return Loaded(None, "isi versi ini tidak ada di repositori")
    document, findings = sop_from_bytes(raw, PurePosixPath(path).stem, path)
    if document.sop is None:
        errors = [f for f in findings if f.severity is Severity.ERROR] or findings
        return Loaded(None, errors[0].message if errors else "bukan SOP yang sah")
    return Loaded(document.sop, None)


@dataclass(eq=False)
class _Line:
    """One source file through its renames, oldest version first."""

    path: str
    versions: list[Version] = field(default_factory=list)
    current: Sop | None = None


def _first_version_changes(loaded: Loaded) -> tuple[Change, ...]:
    return () if loaded.sop is None else (Change(ChangeKind.SOP_ADDED, field="judul", new=loaded.sop.title),)


def build_history(history: GitHistory, cache: BlobCache | None = None) -> ProjectHistory:
    """Replay the commits oldest first, following each file through its renames. `cache`: what
    earlier builds made of each version and of each pair of versions (load/blob_cache.py)."""
    if not history.available:
        return ProjectHistory(False, history.reason)
    loader = _Loader(history, cache)
    alive: dict[str, _Line] = {}  # path now -> its line
    gone: dict[str, _Line] = {}  # path -> the line of the source deleted there (added again: the same line)
    registry_blobs: dict[str, str | None] = {name: None for name in REGISTRY_NAMES}
    entries: dict[tuple[str, str], EntryChange] = {}
    for step in reversed(history.commits):
        commit = step.commit
        touched: dict[_Line, Version] = {}
        registries: dict[str, tuple[str | None, str | None]] = {}  # name -> (old blob, new blob)
        for change in step.files:
            if change.path in REGISTRY_NAMES or change.old_path in REGISTRY_NAMES:
                if change.path in REGISTRY_NAMES and change.old_path is None:
                    registries[change.path] = (change.old_blob, change.new_blob)
                continue  # a registry renamed to or from an SOP's name is no history to follow
            _replay_sop_change(change, commit, alive, gone, loader, touched)
        if registries:
            olds = {n: loader.registry(n, registries[n][0] if n in registries else registry_blobs[n]) for n in REGISTRY_NAMES}
            registry_blobs.update({name: blobs[1] for name, blobs in registries.items()})
            news = {n: loader.registry(n, registry_blobs[n]) for n in REGISTRY_NAMES}
            for name in registries:
                for entry in changed_entries(olds[name], news[name]):
                    entries[(name, entry)] = EntryChange(name, entry, commit, entry not in news[name])
            before, after = _named(olds), _named(news)
            for line in alive.values():
                found = tuple(registry_changes(line.current, before, after)) if line.current is not None else ()
                if not found:
                    continue
                mine = touched.get(line)
                if mine is not None and any(c.kind is ChangeKind.SOP_ADDED for c in mine.changes):
                    continue  # the SOP begins here: what it relies on is as it finds it
                touched[line] = (
                    replace(mine, changes=mine.changes + found) if mine is not None
                    else Version(commit, line.path, None, line.current, None, found, source_changed=False)
                )
        for line, version in touched.items():
            line.versions.append(version)
    sops: dict[str, SopHistory] = {}
    for path in sorted(alive):
        slug = PurePosixPath(path).stem
        if slug not in sops:
            sops[slug] = SopHistory(slug, path, tuple(reversed(alive[path].versions)))
    return ProjectHistory(True, None, MappingProxyType(sops), MappingProxyType(dict(sorted(entries.items()))))


def _replay_sop_change(change: FileChange, commit: Commit, alive: dict[str, _Line], gone: dict[str, _Line],
                       loader: _Loader, touched: dict[_Line, Version]) -> None:
    if change.new_blob is None:  # deleted: its line waits at its path, should the source come back
        line = alive.pop(change.path, None)
        if line is not None:
            removed = (Change(ChangeKind.SOP_REMOVED, field="judul", old=line.current.title if line.current else change.path),)
            touched[line] = Version(commit, change.path, None, None, None, removed, deleted=True)
            gone[change.path] = line
        return
    line = alive.pop(change.old_path, None) if change.old_path is not None else None
    if line is None:
        line = alive.get(change.path) or gone.pop(change.path, None) or _Line(change.path)
    gone.pop(change.path, None)
    line.path = change.path
    alive[change.path] = line
    new = loader.sop(change.new_blob, change.path)
    if change.old_blob is None:
        changes = _first_version_changes(new)
    else:
        old_path = change.old_path or change.path
        old = loader.sop(change.old_blob, old_path)
        if old.sop is not None and new.sop is not None:
            changes = loader.kept(f"beda {change.old_blob} {old_path} {change.new_blob} {change.path}",
                                  lambda: tuple(diff_sops(old.sop, new.sop)))
        elif new.sop is not None:  # the version before did not load; this one does
            changes = (Change(ChangeKind.UNREADABLE, old=old.problem),)
        else:
            changes = ()
    line.current = new.sop if new.sop is not None else line.current
    touched[line] = Version(commit, change.path, change.old_path, new.sop, new.problem, changes)


# -- two states of the sources, for `sop diff` ----------------------------------------------------

@dataclass(frozen=True)
class SopChanges:
    """What changed in one SOP between two states of the sources."""

    slug: str
    path: str | None  # in the newer state (None: removed), relative to the sources folder
    old_path: str | None  # in the older state (None: added)
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Comparison:
    sops: tuple[SopChanges, ...]  # by slug
    registries: Registries  # the newer state's


def _registries_of(files: Mapping[str, bytes]) -> Registries:
    return _named({
        name: registry_from_bytes(files[name], name, name, model).entries if name in files else {}
        for name, model in REGISTRIES.items()
    })


def _pair(old: dict[str, Loaded], new: dict[str, Loaded], old_raw: Mapping[str, bytes],
          new_raw: Mapping[str, bytes]) -> list[tuple[str | None, str | None]]:
    """(old path, new path) of each SOP: the same path; else (a file moved or renamed) the same
    bytes, the same nomor, or the same title, when only one file on each side has it."""
    pairs = [(p, p) for p in sorted(set(old) & set(new))]
    gone = sorted(set(old) - set(new))
    came = sorted(set(new) - set(old))
    keys = (
        lambda side, raw, p: raw[p],
        lambda side, raw, p: side[p].sop.number if side[p].sop is not None and side[p].sop.number else None,
        lambda side, raw, p: side[p].sop.title if side[p].sop is not None else None,
    )
    for key in keys:
        before: dict[Any, list[str]] = {}
        after: dict[Any, list[str]] = {}
        for p in gone:
            before.setdefault(key(old, old_raw, p), []).append(p)
        for p in came:
            after.setdefault(key(new, new_raw, p), []).append(p)
        for value, olds in before.items():
            news = after.get(value, [])
            if value is not None and len(olds) == 1 and len(news) == 1:
                pairs.append((olds[0], news[0]))
                gone.remove(olds[0])
                came.remove(news[0])
    return pairs + [(p, None) for p in gone] + [(None, p) for p in came]


def compare_sources(old: Mapping[str, bytes], new: Mapping[str, bytes]) -> Comparison:
    """Every SOP's changes from one state of the sources folder to another (relative path ->
    bytes, e.g. a commit and the working tree), each file through the live loader and model."""
    def sops(files: Mapping[str, bytes]) -> dict[str, Loaded]:
        return {p: load_version(raw, p) for p, raw in files.items() if p not in REGISTRY_NAMES}

    old_sops, new_sops = sops(old), sops(new)
    old_registries, new_registries = _registries_of(old), _registries_of(new)
    found: list[SopChanges] = []
    for before_path, after_path in _pair(old_sops, new_sops, old, new):
        before = old_sops.get(before_path) if before_path else None
        after = new_sops.get(after_path) if after_path else None
        changes: list[Change] = []
        if after is None:
            changes.append(Change(ChangeKind.SOP_REMOVED, field="judul", old=before.sop.title if before.sop else before_path))
        elif before is None:
            changes.append(Change(ChangeKind.SOP_ADDED, field="judul", new=after.sop.title if after.sop else after_path)
                           if after.sop is not None else Change(ChangeKind.UNREADABLE, new=after.problem))
        elif after.sop is None or before.sop is None:
            if after.sop is None and (old.get(before_path) != new.get(after_path) or before.sop is not None):
                changes.append(Change(ChangeKind.UNREADABLE, new=after.problem))
            elif after.sop is not None:
                changes.append(Change(ChangeKind.UNREADABLE, old=before.problem, new=None))
        else:
            changes += diff_sops(before.sop, after.sop)
            changes += registry_changes(after.sop, old_registries, new_registries)
        if changes:
            slug = PurePosixPath(after_path or before_path).stem
            found.append(SopChanges(slug, after_path, before_path, tuple(changes)))
    found.sort(key=lambda s: (s.slug, s.path or "", s.old_path or ""))
    return Comparison(tuple(found), new_registries)
