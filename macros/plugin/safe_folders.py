"""The folders a build writes never overlap what it reads.

MkDocs empties its site folder before writing (every entry but hidden ones), and the caches
(swimlane SVGs, history, PDFs) remove the entries a build did not use. A site or cache folder that
is, holds or lies inside the SOP sources, the docs folder or the folder of mkdocs.yml would take
them with it: `sop build -d sop` deleted every source. MkDocs compares its site folder with
docs_dir by name only (a link slips through) and knows nothing of the sources; this compares real
paths, before anything is written, and says what is wrong in one line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import codes
from ..findings import Location
from ..load.discover import display_path

SITE_DIR_FLAG = "-d/--site-dir"
WHY = {
    "site_dir": "MkDocs mengosongkan folder hasil sebelum menulis situs",
    "cache_dir": "cache menulis berkasnya di sana dan membuang berkas yang tidak dipakai pembangunan",
}
WHAT = {"site_dir": "folder hasil situs", "cache_dir": "folder cache"}
DEFAULTS = {"site_dir": "site", "cache_dir": ".cache/sop"}  # MkDocs' and the plugin's, beside mkdocs.yml


@dataclass(frozen=True, slots=True)
class Kept:
    """What a build reads and must never lose."""

    path: Path  # as configured (absolute)
    what: str  # in the message: "folder sumber SOP"


def _real(path: Path | str) -> Path:
    return Path(os.path.realpath(path))


def _relation(output: Path, kept: Path) -> str | None:
    """How the real output folder stands to a real kept path, in the message's words; None: apart."""
    if output == kept:
        return "adalah"
    if output in kept.parents:
        return "berisi"
    if kept in output.parents:
        return "berada di dalam"
    return None


@dataclass(frozen=True, slots=True)
class Written:
    """An option's value as mkdocs.yml writes it, and where."""

    value: str
    line: int
    column: int


def _written(config_file: Path, keys: tuple[str, ...]) -> Written | None:
    """The scalar at `keys` in mkdocs.yml (plugins listed as `- sop: {...}` or as a mapping); None
    when it is not written there. The file is only composed: no tag is constructed."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    for key in keys:
        if isinstance(node, yaml.SequenceNode):  # plugins: [- sop: {...}]
            node = next((value for item in node.value if isinstance(item, yaml.MappingNode)
                         for name, value in item.value if name.value == key), None)
        elif isinstance(node, yaml.MappingNode):
            node = next((value for name, value in node.value if name.value == key), None)
        else:
            return None
    if not isinstance(node, yaml.ScalarNode):
        return None
    return Written(str(node.value), node.start_mark.line + 1, node.start_mark.column + 1)


def unsafe_output(
    config_file: Path | None, site_dir: Path, cache_dir: Path, sources: Path, docs_dir: Path
) -> str | None:
    """The line that stops the build when the site or cache folder overlaps the sources, the docs
    folder or mkdocs.yml; None when they are apart. Paths are compared after links are followed."""
    kept = [Kept(sources, "folder sumber SOP"), Kept(docs_dir, "folder halaman (docs_dir)")]
    if config_file is not None:
        kept.append(Kept(config_file, "berkas konfigurasi"))
    for option, output in (("site_dir", site_dir), ("cache_dir", cache_dir)):
        real_output = _real(output)
        for item in kept:
            relation = _relation(real_output, _real(item.path))
            if relation is not None:
                return _line(config_file, option, output, relation, item)
    return None


def _origin(config_file: Path | None, option: str, output: Path) -> tuple[str, Location | None]:
    """Where the folder was asked for, in words, and its place in mkdocs.yml when it is written there."""
    if config_file is None:
        return "", None
    keys = ("site_dir",) if option == "site_dir" else ("plugins", "sop", "cache_dir")
    written = _written(config_file, keys)
    if written is not None and _real(config_file.parent / written.value) == _real(output):
        return f" ({option} di {config_file.name})", Location(display_path(config_file), written.line, written.column)
    if _real(config_file.parent / DEFAULTS[option]) == _real(output):
        return " (bawaan)", None
    return (f" (opsi {SITE_DIR_FLAG})" if option == "site_dir" else ""), None


def _line(config_file: Path | None, option: str, output: Path, relation: str, item: Kept) -> str:
    origin, where = _origin(config_file, option, output)
    example = f" (mis. {DEFAULTS[option]})" if origin != " (bawaan)" else ""
    message = (
        f"{WHAT[option]} '{display_path(output)}'{origin} {relation} {item.what} '{display_path(item.path)}': "
        f"{WHY[option]}, jadi pembangunan dihentikan sebelum apa pun ditulis atau dihapus; pilih folder lain{example}"
    )
    if where is not None:
        return codes.UNSAFE_OUTPUT.at(where, message).as_line()
    return f"{codes.UNSAFE_OUTPUT.code} {codes.UNSAFE_OUTPUT.severity.value}: {message}"


def unsafe_output_of(config, options) -> str | None:
    """`unsafe_output` for a loaded mkdocs config and the `sop` plugin's options."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    base = config_file.parent if config_file is not None else Path(".")
    return unsafe_output(config_file, Path(config.site_dir), base / options.cache_dir, Path(options.sources),
                         Path(config.docs_dir))
