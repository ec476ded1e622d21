"""A legal basis as printed in an SOP, and the project's own notes about it.

The printed citation is exactly what the agency signed; what the project knows about it (repealed,
quoted incompletely) is a review note shown beside the document on screen, never inside it.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model.registry import LegalBasis, LegalStatus
from ..model.sop import Sop
from .context import Registries


def citation(basis_id: str, registries: Registries) -> Markup:
    basis: LegalBasis = registries.legal_bases[basis_id]
    return Markup('<span class="sop-kutipan">{}</span>').format(basis.citation())


def basis_notes(basis_id: str, registries: Registries) -> list[str]:
    """What the project knows about one cited basis that the signed text does not say."""
    basis: LegalBasis = registries.legal_bases[basis_id]
    notes = []
    if basis.incomplete:
        notes.append("kutipan tidak lengkap" + (f" ({basis.note.rstrip('.')})" if basis.note else ""))
    if basis.status is LegalStatus.REPEALED:
        replacement = registries.legal_bases.get(basis.replaced_by) if basis.replaced_by else None
        notes.append(f"sudah dicabut; diganti {replacement.citation()}" if replacement else "sudah dicabut")
    return notes


def review_notes(sop: Sop, registries: Registries) -> list[tuple[int, str, list[str]]]:
    """(item number in Dasar Hukum, citation, notes) for every cited basis with something to say."""
    result = []
    for n, basis_id in enumerate(sop.legal_bases, start=1):
        notes = basis_notes(basis_id, registries)
        if notes:
            result.append((n, registries.legal_bases[basis_id].citation(), notes))
    return result


def review_aside(sop: Sop, registries: Registries) -> Markup:
    """The notes beside the identity block: on screen only (hidden in print), never in the SOP."""
    notes = review_notes(sop, registries)
    if not notes:
        return Markup("")
    items = Markup("").join(
        Markup('<li data-butir="{n}"><strong>Dasar Hukum butir {n}</strong> ({cited}): {notes}.</li>').format(
            n=n, cited=cited, notes="; ".join(texts)
        )
        for n, cited, texts in notes
    )
    return Markup(
        '<aside class="sop-catatan-periksa" aria-label="Catatan pemeriksaan">'
        '<p class="sop-catatan-periksa-judul">Catatan pemeriksaan (bukan bagian SOP)</p>'
        "<ul>{}</ul>"
        '<p class="sop-catatan-periksa-kaki">Dicatat oleh pemeriksa <code>sop check</code>; teks SOP di atas dicetak '
        "sebagaimana disahkan.</p></aside>"
    ).format(items)
