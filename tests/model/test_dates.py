"""Dates as real sources write them: known to the day, the month or only the year; with month
names, old spellings and abbreviations; compared only when one is certainly before another."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from macros.model.base import PartialDate
from macros.model.sop import Dates, Revision
from macros.render.text import indonesian_date


def _date(text: str) -> PartialDate:
    return Revision.model_validate({"tanggal": text, "perubahan": "x", "oleh": "y"}).date


def _error(text: str) -> dict:
    with pytest.raises(ValidationError) as info:
        _date(text)
    (error,) = info.value.errors()
    return error


@pytest.mark.parametrize(
    "text, expected, printed",
    [
        ("2016-01-05", PartialDate(2016, 1, 5), "05 Januari 2016"),
        ("2016-01", PartialDate(2016, 1), "Januari 2016"),
        ("2016", PartialDate(2016), "2016"),
        ("Januari 2016", PartialDate(2016, 1), "Januari 2016"),
        ("januari  2016", PartialDate(2016, 1), "Januari 2016"),
        ("5 Januari 2016", PartialDate(2016, 1, 5), "05 Januari 2016"),
        ("05 Februari 2020", PartialDate(2020, 2, 5), "05 Februari 2020"),
        ("Pebruari 2016", PartialDate(2016, 2), "Februari 2016"),
        ("17 Nopember 2015", PartialDate(2015, 11, 17), "17 November 2015"),
        ("Des 2019", PartialDate(2019, 12), "Desember 2019"),
        ("Agt. 2019", PartialDate(2019, 8), "Agustus 2019"),
    ],
)
def test_accepted_forms_are_printed_as_precisely_as_the_source_knows_them(text, expected, printed):
    date = _date(text)
    assert date == expected
    assert indonesian_date(date) == printed


@pytest.mark.parametrize("text", ["05/02/2020", "5-2-2020", "05.02.2020", "12/31/2020"])
def test_day_and_month_in_numbers_are_ambiguous(text):
    error = _error(text)
    assert error["type"] == "date_ambiguous"
    assert "taksa" in error["msg"] and "Januari 2016" in error["msg"] and "TTTT-BB" in error["msg"]


@pytest.mark.parametrize("text", ["2016-1", "Janvier 2016", "2016/01/05", "awal 2016", "", "20160105"])
def test_unknown_forms_list_the_accepted_ones(text):
    error = _error(text)
    assert error["type"] == "date_format"
    assert "tidak dikenali" in error["msg"] and "TTTT-BB-HH (2016-01-05), TTTT-BB (2016-01), TTTT (2016)" in error["msg"]


@pytest.mark.parametrize("text", ["2016-13", "2016-02-30", "30 Februari 2016", "32 Januari 2016"])
def test_days_and_months_the_calendar_lacks(text):
    assert _error(text)["type"] == "date_impossible"


@pytest.mark.parametrize("text", ["1900", "Januari 2101"])
def test_partial_dates_keep_the_year_range(text):
    assert _error(text)["type"] == "date_range"


def test_a_date_must_be_text_not_a_mapping():
    assert _error({"tahun": "2016"})["type"] == "date_type"  # type: ignore[arg-type]


def test_spans_of_partial_dates():
    assert PartialDate(2016).first == dt.date(2016, 1, 1) and PartialDate(2016).last == dt.date(2016, 12, 31)
    assert PartialDate(2016, 2).last == dt.date(2016, 2, 29)
    assert PartialDate(2015, 12).last == dt.date(2015, 12, 31)
    assert PartialDate(2016, 1, 5).first == PartialDate(2016, 1, 5).last


@pytest.mark.parametrize(
    "earlier, later, certainly",
    [
        ("2016-01-05", "2016-01-06", True),
        ("Januari 2016", "2016", False),  # January may be any day of 2016
        ("2016", "Januari 2016", False),
        ("2015", "Januari 2016", True),
        ("Januari 2016", "2016-01-31", False),
        ("Januari 2016", "2016-02-01", True),
        ("2016-01-31", "Januari 2016", False),
        ("2016-02-01", "Januari 2016", False),
    ],
)
def test_only_a_certain_order_counts(earlier, later, certainly):
    assert _date(earlier).certainly_before(_date(later)) is certainly


def test_pengesahan_names_the_effective_date():
    dates = Dates.model_validate({"pembuatan": "2016-01", "pengesahan": "Januari 2016"})
    assert dates.effective_label == "Tanggal Pengesahan" and dates.effective_date == PartialDate(2016, 1)
    plain = Dates.model_validate({"pembuatan": "2016", "efektif": "2016-03-01"})
    assert plain.effective_label == "Tanggal Efektif" and plain.effective_date == PartialDate(2016, 3, 1)


def _check(tmp_path, dates: str) -> list[str]:
    from macros.validate import validate_paths
    from tests.conftest import CHECK_FIXTURES

    for name in ("_instansi.yml", "_jabatan.yml", "_dasar-hukum.yml"):
        (tmp_path / name).write_bytes((CHECK_FIXTURES / name).read_bytes())
    source = (CHECK_FIXTURES / "valid" / "surat-masuk.yml").read_text(encoding="utf-8")
    block = "tanggal:\n  pembuatan: 2024-01-15\n  revisi: 2024-06-01\n  efektif: 2024-01-20\n"
    assert block in source
    (tmp_path / "surat.yml").write_text(source.replace(block, dates), encoding="utf-8")
    return [f.code for f in validate_paths([tmp_path / "surat.yml"]).findings if f.code.startswith("SOP-T")]


@pytest.mark.parametrize(
    "dates, codes",
    [
        ("tanggal:\n  pembuatan: Januari 2016\n  pengesahan: 2016\n", []),  # may be the same month
        ("tanggal:\n  pembuatan: 2016-01-20\n  efektif: Januari 2016\n", []),  # may be after the 20th
        ("tanggal:\n  pembuatan: 2016\n  revisi: Desember 2015\n", ["SOP-T003"]),
        ("tanggal:\n  pembuatan: Februari 2016\n  pengesahan: 31 Januari 2016\n", ["SOP-T002"]),
    ],
)
def test_date_order_is_judged_only_when_certain(tmp_path, dates, codes):
    assert _check(tmp_path, dates) == codes


@pytest.mark.parametrize(
    "text, month, day",
    [("04 Januari", 1, 4), ("Desember", 12, None), ("17 Agt.", 8, 17), ("29  Februari", 2, 29), ("nopember", 11, None)],
)
def test_an_sops_own_date_may_lack_its_year_and_prints_as_written(text, month, day):
    from macros.model.base import YearlessDate

    dates = Dates.model_validate({"pembuatan": text})
    written = dates.created_written
    assert isinstance(written, YearlessDate) and (written.month, written.day) == (month, day)
    assert indonesian_date(written) == " ".join(text.split())  # as written, no year added
    assert dates.created is None  # never computed with: no review date, no order of dates
    assert dates.yearless() == [("pembuatan", written)]


@pytest.mark.parametrize("text", ["31 Februari", "32 Januari", "0 Maret"])
def test_a_yearless_day_the_calendar_lacks_is_refused(text):
    with pytest.raises(ValidationError, match="tidak ada di kalender"):
        Dates.model_validate({"pembuatan": text})


def test_only_the_sops_own_dates_may_lack_a_year():
    """A review, a revision note or a retirement is dated to compute with: a year is required there."""
    with pytest.raises(ValidationError):
        Revision.model_validate({"tanggal": "04 Januari", "perubahan": "x", "oleh": "y"})
