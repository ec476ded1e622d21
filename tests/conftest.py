"""Shared fixtures: the repository, the seed, and helpers that run the tools as a user would.

Projects are written and built by tests/harness.py (shared with benchmarks/run.py)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from macros import cli
from tests.harness import CHECK_FIXTURES, REPO, SEED_SOURCES, Run, build_into, link_macros, process_env

__all__ = ["CHECK_FIXTURES", "REPO", "SEED_SOURCES", "Run", "build_into", "link_macros"]


def run_cli(*args: str, cwd: Path = REPO) -> Run:
    """`sop ARGS` in this process (macros.cli.main), from `cwd`: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


def run_cli_process(*args: str, cwd: Path = REPO, timeout: float = 120) -> Run:
    """`sop ARGS` as a new Python process: for what only a process shows (its exit status as
    the shell sees it, a crash of the interpreter, what reaches the terminal)."""
    proc = subprocess.run(
        [sys.executable, "-m", "macros.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env=process_env(),
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def run_sop():
    """Run the `sop` command in this process (see run_cli); `cwd` defaults to the repository."""
    return run_cli


@pytest.fixture
def run_sop_process():
    """Run the `sop` command as a subprocess (see run_cli_process)."""
    return run_cli_process


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

