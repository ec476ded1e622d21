"""Actor columns as printed: one role's short name, or 'Kadin / Bupati' for an either/or column."""

from __future__ import annotations

from ..model.sop import Sop
from .context import Registries


def column_short(key: str, registries: Registries) -> str:
    """The column header: 'Kasubbid Data', or 'Kadin / Bupati' (each role's singkatan)."""
    return " / ".join(registries.roles[r].short_name for r in Sop.column_roles(key))


def column_name(key: str, registries: Registries) -> str:
    """The column spelled out: 'Kepala Dinas atau Bupati Banggai'."""
    return " atau ".join(registries.roles[r].name for r in Sop.column_roles(key))


def step_actors(sop: Sop, index: int, registries: Registries) -> str:
    """Who does a step: 'Kabid Renum dan Kasubbid Data', 'Kadin / Bupati'."""
    return " dan ".join(column_short(key, registries) for key in sop.steps[index].actors)


def alternatives_note(others: tuple[str, ...], registries: Registries) -> str:
    """'(atau Bupati)' beside a step a role may hand to another; '' when it acts alone."""
    if not others:
        return ""
    return "(atau " + " atau ".join(registries.roles[r].short_name for r in others) + ")"
