"""The inspector's audit page (/audit/) and its downloads: the seed, a second SOP whose title is
hostile to HTML and to spreadsheets, and a source with a syntax error (left off the site)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from macros.site.audit_export import SOP_COLUMNS
from tests.harness import SEED_SOURCES, build, write_config

SEED = "perbaikan-data-kinerja"
HOSTILE = '=HYPERLINK("http://contoh.invalid") <script>alert(1)</script> & Rekap'


def _sources(target: Path) -> Path:
    shutil.copytree(SEED_SOURCES, target, ignore=shutil.ignore_patterns("*.md"))
    seed = (target / f"{SEED}.yml").read_text(encoding="utf-8")
    second = seed.replace("nomor: 205/050/01/Bappeda & Litbang", "nomor: 205/050/02/Bappeda & Litbang", 1)
    second = second.replace("judul: Mekanisme Perbaikan Data Kinerja", f"judul: '{HOSTILE}'", 1)
    second = second.replace("  efektif: null", "  efektif: 5 Maret 2021", 1)
    assert second.count(HOSTILE) == 1 and "5 Maret 2021" in second
    (target / "rekap-kedua.yml").write_text(second, encoding="utf-8")
    (target / "rusak.yml").write_text("judul: [\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("audit")
    sources = _sources(work / "sop")
    sites = []
    for name in ("satu", "dua"):
        config = write_config(work / name, sources=sources, site_dir=work / name / "site")
        run = build(config)
        assert run.code == 0, run.err
        sites.append(work / name / "site")
    return sites


def _page(site: Path) -> str:
    return (site / "audit" / "index.html").read_text(encoding="utf-8")


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr data-urutan="\d+".*?</tr>', html, re.S)


def test_the_page_lists_every_published_sop_with_its_open_findings(built):
    html = _page(built[0])
    rows = _rows(html)
    assert len(rows) == 2
    seed = next(r for r in rows if f"/{SEED}/" in r)
    assert "205/050/01/Bappeda &amp; Litbang" in seed and "Berlaku" in seed
    assert 'data-label="Tanggal Efektif">—<' in seed  # the seed's source leaves it empty
    # the seed cites a repealed basis (SOP-L003) and one quoted incompletely (SOP-L002)
    assert re.search(r'data-temuan="ada [^"]*SOP-L002[^"]*SOP-L003', seed)
    assert "SOP-L002" in seed and "SOP-L003" in seed
    assert re.search(r"<h2 [^>]*>Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kab. Banggai</h2>", html)


def test_sop_text_is_escaped(built):
    html = _page(built[0])
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Rekap" in html


def test_repealed_and_incomplete_bases_name_the_sops_citing_them(built):
    html = _page(built[0])
    problems = html.split('id="dasar-hukum-bermasalah"')[1].split('id="dampak-dasar-hukum"')[0]
    assert "Peraturan Pemerintah Nomor 79 Tahun 2005" in problems
    assert "Dicabut; diganti Peraturan Pemerintah Nomor 12 Tahun 2017" in problems
    assert "kutipan tidak lengkap" in problems
    assert problems.count("205/050/01/Bappeda &amp; Litbang") >= 2  # cited by the seed, in both rows
    impact = html.split('id="dampak-dasar-hukum"')[1]
    assert "Peraturan Pemerintah Nomor 60 Tahun 2008" in impact


def test_a_source_left_off_the_site_is_named_with_its_error(built):
    html = _page(built[0])
    left = html.split('id="tidak-diterbitkan"')[1]
    assert "rusak.yml" in left and "SOP-Y001" in left


def test_the_workbook_holds_one_row_per_sop_with_the_columns_of_the_page(built):
    book = openpyxl.load_workbook(built[0] / "audit" / "audit.xlsx")
    assert book.sheetnames == ["SOP", "Dasar Hukum", "SOP per Dasar Hukum", "Perlu Ditinjau"]
    rows = list(book["SOP"].iter_rows(values_only=True))
    assert rows[0] == SOP_COLUMNS
    by_number = {r[2]: r for r in rows[1:]}
    assert set(by_number) == {"205/050/01/Bappeda & Litbang", "205/050/02/Bappeda & Litbang"}
    seed = by_number["205/050/01/Bappeda & Litbang"]
    assert seed[0] == "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kab. Banggai"
    assert seed[3] == "Mekanisme Perbaikan Data Kinerja" and seed[4] == "Berlaku"
    assert seed[5] is None and seed[6] is None  # no tanggal efektif or revisi in the seed
    assert "SOP-L003" in seed[13] and seed[14] >= 2
    assert seed[15:18] == (None, None, 0)  # no monitoring or evaluation recorded (tests/site/test_audit_monev.py)
    assert seed[18] == f"/sop/{SEED}/"
    hostile = book["SOP"].cell(row=1 + list(by_number).index("205/050/02/Bappeda & Litbang") + 1, column=4)
    assert hostile.value == HOSTILE and hostile.data_type == "s"  # text, never a formula
    assert hostile.quotePrefix  # as Excel marks a text typed with a leading apostrophe: it stays text when edited
    assert by_number["205/050/02/Bappeda & Litbang"][5] == dt.datetime(2021, 3, 5)
    legal = list(book["Dasar Hukum"].iter_rows(values_only=True))
    assert legal[0] == ("Dasar hukum", "Keadaan", "Jumlah SOP") and any("Nomor 79 Tahun 2005" in r[0] for r in legal[1:])
    citing = list(book["SOP per Dasar Hukum"].iter_rows(values_only=True))
    repealed = [r for r in citing[1:] if "Nomor 79 Tahun 2005" in r[0]]
    assert [r[3] for r in repealed] == ["205/050/01/Bappeda & Litbang", "205/050/02/Bappeda & Litbang"]
    assert next(r[2] for r in legal[1:] if "Nomor 79 Tahun 2005" in r[0]) == len(repealed)


def test_the_csv_has_the_same_rows(built):
    text = (built[0] / "audit" / "audit.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))  # Excel in id-ID: the list separator is ';'
    assert tuple(rows[0]) == SOP_COLUMNS and len(rows) == 3
    titles = {r[3] for r in rows[1:]}
    assert "'" + HOSTILE in titles  # a spreadsheet would take it for a formula otherwise
    seed = next(r for r in rows[1:] if r[3] == "Mekanisme Perbaikan Data Kinerja")
    assert seed[5] == "" and seed[13] == "SOP-L002, SOP-L003 ×2" and seed[14] == "3"
    assert next(r for r in rows[1:] if r[3] != seed[3])[5] == "2021-03-05"


def test_the_page_states_the_revision_it_was_built_from(built):
    assert re.search(r"Dibangun dari revisi (sumber sha256:[0-9a-f]{12}|[0-9a-f]{12})\.", _page(built[0]))


def test_two_builds_give_the_same_bytes(built):
    for name in ("audit/index.html", "audit/audit.xlsx", "audit/audit.csv"):
        assert (built[0] / name).read_bytes() == (built[1] / name).read_bytes(), name


def test_every_page_states_the_revision_in_its_footer(built):
    stated = re.search(r"Dibangun dari revisi [^<.]+", _page(built[0])).group(0)
    for page in ("index.html", f"sop/{SEED}/index.html", f"sop/{SEED}/lembar-kerja/index.html", "pelaksana/index.html"):
        footer = (built[0] / page).read_text(encoding="utf-8").split('<footer class="md-footer">')[1]
        assert stated in footer, page


def test_in_git_the_audit_names_the_last_change_and_why_an_sop_needs_review(tmp_path):
    from tests.conftest import build_into
    from tests.site.test_tinjauan import TODAY, repeal, seed_repository

    root = seed_repository(tmp_path / "repo")
    commit = repeal(root)
    result, site = build_into(tmp_path, tmp_path / "site", root / "sop", tanggal=TODAY)
    assert result.code == 0, result.err
    html = _page(site)
    (row,) = _rows(html)
    assert 'data-tinjauan="curiga"' in row
    assert f"02 Desember 2026 ({commit})" in row  # the registry's repeal changed what the seed relies on
    assert "dasar hukum &#39;pp-60-2008&#39; dicabut" in row
    assert "1 perlu ditinjau" in html and "Riwayat git tidak tersedia" not in html
    assert f"Dibangun dari revisi {git_head(root)}" in html
    sheet = openpyxl.load_workbook(site / "audit" / "audit.xlsx")["SOP"]
    header, values = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    record = dict(zip(header, values))
    assert record["Commit Perubahan Terakhir"] == commit
    assert record["Tanggal Perubahan Terakhir"].date() == dt.date(2026, 12, 2)
    assert record["Lewat Jadwal"] == "tidak" and "pp-60-2008" in record["Perlu Ditinjau"]


def git_head(root: Path) -> str:
    from tests.site.test_riwayat import git

    return git(root, "rev-parse", "--short=12", "HEAD")


def test_without_git_the_page_says_so(built):
    assert "Riwayat git tidak tersedia" in _page(built[0])
