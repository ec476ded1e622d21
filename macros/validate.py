"""Load and check source paths: the one entry point the CLI and the site share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .checks import run_checks
from .findings import Finding, sorted_findings
from .load.clock import build_day
from .load.discover import source_sets
from .load.blob_cache import BlobCache
from .load.history import read_history
from .model.history import build_history
from .model.project import Project, load_project


@dataclass(slots=True)
class Validation:
    projects: list[Project]
    findings: list[Finding]

    @property
    def sop_count(self) -> int:
        return sum(len(p.documents) for p in self.projects)

    @property
    def record_count(self) -> int:
        """Monitoring and evaluation files read beside the SOPs."""
        return sum(len(p.records) for p in self.projects)


HISTORY_CACHE = "riwayat"  # under the build's cache folder


def validate_paths(
    paths: list[Path], docs_dir: Path | None = None, *, today: dt.date | None = None, history: bool | None = None,
    history_cache: Path | None = None,
) -> Validation:
    """`today`: the day the review rules judge by (default: the clock's). `history`: read the git
    history of the sources for the review rules; by default only when a whole sources folder is
    checked (like the uncited-legal-basis rule), so that checking one file or a fixture folder
    inside a repository judges by the sources alone. `history_cache`: a folder where what was made of
    each old version is kept between runs (the build's cache folder)."""
    day = today if today is not None else build_day()
    projects = [load_project(source, docs_dir) for source in source_sets(paths)]
    findings: list[Finding] = []
    for project in projects:
        project.today = day
        if history if history is not None else project.whole_root:
            cache = BlobCache(history_cache / HISTORY_CACHE) if history_cache is not None else None
            project.history = build_history(read_history(project.root), cache)
            if cache is not None:
                cache.prune()
        findings.extend(run_checks(project))
    return Validation(projects, sorted_findings(findings))
