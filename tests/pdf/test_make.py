"""The PDFs a build makes, read back as an admin's printer and an inspector's viewer would (pypdf,
poppler): pages and orientation, footers, the procedure's text, fonts, outline, metadata, the
book's Daftar Isi against the pages its SOPs start on, byte-identical rebuilds, and the cache."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
from pathlib import Path

import pypdf
import pytest
import yaml

from macros.site.pages import printed_views
from macros.validate import validate_paths
from tests.harness import write_config
from tests.pdf.conftest import SITE_URL, UNITS, build_with_pdfs, copy_seed

pytestmark = pytest.mark.browser

SEED_PDF = "pdf/perbaikan-data-kinerja.pdf"
SEED_NOMOR = "205/050/01/Bappeda & Litbang"
SEED_JUDUL = "Mekanisme Perbaikan Data Kinerja"
BOOK = "pdf/buku-sop-dinas-kesehatan.pdf"


def _reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _texts(reader: pypdf.PdfReader) -> list[str]:
    return [_flat(page.extract_text()) for page in reader.pages]


def _orientation(reader: pypdf.PdfReader) -> str:
    return "".join("L" if p.mediabox.width > p.mediabox.height else "P" for p in reader.pages)


def _fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font of every page (forms included): whether its program is embedded."""
    found: dict[str, bool] = {}

    def visit(resources) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font.get("/BaseFont"))] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


def _outline(reader: pypdf.PdfReader, items=None) -> list:
    items = reader.outline if items is None else items
    result = []
    for item in items:
        if isinstance(item, list):
            result[-1] = (*result[-1][:2], _outline(reader, item))
        else:
            result.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return result


# -- one SOP --------------------------------------------------------------------------------------

def test_seed_pdf_pages_and_their_footers(seed_pdfs):
    reader = _reader(seed_pdfs.pdf(SEED_PDF))
    texts = _texts(reader)
    # identity, two planned procedure pages, Riwayat Revisi (landscape); Lembar Kerja (portrait)
    assert _orientation(reader) == "LLLL" + "P" * (len(texts) - 4)
    assert len(texts) >= 5
    for n, text in enumerate(texts, start=1):
        assert f"{SEED_NOMOR} · {SEED_JUDUL}" in text
        assert f"Halaman {n} dari {len(texts)}" in text
    assert "Nomor SOP" in texts[0] and "Disahkan oleh" in texts[0]
    assert "Lembar Kerja Identifikasi Kegiatan" in texts[4]


def test_seed_pdf_holds_every_step_of_the_procedure(seed_pdfs):
    sop = validate_paths([seed_pdfs.sources]).projects[0].documents[0].sop
    procedure = " ".join(_texts(_reader(seed_pdfs.pdf(SEED_PDF)))[1:3])
    missing = [step.activity for step in sop.steps if _flat(step.activity) not in procedure]
    assert len(sop.steps) == 10 and missing == []


def test_seed_pdf_fonts_are_embedded_and_the_drawing_is_vector(seed_pdfs):
    path = seed_pdfs.pdf(SEED_PDF)
    fonts = _fonts(_reader(path))
    assert fonts and all(fonts.values()), fonts
    assert all("NotoSans" in name for name in fonts)
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # the header of the list only: no raster image at all


def test_seed_pdf_metadata_and_outline(seed_pdfs):
    reader = _reader(seed_pdfs.pdf(SEED_PDF))
    info = reader.metadata
    assert (info.title, info.subject) == (SEED_JUDUL, SEED_NOMOR)
    assert info.author == "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kab. Banggai"
    assert info["/CreationDate"] == "D:20261123000000Z"  # the sources' newest date, not the clock
    outline = _outline(reader)
    # the document by its parts, then each other view the PDF prints (VIEWS), the Lembar Kerja first
    assert outline[:4] == [
        ("Bagian Identitas", 1, []), ("Prosedur", 2, []), ("Riwayat Revisi", 4, []),
        ("Lembar Kerja Identifikasi Kegiatan", 5, []),
    ]
    assert [title for title, _, _ in outline[3:]] == [label for _, label in printed_views()[1:]]


def test_site_links_each_pdf_it_made_and_no_other(seed_pdfs):
    site = seed_pdfs.site
    made = sorted(p.relative_to(site).as_posix() for p in (site / "pdf").iterdir())
    assert made == ["pdf/buku-sop-bappeda-litbang-banggai.pdf", SEED_PDF]
    linked = set()
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="([^"]*\.pdf)"', page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            assert target.is_file(), (page, href)
            linked.add(target.relative_to(site.resolve()).as_posix())
    assert sorted(linked) == made
    document = (site / "sop/perbaikan-data-kinerja/index.html").read_text(encoding="utf-8")
    assert 'href="../../pdf/perbaikan-data-kinerja.pdf" download>Unduh PDF</a>' in document
    for page in ("index.html", "sop/index.html"):  # Daftar SOP, and the agency's section
        assert "buku-sop-bappeda-litbang-banggai.pdf" in (site / page).read_text(encoding="utf-8")


def test_two_builds_give_byte_identical_pdfs(seed_pdfs, tmp_path):
    again = build_with_pdfs(tmp_path, copy_seed(tmp_path / "sop"), settings={"site_url": SITE_URL})
    assert "0 dari cache" in again.run.err  # a cold cache: every page printed again
    for name in ("perbaikan-data-kinerja.pdf", "buku-sop-bappeda-litbang-banggai.pdf"):
        assert (again.site / "pdf" / name).read_bytes() == seed_pdfs.pdf(f"pdf/{name}").read_bytes()


# -- the book -------------------------------------------------------------------------------------

def _contents(path: Path, pages: int) -> list[tuple[str, int]]:
    """(nomor, page) of each Daftar Isi row, read from the printed pages 2..pages."""
    text = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", str(pages), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(nomor, int(page)) for nomor, page in re.findall(r"^\s+\d+\s+(\d+/\d{4}/\S+)\s.*?\s(\d+)\s*$", text, re.M)]


def test_book_daftar_isi_gives_the_page_each_sop_starts_on(book_pdfs):
    path = book_pdfs.pdf(BOOK)
    reader = _reader(path)
    texts = _texts(reader)
    contents = _contents(path, 2)
    assert len(contents) == 12
    assert [page for _, page in contents] == sorted(page for _, page in contents)
    for nomor, page in contents:
        assert "Nomor SOP" in texts[page - 1] and nomor in texts[page - 1], (nomor, page)
        assert nomor not in texts[page - 2] or "DAFTAR ISI" in texts[page - 2].upper()  # it starts there
    daftar = " ".join(texts[1:contents[0][1] - 1])
    assert daftar.index(UNITS[0]) < daftar.index(UNITS[1])


def test_book_daftar_isi_states_the_revision_of_the_sources(book_pdfs):
    texts = _texts(_reader(book_pdfs.pdf(BOOK)))
    assert re.search(r"Dibangun dari revisi (sumber sha256:[0-9a-f]{12}|[0-9a-f]{12})\.", texts[1])


def test_each_sop_pdf_states_the_revision_of_its_source_without_a_site_url(book_pdfs):
    """Issue 12: every PDF states what it was built from; here no `site_url`, so no QR code beside it."""
    project = validate_paths([book_pdfs.sources]).projects[0]
    published = [d for d in project.documents if (book_pdfs.site / "pdf" / f"{d.slug}.pdf").is_file()]
    assert len(published) >= 11
    for document in published:
        digest = hashlib.sha256(Path(document.path).read_bytes()).hexdigest()[:12]
        identity = _texts(_reader(book_pdfs.pdf(f"pdf/{document.slug}.pdf")))[0]
        assert "Nomor SOP" in identity and f"Dicetak dari revisi sumber sha256:{digest}" in identity, document.slug
    book = " ".join(_texts(_reader(book_pdfs.pdf(BOOK))))
    assert book.count("Dicetak dari revisi sumber sha256:") == len(_contents(book_pdfs.pdf(BOOK), 2))


def test_book_outline_has_one_entry_per_sop_at_its_first_page(book_pdfs):
    path = book_pdfs.pdf(BOOK)
    reader = _reader(path)
    outline = _outline(reader)
    assert outline[0][:2] == ("Daftar Isi", 2)
    entries = outline[1:]
    assert len(entries) == 12
    starts = dict(_contents(path, 2))
    for title, page, children in entries:
        nomor = title.split(" — ")[0]
        assert starts[nomor] == page
        assert [c[0] for c in children][0] == "Bagian Identitas" and children[0][1] == page
        others = [label for _, label in printed_views()[1:]]
        assert [c[0] for c in children][-len(others):] == others


def test_book_footers_count_the_whole_book(book_pdfs):
    texts = _texts(_reader(book_pdfs.pdf(BOOK)))
    total = len(texts)
    assert "Halaman" not in texts[0] and "STANDAR OPERASIONAL PROSEDUR" in texts[0]  # the cover: no footer
    draft = next(p for p in sorted(book_pdfs.sources.rglob("*.yml")) if "status: draf" in p.read_text(encoding="utf-8"))
    nomor = yaml.safe_load(draft.read_text(encoding="utf-8"))["nomor"]
    for n, text in enumerate(texts[1:], start=2):
        mark = "DRAF · " if f"{nomor} ·" in text else ""
        assert f"{mark}Halaman {n} dari {total}" in text, n
    assert sum("DRAF · Halaman" in text for text in texts) == len(_reader(book_pdfs.pdf(f"pdf/{draft.stem}.pdf")).pages)
    sops = sum(len(_reader(p).pages) for p in (book_pdfs.site / "pdf").glob("*.pdf") if not p.name.startswith("buku-"))
    assert total == sops + 2  # cover and one page of Daftar Isi, then every SOP's pages


def test_an_edited_sop_prints_only_its_own_pages_again(book_pdfs, tmp_path):
    sources = tmp_path / "sop"
    sources.mkdir()
    for path in book_pdfs.sources.rglob("*"):
        if path.is_file():
            target = sources / path.relative_to(book_pdfs.sources)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    cache = book_pdfs.work / ".cache"
    copied = tmp_path / ".cache"
    subprocess.run(["cp", "-a", str(cache), str(copied)], check=True)
    same = build_with_pdfs(tmp_path, sources)
    assert "0 halaman dicetak Chromium" in same.run.err
    assert same.pdf(BOOK).read_bytes() == book_pdfs.pdf(BOOK).read_bytes()

    edited = sorted(sources.rglob("*.yml"))[-1]
    data = yaml.safe_load(edited.read_text(encoding="utf-8"))
    text = edited.read_text(encoding="utf-8").replace(data["langkah"][0]["kegiatan"], "Kegiatan yang disunting ulang", 1)
    edited.write_text(text, encoding="utf-8")
    again = build_with_pdfs(tmp_path, sources)
    # the SOP's two pages (document, Lembar Kerja), and the book's front matter in its two passes: the
    # Daftar Isi states the sources' revision, which the edit changed. The SOP has as many pages as
    # before, so the footer sheets of its PDF and of the book are the ones in the cache.
    assert "pdf: mencetak 3 halaman dengan Chromium" in again.run.err
    assert "4 halaman dicetak Chromium" in again.run.err
    assert "Kegiatan yang disunting ulang" in " ".join(_texts(_reader(again.pdf(BOOK))))

    # what the cache kept and what was printed again give the bytes a cold build gives
    cold = build_with_pdfs(tmp_path / "dingin", sources)
    assert "0 dari cache" in cold.run.err
    for path in sorted((cold.site / "pdf").glob("*.pdf")):
        assert (again.site / "pdf" / path.name).read_bytes() == path.read_bytes(), path.name


def test_links_in_the_pdf_point_at_the_published_site(seed_pdfs):
    uris = []
    for page in _reader(seed_pdfs.pdf(SEED_PDF)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    assert uris and all(uri.startswith(SITE_URL) for uri in uris), uris
    assert f"{SITE_URL}sop/perbaikan-data-kinerja/" in uris


def test_sop_pdf_makes_the_same_files_whatever_mkdocs_yml_says(seed_pdfs, tmp_path, run_sop):
    config = write_config(tmp_path, sources=copy_seed(tmp_path / "sop"), site_dir=tmp_path / "site", pdf=False,
                          settings={"site_url": SITE_URL})
    run = run_sop("pdf", "-f", str(config), cwd=tmp_path)
    assert run.code == 0, run.err
    for name in ("perbaikan-data-kinerja.pdf", "buku-sop-bappeda-litbang-banggai.pdf"):
        assert (tmp_path / "site" / "pdf" / name).read_bytes() == seed_pdfs.pdf(f"pdf/{name}").read_bytes()
    assert "Unduh PDF" in (tmp_path / "site/sop/perbaikan-data-kinerja/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("guess", [None, 1])
def test_a_small_books_guessed_front_matter_gives_the_same_book(seed_pdfs, tmp_path, monkeypatch, guess):
    """The seed's one-SOP book guesses its front matter's length instead of printing it to count it.
    Not guessing, or guessing wrong, costs prints, never a different book."""
    from macros.pdf import make

    monkeypatch.setattr(make._Book, "front_guess", lambda self: guess)
    built = build_with_pdfs(tmp_path, copy_seed(tmp_path / "sop"), settings={"site_url": SITE_URL})
    book = "pdf/buku-sop-bappeda-litbang-banggai.pdf"
    assert built.pdf(book).read_bytes() == seed_pdfs.pdf(book).read_bytes()
    # guessed right: the SOP's printed views, the front once, 2 footer sheets; not guessed, or guessed
    # wrong: the front twice
    printed = len(printed_views()) + 1 + 2
    assert f"{printed} halaman dicetak Chromium" in seed_pdfs.run.err
    assert f"{printed + 1} halaman dicetak Chromium" in built.run.err
