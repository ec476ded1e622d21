"""Where the procedure ends, in everything that lists or draws exits: an exit `ke: selesai`, a
step that ends early (`selesai: true`), a decision as the last step, and a truncated source
(`terpotong: true`) whose last visible step goes on."""

from __future__ import annotations

import re

from macros.render.checklist import render_checklist
from macros.render.duties import goes_text, outgoing
from macros.render import html as html_module, sop_page
from macros.render.flowchart import pagination
from macros.render.flowchart.geometry import Metrics, Shape
from macros.render.flowchart.layout import layout_pages
from macros.render.links import Links
from macros.render.procedure import exits_text
from macros.render.sop_page import PageOptions, render_sop_page
from macros.render.worksheet import render_worksheet, step_groups
from tests.render.test_swimlane import SOPS

LINKS = Links(lambda path: "/" + path)


def _page(slug: str) -> str:
    sop, registries = SOPS[slug]
    return str(render_sop_page(slug, sop, registries, {}, LINKS, PageOptions()))


def test_an_exit_that_ends_the_procedure_is_listed_and_drawn_to_an_end_capsule():
    sop, registries = SOPS["surat-salah-alamat"]
    assert exits_text(sop, 1) == "Sesuai → 3, Salah alamat → selesai"
    assert goes_text(outgoing(sop, 1, registries)) == "Sesuai → langkah 3 (Petugas Loket); Salah alamat → selesai (akhir prosedur)"
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    [capsule] = [s for s in layout.symbols if s.shape is Shape.END]
    [arrow] = [c for c in layout.connectors if c.end == "selesai"]
    assert arrow.source == 1 and arrow.label == "Salah alamat" and arrow.arrow
    assert capsule.row == layout.step_rows()[1]
    end = arrow.points[-1]
    assert (end.row, end.dy) == (capsule.row, 0.0) and end.x == capsule.x - capsule.half_width  # reaches its side
    assert [s.shape for s in layout.symbols if s.step == 4] == [Shape.TERMINATOR]  # the last step still ends
    html = _page("surat-salah-alamat")
    assert 'data-ke="selesai"' in html and ">Selesai</text>" in html
    assert "Sesuai → 3, Salah alamat → selesai" in html


def test_two_ends_an_early_rejection_and_a_deciding_last_step():
    sop, registries = SOPS["dua-akhir"]
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    shapes = {s.step: s.shape for s in layout.symbols if s.step is not None}
    assert shapes == {0: Shape.TERMINATOR, 1: Shape.DECISION, 2: Shape.TERMINATOR, 3: Shape.PROCESS, 4: Shape.DECISION}
    assert not any(c.source == 2 and not c.joint for c in layout.connectors)  # nothing leaves the rejection
    assert exits_text(sop, 4) == "Setuju → selesai, Perlu verifikasi ulang → 4"
    assert goes_text(outgoing(sop, 2, registries)) == "selesai (akhir prosedur)"
    assert [(key, steps) for key, _, steps in step_groups(sop)] == [
        ("langkah-awal", [0]), ("langkah-utama", [1, 3]), ("langkah-akhir", [2, 4])
    ]
    worksheet = str(render_worksheet("dua-akhir", sop, registries, LINKS))
    assert re.search(r'data-bagian="langkah-akhir"><ol start="3"><li value="3">Mengembalikan[^<]*</li><li value="5">', worksheet)
    html = _page("dua-akhir")
    assert "Mengembalikan berkas kepada pemohon disertai alasan penolakan" in html
    assert '<span class="sop-cabang">→ selesai</span>' in html  # step 3 ends, though another row follows
    checklist = str(render_checklist("dua-akhir", sop, "petugas-loket", registries, LINKS))
    assert "Tidak lengkap → langkah 3 (Petugas Loket); Lengkap → langkah 4 (Kasi Verifikasi)" in checklist


def test_a_truncated_source_goes_on_past_its_last_visible_step():
    sop, registries = SOPS["sumber-terpotong"]
    last = len(sop.steps) - 1
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    assert [s.shape for s in layout.symbols if s.step == last] == [Shape.PROCESS]  # not drawn as the end
    [marker] = [s for s in layout.symbols if s.shape is Shape.CONTINUED]
    [arrow] = [c for c in layout.connectors if c.end == "bersambung"]
    assert arrow.source == last and arrow.points[-1].row == marker.row
    assert layout.rows[marker.row].kind.value == "sambungan"  # a row below the steps
    assert goes_text(outgoing(sop, last, registries)).startswith("bersambung")
    assert [steps for _, _, steps in step_groups(sop)][2] == []  # no visible langkah akhir
    html = _page("sumber-terpotong")
    assert html.count('class="sop-terpotong"') == 2  # at the top and above the procedure table
    assert 'data-ke="bersambung"' in html and "→ bersambung (sumber terpotong)" in html
    worksheet = str(render_worksheet("sumber-terpotong", sop, registries, LINKS))
    assert 'class="sop-terpotong"' in worksheet


def test_an_sop_without_ends_of_its_own_draws_no_end_capsule_and_no_marker():
    sop, _ = SOPS["putar-balik"]
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    assert not any(s.shape in (Shape.END, Shape.CONTINUED) for s in layout.symbols)
    assert not any(c.end for c in layout.connectors)
    assert 'class="sop-terpotong"' not in _page("putar-balik")


def test_the_truncation_note_names_the_last_step_by_the_sources_number():
    """Not by how many steps are visible: a source numbering 1, 2, 6 is cut after its step 6."""
    sop, registries = SOPS["sumber-terpotong"]
    numbered = tuple(step.model_copy(update={"number": n}) for step, n in zip(sop.steps, ("1", "2", "6")))
    sop = sop.model_copy(update={"steps": numbered})
    html = str(render_sop_page("sumber-terpotong", sop, registries, {}, LINKS, PageOptions()))
    worksheet = str(render_worksheet("sumber-terpotong", sop, registries, LINKS))
    said = "Langkah setelah langkah 6 tidak tersedia"
    # on screen above the identity block and the table; printed below the last table, once
    assert html.count(said) == 3 and worksheet.count(said) == 1
    assert "setelah langkah 3" not in html + worksheet
    last_page = html.rsplit('class="sop-halaman-cetak"', 1)[1]
    assert re.search(r'<div class="sop-cetak-kaki">.*<p class="sop-terpotong-cetak" role="note"><strong>Sumber terpotong:</strong> '
                     r'SOP ini disalin dari dokumen yang tidak lengkap\. ' + said, last_page, re.S)


def test_the_printed_truncation_note_is_planned_with_the_last_page(monkeypatch):
    """The plan counts the note in the last page's footer: a note ten lines longer makes the last
    page ten lines taller (or moves its steps on)."""
    def last_page(html: str) -> tuple[str, float]:
        steps, height = re.findall(r'data-langkah="([^"]+)" data-tinggi="([\d.]+)"', html)[-1]
        return steps, float(height)

    steps, height = last_page(_page("sumber-terpotong"))
    words = "kata " * 2000  # many lines at any width of the page
    for module in (sop_page, html_module):  # what is planned, and what is printed
        monkeypatch.setattr(module, "truncated_text", lambda last_step: words)
    longer_steps, longer = last_page(_page("sumber-terpotong"))
    assert words.strip() in _page("sumber-terpotong")
    assert longer_steps != steps or longer - height >= 10 * pagination.PROCEDURE_LINE
