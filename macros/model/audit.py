"""What the inspector's audit page and its downloads hold: one row per published SOP, the legal
bases with the SOPs that cite them, and the SOP files left off the site. Built from the validated
model by `site/audit.py`; the page (render/audit.py) and the spreadsheet (site/audit_export.py)
show the same rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .monev import EvaluationResult, MonitoringResult
from .registry import LegalStatus
from .sop import Status


@dataclass(frozen=True)
class AuditSop:
    slug: str
    agency_id: str
    agency: str  # the agency's name
    unit: str | None
    number: str | None
    title: str
    status: Status
    effective: dt.date | None  # the first day of what the source gives (a month, a year): to sort by
    revised: dt.date | None
    findings: tuple[tuple[str, int], ...]  # (code, how many) of its open warnings, by code
    # The dates as the SOP prints them ('Januari 2016', '04 Januari'; '' when absent): what a reader
    # and the exports see, never a day the source does not give.
    effective_shown: str = ""
    revised_shown: str = ""
    changed: dt.date | None = None  # the day of the last commit that changed what it says (git)
    changed_commit: str | None = None
    last_review: str | None = None  # as precise as known, TTTT[-BB[-HH]]
    planned_review: dt.date | None = None
    overdue: bool = False
    suspect: tuple[str, ...] = ()  # why it needs review, one clause each

    @property
    def review_marks(self) -> tuple[str, ...]:
        """What the page's Tinjauan filter matches: 'lewat', 'curiga', or 'aman'."""
        marks = (("lewat",) if self.overdue else ()) + (("curiga",) if self.suspect else ())
        return marks or ("aman",)
    last_monitoring: MonitoringResult | None = None  # from the records beside the SOPs (model/monev.py)
    last_evaluation: EvaluationResult | None = None
    open_actions: int = 0  # tindakan recorded and not yet done


@dataclass(frozen=True)
class AuditLegalBasis:
    basis_id: str
    citation: str
    status: LegalStatus
    incomplete: bool
    replaced_by: str | None  # the citation of its replacement, when the registry names one
    citing: tuple[str, ...]  # slugs of the published SOPs that cite it, in the rows' order

    @property
    def has_problem(self) -> bool:
        return self.status is LegalStatus.REPEALED or self.incomplete


@dataclass(frozen=True)
class AuditUnpublished:
    path: str
    code: str | None  # of the first error that kept it off the site
    message: str | None


@dataclass(frozen=True)
class Audit:
    sops: tuple[AuditSop, ...]  # by agency name, then nomor in natural order
    legal_bases: tuple[AuditLegalBasis, ...]  # those with a problem first, then the most cited
    unpublished: tuple[AuditUnpublished, ...]
    revision: str  # what the site was built from: 'Dibangun dari revisi …'
    history: str | None = None  # why git history is not available (None: it is)

    def agencies(self) -> list[tuple[str, str, list[AuditSop]]]:
        """(agency id, name, rows) in the rows' order."""
        groups: dict[str, tuple[str, list[AuditSop]]] = {}
        for row in self.sops:
            groups.setdefault(row.agency_id, (row.agency, []))[1].append(row)
        return [(agency_id, name, rows) for agency_id, (name, rows) in groups.items()]
