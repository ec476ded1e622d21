"""Renderers escape every piece of SOP text."""

from __future__ import annotations

from macros.render.context import Registries
from macros.render.index_table import render_index
from macros.render.sop_page import render_sop_page
from macros.model.project import load_project
from macros.load.discover import source_sets
from tests.conftest import SEED_SOURCES

HOSTILE = "<img src=x onerror=alert(1)> & {{ 7*7 }}"


def _seed():
    project = load_project(source_sets([SEED_SOURCES])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return project.documents[0].sop, registries


def test_step_text_and_title_are_escaped():
    sop, registries = _seed()
    step = sop.steps[0].model_copy(update={"activity": HOSTILE, "note": HOSTILE})
    sop = sop.model_copy(update={"title": HOSTILE, "steps": (step,) + sop.steps[1:]})
    page = str(render_sop_page(sop, registries, {}, lambda slug: f"../{slug}/"))
    assert "<img" not in page
    assert page.count("&lt;img src=x onerror=alert(1)&gt; &amp; {{ 7*7 }}") == 4  # h1, nama SOP, kegiatan, keterangan
    index = str(render_index([("a", sop)], registries, lambda slug: f"sop/{slug}/"))
    assert "<img" not in index and "&lt;img" in index


def test_link_targets_come_from_the_linker():
    sop, registries = _seed()
    index = str(render_index([("perbaikan-data-kinerja", sop)], registries, lambda slug: f"sop/{slug}/"))
    assert '<a href="sop/perbaikan-data-kinerja/">Mekanisme Perbaikan Data Kinerja</a>' in index
