"""The phone's reading of the procedure: every step, who does it, what it needs and yields, and where each
branch goes, the same as the procedure table says it."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.actors import column_headings
from macros.render.procedure import exits_text
from macros.render.step_list import step_list
from tests.render.test_escaping import ESCAPED, HOSTILE

SCREENS = Path(__file__).parent.parent / "browser" / "fixtures" / "layar"
FLOWCHARTS = Path(__file__).parent / "fixtures" / "flowchart"


def _load(folder: Path):
    project = load_project(source_sets([folder])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    return {d.slug: d.sop for d in project.documents}, registries


def _items(html: str) -> dict[str, str]:
    return dict(re.findall(r'<li class="sop-langkah" id="langkah-\d+" data-langkah="(\d+)">(.*?)</li>', html))


def _detail(item: str, key: str) -> str | None:
    found = re.search(rf'data-rinci="{key}"><dt>[^<]*</dt><dd>(.*?)</dd>', item)
    return None if found is None else unescape(re.sub(r"<[^>]+>", "", found[1].replace("<br>", " | ")))


def test_every_step_reads_as_the_table_says_it():
    sops, registries = _load(SCREENS)
    sop = sops["izin-reklame-delapan-pelaksana"]
    items = _items(str(step_list(sop, registries)))
    assert list(items) == [str(i + 1) for i in range(len(sop.steps))]
    first = items["1"]
    assert '<span class="sop-langkah-no">1</span>' in first
    assert _detail(first, "pelaksana") == "Pemohon Izin"
    assert _detail(first, "kelengkapan") == "Formulir permohonan | KTP pemohon | Desain reklame | Foto titik lokasi"
    assert _detail(first, "waktu") == "15 menit" and _detail(first, "output") == "Berkas permohonan"
    assert _detail(first, "keterangan") is None and _detail(first, "cabang") is None  # the next step follows
    assert _detail(items["2"], "cabang") == "Lengkap → 3, Tidak lengkap → 1"
    assert '<a href="#langkah-3">3</a>' in items["2"] and '<a href="#langkah-1">1</a>' in items["2"]
    assert _detail(items["2"], "keterangan") == "Kekurangan berkas dicatat pada lembar kontrol"
    assert _detail(items["7"], "cabang") == "Sesuai → 9, Perlu perbaikan → 4, Ditolak → 8"
    assert _detail(items["8"], "cabang") == "→ selesai"  # a rejection ends the procedure early
    assert _detail(items["11"], "pelaksana") == "Petugas Front Office Mal Pelayanan Publik dan Pemohon Izin"
    assert _detail(items["11"], "cabang") is None  # the last step: the end is plain


def test_each_decision_lists_the_exits_of_the_table():
    """Every fixture's decisions, second decisions and ends: the list names the exits the Kegiatan
    column names, in its words."""
    sops, registries = _load(FLOWCHARTS)
    checked = 0
    for sop in sops.values():
        items = _items(str(step_list(sop, registries)))
        for i, step in enumerate(sop.steps):
            if step.is_decision:
                assert _detail(items[str(i + 1)], "cabang") == exits_text(sop, i, column_headings(sop, registries)), (sop.title, i)
                checked += 1
    assert checked >= 10


def test_a_truncated_source_goes_on_beyond_its_last_step():
    sops, registries = _load(FLOWCHARTS)
    sop = sops["sumber-terpotong"]
    items = _items(str(step_list(sop, registries)))
    assert _detail(items[str(len(sop.steps))], "cabang") == "→ bersambung (sumber terpotong)"


def test_source_text_is_escaped():
    sops, registries = _load(SCREENS)
    sop = sops["izin-reklame-delapan-pelaksana"]
    first = sop.steps[0].model_copy(update={"activity": HOSTILE, "note": HOSTILE, "output": HOSTILE,
                                            "requirements": (HOSTILE, HOSTILE)})
    html = str(step_list(sop.model_copy(update={"steps": (first,) + sop.steps[1:]}), registries))
    assert "<img" not in html
    assert html.count(ESCAPED) == 5
