"""The swimlane page: the diagram inline (searchable, sharp in print), a download, and the flow in words."""

from __future__ import annotations

from markupsafe import Markup

from ..model.sop import Sop
from .actors import step_actors
from .context import Registries
from .duties import goes_text, outgoing
from .html import keep_codes
from .links import Links
from .paper import Orientation, page_rule
from .text import nomor


def render_swimlane_page(slug: str, sop: Sop, svg: str, registries: Registries, links: Links, paper: str = "A4") -> Markup:
    flow = Markup("").join(
        Markup("<li>{} — {}: {} → {}</li>").format(
            sop.step_number(i),
            step_actors(sop, i, registries),
            keep_codes(step.activity),
            goes_text(outgoing(sop, i, registries)),
        )
        for i, step in enumerate(sop.steps)
    )
    return Markup("").join(
        [
            page_rule(paper, Orientation.LANDSCAPE, 10),
            Markup('<div class="sop-swimlane-halaman"><h1>Diagram Swimlane</h1>'),
            Markup('<p class="sop-subjudul">SOP <a href="{}">{}</a> · Nomor {} · <a href="{}" download="{}-swimlane.svg">unduh SVG</a></p>').format(
                links.sop(slug), sop.title, nomor(sop.number, sop.is_draft), links.swimlane_svg(slug), slug
            ),
            Markup(
                '<div class="sop-swimlane-alat"><input type="checkbox" id="sop-swimlane-paskan" class="sop-swimlane-paskan">'
                '<label for="sop-swimlane-paskan">Paskan ke lebar layar</label>'
                '<span class="sop-swimlane-petunjuk">{} lajur pelaksana: bila diagram lebih lebar dari layar, geser ke '
                "samping di dalam bingkai (bilah geser di bawahnya), atau paskan ke lebar layar.</span></div>"
            ).format(len(sop.columns)),
            Markup('<div class="sop-swimlane" role="img" tabindex="0" aria-label="Diagram swimlane {}">{}</div>').format(
                sop.title, Markup(svg)
            ),
            Markup('<details class="sop-alur-teks"><summary>Alur dalam teks</summary><ol>{}</ol></details></div>').format(flow),
        ]
    )
