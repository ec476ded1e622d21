"""A generated corpus (30 SOPs in 3 agencies): valid, builds strictly, nav grouped by agency."""

from __future__ import annotations

import json
import re

import pytest

from benchmarks.corpus import generate
from tests.conftest import build_into
from tests.plugin.test_site_build import page_text as page_text_of

pytestmark = pytest.mark.slow  # builds a whole site


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("corpus")
    sources = generate(work / "sop", 30, seed=7)
    result, site = build_into(work, work / "site", sources, "--strict")
    assert result.code == 0, result.err
    return sources, site


def test_the_generator_is_deterministic_and_valid(tmp_path, run_sop):
    a = generate(tmp_path / "a", 30, seed=7)
    b = generate(tmp_path / "b", 30, seed=7)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.yml"))
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*.yml"))
    assert all((a / p).read_bytes() == (b / p).read_bytes() for p in files_a)
    assert len({p.parent for p in files_a if p.parent.name}) == 3  # one sub-folder per agency
    check = run_sop("check", str(a))
    assert check.code == 0, check.out
    assert check.lines[-1] == "LULUS: 30 SOP diperiksa, 0 galat, 0 peringatan."


def test_nav_groups_sops_by_agency(corpus_site):
    sources, site = corpus_site
    agencies = [p.name for p in sorted(sources.iterdir()) if p.is_dir()]
    import html

    import yaml

    page = next((site / "sop").glob("*/lembar-kerja/index.html")).read_text(encoding="utf-8")
    primary = page[page.index("md-nav--primary"):page.index('class="md-content"')]
    entries = [html.unescape(e.strip()) for e in re.findall(r'md-ellipsis">\s*([^<]+?)\s*<', primary)]
    names = yaml.safe_load((sources / "_instansi.yml").read_text(encoding="utf-8"))
    labels = sorted(names[a]["nama"] for a in agencies)
    own_sop = html.unescape(re.search(r'SOP <a href="[^"]*">([^<]*)</a>', page).group(1))
    assert own_sop in entries
    shown = [e for e in entries if e in labels]
    assert len(shown) == 1  # a page's nav holds its own agency's branch only: no page grows with N
    link = re.search(r'<a href="([^"]+)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*Dokumen SOP\s*<', primary)
    assert link and link.group(1) == "../../"  # the section opens /sop/, the list of every unit
    units = page_text_of(site / "sop/index.html")
    positions = [units.find(label) for label in labels]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)  # /sop/ lists every unit
    for slug in (p.stem for p in sources.rglob("*.yml") if not p.name.startswith("_")):
        assert f'href="{slug}/"' in (site / "sop/index.html").read_text(encoding="utf-8")


def test_pages_stay_at_sop_slug_and_are_not_bloated_by_navigation(corpus_site):
    sources, site = corpus_site
    slugs = sorted(p.stem for p in sources.rglob("*.yml") if not p.name.startswith("_"))
    assert sorted(p.parent.name for p in (site / "sop").glob("*/index.html")) == slugs
    sizes = [p.stat().st_size for p in (site / "sop").glob("*/checklist/*/index.html")]
    assert max(sizes) < 60_000  # pruned navigation: a page does not carry every SOP's entry


def test_only_the_sop_documents_are_in_the_search_index(corpus_site):
    """One Pagefind record per published SOP: the views, role pages and hand-written pages are not."""
    sources, site = corpus_site
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    published = sorted(p.parent.name for p in (site / "sop").glob("*/index.html"))
    assert entry["languages"]["id"]["page_count"] == len(published)
    assert not (site / "search/search_index.json").exists()