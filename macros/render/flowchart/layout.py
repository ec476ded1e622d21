"""Place each step's symbol in its actor's column and route the arrows between them.

Order of routing matters, so it is fixed: lines joining the symbols of a joint step, then
each step's arrow to the next row, then the arrows to the next page and from the previous
one that need no lane, then the exits of every other arrow are reserved (a free side of
the symbol, or a point on its lower or upper edge once the sides are taken), then those
arrows are routed through vertical lanes, and last the remaining arrows from other pages.

Every route after the fixed ones is searched. Candidates come in order of preference:
comfortable lanes beside the column boundaries (where no symbol can be), denser lanes
between those, lanes through stretches of a column where no symbol stands, and only then
lanes in a margin right of the last column, which widens the drawing. The first candidate
that crosses no symbol and runs along no other line is kept, so every legal flow gets
drawn. Off-page connectors that do not fit their connector row go to a further one.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

from ...model.drawn import inner_text
from ...model.flow import Edge, continues, edges as flow_edges, has_second_decision, leaving_exits
from ...model.sop import CONTINUED, Sop
from ..symbols import step_shape
from .geometry import (
    BAND_PAD,
    EDGE,
    GRID_CLEAR,
    LABEL_GAP,
    LABEL_HEIGHT,
    LABEL_SIZE,
    Connector,
    Label,
    Metrics,
    PageLayout,
    Point,
    Row,
    ROW_PAD,
    RowKind,
    Shape,
    Symbol,
)
from .font_metrics import text_width

JOG = 8.0  # how far outside a symbol a line turns
EXIT_JOG = JOG + 4  # below a symbol, where an exit turns (room for its label)
LEVEL_STEP = 5.0  # between further turning levels beside one symbol
BAND_JOG = 6.0  # between turning levels in a connector row
SLOT_GAP = 6.0  # between two off-page connectors in one row
MARGIN_LANE = 6.0  # between lanes right of the last column
FAN_SPACINGS = (4.0, 2.0, 1.0)  # between exits leaving one edge of a symbol, widest first
TOLERANCE = 0.5  # px: closer than this, two lines overlap or a line touches a symbol
LABEL_CLEAR = 1.0  # px: between a label and any line, symbol or other label
LABEL_ROOM = LABEL_HEIGHT + 2 * LABEL_GAP  # a labelled exit's turning level below the one before it
FALLBACKS = 60  # first segments (label places) compared when none leaves its label a free box
# Lines checked, once a route has found a free line whose label has no free box, before it settles for
# the best of the places compared so far: a crowded label is looked for in a bounded search, whatever
# the number of lanes, ports and connector rows (enough for every place an ordinary SOP compares).
LABEL_SEARCH = 1500


@lru_cache(maxsize=4096)
def _label_width(text: str) -> float:
    return round(text_width(text, LABEL_SIZE) + 1.0, 1)


def letters(count: int) -> list[str]:
    result = []
    for i in range(count):
        text = ""
        n = i
        while True:
            text = string.ascii_uppercase[n % 26] + text
            n = n // 26 - 1
            if n < 0:
                break
        result.append(text)
    return result


def stacked(sop: Sop, step: int) -> bool:
    """Is the step drawn as two decisions stacked in its column (a second decision, one actor)?"""
    return has_second_decision(sop.steps[step]) and len(sop.steps[step].actors) == 1


def _adjacent_edges(sop: Sop, all_edges: list[Edge]) -> set[int]:
    """Positions (in `all_edges`) of each step's first edge to the next row. Of a step with two
    stacked decisions only the second's exits can leave straight down (the first's bottom holds
    the arrow into the second)."""
    seen: set[int] = set()
    chosen: set[int] = set()
    for i, edge in enumerate(all_edges):
        if stacked(sop, edge.source) and edge.decision == 0:
            continue
        if edge.target == edge.source + 1 and edge.source not in seen:
            seen.add(edge.source)
            chosen.add(i)
    return chosen


@dataclass(frozen=True, slots=True)
class _Route:
    index: int  # position in the SOP's edge list
    edge: Edge
    adjacent: bool
    letter: str | None


def layout_pages(sop: Sop, pages: list[range], metrics: Metrics) -> list[PageLayout]:
    """Lay out the flowchart of `sop` split into `pages` (contiguous ranges of step indices)."""
    flowchart = Flowchart(sop, metrics)
    return [flowchart.page(pages, k) for k in range(len(pages))]


class Flowchart:
    """One SOP's flowchart in columns of one width, laid out a page at a time.

    A page's drawing depends only on its own steps (which arrows stay on it, which leave for an
    earlier or a later page) and on the letters of its off-page connectors, and those letters only
    on the pages up to it (they are given in page order). So a page is laid out once for the pages
    before it and its own steps, however often the pages after it are split again: the print plan
    moves a page break a step at a time without laying out every page anew."""

    def __init__(self, sop: Sop, metrics: Metrics):
        self.sop = sop
        self.metrics = metrics
        self.edges = flow_edges(sop)
        self.adjacent = _adjacent_edges(sop, self.edges)
        self._laid: dict[tuple[range, ...], PageLayout] = {}

    def page(self, pages: Sequence[range], k: int) -> PageLayout:
        """Page `k` of the split `pages` (only pages[:k + 1] matter)."""
        key = tuple(pages[: k + 1])
        if key not in self._laid:
            self._laid[key] = self._build(key)
        return self._laid[key]

    def connectors(self, steps: range) -> tuple[int, int]:
        """How many off-page connectors a page of these steps holds in its connector rows above and
        below the steps: one for each arrow between its steps and another page's."""
        above = below = 0
        for e in self.edges:
            source, target = e.source in steps, e.target in steps
            if source != target:
                other = e.target if source else e.source
                if (other < steps.start) == source:  # out to an earlier page, or in from one
                    above += 1
                else:
                    below += 1
        return above, below

    def connectors_per_row(self) -> int:
        """The most off-page connectors one connector row holds: SLOT_GAP apart, within the columns."""
        hw = self.metrics.half_widths[Shape.OFF_PAGE]
        room = len(self.sop.columns) * self.metrics.column_width - 2 * hw
        return max(1, int(room // (2 * hw + SLOT_GAP)) + 1)

    def _build(self, pages: tuple[range, ...]) -> PageLayout:
        k = len(pages) - 1
        page_of = {step: k + 1 for step in range(len(self.sop.steps))}  # the steps after page k: any later page
        page_of.update({step: p for p, steps in enumerate(pages) for step in steps})
        all_edges = self.edges
        # lettered in page order: every arrow to or from page k has its earlier page among pages[:k + 1]
        crossing = sorted(
            (i for i, e in enumerate(all_edges) if page_of[e.source] != page_of[e.target]),
            key=lambda i: (min(page_of[all_edges[i].source], page_of[all_edges[i].target]), all_edges[i].source, i),
        )
        letter_of = dict(zip(crossing, letters(len(crossing))))
        here = set(pages[k])
        routes = [
            _Route(i, e, i in self.adjacent, letter_of.get(i))
            for i, e in enumerate(all_edges)
            if e.source in here or e.target in here
        ]
        return _PageBuilder(self.sop, pages[k], routes, page_of, k, self.metrics).build()


# -- occupancy: what a new line must not cross or run along ----------------------------------------

_Key = tuple[int, float]  # a height on the page: (row, dy), ordered top to bottom


def _key(p: Point) -> _Key:
    if p.dy >= EDGE:
        return (p.row + 1, -EDGE)  # a row's bottom edge is the next row's top edge
    return (p.row, max(-EDGE, p.dy))


class _Stretch(NamedTuple):  # a tuple: made and hashed in every check, many times per line searched
    """One straight piece of a connector: a vertical at x = line, or a horizontal at (row, dy) = line."""

    vertical: bool
    line: float | _Key
    lo: _Key | float
    hi: _Key | float


def _stretches(points: list[Point]) -> list[_Stretch]:
    result = []
    for p, q in zip(points, points[1:]):
        if p.x == q.x:
            lo, hi = sorted((_key(p), _key(q)))
            if lo != hi:
                result.append(_Stretch(True, p.x, lo, hi))
        elif p.row == q.row and p.dy == q.dy:
            result.append(_Stretch(False, (p.row, p.dy), min(p.x, q.x), max(p.x, q.x)))
        else:
            raise ValueError(f"diagonal line {p} -> {q}")  # the routes below never build one
    return result


def _overlap(a: _Stretch, b: _Stretch) -> bool:
    if a.vertical != b.vertical:
        return False
    if a.vertical:
        if abs(a.line - b.line) >= TOLERANCE:
            return False
        lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
        return lo < hi and (lo[0] != hi[0] or hi[1] - lo[1] > TOLERANCE)
    return a.line == b.line and min(a.hi, b.hi) - max(a.lo, b.lo) > TOLERANCE


def _cuts(vertical: _Stretch, joint: _Stretch) -> bool:
    """Does a vertical stretch cross the (horizontal) line joining a joint step's symbols?"""
    return (
        vertical.vertical
        and joint.lo < vertical.line < joint.hi
        and vertical.lo < joint.line < vertical.hi
    )


def _crosses(stretch: _Stretch, s: Symbol) -> bool:
    """Does the stretch run through the inside of the symbol's box?"""
    x0, x1 = s.x - s.half_width + TOLERANCE, s.x + s.half_width - TOLERANCE
    y0, y1 = s.top + TOLERANCE, s.bottom - TOLERANCE
    if stretch.vertical:
        if not x0 < stretch.line < x1:
            return False
        lo_row, lo = stretch.lo
        hi_row, hi = stretch.hi
        lo = lo if lo_row == s.row else (-EDGE if lo_row < s.row else EDGE)
        hi = hi if hi_row == s.row else (EDGE if hi_row > s.row else -EDGE)
        return lo < y1 and hi > y0
    row, dy = stretch.line
    return row == s.row and y0 < dy < y1 and stretch.lo < x1 and stretch.hi > x0


def _hits(stretch: _Stretch, box: Label) -> bool:
    """Does the stretch come within LABEL_CLEAR of the label's box?"""
    c = LABEL_CLEAR
    if stretch.vertical:
        if not box.x0 - c < stretch.line < box.x1 + c:
            return False
        lo_row, lo = stretch.lo
        hi_row, hi = stretch.hi
        lo = lo if lo_row == box.row else (-EDGE if lo_row < box.row else EDGE)
        hi = hi if hi_row == box.row else (EDGE if hi_row > box.row else -EDGE)
        return lo < box.y1 + c and hi > box.y0 - c
    row, dy = stretch.line
    return row == box.row and box.y0 - c < dy < box.y1 + c and stretch.lo < box.x1 + c and stretch.hi > box.x0 - c


def _covers(s: Symbol, box: Label) -> bool:
    """Does the label's box come within LABEL_CLEAR of the symbol's box?"""
    c = LABEL_CLEAR
    return (
        s.row == box.row
        and box.x0 < s.x + s.half_width + c
        and s.x - s.half_width < box.x1 + c
        and box.y0 < s.bottom + c
        and s.top < box.y1 + c
    )


class _Board:
    """The symbols, lines and labels laid so far."""

    def __init__(self) -> None:
        self.labels: dict[int, list[Label]] = {}  # by row
        self.symbols: dict[int, list[Symbol]] = {}
        self.verticals: dict[int, list[tuple[_Stretch, int | None]]] = {}  # by rounded x
        self.horizontals: dict[int, list[tuple[_Stretch, int | None]]] = {}  # by row
        self.levels: dict[_Key, list[tuple[_Stretch, int | None]]] = {}  # horizontals by (row, dy)
        self.joints: list[_Stretch] = []  # the lines joining the symbols of a joint step
        # Whether a stretch may be laid, by what it is checked against: a search asks of the same lane
        # or first segment for many lines, and the board changes only between searches.
        self._clear: dict[tuple, bool] = {}
        self.checks = 0  # lines checked so far (the measure of a search's work)

    def place(self, symbol: Symbol) -> None:
        self.symbols.setdefault(symbol.row, []).append(symbol)
        self._clear.clear()

    def add(self, points: list[Point], target: int | None) -> None:
        for st in _stretches(points):
            if st.vertical:
                self.verticals.setdefault(round(st.line), []).append((st, target))
            else:
                self.horizontals.setdefault(st.line[0], []).append((st, target))
                self.levels.setdefault(st.line, []).append((st, target))
        self._clear.clear()

    def join(self, points: list[Point]) -> None:
        self.joints += _stretches(points)
        self._clear.clear()

    def label(self, box: Label) -> None:
        self.labels.setdefault(box.row, []).append(box)
        self._clear.clear()

    def unlabel(self, box: Label) -> None:
        self.labels[box.row].remove(box)
        self._clear.clear()

    def label_fits(self, box: Label, own: Iterable[_Stretch] = ()) -> bool:
        """Is the box clear of every symbol, line and label (and of the lines in `own`)?"""
        if any(_covers(s, box) for s in self.symbols.get(box.row, ())):
            return False
        if any(box.overlaps(other, LABEL_CLEAR) for other in self.labels.get(box.row, ())):
            return False
        near = [st for b in range(int(box.x0) - 2, int(box.x1) + 3) for st, _ in self.verticals.get(b, ())]
        near += [st for st, _ in self.horizontals.get(box.row, ())]
        return not any(_hits(st, box) for st in [*near, *own])

    def fits(self, symbol: Symbol, clearance: float) -> bool:
        """A new symbol keeps `clearance` from the row's other symbols and sits on no line."""
        for other in self.symbols.get(symbol.row, ()):
            if abs(other.x - symbol.x) < other.half_width + symbol.half_width + clearance:
                return False
        near = [
            st
            for b in range(int(symbol.x - symbol.half_width) - 1, int(symbol.x + symbol.half_width) + 2)
            for st, _ in self.verticals.get(b, ())
        ]
        near += [st for st, _ in self.horizontals.get(symbol.row, ())]
        return not any(_crosses(st, symbol) for st in near)

    def free(
        self,
        points: list[Point],
        target: int | None,
        ignore: Symbol | None = None,
        extra: Iterable[Symbol] = (),
        labels: bool = True,
        joints: bool = False,
    ) -> bool:
        """Can a connector run along `points`? Lines may share a stretch only on the way into one target.
        `ignore`: a symbol the first stretch leaves from its edge (it starts inside the symbol's box).
        `joints`: nor cross a line joining the symbols of a joint step."""
        self.checks += 1
        stretches = _stretches(points)
        extra = list(extra)
        for i, st in enumerate(stretches):
            key = (st, target, id(ignore) if i == 0 and ignore is not None else None, labels, joints)
            clear = self._clear.get(key)
            if clear is None:
                clear = self._clear[key] = self._stretch_clear(st, target, ignore if i == 0 else None, labels, joints)
            if not clear:
                return False
            if any(_crosses(st, s) for s in extra):
                return False
            if any(_overlap(st, other) for other in stretches[:i]):
                return False
        return True

    def _stretch_clear(self, st: _Stretch, target: int | None, ignore: Symbol | None, labels: bool, joints: bool) -> bool:
        """Does the stretch keep off the symbols (but `ignore`), the labels, the other lines and
        (`joints`) the lines joining a joint step's symbols?"""
        if joints and any(_cuts(st, joint) for joint in self.joints):
            return False
        for s in self._symbols_along(st):
            if s is not ignore and _crosses(st, s):
                return False
        if labels and any(_hits(st, box) for box in self._labels_along(st)):
            return False
        for other, other_target in self._lines_along(st):
            if (target is None or other_target != target) and _overlap(st, other):
                return False
        return True

    def _symbols_along(self, st: _Stretch) -> Iterator[Symbol]:
        rows = range(st.lo[0], st.hi[0] + 1) if st.vertical else (st.line[0],)
        for row in rows:
            yield from self.symbols.get(row, ())

    def _labels_along(self, st: _Stretch) -> Iterator[Label]:
        rows = range(st.lo[0], st.hi[0] + 1) if st.vertical else (st.line[0],)
        for row in rows:
            yield from self.labels.get(row, ())

    def _lines_along(self, st: _Stretch) -> Iterator[tuple[_Stretch, int | None]]:
        if st.vertical:
            for b in (round(st.line) - 1, round(st.line), round(st.line) + 1):
                yield from self.verticals.get(b, ())
        else:  # only a horizontal at the same height can run along it
            yield from self.levels.get(st.line, ())


# -- routing one page ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Port:
    """Where an exit leaves its symbol, and which way it heads first."""

    symbol: Symbol
    tag: str  # "left", "right", "bottom", or "fan:<heading>:<offset>" for a point on an edge
    point: Point
    heading: str  # "left", "right", "down", "up"

    @property
    def on_edge(self) -> bool:
        return self.tag.startswith("fan:")


@dataclass(slots=True)
class _Candidate:
    points: list[Point]
    port: _Port | None = None
    entry: tuple[Symbol, str] | None = None  # the target symbol and the side tag it is entered by
    pentagon: Symbol | None = None
    levels: tuple[tuple, ...] = ()  # turning levels it takes: ("step", row, below, dy) or ("band", row)
    label: Label | None = None  # the exit's label, beside the first segment
    crowded: bool = False  # the label's box is not free of everything (no route left one free)


class _PageBuilder:
    def __init__(self, sop: Sop, steps: range, routes: list[_Route], page_of: dict[int, int], page: int, metrics: Metrics):
        self.sop = sop
        self.steps = steps
        self.page = page
        self.page_of = page_of
        self.metrics = metrics
        self.n = len(sop.columns)
        self.column_of = {role: i for i, role in enumerate(sop.columns)}
        here = set(steps)
        self.local = [r for r in routes if r.edge.source in here and r.edge.target in here]
        self.out_down = [r for r in routes if r.edge.source in here and page_of[r.edge.target] > page]
        self.out_up = [r for r in routes if r.edge.source in here and page_of[r.edge.target] < page]
        self.in_down = [r for r in routes if r.edge.target in here and page_of[r.edge.source] < page]
        self.in_up = [r for r in routes if r.edge.target in here and page_of[r.edge.source] > page]
        # Rows are numbered while routing as: steps 0.., connector rows above them -1, -2, ..
        # (nearest first) and below them len(steps), len(steps) + 1, ..; renumbered at the end.
        self.row_of = {step: i for i, step in enumerate(steps)}
        self.bands: dict[str, list[int]] = {"top": [], "bottom": []}
        self.symbols: list[Symbol] = []
        self.by_step: dict[int, list[Symbol]] = {}  # the symbols arrows enter (and the first decision's exits leave)
        self.second: dict[int, Symbol] = {}  # step -> its second decision, stacked below the first
        self.connectors: list[Connector] = []
        self.sides: dict[int, set[str]] = {}  # id(symbol) -> {"out:left", "in:top", "joint:right", ...}
        self.levels: dict[tuple, int] = {}  # ("band", row) -> turning levels used
        self.depth: dict[tuple[int, bool], float] = {}  # (row, below) -> farthest turning level or label from the centre
        self.half_height: dict[int, float] = {}  # step row -> its symbols' half height
        # route index -> the exit reserved for it: (port, turning level or None, label box)
        self.planned: dict[int, tuple[_Port, float | None, Label]] = {}
        self.heads: dict[int, list[_Stretch]] = {}  # route index -> first stretch of its reserved exit
        self.margin = 0.0
        self.roomless: set[tuple[Point, Point]] = set()  # first segments the current search found no label room beside
        self.search_end: int | None = None  # board.checks at which the current search stops looking for label room
        self.labels_bar = True
        self.joints_bar = False  # does a line joining a joint step's symbols bar a line?
        self.board = _Board()
        self._lane_cache: dict[int, list[float]] = {}
        self._slot_cache: dict[float, list[float]] = {}
        self._port_cache: dict[tuple[int, int, bool], list[_Port]] = {}
        self.pentagon_size = (metrics.half_widths[Shape.OFF_PAGE], metrics.half_heights[Shape.OFF_PAGE])

    @property
    def columns_width(self) -> float:
        return self.n * self.metrics.column_width

    # -- symbols ---------------------------------------------------------------------------
    def _place_symbols(self) -> None:
        m = self.metrics
        for step in self.steps:
            shape = step_shape(self.sop, step)
            columns = sorted(self.column_of[a] for a in self.sop.steps[step].actors)
            question = inner_text(self.sop, step)  # a diamond's question, a symbol on a branch's text
            placed = [
                Symbol(shape, self.row_of[step], m.column_center(c), m.half_widths[shape], m.half_heights[shape], step, c,
                       text=question)
                for c in columns
            ]
            self.by_step[step] = placed
            self.half_height[self.row_of[step]] = m.half_heights[shape]
            if stacked(self.sop, step):
                self._place_second(step, placed[0])
                continue
            for symbol in placed:
                self._add_symbol(symbol)
            # a hand-over runs the other way when its first actor stands right of the next (checks
            # keep its order one way along the row)
            handover = self.sop.steps[step].handover
            backwards = handover and self.column_of[self.sop.steps[step].actors[0]] > self.column_of[self.sop.steps[step].actors[-1]]
            for left, right in zip(placed, placed[1:]):
                line = [right.port("left"), left.port("right")] if backwards else [left.port("right"), right.port("left")]
                self._add_connector(Connector(line, arrow=handover, source=step, target=step, joint=True))
                self._use(left, "joint:right")
                self._use(right, "joint:left")

    def _place_second(self, step: int, symbol: Symbol) -> None:
        """The step's two decisions, one above the other in its column, and the labelled arrow from
        the first down to the second: arrows come into the first, the second's exits leave the second."""
        d = self.metrics.second_offset
        first, second = replace(symbol, dy=-d), replace(symbol, dy=d, text=self.sop.steps[step].link.question)
        self.by_step[step] = [first]
        self.second[step] = second
        self.half_height[first.row] = d + symbol.half_height
        self._add_symbol(first)
        self._add_symbol(second)
        label = self.sop.steps[step].link.label
        points = [first.port("bottom"), second.port("top")]
        box = self._fit_label(points, label)
        connector = Connector(
            points, label=label, label_box=box or self._fit_label(points, label, anyhow=True),
            label_crowded=box is None, source=step, target=step, link=True,
        )
        self._add_connector(connector)
        self._place_label(connector.label_box)
        self._use(first, "out:bottom")
        self._use(second, "in:top")

    def _sources(self, step: int, decision: int) -> list[Symbol]:
        """The symbols an exit of the step's first (0) or second (1) decision may leave from."""
        if decision and step in self.second:
            return [self.second[step]]
        return self.by_step[step]

    def _add_symbol(self, symbol: Symbol) -> None:
        self.symbols.append(symbol)
        self.board.place(symbol)

    def _add_connector(self, connector: Connector) -> None:
        # A joining line is shared with nothing, not even an arrow into its own step: every arrow
        # starts and ends on a symbol, never along (or in the middle of) the joining line.
        self.board.add(connector.points, None if connector.joint or connector.link else connector.target)
        if connector.joint:
            self.board.join(connector.points)
        self.connectors.append(connector)

    def _use(self, symbol: Symbol, tag: str) -> None:
        self.sides.setdefault(id(symbol), set()).add(tag)

    def _busy(self, symbol: Symbol, side: str, incoming_ok: bool = False) -> bool:
        tags = self.sides.get(id(symbol), set())
        blocked = {f"out:{side}", f"joint:{side}"} | (set() if incoming_ok else {f"in:{side}"})
        return bool(tags & blocked)

    # -- exits -----------------------------------------------------------------------------------
    def _ports(self, step: int, going_up: bool, decision: int = 0) -> list[_Port]:
        """Every way out of the step's symbols (of its first or second decision), most preferred first."""
        if (step, decision, going_up) not in self._port_cache:
            self._port_cache[(step, decision, going_up)] = self._all_ports(step, going_up, decision)
        return self._port_cache[(step, decision, going_up)]

    def _all_ports(self, step: int, going_up: bool, decision: int) -> list[_Port]:
        placed = self._sources(step, decision)
        ports = []
        for side in ("left", "right", "bottom") if going_up else ("right", "left", "bottom"):
            symbols = [placed[0]] if side == "left" else [placed[-1]] if side == "right" else placed[::-1]
            heading = "down" if side == "bottom" else side
            ports += [_Port(s, side, s.port(side), heading) for s in symbols]
        headings = ("up", "down") if going_up else ("down", "up")
        if step in self.second:  # stacked: nothing leaves between the two decisions
            ports = [p for p in ports if not (decision == 0 and p.tag == "bottom")]
            headings = tuple(h for h in headings if h != ("down" if decision == 0 else "up"))
        for spacing in FAN_SPACINGS:
            for s in placed[::-1]:
                for heading in headings:
                    ports += [self._fan_port(s, d, heading) for d in self._fan_offsets(s, spacing)]
        return ports

    @staticmethod
    def _fan_offsets(s: Symbol, spacing: float) -> list[float]:
        """Offsets from the centre, along an edge, first used at this spacing."""
        limit = s.half_width - (s.half_height if s.shape is Shape.TERMINATOR else 0.0) - 3
        ks = [
            k
            for k in range(1, int(limit / spacing) + 1)
            if spacing == FAN_SPACINGS[0] or (k * spacing) % (2 * spacing)  # not offered at a wider spacing
        ]
        # Outermost first: an exit reserved earlier turns nearer the symbol, so the label on the
        # outer side of its first segment stays clear of the exits reserved after it (further in,
        # turning further out).
        return [offset for k in reversed(ks) for offset in (k * spacing, -k * spacing)]

    @staticmethod
    def _fan_port(s: Symbol, d: float, heading: str) -> _Port:
        if s.shape is Shape.DECISION:
            dy = s.half_height * (1 - abs(d) / s.half_width)
        else:
            dy = s.half_height
        dy = s.dy + (dy if heading == "down" else -dy)
        return _Port(s, f"fan:{heading}:{d}", Point(s.row, s.x + d, dy), heading)

    def _port_free(self, port: _Port) -> bool:
        if port.on_edge:
            return f"out:{port.tag}" not in self.sides.get(id(port.symbol), set())
        return not self._busy(port.symbol, port.tag)

    def _reserve(self, route: _Route) -> _Port:
        """The exit's port and, for a labelled exit, the room for its label beside the first segment:
        reserved before any long line is routed, so those lines go round the label."""
        going_up = self.page_of[route.edge.target] < self.page or route.edge.target < route.edge.source
        free = [p for p in self._ports(route.edge.source, going_up, route.edge.decision) if self._port_free(p)]
        port = free[0]
        if route.edge.label is not None:
            # without room anywhere, at least a port whose label can stand inside the drawing
            port = next((p for p in free if self._label_inside(p, route.edge.label)), port)
            for candidate in free:
                plan = self._plan_label(candidate, route.edge.label)
                if plan is not None:
                    port = candidate
                    level, box, head = plan
                    self.planned[route.index] = (port, level, box)
                    self.heads[route.index] = _stretches(head)
                    if level is not None:
                        self._deepen(port.symbol.row, level)
                    self._place_label(box)
                    break
        self._use(port.symbol, f"out:{port.tag}")
        return port

    # -- labels ------------------------------------------------------------------------------------
    @staticmethod
    def _label_width(text: str) -> float:
        return _label_width(text)

    def _label_inside(self, port: _Port, text: str) -> bool:
        s = port.symbol
        sign = {"right": 1, "left": -1}.get(port.heading, 0)
        dy = s.dy + {"down": 1, "up": -1}.get(port.heading, 0) * (s.half_height + LABEL_ROOM)
        head = [port.point, Point(s.row, port.point.x + sign * JOG, port.point.dy if sign else dy)]
        right = self.columns_width + self.margin - LABEL_CLEAR
        return any(LABEL_CLEAR <= box.x0 and box.x1 <= right for box in self._label_spots(head, self._label_width(text)))

    def _plan_label(self, port: _Port, text: str) -> tuple[float | None, Label, list[Point]] | None:
        """The turning level and label box of an exit leaving by `port`, or None when its label
        (or its first segment) has no room."""
        s = port.symbol
        if port.heading in ("left", "right"):
            level = None
            sign = 1 if port.heading == "right" else -1
            head = [port.point, Point(s.row, port.point.x + sign * JOG, port.point.dy)]
        else:
            level = self._exit_level(s, port.heading == "down", labelled=True)
            head = [port.point, Point(s.row, port.point.x, level)]
        ignore = s if port.on_edge else None
        if not self.board.free(head, None, ignore) or any(_overlap(a, b) for a in _stretches(head) for b in self._heads()):
            return None
        spots = list(self._label_spots(head, self._label_width(text), right_first=port.point.x >= s.x))
        if port.on_edge:  # only on the outer side: the inner side is where the next exits leave
            spots = [box for box in spots if (box.x0 > port.point.x) == (port.point.x > s.x)]
        for box in spots:
            if self._label_fits(box, _stretches(head)):
                return level, box, head
        return None

    def _label_spots(self, points: list[Point], width: float, right_first: bool = True) -> Iterator[Label]:
        """Boxes beside the first segment of a line along `points`, most preferred first: above a
        horizontal (then below), on one side of a vertical (then the other), at its far end (when
        that lies in the same row) and then at its start."""
        p, q = points[0], points[1]
        h = LABEL_HEIGHT
        if p.row == q.row and p.dy == q.dy:
            right = q.x > p.x
            starts = [p.x + LABEL_GAP if right else p.x - LABEL_GAP - width]
            # then along the line, just past each column border it crosses (a label never straddles one)
            w = self.metrics.column_width
            borders = [k * w for k in range(1, self.n) if min(p.x, q.x) < k * w < max(p.x, q.x)]
            clear = LABEL_CLEAR + 0.5
            starts += [g + clear if right else g - clear - width for g in (borders if right else borders[::-1])]
            for x0 in starts:
                for y1 in (p.dy - LABEL_GAP, p.dy + LABEL_GAP + h):
                    yield Label(p.row, x0, x0 + width, y1 - h, y1)
            return
        down = _key(q) > _key(p)
        spans = []
        if q.row == p.row and abs(q.dy) < EDGE:
            spans.append((q.dy - LABEL_GAP - h, q.dy - LABEL_GAP) if down else (q.dy + LABEL_GAP, q.dy + LABEL_GAP + h))
        spans.append((p.dy + LABEL_GAP, p.dy + LABEL_GAP + h) if down else (p.dy - LABEL_GAP - h, p.dy - LABEL_GAP))
        for y0, y1 in spans:
            for right in (right_first, not right_first):
                x0 = p.x + LABEL_GAP if right else p.x - LABEL_GAP - width
                yield Label(p.row, x0, x0 + width, y0, y1)

    def _label_fits(self, box: Label, own: Iterable[_Stretch], extra: Sequence[Symbol] = ()) -> bool:
        """Inside the drawing (a label never widens it), clear of everything laid or reserved so far
        and of `extra`, the symbol its own line is about to add (an end capsule)."""
        right = max([self.columns_width + self.margin] + [s.x + s.half_width + MARGIN_LANE for s in extra])
        inside = LABEL_CLEAR <= box.x0 and box.x1 <= right - LABEL_CLEAR
        if not inside or self._grid_crossed(box) or any(_covers(s, box) for s in extra):
            return False
        return self.board.label_fits(box, [*own, *self._heads()])

    def _grid_crossed(self, box: Label) -> int:
        """How many column borders (gridlines) the box comes within LABEL_CLEAR of."""
        w = self.metrics.column_width
        return sum(box.x0 - LABEL_CLEAR < k * w < box.x1 + LABEL_CLEAR for k in range(1, self.n))

    def _heads(self) -> list[_Stretch]:
        return [st for stretches in self.heads.values() for st in stretches]

    def _fit_label(self, points: list[Point], text: str, anyhow: bool = False, extra: Sequence[Symbol] = ()) -> Label | None:
        """The first free box beside the first segment of a line about to be laid along `points`
        (`anyhow`: the first box at all, when no line that route could take leaves one free)."""
        own = _stretches(points)
        spots = list(self._label_spots(points, self._label_width(text)))
        found = next((box for box in spots if self._label_fits(box, own, extra)), None)
        if found is not None or not anyhow:
            return found
        return min(spots, key=lambda box: self._label_score(box, points))

    def _label_score(self, box: Label, points: list[Point]) -> tuple[bool, bool, int]:
        """Lower is better: a box inside the drawing first, then a line that does not widen the drawing
        (a label crossing a gridline is drawn on a gap in it; a wider drawing squeezes every page), then
        the fewest clashes."""
        right = self.columns_width + self.margin
        outside = box.x0 < LABEL_CLEAR or box.x1 > right - LABEL_CLEAR
        widens = any(p.x > right for p in points)
        return (outside, widens, self._clashes(box, _stretches(points)))

    def _clashes(self, box: Label, own: list[_Stretch]) -> int:
        """How many symbols, lines and labels the box touches (for a label that cannot avoid all)."""
        b = self.board
        near = range(int(box.x0) - 2, int(box.x1) + 3)  # only a vertical this near can come within LABEL_CLEAR
        lines = [st for sts in (*(b.verticals.get(k, ()) for k in near), b.horizontals.get(box.row, ())) for st, _ in sts]
        return (
            self._grid_crossed(box)
            + sum(_covers(s, box) for s in b.symbols.get(box.row, ()))
            + sum(box.overlaps(other, LABEL_CLEAR) for other in b.labels.get(box.row, ()))
            + sum(_hits(st, box) for st in [*lines, *own, *self._heads()])
        )

    def _place_label(self, box: Label) -> None:
        """Put the label on the board; a label beyond its symbol pushes later turning levels out."""
        self.board.label(box)
        if box.y0 > 0:
            self._deepen(box.row, box.y1)
        elif box.y1 < 0:
            self._deepen(box.row, box.y0)
        right = box.x1 + LABEL_CLEAR
        if right > self.columns_width:
            self.margin = max(self.margin, right - self.columns_width + MARGIN_LANE)

    def _deepen(self, row: int, dy: float) -> None:
        below = dy > 0
        self.depth[(row, below)] = max(self._depth(row, below), abs(dy))

    def _depth(self, row: int, below: bool) -> float:
        """How far from the row's centre the last turning level (or label) beyond the symbols lies."""
        hh = self.half_height[row]
        return self.depth.get((row, below), hh if below else hh + JOG)  # -(hh + JOG): where arrows enter a top

    def _exit_level(self, s: Symbol, below: bool, labelled: bool) -> float:
        """The next turning level below (or above) the row's symbols; a labelled exit's leaves room
        for its label between it and the level before."""
        depth = self._depth(s.row, below)
        if labelled:
            level = depth + LABEL_ROOM + LABEL_CLEAR
        elif (s.row, below) not in self.depth and below:
            level = self.half_height[s.row] + EXIT_JOG
        else:
            level = depth + LEVEL_STEP
        return level if below else -level

    def _plans(self, route: _Route, reserved: _Port) -> Iterator[tuple[_Port, bool]]:
        """(port, in the margin?) to try: the reserved port, a few other free ones, then the margin."""
        yield reserved, False
        going_up = self.page_of[route.edge.target] < self.page or route.edge.target < route.edge.source
        free = [
            p for p in self._ports(route.edge.source, going_up, route.edge.decision) if p != reserved and self._port_free(p)
        ]
        label = route.edge.label
        outside = [p for p in free if label is not None and not self._label_inside(p, label)]
        free = [p for p in free if p not in outside]  # ports whose label would stand outside: last
        sides = [p for p in free if not p.on_edge]
        fans = [p for p in free if p.on_edge]
        for port in sides + fans[:2]:
            yield port, False
        yield reserved, True
        for port in fans:  # from an edge point, a margin lane is always reachable
            yield port, True
        for port in outside:
            yield port, False
            yield port, True

    def _leave(self, port: _Port, lane: float, route: _Route | None, labelled: bool = False) -> tuple[list[Point], tuple[tuple, ...]]:
        """From the port to the lane, in the port's row (at the turning level reserved with the port)."""
        row = port.symbol.row
        if port.heading in ("left", "right"):
            return [port.point, Point(row, lane, port.point.dy)], ()
        below = port.heading == "down"
        plan = self.planned.get(route.index) if route is not None else None
        if plan is not None and plan[0] == port and plan[1] is not None:
            dy = plan[1]
        else:
            labelled = labelled if route is None else route.edge.label is not None
            dy = self._exit_level(port.symbol, below, labelled=labelled)
        return [port.point, Point(row, port.point.x, dy), Point(row, lane, dy)], (("step", row, dy),)

    def _turn_blocked(self, port: _Port, head: list[Point], target: int | None) -> bool:
        """Is the first segment of a line leaving up or down by the port (to its turning level, the
        same whatever lane the line turns to) roomless for its label or not free?"""
        if port.heading not in ("up", "down"):
            return False
        return self._roomless(head) or not self._free(head[:2], target, port)

    @staticmethod
    def _boundary(port: _Port) -> int:
        if port.tag == "left" or (port.on_edge and port.point.x < port.symbol.x):
            return port.symbol.column
        return port.symbol.column + 1

    # -- entries ------------------------------------------------------------------------------------
    def _entries(self, targets: list[Symbol], lane: float) -> Iterator[tuple[list[Point], tuple[Symbol, str]]]:
        """From a lane at the targets' row into the nearer side of a target, or down into its top."""
        for t in sorted(targets, key=lambda t: (abs(t.x - lane), t.x)):
            side = "left" if lane < t.x else "right"
            if not self._busy(t, side, incoming_ok=True):
                yield [Point(t.row, lane, t.dy), t.port(side)], (t, f"in:{side}")
            dy = t.top - JOG
            yield [Point(t.row, lane, dy), Point(t.row, t.x, dy), t.port("top")], (t, "in:top")

    # -- lanes and connector rows --------------------------------------------------------------------
    def _lanes(self, boundary: int, margin: bool) -> Iterable[float]:
        if not margin:
            return self._inner_lanes(boundary)
        right = self.columns_width
        return [right + MARGIN_LANE * k for k in range(1, int(self.margin / MARGIN_LANE) + 3)]

    def _inner_lanes(self, boundary: int) -> list[float]:
        if boundary not in self._lane_cache:
            m, n = self.metrics, self.n
            order = [boundary] + [b for d in range(1, n + 1) for b in (boundary - d, boundary + d) if 0 <= b <= n]
            xs = [
                k * m.column_width + offset
                for offsets in (m.lane_offsets, m.dense_lane_offsets)
                for k in order
                for offset in offsets
                if not ((k == 0 and offset <= 0) or (k == n and offset >= 0))
            ]
            columns = sorted(range(n), key=lambda c: (abs(c + 0.5 - boundary), c))
            xs += [m.column_center(c) + offset for c in columns for offset in m.interior_lane_offsets]
            self._lane_cache[boundary] = list(dict.fromkeys(xs))
        return self._lane_cache[boundary]

    def _steps_edge(self, x: float, below: bool) -> Point:
        """On the bottom (or top) edge of the page's steps: every connector row lies beyond it."""
        return Point(len(self.steps) - 1, x, EDGE) if below else Point(0, x, -EDGE)

    def _band_rows(self, band: str) -> list[int]:
        """The band's connector rows, nearest the steps first, and the one that would come next."""
        rows = self.bands[band]
        new = -(len(rows) + 1) if band == "top" else len(self.steps) + len(rows)
        return rows + [new]

    def _band_level(self, row: int) -> float:
        used = self.levels.get(("band", row), 0)
        return self.metrics.half_heights[Shape.OFF_PAGE] + BAND_JOG * (used + 1)

    def _slots(self, row: int, preferred: float, fitting: dict[tuple[int, float], bool]) -> Iterator[float]:
        """Where an off-page connector fits in the row: under a column or on a boundary, nearest
        `preferred` first, then anywhere else. `fitting` remembers the answers during one search."""
        for x in self._slot_order(preferred):
            if (row, x) not in fitting:
                fitting[(row, x)] = self.board.fits(self._pentagon(row, x, None), SLOT_GAP)
            if fitting[(row, x)]:
                yield x

    def _slot_order(self, preferred: float) -> list[float]:
        """The places of an off-page connector in a row, in the order _slots tries them."""
        if preferred not in self._slot_cache:
            m, hw = self.metrics, self.pentagon_size[0]
            # never on a column's border: the line into the connector would run along the gridline
            coarse = [m.column_center(c) for c in range(self.n)]
            coarse += [k * m.column_width + side * (hw + GRID_CLEAR) for k in range(1, self.n) for side in (-1, 1)]
            fine = [hw + 3.0 * i for i in range(int((self.columns_width - 2 * hw) / 3) + 1)]
            fine = [x for x in fine if self._off_grid(x)]
            straight = [preferred] if self._off_grid(preferred) and hw <= preferred <= self.columns_width - hw else []
            self._slot_cache[preferred] = [
                x for group in (straight, coarse, fine) for x in sorted(group, key=lambda x: (abs(x - preferred), x))
            ]
        return self._slot_cache[preferred]

    def _off_grid(self, x: float) -> bool:
        """Does a vertical line at x keep GRID_CLEAR from every column border?"""
        w = self.metrics.column_width
        k = round(x / w)
        return abs(x - k * w) >= GRID_CLEAR or not 0 < k < self.n

    def _pentagon(self, row: int, x: float, letter: str | None) -> Symbol:
        hw, hh = self.pentagon_size
        return Symbol(Shape.OFF_PAGE, row, x, hw, hh, letter=letter)

    # -- search ----------------------------------------------------------------------------------------
    def _first(
        self,
        candidates: Callable[[], Iterable[_Candidate]],
        target: int | None,
        route: _Route | None = None,
        label: str | None = None,
    ) -> _Candidate:
        """The first candidate whose line is free and, for a labelled exit, that leaves room for the
        label beside its first segment (the room reserved with its port, or any free box). Should no
        line leave a free box, the first free line with its label where it fits best; should labels
        laid so far bar every line, the first line free of symbols and other lines."""
        # A line crosses a joint step's joining line only when no line that leaves its label a free box can
        # go round it (it would read as joining the step).
        for joints, labels in ((True, True), (False, True), (False, False)):
            if joints and not self.board.joints:
                continue  # no joining line on the page: the next search tries the same lines in the same order
            self.labels_bar = labels  # do labels bar a line (also in the candidates' own look-ahead)?
            self.joints_bar = joints
            c = self._first_free(candidates(), target, route, labels, label, crowded_ok=not joints)
            if c is not None:
                self.labels_bar, self.joints_bar = True, False
                c.crowded = c.crowded or not labels  # its line may run through other labels
                return c
        raise AssertionError("no route found")  # unreachable: margin lanes and new connector rows always fit

    def _first_free(
        self, candidates: Iterable[_Candidate], target: int | None, route: _Route | None, labels: bool, label: str | None,
        crowded_ok: bool = True,
    ) -> _Candidate | None:
        if route is not None:
            label = route.edge.label
        plan = self.planned.get(route.index) if route is not None else None
        fallback: tuple[tuple[bool, bool, int], _Candidate, Label] | None = None
        # First segments (where the label stands) of free lines that left the label no free box. Counted
        # by first segment, not by line: one lane yields many lines (to each connector slot, into each
        # side of the target) that differ only past the label, and a cap by line gave up on a label
        # after one or two lanes.
        tried = self.roomless = set()
        self.search_end = None
        for c in candidates:
            if (fallback is not None or not crowded_ok) and (len(tried) >= FALLBACKS or self._spent()):
                break  # enough places compared (or lines checked): none leaves the label a free box
            if label is not None and c.label is None and self._roomless(c.points):
                continue  # its label would stand where it found no room before
            if c.pentagon is not None and not self.board.fits(c.pentagon, SLOT_GAP):
                continue
            ignore = c.port.symbol if c.port is not None and c.port.on_edge else None
            extra = [c.pentagon] if c.pentagon is not None else []
            if not self.board.free(c.points, target, ignore, extra, labels, self.joints_bar):
                continue
            if label is not None and c.label is None:
                reserved = plan is not None and c.port == plan[0]  # at the level reserved with it (_leave)
                c.label = plan[2] if reserved else self._fit_label(c.points, label, extra=extra)
                if c.label is None:
                    tried.add((c.points[0], c.points[1]))
                    # keep the line whose label clashes least
                    spots = list(self._label_spots(c.points, self._label_width(label)))
                    if fallback is None or any(box.x0 >= LABEL_CLEAR for box in spots):
                        box = self._fit_label(c.points, label, anyhow=True, extra=extra)
                        score = self._label_score(box, c.points)
                        if fallback is None or score < fallback[0]:
                            if fallback is None:
                                self.search_end = self.board.checks + LABEL_SEARCH
                            fallback = (score, c, box)
                    continue
            self._commit(c)
            return c
        if fallback is not None and crowded_ok:  # no line this route could take leaves its label a free box
            _, c, c.label = fallback
            c.crowded = True
            self._commit(c)
            return c
        return None

    def _spent(self) -> bool:
        """Has the current search checked LABEL_SEARCH lines since it found its first fallback?"""
        return self.search_end is not None and self.board.checks >= self.search_end

    def _roomless(self, points: list[Point]) -> bool:
        """Did the search already find no room for the label beside this first segment?"""
        return (points[0], points[1]) in self.roomless

    def _free(self, points: list[Point], target: int | None, port: _Port | None = None) -> bool:
        ignore = port.symbol if port is not None and port.on_edge else None
        return self.board.free(points, target, ignore, labels=self.labels_bar, joints=self.joints_bar)

    def _commit(self, c: _Candidate) -> None:
        if c.port is not None:
            self._use(c.port.symbol, f"out:{c.port.tag}")
        if c.entry is not None:
            self._use(*c.entry)
        if c.label is not None and c.label not in self.board.labels.get(c.label.row, ()):
            self._place_label(c.label)
        if c.pentagon is not None:
            band = "top" if c.pentagon.row < 0 else "bottom"
            in_band = not 0 <= c.pentagon.row < len(self.steps)  # an end capsule sits in a step row
            if in_band and c.pentagon.row not in self.bands[band]:
                self.bands[band].append(c.pentagon.row)
            self._add_symbol(c.pentagon)
        for level in c.levels:
            if level[0] == "step":
                self._deepen(level[1], level[2])
            else:
                self.levels[level] = self.levels.get(level, 0) + 1
        right = max([p.x for p in c.points] + ([c.pentagon.x + c.pentagon.half_width] if c.pentagon else []))
        if right > self.columns_width:
            self.margin = max(self.margin, right - self.columns_width + MARGIN_LANE)

    def _release(self, route: _Route, reserved: _Port, used: _Candidate) -> None:
        """Free the reserved port (and its label's room) when the route left by another way."""
        plan = self.planned.pop(route.index, None)
        self.heads.pop(route.index, None)
        if plan is not None and used.label != plan[2]:
            self.board.unlabel(plan[2])
        if used.port != reserved:
            self.sides[id(reserved.symbol)].discard(f"out:{reserved.tag}")

    # -- routes ------------------------------------------------------------------------------------
    @staticmethod
    def _nearest(sources: list[Symbol], targets: list[Symbol]) -> tuple[Symbol, Symbol]:
        return min(((s, t) for s in sources for t in targets), key=lambda p: (abs(p[0].x - p[1].x), p[0].x, p[1].x))

    def _adjacent(
        self, sources: list[Symbol], targets: list[Symbol], end: Point | None = None, labelled: bool = False
    ) -> _Candidate:
        """Down to the next row, from the bottom or the outer side of the source symbol nearest the
        target (of a joint step's symbols: nearest by x, the left one on a tie), into the top of the
        target symbol nearest the source (or to `end`)."""
        s, t = self._nearest(sources, targets)
        row = s.row
        lo, hi = sources[0].x, sources[-1].x
        levels: tuple[tuple, ...] = ()
        if s.x == t.x:
            points, side = [s.port("bottom")], "bottom"
        elif lo < t.x < hi or abs(t.x - s.x) < s.half_width + JOG:
            # The target stands under the line joining a joint step, whose symbols' facing sides
            # that line holds, or (an off-page connector) so near under the symbol that a line from its
            # side would turn back at once: leave by the bottom, turn below the row, run across.
            dy = self._exit_level(s, below=True, labelled=labelled)
            points, side = [s.port("bottom"), Point(row, s.x, dy), Point(row, t.x, dy)], "bottom"
            levels = (("step", row, dy),)
        else:
            side = "right" if t.x > s.x else "left"
            points = [s.port(side), Point(row, t.x, s.dy)]
        points.append(end if end is not None else t.port("top"))
        port = _Port(s, side, points[0], "down" if side == "bottom" else side)
        return _Candidate(points, port, None if end is not None else (t, "in:top"), levels=levels)

    def _route_adjacent(self, route: _Route) -> Connector:
        label = route.edge.label
        sources = self._sources(route.edge.source, route.edge.decision)
        c = self._adjacent(sources, self.by_step[route.edge.target], labelled=label is not None)
        if label is not None:
            c.label = self._fit_label(c.points, label)  # drawn early: little to avoid
            if c.label is None:
                c.label, c.crowded = self._fit_label(c.points, label, anyhow=True), True
        self._commit(c)
        return self._exit(route, c)

    @staticmethod
    def _exit(route: _Route, c: _Candidate, off_page: bool = False) -> Connector:
        """The connector of a route that starts at its source step."""
        connector = Connector(
            c.points, label=route.edge.label, label_box=c.label, label_crowded=c.crowded, source=route.edge.source
        )
        if off_page:
            connector.letter = route.letter
        else:
            connector.target = route.edge.target
        return connector

    def _route_out_adjacent(self, route: _Route) -> Connector:
        """To the next page's first step: down to an off-page connector under the target's column."""
        sources = self._sources(route.edge.source, route.edge.decision)
        preferred = self.metrics.column_center(self._target_column(route, sources))

        def candidates() -> Iterator[_Candidate]:
            fitting: dict[tuple[int, float], bool] = {}
            for row in self._band_rows("bottom"):
                for x in self._slots(row, preferred, fitting):
                    pentagon = self._pentagon(row, x, route.letter)
                    ghost = Symbol(Shape.PROCESS, row, x, 0, 0)
                    c = self._adjacent(sources, [ghost], end=pentagon.port("top"), labelled=route.edge.label is not None)
                    c.pentagon = pentagon
                    yield c

        return self._exit(route, self._first(candidates, None, route), off_page=True)

    def _target_column(self, route: _Route, sources: list[Symbol]) -> int:
        columns = sorted(self.column_of[a] for a in self.sop.steps[route.edge.target].actors)
        return min(columns, key=lambda c: (min(abs(self.metrics.column_center(c) - s.x) for s in sources), c))

    def _route_in_adjacent(self, route: _Route) -> Connector:
        """From the previous page's last step: an off-page connector above the target, straight down."""
        targets = self.by_step[route.edge.target]
        source_xs = [self.metrics.column_center(self.column_of[a]) for a in self.sop.steps[route.edge.source].actors]
        target = min(targets, key=lambda t: (min(abs(t.x - x) for x in source_xs), t.x))

        def candidates() -> Iterator[_Candidate]:
            fitting: dict[tuple[int, float], bool] = {}
            for row in self._band_rows("top"):
                dy = self._band_level(row)
                for x in self._slots(row, target.x, fitting):
                    pentagon = self._pentagon(row, x, route.letter)
                    points, levels = [pentagon.port("bottom")], ()
                    if x != target.x:  # the place above the target is taken: turn inside the row
                        points += [Point(row, x, dy), Point(row, target.x, dy)]
                        levels = (("band", row),)
                    points.append(target.port("top"))
                    yield _Candidate(points, None, (target, "in:top"), pentagon, levels)

        c = self._first(candidates, route.edge.target)
        return Connector(c.points, source=None, target=route.edge.target, letter=route.letter)

    def _route_long(self, route: _Route, reserved: _Port) -> Connector:
        targets = self.by_step[route.edge.target]
        target = route.edge.target

        def candidates() -> Iterator[_Candidate]:
            for port, margin in self._plans(route, reserved):
                for lane in self._lanes(self._boundary(port), margin):
                    if self._spent():
                        return
                    head, levels = self._leave(port, lane, route)
                    if self._turn_blocked(port, head, target):
                        break  # so is every lane: the port's first segment is the same for all
                    if self._roomless(head) or not self._free(head, target, port):
                        continue
                    for tail, entry in self._entries(targets, lane):
                        yield _Candidate(head + tail, port, entry, None, levels)

        c = self._first(candidates, target, route)
        self._release(route, reserved, c)
        return self._exit(route, c)

    def _route_out(self, route: _Route, reserved: _Port, down: bool) -> Connector:
        """To an off-page connector in a connector row below (or above) the steps."""
        band, sign = ("bottom", -1) if down else ("top", 1)

        def candidates() -> Iterator[_Candidate]:
            fitting: dict[tuple[int, float], bool] = {}
            for port, margin in self._plans(route, reserved):
                for lane in self._lanes(self._boundary(port), margin):
                    if self._spent():
                        return
                    head, levels = self._leave(port, lane, route)
                    if self._turn_blocked(port, head, None):
                        break  # so is every lane: the port's first segment is the same for all
                    if self._roomless(head) or not self._free(head + [self._steps_edge(lane, down)], None, port):
                        continue  # blocked before it reaches any connector row
                    for row in self._band_rows(band):
                        dy = sign * self._band_level(row)
                        if self._roomless(head):
                            break  # the label found no room beside this head: no slot changes that
                        if not self._free(head + [Point(row, lane, dy)], None, port):
                            continue
                        for x in self._slots(row, lane, fitting):
                            if self._roomless(head):
                                break
                            pentagon = self._pentagon(row, x, route.letter)
                            end = pentagon.port("top" if down else "bottom")
                            points = head + [Point(row, lane, dy), Point(row, x, dy), end]
                            yield _Candidate(points, port, None, pentagon, levels + (("band", row),))

        c = self._first(candidates, None, route)
        self._release(route, reserved, c)
        return self._exit(route, c, off_page=True)

    def _route_in(self, route: _Route, down: bool) -> Connector:
        """From an off-page connector in a connector row above (or below) the steps, through a lane."""
        band, sign = ("top", 1) if down else ("bottom", -1)
        targets = self.by_step[route.edge.target]
        target = route.edge.target

        def candidates() -> Iterator[_Candidate]:
            fitting: dict[tuple[int, float], bool] = {}
            for margin in (False, True):
                for lane in self._lanes(targets[0].column, margin):
                    entries = [
                        (tail, entry)
                        for tail, entry in self._entries(targets, lane)
                        if self._free([self._steps_edge(lane, not down)] + tail, target)
                    ]
                    for row in self._band_rows(band):
                        dy = sign * self._band_level(row)
                        for tail, entry in entries:
                            if not self._free([Point(row, lane, dy)] + tail, target):
                                continue
                            for x in self._slots(row, lane, fitting):
                                pentagon = self._pentagon(row, x, route.letter)
                                start = pentagon.port("bottom" if down else "top")
                                points = [start, Point(row, x, dy), Point(row, lane, dy)] + tail
                                yield _Candidate(points, None, entry, pentagon, (("band", row),))

        c = self._first(candidates, target)
        return Connector(c.points, source=None, target=target, letter=route.letter)

    # -- ends of the procedure ------------------------------------------------------------------
    def _route_ends(self) -> None:
        """Exits that end the procedure run to an end capsule in their own row, exits written
        `ke: bersambung` to a continuation marker placed the same way; the last visible step of a
        truncated source runs down to a 'bersambung' marker below the steps. All are laid before
        the lanes are searched, so the lanes route around them."""
        here = set(self.steps)
        for end in leaving_exits(self.sop):
            if end.source in here:
                shape = Shape.CONTINUED if end.end == CONTINUED else Shape.END
                c = self._first(
                    lambda: self._end_candidates(end.source, end.label is not None, end.decision, shape), None,
                    label=end.label,
                )
                connector = Connector(c.points, label=end.label, source=end.source, end=end.end)
                self._add_connector(replace(connector, label_box=c.label, label_crowded=c.crowded))
        last = len(self.sop.steps) - 1
        if last in here and continues(self.sop, last):
            self._add_connector(self._route_continued(last))

    def _end(self, row: int, x: float, dy: float = 0.0, shape: Shape = Shape.END) -> Symbol:
        m = self.metrics
        return Symbol(shape, row, x, m.half_widths[shape], m.half_heights[shape], dy=dy)

    def _end_candidates(
        self, step: int, labelled: bool, decision: int = 0, shape: Shape = Shape.END
    ) -> Iterator[_Candidate]:
        """The end capsule (or, `shape` CONTINUED, the continuation marker): in a column beside the
        decision, the arrow straight from its side; failing that, right of every column, reached from
        a free exit below the decision."""
        m = self.metrics
        placed = self._sources(step, decision)
        row = placed[0].row
        for side, symbol in (("right", placed[-1]), ("left", placed[0])):
            if self._busy(symbol, side):
                continue
            sign = 1 if side == "right" else -1
            columns = range(symbol.column + 1, self.n) if side == "right" else range(symbol.column - 1, -1, -1)
            hw = m.half_widths[shape]
            for column in columns:
                # at the column's centre, or toward its far border: a label too wide for the room
                # left of the centred capsule then stands past the near border, clear of both
                far = (column + (1 if sign > 0 else 0)) * m.column_width - sign * (hw + JOG)
                for x in dict.fromkeys([m.column_center(column), far]):
                    if sign * (x - m.column_center(column)) < 0:
                        continue  # the column is too narrow to move it
                    capsule = self._end(row, x, symbol.dy, shape)
                    if not self.board.fits(capsule, SLOT_GAP):
                        continue
                    start = symbol.port(side)
                    points = [start, capsule.port("left" if sign > 0 else "right")]
                    port = _Port(symbol, side, start, side)
                    yield _Candidate(points, port, None, capsule)
        for port in self._ports(step, False, decision):
            if not self._port_free(port):
                continue
            reach = max([self.columns_width + self.margin] + [s.x + s.half_width for s in self.symbols])
            dy = port.point.dy if port.heading == "right" else 0.0
            capsule = self._end(row, reach + MARGIN_LANE + m.half_widths[shape], dy, shape)
            if port.heading == "right":
                yield _Candidate([port.point, capsule.port("left")], port, None, capsule)
            elif port.heading == "down":
                head, levels = self._leave(port, capsule.x, None, labelled)
                yield _Candidate(head + [capsule.port("bottom")], port, None, capsule, levels)
            elif port.heading == "up" and decision == 0 and step in self.second:
                # the upper of two stacked decisions has no way down: over the row's top instead
                head, levels = self._leave(port, capsule.x, None, labelled)
                yield _Candidate(head + [capsule.port("top")], port, None, capsule, levels)

    def _route_continued(self, step: int) -> Connector:
        """Past the last visible step of a truncated source: down to a marker in a connector row."""
        sources = self.by_step[step]
        preferred = sources[0].x

        def candidates() -> Iterator[_Candidate]:
            fitting: dict[tuple[int, float], bool] = {}
            for row in self._band_rows("bottom"):
                for x in self._slots(row, preferred, fitting):
                    marker = Symbol(Shape.CONTINUED, row, x, *self.pentagon_size)
                    ghost = Symbol(Shape.PROCESS, row, x, 0, 0)
                    c = self._adjacent(sources, [ghost], end=marker.port("top"))
                    c.pentagon = marker
                    yield c

        c = self._first(candidates, None)
        return Connector(c.points, source=step, end="bersambung")

    # -- assembly ------------------------------------------------------------------------------
    def build(self) -> PageLayout:
        self._place_symbols()
        for route in self.local:
            if route.adjacent:
                self._add_connector(self._route_adjacent(route))
        for route in self.out_down:
            if route.adjacent:
                self._add_connector(self._route_out_adjacent(route))
        for route in self.in_down:
            if route.adjacent:
                self._add_connector(self._route_in_adjacent(route))
        self._route_ends()
        # reserve the exits of every other route before any of them is routed
        others = [r for r in self.local + self.out_down if not r.adjacent] + self.out_up
        reserved = {route.index: self._reserve(route) for route in others}
        local = {r.index for r in self.local}
        down = {r.index for r in self.out_down}
        for route in others:
            if route.index in local:
                connector = self._route_long(route, reserved[route.index])
            else:
                connector = self._route_out(route, reserved[route.index], down=route.index in down)
            self._add_connector(connector)
        for route in self.in_down:
            if not route.adjacent:
                self._add_connector(self._route_in(route, down=True))
        for route in self.in_up:
            self._add_connector(self._route_in(route, down=False))
        return self._finish()

    def _finish(self) -> PageLayout:
        shift = len(self.bands["top"])
        for connector in self.connectors:
            connector.points = [replace(p, row=p.row + shift) for p in simplify(connector.points)]
            if connector.label_box is not None:
                connector.label_box = replace(connector.label_box, row=connector.label_box.row + shift)
        symbols = [replace(s, row=s.row + shift) for s in self.symbols]
        reach = self._reach(symbols)
        rows = [Row(RowKind.CONNECTOR, None, 2 * (reach[r + shift] + BAND_PAD)) for r in sorted(self.bands["top"])]
        for step in self.steps:
            needed = 2 * (reach[self.row_of[step] + shift] + ROW_PAD)
            rows.append(Row(RowKind.STEP, step, max(self.metrics.min_step_row, needed)))
        rows += [Row(RowKind.CONNECTOR, None, 2 * (reach[r + shift] + BAND_PAD)) for r in self.bands["bottom"]]
        return PageLayout(self.metrics, self.n, rows, symbols, self.connectors, self.margin)

    def _reach(self, symbols: list[Symbol]) -> dict[int, float]:
        """How far from its centre each row is drawn on."""
        reach: dict[int, float] = {}
        for s in symbols:
            reach[s.row] = max(reach.get(s.row, 0.0), abs(s.dy) + s.half_height)
        for connector in self.connectors:
            for p in connector.points:
                if abs(p.dy) < EDGE:
                    reach[p.row] = max(reach.get(p.row, 0.0), abs(p.dy))
            box = connector.label_box
            if box is not None:
                reach[box.row] = max(reach.get(box.row, 0.0), abs(box.y0), abs(box.y1))
        return reach


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of straight runs."""
    result: list[Point] = []
    for p in points:
        if result and p == result[-1]:
            continue
        if len(result) >= 2:
            a, b = result[-2], result[-1]
            same_row_line = a.row == b.row == p.row and a.dy == b.dy == p.dy
            same_column_line = a.x == b.x == p.x and _monotonic(a, b, p)
            if same_row_line or same_column_line:
                result[-1] = p
                continue
        result.append(p)
    return result


def _monotonic(a: Point, b: Point, c: Point) -> bool:
    def key(p: Point) -> tuple[int, float]:
        return (p.row, max(-EDGE, min(EDGE, p.dy)))

    return key(a) <= key(b) <= key(c) or key(a) >= key(b) >= key(c)
