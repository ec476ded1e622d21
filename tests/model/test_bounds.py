"""What the model refuses so that every SOP it accepts can be drawn, printed and published."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata

import pytest
from pydantic import ValidationError

from macros.model.base import BIDI_CONTROLS, MAX_TEXT_LENGTH, identity
from macros.model.duration import Duration
from macros.model.registry import RoleRegistry
from macros.model.sop import Exit, RelatedSop, Revision


def _error(model, value) -> str:
    with pytest.raises(ValidationError) as info:
        model.model_validate(value)
    (error,) = info.value.errors()
    return error["msg"]


@pytest.mark.parametrize("text", ["terima\n", "terima\r\n", "Terima", "terima surat", "-terima", "a" * 81])
def test_ids_are_whole_strings_of_lower_case_words(text):
    assert "tidak sah" in _error(Exit, {"label": "Ya", "ke": text})


@pytest.mark.parametrize("slug", ["surat-masuk\n", "surat_masuk", "index"])
def test_related_slugs_are_whole_slugs_and_not_reserved(slug):
    message = _error(RelatedSop, {"sop": slug})
    assert "tidak sah" in message or "dicadangkan" in message


def test_a_role_id_index_is_reserved():
    assert "dicadangkan" in _error(RoleRegistry, {"index": {"nama": "Indeks", "singkatan": "Indeks"}})


@pytest.mark.parametrize("char", ["\0", "\x07", "\x1b", "\x7f", "\x85", "\ud800", "\ufffe"])
def test_control_characters_are_refused(char):
    assert "karakter kendali" in _error(Exit, {"label": f"Ya{char}"})


@pytest.mark.parametrize("char", ["\t", "\n", "\u00a0", "é", "—", "\U0001f600"])
def test_ordinary_characters_are_kept(char):
    assert Exit.model_validate({"label": f"Ya{char}tidak"}).label == f"Ya{char}tidak"


FORMAT_CHARACTERS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_bidi_controls_are_refused(char):
    assert "pengatur arah tulisan" in _error(Exit, {"label": f"Ya{char}tidak"})


def test_every_other_format_character_is_removed_when_read():
    """Unicode category Cf is the rule: a character Unicode adds to it later is read the same way."""
    invisible = [c for c in FORMAT_CHARACTERS if c not in BIDI_CONTROLS]
    assert "\u200b" in invisible and "\u00ad" in invisible and "\ufeff" in invisible
    assert BIDI_CONTROLS <= set(FORMAT_CHARACTERS)
    for char in invisible:
        assert Exit.model_validate({"label": f"Ya{char}tidak"}).label == "Yatidak", f"U+{ord(char):04X}"


@pytest.mark.parametrize(("one", "other"), [
    ("800/001/UMUM", "800/\u200b001/UMUM"), ("Memeriksa kelengkapan", "Memeriksa keleng\u00adkapan"),
    ("Café", "Cafe\u0301"), ("Ya", "\ufeffYa"), ("Tidak  lengkap", "tidak\u00a0lengkap"),
])
def test_texts_that_look_the_same_have_one_identity(one, other):
    read = Exit.model_validate({"label": other}).label
    assert identity(read) == identity(one) == identity(other)


def test_texts_have_a_sane_length():
    assert Exit.model_validate({"label": "x" * MAX_TEXT_LENGTH}).label
    assert "terlalu panjang" in _error(Exit, {"label": "x" * (MAX_TEXT_LENGTH + 1)})


@pytest.mark.parametrize(
    "written",
    ["1000000000000000000000000000000 menit", "10000 menit", "0,001 jam", "0 menit", {"jumlah": "0", "satuan": "jam"},
     "1–10000 menit", "paling lama 0,001 hari"],
)
def test_waktu_is_bounded(written):
    assert "di luar batas" in _error(Duration, written)


def test_an_exponent_is_no_amount():
    assert "tidak dikenali" in _error(Duration, {"jumlah": "1e999999999", "satuan": "menit"})


@pytest.mark.parametrize("written", ["9999 hari kerja", "0,25 jam", "1 menit"])
def test_waktu_within_bounds(written):
    assert Duration.model_validate(written).amount > 0


@pytest.mark.parametrize("date", ["2107-11-23", "0001-01-01", "1944-12-31", "2101-01-01"])
def test_dates_outside_the_sensible_range_are_typos(date):
    assert "di luar rentang" in _error(Revision, {"tanggal": date, "perubahan": "x", "oleh": "y"})


@pytest.mark.parametrize("date, expected", [("1945-08-17", dt.date(1945, 8, 17)), ("2100-12-31", dt.date(2100, 12, 31))])
def test_dates_at_the_edges_are_kept(date, expected):
    assert Revision.model_validate({"tanggal": date, "perubahan": "x", "oleh": "y"}).date.first == expected


def test_a_kop_has_up_to_four_levels_above_the_agency():
    from macros.model.registry import AgencyRegistry

    one = AgencyRegistry.model_validate({"a": {"pemerintah": "Pemerintah Kabupaten Contoh", "nama": "Dinas A"}}).root["a"]
    assert one.kop_lines == ("Pemerintah Kabupaten Contoh", "Dinas A") and one.government == "Pemerintah Kabupaten Contoh"
    three = AgencyRegistry.model_validate(
        {"k": {"pemerintah": ["Pemerintah Kota Contoh", "Kecamatan Contoh"], "nama": "Kelurahan Contoh"}}
    ).root["k"]
    assert three.kop_lines == ("Pemerintah Kota Contoh", "Kecamatan Contoh", "Kelurahan Contoh")
    assert three.government == "Pemerintah Kota Contoh"
    # an agency registered by its own name only prints just that name: nothing is added above it
    for own in ({"nama": "Puskesmas Contoh"}, {"pemerintah": [], "nama": "Puskesmas Contoh"}):
        alone = AgencyRegistry.model_validate({"p": own}).root["p"]
        assert alone.kop_lines == ("Puskesmas Contoh",) and alone.government == "Puskesmas Contoh"
    with pytest.raises(ValidationError):
        AgencyRegistry.model_validate({"x": {"pemerintah": ["P"] * 5, "nama": "X"}})


def test_a_role_is_internal_unless_marked_external():
    roles = RoleRegistry.model_validate(
        {"staf": {"nama": "Staf", "singkatan": "Staf"}, "pemohon": {"nama": "Pemohon", "singkatan": "Pemohon", "eksternal": "true"}}
    ).root
    assert not roles["staf"].external and roles["pemohon"].external
