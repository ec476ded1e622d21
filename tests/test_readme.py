"""The README: its commands are the ones CI runs, and every document its map names exists. (The table of
codes is the Kode Pemeriksaan page the package makes: tests/site/test_package_pages.py.)"""

from __future__ import annotations

import re

from tests.conftest import REPO


def test_ci_runs_the_readme_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/install && .venv/bin/sop serve" in readme
    assert "\n.venv/bin/pytest\n" in readme
    assert "bash .ci/install" in ci and ".venv/bin/pytest" in ci


def test_every_document_the_map_links_exists_and_links_back_where_it_says():
    documents = [REPO / "README.md", REPO / "macros" / "OPERATION.md", REPO / "macros" / "ARCHITECTURE.md",
                 REPO / "tests" / "README.md", REPO / "benchmarks" / "README.md"]
    for document in documents:
        for target in re.findall(r"\]\(([^)#]+)\)", document.read_text(encoding="utf-8")):
            if not target.startswith("http"):
                assert (document.parent / target).exists(), f"{document.relative_to(REPO)}: {target}"
