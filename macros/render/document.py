"""A page of the package written in Markdown (its prose), with generated parts put in where the text
says: `<!-- sisip: name -->` on a line of its own is replaced by the part of that name, and
`<!-- isi -->` by a list of the page's sections (its h2 and h3 headings, generated ones included).

The Markdown is converted here, with the extensions the text needs (tables, fenced code, heading ids),
not with the site's own `markdown_extensions`: a package page must look the same on every agency's site.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import markdown  # type: ignore[import-untyped]  # no stubs installed; a plain str -> str call
from markupsafe import Markup

EXTENSIONS = ["tables", "fenced_code", "toc"]
INSERT = re.compile(r"^<!-- sisip: ([a-z0-9_-]+) -->$", re.MULTILINE)
CONTENTS = "<!-- isi -->"
CONTENTS_TITLE = "Isi halaman"
_HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def render_document(text: str, parts: Mapping[str, Markup]) -> Markup:
    """The page: `text` converted from Markdown, each `<!-- sisip: name -->` replaced by `parts[name]`.
    Every part is placed exactly once; a marker without its part, or a part without its marker, is a
    defect of the package (ValueError), never a silently missing section."""
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    named = INSERT.findall(html)
    if sorted(named) != sorted(parts) or len(set(named)) != len(named):
        raise ValueError(f"sisipan halaman tidak cocok: teks menyebut {named}, bagian yang dibuat {sorted(parts)}")
    html = INSERT.sub(lambda match: str(parts[match.group(1)]), html)
    if CONTENTS in html:
        before, after = html.split(CONTENTS, 1)
        html = before + str(_contents(after)) + after
    return Markup(html)


def _contents(html: str) -> Markup:
    """The sections after the list: each h2, with its h3 nested under it."""
    groups: list[tuple[Markup, list[Markup]]] = []
    for level, anchor, inner in _HEADING.findall(html):
        link = Markup('<a href="#{}">{}</a>').format(anchor, Markup(_TAGS.sub("", inner)))
        if level == "2" or not groups:
            groups.append((link, []))
        else:
            groups[-1][1].append(link)
    items = []
    for link, children in groups:
        nested = Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(c) for c in children)) if children else ""
        items.append(Markup("<li>{}{}</li>").format(link, nested))
    return Markup('<nav class="sop-isi-halaman" aria-label="{}"><p><strong>{}</strong></p><ul>{}</ul></nav>\n').format(
        CONTENTS_TITLE, CONTENTS_TITLE, Markup("").join(items)
    )

