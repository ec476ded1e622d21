"""Flowcharts as the source draws them (seperti-digambar.yml): the question inside a diamond, an exit
drawn without a label, a decision with one drawn exit, and hand-overs along a row with a direction; and
(simbol-cabang.yml) symbols drawn on a branch with no step number of their own."""

from __future__ import annotations

import re

from macros.model.drawn import drawn
from macros.model.flow import edges
from macros.render.checklist import render_checklist
from macros.render.duties import goes_text, incoming, outgoing, starts_text
from macros.render.flowchart.geometry import Metrics, Shape
from macros.render.flowchart.layout import layout_pages
from macros.render.procedure import exits_text
from macros.render.role_page import render_role_page
from macros.render.sop_page import PageOptions, render_sop_page
from macros.render.step_list import step_list
from macros.render.swimlane import swimlane_dot
from tests.render.test_flow_ends import LINKS, _page
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


# -- a symbol the source draws on a branch (melalui), simbol-cabang.yml -----------------------------

SYMBOLS = "simbol-cabang"


def _rows(html: str) -> list[tuple[str, str]]:
    """The screen table's body rows, in order: (the tr's opening tag, what it holds)."""
    table = html[html.index('class="sop-gulir sop-layar"'):html.index('class="sop-cetak"')]
    return re.findall(r"(<tr class=\"sop-baris[^>]*>)(.*?)</tr>", table, re.S)


def test_a_symbol_on_a_branch_is_no_step():
    """No number, not counted: the SOP keeps its five steps and their numbers; only the drawing has rows for
    the two symbols, each right after its decision."""
    sop, _ = SOPS[SYMBOLS]
    assert len(sop.steps) == 5 and sop.step_number(4) == "5"
    drawing = drawn(sop)
    assert [drawing.step_number(i) for i in range(len(drawing.steps))] == ["1", "2", "", "3", "", "4", "5"]
    assert [(s.decision, s.path, s.via.activity, s.column) for s in map(drawing.symbol, (2, 4))] == [
        (1, "Tidak lengkap", "Melengkapi berkas", "pemohon"),
        (2, "Tidak sah", "Membuat surat penolakan", "kasi-verifikasi"),  # `melalui:` as text: the decision's column
    ]
    plain, _ = SOPS[SLUG]
    assert drawn(plain) is plain  # without a symbol, every drawing stays as it was
    assert edges(sop) == [e for e in edges(sop) if e.source != e.target]
    assert [e.symbol.activity if e.symbol else None for e in edges(sop) if e.source == 1] == ["Melengkapi berkas", None]


def test_the_table_draws_the_symbol_in_its_column_in_an_unnumbered_row_of_its_own():
    sop, registries = SOPS[SYMBOLS]
    html = _page(SYMBOLS)
    rows = _rows(html)
    kinds = [("simbol" if "sop-baris-simbol" in tr else re.search(r'data-langkah="(\d+)"', tr).group(1)) for tr, _ in rows]
    assert kinds == ["1", "2", "simbol", "3", "simbol", "4", "5"]
    for (tr, body), (column, text, decision) in zip(
        [rows[2], rows[4]], [("0", "Melengkapi berkas", "2"), ("2", "Membuat surat penolakan", "3")]
    ):
        assert f'data-cabang-dari="{decision}"' in tr
        cells = re.findall(r"<td[^>]*>(.*?)</td>", re.sub(r'<td class="sop-alur-sel".*?</td>', "<td>ALUR</td>", body, flags=re.S))
        assert cells == ["", "", "ALUR", "", "", "", ""]  # no number, no text, no "—": the source has no row for it
        [rect] = re.findall(r'<rect class="sop-simbol sop-simbol--proses sop-simbol--cabang" data-kolom="(\d)"', body)
        assert rect == column and "data-langkah" not in re.search(r"<rect class=\"sop-simbol[^>]*>", body).group(0)
        words = re.findall(r'<text class="sop-teks-simbol"[^>]*>(.*?)</text>', body)[0]
        assert " ".join(re.findall(r"<tspan[^>]*>(.*?)</tspan>", words)) == text
    # the exit's label on the way from the diamond to the symbol; a plain arrow on from the symbol
    into = re.findall(r'<path class="sop-panah" data-dari="2" data-ke="cabang"', html)
    assert into and re.search(r'data-dari="cabang" data-ke="1"', html) and re.search(r'data-dari="cabang" data-ke="selesai"', html)
    assert "Lengkap? Tidak lengkap → Melengkapi berkas (Pemohon) → 1, Lengkap → 3" in html
    assert "Sah? Tidak sah → Membuat surat penolakan (Kasi Verifikasi) → selesai, Sah → 4" in html
    printed = html[html.index('class="sop-cetak"'):]
    assert printed.count('class="sop-baris-simbol"') == 2 and printed.count('class="sop-baris"') == 5


def test_the_layout_labels_the_way_in_and_routes_the_way_on_like_any_arrow():
    sop = drawn(SOPS[SYMBOLS][0])
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    boxes = [s for s in layout.symbols if s.step in (2, 4)]
    assert [(s.shape, s.column, s.text) for s in boxes] == [
        (Shape.PROCESS, 0, "Melengkapi berkas"), (Shape.PROCESS, 2, "Membuat surat penolakan")]
    into = [c for c in layout.connectors if c.target in (2, 4)]
    assert sorted((c.source, c.target, c.label) for c in into) == [(1, 2, "Tidak lengkap"), (3, 4, "Tidak sah")]
    assert all(c.label_box is not None and not c.label_crowded for c in into)
    [back] = [c for c in layout.connectors if c.source == 2]
    assert (back.target, back.label, back.arrow) == (0, None, True)  # back up to step 1, unlabelled
    [end] = [c for c in layout.connectors if c.source == 4]
    assert (end.end, end.label) == ("selesai", None)
    assert any(s.shape is Shape.END and s.row == 4 for s in layout.symbols)


def test_the_swimlane_phone_list_and_checklists_tell_the_symbol():
    sop, registries = SOPS[SYMBOLS]
    dot = swimlane_dot(sop, registries)
    assert 's3_0 [label="Melengkapi berkas", shape=box, style=filled, class="sop-simbol-cabang"];' in dot  # Pemohon's lane
    assert 's5_2 [label="Membuat surat penolakan", shape=box, style=filled, class="sop-simbol-cabang"];' in dot
    assert 's2_1 -> s3_0 [label="Tidak lengkap", weight=0, class="sop-cabang"];' in dot
    listed = str(step_list(sop, registries))
    assert 'Lengkap? Tidak lengkap → Melengkapi berkas (Pemohon) → <a href="#langkah-1">1</a>' in listed
    assert listed.count('class="sop-langkah"') == 5  # the symbols are no items of their own
    assert goes_text(outgoing(sop, 1, registries)) == (
        "Tidak lengkap → Melengkapi berkas (Pemohon) → langkah 1 (Pemohon); Lengkap → langkah 3 (Kasi Verifikasi)")
    assert starts_text(incoming(sop, 0, registries), first=True) == (
        "awal prosedur; atau setelah langkah 2 (Petugas Loket), bila Tidak lengkap, lalu Melengkapi berkas (Pemohon)")
    checklist = str(render_checklist(SYMBOLS, sop, "pemohon", registries, LINKS))
    rows = re.findall(r"<tr[^>]*>.*?</tr>", checklist[checklist.index("<tbody>"):], re.S)
    assert [re.search(r'data-(langkah|cabang-dari)="(\d+)"', r).groups() for r in rows] == [("langkah", "1"), ("cabang-dari", "2")]
    assert "Bila Tidak lengkap (langkah 2): Melengkapi berkas" in rows[1] and '<td class="sop-no"></td>' in rows[1]
    assert "Diteruskan ke:</span> langkah 1 (Pemohon)" in rows[1]
    role = str(render_role_page("kasi-verifikasi", {SYMBOLS: sop}, registries, LINKS))
    assert "<td></td><td>Bila Tidak sah (langkah 3): Membuat surat penolakan</td><td></td><td></td>" in role
    assert 'data-jumlah-langkah="1"' in role  # its one step; the symbol is none


def test_a_symbols_text_is_escaped_in_the_drawing_the_swimlane_and_the_text():
    sop, registries = SOPS[SYMBOLS]
    hostile = '<img src=x onerror=alert(1)> & "kutip" \\N'
    second = sop.steps[1]
    exits = (second.exits[0].model_copy(update={"via": second.exits[0].via.model_copy(update={"activity": hostile})}),
             second.exits[1])
    sop = sop.model_copy(update={"steps": (sop.steps[0], second.model_copy(update={"exits": exits}), *sop.steps[2:])})
    page = str(render_sop_page(SYMBOLS, sop, registries, {}, LINKS, PageOptions()))
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt; &amp;" in page
    dot = swimlane_dot(sop, registries)
    assert 's3_0 [label="<img src=x\\nonerror=alert(1)> &amp;\\n\\"kutip\\" \\\\N", shape=box' in dot  # wrapped
