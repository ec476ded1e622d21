"""Headless Chromium (Debian's) driven by Playwright, against sites built and served on loopback."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import SEED_SOURCES, build_into

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLOWCHART_FIXTURES = Path(__file__).parent.parent / "render" / "fixtures" / "flowchart"


def _require_browser():
    missing = [name for name, found in (("chromium", CHROMIUM), ("pdfinfo", shutil.which("pdfinfo"))) if not found]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright")
    if missing:
        message = f"perlu {', '.join(missing)} (dipasang oleh .ci/install)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path):
    """Serve a built site on a free loopback port for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """Build the seed site and the flowchart-fixture site once, serve both on loopback."""
    _require_browser()
    work = tmp_path_factory.mktemp("sites")
    sites = {}
    for name, sources, options in (
        ("seed", SEED_SOURCES, {}),
        ("fixtures", FLOWCHART_FIXTURES, {}),
        ("f4", FLOWCHART_FIXTURES, {"paper": "F4"}),
    ):
        result, site = build_into(work, work / name, sources, "--strict", **options)
        assert result.code == 0, result.err
        sites[name] = site
    with contextlib.ExitStack() as stack:
        yield {name: stack.enter_context(serve(site)) for name, site in sites.items()}


@pytest.fixture(scope="session")
def browser(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run"],
        )
        yield chromium
        chromium.close()
