"""The question inside a diamond stays inside it, whole when it can, in the source's words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.render.flowchart.diamond_text import LEADING, PADDING, SIZES, fit_question
from macros.render.flowchart.font_metrics import text_width
from macros.render.flowchart.geometry import Metrics, Shape

WORDS = ["Lengkap?", "Masih", "berlaku?", "Sesuai", "persyaratan", "dan", "sah?", "Disetujui", "Kepala",
         "Dinas?", "ketidakberkesinambungan", "<b>", "&", "AK-2?"]


def _inside(fitted, hw: float, hh: float) -> bool:
    """Every line's box, at its baseline, lies within the diamond (less the padding)."""
    for line, baseline in zip(fitted.lines, fitted.baselines()):
        top, bottom = baseline - fitted.size * 0.75, baseline + fitted.size * 0.25
        far = max(abs(top), abs(bottom))
        if far >= hh or text_width(line, fitted.size) > 2 * hw * (1 - far / hh) - 2 * PADDING + 1e-6:
            return False
    return True


def test_a_short_question_is_whole_on_one_line_at_the_largest_size():
    metrics = Metrics(108)
    fitted = fit_question("Lengkap?", metrics.half_widths[Shape.DECISION], metrics.half_heights[Shape.DECISION])
    assert fitted.lines == ("Lengkap?",) and fitted.size == SIZES[0] and not fitted.cut


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), st.sampled_from([60, 64, 86, 108]))
def test_every_question_stays_inside_its_diamond(words, column):
    metrics = Metrics(column)
    hw, hh = metrics.half_widths[Shape.DECISION], metrics.half_heights[Shape.DECISION]
    question = " ".join(words)
    fitted = fit_question(question, hw, hh)
    assert fitted.size >= SIZES[-1] and len(fitted.lines) * fitted.size * LEADING <= 2 * hh
    assert _inside(fitted, hw, hh), fitted
    if not fitted.cut:  # whole: the words as written, in order, broken only between words
        assert " ".join(fitted.lines) == question
    else:  # cut: the start of the question, then "…"
        shown = " ".join(fitted.lines).removesuffix("…").strip()
        assert question.startswith(shown) and fitted.lines[-1].endswith("…")
