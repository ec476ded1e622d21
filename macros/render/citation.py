"""A legal basis as printed in an SOP, and the project's own notes about it.

The printed citation is exactly what the agency signed; what the project knows about it (repealed,
quoted incompletely) is a review note shown beside the document on screen, never inside it.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model.registry import LegalBasis, LegalStatus
from ..model.sop import Sop, item_numbers
from .context import Registries


def cited_text(sop: Sop, index: int, registries: Registries) -> str:
    """The `index`th legal basis as this SOP prints it: its own wording where it writes one (the same
    act is cited in other words by other SOPs), else the registry's citation."""
    wording = sop.legal_wording(index)
    return wording if wording is not None else registries.legal_bases[sop.legal_bases[index]].citation()


def citation(sop: Sop, index: int, registries: Registries) -> Markup:
    return Markup('<span class="sop-kutipan">{}</span>').format(cited_text(sop, index, registries))


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
    for i, (basis_id, n) in enumerate(zip(sop.legal_bases, item_numbers(sop.legal_items))):
        notes = basis_notes(basis_id, registries)
        if notes:
            result.append((n, cited_text(sop, i, registries), notes))
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
