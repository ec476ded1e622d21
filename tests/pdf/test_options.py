"""When PDFs are made: the plugin's `pdf` and `pdf_serve` options, `sop pdf`, and a machine
without Chromium (one line, exit status 1, before the build)."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config

from tests.harness import build, write_config
from tests.pdf.conftest import copy_seed


def _plugin(tmp_path, **options):
    config = load_config(str(write_config(tmp_path, sources=copy_seed(tmp_path / "sop"), **options)))
    return config.plugins["sop"]


@pytest.mark.parametrize(
    ("options", "serving", "made"),
    [
        ({"pdf": False}, False, False),
        ({"pdf": True}, False, True),
        ({"pdf": True}, True, False),  # `mkdocs serve`: not unless asked
        ({"pdf": True, "pdf_serve": True}, True, True),
        ({"pdf": False, "pdf_serve": True}, True, False),
    ],
)
def test_which_builds_make_pdfs(tmp_path, monkeypatch, options, serving, made):
    monkeypatch.setenv("SOP_CHROMIUM", "/bin/true")  # any program: only its presence is asked here
    plugin = _plugin(tmp_path, **options)
    plugin.serving = serving
    assert plugin._wants_pdf() is made


def test_sop_pdf_asks_whatever_mkdocs_yml_says(tmp_path, monkeypatch):
    monkeypatch.setenv("SOP_CHROMIUM", "/bin/true")
    monkeypatch.setenv("SOP_PDF", "1")
    plugin = _plugin(tmp_path, pdf=False)
    plugin.serving = False  # mkdocs keeps a plugin with on_startup across the configs of a process
    assert plugin._wants_pdf() is True


def test_without_pdfs_no_page_links_one(tmp_path):
    config = write_config(tmp_path, sources=copy_seed(tmp_path / "sop"), site_dir=tmp_path / "site", pdf=False)
    assert build(config).code == 0
    site = tmp_path / "site"
    assert not (site / "pdf").exists()
    linked = [p for p in site.rglob("*.html") if re.search(r'href="[^"]*\.pdf"', p.read_text(encoding="utf-8"))]
    assert linked == []


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SOP_CHROMIUM": "/tidak/ada/chromium"}, "galat: SOP_CHROMIUM=/tidak/ada/chromium: bukan program yang dapat dijalankan"),
        ({"PATH": "/nonexistent"}, "galat: PDF memerlukan peramban Chromium; pasang paket Debian 'chromium'"),
    ],
)
def test_a_machine_without_chromium_is_told_in_one_line(tmp_path, monkeypatch, env, message):
    monkeypatch.delenv("SOP_CHROMIUM", raising=False)
    config = write_config(tmp_path, sources=copy_seed(tmp_path / "sop"), site_dir=tmp_path / "site", pdf=True)
    run = build(config, env=env)
    assert run.code == 1
    errors = [line for line in run.err.splitlines() if "galat" in line or "Error" in line or "Traceback" in line]
    assert len(errors) == 1 and message in errors[0], run.err
    assert not (tmp_path / "site" / "sop").exists()  # told before the build, not after it
