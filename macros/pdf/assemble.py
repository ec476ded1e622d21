"""Putting printed pages together into the PDF files (pikepdf): pages, footers laid over them, the
outline (bookmarks), the document's metadata, and bytes that depend only on what went in."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pikepdf

CREATOR = "sop-as-code"


@dataclass
class Mark:
    """A bookmark: its title, the page it opens (0-based, in the file), and the bookmarks under it."""

    title: str
    page: int
    children: list["Mark"] = field(default_factory=list)


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str  # the nomor SOP, or what the book holds
    author: str  # the agency
    when: date  # the build's date (from the sources), so the bytes do not follow the clock


def read(data: bytes) -> pikepdf.Pdf:
    return pikepdf.Pdf.open(io.BytesIO(data))


def page_sizes(pdf: pikepdf.Pdf) -> list[tuple[float, float]]:
    sizes = []
    for page in pdf.pages:
        box = page.mediabox
        sizes.append((float(box[2]) - float(box[0]), float(box[3]) - float(box[1])))
    return sizes


def combine(parts: Sequence[pikepdf.Pdf]) -> pikepdf.Pdf:
    """A new PDF holding the pages of `parts`, in order (nothing else of them: no outline or
    metadata of Chromium's comes along)."""
    pdf = pikepdf.Pdf.new()
    for part in parts:
        pdf.pages.extend(part.pages)
    return pdf


def stamp(pdf: pikepdf.Pdf, sheet_pages: Sequence[pikepdf.Page], pages: Sequence[int]) -> None:
    """Lay the sheet pages, in order, over the pages of `pdf` numbered in `pages` (each sheet page is
    as large as its page). Done by hand rather than with `Page.add_overlay`, which names the
    drawing at random: the same pages must give the same bytes."""
    if len(sheet_pages) != len(pages):
        raise ValueError(f"{len(sheet_pages)} sheet pages for {len(pages)} pages")
    for sheet_page, number in zip(sheet_pages, pages):
        page = pdf.pages[number]
        form = pdf.copy_foreign(sheet_page.as_form_xobject())
        name = _free_name(page, "SopKaki")
        page.add_resource(form, pikepdf.Name.XObject, name)
        page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(pdf, b"\nQ\nq " + str(name).encode() + b" Do Q\n"))


def _free_name(page: pikepdf.Page, stem: str) -> pikepdf.Name:
    taken = set(page.resources.get(pikepdf.Name.XObject, {}).keys()) if pikepdf.Name.Resources in page.obj else set()
    n = 0
    while f"/{stem}{n}" in taken:
        n += 1
    return pikepdf.Name(f"/{stem}{n}")


def retarget_links(pdf: pikepdf.Pdf, printed_at: str, site_url: str | None) -> None:
    """Links of the printed pages point at the address the pages were printed from; on paper and in
    the file they must point at the published site (`site_url`), or nowhere when there is none."""
    for page in pdf.pages:
        annotations = page.obj.get(pikepdf.Name.Annots)
        if annotations is None:
            continue
        kept = pikepdf.Array()
        for annotation in annotations:
            action = annotation.get(pikepdf.Name.A)
            uri = str(action.get(pikepdf.Name.URI, "")) if action is not None else ""
            if uri.startswith(printed_at):
                if not site_url:
                    continue
                action.URI = pikepdf.String(site_url.rstrip("/") + uri[len(printed_at):])
            kept.append(annotation)
        if len(kept):
            page.obj.Annots = kept
        else:
            del page.obj.Annots


def _pdf_date(when: date) -> str:
    return f"D:{when:%Y%m%d}000000Z"


def finish(pdf: pikepdf.Pdf, metadata: Metadata, marks: Sequence[Mark]) -> bytes:
    """The file's bytes: outline, metadata, Indonesian as the document language, the title shown
    by viewers; the same input gives the same bytes (the file ID is derived from the content)."""
    with pdf.open_outline() as outline:
        outline.root.extend(_item(mark) for mark in marks)
    pdf.docinfo["/Title"] = metadata.title
    pdf.docinfo["/Subject"] = metadata.subject
    pdf.docinfo["/Author"] = metadata.author
    pdf.docinfo["/Creator"] = CREATOR
    pdf.docinfo["/Producer"] = CREATOR
    pdf.docinfo["/CreationDate"] = _pdf_date(metadata.when)
    pdf.docinfo["/ModDate"] = _pdf_date(metadata.when)
    pdf.Root.Lang = pikepdf.String("id")
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    if marks:
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _item(mark: Mark) -> pikepdf.OutlineItem:
    item = pikepdf.OutlineItem(mark.title, mark.page)
    item.children.extend(_item(child) for child in mark.children)
    return item
