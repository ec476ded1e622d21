"""The site's stylesheet, scripts and fonts come from the installed package (macros/plugin/static/):
an agency's repository holds sop/, its own docs/ pages and a mkdocs.yml naming none of them. An older
repository that still names them in mkdocs.yml, or still holds a copy in docs/, builds the same site."""

from __future__ import annotations

import filecmp
import glob
import logging
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files

from macros.plugin import assets
from tests.conftest import REPO, SEED_SOURCES
from tests.harness import build, link_macros, project_config

SHIPPED = assets.shipped()
FONTS = [uri for uri in SHIPPED if uri.startswith("assets/fonts/")]


def _config(docs: Path, **settings) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(docs), "site_dir": str(docs.parent / "site")} | settings)
    errors, _ = config.validate()
    assert not errors, errors
    return config


# --- what ships ---------------------------------------------------------------------------------------------

def test_the_package_ships_the_site_assets():
    assert {"assets/sop.css", "assets/daftar.js", "assets/cari.js", "assets/fonts/OFL.txt"} <= set(SHIPPED)
    assert FONTS and all(uri.endswith((".woff2", "OFL.txt")) for uri in FONTS)
    assert set(assets.STYLESHEETS) | set(assets.SCRIPTS) <= set(SHIPPED)
    assert not (REPO / "docs" / "assets").exists()  # nothing of ours left for an agency to copy


def test_the_wheel_takes_every_file_the_package_reads():
    """Every file of macros/ that is not Python is matched by pyproject's package-data (as setuptools
    globs it), so an installed package has its templates, stylesheet, scripts and fonts."""
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    matched: set[Path] = set()
    for package, patterns in data.items():
        folder = REPO.joinpath(*package.split("."))
        for pattern in patterns:
            matched |= {Path(p).resolve() for p in glob.glob(str(folder / pattern), recursive=True) if Path(p).is_file()}
    package_files = {p.resolve() for p in (REPO / "macros").rglob("*")
                     if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert package_files - matched == set()
    assert {(assets.STATIC / uri).resolve() for uri in SHIPPED} <= matched


# --- the pages link them ----------------------------------------------------------------------------------

@pytest.mark.parametrize("written, expected", [
    ([], ["assets/sop.css"]),
    (["assets/sop.css"], ["assets/sop.css"]),  # an older mkdocs.yml: the same pages
    (["assets/dinas.css"], ["assets/sop.css", "assets/dinas.css"]),  # the site's own after ours, to restyle it
    (["assets/dinas.css", "assets/sop.css"], ["assets/sop.css", "assets/dinas.css"]),
])
def test_our_stylesheet_comes_first_and_once(tmp_path, written, expected):
    (tmp_path / "docs").mkdir()
    config = _config(tmp_path / "docs", extra_css=written)
    assets.link(config)
    assert [str(css) for css in config.extra_css] == expected
    assets.link(config)  # `mkdocs serve` runs on_config at every rebuild
    assert [str(css) for css in config.extra_css] == expected


def test_our_script_comes_first_and_once_whatever_form_the_site_wrote(tmp_path):
    (tmp_path / "docs").mkdir()
    config = _config(tmp_path / "docs", extra_javascript=[{"path": "assets/daftar.js", "defer": True}, "assets/dinas.js",
                                                          {"path": "assets/modul.mjs"}])
    assets.link(config)
    assert [str(js) for js in config.extra_javascript] == ["assets/daftar.js", "assets/dinas.js", "assets/modul.mjs"]


# --- the files are published ------------------------------------------------------------------------------

def test_the_package_files_are_published_and_the_sites_own_kept(tmp_path, caplog):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n", encoding="utf-8")
    (docs / "assets" / "logo.png").write_bytes(b"\x89PNG logo dinas")
    config = _config(docs)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.sop"):
        files = assets.publish(get_files(config), config)
    for uri in SHIPPED:
        assert Path(files.get_file_from_path(uri).abs_src_path) == assets.STATIC / uri
    assert Path(files.get_file_from_path("assets/logo.png").abs_src_path) == docs / "assets" / "logo.png"
    assert not caplog.records  # nothing to say


def test_an_old_copy_in_docs_gives_way_to_the_package_with_one_line(tmp_path, caplog, monkeypatch):
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    for uri in ["assets/sop.css", "assets/daftar.js", *FONTS]:
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_bytes(b"/* salinan lama */")
    config = _config(docs)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.sop"):
        files = assets.publish(get_files(config), config)
    for uri in SHIPPED:
        assert Path(files.get_file_from_path(uri).abs_src_path) == assets.STATIC / uri
    assert len([f for f in files if f.src_uri == "assets/sop.css"]) == 1
    assert [record.getMessage() for record in caplog.records] == [
        "docs/assets/daftar.js:1:1: SOP-B004 peringatan: salinan aset situs yang kini dibawa paket sop-as-code "
        f"diabaikan: docs/assets/daftar.js, docs/assets/fonts/, docs/assets/sop.css ({2 + len(FONTS)} berkas); "
        "situs memakai milik paket yang terpasang: hapus salinan itu "
        "(gaya sendiri ditulis di berkas lain yang disebut extra_css di mkdocs.yml)"
    ]


def test_a_folder_copied_in_part_is_named_file_by_file(tmp_path, caplog, monkeypatch):
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    (docs / "assets" / "fonts").mkdir(parents=True)
    (docs / FONTS[0]).write_bytes(b"x")
    config = _config(docs)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.sop"):
        assets.publish(get_files(config), config)
    assert len(caplog.records) == 1
    assert f"diabaikan: docs/{FONTS[0]} (1 berkas)" in caplog.records[0].getMessage()


# --- whole builds -----------------------------------------------------------------------------------------

def _agency(work: Path, *, old: bool = False) -> Path:
    """An agency's repository: sop/, docs/index.md and mkdocs.yml, nothing copied from the project.
    `old`: as the project's first version had them: mkdocs.yml naming our assets, docs/ a copy."""
    docs = work / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_bytes((REPO / "docs" / "index.md").read_bytes())
    config = project_config(sources=SEED_SOURCES, site_dir=work / "site", docs_dir=docs)
    assert "extra_css" not in config and "extra_javascript" not in config
    if old:
        config |= {"extra_css": ["assets/sop.css"], "extra_javascript": ["assets/daftar.js"]}
        for uri in SHIPPED:
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_bytes(b"/* salinan lama */\n" + (assets.STATIC / uri).read_bytes())
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    link_macros(work)
    return path


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_an_agency_repository_with_no_copy_builds_the_site_an_old_one_builds(tmp_path):
    new, old = _agency(tmp_path / "baru"), _agency(tmp_path / "lama", old=True)
    new_run, old_run = build(new, strict=True), build(old, strict=True)
    assert new_run.code == 0, new_run.err
    assert old_run.code == 0, old_run.err  # --strict too: the copies are reported, the site is right
    new_site, old_site = _tree(tmp_path / "baru" / "site"), _tree(tmp_path / "lama" / "site")
    assert new_site == old_site
    for uri in SHIPPED:
        assert filecmp.cmp(tmp_path / "baru" / "site" / uri, assets.STATIC / uri, shallow=False), uri
    for page, prefix in (("index.html", ""), ("sop/perbaikan-data-kinerja/index.html", "../../")):
        html = new_site[page].decode("utf-8")
        assert html.count(f'<link rel="stylesheet" href="{prefix}assets/sop.css">') == 1, page
        assert html.count(f'<script src="{prefix}assets/daftar.js"></script>') == 1, page
        assert html.count(f'<script src="{prefix}assets/cari.js" defer></script>') == 1, page
    assert "SOP-B004" not in new_run.err
    assert [line for line in old_run.err.splitlines() if "SOP-B004" in line] == [
        "INFO    -  docs/assets/cari.js:1:1: SOP-B004 peringatan: salinan aset situs yang kini dibawa "
        f"paket sop-as-code diabaikan: docs/assets/cari.js, docs/assets/daftar.js, "
        f"docs/assets/fonts/, docs/assets/sop.css ({len(SHIPPED)} berkas); "
        "situs memakai milik paket yang terpasang: hapus salinan itu "
        "(gaya sendiri ditulis di berkas lain yang disebut extra_css di mkdocs.yml)"
    ]


def test_serve_watches_the_shipped_files(tmp_path):
    """Editing the package's stylesheet under `mkdocs serve` rebuilds, as editing docs/ did."""
    from macros.plugin.plugin import SopPlugin

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str, *args, **kwargs) -> None:
            self.watched.append(path)

    class Observer:
        def schedule(self, *args, **kwargs) -> None:
            pass

    (tmp_path / "sop").mkdir()
    (tmp_path / "docs").mkdir()
    plugin = SopPlugin()
    errors, _ = plugin.load_config({"sources": str(tmp_path / "sop")})
    assert not errors, errors
    server = Server()
    server.observer = Observer()
    plugin.on_serve(server, config=SimpleNamespace(docs_dir=str(tmp_path / "docs")), builder=None)
    assert str(assets.STATIC) in server.watched
