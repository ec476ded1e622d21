"""The screen copy of the procedure table: text columns in em, each wide enough for its longest word."""

from __future__ import annotations

import re

import pytest

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.render.flowchart.font_metrics import text_width
from macros.render.procedure import SCREEN_FONT_PX, SCREEN_WIDTHS, WIDEST, screen_widths
from macros.render.sop_page import _screen_table
from macros.render.context import Registries
from tests.conftest import SEED_SOURCES
from tests.render.test_fonts import CSS, _block, _declarations, _top_level


def _seed():
    project = load_project(source_sets([SEED_SOURCES])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return registries, project.documents[0].sop


def _with_note(sop, note: str):
    steps = list(sop.steps)
    steps[0] = steps[0].model_copy(update={"note": note})
    return sop.model_copy(update={"steps": steps})


def test_the_sizes_follow_the_screen_styles():
    screen = _top_level(CSS)
    assert _declarations(screen, ".md-typeset table.sop-tabel")["font-size"] == ".72rem"
    assert SCREEN_FONT_PX == pytest.approx(0.72 * 20)  # Material's root font below 100em: 125 % of 16px
    assert _declarations(screen, ".md-typeset table.sop-tabel td")["padding"] == ".35em .55em"
    head = _block(CSS, "@media screen { .md-typeset table.sop-prosedur thead th")
    assert "padding-left: .3em; padding-right: .3em;" in head


def test_the_seed_keeps_the_usual_widths():
    _, sop = _seed()
    assert screen_widths(sop) == SCREEN_WIDTHS


def test_a_long_word_widens_its_column_and_an_address_is_capped():
    _, sop = _seed()
    word = "Pertanggungjawabannya"
    widths = screen_widths(_with_note(sop, f"Lihat {word} ini"))
    assert widths["keterangan"] > SCREEN_WIDTHS["keterangan"]
    assert widths["keterangan"] >= text_width(word, SCREEN_FONT_PX) + 2 * 0.55 * SCREEN_FONT_PX
    assert {k: v for k, v in widths.items() if k != "keterangan"} == {k: v for k, v in SCREEN_WIDTHS.items() if k != "keterangan"}
    address = screen_widths(_with_note(sop, "https://" + "contoh" * 40 + ".go.id"))
    assert address["keterangan"] == SCREEN_WIDTHS["keterangan"] * WIDEST


def test_the_screen_table_states_its_text_columns_in_em():
    registries, sop = _seed()
    html = str(_screen_table(_with_note(sop, "Pertanggungjawabannya"), registries))
    cols = dict(re.findall(r'<col class="sop-kolom-([a-z]+)" style="width:([^"]+)">', html))
    assert cols["pelaksana"] == "108px"
    # Kegiatan: a phone narrows it (--sop-lebar-kegiatan in macros/plugin/static/assets/sop.css); its own width otherwise
    kegiatan = re.fullmatch(r"var\(--sop-lebar-kegiatan, ([\d.]+em)\)", cols["kegiatan"])
    cols["kegiatan"] = kegiatan[1]
    for key in ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan"):
        assert cols[key].endswith("em")
    assert float(cols["kelengkapan"][:-2]) * SCREEN_FONT_PX == pytest.approx(SCREEN_WIDTHS["kelengkapan"], abs=0.1)
    assert float(cols["keterangan"][:-2]) * SCREEN_FONT_PX > SCREEN_WIDTHS["keterangan"]
    others = sum(float(cols[k][:-2]) for k in ("no", "kelengkapan", "waktu", "output", "keterangan"))
    width = re.search(r'sop-prosedur--layar" style="--sop-lebar-no:([\d.]+)em;--sop-kepala:([\d.]+)px;'
                      r'width:calc\(([\d.]+)em \+ var\(--sop-lebar-kegiatan, ([\d.]+)em\) \+ ([\d.]+)px\)"', html)
    assert width[1] + "em" == cols["no"] and width[4] + "em" == cols["kegiatan"]
    assert float(width[2]) == pytest.approx(0.95 * SCREEN_FONT_PX, abs=0.01)  # five actors: headers at full size
    assert float(width[3]) == pytest.approx(others, abs=0.05) and float(width[5]) == 5 * 108
