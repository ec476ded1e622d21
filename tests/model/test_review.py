"""The date rules of reviews: the last review, the planned review date, overdue, "certainly after",
the review period, and "today" (a fixed day, the user's SOURCE_DATE_EPOCH, or the clock)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.load.clock import BadDay, build_day, epoch_day, parse_day
from macros.model.base import PartialDate
from macros.model.errors import validate
from macros.model.project import sop_from_bytes
from macros.model.registry import AgencyRegistry
from macros.model.review import Baseline, PlanBasis, after, is_overdue, last_review, planned_review, review_state
from macros.model.review_period import Period
from macros.model.sop import Sop
from macros.load.yaml_tree import Locator
from tests.conftest import SEED_SOURCES

SEED = sop_from_bytes((SEED_SOURCES / "perbaikan-data-kinerja.yml").read_bytes(), "seed", "seed.yml")[0].sop

days = st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2100, 12, 31))
partials = st.builds(
    lambda d, precision: PartialDate(d.year, d.month if precision > 0 else None, d.day if precision > 1 else None),
    days, st.integers(0, 2),
)


def with_dates(sop: Sop, **dates) -> Sop:
    """The SOP with other dates (`pembuatan`, `revisi`, `efektif` as PartialDate) and reviews."""
    reviews = dates.pop("tinjauan", ())
    raw = {k: v for k, v in dates.items() if v is not None}
    new_dates = sop.dates.model_validate({k: v.isoformat() for k, v in raw.items()})
    new_reviews = tuple(type(sop).model_fields["reviews"].annotation.__args__[0].model_validate(
        {"tanggal": r.isoformat(), "peninjau": "kepala"}) for r in reviews)
    return sop.model_copy(update={"dates": new_dates, "reviews": new_reviews})


@given(planned=st.one_of(st.none(), days), today=days)
def test_overdue_iff_today_is_after_the_planned_date(planned, today):
    assert is_overdue(planned, today) == (planned is not None and today > planned)


@given(change=partials, review=partials)
def test_after_means_every_day_of_the_change_follows_every_day_of_the_review(change, review):
    assert after(change, review) == (change.first > review.last)
    assert after(change, None)
    if after(change, review):
        assert not after(review, change)


@given(day=days, months=st.integers(1, 120))
def test_a_period_lands_that_many_months_later_on_the_same_day_or_the_month_end(day, months):
    later = Period(months).after(day)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + dt.timedelta(days=1)).day == 1)


@pytest.mark.parametrize("written, months, text", [
    ("2 tahun", 24, "2 tahun"), ("18 bulan", 18, "18 bulan"), ("1  Tahun", 12, "1 tahun"), ("12 bulan", 12, "1 tahun"),
])
def test_masa_tinjauan_is_read_as_months(written, months, text):
    registry, errors = validate(AgencyRegistry, {"d": {"pemerintah": "P", "nama": "N", "masa_tinjauan": written}}, Locator("x"))
    assert errors == []
    assert registry.root["d"].review_period == Period(months)
    assert Period(months).text() == text


@pytest.mark.parametrize("written", ["dua tahun", "2", "11 tahun", "0 bulan", "2 minggu"])
def test_a_masa_tinjauan_that_cannot_be_read_is_a_located_wrong_type(written):
    _, errors = validate(AgencyRegistry, {"d": {"pemerintah": "P", "nama": "N", "masa_tinjauan": written}}, Locator("x"))
    assert [e.code for e in errors] == ["SOP-S003"]
    assert "masa tinjauan" in errors[0].message


@given(created=days, gap=st.integers(0, 2000), review_gap=st.integers(0, 3000), today_gap=st.integers(0, 5000))
def test_the_last_review_is_the_newest_date_and_the_plan_follows_it(created, gap, review_gap, today_gap):
    effective = created + dt.timedelta(days=gap)
    review = effective + dt.timedelta(days=review_gap)
    today = created + dt.timedelta(days=today_gap)
    if max(review, effective, today).year > 2100:
        return
    sop = with_dates(SEED, pembuatan=created, efektif=effective, tinjauan=(review,))
    day, basis, who = last_review(sop, today)
    assert day.first == max(review, effective)
    assert basis is (Baseline.REVIEW if review >= effective else Baseline.EFFECTIVE)
    assert (who == "kepala") == (basis is Baseline.REVIEW)
    planned, plan_basis = planned_review(sop, day, Period(24), today)
    assert (planned, plan_basis) == (Period(24).after(day.first), PlanBasis.PERIOD)
    assert planned_review(sop, day, None, today) == (None, None)


@given(revised=days, today=days)
def test_a_revision_date_after_today_is_the_plan_and_before_it_a_baseline(revised, today):
    created = dt.date(1945, 1, 1)
    sop = with_dates(SEED, pembuatan=created, revisi=revised)
    planned, plan_basis = planned_review(sop, last_review(sop, today)[0], Period(12), today)
    if revised > today:
        assert (planned, plan_basis) == (revised, PlanBasis.REVISION_DATE)
        assert last_review(sop, today)[1] is Baseline.CREATED
        assert not is_overdue(planned, today)
    else:
        assert last_review(sop, today)[:2] == (PartialDate(revised.year, revised.month, revised.day), Baseline.REVISED)
        assert planned == Period(12).after(revised)


def test_drafts_and_retired_sops_are_not_judged(seed_sop_text):
    for status in ("draf", "dicabut"):
        document, _ = sop_from_bytes(f"status: {status}\n{seed_sop_text}".encode(), "x", "x.yml")
        state = review_state("x", document.sop, dt.date(2100, 1, 1), agencies={}, legal={}, roles={}, sops={}, history=None)
        assert (state.judged, state.overdue, state.reasons) == (False, False, ())
    document, _ = sop_from_bytes(seed_sop_text.encode(), "x", "x.yml")
    agencies = {document.sop.agency: validate(AgencyRegistry, {"d": {"pemerintah": "P", "nama": "N", "masa_tinjauan": "1 tahun"}},
                                              Locator("x"))[0].root["d"]}
    state = review_state("x", document.sop, dt.date(2100, 1, 1), agencies=agencies, legal={}, roles={}, sops={}, history=None)
    assert (state.judged, state.overdue, state.planned) == (True, True, dt.date(2021, 2, 5))


# -- today ---------------------------------------------------------------------------------------

def test_today_is_the_option_else_the_users_epoch_else_the_clock():
    assert build_day("2026-12-01", "0") == dt.date(2026, 12, 1)
    assert build_day(dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)
    assert build_day(None, "1796860800") == dt.date(2026, 12, 10)
    assert build_day(None, "  ") == build_day(None, None) == dt.datetime.now(dt.timezone.utc).date()


@pytest.mark.parametrize("value, message", [
    ("2026-13-01", "tanggal '2026-13-01' tidak ada di kalender"),
    ("1 Desember 2026", "tanggal '1 Desember 2026' tidak dikenali; tulis TTTT-BB-HH, mis. 2026-12-01"),
])
def test_a_fixed_day_is_a_full_iso_day(value, message):
    with pytest.raises(BadDay, match=message):
        parse_day(value)


@pytest.mark.parametrize("value", ["-1", "abc", "1.5", "99999999999999"])
def test_a_bad_source_date_epoch_is_one_message(value):
    with pytest.raises(BadDay, match="SOURCE_DATE_EPOCH"):
        epoch_day(value)
