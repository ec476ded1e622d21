"""The site built from sources: content, determinism, escaping, and failing on errors."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.load.discover import SourceSet
from macros.model.project import load_project
from macros.model.registry import LegalBasis
from tests.conftest import REPO, SEED_SOURCES, build_into

pytestmark = pytest.mark.slow  # builds a whole site

SEED_PAGE = Path("sop/perbaikan-data-kinerja/index.html")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def main_content(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    match = re.search(r'<div class="sop-dokumen">.*?</article>', raw, re.S)
    assert match, "halaman tidak memuat dokumen SOP"
    return match.group(0)


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("seed")
    result, site = build_into(work, work / "site", SEED_SOURCES, "--strict")
    assert result.code == 0, result.err
    return site, result.err


def seed_project():
    return load_project(SourceSet(SEED_SOURCES, sorted(SEED_SOURCES.glob("[!_]*.yml")), [], True))


def test_seed_page_holds_every_step_actor_and_legal_basis(seed_site):
    site, _ = seed_site
    text = page_text(site / SEED_PAGE)
    project = seed_project()
    sop = project.documents[0].sop
    assert "205/050/01/Bappeda & Litbang" in text
    assert "205/050/01/Bappeda &amp; Litbang" in (site / SEED_PAGE).read_text(encoding="utf-8")
    assert len(sop.steps) == 10
    for step in sop.steps:
        assert " ".join(step.activity.split()) in text
    assert len(sop.columns) == 5
    screen = re.search(r'<div class="sop-gulir sop-layar">.*?</thead>', main_content(site / SEED_PAGE), re.S).group(0)
    headers = re.findall(r'<th class="sop-kepala-pelaksana" data-kolom="(\d)" scope="col" title="([^"]*)">([^<]*)</th>', screen)
    assert [(int(k), html.unescape(t), html.unescape(s)) for k, t, s in headers] == [
        (i, project.roles.entries[r].name, project.roles.entries[r].short_name) for i, r in enumerate(sop.columns)
    ]
    assert [s for _, _, s in headers] == ["Kepala Bappeda &amp; Litbang", "Sekretaris", "Kabid Renum", "Kasubbid Data", "Jabatan Pelaksana"]
    assert len(sop.legal_bases) == 6
    for basis_id in sop.legal_bases:
        basis: LegalBasis = project.legal_bases.entries[basis_id]
        assert basis.citation() in text
    # the signed text holds no project notes; they stand beside it, on screen only
    identity = re.search(r'<section class="sop-identitas-blok".*?</section>', main_content(site / SEED_PAGE), re.S).group(0)
    assert "kutipan tidak lengkap" not in identity and "dicabut" not in identity
    aside = re.search(r'<aside class="sop-catatan-periksa".*?</aside>', main_content(site / SEED_PAGE), re.S).group(0)
    assert "Catatan pemeriksaan (bukan bagian SOP)" in aside
    assert "Dasar Hukum butir 3</strong>" in aside and "kutipan tidak lengkap" in aside
    assert "Dasar Hukum butir 1</strong>" in aside and "sudah dicabut; diganti Peraturan Pemerintah Nomor 12 Tahun 2017" in aside
    assert "NIP. 19690815 199803 1 008" in text
    assert "05 Februari 2020" in text
    assert "Total waktu: 19 jam 30 menit" in text


def test_seed_step_rows_are_in_order_with_their_actor(seed_site):
    site, _ = seed_site
    screen = re.search(r'<div class="sop-gulir sop-layar">.*?</table>', main_content(site / SEED_PAGE), re.S).group(0)
    rows = re.findall(r'<tr class="sop-baris" data-langkah="(\d+)">(.*?)</tr>', screen, re.S)
    assert [int(n) for n, _ in rows] == list(range(1, 11))
    spoken = [html.unescape(re.search(r'<span class="sop-sr">(.*?)</span>', body).group(1)) for _, body in rows]
    assert spoken[6] == "Pelaksana: Kabid Renum." and spoken[7] == "Pelaksana: Kasubbid Data."
    columns = [re.findall(r'class="sop-simbol[^"]*" data-langkah="\d+" data-kolom="(\d)"', body) for _, body in rows]
    assert columns == [["0"], ["0"], ["1"], ["2"], ["4"], ["2"], ["2"], ["3"], ["1"], ["0"]]
    shapes = [re.search(r'class="sop-simbol sop-simbol--([a-z]+)"', body).group(1) for _, body in rows]
    assert shapes == ["kapsul"] + ["proses"] * 8 + ["kapsul"]


def test_home_page_lists_the_seed(seed_site):
    site, _ = seed_site
    text = page_text(site / "index.html")
    assert "Daftar SOP" in text
    row = (
        "205/050/01/Bappeda & Litbang Mekanisme Perbaikan Data Kinerja "
        "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kab. Banggai — 10 19 jam 30 menit"
    )
    assert row in text
    assert 'href="sop/perbaikan-data-kinerja/"' in (site / "index.html").read_text(encoding="utf-8")


def test_build_prints_the_same_findings_as_sop_check(seed_site, run_sop):
    _, log = seed_site
    check_lines = run_sop("check", str(SEED_SOURCES)).lines[:-1]
    assert check_lines
    for line in check_lines:
        assert line.split(": ", 1)[1] in log


def test_same_sources_give_a_byte_identical_site(build_site, tmp_path):
    first, site_a = build_site(SEED_SOURCES, site_dir=tmp_path / "a")
    second, site_b = build_site(SEED_SOURCES, site_dir=tmp_path / "b")
    assert first.code == 0 and second.code == 0
    files_a = sorted(p.relative_to(site_a) for p in site_a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(site_b) for p in site_b.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(p) for p in files_a if (site_a / p).read_bytes() != (site_b / p).read_bytes()]
    assert different == []


def _with_step_text(sources: Path, text: str) -> None:
    path = sources / "perbaikan-data-kinerja.yml"
    source = path.read_text(encoding="utf-8")
    old = "  - kegiatan: Memerintahkan sekretaris untuk melakukan verifikasi ulang terhadap data kinerja yang sudah ada\n"
    assert old in source
    path.write_text(source.replace(old, f"  - kegiatan: {text}\n"), encoding="utf-8")


def test_sop_text_is_never_evaluated(build_site, sources_copy):
    sources = sources_copy()
    payload = "'Cek {{ 7*7 }} dan {% if true %}x{% endif %} <script>alert(1)</script> *bukan miring* [tautan](http://contoh)'"
    _with_step_text(sources, payload)
    result, site = build_site(sources, "--strict")
    assert result.code == 0, result.err
    content = main_content(site / SEED_PAGE)
    assert "Cek {{ 7*7 }} dan {% if true %}x{% endif %} &lt;script&gt;alert(1)&lt;/script&gt; *bukan miring* [tautan](http://contoh)" in content
    assert "<script>alert(1)" not in content
    assert "Cek 49" not in content and "<em>bukan miring</em>" not in content
    assert "SOP-H002" in result.err  # the placeholder is still reported, as a warning


def test_title_is_escaped_everywhere(build_site, sources_copy):
    sources = sources_copy()
    path = sources / "perbaikan-data-kinerja.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("judul: Mekanisme Perbaikan Data Kinerja", "judul: 'Data <i>Kinerja</i> & {{ 1+1 }}'"),
        encoding="utf-8",
    )
    result, site = build_site(sources, "--strict")
    assert result.code == 0, result.err
    for page in (site / SEED_PAGE, site / "index.html"):
        raw = page.read_text(encoding="utf-8")
        assert "<i>Kinerja</i>" not in raw
        assert "Data &lt;i&gt;Kinerja&lt;/i&gt; &amp; {{ 1+1 }}" in raw


def test_strict_build_fails_on_an_error_with_the_check_line(build_site, sources_copy, run_sop, tmp_path):
    sources = sources_copy()
    path = sources / "perbaikan-data-kinerja.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    pelaksana: kasubbid-data   #", "    pelaksana: kasubid-data   #"), encoding="utf-8")
    check = run_sop("check", str(sources), cwd=tmp_path)
    assert check.code == 1
    error_line = next(line for line in check.lines if " SOP-A001 " in line)
    result, _ = build_site(sources, "--strict")
    assert result.code != 0
    assert error_line.split(": ", 1)[1] in result.err
    assert "Traceback" not in result.err


def test_non_strict_build_skips_the_broken_sop(build_site, sources_copy):
    sources = sources_copy()
    path = sources / "perbaikan-data-kinerja.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("pembuatan: 2020-02-05", "pembuatan: 2020-02-30"), encoding="utf-8")
    result, site = build_site(sources)
    assert result.code == 0
    assert "SOP-T001" in result.err
    assert not (site / SEED_PAGE).exists()


def test_a_template_error_in_a_page_fails_the_build(build_site, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "rusak.md").write_text("# Rusak\n\n{{ macro_yang_tidak_ada() }}\n", encoding="utf-8")
    result, _ = build_site(SEED_SOURCES, docs_dir=docs)
    assert result.code != 0


def test_adding_a_source_adds_a_page(build_site, sources_copy):
    sources = sources_copy()
    seed = (sources / "perbaikan-data-kinerja.yml").read_text(encoding="utf-8")
    (sources / "sop-kedua.yml").write_text(
        seed.replace("nomor: 205/050/01/Bappeda & Litbang", "nomor: 205/050/02/Bappeda & Litbang")
        .replace("judul: Mekanisme Perbaikan Data Kinerja", "judul: SOP Kedua"),
        encoding="utf-8",
    )
    result, site = build_site(sources, "--strict")
    assert result.code == 0, result.err
    assert (site / "sop/sop-kedua/index.html").is_file()
    assert "SOP Kedua" in page_text(site / "index.html")


def _worksheet_cell(raw: str, key: str) -> list[str]:
    match = re.search(rf'<td data-bagian="{key}">(.*?)</td>', raw, re.S)
    assert match, key
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", li)).split()) for li in re.findall(r"<li(?: value=\"\d+\")?>(.*?)</li>", match.group(1), re.S)]


def test_worksheet_is_derived_from_the_steps(seed_site):
    site, _ = seed_site
    raw = (site / "sop/perbaikan-data-kinerja/lembar-kerja/index.html").read_text(encoding="utf-8")
    sop = seed_project().documents[0].sop
    texts = [" ".join(s.activity.split()) for s in sop.steps]
    assert _worksheet_cell(raw, "langkah-awal") == texts[:1]
    assert _worksheet_cell(raw, "langkah-utama") == texts[1:9]
    assert _worksheet_cell(raw, "langkah-akhir") == texts[9:]
    assert '<ol start="2">' in raw
    groups = re.findall(r'<tr data-kelompok="([a-z-]+)">', raw)
    assert groups == ["langkah-awal"] + ["langkah-utama"] * 8 + ["langkah-akhir"]
    text = page_text(site / "sop/perbaikan-data-kinerja/lembar-kerja/index.html")
    assert "Jenis Kegiatan Rutin" in text
    assert "a. Produk Kepala Badan Perencanaan Pembangunan" in text
    assert "b. Kegiatan Kepala Sub Bidang Data" in text
    assert "Scope (Ruang Lingkup) Bappeda dan Litbang Kab. Banggai" in text


def test_identity_block_layout(seed_site):
    site, _ = seed_site
    raw = (site / SEED_PAGE).read_text(encoding="utf-8")
    identity = re.search(r'<table class="sop-tabel sop-identitas">.*?</table>', raw, re.S).group(0)
    labels = re.findall(r'<th scope="row">(.*?)</th>', identity)
    assert labels == ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif", "Disahkan oleh", "Nama SOP"]
    assert '<td class="sop-kop" rowspan="6">' in identity
    assert "PEMERINTAH KABUPATEN BANGGAI" in identity
    grid = re.search(r'<table class="sop-tabel sop-rincian">.*?</table>', raw, re.S).group(0)
    assert re.findall(r'<th scope="col">(.*?):</th>', grid) == [
        "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan",
    ]


def test_related_sop_in_the_sources_is_linked(build_site, sources_copy):
    sources = sources_copy()
    seed = (sources / "perbaikan-data-kinerja.yml").read_text(encoding="utf-8")
    (sources / "penyusunan-data-kinerja.yml").write_text(
        seed.replace("nomor: 205/050/01/Bappeda & Litbang", "nomor: 205/050/02/Bappeda & Litbang")
        .replace("judul: Mekanisme Perbaikan Data Kinerja", "judul: Mekanisme Penyusunan Data Kinerja"),
        encoding="utf-8",
    )
    (sources / "perbaikan-data-kinerja.yml").write_text(
        seed.replace("  - judul: SOP Mekanisme Penyusunan Data Kinerja", "  - sop: penyusunan-data-kinerja"), encoding="utf-8"
    )
    result, site = build_site(sources, "--strict")
    assert result.code == 0, result.err
    raw = (site / SEED_PAGE).read_text(encoding="utf-8")
    assert '<a href="../penyusunan-data-kinerja/">Mekanisme Penyusunan Data Kinerja</a>' in raw
