"""The typed model: aliases, value forms, and the errors it turns into findings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from macros.load.yaml_tree import parse_text
from macros.model.duration import Duration, TimeUnit
from macros.model.errors import describe_path, validate
from macros.model.sop import Sop
from tests.conftest import SEED_SOURCES


def seed() -> Sop:
    text = (SEED_SOURCES / "perbaikan-data-kinerja.yml").read_text(encoding="utf-8")
    parsed = parse_text(text, "seed.yml")
    sop, findings = validate(Sop, parsed.data, parsed.locator)
    assert findings == []
    return sop


def test_seed_model():
    sop = seed()
    assert sop.number == "205/050/01/Bappeda & Litbang"
    assert sop.approval.nip == "19690815 199803 1 008"
    assert sop.columns == ("kepala-bappeda", "sekretaris-bappeda", "kabid-renum", "kasubbid-data", "pelaksana-bappeda")
    assert [s.actors[0] for s in sop.steps][6:8] == ["kabid-renum", "kasubbid-data"]
    assert sum(s.duration.minutes for s in sop.steps) == 1170
    assert len(sop.legal_bases) == 6 and len(sop.related) == 5
    assert sop.activity_kind.value == "Rutin"
    assert sop.dates.revised is None and sop.dates.effective is None


@pytest.mark.parametrize(
    "written, amount, unit",
    [("120 menit", "120", TimeUnit.MINUTE), ("1,5 jam", "1.5", TimeUnit.HOUR), ("2  hari   kerja", "2", TimeUnit.WORKING_DAY)],
)
def test_duration_short_form(written, amount, unit):
    duration = Duration.model_validate(written)
    assert (duration.amount, duration.unit, duration.condition) == (Decimal(amount), unit, None)


def test_duration_mapping_with_condition():
    duration = Duration.model_validate({"jumlah": "2", "satuan": "hari", "syarat": "bila ditandatangani Kadin"})
    assert duration.condition == "bila ditandatangani Kadin"


def _errors(text: str) -> list[str]:
    parsed = parse_text(text, "x.yml")
    _, findings = validate(Duration, parsed.data, parsed.locator)
    return [f"{f.code} {f.message}" for f in findings]


def test_duration_errors_are_indonesian():
    assert _errors("'dua jam'") == [
        "SOP-W001 berkas ini: waktu 'dua jam' tidak dikenali; bentuk yang diterima: '30 menit', '2 jam', '1 jam 30 menit', '1,5 hari', "
        "'3 hari kerja', '1–3 hari', '1 s.d. 3 hari', 'paling lama 3 hari kerja', 'paling lambat 17 hari kerja', "
        "'1 x 24 jam', '± 10 menit', '5 (lima) menit', angka saja (dengan satuan kolom 'satuan_waktu' bila ada), "
        "atau teks tanpa angka seperti 'Setiap saat'"
    ]
    assert _errors("'0 menit'")[0].startswith("SOP-S003 berkas ini: jumlah waktu '0' di luar batas")
    assert "maksud Anda 'menit'" in _errors("'5 mnt'")[0]


def test_describe_path_names_the_step_and_exit():
    assert describe_path(("langkah", 3, "keputusan", 1, "label")) == "'label' (langkah 4, cabang 2)"
    assert describe_path(("dasar_hukum", 2)) == "butir 3 dari 'dasar_hukum'"
    assert describe_path(()) == "berkas ini"


def test_related_needs_exactly_one_of_slug_or_title():
    parsed = parse_text("keterkaitan:\n  - sop: a\n    judul: b\n", "x.yml")
    from pydantic import BaseModel

    from macros.model.sop import RelatedSop

    class Wrapper(BaseModel):
        keterkaitan: tuple[RelatedSop, ...]

    _, findings = validate(Wrapper, parsed.data, parsed.locator)
    assert [f.location.line for f in findings] == [2]
    assert "tepat satu" in findings[0].message


def test_identity_lists_number_their_items_as_the_source_prints_them():
    from pydantic import ValidationError

    from macros.model.sop import LegalCitation, NumberedText, item_numbers

    items = ("a", NumberedText.model_validate({"nomor": "9", "teks": "b"}), "c", NumberedText.model_validate({"nomor": "12.", "teks": "d"}))
    assert item_numbers(items) == (1, 9, 10, 12)
    assert item_numbers(()) == ()
    cited = LegalCitation.model_validate({"id": "uu-30-2014", "nomor": "3", "kutipan": "UU No. 30/2014"})
    assert (cited.basis, cited.number, cited.wording) == ("uu-30-2014", 3, "UU No. 30/2014")
    for bad in ("0", "nine", "-1", "1000", "2.5"):
        with pytest.raises(ValidationError, match="nomor butir"):
            NumberedText.model_validate({"nomor": bad, "teks": "x"})


def test_a_long_form_item_that_adds_nothing_is_the_plain_item():
    """`- teks: x` prints as `- x` does, so the two are the same source (no change in the history)."""
    base = {"kualifikasi_pelaksana": ["a"], "dasar_hukum": ["uu-30-2014"]}
    long = {"kualifikasi_pelaksana": [{"teks": "a"}], "dasar_hukum": [{"id": "uu-30-2014"}]}
    plain = Sop.model_validate({**_seed_source(), **base})
    written_long = Sop.model_validate({**_seed_source(), **long})
    assert plain.qualification_items == written_long.qualification_items == ("a",)
    assert plain.legal_items == written_long.legal_items == ("uu-30-2014",)


def _seed_source() -> dict:
    return parse_text((SEED_SOURCES / "perbaikan-data-kinerja.yml").read_text(encoding="utf-8"), "x.yml").data
