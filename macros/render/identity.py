"""Bagian Identitas: the kop beside the identity table, then the two-column grid."""

from __future__ import annotations

from markupsafe import Markup

from ..model.sop import Sop
from .citation import citation
from .context import Registries
from .html import ordered_list
from .links import Links
from .text import grouped_nip, indonesian_date


def _kop(sop: Sop, registries: Registries, links: Links) -> Markup:
    agency = registries.agencies[sop.agency]
    parts = []
    if agency.logo:
        parts.append(Markup('<img class="sop-logo" src="{}" alt="Logo {}">').format(links.asset(agency.logo), agency.government))
    parts.append(Markup('<div class="sop-kop-pemerintah">{}</div>').format(agency.government.upper()))
    parts.append(Markup('<div class="sop-kop-instansi">{}</div>').format(agency.name.upper()))
    if agency.address:
        parts.append(Markup('<div class="sop-kop-alamat">{}</div>').format(agency.address))
    return Markup("").join(parts)


def _signer(sop: Sop, registries: Registries) -> Markup:
    approval = sop.approval
    rank = ", ".join(x for x in (approval.rank, approval.grade) if x)
    parts = [
        Markup('<div class="sop-pengesah-jabatan">{}</div>').format(registries.roles[approval.role].name),
        Markup('<div class="sop-ttd" role="img" aria-label="Tempat tanda tangan dan cap"></div>'),
        Markup('<div class="sop-pengesah-nama">{}</div>').format(approval.name),
    ]
    if rank:
        parts.append(Markup("<div>{}</div>").format(rank))
    if approval.nip:
        parts.append(Markup("<div>NIP. {}</div>").format(grouped_nip(approval.nip)))
    return Markup("").join(parts)


def _related(sop: Sop, titles: dict[str, str], links: Links) -> list[Markup]:
    items = []
    for related in sop.related:
        if related.slug in titles:
            items.append(Markup('<a href="{}">{}</a>').format(links.sop(related.slug), titles[related.slug]))
        elif related.slug is not None:  # not published (it has errors): never a link to a missing page
            items.append(Markup("{}").format(related.slug))
        else:
            items.append(Markup("{}").format(related.title))
    return items


def identity_block(sop: Sop, registries: Registries, titles: dict[str, str], links: Links) -> Markup:
    rows = [
        ("Nomor SOP", sop.number),
        ("Tanggal Pembuatan", indonesian_date(sop.dates.created)),
        ("Tanggal Revisi", indonesian_date(sop.dates.revised)),
        ("Tanggal Efektif", indonesian_date(sop.dates.effective)),
        ("Disahkan oleh", _signer(sop, registries)),
        ("Nama SOP", Markup('<strong class="sop-nama-sop">{}</strong>').format(sop.title)),
    ]
    body = [
        Markup('<tr><td class="sop-kop" rowspan="{}">{}</td><th scope="row">{}</th><td>{}</td></tr>').format(
            len(rows), _kop(sop, registries, links), rows[0][0], rows[0][1]
        )
    ]
    body += [Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(k, v) for k, v in rows[1:]]
    identity = Markup(
        '<table class="sop-tabel sop-identitas"><colgroup><col class="sop-kolom-kop"><col class="sop-kolom-label">'
        "<col></colgroup><tbody>{}</tbody></table>"
    ).format(Markup("").join(body))
    pairs = [
        ("Dasar Hukum", ordered_list(citation(b, registries) for b in sop.legal_bases),
         "Kualifikasi Pelaksana", ordered_list(sop.qualifications)),
        ("Keterkaitan", ordered_list(_related(sop, titles, links)),
         "Peralatan/Perlengkapan", ordered_list(sop.equipment)),
        ("Peringatan", ordered_list(sop.warnings),
         "Pencatatan dan Pendataan", ordered_list(sop.records)),
    ]
    grid = Markup("").join(
        Markup('<tr><th scope="col">{}:</th><th scope="col">{}:</th></tr><tr><td>{}</td><td>{}</td></tr>').format(a, c, b, d)
        for a, b, c, d in pairs
    )
    details = Markup('<table class="sop-tabel sop-rincian"><tbody>{}</tbody></table>').format(grid)
    return Markup('<section class="sop-identitas-blok" aria-label="Bagian identitas">{}{}</section>').format(identity, details)
