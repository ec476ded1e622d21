"""Decisions and the flow from the first step to an end of the procedure."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.base import identity
from ..model.errors import suggest
from ..model.base import shown
from ..model.flow import backward, ends, forward, reachable, step_exits, step_index, symbol_column
from ..model.project import Project, SopDocument
from ..model.sop import CONTINUED, END
from .base import SopCheck, register


def exit_label(exit_, position: int) -> str:
    """An exit in a message: its label quoted, or its place when the source draws none."""
    return f"'{exit_.label}'" if exit_.label else f"ke-{position + 1} (tanpa label)"


def exit_name(exit_, position: int) -> str:
    return f"cabang {exit_label(exit_, position)}"


@register
class Decisions(SopCheck):
    emits = (
        codes.DUPLICATE_STEP_ID,
        codes.RESERVED_STEP_ID,
        codes.TOO_FEW_EXITS,
        codes.EXIT_WITHOUT_TARGET,
        codes.EXIT_TARGET_MISSING,
        codes.DUPLICATE_EXIT_LABEL,
        codes.EXITS_TO_SAME_PLACE,
        codes.EXIT_TO_ITSELF,
        codes.DECISION_MARKED_END,
        codes.NESTED_DECISION_FORM,
        codes.SECOND_DECISION_JOINT,
        codes.CONTINUES_NOT_TRUNCATED,
        codes.ONE_EXIT,
        codes.QUESTION_NOT_DECISION,
        codes.HANDOVER_FORM,
        codes.BRANCH_SYMBOL_COLUMN,
        codes.BRANCH_SYMBOL_PLACE,
    )

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        loc = document.locator
        index = step_index(sop)
        for i, step in enumerate(sop.steps):
            if step.id in (END, CONTINUED):
                meaning = "akhir prosedur" if step.id == END else "alur berlanjut ke bagian sumber terpotong yang hilang"
                yield codes.RESERVED_STEP_ID.at(
                    loc.value("langkah", i, "id"),
                    f"id langkah '{step.id}' dicadangkan: 'ke: {step.id}' berarti {meaning}; pakai id lain",
                )
            elif step.id is not None and index[step.id] != i:
                yield codes.DUPLICATE_STEP_ID.at(
                    loc.value("langkah", i, "id"), f"id langkah '{step.id}' sudah dipakai langkah {sop.step_number(index[step.id])}"
                )
            if step.handover:
                yield from self._handover(document, i)
            if step.exits is None:
                if step.question is not None:
                    yield codes.QUESTION_NOT_DECISION.at(
                        loc.value("langkah", i, "pertanyaan"),
                        f"langkah {sop.step_number(i)} menulis pertanyaan tetapi bukan keputusan (tanpa 'keputusan:'); "
                        "pertanyaan dicetak di dalam belah ketupat: tulis cabangnya, atau hapus pertanyaannya",
                    )
                continue
            if step.ends:
                yield codes.DECISION_MARKED_END.at(
                    loc.value("langkah", i, "selesai"),
                    f"langkah {sop.step_number(i)} adalah keputusan; tulis akhir prosedur pada cabangnya ('ke: {END}'), "
                    "bukan 'selesai: true' pada langkahnya",
                )
            yield from self._decision(document, index, i, step.exits, ("langkah", i, "keputusan"), 0)
            links = [e for e, exit_ in enumerate(step.exits) if exit_.decides]
            if links and len(step.actors) > 1:
                yield codes.SECOND_DECISION_JOINT.at(
                    loc.value("langkah", i, "keputusan", links[0], "keputusan"),
                    f"langkah {sop.step_number(i)} dilaksanakan bersama ({len(step.actors)} pelaksana); keputusan kedua "
                    "hanya untuk langkah satu pelaksana (digambar bertumpuk di kolomnya): pecah menjadi langkah sendiri",
                )
            for e in links[1:]:
                yield codes.SECOND_DECISION_JOINT.at(
                    loc.value("langkah", i, "keputusan", e, "keputusan"),
                    f"langkah {sop.step_number(i)} sudah punya keputusan kedua ({exit_name(step.exits[links[0]], links[0])}); "
                    "satu langkah paling banyak dua keputusan: pecah menjadi langkah sendiri",
                )

    @staticmethod
    def _handover(document: SopDocument, i: int) -> Iterator[Finding]:
        """A hand-over is drawn as arrows along its row, from each actor to the next as written: there
        must be a next, and the arrows must run one way (back and forth they would overlap)."""
        sop = document.sop
        actors = sop.steps[i].actors
        where = document.locator.value("langkah", i, "serah_terima")
        if len(actors) < 2:
            yield codes.HANDOVER_FORM.at(
                where, f"langkah {sop.step_number(i)} ditandai serah terima tetapi hanya punya satu pelaksana; tulis "
                "pelaksana yang menyerahkan lalu yang menerima (pelaksana: [a, b])",
            )
            return
        columns = [sop.columns.index(a) for a in actors if a in sop.columns]
        steps = [b - a for a, b in zip(columns, columns[1:])]
        if not (all(d > 0 for d in steps) or all(d < 0 for d in steps)):
            yield codes.HANDOVER_FORM.at(
                where, f"langkah {sop.step_number(i)}: serah terima digambar sebagai panah berurutan sepanjang baris; "
                "urutan pelaksananya harus searah kolom (kiri ke kanan atau kanan ke kiri)",
            )

    @staticmethod
    def _branch_symbol(document: SopDocument, i: int, exit_, e: int, at: tuple, which: str) -> Iterator[Finding]:
        """A symbol on a branch (`melalui:`) stands in a column of the SOP, on the way to the exit's `ke`."""
        sop = document.sop
        loc = document.locator
        step, via = sop.steps[i], exit_.via
        if exit_.decides:
            yield codes.BRANCH_SYMBOL_PLACE.at(
                loc.value(*at, e, "melalui"),
                f"{exit_name(exit_, e)} pada {which} menggambar simbol ('melalui') tetapi membuka keputusan kedua; "
                "simbol digambar sebelum tujuan cabang: tulis pada cabang keputusan kedua yang melaluinya",
            )
        elif via.actor is not None and via.actor not in sop.columns:
            yield codes.BRANCH_SYMBOL_COLUMN.at(
                loc.value(*at, e, "melalui", "pelaksana"),
                f"pelaksana simbol '{shown(via.activity)}' pada {exit_name(exit_, e)} {which} ('{via.actor}') tidak "
                f"termasuk kolom 'pelaksana' SOP{suggest(via.actor, list(sop.columns))}",
            )
        elif symbol_column(step, via) is None:
            yield codes.BRANCH_SYMBOL_COLUMN.at(
                loc.value(*at, e, "melalui"),
                f"simbol '{shown(via.activity)}' pada {exit_name(exit_, e)} {which} tidak menyebut kolomnya, dan "
                f"keputusannya dilaksanakan bersama ({len(step.actors)} pelaksana); tulis "
                "'melalui: {kegiatan: …, pelaksana: <kolom>}'",
            )

    def _decision(self, document: SopDocument, index: dict[str, int], i: int, exits, at: tuple, depth: int) -> Iterator[Finding]:
        """The rules of one decision's exits: the step's own (`depth` 0) or its second decision (1)."""
        sop = document.sop
        loc = document.locator
        which = f"langkah {sop.step_number(i)}" if depth == 0 else f"keputusan kedua langkah {sop.step_number(i)}"
        if not exits:
            yield codes.TOO_FEW_EXITS.at(
                loc.value(*at),
                f"keputusan pada {which} tidak punya cabang; tulis setiap panah yang keluar dari belah ketupatnya "
                "(mis. Ya/Tidak)",
            )
        elif len(exits) == 1:
            yield codes.ONE_EXIT.at(
                loc.value(*at),
                f"keputusan pada {which} hanya punya satu cabang; digambar seperti sumber, dengan satu panah keluar. "
                "Bila sumber menggambar panah lain dari belah ketupat itu, tuliskan juga",
            )
        labels: dict[str, int] = {}
        places: dict[str, int] = {}
        for e, exit_ in enumerate(exits):
            key = identity(exit_.label) if exit_.label else None
            if key is not None and key in labels:
                yield codes.DUPLICATE_EXIT_LABEL.at(
                    loc.value(*at, e, "label"),
                    f"label cabang '{exit_.label}' pada {which} sudah dipakai cabang {labels[key] + 1}",
                )
            elif key is not None:
                labels[key] = e
            if exit_.question is not None and not exit_.decides:
                yield codes.QUESTION_NOT_DECISION.at(
                    loc.value(*at, e, "pertanyaan"),
                    f"{exit_name(exit_, e)} pada {which} menulis pertanyaan tetapi tidak membuka keputusan kedua "
                    "('keputusan:'); pertanyaan keputusan pertama ditulis pada langkahnya",
                )
            if exit_.via is not None:
                yield from self._branch_symbol(document, i, exit_, e, at, which)
            if exit_.decides:
                if exit_.target is not None:
                    yield codes.NESTED_DECISION_FORM.at(
                        loc.value(*at, e, "ke"),
                        f"{exit_name(exit_, e)} pada {which} menulis 'ke' dan 'keputusan' sekaligus; tulis salah satu: "
                        "'ke' (tujuannya) atau 'keputusan' (keputusan kedua langkah yang sama)",
                    )
                if depth >= 1:
                    yield codes.NESTED_DECISION_FORM.at(
                        loc.value(*at, e, "keputusan"),
                        f"{exit_name(exit_, e)} pada {which} membuka keputusan ketiga; keputusan bertingkat hanya "
                        "satu tingkat: pecah menjadi langkah sendiri",
                    )
                else:
                    yield from self._decision(document, index, i, exit_.exits, (*at, e, "keputusan"), depth + 1)
                continue
            if exit_.target is None:
                yield codes.EXIT_WITHOUT_TARGET.at(
                    loc.value(*at, e),
                    f"{exit_name(exit_, e)} pada {which} tidak menyebut tujuannya; tulis "
                    f"'ke: <id langkah>' atau 'ke: {END}' (akhir prosedur)"
                    + (f", atau 'ke: {CONTINUED}' (berlanjut ke bagian sumber yang hilang)" if sop.truncated else ""),
                )
                continue
            where = loc.value(*at, e, "ke")
            place = str(index.get(exit_.target, exit_.target)) if not exit_.leaves else exit_.target
            if exit_.via is not None:
                pass  # its way runs through its own symbol first: it parts from the others' all the same
            elif place in places:
                named = {END: "akhir prosedur", CONTINUED: "bagian sumber yang hilang ('bersambung')"}
                yield codes.EXITS_TO_SAME_PLACE.at(
                    where,
                    f"{exit_name(exit_, e)} dan {exit_label(exits[places[place]], places[place])} pada {which} sama-sama menuju "
                    f"{named.get(place, repr(exit_.target))}; satu keputusan memisahkan alur",
                )
            else:
                places[place] = e
            if exit_.continues and not sop.truncated:
                yield codes.CONTINUES_NOT_TRUNCATED.at(
                    where,
                    f"{exit_name(exit_, e)} pada {which} menuju '{CONTINUED}', padahal sumber SOP ini tidak terpotong; "
                    f"'ke: {CONTINUED}' hanya untuk SOP bertanda 'terpotong: true' (alurnya berlanjut ke bagian yang "
                    f"hilang): tulis id langkah tujuan atau '{END}'",
                )
            if exit_.leaves:
                continue
            if exit_.target not in index:
                hint = suggest(exit_.target, [*index, END, *([CONTINUED] if sop.truncated else [])])
                if exit_.target.isdigit():
                    hint = "; rujuk langkah dengan 'id'-nya, bukan nomor urut"
                yield codes.EXIT_TARGET_MISSING.at(
                    where, f"{exit_name(exit_, e)} pada {which} menuju langkah '{exit_.target}' yang tidak ada{hint}"
                )
            elif index[exit_.target] == i and exit_.via is None:  # through a symbol: back to check again
                yield codes.EXIT_TO_ITSELF.at(
                    where, f"{exit_name(exit_, e)} pada {which} menuju langkah itu sendiri"
                )


@register
class Reachability(SopCheck):
    emits = (codes.UNREACHABLE_STEP, codes.NO_WAY_TO_END)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        if any(exit_.target is None for step in sop.steps for _, exit_ in step_exits(step)) or any(
            step.exits == () for step in sop.steps
        ):
            return  # the flow is not written down yet (SOP-F009, F001 say where); paths would be guesses
        from_start = reachable(0, forward(sop))
        to_end = reachable(ends(sop), backward(sop))
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
                f"dari langkah {numbers} alur tidak pernah sampai ke akhir prosedur; periksa cabang keputusan "
                f"yang berputar tanpa jalan keluar (akhir: langkah terakhir, 'selesai: true' atau 'ke: {END}'"
                + (f"; sumber terpotong: 'ke: {CONTINUED}')" if sop.truncated else ")"),
            )
