"""The generated navigation: sections found by their pages, a hand-written nav refused, and the
per-page navigation that keeps only the page's own agency."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from macros.plugin.nav import _PageNav, _folder_of
from tests.conftest import REPO, SEED_SOURCES, build_into
from tests.harness import build, project_config, write_config

pytestmark = pytest.mark.slow


def _nav_labels(html: str) -> list[str]:
    return [" ".join(label.split()) for label in re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', html)]


def test_a_hand_written_folder_titled_like_a_generated_section_is_left_alone(tmp_path):
    """A docs folder 'SOP/' gets an automatic title ('SOP') that the old title test took for the
    generated folder 'sop/'; only the folder holding the generated pages becomes 'Dokumen SOP'."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "SOP").mkdir()
    (docs / "SOP" / "arsip.md").write_text("# Arsip SOP lama\n\nDaftar SOP lama.\n", encoding="utf-8")
    run, site = build_into(tmp_path, tmp_path / "site", SEED_SOURCES, docs_dir=docs)
    assert run.code == 0, run.err
    labels = _nav_labels((site / "index.html").read_text(encoding="utf-8"))
    assert labels.count("Dokumen SOP") == 1 and labels.count("SOP") == 1
    assert "Arsip SOP lama" in _nav_labels((site / "SOP/arsip/index.html").read_text(encoding="utf-8"))
    seed = (site / "sop/perbaikan-data-kinerja/index.html").read_text(encoding="utf-8")
    assert "Perbaikan Data Kinerja" in " ".join(_nav_labels(seed))


def test_a_hand_written_nav_is_refused_with_one_line(tmp_path):
    config = write_config(tmp_path, sources=SEED_SOURCES, site_dir=tmp_path / "site", settings={"nav": [{"Beranda": "index.md"}]})
    run = build(config, in_process=False)
    assert run.code == 1 and "Traceback" not in run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "bagian 'nav' tidak dipakai bersama plugin sop" in lines[0], run.err
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_order_of_the_plugins_does_not_matter(tmp_path):
    """Generated pages are made by the plugin, hand-written ones by mkdocs-macros; neither waits
    for the other, so 'macros' before 'sop' builds the same site."""
    first = write_config(tmp_path, "a.yml", sources=SEED_SOURCES, site_dir=tmp_path / "a")
    config = project_config(sources=SEED_SOURCES, site_dir=tmp_path / "b")
    config["plugins"] = sorted(config["plugins"], key=lambda p: 0 if isinstance(p, dict) and "macros" in p else 1)
    assert [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == ["macros", "sop"]
    second = tmp_path / "b.yml"
    second.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    assert build(first).code == 0 and build(second).code == 0
    a, b = tmp_path / "a", tmp_path / "b"
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert [f for f in files if (a / f).read_bytes() != (b / f).read_bytes()] == []


def _page(config, uri: str) -> Page:
    return Page(None, File(uri, src_dir=None, dest_dir="/tmp/site", use_directory_urls=True), config)


def test_the_page_navigation_is_what_the_theme_reads():
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(REPO / "docs")})
    config.validate()
    home = _page(config, "index.md")
    own = _page(config, "sop/a/index.md")
    section = Section("Dokumen SOP", [own])
    nav = _PageNav([home, section], home)
    assert list(nav) == [home, section] and len(nav) == 2
    assert nav.items == [home, section] and nav.homepage is home
    assert _folder_of(section) == "sop" and _folder_of(home) is None
    assert _folder_of(Section("Campur", [own, _page(config, "pelaksana/b.md")])) is None
