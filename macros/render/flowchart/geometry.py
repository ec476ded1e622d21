"""Symbols, points and connectors of a laid-out flowchart page."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..symbols import Shape


class RowKind(enum.Enum):
    STEP = "langkah"
    CONNECTOR = "sambungan"


GRID_CLEAR = 4.5  # px: the least a line keeps from a column's border (the gridline drawn there): clearly apart in print

# Half heights of the symbols, whatever the column width (only their widths follow it).
HALF_HEIGHTS = {
    Shape.TERMINATOR: 13.0,
    Shape.PROCESS: 15.0,
    Shape.DECISION: 19.0,
    Shape.OFF_PAGE: 11.0,
    Shape.END: 9.0,
    Shape.CONTINUED: 11.0,
}
ROW_PAD = 3.0  # between a step row's outermost line and its edge
BAND_PAD = 10.0  # the same in a connector row
# A connector row holding only off-page connectors: what the pagination reserves for one before
# the layout has measured the page.
CONNECTOR_ROW = 2 * (HALF_HEIGHTS[Shape.OFF_PAGE] + BAND_PAD)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes derived from the width of one actor column."""

    column_width: float

    @property
    def half_widths(self) -> dict[Shape, float]:
        w = self.column_width
        return {
            Shape.TERMINATOR: min(36.0, 0.33 * w),
            Shape.PROCESS: min(36.0, 0.33 * w),
            Shape.DECISION: min(32.0, 0.30 * w),
            Shape.OFF_PAGE: 11.0,
            Shape.END: min(22.0, 0.3 * w),
            Shape.CONTINUED: 11.0,
        }

    @property
    def half_heights(self) -> dict[Shape, float]:
        return HALF_HEIGHTS

    @property
    def lane_offsets(self) -> list[float]:
        """Offsets of parallel vertical channels around a column boundary, nearest first; none on the
        boundary itself, where the gridline is drawn (a line there would run on top of it)."""
        gap = self.column_width / 2 - max(self.half_widths[s] for s in (Shape.PROCESS, Shape.DECISION))
        step = max(3.0, (gap - 2.5 - GRID_CLEAR) / 2)
        offsets = []
        k = 0
        while GRID_CLEAR + k * step <= max(GRID_CLEAR, gap - 2.5):  # 2.5 px clear of the widest symbol
            offsets += [GRID_CLEAR + k * step, -(GRID_CLEAR + k * step)]
            k += 1
        return offsets

    @property
    def dense_lane_offsets(self) -> list[float]:
        """Channels halfway between the comfortable ones, used once those are all taken."""
        coarse = sorted(self.lane_offsets)
        middles = [(a + b) / 2 for a, b in zip(coarse, coarse[1:])]
        return sorted((m for m in middles if abs(m) >= GRID_CLEAR), key=lambda o: (abs(o), -o))

    @property
    def interior_lane_offsets(self) -> list[float]:
        """Channels through a column (from its centre), usable where no symbol stands in the way."""
        third = max(self.half_widths[s] for s in (Shape.PROCESS, Shape.DECISION)) / 3
        return [2 * third, -2 * third, third, -third, 0.0]

    @property
    def second_offset(self) -> float:
        """A step with two decisions stacks them in its column: each this far above and below the
        row's centre, leaving between them room for the labelled arrow that joins them."""
        return self.half_heights[Shape.DECISION] + LINK_LENGTH / 2

    @property
    def min_step_row(self) -> float:
        return 2 * self.half_heights[Shape.DECISION] + 22

    def column_center(self, column: int) -> float:
        return column * self.column_width + self.column_width / 2


@dataclass(frozen=True, slots=True)
class Point:
    row: int
    x: float
    dy: float  # from the row's centre; +/-EDGE means the row's bottom/top edge


EDGE = 10_000.0  # beyond any row: drawing clips it at the row's edge

LABEL_SIZE = 9.5  # px: font size of an exit's label
LABEL_HEIGHT = 11.0  # px: the box one line of label text is drawn in
LABEL_DESCENT = 2.5  # px: from the box's bottom up to the text's baseline
LABEL_GAP = 2.5  # px: between a label and the line it stands beside
# px: the arrow from a step's first decision down to its second, room for its label beside it
LINK_LENGTH = LABEL_HEIGHT + 2 * LABEL_GAP + 5.0


@dataclass(frozen=True, slots=True)
class Label:
    """The box an exit's label is drawn in: x from the drawing's left, y from its row's centre."""

    row: int
    x0: float
    x1: float
    y0: float
    y1: float

    def overlaps(self, other: "Label", clearance: float = 0.0) -> bool:
        return (
            self.row == other.row
            and self.x0 < other.x1 + clearance
            and other.x0 < self.x1 + clearance
            and self.y0 < other.y1 + clearance
            and other.y0 < self.y1 + clearance
        )


@dataclass(frozen=True, slots=True)
class Symbol:
    shape: Shape
    row: int
    x: float
    half_width: float
    half_height: float
    step: int | None = None  # step index (0-based) for step symbols
    column: int | None = None
    letter: str | None = None  # for off-page connectors
    dy: float = 0.0  # its centre from the row's centre: the two decisions of one step stack
    text: str | None = None  # the question a source writes inside a decision's diamond; the text of a symbol on a branch

    @property
    def top(self) -> float:
        return self.dy - self.half_height

    @property
    def bottom(self) -> float:
        return self.dy + self.half_height

    def port(self, side: str) -> Point:
        """Where a connector meets this symbol's border on `side`."""
        if side == "top":
            return Point(self.row, self.x, self.top)
        if side == "bottom":
            return Point(self.row, self.x, self.bottom)
        if side == "left":
            return Point(self.row, self.x - self.half_width, self.dy)
        if side == "right":
            return Point(self.row, self.x + self.half_width, self.dy)
        raise ValueError(side)


@dataclass(slots=True)
class Connector:
    points: list[Point]
    arrow: bool = True
    label: str | None = None
    label_box: Label | None = None  # where the label is drawn, beside the connector's first segment
    label_crowded: bool = False  # no free box was left for it (a decision with very many exits)
    source: int | None = None  # step indices; None at an off-page connector
    target: int | None = None
    joint: bool = False  # the line joining the symbols of one joint step
    link: bool = False  # the arrow from a step's first decision to its second (labelled with that exit)
    letter: str | None = None  # set when the connector runs to or from an off-page connector
    end: str | None = None  # "selesai": an exit to an end capsule; "bersambung": on past a truncated source


@dataclass(slots=True)
class Row:
    kind: RowKind
    step: int | None = None
    min_height: float = 0.0


@dataclass(slots=True)
class PageLayout:
    metrics: Metrics
    columns: int
    rows: list[Row]
    symbols: list[Symbol] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    margin: float = 0.0  # lanes right of the last column, when the columns' own lanes ran out

    @property
    def width(self) -> float:
        return self.columns * self.metrics.column_width + self.margin

    def step_rows(self) -> dict[int, int]:
        return {row.step: i for i, row in enumerate(self.rows) if row.kind is RowKind.STEP}
