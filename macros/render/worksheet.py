"""Lembar Kerja Identifikasi Kegiatan: all derived from the SOP, nothing typed twice."""

from __future__ import annotations

from markupsafe import Markup

from ..model.flow import end_exits, is_terminal
from ..model.sop import Sop
from .context import Registries
from .html import field_rows, keep_codes, table, truncated_note
from .links import Links
from .paper import Orientation, page_rule
from .text import NO_VALUE, duration, nomor, sop_total


def step_groups(sop: Sop) -> list[tuple[str, str, list[int]]]:
    """(key, label, step indices): langkah awal is the first; akhir every step that ends the
    procedure (drawn as a terminator: the last step, an early end) and a last step that decides
    to end it; utama the others. A truncated source may show no langkah akhir at all."""
    last = len(sop.steps) - 1
    final = [
        i for i in range(1, len(sop.steps))
        if is_terminal(sop, i) or (i == last and any(e.source == i for e in end_exits(sop)))
    ]
    return [
        ("langkah-awal", "Langkah Awal", [0]),
        ("langkah-utama", "Langkah Utama", [i for i in range(1, len(sop.steps)) if i not in final]),
        ("langkah-akhir", "Langkah Akhir", final),
    ]


def _steps_list(sop: Sop, indices: list[int]) -> Markup:
    if not indices:
        return Markup(NO_VALUE)
    if sop.numbered_by_source or indices != list(range(indices[0], indices[-1] + 1)):
        # each item says its own number: the source's (gaps kept), or a group an early end splits
        items = Markup("").join(
            Markup('<li value="{}">{}</li>').format(sop.step_number(i), keep_codes(sop.steps[i].activity)) for i in indices
        )
        if sop.numbered_by_source:
            return Markup("<ol>{}</ol>").format(items)
        return Markup('<ol start="{}">{}</ol>').format(indices[0] + 1, items)
    items = Markup("").join(Markup("<li>{}</li>").format(keep_codes(sop.steps[i].activity)) for i in indices)
    return Markup('<ol start="{}">{}</ol>').format(indices[0] + 1, items)


NOT_FILLED = "belum diisi"  # part A of the worksheet, when the source does not state it


def _stated(value: str | None) -> Markup:
    """A value of part A as the source states it, or plainly that it does not."""
    if value is None:
        return Markup('<span class="sop-belum">{}</span>').format(NOT_FILLED)
    return Markup("{}").format(value)


def render_worksheet(slug: str, sop: Sop, registries: Registries, links: Links, paper: str = "A4") -> Markup:
    """Printed portrait on `paper`, 12 mm margins like the other forms (the footer takes the bottom 10 mm)."""
    responsible = dict(sop.responsible_roles)

    def role_name(key: str) -> str | None:
        return registries.roles[responsible[key]].name if key in responsible else None

    kind = sop.activity_kind.value if sop.activity_kind is not None else None
    data = [
        Markup('<tr><td class="sop-lk-no">1.</td><th scope="row">Judul SOP</th><td>{}</td></tr>').format(sop.title),
        Markup('<tr><td class="sop-lk-no">2.</td><th scope="row">Jenis Kegiatan</th><td data-bagian="jenis">{}</td></tr>').format(_stated(kind)),
        Markup('<tr><td class="sop-lk-no">3.</td><th scope="row" colspan="2">Penanggung Jawab</th></tr>'),
        Markup('<tr><td></td><th scope="row">a. Produk</th><td data-bagian="pj-produk">{}</td></tr>').format(_stated(role_name("produk"))),
        Markup('<tr><td></td><th scope="row">b. Kegiatan</th><td data-bagian="pj-kegiatan">{}</td></tr>').format(_stated(role_name("kegiatan"))),
        Markup('<tr><td class="sop-lk-no">4.</td><th scope="row">Scope (Ruang Lingkup)</th><td data-bagian="ruang-lingkup">{}</td></tr>').format(_stated(sop.scope)),
    ]
    groups = step_groups(sop)
    identification = field_rows([("Judul Kegiatan", sop.title)]) + [
        Markup('<tr><th scope="row">{}</th><td data-bagian="{}">{}</td></tr>').format(label, key, _steps_list(sop, indices))
        for key, label, indices in groups
    ]
    step_rows = []
    for key, label, indices in groups:
        for n, i in enumerate(indices):
            head = (
                Markup('<th scope="rowgroup" rowspan="{}">{}</th>').format(len(indices), label) if n == 0 else Markup("")
            )
            step_rows.append(
                Markup('<tr data-kelompok="{}">{}<td class="sop-no">{}.</td><td>{}</td><td class="sop-waktu">{}</td></tr>').format(
                    key, head, sop.step_number(i), keep_codes(sop.steps[i].activity), duration(sop.steps[i].duration)
                )
            )
    step_rows.append(
        Markup('<tr class="sop-lk-total"><th scope="row">Total Waktu</th><td colspan="3" class="sop-total-waktu">{}</td></tr>').format(
            str(sop_total(sop))
        )
    )
    return Markup("").join(
        [
            page_rule(paper, Orientation.PORTRAIT, 12),
            Markup('<div class="sop-lembar-kerja"><h1>Lembar Kerja Identifikasi Kegiatan</h1>'),
            Markup('<p class="sop-subjudul">SOP <a href="{}">{}</a> · Nomor {}</p>').format(links.sop(slug), sop.title, nomor(sop.number, sop.is_draft)),
            truncated_note(sop.step_number(len(sop.steps) - 1)) if sop.truncated else Markup(""),
            Markup("<h2>A. Data Kegiatan</h2>"),
            table("sop-lk-data", data),
            Markup("<h2>B. Identifikasi Kegiatan</h2>"),
            table("sop-lk-identifikasi", identification),
            Markup("<h2>C. Identifikasi Langkah</h2>"),
            table("sop-lk-langkah", step_rows, ["Langkah", "No", "Kegiatan", "Waktu"]),
            Markup("</div>"),
        ]
    )
