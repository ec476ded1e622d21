"""Legal bases: citations from SOPs and the registry itself."""

from __future__ import annotations

import re
from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.base import shown
from ..model.errors import suggest
from ..model.project import Project, SopDocument
from ..model.registry import FORM_EXAMPLES, FORM_FIELDS, FORM_PREFIXES, FORM_REQUIRED, LegalForm, LegalStatus, day_text
from .numbering import item_location
from .base import Check, SopCheck, register, unknown_reference


@register
class Citations(SopCheck):
    emits = (codes.UNKNOWN_LEGAL_BASIS, codes.INCOMPLETE_CITATION, codes.REPEALED_CITED, codes.CITED_TWICE)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        registry = project.legal_bases
        seen: dict[str, int] = {}
        for i, basis_id in enumerate(document.sop.legal_bases):
            where = item_location(document, "dasar_hukum", i, "id")
            if basis_id in seen:
                yield codes.CITED_TWICE.at(where, f"dasar hukum '{basis_id}' sudah dikutip sebagai butir {seen[basis_id] + 1}")
                continue
            seen[basis_id] = i
            if not registry.loaded:
                continue
            basis = registry.entries.get(basis_id)
            if basis is None:
                yield from unknown_reference(registry, basis_id, where, codes.UNKNOWN_LEGAL_BASIS, "dasar hukum")
                continue
            if basis.incomplete:
                note = f"; catatan: {basis.note.rstrip('.')}" if basis.note else ""
                yield codes.INCOMPLETE_CITATION.at(
                    where, f"kutipan dasar hukum '{basis_id}' tidak lengkap: \"{basis.citation()}\"{note}"
                )
            if basis.status is LegalStatus.REPEALED:
                replacement = registry.entries.get(basis.replaced_by) if basis.replaced_by else None
                tail = (
                    f"; penggantinya: {replacement.citation()} ('{basis.replaced_by}')"
                    if replacement
                    else "; penggantinya belum tercatat"
                )
                yield codes.REPEALED_CITED.at(where, f"dasar hukum '{basis_id}' ({basis.citation()}) sudah dicabut{tail}")


@register
class LegalRegistryEntries(Check):
    """The registry's own consistency: duplicates, replacements, complete citations, use."""

    emits = (
        codes.DUPLICATE_REGULATION,
        codes.UNKNOWN_REPLACEMENT,
        codes.MISSING_FIELD,
        codes.WRONG_TYPE,
        codes.UNCITED_LEGAL_BASIS,
        codes.FORM_KIND_MISMATCH,
        codes.FIELD_NOT_IN_FORM,
        codes.DATE_YEAR_MISMATCH,
        codes.STANDARD_WITHOUT_EDITION,
        codes.CITATION_WITHOUT_YEAR,
    )

    def run(self, project: Project) -> Iterator[Finding]:
        registry = project.legal_bases
        entries = registry.entries
        identities: dict[tuple, str] = {}
        for basis_id, basis in entries.items():
            identity = basis.identity()
            if identity is not None:
                if identity in identities:
                    yield codes.DUPLICATE_REGULATION.at(
                        registry.where(basis_id),
                        f"'{basis_id}' adalah peraturan yang sama dengan '{identities[identity]}' ({basis.citation()}); "
                        "pakai satu id saja",
                    )
                else:
                    identities[identity] = basis_id
            if basis.replaced_by is not None:
                if basis.replaced_by not in entries:
                    yield codes.UNKNOWN_REPLACEMENT.at(
                        registry.locator.value(basis_id, "diganti_oleh"),
                        f"pengganti '{basis.replaced_by}' tidak ada di registri{suggest(basis.replaced_by, list(entries))}",
                    )
                if basis.status is not LegalStatus.REPEALED:
                    yield codes.WRONG_TYPE.at(
                        registry.locator.value(basis_id, "diganti_oleh"),
                        f"'{basis_id}' punya 'diganti_oleh' tetapi statusnya bukan 'dicabut'",
                    )
            yield from _form_findings(registry, basis_id, basis)
        # "Cited by no SOP" is known only when every SOP could be read: one unreadable source
        # would otherwise flag every basis it cites.
        if project.whole_root and all(d.sop is not None for d in project.documents):
            yield from self._uncited(project)

    def _uncited(self, project: Project) -> Iterator[Finding]:
        registry = project.legal_bases
        cited = {b for d in project.valid_documents for b in d.sop.legal_bases}
        replacements = {registry.entries[b].replaced_by for b in cited if b in registry.entries}
        for basis_id in registry.entries:
            if basis_id not in cited and basis_id not in replacements:
                yield codes.UNCITED_LEGAL_BASIS.at(
                    registry.where(basis_id), f"dasar hukum '{basis_id}' tidak dikutip SOP mana pun"
                )


_FORM_NAMES = {
    LegalForm.REGULATION: "peraturan",
    LegalForm.DECREE: "keputusan",
    LegalForm.CIRCULAR: "surat edaran",
    LegalForm.STANDARD: "standar",
}
# A standard's code names its edition: "ISO 9001:2015", "SNI 19-9001-2001", "SNI ISO 9001:2015".
_EDITION = re.compile(r"(?:[:-]|\b)(19[4-9]\d|20\d\d|2100)\s*$")


def _form_findings(registry, basis_id: str, basis) -> Iterator[Finding]:
    """Each form prints its own shape and needs its own fields (accepted forms named in messages)."""
    form = basis.form
    example = FORM_EXAMPLES[form]
    name = _FORM_NAMES[form]
    for key in ("jenis", "nomor", "tahun", "tanggal", "tentang", "kode", "judul"):
        if basis.value_of(key) is not None and key not in FORM_FIELDS[form]:
            used = ", ".join(f"'{k}'" for k in FORM_FIELDS[form])
            yield codes.FIELD_NOT_IN_FORM.at(
                registry.locator.key(basis_id, key),
                f"isian '{key}' tidak dipakai bentuk {name} ('{basis_id}'); bentuk ini memakai {used} "
                f"dan dicetak \"{example}\"",
            )
    if not basis.incomplete:
        for required in FORM_REQUIRED[form]:
            keys = required if isinstance(required, tuple) else (required,)
            if all(basis.value_of(k) is None for k in keys):
                what = " atau ".join(f"'{k}'" for k in keys)
                yield codes.MISSING_FIELD.at(
                    registry.where(basis_id),
                    f"isian wajib {what} dari dasar hukum '{basis_id}' (bentuk {name}, dicetak \"{example}\") "
                    "belum diisi; lengkapi, atau tandai 'tidak_lengkap: true' bila memang tidak diketahui",
                )
    if (form is not LegalForm.STANDARD and not basis.incomplete and basis.number is not None
            and basis.year is None and basis.date is None and basis.year_in_number is None):
        yield codes.CITATION_WITHOUT_YEAR.at(
            registry.where(basis_id),
            f"dasar hukum '{basis_id}' tanpa tahun: dicetak \"{shown(basis.citation(), 60)}\". Tulis 'tahun' bila "
            "dokumen SOP menyebutnya",
        )
    if basis.kind is not None and "jenis" in FORM_FIELDS[form]:
        kind = " ".join(basis.kind.split())
        expected = FORM_PREFIXES.get(form, ())
        other = next(
            (f for f, prefixes in FORM_PREFIXES.items() if f is not form and kind.startswith(prefixes)), None
        )
        if expected and not kind.startswith(expected):
            yield codes.FORM_KIND_MISMATCH.at(
                registry.locator.value(basis_id, "jenis"),
                f"jenis '{shown(basis.kind)}' tidak diawali '{expected[0]}', padahal bentuknya {name}; "
                f"tulis mis. \"{example}\", atau ganti 'bentuk'",
            )
        elif other is not None:
            yield codes.FORM_KIND_MISMATCH.at(
                registry.locator.value(basis_id, "jenis"),
                f"jenis '{shown(basis.kind)}' adalah {_FORM_NAMES[other]}, tetapi bentuknya {name}; "
                f"tulis 'bentuk: {other.value}' (dicetak \"{FORM_EXAMPLES[other]}\")",
            )
    if basis.date is not None and basis.year is not None and basis.date.year != basis.year and "tanggal" in FORM_FIELDS[form]:
        yield codes.DATE_YEAR_MISMATCH.at(
            registry.locator.value(basis_id, "tanggal"),
            f"tanggal {day_text(basis.date)} tidak jatuh pada tahun {basis.year} dari '{basis_id}'; "
            "salah satunya salah ketik",
        )
    if form is LegalForm.STANDARD and basis.code is not None and not _EDITION.search(basis.code):
        yield codes.STANDARD_WITHOUT_EDITION.at(
            registry.locator.value(basis_id, "kode"),
            f"kode standar '{shown(basis.code)}' tidak menyebut tahun edisinya; tulis mis. 'SNI ISO 9001:2015'",
        )


def _cycle_from(start: str, entries: dict) -> list[str] | None:
    """The chain of replacements from `start` when it comes back to `start`."""
    chain = [start]
    current = entries[start].replaced_by
    while current is not None and current in entries and current not in chain:
        chain.append(current)
        current = entries[current].replaced_by
    return chain if current == start else None


@register
class ReplacementCycles(Check):
    """A repealed regulation is replaced by another one, never (through others) by itself."""

    emits = (codes.REPLACEMENT_CYCLE,)

    def run(self, project: Project) -> Iterator[Finding]:
        registry = project.legal_bases
        for basis_id, basis in registry.entries.items():
            if basis.replaced_by is None:
                continue
            cycle = _cycle_from(basis_id, registry.entries)
            if cycle is None:
                continue
            where = registry.locator.value(basis_id, "diganti_oleh")
            if len(cycle) == 1:
                yield codes.REPLACEMENT_CYCLE.at(where, f"'{basis_id}' tercatat diganti oleh dirinya sendiri")
            else:
                path = " → ".join(f"'{b}'" for b in [*cycle, basis_id])
                yield codes.REPLACEMENT_CYCLE.at(
                    where, f"penggantian berputar: {path}; peraturan pengganti tidak mungkin dicabut oleh yang digantinya"
                )
