"""Small HTML helpers. Every piece of SOP text passes through `escape`."""

from __future__ import annotations

import re
from typing import Iterable

from markupsafe import Markup, escape

from .text import NO_VALUE

__all__ = ["Markup", "escape", "keep_codes", "ordered_list", "table_row", "table", "field_rows", "truncated_note"]

# Letters and digits joined by hyphens, a whole word ("AK-2", "SK-01", "e-KTP"); one of them a digit or
# a capital makes it a code (not "masing-masing", which may break as any word may). A longer one is left
# to wrap: it could be wider than a narrow column.
_HYPHENATED = re.compile(r"(?<![\w-])[^\W_]+(?:-[^\W_]+)+(?![\w-])")
CODE_LENGTH = 12


def _is_code(word: str) -> bool:
    return len(word) <= CODE_LENGTH and any(c.isdigit() or c.isupper() for c in word)


def keep_codes(text: str) -> Markup:
    """Source text for a page, escaped, with each short code kept on one line (a browser breaks after
    a hyphen: "AK-" at the end of one line, "2" on the next). The code is wrapped in a span; the text
    itself is the source's, for copying and search."""
    parts, at = [], 0
    for match in _HYPHENATED.finditer(text):
        if _is_code(match.group()):
            parts += [escape(text[at:match.start()]), Markup('<span class="sop-kode">{}</span>').format(match.group())]
            at = match.end()
    parts.append(escape(text[at:]))
    return Markup("").join(parts)


def ordered_list(items: Iterable[Markup | str], css: str = "") -> Markup:
    rows = [Markup("<li>{}</li>").format(item if isinstance(item, Markup) else keep_codes(item)) for item in items]
    if not rows:
        return Markup('<p class="sop-kosong">{}</p>').format(NO_VALUE)
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


TRUNCATED_LABEL = "Sumber terpotong:"


def truncated_text(last_step: str) -> str:
    """What a truncated source (`terpotong: true`) is said to be; `last_step`: the last visible step's
    number, as the source numbers it (Sop.step_number), not how many steps are visible."""
    return (f"SOP ini disalin dari dokumen yang tidak lengkap. Langkah setelah langkah {last_step} tidak tersedia; "
            "alur berlanjut (…) ke bagian yang hilang.")


def truncated_note(last_step: str, css: str = "sop-terpotong") -> Markup:
    """The note a page from a truncated source carries."""
    return Markup('<p class="{}" role="note"><strong>{}</strong> {}</p>').format(css, TRUNCATED_LABEL, truncated_text(last_step))
