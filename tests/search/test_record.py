"""The search record of an SOP: made from the model, each searchable text once, SOP text escaped."""

from __future__ import annotations

import html
import re

import pytest
from markupsafe import escape

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.model.sop import Status
from macros.render.context import Registries
from macros.search.record import FILTERS, NUMBER_WEIGHT, TITLE_WEIGHT, search_record, sop_roles
from tests.conftest import SEED_SOURCES

SLUG = "perbaikan-data-kinerja"


@pytest.fixture(scope="module")
def seed():
    project = load_project(source_sets([SEED_SOURCES])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return project.documents[0].sop, registries


def _values(record_html: str, kind: str) -> list[tuple[str, str]]:
    found = re.findall(rf'data-pagefind-{kind}="(\w+)\[data-nilai\]" data-nilai="([^"]*)"', record_html)
    return [(key, html.unescape(value)) for key, value in found]


def test_the_record_links_the_sop_document_and_carries_what_a_result_shows(seed):
    sop, registries = seed
    record = search_record(SLUG, f"sop/{SLUG}/", sop, registries)
    assert record.url == f"sop/{SLUG}/"
    meta = dict(_values(record.html, "meta"))
    assert meta == {"instansi": registries.agencies[sop.agency].name, "status": "Berlaku", "nomor": sop.number}
    assert f'<h1 data-pagefind-meta="title" data-pagefind-weight="{TITLE_WEIGHT}">{sop.title}</h1>' in record.html
    assert f'<p data-pagefind-weight="{NUMBER_WEIGHT}">{html.escape(sop.number)}</p>' in record.html


def test_the_record_is_filtered_by_agency_unit_kind_status_and_each_role(seed):
    sop, registries = seed
    filters = _values(search_record(SLUG, f"sop/{SLUG}/", sop, registries).html, "filter")
    assert {key for key, _ in filters} <= set(FILTERS)
    assert [v for k, v in filters if k == "pelaksana"] == sop_roles(sop, registries)
    assert len(sop_roles(sop, registries)) == len(sop.roles) >= 2
    assert dict((k, v) for k, v in filters if k != "pelaksana") == {
        "instansi": registries.agencies[sop.agency].name, "jenis": sop.activity_kind.value, "status": "Berlaku",
        **({"unit": sop.unit} if sop.unit else {}),
    }


def test_each_step_is_searchable_once_with_its_actors_spelled_out(seed):
    sop, registries = seed
    text = html.unescape(re.sub(r"<[^>]+>", " ", search_record(SLUG, "x/", sop, registries).html))
    for step in sop.steps:
        assert text.count(step.activity) == 1
    for role in sop.roles:  # the role's full name and its singkatan: either finds the SOP
        assert registries.roles[role].name in text and registries.roles[role].short_name in text


def test_sop_text_is_escaped_in_the_record(seed):
    sop, registries = seed
    hostile = '<script>alert(1)</script> & "kutip" <img src=x onerror=alert(2)>'
    steps = (sop.steps[0].model_copy(update={"activity": hostile}),) + sop.steps[1:]
    changed = sop.model_copy(update={"title": hostile, "number": hostile, "unit": hostile, "steps": steps,
                                     "status": Status.DRAFT})
    record = search_record(SLUG, "x/", changed, registries).html
    assert "<script>" not in record and "<img" not in record
    assert str(escape(hostile)) in record  # markupsafe's escaping, as every renderer's
    assert ("status", "Draf") in _values(record, "filter")
