"""The git history of a sources folder, read once for every file together.

The history is the first-parent chain of HEAD: the states the checked-out branch itself went
through. A merge is one step of it, with what it changed against the branch it was merged into
(its first parent) -- so a conflict resolved with new text shows as the merge's change, and a
branch's commits are not listed apart from the merge that brought them in. Each step is dated by
its committer date: when it entered this history (a merge's, for all a branch brought), not when
its author first wrote it.

One `git log` lists every commit that touched the folder with the files it changed (renames
detected, blob ids of the old and new content), parsed by position in NUL-separated fields, so
that no byte of a subject or a name can move a field; one `git cat-file --batch-check` gives the
size of every blob named there and one `git cat-file --batch` the content of those not over the
live sources' cap (an old version larger is skipped and said so): a fixed number of processes
whatever the number of files or commits. The model (`model/history.py`) reads each old version through the same loader and
model as the live source.

Nothing here fails a build: no git, a folder outside any repository, a shallow clone (whose
oldest commit would claim every file as new), a git that refuses or hangs -- each gives a
history that says it is not available, and why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .discover import REGISTRY_FILES, SOURCE_SUFFIXES, walk_sources
from .files import MAX_SOURCE_BYTES, read_source
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
    committed: dt.datetime | None = None  # the committer date: when the change entered this history

    @property
    def entered(self) -> dt.datetime:
        """When the commit entered the history (the committer date; the author date if unknown)."""
        return self.committed if self.committed is not None else self.date

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
    """Every commit of HEAD's first-parent chain that touched the sources folder, newest first
    (the graph's order), with the content of every blob they name that is not over the live cap.
    `available` False: `reason` says why there is none."""

    available: bool
    reason: str | None = None
    commits: list[CommitChanges] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    prefix: str = ""  # the sources folder relative to the top of the work tree ('' or 'sop/')
    oversized: dict[str, int] = field(default_factory=dict)  # blob -> size: old versions over the cap, not read

    def content(self, blob: str | None) -> bytes | None:
        return None if blob is None else self.blobs.get(blob)

    def missing(self, blob: str) -> str:
        """Why a blob named in the history has no content here (the words for the page)."""
        size = self.oversized.get(blob)
        if size is not None:
            return f"versi ini terlalu besar ({size} bait; paling besar {MAX_SOURCE_BYTES} bait) dan tidak dibaca"
        return "isi versi ini tidak ada di repositori"


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


LOG_FIELDS = ("%H", "%P", "%an", "%ae", "%aI", "%cI", "%s")  # each ended by a NUL, in this order
LOG_FORMAT = "--format=format:" + "".join(f"{f}%x00" for f in LOG_FIELDS)
LOG_ARGS = ["log", "-z", "--no-color", "--first-parent", "--diff-merges=first-parent", "--topo-order", "--raw",
            "--no-abbrev", "-M", "--no-ext-diff", "--no-textconv", LOG_FORMAT, "--", "."]
_HASH = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")


class LogFormatError(GitError):
    """The log is not what `LOG_ARGS` makes (a git that prints otherwise): no history is better than a wrong one."""


def parse_log(output: str, prefix: str) -> list[CommitChanges]:
    """The output of `git <LOG_ARGS>` as commits, newest first, each with the source files it
    changed (others are left out). Every field is taken by its position among the NULs: a
    subject or a name holding any byte git allows there is read as text, never as structure."""
    tokens = output.split("\0")
    commits: list[CommitChanges] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "":  # the end of a commit's changes
            i += 1
            continue
        fields = tokens[i:i + len(LOG_FIELDS)]
        i += len(LOG_FIELDS)
        if len(fields) < len(LOG_FIELDS) or not _HASH.fullmatch(fields[0]):
            raise LogFormatError(f"log tidak terbaca di dekat {fields[:1]!r}")
        commit_id, parents, author, email, authored, committed, subject = fields
        try:
            when, entered = dt.datetime.fromisoformat(authored), dt.datetime.fromisoformat(committed)
        except ValueError as exc:
            raise LogFormatError(str(exc)) from exc
        raw: list[str] = []
        while i < len(tokens) and tokens[i].lstrip("\n").startswith(":"):
            head = tokens[i].lstrip("\n")
            count = 2 if head.split()[-1][:1] in ("R", "C") else 1
            raw.extend([head, *tokens[i + 1:i + 1 + count]])
            i += 1 + count
        commit = Commit(commit_id, tuple(parents.split()), author, email, when, subject, entered)
        commits.append(CommitChanges(commit, tuple(_raw_changes(raw, prefix))))
    return commits


def _raw_changes(tokens: list[str], prefix: str) -> list[FileChange]:
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


def blob_sizes(directory: Path, ids: list[str]) -> dict[str, int] | None:
    """The size of every blob, by one `git cat-file --batch-check`; None when git failed."""
    if not ids:
        return {}
    out = run_git(["cat-file", "--batch-check"], directory, ("\n".join(ids) + "\n").encode("ascii"))
    if out is None:
        return None
    sizes: dict[str, int] = {}
    for line in out.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob" and parts[2].isdecimal():
            sizes[parts[0]] = int(parts[2])
    return sizes


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


def read_capped_blobs(directory: Path, ids: list[str]) -> tuple[dict[str, bytes], dict[str, int]] | None:
    """The content of every blob not over the live sources' cap, and the size of each one over it
    (never read: an old 30 MB file costs nothing); None when git failed."""
    sizes = blob_sizes(directory, ids)
    if sizes is None:
        return None
    oversized = {blob: size for blob, size in sizes.items() if size > MAX_SOURCE_BYTES}
    blobs = read_blobs(directory, [blob for blob in ids if blob in sizes and blob not in oversized])
    return None if blobs is None else (blobs, oversized)


def read_history(directory: Path) -> GitHistory:
    """Every commit that touched a source in `directory`, and the content of each version."""
    repo = repository(directory)
    if isinstance(repo, str):
        return GitHistory(False, repo)
    if repo.shallow:
        return GitHistory(False, SHALLOW, prefix=repo.prefix)
    log = run_git(LOG_ARGS, directory)
    if log is None:
        # a repository without any commit yet is a repository with an empty history
        head = run_git(["rev-parse", "--verify", "--quiet", "HEAD"], directory)
        return GitHistory(True, prefix=repo.prefix) if head is None else GitHistory(False, GIT_FAILED, prefix=repo.prefix)
    # 'replace': a name or message that is not UTF-8 is shown, never written back as bytes a page cannot hold
    try:
        commits = parse_log(log.decode("utf-8", "replace"), repo.prefix)
    except LogFormatError:
        return GitHistory(False, GIT_FAILED, prefix=repo.prefix)
    wanted = sorted({b for c in commits for f in c.files for b in (f.old_blob, f.new_blob) if b is not None})
    read = read_capped_blobs(directory, wanted)
    if read is None:
        return GitHistory(False, GIT_FAILED, prefix=repo.prefix)
    blobs, oversized = read
    return GitHistory(True, None, commits, blobs, repo.prefix, oversized)


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
    read = read_capped_blobs(directory, sorted(set(names.values())))
    if read is None:
        raise GitError(f"isi revisi {commit[:GIT_HASH_LENGTH]} tidak dapat dibaca git")
    blobs, _ = read  # a file over the cap is left out, as the loader leaves it out of the working tree
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
