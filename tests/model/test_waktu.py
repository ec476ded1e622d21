"""Waktu as real SOPs write it: the parser, its located refusals, the one formatter and honest totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from macros.load.yaml_tree import parse_text
from macros.model.duration import (
    MAX_AMOUNT,
    Alternatives,
    Amount,
    Bound,
    Duration,
    TimeUnit,
    number_words,
    WrittenKind,
    WrittenTime,
    parse_waktu,
    read_waktu,
)
from macros.model.errors import validate
from macros.model.sop import Sop
from macros.render.text import duration, total_time
from tests.conftest import CHECK_FIXTURES

M, H, D, WD = TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.WORKING_DAY
E, R, MAX, ABOUT = Bound.EXACT, Bound.RANGE, Bound.AT_MOST, Bound.ABOUT


@pytest.mark.parametrize(
    "written, low, high, bound, unit, printed",
    [
        ("120 menit", None, "120", E, M, "120 menit"),
        ("30menit", None, "30", E, M, "30 menit"),
        ("3hari", None, "3", E, D, "3 hari"),
        ("3 Hari Kerja", None, "3", E, WD, "3 hari kerja"),
        ("2  hari   kerja", None, "2", E, WD, "2 hari kerja"),
        ("1,5 jam", None, "1.5", E, H, "1,5 jam"),
        ("1.5 JAM", None, "1.5", E, H, "1,5 jam"),
        ("5 (lima) Menit", None, "5", E, M, "5 menit"),
        ("25 (dua puluh lima) menit", None, "25", E, M, "25 menit"),
        ("25 (duapuluh lima) menit", None, "25", E, M, "25 menit"),
        ("11 (sebelas) hari", None, "11", E, D, "11 hari"),
        ("120 (seratus dua puluh) menit", None, "120", E, M, "120 menit"),
        ("1,5 (satu koma lima) jam", None, "1.5", E, H, "1,5 jam"),
        ("1,5 (satu setengah) jam", None, "1.5", E, H, "1,5 jam"),
        ("1-3 hari", "1", "3", R, D, "1–3 hari"),
        ("1–3 hari", "1", "3", R, D, "1–3 hari"),
        ("1 - 3 hari kerja", "1", "3", R, WD, "1–3 hari kerja"),
        ("1 s.d. 3 hari", "1", "3", R, D, "1–3 hari"),
        ("1 s/d 3 hari", "1", "3", R, D, "1–3 hari"),
        ("1 sampai 3 hari", "1", "3", R, D, "1–3 hari"),
        ("1 sampai dengan 3 hari", "1", "3", R, D, "1–3 hari"),
        ("1 (satu) – 3 (tiga) hari", "1", "3", R, D, "1–3 hari"),
        ("paling lama 3 hari kerja", None, "3", MAX, WD, "paling lama 3 hari kerja"),
        ("Paling Lama 3 hari kerja", None, "3", MAX, WD, "paling lama 3 hari kerja"),
        ("maks. 3 hari", None, "3", MAX, D, "paling lama 3 hari"),
        ("maksimal 2 jam", None, "2", MAX, H, "paling lama 2 jam"),
        ("selambat-lambatnya 14 hari", None, "14", MAX, D, "paling lambat 14 hari"),
        ("Paling lambat 17 hari kerja", None, "17", MAX, WD, "paling lambat 17 hari kerja"),
        ("1 x 24 jam", None, "24", E, H, "1 x 24 jam"),
        ("3×24 Jam", None, "72", E, H, "3 x 24 jam"),
        ("paling lama 2 x 24 jam", None, "48", MAX, H, "paling lama 2 x 24 jam"),
        ("± 10 menit", None, "10", ABOUT, M, "± 10 menit"),
        ("±10 menit", None, "10", ABOUT, M, "± 10 menit"),
        ("kurang lebih 10 menit", None, "10", ABOUT, M, "± 10 menit"),
    ],
)
def test_written_forms(written, low, high, bound, unit, printed):
    value = parse_waktu(written)
    expected_low = Decimal(low) if low else None
    amount = value.quantity
    assert (amount.high, amount.low, amount.bound, value.unit) == (Decimal(high), expected_low, bound, unit)
    assert duration(value) == printed
    assert parse_waktu(printed) == value  # what is printed reads back the same, 'paling lambat' and '1 x 24' too


def test_hours_and_minutes_are_kept_in_minutes_and_printed_as_written():
    for written, minutes, bound, printed in [
        ("1 jam 30 menit", "90", E, "1 jam 30 menit"),
        ("2jam 5menit", "125", E, "2 jam 5 menit"),
        ("paling lama 1 jam 30 menit", "90", MAX, "paling lama 1 jam 30 menit"),
        ("± 1 Jam 15 Menit", "75", ABOUT, "± 1 jam 15 menit"),
    ]:
        value = parse_waktu(written)
        assert (value.amount, value.unit, value.bound) == (Decimal(minutes), M, bound)
        assert duration(value) == printed
        assert parse_waktu(duration(value)) == value
    assert str(total_time([parse_waktu("1 jam 30 menit"), parse_waktu("45 menit")])) == "2 jam 15 menit"


@pytest.mark.parametrize(
    "written, unit, printed",
    [("10", M, "10 menit"), ("5 (lima)", M, "5 menit"), ("1-3", D, "1–3 hari"), ("paling lama 3", WD, "paling lama 3 hari kerja"),
     ("± 15", M, "± 15 menit"), ("2 jam", M, "2 jam")],
)
def test_a_bare_amount_takes_the_declared_unit(written, unit, printed):
    assert duration(parse_waktu(written, unit)) == printed


def _message(written, unit=None) -> tuple[str, str]:
    with pytest.raises(ValidationError) as info:
        parse_waktu(written, unit)
    (error,) = info.value.errors()
    return error["type"], error["msg"]


ACCEPTED = "bentuk yang diterima: '30 menit'"


@pytest.mark.parametrize(
    "written, kind, says",
    [
        ("dua jam", "waktu_format", ACCEPTED),
        ("", "waktu_format", ACCEPTED),
        ("1 jam 90 menit", "waktu_format", "menit di belakang jam harus 1 sampai 59"),
        ("1 jam 0 menit", "waktu_format", "atau tulis '60 menit'"),
        ("1 jam 30 menit - 2 jam", "waktu_format", ACCEPTED),
        ("166 jam 40 menit", "duration_range", "paling besar 9999"),
        ("1e9 menit", "waktu_format", ACCEPTED),
        ("paling lama 1-3 hari", "waktu_format", "tulis salah satu"),
        ("5 (enam) menit", "waktu_words", "5 dibaca 'lima'"),
        ("5 (lima puluh) menit", "waktu_words", "5 dibaca 'lima'"),
        ("1 (satu) - 3 (empat) hari", "waktu_words", "3 dibaca 'tiga'"),
        ("3-1 hari", "waktu_range_order", "batas bawah harus lebih kecil"),
        ("2–2 hari", "waktu_range_order", "mis. '1–3 hari'"),
        ("10", "waktu_no_unit", "'satuan_waktu: menit'"),
        ("1-3", "waktu_no_unit", "tulis satuannya"),
        ("3 detik", "waktu_unit", "satuan yang diterima: menit, jam, hari, hari kerja"),
        ("2 minggu", "waktu_unit", "'14 hari'"),
        ("5 mnt", "waktu_unit", "maksud Anda 'menit'"),
        ("3 hari kalender", "waktu_unit", "'hari kalender' tidak dikenal"),
        ("7 hari dengan Bupati; 2 hari dengan Kadin", "waktu_condition_text", "syarat: dengan Bupati}"),
        ("3 hari bila berkas lengkap", "waktu_condition_text", "satu butir per syarat"),
        ("0 menit", "duration_range", "lebih dari 0"),
        ("10000 menit", "duration_range", "paling besar 9999"),
        ("0,001 jam", "duration_range", "paling banyak 2 angka"),
        ("0-3 hari", "duration_range", "di luar batas"),
    ],
)
def test_what_is_not_read_is_named_with_the_accepted_forms(written, kind, says):
    found_kind, message = _message(written)
    assert found_kind == kind
    assert says in message


@pytest.mark.parametrize(
    "options, says",
    [
        ([{"jumlah": "7", "satuan": "hari", "syarat": "dengan Bupati"}], "minimal 2"),
        ([{"jumlah": "7", "satuan": "hari", "syarat": "a"}, {"jumlah": "2", "satuan": "hari"}], "butir 2 daftar"),
        ([{"jumlah": "7", "satuan": "hari", "syarat": "Bupati"}, {"jumlah": "2", "satuan": "hari", "syarat": "bupati"}],
         "syarat yang sama"),
    ],
)
def test_conditional_lists_name_each_condition(options, says):
    with pytest.raises(ValidationError) as info:
        Alternatives.model_validate(options)
    (error,) = info.value.errors()
    assert error["type"] == "waktu_alternatives" and says in error["msg"]


def _sop_findings(waktu: str, extra: str = "") -> list[str]:
    text = (CHECK_FIXTURES / "valid" / "surat-masuk.yml").read_text(encoding="utf-8")
    text = text.replace("    waktu: 15 menit\n", f"    waktu: {waktu}\n") + extra
    parsed = parse_text(text, "x.yml")
    _, findings = validate(Sop, parsed.data, parsed.locator)
    return [f"{f.location.line}:{f.location.column} {f.code}" for f in findings]


def test_findings_point_at_the_waktu_and_carry_their_code():
    assert _sop_findings("10") == []  # kept as written: a warning of the checks (SOP-W004), not a loading error
    assert _sop_findings("[{jumlah: 7, satuan: hari, syarat: a}, '10']") == ["48:51 SOP-W001"]  # in a list: no unit, refused
    assert _sop_findings("10", "satuan_waktu: menit\n") == []
    assert _sop_findings("10", "satuan_waktu: Menit\n") == []
    assert _sop_findings("10", "satuan_waktu: minggu\n") == ["61:15 SOP-W005"]
    assert _sop_findings("{jumlah: '1-3', satuan: hari}") == []
    assert _sop_findings("{jumlah: '3-1', satuan: hari}") == ["48:21 SOP-W003"]
    assert _sop_findings("{jumlah: 3}", "satuan_waktu: jam\n") == []
    assert _sop_findings("{jumlah: 3, satuan: pekan}") == ["48:32 SOP-W005"]
    assert _sop_findings("[{jumlah: 7, satuan: hari, syarat: a}, {jumlah: 2, satuan: hari, syarat: b}]") == []
    assert _sop_findings("[{jumlah: 7, satuan: hari, syarat: a}, {jumlah: 2, satuan: hari}]") == ["48:12 SOP-W007"]
    assert _sop_findings("[{jumlah: 7, satuan: hari, syarat: a}, {jumlah: x, satuan: hari, syarat: b}]") == [
        "48:60 SOP-W001"
    ]


def test_the_declared_unit_does_not_leak_to_the_next_sop():
    assert _sop_findings("10", "satuan_waktu: menit\n") == []
    with pytest.raises(ValidationError):
        Duration.model_validate("10")
    assert read_waktu("10") == WrittenTime("10", WrittenKind.BARE)


# ------------------------------------------------------------------ kept as written


@pytest.mark.parametrize(
    "written, kind, printed",
    [
        ("10", WrittenKind.BARE, "10"),
        ("1,5", WrittenKind.BARE, "1,5"),
        ("1-3", WrittenKind.BARE, "1-3"),
        ("± 15", WrittenKind.BARE, "± 15"),
        ("Setiap saat", WrittenKind.WINDOW, "Setiap saat"),
        ("Pada hari dan jam kerja", WrittenKind.WINDOW, "Pada hari dan jam kerja"),
        ("Sesuai  jadwal", WrittenKind.WINDOW, "Sesuai jadwal"),
        ("sesuai kebutuhan", WrittenKind.WINDOW, "sesuai kebutuhan"),
        ("Setiap hari kerja", WrittenKind.WINDOW, "Setiap hari kerja"),
        ("Pukul 08.00 – 16.00 WIB", WrittenKind.WINDOW, "Pukul 08.00 – 16.00 WIB"),
        ("08.00-16.00 WIB", WrittenKind.WINDOW, "08.00-16.00 WIB"),
        ("Paling lambat tanggal 10 bulan berikutnya", WrittenKind.WINDOW, "Paling lambat tanggal 10 bulan berikutnya"),
        ("Selambat-lambatnya 3 hari kerja setelah berkas diterima lengkap", WrittenKind.DEADLINE,
         "Selambat-lambatnya 3 hari kerja setelah berkas diterima lengkap"),
        ("14 hari sejak permohonan diterima", WrittenKind.DEADLINE, "14 hari sejak permohonan diterima"),
    ],
)
def test_what_is_not_an_amount_of_time_is_kept_as_written(written, kind, printed):
    value = read_waktu(written)
    assert isinstance(value, WrittenTime) and value.kind is kind
    assert duration(value) == printed
    assert str(total_time([value])).startswith("tidak ada yang dapat dijumlahkan (belum termasuk 1 ")


def test_a_deadline_from_an_event_keeps_its_measure_and_its_event():
    value = read_waktu("Paling lambat 3 hari kerja setelah berkas lengkap")
    assert value.deadline == parse_waktu("paling lambat 3 hari kerja")
    assert value.since == "setelah berkas lengkap"


def test_with_a_declared_unit_a_bare_number_is_an_amount_and_a_window_stays_text():
    assert duration(read_waktu("10", M)) == "10 menit"
    assert read_waktu("Setiap saat", M) == WrittenTime("Setiap saat", WrittenKind.WINDOW)


@pytest.mark.parametrize(
    "written, kind",
    [
        ("dua jam", "waktu_format"),  # a number in words and a unit: a duration written wrongly
        ("sehari", "waktu_format"),
        ("Satu hari kerja", "waktu_format"),
        ("1 jam 90 menit", "waktu_format"),
        ("1 jam 30 menit – 2 jam", "waktu_format"),
        ("2 minggu", "waktu_unit"),
        ("5 mnt", "waktu_unit"),
        ("5 (enam) menit", "waktu_words"),
        ("3-1 hari", "waktu_range_order"),
        ("7 hari dengan Bupati; 2 hari dengan Kadin", "waktu_condition_text"),
        ("kurang lebih dua minggu", "waktu_format"),
        ("0 x 24 jam", "waktu_format"),
        ("", "waktu_format"),
    ],
)
def test_a_mistyped_duration_is_still_refused(written, kind):
    with pytest.raises(ValidationError) as info:
        read_waktu(written)
    assert info.value.errors()[0]["type"] == kind


# ------------------------------------------------------------------ round trip

_NUMBERS = st.decimals(min_value=Decimal("0.01"), max_value=MAX_AMOUNT, places=2)


@st.composite
def amounts(draw) -> tuple[Amount, TimeUnit]:
    unit = draw(st.sampled_from(list(TimeUnit)))
    bound = draw(st.sampled_from(list(Bound)))
    high = draw(_NUMBERS)
    if bound is Bound.RANGE:
        low = draw(_NUMBERS.filter(lambda n: n != high))
        low, high = min(low, high), max(low, high)
        return Amount(high, low, bound), unit
    return Amount(high, None, bound), unit


def _same(a: Amount, b: Amount) -> bool:
    return (a.high, a.low, a.bound) == (b.high, b.low, b.bound)


@given(amounts())
def test_what_is_printed_reads_back_to_the_same_waktu(drawn):
    amount, unit = drawn
    value = Duration.model_validate({"jumlah": amount, "satuan": unit.value})
    again = parse_waktu(duration(value))
    assert _same(again.quantity, amount) and again.unit is unit


@given(st.integers(min_value=0, max_value=9999))
def test_numbers_in_words_agree_with_their_digits(n):
    if n == 0:
        return
    words = number_words(Decimal(n))[0]
    assert parse_waktu(f"{n} ({words}) menit").amount == n
    assert parse_waktu(f"{n} ({words.upper()}) menit").amount == n


def test_numbers_in_words_as_written():
    assert number_words(Decimal(1)) == ["satu"]
    assert number_words(Decimal(19)) == ["sembilan belas"]
    assert number_words(Decimal(100)) == ["seratus"]
    assert number_words(Decimal(1945)) == ["seribu sembilan ratus empat puluh lima"]
    assert number_words(Decimal(2024)) == ["dua ribu dua puluh empat"]
    assert number_words(Decimal("0.5")) == ["nol koma lima", "setengah"]


# ------------------------------------------------------------------ totals


def _total(*written) -> str:
    values = []
    for item in written:
        values.append(Alternatives.model_validate(item) if isinstance(item, list) else parse_waktu(item) if item else None)
    return str(total_time(values))


def _alt(*pairs):
    return [{"jumlah": a, "satuan": u, "syarat": s} for a, u, s in pairs]


@pytest.mark.parametrize(
    "written, expected",
    [
        (["120 menit", "60 menit", "30 menit"], "3 jam 30 menit"),
        (["1-3 hari", "2 hari"], "3–5 hari"),
        (["1-3 hari", "30 menit"], "1 hari 30 menit – 3 hari 30 menit"),
        (["1-3 hari", "1-2 hari kerja"], "1 hari kerja 1 hari – 2 hari kerja 3 hari"),
        (["paling lama 3 hari kerja", "2 hari kerja"], "paling lama 5 hari kerja"),
        (["paling lama 3 hari kerja", "1-2 hari kerja"], "paling lama 5 hari kerja"),
        (["± 10 menit", "20 menit"], "± 30 menit"),
        (["± 10 menit", "1-2 jam"], "± 1 jam 10 menit – 2 jam 10 menit"),
        (["± 10 menit", "paling lama 1 jam"], "paling lama ± 1 jam 10 menit"),
        (["2 hari kerja", "1 hari"], "2 hari kerja 1 hari"),  # never converted into each other
        (["30 menit", "20 menit", "10 menit"], "1 jam"),
        (["1 hari", _alt(("7", "hari", "dengan Bupati"), ("2", "hari", "dengan Kadin"))],
         "3–8 hari (termasuk 1 waktu bersyarat, dari yang tersingkat sampai yang terlama)"),
        (["30 menit", _alt(("1", "jam", "a"), ("90", "menit", "b"))],
         "1 jam 30 menit – 2 jam (termasuk 1 waktu bersyarat, dari yang tersingkat sampai yang terlama)"),
        (["30 menit", _alt(("2", "jam", "a"), ("1", "hari", "b"))], "30 menit (belum termasuk 1 waktu bersyarat)"),
        (["30 menit", _alt(("paling lama 2", "jam", "a"), ("1", "jam", "b"))],
         "paling lama 2 jam 30 menit (termasuk 1 waktu bersyarat, dari yang tersingkat sampai yang terlama)"),
        (["30 menit", None], "30 menit (belum termasuk 1 langkah tanpa waktu)"),
        (["30 menit", "1 x 24 jam"], "24 jam 30 menit"),
        (["paling lambat 2 hari kerja", "1 hari kerja"], "paling lama 3 hari kerja"),
        ([], "0 menit"),
    ],
)
def test_totals_are_honest(written, expected):
    assert _total(*written) == expected


def test_times_as_written_are_named_not_added():
    values = [read_waktu(w) for w in ("30 menit", "10", "Setiap saat", "Sesuai jadwal", "3 hari sejak berkas lengkap")]
    assert str(total_time(values)) == (
        "30 menit (belum termasuk 1 waktu tanpa satuan, 2 waktu berupa teks, 1 batas waktu yang dihitung dari "
        "peristiwa lain)"
    )


def test_a_total_of_a_truncated_source_says_it_is_a_part():
    assert str(total_time([parse_waktu("30 menit")], cut_off=1)) == "30 menit (sebagian: sumber terpotong)"
    assert str(total_time([], cut_off=1)) == "tidak ada yang dapat dijumlahkan (sebagian: sumber terpotong)"
    assert str(total_time([parse_waktu("1 jam")], cut_off=1, sources=3)) == (
        "1 jam (sebagian: 1 dari 3 SOP bersumber terpotong)"
    )
    assert str(total_time([])) == "0 menit"


def test_a_single_condition_is_noted_not_added():
    single = Duration.model_validate({"jumlah": "2", "satuan": "hari", "syarat": "bila Kadin"})
    assert str(total_time([parse_waktu("30 menit"), single])) == "30 menit (belum termasuk 1 waktu bersyarat)"
    assert duration(single) == "2 hari (bila Kadin)"


@given(st.lists(amounts(), max_size=8))
def test_a_total_bounds_every_choice_of_its_parts(drawn):
    """low <= high in each unit; fixed parts only give a fixed total; the printed total names its kind."""
    values = [Duration.model_validate({"jumlah": a, "satuan": u.value}) for a, u in drawn]
    total = total_time(values)
    for name in ("minutes", "days", "working_days"):
        assert getattr(total.low, name) <= getattr(total.high, name)
    bounds = {v.bound for v in values}
    text = str(total)
    if Bound.AT_MOST in bounds:
        assert text.startswith("paling lama ")
    elif Bound.RANGE in bounds:
        assert total.low != total.high and ("–" in text)
    else:
        assert total.low == total.high and "–" not in text
    assert text.startswith("± ") or text.startswith("paling lama ± ") if Bound.ABOUT in bounds else "±" not in text
