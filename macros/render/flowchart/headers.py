"""An actor column's header (its short name, in the table's <th>): the font size and break points that
keep every word of it whole in the width the layout gave the column.

A header breaks between its words. A word wider than the column would be cut anywhere by the browser
(Material sets overflow-wrap: break-word), so the header's font shrinks until its longest word fits,
down to MIN_SCALE; a word that fits not even then is given soft hyphens between its syllables and
breaks at one of them, with a hyphen, never elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from .font_metrics import text_width

HEADER_SCALE = 0.95  # .sop-kepala-pelaksana: of the table's font
MIN_SCALE = 0.75  # the least a header shrinks to (of the table's font) before its words are hyphenated
SOFT_HYPHEN = "\u00ad"
MIN_HEAD, MIN_TAIL = 2, 3  # letters a hyphenated word keeps before its first break and after its last

# Screen: the table's font is .72rem (macros/plugin/static/assets/sop.css), the root font at most 24px (Material's 150% on
# the widest screens; the actor columns stay in px while the font grows), th padding .3em a side + border.
SCREEN_FONT_MAX = 0.72 * 24
SCREEN_HEAD_PAD = 2 * 0.3 + 1 / SCREEN_FONT_MAX  # in em of the table's font (the border: 1px)


@dataclass(frozen=True, slots=True)
class HeaderFit:
    scale: float  # the header's font, of the table's font (em)
    words: tuple[str, ...]  # its words, with soft hyphens where one may break

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _fits(word: str, room: float, size: float) -> bool:
    return text_width(word, size, bold=True) <= room


def fit_header(text: str, width: float, font_px: float, inset: float) -> HeaderFit:
    """The header `text` in a column `width` px wide whose cell takes `inset` px of padding and border,
    in a table whose font is `font_px`."""
    words = tuple(text.split())
    room = width - inset
    widest = max((text_width(w, font_px, bold=True) for w in words), default=0.0)
    scale = HEADER_SCALE if widest == 0 else min(HEADER_SCALE, max(MIN_SCALE, room / widest))
    scale = _floor(scale)
    size = scale * font_px
    return HeaderFit(scale, tuple(w if _fits(w, room, size) else hyphenate(w, room, size) for w in words))


def _floor(scale: float) -> float:
    """Down to a thousandth, so that the printed font is never a hair too big."""
    return int(scale * 1000) / 1000


def pieces(word: str) -> list[str]:
    """A word's pieces between its soft hyphens, each but the last printed with its hyphen."""
    parts = word.split(SOFT_HYPHEN)
    return [p + "-" for p in parts[:-1]] + parts[-1:]


VOWELS = set("aeiouAEIOU")
_UNIT = re.compile(r"ng|ny|sy|kh|[^\W\d_]|.", re.IGNORECASE)  # Indonesian spelling: ng, ny, sy, kh are one sound


def syllable_breaks(word: str) -> list[int]:
    """Where an Indonesian word may be hyphenated: before each consonant that starts a syllable (a
    consonant, or one of ng/ny/sy/kh, followed by a vowel), between letters only."""
    units = _UNIT.findall(word)
    breaks, at = [], 0
    for i, unit in enumerate(units):
        if 0 < i < len(units) - 1 and unit[0].isalpha() and unit[0] not in VOWELS and units[i + 1][0] in VOWELS:
            if units[i - 1][-1].isalpha():
                breaks.append(at)
        at += len(unit)
    return [b for b in breaks if b >= MIN_HEAD and len(word) - b >= MIN_TAIL]


def hyphenate(word: str, room: float, size: float) -> str:
    """The word with soft hyphens at the syllable breaks it needs to fit `room` piece by piece (each piece
    with its hyphen); a piece with no syllable break left is left whole."""
    breaks = syllable_breaks(word)
    chosen, start = [], 0
    while not _fits(word[start:], room, size):
        fitting = [b for b in breaks if b > start and _fits(word[start:b] + "-", room, size)]
        if not fitting:
            later = [b for b in breaks if b > start]
            if not later:
                break
            fitting = later[:1]  # the shortest piece there is
        chosen.append(fitting[-1])
        start = fitting[-1]
    parts, last = [], 0
    for b in chosen:
        parts.append(word[last:b])
        last = b
    parts.append(word[last:])
    return SOFT_HYPHEN.join(parts)


def header_html(fit: HeaderFit) -> Markup:
    """The header's text; a shrunk font is set on a span (the th keeps its attributes)."""
    text = Markup("{}").format(fit.text)
    if fit.scale >= HEADER_SCALE:
        return text
    return Markup('<span class="sop-kepala-kecil" style="font-size:{}em">{}</span>').format(
        f"{fit.scale / HEADER_SCALE:.3f}".rstrip("0").rstrip("."), text
    )
