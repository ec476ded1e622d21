"""The source's own step numbers (`nomor:` per step): all or none, whole numbers, unique, increasing.

Gaps are allowed (a source printed 1–4, 6); the numbers are what tables, diagrams and messages show.
"""

from __future__ import annotations

import re
from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.base import shown
from ..model.project import Project, SopDocument
from .base import SopCheck, register

_WHOLE = re.compile(r"[1-9][0-9]{0,3}")  # 1..9999: a printed step number


@register
class SourceStepNumbers(SopCheck):
    emits = (
        codes.STEP_NUMBERS_PARTIAL,
        codes.STEP_NUMBER_TWICE,
        codes.STEP_NUMBERS_NOT_INCREASING,
        codes.STEP_NUMBER_FORM,
    )

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        steps = document.sop.steps
        loc = document.locator
        numbered = [i for i, step in enumerate(steps) if step.number is not None]
        if not numbered:
            return
        if len(numbered) < len(steps):
            missing = [i for i, step in enumerate(steps) if step.number is None]
            positions = ", ".join(str(i + 1) for i in missing[:5]) + (", …" if len(missing) > 5 else "")
            yield codes.STEP_NUMBERS_PARTIAL.at(
                loc.key("langkah", missing[0]),
                f"'nomor' ditulis pada {len(numbered)} dari {len(steps)} langkah; tulis 'nomor' pada setiap "
                f"langkah (langkah ke-{positions} belum) atau hapus semuanya agar langkah dinomori 1..{len(steps)}",
            )
            return
        values: list[int | None] = []
        for i, step in enumerate(steps):
            text = step.number.strip()
            if _WHOLE.fullmatch(text):
                values.append(int(text))
            else:
                values.append(None)
                yield codes.STEP_NUMBER_FORM.at(
                    loc.value("langkah", i, "nomor"),
                    f"nomor langkah '{shown(step.number)}' (langkah ke-{i + 1}) bukan bilangan bulat positif; "
                    "tulis angkanya seperti dicetak sumber, mis. 6",
                )
        first: dict[int, int] = {}
        previous: tuple[int, int] | None = None  # (value, position) of the last well-formed number
        for i, value in enumerate(values):
            if value is None:
                continue
            if value in first:
                yield codes.STEP_NUMBER_TWICE.at(
                    loc.value("langkah", i, "nomor"),
                    f"nomor langkah {value} sudah dipakai langkah ke-{first[value] + 1}; setiap langkah bernomor sendiri",
                )
            else:
                first[value] = i
                if previous is not None and value < previous[0]:
                    yield codes.STEP_NUMBERS_NOT_INCREASING.at(
                        loc.value("langkah", i, "nomor"),
                        f"nomor langkah {value} (langkah ke-{i + 1}) lebih kecil dari nomor {previous[0]} sebelumnya; "
                        "nomor harus naik mengikuti urutan langkah (celah seperti 1–4, 6 boleh)",
                    )
            previous = (value, i) if previous is None or value > previous[0] else previous
        return
