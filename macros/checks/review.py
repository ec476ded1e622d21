"""Review rules: a review recorded in the source is plausible, an SOP past its planned review date
is reported, and so is an SOP something it relies on changed after its last review.

The rules themselves are in model/review.py (the site marks its pages with the same results)."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from .. import codes
from ..findings import Finding, Location
from ..model.base import indonesian_date
from ..model.project import Project, SopDocument
from ..model.review import BASELINE_WORDS, ReasonKind, ReviewState, SuspectReason, day_text, review_states
from .numbering import item_location
from .base import JudgingCheck, register



def project_today(project: Project) -> dt.date:
    return project.today


def project_states(project: Project, documents: list[SopDocument] | None = None) -> dict[str, ReviewState]:
    """The review state of each SOP with a model (or of `documents`), judged on the project's day."""
    chosen = _judged_documents(project.valid_documents if documents is None else documents)
    sops = {document.slug: document.sop for document in chosen}
    return review_states(
        sops, project_today(project), agencies=project.agencies.entries, legal=project.legal_bases.entries,
        roles=project.roles.entries, history=project.history,
    )


def baseline_words(state: ReviewState) -> str:
    if state.last_review is None:
        return "tanpa tanggal"
    return f"{BASELINE_WORDS[state.last_basis]} {day_text(state.last_review)}"


def _reason_location(document: SopDocument, reason: SuspectReason) -> Location:
    sop, locator = document.sop, document.locator
    if reason.kind in (ReasonKind.LEGAL_REPEALED, ReasonKind.LEGAL_EDITED):
        return item_location(document, "dasar_hukum", sop.legal_bases.index(reason.ref), "id")
    if reason.kind is ReasonKind.RELATED_RETIRED:
        index = next(i for i, r in enumerate(sop.related) if r.slug == reason.ref)
        return locator.value("keterkaitan", index, "sop")
    for index, key in enumerate(sop.columns):
        if reason.ref in sop.column_roles(key):
            return locator.value("pelaksana", index)
    if sop.approval is not None and sop.approval.role == reason.ref:
        return locator.value("disahkan_oleh", "jabatan")
    key = next((key for key, role in sop.responsible_roles if role == reason.ref), None)
    return locator.value("penanggung_jawab", key) if key is not None else locator.value()


@register
class ReviewRules(JudgingCheck[dict[str, ReviewState]]):
    emits = (codes.REVIEW_OVERDUE, codes.REVIEW_SUSPECT, codes.REVIEW_BEFORE_CREATED, codes.REVIEW_IN_FUTURE)

    def judge(self, project: Project) -> dict[str, ReviewState]:
        return project_states(project)

    def report(self, project: Project, judgement: dict[str, ReviewState]) -> Iterator[Finding]:
        today = project_today(project)
        for document in project.valid_documents:
            yield from self._recorded(document, today)
        for document in _judged_documents(project.valid_documents):
            yield from self._judged(document, judgement[document.slug])

    @staticmethod
    def _recorded(document: SopDocument, today: dt.date) -> Iterator[Finding]:
        created = document.sop.dates.created
        for index, review in enumerate(document.sop.reviews):
            where = document.locator.value("tinjauan", index, "tanggal")
            if created is not None and review.date.certainly_before(created):
                yield codes.REVIEW_BEFORE_CREATED.at(
                    where, f"tinjauan {indonesian_date(review.date)} sebelum tanggal pembuatan {indonesian_date(created)}"
                )
            if review.date.first > today:
                yield codes.REVIEW_IN_FUTURE.at(
                    where,
                    f"tinjauan {indonesian_date(review.date)} sesudah hari ini: catat hanya tinjauan yang sudah "
                    "dilakukan; tanggal tinjauan yang direncanakan ditulis di tanggal.revisi",
                )

    @staticmethod
    def _judged(document: SopDocument, state: ReviewState) -> Iterator[Finding]:
        if state.overdue:  # only a planned date from the review period can pass (tanggal.revisi is a plan while ahead)
            yield codes.REVIEW_OVERDUE.at(
                document.locator.key("tanggal"),
                f"SOP melewati tanggal tinjauan {day_text(state.planned)} ({baseline_words(state)} + masa tinjauan "
                f"instansi {state.period.text()}); tinjau SOP ini lalu catat di 'tinjauan' (tanggal, peninjau)",
            )
        for reason in state.reasons:
            since = "belum ada tinjauan yang dicatat" if reason.when is None else f"setelah {baseline_words(state)}"
            yield codes.REVIEW_SUSPECT.at(
                _reason_location(document, reason),
                f"perlu ditinjau: {reason.text()}, {since}; tinjau SOP ini lalu catat di 'tinjauan' (tanggal, peninjau)",
            )


def _judged_documents(documents: list[SopDocument]) -> list[SopDocument]:
    """One document per slug, the first by path (two files with one slug are SOP-S005)."""
    first: dict[str, SopDocument] = {}
    for document in sorted(documents, key=lambda d: (d.slug, d.path)):
        first.setdefault(document.slug, document)
    return list(first.values())
