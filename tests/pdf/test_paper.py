"""Every page of every PDF of a build is the configured paper (A4 or F4), turned the way its page
kind is read: the SOP document (identity, procedure table, Riwayat Revisi) across, the Lembar Kerja
and the book's front matter upright. So is every other page a user prints from the site (swimlane
across; checklists, monitoring and evaluation forms upright).

Built once per paper from the seed (its SOP citing twenty legal bases: identity continuation pages),
the flowchart fixtures (a second agency: two books; eight actors, twenty-five steps, a truncated
source, drafts), and the twenty-five steps cut to a truncated source of 8, 9 and 10 steps (a last page
that is nearly full: the truncation note must go with it, never on a page of its own)."""

from __future__ import annotations

import io
import shutil
import subprocess

import pypdf
import pytest
import yaml
from PIL import Image

from macros.pdf.chromium import Job, Printer
from macros.render.paper import Orientation, page_size
from macros.site.pages import VIEWS, Scope, printed_views
from macros.urls import PageKind, PageRef
from macros.validate import validate_paths
from tests.browser.conftest import FLOWCHART_FIXTURES, long_identity_sources
from tests.pdf.conftest import _require_browser, build_with_pdfs

pytestmark = pytest.mark.browser

PT_PER_MM = 72 / 25.4
TOLERANCE_PT = 1.0  # Chromium rounds the page to its pixel grid (A4: 594.96 × 841.92 pt)
WORKSHEET = "Lembar Kerja Identifikasi Kegiatan"
CUT = (8, 9, 10)  # steps kept of the twenty-five, in the truncated copies
# Views known to print on Chromium's default paper (US Letter) instead of the site's: none. A view
# put here must fail the test once it prints on the site's paper.
OFF_PAPER: set[PageKind] = set()


def _truncated_copies(target):
    source = yaml.safe_load((FLOWCHART_FIXTURES / "dua-puluh-lima-langkah.yml").read_text(encoding="utf-8"))
    for steps in CUT:
        cut = dict(source, nomor=f"503/9{steps:02d}/DPMPTSP", judul=f"{source['judul']} (terpotong, {steps} langkah)",
                   terpotong=True, langkah=source["langkah"][:steps])
        (target / f"terpotong-{steps}.yml").write_text(yaml.safe_dump(cut, allow_unicode=True, sort_keys=False),
                                                        encoding="utf-8")


def _sources(target):
    """The seed with twenty legal bases, and the flowchart fixtures beside it (registries joined)."""
    long_identity_sources(target)
    for path in FLOWCHART_FIXTURES.iterdir():
        if not path.name.startswith("_"):
            shutil.copyfile(path, target / path.name)
    for registry in ("_instansi.yml", "_jabatan.yml", "_dasar-hukum.yml"):
        extra = (FLOWCHART_FIXTURES / registry).read_text(encoding="utf-8")
        (target / registry).write_text((target / registry).read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    _truncated_copies(target)
    return target


@pytest.fixture(scope="module", params=["A4", "F4"])
def built(request, tmp_path_factory):
    _require_browser()
    work = tmp_path_factory.mktemp(f"kertas-{request.param}")
    return request.param, build_with_pdfs(work, _sources(work / "sop"), paper=request.param)


def _expected(paper: str, orientation: Orientation) -> tuple[float, float]:
    width, height = page_size(paper, orientation)
    return width * PT_PER_MM, height * PT_PER_MM


def _size(page) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def _is(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return all(abs(a - b) <= TOLERANCE_PT for a, b in zip(size, expected))


def _top_marks(reader: pypdf.PdfReader, items=None) -> list[tuple[str, int, list]]:
    """The outline: (title, 0-based page, children)."""
    result = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            title, page, _ = result[-1]
            result[-1] = (title, page, _top_marks(reader, item))
        else:
            result.append((item.title, reader.get_destination_page_number(item), []))
    return result


def _orientation(kind: PageKind) -> Orientation:
    """A wide view (its navigation hidden on screen to give it the room) is printed across, every other upright."""
    return Orientation.LANDSCAPE if VIEWS[kind].wide else Orientation.PORTRAIT


def _sop_orientations(marks: list, first: int, stop: int) -> list[Orientation]:
    """One SOP's pages from `first` to `stop`: each view its PDF prints, from its bookmark (the
    document, first, from `first`), turned the way the view is."""
    printed = printed_views()
    starts = [first] + [next(page for title, page, _ in marks if title == label) for _, label in printed[1:]]
    orientations = []
    for (kind, _), start, end in zip(printed, starts, starts[1:] + [stop]):
        assert start < end, kind
        orientations += [_orientation(kind)] * (end - start)
    return orientations


def _wrong_pages(reader: pypdf.PdfReader, orientations: list[Orientation], paper: str) -> list[str]:
    assert len(orientations) == len(reader.pages)
    return [
        f"halaman {n}: {_size(page)} bukan {paper} {orientation.value}"
        for n, (page, orientation) in enumerate(zip(reader.pages, orientations), start=1)
        if not _is(_size(page), _expected(paper, orientation))
    ]


def test_every_page_of_every_pdf_is_the_configured_paper(built):
    paper, site = built
    sops = {document.slug: document.sop for project in validate_paths([site.sources]).projects
            for document in project.documents}
    files = sorted((site.site / "pdf").glob("*.pdf"))
    books = [f for f in files if f.name.startswith("buku-sop-")]
    assert len(books) == 2 and len(files) == len(sops) + 2
    wrong = []
    for path in files:
        reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
        marks = _top_marks(reader)
        total = len(reader.pages)
        if path in books:
            # the Halaman Judul and the Daftar Isi, then each SOP as in its own file
            starts = [page for _, page, _ in marks[1:]] + [total]
            orientations = [Orientation.PORTRAIT] * starts[0]
            for (_, first, children), stop in zip(marks[1:], starts[1:]):
                orientations += _sop_orientations(children, first, stop)
        else:
            orientations = _sop_orientations(marks, 0, total)
        wrong += [f"{path.name} {line}" for line in _wrong_pages(reader, orientations, paper)]
    assert wrong == []
    assert any(len(pypdf.PdfReader(io.BytesIO(f.read_bytes())).pages) > 12 for f in books)


def test_every_page_a_user_prints_from_the_site_is_the_configured_paper(built):
    """Printed from the browser as the PDFs are (the CSS page size), one SOP's every view (VIEWS)."""
    paper, site = built
    slug = "delapan-pelaksana"
    sop = next(d.sop for p in validate_paths([site.sources]).projects for d in p.documents if d.slug == slug)
    role = sop.roles[0]
    views = {PageRef(kind, slug, role if kind.per_role else None): _orientation(kind)
             for kind, view in VIEWS.items() if view.scope in (Scope.SOP, Scope.SOP_ROLE)}
    with Printer(site.site) as printer:
        printed = printer.print_all([Job(ref.path) for ref in views])
    wrong = {}
    for (ref, orientation), data in zip(views.items(), printed):
        reader = pypdf.PdfReader(io.BytesIO(data))
        wrong[ref.kind] = [f"{ref.path} {line}" for line in _wrong_pages(reader, [orientation] * len(reader.pages), paper)]
    assert [line for kind, lines in wrong.items() if kind not in OFF_PAPER for line in lines] == []
    assert all(wrong[kind] for kind in OFF_PAPER)  # once one prints on the paper, take it off the list


def _vertical_lines(pdf, page: int, folder) -> tuple[int, dict[int, int]]:
    """The page's width in pixels (150 dpi) and its long vertical lines: x -> how many pixels of
    that column are dark (a table's outer border runs the height of the table)."""
    subprocess.run(["pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", "-gray", "-png",
                    str(pdf), str(folder / "halaman")], check=True)
    with Image.open(folder / "halaman.png") as png:
        image = png.convert("L")
        width, height = image.size
        pixels = image.load()
        dark = {x: sum(1 for y in range(height) if pixels[x, y] < 215) for x in range(width)}
    return width, {x: n for x, n in dark.items() if n > height * 0.2}


def test_full_width_tables_keep_both_borders_in_print(built, tmp_path):
    """A table as wide as the page area (the identity block, the Lembar Kerja's) is drawn whole: its
    right border as dark as its left, as far from the paper's edge (a border on the page area's edge
    was cut in half, and the Lembar Kerja's tables printed without their right border)."""
    _, site = built
    path = site.pdf("pdf/perbaikan-data-kinerja.pdf")
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    starts = [page for _, page, _ in _top_marks(reader)] + [len(reader.pages)]
    at = next(n for n, (title, _, _) in enumerate(_top_marks(reader)) if title == WORKSHEET)
    for page in [1, *range(starts[at] + 1, starts[at + 1] + 1)]:  # the identity's, the Lembar Kerja's
        width, lines = _vertical_lines(path, page, tmp_path)
        left, right = min(lines), max(lines)
        assert abs(left - (width - 1 - right)) <= 3, (page, left, right, width)
        assert lines[right] >= 0.9 * lines[left], (page, lines)


def _pdf_texts(path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.mark.parametrize("slug", ["sumber-terpotong", *(f"terpotong-{n}" for n in CUT)])
def test_the_truncation_note_prints_below_the_last_table_never_alone(built, slug):
    """The note names the last step the source shows, and is on the page of the table's last rows;
    the document has the pages its plan has (identity, procedure), none more."""
    _, site = built
    sop = next(d.sop for p in validate_paths([site.sources]).projects for d in p.documents if d.slug == slug)
    article = (site.site / "sop" / slug / "index.html").read_text(encoding="utf-8")
    planned = article.count('class="sop-halaman-cetak"')
    path = site.pdf(f"pdf/{slug}.pdf")
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    worksheet = next(page for title, page, _ in _top_marks(reader) if title == WORKSHEET)
    texts = _pdf_texts(path)[:worksheet]
    assert len(texts) == 1 + planned, (len(texts), planned)  # one identity page, the planned table pages
    last = len(sop.steps) - 1
    note = f"Sumber terpotong: SOP ini disalin dari dokumen yang tidak lengkap. Langkah setelah langkah {sop.step_number(last)} tidak"
    holding = [n for n, text in enumerate(texts) if "Sumber terpotong" in text]
    assert holding == [len(texts) - 1] and note in texts[-1]
    assert sop.steps[last].activity in texts[-1] and "Kegiatan" in texts[-1] and "Total waktu" in texts[-1]
