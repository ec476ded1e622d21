"""Printing an SOP page from Chromium: landscape pages, repeated headers, paired off-page connectors."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser  # Chromium through Playwright

A4_LANDSCAPE = (841.92, 594.96)
F4_LANDSCAPE = (935.43, 609.45)


def _pdf(browser, url: str, path: Path) -> tuple[str, list[list[str]]]:
    page = browser.new_page()
    page.goto(url)
    print_pages = page.evaluate(
        """() => [...document.querySelectorAll('.sop-cetak .sop-halaman-cetak')].map(
             el => [...el.querySelectorAll('[data-huruf]')].map(s => s.dataset.huruf).sort())"""
    )
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    page.close()
    info = subprocess.run(["pdfinfo", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    return info, print_pages


def _page_sizes(info: str) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _text(path: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _letters(text: str) -> list[str]:
    return sorted(re.findall(r"(?<![\w.])([A-Z]{1,2})(?![\w.])", text))


@pytest.mark.parametrize(
    "site, slug, min_print_pages",
    [("seed", "perbaikan-data-kinerja", 2), ("fixtures", "dua-puluh-lima-langkah", 3)],
    ids=["seed", "25-langkah"],
)
def test_print_gives_landscape_pages_with_headers_and_paired_connectors(browser, served, tmp_path, site, slug, min_print_pages):
    pdf = tmp_path / f"{slug}.pdf"
    info, print_pages = _pdf(browser, f"{served[site]}/sop/{slug}/", pdf)
    sizes = _page_sizes(info)
    assert sizes and all(abs(w - A4_LANDSCAPE[0]) < 1 and abs(h - A4_LANDSCAPE[1]) < 1 for w, h in sizes), sizes
    assert len(print_pages) >= min_print_pages
    has_history = "Riwayat Revisi" in _text(pdf, len(sizes))
    # identity page + one PDF page per printed table page (+ the revision history): nothing spilled over
    assert len(sizes) == 1 + len(print_pages) + (1 if has_history else 0)

    identity = _text(pdf, 1)
    assert "Nomor SOP" in identity and "Disahkan oleh" in identity
    assert "Mutu Baku" not in identity  # the identity block has its page to itself

    seen: dict[str, int] = {}
    for n, expected_letters in enumerate(print_pages, start=2):
        text = _text(pdf, n)
        for header in ("No", "Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"):
            assert header in text, (n, header)
        assert _letters(text) == expected_letters, (n, text)
        for letter in expected_letters:
            seen[letter] = seen.get(letter, 0) + 1
    assert seen and all(count == 2 for count in seen.values()), seen


def test_f4_paper_is_selectable(browser, served, tmp_path):
    info, _ = _pdf(browser, f"{served['f4']}/sop/dua-puluh-lima-langkah/", tmp_path / "f4.pdf")
    sizes = _page_sizes(info)
    assert sizes and all(abs(w - F4_LANDSCAPE[0]) < 1 and abs(h - F4_LANDSCAPE[1]) < 1 for w, h in sizes), sizes


def _flat(text: str) -> str:
    return " ".join(text.split())


BLOCKS = """() => [...document.querySelectorAll('.sop-identitas-blok table.sop-rincian')].map(t => ({
  continued: t.classList.contains('sop-rincian--lanjutan'),
  parts: [...t.querySelectorAll('tbody.sop-pasangan')].map(b => ({
    labels: [...b.querySelectorAll('th')].map(th => th.textContent),
    lists: [...b.querySelectorAll('td')].map(td => ({
      start: td.querySelector('ol') ? (+td.querySelector('ol').getAttribute('start') || 1) : 0,
      items: [...td.querySelectorAll('li')].map(li => li.textContent),
    })),
  })),
}))"""


def test_a_long_identity_block_goes_on_to_a_page_headed_as_continued(browser, served, tmp_path):
    url = f"{served['panjang']}/sop/perbaikan-data-kinerja/"
    page = browser.new_page()
    page.goto(url)
    tables = page.evaluate(BLOCKS)
    page.close()
    pdf = tmp_path / "panjang.pdf"
    info, print_pages = _pdf(browser, url, pdf)
    sizes = _page_sizes(info)
    has_history = "Riwayat Revisi" in _text(pdf, len(sizes))
    # the identity block takes exactly one page per table of its grid; nothing else spilled over
    assert [t["continued"] for t in tables] == [False] + [True] * (len(tables) - 1)
    assert len(tables) == 2
    assert len(sizes) == len(tables) + len(print_pages) + (1 if has_history else 0)

    first, second = (_flat(_text(pdf, n)) for n in (1, 2))
    assert "Nomor SOP" in first and "Dasar Hukum:" in first and "lanjutan" not in first
    assert second.startswith("Bagian Identitas (lanjutan)"), second[:80]
    assert "Nomor SOP" not in second and "Mutu Baku" not in second
    assert "Mutu Baku" in _text(pdf, 3)

    # The legal bases break between items: numbered on, at least two on each side of the break.
    (head,), (tail, *rest) = tables[0]["parts"], tables[1]["parts"]
    assert head["labels"][0] == "Dasar Hukum:" and tail["labels"][0] == "Dasar Hukum (lanjutan):"
    before, after = head["lists"][0], tail["lists"][0]
    assert before["start"] == 1 and after["start"] == 1 + len(before["items"])
    assert len(before["items"]) >= 2 and len(after["items"]) >= 2
    assert len(before["items"]) + len(after["items"]) == 20
    assert _flat(before["items"][-1])[:60] in first
    assert _flat(after["items"][0])[:60] in second
    # Every pair on the continuation page has its labels and its lists there together.
    assert [part["labels"] for part in rest] == [
        ["Keterkaitan:", "Peralatan/Perlengkapan:"], ["Peringatan:", "Pencatatan dan Pendataan:"],
    ]
    for part in rest:
        for label, column in zip(part["labels"], part["lists"]):
            assert label in second and _flat(column["items"][0])[:40] in second, label
            assert _flat(column["items"][-1])[:40] in second, label


MEASURED = """() => ({
  table: document.querySelector('table.sop-identitas').getBoundingClientRect().height,
  parts: [...document.querySelectorAll('tbody.sop-pasangan')].map(b => b.getBoundingClientRect().height),
  rows: [...document.querySelectorAll('.sop-cetak tr.sop-baris')].map(tr => {
    const texts = [...tr.children].filter(td => !td.classList.contains('sop-alur-sel')).map(td => {
      const range = document.createRange(); range.selectNodeContents(td);
      return range.getBoundingClientRect().height;
    });
    return Math.max(...texts);
  }),
})"""


@pytest.mark.parametrize("site", ["seed", "panjang", "fixtures"])
def test_the_print_estimate_matches_the_printed_heights(browser, served, site, tmp_path):
    """The estimate in macros/render/flowchart/pagination.py, from the shipped font's metrics, against
    what Chromium prints: close (within a few px), and never short by more than a rounding."""
    from macros.load.discover import source_sets
    from macros.model.project import load_project
    from macros.render.actors import column_headings
    from macros.render.context import Registries
    from macros.render.flowchart import pagination
    from macros.render.identity import identity_block
    from macros.render.links import Links
    from tests.browser.conftest import FLOWCHART_FIXTURES, long_identity_sources
    from tests.conftest import SEED_SOURCES

    if site == "panjang":
        sources = long_identity_sources(tmp_path / "sumber")
    else:
        sources = {"seed": SEED_SOURCES, "fixtures": FLOWCHART_FIXTURES}[site]
    project = load_project(source_sets([sources])[0])
    registries = Registries.of(project.agencies.entries, project.roles.entries, project.legal_bases.entries)
    geometry = pagination.PrintGeometry("A4")
    for document in project.documents:
        page = browser.new_page(viewport={"width": round(geometry.page_width), "height": 900})
        page.emulate_media(media="print")
        page.goto(f"{served[site]}/sop/{document.slug}/")
        page.evaluate("document.fonts.ready.then(() => true)")
        measured = page.evaluate(MEASURED)
        page.close()

        seen = {}
        original = pagination.identity_pages

        def spy(kop, rows, pairs, paper="A4"):
            seen["table"] = pagination.identity_table_height(kop, rows, paper)
            pages = original(kop, rows, pairs, paper)
            column = geometry.page_width / 2
            seen["parts"] = [
                pagination._Measured(pairs[part.pair], column).height(part.left, part.right)
                for parts in pages for part in parts
            ]
            return pages

        import macros.render.identity as identity

        identity.identity_pages = spy
        try:
            identity_block(document.sop, registries, {}, Links(lambda p: p))
        finally:
            identity.identity_pages = original
        assert abs(seen["table"] - measured["table"]) <= 3, (document.slug, seen["table"], measured["table"])
        assert len(seen["parts"]) == len(measured["parts"])
        for estimate, real in zip(seen["parts"], measured["parts"]):
            # labels are measured as "(lanjutan)" labels in semibold-as-bold: a little over, never under
            assert real - 1 <= estimate <= real + 6, (document.slug, estimate, real)

        widths = geometry.widths_for(document.sop)
        headings = column_headings(document.sop, registries)  # the Kegiatan text names a branch symbol's column
        texts = [pagination.row_height(document.sop, i, widths, 0, headings) - pagination.CELL_PADDING
                 for i in range(len(document.sop.steps))]
        assert len(texts) == len(measured["rows"])
        for estimate, real in zip(texts, measured["rows"]):
            assert real - 1 <= estimate <= real * 1.25 + 14, (document.slug, estimate, real)
