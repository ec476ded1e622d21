"""Actor columns as printed: one role's short name, or 'Kadin / Bupati' for an either/or column."""

from __future__ import annotations

from typing import Mapping

from ..model.flow import symbol_column
from ..model.sop import Sop, Step, Via
from .context import Registries


def column_short(sop: Sop, key: str, registries: Registries) -> str:
    """The column header: the SOP's own heading where it writes one, else 'Kasubbid Data', or
    'Kadin / Bupati' (each role's singkatan)."""
    heading = sop.column_headings.get(key)
    if heading is not None:
        return heading
    return " / ".join(registries.roles[r].short_name for r in Sop.column_roles(key))


def column_name(key: str, registries: Registries) -> str:
    """The column spelled out: 'Kepala Dinas atau Bupati Banggai'."""
    return " atau ".join(registries.roles[r].name for r in Sop.column_roles(key))


def step_actors(sop: Sop, index: int, registries: Registries) -> str:
    """Who does a step: 'Kabid Renum dan Kasubbid Data', 'Kadin / Bupati', a hand-over 'Kasi → Lurah'."""
    joiner = " → " if sop.steps[index].handover else " dan "  # a hand-over has a direction
    return joiner.join(column_short(sop, key, registries) for key in sop.steps[index].actors)


def alternatives_note(others: tuple[str, ...], registries: Registries) -> str:
    """'(atau Bupati)' beside a step a role may hand to another; '' when it acts alone."""
    if not others:
        return ""
    return "(atau " + " atau ".join(registries.roles[r].short_name for r in others) + ")"


def column_headings(sop: Sop, registries: Registries) -> dict[str, str]:
    """Every column's header (column_short), by its key: what the text of a symbol on a branch names its column by."""
    return {key: column_short(sop, key, registries) for key in sop.columns}


def symbol_text(step: Step, via: Via, headings: Mapping[str, str]) -> str:
    """A symbol drawn on a branch of decision `step`, in words: 'Melengkapi berkas (Pemohon)'."""
    column = symbol_column(step, via) or step.actors[0]
    return f"{via.activity} ({headings.get(column, column)})"
