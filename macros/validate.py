"""Load and check source paths: the one entry point the CLI and the site share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import run_checks
from .findings import Finding, sorted_findings
from .load.discover import source_sets
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


def validate_paths(paths: list[Path], docs_dir: Path | None = None) -> Validation:
    projects = [load_project(source, docs_dir) for source in source_sets(paths)]
    findings: list[Finding] = []
    for project in projects:
        findings.extend(run_checks(project))
    return Validation(projects, sorted_findings(findings))
