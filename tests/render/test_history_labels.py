"""Every field a change can name has words on the riwayat page (a new SOP field must add its own)."""

from __future__ import annotations

from macros.model.diff import IDENTITY_FIELDS, STEP_DETAILS, alias
from macros.model.sop import Sop, Step
from macros.render.history import FIELD_LABELS


def test_every_compared_field_has_a_label():
    names = [alias(Sop, name) for name in IDENTITY_FIELDS] + [alias(Step, name) for name in STEP_DETAILS]
    assert [name for name in names if name not in FIELD_LABELS] == []
