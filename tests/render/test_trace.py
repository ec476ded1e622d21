"""Jejak cetak: the source's revision, and with the site's address the QR code to the SOP's page,
printed in the kop."""

from __future__ import annotations

import re

import pytest
import segno

from macros.load.discover import source_sets
from macros.load.revisions import Revision
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.flowchart import pagination
from macros.render.identity import identity_block
from macros.render.links import Links
from macros.render.sop_page import PageOptions, render_sop_page
from macros.render.trace import Trace, qr_svg, trace_block
from macros.urls import absolute_url
from tests.conftest import SEED_SOURCES
from tests.qr_read import quiet_zone, read_matrix, strip_quiet_zone, svg_matrix

SLUG = "perbaikan-data-kinerja"
SEED_URL = f"https://sop.banggaikab.go.id/sop/{SLUG}/"
GIT = Revision("git", "0123456789ab")
HASHED = Revision("sha256", "sha256:e3b0c44298fc")


@pytest.fixture(scope="module")
def seed():
    project = load_project(source_sets([SEED_SOURCES])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return project.documents[0].sop, registries


def _page(seed, options: PageOptions, revision: Revision | None = GIT) -> str:
    sop, registries = seed
    return str(render_sop_page(SLUG, sop, registries, {}, Links(lambda p: p), options, revision))


def _svg(html: str) -> str:
    (svg,) = re.findall(r'<svg[^>]*class="sop-qr".*?</svg>', html, re.S)
    return svg


@pytest.mark.parametrize("site_url", ["https://sop.banggaikab.go.id/", "https://sop.banggaikab.go.id"])
def test_the_qr_code_reads_as_the_sop_page_on_the_site(seed, site_url):
    html = _page(seed, PageOptions(site_url=site_url))
    grid = svg_matrix(_svg(html))
    assert quiet_zone(grid) >= 4
    assert read_matrix(strip_quiet_zone(grid)) == (SEED_URL, "M")
    # and it is what segno itself makes of the address (the reader is not fooled by its own mistake)
    expected = segno.make(SEED_URL, error="m", micro=False, boost_error=False)
    assert [[bool(v) for v in row] for row in expected.matrix] == strip_quiet_zone(grid)


def test_the_qr_code_is_vector_and_sized_by_the_print_css(seed):
    svg = _svg(_page(seed, PageOptions(site_url="https://sop.banggaikab.go.id/")))
    assert svg.startswith('<svg viewBox="0 0 41 41" class="sop-qr">')
    assert "<image" not in svg and "data:" not in svg and "width=" not in svg  # no raster, no fixed size


def test_the_printout_names_the_revision_and_the_address(seed):
    html = _page(seed, PageOptions(site_url="https://sop.banggaikab.go.id/"))
    assert '<div class="sop-jejak-revisi">Dicetak dari revisi 0123456789ab</div>' in html
    assert f'<div class="sop-jejak-url">{SEED_URL}</div>' in html
    hashed = _page(seed, PageOptions(site_url="https://sop.banggaikab.go.id/"), HASHED)
    assert '<div class="sop-jejak-revisi">Dicetak dari revisi sumber sha256:e3b0c44298fc</div>' in hashed


def test_the_trace_stands_in_the_kop(seed):
    html = _page(seed, PageOptions(site_url="https://sop.banggaikab.go.id/"))
    kop = re.search(r'<td class="sop-kop" rowspan="\d+">(.*?)</td>', html, re.S).group(1)
    assert '<div class="sop-jejak">' in kop and "<svg" in kop


def test_without_site_url_the_revision_is_printed_alone(seed):
    html = _page(seed, PageOptions(), GIT)
    kop = re.search(r'<td class="sop-kop" rowspan="\d+">(.*?)</td>', html, re.S).group(1)
    assert '<div class="sop-jejak-polos"><div class="sop-jejak-revisi">Dicetak dari revisi 0123456789ab</div></div>' in kop
    assert "sop-jejak-url" not in html and "<svg" not in html.split('<section class="sop-prosedur-blok"')[0]
    hashed = _page(seed, PageOptions(), HASHED)
    assert '<div class="sop-jejak-revisi">Dicetak dari revisi sumber sha256:e3b0c44298fc</div>' in hashed


def test_without_site_url_or_revision_nothing_is_added(seed):
    plain = _page(seed, PageOptions(), None)
    assert "sop-jejak" not in plain and "<svg" not in plain.split('<section class="sop-prosedur-blok"')[0]
    sop, registries = seed
    assert str(identity_block(sop, registries, {}, Links(lambda p: p))) in plain


def test_a_revision_that_could_not_be_read_leaves_the_line_out(seed):
    html = _page(seed, PageOptions(site_url="https://sop.banggaikab.go.id/"), None)
    assert "sop-jejak-revisi" not in html and f'<div class="sop-jejak-url">{SEED_URL}</div>' in html


def test_the_site_url_is_escaped_and_encoded_unescaped():
    url = 'https://contoh.go.id/a&b/"<x>/sop/surat/'
    html = str(trace_block(Trace(url, GIT)))
    assert "https://contoh.go.id/a&amp;b/&#34;&lt;x&gt;/sop/surat/" in html and "<x>" not in html
    assert read_matrix(strip_quiet_zone(svg_matrix(_svg(html))))[0] == url


def test_same_address_same_bytes():
    assert str(qr_svg(SEED_URL)) == str(qr_svg(SEED_URL))
    assert str(qr_svg(SEED_URL)) != str(qr_svg(SEED_URL.replace("kinerja", "kinerja-2")))


@pytest.mark.parametrize("site_url, path, joined", [
    ("https://a.go.id/", "sop/x/", "https://a.go.id/sop/x/"),
    ("https://a.go.id", "sop/x/", "https://a.go.id/sop/x/"),
    ("https://a.go.id/situs/", "/sop/x/", "https://a.go.id/situs/sop/x/"),
    ("https://a.go.id/situs", "sop/x/", "https://a.go.id/situs/sop/x/"),
])
def test_absolute_url_joins_whether_or_not_either_has_its_slash(site_url, path, joined):
    assert absolute_url(site_url, path) == joined


# --- the print estimate -------------------------------------------------------------------------------

def _kop(seed, trace: Trace | None) -> str:
    sop, registries = seed
    html = str(identity_block(sop, registries, {}, Links(lambda p: p), trace=trace))
    return re.search(r'<td class="sop-kop" rowspan="\d+">(.*?)</td>', html, re.S).group(1)


def _kop_height(kop: str) -> float:
    width = pagination.KOP_WIDTH * pagination.PrintGeometry("A4").page_width
    return pagination.cell_height(kop, width, bold=True, line=pagination.KOP_LINE)


def test_the_estimate_counts_the_qr_code_beside_its_text(seed):
    plain = _kop_height(_kop(seed, None))
    traced = _kop_height(_kop(seed, Trace(SEED_URL, GIT)))
    # short text: the code is the taller, and its margin above
    assert traced - plain == pytest.approx(pagination.TRACE_QR + pagination.TRACE_GAP)


def test_the_estimate_counts_the_revision_printed_alone(seed):
    plain = _kop_height(_kop(seed, None))
    alone = _kop_height(_kop(seed, Trace(None, GIT)))
    # one line of 6.5 pt below its margin: "Dicetak dari revisi 0123456789ab" fits the kop's width
    assert alone - plain == pytest.approx(pagination.TRACE_GAP + pagination.TRACE_LINE)
    long = Revision("sha256", "sha256:" + "e3b0c44298fc" * 12)  # wraps: each line counted
    assert _kop_height(_kop(seed, Trace(None, long))) > alone + pagination.TRACE_LINE


def test_text_taller_than_the_code_sets_the_height(seed):
    long_url = "https://sop.banggaikab.go.id/" + "sangat-panjang-" * 40 + "/sop/x/"
    short = _kop_height(_kop(seed, Trace(SEED_URL, GIT)))
    tall = _kop_height(_kop(seed, Trace(long_url, GIT)))
    assert tall > short + 2 * pagination.TRACE_LINE  # the address wraps to more lines than the code is high


def test_the_seed_with_its_qr_code_plans_one_identity_page(seed):
    sop, registries = seed
    html = str(identity_block(sop, registries, {}, Links(lambda p: p), trace=Trace(SEED_URL, GIT)))
    assert "sop-rincian--lanjutan" not in html


def test_the_estimate_uses_the_print_styles_of_the_trace():
    from tests.render.test_fonts import CSS, _block, _declarations, _top_level

    def mm(value: str) -> float:
        assert value.endswith("mm"), value
        return float(value[:-2]) * pagination.MM

    printed = _block(CSS, "@media print")
    block = _declarations(printed, ".sop-jejak")
    assert mm(block["margin-top"]) == pytest.approx(pagination.TRACE_GAP)
    assert mm(block["gap"]) == pytest.approx(pagination.BESIDE["sop-jejak"][2] - pagination.TRACE_QR)
    assert block["font-size"] == "6.5pt" and 6.5 / 8.5 == pytest.approx(pagination.TRACE_FONT)
    assert float(block["line-height"]) * 6.5 * pagination.PT == pytest.approx(pagination.TRACE_LINE)
    assert block["font-weight"] == "400"  # the estimate measures its text as regular
    for selector in (".sop-jejak-qr", ".sop-jejak-qr svg"):
        sizes = _declarations(printed, selector)
        assert mm(sizes["width"]) == mm(sizes["height"]) == pytest.approx(pagination.TRACE_QR)
    assert _declarations(_top_level(CSS), ".sop-jejak") == {"display": "none"}  # printed only
    alone = _declarations(printed, ".sop-jejak-polos")
    assert mm(alone["margin-top"]) == pytest.approx(pagination.BESIDE["sop-jejak-polos"][0])
    assert alone["font-size"] == "6.5pt" and pagination.SCALED["sop-jejak-polos"] == pagination.TRACE_FONT
    assert float(alone["line-height"]) * 6.5 * pagination.PT == pytest.approx(pagination.BESIDE["sop-jejak-polos"][3])
    assert alone["font-weight"] == "400" and alone["display"] == "block"
    assert _declarations(_top_level(CSS), ".sop-jejak-polos") == {"display": "none"}
