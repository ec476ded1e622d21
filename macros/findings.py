"""Findings: what a check reports, where, and how it is printed."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, replace
from typing import Iterable

from .terminal import printable, printable_json


class Severity(enum.Enum):
    ERROR = "galat"
    WARNING = "peringatan"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a source file; line and column count from 1."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Finding:
    location: Location
    code: str
    severity: Severity
    message: str

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line, self.location.column, self.code, self.message)

    def as_line(self) -> str:
        """One line, always, that a terminal shows and never obeys: a line break or an escape
        sequence quoted from the source (a key, a file name) is shown as \\n, \\x1b (terminal.py)."""
        return printable(f"{self.location}: {self.code} {self.severity.value}: {self.message}")

    def as_dict(self) -> dict:
        return {
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


def escalate(findings: Iterable[Finding]) -> list[Finding]:
    """`--strict`: every warning counts as an error."""
    return [replace(f, severity=Severity.ERROR) for f in findings]


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    unique = {(f.sort_key(), f.severity): f for f in findings}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[0], k[1].value))]


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    errors = warnings = 0
    for f in findings:
        if f.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def to_json(findings: list[Finding], summary: dict) -> str:
    return printable_json(json.dumps(
        {"findings": [f.as_dict() for f in findings], "summary": summary},
        ensure_ascii=False,
        indent=2,
    ))
