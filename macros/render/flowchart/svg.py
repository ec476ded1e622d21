"""One SVG per table row: the slice of the flowchart that falls in that row.

Each row's SVG fills its table cell; an inner SVG puts the origin at the row's centre,
so y is a fixed offset from the centre, and anything that runs to the row's edge is
drawn long and clipped by the cell. No script is needed at any row height.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from markupsafe import Markup

from .diamond_text import fit_question
from .geometry import EDGE, LABEL_DESCENT, LABEL_SIZE, Connector, PageLayout, Point, Shape, Symbol

STROKE = "#263238"
GRID = "#b0bec5"
ARROW_LENGTH = 7.0
ARROW_HALF_WIDTH = 3.5


def fmt(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


Positions = Sequence["int | None"]  # drawn step -> the source step's position (1-based); None: a symbol on a branch


def _position(step: int, positions: Positions | None) -> int | None:
    return step + 1 if positions is None else positions[step]


def _symbol(symbol: Symbol, positions: Positions | None = None) -> str:
    if symbol.dy:  # one of a step's two stacked decisions
        which = 1 if symbol.dy < 0 else 2
        return (
            f'<g class="sop-keputusan-bertumpuk" data-keputusan="{which}" transform="translate(0 {fmt(symbol.dy)})">'
            f"{_symbol(replace(symbol, dy=0.0), positions)}</g>"
        )
    x, hw, hh = symbol.x, symbol.half_width, symbol.half_height
    attrs = f'class="sop-simbol sop-simbol--{symbol.shape.value}"'
    if symbol.step is not None:
        position = _position(symbol.step, positions)
        if position is None:  # a symbol on a branch: no step, no number
            attrs = f'class="sop-simbol sop-simbol--{symbol.shape.value} sop-simbol--cabang" data-kolom="{symbol.column}"'
        else:
            attrs += f' data-langkah="{position}" data-kolom="{symbol.column}"'
    if symbol.letter:
        attrs += f' data-huruf="{symbol.letter}"'
    style = f'fill="#ffffff" stroke="{STROKE}" stroke-width="1.4"'
    if symbol.shape is Shape.END:  # an end capsule, named: a reader must see the flow stops here
        return (
            f'<rect {attrs} x="{fmt(x - hw)}" y="{fmt(-hh)}" width="{fmt(2 * hw)}" height="{fmt(2 * hh)}" '
            f'rx="{fmt(hh)}" {style}/><text class="sop-teks-selesai" x="{fmt(x)}" y="3" text-anchor="middle" '
            f'font-size="8" fill="{STROKE}">Selesai</text>'
        )
    if symbol.shape is Shape.CONTINUED:  # the source goes on beyond what was transcribed
        return (
            f'<circle {attrs} cx="{fmt(x)}" cy="0" r="{fmt(hh)}" {style} stroke-dasharray="3 2"/>'
            f'<text class="sop-teks-bersambung" x="{fmt(x)}" y="3" text-anchor="middle" font-size="10" '
            f'font-weight="700" fill="{STROKE}">…</text>'
        )
    if symbol.shape in (Shape.TERMINATOR, Shape.PROCESS):
        rx = hh if symbol.shape is Shape.TERMINATOR else 2
        return (
            f'<rect {attrs} x="{fmt(x - hw)}" y="{fmt(-hh)}" width="{fmt(2 * hw)}" height="{fmt(2 * hh)}" '
            f'rx="{fmt(rx)}" {style}/>'
        ) + (_question(symbol, box=True) if symbol.text is not None else "")  # a symbol on a branch: its text
    if symbol.shape is Shape.DECISION:
        points = [(x, -hh), (x + hw, 0), (x, hh), (x - hw, 0)]
        text = " ".join(f"{fmt(px)},{fmt(py)}" for px, py in points)
        return f'<polygon {attrs} points="{text}" {style}/>' + (_question(symbol) if symbol.text else "")
    else:
        points = [(x - hw, -hh), (x + hw, -hh), (x + hw, hh * 0.2), (x, hh), (x - hw, hh * 0.2)]
    text = " ".join(f"{fmt(px)},{fmt(py)}" for px, py in points)
    shape = f'<polygon {attrs} points="{text}" {style}/>'
    if symbol.letter:
        shape += (
            f'<text class="sop-huruf" x="{fmt(x)}" y="{fmt(-hh * 0.1 + 3.5)}" text-anchor="middle" '
            f'font-size="10" font-weight="700" fill="{STROKE}">{symbol.letter}</text>'
        )
    return shape


def _question(symbol: Symbol, box: bool = False) -> str:
    """The question inside the diamond (`box`: the text inside a symbol on a branch), as the source writes
    it (escaped), sized to stay inside."""
    fitted = fit_question(symbol.text, symbol.half_width, symbol.half_height, box)
    kind = "sop-teks-simbol" if box else "sop-pertanyaan"
    lines = "".join(
        f'<tspan x="{fmt(symbol.x)}" y="{fmt(y)}">{Markup.escape(line)}</tspan>'
        for line, y in zip(fitted.lines, fitted.baselines())
    )
    title = f"<title>{Markup.escape(symbol.text)}</title>" if fitted.cut else ""
    return (
        f'<text class="{kind}" text-anchor="middle" font-size="{fmt(fitted.size)}" fill="{STROKE}">'
        f"{title}{lines}</text>"
    )


def _pieces(connector: Connector, row: int) -> list[tuple[Point, Point]]:
    """The connector's segments clipped to `row`, as (start, end) in that row's coordinates."""
    pieces = []
    for p, q in zip(connector.points, connector.points[1:]):
        lo, hi = sorted((p.row, q.row))
        if not lo <= row <= hi:
            continue
        if p.row == q.row:
            pieces.append((p, q))
            continue
        down = q.row > p.row
        start = p.dy if row == p.row else (-EDGE if down else EDGE)
        end = q.dy if row == q.row else (EDGE if down else -EDGE)
        pieces.append((Point(row, p.x, start), Point(row, q.x, end)))
    return pieces


def _arrowhead(p: Point, q: Point) -> str:
    dx, dy = q.x - p.x, q.dy - p.dy
    if abs(dx) >= abs(dy):
        sign = 1 if dx > 0 else -1
        pts = [(q.x, q.dy), (q.x - sign * ARROW_LENGTH, q.dy - ARROW_HALF_WIDTH), (q.x - sign * ARROW_LENGTH, q.dy + ARROW_HALF_WIDTH)]
    else:
        sign = 1 if dy > 0 else -1
        pts = [(q.x, q.dy), (q.x - ARROW_HALF_WIDTH, q.dy - sign * ARROW_LENGTH), (q.x + ARROW_HALF_WIDTH, q.dy - sign * ARROW_LENGTH)]
    text = " ".join(f"{fmt(a)},{fmt(b)}" for a, b in pts)
    return f'<polygon class="sop-panah-ujung" points="{text}" fill="{STROKE}"/>'


def _label(connector: Connector) -> str:
    """The label in the box the layout reserved for it, beside the connector's first segment."""
    box = connector.label_box
    label = str(Markup.escape(connector.label))
    return (
        f'<text class="sop-label-cabang" x="{fmt(box.x0)}" y="{fmt(box.y1 - LABEL_DESCENT)}" text-anchor="start" '
        f'font-size="{fmt(LABEL_SIZE)}" fill="{STROKE}">{label}</text>'
    )


def _connector(connector: Connector, row: int, positions: Positions | None = None) -> str:
    parts = []
    if connector.joint:  # a joint step's joining line, or a hand-over's arrow along its row
        kind = "sop-panah sop-serah-terima" if connector.arrow else "sop-garis-gabung"
    else:
        kind = "sop-panah sop-panah-keputusan-kedua" if connector.link else "sop-panah"
    data = ""
    source = _position(connector.source, positions) if connector.source is not None else None
    target = _position(connector.target, positions) if connector.target is not None else None
    if source is not None:
        data += f' data-dari="{source}"'
    elif connector.source is not None:  # out of a symbol on a branch
        data += ' data-dari="cabang"'
    if target is not None:
        data += f' data-ke="{target}"'
    elif connector.target is not None:  # into a symbol on a branch
        data += ' data-ke="cabang"'
    elif connector.end is not None:
        data += f' data-ke="{connector.end}"'
    for p, q in _pieces(connector, row):
        parts.append(
            f'<path class="{kind}"{data} d="M{fmt(p.x)} {fmt(p.dy)}L{fmt(q.x)} {fmt(q.dy)}" '
            f'fill="none" stroke="{STROKE}" stroke-width="1.2"/>'
        )
    last_p, last_q = connector.points[-2], connector.points[-1]
    if connector.arrow and last_q.row == row:
        clipped = _pieces(Connector([last_p, last_q]), row)[-1]
        parts.append(_arrowhead(*clipped))
    if connector.label and connector.label_box is not None and connector.label_box.row == row:
        parts.append(_label(connector))
    return "".join(parts)


GRID_GAP = 1.0  # px: between a label and the ends of a gridline interrupted for it


def _gridline(x: float, gaps: list[tuple[float, float]]) -> str:
    """One column border down the row; interrupted behind a label that had to stand across it (the layout
    keeps labels between the borders when the column has room: only a label wider than that room, or one
    of a decision with very many exits, ever does)."""
    ys, y = [], -EDGE
    for y0, y1 in sorted(gaps):
        if y0 - GRID_GAP > y:
            ys.append((y, y0 - GRID_GAP))
        y = max(y, y1 + GRID_GAP)
    ys.append((y, EDGE))
    d = "".join(f"M{fmt(x)} {fmt(a)}V{fmt(b)}" for a, b in ys)
    return f'<path class="sop-garis-kolom" d="{d}" stroke="{GRID}" stroke-width="1"/>'


def row_svg(layout: PageLayout, row: int, positions: Positions | None = None) -> Markup:
    """`positions`: what each drawn step is called in the data attributes, when the drawing has symbols
    on branches (which shift the rows): its source position, or None for such a symbol."""
    width = layout.width
    w = layout.metrics.column_width
    boxes = [c.label_box for c in layout.connectors if c.label and c.label_box is not None and c.label_box.row == row]
    grid = "".join(
        _gridline(k * w, [(b.y0, b.y1) for b in boxes if b.x0 - GRID_GAP < k * w < b.x1 + GRID_GAP])
        for k in range(1, layout.columns)
    )
    body = grid
    body += "".join(_connector(c, row, positions) for c in layout.connectors)
    body += "".join(_symbol(s, positions) for s in layout.symbols if s.row == row)
    # The wrapper stretches to the cell (inset: 0); the SVG then fills a box of definite height.
    return Markup(
        f'<div class="sop-alur-wadah"><svg class="sop-alur" xmlns="http://www.w3.org/2000/svg" '
        f'width="{fmt(width)}" height="100%" aria-hidden="true" focusable="false">'
        f'<svg x="0" y="50%" width="{fmt(width)}" height="1" overflow="visible">{body}</svg></svg></div>'
    )
