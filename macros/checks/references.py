"""Keterkaitan: references to other SOPs."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.base import shown
from ..model.errors import suggest
from ..model.project import Project, SopDocument
from .base import SopCheck, register


# Words a reference may put before an SOP's title: "SOP", "S.O.P.", "Standar Operasional Prosedur (SOP)",
# "SOP AP" (administrasi pemerintahan), then "tentang" or "Nomor <its nomor> tentang".
_PREFIXES = (
    ("standar", "operasional", "prosedur"), ("standard", "operating", "procedure"), ("standar", "operasional"),
    ("s", "o", "p"), ("sop", "ap"), ("sop",), ("tentang",),
)


def same_title(a: str, b: str, number: str | None = None) -> bool:
    """Titles compared as a reader would: case, spacing, punctuation and quotes, a leading "SOP" or
    "Standar Operasional Prosedur", and the SOP's own nomor written with it do not count. `number`:
    the nomor of the SOP titled `b`."""
    key = _title_key(a, number)
    return bool(key) and key == _title_key(b, number)


def _words(text: str) -> list[str]:
    """Letters and digits only: "“SOP-Pelayanan Surat Masuk.”" and "sop pelayanan surat masuk" read alike."""
    return re.sub(r"[^\w]+|_", " ", unicodedata.normalize("NFKC", text).casefold()).split()


def _without(words: list[str], part: list[str]) -> list[str]:
    """`words` with each run of `part` taken out, with a "Nomor"/"No" before it."""
    n, i, kept = len(part), 0, []
    while n and i < len(words):
        if words[i:i + n] == part:
            if kept and kept[-1] in ("nomor", "no"):
                kept.pop()
            i += n
            continue
        kept.append(words[i])
        i += 1
    return kept if n else words


def _title_key(title: str, number: str | None = None) -> str:
    words = _without(_words(title), _words(number or ""))
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for prefix in _PREFIXES:
            if tuple(words[:len(prefix)]) == prefix and len(words) > len(prefix):
                words, stripped = words[len(prefix):], True
                break
    return " ".join(words)


@register
class RelatedSops(SopCheck):
    emits = (codes.UNKNOWN_RELATED_SOP, codes.RELATED_TO_ITSELF, codes.RELATED_BY_TITLE)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        for i, related in enumerate(document.sop.related):
            if related.slug is None:
                yield from self._by_title(document, project, i, related.title)
                continue
            where = document.locator.value("keterkaitan", i, "sop")
            if related.slug == document.slug:
                yield codes.RELATED_TO_ITSELF.at(where, f"SOP '{document.slug}' menyebut dirinya sendiri sebagai keterkaitan")
            elif related.slug not in project.known_slugs:
                hint = suggest(related.slug, list(project.known_slugs))
                yield codes.UNKNOWN_RELATED_SOP.at(
                    where,
                    f"tidak ada SOP '{related.slug}' di sumber{hint}; untuk SOP di luar sumber tulis 'judul:' saja",
                )

    @staticmethod
    def _by_title(document: SopDocument, project: Project, i: int, title: str) -> Iterator[Finding]:
        """A title-only reference names an SOP outside the sources: its own title, or the title
        of an SOP that is in the sources (which would then be plain text, not a link), is a slip."""
        where = document.locator.value("keterkaitan", i, "judul")
        if same_title(title, document.sop.title, document.sop.number):
            yield codes.RELATED_TO_ITSELF.at(
                where, f"keterkaitan '{shown(title, 60)}' adalah judul SOP ini sendiri; hapus butir ini"
            )
            return
        matches = sorted(d.slug for d in project.valid_documents if d is not document and same_title(title, d.sop.title, d.sop.number))
        if matches:
            yield codes.RELATED_BY_TITLE.at(
                where,
                f"keterkaitan '{shown(title, 60)}' adalah judul SOP '{matches[0]}' di sumber; "
                f"tulis 'sop: {matches[0]}' agar menjadi tautan ke halamannya",
            )
