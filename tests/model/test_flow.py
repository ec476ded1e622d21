"""The flow graph behind reachability checks and, later, the drawing."""

from __future__ import annotations

from macros.model.flow import (
    Edge, EndExit, continued_exits, continues, edges, end_exits, ends, forward, is_terminal, leaving_exits, reachable,
)
from macros.model.sop import Sop
from tests.model.test_sop_model import seed


def with_steps(steps: list[dict]) -> Sop:
    return seed().model_copy(update={"steps": tuple(seed().steps[0].model_validate(s) for s in steps)})


def step(text: str, **extra) -> dict:
    return {"kegiatan": text, "pelaksana": "kepala-bappeda", "waktu": "1 menit", "output": "o", **extra}


def test_plain_sequence():
    assert edges(seed()) == [Edge(i, i + 1, None) for i in range(9)]


def test_decision_edges_loop_back_and_jump():
    sop = with_steps(
        [
            step("a", id="a"),
            step("b", keputusan=[{"label": "Ya", "ke": "c"}, {"label": "Tidak", "ke": "a"}]),
            step("c", id="c"),
        ]
    )
    assert edges(sop) == [Edge(0, 1, None), Edge(1, 2, "Ya"), Edge(1, 0, "Tidak")]
    assert reachable(0, forward(sop)) == {0, 1, 2}


def test_exit_without_target_is_no_edge():
    """An exit that does not say where it goes is not guessed to be the next step (SOP-F009)."""
    sop = with_steps([step("a", id="a"), step("b", keputusan=[{"label": "Ya"}, {"label": "Tidak", "ke": ""}]), step("c")])
    assert [e for e in edges(sop) if e.source == 1] == []
    assert all(exit_.target is None for exit_ in sop.steps[1].exits)


def test_end_exits_and_early_end():
    sop = with_steps(
        [
            step("a", id="a"),
            step("b", keputusan=[{"label": "Ya", "ke": "d"}, {"label": "Tidak", "ke": "selesai"}]),
            step("c", selesai="true"),
            step("d", id="d"),
        ]
    )
    assert edges(sop) == [Edge(0, 1, None), Edge(1, 3, "Ya")]  # c ends: no edge to d
    assert end_exits(sop) == [EndExit(1, "Tidak")]
    assert ends(sop) == {1, 2, 3}
    assert [is_terminal(sop, i) for i in range(4)] == [False, False, True, True]


def test_truncated_source_continues_after_its_last_step():
    sop = with_steps([step("a"), step("b")]).model_copy(update={"truncated": True})
    assert edges(sop) == [Edge(0, 1, None)]
    assert not is_terminal(sop, 1) and continues(sop, 1)
    assert ends(sop) == {1}


def test_an_exit_into_the_missing_part_of_a_truncated_source_is_a_way_out_not_an_edge():
    """`ke: bersambung`: the flow goes on where the source is cut off; a loop left only that way
    still reaches an end (SOP-F005), and the exit is no edge to a step."""
    sop = with_steps(
        [
            step("a", id="a"),
            step("b", id="b", keputusan=[{"label": "Ulang", "ke": "a"}, {"label": "Survei", "ke": "bersambung"}]),
            step("c", keputusan=[{"label": "Ya", "ke": "bersambung"}, {"label": "Tidak", "ke": "selesai"}]),
        ]
    ).model_copy(update={"truncated": True})
    assert edges(sop) == [Edge(0, 1, None), Edge(1, 0, "Ulang")]  # c is reached from nowhere: SOP-F004's business
    assert continued_exits(sop) == [EndExit(1, "Survei", (), "bersambung"), EndExit(2, "Ya", (), "bersambung")]
    assert end_exits(sop) == [EndExit(2, "Tidak")]
    assert [(e.source, e.end) for e in leaving_exits(sop)] == [(1, "bersambung"), (2, "bersambung"), (2, "selesai")]
    assert ends(sop) == {1, 2}
    assert not continues(sop, 2)  # a deciding last step goes on through its exits, not by itself
