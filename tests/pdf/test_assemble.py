"""Putting pages together: outline, metadata, and bytes that depend only on what went in."""

from __future__ import annotations

import io
from datetime import date

import pikepdf
import pypdf

from macros.pdf import assemble
from macros.pdf.assemble import Mark, Metadata


def _pdf(*sizes: tuple[float, float]) -> bytes:
    pdf = pikepdf.Pdf.new()
    for width, height in sizes:
        pdf.add_blank_page(page_size=(width, height))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


META = Metadata("Judul <SOP>", "205/050/01", "Bappeda & Litbang", date(2026, 11, 23))


def _made() -> bytes:
    parts = [assemble.read(_pdf((842, 595), (842, 595))), assemble.read(_pdf((595, 842)))]
    pdf = assemble.combine(parts)
    marks = [Mark("SOP A", 0, [Mark("Bagian Identitas", 0), Mark("Lembar Kerja Identifikasi Kegiatan", 2)])]
    return assemble.finish(pdf, META, marks)


def test_pages_outline_and_metadata():
    reader = pypdf.PdfReader(io.BytesIO(_made()))
    assert [(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages] == [(842, 595), (842, 595), (595, 842)]
    (top, children) = reader.outline
    assert top.title == "SOP A"
    assert [(c.title, reader.get_destination_page_number(c)) for c in children] == [
        ("Bagian Identitas", 0), ("Lembar Kerja Identifikasi Kegiatan", 2)]
    info = reader.metadata
    assert (info.title, info.subject, info.author, info.creator) == ("Judul <SOP>", "205/050/01", "Bappeda & Litbang", "sop-as-code")
    assert info["/CreationDate"] == "D:20261123000000Z"
    assert reader.trailer["/Root"]["/Lang"] == "id"


def test_same_input_same_bytes():
    assert _made() == _made()


def test_sizes():
    assert assemble.page_sizes(assemble.read(_pdf((842, 595), (595, 842)))) == [(842.0, 595.0), (595.0, 842.0)]
