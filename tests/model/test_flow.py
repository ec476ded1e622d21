"""The flow graph behind reachability checks and, later, the drawing."""

from __future__ import annotations

from macros.model.flow import Edge, edges, reachable, forward
from macros.model.sop import Sop
from tests.model.test_sop_model import seed


def with_steps(steps: list[dict]) -> Sop:
    return seed().model_copy(update={"steps": tuple(seed().steps[0].model_validate(s) for s in steps)})


def step(text: str, **extra) -> dict:
    return {"kegiatan": text, "pelaksana": "kepala-bappeda", "waktu": "1 menit", "output": "o", **extra}


def test_plain_sequence():
    assert edges(seed()) == [Edge(i, i + 1, None) for i in range(9)]


def test_decision_edges_loop_back_and_default_to_next():
    sop = with_steps(
        [
            step("a", id="a"),
            step("b", keputusan=[{"label": "Ya"}, {"label": "Tidak", "ke": "a"}]),
            step("c"),
        ]
    )
    assert edges(sop) == [Edge(0, 1, None), Edge(1, 2, "Ya"), Edge(1, 0, "Tidak")]
    assert reachable(0, forward(sop)) == {0, 1, 2}
