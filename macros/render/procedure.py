"""The procedure table (diagram alir): No | Kegiatan | actors | Mutu Baku | Keterangan."""

from __future__ import annotations

from markupsafe import Markup

from ..model.flow import step_index
from ..model.flow import continues, is_terminal
from ..model.sop import END, Sop
from .context import Registries
from .flowchart.geometry import PageLayout, RowKind, Shape
from .flowchart.svg import fmt, row_svg
from .text import duration

SCREEN_WIDTHS = {
    "no": 40.0,
    "kegiatan": 240.0,
    "kelengkapan": 120.0,
    "waktu": 76.0,
    "output": 120.0,
    "keterangan": 100.0,
}
TEXT_COLUMNS = ("kelengkapan", "waktu", "output")


def exits_text(sop: Sop, index: int) -> str:
    """'Ya → 5, Tidak → selesai': where each exit of a decision leads (a step, or the end)."""
    step = sop.steps[index]
    targets = step_index(sop)
    parts = []
    for exit_ in step.exits or ():
        parts.append(f"{exit_.label} → {END if exit_.ends else targets[exit_.target] + 1}")
    return ", ".join(parts)


def _actors(sop: Sop, index: int, registries: Registries) -> str:
    return " dan ".join(registries.roles[a].short_name for a in sop.steps[index].actors)


def _colgroup(widths: dict[str, float], actors: int, margin: float) -> Markup:
    cols = [f'<col class="sop-kolom-no" style="width:{fmt(widths["no"])}px">',
            f'<col class="sop-kolom-kegiatan" style="width:{fmt(widths["kegiatan"])}px">']
    cols += [f'<col class="sop-kolom-pelaksana" style="width:{fmt(widths["pelaksana"])}px">'] * actors
    if margin > 0:  # lanes the layout needed beside the last actor column (very crowded flows)
        cols.append(f'<col class="sop-kolom-jalur" style="width:{fmt(margin)}px">')
    cols += [f'<col class="sop-kolom-{k}" style="width:{fmt(widths[k])}px">' for k in (*TEXT_COLUMNS, "keterangan")]
    return Markup("<colgroup>" + "".join(cols) + "</colgroup>")


def _span(sop: Sop, layout: PageLayout) -> int:
    """Table columns the flowchart cells span: the actors, and the lane margin when there is one."""
    return len(sop.columns) + (1 if layout.margin > 0 else 0)


def _head(sop: Sop, registries: Registries, layout: PageLayout) -> Markup:
    n = _span(sop, layout)
    actors = Markup("").join(
        Markup('<th class="sop-kepala-pelaksana" data-kolom="{}" scope="col" title="{}">{}</th>').format(
            i, registries.roles[r].name, registries.roles[r].short_name
        )
        for i, r in enumerate(sop.columns)
    )
    if layout.margin > 0:
        actors += Markup('<th class="sop-kepala-jalur" scope="col"></th>')
    return Markup(
        "<thead>"
        '<tr><th rowspan="2" scope="col">No</th><th rowspan="2" scope="col">Kegiatan</th>'
        '<th colspan="{n}" scope="colgroup">Pelaksana</th><th colspan="3" scope="colgroup">Mutu Baku</th>'
        '<th rowspan="2" scope="col">Keterangan</th></tr>'
        "<tr>{actors}<th scope=\"col\">Kelengkapan</th><th scope=\"col\">Waktu</th><th scope=\"col\">Output</th></tr>"
        "</thead>"
    ).format(n=n, actors=actors)


def _step_row(sop: Sop, index: int, layout: PageLayout, row: int, registries: Registries) -> Markup:
    step = sop.steps[index]
    activity = Markup("{}").format(step.activity)
    spoken = f"Pelaksana: {_actors(sop, index, registries)}."
    if step.is_decision:
        exits = exits_text(sop, index)
        activity += Markup('<span class="sop-cabang">{}</span>').format(exits)
        spoken += f" Keputusan: {exits}."
    elif is_terminal(sop, index) and index < len(sop.steps) - 1:
        activity += Markup('<span class="sop-cabang">→ {}</span>').format(END)  # an early end, not the last row
        spoken += " Prosedur selesai di langkah ini."
    elif continues(sop, index):
        activity += Markup('<span class="sop-cabang">→ bersambung (sumber terpotong)</span>')
        spoken += " Alur berlanjut ke bagian sumber yang tidak tersedia."
    return Markup(
        '<tr class="sop-baris" data-langkah="{no}">'
        '<td class="sop-no">{no}</td><td class="sop-kegiatan">{activity}</td>'
        '<td class="sop-alur-sel" colspan="{n}" style="height:{h}px">{svg}<span class="sop-sr">{spoken}</span></td>'
        "<td>{kelengkapan}</td><td>{waktu}</td><td>{output}</td><td>{keterangan}</td></tr>"
    ).format(
        no=index + 1,
        activity=activity,
        n=_span(sop, layout),
        h=fmt(layout.rows[row].min_height),
        svg=row_svg(layout, row),
        spoken=spoken,
        kelengkapan=Markup("<br>").join(step.requirements) if step.requirements else "-",
        waktu=duration(step.duration),
        output=step.output,
        keterangan=step.note or "",
    )


def _connector_row(sop: Sop, layout: PageLayout, row: int) -> Markup:
    letters = sorted(s.letter for s in layout.symbols if s.row == row and s.letter)
    spoken = "Penghubung antarhalaman: " + ", ".join(letters) if letters else ""
    if any(s.shape is Shape.CONTINUED for s in layout.symbols if s.row == row):
        spoken += (". " if spoken else "") + "Bersambung: alur berlanjut ke bagian sumber yang tidak tersedia"
    return Markup(
        '<tr class="sop-baris-sambungan"><td></td><td></td>'
        '<td class="sop-alur-sel" colspan="{n}" style="height:{h}px">{svg}<span class="sop-sr">{spoken}</span></td>'
        "<td></td><td></td><td></td><td></td></tr>"
    ).format(n=_span(sop, layout), h=fmt(layout.rows[row].min_height), svg=row_svg(layout, row), spoken=spoken)


def procedure_table(sop: Sop, layout: PageLayout, registries: Registries, widths: dict[str, float], css: str) -> Markup:
    rows = []
    for i, row in enumerate(layout.rows):
        if row.kind is RowKind.STEP:
            rows.append(_step_row(sop, row.step, layout, i, registries))
        else:
            rows.append(_connector_row(sop, layout, i))
    total = (
        sum(widths[k] for k in ("no", "kegiatan", *TEXT_COLUMNS, "keterangan"))
        + widths["pelaksana"] * len(sop.columns)
        + layout.margin
    )
    return Markup(
        '<table class="sop-tabel sop-prosedur {css}" style="width:{w}px">{cols}{head}<tbody>{rows}</tbody></table>'
    ).format(
        css=css,
        w=fmt(total),
        cols=_colgroup(widths, len(sop.columns), layout.margin),
        head=_head(sop, registries, layout),
        rows=Markup("").join(rows),
    )
