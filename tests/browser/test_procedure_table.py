"""The procedure table as Chromium renders it: symbols measured against the table's rows and columns."""

from __future__ import annotations

import pytest

from tests.browser.conftest import show_table

pytestmark = pytest.mark.browser  # Chromium through Playwright

PAGES = [("seed", "perbaikan-data-kinerja")] + [
    ("fixtures", slug)
    for slug in (
        "putar-balik", "lompat-maju", "label-khusus", "langkah-bersama",
        "delapan-pelaksana", "dua-puluh-lima-langkah", "kegiatan-panjang",
        "surat-salah-alamat", "dua-akhir", "sumber-terpotong", "simbol-cabang",
    )
] + [("layar", "izin-reklame-delapan-pelaksana")]

MEASURE = """() => {
  const table = document.querySelector('.sop-layar table.sop-prosedur');
  const heads = {};
  for (const th of table.querySelectorAll('th[data-kolom]')) {
    const r = th.getBoundingClientRect(); heads[th.dataset.kolom] = [r.left, r.right];
  }
  const rows = [];
  for (const tr of table.querySelectorAll('tr.sop-baris')) {
    const r = tr.getBoundingClientRect();
    const symbols = [...table.querySelectorAll('.sop-simbol[data-langkah="' + tr.dataset.langkah + '"]')].map(s => {
      const b = s.getBoundingClientRect();
      return {kolom: s.dataset.kolom, left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width};
    });
    const alt = tr.querySelector('.sop-sr').textContent;
    rows.push({langkah: +tr.dataset.langkah, top: r.top, bottom: r.bottom, symbols, alt});
  }
  const wrapper = document.querySelector('.sop-layar');
  return {heads, rows, wrapperScroll: wrapper.scrollWidth, wrapperWidth: wrapper.clientWidth,
          pageScroll: document.documentElement.scrollWidth, viewport: window.innerWidth};
}"""


@pytest.mark.parametrize("width", [390, 1440], ids=["ponsel", "desktop"])
@pytest.mark.parametrize("site, slug", PAGES, ids=[slug for _, slug in PAGES])
def test_symbols_are_centred_in_their_row_and_actor_column(browser, served, site, slug, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{served[site]}/sop/{slug}/")
    show_table(page)
    m = page.evaluate(MEASURE)
    page.close()
    assert m["rows"], "tabel prosedur kosong"
    heights = set()
    for row in m["rows"]:
        assert row["symbols"], f"langkah {row['langkah']} tanpa simbol"
        centre = (row["top"] + row["bottom"]) / 2
        heights.add(round(row["bottom"] - row["top"]))
        for s in row["symbols"]:
            assert row["top"] < s["top"] and s["bottom"] < row["bottom"], (row["langkah"], s)
            assert abs((s["top"] + s["bottom"]) / 2 - centre) <= 1.5, (row["langkah"], s)
            left, right = m["heads"][s["kolom"]]
            assert left < s["left"] and s["right"] < right
            assert abs((s["left"] + s["right"]) / 2 - (left + right) / 2) <= 1.5, (row["langkah"], s)
        assert row["alt"].startswith("Pelaksana: ")
    if slug in ("perbaikan-data-kinerja", "kegiatan-panjang"):
        assert len(heights) > 1, "baris yang teksnya panjang harus lebih tinggi"


def test_a_narrow_screen_scrolls_the_table_instead_of_squashing_it(browser, served):
    sizes = {}
    for width in (390, 1440):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{served['seed']}/sop/perbaikan-data-kinerja/")
        show_table(page)
        m = page.evaluate(MEASURE)
        page.close()
        sizes[width] = [round(s["width"], 1) for row in m["rows"] for s in row["symbols"]]
        if width == 390:
            assert m["wrapperScroll"] > m["wrapperWidth"]  # the table scrolls sideways inside its box
            assert m["pageScroll"] <= m["viewport"] + 1  # the page itself does not
    assert sizes[390] == sizes[1440]


def test_decisions_state_their_exits_in_text(browser, served):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{served['fixtures']}/sop/label-khusus/")
    m = page.evaluate(MEASURE)
    page.close()
    alts = {row["langkah"]: row["alt"] for row in m["rows"]}
    assert alts[2] == "Pelaksana: Petugas Loket. Keputusan: Lengkap → 3, Tidak lengkap → 1."
    assert alts[3] == "Pelaksana: Kasi Verifikasi. Keputusan: Dinas → 4, Pribadi → 5."


SECOND_DECISION = """(step) => {
  const table = document.querySelector('.sop-layar table.sop-prosedur');
  const tr = table.querySelector('tr.sop-baris[data-langkah="' + step + '"]');
  const box = el => { const b = el.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const heads = {};
  for (const th of table.querySelectorAll('th[data-kolom]')) heads[th.dataset.kolom] = box(th);
  const diamonds = [...tr.querySelectorAll('.sop-simbol--keputusan[data-langkah="' + step + '"]')].map(s => ({
    ...box(s), kolom: s.dataset.kolom, which: s.closest('g.sop-keputusan-bertumpuk')?.dataset.keputusan}));
  const labels = [...tr.querySelectorAll('text.sop-label-cabang')].map(t => ({...box(t), text: t.textContent}));
  const links = [...tr.querySelectorAll('path.sop-panah-keputusan-kedua')].map(box);
  return {row: box(tr), heads, diamonds, labels, links, alt: tr.querySelector('.sop-sr').textContent,
          exits: tr.querySelector('.sop-cabang').textContent};
}"""


@pytest.mark.parametrize("width", [390, 1440], ids=["ponsel", "desktop"])
def test_a_step_with_two_decisions_draws_both_diamonds_in_its_row_joined_by_the_labelled_exit(browser, served, width):
    """Step 3 of dua-keputusan: 'lengkap?' then 'sah?', stacked in Kasi Verifikasi's column, the
    arrow between them labelled 'Lengkap'; the text names each path."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{served['fixtures']}/sop/dua-keputusan/")
    show_table(page)
    m = page.evaluate(SECOND_DECISION, 3)
    page.close()
    row, diamonds = m["row"], m["diamonds"]
    assert [d["which"] for d in diamonds] == ["1", "2"], diamonds
    first, second = diamonds
    column = m["heads"]["2"]  # Kasi Verifikasi
    for d in diamonds:
        assert d["kolom"] == "2"
        assert column["left"] < d["left"] and d["right"] < column["right"], d
        assert row["top"] < d["top"] and d["bottom"] < row["bottom"], d
    assert first["bottom"] < second["top"]  # one above the other
    assert abs((first["left"] + first["right"]) - (second["left"] + second["right"])) < 1
    [link] = m["links"]
    assert first["bottom"] - 1 <= link["top"] and link["bottom"] <= second["top"] + 1
    [label] = [t for t in m["labels"] if t["text"] == "Lengkap"]
    assert first["bottom"] <= label["top"] and label["bottom"] <= second["top"], label  # between them, on neither
    assert link["right"] <= label["left"]  # beside the arrow, not on it
    assert "Tidak lengkap → 1; Lengkap, Sah → 4; Lengkap, Tidak sah → selesai" in m["alt"]
    assert m["exits"] == "Tidak lengkap → 1; Lengkap, Sah → 4; Lengkap, Tidak sah → selesai"


BRANCH_SYMBOLS = """() => {
  const table = document.querySelector('.sop-layar table.sop-prosedur');
  const box = el => { const b = el.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const heads = {};
  for (const th of table.querySelectorAll('th[data-kolom]')) heads[th.dataset.kolom] = box(th);
  return {heads, rows: [...table.querySelectorAll('tr.sop-baris-simbol')].map(tr => ({
    row: box(tr), from: tr.dataset.cabangDari,
    cells: [...tr.children].filter(td => !td.classList.contains('sop-alur-sel')).map(td => td.textContent),
    symbols: [...tr.querySelectorAll('.sop-simbol--cabang')].map(s => ({...box(s), kolom: s.dataset.kolom})),
    texts: [...tr.querySelectorAll('text.sop-teks-simbol')].map(t => ({...box(t), text: t.textContent})),
    alt: tr.querySelector('.sop-sr').textContent,
  }))};
}"""


@pytest.mark.parametrize("width", [390, 1440], ids=["ponsel", "desktop"])
def test_a_symbol_on_a_branch_stands_in_its_column_in_a_row_without_number_or_text(browser, served, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{served['fixtures']}/sop/simbol-cabang/")
    show_table(page)
    m = page.evaluate(BRANCH_SYMBOLS)
    page.close()
    assert [(r["from"], [s["kolom"] for s in r["symbols"]]) for r in m["rows"]] == [("2", ["0"]), ("3", ["2"])]
    for r, text in zip(m["rows"], ["Melengkapi berkas", "Membuat surat penolakan"]):
        assert r["cells"] == ["", "", "", "", "", ""], r["cells"]  # No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan
        [s] = r["symbols"]
        head = m["heads"][s["kolom"]]
        assert head["left"] < s["left"] and s["right"] < head["right"]
        assert r["row"]["top"] < s["top"] and s["bottom"] < r["row"]["bottom"]
        assert abs((s["top"] + s["bottom"]) / 2 - (r["row"]["top"] + r["row"]["bottom"]) / 2) <= 1.5
        [t] = r["texts"]
        assert t["text"].replace(" ", "") == text.replace(" ", "")  # one tspan a line
        assert s["left"] < t["left"] and t["right"] < s["right"] and s["top"] < t["top"] and t["bottom"] < s["bottom"]
        assert r["alt"].startswith("Pelaksana: ") and text in r["alt"]
