"""A package page: Markdown with generated parts where the text asks for them."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from macros.render.document import render_document


def test_parts_go_where_the_text_names_them_and_the_contents_list_every_section():
    text = "# Judul\n\n<!-- isi -->\n\n## Satu\n\n<!-- sisip: tabel -->\n\n## Dua\n\n### Dua a\n"
    page = render_document(text, {"tabel": Markup('<h3 id="dibuat">Dibuat</h3><p>isi</p>')})
    assert '<h3 id="dibuat">Dibuat</h3><p>isi</p>' in page and "sisip" not in page
    nav = page.split("<nav", 1)[1].split("</nav>", 1)[0]
    assert nav.index('href="#satu"') < nav.index('href="#dibuat"') < nav.index('href="#dua"') < nav.index('href="#dua-a"')


@pytest.mark.parametrize("parts", [{}, {"tabel": Markup("x"), "lain": Markup("y")}])
def test_a_part_without_its_place_or_a_place_without_its_part_is_a_defect(parts):
    with pytest.raises(ValueError, match="sisipan"):
        render_document("# J\n\n<!-- sisip: tabel -->\n", parts)


def test_text_is_markdown_with_tables_and_fenced_code():
    page = render_document("| a | b |\n|---|---|\n| 1 | 2 |\n\n```yaml\nkunci: <nilai>\n```\n", {})
    assert "<table>" in page and '<code class="language-yaml">kunci: &lt;nilai&gt;' in page
