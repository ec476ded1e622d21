"""A legal basis as printed in an SOP, flags included."""

from __future__ import annotations

from markupsafe import Markup

from ..model.registry import LegalBasis, LegalStatus
from .context import Registries


def citation(basis_id: str, registries: Registries) -> Markup:
    basis: LegalBasis = registries.legal_bases[basis_id]
    parts = [Markup('<span class="sop-kutipan">{}</span>').format(basis.citation())]
    if basis.incomplete:
        parts.append(Markup(' <span class="sop-tanda sop-tanda--tidak-lengkap">[kutipan tidak lengkap]</span>'))
    if basis.status is LegalStatus.REPEALED:
        replacement = registries.legal_bases.get(basis.replaced_by) if basis.replaced_by else None
        text = f"dicabut; diganti {replacement.citation()}" if replacement else "dicabut"
        parts.append(Markup(' <span class="sop-tanda sop-tanda--dicabut">[{}]</span>').format(text))
    return Markup("").join(parts)
