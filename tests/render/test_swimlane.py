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
from macros.model.drawn import drawn
from macros.model.flow import continues, edges, end_exits, leaving_exits
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.swimlane import LABEL_CELLS, MAX_LABEL, WRAP, lanes_of, quote, swimlane_dot
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
    assert quote("x &lt; y &amp; z") == '"x &amp;lt; y &amp;amp; z"'  # no entity is read
    assert quote("a\r\nb\rc\td\x00e\x85f\ud800g") == '"a\\nb\\nc d e f\ufffdg"'
    assert quote("\\") == '"\\\\"' and quote('"') == '"\\""'


def _dot(text: str) -> tuple[str, str]:
    if not shutil.which("dot"):
        pytest.fail("program 'dot' (graphviz) tidak ada; jalankan bash .ci/install")
    proc = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, proc.stderr


def _parse(svg: str):
    root = ET.fromstring(svg[svg.index("<svg"):])
    nodes, edge_paths, edge_classes, edge_lines = {}, {}, {}, {}
    for g in root.iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        if title is None:
            continue
        name = html.unescape(title.text or "")
        coords = []
        for el in g.iter():
            attr = el.get("points") or el.get("d") or ""
            coords += [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", attr)]
            if el.tag == f"{SVG}ellipse":  # a circle node ('bersambung')
                cx, cy, rx, ry = (float(el.get(k)) for k in ("cx", "cy", "rx", "ry"))
                coords += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
        texts = [t.text for t in g.iter(f"{SVG}text")]
        classes = (g.get("class") or "").split()
        if "node" in classes:
            nodes[name] = (coords, texts)
        elif "edge" in classes:
            edge_paths[name] = coords  # the line and its arrowhead
            edge_lines[name] = [(float(x), float(y)) for el in g.iter(f"{SVG}path")
                                for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", el.get("d") or "")]
            edge_classes[name] = set(classes) - {"edge"}
    return nodes, edge_paths, edge_classes, edge_lines


WAYPOINT = re.compile(r"w\d+_\d+")


def _flow_lines(edge_paths, edge_classes, edge_lines) -> dict[str, tuple[list, set, list[str]]]:
    """Every edge between two nodes that are not lane-border points, as drawn: an edge back up past
    other rows is drawn in pieces through waypoints, written from its target down to its source
    (`t->w0_4`, `w0_4->w0_5`, `w0_5->s`); joined, it is named `s->t`. Name -> (the points of its
    line and arrowheads, its classes, the pieces drawn with an arrowhead)."""
    def ends(name):
        return name.split("->")

    pieces = {ends(name)[0]: name for name in edge_paths if WAYPOINT.fullmatch(ends(name)[1]) or WAYPOINT.fullmatch(ends(name)[0])}
    result = {}
    for name in edge_paths:
        tail, head = ends(name)
        if tail.startswith("v") or head.startswith("v") or WAYPOINT.fullmatch(tail):
            continue
        chain = [name]
        while WAYPOINT.fullmatch(ends(chain[-1])[1]):
            chain.append(pieces[ends(chain[-1])[1]])
        classes = set().union(*(edge_classes[piece] for piece in chain))
        heads = [piece for piece in chain if len(edge_paths[piece]) > len(edge_lines[piece])]
        joined = f"{ends(chain[-1])[1]}->{tail}" if len(chain) > 1 else name
        result[joined] = ([p for piece in chain for p in edge_paths[piece]], classes, heads)
    return result


def _check_layout(sop, registries) -> str:
    """Lanes in order, borders straight, every step node in its lane and row, the flow and the
    joint steps drawn. Returns the DOT text."""
    dot = swimlane_dot(sop, registries)
    sop = drawn(sop)  # a symbol on a branch is a node and a row of its own, as a step's
    svg, warnings = _dot(dot)
    assert warnings == ""
    nodes, edge_paths, edge_classes, edge_lines = _parse(svg)
    n = len(sop.columns)
    heads = [nodes[f"h{k}"] for k in range(n)]
    assert [" ".join(t for t in texts if t) for _, texts in heads] == [registries.roles[r].short_name for r in sop.columns]
    head_x = [sum(x for x, _ in c) / len(c) for c, _ in heads]
    assert head_x == sorted(head_x)
    # a row per step, and below a step whose flow ends other than at a step (an exit to 'selesai',
    # an exit to 'bersambung', or on past a truncated source) a row for each such end
    ends = [(e.source, f"{'e' if e.end == 'selesai' else 'b'}{e.source + 1}") for e in leaving_exits(sop)]
    end_tails = {(e.source, e.end): f"k{e.source + 1}" for e in leaving_exits(sop) if e.decision}  # from a second decision
    if continues(sop, len(sop.steps) - 1):
        ends.append((len(sop.steps) - 1, "lanjut"))
    ends = list(dict.fromkeys(ends))
    seconds = {i: f"k{i + 1}" for i, step in enumerate(sop.steps) if step.link is not None}  # a row of its own
    row_of, r = {}, 1
    for i in range(len(sop.steps)):
        row_of[i] = r
        r += 1 + sum(source == i for source, _ in ends) + (i in seconds)
    borders = []
    for j in range(n + 1):
        segments = [name for name in edge_paths if re.fullmatch(rf"v\d+_{j}->v\d+_{j}", name)]
        assert len(segments) == len(sop.steps) + len(ends) + len(seconds) + 1  # header to footer
        assert all(edge_classes[name] == {"sop-batas-lajur"} for name in segments)
        xs = {round(x, 1) for name in segments for x, _ in edge_paths[name]}
        assert len(xs) == 1, (j, xs)  # a straight vertical line
        borders.append(xs.pop())
    assert borders == sorted(borders)
    for k in range(n):
        xs = [x for x, _ in heads[k][0]]
        assert borders[k] < min(xs) and max(xs) < borders[k + 1], f"h{k}"
    lanes = lanes_of(sop)
    step_nodes = {name for name in nodes if re.fullmatch(r"s\d+_\d+", name)}
    assert step_nodes == {f"s{i + 1}_{lane}" for i, ls in lanes.items() for lane in ls}
    row_y = {}
    for name in step_nodes:
        step, lane = (int(part) for part in name[1:].split("_"))
        xs = [x for x, _ in nodes[name][0]]
        assert borders[lane] < min(xs) and max(xs) < borders[lane + 1], name
        ys = [y for _, y in nodes[name][0]]
        row_y.setdefault(step, set()).add(round((min(ys) + max(ys)) / 2, 1))
    assert all(len(ys) == 1 for ys in row_y.values())  # the nodes of a joint step share its row
    centres = [row_y[step].pop() for step in sorted(row_y)]
    assert centres == sorted(centres) and len(set(centres)) == len(sop.steps)  # one row per step, in order
    for i, end in ends:  # the end, in the step's first lane, below it, reached by arrows
        lane = lanes[i][0]
        xs, ys = [x for x, _ in nodes[end][0]], [y for _, y in nodes[end][0]]
        assert borders[lane] < min(xs) and max(xs) < borders[lane + 1], end
        step_ys = [y for _, y in nodes[f"s{i + 1}_{lane}"][0]]
        assert min(ys) > max(step_ys), end  # y grows downwards
        tails = {f"s{i + 1}_{lane}", *(t for (j, _), t in end_tails.items() if j == i)}
        arrows = [name for name in edge_paths if name.endswith(f"->{end}") and name.split("->")[0] in tails]
        assert arrows and all(edge_classes[arrow] & {"sop-alur", "sop-cabang"} for arrow in arrows)
        texts = " ".join(t for t in nodes[end][1] if t)
        assert texts == ("Selesai" if end.startswith("e") else "…")
    for i, second in seconds.items():  # the second decision: a diamond in the step's lane, below it
        lane = lanes[i][0]
        xs, ys = [x for x, _ in nodes[second][0]], [y for _, y in nodes[second][0]]
        assert borders[lane] < min(xs) and max(xs) < borders[lane + 1], second
        assert min(ys) > max(y for _, y in nodes[f"s{i + 1}_{lane}"][0]), second
        [link] = [name for name in edge_paths if name == f"s{i + 1}_{lane}->{second}"]
        assert edge_classes[link] == {"sop-cabang"}
    lines = _flow_lines(edge_paths, edge_classes, edge_lines)
    flow = sorted(name for name in lines if re.fullmatch(r"[sk]\d+(_\d+)?->s\d+_\d+", name))
    assert len(flow) == len(edges(sop))
    assert all(lines[name][1] & {"sop-alur", "sop-serah", "sop-cabang"} for name in flow)
    for name in flow:  # one arrowhead, at the target (of a line in pieces: on the piece from it)
        heads = lines[name][2]
        assert len(heads) == 1 and heads[0].startswith(name.split("->")[1] + "->") or heads == [name], (name, heads)
    joints = {name for name, classes in edge_classes.items() if classes & {"sop-bersama", "sop-serah-terima"}}
    expected = set()
    for i, ls in lanes.items():  # a joint step: a dashed line along its row, first node to last (a hand-over: arrows)
        if len(ls) < 2:
            continue
        kind = "sop-serah-terima" if sop.steps[i].handover else "sop-bersama"
        chain = []
        for lane in range(ls[0], ls[-1] + 1):
            if lane in ls:
                chain.append(f"s{i + 1}_{lane}")
            if lane < ls[-1]:
                chain.append(f"v{row_of[i]}_{lane + 1}")
        segments = [f"{a}->{b}" for a, b in zip(chain, chain[1:])]
        expected |= set(segments)
        assert all(kind in edge_classes[name] for name in segments), segments
        assert len({round(y, 1) for name in segments for _, y in edge_lines[name]}) == 1, segments  # straight
        if sop.steps[i].handover:  # one head, at the taker: the first listed actor gives
            heads = [name for name in segments if len(edge_paths[name]) > len(edge_lines[name])]
            giver, taker = (sop.columns.index(sop.steps[i].actors[k]) for k in (0, -1))
            assert heads == [segments[-1] if taker > giver else segments[0]], (segments, heads)
    assert joints == expected
    return dot


@pytest.mark.parametrize("slug", sorted(SOPS))
def test_lanes_are_straight_ordered_and_hold_their_steps(slug):
    _check_layout(*SOPS[slug])


@pytest.mark.parametrize(("steps", "actors", "seed"), [(40, 8, 1), (40, 8, 2), (60, 12, 3), (100, 20, 4)])
def test_large_generated_sops_keep_the_same_guarantees(steps, actors, seed):
    """Generated like benchmarks/swimlane.py: joint steps, loops back, skips ahead, hand-overs
    between far lanes. The largest gets external labels."""
    from benchmarks.swimlane import registries, sop_of

    sop, validated = sop_of(steps, actors, seed)
    assert validated
    dot = _check_layout(sop, registries(actors))
    external = (steps + 2) * (actors + 1) > LABEL_CELLS
    edge_part = dot.split("node [shape=point")[1]
    assert bool(re.search(r"\[xlabel=", edge_part)) == external
    assert bool(re.search(r"\[label=", edge_part)) != external


def test_the_dot_grows_with_rows_plus_cells_used_not_with_every_cell():
    """No placeholder per empty cell: per row one point per lane border, plus the step's nodes."""
    from benchmarks.swimlane import registries, sop_of

    for steps, actors in [(200, 25), (60, 12)]:
        sop, _ = sop_of(steps, actors)
        dot = swimlane_dot(sop, registries(actors))
        declared = set(re.findall(r"^  (\w+) \[", dot, flags=re.M)) - {"graph", "node", "edge"}
        points = set(re.findall(r"\bv\d+_\d+\b", dot))
        used = sum(len(ls) for ls in lanes_of(sop).values())
        assert len(points) == (steps + 2) * (actors + 1)
        assert len(declared) == actors + used  # headers and step nodes, nothing else


def test_long_text_is_cut_and_wrapped_in_the_diagram():
    sop, registries = SOPS["putar-balik"]
    word = "Sangat" + "panjang" * 300  # one 2106-character word
    step = sop.steps[1].model_copy(update={"activity": word + " " + "kata " * 300, "output": "x" * 2000})
    sop = sop.model_copy(update={"steps": (sop.steps[0], step) + sop.steps[2:]})
    dot = swimlane_dot(sop, registries)
    label = re.search(r'^  s2_\d+ \[label="([^"]*)"', dot, flags=re.M).group(1)
    lines = label.split("\\n")
    assert all(len(line) <= WRAP for line in lines)
    assert len("".join(lines)) <= MAX_LABEL and label.endswith("…")
    assert max(len(line) for line in dot.splitlines()) < 2000
    _check_layout(sop, registries)


def test_seed_swimlane_has_five_lanes_ten_steps_and_flows_one_to_ten():
    sop, registries = SOPS["perbaikan-data-kinerja"]
    svg, _ = _dot(swimlane_dot(sop, registries))
    nodes, edge_paths, _, _ = _parse(svg)
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
    hostile = 'Cek \\N "kutip" {{ 7*7 }} <script>x</script> & &lt;b&gt; &amp; \\l'
    step = sop.steps[1].model_copy(update={"activity": hostile})
    sop = sop.model_copy(update={"steps": (sop.steps[0], step) + sop.steps[2:]})
    svg, warnings = _dot(swimlane_dot(sop, registries))
    assert "<script>" not in svg
    nodes, _, _, _ = _parse(svg)
    text = " ".join(t for t in nodes["s2_1"][1] if t)
    assert text == "2. " + hostile or text.replace(" ", "") == ("2. " + hostile).replace(" ", "")


def _outside_the_lanes(sop, registries) -> dict[str, tuple[float, float]]:
    """Flow edges whose drawn path leaves the lanes (left of the first border or right of the last)."""
    svg, _ = _dot(swimlane_dot(sop, registries))
    _, edge_paths, edge_classes, edge_lines = _parse(svg)
    n = len(sop.columns)
    left, right = (
        edge_paths[next(name for name in edge_paths if re.fullmatch(rf"v\d+_{j}->v\d+_{j}", name))][0][0] for j in (0, n)
    )
    found = {}
    lines = _flow_lines(edge_paths, edge_classes, edge_lines)
    assert any(WAYPOINT.search(name) for name in edge_paths) == any(len(heads) and heads[0] != name for name, (_, _, heads) in lines.items())
    for name, (points, _, _) in lines.items():
        if re.fullmatch(r"[sk]\d+(_\d+)?->([sek]\d+(_\d+)?|lanjut|b\d+)", name):
            xs = [x for x, _ in points]
            if min(xs) < left or max(xs) > right:
                found[name] = (min(xs), max(xs))
    return found


def test_loop_edges_stay_inside_the_lanes():
    """Measured on the SVG Graphviz draws: every flow edge, loops back included, lies between the first
    and the last lane border. Once 'Tidak' of step 7 in perpanjangan-delapan ran right of the last lane
    (dot 2.43 put a back edge's virtual nodes at the ends of the rows)."""
    outside = {slug: found for slug in sorted(SOPS) if (found := _outside_the_lanes(*SOPS[slug]))}
    assert outside == {}
    sop, registries = SOPS["perpanjangan-delapan"]
    drawn = swimlane_dot(sop, registries)
    assert "s7_6 -> s3_2" not in drawn and re.search(r"s3_2 -> w\d+_\d+ \[[^]]*dir=back", drawn)  # through waypoints


@pytest.mark.parametrize(("steps", "actors", "seed"), [(40, 8, 1), (40, 8, 2)])
def test_loop_edges_of_large_generated_sops_stay_inside_the_lanes(steps, actors, seed):
    from benchmarks.swimlane import registries, sop_of

    sop, _ = sop_of(steps, actors, seed)
    assert _outside_the_lanes(sop, registries(actors)) == {}
