"""Place each step's symbol in its actor's column and route the arrows between them.

Order of routing matters, so it is fixed: lines joining the symbols of a joint step,
then each step's arrow to the next row, then the sides of every other exit are reserved,
then those exits are routed through vertical lanes beside the column boundaries (where
no symbol can be), and off-page edges end at lettered pentagons in connector rows.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from ...model.flow import Edge, edges as flow_edges
from ...model.sop import Sop
from .geometry import EDGE, Connector, Metrics, PageLayout, Point, Row, RowKind, Shape, Symbol

JOG = 8.0  # how far outside a symbol a line turns


def step_shape(sop: Sop, index: int) -> Shape:
    if sop.steps[index].is_decision:
        return Shape.DECISION
    if index in (0, len(sop.steps) - 1):
        return Shape.TERMINATOR
    return Shape.PROCESS


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


def _adjacent_edges(all_edges: list[Edge]) -> set[int]:
    """Positions (in `all_edges`) of each step's first edge to the next row."""
    seen: set[int] = set()
    chosen: set[int] = set()
    for i, edge in enumerate(all_edges):
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
    all_edges = flow_edges(sop)
    adjacent = _adjacent_edges(all_edges)
    page_of = {step: p for p, steps in enumerate(pages) for step in steps}
    crossing = sorted(
        (i for i, e in enumerate(all_edges) if page_of[e.source] != page_of[e.target]),
        key=lambda i: (min(page_of[all_edges[i].source], page_of[all_edges[i].target]), all_edges[i].source, i),
    )
    letter_of = dict(zip(crossing, letters(len(crossing))))
    routes = [_Route(i, e, i in adjacent, letter_of.get(i)) for i, e in enumerate(all_edges)]
    return [_PageBuilder(sop, steps, routes, page_of, p, metrics).build() for p, steps in enumerate(pages)]


class _PageBuilder:
    def __init__(self, sop: Sop, steps: range, routes: list[_Route], page_of: dict[int, int], page: int, metrics: Metrics):
        self.sop = sop
        self.steps = steps
        self.page = page
        self.page_of = page_of
        self.metrics = metrics
        self.column_of = {role: i for i, role in enumerate(sop.columns)}
        here = set(steps)
        self.local = [r for r in routes if r.edge.source in here and r.edge.target in here]
        self.out_down = [r for r in routes if r.edge.source in here and page_of[r.edge.target] > page]
        self.out_up = [r for r in routes if r.edge.source in here and page_of[r.edge.target] < page]
        self.in_down = [r for r in routes if r.edge.target in here and page_of[r.edge.source] < page]
        self.in_up = [r for r in routes if r.edge.target in here and page_of[r.edge.source] > page]
        self.rows: list[Row] = []
        self.top_row = self.bottom_row = None
        if self.out_up or self.in_down:
            self.top_row = len(self.rows)
            self.rows.append(Row(RowKind.CONNECTOR))
        self.row_of: dict[int, int] = {}
        for step in steps:
            self.row_of[step] = len(self.rows)
            self.rows.append(Row(RowKind.STEP, step, metrics.min_step_row))
        if self.out_down or self.in_up:
            self.bottom_row = len(self.rows)
            self.rows.append(Row(RowKind.CONNECTOR))
        self.symbols: list[Symbol] = []
        self.by_step: dict[int, list[Symbol]] = {}
        self.connectors: list[Connector] = []
        self.sides: dict[int, set[str]] = {}  # id(symbol) -> {"out:left", "in:top", "joint:right", ...}
        self.lanes: dict[int, list[tuple[float, int, int]]] = {}  # boundary -> (offset, lo row, hi row)
        self.slots: dict[int, list[float]] = {}  # connector row -> pentagon x positions
        self.jogs: dict[int, int] = {}  # connector row -> jog levels used

    # -- symbols ---------------------------------------------------------------------------
    def _place_symbols(self) -> None:
        m = self.metrics
        for step in self.steps:
            shape = step_shape(self.sop, step)
            columns = sorted(self.column_of[a] for a in self.sop.steps[step].actors)
            placed = [
                Symbol(shape, self.row_of[step], m.column_center(c), m.half_widths[shape], m.half_heights[shape], step, c)
                for c in columns
            ]
            self.by_step[step] = placed
            self.symbols.extend(placed)
            for left, right in zip(placed, placed[1:]):
                self.connectors.append(
                    Connector([left.port("right"), right.port("left")], arrow=False, source=step, target=step, joint=True)
                )
                self._use(left, "joint:right")
                self._use(right, "joint:left")

    def _use(self, symbol: Symbol, tag: str) -> None:
        self.sides.setdefault(id(symbol), set()).add(tag)

    def _busy(self, symbol: Symbol, side: str, incoming_ok: bool = False) -> bool:
        tags = self.sides.get(id(symbol), set())
        blocked = {f"out:{side}", f"joint:{side}"} | (set() if incoming_ok else {f"in:{side}"})
        return bool(tags & blocked)

    # -- lanes and slots ---------------------------------------------------------------------
    def _lane(self, boundary: int, row_a: int, row_b: int) -> float:
        lo, hi = sorted((row_a, row_b))
        n = len(self.sop.columns)
        offsets = self.metrics.lane_offsets
        order = [boundary] + [b for d in range(1, n + 1) for b in (boundary - d, boundary + d) if 0 <= b <= n]
        for k in order:
            for offset in offsets:
                if (k == 0 and offset < 0) or (k == n and offset > 0) or ((k in (0, n)) and offset == 0):
                    continue
                taken = self.lanes.setdefault(k, [])
                if all(o != offset or hi < a or b < lo for o, a, b in taken):
                    taken.append((offset, lo, hi))
                    return k * self.metrics.column_width + offset
        raise RuntimeError("tidak ada jalur kosong untuk panah")  # unreachable with sane sizes

    def _slot(self, row: int, preferred: float) -> float:
        m = self.metrics
        n = len(self.sop.columns)
        candidates = [m.column_center(c) for c in range(n)] + [k * m.column_width for k in range(1, n)]
        used = self.slots.setdefault(row, [])
        for x in sorted(candidates, key=lambda c: (abs(c - preferred), c)):
            if all(abs(x - u) >= 2 * m.half_widths[Shape.OFF_PAGE] + 6 for u in used):
                used.append(x)
                return x
        raise RuntimeError("terlalu banyak penghubung antarhalaman pada satu baris")

    def _jog_level(self, row: int) -> float:
        level = self.jogs.get(row, 0)
        self.jogs[row] = level + 1
        return self.metrics.half_heights[Shape.OFF_PAGE] + 6 + 6 * level

    def _pentagon(self, row: int, x: float, letter: str) -> Symbol:
        m = self.metrics
        symbol = Symbol(Shape.OFF_PAGE, row, x, m.half_widths[Shape.OFF_PAGE], m.half_heights[Shape.OFF_PAGE], letter=letter)
        self.symbols.append(symbol)
        return symbol

    # -- choosing symbols and sides ----------------------------------------------------------------
    @staticmethod
    def _nearest(sources: list[Symbol], targets: list[Symbol]) -> tuple[Symbol, Symbol]:
        return min(((s, t) for s in sources for t in targets), key=lambda p: (abs(p[0].x - p[1].x), p[0].x, p[1].x))

    def _exit_side(self, route: _Route, going_up: bool) -> tuple[Symbol, str]:
        placed = self.by_step[route.edge.source]
        order = ["left", "right", "bottom"] if going_up else ["right", "left", "bottom"]
        for side in order:
            symbol = placed[0] if side == "left" else placed[-1]
            if not self._busy(symbol, side):
                return symbol, side
        return placed[-1], "bottom"  # every side taken: share the bottom

    def _entry(self, target: Symbol, lane_x: float, points: list[Point]) -> None:
        """From a lane at the target's row, into the target's nearer side (or its top)."""
        side = "left" if lane_x < target.x else "right"
        row = target.row
        if self._busy(target, side, incoming_ok=True):
            jog = -(target.half_height + JOG + 4)
            points += [Point(row, lane_x, jog), Point(row, target.x, jog), target.port("top")]
            self._use(target, "in:top")
        else:
            points += [Point(row, lane_x, 0.0), target.port(side)]
            self._use(target, f"in:{side}")

    def _leave(self, symbol: Symbol, side: str, lane_x: float, points: list[Point]) -> None:
        """From a symbol's side to a lane in the same row."""
        start = symbol.port(side)
        points.append(start)
        if side == "bottom":
            jog = symbol.half_height + JOG + 4
            points += [Point(symbol.row, symbol.x, jog), Point(symbol.row, lane_x, jog)]
        else:
            points.append(Point(symbol.row, lane_x, 0.0))

    @staticmethod
    def _boundary(symbol: Symbol, side: str) -> int:
        return symbol.column if side == "left" else symbol.column + 1

    # -- routes ------------------------------------------------------------------------------
    def _route_adjacent(self, route: _Route, target_symbols: list[Symbol] | None = None, end: Point | None = None) -> Connector:
        sources = self.by_step[route.edge.source]
        targets = target_symbols if target_symbols is not None else self.by_step[route.edge.target]
        s, t = self._nearest(sources, targets)
        row = s.row
        lo, hi = sources[0].x, sources[-1].x
        if s.x == t.x:
            points, side = [s.port("bottom")], "bottom"
        elif lo < t.x < hi:
            points, side = [Point(row, t.x, 0.0)], None  # from the line joining a joint step
        else:
            side = "right" if t.x > s.x else "left"
            points = [s.port(side), Point(row, t.x, 0.0)]
        if side:
            self._use(s, f"out:{side}")
        points.append(end if end is not None else t.port("top"))
        if end is None:
            self._use(t, "in:top")
        return Connector(points, label=route.edge.label, label_side=side, source=route.edge.source, target=route.edge.target)

    def _route_long(self, route: _Route, reserved: tuple[Symbol, str]) -> Connector:
        s, side = reserved
        t_row = self.row_of[route.edge.target]
        lane = self._lane(self._boundary(s, side) if side != "bottom" else s.column + 1, s.row, t_row)
        points: list[Point] = []
        self._leave(s, side, lane, points)
        targets = self.by_step[route.edge.target]
        target = min(targets, key=lambda t: (abs(t.x - lane), t.x))
        self._entry(target, lane, points)
        return Connector(points, label=route.edge.label, label_side=side, source=route.edge.source, target=route.edge.target)

    def _route_out(self, route: _Route, reserved: tuple[Symbol, str] | None, down: bool) -> Connector:
        row = self.bottom_row if down else self.top_row
        if route.adjacent and down:
            sources = self.by_step[route.edge.source]
            target_column = self._target_column(route, sources)
            x = self._slot(row, self.metrics.column_center(target_column))
            pentagon = self._pentagon(row, x, route.letter)
            ghost = Symbol(Shape.PROCESS, row, x, 0, 0)
            connector = self._route_adjacent(route, [ghost], end=pentagon.port("top"))
        else:
            s, side = reserved
            lane = self._lane(self._boundary(s, side) if side != "bottom" else s.column + 1, s.row, row)
            points: list[Point] = []
            self._leave(s, side, lane, points)
            x = self._slot(row, lane)
            pentagon = self._pentagon(row, x, route.letter)
            jog = self._jog_level(row)
            if down:
                points += [Point(row, lane, -jog), Point(row, x, -jog), pentagon.port("top")]
            else:
                points += [Point(row, lane, jog), Point(row, x, jog), pentagon.port("bottom")]
            connector = Connector(points, label=route.edge.label, label_side=side, source=route.edge.source, target=None)
        connector.target = None
        connector.letter = route.letter
        return connector

    def _target_column(self, route: _Route, sources: list[Symbol]) -> int:
        columns = sorted(self.column_of[a] for a in self.sop.steps[route.edge.target].actors)
        return min(columns, key=lambda c: (min(abs(self.metrics.column_center(c) - s.x) for s in sources), c))

    def _route_in(self, route: _Route, down: bool) -> Connector:
        row = self.top_row if down else self.bottom_row
        targets = self.by_step[route.edge.target]
        if route.adjacent and down:
            source_columns = [self.column_of[a] for a in self.sop.steps[route.edge.source].actors]
            source_xs = [self.metrics.column_center(c) for c in source_columns]
            target = min(targets, key=lambda t: (min(abs(t.x - x) for x in source_xs), t.x))
            pentagon = self._pentagon(row, self._slot(row, target.x), route.letter)
            points = [pentagon.port("bottom")]
            if pentagon.x != target.x:  # the slot above the target was taken: jog inside the row
                jog = self._jog_level(row)
                points += [Point(row, pentagon.x, jog), Point(row, target.x, jog)]
            points.append(target.port("top"))
            self._use(target, "in:top")
        else:
            lane = self._lane(targets[0].column, row, self.row_of[route.edge.target])
            pentagon = self._pentagon(row, self._slot(row, lane), route.letter)
            jog = self._jog_level(row)
            sign = 1 if down else -1
            points = [pentagon.port("bottom" if down else "top"), Point(row, pentagon.x, sign * jog), Point(row, lane, sign * jog)]
            target = min(targets, key=lambda t: (abs(t.x - lane), t.x))
            self._entry(target, lane, points)
        return Connector(points, source=None, target=route.edge.target, letter=route.letter)

    # -- assembly ------------------------------------------------------------------------------
    def build(self) -> PageLayout:
        self._place_symbols()
        for route in self.local:
            if route.adjacent:
                self.connectors.append(self._route_adjacent(route))
        for route in self.out_down:
            if route.adjacent:
                self.connectors.append(self._route_out(route, None, down=True))
        # reserve the sides of every other exit before any of them is routed
        others = [r for r in self.local + self.out_down if not r.adjacent] + self.out_up
        reserved: dict[int, tuple[Symbol, str]] = {}
        for route in others:
            going_up = self.page_of[route.edge.target] < self.page or route.edge.target < route.edge.source
            symbol, side = self._exit_side(route, going_up)
            self._use(symbol, f"out:{side}")
            reserved[route.index] = (symbol, side)
        for route in others:
            if route in self.local:
                self.connectors.append(self._route_long(route, reserved[route.index]))
            else:
                down = route in self.out_down
                self.connectors.append(self._route_out(route, reserved[route.index], down=down))
        for route in self.in_down:
            self.connectors.append(self._route_in(route, down=True))
        for route in self.in_up:
            self.connectors.append(self._route_in(route, down=False))
        for connector in self.connectors:
            connector.points = simplify(connector.points)
        self._size_connector_rows()
        return PageLayout(self.metrics, len(self.sop.columns), self.rows, self.symbols, self.connectors)

    def _size_connector_rows(self) -> None:
        for index in (self.top_row, self.bottom_row):
            if index is not None:
                levels = self.jogs.get(index, 0)
                self.rows[index].min_height = 2 * (self.metrics.half_heights[Shape.OFF_PAGE] + 10 + 6 * levels)


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
