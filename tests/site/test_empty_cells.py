"""What a page shows where the source says nothing, and how it shows short codes, over a whole build:
a draft that leaves lists, dates, kelengkapan, waktu and output out, its text full of codes ("AK-1",
"SK-01", "e-KTP"), beside the seed.

- An empty cell is shown one way, an em dash, on every page ("belum ditetapkan" stays the wording
  of a draft's nomor, dates and signer).
- A short code sits in a span that keeps it on one line (tests/browser/test_codes.py checks that the
  browser keeps it so); the text read, copied and searched is the source's."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_SOURCES, build_into
from tests.plugin.test_site_build import page_text

pytestmark = pytest.mark.slow  # builds a whole site

EMPTY_SOURCES = REPO / "tests" / "site" / "fixtures" / "kosong"
DRAFT = "kartu-ak1-draf"
DASHES = {"-", "–", "‐", "‒", "−", "--"}  # every dash but the one an empty cell shows


def sources(target: Path) -> Path:
    """The draft beside the seed (registries joined)."""
    target.mkdir(parents=True)
    for path in SEED_SOURCES.iterdir():
        if path.is_file():
            shutil.copyfile(path, target / path.name)
    for path in EMPTY_SOURCES.iterdir():
        if path.name.startswith("_"):
            extra = path.read_text(encoding="utf-8").strip()
            if extra != "{}":
                (target / path.name).write_text((target / path.name).read_text(encoding="utf-8") + "\n" + extra + "\n",
                                                encoding="utf-8")
        else:
            shutil.copyfile(path, target / path.name)
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("kosong")
    result, site = build_into(work, work / "site", sources(work / "sop"))
    assert result.code == 0, result.err
    assert "SOP-R005 peringatan" in result.err and "ERROR" not in result.err
    return site


class _Cells(HTMLParser):
    """The text of every element of a page's article (what it holds, its children's text included)."""

    VOID = {"br", "img", "col", "hr", "input", "meta", "link", "wbr", "source"}

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, list[str]]] = []
        self.texts: list[tuple[str, str]] = []  # (tag, text)
        self.inside = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.inside += 1
        if self.inside and tag not in self.VOID:
            self.open.append((tag, []))

    def handle_endtag(self, tag):
        if self.inside and self.open and self.open[-1][0] == tag:
            _, parts = self.open.pop()
            text = "".join(parts)
            self.texts.append((tag, " ".join(text.split())))
            if self.open:
                self.open[-1][1].append(text)
        if tag == "article":
            self.inside -= 1

    def handle_data(self, data):
        if self.open and self.open[-1][0] not in ("script", "style"):
            self.open[-1][1].append(data)


def _texts(path: Path) -> list[tuple[str, str]]:
    parser = _Cells()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.texts


def _pages(site: Path) -> list[Path]:
    """Every page of the site: Daftar SOP, the SOPs and their views, the roles, the audit, the codes."""
    return sorted(site.rglob("index.html"))


def test_no_page_shows_an_empty_cell_as_a_hyphen(site):
    pages = _pages(site)
    assert len(pages) > 20
    dashes = [f"{p.relative_to(site)}: <{tag}>{text}" for p in pages for tag, text in _texts(p) if text in DASHES]
    assert dashes == []


def _cell(raw: str, pattern: str) -> str:
    match = re.search(pattern, raw, re.S)
    assert match, pattern
    return match.group(1)


def test_what_the_draft_leaves_out_is_an_em_dash(site):
    raw = (site / "sop" / DRAFT / "index.html").read_text(encoding="utf-8")
    text = page_text(site / "sop" / DRAFT / "index.html")
    assert "Nomor SOP belum ditetapkan Tanggal Pembuatan belum ditetapkan Tanggal Revisi — Tanggal Efektif —" in text
    for label in ("Dasar Hukum", "Kualifikasi Pelaksana", "Peringatan", "Pencatatan dan Pendataan"):
        assert re.search(label + r':</th>.*?<p class="sop-kosong">—</p>', raw, re.S), label
    # step 1: no kelengkapan, waktu or output (the screen table, then the printed one)
    row = _cell(raw, r'<tr class="sop-baris" data-langkah="1">(.*?)</tr>')
    assert re.findall(r"<td>([^<]*)</td>", row) == ["—", "—", "—", ""]  # kelengkapan, waktu, output, keterangan
    checklist = page_text(site / "sop" / DRAFT / "checklist" / "pencari-kerja" / "index.html")
    assert "Kelengkapan: — Output: —" in checklist
    worksheet = page_text(site / "sop" / DRAFT / "lembar-kerja" / "index.html")
    assert "Langkah Akhir 3. Menandatangani kartu AK-1" in worksheet


def test_short_codes_are_kept_whole_and_read_as_written(site):
    folder = site / "sop" / DRAFT
    raw = (folder / "index.html").read_text(encoding="utf-8")
    row = _cell(raw, r'<tr class="sop-baris" data-langkah="2">(.*?)</tr>')
    kode = '<span class="sop-kode">{}</span>'.format
    assert f'<td class="sop-kegiatan">Memeriksa isian {kode("AK-1")} terhadap {kode("e-KTP")} dan ijazah' in row
    assert re.findall(r"<td>(.*?)</td>", row) == [
        f'Formulir {kode("AK-1")}<br>{kode("e-KTP")}', "10 menit", f'{kode("AK-1")} terperiksa',
        f'Lampiran {kode("AK-2")} bila pencari kerja disabilitas',
    ]
    assert f"<li>Blangko {kode('SK-01')}</li>" in raw  # Peralatan/Perlengkapan
    for page, shown in {
        folder / "lembar-kerja" / "index.html": f"<td>Memeriksa isian {kode('AK-1')} terhadap {kode('e-KTP')} dan ijazah</td>",
        folder / "checklist" / "petugas-ak1" / "index.html": f"Formulir {kode('AK-1')}, {kode('e-KTP')}</div>",
        folder / "swimlane" / "index.html": f"Menandatangani kartu {kode('AK-1')} →",
        site / "pelaksana" / "petugas-ak1" / "index.html": f"Memeriksa isian {kode('AK-1')} terhadap",
    }.items():
        assert shown in page.read_text(encoding="utf-8"), page
    # read, copied and searched as the source writes it
    text = page_text(folder / "index.html")
    assert "Mengisi formulir AK-1 dan menyerahkan salinan e-KTP" in text
    assert "Lampiran AK-2 bila pencari kerja disabilitas" in text
