"""The flowchart symbol of each step: one notion for the procedure table's drawing and the swimlane."""

from __future__ import annotations

import enum

from ..model.drawn import branch_symbol
from ..model.flow import is_terminal
from ..model.sop import Sop


class Shape(enum.Enum):
    TERMINATOR = "kapsul"
    PROCESS = "proses"
    DECISION = "keputusan"
    OFF_PAGE = "penghubung"
    END = "selesai"  # where a decision exit ends the procedure (`ke: selesai`)
    CONTINUED = "bersambung"  # after the last visible step of a truncated source


def step_shape(sop: Sop, index: int) -> Shape:
    """The symbol of a step (of a drawn SOP: also of a symbol on a branch, a process box)."""
    if branch_symbol(sop, index) is not None:
        return Shape.PROCESS
    if sop.steps[index].is_decision:
        return Shape.DECISION
    if index == 0 or is_terminal(sop, index):  # the start, and every step that ends the procedure
        return Shape.TERMINATOR
    return Shape.PROCESS
