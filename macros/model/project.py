"""A loaded source set: registries and SOP documents, each with where its values stood."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from .. import codes
from ..findings import Finding, Location, Severity
from ..load.discover import REGISTRY_FILES, SourceSet, display_path, walk_sources
from ..load.yaml_tree import Locator, parse_bytes
from .errors import suggest, validate
from .registry import Agency, AgencyRegistry, LegalBasis, LegalRegistry, Role, RoleRegistry
from .sop import Sop

T = TypeVar("T")


@dataclass(slots=True)
class Registry(Generic[T]):
    path: str | None
    locator: Locator
    entries: dict[str, T] = field(default_factory=dict)
    loaded: bool = False  # False when the file is absent or broken

    def where(self, entry_id: str, *rest) -> Location:
        return self.locator.key(entry_id, *rest)


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
    findings: list[Finding] = field(default_factory=list)

    @property
    def valid_documents(self) -> list[SopDocument]:
        return [d for d in self.documents if d.sop is not None]

    def renderable(self, findings: list[Finding]) -> list[SopDocument]:
        """Documents with a model and no error: only these reach the renderers."""
        broken = {f.location.path for f in findings if f.severity is Severity.ERROR}
        return [d for d in self.valid_documents if d.path not in broken]


def _read(path: Path, display: str) -> tuple[bytes | None, list[Finding]]:
    try:
        return path.read_bytes(), []
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return None, [codes.YAML_SYNTAX.at(Location(display), f"berkas tidak dapat dibaca ({reason})")]


def _load_registry(source: SourceSet, name: str, model: type) -> tuple[Registry, list[Finding]]:
    path = source.registry_path(name)
    display = display_path(path)
    if not path.is_file():
        return Registry(None, Locator(display)), []
    raw, findings = _read(path, display)
    if raw is None:
        return Registry(display, Locator(display)), findings
    parsed = parse_bytes(raw, display)
    findings = list(parsed.findings)
    if not parsed.ok:
        return Registry(display, parsed.locator), findings
    data = {} if parsed.data is None else parsed.data
    value, errors = validate(model, data, parsed.locator)
    findings += errors
    if value is None:
        return Registry(display, parsed.locator), findings
    return Registry(display, parsed.locator, dict(value.root), True), findings


def _load_sop(path: Path) -> tuple[SopDocument, list[Finding]]:
    display = display_path(path)
    slug = path.stem
    raw, findings = _read(path, display)
    if raw is None:
        return SopDocument(slug, display, Locator(display), None), findings
    parsed = parse_bytes(raw, display)
    findings = list(parsed.findings)
    if not parsed.ok:
        return SopDocument(slug, display, parsed.locator, None), findings
    if parsed.data is None:
        findings.append(codes.WRONG_TYPE.at(Location(display), "berkas SOP kosong; isi dengan pemetaan 'kunci: nilai'"))
        return SopDocument(slug, display, parsed.locator, None), findings
    sop, errors = validate(Sop, parsed.data, parsed.locator)
    findings += errors
    return SopDocument(slug, display, parsed.locator, sop), findings


def load_project(source: SourceSet) -> Project:
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
    documents = []
    for path in source.sop_files:
        document, found = _load_sop(path)
        documents.append(document)
        findings += found
    all_sops = source.sop_files if source.whole_root else walk_sources(source.root)[0]
    known: dict[str, list[str]] = {}
    for path in sorted(set(all_sops) | set(source.sop_files)):
        known.setdefault(path.stem, []).append(display_path(path))
    return Project(source.root, agencies, roles, legal, documents, known, source.whole_root, findings)
