"""How many steps fit a printed page: estimated from text lengths, or fixed in mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass

from ...model.sop import Sop

MM = 96 / 25.4  # CSS px per millimetre

PAPERS = {"A4": (297.0, 210.0), "F4": (330.0, 215.0)}  # landscape width, height in mm
MARGIN_MM = 10.0


@dataclass(frozen=True)
class PrintGeometry:
    """Column widths (px) of the printed procedure table on one paper size."""

    paper: str
    steps_per_page: int = 0  # 0: estimate from the text

    @property
    def page_width(self) -> float:
        return (PAPERS[self.paper][0] - 2 * MARGIN_MM) * MM

    @property
    def page_height(self) -> float:
        return (PAPERS[self.paper][1] - 2 * MARGIN_MM) * MM

    def widths(self, actors: int) -> dict[str, float]:
        fixed = {"no": 26.0, "waktu": 58.0}
        minimum_text = {"kegiatan": 170.0, "kelengkapan": 95.0, "output": 95.0, "keterangan": 80.0}
        available = self.page_width - sum(fixed.values()) - 4  # borders
        column = max(60.0, min(104.0, (available - sum(minimum_text.values())) / actors))
        spare = max(0.0, available - column * actors - sum(minimum_text.values()))
        shares = {"kegiatan": 0.4, "kelengkapan": 0.2, "output": 0.2, "keterangan": 0.2}
        text = {k: v + spare * shares[k] for k, v in minimum_text.items()}
        return {**fixed, **text, "pelaksana": column}


CHAR_WIDTH = 5.3  # px per character at the print font size (9px), a deliberate overestimate
LINE_HEIGHT = 12.5
CELL_PADDING = 10.0
HEADER_HEIGHT = 60.0
CONNECTOR_ROW = 66.0  # a connector row with two jog levels


def _lines(text: str, width: float) -> int:
    per_line = max(1, int((width - 8) / CHAR_WIDTH))
    words = text.split()
    lines, current = 1, 0
    for word in words:
        needed = len(word) + (1 if current else 0)
        if current + needed > per_line:
            lines += 1 + (len(word) - 1) // per_line
            current = len(word) % per_line
        else:
            current += needed
    return lines


def row_height(sop: Sop, index: int, widths: dict[str, float], min_row: float) -> float:
    step = sop.steps[index]
    texts = {
        "kegiatan": step.activity + (" " + "x" * 24 if step.is_decision else ""),
        "kelengkapan": " ".join(step.requirements),
        "output": step.output,
        "keterangan": step.note or "",
        "waktu": "9999 hari kerja",
    }
    lines = max(_lines(text, widths[key]) for key, text in texts.items())
    return max(min_row, lines * LINE_HEIGHT + CELL_PADDING)


def paginate(sop: Sop, geometry: PrintGeometry, min_row: float) -> list[range]:
    """Split the steps into printed pages; no page is left without a step."""
    n = len(sop.steps)
    if geometry.steps_per_page > 0:
        size = geometry.steps_per_page
        return [range(i, min(n, i + size)) for i in range(0, n, size)]
    widths = geometry.widths(len(sop.columns))
    heights = [row_height(sop, i, widths, min_row) for i in range(n)]
    pages: list[range] = []
    start = 0
    while start < n:
        budget = geometry.page_height - HEADER_HEIGHT - (CONNECTOR_ROW if start > 0 else 0)
        end = start
        used = 0.0
        while end < n:
            reserve = CONNECTOR_ROW if end + 1 < n else 0.0  # room for the connector row below
            if end > start and used + heights[end] + reserve > budget:
                break
            used += heights[end]
            end += 1
        pages.append(range(start, end))
        start = end
    return pages
