"""A checklist for one role in one SOP: what to do, with what, by when, for whom; printable."""

from __future__ import annotations

from markupsafe import Markup

from ..model.sop import Sop
from .actors import alternatives_note
from .context import Registries
from .duties import BranchDuty, branch_duties, goes_text, incoming, outgoing, role_steps, role_time, starts_text
from .html import keep_codes, table
from .links import Links
from .paper import Orientation, page_rule
from .text import NO_VALUE, cut_off_mark, duration, missing_steps, nomor


def _detail(label: str, value: Markup | str, key: str) -> Markup:
    return Markup('<div class="sop-rinci" data-rinci="{}"><span class="sop-rinci-label">{}:</span> {}</div>').format(key, label, value)


def _activity(text: str, note: str) -> Markup:
    if not note:
        return Markup('<div class="sop-ceklis-kegiatan">{}</div>').format(keep_codes(text))
    return Markup('<div class="sop-ceklis-kegiatan">{} <span class="sop-atau">{}</span></div>').format(keep_codes(text), note)


def _step_row(sop: Sop, i: int, role_id: str, registries: Registries, fields: int) -> Markup:
    step = sop.steps[i]
    body = Markup("").join(
        [
            _activity(step.activity, alternatives_note(sop.acts_in(role_id, i), registries)),
            _detail("Mulai", starts_text(incoming(sop, i, registries), first=i == 0), "mulai"),
            _detail("Kelengkapan", Markup(", ").join(map(keep_codes, step.requirements)) or NO_VALUE, "kelengkapan"),
            _detail("Output", keep_codes(step.output) if step.output else NO_VALUE, "output"),
            _detail("Diteruskan ke", goes_text(outgoing(sop, i, registries)), "tujuan"),
        ]
    )
    return Markup(
        '<tr data-langkah="{n}"><td class="sop-centang"><input type="checkbox" aria-label="Langkah {n} selesai"></td>'
        '<td class="sop-no">{n}</td><td class="sop-ceklis-langkah">{body}</td>'
        '<td class="sop-waktu" data-label="Waktu">{waktu}</td>{isian}'
        '<td class="sop-isian sop-isian--catatan"></td></tr>'
    ).format(n=sop.step_number(i), body=body, waktu=duration(step.duration),
             isian=Markup('<td class="sop-isian"></td>') * (fields - 1))


def _symbol_row(duty: BranchDuty, fields: int) -> Markup:
    """A symbol the source draws on a branch in this role's column, under its decision: no number and no
    waktu (the source gives it none), but a thing to do all the same."""
    body = Markup("").join([
        Markup('<div class="sop-ceklis-kegiatan">{}: {}</div>').format(duty.heading, keep_codes(duty.activity)),
        _detail("Diteruskan ke", goes_text(duty.goes), "tujuan"),
    ])
    return Markup(
        '<tr class="sop-ceklis-cabang" data-cabang-dari="{n}"><td class="sop-centang"><input type="checkbox" '
        'aria-label="{label} selesai"></td><td class="sop-no"></td><td class="sop-ceklis-langkah">{body}</td>'
        '<td class="sop-waktu"></td>{isian}<td class="sop-isian sop-isian--catatan"></td></tr>'
    ).format(n=duty.decision + 1, label=duty.activity, body=body, isian=Markup('<td class="sop-isian"></td>') * (fields - 1))


def render_checklist(slug: str, sop: Sop, role_id: str, registries: Registries, links: Links, paper: str = "A4") -> Markup:
    """An external party (a citizen: Pemohon) is not an official: no paraf column, no NIP and
    signature line, and the page says whose steps these are in their terms."""
    role = registries.roles[role_id]
    fields = 2 if role.external else 3  # Tanggal, (Paraf,) Catatan
    rows = []
    symbols = branch_duties(sop, role_id, registries)
    own = set(role_steps(sop, role_id))
    for i in range(len(sop.steps)):  # a symbol on a branch right under its decision
        if i in own:
            rows.append(_step_row(sop, i, role_id, registries, fields))
        rows += [_symbol_row(duty, fields) for duty in symbols.get(i, ())]
    head = ["✓", "No", "Langkah", "Waktu", "Tanggal", "Catatan"] if role.external else \
        ["✓", "No", "Langkah", "Waktu", "Tanggal", "Paraf", "Catatan"]
    # only a truncated source leaves a role's column without a visible step (SOP-A002): say so, no empty table
    steps = table("sop-ceklis-tabel", rows, head) if rows else \
        Markup('<p class="sop-kosong sop-ceklis-kosong">{}</p>').format(missing_steps(role.short_name))
    if role.external:
        who = Markup("Pihak di luar instansi: {} · <a href=\"{}\">semua langkahnya di SOP lain</a>").format(
            role.name, links.role(role_id))
        closing = Markup(
            '<p class="sop-catatan-eksternal">{} adalah pihak di luar instansi: checklist ini panduan '
            "langkah-langkah yang dilakukannya dalam prosedur.</p>"
        ).format(role.name)
    else:
        who = Markup('Jabatan: {} · <a href="{}">semua tugas jabatan ini</a>').format(role.name, links.role(role_id))
        closing = Markup(
            '<p class="sop-tanda-tangan"><span class="sop-tanda-tangan-isian">Nama: ______________________</span> '
            '<span class="sop-tanda-tangan-isian">NIP: ______________________</span> '
            '<span class="sop-tanda-tangan-isian">Tanda tangan: ______________</span></p>'
        )
    return Markup("").join(
        [
            page_rule(paper, Orientation.PORTRAIT, 12),
            Markup('<div class="sop-ceklis">'),
            Markup("<h1>Checklist {}</h1>").format(role.short_name),
            Markup('<p class="sop-subjudul">SOP <a href="{}">{}</a> · Nomor {}{}<br>{}</p>').format(
                links.sop(slug), sop.title, nomor(sop.number, sop.is_draft), cut_off_mark(sop), who
            ),
            steps,
            Markup('<p class="sop-total-waktu"><strong>Total waktu {} dalam SOP ini:</strong> {}</p>').format(
                role.short_name, str(role_time(sop, role_id))
            ),
            closing,
            Markup("</div>"),
        ]
    )
