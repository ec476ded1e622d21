"""The validated content of a site build and the pages made from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..checks import CheckedProject
from ..findings import Finding
from ..load.revisions import Revision
from ..model.history import NOT_READ, ProjectHistory
from ..model.monev import EMPTY, SopMonev
from ..model.project import SopDocument
from ..model.registry import Registries
from ..model.review import ReviewState
from ..model.sop import Sop


@dataclass(frozen=True)
class SiteData:
    registries: Registries
    sops: dict[str, Sop]  # slug -> model, only SOPs without errors, in slug order
    revisions: dict[str, Revision] = field(default_factory=dict)  # slug -> revision of its source, when asked for
    findings: dict[str, tuple[Finding, ...]] = field(default_factory=dict)  # slug -> the warnings in its source
    history: ProjectHistory = NOT_READ
    reviews: dict[str, ReviewState] = field(default_factory=dict)  # slug -> review state (model/review.py)
    monev: dict[str, SopMonev] = field(default_factory=dict)  # slug -> its accepted monitoring and evaluation results

    @classmethod
    def build(
        cls, checked: CheckedProject, published: list[SopDocument] | None = None, findings: list[Finding] | None = None,
        revisions: dict[str, Revision] | None = None,
    ) -> "SiteData":
        """`published`: the documents that make pages (default: those with a model and no error in
        `findings`, by default the checks')."""
        project = checked.project
        findings = checked.findings if findings is None else findings
        documents = sorted(project.renderable(findings) if published is None else published, key=lambda d: d.slug)
        sops = {d.slug: d.sop for d in documents}
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:
            by_path.setdefault(finding.location.path, []).append(finding)
        revisions = {slug: r for slug, r in (revisions or {}).items() if slug in sops}
        # as the checks judged them (every SOP with a model), kept for the published ones
        reviews = {slug: state for slug, state in checked.reviews.items() if slug in sops}
        monev = {slug: m for slug, m in checked.records.items() if slug in sops}
        history = project.history if project.history is not None else NOT_READ
        return cls(project.registries, sops, revisions, {d.slug: tuple(by_path[d.path]) for d in documents if d.path in by_path},
                   history, reviews, monev)

    def monev_of(self, slug: str) -> SopMonev:
        """What the records say of a published SOP (nothing recorded: an empty history)."""
        return self.monev.get(slug, EMPTY)

    @cached_property
    def titles(self) -> dict[str, str]:
        return {slug: sop.title for slug, sop in self.sops.items()}

    def newest_date(self) -> dt.date | None:
        """The latest date the sources mention: the site's reproducible build date."""
        dates = []
        for sop in self.sops.values():
            dates += [d.first for d in (sop.dates.created, sop.dates.revised, sop.dates.effective_date) if d]
            dates += [r.date.first for r in sop.revisions]
            dates += [r.date.first for r in sop.reviews]
            if sop.retirement is not None and sop.retirement.date is not None:
                dates.append(sop.retirement.date.first)
        for history in self.monev.values():
            dates += [r.date.first for r in (*history.monitoring, *history.evaluations)]
        return max(dates, default=None)
