"""Renderers escape every piece of SOP text, in every view."""

from __future__ import annotations

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.index_table import render_index
from macros.render.links import Links
from macros.render.sop_page import PageOptions, render_sop_page
from macros.render.worksheet import render_worksheet
from tests.conftest import SEED_SOURCES

HOSTILE = "<img src=x onerror=alert(1)> & {{ 7*7 }}"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt; &amp; {{ 7*7 }}"
LINKS = Links(lambda path: "../" + path)


def _hostile_seed():
    project = load_project(source_sets([SEED_SOURCES])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    sop = project.documents[0].sop
    first = sop.steps[0].model_copy(update={"activity": HOSTILE, "note": HOSTILE, "output": HOSTILE})
    last = sop.steps[-1].model_copy(update={"activity": HOSTILE + " akhir"})
    sop = sop.model_copy(update={"title": HOSTILE, "scope": HOSTILE, "steps": (first,) + sop.steps[1:-1] + (last,)})
    return sop, registries


def test_document_page_escapes_every_text():
    sop, registries = _hostile_seed()
    page = str(render_sop_page("x", sop, registries, {}, LINKS, PageOptions()))
    assert "<img" not in page
    # title (h1 and Nama SOP), and kegiatan, output and keterangan in the screen table and the print table
    assert page.count(ESCAPED) >= 2 + 3 * 2


def test_worksheet_and_index_escape_every_text():
    sop, registries = _hostile_seed()
    worksheet = str(render_worksheet("x", sop, registries, LINKS))
    assert "<img" not in worksheet and ESCAPED in worksheet
    index = str(render_index([("a", sop)], registries, LINKS))
    assert "<img" not in index and ESCAPED in index


def test_link_targets_come_from_the_links():
    project = load_project(source_sets([SEED_SOURCES])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    index = str(render_index([("perbaikan-data-kinerja", project.documents[0].sop)], registries, Links(lambda p: p)))
    assert '<a href="sop/perbaikan-data-kinerja/">Mekanisme Perbaikan Data Kinerja</a>' in index
