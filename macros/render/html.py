"""Small HTML helpers. Every piece of SOP text passes through `escape`."""

from __future__ import annotations

from typing import Iterable

from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "ordered_list", "table_row", "table", "field_rows", "truncated_note"]


def ordered_list(items: Iterable[Markup | str], css: str = "") -> Markup:
    rows = [Markup("<li>{}</li>").format(item) for item in items]
    if not rows:
        return Markup('<p class="sop-kosong">-</p>')
    cls = Markup(' class="{}"').format(css) if css else Markup("")
    return Markup("<ol{}>{}</ol>").format(cls, Markup("").join(rows))


def table_row(cells: Iterable[Markup | str], header: bool = False) -> Markup:
    tag = "th" if header else "td"
    inner = Markup("").join(Markup(f"<{tag}>{{}}</{tag}>").format(c) for c in cells)
    return Markup("<tr>{}</tr>").format(inner)


def table(css: str, rows: Iterable[Markup], head: Iterable[str] | None = None) -> Markup:
    """A styled table inside a sideways-scrolling wrapper (narrow screens scroll, never squash)."""
    thead = Markup("<thead>{}</thead>").format(table_row(head, header=True)) if head is not None else Markup("")
    return Markup('<div class="sop-gulir"><table class="sop-tabel {}">{}<tbody>{}</tbody></table></div>').format(
        css, thead, Markup("").join(rows)
    )


def field_rows(pairs: Iterable[tuple[str, Markup | str]]) -> list[Markup]:
    """Label/value rows: the label in a header cell."""
    return [Markup("<tr><th>{}</th><td>{}</td></tr>").format(k, v) for k, v in pairs]


def truncated_note(steps: int) -> Markup:
    """What a page from a truncated source (`terpotong: true`, `steps` visible steps) says about it."""
    return Markup(
        '<p class="sop-terpotong" role="note"><strong>Sumber terpotong:</strong> SOP ini disalin dari dokumen '
        "yang tidak lengkap. Langkah setelah langkah {} tidak tersedia; alur berlanjut (…) ke bagian yang hilang.</p>"
    ).format(steps)
