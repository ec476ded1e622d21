"""Review dates and suspect SOPs: when an SOP is due for review, and what changed since its last one.

Pure rules over the model, the registries, the git history (when there is one) and "today":

- The **last review** is the newest of the reviews recorded in the source (`tinjauan`), the
  revision date (`tanggal.revisi`, unless it lies after today: then it is the planned one), the
  effective date and the date of making. A revision listed in `riwayat_revisi` is a change, not a
  review.
- The **planned review date**: `tanggal.revisi` when it lies after today; otherwise the last review
  plus the agency's review period (`masa_tinjauan` in `_instansi.yml`); without a period, none.
  An SOP is **overdue** when today is after its planned review date.
- An SOP is **suspect** ("perlu ditinjau") when something it relies on changed after its last
  review: a cited legal basis repealed or edited, a related SOP retired, a role it uses renamed or
  otherwise changed. The git history dates each change (the commit that made it); without one,
  the sources alone date a repeal by its replacement's date (`tanggal` or `tahun`) and a
  retirement by `dicabut.tanggal`. A change the sources cannot date keeps the SOP suspect until a
  review is recorded.

Only SOPs in force are judged: a draft is not yet in force, a retired SOP no longer.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from .base import MONTHS, PartialDate
from .diff import ChangeKind, relied_on
from .history import ProjectHistory
from .registry import Agency, LegalBasis, LegalStatus, Role
from .review_period import Period
from .sop import Sop, Status

Day = dt.date | PartialDate


class Baseline(str, enum.Enum):
    """Which date of the source the last review is."""

    REVIEW = "tinjauan"
    REVISED = "revisi"
    EFFECTIVE = "efektif"
    CREATED = "pembuatan"


BASELINE_WORDS = {
    Baseline.REVIEW: "tinjauan terakhir",
    Baseline.REVISED: "tanggal revisi",
    Baseline.EFFECTIVE: "tanggal efektif",
    Baseline.CREATED: "tanggal pembuatan",
}


class PlanBasis(str, enum.Enum):
    """Where the planned review date comes from."""

    REVISION_DATE = "tanggal_revisi"  # tanggal.revisi, a date after today
    PERIOD = "masa_tinjauan"  # the last review plus the agency's review period


class ReasonKind(str, enum.Enum):
    """What changed that an SOP relies on (stable ids, for the audit page and its export)."""

    LEGAL_REPEALED = "dasar_hukum_dicabut"
    LEGAL_EDITED = "dasar_hukum_diubah"
    RELATED_RETIRED = "keterkaitan_dicabut"
    ROLE_CHANGED = "jabatan_diubah"


class Known(str, enum.Enum):
    """How the date of a change is known."""

    GIT = "git"  # the commit that made the change
    SOURCES = "sumber"  # a date the sources state (a replacement's date, dicabut.tanggal)
    UNKNOWN = "tidak_diketahui"


@dataclass(frozen=True)
class SuspectReason:
    """One change after the last review. `ref`: the legal basis id, role id or related SOP slug;
    `label`: what it is in words (the citation, the role's name, the SOP's title); `when`: the day
    of the change (None: unknown); `commit`: the short id of the commit that made it, when git
    says so; `detail`: more words on the change (a role's old and new name)."""

    kind: ReasonKind
    ref: str
    label: str
    when: Day | None
    known: Known
    commit: str | None = None
    detail: str | None = None

    def text(self) -> str:
        """The reason in one Indonesian clause, as findings and pages say it."""
        what = {
            ReasonKind.LEGAL_REPEALED: f"dasar hukum '{self.ref}' dicabut",
            ReasonKind.LEGAL_EDITED: f"dasar hukum '{self.ref}' diubah di registri",
            ReasonKind.RELATED_RETIRED: f"SOP terkait '{self.ref}' dicabut",
            ReasonKind.ROLE_CHANGED: f"jabatan '{self.ref}' diubah di registri",
        }[self.kind]
        if self.detail:
            what += f" ({self.detail})"
        return f"{what} {self.when_text()}"

    def when_text(self) -> str:
        if self.when is None:
            noun = "pencabutan" if self.kind in (ReasonKind.LEGAL_REPEALED, ReasonKind.RELATED_RETIRED) else "perubahan"
            return f"(tanggal {noun} tidak diketahui)"
        day = day_text(self.when)
        if self.known is Known.GIT:
            return f"pada {day} (commit {self.commit})"
        return f"pada {day} (menurut sumber)"


@dataclass(frozen=True)
class ReviewState:
    """Where one SOP stands: its last review, its planned review, and why it is suspect."""

    slug: str
    judged: bool  # False: a draft or a retired SOP, which no review rule applies to
    last_review: Day | None
    last_basis: Baseline | None
    reviewer: str | None  # of the last recorded review, when the last review is one
    planned: dt.date | None
    plan_basis: PlanBasis | None
    period: Period | None  # the agency's review period (masa_tinjauan), when it sets one
    overdue: bool
    reasons: tuple[SuspectReason, ...]

    @property
    def suspect(self) -> bool:
        return bool(self.reasons)

    def record(self) -> dict:
        """The state as plain data with stable Indonesian keys (dates as TTTT-BB-HH, as precise as
        known), for an export such as the audit page's CSV/xlsx."""
        return {
            "sop": self.slug,
            "dinilai": self.judged,
            "tinjauan_terakhir": iso(self.last_review),
            "dasar_tinjauan_terakhir": self.last_basis.value if self.last_basis else None,
            "peninjau": self.reviewer,
            "jadwal_tinjauan": iso(self.planned),
            "dasar_jadwal": self.plan_basis.value if self.plan_basis else None,
            "masa_tinjauan": self.period.text() if self.period else None,
            "lewat_jadwal": self.overdue,
            "perlu_ditinjau": self.suspect,
            "sebab": [
                {
                    "jenis": r.kind.value, "rujukan": r.ref, "nama": r.label, "tanggal": iso(r.when),
                    "tanggal_dari": r.known.value, "commit": r.commit, "rincian": r.detail, "teks": r.text(),
                }
                for r in self.reasons
            ],
        }


def iso(value: "Day | None") -> str | None:
    return None if value is None else value.isoformat()


def day_text(value: Day) -> str:
    """05 Februari 2020, or as precisely as the date is known."""
    if isinstance(value, PartialDate) and (value.month is None or value.day is None):
        return str(value.year) if value.month is None else f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day:02d} {MONTHS[value.month - 1]} {value.year}"


def _first(day: Day) -> dt.date:
    return day.first if isinstance(day, PartialDate) else day


def _last(day: Day) -> dt.date:
    return day.last if isinstance(day, PartialDate) else day


def after(change: Day, review: Day | None) -> bool:
    """Certainly after: every day the change may be comes after every day the review may be (a
    change on the day of the review was seen by it). No review at all: every change is after."""
    return review is None or _first(change) > _last(review)


def last_review(sop: Sop, today: dt.date) -> tuple[Day | None, Baseline | None, str | None]:
    """The newest of the recorded reviews, the revision date (unless after today), the effective
    date and the date of making; with the reviewer when it is a recorded review."""
    found: list[tuple[tuple[dt.date, dt.date, int], Day, Baseline, str | None]] = []

    def add(day: Day | None, basis: Baseline, who: str | None = None) -> None:
        if day is not None:
            found.append(((_last(day), _first(day), -list(Baseline).index(basis)), day, basis, who))

    for review in sop.reviews:
        add(review.date, Baseline.REVIEW, review.reviewer)
    if sop.dates.revised is not None and not _first(sop.dates.revised) > today:
        add(sop.dates.revised, Baseline.REVISED)
    add(sop.dates.effective_date, Baseline.EFFECTIVE)
    add(sop.dates.created, Baseline.CREATED)
    if not found:
        return None, None, None
    _, day, basis, who = max(found, key=lambda item: item[0])
    return day, basis, who


def planned_review(sop: Sop, last: Day | None, period: Period | None, today: dt.date) -> tuple[dt.date | None, PlanBasis | None]:
    """tanggal.revisi when it lies after today; else the last review plus the review period."""
    revised = sop.dates.revised
    if revised is not None and _first(revised) > today:
        return _first(revised), PlanBasis.REVISION_DATE
    if period is not None and last is not None:
        return period.after(_last(last)), PlanBasis.PERIOD
    return None, None


def is_overdue(planned: dt.date | None, today: dt.date) -> bool:
    return planned is not None and today > planned


def _meaningful(old: LegalBasis | None, new: LegalBasis | None) -> bool:
    """A change to a legal basis an SOP must look at: anything but the registry's own note."""
    if old is None or new is None:
        return old is not new
    return old.model_copy(update={"note": None}) != new.model_copy(update={"note": None})


def _role_detail(old: Role | None, new: Role | None) -> str:
    if new is None:
        return "dihapus dari registri"
    if old is not None and old.name != new.name:
        return f"nama '{old.name}' menjadi '{new.name}'"
    if old is not None and old.short_name != new.short_name:
        return f"singkatan '{old.short_name}' menjadi '{new.short_name}'"
    return "isian lain berubah"


def _replacement_day(basis: LegalBasis, legal: Mapping[str, LegalBasis]) -> PartialDate | None:
    """When a repealed basis was repealed, as far as the sources say: its replacement's date or year."""
    replacement = legal.get(basis.replaced_by) if basis.replaced_by else None
    if replacement is None:
        return None
    if replacement.date is not None:
        return replacement.date
    return PartialDate(replacement.year) if replacement.year is not None else None


def _git_changes(slug: str, sop: Sop, history: ProjectHistory | None):
    """(reason kind, entry, day, commit, old, new) of each registry change in the SOP's history,
    newest first, for the entries it relies on now."""
    line = history.of(slug) if history is not None and history.available else None
    if line is None:
        return []
    bases, roles, _ = relied_on(sop)
    found = []
    for version in line.versions:
        for change in version.changes:
            if change.kind in (ChangeKind.LEGAL_REPEALED, ChangeKind.LEGAL_EDITED) and change.field in bases:
                if not _meaningful(change.old, change.new):
                    continue
                kind = ReasonKind.LEGAL_REPEALED if change.kind is ChangeKind.LEGAL_REPEALED else ReasonKind.LEGAL_EDITED
            elif change.kind is ChangeKind.ROLE_EDITED and change.field in roles:
                kind = ReasonKind.ROLE_CHANGED
            else:
                continue
            found.append((kind, change.field, version.date.date(), version.commit.short, change.old, change.new))
    return found


def _retired_in_git(slug: str, history: ProjectHistory | None) -> tuple[dt.date, str] | None:
    """The day and commit that retired SOP `slug`, when its history shows it."""
    line = history.of(slug) if history is not None and history.available else None
    for version in line.versions if line is not None else ():
        for change in version.changes:
            if change.kind is ChangeKind.IDENTITY and change.field == "status" and change.new is Status.RETIRED:
                return version.date.date(), version.commit.short
    return None


def suspect_reasons(
    slug: str, sop: Sop, last: Day | None, *, legal: Mapping[str, LegalBasis], roles: Mapping[str, Role],
    sops: Mapping[str, Sop], history: ProjectHistory | None,
) -> tuple[SuspectReason, ...]:
    """Every change the SOP relies on made after `last` (its last review), one per entry: the
    newest such change of each."""
    reasons: dict[tuple[str, str], SuspectReason] = {}
    recorded = bool(sop.reviews)
    git_repealed: set[str] = set()

    def label_of(kind: ReasonKind, ref: str) -> str:
        if kind in (ReasonKind.LEGAL_REPEALED, ReasonKind.LEGAL_EDITED):
            return legal[ref].citation() if ref in legal else ref
        if kind is ReasonKind.ROLE_CHANGED:
            return roles[ref].name if ref in roles else ref
        return sops[ref].title if ref in sops else ref

    for kind, ref, day, commit, old, new in _git_changes(slug, sop, history):
        if kind is ReasonKind.LEGAL_REPEALED:
            git_repealed.add(ref)
        group = "jabatan" if kind is ReasonKind.ROLE_CHANGED else "dasar_hukum"
        if (group, ref) in reasons or not after(day, last):
            continue
        detail = _role_detail(old, new) if kind is ReasonKind.ROLE_CHANGED else None
        reasons[(group, ref)] = SuspectReason(kind, ref, label_of(kind, ref), day, Known.GIT, commit, detail)

    # A repeal git did not date (made before the SOP began, or not yet committed): the sources' date.
    for ref in dict.fromkeys(sop.legal_bases):
        basis = legal.get(ref)
        if basis is None or basis.status is not LegalStatus.REPEALED or ref in git_repealed:
            continue
        if ("dasar_hukum", ref) in reasons:
            continue
        day = _replacement_day(basis, legal)
        if day is None and recorded or day is not None and not after(day, last):
            continue
        known = Known.UNKNOWN if day is None else Known.SOURCES
        reasons[("dasar_hukum", ref)] = SuspectReason(ReasonKind.LEGAL_REPEALED, ref, label_of(ReasonKind.LEGAL_REPEALED, ref), day, known)

    for related in sop.related:
        other = sops.get(related.slug) if related.slug is not None else None
        if other is None or other.status is not Status.RETIRED or ("keterkaitan", related.slug) in reasons:
            continue
        in_git = _retired_in_git(related.slug, history)
        if in_git is not None:
            day, commit = in_git
            if after(day, last):
                reasons[("keterkaitan", related.slug)] = SuspectReason(
                    ReasonKind.RELATED_RETIRED, related.slug, other.title, day, Known.GIT, commit
                )
            continue
        stated = other.retirement.date if other.retirement is not None else None
        if stated is None and recorded or stated is not None and not after(stated, last):
            continue
        reasons[("keterkaitan", related.slug)] = SuspectReason(
            ReasonKind.RELATED_RETIRED, related.slug, other.title, stated, Known.UNKNOWN if stated is None else Known.SOURCES
        )
    order = list(ReasonKind)
    return tuple(sorted(reasons.values(), key=lambda r: (order.index(r.kind), r.ref)))


def review_state(
    slug: str, sop: Sop, today: dt.date, *, agencies: Mapping[str, Agency], legal: Mapping[str, LegalBasis],
    roles: Mapping[str, Role], sops: Mapping[str, Sop], history: ProjectHistory | None,
) -> ReviewState:
    last, basis, reviewer = last_review(sop, today)
    if sop.status is not Status.IN_FORCE:
        return ReviewState(slug, False, last, basis, reviewer, None, None, None, False, ())
    agency = agencies.get(sop.agency)
    period = agency.review_period if agency is not None else None
    planned, plan_basis = planned_review(sop, last, period, today)
    reasons = suspect_reasons(slug, sop, last, legal=legal, roles=roles, sops=sops, history=history)
    return ReviewState(slug, True, last, basis, reviewer, planned, plan_basis, period, is_overdue(planned, today), reasons)


def review_states(
    sops: Mapping[str, Sop], today: dt.date, *, agencies: Mapping[str, Agency], legal: Mapping[str, LegalBasis],
    roles: Mapping[str, Role], history: ProjectHistory | None,
) -> dict[str, ReviewState]:
    """slug -> state, for every SOP given, in slug order."""
    return {
        slug: review_state(slug, sops[slug], today, agencies=agencies, legal=legal, roles=roles, sops=sops, history=history)
        for slug in sorted(sops)
    }
