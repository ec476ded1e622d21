"""The table of check codes (Kode Pemeriksaan): every code of the catalogue with its severity and meaning."""

from __future__ import annotations

from markupsafe import Markup

from ..codes import CATALOGUE
from .html import table, table_row


def render_code_table() -> Markup:
    rows = [table_row([Markup("<code>{}</code>").format(c.code), c.severity.value, c.summary]) for c in CATALOGUE.values()]
    return table("sop-kode", rows, ["Kode", "Tingkat", "Arti"])
