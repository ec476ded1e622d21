"""The screen table's actor columns: as wide as a 1440 px screen allows, the drawing laid out in them,
and no actor header's word wider than its column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.model.registry import Role
from macros.render.actors import column_short
from macros.render.context import Registries
from macros.render.flowchart.font_metrics import text_width
from macros.render.procedure import HEAD_SIDES, HEADER_FONT_PX, screen_widths
from macros.render.screen_fit import HEADER_SCALE_MIN, SCREEN_COLUMN, SCREEN_COLUMN_MIN, SCREEN_FIT, fit_screen
from tests.conftest import SEED_SOURCES
from tests.render.test_flowchart_geometry import check_layout
from tests.strategies import ROLES, sop_sources, to_sop

SCREENS = Path(__file__).parent.parent / "browser" / "fixtures" / "layar"


def _project(folder: Path):
    project = load_project(source_sets([folder])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return project.documents[0].sop, registries


def _longest_word(sop, registries) -> float:
    return max(text_width(w, HEADER_FONT_PX, bold=True) for key in sop.columns
               for w in column_short(sop, key, registries).split())


def _table_width(fit) -> float:
    return sum(v for k, v in fit.widths.items() if k != "pelaksana") + fit.layout.width


def test_a_table_with_room_keeps_the_widest_columns_and_full_size_headers():
    sop, registries = _project(SEED_SOURCES)
    fit = fit_screen(sop, registries)
    assert fit.widths["pelaksana"] == SCREEN_COLUMN and fit.header_scale == 1.0
    assert fit.widths == {**screen_widths(sop), "pelaksana": SCREEN_COLUMN}


def test_eight_actors_with_official_names_fit_a_1440_px_screen():
    sop, registries = _project(SCREENS)
    assert len(sop.columns) == 8
    fit = fit_screen(sop, registries)
    column = fit.widths["pelaksana"]
    assert SCREEN_COLUMN_MIN <= column < SCREEN_COLUMN
    assert fit.layout.metrics.column_width == column  # the drawing is laid out in the columns it is shown in
    assert _table_width(fit) <= SCREEN_FIT
    word = _longest_word(sop, registries)
    assert word + HEAD_SIDES > column  # "Pengendalian" at full size would not fit: the headers shrink
    assert HEADER_SCALE_MIN <= fit.header_scale < 1
    assert word * fit.header_scale + HEAD_SIDES <= column
    check_layout(sop, [range(len(sop.steps))], [fit.layout])


ROLE_REGISTRY = Registries.of({}, {key: Role.model_validate(value) for key, value in ROLES.items()}, {})


@pytest.mark.slow  # generated SOPs laid out
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sop_sources(max_steps=20))
def test_every_legal_sop_fits_the_screen_or_stops_at_its_narrowest_column(source):
    """Up to eight actors (one with a 'Pranata Komputer Ahli Pertama Subbag Perencanaan' header), loops,
    skips, joint steps, early ends, truncation: the table fits, or its columns are as narrow as the drawing
    and the headers' words allow; the drawing keeps every invariant of the layout."""
    sop = to_sop(source)
    fit = fit_screen(sop, ROLE_REGISTRY)
    column = fit.widths["pelaksana"]
    word = _longest_word(sop, ROLE_REGISTRY)
    assert SCREEN_COLUMN_MIN <= column <= max(SCREEN_COLUMN, word * HEADER_SCALE_MIN + HEAD_SIDES + 1)
    assert word * fit.header_scale + HEAD_SIDES <= column + 0.01 or fit.header_scale == HEADER_SCALE_MIN
    narrowest = max(SCREEN_COLUMN_MIN, word * HEADER_SCALE_MIN + HEAD_SIDES)
    assert _table_width(fit) <= SCREEN_FIT or column <= narrowest + 1
    check_layout(sop, [range(len(sop.steps))], [fit.layout])
