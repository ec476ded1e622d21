"""The swimlane: DOT pinned by golden files, and the SVG Graphviz draws from it."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.load.discover import source_sets
from macros.model.flow import edges
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.swimlane import lanes_of, quote, swimlane_dot
from tests.conftest import SEED_SOURCES

FIXTURES = Path(__file__).parent / "fixtures" / "flowchart"
GOLDEN = Path(__file__).parent / "golden" / "swimlane"
SVG = "{http://www.w3.org/2000/svg}"


def _load(root: Path):
    project = load_project(source_sets([root])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return {d.slug: (d.sop, registries) for d in project.documents}


SOPS = {**_load(FIXTURES), **_load(SEED_SOURCES)}


@pytest.mark.parametrize("slug", sorted(SOPS))
def test_dot_matches_its_golden_file(slug):
    """A changed layout is a visible diff in review. Regenerate with SOP_UPDATE_GOLDEN=1."""
    dot = swimlane_dot(*SOPS[slug])
    golden = GOLDEN / f"{slug}.dot"
    if os.environ.get("SOP_UPDATE_GOLDEN"):
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8")
    assert dot == swimlane_dot(*SOPS[slug])  # deterministic


def test_quote_escapes_what_graphviz_would_interpret():
    assert quote('a "b" \\N\nc') == '"a \\"b\\" \\\\N\\nc"'


def _dot(text: str) -> tuple[str, str]:
    if not shutil.which("dot"):
        pytest.fail("program 'dot' (graphviz) tidak ada; jalankan bash .ci/install")
    proc = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, proc.stderr


def _parse(svg: str):
    root = ET.fromstring(svg[svg.index("<svg"):])
    nodes, edge_paths = {}, {}
    for g in root.iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        if title is None:
            continue
        name = html.unescape(title.text or "")
        coords = []
        for el in g.iter():
            attr = el.get("points") or el.get("d") or ""
            coords += [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", attr)]
        texts = [t.text for t in g.iter(f"{SVG}text")]
        classes = (g.get("class") or "").split()
        if "node" in classes:
            nodes[name] = (coords, texts)
        elif "edge" in classes:
            edge_paths[name] = coords
    return nodes, edge_paths


@pytest.mark.parametrize("slug", sorted(SOPS))
def test_lanes_are_straight_ordered_and_hold_their_steps(slug):
    sop, registries = SOPS[slug]
    svg, warnings = _dot(swimlane_dot(sop, registries))
    assert warnings == ""
    nodes, edge_paths = _parse(svg)
    n = len(sop.columns)
    heads = [nodes[f"h{k}"] for k in range(n)]
    assert [" ".join(t for t in texts if t) for _, texts in heads] == [registries.roles[r].short_name for r in sop.columns]
    head_x = [sum(x for x, _ in c) / len(c) for c, _ in heads]
    assert head_x == sorted(head_x)
    borders = []
    for j in range(n + 1):
        xs = {round(x, 1) for name, coords in edge_paths.items() if re.fullmatch(rf"v\d+_{j}->v\d+_{j}", name) for x, _ in coords}
        assert len(xs) == 1, (j, xs)  # a straight vertical line
        borders.append(xs.pop())
    assert borders == sorted(borders)
    lanes = lanes_of(sop)
    step_nodes = {name for name in nodes if re.fullmatch(r"s\d+_\d+", name)}
    assert step_nodes == {f"s{i + 1}_{lane}" for i, ls in lanes.items() for lane in ls}
    for name in step_nodes:
        lane = int(name.split("_")[1])
        xs = [x for x, _ in nodes[name][0]]
        assert borders[lane] < min(xs) and max(xs) < borders[lane + 1], name
    flow = [name for name in edge_paths if re.fullmatch(r"s\d+_\d+->s\d+_\d+", name)]
    joints = sum(len(ls) - 1 for ls in lanes.values())
    assert len(flow) == len(edges(sop)) + joints


def test_seed_swimlane_has_five_lanes_ten_steps_and_flows_one_to_ten():
    sop, registries = SOPS["perbaikan-data-kinerja"]
    svg, _ = _dot(swimlane_dot(sop, registries))
    nodes, edge_paths = _parse(svg)
    heads = sorted((sum(x for x, _ in nodes[f"h{k}"][0]) / len(nodes[f"h{k}"][0]), k) for k in range(5))
    labels = [" ".join(t for t in nodes[f"h{k}"][1] if t) for _, k in heads]
    assert labels == ["Kepala Bappeda & Litbang", "Sekretaris", "Kabid Renum", "Kasubbid Data", "Jabatan Pelaksana"]
    steps = sorted((int(m.group(1)), name) for name in nodes if (m := re.fullmatch(r"s(\d+)_\d+", name)))
    assert [n for n, _ in steps] == list(range(1, 11))
    flow = sorted(
        (int(a), int(b)) for name in edge_paths if (m := re.fullmatch(r"s(\d+)_\d+->s(\d+)_\d+", name)) for a, b in [m.groups()]
    )
    assert flow == [(i, i + 1) for i in range(1, 10)]
    texts = " ".join(t for _, ts in nodes.values() for t in ts if t)
    assert "7. Menyampaikan perbaikan" in texts
    ys = [sum(y for _, y in nodes[name][0]) / len(nodes[name][0]) for _, name in steps]
    assert ys == sorted(ys) and len(set(ys)) == 10  # one row per step, step 1 on top


def test_text_reaches_the_svg_as_written():
    sop, registries = SOPS["putar-balik"]
    hostile = 'Cek \\N "kutip" {{ 7*7 }} <script>x</script> & \\l'
    step = sop.steps[1].model_copy(update={"activity": hostile})
    sop = sop.model_copy(update={"steps": (sop.steps[0], step) + sop.steps[2:]})
    svg, warnings = _dot(swimlane_dot(sop, registries))
    assert "<script>" not in svg
    nodes, _ = _parse(svg)
    text = " ".join(t for t in nodes["s2_1"][1] if t)
    assert text == "2. " + hostile or text.replace(" ", "") == ("2. " + hostile).replace(" ", "")
