"""The footer sheet: one page per footer, each the size of the page it goes on; texts escaped."""

from __future__ import annotations

import re

from macros.pdf.footer import Footer, footer_sheet, page_number

A4_LANDSCAPE = (841.92, 594.96)
A4_PORTRAIT = (594.96, 841.92)


def test_page_number_with_and_without_a_status_mark():
    assert page_number(3, 12) == "Halaman 3 dari 12"
    assert page_number(1, 4, "DRAF") == "DRAF · Halaman 1 dari 4"


def test_one_page_per_footer_and_one_named_page_per_size():
    footers = [Footer(*A4_LANDSCAPE, "a", "1"), Footer(*A4_PORTRAIT, "b", "2"), Footer(*A4_LANDSCAPE, "c", "3")]
    html = footer_sheet(footers, ["/assets/sop.css"])
    assert html.count('<div class="h ') == 3
    assert re.findall(r'<div class="h (u\d)">', html) == ["u0", "u1", "u0"]
    assert "@page u0 { size: 841.92pt 594.96pt; margin: 0; }" in html
    assert "@page u1 { size: 594.96pt 841.92pt; margin: 0; }" in html
    assert '<link rel="stylesheet" href="/assets/sop.css">' in html


def test_texts_are_escaped():
    hostile = '</style><script>alert(1)</script> {{ config }} "kutip" & <b>'
    html = footer_sheet([Footer(*A4_PORTRAIT, hostile, hostile)], ['/a.css"><script>x</script>'])
    assert "<script>" not in html
    assert "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ config }}" in html  # data, never a template: shown as written
    assert html.count("<style>") == 1 and html.count("</style>") == 1
