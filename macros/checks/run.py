"""Every rule over a project, and what the rules judged that the site shows as well, judged once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from ..findings import Finding, sorted_findings
from ..model.monev import SopMonev
from ..model.project import Project
from ..model.review import ReviewState
from .base import ALL_CHECKS, Check
from .monev import Records
from .review import ReviewRules


C = TypeVar("C", bound=Check)


def _registered(kind: type[C]) -> C:
    return next(check for check in ALL_CHECKS if isinstance(check, kind))


@dataclass(frozen=True)
class CheckedProject:
    project: Project
    findings: list[Finding]  # sorted: those of loading and of every rule
    reviews: Mapping[str, ReviewState]  # slug -> review state, one per slug with a model (checks/review.py)
    records: Mapping[str, SopMonev]  # slug -> the monitoring and evaluation results accepted (checks/monev.py)


def check_project(project: Project) -> CheckedProject:
    reviews_rule, records_rule = _registered(ReviewRules), _registered(Records)
    reviews, verdict = reviews_rule.judge(project), records_rule.judge(project)
    findings = list(project.findings)
    for check in ALL_CHECKS:
        if check is reviews_rule:
            findings.extend(reviews_rule.report(project, reviews))
        elif check is records_rule:
            findings.extend(records_rule.report(project, verdict))
        else:
            findings.extend(check.run(project))
    return CheckedProject(project, sorted_findings(findings), reviews, verdict.accepted)


def run_checks(project: Project) -> list[Finding]:
    return check_project(project).findings
