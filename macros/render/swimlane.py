"""The swimlane diagram as Graphviz DOT: one vertical lane per actor, one row per step.

Why not clusters: Graphviz 2.43 (Debian's) ignores ordering edges between nodes of
different clusters, so cluster lanes get swapped whenever that saves a crossing. Instead the
diagram is a grid that `dot` cannot reorder, with no more in it than the guarantees need:
`dot`'s time grows much faster than the number of nodes, and a grid with a node in every
cell took minutes for a large SOP.

- Every lane border is a column of invisible points, one per row, chained by drawn, heavy
  edges, so the borders are straight vertical lines.
- Every row is a `rank=same` chain: border point, the lane's step node if the step has that
  actor, border point, and so on. So a step node sits between its lane's borders and the
  lanes keep their order. A lane the step does not touch gets nothing in that row. A
  step node also has an edge to the row above and one to the row below (invisible ones
  where the flow has none): see `_anchors`.
- Flow edges have no weight: nothing pulls a step node sideways, so `dot` centres it in its
  lane, and the nodes of a lane line up without a chain of their own.
- Steps take one row each, in their written order; edges back up do not constrain.
- An edge back up past other rows is drawn through an invisible waypoint in each row between,
  placed in one lane's stretch of that row's chain: left to itself, `dot` 2.43 puts the edge's
  virtual nodes at the ends of the rows, so it ran round the outside of the outer lane borders.
  It is written downwards, target to source through the waypoints, with the arrowhead at the
  target (`dir=back`), so every piece constrains the ranks the way the rows already do.
- Edge labels sit on the edge (`label`) in diagrams up to LABEL_CELLS grid cells. A `label`
  takes a row of its own between two step rows, doubling the ranks, so larger diagrams get
  external labels (`xlabel`) that are placed after the layout.
"""

from __future__ import annotations

import re
import textwrap

from ..model.drawn import branch_symbol, drawn as drawn_sop
from ..model.flow import continues, edges, end_exits, has_second_decision, leaving_exits
from ..model.sop import CONTINUED, Sop
from .actors import column_name, column_short
from .context import Registries
from .symbols import Shape, step_shape

FONT = "DejaVu Sans"
WRAP = 26
LINE = "#263238"
LANE_LINE = "#90a4ae"
MAX_LABEL = 300  # characters of one text in the diagram; a longer one is cut and ends with "…"
LABEL_CELLS = 1500  # rows x (lanes + 1) up to which edge labels take a row of their own
JOINT = 'dir=none, style=dashed, class="sop-bersama"'
HANDOVER = 'class="sop-serah-terima"'  # a hand-over along one row: an arrow from the giver to the taker
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def quote(text: str) -> str:
    """A DOT double-quoted string that Graphviz shows exactly as written.

    Backslashes are doubled, so Graphviz never reads `\\N` & co; `&` becomes `&amp;`, so it
    never reads an entity such as `&lt;`; line breaks become `\\n`; control characters (the
    model refuses them anyway) become a space, lone surrogates U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNSAFE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " ", text)
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;").replace("\n", "\\n")
    return f'"{text}"'


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    """Whitespace collapsed to single spaces; at most `limit` characters, a cut text ends in "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrapped(text: str, width: int = WRAP) -> str:
    """Shortened, then broken into lines of `width` at spaces (never after a hyphen: a code such as
    "AK-2" stays whole), long words too; never empty."""
    return "\n".join(textwrap.wrap(shorten(text), width=width, break_long_words=True, break_on_hyphens=False)) or " "


def node_id(step: int, lane: int) -> str:
    return f"s{step + 1}_{lane}"


def second_id(step: int) -> str:
    """The node of a step's second decision (a step with one is done by one actor: SOP-F013)."""
    return f"k{step + 1}"


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


def _rows(sop: Sop, registries: Registries) -> tuple[list[dict[int, str]], list[str]]:
    """Grid rows (header, one per step, footer) as lane -> node id, and the node declarations."""
    declarations = []
    header = {}
    for lane, key in enumerate(sop.columns):
        header[lane] = f"h{lane}"
        declarations.append(
            f"  h{lane} [label={quote(_wrapped(column_short(sop, key, registries), 20))}, "
            f"tooltip={quote(shorten(column_name(key, registries)))}, shape=box, "
            'style="filled,bold", fillcolor="#eceff1", color="#90a4ae", fontsize=10, class="sop-lajur"];'
        )
    rows = [header]
    for step, lanes in lanes_of(sop).items():
        shape = step_shape(sop, step)
        width = 20 if shape is Shape.DECISION else WRAP
        symbol = branch_symbol(sop, step) is not None  # a symbol on a branch: its text, no number
        text = _wrapped(sop.steps[step].activity if symbol else f"{sop.step_number(step)}. {sop.steps[step].activity}", width)
        if sop.steps[step].question:  # the question the source writes in the diamond, below the activity
            text += "\n" + _wrapped(sop.steps[step].question, width)
        label = quote(text)
        attrs = _node_attrs(shape) + (', class="sop-simbol-cabang"' if symbol else "")
        rows.append({lane: node_id(step, lane) for lane in lanes})
        declarations += [f"  {node_id(step, lane)} [label={label}, {attrs}];" for lane in lanes]
        if has_second_decision(sop.steps[step]):  # a row of its own below the step, in its lane
            rows.append({lanes[0]: second_id(step)})
            question = sop.steps[step].link.question
            second = quote(f"{sop.step_number(step)}. {question}" if question else f"{sop.step_number(step)}. lanjutan")
            declarations.append(f"  {second_id(step)} [label={second}, {_node_attrs(Shape.DECISION)}];")
        for end in _end_nodes(sop, step):  # each a row of its own below the step, in the step's first lane
            rows.append({lanes[0]: end})
            if end.startswith("e"):
                declarations.append(
                    f'  {end} [label="Selesai", shape=box, style="rounded,filled", width=0.8, height=0.3, class="sop-selesai"];'
                )
            else:
                declarations.append(
                    f'  {end} [label="…", tooltip="bersambung: sumber terpotong", shape=circle, style="dashed,filled", '
                    'width=0.3, height=0.3, fixedsize=true, class="sop-bersambung"];'
                )
    rows.append({})  # the footer: the borders reach one row below the last step
    return rows, declarations


def _end_nodes(sop: Sop, step: int) -> list[str]:
    """The nodes a step's flow ends at, when they are not steps: an end capsule for its decision exits
    `ke: selesai`, a 'bersambung' marker for its exits `ke: bersambung`, or 'bersambung' past the last
    visible step of a truncated source."""
    nodes = []
    if any(e.source == step for e in end_exits(sop)):
        nodes.append(f"e{step + 1}")
    if any(e.source == step for e in leaving_exits(sop) if e.end == CONTINUED):
        nodes.append(f"b{step + 1}")
    if continues(sop, step):
        nodes.append("lanjut")
    return nodes


def _handover_directions(sop: Sop) -> dict[frozenset[str], int]:
    """The row of each hand-over step (its nodes) -> +1 / -1 when it runs right / left, its actors'
    written order."""
    result = {}
    for step, lanes in lanes_of(sop).items():
        if sop.steps[step].handover:
            first, last = (sop.columns.index(sop.steps[step].actors[k]) for k in (0, -1))
            result[frozenset(node_id(step, lane) for lane in lanes)] = 1 if last > first else -1
    return result


Passing = dict[int, tuple[list[str], list[str]]]  # lane -> the waypoints left and right of its node


def _row_chain(row: dict[int, str], borders: list[str], joint: bool, handover: int = 0, passing: Passing | None = None) -> str:
    """One row as flat edges, left to right: border, the lane's waypoints left of its node, the
    node if any, the waypoints right of it, border, ...

    A joint step's nodes are joined by drawing, dashed, the stretch of the chain between
    them: a straight line along the row across the borders in between. An edge of its own
    between two nodes that are not neighbours in the row would let `dot` 2.43 move a node
    out of its lane."""
    passing = passing or {}
    ordered = [borders[0]]
    for lane in range(len(borders) - 1):
        left, right = passing.get(lane, ([], []))
        ordered += left
        if lane in row:
            ordered.append(row[lane])
        ordered += right
        ordered.append(borders[lane + 1])
    if not joint:
        return f"  {{ rank=same; {' -> '.join(ordered)} [style=invis]; }}"
    first, last = ordered.index(row[min(row)]), ordered.index(row[max(row)])
    if handover:
        # one arrowhead, at the taker's node: the pieces across the borders in between carry none
        pieces = list(zip(ordered[first:last], ordered[first + 1 : last + 1]))
        head = len(pieces) - 1 if handover > 0 else 0
        drawn = " ".join(
            f"{a} -> {b} [{HANDOVER}, "
            + ("dir=forward" if k == head and handover > 0 else "dir=back" if k == head else "dir=none")
            + "];"
            for k, (a, b) in enumerate(pieces)
        )
        return (
            f"  {{ rank=same; {' -> '.join(ordered[: first + 1])} [style=invis]; {drawn} "
            f"{' -> '.join(ordered[last:])} [style=invis]; }}"
        )
    return (
        f"  {{ rank=same; {' -> '.join(ordered[: first + 1])} [style=invis]; "
        f"{' -> '.join(ordered[first : last + 1])} [{JOINT}]; "
        f"{' -> '.join(ordered[last:])} [style=invis]; }}"
    )


def _flow(sop: Sop, label_attribute: str) -> list[tuple[str, str, str]]:
    """The flow edges: (tail node, head node, attributes). An edge runs between the nearest
    of the two steps' lanes; a hand-over to another lane is labelled with what is handed over.
    `label_attribute` carries the labels: `label` or `xlabel`."""
    steps_lanes = lanes_of(sop)
    result = []
    for step, lanes in steps_lanes.items():
        link = sop.steps[step].link
        if link is not None:  # the first decision's exit into the second, down the step's lane
            labelled = f"{label_attribute}={quote(_wrapped(link.label, 18))}, " if link.label else ""
            attrs = f'{labelled}weight=0, class="sop-cabang"'
            result.append((node_id(step, lanes[0]), second_id(step), attrs))
    for e in edges(sop):
        source_lanes, target_lanes = steps_lanes[e.source], steps_lanes[e.target]
        target_lane = min(target_lanes, key=lambda lane: (abs(lane - source_lanes[0]), lane))
        source_lane = min(source_lanes, key=lambda lane: (abs(lane - target_lane), lane))
        crosses = source_lane != target_lane
        attrs = []
        # an exit, labelled or drawn without a label; out of a symbol on a branch, its plain way on
        decides = sop.steps[e.source].is_decision and branch_symbol(sop, e.source) is None
        label = e.label if decides else (sop.steps[e.source].output if crosses else None)
        if label:
            attrs.append(f"{label_attribute}={quote(_wrapped(label, 18))}")
        if e.target <= e.source:
            attrs.append("constraint=false")
        kind = "sop-cabang" if decides else ("sop-serah" if crosses else "sop-alur")
        attrs.append(f'weight=0, class="{kind}"')
        tail = second_id(e.source) if e.decision else node_id(e.source, source_lane)
        result.append((tail, node_id(e.target, target_lane), ", ".join(attrs)))
    for end in leaving_exits(sop):
        labelled = f"{label_attribute}={quote(_wrapped(end.label, 18))}, " if end.label else ""
        attrs = f'{labelled}weight=0, class="sop-cabang"'
        tail = second_id(end.source) if end.decision else node_id(end.source, steps_lanes[end.source][0])
        result.append((tail, f"{'b' if end.end == CONTINUED else 'e'}{end.source + 1}", attrs))
    last = len(sop.steps) - 1
    if continues(sop, last):
        result.append((node_id(last, steps_lanes[last][0]), "lanjut", 'weight=0, class="sop-alur"'))
    return result


def _through_lanes(
    rows: list[dict[int, str]], flow: list[tuple[str, str, str]]
) -> tuple[list[tuple[str, str, str]], dict[int, Passing]]:
    """Every edge back up past other rows, as pieces through a waypoint in each row between (in
    one lane: the source's if it can, else the target's, else the nearest to the source) and the
    waypoints by row and lane. A waypoint never stands between a joint step's nodes (the line
    joining them runs there): in the first lane of a joint row it goes left of the node, in the
    last right of it, and a lane in between is not taken. Returns the flow with those edges
    replaced, and the waypoints."""
    where = {node: (r, lane) for r, row in enumerate(rows) for lane, node in row.items()}
    n_lanes = 1 + max(lane for row in rows for lane in row)
    loops = []
    for index, (tail, head, attrs) in enumerate(flow):
        if "constraint=false" not in attrs or where[tail][0] - where[head][0] < 2:
            continue
        (bottom, source), (top, target) = where[tail], where[head]
        lanes = sorted(range(n_lanes), key=lambda lane: (lane not in (source, target), lane != source, abs(lane - source), lane))
        for lane in lanes:
            sides = [_side(rows[r], lane, source, target) for r in range(top + 1, bottom)]
            if None not in sides:
                loops.append((index, lane, dict(zip(range(top + 1, bottom), sides))))
                break
    passing: dict[int, Passing] = {}
    # inner loops (over fewer rows) nearer the node, outer ones further out; then in flow order
    placed = sorted(enumerate(loops), key=lambda item: (len(item[1][2]), item[0]))
    for k, (_, lane, sides) in placed:
        for r, side in sides.items():
            left, right = passing.setdefault(r, {}).setdefault(lane, ([], []))
            if side < 0:
                left.insert(0, f"w{k}_{r}")
            else:
                right.append(f"w{k}_{r}")
    drawn_as: dict[int, list[tuple[str, str, str]]] = {}
    for k, (index, _, sides) in enumerate(loops):
        tail, head, attrs = flow[index]
        chain = [head, *(f"w{k}_{r}" for r in sorted(sides)), tail]
        plain = re.sub(r'\b(x?label)="(?:[^"\\]|\\.)*", ', "", attrs).replace("constraint=false, ", "")
        pieces = drawn_as.setdefault(index, [])
        for i, (a, b) in enumerate(zip(chain, chain[1:])):
            if i == len(chain) - 2:  # by the source: where its label stands
                piece = attrs.replace("constraint=false, ", "")
            elif i == 0:
                piece = plain
            else:  # between two waypoints: heavy, so the run up the lane is straight
                piece = plain.replace("weight=0", "weight=100")
            piece += ", dir=back" if i == 0 else ", dir=none"
            pieces.append((a, b, piece))
    result = [piece for index, edge in enumerate(flow) for piece in drawn_as.get(index, [edge])]
    return result, passing


def _side(row: dict[int, str], lane: int, source: int, target: int) -> int | None:
    """Which side of the lane's node in this row a waypoint takes (-1 left, 1 right), or None when the
    lane lies between a joint step's nodes."""
    if row:
        first, last = min(row), max(row)
        if len(row) > 1 and first < lane < last:
            return None
        if len(row) > 1 and lane == first:
            return -1
        if len(row) > 1 and lane == last:
            return 1
    other = target if lane == source else source
    return -1 if other < lane else 1


def _anchors(rows: list[dict[int, str]], flow: list[tuple[str, str, str]]) -> list[str]:
    """Invisible edges without pull, so that every step node has an edge from the row above
    and one to the row below.

    `dot` 2.43's crossing minimisation, looking for the next node to compare with, skips nodes
    without such an edge and may then swap two nodes across one: a skipped step node would
    leave its lane. An edge that does not constrain the ranks (`constraint=false`) does not
    count. The header row needs none: only border points and headers are in it, each tied to
    its neighbours, so nothing there can be swapped."""
    has_in = {head for _, head, attrs in flow if "constraint=false" not in attrs}
    has_out = {tail for tail, _, attrs in flow if "constraint=false" not in attrs}
    lines = []
    for r in range(1, len(rows) - 1):
        for lane, node in rows[r].items():
            if node not in has_in:
                lines.append(f"  v{r - 1}_{lane} -> {node} [style=invis, weight=0];")
            if node not in has_out:
                lines.append(f"  {node} -> v{r + 1}_{lane} [style=invis, weight=0];")
    return lines


def swimlane_dot(sop: Sop, registries: Registries) -> str:
    """A symbol the source draws on a branch (`melalui`) is a box of its own in its lane, in a row of its
    own below its decision (model.drawn), the exit's label on the edge into it."""
    sop = drawn_sop(sop)
    n_lanes = len(sop.columns)
    rows, declarations = _rows(sop, registries)
    flow = _flow(sop, "label" if len(rows) * (n_lanes + 1) <= LABEL_CELLS else "xlabel")
    lines = [
        "digraph swimlane {",
        f'  graph [newrank=true, rankdir=TB, nodesep=0.18, ranksep=0.28, fontname="{FONT}", '
        'outputorder=edgesfirst, bgcolor="#ffffff", pad=0.1];',
        f'  node [fontname="{FONT}", fontsize=9, color="{LINE}", fillcolor="#ffffff", width=1.7, height=0.45];',
        f'  edge [fontname="{FONT}", fontsize=8, color="{LINE}", fontcolor="#37474f", arrowsize=0.7];',
        *declarations,
        "  node [shape=point, width=0.01, style=invis];",
    ]
    drawn, passing = _through_lanes(rows, flow)
    borders = [[f"v{r}_{j}" for j in range(n_lanes + 1)] for r in range(len(rows))]
    lines += ["  " + "; ".join(row) + ";" for row in borders]
    waypoints = [w for r in sorted(passing) for lane in sorted(passing[r]) for side in passing[r][lane] for w in side]
    if waypoints:
        lines.append("  " + "; ".join(waypoints) + ";")
    handovers = _handover_directions(sop)
    lines += [
        _row_chain(
            row, borders[r], joint=len(row) > 1 and r > 0, handover=handovers.get(frozenset(row.values()), 0),
            passing=passing.get(r),
        )
        for r, row in enumerate(rows)
    ]
    for j in range(n_lanes + 1):  # the lane borders, drawn; heavy, so they stay straight
        lines.append(
            "  " + " -> ".join(row[j] for row in borders)
            + f' [dir=none, color="{LANE_LINE}", penwidth=0.8, weight=1000, headclip=false, tailclip=false, '
            'class="sop-batas-lajur"];'
        )
    lines += _anchors(rows, flow)
    lines += [f"  {tail} -> {head} [{attrs}];" for tail, head, attrs in drawn]
    lines.append("}")
    return "\n".join(lines) + "\n"
