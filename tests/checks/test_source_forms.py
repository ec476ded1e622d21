"""Citation forms, source step numbers and either/or columns, in the checks' words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from macros.checks import run_checks
from macros.load.discover import source_sets
from macros.model.project import load_project
from macros.model.registry import LegalBasis

FORM_FIXTURE = Path(__file__).parent.parent / "plugin" / "fixtures" / "sah" / "bentuk-sumber" / "sop"


def basis(**fields) -> LegalBasis:
    return LegalBasis.model_validate(fields)


@pytest.mark.parametrize(
    "fields, printed",
    [
        ({"jenis": "Peraturan Bupati Banggai", "nomor": "5", "tahun": "2006", "tanggal": "2006-10-13",
          "tentang": "Tata Naskah Dinas"},
         "Peraturan Bupati Banggai Nomor 5 Tahun 2006 tanggal 13 Oktober 2006 tentang Tata Naskah Dinas"),
        ({"bentuk": "keputusan", "jenis": "Keputusan Bupati Banggai", "nomor": "050/123/Bappeda", "tahun": "2019",
          "tentang": "Tim SOP"},
         "Keputusan Bupati Banggai Nomor 050/123/Bappeda Tahun 2019 tentang Tim SOP"),
        ({"bentuk": "surat_edaran", "jenis": "Surat Edaran Menteri Dalam Negeri", "nomor": "100/123/SJ",
          "tanggal": "2020-03-02", "tentang": "Sistem Kerja"},
         "Surat Edaran Menteri Dalam Negeri Nomor 100/123/SJ tanggal 2 Maret 2020 tentang Sistem Kerja"),
        ({"bentuk": "standar", "kode": "SNI ISO 9001:2015", "judul": "Sistem Manajemen Mutu — Persyaratan"},
         "SNI ISO 9001:2015 Sistem Manajemen Mutu — Persyaratan"),
    ],
)
def test_each_form_prints_in_its_own_shape(fields, printed):
    assert basis(**fields).citation() == printed


def test_a_dated_regulation_keeps_its_date_and_identity():
    dated = basis(jenis="Peraturan Bupati Banggai", nomor="5", tahun="2006", tanggal="2006-10-13", tentang="X")
    assert dated.date.first == dt.date(2006, 10, 13)
    assert dated.identity() == ("peraturan bupati banggai", "5", 2006)
    assert basis(bentuk="standar", kode="SNI  ISO 9001:2015", judul="x").identity() == ("standar", "sni iso 9001:2015")


def _project(tmp_path: Path, replace: dict[str, str]) -> list[str]:
    target = tmp_path / "sop"
    target.mkdir()
    for path in FORM_FIXTURE.iterdir():
        text = path.read_text(encoding="utf-8")
        for old, new in replace.items():
            text = text.replace(old, new)
        (target / path.name).write_text(text, encoding="utf-8")
    (source,) = source_sets([target])
    return [f.as_line() for f in run_checks(load_project(source))]


def test_the_valid_fixture_has_only_its_two_known_warnings(tmp_path):
    lines = _project(tmp_path, {})
    assert [line.split(": ")[1].split()[0] for line in lines] == ["SOP-L003", "SOP-L002"]


def test_messages_name_steps_by_the_source_number(tmp_path):
    lines = _project(tmp_path, {
        "    pelaksana: kepala/bupati\n": "    pelaksana: kepala/bupati\n    keputusan:\n      - label: Ya\n"
                                         "      - label: Tidak\n        ke: terima\n",
    })
    assert any("SOP-F009" in line and "cabang 'Ya' pada langkah 6 " in line for line in lines), lines


def test_a_step_naming_one_role_of_an_either_column_is_told_the_column(tmp_path):
    lines = _project(tmp_path, {"    pelaksana: kepala/bupati\n": "    pelaksana: bupati\n"})
    assert any(
        "SOP-A001" in line and "pelaksana 'bupati' pada langkah 6" in line
        and "kolom 'salah satu' yang memuatnya ditulis 'kepala/bupati'" in line
        for line in lines
    ), lines


def test_an_unknown_role_inside_an_either_column_is_located(tmp_path):
    lines = _project(tmp_path, {"salah_satu: [kepala, bupati]": "salah_satu: [kepala, bupatti]",
                                "pelaksana: kepala/bupati": "pelaksana: kepala/bupatti"})
    hits = [line for line in lines if "SOP-A003" in line]
    assert len(hits) == 1 and ":37:26: " in hits[0] and "maksud Anda 'bupati'?" in hits[0], lines


def test_the_same_either_column_in_another_order_is_a_duplicate(tmp_path):
    lines = _project(tmp_path, {"  - salah_satu: [kepala, bupati]     # sumber: kolom \"Kadin/Bupati\"\n":
                                "  - salah_satu: [kepala, bupati]\n  - salah_satu: [bupati, kepala]\n"})
    assert any("SOP-A005" in line and "kolom pelaksana 'bupati/kepala' sudah ditulis sebagai kolom 3" in line
               for line in lines), lines


def test_an_incomplete_citation_still_needs_its_jenis(tmp_path):
    lines = _project(tmp_path, {"  jenis: Peraturan Daerah Kabupaten Contoh\n  tidak_lengkap: true":
                                "  tidak_lengkap: true"})
    assert any("SOP-S003" in line and "harus punya 'jenis'" in line for line in lines), lines
    assert any("SOP-S009" in line and "izin-belajar.yml" in line for line in lines), lines  # not published
