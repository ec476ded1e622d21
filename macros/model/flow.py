"""The flow of an SOP's steps as a graph: who follows whom."""

from __future__ import annotations

from dataclasses import dataclass

from .sop import Sop


@dataclass(frozen=True, slots=True)
class Edge:
    source: int
    target: int  # a step index; len(steps) never occurs (the last step ends the flow)
    label: str | None  # the exit label for a decision, None for a plain sequence


def step_index(sop: Sop) -> dict[str, int]:
    """Step id -> position; the first occurrence wins when ids repeat."""
    index: dict[str, int] = {}
    for i, step in enumerate(sop.steps):
        if step.id is not None:
            index.setdefault(step.id, i)
    return index


def edges(sop: Sop) -> list[Edge]:
    """Every resolvable transition. Unresolvable exits are the checks' business."""
    index = step_index(sop)
    last = len(sop.steps) - 1
    result: list[Edge] = []
    for i, step in enumerate(sop.steps):
        if step.exits is None:
            if i < last:
                result.append(Edge(i, i + 1, None))
            continue
        for exit_ in step.exits:
            target = index.get(exit_.target) if exit_.target is not None else (i + 1 if i < last else None)
            if target is not None:
                result.append(Edge(i, target, exit_.label))
    return result


def reachable(start: int, adjacency: dict[int, list[int]]) -> set[int]:
    seen = {start}
    todo = [start]
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
