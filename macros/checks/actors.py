"""Actors, roles, agencies and responsibility."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import codes
from ..findings import Finding, Location
from ..load.discover import display_path, is_published_file
from ..model.base import shown
from ..model.errors import suggest
from ..model.flow import step_exits
from ..model.project import Project, SopDocument
from ..model.sop import EitherColumn, RoleColumn
from .base import Check, SopCheck, register, unknown_reference


def _first_references(document: SopDocument) -> dict[str, tuple]:
    """Registry name -> where this SOP first relies on it (None: it does not)."""
    sop = document.sop
    return {
        "_instansi.yml": ("instansi",),
        "_jabatan.yml": ("pelaksana", 0),
        "_dasar-hukum.yml": ("dasar_hukum", 0) if sop.legal_bases else None,
    }


@register
class RegistryDependencies(SopCheck):
    """An SOP that relies on a registry which is absent or did not load cannot be checked
    or drawn: each such SOP gets its own finding, so none of them is published."""

    emits = (codes.MISSING_REGISTRY, codes.BROKEN_REGISTRY)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        registries = {r.name: r for r in (project.agencies, project.roles, project.legal_bases)}
        for name, where in _first_references(document).items():
            registry = registries[name]
            if where is None or registry.loaded:
                continue
            at = document.locator.value(*where)
            if registry.missing:
                yield codes.MISSING_REGISTRY.at(
                    at,
                    f"registri {name} tidak ada di {project.root.name or project.root}; "
                    "buat berkas itu di akar folder sumber",
                )
            else:
                yield codes.BROKEN_REGISTRY.at(
                    at, f"registri {registry.path} tidak dapat dimuat (lihat temuan pada berkas itu); SOP ini tidak diterbitkan"
                )


@register
class AgencyReference(SopCheck):
    emits = (codes.UNKNOWN_AGENCY,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        yield from unknown_reference(
            project.agencies, document.sop.agency, document.locator.value("instansi"), codes.UNKNOWN_AGENCY, "instansi"
        )


LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp")


def _logo_problem(logo: str, docs_dir: Path) -> str | None:
    """What is wrong with the logo as written: the kop, the print and the book cover use exactly
    this value, so it is checked as it is (a space before 'assets/' is a file nobody has)."""
    if logo != logo.strip():
        return f"diawali atau diakhiri spasi ('{logo}'); tulis nama berkasnya tanpa spasi, mis. '{logo.strip()}'"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", logo):
        return "berupa alamat web; simpan berkas logonya di docs/ (mis. docs/assets/logo.png) lalu tulis 'assets/logo.png'"
    relative = PurePosixPath(logo)
    if relative.is_absolute() or ".." in relative.parts or "\\" in logo:
        return "harus ditulis relatif terhadap docs/, tanpa '/' di depan dan tanpa '..'"
    if relative.suffix.lower() not in LOGO_SUFFIXES:
        return f"bukan berkas gambar ({', '.join(LOGO_SUFFIXES)})"
    if not is_published_file(docs_dir, relative):
        return f"tidak ditemukan di {display_path(docs_dir / relative)}"
    return None


@register
class AgencyLogo(Check):
    """The kop's logo is a local image the site publishes: a URL or a missing file breaks silently."""

    emits = (codes.BAD_LOGO,)

    def run(self, project: Project) -> Iterator[Finding]:
        for agency_id, agency in project.agencies.entries.items():
            if agency.logo is None:
                continue
            problem = _logo_problem(agency.logo, project.docs_dir)
            if problem:
                yield codes.BAD_LOGO.at(
                    project.agencies.locator.value(agency_id, "logo"), f"logo instansi '{agency_id}' {problem}"
                )


@register
class AgencyAddress(Check):
    """The kop prints the address; an agency used by an SOP should have one."""

    emits = (codes.AGENCY_NO_ADDRESS,)

    def run(self, project: Project) -> Iterator[Finding]:
        used = {d.sop.agency for d in project.valid_documents}
        for agency_id, agency in project.agencies.entries.items():
            if agency_id in used and not agency.address:
                yield codes.AGENCY_NO_ADDRESS.at(
                    project.agencies.where(agency_id),
                    f"instansi '{agency_id}' belum punya alamat; kop SOP akan dicetak tanpa alamat",
                )


def _column_hint(actor: str, columns: list[str]) -> str:
    """'kadin' or 'bupati/kadin' for the column 'kadin/bupati': name the column as it is written."""
    roles = set(actor.split("/"))
    for column in columns:
        members = set(column.split("/"))
        if len(members) > 1 and (roles == members or (len(roles) == 1 and roles <= members)):
            return f"; kolom 'salah satu' yang memuatnya ditulis '{column}'"
    return suggest(actor, columns)


def _role_findings(document: SopDocument, project: Project, role: str, where: tuple, code: codes.Code, what: str):
    return unknown_reference(project.roles, role, document.locator.value(*where), code, what)


@register
class RoleReference(SopCheck):
    emits = (codes.UNKNOWN_ROLE,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        for i, spec in enumerate(sop.column_specs):
            if isinstance(spec, str):
                yield from _role_findings(document, project, spec, ("pelaksana", i), codes.UNKNOWN_ROLE, "jabatan pelaksana")
                continue
            if isinstance(spec, RoleColumn):
                yield from _role_findings(
                    document, project, spec.role, ("pelaksana", i, "jabatan"), codes.UNKNOWN_ROLE, "jabatan pelaksana"
                )
                continue
            for j, role in enumerate(spec.roles):
                yield from _role_findings(
                    document, project, role, ("pelaksana", i, "salah_satu", j), codes.UNKNOWN_ROLE, "jabatan pelaksana"
                )
        if sop.approval is not None and sop.approval.role is not None:  # a draft may not know its signer yet
            yield from _role_findings(
                document, project, sop.approval.role, ("disahkan_oleh", "jabatan"), codes.UNKNOWN_ROLE, "jabatan pengesah"
            )


@register
class RoleAgency(Check):
    """A role's agency must be a registered agency."""

    emits = (codes.UNKNOWN_AGENCY,)

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
    emits = (codes.UNKNOWN_RESPONSIBLE,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        for key, role in document.sop.responsible_roles:
            yield from _role_findings(
                document, project, role, ("penanggung_jawab", key), codes.UNKNOWN_RESPONSIBLE,
                f"penanggung jawab {key}",
            )


@register
class EitherColumns(SopCheck):
    """A column 'salah satu' offers a choice: two roles or more, each once."""

    emits = (codes.EITHER_TOO_FEW,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        for i, spec in enumerate(document.sop.column_specs):
            if not isinstance(spec, EitherColumn):
                continue
            seen: dict[str, int] = {}
            for j, role in enumerate(spec.roles):
                if role in seen:
                    yield codes.EITHER_TOO_FEW.at(
                        document.locator.value("pelaksana", i, "salah_satu", j),
                        f"jabatan '{role}' sudah ditulis sebagai pilihan {seen[role] + 1} kolom 'salah_satu' ini",
                    )
                else:
                    seen[role] = j
            if len(seen) < 2:
                yield codes.EITHER_TOO_FEW.at(
                    document.locator.value("pelaksana", i, "salah_satu"),
                    f"kolom pelaksana {i + 1} ('salah_satu') hanya berisi {len(seen)} jabatan; tulis minimal dua "
                    "(mis. [kadin, bupati]) atau tulis id jabatan itu langsung sebagai kolom",
                )


@register
class Columns(SopCheck):
    """Each step's actors are columns of the SOP; each column acts at least once; no column twice."""

    emits = (codes.ACTOR_NOT_COLUMN, codes.UNUSED_COLUMN, codes.DUPLICATE_COLUMN)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        seen: dict[str, int] = {}
        same: dict[frozenset, int] = {}  # 'kepala/bupati' and 'bupati/kepala' are one column
        for i, column in enumerate(sop.columns):
            roles = frozenset(sop.column_roles(column))
            if roles in same:
                yield codes.DUPLICATE_COLUMN.at(
                    document.locator.value("pelaksana", i),
                    f"kolom pelaksana '{column}' sudah ditulis sebagai kolom {same[roles] + 1}",
                )
            else:
                same[roles] = i
                seen[column] = i
        # a column is used by a step, or by a symbol a branch draws in it (`melalui`; one outside the columns: SOP-F018)
        used: set[str] = {exit_.via.actor for step in sop.steps for _, exit_ in step_exits(step) if exit_.via and exit_.via.actor}
        for s, step in enumerate(sop.steps):
            for a, actor in enumerate(step.actors):
                used.add(actor)
                if actor not in seen:
                    yield codes.ACTOR_NOT_COLUMN.at(
                        document.locator.value("langkah", s, "pelaksana", a),
                        f"pelaksana '{actor}' pada langkah {sop.step_number(s)} tidak termasuk kolom 'pelaksana' SOP"
                        f"{_column_hint(actor, list(seen))}",
                    )
        for column, i in seen.items():
            if column not in used and not sop.truncated:  # truncated: its steps are in the missing part
                yield codes.UNUSED_COLUMN.at(
                    document.locator.value("pelaksana", i),
                    f"kolom pelaksana '{column}' tidak dipakai oleh satu langkah pun; hapus atau tetapkan langkahnya",
                )


@register
class ExternalOfficials(SopCheck):
    """A party outside the agency (Pemohon) acts in the procedure, but cannot approve the SOP or
    answer for its product or activity: those are officials of the agency."""

    emits = (codes.EXTERNAL_OFFICIAL,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        roles = project.roles.entries
        for role_id, where, what in (
            (sop.approval.role if sop.approval else None, ("disahkan_oleh", "jabatan"), "pengesah SOP"),
            *((role, ("penanggung_jawab", key), f"penanggung jawab {key}") for key, role in sop.responsible_roles),
        ):
            if role_id in roles and roles[role_id].external:
                yield codes.EXTERNAL_OFFICIAL.at(
                    document.locator.value(*where),
                    f"{what} '{role_id}' adalah pihak di luar instansi (eksternal: true di {project.roles.path}); "
                    "tulis jabatan pejabat instansi",
                )


# Parties outside the agency, by their usual names in SOPs (a role's full name, or its first word).
EXTERNAL_NAMES = {"pemohon", "masyarakat", "pengguna layanan", "penerima layanan", "wajib pajak", "wajib retribusi",
                  "penduduk", "warga", "pelapor", "pengadu", "pelanggan", "tamu", "pihak ketiga", "rekanan", "pasien"}
EXTERNAL_FIRST_WORDS = {"pemohon", "masyarakat", "warga", "penduduk", "pelapor", "pengadu", "pasien"}


def looks_external(name: str) -> bool:
    words = name.casefold().split()
    return " ".join(words) in EXTERNAL_NAMES or (bool(words) and words[0] in EXTERNAL_FIRST_WORDS)


@register
class UnmarkedExternal(Check):
    """A role named like a citizen (Pemohon) but not marked external would get a NIP line and
    a signature as an official on its checklist."""

    emits = (codes.UNMARKED_EXTERNAL,)

    def run(self, project: Project) -> Iterator[Finding]:
        for role_id, role in project.roles.entries.items():
            if not role.external and (looks_external(role.name) or looks_external(role.short_name)):
                yield codes.UNMARKED_EXTERNAL.at(
                    project.roles.where(role_id),
                    f"jabatan '{role_id}' ({shown(role.name)}) tampaknya pihak di luar instansi; tulis 'eksternal: true' "
                    "agar checklist-nya tanpa NIP dan tanda tangan pejabat (atau ganti namanya bila memang jabatan)",
                )
