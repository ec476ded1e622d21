"""The site's own font (macros/plugin/static/assets/fonts/, published at assets/fonts/) and the print estimate made from its metrics.

The metric tables in macros/render/flowchart/font_metrics.py are read again from the shipped font files
with fontTools (and brotli, for WOFF2); those tests are skipped where fontTools is not installed.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from markupsafe import Markup

from macros.plugin.assets import STATIC, STYLESHEETS
from macros.render.flowchart import font_metrics, pagination
from macros.render.flowchart.font_metrics import (
    ADVANCES, FIRST_CHAR, FONT_FILES, OTHER_ADVANCE, UNITS_PER_EM, text_width, wrapped_lines,
)
from macros.render.flowchart.pagination import PT, IdentityPair, PairPart, cell_height, identity_pages
from tests.conftest import REPO

ASSETS = STATIC / "assets"
FONTS = ASSETS / "fonts"
CSS = (ASSETS / "sop.css").read_text(encoding="utf-8")


def _block(css: str, at_rule: str) -> str:
    """The body of the first `at_rule { ... }` block (braces matched)."""
    start = css.index(at_rule)
    depth, i = 0, css.index("{", start)
    for j in range(i, len(css)):
        depth += {"{": 1, "}": -1}.get(css[j], 0)
        if depth == 0:
            return css[i + 1:j]
    raise AssertionError(f"{at_rule} tidak ditutup")


def _top_level(css: str) -> str:
    """The stylesheet without its @media blocks."""
    out, depth, skipping = [], 0, False
    i = 0
    while i < len(css):
        if not skipping and css.startswith("@media", i):
            skipping, depth = True, 0
        ch = css[i]
        if skipping:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if ch == "}" and depth == 0:
                skipping = False
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _declarations(css: str, selector: str) -> dict[str, str]:
    """Declarations of the rules whose selector list holds `selector` exactly (later rules win)."""
    found: dict[str, str] = {}
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if selector in (s.strip() for s in selectors.split(",")):
            for declaration in body.split(";"):
                if ":" in declaration:
                    name, value = declaration.split(":", 1)
                    found[name.strip()] = value.strip()
    return found


def _length(value: str, font_px: float) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(pt|px|em|%)", value).groups()
    return float(number) * {"pt": PT, "px": 1.0, "em": font_px, "%": 0.01}[unit]


# --- The files --------------------------------------------------------------------------------------------

def test_the_font_ships_with_the_site_under_its_licence():
    files = sorted(FONTS.glob("*.woff2"))
    assert files
    for path in files:
        assert re.fullmatch(r"noto-sans-latin(-ext)?-(400|600|700)-(normal|italic)\.woff2", path.name), path.name
        assert path.read_bytes()[:4] == b"wOF2", path.name
    assert sum(path.stat().st_size for path in files) < 350_000  # latin and latin-ext only
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence and "Noto Project Authors" in licence
    assert {path.name for path in FONTS.iterdir()} == {path.name for path in files} | {"OFL.txt"}


def test_the_stylesheet_loads_every_shipped_face_from_the_site():
    faces = re.findall(r"@font-face\s*\{([^}]*)\}", CSS)
    urls = []
    for face in faces:
        assert re.search(r'font-family:\s*"Noto Sans"', face)
        assert "unicode-range:" in face and "font-display: swap" in face
        urls += re.findall(r'url\("([^"]+)"\)', face)
    assert sorted(urls) == sorted(f"fonts/{p.name}" for p in FONTS.glob("*.woff2"))
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", CSS), "huruf diambil dari luar situs"
    root = _declarations(_top_level(CSS), ":root")
    assert root["--md-text-font"] == '"Noto Sans"'


def test_every_page_loads_the_stylesheet_and_no_web_font():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False
    assert "assets/sop.css" in STYLESHEETS  # linked by the plugin (tests/plugin/test_assets.py), not by mkdocs.yml


# --- The metrics, read again from the files -------------------------------------------------------------

def _advances(name: str) -> dict[int, int]:
    ttlib = pytest.importorskip("fontTools.ttLib", reason="fontTools membaca berkas huruf")
    pytest.importorskip("brotli", reason="brotli membuka WOFF2")
    font = ttlib.TTFont(str(FONTS / name))
    assert font["head"].unitsPerEm == UNITS_PER_EM
    metrics = font["hmtx"]
    return {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}


@pytest.mark.parametrize("style", sorted(FONT_FILES))
def test_the_advance_tables_are_the_shipped_fonts(style):
    advances = _advances(FONT_FILES[style])
    table = ADVANCES[style]
    assert len(table) == 0x7F - FIRST_CHAR
    assert tuple(advances[code] for code in range(FIRST_CHAR, 0x7F)) == table
    assert max(table) <= OTHER_ADVANCE


@pytest.mark.parametrize("weight, style", [("400", "regular"), ("700", "bold")])
def test_a_letter_outside_the_table_is_never_counted_narrow(weight, style):
    """Accented letters count as their base letters: at most a hair (2% of an em) short."""
    for subset in ("latin", "latin-ext"):
        advances = _advances(f"noto-sans-{subset}-{weight}-normal.woff2")
        for code, width in advances.items():
            char = chr(code)
            if code < 0x7F or unicodedata.category(char)[0] not in "LNP":
                continue
            assert font_metrics._advance(char, ADVANCES[style]) >= width - UNITS_PER_EM / 50, (char, width)
        assert max(advances.values()) <= OTHER_ADVANCE


def test_semibold_and_italic_text_measured_as_bold_and_regular_is_not_short():
    """Semibold (600) text is measured with the bold table, italic with the regular one."""
    bold, semibold = _advances(FONT_FILES["bold"]), _advances("noto-sans-latin-600-normal.woff2")
    regular, italic = _advances(FONT_FILES["regular"]), _advances("noto-sans-latin-400-italic.woff2")
    for code in range(FIRST_CHAR, 0x7F):
        assert semibold[code] <= bold[code] + UNITS_PER_EM / 50, chr(code)
        assert italic[code] <= regular[code] * 1.05, chr(code)
    assert sum(italic[c] for c in range(0x61, 0x7B)) < sum(regular[c] for c in range(0x61, 0x7B))


# --- The print styles the estimate assumes ----------------------------------------------------------------

def test_the_estimate_uses_the_print_styles():
    screen, printed = _top_level(CSS), _block(CSS, "@media print")
    procedure = _declarations(printed, ".md-typeset table.sop-prosedur--cetak")
    assert _length(procedure["font-size"], 0) == pytest.approx(pagination.PROCEDURE_FONT_PX)
    tables = _declarations(printed, ".md-typeset table.sop-tabel")
    assert _length(tables["font-size"], 0) == pytest.approx(pagination.IDENTITY_FONT_PX)
    assert float(tables["line-height"]) * pagination.PROCEDURE_FONT_PX == pytest.approx(pagination.PROCEDURE_LINE)
    cells = _declarations(printed, ".md-typeset table.sop-tabel td")
    top, side = (_length(v, 0) for v in cells["padding"].split())
    assert 2 * top + 1 <= pagination.CELL_PADDING and 2 * side + 1 == pagination.CELL_INSET

    font = pagination.IDENTITY_FONT_PX
    identity = _declarations(printed, ".md-typeset .sop-identitas-blok table.sop-tabel")
    assert float(identity["line-height"]) * font == pytest.approx(pagination.IDENTITY_LINE)
    padding = _declarations(printed, ".md-typeset .sop-identitas-blok table.sop-tabel td")["padding"]
    top, side = (_length(v, font) for v in padding.split())
    assert pagination.IDENTITY_CELL == (2 * top + 1, 2 * side + 1)
    kop = _declarations(screen, ".md-typeset table.sop-tabel td.sop-kop")
    assert float(kop["line-height"]) * font == pytest.approx(pagination.KOP_LINE)
    assert _length(_declarations(screen, ".md-typeset table.sop-identitas col.sop-kolom-kop")["width"], font) == pagination.KOP_WIDTH
    assert _length(_declarations(screen, ".md-typeset table.sop-identitas col.sop-kolom-label")["width"], font) == pytest.approx(pagination.LABEL_WIDTH)
    lists = _declarations(screen, ".md-typeset .sop-tabel ol")["margin"].split()
    assert _length(lists[3], font) == pytest.approx(pagination.LIST_INDENT)
    items = _declarations(screen, ".md-typeset .sop-tabel ol li")["margin"].split()
    assert _length(items[2], font) == pytest.approx(pagination.LIST_GAP)
    assert _length(_declarations(screen, ".sop-ttd")["height"], font) == pytest.approx(pagination.BLOCK_EXTRA["sop-ttd"])
    assert _declarations(screen, ".md-typeset .sop-tabel p.sop-kosong")["margin"] == "0"
    inset = _declarations(printed, ".md-content__inner")["padding"].replace("!important", "").split()
    assert inset[0] == "0" and _length(inset[1], font) == pagination.PRINT_INSET


# --- Measuring text ---------------------------------------------------------------------------------------

def test_text_width_adds_up_the_advances():
    regular = ADVANCES["regular"]
    expected = sum(regular[ord(c) - FIRST_CHAR] for c in "Kepala Bappeda") * 10 / UNITS_PER_EM
    assert text_width("Kepala Bappeda", 10) == pytest.approx(expected)
    assert text_width("Kepala", 10, bold=True) > text_width("Kepala", 10)
    assert text_width("é", 10) == text_width("e", 10)
    assert text_width("ß", 10) == OTHER_ADVANCE / 100
    assert text_width("→", 10) == OTHER_ADVANCE / 100  # not in the shipped font


def test_wrapping_breaks_at_spaces_and_long_words_where_they_must():
    size = 10.0
    two = "Dokumen data"
    width = text_width(two, size)
    assert wrapped_lines(two, width, size) == 1
    assert wrapped_lines(two, width - 0.1, size) == 2
    assert wrapped_lines(two + " kinerja", width, size) == 2
    assert wrapped_lines("", 100, size) == 1
    long_word = "x" * 40
    assert wrapped_lines(long_word, text_width(long_word, size) / 3 + 0.1, size) == 3
    plain = [("Dokumen data ", False), ("kinerja", False)]
    bold = [("Dokumen data ", False), ("kinerja", True)]
    just = text_width("Dokumen data kinerja", size) + 0.5
    assert wrapped_lines(plain, just, size) == 1 and wrapped_lines(bold, just, size) == 2


def test_a_cell_counts_its_lines_list_gaps_and_fixed_spaces():
    line, gap, pad = pagination.IDENTITY_LINE, pagination.LIST_GAP, pagination.IDENTITY_CELL[0]
    assert cell_height("<ol><li>satu</li><li>dua</li></ol>", 500) == pytest.approx(2 * line + 2 * gap + pad)
    assert cell_height('<div>a</div><div class="sop-ttd"></div><div>b</div>', 500) == pytest.approx(
        2 * line + pagination.BLOCK_EXTRA["sop-ttd"] + pad
    )
    assert cell_height("a<br>b", 500) == pytest.approx(2 * line + pad)
    narrow = cell_height("<ol><li>Peraturan Pemerintah Nomor 79 Tahun 2005</li></ol>", 120)
    assert narrow > cell_height("<ol><li>Peraturan Pemerintah Nomor 79 Tahun 2005</li></ol>", 500)


# --- Where a long identity block breaks -------------------------------------------------------------------

ONE_LINE = "Peraturan Daerah Kabupaten Banggai"  # one line in half a landscape page
LONG = "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi tentang " * 2


def _pair(left: int, right: int = 1, text: str = ONE_LINE) -> IdentityPair:
    return IdentityPair("Kiri", [Markup(text)] * left, "Kanan", [Markup(ONE_LINE)] * right)


def test_a_grid_that_fits_stays_on_the_first_page():
    pages = identity_pages("", [("Nomor SOP", "1")], [_pair(6), _pair(5), _pair(1)])
    assert pages == [[PairPart(0, range(6), range(1), False), PairPart(1, range(5), range(1), False),
                      PairPart(2, range(1), range(1), False)]]


def test_a_long_list_breaks_between_items_and_goes_on_numbered():
    geometry = pagination.PrintGeometry("A4")
    item = pagination._Measured(_pair(1, 1, LONG), geometry.page_width / 2).sides[0][0]
    n = int(1.5 * geometry.page_height / item)  # a page and a half of items
    pages = identity_pages("", [("Nomor SOP", "1")], [_pair(n, 4, LONG), _pair(5), _pair(1)])
    assert len(pages) == 2
    (first,), (rest, *others) = pages
    assert first.left.start == 0 and not first.continued
    assert rest.continued and rest.left.start == first.left.stop and rest.left.stop == n
    assert len(first.left) >= pagination.MIN_ITEMS and len(rest.left) >= pagination.MIN_ITEMS
    assert first.right == range(4) and rest.right == range(4, 4)  # the short list ended on the first page
    assert [p.pair for p in others] == [1, 2] and not any(p.continued for p in others)


def test_no_lone_short_pair_on_a_continuation_page():
    # two pairs fill the first page, the third would stand alone on the next: the second goes along
    line = pagination.IDENTITY_LINE + pagination.LIST_GAP
    budget = pagination.PrintGeometry("A4").page_height - pagination.SPARE
    first_items = int((budget - 200) / line)
    pages = identity_pages("", [], [_pair(first_items), _pair(9), _pair(1)])
    assert [[part.pair for part in page] for page in pages] == [[0], [1, 2]]
    assert not any(part.continued for page in pages for part in page)


def test_an_empty_list_takes_one_line():
    empty = pagination._Measured(IdentityPair("Kiri", [], "Kanan", []), 500)
    assert empty.height(range(0), range(0)) == pytest.approx(
        empty.label + pagination.IDENTITY_LINE + pagination.IDENTITY_CELL[0]
    )
