"""The format reference (Format Sumber), generated from the model: one table per mapping a source file
may hold, one row per key, with what the validator itself knows of it — the YAML key (the field's
alias), its type in plain Indonesian (`TypeName` on the type, or derived from it), required or not,
the field's `description`, and what happens when the source leaves it out (the field's
`x-bila-tidak-ada`, else what the default says). The same descriptions serve the validator and, later,
an editor's JSON schema: there is no hand-kept copy of the format to drift.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Union

from markupsafe import Markup
from pydantic import BaseModel, RootModel
from pydantic.fields import FieldInfo

from .. import codes
from ..model.base import ABSENT, TypeName
from .html import keep_codes

REQUIRED, OPTIONAL = "wajib", "opsional"
COLUMNS = ("Kunci", "Isi", "Wajib", "Arti", "Bila tidak ada")


@dataclass(frozen=True)
class SourceFile:
    """A kind of source file and the mapping it holds. `label` names the file in the paths of its
    nested mappings when a group shows several files; `note` says how the file is laid out."""

    path: str
    model: type[BaseModel]
    label: str = ""
    note: str = ""


@dataclass(frozen=True)
class FieldDoc:
    key: str
    kind: str  # the type in plain Indonesian
    links: tuple[type[BaseModel], ...]  # the mappings the value holds, documented in their own tables
    required: bool
    description: str
    absent: str


@dataclass(frozen=True)
class Section:
    """One mapping's table: where it is written (each path from the file's top, in the order found).
    `anchor` is unique on the page; `keys` is set when another mapping is written at the same path
    (the two shapes of a column of `pelaksana`), and names this one's keys in its heading."""

    model: type[BaseModel]
    paths: tuple[tuple[str, ...], ...]
    source: SourceFile | None  # set for a file's own top-level mapping
    anchor: str
    keys: str = ""


def _anchor(words: tuple[str, ...], taken: set[str]) -> str:
    base = "kunci-" + "-".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words)
    anchor, count = base, 1
    while anchor in taken:
        count += 1
        anchor = f"{base}-{count}"
    taken.add(anchor)
    return anchor


def describe(annotation: Any) -> tuple[str, tuple[type[BaseModel], ...]]:
    """A type in plain Indonesian, and the mappings it holds. A type the reference cannot name is a
    TypeError: a new field's type gets a `TypeName` (tests build the page)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *metadata = typing.get_args(annotation)
        names = [m for m in metadata if isinstance(m, TypeName)]
        if names:
            name = names[-1]
            return name.text, (name.model,) if name.model is not None else _models_in(base)
        return describe(base)
    if origin in (Union, types.UnionType):
        parts = [describe(a) for a in typing.get_args(annotation) if a is not type(None)]
        return " atau ".join(text for text, _ in parts), tuple(m for _, models in parts for m in models)
    if origin is tuple:
        text, models = describe(typing.get_args(annotation)[0])
        return f"daftar {text}", models
    if origin is dict:
        key, value = (describe(a) for a in typing.get_args(annotation))
        return f"pemetaan {key[0]} → {value[0]}", value[1]
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            values = [str(member.value) for member in annotation]
            return ", ".join(values[:-1]) + " atau " + values[-1], ()
        if annotation is bool:
            return "true atau false", ()
        if issubclass(annotation, RootModel):
            return describe(_hints(annotation)["root"])
        if issubclass(annotation, BaseModel):
            return "pemetaan", (annotation,)
        if annotation is str:
            return "teks", ()
        if annotation is int:
            return "bilangan bulat", ()
    raise TypeError(f"Format Sumber: jenis {annotation!r} belum bernama (beri TypeName)")


def _models_in(annotation: Any) -> tuple[type[BaseModel], ...]:
    """The mappings anywhere inside a type (a named type may hold several, e.g. a waktu's long form)."""
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        return _models_in(_hints(annotation)["root"])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return (annotation,)
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found += [m for m in _models_in(arg) if m not in found]
    return tuple(found)


def _hints(model: type) -> dict[str, Any]:
    return typing.get_type_hints(model, include_extras=True)


def field_docs(model: type[BaseModel]) -> list[FieldDoc]:
    """Every key of a mapping, in the order the model declares them."""
    hints = _hints(model)
    docs = []
    for name, info in model.model_fields.items():
        kind, links = describe(hints[name])
        required = info.is_required()
        docs.append(FieldDoc(info.alias or name, kind, links, required, info.description or "", _absent(info, required)))
    return docs


def _absent(info: FieldInfo, required: bool) -> str:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    said = str(extra.get(ABSENT, ""))
    if required:
        missing = f"galat {codes.MISSING_FIELD.code}"
        return f"{missing}; {said}" if said else missing
    if said:
        return said
    default = info.get_default(call_default_factory=False)
    if isinstance(default, bool):
        return str(default).lower()
    if isinstance(default, enum.Enum):
        return str(default.value)
    if default == ():
        return "daftar kosong"
    return "tidak ada"


def sections(files: Sequence[SourceFile], taken: set[str] | None = None) -> list[Section]:
    """Each file's mapping, then every mapping nested in it, breadth first; a mapping reached again
    (another key, another file of the group, or itself: a decision's second decision) is listed once,
    with every path it is written at. `taken`: anchors already used on the page."""
    several = len(files) > 1
    order: list[type[BaseModel]] = []
    paths: dict[type[BaseModel], list[tuple[str, ...]]] = {}
    roots: dict[type[BaseModel], SourceFile] = {}
    for source in files:
        start: tuple[str, ...] = (source.label,) if several and source.label else ()
        roots.setdefault(source.model, source)
        queue: list[tuple[type[BaseModel], tuple[str, ...]]] = [(source.model, start)]
        if source.model not in paths:
            order.append(source.model)
            paths[source.model] = [start]
        seen = {source.model}
        while queue:
            model, path = queue.pop(0)
            for doc in field_docs(model):
                for linked in doc.links:
                    where = path + (doc.key,)
                    if linked not in paths:
                        order.append(linked)
                        paths[linked] = []
                    if where not in paths[linked]:
                        paths[linked].append(where)
                    if linked not in seen:
                        seen.add(linked)
                        queue.append((linked, where))
    first = [paths[m][0] for m in order]
    taken = set() if taken is None else set(taken)
    found = []
    for model, path in zip(order, first):
        root = roots.get(model)
        anchor = _anchor(path or (root.label if root and root.label else "sop",), taken)
        shared = first.count(path) > 1
        keys = "{" + ", ".join(doc.key for doc in field_docs(model)) + "}" if shared else ""
        found.append(Section(model, tuple(paths[model]), root, anchor, keys))
    return found


def render_source_files(files: Sequence[SourceFile], placed: dict[type[BaseModel], Section] | None = None) -> Markup:
    """The tables of a group of files (the SOP; the registries; the monitoring and evaluation records).
    `placed`: the mappings already shown higher on the page (filled in here), so that a mapping two
    groups share has one table."""
    placed = {} if placed is None else placed
    found = [s for s in sections(files, {s.anchor for s in placed.values()}) if s.model not in placed]
    for section in found:
        placed[section.model] = section
    return Markup("").join(_section(s, placed) for s in found)


def _section(section: Section, placed: dict[type[BaseModel], Section]) -> Markup:
    if section.source is not None:
        heading = Markup("<code>{}</code>").format(section.source.path)
        note = Markup("<p>{}</p>").format(section.source.note) if section.source.note else Markup("")
    else:
        heading = _path(section.paths[0])
        if section.keys:
            heading += Markup(" <code>{}</code>").format(section.keys)
        note = Markup("")
        if len(section.paths) > 1:
            note = Markup('<p class="sop-format-tempat">Ditulis di: {}</p>').format(
                Markup(", ").join(_path(p) for p in section.paths)
            )
    head = Markup("").join(Markup("<th>{}</th>").format(c) for c in COLUMNS)
    rows = Markup("").join(_row(doc, placed) for doc in field_docs(section.model))
    return Markup(
        '<h4 id="{}">{}</h4>\n{}<div class="sop-gulir"><table class="sop-tabel sop-format">'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>\n"
    ).format(section.anchor, heading, note, head, rows)


def _path(path: tuple[str, ...]) -> Markup:
    return Markup(" › ").join(Markup("<code>{}</code>").format(key) for key in path)


def _row(doc: FieldDoc, placed: dict[type[BaseModel], Section]) -> Markup:
    kind = Markup("{}").format(doc.kind)
    links = [Markup('<a href="#{}">{}</a>').format(placed[m].anchor, _path(placed[m].paths[0])) for m in doc.links if m in placed]
    if links:
        kind += Markup("; lihat ") + Markup(", ").join(links)
    cells = (
        Markup("<code>{}</code>").format(doc.key),
        kind,
        REQUIRED if doc.required else OPTIONAL,
        keep_codes(doc.description),  # "SOP-R011" never broken at its hyphen
        keep_codes(doc.absent),
    )
    return Markup("<tr>{}</tr>").format(
        Markup("").join(Markup('<td data-label="{}">{}</td>').format(label, cell) for label, cell in zip(COLUMNS, cells))
    )
