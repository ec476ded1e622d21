"""Text hygiene: doubled words, leftover template markers, empty strings."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from .. import codes
from ..findings import Finding
from ..load.yaml_tree import Locator
from ..model.project import Project
from .base import Check, register

_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)\s+(\1)(?![\w-])", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}?|\{\{|\{%|\}\}|%\}")


def text_findings(texts: Iterable[tuple[tuple, str]], locator: Locator) -> Iterator[Finding]:
    """Every string the file holds, checked; a location is looked up only for a finding."""
    for where, text in texts:
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


@register
class Hygiene(Check):
    emits = (codes.EMPTY_TEXT, codes.DOUBLED_WORD, codes.PLACEHOLDER)

    def run(self, project: Project) -> Iterator[Finding]:
        for document in project.valid_documents:
            yield from text_findings(document.locator.texts, document.locator)
        for registry in (project.agencies, project.roles, project.legal_bases):
            if registry.loaded:
                yield from text_findings(registry.locator.texts, registry.locator)
