"""Monitoring and evaluation records in a built site: a valid period shows on the SOP's page and on
its forms; an invalid record is left out with its finding and never breaks the build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_SOURCES, build_into
from tests.plugin.test_site_build import page_text
from tests.render.test_monev import EVALUATION, MONITORING

pytestmark = pytest.mark.slow  # builds a whole site (page_text puts a space after each element)

SEED = "sop/perbaikan-data-kinerja"
BROKEN = """periode: 2025-2
penilai: sekretaris-bappeda
tanggal: 2025-12-01
hasil:
  perbaikan-data-kinerja:
    langkah:
      11: baik
"""


def _sources(tmp_path: Path, records: dict[str, str]) -> Path:
    root = tmp_path / "sop"
    shutil.copytree(SEED_SOURCES, root)
    for rel, text in records.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def monev_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("monev")
    sources = _sources(work, {"_monitoring/2026-1.yml": MONITORING, "_evaluasi/2026.yml": EVALUATION})
    result, site = build_into(work, work / "site", sources, "--strict")
    assert result.code == 0, result.err
    return site


def test_the_sop_page_shows_the_last_monitoring_and_evaluation(monev_site):
    text = page_text(monev_site / SEED / "index.html")
    assert "Monitoring terakhir: Semester I 2026 , 22 Juni 2026, oleh Dra. SITI AMINAH" in text
    assert "8 dari 10 langkah berjalan dengan baik; 1 tidak berjalan dengan baik; 1 tidak dinilai." in text
    assert "Evaluasi terakhir: Tahun 2026 , 02 Desember 2026" in text and "5 dari 7 kriteria dijawab Ya" in text
    assert "Tindakan yang belum selesai (2)" in text
    raw = (monev_site / SEED / "index.html").read_text(encoding="utf-8")
    assert 'href="monitoring/"' in raw and 'href="evaluasi/"' in raw


def test_the_forms_are_pages_of_the_sop(monev_site):
    monitoring = page_text(monev_site / SEED / "monitoring" / "index.html")
    assert "Monitoring Pelaksanaan SOP AP" in monitoring and "Hasil monitoring Semester I 2026" in monitoring
    assert "Hasil monitoring yang tercatat: Semester I 2026 ." in monitoring
    evaluation = page_text(monev_site / SEED / "evaluasi" / "index.html")
    assert "Evaluasi Penerapan SOP AP" in evaluation and "Hasil evaluasi Tahun 2026" in evaluation
    raw = (monev_site / SEED / "monitoring" / "index.html").read_text(encoding="utf-8")
    assert "<title>Monitoring Pelaksanaan SOP AP: Mekanisme Perbaikan Data Kinerja" in raw


def test_an_invalid_record_is_left_out_and_the_build_goes_on(tmp_path):
    sources = _sources(tmp_path, {"_monitoring/2026-1.yml": MONITORING, "_monitoring/2025-2.yml": BROKEN})
    result, site = build_into(tmp_path, tmp_path / "site", sources)
    assert result.code == 0, result.err
    assert "_monitoring/2025-2.yml:7:7: SOP-M002 galat: langkah '11' tidak ada" in result.err
    text = page_text(site / SEED / "monitoring" / "index.html")
    assert "Hasil monitoring Semester I 2026" in text and "Semester II 2025" not in text
    strict, _ = build_into(tmp_path / "strict", tmp_path / "strict" / "site", sources, "--strict")
    assert strict.code == 1
