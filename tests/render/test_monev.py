"""The monitoring and evaluation forms, pre-filled from the SOP, and the summary on the SOP's page."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from macros.checks.monev import judge_records
from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.render.context import Registries
from macros.render.links import Links
from macros.render.monev import monev_section, render_evaluation_form, render_monitoring_form
from macros.render.sop_page import PageOptions, render_sop_page
from macros.model.monev import EMPTY
from tests.conftest import SEED_SOURCES

SLUG = "perbaikan-data-kinerja"
LINKS = Links(lambda path: "/" + path)
HOSTILE = "<img src=x onerror=alert(1)> & {{ 7*7 }}"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt; &amp; {{ 7*7 }}"
MONITORING = f"""periode: 2026-1
penilai:
  nama: Dra. SITI AMINAH
  nip: "197503122000032004"
  jabatan: sekretaris-bappeda
tanggal: 2026-06-22
hasil:
  {SLUG}:
    langkah:
      1: baik
      2: baik
      3: baik
      4:
        penilaian: tidak
        catatan: "{HOSTILE}"
        tindakan: Menetapkan batas waktu koordinasi tiga hari kerja
      5: baik
      6: baik
      7: baik
      8: baik
      9: baik
"""
EVALUATION = f"""periode: Tahun 2026
penilai: sekretaris-bappeda
tanggal: 2 Desember 2026
hasil:
  {SLUG}:
    kriteria:
      mendorong_kinerja: ya
      mudah_dipahami: ya
      mudah_dilaksanakan:
        jawaban: tidak
        tindakan: {{uraian: Menyusun formulir, selesai: 2026-12-06}}
      menjalankan_peran: ya
      mengatasi_permasalahan: ya
      menjawab_kebutuhan: {{jawaban: tidak, tindakan: Menambah langkah validasi}}
      sinergi: ya
"""


def _seed(tmp_path: Path, with_records: bool = True):
    root = tmp_path / "sop"
    shutil.copytree(SEED_SOURCES, root)
    if with_records:
        (root / "_monitoring").mkdir()
        (root / "_monitoring" / "2026-1.yml").write_text(MONITORING, encoding="utf-8")
        (root / "_evaluasi").mkdir()
        (root / "_evaluasi" / "2026.yml").write_text(EVALUATION, encoding="utf-8")
    project = load_project(source_sets([root])[0])
    project.today = dt.date(2027, 6, 30)  # after every date the records hold, whatever the clock says
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    verdict = judge_records(project)
    assert verdict.findings == []
    return project.documents[0].sop, registries, verdict.accepted.get(SLUG, EMPTY)


def _rows(html: str, table_kind: str) -> list[str]:
    table = re.search(rf'<table class="sop-tabel [^"]*sop-monev-tabel--{table_kind}">(.*?)</table>', html, re.S).group(1)
    return re.findall(r"<tr data-[a-z]+=.*?</tr>", table, re.S)


def test_the_blank_monitoring_form_has_one_row_per_step_with_empty_boxes(tmp_path):
    sop, registries, history = _seed(tmp_path, with_records=False)
    html = str(render_monitoring_form(SLUG, sop, registries, LINKS, history))
    rows = _rows(html, "kosong")
    assert len(rows) == len(sop.steps) == 10
    for i, row in enumerate(rows):
        assert sop.steps[i].activity in row and row.count('class="sop-monev-kotak"') == 2
    for heading in ("No", "Prosedur", "Penilaian terhadap penerapan", "Berjalan dengan baik", "Tidak berjalan dengan baik",
                    "Catatan hasil penilaian", "Tindakan yang harus diambil", "Paraf penilai"):
        assert f">{heading}</th>" in html
    assert "205/050/01/Bappeda &amp; Litbang" in html and "Mekanisme Perbaikan Data Kinerja" in html
    assert html.count('class="sop-monev-garis"') == 3  # periode, penilai, tanggal
    assert "Belum ada hasil monitoring yang tercatat" in html and "sop-monev-hasil" not in html
    assert "@page { size: 210mm 297mm;" in html


def test_a_recorded_monitoring_is_the_same_form_filled_in(tmp_path):
    sop, registries, history = _seed(tmp_path)
    html = str(render_monitoring_form(SLUG, sop, registries, LINKS, history))
    rows = _rows(html, "terisi")
    assert [re.search(r'data-penilaian="(\w*)"', r).group(1) for r in rows] == ["baik"] * 3 + ["tidak"] + ["baik"] * 5 + [""]
    assert "tidak dinilai" in rows[9]
    assert "<img" not in html and ESCAPED in rows[3]
    assert "Hasil monitoring Semester I 2026" in html and 'href="#hasil-2026-1"' in html
    assert "8 dari 10 langkah berjalan dengan baik; 1 tidak berjalan dengan baik; 1 tidak dinilai" in html
    assert "Dra. SITI AMINAH, NIP 19750312 200003 2 004, Sekretaris Badan" in html and "22 Juni 2026" in html
    assert "<code>_monitoring/2026-1.yml</code>" in html


def test_the_evaluation_form_asks_the_seven_criteria(tmp_path):
    sop, registries, history = _seed(tmp_path)
    html = str(render_evaluation_form(SLUG, sop, registries, LINKS, history))
    blank, filled = _rows(html, "kosong"), _rows(html, "terisi")
    assert len(blank) == len(filled) == 7
    assert "Mampu mendorong peningkatan kinerja" in blank[0] and "Sinergi satu dengan lainnya" in blank[6]
    assert [re.search(r'data-jawaban="(\w*)"', r).group(1) for r in filled] == ["ya", "ya", "tidak", "ya", "ya", "tidak", "ya"]
    assert "Menyusun formulir" in filled[2] and "(selesai 06 Desember 2026)" in filled[2]
    assert "5 dari 7 kriteria dijawab Ya" in html


def test_the_sop_page_names_the_last_results_and_the_open_actions(tmp_path):
    sop, registries, history = _seed(tmp_path)
    page = str(render_sop_page(SLUG, sop, registries, {}, LINKS, PageOptions(), None, history))
    section = page[page.index('<section class="sop-monev-blok"'):]
    assert "Semester I 2026</a>, 22 Juni 2026" in section and "8 dari 10 langkah berjalan dengan baik" in section
    assert "Tahun 2026</a>, 02 Desember 2026" in section and "5 dari 7 kriteria dijawab Ya" in section
    open_actions = re.findall(r"<li data-jenis=.*?</li>", section)
    assert len(open_actions) == 2  # the finished one is not open
    assert "Menambah langkah validasi" in open_actions[0] and "Langkah 4" in open_actions[1]


def test_an_sop_without_records_says_so(tmp_path):
    sop, registries, _ = _seed(tmp_path, with_records=False)
    section = str(monev_section(SLUG, EMPTY, registries, LINKS))
    assert section.count("belum tercatat") == 2 and "Tindakan yang belum selesai" not in section
