"""Finding an SOP among many: Daftar SOP filters and sorts; site search finds nomor, title, role."""

from __future__ import annotations

import pytest

from benchmarks.corpus import generate
from tests.browser.conftest import serve
from tests.conftest import build_into

pytestmark = pytest.mark.browser  # Chromium through Playwright


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory, browser):
    work = tmp_path_factory.mktemp("temukan")
    sources = generate(work / "sop", 30, seed=11)
    result, site = build_into(work, work / "site", sources, "--strict")
    assert result.code == 0, result.err
    with serve(site) as url:
        yield url


def _natural(text: str) -> list:
    import re

    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text)]


def _rows(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('table.sop-daftar tbody tr')].filter(r => !r.hidden).map(r => ({
             nomor: r.cells[0].textContent, judul: r.cells[1].textContent, unit: r.dataset.instansi,
             jenis: r.dataset.jenis, pelaksana: r.dataset.pelaksana.split(' '), efektif: r.dataset.efektif}))"""
    )


def test_without_javascript_the_full_table_is_there(browser, corpus_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(corpus_url + "/")
    assert len(page.query_selector_all("table.sop-daftar tbody tr")) == 30
    assert not page.is_visible("form.sop-saring")
    context.close()


def test_filters_by_unit_role_and_kind(browser, corpus_url):
    page = browser.new_page()
    page.goto(corpus_url + "/")
    assert page.is_visible("form.sop-saring")
    everything = _rows(page)
    assert len(everything) == 30
    unit = everything[0]["unit"]
    page.select_option("select[data-saring=instansi]", unit)
    rows = _rows(page)
    assert rows and len(rows) == sum(r["unit"] == unit for r in everything) < 30
    assert page.inner_text(".sop-saring-hasil") == f"{len(rows)} dari 30 SOP"
    page.select_option("select[data-saring=instansi]", "")
    role = everything[3]["pelaksana"][0]
    page.select_option("select[data-saring=pelaksana]", role)
    assert {r["nomor"] for r in _rows(page)} == {r["nomor"] for r in everything if role in r["pelaksana"]}
    page.select_option("select[data-saring=pelaksana]", "")
    page.select_option("select[data-saring=jenis]", "Rutin")
    assert {r["nomor"] for r in _rows(page)} == {r["nomor"] for r in everything if r["jenis"] == "Rutin"}
    page.close()


def test_sorts_by_nomor_judul_and_tanggal(browser, corpus_url):
    page = browser.new_page()
    page.goto(corpus_url + "/")
    page.click("th[data-urut=judul] button")
    titles = [r["judul"] for r in _rows(page)]
    assert titles == sorted(titles, key=_natural)  # "Izin 5" before "Izin 18"
    page.click("th[data-urut=judul] button")
    assert [r["judul"] for r in _rows(page)] == titles[::-1]
    page.click("th[data-urut=efektif] button")
    dates = [r["efektif"] for r in _rows(page)]
    assert dates == sorted(dates)
    page.click("th[data-urut=nomor] button")
    numbers = [r["nomor"] for r in _rows(page)]
    assert numbers == sorted(numbers, key=_natural)
    page.close()


def _search(page, query: str) -> list[str]:
    page.click(".md-search__input")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent.trim())")


@pytest.mark.parametrize(
    "query, expected",
    [("205/050/01", "Mekanisme Perbaikan Data Kinerja"), ("perbaikan kinerja", "Mekanisme Perbaikan Data Kinerja"),
     ("Kepala Bidang Renum", "Mekanisme Perbaikan Data Kinerja"), ("Kasubbid Data", "Mekanisme Perbaikan Data Kinerja"),
     ("memperbaiki", "Mekanisme Perbaikan Data Kinerja")],
    ids=["nomor", "judul", "nama-jabatan", "singkatan-jabatan", "bentuk-kata"],
)
def test_site_search_finds_an_sop(browser, served, query, expected):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served["seed"] + "/")
    assert expected in _search(page, query)
    page.close()


def test_the_audit_page_filters_every_agency_table_and_sorts_each(browser, corpus_url):
    page = browser.new_page()
    page.goto(corpus_url + "/audit/")
    sections = page.query_selector_all("section.sop-audit-instansi")
    assert len(sections) >= 2
    names = [s.query_selector("h2").text_content() for s in sections]
    counts = [len(s.query_selector_all("tbody tr")) for s in sections]
    assert sum(counts) == 30
    page.select_option('select[data-saring="instansi"]', names[1])
    visible = [s for s in page.query_selector_all("section.sop-audit-instansi") if s.is_visible()]
    assert [s.query_selector("h2").text_content() for s in visible] == [names[1]]
    assert page.text_content(".sop-saring-hasil") == f"{counts[1]} dari 30 SOP"
    page.select_option('select[data-saring="instansi"]', "")
    page.select_option('select[data-saring="temuan"]', "ada")  # the generated corpus has no open findings
    assert page.text_content(".sop-saring-hasil") == "0 dari 30 SOP"
    page.select_option('select[data-saring="temuan"]', "tidak")
    assert page.text_content(".sop-saring-hasil") == "30 dari 30 SOP"
    first = page.query_selector_all("section.sop-audit-instansi")[0]
    first.query_selector('th[data-urut="judul"] button').click()
    titles = [c.text_content() for c in first.query_selector_all("tbody td.sop-daftar-judul a")]
    assert titles == sorted(titles, key=_natural) and len(titles) == counts[0]
    page.close()
