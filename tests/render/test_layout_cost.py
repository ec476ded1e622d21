"""Issue 23: every legal SOP builds in reasonable time. Dense decisions (every second step a decision
with up to 20 exits, labels up to 90 characters) once made the print layout take minutes: the page
plan laid out every page again for each step it moved, and a crowded label's search went through
every lane, port and connector row. The work is counted here (lines checked against the board,
pages laid out), never timed: a layout over its budget is stopped at once, so this fails fast."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import pytest

from benchmarks.layout import WORK_PER_ARROW, arrows, dense_source
from macros.render.flowchart import layout
from macros.render.flowchart.geometry import Metrics
from macros.render.flowchart.pagination import PrintGeometry, plan
from macros.render.screen_fit import SCREEN_COLUMN
from macros.validate import validate_paths
from tests.render.test_flowchart_geometry import check_layout
from tests.strategies import to_sop, write_corpus

# (steps, exits per decision, label length): the shapes of the issue, at the largest size it names
DENSE = [(40, 20, 5), (40, 20, 90), (40, 10, 30), (20, 20, 90), (5, 2, 90)]
SLOW = pytest.mark.slow  # a minute of work each: the quick run keeps one 40-step and the long-label shape
BUDGETED = [pytest.param(*size, marks=[] if size in ((40, 20, 5), (5, 2, 90)) else [SLOW]) for size in DENSE]


class OverBudget(Exception):
    pass


@pytest.fixture
def counted(monkeypatch):
    """Counts lines checked and pages laid out; raises once the lines pass `counts['budget']`."""
    counts = {"checks": 0, "pages": 0, "budget": None}
    free, build = layout._Board.free, layout._PageBuilder.build

    def counted_free(self, *args, **kwargs):
        counts["checks"] += 1
        if counts["budget"] is not None and counts["checks"] > counts["budget"]:
            raise OverBudget(counts["checks"])
        return free(self, *args, **kwargs)

    def counted_build(self):
        counts["pages"] += 1
        return build(self)

    monkeypatch.setattr(layout._Board, "free", counted_free)
    monkeypatch.setattr(layout._PageBuilder, "build", counted_build)
    return counts


def test_the_dense_sops_are_legal():
    """`sop check --strict` passes them: no error, no warning."""
    with TemporaryDirectory() as folder:
        sources = [dense_source(*size) for size in DENSE]
        findings = validate_paths([write_corpus(Path(folder), sources)]).findings
    assert [f.as_line() for f in findings] == []


@pytest.mark.parametrize("steps,exits,label", BUDGETED, ids=[f"{s}x{e}x{label}" for s, e, label in DENSE])
def test_dense_decisions_are_laid_out_within_a_work_budget(counted, steps, exits, label):
    """Print (the A4 plan) and screen together check at most WORK_PER_ARROW lines per arrow (what
    benchmarks/layout.py states), and the plan lays out each page once per step it gives away."""
    sop = to_sop(dense_source(steps, exits, label))
    counted["budget"] = WORK_PER_ARROW * arrows(sop)
    planned = plan(sop, PrintGeometry("A4"), header=70.0, footer=30.0)
    assert counted["pages"] <= len(planned) + len(sop.steps) + 2  # + 2: the last page's step moved back
    layout.layout_pages(sop, [range(len(sop.steps))], Metrics(SCREEN_COLUMN))
    assert counted["checks"] <= counted["budget"]


@pytest.mark.slow  # the invariants are checked pairwise over hundreds of lines (a minute)
@pytest.mark.parametrize("steps,exits,label", DENSE[1:], ids=[f"{s}x{e}x{label}" for s, e, label in DENSE[1:]])
def test_dense_decisions_keep_every_invariant_of_the_drawing(steps, exits, label):
    """What the bounded searches draw still holds every invariant of the flowcharts: labels off the
    grid, the lines and the symbols (or marked crowded), no line along a column border, connectors."""
    sop = to_sop(dense_source(steps, exits, label))
    planned = plan(sop, PrintGeometry("A4"), header=70.0, footer=30.0)
    check_layout(sop, [p.steps for p in planned], [p.layout for p in planned])
    check_layout(sop, [range(len(sop.steps))], layout.layout_pages(sop, [range(len(sop.steps))], Metrics(SCREEN_COLUMN)))


def test_a_page_is_laid_out_once_for_the_pages_before_it(counted):
    """The plan moves breaks a step at a time; the pages before a moved break are not laid out again."""
    sop = to_sop(dense_source(30, 10, 5))
    flowchart = layout.Flowchart(sop, Metrics(104))
    pages = [range(0, 10), range(10, 20), range(20, 30)]
    first = [flowchart.page(pages, k) for k in range(3)]
    assert counted["pages"] == 3
    moved = [range(0, 10), range(10, 19), range(19, 30)]
    assert flowchart.page(moved, 0) is first[0] and counted["pages"] == 3
    flowchart.page(moved, 1)
    assert counted["pages"] == 4
    # laid out alone, page by page, as all pages at once: the same drawing, letters included
    assert layout.layout_pages(sop, moved, Metrics(104))[2] == flowchart.page(moved, 2)
