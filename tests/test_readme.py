"""The README's table of codes matches the catalogue; its commands are the ones CI runs."""

from __future__ import annotations

from macros.codes import CATALOGUE
from tests.conftest import REPO


def test_readme_lists_every_code_with_its_severity_and_meaning():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for code in CATALOGUE.values():
        assert f"| `{code.code}` | {code.severity.value} | {code.summary} |" in readme


def test_ci_runs_the_readme_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/install && .venv/bin/sop serve" in readme
    assert "\n.venv/bin/pytest\n" in readme
    assert "bash .ci/install" in ci and ".venv/bin/pytest" in ci
