"""Prototype (issue 11): one built SOP page to a PDF, printed by Chromium through Playwright.

The engine was chosen by measurement (benchmarks/pdf_engine.md): Chromium is the browser print the
tests already pin, so the procedure table's pages are the same. What Chromium's `page.pdf()` lacks is
added here:
  - the footer on every page (nomor SOP, judul, "Halaman X dari Y"), as CSS `@page` margin boxes,
    which sit in the page margin and so never move the planned page breaks;
  - byte-determinism: Chromium stamps the clock into /CreationDate and /ModDate (nothing else varies
    between two prints); both are overwritten, length kept, so the xref offsets stay valid.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

__all__ = ["css_string", "footer_css", "fix_dates", "print_sop"]

FOOTER_FONT_PT = 7


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: backslashes and quotes escaped, control characters as spaces."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def footer_css(nomor: str, judul: str, draft: bool = False) -> str:
    """The print footer: nomor and judul on the left, "Halaman X dari Y" on the right (DRAF before it)."""
    left = css_string(f"{nomor} · {judul}" if nomor else judul)
    right = ('"DRAF · " ' if draft else "") + '"Halaman " counter(page) " dari " counter(pages)'
    box = f"font-family: 'Noto Sans', sans-serif; font-size: {FOOTER_FONT_PT}pt; color: #37474f;"
    return (
        "@page {"
        f" @bottom-left {{ content: {left}; {box} }}"
        f" @bottom-right {{ content: {right}; {box} white-space: nowrap; }}"
        " }"
    )


def fix_dates(data: bytes, when: datetime) -> bytes:
    """The PDF with its Info dates set to `when` (UTC), each value keeping its length."""
    stamp = when.astimezone(timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'").encode()

    def repl(match: re.Match) -> bytes:
        value = match.group(2)
        new = stamp if len(stamp) == len(value) else stamp[: len(value)].ljust(len(value), b" ")
        return b"/" + match.group(1) + b" (" + new + b")"

    return re.sub(rb"/(CreationDate|ModDate) \(([^)]*)\)", repl, data)


def print_sop(browser, url: str, target: Path, *, nomor: str, judul: str, draft: bool = False,
              when: datetime | None = None) -> Path:
    """Print the built SOP page at `url` with `browser` (a Playwright Chromium) to `target`.
    `when` fixes the PDF's dates (default: the Unix epoch), so the same page gives the same bytes."""
    page = browser.new_page()
    try:
        page.goto(url)
        page.add_style_tag(content=footer_css(nomor, judul, draft))
        data = page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(fix_dates(data, when or datetime(1970, 1, 1, tzinfo=timezone.utc)))
    return target
