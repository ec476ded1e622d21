"""What renderers need besides one SOP: the registries, resolved and read-only (model/registry.py)."""

from __future__ import annotations

from ..model.registry import Registries

__all__ = ["Registries"]
