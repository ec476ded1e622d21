"""The review marks are made of source text (a reviewer's name, a citation, a title): escaped, never markup."""

from __future__ import annotations

import datetime as dt

from macros.model.base import PartialDate
from macros.model.review import Baseline, Known, PlanBasis, ReasonKind, ReviewState, SuspectReason
from macros.model.review_period import Period
from macros.render.review import review_badges, review_note, review_tokens

HOSTILE = '<script>alert("x")</script>'


def state(**changes) -> ReviewState:
    reason = SuspectReason(ReasonKind.LEGAL_REPEALED, "pp-60-2008", HOSTILE, dt.date(2026, 12, 2), Known.GIT, "abc123def456")
    base = ReviewState("surat", True, PartialDate(2025, 1, 5), Baseline.REVIEW, HOSTILE, dt.date(2026, 1, 5),
                       PlanBasis.PERIOD, Period(12), True, (reason,))
    return ReviewState(**{**base.__dict__, **changes})


def test_the_note_and_badges_escape_source_text():
    html = str(review_note(state())) + str(review_badges(state()))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "tinjauan terakhir 05 Januari 2025 oleh &lt;script&gt;" in html
    assert 'data-alasan="dasar_hukum_dicabut" data-rujukan="pp-60-2008"' in html


def test_nothing_is_marked_for_an_sop_on_schedule_and_unchanged():
    calm = state(overdue=False, reasons=())
    assert str(review_note(calm)) == "" and str(review_badges(calm)) == ""
    assert review_tokens(calm) == "tanpa-catatan"
    assert review_tokens(state()) == "terlambat perlu-ditinjau"
    assert review_tokens(state(overdue=False)) == "perlu-ditinjau"
