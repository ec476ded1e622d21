"""The pages the package publishes on every agency's site beside its own: Kode Pemeriksaan and Format
Sumber. Their prose is Markdown shipped in `texts/`; what the code knows (the codes, the keys of every
source file) is generated where the text says (`render/document.py`), so the pages follow the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from markupsafe import Markup

from ..load.discover import RECORD_FOLDERS, REGISTRY_FILES
from ..model.monev import EvaluationHeader, MonitoringHeader
from ..model.registry import Agency, LegalBasis, Role
from ..model.sop import Sop
from ..render.codes import render_code_table
from ..render.document import render_document
from ..render.format_reference import SourceFile, render_source_files

TEXTS = Path(__file__).parent / "texts"
INSTANSI, JABATAN, DASAR_HUKUM = REGISTRY_FILES
MONITORING, EVALUASI = RECORD_FOLDERS

# The source files, in the groups the Format Sumber page shows them (its `<!-- sisip: … -->` names).
SOURCE_FILES: dict[str, tuple[SourceFile, ...]] = {
    "sop": (SourceFile("sop/<slug>.yml", Sop),),
    "registri": (
        SourceFile(f"sop/{INSTANSI}", Agency, "instansi", "Setiap entri: satu instansi (kop SOP-nya)."),
        SourceFile(f"sop/{JABATAN}", Role, "jabatan", "Setiap entri: satu jabatan, dengan id yang sama di semua SOP."),
        SourceFile(f"sop/{DASAR_HUKUM}", LegalBasis, "dasar_hukum", "Setiap entri: satu dasar hukum, dikutip dengan id-nya."),
    ),
    "monev": (
        SourceFile(f"sop/{MONITORING}/<tahun>-<semester>.yml", MonitoringHeader, "monitoring",
                   "Satu berkas per semester: hasil monitoring setiap SOP yang dinilai."),
        SourceFile(f"sop/{EVALUASI}/<tahun>.yml", EvaluationHeader, "evaluasi",
                   "Satu berkas per tahun: hasil evaluasi setiap SOP yang dinilai."),
    ),
}


def _text(name: str) -> str:
    return (TEXTS / f"{name}.md").read_text(encoding="utf-8")


@cache
def codes_page() -> Markup:
    return render_document(_text("kode-pemeriksaan"), {"kode": render_code_table()})


@cache
def format_page() -> Markup:
    placed: dict = {}  # a mapping two groups share gets one table, the first
    parts = {name: render_source_files(files, placed) for name, files in SOURCE_FILES.items()}
    return render_document(_text("format-sumber"), parts)
