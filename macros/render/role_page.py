"""Role pages across SOPs: every duty of one jabatan, and the index of all jabatan."""

from __future__ import annotations

from markupsafe import Markup

from ..model.sop import Sop
from .actors import alternatives_note
from .context import Registries
from .duties import branch_duties, role_steps
from .html import keep_codes, table, table_row
from .links import Links
from .status import status_badge
from .text import NO_VALUE, cut_off_mark, duration, missing_steps, nomor, total_time


def duties_of(role_id: str, sops: dict[str, Sop]) -> list[tuple[str, Sop, list[int]]]:
    """A retired SOP is no one's duty: it leaves the role pages and their totals."""
    return [(slug, sop, role_steps(sop, role_id)) for slug, sop in sops.items() if role_id in sop.roles and not sop.is_retired]


def _with_note(activity: str, others: tuple[str, ...], registries: Registries) -> Markup:
    note = alternatives_note(others, registries)
    if not note:
        return keep_codes(activity)
    return Markup('{} <span class="sop-atau">{}</span>').format(keep_codes(activity), note)


def _total(duties) -> str:
    durations = (sop.steps[i].duration for _, sop, steps in duties for i in steps)
    return str(total_time(durations, cut_off=sum(sop.truncated for _, sop, _ in duties), sources=len(duties)))


def render_role_page(role_id: str, sops: dict[str, Sop], registries: Registries, links: Links) -> Markup:
    role = registries.roles[role_id]
    duties = duties_of(role_id, sops)
    parts = [Markup('<div class="sop-pelaksana"><h1>{}</h1>').format(role.name)]
    agency = registries.agencies.get(role.agency) if role.agency else None
    meta = f"Singkatan: {role.short_name}" + (f" · {agency.name}" if agency else "")
    if role.external:
        meta += " · pihak di luar instansi (bukan jabatan)"
    parts.append(Markup('<p class="sop-subjudul">{}</p>').format(meta))
    if not duties:
        nobody = "Pihak ini belum terlibat di SOP mana pun." if role.external else "Jabatan ini belum bertugas di SOP mana pun."
        parts.append(Markup('<p class="sop-kosong" data-jumlah-sop="0">{}</p></div>').format(nobody))
        return Markup("").join(parts)
    n_steps = sum(len(steps) for _, _, steps in duties)
    parts.append(
        Markup('<p class="sop-ringkasan" data-jumlah-sop="{}" data-jumlah-langkah="{}">{} {} SOP, {} langkah; '
               "<strong>total waktu: {}</strong>.</p>").format(
            len(duties), n_steps, "Terlibat di" if role.external else "Bertugas di", len(duties), n_steps, _total(duties))
    )
    for slug, sop, steps in duties:
        symbols = branch_duties(sop, role_id, registries)
        rows = []
        for i in range(len(sop.steps)):  # a symbol the role draws on a branch: unnumbered, under its decision
            if i in steps:
                rows.append(table_row([
                    sop.step_number(i), _with_note(sop.steps[i].activity, sop.acts_in(role_id, i), registries),
                    duration(sop.steps[i].duration), keep_codes(sop.steps[i].output) if sop.steps[i].output else NO_VALUE,
                ]))
            rows += [
                table_row(["", Markup("{}: {}").format(duty.heading, keep_codes(duty.activity)), "", ""])
                for duty in symbols.get(i, ())
            ]
        # a truncated source may show none of the role's steps: said, not an empty table
        listed = table("sop-tugas-tabel", rows, ["No", "Kegiatan", "Waktu", "Output"]) if rows else \
            Markup('<p class="sop-kosong">{}</p>').format(missing_steps(role.short_name))
        parts.append(
            Markup('<section class="sop-tugas" data-sop="{}"><h2><a href="{}">{}</a>{}</h2>'
                   '<p class="sop-subjudul">Nomor {}{} · <a href="{}">checklist untuk dicetak</a></p>{}</section>').format(
                slug, links.sop(slug), sop.title, status_badge(sop), nomor(sop.number, sop.is_draft), cut_off_mark(sop),
                links.checklist(slug, role_id),
                listed,
            )
        )
    parts.append(Markup("</div>"))
    return Markup("").join(parts)


def render_role_index(sops: dict[str, Sop], registries: Registries, links: Links) -> Markup:
    rows = []
    for role_id, role in sorted(registries.roles.items(), key=lambda item: (item[1].name.lower(), item[0])):
        duties = duties_of(role_id, sops)
        n_steps = sum(len(steps) for _, _, steps in duties)
        rows.append(
            table_row(
                [
                    Markup('<a href="{}">{}</a>{}').format(
                        links.role(role_id), role.name,
                        Markup(' <span class="sop-bidang">(pihak luar)</span>') if role.external else ""),
                    role.short_name,
                    str(len(duties)),
                    str(n_steps),
                    _total(duties) if duties else NO_VALUE,
                ]
            )
        )
    return table("sop-daftar-pelaksana", rows, ["Jabatan", "Singkatan", "Jumlah SOP", "Jumlah Langkah", "Total Waktu"])
