"""The tests' QR reader (tests/qr_read.py) reads every level and mask of versions 1-6."""

from __future__ import annotations

import pytest
import segno

from tests.qr_read import Unreadable, read_matrix, strip_quiet_zone, svg_matrix


@pytest.mark.parametrize("level", "LMQH")
@pytest.mark.parametrize("version", range(1, 7))
def test_reads_every_mask(level, version):
    text = "https://x.id/"[: {(1, "Q"): 11, (1, "H"): 7}.get((version, level))]  # what version 1 holds
    for mask in range(8):
        code = segno.make(text, error=level, version=version, mask=mask, boost_error=False, micro=False, mode="byte")
        assert read_matrix([[bool(v) for v in row] for row in code.matrix]) == (text, level)


def test_reads_segno_svg():
    svg = segno.make("https://contoh.go.id/sop/a/", error="m", micro=False).svg_inline(scale=1, border=4, omitsize=True)
    assert read_matrix(strip_quiet_zone(svg_matrix(svg)))[0] == "https://contoh.go.id/sop/a/"


def test_a_damaged_code_is_not_read_as_the_text():
    code = segno.make("https://contoh.go.id/sop/a/", error="m", micro=False, boost_error=False)
    grid = [[bool(v) for v in row] for row in code.matrix]
    for c in range(9, 20):  # data modules near the top, between the finders: the byte count and first bytes
        grid[10][c] = not grid[10][c]
    try:
        text, _ = read_matrix(grid)
    except (Unreadable, UnicodeDecodeError, IndexError, ValueError):
        return
    assert text != "https://contoh.go.id/sop/a/"
