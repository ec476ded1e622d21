"""Benchmark: sop check and site builds on generated corpora, against plain mkdocs-material.

For each N it generates a corpus (benchmarks/corpus.py) and measures, as the median of
several runs, wall time and peak RSS of:
  - `sop check` on the corpus, and merely parsing the same YAML files with the fastest
    loader available (PyYAML's libyaml CSafeLoader);
  - a cold site build (no site, no diagram cache), a second build with no change, and a
    build after editing one SOP (how many diagrams `dot` drew is read from the build log);
  - the baseline: plain mkdocs-material (same theme, features and search, no sop/macros
    plugins) building the same number of pages, each page's Markdown as large as the HTML
    our renderers made for that page, in folders that give the same navigation shape.
It prints one table and writes the figures as JSON.

With `--pdf` it measures the PDFs a build makes instead (benchmarks/pdf_build.py): the seed's,
a 100-SOP agency's book cold and after one edit, and all PDFs of `--pdf-n` SOPs.

With `--weight` it measures what pages and searches weigh for a reader on a phone instead
(benchmarks/page_weight.py), for Material's search and for Pagefind.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks.corpus import generate  # noqa: E402
from macros.plugin import assets  # noqa: E402
from tests.harness import process_env, write_config  # noqa: E402  (the builds the tests make, too)

PROBE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "rss_mb": rss_kb / 1024, "code": proc.returncode, "log": proc.stdout + proc.stderr}))
"""

PARSE_ONLY = r"""
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


def measure(cmd: list[str], cwd: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, *cmd], cwd=cwd, capture_output=True, text=True, env=process_env(),
                         check=True)
    return json.loads(out.stdout)


def median_of(runs: list[dict]) -> dict:
    return {"seconds": statistics.median(r["seconds"] for r in runs), "rss_mb": max(r["rss_mb"] for r in runs),
            "runs": [round(r["seconds"], 3) for r in runs]}


def build(config_path: Path) -> dict:
    result = measure([sys.executable, "-m", "mkdocs", "build", "-f", str(config_path)], config_path.parent)
    if result["code"] != 0:
        raise SystemExit(f"pembangunan gagal:\n{result['log'][-3000:]}")
    drawn = re.search(r"swimlane: (\d+) digambar", result["log"])
    result["dot_runs"] = int(drawn.group(1)) if drawn else None
    return result


WORDS = ("menerima memeriksa berkas permohonan dokumen kinerja pelayanan verifikasi surat disposisi kepala "
         "bidang seksi pelaksana laporan keuangan anggaran perencanaan evaluasi rekomendasi arsip").split()


def _markdown_of_size(title: str, size: int) -> str:
    lines = [f"# {title}", "", "| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output |", "|---|---|---|---|---|---|"]
    text = "\n".join(lines)
    i = 0
    while len(text) < size:
        words = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(12))
        lines.append(f"| {i + 1} | {words} | {WORDS[i % len(WORDS)]} | {WORDS[(i + 3) % len(WORDS)]} | 30 menit | {WORDS[(i + 5) % len(WORDS)]} |")
        text = "\n".join(lines)
        i += 1
    return text[: max(size, len(lines[0]))] + "\n"


def _baseline_docs(site: Path, sources: Path, docs: Path) -> int:
    """One Markdown page per HTML page of our site, as large as our rendered content."""
    agency_of = {}
    for path in sources.rglob("*.yml"):
        if not path.name.startswith("_"):
            agency_of[path.stem] = path.parent.name
    if docs.exists():
        shutil.rmtree(docs)
    count = 0
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site)
        if rel.parts and rel.parts[0] in ("search", "assets"):
            continue
        raw = page.read_text(encoding="utf-8")
        start, end = raw.find("<article"), raw.find("</article>")
        size = end - start if start >= 0 else 2000
        parts = list(rel.parts)
        if parts and parts[0] == "sop" and len(parts) >= 2:  # same nav shape: sop/<agency>/<slug>/...
            parts.insert(1, agency_of.get(parts[1], "lain"))
        target = docs.joinpath(*parts, "index.md") if parts else docs / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_markdown_of_size(page.parent.name or "Beranda", size), encoding="utf-8")
        count += 1
    shutil.copytree(assets.STATIC / "assets", docs / "assets")
    return count


def _site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.name == "index.html")


def bench(n: int, runs: int, work: Path, seed: int) -> dict:
    print(f"N = {n}: membuat korpus ...", flush=True)
    base = work / f"n{n}"
    sources = generate(base / "sop", n, seed)
    out: dict = {"n": n, "runs": runs}
    out["parse_yaml"] = median_of([measure([sys.executable, "-c", PARSE_ONLY, str(sources)], base) for _ in range(runs)])
    out["check"] = median_of([measure([sys.executable, "-m", "macros.cli", "check", str(sources)], REPO) for _ in range(runs)])
    site, cache = base / "site", base / "cache"
    # timed from outside, as a process: wall time and peak RSS of the whole `mkdocs build`
    config_path = write_config(base / "proj", sources=sources, site_dir=site, cache_dir=cache)
    cold = []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(build(config_path))
    out["build_cold"] = median_of(cold) | {"dot_runs": cold[-1]["dot_runs"]}
    warm = [build(config_path) for _ in range(runs)]
    out["build_nochange"] = median_of(warm) | {"dot_runs": max(r["dot_runs"] for r in warm)}
    edited = next(p for p in sorted(sources.rglob("*.yml")) if not p.name.startswith("_"))
    edits = []
    for k in range(runs):
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace("tahap 1", f"tahap 1 revisi {k}", 1) if k == 0 else text.replace(f"revisi {k - 1}", f"revisi {k}", 1), encoding="utf-8")
        edits.append(build(config_path))
    out["build_edit_one"] = median_of(edits) | {"dot_runs": max(r["dot_runs"] for r in edits)}
    size, pages = _site_size(site)
    out["site_bytes"], out["pages"] = size, pages
    docs = base / "baseline-docs"
    out["baseline_pages"] = _baseline_docs(site, sources, docs)
    baseline_site = base / "baseline-site"
    baseline_path = write_config(base / "baseline", site_dir=baseline_site, docs_dir=docs, plugins=False)
    base_runs = []
    for _ in range(runs):
        shutil.rmtree(baseline_site, ignore_errors=True)
        base_runs.append(build(baseline_path))
    out["baseline_build"] = median_of(base_runs)
    out["ratio_check_to_parse"] = out["check"]["seconds"] / out["parse_yaml"]["seconds"]
    out["ratio_build_to_baseline"] = out["build_cold"]["seconds"] / out["baseline_build"]["seconds"]
    out["seconds_per_sop"] = out["build_cold"]["seconds"] / n
    shutil.rmtree(docs, ignore_errors=True)
    shutil.rmtree(baseline_site, ignore_errors=True)
    return out


def table(results: list[dict]) -> str:
    head = ("| N | halaman | sop check | parse YAML | rasio | build dingin | build tanpa ubahan (dot) | build 1 SOP diubah (dot) "
            "| baseline mkdocs | rasio | detik/SOP | RSS puncak build | ukuran situs |")
    rule = "|" + "---|" * 13
    rows = [head, rule]
    for r in results:
        rows.append(
            f"| {r['n']} | {r['pages']} | {r['check']['seconds']:.2f} s | {r['parse_yaml']['seconds']:.2f} s | "
            f"{r['ratio_check_to_parse']:.2f}× | {r['build_cold']['seconds']:.1f} s | "
            f"{r['build_nochange']['seconds']:.1f} s ({r['build_nochange']['dot_runs']}) | "
            f"{r['build_edit_one']['seconds']:.1f} s ({r['build_edit_one']['dot_runs']}) | "
            f"{r['baseline_build']['seconds']:.1f} s | {r['ratio_build_to_baseline']:.2f}× | "
            f"{r['seconds_per_sop'] * 1000:.1f} ms | {max(r['build_cold']['rss_mb'], r['build_nochange']['rss_mb']):.0f} MB | "
            f"{r['site_bytes'] / 1e6:.0f} MB |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Ukur sop check dan pembangunan situs terhadap mkdocs-material polos.")
    parser.add_argument("--n", type=int, nargs="+", default=[100, 300, 1000, 3000], help="jumlah SOP per korpus")
    parser.add_argument("--runs", type=int, default=3, help="jumlah pengulangan (median)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/sop-benchmark"), help="folder kerja")
    parser.add_argument("--runs-large", type=int, default=2, help="pengulangan untuk N di atas --large")
    parser.add_argument("--large", type=int, default=2000, help="mulai N berapa --runs-large dipakai")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", type=Path, default=None, help="berkas JSON hasil (bawaan: benchmarks/results[-pdf].json)")
    parser.add_argument("--pdf", action="store_true", help="ukur pembuatan PDF (binder SOP), bukan situs")
    parser.add_argument("--pdf-n", type=int, default=1000, help="jumlah SOP untuk ukuran 'semua PDF' (0: lewati)")
    parser.add_argument("--history", action="store_true",
                        help="ukur tambahan riwayat git, tinjauan dan halaman audit (korpus --n pertama, bawaan 1000)")
    parser.add_argument("--weight", action="store_true",
                        help="ukur bobot halaman dan pencarian di ponsel, Material dan Pagefind (bawaan --n 100 1000 3000)")
    args = parser.parse_args(argv)
    machine = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
               "processor": platform.processor() or platform.machine()}
    if args.history:
        from benchmarks.history import bench_history, history_table

        n = args.n[0] if args.n != parser.get_default("n") else 1000
        result = bench_history(args.work, n, args.runs, args.seed)
        print(history_table(result), flush=True)
        target = args.json or REPO / "benchmarks" / "results-history.json"
        target.write_text(json.dumps({"machine": machine, "seed": args.seed, "history": result}, indent=2,
                                     ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nJSON: {target}")
        return
    if args.weight:
        from benchmarks.page_weight import bench_weight, weight_results

        ns = args.n if args.n != parser.get_default("n") else [100, 1000, 3000]
        results = []
        for n in ns:
            results += bench_weight(args.work, [n], args.runs if n <= args.large else args.runs_large, args.seed)
        target = args.json or REPO / "benchmarks" / "results-weight.json"
        target.write_text(json.dumps(weight_results(machine, args.seed, results), indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        print(f"\nJSON: {target}")
        return
    if args.pdf:
        from benchmarks.pdf_build import bench_pdf, pdf_table

        result = bench_pdf(args.work, args.runs, args.pdf_n, args.seed)
        print(pdf_table(result), flush=True)
        target = args.json or REPO / "benchmarks" / "results-pdf.json"
        target.write_text(json.dumps({"machine": machine, "seed": args.seed, "pdf": result}, indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        print(f"\nJSON: {target}")
        return
    results = []
    for n in args.n:
        results.append(bench(n, args.runs if n <= args.large else args.runs_large, args.work, args.seed))
        print(table(results), flush=True)
    args.json = args.json or REPO / "benchmarks" / "results.json"
    args.json.write_text(json.dumps({"machine": machine, "seed": args.seed, "results": results},
                                    indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.json}")


if __name__ == "__main__":
    main()
