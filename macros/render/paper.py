"""The paper every printed page is on: the configured size (`paper` of the plugin, A4 or F4), turned
the way its page kind is read. Each page says so in a CSS @page rule: a page without one is printed
on the browser's default paper (US Letter in Chromium), whatever the rest of its PDF is on."""

from __future__ import annotations

import enum

from markupsafe import Markup

PAPERS = {"A4": (297.0, 210.0), "F4": (330.0, 215.0)}  # landscape width, height in mm


class Orientation(enum.Enum):
    LANDSCAPE = "landscape"  # the SOP document (identity, procedure table), the swimlane
    PORTRAIT = "portrait"  # the Lembar Kerja, checklists, monitoring and evaluation forms, the book's front matter


def page_size(paper: str, orientation: Orientation) -> tuple[float, float]:
    """(width, height) in mm of `paper` turned to `orientation`."""
    long, short = PAPERS[paper]
    return (long, short) if orientation is Orientation.LANDSCAPE else (short, long)


def _mm(value: float) -> str:
    return f"{value:g}mm"


def page_rule(paper: str, orientation: Orientation, margin_mm: float) -> Markup:
    """The printed page of this document (a <style> in the body applies to the whole page)."""
    width, height = page_size(paper, orientation)
    return Markup("<style>@page {{ size: {} {}; margin: {}; }}</style>").format(_mm(width), _mm(height), _mm(margin_mm))
