"""The swimlane diagram as Graphviz DOT: one vertical lane per actor, one row per step.

Why not clusters: Graphviz 2.43 (Debian's) ignores ordering edges between nodes of
different clusters, so cluster lanes get swapped whenever that saves a crossing. Instead the
diagram is a grid that `dot` cannot reorder: every row holds, in a `rank=same` group chained
by invisible edges, a separator point, then each lane's node (the step's symbol or an
invisible placeholder), then a separator point, and so on. Columns are chained with heavy
edges so they stay straight; the separator columns are drawn, and they are the lane
borders. Steps take one row each, in their written order; edges back up do not constrain.
"""

from __future__ import annotations

import textwrap

from ..model.flow import edges
from ..model.sop import Sop
from .context import Registries
from .flowchart.geometry import Shape
from .flowchart.layout import step_shape

FONT = "DejaVu Sans"
WRAP = 26
LINE = "#263238"
LANE_LINE = "#90a4ae"


def quote(text: str) -> str:
    """A DOT double-quoted string. Backslashes are escaped so Graphviz never reads `\\N` & co."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _wrapped(text: str, width: int = WRAP) -> str:
    return "\n".join(textwrap.wrap(" ".join(text.split()), width=width, break_long_words=True)) or " "


def node_id(step: int, lane: int) -> str:
    return f"s{step + 1}_{lane}"


def lanes_of(sop: Sop) -> dict[int, list[int]]:
    """Step index -> lanes (column indices) it appears in, in column order."""
    column = {role: i for i, role in enumerate(sop.columns)}
    return {i: sorted(column[a] for a in step.actors) for i, step in enumerate(sop.steps)}


def _node_attrs(shape: Shape) -> str:
    if shape is Shape.TERMINATOR:
        return 'shape=box, style="rounded,filled"'
    if shape is Shape.DECISION:
        return "shape=diamond, style=filled, margin=0.03"
    return "shape=box, style=filled"


def _cells(sop: Sop, registries: Registries) -> tuple[list[list[str]], list[str]]:
    """Grid rows of node ids (header, one per step, footer) and the node declarations."""
    n_lanes = len(sop.columns)
    steps_lanes = lanes_of(sop)
    declarations = []
    rows: list[list[str]] = []
    header = []
    for lane, role_id in enumerate(sop.columns):
        role = registries.roles[role_id]
        header.append(f"h{lane}")
        declarations.append(
            f"  h{lane} [label={quote(_wrapped(role.short_name, 20))}, tooltip={quote(role.name)}, shape=box, "
            'style="filled,bold", fillcolor="#eceff1", color="#90a4ae", fontsize=10, class="sop-lajur"];'
        )
    rows.append(header)
    for step, lanes in steps_lanes.items():
        row = []
        for lane in range(n_lanes):
            if lane in lanes:
                shape = step_shape(sop, step)
                label = _wrapped(f"{step + 1}. {sop.steps[step].activity}", 20 if shape is Shape.DECISION else WRAP)
                declarations.append(f"  {node_id(step, lane)} [label={quote(label)}, {_node_attrs(shape)}];")
                row.append(node_id(step, lane))
            else:
                row.append(f"p{step + 1}_{lane}")
                declarations.append(f"  p{step + 1}_{lane} [style=invis, shape=point, width=0.01];")
        rows.append(row)
    rows.append([f"f{lane}" for lane in range(n_lanes)])
    declarations += [f"  f{lane} [style=invis, shape=point, width=0.01];" for lane in range(n_lanes)]
    return rows, declarations


def swimlane_dot(sop: Sop, registries: Registries) -> str:
    n_lanes = len(sop.columns)
    rows, declarations = _cells(sop, registries)
    lines = [
        "digraph swimlane {",
        f'  graph [newrank=true, rankdir=TB, nodesep=0.18, ranksep=0.28, fontname="{FONT}", '
        'outputorder=edgesfirst, bgcolor="#ffffff", pad=0.1];',
        f'  node [fontname="{FONT}", fontsize=9, color="{LINE}", fillcolor="#ffffff", width=1.7, height=0.45];',
        f'  edge [fontname="{FONT}", fontsize=8, color="{LINE}", fontcolor="#37474f", arrowsize=0.7];',
        *declarations,
    ]
    separators = [[f"v{r}_{j}" for j in range(n_lanes + 1)] for r in range(len(rows))]
    lines += [f"  {v} [shape=point, width=0.01, style=invis];" for row in separators for v in row]
    for r, row in enumerate(rows):  # each row: separator, lane, separator, lane, ..., separator
        ordered = [separators[r][0]]
        for lane, cell in enumerate(row):
            ordered += [cell, separators[r][lane + 1]]
        lines.append(f"  {{ rank=same; {' -> '.join(ordered)} [style=invis]; }}")
    for lane in range(n_lanes):  # straight lanes
        lines.append("  " + " -> ".join(row[lane] for row in rows) + " [style=invis, weight=100];")
    for j in range(n_lanes + 1):  # the lane borders, drawn
        lines.append(
            "  " + " -> ".join(sep[j] for sep in separators)
            + f' [dir=none, color="{LANE_LINE}", penwidth=0.8, weight=100, headclip=false, tailclip=false, class="sop-batas-lajur"];'
        )
    steps_lanes = lanes_of(sop)
    for step, lanes in steps_lanes.items():
        for a, b in zip(lanes, lanes[1:]):  # a joint step: its nodes are joined, no arrow
            lines.append(f'  {node_id(step, a)} -> {node_id(step, b)} [dir=none, style=dashed, class="sop-bersama"];')
    for e in edges(sop):
        source_lanes, target_lanes = steps_lanes[e.source], steps_lanes[e.target]
        target_lane = min(target_lanes, key=lambda lane: (abs(lane - source_lanes[0]), lane))
        source_lane = min(source_lanes, key=lambda lane: (abs(lane - target_lane), lane))
        crosses = source_lane != target_lane
        attrs = []
        label = e.label if e.label is not None else (sop.steps[e.source].output if crosses else None)
        if label:
            attrs.append(f"label={quote(_wrapped(label, 18))}")
        if e.target <= e.source:
            attrs.append("constraint=false")
        kind = "sop-cabang" if e.label is not None else ("sop-serah" if crosses else "sop-alur")
        attrs.append(f'class="{kind}"')
        lines.append(f"  {node_id(e.source, source_lane)} -> {node_id(e.target, target_lane)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
