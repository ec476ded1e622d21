"""The procedure table's flowchart: a pure layout (symbols, connectors) and its SVG.

Geometry lives in page-row coordinates: x in px across the actor columns, and y as
(row, dy) with dy measured from that row's centre. Each table row draws its own slice,
anchored at its centre, so the drawing follows whatever height the row's text gives it.
"""
