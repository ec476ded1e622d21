"""Checks: small rules with stable codes, run over a loaded project."""

from .base import ALL_CHECKS, run_checks

# Importing the rule modules registers them.
from . import actors, dates, flow, hygiene, legal, monev, nip, numbering, references, review, status, uniqueness, waktu  # noqa: E402,F401

__all__ = ["ALL_CHECKS", "run_checks"]
