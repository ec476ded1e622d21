"""Every PDF of a built site: one per SOP (`pdf/<slug>.pdf`) and one book per agency
(`pdf/buku-sop-<agency>.pdf`), made from the site's own pages as the browser prints them.

1. Each SOP's document page and its Lembar Kerja page are printed by Chromium once (or found in
   the cache): the pages of both the SOP's PDF and its agency's book.
2. A book's front matter (Halaman Judul, Daftar Isi) is printed twice: once to count its pages,
   once with every SOP's real starting page (Chromium has no `target-counter()`).
3. The footers of all files are drawn on one sheet, laid over the pages, and each file gets its
   outline and metadata. Same pages in, same bytes out.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model.sop import Sop, Status
from ..render.book import book_groups, render_book_front
from ..site.data import SiteData
from ..urls import PageKind, PageRef, book_pdf, sop_pdf
from . import assemble
from .assemble import Mark, Metadata
from .cache import PdfCache, key_of
from .chromium import HOST, Job, Printer, browser_identity
from .footer import Footer, footer_sheet, page_number

log = logging.getLogger("mkdocs.plugins.sop")

FORMAT = "sop-pdf 1"  # bump when what this module adds to a PDF changes: every cached file is made again
FRONT_FOLDER = "_sop-pdf"  # where the front matter is served to the browser (in memory, never written)
MAX_FRONT_PASSES = 4
_ARTICLE = re.compile(r"<article\b.*</article>", re.S)


class PdfFailed(Exception):
    """A PDF could not be made; the message is one line in Indonesian."""


@dataclass(frozen=True)
class PdfSettings:
    paper: str  # "A4" or "F4": the book's front matter (the SOP pages carry their own size)
    stylesheets: tuple[str, ...]  # the site's extra_css, from the site root
    when: date  # the build's date, from the sources
    site_url: str | None = None  # where the site is published: the PDFs' links point there
    tabs: int = 2


@dataclass
class PdfReport:
    files: list[str] = field(default_factory=list)  # written, from the site root
    printed: int = 0  # Chromium prints made by this build
    reused: int = 0  # files and prints found in the cache


@dataclass
class _Printed:
    """One SOP's printed pages: its document page and its Lembar Kerja."""

    slug: str
    sop: Sop
    document: bytes
    worksheet: bytes
    keys: tuple[str, str]
    identity_pages: int  # as planned (render/identity.py): the first page, then any continuation
    procedure_pages: int  # as planned (render/flowchart/pagination.py)
    sizes: list[tuple[float, float]] = field(default_factory=list)  # of every page, document then worksheet
    document_pages: int = 0

    def __post_init__(self) -> None:
        document = assemble.page_sizes(assemble.read(self.document))
        self.document_pages = len(document)
        self.sizes = document + assemble.page_sizes(assemble.read(self.worksheet))

    def marks(self, first: int) -> list[Mark]:
        """Identity, procedure, revisions and worksheet, from page `first` of a file."""
        document = self.document_pages
        marks = [Mark("Bagian Identitas", first)]
        procedure = first + min(self.identity_pages, document - 1)
        marks.append(Mark("Prosedur", procedure))
        revisions = procedure + self.procedure_pages
        if self.sop.revisions and revisions < first + document:
            marks.append(Mark("Riwayat Revisi", revisions))
        marks.append(Mark("Lembar Kerja Identifikasi Kegiatan", first + document))
        return marks


def _status_mark(sop: Sop) -> str | None:
    return {Status.DRAFT: "DRAF", Status.RETIRED: "DICABUT"}.get(sop.status)


def _left(sop: Sop) -> str:
    return f"{sop.number} · {sop.title}" if sop.number else sop.title


class _Site:
    """The built site's files as the PDFs need them (read once each)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._assets: str | None = None

    def article(self, ref: PageRef) -> str:
        """What a page prints: its article (the theme's header, navigation and scripts do not print)."""
        path = self.root / ref.path / "index.html"
        try:
            html = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PdfFailed(f"halaman {ref.path} tidak ada di situs yang dibangun ({exc.strerror})") from None
        match = _ARTICLE.search(html)
        return match.group(0) if match else html

    def assets(self) -> str:
        """A digest of every file a print may load besides its page (stylesheets, fonts, images)."""
        if self._assets is None:
            digest = hashlib.sha256()
            folder = self.root / "assets"
            files = sorted(p for p in folder.rglob("*") if p.is_file() and "javascripts" not in p.relative_to(folder).parts)
            for path in files:
                digest.update(path.relative_to(self.root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
            self._assets = digest.hexdigest()
        return self._assets


def make_pdfs(site: SiteData, site_dir: Path, cache_dir: Path, settings: PdfSettings) -> PdfReport:
    report = PdfReport()
    if not site.sops:
        return report
    built = _Site(site_dir)
    cache = PdfCache(cache_dir)
    base = key_of(FORMAT, browser_identity(), built.assets())
    with Printer(site_dir, settings.tabs) as printer:
        printed = _print_sops(site, built, cache, printer, base)
        agencies = site.registries.agencies
        outputs = [_sop_output(item, agencies[item.sop.agency].name, settings) for item in printed.values()]
        for agency_id in sorted({sop.agency for sop in site.sops.values()}):
            outputs.append(_book_output(site, agency_id, printed, cache, printer, base, settings))
        _write(outputs, cache, printer, base, settings, site_dir, report)
        report.printed = printer.printed
    report.reused = cache.hits
    cache.prune()
    return report


def _print_sops(site: SiteData, built: _Site, cache: PdfCache, printer: Printer, base: str) -> dict[str, _Printed]:
    refs = {slug: (PageRef(PageKind.DOCUMENT, slug), PageRef(PageKind.WORKSHEET, slug)) for slug in site.sops}
    articles = {slug: (built.article(doc), built.article(ws)) for slug, (doc, ws) in refs.items()}
    keys = {slug: (key_of(base, "page", doc), key_of(base, "page", ws)) for slug, (doc, ws) in articles.items()}
    found = {key: cache.get(key) for pair in keys.values() for key in pair}
    missing = [(key, ref) for slug, pair in keys.items() for key, ref in zip(pair, refs[slug]) if found[key] is None]
    missing = list(dict((key, ref) for key, ref in missing).items())  # one print per distinct page
    if missing:
        log.info(f"pdf: mencetak {len(missing)} halaman dengan Chromium")
        for (key, _), data in zip(missing, printer.print_all([Job(ref.path) for _, ref in missing])):
            cache.put(key, data)
            found[key] = data
    result = {}
    for slug, sop in site.sops.items():
        document_html = articles[slug][0]
        result[slug] = _Printed(
            slug, sop, found[keys[slug][0]], found[keys[slug][1]], keys[slug],
            identity_pages=1 + document_html.count("sop-rincian--lanjutan"),
            procedure_pages=document_html.count('class="sop-halaman-cetak"'),
        )
    return result


@dataclass
class _Output:
    """A file to write: its parts (printed PDFs), the footer of each page (None: none), outline, metadata."""

    path: str
    parts: list[bytes]
    footers: list[Footer | None]
    marks: list[Mark]
    metadata: Metadata
    key: str = ""


def _sop_footers(sop: Sop, sizes: Sequence[tuple[float, float]], first: int, total: int) -> list[Footer]:
    left, mark = _left(sop), _status_mark(sop)
    return [Footer(w, h, left, page_number(first + n, total, mark)) for n, (w, h) in enumerate(sizes)]


def _sop_output(item: _Printed, agency: str, settings: PdfSettings) -> _Output:
    sop, sizes = item.sop, item.sizes
    return _Output(
        sop_pdf(item.slug), [item.document, item.worksheet], list(_sop_footers(sop, sizes, 1, len(sizes))),
        item.marks(0), Metadata(sop.title, sop.number or "", agency, settings.when),
    )


def _book_output(site: SiteData, agency_id: str, printed: dict[str, _Printed], cache: PdfCache, printer: Printer,
                 base: str, settings: PdfSettings) -> _Output:
    agency = site.registries.agencies[agency_id]
    slugs = [entry.slug for _, entries in book_groups(site, agency_id) for entry in entries]
    year = max((d for slug in slugs for d in _dates(site.sops[slug])), default=settings.when).year
    logo = "/" + agency.logo.lstrip("/") if agency.logo else None
    stylesheets = ["/" + href.lstrip("/") for href in settings.stylesheets]
    lengths = {slug: len(printed[slug].sizes) for slug in slugs}

    def front(start_pages: dict[str, int] | None) -> bytes:
        html = render_book_front(agency, book_groups(site, agency_id, start_pages), year=year, paper=settings.paper,
                                 stylesheets=stylesheets, logo_src=logo)
        key = key_of(base, "front", html)
        data = cache.get(key)
        if data is None:
            (data,) = printer.print_all([Job(f"{FRONT_FOLDER}/buku-sop-{agency_id}.html", html)])
            cache.put(key, data)
        return data

    data = front(None)
    for _ in range(MAX_FRONT_PASSES):
        count = len(assemble.read(data).pages)
        starts, at = {}, count + 1
        for slug in slugs:
            starts[slug], at = at, at + lengths[slug]
        data = front(starts)
        if len(assemble.read(data).pages) == count:
            break
    else:
        raise PdfFailed(f"Daftar Isi buku {agency_id}: jumlah halamannya tidak tetap")

    front_sizes = assemble.page_sizes(assemble.read(data))
    total = count + sum(lengths.values())
    footers: list[Footer | None] = [None]  # the Halaman Judul carries no footer, but counts as page 1
    footers += [Footer(w, h, f"Daftar Isi · {agency.name}", page_number(n + 2, total)) for n, (w, h) in enumerate(front_sizes[1:])]
    marks = [Mark("Daftar Isi", 1 if count > 1 else 0)]
    parts = [data]
    for slug in slugs:
        item = printed[slug]
        footers += _sop_footers(item.sop, item.sizes, starts[slug], total)
        number = f"{item.sop.number} — " if item.sop.number else ""
        marks.append(Mark(f"{number}{item.sop.title}", starts[slug] - 1, item.marks(starts[slug] - 1)))
        parts += [item.document, item.worksheet]
    title = f"Standar Operasional Prosedur Administrasi Pemerintahan — {agency.name}"
    return _Output(book_pdf(agency_id), parts, footers, marks,
                   Metadata(title, f"Buku SOP {agency.name} ({len(slugs)} SOP)", agency.name, settings.when))


def _dates(sop: Sop) -> list[date]:
    return [d.first for d in (sop.dates.effective_date, sop.dates.revised, sop.dates.created) if d is not None]


def _write(outputs: list[_Output], cache: PdfCache, printer: Printer, base: str, settings: PdfSettings,
           site_dir: Path, report: PdfReport) -> None:
    pending: list[_Output] = []
    for output in outputs:
        output.key = key_of(base, "file", repr(output.footers), repr(output.marks), repr(output.metadata),
                            settings.site_url or "",
                            *(hashlib.sha256(part).hexdigest() for part in output.parts))
        data = cache.get(output.key)
        if data is None:
            pending.append(output)
        else:
            _save(site_dir, output.path, data, report)
    if not pending:
        return
    footers = [f for output in pending for f in output.footers if f is not None]
    stylesheets = ["/" + href.lstrip("/") for href in settings.stylesheets]
    (sheet_data,) = printer.print_all([Job(f"{FRONT_FOLDER}/kaki-halaman.html", footer_sheet(footers, stylesheets))])
    sheet = assemble.read(sheet_data)
    if len(sheet.pages) != len(footers):
        raise PdfFailed(f"lembar kaki halaman: {len(sheet.pages)} halaman tercetak untuk {len(footers)} kaki halaman")
    at = 0
    for output in pending:
        pdf = assemble.combine([assemble.read(part) for part in output.parts])
        assemble.retarget_links(pdf, HOST, settings.site_url)
        numbered = [n for n, f in enumerate(output.footers) if f is not None]
        assemble.stamp(pdf, sheet, at, numbered)
        at += len(numbered)
        data = assemble.finish(pdf, output.metadata, output.marks)
        cache.put(output.key, data)
        _save(site_dir, output.path, data, report)


def _save(site_dir: Path, path: str, data: bytes, report: PdfReport) -> None:
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    report.files.append(path)
