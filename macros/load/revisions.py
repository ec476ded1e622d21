"""The revision of each SOP source: the git commit that last touched it, else a hash of its bytes.

Printed on the identity page ("Dicetak dari revisi ..."), so that paper can be traced back to the
source it was printed from. Git is asked once for all files together (one `rev-parse`, one `log`,
one `status`), never once per file. Nothing here fails a build: no git, no repository, a repository
git refuses to read, a shallow clone without the commit, a file that is untracked or changed since
the last commit -- each of these gives the SHA-256 of the file's bytes instead.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .discover import REGISTRY_FILES, source_sets
from .files import read_source
from .git import run_git

GIT_HASH_LENGTH = 12  # hex digits of a commit shown
SHA256_LENGTH = 12  # hex digits of a file's SHA-256 shown

@dataclass(frozen=True)
class Revision:
    """Which version of a source a printout shows: a git commit, or a hash of the source's bytes."""

    kind: Literal["git", "sha256"]
    value: str  # 12 hex digits of the commit, or 'sha256:' and 12 hex digits

    @property
    def label(self) -> str:
        """What the printout says after 'Dicetak dari'."""
        if self.kind == "git":
            return f"revisi {self.value}"
        return f"revisi sumber {self.value}"


def content_revision(data: bytes) -> Revision:
    return Revision("sha256", "sha256:" + hashlib.sha256(data).hexdigest()[:SHA256_LENGTH])


def _git(args: list[str], cwd: Path) -> str | None:
    out = run_git(args, cwd)
    return None if out is None else out.decode("utf-8", "surrogateescape")


def _repo_path(path: Path, top: Path) -> str | None:
    """`path` as git names it (relative to the top of the work tree), the last component kept as is:
    a symbolic link in the sources is tracked as the link."""
    real = Path(os.path.realpath(path.parent)) / path.name
    try:
        return real.relative_to(top).as_posix()
    except ValueError:
        return None


def _last_commits(log: str, shallow: bool) -> dict[str, str | None]:
    """Path -> the newest commit that names it (None: the commit is a shallow clone's boundary,
    where every file looks added, so the real commit is not in the clone)."""
    found: dict[str, str | None] = {}
    for entry in log.split("\x01"):
        header, _, names = entry.partition("\n")
        fields = header.split()
        if not fields:
            continue
        commit, parents = fields[0], fields[1:]
        boundary = shallow and not parents
        for name in names.split("\0"):
            if name and name not in found:
                found[name] = None if boundary else commit[:GIT_HASH_LENGTH]
    return found


def _changed(status: str) -> set[str]:
    """Paths `git status --porcelain -z` lists: modified, staged, untracked, renamed (both names)."""
    changed: set[str] = set()
    entries = status.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        changed.add(entry[3:])
        if "R" in entry[:2] or "C" in entry[:2]:  # the name it had follows
            if i < len(entries):
                changed.add(entries[i])
            i += 1
    return changed


@dataclass(frozen=True)
class GitFolder:
    """What git says of a sources folder, read once (one `rev-parse`, one `log`, one `status`, and
    the commit checked out when the folder is clean) for both the files' revisions and the folder's
    own. Not `available`: no git, no repository, or git refused to read it."""

    available: bool
    top: Path | None = None
    commits: Mapping[str, str | None] = field(default_factory=dict)  # repo path -> newest commit naming it
    changed: frozenset[str] = frozenset()  # repo paths git status lists
    clean: bool = False  # git status lists nothing in the folder
    head: str | None = None  # the commit checked out, read only when the folder is clean


def read_git_folder(directory: Path) -> GitFolder:
    where = _git(["rev-parse", "--show-toplevel", "--is-shallow-repository"], directory)
    lines = where.splitlines() if where is not None else []
    if len(lines) < 2:
        return GitFolder(False)
    top = Path(os.path.realpath(lines[0]))
    shallow = lines[1].strip() == "true"
    log = _git(["log", "-z", "--no-color", "--format=format:%x01%H %P", "--name-only", "--", "."], directory)
    status = _git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."], directory)
    if log is None or status is None:
        return GitFolder(False)
    clean = status == ""
    head = _git(["rev-parse", "--verify", "-q", "HEAD"], directory) if clean else None
    return GitFolder(True, top, _last_commits(log, shallow), frozenset(_changed(status)), clean, head)


def _git_revisions(git: GitFolder, files: Iterable[Path]) -> dict[Path, Revision]:
    """The git revision of each file that is tracked and unchanged; others are left out."""
    found = {}
    if not git.available:
        return found
    for path in files:
        name = _repo_path(path, git.top)
        if name is None or name in git.changed:
            continue
        commit = git.commits.get(name)
        if commit is not None:
            found[path] = Revision("git", commit)
    return found


def _read(path: Path, root: Path) -> bytes | None:
    """A source's bytes as loading reads them (a regular file in the root, up to the size cap), or None."""
    return read_source(path, str(path), root)[0]


def source_revisions(directory: Path, files: Mapping[str, Path], git: GitFolder | None = None) -> dict[str, Revision]:
    """Key (an SOP's slug) -> the revision of its source file. `directory` holds every file (the
    sources folder; `git`: what git says of it, read here when not given); a file that cannot be
    read has no revision."""
    paths = [Path(os.path.abspath(p)) for p in files.values()]
    known = _git_revisions(git if git is not None else read_git_folder(Path(directory)), paths)
    revisions: dict[str, Revision] = {}
    for key, path in files.items():
        path = Path(os.path.abspath(path))
        revision = known.get(path)
        if revision is None:
            data = _read(path, Path(directory))
            if data is None:
                continue
            revision = content_revision(data)
        revisions[key] = revision
    return revisions


def sources_revision(directory: Path, git: GitFolder | None = None) -> Revision:
    """The revision of the whole sources folder, as a built site states it: the commit checked out
    when git tracks every file of the folder unchanged, else the SHA-256 of the folder's files
    (their names and bytes, in name order), so that two sites from the same sources say the same.
    `git`: what git says of the folder, read here when not given."""
    directory = Path(directory)
    git = git if git is not None else read_git_folder(directory)
    if git.head and git.head.strip():
        return Revision("git", git.head.strip()[:GIT_HASH_LENGTH])
    digest = hashlib.sha256()
    for name, data in _source_contents(directory):
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return Revision("sha256", "sha256:" + digest.hexdigest()[:SHA256_LENGTH])


def _source_contents(directory: Path) -> list[tuple[str, bytes]]:
    """(name from the folder, what stands for it) of each file the sources are, in name order: the
    files loading reads (registries, SOPs, records), by their bytes with the same size cap and link
    rules (a file not read stands as why it was not); the files only named (a stray `_x.yml`, an
    `x.YML`, a folder linked out of the root) by their name. Nothing else in the folder (a scan
    beside its YAML, an editor's backup) is read."""
    source = source_sets([directory])[0]
    root = source.root
    read = [source.registry_path(name) for name in REGISTRY_FILES if source.has_registry(name)]
    read += source.sop_files + [path for paths in source.record_files.values() for path in paths]
    named = source.other_underscore_files + source.misnamed_files + source.linked_out
    found: dict[str, bytes] = {}
    for path in read:
        data, refused = read_source(path, str(path), root)
        found[_name(path, root)] = data if data is not None else "\0".join(f.message for f in refused).encode()
    for path in named:
        found.setdefault(_name(path, root), b"")
    return sorted(found.items())


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
