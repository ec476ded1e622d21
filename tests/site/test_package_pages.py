"""The package's own pages, Kode Pemeriksaan and Format Sumber: made by the plugin on every site, and
left to the agency where its docs/ still holds a page at that address (an older copy of Kode
Pemeriksaan: docs/ is the agency's, nothing there is replaced)."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from macros.codes import CATALOGUE
from macros.site.package_pages import codes_page
from macros.site.pages import without_own_pages
from macros.urls import PageKind, PageRef
from tests.conftest import REPO, SEED_SOURCES, build_into

# docs/kode-pemeriksaan.md as the project shipped it before the plugin made the page
OLD_CODES_PAGE = """---
title: Kode Pemeriksaan
---

# Kode Pemeriksaan

Setiap temuan pemeriksa `sop check` dicetak sebagai `path:baris:kolom: KODE tingkat: pesan`.
Kode berikut tetap maknanya; *galat* menggagalkan pemeriksaan, *peringatan* tidak
(kecuali dengan `--strict`).

{{ daftar_kode() }}
"""


def test_the_codes_page_lists_every_code_with_its_severity_and_meaning():
    rows = re.findall(r"<tr><td><code>([^<]+)</code></td><td>([^<]+)</td><td>([^<]*)</td></tr>", str(codes_page()))
    assert [(code, severity, html.unescape(summary)) for code, severity, summary in rows] == \
        [(c.code, c.severity.value, c.summary) for c in CATALOGUE.values()]


def test_a_docs_page_at_a_package_page_address_keeps_its_place():
    pages = {ref.src_uri: ref for ref in (PageRef(PageKind.CODES), PageRef(PageKind.FORMAT), PageRef(PageKind.AUDIT))}
    kept, own = without_own_pages(pages, {"index.md", "kode-pemeriksaan.md", "audit/index.md"})
    assert own == ["kode-pemeriksaan.md"]  # only the package's site pages yield
    assert list(kept) == ["format-sumber.md", "audit/index.md"]


def _article(page: str) -> str:
    return page.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


@pytest.mark.slow
def test_a_site_without_the_page_in_docs_gets_the_packages_and_an_old_copy_still_builds(tmp_path):
    new_docs = tmp_path / "docs-baru"
    shutil.copytree(REPO / "docs", new_docs)
    assert not (new_docs / "kode-pemeriksaan.md").exists()
    run, site = build_into(tmp_path, tmp_path / "baru", SEED_SOURCES, "--strict", docs_dir=new_docs)
    assert run.code == 0, run.err
    generated = (site / "kode-pemeriksaan" / "index.html").read_text(encoding="utf-8")
    assert "SOP-B003" in generated and (site / "format-sumber" / "index.html").exists()
    assert "halaman di docs/ ini dipakai" not in run.err

    old_docs = tmp_path / "docs-lama"
    shutil.copytree(REPO / "docs", old_docs)
    (old_docs / "kode-pemeriksaan.md").write_text(OLD_CODES_PAGE + "\nCatatan instansi sendiri.\n", encoding="utf-8")
    run, site = build_into(tmp_path, tmp_path / "lama", SEED_SOURCES, "--strict", docs_dir=old_docs)
    assert run.code == 0, run.err
    kept = (site / "kode-pemeriksaan" / "index.html").read_text(encoding="utf-8")
    assert "Catatan instansi sendiri." in kept and "SOP-B003" in kept  # the agency's page, its macro still works
    assert [line for line in run.err.splitlines() if "kode-pemeriksaan.md: halaman di docs/ ini dipakai" in line]
    # the same table either way: the macro and the package's page render one table
    def table(page: str) -> str:
        return _article(page).split('<div class="sop-gulir">', 1)[1].split("</table>", 1)[0]

    assert table(kept) == table(generated)
