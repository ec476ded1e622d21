"""Jejak cetak: what ties a printed SOP to its living version -- the revision of the source it was
printed from, and, when the site's address is known, a QR code to the SOP's page on the site.
Printed only (the screen is the site, whose footer states the revision)."""

from __future__ import annotations

from dataclasses import dataclass

import segno
from markupsafe import Markup

from ..model.revision import Revision

QR_ERROR = "m"  # error correction level M: ~15% of the code may be lost to a stain or a fold
QR_BORDER = 4  # modules of quiet zone on each side, as the standard asks


@dataclass(frozen=True)
class Trace:
    url: str | None  # the SOP's page on the site (absolute); None: the site's address is not set
    revision: Revision | None  # None: the source could not be read again for its revision

    @property
    def empty(self) -> bool:
        return self.url is None and self.revision is None


def qr_code(url: str) -> segno.QRCode:
    """The QR code of `url`: never a Micro QR, the level kept at M (not raised when it would fit)."""
    return segno.make(url, error=QR_ERROR, micro=False, boost_error=False)


def qr_svg(url: str) -> Markup:
    """The QR code as inline SVG: one path, sized by CSS (.sop-qr), the same bytes for the same URL."""
    svg = qr_code(url).svg_inline(scale=1, border=QR_BORDER, omitsize=True, svgclass="sop-qr", lineclass=None)
    return Markup(svg)  # segno writes only numbers and its own attributes; the URL is not in it


def revision_line(revision: Revision) -> str:
    return f"Dicetak dari {revision.label}"


def trace_block(trace: Trace) -> Markup:
    """The QR code with, beside it, the revision and the address (for a reader without a phone);
    without an address, the revision line alone."""
    lines = []
    if trace.revision is not None:
        lines.append(Markup('<div class="sop-jejak-revisi">{}</div>').format(revision_line(trace.revision)))
    if trace.url is None:
        return Markup('<div class="sop-jejak-polos">{}</div>').format(Markup("").join(lines)) if lines else Markup("")
    lines.append(Markup('<div class="sop-jejak-url">{}</div>').format(trace.url))
    return Markup(
        '<div class="sop-jejak"><div class="sop-jejak-qr" role="img" aria-label="Kode QR ke halaman SOP ini di situs">{}</div>'
        '<div class="sop-jejak-teks">{}</div></div>'
    ).format(qr_svg(trace.url), Markup("").join(lines))
