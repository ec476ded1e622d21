"""What renderers need besides one SOP: the registries, resolved and read-only."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from ..model.registry import Agency, LegalBasis, Role


@dataclass(frozen=True)
class Registries:
    agencies: Mapping[str, Agency]
    roles: Mapping[str, Role]
    legal_bases: Mapping[str, LegalBasis]

    @classmethod
    def of(cls, agencies: dict, roles: dict, legal_bases: dict) -> "Registries":
        return cls(MappingProxyType(dict(agencies)), MappingProxyType(dict(roles)), MappingProxyType(dict(legal_bases)))
