"""Actors, roles, agencies and responsibility."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding, Location
from ..model.errors import suggest
from ..model.project import Project, SopDocument
from .base import Check, SopCheck, register, unknown_reference


def _missing(registry_name: str, project: Project) -> str:
    return f"registri {registry_name} tidak ada di {project.root.name or project.root}"


@register
class MissingRegistry(Check):
    """A registry file that SOPs need is absent."""

    codes = (codes.MISSING_REGISTRY,)

    def run(self, project: Project) -> Iterator[Finding]:
        if not project.valid_documents:
            return
        first = project.valid_documents[0]
        for name, registry in (
            ("_instansi.yml", project.agencies),
            ("_jabatan.yml", project.roles),
            ("_dasar-hukum.yml", project.legal_bases),
        ):
            if registry.path is None:
                yield codes.MISSING_REGISTRY.at(
                    Location(first.path),
                    f"{_missing(name, project)}; buat berkas itu di akar folder sumber",
                )


@register
class AgencyReference(SopCheck):
    codes = (codes.UNKNOWN_AGENCY,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        yield from unknown_reference(
            project.agencies, document.sop.agency, document.locator.value("instansi"), codes.UNKNOWN_AGENCY, "instansi"
        )


@register
class AgencyAddress(Check):
    """The kop prints the address; an agency used by an SOP should have one."""

    codes = (codes.AGENCY_NO_ADDRESS,)

    def run(self, project: Project) -> Iterator[Finding]:
        used = {d.sop.agency for d in project.valid_documents}
        for agency_id, agency in project.agencies.entries.items():
            if agency_id in used and not agency.address:
                yield codes.AGENCY_NO_ADDRESS.at(
                    project.agencies.where(agency_id),
                    f"instansi '{agency_id}' belum punya alamat; kop SOP akan dicetak tanpa alamat",
                )


def _role_findings(document: SopDocument, project: Project, role: str, where: tuple, code: codes.Code, what: str):
    return unknown_reference(project.roles, role, document.locator.value(*where), code, what)


@register
class RoleReference(SopCheck):
    codes = (codes.UNKNOWN_ROLE,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        for i, role in enumerate(sop.columns):
            yield from _role_findings(document, project, role, ("pelaksana", i), codes.UNKNOWN_ROLE, "jabatan pelaksana")
        yield from _role_findings(
            document, project, sop.approval.role, ("disahkan_oleh", "jabatan"), codes.UNKNOWN_ROLE, "jabatan pengesah"
        )


@register
class RoleAgency(Check):
    """A role's agency must be a registered agency."""

    codes = (codes.UNKNOWN_AGENCY,)

    def run(self, project: Project) -> Iterator[Finding]:
        if not project.agencies.loaded:
            return
        for role_id, role in project.roles.entries.items():
            if role.agency is not None and role.agency not in project.agencies.entries:
                yield codes.UNKNOWN_AGENCY.at(
                    project.roles.locator.value(role_id, "instansi"),
                    f"instansi '{role.agency}' dari jabatan '{role_id}' tidak ada di {project.agencies.path}",
                )


@register
class ResponsibleRole(SopCheck):
    codes = (codes.UNKNOWN_RESPONSIBLE,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        responsible = document.sop.responsible
        for key, role in (("produk", responsible.product), ("kegiatan", responsible.activity)):
            yield from _role_findings(
                document, project, role, ("penanggung_jawab", key), codes.UNKNOWN_RESPONSIBLE,
                f"penanggung jawab {key}",
            )


@register
class Columns(SopCheck):
    """Each step's actors are columns of the SOP; each column acts at least once; no column twice."""

    codes = (codes.ACTOR_NOT_COLUMN, codes.UNUSED_COLUMN, codes.DUPLICATE_COLUMN)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        seen: dict[str, int] = {}
        for i, column in enumerate(sop.columns):
            if column in seen:
                yield codes.DUPLICATE_COLUMN.at(
                    document.locator.value("pelaksana", i),
                    f"kolom pelaksana '{column}' sudah ditulis sebagai kolom {seen[column] + 1}",
                )
            else:
                seen[column] = i
        used: set[str] = set()
        for s, step in enumerate(sop.steps):
            for a, actor in enumerate(step.actors):
                used.add(actor)
                if actor not in seen:
                    yield codes.ACTOR_NOT_COLUMN.at(
                        document.locator.value("langkah", s, "pelaksana", a),
                        f"pelaksana '{actor}' pada langkah {s + 1} tidak termasuk kolom 'pelaksana' SOP"
                        f"{suggest(actor, list(seen))}",
                    )
        for column, i in seen.items():
            if column not in used:
                yield codes.UNUSED_COLUMN.at(
                    document.locator.value("pelaksana", i),
                    f"kolom pelaksana '{column}' tidak dipakai oleh satu langkah pun; hapus atau tetapkan langkahnya",
                )
