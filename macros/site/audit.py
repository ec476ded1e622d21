"""The audit's rows, from the validated model: every published SOP with its open findings, every
legal basis with the SOPs that cite it, and the SOP files the build left off the site."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..findings import Finding
from ..model.audit import Audit, AuditLegalBasis, AuditSop, AuditUnpublished
from ..model.registry import LegalStatus
from ..model.review import iso
from ..model.base import indonesian_date
from ..render.text import natural_key
from .data import SiteData


def build_audit(site: SiteData, unpublished: Iterable[tuple[str, Finding | None]], revision: str) -> Audit:
    """`unpublished`: (path, first error) of each SOP file left off the site."""
    agencies = site.registries.agencies
    rows = []
    for slug, sop in site.sops.items():
        counted = Counter(f.code for f in site.findings.get(slug, ()))
        history = site.history.of(slug) if site.history.available else None
        change = history.last_change if history is not None else None
        review = site.reviews.get(slug)
        records = site.monev_of(slug)
        rows.append(AuditSop(
            slug=slug, agency_id=sop.agency, agency=agencies[sop.agency].name, unit=sop.unit, number=sop.number,
            title=sop.title, status=sop.status,
            effective=sop.dates.effective_date.first if sop.dates.effective_date else None,
            revised=sop.dates.revised.first if sop.dates.revised else None,
            effective_shown=shown_date(sop.dates.effective_date_written),
            revised_shown=shown_date(sop.dates.revised_written),
            findings=tuple(sorted(counted.items())),
            changed=change.date.date() if change is not None else None,
            changed_commit=change.commit.short if change is not None else None,
            last_review=iso(review.last_review) if review is not None else None,
            planned_review=review.planned if review is not None and review.judged else None,
            overdue=bool(review and review.overdue),
            suspect=tuple(r.text() for r in review.reasons) if review is not None else (),
            last_monitoring=records.last_monitoring, last_evaluation=records.last_evaluation,
            open_actions=len(records.open_actions),
        ))
    rows.sort(key=lambda r: (r.agency.lower(), r.agency, r.agency_id, natural_key(r.number or ""), r.slug))
    order = {row.slug: n for n, row in enumerate(rows)}
    citing: dict[str, list[str]] = {}
    for slug, sop in site.sops.items():
        for basis_id in dict.fromkeys(sop.legal_bases):
            citing.setdefault(basis_id, []).append(slug)
    bases = []
    for basis_id, basis in site.registries.legal_bases.items():
        replacement = site.registries.legal_bases.get(basis.replaced_by) if basis.replaced_by else None
        bases.append(AuditLegalBasis(
            basis_id=basis_id, citation=basis.citation(), status=basis.status, incomplete=basis.incomplete,
            replaced_by=replacement.citation() if replacement else None,
            citing=tuple(sorted(citing.get(basis_id, ()), key=order.__getitem__)),
        ))
    bases.sort(key=lambda b: (not b.has_problem, b.status is not LegalStatus.REPEALED, -len(b.citing),
                              b.citation.lower(), b.basis_id))
    left_off = tuple(
        AuditUnpublished(path, first.code if first else None, first.message if first else None)
        for path, first in sorted(unpublished, key=lambda item: item[0])
    )
    history = None if site.history.available else (site.history.reason or "tidak tersedia")
    return Audit(tuple(rows), tuple(bases), left_off, revision, history)


def shown_date(value) -> str:
    """A date of the SOP as it prints ('' when the source has none)."""
    return indonesian_date(value) if value is not None else ""

