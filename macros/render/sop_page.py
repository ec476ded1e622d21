"""The page of one SOP: the official document (identity block and procedure table)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.sop import Sop
from .context import Registries
from .flowchart.geometry import Metrics
from .flowchart.layout import layout_pages
from .flowchart.pagination import PAPERS, MARGIN_MM, PrintGeometry, paginate
from .html import page_rule, table, table_row, truncated_note
from .identity import identity_block
from .links import Links
from .procedure import SCREEN_WIDTHS, procedure_table
from .text import indonesian_date, total_time

SCREEN_COLUMN = 108.0


@dataclass(frozen=True)
class PageOptions:
    paper: str = "A4"
    steps_per_page: int = 0


def _page_style(options: PageOptions) -> Markup:
    width, height = PAPERS[options.paper]
    return page_rule(f"{int(width)}mm {int(height)}mm", int(MARGIN_MM))


def _screen_table(sop: Sop, registries: Registries) -> Markup:
    metrics = Metrics(SCREEN_COLUMN)
    (layout,) = layout_pages(sop, [range(len(sop.steps))], metrics)
    widths = {**SCREEN_WIDTHS, "pelaksana": SCREEN_COLUMN}
    return Markup('<div class="sop-gulir sop-layar">{}</div>').format(procedure_table(sop, layout, registries, widths, "sop-prosedur--layar"))


def _fit(widths: dict[str, float], margin: float) -> dict[str, float]:
    """A page whose flowchart needed a lane margin gives that room back from the text columns,
    so the table still fits the paper."""
    if margin <= 0:
        return widths
    fitted = dict(widths)
    for key in ("keterangan", "kegiatan"):
        taken = min(margin, max(0.0, fitted[key] - 60.0))
        fitted[key] -= taken
        margin -= taken
    return fitted


def _print_tables(sop: Sop, registries: Registries, options: PageOptions) -> Markup:
    geometry = PrintGeometry(options.paper, options.steps_per_page)
    widths = geometry.widths(len(sop.columns))
    metrics = Metrics(widths["pelaksana"])
    pages = paginate(sop, geometry, metrics.min_step_row)
    layouts = layout_pages(sop, pages, metrics)
    parts = [
        Markup('<div class="sop-halaman-cetak" data-halaman="{}" data-langkah="{}–{}">{}</div>').format(
            n + 1, steps.start + 1, steps.stop,
            procedure_table(sop, layout, registries, _fit(widths, layout.margin), "sop-prosedur--cetak"),
        )
        for n, (steps, layout) in enumerate(zip(pages, layouts))
    ]
    return Markup('<div class="sop-cetak" data-kertas="{}">{}</div>').format(options.paper, Markup("").join(parts))


def _legend(sop: Sop, registries: Registries) -> Markup:
    """The actor columns' short names spelled out (also what site search finds a role by)."""
    items = Markup("; ").join(
        Markup("{} = {}").format(registries.roles[r].short_name, registries.roles[r].name) for r in sop.columns
    )
    return Markup('<p class="sop-legenda"><strong>Pelaksana:</strong> {}.</p>').format(items)


def _views(slug: str, sop: Sop, registries: Registries, links: Links) -> Markup:
    checklists = Markup(", ").join(
        Markup('<a href="{}">{}</a>').format(links.checklist(slug, role), registries.roles[role].short_name)
        for role in sop.columns
    )
    return Markup(
        '<nav class="sop-tautan" aria-label="Bagian SOP ini"><a href="{}">Lembar Kerja Identifikasi Kegiatan</a> · '
        '<a href="{}">Diagram Swimlane</a> · Checklist: {}</nav>'
    ).format(links.worksheet(slug), links.swimlane(slug), checklists)


def _truncated_note(sop: Sop) -> Markup:
    """A source transcribed from an incomplete document says so wherever its procedure is read."""
    return truncated_note(len(sop.steps)) if sop.truncated else Markup("")


def render_sop_page(slug: str, sop: Sop, registries: Registries, titles: dict[str, str], links: Links, options: PageOptions) -> Markup:
    """`titles` maps every published slug to its title (for keterkaitan links)."""
    total = total_time(step.duration for step in sop.steps)
    revisions = [table_row([indonesian_date(r.date), r.change, r.by]) for r in sop.revisions]
    parts = [
        _page_style(options),
        Markup('<div class="sop-dokumen">'),
        Markup('<h1 class="sop-judul-layar">{}</h1>').format(sop.title),
        _views(slug, sop, registries, links),
        _truncated_note(sop),
        identity_block(sop, registries, titles, links, paper=options.paper),
        Markup('<section class="sop-prosedur-blok" aria-label="Prosedur"><h2 class="sop-judul-layar">Prosedur</h2>'),
        _truncated_note(sop),
        _screen_table(sop, registries),
        _print_tables(sop, registries, options),
        Markup('<p class="sop-total-waktu"><strong>Total waktu:</strong> {}</p>').format(str(total)),
        _legend(sop, registries),
        Markup("</section>"),
    ]
    if sop.revisions:
        parts.append(
            Markup('<section class="sop-riwayat-blok"><h2>Riwayat Revisi</h2>{}</section>').format(
                table("sop-riwayat", revisions, ["Tanggal", "Perubahan", "Oleh"])
            )
        )
    parts.append(Markup("</div>"))
    return Markup("\n").join(parts)
