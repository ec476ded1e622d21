"""Valid projects that must build with --strict, with what they show pinned.

Each folder under fixtures/lulus/ changes the small valid project (see test_build_fixtures.py):
files under `sop/` and `docs/` are laid over it. `totals.txt` pins each step's waktu as printed (in the
worksheet) and every total waktu the site shows (procedure table, worksheet, checklists, role pages,
Daftar SOP), one line per page and place.
Set SOP_UPDATE_GOLDEN=1 to rewrite it after an intended change, then review the diff.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from tests.plugin.test_build_fixtures import assert_no_traceback, build

pytestmark = pytest.mark.slow  # builds a whole site

VALID_FIXTURES = Path(__file__).parent / "fixtures" / "lulus"
CASES = sorted(p.name for p in VALID_FIXTURES.iterdir() if p.is_dir())

_STEP = re.compile(r'<td class="sop-no">(\d+)\.</td>\s*<td>.*?</td>\s*<td class="sop-waktu">(.*?)</td>', re.S)
_TOTAL = re.compile(r'class="sop-total-waktu"[^>]*>(.*?)</(?:p|td)>', re.S)
_ROLE_TOTAL = re.compile(r'class="sop-ringkasan"[^>]*>.*?<strong>total waktu: (.*?)</strong>', re.S)
_INDEX_ROW = re.compile(
    r'<tr data-urutan="\d+".*?<td class="sop-daftar-nomor"[^>]*>(.*?)</td>.*<td class="sop-daftar-waktu"[^>]*>(.*?)</td>\s*</tr>',
    re.S,
)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def shown_totals(site: Path) -> list[str]:
    """'page: total' for every total waktu the built site shows, in a stable order."""
    lines = []
    for page in sorted(site.rglob("index.html")):
        where = page.parent.relative_to(site).as_posix()
        where = "/" if where == "." else where
        body = page.read_text(encoding="utf-8")
        if where.endswith("/lembar-kerja"):  # each step's waktu as printed, once per SOP
            for match in _STEP.finditer(body):
                lines.append(f"{where} langkah {match.group(1)}: {_text(match.group(2))}")
        for match in _TOTAL.finditer(body):
            lines.append(f"{where}: {_text(match.group(1))}")
        for match in _ROLE_TOTAL.finditer(body):
            lines.append(f"{where}: total waktu: {_text(match.group(1))}")
        if where == "/":
            for row in body.split("</tr>"):
                match = _INDEX_ROW.search(row + "</tr>")
                if match:
                    lines.append(f"/ Daftar SOP {_text(match.group(1))}: {_text(match.group(2))}")
    return lines


@pytest.mark.parametrize("name", CASES)
def test_valid_fixture_builds_and_shows_its_totals(tmp_path, name):
    fixture = VALID_FIXTURES / name
    run, site = build(tmp_path, "--strict", fixture=fixture)
    assert_no_traceback(run)
    assert run.code == 0, run.err
    lines = shown_totals(site)
    assert any(line.startswith("/ Daftar SOP ") for line in lines)
    expected_file = fixture / "totals.txt"
    if os.environ.get("SOP_UPDATE_GOLDEN"):
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
