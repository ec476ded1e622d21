"""A swimlane of eight lanes, wider than any screen: every lane can be reached inside its frame (whose
scroll bar fits the window), or the whole diagram fitted to the frame's width, at 1440 px and 360 px."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser  # Chromium through Playwright

LANES = ["Pemohon", "Petugas Front Office", "Petugas Back Office", "Tim Teknis", "Kepala Seksi", "Kepala Bidang",
         "Kepala Dinas", "Kasir"]
STATE = """() => {
  const frame = document.querySelector('.sop-swimlane');
  const box = frame.getBoundingClientRect();
  const lanes = [...frame.querySelectorAll('g.node.sop-lajur')].map(g => {
    const r = g.getBoundingClientRect();
    return {name: g.querySelector('text').textContent.trim(), left: r.left, right: r.right,
            visible: r.left >= box.left - 1 && r.right <= box.right + 1};
  });
  const hint = document.querySelector('.sop-swimlane-petunjuk');
  return {
    frameHeight: box.height, frameWidth: frame.clientWidth, scrollWidth: frame.scrollWidth,
    overflowX: getComputedStyle(frame).overflowX, svgWidth: frame.querySelector('svg').getBoundingClientRect().width,
    lanes, hint: hint && hint.offsetParent !== null ? hint.textContent : '',
    page: document.documentElement.scrollWidth,
  };
}"""


REACH = """k => {
  const frame = document.querySelector('.sop-swimlane');
  const lane = frame.querySelectorAll('g.node.sop-lajur')[k].getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  frame.scrollLeft += (lane.left + lane.right) / 2 - (box.left + box.right) / 2;
}"""


@pytest.mark.parametrize("width", [1440, 360])
def test_every_lane_of_a_wide_swimlane_can_be_reached(browser, served, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{served['cetak']}/sop/izin-usaha-satu-pintu/swimlane/")
    start = page.evaluate(STATE)
    assert [lane["name"] for lane in start["lanes"]] == LANES
    assert start["page"] <= width, "the page itself scrolls sideways"
    # wider than the screen: a scroller no taller than the window (its scroll bar in view), with a hint
    assert start["scrollWidth"] > start["frameWidth"] and start["overflowX"] in ("auto", "scroll"), start
    assert start["frameHeight"] <= 800, start
    assert "8 lajur" in start["hint"] and "geser" in start["hint"], start
    assert not start["lanes"][-1]["visible"], start
    # each lane in turn scrolled into the frame's middle is wholly in view (the last one too)
    for k, name in enumerate(LANES):
        page.evaluate(REACH, k)
        lane = page.evaluate(STATE)["lanes"][k]
        assert lane["visible"], (name, lane)
    # fitted: the whole width in the frame, every lane in view at once
    page.evaluate("document.querySelector('.sop-swimlane').scrollLeft = 0")
    page.click("label[for=sop-swimlane-paskan]")
    fitted = page.evaluate(STATE)
    page.close()
    assert fitted["svgWidth"] <= fitted["frameWidth"] + 1, fitted
    assert all(lane["visible"] for lane in fitted["lanes"]), fitted
    assert fitted["page"] <= width
