"""The page of one SOP: identity fields and the steps as plain tables."""

from __future__ import annotations

from markupsafe import Markup

from ..model.flow import step_index
from ..model.sop import Sop, Step
from .citation import citation
from .context import Registries
from .html import Linker, field_rows, ordered_list, table, table_row
from .text import duration, grouped_nip, indonesian_date, total_time


def _role(role_id: str, registries: Registries) -> str:
    return registries.roles[role_id].name


def _actors(step: Step, registries: Registries) -> str:
    return " dan ".join(registries.roles[a].short_name for a in step.actors)


def _exits(sop: Sop, step_no: int) -> Markup:
    step = sop.steps[step_no]
    index = step_index(sop)
    parts = []
    for exit_ in step.exits or ():
        target = index[exit_.target] if exit_.target is not None else step_no + 1
        parts.append(f"{exit_.label} → {target + 1}")
    return Markup('<div class="sop-cabang">Keputusan: {}</div>').format(", ".join(parts))


def _identity(sop: Sop, registries: Registries) -> Markup:
    agency = registries.agencies[sop.agency]
    approval = sop.approval
    kop = [agency.government.upper(), agency.name.upper()] + ([agency.address] if agency.address else [])
    signer = [_role(approval.role, registries), approval.name]
    rank = ", ".join(x for x in (approval.rank, approval.grade) if x)
    if rank:
        signer.append(rank)
    if approval.nip:
        signer.append(f"NIP. {grouped_nip(approval.nip)}")
    br = Markup("<br>")
    rows = [
        ("Instansi", br.join(kop)),
        ("Nomor SOP", sop.number),
        ("Tanggal Pembuatan", indonesian_date(sop.dates.created)),
        ("Tanggal Revisi", indonesian_date(sop.dates.revised)),
        ("Tanggal Efektif", indonesian_date(sop.dates.effective)),
        ("Disahkan oleh", br.join(signer)),
        ("Nama SOP", sop.title),
    ]
    return table("sop-identitas", field_rows(rows))


def _related(sop: Sop, registries: Registries, titles: dict[str, str], link: Linker) -> list[Markup]:
    items = []
    for related in sop.related:
        if related.slug is not None:
            items.append(Markup('<a href="{}">{}</a>').format(link(related.slug), titles.get(related.slug, related.slug)))
        else:
            items.append(Markup("{}").format(related.title))
    return items


def _steps(sop: Sop, registries: Registries) -> Markup:
    head = ["No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"]
    rows = []
    for i, step in enumerate(sop.steps):
        activity = Markup("{}").format(step.activity)
        if step.is_decision:
            activity += _exits(sop, i)
        rows.append(
            table_row(
                [
                    str(i + 1),
                    activity,
                    _actors(step, registries),
                    Markup("<br>").join(step.requirements) if step.requirements else "-",
                    duration(step.duration),
                    step.output,
                    step.note or "",
                ]
            )
        )
    return table("sop-langkah", rows, head)


def _section(title: str, body: Markup) -> Markup:
    return Markup("<h2>{}</h2>{}").format(title, body)


def render_sop_page(sop: Sop, registries: Registries, titles: dict[str, str], link: Linker) -> Markup:
    """`titles` maps every renderable slug to its title (for keterkaitan links)."""
    total = total_time(step.duration for step in sop.steps)
    columns = ordered_list(registries.roles[c].name for c in sop.columns)
    worksheet = field_rows(
        (
            ("Jenis Kegiatan", sop.activity_kind.value),
            ("Penanggung Jawab Produk", _role(sop.responsible.product, registries)),
            ("Penanggung Jawab Kegiatan", _role(sop.responsible.activity, registries)),
            ("Ruang Lingkup", sop.scope),
        )
    )
    revisions = [table_row([indonesian_date(r.date), r.change, r.by]) for r in sop.revisions]
    parts = [
        Markup('<div class="sop-dokumen">'),
        Markup("<h1>{}</h1>").format(sop.title),
        _identity(sop, registries),
        _section("Dasar Hukum", ordered_list(citation(b, registries) for b in sop.legal_bases)),
        _section("Kualifikasi Pelaksana", ordered_list(sop.qualifications)),
        _section("Keterkaitan", ordered_list(_related(sop, registries, titles, link))),
        _section("Peralatan/Perlengkapan", ordered_list(sop.equipment)),
        _section("Peringatan", ordered_list(sop.warnings)),
        _section("Pencatatan dan Pendataan", ordered_list(sop.records)),
        _section("Pelaksana", columns),
        _section("Prosedur", _steps(sop, registries)),
        Markup('<p class="sop-total-waktu"><strong>Total waktu:</strong> {}</p>').format(str(total)),
        _section("Data Kegiatan", table("sop-data-kegiatan", worksheet)),
    ]
    if sop.revisions:
        parts.append(_section("Riwayat Revisi", table("sop-riwayat", revisions, ["Tanggal", "Perubahan", "Oleh"])))
    parts.append(Markup("</div>"))
    return Markup("\n").join(parts)
