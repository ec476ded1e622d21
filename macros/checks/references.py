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


class TitleIndex:
    """The SOPs of a project by title, as `same_title` compares them: a title-only reference is looked
    up, not compared with every SOP (a kabupaten has thousands, each with references)."""

    def __init__(self, documents: list[SopDocument]):
        self._by_key: dict[str, list[SopDocument]] = {}  # its title's key, its own nomor taken out
        self._by_number: dict[tuple[str, ...], list[SopDocument]] = {}  # the words of its nomor
        for document in documents:
            key = _title_key(document.sop.title, document.sop.number)
            if key:
                self._by_key.setdefault(key, []).append(document)
            number = tuple(_words(document.sop.number or ""))
            if number:
                self._by_number.setdefault(number, []).append(document)
        self._longest = max(map(len, self._by_number), default=0)

    def titled(self, title: str) -> list[SopDocument]:
        """Every SOP for which same_title(title, its title, its nomor) holds. A reference reads the
        same against every SOP whose nomor it does not write; against one whose nomor it writes, the
        nomor is taken out first."""
        words = _words(title)
        runs = {tuple(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + self._longest) + 1)}
        written = {id(d): d for run in runs for d in self._by_number.get(run, ())}
        plain = _title_key(title)
        found = [d for d in self._by_key.get(plain, ()) if id(d) not in written] if plain else []
        found += [d for d in written.values() if same_title(title, d.sop.title, d.sop.number)]
        return found


@register
class RelatedSops(SopCheck):
    emits = (codes.UNKNOWN_RELATED_SOP, codes.RELATED_TO_ITSELF, codes.RELATED_BY_TITLE)

    def run(self, project: Project) -> Iterator[Finding]:
        titles = TitleIndex(project.valid_documents)
        for document in project.valid_documents:
            yield from self._check(document, project, titles)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        yield from self._check(document, project, TitleIndex(project.valid_documents))

    def _check(self, document: SopDocument, project: Project, titles: TitleIndex) -> Iterator[Finding]:
        for i, related in enumerate(document.sop.related):
            if related.slug is None:
                yield from self._by_title(document, i, related.title, titles)
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
    def _by_title(document: SopDocument, i: int, title: str, titles: TitleIndex) -> Iterator[Finding]:
        """A title-only reference names an SOP outside the sources: its own title, or the title
        of an SOP that is in the sources (which would then be plain text, not a link), is a slip."""
        where = document.locator.value("keterkaitan", i, "judul")
        if same_title(title, document.sop.title, document.sop.number):
            yield codes.RELATED_TO_ITSELF.at(
                where, f"keterkaitan '{shown(title, 60)}' adalah judul SOP ini sendiri; hapus butir ini"
            )
            return
        matches = sorted(d.slug for d in titles.titled(title) if d is not document)
        if matches:
            yield codes.RELATED_BY_TITLE.at(
                where,
                f"keterkaitan '{shown(title, 60)}' adalah judul SOP '{matches[0]}' di sumber; "
                f"tulis 'sop: {matches[0]}' agar menjadi tautan ke halamannya",
            )
