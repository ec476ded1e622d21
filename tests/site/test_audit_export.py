"""audit.csv and audit.xlsx as the inspector opens them: Excel in an Indonesian locale (list separator
';'), and any reader that splits a line on ';' or ','. No would-be cell is a formula, no cell passes
Excel's 32,767 characters, and nothing is cut (macros/site/audit_export.py)."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest

from macros.model.audit import Audit, AuditLegalBasis, AuditSop
from macros.model.registry import LegalStatus
from macros.model.sop import Status
from macros.site.audit_export import CELL_LIMIT, SOP_COLUMNS, audit_csv, audit_xlsx

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_TITLES = [
    "Pelayanan;=1+1;",  # the judul: Excel id-ID splits it at ';' and runs =1+1
    "Rekap,+HYPERLINK(\"http://contoh.invalid\")",
    "Data @SUM(A1:A9); -2+3, \"=cmd|' /C calc'!A0\"",
    "Dua baris\n=1+1",
    "Tab\t=1+1",
    "; =1+1 dengan spasi",
    "=HYPERLINK(\"http://contoh.invalid\") <script>alert(1)</script> & Rekap",
    "Rp 5.000,- per berkas",
]


def _sop(n: int, title: str = "Pelayanan Surat Masuk", number: str | None = None, suspect: tuple[str, ...] = ()) -> AuditSop:
    return AuditSop(
        slug=f"sop-{n}", agency_id="dinas", agency="Dinas Contoh, Kabupaten Contoh", unit=None,
        number=number or f"800/{n:05d}/UMUM", title=title, status=Status.IN_FORCE, effective=None, revised=None,
        findings=(), suspect=suspect,
    )


def _audit(sops: list[AuditSop], citation: str = "Peraturan Menteri Nomor 35 Tahun 2012") -> Audit:
    basis = AuditLegalBasis("permen-35-2012", citation, LegalStatus.IN_FORCE, False, None, tuple(r.slug for r in sops))
    return Audit(tuple(sops), (basis,), (), "Dibangun dari revisi uji")


def would_be_cells(data: bytes) -> list[str]:
    """Every cell a reader may make of the file: each line split on ';', and again on ',', each piece
    with the quotes and spaces a reader strips."""
    text = data.decode("utf-8-sig")
    pieces = []
    for line in re.split(r"\r\n|\r|\n", text):
        for separator in (";", ","):
            pieces += [piece.lstrip(' "') for piece in line.split(separator)]
    return pieces


def assert_no_formula_cell(data: bytes) -> None:
    formulas = [piece for piece in would_be_cells(data) if piece.startswith(FORMULA_START)]
    assert formulas == []


def read_like_excel_id(data: bytes) -> list[list[str]]:
    """What Excel in id-ID shows: UTF-8 by its byte-order mark, columns split at ';' (quotes kept together)."""
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_excel_in_id_id_reads_every_column_and_runs_no_formula():
    audit = _audit([_sop(n, title) for n, title in enumerate(HOSTILE_TITLES)])
    data = audit_csv(audit, None)
    assert_no_formula_cell(data)
    rows = read_like_excel_id(data)
    assert tuple(rows[0]) == SOP_COLUMNS
    assert len(rows) == 1 + len(HOSTILE_TITLES) and all(len(r) == len(SOP_COLUMNS) for r in rows)
    titles = [r[SOP_COLUMNS.index("Judul")] for r in rows[1:]]
    # each text as written, with an apostrophe wherever a reader could start a cell that runs
    assert titles[0] == "Pelayanan;'=1+1;"
    assert titles[3] == "Dua baris\n'=1+1"
    assert titles[7] == "Rp 5.000,'- per berkas"
    assert [t.replace("'", "") for t in titles] == [t.replace("'", "") for t in HOSTILE_TITLES]
    assert rows[1][0] == "Dinas Contoh, Kabupaten Contoh"  # a ',' in a cell is no column of its own in id-ID


def test_a_legal_basis_cited_by_thousands_loses_no_sop():
    """3,000 nomor of 20 characters: one cell of them would pass Excel's limit and be cut mid-nomor."""
    sops = [_sop(n, number=f"800/{n:05d}/SEKRETARIAT") for n in range(3000)]
    assert sum(len(r.number) + 2 for r in sops) > CELL_LIMIT
    book = openpyxl.load_workbook(io.BytesIO(audit_xlsx(_audit(sops), None, _today())))
    assert book.sheetnames == ["SOP", "Dasar Hukum", "SOP per Dasar Hukum", "Perlu Ditinjau"]
    (basis,) = list(book["Dasar Hukum"].iter_rows(min_row=2, values_only=True))
    assert basis[2] == 3000
    pairs = list(book["SOP per Dasar Hukum"].iter_rows(min_row=2, values_only=True))
    assert [p[3] for p in pairs] == [r.number for r in sops]
    assert_every_cell_whole_and_text(book)


def test_reasons_past_a_cell_s_limit_are_each_on_their_own_row():
    reasons = tuple(f"jabatan 'kasi-{k}' diubah di registri ({'Kepala Seksi ' * 150}) pada 02 Desember 2026" for k in range(20))
    assert len("; ".join(reasons)) > CELL_LIMIT
    audit = _audit([_sop(1, suspect=reasons), _sop(2, suspect=reasons[:1])])
    book = openpyxl.load_workbook(io.BytesIO(audit_xlsx(audit, None, _today())))
    assert_every_cell_whole_and_text(book)
    column = SOP_COLUMNS.index("Perlu Ditinjau")
    first, second = (r[column] for r in book["SOP"].iter_rows(min_row=2, values_only=True))
    assert first == "20 alasan; lihat lembar 'Perlu Ditinjau' di audit.xlsx atau halaman audit" and second == reasons[0]
    listed = [r[3] for r in book["Perlu Ditinjau"].iter_rows(min_row=2, values_only=True)]
    assert listed == list(reasons) + [reasons[0]]
    rows = read_like_excel_id(audit_csv(audit, None))
    assert all(len(cell) <= CELL_LIMIT for row in rows for cell in row)


def test_a_workbook_text_that_looks_like_a_formula_stays_text():
    book = openpyxl.load_workbook(io.BytesIO(audit_xlsx(_audit([_sop(n, t) for n, t in enumerate(HOSTILE_TITLES)]), None, _today())))
    titles = [row[3] for row in book["SOP"].iter_rows(min_row=2)]
    assert [c.value for c in titles] == HOSTILE_TITLES  # as written: the workbook types text, it need not alter it
    assert_every_cell_whole_and_text(book)


def assert_every_cell_whole_and_text(book) -> None:
    """No cell past Excel's limit, no formula, and a text that starts like one marked as text."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert len(cell.value) <= CELL_LIMIT, (sheet.title, cell.coordinate)
                    if cell.value.startswith(FORMULA_START):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)


def _today():
    import datetime as dt

    return dt.date(2026, 6, 1)


@pytest.mark.slow
def test_a_generated_three_thousand_sop_project_reads_back_whole(tmp_path):
    """The issue's scale: a generated kabupaten of 3,000 SOPs (benchmarks/corpus.py) with one judul
    hostile to spreadsheets, validated and gathered as a build does (the swimlanes aside); its exports
    read back with nothing cut and no cell a ';'- or ','-splitting reader would run."""
    from benchmarks.corpus import generate
    from macros.site.audit import build_audit
    from macros.site.data import SiteData
    from macros.validate import validate_paths

    sources = generate(tmp_path / "sop", 3000, seed=23)
    files = sorted((p for p in sources.rglob("*.yml") if not p.name.startswith("_")), key=str)
    for n, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        if "- permen-35-2012\n" not in text:  # as every SOP AP cites the rule it is written under
            text = text.replace("dasar_hukum:\n", "dasar_hukum:\n- permen-35-2012\n", 1)
        if n == 0:
            text = re.sub(r"(?m)^judul: .*$", "judul: 'Pelayanan;=1+1;'", text, count=1)
        path.write_text(text, encoding="utf-8")
    validation = validate_paths([sources], today=_today())
    site = SiteData.build(validation.checked[0])
    assert len(site.sops) == 3000
    audit = build_audit(site, [], "Dibangun dari korpus uji")
    data = audit_csv(audit, None)
    assert_no_formula_cell(data)
    rows = read_like_excel_id(data)
    assert len(rows) == 3001 and all(len(r) == len(SOP_COLUMNS) for r in rows)
    assert "Pelayanan;'=1+1;" in {r[SOP_COLUMNS.index("Judul")] for r in rows}
    book = openpyxl.load_workbook(io.BytesIO(audit_xlsx(audit, None, _today())))
    assert_every_cell_whole_and_text(book)
    citing = {b.citation: len(b.citing) for b in audit.legal_bases}
    counted = {row[0]: row[2] for row in book["Dasar Hukum"].iter_rows(min_row=2, values_only=True)}
    assert counted == citing
    pairs = list(book["SOP per Dasar Hukum"].iter_rows(min_row=2, values_only=True))
    numbers = {r.slug: r.number for r in audit.sops}
    assert [p[3] for p in pairs] == [numbers[s] for b in audit.legal_bases for s in b.citing]
    everyone = next(b for b in audit.legal_bases if b.basis_id == "permen-35-2012")
    assert len(everyone.citing) == 3000
    assert sum(len(numbers[s]) + 2 for s in everyone.citing) > CELL_LIMIT  # one cell of them would be cut
