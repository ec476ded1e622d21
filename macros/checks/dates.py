"""Dates of the identity block."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.project import Project, SopDocument
from ..render.text import indonesian_date
from .base import SopCheck, register


@register
class DateOrder(SopCheck):
    codes = (codes.EFFECTIVE_BEFORE_CREATED, codes.REVISED_BEFORE_CREATED)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        dates = document.sop.dates
        created = indonesian_date(dates.created)
        if dates.effective is not None and dates.effective < dates.created:
            yield codes.EFFECTIVE_BEFORE_CREATED.at(
                document.locator.value("tanggal", "efektif"),
                f"tanggal efektif {indonesian_date(dates.effective)} sebelum tanggal pembuatan {created}",
            )
        if dates.revised is not None and dates.revised < dates.created:
            yield codes.REVISED_BEFORE_CREATED.at(
                document.locator.value("tanggal", "revisi"),
                f"tanggal revisi {indonesian_date(dates.revised)} sebelum tanggal pembuatan {created}",
            )
