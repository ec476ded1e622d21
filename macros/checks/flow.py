"""Decisions and the flow from the first step to the last."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.errors import suggest
from ..model.flow import backward, forward, reachable, step_index
from ..model.project import Project, SopDocument
from .base import SopCheck, register


@register
class Decisions(SopCheck):
    codes = (
        codes.DUPLICATE_STEP_ID,
        codes.TOO_FEW_EXITS,
        codes.EXIT_TARGET_MISSING,
        codes.DUPLICATE_EXIT_LABEL,
        codes.EXIT_TO_ITSELF,
        codes.LAST_STEP_DECISION,
    )

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        loc = document.locator
        index = step_index(sop)
        last = len(sop.steps) - 1
        for i, step in enumerate(sop.steps):
            if step.id is not None and index[step.id] != i:
                yield codes.DUPLICATE_STEP_ID.at(
                    loc.value("langkah", i, "id"), f"id langkah '{step.id}' sudah dipakai langkah {sop.step_number(index[step.id])}"
                )
            if step.exits is None:
                continue
            if i == last:
                yield codes.LAST_STEP_DECISION.at(
                    loc.value("langkah", i, "keputusan"),
                    f"langkah {sop.step_number(i)} adalah langkah terakhir (akhir prosedur) dan tidak boleh berupa keputusan",
                )
            if len(step.exits) < 2:
                yield codes.TOO_FEW_EXITS.at(
                    loc.value("langkah", i, "keputusan"),
                    f"keputusan pada langkah {sop.step_number(i)} hanya punya {len(step.exits)} cabang; minimal dua (mis. Ya/Tidak)",
                )
            labels: dict[str, int] = {}
            for e, exit_ in enumerate(step.exits):
                key = " ".join(exit_.label.lower().split())
                if key in labels:
                    yield codes.DUPLICATE_EXIT_LABEL.at(
                        loc.value("langkah", i, "keputusan", e, "label"),
                        f"label cabang '{exit_.label}' pada langkah {sop.step_number(i)} sudah dipakai cabang {labels[key] + 1}",
                    )
                else:
                    labels[key] = e
                if exit_.target is None:
                    continue
                where = loc.value("langkah", i, "keputusan", e, "ke")
                if exit_.target not in index:
                    hint = suggest(exit_.target, list(index))
                    if exit_.target.isdigit():
                        hint = "; rujuk langkah dengan 'id'-nya, bukan nomor urut"
                    yield codes.EXIT_TARGET_MISSING.at(
                        where, f"cabang '{exit_.label}' pada langkah {sop.step_number(i)} menuju langkah '{exit_.target}' yang tidak ada{hint}"
                    )
                elif index[exit_.target] == i:
                    yield codes.EXIT_TO_ITSELF.at(
                        where, f"cabang '{exit_.label}' pada langkah {sop.step_number(i)} menuju langkah itu sendiri"
                    )


@register
class Reachability(SopCheck):
    codes = (codes.UNREACHABLE_STEP, codes.NO_WAY_TO_END)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        last = len(sop.steps) - 1
        from_start = reachable(0, forward(sop))
        to_end = reachable(last, backward(sop))
        for i in range(len(sop.steps)):
            if i not in from_start:
                yield codes.UNREACHABLE_STEP.at(
                    document.locator.value("langkah", i),
                    f"langkah {sop.step_number(i)} tidak dapat dicapai dari langkah pertama",
                )
        stuck = sorted(i for i in from_start if i not in to_end)
        if stuck:
            numbers = ", ".join(sop.step_number(i) for i in stuck)
            yield codes.NO_WAY_TO_END.at(
                document.locator.value("langkah", stuck[0]),
                f"dari langkah {numbers} alur tidak pernah sampai ke langkah terakhir ({sop.step_number(last)}); "
                "periksa cabang keputusan yang berputar tanpa jalan keluar",
            )
