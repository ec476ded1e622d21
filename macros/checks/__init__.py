"""Checks: small rules with stable codes, run over a loaded project."""

from .base import ALL_CHECKS

# Importing the rule modules registers them.
from . import actors, dates, flow, hygiene, legal, monev, nip, numbering, references, review, status, uniqueness, waktu  # noqa: E402,F401
from .run import CheckedProject, check_project, run_checks  # noqa: E402

__all__ = ["ALL_CHECKS", "CheckedProject", "check_project", "run_checks"]
