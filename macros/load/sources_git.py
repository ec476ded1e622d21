"""Everything a site build asks git about the sources folder, read once per build.

Two readings of one repository: each file's last commit and the folder's state (`revisions.py`,
printed on every page and PDF) and every commit with the content of each version (`history.py`,
the Riwayat pages and the review rules). Both run git the one way (`git.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .history import GitHistory, read_history
from .revisions import GitFolder, read_git_folder


@dataclass(frozen=True)
class SourcesGit:
    folder: GitFolder  # each file's newest commit, what changed since, the commit checked out
    history: GitHistory  # every commit that touched the folder, with the content it names


def read_sources_git(directory: Path) -> SourcesGit:
    return SourcesGit(read_git_folder(directory), read_history(directory))
