"""Benchmark of the SOP binder (issue 11): the PDFs a build makes, timed and weighed.

Run as `python -m benchmarks.run --pdf` (figures printed as a table and written as JSON):
  - the seed: the PDF step of a build with a cold cache (its SOP's PDF and its one-SOP book), and
    the whole build;
  - an agency of 100 SOPs (the generated corpus, every SOP moved into one agency): its book from a
    cold cache, then after editing one SOP;
  - all PDFs of N SOPs (default 1,000, spread over the corpus' agencies) from a cold cache, with
    the peak memory of the whole process tree (mkdocs and Chromium's processes, RSS and PSS summed).
The PDF step's time is the one the plugin logs ("pdf: … N detik"); each build is a process.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.corpus import generate
from benchmarks.pdf_engine import _tree_mb
from tests.harness import SEED_SOURCES, process_env, write_config

STEP = re.compile(r"pdf: (\d+) berkas di pdf/, (\d+) halaman dicetak Chromium, (\d+) dari cache, ([\d,]+) detik")


def _build(config: Path) -> dict:
    """`mkdocs build` as a process: wall time, the PDF step from its log, and peak memory of its tree."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(config)], cwd=config.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=process_env())
    out: list[tuple[str, str]] = []
    reader = threading.Thread(target=lambda: out.append(proc.communicate()))
    reader.start()
    peak = (0.0, 0.0)
    while proc.poll() is None:
        rss, pss = _tree_mb(proc.pid)
        peak = (max(peak[0], rss), max(peak[1], pss))
        time.sleep(0.2)
    reader.join()
    seconds = time.perf_counter() - start
    log = out[0][0] + out[0][1]
    if proc.returncode != 0:
        raise SystemExit(f"pembangunan gagal:\n{log[-3000:]}")
    step = STEP.search(log)
    if step is None:
        raise SystemExit(f"langkah PDF tidak ditemukan di log:\n{log[-2000:]}")
    files, printed, reused, pdf_seconds = step.groups()
    return {"build_seconds": seconds, "pdf_seconds": float(pdf_seconds.replace(",", ".")), "files": int(files),
            "printed": int(printed), "reused": int(reused), "peak_rss_mb": peak[0], "peak_pss_mb": peak[1]}


def _median(runs: list[dict]) -> dict:
    keys = ("build_seconds", "pdf_seconds")
    return {**runs[-1], **{k: statistics.median(r[k] for r in runs) for k in keys},
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "peak_pss_mb": max(r["peak_pss_mb"] for r in runs),
            "runs": [round(r["pdf_seconds"], 2) for r in runs]}


def _project(work: Path, sources: Path) -> tuple[Path, Path]:
    cache = work / "cache"
    config = write_config(work / "proj", sources=sources, site_dir=work / "site", cache_dir=cache, pdf=True)
    return config, cache


def _cold(config: Path, cache: Path, runs: int) -> dict:
    results = []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        results.append(_build(config))
    return _median(results)


def _one_agency(sources: Path) -> None:
    """Every generated SOP moved into the first agency: one book of them all."""
    files = sorted(p for p in sources.rglob("*.yml") if not p.name.startswith("_"))
    agency = re.search(r"^instansi: (\S+)$", files[0].read_text(encoding="utf-8"), re.M).group(1)
    for path in files:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^instansi: \S+$", f"instansi: {agency}", text, count=1, flags=re.M), encoding="utf-8")


def _edit_one(sources: Path, k: int) -> None:
    path = sorted(p for p in sources.rglob("*.yml") if not p.name.startswith("_"))[0]
    text = path.read_text(encoding="utf-8")
    edited = text.replace("tahap 1", f"tahap 1 suntingan {k}", 1)  # the first step's kegiatan (corpus.py)
    if edited == text:
        raise SystemExit(f"tidak ada langkah untuk disunting di {path}")
    path.write_text(edited, encoding="utf-8")


def bench_pdf(work: Path, runs: int, n_all: int, seed: int) -> dict:
    out: dict = {"runs": runs, "cpus": os.cpu_count()}
    print("PDF: benih ...", flush=True)
    base = work / "pdf-benih"
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(SEED_SOURCES, base / "sop", ignore=shutil.ignore_patterns("*.md"))
    config, cache = _project(base, base / "sop")
    out["seed_cold"] = _cold(config, cache, runs)
    out["seed_nochange"] = _median([_build(config) for _ in range(runs)])

    print("PDF: satu instansi dengan 100 SOP ...", flush=True)
    base = work / "pdf-instansi-100"
    sources = generate(base / "sop", 100, seed)
    _one_agency(sources)
    config, cache = _project(base, sources)
    out["agency100_cold"] = _cold(config, cache, runs)
    edits = []
    for k in range(runs):
        _edit_one(sources, k)
        edits.append(_build(config))
    out["agency100_edit_one"] = _median(edits)
    out["agency100_book_pages"] = _pages(base / "site" / "pdf", "buku-sop-")

    if n_all:
        print(f"PDF: semua PDF dari {n_all} SOP ...", flush=True)
        base = work / f"pdf-n{n_all}"
        sources = generate(base / "sop", n_all, seed)
        config, cache = _project(base, sources)
        out[f"all_{n_all}_cold"] = _cold(config, cache, 1)
        out["n_all"] = n_all
    return out


def _pages(folder: Path, prefix: str) -> int:
    import pypdf

    return sum(len(pypdf.PdfReader(p).pages) for p in folder.glob(f"{prefix}*.pdf"))


def pdf_table(r: dict) -> str:
    rows = ["| ukuran | langkah PDF | seluruh build | dicetak Chromium | berkas | puncak memori (RSS / PSS jumlah pohon proses) |",
            "|---|---|---|---|---|---|"]

    def row(label: str, key: str) -> None:
        x = r[key]
        rows.append(f"| {label} | {x['pdf_seconds']:.1f} s | {x['build_seconds']:.1f} s | {x['printed']} halaman | "
                    f"{x['files']} | {x['peak_rss_mb']:.0f} / {x['peak_pss_mb']:.0f} MB |")

    row("benih, cache dingin (PDF SOP + buku 1 SOP)", "seed_cold")
    row("benih, tanpa ubahan", "seed_nochange")
    row(f"instansi 100 SOP, dingin (buku {r['agency100_book_pages']} halaman + 100 PDF)", "agency100_cold")
    row("instansi 100 SOP, 1 SOP disunting", "agency100_edit_one")
    if "n_all" in r:
        row(f"{r['n_all']} SOP, semua PDF, dingin", f"all_{r['n_all']}_cold")
    return "\n".join(rows)
