"""Dates of the identity block. A date known only to the month or the year is a span of days:
one date is reported before another only when it is certainly before it."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.project import Project, SopDocument
from ..model.base import indonesian_date
from .base import SopCheck, register


@register
class DateOrder(SopCheck):
    emits = (codes.EFFECTIVE_BEFORE_CREATED, codes.REVISED_BEFORE_CREATED, codes.EFFECTIVE_TWICE,
             codes.RETIRED_BEFORE_CREATED, codes.YEARLESS_DATE)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        dates = sop.dates
        for key, value in dates.yearless():
            yield codes.YEARLESS_DATE.at(
                document.locator.value("tanggal", key),
                f"tanggal {key} '{value.text}' tanpa tahun: dicetak seperti ditulis dan tidak dipakai untuk urutan "
                "tanggal atau jadwal tinjauan; tulis tahunnya bila dokumen SOP menyebutnya",
            )
        if dates.effective_written is not None and dates.ratified_written is not None:
            yield codes.EFFECTIVE_TWICE.at(
                document.locator.key("tanggal", "pengesahan"),
                "tanggal efektif dan tanggal pengesahan ditulis keduanya; keduanya tanggal mulai berlakunya SOP, "
                "tulis salah satu ('efektif' atau 'pengesahan', sebagaimana sumber menyebutnya)",
            )
        effective = dates.effective_date
        effective_key = "pengesahan" if dates.ratified_written is not None else "efektif"
        effective_name = dates.effective_label.lower()
        created = dates.created
        if created is not None:
            shown = indonesian_date(created)
            if effective is not None and effective.certainly_before(created):
                yield codes.EFFECTIVE_BEFORE_CREATED.at(
                    document.locator.value("tanggal", effective_key),
                    f"{effective_name} {indonesian_date(effective)} sebelum tanggal pembuatan {shown}",
                )
            if dates.revised is not None and dates.revised.certainly_before(created):
                yield codes.REVISED_BEFORE_CREATED.at(
                    document.locator.value("tanggal", "revisi"),
                    f"tanggal revisi {indonesian_date(dates.revised)} sebelum tanggal pembuatan {shown}",
                )
        retired = sop.retirement.date if sop.retirement is not None else None
        if retired is not None:
            for name, date in (("tanggal pembuatan", created), (effective_name, effective)):
                if date is not None and retired.certainly_before(date):
                    yield codes.RETIRED_BEFORE_CREATED.at(
                        document.locator.value("dicabut", "tanggal"),
                        f"tanggal pencabutan {indonesian_date(retired)} sebelum {name} {indonesian_date(date)}",
                    )
                    break
