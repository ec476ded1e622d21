"""Load and check source paths: the one entry point the CLI and the site share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .checks import CheckedProject, check_project
from .findings import Finding, sorted_findings
from .load.blob_cache import BlobCache
from .load.clock import build_day
from .load.discover import SourceSet, source_sets
from .load.history import GitHistory, read_history
from .model.history import ProjectHistory, build_history
from .model.project import Project, load_project


@dataclass(slots=True)
class Validation:
    checked: list[CheckedProject]  # one per source set
    findings: list[Finding]  # of every source set, sorted

    @property
    def projects(self) -> list[Project]:
        return [c.project for c in self.checked]

    @property
    def sop_count(self) -> int:
        return sum(len(p.documents) for p in self.projects)

    @property
    def record_count(self) -> int:
        """Monitoring and evaluation files read beside the SOPs."""
        return sum(len(p.records) for p in self.projects)


HISTORY_CACHE = "riwayat"  # under the build's cache folder


def project_history(git: GitHistory, history_cache: Path | None = None) -> ProjectHistory:
    """The history of every SOP made from what git says of the sources. `history_cache`: a folder
    where what was made of each old version is kept between runs (the build's cache folder)."""
    cache = BlobCache(history_cache / HISTORY_CACHE) if history_cache is not None else None
    history = build_history(git, cache)
    if cache is not None:
        cache.prune()
    return history


def validate_source(source: SourceSet, docs_dir: Path | None, today: dt.date,
                    history: ProjectHistory | None) -> CheckedProject:
    """One source set loaded and checked on `today`, with the git history of the sources (None: not read)."""
    return check_project(load_project(source, docs_dir, today=today, history=history))


def validate_paths(
    paths: list[Path], docs_dir: Path | None = None, *, today: dt.date | None = None, history: bool | None = None,
    history_cache: Path | None = None,
) -> Validation:
    """`today`: the day the review rules judge by (default: the clock's). `history`: read the git
    history of the sources for the review rules; by default only when a whole sources folder is
    checked (like the uncited-legal-basis rule), so that checking one file or a fixture folder
    inside a repository judges by the sources alone. `history_cache`: see `project_history`."""
    day = today if today is not None else build_day()
    checked = []
    for source in source_sets(paths):
        read = history if history is not None else source.whole_root
        git_history = project_history(read_history(source.root), history_cache) if read else None
        checked.append(validate_source(source, docs_dir, day, git_history))
    return Validation(checked, sorted_findings(f for c in checked for f in c.findings))
