"""The print plan (pagination.plan): every step on exactly one page, in order; every page fits its paper as
laid out, or is scaled so that it does; a page is only ever too tall when it cannot give a step away."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from macros.model.drawn import branch_symbol, drawn
from macros.model.sop import Sop
from macros.render.flowchart import pagination
from macros.render.flowchart.pagination import PAGE_SPARE, PrintGeometry
from tests.render.test_flowchart_geometry import SOPS
from tests.strategies import branch_symbols, sop_sources, to_sop

PROPERTY = settings(
    max_examples=30, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_plan(sop: Sop, paper: str, steps_per_page: int = 0) -> list[pagination.PlannedPage]:
    geometry = PrintGeometry(paper, steps_per_page)
    widths = geometry.widths_for(sop)
    header = pagination.header_height([f"Jabatan {c}" for c in sop.columns], widths)
    pages = pagination.plan(sop, geometry, header, footer=40.0)
    assert [i for page in pages for i in page.steps] == list(range(len(sop.steps)))
    assert all(len(page.steps) for page in pages)
    budget = geometry.page_height - PAGE_SPARE
    for page in pages:
        assert page.height == pytest.approx(
            pagination.planned_height(sop, page.layout, page.widths, header, 40.0 if page is pages[-1] else 0.0)
        )
        width = pagination.table_width(page.widths, len(sop.columns), page.layout.margin)
        # scaled, the page fits the paper both ways; unscaled it is only too tall when it has one step
        assert 0 < page.scale <= 1
        assert page.height * page.scale <= budget + 1e-6 and width * page.scale <= geometry.page_width + 1e-6
        if page.height > budget and not steps_per_page:  # one step (with the symbols on its branches)
            assert len([i for i in page.steps if branch_symbol(sop, i) is None]) == 1, (page.steps, page.height, budget)
        assert branch_symbol(sop, page.steps.start) is None  # a symbol on a branch stays on its decision's page
        if page.scale < 1:
            assert page.height > budget or width > geometry.page_width
    return pages


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("slug", sorted(SOPS))
def test_every_fixture_is_planned_to_fit(slug, paper):
    check_plan(SOPS[slug], paper)


def test_a_fixed_number_of_steps_per_page_counts_steps_and_keeps_symbols_on_branches_with_their_decision():
    sop = SOPS["simbol-cabang"]  # rows: 1, 2, its symbol, 3, its symbol, 4, 5
    pages = check_plan(sop, "A4", steps_per_page=2)
    assert [list(page.steps) for page in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    estimated = check_plan(sop, "A4")
    assert [list(page.steps) for page in estimated] == [list(range(7))]


def test_a_fixed_number_of_steps_per_page_is_scaled_rather_than_split():
    sop = SOPS["dua-puluh-lima-langkah"]
    pages = check_plan(sop, "A4", steps_per_page=25)
    assert len(pages) == 1 and pages[0].scale < 1


@pytest.mark.slow  # property test, many examples
@PROPERTY
@given(sop_sources(max_actors=25, max_steps=30).flatmap(branch_symbols))
def test_every_legal_sop_is_planned_to_fit(source):
    sop = drawn(to_sop(source))
    for paper in ("A4", "F4"):
        check_plan(sop, paper)


def test_the_header_estimate_counts_wrapped_actor_names():
    widths = PrintGeometry("A4").widths(8)
    short = pagination.header_height(["Kasir"] * 8, widths)
    long = pagination.header_height(["Petugas Pelayanan Front Office Terpadu"] * 8, widths)
    assert long > short + 2 * pagination.PROCEDURE_LINE


def test_the_printed_waktu_column_holds_its_longest_word():
    """A waktu kept as written ("Selambat-lambatnya 3 hari kerja …") never breaks inside a word: the
    column widens to its longest word (up to WAKTU_MAX), and stays 58 px for short times."""
    from macros.render.flowchart.font_metrics import text_width
    from macros.render.flowchart.pagination import CELL_INSET, PROCEDURE_FONT_PX, WAKTU_MAX, PrintGeometry
    from tests.render.test_swimlane import SOPS

    written, _ = SOPS["waktu-apa-adanya"]
    widths = PrintGeometry("A4").widths_for(written)
    needed = text_width("Selambat-lambatnya", PROCEDURE_FONT_PX) + CELL_INSET
    assert needed > 58 and needed <= widths["waktu"] <= WAKTU_MAX
    seed, _ = SOPS["putar-balik"]
    assert PrintGeometry("A4").widths_for(seed)["waktu"] == 58.0
