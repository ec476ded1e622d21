"""Daftar SOP: one row per SOP, with the data the page script filters and sorts on.

Without JavaScript the full table is there; with it, the controls above the table filter
by unit, role and jenis kegiatan and the column headers sort.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..model.sop import Sop
from .context import Registries
from .links import Links
from .text import indonesian_date, total_time


def unit_of(sop: Sop, registries: Registries) -> str:
    agency = registries.agencies[sop.agency]
    return agency.name


def _natural(text: str) -> list:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text)]


def _options(label: str, key: str, values: list[tuple[str, str]]) -> Markup:
    options = Markup("").join(Markup('<option value="{}">{}</option>').format(v, t) for v, t in values)
    return Markup(
        '<label class="sop-saring-isian">{label}<select data-saring="{key}"><option value="">Semua</option>{options}</select></label>'
    ).format(label=label, key=key, options=options)


def _controls(sops: list[tuple[str, Sop]], registries: Registries) -> Markup:
    units = sorted({unit_of(sop, registries) for _, sop in sops}, key=lambda u: (u.lower(), u))
    roles = sorted({r for _, sop in sops for r in sop.roles}, key=lambda r: (registries.roles[r].name.lower(), r))
    kinds = sorted({sop.activity_kind.value for _, sop in sops})
    return Markup(
        '<form class="sop-saring" hidden aria-label="Saring Daftar SOP">{}{}{}'
        '<label class="sop-saring-isian">Cari<input type="search" data-saring="teks" placeholder="nomor atau judul"></label>'
        '<output class="sop-saring-hasil" aria-live="polite"></output></form>'
    ).format(
        _options("Unit", "unit", [(u, u) for u in units]),
        _options("Pelaksana", "pelaksana", [(r, registries.roles[r].name) for r in roles]),
        _options("Jenis kegiatan", "jenis", [(k, k) for k in kinds]),
    )


def render_index(sops: list[tuple[str, Sop]], registries: Registries, links: Links) -> Markup:
    if not sops:
        return Markup('<p class="sop-kosong">Belum ada SOP. Tambahkan satu berkas YAML di folder <code>sop/</code>.</p>')
    ordered = sorted(
        sops, key=lambda item: (unit_of(item[1], registries).lower(), unit_of(item[1], registries), _natural(item[1].number), item[0])
    )
    head = Markup(
        "<thead><tr>"
        '<th scope="col" data-urut="nomor" aria-sort="ascending">Nomor</th>'
        '<th scope="col" data-urut="judul">Judul</th>'
        '<th scope="col">Unit</th>'
        '<th scope="col" data-urut="efektif">Tanggal Efektif</th>'
        '<th scope="col">Jumlah Langkah</th><th scope="col">Total Waktu</th>'
        "</tr></thead>"
    )
    rows = []
    for position, (slug, sop) in enumerate(ordered):
        effective = sop.dates.effective.isoformat() if sop.dates.effective else ""
        rows.append(
            Markup(
                '<tr data-urutan="{pos}" data-unit="{unit}" data-pelaksana="{roles}" data-jenis="{kind}" data-efektif="{eff}">'
                "<td>{nomor}</td><td><a href=\"{href}\">{judul}</a></td><td>{unit}{bidang}</td><td>{tanggal}</td>"
                "<td>{langkah}</td><td>{waktu}</td></tr>"
            ).format(
                pos=position,
                unit=unit_of(sop, registries),
                bidang=Markup('<br><span class="sop-bidang">{}</span>').format(sop.unit) if sop.unit else "",
                roles=" ".join(sop.roles),
                kind=sop.activity_kind.value,
                eff=effective,
                nomor=sop.number,
                href=links.sop(slug),
                judul=sop.title,
                tanggal=indonesian_date(sop.dates.effective),
                langkah=len(sop.steps),
                waktu=str(total_time(step.duration for step in sop.steps)),
            )
        )
    table = Markup('<div class="sop-gulir"><table class="sop-tabel sop-daftar">{}<tbody>{}</tbody></table></div>').format(
        head, Markup("").join(rows)
    )
    count = Markup('<p class="sop-jumlah">{} SOP</p>').format(len(sops))
    return Markup('<div class="sop-daftar-wadah">{}{}{}</div>').format(_controls(sops, registries), count, table)


def render_units(sops: list[tuple[str, Sop]], registries: Registries, links: Links) -> Markup:
    """Dokumen SOP per Unit: every agency with its SOPs, the way into any unit's documents."""
    units: dict[str, list[tuple[str, Sop]]] = {}
    for slug, sop in sops:
        units.setdefault(unit_of(sop, registries), []).append((slug, sop))
    parts = [Markup('<div class="sop-per-unit"><p>{} SOP dari {} unit.</p>').format(len(sops), len(units))]
    for unit in sorted(units, key=lambda u: (u.lower(), u)):
        items = Markup("").join(
            Markup('<li><a href="{}">{}</a> <span class="sop-bidang">{}</span></li>').format(links.sop(slug), sop.title, sop.number)
            for slug, sop in sorted(units[unit], key=lambda item: (_natural(item[1].number), item[0]))
        )
        parts.append(Markup('<section class="sop-unit"><h2>{}</h2><ul>{}</ul></section>').format(unit, items))
    parts.append(Markup("</div>"))
    return Markup("").join(parts)
