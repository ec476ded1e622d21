"""The front matter of an agency's bound SOP book (Unsur Dokumentasi, Permenpan-RB 35/2012):
the Halaman Judul, then the Daftar Isi, as one standalone HTML document for a print engine.

The engine prints every SOP on its own, then this document twice: first without page numbers
(`start_page=None`, to count the front matter's pages), then with each SOP's first page in the
whole book. The Halaman column has a fixed width and a number never wraps, so the two passes lay
out alike and give the same page count. Footers are the engine's: every page keeps its bottom
15 mm free of content (the engine needs 10 mm).

    groups = book_groups(site, "dinas-x", start_pages=None)   # or {slug: page} on the second pass
    html = render_book_front(agency, groups, year=2026, paper="A4",
                             stylesheets=["../assets/sop.css"], logo_src="../assets/logo.png")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Protocol, Sequence

from markupsafe import Markup

from ..model.registry import Agency
from ..model.sop import Sop
from .context import Registries
from .paper import Orientation, page_size
from .text import absent, indonesian_date, natural_key

BOOK_TITLE = ("STANDAR OPERASIONAL PROSEDUR", "ADMINISTRASI PEMERINTAHAN")
MARGIN_MM = 15  # every side; the engine draws its footer in the bottom 10 mm
# Shown, invisibly, where a page number will be on the second pass: as wide as any number the
# column holds (digits are tabular; the column is fixed, and a number never wraps).
PLACEHOLDER = "8888"
COLUMNS = (  # Daftar Isi: (class, header, width in mm or None for the rest)
    ("no", "No", 8),
    ("nomor", "Nomor SOP", 32),
    ("judul", "Judul SOP", None),
    ("efektif", "Tanggal Efektif", 24),
    ("revisi", "Tanggal Revisi", 24),
    ("keterangan", "Keterangan", 21),
    ("halaman", "Halaman", 16),
)


@dataclass(frozen=True)
class BookSop:
    """One SOP in the book."""

    slug: str
    sop: Sop
    start_page: int | None  # its first page in the whole book (1-based, the cover is 1); None on the first pass


class _Site(Protocol):
    """What the book reads of a site (macros.site.data.SiteData); render/ does not import site/."""

    @property
    def sops(self) -> Mapping[str, Sop]: ...

    @property
    def registries(self) -> Registries: ...


def _unit(sop: Sop) -> str | None:
    return " ".join(sop.unit.split()) if sop.unit and sop.unit.strip() else None


def _sop_key(slug: str, sop: Sop) -> tuple:
    """Within a group: by nomor, numbers compared as numbers; a draft without one last; then judul, slug."""
    return (sop.number is None, natural_key(sop.number or ""), natural_key(sop.title), sop.title, slug)


def book_order(site: _Site, agency_id: str) -> list[tuple[str, list[str]]]:
    """The Daftar Isi's groups, in the order the SOPs are bound: (heading, slugs). SOPs with no unit
    come first, headed by the agency's name; then one group per unit (bidang), alphabetically
    (numbers as numbers). Drafts and retired SOPs are bound too: the Daftar Isi marks them."""
    agency = site.registries.agencies[agency_id]
    units: dict[str | None, list[str]] = {}
    for slug, sop in site.sops.items():
        if sop.agency == agency_id:
            units.setdefault(_unit(sop), []).append(slug)
    names = sorted((u for u in units if u is not None), key=lambda u: (natural_key(u), u))
    ordered = ([None] if None in units else []) + names
    return [
        (agency.name if unit is None else unit, sorted(units[unit], key=lambda s: _sop_key(s, site.sops[s])))
        for unit in ordered
    ]


def book_groups(
    site: _Site, agency_id: str, start_pages: Mapping[str, int] | None = None
) -> list[tuple[str, list[BookSop]]]:
    """`book_order` with each SOP's model and first page (None on the first pass): what
    `render_book_front` takes."""
    pages = start_pages or {}
    return [
        (title, [BookSop(slug, site.sops[slug], pages.get(slug)) for slug in slugs])
        for title, slugs in book_order(site, agency_id)
    ]


def _size(text: str, sizes: Sequence[tuple[int, float]]) -> float:
    """A font size (pt) for a cover line: smaller as the text grows, so a long name keeps the cover one page."""
    return next((pt for limit, pt in sizes if len(text) <= limit), sizes[-1][1])


NAME_SIZES = ((60, 20), (110, 17), (200, 14), (400, 11), (10**9, 8))
LEVEL_SIZES = ((60, 15), (120, 13), (250, 11), (10**9, 8))
ADDRESS_SIZES = ((120, 11), (300, 9.5), (10**9, 7.5))


def _cover(agency: Agency, year: int, logo_src: str | None) -> Markup:
    logo = (
        Markup('<img class="sop-buku-logo" src="{}" alt="Logo {}">').format(logo_src, agency.government)
        if logo_src else Markup("")
    )
    name_size = _size(agency.name, NAME_SIZES)
    levels = Markup("").join(  # never larger than the agency's own name
        Markup('<p class="sop-buku-pemerintah" style="font-size: {}pt">{}</p>').format(
            min(_size(level, LEVEL_SIZES), name_size), level.upper()
        )
        for level in agency.levels
    )
    name = Markup('<p class="sop-buku-instansi" style="font-size: {}pt">{}</p>').format(name_size, agency.name.upper())
    address = (
        Markup('<p class="sop-buku-alamat" style="font-size: {}pt">{}</p>').format(_size(agency.address, ADDRESS_SIZES), agency.address)
        if agency.address else Markup("")
    )
    return Markup(
        '<section class="sop-buku-sampul" aria-label="Halaman Judul"><div class="sop-buku-bingkai">'
        '<div class="sop-buku-atas"><h1 class="sop-buku-judul"><span>{}</span> <span>{}</span></h1>'
        '<hr class="sop-buku-garis"></div>'
        '<div class="sop-buku-tengah">{}<div class="sop-buku-instansi-blok">{}{}</div></div>'
        '<div class="sop-buku-bawah"><p class="sop-buku-tahun">TAHUN {}</p>{}</div>'
        "</div></section>"
    ).format(BOOK_TITLE[0], BOOK_TITLE[1], logo, levels, name, year, address)


def _remark(sop: Sop) -> Markup:
    """Keterangan: a draft or a retired SOP says so (a retired one since when)."""
    if sop.is_draft:
        return Markup('<span class="sop-buku-tanda sop-buku-tanda--draf">Draf</span>')
    if sop.is_retired:
        since = sop.retirement.date if sop.retirement is not None else None
        when = Markup(" sejak {}").format(indonesian_date(since)) if since is not None else Markup("")
        return Markup('<span class="sop-buku-tanda sop-buku-tanda--dicabut">Dicabut</span>{}').format(when)
    return Markup("")


def _nomor(number: str) -> Markup:
    """A nomor breaks after a slash before it breaks inside a word ('205/050/01/' + 'Bappeda & Litbang')."""
    return Markup("/<wbr>").join(number.split("/"))


def _date(value) -> str:
    """A date in a narrow column: '05 Februari' stays on one line, the year may go to the next."""
    text = indonesian_date(value)
    return text.replace(" ", "\u00a0", 1) if text.count(" ") == 2 else text


def _page(entry: BookSop) -> Markup:
    if entry.start_page is None:
        return Markup('<span class="sop-buku-tunggu" aria-hidden="true">{}</span>').format(PLACEHOLDER)
    return Markup("{}").format(entry.start_page)


def _row(position: int, entry: BookSop) -> Markup:
    sop = entry.sop
    number = _nomor(sop.number) if sop.number is not None else Markup('<span class="sop-buku-belum">{}</span>').format(absent(sop.is_draft))
    cells = (position, number, sop.title, _date(sop.dates.effective_date_written), _date(sop.dates.revised_written),
             _remark(sop), _page(entry))
    tds = Markup("").join(
        Markup('<td class="sop-isi-{}">{}</td>').format(css, value) for (css, _, _), value in zip(COLUMNS, cells)
    )
    return Markup('<tr data-slug="{}" data-status="{}">{}</tr>').format(entry.slug, sop.status.value, tds)


def _contents(groups: Sequence[tuple[str, Sequence[BookSop]]], built_from: str | None = None) -> Markup:
    cols = Markup("").join(
        Markup('<col class="sop-isi-{}" style="width: {}mm">').format(css, width) if width else Markup('<col class="sop-isi-{}">').format(css)
        for css, _, width in COLUMNS
    )
    head = Markup("").join(Markup('<th scope="col" class="sop-isi-{}">{}</th>').format(css, label) for css, label, _ in COLUMNS)
    bodies = []
    position = 0
    for title, entries in groups:
        rows = []
        for entry in entries:
            position += 1
            rows.append(_row(position, entry))
        heading = Markup('<tr class="sop-buku-kelompok"><th colspan="{}" scope="colgroup">{}</th></tr>').format(len(COLUMNS), title)
        # A group's heading never ends a page: it shares an unbreakable tbody with the group's first row.
        bodies.append(Markup('<tbody class="sop-buku-awal">{}{}</tbody>').format(heading, rows[0] if rows else Markup("")))
        if len(rows) > 1:
            bodies.append(Markup("<tbody>{}</tbody>").format(Markup("").join(rows[1:])))
    if not bodies:
        bodies.append(Markup('<tbody><tr><td colspan="{}" class="sop-buku-kosong">Belum ada SOP.</td></tr></tbody>').format(len(COLUMNS)))
    return Markup(
        '<section class="sop-buku-isi" aria-labelledby="sop-buku-daftar-isi"><h2 id="sop-buku-daftar-isi">Daftar Isi</h2>{}'
        '<table class="sop-buku-tabel"><colgroup>{}</colgroup><thead><tr>{}</tr></thead>{}</table></section>'
    ).format(Markup('<p class="sop-buku-revisi">{}.</p>').format(built_from) if built_from else "", cols, head,
             Markup("").join(bodies))


def _style(paper: str) -> Markup:
    width, height = page_size(paper, Orientation.PORTRAIT)
    inner = height - 2 * MARGIN_MM - 1  # the cover's frame: a millimetre short of the page, never a second page
    return Markup(
        "<style>\n"
        "@page {{ size: {w}mm {h}mm; margin: {m}mm; }}\n"
        "@page sop-buku-sampul {{ size: {w}mm {h}mm; margin: {m}mm; }}\n"
        "@page sop-buku-isi {{ size: {w}mm {h}mm; margin: {m}mm; }}\n"
        "html {{ font-family: \"Noto Sans\", sans-serif; color: #000; background: #fff;"
        " -webkit-print-color-adjust: exact; print-color-adjust: exact; }}\n"
        # A border drawn on the edge of the page area is cut in half: everything keeps a hair inside it.
        "body {{ margin: 0; padding: 0 .5mm; }}\n"
        ".sop-buku-sampul {{ page: sop-buku-sampul; break-after: page; }}\n"
        ".sop-buku-bingkai {{ box-sizing: border-box; height: {inner}mm; overflow: hidden; display: flex;"
        " flex-direction: column; align-items: center; justify-content: space-between; text-align: center;"
        " padding: 16mm 12mm 12mm; border: 3pt double #000; overflow-wrap: anywhere; line-height: 1.3; }}\n"
        ".sop-buku-sampul p {{ margin: 0; }}\n"
        ".sop-buku-judul {{ margin: 0; font-size: 22pt; font-weight: 700; letter-spacing: .04em; line-height: 1.35; }}\n"
        ".sop-buku-judul span {{ display: block; }}\n"
        ".sop-buku-garis {{ width: 50mm; margin: 6mm auto 0; border: 0; border-top: 1.5pt solid #000; }}\n"
        ".sop-buku-judul span + span {{ font-size: 17pt; font-weight: 600; }}\n"
        ".sop-buku-tengah {{ display: flex; flex-direction: column; align-items: center; gap: 10mm; min-height: 0; }}\n"
        ".sop-buku-logo {{ display: block; max-width: 45mm; max-height: 45mm; object-fit: contain; }}\n"
        ".sop-buku-instansi-blok {{ display: flex; flex-direction: column; gap: 1.5mm; }}\n"
        ".sop-buku-pemerintah {{ font-weight: 600; }}\n"
        ".sop-buku-instansi {{ font-weight: 700; }}\n"
        ".sop-buku-bawah {{ display: flex; flex-direction: column; align-items: center; gap: 3mm; }}\n"
        ".sop-buku-tahun {{ font-size: 16pt; font-weight: 700; letter-spacing: .06em; }}\n"
        ".sop-buku-alamat {{ max-width: 140mm; }}\n"
        ".sop-buku-revisi {{ font-size: 8pt; color: #455a64; margin: -2mm 0 3mm; }}\n"
        ".sop-buku-isi {{ page: sop-buku-isi; break-before: page; }}\n"
        ".sop-buku-isi h2 {{ margin: 0 0 5mm; font-size: 15pt; font-weight: 700; text-align: center;"
        " letter-spacing: .08em; text-transform: uppercase; }}\n"
        ".sop-buku-tabel {{ width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 8.5pt; line-height: 1.3; }}\n"
        ".sop-buku-tabel th, .sop-buku-tabel td {{ border: .6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top;"
        " text-align: left; overflow-wrap: break-word; }}\n"
        ".sop-buku-tabel thead {{ display: table-header-group; }}\n"
        ".sop-buku-tabel thead th {{ background: #e0e0e0; font-weight: 700; text-align: center; vertical-align: middle;"
        " overflow-wrap: normal; }}\n"
        ".sop-buku-tabel tr {{ break-inside: avoid; }}\n"
        ".sop-buku-tabel tbody.sop-buku-awal {{ break-inside: avoid; }}\n"
        ".sop-buku-tabel tr.sop-buku-kelompok th {{ background: #f2f2f2; font-weight: 700; text-align: left; }}\n"
        ".sop-buku-tabel td.sop-isi-no, .sop-buku-tabel td.sop-isi-halaman {{ text-align: right; white-space: nowrap;"
        " font-variant-numeric: tabular-nums; }}\n"
        ".sop-buku-tabel td.sop-isi-efektif, .sop-buku-tabel td.sop-isi-revisi {{ text-align: center; }}\n"
        ".sop-buku-tunggu {{ visibility: hidden; }}\n"
        ".sop-buku-belum {{ font-style: italic; }}\n"
        ".sop-buku-tanda {{ font-weight: 700; }}\n"
        ".sop-buku-kosong {{ text-align: center; font-style: italic; }}\n"
        "</style>"
    ).format(w=width, h=height, m=MARGIN_MM, inner=inner)


def render_book_front(
    agency: Agency,
    groups: Sequence[tuple[str, Sequence[BookSop]]],
    *,
    year: int,
    paper: str,
    stylesheets: Sequence[str],
    logo_src: str | None,
    built_from: str | None = None,
) -> str:
    """A complete HTML document: the Halaman Judul (one portrait page), then the Daftar Isi
    (portrait, as many pages as it takes, its header repeated). `groups` as `book_groups` gives
    them; `paper` "A4" or "F4"; `stylesheets` the site's CSS hrefs (sop.css brings Noto Sans);
    `logo_src` the agency's logo URL, or None for a cover without one; `built_from` the revision of
    the sources ('Dibangun dari revisi …'), said under the Daftar Isi's heading."""
    links = Markup("").join(Markup('<link rel="stylesheet" href="{}">').format(href) for href in stylesheets)
    document = Markup(
        '<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n{links}\n{style}\n</head>\n'
        '<body class="sop-buku">\n{cover}\n{contents}\n</body>\n</html>\n'
    ).format(
        title=f"Standar Operasional Prosedur Administrasi Pemerintahan — {agency.name} — Tahun {year}",
        links=links,
        style=_style(paper),
        cover=_cover(agency, year, logo_src),
        contents=_contents(groups, built_from),
    )
    return str(document)
