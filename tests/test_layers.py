"""Data flows one way: load → model → checks → render → site/plugin. Each layer imports only the
layers before it (and the shared findings and codes), so no renderer reads a file, no check
borrows a renderer, and nothing renders from raw YAML."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "macros"
SHARED = {"findings", "failures", "codes", "urls"}
ALLOWED = {
    "load": SHARED,
    "model": SHARED | {"load"},
    "checks": SHARED | {"load", "model"},
    "render": SHARED | {"model"},
    "search": SHARED | {"model", "render"},  # the search records, from the model
    "site": SHARED | {"load", "model", "checks", "render", "search", "validate"},
    "pdf": SHARED | {"model", "render", "site"},  # after the site is built: never the plugin
}


def _imported_layers(path: Path, root: Path = REPO) -> set[str]:
    """The top-level parts of `macros` a module imports (relative imports resolved)."""
    module = path.relative_to(root).with_suffix("").parts  # ('macros', 'render', 'text')
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(module[: len(module) - node.level])
                target = base + (node.module.split(".") if node.module else [])
                names = [target + [alias.name] for alias in node.names] if not node.module else [target]
            else:
                names = [node.module.split(".")] if node.module else []
            for parts in names:
                if parts[:1] == ["macros"] and len(parts) > 1:
                    found.add(parts[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "macros" and len(parts) > 1:
                    found.add(parts[1])
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_before_it(layer):
    wrong = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        extra = _imported_layers(path) - ALLOWED[layer] - {layer}
        if extra:
            wrong[str(path.relative_to(REPO))] = sorted(extra)
    assert wrong == {}


def test_the_layer_check_sees_a_forbidden_import(tmp_path):
    """The test above would catch `checks` borrowing a renderer (as checks/dates.py once did)."""
    module = PACKAGE / "checks" / "dates.py"
    text = module.read_text(encoding="utf-8") + "\nfrom ..render.text import duration\nfrom .. import site\n"
    fake = tmp_path / "macros" / "checks" / "dates.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(text, encoding="utf-8")
    assert _imported_layers(fake, tmp_path) - ALLOWED["checks"] - {"checks"} == {"render", "site"}


PATH_READERS = {"read_bytes", "read_text", "iterdir", "rglob", "glob", "open", "stat", "exists", "is_file", "is_dir"}
OS_READERS = {"walk", "scandir", "stat", "listdir", "open"}


def _reads_files(func: ast.expr) -> bool:
    """open(...), os.walk(...) and friends, or a pathlib method that touches the disk."""
    if isinstance(func, ast.Name):
        return func.id == "open"
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id == "os":
            return func.attr in OS_READERS
        return func.attr in PATH_READERS
    return False


def test_only_the_loader_reads_the_sources():
    """Files are opened in load/ only; the model validates what was read."""
    readers = []
    for layer in ("model", "checks", "render"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and _reads_files(node.func):
                    readers.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert readers == []


def test_the_swimlane_does_not_borrow_from_the_flowchart():
    """Both draw the same symbols (render/symbols.py); neither imports the other's layout."""
    for path in sorted((PACKAGE / "render").glob("swimlane*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [m for m in modules if m.startswith("flowchart")], path
