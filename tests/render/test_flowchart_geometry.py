"""The flowchart's geometry, checked on the layout every page is drawn from.

The invariants are plain functions of (sop, pages, layouts) so that the property-based
tests (test_flowchart_property.py) check generated SOPs against exactly the same rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.load.discover import source_sets
from macros.model.drawn import branch_symbol, drawn
from macros.model.flow import continues, edges, end_exits, is_terminal, leaving_exits, step_exits
from macros.model.project import load_project
from macros.model.sop import Sop
from macros.render.flowchart.geometry import (
    EDGE,
    LABEL_GAP,
    LABEL_HEIGHT,
    LABEL_SIZE,
    Connector,
    Metrics,
    PageLayout,
    Point,
    RowKind,
    Shape,
    Symbol,
)
from macros.render.flowchart.layout import layout_pages
from macros.render.flowchart.font_metrics import text_width
from macros.render.flowchart.pagination import PrintGeometry, paginate
from tests.conftest import SEED_SOURCES

FIXTURES = Path(__file__).parent / "fixtures" / "flowchart"


def _load(root: Path) -> dict[str, Sop]:
    """Each SOP as drawn: a symbol on a branch (melalui) is laid out as a row of its own."""
    project = load_project(source_sets([root])[0])
    return {d.slug: drawn(d.sop) for d in project.documents}


SOPS = {**_load(FIXTURES), **_load(SEED_SOURCES)}
MODES = ("layar", "cetak-a4", "cetak-f4", "cetak-3-per-halaman")


def splits(sop: Sop) -> dict[str, tuple[list[range], Metrics]]:
    """Every way a flowchart is laid out: on screen, on each paper, and with tiny pages."""
    n = len(sop.steps)
    result = {"layar": ([range(n)], Metrics(108))}
    for paper in ("A4", "F4"):
        geometry = PrintGeometry(paper)
        metrics = Metrics(geometry.widths_for(sop)["pelaksana"])
        result[f"cetak-{paper.lower()}"] = (paginate(sop, geometry, metrics.min_step_row), metrics)
    result["cetak-3-per-halaman"] = ([range(i, min(n, i + 3)) for i in range(0, n, 3)], Metrics(70))
    return result


CASES = [(slug, mode) for slug in sorted(SOPS) for mode in MODES]


@pytest.fixture(params=CASES, ids=[f"{s}-{m}" for s, m in CASES])
def laid_out(request):
    slug, mode = request.param
    sop = SOPS[slug]
    pages, metrics = splits(sop)[mode]
    return sop, pages, layout_pages(sop, pages, metrics)


# -- page coordinates: rows at their minimum height (at least 40px) -------------------------------


def _height(layout: PageLayout, row: int) -> float:
    return max(layout.rows[row].min_height, 40.0)


def _tops(layout: PageLayout) -> list[float]:
    tops, y = [], 0.0
    for row in range(len(layout.rows)):
        tops.append(y)
        y += _height(layout, row)
    return tops


def _y(layout: PageLayout, tops: list[float], row: int, dy: float) -> float:
    height = _height(layout, row)
    return tops[row] + height / 2 + max(-height / 2, min(height / 2, dy))


def _box(layout, tops, s: Symbol) -> tuple[float, float, float, float]:
    cy = _y(layout, tops, s.row, 0)
    return (s.x - s.half_width, s.x + s.half_width, cy + s.top, cy + s.bottom)


def _segments(layout, tops, connector):
    pts = [(p.x, _y(layout, tops, p.row, p.dy), p) for p in connector.points]
    return list(zip(pts, pts[1:]))


def _ports(symbol: Symbol):
    return {(p.row, p.x, p.dy) for p in (symbol.port(s) for s in ("top", "bottom", "left", "right"))}


def _on_border(symbol: Symbol, p: Point) -> bool:
    """On the outline of a step symbol: a diamond's four edges, a box's four sides."""
    if p.row != symbol.row:
        return False
    dx, dy = abs(p.x - symbol.x), abs(p.dy - symbol.dy)
    if symbol.shape is Shape.DECISION:
        return abs(dx / symbol.half_width + dy / symbol.half_height - 1) < 1e-9
    if symbol.shape is Shape.OFF_PAGE:
        return (p.row, p.x, p.dy) in _ports(symbol)
    on_side = dx == symbol.half_width and dy <= symbol.half_height
    return on_side or (dy == symbol.half_height and dx <= symbol.half_width)


def _inside_shape(symbol: Symbol, x: float, dy: float) -> bool:
    dx, dy = abs(x - symbol.x), abs(dy - symbol.dy)
    if symbol.shape is Shape.DECISION:
        return dx / symbol.half_width + dy / symbol.half_height < 1 - 1e-9
    return dx < symbol.half_width and dy < symbol.half_height


def _leaving_symbol(layout: PageLayout, c: Connector) -> Symbol | None:
    """The source symbol whose outline the connector starts on (None: a pentagon or a joint line)."""
    if c.source is None:
        return None
    start = c.points[0]
    return next((s for s in layout.symbols if s.step == c.source and _on_border(s, start)), None)


# -- invariants ----------------------------------------------------------------------------------------

Pages = list[range]
Layouts = list[PageLayout]


def check_symbols_in_columns_and_rows(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    for steps, layout in zip(pages, layouts):
        w = layout.metrics.column_width
        rows = layout.step_rows()
        assert sorted(rows) == list(steps)
        for s in layout.symbols:
            # an end capsule, or the marker of an exit `ke: bersambung`: in the row of the step whose exit it ends
            if s.shape is Shape.END or (s.shape is Shape.CONTINUED and layout.rows[s.row].kind is RowKind.STEP):
                # from a decision's exit (labelled), or from a symbol on a branch (the label is on the way in)
                assert any(c.end is not None and c.points[-1].row == s.row
                           and (c.label is not None or branch_symbol(sop, c.source) is not None) for c in layout.connectors)
                assert 0 <= s.x - s.half_width and s.x + s.half_width <= layout.width
                continue
            if s.step is None:
                assert s.shape in (Shape.OFF_PAGE, Shape.CONTINUED) and layout.rows[s.row].kind is RowKind.CONNECTOR
                assert 0 <= s.x - s.half_width and s.x + s.half_width <= layout.columns * w
                continue
            assert s.row == rows[s.step]
            assert sop.columns[s.column] in sop.steps[s.step].actors
            assert s.column * w < s.x - s.half_width and s.x + s.half_width < (s.column + 1) * w
        for step in steps:
            drawn = sorted(s.column for s in layout.symbols if s.step == step)
            # a step with a second decision (one actor, SOP-F013) stacks two in its column
            times = 2 if sop.steps[step].link is not None else 1
            assert drawn == sorted(sop.columns.index(a) for a in sop.steps[step].actors) * times


def check_rows_are_steps_between_connector_rows(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """Connector rows only above and below a page's steps; the steps in order between them."""
    for steps, layout in zip(pages, layouts):
        kinds = "".join("s" if row.kind is RowKind.STEP else "c" for row in layout.rows)
        assert kinds.strip("c") == "s" * len(steps), kinds
        assert [row.step for row in layout.rows if row.kind is RowKind.STEP] == list(steps)


def check_shapes_follow_the_format(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    last = len(sop.steps) - 1
    for layout in layouts:
        for s in layout.symbols:
            if s.step is None:
                continue
            if branch_symbol(sop, s.step) is not None:  # a symbol a source draws on a branch: a process box
                assert s.shape is Shape.PROCESS and s.text == branch_symbol(sop, s.step).via.activity
            elif sop.steps[s.step].is_decision:
                assert s.shape is Shape.DECISION
            elif s.step == 0 or is_terminal(sop, s.step):  # every step that ends the flow, too
                assert s.shape is Shape.TERMINATOR
                assert s.step != last or not sop.truncated or sop.steps[s.step].ends
            else:
                assert s.shape is Shape.PROCESS


def check_no_two_symbols_overlap(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    for layout in layouts:
        tops = _tops(layout)
        boxes = [_box(layout, tops, s) for s in layout.symbols]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)


def check_arrows_start_and_end_on_symbol_borders(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    for layout in layouts:
        by_step: dict[int, list[Symbol]] = {}
        for s in layout.symbols:
            by_step.setdefault(s.step, []).append(s)
        pentagon_ports = set().union(*[_ports(s) for s in layout.symbols if s.shape is Shape.OFF_PAGE] or [set()])
        for c in layout.connectors:
            start, end = c.points[0], c.points[-1]
            key_start, key_end = (start.row, start.x, start.dy), (end.row, end.x, end.dy)
            if c.source is None:
                assert key_start in pentagon_ports
            else:
                on_symbol = any(key_start in _ports(s) for s in by_step[c.source])
                on_edge = (c.label is not None or sop.steps[c.source].is_decision) and _leaving_symbol(layout, c) is not None  # a decision's many exits
                assert on_symbol or on_edge, c  # never from the line joining a joint step's symbols
            if c.end is not None:
                shape = Shape.END if c.end == "selesai" else Shape.CONTINUED
                assert any(key_end in _ports(s) for s in layout.symbols if s.shape is shape), c
            elif c.target is None:
                assert key_end in pentagon_ports, c
            else:
                assert any(key_end in _ports(s) for s in by_step[c.target]), c
            assert not c.joint or not c.arrow or sop.steps[c.source].handover  # only a hand-over's line has a head


def check_lines_are_orthogonal_and_never_cross_a_symbol(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    for layout in layouts:
        tops = _tops(layout)
        boxes = [(s, _box(layout, tops, s)) for s in layout.symbols]
        for c in layout.connectors:
            leaving = _leaving_symbol(layout, c)
            for n, ((x1, y1, p), (x2, y2, q)) in enumerate(_segments(layout, tops, c)):
                assert x1 == x2 or (p.row == q.row and p.dy == q.dy), c
                lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
                for s, (bx0, bx1, by0, by1) in boxes:
                    if n == 0 and s is leaving:
                        # the first stretch leaves the outline outwards (a diamond's edge lies inside its box)
                        length = max(abs(x2 - x1), abs(y2 - y1))
                        step = 0.5 / length
                        assert not _inside_shape(s, x1 + (x2 - x1) * step, p.dy + (y2 - y1) * step), c
                        continue
                    inside_x = lo_x < bx1 - 0.5 and hi_x > bx0 + 0.5
                    inside_y = lo_y < by1 - 0.5 and hi_y > by0 + 0.5
                    assert not (inside_x and inside_y), (c, (bx0, bx1, by0, by1))


def check_lines_never_run_on_top_of_each_other(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """Two different connectors may cross or meet at a target, but never share a stretch."""
    for layout in layouts:
        tops = _tops(layout)
        runs = []
        for n, c in enumerate(layout.connectors):
            for (x1, y1, _), (x2, y2, _) in _segments(layout, tops, c):
                runs.append((n, c.target, (x1, y1, x2, y2)))
        for i, (n, target, (ax1, ay1, ax2, ay2)) in enumerate(runs):
            for m, other_target, (bx1, by1, bx2, by2) in runs[i + 1:]:
                joint = layout.connectors[n].joint or layout.connectors[m].joint
                if n == m or (target is not None and target == other_target and not joint):
                    continue  # arrows converging on one target may share their last stretch, not a joining line
                if ax1 == ax2 == bx1 == bx2:
                    overlap = min(max(ay1, ay2), max(by1, by2)) - max(min(ay1, ay2), min(by1, by2))
                    assert overlap <= 0.5, (layout.connectors[n], layout.connectors[m])
                if ay1 == ay2 == by1 == by2:
                    overlap = min(max(ax1, ax2), max(bx1, bx2)) - max(min(ax1, ax2), min(bx1, bx2))
                    assert overlap <= 0.5, (layout.connectors[n], layout.connectors[m])


def check_a_line_never_doubles_back_on_itself(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    for layout in layouts:
        tops = _tops(layout)
        for c in layout.connectors:
            segments = [(x1, y1, x2, y2) for (x1, y1, _), (x2, y2, _) in _segments(layout, tops, c)]
            for i, (ax1, ay1, ax2, ay2) in enumerate(segments):
                for bx1, by1, bx2, by2 in segments[i + 1:]:
                    if ax1 == ax2 == bx1 == bx2:
                        assert min(max(ay1, ay2), max(by1, by2)) - max(min(ay1, ay2), min(by1, by2)) <= 0.5, c
                    if ay1 == ay2 == by1 == by2:
                        assert min(max(ax1, ax2), max(bx1, bx2)) - max(min(ax1, ax2), min(bx1, bx2)) <= 0.5, c


def check_everything_is_drawn_inside_its_row_and_the_drawing(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """Nothing is clipped: each row is tall enough for what is drawn in it, and nothing lies
    left of the first column or right of the drawing (which a margin may widen)."""
    for layout in layouts:
        assert layout.margin >= 0
        assert layout.width == layout.columns * layout.metrics.column_width + layout.margin
        for s in layout.symbols:
            assert abs(s.dy) + s.half_height <= layout.rows[s.row].min_height / 2
        for c in layout.connectors:
            for p in c.points:
                assert 0 < p.x < layout.width, c
                assert abs(p.dy) >= EDGE or abs(p.dy) <= layout.rows[p.row].min_height / 2, (c, layout.rows[p.row])


def _label_box(layout, tops, c: Connector) -> tuple[float, float, float, float]:
    box = c.label_box
    cy = _y(layout, tops, box.row, 0)
    return (box.x0, box.x1, cy + box.y0, cy + box.y1)


CROWDED_EXITS = 10  # a label may find no free box only at a decision with at least this many exits


def check_labels_sit_beside_their_first_segment_and_on_nothing(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """Every exit label has a box in its row, within LABEL_GAP of its line's first segment and
    alongside it, and that box touches no line (its own included), no symbol and no other label.
    Only a decision with very many exits, or a label wider than half a column, may
    find no free box (it is then drawn where it clashes least, and marked crowded)."""
    for layout in layouts:
        for c in layout.connectors:
            if c.label_crowded:
                # every way out of the step's row: a second decision's exits crowd the same row and column
                exits = len(list(step_exits(sop.steps[c.source])))
                many = exits >= CROWDED_EXITS
                # wider than the room beside a line down a column's middle, up to the column's edge
                # (its box is 1 px wider than the text, LABEL_GAP from the line, 1 px clear of the edge)
                long = text_width(c.label, LABEL_SIZE) + 1 + LABEL_GAP + 1 > layout.metrics.column_width / 2
                assert many or long, (exits, c)
        tops = _tops(layout)
        labelled = [c for c in layout.connectors if c.label is not None and not c.label_crowded]
        boxes = []
        for c in labelled:
            box = c.label_box
            assert box is not None and box.row == c.points[0].row, c
            assert abs(box.y0) <= layout.rows[box.row].min_height / 2 and abs(box.y1) <= layout.rows[box.row].min_height / 2
            assert 0 < box.x0 < box.x1 <= layout.width, c
            assert box.y1 - box.y0 == LABEL_HEIGHT
            assert box.x1 - box.x0 >= text_width(c.label, LABEL_SIZE), c
            (x1, y1, _), (x2, y2, _) = _segments(layout, tops, c)[0]
            bx0, bx1, by0, by1 = _label_box(layout, tops, c)
            if y1 == y2:  # beside a horizontal: above or below it, starting along it
                gap = min(abs(by1 - y1), abs(by0 - y1))
                along = min(bx1, max(x1, x2)) - max(bx0, min(x1, x2))
            else:
                gap = min(abs(bx0 - x1), abs(bx1 - x1))
                along = min(by1, max(y1, y2)) - max(by0, min(y1, y2))
            assert gap <= LABEL_GAP + 1e-6 and along > 0, (c, (bx0, bx1, by0, by1))
            boxes.append((c, (bx0, bx1, by0, by1)))
        for c, (bx0, bx1, by0, by1) in boxes:
            for other in layout.connectors:
                if other.label_crowded:
                    continue
                for (x1, y1, _), (x2, y2, _) in _segments(layout, tops, other):
                    lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
                    assert not (lo_x < bx1 and hi_x > bx0 and lo_y < by1 and hi_y > by0), (c.label, other)
                    if x1 == x2:
                        assert not (bx0 <= x1 <= bx1 and lo_y < by1 and hi_y > by0), (c.label, other)
                    else:
                        assert not (by0 <= y1 <= by1 and lo_x < bx1 and hi_x > bx0), (c.label, other)
            for s in layout.symbols:
                sx0, sx1, sy0, sy1 = _box(layout, tops, s)
                assert sx1 <= bx0 or bx1 <= sx0 or sy1 <= by0 or by1 <= sy0, (c.label, s)
        for i, (c, (ax0, ax1, ay0, ay1)) in enumerate(boxes):
            for d, (bx0, bx1, by0, by1) in boxes[i + 1:]:
                assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, (c.label, d.label)


def check_every_decision_exit_is_labelled(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """Each exit of a decision, and of a step's second decision, is one labelled arrow (two exits of
    one step may share a label when they belong to its two decisions); the exit that leads to the
    second decision is the arrow from the first diamond down to the second, stacked in one column,
    and the second decision's exits leave the second diamond."""
    for steps, layout in zip(pages, layouts):
        for step in steps:
            written = [e.label for e in sop.steps[step].exits or ()]
            written += [e.label for link in sop.steps[step].exits or () if link.decides for e in link.exits]
            for label in set(written):
                labelled = [c for c in layout.connectors if c.source == step and c.label == label]
                assert len(labelled) == written.count(label), (step, label)
            link = sop.steps[step].link
            if link is None:
                continue
            first, second = sorted((s for s in layout.symbols if s.step == step), key=lambda s: s.dy)
            assert first.shape is second.shape is Shape.DECISION and first.x == second.x and first.row == second.row
            [joining] = [c for c in layout.connectors if c.source == step and c.link]
            assert joining.label == link.label and joining.target == step and joining.arrow
            assert joining.points == [first.port("bottom"), second.port("top")]
            inner = {e.label for e in link.exits}
            outer = {e.label for e in sop.steps[step].exits if not e.decides}
            for c in layout.connectors:
                if c.source == step and not c.link and c.label in inner - outer:
                    assert _leaving_symbol(layout, c) is second, c
                if c.source == step and not c.link and c.label in outer - inner:
                    assert _leaving_symbol(layout, c) is first, c
        for c in layout.connectors:  # into a step: into its first decision
            if c.target is not None and not c.link and not c.joint:
                end = c.points[-1]
                assert not any(s.step == c.target and s.dy > 0 and _on_border(s, end) for s in layout.symbols), c


def check_every_flow_edge_is_drawn_and_off_page_connectors_pair_up(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    page_of = {step: p for p, steps in enumerate(pages) for step in steps}
    outs: dict[str, list[tuple[int, int]]] = {}
    ins: dict[str, list[tuple[int, int]]] = {}
    for p, layout in enumerate(layouts):
        for c in layout.connectors:
            if c.joint or c.end is not None:
                continue
            if c.target is None:
                outs.setdefault(c.letter, []).append((p, c.source))
            if c.source is None:
                ins.setdefault(c.letter, []).append((p, c.target))
        letters_drawn = sorted(s.letter for s in layout.symbols if s.letter)
        assert letters_drawn == sorted([c.letter for c in layout.connectors if c.letter])
    assert set(outs) == set(ins)
    for letter in outs:
        assert len(outs[letter]) == 1 and len(ins[letter]) == 1, letter
    for edge in edges(sop):
        if page_of[edge.source] == page_of[edge.target]:
            layout = layouts[page_of[edge.source]]
            assert any(c.source == edge.source and c.target == edge.target for c in layout.connectors), edge
        else:
            arrival = (page_of[edge.target], edge.target)
            matching = [
                letter for letter, [(p_out, s)] in outs.items()
                if s == edge.source and ins[letter][0] == arrival and p_out == page_of[edge.source]
            ]
            assert matching, edge
    drawn = [
        c for layout in layouts for c in layout.connectors if not c.joint and not c.link and c.source is not None and c.end is None
    ]
    assert len(drawn) == len(edges(sop))  # one connector per edge, none extra


def check_every_end_is_drawn(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """An exit `ke: selesai` runs from its decision to an end capsule of its own, in the decision's
    row, and an exit `ke: bersambung` to a 'bersambung' marker of its own the same way; past a
    truncated source's last step the flow runs on to a 'bersambung' marker below the steps."""
    page_of = {step: p for p, steps in enumerate(pages) for step in steps}
    by_source: dict[tuple[int, str], list[str]] = {}  # a step with two decisions may end from each
    for end in leaving_exits(sop):
        by_source.setdefault((end.source, end.end), []).append(end.label)
    for (source, kind), labels in by_source.items():
        layout = layouts[page_of[source]]
        row = layout.step_rows()[source]
        # an exit's (of a decision, or of a symbol on a branch: unlabelled), not the way on past a truncated source
        drawn = [c for c in layout.connectors if c.source == source and c.end == kind and sop.steps[source].is_decision]
        assert sorted(c.label or "" for c in drawn) == sorted(label or "" for label in labels)
        shape = Shape.END if kind == "selesai" else Shape.CONTINUED
        for c in drawn:
            assert c.arrow and c.target is None
            last = c.points[-1]
            capsules = [s for s in layout.symbols if s.shape is shape and (last.row, last.x, last.dy) in _ports(s)]
            assert len(capsules) == 1 and capsules[0].row == row, c
    for layout in layouts:
        capsules = [s for s in layout.symbols if s.shape is Shape.END]
        assert len(capsules) == sum(1 for c in layout.connectors if c.end == "selesai")
        markers = [s for s in layout.symbols if s.shape is Shape.CONTINUED]
        assert len(markers) == sum(1 for c in layout.connectors if c.end == "bersambung")
    last = len(sop.steps) - 1
    markers = [(p, c) for p, layout in enumerate(layouts) for c in layout.connectors
               if c.end == "bersambung" and c.label is None]
    if continues(sop, last):
        [(p, c)] = markers
        assert p == len(layouts) - 1 and c.source == last and c.arrow
    else:
        assert markers == []


GRID_CLEAR = 4.0  # px: the least a line keeps from a column's border, so that it reads as a line of its own
ROW_CLEAR = 2.5  # px: the least a line turning in a row keeps from the row's border (ROW_PAD is 3)


def _gridlines(layout: PageLayout) -> list[float]:
    """The x of the lines drawn between the actor columns."""
    return [k * layout.metrics.column_width for k in range(1, layout.columns)]


def check_lines_keep_off_the_gridlines(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """No stretch of a line runs along a column's border (nor the drawing's edges), nor along a row's
    border: each keeps GRID_CLEAR (ROW_CLEAR) from them."""
    for layout in layouts:
        borders = [0.0, *_gridlines(layout), layout.columns * layout.metrics.column_width, layout.width]
        for c in layout.connectors:
            for p, q in zip(c.points, c.points[1:]):
                if p.x == q.x:
                    near = [b for b in borders if abs(p.x - b) < GRID_CLEAR]
                    assert not near, (p.x, near, c)
                elif abs(p.dy) < EDGE:
                    half = layout.rows[p.row].min_height / 2
                    assert abs(p.dy) <= half - ROW_CLEAR, (p.dy, half, c)


def check_labels_keep_off_the_gridlines(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """A label's box lies between two column borders and inside its row (it crosses no gridline)."""
    for layout in layouts:
        grid = _gridlines(layout)
        for c in layout.connectors:
            box = c.label_box
            if c.label is None or c.label_crowded:
                continue
            crossed = [g for g in grid if box.x0 - 0.5 < g < box.x1 + 0.5]
            assert not crossed, (c.label, box, crossed)
            half = layout.rows[box.row].min_height / 2
            assert -half + 0.5 <= box.y0 and box.y1 <= half - 0.5, (c.label, box, half)


INVARIANTS = [
    check_symbols_in_columns_and_rows,
    check_rows_are_steps_between_connector_rows,
    check_shapes_follow_the_format,
    check_no_two_symbols_overlap,
    check_arrows_start_and_end_on_symbol_borders,
    check_lines_are_orthogonal_and_never_cross_a_symbol,
    check_lines_never_run_on_top_of_each_other,
    check_a_line_never_doubles_back_on_itself,
    check_everything_is_drawn_inside_its_row_and_the_drawing,
    check_every_decision_exit_is_labelled,
    check_labels_sit_beside_their_first_segment_and_on_nothing,
    check_every_flow_edge_is_drawn_and_off_page_connectors_pair_up,
    check_every_end_is_drawn,
    check_lines_keep_off_the_gridlines,
    check_labels_keep_off_the_gridlines,
]


def check_layout(sop: Sop, pages: Pages, layouts: Layouts) -> None:
    """Every invariant, for one SOP laid out one way."""
    assert len(layouts) == len(pages)
    for invariant in INVARIANTS:
        invariant(sop, pages, layouts)


@pytest.mark.parametrize("invariant", INVARIANTS, ids=[f.__name__.removeprefix("check_") for f in INVARIANTS])
def test_invariant(laid_out, invariant):
    invariant(*laid_out)


def test_the_fixtures_need_no_margin(laid_out):
    _, _, layouts = laid_out
    assert all(layout.margin == 0 for layout in layouts)


def test_the_25_step_fixture_spans_several_printed_pages_with_connectors():
    sop = SOPS["dua-puluh-lima-langkah"]
    pages, metrics = splits(sop)["cetak-a4"]
    assert len(pages) >= 3
    layouts = layout_pages(sop, pages, metrics)
    letters = [s.letter for layout in layouts for s in layout.symbols if s.letter]
    assert len(letters) >= 2 * (len(pages) - 1)
    assert letters.count("A") == 2


def test_a_long_text_makes_a_taller_printed_row():
    from macros.render.flowchart.pagination import row_height

    sop = SOPS["kegiatan-panjang"]
    widths = PrintGeometry("A4").widths_for(sop)
    assert row_height(sop, 1, widths, 60) > 2 * row_height(sop, 0, widths, 60)


def test_edge_sentinel_is_beyond_any_row():
    assert EDGE > 5000


def test_a_joint_steps_arrow_leaves_the_symbol_nearest_its_target_not_the_joining_line():
    """Pemohon and Kasir pay together; the next step (Petugas Back Office) stands between their
    columns. Its arrow leaves the bottom of Pemohon's symbol (the nearer one), in every mode."""
    sop = SOPS["izin-satu-pintu"]
    pay = 7
    assert sorted(sop.steps[pay].actors) == ["kasir", "pemohon"]
    for mode in MODES:
        pages, metrics = splits(sop)[mode]
        for steps, layout in zip(pages, layout_pages(sop, pages, metrics)):
            if pay not in steps:
                continue
            pemohon = next(s for s in layout.symbols if s.step == pay and s.column == 0)
            joint = [c for c in layout.connectors if c.joint and c.source == pay]
            assert len(joint) == 1 and joint[0].points[0] == pemohon.port("right")
            onward = [c for c in layout.connectors if c.source == pay and not c.joint]
            assert len(onward) == 1
            assert onward[0].points[0] == pemohon.port("bottom"), mode


def test_the_eight_actor_sop_labels_each_loop_back_beside_its_own_line():
    sop = SOPS["izin-satu-pintu"]
    pages, metrics = splits(sop)["layar"]
    (layout,) = layout_pages(sop, pages, metrics)
    tidak = [c for c in layout.connectors if c.label == "Tidak"]
    assert len(tidak) == 3 and all(c.target is not None and c.target < c.source for c in tidak)
    check_labels_sit_beside_their_first_segment_and_on_nothing(sop, pages, [layout])


def test_the_connector_row_the_pagination_reserves_is_the_one_the_layout_draws():
    """The pagination reserves CONNECTOR_ROW for a page break's off-page row before any layout
    exists; the layout draws a row of off-page symbols exactly that high, and a row where lines
    also turn higher (the plan then measures the laid-out page). Derived, not kept equal by hand."""
    from macros.render.flowchart.geometry import CONNECTOR_ROW

    sop = SOPS["dua-puluh-lima-langkah"]
    metrics = Metrics(column_width=104.0)
    pages = [range(0, 21), range(21, len(sop.steps))]
    first, second = layout_pages(sop, pages, metrics)
    heights = {row.min_height for layout in (first, second) for row in layout.rows if row.kind is RowKind.CONNECTOR}
    assert min(heights) == CONNECTOR_ROW and len(heights) > 1
