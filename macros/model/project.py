"""A loaded source set: registries and SOP documents, each with where its values stood.

Files are read and parsed in `load/`; this module validates what was read into the model."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from pydantic_core import PydanticCustomError

from .. import codes
from ..findings import Finding, Location, Severity
from ..load.discover import REGISTRY_FILES, SourceSet, display_path, known_slugs
from ..load.files import read_yaml
from ..load.yaml_tree import Locator, ParsedYaml, parse_bytes
from .errors import suggest, validate
from .monev import HEADERS, RESULTS, RecordFile, RecordKind, parse_period
from .registry import Agency, AgencyRegistry, LegalBasis, LegalRegistry, Registries, Role, RoleRegistry
from .sop import Sop

if TYPE_CHECKING:  # model/history.py loads old versions through this module
    from .history import ProjectHistory

T = TypeVar("T")


@dataclass(slots=True)
class Registry(Generic[T]):
    """One registry file. `loaded` is False when the file is absent or unreadable as a whole;
    entries that failed their own validation are left out and named in `broken`."""

    name: str
    path: str | None
    locator: Locator
    entries: dict[str, T] = field(default_factory=dict)
    loaded: bool = False
    broken: dict[str, str] = field(default_factory=dict)  # casefolded id -> id as written

    @property
    def missing(self) -> bool:
        return self.path is None

    def where(self, entry_id: str, *rest) -> Location:
        return self.locator.key(entry_id, *rest)

    def broken_entry(self, entry_id: str) -> str | None:
        """The broken entry an id refers to, matched regardless of case ('Kepala' for 'kepala')."""
        return self.broken.get(entry_id.casefold())


@dataclass(slots=True)
class SopDocument:
    slug: str
    path: str
    locator: Locator
    sop: Sop | None


@dataclass(slots=True)
class Project:
    root: Path
    agencies: Registry[Agency]
    roles: Registry[Role]
    legal_bases: Registry[LegalBasis]
    documents: list[SopDocument]
    known_slugs: dict[str, list[str]]
    whole_root: bool
    docs_dir: Path  # where the site's hand-written pages and assets (the logo) live
    # For the review rules (checks/review.py): the day they judge by, and the git history of the
    # sources (None: not read, e.g. `sop check` of one file).
    today: dt.date
    history: ProjectHistory | None
    findings: list[Finding] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)  # monitoring and evaluation, by kind and path
    registries: Registries = field(init=False)  # the valid entries of the three, as the renderers read them

    def __post_init__(self) -> None:
        self.registries = Registries.of(self.agencies.entries, self.roles.entries, self.legal_bases.entries)

    @property
    def valid_documents(self) -> list[SopDocument]:
        return [d for d in self.documents if d.sop is not None]

    def renderable(self, findings: list[Finding]) -> list[SopDocument]:
        """Documents with a model and no error: only these reach the renderers."""
        broken = {f.location.path for f in findings if f.severity is Severity.ERROR}
        return [d for d in self.valid_documents if d.path not in broken]


def _load_registry(source: SourceSet, name: str, model: type) -> tuple[Registry, list[Finding]]:
    """Each entry is validated on its own, so one bad entry does not hide the good ones."""
    path = source.registry_path(name)
    display = display_path(path)
    if not source.has_registry(name):
        return Registry(name, None, Locator(display)), []
    parsed, findings = read_yaml(path, display, source.root)
    if parsed is None:
        return Registry(name, display, Locator(display)), findings
    return _registry_of(parsed, name, display, model, findings)


def registry_from_bytes(raw: bytes, name: str, display: str, model: type) -> Registry:
    """A registry from the bytes of one version of its file (an old one, read from git): the same
    parsing and validation as the live file. Its findings are not kept: an old version is history."""
    parsed = parse_bytes(raw, display)
    return _registry_of(parsed, name, display, model, list(parsed.findings))[0]


def _registry_of(parsed: ParsedYaml, name: str, display: str, model: type, findings: list[Finding]) -> tuple[Registry, list[Finding]]:
    registry = Registry(name, display, parsed.locator)
    if not parsed.ok:
        return registry, findings
    data = {} if parsed.data is None else parsed.data
    if not isinstance(data, dict):
        findings.append(
            codes.WRONG_TYPE.at(
                parsed.locator.value(),
                f"registri {name} harus berupa pemetaan 'id: entri' (baris-baris 'id:' dengan isian di bawahnya), "
                "bukan daftar atau teks",
            )
        )
        return registry, findings
    registry.loaded = True
    for entry_id, entry in data.items():
        value, errors = validate(model, {entry_id: entry}, parsed.locator)
        findings += errors
        if value is None:
            registry.broken[entry_id.casefold()] = entry_id
        else:
            registry.entries.update(value.root)
    return registry, findings


def _load_sop(path: Path, root: Path) -> tuple[SopDocument, list[Finding]]:
    display = display_path(path)
    slug = path.stem
    parsed, findings = read_yaml(path, display, root)
    if parsed is None:
        return SopDocument(slug, display, Locator(display), None), findings
    return _sop_of(parsed, slug, display, findings)


def sop_from_bytes(raw: bytes, slug: str, display: str) -> tuple[SopDocument, list[Finding]]:
    """An SOP from the bytes of one version of its source (an old one, read from git): the same
    parsing and validation as the live file."""
    parsed = parse_bytes(raw, display)
    return _sop_of(parsed, slug, display, list(parsed.findings))


def _sop_of(parsed: ParsedYaml, slug: str, display: str, findings: list[Finding]) -> tuple[SopDocument, list[Finding]]:
    if not parsed.ok:
        return SopDocument(slug, display, parsed.locator, None), findings
    if parsed.data is None:
        findings.append(codes.WRONG_TYPE.at(Location(display), "berkas SOP kosong; isi dengan pemetaan 'kunci: nilai'"))
        return SopDocument(slug, display, parsed.locator, None), findings
    sop, errors = validate(Sop, parsed.data, parsed.locator)
    findings += errors
    return SopDocument(slug, display, parsed.locator, sop), findings


def _load_record(path: Path, kind: RecordKind, root: Path) -> tuple[RecordFile, list[Finding]]:
    """A monitoring or evaluation file: its header (period, assessor, date) and each entry under
    `hasil` validated on their own, so that one bad entry does not hide the others."""
    display = display_path(path)
    try:
        name_period, name_problem = parse_period(path.stem, kind, key_only=True), None
    except PydanticCustomError as exc:
        name_period, name_problem = None, str(exc)
    parsed, findings = read_yaml(path, display, root)
    relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    record = RecordFile(kind, display, relative, parsed.locator if parsed else Locator(display), name_period, name_problem)
    if parsed is None or not parsed.ok:
        return record, findings
    data = parsed.data
    if not isinstance(data, dict):
        findings.append(
            codes.WRONG_TYPE.at(
                parsed.locator.value(),
                f"berkas {kind.label} harus berupa pemetaan 'kunci: nilai' (periode, penilai, tanggal, hasil)",
            )
        )
        return record, findings
    record.header, errors = validate(HEADERS[kind], data, parsed.locator)
    findings += errors
    results = data.get("hasil")
    if isinstance(results, dict):
        for slug, entry in results.items():
            value, errors = validate(RESULTS[kind], {"hasil": {slug: entry}}, parsed.locator)
            findings += errors
            if isinstance(slug, str):
                record.entries[slug] = None if value is None else value.results[slug]
    return record, findings


def load_project(
    source: SourceSet, docs_dir: Path | None = None, *, today: dt.date | None = None, history: ProjectHistory | None = None,
) -> Project:
    """`docs_dir` defaults to `docs/` beside the source folder, as in the shipped mkdocs.yml. `today`:
    the day the review rules judge by (default: the clock's); `history`: the git history of the
    sources, when it was read (model/history.py)."""
    findings: list[Finding] = []
    agencies, f1 = _load_registry(source, "_instansi.yml", AgencyRegistry)
    roles, f2 = _load_registry(source, "_jabatan.yml", RoleRegistry)
    legal, f3 = _load_registry(source, "_dasar-hukum.yml", LegalRegistry)
    findings += f1 + f2 + f3
    for stray in source.other_underscore_files:
        hint = suggest(stray.name, list(REGISTRY_FILES))
        findings.append(
            codes.UNKNOWN_REGISTRY.at(
                Location(display_path(stray)),
                f"berkas '{stray.name}' bukan registri yang dikenal (hanya {', '.join(REGISTRY_FILES)} di akar sumber){hint}",
            )
        )
    for folder in source.linked_out:
        findings.append(
            codes.UNREADABLE_SOURCE.at(
                Location(display_path(folder)),
                f"folder ini tautan simbolik ke luar folder sumber (ke {os.readlink(folder)}); isinya tidak dibaca: "
                "salin foldernya ke dalam folder sumber",
            )
        )
    documents = []
    for misnamed in source.misnamed_files:
        findings.append(
            codes.UPPERCASE_SUFFIX.at(
                Location(display_path(misnamed)),
                f"berkas '{misnamed.name}' tidak dibaca: akhiran harus huruf kecil; ganti namanya menjadi "
                f"'{misnamed.stem}{misnamed.suffix.lower()}'",
            )
        )
    for path in source.sop_files:
        document, found = _load_sop(path, source.root)
        documents.append(document)
        findings += found
    records = []
    for folder, paths in source.record_files.items():
        for path in paths:
            record, found = _load_record(path, RecordKind(folder), source.root)
            records.append(record)
            findings += found
    known = known_slugs(source)
    docs = docs_dir if docs_dir is not None else source.root.parent / "docs"
    day = today if today is not None else dt.date.today()
    return Project(source.root, agencies, roles, legal, documents, known, source.whole_root, docs, day, history, findings,
                   records)
