"""The page of one SOP: the official document (identity block and procedure table)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..model.drawn import branch_symbol, drawn, source_step
from ..model.monev import EMPTY, SopMonev
from ..model.revision import Revision
from ..model.sop import Sop
from ..urls import PageKind, PageRef, absolute_url
from .actors import column_headings, column_name, column_short
from .citation import review_aside
from .context import Registries
from .flowchart import pagination
from .flowchart.pagination import MARGIN_MM, PrintGeometry
from .html import TRUNCATED_LABEL, table, table_row, truncated_note, truncated_text
from .identity import identity_block
from .links import Links
from .monev import monev_section
from .paper import Orientation, page_rule
from .procedure import procedure_table
from .screen_fit import fit_screen
from .step_list import step_list
from .text import indonesian_date, sop_total
from .trace import Trace

@dataclass(frozen=True)
class PageOptions:
    paper: str = "A4"
    steps_per_page: int = 0
    site_url: str | None = None  # mkdocs' `site_url`: when set, the printout carries the QR code to the page


def _page_style(options: PageOptions) -> Markup:
    return page_rule(options.paper, Orientation.LANDSCAPE, MARGIN_MM)


def _screen_table(sop: Sop, registries: Registries) -> Markup:
    drawing = drawn(sop)
    fit = fit_screen(drawing, registries)
    return Markup('<div class="sop-gulir sop-layar">{}</div>').format(
        procedure_table(drawing, fit.layout, registries, fit.widths, "sop-prosedur--layar", em=True, header_scale=fit.header_scale)
    )


def _screen_readings(sop: Sop, registries: Registries) -> Markup:
    """On screen, two readings of the procedure: a phone opens on the step list, the table one tap away
    (two radio buttons styled as tabs: no script needed); a wider screen shows the table alone."""
    return Markup(
        '<div class="sop-bacaan">'
        '<input class="sop-bacaan-pilih" type="radio" name="sop-bacaan" id="sop-bacaan-langkah" checked>'
        '<input class="sop-bacaan-pilih" type="radio" name="sop-bacaan" id="sop-bacaan-tabel">'
        '<div class="sop-bacaan-tab"><label for="sop-bacaan-langkah">Daftar langkah</label>'
        '<label for="sop-bacaan-tabel">Tabel diagram alir</label></div>'
        "{}{}</div>"
    ).format(step_list(sop, registries), _screen_table(sop, registries))


def _footer(sop: Sop, registries: Registries) -> list[tuple[str, str]]:
    """What follows the procedure table, as (label, text): the total time, and the actor columns' short
    names spelled out (also what site search finds a role by)."""
    names = "; ".join(f"{column_short(sop, r, registries)} = {column_name(r, registries)}" for r in sop.columns)
    return [("Total waktu:", str(sop_total(sop))), ("Pelaksana:", f"{names}.")]


def _footer_html(sop: Sop, registries: Registries) -> Markup:
    (total_label, total), (legend_label, legend) = _footer(sop, registries)
    return Markup(
        '<p class="sop-total-waktu"><strong>{}</strong> {}</p>\n<p class="sop-legenda"><strong>{}</strong> {}</p>'
    ).format(total_label, total, legend_label, legend)


def _last_step(sop: Sop) -> str:
    return sop.step_number(len(sop.steps) - 1)


def _print_footer(sop: Sop, registries: Registries) -> list[tuple[str, str]]:
    """The footer of the last printed page: a truncated source's note goes there too, below the table
    that ends in its continuation marker (never on a page of its own)."""
    truncated = [(TRUNCATED_LABEL, truncated_text(_last_step(sop)))] if sop.truncated else []
    return _footer(sop, registries) + truncated


def _print_footer_html(sop: Sop, registries: Registries) -> Markup:
    note = truncated_note(_last_step(sop), "sop-terpotong-cetak") if sop.truncated else Markup("")
    return _footer_html(sop, registries) + note


def _page_steps(drawing: Sop, rows: range) -> tuple[int, int]:
    """The first and last step (source positions, 1-based) a printed page's rows show; a symbol on a
    branch counts as its decision's."""
    positions = []
    for row in rows:
        symbol = branch_symbol(drawing, row)
        positions.append(symbol.decision if symbol is not None else source_step(drawing, row)[1])
    return positions[0] + 1, positions[-1] + 1


def _print_tables(sop: Sop, registries: Registries, options: PageOptions) -> Markup:
    """The procedure table as printed: one block per planned page, each starting a page of its own and
    scaled down (CSS zoom) when what was laid out on it would not fit the paper, so that the browser
    never breaks the table where the plan did not; the footer goes on the last page, planned too."""
    geometry = PrintGeometry(options.paper, options.steps_per_page)
    widths = geometry.widths_for(sop)
    header = pagination.header_height([column_short(sop, r, registries) for r in sop.columns], widths)
    footer = pagination.footer_height(
        [[(label, True), (" " + text, False)] for label, text in _print_footer(sop, registries)], geometry.page_width
    )
    drawing = drawn(sop)
    pages = pagination.plan(drawing, geometry, header, footer, column_headings(sop, registries))
    parts = []
    for n, page in enumerate(pages):
        style = Markup(' style="zoom:{}"').format(f"{page.scale:.3f}") if page.scale < 1 else Markup("")
        foot = Markup('<div class="sop-cetak-kaki">{}</div>').format(_print_footer_html(sop, registries)) if n + 1 == len(pages) else ""
        first, last = _page_steps(drawing, page.steps)
        parts.append(
            Markup('<div class="sop-halaman-cetak" data-halaman="{}" data-langkah="{}–{}" data-tinggi="{}"{}>{}{}</div>').format(
                n + 1, first, last, f"{page.height:.1f}", style,
                procedure_table(drawing, page.layout, registries, page.widths, "sop-prosedur--cetak"), foot,
            )
        )
    return Markup('<div class="sop-cetak" data-kertas="{}">{}</div>').format(options.paper, Markup("").join(parts))


@dataclass(frozen=True)
class ViewLink:
    """A link from the SOP's page to another view of the SOP (site/pages.py: view_links): to its one
    page, or to its page for each role of the SOP."""

    label: str
    href: str | None = None
    per_role: tuple[tuple[str, str], ...] = ()  # (the role's short name, href)


def _view_link(link: ViewLink) -> Markup:
    if link.href is not None:
        return Markup('<a href="{}">{}</a>').format(link.href, link.label)
    pages = Markup(", ").join(Markup('<a href="{}">{}</a>').format(href, name) for name, href in link.per_role)
    return Markup("{}: {}").format(link.label, pages)


def _views(slug: str, views: Sequence[ViewLink], links: Links) -> Markup:
    """The strip at the top of the page: the SOP's other views, then its PDF when the build makes one."""
    items = [_view_link(link) for link in views]
    pdf = links.pdf(slug)
    if pdf:
        items.append(Markup('<a class="sop-unduh-pdf" href="{}" download>Unduh PDF</a>').format(pdf))
    if not items:
        return Markup("")
    return Markup('<nav class="sop-tautan" aria-label="Bagian SOP ini">{}</nav>').format(Markup(" · ").join(items))


def _truncated_note(sop: Sop) -> Markup:
    """A source transcribed from an incomplete document says so wherever its procedure is read (on
    screen; printed, below the last page of the table: _print_footer)."""
    return truncated_note(_last_step(sop)) if sop.truncated else Markup("")


def _trace(slug: str, options: PageOptions, revision: Revision | None) -> Trace | None:
    url = absolute_url(options.site_url, PageRef(PageKind.DOCUMENT, slug).path) if options.site_url else None
    trace = Trace(url, revision)
    return None if trace.empty else trace


def render_sop_page(
    slug: str, sop: Sop, registries: Registries, titles: dict[str, str], links: Links, options: PageOptions,
    revision: Revision | None = None, monev: SopMonev | None = None, views: Sequence[ViewLink] = (),
) -> Markup:
    """`titles` maps every published slug to its title (for keterkaitan links); `revision`: of the
    source, printed on the identity page (with the QR code when `options.site_url` is set); `views`:
    the SOP's other views, linked at the top."""
    revisions = [table_row([indonesian_date(r.date), r.change, r.by]) for r in sop.revisions]
    parts = [
        _page_style(options),
        Markup('<div class="sop-dokumen">'),
        Markup('<h1 class="sop-judul-layar">{}</h1>').format(sop.title),
        _views(slug, views, links),
        _truncated_note(sop),
        identity_block(sop, registries, titles, links, paper=options.paper, trace=_trace(slug, options, revision)),
        review_aside(sop, registries),
        Markup('<section class="sop-prosedur-blok" aria-label="Prosedur"><h2 class="sop-judul-layar">Prosedur</h2>'),
        _truncated_note(sop),
        _screen_readings(sop, registries),
        _print_tables(sop, registries, options),
        _footer_html(sop, registries),
        Markup("</section>"),
    ]
    if sop.revisions:
        parts.append(
            Markup('<section class="sop-riwayat-blok"><h2>Riwayat Revisi</h2>{}</section>').format(
                table("sop-riwayat", revisions, ["Tanggal", "Perubahan", "Oleh"])
            )
        )
    parts.append(monev_section(slug, monev if monev is not None else EMPTY, registries, links))
    parts.append(Markup("</div>"))
    return Markup("\n").join(parts)
