"""The header search box over the Pagefind index, as a reader uses it: nothing fetched until the box
is used; a nomor, a title word, a word form and a role name find the right SOP first; filters narrow;
on a phone it opens from the header; SOP text in a result is text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.corpus import generate
from tests.browser.conftest import serve
from tests.conftest import build_into

pytestmark = pytest.mark.browser  # Chromium through Playwright

HOSTILE = '<img src=x onerror="window.diserang=1">Pemusnahan <b>Arsip</b> Rahasia'


def _sources(target: Path) -> Path:
    """A generated corpus of three agencies; one SOP's title and step carry markup."""
    generate(target, 24, seed=5)
    path = sorted(target.rglob("*.yml"))[-1]
    sop = yaml.safe_load(path.read_text(encoding="utf-8"))
    sop["judul"] = HOSTILE
    sop["langkah"][0]["kegiatan"] = "Memusnahkan arsip <script>window.diserang=2</script> sesuai jadwal retensi"
    path.write_text(yaml.safe_dump(sop, allow_unicode=True, sort_keys=False), encoding="utf-8")
    path = sorted(target.rglob("*.yml"))[-2]
    sop = yaml.safe_load(path.read_text(encoding="utf-8"))
    sop["langkah"][1]["kegiatan"] = "Petugas memperbaiki berkas yang belum lengkap"
    path.write_text(yaml.safe_dump(sop, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, browser):
    work = tmp_path_factory.mktemp("cari")
    sources = _sources(work / "sop")
    result, site = build_into(work, work / "site", sources, "--strict")
    assert result.code == 0, result.err
    sops = {}
    for path in sorted(sources.rglob("*.yml")):
        if not path.name.startswith("_"):
            sops[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    roles = yaml.safe_load((sources / "_jabatan.yml").read_text(encoding="utf-8"))
    with serve(site) as url:
        yield {"url": url, "sops": sops, "roles": roles}


def _open(browser, url: str, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, fetched


def _search(page, query: str) -> list[str]:
    """Type `query` in the header box; the result titles once the count is shown for it."""
    if page.viewport_size["width"] < 960:
        page.click('label.md-header__button[for="__search"]')
    else:
        page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.wait_for_function("() => /cocok$/.test(document.querySelector('[data-sop-cari-pesan]').textContent)")
    return page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent.trim())")


def _result_urls(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => new URL(e.href).pathname)")


def test_no_search_data_is_fetched_until_the_box_is_used(browser, corpus):
    slug = next(iter(corpus["sops"]))
    for path in ("/", f"/sop/{slug}/"):
        page, fetched = _open(browser, corpus["url"] + path)
        assert not [u for u in fetched if "/pagefind/" in u or "search_index" in u], path
        page.click(".md-search__input")  # focusing the box starts loading Pagefind and its word list
        for _ in range(100):
            if [u for u in fetched if u.endswith(".pf_meta")]:
                break
            page.wait_for_timeout(100)
        assert [u for u in fetched if u.endswith("/pagefind/pagefind.js")]
        assert [u for u in fetched if u.endswith(".pf_meta")], fetched
        page.context.close()


@pytest.mark.parametrize("how", ["nomor", "nomor-sebagian", "judul", "jabatan"])
def test_the_right_sop_comes_first(browser, corpus, how):
    slug, sop = sorted(corpus["sops"].items())[3]
    query = {
        "nomor": sop["nomor"],
        "nomor-sebagian": "/".join(sop["nomor"].split("/")[:2]),  # e.g. 800/0004
        "judul": sop["judul"],
        "jabatan": corpus["roles"][sop["pelaksana"][0]]["singkatan"],  # e.g. "Kasubbag Keuangan"
    }[how]
    page, _ = _open(browser, corpus["url"] + "/")
    titles = _search(page, query)
    if how == "jabatan":  # a role acts in several SOPs: they come first, this one among them
        acting = {s["judul"] for s in corpus["sops"].values() if sop["pelaksana"][0] in s["pelaksana"]}
        assert sop["judul"] in acting and len(acting) <= 10
        assert set(titles[:len(acting)]) == acting, (query, titles)
    else:
        assert titles[0] == sop["judul"], (query, titles)
        assert _result_urls(page)[0] == f"/sop/{slug}/"
    page.context.close()


def test_word_forms_are_found_through_indonesian_stemming(browser, corpus):
    """Pagefind's Indonesian stemmer: 'perbaikan' finds the one step that says 'memperbaiki'."""
    fixed = [s["judul"] for s in corpus["sops"].values() if "memperbaiki" in s["langkah"][1]["kegiatan"]]
    page, _ = _open(browser, corpus["url"] + "/")
    assert _search(page, "perbaikan") == fixed
    assert page.inner_text(".md-search-result__item p:last-child mark") == "memperbaiki"
    page.context.close()


def test_filters_narrow_the_results(browser, corpus):
    page, fetched = _open(browser, corpus["url"] + "/")
    _search(page, "surat")
    assert not [u for u in fetched if u.endswith(".pf_filter")]  # a search alone does not fetch them
    before = int(page.inner_text("[data-sop-cari-pesan]").split()[0])
    page.click(".sop-cari-saring summary")  # the filters' data is fetched now
    page.wait_for_selector('select[data-sop-cari-filter="instansi"]')
    agencies = page.eval_on_selector_all('select[data-sop-cari-filter="instansi"] option', "o => o.map(x => x.value)")
    assert len(agencies) == 4  # Semua and three agencies
    page.select_option('select[data-sop-cari-filter="instansi"]', agencies[1])
    page.wait_for_function(
        f"() => {{ const t = document.querySelector('[data-sop-cari-pesan]').textContent; "
        f"return /cocok$/.test(t) && !t.startsWith('{before} '); }}")
    after = int(page.inner_text("[data-sop-cari-pesan]").split()[0])
    assert 0 < after < before
    facts = page.eval_on_selector_all(".sop-cari-nomor", "els => els.map(e => e.textContent)")
    assert facts and all(f.endswith(agencies[1]) for f in facts)
    expected = sum(1 for s in corpus["sops"].values() if "surat" in s["judul"].lower())
    assert after <= before and expected  # the corpus has letters in several agencies
    assert page.inner_text(".sop-cari-saring summary") == "Saring hasil (1 aktif)"
    page.context.close()


def test_on_a_phone_the_box_opens_from_the_header(browser, corpus):
    page, _ = _open(browser, corpus["url"] + "/", width=360)
    titles = _search(page, "surat")
    assert page.evaluate("() => document.activeElement.matches('.md-search__input')")
    assert titles
    box = page.locator(".md-search-result__item").first.bounding_box()
    assert box["x"] >= -1 and box["x"] + box["width"] <= 361 and box["y"] < 900  # within the screen (±1 px)
    page.keyboard.press("Escape")  # closes the box, as Material's own does
    assert page.evaluate("() => !document.getElementById('__search').checked")
    assert not page.evaluate("() => document.activeElement.matches('.md-search__input')")
    page.context.close()


def test_sop_text_in_a_result_is_text(browser, corpus):
    page, _ = _open(browser, corpus["url"] + "/")
    titles = _search(page, "pemusnahan arsip")
    assert titles[0] == HOSTILE
    assert page.evaluate("() => window.diserang") is None
    assert page.locator(".md-search-result__list img, .md-search-result__list script, .md-search-result__list b").count() == 0
    page.context.close()
