"""The page-weight benchmark's parts that need no browser: its web server (gzip for text, compressed files
as they are, Cache-Control), its size accounting, the config transform of the two search variants."""

from __future__ import annotations

import gzip
import http.client
import urllib.parse

import pytest

from benchmarks import page_weight as pw
from benchmarks.corpus import generate
from tests.harness import project_config

PAGE = ("<!doctype html><title>Daftar SOP</title>" + "<tr><td>800/0001/DINAS</td><td>Evaluasi</td></tr>" * 400).encode()
FRAGMENT = gzip.compress(b'{"url":"/sop/a/","content":"surat masuk"}' * 50)  # Pagefind's files are gzip already


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("situs")
    (root / "sop" / "a").mkdir(parents=True)
    (root / "index.html").write_bytes(PAGE)
    (root / "sop" / "a" / "index.html").write_bytes(PAGE)
    (root / "404.html").write_text("<p>tidak ada</p>", encoding="utf-8")
    (root / "assets" / "javascripts").mkdir(parents=True)
    (root / "assets" / "javascripts" / "bundle.a5f9d56c.min.js").write_text("var x = 1;" * 300, encoding="utf-8")
    (root / "assets" / "sop.css").write_text(".sop { color: red }\n" * 200, encoding="utf-8")
    (root / "search").mkdir()
    (root / "search" / "search_index.json").write_text('{"docs": []}' * 100, encoding="utf-8")
    (root / "pagefind" / "fragment").mkdir(parents=True)
    (root / "pagefind" / "fragment" / "en_1a2b3c.pf_fragment").write_bytes(FRAGMENT)
    (root / "pagefind" / "wasm.unknown.pagefind").write_bytes(FRAGMENT)
    (root / "pagefind" / "pagefind.js").write_text("export const search = () => 1;" * 50, encoding="utf-8")
    (root / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>"))
    with pw.serve_gzip(root) as url:
        yield url


def _get(url: str, path: str, method: str = "GET", gzip_ok: bool = True):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(method, path, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


@pytest.mark.parametrize("path, kind", [("/", "text/html"), ("/sop/a/", "text/html"), ("/assets/sop.css", "text/css"),
                                        ("/assets/javascripts/bundle.a5f9d56c.min.js", "javascript"),
                                        ("/search/search_index.json", "application/json"),
                                        ("/pagefind/pagefind.js", "javascript")])
def test_text_is_sent_gzipped_at_level_six(site, path, kind):
    response, body = _get(site, path)
    assert response.status == 200 and kind in response.getheader("Content-Type")
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert int(response.getheader("Content-Length")) == len(body)
    plain = gzip.decompress(body)
    assert len(body) == len(gzip.compress(plain, compresslevel=6, mtime=0)) < len(plain)
    if path.endswith("/"):
        assert plain == PAGE


def test_a_client_without_gzip_gets_the_plain_file(site):
    response, body = _get(site, "/", gzip_ok=False)
    assert response.getheader("Content-Encoding") is None and body == PAGE


@pytest.mark.parametrize("path", ["/pagefind/fragment/en_1a2b3c.pf_fragment", "/pagefind/wasm.unknown.pagefind"])
def test_pagefind_files_are_sent_as_they_are(site, path):
    response, body = _get(site, path)
    assert response.status == 200 and response.getheader("Content-Encoding") is None
    assert response.getheader("Content-Type") == "application/octet-stream"
    assert body == FRAGMENT
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"


def test_a_gzip_file_is_not_gzipped_again(site):
    response, body = _get(site, "/sitemap.xml.gz")
    assert response.getheader("Content-Encoding") is None and gzip.decompress(body) == b"<urlset/>"


def test_cache_control_as_a_production_host(site):
    assert _get(site, "/")[0].getheader("Cache-Control") == "public, max-age=0, must-revalidate"
    assert _get(site, "/assets/javascripts/bundle.a5f9d56c.min.js")[0].getheader("Cache-Control") == \
        "public, max-age=31536000, immutable"
    assert _get(site, "/assets/sop.css")[0].getheader("Cache-Control") == "public, max-age=3600"
    assert _get(site, "/pagefind/pagefind.js")[0].getheader("Cache-Control") == "public, max-age=3600"


def test_folders_redirect_missing_files_get_404_and_head_has_no_body(site):
    response, _ = _get(site, "/sop/a")
    assert response.status == 301 and response.getheader("Location") == "/sop/a/"
    response, body = _get(site, "/tidak-ada/")
    assert response.status == 404 and b"tidak ada" in gzip.decompress(body)
    response, _ = _get(site, "/../../etc/passwd")
    assert response.status == 404
    response, body = _get(site, "/", method="HEAD")
    assert response.status == 200 and body == b"" and int(response.getheader("Content-Length")) > 0


def test_summary_adds_bytes_and_names_the_largest_and_the_search_data():
    base = "http://127.0.0.1:8000"
    records = [{"url": f"{base}/sop/a/", "bytes": 9000}, {"url": f"{base}/assets/x.css", "bytes": 23000},
               {"url": f"{base}/search/search_index.json", "bytes": 75000}, {"url": f"{base}/a.js", "bytes": 100},
               {"url": f"{base}/b.js", "bytes": 200}, {"url": f"{base}/c.js", "bytes": 300},
               {"url": f"{base}/pagefind/pagefind.js", "bytes": 5000}]
    summary = pw.summarize(records, base)
    assert summary["bytes"] == 112600 and summary["requests"] == 7
    assert [x["url"] for x in summary["largest"]] == ["/search/search_index.json", "/assets/x.css", "/sop/a/",
                                                      "/pagefind/pagefind.js", "/c.js"]
    assert summary["search_data"] and summary["search_files"] == 2 and summary["search_bytes"] == 80000
    quiet = pw.summarize(records[:2], base)
    assert not quiet["search_data"] and quiet["search_bytes"] == 0
    assert pw.summarize([], base) == {"bytes": 0, "requests": 0, "largest": [], "search_data": False,
                                      "search_bytes": 0, "search_files": 0}


def _sop(config: dict) -> dict:
    return next(p["sop"] for p in config["plugins"] if isinstance(p, dict) and "sop" in p)


@pytest.mark.parametrize("known", [True, False])
def test_the_variants_are_one_config_transform(known):
    config = project_config()
    material = pw.variant_config(config, "material", known)
    pagefind = pw.variant_config(config, "pagefind", known)
    assert material["plugins"].count("search") == 1 and "search" not in pagefind["plugins"]
    assert _sop(pagefind)["search"] is True
    assert _sop(material).get("search", False) is False and ("search" in _sop(material)) == known
    without = config | {"plugins": [p for p in config["plugins"] if p != "search"]}  # mkdocs.yml once Pagefind lands
    assert pw.variant_config(without, "material", known)["plugins"].count("search") == 1
    assert config == project_config()  # not mutated
    with pytest.raises(ValueError):
        pw.variant_config(config, "lunr")


def test_probes_are_an_sop_of_the_corpus_its_nomor_and_a_role(tmp_path):
    sources = generate(tmp_path / "sop", 5, seed=3)
    probe = pw.probes(sources)
    assert probe["path"] == f"/sop/{probe['slug']}/" and list(sources.rglob(f"{probe['slug']}.yml"))
    surat, nomor, role = probe["queries"]
    assert surat == "surat" and probe["nomor"].startswith(nomor + "/") and role


@pytest.mark.slow  # builds a site
@pytest.mark.browser  # and opens it in Chromium
def test_benchmark_runs_and_writes_json(tmp_path):
    import json
    import subprocess
    import sys

    from tests.harness import REPO, process_env

    if not pw.Path(pw.CHROMIUM).exists():
        pytest.skip("perlu chromium")
    out = tmp_path / "hasil.json"
    # its own process: Playwright's sync API refuses to start beside the browser the other tests share
    run = subprocess.run([sys.executable, "-m", "benchmarks.page_weight", "--n", "12", "--work", str(tmp_path / "kerja"),
                          "--json", str(out)], cwd=REPO, env=process_env(), capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    (row,) = json.loads(out.read_text(encoding="utf-8"))["weight"]
    material = row["variants"]["material"]
    assert material["available"] and "site" not in material
    assert material["sop_page"]["search_data"] and material["sop_page"]["requests"] > 5
    assert material["sop_page"]["bytes"] > material["search_index_gzip"] > 0
    assert material["daftar"]["html_gzip"] < material["daftar"]["html_bytes"]
    assert [s["query"] for s in material["searches"]] == row["queries"]
    assert material["searches"][0]["first_result_ms"] > 0 and material["searches"][0]["results_shown"] > 0
    pagefind = row["variants"]["pagefind"]
    assert pagefind["available"] and pagefind["pagefind_bytes"] > 0 and not pagefind["sop_page"]["search_data"]
    assert all(s["search_data"] and s["results_shown"] > 0 for s in pagefind["searches"])
    assert "| N | varian | halaman SOP" in run.stdout
