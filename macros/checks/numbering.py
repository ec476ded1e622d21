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
from ..model.sop import item_numbers
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


def item_location(document: SopDocument, key: str, index: int, field: str):
    """Where an item of an identity list is written: its `field` when written as a mapping."""
    item = document.sop.numbered_lists[key][index]
    return document.locator.value(key, index) if isinstance(item, str) else document.locator.value(key, index, field)


@register
class SourceItemNumbers(SopCheck):
    """Identity lists may print the source's own item numbers (a list that starts at 9, or skips):
    each written number continues the list, so it must be higher than the number before it."""

    emits = (codes.ITEM_NUMBERS_NOT_INCREASING,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        for key, items in document.sop.numbered_lists.items():
            previous = 0
            for i, (item, number) in enumerate(zip(items, item_numbers(items))):
                if getattr(item, "number", None) is not None and number <= previous:
                    yield codes.ITEM_NUMBERS_NOT_INCREASING.at(
                        document.locator.value(key, i, "nomor"),
                        f"nomor butir {number} ({key}, butir ke-{i + 1}) tidak lebih besar dari nomor {previous} "
                        "sebelumnya; nomor butir naik mengikuti urutan (celah seperti 1, 3, 4 boleh)",
                    )
                previous = number
