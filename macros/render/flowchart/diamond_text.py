"""The question a source writes inside a decision's diamond ("Lengkap?", "Masih berlaku?"), set to fit
the diamond: the largest size from which its words, wrapped between words, stay inside the diamond's
sides; a question too long for the smallest size is cut with "…" (the Kegiatan column says it whole).
The text of a symbol on a branch ("Melengkapi berkas") is set the same way inside its box (`box`): the
decision's Kegiatan column says it whole."""

from __future__ import annotations

from dataclasses import dataclass

from .font_metrics import text_width

SIZES = (7.0, 6.5, 6.0, 5.5, 5.0)  # px, largest first; below 5 px print is no longer legible
MAX_LINES = 3
LEADING = 1.15  # line height / font size
PADDING = 1.5  # px between the text and the diamond's sides


@dataclass(frozen=True)
class DiamondText:
    size: float
    lines: tuple[str, ...]
    cut: bool  # the question did not fit whole

    def baselines(self) -> list[float]:
        """Each line's baseline from the diamond's centre (y grows downwards)."""
        height = self.size * LEADING
        top = -height * len(self.lines) / 2
        return [top + height * (k + 1) - self.size * 0.28 for k in range(len(self.lines))]


def _room(half_width: float, half_height: float, size: float, count: int, box: bool = False) -> list[float]:
    """How wide each of `count` lines may be: a diamond is narrower away from its middle, so each line
    gets the width at its band's edge farthest from the centre; a box is as wide all the way down, as
    long as the lines stay inside its height."""
    height = size * LEADING
    top = -height * count / 2
    rooms = []
    for k in range(count):
        far = max(abs(top + height * k), abs(top + height * (k + 1)))
        if box:
            rooms.append(2 * half_width - 2 * PADDING if far <= half_height - PADDING else 0.0)
        else:
            rooms.append(2 * half_width * max(0.0, 1 - far / half_height) - 2 * PADDING)
    return rooms


def _wrap(words: list[str], rooms: list[float], size: float) -> list[str] | None:
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", size) <= rooms[len(lines) - 1]:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        if len(lines) == len(rooms) or text_width(word, size) > rooms[len(lines)]:
            return None
        lines.append(word)
    return lines


def fit_question(question: str, half_width: float, half_height: float, box: bool = False) -> DiamondText:
    """`box`: inside a process box rather than a diamond."""
    words = question.split()
    if not words:  # an empty text (a warning, SOP-H003): nothing to set
        return DiamondText(SIZES[0], (), cut=False)
    for size in SIZES:
        for count in range(1, MAX_LINES + 1):
            lines = _wrap(words, _room(half_width, half_height, size, count, box), size)
            if lines is not None and len(lines) == count:
                return DiamondText(size, tuple(lines), cut=False)
    size = SIZES[-1]
    best: list[str] = ["…"]
    shown = 0
    for count in range(1, MAX_LINES + 1):  # as many whole words as fit, then "…"
        lines, taken = _cut(words, _room(half_width, half_height, size, count, box))
        if len(lines) == count and taken > shown:
            best, shown = lines, taken
    return DiamondText(size, tuple(best), cut=True)


def _cut(words: list[str], rooms: list[float]) -> tuple[list[str], int]:
    """The first words that fit `rooms` with " …" after the last; and how many words that is."""
    size = SIZES[-1]
    lines: list[str] = []
    taken = 0
    for word in words:
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined + " …", size) <= rooms[len(lines) - 1]:
            lines[-1] = joined
        elif len(lines) < len(rooms) and text_width(word + " …", size) <= rooms[len(lines)]:
            lines.append(word)
        else:
            break
        taken += 1
    if not lines:
        return ["…"], 0
    lines[-1] += " …"
    return lines, taken
