"""Phones (360 and 390 px) and wide screens, as Chromium lays the pages out: nothing but the procedure
table scrolls sideways, no word is split across lines, the identity block stacks, Daftar SOP is one card
per SOP with working filters, and its header states the order the rows are really in."""

from __future__ import annotations

import contextlib

import pytest

from tests.browser.conftest import FLOWCHART_FIXTURES, serve
from tests.conftest import SEED_SOURCES, build_into

pytestmark = pytest.mark.browser  # Chromium through Playwright

PHONES = [360, 390]
SOP = "/sop/perbaikan-data-kinerja/"
CHECKLIST = "/sop/perbaikan-data-kinerja/checklist/kabid-renum/"
PAGES = {  # (site, path): what on that page must keep its words whole
    ("seed", SOP): ".sop-identitas-blok, .sop-langkah-daftar",  # a phone opens the procedure on its step list
    ("layar", "/sop/izin-reklame-delapan-pelaksana/"): ".sop-identitas-blok, .sop-langkah-daftar",
    ("seed", "/"): ".sop-daftar-wadah",
    ("fixtures", "/"): ".sop-daftar-wadah",
    ("seed", CHECKLIST): ".sop-ceklis",
    ("fixtures", "/sop/label-khusus/checklist/kasi-verifikasi/"): ".sop-ceklis",
}

# Every run of letters and digits under the selected elements whose text Chromium laid out on more than one
# line: a word broken where it has no hyphenation point (a break at a space, '/' or '-' splits no run).
SPLIT_WORDS = """(selector) => {
  const split = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
          split.push(m[0] + " in " + node.parentElement.closest('[class]').className);
        }
      }
    }
  }
  return split;
}"""

WORDS = """(selector) => {
  let n = 0;
  for (const root of document.querySelectorAll(selector)) n += (root.textContent.match(/[\\p{L}\\p{N}]{2,}/gu) || []).length;
  return n;
}"""

PAGE_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(url)
    return page


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("site, path", list(PAGES), ids=[f"{s}{p}" for s, p in PAGES])
def test_a_phone_never_scrolls_the_page_sideways_nor_splits_a_word(browser, served, site, path, width):
    page = _open(browser, served[site] + path, width)
    scroll, viewport = page.evaluate(PAGE_WIDTH)
    assert page.evaluate(WORDS, PAGES[site, path]) > 5  # the selector finds the text it is meant to
    split = page.evaluate(SPLIT_WORDS, PAGES[site, path])
    page.close()
    assert scroll <= viewport, f"halaman {scroll}px lebar di layar {viewport}px"
    assert split == []


IDENTITY = """() => {
  const box = e => e.getBoundingClientRect();
  const th = [...document.querySelectorAll('table.sop-identitas th')].find(t => t.textContent.trim() === 'Nomor SOP');
  const pair = document.querySelector('table.sop-rincian tbody.sop-pasangan').rows[0].cells;
  return {
    nomor: box(th.nextElementSibling).width,
    nomorText: th.nextElementSibling.textContent,
    signer: box(document.querySelector('.sop-pengesah-nama')).width,
    kopBottom: box(document.querySelector('td.sop-kop')).bottom,
    nomorTop: box(th).top,
    left: [box(pair[0]).left, box(pair[1]).left],
    tops: [box(pair[0]).top, box(pair[1]).top],
    bottoms: [box(pair[0]).bottom, box(pair[1]).bottom],
  };
}"""


@pytest.mark.parametrize("width", PHONES)
def test_a_phone_stacks_the_identity_block(browser, served, width):
    page = _open(browser, served["seed"] + SOP, width)
    m = page.evaluate(IDENTITY)
    page.close()
    assert m["nomorText"] == "205/050/01/Bappeda & Litbang"
    assert m["nomor"] >= 150 and m["signer"] >= 150, m
    assert m["kopBottom"] <= m["nomorTop"] + 1  # the kop above the identity table, not beside it
    assert m["left"][0] == m["left"][1] and m["tops"][1] >= m["bottoms"][0] - 1  # the grid: one column


def test_a_wide_screen_keeps_the_kop_beside_the_identity_table(browser, served):
    page = _open(browser, served["seed"] + SOP, 1440)
    m = page.evaluate(IDENTITY)
    page.close()
    assert m["kopBottom"] > m["nomorTop"] and m["tops"][0] == m["tops"][1]


# Material enlarges the root font on wide screens (137.5 % from 1600 px, 150 % from 2000 px): the text
# columns of the procedure table grow with it.
@pytest.mark.parametrize("width", [1440, 1920, 2560])
@pytest.mark.parametrize(
    "site, slug", [("seed", "perbaikan-data-kinerja"), ("fixtures", "delapan-pelaksana"), ("fixtures", "kegiatan-panjang")]
)
def test_a_wide_screen_splits_no_word_of_the_procedure_table(browser, served, site, slug, width):
    page = _open(browser, f"{served[site]}/sop/{slug}/", width)
    assert page.evaluate(WORDS, ".sop-layar table.sop-prosedur") > 50
    split = page.evaluate(SPLIT_WORDS, ".sop-layar table.sop-prosedur")
    page.close()
    assert split == []


DAFTAR = """() => {
  const rows = [...document.querySelectorAll('table.sop-daftar tbody tr')];
  const shown = rows.filter(r => r.getClientRects().length > 0);
  const wadah = document.querySelector('.sop-daftar-wadah').getBoundingClientRect();
  return {
    rows: rows.length,
    shown: shown.map(r => r.querySelector('.sop-daftar-nomor').textContent),
    output: document.querySelector('.sop-saring-hasil').textContent,
    cards: shown.map(r => { const b = r.getBoundingClientRect(); return [b.left, b.right]; }),
    titleFirst: shown.every(r => r.querySelector('.sop-daftar-judul').getBoundingClientRect().top
                                 < r.querySelector('.sop-daftar-nomor').getBoundingClientRect().top),
    wadah: [wadah.left, wadah.right],
    sort: [...document.querySelectorAll('table.sop-daftar th[data-urut]')].map(th => {
      const b = th.querySelector('button.sop-urut').getBoundingClientRect();
      return [th.dataset.urut, b.width > 0 && b.right <= window.innerWidth];
    }),
  };
}"""


def test_daftar_sop_on_a_phone_is_one_card_per_sop_and_its_filters_work(browser, served):
    page = _open(browser, served["fixtures"] + "/", 360)
    m = page.evaluate(DAFTAR)
    count = len([p for p in FLOWCHART_FIXTURES.glob("*.yml") if not p.name.startswith("_")])
    assert m["rows"] == len(m["shown"]) == count and m["output"] == f"{count} dari {count} SOP"
    assert m["titleFirst"]
    for left, right in m["cards"]:  # each card the width of the list, inside the screen
        assert abs(left - m["wadah"][0]) <= 1 and abs(right - m["wadah"][1]) <= 1 and right <= 360
    assert all(visible for _, visible in m["sort"]) and {"nomor", "judul"} <= {k for k, _ in m["sort"]}

    page.fill('input[data-saring="teks"]', "pemeriksaan")
    m = page.evaluate(DAFTAR)
    pemeriksaan = ["503/001/DPMPTSP", "503/003/DPMPTSP", "503/007/DPMPTSP", "503/012/DPMPTSP", "503/014/DPMPTSP"]
    assert m["shown"] == pemeriksaan and m["output"] == f"5 dari {count} SOP"
    page.fill('input[data-saring="teks"]', "")
    page.select_option('select[data-saring="pelaksana"]', "sekretaris")
    m = page.evaluate(DAFTAR)
    with_secretary = m["shown"]
    assert {"503/005/DPMPTSP", "503/006/DPMPTSP"} <= set(with_secretary) and len(with_secretary) < m["rows"]

    page.click('th[data-urut="nomor"] button')
    page.click('th[data-urut="nomor"] button')  # descending
    assert page.evaluate(DAFTAR)["shown"] == sorted(with_secretary, reverse=True)
    page.close()


@pytest.fixture(scope="module")
def two_agencies(served, tmp_path_factory):
    """The seed and the flowchart fixtures in one site: two agencies, the seed's number changed so that
    the agency order and the number order differ (Badan … 900/… comes before Dinas … 503/…)."""
    work = tmp_path_factory.mktemp("dua-instansi")
    sources = work / "sumber"
    sources.mkdir()
    for folder in (FLOWCHART_FIXTURES, SEED_SOURCES):
        for path in sorted(folder.glob("*.yml")):
            target = sources / path.name
            text = path.read_text(encoding="utf-8")
            if target.exists():  # registries: the two folders' keys do not overlap
                text = target.read_text(encoding="utf-8") + "\n" + text
            target.write_text(text, encoding="utf-8")
    sop = sources / "perbaikan-data-kinerja.yml"
    sop.write_text(sop.read_text(encoding="utf-8").replace("nomor: 205/050/01/", "nomor: 900/050/01/", 1), encoding="utf-8")
    result, site = build_into(work, work / "situs", sources, "--strict")
    assert result.code == 0, result.err
    with contextlib.ExitStack() as stack:
        yield stack.enter_context(serve(site))


ORDER = """() => ({
  rows: [...document.querySelectorAll('table.sop-daftar tbody tr')].map(r => r.querySelector('.sop-daftar-nomor').textContent),
  sorted: [...document.querySelectorAll('table.sop-daftar th[aria-sort]')].map(th => [th.dataset.urut, th.getAttribute('aria-sort')]),
})"""


@pytest.mark.parametrize("width", [360, 1440])
def test_daftar_sop_states_the_order_its_rows_are_in(browser, two_agencies, width):
    page = _open(browser, two_agencies + "/", width)
    first = page.evaluate(ORDER)
    assert first["rows"][0] == "900/050/01/Bappeda & Litbang"  # the Badan before the Dinas, not by number
    assert len(first["sorted"]) == 1
    key, direction = first["sorted"][0]
    assert direction == "ascending"
    button = f'th[data-urut="{key}"] button'
    page.click(button)  # the other way round, then back: the order the page opened in
    assert page.evaluate(ORDER)["rows"] == first["rows"][::-1]
    page.click(button)
    assert page.evaluate(ORDER) == first
    page.click('th[data-urut="nomor"] button')
    by_number = page.evaluate(ORDER)
    page.close()
    assert by_number["sorted"] == [["nomor", "ascending"]] and by_number["rows"][-1] == "900/050/01/Bappeda & Litbang"
