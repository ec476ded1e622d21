"""The procedure table (diagram alir): No | Kegiatan | actors | Mutu Baku | Keterangan."""

from __future__ import annotations

from typing import Mapping

from markupsafe import Markup

from ..model.drawn import DrawnSop, branch_symbol, source_of, source_step
from ..model.flow import exits_summary, step_index
from ..model.flow import continues, is_terminal
from ..model.sop import END, Sop
from .actors import column_headings, column_name, column_short, step_actors, symbol_text
from .context import Registries
from .flowchart.geometry import PageLayout, RowKind, Shape
from .flowchart.font_metrics import text_width
from .flowchart.headers import fit_header, header_html
from .flowchart.pagination import print_fit
from .flowchart.svg import fmt, row_svg
from .html import keep_codes
from .text import NO_VALUE, duration

SCREEN_WIDTHS = {
    "no": 40.0,
    "kegiatan": 240.0,
    "kelengkapan": 120.0,
    "waktu": 76.0,
    "output": 120.0,
    "keterangan": 100.0,
}
TEXT_COLUMNS = ("kelengkapan", "waktu", "output")

# On screen the text columns are sized in em of the table's font (.72rem in macros/plugin/static/assets/sop.css), so they
# grow with it where Material enlarges the root font (wide screens, a larger default font) and a word never
# has to be broken to fit; SCREEN_WIDTHS are px at the smallest root font, 20px.
SCREEN_FONT_PX = 0.72 * 20
CELL_SIDES = 2 * 0.55 * SCREEN_FONT_PX + 4  # .sop-tabel td padding, the borders, a little to spare
HEAD_SIDES = 2 * 0.3 * SCREEN_FONT_PX + 4  # th padding on screen
# An actor header on screen: .95em of the table's font, in px (its column is px wide, whatever the root font).
HEADER_FONT_PX = 0.95 * SCREEN_FONT_PX
HEADS = {"no": "No", "kegiatan": "Kegiatan", "kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output",
         "keterangan": "Keterangan"}
WIDEST = 2.5  # a column grows to at most this many times its width; a longer "word" (an address) breaks


def _longest_word(texts, bold: bool = False) -> float:
    return max((text_width(w, SCREEN_FONT_PX, bold) for t in texts if t for w in t.split()), default=0.0)


def screen_widths(sop: Sop, headings: Mapping[str, str] = {}) -> dict[str, float]:
    """SCREEN_WIDTHS, each text column widened to hold its longest word (header included) unbroken.
    `headings`: the columns' headers (actors.column_headings), which name a symbol's column on a branch."""
    sop = source_of(sop)  # the text columns hold the source's steps (a symbol on a branch has no text there)
    texts = {
        "no": [str(len(sop.steps))],
        "kegiatan": [s.activity for s in sop.steps] + [exits_text(sop, i, headings) for i in range(len(sop.steps))],
        "kelengkapan": [r for s in sop.steps for r in s.requirements],
        "waktu": [duration(s.duration) for s in sop.steps],
        "output": [s.output for s in sop.steps],
        "keterangan": [s.note or "" for s in sop.steps],
    }
    widths = {}
    for key, base in SCREEN_WIDTHS.items():
        need = max(_longest_word(texts[key]) + CELL_SIDES, _longest_word([HEADS[key]], bold=True) + HEAD_SIDES)
        widths[key] = min(max(base, need), base * WIDEST)
    return widths


def exits_text(sop: Sop, index: int, headings: Mapping[str, str] = {}) -> str:
    """'Ya → 5, Tidak → selesai': where each exit of a decision leads (a step, the end, or on into the
    missing part of a truncated source: 'bersambung'), through the symbol a branch draws on the way:
    'Tidak → Melengkapi berkas (Pemohon) → 1', the column named by `headings` (actors.column_headings;
    without it, by its key)."""
    targets = step_index(sop)
    step = sop.steps[index]
    return exits_summary(
        step, lambda e: e.target if e.leaves else sop.step_number(targets[e.target]),
        lambda via: symbol_text(step, via, headings),
    )


def _actors(sop: Sop, index: int, registries: Registries) -> str:
    return step_actors(sop, index, registries)


def _length(px: float, em: bool) -> str:
    return f"{fmt(px / SCREEN_FONT_PX)}em" if em else f"{fmt(px)}px"


def _kegiatan_width(widths: dict[str, float], em: bool) -> str:
    """On screen a phone narrows the Kegiatan column (macros/plugin/static/assets/sop.css sets --sop-lebar-kegiatan), so that
    beside it, kept in view, the table still has room to scroll."""
    width = _length(widths["kegiatan"], em)
    return f"var(--sop-lebar-kegiatan, {width})" if em else width


def _colgroup(widths: dict[str, float], actors: int, margin: float, em: bool) -> Markup:
    """`em`: the text columns in em (on screen); the actor columns stay in px, the width of their drawing."""
    cols = [f'<col class="sop-kolom-no" style="width:{_length(widths["no"], em)}">',
            f'<col class="sop-kolom-kegiatan" style="width:{_kegiatan_width(widths, em)}">']
    cols += [f'<col class="sop-kolom-pelaksana" style="width:{fmt(widths["pelaksana"])}px">'] * actors
    if margin > 0:  # lanes the layout needed beside the last actor column (very crowded flows)
        cols.append(f'<col class="sop-kolom-jalur" style="width:{fmt(margin)}px">')
    cols += [f'<col class="sop-kolom-{k}" style="width:{_length(widths[k], em)}">' for k in (*TEXT_COLUMNS, "keterangan")]
    return Markup("<colgroup>" + "".join(cols) + "</colgroup>")


def _span(sop: Sop, layout: PageLayout) -> int:
    """Table columns the flowchart cells span: the actors, and the lane margin when there is one."""
    return len(sop.columns) + (1 if layout.margin > 0 else 0)


def _head(sop: Sop, registries: Registries, layout: PageLayout, em: bool, header_scale: float = 1.0) -> Markup:
    """`em`: the screen copy, whose actor headers are set in px (HEADER_FONT_PX × `header_scale`, chosen
    with the columns' width by screen_fit.fit_screen): a word that fits not even then is hyphenated."""
    n = _span(sop, layout)
    if em:
        def fit(text: str, width: float):
            return fit_header(text, width, header_scale * SCREEN_FONT_PX, HEAD_SIDES)
    else:
        fit = print_fit
    column = layout.metrics.column_width
    actors = Markup("").join(
        Markup('<th class="sop-kepala-pelaksana" data-kolom="{}" scope="col" title="{}">{}</th>').format(
            i, column_name(r, registries), header_html(fit(column_short(sop, r, registries), column))
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


def _positions(sop: Sop) -> list[int | None] | None:
    """What each drawn step is called in the drawing's data attributes: its source position (1-based), or
    None for a symbol on a branch; None when nothing shifts the rows."""
    if not isinstance(sop, DrawnSop):
        return None
    return [None if sop.origin(i) is None else sop.origin(i) + 1 for i in range(len(sop.steps))]


def _symbol_row(
    sop: Sop, index: int, layout: PageLayout, row: int, registries: Registries, positions: list[int | None] | None
) -> Markup:
    """The row of a symbol a source draws on a branch: the symbol in its column, and nothing in the other
    cells (the source has no row for it: no number, no text, no time; the decision's Kegiatan names it)."""
    symbol = branch_symbol(sop, index)
    source = source_of(sop)
    (onward,) = sop.steps[index].exits
    targets = step_index(source)
    place = onward.target if onward.leaves else source.step_number(targets[onward.target])
    spoken = (
        f"Pelaksana: {column_short(source, symbol.column, registries)}. Simbol tanpa nomor pada cabang "
        f"{symbol.path or 'tanpa label'} langkah {source.step_number(symbol.decision)}: {symbol.via.activity}; lalu → {place}."
    )
    return Markup(
        '<tr class="sop-baris-simbol" data-cabang-dari="{no}"><td class="sop-no"></td><td class="sop-kegiatan"></td>'
        '<td class="sop-alur-sel" colspan="{n}" style="height:{h}px">{svg}<span class="sop-sr">{spoken}</span></td>'
        "<td></td><td></td><td></td><td></td></tr>"
    ).format(
        no=symbol.decision + 1, n=_span(sop, layout), h=fmt(layout.rows[row].min_height),
        svg=row_svg(layout, row, positions), spoken=spoken,
    )


def _step_row(
    sop: Sop, index: int, layout: PageLayout, row: int, registries: Registries, positions: list[int | None] | None
) -> Markup:
    sop, index = source_step(sop, index)  # its text is the source's step
    step = sop.steps[index]
    activity = keep_codes(step.activity)
    spoken = f"Pelaksana: {_actors(sop, index, registries)}."
    if step.is_decision:
        exits = exits_text(sop, index, column_headings(sop, registries))
        activity += Markup('<span class="sop-cabang">{}</span>').format(keep_codes(exits))
        spoken += f" Keputusan: {exits}."
    elif is_terminal(sop, index) and index < len(sop.steps) - 1:
        activity += Markup('<span class="sop-cabang">→ {}</span>').format(END)  # an early end, not the last row
        spoken += " Prosedur selesai di langkah ini."
    elif continues(sop, index):
        activity += Markup('<span class="sop-cabang">→ bersambung (sumber terpotong)</span>')
        spoken += " Alur berlanjut ke bagian sumber yang tidak tersedia."
    return Markup(
        '<tr class="sop-baris" data-langkah="{no}">'
        '<td class="sop-no">{shown}</td><td class="sop-kegiatan">{activity}</td>'
        '<td class="sop-alur-sel" colspan="{n}" style="height:{h}px">{svg}<span class="sop-sr">{spoken}</span></td>'
        "<td>{kelengkapan}</td><td>{waktu}</td><td>{output}</td><td>{keterangan}</td></tr>"
    ).format(
        no=index + 1,
        shown=sop.step_number(index),
        activity=activity,
        n=_span(sop, layout),
        h=fmt(layout.rows[row].min_height),
        svg=row_svg(layout, row, positions),
        spoken=spoken,
        kelengkapan=Markup("<br>").join(map(keep_codes, step.requirements)) if step.requirements else NO_VALUE,
        waktu=duration(step.duration),
        output=keep_codes(step.output) if step.output else NO_VALUE,
        keterangan=keep_codes(step.note or ""),
    )


def _connector_row(sop: Sop, layout: PageLayout, row: int, positions: list[int | None] | None) -> Markup:
    letters = sorted(s.letter for s in layout.symbols if s.row == row and s.letter)
    spoken = "Penghubung antarhalaman: " + ", ".join(letters) if letters else ""
    if any(s.shape is Shape.CONTINUED for s in layout.symbols if s.row == row):
        spoken += (". " if spoken else "") + "Bersambung: alur berlanjut ke bagian sumber yang tidak tersedia"
    return Markup(
        '<tr class="sop-baris-sambungan"><td></td><td></td>'
        '<td class="sop-alur-sel" colspan="{n}" style="height:{h}px">{svg}<span class="sop-sr">{spoken}</span></td>'
        "<td></td><td></td><td></td><td></td></tr>"
    ).format(n=_span(sop, layout), h=fmt(layout.rows[row].min_height), svg=row_svg(layout, row, positions), spoken=spoken)


def procedure_table(
    sop: Sop, layout: PageLayout, registries: Registries, widths: dict[str, float], css: str, em: bool = False,
    header_scale: float = 1.0,
) -> Markup:
    """`sop` as drawn (model.drawn.drawn: the layout's rows are its steps). `em`: size the text columns
    in em of the table's font (the screen copy) rather than in px (print); the screen copy also states
    the No column's width (the Kegiatan column, kept in view beside it while the table scrolls sideways,
    starts there) and the actor headers' font: HEADER_FONT_PX × `header_scale`."""
    rows = []
    positions = _positions(sop)
    for i, row in enumerate(layout.rows):
        if row.kind is RowKind.STEP and branch_symbol(sop, row.step) is not None:
            rows.append(_symbol_row(sop, row.step, layout, i, registries, positions))
        elif row.kind is RowKind.STEP:
            rows.append(_step_row(sop, row.step, layout, i, registries, positions))
        else:
            rows.append(_connector_row(sop, layout, i, positions))
    text = sum(widths[k] for k in ("no", "kegiatan", *TEXT_COLUMNS, "keterangan"))
    drawing = widths["pelaksana"] * len(sop.columns) + layout.margin
    if em:
        others = _length(text - widths["kegiatan"], True)
        width = (f"--sop-lebar-no:{_length(widths['no'], True)};--sop-kepala:{fmt(header_scale * HEADER_FONT_PX)}px;"
                 f"width:calc({others} + {_kegiatan_width(widths, True)} + {fmt(drawing)}px)")
    else:
        width = f"width:{fmt(text + drawing)}px"
    return Markup(
        '<table class="sop-tabel sop-prosedur {css}" style="{w}">{cols}{head}<tbody>{rows}</tbody></table>'
    ).format(
        css=css,
        w=width,
        cols=_colgroup(widths, len(sop.columns), layout.margin, em),
        head=_head(sop, registries, layout, em, header_scale),
        rows=Markup("").join(rows),
    )
