"""Every legal SOP gets a flowchart: on screen, on A4 and F4, and on tiny pages, with the same
geometric invariants as the fixtures (test_flowchart_geometry.py). Also checks the generator
itself (tests/strategies.py): what it draws passes `sop check` without a finding."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.corpus import generate
from macros.load.discover import source_sets
from macros.model.drawn import drawn
from macros.model.project import load_project
from macros.model.sop import MAX_EXITS
from macros.render.flowchart.geometry import Metrics
from macros.render.flowchart.layout import layout_pages
from macros.validate import validate_paths
from tests.conftest import run_cli
from tests.render.test_flowchart_geometry import check_layout, splits
from tests.strategies import REGISTRIES, ROLES, corpora, sop_sources, to_sop, write_corpus

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI is deterministic
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_every_split(source: dict[str, Any]) -> None:
    sop = drawn(to_sop(source))  # a symbol on a branch (melalui) is laid out as a row of its own
    for pages, metrics in splits(sop).values():
        check_layout(sop, pages, layout_pages(sop, pages, metrics))


@pytest.mark.slow  # many generated SOPs laid out (10-90 s)
@PROPERTY
@given(sop_sources())
def test_every_legal_sop_is_laid_out_on_screen_and_on_a4_and_f4(source):
    check_every_split(source)


@pytest.mark.slow  # generated SOPs laid out on screen and on paper
@settings(PROPERTY, max_examples=60)
@given(sop_sources(max_actors=5, max_steps=16, second_decisions=True))
def test_every_legal_sop_with_second_decisions_is_laid_out(source):
    """Steps whose row holds two decisions (stacked in the actor's column), on screen and on paper."""
    check_every_split(source)


@pytest.mark.slow  # many generated SOPs laid out (10-90 s)
@PROPERTY
@given(sop_sources(), st.integers(1, 4), st.sampled_from([60.0, 70.0, 104.0]))
def test_every_legal_sop_is_laid_out_on_tiny_pages(source, per_page, column_width):
    sop = to_sop(source)
    n = len(sop.steps)
    pages = [range(i, min(n, i + per_page)) for i in range(0, n, per_page)]
    check_layout(sop, pages, layout_pages(sop, pages, Metrics(column_width)))


# -- flows that once raised --------------------------------------------------------------------------


def _source(columns: list[str], actors: list[str], decisions: dict[int, list[tuple[str, int | None]]]) -> dict[str, Any]:
    """A legal SOP whose step i (1-based) is done by actors[i - 1]; `decisions` maps a step to its
    exits as (label, target step, None for the next one, or 0 for the end of the procedure)."""
    steps = []
    for i, actor in enumerate(actors, start=1):
        step = {"id": f"l{i}", "kegiatan": f"Memeriksa berkas tahap {i}", "pelaksana": actor, "waktu": "10 menit",
                "output": f"Berkas tahap {i}"}
        if i in decisions:
            step["keputusan"] = [
                {"label": label, "ke": "selesai" if t == 0 else f"l{i + 1 if t is None else t}"} for label, t in decisions[i]
            ]
        steps.append(step)
    return {
        "nomor": "800/001/UJI", "judul": "Pemeriksaan Berkas", "instansi": "dinas-uji",
        "tanggal": {"pembuatan": "2025-03-03"},
        "disahkan_oleh": {"jabatan": "kepala", "nama": "SITI RAHMAWATI, S.E., M.M."},
        "jenis_kegiatan": "Pelayanan", "penanggung_jawab": {"produk": "kepala", "kegiatan": next(c for c in columns if c != "pemohon")},
        "ruang_lingkup": "Bidang Pelayanan Perizinan", "pelaksana": columns, "langkah": steps,
    }


TWO_ACTORS_CROSSING_PAGES = _source(
    ["petugas-loket", "verifikator"],
    ["verifikator" if i % 2 else "petugas-loket" for i in range(1, 23)],
    {2: [("Ya", None), ("Tidak", 21)], 13: [("Ya", None), ("Tidak", 21)], 19: [("Ya", None), ("Tidak", 13)]},
)
FIVE_LOOPS_ONE_ACTOR = _source(
    ["verifikator"], ["verifikator"] * 12, {i: [("Ya", None), ("Tidak", 1)] for i in (3, 5, 7, 9, 11)}
)
ELEVEN_EXITS = _source(
    ["verifikator"], ["verifikator"] * 13, {1: [(f"Cabang {k}", k + 1 if k > 1 else None) for k in range(1, 12)]}
)
MOST_EXITS_ONE_ACTOR = _source(
    ["verifikator"], ["verifikator"] * 22, {2: [(f"Cabang {k}", k + 1 if k > 2 else (0 if k == 1 else None)) for k in range(1, MAX_EXITS + 1)]}
)


def test_two_actors_with_exits_across_pages_on_a4():
    """Once: 'terlalu banyak penghubung antarhalaman pada satu baris'."""
    check_every_split(TWO_ACTORS_CROSSING_PAGES)
    sop = to_sop(TWO_ACTORS_CROSSING_PAGES)
    pages = [range(0, 9), range(9, 17), range(17, 22)]  # the A4 split it failed on
    layouts = layout_pages(sop, pages, Metrics(104))
    check_layout(sop, pages, layouts)


def test_five_decisions_looping_back_in_one_column():
    """Once: 'tidak ada jalur kosong untuk panah'."""
    check_every_split(FIVE_LOOPS_ONE_ACTOR)


def test_one_decision_with_eleven_exits():
    """Once: 'tidak ada jalur kosong untuk panah'."""
    check_every_split(ELEVEN_EXITS)


@pytest.mark.slow  # many generated SOPs laid out (10-90 s)
def test_the_most_exits_a_decision_may_have_in_one_narrow_column():
    sop = to_sop(MOST_EXITS_ONE_ACTOR)
    for pages, metrics in [*splits(sop).values(), ([range(len(sop.steps))], Metrics(60))]:
        check_layout(sop, pages, layout_pages(sop, pages, metrics))


# -- the generator ---------------------------------------------------------------------------------


def _findings(folder: Path) -> list[str]:
    """Every error and warning `sop check` would print for the folder."""
    return [f.as_line() for f in validate_paths([folder]).findings]


@pytest.mark.slow  # many generated SOPs laid out (10-90 s)
@settings(PROPERTY, max_examples=40)
@given(corpora())
def test_generated_corpora_pass_the_checks(sources):
    with TemporaryDirectory() as folder:
        assert _findings(write_corpus(Path(folder), sources)) == []


@settings(PROPERTY, max_examples=20)
@given(sop_sources(max_actors=5, max_steps=16, second_decisions=True).map(lambda source: [source]))
def test_generated_second_decisions_pass_the_checks(sources):
    with TemporaryDirectory() as folder:
        assert _findings(write_corpus(Path(folder), sources)) == []


@settings(PROPERTY, max_examples=3)
@given(corpora())
def test_sop_check_passes_a_generated_corpus(sources):
    with TemporaryDirectory() as folder:
        write_corpus(Path(folder), sources)
        run = run_cli("check", folder)
    assert run.code == 0, run.out + run.err
    assert run.lines[-1] == f"LULUS: {len(sources)} SOP diperiksa, 0 galat, 0 peringatan."


def test_the_explicit_flows_are_legal():
    with TemporaryDirectory() as folder:
        sources = [TWO_ACTORS_CROSSING_PAGES, FIVE_LOOPS_ONE_ACTOR, ELEVEN_EXITS, MOST_EXITS_ONE_ACTOR]
        assert _findings(write_corpus(Path(folder), sources)) == []
        assert sorted(p.name for p in Path(folder).glob("_*.yml")) == sorted(REGISTRIES)


@pytest.mark.slow  # many generated SOPs laid out (10-90 s)
def test_the_generator_draws_every_kind_of_flow():
    seen: set[str] = set()

    @settings(PROPERTY, max_examples=120)
    @given(sop_sources())
    def tally(source):
        seen.update(_features(source))

    tally()
    expected = {
        "aktor-1", "aktor-2-7", "aktor-8", "langkah-bersama", "kata-panjang", "banyak-cabang", "mundur", "lompat",
        "lanjut", "panjang", "selesai-cabang", "selesai-terakhir", "selesai-awal", "terpotong", "kolom-kosong",
    }
    assert expected <= seen, expected - seen


def test_the_generator_draws_second_decisions_when_asked():
    seen: set[str] = set()

    @settings(PROPERTY, max_examples=30)
    @given(sop_sources(max_actors=5, max_steps=16, second_decisions=True))
    def tally(source):
        seen.update(_features(source))

    tally()
    assert {"keputusan-kedua", "mundur", "lompat", "selesai-cabang"} <= seen, seen


def _features(source: dict[str, Any]) -> set[str]:
    steps = source["langkah"]
    index = {s["id"]: i for i, s in enumerate(steps)}
    actors = len(source["pelaksana"])
    found = {f"aktor-{actors}" if actors in (1, 8) else "aktor-2-7"}
    for i, step in enumerate(steps):
        if isinstance(step["pelaksana"], list):
            found.add("langkah-bersama")
        if max(len(w) for w in step["kegiatan"].split()) >= 20:
            found.add("kata-panjang")
        exits = step.get("keputusan", [])
        if len(exits) >= 11:
            found.add("banyak-cabang")
        if any("keputusan" in e for e in exits):
            found.add("keputusan-kedua")
            exits = [n for e in exits for n in e.get("keputusan", [e])]  # its exits leave the step too
        for e in exits:
            if e["ke"] == "selesai":
                found.add("selesai-cabang" if i < len(steps) - 1 else "selesai-terakhir")
                continue
            target = index[e["ke"]]
            found.add("mundur" if target < i else "lompat" if target > i + 1 else "lanjut")
        if "selesai" in step:
            found.add("selesai-awal")
    if len(steps) >= 35:
        found.add("panjang")
    if "terpotong" in source:
        found.add("terpotong")
        if {a for s in steps for a in ([s["pelaksana"]] if isinstance(s["pelaksana"], str) else s["pelaksana"])} != set(source["pelaksana"]):
            found.add("kolom-kosong")
    return found


def test_realistic_sops_never_widen_the_drawing(tmp_path):
    """The margin right of the columns is a last resort: the benchmark corpus (3-8 actors, a
    decision now and then) always finds its lanes between the columns."""
    project = load_project(source_sets([generate(tmp_path / "sop", 60, seed=5)])[0])
    for document in project.documents:
        for pages, metrics in splits(document.sop).values():
            layouts = layout_pages(document.sop, pages, metrics)
            check_layout(document.sop, pages, layouts)
            assert all(layout.margin == 0 for layout in layouts), document.slug


# -- joint steps far apart and decisions with many exits -------------------------------------------

EIGHT = ["pemohon", "petugas-loket", "verifikator", "kasi-verifikasi", "kasi-teknis", "kabid-pelayanan", "kepala",
         "bendahara"]


@st.composite
def far_joint_sources(draw) -> dict[str, Any]:
    """Eight actors; joint steps of the first and last column (and others far apart); a few decisions
    with up to MAX_EXITS exits, to anywhere, their labels 'Ya', 'Tidak', 'Cabang k'."""
    columns = EIGHT
    n = draw(st.integers(len(EIGHT), 30))
    actors: list[str | list[str]] = []
    for i in range(n):
        own = columns[draw(st.integers(0, len(columns) - 1))] if i >= len(columns) else columns[i]
        if draw(st.integers(0, 3)) == 0:
            pair = draw(st.sampled_from([(0, len(columns) - 1), (0, len(columns) - 2), (1, len(columns) - 1)]))
            joint = {columns[pair[0]], columns[pair[1]], own}
            actors.append([c for c in columns if c in joint])
        else:
            actors.append(own)
    decisions: dict[int, list[tuple[str, int]]] = {}
    for d in draw(st.lists(st.integers(1, n - 2), max_size=3, unique=True)):
        others = [t for t in range(1, n + 1) if t not in (d, d + 1)]
        count = draw(st.integers(1, min(MAX_EXITS - 1, len(others))))
        targets = draw(st.lists(st.sampled_from(others), min_size=count, max_size=count, unique=True))
        labels = ["Tidak"] + [f"Cabang {k}" for k in range(1, count)]
        decisions[d] = [("Ya", d + 1)] + list(zip(labels, targets))
    source = _source(columns, actors, {})
    for d, exits in decisions.items():
        source["langkah"][d - 1]["keputusan"] = [
            {"label": label, "ke": f"l{t}"} for label, t in exits
        ]
    return source


@pytest.mark.slow  # many generated SOPs laid out (10-90 s)
@PROPERTY
@given(far_joint_sources())
def test_far_apart_joint_steps_and_many_exits_are_laid_out_with_clear_labels(source):
    """Arrows start and end on symbols (never on a joining line); labels touch no line, symbol or label."""
    check_every_split(source)


@settings(PROPERTY, max_examples=10)
@given(far_joint_sources())
def test_far_joint_sources_are_legal(source):
    assert all(c in ROLES for c in EIGHT)
    with TemporaryDirectory() as folder:
        assert _findings(write_corpus(Path(folder), [source])) == []
