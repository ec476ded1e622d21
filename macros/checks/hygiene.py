"""Text hygiene: doubled words, leftover template markers, empty strings, invisible characters."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from .. import codes
from ..findings import Finding
from ..load.yaml_tree import Locator
from ..model.base import as_it_looks, invisible_characters
from ..model.project import Project
from .base import Check, register

_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)\s+(\1)(?![\w-])", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}?|\{\{|\{%|\}\}|%\}")


def text_findings(texts: Iterable[tuple[tuple, str]], locator: Locator) -> Iterator[Finding]:
    """Every string the file holds, checked; a location is looked up only for a finding."""
    for where, text in texts:
        yield from _invisible(where, text, locator)
        text = as_it_looks(text)
        if not text.strip():
            yield codes.EMPTY_TEXT.at(locator.value(*where), f"teks '{where[-1]}' kosong; isi atau hapus kuncinya")
            continue
        for match in _DOUBLED.finditer(text):
            yield codes.DOUBLED_WORD.at(
                locator.value(*where), f"kata '{match.group(1)}' ditulis dua kali berturut-turut: \"{match.group(0)}\""
            )
        marker = _PLACEHOLDER.search(text)
        if marker:
            yield codes.PLACEHOLDER.at(locator.value(*where), f"teks memuat sisa penanda templat '{marker.group(0)}'")


def _invisible(where: tuple, text: str, locator: Locator) -> Iterator[Finding]:
    hidden = invisible_characters(text)
    if hidden:
        yield codes.INVISIBLE_CHARACTER.at(
            locator.value(*where),
            f"teks '{where[-1]}' memuat karakter tak terlihat {', '.join(_named(c) for c in hidden)}; "
            "karakter itu dibuang saat dibaca (biasanya terbawa saat menyalin dari Word): hapus dari sumber",
        )


# The invisible characters authors meet, by the name a word processor gives them.
_NAMES = {
    "\u00ad": "tanda hubung lunak", "\u200b": "spasi lebar-nol", "\u200c": "pemisah lebar-nol",
    "\u200d": "penyambung lebar-nol", "\u2060": "penyambung kata", "\ufeff": "penanda urutan byte",
}


def _named(char: str) -> str:
    code = f"U+{ord(char):04X}"
    return f"{code} ({_NAMES[char]})" if char in _NAMES else code


@register
class Hygiene(Check):
    emits = (codes.EMPTY_TEXT, codes.DOUBLED_WORD, codes.PLACEHOLDER, codes.INVISIBLE_CHARACTER)

    def run(self, project: Project) -> Iterator[Finding]:
        for document in project.valid_documents:
            yield from text_findings(document.locator.texts, document.locator)
        for registry in (project.agencies, project.roles, project.legal_bases):
            if registry.loaded:
                yield from text_findings(registry.locator.texts, registry.locator)
        for record in project.records:  # monitoring and evaluation: what they say is read the same way
            for where, text in record.locator.texts:
                yield from _invisible(where, text, record.locator)
