"""Benchmark: what the site weighs for a reader on a phone, with Material's search and with Pagefind.

Run (figures printed as a table and written to benchmarks/results-weight.json):

    NO_MKDOCS_2_WARNING=1 .venv/bin/python -m benchmarks.page_weight --n 100 1000 3000 --runs 1 --work /tmp/sop-weight
    # or, the same through the other benchmarks' entry point:
    NO_MKDOCS_2_WARNING=1 .venv/bin/python -m benchmarks.run --weight --n 100

For each N a corpus is generated (benchmarks/corpus.py) and the same site is built twice, the two
variants being one config transform of the repository's mkdocs.yml (tests/harness.py):
  - "material": Material's built-in lunr search (`search` plugin listed, `sop` option `search: false`),
    which writes search/search_index.json;
  - "pagefind": no `search` plugin, `sop` option `search: true`: a Pagefind bundle in <site>/pagefind/.
    While the `sop` plugin does not know the option yet (or the build makes no bundle) the variant is
    reported as not available and the rest is still measured.
Each site is served by the local HTTP server below, which gzips text responses (level 6) as a web host
does, sends Pagefind's already compressed files (*.pf_*, wasm) as they are, and sets Cache-Control as a
production host would. Headless Chromium (Debian's) on a phone-sized viewport, a new browser context
(a fresh cache) for every measurement, records every response of the page and its workers with its
transferred size (encoded body + response headers, Playwright's request.sizes(), i.e. CDP's
Network.loadingFinished encodedDataLength; a worker's own script, whose body Chromium reports to the
worker and not to the page, is counted with the Content-Length the server sent):
  1. opening one SOP page (/sop/<slug>/, a fixed SOP of the corpus): bytes, requests, the 5 largest
     resources, and whether search data (search_index.json, pagefind/) came with it;
  2. searching from that page: the header's search button is tapped and a query typed ("surat", a
     nomor prefix and a role name from the corpus); everything transferred from the tap until the
     network is quiet after the first result shows, the time from the tap to the first visible
     result item (ms, measured in the page; Playwright types at machine speed, a keystroke a few ms,
     so a first result may be that of the first letters), to the last change of the result list
     (the whole query's results) and how long the tap and typing took;
  3. Daftar SOP (the home page, the largest page): its HTML gzipped, and the transfer of opening it;
  4. the build time of each variant (median of --runs cold builds) and the site's size on disk.
The issue's targets are printed beside the figures with a mark: SOP page < 200 KB, a search < 300 KB
and first result < 1 s, Daftar SOP HTML < 400 KB gzipped (stated at 3000 SOPs).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import email.utils
import gzip
import json
import mimetypes
import os
import platform
import re
import shutil
import statistics
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from benchmarks.corpus import generate  # noqa: E402
from tests.harness import build, write_config  # noqa: E402  (the builds the tests make, too)

VARIANTS = ("material", "pagefind")
KB = 1000
TARGETS = {"sop_page_bytes": 200 * KB, "search_bytes": 300 * KB, "search_ms": 1000, "daftar_html_gzip": 400 * KB}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"]
SEARCH_BUTTON = 'label.md-header__button[for="__search"]'
SEARCH_INPUT = ".md-search__input"
RESULT_ITEM = ".md-search-result__list .md-search-result__item"
RESULT_META = ".md-search-result__meta"
SEARCH_DATA = re.compile(r"/search/search_index\.js(on)?$|/pagefind/")


# ---------------------------------------------------------------------------------------------------
# The web server: gzip for text, compressed files as they are, Cache-Control as a production host.

COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json)|image/svg\+xml)")
HASHED = re.compile(r"\.[0-9a-f]{8,}\.(min\.)?(js|css)$")  # Material's fingerprinted assets


def content_type(path: Path) -> str:
    """What the server says a file is; files already compressed (Pagefind's, *.gz) are octet streams."""
    if path.suffix == ".wasm":
        return "application/wasm"
    guessed, encoding = mimetypes.guess_type(path.name)
    if encoding or not guessed:
        return "application/octet-stream"
    return guessed


def compressible(ctype: str) -> bool:
    return bool(COMPRESSIBLE.match(ctype))


def cache_control(url_path: str) -> str:
    """As a static host sets it: pages revalidated, fingerprinted files kept a year, the rest an hour."""
    name = url_path.rsplit("/", 1)[-1]
    if url_path.endswith("/") or name.endswith(".html"):
        return "public, max-age=0, must-revalidate"
    if HASHED.search(name) or ("/pagefind/" in url_path and not name.startswith("pagefind")):
        return "public, max-age=31536000, immutable"
    return "public, max-age=3600"


class GzipHandler(BaseHTTPRequestHandler):
    """GET/HEAD of a built site's files; `site` and `_gzipped` are set on a subclass by `serve_gzip`."""

    protocol_version = "HTTP/1.1"  # keep-alive, as browsers talk to any host
    site: Path
    _gzipped: dict
    _lock: threading.Lock

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._respond(body=True)

    def do_HEAD(self):
        self._respond(body=False)

    def _target(self, url_path: str) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect location)."""
        root = self.site.resolve()
        target = (root / url_path.lstrip("/")).resolve()
        if target != root and root not in target.parents:
            return 404, root / "404.html", None
        if target.is_dir():
            if not url_path.endswith("/"):
                return 301, None, url_path + "/"
            target = target / "index.html"
        if target.is_file():
            return 200, target, None
        return 404, root / "404.html", None

    def _respond(self, body: bool) -> None:
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        status, target, location = self._target(url_path)
        if status == 301:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = target.read_bytes() if target is not None and target.is_file() else b"Not found"
        ctype = content_type(target) if target is not None and target.is_file() else "text/plain"
        gzip_it = compressible(ctype) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzip_it:
            data = self._compressed(target, data)
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(data)))
        if gzip_it:
            self.send_header("Content-Encoding", "gzip")
        if compressible(ctype):
            self.send_header("Vary", "Accept-Encoding")
        if status == 200:
            self.send_header("Cache-Control", cache_control(url_path))
            self.send_header("Last-Modified", email.utils.formatdate(target.stat().st_mtime, usegmt=True))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _compressed(self, target: Path, data: bytes) -> bytes:
        """Level 6 as nginx/Apache; kept per file so compressing takes no time from what is measured."""
        key = (str(target), target.stat().st_mtime_ns)
        with self._lock:
            found = self._gzipped.get(key)
        if found is None:
            found = gzip.compress(data, compresslevel=6, mtime=0)
            with self._lock:
                self._gzipped[key] = found
        return found


@contextlib.contextmanager
def serve_gzip(site: Path):
    """Serve `site` on a free loopback port for the duration of the block; yields the base URL."""
    handler = type("SiteHandler", (GzipHandler,), {"site": Path(site), "_gzipped": {}, "_lock": threading.Lock()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------------------------------
# Size accounting.

def summarize(records: list[dict], base: str = "") -> dict:
    """Totals of `records` ({url, bytes, ...} per response): bytes, requests, the 5 largest, search data."""
    def short(url: str) -> str:
        return url[len(base):] if base and url.startswith(base) else url

    largest = sorted(records, key=lambda r: (-r["bytes"], r["url"]))[:5]
    search = [short(r["url"]) for r in records if SEARCH_DATA.search(urllib.parse.urlsplit(r["url"]).path)]
    return {"bytes": sum(r["bytes"] for r in records), "requests": len(records),
            "largest": [{"url": short(r["url"]), "bytes": r["bytes"]} for r in largest],
            "search_data": bool(search), "search_bytes": sum(r["bytes"] for r in records
                                                             if short(r["url"]) in search),
            "search_files": len(search)}


class Traffic:
    """Every request of a browser context (pages and their workers), in order; sizes read once it is quiet."""

    def __init__(self, context):
        self.requests: list = []
        self.failed: list = []
        context.on("request", lambda request: self.requests.append(request))  # Playwright wants a function
        context.on("requestfailed", lambda request: self.failed.append(request))

    def mark(self) -> int:
        return len(self.requests)

    def records(self, since: int = 0) -> list[dict]:
        out = []
        for request in self.requests[since:]:
            if request.url.startswith("data:") or request in self.failed:
                continue
            response = request.response()
            if response is None:
                continue
            sizes = request.sizes()
            body = sizes["responseBodySize"]
            if body <= 0:  # a worker's own script: Chromium reports its body to the worker, not here
                with contextlib.suppress(ValueError):
                    body = int(response.headers.get("content-length", "0"))
            out.append({"url": request.url, "status": response.status, "bytes": body + sizes["responseHeadersSize"],
                        "body": body, "headers": sizes["responseHeadersSize"]})
        return out


def _quiet(page, ms: int = 500) -> None:
    """Network idle (no request for 500 ms), then a little more for late fetches (search index, fonts)."""
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=30000)
    page.wait_for_timeout(ms)


@contextlib.contextmanager
def _opened(browser, base: str, path: str):
    """`path` loaded on a phone in a new context (a fresh cache), its traffic recorded from the start."""
    context = browser.new_context(**PHONE)
    try:
        traffic = Traffic(context)
        page = context.new_page()
        page.goto(base + path, wait_until="load")
        _quiet(page)
        yield page, traffic
    finally:
        context.close()


def open_page(browser, base: str, path: str) -> dict:
    with _opened(browser, base, path) as (_, traffic):
        return summarize(traffic.records(), base)


# Started in the page just before the tap: when a result item is first visible, and when the result
# list last changed (the results of the whole query, once typing is over), in ms from the tap.
WATCH_RESULTS = """(item) => {
  const t0 = performance.now();
  window.__sopResults = {first: null, last: null};
  const shown = () => [...document.querySelectorAll(item)].some(e => e.getClientRects().length > 0);
  new MutationObserver(() => {
    const now = performance.now() - t0;
    if (shown()) {
      if (window.__sopResults.first === null) window.__sopResults.first = now;
      window.__sopResults.last = now;
    }
  }).observe(document.querySelector(".md-search-result") || document.body, {childList: true, subtree: true, attributes: true, characterData: true});
  return t0;
}"""


def search_from(browser, base: str, path: str, query: str) -> dict:
    """Open `path` on a phone, tap the header's search button, type `query`: transfer and time to a result."""
    with _opened(browser, base, path) as (page, traffic):
        since = traffic.mark()
        t0 = page.evaluate(WATCH_RESULTS, RESULT_ITEM)  # the clock starts here, in the page
        page.click(SEARCH_BUTTON)
        page.locator(SEARCH_INPUT).press_sequentially(query)
        typed = page.evaluate("() => performance.now()") - t0
        with contextlib.suppress(Exception):
            page.wait_for_function("() => window.__sopResults.first !== null", timeout=10000)
        _quiet(page)
        times = page.evaluate("() => window.__sopResults")
        results = page.eval_on_selector_all(RESULT_ITEM, "els => els.length")
        meta = page.eval_on_selector(RESULT_META, "e => e.textContent.trim()") if page.query_selector(RESULT_META) else ""
        ms = {k: None if v is None else round(v) for k, v in times.items()}
        return {"query": query, "first_result_ms": ms["first"], "results_final_ms": ms["last"],
                "typing_ms": round(typed), "results_shown": results, "meta": meta} | summarize(traffic.records(since), base)


# ---------------------------------------------------------------------------------------------------
# The two variants: one config transform each.

def search_option_known() -> bool:
    """Whether this tree's `sop` plugin has the `search` option (the Pagefind search)."""
    from macros.plugin.config import SopConfig

    return any(name == "search" for name, _ in SopConfig._schema)


def variant_config(config: dict, variant: str, known: bool | None = None) -> dict:
    """`config` (a mkdocs.yml as a dict) for `variant`: "material" lists Material's `search` plugin and sets
    the `sop` option `search: false`, "pagefind" drops the plugin and sets `search: true`. While the plugin
    lacks the option (`known` False) "material" leaves it unset, which is the same thing."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    known = search_option_known() if known is None else known
    config = copy.deepcopy(config)
    plugins = [p for p in config["plugins"] if p != "search" and not (isinstance(p, dict) and "search" in p)]
    for plugin in plugins:
        if isinstance(plugin, dict) and "sop" in plugin:
            options = dict(plugin["sop"] or {})
            if variant == "pagefind" or known:
                options["search"] = variant == "pagefind"
            plugin["sop"] = options
    if variant == "material":
        plugins.insert(0, "search")
    return config | {"plugins": plugins}


def write_variant(project: Path, variant: str, **options) -> Path:
    """write_config's mkdocs.yml, transformed for `variant`."""
    path = write_config(project, f"mkdocs-{variant}.yml", **options)
    config = variant_config(yaml.safe_load(path.read_text(encoding="utf-8")), variant)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def _site_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def build_variant(base: Path, variant: str, sources: Path, runs: int) -> dict:
    """Cold builds (site and diagram cache removed) of `variant`; {"available": False, "reason"} if it cannot be."""
    if variant == "pagefind" and not search_option_known():
        return {"available": False, "reason": "plugin sop belum mengenal opsi 'search' (Pagefind belum ada di main)"}
    site, cache = base / f"site-{variant}", base / f"cache-{variant}"
    config = write_variant(base / "proj", variant, sources=sources, site_dir=site, cache_dir=cache)
    seconds = []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        start = time.perf_counter()
        run = build(config, in_process=False, timeout=3600)  # a process of its own, as `mkdocs build`
        seconds.append(time.perf_counter() - start)
        log = run.out + run.err
        if run.code != 0:
            if variant == "pagefind":  # not there yet, or not working: the other variant is still measured
                unknown = re.search(r"Unrecognised configuration name: search", log)
                last = [line for line in log.splitlines() if line.strip()][-1:] or [""]
                return {"available": False, "reason": "plugin sop menolak opsi 'search'" if unknown
                        else f"pembangunan gagal: {last[0][:200]}"}
            raise SystemExit(f"pembangunan {variant} gagal:\n{log[-3000:]}")
    if variant == "pagefind" and not (site / "pagefind").is_dir():
        return {"available": False, "reason": f"tidak ada bundel Pagefind di {site / 'pagefind'}"}
    index = site / "search" / "search_index.json"
    return {"available": True, "site": str(site), "build_s": statistics.median(seconds),
            "build_runs": [round(s, 2) for s in seconds], "site_bytes": _site_bytes(site),
            "pages": sum(1 for _ in site.rglob("index.html")),
            "search_index_bytes": index.stat().st_size if index.exists() else 0,
            "search_index_gzip": len(gzip.compress(index.read_bytes(), 6)) if index.exists() else 0,
            "pagefind_bytes": _site_bytes(site / "pagefind")}


# ---------------------------------------------------------------------------------------------------
# The corpus: a fixed SOP, and queries taken from it.

def probes(sources: Path) -> dict:
    """The SOP to open (the corpus' first by path) and the queries: "surat", its nomor prefix, a role name."""
    first = next(p for p in sorted(sources.rglob("*.yml")) if not p.name.startswith("_"))
    sop = yaml.safe_load(first.read_text(encoding="utf-8"))
    roles = yaml.safe_load((sources / "_jabatan.yml").read_text(encoding="utf-8"))
    role = next(r for r in sop["pelaksana"] if r in roles and not roles[r].get("eksternal"))
    return {"slug": first.stem, "path": f"/sop/{first.stem}/", "nomor": sop["nomor"],
            "queries": ["surat", sop["nomor"].rsplit("/", 1)[0], roles[role]["nama"]]}


def measure_site(browser, site: Path, probe: dict) -> dict:
    with serve_gzip(site) as base:
        home = site / "index.html"
        return {"sop_page": open_page(browser, base, probe["path"]),
                "daftar": {"html_bytes": home.stat().st_size,
                           "html_gzip": len(gzip.compress(home.read_bytes(), 6))} | open_page(browser, base, "/"),
                "searches": [search_from(browser, base, probe["path"], q) for q in probe["queries"]]}


def bench_weight(work: Path, ns: list[int], runs: int, seed: int, variants=VARIANTS) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            for n in ns:
                print(f"N = {n}: membuat korpus ...", flush=True)
                base = work / f"bobot-n{n}"
                sources = generate(base / "sop", n, seed)
                probe = probes(sources)
                row = {"n": n, "runs": runs, "sop": probe["slug"], "queries": probe["queries"], "variants": {}}
                for variant in variants:
                    print(f"N = {n}: membangun varian {variant} ...", flush=True)
                    built = build_variant(base, variant, sources, runs)
                    if built["available"]:
                        print(f"N = {n}: mengukur varian {variant} di Chromium ...", flush=True)
                        built |= measure_site(browser, Path(built["site"]), probe)
                        built["pass"] = verdicts(built)
                    row["variants"][variant] = built
                results.append(row)
                print(weight_table(results), flush=True)
        finally:
            browser.close()
    return results


# ---------------------------------------------------------------------------------------------------
# Targets and the table.

def _found_in_time(search: dict) -> bool:
    """A first result within the target, and results still shown for the whole query."""
    ms = search["first_result_ms"]
    return ms is not None and ms < TARGETS["search_ms"] and search["results_shown"] > 0


def verdicts(v: dict) -> dict:
    searches = v["searches"]
    return {"sop_page": v["sop_page"]["bytes"] < TARGETS["sop_page_bytes"],
            "search_bytes": all(s["bytes"] < TARGETS["search_bytes"] for s in searches),
            "search_ms": all(_found_in_time(s) for s in searches),
            "daftar_html_gzip": v["daftar"]["html_gzip"] < TARGETS["daftar_html_gzip"]}


def kb(n: int) -> str:
    if n == 0:
        return "0 KB"
    return f"{n / KB:,.0f} KB" if n >= 10 * KB else f"{n / KB:,.1f} KB"


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _ms(ms: int | None) -> str:
    return "tanpa hasil" if ms is None else f"{ms} ms"


def weight_table(results: list[dict]) -> str:
    """Three tables: pages and builds per variant, one row per search, then the largest files of the SOP page."""
    pages = ["| N | varian | halaman SOP (permintaan) | data cari saat buka | Daftar SOP: HTML gzip | Daftar SOP: total "
             "(permintaan) | build | ukuran situs | search_index.json / pagefind/ |", "|" + "---|" * 9]
    searches = ["| N | varian | kueri | transfer (permintaan) | hasil pertama | hasil akhir | mengetik | hasil tampil |",
                "|" + "---|" * 8]
    largest = []
    for r in results:
        for name, v in r["variants"].items():
            if not v.get("available"):
                pages.append(f"| {r['n']} | {name} | tidak tersedia: {v.get('reason', '')} |" + " |" * 6)
                continue
            ok, page, daftar = v["pass"], v["sop_page"], v["daftar"]
            loaded = f"ya, {kb(page['search_bytes'])}" if page["search_data"] else "tidak"
            data = (f"{kb(v['search_index_bytes'])} ({kb(v['search_index_gzip'])} gzip)" if v["search_index_bytes"]
                    else "-") + (f" / {v['pagefind_bytes'] / 1e6:,.1f} MB" if v["pagefind_bytes"] else " / -")
            pages.append(
                f"| {r['n']} | {name} | {kb(page['bytes'])} ({page['requests']}) {mark(ok['sop_page'])} | {loaded} | "
                f"{kb(daftar['html_gzip'])} {mark(ok['daftar_html_gzip'])} | {kb(daftar['bytes'])} ({daftar['requests']}) | "
                f"{v['build_s']:.1f} s | {v['site_bytes'] / 1e6:,.0f} MB | {data} |")
            for s in v["searches"]:
                searches.append(
                    f"| {r['n']} | {name} | «{s['query']}» | {kb(s['bytes'])} ({s['requests']}) "
                    f"{mark(s['bytes'] < TARGETS['search_bytes'])} | {_ms(s['first_result_ms'])} {mark(_found_in_time(s))} | "
                    f"{_ms(s['results_final_ms'])} | {s['typing_ms']} ms | {s['results_shown']} ({s['meta'] or '-'}) |")
            files = ", ".join(f"{x['url']} {kb(x['bytes'])}" for x in page["largest"])
            largest.append(f"- N = {r['n']}, {name}, /sop/{r['sop']}/ ({v['pages']} halaman di situs): {files}")
    head = (f"Target: halaman SOP < {kb(TARGETS['sop_page_bytes'])}; satu pencarian < {kb(TARGETS['search_bytes'])} "
            f"dan hasil pertama < {TARGETS['search_ms'] / 1000:.0f} s; HTML Daftar SOP < "
            f"{kb(TARGETS['daftar_html_gzip'])} gzip (pada 3000 SOP). ✓ memenuhi, ✗ tidak. Waktu dihitung dari "
            f"ketukan tombol cari di ponsel 390 px, tembolok kosong.")
    return "\n".join([head, "", *pages, "", *searches, "", "5 berkas terbesar halaman SOP:", *largest])


def weight_results(machine: dict, seed: int, results: list[dict]) -> dict:
    """What results-weight.json holds: the figures, without the work folder's paths."""
    rows = [r | {"variants": {name: {k: x for k, x in v.items() if k != "site"} for name, v in r["variants"].items()}}
            for r in results]
    return {"machine": machine, "seed": seed, "targets": TARGETS, "weight": rows}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Ukur bobot halaman bagi pembaca di ponsel: pencarian Material "
                                                 "dan Pagefind.")
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000, 3000], help="jumlah SOP per korpus")
    parser.add_argument("--runs", type=int, default=1, help="jumlah pembangunan dingin per varian (median)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/sop-weight"), help="folder kerja (di luar repo)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--variant", choices=VARIANTS, nargs="+", default=list(VARIANTS), help="varian yang diukur")
    parser.add_argument("--json", type=Path, default=None, help="berkas JSON hasil (bawaan: benchmarks/results-weight.json)")
    args = parser.parse_args(argv)
    machine = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
               "processor": platform.processor() or platform.machine()}
    results = bench_weight(args.work, args.n, args.runs, args.seed, args.variant)
    target = args.json or REPO / "benchmarks" / "results-weight.json"
    target.write_text(json.dumps(weight_results(machine, args.seed, results), indent=2, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    print(f"\nJSON: {target}")


if __name__ == "__main__":
    main()
