"""Every generated SOP whose waktu is written as real SOPs write it (windows, bare numbers, deadlines
from an event) and whose truncated flow goes on past what was copied (`ke: bersambung`) passes
`sop check` with warnings only, and builds: its flowchart keeps the geometric invariants on screen
and on paper, every page prints each waktu as written, and every total of a truncated source says
it is a part."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from markupsafe import escape

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.render.checklist import render_checklist
from macros.render.context import Registries
from macros.render.index_table import render_index
from macros.render.links import Links
from macros.render.role_page import render_role_page
from macros.render.sop_page import PageOptions, render_sop_page
from macros.render.swimlane import swimlane_dot
from macros.render.worksheet import render_worksheet
from macros.validate import validate_paths
from tests.conftest import build_into, run_cli
from tests.render.test_flowchart_property import PROPERTY, check_every_split
from tests.strategies import CONTINUED, TIMES_AS_WRITTEN, sop_sources, write_corpus

LINKS = Links(lambda path: "/" + path)
WARNINGS = {"SOP-W004", "SOP-W008", "SOP-W009"}
_counter = itertools.count()


def _check_and_render(sources: list[dict]) -> None:
    with TemporaryDirectory() as folder:
        write_corpus(Path(folder), sources)
        findings = validate_paths([Path(folder)]).findings
        assert {f.code for f in findings} <= WARNINGS, [f.as_line() for f in findings]
        project = load_project(source_sets([Path(folder)])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    sops = {d.slug: d.sop for d in project.documents}
    assert len(sops) == len(sources)
    index = str(render_index(list(sops.items()), registries, LINKS))
    for slug, sop in sops.items():
        check_every_split(next(s for s in sources if s["langkah"][0]["kegiatan"] == sop.steps[0].activity))
        page = str(render_sop_page(slug, sop, registries, {}, LINKS, PageOptions()))
        worksheet = str(render_worksheet(slug, sop, registries, LINKS))
        for step in sop.steps:
            written = " ".join(str(step_source_waktu(sources, sop, step)).split())
            if written in TIMES_AS_WRITTEN:
                assert str(escape(written)) in page and str(escape(written)) in worksheet
        totals = re.findall(r'class="sop-total-waktu">(?:<strong>[^<]*</strong> )?([^<]*)<', page + worksheet)
        assert totals and all(("sebagian: sumber terpotong" in t) == sop.truncated for t in totals), totals
        row = index.split(f'href="/sop/{slug}/"')[1].split("</tr>")[0]
        assert ("sebagian: sumber terpotong" in row) == sop.truncated
        assert (page.count('data-ke="bersambung"') > 0) == (sop.truncated and _goes_on(sop))
        swimlane_dot(sop, registries)
        for role in sop.roles:
            checklist = str(render_checklist(slug, sop, role, registries, LINKS))
            total = checklist.split("dalam SOP ini:</strong> ")[1].split("</p>")[0]
            assert ("sebagian: sumber terpotong" in total) == sop.truncated and not total.startswith("0 menit (")
            render_role_page(role, sops, registries, LINKS)


def _goes_on(sop) -> bool:
    """Is anything drawn to a 'bersambung' marker: an exit into the missing part, or the last step?"""
    from macros.model.flow import continued_exits, continues

    return bool(continued_exits(sop)) or continues(sop, len(sop.steps) - 1)


def step_source_waktu(sources: list[dict], sop, step) -> str:
    source = next(s for s in sources if s["langkah"][0]["kegiatan"] == sop.steps[0].activity)
    return next(s["waktu"] for s in source["langkah"] if s["kegiatan"] == step.activity)


@pytest.mark.slow  # generated SOPs checked, laid out and rendered (about a minute)
@settings(PROPERTY, max_examples=40)
@given(sop_sources(max_actors=6, max_steps=14, as_written=True).map(lambda source: [source]))
def test_sops_with_times_as_written_and_exits_into_the_missing_part_check_and_render(sources):
    _check_and_render(sources)


@settings(PROPERTY, max_examples=8)
@given(sop_sources(max_actors=4, max_steps=8, as_written=True).map(lambda source: [source]))
def test_small_sops_with_times_as_written_check_and_render(sources):
    _check_and_render(sources)


def test_the_generator_draws_times_as_written_and_exits_into_the_missing_part():
    seen: set[str] = set()

    @settings(PROPERTY, max_examples=60)
    @given(sop_sources(max_actors=4, max_steps=14, as_written=True))
    def tally(source):
        for step in source["langkah"]:
            if step["waktu"] in TIMES_AS_WRITTEN:
                seen.add("waktu-teks")
            exits = [n for e in step.get("keputusan", []) for n in e.get("keputusan", [e])]
            if any(e["ke"] == CONTINUED for e in exits):
                seen.add("bersambung-terakhir" if step is source["langkah"][-1] else "bersambung-cabang")

    tally()
    assert {"waktu-teks", "bersambung-cabang"} <= seen, seen


@pytest.mark.slow  # builds whole sites
@settings(max_examples=2, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(sop_sources(max_actors=5, max_steps=12, as_written=True).map(lambda source: [source]))
def test_what_sop_check_accepts_as_written_builds(tmp_path_factory, sources):
    work = tmp_path_factory.mktemp(f"apa-adanya{next(_counter)}")
    folder = write_corpus(work / "sop", sources)
    check = run_cli("check", str(folder))
    assert check.code == 0, check.out
    run, site = build_into(work, work / "site", folder, cache_dir=str(work / "cache"))
    assert run.code == 0 and "Traceback" not in run.out + run.err, run.out + run.err
    html = (site / "sop" / "sop-uji-1" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="sop-halaman-cetak"') >= 1 and "galat internal" not in html
