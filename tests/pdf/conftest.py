"""Sites built with their PDFs (Chromium through Playwright): the seed, and a generated agency of
twelve SOPs in two units, each built once per session."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.corpus import generate
from tests.browser.conftest import TRACE_SITE_URL, _require_browser
from tests.harness import SEED_SOURCES, Run, build, write_config

SITE_URL = TRACE_SITE_URL  # the address the browser tests' seed-qr site is built with: the same print layout
UNITS = ("Bidang Perencanaan Program", "Sekretariat")


@dataclass
class Built:
    work: Path
    sources: Path
    site: Path
    config: Path
    run: Run

    def pdf(self, path: str) -> Path:
        return self.site / path


def build_with_pdfs(work: Path, sources: Path, **options) -> Built:
    settings = options.pop("settings", {})
    config = write_config(work, sources=sources, site_dir=work / "site", pdf=True, settings=settings, **options)
    run = build(config)
    assert run.code == 0, run.err
    return Built(work, sources, work / "site", config, run)


def copy_seed(target: Path) -> Path:
    target.mkdir(parents=True)
    for path in SEED_SOURCES.iterdir():
        if path.is_file():
            shutil.copyfile(path, target / path.name)
    return target


def two_unit_agency(target: Path) -> Path:
    """Twelve generated SOPs of one agency, alternately in two units; the last a draft."""
    generate(target, 36, seed=11)
    folders = sorted(p for p in target.iterdir() if p.is_dir())
    for extra in folders[1:]:
        shutil.rmtree(extra)
    files = sorted(folders[0].glob("*.yml"))
    assert len(files) == 12
    for n, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^unit: .*$", f"unit: {UNITS[n % 2]}", text, count=1, flags=re.M)
        path.write_text(text + ("status: draf\n" if n == len(files) - 1 else ""), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def seed_pdfs(tmp_path_factory) -> Built:
    _require_browser()
    work = tmp_path_factory.mktemp("pdf-benih")
    return build_with_pdfs(work, copy_seed(work / "sop"), settings={"site_url": SITE_URL})


@pytest.fixture(scope="session")
def book_pdfs(tmp_path_factory) -> Built:
    _require_browser()
    work = tmp_path_factory.mktemp("pdf-buku")
    return build_with_pdfs(work, two_unit_agency(work / "sop"))
