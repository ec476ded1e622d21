"""The flow of an SOP's steps as a graph: who follows whom, and where the procedure ends."""

from __future__ import annotations

from dataclasses import dataclass

from typing import Callable, Iterator

from .sop import CONTINUED, END, Exit, Sop, Step, Via


def _path(via: tuple[str | None, ...], label: str | None) -> str:
    """The labels on the way to an exit, each one the source writes ('Lengkap, Sah'); '' for an
    exit drawn without a label."""
    return ", ".join(x for x in (*via, label) if x)


@dataclass(frozen=True, slots=True)
class Edge:
    source: int
    target: int  # a step index; exits that end the procedure are in `end_exits`
    label: str | None  # the exit label for a decision, None for a plain sequence
    # The labels of the exits taken inside the step before this one: () for the step's first
    # decision, ("Lengkap",) for an exit of the second decision that the exit "Lengkap" leads to.
    via: tuple[str, ...] = ()
    symbol: Via | None = None  # the symbol the exit's branch draws on the way (`melalui`), if any

    @property
    def decision(self) -> int:
        """Which decision of its step the exit leaves: 0 the first (the step's symbol), 1 the second."""
        return len(self.via)

    @property
    def path(self) -> str:
        """'Lengkap, Sah': every label on the way, for text that names the exit."""
        return _path(self.via, self.label or "")


@dataclass(frozen=True, slots=True)
class EndExit:
    """A decision exit written `ke: selesai`: the procedure ends there (drawn to an end capsule);
    or, `end` 'bersambung', `ke: bersambung`: it goes on into the missing part of a truncated source
    (drawn to the continuation marker)."""

    source: int
    label: str
    via: tuple[str, ...] = ()
    end: str = END

    decision = Edge.decision
    path = property(lambda self: _path(self.via, self.label))


def step_exits(step: Step) -> Iterator[tuple[tuple[str, ...], Exit]]:
    """Every exit of a decision step that leaves the step, in writing order, with the labels of the
    exits taken inside the step on the way to it (an exit leading to a second decision is not one
    of them, its exits are)."""

    def walk(exits: tuple[Exit, ...], via: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Exit]]:
        for exit_ in exits:
            if exit_.decides:
                yield from walk(exit_.exits, (*via, exit_.label))
            else:
                yield via, exit_

    return walk(step.exits or (), ())


def has_second_decision(step: Step) -> bool:
    return step.link is not None


def symbol_column(step: Step, via: Via) -> str | None:
    """The column a symbol drawn on a branch of `step` stands in: its own `pelaksana`, else the column
    of the decision (None when the decision is a joint step's: the checks ask for it, SOP-F018)."""
    if via.actor is not None:
        return via.actor
    return step.actors[0] if len(step.actors) == 1 else None


def exits_summary(step: Step, place, through: Callable[[Via], str] | None = None) -> str:
    """'Ya → 5, Tidak → 2' for a decision step, each exit with where `place(exit)` says it leads, after
    the question in its diamond when the source writes one ('Lengkap? Ya → 5, …'); an exit of a second
    decision is named by its path ('Lengkap, Sah → 6') and, since that path holds a comma, the exits
    of such a step are separated by semicolons. A symbol drawn on the branch (`melalui`) is named on
    the way, as `through(via)` says it: 'Tidak → Melengkapi berkas (Pemohon) → 1'."""
    def way(exit_: Exit) -> str:
        if exit_.via is None:
            return str(place(exit_))
        symbol = through(exit_.via) if through is not None else exit_.via.activity
        return f"{symbol} → {place(exit_)}"

    parts = [f"{_path(via, exit_.label)} → {way(exit_)}".lstrip() for via, exit_ in step_exits(step)]
    summary = ("; " if has_second_decision(step) else ", ").join(parts)
    return f"{step.question} {summary}" if step.question else summary  # 'Lengkap? Ya → 5, Tidak → 1'


def step_index(sop: Sop) -> dict[str, int]:
    """Step id -> position; the first occurrence wins when ids repeat."""
    index: dict[str, int] = {}
    for i, step in enumerate(sop.steps):
        if step.id is not None:
            index.setdefault(step.id, i)
    return index


def is_terminal(sop: Sop, i: int) -> bool:
    """Does step `i` itself end the procedure (drawn as a terminator)? The last step does, unless
    the source is truncated; any other step does when marked `selesai: true`. Decisions end
    through their exits instead."""
    step = sop.steps[i]
    if step.is_decision:
        return False
    return step.ends or (i == len(sop.steps) - 1 and not sop.truncated)


def continues(sop: Sop, i: int) -> bool:
    """Is `i` the last visible step of a truncated source, whose flow goes on beyond it?"""
    return sop.truncated and i == len(sop.steps) - 1 and not sop.steps[i].is_decision and not sop.steps[i].ends


def edges(sop: Sop) -> list[Edge]:
    """Every transition between two steps. Unresolvable exits are the checks' business."""
    index = step_index(sop)
    last = len(sop.steps) - 1
    result: list[Edge] = []
    for i, step in enumerate(sop.steps):
        if step.exits is None:
            if i < last and not step.ends:
                result.append(Edge(i, i + 1, None))
            continue
        for via, exit_ in step_exits(step):
            target = index.get(exit_.target) if exit_.target is not None and not exit_.leaves else None
            if target is not None:
                result.append(Edge(i, target, exit_.label, via, exit_.via))
    return result


def end_exits(sop: Sop) -> list[EndExit]:
    """The exits written `ke: selesai`."""
    return [
        EndExit(i, exit_.label, via)
        for i, step in enumerate(sop.steps)
        for via, exit_ in step_exits(step)
        if exit_.ends
    ]


def continued_exits(sop: Sop) -> list[EndExit]:
    """The exits written `ke: bersambung`: on into the missing part of a truncated source."""
    return [
        EndExit(i, exit_.label, via, CONTINUED)
        for i, step in enumerate(sop.steps)
        for via, exit_ in step_exits(step)
        if exit_.continues
    ]


def leaving_exits(sop: Sop) -> list[EndExit]:
    """Every exit out of the visible steps (`selesai` or `bersambung`), in the order written."""
    return [
        EndExit(i, exit_.label, via, END if exit_.ends else CONTINUED)
        for i, step in enumerate(sop.steps)
        for via, exit_ in step_exits(step)
        if exit_.leaves
    ]


def ends(sop: Sop) -> set[int]:
    """Steps after which the procedure may end (or, when truncated, goes on beyond the source)."""
    result = {i for i in range(len(sop.steps)) if is_terminal(sop, i) or continues(sop, i)}
    return result | {e.source for e in leaving_exits(sop)}


def reachable(start: int | set[int], adjacency: dict[int, list[int]]) -> set[int]:
    seen = {start} if isinstance(start, int) else set(start)
    todo = list(seen)
    while todo:
        node = todo.pop()
        for nxt in adjacency.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def forward(sop: Sop) -> dict[int, list[int]]:
    adjacency: dict[int, list[int]] = {}
    for edge in edges(sop):
        adjacency.setdefault(edge.source, []).append(edge.target)
    return adjacency


def backward(sop: Sop) -> dict[int, list[int]]:
    adjacency: dict[int, list[int]] = {}
    for edge in edges(sop):
        adjacency.setdefault(edge.target, []).append(edge.source)
    return adjacency
