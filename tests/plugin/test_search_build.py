"""The build writes the search index and the header's search box; `search: false` gives both back to
Material's own search plugin, when the site lists it."""

from __future__ import annotations

import gzip
import json
import re

import pytest
import yaml

from tests.conftest import SEED_SOURCES, build_into
from tests.harness import build, link_macros, project_config

pytestmark = pytest.mark.slow  # builds whole sites

SEED_PAGE = "sop/perbaikan-data-kinerja/index.html"


def test_the_seed_site_has_its_pagefind_index_and_the_box_in_every_header(tmp_path):
    result, site = build_into(tmp_path, tmp_path / "site", SEED_SOURCES, "--strict")
    assert result.code == 0, result.err
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["id"]["page_count"] == 1
    assert "pencarian: 1 SOP diindeks Pagefind di pagefind/" in result.err
    assert not (site / "search").exists()
    for page, root, script in ((SEED_PAGE, "../..", "../../assets/cari.js"), ("index.html", ".", "assets/cari.js")):
        html = (site / page).read_text(encoding="utf-8")
        assert f'data-sop-cari="{root}/"' in html, page
        assert f'<form class="md-search__form" action="{root}/" method="get">' in html  # without JS: Daftar SOP
        assert f'<script src="{script}" defer></script>' in html
        assert 'data-md-component="search"' not in html and 'name="search"' not in html  # Material's stays off
    assert (site / "assets/cari.js").is_file()


def test_search_false_writes_no_index_and_leaves_the_box_to_material(tmp_path):
    config = project_config(sources=SEED_SOURCES, site_dir=tmp_path / "site", search=False)
    config["plugins"].insert(0, "search")
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    link_macros(tmp_path)
    result = build(path, strict=True)
    assert result.code == 0, result.err
    site = tmp_path / "site"
    assert not (site / "pagefind").exists() and (site / "search/search_index.json").is_file()
    html = (site / SEED_PAGE).read_text(encoding="utf-8")
    assert "data-sop-cari" not in html and 'data-md-component="search"' in html


def test_the_index_holds_sop_text_escaped_and_links_the_document(tmp_path):
    result, site = build_into(tmp_path, tmp_path / "site", SEED_SOURCES, "--strict")
    assert result.code == 0, result.err
    fragments = list((site / "pagefind/fragment").glob("*.pf_fragment"))
    assert len(fragments) == 1
    data = gzip.decompress(fragments[0].read_bytes()).decode("utf-8", "replace")
    assert '"url":"/sop/perbaikan-data-kinerja/"' in data
    assert re.search(r'"title":"Mekanisme Perbaikan Data Kinerja"', data)
    assert '"nomor":"205/050/01/Bappeda & Litbang"' in data


def test_two_builds_of_a_corpus_give_the_same_index(tmp_path):
    from benchmarks.corpus import generate

    sources = generate(tmp_path / "sop", 15, seed=3)
    bundles = []
    for name in ("a", "b"):
        result, site = build_into(tmp_path, tmp_path / name, sources)
        assert result.code == 0, result.err
        bundle = site / "pagefind"
        bundles.append({str(p.relative_to(bundle)): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()})
    assert len(bundles[0]) > 10 and bundles[0] == bundles[1]
