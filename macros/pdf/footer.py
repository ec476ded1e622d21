"""The footer of every PDF page: nomor and judul on the left, "Halaman X dari Y" on the right.

Footers are drawn on a sheet of their own, one page per page of the PDF and of the same size,
which is then laid over the printed pages (assemble.stamp). So a page printed once serves both
the SOP's own PDF (numbered within the SOP) and the agency's book (numbered through the book),
and the pages the print plan laid out never move: the footer sits in the page's bottom margin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

MARGIN_MM = 10  # the print's page margin (render/flowchart/pagination.py MARGIN_MM): the footer's band
FONT_PT = 7


@dataclass(frozen=True)
class Footer:
    """The footer of one page, on a page `width` x `height` points large."""

    width: float
    height: float
    left: str
    right: str


def page_number(n: int, total: int, mark: str | None = None) -> str:
    text = f"Halaman {n} dari {total}"
    return f"{mark} · {text}" if mark else text


def footer_sheet(footers: Sequence[Footer], stylesheets: Sequence[str]) -> str:
    """One HTML document whose printed pages are the footers, one per page, in order. The style is
    ours alone (numbers and fixed text); every text of a footer goes through Markup's escaping."""
    sizes: dict[tuple[float, float], str] = {}
    for footer in footers:
        sizes.setdefault((round(footer.width, 2), round(footer.height, 2)), f"u{len(sizes)}")
    rules = "".join(
        f"@page {name} {{ size: {w}pt {h}pt; margin: 0; }}\n.{name} {{ page: {name}; width: {w}pt; height: {h}pt; }}\n"
        for (w, h), name in sizes.items()
    )
    pages = Markup("").join(
        Markup('<div class="h {}"><div class="f"><span class="k">{}</span><span class="n">{}</span></div></div>').format(
            sizes[(round(f.width, 2), round(f.height, 2))], f.left, f.right
        )
        for f in footers
    )
    links = Markup("").join(Markup('<link rel="stylesheet" href="{}">').format(href) for href in stylesheets)
    style = (
        "@page { margin: 0; }\n"
        "html, body { margin: 0; padding: 0; background: none; }\n"
        ".h { position: relative; overflow: hidden; break-after: page; }\n"
        ".h:last-child { break-after: auto; }\n"
        f".f {{ position: absolute; left: {MARGIN_MM}mm; right: {MARGIN_MM}mm; bottom: 0; height: {MARGIN_MM}mm;"
        " display: flex; align-items: center; justify-content: space-between; gap: 6mm;"
        f" font: 400 {FONT_PT}pt/1.2 'Noto Sans', sans-serif; color: #37474f; }}\n"
        ".k { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; min-width: 0; }\n"
        ".n { white-space: nowrap; flex: none; }\n" + rules
    )
    return (
        '<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>Kaki halaman</title>'
        f"{links}<style>{style}</style></head><body>{pages}</body></html>\n"
    )
