"""The build pipeline (macros/site/build.py) without mkdocs: a script turns the sources into the
site's pages and files, and they are the pages and files `mkdocs build` writes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys

import pytest

from macros.plugin.deferred import BLOCK_END
from macros.render.links import Links
from macros.render.sop_page import PageOptions
from macros.site.build import BuildOptions, build_site
from macros.urls import PageKind, PageRef
from tests.conftest import REPO, SEED_SOURCES, build_into
from tests.harness import process_env

SLUG = "perbaikan-data-kinerja"
TODAY = dt.date(2026, 1, 1)

SCRIPT = r"""
import datetime as dt, json, sys
from pathlib import Path
from macros.render.links import Links
from macros.render.sop_page import PageOptions
from macros.site.build import BuildOptions, build_site

sources, docs, cache = (Path(a) for a in sys.argv[1:4])
build = build_site(BuildOptions(sources, docs, cache, PageOptions("A4")), dt.date(2026, 1, 1))
links = Links(lambda path: "/" + path)
pages = {uri: build.render(ref, links) for uri, ref in build.pages.items()}
print(json.dumps({
    "mkdocs": sorted(name for name in sys.modules if name.split(".")[0] in ("mkdocs", "material", "mkdocs_macros")),
    "pages": {uri: str(page.html) for uri, page in pages.items()},
    "failed": [uri for uri, page in pages.items() if page.failure is not None],
    "files": {path: len(content) for path, content in build.files().items()},
    "report": [line for _, line in build.report()],
    "titles": {uri: build.matter(ref).title for uri, ref in build.pages.items()},
}))
"""


def test_a_script_builds_the_site_without_mkdocs(tmp_path):
    sources = shutil.copytree(SEED_SOURCES, tmp_path / "sop")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(sources), str(REPO / "docs"), str(tmp_path / "cache")],
                         cwd=REPO, env=process_env(), capture_output=True, text=True, check=True)
    built = json.loads(out.stdout)
    assert built["mkdocs"] == []  # nothing of mkdocs, its theme or mkdocs-macros was imported
    assert built["failed"] == []
    document = PageRef(PageKind.DOCUMENT, SLUG).src_uri
    assert document in built["pages"] and PageRef(PageKind.SWIMLANE, SLUG).src_uri in built["pages"]
    assert "Perbaikan Data Kinerja" in built["pages"][document] and "<svg" in built["pages"][PageRef(PageKind.SWIMLANE, SLUG).src_uri]
    assert built["titles"][document] == "Mekanisme Perbaikan Data Kinerja"
    assert {"audit/audit.csv", "audit/audit.xlsx", f"sop/{SLUG}/swimlane.svg"} <= set(built["files"])
    assert any(line.startswith("swimlane: ") for line in built["report"])


@pytest.mark.slow
def test_the_pipeline_makes_the_pages_mkdocs_writes(tmp_path):
    """The same HTML for each generated page, whether the plugin asked for it or a script did
    (links relative to the page, as mkdocs makes them)."""
    from mkdocs.utils import get_relative_url

    run, site = build_into(tmp_path, tmp_path / "site", SEED_SOURCES, tanggal=TODAY.isoformat(), pdf=False)
    assert run.code == 0, run.err
    build = build_site(BuildOptions(SEED_SOURCES, REPO / "docs", tmp_path / "cache", PageOptions("A4")), TODAY)
    assert build.pages
    for uri, ref in build.pages.items():
        links = Links(lambda path, url=ref.path: get_relative_url(path, url))
        rendered = build.render(ref, links)
        assert rendered.failure is None
        written = (site / ref.path / "index.html").read_text(encoding="utf-8")
        assert BLOCK_END.sub("\\1\n", str(rendered.html)) in written, uri
    for path, content in build.files().items():
        expected = content.encode("utf-8") if isinstance(content, str) else content
        assert (site / path).read_bytes() == expected, path
