"""Every SOP's identity page prints its source's revision (so does every PDF made from it); a site with
`site_url` prints the QR code to the SOP's page beside it."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import macros.load.revisions
from tests.conftest import SEED_SOURCES, build_into
from tests.qr_read import read_matrix, strip_quiet_zone, svg_matrix

pytestmark = pytest.mark.slow  # builds a whole site

SITE_URL = "https://sop.banggaikab.go.id/"
SEED_FILE = SEED_SOURCES / "perbaikan-data-kinerja.yml"
SEED_PAGE = Path("sop/perbaikan-data-kinerja/index.html")


def _build(work: Path, sources: Path, name: str, site_url: str | None = SITE_URL) -> Path:
    settings = {"site_url": site_url} if site_url else {}
    result, site = build_into(work, work / name, sources, "--strict", settings=settings)
    assert result.code == 0, result.err
    return site


def _trace(site: Path) -> tuple[str, str, str]:
    """(revision line, address, the address the QR code reads as) of the seed's page."""
    html = (site / SEED_PAGE).read_text(encoding="utf-8")
    revision = re.search(r'<div class="sop-jejak-revisi">(.*?)</div>', html).group(1)
    url = re.search(r'<div class="sop-jejak-url">(.*?)</div>', html).group(1)
    svg = re.search(r'<svg[^>]*class="sop-qr".*?</svg>', html, re.S).group(0)
    return revision, url, read_matrix(strip_quiet_zone(svg_matrix(svg)))[0]


def _git_revision(path: Path) -> str | None:
    """What git says of the file, or None when it is not a clean tracked file of a checkout."""
    if shutil.which("git") is None:
        return None
    def git(*args):
        return subprocess.run(["git", *args], cwd=path.parent, capture_output=True, text=True)
    status, log = git("status", "--porcelain", "--", path.name), git("log", "-1", "--format=%H", "--", path.name)
    if status.returncode or log.returncode or status.stdout.strip() or not log.stdout.strip():
        return None
    if git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return None
    return log.stdout.strip()[:12]


def test_the_seed_page_carries_the_qr_code_and_the_commit(tmp_path):
    expected = _git_revision(SEED_FILE)
    if expected is None:
        pytest.skip("sumber contoh bukan berkas git yang bersih (salinan tanpa git, atau sedang diubah)")
    revision, url, read = _trace(_build(tmp_path, SEED_SOURCES, "situs"))
    assert revision == f"Dicetak dari revisi {expected}"
    assert url == read == SITE_URL + "sop/perbaikan-data-kinerja/"


def test_a_source_outside_git_is_traced_by_its_hash(tmp_path, sources_copy):
    sources = sources_copy()
    digest = hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()[:12]
    revision, url, read = _trace(_build(tmp_path, sources, "situs", "https://contoh.go.id/situs-sop"))
    assert revision == f"Dicetak dari revisi sumber sha256:{digest}"
    assert url == read == "https://contoh.go.id/situs-sop/sop/perbaikan-data-kinerja/"


def test_without_site_url_the_revision_is_printed_without_a_qr_code(tmp_path, sources_copy):
    sources = sources_copy()
    digest = hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()[:12]
    site = _build(tmp_path, sources, "situs", None)
    html = (site / SEED_PAGE).read_text(encoding="utf-8")
    alone = re.search(r'<div class="sop-jejak-polos"><div class="sop-jejak-revisi">(.*?)</div>\s*</div>', html)
    assert alone and alone.group(1) == f"Dicetak dari revisi sumber sha256:{digest}"
    assert 'class="sop-qr"' not in html and "sop-jejak-url" not in html
    with_trace = sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "sop-jejak" in p.read_text(encoding="utf-8"))
    assert with_trace == [str(SEED_PAGE)]


def test_the_trace_is_only_on_the_document_page(tmp_path):
    site = _build(tmp_path, SEED_SOURCES, "situs")
    with_trace = sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "sop-jejak" in p.read_text(encoding="utf-8"))
    assert with_trace == [str(SEED_PAGE)]


def test_two_builds_with_site_url_are_byte_identical(tmp_path):
    first, second = _build(tmp_path, SEED_SOURCES, "a"), _build(tmp_path, SEED_SOURCES, "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [str(p) for p in files if (first / p).read_bytes() != (second / p).read_bytes()] == []
