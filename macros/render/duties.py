"""What one role does: its steps, what starts each, where each result goes."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.flow import continues, edges, step_exits, step_index, symbol_column
from ..model.sop import CONTINUED, END, Sop, Via
from .actors import column_headings, step_actors, symbol_text
from .context import Registries
from .text import TotalTime, total_time


@dataclass(frozen=True)
class Link:
    step: int | None  # 0-based; None: the end of the procedure (or, truncated, the missing rest)
    number: str  # as shown (Sop.step_number); empty for the end
    label: str | None  # the decision exit taken, if any
    actors: str  # short names of the other step's actors
    end: str = END  # for step None: "selesai", or "bersambung" on past a truncated source
    through: str | None = None  # the symbol the branch draws on the way: 'Melengkapi berkas (Pemohon)'


def role_steps(sop: Sop, role: str) -> list[int]:
    """The steps a role does, alone or as one choice of an either/or column."""
    return [i for i in range(len(sop.steps)) if sop.acts_in(role, i) is not None]


@dataclass(frozen=True)
class BranchDuty:
    """A symbol a source draws on a decision's branch in a role's column: something the role does there,
    though not a step (no number, no time)."""

    decision: int  # 0-based
    heading: str  # 'Bila Tidak lengkap (langkah 2)'
    activity: str
    goes: list[Link]  # where the branch leads after it


def branch_duties(sop: Sop, role: str, registries: Registries) -> dict[int, list[BranchDuty]]:
    """Decision index -> the symbols its branches draw in a column `role` fills, in writing order."""
    result: dict[int, list[BranchDuty]] = {}
    index = step_index(sop)
    for i, step in enumerate(sop.steps):
        for via, e in step_exits(step):
            column = symbol_column(step, e.via) if e.via is not None else None
            if column is None or role not in sop.column_roles(column):
                continue
            path = ", ".join(x for x in (*via, e.label) if x)
            number = sop.step_number(i)
            heading = f"Bila {path} (langkah {number})" if path else f"Pada cabang langkah {number}"
            if e.leaves:
                goes = [Link(None, "", None, "", e.target)]
            else:
                target = index[e.target]
                goes = [Link(target, sop.step_number(target), None, _actors(sop, target, registries))]
            result.setdefault(i, []).append(BranchDuty(i, heading, e.via.activity, goes))
    return result


def _actors(sop: Sop, step: int, registries: Registries) -> str:
    return step_actors(sop, step, registries)


def _through(sop: Sop, step: int, symbol: Via | None, registries: Registries) -> str | None:
    return symbol_text(sop.steps[step], symbol, column_headings(sop, registries)) if symbol is not None else None


def incoming(sop: Sop, step: int, registries: Registries) -> list[Link]:
    return [
        Link(e.source, sop.step_number(e.source), e.path or None, _actors(sop, e.source, registries),
             through=_through(sop, e.source, e.symbol, registries))
        for e in edges(sop)
        if e.target == step
    ]


def outgoing(sop: Sop, step: int, registries: Registries) -> list[Link]:
    """Where the step's result goes, in the order its exits are written; the end is a place too."""
    if sop.steps[step].is_decision:
        index = step_index(sop)
        result = []
        for via, e in step_exits(sop.steps[step]):
            path = ", ".join(x for x in (*via, e.label) if x) or None  # 'Lengkap, Sah'; None: drawn unlabelled
            through = _through(sop, step, e.via, registries)
            if e.leaves:
                result.append(Link(None, "", path, "", e.target, through))
            else:
                target = index[e.target]
                result.append(Link(target, sop.step_number(target), path, _actors(sop, target, registries), through=through))
        return result
    if continues(sop, step):
        return [Link(None, "", None, "", CONTINUED)]
    return [Link(e.target, sop.step_number(e.target), e.label, _actors(sop, e.target, registries)) for e in edges(sop) if e.source == step]


def starts_text(links: list[Link], first: bool = False) -> str:
    """`first`: the step that opens the procedure, which a loop back may also lead to."""
    parts = ["awal prosedur"] if first or not links else []
    parts += [
        f"setelah langkah {l.number} ({l.actors})" + (f", bila {l.label}" if l.label else "")
        + (f", lalu {l.through}" if l.through else "")
        for l in links
    ]
    return "; atau ".join(parts)


def _place(link: Link) -> str:
    if link.step is not None:
        return f"langkah {link.number} ({link.actors})"
    if link.end == CONTINUED:
        return "bersambung (langkah berikutnya tidak tersedia: sumber terpotong)"
    return "selesai (akhir prosedur)"


def goes_text(links: list[Link]) -> str:
    if not links:
        return "selesai (akhir prosedur)"
    return "; ".join((f"{l.label} → " if l.label else "") + (f"{l.through} → " if l.through else "") + _place(l) for l in links)


def role_time(sop: Sop, role: str) -> TotalTime:
    return total_time((sop.steps[i].duration for i in role_steps(sop, role)), cut_off=int(sop.truncated))
