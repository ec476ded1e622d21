"""Indonesian dates, numbers, times and NIP grouping."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.model.duration import Duration
from macros.render.text import grouped_nip, indonesian_date, total_time


def test_dates():
    assert indonesian_date(dt.date(2020, 2, 5)) == "05 Februari 2020"
    assert indonesian_date(dt.date(2024, 12, 31)) == "31 Desember 2024"
    assert indonesian_date(None) == "—"


@pytest.mark.parametrize(
    "times, expected",
    [
        (["120 menit", "60 menit", "30 menit"], "3 jam 30 menit"),
        (["45 menit"], "45 menit"),
        (["2 jam"], "2 jam"),
        (["1,5 jam", "15 menit"], "1 jam 45 menit"),
        (["2 hari kerja", "30 menit"], "2 hari kerja 30 menit"),
        (["1 hari", "1 hari"], "2 hari"),
        ([], "0 menit"),
    ],
)
def test_total_time(times, expected):
    assert str(total_time(Duration.model_validate(t) for t in times)) == expected


def test_conditional_times_are_noted_not_added():
    times = [Duration.model_validate("30 menit"), Duration.model_validate({"jumlah": "2", "satuan": "hari", "syarat": "bila Kadin"})]
    assert str(total_time(times)) == "30 menit (belum termasuk 1 waktu bersyarat)"


def test_nip_grouping():
    assert grouped_nip("196908151998031008") == "19690815 199803 1 008"
    assert grouped_nip("19690815 199803 1 008") == "19690815 199803 1 008"
    assert grouped_nip("123") == "123"
