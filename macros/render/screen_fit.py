"""How wide the procedure table's actor columns are on screen: as wide as a desktop screen allows.

The flowchart is laid out in the actor columns, so their width is chosen before the layout: the
widest comfortable column (SCREEN_COLUMN) when the table fits, narrower when many actors would
push Output and Keterangan off a 1440 px screen, never so narrow that a word of an actor's header
has to be broken (the headers' font shrinks a little first, then the column stops narrowing and
the table scrolls sideways).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.sop import Sop
from .actors import column_headings, column_short
from .context import Registries
from .flowchart.font_metrics import text_width
from .flowchart.geometry import Metrics, PageLayout
from .flowchart.layout import layout_pages
from .procedure import HEAD_SIDES, HEADER_FONT_PX, screen_widths

SCREEN_COLUMN = 108.0  # px: an actor column when there is room
SCREEN_COLUMN_MIN = 64.0  # px: the narrowest the drawing is laid out in on screen (print goes to 60)
# px: what the whole table fits at Material's 20 px root font: a 1440 px window less a scroll bar (17)
# and the content's margins (2 × .8rem).
SCREEN_FIT = 1440.0 - 17.0 - 2 * 16.0
HEADER_SCALE_MIN = 0.75  # the actor headers' font shrinks at most to this share before a column widens


@dataclass(frozen=True)
class ScreenFit:
    layout: PageLayout
    widths: dict[str, float]  # px at the 20 px root font: the text columns (screen_widths) and "pelaksana"
    header_scale: float  # of the actor headers' font: their longest word fits the column


def _longest_header_word(sop: Sop, registries: Registries) -> float:
    heads = [column_short(sop, key, registries) for key in sop.columns]
    return max((text_width(w, HEADER_FONT_PX, bold=True) for h in heads for w in h.split()), default=0.0)


def _column(text: float, actors: int, margin: float, word: float) -> float:
    room = math.floor((SCREEN_FIT - text - margin) / max(actors, 1))
    column = max(SCREEN_COLUMN_MIN, min(SCREEN_COLUMN, room))
    return max(column, math.ceil(word * HEADER_SCALE_MIN + HEAD_SIDES))


def fit_screen(sop: Sop, registries: Registries) -> ScreenFit:
    """The screen table's column widths, its flowchart laid out in them, and its headers' font scale.
    A very crowded flow needs lanes beside the last column (the layout's margin): the columns are
    narrowed once more to make room for them. `sop` as drawn (model.drawn.drawn)."""
    widths = screen_widths(sop, column_headings(sop, registries))
    text = sum(widths.values())
    word = _longest_header_word(sop, registries)
    margin = 0.0
    for _ in range(3):
        column = _column(text, len(sop.columns), margin, word)
        (layout,) = layout_pages(sop, [range(len(sop.steps))], Metrics(column))
        if layout.margin <= margin:
            break
        margin = layout.margin
    scale = 1.0 if word + HEAD_SIDES <= column else max(HEADER_SCALE_MIN, math.floor(100 * (column - HEAD_SIDES) / word) / 100)
    return ScreenFit(layout, {**widths, "pelaksana": column}, scale)
