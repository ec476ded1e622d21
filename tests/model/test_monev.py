"""Monitoring and evaluation records: periods, the short and long forms, and what an SOP's history says."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from macros.model.base import PartialDate
from macros.model.monev import (
    CRITERIA, Action, Assessor, Criteria, EvaluationEntry, EvaluationResult, MonitoringEntry, MonitoringHeader,
    MonitoringResult, Period, Rating, RecordKind, SopMonev, StepRating, StepResult, parse_period,
)

M, E = RecordKind.MONITORING, RecordKind.EVALUATION


@pytest.mark.parametrize(
    "text, kind, period",
    [
        ("2026-1", M, Period(2026, 1)), ("2026-2", M, Period(2026, 2)), ("Semester I 2026", M, Period(2026, 1)),
        ("semester  II 2026", M, Period(2026, 2)), ("Semester 2 Tahun 2025", M, Period(2025, 2)),
        ("2026", E, Period(2026)), ("Tahun 2026", E, Period(2026)),
    ],
)
def test_periods_as_records_write_them(text, kind, period):
    assert parse_period(text, kind) == period


@pytest.mark.parametrize(
    "text, kind, reason",
    [
        ("2026-3", M, "bukan semester 3"), ("Semester III 2026", M, "bukan semester III"), ("2026-0", M, "bukan semester 0"),
        ("2026", M, "tidak dikenali"), ("Juni 2026", M, "tidak dikenali"), ("2026-1", E, "evaluasi dicatat per tahun"),
        ("1900-1", M, "1945–2100"),
    ],
)
def test_a_period_that_does_not_exist_says_why(text, kind, reason):
    with pytest.raises(PydanticCustomError) as error:
        parse_period(text, kind)
    assert reason in str(error.value) and error.value.type == "period_unknown"


def test_a_file_name_must_be_the_key_form():
    assert parse_period("2026-1", M, key_only=True) == Period(2026, 1)
    with pytest.raises(PydanticCustomError):
        parse_period("Semester I 2026", M, key_only=True)


def test_period_bounds_labels_and_the_next_period():
    first, second, year = Period(2026, 1), Period(2026, 2), Period(2026)
    assert (first.first, first.last) == (PartialDate(2026, 1, 1), PartialDate(2026, 6, 30))
    assert (second.first, second.last) == (PartialDate(2026, 7, 1), PartialDate(2026, 12, 31))
    assert (year.first, year.last) == (PartialDate(2026, 1, 1), PartialDate(2026, 12, 31))
    assert (first.following, second.following, year.following) == (second, Period(2027, 1), Period(2027))
    assert (first.label, second.label, year.label) == ("Semester I 2026", "Semester II 2026", "Tahun 2026")
    assert (first.key, year.key) == ("2026-1", "2026")


def test_short_and_long_forms_mean_the_same():
    short = MonitoringEntry.model_validate({"langkah": {"1": "baik", "2": "tidak"}})
    long = MonitoringEntry.model_validate(
        {"langkah": {"1": {"penilaian": "baik"}, "2": {"penilaian": "tidak", "tindakan": {"uraian": "Latih"}}}}
    )
    assert short.steps["1"] == long.steps["1"]
    assert short.steps["2"].rating is Rating.NOT_GOOD and long.steps["2"].action == Action(uraian="Latih")
    assessor = MonitoringHeader.model_validate({"periode": "2026-1", "penilai": "kasubbag-umum", "hasil": None})
    assert assessor.assessor == Assessor(jabatan="kasubbag-umum") and assessor.results == {}


@pytest.mark.parametrize(
    "data, fragment",
    [
        ({"langkah": {"1": "bagus"}}, "baik"),
        ({"langkah": {}}, "langkah"),
        ({"langkah": {"1": "baik"}, "penilai": "Budi Santoso"}, "bukan id jabatan"),
        ({"langkah": {"1": "baik"}, "penilai": {"nip": "19750312 200003 2 004"}}, "'nama' atau 'jabatan'"),
        ({"langkah": {"1": {"penilaian": "baik", "catatn": "x"}}}, "catatn"),
    ],
)
def test_strict_entries_refuse_what_they_do_not_know(data, fragment):
    with pytest.raises(ValidationError) as error:
        MonitoringEntry.model_validate(data)
    assert fragment in str(error.value)


def test_an_evaluation_answers_every_criterion():
    answers = {key: "ya" for key, _ in CRITERIA}
    entry = EvaluationEntry.model_validate({"kriteria": answers})
    assert [key for key, _ in entry.criteria.answers()] == [key for key, _ in CRITERIA]
    del answers["sinergi"]
    with pytest.raises(ValidationError):
        EvaluationEntry.model_validate({"kriteria": answers})


def _monitoring(period: Period, ratings: dict[int, StepResult], steps: int = 4) -> MonitoringResult:
    judged = tuple(StepRating(str(i + 1), i, r) for i, r in sorted(ratings.items()))
    return MonitoringResult(period, period.last, Assessor(jabatan="x"), judged, steps, None, "_monitoring/x.yml")


def test_the_history_of_an_sop_its_last_results_and_open_actions():
    good = StepResult(penilaian="baik")
    open_action = StepResult(penilaian="tidak", tindakan="Menetapkan batas waktu")
    done = StepResult(penilaian="tidak", tindakan={"uraian": "Melatih operator", "selesai": "2025-10-01"})
    older = _monitoring(Period(2025, 2), {0: good, 1: done})
    newer = _monitoring(Period(2026, 1), {0: good, 1: good, 2: open_action})
    answers = {key: "ya" for key, _ in CRITERIA} | {"sinergi": {"jawaban": "tidak", "tindakan": "Menyelaraskan"}}
    evaluation = EvaluationResult(Period(2025), PartialDate(2025, 12, 1), Assessor(nama="A"),
                                  Criteria.model_validate(answers), None, "_evaluasi/2025.yml")
    history = SopMonev((older, newer), (evaluation,))
    assert history.last_monitoring is newer and history.last_evaluation is evaluation
    assert (newer.good, newer.not_good, newer.not_judged) == (2, 1, 1)
    assert evaluation.yes == 6
    assert [(a.kind, a.subject, a.text) for a in history.open_actions] == [
        (RecordKind.MONITORING, "Langkah 3", "Menetapkan batas waktu"),
        (RecordKind.EVALUATION, "Sinergi satu dengan lainnya", "Menyelaraskan"),
    ]
    assert SopMonev().last_monitoring is None and SopMonev().open_actions == ()
