"""Reading a QR code back, in plain Python, so that tests check what a phone would read rather than
compare the generator with itself: a module matrix (from the SVG we print, or sampled from a page
rendered to pixels) -> the text it encodes.

Enough of ISO/IEC 18004 for what the site prints: versions 1-6, any error correction level, byte
mode. Nothing is corrected (the code is read from a clean rendering); a code this reader cannot
read fails the test, with why.
"""

from __future__ import annotations

import re

FORMAT_MASK = 0b101010000010010
LEVELS = {0b01: "L", 0b00: "M", 0b11: "Q", 0b10: "H"}
ALIGNMENT = {1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34]}
# (version, level) -> data codewords of each block (ISO/IEC 18004 table 9)
BLOCKS = {
    (1, "L"): [19], (1, "M"): [16], (1, "Q"): [13], (1, "H"): [9],
    (2, "L"): [34], (2, "M"): [28], (2, "Q"): [22], (2, "H"): [16],
    (3, "L"): [55], (3, "M"): [44], (3, "Q"): [17, 17], (3, "H"): [13, 13],
    (4, "L"): [80], (4, "M"): [32, 32], (4, "Q"): [24, 24], (4, "H"): [9] * 4,
    (5, "L"): [108], (5, "M"): [43, 43], (5, "Q"): [15, 15, 16, 16], (5, "H"): [11, 11, 12, 12],
    (6, "L"): [68, 68], (6, "M"): [27] * 4, (6, "Q"): [19] * 4, (6, "H"): [15] * 4,
}
MASKS = [
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    lambda r, c: ((r + c) % 2 + (r * c) % 3) % 2 == 0,
]


class Unreadable(ValueError):
    pass


def svg_matrix(svg: str) -> list[list[bool]]:
    """The modules of an SVG QR code drawn as one path of horizontal strokes (`M x y.5 h n m dx dy ...`,
    as segno writes it), the quiet zone included, from its viewBox."""
    box = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    path = re.search(r'<path[^>]* d="([^"]+)"', svg)
    if not box or not path:
        raise Unreadable("no viewBox or path in the SVG")
    width, height = int(box.group(1)), int(box.group(2))
    grid = [[False] * width for _ in range(height)]
    x = y = 0.0
    for command, args in re.findall(r"([MmHh])([-\d. ]+)", path.group(1)):
        numbers = [float(n) for n in args.split()]
        if command in "Mm":
            dx, dy = numbers
            x, y = (dx, dy) if command == "M" else (x + dx, y + dy)
        else:
            (n,) = numbers
            end = n if command == "H" else x + n
            for col in range(round(min(x, end)), round(max(x, end))):
                grid[int(y)][col] = True
            x = end
    return grid


def strip_quiet_zone(grid: list[list[bool]]) -> list[list[bool]]:
    rows = [r for r, line in enumerate(grid) if any(line)]
    cols = [c for c in range(len(grid[0])) if any(line[c] for line in grid)]
    if not rows:
        raise Unreadable("no dark module")
    return [line[cols[0]: cols[-1] + 1] for line in grid[rows[0]: rows[-1] + 1]]


def quiet_zone(grid: list[list[bool]]) -> int:
    """Light modules around the symbol, the least of the four sides."""
    rows = [r for r, line in enumerate(grid) if any(line)]
    cols = [c for c in range(len(grid[0])) if any(line[c] for line in grid)]
    return min(rows[0], cols[0], len(grid) - 1 - rows[-1], len(grid[0]) - 1 - cols[-1])


def _format(m: list[list[bool]]) -> tuple[str, int]:
    """Error correction level and mask, from the copy beside the top-left finder."""
    cells = [(8, c) for c in (0, 1, 2, 3, 4, 5, 7, 8)] + [(r, 8) for r in (7, 5, 4, 3, 2, 1, 0)]
    bits = 0
    for r, c in cells:
        bits = bits << 1 | m[r][c]
    bits ^= FORMAT_MASK
    return LEVELS[bits >> 13], bits >> 10 & 0b111


def _function_modules(size: int, version: int) -> set[tuple[int, int]]:
    taken = set()
    for r0, c0 in ((0, 0), (0, size - 8), (size - 8, 0)):  # finders with their separators
        taken |= {(r, c) for r in range(r0, r0 + 8) for c in range(c0, c0 + 8)}
    taken |= {(6, i) for i in range(size)} | {(i, 6) for i in range(size)}  # timing
    taken |= {(8, c) for c in range(9)} | {(r, 8) for r in range(9)}  # format, top-left
    taken |= {(8, size - 1 - i) for i in range(8)} | {(size - 1 - i, 8) for i in range(8)}  # format, its copy
    centres = ALIGNMENT[version]
    for r in centres:
        for c in centres:
            if (r, c) in ((6, 6), (6, centres[-1]), (centres[-1], 6)):
                continue  # under a finder
            taken |= {(r + i, c + j) for i in range(-2, 3) for j in range(-2, 3)}
    return taken


def read_matrix(m: list[list[bool]]) -> tuple[str, str]:
    """(text, error correction level) of a QR code's modules, without the quiet zone."""
    size = len(m)
    version = (size - 17) // 4
    if size != 17 + 4 * version or version not in ALIGNMENT or any(len(row) != size for row in m):
        raise Unreadable(f"a {size}-module symbol: versions 1-6 only")
    level, mask = _format(m)
    taken = _function_modules(size, version)
    bits = []
    col, upward = size - 1, True
    while col > 0:
        if col == 6:
            col -= 1
        rows = range(size - 1, -1, -1) if upward else range(size)
        for r in rows:
            for c in (col, col - 1):
                if (r, c) not in taken:
                    bits.append(m[r][c] ^ MASKS[mask](r, c))
        col -= 2
        upward = not upward
    codewords = [int("".join("1" if b else "0" for b in bits[i:i + 8]), 2) for i in range(0, len(bits) - 7, 8)]
    sizes = BLOCKS[(version, level)]
    blocks: list[list[int]] = [[] for _ in sizes]
    at = 0
    for i in range(max(sizes)):  # data codewords are interleaved across the blocks
        for b, n in enumerate(sizes):
            if i < n:
                blocks[b].append(codewords[at])
                at += 1
    data = "".join(f"{w:08b}" for block in blocks for w in block)
    if data[:4] != "0100":
        raise Unreadable(f"mode {data[:4]}: byte mode only")
    count = int(data[4:12], 2)
    payload = bytes(int(data[12 + 8 * i: 20 + 8 * i], 2) for i in range(count))
    return payload.decode("utf-8"), level
