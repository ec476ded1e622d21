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
from macros.render.index_table import render_index
from macros.render.links import Links
from macros.render.procedure import exits_text
from macros.render.role_page import render_role_page
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


# -- exits `ke: bersambung` and waktu kept as written (waktu-apa-adanya.yml) -------------------------

WRITTEN = "waktu-apa-adanya"
PARTIAL_TOTAL = "24 jam (sebagian: sumber terpotong; belum termasuk 1 waktu tanpa satuan, 1 waktu berupa teks, " \
    "1 batas waktu yang dihitung dari peristiwa lain)"


def test_an_exit_into_the_missing_part_is_listed_and_drawn_to_a_continuation_marker():
    sop, registries = SOPS[WRITTEN]
    assert exits_text(sop, 1) == "Survei → bersambung, Lengkap → 3"
    assert exits_text(sop, 3) == "Setuju → bersambung, Perlu perbaikan → 3"
    assert goes_text(outgoing(sop, 1, registries)) == (
        "Survei → bersambung (langkah berikutnya tidak tersedia: sumber terpotong); Lengkap → langkah 3 (Kabid Pelayanan)"
    )
    (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(108))
    rows = layout.step_rows()
    for step, label in ((1, "Survei"), (3, "Setuju")):
        [arrow] = [c for c in layout.connectors if c.source == step and c.end == "bersambung"]
        assert arrow.label == label and arrow.arrow and arrow.target is None
        [marker] = [s for s in layout.symbols if s.shape is Shape.CONTINUED and s.row == rows[step]]
        end = arrow.points[-1]
        assert (end.row, end.dy) == (marker.row, 0.0) and abs(end.x - marker.x) == marker.half_width  # reaches its side
    assert not any(s.shape is Shape.END for s in layout.symbols)  # nothing is drawn as an end the source never had
    assert [s.shape for s in layout.symbols if s.step == 3] == [Shape.DECISION]
    html = _page(WRITTEN)
    assert html.count('data-ke="bersambung"') == 4 and ">Selesai</text>" not in html  # screen and print tables
    assert "Survei → bersambung, Lengkap → 3" in html


def test_times_are_printed_as_written_and_the_totals_say_what_they_leave_out():
    sop, registries = SOPS[WRITTEN]
    html = _page(WRITTEN)
    for written in ("Setiap saat", "<td>10</td>", "Selambat-lambatnya 3 hari kerja setelah berkas diterima lengkap",
                    "1 x 24 jam"):
        assert written in html
    assert "10 menit" not in html  # no unit is assumed
    assert html.count(PARTIAL_TOTAL) == 2  # below the screen table and the printed one
    worksheet = str(render_worksheet(WRITTEN, sop, registries, LINKS))
    assert f'class="sop-total-waktu">{PARTIAL_TOTAL}<' in worksheet
    assert '<td class="sop-waktu">10</td>' in worksheet


def test_the_totals_of_a_truncated_source_are_marked_partial_everywhere():
    sop, registries = SOPS[WRITTEN]
    index = str(render_index([(WRITTEN, sop), ("putar-balik", SOPS["putar-balik"][0])], registries, LINKS))
    assert f'data-label="Total Waktu">{PARTIAL_TOTAL}</td>' in index
    assert "sebagian" not in index.split("putar-balik")[-1].split("</tr>")[0]  # a whole source is not marked
    checklist = str(render_checklist(WRITTEN, sop, "kepala", registries, LINKS))
    assert "<strong>Total waktu Kepala Dinas dalam SOP ini:</strong> 24 jam (sebagian: sumber terpotong)" in checklist
    assert "Nomor 800/014/DPMPTSP · sumber terpotong" in checklist
    role = str(render_role_page("kepala", {WRITTEN: sop}, registries, LINKS))
    assert "total waktu: 24 jam (sebagian: sumber terpotong)" in role
    whole = SOPS["surat-salah-alamat"][0]
    role = str(render_role_page("kepala", {WRITTEN: sop, "surat-salah-alamat": whole}, registries, LINKS))
    assert "(sebagian: 1 dari 2 SOP bersumber terpotong)</strong>" in role
    assert "Nomor 800/014/DPMPTSP · sumber terpotong" in role


def test_a_role_whose_steps_are_all_in_the_missing_part_is_told_so_not_given_zero_minutes():
    sop, registries = SOPS[WRITTEN]
    checklist = str(render_checklist(WRITTEN, sop, "kasi-teknis", registries, LINKS))
    assert "0 menit" not in checklist
    assert "Langkah Kasi Teknis dalam SOP ini tidak terlihat: ada di bagian sumber yang hilang (sumber terpotong)." in checklist
    assert "dalam SOP ini:</strong> tidak ada yang dapat dijumlahkan (sebagian: sumber terpotong)" in checklist
    role = str(render_role_page("kasi-teknis", {WRITTEN: sop}, registries, LINKS))
    assert "tidak terlihat: ada di bagian sumber yang hilang" in role and "0 menit" not in role


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
