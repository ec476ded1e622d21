"""Every PDF of a built site: one per SOP (`pdf/<slug>.pdf`) and one book per agency
(`pdf/buku-sop-<agency>.pdf`), made from the site's own pages as the browser prints them.

1. Each SOP's printed views (site/pages.py, `printed`: its document page, then its Lembar Kerja)
   are printed by Chromium once (or found in the cache): the pages of both the SOP's PDF and its
   agency's book.
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

from markupsafe import Markup

from ..failures import Failure
from ..model.sop import Sop, Status
from ..render.book import book_groups, book_order, render_book_front
from ..site.data import SiteData
from ..site.pages import printed_views
from ..urls import PageKind, PageRef, book_pdf, sop_pdf
from . import assemble
from .assemble import Mark, Metadata
from .cache import PdfCache, key_of
from .chromium import HOST, Job, Printer, browser_identity
from .footer import Footer, footer_sheet, page_number

log = logging.getLogger("mkdocs.plugins.sop")

FORMAT = "sop-pdf 2"  # bump when what this module adds to a PDF changes: every cached file is made again
FRONT_FOLDER = "_sop-pdf"  # where the front matter is served to the browser (in memory, never written)
MAX_FRONT_PASSES = 4
FOOTERS_PER_SHEET = 250
SMALL_BOOK = 5  # SOPs whose Daftar Isi is taken to fit one page before it is printed (see front_guess)
_ARTICLE = re.compile(r"<article\b.*</article>", re.S)
PRINTED = printed_views()  # what an SOP's PDF prints: (kind, title in the outline); the document outlines its parts


class PdfFailed(Failure):
    """A PDF could not be made; the message is one line in Indonesian."""


@dataclass(frozen=True)
class PdfSettings:
    paper: str  # "A4" or "F4": the book's front matter (the site's pages carry their own @page, on the same paper)
    stylesheets: tuple[str, ...]  # the site's extra_css, from the site root
    when: date  # the build's date, from the sources
    site_url: str | None = None  # where the site is published: the PDFs' links point there
    tabs: int = 2
    built_from: str | None = None  # the sources' revision, said in each book's Daftar Isi


@dataclass
class PdfReport:
    files: list[str] = field(default_factory=list)  # written, from the site root
    printed: int = 0  # Chromium prints made by this build
    reused: int = 0  # files and prints found in the cache


@dataclass
class _Printed:
    """One SOP's printed pages: each view its PDF prints, in order (PRINTED)."""

    slug: str
    sop: Sop
    parts: list[bytes]  # one per view of PRINTED
    identity_pages: int  # as planned (render/identity.py): the first page, then any continuation
    procedure_pages: int  # as planned (render/flowchart/pagination.py)
    sizes: list[tuple[float, float]] = field(default_factory=list)  # of every page, in order
    part_pages: list[int] = field(default_factory=list)  # how many pages each part has

    def __post_init__(self) -> None:
        sizes = [assemble.page_sizes(assemble.read(part)) for part in self.parts]
        self.part_pages = [len(part) for part in sizes]
        self.sizes = [size for part in sizes for size in part]

    def marks(self, first: int) -> list[Mark]:
        """The document's identity, procedure and revisions, then each other view, from page `first` of a file."""
        marks: list[Mark] = []
        at = first
        for (kind, title), pages in zip(PRINTED, self.part_pages):
            if kind is PageKind.DOCUMENT:
                marks += self._document_marks(at, pages)
            elif title is not None:
                marks.append(Mark(title, at))
            at += pages
        return marks

    def _document_marks(self, first: int, pages: int) -> list[Mark]:
        marks = [Mark("Bagian Identitas", first)]
        procedure = first + min(self.identity_pages, pages - 1)
        marks.append(Mark("Prosedur", procedure))
        revisions = procedure + self.procedure_pages
        if self.sop.revisions and revisions < first + pages:
            marks.append(Mark("Riwayat Revisi", revisions))
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


def make_pdfs(site: SiteData, site_dir: Path, cache_dir: Path, settings: PdfSettings,
              printer: Printer | None = None) -> PdfReport:
    """Write every PDF into `site_dir`. `printer`: one already started (its owner closes it)."""
    report = PdfReport()
    if not site.sops:
        return report
    if printer is None:
        with Printer(site_dir, settings.tabs) as own:
            return make_pdfs(site, site_dir, cache_dir, settings, own)
    printed_before = printer.printed
    built = _Site(site_dir)
    cache = PdfCache(cache_dir)
    prints = _Prints(cache, key_of(FORMAT, browser_identity(), built.assets()))
    books = [_Book(site, agency_id, settings) for agency_id in sorted({sop.agency for sop in site.sops.values()})]
    # Round 1: every SOP's printed views, and every book's front matter before its page numbers are known.
    pages = {slug: {kind: prints.ask(PageRef(kind, slug), built) for kind, _ in PRINTED} for slug in site.sops}
    # A small book's front matter is a cover and one page of Daftar Isi: it is not printed to be
    # counted, and its first print already has the page numbers (if the guess was wrong, the passes
    # below print it again).
    fronts = {book.agency_id: prints.ask_front(book, None) for book in books if book.front_guess() is None}
    prints.run(printer)
    printed = {
        slug: _Printed(slug, site.sops[slug], [prints.got[request.key] for request in requests.values()],
                       identity_pages=1 + requests[PageKind.DOCUMENT].article.count("sop-rincian--lanjutan"),
                       procedure_pages=requests[PageKind.DOCUMENT].article.count('class="sop-halaman-cetak"'))
        for slug, requests in pages.items()
    }
    # Round 2: each front matter with every SOP's first page, and the footer sheets of every file
    # (a book's footers need only its front matter's page count, which the second pass rarely
    # changes); then, rarely, more passes of the fronts whose length did change, and their sheets.
    counts: dict[str, int] = {}
    for book in books:
        if book.agency_id in fronts:
            book.front = prints.got[fronts[book.agency_id].key]  # its page sizes, until the last pass
            counts[book.agency_id] = _page_count(book.front)
        else:
            counts[book.agency_id] = book.front_guess()
    agencies = site.registries.agencies
    outputs = {sop_pdf(item.slug): _sop_output(item, agencies[item.sop.agency].name, settings)
               for item in printed.values()}
    outputs |= {book_pdf(book.agency_id): book.output(printed, settings) for book in books if book.front}
    sheets = {path: prints.ask_footers(output, settings) for path, output in outputs.items()}
    waiting = {book.agency_id: book for book in books}
    for _ in range(MAX_FRONT_PASSES):
        asked = {agency_id: prints.ask_front(book, book.starts(counts[agency_id], printed))
                 for agency_id, book in waiting.items()}
        prints.run(printer)
        for agency_id, front in asked.items():
            data = waiting[agency_id].front = prints.got[front.key]
            if _page_count(data) == counts[agency_id]:
                del waiting[agency_id]
            else:
                counts[agency_id] = _page_count(data)
        if not waiting:
            break
    else:
        raise PdfFailed(f"Daftar Isi buku {', '.join(waiting)}: jumlah halamannya tidak tetap")
    for book in books:
        path = book_pdf(book.agency_id)
        output = book.output(printed, settings)
        if path not in outputs or output.footers != outputs[path].footers:  # guessed, or changed length
            sheets[path] = prints.ask_footers(output, settings)
        outputs[path] = output
    prints.run(printer)
    _write(list(outputs.values()), sheets, prints, cache, settings, site_dir, report)
    report.printed = printer.printed - printed_before
    report.reused = cache.hits
    cache.prune()
    return report


def _page_count(data: bytes) -> int:
    return len(assemble.read(data).pages)


@dataclass(frozen=True)
class _Request:
    key: str
    job: Job
    article: str = ""


class _Prints:
    """Prints asked for: found in the cache, or printed together at the next `run`."""

    def __init__(self, cache: PdfCache, base: str) -> None:
        self.cache = cache
        self.base = base
        self.got: dict[str, bytes] = {}
        self._missing: dict[str, Job] = {}

    def _ask(self, request: _Request) -> _Request:
        if request.key not in self.got and request.key not in self._missing:
            data = self.cache.get(request.key)
            if data is None:
                self._missing[request.key] = request.job
            else:
                self.got[request.key] = data
        return request

    def ask(self, ref: PageRef, built: "_Site") -> _Request:
        article = built.article(ref)
        return self._ask(_Request(key_of(self.base, "page", article), Job(ref.path), article))

    def ask_front(self, book: "_Book", start_pages: dict[str, int] | None) -> _Request:
        html = book.front_html(start_pages)
        return self._ask(_Request(key_of(self.base, "front", html), Job(f"{FRONT_FOLDER}/buku-sop-{book.agency_id}.html", html)))

    def ask_footers(self, output: "_Output", settings: PdfSettings) -> list[_Request]:
        """The footer sheets of a file: its own (see _write), in sheets of at most
        FOOTERS_PER_SHEET pages."""
        stylesheets = ["/" + href.lstrip("/") for href in settings.stylesheets]
        footers = [f for f in output.footers if f is not None]
        requests = []
        for at in range(0, len(footers), FOOTERS_PER_SHEET):
            html = footer_sheet(footers[at:at + FOOTERS_PER_SHEET], stylesheets)
            key = key_of(self.base, "footers", html)
            requests.append(self._ask(_Request(key, Job(f"{FRONT_FOLDER}/kaki-halaman-{key[:16]}.html", html))))
        return requests

    def run(self, printer: Printer) -> None:
        if not self._missing:
            return
        keys = list(self._missing)
        log.info(f"pdf: mencetak {len(keys)} halaman dengan Chromium")
        for key, data in zip(keys, printer.print_all([self._missing[key] for key in keys])):
            self.cache.put(key, data)
            self.got[key] = data
        self._missing.clear()


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
        sop_pdf(item.slug), list(item.parts), list(_sop_footers(sop, sizes, 1, len(sizes))),
        item.marks(0), Metadata(sop.title, sop.number or "", agency, settings.when),
    )


class _Book:
    """One agency's book: its SOPs in the Daftar Isi's order, its front matter, its file."""

    def __init__(self, site: SiteData, agency_id: str, settings: PdfSettings) -> None:
        self.site = site
        self.agency_id = agency_id
        self.agency = site.registries.agencies[agency_id]
        self.settings = settings
        self.slugs = [slug for _, slugs in book_order(site, agency_id) for slug in slugs]
        self.year = max((d for slug in self.slugs for d in _dates(site.sops[slug])), default=settings.when).year
        self.front: bytes = b""

    def front_guess(self) -> int | None:
        """The front matter's page count without printing it, for a small book: the cover and one
        page of Daftar Isi."""
        return 2 if len(self.slugs) <= SMALL_BOOK else None

    def front_html(self, start_pages: dict[str, int] | None) -> str:
        logo = "/" + self.agency.logo.lstrip("/") if self.agency.logo else None
        return render_book_front(
            self.agency, book_groups(self.site, self.agency_id, start_pages), year=self.year, paper=self.settings.paper,
            stylesheets=["/" + href.lstrip("/") for href in self.settings.stylesheets], logo_src=logo,
            built_from=self.settings.built_from,
        )

    def starts(self, front_pages: int, printed: dict[str, _Printed]) -> dict[str, int]:
        """Each SOP's first page in the book, after `front_pages` pages of front matter."""
        starts, at = {}, front_pages + 1
        for slug in self.slugs:
            starts[slug], at = at, at + len(printed[slug].sizes)
        return starts

    def output(self, printed: dict[str, _Printed], settings: PdfSettings) -> _Output:
        agency = self.agency
        front_sizes = assemble.page_sizes(assemble.read(self.front))
        count = len(front_sizes)
        starts = self.starts(count, printed)
        total = count + sum(len(printed[slug].sizes) for slug in self.slugs)
        footers: list[Footer | None] = [None]  # the Halaman Judul carries no footer, but counts as page 1
        footers += [Footer(w, h, f"Daftar Isi · {agency.name}", page_number(n + 2, total))
                    for n, (w, h) in enumerate(front_sizes[1:])]
        marks = [Mark("Daftar Isi", 1 if count > 1 else 0)]
        parts = [self.front]
        for slug in self.slugs:
            item = printed[slug]
            footers += _sop_footers(item.sop, item.sizes, starts[slug], total)
            number = f"{item.sop.number} — " if item.sop.number else ""
            marks.append(Mark(f"{number}{item.sop.title}", starts[slug] - 1, item.marks(starts[slug] - 1)))
            parts += item.parts
        title = f"Standar Operasional Prosedur Administrasi Pemerintahan — {agency.name}"
        return _Output(book_pdf(self.agency_id), parts, footers, marks,
                       Metadata(title, f"Buku SOP {agency.name} ({len(self.slugs)} SOP)", agency.name, settings.when))


def _dates(sop: Sop) -> list[date]:
    return [d.first for d in (sop.dates.effective_date, sop.dates.revised, sop.dates.created) if d is not None]


def _write(outputs: list[_Output], sheets: dict[str, list[_Request]], prints: _Prints, cache: PdfCache,
           settings: PdfSettings, site_dir: Path, report: PdfReport) -> None:
    """Assemble and save each file, or take it from the cache.

    Footers are printed on sheets of the file's own: a sheet's font is a subset of the glyphs on it,
    so a sheet shared with other files would make a file's bytes depend on which other files were
    printed with it (a cold build and an incremental one would differ). A long file (a book) has
    sheets of at most FOOTERS_PER_SHEET pages, printed side by side: Chromium's time for one sheet
    grows faster than its page count (10,000 footers in one sheet take minutes, in sheets of 250
    about ten seconds)."""
    for output in outputs:
        parts = [prints.got[request.key] for request in sheets[output.path]]
        output.key = key_of(prints.base, "file", repr(output.footers), repr(output.marks), repr(output.metadata),
                            settings.site_url or "",
                            *(hashlib.sha256(part).hexdigest() for part in [*output.parts, *parts]))
        data = cache.get(output.key)
        if data is None:
            pdf = assemble.combine([assemble.read(part) for part in output.parts])
            assemble.retarget_links(pdf, HOST, settings.site_url)
            printed_sheets = [assemble.read(part) for part in parts]  # open while their pages are used
            sheet_pages = [page for sheet in printed_sheets for page in sheet.pages]
            numbered = [n for n, f in enumerate(output.footers) if f is not None]
            if len(sheet_pages) != len(numbered):
                raise PdfFailed(f"{output.path}: {len(sheet_pages)} kaki halaman tercetak untuk {len(numbered)} halaman")
            assemble.stamp(pdf, sheet_pages, numbered)
            data = assemble.finish(pdf, output.metadata, output.marks)
            cache.put(output.key, data)
        _save(site_dir, output.path, data, report)


def warm_document(site_dir: Path, stylesheets: Sequence[str]) -> str:
    """A page for the browser to load before it prints: every stylesheet of the site (the theme's,
    then the site's own) and text in each face the prints use, so that the fonts are fetched too."""
    theme = sorted("/" + p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("*.css"))
    links = Markup("").join(Markup('<link rel="stylesheet" href="{}">').format(href)
                            for href in [*theme, *("/" + s.lstrip("/") for s in stylesheets)])
    return ('<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>Pemanasan</title>' + links +
            '</head><body><article class="md-content__inner md-typeset"><p>Aa <b>Bb</b> <i>Ii</i> <b><i>Bi</i></b> '
            '<code>Cc</code></p><table><tr><th>Th</th><td>Td</td></tr></table></article></body></html>\n')


def _save(site_dir: Path, path: str, data: bytes, report: PdfReport) -> None:
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    report.files.append(path)
