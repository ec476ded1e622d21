"""The one interface every check implements, and the registry that runs them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Generic, Iterator, TypeVar

from .. import codes
from ..codes import Code
from ..findings import Finding, Location
from ..model.errors import suggest
from ..model.project import Project, Registry, SopDocument

ALL_CHECKS: list["Check"] = []
J = TypeVar("J")


class Check(ABC):
    """A rule over the whole project. `emits` lists every code it may report."""

    emits: ClassVar[tuple[Code, ...]]

    @abstractmethod
    def run(self, project: Project) -> Iterator[Finding]: ...


class JudgingCheck(Check, Generic[J]):
    """A rule whose judgement the site shows as well (each SOP's review state, the monitoring and
    evaluation results accepted): `judge` decides, `report` says what is wrong. A build judges once
    (checks/run.py) and hands the judgement on; `run` alone does both."""

    def run(self, project: Project) -> Iterator[Finding]:
        yield from self.report(project, self.judge(project))

    @abstractmethod
    def judge(self, project: Project) -> J: ...

    @abstractmethod
    def report(self, project: Project, judgement: J) -> Iterator[Finding]: ...


class SopCheck(Check):
    """A rule over one SOP at a time (only SOPs whose model was built)."""

    def run(self, project: Project) -> Iterator[Finding]:
        for document in project.valid_documents:
            yield from self.check(document, project)

    @abstractmethod
    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]: ...


def unknown_reference(registry: Registry, entry_id: str, at: Location, code: Code, what: str) -> Iterator[Finding]:
    """`what` 'x' is not in `registry` (judged only when the registry itself loaded; a missing
    or broken registry is reported once per SOP by the registry dependency check)."""
    if not registry.loaded or entry_id in registry.entries:
        return
    broken = registry.broken_entry(entry_id)
    if broken is not None:
        spelled = "" if broken == entry_id else f" (ditulis '{broken}' di registri; id harus huruf kecil)"
        yield codes.BROKEN_REGISTRY.at(
            at, f"{what} '{entry_id}' merujuk entri {registry.path} yang tidak sah{spelled}; perbaiki entri itu dulu"
        )
    elif not registry.entries:
        yield code.at(at, f"{what} '{entry_id}' tidak ada di {registry.path} (registri itu kosong)")
    else:
        yield code.at(at, f"{what} '{entry_id}' tidak ada di {registry.path}{suggest(entry_id, list(registry.entries))}")


def register(cls: type[Check]) -> type[Check]:
    ALL_CHECKS.append(cls())
    return cls

