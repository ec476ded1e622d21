"""How a printed SOP breaks into pages: how many steps fit a page (estimated from the text, or fixed in
mkdocs.yml), and where a long identity block continues on the next page.

Text is measured with the metrics of the font the site ships and prints with (Noto Sans, in
macros/plugin/static/assets/fonts/), so the estimate holds on every machine, whatever fonts it has installed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Iterable, Mapping, Sequence

from markupsafe import Markup

from ...model.drawn import branch_symbol, source_step
from ...model.flow import continues, exits_summary, is_terminal
from ...model.sop import Sop
from ..actors import symbol_text
from ..text import NO_VALUE, duration
from .geometry import CONNECTOR_ROW, Metrics, PageLayout, RowKind
from .font_metrics import text_width, wrapped_lines
from .headers import HEADER_SCALE, HeaderFit, fit_header, pieces
from .layout import Flowchart
from ..paper import PAPERS  # landscape: the procedure table is printed across the paper

MM = 96 / 25.4  # CSS px per millimetre
PT = 96 / 72  # CSS px per point

MARGIN_MM = 10.0
# A border drawn on the edge of the page area is cut in half: a printed page's content keeps this far
# (px) inside it on either side (print padding of .md-content__inner in macros/plugin/static/assets/sop.css).
PRINT_INSET = 1.0


WAKTU_MAX = 110.0  # px: the widest the printed Waktu column grows for a long word


@dataclass(frozen=True)
class PrintGeometry:
    """Column widths (px) of the printed procedure table on one paper size."""

    paper: str
    steps_per_page: int = 0  # 0: estimate from the text

    @property
    def page_width(self) -> float:
        return (PAPERS[self.paper][0] - 2 * MARGIN_MM) * MM - 2 * PRINT_INSET

    @property
    def page_height(self) -> float:
        return (PAPERS[self.paper][1] - 2 * MARGIN_MM) * MM

    def widths_for(self, sop: Sop) -> dict[str, float]:
        """The widths of this SOP's table: the Waktu column widens (up to WAKTU_MAX) to its longest word,
        so that a waktu kept as written ("Selambat-lambatnya …") never breaks inside a word."""
        words = [w for step in sop.steps for w in duration(step.duration).split()]
        longest = max((text_width(w, PROCEDURE_FONT_PX) for w in words), default=0.0)
        return self.widths(len(sop.columns), longest + CELL_INSET)

    def widths(self, actors: int, waktu: float = 0.0) -> dict[str, float]:
        """`waktu`: the least the Waktu column needs (its longest word and the cell's inset)."""
        fixed = {"no": 26.0, "waktu": min(WAKTU_MAX, max(58.0, math.ceil(waktu)))}
        minimum_text = {"kegiatan": 170.0, "kelengkapan": 95.0, "output": 95.0, "keterangan": 80.0}
        available = self.page_width - sum(fixed.values()) - 4  # borders
        column = max(60.0, min(104.0, (available - sum(minimum_text.values())) / actors))
        spare = max(0.0, available - column * actors - sum(minimum_text.values()))
        shares = {"kegiatan": 0.4, "kelengkapan": 0.2, "output": 0.2, "keterangan": 0.2}
        text = {k: v + spare * shares[k] for k, v in minimum_text.items()}
        return {**fixed, **text, "pelaksana": column}


# --- The procedure table -------------------------------------------------------------------------------
# Print styles in macros/plugin/static/assets/sop.css (tests/render/test_fonts.py checks that these match them).
PROCEDURE_FONT_PX = 7.5 * PT  # .sop-prosedur--cetak
PROCEDURE_LINE = 1.35 * PROCEDURE_FONT_PX  # line-height of .sop-tabel
CELL_PADDING = 10.0  # 3px + 3px padding and a 1px border, with some to spare
CELL_INSET = 9.0  # 4px + 4px padding and a 1px border across a cell
BRANCH_GAP = 0.3 * PROCEDURE_FONT_PX  # .sop-cabang: a decision's exits, a block below the activity
HEADER_HEIGHT = 60.0  # the least a header takes (actor names on one line)
HEADER_CELL = 7.0  # 3px + 3px padding and a 1px border of a header cell
HEADER_ACTOR_SCALE = HEADER_SCALE  # .sop-kepala-pelaksana
FOOTER_GAP = 4.0  # padding-top of .sop-cetak-kaki
PAGE_SPARE = 6.0  # px of a printed page the procedure plan leaves unused
BORDER = 1.0  # the collapsed border each table row adds


def _cell_lines(paragraphs: Iterable[str], width: float) -> int:
    return sum(wrapped_lines(p, width - CELL_INSET, PROCEDURE_FONT_PX) for p in paragraphs)


def print_fit(name: str, column: float) -> HeaderFit:
    """An actor's header in a printed actor column `column` px wide."""
    return fit_header(name, column, PROCEDURE_FONT_PX, CELL_INSET)


def header_lines(fit: HeaderFit, room: float, size: float) -> int:
    """Lines a fitted header wraps to: greedy, at spaces and at its soft hyphens."""
    lines, used = 1, 0.0
    space = text_width(" ", size, bold=True)
    for word in fit.words:
        for k, piece in enumerate(pieces(word)):
            width = text_width(piece, size, bold=True)
            needed = width + (space if used and k == 0 else 0.0)
            if used + needed <= room or not used:
                used += needed
            else:
                lines, used = lines + 1, width
    return lines


def header_height(actor_names: Sequence[str], widths: dict[str, float]) -> float:
    """The printed table's two header rows: "Pelaksana"/"Mutu Baku" over one bold header per actor
    (its short name wrapped in its column, at the size that keeps its words whole) and
    Kelengkapan/Waktu/Output."""
    column = widths["pelaksana"]
    fits = [print_fit(name, column) for name in actor_names]
    actor_height = max(
        (header_lines(f, column - CELL_INSET, f.scale * PROCEDURE_FONT_PX) * f.scale * PROCEDURE_LINE for f in fits),
        default=HEADER_ACTOR_SCALE * PROCEDURE_LINE,
    )
    quality_lines = max(
        wrapped_lines(label, widths[key] - CELL_INSET, PROCEDURE_FONT_PX, bold=True)
        for key, label in (("kelengkapan", "Kelengkapan"), ("waktu", "Waktu"), ("output", "Output"))
    )
    second = max(actor_height, quality_lines * PROCEDURE_LINE)
    first = PROCEDURE_LINE
    spanning = max(
        wrapped_lines(label, widths[key] - CELL_INSET, PROCEDURE_FONT_PX, bold=True) * PROCEDURE_LINE
        for key, label in (("no", "No"), ("kegiatan", "Kegiatan"), ("keterangan", "Keterangan"))
    )
    return max(HEADER_HEIGHT, first + second + 2 * HEADER_CELL, spanning + HEADER_CELL) + BORDER


def footer_height(paragraphs: Sequence[Sequence[tuple[str, bool]]], width: float) -> float:
    """What .sop-cetak-kaki (total time, the actors' names) takes below the last printed table."""
    lines = sum(wrapped_lines(runs, width, PROCEDURE_FONT_PX) for runs in paragraphs)
    return FOOTER_GAP + lines * PROCEDURE_LINE + BORDER


def row_height(sop: Sop, index: int, widths: dict[str, float], min_row: float, headings: Mapping[str, str] = {}) -> float:
    """A step row's height from its text (`sop` as drawn: a symbol on a branch has a row without text).
    `headings`: the columns' headers, which the Kegiatan text names a symbol on a branch's column by."""
    sop, index = source_step(sop, index)
    if index is None:
        return min_row
    step = sop.steps[index]
    exits = exits_summary(step, lambda e: e.target if e.leaves else 99, lambda via: symbol_text(step, via, headings))
    activity = _cell_lines([step.activity], widths["kegiatan"]) * PROCEDURE_LINE
    if step.is_decision:
        activity += _cell_lines([exits], widths["kegiatan"]) * PROCEDURE_LINE + BRANCH_GAP
    elif (is_terminal(sop, index) and index < len(sop.steps) - 1) or continues(sop, index):
        activity += _cell_lines(["→ bersambung (sumber terpotong)"], widths["kegiatan"]) * PROCEDURE_LINE + BRANCH_GAP
    cells = {
        "kelengkapan": list(step.requirements) or [NO_VALUE],  # one line each (<br> between them)
        "output": [step.output or NO_VALUE],
        "keterangan": [step.note or ""],
        "waktu": [duration(step.duration)],
    }
    text = max(activity, *(_cell_lines(texts, widths[key]) * PROCEDURE_LINE for key, texts in cells.items()))
    return max(min_row, text + CELL_PADDING)


def paginate(
    sop: Sop, geometry: PrintGeometry, min_row: float, header: float = HEADER_HEIGHT, footer: float = 0.0,
    start: int = 0, headings: Mapping[str, str] = {},
) -> list[range]:
    """A first split of the steps from `start` into printed pages, from the text alone; no page is left
    without a step. `header` is the table header's height, `footer` what follows the last table.
    plan() checks it against the laid-out flowchart. A symbol on a branch stays on its decision's page
    (and is no step of a fixed number per page)."""
    n = len(sop.steps)
    starts = [i for i in step_starts(sop) if i >= start]
    if geometry.steps_per_page > 0:
        size = geometry.steps_per_page
        return [range(starts[k], starts[k + size] if k + size < len(starts) else n) for k in range(0, len(starts), size)]
    widths = geometry.widths_for(sop)
    heights = [row_height(sop, i, widths, min_row, headings) for i in range(n)]
    stops = dict(zip(starts, [*starts[1:], n]))  # each step's rows: its own, and its branches' symbols
    pages: list[range] = []
    while start < n:
        budget = geometry.page_height - PAGE_SPARE - header - (CONNECTOR_ROW if start > 0 else 0)
        end = start
        used = 0.0
        while end < n:
            stop = stops[end]
            # the connector row below, or the footer (past a truncated source's last step: 'bersambung' too)
            reserve = CONNECTOR_ROW if stop < n else footer + (CONNECTOR_ROW if sop.truncated else 0.0)
            if end > start and used + sum(heights[end:stop]) + reserve > budget:
                break
            used += sum(heights[end:stop])
            end = stop
        pages.append(range(start, end))
        start = end
    return pages


def step_starts(sop: Sop) -> list[int]:
    """The rows a printed page may begin with: every step's, not a symbol on a branch's (`sop` as drawn)."""
    return [i for i in range(len(sop.steps)) if branch_symbol(sop, i) is None]


def _steps(sop: Sop, rows: range) -> list[int]:
    """The rows of `rows` that begin a step (its symbols on branches follow it)."""
    return [i for i in rows if branch_symbol(sop, i) is None]


def fit_widths(widths: dict[str, float], margin: float) -> dict[str, float]:
    """A page whose flowchart needed a lane margin gives that room back from the text columns,
    so the table still fits the paper."""
    if margin <= 0:
        return widths
    fitted = dict(widths)
    for key in ("keterangan", "kegiatan"):
        taken = min(margin, max(0.0, fitted[key] - 60.0))
        fitted[key] -= taken
        margin -= taken
    return fitted


@dataclass(frozen=True)
class PlannedPage:
    """One printed page of the procedure table: its steps, their flowchart, the column widths, the
    height it takes (px, unscaled) and the zoom that makes it fit the paper (1: it fits as it is)."""

    steps: range
    layout: PageLayout
    widths: dict[str, float]
    height: float
    scale: float


def plan(sop: Sop, geometry: PrintGeometry, header: float, footer: float, headings: Mapping[str, str] = {}) -> list[PlannedPage]:
    """Where the printed procedure table breaks, checked against the laid-out flowchart: a page whose
    rows, connector rows and header (and, on the last page, footer) come out taller than the paper
    gives its last step to the next page, and the rest is split again. Only a page that cannot give a
    step away (one step, or a fixed number of steps per page) is left too tall: it is scaled to fit.

    Pages are settled in order: a page is laid out for the pages before it (already settled) and its
    own steps, never again for a break moved after it, so the plan lays out each page once per step
    it gives away and the whole flowchart a few times at most, not once per moved step.
    `sop` as drawn (model.drawn.drawn): a symbol on a branch is a row of its own; `headings`: the columns'
    headers (actors.column_headings), which the Kegiatan text names such a symbol's column by.
    """
    widths = geometry.widths_for(sop)
    metrics = Metrics(widths["pelaksana"])
    budget = geometry.page_height - PAGE_SPARE
    flowchart = Flowchart(sop, metrics)
    n = len(sop.steps)

    def measure(pages: list[range], k: int) -> PlannedPage:
        layout = flowchart.page(pages, k)
        fitted = fit_widths(widths, layout.margin)
        height = planned_height(sop, layout, fitted, header, footer if pages[k].stop == n else 0.0, headings)
        scale = page_scale(height, table_width(fitted, len(sop.columns), layout.margin), geometry)
        return PlannedPage(pages[k], layout, fitted, height, scale)

    def too_tall(steps: range) -> bool:
        """Is a page of these steps taller than the paper whatever its flowchart: its step rows at
        their least height and the connector rows its off-page connectors need at the least?"""
        per_row = flowchart.connectors_per_row()
        rows = sum(math.ceil(count / per_row) for count in flowchart.connectors(steps))
        least = len(steps) * (metrics.min_step_row + BORDER) + rows * (CONNECTOR_ROW + BORDER)
        return header + least + (footer if steps.stop == n else 0.0) > budget

    pages = paginate(sop, geometry, metrics.min_step_row, header, footer, headings=headings)
    planned: list[PlannedPage] = []
    moves = 0  # each moves a page break up by one step; at most one per step
    while len(planned) < len(pages):
        k = len(planned)
        movable = len(_steps(sop, pages[k])) > 1 and geometry.steps_per_page == 0 and moves < n
        page = None if movable and too_tall(pages[k]) else measure(pages, k)
        if movable and (page is None or page.height > budget):
            cut = _steps(sop, pages[k])[-1]
            pages = pages[:k] + [range(pages[k].start, cut)] + paginate(
                sop, geometry, metrics.min_step_row, header, footer, start=cut, headings=headings
            )
            moves += 1
            continue
        planned.append(page)
    if geometry.steps_per_page == 0 and len(pages) > 1 and len(_steps(sop, pages[-1])) == 1 and len(_steps(sop, pages[-2])) >= 3:
        # no lone last step (the end of the procedure) when the page before can spare one that fits
        *rest, before, last = pages
        cut = _steps(sop, before)[-1]
        moved = [*rest, range(before.start, cut), range(cut, last.stop)]
        candidate = [*planned[:-2], measure(moved, len(moved) - 2), measure(moved, len(moved) - 1)]
        if all(p.height <= budget for p in candidate[-2:]):
            return candidate
    return planned


def table_width(widths: dict[str, float], actors: int, margin: float) -> float:
    """The printed procedure table's width (px): its columns, and the flowchart's lane margin."""
    text = sum(widths[k] for k in ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan"))
    return text + widths["pelaksana"] * actors + margin


def planned_height(
    sop: Sop, layout: PageLayout, widths: dict[str, float], header: float, footer: float = 0.0,
    headings: Mapping[str, str] = {},
) -> float:
    """The height (px) one printed page of the table takes as laid out: the header, each step row
    (its text or its flowchart, whichever is taller), the connector rows, and the footer."""
    rows = 0.0
    for row in layout.rows:
        drawn = row.min_height + BORDER
        if row.kind is RowKind.STEP:
            drawn = max(drawn, row_height(sop, row.step, widths, 0.0, headings))
        rows += drawn
    return header + rows + footer


def page_scale(height: float, width: float, geometry: PrintGeometry) -> float:
    """The zoom that makes a planned page fit its paper (1 when it already does), rounded down to a
    thousandth so that the page is never scaled a hair too little."""
    room = min(1.0, (geometry.page_height - PAGE_SPARE) / height, geometry.page_width / width)
    return math.floor(room * 1000) / 1000


# --- The identity block ------------------------------------------------------------------------------
# Print styles of .sop-identitas-blok in macros/plugin/static/assets/sop.css (checked by tests/render/test_fonts.py).
IDENTITY_FONT_PX = 8.5 * PT  # .sop-tabel
IDENTITY_LINE = 1.25 * IDENTITY_FONT_PX
IDENTITY_CELL = (4.0 + 1.0, 8.0 + 1.0)  # (vertical, horizontal) padding of a cell and its 1px border
KOP_WIDTH = 0.42  # col.sop-kolom-kop, of the page width
KOP_LINE = 1.35 * IDENTITY_FONT_PX  # td.sop-kop
LABEL_WIDTH = 11.5 * IDENTITY_FONT_PX  # col.sop-kolom-label
LIST_INDENT = 1.8 * IDENTITY_FONT_PX  # .sop-tabel ol
LIST_GAP = 0.15 * IDENTITY_FONT_PX  # below each .sop-tabel ol li, the last too
BLOCK_EXTRA = {  # px a block adds beyond its text, by its class
    "sop-ttd": 3.6 * IDENTITY_FONT_PX,  # the empty space for the signature
    "sop-logo": 6.0 * 1.05 * IDENTITY_FONT_PX,  # the logo, at most 5.5em high, and .5em below it
    "sop-kop-instansi": 0.2 * 1.05 * IDENTITY_FONT_PX,  # margin-top .2em, of its 1.05em
    "sop-kop-alamat": 0.4 * 0.95 * IDENTITY_FONT_PX,  # margin-top .4em, of its .95em
}
TRACE_QR = 17.0 * MM  # .sop-jejak-qr: the QR code printed in the kop when the site's address is known
TRACE_GAP = 2.0 * MM  # above .sop-jejak, and between the code and its text
TRACE_FONT = 6.5 / 8.5  # .sop-jejak, of the table's font
TRACE_LINE = 1.25 * TRACE_FONT * IDENTITY_FONT_PX  # .sop-jejak line-height
BESIDE = {  # a block whose text stands beside a fixed box: (margin above, the box's height, its width + gap, line)
    "sop-jejak": (TRACE_GAP, TRACE_QR, TRACE_QR + TRACE_GAP, TRACE_LINE),
    "sop-jejak-polos": (TRACE_GAP, 0.0, 0.0, TRACE_LINE),  # the revision alone (no site address): no box
}
SCALED = {"sop-kop-pemerintah": 1.05, "sop-kop-instansi": 1.05, "sop-kop-alamat": 0.95, "sop-jejak": TRACE_FONT,
          "sop-jejak-polos": TRACE_FONT}
BOLD_TAGS = {"strong", "b", "th"}
BOLD_CLASSES = {"sop-kop", "sop-pengesah-nama"}
SPARE = 8.0  # px of a printed page the identity estimate leaves unused
CONTINUED_HEADER = IDENTITY_LINE + IDENTITY_CELL[0]  # "Bagian Identitas (lanjutan)" atop a continuation page


@dataclass(frozen=True)
class _Paragraph:
    runs: tuple[tuple[str, bool], ...]  # (text, bold)
    scale: float
    indent: float
    line: float | None = None  # its own line height (px), else the cell's


@dataclass(frozen=True)
class _Beside:
    """A fixed box with paragraphs beside it (the QR code and its text): as tall as the taller."""

    margin: float
    box: float
    items: tuple["_Paragraph | float", ...]


class _Blocks(HTMLParser):
    """One cell's HTML as the estimate sees it: its paragraphs (a div, p or li, or a line ended by a br),
    each with its style, and the fixed heights between them (list-item gaps, the signature space, a logo)."""

    BREAKS = {"div", "p", "li", "ol", "ul", "br", "tr", "td", "th"}
    VOID = {"br", "img", "col", "hr"}

    def __init__(self, bold: bool):
        super().__init__()
        self.items: list[_Paragraph | _Beside | float] = []
        self.styles: list[tuple[str, bool, float, float]] = [("", bold, 1.0, 0.0)]  # tag, bold, scale, indent
        self.runs: list[tuple[str, bool]] = []
        self.layout: tuple[float, float] | None = None  # scale, indent of the open paragraph
        # open BESIDE blocks: (depth of self.styles outside it, the items before it, margin, box, line)
        self.beside: list[tuple[int, list, float, float, float]] = []

    def _flush(self) -> None:
        if self.layout and any(text.strip() for text, _ in self.runs):
            line = self.beside[-1][4] if self.beside else None
            self.items.append(_Paragraph(tuple(self.runs), *self.layout, line))
        self.runs, self.layout = [], None

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        _, bold, scale, indent = self.styles[-1]
        bold = bold or tag in BOLD_TAGS or bool(classes & BOLD_CLASSES)
        scale *= next((SCALED[c] for c in classes if c in SCALED), 1.0)
        extra = sum(BLOCK_EXTRA.get(c, 0.0) for c in classes)
        if tag in self.BREAKS or extra:
            self._flush()
        beside = next((BESIDE[c] for c in classes if c in BESIDE), None)
        if beside is not None and tag not in self.VOID:
            self._flush()
            margin, box, width, line = beside
            bold = False  # its text is of normal weight, even in the bold kop
            self.beside.append((len(self.styles), self.items, margin, box, line))
            self.items = []
            indent += width
        if tag in ("ol", "ul"):
            indent += LIST_INDENT
        elif tag == "li":
            self.items.append(LIST_GAP)
        if extra:
            self.items.append(extra)
        if tag not in self.VOID:
            self.styles.append((tag, bold, scale, indent))

    def handle_endtag(self, tag):
        if tag in self.BREAKS:
            self._flush()
        if len(self.styles) > 1 and self.styles[-1][0] == tag:
            self.styles.pop()
            if self.beside and len(self.styles) == self.beside[-1][0]:
                self._flush()
                _, outer, margin, box, _ = self.beside.pop()
                outer.append(_Beside(margin, box, tuple(self.items)))
                self.items = outer

    def handle_data(self, data):
        _, bold, scale, indent = self.styles[-1]
        if self.layout is None and data.strip():
            self.layout = (scale, indent)
        self.runs.append((data, bold))

    def close(self):
        super().close()
        self._flush()
        while self.beside:  # a block left open: what it holds still counts
            _, outer, margin, box, _ = self.beside.pop()
            outer.append(_Beside(margin, box, tuple(self.items)))
            self.items = outer


def _items_height(items, width: float, line: float) -> float:
    height = 0.0
    for item in items:
        if isinstance(item, _Paragraph):
            size = IDENTITY_FONT_PX * item.scale
            lines = wrapped_lines(item.runs, width - IDENTITY_CELL[1] - item.indent, size)
            height += lines * item.line if item.line is not None else lines * line * max(1.0, item.scale)
        elif isinstance(item, _Beside):
            height += item.margin + max(item.box, _items_height(item.items, width, line))
        else:
            height += item
    return height


def cell_height(html: str, width: float, bold: bool = False, line: float = IDENTITY_LINE) -> float:
    """Estimated height (px) of a printed identity-table cell holding `html`, padding and border included."""
    parser = _Blocks(bold)
    parser.feed(str(html))
    parser.close()
    return IDENTITY_CELL[0] + _items_height(parser.items, width, line)


@dataclass(frozen=True)
class IdentityPair:
    """One pair of the identity grid: two labels over their two lists (the items' HTML)."""

    left_label: str
    left: Sequence[str]
    right_label: str
    right: Sequence[str]
    # the number each item is printed with (the source's own, when a list starts mid-way or skips)
    left_numbers: Sequence[int] | None = None
    right_numbers: Sequence[int] | None = None


@dataclass(frozen=True)
class PairPart:
    """The part of one pair of the grid that a printed page holds: a run of each list's items."""

    pair: int
    left: range
    right: range
    continued: bool  # the pair began on an earlier page


def identity_table_height(kop: str, rows: Sequence[tuple[str, str]], paper: str = "A4") -> float:
    """The kop beside the label/value rows: the taller of the kop and the rows."""
    width = PrintGeometry(paper).page_width
    kop_width = KOP_WIDTH * width
    value_width = width - kop_width - LABEL_WIDTH
    rows_height = sum(max(cell_height(label, LABEL_WIDTH, bold=True), cell_height(value, value_width)) for label, value in rows)
    return max(rows_height, cell_height(kop, kop_width, bold=True, line=KOP_LINE))


MIN_ITEMS = 2  # a list broken across pages keeps at least this many items on each side of the break
EMPTY_LIST = f"<p>{NO_VALUE}</p>"  # what an empty list shows


class _Measured:
    """A pair's label row and each of its items, in px."""

    def __init__(self, pair: IdentityPair, column: float):
        labels = (pair.left_label + " (lanjutan):", pair.right_label + " (lanjutan):")
        self.label = max(cell_height(label, column, bold=True) for label in labels)
        self.sides = [
            [cell_height(Markup("<ol><li>{}</li></ol>").format(item), column) - IDENTITY_CELL[0] for item in items]
            for items in (pair.left, pair.right)
        ]
        self.empty = cell_height(EMPTY_LIST, column) - IDENTITY_CELL[0]

    def height(self, left: range, right: range) -> float:
        content = [sum(side[i] for i in part) if side else self.empty for side, part in zip(self.sides, (left, right))]
        return self.label + max(content) + IDENTITY_CELL[0]


def _fit(heights: list[float], start: int, room: float, fresh: bool) -> int:
    """How many items from `start` to put on this page: all that fit, none if too few would."""
    taken, used = 0, 0.0
    for height in heights[start:]:
        if used + height > room:
            break
        taken += 1
        used += height
    rest = len(heights) - start
    if taken >= rest:
        return rest
    if rest - taken < MIN_ITEMS:  # no lone item at the top of the next page
        taken = rest - MIN_ITEMS
    if taken < MIN_ITEMS and not fresh:
        return 0
    return max(taken, 1 if fresh else 0)


def _plan(measured: list[_Measured], first: float, budget: float, hold: int | None) -> list[list[PairPart]]:
    pages: list[list[PairPart]] = [[]]
    used = first
    for k, pair in enumerate(measured):
        left, right = (len(side) for side in pair.sides)
        at = [0, 0]  # items of each list already placed
        continued = False
        if k == hold and (pages[-1] or len(pages) == 1):  # start this pair on a new page
            pages.append([])
            used = CONTINUED_HEADER
        while True:
            rest = (range(at[0], left), range(at[1], right))
            if used + pair.height(*rest) <= budget:
                pages[-1].append(PairPart(k, *rest, continued))
                used += pair.height(*rest)
                break
            fresh = not pages[-1] and len(pages) > 1
            room = budget - used - pair.label - IDENTITY_CELL[0]
            take = [_fit(side, a, room, fresh) for side, a in zip(pair.sides, at)]
            if any(take) and all(t or a == len(side) for t, a, side in zip(take, at, pair.sides)) or fresh:
                part = (range(at[0], at[0] + take[0]), range(at[1], at[1] + take[1]))
                pages[-1].append(PairPart(k, *part, continued))
                at = [at[0] + take[0], at[1] + take[1]]
                continued = True
            pages.append([])
            used = CONTINUED_HEADER
    return pages


def identity_pages(kop: str, rows: Sequence[tuple[str, str]], pairs: Sequence[IdentityPair], paper: str = "A4") -> list[list[PairPart]]:
    """What of the grid each printed page of the identity block holds.

    The first page holds the kop and the identity rows, then as much of the grid as fits below them;
    the rest goes on to continuation pages. A list too long for the room left is broken between its
    items (MIN_ITEMS on each side), or the pair moves to the next page whole. A continuation page does
    not hold a lone short pair when the pair before it can go along. One page: the block fits.
    """
    geometry = PrintGeometry(paper)
    budget = geometry.page_height - SPARE
    measured = [_Measured(pair, geometry.page_width / 2) for pair in pairs]
    first = identity_table_height(kop, rows, paper)
    pages = _plan(measured, first, budget, None)
    last = pages[-1]
    if len(pages) > 1 and len(last) == 1 and not last[0].continued and last[0].pair > 0:
        held = _plan(measured, first, budget, last[0].pair - 1)
        before = held[-2] if len(held) > 1 else []
        if len(held) == len(pages) and (before or len(held) == 2):
            return held
    return pages
