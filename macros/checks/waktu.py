"""Waktu kept as the source writes it: printed so, left out of the totals, and reported."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.base import shown
from ..model.duration import WrittenKind, WrittenTime
from ..model.project import Project, SopDocument
from .base import SopCheck, register

_CODES = {
    WrittenKind.BARE: codes.WAKTU_NO_UNIT,
    WrittenKind.WINDOW: codes.WAKTU_TEXT,
    WrittenKind.DEADLINE: codes.WAKTU_SINCE_EVENT,
}


def _message(value: WrittenTime, number: str) -> str:
    text = shown(value.text, 80)
    if value.kind is WrittenKind.BARE:
        return (
            f"waktu langkah {number} '{text}' tanpa satuan: dicetak apa adanya dan tidak dijumlahkan; bila "
            "kepala kolom waktu sumber menyebut satuannya (mis. 'Waktu (menit)'), tulis 'satuan_waktu: menit'"
        )
    if value.kind is WrittenKind.WINDOW:
        return (
            f"waktu langkah {number} '{text}' bukan lamanya langkah (tidak menyebut jumlah menit, jam atau "
            "hari): dicetak apa adanya dan tidak dijumlahkan dalam total waktu"
        )
    return (
        f"waktu langkah {number} '{text}' adalah batas yang dihitung {shown(value.since or '', 60)}, bukan lamanya langkah "
        "itu sendiri: dicetak apa adanya dan tidak dijumlahkan dalam total waktu"
    )


@register
class WrittenTimes(SopCheck):
    emits = tuple(_CODES.values())

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        for i, step in enumerate(sop.steps):
            if isinstance(step.duration, WrittenTime):
                yield _CODES[step.duration.kind].at(
                    document.locator.value("langkah", i, "waktu"), _message(step.duration, sop.step_number(i))
                )
