"""Whatever a record file holds, `sop check` answers with findings (never a traceback), and every
record it accepts reaches the pages without breaking them."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.checks.monev import judge_records
from macros.load.discover import source_sets
from macros.checks.review import project_today
from macros.model.monev import CRITERIA, MonitoringResult
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.links import Links
from macros.render.monev import monev_section, render_evaluation_form, render_monitoring_form
from tests.conftest import CHECK_FIXTURES, build_into, run_cli

SLUG = "valid-monev"
_counter = itertools.count()

texts = st.sampled_from(["", "Catatan", "<b>x</b> & {{ 7*7 }}", "a" * 2100, "baris\nkedua", "\x07", "ya", "tidak", "baik"])
# Valid values are drawn more often than the others, so that many examples have results to show.
dates = st.sampled_from(["2026-06-20"] * 4 + ["2026-13-01", "2025-12-31", "2027", "Juli 2026", "05/02/2026", "2300-01-01", "kemarin",
                         "2099-12-31", "1950-01-01"])
assessors = st.one_of(
    st.sampled_from(["sekretaris"] * 4 + ["kepala", "tidak-ada", "Budi Santoso", ""]),
    st.fixed_dictionaries({}, optional={"nama": texts, "nip": st.sampled_from(["19750312 200003 2 004", "123", "19751312 200003 2 004"]),
                                        "jabatan": st.sampled_from(["sekretaris", "x y", "tidak-ada"]), "pangkat": texts}),
)
notes = st.sampled_from(["Catatan", "<b>x</b> & {{ 7*7 }}", "baris\nkedua", "Catatan", "<b>x</b>", "a" * 2100, "\x07"])
junk = st.recursive(st.one_of(st.none(), texts), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
                    max_leaves=6)
rating_words = st.sampled_from(["baik", "tidak", "baik", "bagus"])
long_ratings = st.fixed_dictionaries(
    {"penilaian": st.sampled_from(["baik", "tidak", "tidak", "?"])},
    optional={"catatan": notes, "tindakan": st.one_of(notes, st.fixed_dictionaries({"uraian": notes}, optional={"selesai": dates}))},
)
ratings = st.one_of(rating_words, rating_words, long_ratings, long_ratings, junk)
steps = st.dictionaries(st.sampled_from(["1", "2", "3", "1", "2", "3", "4", "0", "x", " 2"]), ratings, max_size=5)
slugs = st.sampled_from([SLUG, SLUG, SLUG, "tidak-ada", "Huruf Besar"])
monitoring_entries = st.fixed_dictionaries({"langkah": steps.filter(bool)}, optional={"penilai": assessors, "tanggal": dates, "catatan": notes, "x": junk})
answers = st.one_of(st.sampled_from(["ya", "tidak", "ya", "tidak", "mungkin"]),
                    st.fixed_dictionaries({"jawaban": st.sampled_from(["ya", "tidak"])}, optional={"catatan": notes, "tindakan": notes}))
criteria = st.fixed_dictionaries({key: answers for key, _ in CRITERIA[:6]}, optional={key: answers for key, _ in CRITERIA[6:]})
evaluation_entries = st.fixed_dictionaries({"kriteria": criteria}, optional={"penilai": assessors, "tanggal": dates})


def _file(entries, period: str) -> st.SearchStrategy[Any]:
    periods = st.sampled_from([period] * 6 + ["2026-2", "2026-3", "2026", "Semester I 2026", "Tahun 2026", "x", "1800-1", ""])
    whole = st.fixed_dictionaries(
        {"periode": periods, "penilai": assessors, "tanggal": dates, "hasil": st.dictionaries(slugs, entries, min_size=1, max_size=2)},
    )
    partial = st.fixed_dictionaries(
        {"periode": periods, "hasil": st.one_of(st.dictionaries(slugs, entries, max_size=2), junk)},
        optional={"penilai": assessors, "tanggal": dates, "lain": junk},
    )
    return st.one_of(whole, whole, partial, junk)


VALID = {"periode": "2025-2", "penilai": "sekretaris", "tanggal": "2025-12-01",
         "hasil": {SLUG: {"langkah": {"1": "baik", "2": {"penilaian": "tidak", "tindakan": "Menetapkan batas waktu"}}}}}

record_sets = st.fixed_dictionaries({
    "_monitoring/2025-2.yml": st.just(VALID),  # always one result to show beside what is drawn
    "_monitoring/2026-1.yml": _file(monitoring_entries, "2026-1"),
    "_monitoring/unit/2026-1.yml": st.one_of(st.none(), _file(monitoring_entries, "2026-1")),
    "_monitoring/2026-3.yml": st.one_of(st.none(), st.none(), _file(monitoring_entries, "2026-3")),
    "_evaluasi/2026.yml": _file(evaluation_entries, "2026"),
})


def _project(folder: Path, records: dict[str, Any]) -> Path:
    root = folder / "sop"
    shutil.copytree(CHECK_FIXTURES / "valid-monev", root, ignore=shutil.ignore_patterns("_monitoring", "_evaluasi", "expected.txt"))
    for rel, data in records.items():
        if data is None:
            continue
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


def _actions_of(result):
    if isinstance(result, MonitoringResult):
        return [s.result.action for s in result.steps if s.result.action is not None]
    return [answer.action for _, answer in result.criteria.answers() if answer.action is not None]


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(record_sets)
def test_any_record_is_answered_with_findings_and_what_is_accepted_renders(tmp_path_factory, records):
    root = _project(tmp_path_factory.mktemp(f"rekam{next(_counter)}"), records)
    result = run_cli("check", str(root))
    assert result.code in (0, 1), result.out + result.err
    assert "Traceback" not in result.err and "galat internal" not in result.err
    for line in result.lines[:-1]:
        path, line_no, column, rest = line.split(":", 3)
        assert int(line_no) >= 1 and int(column) >= 1 and rest.startswith(" SOP-"), line
    project = load_project(source_sets([root])[0])
    verdict = judge_records(project)
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    links = Links(lambda p: "/" + p)
    sop = project.documents[0].sop
    today = project_today(project)
    for slug, history in verdict.accepted.items():
        assert slug == SLUG
        for accepted in (*history.monitoring, *history.evaluations):  # nothing that cannot be true counts
            assert not accepted.date.first > today, accepted
            for action in _actions_of(accepted):
                assert action.done is None or not (action.done.first > today or action.done.certainly_before(accepted.date))
        for render in (render_monitoring_form, render_evaluation_form):
            assert "<b>" not in str(render(slug, sop, registries, links, history))
        monev_section(slug, history, registries, links)
    if result.code == 0:  # nothing wrong: every file with entries is accepted
        assert all(r.header is not None for r in project.records)


@pytest.mark.slow  # builds sites
@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(record_sets)
def test_any_record_leaves_the_build_standing(tmp_path_factory, records):
    work = tmp_path_factory.mktemp(f"bangun{next(_counter)}")
    root = _project(work, records)
    run, site = build_into(work, work / "site", root, cache_dir=str(work / "cache"))
    assert run.code == 0 and "Traceback" not in run.err, run.err
    assert (site / "sop" / SLUG / "monitoring" / "index.html").is_file()
