"""The fast suite (`pytest -m "not browser and not slow"`) must really leave the browser out."""

from __future__ import annotations

import importlib
import tomllib

import pytest

from tests.harness import REPO

BROWSER_FILES = sorted((REPO / "tests" / "browser").glob("test_*.py"))


def _marks(module) -> list[str]:
    marks = getattr(module, "pytestmark", [])
    return [mark.name for mark in (marks if isinstance(marks, list) else [marks])]


def test_there_are_browser_tests():
    assert len(BROWSER_FILES) >= 5


@pytest.mark.parametrize("path", BROWSER_FILES, ids=[p.name for p in BROWSER_FILES])
def test_every_browser_test_file_is_marked_browser(path):
    module = importlib.import_module(f"tests.browser.{path.stem}")
    assert "browser" in _marks(module), f"{path.name}: tambahkan pytestmark = pytest.mark.browser"


def test_the_markers_are_registered_and_unknown_ones_refused():
    options = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert {line.split(":")[0] for line in options["markers"]} == {"browser", "slow"}
    assert "--strict-markers" in options["addopts"].split()


def test_ci_runs_every_test():
    """.ci/run runs the whole suite: no marker expression, no deselection."""
    commands = [line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines() if "pytest" in line]
    assert commands == [".venv/bin/pytest"]


def test_the_test_guide_says_how_to_run_the_fast_suite():
    guide = (REPO / "tests" / "README.md").read_text(encoding="utf-8")
    assert '.venv/bin/pytest -m "not browser and not slow"' in guide
