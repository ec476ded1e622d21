"""The printer: what the browser can reach through its proxy, and tabs replaced as they age."""

from __future__ import annotations

import http.client
import io

import pypdf
import pytest

from macros.pdf import chromium
from macros.pdf.chromium import HOST, Job, Printer, _SiteServer


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    (site / "sop" / "a").mkdir(parents=True)
    (site / "sop" / "a" / "index.html").write_text("<p>SOP A</p>", encoding="utf-8")
    (site / "gaya.css").write_text("p { color: #000000; }", encoding="utf-8")
    (tmp_path / "rahasia.txt").write_text("bukan bagian situs", encoding="utf-8")
    server = _SiteServer(site)
    server.in_memory = {"/_sop-pdf/depan.html": "<p>Daftar Isi</p>"}
    yield server
    server.close()


def _ask(server: _SiteServer, method: str, target: str) -> tuple[int, str, bytes]:
    """A request as a browser sends it to its proxy: the whole address on the request line."""
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        connection.request(method, target)
        response = connection.getresponse()
        return response.status, response.getheader("Cache-Control") or "", response.read()
    finally:
        connection.close()


def test_the_site_and_the_documents_in_memory_are_served(server):
    assert _ask(server, "GET", f"{HOST}/sop/a/") == (200, "no-store", b"<p>SOP A</p>")
    assert _ask(server, "GET", f"{HOST}/_sop-pdf/depan.html") == (200, "no-store", b"<p>Daftar Isi</p>")
    status, cache, body = _ask(server, "GET", f"{HOST}/gaya.css")
    assert (status, body) == (200, b"p { color: #000000; }")
    assert cache.startswith("max-age="), "stylesheets and fonts stay in the browser's cache between prints"


@pytest.mark.parametrize("method, target", [
    ("GET", "http://example.com/"),  # any other host: nothing leaves the machine
    ("GET", "http://127.0.0.1/sop/a/"),
    ("GET", f"{HOST}/../rahasia.txt"),  # nothing outside the site's folder
    ("GET", f"{HOST}/%2e%2e/rahasia.txt"),
    ("GET", f"{HOST}/tidak-ada/"),
    ("GET", f"{HOST}/gaya.css?v=1"),
    ("CONNECT", "example.com:443"),
    ("POST", f"{HOST}/sop/a/"),
])
def test_nothing_else_is_served(server, method, target):
    status, _, body = _ask(server, method, target)
    assert status == 404 and body == b""


@pytest.mark.browser
def test_a_tab_is_replaced_after_its_prints_and_the_prints_stay_in_order(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(chromium, "PRINTS_PER_TAB", 2)
    jobs = [Job(f"_sop-pdf/{n}.html", f"<!doctype html><p>Cetakan nomor {n}</p>") for n in range(7)]
    with Printer(site, tabs=1) as printer:
        printer.warm_up()
        first = printer.print_all(jobs[:3])
        rest = printer.print_all(jobs[3:])
        opened = printer.tabs_opened
    texts = [pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text() for data in first + rest]
    assert texts == [f"Cetakan nomor {n}" for n in range(7)]
    assert opened == 4  # 7 prints, 2 to a tab
