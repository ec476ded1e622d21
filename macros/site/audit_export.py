"""The audit's rows as files for the inspector's working papers: audit.xlsx (openpyxl) and audit.csv.

The inspector opens them in Excel, in an Indonesian locale. audit.csv is written for that reader:
';'-separated (Excel takes a .csv's separator from the locale's list separator, ';' in id-ID), UTF-8
with a byte-order mark, and no text that Excel, or any reader splitting on ';' or ',', would run as a
formula. audit.xlsx keeps every text as written, typed as text; no cell passes Excel's limit, so
nothing is cut: the SOPs citing a legal basis are one row each on their own sheet.

The same sources give the same bytes: the workbook's dates are the build's date (from the sources),
and the zip entries carry one fixed time instead of the clock's."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

from ..model.audit import Audit, AuditSop
from ..model.base import indonesian_date
from ..render.audit import STATUS_TEXT, basis_state, evaluation_text, findings_text, monitoring_text
from ..urls import PageKind, PageRef, absolute_url

SOP_COLUMNS = ("Instansi", "Unit", "Nomor", "Judul", "Status", "Tanggal Efektif", "Tanggal Revisi",
               "Tanggal Perubahan Terakhir", "Commit Perubahan Terakhir", "Tinjauan Terakhir", "Tanggal Jadwal Tinjauan",
               "Lewat Jadwal", "Perlu Ditinjau", "Temuan terbuka", "Jumlah temuan", "Monitoring terakhir",
               "Evaluasi terakhir", "Tindakan terbuka", "Alamat")
LEGAL_COLUMNS = ("Dasar hukum", "Keadaan", "Jumlah SOP")
CITATION_COLUMNS = ("Dasar hukum", "Keadaan", "Instansi", "Nomor", "Judul", "Alamat")
REASON_COLUMNS = ("Instansi", "Nomor", "Judul", "Alasan perlu ditinjau", "Alamat")
CITATION_SHEET, REASON_SHEET = "SOP per Dasar Hukum", "Perlu Ditinjau"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CELL_LIMIT = 32_767  # the most characters an Excel cell holds: a longer text is cut when read
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run a cell starting so as a formula
CSV_SEPARATOR = ";"  # Excel's list separator in id-ID: a ','-separated file opens as one column there
# Where a reader may start a cell inside a text: its start, and after any separator a reader may
# split on (';' in id-ID, ',' elsewhere, tab and line breaks); quotes and spaces a reader may strip.
_WOULD_BE_CELL = re.compile(r"(\A|[;,\t\r\n])([ \"]*)(?=[=+\-@\t\r])")


def _address(slug: str, site_url: str | None) -> str:
    path = PageRef(PageKind.DOCUMENT, slug).path
    return absolute_url(site_url, path) if site_url else "/" + path


def sop_rows(audit: Audit, site_url: str | None) -> list[list]:
    def row(r: AuditSop) -> list:
        return [r.agency, r.unit or "", r.number or "", r.title, STATUS_TEXT[r.status],
                _date_cell(r.effective, r.effective_shown), _date_cell(r.revised, r.revised_shown),
                r.changed, r.changed_commit or "", r.last_review or "", r.planned_review, "ya" if r.overdue else "tidak",
                _reasons_cell(r), findings_text(r), sum(n for _, n in r.findings), monitoring_text(r),
                evaluation_text(r), r.open_actions, _address(r.slug, site_url)]
    return [row(r) for r in audit.sops]


def _date_cell(first_day: dt.date | None, shown: str):
    """A date of the SOP in a spreadsheet: a date where the source gives the day; else its text as the
    SOP prints it ('Januari 2016', 'Desember'), never a first-of-the-month the source does not say."""
    if first_day is not None and shown == indonesian_date(first_day):
        return first_day
    return shown


def _reasons_cell(row: AuditSop) -> str:
    """Why the SOP needs review, in one cell; when the reasons pass a cell's limit, how many there are
    and where each is (one row each on the workbook's sheet and on the audit page)."""
    joined = "; ".join(row.suspect)
    if len(joined) <= CELL_LIMIT:
        return joined
    return f"{len(row.suspect)} alasan; lihat lembar '{REASON_SHEET}' di audit.xlsx atau halaman audit"


def legal_rows(audit: Audit) -> list[list]:
    return [[b.citation, basis_state(b), len(b.citing)] for b in audit.legal_bases]


def citation_rows(audit: Audit, site_url: str | None) -> list[list]:
    """One row per (legal basis, SOP citing it): a basis cited by thousands of SOPs loses none."""
    by_slug = {r.slug: r for r in audit.sops}
    return [[b.citation, basis_state(b), by_slug[s].agency, by_slug[s].number or "", by_slug[s].title, _address(s, site_url)]
            for b in audit.legal_bases for s in b.citing]


def reason_rows(audit: Audit, site_url: str | None) -> list[list]:
    """One row per (SOP, reason it needs review)."""
    return [[r.agency, r.number or "", r.title, reason, _address(r.slug, site_url)] for r in audit.sops for reason in r.suspect]


def audit_csv(audit: Audit, site_url: str | None) -> bytes:
    """One row per SOP, the columns of the page, as Excel in id-ID reads a .csv: ';'-separated, UTF-8
    with a byte-order mark (so that Excel reads the letters right), dates as YYYY-MM-DD."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow(SOP_COLUMNS)
    for row in sop_rows(audit, site_url):
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value) -> str:
    """Dates as YYYY-MM-DD; in SOP text, each place a reader may start a cell that a spreadsheet would
    take for a formula gets an apostrophe, as spreadsheets themselves write a text that looks like one:
    a judul 'Pelayanan;=1+1' is written 'Pelayanan;'=1+1', whichever separator the reader splits on."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return _WOULD_BE_CELL.sub(lambda m: m.group(1) + m.group(2) + "'", str(value))


def audit_xlsx(audit: Audit, site_url: str | None, when: dt.date) -> bytes:
    """Four sheets: SOP (one row per SOP), Dasar Hukum (one row per legal basis), SOP per Dasar Hukum
    (one row per basis and SOP citing it) and Perlu Ditinjau (one row per SOP and reason)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    stamp = dt.datetime(when.year, when.month, when.day)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "sop-as-code"
    book.properties.title = "Audit SOP"
    book.properties.language = "id"
    sheets = [("SOP", SOP_COLUMNS, sop_rows(audit, site_url)), ("Dasar Hukum", LEGAL_COLUMNS, legal_rows(audit)),
              (CITATION_SHEET, CITATION_COLUMNS, citation_rows(audit, site_url)),
              (REASON_SHEET, REASON_COLUMNS, reason_rows(audit, site_url))]
    for n, (title, columns, rows) in enumerate(sheets):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = title
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(rows, start=2):  # counted here: sheet.max_row scans every cell
            sheet.append([None if v == "" else v for v in row])
            for column, value in enumerate(row, start=1):
                if isinstance(value, str) and value.startswith(FORMULA_START):
                    # SOP text starting with '=' is text, never a formula; marked as Excel marks a text
                    # typed with a leading apostrophe, so that editing the cell keeps it text
                    cell = sheet.cell(row=number, column=column)
                    cell.data_type = "s"
                    cell.quotePrefix = True
        for column, name in enumerate(columns, start=1):
            letter = get_column_letter(column)
            if name.startswith("Tanggal"):
                for cell in sheet[letter][1:]:
                    cell.number_format = "DD/MM/YYYY"
            width = max([len(name)] + [len(str(r[column - 1] or "")) for r in rows[:500]])
            sheet.column_dimensions[letter].width = min(60, width + 2)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which sets the 'modified' date to the clock's
    ExcelWriter(book, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated ZIP_TIME: openpyxl dates them by the clock."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
