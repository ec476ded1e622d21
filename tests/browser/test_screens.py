"""The SOP page on a desktop screen and on a phone: an 8-actor table whole at 1440 px; on a 360 px phone
the procedure as a step list, the table one tap away with No and Kegiatan kept in view, and no page
wider than the screen (the SOP page, the audit)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import show_table
from tests.browser.test_phone import SPLIT_WORDS

pytestmark = pytest.mark.browser  # Chromium through Playwright

EIGHT_ACTORS = [("layar", "izin-reklame-delapan-pelaksana"), ("cetak", "izin-usaha-satu-pintu"),
                ("fixtures", "delapan-pelaksana")]

TABLE = """() => {
  const wrapper = document.querySelector('.sop-layar');
  const table = wrapper.querySelector('table.sop-prosedur');
  const w = wrapper.getBoundingClientRect();
  const heads = [...table.querySelectorAll('thead th')].map(th => {
    const b = th.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(th);
    const words = range.getBoundingClientRect();  // the text as laid out: inside its header, or sticking out
    return {text: th.textContent.trim(), left: b.left, right: b.right,
            overflow: th.textContent.trim() ? Math.max(b.left - words.left, words.right - b.right) : 0,
            actor: th.classList.contains('sop-kepala-pelaksana')};
  });
  return {scroll: wrapper.scrollWidth, client: wrapper.clientWidth, left: w.left, right: w.right, heads,
          page: document.documentElement.scrollWidth, viewport: window.innerWidth};
}"""


@pytest.mark.parametrize("site, slug", EIGHT_ACTORS, ids=[slug for _, slug in EIGHT_ACTORS])
def test_an_eight_actor_table_is_whole_at_1440_px(browser, served, site, slug):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{served[site]}/sop/{slug}/")
    m = page.evaluate(TABLE)
    split = page.evaluate(SPLIT_WORDS, ".sop-layar table.sop-prosedur thead")
    page.close()
    assert m["scroll"] <= m["client"], f"tabel {m['scroll']}px dalam {m['client']}px: bergulir ke samping"
    texts = [h["text"] for h in m["heads"]]
    for name in ("No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan", "Kelengkapan", "Waktu", "Output"):
        assert name in texts
    assert sum(h["actor"] for h in m["heads"]) == 8
    for head in m["heads"]:
        assert m["left"] - 0.5 <= head["left"] and head["right"] <= m["right"] + 0.5, head  # in view
        assert head["overflow"] <= 0, head  # no word sticks out of its header
    assert split == []  # headers break between words only


SOP_PAGES = [("seed", "/sop/perbaikan-data-kinerja/"), ("layar", "/sop/izin-reklame-delapan-pelaksana/"),
             ("fixtures", "/sop/sumber-terpotong/"), ("seed", "/audit/"), ("layar", "/audit/"), ("cetak", "/audit/")]


@pytest.mark.parametrize("site, path", SOP_PAGES, ids=[f"{s}{p}" for s, p in SOP_PAGES])
def test_nothing_is_wider_than_a_360_px_phone(browser, served, site, path):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(served[site] + path)
    widths = [page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")]
    if page.locator("label[for=sop-bacaan-tabel]").count():
        show_table(page)  # the table: wider than the screen, it scrolls in its own box
        widths.append(page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"))
    page.close()
    for scroll, viewport in widths:
        assert scroll <= viewport, f"halaman {scroll}px lebar di layar {viewport}px"


LIST = """() => {
  const list = document.querySelector('ol.sop-langkah-daftar');
  const items = [...list.querySelectorAll('li.sop-langkah')];
  const shown = e => e.getClientRects().length > 0;
  const table = document.querySelector('.sop-layar');
  return {
    list: shown(list), table: shown(table), items: items.length,
    steps: document.querySelectorAll('.sop-layar tr.sop-baris').length,
    inside: items.every(li => { const b = li.getBoundingClientRect(); return b.left >= 0 && b.right <= innerWidth; }),
    numbers: items.map(li => li.querySelector('.sop-langkah-no').textContent),
    branches: Object.fromEntries(items.map(li => [li.dataset.langkah,
      li.querySelector('[data-rinci="cabang"] dd')?.textContent ?? null])),
    tab: (() => { const b = document.querySelector('label[for=sop-bacaan-tabel]').getBoundingClientRect();
                  return b.width > 0 && b.right <= innerWidth; })(),
  };
}"""


def test_a_phone_reads_the_steps_and_the_table_is_one_tap_away(browser, served):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(f"{served['layar']}/sop/izin-reklame-delapan-pelaksana/")
    before = page.evaluate(LIST)
    page.click("label[for=sop-bacaan-tabel]")
    after = page.evaluate(LIST)
    page.click("label[for=sop-bacaan-langkah]")
    back = page.evaluate(LIST)
    page.focus("#sop-bacaan-langkah")  # by keyboard: the two readings are one radio group
    page.keyboard.press("ArrowRight")
    keyboard = page.evaluate(LIST)
    page.close()
    assert keyboard["table"] and not keyboard["list"]
    assert before["list"] and not before["table"] and before["tab"]
    assert before["items"] == before["steps"] == 11 and before["inside"]
    assert before["numbers"] == [str(n) for n in range(1, 12)]
    assert before["branches"]["2"] == "Lengkap → 3, Tidak lengkap → 1"
    assert before["branches"]["8"] == "→ selesai"
    assert after["table"] and not after["list"]
    assert back["list"] and not back["table"]


def test_a_branch_in_the_list_leads_to_its_step(browser, served):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(f"{served['layar']}/sop/izin-reklame-delapan-pelaksana/")
    page.click('li#langkah-7 a[href="#langkah-4"]')
    top = page.evaluate("document.getElementById('langkah-4').getBoundingClientRect().top")
    target = page.evaluate("location.hash")
    page.close()
    assert target == "#langkah-4" and 0 <= top < 200


STICKY = """() => {
  const wrapper = document.querySelector('.sop-layar');
  const row = wrapper.querySelector('tr.sop-baris');
  const box = e => { const b = e.getBoundingClientRect(); return [b.left, b.right]; };
  const hit = (x, y) => document.elementFromPoint(x, y)?.closest('td, th');
  const no = row.querySelector('td.sop-no'), kegiatan = row.querySelector('td.sop-kegiatan');
  const k = kegiatan.getBoundingClientRect();
  const head = wrapper.querySelector('thead th');
  const h = head.getBoundingClientRect();
  return {no: box(no), kegiatan: box(kegiatan), drawing: box(row.querySelector('td.sop-alur-sel')),
          scroll: wrapper.scrollLeft, room: wrapper.scrollWidth - wrapper.clientWidth, right: wrapper.getBoundingClientRect().right,
          onTop: hit(k.left + 5, k.top + 5) === kegiatan && hit(h.left + 5, h.top + 5) === head};
}"""


@pytest.mark.parametrize("site, slug", [("layar", "izin-reklame-delapan-pelaksana"), ("seed", "perbaikan-data-kinerja")])
def test_no_and_kegiatan_stay_in_view_while_the_table_scrolls_sideways(browser, served, site, slug):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(f"{served[site]}/sop/{slug}/")
    show_table(page)
    page.locator(".sop-layar tr.sop-baris").first.scroll_into_view_if_needed()
    before = page.evaluate(STICKY)
    page.evaluate("document.querySelector('.sop-layar').scrollLeft = 600")
    after = page.evaluate(STICKY)
    page.close()
    assert before["room"] > 600  # the table is wider than the phone
    assert after["scroll"] == 600
    assert after["no"] == before["no"] and after["kegiatan"] == before["kegiatan"]
    assert after["drawing"][0] == pytest.approx(before["drawing"][0] - 600, abs=1)  # the rest moved
    assert after["onTop"]  # drawn over what scrolls beneath them
    assert before["kegiatan"][1] <= 200  # a phone narrows Kegiatan: the table keeps room to scroll beside it


def test_print_keeps_the_table_and_drops_the_phone_reading(browser, served):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(f"{served['layar']}/sop/izin-reklame-delapan-pelaksana/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['ol.sop-langkah-daftar', '.sop-bacaan-tab', '.sop-layar', '.sop-cetak']
        .map(s => [s, document.querySelector(s).getClientRects().length > 0]))""")
    page.close()
    assert shown == {"ol.sop-langkah-daftar": False, ".sop-bacaan-tab": False, ".sop-layar": False, ".sop-cetak": True}


def test_a_wide_screen_shows_the_table_alone(browser, served):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{served['layar']}/sop/izin-reklame-delapan-pelaksana/")
    shown = page.evaluate("""() => Object.fromEntries(['ol.sop-langkah-daftar', '.sop-bacaan-tab', '#sop-bacaan-tabel', '.sop-layar']
        .map(s => [s, document.querySelector(s).getClientRects().length > 0]))""")
    focusable = page.evaluate("""() => [...document.querySelectorAll('.sop-bacaan-pilih')].some(input => {
        input.focus(); return document.activeElement === input; })""")
    page.close()
    assert shown == {"ol.sop-langkah-daftar": False, ".sop-bacaan-tab": False, "#sop-bacaan-tabel": False, ".sop-layar": True}
    assert not focusable  # no hidden control in the keyboard's way
