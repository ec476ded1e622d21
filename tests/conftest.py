"""Shared fixtures: the repository, the seed, and helpers that run the tools as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SEED_SOURCES = REPO / "sop"
CHECK_FIXTURES = REPO / "tests" / "checks" / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def link_macros(project_dir: Path) -> None:
    """mkdocs-macros finds `module_name` beside mkdocs.yml; test configs live elsewhere."""
    link = project_dir / "macros"
    if not link.exists():
        link.symlink_to(REPO / "macros", target_is_directory=True)


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def run_sop():
    """Run the `sop` command in a subprocess from the repository root."""

    def run(*args: str, cwd: Path = REPO) -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "macros.cli", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def seed_sop_text() -> str:
    return (SEED_SOURCES / "perbaikan-data-kinerja.yml").read_text(encoding="utf-8")


@pytest.fixture
def sources_copy(tmp_path: Path):
    """A writable copy of a source folder (the seed by default)."""

    def copy(source: Path = SEED_SOURCES) -> Path:
        target = tmp_path / "sop"
        target.mkdir()
        for path in source.iterdir():
            if path.is_file():
                (target / path.name).write_bytes(path.read_bytes())
        return target

    return copy


@pytest.fixture
def build_site(tmp_path: Path):
    """Build a site with the project's mkdocs.yml, pointed at other sources; returns (Run, site dir)."""

    def build(
        sources: Path = SEED_SOURCES, *extra: str, site_dir: Path | None = None, docs_dir: Path | None = None,
        **plugin_options,
    ) -> tuple[Run, Path]:
        site = site_dir or tmp_path / "site"
        return build_into(tmp_path, site, sources, *extra, docs_dir=docs_dir, **plugin_options)

    return build


def build_into(
    work: Path, site: Path, sources: Path, *extra: str, docs_dir: Path | None = None, env: dict | None = None, **plugin_options
) -> tuple[Run, Path]:
    """Build the project's site from other sources into `site`, with a config written in `work`."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs_dir or REPO / "docs")
    config["site_dir"] = str(site)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "sop" in plugin:
            plugin["sop"]["sources"] = str(sources)
            plugin["sop"].update(plugin_options)
    config.pop("watch", None)
    link_macros(work)
    config_path = work / f"mkdocs-{site.name}.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | (env or {})
    env["NO_MKDOCS_2_WARNING"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config_path), *extra],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr), site
