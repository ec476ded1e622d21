"""Text hygiene: doubled words, leftover template markers, empty strings."""

from __future__ import annotations

import re
from typing import Any, Iterator

from pydantic import BaseModel

from .. import codes
from ..findings import Finding
from ..load.yaml_tree import Locator
from ..model.project import Project
from .base import Check, register

_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)\s+(\1)(?![\w-])", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}?|\{\{|\{%|\}\}|%\}")


def texts(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in a model, with the YAML path (aliases, indices) that leads to it."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from texts(getattr(value, name), path + (field.alias or name,))
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from texts(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, path + (key,))


def text_findings(value: Any, locator: Locator, path: tuple = ()) -> Iterator[Finding]:
    for where, text in texts(value, path):
        at = locator.value(*where)
        if not text.strip():
            yield codes.EMPTY_TEXT.at(at, f"teks '{where[-1]}' kosong; isi atau hapus kuncinya")
            continue
        for match in _DOUBLED.finditer(text):
            yield codes.DOUBLED_WORD.at(at, f"kata '{match.group(1)}' ditulis dua kali berturut-turut: \"{match.group(0)}\"")
        marker = _PLACEHOLDER.search(text)
        if marker:
            yield codes.PLACEHOLDER.at(at, f"teks memuat sisa penanda templat '{marker.group(0)}'")


@register
class Hygiene(Check):
    codes = (codes.EMPTY_TEXT, codes.DOUBLED_WORD, codes.PLACEHOLDER)

    def run(self, project: Project) -> Iterator[Finding]:
        for document in project.valid_documents:
            yield from text_findings(document.sop, document.locator)
        for registry in (project.agencies, project.roles, project.legal_bases):
            for entry_id, entry in registry.entries.items():
                yield from text_findings(entry, registry.locator, (entry_id,))
