"""The flowchart's geometry, checked on the layout every page is drawn from."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.load.discover import source_sets
from macros.model.flow import edges
from macros.model.project import load_project
from macros.model.sop import Sop
from macros.render.flowchart.geometry import EDGE, Metrics, PageLayout, RowKind, Shape, Symbol
from macros.render.flowchart.layout import layout_pages
from macros.render.flowchart.pagination import PrintGeometry, paginate
from tests.conftest import SEED_SOURCES

FIXTURES = Path(__file__).parent / "fixtures" / "flowchart"


def _load(root: Path) -> dict[str, Sop]:
    project = load_project(source_sets([root])[0])
    return {d.slug: d.sop for d in project.documents}


SOPS = {**_load(FIXTURES), **_load(SEED_SOURCES)}


def _splits(sop: Sop) -> dict[str, tuple[list[range], Metrics]]:
    n = len(sop.steps)
    a4 = PrintGeometry("A4")
    print_metrics = Metrics(a4.widths(len(sop.columns))["pelaksana"])
    return {
        "layar": ([range(n)], Metrics(108)),
        "cetak-a4": (paginate(sop, a4, print_metrics.min_step_row), print_metrics),
        "cetak-3-per-halaman": ([range(i, min(n, i + 3)) for i in range(0, n, 3)], Metrics(70)),
    }


CASES = [(slug, mode) for slug in sorted(SOPS) for mode in ("layar", "cetak-a4", "cetak-3-per-halaman")]


@pytest.fixture(params=CASES, ids=[f"{s}-{m}" for s, m in CASES])
def laid_out(request):
    slug, mode = request.param
    sop = SOPS[slug]
    pages, metrics = _splits(sop)[mode]
    return sop, pages, layout_pages(sop, pages, metrics)


def _tops(layout: PageLayout) -> list[float]:
    tops, y = [], 0.0
    for row in layout.rows:
        tops.append(y)
        y += max(row.min_height, 40.0)
    return tops


def _y(layout: PageLayout, tops: list[float], row: int, dy: float) -> float:
    height = max(layout.rows[row].min_height, 40.0)
    return tops[row] + height / 2 + max(-height / 2, min(height / 2, dy))


def _box(layout, tops, s: Symbol) -> tuple[float, float, float, float]:
    cy = _y(layout, tops, s.row, 0)
    return (s.x - s.half_width, s.x + s.half_width, cy - s.half_height, cy + s.half_height)


def _segments(layout, tops, connector):
    pts = [(p.x, _y(layout, tops, p.row, p.dy), p) for p in connector.points]
    return list(zip(pts, pts[1:]))


def _ports(symbol: Symbol):
    return {(p.row, p.x, p.dy) for p in (symbol.port(s) for s in ("top", "bottom", "left", "right"))}


def test_every_symbol_lies_in_its_actors_column_and_its_steps_row(laid_out):
    sop, pages, layouts = laid_out
    for steps, layout in zip(pages, layouts):
        w = layout.metrics.column_width
        rows = layout.step_rows()
        assert sorted(rows) == list(steps)
        for s in layout.symbols:
            if s.step is None:
                assert s.shape is Shape.OFF_PAGE and layout.rows[s.row].kind is RowKind.CONNECTOR
                continue
            assert s.row == rows[s.step]
            assert sop.columns[s.column] in sop.steps[s.step].actors
            assert s.column * w < s.x - s.half_width and s.x + s.half_width < (s.column + 1) * w
        for step in steps:
            drawn = sorted(s.column for s in layout.symbols if s.step == step)
            assert drawn == sorted(sop.columns.index(a) for a in sop.steps[step].actors)


def test_shapes_follow_the_format(laid_out):
    sop, _, layouts = laid_out
    last = len(sop.steps) - 1
    for layout in layouts:
        for s in layout.symbols:
            if s.step is None:
                continue
            if sop.steps[s.step].is_decision:
                assert s.shape is Shape.DECISION
            elif s.step in (0, last):
                assert s.shape is Shape.TERMINATOR
            else:
                assert s.shape is Shape.PROCESS


def test_no_two_symbols_overlap(laid_out):
    _, _, layouts = laid_out
    for layout in layouts:
        tops = _tops(layout)
        boxes = [_box(layout, tops, s) for s in layout.symbols]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)


def test_arrows_start_and_end_on_symbol_borders(laid_out):
    sop, _, layouts = laid_out
    for layout in layouts:
        by_step: dict[int, list[Symbol]] = {}
        for s in layout.symbols:
            by_step.setdefault(s.step, []).append(s)
        pentagon_ports = set().union(*[_ports(s) for s in layout.symbols if s.shape is Shape.OFF_PAGE] or [set()])
        joint_lines = {c.source: c for c in layout.connectors if c.joint}
        for c in layout.connectors:
            start, end = c.points[0], c.points[-1]
            key_start, key_end = (start.row, start.x, start.dy), (end.row, end.x, end.dy)
            if c.source is None:
                assert key_start in pentagon_ports
            else:
                on_symbol = any(key_start in _ports(s) for s in by_step[c.source])
                joint = joint_lines.get(c.source)
                on_joint = joint is not None and start.dy == 0 and start.row == joint.points[0].row and (
                    joint.points[0].x < start.x < joint.points[-1].x
                )
                assert on_symbol or on_joint, c
            if c.target is None:
                assert key_end in pentagon_ports, c
            else:
                assert any(key_end in _ports(s) for s in by_step[c.target]), c
            assert not c.joint or not c.arrow


def test_lines_are_orthogonal_and_never_cross_a_symbol(laid_out):
    _, _, layouts = laid_out
    for layout in layouts:
        tops = _tops(layout)
        boxes = [_box(layout, tops, s) for s in layout.symbols]
        for c in layout.connectors:
            for (x1, y1, p), (x2, y2, q) in _segments(layout, tops, c):
                assert x1 == x2 or (p.row == q.row and p.dy == q.dy), c
                lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
                for bx0, bx1, by0, by1 in boxes:
                    inside_x = lo_x < bx1 - 0.5 and hi_x > bx0 + 0.5
                    inside_y = lo_y < by1 - 0.5 and hi_y > by0 + 0.5
                    assert not (inside_x and inside_y), (c, (bx0, bx1, by0, by1))


def test_lines_never_run_on_top_of_each_other(laid_out):
    """Two different connectors may cross or meet at a target, but never share a stretch."""
    _, _, layouts = laid_out
    for layout in layouts:
        tops = _tops(layout)
        runs = []
        for n, c in enumerate(layout.connectors):
            for (x1, y1, _), (x2, y2, _) in _segments(layout, tops, c):
                runs.append((n, c.target, (x1, y1, x2, y2)))
        for i, (n, target, (ax1, ay1, ax2, ay2)) in enumerate(runs):
            for m, other_target, (bx1, by1, bx2, by2) in runs[i + 1:]:
                if n == m or (target is not None and target == other_target):
                    continue  # arrows converging on one target may share their last stretch
                if ax1 == ax2 == bx1 == bx2:
                    overlap = min(max(ay1, ay2), max(by1, by2)) - max(min(ay1, ay2), min(by1, by2))
                    assert overlap <= 0.5, (layout.connectors[n], layout.connectors[m])
                if ay1 == ay2 == by1 == by2:
                    overlap = min(max(ax1, ax2), max(bx1, bx2)) - max(min(ax1, ax2), min(bx1, bx2))
                    assert overlap <= 0.5, (layout.connectors[n], layout.connectors[m])


def test_every_decision_exit_is_labelled(laid_out):
    sop, pages, layouts = laid_out
    for steps, layout in zip(pages, layouts):
        for step in steps:
            for exit_ in sop.steps[step].exits or ():
                labelled = [c for c in layout.connectors if c.source == step and c.label == exit_.label]
                assert len(labelled) == 1, (step, exit_.label)


def test_every_flow_edge_is_drawn_and_off_page_connectors_pair_up(laid_out):
    sop, pages, layouts = laid_out
    page_of = {step: p for p, steps in enumerate(pages) for step in steps}
    outs: dict[str, list[tuple[int, int]]] = {}
    ins: dict[str, list[tuple[int, int]]] = {}
    for p, layout in enumerate(layouts):
        for c in layout.connectors:
            if c.joint:
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
            matching = [
                letter for letter, [(p_out, s)] in outs.items()
                if s == edge.source and ins[letter][0] == (page_of[edge.target], edge.target) and p_out == page_of[edge.source]
            ]
            assert matching, edge


def test_the_25_step_fixture_spans_several_printed_pages_with_connectors():
    sop = SOPS["dua-puluh-lima-langkah"]
    pages, metrics = _splits(sop)["cetak-a4"]
    assert len(pages) >= 3
    layouts = layout_pages(sop, pages, metrics)
    letters = [s.letter for layout in layouts for s in layout.symbols if s.letter]
    assert len(letters) >= 2 * (len(pages) - 1)
    assert letters.count("A") == 2


def test_a_long_text_makes_a_taller_printed_row():
    from macros.render.flowchart.pagination import row_height

    sop = SOPS["kegiatan-panjang"]
    widths = PrintGeometry("A4").widths(len(sop.columns))
    assert row_height(sop, 1, widths, 60) > 2 * row_height(sop, 0, widths, 60)


def test_edge_sentinel_is_beyond_any_row():
    assert EDGE > 5000
