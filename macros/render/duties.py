"""What one role does: its steps, what starts each, where each result goes."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.flow import continues, edges, step_index
from ..model.sop import END, Sop
from .context import Registries
from .text import TotalTime, total_time


@dataclass(frozen=True)
class Link:
    step: int | None  # 0-based; None: the end of the procedure (or, truncated, the missing rest)
    label: str | None  # the decision exit taken, if any
    actors: str  # short names of the other step's actors
    end: str = END  # for step None: "selesai", or "bersambung" past a truncated source


def role_steps(sop: Sop, role: str) -> list[int]:
    return [i for i, step in enumerate(sop.steps) if role in step.actors]


def _actors(sop: Sop, step: int, registries: Registries) -> str:
    return " dan ".join(registries.roles[a].short_name for a in sop.steps[step].actors)


def incoming(sop: Sop, step: int, registries: Registries) -> list[Link]:
    return [Link(e.source, e.label, _actors(sop, e.source, registries)) for e in edges(sop) if e.target == step]


def outgoing(sop: Sop, step: int, registries: Registries) -> list[Link]:
    """Where the step's result goes, in the order its exits are written; the end is a place too."""
    if sop.steps[step].is_decision:
        index = step_index(sop)
        return [
            Link(None, e.label, "") if e.ends else Link(index[e.target], e.label, _actors(sop, index[e.target], registries))
            for e in sop.steps[step].exits
        ]
    if continues(sop, step):
        return [Link(None, None, "", "bersambung")]
    return [Link(e.target, e.label, _actors(sop, e.target, registries)) for e in edges(sop) if e.source == step]


def starts_text(links: list[Link]) -> str:
    if not links:
        return "awal prosedur"
    parts = [f"setelah langkah {l.step + 1} ({l.actors})" + (f", bila {l.label}" if l.label else "") for l in links]
    return "; atau ".join(parts)


def _place(link: Link) -> str:
    if link.step is not None:
        return f"langkah {link.step + 1} ({link.actors})"
    if link.end == "bersambung":
        return "bersambung (langkah berikutnya tidak tersedia: sumber terpotong)"
    return "selesai (akhir prosedur)"


def goes_text(links: list[Link]) -> str:
    if not links:
        return "selesai (akhir prosedur)"
    return "; ".join((f"{l.label} → " if l.label else "") + _place(l) for l in links)


def role_time(sop: Sop, role: str) -> TotalTime:
    return total_time(sop.steps[i].duration for i in role_steps(sop, role))
