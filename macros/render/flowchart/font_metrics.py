"""The shipped fonts' metrics: how wide a line of text prints, and how many lines a paragraph wraps to.

Own module so that the layout (labels) and the pagination (cells) both use it without importing each other."""

from __future__ import annotations

import unicodedata
from typing import Sequence

# --- The print font's metrics ------------------------------------------------------------------------
# Advance widths, in font units (UNITS_PER_EM to the em), of the characters U+0020..U+007E in the shipped
# fonts, read from the files below with fontTools (hmtx advance of each character's glyph). Chromium lays
# text out with these fractional advances (kerning only narrows it), so the sum of a string's advances is
# its printed width, within a fraction of a percent. tests/render/test_fonts.py reads the figures again
# from the files and fails when a font file changes without them.
FONT_FILES = {"regular": "noto-sans-latin-400-normal.woff2", "bold": "noto-sans-latin-700-normal.woff2"}
UNITS_PER_EM = 1000
FIRST_CHAR = 0x20
ADVANCES = {
    "regular": (
        260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372,  # space ! " # ... /
        572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572, 434,  # 0-9 : ; < = > ?
        899, 639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781,  # @ A-O
        605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329, 572, 444,  # P-Z [ \ ] ^ _
        281, 561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605,  # ` a-o
        615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551, 380, 572,  # p-z { | } ~
    ),
    "bold": (
        260, 282, 479, 646, 572, 902, 750, 266, 339, 339, 542, 572, 285, 320, 281, 415,  # space ! " # ... /
        572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 281, 285, 572, 572, 572, 477,  # 0-9 : ; < = > ?
        898, 692, 665, 642, 732, 560, 549, 724, 765, 389, 331, 664, 559, 943, 813, 791,  # @ A-O
        621, 791, 656, 551, 577, 756, 650, 967, 670, 626, 579, 331, 415, 331, 572, 411,  # P-Z [ \ ] ^ _
        365, 599, 632, 516, 632, 597, 387, 632, 650, 299, 298, 620, 298, 975, 650, 625,  # ` a-o
        632, 632, 447, 502, 434, 650, 571, 856, 578, 571, 493, 394, 551, 394, 572,  # p-z { | } ~
    ),
}
# A character outside the table: an accented letter counts as its letter (canonical decomposition: "é" as
# "e"), a horn (ơ, ư) widening it by up to 0.13 em; anything else (e.g. "→", drawn by a fallback font) as
# wide as the widest glyph of the shipped files (1.347 em).
OTHER_ADVANCE = 1350
MARK_ADVANCE = {"\u031b": 130}  # combining marks that widen their letter: the horn


def _advance(char: str, table: Sequence[int]) -> int:
    code = ord(char)
    if FIRST_CHAR <= code < FIRST_CHAR + len(table):
        return table[code - FIRST_CHAR]
    if char.isspace():
        return table[0]
    base, *marks = unicodedata.normalize("NFD", char)
    if not marks or not FIRST_CHAR <= ord(base) < FIRST_CHAR + len(table):
        return OTHER_ADVANCE
    return table[ord(base) - FIRST_CHAR] + sum(MARK_ADVANCE.get(mark, 0) for mark in marks)


def text_width(text: str, size_px: float, bold: bool = False) -> float:
    """Printed width (px) of one line of text in the site's font at `size_px`."""
    table = ADVANCES["bold" if bold else "regular"]
    return sum(_advance(c, table) for c in text) * size_px / UNITS_PER_EM


def wrapped_lines(text: str | Sequence[tuple[str, bool]], width: float, size_px: float, bold: bool = False) -> int:
    """Lines a paragraph takes in a box `width` px wide: greedy wrapping at spaces, as the browser does
    (it may also break after '-' or '/', which this does not count on). A word longer than a line is
    broken, as overflow-wrap: break-word does. `text` is a string, or runs of (text, bold)."""
    runs = [(text, bold)] if isinstance(text, str) else text
    words: list[float] = []
    current: float | None = None
    for run, run_bold in runs:
        table = ADVANCES["bold" if run_bold else "regular"]
        for char in run:
            if char.isspace():
                if current is not None:
                    words.append(current)
                current = None
            else:
                current = (current or 0.0) + _advance(char, table) * size_px / UNITS_PER_EM
    if current is not None:
        words.append(current)
    if not words:
        return 1
    space = ADVANCES["regular"][0] * size_px / UNITS_PER_EM
    lines, used = 1, 0.0
    for word in words:
        needed = word + (space if used else 0.0)
        if used + needed <= width:
            used += needed
            continue
        if used:
            lines += 1
        while word > width:  # broken across lines
            lines += 1
            word -= width
        used = word
    return lines
