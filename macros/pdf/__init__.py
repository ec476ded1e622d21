"""The SOP binder as PDF files: one per SOP and a bound book per agency (see make.py)."""

from __future__ import annotations

from .chromium import Printer, PrintFailed, chromium_path
from .make import PdfFailed, PdfReport, PdfSettings, make_pdfs, warm_document

FORCE_PDF = "SOP_PDF"  # set to 1 by `sop pdf`: the PDFs are made whatever mkdocs.yml says

__all__ = ["FORCE_PDF", "PdfFailed", "PdfReport", "PdfSettings", "Printer", "PrintFailed", "chromium_path", "make_pdfs",
           "warm_document"]
