"""The git history of a sources folder, read once for every file together.

One `git log` lists every commit that touched the folder with the files it changed (renames
detected, blob ids of the old and new content), and one `git cat-file --batch` process hands
over the content of every blob named there: two processes whatever the number of files or
commits. The model (`model/history.py`) reads each old version through the same loader and
model as the live source.

Nothing here fails a build: no git, a folder outside any repository, a shallow clone (whose
oldest commit would claim every file as new), a git that refuses or hangs -- each gives a
history that says it is not available, and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .discover import REGISTRY_FILES, SOURCE_SUFFIXES, walk_sources
from .files import read_source
from ..failures import Failure
from .git import run_git
from .revisions import GIT_HASH_LENGTH

REGULAR_MODES = ("100644", "100755")  # a symbolic link or a submodule in the sources is not a source
EMPTY_BLOB = "0" * 40

# Why a history is not available, as the page and the command line say it.
NO_GIT = "git tidak terpasang atau tidak dapat dijalankan"
NOT_A_REPOSITORY = "folder sumber tidak berada di dalam repositori git"
SHALLOW = "repositori ini klon dangkal (shallow clone); riwayat lengkapnya tidak ada di sini"
GIT_FAILED = "git tidak dapat membaca riwayat repositori ini"


class GitError(Failure):
    """A git command the user asked for (`sop diff`) failed; the message is for the user."""


@dataclass(frozen=True)
class Commit:
    id: str  # the full hash
    parents: tuple[str, ...]
    author: str
    email: str
    date: dt.datetime  # the author date, in the author's own offset
    subject: str

    @property
    def short(self) -> str:
        return self.id[:GIT_HASH_LENGTH]


@dataclass(frozen=True)
class FileChange:
    """One source file changed by a commit. Paths are relative to the sources folder (POSIX)."""

    status: str  # A, M, D, R (renamed, perhaps edited), C (copied), T (type changed)
    path: str  # the name after the commit (for D: the name it had)
    old_path: str | None  # the name before, for R and C
    old_blob: str | None  # None: the file did not exist before (A, C)
    new_blob: str | None  # None: the file was deleted (D)


@dataclass(frozen=True)
class CommitChanges:
    commit: Commit
    files: tuple[FileChange, ...]


@dataclass
class GitHistory:
    """Every commit that touched the sources folder, newest first (git's topological order), with
    the content of every blob they name. `available` False: `reason` says why there is none."""

    available: bool
    reason: str | None = None
    commits: list[CommitChanges] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    prefix: str = ""  # the sources folder relative to the top of the work tree ('' or 'sop/')

    def content(self, blob: str | None) -> bytes | None:
        return None if blob is None else self.blobs.get(blob)


def is_source_path(path: str) -> bool:
    """Would the loader read this file (relative to the sources folder) as an SOP or a registry?
    The rules of `discover.walk_sources`: no hidden or `_` folder, a lower-case YAML suffix."""
    parts = PurePosixPath(path).parts
    if not parts or any(p.startswith((".", "_")) for p in parts[:-1]):
        return False
    name = parts[-1]
    if name.startswith("."):
        return False
    if name.startswith("_"):
        return len(parts) == 1 and name in REGISTRY_FILES
    return PurePosixPath(name).suffix in SOURCE_SUFFIXES


@dataclass(frozen=True)
class Repository:
    directory: Path  # the sources folder
    prefix: str  # the sources folder relative to the top of the work tree, '' or ending in '/'
    shallow: bool


def repository(directory: Path) -> Repository | str:
    """The repository the sources folder is in, or why there is none (a reason to show)."""
    if run_git(["--version"], None) is None:
        return NO_GIT
    out = run_git(["rev-parse", "--show-prefix", "--is-shallow-repository"], directory)
    if out is None:
        return NOT_A_REPOSITORY
    lines = out.decode("utf-8", "surrogateescape").split("\n")
    if len(lines) < 2:
        return NOT_A_REPOSITORY
    return Repository(directory, lines[0], lines[1].strip() == "true")


def _relative(path: str, prefix: str) -> str | None:
    return path[len(prefix):] if path.startswith(prefix) else None


def parse_log(output: str, prefix: str) -> list[CommitChanges]:
    """The output of `git log -z --raw --no-abbrev -M --format=format:%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%s`
    as commits, newest first, each with the source files it changed (others are left out)."""
    commits: list[CommitChanges] = []
    for chunk in output.split("\x01"):
        fields = chunk.split("\0", 5)
        if len(fields) < 6:
            continue
        commit_id, parents, author, email, date = fields[:5]
        subject, _, raw = fields[5].partition("\n")
        try:
            when = dt.datetime.fromisoformat(date)
        except ValueError:
            continue
        commit = Commit(commit_id, tuple(parents.split()), author, email, when, subject.rstrip("\0"))
        commits.append(CommitChanges(commit, tuple(_raw_changes(raw, prefix))))
    return commits


def _raw_changes(raw: str, prefix: str) -> list[FileChange]:
    tokens = raw.split("\0")
    changes: list[FileChange] = []
    i = 0
    while i < len(tokens):
        head = tokens[i]
        i += 1
        if not head.startswith(":"):
            continue
        parts = head[1:].split()
        if len(parts) < 5:
            continue
        old_mode, new_mode, old_blob, new_blob, status = parts[:5]
        paths = [tokens[i]] if i < len(tokens) else []
        i += 1
        if status[:1] in ("R", "C") and i < len(tokens):
            paths.append(tokens[i])
            i += 1
        if not paths:
            continue
        new_name = _relative(paths[-1], prefix)
        old_name = _relative(paths[0], prefix) if len(paths) == 2 else None
        old_ok = old_mode in REGULAR_MODES and old_blob != EMPTY_BLOB
        new_ok = new_mode in REGULAR_MODES and new_blob != EMPTY_BLOB
        if old_name is not None and not is_source_path(old_name):
            old_name, old_ok = None, False  # renamed from something that was not a source: an addition
        if new_name is None or not is_source_path(new_name):
            if old_name is not None and old_ok:  # renamed away from the sources: a deletion
                changes.append(FileChange("D", old_name, None, old_blob, None))
            continue
        kind = status[:1]
        if kind in ("R", "C") and old_name is None:
            kind = "A"
        if kind == "C":  # a copy is a new file; its history starts here
            kind, old_name, old_ok = "A", None, False
        if not new_ok and not old_ok:
            continue
        changes.append(
            FileChange(
                "D" if not new_ok else ("A" if not old_ok else kind),
                new_name, old_name if kind == "R" else None,
                old_blob if old_ok else None, new_blob if new_ok else None,
            )
        )
    return changes


def read_blobs(directory: Path, ids: list[str]) -> dict[str, bytes] | None:
    """The content of every blob, by one `git cat-file --batch`; None when git failed."""
    if not ids:
        return {}
    out = run_git(["cat-file", "--batch"], directory, ("\n".join(ids) + "\n").encode("ascii"))
    if out is None:
        return None
    blobs: dict[str, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.find(b"\n", pos)
        if end < 0:
            break
        header = out[pos:end].decode("ascii", "replace").split()
        pos = end + 1
        if len(header) == 3:
            size = int(header[2])
            if header[1] == "blob":
                blobs[header[0]] = out[pos:pos + size]
            pos += size + 1
    return blobs


def read_history(directory: Path) -> GitHistory:
    """Every commit that touched a source in `directory`, and the content of each version."""
    repo = repository(directory)
    if isinstance(repo, str):
        return GitHistory(False, repo)
    if repo.shallow:
        return GitHistory(False, SHALLOW, prefix=repo.prefix)
    log = run_git(
        ["log", "-z", "--no-color", "--topo-order", "--raw", "--no-abbrev", "-M", "--no-ext-diff", "--no-textconv",
         "--format=format:%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%s", "--", "."],
        directory,
    )
    if log is None:
        # a repository without any commit yet is a repository with an empty history
        head = run_git(["rev-parse", "--verify", "--quiet", "HEAD"], directory)
        return GitHistory(True, prefix=repo.prefix) if head is None else GitHistory(False, GIT_FAILED, prefix=repo.prefix)
    # 'replace': a name or message that is not UTF-8 is shown, never written back as bytes a page cannot hold
    commits = parse_log(log.decode("utf-8", "replace"), repo.prefix)
    wanted = sorted({b for c in commits for f in c.files for b in (f.old_blob, f.new_blob) if b is not None})
    blobs = read_blobs(directory, wanted)
    if blobs is None:
        return GitHistory(False, GIT_FAILED, prefix=repo.prefix)
    return GitHistory(True, None, commits, blobs, repo.prefix)


# -- one revision's sources, for `sop diff` ----------------------------------------------------------

def resolve(directory: Path, revision: str) -> str:
    """The commit `revision` names; GitError (a message for the user) when it names none."""
    repo = repository(directory)
    if isinstance(repo, str):
        raise GitError(repo)
    if revision.startswith("-"):
        raise GitError(f"revisi '{revision}' tidak dikenal git")
    out = run_git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], directory)
    if out is None:
        raise GitError(f"revisi '{revision}' tidak dikenal git")
    return out.decode("ascii", "replace").strip()


def sources_at(directory: Path, commit: str) -> dict[str, bytes]:
    """Relative path -> content of every source file of the folder at `commit` (one `ls-tree`,
    one `cat-file --batch`)."""
    repo = repository(directory)
    if isinstance(repo, str):
        raise GitError(repo)
    out = run_git(["ls-tree", "-r", "-z", "--full-name", commit, "--", "."], directory)
    if out is None:
        raise GitError(f"isi revisi {commit[:GIT_HASH_LENGTH]} tidak dapat dibaca git")
    names: dict[str, str] = {}
    for entry in out.decode("utf-8", "surrogateescape").split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) != 3 or parts[0] not in REGULAR_MODES or parts[1] != "blob":
            continue
        name = _relative(path, repo.prefix)
        if name is not None and is_source_path(name):
            names[name] = parts[2]
    blobs = read_blobs(directory, sorted(set(names.values())))
    if blobs is None:
        raise GitError(f"isi revisi {commit[:GIT_HASH_LENGTH]} tidak dapat dibaca git")
    return {name: blobs[blob] for name, blob in sorted(names.items()) if blob in blobs}


def working_sources(directory: Path) -> dict[str, bytes]:
    """Relative path -> content of every source file in the folder as it is now (the working tree);
    a file that cannot be read is left out (`sop check` says why)."""
    found: dict[str, bytes] = {}
    sops, _ = walk_sources(directory)
    paths = [directory / name for name in REGISTRY_FILES] + sops
    for path in paths:
        if not (path.exists() or path.is_symlink()):
            continue
        data, _ = read_source(path, str(path), directory)
        if data is not None:
            found[path.relative_to(directory).as_posix()] = data
    return dict(sorted(found.items()))
