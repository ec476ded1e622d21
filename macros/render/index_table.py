"""Daftar SOP: one row per SOP."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..model.sop import Sop
from .context import Registries
from .html import table, table_row
from .links import Links
from .text import indonesian_date, total_time


def unit_of(sop: Sop, registries: Registries) -> str:
    agency = registries.agencies[sop.agency]
    return sop.unit or agency.short_name or agency.name


def _natural(text: str) -> list:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text)]


def render_index(sops: list[tuple[str, Sop]], registries: Registries, links: Links) -> Markup:
    if not sops:
        return Markup('<p class="sop-kosong">Belum ada SOP. Tambahkan satu berkas YAML di folder <code>sop/</code>.</p>')
    head = ["Nomor", "Judul", "Unit", "Tanggal Efektif", "Jumlah Langkah", "Total Waktu"]
    ordered = sorted(sops, key=lambda item: (unit_of(item[1], registries).lower(), _natural(item[1].number), item[0]))
    rows = [
        table_row(
            [
                sop.number,
                Markup('<a href="{}">{}</a>').format(links.sop(slug), sop.title),
                unit_of(sop, registries),
                indonesian_date(sop.dates.effective),
                str(len(sop.steps)),
                str(total_time(step.duration for step in sop.steps)),
            ]
        )
        for slug, sop in ordered
    ]
    return table("sop-daftar", rows, head)
