"""Flowcharts as the source draws them (seperti-digambar.yml): the question inside a diamond, an exit
drawn without a label, a decision with one drawn exit, and hand-overs along a row with a direction."""

from __future__ import annotations

import re

from macros.render.duties import goes_text, outgoing
from macros.render.flowchart.geometry import Metrics, Shape
from macros.render.flowchart.layout import layout_pages
from macros.render.procedure import exits_text
from macros.render.step_list import step_list
from macros.render.swimlane import swimlane_dot
from tests.render.test_flow_ends import _page
from tests.render.test_swimlane import SOPS

SLUG = "seperti-digambar"


def test_the_question_is_written_in_its_diamond_and_read_before_the_exits():
    sop, registries = SOPS[SLUG]
    html = _page(SLUG)
    diamonds = re.findall(r'<polygon class="sop-simbol sop-simbol--keputusan" data-langkah="(\d+)"[^>]*/>'
                          r'<text class="sop-pertanyaan"[^>]*>(.*?)</text>', html)
    questions = {step: " ".join(re.findall(r"<tspan[^>]*>(.*?)</tspan>", text)) for step, text in diamonds}
    assert questions == {"2": "Lengkap?", "4": "Sah?"}
    assert exits_text(sop, 1) == "Lengkap? Tidak → 1, → 3"  # the second exit is drawn without a label
    assert exits_text(sop, 3) == "Sah? Ya → 5"  # one drawn exit
    assert "Lengkap? Tidak → 1, → 3" in html
    listed = str(step_list(sop, registries))
    assert "Lengkap? Tidak" in listed
    assert "Petugas Loket Pelayanan → Kepala Seksi Verifikasi" in listed  # a hand-over has a direction
    dot = swimlane_dot(sop, registries)
    assert 's2_1 [label="2. Memeriksa\\nkelengkapan berkas\\nLengkap?"' in dot  # below the activity


def test_an_exit_without_a_label_is_drawn_and_told_without_one():
    sop, registries = SOPS[SLUG]
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    exits = [c for c in layout.connectors if c.source == 1 and not c.joint]
    assert sorted((c.target, c.label) for c in exits) == [(0, "Tidak"), (2, None)]
    assert goes_text(outgoing(sop, 1, registries)) == "Tidak → langkah 1 (Pemohon); langkah 3 (Petugas Loket → Kasi Verifikasi)"


def test_a_hand_over_is_an_arrow_from_the_giver_to_the_taker():
    sop, registries = SOPS[SLUG]
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    columns = {s.step: [] for s in layout.symbols if s.step is not None}
    for s in layout.symbols:
        if s.step is not None:
            columns[s.step].append(s)
    for step, giver, taker in ((2, "petugas-loket", "kasi-verifikasi"), (4, "kasi-verifikasi", "petugas-loket")):
        [line] = [c for c in layout.connectors if c.joint and c.source == step]
        assert line.arrow
        start, end = line.points[0], line.points[-1]
        x_of = {sop.columns[s.column]: s.x for s in columns[step]}
        assert abs(start.x - x_of[giver]) < abs(start.x - x_of[taker]) and abs(end.x - x_of[taker]) < abs(end.x - x_of[giver])
    html = _page(SLUG)
    assert html.count('class="sop-panah sop-serah-terima"') == 2 * 2  # two hand-overs, screen and print tables
    assert "Petugas Loket → Kasi Verifikasi" in goes_text(outgoing(sop, 1, registries))
    assert not [s for s in layout.symbols if s.shape is Shape.END and s.step in (2, 4)]
