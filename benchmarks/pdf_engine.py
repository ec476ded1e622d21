"""Benchmark: which PDF engine turns a built SOP page into the binder's PDF (issue 11).

Builds the seed site, serves it on loopback and prints the seed SOP page
(`/sop/perbaikan-data-kinerja/`) with each engine:
  - chromium: Debian's Chromium driven by Playwright, `page.pdf(prefer_css_page_size=True)`,
    exactly as tests/browser/test_print.py does;
  - weasyprint: `weasyprint.HTML(url).write_pdf()`.
Each engine runs in its own interpreter (the first of this one and `--python` that can import it), so
WeasyPrint can live in a separate venv. For each engine it measures, over several runs:
  - cold: a fresh process (import, browser launch, one PDF), wall time and peak RSS of the whole
    process tree (Chromium's children included);
  - warm: further PDFs in an already started process;
and reads the PDF with poppler-utils: pages and orientation, embedded fonts, selectable text (every
step's kegiatan), raster images (the flowchart must stay vector), byte-determinism, and renders every
page to PNG (`pdftoppm -r 60`) for looking at. It also probes the features the book needs (named
pages with their own orientation, target-counter(), bookmarks, page-number footers).

    python -m benchmarks.pdf_engine [--runs 3] [--out /tmp/pdf-bench] [--python /tmp/pdf-venv/bin/python]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.harness import serve  # a built site on a loopback port, as the browser tests serve it

REPO = Path(__file__).resolve().parent.parent
SEED_SLUG = "perbaikan-data-kinerja"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"]

# One worker process: renders `url` `runs` times into out/<engine>-<i>.pdf and prints timings as JSON.
WORKER = r"""
import json, sys, time
engine, url, out, runs, chromium, args = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], json.loads(sys.argv[6])
extra_css = sys.argv[7]
start = time.perf_counter()
times = []
if engine.startswith("weasyprint"):
    import logging
    import weasyprint
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    sheets = [weasyprint.CSS(string=extra_css)] if extra_css else []
    ready = time.perf_counter()
    for i in range(runs):
        t = time.perf_counter()
        weasyprint.HTML(url).write_pdf(f"{out}/{engine}-{i}.pdf", stylesheets=sheets)
        times.append(time.perf_counter() - t)
else:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        ready = time.perf_counter()
        for i in range(runs):
            t = time.perf_counter()
            page = browser.new_page()
            page.goto(url)
            page.pdf(path=f"{out}/chromium-{i}.pdf", prefer_css_page_size=True, print_background=True)
            page.close()
            times.append(time.perf_counter() - t)
        browser.close()
print(json.dumps({"startup": ready - start, "renders": times}))
"""

# Feature probes, each a tiny document; printed results are read back with poppler-utils.
PROBE_HTML = """<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4 portrait; margin: 15mm;
        @bottom-center { content: "SOP 1/2020 - Halaman " counter(page) " dari " counter(pages); font-size: 9pt; } }
@page mendatar { size: A4 landscape; }
.mendatar { page: mendatar; break-before: page; }
h1 { bookmark-level: 1; } h2 { bookmark-level: 2; }
a.isi::after { content: " ... " target-counter(attr(href), page); }
</style></head><body>
<h1>Daftar Isi</h1><p><a class="isi" href="#tabel">Tabel prosedur</a></p>
<div class="mendatar"><h2 id="tabel">Tabel prosedur</h2><p>halaman mendatar</p></div>
<div style="break-before: page"><h2>Lembar kerja</h2></div>
</body></html>"""

# WeasyPrint lays Material's flex page frame (.md-container > .md-main > .md-grid) out on the first page
# only and drops the rest; laying those boxes out as blocks is the least a dedicated print sheet needs.
WEASYPRINT_BLOCKS = ".md-container, .md-main, .md-main__inner, .md-content, .md-grid { display: block !important; }"
VARIANTS = {"chromium": ("chromium", ""), "weasyprint": ("weasyprint", ""),
            "weasyprint+blok": ("weasyprint", WEASYPRINT_BLOCKS)}

PROBE_WORKER = r"""
import json, sys
engine, html, out, chromium, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], json.loads(sys.argv[5])
if engine == "weasyprint":
    import logging, weasyprint
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    weasyprint.HTML(string=open(html, encoding="utf-8").read()).write_pdf(f"{out}/probe-weasyprint.pdf")
else:
    from pathlib import Path
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        page = browser.new_page()
        page.goto(Path(html).as_uri())
        page.pdf(path=f"{out}/probe-chromium.pdf", prefer_css_page_size=True, outline=True, tagged=True)
        page.goto(Path(html).with_name("probe-polos.html").as_uri())
        page.pdf(path=f"{out}/probe-chromium-footer.pdf", prefer_css_page_size=True, display_header_footer=True,
                 header_template="<span></span>",
                 footer_template='<div style="font-size:8pt;width:100%;text-align:center">SOP 1/2020 - Halaman '
                                 '<span class="pageNumber"></span> dari <span class="totalPages"></span></div>')
        browser.close()
outlines = {}
for name in [f"probe-{engine}"] + (["probe-chromium-footer"] if engine == "chromium" else []):
    try:  # pypdf reads compressed object streams (WeasyPrint's); without it, look for the bytes
        import pypdf
        def count(items):
            return sum(count(i) if isinstance(i, list) else 1 for i in items)
        outlines[name] = count(pypdf.PdfReader(f"{out}/{name}.pdf").outline)
    except ImportError:
        outlines[name] = int(b"/Outlines" in open(f"{out}/{name}.pdf", "rb").read())
print(json.dumps(outlines))
"""




def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree_mb(root: int) -> tuple[float, float]:
    """Memory of `root` and all its descendants, in MB (Linux /proc): (sum of RSS, sum of PSS).
    RSS counts pages shared between Chromium's processes once per process; PSS divides them."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    total_rss, total_pss, stack = 0, 0, [root]
    while stack:
        pid = stack.pop()
        total_rss += rss.get(pid, 0)
        total_pss += _pss_kb(pid) * 1024
        stack.extend(children.get(pid, []))
    return total_rss / 2**20, total_pss / 2**20


def run_sampled(cmd: list[str]) -> tuple[float, tuple[float, float], str, str, int]:
    """Run `cmd`; wall seconds, peak (RSS, PSS) of its process tree (sampled every 20 ms), stdout, stderr, code."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = (0.0, 0.0)
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(proc.communicate()))
    reader.start()
    while proc.poll() is None:
        rss, pss = _tree_mb(proc.pid)
        peak = (max(peak[0], rss), max(peak[1], pss))
        time.sleep(0.02)
    reader.join()
    stdout, stderr = out[0]
    return time.perf_counter() - start, peak, stdout, stderr, proc.returncode


def interpreter_for(engine: str, candidates: list[str]) -> str | None:
    module = "weasyprint" if engine == "weasyprint" else "playwright.sync_api"
    for python in candidates:
        if python and subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0:
            return python
    return None


def _poppler(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def inspect(pdf: Path, kegiatan: list[str], png_dir: Path) -> dict:
    """What a reader of the PDF sees: pages, orientation, fonts, text, raster images."""
    info = _poppler("pdfinfo", "-l", "999", str(pdf))
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    fonts = _poppler("pdffonts", str(pdf)).splitlines()[2:]
    # pdffonts columns: name type encoding emb sub uni object ID; "emb" is the 3rd-from-last-but-2 field.
    embedded = [line.split()[-5] == "yes" for line in fonts if line.strip()]
    text = " ".join(_poppler("pdftotext", str(pdf), "-").split())
    images = [line for line in _poppler("pdfimages", "-list", str(pdf)).splitlines()[2:] if line.strip()]
    png_dir.mkdir(parents=True, exist_ok=True)
    stem = png_dir / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(stem)], check=True)
    return {
        "pages": len(sizes),
        "orientation": "".join("L" if w > h else "P" for w, h in sizes),
        "sizes_mm": sorted({f"{w / 72 * 25.4:.0f}x{h / 72 * 25.4:.0f}" for w, h in sizes}),
        "fonts": len(embedded),
        "fonts_embedded": bool(embedded) and all(embedded),
        "kegiatan_found": sum(" ".join(k.split()) in text for k in kegiatan),
        "kegiatan_total": len(kegiatan),
        "raster_images": len(images),
        "bytes": pdf.stat().st_size,
        "pngs": sorted(str(p) for p in png_dir.glob(f"{pdf.stem}-*.png")),
    }


def _fixed_dates(data: bytes) -> bytes:
    """The PDF with its Info dates set to one value, lengths kept (what a fixed SOURCE_DATE_EPOCH would do)."""
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)",
                  lambda m: b"/" + m.group(1) + b" (D:" + b"0" * (len(m.group(0)) - len(m.group(1)) - 6) + b")", data)


def determinism(a: Path, b: Path) -> dict:
    """Are two renders byte-identical, and if not, which Info/trailer keys differ."""
    da, db = a.read_bytes(), b.read_bytes()
    keys = {}
    for key in (rb"/CreationDate", rb"/ModDate", rb"/ID"):
        pattern = re.escape(key) + rb"\s*(\([^)]*\)|\[[^\]]*\])"
        va, vb = re.findall(pattern, da), re.findall(pattern, db)
        if va or vb:
            keys[key.decode()] = "differs" if va != vb else "same"
    return {"identical": da == db, "identical_with_fixed_dates": _fixed_dates(da) == _fixed_dates(db), "keys": keys}


def seed_kegiatan() -> list[str]:
    import yaml

    data = yaml.safe_load((REPO / "sop" / f"{SEED_SLUG}.yml").read_text(encoding="utf-8"))
    steps = data.get("langkah") or data.get("prosedur") or []
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                if isinstance(item.get("kegiatan"), str):
                    found.append(item["kegiatan"])
                for value in item.values():
                    if isinstance(value, list):
                        walk(value)

    walk(steps)
    return found


def probe(engine: str, python: str, out: Path) -> dict:
    html = out / "probe.html"
    html.write_text(PROBE_HTML, encoding="utf-8")
    # Without the CSS margin box, for Chromium's footerTemplate (both would print, one over the other).
    html.with_name("probe-polos.html").write_text(re.sub(r"\n\s*@bottom-center \{[^}]*\} ", " ", PROBE_HTML), encoding="utf-8")
    proc = subprocess.run([python, "-c", PROBE_WORKER, engine, str(html), str(out), CHROMIUM or "", json.dumps(BROWSER_ARGS)],
                          capture_output=True, text=True)
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1:]}
    outlines = json.loads(proc.stdout)
    result = {}
    for name in ([f"probe-{engine}"] + (["probe-chromium-footer"] if engine == "chromium" else [])):
        pdf = out / f"{name}.pdf"
        info = _poppler("pdfinfo", "-l", "99", str(pdf))
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
        text = " ".join(_poppler("pdftotext", str(pdf), "-").split())
        result[name] = {
            "orientation": "".join("L" if float(w) > float(h) else "P" for w, h in sizes),
            "page_footer": bool(re.search(r"Halaman 1 dari 3", text)),
            "target_counter_page": bool(re.search(r"Tabel prosedur \.\.\. 2", text)),
            "outline_entries": outlines[name],
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="cold processes, and PDFs per process (warm = 2nd..)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "pdf-bench")
    parser.add_argument("--python", action="append", default=[],
                        help="another interpreter to try for an engine (e.g. a venv holding WeasyPrint)")
    args = parser.parse_args(argv)
    out: Path = args.out
    shutil.rmtree(out, ignore_errors=True)
    (out / "site").parent.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {
        "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out / "site")],
                           cwd=REPO, env=env, capture_output=True, text=True)
    if build.returncode:
        print(build.stderr, file=sys.stderr)
        return 1
    kegiatan = seed_kegiatan()
    candidates = [sys.executable, *args.python, os.environ.get("PDF_ENGINE_PYTHON", "")]
    results: dict[str, dict] = {}
    with serve(out / "site") as base:
        url = f"{base}/sop/{SEED_SLUG}/"
        for engine, (kind, extra_css) in VARIANTS.items():
            python = interpreter_for(kind, candidates)
            if python is None or (kind == "chromium" and not CHROMIUM):
                what = "weasyprint (pip install weasyprint; butuh pango)" if kind == "weasyprint" else "playwright+chromium"
                print(f"[lewati] {engine}: tidak dapat diimpor/dijalankan — perlu {what}; coba --python VENV/bin/python")
                continue
            cold, peaks, warm = [], [], []
            for n in range(args.runs):
                run_dir = out / engine / f"run{n}"
                run_dir.mkdir(parents=True)
                wall, peak, stdout, stderr, code = run_sampled(
                    [python, "-c", WORKER, engine, url, str(run_dir), str(args.runs), CHROMIUM or "", json.dumps(BROWSER_ARGS),
                     extra_css])
                if code:
                    print(f"[galat] {engine}: {stderr.strip().splitlines()[-1:]}")
                    break
                timing = json.loads(stdout)
                cold.append(wall - sum(timing["renders"][1:]))  # process start .. first PDF written
                warm.extend(timing["renders"][1:])
                peaks.append(peak)
            if not cold:
                continue
            first = out / engine / "run0" / f"{engine}-0.pdf"
            second = out / engine / "run1" / f"{engine}-0.pdf" if args.runs > 1 else out / engine / "run0" / f"{engine}-1.pdf"
            results[engine] = {
                "python": python,
                "cold_s": statistics.median(cold),
                "warm_s": statistics.median(warm) if warm else None,
                "peak_rss_mb": max(p[0] for p in peaks),
                "peak_pss_mb": max(p[1] for p in peaks),
                **inspect(first, kegiatan, out / "png"),
                "determinism": determinism(first, second) if second.exists() else None,
                "probe": probe(kind, python, out) if not extra_css else "(lihat weasyprint)",
            }
    (out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    rows = [
        ("dingin (s, median)", "cold_s", "{:.2f}"), ("hangat (s, median)", "warm_s", "{:.2f}"),
        ("puncak RSS, jumlah (MB)", "peak_rss_mb", "{:.0f}"), ("puncak PSS (MB)", "peak_pss_mb", "{:.0f}"), ("halaman", "pages", "{}"), ("orientasi", "orientation", "{}"),
        ("ukuran (mm)", "sizes_mm", "{}"), ("huruf tertanam", "fonts_embedded", "{}"), ("jumlah huruf", "fonts", "{}"),
        ("teks kegiatan ditemukan", "kegiatan_found", "{}"), ("gambar raster", "raster_images", "{}"),
        ("bait", "bytes", "{}"),
    ]
    engines = list(results)
    print(f"{'ukuran':28}" + "".join(f"{e:>18}" for e in engines))
    for label, key, fmt in rows:
        cells = []
        for e in engines:
            value = results[e].get(key)
            cells.append("-" if value is None else (fmt.format(",".join(value)) if isinstance(value, list) else fmt.format(value)))
        print(f"{label:28}" + "".join(f"{c:>18}" for c in cells))
    for e in engines:
        print(f"{e}: determinisme {results[e]['determinism']}")
        print(f"{e}: uji fitur {results[e]['probe']}")
        print(f"{e}: gambar {out / 'png'}/{e}-0-*.png")
    print(f"hasil lengkap: {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
