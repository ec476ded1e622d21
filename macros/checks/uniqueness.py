"""Things that must be unique: slugs, nomor, step texts."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding, Location
from ..model.base import RESERVED_NAMES, identity, is_slug
from ..model.project import Project, SopDocument
from .base import Check, SopCheck, register


@register
class Slugs(Check):
    emits = (codes.BAD_SLUG, codes.DUPLICATE_SLUG, codes.RESERVED_NAME)

    def run(self, project: Project) -> Iterator[Finding]:
        for document in project.documents:
            at = Location(document.path)
            if not is_slug(document.slug):
                yield codes.BAD_SLUG.at(
                    at,
                    f"nama berkas '{document.slug}' menjadi alamat halaman /sop/{document.slug}/; "
                    "pakai huruf kecil, angka dan tanda hubung saja (paling panjang 80)",
                )
            elif document.slug in RESERVED_NAMES:
                yield codes.RESERVED_NAME.at(
                    at, f"nama berkas '{document.slug}' dicadangkan untuk halaman daftar situs; pakai nama lain"
                )
            paths = project.known_slugs.get(document.slug, [])
            if len(paths) > 1:
                others = ", ".join(p for p in paths if p != document.path)
                yield codes.DUPLICATE_SLUG.at(at, f"slug '{document.slug}' juga dipakai oleh {others}")


@register
class UniqueNomor(Check):
    emits = (codes.DUPLICATE_NOMOR,)

    def run(self, project: Project) -> Iterator[Finding]:
        first: dict[str, SopDocument] = {}
        for document in project.valid_documents:
            if document.sop.number is None:
                continue  # a draft without a nomor yet (SOP-R001)
            key = identity(document.sop.number)  # as it looks: U+200B or a soft hyphen makes no other nomor
            if key in first:
                yield codes.DUPLICATE_NOMOR.at(
                    document.locator.value("nomor"),
                    f"nomor SOP '{document.sop.number}' sudah dipakai oleh {first[key].path}",
                )
            else:
                first[key] = document


@register
class UniqueStepText(SopCheck):
    emits = (codes.DUPLICATE_STEP_TEXT,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        seen: dict[str, int] = {}
        for i, step in enumerate(document.sop.steps):
            key = identity(step.activity).rstrip(".")
            if not key:
                continue
            if key in seen:
                yield codes.DUPLICATE_STEP_TEXT.at(
                    document.locator.value("langkah", i, "kegiatan"),
                    f"kegiatan langkah {document.sop.step_number(i)} sama persis dengan langkah {document.sop.step_number(seen[key])}",
                )
            else:
                seen[key] = i
